/* drafting-compare-window.h: two revisions of a document, or one and the present text, compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_COMPARE_WINDOW (drafting_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (DraftingCompareWindow, drafting_compare_window, DRAFTING, COMPARE_WINDOW, AdwWindow)

GtkWidget          *drafting_compare_window_new            (DraftingDocument      *document);
DraftingDocument   *drafting_compare_window_get_document   (DraftingCompareWindow *self);
void                drafting_compare_window_set_versions   (DraftingCompareWindow *self,
                                                            const char            *from,
                                                            const char            *to);
char               *drafting_compare_window_dup_from       (DraftingCompareWindow *self);
char               *drafting_compare_window_dup_to         (DraftingCompareWindow *self);
DraftingComparison *drafting_compare_window_get_comparison (DraftingCompareWindow *self);

G_END_DECLS
