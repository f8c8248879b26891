/* test-odt.c: OpenDocument Text as a real reader takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include "drafting-export-test-utils.h"
#include "drafting-test-utils.h"
#include "drafting-odt.h"

/*
 * An ODT must be right the first time a real program opens it. Each one
 * written here is checked as an ODF 1.3 consumer checks it (the package:
 * "mimetype" first and stored, a manifest naming each part; each part
 * against the OASIS ODF 1.3 RELAX NG schemas, with jing, or xmllint when
 * jing is missing), then opened by LibreOffice (headless, a profile of its
 * own), whose text must be the document's, paragraph by paragraph, as the
 * core's layout lays it out: numbers, leading phrases, footnote calls.
 */

static const DraftingExportTestFormat odt = {
  DRAFTING_ODT_EXTENSION, drafting_odt_write, drafting_odt_write_compilation,
};

/* Validates @xml against the RELAX NG @schema, with jing or xmllint. */
static void
assert_valid (const char *xml,
              const char *schema)
{
  g_autofree char *jing = g_find_program_in_path ("jing");
  g_autofree char *output = NULL;
  gboolean valid;

  if (jing != NULL)
    valid = drafting_export_test_run ((const char *[]) { jing, "-i", schema, xml, NULL }, &output);
  else
    valid = drafting_export_test_run ((const char *[]) { "xmllint", "--noout", "--nonet",
                                                         "--relaxng", schema, xml, NULL },
                                      &output);
  if (!valid)
    g_error ("%s is not valid against %s: %s", xml, schema, output);
}

/* The package as ODF asks for it, each part valid. */
static void
test_valid (DraftingExportTestFixture *fixture,
            gconstpointer              data G_GNUC_UNUSED)
{
  const char *schemas = g_getenv ("DRAFTING_SCHEMA_DIR");
  g_autofree char *schema = NULL;
  g_autofree char *manifest_schema = NULL;

  g_assert_nonnull (schemas);
  schema = g_build_filename (schemas, "OpenDocument-v1.3-schema.rng", NULL);
  manifest_schema = g_build_filename (schemas, "OpenDocument-v1.3-manifest-schema.rng", NULL);

  for (guint d = 0; drafting_export_test_documents[d] != NULL; d++)
    {
      const char *document_name = drafting_export_test_documents[d];
      g_autoptr(DraftingDocument) document = drafting_export_test_load (document_name);
      g_autofree char *path = drafting_export_test_write (fixture, &odt, document, document_name);
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
      mimetype = drafting_export_test_read_entry (path, "mimetype", NULL);
      g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          gsize length;
          g_autofree char *xml = drafting_export_test_read_entry (path, parts[i], &length);
          g_autofree char *name = g_strdelimit (g_strdup (parts[i]), "/", '-');
          g_autofree char *extracted = g_build_filename (fixture->dir, name, NULL);

          g_assert_nonnull (xml);
          g_assert_true (g_file_set_contents (extracted, xml, length, NULL));
          assert_valid (extracted, i == 0 ? manifest_schema : schema);
        }

      /* A style for each kind of element, named as a person looks for it;
       * the properties and the language in the metadata. */
      styles = drafting_export_test_read_entry (path, "styles.xml", NULL);
      meta = drafting_export_test_read_entry (path, "meta.xml", NULL);
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

/* ------------------------------------------------------------------ */
/* Tracked changes, as LibreOffice takes them                          */

/* The tracked form valid, and LibreOffice opens it: Accept All gives the
 * text as proposed, Reject All the present text; each change is by a
 * delegation that proposed one. */
static void
test_tracked (DraftingExportTestFixture *fixture,
              gconstpointer              data G_GNUC_UNUSED)
{
  const char *schemas = g_getenv ("DRAFTING_SCHEMA_DIR");
  g_autofree char *schema = g_build_filename (schemas, "OpenDocument-v1.3-schema.rng", NULL);
  DraftingDocument *amended[2] = {
    drafting_export_test_amended_relief (), drafting_export_test_amended_resolution (),
  };
  const char *names[2] = { "relief-tracked", "resolution-tracked" };

  for (guint d = 0; d < G_N_ELEMENTS (amended); d++)
    {
      g_autoptr(DraftingDocument) document = amended[d];
      g_autofree char *path = NULL;
      g_autofree char *content_path = g_build_filename (fixture->dir, "content.xml", NULL);
      g_autofree char *content = NULL;
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      package = drafting_odt_write_tracked (document, NULL, &error);
      g_assert_no_error (error);
      path = drafting_export_test_save (fixture, &odt, package, names[d]);

      /* Valid, the regions first in the text, as ODF asks. */
      content = drafting_export_test_read_entry (path, "content.xml", &length);
      g_assert_nonnull (strstr (content, "<office:text><text:tracked-changes"));
      g_assert_true (g_file_set_contents (content_path, content, length, NULL));
      assert_valid (content_path, schema);

      drafting_export_test_assert_tracked (path, document, names[d]);
    }
}

/* Words a rewording inserts keep their emphasis inside the change, and
 * the words it deletes theirs inside the deletion; LibreOffice's Accept
 * All and Reject All still give the two texts. */
static void
test_tracked_marks (DraftingExportTestFixture *fixture,
                    gconstpointer              data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  const char *wording = "that the digital transformation of the economy is now the key driver in "
                        "the global trade environment,";
  const char *emphasised = "now the key driver";
  g_autoptr(DraftingInline) content = drafting_inline_new (wording);
  DraftingAmendment *amendment;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  const char *start;
  const char *end;
  const char *span;
  guint at = strstr (wording, emphasised) - wording;

  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, at, at + strlen (emphasised), NULL);
  amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_REPLACE, first, "France", NULL, NULL);
  drafting_amendment_set_wording (amendment, NULL, content);
  g_object_unref (drafting_test_propose (document, amendment));

  package = drafting_odt_write_tracked (document, NULL, &error);
  g_assert_no_error (error);
  path = drafting_export_test_save (fixture, &odt, package, "tracked-marks");
  xml = drafting_export_test_read_entry (path, "content.xml", NULL);

  /* The emphasis is between the start and the end of an insertion. */
  span = strstr (xml, "<text:span text:style-name=\"Emphasis\">now");
  g_assert_nonnull (span);
  start = g_strrstr_len (xml, span - xml, "<text:change-start ");
  end = g_strrstr_len (xml, span - xml, "<text:change-end ");
  g_assert_nonnull (start);
  g_assert_true (end == NULL || end < start);

  drafting_export_test_assert_tracked (path, document, "tracked-marks");
}

