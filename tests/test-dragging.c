/* test-dragging.c: what is dragged and dropped: elements in the outline,
 * files onto the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-application.h"
#include "drafting-gui-test-utils.h"
#include "drafting-outline-view.h"
#include "drafting-page.h"
#include "drafting-test-utils.h"
#include "drafting-window.h"

/*
 * A drag ends in its drop target's "drop" signal, with the value the drag
 * source's "prepare" gave. The tests take the value from the source and
 * hand it to the target, at a point of the target's row, as a pointer
 * would: the same handlers run, on the same rows.
 */

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget holds it */
    }

  return NULL;
}

typedef struct
{
  GtkWidget           *window;
  DraftingOutlineView *outline;
  GtkWidget           *list_view;
  DraftingDocument    *document;
  GPtrArray           *refusals;
} Outline;

static void
on_move_failed (DraftingOutlineView *outline G_GNUC_UNUSED,
                const char          *message,
                Outline             *fixture)
{
  g_ptr_array_add (fixture->refusals, g_strdup (message));
}

static void
outline_open (Outline    *fixture,
              const char *example)
{
  fixture->document = drafting_test_load_example (example);
  fixture->refusals = g_ptr_array_new_with_free_func (g_free);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);

  fixture->outline = DRAFTING_OUTLINE_VIEW (drafting_outline_view_new ());
  drafting_outline_view_set_document (fixture->outline, fixture->document);
  g_signal_connect (fixture->outline, "move-failed", G_CALLBACK (on_move_failed), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->outline));
  fixture->list_view = drafting_gui_test_find_of_type (GTK_WIDGET (fixture->outline), GTK_TYPE_GRID_VIEW);
  g_assert_nonnull (fixture->list_view);

  drafting_gui_test_present (fixture->window);
}

static void
outline_close (Outline *fixture)
{
  drafting_gui_test_destroy (fixture->window);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->refusals, g_ptr_array_unref);
}

/* The outline's row for @node, scrolled into sight. */
static GtkWidget *
outline_row (Outline      *fixture,
             DraftingNode *node)
{
  drafting_outline_view_select (fixture->outline, node);
  drafting_gui_test_wait_frames (fixture->window, 3);

  for (GtkWidget *item = gtk_widget_get_first_child (fixture->list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *label = gtk_widget_get_first_child (item);

      /* The row says which element it shows as its binding set it. */
      if (label != NULL && gtk_widget_get_mapped (label) &&
          g_object_get_data (G_OBJECT (label), "drafting-node") == node)
        return label;
    }

  g_error ("The outline shows no row for %s", drafting_node_get_id (node));
  return NULL;
}

/* Drags @node's row and drops it on @target's, at @fraction of its
 * height; returns whether the drop was taken. */
static gboolean
drag_onto (Outline      *fixture,
           DraftingNode *node,
           DraftingNode *target,
           double        fraction)
{
  GtkWidget *source_row = outline_row (fixture, node);
  GtkDragSource *source = find_controller (source_row, GTK_TYPE_DRAG_SOURCE);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkWidget *target_row;
  GtkDropTarget *drop;
  gboolean taken = FALSE;

  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 5.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, DRAFTING_TYPE_NODE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_true (g_value_get_object (&value) == node);

  target_row = outline_row (fixture, target);
  drop = find_controller (target_row, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);
  g_assert_true (gtk_drop_target_get_gtypes (drop, NULL) != NULL);
  g_signal_emit_by_name (drop, "drop", &value, 10.0,
                         fraction * gtk_widget_get_height (target_row), &taken);
  drafting_gui_test_wait_frames (fixture->window, 2);

  return taken;
}

static DraftingNode *
operative (DraftingDocument *document,
           guint             nth)
{
  return drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, nth);
}

/* The outline's text for @node as it shows now. */
static const char *
row_text (Outline      *fixture,
          DraftingNode *node)
{
  return gtk_label_get_label (GTK_LABEL (outline_row (fixture, node)));
}

/* ------------------------------------------------------------------ */
/* The outline                                                         */

/* Dropped on the lower half of a paragraph, a paragraph goes after it;
 * on the upper half, before it; the numbers follow, in the outline too,
 * and undo puts it back. */
