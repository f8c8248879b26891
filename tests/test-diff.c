/* test-diff.c: the words two texts differ by, and the three-way merge of changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-diff.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* That @spans is what drafting_diff_words() promises: both texts covered
 * in order without gap, neighbours of different kinds, a deletion before
 * the insertion that replaces it, equal text equal. */
/* Whether @offset is where a token of @tokens starts or ends. */
static gboolean
on_boundary (const GArray *tokens,
             gsize         offset)
{
  guint low = 0;
  guint high = tokens->len;

  if (offset == 0)
    return TRUE;
  while (low < high)
    {
      guint middle = (low + high) / 2;
      const DraftingDiffToken *token = &g_array_index (tokens, DraftingDiffToken, middle);

      if (token->end == offset)
        return TRUE;
      if (token->end < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

static void
assert_spans_valid (const char   *old_text,
                    const char   *new_text,
                    const char   *language,
                    const GArray *spans)
{
  g_autoptr(GArray) old_tokens = drafting_diff_tokenize (old_text, language);
  g_autoptr(GArray) new_tokens = drafting_diff_tokenize (new_text, language);
  gsize old_pos = 0;
  gsize new_pos = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);

      g_assert_cmpuint (span->old_start, ==, old_pos);
      g_assert_cmpuint (span->new_start, ==, new_pos);
      g_assert_cmpuint (span->old_end, >=, span->old_start);
      g_assert_cmpuint (span->new_end, >=, span->new_start);
      /* Never inside a word: where segmenting the whole text cuts. */
      g_assert_true (on_boundary (old_tokens, span->old_start));
      g_assert_true (on_boundary (old_tokens, span->old_end));
      g_assert_true (on_boundary (new_tokens, span->new_start));
      g_assert_true (on_boundary (new_tokens, span->new_end));
      if (i > 0)
        {
          const DraftingDiffSpan *previous = span - 1;

          g_assert_cmpint (previous->op, !=, span->op);
          g_assert_false (previous->op == DRAFTING_DIFF_INSERT &&
                          span->op == DRAFTING_DIFF_DELETE);
        }

      switch (span->op)
        {
        case DRAFTING_DIFF_EQUAL:
          g_assert_cmpuint (span->old_end - span->old_start, ==, span->new_end - span->new_start);
          g_assert_cmpuint (span->old_end, >, span->old_start);
          g_assert_true (memcmp (old_text + span->old_start, new_text + span->new_start,
                                 span->old_end - span->old_start) == 0);
          break;
        case DRAFTING_DIFF_DELETE:
          g_assert_cmpuint (span->old_end, >, span->old_start);
          g_assert_cmpuint (span->new_end, ==, span->new_start);
          break;
        case DRAFTING_DIFF_INSERT:
          g_assert_cmpuint (span->new_end, >, span->new_start);
          g_assert_cmpuint (span->old_end, ==, span->old_start);
          break;
        default:
          g_assert_not_reached ();
        }
      old_pos = span->old_end;
      new_pos = span->new_end;
    }

  g_assert_cmpuint (old_pos, ==, strlen (old_text));
  g_assert_cmpuint (new_pos, ==, strlen (new_text));
}

/* The word difference of @old_text and @new_text, written as wdiff writes
 * it, after checking its spans. */
static char *
wdiff (const char *old_text,
       const char *new_text,
       const char *language)
{
  g_autoptr(GArray) spans = drafting_diff_words (old_text, new_text, language);

  g_assert_nonnull (spans);
  assert_spans_valid (old_text, new_text, language, spans);

  return drafting_diff_to_wdiff (old_text, new_text, spans);
}

static void
assert_wdiff (const char *old_text,
              const char *new_text,
              const char *language,
              const char *expected)
{
  g_autofree char *got = wdiff (old_text, new_text, language);

  g_assert_cmpstr (got, ==, expected);
}

/* The tokens of @text, as "kind:text" joined by "|": W word, P punctuation,
 * S space (written "_", and "\n" as "¶"). */
static char *
tokens_string (const char *text,
               const char *language)
{
  g_autoptr(GArray) tokens = drafting_diff_tokenize (text, language);
  GString *out = g_string_new (NULL);
  gsize pos = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const DraftingDiffToken *token = &g_array_index (tokens, DraftingDiffToken, i);

      g_assert_cmpuint (token->start, ==, pos);
      g_assert_cmpuint (token->end, >, token->start);
      pos = token->end;
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, "WPS"[token->kind]);
      g_string_append_c (out, ':');
      for (gsize j = token->start; j < token->end; j++)
        {
          if (text[j] == ' ')
            g_string_append_c (out, '_');
          else if (text[j] == '\n')
            g_string_append (out, "¶");
          else
            g_string_append_c (out, text[j]);
        }
    }
  g_assert_cmpuint (pos, ==, strlen (text));

  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *text,
               const char *language,
               const char *expected)
{
  g_autofree char *got = tokens_string (text, language);

  g_assert_cmpstr (got, ==, expected);
}

