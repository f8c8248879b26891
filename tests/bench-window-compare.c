/* bench-window-compare.c: the window comparing two versions of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <gtk/gtk.h>

#include "bench-window-compare.h"
#include "drafting-bench-utils.h"
#include "drafting-compare-window.h"
#include "drafting-gui-test-utils.h"

/* Comparing: the Draft with the present text in its window, the longest
 * gap between frames from opening it until the comparison is shown and
 * its rows made; and again after a paragraph is changed, which the
 * window compares again once the changes pause. */
typedef struct
{
  gint64 last;
  gint64 worst;
} Gaps;

static gboolean
on_compare_tick (GtkWidget     *widget G_GNUC_UNUSED,
                 GdkFrameClock *clock G_GNUC_UNUSED,
                 gpointer       data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  if (gaps->last != 0 && now - gaps->last > gaps->worst)
    gaps->worst = now - gaps->last;
  gaps->last = now;

  return G_SOURCE_CONTINUE;
}

static void
wait_for_comparison (DraftingCompareWindow *window,
                     DraftingComparison    *previous)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (drafting_compare_window_get_comparison (window) == previous && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (drafting_compare_window_get_comparison (window) == previous)
    {
      g_printerr ("bench-window: no comparison after a minute\n");
      exit (1);
    }
}

/**
 * bench_window_measure_compare:
 * @document: the document of the window measured
 * @paragraph: one of its paragraphs, to change while compared
 *
 * Reports "compare_open_us", "compare_open_gap_us" and
 * "compare_edit_gap_us".
 */
void
bench_window_measure_compare (DraftingDocument *document,
                              DraftingNode     *paragraph)
{
  g_autoptr(GError) error = NULL;
  Gaps gaps = { 0, 0 };
  DraftingCompareWindow *window;
  gint64 start;

  if (!drafting_document_revise (document, "Draft", &error))
    drafting_bench_fail ("issuing the Draft", error);

  start = g_get_monotonic_time ();
  window = DRAFTING_COMPARE_WINDOW (drafting_compare_window_new (document));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 720);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), on_compare_tick, &gaps, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_comparison (window, NULL);
  drafting_bench_report_int ("compare_open_us", g_get_monotonic_time () - start);
  drafting_gui_test_wait_frames (GTK_WIDGET (window), 30);
  drafting_bench_report_int ("compare_open_gap_us", gaps.worst);

  gaps.worst = 0;
  drafting_document_set_text (document, paragraph, "A paragraph changed while the comparison is shown.");
  wait_for_comparison (window, drafting_compare_window_get_comparison (window));
  drafting_gui_test_wait_frames (GTK_WIDGET (window), 30);
  drafting_bench_report_int ("compare_edit_gap_us", gaps.worst);
  if (drafting_comparison_count (drafting_compare_window_get_comparison (window), DRAFTING_ELEMENT_CHANGED) != 1)
    {
      g_printerr ("bench-window: the comparison does not find the paragraph changed\n");
      exit (1);
    }

  drafting_document_undo (document);
  gtk_window_destroy (GTK_WINDOW (window));
}
