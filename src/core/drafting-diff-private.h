/* drafting-diff-private.h: what the parts of the difference engine share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <pango/pango.h>

#include "drafting-diff.h"

G_BEGIN_DECLS

enum
{
  FLAG_LINE_BREAK = 1 << 0,
  FLAG_BLANK_LINE = 1 << 1,
  FLAG_SET_ASIDE = 1 << 2,   /* the start or end both texts share, as one token */
};

/* The ids of the two sides set aside, the same in both texts. */
enum
{
  ID_PREFIX,
  ID_SUFFIX,
  ID_FIRST,
};

typedef struct
{
  gsize  start;  /* in bytes; the token ends where the next starts */
  guint  cum;    /* characters in the tokens before this one */
  guint  id;
  guint8 kind;   /* DraftingDiffTokenKind, of its first character */
  guint8 end_kind;  /* and of its last */
  guint8 flags;
} Token;

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *tokens;  /* of Token, and a last one that starts at len */
  guint      *ids;
  guint       n;       /* tokens, the last one left out */
} Side;

typedef struct
{
  guint8 op;  /* DraftingDiffOp */
  guint  a;   /* where the edit starts in the old tokens */
  guint  b;   /* and in the new */
  guint  n;   /* tokens */
} Edit;

/* Equal tokens, equal ids: an open-addressing table of the tokens' bytes. */
typedef struct
{
  const char *bytes;
  gsize       len;
  guint       hash;
  guint       id;
} Entry;

typedef struct
{
  Entry *entries;
  gsize  mask;
  guint  next_id;
} Interner;

/* Inline, for the inner loops of every part call them. */
static inline Token *
side_token (const Side *side,
            guint       i)
{
  return &g_array_index (side->tokens, Token, i);
}

static inline Edit *
edit_at (GArray *edits,
         guint   i)
{
  return &g_array_index (edits, Edit, i);
}

static inline gboolean
same_tokens (const guint *x,
             const guint *y,
             guint        n)
{
  return memcmp (x, y, n * sizeof (guint)) == 0;
}

/* drafting-diff-tokens.c */
void _drafting_diff_side_init (Side       *side,
                               const char *text,
                               gsize       len);
void _drafting_diff_side_clear (Side *side);
void _drafting_diff_add_token (Side  *side,
                               gsize  start,
                               guint  cum,
                               guint8 kind,
                               guint  id,
                               guint8 flags);
guint _drafting_diff_tokenize_region (Side          *side,
                                      gsize          from,
                                      gsize          to,
                                      guint          cum,
                                      PangoLanguage *language);
void _drafting_diff_side_close (Side  *side,
                                guint  cum);
void _drafting_diff_interner_init (Interner *interner,
                                   gsize     n_tokens);
void _drafting_diff_side_intern (Side     *side,
                                 Interner *interner);
gboolean _drafting_diff_char_is_plain_before (const char *text,
                                              gsize       pos);
guint8 _drafting_diff_kind_of_char (const char *p);
void _drafting_diff_find_middle (const Side *old,
                                 const Side *new,
                                 gsize      *prefix,
                                 gsize      *old_suffix,
                                 gsize      *new_suffix);
PangoLanguage *_drafting_diff_language_for (const char *language);

/* Whether the text can be cut at @pos, before ASCII white space, and each
 * part segmented alone as it would be in the whole: no rule of UAX #29
 * joins anything to white space that follows something plain. */
static inline gboolean
is_cut_before_white (const char *text,
                     gsize       pos)
{
  return (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t') &&
         _drafting_diff_char_is_plain_before (text, pos);
}

/* drafting-diff.c */
GArray *_drafting_diff_sides (const Side *old,
                              const Side *new);

G_END_DECLS
