/* test-docx.c: Word's Office Open XML as a real reader takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "drafting-docx.h"
#include "drafting-export-test-utils.h"
#include "drafting-layout.h"
#include "drafting-test-utils.h"

/*
 * A DOCX must be right the first time Word or LibreOffice opens it. Each
 * one written here is checked as a reader of Office Open XML packages
 * checks it (every part well-formed, named in [Content_Types].xml, every
 * relationship's target in the package, every footnote called there),
 * then opened by LibreOffice (headless, a profile of its own), whose text
 * must be the document's, paragraph by paragraph, as the core's layout
 * lays it out: numbers, leading phrases, footnote calls. The tracked
 * form, accepted whole, must be the text as proposed, and rejected whole
 * the present text.
 */

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_CT   "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_REL  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CORE "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC   "http://purl.org/dc/elements/1.1/"

static const DraftingExportTestFormat docx = {
  DRAFTING_DOCX_EXTENSION, drafting_docx_write, drafting_docx_write_compilation,
};

/* The names of the entries of the package at @path, in order. */
static GPtrArray *
entry_names (const char *path)
{
  zip_t *archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (archive);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    g_ptr_array_add (names, g_strdup (zip_get_name (archive, i, 0)));
  zip_close (archive);

  return names;
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* The part @name of the package at @path, parsed; it must be well-formed. */
static xmlDoc *
parse_entry (const char *path,
             const char *name)
{
  gsize length = 0;
  g_autofree char *data = drafting_export_test_read_entry (path, name, &length);
  xmlDoc *doc;

  g_assert_nonnull (data);
  doc = xmlReadMemory (data, length, name, NULL, XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("%s in %s is not well-formed XML", name, path);

  return doc;
}

/* The nodes @expression finds in @doc, the package's prefixes known. */
static xmlXPathObject *
find (xmlDoc     *doc,
      const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *found;

  xmlXPathRegisterNs (context, BAD_CAST "w", BAD_CAST NS_W);
  xmlXPathRegisterNs (context, BAD_CAST "r", BAD_CAST NS_R);
  xmlXPathRegisterNs (context, BAD_CAST "ct", BAD_CAST NS_CT);
  xmlXPathRegisterNs (context, BAD_CAST "rel", BAD_CAST NS_REL);
  xmlXPathRegisterNs (context, BAD_CAST "cp", BAD_CAST NS_CORE);
  xmlXPathRegisterNs (context, BAD_CAST "dc", BAD_CAST NS_DC);
  found = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (found);
  xmlXPathFreeContext (context);

  return found;
}

static guint
count (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathObject *found = find (doc, expression);
  guint n = found->nodesetval != NULL ? (guint) found->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (found);

  return n;
}

/* The values of the nodes @expression finds in @doc, attributes or text. */
static GPtrArray *
values (xmlDoc     *doc,
        const char *expression)
{
  xmlXPathObject *found = find (doc, expression);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; found->nodesetval != NULL && i < found->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (found->nodesetval->nodeTab[i]);

      g_ptr_array_add (list, g_strdup ((const char *) content));
      xmlFree (content);
    }
  xmlXPathFreeObject (found);

  return list;
}

/* Whether @value is among @list. */
static gboolean
among (GPtrArray  *list,
       const char *value)
{
  return g_ptr_array_find_with_equal_func (list, value, g_str_equal, NULL);
}

/* Where the relationships part @rels points to @target: a name in the
 * package. */
static char *
resolve_target (const char *rels,
                const char *target)
{
  g_autofree char *folder = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  if (target[0] == '/')
    return g_strdup (target + 1);

  /* "word/_rels/document.xml.rels" is about "word/document.xml". */
  if (g_str_has_prefix (rels, "_rels/"))
    folder = g_strdup ("");
  else
    folder = g_strndup (rels, strstr (rels, "_rels/") - rels);
  joined = g_strconcat (folder, target, NULL);
  steps = g_strsplit (joined, "/", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (g_str_equal (steps[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
        }
      else if (steps[i][0] != '\0' && !g_str_equal (steps[i], "."))
        g_ptr_array_add (out, steps[i]);
    }
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("/", (char **) out->pdata);
}

/* The layout's footnotes, called or not, in @blocks. */
static guint
count_notes (GPtrArray *blocks)
{
  guint n = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      n += block->notes != NULL ? block->notes->len : 0;
    }

  return n;
}

/* The package at @path as a reader of Office Open XML checks it: the parts
 * a document has, each well-formed and with its type, each relationship
 * to a part there, each footnote called; @n_blocks paragraphs and
 * @n_notes footnotes. */
static void
assert_package (const char *path,
                guint       n_blocks,
                guint       n_notes)
{
  static const char * const required[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml", "docProps/core.xml",
  };
  g_autoptr(GPtrArray) names = entry_names (path);
  xmlDoc *types;
  xmlDoc *document;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!has_name (names, required[i]))
      g_error ("%s has no %s", path, required[i]);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "[Content_Types].xml");
  g_assert_true (has_name (names, "word/footnotes.xml") == (n_notes > 0));

  /* Each part well-formed and named in [Content_Types].xml, by its name or
   * its extension. */
  types = parse_entry (path, "[Content_Types].xml");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *dot = strrchr (name, '.');
      g_autofree char *expression = NULL;

      if (g_str_equal (name, "[Content_Types].xml"))
        continue;
      if (g_str_has_prefix (name, "word/") && g_str_has_suffix (name, ".xml"))
        {
          /* Nothing WordprocessingML does not know. */
          xmlDoc *part = parse_entry (path, name);

          if (count (part, "//*[namespace-uri() != '" NS_W "']") != 0)
            g_error ("%s has elements of another namespace than WordprocessingML's", name);
          xmlFreeDoc (part);
        }
      else if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels"))
        xmlFreeDoc (parse_entry (path, name));
      expression = g_strdup_printf ("/ct:Types/ct:Override[@PartName='/%s'] | "
                                    "/ct:Types/ct:Default[@Extension='%s']",
                                    name, dot != NULL ? dot + 1 : "");
      if (count (types, expression) == 0)
        g_error ("[Content_Types].xml does not name %s", name);
    }
  /* And names no part that is not there. */
  {
    g_autoptr(GPtrArray) overrides = values (types, "/ct:Types/ct:Override/@PartName");

    for (guint i = 0; i < overrides->len; i++)
      {
        const char *name = g_ptr_array_index (overrides, i);

        if (!has_name (names, name + 1))
          g_error ("[Content_Types].xml names %s, which the package does not have", name);
      }
  }
  xmlFreeDoc (types);

  /* Each relationship to a part in the package. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GPtrArray) targets = NULL;
      xmlDoc *rels;

      if (!g_str_has_suffix (name, ".rels"))
        continue;
      rels = parse_entry (path, name);
      targets = values (rels, "/rel:Relationships/rel:Relationship"
                              "[not(@TargetMode='External')]/@Target");
      g_assert_cmpuint (targets->len, >, 0);
      for (guint t = 0; t < targets->len; t++)
        {
          g_autofree char *target = resolve_target (name, g_ptr_array_index (targets, t));

          if (!has_name (names, target))
            g_error ("%s points to %s, which the package does not have", name, target);
        }
      xmlFreeDoc (rels);
    }

  /* A paragraph a block, on A4 with margins of 2.5 cm. */
  document = parse_entry (path, "word/document.xml");
  g_assert_cmpuint (count (document, "/w:document/w:body/w:p"), ==, n_blocks);
  g_assert_cmpuint (count (document, "/w:document/w:body/w:sectPr"
                                     "/w:pgSz[@w:w='11906' and @w:h='16838']"), ==, 1);
  g_assert_cmpuint (count (document, "/w:document/w:body/w:sectPr"
                                     "/w:pgMar[@w:left='1418' and @w:right='1418']"), ==, 1);

  /* Each footnote called once, the separators first, as Word has them. */
  g_assert_cmpuint (count (document, "//w:footnoteReference"), ==, n_notes);
  if (n_notes > 0)
    {
      xmlDoc *footnotes = parse_entry (path, "word/footnotes.xml");
      g_autoptr(GPtrArray) called = values (document, "//w:footnoteReference/@w:id");
      g_autoptr(GPtrArray) ids = values (footnotes, "/w:footnotes/w:footnote[not(@w:type)]/@w:id");

      g_assert_cmpuint (count (footnotes, "/w:footnotes/w:footnote"
                                          "[@w:type='separator' and @w:id='-1']"
                                          "/w:p/w:r/w:separator"), ==, 1);
      g_assert_cmpuint (count (footnotes, "/w:footnotes/w:footnote"
                                          "[@w:type='continuationSeparator' and @w:id='0']"
                                          "/w:p/w:r/w:continuationSeparator"), ==, 1);
      g_assert_cmpuint (count (footnotes, "/w:footnotes/w:footnote[not(@w:type)]"
                                          "/w:p/w:r/w:footnoteRef"), ==, n_notes);
      g_assert_cmpuint (ids->len, ==, n_notes);
      for (guint i = 0; i < called->len; i++)
        g_assert_true (among (ids, g_ptr_array_index (called, i)));
      xmlFreeDoc (footnotes);
    }
  xmlFreeDoc (document);
}

