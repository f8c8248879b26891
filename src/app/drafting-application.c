/* drafting-application.c: the application, its windows and its drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-application"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-application.h"
#include "drafting-preferences-window.h"
#include "drafting-save-changes-dialog.h"
#include "drafting-time.h"
#include "drafting-window.h"

/*
 * One instance runs per session; starting it again with files opens them
 * in its window. The first start after a crash offers back the unsaved
 * work kept as drafts; a start with nothing to open shows the bundled
 * example resolution.
 */

struct _DraftingApplication
{
  AdwApplication      parent_instance;

  GSettings          *settings;
  DraftingDraftStore *drafts;

  guint               started : 1;
  guint               quitting : 1;
};

G_DEFINE_FINAL_TYPE (DraftingApplication, drafting_application, ADW_TYPE_APPLICATION)

/**
 * drafting_application_get_draft_store:
 * @self: (nullable): the application
 *
 * Returns: (transfer none) (nullable): where unsaved work is kept against
 *   a crash
 */
DraftingDraftStore *
drafting_application_get_draft_store (DraftingApplication *self)
{
  if (!DRAFTING_IS_APPLICATION (self))
    return NULL;

  return self->drafts;
}

/**
 * drafting_application_load_example:
 *
 * Returns: (transfer full): the e-commerce resolution bundled with the
 *   application, not tied to any file
 */
DraftingDocument *
drafting_application_load_example (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DraftingDocument *document;

  bytes = g_resources_lookup_data ("/org/wco/drafting/examples/ecommerce-resolution.wcodraft",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  document = drafting_native_load_bytes (bytes, &error);
  g_assert_no_error (error);

  return document;
}

static DraftingWindow *
get_window (DraftingApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DRAFTING_IS_WINDOW (window))
    return DRAFTING_WINDOW (window);

  return drafting_window_new (ADW_APPLICATION (self));
}

/**
 * drafting_application_find_page:
 *
 * Returns: (transfer none) (nullable): the page, in any window, that shows
 *   the document of @document_file
 */
DraftingPage *
drafting_application_find_page (DraftingApplication  *self,
                                DraftingDocumentFile *document_file)
{
  g_return_val_if_fail (DRAFTING_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (document_file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GPtrArray) pages = NULL;

      if (!DRAFTING_IS_WINDOW (l->data))
        continue;

      pages = drafting_window_list_pages (l->data);
      for (guint i = 0; i < pages->len; i++)
        if (drafting_page_get_document_file (g_ptr_array_index (pages, i)) == document_file)
          return g_ptr_array_index (pages, i);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* After a crash                                                       */

/*
 * The drafts no running instance owns are listed in the background at the
 * first start; if there are any, the person is asked whether to recover
 * them. Each recovered draft is made this process's (adopted), then read,
 * both in the background, and opens in a tab; what cannot be recovered is
 * said, with why. The example resolution shows only if nothing else does.
 */

typedef struct
{
  DraftingApplication *app;
  DraftingWindow      *window;
  GPtrArray           *orphans;
  GString             *failures;   /* what could not be recovered, and why */
  guint                pending;
  gboolean             show_example;
} RecoverData;

typedef struct
{
  RecoverData       *recover;
  DraftingDraftInfo *info;
} DraftData;

static void
recover_data_free (RecoverData *data)
{
  g_object_unref (data->app);
  g_object_unref (data->window);
  g_ptr_array_unref (data->orphans);
  g_string_free (data->failures, TRUE);
  g_free (data);
}

static void
show_example_if_empty (DraftingWindow *window)
{
  if (drafting_window_get_n_pages (window) == 0)
    {
      g_autoptr(DraftingDocument) example = drafting_application_load_example ();

      drafting_window_add_document (window, example, NULL);
    }
}

/* One draft done, recovered or not; after the last, what failed is said. */
static void
recover_done (RecoverData *data)
{
  if (--data->pending > 0)
    return;

  if (data->failures->len > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (data->window),
                                                  _("Some Unsaved Work Could Not Be Recovered"),
                                                  data->failures->str);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  if (data->show_example)
    show_example_if_empty (data->window);
  recover_data_free (data);
}

static void
recover_failed (DraftData    *draft,
                const GError *error)
{
  /* Translators: a document's title, then why it could not be recovered */
  g_string_append_printf (draft->recover->failures, _("• %s: %s\n"), draft->info->title,
                          error->message);
}

static void
on_draft_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DraftData *draft = user_data;
  RecoverData *data = draft->recover;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = drafting_draft_store_load_finish (DRAFTING_DRAFT_STORE (object), result, &error);
  if (document == NULL)
    recover_failed (draft, error);
  else
    {
      g_autoptr(GFile) file = draft->info->uri != NULL ? g_file_new_for_uri (draft->info->uri) : NULL;
      g_autoptr(DraftingDocumentFile) document_file = NULL;

      /* A file open here already keeps its tab; the draft opens as new. */
      if (file != NULL && drafting_document_file_lookup (file) != NULL)
        g_clear_object (&file);

      document_file = drafting_document_file_new (document, file, data->app->drafts);
      drafting_document_file_set_draft_id (document_file, draft->info->id);
      drafting_window_add_document_file (data->window, document_file);
    }

  g_free (draft);
  recover_done (data);
}

static void
on_draft_adopted (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DraftData *draft = user_data;
  g_autoptr(GError) error = NULL;

  if (!drafting_draft_store_adopt_finish (DRAFTING_DRAFT_STORE (object), result, &error))
    {
      RecoverData *data = draft->recover;

      recover_failed (draft, error);
      g_free (draft);
      recover_done (data);
      return;
    }

  drafting_draft_store_load_async (DRAFTING_DRAFT_STORE (object), draft->info->id, NULL,
                                   on_draft_loaded, draft);
}

static void
on_draft_discarded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  if (!drafting_draft_store_discard_finish (DRAFTING_DRAFT_STORE (object), result, &error))
    g_debug ("A draft could not be removed: %s", error->message);
}

