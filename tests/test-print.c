/* test-print.c: printing, and exporting as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "drafting-pdf-export.h"
#include "drafting-print-operation.h"
#include "drafting-memory-file.h"
#include "drafting-test-utils.h"

/*
 * The corpus texts, an Arabic text and documents of 1,000 and 10,000
 * clauses are exported as PDF in a worker thread, and the PDF is read back
 * with poppler's pdfinfo and pdftotext: the pages, the heading, the annex
 * on a page of its own, each footnote on the page that calls it, the
 * footer. Meanwhile the main loop is watched: the time between two polls
 * is how long one of its iterations kept the window from drawing. The
 * export works on a snapshot, writes where there is no path, says in a
 * person's words why it could not write, and stops when cancelled.
 *
 * Printing goes through the same layout: the pages GtkPrintOperation
 * exports read back the same as the worker's, its slices of work are
 * watched as the export's are, and it is tried through the print dialog,
 * whose "Print to File" printer writes a PDF. (GTK looks for no virtual
 * printer such as that one when it prints without the dialog.)
 *
 * DRAFTING_TEST_KEEP=1 keeps the PDFs and says where they are.
 */

/* The longest a main-loop iteration may take while the worker makes the
 * PDF: three frames, for a slow machine under sanitizers; the figures
 * reported are what the budget of one frame (16.7 ms) is to be compared
 * with. */
#define MAX_ITERATION_USEC 50000

/* The same for printing, where GtkPrintOperation draws on the main thread:
 * between two slices of ours, cairo finishes each page, and now and then
 * one of those or one of our steps takes several times as long under
 * sanitizers (page data compressed, glyph caches refilled). */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_PRINT_ITERATION_USEC 100000
#else
#define MAX_PRINT_ITERATION_USEC 50000
#endif

/* The longest the iteration that takes the snapshot of 10,000 clauses may
 * take. The snapshot is taken on the calling thread by design, so that the
 * worker never sees the document being edited; its cost is the core's
 * drafting_document_snapshot(), which sanitizers slow down several times. */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_SNAPSHOT_USEC 250000
#else
#define MAX_SNAPSHOT_USEC 50000
#endif

static char *tmpdir;

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return FALSE;
    }

  return TRUE;
}

static char *
output_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* ------------------------------------------------------------------ */
/* Watching the main loop                                              */

/* What a test is doing while the main loop is watched, so that each
 * iteration is counted against what it did. */
typedef enum
{
  PHASE_IDLE,                    /* the worker at work, or nothing under way */
  PHASE_STARTING,                /* the export started: the snapshot taken */
  PHASE_BEGINNING,               /* ::begin-print: the snapshot taken */
  PHASE_PAGINATING,
  PHASE_DRAWING,
  PHASE_FINISHING,
  N_PHASES
} Phase;

typedef struct
{
  GPollFunc poll;                  /* the context's own */
  gint64    returned;              /* when the last poll returned, or 0 */
  gint64    waited;                /* how long the thread had waited to run by then */
  gint64    longest[N_PHASES];     /* the longest iteration that ended in each phase */
  gint64    longest_wall[N_PHASES];
  guint     iterations[N_PHASES];
  Phase     phase;
} Watch;

static Watch watch;

/* How long, in µs, the calling thread has waited for a processor while it
 * could have run, from the kernel's scheduler statistics, or 0 where there
 * are none. On a machine busy with other work (the tests run beside other
 * builds) an iteration can be preempted for longer than a frame: that time
 * is the machine's, not the main loop's, and is taken out of the measure.
 * Time spent waiting for a lock or the disk is not taken out. */
static gint64
thread_wait_time (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &stat, NULL, NULL))
    return 0;

  /* Nanoseconds run, nanoseconds waited, time slices. */
  fields = g_strsplit (stat, " ", 3);
  if (g_strv_length (fields) < 2)
    return 0;

  return (gint64) (g_ascii_strtoull (fields[1], NULL, 10) / 1000);
}

static gint
watched_poll (GPollFD *fds,
              guint    n_fds,
              gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint64 waited = thread_wait_time ();
  gint result;

  if (watch.returned > 0)
    {
      gint64 wall = now - watch.returned;
      gint64 busy = wall - (waited - watch.waited);

      watch.longest[watch.phase] = MAX (watch.longest[watch.phase], busy);
      watch.longest_wall[watch.phase] = MAX (watch.longest_wall[watch.phase], wall);
      watch.iterations[watch.phase]++;

      /* Starting takes one iteration, what follows the others. */
      if (watch.phase == PHASE_STARTING)
        watch.phase = PHASE_IDLE;
      else if (watch.phase == PHASE_BEGINNING)
        watch.phase = PHASE_PAGINATING;
    }

  result = watch.poll (fds, n_fds, timeout);
  watch.waited = thread_wait_time ();
  watch.returned = g_get_monotonic_time ();

  return result;
}

