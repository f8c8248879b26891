/* test-akn.c: the Akoma Ntoso export, validated against the schema and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "drafting-akn.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * Each document and amendment is written to a file of the test's own,
 * validated there by xmllint against the OASIS schema of Akoma Ntoso 3.0
 * (that of the shared folder beside the project, or of the test data),
 * and read back with libxml2's XPath as any reader of Akoma Ntoso would:
 * as many recitals as preambular clauses, as many paragraphs as operative
 * paragraphs, their numbers, their words, emphasis, the footnote where it
 * is called, the annex as an attachment, eIds that never repeat; for an
 * amendment, its delegations, what it is about, the words it deletes and
 * inserts, and why. Without the schema or xmllint, a test says so and
 * skips the validation, but still reads the file back.
 */

#define NS_AKN      DRAFTING_AKN_NAMESPACE
#define NS_DRAFTING DRAFTING_AMENDMENT_FILE_NAMESPACE

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

/* ------------------------------------------------------------------ */
/* Validating                                                          */

/* Whether @dir holds the schema and the schema of xml: it imports. */
static gboolean
has_schema (const char *dir)
{
  g_autofree char *schema = g_build_filename (dir, "akomantoso30.xsd", NULL);
  g_autofree char *xml = g_build_filename (dir, "xml.xsd", NULL);

  return g_file_test (schema, G_FILE_TEST_IS_REGULAR) && g_file_test (xml, G_FILE_TEST_IS_REGULAR);
}

/* The Akoma Ntoso schema: the shared one beside the project, else the
 * one among the test data; %NULL if neither is there. */
static char *
find_schema (void)
{
  g_autofree char *shared = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "shared",
                                              "schemas", NULL);
  const char *data = g_getenv ("DRAFTING_SCHEMA_DIR");

  if (has_schema (shared))
    return g_build_filename (shared, "akomantoso30.xsd", NULL);
  if (data != NULL && has_schema (data))
    return g_build_filename (data, "akomantoso30.xsd", NULL);

  return NULL;
}

/* Validates @path with xmllint against the schema; skips the test,
 * saying why, when the schema or xmllint is missing. */
