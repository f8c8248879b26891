/* test-amendment-file.c: amendments sent as a file of their own, and taken in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

static DraftingDocument *
new_resolution (void)
{
  DraftingDocument *document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);

  drafting_document_set_symbol (document, "SC0042E1");
  drafting_document_clear_history (document);
  return document;
}

/* A copy of @document, as another delegation has it: saved and loaded. */
static DraftingDocument *
copy_document (DraftingDocument *document)
{
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
  g_autoptr(GError) error = NULL;
  DraftingDocument *copy = drafting_native_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return copy;
}

static DraftingNode *
paragraph (DraftingDocument *document,
           guint             nth)
{
  return drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, nth);
}

static DraftingAmendment *
propose_replace (DraftingDocument *document,
                 DraftingNode     *node,
                 const char       *delegation,
                 const char       *text)
{
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE,
                                                                   delegation);
  g_autoptr(DraftingInline) content = drafting_inline_new (text);
  g_autoptr(GError) error = NULL;

  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&amendment);
}

static guint
n_amendments (DraftingDocument *document)
{
  return g_list_model_get_n_items (drafting_document_get_amendments (document));
}

static GBytes *
write_file (DraftingDocument *document,
            const char       *delegation)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = drafting_amendment_file_write (document, delegation, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
import_ok (DraftingDocument      *document,
           GBytes                *bytes,
           DraftingImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_amendment_file_import (document, bytes, summary, &error));
  g_assert_no_error (error);
}

/* Four amendments, one of each action, from France (one co-sponsored by
 * Belgium) and one from Japan. */
