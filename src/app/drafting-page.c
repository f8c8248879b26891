/* drafting-page.c: one open document, in a tab of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-application.h"
#include "drafting-document-view.h"
#include "drafting-find-bar.h"
#include "drafting-outline-view.h"
#include "drafting-page.h"
#include "drafting-print-operation.h"
#include "drafting-properties-window.h"

/*
 * A page holds one document: the outline beside it, the text laid out as it
 * prints, the find bar above. Its actions (the "document" group) act on the
 * element the cursor is in; the window shows the current page's group in
 * its menus too.
 *
 * While the document has unsaved changes, a draft of it is written to the
 * application's draft store a few seconds after each change, and removed
 * once the document is saved or deliberately closed: that is what the next
 * start offers back after a crash.
 */

struct _DraftingPage
{
  GtkWidget             parent_instance;

  AdwFlap              *flap;
  DraftingOutlineView  *outline;
  DraftingDocumentView *view;
  DraftingFindBar      *find_bar;
  AdwToastOverlay      *toasts;

  DraftingDocument     *document;
  GFile                *file;
  DraftingFileLock     *lock;
  GSimpleActionGroup   *actions;
  GSettings            *settings;
  char                 *name;
  char                 *title;
  char                 *subtitle;
  char                 *draft_id;

  guint64               drafted_change;
  guint                 autosave_source;

  guint                 read_only : 1;
  guint                 saving : 1;
};

