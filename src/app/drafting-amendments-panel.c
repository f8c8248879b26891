/* drafting-amendments-panel.c: the amendments proposed to a document, filtered and decided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-amendments-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "drafting-accessible.h"
#include "drafting-amendment-row.h"
#include "drafting-amendments-panel-private.h"

/*
 * The panel lists the document's record of amendments, beside the outline:
 * a list view over the record itself, filtered, so that it builds only the
 * rows on screen however many there are. Above it, a search and three
 * filters (delegation, status, element); below it, the buttons that decide
 * the selected amendments and the counts of the whole record.
 *
 * Filtering is incremental: a record of thousands is filtered a few
 * hundred at a time, and each change of a filter tells the filter model
 * whether it only narrows or widens what is shown, so that it looks again
 * only at what may change. What a decision changes (an amendment leaving
 * the status shown) is filtered at once, in an idle after it, so that the
 * list keeps its place and the rest of its selection.
 *
 * The counts, the delegations of the filter and what the buttons can do
 * are brought up to date in one idle after a change of the record, never
 * once per amendment of an import. Conflicts, which cost a walk of the
 * record each, are found only for the rows the list has bound, a few at a
 * time.
 *
 * Each decision the buttons take, for one amendment or all those
 * selected, is one change to undo. One that the document refuses does not
 * stop the others; what was refused, and why, is told with "error".
 */

G_DEFINE_FINAL_TYPE (DraftingAmendmentsPanel, drafting_amendments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ELEMENT_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  AMENDMENT_ACTIVATED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_refresh (DraftingAmendmentsPanel *self,
                           Refresh                  what);
static void select_waiting (DraftingAmendmentsPanel *self);

/* ------------------------------------------------------------------ */
/* The element filter                                                  */

static void
update_chip (DraftingAmendmentsPanel *self)
{
  DraftingNode *node;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->element_chip, self->element_id != NULL);
  if (self->element_id == NULL)
    return;

  if (self->document != NULL)
    node = drafting_document_lookup (self->document, self->element_id);
  else
    node = NULL;
  name = node != NULL ? drafting_amendment_row_describe_node (node) : g_strdup (self->element_id);
  /* Translators: the element filter of the amendments panel, as "Only: Operative paragraph 3" */
  label = g_strdup_printf (_("Only: %s"), name);
  gtk_label_set_label (self->element_chip_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->element_chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Activate to show the amendments to all elements"),
                                  -1);
}

/**
 * drafting_amendments_panel_set_element_filter:
 * @element: (nullable): the identifier of an element, or %NULL for all
 *
 * Shows only the amendments about that element, with a button that says
 * so and takes the filter away.
 */
void
drafting_amendments_panel_set_element_filter (DraftingAmendmentsPanel *self,
                                              const char              *element)
{
  GtkFilterChange change;

  g_return_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self));

  if (element != NULL && element[0] == '\0')
    element = NULL;
  if (g_strcmp0 (element, self->element_id) == 0)
    return;

  change = _drafting_amendments_panel_change_of (self->element_id == NULL, element == NULL);
  g_free (self->element_id);
  self->element_id = g_strdup (element);
  update_chip (self);
  _drafting_amendments_panel_filter_changed (self, change);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_FILTER]);
}

/**
 * drafting_amendments_panel_get_element_filter:
 *
 * Returns: (nullable): the identifier of the element whose amendments
 *   alone are shown
 */
const char *
drafting_amendments_panel_get_element_filter (DraftingAmendmentsPanel *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self), NULL);

  return self->element_id;
}

static void
on_element_chip_clicked (DraftingAmendmentsPanel *self)
{
  drafting_amendments_panel_set_element_filter (self, NULL);
}

/* ------------------------------------------------------------------ */
/* What the record holds                                               */

