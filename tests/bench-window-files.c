/* bench-window-files.c: the main loop while the window opens, saves, keeps
 * a draft of and closes a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-window-files.h"
#include "drafting-bench-utils.h"
#include "drafting-document-view.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page.h"
#include "drafting-test-utils.h"

/*
 * The main loop must never wait on the disk: while a document is opened,
 * saved, kept as a draft or closed, the window goes on drawing and taking
 * keys. What counts is the longest time the main loop spends between two
 * of its polls, in one iteration: a stall, during which nothing on screen
 * moves and no key is taken. It is measured with a poll function of our
 * own around GLib's, from the moment the operation is asked for until its
 * work is done (on the disk too) and the frames after it are painted.
 * Painting a frame is part of an iteration, and counts.
 *
 * On a machine busy with other work, an iteration also lasts while the
 * main thread waits for a processor, which is no stall of the window's
 * making: each stall is also given without that wait, as the kernel counts
 * it (/proc/thread-self/schedstat), which is what the same work takes on a
 * machine of its own. Time blocked on a lock or the disk still counts.
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

static GPollFunc default_poll;
static gint64 last_wake;
static gint64 last_wake_wait;
static gint64 longest;
static gint64 longest_unwaited;
static gint64 longest_frame;
static gint64 longest_outside;   /* of an iteration, less the frame it painted */
static gint64 frame_start;
static gint64 frame_in_iteration;
static gboolean watching;

/* How long, in µs, this thread has waited for a processor so far. */
static gint64
waited_for_cpu (void)
{
  char buffer[128];
  guint64 on_cpu, waiting;
  FILE *stat = fopen ("/proc/thread-self/schedstat", "r");
  gboolean read;

  if (stat == NULL)
    return 0;
  read = fgets (buffer, sizeof buffer, stat) != NULL &&
         sscanf (buffer, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &on_cpu, &waiting) == 2;
  fclose (stat);

  return read ? (gint64) (waiting / 1000) : 0;
}

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint result;

  if (watching && last_wake != 0)
    {
      gint64 stall = now - last_wake;

      longest = MAX (longest, stall);
      longest_unwaited = MAX (longest_unwaited, stall - (waited_for_cpu () - last_wake_wait));
      longest_outside = MAX (longest_outside, stall - frame_in_iteration);
    }

  result = default_poll (fds, n_fds, timeout);
  last_wake = g_get_monotonic_time ();
  frame_in_iteration = 0;
  if (watching)
    last_wake_wait = waited_for_cpu ();

  return result;
}

/* Watches again, keeping the longest stall seen so far. */
static void
watch_resume (void)
{
  last_wake = g_get_monotonic_time ();
  last_wake_wait = waited_for_cpu ();
  watching = TRUE;
}

static void
watch_pause (void)
{
  watching = FALSE;
}

static void
watch_begin (void)
{
  longest = 0;
  longest_unwaited = 0;
  longest_frame = 0;
  longest_outside = 0;
  watch_resume ();
}

/* A frame: from the clock's "before-paint" to its "after-paint", the
 * widgets' ticks, layout and painting. */
static void
on_frame_begins (GdkFrameClock *clock G_GNUC_UNUSED,
                 gpointer       data G_GNUC_UNUSED)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_frame_ends (GdkFrameClock *clock G_GNUC_UNUSED,
               gpointer       data G_GNUC_UNUSED)
{
  gint64 frame = g_get_monotonic_time () - frame_start;

  frame_in_iteration += frame;
  if (watching)
    longest_frame = MAX (longest_frame, frame);
}

/* Reports the longest stall since watch_begin() as @key ("open_stall_us"),
 * without the waits for a processor as "open_stall_cpu_us", the longest
 * frame painted as "open_stall_frame_us", and the longest time the loop
 * spent on other work in an iteration as "open_stall_work_us". */
