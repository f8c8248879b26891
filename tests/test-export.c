/* test-export.c: wco-draft export, as a person runs it, read back as a reader would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "drafting-test-utils.h"

/*
 * A PDF written by `wco-draft export` is read back with poppler's
 * pdftotext, as any reader would take the words from it: the clean form
 * has the present text laid out as it prints; the tracked form has every
 * word the amendments delete and insert, of all delegations or of those
 * chosen. A wrong command line, or a place that cannot be written, gets a
 * plain message and no file.
 */

typedef struct
{
  char *dir;
  char *amended;   /* the example with amendments of four delegations */
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->amended);
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

  return g_test_run ();
}