static void
append_count (GString                 *text,
              DraftingAmendmentStatus  status,
              guint                    n)
{
  if (text->len > 0)
    /* Translators: the separator of the counts of amendments, as "412 proposed, 37 accepted" */
    g_string_append (text, C_("counts", ", "));

  switch (status)
    {
    case DRAFTING_AMENDMENT_PROPOSED:
      /* Translators: one of the counts of the amendments below the list, as "412 proposed,
       * 37 accepted, 3 rejected": a number, and the status in the form the number takes */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u proposed", "%u proposed", n),
                              n);
      break;
    case DRAFTING_AMENDMENT_ACCEPTED:
      /* Translators: one of the counts of the amendments, as "37 accepted" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u accepted", "%u accepted", n),
                              n);
      break;
    case DRAFTING_AMENDMENT_REJECTED:
      /* Translators: one of the counts of the amendments, as "3 rejected" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", n),
                              n);
      break;
    case DRAFTING_AMENDMENT_WITHDRAWN:
      /* Translators: one of the counts of the amendments, as "2 withdrawn" */
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u withdrawn", "%u withdrawn", n), n);
      break;
    case DRAFTING_AMENDMENT_SUPERSEDED:
      /* Translators: one of the counts of the amendments, as "1 superseded" */
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u superseded", "%u superseded", n),
                              n);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
update_counts (DraftingAmendmentsPanel *self)
{
  guint counts[DRAFTING_AMENDMENT_STATUS_INVALID] = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->watched->len; i++)
    counts[drafting_amendment_get_status (g_ptr_array_index (self->watched, i))]++;

  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    if (counts[filter_statuses[i]] > 0)
      append_count (text, filter_statuses[i], counts[filter_statuses[i]]);

  if (text->len == 0)
    g_string_append (text, _("No amendments"));

  gtk_label_set_label (self->counts_label, text->str);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
add_name (GHashTable *seen,
          GPtrArray  *names,
          const char *name)
{
  char *key = g_utf8_casefold (name, -1);

  if (g_hash_table_add (seen, key))
    g_ptr_array_add (names, (gpointer) name);
}

/* The delegations of the filter: all those that propose or co-sponsor an
 * amendment, sorted, the one chosen kept chosen while it has any. */
static void
update_delegations (DraftingAmendmentsPanel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *chosen = g_strdup (self->delegation);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->delegations));
  guint position = 0;
  gboolean same;

  for (guint i = 0; i < self->watched->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (self->watched, i);
      const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);

      add_name (seen, names, drafting_amendment_get_delegation (amendment));
      for (guint j = 0; cosponsors != NULL && cosponsors[j] != NULL; j++)
        add_name (seen, names, cosponsors[j]);
    }
  g_ptr_array_sort (names, compare_names);

  same = n_old == names->len + 1;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->delegations, i + 1),
                      g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  for (guint i = 0; chosen != NULL && names->pdata[i] != NULL; i++)
    if (g_ascii_strcasecmp (chosen, names->pdata[i]) == 0)
      position = i + 1;

  self->syncing_delegations = TRUE;
  gtk_string_list_splice (self->delegations, 1, n_old - 1, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->delegation_dropdown, position);
  self->syncing_delegations = FALSE;

  _drafting_amendments_panel_apply_delegation (self);
}

