/* test-import.c: text as it really arrives, turned into structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-test-utils.h"

static DraftingNode *
top_level (DraftingDocument *document,
           DraftingKind      kind,
           guint             nth)
{
  DraftingNode *root = drafting_document_get_root (document);

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    {
      DraftingNode *child = drafting_node_get_child (root, i);

      if (drafting_node_get_kind (child) == kind && nth-- == 0)
        return child;
    }

  return NULL;
}

static guint
count_top_level (DraftingDocument *document,
                 DraftingKind      kind)
{
  return drafting_test_count_children (drafting_document_get_root (document), kind);
}

static void
assert_number (DraftingNode *node,
               const char   *expected)
{
  g_autofree char *number = drafting_node_get_number (node);

  g_assert_cmpstr (number, ==, expected);
}

static DraftingDocument *
import_fixture (const char  *name,
                GPtrArray  **warnings)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  DraftingDocument *document;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  document = drafting_text_import (data, len, warnings, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_resolution_corpus (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", &warnings);
  static const guint items[] = { 0, 9, 5, 4, 3, 1, 5, 2 };
  DraftingNode *annex;
  DraftingNode *clause;
  DraftingNode *principle;
  DraftingNode *section;
  DraftingNode *item;

  /* Nothing had to be left unplaced. */
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_RESOLUTION);

  /* Heading: three lines; "DRAFT" is the status, not the title. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_HEADING), ==, 3);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_HEADING, 0)), ==,
                   "RESOLUTION OF THE POLICY COMMISSION");
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_HEADING, 2)), ==,
                   "ON THE GUIDING PRINCIPLES FOR CROSS-BORDER E-COMMERCE");
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpstr (drafting_document_get_title (document), ==,
                   "Resolution of the Policy Commission of the World Customs Organization "
                   "on the Guiding Principles for Cross-Border E-Commerce");

  /* Place and date, and the authority formula. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PLACE_DATE), ==, 1);
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Luxor");
  g_assert_cmpstr (drafting_document_get_date (document), ==, "December 2017");
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_AUTHORITY), ==, 1);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_AUTHORITY, 0)), ==,
                   "THE POLICY COMMISSION");
  g_assert_cmpstr (drafting_document_get_body (document), ==, "Policy Commission");

  /* Fifteen preambular clauses, each with its leading phrase. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE), ==, 15);
  clause = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 2);
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "BEARING IN MIND");
  g_assert_true (g_str_has_prefix (drafting_node_get_text (clause), "that E-Commerce offers"));

  /* HAVING REGARD is one clause, "Annexes 9 and 17" joined across the page. */
  clause = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 9);
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "HAVING REGARD");
  g_assert_nonnull (strstr (drafting_node_get_text (clause), "Annexes 9 and 17 of the ICAO Chicago Convention"));
  g_assert_true (g_str_has_suffix (drafting_node_get_text (clause), "other relevant international standards,"));
  clause = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 14);
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "DESIRING");

  /* "among other things : online" lost its space before the colon. */
  clause = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 6);
  g_assert_nonnull (strstr (drafting_node_get_text (clause), "among other things: online"));

  /* The operative formula and four operative paragraphs, unnumbered. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA), ==, 1);
  g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0)), ==, "RESOLVES");
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0)), ==, "that the WCO:");
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 4);
  g_assert_true (g_str_has_prefix (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 3)),
                                   "Provides technical assistance"));
  assert_number (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0), "");

  /* An annex of eight principles with 0/9/5/4/3/1/5/2 top-level items. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_ANNEX), ==, 1);
  annex = top_level (document, DRAFTING_KIND_ANNEX, 0);
  g_assert_cmpuint (drafting_node_get_n_children (annex), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *expected = drafting_format_roman (i + 1, TRUE);

      principle = drafting_node_get_child (annex, i);
      g_assert_cmpint (drafting_node_get_kind (principle), ==, DRAFTING_KIND_PRINCIPLE);
      assert_number (principle, expected);
      g_assert_cmpuint (drafting_test_count_children (principle, DRAFTING_KIND_ITEM), ==, items[i]);
    }
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (annex, 0)), ==,
                   "Advance Electronic Data and Risk Management");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (annex, 7)), ==, "Legislative Frameworks");

  /* Principle I: an introduction and two sections of 5 and 6 items. */
  principle = drafting_node_get_child (annex, 0);
  g_assert_cmpuint (drafting_test_count_children (principle, DRAFTING_KIND_PARAGRAPH), ==, 1);
  g_assert_cmpint (drafting_node_get_kind (drafting_node_get_child (principle, 0)), ==, DRAFTING_KIND_PARAGRAPH);
  g_assert_cmpuint (drafting_test_count_children (principle, DRAFTING_KIND_SECTION), ==, 2);
  section = drafting_node_get_child (principle, 1);
  g_assert_cmpstr (drafting_node_get_text (section), ==, "Advance electronic data");
  assert_number (section, "i.");
  g_assert_cmpuint (drafting_test_count_children (section, DRAFTING_KIND_ITEM), ==, 5);
  /* Items of a section are bullets, nested items too. */
  assert_number (drafting_node_get_child (section, 0), "");
  item = drafting_node_get_child (section, 1);
  g_assert_cmpuint (drafting_test_count_children (item, DRAFTING_KIND_ITEM), ==, 3);
  section = drafting_node_get_child (principle, 2);
  g_assert_cmpstr (drafting_node_get_text (section), ==, "Risk Management");
  assert_number (section, "ii.");
  g_assert_cmpuint (drafting_test_count_children (section, DRAFTING_KIND_ITEM), ==, 6);

  /* Principle II's items are numbered i. to ix. */
  principle = drafting_node_get_child (annex, 1);
  assert_number (drafting_node_get_child (principle, 0), "i.");
  assert_number (drafting_node_get_child (principle, 8), "ix.");
  g_assert_cmpuint (drafting_test_count_children (drafting_node_get_child (principle, 0), DRAFTING_KIND_ITEM), ==, 2);
  g_assert_cmpuint (drafting_test_count_children (drafting_node_get_child (principle, 5), DRAFTING_KIND_ITEM), ==, 3);

  /* Principle IV item iv: 8 nested items, the "o" marks are bullets;
   * *de minimis* is emphasis. */
  principle = drafting_node_get_child (annex, 3);
  item = drafting_node_get_child (principle, 3);
  assert_number (item, "iv.");
  g_assert_cmpuint (drafting_test_count_children (item, DRAFTING_KIND_ITEM), ==, 8);
  g_assert_true (g_str_has_prefix (drafting_node_get_text (drafting_node_get_child (item, 0)), "National specificities"));
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (item, 3)), ==, "Compliance costs,");
  {
    const DraftingInline *content = drafting_node_get_content (item);
    const char *text = drafting_inline_get_text (content);
    const char *at = strstr (text, "de minimis");
    guint start = at - text;

    g_assert_nonnull (at);
    g_assert_null (strchr (text, '*'));
    g_assert_true (drafting_inline_has_style (content, DRAFTING_MARK_EMPHASIS, start, start + strlen ("de minimis")));
    g_assert_false (drafting_inline_has_style (content, DRAFTING_MARK_EMPHASIS, start - 2, start));
  }

  /* Principle VI's item joined across its page break. */
  principle = drafting_node_get_child (annex, 5);
  item = drafting_node_get_child (principle, 0);
  g_assert_nonnull (strstr (drafting_node_get_text (item), "This could include more formal arrangements"));

  /* Curly quotes kept, straight apostrophes made typographic. */
  section = drafting_node_get_child (drafting_node_get_child (annex, 0), 2);
  g_assert_true (g_str_has_prefix (drafting_node_get_text (drafting_node_get_child (section, 3)),
                                   "Identify all relevant stakeholders; including “unknown players”"));
  g_assert_nonnull (strstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 3)),
                            "Members’ identified"));
}