static void
assert_merge (const char *base,
              const char *ours,
              const char *theirs,
              const char *expected)
{
  g_autofree char *merged = NULL;
  gboolean ok = drafting_diff_merge3 (base, ours, theirs, "en", &merged);

  if (expected == NULL)
    {
      g_assert_false (ok);
      g_assert_null (merged);
    }
  else
    {
      g_assert_true (ok);
      g_assert_cmpstr (merged, ==, expected);
    }
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

static void
test_tokens_latin (void)
{
  assert_tokens ("Customs, don't pay 1.5%  now.\n\nNext", "en",
                 "W:Customs|P:,|S:_|W:don't|S:_|W:pay|S:_|W:1.5|P:%|S:__|W:now|P:.|S:¶¶|W:Next");
  /* Hyphens, brackets and quotes are marks of their own. */
  assert_tokens ("cross-border (“e-commerce”)", "en",
                 "W:cross|P:-|W:border|S:_|P:(|P:“|W:e|P:-|W:commerce|P:”|P:)");
  /* Accents, precomposed or combining, belong to their word. */
  assert_tokens ("réseau e\xcc\x81leve\xcc\x81", "fr", "W:réseau|S:_|W:e\xcc\x81leve\xcc\x81");
  assert_tokens ("", "en", "");
  assert_tokens (" \t\n ", "en", "S:_\t¶_");
}

static void
test_tokens_scripts (void)
{
  assert_tokens ("مجلس التعاون الجمركي، قرار", "ar",
                 "W:مجلس|S:_|W:التعاون|S:_|W:الجمركي|P:،|S:_|W:قرار");
  assert_tokens ("Совет таможенного сотрудничества, решение", "ru",
                 "W:Совет|S:_|W:таможенного|S:_|W:сотрудничества|P:,|S:_|W:решение");
  /* Chinese: an ideograph a token. */
  assert_tokens ("海关合作理事会的决议。", "zh",
                 "W:海|W:关|W:合|W:作|W:理|W:事|W:会|W:的|W:决|W:议|P:。");
  /* Japanese: katakana words stay whole. */
  assert_tokens ("税関のカタカナ", "ja", "W:税|W:関|W:の|W:カタカナ");
  /* Thai, written without spaces: Pango's dictionary cuts the words. */
  assert_tokens ("ภาษาไทยง่ายนิดเดียว", "th", "W:ภาษา|W:ไทย|W:ง่าย|W:นิดเดียว");
}

/* ------------------------------------------------------------------ */
/* Word differences                                                    */

static void
test_words_punctuation (void)
{
  assert_wdiff ("Customs,", "Customs;", "en", "Customs[-,-]{+;+}");
  assert_wdiff ("the Customs, Members and", "the Customs; Members and", "en",
                "the Customs[-,-]{+;+} Members and");
  /* A full stop becomes a semicolon, and a clause follows. */
  assert_wdiff ("Decides to review it.", "Decides to review it; and", "en",
                "Decides to review it[-.-]{+; and+}");
}

static void
test_words_repeated (void)
{
  /* The repeated word goes with the space after it, wherever Myers finds it. */
  assert_wdiff ("to the the Council", "to the Council", "en", "to the [-the -]Council");
  assert_wdiff ("to the Council", "to the the Council", "en", "to the {+the +}Council");
  assert_wdiff ("the cat", "the the cat", "en", "the {+the +}cat");
  assert_wdiff ("A the B", "A the the B", "en", "A the {+the +}B");
}

static void
test_words_moved (void)
{
  assert_wdiff ("The Council shall review the rules annually.",
                "The Council shall annually review the rules.", "en",
                "The Council shall {+annually +}review the rules[- annually-].");
  /* Of two words swapped, the longer stays. */
  assert_wdiff ("Members and the Secretariat", "the Secretariat and Members", "en",
                "[-Members and -]the Secretariat{+ and Members+}");
}

static void
test_words_inserted_phrase (void)
{
  assert_wdiff ("Members shall notify the Secretariat.",
                "Members shall promptly and in writing notify the Secretariat.", "en",
                "Members shall {+promptly and in writing +}notify the Secretariat.");
  /* A word deleted from between two others takes the space after it. */
  assert_wdiff ("the big dog", "the dog", "en", "the [-big -]dog");
  assert_wdiff ("Customs, the Council", "Customs, Council", "en", "Customs, [-the -]Council");
}

static void
test_words_start_end (void)
{
  assert_wdiff ("Recalling the Resolution of 2010, and", "the Resolution of 2010", "en",
                "[-Recalling -]the Resolution of 2010[-, and-]");
  assert_wdiff ("the Resolution of 2010", "Recalling the Resolution of 2010, and", "en",
                "{+Recalling +}the Resolution of 2010{+, and+}");
  /* A change at the very start and end, with the middle kept. */
  assert_wdiff ("First the middle part last", "Second the middle part final", "en",
                "[-First-]{+Second+} the middle part [-last-]{+final+}");
}

static void
test_words_accents (void)
{
  /* A word that differs by one accent is replaced whole: never inside a word. */
  assert_wdiff ("un réseau élevé de", "un réseau eleve de", "fr",
                "un réseau [-élevé-]{+eleve+} de");
  assert_wdiff ("le réseau", "le re\xcc\x81seau", "fr", "le [-réseau-]{+re\xcc\x81seau+}");
  assert_wdiff ("un réseau élevé", "un reseau eleve", "fr",
                "un [-réseau élevé-]{+reseau eleve+}");
}

static void
test_words_arabic (void)
{
  assert_wdiff ("يقرر المجلس اعتماد التوصية", "يقرر المجلس رفض التوصية", "ar",
                "يقرر المجلس [-اعتماد-]{+رفض+} التوصية");
  assert_wdiff ("الجمارك، الأعضاء", "الجمارك؛ الأعضاء", "ar", "الجمارك[-،-]{+؛+} الأعضاء");
  assert_wdiff ("يقرر المجلس", "يقرر المجلس الموقر", "ar", "يقرر المجلس{+ الموقر+}");
}

static void
test_words_cyrillic (void)
{
  assert_wdiff ("Совет таможенного сотрудничества принимает решение",
                "Совет таможенного сотрудничества принимает резолюцию", "ru",
                "Совет таможенного сотрудничества принимает [-решение-]{+резолюцию+}");
  assert_wdiff ("Совет, решение", "Совет постановляет: решение", "ru",
                "Совет[-,-]{+ постановляет:+} решение");
}

static void
test_words_cjk (void)
{
  /* Ideographs are tokens one by one: the one both words share stays. */
  assert_wdiff ("世界海关组织的决议。", "世界海关组织的建议。", "zh", "世界海关组织的[-决-]{+建+}议。");
  assert_wdiff ("世界海关组织的决议。", "世界海关组织的报告。", "zh", "世界海关组织的[-决议-]{+报告+}。");
  assert_wdiff ("海关组织", "世界海关组织", "zh", "{+世界+}海关组织");
  assert_wdiff ("税関のカタカナ", "税関のカタカナ語", "ja", "税関のカタカナ{+語+}");
}

static void
test_words_empty (void)
{
  g_autoptr(GArray) spans = drafting_diff_words ("", "", "en");

  g_assert_cmpuint (spans->len, ==, 0);
  assert_wdiff ("", "", "en", "");
  assert_wdiff ("", "Decides", "en", "{+Decides+}");
  assert_wdiff ("Decides", "", "en", "[-Decides-]");
  assert_wdiff ("", " ", NULL, "{+ +}");
}

static void
test_words_identical (void)
{
  const char *text = "The Council, RECALLING its Resolution, DECIDES: to act.";
  g_autoptr(GArray) spans = drafting_diff_words (text, text, "en");
  const DraftingDiffSpan *span;

  g_assert_cmpuint (spans->len, ==, 1);
  span = &g_array_index (spans, DraftingDiffSpan, 0);
  g_assert_cmpint (span->op, ==, DRAFTING_DIFF_EQUAL);
  g_assert_cmpuint (span->old_start, ==, 0);
  g_assert_cmpuint (span->old_end, ==, strlen (text));
  g_assert_cmpuint (span->new_start, ==, 0);
  g_assert_cmpuint (span->new_end, ==, strlen (text));
  assert_wdiff (text, text, "en", text);
  assert_wdiff ("x", "x", "en", "x");
}

static void
test_words_different (void)
{
  /* The spaces both share are too short to keep between the changes. */
  assert_wdiff ("A B C", "X Y Z", "en", "[-A B C-]{+X Y Z+}");
  assert_wdiff ("the cat sat on the mat", "a dog sat on the mat", "en",
                "[-the cat-]{+a dog+} sat on the mat");
  assert_wdiff ("Customs administrations", "Les douanes", "fr",
                "[-Customs administrations-]{+Les douanes+}");
  /* A word between two changes that is longer than they are stays. */
  assert_wdiff ("the Council shall review", "a Council may review", "en",
                "[-the-]{+a+} Council [-shall-]{+may+} review");
  /* White space that changed is marked too. */
  assert_wdiff ("x  y", "x y", "en", "x[-  -]{+ +}y");
}

/* Text of @n words from a small vocabulary, as the words of a resolution
 * repeat, with a comma now and then; @words gets the words. */
static GPtrArray *
generate_words (guint   n,
                guint32 seed)
{
  static const char * const vocabulary[] = {
    "the", "Council", "Members", "shall", "customs", "of", "and", "to", "administration",
    "review", "trade", "facilitation", "in", "accordance", "with", "Convention", "data",
    "risk", "management", "e-commerce", "a", "Secretariat", "report", "Resolution",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (words, (gpointer) vocabulary[g_rand_int_range (rand, 0,
                                                                     G_N_ELEMENTS (vocabulary))]);

  return words;
}

static void
test_words_long (void)
{
  g_autoptr(GPtrArray) words = generate_words (5000, 42);
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;

  /* Three changes of words no other is: one replaced (word 1000), a phrase
   * inserted (before word 2500), one deleted (word 4000). */
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *separator = i + 1 == words->len ? "." : (i % 17 == 16 ? ", " : " ");

      if (i == 1000)
        {
          g_string_append_printf (old_text, "Brussels%s", separator);
          g_string_append_printf (new_text, "Geneva%s", separator);
          g_string_append_printf (expected, "[-Brussels-]{+Geneva+}%s", separator);
          continue;
        }
      if (i == 2500)
        {
          g_string_append (new_text, "as soon as possible ");
          g_string_append (expected, "{+as soon as possible +}");
        }
      if (i == 4000)
        {
          g_string_append_printf (old_text, "obsolete%s", separator);
          g_string_append_printf (expected, "[-obsolete%s-]", separator);
          continue;
        }
      g_string_append_printf (old_text, "%s%s", word, separator);
      g_string_append_printf (new_text, "%s%s", word, separator);
      g_string_append_printf (expected, "%s%s", word, separator);
    }

  g_assert_cmpuint (words->len, ==, 5000);
  got = wdiff (old_text->str, new_text->str, "en");
  g_assert_cmpstr (got, ==, expected->str);
}

/* Texts too different to search: deleted and inserted whole, between what
 * they start and end with, and quickly. */
static void
test_words_too_different (void)
{
  g_autoptr(GString) old_text = g_string_new ("Preamble: ");
  g_autoptr(GString) new_text = g_string_new ("Preamble: ");
  g_autoptr(GArray) spans = NULL;
  const DraftingDiffSpan *span;
  gsize prefix = strlen ("Preamble: ");

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (old_text, "alpha%u ", i);
      g_string_append_printf (new_text, "beta%u ", i);
    }
  g_string_append (old_text, "end.");
  g_string_append (new_text, "end.");

  spans = drafting_diff_words (old_text->str, new_text->str, "en");
  assert_spans_valid (old_text->str, new_text->str, "en", spans);
  g_assert_cmpuint (spans->len, ==, 4);
  span = &g_array_index (spans, DraftingDiffSpan, 0);
  g_assert_cmpint (span->op, ==, DRAFTING_DIFF_EQUAL);
  g_assert_cmpuint (span->old_end, ==, prefix);
  span = &g_array_index (spans, DraftingDiffSpan, 1);
  g_assert_cmpint (span->op, ==, DRAFTING_DIFF_DELETE);
  g_assert_cmpuint (span->old_end, ==, old_text->len - strlen (" end."));
  span = &g_array_index (spans, DraftingDiffSpan, 2);
  g_assert_cmpint (span->op, ==, DRAFTING_DIFF_INSERT);
  g_assert_cmpuint (span->new_start, ==, prefix);
  g_assert_cmpuint (span->new_end, ==, new_text->len - strlen (" end."));
  span = &g_array_index (spans, DraftingDiffSpan, 3);
  g_assert_cmpint (span->op, ==, DRAFTING_DIFF_EQUAL);
  g_assert_cmpuint (span->old_end - span->old_start, ==, strlen (" end."));
}

