/* drafting-diff-merge.c: a three-way merge of changes, word by word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-diff"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "drafting-diff-private.h"

/* A change of one side to the base: base tokens [base_start, base_end)
 * become that side's tokens [start, end). */
typedef struct
{
  guint       base_start;
  guint       base_end;
  guint       start;
  guint       end;
  const Side *side;
} Hunk;

static GArray *
hunks_of (const Side *base,
          const Side *side)
{
  g_autoptr(GArray) edits = _drafting_diff_sides (base, side);
  GArray *hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));

  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = edit_at (edits, i);
      Hunk hunk = { edit->a, edit->a, edit->b, edit->b, side };

      if (edit->op == DRAFTING_DIFF_EQUAL)
        continue;
      for (; i < edits->len && edit_at (edits, i)->op != DRAFTING_DIFF_EQUAL; i++)
        {
          edit = edit_at (edits, i);
          if (edit->op == DRAFTING_DIFF_DELETE)
            hunk.base_end += edit->n;
          else
            hunk.end += edit->n;
        }
      g_array_append_val (hunks, hunk);
    }

  return hunks;
}

/* Whether two changes touch the same tokens of the base: overlapping
 * ranges, or an insertion at the same place as the other change, or at
 * either of its ends (before or after a replacement is not to be told). */
static gboolean
hunks_touch (const Hunk *x,
             const Hunk *y)
{
  gboolean x_empty = x->base_start == x->base_end;
  gboolean y_empty = y->base_start == y->base_end;

  if (x_empty && y_empty)
    return x->base_start == y->base_start;
  if (x_empty)
    return y->base_start <= x->base_start && x->base_start <= y->base_end;
  if (y_empty)
    return x->base_start <= y->base_start && y->base_start <= x->base_end;

  return x->base_start < y->base_end && y->base_start < x->base_end;
}

static gboolean
hunks_same (const Hunk *x,
            const Hunk *y)
{
  return x->base_start == y->base_start && x->base_end == y->base_end &&
         x->end - x->start == y->end - y->start &&
         same_tokens (x->side->ids + x->start, y->side->ids + y->start, x->end - x->start);
}

static void
apply_hunk (GString    *out,
            const Side *base,
            guint      *position,
            const Hunk *hunk)
{
  gsize from = side_token (base, *position)->start;
  gsize to = side_token (base, hunk->base_start)->start;
  gsize start = side_token (hunk->side, hunk->start)->start;
  gsize end = side_token (hunk->side, hunk->end)->start;

  g_string_append_len (out, base->text + from, to - from);
  g_string_append_len (out, hunk->side->text + start, end - start);
  *position = hunk->base_end;
}

/* The index of @base's token that starts at @pos, or G_MAXUINT if none
 * does. */
static guint
token_at (const Side *base,
          gsize       pos)
{
  guint lo = 0;
  guint hi = base->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (side_token (base, mid)->start < pos)
        lo = mid + 1;
      else
        hi = mid;
    }

  return side_token (base, lo)->start == pos ? lo : G_MAXUINT;
}

/* Segments @side, a text that differs from @base's only between a common
 * start and end: the tokens there are @base's (@base is segmented
 * already), and only what lies between is given to Pango. The cuts are
 * those of _drafting_diff_find_middle(), where the segmentation of the
 * whole cuts the same whatever comes before or after (see
 * is_cut_before_white()), so that the tokens are those of the whole text,
 * found in fewer steps: the other amendments of an element are each
 * merged over the same base, a few words of a long text changed. Where
 * @base has no token that starts at a cut, as where white space takes in
 * what follows it, @side is segmented whole. Returns the count of its
 * characters. */
static guint
tokenize_against (Side          *side,
                  const Side    *base,
                  PangoLanguage *language)
{
  gsize prefix;
  gsize base_suffix;
  gsize side_suffix;
  guint first;
  guint last;
  guint cum;

  _drafting_diff_find_middle (base, side, &prefix, &base_suffix, &side_suffix);
  first = token_at (base, prefix);
  last = token_at (base, base_suffix);
  if (first == G_MAXUINT || last == G_MAXUINT)
    return _drafting_diff_tokenize_region (side, 0, side->len, 0, language);

  g_array_append_vals (side->tokens, base->tokens->data, first);
  cum = _drafting_diff_tokenize_region (side, prefix, side_suffix, side_token (base, first)->cum,
                                        language);
  for (guint i = last; i < base->n; i++)
    {
      Token token = *side_token (base, i);

      token.start = token.start - base_suffix + side_suffix;
      token.cum = token.cum - side_token (base, last)->cum + cum;
      g_array_append_val (side->tokens, token);
    }

  return cum + side_token (base, base->n)->cum - side_token (base, last)->cum;
}

