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

/* ------------------------------------------------------------------ */
/* The family: texts of the same kind the importer has never seen      */

#define K(name) DRAFTING_KIND_##name

static void
assert_kinds (DraftingNode       *parent,
              const DraftingKind *kinds,
              guint               n_kinds)
{
  g_assert_cmpuint (drafting_node_get_n_children (parent), ==, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_assert_cmpstr (drafting_kind_to_string (drafting_node_get_kind (drafting_node_get_child (parent, i))),
                     ==, drafting_kind_to_string (kinds[i]));
}

static void
assert_footnote (DraftingNode *node,
                 const char   *text)
{
  DraftingNode *footnote = drafting_node_get_child (node, 0);

  g_assert_nonnull (footnote);
  g_assert_cmpint (drafting_node_get_kind (footnote), ==, DRAFTING_KIND_FOOTNOTE);
  g_assert_cmpstr (drafting_node_get_text (footnote), ==, text);
}

static void
assert_starts (DraftingNode *node,
               const char   *prefix)
{
  const char *text = drafting_node_get_text (node);

  if (!g_str_has_prefix (text, prefix))
    g_error ("“%s” does not start with “%s”", text, prefix);
}

/* A conference of Heads of Customs: the kind of document named in a title
 * of one line, the place and date after it, a speaker formula in the first
 * person, statements numbered and with verbs in the plural, footnotes "²"
 * and "³". */
static void
test_family_communique_heads (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("communique-heads-of-customs.txt", &warnings);
  DraftingNode *root = drafting_document_get_root (document);
  static const DraftingKind kinds[] = {
    K (TITLE), K (OCCASION), K (NARRATIVE_PARAGRAPH), K (NARRATIVE_PARAGRAPH),
    K (SPEAKER_FORMULA), K (STATEMENT), K (STATEMENT), K (STATEMENT), K (STATEMENT),
  };
  static const char * const verbs[] = { "Agree to pursue", "Welcome the work", "Call upon",
                                        "Commit to report" };

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_COMMUNIQUE);
  assert_kinds (root, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (root, 0)), ==,
                   "COMMUNIQUÉ OF THE CONFERENCE OF HEADS OF CUSTOMS ON DIGITAL CUSTOMS");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (root, 1)), ==, "Brussels, 26 June 2019");
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Brussels");
  g_assert_cmpstr (drafting_document_get_date (document), ==, "26 June 2019");
  assert_footnote (drafting_node_get_child (root, 2), "Including the Customs Union of the European Union.");
  assert_footnote (drafting_node_get_child (root, 3),
                   "The presentations made at the Conference are available on the WCO website.");
  g_assert_null (strstr (drafting_node_get_text (drafting_node_get_child (root, 2)), "²"));
  assert_starts (drafting_node_get_child (root, 4), "We, the Heads of Customs administrations, gathered");
  g_assert_true (g_str_has_suffix (drafting_node_get_text (drafting_node_get_child (root, 4)), ":"));

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      DraftingNode *statement = top_level (document, DRAFTING_KIND_STATEMENT, i);
      g_autofree char *expected = g_strdup_printf ("%u.", i + 1);

      assert_starts (statement, verbs[i]);
      assert_number (statement, expected);
    }
}

/* The occasion, then a title on three lines naming the kind of document, a
 * speaker formula ending with a comma, statements in the singular, and a
 * footnote called with an asterisk. */
static void
test_family_communique_three_lines (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("communique-three-line-title.txt", &warnings);
  DraftingNode *root = drafting_document_get_root (document);
  static const DraftingKind kinds[] = {
    K (OCCASION), K (TITLE), K (NARRATIVE_PARAGRAPH), K (SPEAKER_FORMULA),
    K (STATEMENT), K (STATEMENT), K (STATEMENT), K (STATEMENT),
  };
  DraftingNode *narrative;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_COMMUNIQUE);
  assert_kinds (root, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (root, 1)), ==,
                   "COMMUNIQUÉ\nOF THE INTERNATIONAL CUSTOMS COMMUNITY\nON TRADE FACILITATION AND FOOD SECURITY");
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Geneva");

  narrative = drafting_node_get_child (root, 2);
  g_assert_null (strchr (drafting_node_get_text (narrative), '*'));
  assert_footnote (narrative, "In this Communiqué, “Customs administrations” means the Customs "
                              "administrations of the Members of the World Customs Organization.");
  g_assert_true (g_str_has_suffix (drafting_node_get_text (drafting_node_get_child (root, 3)),
                                   "Ministerial Conference,"));
  assert_starts (drafting_node_get_child (root, 4), "Reaffirms its commitment");
  assert_starts (drafting_node_get_child (root, 6), "Calls upon Members");
  assert_starts (drafting_node_get_child (root, 7), "Undertakes to share");
  g_assert_cmpuint (drafting_node_get_n_children (drafting_node_get_child (root, 7)), ==, 0);
}

