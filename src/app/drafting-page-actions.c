/* drafting-page-actions.c: what a page's "document" actions do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-export.h"
#include "drafting-file-chooser.h"
#include "drafting-page-private.h"
#include "drafting-paste.h"
#include "drafting-print-operation.h"
#include "drafting-properties-window.h"

/*
 * The page's actions act on the element the cursor is in, or on the one
 * selected in the outline when the outline has the keyboard. Those that
 * change the text are off while the document is read-only.
 */

/* ------------------------------------------------------------------ */
/* Where actions act                                                   */

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

/* A change the structure refuses says why, briefly. */
void
_drafting_page_report (DraftingPage *self,
                       const GError *error)
{
  if (error != NULL)
    drafting_page_toast (self, error->message);
}

static void
report (DraftingPage *self,
        GError       *error)
{
  _drafting_page_report (self, error);
}

static void
focus_after_change (DraftingPage *self,
                    DraftingNode *node,
                    int           offset)
{
  if (node != NULL)
    drafting_document_view_focus_node (self->view, node, offset, 0);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static void
on_action_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  /* What went wrong is shown by the page, until it is dealt with. */
  drafting_page_save_finish (DRAFTING_PAGE (object), result, &error);
}

static void
action_save (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  drafting_page_save_async (user_data, FALSE, NULL, on_action_saved, NULL);
}

static void
action_save_as (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  drafting_page_save_async (user_data, TRUE, NULL, on_action_saved, NULL);
}

/* ------------------------------------------------------------------ */
/* Editing                                                             */

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

  /* A selection is replaced by the break, as a word processor does; a
   * formula has no break, Enter in it going on to what follows it. */
  if (end > offset && !drafting_kind_is_formula (drafting_node_get_kind (node)))
    drafting_document_replace_text (self->document, node, offset, end, "");

  next = drafting_document_split (self->document, node, offset, &error);
  report (self, error);
  focus_after_change (self, next, 0);
}

/* Text of several lines pasted into an element: elements where the cursor
 * is (see drafting_document_paste_text()). */
static void
action_paste_text (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *param,
                   gpointer       user_data)
{
  DraftingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  DraftingNode *node;
  DraftingNode *cursor_node;
  guint cursor_offset;
  guint offset;
  guint end;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return;

  if (!drafting_document_paste_text (self->document, node, offset, end,
                                     g_variant_get_string (param, NULL),
                                     &cursor_node, &cursor_offset, &error))
    {
      report (self, error);
      return;
    }
  focus_after_change (self, cursor_node, cursor_offset);
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

/* In proposing, a move is proposed: before the sibling above (after the
 * one above that, or first in the parent), or after the one below. */
static void
propose_move (DraftingPage *self,
              gboolean      up)
{
  DraftingNode *node = target_node (self);
  DraftingNode *parent;
  guint index;

  if (node == NULL || (parent = drafting_node_get_parent (node)) == NULL)
    return;

  index = drafting_node_get_index (node);
  if (up && index >= 2)
    _drafting_page_propose (self, DRAFTING_AMENDMENT_MOVE, node,
                            drafting_node_get_child (parent, index - 2), DRAFTING_PLACEMENT_AFTER);
  else if (up && index == 1)
    _drafting_page_propose (self, DRAFTING_AMENDMENT_MOVE, node, parent, DRAFTING_PLACEMENT_INTO);
  else if (!up && index + 1 < drafting_node_get_n_children (parent))
    _drafting_page_propose (self, DRAFTING_AMENDMENT_MOVE, node,
                            drafting_node_get_child (parent, index + 1), DRAFTING_PLACEMENT_AFTER);
  else
    drafting_page_toast (self, up ? _("There is no element above to move before")
                                  : _("There is no element below to move after"));
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
  if (_drafting_page_get_proposing (user_data))
    propose_move (user_data, TRUE);
  else
    structural (user_data, move_up);
}

static void
action_move_down (GSimpleAction *action G_GNUC_UNUSED,
                  GVariant      *param G_GNUC_UNUSED,
                  gpointer       user_data)
{
  if (_drafting_page_get_proposing (user_data))
    propose_move (user_data, FALSE);
  else
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

  if (_drafting_page_get_proposing (self))
    {
      _drafting_page_propose (self, DRAFTING_AMENDMENT_DELETE, node, NULL, DRAFTING_PLACEMENT_AFTER);
      return;
    }

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

  if (_drafting_page_get_proposing (self))
    {
      _drafting_page_propose_new_element (self, kind, target_node (self));
      return;
    }

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

/* ------------------------------------------------------------------ */
/* Printing and exporting                                              */

/* What prints is what the text shows: the document, with the open
 * amendments marked in the marked view, or as proposed in that view. */
static DraftingDocument *
document_as_shown (DraftingPage *self,
                   gboolean     *tracked)
{
  *tracked = g_strcmp0 (self->view_mode, "marked") == 0;
  if (g_strcmp0 (self->view_mode, "proposed") == 0)
    return drafting_document_new_as_proposed (self->document, NULL);

  return g_object_ref (self->document);
}

static void
action_print (GSimpleAction *action G_GNUC_UNUSED,
              GVariant      *param G_GNUC_UNUSED,
              gpointer       user_data)
{
  DraftingPage *self = user_data;
  g_autoptr(DraftingPrintOperation) operation = NULL;
  g_autoptr(DraftingDocument) shown = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  gboolean tracked;

  shown = document_as_shown (self, &tracked);
  operation = drafting_print_operation_new (shown);
  drafting_print_operation_set_tracked (operation, tracked);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    &error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _drafting_page_show_error (self, _("The Document Could Not Be Printed"), error->message);
}

typedef struct
{
  DraftingPage         *page;
  GFile                *file;
  DraftingExportFormat  format;
  DraftingExportForm    form;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->page);
  g_clear_object (&data->file);
  g_free (data);
}

/* What a toast says once @format is written. */
static const char *
exported_message (DraftingExportFormat format)
{
  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_ODT:
      return _("Exported as OpenDocument Text");
    case DRAFTING_EXPORT_FORMAT_DOCX:
      return _("Exported as Word");
    case DRAFTING_EXPORT_FORMAT_AKN:
      return _("Exported as Akoma Ntoso XML");
    case DRAFTING_EXPORT_FORMAT_PDF:
    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      return _("Exported as PDF");
    }
}

