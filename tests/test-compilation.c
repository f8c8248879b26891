/* test-compilation.c: the amendments to a document, in the order of its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-core.h"
#include "drafting-export-test-utils.h"
#include "drafting-test-utils.h"

/*
 * A compilation lists every amendment a document records, in the order
 * of the text whatever order they came in, each with the words a table of
 * them prints, in the document's language: what it is about, the wording
 * as it stands and as proposed, who proposes it and why, and its status.
 */

typedef struct
{
  DraftingDocument  *document;
  DraftingAmendment *deletion;     /* of paragraph 3, by Kenya */
  DraftingAmendment *move;         /* of sub-paragraph (a), by Peru */
  DraftingAmendment *rewording;    /* of paragraph 1, by France with Kenya */
  DraftingAmendment *insertion;    /* after paragraph 1, by Japan */
} Fixture;

/* The relief resolution, its amendments proposed from the end of the text
 * to its start. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  DraftingDocument *document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *sub_a = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  DraftingNode *sub_b = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);
  DraftingAmendment *amendment;
  const char *cosponsors[] = { "Kenya", NULL };

  fixture->document = document;

  amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_DELETE, third, "Kenya", NULL, NULL);
  drafting_amendment_set_justification (amendment, "The Council already asks for it.\nEvery year.");
  fixture->deletion = drafting_test_propose (document, amendment);

  amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_MOVE, sub_a, "Peru", NULL, NULL);
  drafting_amendment_set_destination (amendment, drafting_node_get_id (sub_b),
                                      DRAFTING_PLACEMENT_AFTER);
  fixture->move = drafting_test_propose (document, amendment);

  amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_REPLACE, first, "France", NULL,
                                           "Members should speed up the clearance of relief consignments;");
  drafting_amendment_set_cosponsors (amendment, cosponsors);
  fixture->rewording = drafting_test_propose (document, amendment);

  amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_INSERT, first, "Japan", NULL,
                                           "Members should waive duties on relief consignments;");
  fixture->insertion = drafting_test_propose (document, amendment);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_object_unref (fixture->insertion);
  g_object_unref (fixture->rewording);
  g_object_unref (fixture->move);
  g_object_unref (fixture->deletion);
  g_object_unref (fixture->document);
}

static DraftingCompilationEntry *
entry_at (GPtrArray *entries,
          guint      index)
{
  g_assert_cmpuint (index, <, entries->len);

  return g_ptr_array_index (entries, index);
}

/* The words @change marks as @marked, joined. */
static char *
marked_words (DraftingMarkedText *marked,
              DraftingChange      change)
{
  GString *words = g_string_new (NULL);
  const char *text = drafting_marked_text_get_text (marked);

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);

      if (run->change != change)
        continue;
      if (words->len > 0)
        g_string_append_c (words, '|');
      g_string_append_len (words, text + run->start, run->end - run->start);
    }

  return g_string_free (words, FALSE);
}

