/* test-amendments-panel.c: the amendments panel: its list, filters, counts and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-amendment-row.h"
#include "drafting-amendments-panel.h"
#include "drafting-gui-test-utils.h"
#include "drafting-list-revealer.h"
#include "drafting-test-utils.h"

typedef struct
{
  GtkWidget               *window;
  DraftingAmendmentsPanel *panel;
  GtkWidget               *list_view;
  DraftingDocument        *document;
  DraftingAmendment       *france;     /* replaces words of paragraph 1 */
  DraftingAmendment       *kenya;      /* replaces paragraph 2, with Japan */
  DraftingAmendment       *japan;      /* deletes paragraph 3 */
} Fixture;

static DraftingDocument *
new_resolution (void)
{
  return drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS_FLAT);
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
         DraftingNode            *node,
         const char              *delegation,
         const char              *text)
{
  g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (action, delegation);
  g_autoptr(GError) error = NULL;

  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  if (text != NULL)
    {
      g_autoptr(DraftingInline) content = drafting_inline_new (text);

      drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
    }
  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&amendment);
}

static void
fixture_open (Fixture          *fixture,
              DraftingDocument *document)
{
  fixture->document = document;
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 380, 760);
  fixture->panel = DRAFTING_AMENDMENTS_PANEL (drafting_amendments_panel_new ());
  drafting_amendments_panel_set_document (fixture->panel, document);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->panel));
  fixture->list_view = drafting_gui_test_find_named (GTK_WIDGET (fixture->panel),
                                                     "amendments-list");
  g_assert_true (GTK_IS_LIST_VIEW (fixture->list_view));

  drafting_gui_test_present (fixture->window);
}

/* A resolution with three amendments of three delegations, shown. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  DraftingDocument *document = new_resolution ();
  const char * const with_japan[] = { "Japan", NULL };

  fixture->france = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 0),
                             "France", "Members should simplify and speed up the clearance of "
                             "relief consignments;");
  drafting_amendment_set_justification (fixture->france, "Relief arrives late at the border");
  fixture->kenya = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE, "Kenya");
  {
    g_autoptr(DraftingInline) content = NULL;
    g_autoptr(GError) error = NULL;

    content = drafting_inline_new ("Members should share risk information with other border "
                                   "agencies;");

    drafting_amendment_set_target (fixture->kenya, drafting_node_get_id (paragraph (document, 1)),
                                   DRAFTING_PLACEMENT_AFTER);
    drafting_amendment_set_wording (fixture->kenya, NULL, content);
    drafting_amendment_set_cosponsors (fixture->kenya, with_japan);
    g_assert_true (drafting_document_propose (document, fixture->kenya, &error));
    g_assert_no_error (error);
  }
  fixture->japan = propose (document, DRAFTING_AMENDMENT_DELETE, paragraph (document, 2), "Japan",
                            NULL);
  drafting_document_clear_history (document);

  fixture_open (fixture, document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_gui_test_destroy (fixture->window);
  g_clear_object (&fixture->france);
  g_clear_object (&fixture->kenya);
  g_clear_object (&fixture->japan);
  g_clear_object (&fixture->document);
}

/* The list's model: the record, filtered, given to the list a few at a
 * frame. */
static DraftingListRevealer *
revealer (Fixture *fixture)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (fixture->list_view));

  return DRAFTING_LIST_REVEALER (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)));
}

static GtkFilterListModel *
filtered (Fixture *fixture)
{
  return GTK_FILTER_LIST_MODEL (drafting_list_revealer_get_model (revealer (fixture)));
}

/* What the list shows, the amendments the filter found. */
static GListModel *
shown (Fixture *fixture)
{
  return G_LIST_MODEL (revealer (fixture));
}

/* Turns the main loop until the filter has looked at every amendment, the
 * list has been given all it found, and the panel has caught up with what
 * changed. */
