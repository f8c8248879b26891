/* drafting-lazy-list.c: a list that has rows only for the items in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-lazy-list"

#include "config.h"

#include "drafting-lazy-list.h"

/*
 * A vertical list over a GListModel, scrolled by its adjustment, that
 * binds a row to an item only while the item is on screen, or a third of
 * a screen above or below it, and lays each out at the height its content
 * takes: a heading line as tall as its line. GTK 4.8's list view keeps
 * 200 rows whatever it shows, and its grid view 30 a column, each at
 * least a thirtieth of the view's height.
 *
 * The place shown is kept as an anchor: the item at the top of the view
 * and how far down it the view begins. The rows in sight are measured
 * each time the list is laid out, and their heights kept; the items never
 * seen count at the average of those measured, for the scroll bar's sake
 * only, so that a guess never moves what is on screen. The row that has
 * the keyboard focus is kept, wherever it is, as GTK's own lists do.
 *
 * Rows let go are hidden and kept for the next items in sight: a list
 * never makes more rows than it has had on screen at once. Rows are bound
 * and let go outside the layout, in the frame clock's update phase or as
 * the model changes (a widget shown or hidden while its parent is being
 * laid out would leave its ancestors to be laid out a frame later); the
 * layout places the rows bound and asks for more when they fall short.
 * Before its first layout, a list binds its first few rows, so that a
 * page in a tab not yet shown has rows to take the focus the moment it
 * is.
 */

/* Rows are bound this far beyond the top and bottom of the view, as a
 * part of its height, so that a short scroll finds them made. */
#define OVERSCAN_DIVISOR 3

/* What an item counts for before any row has been measured. */
#define DEFAULT_ROW_HEIGHT 48

#define NO_POSITION G_MAXUINT

typedef struct
{
  guint      position;
  GtkWidget *widget;
  gpointer   item;
} Row;

struct _DraftingLazyList
{
  GtkWidget      parent_instance;

  GListModel    *model;
  gulong         items_changed_id;

  DraftingLazyListSetupFunc  setup;
  DraftingLazyListBindFunc   bind;
  DraftingLazyListUnbindFunc unbind;
  gpointer                   user_data;

  GPtrArray     *rows;              /* Row, by position */
  GPtrArray     *spare;             /* hidden widgets, bound to nothing */

  GArray        *heights;           /* int an item, -1 where never measured */
  gint64         measured_sum;
  guint          n_measured;
  int            estimate;          /* used when nothing is measured */
  int            width;             /* the width the heights are for, -1 before any */
  int            height;            /* the view's height the rows are chosen for */
  guint          tick_id;           /* choosing the rows again before the next layout */
  guint          needs_update : 1;
  guint          allocating : 1;    /* in its own layout */

