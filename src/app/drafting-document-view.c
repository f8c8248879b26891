/* drafting-document-view.c: the document laid out as it prints, a row an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-lazy-list.h"
#include "drafting-list-revealer.h"

/*
 * A lazy list over the document's list of elements in reading order: only
 * the rows on screen exist, and a few more, recycled as the view scrolls,
 * so that a document of ten thousand clauses opens and scrolls as one of
 * ten, each row as tall as its text, as on paper. Assistive technologies
 * meet it as a list named "Document", whose items are the elements' rows.
 *
 * The view keeps a map from element to the row showing it, to send the
 * model's changes to the rows that show them and to put the cursor in a
 * given element: if its row does not exist yet, the list is scrolled to it
 * and the cursor placed when the row is bound.
 */

struct _DraftingDocumentView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  DraftingLazyList  *list_view;
  DraftingListRevealer *revealer;
  DraftingDocument  *document;
  GHashTable        *rows;            /* DraftingNode → DraftingElementRow */
  DraftingNode      *current;
  GMenuModel        *extra_menu;
  DraftingSpellCache *spell_cache;    /* the misspelt words the rows underline, or NULL */
  GArray            *matches;
  DraftingMatch      current_match;
  DraftingTracking  *tracking;        /* the marks the rows show, or NULL */
  char              *proposer;        /* the delegation typing proposes for, or NULL */
  char              *proposer_name;

  DraftingNode      *pending;         /* where the cursor is to go */
  int                pending_offset;
  guint              pending_length;
  int                pending_x;
  guint              pending_source;
  guint              pending_tick;    /* waiting for the row to be on screen */
  guint              pending_frames;
  guint              cursor_source;

  gulong             node_changed_id;
  gulong             numbering_changed_id;
  gulong             notify_id;

  guint              editable : 1;
  guint              has_current_match : 1;
};

G_DEFINE_FINAL_TYPE (DraftingDocumentView, drafting_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EDITABLE,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_current (DraftingDocumentView *self,
             DraftingNode         *node)
{
  if (g_set_object (&self->current, node))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* ------------------------------------------------------------------ */
/* The cursor                                                          */

/* A row takes the focus only once on screen: the list may have bound it
 * before it has scrolled it into sight. */
#define PENDING_MAX_FRAMES 60

/* About as many rows as a tall window makes at once (its screen and a
 * third of one above and below): the elements the list is given first. */
#define ROWS_IN_A_TALL_WINDOW 34

static gboolean place_pending (gpointer data);

static gboolean
place_pending_on_tick (GtkWidget     *widget G_GNUC_UNUSED,
                       GdkFrameClock *clock G_GNUC_UNUSED,
                       gpointer       data)
{
  DraftingDocumentView *self = data;

  self->pending_tick = 0;
  place_pending (self);

  return G_SOURCE_REMOVE;
}

static gboolean
place_pending (gpointer data)
{
  DraftingDocumentView *self = data;
  DraftingElementRow *row;
  int x = -1;

  self->pending_source = 0;
  if (self->pending == NULL)
    return G_SOURCE_REMOVE;

  row = g_hash_table_lookup (self->rows, self->pending);
  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    {
      if (self->pending_tick == 0 && self->pending_frames++ < PENDING_MAX_FRAMES)
        self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                           place_pending_on_tick, self, NULL);
      return G_SOURCE_REMOVE;
    }

  /* The place across comes in the view's coordinates. */
  if (self->pending_x >= 0)
    {
      double tx, ty;

      gtk_widget_translate_coordinates (GTK_WIDGET (self),
                                        GTK_WIDGET (drafting_element_row_get_text_view (row)),
                                        self->pending_x, 0, &tx, &ty);
      x = MAX (0, (int) tx);
    }

  drafting_element_row_place_cursor (row, self->pending_offset, self->pending_length, x);
  g_clear_object (&self->pending);

  return G_SOURCE_REMOVE;
}

static void
scroll_to (DraftingDocumentView *self,
           DraftingNode         *node)
{
  guint position = drafting_document_get_position (self->document, node);

  drafting_list_revealer_reveal (self->revealer, position);
  drafting_lazy_list_scroll_to (self->list_view, position);
}

static void
focus_node_at (DraftingDocumentView *self,
               DraftingNode         *node,
               int                   offset,
               guint                 length,
               int                   x)
{
  g_set_object (&self->pending, node);
  self->pending_frames = 0;
  self->pending_offset = offset;
  self->pending_length = length;
  self->pending_x = x;

  scroll_to (self, node);

  /* After the list has laid the row out. */
  if (self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_pending, self, NULL);
}

/**
 * drafting_document_view_focus_node:
 * @offset: a byte offset in the element's text, or -1 for its end
 * @length: how many bytes to select from there
 *
 * Scrolls to @node and puts the cursor in it.
 */
void
drafting_document_view_focus_node (DraftingDocumentView *self,
                                   DraftingNode         *node,
                                   int                   offset,
                                   guint                 length)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (DRAFTING_IS_NODE (node));

  if (drafting_node_get_document (node) != self->document)
    return;

  focus_node_at (self, node, offset, length, -1);
}

