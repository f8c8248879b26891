/* drafting-export-test-utils.c: what the tests of the ODT and DOCX exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include <json-glib/json-glib.h>

#include "drafting-export-test-utils.h"
#include "drafting-layout.h"
#include "drafting-test-utils.h"

/*
 * The ODT and the DOCX are each checked as a real reader takes them (see
 * test-odt.c and test-docx.c): written into a folder of the test's own,
 * their parts read back from the package, then opened by LibreOffice
 * (headless, a profile of its own), whose text must be the document's,
 * paragraph by paragraph, as the core's layout lays it out. Their tracked
 * forms, accepted whole, must give the text as proposed, and rejected
 * whole the present text, each change by a delegation that proposed one.
 */

const char * const drafting_export_test_documents[] = {
  "ecommerce-resolution.wcodraft",
  "ecommerce-communique.wcodraft",
  "relief-resolution",
  NULL,
};

/**
 * drafting_export_test_set_up:
 * @fixture: the test's fixture
 * @data: unused
 *
 * Makes the test a folder of its own.
 */
void
drafting_export_test_set_up (DraftingExportTestFixture *fixture,
                             gconstpointer              data G_GNUC_UNUSED)
{
  fixture->dir = drafting_test_make_tmpdir ();
}

/**
 * drafting_export_test_tear_down:
 * @fixture: the test's fixture
 * @data: unused
 *
 * Removes the test's folder and all it holds.
 */
void
drafting_export_test_tear_down (DraftingExportTestFixture *fixture,
                                gconstpointer              data G_GNUC_UNUSED)
{
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/**
 * drafting_export_test_load:
 * @name: one of drafting_export_test_documents
 *
 * Returns: (transfer full): the document: an example, or the relief
 *   resolution for a name that starts with "relief"
 */
DraftingDocument *
drafting_export_test_load (const char *name)
{
  if (g_str_has_prefix (name, "relief"))
    return drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);

  return drafting_test_load_example (name);
}

/**
 * drafting_export_test_save:
 * @fixture: the test's fixture
 * @format: the format @package is in
 * @package: (nullable): the bytes an export gave; the test fails without them
 * @name: the file's name, without its extension
 *
 * Writes @package in the fixture's folder, with @format's extension.
 *
 * Returns: (transfer full): the file's path
 */
char *
drafting_export_test_save (DraftingExportTestFixture      *fixture,
                           const DraftingExportTestFormat *format,
                           GBytes                         *package,
                           const char                     *name)
{
  g_autofree char *base = g_strconcat (name, format->extension, NULL);
  char *path = g_build_filename (fixture->dir, base, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (package);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL),
                                      g_bytes_get_size (package), &error));
  g_assert_no_error (error);

  return path;
}

/**
 * drafting_export_test_write:
 * @fixture: the test's fixture
 * @format: the format to write
 * @document: the document
 * @name: the file's name, without its extension
 *
 * Writes @document's present text in @format, in the fixture's folder.
 *
 * Returns: (transfer full): the file's path
 */
char *
drafting_export_test_write (DraftingExportTestFixture      *fixture,
                            const DraftingExportTestFormat *format,
                            DraftingDocument               *document,
                            const char                     *name)
{
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;

  package = format->write (document, &error);
  g_assert_no_error (error);

  return drafting_export_test_save (fixture, format, package, name);
}

/**
 * drafting_export_test_read_entry:
 * @path: a zip package
 * @name: the name of one of its entries
 * @length: (out) (optional): where to put the entry's length
 *
 * Returns: (transfer full) (nullable): the entry's bytes, followed by a
 *   nul, or %NULL if the package has no such entry
 */
char *
drafting_export_test_read_entry (const char *path,
                                 const char *name,
                                 gsize      *length)
{
  zip_t *archive = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (archive);
  if (zip_stat (archive, name, 0, &stat) < 0)
    {
      zip_close (archive);
      return NULL;
    }
  data = g_malloc0 (stat.size + 1);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  zip_close (archive);
  if (length != NULL)
    *length = stat.size;

  return data;
}

/**
 * drafting_export_test_run:
 * @argv: (array zero-terminated=1): the program, found in the path, and
 *   its arguments
 * @output: (out) (optional): where to put what it writes on its standard
 *   output
 *
 * Runs a program and waits for it to end.
 *
 * Returns: whether it succeeded
 */
