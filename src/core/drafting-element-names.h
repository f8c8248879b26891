/* drafting-element-names.h: elements named as a printed text names them, in its language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-document.h"

G_BEGIN_DECLS

typedef struct _DraftingElementNames DraftingElementNames;

DraftingElementNames *drafting_element_names_new          (DraftingDocument     *document);
void                  drafting_element_names_free         (DraftingElementNames *self);
char                 *drafting_element_names_get_name     (DraftingElementNames *self,
                                                           DraftingNode         *node);
char                 *drafting_element_names_get_position (DraftingElementNames *self,
                                                           const char           *anchor_id,
                                                           DraftingPlacement     placement);
char                 *drafting_element_names_get_heading  (DraftingElementNames *self,
                                                           DraftingAmendment    *amendment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingElementNames, drafting_element_names_free)

G_END_DECLS
