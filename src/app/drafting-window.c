/* drafting-window.c: a window of tabs, a document a tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-window"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-application.h"
#include "drafting-file-chooser.h"
#include "drafting-page-private.h"
#include "drafting-recent.h"
#include "drafting-save-changes-dialog.h"
#include "drafting-time.h"
#include "drafting-window.h"

/*
 * The window holds pages in tabs. Its header bar's menus act on the
 * current page through the page's "document" actions, which the window
 * shows as its own while the page is current. Closing a tab or the window
 * with unsaved work asks first, about all of it at once; opening a file
 * another instance has open warns, as LibreOffice does, and opening one
 * open here already, in any window, shows it.
 */

struct _DraftingWindow
{
  AdwApplicationWindow  parent_instance;

  AdwTabView           *tab_view;
  AdwTabBar            *tab_bar;
  AdwStatusPage        *empty_page;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *undo_menu_button;
  GtkMenuButton        *element_button;
  GtkMenuButton        *primary_button;
  GMenu                *recent_section;
  GMenu                *change_kind_section;

  GSettings            *settings;
  GMenu                *undo_menu;
  DraftingPage         *current;
  GSignalGroup         *page_signals;
  GSignalGroup         *document_signals;
  GCancellable         *cancellable;   /* loads and questions under way: cancelled as it goes */
  GtkWindow            *shortcuts_window; /* the keyboard shortcuts, while shown */

  guint                 closing_pages; /* pages letting their rows go before it goes */

  guint                 closing : 1;   /* asking about unsaved work before it closes */
};

G_DEFINE_FINAL_TYPE (DraftingWindow, drafting_window, ADW_TYPE_APPLICATION_WINDOW)

/* ------------------------------------------------------------------ */
/* The current page                                                    */

static void
update_title (DraftingWindow *self)
{
  if (self->current == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Drafting"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Drafting"));
      return;
    }

  adw_window_title_set_title (self->window_title, drafting_page_get_title (self->current));
  adw_window_title_set_subtitle (self->window_title, drafting_page_get_subtitle (self->current));

  {
    /* Translators: the window's title: a document's name, then the application's */
    g_autofree char *title = g_strdup_printf (_("%s — Drafting"), drafting_page_get_title (self->current));

    gtk_window_set_title (GTK_WINDOW (self), title);
  }
}

/* The undo button's menu: what each click back would undo. */
static void
update_undo_menu (DraftingWindow *self)
{
  g_auto(GStrv) labels = NULL;

  g_menu_remove_all (self->undo_menu);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_menu_button), FALSE);
  if (self->current == NULL)
    return;

  labels = drafting_document_list_undo_labels (drafting_page_get_document (self->current), 12);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_menu_button), labels[0] != NULL);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (labels[i], NULL);

      g_menu_item_set_action_and_target (item, "document.undo-to", "u", i + 1);
      g_menu_append_item (self->undo_menu, item);
    }
}

static void
on_page_titles (DraftingWindow *self)
{
  update_title (self);
}

static void
on_history_changed (DraftingWindow *self)
{
  update_undo_menu (self);
}

/* A reload gives the page another document. */
static void
on_page_document (DraftingWindow *self)
{
  if (self->current == NULL)
    return;

  g_signal_group_set_target (self->document_signals, drafting_page_get_document (self->current));
  update_undo_menu (self);
}

static void
on_selected_page (AdwTabView     *view,
                  GParamSpec     *pspec G_GNUC_UNUSED,
                  DraftingWindow *self)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (view);
  DraftingPage *page = tab ? DRAFTING_PAGE (adw_tab_page_get_child (tab)) : NULL;

  self->current = page;
  g_signal_group_set_target (self->page_signals, page);
  g_signal_group_set_target (self->document_signals, page ? drafting_page_get_document (page) : NULL);

  /* What acts on a document comes with the page's actions, the outline's
   * toggle among them; the "+" menu, which holds only such actions, too. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "document",
                                  page ? drafting_page_get_actions (page) : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->element_button), page != NULL);
  update_title (self);
  update_undo_menu (self);

  if (page != NULL)
    drafting_page_focus (page);
}

/* With no tab, the window says what to do instead, over the tab view: the
 * tab view itself is never hidden, as pages added to it once it has been
 * would not draw their text. */
