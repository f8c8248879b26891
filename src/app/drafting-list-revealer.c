/* drafting-list-revealer.c: a list's items given a few at a time, as it opens and closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-list-revealer"

#include "config.h"

#include "drafting-list-revealer.h"

/*
 * GTK 4.8's lists make a row for each of the items around the place they
 * show (up to 200 for a list view, 30 for a grid view of one column), all
 * at once, as soon as they are given a model, and let them all go at once
 * when they go: for a long document, a page that opens or closes stops the
 * main loop for as long as it takes to make, measure and destroy all of
 * them.
 *
 * This model, between the document's and the list, gives the list a few
 * items first, then more at each frame, paced by the frame clock of a
 * widget, until the list has made all the rows it will make; then the
 * rest at once, which makes no more rows. How many a frame follows how
 * long the last frame took to make, from its ticks to its painting: fewer
 * when it took more than half a frame's time, more while it took little,
 * so that the window keeps drawing and taking keys as it opens, on a slow
 * machine too. Going to an item further down than the list has
 * been given gives it everything at once.
 *
 * As the page closes, it takes the items back the same way: first all
 * those the list has no row for, then a few rows' worth at each frame,
 * until the list is empty and the page can go at no cost.
 *
 * While it gives items, the model's changes are passed on for the items
 * given (the first ones), a change that brings many of them (a filter
 * widening) giving the list no more than it had; once all are given, as
 * they are. While it takes
 * them back, it holds the items it still gives, and the model's changes no
 * longer matter.
 */

#define FIRST_ITEMS    1
#define MAX_A_FRAME    16
#define ROWS_MARGIN    36     /* given before all, beyond the rows the list makes */
#define SLOW_FRAME_US  10000  /* a frame that took this long to make: fewer */
#define QUICK_FRAME_US 6000   /* and this little: more */

typedef enum
{
  STATE_ALL,        /* every item of the model is given */
  STATE_REVEALING,  /* the first n_given */
  STATE_EMPTYING,   /* those held */
} State;

struct _DraftingListRevealer
{
  GObject     parent_instance;

  GtkWidget  *pacer;      /* unowned: its owner owns this */
  GListModel *model;
  GPtrArray  *held;       /* the items still given, while emptying */
  GTask      *emptying;
  GdkFrameClock *clock;   /* the pacer's, watched while pacing */
  gulong      begin_id;
  gulong      end_id;
  gint64      frame_begin;
  gint64      last_cost;  /* how long the last frame took, or -1 */
  gulong      changed_id;
  guint       tick;
  guint       step;
  guint       n_given;    /* while revealing: how many the list may have */
  guint       n_shown;    /* and how many it has */
  guint       last_items; /* given, the list has made all its rows */
  State       state;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DraftingListRevealer, drafting_list_revealer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ------------------------------------------------------------------ */
/* The list model                                                      */

static guint
model_n_items (DraftingListRevealer *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static GType
drafting_list_revealer_get_item_type (GListModel *list G_GNUC_UNUSED)
{
  return G_TYPE_OBJECT;
}

static guint
drafting_list_revealer_get_n_items (GListModel *list)
{
  DraftingListRevealer *self = DRAFTING_LIST_REVEALER (list);

  switch (self->state)
    {
    case STATE_REVEALING:
      return self->n_shown;
    case STATE_EMPTYING:
      return self->held->len;
    case STATE_ALL:
    default:
      return model_n_items (self);
    }
}

static gpointer
drafting_list_revealer_get_item (GListModel *list,
                                 guint       position)
{
  DraftingListRevealer *self = DRAFTING_LIST_REVEALER (list);

  if (position >= drafting_list_revealer_get_n_items (list))
    return NULL;

  if (self->state == STATE_EMPTYING)
    return g_object_ref (g_ptr_array_index (self->held, position));

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = drafting_list_revealer_get_item_type;
  iface->get_n_items = drafting_list_revealer_get_n_items;
  iface->get_item = drafting_list_revealer_get_item;
}

/* Gives the list the items it may have and does not, while revealing. */
static void
sync_shown (DraftingListRevealer *self)
{
  guint target = MIN (self->n_given, model_n_items (self));
  guint shown = self->n_shown;

  self->n_shown = target;
  if (target > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, target - shown);
  else if (target < shown)
    g_list_model_items_changed (G_LIST_MODEL (self), target, shown - target, 0);
}

/* The model's changes, for the items given. */
static void
on_items_changed (GListModel           *model G_GNUC_UNUSED,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  DraftingListRevealer *self)
{
  guint shown_removed;

  if (self->state == STATE_ALL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  if (self->state != STATE_REVEALING)
    return;

  /* Beyond what the list has: it may now have more, if the model grew. */
  if (position >= self->n_shown)
    {
      sync_shown (self);
      return;
    }

  /* Among them, many items: those from the change on are given again, up
   * to as many as the list may have. A filter that widens does this. */
  if (added > MAX_A_FRAME)
    {
      guint shown_after = self->n_shown - position;

      self->n_shown = MIN (self->n_given, model_n_items (self));
      g_list_model_items_changed (G_LIST_MODEL (self), position, shown_after,
                                  self->n_shown - position);
      return;
    }

  /* A few: the same change, the items after it kept. */
  shown_removed = MIN (removed, self->n_shown - position);
  self->n_shown = self->n_shown - shown_removed + added;
  self->n_given = self->n_given - shown_removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, shown_removed, added);
  sync_shown (self);
}

/* ------------------------------------------------------------------ */
/* Pacing                                                              */

/* How long each frame takes to make: from before its ticks to after its
 * painting, of everything in the window, rows this gives and others. */
static void
on_frame_begins (GdkFrameClock        *clock G_GNUC_UNUSED,
                 DraftingListRevealer *self)
{
  self->frame_begin = g_get_monotonic_time ();
}

static void
on_frame_ends (GdkFrameClock        *clock G_GNUC_UNUSED,
               DraftingListRevealer *self)
{
  if (self->frame_begin != 0)
    self->last_cost = g_get_monotonic_time () - self->frame_begin;
  self->frame_begin = 0;
}

static void
unwatch_clock (DraftingListRevealer *self)
{
  if (self->clock == NULL)
    return;

  /* A window that goes disposes of its clock, and of the handlers on it. */
  if (g_signal_handler_is_connected (self->clock, self->begin_id))
    g_signal_handler_disconnect (self->clock, self->begin_id);
  if (g_signal_handler_is_connected (self->clock, self->end_id))
    g_signal_handler_disconnect (self->clock, self->end_id);
  self->begin_id = 0;
  self->end_id = 0;
  g_clear_object (&self->clock);
}

static void
watch_clock (DraftingListRevealer *self,
             GdkFrameClock        *clock)
{
  unwatch_clock (self);
  self->clock = g_object_ref (clock);
  self->begin_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_begins), self);
  self->end_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_ends), self);
  self->frame_begin = 0;
  self->last_cost = -1;
}

