/* test-screen-print.c: the screen shows what prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <pango/pangocairo.h>

#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-gui-test-utils.h"
#include "drafting-print-layout.h"
#include "drafting-test-utils.h"

/*
 * Each bundled example is opened in a window and scrolled through from top
 * to bottom, and the text of each element is read from its row as the
 * screen shows it: what the row's label shows (a number, a bullet,
 * "PRINCIPLE I –") then the text view's text. The same document is laid
 * out for print, and each block that prints (its hanging number before
 * it, then the footnotes it calls) must read the same, in the same order.
 *
 * Typing a space after a leading phrase shows, prints and stores one
 * space, and the French space before a colon is not doubled.
 */

typedef struct
{
  GtkWidget            *window;
  DraftingDocumentView *view;
  GtkScrolledWindow    *scroller;
  GtkWidget            *list_view;
  DraftingDocument     *document;
} Fixture;

static void
fixture_open (Fixture          *fixture,
              DraftingDocument *document)
{
  fixture->document = document;
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);

  fixture->view = DRAFTING_DOCUMENT_VIEW (drafting_document_view_new ());
  drafting_document_view_set_document (fixture->view, document);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));

  fixture->scroller = GTK_SCROLLED_WINDOW (drafting_gui_test_find_of_type (GTK_WIDGET (fixture->view),
                                                                           GTK_TYPE_SCROLLED_WINDOW));
  fixture->list_view = drafting_gui_test_find_of_type (GTK_WIDGET (fixture->view), DRAFTING_TYPE_LAZY_LIST);
  g_assert_nonnull (fixture->scroller);
  g_assert_nonnull (fixture->list_view);

  drafting_gui_test_present (fixture->window);
  for (guint i = 0; i < 600 && drafting_document_view_is_opening (fixture->view); i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  g_assert_false (drafting_document_view_is_opening (fixture->view));
}

static void
fixture_close (Fixture *fixture)
{
  drafting_gui_test_destroy (fixture->window);
  g_clear_object (&fixture->document);
}

static char *
row_text (DraftingElementRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (drafting_element_row_get_text_view (row));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What the row shows, read from its widgets: the label, when it shows,
 * then the text. */
static char *
row_shows (DraftingElementRow *row)
{
  GtkWidget *label = drafting_gui_test_find_of_type (GTK_WIDGET (row), GTK_TYPE_LABEL);
  g_autofree char *text = row_text (row);
  const char *number;

  g_assert_nonnull (label);
  number = gtk_label_get_label (GTK_LABEL (label));
  if (gtk_widget_get_visible (label) && number[0] != '\0')
    return g_strconcat (number, " ", text, NULL);

  return g_steal_pointer (&text);
}

/* Scrolls through the whole document a screen at a time, and says what
 * each row shows, in the document's order. */
static GStrv
screen_texts (Fixture *fixture)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (fixture->scroller);
  GListModel *elements = G_LIST_MODEL (fixture->document);
  guint n_steps = 0;

  for (;;)
    {
      double value = gtk_adjustment_get_value (vadjustment);

      drafting_gui_test_wait_frames (fixture->window, 3);
      for (GtkWidget *item = gtk_widget_get_first_child (fixture->list_view);
           item != NULL;
           item = gtk_widget_get_next_sibling (item))
        {
          GtkWidget *row = item;
          DraftingNode *node;

          if (row == NULL || !DRAFTING_IS_ELEMENT_ROW (row) || !gtk_widget_get_mapped (item) ||
              (node = drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row))) == NULL)
            continue;
          g_hash_table_replace (shown, node, row_shows (DRAFTING_ELEMENT_ROW (row)));
        }

      if (value + gtk_adjustment_get_page_size (vadjustment) >= gtk_adjustment_get_upper (vadjustment) - 1)
        break;
      gtk_adjustment_set_value (vadjustment, value + gtk_adjustment_get_page_size (vadjustment) * 0.5);
      g_assert_cmpuint (++n_steps, <, 400);
    }

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (elements, i);
      const char *text = g_hash_table_lookup (shown, node);

      if (text == NULL)
        g_test_message ("element %u (%s) was never on screen", i,
                        drafting_kind_get_display_name (drafting_node_get_kind (node)));
      g_assert_nonnull (text);
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* What the document prints, block by block. */
static GStrv
print_texts (DraftingDocument *document)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = drafting_print_layout_create_context (font_map);
  g_autoptr(DraftingDocument) snapshot = drafting_document_snapshot (document);
  g_autoptr(DraftingPrintLayout) layout = NULL;

  layout = drafting_print_layout_new (snapshot, context,
                                      DRAFTING_PRINT_LAYOUT_A4_WIDTH,
                                      DRAFTING_PRINT_LAYOUT_A4_HEIGHT,
                                      0, 0, 0, 0);
  g_object_unref (context);
  g_assert_true (drafting_print_layout_paginate (layout, -1));

  return drafting_print_layout_dup_texts (layout);
}

