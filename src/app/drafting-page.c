/* drafting-page.c: one open document, in a tab of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-application.h"
#include "drafting-file-chooser.h"
#include "drafting-page-private.h"
#include "drafting-recent.h"

/*
 * A page holds one document: the outline beside it, the text laid out as it
 * prints, the find bar above. Its actions (the "document" group, in
 * drafting-page-actions.c) act on the element the cursor is in; the window
 * shows the current page's group in its menus too.
 *
 * The document's file is a DraftingDocumentFile: its lock, its drafts,
 * whether someone else changed it on disk. The page says what the person
 * must know of it in bars above the text, which stay until dealt with:
 * the file changed or deleted on disk (Reload, Save), the last save failed
 * and why (Save As), unsaved changes no longer kept as drafts (Save).
 * Saving asks for a name when the document has none or may not be saved
 * over its file, and asks before overwriting someone else's changes.
 */

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_SAVE,
  RESPONSE_SAVE_AS,
};

G_DEFINE_FINAL_TYPE (DraftingPage, drafting_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DOCUMENT_FILE,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Titles                                                              */

/* What to call the document: its file's name; for imported text not yet
 * saved, the name of the text without its extension ("council-resolution"
 * for "council-resolution.txt"); else its title, else "Untitled Document". */
static char *
dup_name (DraftingPage *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (drafting_document_file_get_file (self->document_file) != NULL ||
      self->imported_from == NULL ||
      (basename = g_file_get_basename (self->imported_from)) == NULL)
    return drafting_document_file_dup_name (self->document_file);

  name = g_filename_display_name (basename);
  if ((dot = strrchr (name, '.')) != NULL && dot != name)
    *dot = '\0';

  return g_steal_pointer (&name);
}

static void
update_titles (DraftingPage *self)
{
  GFile *file = drafting_document_file_get_file (self->document_file);
  g_autofree char *name = dup_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Names only: nothing here may wait on the disk. */
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        {
          g_autofree char *path = g_file_get_parse_name (parent);
          const char *home = g_get_home_dir ();

          /* A path reads in its own direction, isolated (U+2068 … U+2069)
           * from the interface's: "~/Documents" in an Arabic window. */
          if (g_str_has_prefix (path, home) && home[1] != '\0')
            subtitle = g_strconcat ("\u2068~", path + strlen (home), "\u2069", NULL);
          else
            subtitle = g_strconcat ("\u2068", path, "\u2069", NULL);
        }
      else
        subtitle = g_strdup ("");
    }
  else
    subtitle = g_strdup (_("Not saved"));

  if (drafting_document_file_get_read_only (self->document_file))
    {
      /* Translators: after the folder of a document opened read-only */
      g_autofree char *with = g_strdup_printf (_("%s — Read-Only"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }

  g_free (self->name);
  self->name = g_strdup (name);

  /* The unsaved mark, as a bullet before the name. */
  title = drafting_document_get_modified (self->document)
          ? g_strconcat ("• ", name, NULL) : g_steal_pointer (&name);

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (g_strcmp0 (subtitle, self->subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_steal_pointer (&subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

/* ------------------------------------------------------------------ */
/* What the person must know of the file                               */

static void
set_bar (GtkInfoBar *bar,
         GtkLabel   *title,
         GtkLabel   *body,
         const char *title_text,
         const char *body_text)
{
  if (title != NULL)
    gtk_label_set_label (title, title_text);
  gtk_label_set_label (body, body_text);
  gtk_widget_set_visible (GTK_WIDGET (bar), TRUE);
  gtk_info_bar_set_revealed (bar, TRUE);
}

static void
hide_bar (GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
}

static void
update_file_bar (DraftingPage *self)
{
  DraftingExternalChange change = drafting_document_file_get_external_change (self->document_file);
  g_autofree char *title = NULL;
  const char *body;

  /* Only what can be done is offered. */
  gtk_widget_set_visible (self->file_bar_reload, change == DRAFTING_EXTERNAL_CHANGE_MODIFIED);
  gtk_widget_set_visible (self->file_bar_save,
                          change == DRAFTING_EXTERNAL_CHANGE_DELETED &&
                          !drafting_document_file_get_read_only (self->document_file));

  switch (change)
    {
    case DRAFTING_EXTERNAL_CHANGE_MODIFIED:
      /* Translators: %s is a document's name */
      title = g_strdup_printf (_("“%s” Has Changed on Disk"), self->name);
      body = drafting_document_get_modified (self->document)
             ? _("Someone else has changed the file since it was opened here. Reload it to see "
                 "their version: the changes not yet saved here would be lost.")
             : _("Someone else has changed the file since it was opened here. Reload it to see "
                 "their version.");
      set_bar (self->file_bar, self->file_bar_title, self->file_bar_body, title, body);
      break;

    case DRAFTING_EXTERNAL_CHANGE_DELETED:
      /* Translators: %s is a document's name */
      title = g_strdup_printf (_("“%s” Is No Longer on Disk"), self->name);
      body = _("It has been deleted, moved or renamed. Save the document to write it there "
               "again, or save it elsewhere.");
      set_bar (self->file_bar, self->file_bar_title, self->file_bar_body, title, body);
      break;

    case DRAFTING_EXTERNAL_CHANGE_NONE:
    default:
      hide_bar (self->file_bar);
      break;
    }
}

/* What a person can do about a failed save, by its cause. */
static const char *
save_advice (const GError *error)
{
  if (g_error_matches (error, DRAFTING_ERROR, DRAFTING_ERROR_OPENED_READ_ONLY))
    return _("Save it under another name with Save As.");

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return _("Free some space on the disk, or save the document on another disk with "
                 "Save As.");
      case G_IO_ERROR_PERMISSION_DENIED:
      case G_IO_ERROR_READ_ONLY:
      case G_IO_ERROR_NOT_FOUND:
      case G_IO_ERROR_NOT_DIRECTORY:
        return _("Save it in another folder with Save As.");
      case G_IO_ERROR_BUSY:
      case G_IO_ERROR_EXISTS:
      case G_IO_ERROR_FILENAME_TOO_LONG:
      case G_IO_ERROR_IS_DIRECTORY:
        return _("Save it under another name with Save As.");
      default:
        break;
      }

  return _("Try again, or save it elsewhere with Save As.");
}

static void
show_save_error (DraftingPage *self,
                 const GError *error)
{
  /* Translators: %s is a document's name */
  g_autofree char *title = g_strdup_printf (_("“%s” Could Not Be Saved"), self->name);
  g_autofree char *why = g_strdup (error->message);
  g_autofree char *body = NULL;

  /* Said as one sentence of ours, whether it ends with a full stop or not. */
  if (g_str_has_suffix (why, "."))
    why[strlen (why) - 1] = '\0';
  /* Translators: why a save failed, then what to do; the file on disk is untouched */
  body = g_strdup_printf (_("%s. %s The file on disk is as it was, and your changes are still "
                            "here."),
                          why, save_advice (error));

  set_bar (self->save_bar, self->save_bar_title, self->save_bar_body, title, body);
}

static void
update_draft_bar (DraftingPage *self)
{
  const GError *error = drafting_document_file_get_draft_error (self->document_file);
  g_autofree char *body = NULL;

  if (error == NULL || !drafting_document_get_modified (self->document))
    {
      hide_bar (self->draft_bar);
      return;
    }

  /* Translators: %s says why, as "There is no room left on the disk" */
  body = g_strdup_printf (_("A copy of your changes can no longer be kept in case Drafting "
                            "stops unexpectedly. %s. Save the document to keep them."),
                          error->message);
  set_bar (self->draft_bar, NULL, self->draft_bar_body, NULL, body);
}

/**
 * _drafting_page_show_error:
 *
 * Says what went wrong in a dialog that stays until the person closes it.
 */
void
_drafting_page_show_error (DraftingPage *self,
                           const char   *heading,
                           const char   *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _drafting_page_set_imported_from:
 *
 * Says that the document was imported from @file, a text: the page is
 * named after it, and Save As proposes to save beside it, under its name.
 */
void
_drafting_page_set_imported_from (DraftingPage *self,
                                  GFile        *file)
{
  g_return_if_fail (DRAFTING_IS_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->imported_from, file))
    update_titles (self);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static void save_to       (GTask             *task,
                           GFile             *file,
                           DraftingSaveFlags  flags);
static void ask_for_file  (GTask             *task);

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not saved, by choice");
  g_object_unref (task);
}

static void
on_overwrite_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                       const char       *response,
                       GTask            *task)
{
  if (g_str_equal (response, "overwrite"))
    save_to (task, NULL, DRAFTING_SAVE_OVERWRITE);
  else if (g_str_equal (response, "save-as"))
    ask_for_file (task);
  else
    return_cancelled (task);
}

/* Someone else changed the file: their changes are not overwritten unless
 * the person says so. */
static void
ask_overwrite (GTask *task)
{
  DraftingPage *self = g_task_get_source_object (task);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a document's name */
  heading = g_strdup_printf (_("“%s” Has Changed on Disk"), self->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Someone else has changed this file since it was opened "
                                     "here. Saving over it now would replace their changes "
                                     "with yours."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), task);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  DraftingPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (drafting_document_file_save_finish (DRAFTING_DOCUMENT_FILE (object), result, &error))
    {
      /* The unsaved mark leaving the title says it: no toast, whose
       * coming and going would also lay the whole page out again. */
      hide_bar (self->save_bar);
      drafting_recent_add (drafting_document_file_get_file (self->document_file));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (g_error_matches (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK))
    {
      ask_overwrite (task);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    show_save_error (self, error);
  g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

static void
save_to (GTask             *task,
         GFile             *file,
         DraftingSaveFlags  flags)
{
  DraftingPage *self = g_task_get_source_object (task);

  drafting_document_file_save_async (self->document_file, file, flags,
                                     g_task_get_cancellable (task), on_saved, task);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     GTask           *task)
{
  g_autoptr(GFile) file = NULL;

  /* A name without the extension gets it. */
  if (response == GTK_RESPONSE_ACCEPT)
    file = drafting_file_chooser_get_file (GTK_FILE_CHOOSER_NATIVE (dialog),
                                           DRAFTING_FILE_CHOOSER_SAVE);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    {
      return_cancelled (task);
      return;
    }

  save_to (task, file, DRAFTING_SAVE_NONE);
}

/**
 * _drafting_page_propose_file:
 * @folder: (out) (transfer full) (nullable): where to propose to save
 *
 * Returns: (transfer full): the name to propose, with @extension: the
 *   document's file's, or that of the text it was imported from, beside
 *   it; else its title
 */
char *
_drafting_page_propose_file (DraftingPage  *self,
                             const char    *extension,
                             GFile        **folder)
{
  GFile *from = drafting_document_file_get_file (self->document_file);

  if (from == NULL)
    from = self->imported_from;

  *folder = from != NULL ? g_file_get_parent (from) : NULL;

  return drafting_file_chooser_propose_name (from, drafting_document_get_title (self->document),
                                             extension);
}

static void
ask_for_file (GTask *task)
{
  DraftingPage *self = g_task_get_source_object (task);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = _drafting_page_propose_file (self, DRAFTING_NATIVE_EXTENSION, &folder);
  GtkFileChooserNative *dialog;

  dialog = drafting_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      DRAFTING_FILE_CHOOSER_SAVE, folder, name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * drafting_page_save_async:
 * @save_as: whether to ask where to save even when the document has a file
 *
 * Saves the document as a person asks for it: to its own file if it has
 * one it may be saved over, else under a name the person chooses; if
 * someone else has changed the file since, the person chooses between
 * overwriting their changes and another name. A failure is shown in the
 * page until it is dealt with.
 */
void
drafting_page_save_async (DraftingPage        *self,
                          gboolean             save_as,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GFile *file;
  GTask *task;

  g_return_if_fail (DRAFTING_IS_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_page_save_async);

  file = drafting_document_file_get_file (self->document_file);
  if (save_as || file == NULL || drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE ||
      drafting_document_file_get_read_only (self->document_file))
    ask_for_file (task);
  else
    save_to (task, NULL, DRAFTING_SAVE_NONE);
}

/**
 * drafting_page_save_finish:
 *
 * Returns: %TRUE if saved; %FALSE with %G_IO_ERROR_CANCELLED if the person
 *   chose not to, or with the error that stopped it (already shown)
 */
gboolean
drafting_page_save_finish (DraftingPage  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Reloading                                                           */

static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!drafting_document_file_reload_finish (DRAFTING_DOCUMENT_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a document's name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Reloaded"), self->name);

      _drafting_page_show_error (self, heading, error->message);
    }
}

static void
reload (DraftingPage *self)
{
  drafting_document_file_reload_async (self->document_file, self->cancellable, on_reloaded,
                                       g_object_ref (self));
}

static void
on_reload_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    DraftingPage     *self)
{
  if (g_str_equal (response, "reload"))
    reload (self);
}

static void
ask_reload (DraftingPage *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!drafting_document_get_modified (self->document))
    {
      reload (self);
      return;
    }

  /* Translators: %s is a document's name */
  heading = g_strdup_printf (_("Reload “%s”?"), self->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("The changes not yet saved here will be lost, replaced by "
                                     "the version on disk."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_bar_saved (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  drafting_page_save_finish (DRAFTING_PAGE (object), result, &error);
}

static void
on_bar_response (GtkInfoBar   *bar,
                 int           response,
                 DraftingPage *self)
{
  switch (response)
    {
    case RESPONSE_RELOAD:
      ask_reload (self);
      break;

    case RESPONSE_SAVE:
    case RESPONSE_SAVE_AS:
      drafting_page_save_async (self, response == RESPONSE_SAVE_AS, self->cancellable,
                                on_bar_saved, NULL);
      break;

    case GTK_RESPONSE_CLOSE:
      hide_bar (bar);
      break;

    default:
      break;
    }
}

/* ------------------------------------------------------------------ */
/* The document, followed                                              */

static void
on_document_changed (DraftingPage *self)
{
  _drafting_page_update_actions (self);
  _drafting_page_amendments_changed (self);
}

static void
on_modified_changed (DraftingPage *self)
{
  update_titles (self);
  update_draft_bar (self);
  if (drafting_document_file_get_external_change (self->document_file) != DRAFTING_EXTERNAL_CHANGE_NONE)
    update_file_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* A reload makes another document of the file's: the views follow. */
static void
follow_document (DraftingPage *self)
{
  DraftingDocument *document = drafting_document_file_get_document (self->document_file);

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  drafting_document_view_set_document (self->view, document);
  drafting_outline_view_set_document (self->outline, document);
  drafting_find_bar_set_view (self->find_bar, self->view);
  _drafting_page_amendments_follow_document (self);
  _drafting_page_revisions_follow_document (self);
  _drafting_page_spelling_follow_document (self);

  update_titles (self);
  _drafting_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_file_changed (DraftingPage *self)
{
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
on_read_only_changed (DraftingPage *self)
{
  gboolean read_only = drafting_document_file_get_read_only (self->document_file);

  drafting_document_view_set_editable (self->view, !read_only);
  _drafting_page_update_actions (self);
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* ------------------------------------------------------------------ */
/* The outline and the view, kept together                             */

static void
on_current_changed (DraftingDocumentView *view,
                    GParamSpec           *pspec G_GNUC_UNUSED,
                    DraftingPage         *self)
{
  DraftingNode *node = drafting_document_view_get_current (view);

  if (node != NULL)
    drafting_outline_view_select (self->outline, node);
  _drafting_page_amendments_current_changed (self);
}

static void
on_outline_activated (DraftingOutlineView *outline G_GNUC_UNUSED,
                      DraftingNode        *node,
                      DraftingPage        *self)
{
  drafting_document_view_focus_node (self->view, node, 0, 0);
}

static void
on_move_failed (DraftingOutlineView *outline G_GNUC_UNUSED,
                const char          *message,
                DraftingPage        *self)
{
  drafting_page_toast (self, message);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */

/**
 * drafting_page_get_document:
 *
 * Returns: (transfer none): the document shown; another one after a reload
 */
DraftingDocument *
drafting_page_get_document (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->document;
}

/**
 * drafting_page_get_document_file:
 *
 * Returns: (transfer none): the document's file, its lock and its drafts
 */
DraftingDocumentFile *
drafting_page_get_document_file (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->document_file;
}

/**
 * drafting_page_get_file:
 *
 * Returns: (transfer none) (nullable): where the document is saved
 */
GFile *
drafting_page_get_file (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return drafting_document_file_get_file (self->document_file);
}

const char *
drafting_page_get_title (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->title;
}

/**
 * drafting_page_get_name:
 *
 * Returns: what the document is called: its file's name, or its title
 */
const char *
drafting_page_get_name (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->name;
}

const char *
drafting_page_get_subtitle (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->subtitle;
}

gboolean
drafting_page_get_modified (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), FALSE);

  return drafting_document_get_modified (self->document);
}

gboolean
drafting_page_get_read_only (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), FALSE);

  return drafting_document_file_get_read_only (self->document_file);
}

/**
 * drafting_page_get_actions:
 *
 * Returns: (transfer none): the page's "document" actions
 */
GActionGroup *
drafting_page_get_actions (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * drafting_page_focus:
 *
 * Puts the cursor in the document: where it was, or in its first element.
 */
void
drafting_page_focus (DraftingPage *self)
{
  g_return_if_fail (DRAFTING_IS_PAGE (self));

  drafting_document_view_restore_focus (self->view);
}

/**
 * drafting_page_toast:
 *
 * Says something in passing: what is said so cannot need an answer.
 */
void
drafting_page_toast (DraftingPage *self,
                     const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (DRAFTING_IS_PAGE (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/**
 * _drafting_page_toast_with_action:
 * @target: (transfer floating): the parameter of @action
 *
 * Says something in passing, with a button that does @action: "Open".
 */
void
_drafting_page_toast_with_action (DraftingPage *self,
                                  const char   *message,
                                  const char   *button_label,
                                  const char   *action,
                                  GVariant     *target)
{
  AdwToast *toast;

  g_return_if_fail (DRAFTING_IS_PAGE (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, target);
  adw_toast_overlay_add_toast (self->toasts, toast);
  drafting_accessible_name_buttons (GTK_WIDGET (self->toasts));
}

static void
on_list_emptied (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  guint *pending = g_task_get_task_data (task);

  if (DRAFTING_IS_DOCUMENT_VIEW (object))
    drafting_document_view_empty_finish (DRAFTING_DOCUMENT_VIEW (object), result, NULL);
  else
    drafting_outline_view_empty_finish (DRAFTING_OUTLINE_VIEW (object), result, NULL);

  if (--(*pending) == 0)
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/**
 * drafting_page_close_async:
 *
 * The person closes the document: saved, or its changes given up by
 * choice. Its draft goes, and its lock, in the background; the page goes
 * blank at once, and lets its rows go a few at a frame, after which it can
 * be taken out of its window without stopping the main loop.
 */
void
drafting_page_close_async (DraftingPage        *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DRAFTING_IS_PAGE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, drafting_page_close_async);
  g_task_set_task_data (task, g_memdup2 (&(guint) { 2 }, sizeof (guint)), g_free);

  g_cancellable_cancel (self->cancellable);
  drafting_document_file_close (self->document_file);

  gtk_widget_set_opacity (GTK_WIDGET (self), 0.0);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  drafting_document_view_empty_async (self->view, NULL, on_list_emptied, g_object_ref (task));
  drafting_outline_view_empty_async (self->outline, NULL, on_list_emptied, task);
}

gboolean
drafting_page_close_finish (DraftingPage  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_page_constructed (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (drafting_page_parent_class)->constructed (object);

  g_assert (self->document_file != NULL);

  if (GTK_IS_APPLICATION (app))
    drafting_document_view_set_extra_menu (self->view,
                                           G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (app),
                                                                                         "context_menu")));

  g_settings_bind (self->settings, "autosave-interval", self->document_file, "autosave-interval",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->document_file, "notify::document",
                           G_CALLBACK (follow_document), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::file",
                           G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::read-only",
                           G_CALLBACK (on_read_only_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::saving",
                           G_CALLBACK (_drafting_page_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::external-change",
                           G_CALLBACK (update_file_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::draft-error",
                           G_CALLBACK (update_draft_bar), self, G_CONNECT_SWAPPED);

  follow_document (self);
  drafting_document_view_set_editable (self->view,
                                       !drafting_document_file_get_read_only (self->document_file));
  update_file_bar (self);
  update_draft_bar (self);
}

static void
drafting_page_dispose (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->document_file != NULL)
    g_signal_handlers_disconnect_by_data (self->document_file, self);
  g_signal_group_set_target (self->document_signals, NULL);
  _drafting_page_dispose_amendments (self);
  _drafting_page_dispose_revisions (self);
  _drafting_page_dispose_spelling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_PAGE);

  G_OBJECT_CLASS (drafting_page_parent_class)->dispose (object);
}

static void
drafting_page_finalize (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->actions);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->imported_from);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (drafting_page_parent_class)->finalize (object);
}

static void
drafting_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DraftingPage *self = DRAFTING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DOCUMENT_FILE:
      g_value_set_object (value, self->document_file);
      break;

    case PROP_FILE:
      g_value_set_object (value, drafting_page_get_file (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, drafting_page_get_modified (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, drafting_page_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DraftingPage *self = DRAFTING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_FILE:
      self->document_file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_page_class_init (DraftingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = drafting_page_constructed;
  object_class->dispose = drafting_page_dispose;
  object_class->finalize = drafting_page_finalize;
  object_class->get_property = drafting_page_get_property;
  object_class->set_property = drafting_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DOCUMENT_FILE] =
    g_param_spec_object ("document-file", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DRAFTING_TYPE_AMENDMENTS_PANEL);
  g_type_ensure (DRAFTING_TYPE_DOCUMENT_VIEW);
  g_type_ensure (DRAFTING_TYPE_FIND_BAR);
  g_type_ensure (DRAFTING_TYPE_OUTLINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, flap);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, outline);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, view);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, file_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, file_bar_title);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, file_bar_body);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, save_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, save_bar_title);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, save_bar_body);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, draft_bar_body);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, amendments_flap);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, amendments_panel);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, proposed_view);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, proposal_revealer);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, justification_entry);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, justification_title);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_amendment_activated",
                                                G_CALLBACK (_drafting_page_on_amendment_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_amendments_error",
                                                G_CALLBACK (_drafting_page_on_amendments_error));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_justification_changed",
                                                G_CALLBACK (_drafting_page_on_justification_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_current_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_move_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_response);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "draftingpage");
}

