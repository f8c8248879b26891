/* drafting-diff-tokens.c: the tokens the difference engine compares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-diff"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "drafting-diff-private.h"

/* How a text is cut into tokens, and which are set aside: see "How it
 * works" in drafting-diff.c. */

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

void
_drafting_diff_side_init (Side       *side,
                          const char *text,
                          gsize       len)
{
  side->text = text;
  side->len = len;
  side->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  side->ids = NULL;
  side->n = 0;
}

void
_drafting_diff_side_clear (Side *side)
{
  g_clear_pointer (&side->tokens, g_array_unref);
  g_clear_pointer (&side->ids, g_free);
}

static gboolean
is_complex_script (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x0E00)
    return FALSE;
  script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_THAI || script == G_UNICODE_SCRIPT_LAO ||
         script == G_UNICODE_SCRIPT_KHMER || script == G_UNICODE_SCRIPT_MYANMAR;
}

static guint8
classify (gunichar c,
          gboolean white)
{
  if (white)
    return DRAFTING_DIFF_TOKEN_SPACE;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return DRAFTING_DIFF_TOKEN_WORD;

  return DRAFTING_DIFF_TOKEN_PUNCTUATION;
}

void
_drafting_diff_add_token (Side  *side,
                          gsize  start,
                          guint  cum,
                          guint8 kind,
                          guint  id,
                          guint8 flags)
{
  Token token = { start, cum, id, kind, kind, flags };

  g_array_append_val (side->tokens, token);
}

/* ------------------------------------------------------------------ */
/* Word boundaries, remembered                                         */

/*
 * Pango's word segmentation is most of what a diff costs, and the same
 * texts come again and again: accepting an amendment merges each other
 * amendment of the element three ways, against the same base and the same
 * new text. The boundaries of the last few texts segmented are kept, a
 * few for each thread (diffs run in worker threads too), for short texts
 * only.
 */

#define N_REMEMBERED     8
#define MAX_REMEMBERED   8192   /* bytes of text */

typedef struct
{
  PangoLanguage *language;
  char          *text;
  gsize          len;
  PangoLogAttr  *attrs;
} Remembered;

typedef struct
{
  Remembered    entries[N_REMEMBERED];
  guint         next;
  PangoLogAttr *ascii;      /* those of the last ASCII text */
  gsize         ascii_size;
} Memory;

static void
memory_free (gpointer data)
{
  Memory *memory = data;

  for (guint i = 0; i < N_REMEMBERED; i++)
    {
      g_free (memory->entries[i].text);
      g_free (memory->entries[i].attrs);
    }
  g_free (memory->ascii);
  g_free (memory);
}

/*
 * Most texts are ASCII, whose word boundaries UAX #29 decides by a few
 * rules, which are Pango's too: those are applied here, some twenty
 * times as fast, in every language. Only what the tokens are cut by is
 * set: is_white and is_word_boundary (is_word_start and is_word_end are
 * read only in the scripts written without spaces). Checked against
 * Pango 1.50 on every string of up to four characters drawn from a
 * character of each class and more, and four million longer ones.
 */

typedef enum
{
  WB_OTHER,
  WB_CR,
  WB_LF,
  WB_NEWLINE,
  WB_SPACE,
  WB_LETTER,
  WB_NUMERIC,
  WB_MID_LETTER,
  WB_MID_NUM,
  WB_MID_NUM_LET,
  WB_SINGLE_QUOTE,
  WB_EXTEND_NUM_LET,
} WordBreak;

/* The Word_Break property of an ASCII character. */
static WordBreak
word_break_of (char c)
{
  if (g_ascii_isalpha (c))
    return WB_LETTER;
  if (g_ascii_isdigit (c))
    return WB_NUMERIC;

  switch (c)
    {
    case '\r': return WB_CR;
    case '\n': return WB_LF;
    case '\v':
    case '\f': return WB_NEWLINE;
    case ' ': return WB_SPACE;
    case ':': return WB_MID_LETTER;
    case ',':
    case ';': return WB_MID_NUM;
    case '.': return WB_MID_NUM_LET;
    case '\'': return WB_SINGLE_QUOTE;
    case '_': return WB_EXTEND_NUM_LET;
    default: return WB_OTHER;
    }
}

