/* drafting-inline.h: the text of an element, with its emphasis and footnote references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_INLINE (drafting_inline_get_type ())

typedef enum
{
  DRAFTING_MARK_EMPHASIS,     /* italic: *de minimis* */
  DRAFTING_MARK_STRONG,       /* bold */
  DRAFTING_MARK_FOOTNOTE_REF, /* an empty mark where a footnote is called */
} DraftingMarkKind;

/**
 * DraftingMark:
 * @kind: what the mark is
 * @start: where it starts, in bytes from the start of the text
 * @end: where it ends; equal to @start for a footnote reference
 * @ref: for a footnote reference, the identifier of the footnote
 */
typedef struct
{
  DraftingMarkKind  kind;
  guint             start;
  guint             end;
  char             *ref;
} DraftingMark;

typedef struct _DraftingInline DraftingInline;

/**
 * DraftingRunFunc:
 * @start: byte offset where the run starts
 * @end: byte offset where it ends; equal to @start for a footnote call
 * @emphasis: whether the run is emphasised
 * @strong: whether the run is strong
 * @ref: (nullable): for a footnote call, the footnote's identifier
 * @user_data: what was given to drafting_inline_foreach_run()
 *
 * One stretch of text of the same styles, or a footnote call.
 */
typedef void (*DraftingRunFunc) (guint       start,
                                 guint       end,
                                 gboolean    emphasis,
                                 gboolean    strong,
                                 const char *ref,
                                 gpointer    user_data);

GType               drafting_inline_get_type        (void) G_GNUC_CONST;
DraftingInline     *drafting_inline_new             (const char            *text);
DraftingInline     *drafting_inline_copy            (const DraftingInline  *self);
void                drafting_inline_assign          (DraftingInline        *self,
                                                     const DraftingInline  *other);
void                drafting_inline_free            (DraftingInline        *self);
gboolean            drafting_inline_equal           (const DraftingInline  *a,
                                                     const DraftingInline  *b);
const char         *drafting_inline_get_text        (const DraftingInline  *self);
gsize               drafting_inline_get_length      (const DraftingInline  *self);
gboolean            drafting_inline_is_empty        (const DraftingInline  *self);
guint               drafting_inline_get_n_marks     (const DraftingInline  *self);
const DraftingMark *drafting_inline_get_mark        (const DraftingInline  *self,
                                                     guint                  index);
void                drafting_inline_add_mark        (DraftingInline        *self,
                                                     DraftingMarkKind       kind,
                                                     guint                  start,
                                                     guint                  end,
                                                     const char            *ref);
void                drafting_inline_remove_style    (DraftingInline        *self,
                                                     DraftingMarkKind       kind,
                                                     guint                  start,
                                                     guint                  end);
gboolean            drafting_inline_has_style       (const DraftingInline  *self,
                                                     DraftingMarkKind       kind,
                                                     guint                  start,
                                                     guint                  end);
void                drafting_inline_remove_ref      (DraftingInline        *self,
                                                     const char            *ref);
gboolean            drafting_inline_has_ref         (const DraftingInline  *self,
                                                     const char            *ref);
void                drafting_inline_insert          (DraftingInline        *self,
                                                     guint                  offset,
                                                     const char            *text,
                                                     gssize                 len);
void                drafting_inline_delete          (DraftingInline        *self,
                                                     guint                  start,
                                                     guint                  end);
void                drafting_inline_append          (DraftingInline        *self,
                                                     const DraftingInline  *other);
DraftingInline     *drafting_inline_split           (DraftingInline        *self,
                                                     guint                  offset);
void                drafting_inline_strip           (DraftingInline        *self);
void                drafting_inline_foreach_run     (const DraftingInline  *self,
                                                     DraftingRunFunc        func,
                                                     gpointer               user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingInline, drafting_inline_free)

G_END_DECLS