static void
test_communique_corpus (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", &warnings);
  DraftingNode *title;
  DraftingNode *narrative;
  DraftingNode *footnote;
  const DraftingInline *content;
  const char *text;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_COMMUNIQUE);

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OCCASION), ==, 1);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OCCASION, 0)), ==,
                   "Eleventh WTO Ministerial Conference, Buenos Aires, 10-13 December 2017");
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Buenos Aires");

  /* A title of two lines, "Draft" being the status. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_TITLE), ==, 1);
  title = top_level (document, DRAFTING_KIND_TITLE, 0);
  g_assert_cmpstr (drafting_node_get_text (title), ==,
                   "Communication from the International Customs Community\non Cross-Border E-Commerce");
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH), ==, 3);

  /* Footnote 1, stranded between statements, attached after "(WCO)". */
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE), ==, 1);
  footnote = drafting_test_find (document, DRAFTING_KIND_FOOTNOTE, 0);
  narrative = drafting_node_get_parent (footnote);
  g_assert_true (narrative == top_level (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1));
  assert_number (footnote, "1");
  g_assert_true (g_str_has_prefix (drafting_node_get_text (footnote),
                                   "The World Customs Organization is the only inter-governmental"));
  content = drafting_node_get_content (narrative);
  text = drafting_inline_get_text (content);
  g_assert_null (strstr (text, "¹"));
  g_assert_cmpuint (drafting_inline_get_n_marks (content), ==, 1);
  {
    const DraftingMark *mark = drafting_inline_get_mark (content, 0);

    g_assert_cmpint (mark->kind, ==, DRAFTING_MARK_FOOTNOTE_REF);
    g_assert_cmpstr (mark->ref, ==, drafting_node_get_id (footnote));
    g_assert_cmpuint (mark->start, >=, 5);
    g_assert_cmpmem (text + mark->start - 5, 5, "(WCO)", 5);
  }
  g_assert_true (drafting_inline_has_ref (content, drafting_node_get_id (footnote)));

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_SPEAKER_FORMULA), ==, 1);
  g_assert_true (g_str_has_suffix (drafting_node_get_text (top_level (document, DRAFTING_KIND_SPEAKER_FORMULA, 0)),
                                   "the international Customs community:"));

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_STATEMENT), ==, 11);
  g_assert_true (g_str_has_prefix (drafting_node_get_text (top_level (document, DRAFTING_KIND_STATEMENT, 0)), "Reaffirms"));
  g_assert_true (g_str_has_prefix (drafting_node_get_text (top_level (document, DRAFTING_KIND_STATEMENT, 3)), "Acknowledges"));
  g_assert_true (g_str_has_prefix (drafting_node_get_text (top_level (document, DRAFTING_KIND_STATEMENT, 10)), "Commits"));

  /* Eight principles, each a title and one paragraph. */
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PRINCIPLE), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      DraftingNode *principle = top_level (document, DRAFTING_KIND_PRINCIPLE, i);
      g_autofree char *expected = drafting_format_roman (i + 1, TRUE);

      assert_number (principle, expected);
      g_assert_cmpstr (drafting_node_get_text (principle), !=, "");
      g_assert_cmpuint (drafting_node_get_n_children (principle), ==, 1);
      g_assert_cmpint (drafting_node_get_kind (drafting_node_get_child (principle, 0)), ==, DRAFTING_KIND_PARAGRAPH);
    }
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_PRINCIPLE, 5)), ==, "Partnerships");
}