static void
settle (Fixture *fixture)
{
  drafting_gui_test_iterate ();
  for (guint i = 0; i < 100000 && gtk_filter_list_model_get_pending (filtered (fixture)) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gtk_filter_list_model_get_pending (filtered (fixture)), ==, 0);
  drafting_gui_test_wait_frames (fixture->window, 1);
  for (guint i = 0; i < 1000 && !drafting_list_revealer_is_done (revealer (fixture)); i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  g_assert_true (drafting_list_revealer_is_done (revealer (fixture)));
  drafting_gui_test_iterate ();
}

static guint
n_shown (Fixture *fixture)
{
  settle (fixture);
  return g_list_model_get_n_items (G_LIST_MODEL (shown (fixture)));
}

static GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = drafting_gui_test_find_named (GTK_WIDGET (fixture->panel), name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
counts (Fixture *fixture)
{
  settle (fixture);
  return gtk_label_get_label (GTK_LABEL (named (fixture, "counts-label")));
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = named (fixture, "search-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* As the entry does after a pause in the typing. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
choose (Fixture    *fixture,
        const char *dropdown_name,
        const char *choice)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (named (fixture, dropdown_name));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), choice) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  g_error ("%s has no choice “%s”", dropdown_name, choice);
}

static char *
choices (Fixture    *fixture,
         const char *dropdown_name)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (named (fixture, dropdown_name)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (text, FALSE);
}

static guint
position_of (Fixture           *fixture,
             DraftingAmendment *amendment)
{
  GListModel *model = G_LIST_MODEL (shown (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DraftingAmendment) item = g_list_model_get_item (model, i);

      if (item == amendment)
        return i;
    }

  g_error ("the amendment of %s is not shown", drafting_amendment_get_delegation (amendment));
  return G_MAXUINT;
}

static void
select_only (Fixture           *fixture,
             DraftingAmendment *first,
             DraftingAmendment *second)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (fixture->list_view));

  settle (fixture);
  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, position_of (fixture, first), FALSE);
  if (second != NULL)
    gtk_selection_model_select_item (selection, position_of (fixture, second), FALSE);
}

static gboolean
can (Fixture    *fixture,
     const char *button_name)
{
  GtkWidget *button = named (fixture, button_name);

  settle (fixture);
  return gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button);
}

static DraftingAmendmentRow *
row_of (Fixture           *fixture,
        DraftingAmendment *amendment)
{
  settle (fixture);
  drafting_gui_test_wait_frames (fixture->window, 2);

  for (GtkWidget *item = gtk_widget_get_first_child (fixture->list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && DRAFTING_IS_AMENDMENT_ROW (row) &&
          drafting_amendment_row_get_amendment (DRAFTING_AMENDMENT_ROW (row)) == amendment)
        return DRAFTING_AMENDMENT_ROW (row);
    }

  g_error ("no row shows the amendment of %s", drafting_amendment_get_delegation (amendment));
  return NULL;
}

static GtkWidget *
tag_of (Fixture           *fixture,
        DraftingAmendment *amendment,
        const char        *name)
{
  GtkWidget *tag = drafting_gui_test_find_named (GTK_WIDGET (row_of (fixture, amendment)), name);

  g_assert_nonnull (tag);
  return tag;
}

static gboolean
tag_shown (Fixture           *fixture,
           DraftingAmendment *amendment,
           const char        *name)
{
  GtkWidget *tag = tag_of (fixture, amendment, name);

  return gtk_widget_get_visible (tag) && gtk_widget_get_visible (gtk_widget_get_parent (tag));
}

static const char *
tag_text (Fixture           *fixture,
          DraftingAmendment *amendment,
          const char        *name)
{
  return gtk_label_get_label (GTK_LABEL (tag_of (fixture, amendment, name)));
}

static gboolean
status_tag_has (Fixture           *fixture,
                DraftingAmendment *amendment,
                const char        *css_class)
{
  return gtk_widget_has_css_class (tag_of (fixture, amendment, "status-tag"), css_class);
}

static const char *
description_of (Fixture           *fixture,
                DraftingAmendment *amendment)
{
  return drafting_amendment_row_get_description (row_of (fixture, amendment));
}

/* Activates one of the panel's actions, as its button does. */
static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), action, NULL));
}

static const char *
undo_label (Fixture *fixture)
{
  return drafting_document_get_undo_label (fixture->document);
}

static guint
chosen (Fixture    *fixture,
        const char *dropdown_name)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (named (fixture, dropdown_name)));
}

static const char *
element_of (Fixture *fixture,
            guint    nth)
{
  return drafting_node_get_id (paragraph (fixture->document, nth));
}

#define assert_status(amendment, status) \
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_##status)

/* ------------------------------------------------------------------ */

