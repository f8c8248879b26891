/* bench-window-amendments.c: the window with thousands of amendments:
 * the marked text, the panel's filters, a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bench-window-amendments.h"
#include "bench-window-stalls.h"
#include "drafting-amendments-panel.h"
#include "drafting-bench-utils.h"
#include "drafting-document-view.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page.h"

/*
 * A committee session brings thousands of amendments to a resolution: one
 * for every two clauses here (500 for 1,000 clauses, 5,000 for 10,000),
 * each of a few words, proposed by one of 28 Members with up to
 * two co-sponsors, a few of them already decided. With them in the
 * document, the window must go on drawing and taking keys while a person
 *
 *  - shows the panel of amendments;
 *  - shows the text with the changes marked;
 *  - types a search in the panel, a letter at a time, and takes it back;
 *  - shows the amendments of one delegation, then of all; those of one
 *    status, then of all;
 *  - accepts an amendment to a paragraph on screen, and undoes it.
 *
 * For each, the longest main-loop stall (bench-window-stalls.c) from the
 * action until the frames after it are painted.
 */

#define SETTLE_MS    400     /* frames after the work is done */
#define TYPING_MS    150     /* between the letters of a search */
#define N_ACCEPTS    5

static const char search_typed[] = "customs";

/* ------------------------------------------------------------------ */
/* The amendments                                                      */

/* The first amendment still proposed to an element in @view's sight. */
static DraftingAmendment *
proposed_in_sight (DraftingDocument *document,
                   GtkWidget        *view)
{
  GtkWidget *list_view = drafting_gui_test_find_of_type (view, DRAFTING_TYPE_LAZY_LIST);
  GListModel *amendments = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (amendments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      DraftingNode *node;
      DraftingElementRow *row;
      graphene_point_t point;

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
        continue;
      node = drafting_document_lookup (document, drafting_amendment_get_target (amendment));
      if (node == NULL || (row = drafting_gui_test_row_of (list_view, node)) == NULL)
        continue;
      if (gtk_widget_get_mapped (GTK_WIDGET (row)) &&
          gtk_widget_compute_point (GTK_WIDGET (row), view, &GRAPHENE_POINT_INIT (0, 0), &point) &&
          point.y >= 0 && point.y < gtk_widget_get_height (view))
        return g_steal_pointer (&amendment);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The panel                                                           */

static GtkWidget *
panel_part (GtkWidget  *panel,
            const char *name)
{
  GtkWidget *widget = drafting_gui_test_find_named (panel, name);

  if (widget == NULL)
    drafting_bench_fail (name, NULL);
  return widget;
}

static gboolean
panel_settled (gpointer data)
{
  GtkWidget *list = drafting_gui_test_find_named (data, "amendments-list");
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  /* The filter done, and the rows the list makes made. */
  return model != NULL && gtk_widget_get_first_child (list) != NULL;
}

static void
search (GtkWidget  *panel,
        const char *text)
{
  GtkWidget *entry = panel_part (panel, "search-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* As the entry does after a pause in the typing. */
  g_signal_emit_by_name (entry, "search-changed");
  bench_stalls_spin (TYPING_MS);
}

static void
choose (GtkWidget  *panel,
        const char *dropdown_name,
        guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (panel_part (panel, dropdown_name)), position);
  bench_stalls_spin (SETTLE_MS);
}

/* The position of the Member proposing most in the delegation filter. */
static guint
a_delegation (GtkWidget *panel)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (panel_part (panel, "delegation-dropdown")));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    if (strcmp (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Kenya") == 0)
      return i;

  return n > 1 ? 1 : 0;
}

/**
 * bench_window_amendments_run:
 *
 * bench-window --amendments SIZE FILE SPAWN_TIME: opens the document in
 * FILE with SIZE / 2 amendments proposed to it, and reports the longest
 * main-loop stall as the panel and the marked text are shown, the panel
 * filtered and an amendment accepted.
 */
int
bench_window_amendments_run (int    argc,
                             char **argv)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DraftingPage *page;
  GtkWidget *window;
  GtkWidget *view;
  GtkWidget *panel;
  GdkFrameClock *clock;
  guint size;
  guint delegation;
  gsize typed = strlen (search_typed);

  if (argc != 5)
    {
      g_printerr ("usage: %s --amendments SIZE FILE SPAWN_TIME\n", argv[0]);
      return 2;
    }
  size = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  gtk_init ();
  adw_init ();
  drafting_gui_test_load_style ();
  bench_stalls_install ();

  file = g_file_new_for_path (argv[3]);
  document = drafting_native_load_file (file, NULL, &error);
  if (document == NULL)
    drafting_bench_fail ("loading the document", error);
  drafting_bench_propose_amendments (document, size / 2);
  drafting_bench_report_int ("amendments", size / 2);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Drafting");
  page = drafting_page_new (document, file);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  drafting_gui_test_present (window);
  clock = gtk_widget_get_frame_clock (window);
  bench_stalls_watch_clock (clock);
  view = drafting_gui_test_find_of_type (GTK_WIDGET (page), DRAFTING_TYPE_DOCUMENT_VIEW);
  panel = drafting_gui_test_find_of_type (GTK_WIDGET (page), DRAFTING_TYPE_AMENDMENTS_PANEL);
  g_assert (view != NULL && panel != NULL);
  while (drafting_document_view_is_opening (DRAFTING_DOCUMENT_VIEW (view)))
    bench_stalls_spin (50);
  bench_stalls_spin (SETTLE_MS);

  /* The panel, shown. */
  bench_stalls_begin ();
  gtk_widget_activate_action (GTK_WIDGET (page), "document.show-amendments", NULL);
  bench_stalls_wait_until (panel_settled, panel, "showing the panel");
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("panel_open_stall_us");

  /* The text with the changes marked, and clean again. */
  bench_stalls_begin ();
  gtk_widget_activate_action (GTK_WIDGET (page), "document.view-mode", "s", "marked");
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("marked_stall_us");

  /* A search typed a letter at a time, and taken back. */
  bench_stalls_begin ();
  for (gsize i = 1; i <= typed; i++)
    {
      g_autofree char *text = g_strndup (search_typed, i);

      search (panel, text);
    }
  for (gsize i = typed; i-- > 0;)
    {
      g_autofree char *text = g_strndup (search_typed, i);

      search (panel, text);
    }
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("search_stall_us");

  /* One delegation's, and all; one status's, and all. */
  delegation = a_delegation (panel);
  bench_stalls_begin ();
  choose (panel, "delegation-dropdown", delegation);
  choose (panel, "delegation-dropdown", 0);
  choose (panel, "status-dropdown", 1);
  choose (panel, "status-dropdown", 0);
  bench_stalls_end ("filter_stall_us");

  /* Decisions on screen: accepted, and undone. */
  bench_stalls_begin ();
  bench_stalls_pause ();
  for (guint i = 0; i < N_ACCEPTS; i++)
    {
      g_autoptr(DraftingAmendment) amendment = proposed_in_sight (document, view);

      if (amendment == NULL)
        drafting_bench_fail ("finding an amendment on screen", NULL);
      bench_stalls_resume ();
      if (!drafting_document_accept_amendment (document, amendment, &error))
        drafting_bench_fail ("accepting an amendment", error);
      bench_stalls_spin (SETTLE_MS);
      drafting_document_undo (document);
      bench_stalls_spin (SETTLE_MS);
      bench_stalls_pause ();
    }
  bench_stalls_end ("accept_stall_us");

  bench_stalls_unwatch_clock (clock);
  drafting_gui_test_destroy (window);

  return 0;
}