static void
watch_start (void)
{
  GPollFunc poll = g_main_context_get_poll_func (NULL);

  if (poll != watched_poll)
    watch.poll = poll;
  memset (watch.longest, 0, sizeof watch.longest);
  memset (watch.longest_wall, 0, sizeof watch.longest_wall);
  memset (watch.iterations, 0, sizeof watch.iterations);
  watch.returned = 0;
  watch.phase = PHASE_IDLE;
  g_main_context_set_poll_func (NULL, watched_poll);
}

static void
watch_stop (void)
{
  g_main_context_set_poll_func (NULL, watch.poll);
}

/* ------------------------------------------------------------------ */
/* Exporting                                                           */

typedef void (*EditFunc) (DraftingDocument *document,
                          guint             n);

typedef struct
{
  DraftingDocument *document;
  GFile            *file;
  GCancellable     *cancellable;
  EditFunc          edit;          /* called after the start, and at each tick */
  guint             cancel_after;  /* ticks, or 0 */
  guint             ticks;         /* of a 5 ms timeout while the export runs */
  guint             edits;
  gboolean          done;
  gboolean          ok;
  GError           *error;
  gint64            started;
  gint64            finished;
  gint64            cancelled;
} Export;

static void
on_exported (GObject      *source G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->ok = drafting_pdf_export_finish (result, &export->error);
  export->finished = g_get_monotonic_time ();
  export->done = TRUE;
}

/* Started from the main loop, as the window's action starts it, so that
 * taking the snapshot counts as one of the iterations watched. */
static gboolean
start_export (gpointer user_data)
{
  Export *export = user_data;

  watch.phase = PHASE_STARTING;
  export->started = g_get_monotonic_time ();
  drafting_pdf_export_async (export->document, export->file, export->cancellable,
                             on_exported, export);
  if (export->edit != NULL)
    export->edit (export->document, export->edits++);

  return G_SOURCE_REMOVE;
}

static gboolean
tick (gpointer user_data)
{
  Export *export = user_data;

  if (export->done)
    return G_SOURCE_CONTINUE;

  export->ticks++;
  if (export->edit != NULL)
    export->edit (export->document, export->edits++);
  if (export->cancel_after > 0 && export->ticks == export->cancel_after)
    {
      export->cancelled = g_get_monotonic_time ();
      g_cancellable_cancel (export->cancellable);
    }

  return G_SOURCE_CONTINUE;
}

/* Runs @export to its end, the main loop turning meanwhile. */
static void
run_export (Export *export)
{
  gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;
  guint ticker;

  g_idle_add (start_export, export);
  ticker = g_timeout_add (5, tick, export);
  while (!export->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
  g_assert_true (export->done);
}

typedef struct
{
  double seconds;                /* from the start to the result */
  double start_ms;               /* the iteration that started it */
  double start_wall_ms;          /* the same, preemption included */
  double longest_ms;             /* the longest main-loop iteration after it */
  double longest_wall_ms;
  guint  ticks;                  /* of a 5 ms timeout meanwhile */
} Figures;

/* Exports @document as PDF at @path in a worker thread, and says how long
 * it took and how the main loop fared meanwhile. */
static void
export_pdf_full (DraftingDocument *document,
                 const char       *path,
                 Figures          *figures)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  Export export = { .document = document, .file = file };
  gsize len;

  watch_start ();
  run_export (&export);
  watch_stop ();

  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  if (figures != NULL)
    {
      figures->seconds = (export.finished - export.started) / (double) G_USEC_PER_SEC;
      figures->start_ms = watch.longest[PHASE_STARTING] / 1000.0;
      figures->start_wall_ms = watch.longest_wall[PHASE_STARTING] / 1000.0;
      figures->longest_ms = watch.longest[PHASE_IDLE] / 1000.0;
      figures->longest_wall_ms = watch.longest_wall[PHASE_IDLE] / 1000.0;
      figures->ticks = export.ticks;
    }
}

static void
export_pdf (DraftingDocument *document,
            const char       *path)
{
  export_pdf_full (document, path, NULL);
}

static void
on_begin_print (GtkPrintOperation *operation G_GNUC_UNUSED,
                GtkPrintContext   *context G_GNUC_UNUSED,
                gpointer           user_data G_GNUC_UNUSED)
{
  watch.phase = PHASE_BEGINNING;
}