static DraftingNode *neighbour_from_start (DraftingDocumentView *self);

/**
 * drafting_document_view_restore_focus:
 *
 * Gives the keyboard back to the element the cursor was in, leaving the
 * cursor where it was; with no such element, puts it at the start of the
 * first one.
 */
void
drafting_document_view_restore_focus (DraftingDocumentView *self)
{
  DraftingNode *node;
  DraftingElementRow *row;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  if (self->document == NULL)
    return;

  /* A placement under way wins; one that gave up waiting for its row to
   * be shown, in a tab not chosen yet, is made now that it is. */
  if (self->pending != NULL)
    {
      g_clear_handle_id (&self->pending_source, g_source_remove);
      if (self->pending_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->pending_tick);
      self->pending_tick = 0;
      self->pending_frames = 0;
      place_pending (self);
      return;
    }

  node = drafting_document_view_get_current (self);
  if (node != NULL && (row = g_hash_table_lookup (self->rows, node)) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (drafting_element_row_get_text_view (row)));
      return;
    }

  if (node == NULL)
    {
      DraftingNode *first = neighbour_from_start (self);

      if (first != NULL)
        focus_node_at (self, first, 0, 0, -1);
    }
  else
    focus_node_at (self, node, -1, 0, -1);
}

/**
 * drafting_document_view_reveal_node:
 *
 * Scrolls to @node without moving the keyboard focus.
 */
void
drafting_document_view_reveal_node (DraftingDocumentView *self,
                                    DraftingNode         *node)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (DRAFTING_IS_NODE (node));

  if (drafting_node_get_document (node) == self->document)
    scroll_to (self, node);
}

static DraftingNode *neighbour (DraftingDocumentView *self,
                               DraftingNode         *node,
                               gboolean              forward);

/* The first element with text. */
static DraftingNode *
neighbour_from_start (DraftingDocumentView *self)
{
  g_autoptr(DraftingNode) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->document)) == 0)
    return NULL;

  first = g_list_model_get_item (G_LIST_MODEL (self->document), 0);
  if (drafting_kind_has_text (drafting_node_get_kind (first)))
    return first;

  return neighbour (self, first, TRUE);
}

/* The element before or after @node that has text to put a cursor in. */
static DraftingNode *
neighbour (DraftingDocumentView *self,
           DraftingNode         *node,
           gboolean              forward)
{
  GListModel *model = G_LIST_MODEL (self->document);
  guint n = g_list_model_get_n_items (model);
  guint position = drafting_document_get_position (self->document, node);

  while (forward ? position + 1 < n : position > 0)
    {
      g_autoptr(DraftingNode) other = NULL;

      position = forward ? position + 1 : position - 1;
      other = g_list_model_get_item (model, position);
      if (drafting_kind_has_text (drafting_node_get_kind (other)))
        return other;
    }

  return NULL;
}

/* The last element with text. */
static DraftingNode *
neighbour_from_end (DraftingDocumentView *self)
{
  g_autoptr(DraftingNode) last = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->document));

  if (n == 0)
    return NULL;

  last = g_list_model_get_item (G_LIST_MODEL (self->document), n - 1);
  if (drafting_kind_has_text (drafting_node_get_kind (last)))
    return last;

  return neighbour (self, last, FALSE);
}

/* Ctrl+Home and Ctrl+End: the start of the first element's text, the end
 * of the last one's, as in every editor. */
static gboolean
go_to_edge (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data G_GNUC_UNUSED)
{
  DraftingDocumentView *self = DRAFTING_DOCUMENT_VIEW (widget);
  gboolean end = g_variant_get_boolean (args);
  DraftingNode *node;

  if (self->document == NULL)
    return GDK_EVENT_PROPAGATE;

  node = end ? neighbour_from_end (self) : neighbour_from_start (self);
  if (node == NULL)
    return GDK_EVENT_PROPAGATE;

  focus_node_at (self, node, end ? -1 : 0, 0, -1);

  return GDK_EVENT_STOP;
}

