/* drafting-element-row-private.h: what the element row's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-element-row.h"

G_BEGIN_DECLS

struct _DraftingElementRow
{
  GtkWidget      parent_instance;

  DraftingNode  *node;            /* bound, or NULL */
  DraftingNode  *shown;           /* the element the buffer holds the text of */
  guint          shown_revision;
  char          *shown_prefix;
  GtkLabel      *label;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag    *decoration_tag;
  GtkTextTag    *emphasis_tag;
  GtkTextTag    *strong_tag;
  GtkTextTag    *match_tag;
  GtkTextTag    *current_match_tag;
  GPtrArray     *ref_tags;        /* a tag a footnote call, naming it */
  DraftingTracking *tracking;     /* the marks shown instead of the text, or NULL */
  char          *marked_key;      /* what the marks shown are, to compare, or NULL */
  char          *proposer;        /* the delegation typing proposes for, or NULL */
  char          *proposer_name;

  /* drafting-element-row-spelling.c */
  DraftingSpellCache *spell_cache; /* the document's, while spelling is checked */
  GtkTextTag    *spell_tag;
  GMenu         *menu;            /* the text view's extra menu: spelling, then the view's */
  GMenu         *spell_menu;      /* the spelling's sections of it, while it has them */
  char          *spell_word;      /* the misspelt word the menu is for */
  guint          spell_start;
  guint          spell_end;
  guint          spell_source;    /* checking again once typing pauses */

  guint          prefix_chars;    /* of the leading phrase and its space */
  gunichar       last_typed;

  guint          loading : 1;
  guint          pasting : 1;
  guint          editable : 1;
  guint          cursor_unplaced : 1;
  guint          hide_cursor_on_focus : 1;
  guint          highlighted : 1;
  guint          spell_in_lead : 1;
  guint          spell_marked : 1;
};

/* drafting-element-row.c */
gboolean    _drafting_element_row_is_decoration     (DraftingElementRow *self,
                                                     const GtkTextIter  *iter);
void        _drafting_element_row_insert_decoration (DraftingElementRow *self,
                                                     GtkTextIter        *iter,
                                                     const char         *text,
                                                     GtkTextTag         *extra);
const char *_drafting_element_row_ref_at            (DraftingElementRow *self,
                                                     const GtkTextIter  *iter);
void        _drafting_element_row_leave             (DraftingElementRow *self,
                                                     DraftingDirection   direction);
void        _drafting_element_row_iter_at_offset    (DraftingElementRow *self,
                                                     gboolean            in_lead,
                                                     guint               offset,
                                                     GtkTextIter        *iter);

/* drafting-element-row-editing.c */
void     _drafting_element_row_on_insert_text     (GtkTextBuffer         *buffer,
                                                   GtkTextIter           *location,
                                                   const char            *text,
                                                   int                    len,
                                                   DraftingElementRow    *self);
void     _drafting_element_row_on_buffer_changed  (GtkTextBuffer         *buffer,
                                                   DraftingElementRow    *self);
void     _drafting_element_row_on_paste_clipboard (GtkTextView           *text_view,
                                                   DraftingElementRow    *self);
gboolean _drafting_element_row_on_key_pressed     (GtkEventControllerKey *controller,
                                                   guint                  keyval,
                                                   guint                  keycode,
                                                   GdkModifierType        state,
                                                   DraftingElementRow    *self);

/* drafting-element-row-spelling.c */
void     _drafting_element_row_init_spelling      (DraftingElementRow    *self);
void     _drafting_element_row_dispose_spelling   (DraftingElementRow    *self);
void     _drafting_element_row_queue_spelling     (DraftingElementRow    *self);
void     _drafting_element_row_class_init_spelling (GtkWidgetClass       *widget_class);

/* drafting-element-row-amendments.c */
DraftingAmendment *_drafting_element_row_own_proposal     (DraftingElementRow   *self);
void               _drafting_element_row_load_marked      (DraftingElementRow   *self,
                                                           GtkTextIter          *iter);
void               _drafting_element_row_propose_wording  (DraftingElementRow   *self,
                                                           DraftingDocument     *document,
                                                           const char           *lead,
                                                           const DraftingInline *content,
                                                           gboolean              coalesce);
gboolean           _drafting_element_row_on_query_tooltip (GtkWidget            *widget,
                                                           int                   x,
                                                           int                   y,
                                                           gboolean              keyboard,
                                                           GtkTooltip           *tooltip,
                                                           DraftingElementRow   *self);

G_END_DECLS
