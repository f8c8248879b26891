/* drafting-element-row.h: one element of the document, laid out as it prints and edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"
#include "drafting-spell.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_ELEMENT_ROW (drafting_element_row_get_type ())

G_DECLARE_FINAL_TYPE (DraftingElementRow, drafting_element_row, DRAFTING, ELEMENT_ROW, GtkWidget)

/**
 * DraftingDirection:
 *
 * Where the cursor leaves a row for: the row before (at its end, or its
 * last line) or the row after (at its start, or its first line).
 */
typedef enum
{
  DRAFTING_DIRECTION_UP,
  DRAFTING_DIRECTION_DOWN,
  DRAFTING_DIRECTION_BACKWARD,
  DRAFTING_DIRECTION_FORWARD,
} DraftingDirection;

GtkWidget    *drafting_element_row_new            (void);
void          drafting_element_row_bind           (DraftingElementRow *self,
                                                   DraftingNode       *node);
void          drafting_element_row_unbind         (DraftingElementRow *self);
DraftingNode *drafting_element_row_get_node       (DraftingElementRow *self);
GtkTextView  *drafting_element_row_get_text_view  (DraftingElementRow *self);
void          drafting_element_row_reload         (DraftingElementRow *self);
void          drafting_element_row_update_label   (DraftingElementRow *self);
void          drafting_element_row_update_numbers (DraftingElementRow *self);
void          drafting_element_row_set_editable   (DraftingElementRow *self,
                                                   gboolean            editable);
void          drafting_element_row_place_cursor   (DraftingElementRow *self,
                                                   int                 offset,
                                                   guint               length,
                                                   int                 x);
gboolean      drafting_element_row_get_cursor     (DraftingElementRow *self,
                                                   guint              *offset,
                                                   guint              *selection_end);
int           drafting_element_row_get_cursor_x   (DraftingElementRow *self);
void          drafting_element_row_set_highlights (DraftingElementRow *self,
                                                   GArray             *matches,
                                                   const DraftingMatch *current);

void           drafting_element_row_set_tracking  (DraftingElementRow *self,
                                                   DraftingTracking   *tracking);
void           drafting_element_row_set_proposer  (DraftingElementRow *self,
                                                   const char         *delegation,
                                                   const char         *name);
void           drafting_element_row_set_extra_menu (DraftingElementRow *self,
                                                    GMenuModel         *menu);
void           drafting_element_row_set_spell_cache (DraftingElementRow *self,
                                                     DraftingSpellCache *cache);
void           drafting_element_row_update_spelling (DraftingElementRow *self);

G_END_DECLS
