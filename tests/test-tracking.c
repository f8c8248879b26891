/* test-tracking.c: proposed amendments marked in the text, as every view reads them
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
  DraftingDocument *document = drafting_test_import_string (
    "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
    "\n"
    "THE CUSTOMS CO-OPERATION COUNCIL,\n"
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

static DraftingAmendment *
propose (DraftingDocument        *document,
         DraftingAmendmentAction  action,
         const char              *delegation,
         DraftingNode            *target,
         const char              *text)
{
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (action, delegation);
  g_autoptr(GError) error = NULL;

  drafting_amendment_set_target (amendment, drafting_node_get_id (target), DRAFTING_PLACEMENT_AFTER);
  if (text != NULL)
    {
      g_autoptr(DraftingInline) content = drafting_inline_new (text);

      if (action == DRAFTING_AMENDMENT_INSERT)
        drafting_amendment_set_kind (amendment, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
      drafting_amendment_set_wording (amendment, drafting_node_get_lead (target), content);
    }
  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&amendment);
}

/* The runs of @marked as "+text/Author" and "-text/Author", in order. */
static char *
runs_of (DraftingMarkedText *marked)
{
  GString *out = g_string_new (NULL);
  const char *text = drafting_marked_text_get_text (marked);

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);

      g_string_append_printf (out, "%s%c%.*s/%s", i > 0 ? " " : "",
                              run->change == DRAFTING_CHANGE_INSERTED ? '+' : '-',
                              (int) (run->end - run->start), text + run->start,
                              run->author != NULL ? run->author : "");
    }

  return g_string_free (out, FALSE);
}

static void
test_marked_text_runs (void)
{
  g_autoptr(DraftingMarkedText) marked = drafting_marked_text_new ();
  g_autofree char *wdiff = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *runs = NULL;

  drafting_marked_text_append (marked, "Keep ", -1, DRAFTING_CHANGE_NONE, NULL, NULL);
  drafting_marked_text_append (marked, "two\nlines", -1, DRAFTING_CHANGE_DELETED, "Kenya", "a1");
  /* The same change by the same hand, next to it: one run. */
  drafting_marked_text_append (marked, " gone", -1, DRAFTING_CHANGE_DELETED, "Kenya", "a1");
  drafting_marked_text_append (marked, " new", -1, DRAFTING_CHANGE_INSERTED, "Peru", "a2");
  drafting_marked_text_append (marked, "", -1, DRAFTING_CHANGE_INSERTED, "Peru", "a2");

  /* Runs never hold a line break. */
  g_assert_cmpuint (drafting_marked_text_get_n_runs (marked), ==, 3);
  runs = runs_of (marked);
  g_assert_cmpstr (runs, ==, "-two/Kenya -lines gone/Kenya + new/Peru");
  g_assert_true (drafting_marked_text_get_run (marked, 0)->author == g_intern_string ("Kenya"));
  g_assert_cmpstr (drafting_marked_text_get_run (marked, 2)->amendment, ==, "a2");

  wdiff = drafting_marked_text_to_wdiff (marked);
  g_assert_cmpstr (wdiff, ==, "Keep [-two-]\n[-lines gone-]{+ new+}");
  before = drafting_marked_text_to_plain (marked, DRAFTING_CHANGE_INSERTED);
  g_assert_cmpstr (before, ==, "Keep two\nlines gone");
  after = drafting_marked_text_to_plain (marked, DRAFTING_CHANGE_DELETED);
  g_assert_cmpstr (after, ==, "Keep \n new");
}

static void
test_marked_text_diff (void)
{
  g_autoptr(DraftingMarkedText) marked = drafting_marked_text_new ();
  g_autoptr(DraftingMarkedText) whole = drafting_marked_text_new ();
  g_autofree char *runs = NULL;
  g_autofree char *wdiff = NULL;

  drafting_marked_text_append_diff (marked, "Members should share information.",
                                    "Members must share data.", "en", "France", "a1");
  runs = runs_of (marked);
  g_assert_cmpstr (runs, ==, "-should/France +must/France -information/France +data/France");

  /* Added to another, its runs follow it. */
  drafting_marked_text_append (whole, "1. ", -1, DRAFTING_CHANGE_NONE, NULL, NULL);
  drafting_marked_text_append_marked (whole, marked);
  wdiff = drafting_marked_text_to_wdiff (whole);
  g_assert_cmpstr (wdiff, ==, "1. Members [-should-]{+must+} share [-information-]{+data+}.");
  g_assert_true (drafting_marked_text_has_changes (whole));
}

