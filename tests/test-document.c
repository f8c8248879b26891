/* test-document.c: the model's operations, undo, identifiers and numbering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-test-utils.h"

/* A small resolution: heading, two clauses, formula, three paragraphs with
 * sub-paragraphs under the second, an annex with a principle. */
static DraftingDocument *
new_resolution (void)
{
  return drafting_test_import_string (
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "(Brussels, June 2011)\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
    "\n"
    "NOTING that natural disasters are increasing,\n"
    "\n"
    "RECOGNIZING the role of Customs, and\n"
    "\n"
    "DESIRING to help,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "1. First paragraph;\n"
    "\n"
    "2. Second paragraph:\n"
    "(a) first point;\n"
    "(b) second point; and\n"
    "\n"
    "3. Third paragraph.\n",
    NULL);
}

/* The document's text, one element a line, to compare states. */
static char *
snapshot (DraftingDocument *document)
{
  g_autofree char *outline = drafting_outline_to_text (document);
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);

  return g_strdup_printf ("%s\n%.*s", outline, (int) g_bytes_get_size (bytes),
                          (const char *) g_bytes_get_data (bytes, NULL));
}

static char *
number_of (DraftingNode *node)
{
  return drafting_node_get_number (node);
}

static void
assert_number (DraftingNode *node,
               const char   *expected)
{
  g_autofree char *number = number_of (node);

  g_assert_cmpstr (number, ==, expected);
}

typedef struct
{
  guint n_items;   /* the flat list's length, as its signals tell it */
  guint changes;
} ListWatch;

static void
on_items_changed (GListModel *model G_GNUC_UNUSED,
                  guint       position G_GNUC_UNUSED,
                  guint       removed,
                  guint       added,
                  ListWatch  *watch)
{
  watch->n_items = watch->n_items - removed + added;
  watch->changes++;
}

static void
test_numbers_derived (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *point_b = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);
  g_autoptr(DraftingNode) fresh = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                NULL, "New first paragraph;");
  g_autoptr(GError) error = NULL;

  assert_number (first, "1.");
  assert_number (third, "3.");
  assert_number (point_b, "(b)");

  /* The numbers are not text: the text has none. */
  g_assert_cmpstr (drafting_node_get_text (first), ==, "First paragraph;");

  /* Inserting before renumbers all that follows. */
  g_assert_true (drafting_document_insert (document, drafting_node_get_parent (first),
                                           drafting_node_get_index (first), fresh, &error));
  g_assert_no_error (error);
  assert_number (fresh, "1.");
  assert_number (first, "2.");
  assert_number (second, "3.");
  assert_number (third, "4.");

  /* Moving renumbers; so does changing the style. */
  g_assert_true (drafting_document_move (document, third, drafting_node_get_parent (third),
                                         drafting_node_get_index (fresh), &error));
  assert_number (third, "1.");
  assert_number (fresh, "2.");

  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  assert_number (second, "IV.");
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_SUB_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN);
  assert_number (point_b, "(ii)");
}