G_DEFINE_FINAL_TYPE (DraftingPage, drafting_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (DraftingPage *self);

/* ------------------------------------------------------------------ */
/* Titles                                                              */

static void
update_titles (DraftingPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = drafting_document_get_modified (self->document);

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
      if (parent != NULL)
        {
          g_autofree char *path = g_file_get_parse_name (parent);
          const char *home = g_get_home_dir ();

          if (g_str_has_prefix (path, home) && home[1] != '\0')
            subtitle = g_strconcat ("~", path + strlen (home), NULL);
          else
            subtitle = g_steal_pointer (&path);
        }
    }
  else
    {
      const char *doc_title = drafting_document_get_title (self->document);

      name = doc_title[0] != '\0' ? g_strdup (doc_title) : g_strdup (_("Untitled Document"));
      subtitle = g_strdup (_("Not saved"));
    }

  if (self->read_only)
    {
      /* Translators: after the folder of a document opened read-only */
      g_autofree char *with = g_strdup_printf (_("%s — Read-Only"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }

  g_free (self->name);
  self->name = g_strdup (name);

  /* The unsaved mark, as a bullet before the name. */
  title = modified ? g_strconcat ("• ", name, NULL) : g_steal_pointer (&name);

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
/* Drafts                                                              */

static void
on_draft_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = drafting_draft_store_save_finish (DRAFTING_DRAFT_STORE (object), result, &error);
  if (id == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep a draft of “%s”: %s", self->name, error->message);
}

/* Keeps a draft of the unsaved document, written in the background. The
 * draft's name is chosen here, before the first write, so that the next
 * one goes to the same draft whatever the timing. */
static gboolean
autosave (gpointer data)
{
  DraftingPage *self = data;
  DraftingDraftStore *store = drafting_application_get_draft_store (DRAFTING_APPLICATION_DEFAULT);

  self->autosave_source = 0;

  if (store == NULL || !drafting_document_get_modified (self->document))
    return G_SOURCE_REMOVE;

  if (self->draft_id == NULL)
    self->draft_id = g_uuid_string_random ();

  drafting_draft_store_save_async (store, self->draft_id, self->document, self->file,
                                   self->name, NULL, on_draft_saved, g_object_ref (self));
  self->drafted_change = drafting_document_get_change_count (self->document);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (DraftingPage *self)
{
  guint interval;

  if (self->autosave_source != 0 ||
      drafting_document_get_change_count (self->document) == self->drafted_change)
    return;

  interval = g_settings_get_uint (self->settings, "autosave-interval");
  self->autosave_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (1, interval),
                                                      autosave, self, NULL);
}

/**
 * drafting_page_discard_draft:
 *
 * Removes the draft kept of the document: it is saved, or closed without
 * saving by choice.
 */
void
drafting_page_discard_draft (DraftingPage *self)
{
  DraftingDraftStore *store = drafting_application_get_draft_store (DRAFTING_APPLICATION_DEFAULT);

  g_return_if_fail (DRAFTING_IS_PAGE (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->draft_id != NULL && store != NULL)
    drafting_draft_store_discard (store, self->draft_id, NULL);
  g_clear_pointer (&self->draft_id, g_free);
}

/**
 * drafting_page_set_draft_id:
 *
 * Tells the page that its document came from the draft @draft_id, which is
 * kept up to date from now on.
 */
void
drafting_page_set_draft_id (DraftingPage *self,
                            const char   *draft_id)
{
  g_return_if_fail (DRAFTING_IS_PAGE (self));

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  self->drafted_change = drafting_document_get_change_count (self->document);
}

static void
on_document_changed (DraftingDocument *document G_GNUC_UNUSED,
                     DraftingPage     *self)
{
  if (drafting_document_get_modified (self->document))
    schedule_autosave (self);
  update_actions (self);
}

static void
on_modified_changed (DraftingDocument *document G_GNUC_UNUSED,
                     GParamSpec       *pspec G_GNUC_UNUSED,
                     DraftingPage     *self)
{
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  guint64  change_count;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source G_GNUC_UNUSED,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (drafting_file_replace (data->file, g_bytes_get_data (data->bytes, NULL),
                             g_bytes_get_size (data->bytes), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *object G_GNUC_UNUSED,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DraftingPage *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_autoptr(DraftingFileLock) lock = drafting_file_lock_acquire (data->file, TRUE, NULL, NULL);

      g_clear_object (&self->lock);
      self->lock = g_steal_pointer (&lock);
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  /* What was saved is what the document was when the save began: changes
   * typed meanwhile stay unsaved. */
  if (drafting_document_get_change_count (self->document) == data->change_count)
    drafting_document_set_modified (self->document, FALSE);
  if (!drafting_document_get_modified (self->document))
    drafting_page_discard_draft (self);
  update_titles (self);

  {
    g_autofree char *uri = g_file_get_uri (data->file);
    GtkRecentData recent = {
      NULL, NULL, (char *) DRAFTING_NATIVE_MIME_TYPE, (char *) "Drafting",
      (char *) "wco-drafting %u", NULL, FALSE,
    };

    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &recent);
  }

  g_task_return_boolean (task, TRUE);
}

/**
 * drafting_page_save_async:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * Saves the document in the native format. The file is replaced
 * atomically: if saving fails, the old file is as it was, and the error
 * says why.
 */
void
drafting_page_save_async (DraftingPage        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (DRAFTING_IS_PAGE (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_page_save_async);

  if (file == NULL)
    file = self->file;

  if (drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_task_return_new_error (task, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                               _("“%s” is not a Drafting document: name it with %s"),
                               name, DRAFTING_NATIVE_EXTENSION);
      return;
    }

  /* The bytes are made here, while the document cannot change; only the
   * writing happens in the background. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = drafting_native_save_bytes (self->document);
  data->change_count = drafting_document_get_change_count (self->document);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  self->saving = TRUE;
  update_actions (self);

  {
    g_autoptr(GTask) writer = g_task_new (self, cancellable, on_written, g_steal_pointer (&task));
    SaveData *copy = g_new0 (SaveData, 1);

    copy->file = g_object_ref (data->file);
    copy->bytes = g_bytes_ref (data->bytes);
    g_task_set_task_data (writer, copy, (GDestroyNotify) save_data_free);
    g_task_run_in_thread (writer, write_in_thread);
  }
}

gboolean
drafting_page_save_finish (DraftingPage  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data G_GNUC_UNUSED)
{
  DraftingPage *self = DRAFTING_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!drafting_page_save_finish (self, result, &error))
    {
      /* Translators: %s says why, as "No space left on device" */
      g_autofree char *message = g_strdup_printf (_("The document could not be saved: %s. "
                                                    "The file on disk is as it was."),
                                                  error->message);

      drafting_page_toast (self, message);
      return;
    }

  drafting_page_toast (self, _("Saved"));
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     DraftingPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      /* A name without the extension gets it. */
      if (drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE && strchr (name, '.') == NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (name, DRAFTING_NATIVE_EXTENSION, NULL);

          g_set_object (&file, g_file_get_child (parent, with));
        }

      drafting_page_save_async (self, file, NULL, on_saved, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as (DraftingPage *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (filter, _("Drafting Documents"));
  gtk_file_filter_add_mime_type (filter, DRAFTING_NATIVE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, DRAFTING_NATIVE_EXTENSION + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    {
      const char *title = drafting_document_get_title (self->document);
      g_autofree char *name = g_strconcat (title[0] != '\0' ? title : _("Untitled Document"),
                                           DRAFTING_NATIVE_EXTENSION, NULL);

      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static DraftingNode *
target_node (DraftingPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* The outline's selection when it has the keyboard, else the cursor's. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->outline)))
    {
      DraftingNode *selected = drafting_outline_view_get_selected (self->outline);

      if (selected != NULL)
        return selected;
    }

  return drafting_document_view_get_current (self->view);
}

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

static void
report (DraftingPage *self,
        GError       *error)
{
  if (error != NULL)
    drafting_page_toast (self, error->message);
}

static void
focus_after_change (DraftingPage *self,
                    DraftingNode *node,
                    int           offset)
{
  if (node != NULL)
    drafting_document_view_focus_node (self->view, node, offset, 0);
}

static void
action_save (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  DraftingPage *self = user_data;

  if (self->file == NULL || drafting_format_for_file (self->file) != DRAFTING_FORMAT_NATIVE)
    save_as (self);
  else
    drafting_page_save_async (self, NULL, NULL, on_saved, NULL);
}

static void
action_save_as (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  save_as (user_data);
}

/* After undo or redo the cursor goes to what changed. */
typedef struct
{
  DraftingNode *node;
  gulong        handler;
} ChangeWatch;

static void
on_watched_change (DraftingDocument *document G_GNUC_UNUSED,
                   DraftingNode     *node,
                   guint             what G_GNUC_UNUSED,
                   ChangeWatch      *watch)
{
  if (watch->node == NULL)
    watch->node = g_object_ref (node);
}

static void
undo_or_redo (DraftingPage *self,
              gboolean      undo,
              guint         steps)
{
  DraftingNode *before = drafting_document_view_get_current (self->view);
  ChangeWatch watch = { NULL, 0 };
  guint position = 0;

  if (before != NULL)
    position = drafting_document_get_position (self->document, before);

  watch.handler = g_signal_connect (self->document, "node-changed", G_CALLBACK (on_watched_change), &watch);
  for (guint i = 0; i < steps; i++)
    if (!(undo ? drafting_document_undo (self->document) : drafting_document_redo (self->document)))
      break;
  g_signal_handler_disconnect (self->document, watch.handler);

  if (watch.node != NULL && drafting_node_get_document (watch.node) == self->document)
    focus_after_change (self, watch.node, -1);
  else if (before != NULL && drafting_node_get_document (before) == self->document)
    focus_after_change (self, before, -1);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->document));
      g_autoptr(DraftingNode) near = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->document),
                                                                    MIN (position, n - 1)) : NULL;

      focus_after_change (self, near, -1);
    }

  g_clear_object (&watch.node);
}

static void
action_undo (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  undo_or_redo (user_data, TRUE, 1);
}

static void
action_undo_to (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param,
                gpointer       user_data)
{
  undo_or_redo (user_data, TRUE, g_variant_get_uint32 (param));
}

static void
action_redo (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  undo_or_redo (user_data, FALSE, 1);
}

static void
action_split (GSimpleAction *action G_GNUC_UNUSED,
              GVariant      *param G_GNUC_UNUSED,
              gpointer       user_data)
{
  DraftingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  DraftingNode *node;
  DraftingNode *next;
  guint offset;
  guint end;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return;

  /* A selection is replaced by the break, as a word processor does. */
  if (end > offset)
    drafting_document_replace_text (self->document, node, offset, end, "");

  next = drafting_document_split (self->document, node, offset, &error);
  report (self, error);
  focus_after_change (self, next, 0);
}

static void
action_join (GSimpleAction *action,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  DraftingPage *self = user_data;
  gboolean previous = g_str_equal (g_action_get_name (G_ACTION (action)), "join-previous");
  g_autoptr(GError) error = NULL;
  DraftingNode *node;
  DraftingNode *joined;
  guint offset = 0;
  guint end;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return;

  if (!previous)
    {
      /* Delete at the end joins the next element to this one. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->document));
      guint position = drafting_document_get_position (self->document, node);
      g_autoptr(DraftingNode) next = NULL;

      for (position++; position < n; position++)
        {
          g_clear_object (&next);
          next = g_list_model_get_item (G_LIST_MODEL (self->document), position);
          if (drafting_node_get_kind (next) != DRAFTING_KIND_FOOTNOTE)
            break;
        }
      if (next == NULL || position >= n)
        return;

      joined = drafting_document_merge (self->document, next, &offset, &error);
    }
  else if (drafting_inline_get_length (drafting_node_get_content (node)) == 0 &&
           drafting_node_get_lead (node)[0] == '\0' &&
           !drafting_node_has_content_children (node))
    {
      /* An empty element goes, and the cursor to the end of the one before. */
      joined = drafting_document_merge (self->document, node, &offset, &error);
    }
  else
    joined = drafting_document_merge (self->document, node, &offset, &error);

  if (joined == NULL)
    {
      /* Nothing to join with is not worth a message for Backspace. */
      if (error != NULL && !g_error_matches (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED))
        report (self, error);
      else if (error != NULL && drafting_node_has_content_children (node))
        report (self, error);
      return;
    }

  focus_after_change (self, joined, offset);
}

static void
structural (DraftingPage *self,
            gboolean (*func) (DraftingDocument *, DraftingNode *, GError **))
{
  g_autoptr(GError) error = NULL;
  DraftingNode *node = target_node (self);
  guint offset = 0;
  guint end = 0;
  gboolean in_outline = node != NULL && node != drafting_document_view_get_current (self->view);

  if (node == NULL)
    return;

  if (!in_outline)
    drafting_document_view_get_cursor (self->view, &node, &offset, &end);

  if (!func (self->document, node, &error))
    report (self, error);
  else if (in_outline)
    drafting_outline_view_select (self->outline, node);
  else
    focus_after_change (self, node, offset);
}

static gboolean
indent (DraftingDocument  *document,
        DraftingNode      *node,
        GError           **error)
{
  return drafting_document_indent (document, node, error);
}

static gboolean
outdent (DraftingDocument  *document,
         DraftingNode      *node,
         GError           **error)
{
  return drafting_document_outdent (document, node, error);
}

static gboolean
move_up (DraftingDocument  *document,
         DraftingNode      *node,
         GError           **error)
{
  if (drafting_document_move_up (document, node))
    return TRUE;

  g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                       _("There is no element of the same kind above to move before"));
  return FALSE;
}

static gboolean
move_down (DraftingDocument  *document,
           DraftingNode      *node,
           GError           **error)
{
  if (drafting_document_move_down (document, node))
    return TRUE;

  g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                       _("There is no element of the same kind below to move after"));
  return FALSE;
}