static gboolean
is_mid_letter_q (WordBreak wb)
{
  return wb == WB_MID_LETTER || wb == WB_MID_NUM_LET || wb == WB_SINGLE_QUOTE;
}

static gboolean
is_mid_num_q (WordBreak wb)
{
  return wb == WB_MID_NUM || wb == WB_MID_NUM_LET || wb == WB_SINGLE_QUOTE;
}

/* Whether UAX #29 puts a word boundary between @before and @after, with
 * @first before @before and @next after @after (WB_OTHER where the text
 * starts or ends). */
static gboolean
is_ascii_word_boundary (WordBreak first,
                        WordBreak before,
                        WordBreak after,
                        WordBreak next)
{
  if (before == WB_CR && after == WB_LF)                                  /* WB3 */
    return FALSE;
  if (before == WB_CR || before == WB_LF || before == WB_NEWLINE ||
      after == WB_CR || after == WB_LF || after == WB_NEWLINE)            /* WB3a, WB3b */
    return TRUE;
  if (before == WB_SPACE && after == WB_SPACE)                            /* WB3d */
    return FALSE;
  if (before == WB_LETTER && after == WB_LETTER)                          /* WB5 */
    return FALSE;
  if (before == WB_LETTER && is_mid_letter_q (after) && next == WB_LETTER) /* WB6 */
    return FALSE;
  if (first == WB_LETTER && is_mid_letter_q (before) && after == WB_LETTER) /* WB7 */
    return FALSE;
  if ((before == WB_NUMERIC || before == WB_LETTER) &&
      (after == WB_NUMERIC || after == WB_LETTER))                        /* WB8, WB9, WB10 */
    return FALSE;
  if (first == WB_NUMERIC && is_mid_num_q (before) && after == WB_NUMERIC) /* WB11 */
    return FALSE;
  if (before == WB_NUMERIC && is_mid_num_q (after) && next == WB_NUMERIC) /* WB12 */
    return FALSE;
  if ((before == WB_LETTER || before == WB_NUMERIC || before == WB_EXTEND_NUM_LET) &&
      after == WB_EXTEND_NUM_LET)                                         /* WB13a */
    return FALSE;
  if (before == WB_EXTEND_NUM_LET && (after == WB_LETTER || after == WB_NUMERIC)) /* WB13b */
    return FALSE;

  return TRUE;                                                            /* WB999 */
}

/* The attributes of the @len characters of ASCII @text, as Pango gives
 * them, into @attrs, @len + 1 of them. */
static void
ascii_log_attrs (const char   *text,
                 gsize         len,
                 PangoLogAttr *attrs)
{
  WordBreak first = WB_OTHER;
  WordBreak before = WB_OTHER;
  WordBreak after = len > 0 ? word_break_of (text[0]) : WB_OTHER;

  memset (attrs, 0, (len + 1) * sizeof (PangoLogAttr));
  for (gsize i = 0; i <= len; i++)
    {
      WordBreak next = i + 1 < len ? word_break_of (text[i + 1]) : WB_OTHER;
      char c = i < len ? text[i] : '\0';

      attrs[i].is_word_boundary = i == 0 || i == len ||
                                  is_ascii_word_boundary (first, before, after, next);
      attrs[i].is_white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      first = before;
      before = after;
      after = next;
    }
}

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

static GPrivate memory_key = G_PRIVATE_INIT (memory_free);

/* The log attributes of the @len bytes of @text, @n_chars characters:
 * owned by the thread's memory, valid until the next call. */
static const PangoLogAttr *
log_attrs (const char    *text,
           gsize          len,
           glong          n_chars,
           PangoLanguage *language)
{
  Memory *memory = g_private_get (&memory_key);
  Remembered *entry;

  if (memory == NULL)
    {
      memory = g_new0 (Memory, 1);
      g_private_set (&memory_key, memory);
    }

  if (is_ascii (text, len))
    {
      if (memory->ascii_size < len + 1)
        {
          memory->ascii_size = MAX (len + 1, 2 * memory->ascii_size);
          memory->ascii = g_renew (PangoLogAttr, memory->ascii, memory->ascii_size);
        }
      ascii_log_attrs (text, len, memory->ascii);
      return memory->ascii;
    }

  for (guint i = 0; i < N_REMEMBERED; i++)
    {
      entry = &memory->entries[i];
      if (entry->text != NULL && entry->len == len && entry->language == language &&
          memcmp (entry->text, text, len) == 0)
        return entry->attrs;
    }

  /* A long text is segmented every time, in the slot for it. */
  entry = &memory->entries[len > MAX_REMEMBERED ? 0 : memory->next];
  if (len <= MAX_REMEMBERED)
    memory->next = (memory->next + 1) % N_REMEMBERED;
  g_free (entry->text);
  g_free (entry->attrs);
  entry->text = len <= MAX_REMEMBERED ? g_memdup2 (text, len) : NULL;
  entry->len = len;
  entry->language = language;
  entry->attrs = g_new (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int) len, -1, language, entry->attrs, (int) n_chars + 1);

  return entry->attrs;
}

