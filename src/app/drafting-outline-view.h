/* drafting-outline-view.h: the structure of the document beside its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_OUTLINE_VIEW (drafting_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (DraftingOutlineView, drafting_outline_view, DRAFTING, OUTLINE_VIEW, GtkWidget)

GtkWidget        *drafting_outline_view_new          (void);
DraftingDocument *drafting_outline_view_get_document (DraftingOutlineView *self);
void              drafting_outline_view_set_document (DraftingOutlineView *self,
                                                      DraftingDocument    *document);
DraftingNode     *drafting_outline_view_get_selected (DraftingOutlineView *self);
void              drafting_outline_view_empty_async  (DraftingOutlineView *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          drafting_outline_view_empty_finish (DraftingOutlineView *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              drafting_outline_view_select       (DraftingOutlineView *self,
                                                      DraftingNode        *node);

G_END_DECLS
