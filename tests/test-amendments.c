/* test-amendments.c: amendments proposed, decided, undone, re-applied and reopened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-document-private.h"
#include "drafting-native-private.h"
#include "drafting-test-utils.h"
#include "drafting-xml.h"

static DraftingDocument *
new_resolution (void)
{
  return drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
}

static DraftingNode *
paragraph (DraftingDocument *document,
           guint             nth)
{
  return drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, nth);
}

/* The document's state: its saved bytes and its amendments' statuses. */
static char *
state (DraftingDocument *document)
{
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
  GListModel *amendments = drafting_document_get_amendments (document);
  GString *out = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      g_string_append_printf (out, "\n%s %s %d %s|%s|%s",
                              drafting_amendment_get_id (amendment),
                              drafting_amendment_status_to_string (drafting_amendment_get_status (amendment)),
                              drafting_amendment_get_needs_review (amendment),
                              drafting_inline_get_text (drafting_amendment_get_base_content (amendment)),
                              drafting_inline_get_text (drafting_amendment_get_content (amendment)),
                              drafting_amendment_get_result (amendment) ? drafting_amendment_get_result (amendment) : "");
    }

  return g_string_free (out, FALSE);
}

static DraftingAmendment *
propose_replace (DraftingDocument *document,
                 DraftingNode     *node,
                 const char       *delegation,
                 const char       *text)
{
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE, delegation);
  g_autoptr(DraftingInline) content = drafting_inline_new (text);
  g_autoptr(GError) error = NULL;

  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&amendment);
}

static void
accept (DraftingDocument  *document,
        DraftingAmendment *amendment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_accept_amendment (document, amendment, &error));
  g_assert_no_error (error);
}

/* Proposing changes the record, not the text; one step of undo. */
static void
test_propose (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *before = state (document);
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autofree char *text_before = g_strdup (drafting_node_get_text (first));

  amendment = propose_replace (document, first, "France",
                               "Members should simplify and speed up the clearance of relief consignments;");

  g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_amendments (document)), ==, 1);
  g_assert_true (drafting_document_lookup_amendment (document, drafting_amendment_get_id (amendment)) == amendment);
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);
  g_assert_cmpstr (drafting_node_get_text (first), ==, text_before);
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (amendment)), ==, text_before);
  g_assert_cmpint (drafting_amendment_get_kind (amendment), ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  g_assert_cmpstr (drafting_amendment_get_target_label (amendment), ==, "operative-paragraph 1.");
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Propose Amendment");

  /* Undone, the amendment is out of the record; redone, back. */
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_amendments (document)), ==, 0);
  g_assert_null (drafting_document_lookup_amendment (document, drafting_amendment_get_id (amendment)));
  g_assert_true (drafting_document_redo (document));
  g_assert_true (drafting_document_lookup_amendment (document, drafting_amendment_get_id (amendment)) == amendment);

  /* The same one twice: refused. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (drafting_document_propose (document, amendment, &error));
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  }

  /* An element that is not there: refused. */
  {
    g_autoptr(DraftingAmendment) lost = drafting_amendment_new (DRAFTING_AMENDMENT_DELETE, "Kenya");
    g_autoptr(GError) error = NULL;

    drafting_amendment_set_target (lost, "no-such-element", DRAFTING_PLACEMENT_AFTER);
    g_assert_false (drafting_document_propose (document, lost, &error));
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  }

  /* Undone to the start: the document as it was. */
  while (drafting_document_can_undo (document))
    g_assert_true (drafting_document_undo (document));
  {
    g_autofree char *after = state (document);

    g_assert_cmpstr (after, ==, before);
  }
}

/* Accepting changes the text, as one step that undo takes back whole. */
static void
test_accept_undo_redo (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) amendment = propose_replace (document, first, "France",
    "Members should simplify and speed up the clearance of relief consignments;");
  g_autofree char *proposed = state (document);
  g_autofree char *accepted = NULL;
  g_autofree char *again = NULL;

  accept (document, amendment);
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "Members should simplify and speed up the clearance of relief consignments;");
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_ACCEPTED);
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Accept Amendment");
  accepted = state (document);

  g_assert_true (drafting_document_undo (document));
  again = state (document);
  g_assert_cmpstr (again, ==, proposed);
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);

  g_assert_true (drafting_document_redo (document));
  g_free (again);
  again = state (document);
  g_assert_cmpstr (again, ==, accepted);

  /* Only once. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (drafting_document_accept_amendment (document, amendment, &error));
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  }
}

/* Reject, withdraw, supersede: the text stays; reopening makes it
 * proposed again; each undone. */
static void
test_decide_and_reopen (void)
{
  static const DraftingAmendmentStatus decisions[] = {
    DRAFTING_AMENDMENT_REJECTED, DRAFTING_AMENDMENT_WITHDRAWN, DRAFTING_AMENDMENT_SUPERSEDED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      g_autoptr(DraftingDocument) document = new_resolution ();
      DraftingNode *third = paragraph (document, 2);
      g_autoptr(DraftingAmendment) amendment = propose_replace (document, third, "Kenya",
        "The Secretariat should report to the Council every two years.");
      g_autofree char *text = g_strdup (drafting_node_get_text (third));
      g_autoptr(GError) error = NULL;

      g_assert_true (drafting_document_decide_amendment (document, amendment, decisions[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (drafting_amendment_get_status (amendment), ==, decisions[i]);
      g_assert_cmpstr (drafting_node_get_text (third), ==, text);

      g_assert_false (drafting_document_accept_amendment (document, amendment, &error));
      g_clear_error (&error);

      g_assert_true (drafting_document_reopen_amendment (document, amendment, &error));
      g_assert_no_error (error);
      g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);
      g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Reopen Amendment");

      g_assert_true (drafting_document_undo (document));
      g_assert_cmpint (drafting_amendment_get_status (amendment), ==, decisions[i]);
      g_assert_true (drafting_document_undo (document));
      g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);
    }
}

/* Reopening an accepted amendment takes its change back, even after a
 * later edit elsewhere in the clause; not after one to the same words. */
static void
test_reopen_accepted (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) amendment = propose_replace (document, first, "France",
    "Members should simplify and speed up the clearance of relief consignments;");
  g_autoptr(GError) error = NULL;

  accept (document, amendment);

  /* The Secretariat edits another word of the clause. */
  drafting_document_set_text (document, first,
                              "All Members should simplify and speed up the clearance of relief consignments;");

  g_assert_true (drafting_document_reopen_amendment (document, amendment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "All Members should simplify the clearance of relief consignments;");
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);

  /* Accepted again, then the very words it changed edited: it cannot be
   * taken back, and nothing changes. */
  accept (document, amendment);
  drafting_document_set_text (document, first,
                              "All Members should simplify and accelerate the clearance of relief consignments;");
  {
    g_autofree char *before = state (document);
    g_autofree char *after = NULL;

    g_assert_false (drafting_document_reopen_amendment (document, amendment, &error));
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
    g_test_message ("%s", error->message);
    after = state (document);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_ACCEPTED);
  }
}

