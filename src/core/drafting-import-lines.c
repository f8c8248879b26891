/* drafting-import-lines.c: the lines of pasted text, and the repairs they need
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

/* Lines as they come, mended of what does not matter: a byte order mark,
 * carriage returns, tabs, form feeds. A form feed, which ends a page in
 * text from a PDF, ends a unit as a blank line does; it is not a line of
 * the text, so @numbers gives each line returned the line of the text it
 * comes from, for warnings to name. */
char **
_import_split_lines (const char  *data,
                     gsize        len,
                     GArray     **numbers)
{
  g_autofree char *copy = NULL;
  GString *clean;
  guint line = 1;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (*numbers, line);

  clean = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
        continue;

      if (c == '\r' || c == '\n')
        {
          g_string_append_c (clean, '\n');
          line++;
          g_array_append_val (*numbers, line);
        }
      else if (c == '\t')
        g_string_append (clean, "    ");
      else if (c == '\f')
        {
          g_string_append (clean, "\n\n");
          g_array_append_val (*numbers, line);
          g_array_append_val (*numbers, line);
        }
      else
        g_string_append_c (clean, c);
    }

  copy = g_string_free (clean, FALSE);
  return g_strsplit (copy, "\n", -1);
}

/* A line of only page decoration: "*", "* * *", "_____". */
gboolean
_import_is_decoration (const char *line)
{
  gboolean any = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (strchr ("*-_=~#. ", *p) == NULL)
        return FALSE;
      any |= *p != ' ';
    }

  return any && strchr (line, '*') != NULL;
}

/* A page number left by a PDF: "- 2.", "3", "- 4 -". */
gboolean
_import_is_page_number (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[-–]?\\s*[0-9]{1,3}\\s*\\.?\\s*[-–]?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, line, 0, &match);
}

gboolean
_import_is_blank (const char *line)
{
  if (line == NULL)
    return TRUE;
  while (*line == ' ')
    line++;
  return *line == '\0';
}

gboolean
_import_ends_clause (const char *line)
{
  gsize len = strlen (line);

  return len > 0 && strchr (",;:.", line[len - 1]) != NULL;
}

gboolean
_import_is_superscript_digit (gunichar c)
{
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || c == 0x2070 ||
         (c >= 0x2074 && c <= 0x2079);
}

/* A footnote: "¹ The World Customs Organization is ...", "² ...", or
 * "* ..." when the text calls a footnote with an asterisk (see
 * _import_has_asterisk_call()). */
