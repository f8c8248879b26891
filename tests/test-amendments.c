/* test-amendments.c: amendments proposed, decided, undone, re-applied and reopened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-test-utils.h"

static DraftingDocument *
new_resolution (void)
{
  DraftingDocument *document = drafting_test_import_string (
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
    "\n"
    "NOTING that natural disasters are increasing,\n"
    "\n"
    "RESOLVES:\n"
    "\n"
    "1. Members should simplify the clearance of relief consignments;\n"
    "\n"
    "2. Members should share information with other border agencies:\n"
    "(a) before a disaster;\n"
    "(b) during a disaster; and\n"
    "\n"
    "3. The Secretariat should report to the Council every year.\n",
    NULL);

  drafting_document_clear_history (document);
  return document;
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

  return g_test_run ();
}