/* Two amendments of the same clause: in conflict when they change the
 * same words. Accepting one re-applies the other where it still applies,
 * marks it for review where it does not. */
static void
test_conflicts_and_reapply (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) france = propose_replace (document, first, "France",
    "Members should simplify and speed up the clearance of relief consignments;");
  g_autoptr(DraftingAmendment) kenya = propose_replace (document, first, "Kenya",
    "Members should simplify the clearance of humanitarian relief consignments;");
  g_autoptr(DraftingAmendment) japan = propose_replace (document, first, "Japan",
    "Members should simplify and accelerate the clearance of relief consignments;");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;

  /* France and Japan add words at the same place; Kenya elsewhere. */
  conflicts = drafting_document_get_conflicts (document, france);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (g_ptr_array_index (conflicts, 0) == japan);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = drafting_document_get_conflicts (document, kenya);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  before = state (document);
  accept (document, france);

  /* Kenya's change is laid over the new text; Japan's needs review. */
  g_assert_false (drafting_amendment_get_needs_review (kenya));
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (kenya)), ==,
                   "Members should simplify and speed up the clearance of relief consignments;");
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_content (kenya)), ==,
                   "Members should simplify and speed up the clearance of humanitarian relief consignments;");
  g_assert_true (drafting_amendment_get_needs_review (japan));

  /* One undo puts all three back as they were. */
  g_assert_true (drafting_document_undo (document));
  undone = state (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (drafting_amendment_get_needs_review (japan));

  /* Accepting Kenya's after France's gives both changes. */
  g_assert_true (drafting_document_redo (document));
  accept (document, kenya);
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "Members should simplify and speed up the clearance of humanitarian relief consignments;");

  /* Japan's, marked for review, cannot be accepted as it is. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (drafting_document_accept_amendment (document, japan, &error));
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  }
}

/* Insert, delete and move, accepted, undone and reopened. */
static void
test_structure (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  DraftingNode *second = paragraph (document, 1);
  DraftingNode *third = paragraph (document, 2);
  g_autofree char *second_id = g_strdup (drafting_node_get_id (second));
  g_autoptr(DraftingAmendment) insert = drafting_amendment_new (DRAFTING_AMENDMENT_INSERT, "Brazil");
  g_autoptr(DraftingAmendment) delete = drafting_amendment_new (DRAFTING_AMENDMENT_DELETE, "China");
  g_autoptr(DraftingAmendment) move = drafting_amendment_new (DRAFTING_AMENDMENT_MOVE, "Chile");
  g_autoptr(DraftingInline) text = drafting_inline_new ("Members should train their officers;");
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *now = NULL;
  DraftingNode *inserted;

  drafting_amendment_set_target (insert, drafting_node_get_id (first), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_kind (insert, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  drafting_amendment_set_wording (insert, NULL, text);
  g_assert_true (drafting_document_propose (document, insert, &error));
  g_assert_no_error (error);

  drafting_amendment_set_target (delete, second_id, DRAFTING_PLACEMENT_AFTER);
  g_assert_true (drafting_document_propose (document, delete, &error));
  g_assert_no_error (error);

  drafting_amendment_set_target (move, drafting_node_get_id (third), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (move, drafting_node_get_id (first), DRAFTING_PLACEMENT_AFTER);
  g_assert_true (drafting_document_propose (document, move, &error));
  g_assert_no_error (error);
  start = state (document);

  /* The insertion: a new paragraph 2. */
  accept (document, insert);
  inserted = drafting_document_lookup (document, drafting_amendment_get_result (insert));
  g_assert_nonnull (inserted);
  g_assert_true (paragraph (document, 1) == inserted);
  g_assert_cmpstr (drafting_node_get_text (inserted), ==, "Members should train their officers;");

  /* The deletion, with its sub-paragraphs: three paragraphs left. */
  accept (document, delete);
  g_assert_null (drafting_document_lookup (document, second_id));
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 3);

  /* The move: the last paragraph after the first. */
  accept (document, move);
  g_assert_true (paragraph (document, 1) == third);

  /* Reopened, each puts back what it changed. */
  g_assert_true (drafting_document_reopen_amendment (document, move, &error));
  g_assert_no_error (error);
  g_assert_true (paragraph (document, 2) == third);
  g_assert_true (drafting_document_reopen_amendment (document, delete, &error));
  g_assert_no_error (error);
  g_assert_nonnull (drafting_document_lookup (document, second_id));
  g_assert_cmpstr (drafting_node_get_text (drafting_document_lookup (document, second_id)), ==,
                   "Members should share information with other border agencies:");
  g_assert_cmpuint (drafting_test_count_children (drafting_document_lookup (document, second_id),
                                                  DRAFTING_KIND_SUB_PARAGRAPH), ==, 2);
  g_assert_true (drafting_document_reopen_amendment (document, insert, &error));
  g_assert_no_error (error);
  g_assert_null (drafting_amendment_get_result (insert));
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH), ==, 3);

  /* All undone: as proposed. */
  while (drafting_document_can_undo (document) &&
         g_strcmp0 (drafting_document_get_undo_label (document), "Undo Propose Amendment") != 0)
    g_assert_true (drafting_document_undo (document));
  now = state (document);
  g_assert_cmpstr (now, ==, start);
}