/* In the order of the text, each with its words. */
static void
test_order (Fixture       *fixture,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) entries = drafting_compilation_build (fixture->document, NULL);
  DraftingCompilationEntry *entry;
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;

  g_assert_cmpuint (entries->len, ==, 4);

  entry = entry_at (entries, 0);
  g_assert_true (entry->amendment == fixture->rewording);
  g_assert_cmpstr (entry->element, ==, "Operative paragraph 1");
  g_assert_cmpstr (entry->present, ==, "Members should simplify the clearance of relief consignments;");
  /* The words deleted, then those inserted in their place, as the marked
   * view shows them. */
  g_assert_cmpstr (drafting_marked_text_get_text (entry->proposed), ==,
                   "Members should simplifyspeed up the clearance of relief consignments;");
  inserted = marked_words (entry->proposed, DRAFTING_CHANGE_INSERTED);
  deleted = marked_words (entry->proposed, DRAFTING_CHANGE_DELETED);
  g_assert_cmpstr (inserted, ==, "speed up");
  g_assert_cmpstr (deleted, ==, "simplify");
  g_assert_cmpstr (entry->delegation, ==, "France");
  g_assert_cmpstr (entry->cosponsors, ==, "Co-sponsors: Kenya");
  g_assert_null (entry->justification);
  g_assert_null (entry->destination);
  g_assert_cmpstr (entry->status, ==, "Proposed");

  entry = entry_at (entries, 1);
  g_assert_true (entry->amendment == fixture->insertion);
  g_assert_cmpstr (entry->element, ==, "After: operative paragraph 1");
  g_assert_cmpstr (entry->present, ==, "");
  g_clear_pointer (&inserted, g_free);
  inserted = marked_words (entry->proposed, DRAFTING_CHANGE_INSERTED);
  g_assert_cmpstr (inserted, ==, "Members should waive duties on relief consignments;");
  g_assert_null (entry->cosponsors);

  entry = entry_at (entries, 2);
  g_assert_true (entry->amendment == fixture->move);
  g_assert_cmpstr (entry->element, ==, "Operative paragraph 2, sub-paragraph (a)");
  g_assert_cmpstr (entry->destination, ==, "After: operative paragraph 2, sub-paragraph (b)");
  g_assert_cmpstr (entry->present, ==, "before a disaster;");
  g_assert_cmpstr (drafting_marked_text_get_text (entry->proposed), ==, "before a disaster;");
  g_assert_false (drafting_marked_text_has_changes (entry->proposed));

  entry = entry_at (entries, 3);
  g_assert_true (entry->amendment == fixture->deletion);
  g_assert_cmpstr (entry->element, ==, "Operative paragraph 3");
  g_clear_pointer (&deleted, g_free);
  deleted = marked_words (entry->proposed, DRAFTING_CHANGE_DELETED);
  g_assert_cmpstr (deleted, ==, "The Secretariat should report to the Council every year.");
  g_assert_cmpstr (entry->justification, ==, "The Council already asks for it.\nEvery year.");
}

/* Decided amendments stay, with their status; one about an element no
 * longer in the text comes last, named as it was. */
static void
test_decided (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  DraftingCompilationEntry *entry;

  g_assert_true (drafting_document_decide_amendment (fixture->document, fixture->move,
                                                     DRAFTING_AMENDMENT_REJECTED, &error));
  g_assert_true (drafting_document_accept_amendment (fixture->document, fixture->deletion, &error));
  g_assert_no_error (error);

  entries = drafting_compilation_build (fixture->document, NULL);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = entry_at (entries, 2);
  g_assert_true (entry->amendment == fixture->move);
  g_assert_cmpstr (entry->status, ==, "Rejected");
  entry = entry_at (entries, 3);
  g_assert_true (entry->amendment == fixture->deletion);
  g_assert_cmpstr (entry->status, ==, "Accepted");
  g_assert_cmpstr (entry->element, ==, "Operative paragraph 3");
  g_assert_cmpstr (entry->present, ==, "The Secretariat should report to the Council every year.");
}

/* Those a delegation proposes or co-sponsors. */
static void
test_delegations (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  const char * const kenya[] = { "Kenya", NULL };
  const char * const nobody[] = { "Chile", NULL };
  g_autoptr(GPtrArray) entries = drafting_compilation_build (fixture->document, kenya);
  g_autoptr(GPtrArray) none = drafting_compilation_build (fixture->document, nobody);

  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_true (entry_at (entries, 0)->amendment == fixture->rewording);
  g_assert_true (entry_at (entries, 1)->amendment == fixture->deletion);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The words are the document's language's, whatever the interface's. */
static void
test_language (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) french = NULL;
  g_autoptr(GPtrArray) russian = NULL;
  DraftingCompilationEntry *entry;

  drafting_document_set_language (fixture->document, "fr");
  french = drafting_compilation_build (fixture->document, NULL);
  entry = entry_at (french, 0);
  g_assert_cmpstr (entry->element, ==, "Paragraphe 1 du dispositif");
  g_assert_cmpstr (entry->cosponsors, ==, "Coauteurs : Kenya");
  g_assert_cmpstr (entry->status, ==, "Proposé");
  g_assert_cmpstr (entry_at (french, 1)->element, ==, "Après : paragraphe 1 du dispositif");

  drafting_document_set_language (fixture->document, "ru");
  russian = drafting_compilation_build (fixture->document, NULL);
  g_assert_cmpstr (entry_at (russian, 0)->element, ==, "Пункт 1 постановляющей части");
  g_assert_cmpstr (entry_at (russian, 0)->status, ==, "Предложена");
}

