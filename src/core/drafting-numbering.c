/* drafting-numbering.c: how the elements of a list are numbered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-numbering"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-numbering.h"

typedef struct
{
  const char *name;
  const char *display_name;
} StyleInfo;

static const StyleInfo styles[DRAFTING_N_NUMBER_STYLES] = {
  [DRAFTING_NUMBER_STYLE_NONE]               = { "none",   N_("None") },
  [DRAFTING_NUMBER_STYLE_BULLET]             = { "bullet", N_("Bullets") },
  [DRAFTING_NUMBER_STYLE_ARABIC]             = { "1",      N_("1, 2, 3") },
  [DRAFTING_NUMBER_STYLE_ARABIC_PERIOD]      = { "1.",     N_("1., 2., 3.") },
  [DRAFTING_NUMBER_STYLE_ARABIC_PAREN]       = { "(1)",    N_("(1), (2), (3)") },
  [DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD] = { "a.",     N_("a., b., c.") },
  [DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN]  = { "(a)",    N_("(a), (b), (c)") },
  [DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD] = { "A.",     N_("A., B., C.") },
  [DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD] = { "i.",     N_("i., ii., iii.") },
  [DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN]  = { "(i)",    N_("(i), (ii), (iii)") },
  [DRAFTING_NUMBER_STYLE_UPPER_ROMAN]        = { "I",      N_("I, II, III") },
  [DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD] = { "I.",     N_("I., II., III.") },
};

typedef struct
{
  const char          *name;
  const char          *display_name;
  DraftingNumberStyle  default_style;
} SlotInfo;

static const SlotInfo slots[DRAFTING_N_NUMBERING_SLOTS] = {
  [DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH] =
    { "operative-paragraph", N_("Operative paragraphs"), DRAFTING_NUMBER_STYLE_ARABIC_PERIOD },
  [DRAFTING_NUMBERING_SUB_PARAGRAPH] =
    { "sub-paragraph", N_("Sub-paragraphs"), DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN },
  [DRAFTING_NUMBERING_NESTED_SUB_PARAGRAPH] =
    { "nested-sub-paragraph", N_("Nested sub-paragraphs"), DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN },
  [DRAFTING_NUMBERING_ANNEX] =
    { "annex", N_("Annexes"), DRAFTING_NUMBER_STYLE_UPPER_ROMAN },
  [DRAFTING_NUMBERING_PRINCIPLE] =
    { "principle", N_("Principles"), DRAFTING_NUMBER_STYLE_UPPER_ROMAN },
  [DRAFTING_NUMBERING_SECTION] =
    { "section", N_("Sections"), DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD },
  [DRAFTING_NUMBERING_ITEM] =
    { "item", N_("Items"), DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD },
  [DRAFTING_NUMBERING_SECTION_ITEM] =
    { "section-item", N_("Items in a section"), DRAFTING_NUMBER_STYLE_BULLET },
  [DRAFTING_NUMBERING_NESTED_ITEM] =
    { "nested-item", N_("Nested items"), DRAFTING_NUMBER_STYLE_BULLET },
  [DRAFTING_NUMBERING_STATEMENT] =
    { "statement", N_("Statements"), DRAFTING_NUMBER_STYLE_NONE },
};

const char *
drafting_number_style_to_string (DraftingNumberStyle style)
{
  return (guint) style < DRAFTING_N_NUMBER_STYLES ? styles[style].name : NULL;
}

DraftingNumberStyle
drafting_number_style_from_string (const char *name)
{
  if (name != NULL)
    for (guint i = 0; i < DRAFTING_N_NUMBER_STYLES; i++)
      if (strcmp (styles[i].name, name) == 0)
        return (DraftingNumberStyle) i;

  return DRAFTING_NUMBER_STYLE_INVALID;
}

const char *
drafting_number_style_get_display_name (DraftingNumberStyle style)
{
  g_return_val_if_fail ((guint) style < DRAFTING_N_NUMBER_STYLES, NULL);

  return _(styles[style].display_name);
}

const char *
drafting_numbering_slot_to_string (DraftingNumberingSlot slot)
{
  return (guint) slot < DRAFTING_N_NUMBERING_SLOTS ? slots[slot].name : NULL;
}

DraftingNumberingSlot
drafting_numbering_slot_from_string (const char *name)
{
  if (name != NULL)
    for (guint i = 0; i < DRAFTING_N_NUMBERING_SLOTS; i++)
      if (strcmp (slots[i].name, name) == 0)
        return (DraftingNumberingSlot) i;

  return DRAFTING_NUMBERING_SLOT_INVALID;
}

const char *
drafting_numbering_slot_get_display_name (DraftingNumberingSlot slot)
{
  g_return_val_if_fail ((guint) slot < DRAFTING_N_NUMBERING_SLOTS, NULL);

  return _(slots[slot].display_name);
}

DraftingNumberStyle
drafting_numbering_slot_get_default (DraftingNumberingSlot slot)
{
  g_return_val_if_fail ((guint) slot < DRAFTING_N_NUMBERING_SLOTS,
                        DRAFTING_NUMBER_STYLE_NONE);

  return slots[slot].default_style;
}

/**
 * drafting_numbering_slot_for:
 * @kind: the kind of a numbered element
 * @parent_kind: the kind of its parent
 *
 * Returns: the list whose style numbers an element of @kind under
 *   @parent_kind, or %DRAFTING_NUMBERING_SLOT_INVALID when such elements are
 *   not numbered
 */
