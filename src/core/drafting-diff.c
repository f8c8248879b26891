/* drafting-diff.c: the words two texts differ by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-diff"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "drafting-diff-private.h"

/*
 * How it works.
 *
 * Tokens. A text is cut where Unicode word segmentation (UAX #29, Pango's
 * is_word_boundary) cuts it: a word ("don't", "1.5", "élevé") is one token,
 * each punctuation mark is one, each ideograph is one; runs of white space
 * are joined into one token. In the scripts written without spaces that
 * UAX #29 leaves to a dictionary (Thai, Lao, Khmer, Myanmar), Pango's
 * tailored is_word_start and is_word_end cut the words instead. Equal
 * tokens get equal ids, so that what follows compares integers.
 *
 * Pango takes some 60 ns a character, which would be most of the time
 * of a long difference; so only what differs is segmented. The bytes both
 * texts start and end with are set aside first, cut back to where a word
 * ends before white space, each side as one token. If what remains is
 * long, both are cut into chunks (white space and what follows up to the
 * next) where segmentation of the whole would cut too, and the chunks are
 * compared first (as diff-match-patch compares lines first); long runs of
 * chunks in common, less two chunks at either end, are set aside as one
 * token each, and Pango segments the rest.
 *
 * The difference. Myers's O(ND) algorithm, in linear space: the middle
 * snake found from both ends splits the problem in two, recursively, after
 * the common prefix and suffix are trimmed. The runs set aside, which both
 * texts have once each and in the same order, split it first: the parts
 * between them are compared apart. The search for a middle snake
 * stops at MAX_D edits from either end. Then, if the furthest it got had
 * matched as many tokens as it edited, the texts are alike but long and
 * much changed: they are split there and each part searched again (GNU
 * diff's heuristic: close to the fewest edits, not always them). If not,
 * what remains between the common prefix and suffix is marked deleted and
 * inserted whole. Memory is linear; time is bounded by about
 * (N + M) × MAX_D for each MAX_D edits found.
 *
 * The clean-up, after diff-match-patch's cleanupSemantic, on tokens:
 * equalities no longer than the edits on both of their sides ("the cat" →
 * "a dog": the one space between) become part of the edits; edits between
 * two equalities are merged into one deletion and one insertion, with what
 * those two have in common at either end given back to the equalities; a
 * lone insertion or deletion between two equalities slides sideways, in
 * repeated text ("the the"), to where it begins with a word and ends with
 * white space, as a word processor selects a word to delete. Lengths are
 * weighed in characters.
 */

/* The search for a middle snake gives up beyond this many edits from
 * either end: an edit distance of up to twice as many tokens is found
 * exactly. The first comparison of long texts, chunk by chunk, gives up
 * sooner: it only spares Pango work. */
#define MAX_D 500
#define COARSE_MAX_D 256

/* The ids of the runs a long text has in common with the other, set aside
 * as one token each, count from here. */
#define ID_FIRST_RUN (G_MAXUINT / 2)

/* ------------------------------------------------------------------ */
/* The difference                                                      */

typedef struct
{
  const Side *old;
  const Side *new;
  GArray     *edits;
  guint       a;  /* where the edits pushed so far end */
  guint       b;
  int         max_d;
  int        *v1;
  int        *v2;
} Differ;

static void
push (Differ *differ,
      guint8  op,
      guint   n)
{
  Edit *last = differ->edits->len > 0
               ? &g_array_index (differ->edits, Edit, differ->edits->len - 1)
               : NULL;

  if (n == 0)
    return;
  if (last != NULL && last->op == op)
    last->n += n;
  else
    {
      Edit edit = { op, differ->a, differ->b, n };

      g_array_append_val (differ->edits, edit);
    }
  if (op != DRAFTING_DIFF_INSERT)
    differ->a += n;
  if (op != DRAFTING_DIFF_DELETE)
    differ->b += n;
}

/* Myers's middle snake of old[a0, a0 + n) and new[b0, b0 + m), found from
 * both ends, as diff-match-patch's diff_bisect finds it. */
