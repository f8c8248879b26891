/* test-compare-window.c: revisions compared in a window: what it chooses, shows and follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-compare-window.h"
#include "drafting-gui-test-utils.h"
#include "drafting-test-utils.h"

static DraftingDocument *
new_resolution (void)
{
  return drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS_FLAT);
}

static DraftingNode *
paragraph (DraftingDocument *document,
           guint             nth)
{
  return drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, nth);
}

static void
revise (DraftingDocument *document,
        const char       *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_revise (document, label, &error));
  g_assert_no_error (error);
}

/* Draft, then Rev.1 with paragraph 1 reworded and paragraph 3 deleted. */
static DraftingDocument *
new_revised (void)
{
  DraftingDocument *document = new_resolution ();

  revise (document, "Draft");
  drafting_document_set_text (document, paragraph (document, 0),
                              "Members should simplify and speed up the clearance of relief consignments;");
  drafting_document_delete (document, paragraph (document, 2));
  revise (document, "Rev.1");

  return document;
}

/* Waits for a comparison other than @previous, made in the background,
 * to be shown. */
static DraftingComparison *
wait_for_comparison (DraftingCompareWindow *window,
                     DraftingComparison    *previous)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (drafting_compare_window_get_comparison (window) == previous &&
         g_get_monotonic_time () < deadline)
    {
      drafting_gui_test_iterate ();
      g_usleep (1000);
    }
  g_assert_true (drafting_compare_window_get_comparison (window) != previous);

  return drafting_compare_window_get_comparison (window);
}

static DraftingCompareWindow *
open_window (DraftingDocument *document)
{
  GtkWidget *window = drafting_compare_window_new (document);

  drafting_gui_test_present (window);
  return DRAFTING_COMPARE_WINDOW (window);
}

static const char *
visible_page (DraftingCompareWindow *window)
{
  GtkStack *stack = GTK_STACK (drafting_gui_test_find_named (GTK_WIDGET (window), "comparison"));

  return gtk_stack_get_visible_child_name (stack);
}

static const char *
summary (DraftingCompareWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (drafting_gui_test_find_named (GTK_WIDGET (window), "summary")));
}

static GtkListView *
list_view (DraftingCompareWindow *window)
{
  GtkWidget *view = drafting_gui_test_find_named (GTK_WIDGET (window), "differences");

  g_assert_true (GTK_IS_LIST_VIEW (view));
  return GTK_LIST_VIEW (view);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (labels, child);
      collect_labels (child, labels);
    }
}

/* The row on screen whose text has @words. */
static GtkLabel *
row_with (DraftingCompareWindow *window,
          const char            *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  drafting_gui_test_wait_frames (GTK_WIDGET (window), 2);
  collect_labels (GTK_WIDGET (list_view (window)), labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), words) != NULL)
      return labels->pdata[i];

  g_assert_not_reached ();
}

/* Whether @words, in @window's row that has them, are underlined (or
 * struck through). */
static gboolean
marked_at (DraftingCompareWindow *window,
           const char            *words,
           PangoAttrType          type)
{
  GtkLabel *label = row_with (window, words);
  const char *text = gtk_label_get_text (label);
  int index = strstr (text, words) - text;
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iter = NULL;

  if (attributes == NULL)
    return FALSE;

  iter = pango_attr_list_get_iterator (attributes);
  do
    {
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if (start <= index && index < end)
        {
          PangoAttrInt *attribute = (PangoAttrInt *) pango_attr_iterator_get (iter, type);

          return attribute != NULL && attribute->value != 0;
        }
    }
  while (pango_attr_iterator_next (iter));

  return FALSE;
}

static guint
selected (DraftingCompareWindow *window)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (window))));
}

/* A document with no revision yet says so, and has no change to go to. */
static void
test_none (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingCompareWindow *window = open_window (document);

  g_assert_cmpstr (visible_page (window), ==, "none");
  g_assert_null (drafting_compare_window_get_comparison (window));
  g_assert_false (gtk_widget_get_sensitive (drafting_gui_test_find_named (GTK_WIDGET (window), "next-change")));
  g_assert_false (gtk_widget_get_sensitive (drafting_gui_test_find_named (GTK_WIDGET (window), "previous-change")));

  drafting_gui_test_destroy (GTK_WIDGET (window));
}

/* The last two revisions, compared: the words each side has marked in
 * the text, the elements counted above it. */
static void
test_last_two (void)
{
  g_autoptr(DraftingDocument) document = new_revised ();
  DraftingCompareWindow *window = open_window (document);
  DraftingComparison *comparison = wait_for_comparison (window, NULL);
  g_autofree char *from = drafting_compare_window_dup_from (window);
  g_autofree char *to = drafting_compare_window_dup_to (window);

  g_assert_cmpstr (from, ==, "Draft");
  g_assert_cmpstr (to, ==, "Rev.1");
  g_assert_cmpstr (visible_page (window), ==, "text");
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_CHANGED), ==, 1);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_DELETED), ==, 1);
  g_assert_cmpstr (summary (window), ==, "1 changed, 1 deleted");

  /* An element a row, both sides' words in it, marked. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view (window)))), ==,
                    drafting_comparison_get_n_entries (comparison));
  g_assert_true (marked_at (window, "and speed up ", PANGO_ATTR_UNDERLINE));
  g_assert_false (marked_at (window, "and speed up ", PANGO_ATTR_STRIKETHROUGH));
  g_assert_true (marked_at (window, "The Secretariat should report", PANGO_ATTR_STRIKETHROUGH));
  g_assert_false (marked_at (window, "Members should share", PANGO_ATTR_UNDERLINE));
  g_assert_false (marked_at (window, "Members should share", PANGO_ATTR_STRIKETHROUGH));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_with (window, "The Secretariat should report")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Deleted");

  drafting_gui_test_destroy (GTK_WIDGET (window));
}

/* Going from change to change: down to the reworded paragraph, then the
 * deleted one, then no further; and back up. */
