/* test-cli.c: the wco-draft command, run as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "drafting-test-utils.h"

static void
test_help (void)
{
  g_auto(DraftingTestRun) run = { 0, };
  g_auto(DraftingTestRun) sub = { 0, };
  g_auto(DraftingTestRun) wrong = { 0, };
  static const char * const commands[] = {
    "import", "convert", "validate", "outline", "amendments", "propose", "accept", "reject",
    "withdraw", "reopen", "text", "export-amendments", "import-amendments",
  };

  drafting_test_run_tool (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  drafting_test_run_tool (&sub, "outline", "--help", NULL);
  g_assert_cmpint (sub.status, ==, 0);
  g_assert_nonnull (strstr (sub.out, "--json"));

  drafting_test_run_tool (&wrong, "frobnicate", NULL);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "frobnicate"));
}

static void
test_import_validate (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_auto(DraftingTestRun) import = { 0, };
  g_auto(DraftingTestRun) validate = { 0, };
  g_auto(DraftingTestRun) missing = { 0, };

  drafting_test_run_tool (&import, "import", corpus, "-o", out, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  drafting_test_run_tool (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "valid"));

  drafting_test_run_tool (&missing, "import", corpus, NULL);
  g_assert_cmpint (missing.status, ==, 2);

  drafting_test_remove_tree (dir);
}

static void
test_validate_reports_where (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.wcodraft", NULL);
  g_auto(DraftingTestRun) run = { 0, };
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    "  <meta><status>draft</status><language>en</language></meta>\n"
    "  <content>\n"
    "    <preamble-clause id=\"a\">\n"
    "      <item id=\"b\"/>\n"
    "    </preamble-clause>\n"
    "  </content>\n"
    "</document>\n";

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  drafting_test_run_tool (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "Line 6"));

  drafting_test_remove_tree (dir);
}

#define PROLOG \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT \
  "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n" \
  "  <meta><status>draft</status><language>en</language></meta>\n"

static char *
make_deep_nesting (guint levels)
{
  GString *xml = g_string_new (PROLOG ROOT "  <content>\n");

  for (guint i = 0; i < levels; i++)
    g_string_append_printf (xml, "<item id=\"i%u\">", i);
  for (guint i = 0; i < levels; i++)
    g_string_append (xml, "</item>");
  g_string_append (xml, "\n  </content>\n</document>\n");

  return g_string_free (xml, FALSE);
}

/* Damaged and hostile files: each gives one line on the terminal, what is
 * wrong with it and where, and nothing else: no message of the XML
 * library, no warning or critical. */
static void
test_validate_hostile_quiet (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *deep = make_deep_nesting (5000);
  const struct
  {
    const char *name;
    const char *xml;
  } files[] = {
    { "broken",
      PROLOG ROOT "  <content><paragraph id=\"a\"><text>x</paragraph></content>\n</document>\n" },
    { "truncated", PROLOG ROOT "  <content><paragraph id=\"a\"><te" },
    { "invalid", PROLOG ROOT "  <content><item id=\"a\"/></content>\n</document>\n" },
    { "doctype", PROLOG "<!DOCTYPE document>\n" ROOT "  <content/>\n</document>\n" },
    { "external-entity",
      PROLOG "<!DOCTYPE document [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n" ROOT
      "  <content><paragraph id=\"a\"><text>&x;</text></paragraph></content>\n</document>\n" },
    { "external-subset",
      PROLOG "<!DOCTYPE document SYSTEM \"http://127.0.0.1:9/x.dtd\">\n" ROOT
      "  <content/>\n</document>\n" },
    { "char-ref",
      PROLOG ROOT "  <content><paragraph id=\"a\"><text>&#1;</text></paragraph></content>\n"
      "</document>\n" },
    { "xinclude",
      PROLOG ROOT "  <content>"
      "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>"
      "</content>\n</document>\n" },
    { "bad-numbering",
      PROLOG
      "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
      "  <meta><status>draft</status><language>en</language>"
      "<numbering slot=\"item\" style=\"(A)\"/></meta>\n  <content/>\n</document>\n" },
    { "deep", deep },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (files[i].name, ".wcodraft", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *expected_start = g_strconcat (path, ": ", NULL);
      g_auto(DraftingTestRun) run = { 0, };

      g_assert_true (g_file_set_contents (path, files[i].xml, -1, NULL));
      drafting_test_run_tool (&run, "validate", path, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, expected_start));
      g_assert_true (g_str_has_suffix (run.err, "\n"));
      g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
    }

  drafting_test_remove_tree (dir);
}

/* Values with white space around them, which the schema takes: valid, and
 * without a word on the terminal. */
static void
test_validate_whitespace (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "spaced.wcodraft", NULL);
  g_autofree char *outline = NULL;
  g_auto(DraftingTestRun) validate = { 0, };
  g_auto(DraftingTestRun) run = { 0, };
  const char *xml =
    PROLOG
    "<document version=\" 1.0 \" type=\" resolution \" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    "  <meta>\n"
    "    <status> draft </status>\n"
    "    <language> en </language>\n"
    "    <numbering slot=\" operative-paragraph \" style=\"\n      (a)\n    \"/>\n"
    "  </meta>\n"
    "  <content>\n"
    "    <operative-paragraph id=\" p1 \"><text>Decides.</text></operative-paragraph>\n"
    "  </content>\n"
    "</document>\n";

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  drafting_test_run_tool (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.err, ==, "");

  drafting_test_run_tool (&run, "outline", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "operative-paragraph (a) Decides.\n");

  drafting_test_remove_tree (dir);
}

static void
test_outline_text (void)
{
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_auto(DraftingTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint clauses = 0;
  gboolean seen_nested = FALSE;

  drafting_test_run_tool (&run, "outline", corpus, NULL);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "heading RESOLUTION OF THE POLICY COMMISSION");
  g_assert_cmpstr (lines[3], ==, "place-date (Luxor, December 2017)");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "preamble-clause "))
        clauses++;
      if (g_str_has_prefix (lines[i], "      item "))
        seen_nested = TRUE;
    }
  g_assert_cmpuint (clauses, ==, 15);
  g_assert_true (seen_nested);
  g_assert_nonnull (strstr (run.out, "\npreamble-clause HAVING REGARD\n"));
  g_assert_nonnull (strstr (run.out, "\n  principle IV Revenue Collection\n"));
  g_assert_nonnull (strstr (run.out, "\n    item iv. Review/adjust"));
}

