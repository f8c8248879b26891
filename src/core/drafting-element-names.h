/* drafting-element-names.h: elements named as a printed text names them, in its language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-document.h"

G_BEGIN_DECLS

char *drafting_element_names_get_name     (DraftingNode      *node,
                                           const char        *language);
char *drafting_element_names_get_position (DraftingDocument  *document,
                                           const char        *anchor_id,
                                           DraftingPlacement  placement);
char *drafting_element_names_get_heading  (DraftingDocument  *document,
                                           DraftingAmendment *amendment);

G_END_DECLS