/* The package as a reader of Office Open XML takes it; the styles named
 * as in the ODT, the language and the properties. */
static void
test_package (DraftingExportTestFixture *fixture,
              gconstpointer              data G_GNUC_UNUSED)
{
  for (guint d = 0; drafting_export_test_documents[d] != NULL; d++)
    {
      const char *name = drafting_export_test_documents[d];
      g_autoptr(DraftingDocument) document = drafting_export_test_load (name);
      g_autofree char *path = drafting_export_test_write (fixture, &docx, document, name);
      g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
      xmlDoc *styles;
      xmlDoc *core;

      assert_package (path, blocks->len, count_notes (blocks));
      g_test_message ("%s: %u paragraphs, %u footnotes", name, blocks->len,
                      count_notes (blocks));

      styles = parse_entry (path, "word/styles.xml");
      core = parse_entry (path, "docProps/core.xml");
      g_assert_cmpuint (count (styles, "//w:rPrDefault/w:rPr/w:lang[@w:val='en']"), ==, 1);
      g_assert_cmpuint (count (core, "/cp:coreProperties/dc:language[.='en']"), ==, 1);
      if (d == 0)
        {
          static const char * const names[] = {
            "Heading line", "Preambular clause", "Operative paragraph",
            "Emphasis", "Strong Emphasis", "Leading phrase",
          };
          g_autoptr(GPtrArray) titles = values (core, "/cp:coreProperties/dc:title");

          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              g_autofree char *expression = NULL;

              expression = g_strdup_printf ("/w:styles/w:style[w:name/@w:val='%s']", names[i]);
              if (count (styles, expression) != 1)
                g_error ("styles.xml has no style “%s”", names[i]);
            }
          g_assert_cmpuint (titles->len, ==, 1);
          g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 0),
                                           "Resolution of the Policy Commission"));
          g_assert_cmpuint (count (core, "/cp:coreProperties/cp:contentStatus[.='draft']"), ==, 1);
          /* The heading in capitals, by its style. */
          g_assert_cmpuint (count (styles, "/w:styles/w:style[@w:styleId='HeadingLine']"
                                           "/w:rPr/w:caps"), ==, 1);
        }
      xmlFreeDoc (styles);
      xmlFreeDoc (core);
    }
}