/* The empty state, once the filter has looked at everything. */
static void
update_empty (DraftingAmendmentsPanel *self)
{
  guint n_all = self->document != NULL
                ? g_list_model_get_n_items (drafting_document_get_amendments (self->document)) : 0;
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ||
                   (n_all > 0 && gtk_filter_list_model_get_pending (self->filtered) > 0);

  if (shown)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (n_all == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Amendments"));
      adw_status_page_set_description (self->empty_page,
                                       _("The amendments the delegations propose are listed here"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Amendments Match"));
      adw_status_page_set_description (self->empty_page, _("Try another search or filter"));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The decisions the selection allows: deciding those of it that are
 * proposed, or reopening it when all of it is decided. */
static void
update_actions (DraftingAmendmentsPanel *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  gboolean open = FALSE;
  gboolean decided = FALSE;
  gboolean reopen;
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = self->document != NULL &&
                       gtk_bitset_iter_init_first (&iter, selected, &position);
       more && !(open && decided);
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DraftingAmendment) amendment = NULL;

      amendment = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (amendment == NULL)
        continue;
      if (drafting_amendment_status_is_open (drafting_amendment_get_status (amendment)))
        open = TRUE;
      else
        decided = TRUE;
    }

  reopen = decided && !open;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "amendments.accept", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "amendments.reject", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "amendments.withdraw", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "amendments.reopen", reopen);

  gtk_widget_set_visible (self->accept_button, !reopen);
  gtk_widget_set_visible (self->reject_button, !reopen);
  gtk_widget_set_visible (self->withdraw_button, !reopen);
  gtk_widget_set_visible (self->reopen_button, reopen);
}

static void
update_row (DraftingAmendmentsPanel *self,
            DraftingAmendmentRow    *row)
{
  drafting_amendment_row_update (row);
  g_hash_table_add (self->stale_rows, row);
}

/* The bound rows out of date, a few at a time while the main loop is idle:
 * first those to be shown again, then those whose conflicts are to be
 * found again (the first after a change walks the record, and the core
 * keeps an index of conflicts for the others). */
static gboolean
catch_up_rows (gpointer user_data)
{
  DraftingAmendmentsPanel *self = user_data;
  gint64 deadline = g_get_monotonic_time () + 4 * G_TIME_SPAN_MILLISECOND;
  GHashTable *pending[] = { self->outdated_rows, self->stale_rows };

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, pending[i]);
      while (g_get_monotonic_time () < deadline && g_hash_table_iter_next (&iter, &row, NULL))
        {
          g_hash_table_iter_remove (&iter);
          if (pending[i] == self->outdated_rows)
            update_row (self, row);
          else
            drafting_amendment_row_update_conflicts (row);
        }
    }

  if (g_hash_table_size (self->outdated_rows) > 0 || g_hash_table_size (self->stale_rows) > 0)
    return G_SOURCE_CONTINUE;

  self->rows_source = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_catch_up (DraftingAmendmentsPanel *self)
{
  if (self->rows_source == 0 &&
      (g_hash_table_size (self->outdated_rows) > 0 || g_hash_table_size (self->stale_rows) > 0))
    self->rows_source = g_idle_add (catch_up_rows, self);
}

/* Whether any of @row is inside the list's window on its rows: the list
 * unmaps the rows it keeps out of sight. */
static gboolean
row_in_sight (DraftingAmendmentsPanel *self,
              GtkWidget               *row)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_view), &bounds))
    return FALSE;

  return bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (GTK_WIDGET (self->list_view));
}

/* The rows shown again, after the record or the numbering changed: those
 * on screen at once, the others (GTK 4.8's list view binds up to 200) a
 * few at a time while the main loop is idle, as their conflicts are. A
 * decision taken with 200 rows bound stalled the window for up to 240 ms. */
static void
update_rows (DraftingAmendmentsPanel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_remove_all (self->search_texts);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      if (row_in_sight (self, row))
        {
          g_hash_table_remove (self->outdated_rows, row);
          update_row (self, row);
        }
      else
        g_hash_table_add (self->outdated_rows, row);
    }
  queue_catch_up (self);
  update_chip (self);
}