static void
validate (const char *path)
{
  g_autofree char *schema = find_schema ();
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (schema == NULL)
    {
      g_test_skip ("The Akoma Ntoso schema (shared/schemas/akomantoso30.xsd, with xml.xsd) is not "
                   "beside the project: the files written are not validated");
      return;
    }
  if (xmllint == NULL)
    {
      g_test_skip ("xmllint (libxml2-utils) is needed to validate the files written");
      return;
    }

  g_spawn_sync (NULL,
                (char *[]) { xmllint, (char *) "--noout", (char *) "--nonet", (char *) "--schema",
                             schema, (char *) path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s", path, schema, err);
}

/* ------------------------------------------------------------------ */
/* Reading back                                                        */

typedef struct
{
  xmlDoc          *doc;
  xmlXPathContext *xpath;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->xpath, xmlXPathFreeContext);
  g_clear_pointer (&reader->doc, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Saves @bytes as @name in @dir, validates the file, and reads it back. */
static void
save_and_read (Reader     *reader,
               const char *dir,
               const char *name,
               GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  validate (path);

  reader->doc = xmlReadMemory (data, (int) size, name, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (reader->doc);
  reader->xpath = xmlXPathNewContext (reader->doc);
  xmlXPathRegisterNs (reader->xpath, (const xmlChar *) "akn", (const xmlChar *) NS_AKN);
  xmlXPathRegisterNs (reader->xpath, (const xmlChar *) "drafting", (const xmlChar *) NS_DRAFTING);
  xmlXPathRegisterNs (reader->xpath, (const xmlChar *) "native", (const xmlChar *) DRAFTING_NATIVE_NAMESPACE);
}

static xmlXPathObject *
evaluate (Reader     *reader,
          const char *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, reader->xpath);

  if (result == NULL)
    g_error ("The XPath expression %s does not evaluate", expression);

  return result;
}

static guint
count (Reader     *reader,
       const char *expression)
{
  g_autofree char *counted = g_strdup_printf ("count(%s)", expression);
  xmlXPathObject *result = evaluate (reader, counted);
  guint n = (guint) xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  return n;
}

/* The string value of the first node @expression finds. */
static char *
string_of (Reader     *reader,
           const char *expression)
{
  g_autofree char *stringed = g_strdup_printf ("string(%s)", expression);
  xmlXPathObject *result = evaluate (reader, stringed);
  xmlChar *value = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  xmlXPathFreeObject (result);
  return copy;
}

#define assert_string(reader, expression, expected) \
  G_STMT_START { \
    g_autofree char *found_ = string_of ((reader), (expression)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

/* The string values of all the nodes @expression finds. */
static GStrv
strings_of (Reader     *reader,
            const char *expression)
{
  xmlXPathObject *result = evaluate (reader, expression);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpint (result->type, ==, XPATH_NODESET);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_strv_builder_add (builder, (const char *) value);
      xmlFree (value);
    }
  xmlXPathFreeObject (result);

  return g_strv_builder_end (builder);
}

/* That no two elements have the same value of @attribute, and how many
 * have one. */
static guint
assert_unique (Reader     *reader,
               const char *attribute)
{
  g_autofree char *expression = g_strdup_printf ("//@%s", attribute);
  g_auto(GStrv) values = strings_of (reader, expression);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_hash_table_contains (seen, values[i]))
        g_error ("The %s “%s” is given twice", attribute, values[i]);
      g_hash_table_add (seen, values[i]);
    }

  return g_strv_length (values);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

/* How many elements @node holds, at any depth. */
static guint
count_elements (DraftingNode *node)
{
  guint n = drafting_node_get_n_children (node);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    n += count_elements (drafting_node_get_child (node, i));

  return n;
}

static GBytes *
write_document (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = drafting_akn_write_document (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
test_resolution (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autoptr(GBytes) bytes = write_document (document);
  g_autoptr(GBytes) again = write_document (document);
  g_auto(Reader) reader = { NULL, };
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  g_autofree char *clause_text = drafting_render_plain_text (clause, TRUE);
  g_autofree char *guid = g_strdup_printf ("//akn:recital[@GUID='%s']/akn:p", drafting_node_get_id (clause));
  g_autofree char *annex_iri = g_strdup_printf ("/akn/wco/statement/resolution/2017-12-01/%s/!annex_1",
                                                 drafting_document_get_identifier (document));
  guint n_annex_items;

  /* The same document, the same bytes. */
  g_assert_true (g_bytes_equal (bytes, again));

  save_and_read (&reader, fixture->dir, "resolution.xml", bytes);

  assert_string (&reader, "/akn:akomaNtoso/akn:statement/@name", "resolution");
  assert_string (&reader, "//akn:FRBRExpression/akn:FRBRlanguage/@language", "eng");
  assert_string (&reader, "//akn:FRBRWork/akn:FRBRdate/@date", "2017-12-01");
  assert_string (&reader, "//akn:FRBRWork/akn:FRBRauthor/@href", "#policyCommission");
  assert_string (&reader, "//akn:TLCOrganization[@eId='policyCommission']/@showAs", "Policy Commission");
  assert_string (&reader, "//native:document/@identifier", drafting_document_get_identifier (document));

  /* The preface: the heading, "DRAFT" as its status, the place and date. */
  g_assert_cmpuint (count (&reader, "//akn:preface/akn:longTitle/akn:p/akn:docTitle"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_HEADING));
  assert_string (&reader, "//akn:preface//akn:docStatus", "DRAFT");
  assert_string (&reader, "//akn:preface/akn:longTitle/akn:p[1]",
                 "DRAFT RESOLUTION OF THE POLICY COMMISSION");
  assert_string (&reader, "//akn:preface/akn:p[@class='placeDate']", "(Luxor, December 2017)");
  assert_string (&reader, "//akn:preface//akn:docDate/@date", "2017-12-01");
  assert_string (&reader, "//akn:preface//akn:location/@refersTo", "#luxor");

  /* The preamble: the authority, a recital for each clause, the formula. */
  assert_string (&reader, "//akn:preamble/akn:formula[@name='authority']//akn:docAuthority",
                 "THE POLICY COMMISSION");
  g_assert_cmpuint (count (&reader, "//akn:preamble/akn:recitals/akn:recital"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_PREAMBLE_CLAUSE));
  g_assert_cmpuint (count (&reader, "//akn:preamble/akn:recitals/akn:recital"), ==, 15);
  assert_string (&reader, guid, clause_text);
  assert_string (&reader, "//akn:recital[1]/akn:p/akn:span[@class='leadingPhrase']", "ACKNOWLEDGING");
  assert_string (&reader, "//akn:recital[1]/@eId", "recs__rec_1");
  assert_string (&reader, "//akn:preamble/akn:formula[@name='enactingFormula']/akn:p", "RESOLVES that the WCO:");

  /* The main body: a paragraph for each operative paragraph, unnumbered
   * as the document has them. */
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH));
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph/akn:num"), ==, 0);
  assert_string (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph[1]/@eId", "para_1");
  assert_string (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph[2]/akn:content/akn:p",
                 drafting_node_get_text (drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1)));

  /* The annex: an attachment of its own, its principles, sections and
   * items; its emphasis in italics. */
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:attachments/akn:attachment/akn:doc[@name='annex']"),
                    ==, 1);
  assert_string (&reader, "//akn:attachment/akn:doc/akn:preface//akn:docType", "ANNEX");
  assert_string (&reader, "//akn:attachment/akn:doc/akn:meta//akn:FRBRWork/akn:FRBRthis/@value", annex_iri);
  g_assert_cmpuint (count (&reader, "//akn:doc[@name='annex']/akn:mainBody/akn:hcontainer[@name='principle']"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_PRINCIPLE));
  assert_string (&reader, "//akn:doc[@name='annex']/akn:mainBody/akn:hcontainer[1]/akn:num", "PRINCIPLE I");
  assert_string (&reader, "//akn:doc[@name='annex']/akn:mainBody/akn:hcontainer[1]/akn:heading",
                 "Advance Electronic Data and Risk Management");
  g_assert_cmpuint (count (&reader, "//akn:doc[@name='annex']//akn:section"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_SECTION));
  n_annex_items = count (&reader, "//akn:doc[@name='annex']//akn:point") +
                  count (&reader, "//akn:doc[@name='annex']//akn:indent");
  g_assert_cmpuint (n_annex_items, ==, drafting_document_count_kind (document, DRAFTING_KIND_ITEM));
  g_assert_cmpuint (count (&reader, "//akn:doc[@name='annex']//akn:i[. = 'de minimis']"), ==, 1);

  /* Every element of the text once, by its own identifier. */
  g_assert_cmpuint (assert_unique (&reader, "GUID"), ==,
                    count_elements (drafting_document_get_root (document)));
  assert_unique (&reader, "eId");
}

static void
test_communique (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  g_autoptr(GBytes) bytes = write_document (document);
  g_auto(Reader) reader = { NULL, };
  DraftingNode *footnote = drafting_test_find (document, DRAFTING_KIND_FOOTNOTE, 0);
  DraftingNode *calling = drafting_node_get_parent (footnote);
  g_autofree char *note = g_strdup_printf ("//akn:p[@GUID='%s']/akn:authorialNote",
                                           drafting_node_get_id (calling));
  g_autofree char *before_note = NULL;

  save_and_read (&reader, fixture->dir, "communique.xml", bytes);

  assert_string (&reader, "/akn:akomaNtoso/akn:statement/@name", "communique");
  assert_string (&reader, "//akn:FRBRWork/akn:FRBRdate/@date", "2017-12-10");
  assert_string (&reader, "//akn:preface/akn:p[@class='occasion']",
                 "Eleventh WTO Ministerial Conference, Buenos Aires, 10-13 December 2017");
  assert_string (&reader, "//akn:preface/akn:longTitle//akn:docStatus", "Draft");
  g_assert_cmpuint (count (&reader, "//akn:preface/akn:longTitle//akn:docTitle/akn:br"), ==, 1);

  g_assert_cmpuint (count (&reader, "//akn:preamble/akn:p[@class='narrativeParagraph']"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH));
  g_assert_cmpuint (count (&reader, "//akn:preamble/akn:formula[@name='enactingFormula']"), ==, 1);
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_STATEMENT));
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:hcontainer[@name='principle']"),
                    ==, drafting_document_count_kind (document, DRAFTING_KIND_PRINCIPLE));

  /* The one footnote, where "(WCO)" calls it. */
  g_assert_cmpuint (count (&reader, "//akn:authorialNote"), ==, 1);
  g_assert_cmpuint (count (&reader, note), ==, 1);
  assert_string (&reader, "//akn:authorialNote/@marker", "1");
  assert_string (&reader, "//akn:authorialNote/@placement", "bottom");
  assert_string (&reader, "//akn:authorialNote/@GUID", drafting_node_get_id (footnote));
  assert_string (&reader, "//akn:authorialNote/akn:p", drafting_node_get_text (footnote));
  before_note = string_of (&reader, "//akn:authorialNote/preceding-sibling::text()[1]");
  g_assert_true (g_str_has_suffix (before_note, "World Customs Organization (WCO)"));

  g_assert_cmpuint (assert_unique (&reader, "GUID"), ==,
                    count_elements (drafting_document_get_root (document)));
  assert_unique (&reader, "eId");
}