static gboolean
bisect (Differ *differ,
        guint   a0,
        int     n,
        guint   b0,
        int     m,
        int    *split_x,
        int    *split_y)
{
  const guint *a = differ->old->ids + a0;
  const guint *b = differ->new->ids + b0;
  int max_d = MIN ((n + m + 1) / 2, differ->max_d);
  int v_offset = max_d;
  int v_length = 2 * max_d + 2;
  int *v1 = differ->v1;
  int *v2 = differ->v2;
  int delta = n - m;
  gboolean front = delta % 2 != 0;
  int k1start = 0;
  int k1end = 0;
  int k2start = 0;
  int k2end = 0;

  for (int i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (int d = 0; d < max_d; d++)
    {
      for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          int k1_offset = v_offset + k1;
          int x1;
          int y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          while (x1 < n && y1 < m && a[x1] == b[y1])
            {
              x1++;
              y1++;
            }
          v1[k1_offset] = x1;
          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front)
            {
              int k2_offset = v_offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 &&
                  x1 >= n - v2[k2_offset])
                {
                  *split_x = x1;
                  *split_y = y1;
                  return TRUE;
                }
            }
        }

      for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          int k2_offset = v_offset + k2;
          int x2;
          int y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
            {
              x2++;
              y2++;
            }
          v2[k2_offset] = x2;
          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front)
            {
              int k1_offset = v_offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  int x1 = v1[k1_offset];
                  int y1 = v_offset + x1 - k1_offset;

                  if (x1 >= n - x2)
                    {
                      *split_x = x1;
                      *split_y = y1;
                      return TRUE;
                    }
                }
            }
        }
    }

  /* No middle snake within MAX_D edits. If the furthest the forward search
   * got matched at least as many tokens as it edited on the way there, the
   * texts are alike, only long and much changed: split there, as GNU diff
   * does when a search grows too costly (not the fewest edits, but close).
   * Otherwise they are too different for the search to be worth it. */
  {
    int d = max_d - 1;
    int best = -1;

    for (int k1 = -d + k1start; d >= 0 && k1 <= d - k1end; k1 += 2)
      {
        int x1 = v1[v_offset + k1];
        int y1 = x1 - k1;

        if (x1 >= 0 && x1 <= n && y1 >= 0 && y1 <= m && x1 + y1 > best &&
            !(x1 == n && y1 == m))
          {
            best = x1 + y1;
            *split_x = x1;
            *split_y = y1;
          }
      }

    return best >= 3 * max_d && best > 0;
  }
}

static void
diff_range (Differ *differ,
            guint   a0,
            guint   a1,
            guint   b0,
            guint   b1)
{
  const guint *a = differ->old->ids;
  const guint *b = differ->new->ids;
  guint prefix = 0;
  guint suffix = 0;
  int x = 0;
  int y = 0;

  while (a0 + prefix < a1 && b0 + prefix < b1 && a[a0 + prefix] == b[b0 + prefix])
    prefix++;
  push (differ, DRAFTING_DIFF_EQUAL, prefix);
  a0 += prefix;
  b0 += prefix;
  while (a0 + suffix < a1 && b0 + suffix < b1 && a[a1 - 1 - suffix] == b[b1 - 1 - suffix])
    suffix++;
  a1 -= suffix;
  b1 -= suffix;

  if (a0 == a1 || b0 == b1)
    {
      push (differ, DRAFTING_DIFF_DELETE, a1 - a0);
      push (differ, DRAFTING_DIFF_INSERT, b1 - b0);
    }
  else if (bisect (differ, a0, a1 - a0, b0, b1 - b0, &x, &y))
    {
      diff_range (differ, a0, a0 + x, b0, b0 + y);
      diff_range (differ, a0 + x, a1, b0 + y, b1);
    }
  else
    {
      /* Too different to be worth the search: all of it goes, all of it comes. */
      push (differ, DRAFTING_DIFF_DELETE, a1 - a0);
      push (differ, DRAFTING_DIFF_INSERT, b1 - b0);
    }

  push (differ, DRAFTING_DIFF_EQUAL, suffix);
}

