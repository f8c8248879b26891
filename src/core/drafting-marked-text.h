/* drafting-marked-text.h: text with the words a change inserts and deletes marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DraftingChange:
 * @DRAFTING_CHANGE_NONE: text as it stands
 * @DRAFTING_CHANGE_INSERTED: text a change adds
 * @DRAFTING_CHANGE_DELETED: text a change takes away
 */
typedef enum
{
  DRAFTING_CHANGE_NONE,
  DRAFTING_CHANGE_INSERTED,
  DRAFTING_CHANGE_DELETED,
} DraftingChange;

/**
 * DraftingMarkedRun:
 * @change: what the change does to the run's text
 * @start: the first byte of the run in the text
 * @end: the byte after its last
 * @author: (nullable): who made the change (a delegation), interned
 * @amendment: (nullable): the identifier of the amendment, interned
 *
 * A stretch of changed text. Runs never hold a line break: a change over
 * several lines is a run on each.
 */
typedef struct
{
  DraftingChange  change;
  gsize           start;
  gsize           end;
  const char     *author;
  const char     *amendment;
} DraftingMarkedRun;

typedef struct _DraftingMarkedText DraftingMarkedText;

/**
 * DraftingMarkedSegmentFunc:
 * @text: the start of the segment
 * @length: its length in bytes; 0 for an empty line
 * @change: what the change does to it
 * @line_ends: whether a line ends after it
 * @user_data: what was given to drafting_marked_text_foreach_segment()
 *
 * A stretch of a marked text of one change, within one line.
 */
typedef void (*DraftingMarkedSegmentFunc) (const char     *text,
                                           gsize           length,
                                           DraftingChange  change,
                                           gboolean        line_ends,
                                           gpointer        user_data);

DraftingMarkedText      *drafting_marked_text_new          (void);
void                     drafting_marked_text_free         (DraftingMarkedText *self);
const char              *drafting_marked_text_get_text     (DraftingMarkedText *self);
gsize                    drafting_marked_text_get_length   (DraftingMarkedText *self);
guint                    drafting_marked_text_get_n_runs   (DraftingMarkedText *self);
const DraftingMarkedRun *drafting_marked_text_get_run      (DraftingMarkedText *self,
                                                            guint               index);
void                     drafting_marked_text_append       (DraftingMarkedText *self,
                                                            const char         *text,
                                                            gssize              length,
                                                            DraftingChange      change,
                                                            const char         *author,
                                                            const char         *amendment);
void                     drafting_marked_text_append_marked (DraftingMarkedText *self,
                                                             DraftingMarkedText *other);
void                     drafting_marked_text_append_diff  (DraftingMarkedText *self,
                                                            const char         *old_text,
                                                            const char         *new_text,
                                                            const char         *language,
                                                            const char         *author,
                                                            const char         *amendment);
gboolean                 drafting_marked_text_has_changes  (DraftingMarkedText *self);
void                     drafting_marked_text_foreach_segment (DraftingMarkedText        *self,
                                                               DraftingMarkedSegmentFunc  func,
                                                               gpointer                   user_data);
char                    *drafting_marked_text_to_wdiff     (DraftingMarkedText *self);
char                    *drafting_marked_text_to_plain     (DraftingMarkedText *self,
                                                            DraftingChange      leave_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingMarkedText, drafting_marked_text_free)

G_END_DECLS
