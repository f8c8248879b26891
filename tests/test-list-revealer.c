/* test-list-revealer.c: a list's items given a few at a frame, and taken back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-gui-test-utils.h"
#include "drafting-list-revealer.h"

/*
 * What a list shows must always be what the revealer says it has: a
 * mirror kept by its items-changed signals alone is compared, at every
 * step, with its items, and with the model's first items while it gives
 * them, as the model changes meanwhile.
 */

typedef struct
{
  GtkWidget            *window;
  GListStore           *store;
  DraftingListRevealer *revealer;
  GPtrArray            *mirror;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_consistent (Fixture  *fixture,
                   gboolean  prefix)
{
  GListModel *model = G_LIST_MODEL (fixture->revealer);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, fixture->mirror->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) in_store = prefix ? g_list_model_get_item (G_LIST_MODEL (fixture->store), i) : NULL;

      g_assert_true (item == g_ptr_array_index (fixture->mirror, i));
      if (prefix)
        g_assert_true (item == in_store);
    }
  g_assert_null (g_list_model_get_item (model, n));
}

static void
fixture_set_up (Fixture *fixture,
                guint    n_items)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), gtk_label_new ("pacer"));
  drafting_gui_test_present (fixture->window);

  fixture->store = g_list_store_new (G_TYPE_OBJECT);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (fixture->store, item);
    }

  fixture->revealer = drafting_list_revealer_new (fixture->window, DRAFTING_LIST_VIEW_MAX_ROWS);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->revealer, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_signal_handlers_disconnect_by_data (fixture->revealer, fixture);
  g_clear_object (&fixture->revealer);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
  drafting_gui_test_destroy (fixture->window);
}

static void
add_items (GListStore *store,
           guint       position,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_insert (store, position, item);
    }
}

/* A few first, then more a frame at a time, the model changing meanwhile
 * inside and beyond what was given; at last everything. */
static void
test_reveal (void)
{
  Fixture fixture = { NULL, };
  guint frames = 0;
  guint last = 0;

  fixture_set_up (&fixture, 1000);
  drafting_list_revealer_set_model (fixture.revealer, G_LIST_MODEL (fixture.store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), <, 10);
  g_assert_false (drafting_list_revealer_is_done (fixture.revealer));
  assert_consistent (&fixture, TRUE);

  while (!drafting_list_revealer_is_done (fixture.revealer) && frames++ < 1000)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer));

      g_assert_cmpuint (n, >=, last);
      last = n;

      /* Changes inside, at the edge of and beyond the items given. */
      switch (frames % 4)
        {
        case 0:
          add_items (fixture.store, 1, 2);
          break;
        case 1:
          g_list_store_remove (fixture.store, MIN (n, 3));
          break;
        case 2:
          add_items (fixture.store, n, 1);
          break;
        default:
          g_list_store_splice (fixture.store, n + 5, 3, NULL, 0);
          break;
        }
      assert_consistent (&fixture, TRUE);
      drafting_gui_test_wait_frames (fixture.window, 1);
      assert_consistent (&fixture, TRUE);
    }

  g_assert_true (drafting_list_revealer_is_done (fixture.revealer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fixture.store)));
  g_test_message ("everything given after %u frames", frames);

  /* Then the model's changes pass as they are. */
  add_items (fixture.store, 500, 4);
  g_list_store_remove (fixture.store, 0);
  assert_consistent (&fixture, TRUE);

  fixture_tear_down (&fixture);
}

/* A model that brings many items at once among those given, as a filter
 * that widens: the list is still given no more than it was. */
static void
test_widen (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  guint given;

  fixture_set_up (&fixture, 50);
  drafting_list_revealer_set_model (fixture.revealer, G_LIST_MODEL (fixture.store));
  drafting_gui_test_wait_frames (fixture.window, 3);
  given = g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer));
  g_assert_cmpuint (given, >, 1);
  g_assert_false (drafting_list_revealer_is_done (fixture.revealer));

  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (many, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_splice (fixture.store, 1, 0, many->pdata, many->len);
  assert_consistent (&fixture, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), <=, given);

  /* A few more, at the start: given as they come. */
  add_items (fixture.store, 0, 2);
  assert_consistent (&fixture, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), <=, given + 2);

  while (!drafting_list_revealer_is_done (fixture.revealer))
    {
      drafting_gui_test_wait_frames (fixture.window, 1);
      assert_consistent (&fixture, TRUE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), ==, 3052);

  fixture_tear_down (&fixture);
}

/* Going to an item not given yet gives everything at once. */
static void
test_reveal_far (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture, 1000);
  drafting_list_revealer_set_model (fixture.revealer, G_LIST_MODEL (fixture.store));
  drafting_list_revealer_reveal (fixture.revealer, 0);
  g_assert_false (drafting_list_revealer_is_done (fixture.revealer));
  drafting_list_revealer_reveal (fixture.revealer, 900);
  g_assert_true (drafting_list_revealer_is_done (fixture.revealer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), ==, 1000);
  assert_consistent (&fixture, TRUE);

  fixture_tear_down (&fixture);
}

static void
on_emptied (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (drafting_list_revealer_empty_finish (DRAFTING_LIST_REVEALER (object), result, NULL));
  *done = TRUE;
}

/* Taken back: those outside the rows at once, the rows a few at a frame,
 * the model's changes meanwhile no longer passed on. */
static void
test_empty (void)
{
  Fixture fixture = { NULL, };
  gboolean done = FALSE;
  guint frames = 0;
  guint last;

  fixture_set_up (&fixture, 1000);
  drafting_list_revealer_set_model (fixture.revealer, G_LIST_MODEL (fixture.store));
  drafting_list_revealer_reveal (fixture.revealer, 999);
  assert_consistent (&fixture, TRUE);

  drafting_list_revealer_empty_async (fixture.revealer, 400, 599, NULL, on_emptied, &done);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), ==, 200);
  assert_consistent (&fixture, FALSE);
  last = 200;

  while (!done && frames++ < 1000)
    {
      guint n;

      g_list_store_remove (fixture.store, 0);
      drafting_gui_test_wait_frames (fixture.window, 1);
      n = g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer));
      g_assert_cmpuint (n, <, last);
      last = n;
      assert_consistent (&fixture, FALSE);
    }

  g_assert_true (done);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.revealer)), ==, 0);
  g_test_message ("emptied in %u frames", frames);

  fixture_tear_down (&fixture);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);

  g_test_add_func ("/list-revealer/reveal", test_reveal);
  g_test_add_func ("/list-revealer/widen", test_widen);
  g_test_add_func ("/list-revealer/reveal-far", test_reveal_far);
  g_test_add_func ("/list-revealer/empty", test_empty);

  return g_test_run ();
}