/* ------------------------------------------------------------------ */
/* The clean-up                                                        */

/* The side an edit's tokens are on: the new one for an insertion. */
static inline const Side *
edit_side (const Differ *differ,
           const Edit   *edit)
{
  return edit->op == DRAFTING_DIFF_INSERT ? differ->new : differ->old;
}

static inline guint
edit_start (const Edit *edit)
{
  return edit->op == DRAFTING_DIFF_INSERT ? edit->b : edit->a;
}

/* Its length in characters. */
static guint
edit_chars (const Differ *differ,
            const Edit   *edit)
{
  const Side *side = edit_side (differ, edit);
  guint start = edit_start (edit);

  return side_token (side, start + edit->n)->cum - side_token (side, start)->cum;
}

/* Gives each edit of [@from, @to) the place the one before it ends at. */
static void
renumber (GArray *edits,
          guint   from,
          guint   to)
{
  for (guint i = MAX (from, 1); i < MIN (to, edits->len); i++)
    {
      Edit *previous = edit_at (edits, i - 1);
      Edit *edit = edit_at (edits, i);

      edit->a = previous->a + (previous->op != DRAFTING_DIFF_INSERT ? previous->n : 0);
      edit->b = previous->b + (previous->op != DRAFTING_DIFF_DELETE ? previous->n : 0);
    }
}

static void
append_edit (GArray *edits,
             guint8  op,
             guint   a,
             guint   b,
             guint   n)
{
  Edit edit = { op, a, b, n };

  if (n == 0)
    return;
  if (edits->len > 0 && edit_at (edits, edits->len - 1)->op == op)
    edit_at (edits, edits->len - 1)->n += n;
  else
    g_array_append_val (edits, edit);
}

static void cleanup_merge (Differ *differ);

/* Merges the edits between two equalities into one deletion and one
 * insertion, giving what those have in common at either end back to the
 * equalities; then slides a lone edit sideways where that swallows an
 * equality ("A<ins>BA</ins>C" → "<ins>AB</ins>AC"). As diff-match-patch's
 * cleanupMerge. */
static void
cleanup_merge (Differ *differ)
{
  const guint *a = differ->old->ids;
  const guint *b = differ->new->ids;
  GArray *edits = differ->edits;
  g_autoptr(GArray) merged = g_array_sized_new (FALSE, FALSE, sizeof (Edit), edits->len);
  gboolean changes = FALSE;
  guint i = 0;

  while (i < edits->len)
    {
      Edit *edit = edit_at (edits, i);
      guint run_a = edit->a;
      guint run_b = edit->b;
      guint n_delete = 0;
      guint n_insert = 0;
      guint prefix = 0;
      guint suffix = 0;

      if (edit->op == DRAFTING_DIFF_EQUAL)
        {
          append_edit (merged, DRAFTING_DIFF_EQUAL, edit->a, edit->b, edit->n);
          i++;
          continue;
        }

      for (; i < edits->len && edit_at (edits, i)->op != DRAFTING_DIFF_EQUAL; i++)
        {
          if (edit_at (edits, i)->op == DRAFTING_DIFF_DELETE)
            n_delete += edit_at (edits, i)->n;
          else
            n_insert += edit_at (edits, i)->n;
        }

      if (n_delete > 0 && n_insert > 0)
        {
          while (prefix < MIN (n_delete, n_insert) && a[run_a + prefix] == b[run_b + prefix])
            prefix++;
          append_edit (merged, DRAFTING_DIFF_EQUAL, run_a, run_b, prefix);
          run_a += prefix;
          run_b += prefix;
          n_delete -= prefix;
          n_insert -= prefix;
          while (suffix < MIN (n_delete, n_insert) &&
                 a[run_a + n_delete - 1 - suffix] == b[run_b + n_insert - 1 - suffix])
            suffix++;
          n_delete -= suffix;
          n_insert -= suffix;
        }
      append_edit (merged, DRAFTING_DIFF_DELETE, run_a, run_b, n_delete);
      append_edit (merged, DRAFTING_DIFF_INSERT, run_a + n_delete, run_b, n_insert);
      append_edit (merged, DRAFTING_DIFF_EQUAL, run_a + n_delete, run_b + n_insert, suffix);
    }

  g_array_set_size (edits, 0);
  g_array_append_vals (edits, merged->data, merged->len);

  /* A lone edit between two equalities that one of them repeats. */
  for (i = 1; i + 1 < edits->len; i++)
    {
      Edit *before = edit_at (edits, i - 1);
      Edit *edit = edit_at (edits, i);
      Edit *after = edit_at (edits, i + 1);
      const guint *t;
      guint start;

      if (before->op != DRAFTING_DIFF_EQUAL || after->op != DRAFTING_DIFF_EQUAL)
        continue;
      t = edit_side (differ, edit)->ids;
      start = edit_start (edit);

      if (edit->n >= before->n &&
          same_tokens (t + start + edit->n - before->n, t + start - before->n, before->n))
        {
          /* Slides left: the equality before joins the one after. */
          after->n += before->n;
          edit->a = before->a;
          edit->b = before->b;
          g_array_remove_index (edits, i - 1);
          renumber (edits, i, i + 1);
          changes = TRUE;
        }
      else if (edit->n >= after->n &&
               same_tokens (t + start, t + start + edit->n, after->n))
        {
          /* Slides right: the equality after joins the one before. */
          before->n += after->n;
          g_array_remove_index (edits, i + 1);
          renumber (edits, i, i + 1);
          changes = TRUE;
        }
    }

  if (changes)
    cleanup_merge (differ);
}