/* A title on one line with the occasion after it, a speaker formula in the
 * third person plural, statements with plural verbs and sub-paragraphs. */
static void
test_family_communique_one_line (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("communique-one-line-title.txt", &warnings);
  DraftingNode *root = drafting_document_get_root (document);
  static const DraftingKind kinds[] = {
    K (TITLE), K (OCCASION), K (NARRATIVE_PARAGRAPH), K (SPEAKER_FORMULA),
    K (STATEMENT), K (STATEMENT), K (STATEMENT),
  };
  static const DraftingKind subs[] = { K (SUB_PARAGRAPH), K (SUB_PARAGRAPH) };
  DraftingNode *invite;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_COMMUNIQUE);
  assert_kinds (root, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Kampala");
  g_assert_cmpstr (drafting_document_get_date (document), ==, "11-13 March 2020");
  assert_footnote (drafting_node_get_child (root, 2), "Figures of the WCO Compendium of AEO Programmes, 2019 edition.");
  assert_starts (drafting_node_get_child (root, 4), "Acknowledge that");
  assert_starts (drafting_node_get_child (root, 5), "Encourage administrations");
  assert_footnote (drafting_node_get_child (root, 5),
                   "WCO SAFE Framework of Standards to Secure and Facilitate Global Trade, June 2018 edition.");

  invite = drafting_node_get_child (root, 6);
  assert_starts (invite, "Invite the private sector");
  assert_kinds (invite, subs, G_N_ELEMENTS (subs));
  assert_number (drafting_node_get_child (invite, 1), "(b)");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (invite, 1)), ==,
                   "through the WCO Private Sector Consultative Group.");
}

static void
assert_operative_numbers (DraftingDocument   *document,
                          const char * const *numbers,
                          guint               n_numbers)
{
  g_assert_cmpuint (count_top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    assert_number (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, i), numbers[i]);
}

/* Operative paragraphs numbered 1., 2., then again 1., 2. after a second
 * operative formula: the text's numbering is kept, without a warning. */
static void
test_family_resolution_restarting (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("resolution-restarting-lists.txt", &warnings);
  DraftingNode *root = drafting_document_get_root (document);
  static const DraftingKind kinds[] = {
    K (HEADING), K (HEADING), K (PLACE_DATE), K (AUTHORITY),
    K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE),
    K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH),
    K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH),
  };
  static const char * const leads[] = { "MINDFUL", "CONVINCED", "WELCOMING", "HAVING REGARD" };
  static const char * const numbers[] = { "1.", "2.", "1.", "2." };
  g_autoptr(DraftingDocument) again = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (warnings->len, ==, 0);
  assert_kinds (root, kinds, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, i)), ==, leads[i]);
  g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0)), ==, "URGES");
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 1)), ==,
                   "the Secretary General:");
  assert_operative_numbers (document, numbers, G_N_ELEMENTS (numbers));
  assert_starts (top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2), "To develop training material");

  /* As it prints, it reads back the same. */
  text = drafting_render_document_text (document);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  again = drafting_test_import_string (text, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  assert_operative_numbers (again, numbers, G_N_ELEMENTS (numbers));
}

/* A heading on one line, preambular clauses opening with adjectives, three
 * operative formulas with verbs of any kind, the last without a list. */
