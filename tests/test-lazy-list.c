/* test-lazy-list.c: a list that has rows only for the items in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-gui-test-utils.h"
#include "drafting-lazy-list.h"

/*
 * Ten thousand items of one to four lines each, in a scrolled window of
 * 400×300: the list is judged by its rows, those it has bound and where
 * it has put them, after each frame.
 */

#define N_ITEMS 10000

typedef struct
{
  GtkWidget        *window;
  GtkScrolledWindow *scroller;
  DraftingLazyList *list;
  GListStore       *store;
  guint             n_bound;
  guint             n_made;
} Fixture;

static char *
text_of (guint i)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Item %u", i);
  for (guint line = 0; line < i % 4; line++)
    g_string_append_printf (text, "\nline %u of item %u", line + 2, i);

  return g_string_free (text, FALSE);
}

static GtkWidget *
setup (DraftingLazyList *list G_GNUC_UNUSED,
       gpointer          user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *button = gtk_button_new_with_label ("");

  gtk_widget_add_css_class (button, "flat");
  fixture->n_made++;

  return button;
}

static void
bind (DraftingLazyList *list G_GNUC_UNUSED,
      GtkWidget        *row,
      gpointer          item,
      guint             position G_GNUC_UNUSED,
      gpointer          user_data)
{
  Fixture *fixture = user_data;

  gtk_button_set_label (GTK_BUTTON (row), gtk_string_object_get_string (item));
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  fixture->n_bound++;
}

static void
unbind (DraftingLazyList *list G_GNUC_UNUSED,
        GtkWidget        *row,
        gpointer          item,
        gpointer          user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_object_get_data (G_OBJECT (row), "item") == item);
  g_object_set_data (G_OBJECT (row), "item", NULL);
  fixture->n_bound--;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = text_of (i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (fixture->store, 0, 0, items->pdata, items->len);

  fixture->list = DRAFTING_LAZY_LIST (drafting_lazy_list_new ());
  drafting_lazy_list_set_functions (fixture->list, setup, bind, unbind, fixture);
  drafting_lazy_list_set_model (fixture->list, G_LIST_MODEL (fixture->store));

  fixture->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (fixture->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (fixture->scroller, GTK_WIDGET (fixture->list));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->scroller));
  drafting_gui_test_present (fixture->window);
  drafting_gui_test_wait_frames (fixture->window, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_gui_test_destroy (fixture->window);
  g_assert_cmpuint (fixture->n_bound, ==, 0);
  g_clear_object (&fixture->store);
}

static GtkAdjustment *
vadjustment (Fixture *fixture)
{
  return gtk_scrolled_window_get_vadjustment (fixture->scroller);
}

static int
view_height (Fixture *fixture)
{
  return gtk_widget_get_height (GTK_WIDGET (fixture->list));
}

static guint
position_of (Fixture   *fixture,
             GtkWidget *row)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "item");
  guint position;

  g_assert_nonnull (item);
  g_assert_true (g_list_store_find (fixture->store, item, &position));

  return position;
}

static graphene_rect_t
bounds_of (Fixture   *fixture,
           GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (fixture->list), &bounds));

  return bounds;
}

/* The row of the item at @position, if the list has one. */
static GtkWidget *
row_at (Fixture *fixture,
        guint    position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && position_of (fixture, child) == position)
      return child;

  return NULL;
}

/* Checks the rows as a person would see them: in the items' order, one
 * beneath the other without a gap, each as tall as its text takes and no
 * taller, the view covered; and returns how many reach into the view. */
