/* drafting-spell-checker.c: checking the spelling of a language's texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <string.h>
#include <pango/pango.h>

#include "drafting-spell-private.h"
#include "drafting-spell-provider.h"

/*
 * A checker is a language's dictionary and the house vocabulary, and the
 * rules for what in a text is a word. Words are where Pango's
 * language-aware boundaries (Unicode's word boundaries, UAX #29) say
 * they start and end. As libspelling joins a word's parts across the
 * characters its dictionary counts as part of words, a word here goes on
 * across an apostrophe or a hyphen between two parts: "Secretariat’s",
 * "l’Organisation", "aujourd’hui", "e-vendors", "cross-border" are one
 * word each; "Members’ needs" is "Members" and "needs".
 *
 * Not checked: numbers and words with digits in them (2017, 1.5, 21st,
 * PC0484E: codes, not words), Roman numerals (Annex IV, "(iv)"), web
 * addresses and e-mail addresses. Abbreviations in capitals are checked:
 * the house vocabulary knows WCO, AEO, MSMEs, and what it does not know
 * is marked.
 *
 * A word is taken if the dictionary takes it or the house vocabulary has
 * it; one in possessive form ("WCO’s") or after an elided article
 * ("l’OMD") if the house vocabulary has what remains; a hyphenated word
 * if it is taken whole ("e-vendors", which French does not know) or each
 * of its parts is; and the words of a phrase of the house vocabulary
 * where the phrase stands whole ("de minimis"). Of a hyphenated word not
 * taken, only the parts not taken are marked: "vendorz" in "e-vendorz".
 *
 * Any thread may use a checker, and several at once.
 */

#define MAX_SUGGESTIONS 10

struct _DraftingSpellChecker
{
  GObject                  parent_instance;

  DraftingSpellDictionary *dictionary;
  DraftingHouseWords      *house_words;
  PangoLanguage           *pango_language;  /* interned by Pango */
  char                    *language;
};

G_DEFINE_FINAL_TYPE (DraftingSpellChecker, drafting_spell_checker, G_TYPE_OBJECT)

static void
drafting_spell_checker_finalize (GObject *object)
{
  DraftingSpellChecker *self = DRAFTING_SPELL_CHECKER (object);

  g_clear_object (&self->dictionary);
  g_clear_object (&self->house_words);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (drafting_spell_checker_parent_class)->finalize (object);
}

static void
drafting_spell_checker_class_init (DraftingSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_spell_checker_finalize;
}

static void
drafting_spell_checker_init (DraftingSpellChecker *self G_GNUC_UNUSED)
{
}

/**
 * drafting_spell_checker_new_full:
 * @dictionary: the dictionary to check against
 * @language: (nullable): the language of the texts, for their word
 *   boundaries; %NULL for the dictionary's
 * @house_words: (nullable): the house vocabulary; %NULL for the process's
 *
 * Returns: (transfer full): a checker
 */
DraftingSpellChecker *
drafting_spell_checker_new_full (DraftingSpellDictionary *dictionary,
                                 const char              *language,
                                 DraftingHouseWords      *house_words)
{
  DraftingSpellChecker *self;

  g_return_val_if_fail (DRAFTING_IS_SPELL_DICTIONARY (dictionary), NULL);
  g_return_val_if_fail (house_words == NULL || DRAFTING_IS_HOUSE_WORDS (house_words), NULL);

  if (language == NULL)
    language = drafting_spell_dictionary_get_code (dictionary);
  if (house_words == NULL)
    house_words = drafting_house_words_get_default ();

  self = g_object_new (DRAFTING_TYPE_SPELL_CHECKER, NULL);
  self->dictionary = g_object_ref (dictionary);
  self->house_words = g_object_ref (house_words);
  self->language = g_strdup (language);
  self->pango_language = pango_language_from_string (language);

  return self;
}

/**
 * drafting_spell_checker_new:
 * @language: the language of the texts: "en", "fr", "fr-CA", "pt_PT"
 *
 * Makes a checker for @language with the dictionary the provider finds
 * for it (see drafting_spell_provider_resolve()) and the house
 * vocabulary. Loading a dictionary the first time takes a tenth of a
 * second or more: a window makes its checkers in a thread.
 *
 * Returns: (transfer full): a checker, or %NULL with
 *   %DRAFTING_SPELL_ERROR_NO_DICTIONARY
 */
DraftingSpellChecker *
drafting_spell_checker_new (const char  *language,
                            GError     **error)
{
  g_autoptr(DraftingSpellDictionary) dictionary = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  dictionary = drafting_spell_provider_load_dictionary (drafting_spell_provider_get_default (),
                                                        language, error);
  if (dictionary == NULL)
    return NULL;

  return drafting_spell_checker_new_full (dictionary, language, NULL);
}