static void
test_list (Fixture       *fixture,
           gconstpointer  data G_GNUC_UNUSED)
{
  const char *description;

  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_assert_true (drafting_amendments_panel_get_document (fixture->panel) == fixture->document);
  g_assert_false (gtk_widget_get_child_visible (named (fixture, "empty-page")));

  /* Each row says all of itself in words: the delegation too, not only
   * its colour. */
  description = description_of (fixture, fixture->kenya);
  g_assert_nonnull (strstr (description, "Amendment by Kenya, with Japan."));
  g_assert_nonnull (strstr (description, "Replace, Operative paragraph 2."));
  g_assert_nonnull (strstr (description, "Status: Proposed."));
  g_assert_nonnull (strstr (description, "Wording: Members should share risk information"));
  g_assert_cmpstr (tag_text (fixture, fixture->kenya, "status-tag"), ==, "Proposed");
  g_assert_true (status_tag_has (fixture, fixture->kenya, "status-proposed"));

  description = description_of (fixture, fixture->japan);
  g_assert_nonnull (strstr (description, "Amendment by Japan."));
  g_assert_nonnull (strstr (description, "Delete, Operative paragraph 3."));
  g_assert_nonnull (strstr (description, "Deletes: The Secretariat should report"));

  /* A deletion accepted: the element is gone, its name is not. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (drafting_document_accept_amendment (fixture->document, fixture->japan, &error));
    g_assert_no_error (error);
  }
  description = description_of (fixture, fixture->japan);
  g_assert_nonnull (strstr (description, "Delete, Operative paragraph 3."));
  g_assert_nonnull (strstr (description, "Status: Accepted."));
  g_assert_true (status_tag_has (fixture, fixture->japan, "status-accepted"));
  g_assert_false (status_tag_has (fixture, fixture->japan, "status-proposed"));

  /* No document, and a document without amendments: the empty state. */
  {
    g_autoptr(DraftingDocument) empty = new_resolution ();
    AdwStatusPage *page = ADW_STATUS_PAGE (named (fixture, "empty-page"));

    drafting_amendments_panel_set_document (fixture->panel, empty);
    g_assert_cmpuint (n_shown (fixture), ==, 0);
    g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));
    g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Amendments");
    g_assert_cmpstr (counts (fixture), ==, "No amendments");

    g_object_set (fixture->panel, "document", NULL, NULL);
    g_assert_null (drafting_amendments_panel_get_document (fixture->panel));
    g_assert_cmpuint (n_shown (fixture), ==, 0);
    g_assert_cmpstr (counts (fixture), ==, "No amendments");
    g_assert_false (can (fixture, "accept-button"));

    drafting_amendments_panel_set_document (fixture->panel, fixture->document);
    g_assert_cmpuint (n_shown (fixture), ==, 3);
    g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (page)));
  }
}