  guint          anchor;            /* the item at the top of the view */
  int            anchor_offset;     /* how far down it the view begins */
  guint          scroll_to;         /* an item to bring into view */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  double         value;             /* the vertical value last set */
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          configuring : 1;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (DraftingLazyList, drafting_lazy_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* ------------------------------------------------------------------ */
/* Heights                                                             */

static int
estimated_height (DraftingLazyList *self)
{
  if (self->n_measured > 0)
    return MAX (1, (int) (self->measured_sum / self->n_measured));

  return self->estimate;
}

static int
height_of (DraftingLazyList *self,
           guint             position)
{
  int height = g_array_index (self->heights, int, position);

  return height >= 0 ? height : estimated_height (self);
}

static void
set_height (DraftingLazyList *self,
            guint             position,
            int               height)
{
  int *old = &g_array_index (self->heights, int, position);

  if (*old >= 0)
    self->measured_sum -= *old;
  else
    self->n_measured++;

  *old = height;
  self->measured_sum += height;
}

/* The heights were for another width: each is measured again once in
 * sight, and meanwhile counts at the average there was. */
static void
forget_heights (DraftingLazyList *self)
{
  self->estimate = estimated_height (self);
  for (guint i = 0; i < self->heights->len; i++)
    g_array_index (self->heights, int, i) = -1;
  self->measured_sum = 0;
  self->n_measured = 0;
}

static void
splice_heights (DraftingLazyList *self,
                guint             position,
                guint             removed,
                guint             added)
{
  for (guint i = position; i < position + removed; i++)
    {
      int height = g_array_index (self->heights, int, i);

      if (height >= 0)
        {
          self->measured_sum -= height;
          self->n_measured--;
        }
    }

  if (removed > 0)
    g_array_remove_range (self->heights, position, removed);
  if (added > 0)
    {
      g_array_set_size (self->heights, self->heights->len + added);
      memmove (&g_array_index (self->heights, int, position + added),
               &g_array_index (self->heights, int, position),
               (self->heights->len - position - added) * sizeof (int));
      for (guint i = position; i < position + added; i++)
        g_array_index (self->heights, int, i) = -1;
    }
}

static double
height_above (DraftingLazyList *self,
              guint             position)
{
  double sum = 0;

  for (guint i = 0; i < position; i++)
    sum += height_of (self, i);

  return sum;
}

static double
total_height (DraftingLazyList *self)
{
  return self->measured_sum + (double) (self->heights->len - self->n_measured) * estimated_height (self);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static Row *
find_row (DraftingLazyList *self,
          guint             position,
          guint            *index)
{
  guint low = 0;
  guint high = self->rows->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      Row *row = g_ptr_array_index (self->rows, middle);

      if (row->position == position)
        {
          if (index != NULL)
            *index = middle;
          return row;
        }
      if (row->position < position)
        low = middle + 1;
      else
        high = middle;
    }

  if (index != NULL)
    *index = low;

  return NULL;
}

static Row *
bind_row (DraftingLazyList *self,
          guint             position)
{
  Row *row;
  Row *next;
  guint index;

  if ((row = find_row (self, position, &index)) != NULL)
    return row;

  row = g_new0 (Row, 1);
  row->position = position;
  row->item = g_list_model_get_item (self->model, position);

  if (self->spare->len > 0)
    row->widget = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
  else
    {
      g_return_val_if_fail (self->setup != NULL, NULL);
      row->widget = self->setup (self, self->user_data);
      g_object_ref_sink (row->widget);
    }

  /* The children stay in the items' order: focus and assistive
   * technologies go through them in it. */
  next = index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
  gtk_widget_insert_before (row->widget, GTK_WIDGET (self), next != NULL ? next->widget : NULL);
  gtk_widget_set_visible (row->widget, TRUE);
  g_ptr_array_insert (self->rows, index, row);

  if (self->bind != NULL)
    self->bind (self, row->widget, row->item, position, self->user_data);

  return row;
}

static void
release_row (DraftingLazyList *self,
             guint             index)
{
  Row *row = g_ptr_array_steal_index (self->rows, index);

  if (self->unbind != NULL)
    self->unbind (self, row->widget, row->item, self->user_data);
  g_clear_object (&row->item);
  gtk_widget_set_visible (row->widget, FALSE);
  g_ptr_array_add (self->spare, row->widget);
  g_free (row);
}

static void
release_all_rows (DraftingLazyList *self)
{
  while (self->rows->len > 0)
    release_row (self, self->rows->len - 1);
}

/* The height of a row bound already, as laid out now. */
static int
measure_bound_row (DraftingLazyList *self,
                   Row              *row)
{
  int height = 0;

  gtk_widget_measure (row->widget, GTK_ORIENTATION_VERTICAL, self->width, &height, NULL, NULL, NULL);
  set_height (self, row->position, height);

  return height;
}

/* The height of the item at @position, a row bound to it if it had none. */
static int
measure_row (DraftingLazyList *self,
             guint             position)
{
  return measure_bound_row (self, bind_row (self, position));
}

/* The row holding the keyboard focus, which stays bound wherever it is. */
static Row *
focus_row (DraftingLazyList *self)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  if (focus_child == NULL)
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->widget == focus_child)
        return row;
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

static int
overscan_of (int view_height)
{
  return MAX (view_height / OVERSCAN_DIVISOR, 1);
}

/* Lets go of the rows that the place shown now leaves out of reach (past
 * a third of a view beyond its edges), before any is bound for it: a
 * page down or a jump takes the rows the place left lets go rather than
 * making more. The same heights decide as when the rows are bound. */
static void
release_rows_out_of_reach (DraftingLazyList *self,
                           int               height,
                           int               overscan)
{
  Row *kept = focus_row (self);

  for (guint i = self->rows->len; i > 0; i--)
    {
      Row *row = g_ptr_array_index (self->rows, i - 1);
      int y = -self->anchor_offset;

      if (row == kept)
        continue;

      if (row->position >= self->anchor)
        {
          for (guint p = self->anchor; p < row->position && y < height + overscan; p++)
            y += height_of (self, p);
          if (y >= height + overscan)
            release_row (self, i - 1);
        }
      else
        {
          for (guint p = row->position + 1; p < self->anchor && y > -overscan; p++)
            y -= height_of (self, p);
          if (y <= -overscan)
            release_row (self, i - 1);
        }
    }
}

/* Moves the anchor to the item the view begins in, measuring the items
 * it passes. */
static void
normalize_anchor (DraftingLazyList *self)
{
  guint n = self->heights->len;
  int height;

  while (self->anchor_offset < 0 && self->anchor > 0)
    {
      self->anchor--;
      self->anchor_offset += measure_row (self, self->anchor);
    }
  if (self->anchor_offset < 0)
    self->anchor_offset = 0;

  while (self->anchor + 1 < n && self->anchor_offset >= (height = measure_row (self, self->anchor)))
    {
      self->anchor_offset -= height;
      self->anchor++;
    }
}

/* Brings the item asked for into view, by as little as it takes. */
static void
apply_scroll_to (DraftingLazyList *self,
                 int               view_height)
{
  guint position = self->scroll_to;
  int y;
  int height;

  self->scroll_to = NO_POSITION;
  if (position >= self->heights->len)
    return;

  if (position < self->anchor || (position == self->anchor && self->anchor_offset > 0))
    {
      self->anchor = position;
      self->anchor_offset = 0;
      return;
    }

  /* In sight, or just below: a view's worth of rows from the anchor. */
  y = -self->anchor_offset;
  for (guint i = self->anchor; i < position && y < view_height; i++)
    y += measure_row (self, i);

  if (y < view_height)
    {
      height = measure_row (self, position);
      if (y + height <= view_height)
        return;
    }
  else
    {
      self->anchor = position;
      self->anchor_offset = 0;
      release_rows_out_of_reach (self, view_height, overscan_of (view_height));
      height = measure_row (self, position);
    }

  /* Below: its bottom at the view's, or its top at the view's top if it
   * is taller than the view. */
  self->anchor = position;
  self->anchor_offset = height >= view_height ? 0 : height - view_height;
}

static void
allocate_row (DraftingLazyList *self,
              Row              *row,
              int               y,
              int               height)
{
  gtk_widget_size_allocate (row->widget,
                            &(GtkAllocation) { 0, y, self->width, height },
                            -1);
}

static void
configure_adjustments (DraftingLazyList *self,
                       int               width,
                       int               height)
{
  double upper;

  self->configuring = TRUE;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);