/* Deleting a paragraph conflicts with an amendment of its sub-paragraph,
 * and once accepted leaves it for review. */
static void
test_delete_conflicts (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *second = paragraph (document, 1);
  DraftingNode *point = drafting_node_get_child (second, 0);
  g_autoptr(DraftingAmendment) wording = propose_replace (document, point, "Peru", "well before a disaster;");
  g_autoptr(DraftingAmendment) delete = drafting_amendment_new (DRAFTING_AMENDMENT_DELETE, "Chad");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (drafting_node_get_kind (point), ==, DRAFTING_KIND_SUB_PARAGRAPH);
  drafting_amendment_set_target (delete, drafting_node_get_id (second), DRAFTING_PLACEMENT_AFTER);
  g_assert_true (drafting_document_propose (document, delete, &error));
  g_assert_no_error (error);

  conflicts = drafting_document_get_conflicts (document, wording);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (g_ptr_array_index (conflicts, 0) == delete);

  accept (document, delete);
  g_assert_true (drafting_amendment_get_needs_review (wording));
  g_assert_false (drafting_document_accept_amendment (document, wording, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_test_message ("%s", error->message);
}

/* An amendment made against an older wording still applies where the
 * words it changes were not touched since. */
static void
test_accept_against_older_wording (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *third = paragraph (document, 2);
  g_autoptr(DraftingAmendment) amendment = propose_replace (document, third, "Kenya",
    "The Secretariat should report to the Council every two years.");

  drafting_document_set_text (document, third, "The Secretariat should report to the Policy Commission "
                                               "and the Council every year.");
  accept (document, amendment);
  g_assert_cmpstr (drafting_node_get_text (third), ==,
                   "The Secretariat should report to the Policy Commission and the Council every two years.");
}

/* A snapshot (what a save and a draft write) keeps the record whole. */
static void
test_snapshot (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) copy = NULL;
  g_autoptr(DraftingAmendment) accepted = propose_replace (document, paragraph (document, 0), "France",
    "Members should simplify and speed up the clearance of relief consignments;");
  g_autoptr(DraftingAmendment) open = propose_replace (document, paragraph (document, 2), "Kenya",
    "The Secretariat should report to the Council every two years.");
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;

  accept (document, accepted);
  copy = drafting_document_snapshot (document);
  original = state (document);
  copied = state (copy);
  g_assert_cmpstr (copied, ==, original);
  g_assert_cmpstr (drafting_document_get_identifier (copy), ==, drafting_document_get_identifier (document));

  /* Each its own: deciding in the copy leaves the original as it was. */
  {
    DraftingAmendment *other = drafting_document_lookup_amendment (copy, drafting_amendment_get_id (open));
    g_autoptr(GError) error = NULL;

    g_assert_true (other != open);
    g_assert_true (drafting_document_decide_amendment (copy, other, DRAFTING_AMENDMENT_REJECTED, &error));
    g_assert_no_error (error);
    g_assert_cmpint (drafting_amendment_get_status (open), ==, DRAFTING_AMENDMENT_PROPOSED);
  }
}

/* A delegation writing its proposal in the window: one amendment per
 * element, changed as it types, a word a step of undo. */
static void
test_update_as_typed (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) amendment = propose_replace (document, first, "France",
                                                  "Members should simplify the clearance of relief consignments;");
  g_autoptr(DraftingInline) one = drafting_inline_new ("Members should simplify the clearance of all consignments;");
  g_autoptr(DraftingInline) two = drafting_inline_new ("Members should simplify the clearance of all consignments promptly;");
  g_autoptr(DraftingInline) three = drafting_inline_new ("Members should simplify the clearance of all consignments promptl;");
  g_autofree char *text_before = drafting_render_plain_text (first, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_find_proposal (document, "France", DRAFTING_AMENDMENT_REPLACE,
                                                  drafting_node_get_id (first)) == amendment);
  g_assert_null (drafting_document_find_proposal (document, "Kenya", DRAFTING_AMENDMENT_REPLACE,
                                                  drafting_node_get_id (first)));
  g_assert_null (drafting_document_find_proposal (document, "France", DRAFTING_AMENDMENT_DELETE,
                                                  drafting_node_get_id (first)));

  g_assert_true (drafting_document_update_amendment (document, amendment, NULL, one, NULL,
                                                     DRAFTING_EDIT_COALESCE, &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_update_amendment (document, amendment, NULL, three, NULL,
                                                     DRAFTING_EDIT_COALESCE, &error));
  g_assert_true (drafting_document_update_amendment (document, amendment, NULL, two, NULL,
                                                     DRAFTING_EDIT_COALESCE, &error));
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_content (amendment)), ==,
                   drafting_inline_get_text (two));
  g_assert_true (drafting_document_update_amendment (document, amendment, NULL, NULL,
                                                     "Relief of every kind needs it.",
                                                     DRAFTING_EDIT_NONE, &error));
  g_assert_cmpstr (drafting_amendment_get_justification (amendment), ==, "Relief of every kind needs it.");

  /* The text itself never changes. */
  {
    g_autofree char *text_after = drafting_render_plain_text (first, FALSE);

    g_assert_cmpstr (text_before, ==, text_after);
  }

  /* The justification is a step; the typing, one more. */
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Change Amendment");
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_amendment_get_justification (amendment), ==, "");
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_content (amendment)), ==,
                   "Members should simplify the clearance of relief consignments;");
  g_assert_true (drafting_document_redo (document));
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_content (amendment)), ==,
                   drafting_inline_get_text (two));

  /* Decided, it says what it said. */
  g_assert_true (drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_WITHDRAWN, &error));
  g_assert_false (drafting_document_update_amendment (document, amendment, NULL, one, NULL,
                                                      DRAFTING_EDIT_NONE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_assert_null (drafting_document_find_proposal (document, "France", DRAFTING_AMENDMENT_REPLACE,
                                                  drafting_node_get_id (first)));
}

/* ------------------------------------------------------------------ */
/* The conflicts of a large record                                     */

static const char * const words[] = {
  "Members", "should", "simplify", "the", "clearance", "of", "relief", "consignments",
  "share", "information", "with", "border", "agencies", "before", "during", "after",
};

/* A resolution of @n operative paragraphs, every other one with two
 * sub-paragraphs, each of a few words of a small vocabulary, so that
 * amendments often change the same words. */
static DraftingDocument *
new_long_resolution (guint n)
{
  g_autoptr(GString) text = g_string_new ("RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n\n"
                                          "THE CUSTOMS CO-OPERATION COUNCIL,\n\n"
                                          "NOTING that natural disasters are increasing,\n\n"
                                          "RESOLVES:\n\n");
  DraftingDocument *document;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "%u.", i + 1);
      for (guint w = 0; w < 8; w++)
        g_string_append_printf (text, " %s",
                                words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
      g_string_append (text, i % 2 == 0 ? ":\n" : ";\n\n");
      for (guint s = 0; i % 2 == 0 && s < 2; s++)
        {
          g_string_append_printf (text, "(%c)", 'a' + s);
          for (guint w = 0; w < 5; w++)
            g_string_append_printf (text, " %s",
                                    words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          g_string_append (text, s == 0 ? ";\n" : ";\n\n");
        }
    }

  document = drafting_test_import_string (text->str, NULL);
  drafting_document_clear_history (document);
  return document;
}

/* The elements with words of @document, in reading order. */
static GPtrArray *
elements_with_text (DraftingDocument *document)
{
  GListModel *model = G_LIST_MODEL (document);
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (model, i);
      DraftingKind kind = drafting_node_get_kind (node);

      if (kind == DRAFTING_KIND_OPERATIVE_PARAGRAPH || kind == DRAFTING_KIND_SUB_PARAGRAPH)
        g_ptr_array_add (elements, g_steal_pointer (&node));
    }

  return elements;
}