gboolean
drafting_export_test_run (const char * const  *argv,
                          char               **output)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* What they say besides, a converter's progress or a missing Java
   * library, is not the test's. */
  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL |
                (output == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                NULL, NULL, output, NULL, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

/* @text, taken, with its superscript digits as digits: a footnote's
 * number as a word processor reads its call. */
static char *
plain_digits (char *text)
{
  static const char * const superscripts[] = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  };

  for (guint d = 0; d < G_N_ELEMENTS (superscripts); d++)
    {
      g_autofree char *digit = g_strdup_printf ("%u", d);
      g_auto(GStrv) pieces = g_strsplit (text, superscripts[d], -1);

      g_free (text);
      text = g_strjoinv (digit, pieces);
    }

  return text;
}

/* A paragraph of the layout as a word processor has it: the number, a
 * tab, the text, a footnote's call as its number. */
static char *
block_text (DraftingLayoutBlock *block)
{
  GString *line = g_string_new (NULL);

  if (block->label != NULL)
    g_string_append_printf (line, "%s\t", block->label);
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);
      g_autofree char *part = g_strndup (block->text + run->start, run->end - run->start);

      if (run->style & DRAFTING_RUN_NOTE_CALL)
        part = plain_digits (part);
      g_string_append (line, part);
    }
  /* The footnotes it holds and does not call: their calls after it. */
  for (guint i = 0; block->calls != NULL && i < block->calls->len; i++)
    if (g_array_index (block->calls, guint, i) == G_MAXUINT)
      {
        DraftingLayoutBlock *note = g_ptr_array_index (block->notes, i);
        g_autofree char *number = plain_digits (g_strdup (note->label));

        g_string_append (line, number);
      }

  return g_string_free (line, FALSE);
}

/* A paragraph of the layout as LibreOffice's text export writes it: a
 * line break starts a line. */
static void
append_expected (GPtrArray           *lines,
                 DraftingLayoutBlock *block)
{
  g_autofree char *line = block_text (block);
  g_auto(GStrv) split = g_strsplit (line, "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup (split[i]));
}

/* The text LibreOffice reads from @path, a line a paragraph, without the
 * empty lines it ends with; %NULL, the test skipped, where LibreOffice is
 * not installed. */
static GStrv
libreoffice_text (DraftingExportTestFixture *fixture,
                  const char                *path)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_build_filename (fixture->dir, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "lo", NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *base = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *read_back = NULL;
  char **lines;
  guint n;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: ./build-aux/setup installs it");
      return NULL;
    }

  *strrchr (name, '.') = '\0';
  base = g_strconcat (name, ".txt", NULL);
  txt = g_build_filename (out_dir, base, NULL);
  g_assert_true (drafting_export_test_run ((const char *[]) {
                                             soffice, env, "--headless",
                                             "--convert-to", "txt:Text (encoded):UTF8",
                                             "--outdir", out_dir, path, NULL },
                                           NULL));
  g_assert_true (g_file_get_contents (txt, &read_back, NULL, NULL));
  /* LibreOffice begins the text with a byte order mark. */
  lines = g_strsplit (g_str_has_prefix (read_back, "\xef\xbb\xbf") ? read_back + 3 : read_back,
                      "\n", -1);
  for (n = g_strv_length (lines); n > 0 && lines[n - 1][0] == '\0'; n--)
    g_clear_pointer (&lines[n - 1], g_free);

  return lines;
}

/* That @lines, LibreOffice's, are @expected, line by line. */
static void
assert_lines (char      **lines,
              GPtrArray  *expected,
              const char *name)
{
  guint n = g_strv_length (lines);

  g_test_message ("%s: %u paragraphs read back, %u expected", name, n, expected->len);
  for (guint i = 0; i < MIN (n, expected->len); i++)
    g_assert_cmpstr (g_strchomp (lines[i]), ==, g_strchomp (g_ptr_array_index (expected, i)));
  g_assert_cmpuint (n, ==, expected->len);
}

/**
 * drafting_export_test_libreoffice:
 * @fixture: the test's fixture
 * @data: the #DraftingExportTestFormat to write
 *
 * The test that LibreOffice opens each of drafting_export_test_documents
 * written in the format, and that its text is the layout's. It is
 * skipped where LibreOffice is not installed.
 */