static gboolean
refresh (gpointer user_data)
{
  DraftingAmendmentsPanel *self = user_data;
  Refresh what = self->refresh;

  self->refresh_source = 0;
  self->refresh = 0;

  if (what & REFRESH_ROWS)
    update_rows (self);
  if (what & REFRESH_COUNTS)
    update_counts (self);
  if (what & REFRESH_DELEGATIONS)
    update_delegations (self);
  if (what & REFRESH_FILTER)
    _drafting_amendments_panel_refilter_in_place (self);
  if (what & REFRESH_ACTIONS)
    update_actions (self);
  if (what & REFRESH_SELECT)
    select_waiting (self);
  update_empty (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (DraftingAmendmentsPanel *self,
               Refresh                  what)
{
  self->refresh |= what;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh, self);
}

static void
on_amendment_status (DraftingAmendment       *amendment G_GNUC_UNUSED,
                     GParamSpec              *pspec G_GNUC_UNUSED,
                     DraftingAmendmentsPanel *self)
{
  Refresh what = REFRESH_COUNTS | REFRESH_ACTIONS | REFRESH_ROWS;

  /* A decision changes the conflicts of others, and may take an amendment
   * out of the status shown, or put one in. */
  if (self->status != DRAFTING_AMENDMENT_STATUS_INVALID)
    what |= REFRESH_FILTER;

  queue_refresh (self, what);
}

static void
watch (DraftingAmendmentsPanel *self,
       guint                    index,
       DraftingAmendment       *amendment)
{
  g_signal_connect (amendment, "notify::status", G_CALLBACK (on_amendment_status), self);
  g_ptr_array_insert (self->watched, index, g_object_ref (amendment));
}

static void
unwatch (DraftingAmendmentsPanel *self,
         guint                    index,
         guint                    n)
{
  for (guint i = index; i < index + n; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_amendment_status, self);
  g_ptr_array_remove_range (self->watched, index, n);
}

static void
on_amendments_changed (GListModel              *model,
                       guint                    position,
                       guint                    removed,
                       guint                    added,
                       DraftingAmendmentsPanel *self)
{
  unwatch (self, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (model, position + i);

      watch (self, position + i, amendment);
    }

  queue_refresh (self, REFRESH_COUNTS | REFRESH_DELEGATIONS | REFRESH_ACTIONS | REFRESH_ROWS);
}

static void
on_numbering_changed (DraftingAmendmentsPanel *self)
{
  queue_refresh (self, REFRESH_ROWS);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void
setup_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
           GtkListItem              *item,
           DraftingAmendmentsPanel  *self G_GNUC_UNUSED)
{
  gtk_list_item_set_child (item, drafting_amendment_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
          GtkListItem              *item,
          DraftingAmendmentsPanel  *self)
{
  DraftingAmendmentRow *row = DRAFTING_AMENDMENT_ROW (gtk_list_item_get_child (item));

  if (self->document == NULL)
    return;

  drafting_amendment_row_bind (row, self->document, gtk_list_item_get_item (item));
  g_hash_table_add (self->rows, row);
  g_hash_table_remove (self->outdated_rows, row);
  g_hash_table_add (self->stale_rows, row);
  queue_catch_up (self);
}

static void
unbind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
            GtkListItem              *item,
            DraftingAmendmentsPanel  *self)
{
  DraftingAmendmentRow *row = DRAFTING_AMENDMENT_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->rows, row);
  g_hash_table_remove (self->stale_rows, row);
  g_hash_table_remove (self->outdated_rows, row);
  drafting_amendment_row_unbind (row);
}

static void
on_activate (GtkListView             *list_view G_GNUC_UNUSED,
             guint                    position,
             DraftingAmendmentsPanel *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (model, position);

  if (amendment != NULL)
    g_signal_emit (self, signals[AMENDMENT_ACTIVATED], 0, amendment);
}

/* ------------------------------------------------------------------ */
/* Selecting                                                           */

/**
 * drafting_amendments_panel_get_selected:
 *
 * Returns: (transfer full) (element-type DraftingAmendment): the
 *   amendments selected, in the order of the list
 */
