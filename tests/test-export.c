/* test-export.c: exports, by wco-draft as a person runs it and by the core's
 * drafting_export_write() and drafting_export_async(), read back as a reader would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "drafting-export.h"
#include "drafting-export-test-utils.h"
#include "drafting-memory-file.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * A PDF written by `wco-draft export` is read back with poppler's
 * pdftotext, as any reader would take the words from it: the clean form
 * has the present text laid out as it prints; the tracked form has every
 * word the amendments delete and insert, of all delegations or of those
 * chosen. A wrong command line, or a place that cannot be written, gets a
 * plain message and no file.
 *
 * The core's export, which the window and wco-draft share, writes each
 * format in each of its forms, in the calling thread and in the
 * background, with a main loop turning: what it writes is the document as
 * it was when the export began. A place that cannot be written gets a
 * message that says what and where, and leaves what was there; so does
 * cancelling.
 */

typedef struct
{
  char             *dir;
  char             *amended;   /* the example with amendments of four delegations */
  DraftingDocument *document;  /* the same, in memory */
} Fixture;

static const char rewording[] =
  "that the digital transformation of the economy is now the key driver in the global trade "
  "environment,";
static const char new_clause[] = "the Framework of Standards on Cross-Border E-Commerce,";

static DraftingNode *
find_text (DraftingDocument *document,
           DraftingKind      kind,
           const char       *start)
{
  for (guint i = 0;; i++)
    {
      DraftingNode *node = drafting_test_find (document, kind, i);

      g_assert_nonnull (node);
      if (g_str_has_prefix (drafting_node_get_text (node), start))
        return node;
    }
}