/* Many changes, but not too many to search: each is found. */
static void
test_words_many_changes (void)
{
  g_autoptr(GPtrArray) words = generate_words (2000, 7);
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;

  /* Every tenth word replaced by one no other is. */
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (i % 10 == 5)
        {
          g_string_append_printf (old_text, "%s ", word);
          g_string_append_printf (new_text, "CHANGED%u ", i);
          g_string_append_printf (expected, "[-%s-]{+CHANGED%u+} ", word, i);
        }
      else
        {
          g_string_append_printf (old_text, "%s ", word);
          g_string_append_printf (new_text, "%s ", word);
          g_string_append_printf (expected, "%s ", word);
        }
    }

  got = wdiff (old_text->str, new_text->str, "en");
  g_assert_cmpstr (got, ==, expected->str);
}

/* Changes too many for the fewest edits to be searched for in one go
 * (one word in four, over 3,000 words), yet each is found, part by part.
 * The words changed are of one letter, so that no equality between them
 * is short enough to go with them. */
static void
test_words_dense_changes (void)
{
  g_autoptr(GPtrArray) words = generate_words (3000, 11);
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (i % 4 == 2)
        {
          g_string_append (old_text, "x ");
          g_string_append (new_text, "y ");
          g_string_append (expected, "[-x-]{+y+} ");
          continue;
        }
      g_string_append_printf (old_text, "%s ", word);
      g_string_append_printf (new_text, "%s ", word);
      g_string_append_printf (expected, "%s ", word);
    }

  got = wdiff (old_text->str, new_text->str, "en");
  g_assert_cmpstr (got, ==, expected->str);
}