static void
test_outline_before_after (void)
{
  Outline fixture = { NULL, };
  DraftingNode *first;
  DraftingNode *third;
  DraftingNode *fourth;

  outline_open (&fixture, "ecommerce-resolution.wcodraft");
  first = operative (fixture.document, 0);
  third = operative (fixture.document, 2);
  fourth = operative (fixture.document, 3);

  /* The e-commerce resolution leaves its paragraphs unnumbered; numbered,
   * the outline says where each one is. */
  drafting_document_set_numbering (fixture.document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_ARABIC_PERIOD);
  g_assert_true (g_str_has_prefix (row_text (&fixture, first), "1. "));

  g_assert_true (drag_onto (&fixture, first, third, 0.75));
  g_assert_true (drafting_outline_view_get_selected (fixture.outline) == first);
  g_assert_true (operative (fixture.document, 2) == first);
  g_assert_true (operative (fixture.document, 1) == third);
  g_assert_true (g_str_has_prefix (row_text (&fixture, first), "3. "));
  g_assert_true (g_str_has_prefix (row_text (&fixture, third), "2. "));

  g_assert_true (drag_onto (&fixture, fourth, operative (fixture.document, 0), 0.25));
  g_assert_true (operative (fixture.document, 0) == fourth);
  g_assert_true (g_str_has_prefix (row_text (&fixture, fourth), "1. "));

  g_assert_true (drafting_document_undo (fixture.document));
  g_assert_true (drafting_document_undo (fixture.document));
  g_assert_true (operative (fixture.document, 0) == first);
  g_assert_true (operative (fixture.document, 2) == third);
  g_assert_true (operative (fixture.document, 3) == fourth);
  g_assert_true (g_str_has_prefix (row_text (&fixture, first), "1. "));
  g_assert_cmpuint (fixture.refusals->len, ==, 0);

  outline_close (&fixture);
}

/* A sub-paragraph dropped on the lower half of a paragraph that has none
 * goes into it, as its (a). */
static void
test_outline_into (void)
{
  Outline fixture = { NULL, };
  g_autoptr(GError) error = NULL;
  DraftingNode *second;
  DraftingNode *third;
  DraftingNode *sub;

  outline_open (&fixture, "ecommerce-resolution.wcodraft");
  second = operative (fixture.document, 1);
  third = operative (fixture.document, 2);
  g_assert_false (drafting_node_has_content_children (third));
  sub = drafting_document_insert_new (fixture.document, second, DRAFTING_KIND_SUB_PARAGRAPH, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_node_get_parent (sub) == second);
  drafting_document_set_text (fixture.document, sub, "to report on their progress;");

  g_assert_true (drag_onto (&fixture, sub, third, 0.75));
  g_assert_true (drafting_node_get_parent (sub) == third);
  g_assert_false (drafting_node_has_content_children (second));
  g_assert_cmpstr (row_text (&fixture, sub), ==, "(a) to report on their progress;");
  g_assert_cmpuint (fixture.refusals->len, ==, 0);

  outline_close (&fixture);
}

/* A move the document's structure does not allow is refused, says why,
 * and changes nothing. */
static void
test_outline_refused (void)
{
  Outline fixture = { NULL, };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DraftingNode *item;
  DraftingNode *paragraph;

  outline_open (&fixture, "ecommerce-resolution.wcodraft");
  item = drafting_test_find (fixture.document, DRAFTING_KIND_ITEM, 0);
  paragraph = operative (fixture.document, 0);
  before = drafting_node_get_summary (drafting_node_get_parent (item), 200);

  g_assert_false (drag_onto (&fixture, item, paragraph, 0.25));
  g_assert_cmpuint (fixture.refusals->len, ==, 1);
  g_test_message ("refused: %s", (char *) fixture.refusals->pdata[0]);
  g_assert_cmpstr (fixture.refusals->pdata[0], !=, "");
  g_assert_true (drafting_node_get_parent (item) != drafting_node_get_parent (paragraph));
  g_assert_false (drafting_document_can_undo (fixture.document));

  /* Onto itself: nothing to do, and nothing to say. */
  g_assert_false (drag_onto (&fixture, paragraph, paragraph, 0.75));
  g_assert_cmpuint (fixture.refusals->len, ==, 1);
  g_assert_false (drafting_document_can_undo (fixture.document));

  after = drafting_node_get_summary (drafting_node_get_parent (item), 200);
  g_assert_cmpstr (before, ==, after);

  outline_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* Files dropped onto the window                                       */

static void
wait_for_pages (DraftingWindow *window,
                guint           n)
{
  for (guint i = 0; i < 500 && drafting_window_get_n_pages (window) < n; i++)
    {
      drafting_gui_test_iterate ();
      g_usleep (10000);
    }
  drafting_gui_test_wait_frames (GTK_WIDGET (window), 2);
}

static gboolean
drop_files (DraftingWindow *window,
            GFile          *first,
            ...)
{
  GtkDropTarget *drop = find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean taken = FALSE;
  va_list args;

  g_assert_nonnull (drop);
  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    files = g_slist_append (files, file);
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);

  g_signal_emit_by_name (drop, "drop", &value, 200.0, 200.0, &taken);

  return taken;
}