static void
stop (DraftingListRevealer *self)
{
  if (self->tick != 0 && self->pacer != NULL)
    gtk_widget_remove_tick_callback (self->pacer, self->tick);
  self->tick = 0;
  unwatch_clock (self);
}

/* How many items to give or take at this frame: fewer when the last took
 * long to make, more while they take little. This runs in the frame's
 * ticks: the frame being made has begun, the last has ended. */
static guint
next_step (DraftingListRevealer *self,
           GdkFrameClock        *clock)
{
  gint64 cost;

  if (clock != self->clock)
    {
      watch_clock (self, clock);
      self->frame_begin = g_get_monotonic_time ();
      return self->step;
    }

  cost = self->last_cost;
  if (cost > SLOW_FRAME_US)
    self->step = MAX (1, self->step / 2);
  else if (cost >= 0 && cost < QUICK_FRAME_US)
    self->step = MIN (MAX_A_FRAME, self->step + 1);
  self->last_cost = -1;

  return self->step;
}

static void
reveal_all (DraftingListRevealer *self)
{
  guint n = model_n_items (self);
  guint shown = self->n_shown;

  stop (self);
  if (self->state != STATE_REVEALING)
    return;

  self->state = STATE_ALL;
  if (n > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, n - shown);
}

static gboolean
on_reveal_tick (GtkWidget     *widget G_GNUC_UNUSED,
                GdkFrameClock *clock,
                gpointer       data)
{
  DraftingListRevealer *self = data;

  self->n_given += next_step (self, clock);

  /* The model may still be growing, as a filter does: the list is given
   * a few more until it has made all its rows, whatever the model holds. */
  if (self->n_given >= self->last_items)
    {
      self->tick = 0;
      reveal_all (self);
      return G_SOURCE_REMOVE;
    }

  sync_shown (self);
  return G_SOURCE_CONTINUE;
}

