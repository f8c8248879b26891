/* drafting-list-revealer.h: a list's items shown a few at a time as it opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_LIST_REVEALER (drafting_list_revealer_get_type ())

G_DECLARE_FINAL_TYPE (DraftingListRevealer, drafting_list_revealer, DRAFTING, LIST_REVEALER, GObject)

/* The most rows GTK 4.8's lists make, whatever their height: a list view
 * up to 200 around the place it shows (GTK_LIST_VIEW_MAX_LIST_ITEMS), a
 * grid view 30 a column (GTK_GRID_VIEW_MAX_VISIBLE_ROWS); each two more
 * on either side of the focused row and of the anchor. */
#define DRAFTING_LIST_VIEW_MAX_ROWS 204
#define DRAFTING_GRID_VIEW_MAX_ROWS 34

DraftingListRevealer *drafting_list_revealer_new       (GtkWidget            *pacer,
                                                        guint                 max_rows);
void                  drafting_list_revealer_set_model (DraftingListRevealer *self,
                                                        GListModel           *model);
GListModel           *drafting_list_revealer_get_model (DraftingListRevealer *self);
void                  drafting_list_revealer_reveal    (DraftingListRevealer *self,
                                                        guint                 position);
gboolean              drafting_list_revealer_is_done   (DraftingListRevealer *self);
void                  drafting_list_revealer_empty_async (DraftingListRevealer *self,
                                                          guint                 first,
                                                          guint                 last,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean              drafting_list_revealer_empty_finish (DraftingListRevealer *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