static guint
check_rows (Fixture *fixture,
            guint   *first_in_sight)
{
  int height = view_height (fixture);
  guint in_sight = 0;
  guint n_rows = 0;
  guint previous = G_MAXUINT;
  float previous_bottom = 0;
  float covered_top = G_MAXFLOAT;
  float covered_bottom = -G_MAXFLOAT;
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (fixture->list));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      guint position;
      int minimum;

      if (!gtk_widget_get_visible (child))
        {
          g_assert_null (g_object_get_data (G_OBJECT (child), "item"));
          continue;
        }

      n_rows++;
      position = position_of (fixture, child);
      bounds = bounds_of (fixture, child);

      /* The row with the focus stays, wherever it is, out of sight. */
      if (child == focus && (bounds.origin.y >= height || bounds.origin.y + bounds.size.height <= 0))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (fixture->list)),
                          &minimum, NULL, NULL, NULL);
      g_assert_cmpfloat (bounds.size.height, ==, minimum);

      if (previous != G_MAXUINT)
        {
          g_assert_cmpuint (position, ==, previous + 1);
          g_assert_cmpfloat (bounds.origin.y, ==, previous_bottom);
        }
      previous = position;
      previous_bottom = bounds.origin.y + bounds.size.height;

      if (bounds.origin.y < height && bounds.origin.y + bounds.size.height > 0)
        {
          if (in_sight++ == 0 && first_in_sight != NULL)
            *first_in_sight = position;
          covered_top = MIN (covered_top, bounds.origin.y);
          covered_bottom = MAX (covered_bottom, bounds.origin.y + bounds.size.height);
        }
    }

  g_assert_cmpuint (n_rows, ==, fixture->n_bound);
  g_assert_cmpuint (n_rows, ==, drafting_lazy_list_get_n_rows (fixture->list));
  g_assert_cmpfloat (covered_top, <=, 0);
  g_assert_cmpfloat (covered_bottom, >=, height);

  /* A third of a view more above and below, at most. */
  g_test_message ("%u rows bound, %u in sight, %u made", n_rows, in_sight, fixture->n_made);
  g_assert_cmpuint (in_sight, >, 3);
  g_assert_cmpuint (n_rows, <=, 2 * in_sight + 2);
  g_assert_cmpuint (fixture->n_made, <=, 2 * in_sight + 4);

  return in_sight;
}

static void
test_in_sight (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *first_row;
  float line;
  guint first = G_MAXUINT;

  check_rows (fixture, &first);
  g_assert_cmpuint (first, ==, 0);

  /* Each row as tall as its lines: item 0 has one, item 3 four. */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, i)).size.height, >,
                       bounds_of (fixture, row_at (fixture, i - 1)).size.height);
  line = (bounds_of (fixture, row_at (fixture, 3)).size.height -
          bounds_of (fixture, row_at (fixture, 1)).size.height) / 2;
  g_assert_cmpfloat (line, >, 10);
  g_assert_cmpfloat (line, <, 30);
  first_row = row_at (fixture, 0);
  g_assert_cmpfloat (bounds_of (fixture, first_row).origin.y, ==, 0);

  /* The scroll bar measures the whole list, guessing what it has not
   * seen from what it has. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment (fixture)), >,
                     N_ITEMS * bounds_of (fixture, first_row).size.height);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (vadjustment (fixture)), ==, view_height (fixture));
}

static void
test_scroll (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  GtkAdjustment *adjustment = vadjustment (fixture);
  graphene_rect_t before;
  graphene_rect_t after;
  GtkWidget *row;
  guint first = G_MAXUINT;

  /* A little: what is shown moves by as much. */
  row = row_at (fixture, 2);
  before = bounds_of (fixture, row);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 25);
  drafting_gui_test_wait_frames (fixture->window, 2);
  after = bounds_of (fixture, row_at (fixture, 2));
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y - 25);
  check_rows (fixture, NULL);

  /* To an item far down: it comes into sight at the bottom. */
  drafting_lazy_list_scroll_to (fixture->list, 5000);
  drafting_gui_test_wait_frames (fixture->window, 2);
  row = row_at (fixture, 5000);
  g_assert_nonnull (row);
  after = bounds_of (fixture, row);
  g_assert_cmpfloat (after.origin.y + after.size.height, ==, view_height (fixture));
  check_rows (fixture, NULL);

  /* One in sight: nothing moves. */
  drafting_lazy_list_scroll_to (fixture->list, 4999);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 5000)).origin.y, ==, after.origin.y);

  /* One above: it comes in at the top. */
  drafting_lazy_list_scroll_to (fixture->list, 4000);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 4000)).origin.y, ==, 0);
  check_rows (fixture, &first);
  g_assert_cmpuint (first, ==, 4000);

  /* The scroll bar's end is the list's end. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  drafting_gui_test_wait_frames (fixture->window, 3);
  row = row_at (fixture, N_ITEMS - 1);
  g_assert_nonnull (row);
  after = bounds_of (fixture, row);
  g_assert_cmpfloat (after.origin.y + after.size.height, ==, view_height (fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment), ==,
                     gtk_adjustment_get_upper (adjustment));
  check_rows (fixture, NULL);

  /* And its start the list's start. */
  gtk_adjustment_set_value (adjustment, 0);
  drafting_gui_test_wait_frames (fixture->window, 3);
  check_rows (fixture, &first);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 0)).origin.y, ==, 0);
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GtkStringObject) inserted = gtk_string_object_new ("Inserted");
  GtkWidget *row;
  float y;
  guint first = G_MAXUINT;

  drafting_lazy_list_scroll_to (fixture->list, 500);
  drafting_gui_test_wait_frames (fixture->window, 2);
  row = row_at (fixture, 500);
  y = bounds_of (fixture, row).origin.y;

  /* Taken out above the view: what is shown stays where it is. */
  g_list_store_splice (fixture->store, 10, 100, NULL, 0);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_true (row_at (fixture, 400) == row);
  g_assert_cmpfloat (bounds_of (fixture, row).origin.y, ==, y);
  check_rows (fixture, NULL);

  /* Put in in sight: it shows, and what is beneath moves down. */
  g_list_store_insert (fixture->store, 400, inserted);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_nonnull (row_at (fixture, 400));
  g_assert_true (g_object_get_data (G_OBJECT (row_at (fixture, 400)), "item") == (gpointer) inserted);
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 400)).origin.y, ==, y);
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 401)).origin.y, >, y);
  check_rows (fixture, NULL);

  /* Everything from there on taken out: the list shows its end. */
  g_list_store_splice (fixture->store, 300, g_list_model_get_n_items (G_LIST_MODEL (fixture->store)) - 300,
                       NULL, 0);
  drafting_gui_test_wait_frames (fixture->window, 3);
  check_rows (fixture, &first);
  g_assert_nonnull (row_at (fixture, 299));
  g_assert_cmpfloat (bounds_of (fixture, row_at (fixture, 299)).origin.y +
                     bounds_of (fixture, row_at (fixture, 299)).size.height, ==, view_height (fixture));

  /* Nothing left: no rows. */
  g_list_store_remove_all (fixture->store);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_cmpuint (drafting_lazy_list_get_n_rows (fixture->list), ==, 0);
  g_assert_cmpuint (fixture->n_bound, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment (fixture)), <=, view_height (fixture));
}

