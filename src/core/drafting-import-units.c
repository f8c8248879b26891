/* drafting-import-units.c: units of text, and the elements they become
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-document-private.h"
#include "drafting-import-private.h"
#include "drafting-language.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

void
_import_warn (Importer   *self,
              guint       line,
              const char *format,
              ...)
{
  DraftingImportWarning *warning = g_new0 (DraftingImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->line = line;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->warnings, warning);
}

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_ptr_array_unref (unit->lines);
  g_free (unit->number);
  g_free (unit);
}

/* The unit's text, its lines joined with single spaces. */
char *
_import_unit_text (Unit *unit)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < unit->lines->len; i++)
    {
      const char *line = g_ptr_array_index (unit->lines, i);

      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, line);
    }

  return g_string_free (str, FALSE);
}

const char *
_import_unit_first_line (Unit *unit)
{
  return g_ptr_array_index (unit->lines, 0);
}

GPtrArray *
_import_split_units (Importer *self,
                     char    **lines,
                     GArray   *numbers)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (unit_free);
  Unit *current = NULL;
  gboolean blank = TRUE;
  gboolean asterisk_calls = FALSE;

  for (guint n = 0; lines[n] != NULL && !asterisk_calls; n++)
    asterisk_calls = _import_has_asterisk_call (lines[n]);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      guint line_number = g_array_index (numbers, guint, n);
      const char *rest;
      gboolean bullet;
      g_autofree char *number = NULL;
      NumberForm form;
      guint indent = 0;
      gboolean starts;

      g_strchomp (line);
      while (line[indent] == ' ')
        indent++;

      if (line[indent] == '\0')
        {
          current = NULL;
          blank = TRUE;
          continue;
        }

      if (_import_is_decoration (line + indent))
        {
          _import_warn (self, line_number, _("The decoration “%s” was left out"), line + indent);
          current = NULL;
          blank = TRUE;
          continue;
        }

      if (blank && _import_is_page_number (line + indent) && _import_is_blank (lines[n + 1]))
        {
          _import_warn (self, line_number, _("The page number “%s” was left out"), line + indent);
          current = NULL;
          continue;
        }

      /* "* The term ..." is a footnote, not an item, when the text calls
       * one with an asterisk and it stands as a paragraph of its own. */
      if (asterisk_calls && blank && line[indent] == '*' && line[indent + 1] == ' ' &&
          g_unichar_isupper (g_utf8_get_char (line + indent + 2)))
        {
          rest = line + indent;
          bullet = FALSE;
          form = FORM_NONE;
        }
      else
        rest = _import_parse_marks (line + indent, &bullet, &number, &form);

      starts = current == NULL || bullet || number != NULL ||
               _import_parse_principle (rest, NULL, NULL) || _import_is_footnote_text (rest) ||
               (_import_ends_clause (g_ptr_array_index (current->lines, current->lines->len - 1)) &&
                _import_opens_with_lead (rest));

      if (starts)
        {
          current = g_new0 (Unit, 1);
          current->line = line_number;
          current->indent = indent;
          current->lines = g_ptr_array_new_with_free_func (g_free);
          current->bullet = bullet;
          current->number = g_steal_pointer (&number);
          current->form = form;
          current->blank_before = blank;
          g_ptr_array_add (units, current);
          g_ptr_array_add (current->lines, g_strdup (rest));
        }
      else
        g_ptr_array_add (current->lines, g_strdup (line + indent));

      blank = FALSE;
    }

  return units;
}

DraftingNode *
_import_add_node (Importer     *self,
                  DraftingNode *parent,
                  DraftingKind  kind,
                  const char   *lead,
                  const char   *text)
{
  g_autoptr(DraftingNode) node = drafting_node_new (kind, NULL);

  if (lead != NULL && lead[0] != '\0')
    drafting_node_set_lead (node, lead);
  if (text != NULL)
    drafting_node_take_content (node, _import_make_inline (self, text));

  drafting_node_append_child (parent, node);
  {
    guint *counts = g_hash_table_lookup (self->counts, parent);

    if (counts == NULL)
      {
        counts = g_new0 (guint, DRAFTING_N_KINDS);
        g_hash_table_insert (self->counts, parent, counts);
      }
    counts[kind]++;
    if (drafting_numbering_restarted_by (kind) != DRAFTING_KIND_INVALID)
      counts[drafting_numbering_restarted_by (kind)] = 0;
  }
  if (drafting_kind_has_text (kind))
    g_ptr_array_add (self->placed, node);
  self->last = node;

  return node;
}

