/* test-spell.c: spell checking in the core, and wco-draft spell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "drafting-spell.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * The dictionaries are the system's (build-aux/setup installs English,
 * French, Spanish, Arabic, Russian and Portuguese); a test that needs one
 * that is not there is skipped, saying which. The house vocabulary is the
 * source tree's (DRAFTING_HOUSE_WORDS), and the user's folders
 * ($XDG_DATA_HOME, $XDG_CONFIG_HOME, where the added words go) are a
 * temporary folder of this process, for wco-draft as well.
 */

static char *tmp_home;

static gboolean
have_dictionary (const char *language)
{
  g_autofree char *tag = drafting_spell_provider_resolve (drafting_spell_provider_get_default (),
                                                          language);

  if (tag == NULL)
    {
      g_autofree char *message = g_strdup_printf ("no spelling dictionary for “%s”", language);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static DraftingSpellChecker *
new_checker (const char *language)
{
  g_autoptr(GError) error = NULL;
  DraftingSpellChecker *checker = drafting_spell_checker_new (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checker);

  return checker;
}

/* The misspelt words of @text, separated by "|". */
static char *
misspelt (DraftingSpellChecker *checker,
          const char           *text)
{
  g_autoptr(GArray) words = drafting_spell_checker_check_text (checker, text, -1, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const DraftingSpellWord *word = &g_array_index (words, DraftingSpellWord, i);

      g_assert_cmpuint (word->end, >, word->start);
      g_assert_cmpuint (word->end, <=, strlen (text));
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + word->start, word->end - word->start);
    }

  return g_string_free (out, FALSE);
}

static gboolean
strv_has (char       **strv,
          const char  *word)
{
  return g_strv_contains ((const char * const *) strv, word);
}

/* ------------------------------------------------------------------ */
/* The provider                                                        */

static void
test_provider_languages (void)
{
  DraftingSpellProvider *provider = drafting_spell_provider_get_default ();
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) dictionaries = NULL;
  g_autofree char *fr_ca = NULL;
  g_autofree char *fr_ca_dash = NULL;
  g_autofree char *fr_xx = NULL;
  g_autofree char *en = NULL;
  g_autofree char *xx = NULL;

  g_assert_true (provider == drafting_spell_provider_get_default ());

  if (!have_dictionary ("en") || !have_dictionary ("fr"))
    return;

  languages = drafting_spell_provider_list_languages (provider);
  dictionaries = drafting_spell_provider_list_dictionaries (provider);
  g_assert_true (strv_has (languages, "en"));
  g_assert_true (strv_has (languages, "fr"));
  g_assert_false (strv_has (languages, "en_GB"));
  g_assert_true (strv_has (dictionaries, "fr") || strv_has (dictionaries, "fr_FR"));

  /* "fr-CA" and "fr_CA" are fr_CA where it is installed, else French. */
  fr_ca = drafting_spell_provider_resolve (provider, "fr_CA");
  fr_ca_dash = drafting_spell_provider_resolve (provider, "fr-CA");
  g_assert_cmpstr (fr_ca, ==, fr_ca_dash);
  g_assert_true (g_str_has_prefix (fr_ca, "fr"));
  if (strv_has (dictionaries, "fr_CA"))
    g_assert_cmpstr (fr_ca, ==, "fr_CA");
  fr_xx = drafting_spell_provider_resolve (provider, "fr-XX");
  g_assert_true (g_str_has_prefix (fr_xx, "fr"));

  /* English is British where there is a choice: the WCO's. */
  en = drafting_spell_provider_resolve (provider, "en");
  g_assert_true (g_str_has_prefix (en, "en_"));
  if (strv_has (dictionaries, "en_GB"))
    g_assert_cmpstr (en, ==, "en_GB");

  xx = drafting_spell_provider_resolve (provider, "xx");
  g_assert_null (xx);
  g_assert_null (drafting_spell_provider_resolve (provider, "not a tag"));
}

/* A language without a dictionary is said to be one, with those there are. */
static void
test_missing_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DraftingSpellChecker) checker = drafting_spell_checker_new ("xx", &error);

  g_assert_null (checker);
  g_assert_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  if (have_dictionary ("en"))
    g_assert_nonnull (strstr (error->message, "en"));
}

/* ------------------------------------------------------------------ */
/* The checker                                                         */

