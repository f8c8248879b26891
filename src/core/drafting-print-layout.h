/* drafting-print-layout.h: a document laid out on pages, for the printer and for PDF alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "drafting-core.h"

G_BEGIN_DECLS

/* The page both printing and the PDF export start from: A4, in points. */
#define DRAFTING_PRINT_LAYOUT_A4_WIDTH  (210.0 * 72.0 / 25.4)
#define DRAFTING_PRINT_LAYOUT_A4_HEIGHT (297.0 * 72.0 / 25.4)

#define DRAFTING_TYPE_PRINT_LAYOUT (drafting_print_layout_get_type ())

G_DECLARE_FINAL_TYPE (DraftingPrintLayout, drafting_print_layout, DRAFTING, PRINT_LAYOUT, GObject)

PangoContext        *drafting_print_layout_create_context (PangoFontMap        *font_map);
DraftingPrintLayout *drafting_print_layout_new            (DraftingDocument    *snapshot,
                                                           PangoContext        *context,
                                                           double               page_width,
                                                           double               page_height,
                                                           double               margin_top,
                                                           double               margin_right,
                                                           double               margin_bottom,
                                                           double               margin_left);
void                 drafting_print_layout_track_changes  (DraftingPrintLayout *self,
                                                           const char * const  *delegations);
gboolean             drafting_print_layout_paginate       (DraftingPrintLayout *self,
                                                           gint64               deadline);
guint                drafting_print_layout_get_n_pages    (DraftingPrintLayout *self);
void                 drafting_print_layout_draw_page      (DraftingPrintLayout *self,
                                                           cairo_t             *cr,
                                                           guint                page_nr);
gboolean             drafting_print_layout_draw_page_part (DraftingPrintLayout *self,
                                                           cairo_t             *cr,
                                                           guint                page_nr,
                                                           guint               *step,
                                                           gint64               deadline);
GStrv                drafting_print_layout_dup_texts      (DraftingPrintLayout *self);

G_END_DECLS