/* Random texts of a few tokens that repeat: whatever the clean-up does,
 * the spans describe both texts. */
static void
test_words_random (void)
{
  static const char * const pieces[] = { "a", "b", "the", " ", " ", ",", ".", "\n", "é", "决" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) old_text = g_string_new (NULL);
      g_autoptr(GString) new_text = g_string_new (NULL);
      g_autofree char *marked = NULL;
      guint n = g_rand_int_range (rand, 0, 30);

      for (guint i = 0; i < n; i++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          /* The new text: the old one with a piece changed now and then. */
          g_string_append (old_text, piece);
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              break;
            case 1:
              g_string_append (new_text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              break;
            case 2:
              g_string_append (new_text, piece);
              g_string_append (new_text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              break;
            default:
              g_string_append (new_text, piece);
              break;
            }
        }

      /* wdiff() checks that the spans rebuild both texts, cut between tokens. */
      marked = wdiff (old_text->str, new_text->str, NULL);
      g_assert_nonnull (marked);
    }
}

/* Long random texts, compared chunk by chunk before word by word, with
 * what could trip the cuts between chunks: white space that takes in a
 * combining mark, non-breaking spaces, tabs and line breaks, words that
 * UAX #29 joins across a colon or a full stop, Thai, ideographs. Each span
 * must still fall between the tokens of the whole texts. */