/* A rewording that no longer calls the footnote its paragraph keeps:
 * the call is deleted with its footnote, a real one, and the footnote
 * printed after the text is inserted; Accept All gives the footnote once,
 * after the text, and Reject All once, where it was called. The words
 * deleted after the call keep the space that starts them. */
static void
test_tracked_footnotes (DraftingExportTestFixture *fixture,
                        gconstpointer              data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_export_test_footnote_calls ();
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  const char *region;
  const char *end;

  package = drafting_odt_write_tracked (document, NULL, &error);
  g_assert_no_error (error);
  path = drafting_export_test_save (fixture, &odt, package, "tracked-footnotes");
  xml = drafting_export_test_read_entry (path, "content.xml", NULL);

  /* Two footnotes: the one deleted, in its region, and the one inserted. */
  region = strstr (xml, "<text:tracked-changes");
  end = strstr (xml, "</text:tracked-changes>");
  g_assert_nonnull (region);
  g_assert_nonnull (end);
  g_assert_nonnull (g_strstr_len (region, end - region, "<text:note "));
  g_assert_nonnull (strstr (end, "<text:note "));
  g_assert_nonnull (g_strstr_len (region, end - region, "<text:p text:style-name=\"Narrative_20_paragraph\"><text:s/>established"));

  drafting_export_test_assert_tracked (path, document, "tracked-footnotes");
}

/* ------------------------------------------------------------------ */
/* The compilation of amendments                                       */

/* The compilation valid, on landscape pages, its words the document's. */
static void
test_compilation_valid (DraftingExportTestFixture *fixture,
                        gconstpointer              data G_GNUC_UNUSED)
{
  const char *schemas = g_getenv ("DRAFTING_SCHEMA_DIR");
  g_autofree char *schema = g_build_filename (schemas, "OpenDocument-v1.3-schema.rng", NULL);
  g_autoptr(DraftingDocument) document = drafting_export_test_amended_resolution ();
  g_autofree char *path = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml" };

  drafting_document_set_language (document, "fr");
  path = drafting_export_test_write_compilation (fixture, &odt, document, NULL, "compilation");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize length;
      g_autofree char *xml = drafting_export_test_read_entry (path, parts[i], &length);
      g_autofree char *extracted = g_build_filename (fixture->dir, parts[i], NULL);

      g_assert_nonnull (xml);
      g_assert_true (g_file_set_contents (extracted, xml, length, NULL));
      assert_valid (extracted, schema);
    }

  content = drafting_export_test_read_entry (path, "content.xml", NULL);
  styles = drafting_export_test_read_entry (path, "styles.xml", NULL);
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_nonnull (strstr (content, ">Compilation des amendements<"));
  g_assert_nonnull (strstr (content, ">Coauteurs : Japan<"));
  g_assert_nonnull (strstr (content, "text:style-name=\"Inserted_20_words\""));
  g_assert_nonnull (strstr (content, "text:style-name=\"Deleted_20_words\""));
  g_assert_nonnull (strstr (styles, "style:print-orientation=\"landscape\""));
  g_assert_nonnull (strstr (styles, "style:display-name=\"Deleted words\""));
  g_assert_nonnull (strstr (styles, "fo:language=\"fr\""));
  /* The footer's "Page 2 of 5" is the document's language's too. */
  g_assert_nonnull (strstr (styles, "</text:page-number> sur <text:page-count>"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/odt/valid", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_valid, drafting_export_test_tear_down);
  g_test_add ("/odt/libreoffice", DraftingExportTestFixture, &odt,
              drafting_export_test_set_up, drafting_export_test_libreoffice,
              drafting_export_test_tear_down);
  g_test_add ("/odt/tracked", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_tracked, drafting_export_test_tear_down);
  g_test_add ("/odt/tracked/marks", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_tracked_marks, drafting_export_test_tear_down);
  g_test_add ("/odt/tracked/footnotes", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_tracked_footnotes, drafting_export_test_tear_down);
  g_test_add ("/odt/compilation/valid", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_compilation_valid, drafting_export_test_tear_down);
  g_test_add ("/odt/compilation/libreoffice", DraftingExportTestFixture, &odt,
              drafting_export_test_set_up, drafting_export_test_compilation,
              drafting_export_test_tear_down);

  return g_test_run ();
}
