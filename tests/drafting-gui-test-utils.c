/* drafting-gui-test-utils.c: what the tests of the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-app-resources.h"
#include "drafting-core.h"
#include "drafting-gui-test-utils.h"

/**
 * drafting_gui_test_init:
 *
 * Starts a test of the window: the settings kept in memory with the schema
 * that was built, GTK and libadwaita, and the window's resources.
 */
void
drafting_gui_test_init (int    *argc,
                        char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *schema_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
    }

  g_test_init (argc, argv, NULL);
  drafting_core_init ();
  gtk_init ();
  adw_init ();

  /* The windows' templates and style are resources of the static library,
   * linked in (and registered by their constructor) only when something
   * refers to them. */
  g_assert_nonnull (drafting_app_get_resource ());
}

/**
 * drafting_gui_test_load_style:
 *
 * Gives the display the application's style sheet, as the application's
 * resource base path gives it to the application.
 */
void
drafting_gui_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/wco/drafting/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
drafting_gui_test_find_of_type (GtkWidget *root,
                                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = drafting_gui_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
drafting_gui_test_find_named (GtkWidget  *root,
                              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = drafting_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row showing @node, if the document's list has built one. */
DraftingElementRow *
drafting_gui_test_row_of (GtkWidget    *list_view,
                          DraftingNode *node)
{
  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = item;

      if (row != NULL && DRAFTING_IS_ELEMENT_ROW (row) &&
          drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row)) == node)
        return DRAFTING_ELEMENT_ROW (row);
    }

  return NULL;
}

/* Runs what is ready to run, without waiting. */
void
drafting_gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
count_frame (GtkWidget     *widget G_GNUC_UNUSED,
             GdkFrameClock *clock G_GNUC_UNUSED,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
flag_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * drafting_gui_test_wait_frames:
 *
 * Runs the main loop until @widget's window has drawn @n_frames frames,
 * and then what is left to run, so that what follows sees it laid out and
 * painted. Fails after ten seconds without them.
 */
void
drafting_gui_test_wait_frames (GtkWidget *widget,
                               guint      n_frames)
{
  guint frames = 0;
  gboolean timed_out = FALSE;
  guint tick_id;
  guint timeout_id;

  tick_id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  timeout_id = g_timeout_add_seconds (10, flag_timeout, &timed_out);

  while (frames < n_frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, tick_id);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);

  drafting_gui_test_iterate ();
}

/* Presents @window and waits until it has been drawn a few times. */
void
drafting_gui_test_present (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  drafting_gui_test_wait_frames (window, 5);
  g_assert_true (gtk_widget_get_mapped (window));
}

/* Destroys @window and waits until it is gone. */
void
drafting_gui_test_destroy (GtkWidget *window)
{
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; weak != NULL && i < 100; i++)
    {
      drafting_gui_test_iterate ();
      if (weak != NULL)
        g_usleep (10000);
    }

  g_assert_null (weak);
}