static void
test_number_styles (void)
{
  static const struct { DraftingNumberStyle style; guint n; const char *expected; } cases[] = {
    { DRAFTING_NUMBER_STYLE_ARABIC_PERIOD, 12, "12." },
    { DRAFTING_NUMBER_STYLE_ARABIC, 3, "3" },
    { DRAFTING_NUMBER_STYLE_ARABIC_PAREN, 3, "(3)" },
    { DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN, 1, "(a)" },
    { DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN, 27, "(aa)" },
    { DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD, 26, "z." },
    { DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD, 28, "AB." },
    { DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD, 9, "ix." },
    { DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN, 14, "(xiv)" },
    { DRAFTING_NUMBER_STYLE_UPPER_ROMAN, 1994, "MCMXCIV" },
    { DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD, 8, "VIII." },
    { DRAFTING_NUMBER_STYLE_UPPER_ROMAN, 4000, "4000" },
    { DRAFTING_NUMBER_STYLE_NONE, 5, "" },
    { DRAFTING_NUMBER_STYLE_BULLET, 5, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = drafting_number_style_format (cases[i].style, cases[i].n);

      g_assert_cmpstr (number, ==, cases[i].expected);
    }

  g_assert_cmpuint (drafting_parse_roman ("xiv", 3), ==, 14);
  g_assert_cmpuint (drafting_parse_roman ("MCMXCIV", 7), ==, 1994);
  g_assert_cmpuint (drafting_parse_roman ("iiii", 4), ==, 0);
  g_assert_cmpuint (drafting_parse_roman ("vx", 2), ==, 0);

  for (guint i = 0; i < DRAFTING_N_NUMBER_STYLES; i++)
    g_assert_cmpint (drafting_number_style_from_string (drafting_number_style_to_string (i)), ==, i);
  for (guint i = 0; i < DRAFTING_N_NUMBERING_SLOTS; i++)
    g_assert_cmpint (drafting_numbering_slot_from_string (drafting_numbering_slot_to_string (i)), ==, i);
  for (guint i = 0; i < DRAFTING_N_KINDS; i++)
    g_assert_cmpint (drafting_kind_from_string (drafting_kind_to_string (i)), ==, i);
}

static void
test_insert_delete_undo (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  g_autoptr(GError) error = NULL;
  ListWatch watch = { g_list_model_get_n_items (G_LIST_MODEL (document)), 0 };
  DraftingNode *fresh;
  guint n_before = watch.n_items;

  g_signal_connect (document, "items-changed", G_CALLBACK (on_items_changed), &watch);
  g_assert_false (drafting_document_get_modified (document));
  g_assert_false (drafting_document_can_undo (document));

  fresh = drafting_document_insert_new (document, clause, DRAFTING_KIND_PREAMBLE_CLAUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  g_assert_nonnull (drafting_node_get_id (fresh));
  /* After the clause the cursor was in. */
  g_assert_true (drafting_node_get_previous_sibling (fresh) == clause);
  g_assert_cmpuint (watch.n_items, ==, n_before + 1);
  g_assert_true (drafting_document_get_modified (document));
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Insert “Preambular clause”");

  drafting_document_delete (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1));
  /* The paragraph went with its two sub-paragraphs. */
  g_assert_cmpuint (watch.n_items, ==, n_before + 1 - 3);
  g_assert_cmpuint (watch.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (document)));
  after = snapshot (document);

  g_assert_true (drafting_document_undo (document));
  g_assert_true (drafting_document_undo (document));
  g_assert_false (drafting_document_can_undo (document));
  g_assert_false (drafting_document_get_modified (document));
  {
    g_autofree char *undone = snapshot (document);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_cmpuint (watch.n_items, ==, n_before);

  g_assert_true (drafting_document_redo (document));
  g_assert_true (drafting_document_redo (document));
  redone = snapshot (document);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (drafting_document_get_modified (document));
}

static void
test_ids_stable (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  g_autofree char *second_id = g_strdup (drafting_node_get_id (second));
  g_autofree char *point_id = g_strdup (drafting_node_get_id (point));
  g_autoptr(DraftingNode) copy = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  /* Every element has its own identifier. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), i);

      g_assert_nonnull (drafting_node_get_id (node));
      g_assert_false (g_hash_table_contains (ids, drafting_node_get_id (node)));
      g_hash_table_add (ids, g_strdup (drafting_node_get_id (node)));
      g_assert_true (drafting_document_lookup (document, drafting_node_get_id (node)) == node);
    }

  /* Moves, edits, deletion and its undo keep them. */
  drafting_document_move_up (document, second);
  drafting_document_set_text (document, point, "rewritten point;");
  g_assert_true (drafting_document_indent (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2), NULL));
  drafting_document_delete (document, second);
  g_assert_null (drafting_document_lookup (document, second_id));
  drafting_document_undo (document);
  g_assert_true (drafting_document_lookup (document, second_id) == second);
  g_assert_cmpstr (drafting_node_get_id (point), ==, point_id);

  /* A copy put in the same document gets identifiers of its own. */
  copy = drafting_node_copy (second);
  g_assert_cmpstr (drafting_node_get_id (copy), ==, second_id);
  g_assert_true (drafting_document_insert (document, drafting_document_get_root (document),
                                           drafting_node_get_n_children (drafting_document_get_root (document)),
                                           copy, NULL));
  g_assert_cmpstr (drafting_node_get_id (copy), !=, second_id);
  g_assert_cmpstr (drafting_node_get_id (drafting_node_get_child (copy, 0)), !=, point_id);
  g_assert_true (drafting_document_lookup (document, second_id) == second);

  /* And through a save and a load. */
  {
    g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
    g_autoptr(GError) error = NULL;
    g_autoptr(DraftingDocument) loaded = drafting_native_load_bytes (bytes, &error);
    DraftingNode *again;

    g_assert_no_error (error);
    again = drafting_document_lookup (loaded, point_id);
    g_assert_nonnull (again);
    g_assert_cmpstr (drafting_node_get_text (again), ==, "rewritten point;");
    g_assert_nonnull (drafting_document_lookup (loaded, second_id));
  }
}