static const char * const kinds[] = {
  "heading", "place-date", "authority", "preamble-clause", "operative-formula",
  "operative-paragraph", "sub-paragraph", "annex", "principle", "section", "item",
  "occasion", "title", "narrative-paragraph", "speaker-formula", "statement",
  "footnote", "paragraph",
};

static guint
check_json_nodes (JsonArray  *array,
                  GHashTable *ids)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (object, "kind");
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        known |= g_strcmp0 (kind, kinds[k]) == 0;
      g_assert_true (known);

      g_assert_true (json_object_has_member (object, "number"));
      g_assert_true (json_object_has_member (object, "lead"));
      g_assert_true (json_object_has_member (object, "text"));
      g_assert_false (g_hash_table_contains (ids, json_object_get_string_member (object, "id")));
      g_hash_table_add (ids, (gpointer) json_object_get_string_member (object, "id"));

      n += 1 + check_json_nodes (json_object_get_array_member (object, "children"), ids);
    }

  return n;
}

static void
test_outline_json (gconstpointer data)
{
  const char *name = data;
  g_autofree char *corpus = drafting_test_corpus_path (name);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus (name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(DraftingTestRun) run = { 0, };
  JsonNode *root;

  drafting_test_run_tool (&run, "outline", "--json", corpus, NULL);
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  /* Every element, each with its own id, of a kind from the list. */
  g_assert_cmpuint (check_json_nodes (json_node_get_array (root), ids), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (document)));
}

static void
test_outline_json_fields (void)
{
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(DraftingTestRun) run = { 0, };
  JsonArray *top;
  JsonObject *clause;
  JsonObject *annex;
  JsonObject *principle;

  drafting_test_run_tool (&run, "outline", "--json", corpus, NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  top = json_node_get_array (json_parser_get_root (parser));

  clause = json_array_get_object_element (top, 5);
  g_assert_cmpstr (json_object_get_string_member (clause, "kind"), ==, "preamble-clause");
  g_assert_cmpstr (json_object_get_string_member (clause, "lead"), ==, "ACKNOWLEDGING");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (clause, "text"), "that the digital transformation"));

  annex = json_array_get_object_element (top, json_array_get_length (top) - 1);
  g_assert_cmpstr (json_object_get_string_member (annex, "kind"), ==, "annex");
  principle = json_array_get_object_element (json_object_get_array_member (annex, "children"), 1);
  g_assert_cmpstr (json_object_get_string_member (principle, "number"), ==, "II");
  g_assert_cmpstr (json_object_get_string_member (principle, "text"), ==, "Facilitation and Simplification");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (principle, "children")), ==, 9);
}

static void
test_outline_native_equals_text (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *native = g_build_filename (dir, "c.wcodraft", NULL);
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-communique.txt");
  g_auto(DraftingTestRun) import = { 0, };
  g_auto(DraftingTestRun) from_text = { 0, };
  g_auto(DraftingTestRun) from_native = { 0, };

  drafting_test_run_tool (&import, "import", corpus, "-o", native, NULL);
  g_assert_cmpint (import.status, ==, 0);
  drafting_test_run_tool (&from_text, "outline", corpus, NULL);
  drafting_test_run_tool (&from_native, "outline", native, NULL);
  g_assert_cmpint (from_native.status, ==, 0);
  g_assert_cmpstr (from_native.out, ==, from_text.out);

  drafting_test_remove_tree (dir);
}

static void
test_convert (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *native = g_build_filename (dir, "r.wcodraft", NULL);
  g_autofree char *text = g_build_filename (dir, "r.txt", NULL);
  g_autofree char *again = g_build_filename (dir, "again.wcodraft", NULL);
  g_autofree char *unknown = g_build_filename (dir, "r.xyz", NULL);
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_autofree char *printed = NULL;
  g_auto(DraftingTestRun) import = { 0, };
  g_auto(DraftingTestRun) to_text = { 0, };
  g_auto(DraftingTestRun) back = { 0, };
  g_auto(DraftingTestRun) outline_a = { 0, };
  g_auto(DraftingTestRun) outline_b = { 0, };
  g_auto(DraftingTestRun) refused = { 0, };

  drafting_test_run_tool (&import, "import", corpus, "-o", native, NULL);
  drafting_test_run_tool (&to_text, "convert", native, "-o", text, NULL);
  g_assert_cmpint (to_text.status, ==, 0);
  g_assert_true (g_file_get_contents (text, &printed, NULL, NULL));
  /* As it prints: the status in the heading, place and date, the annex. */
  g_assert_true (g_str_has_prefix (printed, "DRAFT RESOLUTION OF THE POLICY COMMISSION\n"));
  g_assert_nonnull (strstr (printed, "\n(Luxor, December 2017)\n"));
  g_assert_nonnull (strstr (printed, "\nPRINCIPLE VI - Partnerships\n"));
  /* The "o" marks were bullets, not text. */
  g_assert_null (strstr (printed, "- o "));

  drafting_test_run_tool (&back, "convert", text, "-o", again, NULL);
  g_assert_cmpint (back.status, ==, 0);
  drafting_test_run_tool (&outline_a, "outline", native, NULL);
  drafting_test_run_tool (&outline_b, "outline", again, NULL);
  g_assert_cmpstr (outline_a.out, ==, outline_b.out);

  drafting_test_run_tool (&refused, "convert", native, "-o", unknown, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, ".wcodraft"));
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_auto(DraftingTestRun) run = { 0, };

  drafting_test_run_tool (&run, "outline", "/nonexistent/file.wcodraft", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.wcodraft"));
}

/* ------------------------------------------------------------------ */
/* Amendments                                                          */

static const char amendable[] =
  "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
  "\n"
  "THE CUSTOMS CO-OPERATION COUNCIL,\n"
  "\n"
  "RESOLVES:\n"
  "\n"
  "1. Members should simplify the clearance of relief consignments;\n"
  "\n"
  "2. Members should share information:\n"
  "(a) before a disaster;\n"
  "(b) during a disaster;\n"
  "\n"
  "3. The Secretariat should report every year.\n";

/* The elements of the resolution above, in reading order. */
enum { E_HEADING, E_AUTHORITY, E_FORMULA, E_P1, E_P2, E_A, E_B, E_P3, N_ELEMENTS };

typedef struct
{
  char *dir;
  char *path;
  char *ids[N_ELEMENTS];
} Amendable;