/* Numbered paragraphs, one of them with sub-paragraphs. */
static void
test_numbered (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  g_autoptr(GBytes) bytes = write_document (document);
  g_auto(Reader) reader = { NULL, };
  g_auto(GStrv) numbers = NULL;
  g_auto(GStrv) points = NULL;

  save_and_read (&reader, fixture->dir, "relief.xml", bytes);

  numbers = strings_of (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph/akn:num");
  g_assert_cmpstrv (numbers, ((const char * const[]) { "1.", "2.", "3.", NULL }));
  assert_string (&reader, "//akn:mainBody/akn:paragraph[1]/@eId", "para_1");
  assert_string (&reader, "//akn:mainBody/akn:paragraph[1]/akn:content/akn:p",
                 "Members should simplify the clearance of relief consignments;");

  /* The paragraph's own words introduce the list of its sub-paragraphs. */
  assert_string (&reader, "//akn:mainBody/akn:paragraph[2]/akn:list/@eId", "para_2__list_1");
  assert_string (&reader, "//akn:mainBody/akn:paragraph[2]/akn:list/akn:intro/akn:p",
                 "Members should share information with other border agencies:");
  points = strings_of (&reader, "//akn:mainBody/akn:paragraph[2]/akn:list/akn:point/akn:num");
  g_assert_cmpstrv (points, ((const char * const[]) { "(a)", "(b)", NULL }));
  assert_string (&reader, "//akn:mainBody/akn:paragraph[2]/akn:list/akn:point[1]/@eId",
                 "para_2__list_1__point_a");
  assert_string (&reader, "//akn:mainBody/akn:paragraph[2]/akn:list/akn:point[2]/akn:content/akn:p",
                 "during a disaster; and");
  assert_string (&reader, "//akn:preamble/akn:formula[@name='enactingFormula']/akn:p", "RESOLVES:");
  g_assert_cmpuint (count (&reader, "//akn:preamble/akn:recitals/akn:recital"), ==, 1);

  assert_unique (&reader, "eId");
  assert_unique (&reader, "GUID");
}

/* A document with nothing in it, and one whose elements stand out of
 * their usual order, still make documents the schema takes. */
static void
test_unusual (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) empty = drafting_document_new (DRAFTING_DOCUMENT_GENERIC);
  g_autoptr(DraftingDocument) late = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  g_autoptr(GBytes) empty_bytes = write_document (empty);
  g_autoptr(GBytes) late_bytes = NULL;
  g_auto(Reader) empty_reader = { NULL, };
  g_auto(Reader) late_reader = { NULL, };
  DraftingNode *root = drafting_document_get_root (late);
  g_autoptr(GError) error = NULL;

  save_and_read (&empty_reader, fixture->dir, "empty.xml", empty_bytes);
  g_assert_cmpuint (count (&empty_reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/*"), ==, 1);
  assert_string (&empty_reader, "//akn:FRBRWork/akn:FRBRdate/@name", "unknown");

  /* A heading, a clause and a formula after the operative part. */
  drafting_document_insert (late, root, drafting_node_get_n_children (root),
                            drafting_node_new_with_text (DRAFTING_KIND_PREAMBLE_CLAUSE, "RECALLING", "its earlier work,"),
                            &error);
  g_assert_no_error (error);
  drafting_document_insert (late, root, drafting_node_get_n_children (root),
                            drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_FORMULA, "REQUESTS", "the Secretary General:"),
                            &error);
  g_assert_no_error (error);
  drafting_document_insert (late, root, drafting_node_get_n_children (root),
                            drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "to report."),
                            &error);
  g_assert_no_error (error);

  late_bytes = write_document (late);
  save_and_read (&late_reader, fixture->dir, "late.xml", late_bytes);
  assert_string (&late_reader, "//akn:mainBody/akn:hcontainer[@name='preambleClause']/akn:content/akn:p",
                 "RECALLING its earlier work,");
  assert_string (&late_reader, "//akn:mainBody/akn:hcontainer[@name='operativeFormula']/akn:content/akn:p",
                 "REQUESTS the Secretary General:");
  g_assert_cmpuint (count (&late_reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph"), ==, 4);
  assert_unique (&late_reader, "eId");
}

/* 2,000 elements, written at once and valid. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (2000, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Reader) reader = { NULL, };
  double seconds;

  g_test_timer_start ();
  bytes = write_document (document);
  seconds = g_test_timer_elapsed ();
  g_test_message ("2,000 elements written in %.3f s, %" G_GSIZE_FORMAT " bytes", seconds,
                  g_bytes_get_size (bytes));
  g_assert_cmpfloat (seconds, <, 1.0);

  save_and_read (&reader, fixture->dir, "large.xml", bytes);
  g_assert_cmpuint (count (&reader, "//akn:recitals/akn:recital"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_PREAMBLE_CLAUSE));
  g_assert_cmpuint (count (&reader, "/akn:akomaNtoso/akn:statement/akn:mainBody/akn:paragraph"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH));
  g_assert_cmpuint (count (&reader, "//akn:authorialNote"), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE));
  g_assert_cmpuint (assert_unique (&reader, "GUID"), ==,
                    count_elements (drafting_document_get_root (document)));
  assert_unique (&reader, "eId");
}

/* ------------------------------------------------------------------ */
/* Amendments                                                          */

static DraftingAmendment *
propose (DraftingDocument        *document,
         DraftingAmendmentAction  action,
         DraftingNode            *node,
         const char              *delegation,
         const char * const      *cosponsors,
         const char              *wording,
         const char              *justification)
{
  DraftingAmendment *amendment = drafting_test_amendment_new (action, node, delegation, NULL, wording);

  drafting_amendment_set_cosponsors (amendment, cosponsors);
  drafting_amendment_set_justification (amendment, justification);

  return drafting_test_propose (document, amendment);
}

/* Writes @amendment to the file its name gives, validated, and reads it
 * back: its proponents, and its status in Drafting's words. */
static void
read_amendment (Reader            *reader,
                const char        *dir,
                DraftingDocument  *document,
                DraftingAmendment *amendment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = drafting_akn_write_amendment (document, amendment, &error);
  g_autofree char *name = drafting_akn_amendment_name (amendment);
  g_autofree char *expected_name = g_strconcat (drafting_amendment_get_id (amendment), ".xml", NULL);
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  g_auto(GStrv) proponents = NULL;
  guint n_cosponsors = cosponsors != NULL ? g_strv_length ((char **) cosponsors) : 0;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (g_str_has_prefix (name, "am-"));

  save_and_read (reader, dir, name, bytes);

  assert_string (reader, "/akn:akomaNtoso/akn:amendment/@name", "amendment");
  proponents = strings_of (reader, "//akn:preface//akn:docProponent");
  g_assert_cmpuint (g_strv_length (proponents), ==, 1 + n_cosponsors);
  g_assert_cmpstr (proponents[0], ==, drafting_amendment_get_delegation (amendment));
  for (guint i = 0; i < n_cosponsors; i++)
    g_assert_cmpstr (proponents[i + 1], ==, cosponsors[i]);
  assert_string (reader, "//akn:FRBRWork/akn:FRBRauthor/@href", "#france");
  assert_string (reader, "//drafting:amendment/@id", drafting_amendment_get_id (amendment));
  assert_string (reader, "//drafting:amendment/@action",
                 drafting_amendment_action_to_string (drafting_amendment_get_action (amendment)));
  assert_string (reader, "//drafting:amendment/@status",
                 drafting_amendment_status_to_string (drafting_amendment_get_status (amendment)));
  assert_string (reader, "//akn:amendmentJustification/akn:p", drafting_amendment_get_justification (amendment));
  assert_unique (reader, "eId");
}

static void
test_amendments (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *before = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  const char * const cosponsors[] = { "Kenya", "Côte d'Ivoire", NULL };
  g_autoptr(DraftingAmendment) replace = NULL;
  g_autoptr(DraftingAmendment) insert = NULL;
  g_autoptr(DraftingAmendment) delete = NULL;
  g_autoptr(DraftingAmendment) move = NULL;
  g_autoptr(GError) error = NULL;

  replace = propose (document, DRAFTING_AMENDMENT_REPLACE, third, "France", cosponsors,
                     "The Secretariat should report to the Council every two years.",
                     "A report every year is a burden on the Secretariat.");
  insert = propose (document, DRAFTING_AMENDMENT_INSERT, first, "France", NULL,
                    "Members should train their officers;", "Training comes first.");
  delete = propose (document, DRAFTING_AMENDMENT_DELETE, before, "France", NULL, NULL,
                    "Information is shared during a disaster.");
  move = drafting_amendment_new (DRAFTING_AMENDMENT_MOVE, "France");
  drafting_amendment_set_target (move, drafting_node_get_id (first), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (move, drafting_node_get_id (second), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_justification (move, "Sharing comes before simplifying.");
  g_assert_true (drafting_document_propose (document, move, &error));
  g_assert_no_error (error);

  /* New wording: the words it deletes, and those it inserts. */
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, replace);
    g_assert_cmpuint (count (&reader, "//akn:TLCOrganization"), ==, 4);
    assert_string (&reader, "//akn:TLCOrganization[@showAs=\"Côte d'Ivoire\"]/@eId", "côteDIvoire");
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Operative paragraph 3");
    assert_string (&reader, "//akn:quotedStructure[@class='present']/akn:paragraph/akn:num", "3.");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:p",
                   "The Secretariat should report to the Council every year.");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:del", "year");
    g_assert_cmpuint (count (&reader, "//akn:quotedStructure[@class='present']//akn:ins"), ==, 0);
    assert_string (&reader, "//akn:quotedStructure[@class='proposed']//akn:p",
                   "The Secretariat should report to the Council every two years.");
    assert_string (&reader, "//akn:quotedStructure[@class='proposed']//akn:ins", "two years");
    g_assert_cmpuint (count (&reader, "//akn:quotedStructure[@class='proposed']//akn:del"), ==, 0);
    assert_string (&reader, "//akn:amendmentContent/akn:block[@name='changeBlock']/akn:mod/@eId", "mod_1");
  }

  /* A new paragraph: where it goes, all of it inserted, without a number. */
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, insert);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "After: operative paragraph 1");
    assert_string (&reader, "//akn:quotedStructure[@class='proposed']/akn:paragraph//akn:ins",
                   "Members should train their officers;");
    g_assert_cmpuint (count (&reader, "//akn:quotedStructure//akn:num"), ==, 0);
    g_assert_cmpuint (count (&reader, "//akn:del"), ==, 0);
  }

  /* A deletion: the element named with the one it is in, all deleted. */
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, delete);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Operative paragraph 2, sub-paragraph (a)");
    assert_string (&reader, "//akn:quotedStructure[@class='present']/akn:point/akn:num", "(a)");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:del", "before a disaster;");
    g_assert_cmpuint (count (&reader, "//akn:ins"), ==, 0);
  }

  /* A move: the element, and where it would go. */
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, move);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Operative paragraph 1");
    assert_string (&reader, "//akn:amendmentContent/akn:p[@class='destination']", "After: operative paragraph 2");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:p",
                   "Members should simplify the clearance of relief consignments;");
    assert_string (&reader, "//drafting:amendment/@destination", drafting_node_get_id (second));
  }
}