static void
test_move_rules (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (document);
  g_autofree char *now = NULL;

  /* A clause cannot go in an operative paragraph, nor an element in itself. */
  g_assert_false (drafting_document_move (document, clause, paragraph, 0, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (drafting_document_move (document, paragraph, point, 0, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  /* A sub-paragraph cannot stand alone at the top. */
  g_assert_false (drafting_document_move (document, point, drafting_document_get_root (document), 0, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Nothing changed, nothing to undo. */
  now = snapshot (document);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (drafting_document_can_undo (document));

  /* Up and down among siblings. */
  g_assert_false (drafting_document_move_up (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0)));
  g_assert_true (drafting_document_move_down (document, point));
  assert_number (point, "(b)");
  g_assert_false (drafting_document_move_down (document, point));
  g_assert_true (drafting_document_move_up (document, point));
  assert_number (point, "(a)");
}

static void
test_indent_outdent (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *point_a = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  DraftingNode *point_b = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);
  DraftingNode *second = drafting_node_get_parent (point_a);
  g_autofree char *before = snapshot (document);
  g_autoptr(GError) error = NULL;

  /* The third paragraph becomes sub-paragraph (c) of the second. */
  g_assert_true (drafting_document_indent (document, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (drafting_node_get_kind (third), ==, DRAFTING_KIND_SUB_PARAGRAPH);
  g_assert_true (drafting_node_get_parent (third) == second);
  assert_number (third, "(c)");

  /* The first paragraph has nothing before it to go under. */
  g_assert_false (drafting_document_indent (document, first, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Outdenting (a) makes it paragraph 3; (b) and (c) follow it inside. */
  g_assert_true (drafting_document_outdent (document, point_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (drafting_node_get_kind (point_a), ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  assert_number (point_a, "3.");
  g_assert_true (drafting_node_get_parent (point_b) == point_a);
  assert_number (point_b, "(a)");
  assert_number (third, "(b)");
  g_assert_cmpuint (drafting_node_get_n_children (second), ==, 0);

  drafting_document_undo (document);
  drafting_document_undo (document);
  {
    g_autofree char *undone = snapshot (document);

    g_assert_cmpstr (undone, ==, before);
  }
}

static void
test_split_merge (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *formula = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0);
  g_autofree char *before = snapshot (document);
  g_autoptr(GError) error = NULL;
  DraftingNode *fresh;
  guint offset = 0;

  /* Splitting in the middle: the rest and the sub-paragraphs go along. */
  fresh = drafting_document_split (document, second, strlen ("Second"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (drafting_node_get_text (second), ==, "Second");
  g_assert_cmpstr (drafting_node_get_text (fresh), ==, " paragraph:");
  g_assert_cmpint (drafting_node_get_kind (fresh), ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  g_assert_cmpuint (drafting_node_get_n_children (second), ==, 0);
  g_assert_cmpuint (drafting_node_get_n_children (fresh), ==, 2);
  assert_number (fresh, "3.");
  assert_number (third, "4.");

  /* Merging joins it back: the text, and the children in their place. */
  g_assert_true (drafting_document_merge (document, fresh, &offset, &error) == second);
  g_assert_no_error (error);
  g_assert_cmpuint (offset, ==, strlen ("Second"));
  g_assert_cmpstr (drafting_node_get_text (second), ==, "Second paragraph:");
  g_assert_cmpuint (drafting_node_get_n_children (second), ==, 2);
  assert_number (third, "3.");

  /* Enter at the end of the formula goes to the first operative paragraph
   * (see /document/split-formula); at the end of a paragraph with
   * sub-paragraphs, it makes its first sub-paragraph. */
  fresh = drafting_document_split (document, formula,
                                   drafting_inline_get_length (drafting_node_get_content (formula)),
                                   &error);
  g_assert_cmpint (drafting_node_get_kind (fresh), ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  assert_number (fresh, "1.");
  fresh = drafting_document_split (document, second, strlen ("Second paragraph:"), &error);
  g_assert_cmpint (drafting_node_get_kind (fresh), ==, DRAFTING_KIND_SUB_PARAGRAPH);
  g_assert_true (drafting_node_get_parent (fresh) == second);
  assert_number (fresh, "(a)");

  /* Enter at the start of a text makes an empty element before it. */
  g_assert_true (drafting_document_split (document, third, 0, &error) == third);
  assert_number (third, "4.");

  /* Split, merge, and the two Enters that made an element. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (drafting_document_undo (document));
  g_assert_false (drafting_document_can_undo (document));
  {
    g_autofree char *undone = snapshot (document);

    g_assert_cmpstr (undone, ==, before);
  }
}

/* Enter anywhere in a formula, in its leading phrase ("RESOLVES") or in
 * its text, goes on to the element that follows it, made if there is none
 * of the kind that follows a formula: a document never has a second one. */
static void
test_split_formula (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) communique = NULL;
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *authority = drafting_test_find (document, DRAFTING_KIND_AUTHORITY, 0);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *formula = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *speaker;
  guint len = drafting_inline_get_length (drafting_node_get_content (formula));
  const guint offsets[] = { 0, len / 2, len };
  g_autofree char *before = snapshot (document);
  g_autoptr(GError) error = NULL;
  DraftingNode *next;

  g_assert_cmpstr (drafting_node_get_lead (formula), ==, "RESOLVES");
  g_assert_cmpuint (len, >, 0);

  /* The cursor goes to the first paragraph, and nothing changes. */
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      next = drafting_document_split (document, formula, offsets[i], &error);
      g_assert_no_error (error);
      g_assert_true (next == first);
      g_assert_cmpuint (drafting_test_count_children (root, DRAFTING_KIND_OPERATIVE_FORMULA),
                        ==, 1);
    }
  next = drafting_document_split (document, authority, 0, &error);
  g_assert_no_error (error);
  g_assert_true (next == clause);
  len = drafting_inline_get_length (drafting_node_get_content (authority));
  next = drafting_document_split (document, authority, len / 2, &error);
  g_assert_no_error (error);
  g_assert_true (next == clause);
  g_assert_cmpuint (drafting_test_count_children (root, DRAFTING_KIND_AUTHORITY), ==, 1);
  g_assert_false (drafting_document_can_undo (document));
  {
    g_autofree char *after = snapshot (document);

    g_assert_cmpstr (after, ==, before);
  }

  /* With no paragraph after the formula, Enter makes the first one there. */
  while (drafting_test_count_children (root, DRAFTING_KIND_OPERATIVE_PARAGRAPH) > 0)
    drafting_document_delete (document,
                              drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0));
  next = drafting_document_split (document, formula, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpint (drafting_node_get_kind (next), ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  g_assert_true (drafting_node_get_parent (next) == root);
  g_assert_cmpuint (drafting_node_get_index (next), ==, drafting_node_get_index (formula) + 1);
  g_assert_cmpstr (drafting_node_get_text (next), ==, "");
  assert_number (next, "1.");
  g_assert_cmpuint (drafting_test_count_children (root, DRAFTING_KIND_OPERATIVE_FORMULA), ==, 1);
  g_assert_cmpstr (drafting_node_get_lead (formula), ==, "RESOLVES");
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (drafting_test_count_children (root, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 0);

  /* A communiqué's speaker formula goes on to its first statement. */
  communique = drafting_document_new_from_template (DRAFTING_DOCUMENT_COMMUNIQUE);
  speaker = drafting_test_find (communique, DRAFTING_KIND_SPEAKER_FORMULA, 0);
  next = drafting_document_split (communique, speaker, 0, &error);
  g_assert_no_error (error);
  g_assert_true (next == drafting_test_find (communique, DRAFTING_KIND_STATEMENT, 0));
  g_assert_false (drafting_document_can_undo (communique));
}

static void
test_merge_keeps_footnotes (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *note;
  DraftingNode *target;
  guint offset;

  note = drafting_document_add_footnote (document, third, strlen ("Third"), "A note.");
  g_assert_true (drafting_node_get_parent (note) == third);
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (third), drafting_node_get_id (note)));
  assert_number (note, "1");

  drafting_document_add_footnote (document, first, 0, "An earlier note.");
  assert_number (note, "2");

  /* Backspace at the start of the third paragraph: it joins the end of
   * sub-paragraph (b), and its footnote goes with its text. */
  target = drafting_document_merge (document, third, &offset, NULL);
  g_assert_nonnull (target);
  g_assert_cmpint (drafting_node_get_kind (target), ==, DRAFTING_KIND_SUB_PARAGRAPH);
  g_assert_true (drafting_node_get_parent (note) == target);
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (target), drafting_node_get_id (note)));
  g_assert_cmpstr (drafting_node_get_text (target), ==, "second point; andThird paragraph.");

  /* Deleting a footnote takes its call out of the text. */
  drafting_document_delete (document, note);
  g_assert_false (drafting_inline_has_ref (drafting_node_get_content (target), drafting_node_get_id (note)));
  drafting_document_undo (document);
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (target), drafting_node_get_id (note)));
}

static void
test_change_kind (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "NOTING");

  /* A clause becoming a paragraph keeps its words, leading phrase included. */
  g_assert_true (drafting_document_set_kind (document, clause, DRAFTING_KIND_PARAGRAPH, &error));
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "");
  g_assert_cmpstr (drafting_node_get_text (clause), ==, "NOTING that natural disasters are increasing,");

  /* And back: the capitals become the leading phrase again. */
  g_assert_true (drafting_document_set_kind (document, clause, DRAFTING_KIND_PREAMBLE_CLAUSE, &error));
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "NOTING");
  g_assert_cmpstr (drafting_node_get_text (clause), ==, "that natural disasters are increasing,");

  /* What the place does not allow is refused. */
  g_assert_false (drafting_document_set_kind (document, point, DRAFTING_KIND_PREAMBLE_CLAUSE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (drafting_document_set_kind (document, paragraph, DRAFTING_KIND_STATEMENT, &error));
  assert_number (drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0), "1.");

  drafting_document_undo (document);
  assert_number (paragraph, "1.");
}

static void
test_typing_coalesces (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  const char *words[] = { "F", "Fi", "Fir", "Firs", "First" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(DraftingInline) content = drafting_inline_new (words[i]);

      drafting_document_set_content (document, paragraph, content, DRAFTING_EDIT_COALESCE);
    }

  /* One undo takes back the word typed. */
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==,
                   "Undo Typing in operative paragraph 1");
  drafting_document_undo (document);
  g_assert_cmpstr (drafting_node_get_text (paragraph), ==, "First paragraph;");
  g_assert_false (drafting_document_can_undo (document));

  /* Saving in the middle stops coalescing: the saved state stays reachable. */
  {
    g_autoptr(DraftingInline) one = drafting_inline_new ("A");
    g_autoptr(DraftingInline) two = drafting_inline_new ("AB");

    drafting_document_set_content (document, paragraph, one, DRAFTING_EDIT_COALESCE);
    drafting_document_set_modified (document, FALSE);
    drafting_document_set_content (document, paragraph, two, DRAFTING_EDIT_COALESCE);
    g_assert_true (drafting_document_get_modified (document));
    drafting_document_undo (document);
    g_assert_false (drafting_document_get_modified (document));
    g_assert_cmpstr (drafting_node_get_text (paragraph), ==, "A");
  }
}

static void
type_into (DraftingDocument *document,
           DraftingNode     *node,
           const char       *text)
{
  g_autoptr(DraftingInline) content = drafting_inline_new (text);

  drafting_document_set_content (document, node, content, DRAFTING_EDIT_COALESCE);
}

/* The undo menu says what typing changed and where, by the element's
 * number as it is printed, or its place among its kind when it prints
 * none (the preambular clauses). */
static void
test_typing_labels (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_auto(GStrv) labels = NULL;
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);
  DraftingNode *heading = drafting_test_find (document, DRAFTING_KIND_HEADING, 0);
  g_autoptr(DraftingDocument) communique =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_COMMUNIQUE);
  DraftingNode *title = drafting_test_find (communique, DRAFTING_KIND_TITLE, 0);

  type_into (document, clause, "the role of Customs");
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==,
                   "Undo Typing in preambular clause 2");
  type_into (document, paragraph, "Third paragraph, amended.");
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==,
                   "Undo Typing in operative paragraph 3");
  type_into (document, point, "second point, amended; and");
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==,
                   "Undo Typing in sub-paragraph (b) of operative paragraph 2");
  type_into (document, heading, "RESOLUTION OF THE COUNCIL");
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==,
                   "Undo Typing in the heading");

  /* The menu lists each, not "Typing" again and again. */
  labels = drafting_document_list_undo_labels (document, 12);
  g_assert_cmpuint (g_strv_length (labels), ==, 4);
  g_assert_cmpstr (labels[3], ==, "Typing in preambular clause 2");
  g_assert_cmpstr (labels[0], ==, "Typing in the heading");

  g_assert_nonnull (title);
  type_into (communique, title, "A new title");
  g_assert_cmpstr (drafting_document_get_undo_label (communique), ==, "Undo Typing in the title");
}