static void
action_indent (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *param G_GNUC_UNUSED,
               gpointer       user_data)
{
  structural (user_data, indent);
}

static void
action_outdent (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  structural (user_data, outdent);
}

static void
action_move_up (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  structural (user_data, move_up);
}

static void
action_move_down (GSimpleAction *action G_GNUC_UNUSED,
                  GVariant      *param G_GNUC_UNUSED,
                  gpointer       user_data)
{
  structural (user_data, move_down);
}

static void
action_delete_element (GSimpleAction *action G_GNUC_UNUSED,
                       GVariant      *param G_GNUC_UNUSED,
                       gpointer       user_data)
{
  DraftingPage *self = user_data;
  DraftingNode *node = target_node (self);
  guint position;
  guint n;

  if (node == NULL)
    return;

  position = drafting_document_get_position (self->document, node);
  drafting_document_delete (self->document, node);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->document));
  if (n > 0)
    {
      g_autoptr(DraftingNode) near = g_list_model_get_item (G_LIST_MODEL (self->document),
                                                            MIN (position, n - 1));

      focus_after_change (self, near, 0);
    }
}

static void
action_insert (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *param,
               gpointer       user_data)
{
  DraftingPage *self = user_data;
  DraftingKind kind = drafting_kind_from_string (g_variant_get_string (param, NULL));
  g_autoptr(GError) error = NULL;
  DraftingNode *node;

  if (kind == DRAFTING_KIND_INVALID || kind == DRAFTING_KIND_DOCUMENT || kind == DRAFTING_KIND_FOOTNOTE)
    return;

  node = drafting_document_insert_new (self->document, target_node (self), kind, &error);
  report (self, error);
  focus_after_change (self, node, 0);
}