  if (self->heights->len > 0)
    self->value = height_above (self, self->anchor) + self->anchor_offset;
  else
    self->value = 0;
  upper = MAX (total_height (self), self->value + height);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, self->value, 0, upper,
                              height * 0.1, height * 0.9, height);

  self->configuring = FALSE;
}

/* Chooses the rows: binds those from a third of a view above it to a third
 * below, and lets the others go. Run before the list is laid out, in the
 * frame clock's update phase, or as the model changes, so that what
 * binding a row changes is laid out with the rest. */
static void
update_rows (DraftingLazyList *self,
             int               width,
             int               height)
{
  guint n = self->heights->len;
  int overscan = overscan_of (height);
  Row *kept;
  guint first;
  guint last;
  int top;
  int y;

  self->needs_update = FALSE;
  if (width != self->width)
    {
      self->width = width;
      forget_heights (self);
    }
  self->height = height;

  if (n == 0 || width <= 0 || height <= 0)
    {
      release_all_rows (self);
      self->anchor = 0;
      self->anchor_offset = 0;
      return;
    }

  self->anchor = MIN (self->anchor, n - 1);
  if (self->scroll_to != NO_POSITION)
    apply_scroll_to (self, height);
  release_rows_out_of_reach (self, height, overscan);
  normalize_anchor (self);

  /* Down from the anchor to a little past the bottom of the view. */
  y = -self->anchor_offset;
  last = self->anchor;
  for (guint i = self->anchor; i < n && y < height + overscan; i++)
    {
      y += measure_row (self, i);
      last = i;
    }

  /* Short of the bottom at the end of the list: the view shows the end. */
  if (last + 1 == n && y < height)
    {
      int missing = height - y;

      while (missing > 0 && (self->anchor_offset > 0 || self->anchor > 0))
        {
          if (self->anchor_offset >= missing)
            {
              self->anchor_offset -= missing;
              missing = 0;
            }
          else
            {
              missing -= self->anchor_offset;
              self->anchor_offset = 0;
              if (self->anchor > 0)
                {
                  self->anchor--;
                  self->anchor_offset = measure_row (self, self->anchor);
                }
            }
        }
    }

  /* Up from the anchor to a little above the top of the view. */
  top = -self->anchor_offset;
  first = self->anchor;
  while (first > 0 && top > -overscan)
    {
      first--;
      top -= measure_row (self, first);
    }

  /* Let go of the rows out of range, but for the focus's. */
  kept = focus_row (self);
  for (guint i = self->rows->len; i > 0; i--)
    {
      Row *row = g_ptr_array_index (self->rows, i - 1);

      if ((row->position < first || row->position > last) && row != kept)
        release_row (self, i - 1);
    }
}