/* The documents open in @window's tabs, in order. */
static GPtrArray *
open_documents (DraftingWindow *window)
{
  AdwTabView *tabs = ADW_TAB_VIEW (drafting_gui_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW));
  GPtrArray *documents = g_ptr_array_new ();

  g_assert_nonnull (tabs);
  for (int i = 0; i < adw_tab_view_get_n_pages (tabs); i++)
    {
      DraftingPage *page = DRAFTING_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (tabs, i)));

      g_ptr_array_add (documents, drafting_page_get_document (page));
    }

  return documents;
}

/* Files dropped onto the window open in tabs of their own, a text file
 * imported; a file already open is gone to, not opened twice. */
static void
window_drop_files (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *example = drafting_test_example_path ("ecommerce-communique.wcodraft");
  g_autofree char *native_path = g_build_filename (dir, "communique.wcodraft", NULL);
  g_autofree char *text_path = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_autoptr(GFile) native = g_file_new_for_path (native_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autoptr(DraftingApplication) app = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  DraftingWindow *window;
  DraftingPage *page;

  g_assert_true (g_file_copy (source, native, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  app = g_object_new (DRAFTING_TYPE_APPLICATION,
                      "application-id", "org.wco.drafting",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/org/wco/drafting",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = drafting_window_new (ADW_APPLICATION (app));
  drafting_gui_test_present (GTK_WIDGET (window));
  g_assert_cmpuint (drafting_window_get_n_pages (window), ==, 0);

  g_assert_true (drop_files (window, native, text, NULL));
  wait_for_pages (window, 2);
  documents = open_documents (window);
  g_assert_cmpuint (documents->len, ==, 2);
  page = drafting_window_find_file (window, native);
  g_assert_nonnull (page);
  g_assert_cmpuint (drafting_document_count_kind (drafting_page_get_document (page),
                                                  DRAFTING_KIND_STATEMENT), ==, 11);
  /* The text is imported, not opened as itself: saving asks where. */
  g_assert_null (drafting_window_find_file (window, text));
  for (guint i = 0; i < documents->len; i++)
    if (documents->pdata[i] != drafting_page_get_document (page))
      g_assert_cmpuint (drafting_document_count_kind (documents->pdata[i],
                                                      DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 4);

  /* Again: the tab it is in comes forward. */
  g_assert_true (drop_files (window, native, NULL));
  drafting_gui_test_wait_frames (GTK_WIDGET (window), 5);
  g_assert_cmpuint (drafting_window_get_n_pages (window), ==, 2);
  g_assert_true (drafting_window_get_current_page (window) == page);

  drafting_gui_test_destroy (GTK_WIDGET (window));
  drafting_test_remove_tree (dir);
}

/* The whole application runs in a process of its own. GLib's table of
 * quarks grows by blocks of 2048 and never frees the block it outgrows,
 * by design (quarks are looked up without a lock); a whole application
 * takes more than 2048, which LeakSanitizer would report at exit. The
 * application's process is checked for errors of memory, not for leaks. */
static void
test_window_drop_files (void)
{
  if (g_test_subprocess ())
    {
      window_drop_files ();
      return;
    }

#ifdef __SANITIZE_ADDRESS__
  {
    g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                                            ":detect_leaks=0", NULL);

    g_setenv ("ASAN_OPTIONS", options, TRUE);
  }
#endif
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  /* The application keeps its recent files, drafts and settings in a
   * home of the test's own; GLib reads these once, so before it starts. */
  home = g_dir_make_tmp ("drafting-dragging-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  drafting_gui_test_init (&argc, &argv);

  g_test_add_func ("/dragging/outline/before-after", test_outline_before_after);
  g_test_add_func ("/dragging/outline/into", test_outline_into);
  g_test_add_func ("/dragging/outline/refused", test_outline_refused);
  g_test_add_func ("/dragging/window/files", test_window_drop_files);

  status = g_test_run ();
  drafting_test_remove_tree (home);

  return status;
}
