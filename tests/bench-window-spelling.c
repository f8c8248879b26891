/* bench-window-spelling.c: the main loop while the window checks a
 * document's spelling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bench-window-spelling.h"
#include "bench-window-stalls.h"
#include "drafting-bench-utils.h"
#include "drafting-document-view.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page.h"
#include "drafting-test-utils.h"

/*
 * Checking a document of 10,000 clauses stays in the background: the page
 * checks the whole document in a worker once it is painted, and the rows
 * on screen underline what it finds. The document is opened twice in the
 * same window, each time from the file: without spelling, for comparison,
 * then with it. With it, two figures of the main loop (see
 * bench-window-stalls.c): its longest stall from the open until the rows
 * are all made, as bench-window-files measures opening, and from then
 * until every element is checked; and the time from the open until every
 * element is checked, and until the rows on screen are underlined.
 */

#define SETTLE_MS      400
#define WAIT_TIMEOUT_S 120

static void
on_result (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
view_opened (gpointer data)
{
  return !drafting_document_view_is_opening (data);
}

typedef struct
{
  DraftingDocumentView *view;
  guint                 n_elements;
  gint64                underlined_at;
} Checking;

/* Whether a row on screen has its words underlined. */
static gboolean
underlined (Checking *checking)
{
  GtkWidget *list = drafting_gui_test_find_of_type (GTK_WIDGET (checking->view), DRAFTING_TYPE_LAZY_LIST);

  g_assert (list != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = child;
      GtkTextBuffer *buffer;
      GtkTextTag *tag;
      GtkTextIter start;

      if (!DRAFTING_IS_ELEMENT_ROW (row) || !gtk_widget_get_mapped (row))
        continue;
      buffer = gtk_text_view_get_buffer (drafting_element_row_get_text_view (DRAFTING_ELEMENT_ROW (row)));
      tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelt");
      gtk_text_buffer_get_start_iter (buffer, &start);
      if (tag != NULL && (gtk_text_iter_starts_tag (&start, tag) ||
                          gtk_text_iter_forward_to_tag_toggle (&start, tag)))
        return TRUE;
    }

  return FALSE;
}

static void
note_underlined (Checking *checking)
{
  if (checking->underlined_at == 0 && underlined (checking))
    checking->underlined_at = g_get_monotonic_time ();
}

/* The rows made, as view_opened (), and the first underline noted. */
static gboolean
opened_checking (gpointer data)
{
  Checking *checking = data;

  note_underlined (checking);

  return !drafting_document_view_is_opening (checking->view);
}

static gboolean
all_checked (gpointer data)
{
  Checking *checking = data;
  DraftingSpellCache *cache = drafting_document_view_get_spell_cache (checking->view);

  note_underlined (checking);

  return cache != NULL && drafting_spell_cache_get_size (cache) >= checking->n_elements;
}

static DraftingPage *
open_page (GtkWidget          *window,
           GFile              *file,
           DraftingDraftStore *store)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DraftingPage *page;

  drafting_document_file_load_async (file, store, DRAFTING_LOAD_NONE, NULL, on_result, &result);
  bench_stalls_wait_until (have_result, &result, "opening the document");
  document_file = drafting_document_file_load_finish (result, NULL, NULL, &error);
  if (document_file == NULL)
    drafting_bench_fail ("opening the document", error);

  page = drafting_page_new_for_document_file (document_file);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));

  return page;
}

static void
close_page (GtkWidget    *window,
            DraftingPage *page)
{
  g_autoptr(GAsyncResult) result = NULL;

  drafting_page_close_async (page, on_result, &result);
  bench_stalls_wait_until (have_result, &result, "closing the page");
  drafting_page_close_finish (page, result, NULL);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Drafting"));
  bench_stalls_spin (SETTLE_MS);
}

/**
 * bench_window_spelling_run:
 *
 * bench-window --spelling SIZE FILE SPAWN_TIME: opens the document in
 * FILE without spelling and with it, reporting the longest main-loop
 * stalls and how long the whole document takes to check.
 */