static void
test_family_resolution_formulas (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DraftingDocument) document = import_fixture ("resolution-decides-three-lists.txt", &warnings);
  DraftingNode *root = drafting_document_get_root (document);
  static const DraftingKind kinds[] = {
    K (HEADING), K (PLACE_DATE), K (AUTHORITY),
    K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE),
    K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH),
    K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH),
    K (OPERATIVE_FORMULA),
  };
  static const char * const leads[] = { "AWARE", "DESIROUS", "TAKING NOTE" };
  static const char * const formulas[] = { "DECIDES", "INVITES", "ENTRUSTS" };
  static const char * const numbers[] = { "1.", "2.", "1.", "2." };
  DraftingNode *first;

  g_assert_cmpuint (warnings->len, ==, 0);
  assert_kinds (root, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (root, 0)), ==,
                   "RESOLUTION OF THE POLICY COMMISSION ON DATA PROTECTION");
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_PREAMBLE_CLAUSE, i)), ==, leads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    g_assert_cmpstr (drafting_node_get_lead (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, i)), ==, formulas[i]);
  g_assert_cmpstr (drafting_node_get_text (top_level (document, DRAFTING_KIND_OPERATIVE_FORMULA, 2)), ==,
                   "the Secretariat with the publication of the guidelines on the WCO website.");
  assert_operative_numbers (document, numbers, G_N_ELEMENTS (numbers));

  first = top_level (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  g_assert_cmpuint (drafting_test_count_children (first, DRAFTING_KIND_SUB_PARAGRAPH), ==, 2);
  assert_number (drafting_node_get_child (first, 1), "(b)");
  assert_starts (first, "To establish guidelines");
}

/* ------------------------------------------------------------------ */
/* Fragments, as pasted                                                */

static DraftingNode *
paste (const char           *text,
       DraftingDocumentType  type,
       DraftingKind          context)
{
  g_autoptr(GError) error = NULL;
  DraftingNode *fragment = drafting_text_import_fragment (text, strlen (text), type, context,
                                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fragment);
  g_assert_cmpint (drafting_node_get_kind (fragment), ==, DRAFTING_KIND_DOCUMENT);
  g_assert_null (drafting_node_get_parent (fragment));

  return fragment;
}

static void
test_fragment_preamble (void)
{
  g_autoptr(DraftingNode) fragment = paste (
    "NOTING that the volume of\nsmall consignments keeps growing,\n\n"
    "MINDFUL of the \"de minimis\" thresholds, and\n\n"
    "RESOLVES that Members should :\n",
    DRAFTING_DOCUMENT_RESOLUTION, DRAFTING_KIND_PREAMBLE_CLAUSE);
  static const DraftingKind kinds[] = { K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE), K (OPERATIVE_FORMULA) };

  assert_kinds (fragment, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_node_get_lead (drafting_node_get_child (fragment, 0)), ==, "NOTING");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 0)), ==,
                   "that the volume of small consignments keeps growing,");
  g_assert_cmpstr (drafting_node_get_lead (drafting_node_get_child (fragment, 1)), ==, "MINDFUL");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 1)), ==,
                   "of the “de minimis” thresholds, and");
  g_assert_cmpstr (drafting_node_get_lead (drafting_node_get_child (fragment, 2)), ==, "RESOLVES");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 2)), ==, "that Members should:");
}

static void
test_fragment_operative (void)
{
  g_autoptr(DraftingNode) fragment = paste (
    "Decides to:\n\n"
    "1. Establish national plans for the clearance of relief\nconsignments, covering:\n"
    "(a) a single point of contact;\n"
    "(b) simplified procedures; and\n\n"
    "2. Share their experience with the Secretariat.\n",
    DRAFTING_DOCUMENT_RESOLUTION, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  static const DraftingKind kinds[] = { K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH) };
  static const DraftingKind subs[] = { K (SUB_PARAGRAPH), K (SUB_PARAGRAPH) };
  DraftingNode *first;

  assert_kinds (fragment, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_node_get_lead (drafting_node_get_child (fragment, 0)), ==, "Decides");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 0)), ==, "to:");
  first = drafting_node_get_child (fragment, 1);
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "Establish national plans for the clearance of relief consignments, covering:");
  assert_kinds (first, subs, G_N_ELEMENTS (subs));
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (first, 1)), ==, "simplified procedures; and");
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 2)), ==,
                   "Share their experience with the Secretariat.");
}

/* Paragraphs that say nothing of their kind take the kind of the element
 * where the cursor is; sub-items that cannot nest, that kind too. */
