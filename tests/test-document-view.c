/* test-document-view.c: the document as the window shows it, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-gui-test-utils.h"
#include "drafting-test-utils.h"

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
              DraftingDocument *document,
              int               width,
              int               height)
{
  fixture->document = document;
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);

  fixture->view = DRAFTING_DOCUMENT_VIEW (drafting_document_view_new ());
  drafting_document_view_set_document (fixture->view, document);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));

  fixture->scroller = GTK_SCROLLED_WINDOW (drafting_gui_test_find_of_type (GTK_WIDGET (fixture->view),
                                                                           GTK_TYPE_SCROLLED_WINDOW));
  fixture->list_view = drafting_gui_test_find_of_type (GTK_WIDGET (fixture->view), DRAFTING_TYPE_LAZY_LIST);
  g_assert_nonnull (fixture->scroller);
  g_assert_nonnull (fixture->list_view);

  drafting_gui_test_present (fixture->window);

  /* A long document's rows are made a few at a frame as it opens. */
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

static DraftingElementRow *
row_of (Fixture      *fixture,
        DraftingNode *node)
{
  return drafting_gui_test_row_of (fixture->list_view, node);
}

/* Waits, a frame at a time, for @node's row to be on screen with the
 * keyboard focus, as the view puts it there after scrolling. */
