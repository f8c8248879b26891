/* drafting-print-operation.c: a document laid out on pages, to print or to export as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-print-operation"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-print-operation.h"

/*
 * The document is laid out as it prints, with Pango, in three steps.
 *
 * ::begin-print turns every element into a block: the text as it prints
 * (leading phrase, status prefix, footnote calls as raised numbers) with
 * its attributes, the number that hangs in the margin column, where the
 * block starts, the space above it, and the footnotes it calls. This is a
 * copy: what is edited while the dialog is open does not change the pages.
 *
 * ::paginate, a few hundred blocks at a time so that a long document does
 * not freeze the dialog, lays each block out, notes the top of each of its
 * lines and on which line each footnote is called, and fills the pages line
 * by line: a line goes on the page if it fits above the footnotes of the
 * page together with the footnotes it calls. A paragraph that does not fit
 * is cut at a line boundary, leaving at least two lines at the foot of the
 * page and carrying at least two to the next one (no orphans, no widows); a
 * heading, a formula, a principle or a section stays on the same page as
 * the first lines of what follows it; an annex starts a new page. Layouts
 * are not kept: a page holds only which lines of which blocks it shows, and
 * where.
 *
 * ::draw-page lays out again the blocks of its page and draws their lines
 * one by one, then the footnotes of the page at its foot under a short
 * rule, then the footer: the document's symbol and "Page 2 of 7".
 *
 * Lengths are in points on the full page; the margins are 2.5 cm, or the
 * printer's own if they are wider. One Pango context serves every layout,
 * with the document's language and, for Arabic, a right-to-left direction.
 */

#define MM(x)              ((x) * 72.0 / 25.4)

#define MARGIN             MM (25)
#define NUMBER_HANG        MM (12)     /* from a number to the text after it */
#define BULLET_HANG        MM (7)
#define CHILD_INDENT       MM (10)     /* of what an unnumbered paragraph holds */
#define LABEL_GAP          4.0         /* at least this between a label and its text */
#define PARAGRAPH_SPACE    11.0
#define ITEM_SPACE         6.0
#define NESTED_ITEM_SPACE  3.0
#define HEADING_SPACE      22.0
#define NOTE_SEPARATOR     14.0        /* above the footnotes of a page, the rule in it */
#define NOTE_RULE_WIDTH    MM (50)
#define NOTE_SPACE         2.0         /* between two footnotes */
#define FOOTER_SPACE       24.0        /* from the text area to the footer */
#define MIN_LINES          2           /* of a paragraph, on either side of a page break */
#define MAX_KEEP_CHAIN     8
#define PAGINATE_CHUNK     250

#define BODY_FONT          "Times New Roman,serif 11"
#define NOTE_FONT          "Times New Roman,serif 9"
#define FOOTER_FONT        "Times New Roman,serif 9"

typedef struct _Block Block;

struct _Block
{
  char          *text;
  PangoAttrList *attrs;
  char          *label;          /* the number hanging before the text, or NULL */
  GPtrArray     *notes;          /* Block *: the footnotes the text calls */
  GArray        *calls;          /* guint: where each is called; G_MAXUINT: after the text */
  GArray        *note_lines;     /* guint: the line each is called on */
  double        *tops;           /* of each line, and the bottom of the last */
  double         indent;         /* where the text starts, from the start margin */
  double         label_indent;   /* where the label starts */
  double         space_before;
  guint          n_lines;

  guint          centred : 1;
  guint          justified : 1;
  guint          bold : 1;
  guint          italic : 1;
  guint          note : 1;
  guint          page_break_before : 1;
  guint          keep_with_next : 1;
};

typedef struct
{
  Block  *block;
  guint   first_line;
  guint   n_lines;
  double  y;                     /* of the top of the first line, in the text area */
} Placement;

typedef struct
{
  GArray    *placements;         /* Placement */
  GPtrArray *notes;              /* Block *, owned by the blocks that call them */
  double     notes_height;       /* the rule above them included */
} Page;