/* A document in Arabic reads from right to left, in Arabic. */
static void
test_right_to_left (DraftingExportTestFixture *fixture,
                    gconstpointer              data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_export_test_load ("relief-resolution");
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *path = NULL;
  xmlDoc *styles;
  xmlDoc *body;

  drafting_document_set_language (document, "ar");
  blocks = drafting_layout_build_all (document);
  path = drafting_export_test_write (fixture, &docx, document, "relief-arabic");
  assert_package (path, blocks->len, count_notes (blocks));

  styles = parse_entry (path, "word/styles.xml");
  body = parse_entry (path, "word/document.xml");
  g_assert_cmpuint (count (styles, "//w:rPrDefault/w:rPr/w:lang[@w:bidi='ar']"), ==, 1);
  g_assert_cmpuint (count (styles, "//w:docDefaults/w:pPrDefault/w:pPr/w:bidi"), ==, 1);
  g_assert_cmpuint (count (body, "/w:document/w:body/w:sectPr/w:bidi"), ==, 1);
  xmlFreeDoc (styles);
  xmlFreeDoc (body);
}

/* ------------------------------------------------------------------ */
/* Tracked changes, as LibreOffice takes them                          */

/* The communiqué with the paragraph that calls its footnote deleted, the
 * one before it reworded, a statement inserted. */