void
drafting_export_test_libreoffice (DraftingExportTestFixture *fixture,
                                  gconstpointer              data)
{
  const DraftingExportTestFormat *format = data;

  for (guint d = 0; drafting_export_test_documents[d] != NULL; d++)
    {
      const char *name = drafting_export_test_documents[d];
      g_autoptr(DraftingDocument) document = drafting_export_test_load (name);
      g_autofree char *path = drafting_export_test_write (fixture, format, document, name);
      g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) lines = libreoffice_text (fixture, path);

      if (lines == NULL)
        return;
      for (guint i = 0; i < blocks->len; i++)
        append_expected (expected, g_ptr_array_index (blocks, i));
      assert_lines (lines, expected, name);
    }
}

/* ------------------------------------------------------------------ */
/* The compilation of amendments                                       */

/**
 * drafting_export_test_write_compilation:
 * @fixture: the test's fixture
 * @format: the format to write
 * @document: the document
 * @delegations: (nullable): only the amendments of these delegations
 * @name: the file's name, without its extension
 *
 * Returns: (transfer full): the path of the compilation written
 */
char *
drafting_export_test_write_compilation (DraftingExportTestFixture      *fixture,
                                        const DraftingExportTestFormat *format,
                                        DraftingDocument               *document,
                                        const char * const             *delegations,
                                        const char                     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = format->write_compilation (document, delegations, &error);

  g_assert_no_error (error);

  return drafting_export_test_save (fixture, format, package, name);
}

/* Each line of @text, at least one. */
static void
append_lines (GPtrArray  *lines,
              const char *text)
{
  g_auto(GStrv) split = g_strsplit (text != NULL ? text : "", "\n", -1);

  if (split[0] == NULL)
    g_ptr_array_add (lines, g_strdup (""));
  for (guint i = 0; split[i] != NULL; i++)
    if (i == 0 || split[i][0] != '\0')
      g_ptr_array_add (lines, g_strdup (split[i]));
}

/* The compilation of @document as a word processor's text has it: a line
 * a paragraph, of the title, then of each cell of the table. */
static GPtrArray *
compilation_text (DraftingDocument   *document,
                  const char * const *delegations)
{
  const DraftingLanguageTerms *terms =
    drafting_language_get_terms (drafting_document_get_language (document));
  g_autoptr(GPtrArray) entries = drafting_compilation_build (document, delegations);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *symbol = drafting_document_get_symbol (document);
  const char *title = drafting_document_get_title (document);
  const char *headings[] = {
    terms->column_element, terms->column_present, terms->column_proposed,
    terms->column_proponents, terms->column_justification, terms->column_status,
  };

  g_ptr_array_add (lines, g_strdup (terms->compilation));
  if (symbol != NULL && symbol[0] != '\0')
    g_ptr_array_add (lines, g_strdup (symbol));
  if (title != NULL && title[0] != '\0')
    g_ptr_array_add (lines, g_strdup (title));
  if (entries->len == 0)
    g_ptr_array_add (lines, g_strdup (terms->no_amendments));
  else
    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      g_ptr_array_add (lines, g_strdup (headings[i]));

  for (guint i = 0; i < entries->len; i++)
    {
      DraftingCompilationEntry *entry = g_ptr_array_index (entries, i);

      append_lines (lines, entry->element);
      append_lines (lines, entry->present);
      if (entry->destination != NULL)
        append_lines (lines, entry->destination);
      append_lines (lines, drafting_marked_text_get_text (entry->proposed));
      append_lines (lines, entry->delegation);
      if (entry->cosponsors != NULL)
        append_lines (lines, entry->cosponsors);
      append_lines (lines, entry->justification);
      append_lines (lines, entry->status);
    }

  return lines;
}

/**
 * drafting_export_test_compilation:
 * @fixture: the test's fixture
 * @data: the #DraftingExportTestFormat to write
 *
 * The test that LibreOffice reads the compilation of amendments as the
 * core lists them, in the order of the text, in the document's language:
 * the relief resolution with an amendment of every action, in English;
 * the example resolution in French, all its amendments, then those of one
 * delegation; and a document with none.
 */
