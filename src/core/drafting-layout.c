/* drafting-layout.c: a document as it prints, block by block, for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-layout.h"

#include "drafting-render.h"
#include "drafting-text-utils.h"
#include "drafting-tracking.h"

/*
 * What is bold, centred, in capitals, numbered, kept with what follows or
 * put on a new page is decided here, once, for the printed page, the PDF
 * and every export: each element of the document, in reading order,
 * becomes a block, a paragraph with its role (the element's kind), the
 * number hanging before it, its text as it prints (markers such as
 * "PRINCIPLE I –" and "ANNEX", the status prefix, the leading phrase and
 * the footnote calls, by the core's rendering rules, which the window's
 * rows follow as well), the runs of that text with their marks, and the
 * footnotes it calls. A renderer turns the blocks into lines; it decides
 * nothing of its own but how to measure them.
 *
 * The rules, as a WCO document prints:
 *  - the heading lines bold, centred and in capitals, one after another;
 *    the place and date, and the occasion of a communiqué, centred; the
 *    title bold and centred; all of them kept with what follows;
 *  - the authority ("THE CUSTOMS CO-OPERATION COUNCIL,") ragged, and the
 *    formulas ("RESOLVES:") kept with the paragraph after them;
 *  - an annex on a new page, "ANNEX" above its title, bold and centred;
 *  - a principle's "PRINCIPLE I –" run in, bold; a section in italics with
 *    its number; both kept with what follows;
 *  - numbered paragraphs and items with their number hanging in a column
 *    of its own, what they hold indented under their text; an unnumbered
 *    paragraph's children indented by a step;
 *  - the rest justified.
 *
 * In the tracked form, the open amendments are marked as the window's
 * marked view marks them (drafting-tracking.c): the words one amendment
 * inserts and deletes in an element, each run saying which amendment; an
 * element deleted or moved away, all deleted; each of several rewordings
 * of an element, a block of its own after it, "[Delegation]" and the
 * words it changes; a new element, or one moved there, a block inserted
 * where it would go, without a number.
 *
 * The blocks are made one at a time, the elements walked with a stack of
 * their own, so that a renderer can stop between two and go on later, as
 * pagination does in slices between two turns of the main loop. The
 * document is read as it is: it must not change until the last block is
 * made, which a snapshot ensures.
 */

#define MM(x)              ((x) * 72.0 / 25.4)

#define NUMBER_HANG        MM (12)     /* from a number to the text after it */
#define BULLET_HANG        MM (7)
#define CHILD_INDENT       MM (10)     /* of what an unnumbered paragraph holds */
#define PARAGRAPH_SPACE    11.0
#define ITEM_SPACE         6.0
#define NESTED_ITEM_SPACE  3.0
#define HEADING_SPACE      22.0

/* An element whose children are being turned into blocks. */
typedef struct
{
  DraftingNode *parent;
  guint         next;            /* the child to turn into a block next */
  double        base;            /* where the children's blocks start */
  guint         depth;           /* how deep in items the children are */
  double        parent_base;     /* where the parent's own block starts */
} Frame;

struct _DraftingLayout
{
  DraftingDocument *document;
  DraftingTracking *tracking;    /* the open amendments, in the tracked form */
  GArray           *frames;      /* Frame: where building has got to */
  GQueue            pending;     /* DraftingLayoutBlock *: made, not yet asked for */
  GPtrArray        *proposals;   /* the rewordings of the element laid out last */
  gboolean          started;     /* a block has been made */
  double            space_after; /* what the last block asks below it */
  DraftingKind      previous;    /* the kind of the last block */
};

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

/**
 * drafting_layout_block_free:
 *
 * Frees @block, its notes with it.
 */