static void
test_words_random_long (void)
{
  static const char * const pieces[] = {
    "Council", "the", " ", " ", " ", "  ", "\t", "\n", "\n\n", " \xcc\x81", "\xc2\xa0",
    "a:b", "1.5", "don't", ",", ".", "e\xcc\x81", "ภาษาไทย", "决议", "Совет", "قرار", "-",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GString) old_text = g_string_new (NULL);
      g_autoptr(GString) new_text = g_string_new (NULL);
      g_autofree char *marked = NULL;
      guint n = g_rand_int_range (rand, 600, 1500);

      for (guint i = 0; i < n; i++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          g_string_append (old_text, piece);
          if (g_rand_int_range (rand, 0, 40) == 0)
            g_string_append (new_text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          else if (g_rand_int_range (rand, 0, 40) != 0)
            g_string_append (new_text, piece);
        }

      g_assert_cmpuint (old_text->len, >, 2048);
      marked = wdiff (old_text->str, new_text->str, NULL);
      g_assert_nonnull (marked);
    }
}

/* ------------------------------------------------------------------ */
/* Three-way merge                                                     */

static void
test_merge_disjoint (void)
{
  assert_merge ("Members shall notify the Secretariat of changes.",
                "Members shall promptly notify the Secretariat of changes.",
                "Members shall notify the Secretary General of changes.",
                "Members shall promptly notify the Secretary General of changes.");
  /* Next to each other, but not the same words. */
  assert_merge ("one two three", "one 2 three", "one two 3", "one 2 3");
  /* A deletion on one side, a replacement on the other. */
  assert_merge ("Decides to review, every two years, these principles.",
                "Decides to review these principles.",
                "Decides to review, every two years, the principles.",
                "Decides to review the principles.");
}

