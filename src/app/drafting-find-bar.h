/* drafting-find-bar.h: find and replace across the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-document-view.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_FIND_BAR (drafting_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (DraftingFindBar, drafting_find_bar, DRAFTING, FIND_BAR, GtkWidget)

void   drafting_find_bar_set_view     (DraftingFindBar      *self,
                                       DraftingDocumentView *view);
void   drafting_find_bar_begin        (DraftingFindBar      *self,
                                       gboolean              replace);
void   drafting_find_bar_move         (DraftingFindBar      *self,
                                       gboolean              forward);
void   drafting_find_bar_end          (DraftingFindBar      *self);
guint  drafting_find_bar_get_n_matches (DraftingFindBar     *self);

G_END_DECLS