static void
action_change_kind (GSimpleAction *action G_GNUC_UNUSED,
                    GVariant      *param,
                    gpointer       user_data)
{
  DraftingPage *self = user_data;
  DraftingKind kind = drafting_kind_from_string (g_variant_get_string (param, NULL));
  DraftingNode *node = target_node (self);
  g_autoptr(GError) error = NULL;

  if (node == NULL || kind == DRAFTING_KIND_INVALID)
    return;

  if (!drafting_document_set_kind (self->document, node, kind, &error))
    report (self, error);
  else
    focus_after_change (self, node, -1);
}

static void
toggle_style (DraftingPage     *self,
              DraftingMarkKind  style)
{
  DraftingNode *node;
  guint offset;
  guint end;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return;

  if (end == offset)
    {
      drafting_page_toast (self, _("Select the words to set in italic or bold first"));
      return;
    }

  drafting_document_toggle_style (self->document, node, style, offset, end);
  drafting_document_view_focus_node (self->view, node, offset, end - offset);
}

static void
action_emphasis (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param G_GNUC_UNUSED,
                 gpointer       user_data)
{
  toggle_style (user_data, DRAFTING_MARK_EMPHASIS);
}

static void
action_strong (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *param G_GNUC_UNUSED,
               gpointer       user_data)
{
  toggle_style (user_data, DRAFTING_MARK_STRONG);
}