/* The heading of what says @format could not be written. */
static const char *
not_exported_heading (DraftingExportFormat format)
{
  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_ODT:
      return _("Could Not Export as OpenDocument Text");
    case DRAFTING_EXPORT_FORMAT_DOCX:
      return _("Could Not Export as Word");
    case DRAFTING_EXPORT_FORMAT_AKN:
      return _("Could Not Export as Akoma Ntoso XML");
    case DRAFTING_EXPORT_FORMAT_PDF:
    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      return _("Could Not Export as PDF");
    }
}

static void
show_exported_as (DraftingPage *self,
                  GFile        *file,
                  const char   *message)
{
  g_autofree char *uri = g_file_get_uri (file);

  _drafting_page_toast_with_action (self, message, _("_Open"),
                                    "document.open-uri", g_variant_new_string (uri));
}

/**
 * _drafting_page_show_exported:
 *
 * Says that @file is written, in the format its name names, with a
 * button that opens it with what the desktop opens such files with.
 */
void
_drafting_page_show_exported (DraftingPage *self,
                              GFile        *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  DraftingExportFormat format = DRAFTING_EXPORT_FORMAT_UNKNOWN;

  if (basename != NULL)
    format = drafting_export_format_for_name (basename);
  if (format != DRAFTING_EXPORT_FORMAT_UNKNOWN)
    {
      show_exported_as (self, file, exported_message (format));
      return;
    }

  /* Another kind of file, such as a file of amendments: its name. */
  name = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
  /* Translators: %s is the name of a file */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  show_exported_as (self, file, message);
}

static void
on_exported (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (drafting_export_finish (result, &error))
    show_exported_as (data->page, data->file,
                      data->form == DRAFTING_EXPORT_FORM_COMPILATION
                      ? _("Compilation of amendments exported")
                      : exported_message (data->format));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _drafting_page_show_error (data->page, not_exported_heading (data->format), error->message);

  export_data_free (data);
}

/* Lays @document out and writes it in the background, from a snapshot:
 * the document may be edited meanwhile, and the file go anywhere GIO can
 * write. A PDF is titled as the tab is when the document has no title. */
static void
start_export (ExportData       *data,
              DraftingDocument *document)
{
  DraftingPage *self = data->page;

  drafting_export_async (document, data->file, data->format, data->form, NULL,
                         drafting_page_get_name (self), self->cancellable, on_exported, data);
}

static void
make_proposed_text (GTask        *task,
                    gpointer      source_object G_GNUC_UNUSED,
                    gpointer      task_data,
                    GCancellable *cancellable G_GNUC_UNUSED)
{
  /* The snapshot belongs to this thread now. */
  g_task_return_pointer (task, drafting_document_new_as_proposed (task_data, NULL), g_object_unref);
}