static DraftingDocument *
amended_communique (void)
{
  DraftingDocument *document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);
  DraftingNode *statement = drafting_test_find (document, DRAFTING_KIND_STATEMENT, 0);

  drafting_export_test_propose (document, DRAFTING_AMENDMENT_DELETE, second, NULL,
                                "Kenya", NULL, NULL);
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL,
                                "France", NULL, "The trade in electronic commerce has grown.");
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_INSERT, statement, NULL,
                                "Brazil", NULL, "that a new statement is made.");

  return document;
}

/* The revisions of the tracked package at @path as Word reads them: each
 * with an identifier of its own, an author who proposed an amendment, a
 * date in UTC; nothing deleted inside another's insertion. */
static void
assert_revisions (const char       *path,
                  DraftingDocument *document)
{
  static const char * const parts[] = { "word/document.xml", "word/footnotes.xml" };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = entry_names (path);
  guint n = 0;

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) authors = NULL;
      g_autoptr(GPtrArray) dates = NULL;
      xmlDoc *doc;

      if (!has_name (names, parts[p]))
        continue;
      doc = parse_entry (path, parts[p]);
      found = values (doc, "//w:ins/@w:id | //w:del/@w:id");
      authors = values (doc, "//w:ins/@w:author | //w:del/@w:author");
      dates = values (doc, "//w:ins/@w:date | //w:del/@w:date");
      g_assert_cmpuint (count (doc, "//w:ins//w:del | //w:del//w:ins"), ==, 0);
      g_assert_cmpuint (count (doc, "//w:del//w:t | //w:ins//w:delText"), ==, 0);
      for (guint i = 0; i < found->len; i++)
        if (!g_hash_table_add (ids, g_strdup (g_ptr_array_index (found, i))))
          g_error ("two revisions numbered %s", (char *) g_ptr_array_index (found, i));
      for (guint i = 0; i < authors->len; i++)
        if (!drafting_export_test_is_proposer (document, g_ptr_array_index (authors, i)))
          g_error ("a revision by “%s”, who proposed nothing",
                   (char *) g_ptr_array_index (authors, i));
      for (guint i = 0; i < dates->len; i++)
        g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                             g_ptr_array_index (dates, i), 0, 0));
      g_assert_cmpuint (dates->len, ==, found->len);
      n += found->len;
      xmlFreeDoc (doc);
    }
  g_assert_cmpuint (n, >, 0);
}

/* The tracked form as Word reads it, and LibreOffice opens it: Accept
 * All gives the text as proposed, Reject All the present text; each
 * change is by a delegation that proposed one. */
static void
test_tracked (DraftingExportTestFixture *fixture,
              gconstpointer              data G_GNUC_UNUSED)
{
  DraftingDocument *amended[3] = {
    drafting_export_test_amended_relief (), drafting_export_test_amended_resolution (),
    amended_communique (),
  };
  const char *names[3] = { "relief-tracked", "resolution-tracked", "communique-tracked" };

  for (guint d = 0; d < G_N_ELEMENTS (amended); d++)
    {
      g_autoptr(DraftingDocument) document = amended[d];
      g_autoptr(GPtrArray) blocks = drafting_layout_build_proposed (document, NULL);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;

      package = drafting_docx_write_tracked (document, NULL, &error);
      g_assert_no_error (error);
      path = drafting_export_test_save (fixture, &docx, package, names[d]);

      assert_package (path, blocks->len, count_notes (blocks));
      assert_revisions (path, document);

      /* LibreOffice (7.4) loses the change of the mark of a paragraph that
       * calls a footnote: none has one. The communiqué's deleted paragraph
       * calls its footnote. */
      {
        xmlDoc *body = parse_entry (path, "word/document.xml");

        g_assert_cmpuint (count (body, "//w:p[w:pPr/w:rPr/w:ins or w:pPr/w:rPr/w:del]"
                                       "[.//w:footnoteReference]"), ==, 0);
        if (g_str_has_prefix (names[d], "communique"))
          g_assert_cmpuint (count (body, "//w:del//w:footnoteReference"), ==, 1);
        xmlFreeDoc (body);
      }

      drafting_export_test_assert_tracked (path, document, names[d]);
    }
}