static DraftingNumberStyle
style_for (const char *number,
           NumberForm  form,
           gboolean    roman)
{
  gboolean digits = g_ascii_isdigit (number[0]);
  gboolean upper = g_ascii_isupper (number[0]);

  if (digits)
    return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_ARABIC_PAREN
         : form == FORM_NONE ? DRAFTING_NUMBER_STYLE_ARABIC
         : DRAFTING_NUMBER_STYLE_ARABIC_PERIOD;

  if (roman)
    {
      if (upper)
        return form == FORM_NONE ? DRAFTING_NUMBER_STYLE_UPPER_ROMAN
                                 : DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD;
      return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN
                                : DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD;
    }

  if (upper)
    return DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD;
  return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN
                            : DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD;
}

static guint
number_value (const char *number,
              gboolean    roman)
{
  if (g_ascii_isdigit (number[0]))
    return (guint) g_ascii_strtoull (number, NULL, 10);
  if (roman)
    return drafting_parse_roman (number, strlen (number));
  if (number[1] == '\0')
    return g_ascii_tolower (number[0]) - 'a' + 1;
  return 0;
}

/* Notes how the text numbers the elements of a list, and says when a number
 * in the text is not the one the element now has. */
void
_import_observe_number (Importer     *self,
                        DraftingNode *node,
                        Unit         *unit,
                        gboolean      roman)
{
  DraftingNumberingSlot slot;
  DraftingNumberStyle style;
  guint ordinal = 0;

  slot = drafting_numbering_slot_for (node->kind, node->parent->kind);
  if (slot == DRAFTING_NUMBERING_SLOT_INVALID)
    return;

  if (unit == NULL || unit->number == NULL)
    style = unit != NULL && unit->bullet ? DRAFTING_NUMBER_STYLE_BULLET : DRAFTING_NUMBER_STYLE_NONE;
  else
    style = style_for (unit->number, unit->form, roman);

  if (!self->style_seen[slot])
    {
      self->styles[slot] = style;
      self->style_seen[slot] = TRUE;
    }
  else if (self->styles[slot] != style && unit != NULL)
    _import_warn (self, unit->line,
          /* Translators: the first %s is a list, as "Items"; the others are numbering styles */
          _("%s are numbered “%s” here but “%s” before; the document numbers them all alike"),
          drafting_numbering_slot_get_display_name (slot),
          drafting_number_style_get_display_name (style),
          drafting_number_style_get_display_name (self->styles[slot]));

  /* Elements are numbered as they are appended: this one is the last of
   * its kind so far. */
  ordinal = _import_count_children_of_kind (self, node->parent, node->kind);

  if (unit != NULL && unit->number != NULL && number_value (unit->number, roman) != ordinal)
    {
      g_autofree char *derived = drafting_number_style_format (style, ordinal);

      _import_warn (self, unit->line,
            _("The text numbers this “%s”, but it is number %s in its list; it is numbered %s now"),
            unit->number, derived, derived);
    }
}

/* Whether @number is a roman numeral, when it is the @expected-th of its
 * list: "i" is roman as the first of a list, a letter after "h". */
gboolean
_import_number_is_roman (const char *number,
                         guint       expected)
{
  gsize len = strlen (number);
  guint roman;

  if (g_ascii_isdigit (number[0]) || (roman = drafting_parse_roman (number, len)) == 0)
    return FALSE;
  if (roman == expected)
    return TRUE;
  if (len == 1 && (guint) (g_ascii_tolower (number[0]) - 'a' + 1) == expected)
    return FALSE;

  return TRUE;
}

/* How many children of @kind @parent has: counted as they are appended, as
 * counting them again for each would take the square of their number. */
guint
_import_count_children_of_kind (Importer     *self,
                                DraftingNode *parent,
                                DraftingKind  kind)
{
  guint *counts = g_hash_table_lookup (self->counts, parent);

  return counts ? counts[kind] : 0;
}

static gboolean
is_alpha_style (DraftingNumberStyle style)
{
  return style == DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN ||
         style == DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD ||
         style == DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD;
}

/* Sub-paragraphs "(a)", and "(i)" inside a lettered one. */
void
_import_place_sub_paragraph (Importer   *self,
                             Unit       *unit,
                             const char *text)
{
  DraftingNode *parent = self->container;
  DraftingNode *last = NULL;
  guint expected;
  gboolean roman;
  DraftingNode *node;

  for (guint i = parent->children->len; i > 0 && last == NULL; i--)
    if (((DraftingNode *) g_ptr_array_index (parent->children, i - 1))->kind == DRAFTING_KIND_SUB_PARAGRAPH)
      last = g_ptr_array_index (parent->children, i - 1);

  expected = _import_count_children_of_kind (self, parent, DRAFTING_KIND_SUB_PARAGRAPH) + 1;
  roman = unit->number != NULL && _import_number_is_roman (unit->number, expected);

  if (roman && last != NULL && self->style_seen[DRAFTING_NUMBERING_SUB_PARAGRAPH] &&
      is_alpha_style (self->styles[DRAFTING_NUMBERING_SUB_PARAGRAPH]))
    {
      expected = _import_count_children_of_kind (self, last, DRAFTING_KIND_SUB_PARAGRAPH) + 1;
      node = _import_add_node (self, last, DRAFTING_KIND_SUB_PARAGRAPH, NULL, text);
      _import_observe_number (self, node, unit, _import_number_is_roman (unit->number, expected));
      return;
    }

  node = _import_add_node (self, parent, DRAFTING_KIND_SUB_PARAGRAPH, NULL, text);
  _import_observe_number (self, node, unit, roman);
}