struct _DraftingPrintOperation
{
  GtkPrintOperation     parent_instance;

  DraftingDocument     *document;
  PangoContext         *pango_context;
  PangoFontDescription *body_font;
  PangoFontDescription *note_font;
  PangoFontDescription *footer_font;
  GPtrArray            *blocks;  /* Block *, in reading order */
  GPtrArray            *pages;   /* Page * */
  char                 *symbol;

  double                page_width;
  double                page_height;
  double                left;    /* the text area, footer excluded */
  double                top;
  double                text_width;
  double                text_height;
  double                y;       /* how far the last page is filled */
  guint                 next_block;

  guint                 rtl : 1;
};

G_DEFINE_FINAL_TYPE (DraftingPrintOperation, drafting_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Blocks and pages                                                    */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->attrs, pango_attr_list_unref);
  g_free (block->label);
  g_clear_pointer (&block->notes, g_ptr_array_unref);
  g_clear_pointer (&block->calls, g_array_unref);
  g_clear_pointer (&block->note_lines, g_array_unref);
  g_free (block->tops);
  g_free (block);
}

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->attrs = pango_attr_list_new ();

  return block;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->placements);
  g_ptr_array_unref (page->notes);
  g_free (page);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  page->notes = g_ptr_array_new ();

  return page;
}

static void
add_attribute (PangoAttrList  *attrs,
               PangoAttribute *attr,
               guint           start,
               guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
add_superscript (PangoAttrList *attrs,
                 guint          start,
                 guint          end)
{
  add_attribute (attrs, pango_attr_baseline_shift_new (PANGO_BASELINE_SHIFT_SUPERSCRIPT),
                 start, end);
  add_attribute (attrs, pango_attr_font_scale_new (PANGO_FONT_SCALE_SUPERSCRIPT), start, end);
}

static gboolean
is_rtl_language (const char *language)
{
  static const char * const rtl[] = { "ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi" };
  gsize len;

  if (language == NULL)
    return FALSE;

  len = strcspn (language, "-_@.");
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (strlen (rtl[i]) == len && g_ascii_strncasecmp (language, rtl[i], len) == 0)
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* From the elements to blocks                                         */

typedef struct
{
  DraftingPrintOperation *self;
  DraftingNode           *node;
  Block                  *block;
  GString                *text;
  const char             *source;
  GPtrArray              *called;  /* DraftingNode *: the footnotes already called */
} RunState;

static void add_runs (DraftingPrintOperation *self,
                      Block                  *block,
                      GString                *text,
                      DraftingNode           *node,
                      GPtrArray              *called);

static void
add_note (DraftingPrintOperation *self,
          Block                  *block,
          DraftingNode           *footnote,
          guint                   call)
{
  Block *note = block_new ();
  g_autofree char *number = drafting_node_get_number (footnote);
  GString *text = g_string_new (number);

  /* The number raised, then the text, in a smaller font. */
  add_superscript (note->attrs, 0, text->len);
  g_string_append_c (text, ' ');
  add_runs (self, note, text, footnote, NULL);
  note->text = g_string_free (text, FALSE);
  note->note = TRUE;
  note->justified = TRUE;

  if (block->notes == NULL)
    {
      block->notes = g_ptr_array_new_with_free_func (block_free);
      block->calls = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_ptr_array_add (block->notes, note);
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
  guint at = state->text->len;

  if (ref != NULL)
    {
      DraftingDocument *document = drafting_node_get_document (state->node);
      DraftingNode *footnote = drafting_node_find_footnote (state->node, ref);
      g_autofree char *number = NULL;

      if (footnote == NULL && document != NULL)
        footnote = drafting_document_lookup (document, ref);
      if (footnote == NULL || drafting_node_get_kind (footnote) != DRAFTING_KIND_FOOTNOTE)
        return;

      number = drafting_node_get_number (footnote);
      g_string_append (state->text, number);
      add_superscript (state->block->attrs, at, state->text->len);

      /* A footnote called twice prints once, where it is first called. */
      if (state->called != NULL && !g_ptr_array_find (state->called, footnote, NULL))
        {
          g_ptr_array_add (state->called, footnote);
          add_note (state->self, state->block, footnote, at);
        }
      return;
    }

  g_string_append_len (state->text, state->source + start, end - start);
  if (emphasis)
    add_attribute (state->block->attrs, pango_attr_style_new (PANGO_STYLE_ITALIC),
                   at, state->text->len);
  if (strong)
    add_attribute (state->block->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                   at, state->text->len);
}

/* The text of @node, with its emphasis and its footnote calls; @called is
 * NULL for a footnote's own text, whose calls have no note. */
static void
add_runs (DraftingPrintOperation *self,
          Block                  *block,
          GString                *text,
          DraftingNode           *node,
          GPtrArray              *called)
{
  const DraftingInline *content = drafting_node_get_content (node);
  RunState state = { self, node, block, text, drafting_inline_get_text (content), called };

  drafting_inline_foreach_run (content, add_run, &state);
}

/* The whole of @node's text as it prints, leading phrase and status
 * prefix included, with the notes it calls; footnotes among its children
 * that it does not call print after it all the same. */
static void
block_set_content (DraftingPrintOperation *self,
                   Block                  *block,
                   DraftingNode           *node,
                   const char             *before)
{
  g_autoptr(GPtrArray) called = g_ptr_array_new ();
  g_autofree char *prefix = drafting_render_prefix (node);
  const char *lead = drafting_node_get_lead (node);
  const char *source = drafting_inline_get_text (drafting_node_get_content (node));
  GString *text = g_string_new (before);

  g_string_append (text, prefix);
  if (lead[0] != '\0')
    {
      g_string_append (text, lead);
      if (source[0] != '\0' && strchr (",;:.", source[0]) == NULL)
        g_string_append_c (text, ' ');
    }
  add_runs (self, block, text, node, called);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE &&
          !g_ptr_array_find (called, child, NULL))
        add_note (self, block, child, G_MAXUINT);
    }

  g_free (block->text);
  block->text = g_string_free (text, FALSE);
}

static double
label_width (DraftingPrintOperation *self,
             Block                  *block)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->pango_context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->body_font);
  PangoRectangle logical;

  if (block->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (block->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, block->label, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width);
}