static void
on_draw_page (GtkPrintOperation *operation G_GNUC_UNUSED,
              GtkPrintContext   *context G_GNUC_UNUSED,
              int                page_nr G_GNUC_UNUSED,
              gpointer           user_data G_GNUC_UNUSED)
{
  watch.phase = PHASE_DRAWING;
}

static void
on_end_print (GtkPrintOperation *operation G_GNUC_UNUSED,
              GtkPrintContext   *context G_GNUC_UNUSED,
              gpointer           user_data G_GNUC_UNUSED)
{
  watch.phase = PHASE_FINISHING;
}

/* Exports @document as PDF through GtkPrintOperation, as printing lays it
 * out, the main loop watched phase by phase. */
static void
export_pdf_with_operation (DraftingDocument *document,
                           const char       *path)
{
  g_autoptr(DraftingPrintOperation) operation = drafting_print_operation_new (document);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* No progress window in the way of the measure. */
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print), NULL);

  watch_start ();
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  watch_stop ();
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2,
          const char *arg3,
          const char *arg4)
{
  const char *argv[] = { tool, arg1, arg2, arg3, arg4, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL, NULL, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* The text of each page, each run of spaces and line ends made one space,
 * so that what wraps or is justified differently is found all the same. */
static GStrv
pdf_pages (const char *path,
           guint       n_pages)
{
  g_autofree char *text = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_auto(GStrv) raw = g_strsplit (text, "\f", -1);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL && i < n_pages; i++)
    {
      GString *page = g_string_new (NULL);

      for (const char *p = raw[i]; *p != '\0'; p++)
        {
          if (g_ascii_isspace (*p))
            {
              if (page->len > 0 && page->str[page->len - 1] != ' ')
                g_string_append_c (page, ' ');
            }
          else
            g_string_append_c (page, *p);
        }
      g_ptr_array_add (pages, g_strstrip (g_string_free (page, FALSE)));
    }

  g_assert_cmpuint (pages->len, ==, n_pages);
  g_ptr_array_add (pages, NULL);

  return (GStrv) g_ptr_array_free (pages, FALSE);
}

static int
find_page (GStrv       pages,
           const char *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return i;

  return -1;
}

static void
assert_footers (GStrv       pages,
                const char *symbol)
{
  guint n = g_strv_length (pages);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_nonnull (strstr (pages[i], footer));
      if (symbol != NULL)
        g_assert_nonnull (strstr (pages[i], symbol));
    }
}

/* ------------------------------------------------------------------ */

static void
test_resolution (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autofree char *path = output_path ("resolution.pdf");
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  int annex;

  if (!have_poppler ())
    return;

  drafting_document_set_symbol (document, "PC0484E");
  export_pdf (document, path);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, <=, 30);
  pages = pdf_pages (path, n_pages);

  g_assert_nonnull (strstr (pages[0], "DRAFT RESOLUTION OF THE POLICY COMMISSION "
                                      "OF THE WORLD CUSTOMS ORGANIZATION"));
  g_assert_nonnull (strstr (pages[0], "(Luxor, December 2017)"));
  g_assert_nonnull (strstr (pages[0], "THE POLICY COMMISSION ACKNOWLEDGING that the digital"));
  g_assert_cmpint (find_page (pages, "RESOLVES that the WCO:"), >=, 0);
  g_assert_cmpint (find_page (pages, "PRINCIPLE IV – Revenue Collection"), >=, 0);
  g_assert_cmpint (find_page (pages, "de minimis"), >=, 0);
  g_assert_cmpint (find_page (pages, "i. Advance electronic data"), >=, 0);

  /* The annex starts a page of its own, after the operative part. */
  annex = find_page (pages, "PRINCIPLE I – Advance Electronic Data and Risk Management");
  g_assert_cmpint (annex, >, 0);
  g_assert_true (g_str_has_prefix (pages[annex], "ANNEX PRINCIPLE I – Advance Electronic Data"));
  g_assert_cmpint (find_page (pages, "Provides technical assistance"), <, annex);

  assert_footers (pages, "PC0484E");
  g_assert_nonnull (strstr (pages[0], "Page 1 of"));
}

static void
test_communique (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autofree char *path = output_path ("communique.pdf");
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  int note;
  int call;

  if (!have_poppler ())
    return;

  export_pdf (document, path);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 20);
  pages = pdf_pages (path, n_pages);

  g_assert_nonnull (strstr (pages[0], "Eleventh WTO Ministerial Conference, Buenos Aires"));
  g_assert_nonnull (strstr (pages[0], "Draft Communication from the International Customs Community"));
  g_assert_cmpint (find_page (pages, "Principle IV – Revenue Collection"), >=, 0);

  /* The footnote at the foot of the page that calls it, once. */
  note = find_page (pages, "The World Customs Organization is the only");
  call = find_page (pages, "To this end, the World Customs Organization (WCO)");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpint (note, ==, call);
  g_assert_null (strstr (strstr (pages[note], "is the only") + 1, "is the only"));
  /* ... after the text of the page */
  g_assert_true (strstr (pages[note], "The World Customs Organization is the only") >
                 strstr (pages[note], "(WCO)"));

  assert_footers (pages, NULL);
}