GPtrArray *
drafting_amendments_panel_get_selected (DraftingAmendmentsPanel *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GListModel *model;
  GPtrArray *amendments;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self), NULL);

  model = G_LIST_MODEL (self->selection);
  amendments = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      DraftingAmendment *amendment = g_list_model_get_item (model, position);

      if (amendment != NULL)
        g_ptr_array_add (amendments, amendment);
    }

  return amendments;
}

/* Selects the amendment waiting to be, once the filter shows it. */
static void
select_waiting (DraftingAmendmentsPanel *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (self->to_select == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) item = g_list_model_get_item (model, i);

      if (item == self->to_select)
        {
          g_clear_object (&self->to_select);
          drafting_list_revealer_reveal (self->revealer, i);
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }

  /* The filter is still at work: it is tried again when it is done. */
  if (gtk_filter_list_model_get_pending (self->filtered) == 0)
    g_clear_object (&self->to_select);
}

/**
 * drafting_amendments_panel_select:
 *
 * Selects @amendment alone and scrolls to it, taking away the filters
 * that hide it.
 */
void
drafting_amendments_panel_select (DraftingAmendmentsPanel *self,
                                  DraftingAmendment       *amendment)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self));
  g_return_if_fail (DRAFTING_IS_AMENDMENT (amendment));

  if (self->document == NULL ||
      drafting_document_lookup_amendment (self->document,
                                          drafting_amendment_get_id (amendment)) != amendment)
    return;

  if (!_drafting_amendments_panel_matches_status (self, amendment))
    gtk_drop_down_set_selected (self->status_dropdown, 0);
  if (!_drafting_amendments_panel_matches_delegation (self, amendment))
    gtk_drop_down_set_selected (self->delegation_dropdown, 0);
  if (!_drafting_amendments_panel_matches_element (self, amendment))
    drafting_amendments_panel_set_element_filter (self, NULL);
  if (!_drafting_amendments_panel_matches_search (self, amendment))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      _drafting_amendments_panel_apply_search (self);
    }

  g_set_object (&self->to_select, amendment);
  select_waiting (self);
}

static void
on_selection_changed (DraftingAmendmentsPanel *self)
{
  update_actions (self);
}

static void
on_filtered_changed (DraftingAmendmentsPanel *self)
{
  update_empty (self);
}

/* The filter model tells of its progress before it tells of the items it
 * found: what depends on them waits for an idle. */
static void
on_pending_changed (DraftingAmendmentsPanel *self)
{
  if (gtk_filter_list_model_get_pending (self->filtered) == 0)
    queue_refresh (self, self->to_select != NULL ? REFRESH_SELECT : 0);
}

/* ------------------------------------------------------------------ */
/* Deciding                                                            */

/* Whether @decision (PROPOSED for reopening) applies to @amendment. */
static gboolean
applies_to (DraftingAmendmentStatus  decision,
            DraftingAmendment       *amendment)
{
  gboolean open = drafting_amendment_status_is_open (drafting_amendment_get_status (amendment));

  return decision == DRAFTING_AMENDMENT_PROPOSED ? !open : open;
}