/* What an insertion and a move are about, in words. */
static void
test_describe (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  DraftingDocument *document = fixture->document;
  g_autoptr(DraftingAmendment) insert = drafting_amendment_new (DRAFTING_AMENDMENT_INSERT, "Chile");
  g_autoptr(DraftingAmendment) move = drafting_amendment_new (DRAFTING_AMENDMENT_MOVE, "Peru");
  g_autoptr(DraftingInline) content = drafting_inline_new ("Members should train their officers;");
  g_autofree char *insert_target = NULL;
  g_autofree char *move_target = NULL;

  drafting_amendment_set_target (insert, element_of (fixture, 0), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_kind (insert, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  drafting_amendment_set_wording (insert, NULL, content);
  g_assert_true (drafting_document_propose (document, insert, NULL));
  drafting_amendment_set_target (move, element_of (fixture, 0), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (move, element_of (fixture, 2), DRAFTING_PLACEMENT_AFTER);
  g_assert_true (drafting_document_propose (document, move, NULL));

  insert_target = drafting_amendment_row_describe_target (document, insert);
  g_assert_cmpstr (insert_target, ==, "New Operative paragraph after Operative paragraph 1");
  move_target = drafting_amendment_row_describe_target (document, move);
  g_assert_cmpstr (move_target, ==, "Operative paragraph 1, to go after Operative paragraph 3");
  g_assert_nonnull (strstr (description_of (fixture, insert),
                            "Amendment by Chile. Insert, New Operative paragraph after Operative "
                            "paragraph 1. Status: Proposed. Wording: Members should train"));

  /* The numbers are those of now: an element inserted before renumbers. */
  g_assert_true (drafting_document_accept_amendment (document, insert, NULL));
  g_clear_pointer (&move_target, g_free);
  move_target = drafting_amendment_row_describe_target (document, move);
  g_assert_cmpstr (move_target, ==, "Operative paragraph 1, to go after Operative paragraph 4");
  g_assert_nonnull (strstr (description_of (fixture, fixture->japan),
                            "Delete, Operative paragraph 4."));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (named (fixture, "empty-page"));

  /* By delegation, co-sponsor, wording, element and justification, in
   * any case. */
  search (fixture, "KENYA");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "japan");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  search (fixture, "speed up");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "operative paragraph 2");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "arrives late");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "Secretariat should report");
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  search (fixture, "no such words");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Amendments Match");

  search (fixture, "");
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (page)));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *delegations = NULL;
  g_autofree char *statuses = NULL;
  GtkWidget *chip = named (fixture, "element-chip");
  GtkWidget *chip_label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (chip)));
  g_autoptr(DraftingAmendment) brazil = NULL;

  /* The delegations that propose or co-sponsor, sorted. */
  settle (fixture);
  delegations = choices (fixture, "delegation-dropdown");
  g_assert_cmpstr (delegations, ==, "All Delegations|France|Japan|Kenya");
  statuses = choices (fixture, "status-dropdown");
  g_assert_cmpstr (statuses, ==, "All Statuses|Proposed|Accepted|Rejected|Withdrawn|Superseded");

  choose (fixture, "delegation-dropdown", "Japan");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  choose (fixture, "delegation-dropdown", "France");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  choose (fixture, "delegation-dropdown", "All Delegations");
  g_assert_cmpuint (n_shown (fixture), ==, 3);

  /* By status, following the decisions. */
  choose (fixture, "status-dropdown", "Accepted");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_true (drafting_document_accept_amendment (fixture->document, fixture->france, NULL));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  choose (fixture, "status-dropdown", "Proposed");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_true (drafting_document_undo (fixture->document));
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  choose (fixture, "status-dropdown", "All Statuses");

  /* By element, with a chip that says so and takes it away. */
  g_assert_false (gtk_widget_get_visible (chip));
  drafting_amendments_panel_set_element_filter (fixture->panel, element_of (fixture, 1));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (gtk_widget_get_visible (chip));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (chip_label)), ==, "Only: Operative paragraph 2");
  g_assert_cmpstr (drafting_amendments_panel_get_element_filter (fixture->panel), ==,
                   element_of (fixture, 1));
  g_signal_emit_by_name (chip, "clicked");
  g_assert_null (drafting_amendments_panel_get_element_filter (fixture->panel));
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_cmpuint (n_shown (fixture), ==, 3);

  /* The filters together. */
  choose (fixture, "delegation-dropdown", "Japan");
  search (fixture, "risk");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "");
  choose (fixture, "delegation-dropdown", "All Delegations");

  /* A new delegation joins the filter's choices, and leaves them with its
   * amendment; the one chosen stays chosen. */
  choose (fixture, "delegation-dropdown", "Kenya");
  brazil = propose (fixture->document, DRAFTING_AMENDMENT_REPLACE, paragraph (fixture->document, 0),
                    "Brazil", "Members should ease the clearance of relief consignments;");
  settle (fixture);
  g_clear_pointer (&delegations, g_free);
  delegations = choices (fixture, "delegation-dropdown");
  g_assert_cmpstr (delegations, ==, "All Delegations|Brazil|France|Japan|Kenya");
  g_assert_cmpuint (chosen (fixture, "delegation-dropdown"), ==, 4);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (drafting_document_undo (fixture->document));
  settle (fixture);
  g_clear_pointer (&delegations, g_free);
  delegations = choices (fixture, "delegation-dropdown");
  g_assert_cmpstr (delegations, ==, "All Delegations|France|Japan|Kenya");
  g_assert_cmpuint (chosen (fixture, "delegation-dropdown"), ==, 3);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  DraftingDocument *document = fixture->document;
  GtkLabel *label = GTK_LABEL (named (fixture, "counts-label"));
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (counts (fixture), ==, "3 proposed");

  g_assert_true (drafting_document_accept_amendment (document, fixture->france, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (counts (fixture), ==, "2 proposed, 1 accepted");

  g_assert_true (drafting_document_decide_amendment (document, fixture->kenya,
                                                     DRAFTING_AMENDMENT_REJECTED, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (counts (fixture), ==, "1 proposed, 1 accepted, 1 rejected");

  /* Counts are of the whole record, not of what the filters show. */
  choose (fixture, "delegation-dropdown", "France");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (counts (fixture), ==, "1 proposed, 1 accepted, 1 rejected");

  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (counts (fixture), ==, "2 proposed, 1 accepted");
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (counts (fixture), ==, "3 proposed");
  g_assert_true (drafting_document_redo (document));
  g_assert_cmpstr (counts (fixture), ==, "2 proposed, 1 accepted");

  /* Amendments coming in: counted once they are all in, in an idle, not
   * as each comes; and leaving with the undo. */
  drafting_document_begin_action (document, "Propose Two");
  g_object_unref (propose (document, DRAFTING_AMENDMENT_DELETE, paragraph (document, 1),
                           "Brazil", NULL));
  g_object_unref (propose (document, DRAFTING_AMENDMENT_DELETE, paragraph (document, 0),
                           "Chile", NULL));
  drafting_document_end_action (document);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "2 proposed, 1 accepted");
  g_assert_cmpstr (counts (fixture), ==, "4 proposed, 1 accepted");
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (counts (fixture), ==, "2 proposed, 1 accepted");
}

static void
test_accept_selected (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) selected = NULL;
  DraftingNode *first = paragraph (fixture->document, 0);
  g_autofree char *first_text = g_strdup (drafting_node_get_text (first));

  /* Nothing selected: nothing to decide. */
  g_assert_false (can (fixture, "accept-button"));
  g_assert_false (can (fixture, "reject-button"));
  g_assert_false (can (fixture, "withdraw-button"));
  g_assert_false (can (fixture, "reopen-button"));
  activate (fixture, "amendments.accept");
  assert_status (fixture->france, PROPOSED);
  g_assert_false (drafting_document_can_undo (fixture->document));

  select_only (fixture, fixture->france, fixture->kenya);
  selected = drafting_amendments_panel_get_selected (fixture->panel);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (g_ptr_array_index (selected, 0) == fixture->france);
  g_assert_true (g_ptr_array_index (selected, 1) == fixture->kenya);
  g_assert_true (can (fixture, "accept-button"));
  g_assert_true (can (fixture, "reject-button"));
  g_assert_true (can (fixture, "withdraw-button"));
  g_assert_false (can (fixture, "reopen-button"));

  /* Both accepted, as one change to undo. */
  activate (fixture, "amendments.accept");
  assert_status (fixture->france, ACCEPTED);
  assert_status (fixture->kenya, ACCEPTED);
  assert_status (fixture->japan, PROPOSED);
  g_assert_cmpstr (drafting_node_get_text (first), ==,
                   "Members should simplify and speed up the clearance of relief consignments;");
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Accept 2 Amendments");
  g_assert_cmpstr (counts (fixture), ==, "1 proposed, 2 accepted");

  /* All of the selection decided: it can be reopened, not decided again. */
  g_assert_false (can (fixture, "accept-button"));
  g_assert_true (can (fixture, "reopen-button"));

  g_assert_true (drafting_document_undo (fixture->document));
  assert_status (fixture->france, PROPOSED);
  assert_status (fixture->kenya, PROPOSED);
  g_assert_cmpstr (drafting_node_get_text (first), ==, first_text);
  g_assert_false (drafting_document_can_undo (fixture->document));
  g_assert_cmpstr (counts (fixture), ==, "3 proposed");
  g_assert_true (can (fixture, "accept-button"));
  g_assert_false (can (fixture, "reopen-button"));

  /* One alone: the core's own name for it. */
  select_only (fixture, fixture->france, NULL);
  activate (fixture, "amendments.accept");
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Accept Amendment");
}

static void
test_reject_withdraw_reopen (Fixture       *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  select_only (fixture, fixture->france, NULL);
  activate (fixture, "amendments.reject");
  assert_status (fixture->france, REJECTED);
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Reject Amendment");

  select_only (fixture, fixture->kenya, fixture->japan);
  activate (fixture, "amendments.withdraw");
  assert_status (fixture->kenya, WITHDRAWN);
  assert_status (fixture->japan, WITHDRAWN);
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Withdraw 2 Amendments");
  g_assert_cmpstr (counts (fixture), ==, "1 rejected, 2 withdrawn");
  g_assert_true (tag_shown (fixture, fixture->kenya, "status-tag"));
  g_assert_cmpstr (tag_text (fixture, fixture->kenya, "status-tag"), ==, "Withdrawn");

  /* All decided: reopened, and only that. */
  g_assert_true (can (fixture, "reopen-button"));
  g_assert_false (can (fixture, "accept-button"));
  g_assert_false (can (fixture, "reject-button"));
  activate (fixture, "amendments.reopen");
  assert_status (fixture->kenya, PROPOSED);
  assert_status (fixture->japan, PROPOSED);
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Reopen 2 Amendments");

  /* A selection of both kinds: decided as far as it is proposed, never
   * reopened. */
  select_only (fixture, fixture->france, fixture->kenya);
  g_assert_true (can (fixture, "reject-button"));
  g_assert_false (can (fixture, "reopen-button"));
  activate (fixture, "amendments.reject");
  assert_status (fixture->kenya, REJECTED);
  assert_status (fixture->france, REJECTED);
  g_assert_cmpstr (undo_label (fixture), ==, "Undo Reject Amendment");
  g_assert_cmpstr (counts (fixture), ==, "1 proposed, 2 rejected");

  /* Decided under a filter of proposed amendments, they leave the list,
   * and come back with the undo. */
  choose (fixture, "status-dropdown", "Proposed");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  select_only (fixture, fixture->japan, NULL);
  activate (fixture, "amendments.withdraw");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_true (drafting_document_undo (fixture->document));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
on_error (DraftingAmendmentsPanel *panel G_GNUC_UNUSED,
          const char              *message,
          GPtrArray               *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

/* Two amendments of the same words: each shows the other as a conflict;
 * once one is accepted, the other cannot be re-applied, needs review,
 * and cannot be accepted as it stands. */
static void
test_conflicts (void)
{
  Fixture fixture_data = { NULL, };
  Fixture *fixture = &fixture_data;
  DraftingDocument *document = new_resolution ();
  g_autoptr(DraftingAmendment) france = NULL;
  g_autoptr(DraftingAmendment) kenya = NULL;
  g_autoptr(DraftingAmendment) chile = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const char *description;

  france = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 0), "France",
                    "Members should ease the clearance of relief consignments;");
  kenya = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 0), "Kenya",
                   "Members should speed up the clearance of relief consignments;");
  chile = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 1), "Chile",
                   "Members should share information with all border agencies;");
  fixture_open (fixture, document);
  g_signal_connect (fixture->panel, "error", G_CALLBACK (on_error), messages);

  g_assert_true (tag_shown (fixture, france, "conflict-tag"));
  g_assert_true (tag_shown (fixture, kenya, "conflict-tag"));
  g_assert_false (tag_shown (fixture, chile, "conflict-tag"));
  g_assert_cmpstr (tag_text (fixture, france, "conflict-tag"), ==, "Conflicts with 1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tag_of (fixture, france, "conflict-tag")), ==,
                   "Conflicts with the amendment by Kenya");
  g_assert_cmpuint (drafting_amendment_row_get_n_conflicts (row_of (fixture, kenya)), ==, 1);
  description = description_of (fixture, kenya);
  g_assert_nonnull (strstr (description, "Conflicts with 1 amendment, by France."));
  g_assert_false (tag_shown (fixture, kenya, "review-tag"));

  /* France's accepted: Kenya's no longer applies as it stands. */
  select_only (fixture, france, NULL);
  activate (fixture, "amendments.accept");
  assert_status (france, ACCEPTED);
  g_assert_true (drafting_amendment_get_needs_review (kenya));
  g_assert_true (tag_shown (fixture, kenya, "review-tag"));
  g_assert_cmpstr (tag_text (fixture, kenya, "review-tag"), ==, "Needs review");
  g_assert_false (tag_shown (fixture, kenya, "conflict-tag"));
  g_assert_false (tag_shown (fixture, france, "conflict-tag"));
  description = description_of (fixture, kenya);
  g_assert_nonnull (strstr (description, "Needs review."));
  g_assert_null (strstr (description, "Conflicts"));
  g_assert_cmpuint (messages->len, ==, 0);

  /* Kenya's and Chile's: Chile's is accepted, Kenya's refused, and the
   * message says which. */
  select_only (fixture, kenya, chile);
  activate (fixture, "amendments.accept");
  assert_status (chile, ACCEPTED);
  assert_status (kenya, PROPOSED);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (messages, 0), "Could not accept 1 amendment: "
                                   "Operative paragraph 1 (Kenya): "));

  /* One undo takes back Chile's alone; another, France's, and Kenya's
   * applies again. */
  g_assert_true (drafting_document_undo (fixture->document));
  assert_status (chile, PROPOSED);
  assert_status (france, ACCEPTED);
  g_assert_true (drafting_document_undo (fixture->document));
  assert_status (france, PROPOSED);
  g_assert_false (drafting_amendment_get_needs_review (kenya));
  g_assert_false (tag_shown (fixture, kenya, "review-tag"));
  g_assert_true (tag_shown (fixture, kenya, "conflict-tag"));

  fixture_tear_down (fixture, NULL);
}