/* A resolution of another body, with numbered operative paragraphs,
 * (a), (b) sub-paragraphs and (i), (ii) inside them, a second operative
 * formula, and arabic-numbered principles. */
static void
check_council_resolution (DraftingDocument *document)
{
  DraftingNode *first;
  DraftingNode *point_b;
  DraftingNode *annex;

  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_RESOLUTION);
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_HEADING), ==, 2);
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_ADOPTED);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_AUTHORITY, 0)), ==,
                   "THE CUSTOMS CO-OPERATION COUNCIL,");
  g_assert_cmpstr (drafting_document_get_body (document), ==, "Customs Co-operation Council");
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE), ==, 5);
  g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 3)), ==, "CONSCIOUS");

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA), ==, 2);
  g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0)), ==, "RECOMMENDS");
  g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 1)), ==, "REQUESTS");

  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 3);
  first = top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  assert_number (first, "1.");
  assert_number (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2), "3.");
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "Establish national plans for the rapid clearance of relief consignments, covering in particular:");
  g_assert_cmpuint (drafting_node_get_n_children (first), ==, 3);
  assert_number (drafting_node_get_child (first, 2), "(c)");
  point_b = drafting_node_get_child (first, 1);
  g_assert_cmpuint (drafting_node_get_n_children (point_b), ==, 2);
  assert_number (drafting_node_get_child (point_b, 1), "(ii)");

  annex = top_level (document, DRAFTING_KIND_ANNEX, 0);
  g_assert_nonnull (annex);
  g_assert_cmpuint (drafting_node_get_n_children (annex), ==, 2);
  assert_number (drafting_node_get_child (annex, 1), "2");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (annex, 1)), ==, "Speed");
  g_assert_cmpuint (drafting_test_count_children (drafting_node_get_child (annex, 1), DRAFTING_KIND_ITEM), ==, 2);
  g_assert_cmpuint (drafting_test_count_children (drafting_node_get_child (annex, 1), DRAFTING_KIND_PARAGRAPH), ==, 1);
}