static gboolean
on_update_tick (GtkWidget     *widget,
                GdkFrameClock *clock G_GNUC_UNUSED,
                gpointer       data G_GNUC_UNUSED)
{
  DraftingLazyList *self = DRAFTING_LAZY_LIST (widget);

  self->tick_id = 0;
  if (self->needs_update && self->width > 0)
    {
      update_rows (self, self->width, self->height);
      gtk_widget_queue_allocate (widget);
    }

  return G_SOURCE_REMOVE;
}

/* Before the list was ever laid out, a few rows from the anchor on, for
 * a list that is yet to be shown (a tab not chosen yet) to have rows to
 * take the focus the moment it is. */
#define FIRST_ROWS 12

static void
bind_first_rows (DraftingLazyList *self)
{
  guint n = self->heights->len;

  self->anchor = MIN (self->anchor, n > 0 ? n - 1 : 0);
  for (guint i = self->anchor; i < n && i < self->anchor + FIRST_ROWS; i++)
    bind_row (self, i);
}

/* The rows are to be chosen again before the next layout, which is
 * queued: for changes made outside the layout. */
static void
schedule_update (DraftingLazyList *self)
{
  self->needs_update = TRUE;

  if (self->width < 0)
    bind_first_rows (self);
  else if (self->tick_id == 0 && gtk_widget_get_realized (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_update_tick, NULL, NULL);
}

static void
queue_update (DraftingLazyList *self)
{
  schedule_update (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The rows are chosen now, for a change made outside the layout (an
 * event, a tick, an idle): what binding them changes is laid out in the
 * frame that follows, with the rest. */
static void
update_now (DraftingLazyList *self)
{
  if (self->width > 0 && !self->allocating)
    {
      update_rows (self, self->width, self->height);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  else
    queue_update (self);
}

/* Whether every item that reaches into the view has a row, and the
 * anchor is the item the view begins in. */
static gboolean
rows_cover_view (DraftingLazyList *self,
                 int               height)
{
  guint n = self->heights->len;
  int y = -self->anchor_offset;

  if (self->anchor_offset < 0 || self->anchor_offset >= height_of (self, self->anchor))
    return FALSE;

  for (guint p = self->anchor; p < n && y < height; p++)
    {
      if (find_row (self, p, NULL) == NULL)
        return FALSE;
      y += height_of (self, p);
    }

  return TRUE;
}

/* Lays out the rows bound, where the anchor puts them, each at its height
 * now: a row that grew or shrank moves those beneath it. Rows are bound
 * and let go in the update phase, not here: should the view come to want
 * other rows (its size changed, a row grew), the next frame binds them. */
static void
drafting_lazy_list_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline G_GNUC_UNUSED)
{
  DraftingLazyList *self = DRAFTING_LAZY_LIST (widget);
  guint n = self->heights->len;
  int y;

  self->allocating = TRUE;
  if (width != self->width)
    {
      self->width = width;
      forget_heights (self);
      schedule_update (self);
    }
  if (height != self->height)
    {
      self->height = height;
      schedule_update (self);
    }

  if (n == 0 || width <= 0 || height <= 0)
    {
      configure_adjustments (self, width, height);
      self->allocating = FALSE;
      return;
    }
  self->anchor = MIN (self->anchor, n - 1);

  for (guint i = 0; i < self->rows->len; i++)
    measure_bound_row (self, g_ptr_array_index (self->rows, i));

  /* Beneath the anchor, then above it. */
  y = -self->anchor_offset;
  for (guint i = 0, p = self->anchor; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->position < self->anchor)
        continue;
      for (; p < row->position; p++)
        y += height_of (self, p);
      allocate_row (self, row, y, height_of (self, row->position));
    }

  y = -self->anchor_offset;
  for (guint i = self->rows->len, p = self->anchor; i > 0; i--)
    {
      Row *row = g_ptr_array_index (self->rows, i - 1);

      if (row->position >= self->anchor)
        continue;
      for (; p > row->position; p--)
        y -= height_of (self, p - 1);
      allocate_row (self, row, y, height_of (self, row->position));
    }

  if (!rows_cover_view (self, height))
    schedule_update (self);

  configure_adjustments (self, width, height);
  self->allocating = FALSE;
}

static void
drafting_lazy_list_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size G_GNUC_UNUSED,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline G_GNUC_UNUSED,
                            int            *natural_baseline G_GNUC_UNUSED)
{
  DraftingLazyList *self = DRAFTING_LAZY_LIST (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0;
      int nat = 0;

      for (guint i = 0; i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);
          int row_min, row_nat;

          gtk_widget_measure (row->widget, orientation, -1, &row_min, &row_nat, NULL, NULL);
          min = MAX (min, row_min);
          nat = MAX (nat, row_nat);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      *minimum = 0;
      *natural = (int) MIN (total_height (self), G_MAXINT / 2);
    }
}

/* Only the rows that reach into the view are drawn; the others are there
 * to be scrolled to. */
static void
drafting_lazy_list_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  int height = gtk_widget_get_height (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (child) ||
          !gtk_widget_compute_bounds (child, widget, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

/* A row kept only for the focus goes once the focus leaves it. */
static void
drafting_lazy_list_set_focus_child (GtkWidget *widget,
                                    GtkWidget *child)
{
  GTK_WIDGET_CLASS (drafting_lazy_list_parent_class)->set_focus_child (widget, child);
  queue_update (DRAFTING_LAZY_LIST (widget));
}

/* ------------------------------------------------------------------ */
/* Scrolling                                                           */

static void
on_value_changed (GtkAdjustment    *adjustment,
                  DraftingLazyList *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double delta = value - self->value;

  if (self->configuring || delta == 0)
    return;

  /* A scroll by a little moves from the place shown; a jump, by the
   * scroll bar, goes to the item the heights known and guessed put
   * there, or to the end. */
  if (ABS (delta) < 2 * page)
    self->anchor_offset += (int) delta;
  else if (value > 0 && value + page >= gtk_adjustment_get_upper (adjustment) - 0.5 && self->heights->len > 0)
    {
      /* The end, whatever the guesses: filled upwards from the last. */
      self->anchor = self->heights->len - 1;
      self->anchor_offset = 0;
    }
  else
    {
      double sum = 0;
      guint i = 0;

      while (i + 1 < self->heights->len && sum + height_of (self, i) <= value)
        sum += height_of (self, i++);
      self->anchor = i;
      self->anchor_offset = (int) (value - sum);
    }

  self->value = value;
  update_now (self);
}

static void
set_adjustment (DraftingLazyList  *self,
                GtkAdjustment    **slot,
                GtkAdjustment     *adjustment,
                gboolean           vertical)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL && vertical)
    g_signal_handlers_disconnect_by_func (*slot, on_value_changed, self);
  g_set_object (slot, adjustment);
  if (vertical)
    g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_value_changed), self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * drafting_lazy_list_scroll_to:
 * @position: an item of the model
 *
 * Scrolls the list by as little as brings the item into view, its row
 * made and laid out by the next frame.
 */
void
drafting_lazy_list_scroll_to (DraftingLazyList *self,
                              guint             position)
{
  g_return_if_fail (DRAFTING_IS_LAZY_LIST (self));

  self->scroll_to = position;
  update_now (self);
}

/* ------------------------------------------------------------------ */
/* Model                                                               */

static void
on_items_changed (GListModel       *model G_GNUC_UNUSED,
                  guint             position,
                  guint             removed,
                  guint             added,
                  DraftingLazyList *self)
{
  for (guint i = self->rows->len; i > 0; i--)
    {
      Row *row = g_ptr_array_index (self->rows, i - 1);

      if (row->position >= position + removed)
        row->position = row->position - removed + added;
      else if (row->position >= position)
        release_row (self, i - 1);
    }

  splice_heights (self, position, removed, added);

  /* What is shown stays where it is; but items put in at the top of the
   * view, as at the start of the list, show there. */
  if (self->anchor > position || (self->anchor == position && self->anchor_offset > 0))
    {
      if (self->anchor >= position + removed)
        self->anchor = self->anchor - removed + added;
      else
        {
          self->anchor = position;
          self->anchor_offset = 0;
        }
    }

  if (self->scroll_to != NO_POSITION && self->scroll_to >= position + removed)
    self->scroll_to = self->scroll_to - removed + added;
  else if (self->scroll_to != NO_POSITION && self->scroll_to >= position)
    self->scroll_to = position;

  update_now (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
drafting_lazy_list_set_model (DraftingLazyList *self,
                              GListModel       *model)
{
  g_return_if_fail (DRAFTING_IS_LAZY_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  release_all_rows (self);
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  g_array_set_size (self->heights, 0);
  self->measured_sum = 0;
  self->n_measured = 0;
  self->anchor = 0;
  self->anchor_offset = 0;
  self->scroll_to = NO_POSITION;

  if (model != NULL)
    {
      self->items_changed_id = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
      splice_heights (self, 0, 0, g_list_model_get_n_items (model));
    }

  queue_update (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
drafting_lazy_list_get_model (DraftingLazyList *self)
{
  g_return_val_if_fail (DRAFTING_IS_LAZY_LIST (self), NULL);

  return self->model;
}

/**
 * drafting_lazy_list_set_functions:
 * @setup: makes a row
 * @bind: shows an item in a row
 * @unbind: (nullable): the row shows the item no more
 *
 * How the list makes its rows. Set once, before the model.
 */
void
drafting_lazy_list_set_functions (DraftingLazyList           *self,
                                  DraftingLazyListSetupFunc   setup,
                                  DraftingLazyListBindFunc    bind,
                                  DraftingLazyListUnbindFunc  unbind,
                                  gpointer                    user_data)
{
  g_return_if_fail (DRAFTING_IS_LAZY_LIST (self));
  g_return_if_fail (self->rows->len == 0);

  self->setup = setup;
  self->bind = bind;
  self->unbind = unbind;
  self->user_data = user_data;
}

/**
 * drafting_lazy_list_get_n_rows:
 *
 * Returns: how many rows are bound to items now
 */
guint
drafting_lazy_list_get_n_rows (DraftingLazyList *self)
{
  g_return_val_if_fail (DRAFTING_IS_LAZY_LIST (self), 0);

  return self->rows->len;
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_lazy_list_dispose (GObject *object)
{
  DraftingLazyList *self = (DraftingLazyList *) object;
  GtkWidget *child;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  release_all_rows (self);
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->spare != NULL)
    g_ptr_array_set_size (self->spare, 0);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (drafting_lazy_list_parent_class)->dispose (object);
}

static void
drafting_lazy_list_finalize (GObject *object)
{
  DraftingLazyList *self = (DraftingLazyList *) object;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->spare);
  g_array_unref (self->heights);

  G_OBJECT_CLASS (drafting_lazy_list_parent_class)->finalize (object);
}

static void
drafting_lazy_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DraftingLazyList *self = DRAFTING_LAZY_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_lazy_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DraftingLazyList *self = DRAFTING_LAZY_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      drafting_lazy_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), FALSE);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), TRUE);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_lazy_list_class_init (DraftingLazyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_lazy_list_dispose;
  object_class->finalize = drafting_lazy_list_finalize;
  object_class->get_property = drafting_lazy_list_get_property;
  object_class->set_property = drafting_lazy_list_set_property;

  widget_class->measure = drafting_lazy_list_measure;
  widget_class->size_allocate = drafting_lazy_list_size_allocate;
  widget_class->snapshot = drafting_lazy_list_snapshot;
  widget_class->set_focus_child = drafting_lazy_list_set_focus_child;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "lazylist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
drafting_lazy_list_init (DraftingLazyList *self)
{
  self->rows = g_ptr_array_new ();
  self->spare = g_ptr_array_new_with_free_func (g_object_unref);
  self->heights = g_array_new (FALSE, FALSE, sizeof (int));
  self->estimate = DEFAULT_ROW_HEIGHT;
  self->scroll_to = NO_POSITION;
  self->width = -1;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
drafting_lazy_list_new (void)
{
  return g_object_new (DRAFTING_TYPE_LAZY_LIST, NULL);
}