static void
show_empty (DraftingWindow *self,
            gboolean        empty)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
}

static void
on_page_attached (AdwTabView     *view G_GNUC_UNUSED,
                  AdwTabPage     *tab,
                  int             position G_GNUC_UNUSED,
                  DraftingWindow *self)
{
  DraftingPage *page = DRAFTING_PAGE (adw_tab_page_get_child (tab));

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "subtitle", tab, "tooltip", G_BINDING_SYNC_CREATE);
  show_empty (self, FALSE);
  /* libadwaita 1.2 gives the close button of a tab no accessible name (a
   * screen reader says "GtkImage"): its tooltip says what it does. */
  drafting_accessible_name_buttons (GTK_WIDGET (self->tab_bar));
}

static void
on_page_detached (AdwTabView     *view,
                  AdwTabPage     *tab G_GNUC_UNUSED,
                  int             position G_GNUC_UNUSED,
                  DraftingWindow *self)
{
  if (adw_tab_view_get_n_pages (view) == 0)
    {
      show_empty (self, TRUE);
      on_selected_page (view, NULL, self);
    }
}

static AdwTabView *
on_create_window (AdwTabView     *view G_GNUC_UNUSED,
                  DraftingWindow *self)
{
  DraftingWindow *window = drafting_window_new (ADW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  gtk_window_present (GTK_WINDOW (window));
  return window->tab_view;
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

/**
 * drafting_window_add_document_file:
 *
 * Returns: (transfer none): the page made for the document of
 *   @document_file, now current
 */
DraftingPage *
drafting_window_add_document_file (DraftingWindow       *self,
                                   DraftingDocumentFile *document_file)
{
  DraftingPage *page;
  AdwTabPage *tab;

  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (document_file), NULL);

  show_empty (self, FALSE);
  page = drafting_page_new_for_document_file (document_file);
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  adw_tab_view_set_selected_page (self->tab_view, tab);

  return page;
}

/**
 * drafting_window_add_document:
 * @file: (nullable): where @document is saved
 *
 * Returns: (transfer none): the page made for @document, now current
 */
DraftingPage *
drafting_window_add_document (DraftingWindow   *self,
                              DraftingDocument *document,
                              GFile            *file)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;

  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  document_file = drafting_document_file_new (document, file,
                                              drafting_application_get_draft_store (DRAFTING_APPLICATION_DEFAULT));
  return drafting_window_add_document_file (self, document_file);
}

void
drafting_window_new_document (DraftingWindow       *self,
                              DraftingDocumentType  type)
{
  g_autoptr(DraftingDocument) document = drafting_document_new_from_template (type);

  g_return_if_fail (DRAFTING_IS_WINDOW (self));

  drafting_window_add_document (self, document, NULL);
}

DraftingPage *
drafting_window_get_current_page (DraftingWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), NULL);

  return self->current;
}

guint
drafting_window_get_n_pages (DraftingWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), 0);

  return adw_tab_view_get_n_pages (self->tab_view);
}

/**
 * drafting_window_find_file:
 *
 * Returns: (transfer none) (nullable): the page that has @file open
 */
DraftingPage *
drafting_window_find_file (DraftingWindow *self,
                           GFile          *file)
{
  guint n;

  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), NULL);

  n = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      DraftingPage *page = DRAFTING_PAGE (adw_tab_page_get_child (tab));
      GFile *other = drafting_page_get_file (page);

      if (other != NULL && g_file_equal (other, file))
        return page;
    }

  return NULL;
}

static void
select_page (DraftingWindow *self,
             DraftingPage   *page)
{
  adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
}

/**
 * drafting_window_present_page:
 *
 * Shows @page, a page of this window, and the window.
 */