/* The compilation's table: its heading row repeated on each page, on a
 * landscape page; an Arabic document's read from right to left, its
 * headings and statuses in Arabic. */
static void
test_compilation_package (DraftingExportTestFixture *fixture,
                          gconstpointer              data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_export_test_amended_resolution ();
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *styles = NULL;

  path = drafting_export_test_write_compilation (fixture, &docx, document, NULL, "compilation");
  xml = drafting_export_test_read_entry (path, "word/document.xml", NULL);
  g_assert_nonnull (strstr (xml, "<w:tblHeader/>"));
  g_assert_nonnull (strstr (xml, "w:orient=\"landscape\""));
  g_assert_nonnull (strstr (xml, "<w:rStyle w:val=\"InsertedWords\"/>"));
  g_assert_nonnull (strstr (xml, "<w:rStyle w:val=\"DeletedWords\"/>"));
  g_assert_nonnull (strstr (xml, ">Co-sponsors: Japan<"));
  g_assert_null (strstr (xml, "<w:bidiVisual/>"));
  styles = drafting_export_test_read_entry (path, "word/styles.xml", NULL);
  g_assert_nonnull (strstr (styles, "<w:name w:val=\"Inserted words\"/>"));
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&xml, g_free);

  drafting_document_set_language (document, "ar");
  path = drafting_export_test_write_compilation (fixture, &docx, document, NULL, "compilation-ar");
  xml = drafting_export_test_read_entry (path, "word/document.xml", NULL);
  g_assert_nonnull (strstr (xml, "<w:bidiVisual/>"));
  g_assert_nonnull (strstr (xml, ">النص الحالي<"));
  g_assert_nonnull (strstr (xml, ">مقترح<"));
  g_free (xml);
  xml = drafting_export_test_read_entry (path, "word/footer1.xml", NULL);
  g_assert_nonnull (strstr (xml, ">الصفحة <"));
  g_assert_nonnull (strstr (xml, "w:instr=\" NUMPAGES \""));
}

/* A rewording that no longer calls the footnote its paragraph keeps: the
 * call deleted with its footnote, the footnote after the text inserted;
 * Accept All gives it once after the text, Reject All once where it was
 * called. */
static void
test_tracked_footnotes (DraftingExportTestFixture *fixture,
                        gconstpointer              data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_export_test_footnote_calls ();
  g_autoptr(GPtrArray) blocks = drafting_layout_build_proposed (document, NULL);
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  xmlDoc *body;

  package = drafting_docx_write_tracked (document, NULL, &error);
  g_assert_no_error (error);
  path = drafting_export_test_save (fixture, &docx, package, "tracked-footnotes");
  assert_package (path, blocks->len, count_notes (blocks));
  assert_revisions (path, document);

  body = parse_entry (path, "word/document.xml");
  g_assert_cmpuint (count (body, "//w:del//w:footnoteReference"), ==, 1);
  g_assert_cmpuint (count (body, "//w:ins//w:footnoteReference"), ==, 1);
  xmlFreeDoc (body);

  drafting_export_test_assert_tracked (path, document, "tracked-footnotes");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/docx/package", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_package, drafting_export_test_tear_down);
  g_test_add ("/docx/right-to-left", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_right_to_left, drafting_export_test_tear_down);
  g_test_add ("/docx/libreoffice", DraftingExportTestFixture, &docx,
              drafting_export_test_set_up, drafting_export_test_libreoffice,
              drafting_export_test_tear_down);
  g_test_add ("/docx/tracked", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_tracked, drafting_export_test_tear_down);
  g_test_add ("/docx/tracked/footnotes", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_tracked_footnotes, drafting_export_test_tear_down);
  g_test_add ("/docx/compilation/package", DraftingExportTestFixture, NULL,
              drafting_export_test_set_up, test_compilation_package,
              drafting_export_test_tear_down);
  g_test_add ("/docx/compilation/libreoffice", DraftingExportTestFixture, &docx,
              drafting_export_test_set_up, drafting_export_test_compilation,
              drafting_export_test_tear_down);

  return g_test_run ();
}