static void
action_footnote (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param G_GNUC_UNUSED,
                 gpointer       user_data)
{
  DraftingPage *self = user_data;
  DraftingNode *node;
  DraftingNode *footnote;
  guint offset;
  guint end;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return;

  if (!drafting_kind_allows_child (drafting_node_get_kind (node), DRAFTING_KIND_FOOTNOTE))
    {
      drafting_page_toast (self, _("A footnote cannot be called from here"));
      return;
    }

  footnote = drafting_document_add_footnote (self->document, node, end, NULL);
  focus_after_change (self, footnote, 0);
}

static void
action_find (GSimpleAction *action,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  DraftingPage *self = user_data;

  drafting_find_bar_begin (self->find_bar,
                           g_str_equal (g_action_get_name (G_ACTION (action)), "find-replace"));
}

static void
action_find_next (GSimpleAction *action,
                  GVariant      *param G_GNUC_UNUSED,
                  gpointer       user_data)
{
  DraftingPage *self = user_data;

  drafting_find_bar_move (self->find_bar,
                          g_str_equal (g_action_get_name (G_ACTION (action)), "find-next"));
}

static void
action_properties (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *param G_GNUC_UNUSED,
                   gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkWidget *window = drafting_properties_window_new (self->document);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
run_print (DraftingPage *self,
           const char   *export_path)
{
  g_autoptr(DraftingPrintOperation) operation = drafting_print_operation_new (self->document);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    &error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Printing failed: %s"), error->message);

      drafting_page_toast (self, message);
    }
  else if (export_path != NULL && result == GTK_PRINT_OPERATION_RESULT_APPLY)
    drafting_page_toast (self, _("Exported as PDF"));
}

