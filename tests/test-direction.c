/* test-direction.c: the document reads in its language's direction, the window in the interface's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-gui-test-utils.h"
#include "drafting-outline-view.h"
#include "drafting-page-private.h"
#include "drafting-test-utils.h"
#include "drafting-window.h"

#define WIDTH 1300
#define HEIGHT 900

typedef struct
{
  char               *dir;
  DraftingDraftStore *store;
  GSettings          *settings;
  GtkWidget          *window;
  DraftingDocument   *document;
} Fixture;

static DraftingDocument *
load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "documents", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DraftingDocument *document = drafting_native_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return document;
}

/* A window in the interface's direction @interface, showing @document
 * with its outline beside it. */
static void
fixture_open (Fixture          *fixture,
              GtkTextDirection  interface,
              DraftingDocument *document)
{
  g_autofree char *drafts = NULL;
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  DraftingDocumentView *view;

  gtk_widget_set_default_direction (interface);

  fixture->dir = drafting_test_make_tmpdir ();
  drafts = g_build_filename (fixture->dir, "drafts", NULL);
  fixture->store = drafting_draft_store_new (drafts);
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_boolean (fixture->settings, "show-outline", TRUE);
  fixture->document = document;

  fixture->window = GTK_WIDGET (drafting_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  drafting_gui_test_present (fixture->window);

  document_file = drafting_document_file_new (document, NULL, fixture->store);
  drafting_window_add_document_file (DRAFTING_WINDOW (fixture->window), document_file);

  view = DRAFTING_DOCUMENT_VIEW (drafting_gui_test_find_of_type (fixture->window,
                                                                 DRAFTING_TYPE_DOCUMENT_VIEW));
  g_assert_nonnull (view);
  for (guint i = 0; i < 600 && drafting_document_view_is_opening (view); i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  drafting_gui_test_wait_frames (fixture->window, 10);
}

static void
fixture_close (Fixture *fixture)
{
  drafting_gui_test_destroy (fixture->window);
  drafting_gui_test_iterate ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  drafting_file_lock_flush ();
  g_settings_reset (fixture->settings, "show-outline");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->document);
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
collect (GtkWidget *root,
         GType      type,
         const char *css_class,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, css_class, found);
}

static GPtrArray *
widgets_of (GtkWidget  *root,
            GType       type,
            const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, css_class, found);

  return found;
}

static const char *
direction_name (GtkTextDirection direction)
{
  return direction == GTK_TEXT_DIR_RTL ? "right to left" : direction == GTK_TEXT_DIR_LTR ? "left to right" : "none";
}

static void
assert_direction (GtkWidget        *widget,
                  GtkTextDirection  expected,
                  const char       *what)
{
  GtkTextDirection direction = gtk_widget_get_direction (widget);

  if (direction != expected)
    g_error ("%s (%s) reads %s, not %s", what, G_OBJECT_TYPE_NAME (widget),
             direction_name (direction), direction_name (expected));
}

/* The document view, its rows (and their numbers and texts) and the
 * outline's rows read in @document's direction; the header bar in
 * @interface's. */
static void
assert_directions (Fixture          *fixture,
                   GtkTextDirection  document,
                   GtkTextDirection  interface)
{
  GtkWidget *view = drafting_gui_test_find_of_type (fixture->window, DRAFTING_TYPE_DOCUMENT_VIEW);
  GtkWidget *outline = drafting_gui_test_find_of_type (fixture->window, DRAFTING_TYPE_OUTLINE_VIEW);
  GtkWidget *header_bar = drafting_gui_test_find_of_type (fixture->window, ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) rows = widgets_of (view, DRAFTING_TYPE_ELEMENT_ROW, NULL);
  g_autoptr(GPtrArray) outline_rows = widgets_of (outline, GTK_TYPE_LABEL, "outline-row");
  guint n_numbered = 0;

  g_assert_nonnull (header_bar);
  assert_direction (header_bar, interface, "the header bar");
  assert_direction (fixture->window, interface, "the window");
  assert_direction (drafting_gui_test_find_of_type (view, DRAFTING_TYPE_LAZY_LIST), document, "the document's list");
  assert_direction (drafting_gui_test_find_of_type (outline, GTK_TYPE_GRID_VIEW), document, "the outline's list");

  g_assert_cmpuint (rows->len, >, 10);
  g_assert_cmpuint (outline_rows->len, >, 5);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *text = drafting_gui_test_find_of_type (row, GTK_TYPE_TEXT_VIEW);
      g_autoptr(GPtrArray) numbers = widgets_of (row, GTK_TYPE_LABEL, "number");
      graphene_rect_t number_bounds;
      graphene_rect_t text_bounds;

      assert_direction (row, document, "a row");
      assert_direction (text, document, "a row's text");
      g_assert_cmpuint (numbers->len, ==, 1);
      assert_direction (g_ptr_array_index (numbers, 0), document, "a row's number");

      /* The hanging number on the side the text starts from. */
      if (!gtk_widget_get_mapped (row) || !gtk_widget_get_visible (g_ptr_array_index (numbers, 0)) ||
          !gtk_widget_compute_bounds (g_ptr_array_index (numbers, 0), row, &number_bounds) ||
          !gtk_widget_compute_bounds (text, row, &text_bounds))
        continue;

      n_numbered++;
      if (document == GTK_TEXT_DIR_RTL)
        g_assert_cmpfloat (number_bounds.origin.x, >=, text_bounds.origin.x + text_bounds.size.width);
      else
        g_assert_cmpfloat (number_bounds.origin.x + number_bounds.size.width, <=, text_bounds.origin.x);
    }
  g_assert_cmpuint (n_numbered, >, 0);

  for (guint i = 0; i < outline_rows->len; i++)
    assert_direction (g_ptr_array_index (outline_rows, i), document, "an outline row");
}

