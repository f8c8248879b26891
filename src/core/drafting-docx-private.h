/* drafting-docx-private.h: what the parts of the Word writer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"
#include "drafting-xml-part.h"

G_BEGIN_DECLS

/* drafting-docx.c */
void _drafting_docx_val                     (DraftingXmlPart  *part,
                                             const char       *name,
                                             const char       *value);
void _drafting_docx_empty                   (DraftingXmlPart  *part,
                                             const char       *name);
void _drafting_docx_write_text              (DraftingXmlPart  *part,
                                             const char       *content,
                                             gsize             length,
                                             gboolean          deleted);
void _drafting_docx_style_start             (DraftingXmlPart  *part,
                                             const char       *type,
                                             const char       *id,
                                             const char       *name,
                                             const char       *based_on,
                                             const char       *next,
                                             gboolean          gallery);

/* drafting-docx-compilation.c */
void _drafting_docx_compilation_styles      (DraftingXmlPart  *part);
void _drafting_docx_write_compilation_body  (DraftingXmlPart  *part,
                                             DraftingDocument *document,
                                             GPtrArray        *entries);

G_END_DECLS