void
drafting_export_test_compilation (DraftingExportTestFixture *fixture,
                                  gconstpointer              data)
{
  const DraftingExportTestFormat *format = data;
  g_autoptr(DraftingDocument) relief = drafting_export_test_amended_relief ();
  g_autoptr(DraftingDocument) resolution = drafting_export_test_amended_resolution ();
  g_autoptr(DraftingDocument) none = drafting_export_test_load ("ecommerce-communique.wcodraft");
  const char * const kenya[] = { "Kenya", NULL };
  struct {
    DraftingDocument   *document;
    const char * const *delegations;
    const char         *name;
    const char         *heading;
  } cases[] = {
    { relief, NULL, "relief-compilation", "Present text" },
    { resolution, NULL, "resolution-compilation-fr", "Texte actuel" },
    { resolution, kenya, "resolution-compilation-kenya", "Texte actuel" },
    { none, NULL, "communique-compilation", NULL },
  };

  drafting_document_set_language (resolution, "fr");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = drafting_export_test_write_compilation (fixture, format,
                                                                      cases[c].document,
                                                                      cases[c].delegations,
                                                                      cases[c].name);
      g_autoptr(GPtrArray) expected = compilation_text (cases[c].document, cases[c].delegations);
      g_auto(GStrv) lines = libreoffice_text (fixture, path);

      if (lines == NULL)
        return;
      assert_lines (lines, expected, cases[c].name);
      if (cases[c].heading != NULL)
        g_assert_true (g_strv_contains ((const char * const *) lines, cases[c].heading));
    }
}

/* ------------------------------------------------------------------ */
/* Tracked changes                                                     */

/**
 * drafting_export_test_propose:
 * @document: the document
 * @action: what the amendment does
 * @node: the element it amends
 * @destination: (nullable): where it moves @node to
 * @delegation: the delegation that proposes it
 * @cosponsor: (nullable): a delegation that co-sponsors it
 * @wording: (nullable): the words it proposes
 *
 * Proposes an amendment, which must be accepted.
 */
void
drafting_export_test_propose (DraftingDocument        *document,
                              DraftingAmendmentAction  action,
                              DraftingNode            *node,
                              DraftingNode            *destination,
                              const char              *delegation,
                              const char              *cosponsor,
                              const char              *wording)
{
  DraftingAmendment *amendment = drafting_test_amendment_new (action, node, delegation, NULL, wording);
  const char *cosponsors[] = { cosponsor, NULL };

  drafting_amendment_set_cosponsors (amendment, cosponsors);
  if (destination != NULL)
    drafting_amendment_set_destination (amendment, drafting_node_get_id (destination),
                                        DRAFTING_PLACEMENT_AFTER);
  g_object_unref (drafting_test_propose (document, amendment));
}

/**
 * drafting_export_test_footnote_calls:
 *
 * The communiqué with the paragraph that calls its footnote reworded, by
 * France, so that it no longer calls it, though it keeps the footnote,
 * and the words after the call deleted with it; and the paragraph before
 * reworded by Kenya.
 *
 * Returns: (transfer full): the document
 */
DraftingDocument *
drafting_export_test_footnote_calls (void)
{
  DraftingDocument *document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);

  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, second, NULL,
                                "France", NULL,
                                "This fast evolving trading environment requires a comprehensive "
                                "response from all stakeholders. To this end, the World Customs "
                                "Organization (WCO) and its Members act together.");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL,
                                "Kenya", NULL, "The trade in electronic commerce has grown.");

  return document;
}

/**
 * drafting_export_test_amended_relief:
 *
 * The relief resolution with an amendment of every action: two
 * rewordings of one paragraph by two delegations, a new paragraph that
 * renumbers those after it, a sub-paragraph moved, the last paragraph
 * deleted.
 *
 * Returns: (transfer full): the document
 */
DraftingDocument *
drafting_export_test_amended_relief (void)
{
  DraftingDocument *document =
    drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *sub_a = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  DraftingNode *sub_b = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);

  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL,
                                "France", "Kenya",
                                "Members should speed up the clearance of relief consignments;");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_INSERT, first, NULL, "Japan", NULL,
                                "Members should waive duties and taxes on relief consignments;");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, second, NULL,
                                "Brazil", NULL,
                                "Members should share data with other border agencies:");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, second, NULL,
                                "Spain", NULL,
                                "Members should share information with all border agencies:");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_MOVE, sub_a, sub_b,
                                "Peru", NULL, NULL);
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_DELETE, third, NULL,
                                "Kenya", NULL, NULL);

  return document;
}

/**
 * drafting_export_test_amended_resolution:
 *
 * The example resolution with a rewording, a deletion and a new clause.
 *
 * Returns: (transfer full): the document
 */
DraftingDocument *
drafting_export_test_amended_resolution (void)
{
  DraftingDocument *document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);

  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL, "France", NULL,
                                "that the digital transformation of the economy is now the key "
                                "driver in the global trade environment,");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_DELETE, second, NULL,
                                "Kenya", "Japan", NULL);
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_INSERT, second, NULL, "Brazil", NULL,
                                "that the Framework of Standards on Cross-Border E-Commerce was "
                                "adopted in 2018,");

  return document;
}