/* The text of @node with one or two of its words replaced. */
static char *
reworded (DraftingNode *node)
{
  g_auto(GStrv) parts = g_strsplit (drafting_node_get_text (node), " ", -1);
  guint n = g_strv_length (parts);
  guint changes = g_test_rand_int_range (1, 3);

  for (guint c = 0; c < changes; c++)
    {
      guint at = g_test_rand_int_range (0, n);

      g_free (parts[at]);
      parts[at] = g_strdup (words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
    }

  return g_strjoinv (" ", parts);
}

/* Proposes @n amendments of every action to random elements, most of
 * them rewordings; some cannot be done there and are left out. */
static void
propose_random (DraftingDocument *document,
                guint             n)
{
  g_autoptr(GPtrArray) elements = elements_with_text (document);

  for (guint i = 0; i < n; i++)
    {
      DraftingNode *node = g_ptr_array_index (elements, g_test_rand_int_range (0, elements->len));
      DraftingNode *other = g_ptr_array_index (elements, g_test_rand_int_range (0, elements->len));
      g_autofree char *delegation = g_strdup_printf ("Delegation %d",
                                                     g_test_rand_int_range (0, 20));
      int dice = g_test_rand_int_range (0, 10);
      DraftingAmendmentAction action = dice < 7 ? DRAFTING_AMENDMENT_REPLACE
                                     : dice == 7 ? DRAFTING_AMENDMENT_INSERT
                                     : dice == 8 ? DRAFTING_AMENDMENT_DELETE
                                     : DRAFTING_AMENDMENT_MOVE;
      g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (action, delegation);

      drafting_amendment_set_target (amendment, drafting_node_get_id (node),
                                     DRAFTING_PLACEMENT_AFTER);
      if (action == DRAFTING_AMENDMENT_REPLACE)
        {
          g_autofree char *text = reworded (node);
          g_autoptr(DraftingInline) content = drafting_inline_new (text);

          drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
        }
      else if (action == DRAFTING_AMENDMENT_INSERT)
        {
          g_autoptr(DraftingInline) content = drafting_inline_new ("Members should report;");

          drafting_amendment_set_kind (amendment, drafting_node_get_kind (node));
          drafting_amendment_set_wording (amendment, NULL, content);
        }
      else if (action == DRAFTING_AMENDMENT_MOVE)
        drafting_amendment_set_destination (amendment, drafting_node_get_id (other),
                                            DRAFTING_PLACEMENT_AFTER);

      drafting_document_propose (document, amendment, NULL);
    }
}

/* The conflicts of each amendment, as ids, one line each: from the index,
 * from all at once, and, in the middle of an action, where the index is
 * not used, one pair at a time; all three the same. */
static char *
assert_conflicts_agree (DraftingDocument *document)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (amendments);
  g_autoptr(GString) indexed = g_string_new (NULL);
  g_autoptr(GString) at_once = g_string_new (NULL);
  g_autoptr(GString) walked = g_string_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, amendment);

      g_string_append_printf (indexed, "%s:", drafting_amendment_get_id (amendment));
      for (guint j = 0; j < conflicts->len; j++)
        g_string_append_printf (indexed, " %s",
                                drafting_amendment_get_id (g_ptr_array_index (conflicts, j)));
      g_string_append_c (indexed, '\n');
      total += conflicts->len;
    }

  all = _drafting_document_get_all_conflicts (document);
  g_assert_cmpuint (all->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      GPtrArray *conflicts = g_ptr_array_index (all, i);

      g_string_append_printf (at_once, "%s:", drafting_amendment_get_id (amendment));
      for (guint j = 0; j < conflicts->len; j++)
        g_string_append_printf (at_once, " %s",
                                drafting_amendment_get_id (g_ptr_array_index (conflicts, j)));
      g_string_append_c (at_once, '\n');
    }

  drafting_document_begin_action (document, "Nothing");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, amendment);

      g_string_append_printf (walked, "%s:", drafting_amendment_get_id (amendment));
      for (guint j = 0; j < conflicts->len; j++)
        g_string_append_printf (walked, " %s",
                                drafting_amendment_get_id (g_ptr_array_index (conflicts, j)));
      g_string_append_c (walked, '\n');
    }
  /* All at once in the middle of an action, from an index of its own. */
  {
    g_autoptr(GPtrArray) again = _drafting_document_get_all_conflicts (document);

    for (guint i = 0; i < n; i++)
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (again, i))->len, ==,
                        ((GPtrArray *) g_ptr_array_index (all, i))->len);
  }
  drafting_document_end_action (document);

  g_assert_cmpstr (indexed->str, ==, walked->str);
  g_assert_cmpstr (at_once->str, ==, walked->str);
  g_test_message ("%u amendments, %u conflicts counted from both sides", n, total);

  return g_string_free (g_steal_pointer (&walked), FALSE);
}