/* Every language's terms say everything a compilation prints. */
static void
test_terms (void)
{
  guint n;
  const DraftingLanguageTerms *all = drafting_language_get_all_terms (&n);

  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      const char *words[] = {
        all[i].compilation, all[i].column_element, all[i].column_present,
        all[i].column_proposed, all[i].column_proponents, all[i].column_justification,
        all[i].column_status, all[i].cosponsors, all[i].no_amendments,
      };

      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          g_assert_nonnull (words[w]);
          g_assert_true (g_utf8_validate (words[w], -1, NULL));
          g_assert_cmpuint (strlen (words[w]), >, 0);
        }
      for (guint s = 0; s < G_N_ELEMENTS (all[i].statuses); s++)
        g_assert_cmpuint (strlen (all[i].statuses[s]), >, 0);
    }
}

/* wco-draft export --form compilation: the table, as ODT or Word, of all
 * the amendments or of those of the delegations named; any other output
 * refused, plainly, and nothing written. */
static void
test_command (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "relief.wcodraft", NULL);
  g_autofree char *odt = g_build_filename (dir, "compilation.odt", NULL);
  g_autofree char *docx = g_build_filename (dir, "compilation.docx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "compilation.pdf", NULL);
  g_autofree char *content = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(DraftingTestRun) all = { 0, };
  g_auto(DraftingTestRun) kenya = { 0, };
  g_auto(DraftingTestRun) refused = { 0, };

  g_assert_true (drafting_native_save_file (fixture->document, file, NULL, &error));
  g_assert_no_error (error);

  drafting_test_run_tool (&all, "export", path, "-o", odt, "--form", "compilation", NULL);
  g_assert_cmpstr (all.err, ==, "");
  g_assert_cmpint (all.status, ==, 0);
  content = drafting_export_test_read_entry (odt, "content.xml", NULL);
  g_assert_nonnull (strstr (content, ">After: operative paragraph 1<"));
  g_assert_nonnull (strstr (content, ">Peru<"));

  drafting_test_run_tool (&kenya, "export", path, "-o", docx, "--form", "compilation",
                          "--delegation", "Kenya", NULL);
  g_assert_cmpstr (kenya.err, ==, "");
  g_assert_cmpint (kenya.status, ==, 0);
  body = drafting_export_test_read_entry (docx, "word/document.xml", NULL);
  g_assert_nonnull (strstr (body, ">France<"));
  g_assert_nonnull (strstr (body, ">Co-sponsors: Kenya<"));
  g_assert_null (strstr (body, ">Peru<"));
  g_assert_null (strstr (body, ">Japan<"));

  drafting_test_run_tool (&refused, "export", path, "-o", pdf, "--form", "compilation", NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "written as .odt or .docx"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add ("/compilation/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/compilation/decided", Fixture, NULL, fixture_set_up, test_decided,
              fixture_tear_down);
  g_test_add ("/compilation/delegations", Fixture, NULL, fixture_set_up, test_delegations,
              fixture_tear_down);
  g_test_add ("/compilation/language", Fixture, NULL, fixture_set_up, test_language,
              fixture_tear_down);
  g_test_add_func ("/compilation/terms", test_terms);
  g_test_add ("/compilation/command", Fixture, NULL, fixture_set_up, test_command,
              fixture_tear_down);

  return g_test_run ();
}
