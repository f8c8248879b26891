/* drafting-text-utils.c: small pieces of typography shared by the model and the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-text"

#include "config.h"

#include <string.h>

#include "drafting-text-utils.h"

/* Short words in capitals that belong to a leading phrase ("BEARING IN MIND",
 * "TAKING INTO ACCOUNT") rather than being an acronym that opens the text
 * ("RECALLING WCO Council Resolution ..."). */
static const char * const phrase_words[] = {
  "IN", "TO", "OF", "INTO", "ON", "WITH", "THE", "AND", "FOR", "BY", "AS", "AT",
  "ITS", "ALSO", "MIND", "NOTE", "FULL", "FULLY", "DUE", "WELL", "MOST", "THAT",
  "ONCE", "MORE", "UPON", "FROM",
};

/**
 * drafting_text_is_capitals:
 * @text: UTF-8 text
 * @len: its length in bytes, or -1
 *
 * Returns: whether @text has letters and all of them are capitals
 */
gboolean
drafting_text_is_capitals (const char *text,
                           gssize      len)
{
  const char *end;
  gboolean any = FALSE;

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          if (g_unichar_islower (c))
            return FALSE;
          any = TRUE;
        }
    }

  return any;
}

static gboolean
is_phrase_word (const char *word,
                gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrase_words); i++)
    if (strlen (phrase_words[i]) == len && strncmp (phrase_words[i], word, len) == 0)
      return TRUE;

  return FALSE;
}

/**
 * drafting_text_lead_length:
 * @text: the text of a clause
 *
 * Finds the leading phrase in capitals that opens a preambular clause or an
 * operative formula: "ACKNOWLEDGING", "HAVING REGARD", "TAKING INTO ACCOUNT".
 * Capitals that follow it and look like an acronym ("WCO") are left to the
 * text.
 *
 * Returns: the length in bytes of the leading phrase, 0 if there is none
 */
gsize
drafting_text_lead_length (const char *text)
{
  const char *p = text;
  gsize lead_end = 0;
  guint n_words = 0;

  g_return_val_if_fail (text != NULL, 0);

  while (*p != '\0')
    {
      const char *word = p;
      gsize len;
      guint n_letters = 0;

      while (*p != '\0' && *p != ' ' && *p != '\n')
        p++;
      len = p - word;

      /* A word that ends with punctuation ("COUNCIL,") may close the phrase. */
      {
        gsize core = len;

        while (core > 0 && strchr (",;:.", word[core - 1]) != NULL)
          core--;

        if (core == 0 || !drafting_text_is_capitals (word, core))
          break;

        for (const char *q = word; q < word + core; q = g_utf8_next_char (q))
          if (g_unichar_isalpha (g_utf8_get_char (q)))
            n_letters++;

        if (n_words == 0 && n_letters < 5)
          break;
        if (n_words > 0 && n_letters <= 4 && !is_phrase_word (word, core))
          break;

        n_words++;
        lead_end = word + core - text;
        if (core != len)
          break;
      }

      while (*p == ' ')
        p++;
    }

  /* A phrase cannot end with a joining word: "BEARING IN" is not one. */
  while (lead_end > 0)
    {
      const char *last = text + lead_end;
      const char *start = last;

      while (start > text && start[-1] != ' ')
        start--;
      if (start == text || !is_phrase_word (start, last - start) ||
          strncmp (start, "MIND", 4) == 0 || strncmp (start, "NOTE", 4) == 0)
        break;
      lead_end = start - text;
      while (lead_end > 0 && text[lead_end - 1] == ' ')
        lead_end--;
    }

  return lead_end;
}

/**
 * drafting_text_is_word_boundary:
 *
 * Returns: whether @offset in @text is not inside a word
 */
gboolean
drafting_text_is_word_boundary (const char *text,
                                gsize       text_len,
                                gsize       offset)
{
  gboolean before = FALSE;
  gboolean after = FALSE;

  if (offset > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + offset);

      before = prev != NULL && g_unichar_isalnum (g_utf8_get_char (prev));
    }
  if (offset < text_len)
    after = g_unichar_isalnum (g_utf8_get_char (text + offset));

  return !(before && after);
}

/**
 * drafting_text_lead_separator:
 * @lead: (nullable): the leading phrase: "NOTING", "RESOLVES"
 * @text: (nullable): the text after it
 *
 * The one rule of what goes between a leading phrase and its text, on
 * screen, in print and in plain text alike: a space, unless the text has
 * none to be given: it is empty, it starts with punctuation ("RESOLVES:")
 * or with a space of its own, as the French narrow no-break space before
 * a colon (« DÉCIDE : »).
 *
 * Returns: " " or ""
 */
const char *
drafting_text_lead_separator (const char *lead,
                              const char *text)
{
  gunichar first;

  if (lead == NULL || lead[0] == '\0' || text == NULL || text[0] == '\0')
    return "";

  first = g_utf8_get_char (text);
  if (strchr (",;:.", text[0]) != NULL || g_unichar_isspace (first) || first == 0x00A0 ||
      first == 0x202F)
    return "";

  return " ";
}

/**
 * drafting_text_join_lead:
 *
 * Returns: (transfer full): the leading phrase and the text as printed:
 *   "NOTING that ...", "RESOLVES:"
 */
char *
drafting_text_join_lead (const char *lead,
                         const char *text)
{
  if (lead == NULL || lead[0] == '\0')
    return g_strdup (text ? text : "");

  return g_strconcat (lead, drafting_text_lead_separator (lead, text), text, NULL);
}