/* ------------------------------------------------------------------ */

static DraftingDocument *
build_arabic_document (void)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  DraftingNode *root = drafting_document_get_root (document);
  g_autoptr(DraftingNode) heading = NULL;
  g_autoptr(GError) error = NULL;
  const char * const clauses[] = {
    "إذ يقر بأن التحول الرقمي للاقتصاد هو أحد المحركات الرئيسية في بيئة التجارة العالمية،",
    "وإذ يلاحظ أن رقمنة الاقتصاد قد أحدثت ثورة في الطريقة التي تبيع بها الشركات والمستهلكون البضائع وتشتريها، "
    "مما يوفر خيارات أوسع للمستهلكين،",
  };

  drafting_document_set_language (document, "ar");
  drafting_document_set_symbol (document, "PC0484A");
  heading = drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL,
                                         "قرار لجنة السياسة العامة لمنظمة الجمارك العالمية");
  drafting_document_insert (document, root, 0, heading, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      g_autoptr(DraftingNode) clause = drafting_node_new_with_text (DRAFTING_KIND_PREAMBLE_CLAUSE,
                                                                    NULL, clauses[i]);

      drafting_document_insert (document, root, i + 1, clause, &error);
      g_assert_no_error (error);
    }

  return document;
}

static void
test_arabic (void)
{
  g_autoptr(DraftingDocument) document = build_arabic_document ();
  g_autofree char *path = output_path ("arabic.pdf");
  g_autofree char *text = NULL;
  GString *squeezed;

  if (!have_poppler ())
    return;

  export_pdf (document, path);
  g_assert_cmpuint (pdf_n_pages (path), ==, 1);
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_assert_nonnull (strstr (text, "PC0484A"));
  /* The footer in the document's language, not the interface's; as
   * pdftotext takes Arabic out, with marks of direction and spaces within
   * words, both of which are left out here. */
  g_assert_null (strstr (text, "Page 1 of 1"));
  squeezed = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (squeezed, c);
    }
  g_assert_nonnull (strstr (squeezed->str, "الصفحة1من1"));
  g_string_free (squeezed, TRUE);
}

/* ------------------------------------------------------------------ */
/* 1,000 and 10,000 clauses                                            */

#define NOTE_EVERY 37

static const char * const fillers[] = {
  "the need for a harmonized approach to cross-border E-Commerce, in close coordination with "
  "other international organizations and the private sector",
  "that advance electronic data supports risk management, revenue collection and the rapid "
  "clearance of legitimate trade",
  "the different levels of digitalization among Members and business stakeholders",
  "that simplified clearance procedures are needed for the increasing volumes of low-value "
  "and small shipments, with due regard to safety and security and to the accurate and "
  "efficient collection of duties and taxes",
};

static DraftingNode *
new_clause (DraftingKind  kind,
            const char   *lead,
            guint         n,
            guint        *n_notes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DraftingInline) content = NULL;
  DraftingNode *node;
  guint call = 0;

  if (n % NOTE_EVERY == 0)
    {
      g_string_append_printf (text, "Clause bearing note %u calls it", *n_notes + 1);
      call = text->len;
    }
  else
    g_string_append_printf (text, "clause %u on", n);
  g_string_append_printf (text, " %s", fillers[n % G_N_ELEMENTS (fillers)]);
  if (n % 3 == 0)
    g_string_append_printf (text, ", and %s", fillers[(n + 1) % G_N_ELEMENTS (fillers)]);
  g_string_append (text, n % 5 == 0 ? ", de minimis;" : ";");

  node = drafting_node_new_with_text (kind, lead, NULL);
  content = drafting_inline_new (text->str);
  if (n % 5 == 0)
    drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS,
                              text->len - strlen ("de minimis;"), text->len - 1, NULL);

  if (call > 0)
    {
      g_autofree char *id = g_strdup_printf ("fn%u", ++*n_notes);
      g_autofree char *note = g_strdup_printf ("Explanatory note %u is printed at the foot of the "
                                               "page that calls it, in a smaller font.", *n_notes);
      DraftingNode *footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, id);

      drafting_node_take_content (footnote, drafting_inline_new (note));
      drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, call, call, id);
      drafting_node_append_child (node, footnote);
      g_object_unref (footnote);
    }
  drafting_node_take_content (node, g_steal_pointer (&content));

  return node;
}

