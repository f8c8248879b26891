/* drafting-diff.h: the words two texts differ by, and a three-way merge of changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DraftingDiffTokenKind:
 * @DRAFTING_DIFF_TOKEN_WORD: a word, as Unicode word segmentation (UAX #29)
 *   finds it: "Customs", "don't", "1.5", "élevé", "таможенного"; each
 *   ideograph of Chinese or Japanese on its own
 * @DRAFTING_DIFF_TOKEN_PUNCTUATION: one punctuation mark or symbol (with the
 *   combining marks that follow it)
 * @DRAFTING_DIFF_TOKEN_SPACE: a run of white space, line breaks included
 *
 * What a token of a text is: the unit the difference engine compares. A
 * change is never marked inside a token.
 */
typedef enum
{
  DRAFTING_DIFF_TOKEN_WORD,
  DRAFTING_DIFF_TOKEN_PUNCTUATION,
  DRAFTING_DIFF_TOKEN_SPACE,
} DraftingDiffTokenKind;

/**
 * DraftingDiffToken:
 * @kind: what the token is
 * @start: its first byte in the text
 * @end: the byte after its last
 */
typedef struct
{
  DraftingDiffTokenKind kind;
  gsize                 start;
  gsize                 end;
} DraftingDiffToken;

/**
 * DraftingDiffOp:
 * @DRAFTING_DIFF_EQUAL: text both have
 * @DRAFTING_DIFF_DELETE: text of the old one that the new one has not
 * @DRAFTING_DIFF_INSERT: text of the new one that the old one had not
 */
typedef enum
{
  DRAFTING_DIFF_EQUAL,
  DRAFTING_DIFF_DELETE,
  DRAFTING_DIFF_INSERT,
} DraftingDiffOp;

/**
 * DraftingDiffSpan:
 * @op: what the span is
 * @old_start: where it starts in the old text, in bytes
 * @old_end: where it ends there
 * @new_start: where it starts in the new text, in bytes
 * @new_end: where it ends there
 *
 * One piece of a difference, with its place in both texts, so that the
 * changes can be drawn over either. An EQUAL span has the same text at
 * [@old_start, @old_end) and at [@new_start, @new_end). A DELETE span's
 * text is [@old_start, @old_end) of the old text, and @new_start ==
 * @new_end is where it was in the new one; an INSERT span's text is
 * [@new_start, @new_end) of the new text, and @old_start == @old_end is
 * where it goes in the old one.
 *
 * Spans come in reading order and cover both texts without gap or overlap:
 * the EQUAL and DELETE spans, in order, are the old text, and the EQUAL and
 * INSERT spans the new one. No two neighbours are of one kind, and where
 * text is replaced, the DELETE span comes before the INSERT span that
 * replaces it.
 */
typedef struct
{
  DraftingDiffOp op;
  gsize          old_start;
  gsize          old_end;
  gsize          new_start;
  gsize          new_end;
} DraftingDiffSpan;

GArray   *drafting_diff_tokenize (const char   *text,
                                  const char   *language);
GArray   *drafting_diff_words    (const char   *old_text,
                                  const char   *new_text,
                                  const char   *language);
char     *drafting_diff_to_wdiff (const char   *old_text,
                                  const char   *new_text,
                                  const GArray *spans);
gboolean  drafting_diff_merge3   (const char   *base,
                                  const char   *ours,
                                  const char   *theirs,
                                  const char   *language,
                                  char        **merged);

G_END_DECLS
