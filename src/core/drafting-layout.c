/* drafting-layout.c: a document as it prints, block by block, for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-layout.h"

#include "drafting-render.h"
#include "drafting-text-utils.h"

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
} Frame;

struct _DraftingLayout
{
  DraftingDocument *document;
  GArray           *frames;      /* Frame: where building has got to */
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
  g_free (block);
}

static DraftingLayoutBlock *
block_new (DraftingKind kind)
{
  DraftingLayoutBlock *block = g_new0 (DraftingLayoutBlock, 1);

  block->kind = kind;
  block->runs = g_array_new (FALSE, FALSE, sizeof (DraftingLayoutRun));
  block->align = DRAFTING_LAYOUT_JUSTIFIED;

  return block;
}

/* Text of @style after what @text holds so far, as a run of its own or
 * as more of the last one. */
static void
append_run (DraftingLayoutBlock *block,
            GString             *text,
            const char          *added,
            gssize               length,
            DraftingRunStyle     style,
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
      !(style & DRAFTING_RUN_NOTE_CALL) && last->change == DRAFTING_CHANGE_NONE)
    {
      last->end = text->len;
      return;
    }

  g_array_append_val (block->runs, ((DraftingLayoutRun) {
    .start = start,
    .end = text->len,
    .style = style,
    .change = DRAFTING_CHANGE_NONE,
    .amendment = NULL,
    .note = note,
  }));
}

typedef struct
{
  DraftingNode        *node;
  DraftingLayoutBlock *block;
  GString             *text;
  const char          *source;
  GPtrArray           *called;  /* DraftingNode *: the footnotes already called */
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
      append_run (state->block, state->text, call, -1, DRAFTING_RUN_NOTE_CALL, note);
      return;
    }

  append_run (state->block, state->text, state->source + start, end - start, style, -1);
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
  RunState state = { node, block, text, drafting_inline_get_text (content), called };

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
  const char *source = drafting_inline_get_text (drafting_node_get_content (node));
  GString *text = g_string_new (NULL);

  if (before != NULL)
    append_run (block, text, before, -1, DRAFTING_RUN_PLAIN, -1);
  append_run (block, text, prefix, -1, DRAFTING_RUN_PLAIN, -1);
  append_run (block, text, lead, -1, DRAFTING_RUN_PLAIN, -1);
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

/* Turns @node into a block, if anything of it prints, and says in
 * @children where the blocks of its children start. Returns %NULL with
 * @children->parent %NULL for an element whose children are not blocks
 * of their own. */
static DraftingLayoutBlock *
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
    return NULL;

  block = block_new (kind);
  block->id = g_strdup (drafting_node_get_id (node));
  block->depth = depth;
  block->indent = base;
  block->label_indent = base;

  switch (kind)
    {
    case DRAFTING_KIND_HEADING:
      block_set_content (block, node, NULL);
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
      block_set_content (block, node, NULL);
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space = self->previous == DRAFTING_KIND_OCCASION ? 0 : HEADING_SPACE;
      break;

    case DRAFTING_KIND_TITLE:
      block_set_content (block, node, NULL);
      block->bold = TRUE;
      block->align = DRAFTING_LAYOUT_CENTRED;
      block->keep_with_next = TRUE;
      space = self->previous == DRAFTING_KIND_TITLE ? 0 : PARAGRAPH_SPACE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_AUTHORITY:
      block_set_content (block, node, NULL);
      block->align = DRAFTING_LAYOUT_START;
      block->keep_with_next = TRUE;
      space_after = PARAGRAPH_SPACE;
      break;

    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      block_set_content (block, node, NULL);
      block->keep_with_next = TRUE;
      break;

    case DRAFTING_KIND_ANNEX:
      {
        g_autofree char *before = marker_before (node);

        block_set_content (block, node, before);
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

        block_set_content (block, node, before);
        block->bold = TRUE;
        block->align = DRAFTING_LAYOUT_START;
        block->keep_with_next = TRUE;
        space = HEADING_SPACE;
      }
      break;

    case DRAFTING_KIND_SECTION:
      block_set_content (block, node, NULL);
      block->italic = TRUE;
      block->align = DRAFTING_LAYOUT_START;
      block->keep_with_next = TRUE;
      block_set_label (block, node, base);
      space = PARAGRAPH_SPACE + 3;
      break;

    case DRAFTING_KIND_ITEM:
      block_set_content (block, node, NULL);
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
      block_set_content (block, node, NULL);
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

  if (block->text == NULL ||
      (block->text[0] == '\0' && block->label == NULL && block->notes == NULL))
    {
      /* Nothing prints: no place and date, an empty heading line. */
      drafting_layout_block_free (block);
      return NULL;
    }

  /* Heading lines, and the lines of a title, follow one another without
   * space between them. */
  if (!self->started || (kind == self->previous && space == 0))
    block->space_before = 0;
  else
    block->space_before = MAX (space, self->space_after);
  self->started = TRUE;
  self->space_after = space_after;
  self->previous = kind;

  return block;
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */

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
  DraftingLayout *self;
  Frame root = { NULL, 0, 0, 0 };

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  self = g_new0 (DraftingLayout, 1);
  self->document = g_object_ref (document);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->previous = DRAFTING_N_KINDS;
  root.parent = drafting_document_get_root (document);
  g_array_append_val (self->frames, root);

  return self;
}

void
drafting_layout_free (DraftingLayout *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_clear_pointer (&self->frames, g_array_unref);
  g_free (self);
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

  while (self->frames->len > 0)
    {
      Frame *frame = &g_array_index (self->frames, Frame, self->frames->len - 1);
      DraftingLayoutBlock *block;
      DraftingNode *node;
      Frame children;

      if (frame->next >= drafting_node_get_n_children (frame->parent))
        {
          g_array_set_size (self->frames, self->frames->len - 1);
          continue;
        }

      node = drafting_node_get_child (frame->parent, frame->next++);
      block = lay_out_element (self, node, frame->base, frame->depth, &children);
      if (children.parent != NULL)
        g_array_append_val (self->frames, children);
      if (block != NULL)
        return block;
    }

  return NULL;
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