void
drafting_window_present_page (DraftingWindow *self,
                              DraftingPage   *page)
{
  g_return_if_fail (DRAFTING_IS_WINDOW (self));
  g_return_if_fail (DRAFTING_IS_PAGE (page));

  select_page (self, page);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * drafting_window_list_pages:
 *
 * Returns: (transfer container) (element-type DraftingPage): the pages
 */
GPtrArray *
drafting_window_list_pages (DraftingWindow *self)
{
  GPtrArray *pages = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (DRAFTING_IS_WINDOW (self), NULL);

  n = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (pages, adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));

  return pages;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct
{
  DraftingWindow    *window;
  GFile             *file;
  DraftingLoadFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

static void
show_error (DraftingWindow *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_warnings_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                      const char       *response G_GNUC_UNUSED,
                      gpointer          user_data G_GNUC_UNUSED)
{
}

static void
show_warnings (DraftingWindow *self,
               GFile          *file,
               GPtrArray      *warnings)
{
  g_autofree char *name = g_file_get_basename (file);
  GString *body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” was imported with %u remark",
                                          "“%s” was imported with %u remarks",
                                          warnings->len),
                             name, warnings->len);

  for (guint i = 0; i < warnings->len && i < 20; i++)
    {
      DraftingImportWarning *warning = g_ptr_array_index (warnings, i);

      /* Translators: a remark about a line of the imported text */
      g_string_append_printf (body, _("Line %u: %s\n"), warning->line, warning->message);
    }
  if (warnings->len > 20)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more remark.",
                                               "…and %u more remarks.", warnings->len - 20),
                            warnings->len - 20);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_warnings_response), NULL);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (body, TRUE);
}

/* "23.11.2026 09:12", as lock files write it in the local time of the
 * computer that wrote it, said as "23 November 2026, 09:12". */
static char *
lock_date (const char *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) time = NULL;
  int day, month, year, hour, minute;

  if (sscanf (date, "%d.%d.%d %d:%d", &day, &month, &year, &hour, &minute) != 5 ||
      (time = g_date_time_new (zone, year, month, day, hour, minute, 0)) == NULL)
    return g_strdup (date);

  return drafting_time_format (time);
}

static void load (DraftingWindow    *self,
                  GFile             *file,
                  DraftingLoadFlags  flags);

static void
on_locked_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    OpenData         *data)
{
  if (g_str_equal (response, "anyway"))
    load (data->window, data->file, DRAFTING_LOAD_FORCE);
  else if (g_str_equal (response, "read-only"))
    load (data->window, data->file, DRAFTING_LOAD_READ_ONLY);

  open_data_free (data);
}

/* Someone else has the file open: the person chooses. */
static void
ask_locked (DraftingWindow    *self,
            GFile             *file,
            DraftingLockOwner *holder)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;
  OpenData *data = g_new0 (OpenData, 1);
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Is Already Open"), name);
  when = lock_date (holder->date);
  if (holder->name[0] == '\0' && holder->login[0] == '\0')
    body = g_strdup (_("Someone else has it open for editing. If both of you change it, one may "
                       "overwrite the other’s work. Open it read-only to read it without that risk."));
  else
    /* Translators: a person's name, the name of their computer, and since when */
    body = g_strdup_printf (_("%s has had it open on the computer “%s” since %s. If both "
                              "of you change it, one may overwrite the other’s work. Open it "
                              "read-only to read it without that risk."),
                            holder->name[0] != '\0' ? holder->name : holder->login,
                            holder->host, when);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "read-only", _("Open _Read-Only"),
                                    "anyway", _("Open _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  g_signal_connect (dialog, "response", G_CALLBACK (on_locked_response), data);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_loaded (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  DraftingWindow *self = data->window;
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  DraftingPage *page;

  document_file = drafting_document_file_load_finish (result, &warnings, &holder, &error);

  /* The window is gone, or going: nothing of it is touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&data, open_data_free);
      return;
    }

  if (document_file == NULL && holder != NULL)
    ask_locked (self, data->file, holder);
  else if (document_file == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      /* Opened meanwhile, from elsewhere: it is shown where it is. */
      DraftingDocumentFile *open = drafting_document_file_lookup (data->file);
      DraftingPage *shown = open != NULL ? drafting_application_find_page (DRAFTING_APPLICATION_DEFAULT, open) : NULL;

      if (shown != NULL)
        drafting_window_present_page (DRAFTING_WINDOW (gtk_widget_get_root (GTK_WIDGET (shown))), shown);
    }
  else if (document_file == NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

      show_error (self, heading, error->message);
    }
  else
    {
      page = drafting_window_add_document_file (self, document_file);
      if (drafting_page_get_file (page) != NULL)
        drafting_recent_add (data->file);
      else
        /* Imported text: the page is named after it, and saved beside it. */
        _drafting_page_set_imported_from (page, data->file);

      if (warnings != NULL && warnings->len > 0)
        show_warnings (self, data->file, warnings);
    }

  open_data_free (data);
}

