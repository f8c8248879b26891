/* drafting-odt.h: a document as OpenDocument Text, as the window prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_ODT_EXTENSION ".odt"

GBytes *drafting_odt_write         (DraftingDocument    *document,
                                    GError             **error);
GBytes *drafting_odt_write_tracked (DraftingDocument    *document,
                                    const char * const  *delegations,
                                    GError             **error);
GBytes *drafting_odt_write_compilation (DraftingDocument    *document,
                                        const char * const  *delegations,
                                        GError             **error);

G_END_DECLS
