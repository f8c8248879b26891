/* test-render.c: the rules of what an element shows and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-test-utils.h"

/* ------------------------------------------------------------------ */
/* Right to left                                                       */

static void
test_right_to_left (void)
{
  static const struct { const char *tag; gboolean rtl; } cases[] = {
    { "arn", FALSE },          /* Mapudungun */
    { "ar", TRUE },
    { "ar-EG", TRUE },
    { "ar_EG", TRUE },
    { "AR", TRUE },
    { "he", TRUE },
    { "he-IL", TRUE },
    { "fa", TRUE },
    { "ur", TRUE },
    { "ckb", TRUE },
    { "arn-CL", FALSE },
    { "hee", FALSE },
    { "fat", FALSE },
    { "urd-x", FALSE },
    { "en", FALSE },
    { "fr-CA", FALSE },
    { "a", FALSE },
    { "", FALSE },
    { "az-Arab", TRUE },       /* the script says it */
    { "sd-Deva", FALSE },
    { "uz-Latn-UZ", FALSE },
  };

  g_assert_false (drafting_language_is_right_to_left (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].tag);
      g_assert_cmpint (drafting_language_is_right_to_left (cases[i].tag), ==, cases[i].rtl);
    }
}

/* ------------------------------------------------------------------ */
/* A leading phrase and its text                                       */

/* The one join, on screen, in print, in plain text: one space, none before
 * punctuation or a space of the text's own (« DÉCIDE : »). */
static void
test_join (void)
{
  static const struct { const char *lead; const char *text; const char *joined; } cases[] = {
    { "NOTING", "that the WCO", "NOTING that the WCO" },
    { "NOTING", " that the WCO", "NOTING that the WCO" },
    { "RESOLVES", ":", "RESOLVES:" },
    { "RESOLVES", ", that", "RESOLVES, that" },
    { "DÉCIDE", "\u202F:", "DÉCIDE\u202F:" },
    { "DÉCIDE", "\u00A0:", "DÉCIDE\u00A0:" },
    { "NOTING", "", "NOTING" },
    { "", "that", "that" },
    { NULL, "that", "that" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = drafting_text_join_lead (cases[i].lead, cases[i].text);
      g_autofree char *parts = g_strconcat (cases[i].lead ? cases[i].lead : "",
                                            drafting_text_lead_separator (cases[i].lead,
                                                                          cases[i].text),
                                            cases[i].text, NULL);

      g_assert_cmpstr (joined, ==, cases[i].joined);
      g_assert_cmpstr (parts, ==, cases[i].joined);
    }
}

/* What the join shows, taken apart as it is stored: the spaces typed after
 * the phrase are not the text's, a no-break space is. */
static void
test_split (void)
{
  static const struct { const char *shown; const char *lead; const char *text; } cases[] = {
    { "NOTING that the WCO", "NOTING", "that the WCO" },
    { "NOTING  that the WCO", "NOTING", "that the WCO" },
    { "NOTING ", "NOTING", "" },
    { "NOTING", "NOTING", "" },
    { "RESOLVES:", "RESOLVES", ":" },
    { "DÉCIDE\u202F:", "DÉCIDE", "\u202F:" },
    { "Endorses the principles", "", "Endorses the principles" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize start = 0;
      gsize len = drafting_text_split_lead (cases[i].shown, &start);
      g_autofree char *lead = g_strndup (cases[i].shown, len);
      g_autofree char *joined = NULL;

      g_test_message ("“%s”", cases[i].shown);
      g_assert_cmpstr (lead, ==, cases[i].lead);
      g_assert_cmpstr (cases[i].shown + start, ==, cases[i].text);
      g_assert_false (cases[i].text[0] == ' ');

      /* Joined again, one space, whatever was typed. */
      joined = drafting_text_join_lead (lead, cases[i].shown + start);
      if (cases[i].lead[0] != '\0' && cases[i].text[0] != '\0')
        g_assert_null (strstr (joined, "  "));
    }
}

/* A clause stored with a space before its text, as one typed before there
 * was one join: shown, printed, exported with one space all the same. */
static void
test_join_in_plain_text (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingNode) clause = drafting_node_new_with_text (DRAFTING_KIND_PREAMBLE_CLAUSE,
                                                                "NOTING", " that the WCO,");
  g_autoptr(DraftingNode) formula = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_FORMULA,
                                                                 "DÉCIDE", "\u202F:");
  g_autoptr(GError) error = NULL;
  g_autofree char *clause_text = NULL;
  g_autofree char *formula_text = NULL;
  g_autofree char *all = NULL;

  drafting_document_set_language (document, "fr");
  drafting_document_insert (document, drafting_document_get_root (document), 0, clause, &error);
  g_assert_no_error (error);
  drafting_document_insert (document, drafting_document_get_root (document), 1, formula, &error);
  g_assert_no_error (error);

  clause_text = drafting_render_plain_text (clause, TRUE);
  formula_text = drafting_render_plain_text (formula, TRUE);
  g_assert_cmpstr (clause_text, ==, "NOTING that the WCO,");
  g_assert_cmpstr (formula_text, ==, "DÉCIDE\u202F:");

  all = drafting_render_document_text (document);
  g_assert_nonnull (strstr (all, "NOTING that the WCO,\n"));
  g_assert_nonnull (strstr (all, "DÉCIDE\u202F:\n"));
}