/* A resolution of @n_clauses clauses: preamble, operative paragraphs with
 * sub-paragraphs, an annex of principles and items, a footnote called
 * every NOTE_EVERY clauses. */
static DraftingDocument *
build_large_document (guint  n_clauses,
                      guint *n_notes)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *annex = NULL;
  DraftingNode *principle = NULL;
  guint n = 0;

  drafting_document_set_symbol (document, "PC0999E");
  drafting_document_set_place (document, "Brussels");
  drafting_document_set_date (document, "June 2024");

  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL,
                                                     "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL"));
  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_PLACE_DATE, NULL, NULL));
  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_AUTHORITY, NULL,
                                                     "THE CUSTOMS CO-OPERATION COUNCIL,"));

  for (; n < n_clauses * 2 / 10; n++)
    g_ptr_array_add (top, new_clause (DRAFTING_KIND_PREAMBLE_CLAUSE, "NOTING", n, n_notes));

  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_FORMULA, "RESOLVES",
                                                     "that Members should:"));
  for (; n < n_clauses * 6 / 10; n++)
    {
      DraftingNode *paragraph = new_clause (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, n, n_notes);

      if (n % 10 == 0)
        for (guint i = 0; i < 3 && n + 1 < n_clauses * 6 / 10; i++)
          {
            g_autoptr(DraftingNode) sub = new_clause (DRAFTING_KIND_SUB_PARAGRAPH, NULL, ++n, n_notes);

            drafting_node_append_child (paragraph, sub);
          }
      g_ptr_array_add (top, paragraph);
    }

  annex = drafting_node_new (DRAFTING_KIND_ANNEX, NULL);
  for (; n < n_clauses; n++)
    {
      g_autoptr(DraftingNode) item = NULL;

      if (principle == NULL || n % 50 == 0)
        {
          g_autoptr(DraftingNode) next = drafting_node_new_with_text (DRAFTING_KIND_PRINCIPLE, NULL,
                                                                      "Facilitation");

          drafting_node_append_child (annex, next);
          principle = next;
        }
      item = new_clause (DRAFTING_KIND_ITEM, NULL, n, n_notes);
      drafting_node_append_child (principle, item);
    }
  g_ptr_array_add (top, annex);

  drafting_document_begin_action (document, "Build");
  for (guint i = 0; i < top->len; i++)
    {
      g_autoptr(GError) error = NULL;

      drafting_document_insert (document, root, i, g_ptr_array_index (top, i), &error);
      g_assert_no_error (error);
    }
  drafting_document_end_action (document);
  drafting_document_clear_history (document);

  return document;
}

/* The page each "<prefix> N" is on, by N. */
static GHashTable *
index_numbers (GStrv       pages,
               const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  GHashTable *index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, pages[i], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          guint key = (guint) g_ascii_strtoull (number, NULL, 10);

          if (!g_hash_table_contains (index, GUINT_TO_POINTER (key)))
            g_hash_table_insert (index, GUINT_TO_POINTER (key), GUINT_TO_POINTER (i + 1));
          g_match_info_next (match, NULL);
        }
    }

  return index;
}

static void
check_large_pdf (const char *path,
                 guint       n_clauses,
                 guint       n_notes)
{
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) calls = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = pdf_n_pages (path);
  int annex;

  g_assert_cmpuint (n_pages, >=, n_clauses / 20);
  g_assert_cmpuint (n_pages, <=, n_clauses);

  pages = pdf_pages (path, n_pages);
  assert_footers (pages, "PC0999E");
  g_assert_nonnull (strstr (pages[0], "DRAFT RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL"));
  g_assert_nonnull (strstr (pages[0], "(Brussels, June 2024)"));
  annex = find_page (pages, "PRINCIPLE I – Facilitation");
  g_assert_cmpint (annex, >, 0);
  g_assert_true (g_str_has_prefix (pages[annex], "ANNEX PRINCIPLE I – Facilitation"));
  if (n_clauses == 10000)
    g_assert_cmpint (find_page (pages, "PRINCIPLE LXXX – Facilitation"), >, annex);

  /* Every footnote on the page that calls it: the call is in the first
   * line of its clause. */
  notes = index_numbers (pages, "Explanatory note ([0-9]+) is printed");
  calls = index_numbers (pages, "Clause bearing note ([0-9]+) calls");
  g_assert_cmpuint (g_hash_table_size (notes), ==, n_notes);
  g_assert_cmpuint (g_hash_table_size (calls), ==, n_notes);
  for (guint i = 1; i <= n_notes; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (notes, GUINT_TO_POINTER (i))), ==,
                      GPOINTER_TO_UINT (g_hash_table_lookup (calls, GUINT_TO_POINTER (i))));
}