/* The name of the change to undo: "Accept Amendment", "Accept 5 Amendments". */
static char *
undo_label (DraftingAmendmentStatus decision,
            guint                   n)
{
  switch (decision)
    {
    case DRAFTING_AMENDMENT_ACCEPTED:
      if (n == 1)
        return g_strdup (C_("undo", "Accept Amendment"));
      /* Translators: the name of a change to undo ("Undo Accept 5 Amendments") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Amendment",
                                           "Accept %u Amendments", n), n);
    case DRAFTING_AMENDMENT_REJECTED:
      if (n == 1)
        return g_strdup (C_("undo", "Reject Amendment"));
      /* Translators: the name of a change to undo ("Undo Reject 5 Amendments") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reject %u Amendment",
                                           "Reject %u Amendments", n), n);
    case DRAFTING_AMENDMENT_WITHDRAWN:
      if (n == 1)
        return g_strdup (C_("undo", "Withdraw Amendment"));
      /* Translators: the name of a change to undo ("Undo Withdraw 5 Amendments") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Withdraw %u Amendment",
                                           "Withdraw %u Amendments", n), n);
    case DRAFTING_AMENDMENT_PROPOSED:
      if (n == 1)
        return g_strdup (C_("undo", "Reopen Amendment"));
      /* Translators: the name of a change to undo ("Undo Reopen 5 Amendments") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reopen %u Amendment",
                                           "Reopen %u Amendments", n), n);
    case DRAFTING_AMENDMENT_SUPERSEDED:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What the document refused: how many, and which, by element and
 * delegation, each with its reason. */
static char *
refusal (DraftingAmendmentStatus  decision,
         guint                    n,
         const char              *details)
{
  switch (decision)
    {
    case DRAFTING_AMENDMENT_ACCEPTED:
      /* Translators: %u is a number of amendments, %s which and why, as "Operative paragraph 3
       * (Kenya): The words this amendment changes have changed since it was proposed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not accept %u amendment: %s",
                                           "Could not accept %u amendments: %s", n), n, details);
    case DRAFTING_AMENDMENT_REJECTED:
      /* Translators: %u is a number of amendments, %s which and why */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not reject %u amendment: %s",
                                           "Could not reject %u amendments: %s", n), n, details);
    case DRAFTING_AMENDMENT_WITHDRAWN:
      /* Translators: %u is a number of amendments, %s which and why */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not withdraw %u amendment: %s",
                                           "Could not withdraw %u amendments: %s", n), n, details);
    case DRAFTING_AMENDMENT_PROPOSED:
      /* Translators: %u is a number of amendments, %s which and why */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not reopen %u amendment: %s",
                                           "Could not reopen %u amendments: %s", n), n, details);
    case DRAFTING_AMENDMENT_SUPERSEDED:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
decide (DraftingDocument         *document,
        DraftingAmendment        *amendment,
        DraftingAmendmentStatus   decision,
        GError                  **error)
{
  switch (decision)
    {
    case DRAFTING_AMENDMENT_ACCEPTED:
      return drafting_document_accept_amendment (document, amendment, error);
    case DRAFTING_AMENDMENT_PROPOSED:
      return drafting_document_reopen_amendment (document, amendment, error);
    case DRAFTING_AMENDMENT_REJECTED:
    case DRAFTING_AMENDMENT_WITHDRAWN:
    case DRAFTING_AMENDMENT_SUPERSEDED:
    default:
      return drafting_document_decide_amendment (document, amendment, decision, error);
    }
}

/* Takes @decision on each selected amendment it applies to, as one change
 * to undo; those the document refuses are told of at the end. */