/* ------------------------------------------------------------------ */
/* Markers                                                             */

/* Items of the first level of a list show a bullet, nested ones a dash,
 * as the texts have them, on screen as in print. */
static void
test_bullets (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *section = drafting_test_find (document, DRAFTING_KIND_SECTION, 0);
  DraftingNode *item = NULL;
  DraftingNode *nested = NULL;
  g_autofree char *label = NULL;
  g_autofree char *nested_label = NULL;

  for (guint i = 0; i < drafting_node_get_n_children (section) && nested == NULL; i++)
    {
      DraftingNode *child = drafting_node_get_child (section, i);

      if (drafting_node_get_kind (child) != DRAFTING_KIND_ITEM)
        continue;
      item = child;
      for (guint j = 0; j < drafting_node_get_n_children (child) && nested == NULL; j++)
        if (drafting_node_get_kind (drafting_node_get_child (child, j)) == DRAFTING_KIND_ITEM)
          nested = drafting_node_get_child (child, j);
    }
  g_assert_nonnull (item);
  g_assert_nonnull (nested);

  label = drafting_render_label (item);
  nested_label = drafting_render_label (nested);
  g_assert_cmpstr (label, ==, "•");
  g_assert_cmpstr (nested_label, ==, "–");
}

/* "PRINCIPLE I –" before a title, "ANNEX" above the annex's, in the
 * document's language. */
static void
test_markers (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  DraftingNode *annex = drafting_test_find (document, DRAFTING_KIND_ANNEX, 0);
  DraftingNode *principle = drafting_test_find (document, DRAFTING_KIND_PRINCIPLE, 0);
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  g_autoptr(DraftingNode) untitled = drafting_node_new_with_text (DRAFTING_KIND_PRINCIPLE, NULL, "");
  g_autoptr(GError) error = NULL;
  DraftingMarkerPlace place;
  char *marker;

  marker = drafting_render_marker (principle, &place);
  g_assert_cmpstr (marker, ==, "PRINCIPLE I –");
  g_assert_cmpint (place, ==, DRAFTING_MARKER_RUN_IN);
  g_assert_cmpstr (drafting_render_marker_separator (principle), ==, " ");
  g_free (marker);

  marker = drafting_render_marker (annex, &place);
  g_assert_cmpstr (marker, ==, "ANNEX");
  g_assert_cmpint (place, ==, DRAFTING_MARKER_ABOVE);
  g_assert_cmpstr (drafting_render_marker_separator (annex), ==, "");
  g_free (marker);

  marker = drafting_render_marker (paragraph, &place);
  g_assert_cmpstr (marker, ==, "");
  g_assert_cmpint (place, ==, DRAFTING_MARKER_NONE);
  g_free (marker);

  /* Without a title, no dash. */
  drafting_document_insert (document, annex, drafting_node_get_n_children (annex), untitled, &error);
  g_assert_no_error (error);
  marker = drafting_render_marker (untitled, &place);
  g_assert_true (g_str_has_prefix (marker, "PRINCIPLE "));
  g_assert_null (strstr (marker, "–"));
  g_free (marker);

  /* The words are the document's language's. */
  drafting_document_set_language (document, "fr");
  marker = drafting_render_marker (principle, NULL);
  g_assert_cmpstr (marker, ==, "PRINCIPE I –");
  g_free (marker);
  marker = drafting_render_marker (annex, NULL);
  g_assert_cmpstr (marker, ==, "ANNEXE");
  g_free (marker);
}

/* One rendering of a footnote call: its number in superscript, in the
 * calling text on screen, in print and in plain text. */
static void
test_footnote_call (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  DraftingNode *calling = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);
  DraftingNode *note = drafting_test_find (document, DRAFTING_KIND_FOOTNOTE, 0);
  const DraftingInline *content = drafting_node_get_content (calling);
  const DraftingMark *call_mark = NULL;
  DraftingNode *found = NULL;
  g_autofree char *call = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *plain = NULL;

  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    if (drafting_inline_get_mark (content, i)->kind == DRAFTING_MARK_FOOTNOTE_REF)
      call_mark = drafting_inline_get_mark (content, i);
  g_assert_nonnull (call_mark);

  call = drafting_render_footnote_call (calling, call_mark->ref, &found);
  g_assert_cmpstr (call, ==, "¹");
  g_assert_true (found == note);

  missing = drafting_render_footnote_call (calling, "no-such-note", &found);
  g_assert_null (missing);
  g_assert_null (found);

  plain = drafting_render_plain_text (calling, TRUE);
  g_assert_nonnull (strstr (plain, "(WCO)¹ established"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/drafting/render/right-to-left", test_right_to_left);
  g_test_add_func ("/drafting/render/join", test_join);
  g_test_add_func ("/drafting/render/split", test_split);
  g_test_add_func ("/drafting/render/join-in-plain-text", test_join_in_plain_text);
  g_test_add_func ("/drafting/render/bullets", test_bullets);
  g_test_add_func ("/drafting/render/markers", test_markers);
  g_test_add_func ("/drafting/render/footnote-call", test_footnote_call);

  return g_test_run ();
}