static gboolean
strv_contains_line (GStrv       lines,
                    const char *line)
{
  return g_strv_contains ((const char * const *) lines, line);
}

static void
check_same (const char *example)
{
  Fixture fixture = { NULL, };
  g_auto(GStrv) screen = NULL;
  g_auto(GStrv) print = NULL;
  guint n_screen;
  guint n_print;

  fixture_open (&fixture, drafting_test_load_example (example));
  screen = screen_texts (&fixture);
  print = print_texts (fixture.document);
  n_screen = g_strv_length (screen);
  n_print = g_strv_length (print);

  for (guint i = 0; i < MAX (n_screen, n_print); i++)
    {
      const char *shown = i < n_screen ? screen[i] : "(nothing)";
      const char *printed = i < n_print ? print[i] : "(nothing)";

      if (g_strcmp0 (shown, printed) != 0)
        g_test_message ("%s, element %u:\n  screen: “%s”\n  print:  “%s”", example, i, shown, printed);
      g_assert_cmpstr (shown, ==, printed);
    }
  g_test_message ("%s: %u elements, the same on screen and in print", example, n_screen);
  g_assert_cmpuint (n_screen, >, 30);

  fixture_close (&fixture);
}

static void
test_same_resolution (void)
{
  check_same ("ecommerce-resolution.wcodraft");
}

static void
test_same_communique (void)
{
  check_same ("ecommerce-communique.wcodraft");
}

/* What the examples must show, whichever way the rest goes: the annex
 * heading, nested items with a dash, the principle with its dash. */
static void
test_annex_bullets_principle (void)
{
  Fixture fixture = { NULL, };
  g_auto(GStrv) screen = NULL;
  g_auto(GStrv) print = NULL;
  gboolean nested_dash = FALSE;
  gboolean top_bullet = FALSE;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"));
  screen = screen_texts (&fixture);
  print = print_texts (fixture.document);

  g_assert_true (strv_contains_line (screen, "ANNEX"));
  g_assert_true (strv_contains_line (print, "ANNEX"));
  g_assert_true (strv_contains_line (screen, "PRINCIPLE I – Advance Electronic Data and Risk Management"));
  g_assert_true (strv_contains_line (print, "PRINCIPLE I – Advance Electronic Data and Risk Management"));

  for (guint i = 0; screen[i] != NULL; i++)
    {
      nested_dash |= g_str_has_prefix (screen[i], "– Timeliness of data");
      top_bullet |= g_str_has_prefix (screen[i], "• ");
    }
  g_assert_true (nested_dash);
  g_assert_true (top_bullet);

  fixture_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* The leading phrase and its text                                     */

static DraftingDocument *
document_with (DraftingKind  kind,
               const char   *language,
               const char   *lead,
               const char   *text,
               DraftingNode **node)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingNode) heading = drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL,
                                                                 "RESOLUTION OF THE POLICY COMMISSION");
  g_autoptr(DraftingNode) element = drafting_node_new_with_text (kind, lead, text);
  g_autoptr(GError) error = NULL;
  DraftingNode *root = drafting_document_get_root (document);

  drafting_document_set_language (document, language);
  drafting_document_insert (document, root, 0, heading, &error);
  g_assert_no_error (error);
  drafting_document_insert (document, root, 1, element, &error);
  g_assert_no_error (error);
  *node = element;

  return document;
}