static void
test_english (void)
{
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(GArray) words = NULL;
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *found = NULL;
  const char *text = "The Custms administration of a Member shall recieve the declaration.";
  const DraftingSpellWord *word;
  guint n_words = 0;

  if (!have_dictionary ("en"))
    return;

  checker = new_checker ("en");
  words = drafting_spell_checker_check_text (checker, text, -1, &n_words);
  g_assert_cmpuint (n_words, ==, 10);
  g_assert_cmpuint (words->len, ==, 2);
  word = &g_array_index (words, DraftingSpellWord, 0);
  g_assert_cmpuint (word->start, ==, 4);
  g_assert_cmpuint (word->end, ==, 10);

  /* The house vocabulary's near word first. */
  suggestions = drafting_spell_checker_suggest (checker, "Custms", -1);
  g_assert_cmpstr (suggestions[0], ==, "Customs");
  g_assert_cmpuint (g_strv_length (suggestions), <=, 10);

  g_assert_true (drafting_spell_checker_check_word (checker, "declaration", -1));
  g_assert_false (drafting_spell_checker_check_word (checker, "recieve", -1));

  found = misspelt (checker, "Members should harmonize their procedures.");
  g_assert_cmpstr (found, ==, "");
}

static void
test_french (void)
{
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;

  if (!have_dictionary ("fr"))
    return;

  checker = new_checker ("fr");
  wrong = misspelt (checker, "Les Membres invitent le gouvernment à agir.");
  right = misspelt (checker, "Les Membres invitent le gouvernement à agir.");
  g_assert_cmpstr (wrong, ==, "gouvernment");
  g_assert_cmpstr (right, ==, "");

  suggestions = drafting_spell_checker_suggest (checker, "gouvernment", -1);
  g_assert_true (strv_has (suggestions, "gouvernement"));
}

/* The terms of the trade are words; an abbreviation in capitals that is
 * not one of them is not. */
static void
test_house_words (void)
{
  static const struct
  {
    const char *language;
    const char *text;
    const char *misspelt;
  } cases[] = {
    { "en", "MSMEs benefit from de minimis thresholds, e-vendors sell B2C goods, and an AEO "
            "is trusted.", "" },
    { "en", "De minimis thresholds and the WCO’s RKC, the TFA and the SAFE FoS.", "" },
    { "en", "THE WORLD CUSTOMS ORGANIZATION ON CROSS-BORDER E-COMMERCE AND MSMES", "" },
    { "en", "The Secretariat of the WCO and the UPU, inter alia, with Customs.", "" },
    /* A phrase's word alone is not one; an unknown abbreviation is marked. */
    { "en", "The minimis threshold of the XQZV.", "minimis|XQZV" },
    { "en", "The e-vendorz of the Custms.", "vendorz|Custms" },
    { "fr", "Les MSMEs, le seuil de minimis, les e-vendors, le B2C, l’OMD et les AEO.", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingSpellChecker) checker = NULL;
      g_autofree char *found = NULL;

      if (!have_dictionary (cases[i].language))
        return;

      checker = new_checker (cases[i].language);
      found = misspelt (checker, cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].misspelt);
    }
}

/* Words are where Pango says, across apostrophes and hyphens within a
 * word; numbers, codes, numerals and addresses are not checked. */
static void
test_boundaries (void)
{
  static const struct
  {
    const char *language;
    const char *text;
    const char *misspelt;
  } cases[] = {
    { "en", "The Members’ needs and the Secretariat’s role.", "" },
    { "en", "The Members' needs and the Secretariat's role.", "" },
    { "en", "The Membres’ needs.", "Membres" },
    { "en", "cross-border trade, well-known co-operation", "" },
    { "en", "well-knwon trade", "knwon" },
    { "en", "In 2017, 1.5 % of PC0484E and the 21st Session.", "" },
    { "en", "Annex IV, Principle XII and item (iv) and iv. of the list.", "" },
    { "en", "See https://www.wcoomd.org/en/topics.aspx, www.wcoomd.org and "
            "info@wcoomd.org.", "" },
    { "en", "A Custms’ needs", "Custms" },
    { "fr", "l’Organisation mondiale des douanes et aujourd’hui qu’il soit porte-à-porte", "" },
    { "fr", "l’Organisasion mondiale", "l’Organisasion" },
    { "fr", "Les Membres’ besoins", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingSpellChecker) checker = NULL;
      g_autofree char *found = NULL;

      if (!have_dictionary (cases[i].language))
        return;

      checker = new_checker (cases[i].language);
      found = misspelt (checker, cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].misspelt);
    }
}