static void
on_proposed_text (GObject      *object G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(DraftingDocument) proposed = g_task_propagate_pointer (G_TASK (result), NULL);

  /* None when the page closed meanwhile. */
  if (proposed == NULL)
    {
      export_data_free (data);
      return;
    }

  start_export (data, proposed);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    DraftingPage    *self)
{
  ExportData *data = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      data = g_new0 (ExportData, 1);
      data->page = g_object_ref (self);
      data->format = drafting_file_chooser_get_export_format (GTK_FILE_CHOOSER_NATIVE (dialog));
      data->file = drafting_file_chooser_get_file (GTK_FILE_CHOOSER_NATIVE (dialog),
                                                   DRAFTING_FILE_CHOOSER_EXPORT);
      data->form = drafting_file_chooser_get_export_form (GTK_FILE_CHOOSER_NATIVE (dialog));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (data == NULL || data->file == NULL)
    {
      g_clear_pointer (&data, export_data_free);
      return;
    }

  /* The compilation lists the amendments whatever the view. */
  if (data->form == DRAFTING_EXPORT_FORM_COMPILATION)
    {
      start_export (data, self->document);
      return;
    }

  /* What is written is what the text shows, as printing does: with the
   * open amendments marked in the marked view, the text as proposed in
   * that view (made in the background, as the view makes it). Akoma
   * Ntoso, the structure for archives, is always the present text. */
  if (data->format != DRAFTING_EXPORT_FORMAT_AKN && g_strcmp0 (self->view_mode, "proposed") == 0)
    {
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_proposed_text, data);

      g_task_set_source_tag (task, on_export_response);
      g_task_set_check_cancellable (task, TRUE);
      g_task_set_task_data (task, drafting_document_snapshot (self->document), g_object_unref);
      g_task_run_in_thread (task, make_proposed_text);
      return;
    }

  if (g_strcmp0 (self->view_mode, "marked") == 0 &&
      drafting_export_format_has_form (data->format, DRAFTING_EXPORT_FORM_TRACKED))
    data->form = DRAFTING_EXPORT_FORM_TRACKED;
  start_export (data, self->document);
}

/* Export, in the format the person chooses; Export as PDF, the same
 * with PDF chosen first, as it always is. */
static void
action_export (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *param G_GNUC_UNUSED,
               gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = _drafting_page_propose_file (self, DRAFTING_PDF_EXTENSION, &folder);
  GtkFileChooserNative *dialog;

  dialog = drafting_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      DRAFTING_FILE_CHOOSER_EXPORT, folder, name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_uri_shown (GObject      *object G_GNUC_UNUSED,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _drafting_page_show_error (self, _("The File Could Not Be Opened"), error->message);
}

/* A file written here, opened with the application the desktop opens
 * it with (GtkFileLauncher came after GTK 4.8). */
static void
action_open_uri (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param,
                 gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  g_autoptr(GAppLaunchContext) context = NULL;

  if (native != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (native))));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), context,
                                           self->cancellable, on_uri_shown, g_object_ref (self));
}

static const GActionEntry action_entries[] = {
  { .name = "save", .activate = action_save },
  { .name = "save-as", .activate = action_save_as },
  { .name = "undo", .activate = action_undo },
  { .name = "undo-to", .activate = action_undo_to, .parameter_type = "u" },
  { .name = "redo", .activate = action_redo },
  { .name = "split", .activate = action_split },
  { .name = "paste-text", .activate = action_paste_text, .parameter_type = "s" },
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
  { .name = "export", .activate = action_export },
  { .name = "export-pdf", .activate = action_export },
  { .name = "open-uri", .activate = action_open_uri, .parameter_type = "s" },
};

static void
set_enabled (DraftingPage *self,
             const char   *name,
             gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* What may be done now: a read-only document is not edited, and one being
 * saved is not saved again until that is done. */
void
_drafting_page_update_actions (DraftingPage *self)
{
  static const char * const editing[] = {
    "split", "paste-text", "join-previous", "join-next", "indent", "outdent", "move-up", "move-down",
    "delete-element", "insert", "change-kind", "emphasis", "strong", "footnote",
  };
  /* In proposing, inserting, deleting and moving propose; the rest is not
   * a proposal. */
  static const char * const proposing[] = { "move-up", "move-down", "delete-element", "insert" };
  gboolean writable = !drafting_document_file_get_read_only (self->document_file);
  gboolean editable = writable && _drafting_page_shows_text (self);
  gboolean saving = drafting_document_file_get_saving (self->document_file);

  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    set_enabled (self, editing[i], editable && !_drafting_page_get_proposing (self));
  for (guint i = 0; editable && _drafting_page_get_proposing (self) && i < G_N_ELEMENTS (proposing); i++)
    set_enabled (self, proposing[i], TRUE);
  drafting_document_view_set_editable (self->view, editable);

  /* Undo takes back a decision made in any view, and a proposal too. */
  set_enabled (self, "undo", writable && drafting_document_can_undo (self->document));
  set_enabled (self, "undo-to", writable && drafting_document_can_undo (self->document));
  set_enabled (self, "redo", writable && drafting_document_can_redo (self->document));
  /* A revision is the Secretariat's, whatever the view. */
  set_enabled (self, "revise", writable && !_drafting_page_get_proposing (self));
  set_enabled (self, "save", !saving);
  set_enabled (self, "save-as", !saving);
}

void
_drafting_page_init_actions (DraftingPage *self)
{
  g_autoptr(GAction) show_outline = g_settings_create_action (self->settings, "show-outline");

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  /* The outline's toggle and menu item, with the page: off without one. */
  g_action_map_add_action (G_ACTION_MAP (self->actions), show_outline);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "document", G_ACTION_GROUP (self->actions));
}