void
drafting_layout_block_free (DraftingLayoutBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->id);
  g_free (block->label);
  g_free (block->text);
  if (block->runs != NULL)
    {
      for (guint i = 0; i < block->runs->len; i++)
        g_clear_object (&g_array_index (block->runs, DraftingLayoutRun, i).amendment);
      g_array_unref (block->runs);
    }
  g_clear_pointer (&block->notes, g_ptr_array_unref);
  g_clear_pointer (&block->calls, g_array_unref);
  g_clear_object (&block->amendment);
  g_free (block->old_label);
  g_clear_object (&block->label_amendment);
  g_free (block);
}

static DraftingLayoutBlock *
block_new (DraftingKind kind)
{
  DraftingLayoutBlock *block = g_new0 (DraftingLayoutBlock, 1);

  block->kind = kind;
  /* Room for the few runs most blocks have, made at once. */
  block->runs = g_array_sized_new (FALSE, FALSE, sizeof (DraftingLayoutRun), 4);
  block->align = DRAFTING_LAYOUT_JUSTIFIED;

  return block;
}

/* Text of @style, inserted or deleted by @amendment as @change says,
 * after what @text holds so far, as a run of its own or as more of the
 * last one. */
static void
append_changed_run (DraftingLayoutBlock *block,
                    GString             *text,
                    const char          *added,
                    gssize               length,
                    DraftingRunStyle     style,
                    DraftingChange       change,
                    DraftingAmendment   *amendment,
                    int                  note)
{
  DraftingLayoutRun *last = block->runs->len > 0
                            ? &g_array_index (block->runs, DraftingLayoutRun, block->runs->len - 1)
                            : NULL;
  guint start = text->len;

  g_string_append_len (text, added, length < 0 ? (gssize) strlen (added) : length);
  if (text->len == start)
    return;

  if (last != NULL && last->end == start && last->style == style &&
      !(style & DRAFTING_RUN_NOTE_CALL) && last->change == change && last->amendment == amendment)
    {
      last->end = text->len;
      return;
    }

  g_array_append_val (block->runs, ((DraftingLayoutRun) {
    .start = start,
    .end = text->len,
    .style = style,
    .change = change,
    .amendment = amendment != NULL ? g_object_ref (amendment) : NULL,
    .note = note,
  }));
}

static void
append_run (DraftingLayoutBlock *block,
            GString             *text,
            const char          *added,
            gssize               length,
            DraftingRunStyle     style,
            int                  note)
{
  append_changed_run (block, text, added, length, style, DRAFTING_CHANGE_NONE, NULL, note);
}

typedef struct
{
  DraftingNode        *node;      /* whose wording it is, which calls its footnotes */
  DraftingLayoutBlock *block;
  GString             *text;
  const char          *source;
  GPtrArray           *called;    /* DraftingNode *: the footnotes already called */
  DraftingChange       change;    /* of the whole wording, as proposed */
  DraftingAmendment   *amendment;
} RunState;

static void add_wording (DraftingLayoutBlock *block,
                         GString             *text,
                         DraftingNode        *node,
                         GPtrArray           *called);

static DraftingLayoutBlock *
note_new (DraftingNode *footnote)
{
  DraftingLayoutBlock *note = block_new (DRAFTING_KIND_FOOTNOTE);
  GString *text = g_string_new (NULL);

  note->id = g_strdup (drafting_node_get_id (footnote));
  note->label = drafting_render_marker (footnote, NULL);
  note->note = TRUE;
  add_wording (note, text, footnote, NULL);
  note->text = g_string_free (text, FALSE);

  return note;
}

static void
add_note (DraftingLayoutBlock *block,
          DraftingNode        *footnote,
          guint                call)
{
  if (block->notes == NULL)
    {
      block->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_layout_block_free);
      block->calls = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_ptr_array_add (block->notes, note_new (footnote));
  g_array_append_val (block->calls, call);
}