static void
decide_selected (DraftingAmendmentsPanel *self,
                 DraftingAmendmentStatus  decision)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *label = NULL;
  guint n_refused = 0;

  if (self->document == NULL)
    return;

  selected = drafting_amendments_panel_get_selected (self);
  chosen = g_ptr_array_new ();
  for (guint i = 0; i < selected->len; i++)
    if (applies_to (decision, g_ptr_array_index (selected, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (selected, i));
  if (chosen->len == 0)
    return;

  /* Accepted changes are taken back last first, each off the text the
   * later ones were made on. */
  if (decision == DRAFTING_AMENDMENT_PROPOSED)
    for (guint i = 0; i < chosen->len / 2; i++)
      {
        gpointer swap = chosen->pdata[i];

        chosen->pdata[i] = chosen->pdata[chosen->len - 1 - i];
        chosen->pdata[chosen->len - 1 - i] = swap;
      }

  label = undo_label (decision, chosen->len);
  details = g_string_new (NULL);

  drafting_document_begin_action (self->document, label);
  for (guint i = 0; i < chosen->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (chosen, i);
      g_autoptr(GError) error = NULL;

      if (decide (self->document, amendment, decision, &error))
        continue;

      if (n_refused++ > 0)
        /* Translators: the separator of the amendments the document refused to decide */
        g_string_append (details, C_("refused", "; "));
      {
        g_autofree char *target = drafting_amendment_row_describe_target (self->document,
                                                                          amendment);

        /* Translators: an amendment that could not be decided: its element, its delegation and
         * why, as "Operative paragraph 3 (Kenya): The words this amendment changes have changed" */
        g_string_append_printf (details, _("%s (%s): %s"), target,
                                drafting_amendment_get_delegation (amendment),
                                error != NULL ? error->message : "");
      }
    }
  drafting_document_end_action (self->document);

  update_actions (self);

  if (n_refused > 0)
    {
      g_autofree char *message = refusal (decision, n_refused, details->str);

      g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
    }
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  decide_selected (DRAFTING_AMENDMENTS_PANEL (widget), DRAFTING_AMENDMENT_ACCEPTED);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  decide_selected (DRAFTING_AMENDMENTS_PANEL (widget), DRAFTING_AMENDMENT_REJECTED);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name G_GNUC_UNUSED,
                 GVariant   *parameter G_GNUC_UNUSED)
{
  decide_selected (DRAFTING_AMENDMENTS_PANEL (widget), DRAFTING_AMENDMENT_WITHDRAWN);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  decide_selected (DRAFTING_AMENDMENTS_PANEL (widget), DRAFTING_AMENDMENT_PROPOSED);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

DraftingDocument *
drafting_amendments_panel_get_document (DraftingAmendmentsPanel *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self), NULL);

  return self->document;
}

/**
 * drafting_amendments_panel_set_document:
 * @document: (nullable): the document whose amendments to show
 *
 * Shows the amendments of @document. The element filter, which named an
 * element of the document before, is taken away; the others stay.
 */
void
drafting_amendments_panel_set_document (DraftingAmendmentsPanel *self,
                                        DraftingDocument        *document)
{
  GListModel *amendments = NULL;

  g_return_if_fail (DRAFTING_IS_AMENDMENTS_PANEL (self));
  g_return_if_fail (document == NULL || DRAFTING_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id,
                              drafting_document_get_amendments (self->document));
      g_clear_signal_handler (&self->numbering_changed_id, self->document);
      unwatch (self, 0, self->watched->len);
    }

  g_clear_object (&self->to_select);
  g_hash_table_remove_all (self->search_texts);
  g_set_object (&self->document, document);
  drafting_amendments_panel_set_element_filter (self, NULL);

  if (document != NULL)
    {
      amendments = drafting_document_get_amendments (document);
      for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
        {
          g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

          watch (self, i, amendment);
        }
      self->items_changed_id = g_signal_connect (amendments, "items-changed",
                                                 G_CALLBACK (on_amendments_changed), self);
      self->numbering_changed_id =
        g_signal_connect_swapped (document, "numbering-changed",
                                  G_CALLBACK (on_numbering_changed), self);
    }

  gtk_filter_list_model_set_model (self->filtered, amendments);
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->filtered));
  update_counts (self);
  update_empty (self);
  update_actions (self);
  queue_refresh (self, REFRESH_DELEGATIONS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_amendments_panel_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DraftingAmendmentsPanel *self = DRAFTING_AMENDMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ELEMENT_FILTER:
      g_value_set_string (value, self->element_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_amendments_panel_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DraftingAmendmentsPanel *self = DRAFTING_AMENDMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      drafting_amendments_panel_set_document (self, g_value_get_object (value));
      break;

    case PROP_ELEMENT_FILTER:
      drafting_amendments_panel_set_element_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_amendments_panel_dispose (GObject *object)
{
  DraftingAmendmentsPanel *self = (DraftingAmendmentsPanel *) object;

  drafting_amendments_panel_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->rows_source, g_source_remove);
  g_clear_object (&self->to_select);

  /* The template's widgets go: nothing is to be shown in them any more. */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->filtered, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_AMENDMENTS_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->revealer);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->delegations);

  G_OBJECT_CLASS (drafting_amendments_panel_parent_class)->dispose (object);
}