static void
test_merge_overlap (void)
{
  assert_merge ("Members shall notify the Secretariat.",
                "Members may notify the Secretariat.",
                "Members must notify the Secretariat.",
                NULL);
  /* One deletes what the other changes. */
  assert_merge ("Decides to review, every two years, these principles.",
                "Decides to review these principles.",
                "Decides to review, every three years, these principles.",
                NULL);
}

static void
test_merge_same_change (void)
{
  /* The accepted amendment and the pending one make the same change: once. */
  assert_merge ("Members shall notify the Secretariat of changes.",
                "Members shall promptly notify the Secretariat of changes.",
                "Members shall promptly notify the Secretariat of all changes.",
                "Members shall promptly notify the Secretariat of all changes.");
  assert_merge ("the big dog", "the small dog", "the small dog", "the small dog");
}

static void
test_merge_same_point (void)
{
  /* Two insertions at one place: which first is not to be told. */
  assert_merge ("Members shall notify", "Members shall promptly notify",
                "Members shall duly notify", NULL);
  assert_merge ("", "Decides", "Resolves", NULL);
  /* An insertion right before what the other side replaces. */
  assert_merge ("the big dog", "the small dog", "the very big dog", NULL);
}

static void
test_merge_trivial (void)
{
  assert_merge ("the text", "the text", "the new text", "the new text");
  assert_merge ("the text", "the new text", "the text", "the new text");
  assert_merge ("", "", "", "");
  assert_merge ("", "Decides", "Decides", "Decides");
  g_assert_true (drafting_diff_merge3 ("a b", "a c", "d b", "en", NULL));
}