static void
propose (DraftingDocument        *document,
         DraftingAmendmentAction  action,
         DraftingNode            *node,
         const char              *delegation,
         const char              *lead,
         const char              *wording)
{
  g_object_unref (drafting_test_propose (document, drafting_test_amendment_new (action, node, delegation,
                                                                                lead, wording)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DraftingNode *first = find_text (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "that the digital transformation");
  DraftingNode *second = find_text (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "that the digitalization");
  DraftingNode *third = find_text (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "that E-Commerce offers");

  fixture->dir = drafting_test_make_tmpdir ();
  fixture->amended = g_build_filename (fixture->dir, "amended.wcodraft", NULL);

  propose (document, DRAFTING_AMENDMENT_REPLACE, first, "France", NULL, rewording);
  propose (document, DRAFTING_AMENDMENT_DELETE, second, "Kenya", NULL, NULL);
  propose (document, DRAFTING_AMENDMENT_INSERT, third, "Brazil", "RECALLING", new_clause);

  file = g_file_new_for_path (fixture->amended);
  g_assert_true (drafting_native_save_file (document, file, NULL, &error));
  g_assert_no_error (error);
  fixture->document = g_steal_pointer (&document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->amended);
  g_clear_object (&fixture->document);
}

/* The words of @pdf, one line of text each, as pdftotext takes them;
 * %NULL, the test skipped, without poppler. */
static char *
pdf_words (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed to read the PDF");
      return NULL;
    }

  g_spawn_sync (NULL, (char *[]) { pdftotext, (char *) pdf, (char *) "-", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Lines broken where the page breaks them, joined again. */
  words = g_strsplit_set (out, " \n\f", -1);
  return g_strjoinv (" ", words);
}

static gboolean
has_words (const char *text,
           const char *words)
{
  g_auto(GStrv) parts = g_strsplit_set (words, " ", -1);
  g_autofree char *spaced = g_strjoinv (" ", parts);
  g_autofree char *squeezed = NULL;
  GString *squeeze = g_string_new (NULL);

  /* Spaces squeezed in both, as line ends and hyphenation leave them. */
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' || (squeeze->len > 0 && squeeze->str[squeeze->len - 1] != ' '))
      g_string_append_c (squeeze, *p);
  squeezed = g_string_free (squeeze, FALSE);

  return strstr (squeezed, spaced) != NULL;
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* The present text, laid out as it prints: no amendment shows. */
static void
test_pdf_clean (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "clean.pdf", NULL);
  g_auto(DraftingTestRun) run = { 0, };
  g_autofree char *words = NULL;

  drafting_test_run_tool (&run, "export", fixture->amended, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_pdf (out);

  if ((words = pdf_words (out)) == NULL)
    return;
  g_assert_true (has_words (words, "DRAFT RESOLUTION OF THE POLICY COMMISSION"));
  g_assert_true (has_words (words, "ACKNOWLEDGING that the digital transformation of the economy is one of the key drivers"));
  g_assert_true (has_words (words, "NOTING that the digitalization of the economy"));
  g_assert_true (has_words (words, "PRINCIPLE I – Advance Electronic Data and Risk Management"));
  g_assert_false (has_words (words, "now the key driver"));
  g_assert_false (has_words (words, "RECALLING"));
}

/* Every delegation's words, deleted and inserted; then one delegation's. */
static void
test_pdf_tracked (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "tracked.pdf", NULL);
  g_autofree char *france_out = g_build_filename (fixture->dir, "france.pdf", NULL);
  g_auto(DraftingTestRun) run = { 0, };
  g_auto(DraftingTestRun) france = { 0, };
  g_autofree char *words = NULL;
  g_autofree char *france_words = NULL;

  drafting_test_run_tool (&run, "export", fixture->amended, "-o", out, "--form", "tracked", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_pdf (out);

  drafting_test_run_tool (&france, "export", fixture->amended, "-o", france_out, "--form", "tracked",
                          "--delegation", "France", NULL);
  g_assert_cmpint (france.status, ==, 0);
  assert_pdf (france_out);

  if ((words = pdf_words (out)) == NULL || (france_words = pdf_words (france_out)) == NULL)
    return;

  /* France's rewording: the words it takes out and those it puts in,
   * side by side; Kenya's deletion, whole; Brazil's new clause. */
  g_assert_true (has_words (words, "is one ofnow the key driversdriver in the global trade environment"));
  g_assert_true (has_words (words, "NOTING that the digitalization of the economy"));
  g_assert_true (has_words (words, "RECALLING the Framework of Standards on Cross-Border E-Commerce,"));

  g_assert_true (has_words (france_words, "is one ofnow the key driversdriver"));
  g_assert_false (has_words (france_words, "RECALLING"));
}

/* A wrong command line, or a place that cannot be written: a message that
 * says what is wrong, and no file. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *odd = g_build_filename (fixture->dir, "out.xyz", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "out.odt", NULL);
  g_autofree char *xml = g_build_filename (fixture->dir, "out.xml", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.wcodraft", NULL);
  struct {
    const char *args[10];
    int         status;
    const char *says;
  } cases[] = {
    { { "export", fixture->amended, NULL }, 2, "-o FILE" },
    { { "export", fixture->amended, "-o", out, "--form", "fancy", NULL }, 2, "clean, tracked or compilation" },
    { { "export", fixture->amended, "-o", out, "--delegation", "France", NULL }, 2, "--form tracked" },
    { { "export", fixture->amended, "-o", odd, NULL }, 2, ".pdf" },
    { { "export", fixture->amended, "-o", xml, NULL }, 2, "--format akn" },
    { { "export", fixture->amended, "-o", xml, "--format", "rtf", NULL }, 2, "akn" },
    { { "export", fixture->amended, "-o", xml, "--format", "akn", "--form", "tracked", NULL }, 2, "--amendments" },
    { { "export", fixture->amended, "-o", out, "--amendments", fixture->dir, NULL }, 2, "--format akn" },
    { { "export", missing, "-o", out, NULL }, 1, "missing.wcodraft" },
    { { "export", fixture->amended, "-o", nowhere, NULL }, 1, "does not exist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(DraftingTestRun) run = { 0, };
      const char * const *a = cases[i].args;

      drafting_test_run_tool (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], NULL);
      g_test_message ("%s: %s", a[1], run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (odd, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
    }
}

/* Word, by the extension, in both forms; what is in them, test-docx checks. */
static void
test_docx (Fixture       *fixture,
           gconstpointer  data G_GNUC_UNUSED)
{
  for (guint tracked = 0; tracked < 2; tracked++)
    {
      g_autofree char *out = g_build_filename (fixture->dir, tracked ? "tracked.docx" : "clean.docx", NULL);
      g_auto(DraftingTestRun) run = { 0, };
      g_autofree char *contents = NULL;
      gsize length;

      drafting_test_run_tool (&run, "export", fixture->amended, "-o", out, "--form",
                              tracked ? "tracked" : "clean", NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
    }
}

/* Akoma Ntoso: the document, and each amendment of those chosen in a
 * folder of its own; what is in them, test-akn checks. */
static void
test_akn (Fixture       *fixture,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "resolution.xml", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "amendments", NULL);
  g_auto(DraftingTestRun) run = { 0, };
  g_auto(DraftingTestRun) france = { 0, };
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  drafting_test_run_tool (&run, "export", fixture->amended, "-o", out, "--format", "akn",
                          "--amendments", folder, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<akomaNtoso"));
  g_assert_nonnull (strstr (contents, "<statement"));

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *amendment = NULL;

      g_assert_true (g_str_has_suffix (name, ".xml"));
      g_assert_true (g_file_get_contents (path, &amendment, NULL, NULL));
      g_assert_nonnull (strstr (amendment, "<amendment"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 3);

  /* Only France's, again: the folder is written over. */
  drafting_test_run_tool (&france, "export", fixture->amended, "-o", out, "--format", "akn",
                          "--amendments", folder, "--delegation", "France", NULL);
  g_assert_cmpint (france.status, ==, 0);
}

/* OpenDocument Text, by the extension; what is in it, test-odt checks. */
static void
test_odt (Fixture       *fixture,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "clean.ODT", NULL);
  g_auto(DraftingTestRun) run = { 0, };
  g_autofree char *contents = NULL;
  gsize length;

  drafting_test_run_tool (&run, "export", fixture->amended, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
  /* "mimetype" first, stored, with no extra field: the type at a fixed
   * place, where a reader looks for it. */
  g_assert_true (memcmp (contents + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47) == 0);
}

/* ------------------------------------------------------------------ */
/* The core's export                                                   */

static const DraftingExportFormat formats[] = {
  DRAFTING_EXPORT_FORMAT_PDF,
  DRAFTING_EXPORT_FORMAT_ODT,
  DRAFTING_EXPORT_FORMAT_DOCX,
  DRAFTING_EXPORT_FORMAT_AKN,
};

static const DraftingExportForm forms[] = {
  DRAFTING_EXPORT_FORM_CLEAN,
  DRAFTING_EXPORT_FORM_TRACKED,
};

/* What the sentence of a failure starts with, for each format. */
static const char *
failure_start (DraftingExportFormat format)
{
  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_PDF:
      return "The PDF";
    case DRAFTING_EXPORT_FORMAT_ODT:
      return "The OpenDocument Text document";
    case DRAFTING_EXPORT_FORMAT_DOCX:
      return "The Word document";
    case DRAFTING_EXPORT_FORMAT_AKN:
      return "The Akoma Ntoso file";
    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static char *
output_path (Fixture              *fixture,
             const char           *stem,
             DraftingExportFormat  format)
{
  g_autofree char *name = g_strconcat (stem, drafting_export_format_get_extension (format), NULL);

  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

static void
write_old (const char *path)
{
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
}

/* What a reader finds in @path, the example with its amendments written
 * as @format in @form: the present text, or France's rewording and
 * Kenya's deletion as changes. */
static void
assert_exported (const char           *path,
                 DraftingExportFormat  format,
                 DraftingExportForm    form)
{
  gboolean tracked = form == DRAFTING_EXPORT_FORM_TRACKED;
  g_autofree char *contents = NULL;
  g_autofree char *part = NULL;
  g_autofree char *pdftotext = NULL;
  g_autofree char *words = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);

  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_PDF:
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      if ((pdftotext = g_find_program_in_path ("pdftotext")) == NULL)
        {
          g_test_message ("pdftotext (poppler-utils) is not installed: %s is not read back", path);
          break;
        }
      words = pdf_words (path);
      g_assert_true (has_words (words, "NOTING that the digitalization of the economy"));
      g_assert_true (has_words (words, tracked ? "is one ofnow the key driversdriver"
                                               : "is one of the key drivers in the global trade"));
      g_assert_true (has_words (words, "RECALLING") == tracked);
      break;

    case DRAFTING_EXPORT_FORMAT_ODT:
      part = drafting_export_test_read_entry (path, "mimetype", NULL);
      g_assert_cmpstr (part, ==, "application/vnd.oasis.opendocument.text");
      g_clear_pointer (&part, g_free);
      part = drafting_export_test_read_entry (path, "content.xml", NULL);
      g_assert_nonnull (part);
      g_assert_nonnull (strstr (part, "digital transformation"));
      g_assert_true ((strstr (part, "<text:tracked-changes") != NULL) == tracked);
      g_assert_true ((strstr (part, "<text:insertion") != NULL) == tracked);
      g_assert_true ((strstr (part, "<text:deletion") != NULL) == tracked);
      break;

    case DRAFTING_EXPORT_FORMAT_DOCX:
      part = drafting_export_test_read_entry (path, "word/document.xml", NULL);
      g_assert_nonnull (part);
      g_assert_nonnull (strstr (part, "digital transformation"));
      g_assert_true ((strstr (part, "<w:ins ") != NULL) == tracked);
      g_assert_true ((strstr (part, "<w:del ") != NULL) == tracked);
      break;

    case DRAFTING_EXPORT_FORMAT_AKN:
      g_assert_false (tracked);
      g_assert_nonnull (strstr (contents, "<akomaNtoso"));
      g_assert_nonnull (strstr (contents, "<statement"));
      g_assert_nonnull (strstr (contents, "digital transformation"));
      g_assert_null (strstr (contents, "now the key driver"));
      break;

    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* An export in the background, run to its end by a main loop, which a
 * timeout of 5 ms ticks in meanwhile. */
typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  guint         cancel_after;  /* ticks, or 0 not to cancel then */
  gboolean      cancel_at_once; /* as soon as the export has begun */
  guint         ticks;
  gint64        cancelled;
  gint64        finished;
  gboolean      ok;
  GError       *error;
} Run;

static void
on_exported (GObject      *source G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->ok = drafting_export_finish (result, &run->error);
  run->finished = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static gboolean
on_tick (gpointer user_data)
{
  Run *run = user_data;

  if (++run->ticks == run->cancel_after)
    {
      run->cancelled = g_get_monotonic_time ();
      g_cancellable_cancel (run->cancellable);
    }

  return G_SOURCE_CONTINUE;
}

/* Exports @document to @file in the background, @edit made to it once the
 * export has begun; what the callback was told is in @run. */
static void
run_export (Run                  *run,
            DraftingDocument     *document,
            GFile                *file,
            DraftingExportFormat  format,
            DraftingExportForm    form,
            void                (*edit) (DraftingDocument *document))
{
  guint ticker;

  run->loop = g_main_loop_new (NULL, FALSE);
  ticker = g_timeout_add (5, on_tick, run);
  drafting_export_async (document, file, format, form, NULL, NULL, run->cancellable, on_exported,
                         run);
  if (edit != NULL)
    edit (document);
  if (run->cancel_at_once)
    {
      run->cancelled = g_get_monotonic_time ();
      g_cancellable_cancel (run->cancellable);
    }
  g_main_loop_run (run->loop);
  g_source_remove (ticker);
  g_clear_pointer (&run->loop, g_main_loop_unref);
}

static void
run_clear (Run *run)
{
  g_clear_error (&run->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Formats by their extensions, and the forms each has. */
static void
test_core_formats (void)
{
  g_assert_cmpint (drafting_export_format_for_name ("resolution.pdf"), ==,
                   DRAFTING_EXPORT_FORMAT_PDF);
  g_assert_cmpint (drafting_export_format_for_name ("/tmp/a b/Resolution.PDF"), ==,
                   DRAFTING_EXPORT_FORMAT_PDF);
  g_assert_cmpint (drafting_export_format_for_name ("resolution.odt"), ==,
                   DRAFTING_EXPORT_FORMAT_ODT);
  g_assert_cmpint (drafting_export_format_for_name ("resolution.Docx"), ==,
                   DRAFTING_EXPORT_FORMAT_DOCX);
  g_assert_cmpint (drafting_export_format_for_name ("resolution.xml"), ==,
                   DRAFTING_EXPORT_FORMAT_AKN);
  g_assert_cmpint (drafting_export_format_for_name ("resolution.doc"), ==,
                   DRAFTING_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (drafting_export_format_for_name ("resolution.pdf.txt"), ==,
                   DRAFTING_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (drafting_export_format_for_name ("pdf"), ==, DRAFTING_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (drafting_export_format_for_name (""), ==, DRAFTING_EXPORT_FORMAT_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *extension = drafting_export_format_get_extension (formats[i]);
      g_autofree char *name = g_strconcat ("r", extension, NULL);

      g_assert_cmpint (drafting_export_format_for_name (name), ==, formats[i]);
      g_assert_nonnull (drafting_export_format_get_mime_type (formats[i]));
      g_assert_true (drafting_export_format_has_form (formats[i], DRAFTING_EXPORT_FORM_CLEAN));
      g_assert_true (drafting_export_format_has_form (formats[i], DRAFTING_EXPORT_FORM_TRACKED) ==
                     (formats[i] != DRAFTING_EXPORT_FORMAT_AKN));
    }
  g_assert_cmpstr (drafting_export_format_get_mime_type (DRAFTING_EXPORT_FORMAT_ODT), ==,
                   "application/vnd.oasis.opendocument.text");
  g_assert_false (drafting_export_format_has_form (DRAFTING_EXPORT_FORMAT_UNKNOWN,
                                                   DRAFTING_EXPORT_FORM_CLEAN));
}

/* Each format in each of its forms, in the calling thread. */
static void
test_core_write (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
      {
        const char *stem = f == 0 ? "sync-clean" : "sync-tracked";
        g_autofree char *path = output_path (fixture, stem, formats[i]);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;

        if (!drafting_export_format_has_form (formats[i], forms[f]))
          continue;

        g_assert_true (drafting_export_write (fixture->document, file, formats[i], forms[f], NULL,
                                              NULL, &error));
        g_assert_no_error (error);
        assert_exported (path, formats[i], forms[f]);
      }
}

static void
edit_first_clause (DraftingDocument *document)
{
  DraftingNode *node = find_text (document, DRAFTING_KIND_PREAMBLE_CLAUSE,
                                  "that the digital transformation");

  drafting_document_replace_text (document, node, 0, strlen (drafting_node_get_text (node)),
                                  "that nothing is as it was,");
}

/* Each format in each of its forms, in the background with a main loop
 * turning: what is written is the document as it was when the export
 * began, whatever is done to it meanwhile. */
static void
test_core_async (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
      {
        const char *stem = f == 0 ? "async-clean" : "async-tracked";
        g_autofree char *path = output_path (fixture, stem, formats[i]);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(DraftingDocument) document = drafting_document_snapshot (fixture->document);
        g_auto(Run) run = { 0, };

        if (!drafting_export_format_has_form (formats[i], forms[f]))
          continue;

        run_export (&run, document, file, formats[i], forms[f], edit_first_clause);
        g_assert_no_error (run.error);
        g_assert_true (run.ok);
        assert_exported (path, formats[i], forms[f]);
        if (formats[i] == DRAFTING_EXPORT_FORMAT_AKN)
          {
            g_autofree char *contents = read_file (path);

            g_assert_null (strstr (contents, "nothing is as it was"));
          }
      }
}

/* A long document is laid out and written while the main loop goes on. */
static void
test_core_responsive (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (1000, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = output_path (fixture, "long", formats[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_auto(Run) run = { 0, };
      gint64 started = g_get_monotonic_time ();

      run_export (&run, document, file, formats[i], DRAFTING_EXPORT_FORM_CLEAN, NULL);
      g_assert_no_error (run.error);
      g_assert_true (run.ok);
      g_test_message ("%s of 1,000 clauses in the background: %.0f ms, the main loop ticking "
                      "%u times every 5 ms meanwhile",
                      drafting_export_format_get_extension (formats[i]),
                      (run.finished - started) / 1000.0, run.ticks);
      if (formats[i] == DRAFTING_EXPORT_FORMAT_PDF)
        g_assert_cmpuint (run.ticks, >, 0);
    }
}

static void
assert_failure (const GError         *error,
                int                   code,
                DraftingExportFormat  format,
                const char           *name,
                const char           *reason)
{
  g_autofree char *expected = g_strdup_printf ("%s could not be written to “%s”: %s",
                                               failure_start (format), name, reason);

  g_assert_error (error, G_IO_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A folder that is not there, or a folder where the file would be: the
 * error says what could not be written where, and why. */
static void
test_core_unwritable (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "no-such-folder", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *missing = output_path (fixture, "no-such-folder" G_DIR_SEPARATOR_S "out",
                                              formats[i]);
      g_autofree char *folder = output_path (fixture, "folder", formats[i]);
      g_autofree char *missing_name = g_path_get_basename (missing);
      g_autofree char *folder_name = g_path_get_basename (folder);
      g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
      g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
      g_autoptr(GError) error = NULL;
      g_auto(Run) run = { 0, };

      g_assert_false (drafting_export_write (fixture->document, missing_file, formats[i],
                                             DRAFTING_EXPORT_FORM_CLEAN, NULL, NULL, &error));
      assert_failure (error, G_IO_ERROR_NOT_FOUND, formats[i], missing_name,
                      "the folder “no-such-folder” does not exist");
      g_test_message ("%s", error->message);

      run_export (&run, fixture->document, missing_file, formats[i], DRAFTING_EXPORT_FORM_CLEAN,
                  NULL);
      g_assert_false (run.ok);
      assert_failure (run.error, G_IO_ERROR_NOT_FOUND, formats[i], missing_name,
                      "the folder “no-such-folder” does not exist");
      g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      g_clear_error (&error);
      g_assert_false (drafting_export_write (fixture->document, folder_file, formats[i],
                                             DRAFTING_EXPORT_FORM_CLEAN, NULL, NULL, &error));
      assert_failure (error, G_IO_ERROR_IS_DIRECTORY, formats[i], folder_name,
                      "there is a folder of that name");
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    }
}

/* A disk that fills up, on a server or here, or a folder that may not be
 * written: what was there stays as it was, and nothing else is left. */
static void
test_core_keeps_old (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *extension = drafting_export_format_get_extension (formats[i]);
      g_autofree char *remote_name = g_strconcat ("remote", extension, NULL);
      g_autoptr(TestMemoryFile) remote = test_memory_file_new (remote_name, "old", 600);
      g_autofree char *path = output_path (fixture, "old", formats[i]);
      g_autofree char *path_name = g_path_get_basename (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *in_locked = g_build_filename (locked, path_name, NULL);
      g_autoptr(GFile) locked_file = g_file_new_for_path (in_locked);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autofree char *contents = NULL;
      g_auto(Run) run = { 0, };
      struct rlimit saved;
      struct rlimit limit;
      void (*previous) (int);
      guint n_files = 0;

      /* On a server, in the background. */
      run_export (&run, fixture->document, G_FILE (remote), formats[i], DRAFTING_EXPORT_FORM_CLEAN,
                  NULL);
      g_assert_false (run.ok);
      assert_failure (run.error, G_IO_ERROR_NO_SPACE, formats[i], remote_name,
                      "there is no room left on the disk");
      g_assert_cmpmem (g_bytes_get_data (test_memory_file_get_contents (remote), NULL),
                       g_bytes_get_size (test_memory_file_get_contents (remote)), "old", 3);

      /* Here: the disk full for a file this large. */
      write_old (path);
      g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
      limit = saved;
      limit.rlim_cur = 600;
      previous = signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      drafting_export_write (fixture->document, file, formats[i], DRAFTING_EXPORT_FORM_CLEAN, NULL,
                             NULL, &error);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
      signal (SIGXFSZ, previous);

      assert_failure (error, G_IO_ERROR_NO_SPACE, formats[i], path_name,
                      "there is no room left on the disk");
      contents = read_file (path);
      g_assert_cmpstr (contents, ==, "old");
      dir = g_dir_open (fixture->dir, 0, NULL);
      for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
        if (g_str_has_prefix (name, path_name))
          n_files++;
      g_assert_cmpuint (n_files, ==, 1);

      /* A folder that may not be written: root may write anywhere. */
      if (geteuid () == 0)
        continue;
      write_old (in_locked);
      g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
      g_clear_error (&error);
      drafting_export_write (fixture->document, locked_file, formats[i], DRAFTING_EXPORT_FORM_CLEAN,
                             NULL, NULL, &error);
      g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
      assert_failure (error, G_IO_ERROR_PERMISSION_DENIED, formats[i], path_name,
                      "you are not allowed to write there");
      g_clear_pointer (&contents, g_free);
      contents = read_file (in_locked);
      g_assert_cmpstr (contents, ==, "old");
    }

  if (geteuid () == 0)
    g_test_message ("run as root, who may write in any folder: the read-only folder is not tried");
}

/* Cancelled before it begins, or while a long document is laid out:
 * nothing is written, and what was there stays. */
static void
test_core_cancel (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) long_document = drafting_test_generate_resolution (1000, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = output_path (fixture, "cancelled", formats[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GCancellable) later = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) run = { .cancellable = cancellable };
      g_auto(Run) long_run = { .cancellable = later };

      write_old (path);
      g_cancellable_cancel (cancellable);

      g_assert_false (drafting_export_write (fixture->document, file, formats[i],
                                             DRAFTING_EXPORT_FORM_CLEAN, NULL, cancellable,
                                             &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      run_export (&run, fixture->document, file, formats[i], DRAFTING_EXPORT_FORM_CLEAN, NULL);
      g_assert_false (run.ok);
      g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      contents = read_file (path);
      g_assert_cmpstr (contents, ==, "old");

      /* A long one: a PDF cancelled as its pages are laid out, 20 ms
       * after it began; the others, which look only before they write,
       * as soon as they begin. */
      if (formats[i] == DRAFTING_EXPORT_FORMAT_PDF)
        long_run.cancel_after = 4;
      else
        long_run.cancel_at_once = TRUE;
      run_export (&long_run, long_document, file, formats[i], DRAFTING_EXPORT_FORM_CLEAN, NULL);
      g_assert_false (long_run.ok);
      g_assert_error (long_run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_test_message ("%s of 1,000 clauses cancelled: the callback heard in %.1f ms",
                      drafting_export_format_get_extension (formats[i]),
                      (long_run.finished - long_run.cancelled) / 1000.0);
      after = read_file (path);
      g_assert_cmpstr (after, ==, "old");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/export/pdf-clean", Fixture, NULL, fixture_set_up, test_pdf_clean, fixture_tear_down);
  g_test_add ("/export/pdf-tracked", Fixture, NULL, fixture_set_up, test_pdf_tracked, fixture_tear_down);
  g_test_add ("/export/odt", Fixture, NULL, fixture_set_up, test_odt, fixture_tear_down);
  g_test_add ("/export/docx", Fixture, NULL, fixture_set_up, test_docx, fixture_tear_down);
  g_test_add ("/export/akn", Fixture, NULL, fixture_set_up, test_akn, fixture_tear_down);
  g_test_add ("/export/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  g_test_add_func ("/export/core/formats", test_core_formats);
  g_test_add ("/export/core/write", Fixture, NULL, fixture_set_up, test_core_write,
              fixture_tear_down);
  g_test_add ("/export/core/async", Fixture, NULL, fixture_set_up, test_core_async,
              fixture_tear_down);
  g_test_add ("/export/core/responsive", Fixture, NULL, fixture_set_up, test_core_responsive,
              fixture_tear_down);
  g_test_add ("/export/core/unwritable", Fixture, NULL, fixture_set_up, test_core_unwritable,
              fixture_tear_down);
  g_test_add ("/export/core/keeps-old", Fixture, NULL, fixture_set_up, test_core_keeps_old,
              fixture_tear_down);
  g_test_add ("/export/core/cancel", Fixture, NULL, fixture_set_up, test_core_cancel,
              fixture_tear_down);

  return g_test_run ();
}