static DraftingElementRow *
wait_for_focus (Fixture      *fixture,
                DraftingNode *node)
{
  for (guint i = 0; i < 300; i++)
    {
      DraftingElementRow *row = row_of (fixture, node);

      if (row != NULL && drafting_element_row_get_cursor (row, NULL, NULL))
        return row;
      drafting_gui_test_wait_frames (fixture->window, 1);
    }

  g_assert_not_reached ();
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

/* ------------------------------------------------------------------ */
/* Heights                                                             */

/* The rows on screen, each checked to be as tall as the text view's own
 * layout of its text: the height the list is told, for the width it
 * gives, before the text view has laid anything out. Returns how many
 * were checked. */
static guint
check_rows_on_screen (Fixture *fixture,
                      guint   *n_mapped)
{
  GtkWidgetClass *text_view_class = g_type_class_peek (GTK_TYPE_TEXT_VIEW);
  guint checked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (fixture->list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = child;
      GtkWidget *text_view;
      int width;
      int laid_out;
      int told;
      int unused;

      if (!DRAFTING_IS_ELEMENT_ROW (row) || !gtk_widget_get_mapped (child))
        continue;

      text_view = GTK_WIDGET (drafting_element_row_get_text_view (DRAFTING_ELEMENT_ROW (row)));
      width = gtk_widget_get_width (text_view);
      text_view_class->measure (text_view, GTK_ORIENTATION_VERTICAL, width, &unused, &laid_out, NULL, NULL);
      gtk_widget_measure (text_view, GTK_ORIENTATION_VERTICAL, width, &unused, &told, NULL, NULL);

      if (laid_out != told)
        {
          g_autofree char *text = row_text (DRAFTING_ELEMENT_ROW (row));

          g_test_message ("%d px wide: laid out %d px, told %d px: “%s”", width, laid_out, told, text);
        }
      g_assert_cmpint (told, ==, laid_out);
      g_assert_cmpint (gtk_widget_get_height (text_view), ==, told);
      checked++;
    }

  *n_mapped += checked;

  return checked;
}

/* Scrolls through the whole document a screen at a time, checking the
 * rows on screen at each step. */
static void
check_heights (const char *example,
               int         width)
{
  Fixture fixture = { NULL, };
  GtkAdjustment *vadjustment;
  guint n_checked = 0;
  guint n_steps = 0;

  fixture_open (&fixture, drafting_test_load_example (example), width, 700);
  vadjustment = gtk_scrolled_window_get_vadjustment (fixture.scroller);

  for (;;)
    {
      double value = gtk_adjustment_get_value (vadjustment);

      drafting_gui_test_wait_frames (fixture.window, 3);
      g_assert_cmpuint (check_rows_on_screen (&fixture, &n_checked), >, 0);
      n_steps++;

      if (value + gtk_adjustment_get_page_size (vadjustment) >= gtk_adjustment_get_upper (vadjustment) - 1)
        break;
      gtk_adjustment_set_value (vadjustment, value + gtk_adjustment_get_page_size (vadjustment) * 0.8);
      g_assert_cmpuint (n_steps, <, 200);
    }

  g_test_message ("%s at %d px: %u rows checked in %u screens", example, width, n_checked, n_steps);
  g_assert_cmpuint (n_steps, >, 2);

  fixture_close (&fixture);
}

static void
test_heights_resolution (void)
{
  check_heights ("ecommerce-resolution.wcodraft", 1100);
  check_heights ("ecommerce-resolution.wcodraft", 640);
}

static void
test_heights_communique (void)
{
  check_heights ("ecommerce-communique.wcodraft", 1100);
  check_heights ("ecommerce-communique.wcodraft", 640);
}

/* A long document's scrollbar is to the scale of the document: the list
 * estimates the rows it has not built from those it has, which must be as
 * tall as their text, however far out of sight. */
static void
test_scroll_range (void)
{
  static const char * const texts[] = {
    "Decides to review the implementation of this Resolution;",
    "Invites Members to share their experience in applying the principles set out in the Annex, "
    "in particular as regards advance electronic data and risk management, with the Secretariat;",
    "Requests the Secretariat to report to the Policy Commission on the progress made, on the "
    "difficulties encountered by Members and by the private sector, and on the assistance that "
    "may be needed, so that the Council may consider what further action to take at its next session;",
  };
  const guint n = 2000;
  Fixture fixture = { NULL, };
  g_autoptr(DraftingDocument) document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  DraftingNode *root = drafting_document_get_root (document);
  GtkAdjustment *vadjustment;
  double row_height;
  double upper;
  guint first_in_sight = G_MAXUINT;
  guint n_mapped = 0;
  int mapped_height = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                                                                        texts[i % G_N_ELEMENTS (texts)]);

      drafting_document_insert (document, root, drafting_node_get_n_children (root), paragraph, NULL);
    }

  fixture_open (&fixture, g_object_ref (document), 1000, 700);
  vadjustment = gtk_scrolled_window_get_vadjustment (fixture.scroller);

  for (GtkWidget *child = gtk_widget_get_first_child (fixture.list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      {
        mapped_height += gtk_widget_get_height (child);
        n_mapped++;
      }
  g_assert_cmpuint (n_mapped, >, 3);

  row_height = (double) mapped_height / n_mapped;
  upper = gtk_adjustment_get_upper (vadjustment);
  g_test_message ("rows on screen %.1f px high; the list %.0f px for %u rows (%.1f px a row)",
                  row_height, upper, g_list_model_get_n_items (G_LIST_MODEL (document)),
                  upper / g_list_model_get_n_items (G_LIST_MODEL (document)));
  g_assert_cmpfloat (upper, >, n * row_height / 2);
  g_assert_cmpfloat (upper, <, n * row_height * 2);

  /* The middle of the scrollbar is the middle of the document. */
  gtk_adjustment_set_value (vadjustment, (upper - gtk_adjustment_get_page_size (vadjustment)) / 2);
  drafting_gui_test_wait_frames (fixture.window, 3);

  for (GtkWidget *child = gtk_widget_get_first_child (fixture.list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = child;
      graphene_rect_t bounds;

      /* On screen: the row with the focus is kept wherever it is. */
      if (DRAFTING_IS_ELEMENT_ROW (row) && gtk_widget_get_mapped (child) &&
          gtk_widget_compute_bounds (child, fixture.list_view, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 &&
          bounds.origin.y < gtk_widget_get_height (fixture.list_view))
        first_in_sight = MIN (first_in_sight,
                              drafting_document_get_position (document,
                                                              drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row))));
    }
  g_test_message ("half way down the scrollbar: element %u of %u", first_in_sight,
                  g_list_model_get_n_items (G_LIST_MODEL (document)));
  g_assert_cmpuint (first_in_sight, >, n * 35 / 100);
  g_assert_cmpuint (first_in_sight, <, n * 65 / 100);

  fixture_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* The cursor                                                          */

/* Focus that comes without a place finds the cursor at the start of the
 * text, after the leading phrase; a place given is kept. */
static void
test_focus_start (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *first;
  DraftingNode *second;
  DraftingElementRow *row;
  DraftingElementRow *other;
  guint offset = G_MAXUINT;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"), 1000, 900);
  first = drafting_test_find (fixture.document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  second = drafting_test_find (fixture.document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  row = row_of (&fixture, first);
  other = row_of (&fixture, second);
  g_assert_nonnull (row);
  g_assert_nonnull (other);
  g_assert_cmpstr (drafting_node_get_lead (first), !=, "");

  gtk_widget_grab_focus (GTK_WIDGET (drafting_element_row_get_text_view (row)));
  drafting_gui_test_iterate ();
  g_assert_true (drafting_element_row_get_cursor (row, &offset, NULL));
  g_assert_cmpuint (offset, ==, 0);

  /* From another row, to a place in this one. */
  drafting_element_row_place_cursor (other, 3, 0, -1);
  drafting_gui_test_iterate ();
  g_assert_true (drafting_element_row_get_cursor (other, &offset, NULL));
  g_assert_cmpuint (offset, ==, 3);

  drafting_element_row_place_cursor (row, 7, 0, -1);
  drafting_gui_test_iterate ();
  g_assert_true (drafting_element_row_get_cursor (row, &offset, NULL));
  g_assert_cmpuint (offset, ==, 7);

  /* The row keeps its place when the focus comes back to it. */
  gtk_widget_grab_focus (GTK_WIDGET (drafting_element_row_get_text_view (other)));
  gtk_widget_grab_focus (GTK_WIDGET (drafting_element_row_get_text_view (row)));
  drafting_gui_test_iterate ();
  g_assert_true (drafting_element_row_get_cursor (row, &offset, NULL));
  g_assert_cmpuint (offset, ==, 7);

  fixture_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* Changes above                                                       */

/* Every row built shows what a row made afresh for its element shows:
 * its text, and its number. */
static guint
check_rows_current (Fixture *fixture)
{
  GtkWidget *fresh = g_object_ref_sink (drafting_element_row_new ());
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (fixture->list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = child;
      DraftingNode *node;
      g_autofree char *shown = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *label = NULL;
      GtkLabel *number;

      if (!DRAFTING_IS_ELEMENT_ROW (row) ||
          (node = drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row))) == NULL)
        continue;

      drafting_element_row_bind (DRAFTING_ELEMENT_ROW (fresh), node);
      shown = row_text (DRAFTING_ELEMENT_ROW (row));
      expected = row_text (DRAFTING_ELEMENT_ROW (fresh));
      drafting_element_row_unbind (DRAFTING_ELEMENT_ROW (fresh));
      g_assert_cmpstr (shown, ==, expected);

      number = GTK_LABEL (drafting_gui_test_find_of_type (row, GTK_TYPE_LABEL));
      label = drafting_render_label (node);
      g_assert_true (g_str_has_prefix (gtk_label_get_label (number), label));
      n++;
    }

  g_object_unref (fresh);

  return n;
}

/* An element inserted above the rows on screen renumbers them, and the
 * cursor stays where it was in the text. */
static void
test_insert_above (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *root;
  DraftingNode *first;
  DraftingNode *second;
  g_autoptr(DraftingNode) inserted = NULL;
  g_autofree char *heading = NULL;
  DraftingElementRow *row;
  guint offset = 0;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"), 1000, 900);
  root = drafting_document_get_root (fixture.document);
  first = drafting_test_find (fixture.document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  second = drafting_test_find (fixture.document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);

  drafting_document_view_focus_node (fixture.view, second, 5, 0);
  row = wait_for_focus (&fixture, second);
  g_assert_true (drafting_element_row_get_cursor (row, &offset, NULL));
  g_assert_cmpuint (offset, ==, 5);
  g_assert_cmpuint (check_rows_current (&fixture), >, 20);

  inserted = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "Decides to review;");
  drafting_document_insert (fixture.document, root, drafting_node_get_index (first), inserted, NULL);
  drafting_gui_test_wait_frames (fixture.window, 3);

  g_assert_cmpuint (check_rows_current (&fixture), >, 20);
  row = row_of (&fixture, second);
  g_assert_nonnull (row);
  g_assert_true (drafting_element_row_get_cursor (row, &offset, NULL));
  g_assert_cmpuint (offset, ==, 5);

  /* The status, shown before the first heading line, is the document's. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (fixture.scroller), 0);
  drafting_document_set_status (fixture.document, DRAFTING_STATUS_ADOPTED);
  drafting_gui_test_wait_frames (fixture.window, 3);
  /* The cursor's row, laid out again, is kept in sight: back to the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (fixture.scroller), 0);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_cmpuint (check_rows_current (&fixture), >, 20);
  heading = row_text (row_of (&fixture, drafting_test_find (fixture.document, DRAFTING_KIND_HEADING, 0)));
  g_assert_false (g_str_has_prefix (heading, "DRAFT"));

  drafting_document_undo (fixture.document);
  drafting_gui_test_wait_frames (fixture.window, 3);
  /* Undoing puts the cursor back in the paragraph, further down. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (fixture.scroller), 0);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_clear_pointer (&heading, g_free);
  heading = row_text (row_of (&fixture, drafting_test_find (fixture.document, DRAFTING_KIND_HEADING, 0)));
  g_assert_true (g_str_has_prefix (heading, "DRAFT "));

  /* The status goes before whichever heading line is first. */
  g_clear_object (&inserted);
  inserted = drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL, "World Customs Organization");
  drafting_document_insert (fixture.document, root, 0, inserted, NULL);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_cmpuint (check_rows_current (&fixture), >, 20);
  g_clear_pointer (&heading, g_free);
  heading = row_text (row_of (&fixture, drafting_test_find (fixture.document, DRAFTING_KIND_HEADING, 1)));
  g_assert_false (g_str_has_prefix (heading, "DRAFT"));

  /* All undone, all is as it was. */
  drafting_document_undo (fixture.document);
  drafting_document_undo (fixture.document);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_cmpuint (check_rows_current (&fixture), >, 20);
  g_assert_false (drafting_document_can_undo (fixture.document));

  fixture_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* The sheet's margins                                                 */

static gboolean
row_has_class (Fixture      *fixture,
               DraftingNode *node,
               const char   *css_class)
{
  DraftingElementRow *row = row_of (fixture, node);

  g_assert_nonnull (row);

  return gtk_widget_has_css_class (GTK_WIDGET (row), css_class);
}

/* The space above the first element and below the last is the rows', and
 * goes to whichever element is first or last: the list has no padding of
 * its own, which would stay where it is, over the rows scrolled under it. */
static void
test_sheet_margins (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(DraftingNode) first = NULL;
  g_autoptr(DraftingNode) last = NULL;
  g_autoptr(DraftingNode) above = NULL;
  g_autoptr(DraftingNode) below = NULL;
  g_autoptr(GError) error = NULL;
  GtkBorder padding;
  guint n;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"), 1000, 900);
  n = g_list_model_get_n_items (G_LIST_MODEL (fixture.document));
  first = g_list_model_get_item (G_LIST_MODEL (fixture.document), 0);
  last = g_list_model_get_item (G_LIST_MODEL (fixture.document), n - 1);

  gtk_style_context_get_padding (gtk_widget_get_style_context (fixture.list_view), &padding);
  g_assert_cmpint (padding.top, ==, 0);
  g_assert_cmpint (padding.bottom, ==, 0);

  g_assert_true (row_has_class (&fixture, first, "first"));
  g_assert_false (row_has_class (&fixture, first, "last"));

  /* A heading line put above the first takes its margin, and undo gives
   * it back. */
  above = drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL, "World Customs Organization");
  g_assert_true (drafting_document_insert (fixture.document, drafting_document_get_root (fixture.document),
                                           0, above, &error));
  g_assert_no_error (error);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_true (row_has_class (&fixture, above, "first"));
  g_assert_false (row_has_class (&fixture, first, "first"));
  drafting_document_undo (fixture.document);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_true (row_has_class (&fixture, first, "first"));

  /* The same at the end of the document. */
  drafting_document_view_focus_node (fixture.view, last, 0, 0);
  wait_for_focus (&fixture, last);
  g_assert_true (row_has_class (&fixture, last, "last"));
  g_assert_false (row_has_class (&fixture, last, "first"));

  below = drafting_node_new_with_text (drafting_node_get_kind (last), NULL, "Review the Guidelines.");
  g_assert_true (drafting_document_insert (fixture.document, drafting_node_get_parent (last),
                                           drafting_node_get_index (last) + 1, below, &error));
  g_assert_no_error (error);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_true (row_has_class (&fixture, below, "last"));
  g_assert_false (row_has_class (&fixture, last, "last"));
  drafting_document_undo (fixture.document);
  drafting_gui_test_wait_frames (fixture.window, 3);
  g_assert_true (row_has_class (&fixture, last, "last"));
  g_assert_false (drafting_document_can_undo (fixture.document));

  fixture_close (&fixture);
}

/* ------------------------------------------------------------------ */
/* Footnote calls                                                      */

/* A footnote added before another renumbers the other's call where it is
 * shown, and undo puts it back. */
static void
test_footnote_calls (void)
{
  Fixture fixture = { NULL, };
  DraftingNode *before;
  DraftingNode *calling;
  DraftingElementRow *row;
  g_autofree char *text = NULL;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-communique.wcodraft"), 1000, 900);
  before = drafting_test_find (fixture.document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 0);
  calling = drafting_test_find (fixture.document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);
  row = row_of (&fixture, calling);
  g_assert_nonnull (row);

  text = row_text (row);
  g_assert_nonnull (strstr (text, "(WCO)¹ established"));
  g_clear_pointer (&text, g_free);

  drafting_document_add_footnote (fixture.document, before, 10, "A note added before.");
  drafting_gui_test_wait_frames (fixture.window, 2);
  text = row_text (row);
  g_assert_nonnull (strstr (text, "(WCO)² established"));
  g_clear_pointer (&text, g_free);

  text = row_text (row_of (&fixture, before));
  g_assert_nonnull (strstr (text, "The growin¹g"));
  g_clear_pointer (&text, g_free);

  drafting_document_undo (fixture.document);
  drafting_gui_test_wait_frames (fixture.window, 2);
  text = row_text (row);
  g_assert_nonnull (strstr (text, "(WCO)¹ established"));

  fixture_close (&fixture);
}

/* With changes marked: the words an amendment inserts and deletes in its
 * element's row, its delegation named to screen readers, and what the
 * row shows before the text ("DRAFT ") once. */
static void
count_change (guint *count)
{
  (*count)++;
}

static void
test_marked (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE, "France");
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  DraftingNode *clause;
  DraftingNode *title;
  DraftingElementRow *row;

  fixture_open (&fixture, drafting_test_load_example ("ecommerce-resolution.wcodraft"), 1000, 900);
  g_assert_cmpint (drafting_document_get_status (fixture.document), ==, DRAFTING_STATUS_DRAFT);
  title = drafting_test_find (fixture.document, DRAFTING_KIND_HEADING, 0);
  clause = drafting_test_find (fixture.document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  content = drafting_inline_new ("that the digital transformation of the economy is a key driver of trade,");
  drafting_amendment_set_target (amendment, drafting_node_get_id (clause), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_wording (amendment, drafting_node_get_lead (clause), content);
  g_assert_true (drafting_document_propose (fixture.document, amendment, &error));
  g_assert_no_error (error);

  drafting_document_view_set_tracking (fixture.view, drafting_tracking_new (fixture.document, NULL));
  drafting_gui_test_wait_frames (fixture.window, 2);

  heading = row_text (row_of (&fixture, title));
  g_assert_cmpstr (heading, ==, "DRAFT RESOLUTION OF THE POLICY COMMISSION");

  row = row_of (&fixture, clause);
  text = row_text (row);
  /* The words deleted, then those inserted, before the comma both keep. */
  g_assert_cmpstr (text, ==, "ACKNOWLEDGING that the digital transformation of the economy is "
                             "one of the key drivers in the global trade environment"
                             "a key driver of trade,");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drafting_element_row_get_text_view (row)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Changes proposed by France");

  /* A decision, and the marks made again: the rows whose marks are the
   * same keep their text as it was; the clause shows the wording accepted,
   * and its marks again once undone. */
  {
    GtkTextBuffer *title_buffer = gtk_text_view_get_buffer (drafting_element_row_get_text_view (row_of (&fixture, title)));
    guint title_changes = 0;
    gulong handler = g_signal_connect_swapped (title_buffer, "changed", G_CALLBACK (count_change),
                                               &title_changes);

    g_assert_true (drafting_document_accept_amendment (fixture.document, amendment, &error));
    g_assert_no_error (error);
    drafting_document_view_set_tracking (fixture.view, drafting_tracking_new (fixture.document, NULL));
    drafting_gui_test_wait_frames (fixture.window, 2);
    g_clear_pointer (&text, g_free);
    text = row_text (row_of (&fixture, clause));
    g_assert_cmpstr (text, ==, "ACKNOWLEDGING that the digital transformation of the economy is "
                               "a key driver of trade,");

    drafting_document_undo (fixture.document);
    drafting_document_view_set_tracking (fixture.view, drafting_tracking_new (fixture.document, NULL));
    drafting_gui_test_wait_frames (fixture.window, 2);
    g_clear_pointer (&text, g_free);
    text = row_text (row_of (&fixture, clause));
    g_assert_cmpstr (text, ==, "ACKNOWLEDGING that the digital transformation of the economy is "
                               "one of the key drivers in the global trade environment"
                               "a key driver of trade,");
    g_assert_cmpuint (title_changes, ==, 0);
    g_signal_handler_disconnect (title_buffer, handler);
  }

  /* Clean again: the text alone, with nobody named. */
  drafting_document_view_set_tracking (fixture.view, NULL);
  drafting_gui_test_wait_frames (fixture.window, 2);
  g_clear_pointer (&heading, g_free);
  heading = row_text (row_of (&fixture, title));
  g_assert_cmpstr (heading, ==, "DRAFT RESOLUTION OF THE POLICY COMMISSION");
  g_clear_pointer (&text, g_free);
  text = row_text (row_of (&fixture, clause));
  g_assert_cmpstr (text, ==, "ACKNOWLEDGING that the digital transformation of the economy is "
                             "one of the key drivers in the global trade environment,");

  fixture_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);
  drafting_gui_test_load_style ();

  g_test_add_func ("/document-view/heights/resolution", test_heights_resolution);
  g_test_add_func ("/document-view/heights/communique", test_heights_communique);
  g_test_add_func ("/document-view/scroll-range", test_scroll_range);
  g_test_add_func ("/document-view/focus-start", test_focus_start);
  g_test_add_func ("/document-view/insert-above", test_insert_above);
  g_test_add_func ("/document-view/sheet-margins", test_sheet_margins);
  g_test_add_func ("/document-view/footnote-calls", test_footnote_calls);
  g_test_add_func ("/document-view/marked", test_marked);

  return g_test_run ();
}
