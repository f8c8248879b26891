/* drafting-import-communique.c: recognizing the anatomy of a communiqué
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

/* A statement of a communiqué opens with a verb, in the singular when the
 * community speaks of itself ("Reaffirms", "Notes") or in the plural when
 * its members speak ("Agree to", "Welcome the", "Call upon"): a capitalized
 * word, not in capitals, followed by a word in small letters or by nothing. */
static gboolean
opens_statement (Unit *unit)
{
  const char *text = _import_unit_first_line (unit);
  const char *space = strchr (text, ' ');
  gsize len = space ? (gsize) (space - text) : strlen (text);
  gunichar next;

  if (unit->bullet || (unit->number != NULL && !g_ascii_isdigit (unit->number[0])) ||
      unit->form == FORM_PAREN || unit->form == FORM_RPAREN)
    return FALSE;
  if (len < 3 || !g_unichar_isupper (g_utf8_get_char (text)) ||
      drafting_text_is_capitals (text, len))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalpha (text[i]) && !(text[i] & 0x80))
      return FALSE;
  if (space == NULL)
    return TRUE;

  next = g_utf8_get_char (space + 1);
  return g_unichar_islower (next);
}

/* Where the speaker formula of a communiqué is: a paragraph that does not
 * end a sentence but introduces what follows, with a colon ("the
 * international Customs community :") or a comma ("We, the Heads of
 * Customs administrations, gathered in Brussels on ...,"), which
 * statements follow. A comma asks for two statements, a colon for one. */
int
_import_find_speaker_formula (Importer *self)
{
  for (guint i = 0; i + 1 < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *text = _import_unit_text (unit);
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      gboolean colon = g_str_has_suffix (stripped, ":");
      guint statements = 0;

      if (unit->bullet || unit->number != NULL || !(colon || g_str_has_suffix (stripped, ",")))
        continue;
      if (_import_is_footnote_text (stripped) ||
          drafting_text_is_capitals (stripped, -1) || _import_opens_with_lead (stripped))
        continue;

      for (guint j = i + 1; j < self->units->len && statements < 2; j++)
        {
          Unit *next = g_ptr_array_index (self->units, j);

          if (_import_is_footnote_text (_import_unit_first_line (next)))
            continue;
          if (next->form == FORM_PAREN || next->form == FORM_RPAREN || next->bullet)
            continue;
          if (!opens_statement (next))
            break;
          statements++;
        }

      if (statements >= (colon ? 1u : 2u))
        return i;
    }

  return -1;
}

static gboolean
looks_like_occasion (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(19|20)[0-9]{2}", G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, line, 0, &match);
}

/* "Eleventh WTO Ministerial Conference, Buenos Aires, 10-13 December 2017" */
static void
parse_occasion (Importer   *self,
                const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, ",", -1);
  guint n = g_strv_length (parts);

  /* "Meeting, Place, Date", or only "Place, Date" */
  if (n >= 2 && looks_like_occasion (parts[n - 1]))
    {
      self->date = g_strdup (g_strstrip (parts[n - 1]));
      self->place = g_strdup (g_strstrip (parts[n - 2]));
    }
}

void
_import_place_communique_unit (Importer   *self,
                               Unit       *unit,
                               guint       index,
                               int         speaker)
{
  g_autofree char *text = _import_unit_text (unit);
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  /* The occasion, then the title, its lines kept as they break. */
  if (self->phase == PHASE_HEAD)
    {
      guint first_title = 0;

      if (!self->have_occasion && (int) index != speaker &&
          looks_like_occasion (_import_unit_first_line (unit)))
        {
          _import_add_node (self, self->root, DRAFTING_KIND_OCCASION, NULL, _import_unit_first_line (unit));
          parse_occasion (self, _import_unit_first_line (unit));
          self->have_occasion = TRUE;
          first_title = 1;
          if (unit->lines->len == 1)
            return;
        }

      self->phase = PHASE_NARRATIVE;

      if ((int) index != speaker && !(first_title == 0 && _import_ends_clause (text) &&
                                      g_str_has_suffix (text, ".")))
        {
          g_autoptr(DraftingInline) content = drafting_inline_new (NULL);
          DraftingNode *node = _import_add_node (self, self->root, DRAFTING_KIND_TITLE, NULL, NULL);

          for (guint i = first_title; i < unit->lines->len; i++)
            {
              const char *line = g_ptr_array_index (unit->lines, i);
              g_autoptr(DraftingInline) part =
                _import_make_inline (self, i == first_title ? _import_strip_status (self, line) : line);

              if (i > first_title)
                drafting_inline_insert (content, drafting_inline_get_length (content), "\n", 1);
              drafting_inline_append (content, part);
              if (self->title->len > 0)
                g_string_append_c (self->title, ' ');
              g_string_append (self->title, drafting_inline_get_text (part));
            }
          drafting_node_take_content (node, g_steal_pointer (&content));
          return;
        }
    }

  if ((int) index == speaker)
    {
      _import_add_node (self, self->root, DRAFTING_KIND_SPEAKER_FORMULA, NULL, text);
      self->phase = PHASE_STATEMENTS;
      return;
    }

  if (unit->number == NULL && !unit->bullet && _import_parse_principle (text, &number, &title))
    {
      self->phase = PHASE_PRINCIPLES;
      _import_start_principle (self, unit, number, title, FALSE);
      return;
    }

  switch (self->phase)
    {
    case PHASE_NARRATIVE:
      /* The occasion may follow the title: a line with a year, before any
       * paragraph, that is no sentence. */
      if (!self->have_occasion && unit->lines->len == 1 && unit->number == NULL &&
          !unit->bullet && looks_like_occasion (text) && !g_str_has_suffix (text, ".") &&
          g_utf8_strlen (text, -1) < 120 &&
          _import_count_children_of_kind (self, self->root,
                                                   DRAFTING_KIND_NARRATIVE_PARAGRAPH) == 0)
        {
          _import_add_node (self, self->root, DRAFTING_KIND_OCCASION, NULL, text);
          parse_occasion (self, text);
          self->have_occasion = TRUE;
          break;
        }
      _import_add_node (self, self->root, DRAFTING_KIND_NARRATIVE_PARAGRAPH, NULL, text);
      break;

    case PHASE_STATEMENTS:
      if ((unit->form == FORM_PAREN || unit->form == FORM_RPAREN || unit->bullet) &&
          self->container != NULL)
        _import_place_sub_paragraph (self, unit, text);
      else
        {
          self->container = _import_add_node (self, self->root, DRAFTING_KIND_STATEMENT, NULL, text);
          _import_observe_number (self, self->container, unit, FALSE);
        }
      break;

    case PHASE_PRINCIPLES:
      _import_place_annex_unit (self, unit, text);
      break;

    case PHASE_HEAD:
    case PHASE_PREAMBLE:
    case PHASE_OPERATIVE:
    case PHASE_ANNEX:
    case PHASE_BODY:
    default:
      g_assert_not_reached ();
    }
}