static void
on_activated (DraftingAmendmentsPanel  *panel G_GNUC_UNUSED,
              DraftingAmendment        *amendment,
              DraftingAmendment       **activated)
{
  g_set_object (activated, amendment);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingAmendment) activated = NULL;

  g_signal_connect (fixture->panel, "amendment-activated", G_CALLBACK (on_activated), &activated);
  settle (fixture);
  g_signal_emit_by_name (fixture->list_view, "activate", position_of (fixture, fixture->kenya));
  g_assert_true (activated == fixture->kenya);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) selected = NULL;

  /* Hidden by the delegation, status, element and search filters: each
   * taken away as far as it hides it. */
  choose (fixture, "delegation-dropdown", "Japan");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  drafting_amendments_panel_select (fixture->panel, fixture->france);
  g_assert_cmpuint (chosen (fixture, "delegation-dropdown"), ==, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  selected = drafting_amendments_panel_get_selected (fixture->panel);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == fixture->france);
  g_clear_pointer (&selected, g_ptr_array_unref);

  choose (fixture, "status-dropdown", "Rejected");
  drafting_amendments_panel_set_element_filter (fixture->panel, element_of (fixture, 2));
  search (fixture, "secretariat");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  drafting_amendments_panel_select (fixture->panel, fixture->kenya);
  g_assert_cmpuint (chosen (fixture, "status-dropdown"), ==, 0);
  g_assert_null (drafting_amendments_panel_get_element_filter (fixture->panel));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (fixture, "search-entry"))), ==, "");
  settle (fixture);
  selected = drafting_amendments_panel_get_selected (fixture->panel);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == fixture->kenya);
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* A filter that does not hide it stays. */
  choose (fixture, "delegation-dropdown", "Japan");
  drafting_amendments_panel_select (fixture->panel, fixture->japan);
  g_assert_cmpuint (chosen (fixture, "delegation-dropdown"), !=, 0);
  settle (fixture);
  selected = drafting_amendments_panel_get_selected (fixture->panel);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == fixture->japan);
}