/* Makes part of the edits around it any equality no longer than the
 * edits on both of its sides. As diff-match-patch's cleanupSemantic. */
static void
cleanup_semantic (Differ *differ)
{
  GArray *edits = differ->edits;
  g_autoptr(GArray) equalities = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean changes = FALSE;
  gboolean have_equality = FALSE;
  guint equality_chars = 0;
  guint insert_before = 0;
  guint delete_before = 0;
  guint insert_after = 0;
  guint delete_after = 0;

  for (gint64 i = 0; i < (gint64) edits->len; i++)
    {
      Edit *edit = edit_at (edits, (guint) i);

      if (edit->op == DRAFTING_DIFF_EQUAL)
        {
          guint index = (guint) i;

          g_array_append_val (equalities, index);
          insert_before = insert_after;
          delete_before = delete_after;
          insert_after = delete_after = 0;
          equality_chars = edit_chars (differ, edit);
          have_equality = TRUE;
          continue;
        }

      if (edit->op == DRAFTING_DIFF_INSERT)
        insert_after += edit_chars (differ, edit);
      else
        delete_after += edit_chars (differ, edit);

      if (have_equality &&
          equality_chars <= MAX (insert_before, delete_before) &&
          equality_chars <= MAX (insert_after, delete_after))
        {
          guint index = g_array_index (equalities, guint, equalities->len - 1);
          Edit *equality = edit_at (edits, index);
          Edit inserted = { DRAFTING_DIFF_INSERT, equality->a + equality->n, equality->b,
                            equality->n };

          equality->op = DRAFTING_DIFF_DELETE;
          g_array_insert_val (edits, index + 1, inserted);

          /* This equality is gone, and the one before must be weighed again. */
          g_array_set_size (equalities, equalities->len - 1);
          if (equalities->len > 0)
            g_array_set_size (equalities, equalities->len - 1);
          i = equalities->len > 0
              ? (gint64) g_array_index (equalities, guint, equalities->len - 1)
              : -1;
          insert_before = delete_before = insert_after = delete_after = 0;
          have_equality = FALSE;
          changes = TRUE;
        }
    }

  if (changes)
    cleanup_merge (differ);
}

/* How well an edit's edge falls between tokens @left and @right of a side,
 * either of them absent at the ends of the text: best at a blank line,
 * then a line break, then where a word starts after white space, then
 * where one ends before it. */
