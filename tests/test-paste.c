/* test-paste.c: text pasted into a document becomes elements of the right kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-paste.h"
#include "drafting-test-utils.h"

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
    "RESOLVES:\n"
    "\n"
    "1. First paragraph;\n"
    "\n"
    "2. Second paragraph;\n",
    NULL);
}

/* The document as a list of "kind number lead|text" lines. */
static char *
describe (DraftingDocument *document)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), i);
      g_autofree char *number = drafting_node_get_number (node);

      g_string_append_printf (out, "%s %s%s%s|%s\n",
                              drafting_kind_to_string (drafting_node_get_kind (node)),
                              number != NULL ? number : "",
                              number != NULL && number[0] != '\0' ? " " : "",
                              drafting_node_get_lead (node),
                              drafting_node_get_text (node));
    }

  return g_string_free (out, FALSE);
}

static char *
state (DraftingDocument *document)
{
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
paste (DraftingDocument  *document,
       DraftingNode      *node,
       guint              start,
       guint              end,
       const char        *text,
       DraftingNode     **cursor,
       guint             *offset)
{
  g_autoptr(GError) error = NULL;
  DraftingNode *cursor_node = NULL;
  guint cursor_offset = 0;
  gboolean done;

  done = drafting_document_paste_text (document, node, start, end, text,
                                       &cursor_node, &cursor_offset, &error);
  g_assert_no_error (error);
  g_assert_true (done);
  g_assert_nonnull (cursor_node);
  if (cursor != NULL)
    *cursor = cursor_node;
  if (offset != NULL)
    *offset = cursor_offset;
}

/* Several paragraphs pasted at the end of an operative paragraph, as a PDF
 * gives them: broken lines, typed numbers, lettered points. */
static void
test_paste_paragraphs (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *before = state (document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *cursor = NULL;
  guint offset = 0;
  guint n_undo;
  g_auto(GStrv) labels = NULL;

  drafting_document_clear_history (document);
  paste (document, first, strlen (drafting_node_get_text (first)),
         strlen (drafting_node_get_text (first)),
         "3. Invites Members to share their\n"
         "experience of disaster relief;\n"
         "\n"
         "4. Requests the Secretariat to:\n"
         "(a) keep a list of contacts;\n"
         "(b) report to the Council.\n",
         &cursor, &offset);

  after = describe (document);
  g_assert_cmpstr (after, ==,
                   "heading |RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
                   "place-date |\n"
                   "authority |THE CUSTOMS CO-OPERATION COUNCIL,\n"
                   "preamble-clause NOTING|that natural disasters are increasing,\n"
                   "preamble-clause RECOGNIZING|the role of Customs, and\n"
                   "operative-formula RESOLVES|:\n"
                   "operative-paragraph 1. |First paragraph;\n"
                   "operative-paragraph 2. |Invites Members to share their experience of disaster relief;\n"
                   "operative-paragraph 3. |Requests the Secretariat to:\n"
                   "sub-paragraph (a) |keep a list of contacts;\n"
                   "sub-paragraph (b) |report to the Council.\n"
                   "operative-paragraph 4. |Second paragraph;\n");

  /* The cursor at the end of what was pasted. */
  g_assert_cmpint (drafting_node_get_kind (cursor), ==, DRAFTING_KIND_SUB_PARAGRAPH);
  g_assert_cmpstr (drafting_node_get_text (cursor), ==, "report to the Council.");
  g_assert_cmpuint (offset, ==, strlen ("report to the Council."));

  /* One change to undo, called what it was. */
  labels = drafting_document_list_undo_labels (document, 10);
  n_undo = g_strv_length (labels);
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpstr (labels[0], ==, "Paste");
  g_assert_true (drafting_document_undo (document));
  undone = state (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (drafting_document_can_undo (document));
  g_assert_true (drafting_document_redo (document));
  g_free (after);
  after = describe (document);
  g_assert_nonnull (strstr (after, "sub-paragraph (b) |report to the Council.\n"));
}

/* Pasted in the middle of a text: the element is cut there, and what is
 * pasted goes between its halves. */
static void
test_paste_middle (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *after = NULL;
  g_autofree char *head = NULL;
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);

  paste (document, first, strlen ("First "), strlen ("First "),
         "Alpha text\nBravo text\n\nCharlie text\n", NULL, NULL);

  after = describe (document);
  g_assert_nonnull (strstr (after,
                            "operative-paragraph 2. |Alpha text Bravo text\n"
                            "operative-paragraph 3. |Charlie text\n"
                            "operative-paragraph 4. |paragraph;\n"
                            "operative-paragraph 5. |Second paragraph;\n"));
  head = g_strdup (drafting_node_get_text (first));
  g_assert_cmpstr (g_strstrip (head), ==, "First");
}

/* Preambular clauses pasted into a clause keep their leading phrases; at
 * the start of an element they go before it. */
static void
test_paste_clauses (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *after = NULL;
  DraftingNode *noting = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);

  paste (document, noting, 0, 0,
         "CONSIDERING the work of the\nPermanent Technical Committee,\n\n"
         "BEARING IN MIND the Revised Kyoto Convention,\n",
         NULL, NULL);

  after = describe (document);
  g_assert_nonnull (strstr (after,
                            "authority |THE CUSTOMS CO-OPERATION COUNCIL,\n"
                            "preamble-clause CONSIDERING|the work of the Permanent Technical Committee,\n"
                            "preamble-clause BEARING IN MIND|the Revised Kyoto Convention,\n"
                            "preamble-clause NOTING|that natural disasters are increasing,\n"));
  g_assert_null (strstr (after, "preamble-clause |\n"));
}

/* An empty element gives its place to what is pasted. */
static void
test_paste_into_empty (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *fresh;

  fresh = drafting_document_split (document, second, strlen (drafting_node_get_text (second)),
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (drafting_node_get_text (fresh), ==, "");

  paste (document, fresh, 0, 0, "Decides to meet again;\n\nCloses the session.\n", NULL, NULL);

  after = describe (document);
  g_assert_true (g_str_has_suffix (after,
                                   "operative-paragraph 2. |Second paragraph;\n"
                                   "operative-paragraph 3. |Decides to meet again;\n"
                                   "operative-paragraph 4. |Closes the session.\n"));
}

/* One paragraph, even on several lines, is text where the cursor is; one
 * line is pasted as it is, its typed number too. */
static void
test_paste_one_paragraph (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));
  DraftingNode *cursor;
  guint offset;

  paste (document, first, strlen ("First "), strlen ("First "),
         "and most\nurgent\n", &cursor, &offset);
  g_assert_true (cursor == first);
  g_assert_cmpstr (drafting_node_get_text (first), ==, "First and most urgent paragraph;");
  g_assert_cmpuint (offset, ==, strlen ("First and most urgent "));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (document)), ==, n);

  /* A selection is replaced. */
  paste (document, first, 0, strlen ("First"), "1. Last\n", &cursor, &offset);
  g_assert_cmpstr (drafting_node_get_text (first), ==, "1. Last and most urgent paragraph;");
  g_assert_cmpuint (offset, ==, strlen ("1. Last"));
}