static void
add_run (guint       start,
         guint       end,
         gboolean    emphasis,
         gboolean    strong,
         const char *ref,
         gpointer    user_data)
{
  RunState *state = user_data;
  DraftingRunStyle style = (emphasis ? DRAFTING_RUN_EMPHASIS : 0) | (strong ? DRAFTING_RUN_STRONG : 0);

  if (ref != NULL && state->node == NULL)
    return;
  if (ref != NULL)
    {
      DraftingNode *footnote = NULL;
      g_autofree char *call = drafting_render_footnote_call (state->node, ref, &footnote);
      guint at = state->text->len;
      int note = -1;

      if (call == NULL)
        return;

      /* A footnote called twice prints once, where it is first called. */
      if (state->called != NULL && !g_ptr_array_find (state->called, footnote, NULL))
        {
          g_ptr_array_add (state->called, footnote);
          note = state->block->notes != NULL ? (int) state->block->notes->len : 0;
          add_note (state->block, footnote, at);
        }
      append_changed_run (state->block, state->text, call, -1, DRAFTING_RUN_NOTE_CALL,
                          state->change, state->amendment, note);
      return;
    }

  append_changed_run (state->block, state->text, state->source + start, end - start, style,
                      state->change, state->amendment, -1);
}

/* The wording of @node, with its emphasis and its footnote calls; @called
 * is %NULL for a footnote's own text, whose calls have no note. */
static void
add_wording (DraftingLayoutBlock *block,
             GString             *text,
             DraftingNode        *node,
             GPtrArray           *called)
{
  const DraftingInline *content = drafting_node_get_content (node);
  RunState state = { node, block, text, drafting_inline_get_text (content), called,
                     DRAFTING_CHANGE_NONE, NULL };

  drafting_inline_foreach_run (content, add_run, &state);
}

/* @content, all inserted by @amendment, its footnote calls left out. */
static void
add_inserted_wording (DraftingLayoutBlock  *block,
                      GString              *text,
                      const DraftingInline *content,
                      DraftingAmendment    *amendment)
{
  RunState state = { NULL, block, text, drafting_inline_get_text (content), NULL,
                     DRAFTING_CHANGE_INSERTED, amendment };

  drafting_inline_foreach_run (content, add_run, &state);
}

/* The whole of @node's text as it prints, after @before, status prefix
 * and leading phrase included, with the notes it calls; footnotes among
 * its children that it does not call print after it all the same. */
static void
block_set_content (DraftingLayoutBlock *block,
                   DraftingNode        *node,
                   const char          *before)
{
  g_autoptr(GPtrArray) called = g_ptr_array_new ();
  g_autofree char *prefix = drafting_render_prefix (node);
  const char *lead = drafting_node_get_lead (node);
  const DraftingInline *content = drafting_node_get_content (node);
  const char *source = drafting_inline_get_text (content);
  /* The text's length, give or take a few footnote calls, at once. */
  GString *text = g_string_sized_new ((before != NULL ? strlen (before) : 0) + strlen (prefix) +
                                      (lead != NULL ? strlen (lead) : 0) +
                                      drafting_inline_get_length (content) + 16);

  if (before != NULL)
    append_run (block, text, before, -1, DRAFTING_RUN_PLAIN, -1);
  append_run (block, text, prefix, -1, DRAFTING_RUN_PLAIN, -1);
  append_run (block, text, lead, -1, DRAFTING_RUN_LEAD, -1);
  append_run (block, text, drafting_text_lead_separator (lead, source), -1, DRAFTING_RUN_PLAIN, -1);
  add_wording (block, text, node, called);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE &&
          !g_ptr_array_find (called, child, NULL))
        add_note (block, child, G_MAXUINT);
    }

  g_free (block->text);
  block->text = g_string_free (text, FALSE);
}

