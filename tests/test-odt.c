/* test-odt.c: OpenDocument Text as a real reader takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include <json-glib/json-glib.h>

#include "drafting-layout.h"
#include "drafting-odt.h"
#include "drafting-test-utils.h"

/*
 * An ODT must be right the first time a real program opens it. Each one
 * written here is checked as an ODF 1.3 consumer checks it (the package:
 * "mimetype" first and stored, a manifest naming each part; each part
 * against the OASIS ODF 1.3 RELAX NG schemas, with jing, or xmllint when
 * jing is missing), then opened by LibreOffice (headless, a profile of its
 * own), whose text must be the document's, paragraph by paragraph, as the
 * core's layout lays it out: numbers, leading phrases, footnote calls.
 */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->dir = drafting_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static DraftingDocument *
load (const char *name)
{
  if (g_str_has_prefix (name, "relief"))
    return drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);

  return drafting_test_load_example (name);
}

static const char * const documents[] = {
  "ecommerce-resolution.wcodraft",
  "ecommerce-communique.wcodraft",
  "relief-resolution",
};

static char *
write_odt (Fixture          *fixture,
           DraftingDocument *document,
           const char       *name)
{
  g_autofree char *base = g_strconcat (name, ".odt", NULL);
  char *path = g_build_filename (fixture->dir, base, NULL);
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;

  package = drafting_odt_write (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (package);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package),
                                      &error));
  g_assert_no_error (error);

  return path;
}

/* The entry @name of the package at @path, or %NULL. */
static char *
read_entry (const char *path,
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

static gboolean
run (const char * const *argv,
     char              **output)
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

/* Validates @xml against the RELAX NG @schema, with jing or xmllint. */
static void
assert_valid (const char *xml,
              const char *schema)
{
  g_autofree char *jing = g_find_program_in_path ("jing");
  g_autofree char *output = NULL;
  gboolean valid;

  if (jing != NULL)
    valid = run ((const char *[]) { jing, "-i", schema, xml, NULL }, &output);
  else
    valid = run ((const char *[]) { "xmllint", "--noout", "--nonet", "--relaxng", schema, xml, NULL },
                 &output);
  if (!valid)
    g_error ("%s is not valid against %s: %s", xml, schema, output);
}

/* The package as ODF asks for it, each part valid. */
static void
test_valid (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  const char *schemas = g_getenv ("DRAFTING_SCHEMA_DIR");
  g_autofree char *schema = NULL;
  g_autofree char *manifest_schema = NULL;

  g_assert_nonnull (schemas);
  schema = g_build_filename (schemas, "OpenDocument-v1.3-schema.rng", NULL);
  manifest_schema = g_build_filename (schemas, "OpenDocument-v1.3-manifest-schema.rng", NULL);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(DraftingDocument) document = load (documents[d]);
      g_autofree char *path = write_odt (fixture, document, documents[d]);
      static const char * const parts[] = { "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml" };
      g_autofree char *mimetype = NULL;
      g_autofree char *styles = NULL;
      g_autofree char *meta = NULL;
      zip_t *archive;
      zip_stat_t stat;

      /* "mimetype" first, stored, with the type. */
      archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, NULL);
      g_assert_nonnull (archive);
      g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "mimetype");
      g_assert_cmpint (zip_stat_index (archive, 0, 0, &stat), ==, 0);
      g_assert_cmpuint (stat.comp_method, ==, ZIP_CM_STORE);
      zip_close (archive);
      mimetype = read_entry (path, "mimetype", NULL);
      g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          gsize length;
          g_autofree char *xml = read_entry (path, parts[i], &length);
          g_autofree char *name = g_strdelimit (g_strdup (parts[i]), "/", '-');
          g_autofree char *extracted = g_build_filename (fixture->dir, name, NULL);

          g_assert_nonnull (xml);
          g_assert_true (g_file_set_contents (extracted, xml, length, NULL));
          assert_valid (extracted, i == 0 ? manifest_schema : schema);
        }

      /* A style for each kind of element, named as a person looks for it;
       * the properties and the language in the metadata. */
      styles = read_entry (path, "styles.xml", NULL);
      meta = read_entry (path, "meta.xml", NULL);
      g_assert_nonnull (strstr (meta, "<dc:language>en</dc:language>"));
      if (d == 0)
        {
          g_assert_nonnull (strstr (styles, "style:display-name=\"Preambular clause\""));
          g_assert_nonnull (strstr (styles, "style:display-name=\"Heading line\""));
          g_assert_nonnull (strstr (styles, "style:display-name=\"Leading phrase\""));
          g_assert_nonnull (strstr (styles, "fo:language=\"en\""));
          g_assert_nonnull (strstr (meta, "<dc:title>Resolution of the Policy Commission"));
          g_assert_nonnull (strstr (meta, "meta:name=\"Status\">draft<"));
        }
    }
}