/* Locks and reads the file in the background; a window destroyed
 * meanwhile cancels it. */
static void
load (DraftingWindow    *self,
      GFile             *file,
      DraftingLoadFlags  flags)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->flags = flags;
  drafting_document_file_load_async (file,
                                     drafting_application_get_draft_store (DRAFTING_APPLICATION_DEFAULT),
                                     flags, self->cancellable, on_loaded, data);
}

/**
 * drafting_window_open_file:
 *
 * Opens @file in a new tab. A file open here already, in this window or
 * another, is shown instead; one another instance has open is opened only
 * once the person has chosen to open it anyway, or read-only.
 */
void
drafting_window_open_file (DraftingWindow *self,
                           GFile          *file)
{
  DraftingDocumentFile *document_file;

  g_return_if_fail (DRAFTING_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((document_file = drafting_document_file_lookup (file)) != NULL)
    {
      DraftingPage *page = drafting_application_find_page (DRAFTING_APPLICATION_DEFAULT, document_file);

      if (page != NULL)
        {
          drafting_window_present_page (DRAFTING_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                        page);
          return;
        }
    }

  /* Being opened already: it shows up when it is read. */
  if (drafting_document_file_is_loading (file))
    return;

  load (self, file, DRAFTING_LOAD_NONE);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  DraftingWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          drafting_window_open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_open (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  DraftingWindow *self = DRAFTING_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = drafting_file_chooser_new (GTK_WINDOW (self), DRAFTING_FILE_CHOOSER_OPEN, NULL, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  drafting_window_open_file (DRAFTING_WINDOW (widget), file);
}

static void
action_new (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param G_GNUC_UNUSED)
{
  DraftingDocumentType type = DRAFTING_DOCUMENT_GENERIC;

  if (g_str_equal (action_name, "win.new-resolution"))
    type = DRAFTING_DOCUMENT_RESOLUTION;
  else if (g_str_equal (action_name, "win.new-communique"))
    type = DRAFTING_DOCUMENT_COMMUNIQUE;

  drafting_window_new_document (DRAFTING_WINDOW (widget), type);
}

static void
action_close_page (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *param G_GNUC_UNUSED)
{
  DraftingWindow *self = DRAFTING_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
action_close_window (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The keyboard shortcuts, built when asked for and let go once closed,
 * rather than built hidden with every window as GtkApplicationWindow does
 * with a help overlay: that costs each window's start, and GTK 4.8 gives
 * a screen reader that asks for a window just closed the last window it
 * has, shown or not, and fails on one never shown. */
static void
action_show_shortcuts (GtkWidget  *widget,
                       const char *action_name G_GNUC_UNUSED,
                       GVariant   *param G_GNUC_UNUSED)
{
  DraftingWindow *self = DRAFTING_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/wco/drafting/ui/drafting-shortcuts-window.ui");
      GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

      gtk_window_set_transient_for (window, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (window, TRUE);
      g_set_weak_pointer (&self->shortcuts_window, window);
    }

  gtk_window_present (self->shortcuts_window);
}

/* The recent documents, for the menu. */
static void
update_recent (DraftingWindow *self)
{
  g_autoptr(GPtrArray) items = drafting_recent_list (10);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < items->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }

  if (items->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "win.none");

      g_menu_append_item (self->recent_section, item);
    }
}

/* ------------------------------------------------------------------ */
/* Closing                                                             */

typedef struct
{
  DraftingWindow *window;
  AdwTabPage     *tab;
} CloseData;

static void
close_data_free (CloseData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->tab);
  g_free (data);
}

/* The page is blank and its rows gone: the tab goes. */
static void
on_page_closed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CloseData *data = user_data;

  drafting_page_close_finish (DRAFTING_PAGE (object), result, NULL);
  adw_tab_view_close_page_finish (data->window->tab_view, data->tab, TRUE);
  close_data_free (data);
}

static void
on_page_answered (GObject      *object G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CloseData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (drafting_save_changes_dialog_run_finish (result, &error))
    {
      drafting_page_close_async (DRAFTING_PAGE (adw_tab_page_get_child (data->tab)),
                                 on_page_closed, data);
      return;
    }

  adw_tab_view_close_page_finish (data->window->tab_view, data->tab, FALSE);
  close_data_free (data);
}

/* A tab closes once its unsaved work is saved or given up by choice. */
static gboolean
on_close_page (AdwTabView     *view G_GNUC_UNUSED,
               AdwTabPage     *tab,
               DraftingWindow *self)
{
  DraftingPage *page = DRAFTING_PAGE (adw_tab_page_get_child (tab));
  g_autoptr(GPtrArray) pages = NULL;
  CloseData *data;

  data = g_new0 (CloseData, 1);
  data->window = g_object_ref (self);
  data->tab = g_object_ref (tab);

  if (!drafting_page_get_modified (page))
    {
      drafting_page_close_async (page, on_page_closed, data);
      return GDK_EVENT_STOP;
    }

  select_page (self, page);
  pages = g_ptr_array_new ();
  g_ptr_array_add (pages, page);
  drafting_save_changes_dialog_run_async (GTK_WINDOW (self), pages, NULL, on_page_answered, data);

  return GDK_EVENT_STOP;
}

static void
on_window_page_closed (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DraftingWindow) self = user_data;

  drafting_page_close_finish (DRAFTING_PAGE (object), result, NULL);
  if (--self->closing_pages == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * drafting_window_close_pages:
 *
 * Closes every page, as the person chose for their unsaved work (which
 * is not asked about again), then the window, once the pages have let
 * their rows go.
 */
void
drafting_window_close_pages (DraftingWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_return_if_fail (DRAFTING_IS_WINDOW (self));

  if (self->closing_pages > 0)
    return;

  pages = drafting_window_list_pages (self);
  if (pages->len == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->closing = TRUE;
  self->closing_pages = pages->len;
  for (guint i = 0; i < pages->len; i++)
    drafting_page_close_async (g_ptr_array_index (pages, i), on_window_page_closed,
                               g_object_ref (self));
}

static void
on_window_answered (GObject      *object G_GNUC_UNUSED,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DraftingWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->closing = FALSE;
  if (drafting_save_changes_dialog_run_finish (result, &error))
    drafting_window_close_pages (self);
}

static void
save_size (DraftingWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);

  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
}

/* All the window's unsaved work is asked about at once; the window closes
 * once every document is saved or given up, and stays as it is on Cancel
 * or when a save fails. */
static gboolean
drafting_window_close_request (GtkWindow *window)
{
  DraftingWindow *self = DRAFTING_WINDOW (window);
  g_autoptr(GPtrArray) pages = drafting_window_list_pages (self);
  gboolean modified = FALSE;

  if (self->closing)
    return GDK_EVENT_STOP;

  save_size (self);

  for (guint i = 0; i < pages->len; i++)
    modified |= drafting_page_get_modified (g_ptr_array_index (pages, i));

  if (!modified)
    {
      drafting_window_close_pages (self);
      return GDK_EVENT_STOP;
    }

  self->closing = TRUE;
  drafting_save_changes_dialog_run_async (window, pages, NULL, on_window_answered,
                                          g_object_ref (self));
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------ */
/* Dropping files                                                      */

static gboolean
on_drop (GtkDropTarget  *target G_GNUC_UNUSED,
         const GValue   *value,
         double          x G_GNUC_UNUSED,
         double          y G_GNUC_UNUSED,
         DraftingWindow *self)
{
  g_autoptr(GPtrArray) amendment_files = NULL;
  DraftingPage *page;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  page = drafting_window_get_current_page (self);
  amendment_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A delegation's amendments go into the document they amend. */
      if (page != NULL && name != NULL && g_str_has_suffix (name, DRAFTING_AMENDMENT_FILE_EXTENSION))
        g_ptr_array_add (amendment_files, g_object_ref (l->data));
      else
        drafting_window_open_file (self, l->data);
    }
  if (page != NULL)
    drafting_page_import_amendments (page, amendment_files);
  g_slist_free (files);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_window_dispose (GObject *object)
{
  DraftingWindow *self = (DraftingWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->shortcuts_window);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->document_signals);
  /* The tab view lets its pages go as it is disposed: the window, half
   * disposed by then, has no more to say of them. */
  if (self->tab_view != NULL)
    g_signal_handlers_disconnect_by_data (self->tab_view, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_WINDOW);

  G_OBJECT_CLASS (drafting_window_parent_class)->dispose (object);
}

static void
drafting_window_finalize (GObject *object)
{
  DraftingWindow *self = (DraftingWindow *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->undo_menu);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (drafting_window_parent_class)->finalize (object);
}

static void
drafting_window_class_init (DraftingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = drafting_window_dispose;
  object_class->finalize = drafting_window_finalize;
  window_class->close_request = drafting_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, undo_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, element_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, DraftingWindow, change_kind_section);
  gtk_widget_class_bind_template_callback (widget_class, on_close_page);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_attached);
  gtk_widget_class_bind_template_callback (widget_class, on_page_detached);
  gtk_widget_class_bind_template_callback (widget_class, on_create_window);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.new-resolution", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.new-communique", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.new-blank", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.close-page", NULL, action_close_page);
  gtk_widget_class_install_action (widget_class, "win.close-window", NULL, action_close_window);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, action_show_shortcuts);
}