/* The paragraphs of @document as a word processor has them: the number, a
 * tab, the text, a footnote's call as its number. */
static GPtrArray *
paragraph_texts (DraftingDocument *document)
{
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (texts, block_text (g_ptr_array_index (blocks, i)));

  return texts;
}

/* The texts of @document's footnotes, in the order they print. */
static GPtrArray *
note_texts (DraftingDocument *document)
{
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      for (guint n = 0; block->notes != NULL && n < block->notes->len; n++)
        g_ptr_array_add (texts, g_strdup (((DraftingLayoutBlock *) g_ptr_array_index (block->notes, n))->text));
    }

  return texts;
}

/* A footnote's text as read back: Word's footnotes put a space between
 * the footnote's number and its text, which is not the text. */
static void
assert_notes (JsonArray  *read_back,
              GPtrArray  *expected,
              const char *what)
{
  g_test_message ("%s: %u read back, %u expected", what,
                  json_array_get_length (read_back), expected->len);
  g_assert_cmpuint (json_array_get_length (read_back), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const char *text = json_array_get_string_element (read_back, i);

      g_assert_cmpstr (text + (text[0] == ' '), ==, g_ptr_array_index (expected, i));
    }
}

static void
assert_paragraphs (JsonArray  *read_back,
                   GPtrArray  *expected,
                   const char *what)
{
  g_test_message ("%s: %u paragraphs read back, %u expected", what,
                  json_array_get_length (read_back), expected->len);
  g_assert_cmpuint (json_array_get_length (read_back), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (json_array_get_string_element (read_back, i), ==,
                     g_ptr_array_index (expected, i));
}

/**
 * drafting_export_test_is_proposer:
 * @document: the document
 * @author: the author of a change
 *
 * Returns: whether @author is a delegation that proposed one of
 *   @document's amendments
 */
gboolean
drafting_export_test_is_proposer (DraftingDocument *document,
                                  const char       *author)
{
  GListModel *amendments = drafting_document_get_amendments (document);

  for (guint a = 0; a < g_list_model_get_n_items (amendments); a++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, a);

      if (g_strcmp0 (drafting_amendment_get_delegation (amendment), author) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * drafting_export_test_assert_tracked:
 * @path: the tracked form of @document, written by an export
 * @document: the document, its amendments proposed
 * @name: what to call it in the test's messages
 *
 * Asserts that LibreOffice opens the tracked form at @path, that Accept
 * All gives the text as proposed and Reject All the present text, and
 * that each change is by a delegation that proposed one. The test is
 * skipped where LibreOffice is not installed.
 */
void
drafting_export_test_assert_tracked (const char       *path,
                                     DraftingDocument *document,
                                     const char       *name)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lo", "lo-tracked.py", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);
  g_autoptr(GPtrArray) accepted = paragraph_texts (proposed);
  g_autoptr(GPtrArray) rejected = paragraph_texts (document);
  g_autoptr(GPtrArray) accepted_notes = note_texts (proposed);
  g_autoptr(GPtrArray) rejected_notes = note_texts (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  JsonObject *result;
  JsonArray *changes;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: ./build-aux/setup installs it");
      return;
    }

  g_assert_true (drafting_export_test_run ((const char *[]) { "/usr/bin/python3", script, path,
                                                              NULL },
                                           &output));
  g_assert_true (json_parser_load_from_data (parser, output, -1, &error));
  g_assert_no_error (error);
  result = json_node_get_object (json_parser_get_root (parser));

  assert_paragraphs (json_object_get_array_member (result, "accepted"), accepted, "Accept All");
  assert_paragraphs (json_object_get_array_member (result, "rejected"), rejected, "Reject All");
  assert_notes (json_object_get_array_member (result, "accepted_notes"), accepted_notes,
                "Accept All, footnotes");
  assert_notes (json_object_get_array_member (result, "rejected_notes"), rejected_notes,
                "Reject All, footnotes");

  changes = json_object_get_array_member (result, "changes");
  g_assert_cmpuint (json_array_get_length (changes), >, 0);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *author = json_object_get_string_member (change, "author");

      if (!drafting_export_test_is_proposer (document, author))
        g_error ("a change by “%s”, who proposed nothing", author);
    }
  g_test_message ("%s: %u changes", name, json_array_get_length (changes));
}