/* @marked after what @text holds, its runs with their changes. */
static void
append_marked (DraftingLayout      *self,
               DraftingLayoutBlock *block,
               GString             *text,
               DraftingMarkedText  *marked)
{
  const char *source = drafting_marked_text_get_text (marked);
  gsize at = 0;

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);
      DraftingAmendment *amendment = NULL;

      if (run->start > at)
        append_run (block, text, source + at, run->start - at, DRAFTING_RUN_PLAIN, -1);
      if (run->amendment != NULL)
        amendment = drafting_document_lookup_amendment (self->document, run->amendment);
      append_changed_run (block, text, source + run->start, run->end - run->start,
                          DRAFTING_RUN_PLAIN, amendment != NULL ? run->change : DRAFTING_CHANGE_NONE,
                          amendment, -1);
      at = run->end;
    }
  if (at < drafting_marked_text_get_length (marked))
    append_run (block, text, source + at, drafting_marked_text_get_length (marked) - at,
                DRAFTING_RUN_PLAIN, -1);
}

/* The amendment that deletes all of @marked, if one does. */
static DraftingAmendment *
deleting_all (DraftingLayout     *self,
              DraftingMarkedText *marked)
{
  const char *id = NULL;

  if (drafting_marked_text_get_n_runs (marked) == 0)
    return NULL;
  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);

      if (run->change != DRAFTING_CHANGE_DELETED || run->amendment == NULL ||
          (id != NULL && strcmp (id, run->amendment) != 0))
        return NULL;
      id = run->amendment;
    }

  return drafting_document_lookup_amendment (self->document, id);
}

/* The tracked form of block_set_content(): @node's text as the marked
 * view shows it, its footnotes after it; the rewordings it does not show
 * are left in @self->proposals. */
static void
block_set_tracked (DraftingLayout      *self,
                   DraftingLayoutBlock *block,
                   DraftingNode        *node,
                   const char          *before)
{
  g_autoptr(DraftingMarkedText) marked = NULL;
  DraftingAmendment *deleting;
  GString *text = g_string_new (NULL);

  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  marked = drafting_tracking_mark_element (self->tracking, node, &self->proposals);

  if (before != NULL)
    append_run (block, text, before, -1, DRAFTING_RUN_PLAIN, -1);
  append_marked (self, block, text, marked);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE)
        add_note (block, child, G_MAXUINT);
    }

  if ((deleting = deleting_all (self, marked)) != NULL)
    {
      block->change = DRAFTING_CHANGE_DELETED;
      g_set_object (&block->amendment, deleting);
    }

  g_free (block->text);
  block->text = g_string_free (text, FALSE);
}

static void
set_content (DraftingLayout      *self,
             DraftingLayoutBlock *block,
             DraftingNode        *node,
             const char          *before)
{
  if (self->tracking != NULL)
    block_set_tracked (self, block, node, before);
  else
    block_set_content (block, node, before);
}

/* The plain text @text, as a block's whole text. */
static void
block_set_text (DraftingLayoutBlock *block,
                char                *text)
{
  GString *string = g_string_new (NULL);

  append_run (block, string, text, -1, DRAFTING_RUN_PLAIN, -1);
  g_free (text);
  g_free (block->text);
  block->text = g_string_free (string, FALSE);
}

/* The number of @node hangs at @base, its text after it. */
static void
block_set_label (DraftingLayoutBlock *block,
                 DraftingNode        *node,
                 double               base)
{
  DraftingMarkerPlace place;
  g_autofree char *label = drafting_render_marker (node, &place);

  block->label_indent = base;
  block->indent = base;
  if (place != DRAFTING_MARKER_HANGING)
    return;

  block->label = g_steal_pointer (&label);
  block->hang = drafting_render_has_bullet (node) ? BULLET_HANG : NUMBER_HANG;
  block->indent = base + block->hang;
}

/* "PRINCIPLE I – ", "ANNEX\n": a marker that is part of the text. */
static char *
marker_before (DraftingNode *node)
{
  g_autofree char *marker = drafting_render_marker (node, NULL);

  return g_strconcat (marker, drafting_render_marker_separator (node), NULL);
}

/* Puts @block next in line, @space above it or what the block before
 * asks below itself, @space_after below it. */
