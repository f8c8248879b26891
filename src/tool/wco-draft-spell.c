/* wco-draft-spell.c: wco-draft spell, the misspelt words of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "drafting-core.h"
#include "drafting-spell.h"
#include "wco-draft-spell.h"
#include "wco-draft-tool.h"

/*
 * wco-draft spell FILE [--lang LANG] [--json]
 *
 * Checks the spelling of every element, its leading phrase and text, in
 * the document's language or LANG, with the core's job (as the window
 * does), and lists the misspelt words in the order of the text: the
 * element as `outline` names it (kind and number) and its identifier,
 * the word, and the dictionary's suggestions, separated by tabs.
 *
 * Exit status: 0 when nothing is misspelt, 1 when something is, 2 for a
 * command line it cannot read, 3 when the document could not be checked
 * at all: it cannot be read, or no dictionary is installed for its
 * language (said once, with the languages that have one). A status of 1
 * means misspellings and nothing else, for scripts.
 */

#define EXIT_MISSPELT   1
#define EXIT_UNCHECKED  3

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;   /* DraftingSpellResult, in the order of the text */
  GError    *error;
} Run;

static void
on_results (DraftingSpellJob *job G_GNUC_UNUSED,
            GPtrArray        *results,
            gpointer          user_data)
{
  Run *run = user_data;

  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (run->results, drafting_spell_result_ref (g_ptr_array_index (results, i)));
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  drafting_spell_job_run_finish (DRAFTING_SPELL_JOB (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The suggestions for @word, asked once a word. */
static const char * const *
suggestions_for (DraftingSpellChecker *checker,
                 GHashTable           *asked,
                 const char           *word)
{
  char **suggestions = g_hash_table_lookup (asked, word);

  if (suggestions == NULL)
    {
      suggestions = drafting_spell_checker_suggest (checker, word, -1);
      g_hash_table_insert (asked, g_strdup (word), suggestions);
    }

  return (const char * const *) suggestions;
}

static void
add_json (JsonBuilder               *builder,
          DraftingNode              *node,
          const DraftingMisspelling *misspelling,
          const char * const        *suggestions)
{
  g_autofree char *number = drafting_node_get_number (node);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, drafting_node_get_id (node));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, drafting_kind_to_string (drafting_node_get_kind (node)));
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "word");
  json_builder_add_string_value (builder, misspelling->word);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, misspelling->start);
  json_builder_set_member_name (builder, "in_lead");
  json_builder_add_boolean_value (builder, misspelling->in_lead);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; suggestions[i] != NULL; i++)
    json_builder_add_string_value (builder, suggestions[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_line (DraftingNode              *node,
            const DraftingMisspelling *misspelling,
            const char * const        *suggestions)
{
  g_autofree char *number = drafting_node_get_number (node);
  g_autofree char *joined = g_strjoinv (", ", (char **) suggestions);
  const char *kind = drafting_kind_to_string (drafting_node_get_kind (node));

  if (number[0] != '\0')
    g_print ("%s %s\t%s\t%s\t%s\n", kind, number, drafting_node_get_id (node), misspelling->word,
             joined);
  else
    g_print ("%s\t%s\t%s\t%s\n", kind, drafting_node_get_id (node), misspelling->word, joined);
}

int
tool_command_spell (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(DraftingSpellJob) job = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GHashTable) asked = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  gboolean json = FALSE;
  guint n_misspelt = 0;
  Run run = { NULL, };
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Check in this language rather than the document's: en, fr, fr_CA, es…"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {id, kind, number, word, offset, in_lead, suggestions}"), NULL },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Lists the misspelt words of a document, one a line: the "
                                "element (its kind and number, and its identifier), the word, "
                                "and the dictionary's suggestions, separated by tabs. The terms "
                                "of the trade in the house vocabulary (WCO, MSMEs, de minimis) "
                                "are words.\n\n"
                                "Exits with 0 when nothing is misspelt, 1 when something is, 2 "
                                "for a command line it cannot read, and 3 when the document "
                                "could not be checked: it cannot be read, or there is no "
                                "dictionary for its language."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("spell takes one file"));

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return EXIT_UNCHECKED;

  if (language == NULL)
    language = g_strdup (drafting_document_get_language (document));
  if (language == NULL || language[0] == '\0')
    {
      g_free (language);
      language = g_strdup ("en");
    }

  /* The dictionary, loaded here once: its absence is said once. */
  if ((checker = drafting_spell_checker_new (language, &error)) == NULL)
    {
      g_printerr ("wco-draft: %s\n", error->message);
      return EXIT_UNCHECKED;
    }

  job = drafting_spell_job_new (NULL);
  drafting_spell_job_add_document (job, document, language);

  loop = g_main_loop_new (NULL, FALSE);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);
  run.loop = loop;
  run.results = results;
  g_signal_connect (job, "results", G_CALLBACK (on_results), &run);
  drafting_spell_job_run_async (job, NULL, on_done, &run);
  g_main_loop_run (loop);

  if (run.error != NULL)
    {
      g_printerr ("wco-draft: %s\n", run.error->message);
      g_clear_error (&run.error);
      return EXIT_UNCHECKED;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  for (guint i = 0; i < results->len; i++)
    {
      DraftingSpellResult *result = g_ptr_array_index (results, i);
      const char *id = drafting_spell_result_get_id (result);
      DraftingNode *node = drafting_document_lookup (document, id);

      if (node == NULL)
        continue;

      for (guint m = 0; m < drafting_spell_result_get_n_misspellings (result); m++)
        {
          const DraftingMisspelling *misspelling;
          const char * const *suggestions;

          misspelling = drafting_spell_result_get_misspelling (result, m);
          suggestions = suggestions_for (checker, asked, misspelling->word);

          if (json)
            add_json (builder, node, misspelling, suggestions);
          else
            print_line (node, misspelling, suggestions);
          n_misspelt++;
        }
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return n_misspelt > 0 ? EXIT_MISSPELT : 0;
}
