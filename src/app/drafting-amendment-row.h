/* drafting-amendment-row.h: one amendment in the amendments panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_AMENDMENT_ROW (drafting_amendment_row_get_type ())

G_DECLARE_FINAL_TYPE (DraftingAmendmentRow, drafting_amendment_row,
                      DRAFTING, AMENDMENT_ROW, GtkWidget)

GtkWidget         *drafting_amendment_row_new              (void);
void               drafting_amendment_row_bind             (DraftingAmendmentRow *self,
                                                            DraftingDocument     *document,
                                                            DraftingAmendment    *amendment);
void               drafting_amendment_row_unbind           (DraftingAmendmentRow *self);
DraftingAmendment *drafting_amendment_row_get_amendment    (DraftingAmendmentRow *self);
void               drafting_amendment_row_update           (DraftingAmendmentRow *self);
void               drafting_amendment_row_update_conflicts (DraftingAmendmentRow *self);
guint              drafting_amendment_row_get_n_conflicts  (DraftingAmendmentRow *self);
const char        *drafting_amendment_row_get_description  (DraftingAmendmentRow *self);

char              *drafting_amendment_row_describe_node    (DraftingNode         *node);
char              *drafting_amendment_row_describe_target  (DraftingDocument     *document,
                                                            DraftingAmendment    *amendment);

G_END_DECLS