/* The number of @node hangs at @base, its text after it. */
static void
block_set_label (DraftingPrintOperation *self,
                 Block                  *block,
                 DraftingNode           *node,
                 double                  base,
                 guint                   item_depth)
{
  g_autofree char *label = drafting_render_label (node);
  gboolean bullet = g_strcmp0 (label, "•") == 0;
  double hang = bullet ? BULLET_HANG : NUMBER_HANG;

  block->label_indent = base;
  block->indent = base;
  if (label[0] == '\0')
    return;

  /* Bullets of nested items alternate, as the texts have them. */
  if (bullet && item_depth % 2 == 0)
    block->label = g_strdup ("–");
  else
    block->label = g_steal_pointer (&label);

  hang = MAX (hang, label_width (self, block) + LABEL_GAP);
  block->indent = base + hang;
}

typedef struct
{
  DraftingPrintOperation *self;
  DraftingKind            previous;
  double                  space_after;   /* what the last block asks below it */
} Builder;

static void
add_element (Builder      *b,
             DraftingNode *node,
             double        base,
             guint         item_depth)
{
  DraftingPrintOperation *self = b->self;
  DraftingKind kind = drafting_node_get_kind (node);
  Block *block;
  double child_base = base;
  double space = PARAGRAPH_SPACE;
  double space_after = 0;

  if (kind == DRAFTING_KIND_FOOTNOTE || kind == DRAFTING_KIND_DOCUMENT)
    return;

  block = block_new ();
  block->justified = TRUE;
  block->indent = base;
  block->label_indent = base;

  switch (kind)
    {
    case DRAFTING_KIND_HEADING:
      block_set_content (self, block, node, NULL);
      add_attribute (block->attrs, pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE),
                     0, PANGO_ATTR_INDEX_TO_TEXT_END);
      block->bold = TRUE;
      block->centred = TRUE;
      block->keep_with_next = TRUE;
      space = b->previous == DRAFTING_KIND_HEADING ? 0 : HEADING_SPACE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_PLACE_DATE:
      block->text = drafting_render_place_date (self->document);
      block->centred = TRUE;
      block->keep_with_next = TRUE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_OCCASION:
      block_set_content (self, block, node, NULL);
      block->centred = TRUE;
      block->keep_with_next = TRUE;
      space = b->previous == DRAFTING_KIND_OCCASION ? 0 : HEADING_SPACE;
      break;

    case DRAFTING_KIND_TITLE:
      block_set_content (self, block, node, NULL);
      block->bold = TRUE;
      block->centred = TRUE;
      block->keep_with_next = TRUE;
      space = b->previous == DRAFTING_KIND_TITLE ? 0 : PARAGRAPH_SPACE;
      space_after = HEADING_SPACE;
      break;

    case DRAFTING_KIND_AUTHORITY:
      block_set_content (self, block, node, NULL);
      block->justified = FALSE;
      block->keep_with_next = TRUE;
      space_after = PARAGRAPH_SPACE;
      break;

    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      block_set_content (self, block, node, NULL);
      block->keep_with_next = TRUE;
      break;

    case DRAFTING_KIND_ANNEX:
      {
        g_autofree char *label = drafting_render_label (node);
        g_autofree char *before = g_strconcat (label, "\n", NULL);

        if (drafting_inline_is_empty (drafting_node_get_content (node)))
          block_set_content (self, block, node, label);
        else
          block_set_content (self, block, node, before);
        block->bold = TRUE;
        block->centred = TRUE;
        block->page_break_before = TRUE;
        block->keep_with_next = TRUE;
        space = 0;
        space_after = HEADING_SPACE;
      }
      break;

    case DRAFTING_KIND_PRINCIPLE:
      {
        g_autofree char *label = drafting_render_label (node);
        g_autofree char *before = g_strconcat (label, " - ", NULL);

        if (drafting_inline_is_empty (drafting_node_get_content (node)))
          block_set_content (self, block, node, label);
        else
          block_set_content (self, block, node, before);
        block->bold = TRUE;
        block->justified = FALSE;
        block->keep_with_next = TRUE;
        space = HEADING_SPACE;
      }
      break;

    case DRAFTING_KIND_SECTION:
      block_set_content (self, block, node, NULL);
      block->italic = TRUE;
      block->justified = FALSE;
      block->keep_with_next = TRUE;
      block_set_label (self, block, node, base, 0);
      space = PARAGRAPH_SPACE + 3;
      break;

    case DRAFTING_KIND_ITEM:
      block_set_content (self, block, node, NULL);
      block_set_label (self, block, node, base, item_depth + 1);
      child_base = block->indent;
      space = item_depth == 0 ? ITEM_SPACE : NESTED_ITEM_SPACE;
      item_depth++;
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
      block_set_content (self, block, node, NULL);
      block_set_label (self, block, node, base, 0);
      child_base = block->label != NULL ? block->indent : base + CHILD_INDENT;
      if (kind == DRAFTING_KIND_SUB_PARAGRAPH)
        space = ITEM_SPACE;
      break;
    }

  if (block->bold)
    add_attribute (block->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                   0, PANGO_ATTR_INDEX_TO_TEXT_END);
  if (block->italic)
    add_attribute (block->attrs, pango_attr_style_new (PANGO_STYLE_ITALIC),
                   0, PANGO_ATTR_INDEX_TO_TEXT_END);

  if (block->text == NULL ||
      (block->text[0] == '\0' && block->label == NULL && block->notes == NULL))
    {
      /* Nothing prints: no place and date, an empty heading line. */
      block_free (block);
    }
  else
    {
      /* Heading lines, and the lines of a title, follow one another
       * without space between them. */
      if (self->blocks->len == 0 || (kind == b->previous && space == 0))
        block->space_before = 0;
      else
        block->space_before = MAX (space, b->space_after);
      g_ptr_array_add (self->blocks, block);
      b->space_after = space_after;
      b->previous = kind;
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    add_element (b, drafting_node_get_child (node, i), child_base, item_depth);
}