/**
 * drafting_text_split_lead:
 * @text: a leading phrase and its text as shown: "NOTING that ..."
 * @text_start: (out): where the text starts, after the spaces that
 *   separate it from the phrase
 *
 * What drafting_text_join_lead() joins, taken apart again as a person
 * typed it: the spaces typed after the phrase are the separator, not the
 * start of the text, however many there are. A no-break space is the
 * text's own (« DÉCIDE : »).
 *
 * Returns: the length of the leading phrase, in bytes, or 0
 */
gsize
drafting_text_split_lead (const char *text,
                          gsize      *text_start)
{
  gsize len;
  gsize start;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (text_start != NULL, 0);

  /* A space of the phrase's last word ("DÉCIDE :" as one word) is the
   * text's. */
  len = drafting_text_lead_length (text);
  while (len > 0)
    {
      const char *last = g_utf8_find_prev_char (text, text + len);
      gunichar c = g_utf8_get_char (last);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        break;
      len = last - text;
    }

  start = len;
  while (len > 0 && text[start] == ' ')
    start++;
  *text_start = start;

  return len;
}

/**
 * drafting_text_title_case:
 * @capitals: a name in capitals, such as "THE CUSTOMS CO-OPERATION COUNCIL"
 *
 * Returns: (transfer full): the name as written in a sentence: "Customs
 *   Co-operation Council", without "The" and trailing punctuation
 */
char *
drafting_text_title_case (const char *capitals)
{
  static const char * const small[] = { "of", "the", "and", "on", "for", "in", "to", "a", "an" };
  g_auto(GStrv) words = NULL;
  GString *str = g_string_new (NULL);
  guint first = 0;

  g_return_val_if_fail (capitals != NULL, NULL);

  words = g_strsplit (capitals, " ", -1);
  if (words[0] != NULL && g_ascii_strcasecmp (words[0], "THE") == 0)
    first = 1;

  for (guint i = first; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      gboolean is_small = FALSE;
      gboolean start = TRUE;

      if (lower[0] == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (small); j++)
        is_small |= strcmp (lower, small[j]) == 0;

      if (str->len > 0)
        g_string_append_c (str, ' ');

      /* Acronyms stay in capitals; words take a capital, as do the parts
       * after a hyphen only when they are long ("Cross-Border"). */
      if (g_utf8_strlen (words[i], -1) <= 3 && !is_small && i > first)
        {
          g_string_append (str, words[i]);
          continue;
        }

      for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (start && (!is_small || str->len == 0))
            c = g_unichar_toupper (c);
          start = FALSE;
          g_string_append_unichar (str, c);

          /* "Cross-Border", "E-Commerce", but "Co-operation". */
          if (c == '-' && !(p - lower == 2 && g_ascii_strncasecmp (lower, "co", 2) == 0))
            start = TRUE;
        }
    }

  while (str->len > 0 && strchr (",;:.", str->str[str->len - 1]) != NULL)
    g_string_truncate (str, str->len - 1);

  return g_string_free (str, FALSE);
}

/**
 * drafting_text_sanitize:
 * @text: UTF-8 text, changed in place
 * @len: its length in bytes, or -1
 * @single_line: whether line breaks go too (for a leading phrase or a
 *   title)
 *
 * Replaces what XML cannot hold, so that what is typed or pasted can
 * always be saved: control characters become spaces, and the
 * non-characters U+FFFE and U+FFFF the replacement character. Each
 * replacement has the length of what it replaces, so offsets into the
 * text stay right. A carriage return becomes a space, as XML would read
 * it back as a line break.
 */
void
drafting_text_sanitize (char     *text,
                        gssize    len,
                        gboolean  single_line)
{
  guchar *p = (guchar *) text;
  guchar *end;

  g_return_if_fail (text != NULL);

  if (len < 0)
    len = strlen (text);
  end = p + len;

  for (; p < end; p++)
    {
      if (*p < 0x20 && *p != '\t' && (*p != '\n' || single_line))
        *p = ' ';
      else if (*p == 0xEF && p + 2 < end && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        {
          p[2] = 0xBD;
          p += 2;
        }
    }
}

/**
 * drafting_text_summarize:
 * @max_chars: how many characters at most, or 0 for no limit
 *
 * Returns: (transfer full): @text on one line, its white space collapsed
 *   and trimmed, shortened at a word with an ellipsis when longer than
 *   @max_chars
 */
char *
drafting_text_summarize (const char *text,
                         guint       max_chars)
{
  GString *str;
  glong n_chars;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* What is past the limit is not needed, but to know that there is some. */
  str = g_string_new (NULL);
  n_chars = 0;
  for (const char *p = text; *p != '\0' && (max_chars == 0 || n_chars <= (glong) max_chars); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = str->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (str, ' ');
          n_chars++;
          pending_space = FALSE;
        }
      g_string_append_unichar (str, c);
      n_chars++;
    }

  if (max_chars > 0 && n_chars > (glong) max_chars)
    {
      const char *cut = g_utf8_offset_to_pointer (str->str, max_chars - 1);
      const char *space = cut;

      /* End on a whole word when one ends near enough. */
      while (space > str->str && *space != ' ')
        space--;
      if (space > str->str && g_utf8_pointer_to_offset (str->str, space) > (glong) max_chars / 2)
        cut = space;

      g_string_truncate (str, cut - str->str);
      while (str->len > 0 && str->str[str->len - 1] == ' ')
        g_string_truncate (str, str->len - 1);
      g_string_append (str, "…");
    }

  return g_string_free (str, FALSE);
}
