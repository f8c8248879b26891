/* drafting-outline-view.c: the structure of the document beside its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-outline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-list-revealer.h"
#include "drafting-outline-view.h"

/*
 * The outline lists the document's parts in reading order, indented by
 * depth: headings, clauses, formulas, paragraphs, principles, sections and
 * items; not footnotes, which belong to their text. It is a grid view of
 * one column over the document's own list, filtered, so that it too builds
 * only about the rows on screen: GTK 4.8's list view would build 200.
 *
 * Activating a row asks the page to go there ("node-activated"). A row can
 * be dragged onto another: dropped on its upper half it goes before it, on
 * its lower half after it, or, when the target holds elements of its kind
 * and has none, into it. A move the document refuses is reported with
 * "move-failed" for the page to say why.
 */

struct _DraftingOutlineView
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkGridView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  DraftingListRevealer *revealer;
  GtkCustomFilter    *filter;
  DraftingDocument   *document;
  GHashTable         *rows;          /* DraftingNode → GtkLabel */

  gulong              node_changed_id;
  gulong              numbering_changed_id;
  gulong              language_id;

  guint               selecting : 1;
};

G_DEFINE_FINAL_TYPE (DraftingOutlineView, drafting_outline_view, GTK_TYPE_WIDGET)

enum {
  NODE_ACTIVATED,
  MOVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define INDENT_STEP 14

static gboolean
in_outline (gpointer item,
            gpointer user_data G_GNUC_UNUSED)
{
  DraftingKind kind = drafting_node_get_kind (item);

  return kind != DRAFTING_KIND_FOOTNOTE && kind != DRAFTING_KIND_PLACE_DATE;
}

static char *
describe (DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);
  g_autofree char *label = drafting_render_label (node);
  g_autofree char *summary = NULL;

  /* A leading phrase recurs ("ACKNOWLEDGING"): the first words of the text
   * after it tell the clauses apart. */
  if (drafting_node_get_lead (node)[0] != '\0')
    {
      g_autofree char *whole = drafting_text_join_lead (drafting_node_get_lead (node),
                                                        drafting_node_get_text (node));

      summary = drafting_text_summarize (whole, 48);
    }
  else
    summary = drafting_node_get_summary (node, 48);

  /* An element with no text yet says what it is, unless its label does. */
  if (summary[0] == '\0' && kind != DRAFTING_KIND_PRINCIPLE && kind != DRAFTING_KIND_ANNEX)
    {
      g_free (summary);
      /* Translators: an element with no text yet, as "(Preambular clause)" */
      summary = g_strdup_printf (_("(%s)"), drafting_kind_get_display_name (kind));
    }

  if (kind == DRAFTING_KIND_ANNEX)
    return g_steal_pointer (&label);
  if (label[0] != '\0' && summary[0] != '\0')
    return g_strdup_printf ("%s %s", label, summary);
  if (label[0] != '\0')
    return g_steal_pointer (&label);

  return g_steal_pointer (&summary);
}