static void
propose_all (DraftingDocument *document)
{
  g_autoptr(DraftingAmendment) replace = NULL;
  g_autoptr(DraftingAmendment) insert = drafting_amendment_new (DRAFTING_AMENDMENT_INSERT, "France");
  g_autoptr(DraftingAmendment) delete = drafting_amendment_new (DRAFTING_AMENDMENT_DELETE, "France");
  g_autoptr(DraftingAmendment) move = drafting_amendment_new (DRAFTING_AMENDMENT_MOVE, "Japan");
  g_autoptr(DraftingInline) content = drafting_inline_new ("Members should share data\nat once");
  g_autoptr(DraftingAmendment) withdrawn = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const cosponsors[] = { "Belgium", "Canada", NULL };

  replace = propose_replace (document, paragraph (document, 0), "France",
                             "Members should simplify & speed the clearance of <relief> goods;");
  drafting_document_decide_amendment (document, replace, DRAFTING_AMENDMENT_WITHDRAWN, &error);
  g_assert_no_error (error);
  withdrawn = g_steal_pointer (&replace);

  {
    g_autoptr(DraftingAmendment) rich = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE,
                                                                "France");
    g_autoptr(DraftingInline) text = drafting_inline_new ("Members should simplify the clearance "
                                                          "of relief consignments at once;");

    drafting_inline_add_mark (text, DRAFTING_MARK_EMPHASIS, 8, 14, NULL);
    drafting_inline_add_mark (text, DRAFTING_MARK_STRONG, 10, 24, NULL);
    drafting_amendment_set_target (rich, drafting_node_get_id (paragraph (document, 0)),
                                   DRAFTING_PLACEMENT_AFTER);
    drafting_amendment_set_wording (rich, "", text);
    drafting_amendment_set_cosponsors (rich, cosponsors);
    drafting_amendment_set_author (rich, "Mme Dupont");
    drafting_amendment_set_justification (rich, "Speed matters.");
    g_assert_true (drafting_document_propose (document, rich, &error));
    g_assert_no_error (error);
  }

  drafting_amendment_set_target (insert, drafting_node_get_id (paragraph (document, 1)),
                                 DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_kind (insert, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  drafting_amendment_set_wording (insert, "", content);
  g_assert_true (drafting_document_propose (document, insert, &error));
  g_assert_no_error (error);

  drafting_amendment_set_target (delete, drafting_node_get_id (paragraph (document, 2)),
                                 DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_cosponsors (delete, cosponsors);
  g_assert_true (drafting_document_propose (document, delete, &error));
  g_assert_no_error (error);

  drafting_amendment_set_target (move, drafting_node_get_id (paragraph (document, 2)),
                                 DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (move, drafting_node_get_id (paragraph (document, 0)),
                                      DRAFTING_PLACEMENT_AFTER);
  g_assert_true (drafting_document_propose (document, move, &error));
  g_assert_no_error (error);
}

static void
assert_same_amendment (DraftingAmendment *a,
                       DraftingAmendment *b)
{
  DraftingPlacement pa = 0, pb = 0;

  g_assert_cmpstr (drafting_amendment_get_id (a), ==, drafting_amendment_get_id (b));
  g_assert_cmpint (drafting_amendment_get_action (a), ==, drafting_amendment_get_action (b));
  g_assert_cmpstr (drafting_amendment_get_delegation (a), ==, drafting_amendment_get_delegation (b));
  g_assert_true (g_strv_equal ((const char * const *) drafting_amendment_get_cosponsors (a),
                               (const char * const *) drafting_amendment_get_cosponsors (b)));
  g_assert_cmpstr (drafting_amendment_get_author (a), ==, drafting_amendment_get_author (b));
  g_assert_true (g_date_time_equal (drafting_amendment_get_date (a), drafting_amendment_get_date (b)));
  g_assert_cmpstr (drafting_amendment_get_target (a), ==, drafting_amendment_get_target (b));
  g_assert_cmpint (drafting_amendment_get_placement (a), ==, drafting_amendment_get_placement (b));
  g_assert_cmpstr (drafting_amendment_get_destination (a, &pa), ==,
                   drafting_amendment_get_destination (b, &pb));
  g_assert_cmpint (pa, ==, pb);
  g_assert_cmpint (drafting_amendment_get_kind (a), ==, drafting_amendment_get_kind (b));
  g_assert_cmpstr (drafting_amendment_get_target_label (a), ==,
                   drafting_amendment_get_target_label (b));
  g_assert_cmpstr (drafting_amendment_get_base_lead (a), ==, drafting_amendment_get_base_lead (b));
  g_assert_true (drafting_inline_equal (drafting_amendment_get_base_content (a),
                                        drafting_amendment_get_base_content (b)));
  g_assert_cmpstr (drafting_amendment_get_lead (a), ==, drafting_amendment_get_lead (b));
  g_assert_true (drafting_inline_equal (drafting_amendment_get_content (a),
                                        drafting_amendment_get_content (b)));
  g_assert_cmpstr (drafting_amendment_get_justification (a), ==,
                   drafting_amendment_get_justification (b));
  g_assert_cmpint (drafting_amendment_get_status (b), ==, DRAFTING_AMENDMENT_PROPOSED);
}

static void
test_round_trip (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) copy = copy_document (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) france = NULL;
  DraftingImportSummary summary;
  GListModel *record;

  propose_all (document);
  bytes = write_file (document, NULL);
  g_test_message ("%.*s", (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  g_assert_true (drafting_amendment_file_sniff (g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes)));

  import_ok (copy, bytes, &summary);
  g_assert_cmpuint (summary.added, ==, 4);
  g_assert_cmpuint (summary.duplicates, ==, 0);
  g_assert_cmpuint (summary.not_applicable, ==, 0);
  /* The deletion and the move of paragraph 3 conflict with each other. */
  g_assert_cmpuint (summary.conflicting, ==, 2);
  g_assert_cmpuint (n_amendments (copy), ==, 4);

  /* The withdrawn one stays behind; the others come as they were. */
  record = drafting_document_get_amendments (document);
  for (guint i = 1; i < g_list_model_get_n_items (record); i++)
    {
      g_autoptr(DraftingAmendment) a = g_list_model_get_item (record, i);
      g_autoptr(DraftingAmendment) b = g_list_model_get_item (drafting_document_get_amendments (copy),
                                                              i - 1);

      assert_same_amendment (a, b);
    }

  /* The same record gives the same bytes. */
  again = write_file (copy, NULL);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Belgium's: the two open ones it co-sponsors, which the copy has. */
  france = write_file (document, "Belgium");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DraftingDocument) fresh = NULL;

    fresh = copy_document (copy);
    g_assert_true (drafting_amendment_file_import (fresh, france, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.added, ==, 0);
    g_assert_cmpuint (summary.duplicates, ==, 2);
  }
}

static void
test_twice (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) copy = copy_document (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  DraftingImportSummary summary;

  propose_all (document);
  bytes = write_file (document, "France");

  import_ok (copy, bytes, &summary);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (summary.duplicates, ==, 0);
  saved = drafting_test_save_bytes (copy);

  import_ok (copy, bytes, &summary);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.duplicates, ==, 3);
  g_assert_cmpuint (summary.conflicting, ==, 0);
  g_assert_cmpuint (n_amendments (copy), ==, 3);
  saved_again = drafting_test_save_bytes (copy);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* The same proposal, made again under another identifier, as a
 * delegation that typed it twice would. */
static void
test_same_in_another_file (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) first = copy_document (document);
  g_autoptr(DraftingDocument) second = copy_document (document);
  g_autoptr(DraftingAmendment) a = NULL;
  g_autoptr(DraftingAmendment) b = NULL;
  g_autoptr(DraftingAmendment) c = NULL;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;
  DraftingImportSummary summary;

  a = propose_replace (first, paragraph (first, 0), "France", "Members should act;");
  b = propose_replace (second, paragraph (second, 0), "France", "Members should act;");
  c = propose_replace (second, paragraph (second, 2), "France", "The Secretariat should act;");
  g_assert_cmpstr (drafting_amendment_get_id (a), !=, drafting_amendment_get_id (b));
  one = write_file (first, "France");
  two = write_file (second, "France");

  import_ok (document, one, &summary);
  g_assert_cmpuint (summary.added, ==, 1);
  import_ok (document, two, &summary);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.duplicates, ==, 1);
  g_assert_cmpuint (n_amendments (document), ==, 2);

  /* Another delegation's same words are its own amendment, and conflict. */
  {
    g_autoptr(DraftingDocument) third = copy_document (first);
    g_autoptr(DraftingAmendment) d = NULL;
    g_autoptr(GBytes) three = NULL;

    d = propose_replace (third, paragraph (third, 0), "Japan", "Members should act;");
    three = write_file (third, "Japan");
    import_ok (document, three, &summary);
    g_assert_cmpuint (summary.added, ==, 1);
    g_assert_cmpuint (summary.duplicates, ==, 0);
    g_assert_cmpuint (summary.conflicting, ==, 1);
  }
}