/* Waits, a frame at a time, for the keyboard focus to be in @node's row,
 * as the view puts it there after scrolling, and returns that row. */
static DraftingElementRow *
wait_for_focus (Fixture      *fixture,
                DraftingNode *node)
{
  for (guint i = 0; i < 300; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, DRAFTING_TYPE_ELEMENT_ROW) : NULL;

      if (row != NULL && drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row)) == node &&
          drafting_element_row_get_cursor (DRAFTING_ELEMENT_ROW (row), NULL, NULL))
        return DRAFTING_ELEMENT_ROW (row);
      drafting_gui_test_wait_frames (fixture->window, 1);
    }

  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    DraftingElementRow *row = drafting_gui_test_row_of (fixture->list_view, node);

    GtkWidget *focus_row = focus ? gtk_widget_get_ancestor (focus, DRAFTING_TYPE_ELEMENT_ROW) : NULL;
    DraftingNode *focus_node = focus_row ? drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (focus_row)) : NULL;

    g_test_message ("the focus is on %s, in element %d (waited for %u); the element's row %s, %s",
                    focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                    focus_node ? (int) drafting_document_get_position (fixture->document, focus_node) : -1,
                    drafting_document_get_position (fixture->document, node),
                    row ? "is bound" : "is not bound",
                    row && gtk_widget_get_mapped (GTK_WIDGET (row)) ? "shown" : "not shown");
  }
  g_assert_not_reached ();
}

/* Types @text at the cursor, a character at a time, as the keyboard does. */
static void
type (DraftingElementRow *row,
      const char         *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (drafting_element_row_get_text_view (row));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0, };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, c, -1, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      drafting_gui_test_iterate ();
    }
}

static void
assert_printed (DraftingDocument *document,
                const char       *line)
{
  g_auto(GStrv) print = print_texts (document);

  if (!strv_contains_line (print, line))
    for (guint i = 0; print[i] != NULL; i++)
      g_test_message ("printed: “%s”", print[i]);
  g_assert_true (strv_contains_line (print, line));
}

/* "NOTING", then a space and "that": one space, on screen, in print, in
 * plain text, and the text kept begins with "that". */
static void
test_space_after_lead (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *clause = NULL;
  DraftingElementRow *row;
  g_autofree char *shown = NULL;
  g_autofree char *plain = NULL;

  fixture_open (&fixture, document_with (DRAFTING_KIND_PREAMBLE_CLAUSE, "en", "NOTING", "", &clause));
  drafting_document_view_focus_node (fixture.view, clause, 0, 0);
  row = wait_for_focus (&fixture, clause);

  type (row, " that the Members");
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "NOTING that the Members");
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "NOTING");
  g_assert_cmpstr (drafting_inline_get_text (drafting_node_get_content (clause)), ==,
                   "that the Members");

  plain = drafting_render_plain_text (clause, TRUE);
  g_assert_cmpstr (plain, ==, "NOTING that the Members");
  assert_printed (fixture.document, "NOTING that the Members");

  /* Shown afresh, the same. */
  drafting_element_row_reload (row);
  g_clear_pointer (&shown, g_free);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "NOTING that the Members");

  /* Another space where the phrase meets the text is the same space. */
  drafting_element_row_place_cursor (row, 0, 0, -1);
  type (row, "  ");
  g_clear_pointer (&shown, g_free);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "NOTING that the Members");
  g_assert_cmpstr (drafting_inline_get_text (drafting_node_get_content (clause)), ==,
                   "that the Members");

  fixture_close (&fixture);
}