/* Appends the tokens of [@from, @to) of @side's text; @cum is the count of
 * characters before @from. Returns the count after @to. */
guint
_drafting_diff_tokenize_region (Side          *side,
                                gsize          from,
                                gsize          to,
                                guint          cum,
                                PangoLanguage *language)
{
  const char *text = side->text + from;
  const char *p = text;
  const PangoLogAttr *attrs;
  glong n_chars;
  gunichar previous = 0;
  guint newlines = 0;
  Token *current = NULL;

  if (to <= from)
    return cum;

  n_chars = g_utf8_strlen (text, to - from);
  attrs = log_attrs (text, to - from, n_chars, language);

  for (glong i = 0; i < n_chars; i++, cum++)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gboolean white = attrs[i].is_white;
      gboolean cut;

      if (current == NULL)
        cut = TRUE;
      else if (white && current->kind == DRAFTING_DIFF_TOKEN_SPACE)
        cut = FALSE;
      else if (is_complex_script (previous) && is_complex_script (c))
        cut = attrs[i].is_word_start || attrs[i].is_word_end;
      else
        cut = attrs[i].is_word_boundary;

      if (cut)
        {
          _drafting_diff_add_token (side, from + (p - text), cum, classify (c, white), 0, 0);
          current = side_token (side, side->tokens->len - 1);
          newlines = 0;
        }

      if (current->kind == DRAFTING_DIFF_TOKEN_SPACE &&
          (c == '\n' || c == 0x2028 || c == 0x2029 || (c == '\r' && *next != '\n')))
        {
          newlines++;
          current->flags |= newlines > 1 ? FLAG_BLANK_LINE | FLAG_LINE_BREAK : FLAG_LINE_BREAK;
        }

      previous = c;
      p = next;
    }

  return cum;
}

/* Equal tokens, equal ids: an Interner, a table of the tokens' bytes. */
void
_drafting_diff_interner_init (Interner *interner,
                              gsize     n_tokens)
{
  gsize size = 64;

  while (size < 2 * n_tokens)
    size *= 2;
  interner->entries = g_new0 (Entry, size);
  interner->mask = size - 1;
  interner->next_id = ID_FIRST;
}

static guint
intern (Interner   *interner,
        const char *bytes,
        gsize       len)
{
  guint hash = 2166136261u;  /* FNV-1a */
  gsize slot;

  for (gsize i = 0; i < len; i++)
    hash = (hash ^ (guchar) bytes[i]) * 16777619u;

  for (slot = hash & interner->mask; ; slot = (slot + 1) & interner->mask)
    {
      Entry *entry = &interner->entries[slot];

      if (entry->bytes == NULL)
        {
          *entry = (Entry) { bytes, len, hash, interner->next_id++ };
          return entry->id;
        }
      if (entry->hash == hash && entry->len == len && memcmp (entry->bytes, bytes, len) == 0)
        return entry->id;
    }
}

/* Closes @side's tokens with the last one, that starts where the text
 * ends; @cum is the count of characters of the text. */
void
_drafting_diff_side_close (Side  *side,
                           guint  cum)
{
  _drafting_diff_add_token (side, side->len, cum, DRAFTING_DIFF_TOKEN_SPACE, 0, 0);
  side->n = side->tokens->len - 1;
}

/* Gives each token of @side its id. */
void
_drafting_diff_side_intern (Side     *side,
                            Interner *interner)
{
  side->ids = g_new (guint, side->n + 1);
  for (guint i = 0; i < side->n; i++)
    {
      Token *token = side_token (side, i);

      if (!(token->flags & FLAG_SET_ASIDE))
        token->id = intern (interner, side->text + token->start, token[1].start - token->start);
      side->ids[i] = token->id;
    }
}