static void
test_user_action_groups (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *before = snapshot (document);
  g_auto(GStrv) labels = NULL;

  drafting_document_begin_action (document, "Tidy Up");
  drafting_document_delete (document, drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0));
  drafting_document_set_title (document, "A new title");
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_NONE);
  g_assert_false (drafting_document_can_undo (document));
  drafting_document_end_action (document);

  drafting_document_set_symbol (document, "PC0484E");

  labels = drafting_document_list_undo_labels (document, 10);
  g_assert_cmpuint (g_strv_length (labels), ==, 2);
  g_assert_cmpstr (labels[0], ==, "Change Symbol");
  g_assert_cmpstr (labels[1], ==, "Tidy Up");

  drafting_document_undo (document);
  drafting_document_undo (document);
  {
    g_autofree char *undone = snapshot (document);

    g_assert_cmpstr (undone, ==, before);
  }
}

static void
test_find_replace (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GArray) all = drafting_document_find (document, "e-commerce", DRAFTING_FIND_NONE);
  g_autoptr(GArray) cased = drafting_document_find (document, "e-commerce", DRAFTING_FIND_MATCH_CASE);
  g_autoptr(GArray) words = drafting_document_find (document, "data", DRAFTING_FIND_WHOLE_WORDS);
  g_autoptr(GArray) parts = drafting_document_find (document, "data", DRAFTING_FIND_NONE);
  g_autoptr(GArray) left = NULL;
  guint replaced;

  /* As grep -i -o counts them in the text. */
  g_assert_cmpuint (all->len, ==, 33);
  g_assert_cmpuint (cased->len, ==, 0);
  /* "database" would match as a part, not as a word. */
  g_assert_cmpuint (words->len, <=, parts->len);
  g_assert_cmpuint (words->len, ==, 32);

  /* The leading phrases are searched too. */
  {
    g_autoptr(GArray) leads = drafting_document_find (document, "ACKNOWLEDGING", DRAFTING_FIND_MATCH_CASE);

    g_assert_cmpuint (leads->len, ==, 3);
    g_assert_true (g_array_index (leads, DraftingMatch, 0).in_lead);
  }

  replaced = drafting_document_replace_all (document, "E-Commerce", "e-commerce", DRAFTING_FIND_MATCH_CASE);
  g_assert_cmpuint (replaced, ==, 32);
  left = drafting_document_find (document, "E-Commerce", DRAFTING_FIND_MATCH_CASE);
  g_assert_cmpuint (left->len, ==, 0);

  /* One step to undo. */
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Replace All");
  drafting_document_undo (document);
  {
    g_autoptr(GArray) back = drafting_document_find (document, "E-Commerce", DRAFTING_FIND_MATCH_CASE);

    g_assert_cmpuint (back->len, ==, replaced);
  }
}

