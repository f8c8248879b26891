/* drafting-outline.h: the structure of a document, one element a line or as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

char *drafting_outline_to_text (DraftingDocument *document);
char *drafting_outline_to_json (DraftingDocument *document);

G_END_DECLS