static void
finish_emptying (DraftingListRevealer *self)
{
  GTask *task = g_steal_pointer (&self->emptying);

  if (task != NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

static gboolean
on_empty_tick (GtkWidget     *widget G_GNUC_UNUSED,
               GdkFrameClock *clock,
               gpointer       data)
{
  DraftingListRevealer *self = data;
  guint n = self->held->len;
  guint step = next_step (self, clock);

  step = MIN (n, step);

  g_ptr_array_set_size (self->held, n - step);
  g_list_model_items_changed (G_LIST_MODEL (self), n - step, step, 0);

  if (self->held->len > 0)
    return G_SOURCE_CONTINUE;

  self->tick = 0;
  finish_emptying (self);

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ */
/* What the views ask                                                  */

/**
 * drafting_list_revealer_set_model:
 * @model: (nullable): the items to show
 *
 * Gives the list the first items of @model, and the others in the frames
 * that follow.
 */
void
drafting_list_revealer_set_model (DraftingListRevealer *self,
                                  GListModel           *model)
{
  guint before;

  g_return_if_fail (DRAFTING_IS_LIST_REVEALER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  before = g_list_model_get_n_items (G_LIST_MODEL (self));
  stop (self);
  finish_emptying (self);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);

  if (model != NULL)
    self->changed_id = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);

  /* Fewer first, so that the list is never given them all at once. */
  if (model != NULL && self->pacer != NULL)
    {
      self->state = STATE_REVEALING;
      self->n_given = FIRST_ITEMS;
      self->n_shown = MIN (FIRST_ITEMS, model_n_items (self));
      self->step = FIRST_ITEMS;
      self->tick = gtk_widget_add_tick_callback (self->pacer, on_reveal_tick, self, NULL);
    }
  else
    self->state = STATE_ALL;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, before,
                              g_list_model_get_n_items (G_LIST_MODEL (self)));
}

/**
 * drafting_list_revealer_get_model:
 *
 * Returns: (transfer none) (nullable): the items to show, all of them
 */
GListModel *
drafting_list_revealer_get_model (DraftingListRevealer *self)
{
  g_return_val_if_fail (DRAFTING_IS_LIST_REVEALER (self), NULL);

  return self->model;
}

/**
 * drafting_list_revealer_reveal:
 *
 * Makes sure the list has the item at @position, to go to it: if it has
 * not been given it yet, it is given everything now.
 */
void
drafting_list_revealer_reveal (DraftingListRevealer *self,
                               guint                 position)
{
  g_return_if_fail (DRAFTING_IS_LIST_REVEALER (self));

  if (self->state == STATE_REVEALING && position >= self->n_shown)
    reveal_all (self);
}

/**
 * drafting_list_revealer_is_done:
 *
 * Returns: whether the list has been given every item
 */
gboolean
drafting_list_revealer_is_done (DraftingListRevealer *self)
{
  g_return_val_if_fail (DRAFTING_IS_LIST_REVEALER (self), TRUE);

  return self->state == STATE_ALL;
}

/**
 * drafting_list_revealer_empty_async:
 * @first: the first item the list has a row for
 * @last: the last
 *
 * Takes the items back from the list a few at a frame, so that the list
 * lets its rows go without stopping the main loop: for a page that closes,
 * before it is taken out of its window. The items outside @first to
 * @last, which the list has no rows for, go at once.
 */
void
drafting_list_revealer_empty_async (DraftingListRevealer *self,
                                    guint                 first,
                                    guint                 last,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  guint n;

  g_return_if_fail (DRAFTING_IS_LIST_REVEALER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_list_revealer_empty_async);

  stop (self);
  finish_emptying (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self));

  if (self->pacer == NULL || !gtk_widget_get_realized (self->pacer) || first > last || first >= n)
    {
      drafting_list_revealer_set_model (self, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The items held are those the list has rows for; the others go now,
   * below then above, which leaves the rows as they are. */
  last = MIN (last, n - 1);
  self->held = g_ptr_array_new_full (last - first + 1, g_object_unref);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (self->held, g_list_model_get_item (G_LIST_MODEL (self), i));
  g_clear_signal_handler (&self->changed_id, self->model);
  self->state = STATE_EMPTYING;

  if (last + 1 < n)
    g_list_model_items_changed (G_LIST_MODEL (self), last + 1, n - last - 1, 0);
  if (first > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, first, 0);

  self->emptying = g_steal_pointer (&task);
  self->step = MAX_A_FRAME / 2;
  self->tick = gtk_widget_add_tick_callback (self->pacer, on_empty_tick, self, NULL);
}

gboolean
drafting_list_revealer_empty_finish (DraftingListRevealer  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (DRAFTING_IS_LIST_REVEALER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_list_revealer_dispose (GObject *object)
{
  DraftingListRevealer *self = (DraftingListRevealer *) object;

  stop (self);
  finish_emptying (self);
  g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_weak_pointer (&self->pacer);

  G_OBJECT_CLASS (drafting_list_revealer_parent_class)->dispose (object);
}

static void
drafting_list_revealer_finalize (GObject *object)
{
  DraftingListRevealer *self = (DraftingListRevealer *) object;

  g_clear_object (&self->model);
  g_clear_pointer (&self->held, g_ptr_array_unref);

  G_OBJECT_CLASS (drafting_list_revealer_parent_class)->finalize (object);
}

static void
drafting_list_revealer_class_init (DraftingListRevealerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = drafting_list_revealer_dispose;
  object_class->finalize = drafting_list_revealer_finalize;
}

static void
drafting_list_revealer_init (DraftingListRevealer *self)
{
  self->state = STATE_ALL;
}

/**
 * drafting_list_revealer_new:
 * @pacer: the widget whose frames pace the giving and taking
 * @max_rows: the most rows the list makes, such as
 *   %DRAFTING_GRID_VIEW_MAX_ROWS
 *
 * Returns: (transfer full): a revealer, a #GListModel for a list to show
 */
DraftingListRevealer *
drafting_list_revealer_new (GtkWidget *pacer,
                            guint      max_rows)
{
  DraftingListRevealer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (pacer), NULL);

  self = g_object_new (DRAFTING_TYPE_LIST_REVEALER, NULL);
  g_set_weak_pointer (&self->pacer, pacer);
  self->last_items = max_rows + ROWS_MARGIN;

  return self;
}
