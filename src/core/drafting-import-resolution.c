/* drafting-import-resolution.c: recognizing the anatomy of a resolution
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

/* Whether @lead opens with a verb in the third person singular, in
 * capitals, as an operative formula does ("RESOLVES", "DECIDES", "URGES",
 * "REQUESTS", "ENTRUSTS"), rather than with the participle or adjective of a
 * preambular clause ("NOTING", "HAVING REGARD", "MINDFUL", "CONSCIOUS",
 * "DESIROUS"). */
gboolean
_import_is_operative_lead (const char *lead)
{
  gsize len = strcspn (lead, " :,;");
  g_autofree char *word = g_strndup (lead, len);

  if (len < 4 || !drafting_text_is_capitals (word, -1))
    return FALSE;
  if (word[len - 1] != 'S')
    return FALSE;

  /* "-SS", "-OUS", "-IS", "-US" end adjectives and nouns, not verbs. */
  return !g_str_has_suffix (word, "SS") && !g_str_has_suffix (word, "US") &&
         !g_str_has_suffix (word, "IS");
}

static gboolean
is_place_date (const char *text)
{
  gsize len = strlen (text);

  return len > 2 && text[0] == '(' && text[len - 1] == ')' && strchr (text, ',') != NULL;
}

static gboolean
is_symbol (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[A-Z]{2,3}[0-9]{3,5}[A-Z][A-Za-z0-9.]*$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, text, 0, &match);
}

static void
parse_place_date (Importer   *self,
                  const char *text)
{
  g_autofree char *inner = g_strndup (text + 1, strlen (text) - 2);
  char *comma = strchr (inner, ',');

  if (comma == NULL)
    {
      self->place = g_strdup (g_strstrip (inner));
      return;
    }

  *comma = '\0';
  self->place = g_strdup (g_strstrip (inner));
  self->date = g_strdup (g_strstrip (comma + 1));
}

void
_import_place_resolution_unit (Importer   *self,
                               Unit       *unit,
                               const char *text)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  gsize lead_len;

  /* The heading, place and date, symbol and authority. */
  if (self->phase == PHASE_HEAD)
    {
      /* A document has one place and date, and one symbol: a second is
       * not dropped, nor does it replace the first. */
      if (is_place_date (text))
        {
          if (self->place != NULL)
            {
              _import_warn (self, unit->line,
                    _("The text has a place and date already; this one is kept as a plain paragraph"));
              _import_add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
              return;
            }
          parse_place_date (self, text);
          _import_add_node (self, self->root, DRAFTING_KIND_PLACE_DATE, NULL, NULL);
          return;
        }

      if (is_symbol (text))
        {
          if (self->symbol != NULL)
            {
              _import_warn (self, unit->line,
                    _("The text has a symbol already; this one is kept as a plain paragraph"));
              _import_add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
              return;
            }
          self->symbol = g_strdup (text);
          return;
        }

      if (drafting_text_is_capitals (text, -1) && !_import_opens_with_lead (text) &&
          !(_import_is_operative_lead (text) && g_str_has_suffix (text, ":")))
        {
          gboolean authority = (self->title->len > 0 || g_str_has_suffix (text, ",")) &&
                               (g_str_has_prefix (text, "THE ") || g_str_has_suffix (text, ","));

          if (authority)
            {
              self->authority = _import_add_node (self, self->root, DRAFTING_KIND_AUTHORITY, NULL, text);
              g_free (self->body);
              self->body = drafting_text_title_case (text);
              self->phase = PHASE_PREAMBLE;
              return;
            }

          for (guint i = 0; i < unit->lines->len; i++)
            {
              g_autofree char *line = g_strstrip (g_strdup (g_ptr_array_index (unit->lines, i)));
              const char *heading = self->title->len == 0 ? _import_strip_status (self, line) : line;

              _import_add_node (self, self->root, DRAFTING_KIND_HEADING, NULL, heading);
              if (self->title->len > 0)
                g_string_append_c (self->title, ' ');
              g_string_append (self->title, heading);
            }
          return;
        }

      self->phase = PHASE_PREAMBLE;
    }

  if (unit->number == NULL && !unit->bullet &&
      (_import_parse_principle (text, &number, &title) || _import_parse_annex (text, NULL)))
    {
      self->phase = PHASE_ANNEX;
      self->container = NULL;
      _import_place_annex_unit (self, unit, text);
      return;
    }

  if (self->phase == PHASE_ANNEX)
    {
      _import_place_annex_unit (self, unit, text);
      return;
    }

  lead_len = unit->number == NULL && !unit->bullet ? drafting_text_lead_length (text) : 0;
  if (lead_len > 0 && !_import_opens_with_lead (text))
    lead_len = 0;

  /* An operative formula: "RESOLVES that the WCO:", "REQUESTS the
   * Secretary General ...". */
  if (lead_len > 0 && _import_is_operative_lead (text))
    {
      g_autofree char *lead = g_strndup (text, lead_len);
      const char *rest = text + lead_len;

      while (*rest == ' ')
        rest++;
      _import_add_node (self, self->root, DRAFTING_KIND_OPERATIVE_FORMULA, lead, rest);
      self->phase = PHASE_OPERATIVE;
      self->container = NULL;
      return;
    }

  if (self->phase == PHASE_PREAMBLE)
    {
      if (lead_len > 0 || g_str_has_suffix (text, ",") || g_str_has_suffix (text, ", and"))
        {
          g_autofree char *lead = g_strndup (text, lead_len);
          const char *rest = text + lead_len;

          while (*rest == ' ')
            rest++;
          _import_add_node (self, self->root, DRAFTING_KIND_PREAMBLE_CLAUSE, lead, rest);
          return;
        }

      if (self->authority == NULL && drafting_text_is_capitals (text, -1))
        {
          self->authority = _import_add_node (self, self->root, DRAFTING_KIND_AUTHORITY, NULL, text);
          return;
        }

      _import_warn (self, unit->line,
            _("This paragraph of the preamble is not a clause; it is kept as a plain paragraph"));
      _import_add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
      return;
    }

  /* The operative part. */
  if (unit->form == FORM_PAREN || unit->form == FORM_RPAREN ||
      (unit->bullet && self->container != NULL) ||
      (unit->number != NULL && !g_ascii_isdigit (unit->number[0]) && self->container != NULL))
    {
      if (self->container == NULL)
        {
          _import_warn (self, unit->line,
                _("This sub-paragraph has no paragraph before it; it is kept as an operative paragraph"));
          self->container = _import_add_node (self, self->root, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, text);
          _import_observe_number (self, self->container, NULL, FALSE);
          return;
        }
      _import_place_sub_paragraph (self, unit, text);
      return;
    }

  self->container = _import_add_node (self, self->root, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, text);
  _import_observe_number (self, self->container, unit, FALSE);
}