static void
test_tracking_wording (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  DraftingNode *second = paragraph (document, 1);
  DraftingNode *third = paragraph (document, 2);
  DraftingNode *item = drafting_node_get_child (second, 0);
  g_autoptr(DraftingAmendment) reword = propose (document, DRAFTING_AMENDMENT_REPLACE, "France", first,
                                                 "Members should simplify and speed up the clearance of relief consignments;");
  g_autoptr(DraftingAmendment) delete = propose (document, DRAFTING_AMENDMENT_DELETE, "Kenya", second, NULL);
  g_autoptr(DraftingAmendment) insert = propose (document, DRAFTING_AMENDMENT_INSERT, "Peru", third,
                                                 "Members should train officers.");
  g_autoptr(DraftingTracking) tracking = drafting_tracking_new (document, NULL);
  g_autoptr(DraftingMarkedText) first_marked = drafting_tracking_mark_wording (tracking, first);
  g_autoptr(DraftingMarkedText) item_marked = drafting_tracking_mark_wording (tracking, item);
  g_autoptr(DraftingMarkedText) third_marked = drafting_tracking_mark_wording (tracking, third);
  g_autoptr(DraftingMarkedText) arrivals = drafting_tracking_mark_arrivals (tracking, third, DRAFTING_PLACEMENT_AFTER);
  g_autoptr(DraftingMarkedText) none = drafting_tracking_mark_arrivals (tracking, first, DRAFTING_PLACEMENT_AFTER);
  g_autoptr(GPtrArray) about = drafting_tracking_get_about (tracking, drafting_node_get_id (second));
  g_autofree char *first_runs = runs_of (first_marked);
  g_autofree char *item_runs = runs_of (item_marked);
  g_autofree char *arrival_runs = NULL;

  g_assert_cmpuint (drafting_tracking_get_n_open (tracking), ==, 3);
  g_assert_cmpstr (first_runs, ==, "+and speed up /France");
  /* A sub-paragraph goes with the paragraph deleted. */
  g_assert_cmpstr (item_runs, ==, "-before a disaster;/Kenya");
  g_assert_cmpuint (drafting_marked_text_get_run (item_marked, 0)->amendment[0], !=, '\0');
  g_assert_false (drafting_marked_text_has_changes (third_marked));
  g_assert_nonnull (arrivals);
  arrival_runs = runs_of (arrivals);
  g_assert_cmpstr (arrival_runs, ==, "+Members should train officers./Peru");
  g_assert_null (none);
  g_assert_cmpuint (about->len, ==, 1);
  g_assert_true (g_ptr_array_index (about, 0) == delete);
  (void) reword;
  (void) insert;
}

static void
test_tracking_delegations (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  g_autoptr(DraftingAmendment) france = propose (document, DRAFTING_AMENDMENT_REPLACE, "France", first,
                                                 "Members should simplify the clearance of all consignments;");
  g_autoptr(DraftingAmendment) kenya = propose (document, DRAFTING_AMENDMENT_REPLACE, "Kenya", first,
                                                "Members shall simplify the clearance of relief consignments;");
  const char * const only_kenya[] = { "Kenya", NULL };
  g_autoptr(DraftingTracking) all = drafting_tracking_new (document, NULL);
  g_autoptr(DraftingTracking) kenyan = drafting_tracking_new (document, only_kenya);
  g_autoptr(DraftingMarkedText) both = drafting_tracking_mark_wording (all, first);
  g_autoptr(DraftingMarkedText) one = drafting_tracking_mark_wording (kenyan, first);
  g_autofree char *both_wdiff = drafting_marked_text_to_wdiff (both);
  g_autofree char *one_runs = runs_of (one);
  g_autoptr(GError) error = NULL;

  /* Two proposals: the text as it is, then a line for each. */
  g_assert_cmpstr (both_wdiff, ==,
                   "Members should simplify the clearance of relief consignments;\n"
                   "[France] Members should simplify the clearance of [-relief-]{+all+} consignments;\n"
                   "[Kenya] Members [-should-]{+shall+} simplify the clearance of relief consignments;");
  g_assert_cmpstr (one_runs, ==, "-should/Kenya +shall/Kenya");

  /* Decided, it is no longer marked. */
  g_assert_true (drafting_document_decide_amendment (document, kenya, DRAFTING_AMENDMENT_REJECTED, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DraftingTracking) after = drafting_tracking_new (document, only_kenya);

    g_assert_cmpuint (drafting_tracking_get_n_open (after), ==, 0);
  }
  (void) france;
}