/* "DRAFT RESOLUTION OF ..." → "RESOLUTION OF ...", the status noted, in
 * any of the languages texts are drafted in. */
const char *
_import_strip_status (Importer   *self,
                      const char *line)
{
  const DraftingLanguageTerms *all;
  guint n;

  all = drafting_language_get_all_terms (&n);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        /* The revised forms first: they begin with the others' words. */
        const char *candidates[] = {
          pass == 0 ? all[i].heading_revised : all[i].heading_draft,
          pass == 0 ? all[i].title_revised : all[i].title_draft,
        };

        for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
          if (g_str_has_prefix (line, candidates[j]) ||
              (j == 1 && g_ascii_strncasecmp (line, candidates[j], strlen (candidates[j])) == 0 &&
               g_str_has_prefix (all[i].code, "en")))
            {
              self->status = pass == 0 ? DRAFTING_STATUS_REVISED : DRAFTING_STATUS_DRAFT;
              return line + strlen (candidates[j]);
            }
      }

  return line;
}

/* Whether @node's text calls the footnote @mark ("¹"): the mark not
 * followed by another digit. */
static DraftingNode *
find_call (DraftingNode *node,
           const char   *mark,
           guint        *offset)
{
  const char *content = drafting_inline_get_text (node->content);
  const char *found;

  if (!drafting_kind_allows_child (node->kind, DRAFTING_KIND_FOOTNOTE))
    return NULL;

  for (found = strstr (content, mark); found != NULL; found = strstr (found + 1, mark))
    if (!_import_is_superscript_digit (g_utf8_get_char (found + strlen (mark))))
      {
        *offset = found - content;
        return node;
      }

  return NULL;
}

/* Attaches each footnote to the element whose text calls it, nearest
 * before the footnote's place in the text (or after, failing that). */
void
_import_attach_footnotes (Importer *self)
{
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->footnotes, i);
      g_autofree char *text = _import_unit_text (unit);
      const char *p = text;
      g_autofree char *mark = NULL;
      DraftingNode *caller = NULL;
      guint caller_offset = 0;

      while (_import_is_superscript_digit (g_utf8_get_char (p)) || *p == '*')
        p = g_utf8_next_char (p);
      mark = g_strndup (text, p - text);
      while (*p == ' ')
        p++;

      /* The elements are in the order of their lines: the nearest caller
       * before the footnote is found going back from its place, else the
       * first after it. */
      {
        guint lo = 0;
        guint hi = self->placed->len;

        while (lo < hi)
          {
            guint mid = (lo + hi) / 2;
            DraftingNode *node = g_ptr_array_index (self->placed, mid);

            if (GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, node)) < unit->line)
              lo = mid + 1;
            else
              hi = mid;
          }

        for (guint j = lo; j > 0 && caller == NULL; j--)
          caller = find_call (g_ptr_array_index (self->placed, j - 1), mark, &caller_offset);
        for (guint j = lo; j < self->placed->len && caller == NULL; j++)
          caller = find_call (g_ptr_array_index (self->placed, j), mark, &caller_offset);
      }

      if (caller == NULL)
        {
          _import_warn (self, unit->line,
                _("No text calls the footnote “%s”; it is kept as a plain paragraph"), mark);
          _import_add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
          continue;
        }

      {
        g_autoptr(DraftingNode) footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, NULL);
        g_autoptr(DraftingInline) content = drafting_inline_copy (caller->content);
        g_autofree char *id = g_strdup_printf ("fn%u", i + 1);
        guint index = 0;

        _drafting_node_set_id (footnote, id);
        drafting_node_take_content (footnote, _import_make_inline (self, p));

        drafting_inline_delete (content, caller_offset, caller_offset + strlen (mark));
        drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF,
                                  caller_offset, caller_offset, id);
        drafting_node_take_content (caller, g_steal_pointer (&content));

        while (index < caller->children->len &&
               ((DraftingNode *) g_ptr_array_index (caller->children, index))->kind == DRAFTING_KIND_FOOTNOTE)
          index++;
        _drafting_node_insert_child (caller, index, footnote);
      }
    }
}