static void
drafting_window_init (DraftingWindow *self)
{
  GtkDropTarget *drop;
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Home and Ctrl+End go to the start and end of the document, as in
   * every editor; Ctrl+Page Up and Down and Alt+1…9 switch tabs. */
  adw_tab_view_remove_shortcuts (self->tab_view,
                                 ADW_TAB_VIEW_SHORTCUT_CONTROL_HOME |
                                 ADW_TAB_VIEW_SHORTCUT_CONTROL_END);

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               CLAMP (g_settings_get_int (self->settings, "window-width"), 360, 4000),
                               CLAMP (g_settings_get_int (self->settings, "window-height"), 360, 4000));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->undo_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->undo_menu_button, G_MENU_MODEL (self->undo_menu));

  if (GTK_IS_APPLICATION (app))
    {
      GMenu *kinds = gtk_application_get_menu_by_id (GTK_APPLICATION (app), "change_kind_menu");

      if (kinds != NULL)
        g_menu_append_section (self->change_kind_section, NULL, G_MENU_MODEL (kinds));
    }

  self->page_signals = g_signal_group_new (DRAFTING_TYPE_PAGE);
  g_signal_group_connect_swapped (self->page_signals, "notify::title", G_CALLBACK (on_page_titles), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::subtitle", G_CALLBACK (on_page_titles), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::document", G_CALLBACK (on_page_document), self);

  self->document_signals = g_signal_group_new (DRAFTING_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_history_changed), self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* No page yet: what acts on one is off until one comes. */
  show_empty (self, TRUE);
  on_selected_page (self->tab_view, NULL, self);
}

DraftingWindow *
drafting_window_new (AdwApplication *application)
{
  return g_object_new (DRAFTING_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