static void
test_as_proposed (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  DraftingNode *first = paragraph (document, 0);
  DraftingNode *third = paragraph (document, 2);
  g_autoptr(DraftingAmendment) reword = propose (document, DRAFTING_AMENDMENT_REPLACE, "France", first,
                                                 "Members should speed up the clearance of relief consignments;");
  g_autoptr(DraftingAmendment) delete = propose (document, DRAFTING_AMENDMENT_DELETE, "Kenya", third, NULL);
  g_autofree char *before = drafting_render_document_text (document);
  g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);
  g_autofree char *after = drafting_render_document_text (document);
  g_autofree char *text = drafting_render_document_text (proposed);
  const char * const only_france[] = { "France", NULL };
  g_autoptr(DraftingDocument) french = drafting_document_new_as_proposed (document, only_france);
  g_autofree char *french_text = drafting_render_document_text (french);

  /* The document itself does not change. */
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (drafting_amendment_get_status (reword), ==, DRAFTING_AMENDMENT_PROPOSED);
  g_assert_nonnull (strstr (text, "1. Members should speed up the clearance"));
  g_assert_null (strstr (text, "The Secretariat should report"));
  g_assert_false (drafting_document_get_modified (proposed));
  g_assert_false (drafting_document_can_undo (proposed));
  g_assert_nonnull (strstr (french_text, "should speed up"));
  g_assert_nonnull (strstr (french_text, "The Secretariat should report"));
  (void) delete;
}

/* A large document: every element marked, reading each amendment once. */
static void
test_tracking_large (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (2000, NULL);
  guint n = 0;
  g_autoptr(DraftingTracking) tracking = NULL;
  g_autoptr(DraftingMarkedText) marked = NULL;
  g_autofree char *wdiff = NULL;

  guint n_paragraphs = drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH);

  g_assert_cmpuint (n_paragraphs, >, 100);
  for (guint i = 0; i < n_paragraphs; i += 4, n++)
    {
      DraftingNode *node = paragraph (document, i);
      g_autofree char *text = g_strconcat (drafting_inline_get_text (drafting_node_get_content (node)),
                                           " promptly", NULL);
      g_autoptr(DraftingAmendment) amendment = propose (document, DRAFTING_AMENDMENT_REPLACE,
                                                        i % 8 == 0 ? "Chile" : "Japan", node, text);
    }

  tracking = drafting_tracking_new (document, NULL);
  g_assert_cmpuint (drafting_tracking_get_n_open (tracking), ==, n);
  marked = drafting_tracking_render_document (tracking);
  wdiff = drafting_marked_text_to_wdiff (marked);
  /* Each rewording marked once, where it is: the words it adds. */
  {
    guint found = 0;

    for (const char *at = wdiff; (at = strstr (at, "{+ promptly+}")) != NULL; at++)
      found++;
    g_assert_cmpuint (found, ==, n);
  }
  g_assert_cmpuint (drafting_marked_text_get_n_runs (marked), >=, n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/marked-text/runs", test_marked_text_runs);
  g_test_add_func ("/marked-text/diff", test_marked_text_diff);
  g_test_add_func ("/tracking/wording", test_tracking_wording);
  g_test_add_func ("/tracking/delegations", test_tracking_delegations);
  g_test_add_func ("/tracking/as-proposed", test_as_proposed);
  g_test_add_func ("/tracking/large", test_tracking_large);

  return g_test_run ();
}