/* The export of 1,000 and of 10,000 clauses, the main loop turning
 * meanwhile with no iteration much longer than a frame. */
static void
test_large (void)
{
  static const guint sizes[] = { 1000, 10000 };

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autofree char *name = g_strdup_printf ("large-%u.pdf", sizes[i]);
      g_autofree char *path = output_path (name);
      Figures figures;
      guint n_notes = 0;

      document = build_large_document (sizes[i], &n_notes);
      export_pdf_full (document, path, &figures);

      g_test_message ("PDF export of %u clauses in a worker thread: %.2f s, %u pages; "
                      "the iteration that took the snapshot %.1f ms (%.1f ms with preemption), "
                      "the longest after it %.1f ms (%.1f ms), %u ticks of 5 ms",
                      sizes[i], figures.seconds, pdf_n_pages (path),
                      figures.start_ms, figures.start_wall_ms,
                      figures.longest_ms, figures.longest_wall_ms, figures.ticks);
      g_assert_cmpfloat (figures.longest_ms, <, MAX_ITERATION_USEC / 1000.0);
      g_assert_cmpfloat (figures.start_ms, <, MAX_SNAPSHOT_USEC / 1000.0);
      /* The loop turned while the worker worked. */
      g_assert_cmpuint (figures.ticks, >=, 2);

      check_large_pdf (path, sizes[i], n_notes);
    }
}

/* ------------------------------------------------------------------ */
/* Printing and the PDF are the same pages                             */

static void
assert_same_pages (DraftingDocument *document,
                   const char       *name)
{
  g_autofree char *worker_name = g_strconcat (name, "-worker.pdf", NULL);
  g_autofree char *printed_name = g_strconcat (name, "-printed.pdf", NULL);
  g_autofree char *worker = output_path (worker_name);
  g_autofree char *printed = output_path (printed_name);
  g_autofree char *worker_text = NULL;
  g_autofree char *printed_text = NULL;

  export_pdf (document, worker);
  export_pdf_with_operation (document, printed);

  g_assert_cmpuint (pdf_n_pages (worker), ==, pdf_n_pages (printed));
  worker_text = run_tool ("pdftotext", "-layout", worker, "-", NULL);
  printed_text = run_tool ("pdftotext", "-layout", printed, "-", NULL);
  g_assert_cmpstr (worker_text, ==, printed_text);
}

static void
test_same_as_printed (void)
{
  g_autoptr(DraftingDocument) resolution = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(DraftingDocument) communique = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingDocument) arabic = build_arabic_document ();
  g_autoptr(DraftingDocument) large = NULL;
  guint n_notes = 0;

  if (!have_poppler ())
    return;

  drafting_document_set_symbol (resolution, "PC0484E");
  assert_same_pages (resolution, "same-resolution");
  assert_same_pages (communique, "same-communique");
  assert_same_pages (arabic, "same-arabic");

  large = build_large_document (1000, &n_notes);
  assert_same_pages (large, "same-large");
}

/* Printing lays 10,000 clauses out a slice at a time, and draws a page at
 * a time: no iteration of the main loop takes much longer than a frame. */
static void
test_print_slices (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *path = output_path ("printed-large.pdf");
  guint n_notes = 0;

  if (!have_poppler ())
    return;

  document = build_large_document (10000, &n_notes);
  export_pdf_with_operation (document, path);

  g_test_message ("printing 10,000 clauses: the snapshot in an iteration of %.1f ms "
                  "(%.1f ms with preemption), pagination in %u iterations of at most %.1f ms "
                  "(%.1f ms), %u pages drawn in %u iterations of at most %.1f ms (%.1f ms)",
                  watch.longest[PHASE_BEGINNING] / 1000.0,
                  watch.longest_wall[PHASE_BEGINNING] / 1000.0,
                  watch.iterations[PHASE_PAGINATING], watch.longest[PHASE_PAGINATING] / 1000.0,
                  watch.longest_wall[PHASE_PAGINATING] / 1000.0,
                  pdf_n_pages (path), watch.iterations[PHASE_DRAWING],
                  watch.longest[PHASE_DRAWING] / 1000.0,
                  watch.longest_wall[PHASE_DRAWING] / 1000.0);
  g_assert_cmpuint (watch.iterations[PHASE_PAGINATING], >, 1);
  g_assert_cmpint (watch.longest[PHASE_BEGINNING], <, MAX_SNAPSHOT_USEC);
  g_assert_cmpint (watch.longest[PHASE_PAGINATING], <, MAX_PRINT_ITERATION_USEC);
  g_assert_cmpint (watch.longest[PHASE_DRAWING], <, MAX_PRINT_ITERATION_USEC);

  check_large_pdf (path, 10000, n_notes);
}

