/* test-docx.c: Word's Office Open XML as a real reader takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "drafting-docx.h"
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

/* Writes @package as @name in the fixture's folder; returns its path. */
static char *
save (Fixture    *fixture,
      GBytes     *package,
      const char *name)
{
  g_autofree char *base = g_strconcat (name, DRAFTING_DOCX_EXTENSION, NULL);
  char *path = g_build_filename (fixture->dir, base, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (package);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL),
                                      g_bytes_get_size (package), &error));
  g_assert_no_error (error);

  return path;
}

static char *
write_docx (Fixture          *fixture,
            DraftingDocument *document,
            const char       *name)
{
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;

  package = drafting_docx_write (document, &error);
  g_assert_no_error (error);

  return save (fixture, package, name);
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
  g_autofree char *data = read_entry (path, name, &length);
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
test_package (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(DraftingDocument) document = load (documents[d]);
      g_autofree char *path = write_docx (fixture, document, documents[d]);
      g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
      xmlDoc *styles;
      xmlDoc *core;

      assert_package (path, blocks->len, count_notes (blocks));
      g_test_message ("%s: %u paragraphs, %u footnotes", documents[d], blocks->len,
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
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = load ("relief-resolution");
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *path = NULL;
  xmlDoc *styles;
  xmlDoc *body;

  drafting_document_set_language (document, "ar");
  blocks = drafting_layout_build_all (document);
  path = write_docx (fixture, document, "relief-arabic");
  assert_package (path, blocks->len, count_notes (blocks));

  styles = parse_entry (path, "word/styles.xml");
  body = parse_entry (path, "word/document.xml");
  g_assert_cmpuint (count (styles, "//w:rPrDefault/w:rPr/w:lang[@w:bidi='ar']"), ==, 1);
  g_assert_cmpuint (count (styles, "//w:docDefaults/w:pPrDefault/w:pPr/w:bidi"), ==, 1);
  g_assert_cmpuint (count (body, "/w:document/w:body/w:sectPr/w:bidi"), ==, 1);
  xmlFreeDoc (styles);
  xmlFreeDoc (body);
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

/* A paragraph of the layout as a word processor has it: the number, a
 * tab, the text, a footnote's call as its number. */
static char *
block_text (DraftingLayoutBlock *block)
{
  static const char * const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  GString *line = g_string_new (NULL);

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
      g_autofree char *path = write_docx (fixture, document, documents[d]);
      g_autofree char *out_dir = g_build_filename (fixture->dir, "lo", NULL);
      g_autofree char *base = g_strconcat (documents[d], ".txt", NULL);
      g_autofree char *txt = g_build_filename (out_dir, base, NULL);
      g_autofree char *read_back = NULL;
      g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) lines = NULL;
      guint n = 0;

      g_assert_true (run ((const char *[]) { soffice, env, "--headless",
                                             "--convert-to", "txt:Text (encoded):UTF8",
                                             "--outdir", out_dir, path, NULL },
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
    drafting_amendment_set_destination (amendment, drafting_node_get_id (destination),
                                        DRAFTING_PLACEMENT_AFTER);
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
  DraftingDocument *document =
    drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
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

/* The example resolution with a rewording, a deletion and a new clause. */
static DraftingDocument *
amended_resolution (void)
{
  DraftingDocument *document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);

  propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL, "France", NULL,
           "that the digital transformation of the economy is now the key driver in the global "
           "trade environment,");
  propose (document, DRAFTING_AMENDMENT_DELETE, second, NULL, "Kenya", "Japan", NULL);
  propose (document, DRAFTING_AMENDMENT_INSERT, second, NULL, "Brazil", NULL,
           "that the Framework of Standards on Cross-Border E-Commerce was adopted in 2018,");

  return document;
}

/* The communiqué with the paragraph that calls its footnote deleted, the
 * one before it reworded, a statement inserted. */
static DraftingDocument *
amended_communique (void)
{
  DraftingDocument *document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);
  DraftingNode *statement = drafting_test_find (document, DRAFTING_KIND_STATEMENT, 0);

  propose (document, DRAFTING_AMENDMENT_DELETE, second, NULL, "Kenya", NULL, NULL);
  propose (document, DRAFTING_AMENDMENT_REPLACE, first, NULL, "France", NULL,
           "The trade in electronic commerce has grown.");
  propose (document, DRAFTING_AMENDMENT_INSERT, statement, NULL, "Brazil", NULL,
           "that a new statement is made.");

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

/* Whether a delegation that proposed one of @document's amendments is
 * @author. */
static gboolean
is_proposer (DraftingDocument *document,
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
        if (!is_proposer (document, g_ptr_array_index (authors, i)))
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

/* LibreOffice opens the tracked form, and Accept All gives the text as
 * proposed, Reject All the present text; each change is by a delegation
 * that proposed one. */
static void
test_tracked (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lo", "lo-tracked.py", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  DraftingDocument *amended[3] = {
    amended_relief (), amended_resolution (), amended_communique (),
  };
  const char *names[3] = { "relief-tracked", "resolution-tracked", "communique-tracked" };

  for (guint d = 0; d < G_N_ELEMENTS (amended); d++)
    {
      g_autoptr(DraftingDocument) document = amended[d];
      g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);
      g_autoptr(GPtrArray) blocks = drafting_layout_build_proposed (document, NULL);
      g_autofree char *path = NULL;
      g_autofree char *output = NULL;
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) accepted = paragraph_texts (proposed);
      g_autoptr(GPtrArray) rejected = paragraph_texts (document);
      JsonObject *result;
      JsonArray *changes;

      package = drafting_docx_write_tracked (document, NULL, &error);
      g_assert_no_error (error);
      path = save (fixture, package, names[d]);

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

          if (!is_proposer (document, author))
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

  g_test_add ("/docx/package", Fixture, NULL,
              fixture_set_up, test_package, fixture_tear_down);
  g_test_add ("/docx/right-to-left", Fixture, NULL,
              fixture_set_up, test_right_to_left, fixture_tear_down);
  g_test_add ("/docx/libreoffice", Fixture, NULL,
              fixture_set_up, test_libreoffice, fixture_tear_down);
  g_test_add ("/docx/tracked", Fixture, NULL,
              fixture_set_up, test_tracked, fixture_tear_down);

  return g_test_run ();
}