static void
test_fragment_plain (void)
{
  static const char text[] = "First paragraph\nbroken by the PDF.\n\nSecond paragraph.\n\nThird paragraph.\n";
  static const struct { DraftingDocumentType type; DraftingKind context; DraftingKind kind; } cases[] = {
    { DRAFTING_DOCUMENT_RESOLUTION, K (OPERATIVE_PARAGRAPH), K (OPERATIVE_PARAGRAPH) },
    { DRAFTING_DOCUMENT_RESOLUTION, K (PREAMBLE_CLAUSE), K (PREAMBLE_CLAUSE) },
    { DRAFTING_DOCUMENT_RESOLUTION, K (SUB_PARAGRAPH), K (SUB_PARAGRAPH) },
    { DRAFTING_DOCUMENT_RESOLUTION, K (OPERATIVE_FORMULA), K (OPERATIVE_PARAGRAPH) },
    { DRAFTING_DOCUMENT_COMMUNIQUE, K (NARRATIVE_PARAGRAPH), K (NARRATIVE_PARAGRAPH) },
    { DRAFTING_DOCUMENT_COMMUNIQUE, K (STATEMENT), K (STATEMENT) },
    { DRAFTING_DOCUMENT_COMMUNIQUE, K (SPEAKER_FORMULA), K (STATEMENT) },
    { DRAFTING_DOCUMENT_GENERIC, K (PARAGRAPH), K (PARAGRAPH) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingNode) fragment = paste (text, cases[i].type, cases[i].context);
      const DraftingKind kinds[] = { cases[i].kind, cases[i].kind, cases[i].kind };

      assert_kinds (fragment, kinds, G_N_ELEMENTS (kinds));
      g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 0)), ==,
                       "First paragraph broken by the PDF.");
    }

  {
    g_autoptr(DraftingNode) fragment = paste ("(a) one;\n(b) two.\n", DRAFTING_DOCUMENT_RESOLUTION,
                                              DRAFTING_KIND_SUB_PARAGRAPH);
    static const DraftingKind kinds[] = { K (SUB_PARAGRAPH), K (SUB_PARAGRAPH) };

    assert_kinds (fragment, kinds, G_N_ELEMENTS (kinds));
    g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 1)), ==, "two.");
  }
}

/* Hard line breaks inside a paragraph, a page number and a clause broken
 * across a page are mended as the importer mends them. */
static void
test_fragment_mended (void)
{
  g_autoptr(DraftingNode) fragment = paste (
    "Invites Customs administrations to work\r\nin partnership with relevant\r\n"
    "stakeholders, in particular Annexes 9 and\r\n\r\n- 2 -\r\n\r\n"
    "17 of the Chicago Convention ;\r\n",
    DRAFTING_DOCUMENT_RESOLUTION, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  static const DraftingKind kinds[] = { K (OPERATIVE_PARAGRAPH) };

  assert_kinds (fragment, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 0)), ==,
                   "Invites Customs administrations to work in partnership with relevant "
                   "stakeholders, in particular Annexes 9 and 17 of the Chicago Convention;");
}

static void
test_fragment_single (void)
{
  g_autoptr(DraftingNode) fragment = paste ("Reaffirms its commitment.", DRAFTING_DOCUMENT_COMMUNIQUE,
                                            DRAFTING_KIND_STATEMENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(DraftingNode) refused = NULL;

  g_assert_cmpuint (drafting_node_get_n_children (fragment), ==, 1);
  g_assert_cmpint (drafting_node_get_kind (drafting_node_get_child (fragment, 0)), ==, DRAFTING_KIND_STATEMENT);
  g_assert_cmpstr (drafting_node_get_text (drafting_node_get_child (fragment, 0)), ==, "Reaffirms its commitment.");

  refused = drafting_text_import_fragment ("bad \xff", 5, DRAFTING_DOCUMENT_COMMUNIQUE,
                                           DRAFTING_KIND_STATEMENT, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
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

  g_test_add_func ("/import/family/communique-heads-of-customs", test_family_communique_heads);
  g_test_add_func ("/import/family/communique-three-line-title", test_family_communique_three_lines);
  g_test_add_func ("/import/family/communique-one-line-title", test_family_communique_one_line);
  g_test_add_func ("/import/family/resolution-restarting-lists", test_family_resolution_restarting);
  g_test_add_func ("/import/family/resolution-formulas", test_family_resolution_formulas);
  g_test_add_func ("/import/fragment/preamble-clauses", test_fragment_preamble);
  g_test_add_func ("/import/fragment/operative-paragraphs", test_fragment_operative);
  g_test_add_func ("/import/fragment/plain-paragraphs", test_fragment_plain);
  g_test_add_func ("/import/fragment/hard-line-breaks", test_fragment_mended);
  g_test_add_func ("/import/fragment/single-paragraph", test_fragment_single);

  return g_test_run ();
}