/**
 * drafting_spell_checker_get_language:
 *
 * Returns: the language the checker was made for, as it was given
 */
const char *
drafting_spell_checker_get_language (DraftingSpellChecker *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

/**
 * drafting_spell_checker_get_dictionary:
 *
 * Returns: (transfer none): the dictionary it checks against
 */
DraftingSpellDictionary *
drafting_spell_checker_get_dictionary (DraftingSpellChecker *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), NULL);

  return self->dictionary;
}

/**
 * drafting_spell_checker_get_house_words:
 *
 * Returns: (transfer none): the house vocabulary it takes
 */
DraftingHouseWords *
drafting_spell_checker_get_house_words (DraftingSpellChecker *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), NULL);

  return self->house_words;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Whether @word, in capitals, is a Roman numeral: I, IV, XIV, MMXVII. */
static gboolean
is_roman_numeral (const char *word,
                  gsize       len)
{
  static const char * const groups[][10] = {
    { "", "M", "MM", "MMM", NULL },
    { "", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" },
    { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" },
    { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" },
  };
  const char *p = word;
  const char *end = word + len;

  if (len == 0)
    return FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gsize best = 0;

      /* The longest numeral of the group that stands here. */
      for (guint k = 1; k < G_N_ELEMENTS (groups[g]) && groups[g][k] != NULL; k++)
        {
          gsize n = strlen (groups[g][k]);

          if (n > best && n <= (gsize) (end - p) && strncmp (p, groups[g][k], n) == 0)
            best = n;
        }
      p += best;
    }

  return p == end;
}

/* Numbers, codes and numerals are not checked. @before and @after are
 * the characters around the word (0 at either end of the text). */
static gboolean
is_checked (const char *word,
            gsize       len,
            gunichar    before,
            gunichar    after)
{
  gboolean letters = FALSE;
  gboolean upper = TRUE;
  gboolean lower = TRUE;

  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || g_unichar_type (c) == G_UNICODE_OTHER_NUMBER ||
          g_unichar_type (c) == G_UNICODE_LETTER_NUMBER)
        return FALSE;
      if (g_unichar_isalpha (c))
        {
          letters = TRUE;
          upper = upper && !g_unichar_islower (c);
          lower = lower && !g_unichar_isupper (c);
        }
    }

  if (!letters)
    return FALSE;

  if (upper && is_roman_numeral (word, len))
    return FALSE;

  /* "(iv)", "iv." as a list numbers its items: small numerals only. */
  if (lower && len <= 6 && (before == '(' || after == ')' || after == '.'))
    {
      g_autofree char *capitals = g_ascii_strup (word, len);

      if (strspn (word, "ivxl") == len && is_roman_numeral (capitals, len))
        return FALSE;
    }

  return TRUE;
}

/* The dictionary, or the house vocabulary, takes @word as it is. */
static gboolean
takes (DraftingSpellChecker *self,
       const char           *word,
       gsize                 len)
{
  if (drafting_spell_dictionary_check (self->dictionary, word, len))
    return TRUE;

  if (drafting_house_words_contains (self->house_words, word, len))
    return TRUE;

  /* Dictionaries that know only the straight apostrophe. */
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x2019)
      {
        g_autoptr(GString) straight = g_string_new_len (word, len);

        g_string_replace (straight, "\u2019", "'", 0);
        return drafting_spell_dictionary_check (self->dictionary, straight->str, straight->len);
      }

  return FALSE;
}

/* A word of the house vocabulary with an apostrophe before or after it:
 * "WCO’s", "l’OMD", "d’AEO". */
static gboolean
takes_with_apostrophe (DraftingSpellChecker *self,
                       const char           *word,
                       gsize                 len)
{
  const char *end = word + len;
  const char *first = NULL;
  const char *last = NULL;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    if (is_apostrophe (g_utf8_get_char (p)))
      {
        if (first == NULL)
          first = p;
        last = p;
      }

  if (first == NULL)
    return FALSE;

  /* Possessive: what is before "’s". */
  if (last > word)
    {
      const char *s = g_utf8_next_char (last);

      if (s + 1 == end && (*s == 's' || *s == 'S') &&
          drafting_house_words_contains (self->house_words, word, last - word))
        return TRUE;
    }

  /* Elision: what is after "l’", "d’", "qu’", "jusqu’". */
  if (first > word && g_utf8_strlen (word, first - word) <= 6)
    {
      const char *rest = g_utf8_next_char (first);

      if (rest < end && takes (self, rest, end - rest))
        return TRUE;
    }

  return FALSE;
}