static void
place (DraftingLayout      *self,
       DraftingLayoutBlock *block,
       double               space,
       double               space_after)
{
  if (block == NULL)
    return;

  /* Heading lines, and the lines of a title, follow one another without
   * space between them. */
  if (!self->started || (block->kind == self->previous && space == 0))
    block->space_before = 0;
  else
    block->space_before = MAX (space, self->space_after);
  self->started = TRUE;
  self->space_after = space_after;
  self->previous = block->kind;
  g_queue_push_tail (&self->pending, block);
}

/* One of several rewordings of @node, laid out @of: "[Delegation]", then
 * the element's text with the words it changes marked. */
static DraftingLayoutBlock *
proposal_block (DraftingLayout      *self,
                DraftingNode        *node,
                DraftingLayoutBlock *of,
                DraftingAmendment   *amendment)
{
  DraftingLayoutBlock *block = block_new (of->kind);
  g_autoptr(DraftingMarkedText) marked = drafting_tracking_mark_proposal (self->tracking, node, amendment);
  g_autofree char *who = g_strdup_printf ("[%s] ", drafting_amendment_get_delegation (amendment));
  GString *text = g_string_new (NULL);

  block->id = g_strdup (drafting_node_get_id (node));
  block->depth = of->depth;
  block->label_indent = of->indent;
  block->indent = of->indent;
  block->align = of->align;
  block->bold = of->bold;
  block->italic = of->italic;
  block->uppercase = of->uppercase;
  block->amendment = g_object_ref (amendment);
  append_run (block, text, who, -1, DRAFTING_RUN_PLAIN, -1);
  append_marked (self, block, text, marked);
  block->text = g_string_free (text, FALSE);

  return block;
}

/* What @amendment puts in place, new or moved, as a block of its own,
 * all inserted, without a number; %NULL if the element it moves is gone. */
static DraftingLayoutBlock *
arrival_block (DraftingLayout    *self,
               DraftingAmendment *amendment,
               double             base,
               guint              depth)
{
  DraftingLayoutBlock *block;
  const DraftingInline *content;
  const char *lead;
  GString *text;

  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_INSERT)
    {
      block = block_new (drafting_amendment_get_kind (amendment));
      lead = drafting_amendment_get_lead (amendment);
      content = drafting_amendment_get_content (amendment);
    }
  else
    {
      DraftingNode *moved = drafting_document_lookup (self->document, drafting_amendment_get_target (amendment));

      if (moved == NULL)
        return NULL;
      block = block_new (drafting_node_get_kind (moved));
      block->id = g_strdup (drafting_node_get_id (moved));
      lead = drafting_node_get_lead (moved);
      content = drafting_node_get_content (moved);
    }

  text = g_string_new (NULL);
  block->depth = depth;
  block->label_indent = base;
  block->indent = base;
  block->change = DRAFTING_CHANGE_INSERTED;
  block->amendment = g_object_ref (amendment);
  append_changed_run (block, text, lead, -1, DRAFTING_RUN_LEAD, DRAFTING_CHANGE_INSERTED, amendment, -1);
  append_changed_run (block, text, drafting_text_lead_separator (lead, drafting_inline_get_text (content)), -1,
                      DRAFTING_RUN_PLAIN, DRAFTING_CHANGE_INSERTED, amendment, -1);
  add_inserted_wording (block, text, content, amendment);
  block->text = g_string_free (text, FALSE);

  return block;
}

/* The blocks of what open amendments put @placement @node. */
static void
place_arrivals (DraftingLayout    *self,
                DraftingNode      *node,
                DraftingPlacement  placement,
                double             base,
                guint              depth)
{
  g_autoptr(GPtrArray) arriving = drafting_tracking_get_arrivals (self->tracking, node, placement);

  for (guint i = 0; i < arriving->len; i++)
    place (self, arrival_block (self, g_ptr_array_index (arriving, i), base, depth), PARAGRAPH_SPACE, 0);
}

/* Turns @node into a block, if anything of it prints, and in the tracked
 * form the rewordings and arrivals that go with it, and says in @children
 * where the blocks of its children start, or leaves @children->parent
 * %NULL for an element whose children are not blocks of their own. */