gboolean
_import_is_footnote_text (const char *text)
{
  const char *p = text;

  if (text[0] == '*' && text[1] == ' ' && text[2] != '\0' && text[2] != ' ' && text[2] != '*')
    return TRUE;
  if (!_import_is_superscript_digit (g_utf8_get_char (p)))
    return FALSE;
  while (_import_is_superscript_digit (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return *p == ' ';
}

static gboolean
is_roman (const char *token,
          gsize       len)
{
  return drafting_parse_roman (token, len) > 0;
}

/* Reads the marks at the start of a line: bullets, then a number. */
const char *
_import_parse_marks (const char  *line,
                     gboolean    *bullet,
                     char       **number,
                     NumberForm  *form)
{
  static const char * const bullets[] = { "- ", "– ", "— ", "• ", "▪ ", "· ", "* ", "◦ " };
  const char *p = line;
  gboolean again = TRUE;

  *bullet = FALSE;
  *number = NULL;
  *form = FORM_NONE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
        if (g_str_has_prefix (p, bullets[i]))
          {
            p += strlen (bullets[i]);
            while (*p == ' ')
              p++;
            *bullet = again = TRUE;
            break;
          }
    }

  /* "o" as a bullet: after another bullet, or indented before a capital. */
  if (p[0] == 'o' && p[1] == ' ' && (*bullet || p != line) && g_ascii_isupper (p[2]))
    {
      p += 2;
      *bullet = TRUE;
    }

  /* A number: "1.", "(a)", "iv.", "b)" followed by a space. */
  {
    const char *start = p;
    gboolean paren = *p == '(';
    const char *q;
    gsize len;

    if (paren)
      start++;
    for (q = start; g_ascii_isalnum (*q) && q - start < 6; q++)
      ;
    len = q - start;

    if (len > 0 && len <= 5 &&
        ((paren && *q == ')') || (!paren && (*q == '.' || *q == ')'))) &&
        q[1] == ' ')
      {
        gboolean digits = TRUE;

        for (gsize i = 0; i < len; i++)
          digits &= g_ascii_isdigit (start[i]) != 0;

        if ((digits && len <= 4) || len == 1 || is_roman (start, len))
          {
            *number = g_strndup (start, len);
            *form = paren ? FORM_PAREN : (*q == '.' ? FORM_PERIOD : FORM_RPAREN);
            p = q + 2;
            while (*p == ' ')
              p++;
          }
      }
  }

  return p;
}

/* Whether @line opens with a leading phrase in capitals followed by text,
 * as a preambular clause does: "NOTING that". */
gboolean
_import_opens_with_lead (const char *line)
{
  gsize lead = drafting_text_lead_length (line);
  const char *rest = line + lead;

  if (lead == 0 || (*rest != '\0' && *rest != ' ' && *rest != ':' && *rest != ','))
    return FALSE;

  /* "RESOLVES:" alone opens the operative part. */
  while (*rest == ' ')
    rest++;
  if (strcmp (rest, ":") == 0)
    return TRUE;

  return !drafting_text_is_capitals (line, -1);
}

/* A clause broken by a page comes as two units: the second plain, starting
 * in lower case or with a number, the first ending without punctuation. */
void
_import_join_broken_units (Importer *self)
{
  for (guint i = 1; i < self->units->len; i++)
    {
      Unit *prev = g_ptr_array_index (self->units, i - 1);
      Unit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *prev_text = _import_unit_text (prev);
      const char *first = _import_unit_first_line (unit);
      gunichar c = g_utf8_get_char (first);
      gsize len = strlen (prev_text);

      if (unit->bullet || unit->number != NULL || _import_is_footnote_text (first))
        continue;
      if (!(g_unichar_islower (c) || g_unichar_isdigit (c)))
        continue;
      if (len == 0 || strchr (".,;:!?)", prev_text[len - 1]) != NULL)
        continue;
      if (drafting_text_is_capitals (prev_text, -1))
        continue;

      for (guint j = 0; j < unit->lines->len; j++)
        g_ptr_array_add (prev->lines, g_strdup (g_ptr_array_index (unit->lines, j)));
      g_ptr_array_remove_index (self->units, i);
      i--;
    }
}

static gboolean
is_opening_context (gunichar prev)
{
  /* strchr() would take only the low byte of a letter such as "Ш" (U+0428),
   * and find the "(" (0x28) in it. */
  return prev == 0 || g_unichar_isspace (prev) ||
         (prev < 0x80 && strchr ("([{/", (int) prev) != NULL) ||
         prev == 0x2013 || prev == 0x2014;
}

/* Collapses white space, takes the space before ":" and ";" away (in
 * English), makes quotes typographic, and turns *emphasis* and **bold**
 * into marks. */
DraftingInline *
_import_make_inline (Importer   *self,
                     const char *source)
{
  gboolean french = g_str_has_prefix (self->language, "fr");
  GString *text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DraftingMark));
  DraftingInline *content;
  gunichar prev = 0;
  int open_em = -1;
  int open_strong = -1;

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          if (text->len > 0 && prev != ' ')
            {
              g_string_append_c (text, ' ');
              prev = ' ';
            }
          continue;
        }

      if ((c == ':' || c == ';') && prev == ' ' && !french)
        g_string_truncate (text, text->len - 1);

      if (c == '*')
        {
          gboolean strong = next == '*';
          int *open = strong ? &open_strong : &open_em;
          const char *after = strong ? g_utf8_next_char (g_utf8_next_char (p)) : g_utf8_next_char (p);
          gunichar after_c = g_utf8_get_char (after);

          if (*open < 0 && after_c != 0 && !g_unichar_isspace (after_c) &&
              strchr (after, '*') != NULL && is_opening_context (prev))
            {
              *open = text->len;
              if (strong)
                p = g_utf8_next_char (p);
              continue;
            }
          if (*open >= 0 && prev != ' ' && !g_unichar_isalnum (after_c))
            {
              DraftingMark span = { strong ? DRAFTING_MARK_STRONG : DRAFTING_MARK_EMPHASIS,
                                    *open, text->len, NULL };

              g_array_append_val (spans, span);
              *open = -1;
              if (strong)
                p = g_utf8_next_char (p);
              prev = '*';
              continue;
            }
        }

      if (c == '"')
        c = is_opening_context (prev) ? 0x201C : 0x201D;
      else if (c == '\'')
        c = is_opening_context (prev) ? 0x2018 : 0x2019;

      g_string_append_unichar (text, c);
      prev = c;
    }

  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  content = drafting_inline_new (text->str);
  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingMark *span = &g_array_index (spans, DraftingMark, i);

      drafting_inline_add_mark (content, span->kind,
                                MIN (span->start, text->len), MIN (span->end, text->len), NULL);
    }
  g_string_free (text, TRUE);

  return content;
}

const char *
_import_guess_language (const char *text)
{
  static const struct { const char *language; const char *words[5]; } languages[] = {
    { "en", { " the ", " of ", " and ", " to ", " that " } },
    { "fr", { " les ", " des ", " et ", " la ", " du " } },
    { "es", { " los ", " las ", " y ", " del ", " el " } },
    { "pt", { " os ", " das ", " e ", " dos ", " não " } },
  };
  const char *best = "en";
  guint best_count = 0;
  gsize len = MIN (strlen (text), 20000);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      guint count = 0;

      for (guint j = 0; j < G_N_ELEMENTS (languages[i].words); j++)
        for (const char *p = text; (p = g_strstr_len (p, len - (p - text), languages[i].words[j])) != NULL; p++)
          count++;

      if (count > best_count)
        {
          best = languages[i].language;
          best_count = count;
        }
    }

  return best;
}

/* Whether a line calls a footnote with an asterisk: "administrations* have",
 * an asterisk right after a word that closes no emphasis opened before it
 * ("*de minimis*"). */
gboolean
_import_has_asterisk_call (const char *line)
{
  gboolean open = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      char prev = p > line ? p[-1] : ' ';

      if (*p != '*')
        continue;
      if (p[1] == '*')
        {
          p++;
          continue;
        }
      if (!open && (prev == ' ' || strchr ("([\"'", prev) != NULL) && p[1] != ' ' && p[1] != '\0')
        open = TRUE;
      else if (open)
        open = FALSE;
      else if (g_ascii_isalnum (prev) || strchr (").,;:", prev) != NULL || (prev & 0x80))
        return TRUE;
    }

  return FALSE;
}
