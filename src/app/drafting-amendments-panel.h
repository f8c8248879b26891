/* drafting-amendments-panel.h: the amendments proposed to a document, filtered and decided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_AMENDMENTS_PANEL (drafting_amendments_panel_get_type ())

G_DECLARE_FINAL_TYPE (DraftingAmendmentsPanel, drafting_amendments_panel,
                      DRAFTING, AMENDMENTS_PANEL, GtkWidget)

GtkWidget        *drafting_amendments_panel_new                (void);
DraftingDocument *drafting_amendments_panel_get_document       (DraftingAmendmentsPanel *self);
void              drafting_amendments_panel_set_document       (DraftingAmendmentsPanel *self,
                                                                DraftingDocument        *document);
const char       *drafting_amendments_panel_get_element_filter (DraftingAmendmentsPanel *self);
void              drafting_amendments_panel_set_element_filter (DraftingAmendmentsPanel *self,
                                                                const char              *element);
void              drafting_amendments_panel_select             (DraftingAmendmentsPanel *self,
                                                                DraftingAmendment       *amendment);
GPtrArray        *drafting_amendments_panel_get_selected       (DraftingAmendmentsPanel *self);

G_END_DECLS