static void
action_print (GSimpleAction *action G_GNUC_UNUSED,
              GVariant      *param G_GNUC_UNUSED,
              gpointer       user_data)
{
  run_print (user_data, NULL);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    DraftingPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        run_print (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_export_pdf (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *param G_GNUC_UNUSED,
                   gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export as PDF"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, ".pdf", NULL);
    }
  else
    name = g_strconcat (_("Untitled Document"), ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_toggle_outline (GSimpleAction *action G_GNUC_UNUSED,
                       GVariant      *param G_GNUC_UNUSED,
                       gpointer       user_data)
{
  DraftingPage *self = user_data;

  g_settings_set_boolean (self->settings, "show-outline",
                          !g_settings_get_boolean (self->settings, "show-outline"));
}

static const GActionEntry action_entries[] = {
  { .name = "save", .activate = action_save },
  { .name = "save-as", .activate = action_save_as },
  { .name = "undo", .activate = action_undo },
  { .name = "undo-to", .activate = action_undo_to, .parameter_type = "u" },
  { .name = "redo", .activate = action_redo },
  { .name = "split", .activate = action_split },
  { .name = "join-previous", .activate = action_join },
  { .name = "join-next", .activate = action_join },
  { .name = "indent", .activate = action_indent },
  { .name = "outdent", .activate = action_outdent },
  { .name = "move-up", .activate = action_move_up },
  { .name = "move-down", .activate = action_move_down },
  { .name = "delete-element", .activate = action_delete_element },
  { .name = "insert", .activate = action_insert, .parameter_type = "s" },
  { .name = "change-kind", .activate = action_change_kind, .parameter_type = "s" },
  { .name = "emphasis", .activate = action_emphasis },
  { .name = "strong", .activate = action_strong },
  { .name = "footnote", .activate = action_footnote },
  { .name = "find", .activate = action_find },
  { .name = "find-replace", .activate = action_find },
  { .name = "find-next", .activate = action_find_next },
  { .name = "find-previous", .activate = action_find_next },
  { .name = "properties", .activate = action_properties },
  { .name = "print", .activate = action_print },
  { .name = "export-pdf", .activate = action_export_pdf },
  { .name = "toggle-outline", .activate = action_toggle_outline },
};

static void
set_enabled (DraftingPage *self,
             const char   *name,
             gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (DraftingPage *self)
{
  static const char * const editing[] = {
    "split", "join-previous", "join-next", "indent", "outdent", "move-up", "move-down",
    "delete-element", "insert", "change-kind", "emphasis", "strong", "footnote",
  };
  gboolean editable = !self->read_only;

  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    set_enabled (self, editing[i], editable);

  set_enabled (self, "undo", editable && drafting_document_can_undo (self->document));
  set_enabled (self, "undo-to", editable && drafting_document_can_undo (self->document));
  set_enabled (self, "redo", editable && drafting_document_can_redo (self->document));
  set_enabled (self, "save", !self->saving);
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

DraftingDocument *
drafting_page_get_document (DraftingPage *self)
{
  g_return_val_if_fail (DRAFTING_IS_PAGE (self), NULL);

  return self->document;
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

  return self->file;
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

  return self->read_only;
}

void
drafting_page_set_read_only (DraftingPage *self,
                             gboolean      read_only)
{
  g_return_if_fail (DRAFTING_IS_PAGE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  drafting_document_view_set_editable (self->view, !read_only);
  update_actions (self);
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * drafting_page_take_lock:
 * @lock: (transfer full) (nullable): the lock on the page's file
 *
 * Keeps the lock that tells other instances the file is open here, until
 * the page goes or its file changes.
 */
void
drafting_page_take_lock (DraftingPage     *self,
                         DraftingFileLock *lock)
{
  g_return_if_fail (DRAFTING_IS_PAGE (self));

  g_clear_object (&self->lock);
  self->lock = lock;
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

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_page_constructed (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (drafting_page_parent_class)->constructed (object);

  g_assert (self->document != NULL);

  drafting_document_view_set_document (self->view, self->document);
  drafting_outline_view_set_document (self->outline, self->document);
  drafting_find_bar_set_view (self->find_bar, self->view);

  if (GTK_IS_APPLICATION (app))
    drafting_document_view_set_extra_menu (self->view,
                                           G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (app),
                                                                                         "context_menu")));

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed), self, 0);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (on_modified_changed), self, 0);
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (on_modified_changed), self, 0);

  update_titles (self);
  update_actions (self);
}

static void
drafting_page_dispose (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_PAGE);

  G_OBJECT_CLASS (drafting_page_parent_class)->dispose (object);
}

static void
drafting_page_finalize (GObject *object)
{
  DraftingPage *self = (DraftingPage *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->lock);
  g_clear_object (&self->actions);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->draft_id, g_free);

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

    case PROP_FILE:
      g_value_set_object (value, self->file);
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
      g_value_set_boolean (value, self->read_only);
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
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_READ_ONLY:
      drafting_page_set_read_only (self, g_value_get_boolean (value));
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
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

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
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DRAFTING_TYPE_DOCUMENT_VIEW);
  g_type_ensure (DRAFTING_TYPE_FIND_BAR);
  g_type_ensure (DRAFTING_TYPE_OUTLINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, flap);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, outline);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, view);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, DraftingPage, toasts);
  gtk_widget_class_bind_template_callback (widget_class, on_current_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_move_failed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "draftingpage");
}

static void
drafting_page_init (DraftingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "document", G_ACTION_GROUP (self->actions));

  /* The setting shows the outline; a window too narrow folds it away
   * without changing the setting. */
  g_settings_bind (self->settings, "show-outline", self->flap, "reveal-flap", G_SETTINGS_BIND_GET);
}

/**
 * drafting_page_new:
 * @file: (nullable): where @document is saved, if it is
 *
 * Returns: (transfer full): a page for @document
 */
DraftingPage *
drafting_page_new (DraftingDocument *document,
                   GFile            *file)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (DRAFTING_TYPE_PAGE,
                       "document", document,
                       "file", file,
                       NULL);
}