static void
lay_out_element (DraftingLayout *self,
                 DraftingNode   *node,
                 double          base,
                 guint           depth,
                 Frame          *children)
{
  DraftingKind kind = drafting_node_get_kind (node);
  DraftingLayoutBlock *block;
  double child_base = base;
  double space = PARAGRAPH_SPACE;
  double space_after = 0;

  children->parent = NULL;
  if (kind == DRAFTING_KIND_FOOTNOTE || kind == DRAFTING_KIND_DOCUMENT)
    return;

  block = block_new (kind);
  block->id = g_strdup (drafting_node_get_id (node));
  block->depth = depth;
  block->indent = base;
  block->label_indent = base;

  switch (kind)
    {
    case DRAFTING_KIND_HEADING:
      set_content (self, block, node, NULL);
      block->uppercase = TRUE;
      block->bold = TRUE;
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space = self->previous == DRAFTING_KIND_HEADING ? 0 : HEADING_SPACE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_PLACE_DATE:
      block_set_text (block, drafting_render_place_date (self->document));
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_OCCASION:
      set_content (self, block, node, NULL);
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space = self->previous == DRAFTING_KIND_OCCASION ? 0 : HEADING_SPACE;
      break;

    case DRAFTING_KIND_TITLE:
      set_content (self, block, node, NULL);
      block->bold = TRUE;
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space = self->previous == DRAFTING_KIND_TITLE ? 0 : PARAGRAPH_SPACE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_AUTHORITY:
      set_content (self, block, node, NULL);
      block->align = DRAFTING_LAYOUT_START;
      block->keep_with_next = TRUE;
      space_after = PARAGRAPH_SPACE;
      break;

    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      set_content (self, block, node, NULL);
      block->keep_with_next = TRUE;
      break;

    case DRAFTING_KIND_ANNEX:
      {
        g_autofree char *before = marker_before (node);

        set_content (self, block, node, before);
        block->bold = TRUE;
        block->align = DRAFTING_LAYOUT_CENTRED;
        block->page_break_before = TRUE;
        block->keep_with_next = TRUE;
        space = 0;
        space_after = HEADING_SPACE;
      }
      break;

    case DRAFTING_KIND_PRINCIPLE:
      {
        g_autofree char *before = marker_before (node);

        set_content (self, block, node, before);
        block->bold = TRUE;
        block->align = DRAFTING_LAYOUT_START;
        block->keep_with_next = TRUE;
        space = HEADING_SPACE;
      }
      break;

    case DRAFTING_KIND_SECTION:
      set_content (self, block, node, NULL);
      block->italic = TRUE;
      block->align = DRAFTING_LAYOUT_START;
      block->keep_with_next = TRUE;
      block_set_label (block, node, base);
      space = PARAGRAPH_SPACE + 3;
      break;

    case DRAFTING_KIND_ITEM:
      set_content (self, block, node, NULL);
      block_set_label (block, node, base);
      child_base = block->indent;
      space = depth == 0 ? ITEM_SPACE : NESTED_ITEM_SPACE;
      depth++;
      break;

    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_N_KINDS:
    default:
      set_content (self, block, node, NULL);
      block_set_label (block, node, base);
      child_base = block->label != NULL ? block->indent : base + CHILD_INDENT;
      if (kind == DRAFTING_KIND_SUB_PARAGRAPH)
        space = ITEM_SPACE;
      break;
    }

  children->parent = node;
  children->next = 0;
  children->base = child_base;
  children->depth = depth;
  children->parent_base = base;

  if (block->text == NULL ||
      (block->text[0] == '\0' && block->label == NULL && block->notes == NULL))
    {
      /* Nothing prints: no place and date, an empty heading line. */
      drafting_layout_block_free (block);
      block = NULL;
    }
  else
    place (self, block, space, space_after);

  if (self->tracking != NULL)
    {
      for (guint i = 0; block != NULL && self->proposals != NULL && i < self->proposals->len; i++)
        place (self, proposal_block (self, node, block, g_ptr_array_index (self->proposals, i)),
               ITEM_SPACE, 0);
      g_clear_pointer (&self->proposals, g_ptr_array_unref);
      place_arrivals (self, node, DRAFTING_PLACEMENT_INTO, child_base, depth);
    }
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */

static DraftingLayout *
layout_new (DraftingDocument *document)
{
  DraftingLayout *self = g_new0 (DraftingLayout, 1);
  Frame root = { NULL, 0, 0, 0, 0 };

  self->document = g_object_ref (document);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_queue_init (&self->pending);
  self->previous = DRAFTING_N_KINDS;
  root.parent = drafting_document_get_root (document);
  g_array_append_val (self->frames, root);

  return self;
}

/**
 * drafting_layout_new:
 * @document: the document, which must not change while it is laid out
 *
 * Starts laying @document out, its present text.
 *
 * Returns: (transfer full): the layout, whose blocks drafting_layout_next()
 *   makes
 */
DraftingLayout *
drafting_layout_new (DraftingDocument *document)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  return layout_new (document);
}