static void
add_edge_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   guint                  keypad_keyval,
                   gboolean               end)
{
  GtkShortcutTrigger *trigger;
  GtkShortcut *shortcut;

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (keypad_keyval, GDK_CONTROL_MASK));
  shortcut = gtk_shortcut_new (trigger, gtk_callback_action_new (go_to_edge, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (end));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
on_row_leave (DraftingElementRow   *row,
              int                   direction,
              DraftingDocumentView *self)
{
  DraftingNode *node = drafting_element_row_get_node (row);
  gboolean forward = direction == DRAFTING_DIRECTION_DOWN || direction == DRAFTING_DIRECTION_FORWARD;
  gboolean vertical = direction == DRAFTING_DIRECTION_UP || direction == DRAFTING_DIRECTION_DOWN;
  DraftingNode *target;
  int x = -1;

  if (node == NULL || (target = neighbour (self, node, forward)) == NULL)
    return;

  /* Up and down keep the cursor at the same place across the page. */
  if (vertical)
    {
      double view_x, unused_y;

      x = drafting_element_row_get_cursor_x (row);
      gtk_widget_translate_coordinates (GTK_WIDGET (drafting_element_row_get_text_view (row)),
                                        GTK_WIDGET (self), x, 0, &view_x, &unused_y);
      x = (int) view_x;
    }

  focus_node_at (self, target, forward ? 0 : -1, 0, x);
}

/* Keeps the cursor in sight as it moves down a long paragraph. */
static gboolean
ensure_cursor_visible (gpointer data)
{
  DraftingDocumentView *self = data;
  DraftingElementRow *row;
  GtkTextView *text_view;
  GtkAdjustment *vadjustment;
  GtkTextIter iter;
  GdkRectangle rect;
  double y, unused_x;
  int wx, wy;
  int height;

  self->cursor_source = 0;

  if (self->current == NULL || (row = g_hash_table_lookup (self->rows, self->current)) == NULL)
    return G_SOURCE_REMOVE;

  text_view = drafting_element_row_get_text_view (row);
  if (!gtk_widget_has_focus (GTK_WIDGET (text_view)))
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (text_view), &iter,
                                    gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)));
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->scroller),
                                         wx, wy, &unused_x, &y))
    return G_SOURCE_REMOVE;

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  height = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  if (y < 0)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + y - 24);
  else if (y + rect.height > height)
    gtk_adjustment_set_value (vadjustment,
                              gtk_adjustment_get_value (vadjustment) + y + rect.height - height + 24);

  return G_SOURCE_REMOVE;
}

static void
on_mark_set (GtkTextBuffer        *buffer,
             const GtkTextIter    *location G_GNUC_UNUSED,
             GtkTextMark          *mark,
             DraftingDocumentView *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer) && self->cursor_source == 0)
    self->cursor_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ensure_cursor_visible, self, NULL);
}

static void
on_row_focus_enter (GtkEventControllerFocus *controller,
                    DraftingDocumentView    *self)
{
  GtkWidget *text_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  DraftingElementRow *row = DRAFTING_ELEMENT_ROW (gtk_widget_get_parent (text_view));
  DraftingNode *node = drafting_element_row_get_node (row);

  if (node != NULL)
    set_current (self, node);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static GtkWidget *
setup_row (DraftingLazyList *list G_GNUC_UNUSED,
           gpointer          user_data)
{
  DraftingDocumentView *self = user_data;
  GtkWidget *row = drafting_element_row_new ();
  GtkTextView *text_view = drafting_element_row_get_text_view (DRAFTING_ELEMENT_ROW (row));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  drafting_element_row_set_editable (DRAFTING_ELEMENT_ROW (row), self->editable);
  drafting_element_row_set_tracking (DRAFTING_ELEMENT_ROW (row), self->tracking);
  drafting_element_row_set_proposer (DRAFTING_ELEMENT_ROW (row), self->proposer, self->proposer_name);
  drafting_element_row_set_extra_menu (DRAFTING_ELEMENT_ROW (row), self->extra_menu);

  /* The rows go with the list, before the view. */
  g_signal_connect_object (row, "leave", G_CALLBACK (on_row_leave), self, 0);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus_enter), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (text_view), focus);
  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "mark-set",
                           G_CALLBACK (on_mark_set), self, 0);

  return row;
}