static void
drafting_amendments_panel_finalize (GObject *object)
{
  DraftingAmendmentsPanel *self = (DraftingAmendmentsPanel *) object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->stale_rows, g_hash_table_unref);
  g_clear_pointer (&self->outdated_rows, g_hash_table_unref);
  g_free (self->search);
  g_free (self->delegation);
  g_free (self->element_id);

  G_OBJECT_CLASS (drafting_amendments_panel_parent_class)->finalize (object);
}

static void
drafting_amendments_panel_class_init (DraftingAmendmentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_amendments_panel_dispose;
  object_class->finalize = drafting_amendments_panel_finalize;
  object_class->get_property = drafting_amendments_panel_get_property;
  object_class->set_property = drafting_amendments_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The identifier of the element whose amendments alone are shown. */
  properties[PROP_ELEMENT_FILTER] =
    g_param_spec_string ("element-filter", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DraftingAmendmentsPanel::amendment-activated:
   * @amendment: the amendment
   *
   * A person asked to go to @amendment's element.
   */
  signals[AMENDMENT_ACTIVATED] =
    g_signal_new ("amendment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DRAFTING_TYPE_AMENDMENT);

  /**
   * DraftingAmendmentsPanel::error:
   * @message: what the document refused to do, and why, for people
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "amendments.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "amendments.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "amendments.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "amendments.reopen", NULL, reopen_action);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/wco/drafting/ui/drafting-amendments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, content);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, delegation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, element_chip);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, element_chip_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, reject_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingAmendmentsPanel, counts_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed",
                                                G_CALLBACK (_drafting_amendments_panel_on_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_delegation_selected",
                                                G_CALLBACK (_drafting_amendments_panel_on_delegation_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_status_selected",
                                                G_CALLBACK (_drafting_amendments_panel_on_status_selected));
  gtk_widget_class_bind_template_callback (widget_class, on_element_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amendmentspanel");
}

static void
drafting_amendments_panel_init (DraftingAmendmentsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkStringList) statuses = NULL;

  self->status = DRAFTING_AMENDMENT_STATUS_INVALID;
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->search_texts = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->rows = g_hash_table_new (NULL, NULL);
  self->stale_rows = g_hash_table_new (NULL, NULL);
  self->outdated_rows = g_hash_table_new (NULL, NULL);

  /* The filter first: the template's dropdowns tell it their choice. */
  self->filter = gtk_custom_filter_new (_drafting_amendments_panel_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  self->revealer = drafting_list_revealer_new (GTK_WIDGET (self), DRAFTING_LIST_VIEW_MAX_ROWS);
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->filtered));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->revealer)));

  self->delegations = gtk_string_list_new ((const char * const[]) { _("All Delegations"), NULL });
  statuses = gtk_string_list_new (NULL);
  /* Translators: the status filter's choice of amendments of any status */
  gtk_string_list_append (statuses, C_("amendment status", "All Statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    gtk_string_list_append (statuses,
                            drafting_amendment_status_get_display_name (filter_statuses[i]));

  gtk_widget_init_template (GTK_WIDGET (self));
  drafting_accessible_name_dropdown (self->delegation_dropdown, _("Delegation"));
  drafting_accessible_name_dropdown (self->status_dropdown, _("Status"));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->delegation_dropdown, expression);
  gtk_drop_down_set_model (self->delegation_dropdown, G_LIST_MODEL (self->delegations));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending",
                           G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);

  update_counts (self);
  update_empty (self);
  update_actions (self);
}

GtkWidget *
drafting_amendments_panel_new (void)
{
  return g_object_new (DRAFTING_TYPE_AMENDMENTS_PANEL, NULL);
}