/* Pasted into a formula, what is pasted follows it, and the formula
 * stays whole. */
static void
test_paste_formula (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *after = NULL;
  DraftingNode *formula = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_FORMULA, 0);

  paste (document, formula, 0, 0, "Welcomes the offer;\n\nThanks the donors.\n", NULL, NULL);

  after = describe (document);
  g_assert_nonnull (strstr (after,
                            "operative-formula RESOLVES|:\n"
                            "operative-paragraph 1. |Welcomes the offer;\n"
                            "operative-paragraph 2. |Thanks the donors.\n"
                            "operative-paragraph 3. |First paragraph;\n"));
}

/* Bytes that are not text change nothing. */
static void
test_paste_invalid (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = state (document);
  g_autofree char *after = NULL;
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *cursor;
  guint offset;

  drafting_document_clear_history (document);
  g_assert_false (drafting_document_paste_text (document, first, 0, 0, "bad\n\n\xff\xfe text\n",
                                                &cursor, &offset, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
  g_clear_error (&error);
  g_assert_false (drafting_document_paste_text (document, first, 0, 0, "bad \xff",
                                                &cursor, &offset, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);

  after = state (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (drafting_document_can_undo (document));
}

static void
test_several_lines (void)
{
  g_assert_false (drafting_paste_is_several_lines ("one line"));
  g_assert_false (drafting_paste_is_several_lines ("\none line\n"));
  g_assert_false (drafting_paste_is_several_lines (""));
  g_assert_true (drafting_paste_is_several_lines ("one\ntwo"));
  g_assert_true (drafting_paste_is_several_lines ("one\r\ntwo"));
  g_assert_true (drafting_paste_is_several_lines ("one\xe2\x80\xa9two"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/paste/paragraphs", test_paste_paragraphs);
  g_test_add_func ("/paste/middle", test_paste_middle);
  g_test_add_func ("/paste/clauses", test_paste_clauses);
  g_test_add_func ("/paste/into-empty", test_paste_into_empty);
  g_test_add_func ("/paste/one-paragraph", test_paste_one_paragraph);
  g_test_add_func ("/paste/formula", test_paste_formula);
  g_test_add_func ("/paste/invalid", test_paste_invalid);
  g_test_add_func ("/paste/several-lines", test_several_lines);

  return g_test_run ();
}