static void
test_templates (void)
{
  static const DraftingDocumentType types[] = {
    DRAFTING_DOCUMENT_RESOLUTION, DRAFTING_DOCUMENT_COMMUNIQUE, DRAFTING_DOCUMENT_GENERIC,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(DraftingDocument) document = drafting_document_new_from_template (types[i]);
      g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (drafting_document_get_modified (document));
      g_assert_false (drafting_document_can_undo (document));
      loaded = drafting_native_load_bytes (bytes, &error);
      g_assert_no_error (error);

      if (types[i] == DRAFTING_DOCUMENT_RESOLUTION)
        {
          g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_FORMULA), ==, 1);
          g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_AUTHORITY), ==, 1);
        }
      else if (types[i] == DRAFTING_DOCUMENT_COMMUNIQUE)
        g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_SPEAKER_FORMULA), ==, 1);
    }
}

static void
test_insert_positions (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *last_clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 2);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0);
  DraftingNode *node;

  /* A clause asked for in the operative part goes after the preamble. */
  node = drafting_document_insert_new (document, paragraph, DRAFTING_KIND_PREAMBLE_CLAUSE, NULL);
  g_assert_true (drafting_node_get_previous_sibling (node) == last_clause);

  /* A sub-paragraph in a paragraph goes first in it; in a sub-paragraph,
   * after it. */
  node = drafting_document_insert_new (document, paragraph, DRAFTING_KIND_SUB_PARAGRAPH, NULL);
  g_assert_true (drafting_node_get_parent (node) == paragraph);
  node = drafting_document_insert_new (document, point, DRAFTING_KIND_SUB_PARAGRAPH, NULL);
  g_assert_true (drafting_node_get_previous_sibling (node) == point);

  /* An item has no place in a resolution without an annex. */
  g_assert_null (drafting_document_insert_new (document, paragraph, DRAFTING_KIND_ITEM, NULL));

  /* A principle goes at the end, in an annex made for it. */
  node = drafting_document_insert_new (document, paragraph, DRAFTING_KIND_ANNEX, NULL);
  g_assert_true (drafting_node_get_next_sibling (node) == NULL);
  node = drafting_document_insert_new (document, node, DRAFTING_KIND_PRINCIPLE, NULL);
  assert_number (node, "I");
  node = drafting_document_insert_new (document, node, DRAFTING_KIND_ITEM, NULL);
  assert_number (node, "i.");
}

static void
test_nesting_bounded (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GError) error = NULL;
  DraftingNode *parent = drafting_document_get_root (document);
  g_autoptr(DraftingNode) top = drafting_node_new (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL);
  guint depth = 1;

  g_assert_true (drafting_document_insert (document, parent, 0, top, NULL));
  parent = top;
  for (;;)
    {
      g_autoptr(DraftingNode) sub = drafting_node_new (DRAFTING_KIND_SUB_PARAGRAPH, NULL);

      if (!drafting_document_insert (document, parent, 0, sub, &error))
        break;
      parent = sub;
      depth++;
      g_assert_cmpuint (depth, <=, DRAFTING_MAX_DEPTH);
    }

  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_DEEP);
  g_assert_cmpuint (depth, ==, DRAFTING_MAX_DEPTH);
}

static void
test_lead_phrases (void)
{
  static const struct { const char *text; const char *lead; } cases[] = {
    { "BEARING IN MIND that E-Commerce offers", "BEARING IN MIND" },
    { "HAVING REGARD to the WCO Revised Kyoto Convention", "HAVING REGARD" },
    { "TAKING INTO ACCOUNT the different levels", "TAKING INTO ACCOUNT" },
    { "RECALLING WCO Council Resolution", "RECALLING" },
    { "NOTING THE WCO role", "NOTING" },
    { "RESOLVES that the WCO:", "RESOLVES" },
    { "RESOLVES:", "RESOLVES" },
    { "Endorses the principles", "" },
    { "WCO members agree", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = drafting_text_lead_length (cases[i].text);
      g_autofree char *lead = g_strndup (cases[i].text, len);

      g_assert_cmpstr (lead, ==, cases[i].lead);
    }
}

/* A summary is the text on one line, cut at a word with an ellipsis when
 * it is longer than asked for, however long the text. */
static void
test_summaries (void)
{
  static const struct { const char *text; guint max; const char *summary; } cases[] = {
    { "Decides to review", 48, "Decides to review" },
    { "  Decides\n  to\treview  ", 48, "Decides to review" },
    { "Decides to review the implementation", 20, "Decides to review…" },
    { "Decides to review", 17, "Decides to review" },
    { "Decides to review ", 17, "Decides to review" },
    { "Decides to review.", 17, "Decides to…" },
    { "Supercalifragilisticexpialidocious", 10, "Supercali…" },
    { "Décide d’examiner la mise en œuvre", 16, "Décide d’examin…" },
    { "Décide d’examiner la mise en œuvre", 20, "Décide d’examiner…" },
    { "", 10, "" },
    { "No limit at all, however long the text may be", 0, "No limit at all, however long the text may be" },
  };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = drafting_text_summarize (cases[i].text, cases[i].max);

      g_assert_cmpstr (got, ==, cases[i].summary);
    }

  for (guint i = 0; i < 100000; i++)
    g_string_append (long_text, "and further ");
  summary = drafting_text_summarize (long_text->str, 30);
  g_assert_cmpstr (summary, ==, "and further and further and…");
}