static void
drafting_page_init (DraftingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();
  _drafting_page_init_actions (self);
  _drafting_page_init_amendments (self);
  _drafting_page_init_revisions (self);

  self->document_signals = g_signal_group_new (DRAFTING_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (on_modified_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (on_modified_changed), self);

  self->file_bar_reload = gtk_info_bar_add_button (self->file_bar, _("_Reload"), RESPONSE_RELOAD);
  self->file_bar_save = gtk_info_bar_add_button (self->file_bar, _("_Save"), RESPONSE_SAVE);
  gtk_info_bar_add_button (self->save_bar, _("Save _As…"), RESPONSE_SAVE_AS);
  gtk_info_bar_add_button (self->draft_bar, _("_Save"), RESPONSE_SAVE);
  drafting_accessible_name_buttons (GTK_WIDGET (self->file_bar));
  drafting_accessible_name_buttons (GTK_WIDGET (self->save_bar));
  drafting_accessible_name_buttons (GTK_WIDGET (self->draft_bar));

  /* The setting shows the outline, whatever the width: a window too narrow
   * shows it over the text, where hiding it (as a click beside it does)
   * changes the setting, and the toggle and menu that show it. */
  g_settings_bind (self->settings, "show-outline", self->flap, "reveal-flap",
                   G_SETTINGS_BIND_DEFAULT);
  _drafting_page_init_spelling (self);
}

/**
 * drafting_page_new_for_document_file:
 *
 * Returns: (transfer full): a page for the document of @document_file
 */
DraftingPage *
drafting_page_new_for_document_file (DraftingDocumentFile *document_file)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (document_file), NULL);

  return g_object_new (DRAFTING_TYPE_PAGE,
                       "document-file", document_file,
                       NULL);
}

/**
 * drafting_page_new:
 * @file: (nullable): where @document is saved, if it is
 *
 * Returns: (transfer full): a page for @document, its drafts kept in the
 *   application's store
 */
DraftingPage *
drafting_page_new (DraftingDocument *document,
                   GFile            *file)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  document_file = drafting_document_file_new (document, file,
                                              drafting_application_get_draft_store (DRAFTING_APPLICATION_DEFAULT));

  return drafting_page_new_for_document_file (document_file);
}