/* Whether the character before @pos is neither white space nor a mark or
 * format character that white space before it could have taken in. */
gboolean
_drafting_diff_char_is_plain_before (const char *text,
                                     gsize       pos)
{
  const char *previous;
  gunichar c;

  if ((guchar) text[pos - 1] < 0x80)
    return !g_ascii_isspace (text[pos - 1]);
  previous = g_utf8_find_prev_char (text, text + pos);
  if (previous == NULL)
    return FALSE;
  c = g_utf8_get_char (previous);

  return !g_unichar_isspace (c) && !g_unichar_ismark (c) &&
         g_unichar_type (c) != G_UNICODE_FORMAT;
}

/* Whether a token starts at @pos after a run of white space, whatever
 * follows: the character there can be no part of the white space. */
static gboolean
char_starts_after_white (const char *text,
                         gsize       pos)
{
  gunichar c;

  if ((guchar) text[pos] < 0x80)
    return !g_ascii_isspace (text[pos]);
  c = g_utf8_get_char (text + pos);

  return !g_unichar_isspace (c) && !g_unichar_ismark (c) &&
         g_unichar_type (c) != G_UNICODE_FORMAT;
}

guint8
_drafting_diff_kind_of_char (const char *p)
{
  return classify (g_utf8_get_char (p), FALSE);
}

/* The part of @old and @new that differs, cut where word segmentation
 * would cut anyway: after a word or mark followed by ASCII white space, and
 * before a word or mark that follows ASCII white space. */
void
_drafting_diff_find_middle (const Side *old,
                            const Side *new,
                            gsize      *prefix,
                            gsize      *old_suffix,
                            gsize      *new_suffix)
{
  const char *a = old->text;
  const char *b = new->text;
  gsize max = MIN (old->len, new->len);
  gsize common = 0;
  gsize p;
  gsize s;

  while (common < max && a[common] == b[common])
    common++;

  for (p = common; p > 0; p--)
    if (p < common && is_cut_before_white (a, p))
      break;
  *prefix = p;

  max -= p;
  common = 0;
  while (common < max && a[old->len - 1 - common] == b[new->len - 1 - common])
    common++;

  /* The longest suffix whose first byte follows white space that is common too. */
  for (s = common; s > 0; s--)
    {
      char before;

      if (s == common)
        continue;
      before = a[old->len - s - 1];
      if ((before == ' ' || before == '\n' || before == '\t') &&
          char_starts_after_white (a, old->len - s))
        break;
    }
  *old_suffix = old->len - s;
  *new_suffix = new->len - s;
}

/* ------------------------------------------------------------------ */
/* Public                                                              */

PangoLanguage *
_drafting_diff_language_for (const char *language)
{
  return pango_language_from_string (language != NULL && *language != '\0' ? language : "und");
}

/**
 * drafting_diff_tokenize:
 * @text: UTF-8 text
 * @language: (nullable): the text's language, a BCP 47 tag ("en", "fr",
 *   "ar"), or %NULL
 *
 * Cuts @text into the tokens the difference engine compares: words, each
 * punctuation mark, runs of white space (see #DraftingDiffTokenKind). They
 * cover the whole text, in order.
 *
 * Returns: (transfer full) (element-type DraftingDiffToken): the tokens
 */
GArray *
drafting_diff_tokenize (const char *text,
                        const char *language)
{
  Side side;
  GArray *result;
  gsize len;
  guint cum;

  g_return_val_if_fail (text != NULL, NULL);
  len = strlen (text);
  g_return_val_if_fail (g_utf8_validate (text, len, NULL), NULL);

  _drafting_diff_side_init (&side, text, len);
  cum = _drafting_diff_tokenize_region (&side, 0, len, 0,
                                        _drafting_diff_language_for (language));
  _drafting_diff_side_close (&side, cum);

  result = g_array_sized_new (FALSE, FALSE, sizeof (DraftingDiffToken), side.tokens->len - 1);
  for (guint i = 0; i + 1 < side.tokens->len; i++)
    {
      const Token *token = side_token (&side, i);
      DraftingDiffToken out = { token->kind, token->start, token[1].start };

      g_array_append_val (result, out);
    }
  _drafting_diff_side_clear (&side);

  return result;
}
