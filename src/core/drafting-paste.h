/* drafting-paste.h: text pasted into a document, as elements of the right kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

gboolean drafting_paste_is_several_lines (const char        *text);
gboolean drafting_document_paste_text         (DraftingDocument  *self,
                                               DraftingNode      *node,
                                               guint              start,
                                               guint              end,
                                               const char        *text,
                                               DraftingNode     **cursor_node,
                                               guint             *cursor_offset,
                                               GError           **error);

G_END_DECLS