/* A clause with its phrase and no text yet: the text typed after the
 * phrase, without a space, is joined to it by one. */
static void
test_text_after_lead (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *clause = NULL;
  DraftingElementRow *row;
  g_autofree char *shown = NULL;

  fixture_open (&fixture, document_with (DRAFTING_KIND_PREAMBLE_CLAUSE, "en", "NOTING", "", &clause));
  drafting_document_view_focus_node (fixture.view, clause, 0, 0);
  row = wait_for_focus (&fixture, clause);

  type (row, "that the Members");
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "NOTING that the Members");
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "NOTING");
  g_assert_cmpstr (drafting_inline_get_text (drafting_node_get_content (clause)), ==,
                   "that the Members");
  assert_printed (fixture.document, "NOTING that the Members");

  fixture_close (&fixture);
}

/* « DÉCIDE : », the narrow no-break space in the text: no other space. */
static void
test_french_colon (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *formula = NULL;
  DraftingElementRow *row;
  g_autofree char *shown = NULL;
  g_autofree char *plain = NULL;

  fixture_open (&fixture, document_with (DRAFTING_KIND_OPERATIVE_FORMULA, "fr", "DÉCIDE",
                                         "\u202F:", &formula));
  drafting_gui_test_wait_frames (fixture.window, 2);
  row = drafting_gui_test_row_of (fixture.list_view, formula);
  g_assert_nonnull (row);

  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "DÉCIDE\u202F:");
  plain = drafting_render_plain_text (formula, TRUE);
  g_assert_cmpstr (plain, ==, "DÉCIDE\u202F:");
  assert_printed (fixture.document, "DÉCIDE\u202F:");

  fixture_close (&fixture);
}

/* A title typed in an annex that has none goes under its heading, as it
 * prints; a principle given a title shows its dash. */
static void
test_annex_title (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *annex;
  DraftingNode *principle;
  DraftingElementRow *row;
  g_autofree char *shown = NULL;
  g_autoptr(DraftingNode) untitled = drafting_node_new_with_text (DRAFTING_KIND_PRINCIPLE, NULL, "");
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"));
  annex = drafting_test_find (fixture.document, DRAFTING_KIND_ANNEX, 0);
  drafting_document_view_focus_node (fixture.view, annex, -1, 0);
  row = wait_for_focus (&fixture, annex);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "ANNEX");

  type (row, "Principles");
  g_clear_pointer (&shown, g_free);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "ANNEX\nPrinciples");
  g_assert_cmpstr (drafting_inline_get_text (drafting_node_get_content (annex)), ==, "Principles");
  assert_printed (fixture.document, "ANNEX\nPrinciples");

  drafting_document_insert (fixture.document, annex, 0, untitled, &error);
  g_assert_no_error (error);
  principle = untitled;
  drafting_gui_test_wait_frames (fixture.window, 3);
  drafting_document_view_focus_node (fixture.view, principle, 0, 0);
  row = wait_for_focus (&fixture, principle);
  label = drafting_gui_test_find_of_type (GTK_WIDGET (row), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "PRINCIPLE I");
  type (row, "Partnerships");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "PRINCIPLE I –");
  assert_printed (fixture.document, "PRINCIPLE I – Partnerships");

  fixture_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);
  drafting_gui_test_load_style ();

  g_test_add_func ("/screen-print/same/resolution", test_same_resolution);
  g_test_add_func ("/screen-print/same/communique", test_same_communique);
  g_test_add_func ("/screen-print/annex-bullets-principle", test_annex_bullets_principle);
  g_test_add_func ("/screen-print/annex-title", test_annex_title);
  g_test_add_func ("/screen-print/lead/space", test_space_after_lead);
  g_test_add_func ("/screen-print/lead/text", test_text_after_lead);
  g_test_add_func ("/screen-print/lead/french-colon", test_french_colon);

  return g_test_run ();
}