/**
 * drafting_spell_checker_check_word:
 * @word: one word
 * @len: its length in bytes, or -1
 *
 * Returns: whether the dictionary or the house vocabulary takes @word,
 *   alone (a phrase's word is taken only in a text with the phrase)
 */
gboolean
drafting_spell_checker_check_word (DraftingSpellChecker *self,
                                   const char           *word,
                                   gssize                len)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (len < 0)
    len = strlen (word);

  return len == 0 || takes (self, word, len) || takes_with_apostrophe (self, word, len);
}

/**
 * drafting_spell_checker_suggest:
 * @word: a misspelt word
 * @len: its length in bytes, or -1
 *
 * Suggests corrections: the words of the house vocabulary within an edit
 * or two of @word ("Customs" for "Custms", "MSMEs" for "MSEMs"), then the
 * dictionary's. Asking the dictionary can take a few tens of
 * milliseconds for a long word.
 *
 * Returns: (transfer full): at most ten corrections, the likeliest first
 */
char **
drafting_spell_checker_suggest (DraftingSpellChecker *self,
                                const char           *word,
                                gssize                len)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) from_dictionary = NULL;
  GPtrArray *suggestions;

  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  copy = len < 0 ? g_strdup (word) : g_strndup (word, len);
  if (!g_utf8_validate (copy, -1, NULL))
    return g_new0 (char *, 1);

  suggestions = _drafting_house_words_suggest (self->house_words, copy, MAX_SUGGESTIONS);
  from_dictionary = drafting_spell_dictionary_suggest (self->dictionary, copy, -1);
  for (guint i = 0; from_dictionary[i] != NULL && suggestions->len < MAX_SUGGESTIONS; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < suggestions->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (suggestions, j), from_dictionary[i]) == 0;
      if (!seen)
        g_ptr_array_add (suggestions, g_strdup (from_dictionary[i]));
    }
  g_ptr_array_add (suggestions, NULL);

  return (char **) g_ptr_array_free (suggestions, FALSE);
}

/**
 * drafting_spell_checker_add_word:
 * @word: a word to take from now on
 *
 * Adds @word to the person's own word list for the checker's dictionary,
 * kept by enchant for later sessions. A term of the trade that everyone
 * should have goes to the house vocabulary instead
 * (drafting_house_words_add()).
 */
void
drafting_spell_checker_add_word (DraftingSpellChecker *self,
                                 const char           *word)
{
  g_return_if_fail (DRAFTING_IS_SPELL_CHECKER (self));

  drafting_spell_dictionary_add_word (self->dictionary, word);
}

/**
 * drafting_spell_checker_ignore_word:
 * @word: a word to take until the process ends
 */
void
drafting_spell_checker_ignore_word (DraftingSpellChecker *self,
                                    const char           *word)
{
  g_return_if_fail (DRAFTING_IS_SPELL_CHECKER (self));

  drafting_spell_dictionary_ignore_word (self->dictionary, word);
}

/* Marks, in @skip (one a character), the characters of web and e-mail
 * addresses: runs of characters between spaces with "://" in them, that
 * start with "www.", or with an "@" between a letter and a dot. */
static void
find_addresses (const char *text,
                gsize       len,
                guint       n_chars,
                gboolean   *skip)
{
  const char *end = text + len;
  const char *p = text;
  guint index = 0;

  while (p < end && index < n_chars)
    {
      const char *start = p;
      guint first = index;
      const char *q;
      const char *at;
      gsize token_len;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          index++;
          continue;
        }

      while (p < end && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          index++;
        }
      token_len = p - start;

      /* Leading punctuation: "(www.wcoomd.org)", "<a@b.org>". */
      q = start;
      while (q < p && !g_unichar_isalnum (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);

      at = memchr (start, '@', token_len);
      if (g_strstr_len (start, token_len, "://") != NULL ||
          (p - q > 4 && g_ascii_strncasecmp (q, "www.", 4) == 0) ||
          (at != NULL && at > q && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at))) &&
           memchr (at, '.', p - at) != NULL))
        for (guint i = first; i < index; i++)
          skip[i] = TRUE;
    }
}

typedef struct
{
  guint start;     /* characters */
  guint end;
} CharSpan;

/**
 * drafting_spell_checker_check_text:
 * @text: a text in the checker's language
 * @len: its length in bytes, or -1
 * @n_words: (out) (optional): how many words were looked at
 *
 * Finds the misspelt words of @text. Any thread may call this.
 *
 * Returns: (transfer full) (element-type DraftingSpellWord): the misspelt
 *   words, in the order of the text, by their byte offsets
 */