static void
test_merge_scripts (void)
{
  g_autofree char *merged = NULL;

  g_assert_true (drafting_diff_merge3 ("يقرر المجلس اعتماد التوصية",
                                       "يقرر المجلس رفض التوصية",
                                       "يقرر المجلس اعتماد التوصية الأولى",
                                       "ar", &merged));
  g_assert_cmpstr (merged, ==, "يقرر المجلس رفض التوصية الأولى");
  g_clear_pointer (&merged, g_free);

  g_assert_true (drafting_diff_merge3 ("海关组织的决议。", "世界海关组织的决议。",
                                       "海关组织的报告。", "zh", &merged));
  g_assert_cmpstr (merged, ==, "世界海关组织的报告。");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafting/diff/tokens/latin", test_tokens_latin);
  g_test_add_func ("/drafting/diff/tokens/scripts", test_tokens_scripts);
  g_test_add_func ("/drafting/diff/words/punctuation", test_words_punctuation);
  g_test_add_func ("/drafting/diff/words/repeated", test_words_repeated);
  g_test_add_func ("/drafting/diff/words/moved", test_words_moved);
  g_test_add_func ("/drafting/diff/words/inserted-phrase", test_words_inserted_phrase);
  g_test_add_func ("/drafting/diff/words/start-end", test_words_start_end);
  g_test_add_func ("/drafting/diff/words/accents", test_words_accents);
  g_test_add_func ("/drafting/diff/words/arabic", test_words_arabic);
  g_test_add_func ("/drafting/diff/words/cyrillic", test_words_cyrillic);
  g_test_add_func ("/drafting/diff/words/cjk", test_words_cjk);
  g_test_add_func ("/drafting/diff/words/empty", test_words_empty);
  g_test_add_func ("/drafting/diff/words/identical", test_words_identical);
  g_test_add_func ("/drafting/diff/words/different", test_words_different);
  g_test_add_func ("/drafting/diff/words/long", test_words_long);
  g_test_add_func ("/drafting/diff/words/many-changes", test_words_many_changes);
  g_test_add_func ("/drafting/diff/words/dense-changes", test_words_dense_changes);
  g_test_add_func ("/drafting/diff/words/too-different", test_words_too_different);
  g_test_add_func ("/drafting/diff/words/random", test_words_random);
  g_test_add_func ("/drafting/diff/words/random-long", test_words_random_long);
  g_test_add_func ("/drafting/diff/merge3/disjoint", test_merge_disjoint);
  g_test_add_func ("/drafting/diff/merge3/overlap", test_merge_overlap);
  g_test_add_func ("/drafting/diff/merge3/same-change", test_merge_same_change);
  g_test_add_func ("/drafting/diff/merge3/same-point", test_merge_same_point);
  g_test_add_func ("/drafting/diff/merge3/trivial", test_merge_trivial);
  g_test_add_func ("/drafting/diff/merge3/scripts", test_merge_scripts);

  return g_test_run ();
}