static void
test_focus (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *row = row_at (fixture, 2);
  guint first = G_MAXUINT;

  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row));

  /* Far away, the focused row stays, and keeps the focus. */
  drafting_lazy_list_scroll_to (fixture->list, 8000);
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_true (gtk_widget_has_focus (row));
  g_assert_cmpuint (position_of (fixture, row), ==, 2);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpfloat (bounds_of (fixture, row).origin.y, <, 0);

  /* The focus going elsewhere lets it go. */
  gtk_widget_grab_focus (row_at (fixture, 8000));
  drafting_gui_test_wait_frames (fixture->window, 2);
  g_assert_null (row_at (fixture, 2));
  check_rows (fixture, NULL);

  /* Back, the rows are in order, that one kept beneath them. */
  gtk_adjustment_set_value (vadjustment (fixture), 0);
  drafting_gui_test_wait_frames (fixture->window, 3);
  check_rows (fixture, &first);
  g_assert_cmpuint (first, ==, 0);
}

/* A list is something assistive technologies can name. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->list)), ==,
                   GTK_ACCESSIBLE_ROLE_LIST);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);

  g_test_add ("/lazy-list/in-sight", Fixture, NULL, fixture_set_up, test_in_sight, fixture_tear_down);
  g_test_add ("/lazy-list/scroll", Fixture, NULL, fixture_set_up, test_scroll, fixture_tear_down);
  g_test_add ("/lazy-list/changes", Fixture, NULL, fixture_set_up, test_changes, fixture_tear_down);
  g_test_add ("/lazy-list/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);
  g_test_add ("/lazy-list/accessible", Fixture, NULL, fixture_set_up, test_accessible, fixture_tear_down);

  return g_test_run ();
}