static int
boundary_score (const Side *side,
                guint       left,
                guint       right)
{
  const Token *l;
  const Token *r;

  if (left == G_MAXUINT || right >= side->n)
    return 7;
  l = side_token (side, left);
  r = side_token (side, right);
  if ((l->flags | r->flags) & FLAG_BLANK_LINE)
    return 6;
  if ((l->flags | r->flags) & FLAG_LINE_BREAK)
    return 5;
  if (l->end_kind == DRAFTING_DIFF_TOKEN_SPACE && r->kind != DRAFTING_DIFF_TOKEN_SPACE)
    return 3;
  if (l->end_kind != DRAFTING_DIFF_TOKEN_SPACE && r->kind == DRAFTING_DIFF_TOKEN_SPACE)
    return 2;
  if (l->end_kind == DRAFTING_DIFF_TOKEN_PUNCTUATION ||
      r->kind == DRAFTING_DIFF_TOKEN_PUNCTUATION)
    return 1;

  return 0;
}

/* Slides each lone edit between two equalities, within the text they
 * repeat, to where its edges score best (the rightmost of equals). As
 * diff-match-patch's cleanupSemanticLossless. */
static void
cleanup_lossless (Differ *differ)
{
  GArray *edits = differ->edits;

  for (guint i = 1; i + 1 < edits->len; i++)
    {
      Edit *before = edit_at (edits, i - 1);
      Edit *edit = edit_at (edits, i);
      Edit *after = edit_at (edits, i + 1);
      const Side *side;
      const guint *t;
      guint start;
      guint left;
      guint right;
      guint shift = 0;
      guint best_shift = 0;
      int best_score;

      if (before->op != DRAFTING_DIFF_EQUAL || after->op != DRAFTING_DIFF_EQUAL)
        continue;
      side = edit_side (differ, edit);
      t = side->ids;
      start = edit_start (edit);

      /* As far left as the equality before repeats the edit's end. */
      for (left = 0; left < MIN (before->n, edit->n); left++)
        if (t[start - 1 - left] != t[start + edit->n - 1 - left])
          break;
      start -= left;
      right = after->n + left;

#define SCORE(s, eq_before, eq_after) \
      (((eq_before) == 0 ? 7 : boundary_score (side, (s) == 0 ? G_MAXUINT : (s) - 1, (s))) + \
       ((eq_after) == 0 ? 7 : boundary_score (side, (s) + edit->n - 1, (s) + edit->n)))

      best_score = SCORE (start, before->n - left, right);
      while (shift < right && t[start + shift] == t[start + shift + edit->n])
        {
          int score;

          shift++;
          score = SCORE (start + shift, before->n - left + shift, right - shift);
          if (score >= best_score)
            {
              best_score = score;
              best_shift = shift;
            }
        }
#undef SCORE

      if (best_shift == left)
        continue;

      before->n = before->n - left + best_shift;
      after->n = right - best_shift;
      renumber (edits, i, i + 2);
      if (after->n == 0)
        g_array_remove_index (edits, i + 1);
      if (before->n == 0)
        {
          g_array_remove_index (edits, i - 1);
          i--;
        }
    }
}

static void
cleanup (Differ *differ)
{
  cleanup_merge (differ);
  cleanup_semantic (differ);
  cleanup_lossless (differ);
  cleanup_merge (differ);
}

/* The difference of all of @differ's sides, not cleaned up. Runs of
 * text set aside as one token, the same in both and in the same order,
 * are taken as fixed points, with the parts between them compared apart. */
static void
diff_all (Differ *differ,
          int     max_d)
{
  const Side *old = differ->old;
  const Side *new = differ->new;
  guint v_size = 2 * MIN ((old->n + new->n + 1) / 2, (guint) max_d) + 2;
  guint a = 0;
  guint b = 0;

  differ->edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  differ->max_d = max_d;
  differ->v1 = g_new (int, v_size);
  differ->v2 = g_new (int, v_size);

  for (;;)
    {
      guint next_a = a;
      guint next_b = b;

      while (next_a < old->n && old->ids[next_a] < ID_FIRST_RUN)
        next_a++;
      while (next_b < new->n && new->ids[next_b] < ID_FIRST_RUN)
        next_b++;
      g_assert ((next_a < old->n) == (next_b < new->n));
      diff_range (differ, a, next_a, b, next_b);
      if (next_a == old->n)
        break;
      g_assert (old->ids[next_a] == new->ids[next_b]);
      push (differ, DRAFTING_DIFF_EQUAL, 1);
      a = next_a + 1;
      b = next_b + 1;
    }

  g_clear_pointer (&differ->v1, g_free);
  g_clear_pointer (&differ->v2, g_free);
}