/* Amendments decided: what they changed, in the text they were made
 * against, even when their element is gone. */
static void
test_amendments_decided (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *before = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  g_autoptr(DraftingAmendment) replace = NULL;
  g_autoptr(DraftingAmendment) delete = NULL;
  g_autoptr(GError) error = NULL;

  replace = propose (document, DRAFTING_AMENDMENT_REPLACE, third, "France", NULL,
                     "The Secretariat should report to the Council every two years.",
                     "A report every year is a burden on the Secretariat.");
  delete = propose (document, DRAFTING_AMENDMENT_DELETE, before, "France", NULL, NULL,
                    "Information is shared during a disaster.");
  g_assert_true (drafting_document_accept_amendment (document, replace, &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, delete, &error));
  g_assert_no_error (error);

  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, replace);
    assert_string (&reader, "//drafting:amendment/@status", "accepted");
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Operative paragraph 3");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:del", "year");
    assert_string (&reader, "//akn:quotedStructure[@class='proposed']//akn:ins", "two years");
  }

  {
    g_auto(Reader) reader = { NULL, };

    g_assert_null (drafting_document_lookup (document, drafting_amendment_get_target (delete)));
    read_amendment (&reader, fixture->dir, document, delete);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Sub-paragraph (a)");
    assert_string (&reader, "//akn:quotedStructure[@class='present']//akn:del", "before a disaster;");
  }
}

