/* drafting-import-annex.c: the annex of a resolution, the principles of a communiqué
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

/* "PRINCIPLE I - Title", "Principle 3: Title" */
gboolean
_import_parse_principle (const char  *text,
                         char       **number,
                         char       **title)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:PRINCIPLE|Principle)\\s+([IVXLCDMivxlcdm]+|[0-9]{1,4})"
                                    "\\s*(?:[-–—:.]\\s*(.*))?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  if (number != NULL)
    *number = g_match_info_fetch (match, 1);
  if (title != NULL)
    *title = g_match_info_fetch (match, 2);

  return TRUE;
}

/* "ANNEX", "ANNEX I", "Annex II - Title" */
gboolean
_import_parse_annex (const char  *text,
                     char       **title)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:ANNEX|Annex)(?:\\s+([IVXLCDM]+|[0-9]{1,4}|[A-Z]))?"
                                    "\\s*(?:[-–—:.]\\s*(.*))?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  if (title != NULL)
    *title = g_match_info_fetch (match, 2);

  return TRUE;
}

static void
close_lists (Importer *self)
{
  g_array_set_size (self->levels, 0);
}

/* Finds the item a bullet at @indent goes under, closing deeper ones. */
static DraftingNode *
list_parent (Importer     *self,
             DraftingNode *base,
             guint         indent)
{
  while (self->levels->len > 0 &&
         g_array_index (self->levels, Level, self->levels->len - 1).indent >= indent)
    g_array_set_size (self->levels, self->levels->len - 1);

  if (self->levels->len == 0)
    return base;

  return g_array_index (self->levels, Level, self->levels->len - 1).node;
}

static void
push_level (Importer     *self,
            DraftingNode *node,
            guint         indent)
{
  Level level = { node, indent };

  g_array_append_val (self->levels, level);
}

static DraftingNode *
annex_container (Importer *self)
{
  if (self->annex == NULL)
    self->annex = _import_add_node (self, self->root, DRAFTING_KIND_ANNEX, NULL, NULL);

  return self->annex;
}

void
_import_start_principle (Importer   *self,
                         Unit       *unit,
                         const char *number,
                         const char *title,
                         gboolean    in_annex)
{
  DraftingNode *parent = in_annex ? annex_container (self) : self->root;
  gboolean roman = !g_ascii_isdigit (number[0]);
  g_autofree char *fake = g_strdup (number);
  Unit numbered = *unit;

  self->principle = _import_add_node (self, parent, DRAFTING_KIND_PRINCIPLE, NULL, title ? title : "");
  self->section = NULL;
  close_lists (self);

  numbered.number = fake;
  numbered.form = FORM_NONE;
  _import_observe_number (self, self->principle, &numbered, roman);
}

/* A line of the annex: a principle, a section, an item, a paragraph. */
void
_import_place_annex_unit (Importer   *self,
                          Unit       *unit,
                          const char *text)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  DraftingNode *base;

  if (unit->number == NULL && !unit->bullet && _import_parse_principle (text, &number, &title))
    {
      _import_start_principle (self, unit, number, title, self->type != DRAFTING_DOCUMENT_COMMUNIQUE);
      return;
    }

  if (unit->number == NULL && !unit->bullet && _import_parse_annex (text, &title))
    {
      self->annex = _import_add_node (self, self->root, DRAFTING_KIND_ANNEX, NULL, title ? title : "");
      self->principle = self->section = NULL;
      close_lists (self);
      return;
    }

  base = self->principle ? self->principle : annex_container (self);

  /* "i. Advance electronic data": a section, a short title without a
   * bullet or final punctuation. */
  if (!unit->bullet && unit->number != NULL && unit->form == FORM_PERIOD &&
      g_ascii_islower (unit->number[0]) && !_import_ends_clause (text) && strlen (text) < 120 &&
      self->principle != NULL)
    {
      self->section = _import_add_node (self, self->principle, DRAFTING_KIND_SECTION, NULL, text);
      close_lists (self);
      _import_observe_number (self, self->section, unit, TRUE);
      return;
    }

  if (self->section != NULL)
    base = self->section;

  if (unit->bullet || unit->number != NULL)
    {
      DraftingNode *parent = list_parent (self, base, unit->indent);
      guint expected = _import_count_children_of_kind (self, parent, DRAFTING_KIND_ITEM) + 1;
      gboolean roman = unit->number != NULL && _import_number_is_roman (unit->number, expected);
      DraftingNode *item;

      item = _import_add_node (self, parent, DRAFTING_KIND_ITEM, NULL, text);
      push_level (self, item, unit->indent);
      _import_observe_number (self, item, unit, roman);
      return;
    }

  /* A paragraph: the introduction of a principle or section. */
  close_lists (self);
  _import_add_node (self, base, DRAFTING_KIND_PARAGRAPH, NULL, text);
}