/* ------------------------------------------------------------------ */
/* The export works on a snapshot                                      */

#define EDITED "EDITED WHILE THE PDF IS MADE"

/* Changes @document as a person at the keyboard would, a little more at
 * each call: text, metadata, elements removed and added. */
static void
edit_document (DraftingDocument *document,
               guint             n)
{
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  guint n_children = drafting_node_get_n_children (root);
  g_autoptr(GError) error = NULL;

  switch (n % 4)
    {
    case 0:
      drafting_document_set_text (document, clause, EDITED);
      break;

    case 1:
      drafting_document_set_symbol (document, "EDITED0001");
      drafting_document_set_language (document, "fr");
      break;

    case 2:
      if (n_children > 6)
        drafting_document_delete (document, drafting_node_get_child (root, n_children - 2));
      break;

    case 3:
      {
        DraftingNode *added = drafting_document_insert_new (document, clause,
                                                            DRAFTING_KIND_PREAMBLE_CLAUSE, &error);

        g_assert_no_error (error);
        drafting_document_set_text (document, added, EDITED);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_snapshot (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autofree char *before = output_path ("snapshot-before.pdf");
  g_autofree char *during = output_path ("snapshot-during.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (during);
  g_autofree char *before_text = NULL;
  g_autofree char *during_text = NULL;
  Export export = { .document = document, .file = file, .edit = edit_document };

  if (!have_poppler ())
    return;

  drafting_document_set_symbol (document, "PC0484E");
  export_pdf (document, before);

  /* The first change comes as soon as the export has started, the others
   * every 5 ms until it ends. */
  run_export (&export);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  g_assert_cmpuint (export.edits, >=, 4);
  g_assert_cmpstr (drafting_document_get_symbol (document), ==, "EDITED0001");

  before_text = run_tool ("pdftotext", "-layout", before, "-", NULL);
  during_text = run_tool ("pdftotext", "-layout", during, "-", NULL);
  g_assert_null (strstr (during_text, EDITED));
  g_assert_null (strstr (during_text, "EDITED0001"));
  g_assert_cmpstr (during_text, ==, before_text);
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */

static GError *
export_error (DraftingDocument *document,
              GFile            *file,
              GCancellable     *cancellable,
              guint             cancel_after,
              double           *cancel_ms)
{
  Export export = {
    .document = document,
    .file = file,
    .cancellable = cancellable,
    .cancel_after = cancel_after,
  };

  run_export (&export);
  g_assert_false (export.ok);
  g_assert_nonnull (export.error);

  if (cancel_ms != NULL)
    *cancel_ms = (export.finished - export.cancelled) / 1000.0;

  return export.error;
}

static void
test_unwritable (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-folder", "missing.pdf", NULL);
  g_autofree char *folder = output_path ("folder.pdf");
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) remote = g_file_new_for_uri ("drafting-test://nowhere/remote.pdf");
  g_autoptr(GError) error = NULL;

  /* A folder that is not there. */
  error = export_error (document, missing_file, NULL, 0, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "The PDF could not be written to “missing.pdf”: "
                   "the folder “no-such-folder” does not exist");
  g_clear_error (&error);

  /* A folder where the file would be. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  error = export_error (document, folder_file, NULL, 0, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==,
                   "The PDF could not be written to “folder.pdf”: there is a folder of that name");
  g_clear_error (&error);

  /* A location that is not a local file, which GIO cannot write: it is
   * tried, and the person told, not passed over in silence. */
  error = export_error (document, remote, NULL, 0, NULL);
  g_test_message ("writing to a location GIO cannot write: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The PDF could not be written to “remote.pdf”: "));
}

/* A PDF written where there is no path, read back as one that has. */
static void
test_remote (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(TestMemoryFile) remote = test_memory_file_new ("remote.pdf", "old", 0);
  g_autoptr(TestMemoryFile) full = test_memory_file_new ("full.pdf", "old", 10000);
  g_autofree char *local = output_path ("local.pdf");
  g_autofree char *copy = output_path ("remote-copy.pdf");
  g_autofree char *local_text = NULL;
  g_autofree char *copy_text = NULL;
  g_autoptr(GError) error = NULL;
  Export export = { .document = document, .file = G_FILE (remote) };
  gconstpointer data;
  gsize len;

  if (!have_poppler ())
    return;

  run_export (&export);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  data = g_bytes_get_data (test_memory_file_get_contents (remote), &len);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_file_set_contents (copy, data, (gssize) len, &error);
  g_assert_no_error (error);

  export_pdf (document, local);
  local_text = run_tool ("pdftotext", "-layout", local, "-", NULL);
  copy_text = run_tool ("pdftotext", "-layout", copy, "-", NULL);
  g_assert_cmpstr (copy_text, ==, local_text);

  /* A full disk, in a person's words, and what was there stays. */
  error = export_error (document, G_FILE (full), NULL, 0, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==,
                   "The PDF could not be written to “full.pdf”: there is no room left on the disk");
  g_assert_cmpmem (g_bytes_get_data (test_memory_file_get_contents (full), NULL), g_bytes_get_size (test_memory_file_get_contents (full)),
                   "old", 3);
}

static void
test_cancel (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *path = output_path ("cancelled.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint n_notes = 0;
  double cancel_ms;

  document = build_large_document (1000, &n_notes);

  /* An old file at the place is left as it was. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  error = export_error (document, file, cancellable, 0, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled while the worker lays the pages out. */
  g_cancellable_reset (cancellable);
  error = export_error (document, file, cancellable, 2, &cancel_ms);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_test_message ("the export stopped %.1f ms after it was cancelled", cancel_ms);
  g_assert_cmpfloat (cancel_ms, <, 2000);

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, "old");
}

/* ------------------------------------------------------------------ */
/* Printing, through the dialog, to its "Print to File" printer       */

static GtkPrintSettings *
file_printer_settings (const char *path)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  return settings;
}

static gboolean
pdf_is_complete (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;

  /* The trailer ends the file, after binary streams. */
  for (gsize i = len; i >= 5 && i + 32 > len; i--)
    if (memcmp (data + i - 5, "%%EOF", 5) == 0)
      return TRUE;

  return FALSE;
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* The file backend may finish writing as the main loop runs. */
  while (g_get_monotonic_time () < deadline && !pdf_is_complete (path))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (pdf_is_complete (path));
}

typedef struct
{
  guint    source;
  guint    ticks;
  gboolean answered;
} DialogState;

/* Presses "Print" once the dialog has found the printer. */
static gboolean
answer_dialog (gpointer user_data)
{
  DialogState *state = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  state->ticks++;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *print;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") != 0 ||
          !gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;

      print = gtk_dialog_get_widget_for_response (GTK_DIALOG (window), GTK_RESPONSE_OK);
      if (print != NULL && gtk_widget_get_sensitive (print))
        {
          state->answered = TRUE;
          state->source = 0;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_OK);
          return G_SOURCE_REMOVE;
        }
      if (state->ticks > 300)
        {
          state->source = 0;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

static void
test_print_dialog (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingPrintOperation) operation = drafting_print_operation_new (document);
  g_autofree char *path = output_path ("dialog.pdf");
  g_autoptr(GtkPrintSettings) settings = file_printer_settings (path);
  g_autoptr(GError) error = NULL;
  DialogState state = { 0, 0, FALSE };
  GtkPrintOperationResult result;
  GtkWindow *parent;

  if (!have_poppler ())
    return;

  /* As the window runs it: the dialog over it. */
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  state.source = g_timeout_add (100, answer_dialog, &state);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  gtk_window_destroy (parent);
  g_clear_handle_id (&state.source, g_source_remove);
  if (!state.answered)
    {
      g_test_skip ("the print dialog found no printer");
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  wait_for_file (path);
  g_assert_cmpuint (pdf_n_pages (path), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();
  gtk_init ();

  tmpdir = drafting_test_make_tmpdir ();

  g_test_add_func ("/drafting/print/resolution", test_resolution);
  g_test_add_func ("/drafting/print/communique", test_communique);
  g_test_add_func ("/drafting/print/arabic", test_arabic);
  g_test_add_func ("/drafting/print/large", test_large);
  g_test_add_func ("/drafting/print/same-as-printed", test_same_as_printed);
  g_test_add_func ("/drafting/print/print-slices", test_print_slices);
  g_test_add_func ("/drafting/print/snapshot", test_snapshot);
  g_test_add_func ("/drafting/print/unwritable", test_unwritable);
  g_test_add_func ("/drafting/print/remote", test_remote);
  g_test_add_func ("/drafting/print/cancel", test_cancel);
  g_test_add_func ("/drafting/print/dialog", test_print_dialog);

  status = g_test_run ();

  if (g_strcmp0 (g_getenv ("DRAFTING_TEST_KEEP"), "1") == 0)
    g_printerr ("# the PDFs are in %s\n", tmpdir);
  else
    drafting_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