static void
test_other_document (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) other = new_resolution ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  DraftingImportSummary summary = { 7, 7, 7, 7 };

  propose_all (document);
  drafting_document_set_symbol (other, "SC0099E1");
  drafting_document_clear_history (other);
  bytes = write_file (document, NULL);
  before = drafting_test_save_bytes (other);

  g_assert_false (drafting_amendment_file_import (other, bytes, &summary, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==,
                   "These amendments are for the document “SC0042E1”, not for “SC0099E1”");
  g_assert_cmpuint (summary.added, ==, 7);
  g_assert_false (drafting_document_can_undo (other));
  after = drafting_test_save_bytes (other);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);

  /* Without symbols, the documents are named by their identifiers. */
  drafting_document_set_symbol (document, "");
  drafting_document_set_symbol (other, "");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = write_file (document, NULL);
  g_assert_false (drafting_amendment_file_import (other, bytes, NULL, &error));
  expected = g_strdup_printf ("These amendments are for the document “%s”, not for “%s”",
                              drafting_document_get_identifier (document),
                              drafting_document_get_identifier (other));
  g_assert_cmpstr (error->message, ==, expected);
}

/* A file refused: an error that says something, and the document as it was. */
static void
assert_refused (DraftingDocument *document,
                const char       *data,
                gssize            len,
                int               code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GBytes) before = drafting_test_save_bytes (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_amendments (document);

  g_assert_false (drafting_amendment_file_import (document, bytes, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, DRAFTING_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (n_amendments (document), ==, n);
  after = drafting_test_save_bytes (document);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_hostile (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  const char *id = drafting_document_get_identifier (document);
  g_autofree char *head = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<amendments xmlns=\"" DRAFTING_AMENDMENT_FILE_NAMESPACE "\" version=\"1.0\">"
    "<document identifier=\"%s\"/>", id);
  g_autofree char *bomb = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE amendments [\n"
    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    "]>\n"
    "<amendments xmlns=\"" DRAFTING_AMENDMENT_FILE_NAMESPACE "\" version=\"1.0\">"
    "<document identifier=\"%s\"><symbol>&c;</symbol></document></amendments>\n", id);
  g_autofree char *external = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE amendments [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<amendments xmlns=\"" DRAFTING_AMENDMENT_FILE_NAMESPACE "\" version=\"1.0\">"
    "<document identifier=\"%s\"><symbol>&x;</symbol></document></amendments>\n", id);
  g_autofree char *bad_utf8 = g_strdup_printf ("%s<amendment id=\"a\" action=\"delete\" "
                                               "date=\"2024-01-01T00:00:00Z\" target=\"x\">"
                                               "<delegation>Fr\xC3\x28nce</delegation>"
                                               "</amendment></amendments>", head);
  g_autofree char *truncated = g_strdup_printf ("%s<amendment id=\"a\" action=\"del", head);
  g_autofree char *wrong_root = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<document xmlns=\"" DRAFTING_NATIVE_NAMESPACE "\" version=\"1.1\"/>");
  g_autofree char *no_delegation = g_strdup_printf (
    "%s<amendment id=\"a\" action=\"delete\" date=\"2024-01-01T00:00:00Z\" target=\"x\"/>"
    "</amendments>", head);
  g_autofree char *status = g_strdup_printf (
    "%s<amendment id=\"a\" action=\"delete\" status=\"accepted\" date=\"2024-01-01T00:00:00Z\" "
    "target=\"x\"><delegation>France</delegation></amendment></amendments>", head);
  g_autofree char *bad_action = g_strdup_printf (
    "%s<amendment id=\"a\" action=\"explode\" date=\"2024-01-01T00:00:00Z\" "
    "target=\"x\"><delegation>France</delegation></amendment></amendments>", head);
  g_autofree char *twice = g_strdup_printf (
    "%s<amendment id=\"a\" action=\"delete\" date=\"2024-01-01T00:00:00Z\" target=\"x\">"
    "<delegation>France</delegation></amendment>"
    "<amendment id=\"a\" action=\"delete\" date=\"2024-01-01T00:00:00Z\" target=\"y\">"
    "<delegation>France</delegation></amendment></amendments>", head);
  g_autofree char *double_ref = g_strdup_printf (
    "%s<amendment id=\"a\" action=\"replace\" date=\"2024-01-01T00:00:00Z\" target=\"x\">"
    "<delegation>France</delegation><proposed><text xmlns=\"" DRAFTING_NATIVE_NAMESPACE "\">"
    "a<fnref ref=\"f\"/>b<fnref ref=\"f\"/></text></proposed></amendment></amendments>", head);
  g_autoptr(GString) deep = g_string_new (head);
  g_autofree char *huge = NULL;
  gsize huge_len = DRAFTING_MAX_FILE_SIZE + 1;

  assert_refused (document, bomb, -1, DRAFTING_ERROR_FORBIDDEN);
  assert_refused (document, external, -1, DRAFTING_ERROR_FORBIDDEN);
  assert_refused (document, bad_utf8, -1, DRAFTING_ERROR_INVALID_UTF8);
  assert_refused (document, truncated, -1, DRAFTING_ERROR_NOT_WELL_FORMED);
  assert_refused (document, "", 0, DRAFTING_ERROR_EMPTY);
  assert_refused (document, wrong_root, -1, DRAFTING_ERROR_UNKNOWN_FORMAT);
  assert_refused (document, no_delegation, -1, DRAFTING_ERROR_INVALID);
  assert_refused (document, status, -1, DRAFTING_ERROR_INVALID);
  assert_refused (document, bad_action, -1, DRAFTING_ERROR_INVALID);
  assert_refused (document, twice, -1, DRAFTING_ERROR_INVALID);
  assert_refused (document, double_ref, -1, DRAFTING_ERROR_INVALID);

  for (guint i = 0; i < 200; i++)
    g_string_append (deep, "<a>");
  assert_refused (document, deep->str, deep->len, DRAFTING_ERROR_TOO_DEEP);

  huge = g_malloc (huge_len);
  memset (huge, ' ', huge_len);
  memcpy (huge, head, strlen (head));
  assert_refused (document, huge, huge_len, DRAFTING_ERROR_TOO_LARGE);
}

/* An amendment about an element the document no longer has is left out,
 * and said to be. */
static void
test_not_applicable (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) copy = copy_document (document);
  g_autoptr(DraftingAmendment) a = NULL;
  g_autoptr(DraftingAmendment) b = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DraftingImportSummary summary;

  a = propose_replace (copy, paragraph (copy, 0), "France", "Members should act;");
  b = propose_replace (copy, paragraph (copy, 2), "France", "The Secretariat should act;");
  bytes = write_file (copy, NULL);

  drafting_document_delete (document, paragraph (document, 2));
  import_ok (document, bytes, &summary);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.not_applicable, ==, 1);
  g_assert_cmpuint (summary.duplicates, ==, 0);
}