/* The conflicts of every amendment of a large random record, found from
 * the index, all at once, and one pair at a time, are the same; and stay
 * so as the record and the text change, and the changes are undone. */
static void
test_all_conflicts (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autofree char *start = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GListModel *amendments;
  DraftingAmendment *first_open = NULL;
  guint decided = 0;

  g_test_summary ("The conflicts of all amendments at once are those of each");

  document = new_long_resolution (40);
  amendments = drafting_document_get_amendments (document);

  /* The first paragraph deleted, and one of its sub-paragraphs reworded:
   * in conflict while the paragraph holds it. */
  {
    DraftingNode *first = paragraph (document, 0);
    g_autoptr(DraftingAmendment) wording = NULL;
    g_autoptr(DraftingAmendment) delete = NULL;

    wording = propose_replace (document, drafting_node_get_child (first, 0), "Peru",
                               "well before;");
    delete = drafting_amendment_new (DRAFTING_AMENDMENT_DELETE, "Chad");
    drafting_amendment_set_target (delete, drafting_node_get_id (first), DRAFTING_PLACEMENT_AFTER);
    g_assert_true (drafting_document_propose (document, delete, NULL));
  }

  /* Proposed against the text as it is, then against the text after some
   * rewordings are accepted (and others re-applied), so that bases
   * differ; the elements stay where they are. */
  propose_random (document, 120);
  for (guint i = 2; i < g_list_model_get_n_items (amendments) && decided < 12; i += 7)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
        continue;
      if (decided % 3 == 0 &&
          drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_REPLACE)
        drafting_document_accept_amendment (document, amendment, NULL);
      else
        drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_REJECTED, NULL);
      decided++;
    }
  propose_random (document, 120);
  start = assert_conflicts_agree (document);

  /* Asked again, the same, from the index as it was kept. */
  {
    g_autofree char *again = assert_conflicts_agree (document);

    g_assert_cmpstr (again, ==, start);
  }

  /* An element deleted in the text, not by an amendment: the deletions
   * of what held it no longer conflict with those about it. */
  elements = elements_with_text (document);
  drafting_document_delete (document, g_ptr_array_index (elements, 0));
  g_clear_pointer (&elements, g_ptr_array_unref);
  after = assert_conflicts_agree (document);
  g_assert_cmpstr (after, !=, start);
  g_assert_true (drafting_document_undo (document));
  undone = assert_conflicts_agree (document);
  g_assert_cmpstr (undone, ==, start);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&undone, g_free);

  /* A rewording in conflict with others decided, reopened, accepted,
   * each undone. */
  for (guint i = 0; first_open == NULL && i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, amendment);

      if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_REPLACE &&
          conflicts->len > 0)
        first_open = amendment;
    }
  g_assert_nonnull (first_open);
  g_assert_true (drafting_document_decide_amendment (document, first_open,
                                                     DRAFTING_AMENDMENT_WITHDRAWN, NULL));
  after = assert_conflicts_agree (document);
  g_assert_cmpstr (after, !=, start);
  g_assert_true (drafting_document_reopen_amendment (document, first_open, NULL));
  g_clear_pointer (&after, g_free);
  after = assert_conflicts_agree (document);
  g_assert_cmpstr (after, ==, start);
  g_clear_pointer (&after, g_free);
  if (drafting_document_accept_amendment (document, first_open, NULL))
    {
      after = assert_conflicts_agree (document);
      g_assert_true (drafting_document_undo (document));
    }
  g_assert_true (drafting_document_undo (document));
  g_assert_true (drafting_document_undo (document));
  undone = assert_conflicts_agree (document);
  g_assert_cmpstr (undone, ==, start);

  /* One more proposed, the record longer by one: found at once. */
  propose_random (document, 1);
  g_clear_pointer (&after, g_free);
  after = assert_conflicts_agree (document);
}

/* ------------------------------------------------------------------ */
/* The plain record, checked without libxml2                           */

#define PLAIN_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<document version=\"1.1\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n" \
  "  <meta>\n" \
  "    <identifier>0f8b7c1e-2a4d-4c6e-9b1a-3d5e7f9a1b2c</identifier>\n" \
  "    <status>draft</status>\n" \
  "    <language>en</language>\n" \
  "  </meta>\n"
#define PLAIN_CONTENT \
  "  <content>\n" \
  "    <operative-paragraph id=\"o1\"><text>Decides to act.</text></operative-paragraph>\n" \
  "  </content>\n"