/**
 * drafting_diff_merge3:
 * @base: UTF-8 text: what both changed
 * @ours: @base as one change left it (the text now, an amendment accepted)
 * @theirs: @base as another would change it (a pending amendment)
 * @language: (nullable): their language, a BCP 47 tag, or %NULL
 * @merged: (out) (optional): where to put the text with both changes, or
 *   %NULL on a conflict
 *
 * Applies both changes to @base when they touch different words of it.
 * Each side's change is the word difference of @base and that side (see
 * drafting_diff_words()); the two conflict where they change tokens of the
 * base in common, where both insert at the same place, and where one
 * inserts right before or after what the other replaces or deletes. The
 * same change made on both sides is made once.
 *
 * Returns: whether the changes merge
 */
gboolean
drafting_diff_merge3 (const char  *base,
                      const char  *ours,
                      const char  *theirs,
                      const char  *language,
                      char       **merged)
{
  PangoLanguage *pango_language = _drafting_diff_language_for (language);
  g_autoptr(GArray) our_hunks = NULL;
  g_autoptr(GArray) their_hunks = NULL;
  g_autoptr(GString) out = NULL;
  Interner interner;
  Side sides[3];
  guint i = 0;
  guint j = 0;
  guint position = 0;
  gboolean ok = TRUE;

  if (merged != NULL)
    *merged = NULL;
  g_return_val_if_fail (base != NULL && ours != NULL && theirs != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (base, -1, NULL), FALSE);
  g_return_val_if_fail (g_utf8_validate (ours, -1, NULL), FALSE);
  g_return_val_if_fail (g_utf8_validate (theirs, -1, NULL), FALSE);

  /* Nothing to weigh when one side changed nothing, or both the same. */
  if (strcmp (ours, theirs) == 0 || strcmp (base, theirs) == 0)
    {
      if (merged != NULL)
        *merged = g_strdup (ours);
      return TRUE;
    }
  if (strcmp (base, ours) == 0)
    {
      if (merged != NULL)
        *merged = g_strdup (theirs);
      return TRUE;
    }

  _drafting_diff_side_init (&sides[0], base, strlen (base));
  _drafting_diff_side_init (&sides[1], ours, strlen (ours));
  _drafting_diff_side_init (&sides[2], theirs, strlen (theirs));
  _drafting_diff_side_close (&sides[0], _drafting_diff_tokenize_region (&sides[0], 0, sides[0].len, 0,
                                                                      pango_language));
  for (guint s = 1; s < 3; s++)
    _drafting_diff_side_close (&sides[s], tokenize_against (&sides[s], &sides[0], pango_language));
  _drafting_diff_interner_init (&interner, sides[0].n + sides[1].n + sides[2].n);
  for (guint s = 0; s < 3; s++)
    _drafting_diff_side_intern (&sides[s], &interner);
  g_free (interner.entries);

  our_hunks = hunks_of (&sides[0], &sides[1]);
  their_hunks = hunks_of (&sides[0], &sides[2]);

  out = g_string_sized_new (MAX (sides[1].len, sides[2].len) + 16);
  while (ok && (i < our_hunks->len || j < their_hunks->len))
    {
      const Hunk *x = i < our_hunks->len ? &g_array_index (our_hunks, Hunk, i) : NULL;
      const Hunk *y = j < their_hunks->len ? &g_array_index (their_hunks, Hunk, j) : NULL;

      if (x != NULL && y != NULL && hunks_touch (x, y))
        {
          if (hunks_same (x, y))
            {
              apply_hunk (out, &sides[0], &position, x);
              i++;
              j++;
            }
          else
            ok = FALSE;
        }
      else if (y == NULL || (x != NULL && x->base_end <= y->base_start))
        {
          apply_hunk (out, &sides[0], &position, x);
          i++;
        }
      else
        {
          apply_hunk (out, &sides[0], &position, y);
          j++;
        }
    }

  if (ok)
    {
      gsize from = side_token (&sides[0], position)->start;

      g_string_append_len (out, base + from, sides[0].len - from);
      if (merged != NULL)
        *merged = g_string_free (g_steal_pointer (&out), FALSE);
    }

  for (guint s = 0; s < 3; s++)
    _drafting_diff_side_clear (&sides[s]);

  return ok;
}