/* The clean difference of @old and @new, both segmented. */
GArray *
_drafting_diff_sides (const Side *old,
                      const Side *new)
{
  Differ differ = { old, new, NULL, 0, 0, 0, NULL, NULL };

  diff_all (&differ, MAX_D);
  cleanup (&differ);

  return differ.edits;
}

/* ------------------------------------------------------------------ */
/* Segmenting only what differs                                        */

/* Segments a side's text a region at a time, setting aside what both
 * texts have in common at length as one token each. */
typedef struct
{
  Side          *side;
  PangoLanguage *language;
  gsize          from;  /* of what remains to segment */
  guint          cum;   /* characters before @from */
} Segmenter;

static void
segmenter_flush (Segmenter *segmenter,
                 gsize      to)
{
  segmenter->cum = _drafting_diff_tokenize_region (segmenter->side, segmenter->from, to,
                                                   segmenter->cum, segmenter->language);
  segmenter->from = to;
}

static void
segmenter_set_aside (Segmenter *segmenter,
                     gsize      from,
                     gsize      to,
                     guint      id)
{
  const char *text = segmenter->side->text;
  Token *token;

  segmenter_flush (segmenter, from);
  _drafting_diff_add_token (segmenter->side, from, segmenter->cum,
                            _drafting_diff_kind_of_char (text + from), id, FLAG_SET_ASIDE);
  token = side_token (segmenter->side, segmenter->side->tokens->len - 1);
  token->end_kind = _drafting_diff_kind_of_char (g_utf8_find_prev_char (text, text + to));
  segmenter->cum += g_utf8_strlen (text + from, to - from);
  segmenter->from = to;
}

/* The chunks of [@from, @to) of @side's text, cut before white space where
 * is_cut_before_white() allows: their starts as tokens, and @to after. */
static void
chunk_region (Side  *side,
              gsize  from,
              gsize  to)
{
  _drafting_diff_add_token (side, from, 0, DRAFTING_DIFF_TOKEN_WORD, 0, 0);
  for (gsize q = from + 1; q < to; q++)
    if (is_cut_before_white (side->text, q))
      _drafting_diff_add_token (side, q, 0, DRAFTING_DIFF_TOKEN_WORD, 0, 0);
  side->n = side->tokens->len;
  _drafting_diff_add_token (side, to, 0, DRAFTING_DIFF_TOKEN_WORD, 0, 0);
}

/* Segments [@from, @old_to) of @old and [@from, @new_to) of @new, their
 * parts that differ. Where they are long, the chunks of both (a run of
 * white space and what follows up to the next) are compared first, as
 * diff-match-patch compares lines first: a run of COARSE_RUN or more
 * chunks that both have in common, less COARSE_MARGIN chunks at either
 * end, becomes one token, which Pango is spared. The chunks are cut where
 * the segmentation of the whole would cut, so no token changes. */
#define COARSE_BYTES 2048
#define COARSE_MARGIN 2
#define COARSE_RUN (2 * COARSE_MARGIN + 4)

