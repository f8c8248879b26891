/* bench-window-files.c: the main loop while the window opens, saves, keeps
 * a draft of and closes a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-window-files.h"
#include "bench-window-stalls.h"
#include "drafting-bench-utils.h"
#include "drafting-document-view.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page.h"
#include "drafting-test-utils.h"

/*
 * The main loop must never wait on the disk: while a document is opened,
 * saved, kept as a draft or closed, the window goes on drawing and taking
 * keys. The longest stall of the main loop is measured (see
 * bench-window-stalls.c) from the moment the operation is asked for until
 * its work is done (on the disk too) and the frames after it are painted.
 *
 * The window has shown a page before, as a window has once it is
 * started: its first page pays for what is done once in a process
 * (shaders compiled, glyphs drawn), which belongs to the start.
 *
 * The operations are those of the window, through the same classes:
 *  - open: the file locked and read (DraftingDocumentFile), the page made
 *    and added to the window, until its rows are painted;
 *  - save: an edit, then Save, until the file is written;
 *  - autosave: an edit, then the draft written, until it is on disk;
 *  - close: the page closed (its draft and lock let go) and taken out of
 *    the window, until its lock file is gone and the window painted.
 */

#define SETTLE_MS      400    /* frames after the work is done */
#define WAIT_TIMEOUT_S 60
#define N_ROUNDS       5      /* of save and autosave */

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
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

typedef struct
{
  GtkWidget *view;
  guint      paints;
} Paints;

static void
on_after_paint (GdkFrameClock *clock G_GNUC_UNUSED,
                Paints        *paints)
{
  paints->paints++;
}

static gboolean
rows_painted (gpointer data)
{
  Paints *paints = data;

  return paints->paints > 0 &&
         drafting_document_view_get_document (DRAFTING_DOCUMENT_VIEW (paints->view)) != NULL;
}

typedef struct
{
  GtkWidget *window;
  gboolean   closed;
} Closing;

/* As the window does: the page taken out once it has let its rows go,
 * in the callback, in a turn of the main loop. */
static void
on_page_closed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Closing *closing = user_data;

  drafting_page_close_finish (DRAFTING_PAGE (object), result, NULL);
  gtk_window_set_child (GTK_WINDOW (closing->window), gtk_label_new ("Drafting"));
  closing->closed = TRUE;
}

static gboolean
have_closed (gpointer data)
{
  return ((Closing *) data)->closed;
}

static gboolean
view_opened (gpointer data)
{
  return !drafting_document_view_is_opening (data);
}

static void
edit (DraftingPage *page,
      guint         round)
{
  DraftingDocument *document = drafting_page_get_document (page);
  DraftingNode *node = drafting_bench_operative_paragraph (drafting_document_get_root (document), FALSE);
  g_autofree char *words = g_strdup_printf ("Edit %u: ", round);

  drafting_document_replace_text (document, node, 0, 0, words);
}

/* The same in the first element of the document, on screen. */
static void
edit_first (DraftingPage *page,
            guint         round)
{
  DraftingDocument *document = drafting_page_get_document (page);
  DraftingNode *node = drafting_node_get_child (drafting_document_get_root (document), 0);
  g_autofree char *words = g_strdup_printf ("Typed %u ", round);

  while (node != NULL && !drafting_kind_has_text (drafting_node_get_kind (node)))
    node = drafting_node_get_child (node, 0);
  g_assert (node != NULL);
  drafting_document_replace_text (document, node, 0, 0, words);
}

/**
 * bench_window_files_run:
 *
 * bench-window --files SIZE FILE SPAWN_TIME: opens, saves, keeps drafts
 * of and closes the document in FILE, reporting the longest main-loop
 * stall of each and how long each took.
 */