static void
on_recover_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                     const char       *response,
                     RecoverData      *data)
{
  gboolean recover = g_str_equal (response, "recover");

  data->pending = 1;
  for (guint i = 0; i < data->orphans->len; i++)
    {
      DraftingDraftInfo *info = g_ptr_array_index (data->orphans, i);

      if (recover)
        {
          DraftData *draft = g_new0 (DraftData, 1);

          draft->recover = data;
          draft->info = info;
          data->pending++;
          drafting_draft_store_adopt_async (data->app->drafts, info->id, NULL,
                                            on_draft_adopted, draft);
        }
      else
        drafting_draft_store_discard_async (data->app->drafts, info->id, NULL,
                                            on_draft_discarded, NULL);
    }

  recover_done (data);
}

static void
on_orphans_listed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RecoverData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GString *titles;
  GtkWidget *dialog;

  data->orphans = drafting_draft_store_list_orphans_finish (DRAFTING_DRAFT_STORE (object), result,
                                                            &error);
  if (data->orphans == NULL || data->orphans->len == 0)
    {
      if (data->orphans == NULL)
        data->orphans = g_ptr_array_new ();
      data->pending = 1;
      recover_done (data);
      return;
    }

  titles = g_string_new (NULL);
  for (guint i = 0; i < data->orphans->len && i < 8; i++)
    {
      DraftingDraftInfo *info = g_ptr_array_index (data->orphans, i);
      g_autofree char *when = drafting_time_format (info->modified);

      /* Translators: a document's title and when its draft was kept */
      g_string_append_printf (titles, _("• %s (%s)\n"), info->title, when);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Drafting did not close properly. The unsaved work in this "
                                       "document was kept:\n\n%s\nRecover it to go on where you were.",
                                       "Drafting did not close properly. The unsaved work in these "
                                       "documents was kept:\n\n%s\nRecover it to go on where you were.",
                                       data->orphans->len),
                          titles->str);
  g_string_free (titles, TRUE);

  dialog = adw_message_dialog_new (GTK_WINDOW (data->window), _("Recover Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recover_response), data);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Looks for the drafts no running instance owns, in the background. The
 * example shows once that is done if @show_example and nothing else is
 * open: not when files were asked for, which may still be loading. */
static void
offer_drafts (DraftingApplication *self,
              DraftingWindow      *window,
              gboolean             show_example)
{
  RecoverData *data;

  if (self->drafts == NULL || !g_settings_get_boolean (self->settings, "restore-drafts"))
    {
      if (show_example)
        show_example_if_empty (window);
      return;
    }

  data = g_new0 (RecoverData, 1);
  data->app = g_object_ref (self);
  data->window = g_object_ref (window);
  data->failures = g_string_new (NULL);
  data->show_example = show_example;
  drafting_draft_store_list_orphans_async (self->drafts, NULL, on_orphans_listed, data);
}

/* ------------------------------------------------------------------ */
/* Starting                                                            */

static void
drafting_application_activate (GApplication *app)
{
  DraftingApplication *self = DRAFTING_APPLICATION (app);
  DraftingWindow *window = get_window (self);
  gboolean first = !self->started;

  self->started = TRUE;
  gtk_window_present (GTK_WINDOW (window));

  if (first)
    offer_drafts (self, window, TRUE);
  else
    show_example_if_empty (window);
}

static void
drafting_application_open (GApplication  *app,
                           GFile        **files,
                           int            n_files,
                           const char    *hint G_GNUC_UNUSED)
{
  DraftingApplication *self = DRAFTING_APPLICATION (app);
  DraftingWindow *window = get_window (self);
  gboolean first = !self->started;

  self->started = TRUE;
  gtk_window_present (GTK_WINDOW (window));

  for (int i = 0; i < n_files; i++)
    {
      drafting_window_open_file (window, files[i]);
      /* Shown where it is open already: what was read ahead is not needed. */
      if (!drafting_document_file_is_loading (files[i]))
        drafting_preload_forget (files[i]);
    }

  if (first)
    offer_drafts (self, window, FALSE);
}

static void
update_style (DraftingApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int variant = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (variant, 0, 2)]);
}