static void
update_row (GtkLabel     *label,
            DraftingNode *node)
{
  DraftingDocument *document = drafting_node_get_document (node);
  const char *language = document ? drafting_document_get_language (document) : NULL;
  gboolean rtl = drafting_language_is_right_to_left (language);
  g_autofree char *text = describe (node);
  DraftingKind kind = drafting_node_get_kind (node);

  gboolean heading = kind == DRAFTING_KIND_HEADING || kind == DRAFTING_KIND_TITLE ||
                     kind == DRAFTING_KIND_ANNEX || kind == DRAFTING_KIND_PRINCIPLE ||
                     kind == DRAFTING_KIND_OPERATIVE_FORMULA || kind == DRAFTING_KIND_SPEAKER_FORMULA;

  /* Renumbering updates every row: the style is changed only where it
   * differs, as changing a style class costs even when it is the same. */
  /* The document's parts read in its direction, indented from its side.
   * A label takes its paragraph's direction from its first strong letter,
   * and an Arabic item's starts with its number, "i.": a right-to-left
   * mark before it keeps the line right to left, as print does. */
  if (rtl)
    {
      char *marked = g_strconcat ("\u200F", text, NULL);

      g_free (text);
      text = marked;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_direction (GTK_WIDGET (label), rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_set_margin_start (GTK_WIDGET (label), 6 + INDENT_STEP * drafting_node_get_depth (node));
  if (heading != gtk_widget_has_css_class (GTK_WIDGET (label), "heading"))
    {
      if (heading)
        gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
    }
}

static DraftingNode *
node_of_widget (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "drafting-node");
}

/* A row's tooltip says what kind of element it is, found when asked for:
 * setting a tooltip on each row as it is bound costs a query of the
 * pointer each time. */
static gboolean
on_query_tooltip (GtkWidget  *label,
                  int         x G_GNUC_UNUSED,
                  int         y G_GNUC_UNUSED,
                  gboolean    keyboard G_GNUC_UNUSED,
                  GtkTooltip *tooltip,
                  gpointer    user_data G_GNUC_UNUSED)
{
  DraftingNode *node = node_of_widget (label);

  if (node == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, drafting_kind_get_display_name (drafting_node_get_kind (node)));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Dragging to move                                                    */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x G_GNUC_UNUSED,
                 double         y G_GNUC_UNUSED,
                 gpointer       user_data G_GNUC_UNUSED)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  DraftingNode *node = node_of_widget (widget);

  if (node == NULL)
    return NULL;

  return gdk_content_provider_new_typed (DRAFTING_TYPE_NODE, node);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag G_GNUC_UNUSED,
               gpointer       user_data G_GNUC_UNUSED)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* Where a node dropped at @y on @target goes: before or after it, or into
 * it. */
static gboolean
drop_place (DraftingOutlineView *self,
            DraftingNode        *node,
            DraftingNode        *target,
            double               y,
            double               height,
            DraftingNode       **parent,
            guint               *index)
{
  DraftingNode *target_parent = drafting_node_get_parent (target);

  if (node == target || target_parent == NULL)
    return FALSE;

  if (y > height / 2 &&
      drafting_kind_allows_child (drafting_node_get_kind (target), drafting_node_get_kind (node)) &&
      !drafting_node_has_content_children (target))
    {
      *parent = target;
      *index = drafting_node_get_n_children (target);
    }
  else
    {
      *parent = target_parent;
      *index = drafting_node_get_index (target) + (y > height / 2 ? 1 : 0);
    }

  return drafting_document_can_move (self->document, node, *parent, NULL);
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x G_GNUC_UNUSED,
         double               y,
         DraftingOutlineView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  DraftingNode *dest = node_of_widget (widget);
  DraftingNode *node = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  DraftingNode *parent;
  guint index;

  if (dest == NULL || node == NULL || self->document == NULL ||
      drafting_node_get_document (node) != self->document)
    return FALSE;

  if (!drop_place (self, node, dest, y, gtk_widget_get_height (widget), &parent, &index))
    {
      DraftingNode *target_parent = drafting_node_get_parent (dest);

      /* Say why, in the document's words. */
      if (target_parent != NULL &&
          !drafting_document_can_move (self->document, node, target_parent, &error))
        g_signal_emit (self, signals[MOVE_FAILED], 0, error->message);
      return FALSE;
    }

  if (!drafting_document_move (self->document, node, parent, index, &error))
    {
      g_signal_emit (self, signals[MOVE_FAILED], 0, error->message);
      return FALSE;
    }

  drafting_outline_view_select (self, node);
  return TRUE;
}