static void
build_blocks (DraftingPrintOperation *self)
{
  DraftingNode *root = drafting_document_get_root (self->document);
  Builder b = { self, DRAFTING_KIND_INVALID, 0 };

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    add_element (&b, drafting_node_get_child (root, i), 0, 0);
}

/* ------------------------------------------------------------------ */
/* Laying out                                                          */

static double
block_width (DraftingPrintOperation *self,
             Block                  *block)
{
  return MAX (self->text_width - block->indent, self->text_width / 4);
}

/* Where the text of @block starts on the page, its left edge. */
static double
block_x (DraftingPrintOperation *self,
         Block                  *block)
{
  if (self->rtl)
    return self->left + self->text_width - block->indent - block_width (self, block);

  return self->left + block->indent;
}

static PangoLayout *
block_create_layout (DraftingPrintOperation *self,
                     Block                  *block)
{
  PangoLayout *layout = pango_layout_new (self->pango_context);
  PangoAlignment alignment;

  if (block->centred)
    alignment = PANGO_ALIGN_CENTER;
  else
    alignment = self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;

  pango_layout_set_font_description (layout, block->note ? self->note_font : self->body_font);
  pango_layout_set_width (layout, pango_units_from_double (block_width (self, block)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A right-to-left document keeps its direction where a paragraph starts
   * with a Latin name; a left-to-right one lets an Arabic quotation run
   * from the right. */
  pango_layout_set_auto_dir (layout, !self->rtl);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_justify (layout, block->justified && !block->centred);
  pango_layout_set_text (layout, block->text, -1);
  pango_layout_set_attributes (layout, block->attrs);

  return layout;
}

static void
block_measure (DraftingPrintOperation *self,
               Block                  *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  guint i = 0;

  if (block->tops != NULL)
    return;

  layout = block_create_layout (self, block);
  block->n_lines = pango_layout_get_line_count (layout);
  block->tops = g_new0 (double, block->n_lines + 1);

  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      block->tops[i] = pango_units_to_double (y0);
      block->tops[i + 1] = pango_units_to_double (y1);
      i++;
    }
  while (i < block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (block->notes == NULL)
    return;

  block->note_lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), block->notes->len);
  for (i = 0; i < block->notes->len; i++)
    {
      guint call = g_array_index (block->calls, guint, i);
      int line = block->n_lines - 1;

      if (call != G_MAXUINT)
        pango_layout_index_to_line_x (layout, call, FALSE, &line, NULL);
      line = CLAMP (line, 0, (int) block->n_lines - 1);
      g_array_append_val (block->note_lines, line);
      block_measure (self, g_ptr_array_index (block->notes, i));
    }
}