/* The elements that have wording to replace. */
static void
collect_worded (DraftingNode *node,
                GPtrArray    *nodes)
{
  if (drafting_kind_has_text (drafting_node_get_kind (node)) &&
      !drafting_inline_is_empty (drafting_node_get_content (node)))
    g_ptr_array_add (nodes, node);
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    collect_worded (drafting_node_get_child (node, i), nodes);
}

static void
test_many_delegations (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (400, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GBytes) before = drafting_test_save_bytes (document);
  g_autoptr(GBytes) after = NULL;
  guint added = 0, conflicting = 0;
  GRand *rand = g_rand_new_with_seed (180);

  collect_worded (drafting_document_get_root (document), paragraphs);
  g_assert_cmpuint (paragraphs->len, >, 0);

  /* Each delegation, with a copy of its own, proposes two rewordings. */
  for (guint d = 0; d < 180; d++)
    {
      g_autoptr(DraftingDocument) copy = copy_document (document);
      g_autofree char *delegation = g_strdup_printf ("Delegation %03u", d);

      for (guint k = 0; k < 2; k++)
        {
          DraftingNode *node = g_ptr_array_index (paragraphs,
                                                  g_rand_int_range (rand, 0, paragraphs->len));
          g_autofree char *text = g_strdup_printf ("%s, as %s proposes (%u).",
                                                   drafting_inline_get_text (drafting_node_get_content (node)),
                                                   delegation, k);
          g_autoptr(DraftingAmendment) amendment = NULL;

          amendment = propose_replace (copy, drafting_document_lookup (copy, drafting_node_get_id (node)),
                                       delegation, text);
        }
      g_ptr_array_add (files, write_file (copy, delegation));
    }
  g_rand_free (rand);

  for (guint i = 0; i < files->len; i++)
    {
      DraftingImportSummary summary;

      import_ok (document, g_ptr_array_index (files, i), &summary);
      g_assert_cmpuint (summary.added, ==, 2);
      g_assert_cmpuint (summary.duplicates, ==, 0);
      g_assert_cmpuint (summary.not_applicable, ==, 0);
      added += summary.added;
      conflicting += summary.conflicting;
    }
  g_assert_cmpuint (added, ==, 360);
  g_assert_cmpuint (n_amendments (document), ==, 360);
  g_assert_cmpuint (conflicting, >, 0);

  /* Each import is one step back. */
  for (guint i = 0; i < files->len; i++)
    g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (n_amendments (document), ==, 0);
  after = drafting_test_save_bytes (document);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_undo (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) copy = copy_document (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GBytes) imported = NULL;
  DraftingImportSummary summary;

  propose_all (document);
  bytes = write_file (document, NULL);
  before = drafting_test_save_bytes (copy);

  import_ok (copy, bytes, &summary);
  g_assert_cmpuint (summary.added, ==, 4);
  g_assert_cmpstr (drafting_document_get_undo_label (copy), ==, "Undo Import Amendments");
  imported = drafting_test_save_bytes (copy);

  g_assert_true (drafting_document_undo (copy));
  g_assert_cmpuint (n_amendments (copy), ==, 0);
  g_assert_false (drafting_document_can_undo (copy));
  after = drafting_test_save_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_true (drafting_document_redo (copy));
  redone = drafting_test_save_bytes (copy);
  g_assert_true (g_bytes_equal (imported, redone));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/amendment-file/round-trip", test_round_trip);
  g_test_add_func ("/amendment-file/twice", test_twice);
  g_test_add_func ("/amendment-file/same-in-another-file", test_same_in_another_file);
  g_test_add_func ("/amendment-file/other-document", test_other_document);
  g_test_add_func ("/amendment-file/hostile", test_hostile);
  g_test_add_func ("/amendment-file/not-applicable", test_not_applicable);
  g_test_add_func ("/amendment-file/many-delegations", test_many_delegations);
  g_test_add_func ("/amendment-file/undo", test_undo);

  return g_test_run ();
}