static GdkDragAction
on_drop_motion (GtkDropTarget       *target,
                double               x G_GNUC_UNUSED,
                double               y,
                DraftingOutlineView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const GValue *value = gtk_drop_target_get_value (target);
  DraftingNode *dest = node_of_widget (widget);
  DraftingNode *node;
  DraftingNode *parent;
  guint index;

  gtk_widget_remove_css_class (widget, "drop-before");
  gtk_widget_remove_css_class (widget, "drop-after");
  gtk_widget_remove_css_class (widget, "drop-into");

  if (value == NULL || dest == NULL || (node = g_value_get_object (value)) == NULL ||
      !drop_place (self, node, dest, y, gtk_widget_get_height (widget), &parent, &index))
    return 0;

  if (parent == dest)
    gtk_widget_add_css_class (widget, "drop-into");
  else if (y > gtk_widget_get_height (widget) / 2)
    gtk_widget_add_css_class (widget, "drop-after");
  else
    gtk_widget_add_css_class (widget, "drop-before");

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               gpointer       user_data G_GNUC_UNUSED)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  gtk_widget_remove_css_class (widget, "drop-before");
  gtk_widget_remove_css_class (widget, "drop-after");
  gtk_widget_remove_css_class (widget, "drop-into");
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void
setup_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
           GtkListItem              *item,
           DraftingOutlineView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (DRAFTING_TYPE_NODE, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "outline-row");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_list_item_set_child (item, label);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drag));

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drop));
}

static void
bind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
          GtkListItem              *item,
          DraftingOutlineView      *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  DraftingNode *node = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (label), "drafting-node", node);
  g_hash_table_insert (self->rows, node, label);
  update_row (label, node);
}

static void
unbind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
            GtkListItem              *item,
            DraftingOutlineView      *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DraftingNode *node = node_of_widget (label);

  if (node != NULL && g_hash_table_lookup (self->rows, node) == label)
    g_hash_table_remove (self->rows, node);
  g_object_set_data (G_OBJECT (label), "drafting-node", NULL);
}