static void
segment_middle (Side          *old,
                Side          *new,
                gsize          from,
                gsize          old_to,
                gsize          new_to,
                guint         *old_cum,
                guint         *new_cum,
                PangoLanguage *language)
{
  Segmenter old_segmenter = { old, language, from, *old_cum };
  Segmenter new_segmenter = { new, language, from, *new_cum };
  Side old_chunks;
  Side new_chunks;
  Interner interner;
  Differ differ = { &old_chunks, &new_chunks, NULL, 0, 0, 0, NULL, NULL };
  guint next_id = ID_FIRST_RUN;

  if (old_to - from < COARSE_BYTES || new_to - from < COARSE_BYTES)
    {
      *old_cum = _drafting_diff_tokenize_region (old, from, old_to, *old_cum, language);
      *new_cum = _drafting_diff_tokenize_region (new, from, new_to, *new_cum, language);
      return;
    }

  _drafting_diff_side_init (&old_chunks, old->text, old_to);
  _drafting_diff_side_init (&new_chunks, new->text, new_to);
  chunk_region (&old_chunks, from, old_to);
  chunk_region (&new_chunks, from, new_to);
  _drafting_diff_interner_init (&interner, old_chunks.n + new_chunks.n);
  _drafting_diff_side_intern (&old_chunks, &interner);
  _drafting_diff_side_intern (&new_chunks, &interner);
  g_free (interner.entries);

  diff_all (&differ, COARSE_MAX_D);

  for (guint i = 0; i < differ.edits->len; i++)
    {
      const Edit *edit = edit_at (differ.edits, i);

      if (edit->op != DRAFTING_DIFF_EQUAL || edit->n < COARSE_RUN)
        continue;
      segmenter_set_aside (&old_segmenter,
                           side_token (&old_chunks, edit->a + COARSE_MARGIN)->start,
                           side_token (&old_chunks, edit->a + edit->n - COARSE_MARGIN)->start,
                           next_id);
      segmenter_set_aside (&new_segmenter,
                           side_token (&new_chunks, edit->b + COARSE_MARGIN)->start,
                           side_token (&new_chunks, edit->b + edit->n - COARSE_MARGIN)->start,
                           next_id);
      next_id++;
    }
  segmenter_flush (&old_segmenter, old_to);
  segmenter_flush (&new_segmenter, new_to);
  *old_cum = old_segmenter.cum;
  *new_cum = new_segmenter.cum;

  g_array_unref (differ.edits);
  _drafting_diff_side_clear (&old_chunks);
  _drafting_diff_side_clear (&new_chunks);
}

/* ------------------------------------------------------------------ */
/* Public                                                              */

/* @edits as spans of bytes. */
static GArray *
edits_to_spans (const Side *old,
                const Side *new,
                GArray     *edits)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (DraftingDiffSpan), edits->len);

  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = edit_at (edits, i);
      guint a_end = edit->a + (edit->op != DRAFTING_DIFF_INSERT ? edit->n : 0);
      guint b_end = edit->b + (edit->op != DRAFTING_DIFF_DELETE ? edit->n : 0);
      DraftingDiffSpan span = {
        edit->op,
        side_token (old, edit->a)->start, side_token (old, a_end)->start,
        side_token (new, edit->b)->start, side_token (new, b_end)->start,
      };

      g_array_append_val (spans, span);
    }

  return spans;
}

/**
 * drafting_diff_words:
 * @old_text: UTF-8 text
 * @new_text: UTF-8 text
 * @language: (nullable): their language, a BCP 47 tag ("en", "fr", "ar"),
 *   or %NULL
 *
 * The difference of two texts, word by word, as a person marks it: a
 * change is a whole word or more, never part of one; a word between two
 * changes that is shorter than both goes with them; where a change could
 * be marked at several places in repeated words, it is marked where it
 * begins with a word and ends with white space.
 *
 * The edits are the fewest there are, up to some 1,000 tokens (words,
 * spaces and marks) between long runs of text in common. Beyond, texts
 * that are alike but much changed get
 * edits close to the fewest, found part by part; texts so different that
 * they share fewer tokens than they differ by are not searched for the
 * little they share: what lies between their common start and end is
 * marked deleted and inserted whole. Two texts of 5,000 words with a few
 * changes take a few milliseconds, and memory in proportion to their
 * length. It can be called from any thread.
 *
 * Returns: (transfer full) (element-type DraftingDiffSpan): the spans, in
 *   reading order (see #DraftingDiffSpan); none for two empty texts
 */