/**
 * drafting_layout_new_tracked:
 * @document: the document, which must not change while it is laid out
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 *
 * Starts laying @document out with its open amendments marked.
 *
 * Returns: (transfer full): the layout
 */
DraftingLayout *
drafting_layout_new_tracked (DraftingDocument   *document,
                             const char * const *delegations)
{
  DraftingLayout *self;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  self = layout_new (document);
  self->tracking = drafting_tracking_new (document, delegations);

  return self;
}

void
drafting_layout_free (DraftingLayout *self)
{
  if (self == NULL)
    return;

  g_queue_clear_full (&self->pending, (GDestroyNotify) drafting_layout_block_free);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->tracking, drafting_tracking_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->frames, g_array_unref);
  g_free (self);
}

/**
 * drafting_layout_get_document:
 *
 * Returns: (transfer none): the document laid out
 */
DraftingDocument *
drafting_layout_get_document (DraftingLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->document;
}

/**
 * drafting_layout_next:
 *
 * Makes the next block, in reading order.
 *
 * Returns: (transfer full) (nullable): the block, or %NULL once every
 *   element has been laid out
 */
DraftingLayoutBlock *
drafting_layout_next (DraftingLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  while (g_queue_is_empty (&self->pending) && self->frames->len > 0)
    {
      Frame *frame = &g_array_index (self->frames, Frame, self->frames->len - 1);
      DraftingNode *node;
      Frame children;

      if (frame->next >= drafting_node_get_n_children (frame->parent))
        {
          Frame done = *frame;

          g_array_set_size (self->frames, self->frames->len - 1);
          /* After an element and all it holds: what is put after it, as
           * deep as the element. */
          if (self->tracking != NULL && self->frames->len > 0)
            place_arrivals (self, done.parent, DRAFTING_PLACEMENT_AFTER, done.parent_base,
                            g_array_index (self->frames, Frame, self->frames->len - 1).depth);
          continue;
        }

      node = drafting_node_get_child (frame->parent, frame->next++);
      lay_out_element (self, node, frame->base, frame->depth, &children);
      if (children.parent != NULL)
        g_array_append_val (self->frames, children);
    }

  return g_queue_pop_head (&self->pending);
}

/**
 * drafting_layout_build_all:
 * @document: a document
 *
 * Lays the whole of @document out at once.
 *
 * Returns: (transfer container) (element-type DraftingLayoutBlock): its
 *   blocks, in reading order
 */
GPtrArray *
drafting_layout_build_all (DraftingDocument *document)
{
  g_autoptr(DraftingLayout) layout = drafting_layout_new (document);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_layout_block_free);
  DraftingLayoutBlock *block;

  while ((block = drafting_layout_next (layout)) != NULL)
    g_ptr_array_add (blocks, block);

  return blocks;
}