#define PLAIN_TAIL "</document>\n"

/* Two amendments of the plain form, with every attribute and element the
 * schema has; each variant below changes one thing. */
#define PLAIN_AMENDMENTS \
  "  <amendments>\n" \
  "    <amendment id=\"am-1\" action=\"replace\" status=\"proposed\"" \
  " date=\"2024-05-01T10:30:15.25Z\" target=\"o1\" kind=\"operative-paragraph\"" \
  " base=\"present\">\n" \
  "      <delegation>France</delegation>\n" \
  "      <cosponsor>Kenya</cosponsor>\n" \
  "      <cosponsor>Japan</cosponsor>\n" \
  "      <author>J. Dupont</author>\n" \
  "      <target-label>operative-paragraph 1.</target-label>\n" \
  "      <proposed>\n" \
  "        <lead>Noting</lead>\n" \
  "        <text>Members <em>should</em> <strong>act <em>now</em></strong><br/>with" \
  " <fnref ref=\"fn-1\"/>care;</text>\n" \
  "      </proposed>\n" \
  "      <justification>Clarity.</justification>\n" \
  "    </amendment>\n" \
  "    <amendment id=\"am-2\" action=\"move\" status=\"accepted\" needs-review=\"true\"" \
  " date=\"2024-02-29T00:00:00Z\" target=\"o2\" placement=\"into\" destination=\"#root\"" \
  " destination-placement=\"after\" kind=\"paragraph\" result=\"o9\" origin=\"o1\"" \
  " origin-placement=\"into\">\n" \
  "      <delegation>Chad</delegation>\n" \
  "      <base><text>Old words</text></base>\n" \
  "    </amendment>\n" \
  "  </amendments>\n"

static const struct {
  const char *from;
  const char *to;
} plain_variants[] = {
  { "", "" },
  /* Tokens */
  { "id=\"am-1\"", "id=\" am-1\"" }, { "id=\"am-1\"", "id=\"1am\"" },
  { "id=\"am-1\"", "id=\"am:1\"" }, { "id=\"am-1\"", "id=\"\xc3\xa9m-1\"" },
  { "id=\"am-1\"", "id=\"\"" }, { "id=\"am-1\"", "id=\"_a.b-c\"" },
  { "action=\"replace\"", "action=\"Replace\"" }, { "action=\"replace\"", "action=\" replace \"" },
  { "action=\"replace\"", "action=\"split\"" }, { "action=\"replace\"", "action=\"delete\"" },
  { "status=\"proposed\"", "status=\"adopted\""},
  { "status=\"accepted\"", "status=\"superseded\"" },
  { "needs-review=\"true\"", "needs-review=\"yes\""},
  { "needs-review=\"true\"", "needs-review=\"0\"" },
  { "needs-review=\"true\"", "needs-review=\" true\"" },
  { "target=\"o1\"", "target=\"#root\"" }, { "target=\"o1\"", "target=\"#other\"" },
  { "target=\"o1\"", "target=\"\"" }, { "target=\"o1\"", "target=\"o 1\"" },
  { "placement=\"into\"", "placement=\"before\"" }, { "placement=\"into\"", "placement=\"after\"" },
  { "kind=\"operative-paragraph\"", "kind=\"document\"" },
  { "kind=\"operative-paragraph\"", "kind=\"statement\"" },
  { "kind=\"operative-paragraph\"", "kind=\"Operative-paragraph\"" },
  { "base=\"present\"", "base=\"absent\"" }, { "result=\"o9\"", "result=\"9o\"" },
  { "origin=\"o1\"", "origin=\"#root\"" },
  /* Attributes missing, added, out of place */
  { " id=\"am-1\"", "" }, { " action=\"replace\"", "" }, { " status=\"proposed\"", "" },
  { " date=\"2024-05-01T10:30:15.25Z\"", "" }, { " target=\"o1\"", "" },
  { " destination=\"#root\"", "" }, { " origin=\"o1\"", "" },
  { "<amendment id=\"am-1\"", "<amendment votes=\"12\" id=\"am-1\"" },
  { "<amendment id=\"am-1\"", "<amendment xml:lang=\"en\" id=\"am-1\"" },
  { "<amendment id=\"am-1\"", "<amendment xmlns:x=\"urn:x\" x:note=\"a\" id=\"am-1\"" },
  { "<amendment id=\"am-1\"", "<amendment xmlns:x=\"urn:x\" x:id=\"b\" id=\"am-1\"" },
  { "<amendments>", "<amendments count=\"2\">" },
  /* Elements */
  { "<delegation>France</delegation>", "<delegation></delegation>" },
  { "<delegation>France</delegation>", "<delegation> </delegation>" },
  { "<delegation>France</delegation>", "" },
  { "<delegation>France</delegation>",
    "<delegation>France</delegation><delegation>Peru</delegation>" },
  { "<delegation>France</delegation>", "<delegation>Fr<em>a</em>nce</delegation>" },
  { "<delegation>France</delegation>", "<delegation>France<!-- c --></delegation>" },
  { "<delegation>France</delegation>", "<delegation lang=\"fr\">France</delegation>" },
  { "<delegation>France</delegation>", "<delegation>Fr&amp;nce &#233;</delegation>" },
  { "<cosponsor>Kenya</cosponsor>", "<author>X</author><cosponsor>Kenya</cosponsor>" },
  { "<cosponsor>Kenya</cosponsor>", "<cosponsor/>" },
  { "<author>J. Dupont</author>", "" }, { "<author>J. Dupont</author>", "<author/>" },
  { "<author>J. Dupont</author>", "<author>J.</author><author>D.</author>" },
  { "<justification>Clarity.</justification>",
    "<justification>Clarity.</justification><author>L</author>" },
  { "<target-label>", "text<target-label>" }, { "<target-label>", "<!-- note --><target-label>" },
  { "<target-label>", "<?pi x?><target-label>"},
  { "<target-label>", "<x:y xmlns:x=\"urn:x\"/><target-label>" },
  { "<target-label>", "<votes/><target-label>" },
  { "<proposed>", "<proposed><text>Twice</text>" }, { "<proposed>", "<proposed lang=\"en\">" },
  { "<lead>Noting</lead>", "" }, { "<lead>Noting</lead>", "<lead>No<em>t</em>ing</lead>" },
  { "<em>should</em>", "<em class=\"x\">should</em>"},
  { "<em>now</em>", "<em><strong><em>now</em></strong></em>" },
  { "<br/>", "<br>x</br>" }, { "<br/>", "<br> </br>" }, { "<br/>", "<hr/>" },
  { "<fnref ref=\"fn-1\"/>", "<fnref/>" }, { "<fnref ref=\"fn-1\"/>", "<fnref ref=\"1fn\"/>" },
  { "<fnref ref=\"fn-1\"/>", "<fnref ref=\"fn-1\">x</fnref>" },
  { "<fnref ref=\"fn-1\"/>", "<fnref ref=\"fn-1\" kind=\"a\"/>" },
  { "<fnref ref=\"fn-1\"/>", "<fnref ref=\" fn-1 \"/>" },
  { "Clarity.", "Clarity &amp; &#233; <![CDATA[<raw>]]>." },
  { "<base><text>Old words</text></base>", "<base/>" },
  { "<base><text>Old words</text></base>", "<base><lead/><text/></base>" },
  { "<base><text>Old words</text></base>", "<proposed/><base/>" },
  { "    <amendment id=\"am-1\"", "    junk<amendment id=\"am-1\"" },
  { "    <amendment id=\"am-1\"", "    <!-- first --><amendment id=\"am-1\"" },
};

