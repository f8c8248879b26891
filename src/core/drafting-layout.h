/* drafting-layout.h: a document as it prints, block by block, for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-document.h"
#include "drafting-marked-text.h"

G_BEGIN_DECLS

/**
 * DraftingRunStyle:
 * @DRAFTING_RUN_PLAIN: nothing more than the block's own style
 * @DRAFTING_RUN_EMPHASIS: emphasised, in italics
 * @DRAFTING_RUN_STRONG: strong, in bold
 * @DRAFTING_RUN_NOTE_CALL: a footnote's call, its number as the text shows it
 * @DRAFTING_RUN_LEAD: the leading phrase of a clause ("NOTING")
 *
 * The marks of a stretch of a block's text.
 */
typedef enum /*< flags >*/
{
  DRAFTING_RUN_PLAIN     = 0,
  DRAFTING_RUN_EMPHASIS  = 1 << 0,
  DRAFTING_RUN_STRONG    = 1 << 1,
  DRAFTING_RUN_NOTE_CALL = 1 << 2,
  DRAFTING_RUN_LEAD      = 1 << 3,
} DraftingRunStyle;

/**
 * DraftingLayoutRun:
 * @start: where the run starts in the block's text, in bytes
 * @end: where it ends
 * @style: its marks
 * @change: whether it is a change proposed, inserted or deleted words
 * @amendment: (nullable): the amendment that proposes it, with a change
 * @note: with %DRAFTING_RUN_NOTE_CALL, the index of the footnote called
 *   in the block's notes, or -1 for a call of a footnote printed before
 *
 * A stretch of a block's text of the same marks. The runs of a block
 * follow one another and cover its text.
 */
typedef struct
{
  guint              start;
  guint              end;
  DraftingRunStyle   style;
  DraftingChange     change;
  DraftingAmendment *amendment;
  int                note;
} DraftingLayoutRun;

/**
 * DraftingLayoutAlign:
 * @DRAFTING_LAYOUT_JUSTIFIED: justified, the last line to the start
 * @DRAFTING_LAYOUT_START: to the start of the line, ragged at the end
 * @DRAFTING_LAYOUT_CENTRED: centred
 */
typedef enum
{
  DRAFTING_LAYOUT_JUSTIFIED,
  DRAFTING_LAYOUT_START,
  DRAFTING_LAYOUT_CENTRED,
} DraftingLayoutAlign;

typedef struct _DraftingLayoutBlock DraftingLayoutBlock;

/**
 * DraftingLayoutBlock:
 * @kind: the kind of element it shows, which names its style
 * @id: (nullable): the identifier of the element it shows, or of the
 *   footnote
 * @label: (nullable): the number or bullet hanging before the text
 * @text: the text as it prints: marker, status prefix, leading phrase,
 *   wording and footnote calls
 * @runs: (element-type DraftingLayoutRun): the text's runs
 * @notes: (element-type DraftingLayoutBlock) (nullable): the footnotes the
 *   text calls first, in the order called, then those it holds and does
 *   not call; each with its number as @label. In
 *   drafting_layout_build_proposed()'s blocks, those whose calls are
 *   deleted follow, themselves deleted; a footnote printed after the text
 *   only as proposed is inserted
 * @calls: (element-type guint) (nullable): where in @text each note is
 *   called, in bytes; %G_MAXUINT for a note printed after the text
 * @depth: how deeply an item is nested in other items
 * @label_indent: where the label starts, in points from the start margin
 * @indent: where the text starts
 * @hang: the least room the label takes, from @label_indent to @indent
 * @space_before: the space above the block, in points
 * @align: how its lines are aligned
 * @bold: the whole text in bold
 * @italic: the whole text in italics
 * @uppercase: the whole text in capitals
 * @keep_with_next: on the same page as the first lines of the next block
 * @page_break_before: on a new page
 * @note: a footnote's text
 * @change: the whole block inserted or deleted, as proposed
 * @amendment: (nullable): the amendment that proposes that
 * @old_label: (nullable): in drafting_layout_build_proposed()'s blocks, the
 *   number the element has in the present text, where it is renumbered
 * @label_amendment: (nullable): the amendment that renumbers it
 *
 * One paragraph of the document as it prints. Lengths are in points, on a
 * page of A4 with margins of 2.5 cm; a renderer that measures its label
 * wider than @hang moves the text on.
 */
struct _DraftingLayoutBlock
{
  DraftingKind         kind;
  char                *id;
  char                *label;
  char                *text;
  GArray              *runs;
  GPtrArray           *notes;
  GArray              *calls;
  guint                depth;
  double               label_indent;
  double               indent;
  double               hang;
  double               space_before;
  DraftingLayoutAlign  align;
  guint                bold : 1;
  guint                italic : 1;
  guint                uppercase : 1;
  guint                keep_with_next : 1;
  guint                page_break_before : 1;
  guint                note : 1;
  DraftingChange       change;
  DraftingAmendment   *amendment;
  char                *old_label;
  DraftingAmendment   *label_amendment;
};

void drafting_layout_block_free (DraftingLayoutBlock *block);

typedef struct _DraftingLayout DraftingLayout;

DraftingLayout      *drafting_layout_new          (DraftingDocument *document);
DraftingLayout      *drafting_layout_new_tracked  (DraftingDocument   *document,
                                                   const char * const *delegations);
void                 drafting_layout_free         (DraftingLayout   *self);
DraftingDocument    *drafting_layout_get_document (DraftingLayout   *self);
DraftingLayoutBlock *drafting_layout_next         (DraftingLayout   *self);
GPtrArray           *drafting_layout_build_all    (DraftingDocument *document);
GPtrArray           *drafting_layout_build_proposed (DraftingDocument   *document,
                                                     const char * const *delegations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingLayoutBlock, drafting_layout_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingLayout, drafting_layout_free)

G_END_DECLS
