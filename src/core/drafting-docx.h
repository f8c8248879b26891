/* drafting-docx.h: a document as Word's Office Open XML, as the window prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_DOCX_EXTENSION ".docx"

GBytes *drafting_docx_write         (DraftingDocument    *document,
                                     GError             **error);
GBytes *drafting_docx_write_tracked (DraftingDocument    *document,
                                     const char * const  *delegations,
                                     GError             **error);
GBytes *drafting_docx_write_compilation (DraftingDocument    *document,
                                         const char * const  *delegations,
                                         GError             **error);

G_END_DECLS