/* A paragraph of the layout as LibreOffice's text export writes it: the
 * number, a tab, the text, a footnote's call as its number. */
static void
append_expected (GPtrArray           *lines,
                 DraftingLayoutBlock *block)
{
  static const char * const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  GString *line = g_string_new (NULL);
  g_auto(GStrv) split = NULL;

  if (block->label != NULL)
    g_string_append_printf (line, "%s\t", block->label);
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);
      g_autofree char *part = g_strndup (block->text + run->start, run->end - run->start);

      if (run->style & DRAFTING_RUN_NOTE_CALL)
        for (guint d = 0; d < G_N_ELEMENTS (superscripts); d++)
          {
            g_autofree char *digit = g_strdup_printf ("%u", d);
            g_auto(GStrv) pieces = g_strsplit (part, superscripts[d], -1);

            g_free (part);
            part = g_strjoinv (digit, pieces);
          }
      g_string_append (line, part);
    }

  split = g_strsplit (line->str, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup (split[i]));
  g_string_free (line, TRUE);
}

/* LibreOffice opens each document, and its text is the layout's. */
static void
test_libreoffice (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *env = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: ./build-aux/setup installs it");
      return;
    }

  profile = g_build_filename (fixture->dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(DraftingDocument) document = load (documents[d]);
      g_autofree char *path = write_odt (fixture, document, documents[d]);
      g_autofree char *out_dir = g_build_filename (fixture->dir, "lo", NULL);
      g_autofree char *base = g_strconcat (documents[d], ".txt", NULL);
      g_autofree char *txt = g_build_filename (out_dir, base, NULL);
      g_autofree char *read_back = NULL;
      g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) lines = NULL;
      guint n = 0;

      g_assert_true (run ((const char *[]) { soffice, env, "--headless", "--convert-to",
                                             "txt:Text (encoded):UTF8", "--outdir", out_dir, path, NULL },
                          NULL));
      g_assert_true (g_file_get_contents (txt, &read_back, NULL, NULL));
      /* LibreOffice begins the text with a byte order mark. */
      lines = g_strsplit (g_str_has_prefix (read_back, "\xef\xbb\xbf") ? read_back + 3 : read_back,
                          "\n", -1);

      for (guint i = 0; i < blocks->len; i++)
        append_expected (expected, g_ptr_array_index (blocks, i));
      while (lines[n] != NULL && (lines[n][0] != '\0' || lines[n + 1] != NULL))
        n++;
      g_test_message ("%s: %u paragraphs read back, %u laid out", documents[d], n, expected->len);
      g_assert_cmpuint (n, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpstr (g_strchomp (lines[i]), ==, g_strchomp (g_ptr_array_index (expected, i)));
    }
}

/* ------------------------------------------------------------------ */
/* Tracked changes, as LibreOffice takes them                          */

static void
propose (DraftingDocument        *document,
         DraftingAmendmentAction  action,
         DraftingNode            *node,
         DraftingNode            *destination,
         const char              *delegation,
         const char              *cosponsor,
         const char              *wording)
{
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (action, delegation);
  g_autoptr(GError) error = NULL;
  const char *cosponsors[] = { cosponsor, NULL };

  drafting_amendment_set_cosponsors (amendment, cosponsors);
  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  if (destination != NULL)
    drafting_amendment_set_destination (amendment, drafting_node_get_id (destination), DRAFTING_PLACEMENT_AFTER);
  if (action == DRAFTING_AMENDMENT_INSERT)
    drafting_amendment_set_kind (amendment, drafting_node_get_kind (node));
  if (wording != NULL)
    {
      g_autoptr(DraftingInline) content = drafting_inline_new (wording);

      drafting_amendment_set_wording (amendment, NULL, content);
    }
  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);
}

/* The relief resolution with an amendment of every action: two
 * rewordings of one paragraph by two delegations, a new paragraph that
 * renumbers those after it, a sub-paragraph moved, the last paragraph
 * deleted. */
static DraftingDocument *
amended_relief (void)
{
  DraftingDocument *document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *sub_a = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  DraftingNode *sub_b = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);

  propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL, "France", "Kenya",
           "Members should speed up the clearance of relief consignments;");
  propose (document, DRAFTING_AMENDMENT_INSERT, first, NULL, "Japan", NULL,
           "Members should waive duties and taxes on relief consignments;");
  propose (document, DRAFTING_AMENDMENT_REPLACE, second, NULL, "Brazil", NULL,
           "Members should share data with other border agencies:");
  propose (document, DRAFTING_AMENDMENT_REPLACE, second, NULL, "Spain", NULL,
           "Members should share information with all border agencies:");
  propose (document, DRAFTING_AMENDMENT_MOVE, sub_a, sub_b, "Peru", NULL, NULL);
  propose (document, DRAFTING_AMENDMENT_DELETE, third, NULL, "Kenya", NULL, NULL);

  return document;
}