static void
amendable_clear (Amendable *self)
{
  drafting_test_remove_tree (self->dir);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  for (guint i = 0; i < N_ELEMENTS; i++)
    g_clear_pointer (&self->ids[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Amendable, amendable_clear)

static void
collect_ids (JsonArray *array,
             GPtrArray *ids)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (object, "id")));
      collect_ids (json_object_get_array_member (object, "children"), ids);
    }
}

/* Imports the resolution above with the tool, and finds its elements. */
static void
amendable_init (Amendable *self)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(DraftingTestRun) import = { 0, };
  g_auto(DraftingTestRun) outline = { 0, };

  self->dir = drafting_test_make_tmpdir ();
  text = g_build_filename (self->dir, "resolution.txt", NULL);
  self->path = g_build_filename (self->dir, "resolution.wcodraft", NULL);
  g_assert_true (g_file_set_contents (text, amendable, -1, NULL));

  drafting_test_run_tool (&import, "import", text, "-o", self->path, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_no_errno (g_unlink (text));

  drafting_test_run_tool (&outline, "outline", "--json", self->path, NULL);
  g_assert_cmpint (outline.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, outline.out, -1, NULL));
  collect_ids (json_node_get_array (json_parser_get_root (parser)), ids);
  g_assert_cmpuint (ids->len, ==, N_ELEMENTS);
  for (guint i = 0; i < N_ELEMENTS; i++)
    self->ids[i] = g_strdup (g_ptr_array_index (ids, i));
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Only the document is in the folder: no temporary file was left. */
static void
assert_alone (Amendable *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "resolution.wcodraft");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* Runs a propose command (arguments after the file), checks that it
 * printed an identifier alone on a line, and returns it. */
static char *
propose (Amendable  *self,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^am-[0-9a-f]{12}\n$", 0, 0, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("WCO_DRAFT"));
  g_ptr_array_add (argv, (gpointer) "propose");
  g_ptr_array_add (argv, self->path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_regex_match (regex, out, 0, NULL));
  assert_alone (self);

  out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}

static JsonArray *
amendments_json (Amendable  *self,
                 JsonParser *parser)
{
  g_auto(DraftingTestRun) run = { 0, };
  g_autoptr(GError) error = NULL;

  drafting_test_run_tool (&run, "amendments", self->path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_node_get_array (json_parser_get_root (parser));
}

static const char *
status_of (Amendable  *self,
           const char *id)
{
  static char status[32];
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array = amendments_json (self, parser);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        {
          g_strlcpy (status, json_object_get_string_member (object, "status"), sizeof status);
          return status;
        }
    }

  return NULL;
}