/* What a document prints around its text is in the document's language,
 * whatever the interface speaks. */
static void
test_printed_words (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  DraftingNode *heading = drafting_test_find (document, DRAFTING_KIND_HEADING, 0);
  DraftingNode *principle = drafting_test_find (document, DRAFTING_KIND_PRINCIPLE, 3);
  DraftingNode *annex = drafting_test_find (document, DRAFTING_KIND_ANNEX, 0);
  static const struct { const char *language; const char *prefix; const char *principle; const char *annex; } cases[] = {
    { "en", "DRAFT ", "PRINCIPLE IV", "ANNEX" },
    { "fr", "PROJET DE ", "PRINCIPE IV", "ANNEXE" },
    { "es", "PROYECTO DE ", "PRINCIPIO IV", "ANEXO" },
    { "ru", "ПРОЕКТ ", "ПРИНЦИП IV", "ПРИЛОЖЕНИЕ" },
    { "ar", "مشروع ", "المبدأ IV", "المرفق" },
    { "pt", "PROJETO DE ", "PRINCÍPIO IV", "ANEXO" },
    { "de", "DRAFT ", "PRINCIPLE IV", "ANNEX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefix = NULL;
      g_autofree char *label = NULL;
      g_autofree char *annex_label = NULL;

      drafting_document_set_language (document, cases[i].language);
      prefix = drafting_render_prefix (heading);
      label = drafting_render_label (principle);
      annex_label = drafting_render_label (annex);
      g_assert_cmpstr (prefix, ==, cases[i].prefix);
      g_assert_cmpstr (label, ==, cases[i].principle);
      g_assert_cmpstr (annex_label, ==, cases[i].annex);
    }

  drafting_document_set_status (document, DRAFTING_STATUS_ADOPTED);
  {
    g_autofree char *prefix = drafting_render_prefix (heading);

    g_assert_cmpstr (prefix, ==, "");
  }
}

/* ------------------------------------------------------------------ */
/* Snapshots                                                           */

/* A resolution with something of everything a snapshot copies: leading
 * phrases, emphasis, footnotes, metadata, numbering styles, a history. */
static DraftingDocument *
new_rich_resolution (void)
{
  DraftingDocument *document = new_resolution ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *point = drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 1);

  drafting_document_set_title (document, "Disaster relief");
  drafting_document_set_body (document, "Customs Co-operation Council");
  drafting_document_set_symbol (document, "CCC/2011/1");
  drafting_document_set_place (document, "Brussels");
  drafting_document_set_date (document, "June 2011");
  drafting_document_set_language (document, "fr-CA");
  drafting_document_set_status (document, DRAFTING_STATUS_REVISED);
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_SUB_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN);
  drafting_document_toggle_style (document, first, DRAFTING_MARK_EMPHASIS, 0, 5);
  drafting_document_toggle_style (document, point, DRAFTING_MARK_STRONG, 2, 8);
  g_assert_nonnull (drafting_document_add_footnote (document, first, 5, "A note, *in* it."));
  g_assert_nonnull (drafting_document_add_footnote (document, point, 0, "Another."));

  return document;
}

static void
assert_same_tree (DraftingNode *expected,
                  DraftingNode *actual)
{
  g_autofree char *expected_number = drafting_node_get_number (expected);
  g_autofree char *actual_number = drafting_node_get_number (actual);

  g_assert_true (expected != actual);
  g_assert_cmpint (drafting_node_get_kind (actual), ==, drafting_node_get_kind (expected));
  g_assert_cmpstr (drafting_node_get_id (actual), ==, drafting_node_get_id (expected));
  g_assert_cmpstr (drafting_node_get_lead (actual), ==, drafting_node_get_lead (expected));
  g_assert_true (drafting_inline_equal (drafting_node_get_content (actual),
                                        drafting_node_get_content (expected)));
  g_assert_cmpstr (actual_number, ==, expected_number);
  g_assert_cmpuint (drafting_node_get_n_children (actual), ==,
                    drafting_node_get_n_children (expected));

  for (guint i = 0; i < drafting_node_get_n_children (expected); i++)
    {
      DraftingNode *child = drafting_node_get_child (actual, i);

      g_assert_true (drafting_node_get_parent (child) == actual);
      assert_same_tree (drafting_node_get_child (expected, i), child);
    }
}

/* A snapshot is the same document: the same elements under the same
 * identifiers, the same metadata, the same bytes saved; but with no
 * history, and unmodified. */