static void
bind_row (DraftingLazyList *list G_GNUC_UNUSED,
          GtkWidget        *widget,
          gpointer          item,
          guint             position G_GNUC_UNUSED,
          gpointer          user_data)
{
  DraftingDocumentView *self = user_data;
  DraftingElementRow *row = DRAFTING_ELEMENT_ROW (widget);
  DraftingNode *node = item;

  drafting_element_row_set_tracking (row, self->tracking);
  drafting_element_row_set_proposer (row, self->proposer, self->proposer_name);
  drafting_element_row_set_spell_cache (row, self->spell_cache);
  drafting_element_row_bind (row, node);
  g_hash_table_insert (self->rows, node, row);

  drafting_element_row_set_highlights (row, self->matches,
                                       self->has_current_match ? &self->current_match : NULL);

  if (node == self->pending && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_pending, self, NULL);
}

static void
unbind_row (DraftingLazyList *list G_GNUC_UNUSED,
            GtkWidget        *widget,
            gpointer          item G_GNUC_UNUSED,
            gpointer          user_data)
{
  DraftingDocumentView *self = user_data;
  DraftingElementRow *row = DRAFTING_ELEMENT_ROW (widget);
  DraftingNode *node = drafting_element_row_get_node (row);

  if (node != NULL && g_hash_table_lookup (self->rows, node) == row)
    g_hash_table_remove (self->rows, node);
  drafting_element_row_unbind (row);
}

guint
drafting_document_view_get_n_bound_rows (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), 0);

  return g_hash_table_size (self->rows);
}

/* ------------------------------------------------------------------ */
/* The model's changes                                                 */

static void
on_node_changed (DraftingDocument     *document G_GNUC_UNUSED,
                 DraftingNode         *node,
                 guint                 what G_GNUC_UNUSED,
                 DraftingDocumentView *self)
{
  DraftingElementRow *row = g_hash_table_lookup (self->rows, node);

  if (row != NULL)
    drafting_element_row_reload (row);
}

static void
reload_rows (DraftingDocumentView *self,
             gboolean              content)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DraftingElementRow *row = value;

      if (content)
        drafting_element_row_reload (row);
      else
        drafting_element_row_update_numbers (row);
    }
}

static void
on_numbering_changed (DraftingDocument     *document G_GNUC_UNUSED,
                      DraftingDocumentView *self)
{
  reload_rows (self, FALSE);
}

/* The document reads in its language's direction, whatever the
 * interface's: an Arabic resolution right to left in an English window,
 * an English one left to right in an Arabic window. The list and its rows
 * take it; the scroller around them, the window's, stays as it is. */
static void
update_direction (DraftingDocumentView *self)
{
  const char *language = self->document ? drafting_document_get_language (self->document) : NULL;

  gtk_widget_set_direction (GTK_WIDGET (self->list_view),
                            drafting_language_is_right_to_left (language) ? GTK_TEXT_DIR_RTL
                                                                          : GTK_TEXT_DIR_LTR);
}

static void
on_document_notify (DraftingDocument     *document G_GNUC_UNUSED,
                    GParamSpec           *pspec,
                    DraftingDocumentView *self)
{
  /* The language sets the direction, and the words the document prints
   * around its text ("DRAFT "). */
  if (g_str_equal (pspec->name, "language"))
    {
      update_direction (self);
      reload_rows (self, TRUE);
      return;
    }

  /* The status shows in the heading, the place and date on their line. */
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "place") ||
      g_str_equal (pspec->name, "date") || g_str_equal (pspec->name, "document-type"))
    reload_rows (self, TRUE);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */

DraftingDocument *
drafting_document_view_get_document (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

void
drafting_document_view_set_document (DraftingDocumentView *self,
                                     DraftingDocument     *document)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (document == NULL || DRAFTING_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->node_changed_id, self->document);
      g_clear_signal_handler (&self->numbering_changed_id, self->document);
      g_clear_signal_handler (&self->notify_id, self->document);
    }

  g_set_object (&self->document, document);
  g_clear_object (&self->pending);
  set_current (self, NULL);

  if (document != NULL)
    {
      self->node_changed_id = g_signal_connect (document, "node-changed",
                                                G_CALLBACK (on_node_changed), self);
      self->numbering_changed_id = g_signal_connect (document, "numbering-changed",
                                                     G_CALLBACK (on_numbering_changed), self);
      self->notify_id = g_signal_connect (document, "notify",
                                          G_CALLBACK (on_document_notify), self);
    }

  update_direction (self);
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (document));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
on_emptied (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (drafting_list_revealer_empty_finish (DRAFTING_LIST_REVEALER (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * drafting_document_view_empty_async:
 *
 * Lets the rows go a few at a frame, for a page that closes: the list is
 * empty once done, and the view can go without stopping the main loop.
 */
void
drafting_document_view_empty_async (DraftingDocumentView *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task;
  GHashTableIter iter;
  gpointer key;
  guint first = G_MAXUINT;
  guint last = 0;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_document_view_empty_async);

  /* The rows the list has made are those of the elements it bound. */
  if (self->document != NULL)
    {
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint position = drafting_document_get_position (self->document, key);

          first = MIN (first, position);
          last = MAX (last, position);
        }
    }

  drafting_list_revealer_empty_async (self->revealer, first, last, cancellable, on_emptied, task);
}

gboolean
drafting_document_view_empty_finish (DraftingDocumentView  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * drafting_document_view_is_opening:
 *
 * Returns: whether the list is still being given the document's elements
 *   a few at a frame, as it does once a document is set
 */
gboolean
drafting_document_view_is_opening (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), FALSE);

  return !drafting_list_revealer_is_done (self->revealer);
}

gboolean
drafting_document_view_get_editable (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), FALSE);

  return self->editable;
}

void
drafting_document_view_set_editable (DraftingDocumentView *self,
                                     gboolean              editable)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_set_editable (value, editable);

  /* Rows the list keeps unbound take it when they are set up again. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * drafting_document_view_set_tracking:
 * @tracking: (transfer full) (nullable): the proposed amendments to mark
 *   in the text, or %NULL to show the text as it is
 *
 * Shows the changes @tracking marks, in every row, not to be typed in;
 * given again after the record changes, the rows on screen show the new
 * marks.
 */
void
drafting_document_view_set_tracking (DraftingDocumentView *self,
                                     DraftingTracking     *tracking)
{
  g_autoptr(DraftingTracking) old = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  old = g_steal_pointer (&self->tracking);
  self->tracking = tracking;
  g_hash_table_iter_init (&iter, self->rows);
  /* The old tracking is freed only after: the new one is another, and
   * each row reloads once, for it. */
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_set_tracking (value, tracking);
}

gboolean
drafting_document_view_get_marked (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), FALSE);

  return self->tracking != NULL;
}

/**
 * drafting_document_view_set_proposer:
 * @delegation: (nullable): the delegation what is typed is proposed for,
 *   or %NULL to edit the text itself
 * @name: (nullable): the name of the person typing
 *
 * In proposing, the text is locked: what is typed in an element becomes
 * the delegation's amendment to it.
 */
void
drafting_document_view_set_proposer (DraftingDocumentView *self,
                                     const char           *delegation,
                                     const char           *name)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  g_free (self->proposer);
  self->proposer = g_strdup (delegation);
  g_free (self->proposer_name);
  self->proposer_name = g_strdup (name);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_set_proposer (value, delegation, name);
}

/**
 * drafting_document_view_reload:
 *
 * Shows again the rows on screen, after a change to what they show that
 * the document does not tell of (the record of amendments, in proposing).
 */
void
drafting_document_view_reload (DraftingDocumentView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_reload (value);
}

/**
 * drafting_document_view_get_current:
 *
 * Returns: (transfer none) (nullable): the element the cursor is in, or
 *   was last in
 */
DraftingNode *
drafting_document_view_get_current (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), NULL);

  if (self->current != NULL && drafting_node_get_document (self->current) != self->document)
    return NULL;

  return self->current;
}

/**
 * drafting_document_view_get_cursor:
 * @node: (out) (transfer none): the element the cursor is in
 * @offset: (out): the byte offset of the cursor in its text
 * @selection_end: (out): the end of the selection
 *
 * Returns: %FALSE when no element has had the cursor
 */
gboolean
drafting_document_view_get_cursor (DraftingDocumentView  *self,
                                   DraftingNode         **node,
                                   guint                 *offset,
                                   guint                 *selection_end)
{
  DraftingNode *current;
  DraftingElementRow *row;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), FALSE);

  current = drafting_document_view_get_current (self);
  if (current == NULL)
    return FALSE;

  *node = current;
  *offset = 0;
  *selection_end = 0;
  if ((row = g_hash_table_lookup (self->rows, current)) != NULL)
    drafting_element_row_get_cursor (row, offset, selection_end);

  return TRUE;
}