/* A command the tool refuses: exit 1, a message, the file as it was. */
static void
assert_refused (Amendable  *self,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_file (self->path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("WCO_DRAFT"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
  g_assert_true (g_str_has_suffix (err, "\n"));

  after = read_file (self->path);
  g_assert_cmpstr (after, ==, before);
  assert_alone (self);
}

static void
test_amendments_propose (void)
{
  g_auto(Amendable) doc = { 0, };
  g_autofree char *replace = NULL;
  g_autofree char *insert_after = NULL;
  g_autofree char *insert_into = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *move = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  amendable_init (&doc);

  replace = propose (&doc, "--delegation", "France", "--replace", doc.ids[E_P1],
                     "--text", "Members should simplify and *speed up* the clearance of **relief** consignments;",
                     NULL);
  insert_after = propose (&doc, "--delegation", "Kenya", "--insert", "operative-paragraph",
                          "--after", doc.ids[E_P3], "--text", "Members should train officers.", NULL);
  insert_into = propose (&doc, "--delegation", "Japan", "--insert", "sub-paragraph",
                         "--into", doc.ids[E_P2], "--text", "in advance;", NULL);
  delete = propose (&doc, "--delegation", "Brazil", "--delete", doc.ids[E_B], NULL);
  move = propose (&doc, "--delegation", "Chile", "--move", doc.ids[E_P3], "--after", doc.ids[E_P1], NULL);

  /* Five different identifiers, kept by the file. */
  g_assert_cmpstr (replace, !=, insert_after);
  g_assert_cmpstr (insert_after, !=, insert_into);
  g_assert_cmpstr (insert_into, !=, delete);
  g_assert_cmpstr (delete, !=, move);
  array = amendments_json (&doc, parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);

  /* The markup became emphasis and bold, in the file. */
  saved = read_file (doc.path);
  g_assert_nonnull (strstr (saved, "<em>speed up</em>"));
  g_assert_nonnull (strstr (saved, "relief"));
  g_assert_null (strstr (saved, "*speed up*"));

  /* Refusals, the file as it was. */
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--insert", "clause",
                  "--after", doc.ids[E_P1], "--text", "x", NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--replace", "nope",
                  "--text", "x", NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--delete", "nope", NULL);
  assert_refused (&doc, "propose", doc.path, "--replace", doc.ids[E_P1], "--text", "x", NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--replace", doc.ids[E_P1], NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--replace", doc.ids[E_P1],
                  "--text", "x", "--delete", doc.ids[E_P2], NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--insert", "operative-paragraph",
                  "--text", "x", NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--move", doc.ids[E_P3],
                  "--after", doc.ids[E_P1], "--into", doc.ids[E_P2], NULL);
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--delete", doc.ids[E_P3],
                  "--after", doc.ids[E_P1], NULL);
  /* An operative paragraph cannot go into a sub-paragraph. */
  assert_refused (&doc, "propose", doc.path, "--delegation", "France", "--insert", "operative-paragraph",
                  "--into", doc.ids[E_A], "--text", "x", NULL);
}

static void
test_amendments_list (void)
{
  g_auto(Amendable) doc = { 0, };
  g_autofree char *france = NULL;
  g_autofree char *kenya = NULL;
  g_autofree char *japan = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(DraftingTestRun) list = { 0, };
  g_auto(DraftingTestRun) by_kenya = { 0, };
  g_auto(DraftingTestRun) by_status = { 0, };
  g_auto(DraftingTestRun) bad_status = { 0, };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  static const char * const keys[] = {
    "id", "delegation", "cosponsors", "author", "date", "action", "target", "kind", "status",
    "lead", "text", "justification", "conflicts", "needs_review",
  };
  JsonArray *array;
  JsonObject *first;
  JsonObject *second;
  JsonObject *third;
  g_autoptr(GList) members = NULL;
  g_autoptr(GDateTime) date = NULL;

  amendable_init (&doc);
  france = propose (&doc, "--delegation", "France", "--cosponsor", "Kenya", "--cosponsor", "Peru",
                    "--author", "A. Martin", "--justification", "Faster relief",
                    "--replace", doc.ids[E_P1],
                    "--text", "Members should *speed up* the clearance of relief consignments;", NULL);
  kenya = propose (&doc, "--delegation", "Kenya", "--replace", doc.ids[E_P1],
                   "--text", "Members should ease the clearance of relief consignments;", NULL);
  japan = propose (&doc, "--delegation", "Japan", "--insert", "operative-paragraph",
                   "--after", doc.ids[E_P3], "--lead", "", "--text", "Members should train officers.", NULL);

  /* One line each, fields separated by tabs. */
  drafting_test_run_tool (&list, "amendments", doc.path, NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[0], ==, france);
  g_assert_cmpstr (fields[1], ==, "proposed");
  g_assert_cmpstr (fields[2], ==, "France");
  g_assert_cmpstr (fields[3], ==, "replace");
  g_assert_cmpstr (fields[4], ==, "operative-paragraph 1.");
  g_assert_true (g_str_has_prefix (fields[5], "Members should speed up the clearance"));
  line = g_strdup_printf ("%s\tproposed\tJapan\tinsert\toperative-paragraph 3.\t"
                          "(operative-paragraph after) Members should train officers.", japan);
  g_assert_cmpstr (lines[2], ==, line);

  /* JSON: exactly the keys, and their values. */
  array = amendments_json (&doc, parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  first = json_array_get_object_element (array, 0);
  second = json_array_get_object_element (array, 1);
  third = json_array_get_object_element (array, 2);
  members = json_object_get_members (first);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (json_object_has_member (first, keys[i]));
      g_assert_true (json_object_has_member (third, keys[i]));
    }

  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, france);
  g_assert_cmpstr (json_object_get_string_member (first, "delegation"), ==, "France");
  {
    JsonArray *cosponsors = json_object_get_array_member (first, "cosponsors");

    g_assert_cmpuint (json_array_get_length (cosponsors), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (cosponsors, 0), ==, "Kenya");
    g_assert_cmpstr (json_array_get_string_element (cosponsors, 1), ==, "Peru");
  }
  g_assert_cmpstr (json_object_get_string_member (first, "author"), ==, "A. Martin");
  date = g_date_time_new_from_iso8601 (json_object_get_string_member (first, "date"), NULL);
  g_assert_nonnull (date);
  /* Proposed after the test started, a moment ago. */
  g_assert_cmpint (g_date_time_difference (date, now), >=, 0);
  g_assert_cmpint (g_date_time_difference (date, now), <, 600 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (json_object_get_string_member (first, "action"), ==, "replace");
  g_assert_cmpstr (json_object_get_string_member (first, "target"), ==, doc.ids[E_P1]);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "operative-paragraph");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "proposed");
  g_assert_cmpstr (json_object_get_string_member (first, "lead"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==,
                   "Members should speed up the clearance of relief consignments;");
  g_assert_cmpstr (json_object_get_string_member (first, "justification"), ==, "Faster relief");
  g_assert_false (json_object_get_boolean_member (first, "needs_review"));

  /* France and Kenya change the same words; Japan's insertion neither. */
  {
    JsonArray *conflicts = json_object_get_array_member (first, "conflicts");

    g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (conflicts, 0), ==, kenya);
    conflicts = json_object_get_array_member (second, "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (conflicts, 0), ==, france);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (third, "conflicts")), ==, 0);
  }

  g_assert_cmpstr (json_object_get_string_member (third, "action"), ==, "insert");
  g_assert_cmpstr (json_object_get_string_member (third, "target"), ==, doc.ids[E_P3]);
  g_assert_cmpstr (json_object_get_string_member (third, "kind"), ==, "operative-paragraph");
  g_assert_cmpstr (json_object_get_string_member (third, "text"), ==, "Members should train officers.");
  g_assert_cmpstr (json_object_get_string_member (third, "author"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (third, "cosponsors")), ==, 0);

  /* Filters: a co-sponsor counts, whatever the case; a status. */
  drafting_test_run_tool (&by_kenya, "amendments", doc.path, "--delegation", "kenya", NULL);
  g_assert_cmpint (by_kenya.status, ==, 0);
  g_assert_true (g_str_has_prefix (by_kenya.out, france));
  g_assert_nonnull (strstr (by_kenya.out, kenya));
  g_assert_null (strstr (by_kenya.out, japan));

  drafting_test_run_tool (&by_status, "amendments", doc.path, "--status", "rejected", "--json", NULL);
  g_assert_cmpint (by_status.status, ==, 0);
  g_assert_cmpstr (g_strstrip (by_status.out), ==, "[]");

  drafting_test_run_tool (&bad_status, "amendments", doc.path, "--status", "pending", NULL);
  g_assert_cmpint (bad_status.status, ==, 1);
  g_assert_nonnull (strstr (bad_status.err, "pending"));
}