int
bench_window_files_run (int    argc,
                        char **argv)
{
  g_autoptr(DraftingDraftStore) store = NULL;
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = NULL;
  g_autofree char *draft_path = NULL;
  Paints paints = { NULL, 0 };
  Closing closing = { NULL, FALSE };
  DraftingPage *page;
  GtkWidget *window;
  GdkFrameClock *clock;
  gint64 start;

  if (argc != 5)
    {
      g_printerr ("usage: %s --files SIZE FILE SPAWN_TIME\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  drafting_gui_test_load_style ();

  bench_stalls_install ();

  file = g_file_new_for_path (argv[3]);
  lock = drafting_file_lock_file_for (file);
  drafts = g_strconcat (argv[3], ".drafts", NULL);
  store = drafting_draft_store_new (drafts);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Drafting");
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Drafting"));
  drafting_gui_test_present (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &paints);
  bench_stalls_watch_clock (clock);
  bench_stalls_spin (SETTLE_MS);

  /* A first page, as the window had one when it started. */
  {
    g_autoptr(DraftingDocument) first = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
    DraftingPage *shown = drafting_page_new (first, NULL);

    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (shown));
    bench_stalls_spin (SETTLE_MS);
    drafting_page_close_async (shown, on_result, &result);
    bench_stalls_wait_until (have_result, &result, "closing the first page");
    g_clear_object (&result);
    gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Drafting"));
    bench_stalls_spin (SETTLE_MS);
  }

  /* An idle window, for comparison. */
  bench_stalls_begin ();
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("idle_stall_us");

  /* Open. */
  bench_stalls_begin ();
  start = g_get_monotonic_time ();
  drafting_document_file_load_async (file, store, DRAFTING_LOAD_NONE, NULL, on_result, &result);
  bench_stalls_wait_until (have_result, &result, "opening the document");
  document_file = drafting_document_file_load_finish (result, NULL, NULL, &error);
  if (document_file == NULL)
    drafting_bench_fail ("opening the document", error);
  g_clear_object (&result);
  drafting_bench_report_int ("open_read_us", g_get_monotonic_time () - start);

  page = drafting_page_new_for_document_file (document_file);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  paints.view = drafting_gui_test_find_of_type (GTK_WIDGET (page), DRAFTING_TYPE_DOCUMENT_VIEW);
  paints.paints = 0;
  bench_stalls_wait_until (rows_painted, &paints, "painting the document");
  drafting_bench_report_int ("open_us", g_get_monotonic_time () - start);
  /* The rows off screen are made a few at a frame: that is opening too. */
  bench_stalls_wait_until (view_opened, paints.view, "making the document's rows");
  drafting_bench_report_int ("open_rows_us", g_get_monotonic_time () - start);
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("open_stall_us");

  /* What a frame that changes the screen costs here, for comparison: a
   * few words typed into a paragraph on screen. */
  bench_stalls_begin ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      edit_first (page, round);
      bench_stalls_spin (SETTLE_MS / 4);
    }
  bench_stalls_end ("edit_stall_us");

  /* Save, several times: the edits before each are not watched. */
  bench_stalls_begin ();
  bench_stalls_pause ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      edit (page, round);
      bench_stalls_spin (SETTLE_MS);

      bench_stalls_resume ();
      start = g_get_monotonic_time ();
      drafting_page_save_async (page, FALSE, NULL, on_result, &result);
      bench_stalls_wait_until (have_result, &result, "saving the document");
      if (!drafting_page_save_finish (page, result, &error))
        drafting_bench_fail ("saving the document", error);
      g_clear_object (&result);
      if (round == 0)
        drafting_bench_report_int ("save_us", g_get_monotonic_time () - start);
      bench_stalls_spin (SETTLE_MS);
      bench_stalls_pause ();
    }
  bench_stalls_end ("save_stall_us");

  /* A draft of unsaved changes, several times. */
  bench_stalls_begin ();
  bench_stalls_pause ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *name = NULL;
      gint64 before = 0;

      edit (page, N_ROUNDS + round);
      bench_stalls_spin (SETTLE_MS);

      bench_stalls_resume ();
      start = g_get_monotonic_time ();
      drafting_document_file_save_draft (document_file);
      if (draft_path == NULL)
        {
          name = g_strconcat (drafting_document_file_get_draft_id (document_file),
                              DRAFTING_NATIVE_EXTENSION, NULL);
          draft_path = g_build_filename (drafts, name, NULL);
          bench_stalls_wait_until (file_exists, draft_path, "writing the draft");
        }
      else
        {
          GStatBuf st;

          /* The next draft replaces the last: a new file. */
          if (g_stat (draft_path, &st) == 0)
            before = (gint64) st.st_ino;
          while (g_stat (draft_path, &st) != 0 || (gint64) st.st_ino == before)
            {
              if (g_get_monotonic_time () - start > WAIT_TIMEOUT_S * G_USEC_PER_SEC)
                drafting_bench_fail ("writing the draft", NULL);
              bench_stalls_spin (2);
            }
        }
      if (round == 0)
        drafting_bench_report_int ("autosave_us", g_get_monotonic_time () - start);
      bench_stalls_spin (SETTLE_MS);
      bench_stalls_pause ();
    }
  bench_stalls_end ("autosave_stall_us");

  /* Close: the draft and the lock go, and the page with its rows, let go
   * a few at a frame before it is taken out of the window. */
  bench_stalls_begin ();
  start = g_get_monotonic_time ();
  g_clear_object (&document_file);
  closing.window = window;
  drafting_page_close_async (page, on_page_closed, &closing);
  bench_stalls_wait_until (have_closed, &closing, "closing the page");
  bench_stalls_wait_until (file_gone, (gpointer) g_file_peek_path (lock), "letting the lock go");
  bench_stalls_wait_until (file_gone, draft_path, "removing the draft");
  drafting_bench_report_int ("close_us", g_get_monotonic_time () - start);
  bench_stalls_spin (SETTLE_MS);
  bench_stalls_end ("close_stall_us");

  g_signal_handlers_disconnect_by_data (clock, &paints);
  bench_stalls_unwatch_clock (clock);
  drafting_gui_test_destroy (window);
  drafting_test_remove_tree (drafts);

  return 0;
}