static void
test_snapshot_same (void)
{
  g_autoptr(DraftingDocument) document = new_rich_resolution ();
  g_autoptr(DraftingDocument) copy = drafting_document_snapshot (document);
  g_autoptr(DraftingDocument) communique =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_COMMUNIQUE);
  g_autoptr(DraftingDocument) communique_copy = drafting_document_snapshot (communique);
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
  g_autoptr(GBytes) copy_bytes = drafting_test_save_bytes (copy);
  g_autoptr(GBytes) communique_bytes = drafting_test_save_bytes (communique);
  g_autoptr(GBytes) communique_copy_bytes = drafting_test_save_bytes (communique_copy);
  g_autofree char *outline = drafting_outline_to_text (document);
  g_autofree char *copy_outline = drafting_outline_to_text (copy);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  g_assert_true (drafting_document_get_modified (document));
  g_assert_false (drafting_document_get_modified (copy));
  g_assert_false (drafting_document_can_undo (copy));
  g_assert_false (drafting_document_can_redo (copy));

  g_assert_true (g_bytes_equal (bytes, copy_bytes));
  g_assert_true (g_bytes_equal (communique_bytes, communique_copy_bytes));
  g_assert_cmpint (drafting_document_get_document_type (communique_copy), ==,
                   DRAFTING_DOCUMENT_COMMUNIQUE);
  g_assert_cmpstr (copy_outline, ==, outline);

  g_assert_cmpstr (drafting_document_get_language (copy), ==, "fr-CA");
  g_assert_cmpint (drafting_document_get_status (copy), ==, DRAFTING_STATUS_REVISED);
  g_assert_cmpint (drafting_document_get_numbering (copy, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH),
                   ==, DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  assert_same_tree (drafting_document_get_root (document), drafting_document_get_root (copy));

  /* Listed in the same order, each found by its identifier. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) original = g_list_model_get_item (G_LIST_MODEL (document), i);
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (copy), i);

      g_assert_cmpstr (drafting_node_get_id (node), ==, drafting_node_get_id (original));
      g_assert_true (drafting_document_lookup (copy, drafting_node_get_id (node)) == node);
      g_assert_true (drafting_node_get_document (node) == copy);
      g_assert_cmpuint (drafting_document_get_position (copy, node), ==, i);
    }
}

static void
edit_everything (DraftingDocument *document)
{
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *note = drafting_test_find (document, DRAFTING_KIND_FOOTNOTE, 0);
  g_autoptr(GError) error = NULL;

  drafting_document_replace_text (document, first, 0, 5, "Changed");
  drafting_document_toggle_style (document, first, DRAFTING_MARK_STRONG, 0, 7);
  drafting_document_set_text (document, note, "Another note altogether.");
  drafting_document_set_lead (document, clause, "OBSERVING", DRAFTING_EDIT_NONE);
  g_assert_nonnull (drafting_document_add_footnote (document, second, 3, "New."));
  g_assert_nonnull (drafting_document_split (document, second, 6, &error));
  g_assert_no_error (error);
  g_assert_nonnull (drafting_document_insert_new (document, first,
                                                  DRAFTING_KIND_OPERATIVE_PARAGRAPH, &error));
  g_assert_no_error (error);
  drafting_document_delete (document,
                            drafting_test_find (document, DRAFTING_KIND_SUB_PARAGRAPH, 0));
  drafting_document_replace_all (document, "paragraph", "clause", DRAFTING_FIND_NONE);
  drafting_document_set_title (document, "Another title");
  drafting_document_set_language (document, "es");
  drafting_document_set_status (document, DRAFTING_STATUS_ADOPTED);
  drafting_document_set_document_type (document, DRAFTING_DOCUMENT_GENERIC);
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_BULLET);
  drafting_document_undo (document);
  drafting_document_undo (document);
  drafting_document_redo (document);
  drafting_document_set_modified (document, FALSE);
}

/* Nothing done to the original afterwards shows in the snapshot, nor the
 * other way round. */
static void
test_snapshot_independent (void)
{
  g_autoptr(DraftingDocument) document = new_rich_resolution ();
  g_autoptr(DraftingDocument) copy = drafting_document_snapshot (document);
  g_autofree char *copy_before = snapshot (copy);
  g_autofree char *document_before = NULL;
  g_autofree char *copy_after = NULL;
  g_autofree char *document_after = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *outline = NULL;
  g_autoptr(GError) error = NULL;
  DraftingNode *node;

  edit_everything (document);
  copy_after = snapshot (copy);
  g_assert_cmpstr (copy_after, ==, copy_before);
  g_assert_false (drafting_document_get_modified (copy));

  /* The snapshot is a document of its own, which can be edited too. */
  document_before = snapshot (document);
  edit_everything (copy);
  document_after = snapshot (document);
  g_assert_cmpstr (document_after, ==, document_before);

  /* Each is as the same edits make it, but for the identifiers of the
   * elements the edits made. */
  edited = drafting_outline_to_text (copy);
  outline = drafting_outline_to_text (document);
  g_assert_cmpstr (edited, ==, outline);

  /* New elements of the snapshot get identifiers no element of it has. */
  for (guint i = 0; i < 50; i++)
    {
      DraftingNode *first = drafting_test_find (copy, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);

      node = drafting_document_insert_new (copy, first, DRAFTING_KIND_OPERATIVE_PARAGRAPH, &error);
      g_assert_no_error (error);
      g_assert_true (drafting_document_lookup (copy, drafting_node_get_id (node)) == node);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (document)) + 50);
}

typedef struct
{
  DraftingDocument *copy;
  GBytes           *bytes;
  char             *text;
} SnapshotJob;

static gpointer
save_snapshot_in_thread (gpointer data)
{
  SnapshotJob *job = data;

  job->bytes = drafting_test_save_bytes (job->copy);
  job->text = drafting_render_document_text (job->copy);
  g_clear_object (&job->copy);

  return NULL;
}

/* Made here, saved and rendered in another thread while the original is
 * edited here: the saved bytes are those of the document when the
 * snapshot was made. */
static void
test_snapshot_in_thread (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GBytes) expected = drafting_test_save_bytes (document);
  g_autofree char *expected_text = drafting_render_document_text (document);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  for (guint round = 0; round < 5; round++)
    {
      SnapshotJob job = { drafting_document_snapshot (document), NULL, NULL };
      GThread *thread = g_thread_new ("snapshot", save_snapshot_in_thread, &job);

      for (guint i = 0; i < n; i += 3)
        {
          g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), i);

          drafting_document_replace_text (document, node, 0, 0, "Edited: ");
        }
      drafting_document_set_title (document, "Edited meanwhile");
      while (drafting_document_can_undo (document))
        drafting_document_undo (document);

      g_thread_join (thread);
      g_assert_true (g_bytes_equal (job.bytes, expected));
      g_assert_cmpstr (job.text, ==, expected_text);
      g_bytes_unref (job.bytes);
      g_free (job.text);
    }
}

/* Characters XML cannot carry, however they come into the model, never
 * reach the file, which opens again. */