/* 5,000 amendments on 1,000 paragraphs: shown, and filtered by a
 * delegation, a few hundred at a time. */
static void
test_many (void)
{
  static const char * const delegations[] = {
    "Argentina", "Brazil", "Canada", "France", "Japan",
    "Kenya", "Morocco", "Norway", "Peru", "Viet Nam",
  };
  Fixture fixture_data = { NULL, };
  Fixture *fixture = &fixture_data;
  g_autoptr(GString) text = NULL;
  DraftingDocument *document;
  DraftingNode *node;
  guint n_kenya = 0;
  guint n = 0;

  text = g_string_new ("RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n\n"
                       "THE CUSTOMS CO-OPERATION COUNCIL,\n\nRESOLVES:\n\n");
  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (text, "%u. Members should apply measure number %u to the goods of "
                            "chapter %u;\n\n", i, i, i % 97);
  document = drafting_test_import_string (text->str, NULL);
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH),
                    ==, 1000);

  node = paragraph (document, 0);
  for (guint i = 0; node != NULL; i++, node = drafting_node_get_next_sibling (node))
    for (guint j = 0; j < 5; j++, n++)
      {
        const char *delegation = delegations[(i * 5 + j * 3) % G_N_ELEMENTS (delegations)];
        g_autofree char *wording = NULL;

        wording = g_strdup_printf ("Members should apply measure %u, as amended by %s, to the "
                                   "goods of chapter %u;", i, delegation, j);
        g_object_unref (propose (document, DRAFTING_AMENDMENT_REPLACE, node, delegation, wording));
        n_kenya += g_str_equal (delegation, "Kenya");
      }
  g_assert_cmpuint (n, ==, 5000);
  drafting_document_clear_history (document);

  fixture_open (fixture, document);
  g_assert_cmpuint (n_shown (fixture), ==, 5000);
  g_assert_cmpstr (counts (fixture), ==, "5000 proposed");

  /* The filter does not run all at once: it is at work after the choice. */
  choose (fixture, "delegation-dropdown", "Kenya");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (filtered (fixture)), >, 0);
  g_assert_cmpuint (n_shown (fixture), ==, n_kenya);
  search (fixture, "measure 999,");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  search (fixture, "");
  choose (fixture, "delegation-dropdown", "All Delegations");
  /* Nor does the list make rows for all it finds at once: it is given a
   * few at a frame, up to those it makes rows for, then the rest. */
  drafting_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), <, 100);
  g_assert_false (drafting_list_revealer_is_done (revealer (fixture)));
  g_assert_cmpuint (n_shown (fixture), ==, 5000);

  fixture_tear_down (fixture, NULL);
}

