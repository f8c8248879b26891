/* drafting-element-marks.h: the words amendments insert and delete, shown in an element's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"

G_BEGIN_DECLS

void        drafting_element_marks_insert   (GtkTextBuffer      *buffer,
                                             GtkTextIter        *iter,
                                             DraftingMarkedText *marked,
                                             GtkTextTag         *extra);
void        drafting_element_marks_insert_from (GtkTextBuffer      *buffer,
                                                GtkTextIter        *iter,
                                                DraftingMarkedText *marked,
                                                gsize               from,
                                                GtkTextTag         *extra);
PangoAttrList *drafting_element_marks_attributes (DraftingMarkedText *marked,
                                                 gsize               start,
                                                 gsize               end);
const char *drafting_element_marks_at       (GtkTextIter        *iter,
                                             DraftingChange     *change);
char       *drafting_element_marks_describe (DraftingMarkedText *marked);

G_END_DECLS