GArray *
drafting_spell_checker_check_text (DraftingSpellChecker *self,
                                   const char           *text,
                                   gssize                len,
                                   guint                *n_words)
{
  GArray *misspelt;
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree guint *bytes = NULL;
  g_autofree gboolean *skip = NULL;
  g_autoptr(GArray) words = NULL;     /* DraftingSpellWord, in bytes */
  g_autoptr(GArray) spans = NULL;     /* CharSpan of each */
  glong n_chars;
  guint i;

  g_return_val_if_fail (DRAFTING_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  misspelt = g_array_new (FALSE, FALSE, sizeof (DraftingSpellWord));
  if (n_words != NULL)
    *n_words = 0;
  if (len == 0 || len > G_MAXINT || !g_utf8_validate_len (text, len, NULL))
    return misspelt;

  n_chars = g_utf8_strlen (text, len);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int) len, -1, self->pango_language, attrs, n_chars + 1);

  /* The byte offset of each character, and of the end. */
  bytes = g_new (guint, n_chars + 1);
  i = 0;
  for (const char *p = text; i < (guint) n_chars; p = g_utf8_next_char (p))
    bytes[i++] = p - text;
  bytes[n_chars] = len;

  skip = g_new0 (gboolean, n_chars + 1);
  find_addresses (text, len, n_chars, skip);

  /* The words, joined across an apostrophe or a hyphen between parts. */
  words = g_array_new (FALSE, FALSE, sizeof (DraftingSpellWord));
  spans = g_array_new (FALSE, FALSE, sizeof (CharSpan));
  for (i = 0; i < (guint) n_chars;)
    {
      CharSpan span;
      DraftingSpellWord word;
      guint j;

      if (!attrs[i].is_word_start)
        {
          i++;
          continue;
        }

      for (j = i + 1; j < (guint) n_chars && !attrs[j].is_word_end; j++)
        ;

      while (j + 1 < (guint) n_chars && attrs[j + 1].is_word_start && !attrs[j].is_white)
        {
          gunichar c = g_utf8_get_char (text + bytes[j]);
          guint k;

          if (!is_apostrophe (c) && !is_hyphen (c))
            break;
          for (k = j + 2; k < (guint) n_chars && !attrs[k].is_word_end; k++)
            ;
          j = k;
        }

      span.start = i;
      span.end = j;
      word.start = bytes[i];
      word.end = bytes[j];
      g_array_append_val (spans, span);
      g_array_append_val (words, word);
      i = j;
    }

  if (n_words != NULL)
    *n_words = words->len;

  for (i = 0; i < words->len; i++)
    {
      const DraftingSpellWord *word = &g_array_index (words, DraftingSpellWord, i);
      const CharSpan *span = &g_array_index (spans, CharSpan, i);
      const char *start = text + word->start;
      gsize word_len = word->end - word->start;
      gunichar before = span->start > 0 ? g_utf8_get_char (text + bytes[span->start - 1]) : 0;
      gunichar after = span->end < (guint) n_chars ? g_utf8_get_char (text + bytes[span->end]) : 0;
      g_autoptr(GArray) bad_parts = NULL;
      guint part_start = span->start;
      guint n_parts = 0;

      if (skip[span->start] || !is_checked (start, word_len, before, after))
        continue;

      if (takes (self, start, word_len) || takes_with_apostrophe (self, start, word_len))
        continue;

      /* A hyphenated word: its parts, each on its own. */
      bad_parts = g_array_new (FALSE, FALSE, sizeof (DraftingSpellWord));
      for (guint c = span->start; c <= span->end; c++)
        {
          DraftingSpellWord part;

          if (c < span->end && !is_hyphen (g_utf8_get_char (text + bytes[c])))
            continue;

          part.start = bytes[part_start];
          part.end = bytes[c];
          n_parts++;
          if (part.end > part.start &&
              is_checked (text + part.start, part.end - part.start, 0, 0) &&
              !takes (self, text + part.start, part.end - part.start) &&
              !takes_with_apostrophe (self, text + part.start, part.end - part.start))
            g_array_append_val (bad_parts, part);
          part_start = c + 1;
        }

      if (n_parts > 1)
        {
          g_array_append_vals (misspelt, bad_parts->data, bad_parts->len);
          continue;
        }

      if (_drafting_house_words_covers (self->house_words, text,
                                        (const DraftingSpellWord *) (gpointer) words->data,
                                        words->len, i))
        continue;

      g_array_append_val (misspelt, *word);
    }

  return misspelt;
}