GArray *
drafting_diff_words (const char *old_text,
                     const char *new_text,
                     const char *language)
{
  PangoLanguage *pango_language = _drafting_diff_language_for (language);
  g_autoptr(GArray) edits = NULL;
  Interner interner;
  Side old;
  Side new;
  GArray *spans;
  gsize prefix;
  gsize old_suffix;
  gsize new_suffix;
  guint old_cum;
  guint new_cum;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);

  _drafting_diff_side_init (&old, old_text, strlen (old_text));
  _drafting_diff_side_init (&new, new_text, strlen (new_text));
  if (!g_utf8_validate (old_text, old.len, NULL) || !g_utf8_validate (new_text, new.len, NULL))
    {
      _drafting_diff_side_clear (&old);
      _drafting_diff_side_clear (&new);
      g_return_val_if_reached (NULL);
    }

  _drafting_diff_find_middle (&old, &new, &prefix, &old_suffix, &new_suffix);

  /* The sides set aside, one token each; their lengths in characters are
   * taken to be their lengths in bytes: no edit is ever weighed against
   * them, for there is none before the first or after the last. */
  if (prefix > 0)
    {
      const char *last = g_utf8_find_prev_char (old_text, old_text + prefix);
      guint8 kind = _drafting_diff_kind_of_char (last);

      _drafting_diff_add_token (&old, 0, 0, kind, ID_PREFIX, FLAG_SET_ASIDE);
      _drafting_diff_add_token (&new, 0, 0, kind, ID_PREFIX, FLAG_SET_ASIDE);
    }
  old_cum = new_cum = prefix;
  segment_middle (&old, &new, prefix, old_suffix, new_suffix, &old_cum, &new_cum,
                  pango_language);
  if (old_suffix < old.len)
    {
      guint8 kind = _drafting_diff_kind_of_char (old_text + old_suffix);

      _drafting_diff_add_token (&old, old_suffix, old_cum, kind, ID_SUFFIX, FLAG_SET_ASIDE);
      _drafting_diff_add_token (&new, new_suffix, new_cum, kind, ID_SUFFIX, FLAG_SET_ASIDE);
      old_cum += old.len - old_suffix;
      new_cum += new.len - new_suffix;
    }

  _drafting_diff_side_close (&old, old_cum);
  _drafting_diff_side_close (&new, new_cum);
  _drafting_diff_interner_init (&interner, old.n + new.n);
  _drafting_diff_side_intern (&old, &interner);
  _drafting_diff_side_intern (&new, &interner);
  g_free (interner.entries);

  edits = _drafting_diff_sides (&old, &new);
  spans = edits_to_spans (&old, &new, edits);
  _drafting_diff_side_clear (&old);
  _drafting_diff_side_clear (&new);

  return spans;
}

/**
 * drafting_diff_to_wdiff:
 * @old_text: the old text given to drafting_diff_words()
 * @new_text: the new text given to it
 * @spans: (element-type DraftingDiffSpan): what it returned
 *
 * The difference written as wdiff writes it: the text, deletions between
 * "[-" and "-]" and insertions between "{+" and "+}". Unlike wdiff, it
 * keeps every byte of both texts and nothing else: a replacement is
 * "[-old-]{+new+}", with no space between, and white space that changed
 * is marked as words are.
 *
 * Returns: (transfer full): the marked text
 */
char *
drafting_diff_to_wdiff (const char   *old_text,
                        const char   *new_text,
                        const GArray *spans)
{
  GString *out;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);
  g_return_val_if_fail (spans != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);

      switch (span->op)
        {
        case DRAFTING_DIFF_EQUAL:
          g_string_append_len (out, old_text + span->old_start,
                               span->old_end - span->old_start);
          break;

        case DRAFTING_DIFF_DELETE:
          g_string_append (out, "[-");
          g_string_append_len (out, old_text + span->old_start,
                               span->old_end - span->old_start);
          g_string_append (out, "-]");
          break;

        case DRAFTING_DIFF_INSERT:
          g_string_append (out, "{+");
          g_string_append_len (out, new_text + span->new_start,
                               span->new_end - span->new_start);
          g_string_append (out, "+}");
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}
