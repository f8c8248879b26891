/* drafting-numbering.h: how the elements of a list are numbered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "drafting-kind.h"

G_BEGIN_DECLS

/**
 * DraftingNumberStyle:
 *
 * How a number is printed. Each style is named in files by the way it prints
 * the first number: "1.", "(a)", "I", "i.", and "none" and "bullet".
 */
typedef enum
{
  DRAFTING_NUMBER_STYLE_NONE,
  DRAFTING_NUMBER_STYLE_BULLET,
  DRAFTING_NUMBER_STYLE_ARABIC,
  DRAFTING_NUMBER_STYLE_ARABIC_PERIOD,
  DRAFTING_NUMBER_STYLE_ARABIC_PAREN,
  DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD,
  DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN,
  DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD,
  DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD,
  DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN,
  DRAFTING_NUMBER_STYLE_UPPER_ROMAN,
  DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD,
  DRAFTING_N_NUMBER_STYLES,
} DraftingNumberStyle;

#define DRAFTING_NUMBER_STYLE_INVALID ((DraftingNumberStyle) DRAFTING_N_NUMBER_STYLES)

/**
 * DraftingNumberingSlot:
 *
 * The lists of a document whose numbering style is a property of the
 * document: all operative paragraphs are numbered alike, all principles, ...
 */
typedef enum
{
  DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
  DRAFTING_NUMBERING_SUB_PARAGRAPH,
  DRAFTING_NUMBERING_NESTED_SUB_PARAGRAPH,
  DRAFTING_NUMBERING_ANNEX,
  DRAFTING_NUMBERING_PRINCIPLE,
  DRAFTING_NUMBERING_SECTION,
  DRAFTING_NUMBERING_ITEM,
  DRAFTING_NUMBERING_SECTION_ITEM,
  DRAFTING_NUMBERING_NESTED_ITEM,
  DRAFTING_NUMBERING_STATEMENT,
  DRAFTING_N_NUMBERING_SLOTS,
} DraftingNumberingSlot;

#define DRAFTING_NUMBERING_SLOT_INVALID ((DraftingNumberingSlot) DRAFTING_N_NUMBERING_SLOTS)

const char            *drafting_number_style_to_string      (DraftingNumberStyle    style);
DraftingNumberStyle    drafting_number_style_from_string    (const char            *name);
const char            *drafting_number_style_get_display_name (DraftingNumberStyle  style);
char                  *drafting_number_style_format         (DraftingNumberStyle    style,
                                                             guint                  ordinal);

const char            *drafting_numbering_slot_to_string    (DraftingNumberingSlot  slot);
DraftingNumberingSlot  drafting_numbering_slot_from_string  (const char            *name);
const char            *drafting_numbering_slot_get_display_name (DraftingNumberingSlot slot);
DraftingNumberStyle    drafting_numbering_slot_get_default  (DraftingNumberingSlot  slot);
DraftingNumberingSlot  drafting_numbering_slot_for          (DraftingKind           kind,
                                                             DraftingKind           parent_kind);
DraftingKind           drafting_numbering_restarted_by      (DraftingKind           kind);

char                  *drafting_format_roman                (guint                  value,
                                                             gboolean               upper);
char                  *drafting_format_alpha                (guint                  value,
                                                             gboolean               upper);
guint                  drafting_parse_roman                 (const char            *text,
                                                             gsize                  len);

G_END_DECLS
