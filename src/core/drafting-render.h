/* drafting-render.h: elements as they print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

char *drafting_render_label          (DraftingNode     *node);
char *drafting_render_prefix         (DraftingNode     *node);
char *drafting_render_plain_text     (DraftingNode     *node,
                                      gboolean          with_calls);
char *drafting_render_place_date     (DraftingDocument *document);
char *drafting_render_superscript    (guint             number);
char *drafting_render_document_text  (DraftingDocument *document);

G_END_DECLS