/* The paragraphs of @document as a word processor's text has them: the
 * number, a tab, the text. */
static GPtrArray *
paragraph_texts (DraftingDocument *document)
{
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      g_ptr_array_add (texts, block->label != NULL ? g_strdup_printf ("%s\t%s", block->label, block->text)
                                                   : g_strdup (block->text));
    }

  return texts;
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
    g_assert_cmpstr (json_array_get_string_element (read_back, i), ==, g_ptr_array_index (expected, i));
}

/* LibreOffice opens the tracked form, and Accept All gives the text as
 * proposed, Reject All the present text; each change is by a delegation
 * that proposed one. */
static void
test_tracked (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  const char *schemas = g_getenv ("DRAFTING_SCHEMA_DIR");
  g_autofree char *schema = g_build_filename (schemas, "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lo", "lo-tracked.py", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  DraftingDocument *amended[2] = { amended_relief (), drafting_test_load_example ("ecommerce-resolution.wcodraft") };
  const char *names[2] = { "relief-tracked", "resolution-tracked" };

  /* The example's amendments: a rewording, a deletion, a new clause. */
  {
    DraftingNode *first = drafting_test_find (amended[1], DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
    DraftingNode *second = drafting_test_find (amended[1], DRAFTING_KIND_PREAMBLE_CLAUSE, 1);

    propose (amended[1], DRAFTING_AMENDMENT_REPLACE, first, NULL, "France", NULL,
             "that the digital transformation of the economy is now the key driver in the global "
             "trade environment,");
    propose (amended[1], DRAFTING_AMENDMENT_DELETE, second, NULL, "Kenya", "Japan", NULL);
    propose (amended[1], DRAFTING_AMENDMENT_INSERT, second, NULL, "Brazil", NULL,
             "that the Framework of Standards on Cross-Border E-Commerce was adopted in 2018,");
  }

  for (guint d = 0; d < G_N_ELEMENTS (amended); d++)
    {
      g_autoptr(DraftingDocument) document = amended[d];
      g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);
      g_autofree char *base = g_strconcat (names[d], ".odt", NULL);
      g_autofree char *path = g_build_filename (fixture->dir, base, NULL);
      g_autofree char *content_path = g_build_filename (fixture->dir, "content.xml", NULL);
      g_autofree char *content = NULL;
      g_autofree char *output = NULL;
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) accepted = paragraph_texts (proposed);
      g_autoptr(GPtrArray) rejected = paragraph_texts (document);
      JsonObject *result;
      JsonArray *changes;
      gsize length;

      package = drafting_odt_write_tracked (document, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), NULL));

      /* Valid, the regions first in the text, as ODF asks. */
      content = read_entry (path, "content.xml", &length);
      g_assert_nonnull (strstr (content, "<office:text><text:tracked-changes"));
      g_assert_true (g_file_set_contents (content_path, content, length, NULL));
      assert_valid (content_path, schema);

      if (soffice == NULL)
        {
          g_test_skip ("LibreOffice (soffice) is not installed: ./build-aux/setup installs it");
          continue;
        }

      g_assert_true (run ((const char *[]) { "/usr/bin/python3", script, path, NULL }, &output));
      g_assert_true (json_parser_load_from_data (parser, output, -1, &error));
      g_assert_no_error (error);
      result = json_node_get_object (json_parser_get_root (parser));

      assert_paragraphs (json_object_get_array_member (result, "accepted"), accepted, "Accept All");
      assert_paragraphs (json_object_get_array_member (result, "rejected"), rejected, "Reject All");

      changes = json_object_get_array_member (result, "changes");
      g_assert_cmpuint (json_array_get_length (changes), >, 0);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          const char *author = json_object_get_string_member (change, "author");
          gboolean proposer = FALSE;
          GListModel *amendments = drafting_document_get_amendments (document);

          for (guint a = 0; a < g_list_model_get_n_items (amendments) && !proposer; a++)
            {
              g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, a);

              proposer = g_strcmp0 (drafting_amendment_get_delegation (amendment), author) == 0;
            }
          if (!proposer)
            g_error ("a change by “%s”, who proposed nothing", author);
        }
      g_test_message ("%s: %u changes", names[d], json_array_get_length (changes));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/odt/valid", Fixture, NULL, fixture_set_up, test_valid, fixture_tear_down);
  g_test_add ("/odt/libreoffice", Fixture, NULL, fixture_set_up, test_libreoffice, fixture_tear_down);
  g_test_add ("/odt/tracked", Fixture, NULL, fixture_set_up, test_tracked, fixture_tear_down);

  return g_test_run ();
}
