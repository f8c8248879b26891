/* test-cli.c: the wco-draft command, run as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "drafting-test-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_tool (Run        *run,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("WCO_DRAFT");
  va_list args;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) sub = { 0, };
  g_auto(Run) wrong = { 0, };
  static const char * const commands[] = { "import", "convert", "validate", "outline" };

  run_tool (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  run_tool (&sub, "outline", "--help", NULL);
  g_assert_cmpint (sub.status, ==, 0);
  g_assert_nonnull (strstr (sub.out, "--json"));

  run_tool (&wrong, "frobnicate", NULL);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "frobnicate"));
}

static void
test_import_validate (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_auto(Run) import = { 0, };
  g_auto(Run) validate = { 0, };
  g_auto(Run) missing = { 0, };

  run_tool (&import, "import", corpus, "-o", out, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  run_tool (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "valid"));

  run_tool (&missing, "import", corpus, NULL);
  g_assert_cmpint (missing.status, ==, 2);

  drafting_test_remove_tree (dir);
}

static void
test_validate_reports_where (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.wcodraft", NULL);
  g_auto(Run) run = { 0, };
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
  run_tool (&run, "validate", path, NULL);
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
      g_auto(Run) run = { 0, };

      g_assert_true (g_file_set_contents (path, files[i].xml, -1, NULL));
      run_tool (&run, "validate", path, NULL);
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
  g_auto(Run) validate = { 0, };
  g_auto(Run) run = { 0, };
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
  run_tool (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.err, ==, "");

  run_tool (&run, "outline", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "operative-paragraph (a) Decides.\n");

  drafting_test_remove_tree (dir);
}

static void
test_outline_text (void)
{
  g_autofree char *corpus = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint clauses = 0;
  gboolean seen_nested = FALSE;

  run_tool (&run, "outline", corpus, NULL);
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
  g_auto(Run) run = { 0, };
  JsonNode *root;

  run_tool (&run, "outline", "--json", corpus, NULL);
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
  g_auto(Run) run = { 0, };
  JsonArray *top;
  JsonObject *clause;
  JsonObject *annex;
  JsonObject *principle;

  run_tool (&run, "outline", "--json", corpus, NULL);
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
  g_auto(Run) import = { 0, };
  g_auto(Run) from_text = { 0, };
  g_auto(Run) from_native = { 0, };

  run_tool (&import, "import", corpus, "-o", native, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_tool (&from_text, "outline", corpus, NULL);
  run_tool (&from_native, "outline", native, NULL);
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
  g_auto(Run) import = { 0, };
  g_auto(Run) to_text = { 0, };
  g_auto(Run) back = { 0, };
  g_auto(Run) outline_a = { 0, };
  g_auto(Run) outline_b = { 0, };
  g_auto(Run) refused = { 0, };

  run_tool (&import, "import", corpus, "-o", native, NULL);
  run_tool (&to_text, "convert", native, "-o", text, NULL);
  g_assert_cmpint (to_text.status, ==, 0);
  g_assert_true (g_file_get_contents (text, &printed, NULL, NULL));
  /* As it prints: the status in the heading, place and date, the annex. */
  g_assert_true (g_str_has_prefix (printed, "DRAFT RESOLUTION OF THE POLICY COMMISSION\n"));
  g_assert_nonnull (strstr (printed, "\n(Luxor, December 2017)\n"));
  g_assert_nonnull (strstr (printed, "\nPRINCIPLE VI - Partnerships\n"));
  /* The "o" marks were bullets, not text. */
  g_assert_null (strstr (printed, "- o "));

  run_tool (&back, "convert", text, "-o", again, NULL);
  g_assert_cmpint (back.status, ==, 0);
  run_tool (&outline_a, "outline", native, NULL);
  run_tool (&outline_b, "outline", again, NULL);
  g_assert_cmpstr (outline_a.out, ==, outline_b.out);

  run_tool (&refused, "convert", native, "-o", unknown, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, ".wcodraft"));
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_auto(Run) run = { 0, };

  run_tool (&run, "outline", "/nonexistent/file.wcodraft", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.wcodraft"));
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

  return g_test_run ();
}
