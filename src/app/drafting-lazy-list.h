/* drafting-lazy-list.h: a list that has rows only for the items in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_LAZY_LIST (drafting_lazy_list_get_type ())

G_DECLARE_FINAL_TYPE (DraftingLazyList, drafting_lazy_list, DRAFTING, LAZY_LIST, GtkWidget)

/**
 * DraftingLazyListSetupFunc:
 *
 * Makes a row, to be bound to item after item as the list scrolls.
 *
 * Returns: (transfer floating): a new widget
 */
typedef GtkWidget *(*DraftingLazyListSetupFunc)  (DraftingLazyList *list,
                                                  gpointer          user_data);

/**
 * DraftingLazyListBindFunc:
 *
 * Shows @item, at @position in the model, in @row.
 */
typedef void       (*DraftingLazyListBindFunc)   (DraftingLazyList *list,
                                                  GtkWidget        *row,
                                                  gpointer          item,
                                                  guint             position,
                                                  gpointer          user_data);

/**
 * DraftingLazyListUnbindFunc:
 *
 * @row no longer shows @item.
 */
typedef void       (*DraftingLazyListUnbindFunc) (DraftingLazyList *list,
                                                  GtkWidget        *row,
                                                  gpointer          item,
                                                  gpointer          user_data);

GtkWidget  *drafting_lazy_list_new            (void);
void        drafting_lazy_list_set_functions  (DraftingLazyList           *self,
                                               DraftingLazyListSetupFunc   setup,
                                               DraftingLazyListBindFunc    bind,
                                               DraftingLazyListUnbindFunc  unbind,
                                               gpointer                    user_data);
void        drafting_lazy_list_set_model      (DraftingLazyList           *self,
                                               GListModel                 *model);
GListModel *drafting_lazy_list_get_model      (DraftingLazyList           *self);
void        drafting_lazy_list_scroll_to      (DraftingLazyList           *self,
                                               guint                       position);
guint       drafting_lazy_list_get_n_rows     (DraftingLazyList           *self);

G_END_DECLS