/* Dates for the first amendment's, of the schema's dateTime or not. */
static const char * const plain_dates[] = {
  "2024-02-29T10:00:00Z", "2023-02-29T10:00:00Z", "2024-04-31T10:00:00Z",
  "2024-13-01T10:00:00Z", "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z",
  "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z",
  "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2024-01-01T00:00:00.Z",
  "2024-01-01T00:00:00.1234567890Z", "2024-01-01T00:00:00.123456789Z",
  "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00", "2024-01-01t00:00:00z",
  " 2024-01-01T00:00:00Z", "12024-01-01T00:00:00Z", "2024-1-01T00:00:00Z",
  "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-01-01T00:00:00ZZ",
  "-2024-01-01T00:00:00Z",
};

/* @xml's record, with @from replaced with @to (at its first place). */
static char *
variant (const char *xml,
         const char *from,
         const char *to)
{
  const char *at = from[0] != '\0' ? strstr (xml, from) : NULL;

  if (at == NULL)
    return g_strdup (xml);

  return g_strdup_printf ("%.*s%s%s", (int) (at - xml), xml, to, at + strlen (from));
}

static char *
dump (xmlDoc *doc)
{
  xmlChar *bytes = NULL;
  int len = 0;
  char *copy;

  xmlDocDumpMemory (doc, &bytes, &len);
  copy = g_strndup ((const char *) bytes, len);
  xmlFree (bytes);

  return copy;
}

/* Validating @xml with a plain record checked here gives what libxml2
 * gives validating it whole, the same error when there is one, and leaves
 * the tree as it was; with its record @in_place, a plain one is valid.
 * Returns whether its record was plain. */