static void
test_amendments_decide (void)
{
  g_auto(Amendable) doc = { 0, };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_auto(DraftingTestRun) accept = { 0, };
  g_auto(DraftingTestRun) reject = { 0, };
  g_auto(DraftingTestRun) withdraw = { 0, };
  g_auto(DraftingTestRun) reopen = { 0, };
  g_auto(DraftingTestRun) outline = { 0, };
  g_auto(DraftingTestRun) none = { 0, };

  amendable_init (&doc);
  a = propose (&doc, "--delegation", "France", "--replace", doc.ids[E_P1],
               "--text", "Members should speed up the clearance of relief consignments;", NULL);
  b = propose (&doc, "--delegation", "Kenya", "--delete", doc.ids[E_B], NULL);
  c = propose (&doc, "--delegation", "Japan", "--insert", "operative-paragraph",
               "--after", doc.ids[E_P3], "--text", "Members should train officers.", NULL);
  d = propose (&doc, "--delegation", "Chile", "--delete", doc.ids[E_P1], NULL);

  drafting_test_run_tool (&accept, "accept", doc.path, a, b, NULL);
  g_assert_cmpint (accept.status, ==, 0);
  g_assert_cmpstr (accept.out, ==, "");
  g_assert_cmpstr (accept.err, ==, "");
  assert_alone (&doc);
  g_assert_cmpstr (status_of (&doc, a), ==, "accepted");
  g_assert_cmpstr (status_of (&doc, b), ==, "accepted");
  drafting_test_run_tool (&outline, "outline", doc.path, NULL);
  g_assert_nonnull (strstr (outline.out, "1. Members should speed up the clearance"));
  g_assert_null (strstr (outline.out, "during a disaster"));

  drafting_test_run_tool (&reject, "reject", doc.path, c, NULL);
  g_assert_cmpint (reject.status, ==, 0);
  g_assert_cmpstr (status_of (&doc, c), ==, "rejected");

  drafting_test_run_tool (&withdraw, "withdraw", doc.path, d, NULL);
  g_assert_cmpint (withdraw.status, ==, 0);
  g_assert_cmpstr (status_of (&doc, d), ==, "withdrawn");

  /* Refused: accepted twice, an unknown one, one not proposed; all or
   * nothing, the file unchanged byte for byte. */
  assert_refused (&doc, "accept", doc.path, a, NULL);
  assert_refused (&doc, "accept", doc.path, "am-000000000000", NULL);
  assert_refused (&doc, "reject", doc.path, a, NULL);
  assert_refused (&doc, "withdraw", doc.path, c, NULL);
  assert_refused (&doc, "reopen", doc.path, c, "am-000000000000", NULL);
  assert_refused (&doc, "reopen", doc.path, c, c, NULL);
  g_assert_cmpstr (status_of (&doc, c), ==, "rejected");

  drafting_test_run_tool (&none, "accept", doc.path, NULL);
  g_assert_cmpint (none.status, ==, 2);

  /* Reopened, an accepted change is taken back. */
  drafting_test_run_tool (&reopen, "reopen", doc.path, a, c, NULL);
  g_assert_cmpint (reopen.status, ==, 0);
  assert_alone (&doc);
  g_assert_cmpstr (status_of (&doc, a), ==, "proposed");
  g_assert_cmpstr (status_of (&doc, c), ==, "proposed");
  {
    g_auto(DraftingTestRun) again = { 0, };

    drafting_test_run_tool (&again, "outline", doc.path, NULL);
    g_assert_nonnull (strstr (again.out, "1. Members should simplify the clearance"));
  }
}

static void
test_amendments_text (void)
{
  g_auto(Amendable) doc = { 0, };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;
  g_auto(DraftingTestRun) clean = { 0, };
  g_auto(DraftingTestRun) tracked_before = { 0, };
  g_auto(DraftingTestRun) tracked = { 0, };
  g_auto(DraftingTestRun) proposed = { 0, };
  g_auto(DraftingTestRun) bad_view = { 0, };
  const char *clean_text =
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "1. Members should simplify the clearance of relief consignments;\n"
    "\n"
    "2. Members should share information:\n"
    "\n"
    "(a) before a disaster;\n"
    "\n"
    "(b) during a disaster;\n"
    "\n"
    "3. The Secretariat should report every year.\n";

  amendable_init (&doc);

  /* No amendments: all three views are the text. */
  drafting_test_run_tool (&clean, "text", doc.path, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, clean_text);
  drafting_test_run_tool (&tracked_before, "text", doc.path, "--view", "tracked", NULL);
  g_assert_cmpstr (tracked_before.out, ==, clean_text);

  a = propose (&doc, "--delegation", "France", "--replace", doc.ids[E_P1],
               "--text", "Members should simplify and *speed up* the clearance of relief consignments;", NULL);
  b = propose (&doc, "--delegation", "Kenya", "--replace", doc.ids[E_P2],
               "--text", "Members should share data:", NULL);
  c = propose (&doc, "--delegation", "Peru", "--replace", doc.ids[E_P2],
               "--text", "Members should share information promptly:", NULL);
  d = propose (&doc, "--delegation", "Japan", "--delete", doc.ids[E_A], NULL);
  e = propose (&doc, "--delegation", "Chile", "--insert", "operative-paragraph",
               "--after", doc.ids[E_P3], "--text", "Members should train officers.", NULL);
  f = propose (&doc, "--delegation", "Brazil", "--move", doc.ids[E_P3], "--after", doc.ids[E_P1], NULL);

  {
    g_auto(DraftingTestRun) again = { 0, };

    drafting_test_run_tool (&again, "text", doc.path, "--view", "clean", NULL);
    g_assert_cmpstr (again.out, ==, clean_text);
  }

  drafting_test_run_tool (&tracked, "text", doc.path, "--view", "tracked", NULL);
  g_assert_cmpint (tracked.status, ==, 0);
  g_assert_cmpstr (tracked.out, ==,
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "1. Members should simplify {+and speed up +}the clearance of relief consignments;\n"
    "\n"
    "{+The Secretariat should report every year.+}\n"
    "\n"
    "2. Members should share information:\n"
    "[Kenya] Members should share [-information-]{+data+}:\n"
    "[Peru] Members should share information{+ promptly+}:\n"
    "\n"
    "[-(a) before a disaster;-]\n"
    "\n"
    "(b) during a disaster;\n"
    "\n"
    "[-3. The Secretariat should report every year.-]\n"
    "\n"
    "{+Members should train officers.+}\n");

  /* Every proposal accepted in order; Peru's, whose words Kenya's
   * changed, cannot be made and is left out. Chile's paragraph went after
   * the third before Brazil's moved it. */
  drafting_test_run_tool (&proposed, "text", doc.path, "--view", "proposed", NULL);
  g_assert_cmpint (proposed.status, ==, 0);
  g_assert_cmpstr (proposed.out, ==,
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "1. Members should simplify and speed up the clearance of relief consignments;\n"
    "\n"
    "2. The Secretariat should report every year.\n"
    "\n"
    "3. Members should share data:\n"
    "\n"
    "(a) during a disaster;\n"
    "\n"
    "4. Members should train officers.\n");

  /* Viewing changes nothing. */
  g_assert_cmpstr (status_of (&doc, c), ==, "proposed");
  assert_alone (&doc);

  drafting_test_run_tool (&bad_view, "text", doc.path, "--view", "marked", NULL);
  g_assert_cmpint (bad_view.status, ==, 1);
}

