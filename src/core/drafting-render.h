/* drafting-render.h: elements as they show and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"

G_BEGIN_DECLS

/**
 * DraftingMarkerPlace:
 * @DRAFTING_MARKER_NONE: the element has no marker
 * @DRAFTING_MARKER_HANGING: a number or a bullet, in a column of its own
 *   before the text: "3.", "(a)", "•", "¹"
 * @DRAFTING_MARKER_RUN_IN: before the text, on its first line:
 *   "PRINCIPLE I –"
 * @DRAFTING_MARKER_ABOVE: a line of its own above the text: "ANNEX"
 *
 * Where an element's marker goes, on screen as in print.
 */
typedef enum
{
  DRAFTING_MARKER_NONE,
  DRAFTING_MARKER_HANGING,
  DRAFTING_MARKER_RUN_IN,
  DRAFTING_MARKER_ABOVE,
} DraftingMarkerPlace;

char       *drafting_render_label            (DraftingNode        *node);
gboolean    drafting_render_has_bullet       (DraftingNode        *node);
char       *drafting_render_marker           (DraftingNode        *node,
                                              DraftingMarkerPlace *place);
const char *drafting_render_marker_separator (DraftingNode        *node);
char       *drafting_render_footnote_call    (DraftingNode        *node,
                                              const char          *ref,
                                              DraftingNode       **footnote);
char       *drafting_render_prefix           (DraftingNode        *node);
char       *drafting_render_plain_text       (DraftingNode        *node,
                                              gboolean             with_calls);
char       *drafting_render_place_date       (DraftingDocument    *document);
char       *drafting_render_superscript      (guint                number);
char       *drafting_render_document_text    (DraftingDocument    *document);
void        drafting_render_line             (DraftingNode        *node,
                                              char               **head,
                                              char               **text);

G_END_DECLS
