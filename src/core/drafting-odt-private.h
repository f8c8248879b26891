/* drafting-odt-private.h: what the parts of the OpenDocument Text writer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"
#include "drafting-xml-part.h"

G_BEGIN_DECLS

/* drafting-odt.c */
void    _drafting_odt_namespaces                 (DraftingXmlPart  *part);
void    _drafting_odt_font_faces                 (DraftingXmlPart  *part);
void    _drafting_odt_write_text                 (DraftingXmlPart  *part,
                                                  const char       *content,
                                                  gsize             length);

/* drafting-odt-compilation.c */
void    _drafting_odt_compilation_styles         (DraftingXmlPart  *part);
GBytes *_drafting_odt_write_compilation_content  (DraftingDocument *document,
                                                  GPtrArray        *entries);

G_END_DECLS