static double
block_height (Block *block,
              guint  first,
              guint  n)
{
  return block->tops[first + n] - block->tops[first];
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */

static Page *
current_page (DraftingPrintOperation *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static gboolean
page_is_empty (Page *page)
{
  return page->placements->len == 0 && page->notes->len == 0;
}

static void
start_page (DraftingPrintOperation *self)
{
  g_ptr_array_add (self->pages, page_new ());
  self->y = 0;
}

/* What the notes called on line @line of @block add to the foot of a page
 * whose notes take @notes_height so far. */
static double
notes_cost (Block  *block,
            guint   line,
            double  notes_height)
{
  double cost = 0;

  if (block->notes == NULL)
    return 0;

  for (guint i = 0; i < block->notes->len; i++)
    {
      Block *note = g_ptr_array_index (block->notes, i);

      if (g_array_index (block->note_lines, guint, i) != line)
        continue;
      /* The first note of a page comes under the rule, the others
       * under the one before. */
      if (notes_height + cost == 0)
        cost += NOTE_SEPARATOR;
      else
        cost += NOTE_SPACE;
      cost += block_height (note, 0, note->n_lines);
    }

  return cost;
}

/* The height that must be free at the foot of a page for @index to start
 * there: all of it, and if it keeps with the next block, that block's
 * first lines, or more if that one keeps with the next in turn. */
static double
keep_height (DraftingPrintOperation *self,
             guint                   index)
{
  double need = 0;

  for (guint depth = 0; index < self->blocks->len; index++, depth++)
    {
      Block *block = g_ptr_array_index (self->blocks, index);
      gboolean last;

      block_measure (self, block);
      if (depth > 0)
        {
          if (block->page_break_before)
            break;
          need += block->space_before;
        }

      last = !block->keep_with_next || depth == MAX_KEEP_CHAIN || index + 1 == self->blocks->len;
      if (depth > 0 && last)
        {
          guint n = block->n_lines <= 2 * MIN_LINES - 1 ? block->n_lines : MIN_LINES;

          need += block_height (block, 0, n);
          break;
        }
      need += block_height (block, 0, block->n_lines);
      if (last)
        break;
    }

  return need;
}

static void
place_lines (DraftingPrintOperation *self,
             Block                  *block,
             guint                   first,
             guint                   n,
             double                  y)
{
  Page *page = current_page (self);
  Placement placement = { block, first, n, y };

  g_array_append_val (page->placements, placement);

  for (guint line = first; line < first + n; line++)
    {
      page->notes_height += notes_cost (block, line, page->notes_height);
      for (guint i = 0; block->notes != NULL && i < block->notes->len; i++)
        if (g_array_index (block->note_lines, guint, i) == line)
          g_ptr_array_add (page->notes, g_ptr_array_index (block->notes, i));
    }

  self->y = y + block_height (block, first, n);
}

static void
place_block (DraftingPrintOperation *self,
             guint                   index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  guint start = 0;

  block_measure (self, block);

  if (block->page_break_before && !page_is_empty (current_page (self)))
    start_page (self);

  if (block->keep_with_next && !page_is_empty (current_page (self)))
    {
      Page *page = current_page (self);
      double need = keep_height (self, index);

      if (self->y + block->space_before + need + page->notes_height > self->text_height &&
          need <= self->text_height)
        start_page (self);
    }

  while (start < block->n_lines)
    {
      Page *page = current_page (self);
      gboolean empty = page_is_empty (page);
      double top = self->y + (start == 0 && !empty ? block->space_before : 0);
      double notes_height = page->notes_height;
      guint remaining = block->n_lines - start;
      guint fit = 0;
      guint n;

      while (fit < remaining)
        {
          double cost = notes_cost (block, start + fit, notes_height);

          double bottom = top + block_height (block, start, fit + 1) + notes_height + cost;

          if (bottom > self->text_height + 0.01)
            break;
          notes_height += cost;
          fit++;
        }

      n = fit;
      if (n < remaining)
        {
          /* Widows: at least two lines go on to the next page. */
          if (remaining - n < MIN_LINES)
            n = remaining > MIN_LINES ? remaining - MIN_LINES : 0;
          /* Orphans: at least two lines stay at the foot of this one. */
          if (n < MIN_LINES)
            n = 0;
        }

      if (n == 0)
        {
          if (!empty)
            {
              start_page (self);
              continue;
            }
          /* Taller than a page, or than what its footnotes leave of one:
           * cut where it must be. */
          n = MAX (fit, 1);
        }

      place_lines (self, block, start, n, top);
      start += n;
      if (start < block->n_lines)
        start_page (self);
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
draw_lines (DraftingPrintOperation *self,
            cairo_t                *cr,
            Block                  *block,
            guint                   first,
            guint                   n,
            double                  y)
{
  g_autoptr(PangoLayout) layout = block_create_layout (self, block);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double x = block_x (self, block);
  double first_baseline = 0;
  guint line = 0;

  do
    {
      if (line >= first)
        {
          PangoRectangle logical;
          double baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
          if (line == 0)
            first_baseline = baseline;

          cairo_move_to (cr,
                         x + pango_units_to_double (logical.x),
                         y + baseline - block->tops[first]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < first + n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (first == 0 && block->label != NULL)
    {
      g_autoptr(PangoLayout) label = pango_layout_new (self->pango_context);
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->body_font);
      PangoRectangle logical;
      double label_x;

      if (block->bold)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      if (block->italic)
        pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (label, font);
      pango_layout_set_text (label, block->label, -1);
      pango_layout_get_extents (label, NULL, &logical);

      if (self->rtl)
        label_x = self->left + self->text_width - block->label_indent -
                  pango_units_to_double (logical.width);
      else
        label_x = self->left + block->label_indent;

      cairo_move_to (cr, label_x, y + first_baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (label, 0));
    }
}

static void
draw_notes (DraftingPrintOperation *self,
            cairo_t                *cr,
            Page                   *page)
{
  double y = self->top + self->text_height - page->notes_height;
  double rule_x = self->rtl ? self->left + self->text_width - NOTE_RULE_WIDTH : self->left;

  if (page->notes->len == 0)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, rule_x, y + NOTE_SEPARATOR / 2);
  cairo_rel_line_to (cr, NOTE_RULE_WIDTH, 0);
  cairo_stroke (cr);
  cairo_restore (cr);

  y += NOTE_SEPARATOR;
  for (guint i = 0; i < page->notes->len; i++)
    {
      Block *note = g_ptr_array_index (page->notes, i);

      if (i > 0)
        y += NOTE_SPACE;
      draw_lines (self, cr, note, 0, note->n_lines, y);
      y += block_height (note, 0, note->n_lines);
    }
}

static void
draw_footer (DraftingPrintOperation *self,
             cairo_t                *cr,
             int                     page_nr)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->pango_context);
  g_autofree char *page = NULL;
  double y = self->top + self->text_height + FOOTER_SPACE;

  pango_layout_set_font_description (layout, self->footer_font);
  pango_layout_set_width (layout, pango_units_from_double (self->text_width));
  pango_layout_set_auto_dir (layout, FALSE);

  /* Translators: the footer of each printed page: "Page 2 of 7" */
  page = g_strdup_printf (_("Page %u of %u"), (guint) page_nr + 1, self->pages->len);
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, page, -1);
  cairo_move_to (cr, self->left, y);
  pango_cairo_show_layout (cr, layout);

  if (self->symbol != NULL)
    {
      pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, self->symbol, -1);
      cairo_move_to (cr, self->left, y);
      pango_cairo_show_layout (cr, layout);
    }
}

/* ------------------------------------------------------------------ */
/* The print operation                                                 */

static void
clear_pages (DraftingPrintOperation *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->pango_context);
  g_clear_pointer (&self->symbol, g_free);
  self->next_block = 0;
  self->y = 0;
}