static void
test_unseen_resolution (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("council-disaster-relief.txt", &warnings);

  g_assert_cmpuint (warnings->len, ==, 0);
  check_council_resolution (document);
}

static void
test_hard_wrapped_lines (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) plain = import_fixture ("council-disaster-relief.txt", NULL);
  g_autoptr(DraftingDocument) wrapped = import_fixture ("council-disaster-relief-wrapped.txt", &warnings);
  g_autofree char *plain_outline = drafting_outline_to_text (plain);
  g_autofree char *wrapped_outline = drafting_outline_to_text (wrapped);

  /* Lines broken at the margin join again: the same structure and text. */
  g_assert_cmpuint (warnings->len, ==, 0);
  check_council_resolution (wrapped);
  g_assert_cmpstr (wrapped_outline, ==, plain_outline);
}

static void
test_unplaced_lines_kept (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "RESOLUTION OF THE POLICY COMMISSION\n"
    "\n"
    "THE POLICY COMMISSION,\n"
    "\n"
    "NOTING the first thing,\n"
    "\n"
    "This sentence belongs to no clause.\n"
    "\n"
    "DESIRING the second thing,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "Decides to act.\n",
    &warnings);
  DraftingImportWarning *warning;
  DraftingNode *paragraph;

  /* Kept, in its place, and said with its line. */
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpuint (warning->line, ==, 7);
  paragraph = top_level (document, DRAFTING_KIND_PARAGRAPH, 0);
  g_assert_nonnull (paragraph);
  g_assert_cmpstr (drafting_node_get_text (paragraph), ==, "This sentence belongs to no clause.");
  g_assert_true (drafting_node_get_previous_sibling (paragraph) == top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0));
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE), ==, 2);
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 1);
}

static void
test_generic_text (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "Minutes of the meeting\n\nThe Chair opened the meeting.\n\nThe agenda was adopted.\n",
    &warnings);

  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_GENERIC);
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PARAGRAPH), ==, 3);
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_mending (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "RESOLUTION OF THE POLICY COMMISSION\r\n"
    "\r\n"
    "THE POLICY COMMISSION\r\n"
    "\r\n"
    "NOTING the \"Guidelines\" and the Members' views : all of them,\r\n"
    "\r\n"
    "NOTING the **strong** points and the 'quoted' ones,\r\n"
    "\f"
    "RESOLVES :\r\n"
    "\r\n"
    "Adopts\tthe    text.\r\n",
    NULL);
  DraftingNode *clause = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *second = top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  const DraftingInline *content = drafting_node_get_content (second);

  g_assert_cmpstr (drafting_node_get_text (clause), ==, "the “Guidelines” and the Members’ views: all of them,");
  g_assert_cmpstr (drafting_node_get_text (second), ==, "the strong points and the ‘quoted’ ones,");
  g_assert_true (drafting_inline_has_style (content, DRAFTING_MARK_STRONG, 4, 10));
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0)), ==, ":");
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0)), ==, "Adopts the text.");
}