/* The words of the document's own language, whatever the interface's. */
static void
test_amendment_language (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  g_autoptr(DraftingAmendment) replace = NULL;
  g_autoptr(DraftingAmendment) insert = NULL;
  g_autoptr(DraftingAmendment) clause_replace = NULL;

  drafting_document_set_language (document, "fr");
  replace = propose (document, DRAFTING_AMENDMENT_REPLACE, third, "France", NULL,
                     "Le Secrétariat devrait faire rapport au Conseil tous les deux ans.", "Raison.");
  insert = propose (document, DRAFTING_AMENDMENT_INSERT, first, "France", NULL,
                    "Les Membres devraient former leurs agents ;", "Raison.");
  clause_replace = propose (document, DRAFTING_AMENDMENT_REPLACE, clause, "France", NULL,
                            "NOTANT que les catastrophes augmentent,", "Raison.");

  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, replace);
    assert_string (&reader, "//akn:FRBRExpression/akn:FRBRlanguage/@language", "fra");
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Paragraphe 3 du dispositif");
  }
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, insert);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Après : paragraphe 1 du dispositif");
  }
  {
    g_auto(Reader) reader = { NULL, };

    read_amendment (&reader, fixture->dir, document, clause_replace);
    assert_string (&reader, "//akn:amendmentHeading/akn:p", "Alinéa du préambule");
    g_assert_cmpuint (count (&reader, "//akn:quotedStructure[@class='proposed']/akn:recital"), ==, 1);
  }
}