static void
test_next_change (void)
{
  g_autoptr(DraftingDocument) document = new_revised ();
  DraftingCompareWindow *window = open_window (document);
  DraftingComparison *comparison = wait_for_comparison (window, NULL);
  const DraftingComparisonEntry *entry;

  g_assert_true (gtk_widget_get_sensitive (drafting_gui_test_find_named (GTK_WIDGET (window), "next-change")));
  g_assert_cmpuint (selected (window), ==, GTK_INVALID_LIST_POSITION);

  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  entry = drafting_comparison_get_entry (comparison, selected (window));
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_CHANGED);
  g_assert_nonnull (strstr (drafting_marked_text_get_text (drafting_comparison_get_text (comparison)) + entry->start,
                            "Members should simplify"));

  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  entry = drafting_comparison_get_entry (comparison, selected (window));
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_DELETED);

  /* No change further down: it stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  g_assert_cmpint (drafting_comparison_get_entry (comparison, selected (window))->change, ==,
                   DRAFTING_ELEMENT_DELETED);

  gtk_widget_activate_action (GTK_WIDGET (window), "compare.previous-change", NULL);
  g_assert_cmpint (drafting_comparison_get_entry (comparison, selected (window))->change, ==,
                   DRAFTING_ELEMENT_CHANGED);

  drafting_gui_test_destroy (GTK_WIDGET (window));
}

/* The only revision against the present text, which the window follows
 * as it is edited. */
static void
test_present (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingCompareWindow *window;
  g_autofree char *to = NULL;

  revise (document, "Draft");
  window = open_window (document);
  wait_for_comparison (window, NULL);
  to = drafting_compare_window_dup_to (window);
  g_assert_cmpstr (to, ==, "present");
  g_assert_cmpstr (visible_page (window), ==, "same");
  g_assert_cmpstr (summary (window), ==, "No differences");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_visible_child (
                     GTK_STACK (drafting_gui_test_find_named (GTK_WIDGET (window), "comparison"))))),
                   ==, "No word differs between Draft and the present text.");

  drafting_document_set_text (document, paragraph (document, 1),
                              "Members should share risk information with other border agencies;");
  wait_for_comparison (window, drafting_compare_window_get_comparison (window));
  g_assert_cmpstr (visible_page (window), ==, "text");
  g_assert_cmpstr (summary (window), ==, "1 changed");
  g_assert_true (marked_at (window, "risk ", PANGO_ATTR_UNDERLINE));

  /* Undone, the text is the revision's again. */
  drafting_document_undo (document);
  wait_for_comparison (window, drafting_compare_window_get_comparison (window));
  g_assert_cmpstr (visible_page (window), ==, "same");

  drafting_gui_test_destroy (GTK_WIDGET (window));
}

/* A revision issued or taken back by undo: the choices follow, each
 * keeping what it chose where it still can. */
static void
test_revisions_change (void)
{
  g_autoptr(DraftingDocument) document = new_revised ();
  DraftingCompareWindow *window = open_window (document);
  GtkDropDown *to_dropdown;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *again = NULL;

  wait_for_comparison (window, NULL);
  to_dropdown = GTK_DROP_DOWN (drafting_gui_test_find_named (GTK_WIDGET (window), "to"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (to_dropdown)), ==, 3);

  /* Rev.1 taken back: Draft against the present text. */
  drafting_document_undo (document);
  wait_for_comparison (window, drafting_compare_window_get_comparison (window));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (to_dropdown)), ==, 2);
  from = drafting_compare_window_dup_from (window);
  to = drafting_compare_window_dup_to (window);
  g_assert_cmpstr (from, ==, "Draft");
  g_assert_cmpstr (to, ==, "present");
  g_assert_cmpstr (summary (window), ==, "1 changed, 1 deleted");

  /* Issued again: the choice stays the present text. */
  drafting_document_redo (document);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (to_dropdown)), ==, 3);
  again = drafting_compare_window_dup_to (window);
  g_assert_cmpstr (again, ==, "present");

  /* Chosen by name. */
  drafting_compare_window_set_versions (window, "Rev.1", "present");
  wait_for_comparison (window, drafting_compare_window_get_comparison (window));
  g_assert_cmpstr (visible_page (window), ==, "same");
  g_assert_cmpuint (gtk_drop_down_get_selected (to_dropdown), ==, 2);

  drafting_gui_test_destroy (GTK_WIDGET (window));
}

/* The window goes before its document, and a comparison still being made
 * when it closes is dropped. */
static void
test_closed_while_comparing (void)
{
  g_autoptr(DraftingDocument) document = new_revised ();
  GtkWidget *window = drafting_compare_window_new (document);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    {
      drafting_gui_test_iterate ();
      g_usleep (1000);
    }
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);

  g_test_add_func ("/compare-window/none", test_none);
  g_test_add_func ("/compare-window/last-two", test_last_two);
  g_test_add_func ("/compare-window/next-change", test_next_change);
  g_test_add_func ("/compare-window/present", test_present);
  g_test_add_func ("/compare-window/revisions-change", test_revisions_change);
  g_test_add_func ("/compare-window/closed-while-comparing", test_closed_while_comparing);

  return g_test_run ();
}