static void
action_new_window (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *param G_GNUC_UNUSED,
                   gpointer       user_data)
{
  DraftingApplication *self = user_data;
  DraftingWindow *window = drafting_window_new (ADW_APPLICATION (self));

  drafting_window_new_document (window, DRAFTING_DOCUMENT_RESOLUTION);
  gtk_window_present (GTK_WINDOW (window));
}

static void
action_preferences (GSimpleAction *action G_GNUC_UNUSED,
                    GVariant      *param G_GNUC_UNUSED,
                    gpointer       user_data)
{
  DraftingApplication *self = user_data;
  GtkWidget *window = drafting_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
action_about (GSimpleAction *action G_GNUC_UNUSED,
              GVariant      *param G_GNUC_UNUSED,
              gpointer       user_data)
{
  DraftingApplication *self = user_data;
  const char *developers[] = { _("The Drafting developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Drafting"),
                        "developer-name", _("The Drafting developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Write the resolutions and communiqués of the World Customs "
                                      "Organization as the structured texts they are: their "
                                      "clauses, paragraphs and annexes, numbered as they print, "
                                      "with the amendments of delegations, printing and export to "
                                      "PDF, OpenDocument Text, Word and Akoma Ntoso."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_quit_answered (GObject      *object G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DraftingApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;

  self->quitting = FALSE;
  if (!drafting_save_changes_dialog_run_finish (result, &error))
    return;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (DRAFTING_IS_WINDOW (l->data))
        drafting_window_close_pages (l->data);
      else
        gtk_window_destroy (l->data);
    }
}

/* All the unsaved work of every window is asked about at once; the
 * application quits once it is all saved or given up, and nothing closes
 * on Cancel. */
static void
action_quit (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  DraftingApplication *self = user_data;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->quitting)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GPtrArray) window_pages = NULL;

      if (!DRAFTING_IS_WINDOW (l->data))
        continue;
      if (!DRAFTING_IS_WINDOW (parent))
        parent = l->data;

      window_pages = drafting_window_list_pages (l->data);
      for (guint i = 0; i < window_pages->len; i++)
        g_ptr_array_add (pages, g_ptr_array_index (window_pages, i));
    }

  if (parent == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  self->quitting = TRUE;
  drafting_save_changes_dialog_run_async (parent, pages, NULL, on_quit_answered,
                                          g_object_ref (self));
}

static const GActionEntry app_actions[] = {
  { .name = "new-window", .activate = action_new_window },
  { .name = "preferences", .activate = action_preferences },
  { .name = "about", .activate = action_about },
  { .name = "quit", .activate = action_quit },
};

static void
drafting_application_startup (GApplication *app)
{
  DraftingApplication *self = DRAFTING_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new-window", { "<Primary><Shift>n", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "win.new-resolution", { "<Primary>n", NULL } },
    { "win.open", { "<Primary>o", NULL } },
    { "win.close-page", { "<Primary>w", NULL } },
    { "win.close-window", { "<Primary><Shift>w", NULL } },
    { "document.show-outline", { "F9", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
    { "document.save", { "<Primary>s", NULL } },
    { "document.save-as", { "<Primary><Shift>s", NULL } },
    { "document.undo", { "<Primary>z", NULL } },
    { "document.redo", { "<Primary><Shift>z", "<Primary>y", NULL } },
    { "document.find", { "<Primary>f", NULL } },
    { "document.find-replace", { "<Primary>h", NULL } },
    { "document.spelling", { "F7", NULL } },
    { "document.find-next", { "<Primary>g", NULL } },
    { "document.find-previous", { "<Primary><Shift>g", NULL } },
    { "document.properties", { "<Alt>Return", NULL } },
    { "document.print", { "<Primary>p", NULL } },
    { "document.export", { "<Primary><Shift>e", NULL } },
    { "document.move-up", { "<Alt>Up", NULL } },
    { "document.move-down", { "<Alt>Down", NULL } },
    { "document.indent", { "<Alt>Right", NULL } },
    { "document.outdent", { "<Alt>Left", NULL } },
    { "document.delete-element", { "<Primary><Shift>Delete", NULL } },
    { "document.emphasis", { "<Primary>i", NULL } },
    { "document.strong", { "<Primary>b", NULL } },
    { "document.footnote", { "<Primary><Alt>f", NULL } },
    { "document.insert::preamble-clause", { "<Primary><Alt>1", NULL } },
    { "document.insert::operative-paragraph", { "<Primary><Alt>2", NULL } },
    { "document.insert::sub-paragraph", { "<Primary><Alt>3", NULL } },
    { "document.insert::principle", { "<Primary><Alt>4", NULL } },
    { "document.insert::section", { "<Primary><Alt>5", NULL } },
    { "document.insert::item", { "<Primary><Alt>6", NULL } },
  };

  G_APPLICATION_CLASS (drafting_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  /* The context menu's "Change To" lists the same kinds as the window's. */
  {
    GMenu *kinds = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "change_kind_menu");
    GMenu *context = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "context_change_kind");

    if (kinds != NULL && context != NULL)
      g_menu_append_section (context, NULL, G_MENU_MODEL (kinds));
  }

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);

  self->drafts = drafting_draft_store_new (NULL);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

/* No lock file outlives the process: those let go are removed now. */
static void
drafting_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (drafting_application_parent_class)->shutdown (app);

  drafting_file_lock_flush ();
  drafting_preload_forget_all ();
}

static void
drafting_application_finalize (GObject *object)
{
  DraftingApplication *self = (DraftingApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (drafting_application_parent_class)->finalize (object);
}

static void
drafting_application_class_init (DraftingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = drafting_application_finalize;
  app_class->activate = drafting_application_activate;
  app_class->open = drafting_application_open;
  app_class->startup = drafting_application_startup;
  app_class->shutdown = drafting_application_shutdown;
}

static void
drafting_application_init (DraftingApplication *self G_GNUC_UNUSED)
{
}

DraftingApplication *
drafting_application_new (void)
{
  return g_object_new (DRAFTING_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/wco/drafting",
                       NULL);
}