static void
on_activate (GtkGridView         *list_view G_GNUC_UNUSED,
             guint                position,
             DraftingOutlineView *self)
{
  g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (node != NULL)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

/* ------------------------------------------------------------------ */
/* The model's changes                                                 */

static void
on_node_changed (DraftingDocument    *document G_GNUC_UNUSED,
                 DraftingNode        *node,
                 guint                what,
                 DraftingOutlineView *self)
{
  GtkLabel *label = g_hash_table_lookup (self->rows, node);

  if (label != NULL)
    update_row (label, node);

  if ((what & DRAFTING_NODE_CHANGED_KIND) != 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_numbering_changed (DraftingDocument    *document G_GNUC_UNUSED,
                      DraftingOutlineView *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    update_row (value, key);
}

/* The outline lists the document's parts in the document's direction,
 * whatever the interface's: its list, and each row as it is bound. */
static void
update_direction (DraftingOutlineView *self)
{
  const char *language = self->document ? drafting_document_get_language (self->document) : NULL;

  gtk_widget_set_direction (GTK_WIDGET (self->list_view),
                            drafting_language_is_right_to_left (language) ? GTK_TEXT_DIR_RTL
                                                                          : GTK_TEXT_DIR_LTR);
}

static void
on_language_changed (DraftingDocument    *document,
                     GParamSpec          *pspec G_GNUC_UNUSED,
                     DraftingOutlineView *self)
{
  update_direction (self);
  on_numbering_changed (document, self);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */

DraftingDocument *
drafting_outline_view_get_document (DraftingOutlineView *self)
{
  g_return_val_if_fail (DRAFTING_IS_OUTLINE_VIEW (self), NULL);

  return self->document;
}

void
drafting_outline_view_set_document (DraftingOutlineView *self,
                                    DraftingDocument    *document)
{
  g_return_if_fail (DRAFTING_IS_OUTLINE_VIEW (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->node_changed_id, self->document);
      g_clear_signal_handler (&self->numbering_changed_id, self->document);
      g_clear_signal_handler (&self->language_id, self->document);
    }

  g_set_object (&self->document, document);
  update_direction (self);

  if (document != NULL)
    {
      self->node_changed_id = g_signal_connect (document, "node-changed",
                                                G_CALLBACK (on_node_changed), self);
      self->numbering_changed_id = g_signal_connect (document, "numbering-changed",
                                                     G_CALLBACK (on_numbering_changed), self);
      self->language_id = g_signal_connect (document, "notify::language",
                                            G_CALLBACK (on_language_changed), self);
    }

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (document));
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->filtered));
}

/**
 * drafting_outline_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the element selected in the outline
 */
DraftingNode *
drafting_outline_view_get_selected (DraftingOutlineView *self)
{
  g_return_val_if_fail (DRAFTING_IS_OUTLINE_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * drafting_outline_view_select:
 *
 * Selects @node, or the part that holds it if it is not in the outline,
 * and scrolls to it.
 */
void
drafting_outline_view_select (DraftingOutlineView *self,
                              DraftingNode        *node)
{
  GListModel *model;
  guint n;

  g_return_if_fail (DRAFTING_IS_OUTLINE_VIEW (self));

  while (node != NULL && !in_outline (node, NULL))
    node = drafting_node_get_parent (node);
  if (node == NULL || self->document == NULL || drafting_node_get_document (node) != self->document)
    return;

  if (gtk_single_selection_get_selected_item (self->selection) == node)
    return;

  model = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) item = g_list_model_get_item (model, i);

      if (item == node)
        {
          drafting_list_revealer_reveal (self->revealer, i);
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->selecting = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
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
 * drafting_outline_view_empty_async:
 *
 * Lets the rows go a few at a frame, for a page that closes.
 */
void
drafting_outline_view_empty_async (DraftingOutlineView *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GListModel *model = G_LIST_MODEL (self->revealer);
  guint n = g_list_model_get_n_items (model);
  guint first = G_MAXUINT;
  guint last = 0;
  GTask *task;

  g_return_if_fail (DRAFTING_IS_OUTLINE_VIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_outline_view_empty_async);

  /* The rows the list has made are those of the parts it bound. */
  for (guint i = 0; i < n && g_hash_table_size (self->rows) > 0; i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (model, i);

      if (g_hash_table_contains (self->rows, node))
        {
          first = MIN (first, i);
          last = i;
        }
    }

  drafting_list_revealer_empty_async (self->revealer, first, last, cancellable, on_emptied, task);
}

gboolean
drafting_outline_view_empty_finish (DraftingOutlineView  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (DRAFTING_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_outline_view_dispose (GObject *object)
{
  DraftingOutlineView *self = (DraftingOutlineView *) object;

  drafting_outline_view_set_document (self, NULL);
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  g_clear_object (&self->revealer);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (drafting_outline_view_parent_class)->dispose (object);
}

static void
drafting_outline_view_class_init (DraftingOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_outline_view_dispose;

  /**
   * DraftingOutlineView::node-activated:
   * @node: the element
   *
   * A person asked to go to @node.
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DRAFTING_TYPE_NODE);

  /**
   * DraftingOutlineView::move-failed:
   * @message: why, for people
   */
  signals[MOVE_FAILED] =
    g_signal_new ("move-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");
}

static void
drafting_outline_view_init (DraftingOutlineView *self)
{
  GtkListItemFactory *factory;

  self->rows = g_hash_table_new (NULL, NULL);

  /* Its rows made a few at a frame, so that a long document opens without
   * stopping the window. */
  self->filter = gtk_custom_filter_new (in_outline, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->revealer = drafting_list_revealer_new (GTK_WIDGET (self), DRAFTING_GRID_VIEW_MAX_ROWS);
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->revealer)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

  self->list_view = GTK_GRID_VIEW (gtk_grid_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_grid_view_set_max_columns (self->list_view, 1);
  gtk_grid_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline"),
                                  -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
drafting_outline_view_new (void)
{
  return g_object_new (DRAFTING_TYPE_OUTLINE_VIEW, NULL);
}