/* An indented row's indentation is on the side its text starts from. */
static void
assert_indented_from (Fixture          *fixture,
                      GtkTextDirection  document)
{
  GtkWidget *view = drafting_gui_test_find_of_type (fixture->window, DRAFTING_TYPE_DOCUMENT_VIEW);
  g_autoptr(GPtrArray) rows = widgets_of (view, DRAFTING_TYPE_ELEMENT_ROW, NULL);
  guint n_indented = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *parent = gtk_widget_get_parent (row);
      int indent = gtk_widget_get_margin_start (row);
      graphene_rect_t bounds;

      /* Rows kept for reuse, off screen, have no place to be checked. */
      if (indent == 0 || !gtk_widget_get_mapped (row) || gtk_widget_get_width (parent) == 0 ||
          !gtk_widget_compute_bounds (row, parent, &bounds))
        continue;

      n_indented++;
      if (document == GTK_TEXT_DIR_RTL)
        g_assert_cmpfloat (gtk_widget_get_width (parent) - bounds.origin.x - bounds.size.width, >=, indent);
      else
        g_assert_cmpfloat (bounds.origin.x, >=, indent);
    }
  g_assert_cmpuint (n_indented, >, 0);
}

/* An Arabic resolution in an English window reads right to left; the
 * window stays left to right. */
static void
test_arabic_document (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture, GTK_TEXT_DIR_LTR, load_document ("arabic-resolution.wcodraft"));
  g_assert_cmpstr (drafting_document_get_language (fixture.document), ==, "ar");

  assert_directions (&fixture, GTK_TEXT_DIR_RTL, GTK_TEXT_DIR_LTR);
  assert_indented_from (&fixture, GTK_TEXT_DIR_RTL);

  fixture_close (&fixture);
}

/* An English resolution in an Arabic window reads left to right; the
 * window is mirrored. */
static void
test_english_document_rtl_interface (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture, GTK_TEXT_DIR_RTL, load_document ("english-resolution.wcodraft"));

  assert_directions (&fixture, GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_RTL);
  assert_indented_from (&fixture, GTK_TEXT_DIR_LTR);

  fixture_close (&fixture);
}

/* The language chosen in the document's properties turns its direction,
 * there and back. The Properties window's language row sets the
 * document's "language" property (test-properties.c checks that); this
 * sets the property as the row does. */
static void
test_language_changed (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture, GTK_TEXT_DIR_LTR, load_document ("english-resolution.wcodraft"));
  assert_directions (&fixture, GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_LTR);

  drafting_document_set_language (fixture.document, "ar");
  drafting_gui_test_wait_frames (fixture.window, 5);
  assert_directions (&fixture, GTK_TEXT_DIR_RTL, GTK_TEXT_DIR_LTR);
  assert_indented_from (&fixture, GTK_TEXT_DIR_RTL);

  /* Undone and redone, the language and its direction go and come back. */
  g_assert_true (drafting_document_undo (fixture.document));
  drafting_gui_test_wait_frames (fixture.window, 5);
  g_assert_cmpstr (drafting_document_get_language (fixture.document), ==, "en");
  assert_directions (&fixture, GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_LTR);
  g_assert_true (drafting_document_redo (fixture.document));
  drafting_gui_test_wait_frames (fixture.window, 5);
  g_assert_cmpstr (drafting_document_get_language (fixture.document), ==, "ar");
  assert_directions (&fixture, GTK_TEXT_DIR_RTL, GTK_TEXT_DIR_LTR);

  drafting_document_set_language (fixture.document, "fr");
  drafting_gui_test_wait_frames (fixture.window, 5);
  assert_directions (&fixture, GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_LTR);
  assert_indented_from (&fixture, GTK_TEXT_DIR_LTR);

  fixture_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);
  drafting_gui_test_load_style ();

  g_test_add_func ("/direction/arabic-document", test_arabic_document);
  g_test_add_func ("/direction/english-document-rtl-interface", test_english_document_rtl_interface);
  g_test_add_func ("/direction/language-changed", test_language_changed);

  return g_test_run ();
}
