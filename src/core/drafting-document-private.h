/* drafting-document-private.h: what the loaders and nodes know of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

/* The root's identifier: not an NCName, so no element of a file can have it. */
#define DRAFTING_ROOT_ID "#root"

guint  _drafting_document_get_footnote_number (DraftingDocument *self,
                                               DraftingNode     *footnote);
void   _drafting_document_adopt_root          (DraftingDocument *self,
                                               DraftingNode     *root);
char  *_drafting_document_new_id              (DraftingDocument *self);

G_END_DECLS