static void
test_unsavable_characters_kept_out (void)
{
  g_autoptr(DraftingDocument) document = new_rich_resolution ();
  g_autoptr(DraftingDocument) imported = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(DraftingNode) outside = NULL;
  g_autoptr(DraftingInline) content = drafting_inline_new ("made\x01" "outside\x0b");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  DraftingNode *root;
  DraftingNode *note;
  guint n;

  drafting_document_set_text (document, first, "set\x01with\x0btext\x1f\xef\xbf\xbe");
  drafting_document_replace_text (document, second, 0, 0, "replaced\x01\x0b");
  drafting_document_edit_text (document, third, NULL, content, DRAFTING_EDIT_COALESCE);
  drafting_document_set_lead (document, clause, "LEAD\x01\x0b\n", DRAFTING_EDIT_NONE);
  note = drafting_document_add_footnote (document, first, 0, "note\x01\x0b");
  drafting_document_replace_all (document, "point", "po\x01int\x0b", DRAFTING_FIND_NONE);
  drafting_document_set_title (document, "title\x01\x0b");
  drafting_document_set_body (document, "body\x01\x0b");
  drafting_document_set_symbol (document, "symbol\x01\x0b");
  drafting_document_set_place (document, "place\x01\x0b");
  drafting_document_set_date (document, "date\x01\x0b");
  outside = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "built\x01\x0b");
  root = drafting_document_get_root (document);
  g_assert_true (drafting_document_insert (document, root, drafting_node_get_n_children (root),
                                           outside, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (drafting_node_get_text (first), ==, "set with text \xef\xbf\xbd");
  g_assert_cmpstr (drafting_node_get_text (third), ==, "made outside ");
  g_assert_cmpstr (drafting_node_get_lead (clause), ==, "LEAD   ");
  g_assert_cmpstr (drafting_node_get_text (note), ==, "note  ");
  g_assert_cmpstr (drafting_document_get_title (document), ==, "title  ");

  bytes = drafting_test_save_bytes (document);
  loaded = drafting_native_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (document)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) a = g_list_model_get_item (G_LIST_MODEL (document), i);
      g_autoptr(DraftingNode) b = g_list_model_get_item (G_LIST_MODEL (loaded), i);

      g_assert_cmpstr (drafting_node_get_text (b), ==, drafting_node_get_text (a));
      g_assert_cmpstr (drafting_node_get_lead (b), ==, drafting_node_get_lead (a));
    }

  /* Pasted text goes through the importer. */
  imported = drafting_test_import_string ("RESOLVES:\n\n1. Pasted\x01 with\x0b controls.\n", NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = drafting_test_save_bytes (imported);
  g_clear_object (&loaded);
  loaded = drafting_native_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

/* A long document let go in the main loop frees its elements a few at a
 * turn of the loop, none of which takes long; elsewhere, at once. */
static void
test_freed_gradually (void)
{
  DraftingDocument *document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *last = NULL;
  guint turns = 0;
  gint64 longest = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(DraftingNode) paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                        NULL, "Requests the Secretariat to report;");

      drafting_document_insert (document, root, drafting_node_get_n_children (root), paragraph, NULL);
    }
  last = drafting_node_get_child (root, drafting_node_get_n_children (root) - 1);
  g_object_add_weak_pointer (G_OBJECT (last), (gpointer *) &last);

  g_assert_true (g_main_context_acquire (NULL));
  g_object_unref (document);
  g_assert_nonnull (last);

  while (last != NULL && turns < 100000)
    {
      gint64 start = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - start);
      turns++;
    }
  g_main_context_release (NULL);

  g_assert_null (last);
  g_test_message ("3,000 elements freed in %u turns of the loop, the longest %" G_GINT64_FORMAT " µs",
                  turns, longest);

  /* Outside the main loop, at once. */
  document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  root = drafting_document_get_root (document);
  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(DraftingNode) paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                        NULL, "Invites Members;");

      drafting_document_insert (document, root, drafting_node_get_n_children (root), paragraph, NULL);
    }
  last = drafting_node_get_child (root, 0);
  g_object_add_weak_pointer (G_OBJECT (last), (gpointer *) &last);
  g_object_unref (document);
  g_assert_null (last);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/document/numbers-derived", test_numbers_derived);
  g_test_add_func ("/document/number-styles", test_number_styles);
  g_test_add_func ("/document/insert-delete-undo", test_insert_delete_undo);
  g_test_add_func ("/document/ids-stable", test_ids_stable);
  g_test_add_func ("/document/move-rules", test_move_rules);
  g_test_add_func ("/document/indent-outdent", test_indent_outdent);
  g_test_add_func ("/document/split-merge", test_split_merge);
  g_test_add_func ("/document/split-formula", test_split_formula);
  g_test_add_func ("/document/merge-keeps-footnotes", test_merge_keeps_footnotes);
  g_test_add_func ("/document/change-kind", test_change_kind);
  g_test_add_func ("/document/typing-coalesces", test_typing_coalesces);
  g_test_add_func ("/document/typing-labels", test_typing_labels);
  g_test_add_func ("/document/user-action-groups", test_user_action_groups);
  g_test_add_func ("/document/find-replace", test_find_replace);
  g_test_add_func ("/document/templates", test_templates);
  g_test_add_func ("/document/insert-positions", test_insert_positions);
  g_test_add_func ("/document/nesting-bounded", test_nesting_bounded);
  g_test_add_func ("/document/lead-phrases", test_lead_phrases);
  g_test_add_func ("/document/summaries", test_summaries);
  g_test_add_func ("/document/printed-words", test_printed_words);
  g_test_add_func ("/document/snapshot/same", test_snapshot_same);
  g_test_add_func ("/document/snapshot/independent", test_snapshot_independent);
  g_test_add_func ("/document/snapshot/in-thread", test_snapshot_in_thread);
  g_test_add_func ("/document/unsavable-characters-kept-out", test_unsavable_characters_kept_out);
  g_test_add_func ("/document/freed-gradually", test_freed_gradually);

  return g_test_run ();
}