/* Runs import-amendments, and checks what it printed. */
static void
test_amendments_exchange (void)
{
  g_auto(Amendable) doc = { 0, };
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "copy.wcodraft", NULL);
  g_autofree char *other = g_build_filename (dir, "other.wcodraft", NULL);
  g_autofree char *text = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *france = g_build_filename (dir, "france.wcoamend", NULL);
  g_autofree char *all = g_build_filename (dir, "all.wcoamend", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.wcoamend", NULL);
  g_autofree char *original = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_auto(DraftingTestRun) export_france = { 0, };
  g_auto(DraftingTestRun) export_all = { 0, };
  g_auto(DraftingTestRun) import = { 0, };
  g_auto(DraftingTestRun) refused = { 0, };
  g_auto(DraftingTestRun) foreign = { 0, };
  g_auto(DraftingTestRun) make_other = { 0, };
  g_auto(DraftingTestRun) usage = { 0, };

  amendable_init (&doc);
  original = read_file (doc.path);
  g_assert_true (g_file_set_contents (copy, original, -1, NULL));

  a = propose (&doc, "--delegation", "France", "--replace", doc.ids[E_P1],
               "--text", "Members should speed the clearance of relief consignments;", NULL);
  b = propose (&doc, "--delegation", "France", "--delete", doc.ids[E_B], NULL);
  c = propose (&doc, "--delegation", "Japan", "--replace", doc.ids[E_P1],
               "--text", "Members should ease the clearance of relief consignments;", NULL);

  drafting_test_run_tool (&export_france, "export-amendments", doc.path, "--delegation", "France",
            "-o", france, NULL);
  g_assert_cmpint (export_france.status, ==, 0);
  g_assert_cmpstr (export_france.err, ==, "");
  drafting_test_run_tool (&export_all, "export-amendments", doc.path, "-o", all, NULL);
  g_assert_cmpint (export_all.status, ==, 0);

  drafting_test_run_tool (&import, "import-amendments", copy, france, all, NULL);
  g_test_message ("%s", import.err);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  expected = g_strdup_printf ("%s: 2 added, 0 duplicates, 0 conflicting\n"
                              "%s: 1 added, 2 duplicates, 1 conflicting\n",
                              france, all);
  g_assert_cmpstr (import.out, ==, expected);

  /* A broken file among good ones: nothing written, exit 1. */
  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?><amendments", -1, NULL));
  before = read_file (copy);
  drafting_test_run_tool (&refused, "import-amendments", copy, france, bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_nonnull (strstr (refused.err, bad));
  after = read_file (copy);
  g_assert_cmpstr (before, ==, after);

  /* A file made for another document. */
  g_assert_true (g_file_set_contents (text, amendable, -1, NULL));
  drafting_test_run_tool (&make_other, "import", text, "-o", other, NULL);
  g_assert_cmpint (make_other.status, ==, 0);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = read_file (other);
  drafting_test_run_tool (&foreign, "import-amendments", other, france, NULL);
  g_assert_cmpint (foreign.status, ==, 1);
  g_assert_nonnull (strstr (foreign.err, "These amendments are for the document"));
  after = read_file (other);
  g_assert_cmpstr (before, ==, after);

  drafting_test_run_tool (&usage, "import-amendments", copy, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  drafting_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Revisions                                                           */

/* Runs a command that must work: exit 0, nothing on stderr. */
static void
run_ok (DraftingTestRun *run,
        const char      *first,
        ...)
{
  va_list args;

  va_start (args, first);
  drafting_test_run_tool_valist (run, first, args);
  va_end (args);
  g_test_message ("%s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* Accepts a proposal at once: the way to change the text from the
 * command line. */
static void
change (Amendable  *self,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(DraftingTestRun) accept = { 0, };
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("WCO_DRAFT"));
  g_ptr_array_add (argv, (gpointer) "propose");
  g_ptr_array_add (argv, self->path);
  g_ptr_array_add (argv, (gpointer) "--delegation");
  g_ptr_array_add (argv, (gpointer) "Secretariat");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_strchomp (out);

  run_ok (&accept, "accept", self->path, out, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* An object with exactly these members. */
static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  guint n = 0;

  for (; names[n] != NULL; n++)
    g_assert_true (json_object_has_member (object, names[n]));
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}

static void
test_revisions_list (void)
{
  g_auto(Amendable) doc = { 0, };
  g_auto(DraftingTestRun) revise_draft = { 0, };
  g_auto(DraftingTestRun) revise_rev = { 0, };
  g_auto(DraftingTestRun) plain = { 0, };
  g_auto(DraftingTestRun) json = { 0, };
  g_auto(DraftingTestRun) empty = { 0, };
  g_auto(DraftingTestRun) empty_json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GRegex) offset = g_regex_new ("(Z|[+-][0-9]{2}:[0-9]{2})$", 0, 0, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) lines = NULL;
  static const char * const members[] = { "label", "date", "status", NULL };
  static const char * const labels[] = { "Draft", "Rev.1 (final)" };
  JsonArray *array;

  amendable_init (&doc);

  run_ok (&empty, "revisions", doc.path, NULL);
  g_assert_cmpstr (empty.out, ==, "");
  run_ok (&empty_json, "revisions", doc.path, "--json", NULL);
  root = parse_json (empty_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  /* revise prints nothing, and leaves no file behind. */
  run_ok (&revise_draft, "revise", doc.path, "--label", "Draft", NULL);
  g_assert_cmpstr (revise_draft.out, ==, "");
  assert_alone (&doc);
  change (&doc, "--replace", doc.ids[E_P3], "--text", "The Secretariat should report twice a year.", NULL);
  run_ok (&revise_rev, "revise", doc.path, "--label", "Rev.1 (final)", NULL);
  g_assert_cmpstr (revise_rev.out, ==, "");
  assert_alone (&doc);

  /* A line each, the oldest first, in columns. */
  run_ok (&plain, "revisions", doc.path, NULL);
  g_test_message ("%s", plain.out);
  lines = g_strsplit (plain.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *year = g_strdup_printf (" %d  ", g_date_time_get_year (now));

      g_assert_true (g_str_has_prefix (lines[i], labels[i]));
      g_assert_cmpint (lines[i][strlen ("Rev.1 (final)")], ==, ' ');
      g_assert_cmpint (lines[i][strlen ("Rev.1 (final)") + 1], ==, ' ');
      g_assert_cmpint (lines[i][strlen ("Rev.1 (final)") + 2], !=, ' ');
      g_assert_nonnull (strstr (lines[i], year));
      g_assert_true (g_str_has_suffix (lines[i], "Adopted"));
    }
  g_assert_cmpuint (strstr (lines[0], "Adopted") - lines[0], ==, strstr (lines[1], "Adopted") - lines[1]);

  /* As JSON: {label, date, status}, the oldest first. */
  run_ok (&json, "revisions", doc.path, "--json", NULL);
  root = parse_json (json.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *date = json_object_get_string_member (object, "date");
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (date, NULL);

      assert_members (object, members);
      g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, labels[i]);
      g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "adopted");
      g_assert_true (g_regex_match (offset, date, 0, NULL));
      g_assert_nonnull (when);
      g_assert_cmpint (ABS (g_date_time_difference (now, when)), <, 600 * G_TIME_SPAN_SECOND);
    }
}

static void
test_revisions_compare (void)
{
  g_auto(Amendable) doc = { 0, };
  g_auto(DraftingTestRun) text = { 0, };
  g_auto(DraftingTestRun) revise_draft = { 0, };
  g_auto(DraftingTestRun) revise_rev = { 0, };
  g_auto(DraftingTestRun) compared = { 0, };
  g_auto(DraftingTestRun) with_present = { 0, };
  g_auto(DraftingTestRun) as_json = { 0, };
  g_auto(DraftingTestRun) same = { 0, };
  g_auto(DraftingTestRun) draft_text = { 0, };
  g_auto(DraftingTestRun) present_json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) present_root = NULL;
  static const char * const members[] = { "id", "change", "kind", "label_from", "label_to", "text", NULL };
  const char *expected[][2] = {
    { doc.ids[E_P1], "changed" },
    { doc.ids[E_B], "deleted" },
    { NULL, "inserted" },
  };
  JsonArray *array;

  amendable_init (&doc);
  expected[0][0] = doc.ids[E_P1];
  expected[1][0] = doc.ids[E_B];
  run_ok (&text, "text", doc.path, NULL);
  run_ok (&revise_draft, "revise", doc.path, "--label", "Draft", NULL);

  change (&doc, "--replace", doc.ids[E_P1], "--text",
          "Members should simplify and speed up the clearance of relief consignments;", NULL);
  change (&doc, "--delete", doc.ids[E_B], NULL);
  change (&doc, "--insert", "operative-paragraph", "--after", doc.ids[E_P3], "--text",
          "Members should train officers.", NULL);
  run_ok (&revise_rev, "revise", doc.path, "--label", "Rev.1", NULL);

  /* The text, the changes marked as wdiff marks them. */
  run_ok (&compared, "compare", doc.path, "--from", "Draft", "--to", "Rev.1", NULL);
  g_test_message ("%s", compared.out);
  g_assert_nonnull (strstr (compared.out, "1. Members should simplify {+and speed up +}the clearance of "
                                          "relief consignments;\n"));
  g_assert_nonnull (strstr (compared.out, "\n[-(b) during a disaster;-]\n"));
  g_assert_nonnull (strstr (compared.out, "\n{+4. Members should train officers.+}\n"));
  g_assert_nonnull (strstr (compared.out, "\n3. The Secretariat should report every year.\n"));

  /* Nothing changed since Rev.1. */
  run_ok (&with_present, "compare", doc.path, "--from", "Draft", "--to", "present", NULL);
  g_assert_cmpstr (with_present.out, ==, compared.out);

  /* The elements that changed, as JSON, in the order of the text. */
  run_ok (&as_json, "compare", doc.path, "--from", "Draft", "--to", "Rev.1", "--json", NULL);
  root = parse_json (as_json.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      assert_members (object, members);
      if (expected[i][0] != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member (object, "change"), ==, expected[i][1]);
    }
  {
    JsonObject *changed = json_array_get_object_element (array, 0);
    JsonObject *deleted = json_array_get_object_element (array, 1);
    JsonObject *inserted = json_array_get_object_element (array, 2);

    g_assert_cmpstr (json_object_get_string_member (changed, "kind"), ==, "operative-paragraph");
    g_assert_cmpstr (json_object_get_string_member (changed, "label_from"), ==, "1.");
    g_assert_cmpstr (json_object_get_string_member (changed, "label_to"), ==, "1.");
    g_assert_cmpstr (json_object_get_string_member (changed, "text"), ==,
                     "Members should simplify {+and speed up +}the clearance of relief consignments;");
    g_assert_cmpstr (json_object_get_string_member (deleted, "kind"), ==, "sub-paragraph");
    g_assert_cmpstr (json_object_get_string_member (deleted, "label_from"), ==, "(b)");
    g_assert_true (json_object_get_null_member (deleted, "label_to"));
    g_assert_cmpstr (json_object_get_string_member (deleted, "text"), ==, "[-during a disaster;-]");
    g_assert_true (json_object_get_null_member (inserted, "label_from"));
    g_assert_cmpstr (json_object_get_string_member (inserted, "label_to"), ==, "4.");
    g_assert_cmpstr (json_object_get_string_member (inserted, "text"), ==, "{+Members should train officers.+}");
  }

  /* A revision with itself: its text, nothing marked; nothing changed. */
  run_ok (&same, "compare", doc.path, "--from", "Draft", "--to", "Draft", NULL);
  run_ok (&draft_text, "text", doc.path, "--revision", "Draft", NULL);
  g_assert_cmpstr (same.out, ==, draft_text.out);
  g_assert_cmpstr (draft_text.out, ==, text.out);
  run_ok (&present_json, "compare", doc.path, "--from", "Rev.1", "--to", "present", "--json", NULL);
  present_root = parse_json (present_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (present_root)), ==, 0);
}

static void
test_revisions_text (void)
{
  g_auto(Amendable) doc = { 0, };
  g_auto(DraftingTestRun) before = { 0, };
  g_auto(DraftingTestRun) revise_draft = { 0, };
  g_auto(DraftingTestRun) now = { 0, };
  g_auto(DraftingTestRun) draft = { 0, };
  g_auto(DraftingTestRun) clean = { 0, };

  amendable_init (&doc);
  run_ok (&before, "text", doc.path, NULL);
  run_ok (&revise_draft, "revise", doc.path, "--label", "Draft", NULL);
  change (&doc, "--delete", doc.ids[E_P2], NULL);

  run_ok (&now, "text", doc.path, NULL);
  g_assert_cmpstr (now.out, !=, before.out);
  run_ok (&draft, "text", doc.path, "--revision", "Draft", NULL);
  g_assert_cmpstr (draft.out, ==, before.out);
  run_ok (&clean, "text", doc.path, "--revision", "Draft", "--view", "clean", NULL);
  g_assert_cmpstr (clean.out, ==, before.out);

  /* The other views are the present text's. */
  assert_refused (&doc, "text", doc.path, "--revision", "Draft", "--view", "tracked", NULL);
  assert_refused (&doc, "text", doc.path, "--revision", "Draft", "--view", "proposed", NULL);
}

/* What is refused exits with 1, says why, and leaves the file as it was. */
static void
test_revisions_refused (void)
{
  g_auto(Amendable) doc = { 0, };
  g_auto(DraftingTestRun) revise_draft = { 0, };
  g_auto(DraftingTestRun) revise_rev = { 0, };
  g_auto(DraftingTestRun) unknown = { 0, };
  g_auto(DraftingTestRun) unknown_text = { 0, };
  g_auto(DraftingTestRun) none = { 0, };
  g_auto(DraftingTestRun) no_label = { 0, };
  g_auto(DraftingTestRun) no_to = { 0, };
  g_autofree char *expected = NULL;
  g_autofree char *expected_none = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *txt_before = NULL;
  g_autofree char *txt_after = NULL;
  g_auto(DraftingTestRun) txt_revise = { 0, };

  amendable_init (&doc);

  /* Without revisions, the message says there are none. */
  drafting_test_run_tool (&none, "compare", doc.path, "--from", "Draft", "--to", "present", NULL);
  g_assert_cmpint (none.status, ==, 1);
  expected_none = g_strdup_printf ("wco-draft: %s has no revision “Draft”; it has none\n", doc.path);
  g_assert_cmpstr (none.err, ==, expected_none);

  run_ok (&revise_draft, "revise", doc.path, "--label", "Draft", NULL);
  run_ok (&revise_rev, "revise", doc.path, "--label", "Rev.1", NULL);

  assert_refused (&doc, "revise", doc.path, "--label", "Draft", NULL);
  assert_refused (&doc, "revise", doc.path, "--label", " Rev.1 ", NULL);
  assert_refused (&doc, "revise", doc.path, "--label", "", NULL);
  assert_refused (&doc, "revise", doc.path, "--label", "   ", NULL);
  assert_refused (&doc, "revise", doc.path, "--label", "two\nlines", NULL);
  assert_refused (&doc, "revise", doc.path, "--label", "present", NULL);
  assert_refused (&doc, "compare", doc.path, "--from", "Rev.2", "--to", "present", NULL);
  assert_refused (&doc, "compare", doc.path, "--from", "Draft", "--to", "Rev.2", "--json", NULL);
  assert_refused (&doc, "text", doc.path, "--revision", "Rev.2", NULL);

  /* The labels it has, in the message. */
  expected = g_strdup_printf ("wco-draft: %s has no revision “Rev.2”; it has: Draft, Rev.1\n", doc.path);
  drafting_test_run_tool (&unknown, "compare", doc.path, "--from", "Draft", "--to", "Rev.2", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpstr (unknown.err, ==, expected);
  drafting_test_run_tool (&unknown_text, "text", doc.path, "--revision", "Rev.2", NULL);
  g_assert_cmpint (unknown_text.status, ==, 1);
  g_assert_cmpstr (unknown_text.err, ==, expected);

  /* A command line without what it needs. */
  drafting_test_run_tool (&no_label, "revise", doc.path, NULL);
  g_assert_cmpint (no_label.status, ==, 2);
  drafting_test_run_tool (&no_to, "compare", doc.path, "--from", "Draft", NULL);
  g_assert_cmpint (no_to.status, ==, 2);

  /* Only Drafting's own format keeps revisions. */
  txt = g_build_filename (doc.dir, "resolution.txt", NULL);
  g_assert_true (g_file_set_contents (txt, amendable, -1, NULL));
  txt_before = read_file (txt);
  drafting_test_run_tool (&txt_revise, "revise", txt, "--label", "Draft", NULL);
  g_assert_cmpint (txt_revise.status, ==, 1);
  g_assert_nonnull (strstr (txt_revise.err, txt));
  txt_after = read_file (txt);
  g_assert_cmpstr (txt_after, ==, txt_before);
  g_assert_no_errno (g_unlink (txt));
}

static void
test_revisions_help (void)
{
  g_auto(DraftingTestRun) run = { 0, };
  static const char * const commands[] = { "revise", "revisions", "compare" };

  drafting_test_run_tool (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_auto(DraftingTestRun) sub = { 0, };

      g_assert_nonnull (strstr (run.out, line));
      drafting_test_run_tool (&sub, commands[i], "--help", NULL);
      g_assert_cmpint (sub.status, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-validate", test_import_validate);
  g_test_add_func ("/cli/validate-reports-where", test_validate_reports_where);
  g_test_add_func ("/cli/validate-hostile-quiet", test_validate_hostile_quiet);
  g_test_add_func ("/cli/validate-whitespace", test_validate_whitespace);
  g_test_add_func ("/cli/outline-text", test_outline_text);
  g_test_add_data_func ("/cli/outline-json/resolution", "ecommerce-resolution.txt", test_outline_json);
  g_test_add_data_func ("/cli/outline-json/communique", "ecommerce-communique.txt", test_outline_json);
  g_test_add_func ("/cli/outline-json-fields", test_outline_json_fields);
  g_test_add_func ("/cli/outline-native-equals-text", test_outline_native_equals_text);
  g_test_add_func ("/cli/convert", test_convert);
  g_test_add_func ("/cli/missing-file", test_missing_file);
  g_test_add_func ("/cli/amendments/propose", test_amendments_propose);
  g_test_add_func ("/cli/amendments/list", test_amendments_list);
  g_test_add_func ("/cli/amendments/decide", test_amendments_decide);
  g_test_add_func ("/cli/amendments/text", test_amendments_text);
  g_test_add_func ("/cli/amendments/exchange", test_amendments_exchange);

  g_test_add_func ("/cli/revisions/list", test_revisions_list);
  g_test_add_func ("/cli/revisions/compare", test_revisions_compare);
  g_test_add_func ("/cli/revisions/text", test_revisions_text);
  g_test_add_func ("/cli/revisions/refused", test_revisions_refused);
  g_test_add_func ("/cli/revisions/help", test_revisions_help);

  return g_test_run ();
}
