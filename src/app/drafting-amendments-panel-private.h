/* drafting-amendments-panel-private.h: what the amendments panel's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-amendments-panel.h"
#include "drafting-list-revealer.h"

G_BEGIN_DECLS

typedef enum
{
  REFRESH_COUNTS      = 1 << 0,
  REFRESH_DELEGATIONS = 1 << 1,
  REFRESH_ACTIONS     = 1 << 2,
  REFRESH_FILTER      = 1 << 3,
  REFRESH_ROWS        = 1 << 4,
  REFRESH_SELECT      = 1 << 5,
} Refresh;

struct _DraftingAmendmentsPanel
{
  GtkWidget                parent_instance;

  GtkWidget               *content;
  GtkSearchEntry          *search_entry;
  GtkDropDown             *delegation_dropdown;
  GtkDropDown             *status_dropdown;
  GtkWidget               *element_chip;
  GtkLabel                *element_chip_label;
  GtkStack                *stack;
  GtkListView             *list_view;
  AdwStatusPage           *empty_page;
  GtkWidget               *accept_button;
  GtkWidget               *reject_button;
  GtkWidget               *withdraw_button;
  GtkWidget               *reopen_button;
  GtkLabel                *counts_label;

  DraftingDocument        *document;
  GtkCustomFilter         *filter;
  GtkFilterListModel      *filtered;
  DraftingListRevealer    *revealer;       /* the filtered, given to the list a few at a frame */
  GtkMultiSelection       *selection;
  GtkStringList           *delegations;    /* "All Delegations", then each, sorted */
  GPtrArray               *watched;        /* the record, each amendment followed for its status */
  GHashTable              *search_texts;   /* amendment → what a search looks in, folded */
  GHashTable              *rows;           /* the rows bound, as a set */
  GHashTable              *stale_rows;     /* bound rows whose conflicts are to be found again */
  GHashTable              *outdated_rows;  /* bound rows out of sight, to be shown again */
  DraftingAmendment       *to_select;      /* waiting for the filter to show it */

  /* The filters: each NULL, or DRAFTING_AMENDMENT_STATUS_INVALID, for all. */
  char                    *search;         /* folded */
  char                    *delegation;
  char                    *element_id;
  DraftingAmendmentStatus  status;

  gulong                   items_changed_id;
  gulong                   numbering_changed_id;
  guint                    refresh_source;
  guint                    rows_source;     /* catching up with the rows out of date */
  Refresh                  refresh;

  guint                    syncing_delegations : 1;
};

/* The statuses of the status filter, after "All Statuses". */
static const DraftingAmendmentStatus filter_statuses[] = {
  DRAFTING_AMENDMENT_PROPOSED,
  DRAFTING_AMENDMENT_ACCEPTED,
  DRAFTING_AMENDMENT_REJECTED,
  DRAFTING_AMENDMENT_WITHDRAWN,
  DRAFTING_AMENDMENT_SUPERSEDED,
};

/* drafting-amendments-panel-filter.c: the search and the filters */
gboolean        _drafting_amendments_panel_matches_search         (DraftingAmendmentsPanel *self,
                                                                   DraftingAmendment       *amendment);
gboolean        _drafting_amendments_panel_matches_status         (DraftingAmendmentsPanel *self,
                                                                   DraftingAmendment       *amendment);
gboolean        _drafting_amendments_panel_matches_delegation     (DraftingAmendmentsPanel *self,
                                                                   DraftingAmendment       *amendment);
gboolean        _drafting_amendments_panel_matches_element        (DraftingAmendmentsPanel *self,
                                                                   DraftingAmendment       *amendment);
gboolean        _drafting_amendments_panel_filter_func            (gpointer                 item,
                                                                   gpointer                 user_data);
GtkFilterChange _drafting_amendments_panel_change_of              (gboolean                 from_all,
                                                                   gboolean                 to_all);
void            _drafting_amendments_panel_filter_changed         (DraftingAmendmentsPanel *self,
                                                                   GtkFilterChange          change);
void            _drafting_amendments_panel_apply_search           (DraftingAmendmentsPanel *self);
void            _drafting_amendments_panel_on_search_changed      (DraftingAmendmentsPanel *self);
void            _drafting_amendments_panel_apply_delegation       (DraftingAmendmentsPanel *self);
void            _drafting_amendments_panel_on_delegation_selected (DraftingAmendmentsPanel *self);
void            _drafting_amendments_panel_on_status_selected     (DraftingAmendmentsPanel *self);
void            _drafting_amendments_panel_refilter_in_place      (DraftingAmendmentsPanel *self);

G_END_DECLS