static void
drafting_print_operation_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  const char *language = NULL;
  const char *symbol = NULL;
  double margin_left;
  double margin_right;
  double margin_top;
  double margin_bottom;

  clear_pages (self);

  if (self->document != NULL)
    {
      language = drafting_document_get_language (self->document);
      symbol = drafting_document_get_symbol (self->document);
    }

  /* The context is set up in points, on the full page. */
  self->page_width = gtk_print_context_get_width (context);
  self->page_height = gtk_print_context_get_height (context);
  margin_left = MAX (MARGIN, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  margin_right = MAX (MARGIN, gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
  margin_top = MAX (MARGIN, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  margin_bottom = MAX (MARGIN, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));

  self->left = margin_left;
  self->top = margin_top;
  self->text_width = MAX (self->page_width - margin_left - margin_right, MM (40));
  self->text_height = MAX (self->page_height - margin_top - margin_bottom, MM (40));

  self->rtl = is_rtl_language (language);
  self->pango_context = gtk_print_context_create_pango_context (context);
  if (language != NULL && language[0] != '\0')
    pango_context_set_language (self->pango_context, pango_language_from_string (language));
  pango_context_set_base_dir (self->pango_context,
                              self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  if (symbol != NULL && symbol[0] != '\0')
    self->symbol = g_strdup (symbol);

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  if (self->document != NULL)
    build_blocks (self);
  start_page (self);
}

static gboolean
on_paginate (GtkPrintOperation *operation,
             GtkPrintContext   *context G_GNUC_UNUSED,
             gpointer           user_data G_GNUC_UNUSED)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);
  guint end;

  g_assert (self->blocks != NULL);

  end = MIN (self->next_block + PAGINATE_CHUNK, self->blocks->len);
  for (; self->next_block < end; self->next_block++)
    place_block (self, self->next_block);

  if (self->next_block < self->blocks->len)
    return FALSE;

  gtk_print_operation_set_n_pages (operation, self->pages->len);
  return TRUE;
}