/* The panel with eight amendments of three delegations, left on screen
 * for a picture of it (DRAFTING_PANEL_DEMO=seconds; in the dark style
 * with DRAFTING_PANEL_DEMO_DARK=1). */
static void
test_demo (void)
{
  Fixture fixture_data = { NULL, };
  Fixture *fixture = &fixture_data;
  DraftingDocument *document = new_resolution ();
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  const char * const with_kenya[] = { "Kenya", NULL };
  g_autoptr(DraftingAmendment) a = NULL;
  g_autoptr(DraftingAmendment) b = NULL;
  g_autoptr(DraftingAmendment) c = NULL;
  g_autoptr(DraftingAmendment) d = NULL;
  g_autoptr(DraftingAmendment) e = NULL;
  g_autoptr(DraftingAmendment) f = NULL;
  g_autoptr(DraftingAmendment) g = NULL;
  g_autoptr(DraftingAmendment) h = NULL;
  guint seconds = (guint) g_ascii_strtoull (g_getenv ("DRAFTING_PANEL_DEMO"), NULL, 10);

  a = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 0), "France",
               "Members should ease the clearance of relief consignments;");
  b = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 0), "Kenya",
               "Members should speed up the clearance of relief consignments;");
  c = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 1), "Japan",
               "Members should share risk information with other border agencies;");
  drafting_amendment_set_cosponsors (c, with_kenya);
  d = propose (document, DRAFTING_AMENDMENT_DELETE, paragraph (document, 2), "France", NULL);
  e = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 2), "Kenya",
               "The Secretariat should report to the Council every two years.");
  f = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 1), "France",
               "Members should share information with other border agencies and with the "
               "private sector;");
  g = propose (document, DRAFTING_AMENDMENT_REPLACE, clause, "Japan",
               "that natural disasters are increasing in number and in scale,");
  h = propose (document, DRAFTING_AMENDMENT_REPLACE, paragraph (document, 2), "Japan",
               "The Secretariat should report to the Policy Commission every year.");
  g_assert_true (drafting_document_decide_amendment (document, g, DRAFTING_AMENDMENT_WITHDRAWN,
                                                     NULL));
  g_assert_true (drafting_document_decide_amendment (document, e, DRAFTING_AMENDMENT_REJECTED,
                                                     NULL));
  g_assert_true (drafting_document_accept_amendment (document, c, NULL));
  /* Kenya's, made on the words France's changed, needs review. */
  g_assert_true (drafting_document_accept_amendment (document, a, NULL));
  g_assert_true (drafting_amendment_get_needs_review (b));

  if (g_getenv ("DRAFTING_PANEL_DEMO_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  fixture_open (fixture, document);
  select_only (fixture, b, NULL);
  settle (fixture);

  for (guint i = 0; i < seconds * 10; i++)
    {
      drafting_gui_test_wait_frames (fixture->window, 1);
      g_usleep (100000);
    }

  fixture_tear_down (fixture, NULL);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);
  drafting_gui_test_load_style ();

#define ADD(path, func) \
  g_test_add ("/amendments-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list);
  ADD ("describe", test_describe);
  ADD ("search", test_search);
  ADD ("filters", test_filters);
  ADD ("counts", test_counts);
  ADD ("accept-selected", test_accept_selected);
  ADD ("reject-withdraw-reopen", test_reject_withdraw_reopen);
  ADD ("activate", test_activate);
  ADD ("select", test_select);
  g_test_add_func ("/amendments-panel/conflicts", test_conflicts);
  g_test_add_func ("/amendments-panel/many", test_many);
  if (g_getenv ("DRAFTING_PANEL_DEMO") != NULL)
    g_test_add_func ("/amendments-panel/demo", test_demo);

#undef ADD

  return g_test_run ();
}