/* Byte offsets, after characters of several bytes. */
static void
test_offsets (void)
{
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(GArray) words = NULL;
  const char *text = "« Réglementé » — the Custms’ rôle";
  const DraftingSpellWord *word;

  if (!have_dictionary ("en"))
    return;

  checker = new_checker ("en");
  words = drafting_spell_checker_check_text (checker, text, -1, NULL);
  g_assert_cmpuint (words->len, >=, 1);
  word = &g_array_index (words, DraftingSpellWord, words->len - 1);
  g_assert_cmpint (strncmp (text + word->start, "Custms", 6), ==, 0);
  g_assert_cmpuint (word->end - word->start, ==, 6);
  g_assert_cmpuint (word->start, ==, (guint) (strstr (text, "Custms") - text));

  /* Not UTF-8, nothing. */
  g_clear_pointer (&words, g_array_unref);
  words = drafting_spell_checker_check_text (checker, "Custms \xff", -1, NULL);
  g_assert_cmpuint (words->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Words added                                                         */

static void
test_house_words_persist (void)
{
  DraftingHouseWords *house = drafting_house_words_get_default ();
  g_autoptr(DraftingHouseWords) again = NULL;
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = drafting_house_words_get_user_path ();
  g_autofree char *contents = NULL;
  g_autofree char *found = NULL;
  g_autofree char *before = NULL;

  if (!have_dictionary ("en"))
    return;

  g_assert_true (g_str_has_prefix (path, tmp_home));
  checker = new_checker ("en");
  before = misspelt (checker, "Secretary General Mikuriya and the Zorbex network.");
  g_assert_cmpstr (before, ==, "Mikuriya|Zorbex");

  g_assert_true (drafting_house_words_add (house, "Mikuriya", &error));
  g_assert_no_error (error);
  /* Twice is once. */
  g_assert_true (drafting_house_words_add (house, "  Mikuriya ", &error));
  g_assert_no_error (error);
  found = misspelt (checker, "Secretary General Mikuriya and the Zorbex network.");
  g_assert_cmpstr (found, ==, "Zorbex");

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\nMikuriya\n"));
  g_assert_null (strstr (strstr (contents, "\nMikuriya\n") + 1, "\nMikuriya\n"));

  /* A later session reads it, with the shipped list. */
  again = drafting_house_words_new ();
  g_assert_true (drafting_house_words_contains (again, "Mikuriya", -1));
  g_assert_true (drafting_house_words_contains (again, "MIKURIYA", -1));
  g_assert_true (drafting_house_words_contains (again, "MSMEs", -1));
  g_assert_false (drafting_house_words_contains (again, "Zorbex", -1));

  /* What is not a word. */
  g_assert_false (drafting_house_words_add (house, "two\nlines", &error));
  g_assert_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
  g_assert_false (drafting_house_words_add (house, "   ", &error));
  g_assert_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_INVALID_WORD);
}

static void
test_house_words_add_async (void)
{
  DraftingHouseWords *house = drafting_house_words_get_default ();
  g_autoptr(DraftingHouseWords) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  drafting_house_words_add_async (house, "Kunio", NULL, drafting_test_on_result, &result);
  /* Taken at once, written after. */
  g_assert_true (drafting_house_words_contains (house, "Kunio", -1));
  g_assert_true (drafting_house_words_add_finish (house, drafting_test_wait_result (&result),
                                                  &error));
  g_assert_no_error (error);

  again = drafting_house_words_new ();
  g_assert_true (drafting_house_words_contains (again, "Kunio", -1));
}

/* The person's own word list (enchant's) and the session's. */
static void
test_personal_words (void)
{
  g_autoptr(DraftingSpellChecker) checker = NULL;
  DraftingSpellDictionary *dictionary;
  g_autofree char *list = NULL;
  g_autofree char *code = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_dictionary ("en"))
    return;

  checker = new_checker ("en");
  found = misspelt (checker, "Quorbly and Blorptic");
  g_assert_cmpstr (found, ==, "Quorbly|Blorptic");

  drafting_spell_checker_add_word (checker, "Quorbly");
  drafting_spell_checker_ignore_word (checker, "Blorptic");
  g_clear_pointer (&found, g_free);
  found = misspelt (checker, "Quorbly and Blorptic");
  g_assert_cmpstr (found, ==, "");

  /* Enchant keeps the one; the other is gone with the process. */
  dictionary = drafting_spell_checker_get_dictionary (checker);
  code = g_strconcat (drafting_spell_dictionary_get_code (dictionary), ".dic", NULL);
  list = g_build_filename (tmp_home, "config", "enchant", code, NULL);
  g_assert_true (g_file_get_contents (list, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Quorbly"));
  g_assert_null (strstr (contents, "Blorptic"));
}

/* ------------------------------------------------------------------ */
/* The job                                                             */

#define PLANTED \
  "THE POLICY COMMISSION,\n" \
  "\n" \
  "NOTING that the Custms administrations of Members face cross-border E-Commerce,\n" \
  "\n" \
  "ACKNOWLEGING that MSMEs benefit from de minimis thresholds, and\n" \
  "\n" \
  "RESOLVES that Members should:\n" \
  "\n" \
  "1. Provide advance electronic data to the WCO;\n" \
  "\n" \
  "2. Recieve the goods of e-vendors without delay.\n"

typedef struct
{
  GMainLoop    *loop;
  GPtrArray    *results;
  GAsyncResult *result;
  GThread      *main_thread;
  guint         n_batches;
  guint         n_after_done;
  gboolean      done;
} Waiting;

static void
waiting_clear (Waiting *waiting)
{
  g_clear_pointer (&waiting->loop, g_main_loop_unref);
  g_clear_pointer (&waiting->results, g_ptr_array_unref);
  g_clear_object (&waiting->result);
}

static void
waiting_init (Waiting *waiting)
{
  memset (waiting, 0, sizeof *waiting);
  waiting->loop = g_main_loop_new (NULL, FALSE);
  waiting->results = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);
  waiting->main_thread = g_thread_self ();
}

static void
on_results (DraftingSpellJob *job G_GNUC_UNUSED,
            GPtrArray        *results,
            gpointer          user_data)
{
  Waiting *waiting = user_data;

  /* On the main context, from the thread that ran the job. */
  g_assert_true (g_thread_self () == waiting->main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (results->len, >, 0);
  if (waiting->done)
    waiting->n_after_done++;
  waiting->n_batches++;
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (waiting->results, drafting_spell_result_ref (g_ptr_array_index (results, i)));
}

static void
on_done (GObject      *object G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiting *waiting = user_data;

  g_assert_true (g_thread_self () == waiting->main_thread);
  waiting->result = g_object_ref (result);
  waiting->done = TRUE;
  g_main_loop_quit (waiting->loop);
}

static gboolean
run_job (DraftingSpellJob  *job,
         GCancellable      *cancellable,
         Waiting           *waiting,
         GError           **error)
{
  gulong handler = g_signal_connect (job, "results", G_CALLBACK (on_results), waiting);
  gboolean ok;

  drafting_spell_job_run_async (job, cancellable, on_done, waiting);
  g_main_loop_run (waiting->loop);
  ok = drafting_spell_job_run_finish (job, waiting->result, error);

  /* Nothing comes after the end. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (waiting->n_after_done, ==, 0);
  g_signal_handler_disconnect (job, handler);

  return ok;
}

static DraftingSpellResult *
find_result (GPtrArray  *results,
             const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (strcmp (drafting_spell_result_get_id (g_ptr_array_index (results, i)), id) == 0)
      return g_ptr_array_index (results, i);

  return NULL;
}

static guint
count_elements (DraftingNode *node)
{
  guint n = drafting_node_get_kind (node) == DRAFTING_KIND_DOCUMENT ? 0 : 1;

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    n += count_elements (drafting_node_get_child (node, i));

  return n;
}

static void
test_job_main_context (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingSpellJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  DraftingNode *clause;
  DraftingNode *second;
  DraftingSpellResult *result;
  const DraftingMisspelling *misspelling;
  Waiting waiting;

  if (!have_dictionary ("en"))
    return;

  document = drafting_test_import_string (PLANTED, NULL);
  job = drafting_spell_job_new (NULL);
  drafting_spell_job_add_document (job, document, NULL);
  g_assert_cmpuint (drafting_spell_job_get_n_texts (job), ==,
                    count_elements (drafting_document_get_root (document)));

  waiting_init (&waiting);
  g_assert_true (run_job (job, NULL, &waiting, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (waiting.n_batches, >=, 1);
  g_assert_cmpuint (waiting.results->len, ==, drafting_spell_job_get_n_texts (job));
  g_assert_cmpuint (drafting_spell_job_get_n_checked (job), ==, waiting.results->len);
  g_assert_cmpuint (drafting_spell_job_get_n_words (job), >, 30);

  for (guint i = 0; i < waiting.results->len; i++)
    {
      result = g_ptr_array_index (waiting.results, i);
      g_assert_cmpstr (drafting_spell_result_get_language (result), ==, "en");
      for (guint m = 0; m < drafting_spell_result_get_n_misspellings (result); m++)
        g_string_append_printf (words, "%s%s", words->len > 0 ? "|" : "",
                                drafting_spell_result_get_misspelling (result, m)->word);
    }
  g_assert_cmpstr (words->str, ==, "Custms|ACKNOWLEGING|Recieve");

  /* The lead's word is the lead's; offsets are the element's. */
  clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  result = find_result (waiting.results, drafting_node_get_id (clause));
  g_assert_nonnull (result);
  g_assert_cmpuint (drafting_spell_result_get_revision (result), ==,
                    drafting_node_get_revision (clause));
  g_assert_true (drafting_spell_result_is_for_node (result, clause));
  misspelling = drafting_spell_result_get_misspelling (result, 0);
  g_assert_true (misspelling->in_lead);
  g_assert_cmpuint (misspelling->start, ==, 0);
  g_assert_cmpuint (misspelling->end, ==, strlen ("ACKNOWLEGING"));

  second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  result = find_result (waiting.results, drafting_node_get_id (second));
  misspelling = drafting_spell_result_get_misspelling (result, 0);
  g_assert_false (misspelling->in_lead);
  g_assert_cmpint (strncmp (drafting_node_get_text (second) + misspelling->start, "Recieve", 7),
                   ==, 0);

  waiting_clear (&waiting);
}

/* Cancelled, a job stops, hands back nothing more, and says so. */
static void
test_job_cancel (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingSpellJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Waiting waiting;
  guint n_texts;

  if (!have_dictionary ("en"))
    return;

  document = drafting_test_generate_resolution (3000, NULL);
  job = drafting_spell_job_new (NULL);
  drafting_spell_job_add_document (job, document, NULL);
  n_texts = drafting_spell_job_get_n_texts (job);

  /* Cancelled at the first batch. */
  waiting_init (&waiting);
  g_signal_connect_swapped (job, "results", G_CALLBACK (g_cancellable_cancel), cancellable);
  g_assert_false (run_job (job, cancellable, &waiting, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (waiting.n_batches, <=, 1);
  g_assert_cmpuint (waiting.results->len, <, n_texts);
  g_assert_cmpuint (drafting_spell_job_get_n_checked (job), <, n_texts);
  waiting_clear (&waiting);

  /* Cancelled before it starts: nothing at all. */
  g_clear_object (&job);
  g_clear_error (&error);
  job = drafting_spell_job_new (NULL);
  drafting_spell_job_add_document (job, document, NULL);
  waiting_init (&waiting);
  g_assert_false (run_job (job, cancellable, &waiting, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (waiting.n_batches, ==, 0);
  waiting_clear (&waiting);
}

/* A language without a dictionary: the others are checked, and the job
 * says which had none. */
static void
test_job_missing_dictionary (void)
{
  g_autoptr(DraftingSpellJob) job = drafting_spell_job_new (NULL);
  g_autoptr(GError) error = NULL;
  Waiting waiting;

  if (!have_dictionary ("en"))
    return;

  drafting_spell_job_add_text (job, "a", 1, "en", "", "The Custms of a Member.");
  drafting_spell_job_add_text (job, "b", 1, "xx", "", "Anything at all.");
  waiting_init (&waiting);
  g_assert_false (run_job (job, NULL, &waiting, &error));
  g_assert_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_cmpuint (waiting.results->len, ==, 1);
  g_assert_nonnull (find_result (waiting.results, "a"));
  waiting_clear (&waiting);
}

/* An element checked once is not checked again while its text is the
 * same: the checks are counted. */
static void
test_job_cache (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingSpellCache) cache = drafting_spell_cache_new ();
  g_autoptr(DraftingSpellJob) first = NULL;
  g_autoptr(DraftingSpellJob) again = NULL;
  g_autoptr(DraftingSpellJob) changed = NULL;
  g_autoptr(GError) error = NULL;
  DraftingNode *paragraph;
  DraftingSpellResult *result;
  Waiting waiting;
  guint n_texts;

  if (!have_dictionary ("en"))
    return;

  document = drafting_test_import_string (PLANTED, NULL);
  n_texts = count_elements (drafting_document_get_root (document));

  first = drafting_spell_job_new (cache);
  drafting_spell_job_add_document (first, document, NULL);
  waiting_init (&waiting);
  g_assert_true (run_job (first, NULL, &waiting, &error));
  g_assert_cmpuint (drafting_spell_job_get_n_checked (first), ==, n_texts);
  g_assert_cmpuint (drafting_spell_cache_get_size (cache), ==, n_texts);
  g_assert_cmpuint (drafting_spell_cache_get_n_checked (cache), ==, n_texts);
  waiting_clear (&waiting);

  /* Asked again: every result, none checked. */
  again = drafting_spell_job_new (cache);
  drafting_spell_job_add_document (again, document, NULL);
  g_assert_cmpuint (drafting_spell_job_get_n_cached (again), ==, n_texts);
  waiting_init (&waiting);
  g_assert_true (run_job (again, NULL, &waiting, &error));
  g_assert_cmpuint (drafting_spell_job_get_n_checked (again), ==, 0);
  g_assert_cmpuint (waiting.results->len, ==, n_texts);
  g_assert_cmpuint (drafting_spell_cache_get_n_checked (cache), ==, n_texts);
  waiting_clear (&waiting);

  /* One paragraph changed: that one only. */
  paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  result = drafting_spell_cache_lookup_node (cache, paragraph);
  g_assert_nonnull (result);
  g_assert_cmpuint (drafting_spell_result_get_n_misspellings (result), ==, 0);
  drafting_document_set_text (document, paragraph, "Provide advance electronc data;");
  g_assert_null (drafting_spell_cache_lookup_node (cache, paragraph));

  changed = drafting_spell_job_new (cache);
  drafting_spell_job_add_document (changed, document, NULL);
  waiting_init (&waiting);
  g_assert_true (run_job (changed, NULL, &waiting, &error));
  g_assert_cmpuint (drafting_spell_job_get_n_checked (changed), ==, 1);
  g_assert_cmpuint (drafting_spell_job_get_n_cached (changed), ==, n_texts - 1);
  result = drafting_spell_cache_lookup_node (cache, paragraph);
  g_assert_nonnull (result);
  g_assert_cmpuint (drafting_spell_result_get_n_misspellings (result), ==, 1);
  g_assert_cmpstr (drafting_spell_result_get_misspelling (result, 0)->word, ==, "electronc");
  waiting_clear (&waiting);

  /* In another language, it is another result. */
  g_assert_null (drafting_spell_cache_lookup (cache, drafting_node_get_id (paragraph), "fr",
                                              "", drafting_node_get_text (paragraph)));
}

typedef struct
{
  guint      n_signals;
  guint      n_results;
  GMainLoop *loop;
} Checked;

static void
on_checked (DraftingSpellCache *cache G_GNUC_UNUSED,
            GPtrArray          *results,
            gpointer            user_data)
{
  Checked *checked = user_data;

  checked->n_signals++;
  checked->n_results += results->len;
  g_main_loop_quit (checked->loop);
}

/* As the rows of a view ask: what the cache has at once, the rest later
 * in one job, each element once however often it is asked for. */
static void
test_cache_requests (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingSpellCache) cache = drafting_spell_cache_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(DraftingSpellChecker) checker = NULL;
  DraftingNode *root;
  DraftingNode *clause;
  DraftingSpellResult *result;
  Checked checked = { 0, 0, loop };
  guint n_with_words = 0;
  guint n_held = 0;

  if (!have_dictionary ("en"))
    return;

  document = drafting_test_import_string (PLANTED, NULL);
  root = drafting_document_get_root (document);
  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    g_ptr_array_add (nodes, drafting_node_get_child (root, i));
  g_signal_connect (cache, "checked", G_CALLBACK (on_checked), &checked);

  /* Rows made, then made again before the results come. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < nodes->len; i++)
      g_assert_null (drafting_spell_cache_request_node (cache, g_ptr_array_index (nodes, i)));

  while (drafting_spell_cache_get_size (cache) < nodes->len)
    g_main_loop_run (loop);
  g_assert_cmpuint (drafting_spell_cache_get_n_checked (cache), ==, nodes->len);
  g_assert_cmpuint (checked.n_results, ==, nodes->len);

  /* Asked again: there at once, and nothing checked. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < nodes->len; i++)
      {
        result = drafting_spell_cache_request_node (cache, g_ptr_array_index (nodes, i));
        g_assert_nonnull (result);
        g_assert_true (drafting_spell_result_is_for_node (result, g_ptr_array_index (nodes, i)));
        if (round == 0 && drafting_spell_result_get_n_misspellings (result) > 0)
          n_with_words++;
      }
  g_assert_cmpuint (n_with_words, ==, 3);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (drafting_spell_cache_get_n_checked (cache), ==, nodes->len);

  /* A word ignored: the results with misspellings are checked again, the
   * others hold. */
  checker = new_checker ("en");
  drafting_spell_checker_ignore_word (checker, "Custms");
  for (guint i = 0; i < nodes->len; i++)
    if (drafting_spell_cache_request_node (cache, g_ptr_array_index (nodes, i)) != NULL)
      n_held++;
  g_assert_cmpuint (n_held, ==, nodes->len - 3);
  while (drafting_spell_cache_get_n_checked (cache) < nodes->len + 3)
    g_main_loop_run (loop);
  g_assert_cmpuint (drafting_spell_cache_get_n_checked (cache), ==, nodes->len + 3);
  clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  result = drafting_spell_cache_lookup_node (cache, clause);
  g_assert_nonnull (result);
  g_assert_cmpuint (drafting_spell_result_get_n_misspellings (result), ==, 0);
}

/* A cache let go while its check runs: the check stops, and nothing is
 * left behind. */
static void
test_cache_dropped (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  DraftingSpellCache *cache;
  DraftingNode *root;
  gint64 end;

  if (!have_dictionary ("en"))
    return;

  document = drafting_test_generate_resolution (1000, NULL);
  root = drafting_document_get_root (document);
  cache = drafting_spell_cache_new ();
  g_object_add_weak_pointer (G_OBJECT (cache), (gpointer *) &cache);
  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    drafting_spell_cache_request_node (cache, drafting_node_get_child (root, i));

  /* The job starts, then the view goes. */
  g_main_context_iteration (NULL, FALSE);
  g_object_unref (cache);
  g_assert_null (cache);

  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* ------------------------------------------------------------------ */
/* wco-draft spell                                                     */

static void
test_cli_examples (void)
{
  static const char * const examples[] = {
    "ecommerce-resolution.wcodraft",
    "ecommerce-communique.wcodraft",
  };

  if (!have_dictionary ("en"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = drafting_test_example_path (examples[i]);
      g_auto(DraftingTestRun) run = { 0, };
      g_auto(DraftingTestRun) json = { 0, };

      drafting_test_run_tool (&run, "spell", path, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpint (run.status, ==, 0);

      drafting_test_run_tool (&json, "spell", path, "--json", NULL);
      g_assert_cmpint (json.status, ==, 0);
      g_assert_cmpstr (g_strstrip (json.out), ==, "[]");
    }
}

static char *
save_planted (const char *dir)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_string (PLANTED, NULL);
  g_autofree char *path = g_build_filename (dir, "planted.wcodraft", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static DraftingDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DraftingDocument *document = drafting_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_cli_planted (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = save_planted (dir);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(DraftingTestRun) run = { 0, };
  g_auto(DraftingTestRun) json = { 0, };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  JsonArray *array;
  JsonArray *suggestions;
  JsonObject *object;
  DraftingNode *node;
  gboolean receive = FALSE;
  gint64 offset;
  const char *id;

  if (!have_dictionary ("en"))
    {
      drafting_test_remove_tree (dir);
      return;
    }

  document = load_path (path);

  drafting_test_run_tool (&run, "spell", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  /* kind [number] TAB id TAB word TAB suggestions */
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "preamble-clause");
  g_assert_cmpstr (fields[2], ==, "Custms");
  g_assert_nonnull (strstr (fields[3], "Customs"));
  node = drafting_document_lookup (document, fields[1]);
  g_assert_nonnull (node);
  g_assert_cmpint (drafting_node_get_kind (node), ==, DRAFTING_KIND_PREAMBLE_CLAUSE);
  g_assert_true (g_str_has_prefix (lines[1], "preamble-clause\t"));
  g_assert_nonnull (strstr (lines[1], "\tACKNOWLEGING\t"));
  g_assert_nonnull (strstr (lines[1], "ACKNOWLEDGING"));
  g_assert_true (g_str_has_prefix (lines[2], "operative-paragraph 2.\t"));
  g_assert_nonnull (strstr (lines[2], "\tRecieve\t"));
  g_assert_nonnull (strstr (lines[2], "Receive"));

  drafting_test_run_tool (&json, "spell", path, "--json", NULL);
  g_assert_cmpint (json.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  object = json_array_get_object_element (array, 2);
  id = json_object_get_string_member (object, "id");
  node = drafting_document_lookup (document, id);
  g_assert_nonnull (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "operative-paragraph");
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "2.");
  g_assert_cmpstr (json_object_get_string_member (object, "word"), ==, "Recieve");
  g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, 0);
  g_assert_false (json_object_get_boolean_member (object, "in_lead"));
  suggestions = json_object_get_array_member (object, "suggestions");
  for (guint i = 0; i < json_array_get_length (suggestions) && !receive; i++)
    receive = strcmp (json_array_get_string_element (suggestions, i), "Receive") == 0;
  g_assert_true (receive);

  object = json_array_get_object_element (array, 0);
  node = drafting_document_lookup (document, json_object_get_string_member (object, "id"));
  offset = json_object_get_int_member (object, "offset");
  g_assert_cmpint (strncmp (drafting_node_get_text (node) + offset, "Custms", 6), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "");

  object = json_array_get_object_element (array, 1);
  g_assert_true (json_object_get_boolean_member (object, "in_lead"));

  drafting_test_remove_tree (dir);
}

static void
test_cli_language (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = save_planted (dir);
  g_auto(DraftingTestRun) french = { 0, };
  g_auto(DraftingTestRun) missing = { 0, };
  g_auto(DraftingTestRun) missing_json = { 0, };
  g_auto(GStrv) french_lines = NULL;
  g_auto(GStrv) missing_lines = NULL;

  if (!have_dictionary ("fr"))
    {
      drafting_test_remove_tree (dir);
      return;
    }

  /* English, read as French: far more to say. */
  drafting_test_run_tool (&french, "spell", path, "--lang", "fr_FR", NULL);
  g_assert_cmpint (french.status, ==, 1);
  french_lines = g_strsplit (g_strchomp (french.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (french_lines), >, 5);

  /* No dictionary: said once, plainly, with those there are; exit 3. */
  drafting_test_run_tool (&missing, "spell", path, "--lang", "xx", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "“xx”"));
  g_assert_nonnull (strstr (missing.err, "en"));
  g_assert_nonnull (strstr (missing.err, "fr"));
  missing_lines = g_strsplit (g_strchomp (missing.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (missing_lines), ==, 1);

  drafting_test_run_tool (&missing_json, "spell", path, "--lang", "xx", "--json", NULL);
  g_assert_cmpint (missing_json.status, ==, 3);
  g_assert_cmpstr (missing_json.out, ==, "");

  drafting_test_remove_tree (dir);
}

static void
test_cli_usage (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.wcodraft", NULL);
  g_auto(DraftingTestRun) none = { 0, };
  g_auto(DraftingTestRun) two = { 0, };
  g_auto(DraftingTestRun) option = { 0, };
  g_auto(DraftingTestRun) unreadable = { 0, };
  g_auto(DraftingTestRun) help = { 0, };
  g_auto(DraftingTestRun) listed = { 0, };

  drafting_test_run_tool (&none, "spell", NULL);
  g_assert_cmpint (none.status, ==, 2);
  drafting_test_run_tool (&two, "spell", nowhere, nowhere, NULL);
  g_assert_cmpint (two.status, ==, 2);
  drafting_test_run_tool (&option, "spell", nowhere, "--frobnicate", NULL);
  g_assert_cmpint (option.status, ==, 2);

  drafting_test_run_tool (&unreadable, "spell", nowhere, NULL);
  g_assert_cmpint (unreadable.status, ==, 3);
  g_assert_nonnull (strstr (unreadable.err, nowhere));
  g_assert_cmpstr (unreadable.out, ==, "");

  drafting_test_run_tool (&help, "spell", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--lang"));
  g_assert_nonnull (strstr (help.out, "--json"));

  drafting_test_run_tool (&listed, "--help", NULL);
  g_assert_nonnull (strstr (listed.out, "spell"));

  drafting_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *house = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  int status;

  /* Before anything asks GLib for the user's folders: the words added go
   * here, this process's and wco-draft's. */
  tmp_home = g_dir_make_tmp ("drafting-spell-XXXXXX", NULL);
  g_assert_nonnull (tmp_home);
  data_home = g_build_filename (tmp_home, "data", NULL);
  config_home = g_build_filename (tmp_home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  house = g_test_build_filename (G_TEST_DIST, "..", "data", "house-words.txt", NULL);
  g_setenv (DRAFTING_HOUSE_WORDS_ENV, house, TRUE);

  g_test_add_func ("/spell/provider/languages", test_provider_languages);
  g_test_add_func ("/spell/provider/missing", test_missing_dictionary);
  g_test_add_func ("/spell/checker/english", test_english);
  g_test_add_func ("/spell/checker/french", test_french);
  g_test_add_func ("/spell/checker/house-words", test_house_words);
  g_test_add_func ("/spell/checker/boundaries", test_boundaries);
  g_test_add_func ("/spell/checker/offsets", test_offsets);
  g_test_add_func ("/spell/words/house-persist", test_house_words_persist);
  g_test_add_func ("/spell/words/house-async", test_house_words_add_async);
  g_test_add_func ("/spell/words/personal", test_personal_words);
  g_test_add_func ("/spell/job/main-context", test_job_main_context);
  g_test_add_func ("/spell/job/cancel", test_job_cancel);
  g_test_add_func ("/spell/job/missing", test_job_missing_dictionary);
  g_test_add_func ("/spell/job/cache", test_job_cache);
  g_test_add_func ("/spell/cache/requests", test_cache_requests);
  g_test_add_func ("/spell/cache/dropped", test_cache_dropped);
  g_test_add_func ("/spell/cli/examples", test_cli_examples);
  g_test_add_func ("/spell/cli/planted", test_cli_planted);
  g_test_add_func ("/spell/cli/language", test_cli_language);
  g_test_add_func ("/spell/cli/usage", test_cli_usage);

  status = g_test_run ();

  drafting_test_remove_tree (tmp_home);
  g_clear_pointer (&tmp_home, g_free);

  return status;
}