static void
drafting_print_operation_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  Page *page;

  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < self->pages->len);

  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < page->placements->len; i++)
    {
      Placement *placement = &g_array_index (page->placements, Placement, i);

      draw_lines (self, cr, placement->block, placement->first_line, placement->n_lines,
                  self->top + placement->y);
    }

  draw_notes (self, cr, page);
  draw_footer (self, cr, page_nr);

  cairo_restore (cr);
}

static void
drafting_print_operation_end_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context G_GNUC_UNUSED)
{
  clear_pages (DRAFTING_PRINT_OPERATION (operation));
}

static void
drafting_print_operation_constructed (GObject *object)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);
  const char *title;

  G_OBJECT_CLASS (drafting_print_operation_parent_class)->constructed (object);

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self->document));

  title = drafting_document_get_title (self->document);
  if (title != NULL && title[0] != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  else
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Untitled Document"));
}

static void
drafting_print_operation_finalize (GObject *object)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  clear_pages (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->body_font, pango_font_description_free);
  g_clear_pointer (&self->note_font, pango_font_description_free);
  g_clear_pointer (&self->footer_font, pango_font_description_free);

  G_OBJECT_CLASS (drafting_print_operation_parent_class)->finalize (object);
}

static void
drafting_print_operation_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_print_operation_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_print_operation_class_init (DraftingPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = drafting_print_operation_constructed;
  object_class->finalize = drafting_print_operation_finalize;
  object_class->get_property = drafting_print_operation_get_property;
  object_class->set_property = drafting_print_operation_set_property;

  operation_class->begin_print = drafting_print_operation_begin_print;
  operation_class->draw_page = drafting_print_operation_draw_page;
  operation_class->end_print = drafting_print_operation_end_print;

  /**
   * DraftingPrintOperation:document:
   *
   * The document to print.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_print_operation_init (DraftingPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 25, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  self->body_font = pango_font_description_from_string (BODY_FONT);
  self->note_font = pango_font_description_from_string (NOTE_FONT);
  self->footer_font = pango_font_description_from_string (FOOTER_FONT);

  /* GtkPrintOperation emits ::paginate only if a handler is connected. */
  g_signal_connect (self, "paginate", G_CALLBACK (on_paginate), NULL);
}

/**
 * drafting_print_operation_new:
 * @document: the document to print
 *
 * Returns: (transfer full): an operation that prints @document, or exports
 *   it as PDF with gtk_print_operation_set_export_filename()
 */
DraftingPrintOperation *
drafting_print_operation_new (DraftingDocument *document)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  return g_object_new (DRAFTING_TYPE_PRINT_OPERATION,
                       "document", document,
                       NULL);
}

/**
 * drafting_print_operation_get_document:
 *
 * Returns: (transfer none): the document printed
 */
DraftingDocument *
drafting_print_operation_get_document (DraftingPrintOperation *self)
{
  g_return_val_if_fail (DRAFTING_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}