/* A straight quote after a letter closes, whatever the letter: "Ш" (U+0428)
 * and "Я" (U+042F) end in the bytes of "(" and "/", after which one opens. */
static void
test_quotes_after_any_letter (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "Принимает к сведению документ \"ВАШ\" и проект \"СТАТЬЯ\", и 'КЛЮЧ' (\"А\").\n",
    NULL);

  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_PARAGRAPH, 0)), ==,
                   "Принимает к сведению документ “ВАШ” и проект “СТАТЬЯ”, и ‘КЛЮЧ’ (“А”).");
}

static void
test_french_keeps_colon_space (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "PROJET DE RÉSOLUTION DU CONSEIL DE COOPÉRATION DOUANIÈRE\n"
    "\n"
    "LE CONSEIL DE COOPÉRATION DOUANIÈRE,\n"
    "\n"
    "NOTANT que les catastrophes naturelles et les crises se multiplient dans le monde,\n"
    "\n"
    "RECONNAISSANT le rôle des administrations des douanes et des autres services,\n"
    "\n"
    "RECOMMANDE que les Membres :\n"
    "\n"
    "1. Établissent des plans nationaux ;\n",
    NULL);

  g_assert_cmpstr (drafting_document_get_language (document), ==, "fr");
  /* « PROJET DE » is the status of a French draft, as "DRAFT" of an English one. */
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_HEADING, 0)), ==,
                   "RÉSOLUTION DU CONSEIL DE COOPÉRATION DOUANIÈRE");
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE), >=, 2);
  g_assert_nonnull (strstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0)),
                            "que les catastrophes"));
}

static void
test_footnote_without_caller (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = drafting_test_import_string (
    "Minutes\n\nThe meeting opened.\n\n² A note nobody calls.\n", &warnings);

  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE), ==, 0);
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_PARAGRAPH), ==, 3);
  g_assert_cmpuint (warnings->len, ==, 2);
}

static void
test_refused_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  const char bad[] = "NOTING that\nthe text \xff is broken,\n";

  document = drafting_text_import (bad, sizeof bad - 1, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "Line 2, column 10"));
  g_clear_error (&error);

  document = drafting_text_import ("\n\n   \n", 5, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY);
}

/* Text laid out as a document prints reads back to the same structure. */
static void
test_text_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus (name, NULL);
  g_autofree char *text = drafting_render_document_text (document);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) again = drafting_test_import_string (text, &warnings);
  g_autofree char *first_outline = drafting_outline_to_text (document);
  g_autofree char *second_outline = drafting_outline_to_text (again);

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (second_outline, ==, first_outline);
  g_assert_cmpint (drafting_document_get_status (again), ==, drafting_document_get_status (document));
  g_assert_cmpstr (drafting_document_get_place (again), ==, drafting_document_get_place (document));
  g_assert_cmpstr (drafting_document_get_title (again), ==, drafting_document_get_title (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/import/corpus/resolution", test_resolution_corpus);
  g_test_add_func ("/import/corpus/communique", test_communique_corpus);
  g_test_add_func ("/import/unseen-resolution", test_unseen_resolution);
  g_test_add_func ("/import/hard-wrapped-lines", test_hard_wrapped_lines);
  g_test_add_func ("/import/unplaced-lines-kept", test_unplaced_lines_kept);
  g_test_add_func ("/import/generic-text", test_generic_text);
  g_test_add_func ("/import/mending", test_mending);
  g_test_add_func ("/import/quotes-after-any-letter", test_quotes_after_any_letter);
  g_test_add_func ("/import/french-keeps-colon-space", test_french_keeps_colon_space);
  g_test_add_func ("/import/footnote-without-caller", test_footnote_without_caller);
  g_test_add_func ("/import/refused-input", test_refused_input);
  g_test_add_data_func ("/import/text-round-trip/resolution", "ecommerce-resolution.txt", test_text_round_trip);
  g_test_add_data_func ("/import/text-round-trip/communique", "ecommerce-communique.txt", test_text_round_trip);

  return g_test_run ();
}