DraftingNumberingSlot
drafting_numbering_slot_for (DraftingKind kind,
                             DraftingKind parent_kind)
{
  switch (kind)
    {
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
      return DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH;
    case DRAFTING_KIND_SUB_PARAGRAPH:
      return parent_kind == DRAFTING_KIND_SUB_PARAGRAPH
             ? DRAFTING_NUMBERING_NESTED_SUB_PARAGRAPH
             : DRAFTING_NUMBERING_SUB_PARAGRAPH;
    case DRAFTING_KIND_ANNEX:
      return DRAFTING_NUMBERING_ANNEX;
    case DRAFTING_KIND_PRINCIPLE:
      return DRAFTING_NUMBERING_PRINCIPLE;
    case DRAFTING_KIND_SECTION:
      return DRAFTING_NUMBERING_SECTION;
    case DRAFTING_KIND_ITEM:
      if (parent_kind == DRAFTING_KIND_ITEM)
        return DRAFTING_NUMBERING_NESTED_ITEM;
      if (parent_kind == DRAFTING_KIND_SECTION)
        return DRAFTING_NUMBERING_SECTION_ITEM;
      return DRAFTING_NUMBERING_ITEM;
    case DRAFTING_KIND_STATEMENT:
      return DRAFTING_NUMBERING_STATEMENT;
    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_SPEAKER_FORMULA:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_N_KINDS:
    default:
      return DRAFTING_NUMBERING_SLOT_INVALID;
    }
}

/**
 * drafting_numbering_restarted_by:
 * @kind: the kind of an element
 *
 * An operative formula introduces a list of its own: "RESOLVES that the
 * WCO:" 1., 2., then "REQUESTS the Secretary General:" 1., 2. again. The
 * elements of the kind it returns are numbered from 1 after each element of
 * @kind among the same siblings; nothing is stored for it, as numbers are
 * derived from places.
 *
 * Returns: the kind whose numbering an element of @kind starts again, or
 *   %DRAFTING_KIND_INVALID
 */
DraftingKind
drafting_numbering_restarted_by (DraftingKind kind)
{
  return kind == DRAFTING_KIND_OPERATIVE_FORMULA ? DRAFTING_KIND_OPERATIVE_PARAGRAPH
                                                 : DRAFTING_KIND_INVALID;
}

/**
 * drafting_format_roman:
 * @value: a number from 1
 * @upper: capitals or small letters
 *
 * Returns: (transfer full): @value in roman numerals; numbers past 3999,
 *   which roman numerals do not write, in arabic ones
 */