int
bench_window_spelling_run (int    argc,
                           char **argv)
{
  g_autoptr(DraftingDraftStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *drafts = NULL;
  Checking checking = { NULL, 0, 0 };
  DraftingPage *page;
  GtkWidget *window;
  gint64 start;

  if (argc != 5)
    {
      g_printerr ("usage: %s --spelling SIZE FILE SPAWN_TIME\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  drafting_gui_test_load_style ();
  bench_stalls_install ();

  /* The generated text is spelt right: the file opened is a copy with a
   * word misspelt in a preamble clause on screen, for the rows to
   * underline. */
  {
    g_autoptr(GFile) original = g_file_new_for_path (argv[3]);
    g_autoptr(DraftingDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_strconcat (argv[3], ".misspelt.wcodraft", NULL);
    GListModel *model;
    guint found = 0;

    if ((document = drafting_load_file (original, NULL, NULL, &error)) == NULL)
      drafting_bench_fail ("reading the document", error);
    model = G_LIST_MODEL (document);
    for (guint i = 0; i < g_list_model_get_n_items (model) && found == 0; i++)
      {
        g_autoptr(DraftingNode) node = g_list_model_get_item (model, i);

        if (drafting_node_get_kind (node) == DRAFTING_KIND_PREAMBLE_CLAUSE)
          {
            g_autofree char *text = g_strconcat (drafting_inline_get_text (drafting_node_get_content (node)),
                                                 " recieved", NULL);

            drafting_document_set_text (document, node, text);
            found++;
          }
      }
    g_assert (found == 1);
    file = g_file_new_for_path (path);
    if (!drafting_save_file (document, file, NULL, &error))
      drafting_bench_fail ("writing the document with a word misspelt", error);
  }
  drafts = g_strconcat (argv[3], ".spelling-drafts", NULL);
  store = drafting_draft_store_new (drafts);
  settings = g_settings_new (APPLICATION_ID);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Drafting"));
  drafting_gui_test_present (window);
  bench_stalls_watch_clock (gtk_widget_get_frame_clock (window));
  bench_stalls_spin (SETTLE_MS);

  /* Without spelling, as the window opened documents before. */
  g_settings_set_boolean (settings, "check-spelling", FALSE);
  bench_stalls_begin ();
  page = open_page (window, file, store);
  checking.view = DRAFTING_DOCUMENT_VIEW (drafting_gui_test_find_of_type (GTK_WIDGET (page),
                                                                           DRAFTING_TYPE_DOCUMENT_VIEW));
  bench_stalls_wait_until (view_opened, checking.view, "making the document's rows");
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("nospell_open_stall_us");
  close_page (window, page);

  /* With spelling. */
  g_settings_set_boolean (settings, "check-spelling", TRUE);
  bench_stalls_begin ();
  start = g_get_monotonic_time ();
  page = open_page (window, file, store);
  checking.view = DRAFTING_DOCUMENT_VIEW (drafting_gui_test_find_of_type (GTK_WIDGET (page),
                                                                           DRAFTING_TYPE_DOCUMENT_VIEW));
  {
    GListModel *model = G_LIST_MODEL (drafting_page_get_document (page));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(DraftingNode) node = g_list_model_get_item (model, i);

        if (drafting_node_get_kind (node) != DRAFTING_KIND_DOCUMENT)
          checking.n_elements++;
      }
  }
  bench_stalls_wait_until (opened_checking, &checking, "making the document's rows");
  drafting_bench_report_int ("spell_open_rows_us", g_get_monotonic_time () - start);
  bench_stalls_end ("spell_open_stall_us");

  bench_stalls_begin ();
  bench_stalls_wait_until (all_checked, &checking, "checking the whole document");
  drafting_bench_report_int ("spell_checked_us", g_get_monotonic_time () - start);
  if (checking.underlined_at != 0)
    drafting_bench_report_int ("spell_underlined_us", checking.underlined_at - start);
  drafting_bench_report_int ("spell_elements", checking.n_elements);
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("spell_check_stall_us");

  close_page (window, page);
  drafting_gui_test_destroy (window);
  drafting_test_remove_tree (drafts);
  g_file_delete (file, NULL, NULL);

  return 0;
}