static gboolean
assert_validates_alike (const char *xml,
                        gboolean    in_place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(xmlDoc) doc = drafting_xml_parse (xml, strlen (xml), &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  xmlNode *amendments = NULL;
  gboolean valid;
  gboolean whole;
  gboolean plain;

  g_assert_no_error (error);
  for (xmlNode *child = xmlDocGetRootElement (doc)->children; child != NULL; child = child->next)
    if (drafting_xml_is_element (child, DRAFTING_NATIVE_NAMESPACE, "amendments") &&
        amendments == NULL)
      amendments = child;
  plain = amendments != NULL && _drafting_native_amendments_are_plain (amendments);

  before = dump (doc);
  valid = _drafting_native_validate (doc, DRAFTING_NATIVE_SCHEMA_1_1, &error);
  after = dump (doc);
  g_assert_cmpstr (after, ==, before);

  whole = drafting_xml_validate (doc, DRAFTING_NATIVE_SCHEMA_1_1, &whole_error);
  if (plain && in_place)
    g_assert_true (whole);
  g_assert_cmpint (valid, ==, whole);
  if (!whole)
    {
      g_assert_nonnull (error);
      g_assert_cmpint (error->code, ==, whole_error->code);
      g_assert_cmpstr (error->message, ==, whole_error->message);
    }

  return plain;
}

/* A record of the plain form Drafting writes is checked without libxml2,
 * and the rest of the document by it; anything else, by libxml2 as a
 * whole: each variant of a record, valid or not, is accepted or refused
 * as libxml2 alone would, with the same error. */
static void
test_plain_record (void)
{
  guint plain = 0;

  g_test_summary ("A plain record of amendments validates as libxml2 would validate it");

  for (guint i = 0; i < G_N_ELEMENTS (plain_variants); i++)
    {
      g_autofree char *record = variant (PLAIN_AMENDMENTS, plain_variants[i].from,
                                         plain_variants[i].to);
      g_autofree char *xml = g_strconcat (PLAIN_HEAD, PLAIN_CONTENT, record, PLAIN_TAIL, NULL);

      /* Each one changes something, but for the first. */
      g_assert_true (i == 0 || strcmp (record, PLAIN_AMENDMENTS) != 0);
      if (assert_validates_alike (xml, TRUE))
        plain++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain_dates); i++)
    {
      g_autofree char *record = variant (PLAIN_AMENDMENTS, "2024-05-01T10:30:15.25Z",
                                         plain_dates[i]);
      g_autofree char *xml = g_strconcat (PLAIN_HEAD, PLAIN_CONTENT, record, PLAIN_TAIL, NULL);

      if (assert_validates_alike (xml, TRUE))
        plain++;
    }
  g_test_message ("%u of %zu variants plain", plain,
                  G_N_ELEMENTS (plain_variants) + G_N_ELEMENTS (plain_dates));
  g_assert_cmpuint (plain, >, 10);

  /* The record itself where the schema has it, or not. */
  {
    static const char * const documents[] = {
      PLAIN_HEAD PLAIN_CONTENT PLAIN_AMENDMENTS PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT "  <amendments/>\n" PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT PLAIN_AMENDMENTS "  <revisions/>\n" PLAIN_TAIL,
      PLAIN_HEAD PLAIN_AMENDMENTS PLAIN_CONTENT PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT "  <revisions/>\n" PLAIN_AMENDMENTS PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT PLAIN_AMENDMENTS PLAIN_AMENDMENTS PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT PLAIN_AMENDMENTS "  <extra/>\n" PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT "  words\n" PLAIN_AMENDMENTS PLAIN_TAIL,
      PLAIN_HEAD PLAIN_CONTENT PLAIN_AMENDMENTS "  <!-- end -->\n" PLAIN_TAIL,
      PLAIN_HEAD "  <content>\n    <paragraph id=\"1\"/>\n  </content>\n" PLAIN_AMENDMENTS
        PLAIN_TAIL,
    };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      assert_validates_alike (documents[i], FALSE);
  }

  /* What Drafting writes is plain: the values of the schema's lists too. */
  {
    g_autoptr(DraftingDocument) document = new_long_resolution (6);
    g_autoptr(GBytes) bytes = NULL;
    const char *kinds[] = {
      "heading", "place-date", "authority", "preamble-clause", "operative-formula",
      "operative-paragraph", "sub-paragraph", "annex", "principle", "section", "item",
      "occasion", "title", "narrative-paragraph", "speaker-formula", "statement", "footnote",
      "paragraph",
    };

    propose_random (document, 30);
    bytes = drafting_test_save_bytes (document);
    {
      g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_assert_true (assert_validates_alike (xml, TRUE));
    }
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_autofree char *to = g_strdup_printf ("kind=\"%s\"", kinds[i]);
        g_autofree char *record = variant (PLAIN_AMENDMENTS, "kind=\"paragraph\"", to);
        g_autofree char *xml = g_strconcat (PLAIN_HEAD, PLAIN_CONTENT, record, PLAIN_TAIL, NULL);

        g_assert_true (assert_validates_alike (xml, TRUE));
      }
  }
}

/* The Secretariat splits or merges the element an amendment is about: the
 * amendment still says what it was about (its element, as it read), and
 * one whose element is gone is refused with that said. */
static void
test_element_split_or_merged (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *second = paragraph (document, 1);
  g_autofree char *second_id = g_strdup (drafting_node_get_id (second));
  g_autofree char *second_text = g_strdup (drafting_node_get_text (second));
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autoptr(DraftingDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  DraftingAmendment *again;

  amendment = propose_replace (document, second, "Kenya",
                               "Members should share risk information with other border agencies;");
  g_assert_cmpstr (drafting_amendment_get_target_label (amendment), ==, "operative-paragraph 2.");

  /* Split: the first part keeps the element's identifier, and the
   * amendment its base, whole. */
  g_assert_nonnull (drafting_document_split (document, second, 14, &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_lookup (document, second_id) == second);
  g_assert_cmpstr (drafting_amendment_get_target (amendment), ==, second_id);
  g_assert_cmpstr (drafting_amendment_get_target_label (amendment), ==, "operative-paragraph 2.");
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (amendment)), ==, second_text);
  g_assert_true (drafting_document_undo (document));

  /* Merged into the paragraph before it: gone from the text, and the
   * amendment says which it was. */
  g_assert_nonnull (drafting_document_merge (document, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (drafting_document_lookup (document, second_id));
  g_assert_cmpstr (drafting_amendment_get_target_label (amendment), ==, "operative-paragraph 2.");
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (amendment)), ==, second_text);
  g_assert_false (drafting_document_accept_amendment (document, amendment, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "operative-paragraph 2."));
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_PROPOSED);
  g_clear_error (&error);

  /* Saved and read again, it says so still. */
  {
    g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);

    reloaded = drafting_native_load_bytes (bytes, &error);
    g_assert_no_error (error);
  }
  again = drafting_document_lookup_amendment (reloaded, drafting_amendment_get_id (amendment));
  g_assert_nonnull (again);
  g_assert_cmpstr (drafting_amendment_get_target_label (again), ==, "operative-paragraph 2.");
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (again)), ==, second_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/amendments/propose", test_propose);
  g_test_add_func ("/amendments/accept-undo-redo", test_accept_undo_redo);
  g_test_add_func ("/amendments/decide-and-reopen", test_decide_and_reopen);
  g_test_add_func ("/amendments/reopen-accepted", test_reopen_accepted);
  g_test_add_func ("/amendments/conflicts-and-reapply", test_conflicts_and_reapply);
  g_test_add_func ("/amendments/structure", test_structure);
  g_test_add_func ("/amendments/delete-conflicts", test_delete_conflicts);
  g_test_add_func ("/amendments/accept-against-older-wording", test_accept_against_older_wording);
  g_test_add_func ("/amendments/snapshot", test_snapshot);
  g_test_add_func ("/amendments/update-as-typed", test_update_as_typed);
  g_test_add_func ("/amendments/all-conflicts", test_all_conflicts);
  g_test_add_func ("/amendments/plain-record", test_plain_record);
  g_test_add_func ("/amendments/element-split-or-merged", test_element_split_or_merged);

  return g_test_run ();
}