/* An element of the annex, named with all it is in. */
static void
test_amendment_annex (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *item = drafting_test_find (document, DRAFTING_KIND_ITEM, 0);
  g_autoptr(DraftingAmendment) replace = NULL;
  g_auto(Reader) reader = { NULL, };

  replace = propose (document, DRAFTING_AMENDMENT_REPLACE, item, "France", NULL,
                     "Establish a national legal framework for the electronic exchange of data;",
                     "Shorter.");
  read_amendment (&reader, fixture->dir, document, replace);
  assert_string (&reader, "//akn:amendmentHeading/akn:p", "Annex, principle I, section i, item 1");
  assert_string (&reader, "//akn:quotedStructure[@class='present']/akn:point/akn:num", "•");
  g_assert_cmpuint (count (&reader, "//akn:quotedStructure[@class='present']//akn:del"), >, 0);
  g_assert_cmpuint (count (&reader, "//akn:quotedStructure[@class='proposed']//akn:ins"), >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/akn/resolution", Fixture, NULL, fixture_set_up, test_resolution, fixture_tear_down);
  g_test_add ("/akn/communique", Fixture, NULL, fixture_set_up, test_communique, fixture_tear_down);
  g_test_add ("/akn/numbered", Fixture, NULL, fixture_set_up, test_numbered, fixture_tear_down);
  g_test_add ("/akn/unusual", Fixture, NULL, fixture_set_up, test_unusual, fixture_tear_down);
  g_test_add ("/akn/large", Fixture, NULL, fixture_set_up, test_large, fixture_tear_down);
  g_test_add ("/akn/amendments", Fixture, NULL, fixture_set_up, test_amendments, fixture_tear_down);
  g_test_add ("/akn/amendments-decided", Fixture, NULL, fixture_set_up, test_amendments_decided,
              fixture_tear_down);
  g_test_add ("/akn/amendment-language", Fixture, NULL, fixture_set_up, test_amendment_language,
              fixture_tear_down);
  g_test_add ("/akn/amendment-annex", Fixture, NULL, fixture_set_up, test_amendment_annex,
              fixture_tear_down);

  return g_test_run ();
}