static void
watch_end (const char *key)
{
  g_autofree char *base = g_strndup (key, strlen (key) - strlen ("_us"));
  g_autofree char *unwaited = g_strconcat (base, "_cpu_us", NULL);
  g_autofree char *frame = g_strconcat (base, "_frame_us", NULL);
  g_autofree char *work = g_strconcat (base, "_work_us", NULL);

  watching = FALSE;
  drafting_bench_report_int (key, longest);
  drafting_bench_report_int (unwaited, longest_unwaited);
  drafting_bench_report_int (frame, longest_frame);
  drafting_bench_report_int (work, longest_outside);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Turns the main loop until @done says so, looking every few
 * milliseconds (which costs the loop nothing worth counting). */
static void
wait_until (gboolean   (*done) (gpointer),
            gpointer     data,
            const char  *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        drafting_bench_fail (what, NULL);
      spin (2);
    }
}

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

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

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
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_begins), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_ends), NULL);
  spin (SETTLE_MS);

  /* A first page, as the window had one when it started. */
  {
    g_autoptr(DraftingDocument) first = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
    DraftingPage *shown = drafting_page_new (first, NULL);

    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (shown));
    spin (SETTLE_MS);
    drafting_page_close_async (shown, on_result, &result);
    wait_until (have_result, &result, "closing the first page");
    g_clear_object (&result);
    gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Drafting"));
    spin (SETTLE_MS);
  }

  /* An idle window, for comparison. */
  watch_begin ();
  spin (SETTLE_MS);
  watch_end ("idle_stall_us");

  /* Open. */
  watch_begin ();
  start = g_get_monotonic_time ();
  drafting_document_file_load_async (file, store, DRAFTING_LOAD_NONE, NULL, on_result, &result);
  wait_until (have_result, &result, "opening the document");
  document_file = drafting_document_file_load_finish (result, NULL, NULL, &error);
  if (document_file == NULL)
    drafting_bench_fail ("opening the document", error);
  g_clear_object (&result);
  drafting_bench_report_int ("open_read_us", g_get_monotonic_time () - start);

  page = drafting_page_new_for_document_file (document_file);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  paints.view = drafting_gui_test_find_of_type (GTK_WIDGET (page), DRAFTING_TYPE_DOCUMENT_VIEW);
  paints.paints = 0;
  wait_until (rows_painted, &paints, "painting the document");
  drafting_bench_report_int ("open_us", g_get_monotonic_time () - start);
  /* The rows off screen are made a few at a frame: that is opening too. */
  wait_until (view_opened, paints.view, "making the document's rows");
  drafting_bench_report_int ("open_rows_us", g_get_monotonic_time () - start);
  spin (SETTLE_MS);
  watch_end ("open_stall_us");

  /* What a frame that changes the screen costs here, for comparison: a
   * few words typed into a paragraph on screen. */
  watch_begin ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      edit_first (page, round);
      spin (SETTLE_MS / 4);
    }
  watch_end ("edit_stall_us");

  /* Save, several times: the edits before each are not watched. */
  watch_begin ();
  watch_pause ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      edit (page, round);
      spin (SETTLE_MS);

      watch_resume ();
      start = g_get_monotonic_time ();
      drafting_page_save_async (page, FALSE, NULL, on_result, &result);
      wait_until (have_result, &result, "saving the document");
      if (!drafting_page_save_finish (page, result, &error))
        drafting_bench_fail ("saving the document", error);
      g_clear_object (&result);
      if (round == 0)
        drafting_bench_report_int ("save_us", g_get_monotonic_time () - start);
      spin (SETTLE_MS);
      watch_pause ();
    }
  watch_end ("save_stall_us");

  /* A draft of unsaved changes, several times. */
  watch_begin ();
  watch_pause ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *name = NULL;
      gint64 before = 0;

      edit (page, N_ROUNDS + round);
      spin (SETTLE_MS);

      watch_resume ();
      start = g_get_monotonic_time ();
      drafting_document_file_save_draft (document_file);
      if (draft_path == NULL)
        {
          name = g_strconcat (drafting_document_file_get_draft_id (document_file),
                              DRAFTING_NATIVE_EXTENSION, NULL);
          draft_path = g_build_filename (drafts, name, NULL);
          wait_until (file_exists, draft_path, "writing the draft");
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
              spin (2);
            }
        }
      if (round == 0)
        drafting_bench_report_int ("autosave_us", g_get_monotonic_time () - start);
      spin (SETTLE_MS);
      watch_pause ();
    }
  watch_end ("autosave_stall_us");

  /* Close: the draft and the lock go, and the page with its rows, let go
   * a few at a frame before it is taken out of the window. */
  watch_begin ();
  start = g_get_monotonic_time ();
  g_clear_object (&document_file);
  closing.window = window;
  drafting_page_close_async (page, on_page_closed, &closing);
  wait_until (have_closed, &closing, "closing the page");
  wait_until (file_gone, (gpointer) g_file_peek_path (lock), "letting the lock go");
  wait_until (file_gone, draft_path, "removing the draft");
  drafting_bench_report_int ("close_us", g_get_monotonic_time () - start);
  spin (SETTLE_MS);
  watch_end ("close_stall_us");

  g_signal_handlers_disconnect_by_data (clock, &paints);
  g_signal_handlers_disconnect_by_func (clock, on_frame_begins, NULL);
  g_signal_handlers_disconnect_by_func (clock, on_frame_ends, NULL);
  drafting_gui_test_destroy (window);
  drafting_test_remove_tree (drafts);

  return 0;
}
