/* drafting-amendments-panel-filter.c: the amendments panel's search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-amendments-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "drafting-amendment-row.h"
#include "drafting-amendments-panel-private.h"

/*
 * What the list shows of the record: the amendments that match the search
 * (in their delegation, element, text and explanation, case folded) and
 * each filter (delegation, status, element). A change of the search or a
 * filter tells the filter model whether it narrows or widens what is shown,
 * so that it looks again only at what may change.
 */

/* Text as a search compares it: case folded, composed alike. */
static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* All a search looks in: the delegation and co-sponsors, the element, the
 * wording and the justification. */
static char *
search_text (DraftingAmendmentsPanel *self,
             DraftingAmendment       *amendment)
{
  g_autoptr(GString) text = g_string_new (drafting_amendment_get_delegation (amendment));
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  g_autofree char *target = drafting_amendment_row_describe_target (self->document, amendment);
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);

  for (guint i = 0; cosponsors != NULL && cosponsors[i] != NULL; i++)
    g_string_append_printf (text, "\n%s", cosponsors[i]);
  g_string_append_printf (text, "\n%s\n%s\n%s", target, drafting_amendment_get_lead (amendment),
                          drafting_inline_get_text (drafting_amendment_get_content (amendment)));
  if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE)
    {
      const DraftingInline *base = drafting_amendment_get_base_content (amendment);

      g_string_append_printf (text, "\n%s\n%s", drafting_amendment_get_base_lead (amendment),
                              drafting_inline_get_text (base));
    }
  g_string_append_printf (text, "\n%s", drafting_amendment_get_justification (amendment));

  return fold (text->str);
}

gboolean
_drafting_amendments_panel_matches_search (DraftingAmendmentsPanel *self,
                                           DraftingAmendment       *amendment)
{
  const char *text;

  if (self->search == NULL)
    return TRUE;

  /* Folded once, kept until the record or the numbering changes. */
  text = g_hash_table_lookup (self->search_texts, amendment);
  if (text == NULL)
    {
      char *folded = search_text (self, amendment);

      g_hash_table_insert (self->search_texts, g_object_ref (amendment), folded);
      text = folded;
    }

  return strstr (text, self->search) != NULL;
}

gboolean
_drafting_amendments_panel_matches_status (DraftingAmendmentsPanel *self,
                                           DraftingAmendment       *amendment)
{
  return self->status == DRAFTING_AMENDMENT_STATUS_INVALID ||
         drafting_amendment_get_status (amendment) == self->status;
}

/* A delegation's amendments are those it proposes and those it co-sponsors. */
gboolean
_drafting_amendments_panel_matches_delegation (DraftingAmendmentsPanel *self,
                                               DraftingAmendment       *amendment)
{
  return self->delegation == NULL || drafting_amendment_involves (amendment, self->delegation);
}

/* An element's amendments: those about it, those that move something
 * after or into it, and the one that inserted it. */
gboolean
_drafting_amendments_panel_matches_element (DraftingAmendmentsPanel *self,
                                            DraftingAmendment       *amendment)
{
  return self->element_id == NULL ||
         g_strcmp0 (drafting_amendment_get_target (amendment), self->element_id) == 0 ||
         g_strcmp0 (drafting_amendment_get_destination (amendment, NULL), self->element_id) == 0 ||
         g_strcmp0 (drafting_amendment_get_result (amendment), self->element_id) == 0;
}

gboolean
_drafting_amendments_panel_filter_func (gpointer item,
                                        gpointer user_data)
{
  DraftingAmendmentsPanel *self = user_data;
  DraftingAmendment *amendment = item;

  return _drafting_amendments_panel_matches_status (self, amendment) && _drafting_amendments_panel_matches_delegation (self, amendment) &&
         _drafting_amendments_panel_matches_element (self, amendment) && _drafting_amendments_panel_matches_search (self, amendment);
}

/* How a filter that was @before and is @after changes what is shown:
 * NULL is "all". */
GtkFilterChange
_drafting_amendments_panel_change_of (gboolean from_all,
                                      gboolean to_all)
{
  if (from_all)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (to_all)
    return GTK_FILTER_CHANGE_LESS_STRICT;

  return GTK_FILTER_CHANGE_DIFFERENT;
}

/* Filters anew, what is shown no longer what was: the list is given the
 * amendments found a few at a frame again, as it makes a row for each of
 * up to two hundred of them at once. */
void
_drafting_amendments_panel_filter_changed (DraftingAmendmentsPanel *self,
                                           GtkFilterChange          change)
{
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->filtered));
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

void
_drafting_amendments_panel_apply_search (DraftingAmendmentsPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = fold (text);
  GtkFilterChange change;

  g_strstrip (search);
  if (search[0] == '\0')
    g_clear_pointer (&search, g_free);

  if (g_strcmp0 (search, self->search) == 0)
    return;

  /* Typing on narrows what is shown; taking letters back widens it. */
  if (self->search != NULL && search != NULL && strstr (search, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search != NULL && search != NULL && strstr (self->search, search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = _drafting_amendments_panel_change_of (self->search == NULL, search == NULL);

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  _drafting_amendments_panel_filter_changed (self, change);
}

void
_drafting_amendments_panel_on_search_changed (DraftingAmendmentsPanel *self)
{
  _drafting_amendments_panel_apply_search (self);
}

void
_drafting_amendments_panel_apply_delegation (DraftingAmendmentsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->delegation_dropdown);
  const char *name = NULL;
  GtkFilterChange change;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    name = gtk_string_list_get_string (self->delegations, selected);

  if (g_strcmp0 (name, self->delegation) == 0)
    return;

  change = _drafting_amendments_panel_change_of (self->delegation == NULL, name == NULL);
  g_free (self->delegation);
  self->delegation = g_strdup (name);
  _drafting_amendments_panel_filter_changed (self, change);
}

void
_drafting_amendments_panel_on_delegation_selected (DraftingAmendmentsPanel *self)
{
  if (!self->syncing_delegations)
    _drafting_amendments_panel_apply_delegation (self);
}

void
_drafting_amendments_panel_on_status_selected (DraftingAmendmentsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  DraftingAmendmentStatus status = DRAFTING_AMENDMENT_STATUS_INVALID;
  GtkFilterChange change;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= G_N_ELEMENTS (filter_statuses))
    status = filter_statuses[selected - 1];

  if (status == self->status)
    return;

  change = _drafting_amendments_panel_change_of (self->status == DRAFTING_AMENDMENT_STATUS_INVALID,
                                                 status == DRAFTING_AMENDMENT_STATUS_INVALID);
  self->status = status;
  _drafting_amendments_panel_filter_changed (self, change);
}

/* Filters again after the amendments changed, not the filters: at once,
 * so that only the rows whose showing changes are taken out or put in,
 * and the list keeps its place and its selection. (Incrementally, the
 * filter model would empty the list and fill it again.) A check per
 * amendment, with nothing to fold again. */
void
_drafting_amendments_panel_refilter_in_place (DraftingAmendmentsPanel *self)
{
  if (self->document == NULL || gtk_filter_list_model_get_pending (self->filtered) > 0)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      return;
    }

  gtk_filter_list_model_set_incremental (self->filtered, FALSE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
}