char *
drafting_format_roman (guint    value,
                       gboolean upper)
{
  static const struct { guint value; const char *upper, *lower; } table[] = {
    { 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" },
    { 100, "C", "c" }, { 90, "XC", "xc" }, { 50, "L", "l" }, { 40, "XL", "xl" },
    { 10, "X", "x" }, { 9, "IX", "ix" }, { 5, "V", "v" }, { 4, "IV", "iv" },
    { 1, "I", "i" },
  };
  GString *str;

  if (value == 0 || value > 3999)
    return g_strdup_printf ("%u", value);

  str = g_string_sized_new (16);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (value >= table[i].value)
      {
        g_string_append (str, upper ? table[i].upper : table[i].lower);
        value -= table[i].value;
      }

  return g_string_free (str, FALSE);
}

/**
 * drafting_format_alpha:
 * @value: a number from 1
 * @upper: capitals or small letters
 *
 * Returns: (transfer full): @value as letters: a, b, ... z, aa, ab, ...
 */
char *
drafting_format_alpha (guint    value,
                       gboolean upper)
{
  char buf[16];
  guint pos = sizeof buf - 1;

  buf[pos] = '\0';
  if (value == 0)
    return g_strdup ("0");

  while (value > 0 && pos > 0)
    {
      value--;
      buf[--pos] = (char) ((upper ? 'A' : 'a') + value % 26);
      value /= 26;
    }

  return g_strdup (buf + pos);
}

/**
 * drafting_parse_roman:
 * @text: roman numerals, small or capital
 * @len: the length of @text in bytes
 *
 * Returns: the value of @text, or 0 when it is not a well-formed roman number
 */
guint
drafting_parse_roman (const char *text,
                      gsize       len)
{
  guint value = 0;
  guint prev = 0;

  if (len == 0 || len > 15)
    return 0;

  for (gsize i = len; i > 0; i--)
    {
      guint digit;

      switch (g_ascii_tolower (text[i - 1]))
        {
        case 'i': digit = 1; break;
        case 'v': digit = 5; break;
        case 'x': digit = 10; break;
        case 'l': digit = 50; break;
        case 'c': digit = 100; break;
        case 'd': digit = 500; break;
        case 'm': digit = 1000; break;
        default: return 0;
        }

      if (digit < prev)
        value -= digit;
      else
        value += digit;
      prev = MAX (prev, digit);
    }

  /* Only the canonical spelling counts: "iiii" or "vx" are not numbers. */
  {
    g_autofree char *canonical = drafting_format_roman (value, FALSE);

    if (strlen (canonical) != len || g_ascii_strncasecmp (canonical, text, len) != 0)
      return 0;
  }

  return value;
}

/**
 * drafting_number_style_format:
 * @style: a numbering style
 * @ordinal: the position in the list, from 1
 *
 * Returns: (transfer full): the number as printed, such as "3.", "(c)",
 *   "III" or "iii."; the empty string for "none" and "bullet"
 */
char *
drafting_number_style_format (DraftingNumberStyle style,
                              guint               ordinal)
{
  g_autofree char *digits = NULL;

  switch (style)
    {
    case DRAFTING_NUMBER_STYLE_ARABIC:
      return g_strdup_printf ("%u", ordinal);
    case DRAFTING_NUMBER_STYLE_ARABIC_PERIOD:
      return g_strdup_printf ("%u.", ordinal);
    case DRAFTING_NUMBER_STYLE_ARABIC_PAREN:
      return g_strdup_printf ("(%u)", ordinal);
    case DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD:
      digits = drafting_format_alpha (ordinal, FALSE);
      return g_strconcat (digits, ".", NULL);
    case DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN:
      digits = drafting_format_alpha (ordinal, FALSE);
      return g_strconcat ("(", digits, ")", NULL);
    case DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD:
      digits = drafting_format_alpha (ordinal, TRUE);
      return g_strconcat (digits, ".", NULL);
    case DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD:
      digits = drafting_format_roman (ordinal, FALSE);
      return g_strconcat (digits, ".", NULL);
    case DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN:
      digits = drafting_format_roman (ordinal, FALSE);
      return g_strconcat ("(", digits, ")", NULL);
    case DRAFTING_NUMBER_STYLE_UPPER_ROMAN:
      return drafting_format_roman (ordinal, TRUE);
    case DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD:
      digits = drafting_format_roman (ordinal, TRUE);
      return g_strconcat (digits, ".", NULL);
    case DRAFTING_NUMBER_STYLE_NONE:
    case DRAFTING_NUMBER_STYLE_BULLET:
    case DRAFTING_N_NUMBER_STYLES:
    default:
      return g_strdup ("");
    }
}