void
drafting_document_view_set_extra_menu (DraftingDocumentView *self,
                                       GMenuModel           *menu)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  g_set_object (&self->extra_menu, menu);
}

/**
 * drafting_document_view_set_spell_cache:
 * @cache: (nullable): where the rows find their misspelt words, or %NULL
 *   not to underline any
 */
void
drafting_document_view_set_spell_cache (DraftingDocumentView *self,
                                        DraftingSpellCache   *cache)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (cache == NULL || DRAFTING_IS_SPELL_CACHE (cache));

  if (!g_set_object (&self->spell_cache, cache))
    return;

  /* The rows bound now; the others as they are bound. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_set_spell_cache (value, cache);
}

DraftingSpellCache *
drafting_document_view_get_spell_cache (DraftingDocumentView *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self), NULL);

  return self->spell_cache;
}

/**
 * drafting_document_view_recheck_spelling:
 *
 * Has the rows on screen ask for their misspelt words again, after a
 * word was added to a dictionary or ignored.
 */
void
drafting_document_view_recheck_spelling (DraftingDocumentView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_update_spelling (value);
}

/**
 * drafting_document_view_set_matches:
 * @matches: (nullable) (element-type DraftingMatch): what find found
 * @current: (nullable): the match it is on
 */
void
drafting_document_view_set_matches (DraftingDocumentView *self,
                                    GArray               *matches,
                                    const DraftingMatch  *current)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_VIEW (self));

  g_clear_pointer (&self->matches, g_array_unref);
  if (matches != NULL)
    self->matches = g_array_ref (matches);
  self->has_current_match = current != NULL;
  if (current != NULL)
    self->current_match = *current;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    drafting_element_row_set_highlights (value, self->matches, current);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_document_view_dispose (GObject *object)
{
  DraftingDocumentView *self = (DraftingDocumentView *) object;

  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  if (self->pending_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->pending_tick);
  self->pending_tick = 0;
  drafting_document_view_set_document (self, NULL);
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  g_clear_object (&self->revealer);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->extra_menu);
  g_clear_object (&self->spell_cache);
  g_clear_object (&self->pending);
  g_clear_object (&self->current);
  g_clear_pointer (&self->tracking, drafting_tracking_free);
  g_clear_pointer (&self->proposer, g_free);
  g_clear_pointer (&self->proposer_name, g_free);

  G_OBJECT_CLASS (drafting_document_view_parent_class)->dispose (object);
}

static void
drafting_document_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DraftingDocumentView *self = DRAFTING_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_CURRENT:
      g_value_set_object (value, drafting_document_view_get_current (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DraftingDocumentView *self = DRAFTING_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      drafting_document_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      drafting_document_view_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_view_class_init (DraftingDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_document_view_dispose;
  object_class->get_property = drafting_document_view_get_property;
  object_class->set_property = drafting_document_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL,
                         DRAFTING_TYPE_NODE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");
}

static void
drafting_document_view_init (DraftingDocumentView *self)
{
  GtkEventController *shortcuts;
  GtkWidget *clamp;

  self->editable = TRUE;
  self->rows = g_hash_table_new (NULL, NULL);

  /* Before the row's text view, which would keep them to its element. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_edge_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Home, GDK_KEY_KP_Home, FALSE);
  add_edge_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_End, GDK_KEY_KP_End, TRUE);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* The elements of a long document are given to the list a few at a
   * frame as it opens, beyond the rows a tall window shows at once. */
  self->revealer = drafting_list_revealer_new (GTK_WIDGET (self), ROWS_IN_A_TALL_WINDOW);
  self->list_view = DRAFTING_LAZY_LIST (drafting_lazy_list_new ());
  drafting_lazy_list_set_functions (self->list_view, setup_row, bind_row, unbind_row, self);
  drafting_lazy_list_set_model (self->list_view, G_LIST_MODEL (self->revealer));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "document-page");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document"),
                                  -1);

  /* A column as wide as a printed page, centred. */
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 860);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list_view));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, clamp);
  gtk_widget_add_css_class (GTK_WIDGET (self->scroller), "document-scroller");
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
drafting_document_view_new (void)
{
  return g_object_new (DRAFTING_TYPE_DOCUMENT_VIEW, NULL);
}
