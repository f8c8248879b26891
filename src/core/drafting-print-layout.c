/* drafting-print-layout.c: a document laid out on pages, for the printer and for PDF alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-print-layout"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "drafting-print-layout.h"

#include "drafting-delegation-colour.h"
#include "drafting-language.h"
#include "drafting-layout.h"

/*
 * The document is laid out as it prints, with Pango, in three steps. The
 * layout knows nothing of GTK: it is given a Pango context, the size of the
 * page, and later a cairo context to draw on, so that the print dialog's
 * printer and the PDF written in a worker thread get the very same pages.
 *
 * What prints, and how, is the core's layout (drafting-layout.c), read a
 * block at a time as pagination reaches it: the text as it prints, its
 * runs, which become Pango attributes, the number that hangs in the
 * margin column (wider, if it measures wider than the core asks), where
 * the block starts, the space above it, what it keeps with, and the
 * footnotes it calls. The document is a snapshot that no one else changes,
 * and the blocks are copies of its text, so once the pages are made the
 * snapshot is let go.
 *
 * Pagination goes a block at a time until it is done or a deadline has
 * passed, so that the main loop can turn between two slices of a long
 * document. It lays each block out, notes the top of each of its lines and
 * on which line each footnote is called, and fills the pages line by line:
 * a line goes on the page if it fits above the footnotes of the page
 * together with the footnotes it calls. A paragraph that does not fit is
 * cut at a line boundary, leaving at least two lines at the foot of the
 * page and carrying at least two to the next one (no orphans, no widows);
 * a heading, a formula, a principle or a section stays on the same page as
 * the first lines of what follows it; an annex starts a new page. Layouts
 * are not kept: a page holds only which lines of which blocks it shows,
 * and where.
 *
 * Drawing a page lays out again the blocks of that page and draws their
 * lines one by one, then the footnotes of the page at its foot under a
 * short rule, then the footer: the document's symbol and "Page 2 of 7".
 *
 * Lengths are in points on the full page; the margins are 2.5 cm, or the
 * printer's own if they are wider. One Pango context serves every layout,
 * with the document's language and, for Arabic, a right-to-left direction.
 */

#define MM(x)              ((x) * 72.0 / 25.4)

#define MARGIN             MM (25)
#define LABEL_GAP          4.0         /* at least this between a label and its text */
#define NOTE_SEPARATOR     14.0        /* above the footnotes of a page, the rule in it */
#define NOTE_RULE_WIDTH    MM (50)
#define NOTE_SPACE         2.0         /* between two footnotes */
#define FOOTER_SPACE       24.0        /* from the text area to the footer */
#define MIN_LINES          2           /* of a paragraph, on either side of a page break */
#define MAX_KEEP_CHAIN     8

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

struct _DraftingPrintLayout
{
  GObject               parent_instance;

  PangoContext         *pango_context;
  PangoFontDescription *body_font;
  PangoFontDescription *note_font;
  PangoFontDescription *footer_font;
  GPtrArray            *blocks;        /* Block *, in reading order */
  GPtrArray            *pages;         /* Page * */
  DraftingLayout       *layout;        /* of the snapshot, until every block is made */
  char                 *symbol;
  const DraftingLanguageTerms *terms; /* the words of the document's language */

  double                left;          /* the text area, footer excluded */
  double                top;
  double                text_width;
  double                text_height;
  double                y;             /* how far the last page is filled */
  guint                 next_block;    /* the next block to place on the pages */

  guint                 rtl : 1;
  guint                 paginated : 1;
};

G_DEFINE_FINAL_TYPE (DraftingPrintLayout, drafting_print_layout, G_TYPE_OBJECT)

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

/* ------------------------------------------------------------------ */
/* From the core's blocks to lines                                     */

/* Words an amendment inserts are underlined, those it deletes struck
 * through, both in its delegation's colour, as on screen. */
static void
add_change_attributes (Block                   *block,
                       const DraftingLayoutRun *run,
                       guint                    shift)
{
  g_autofree char *hex = NULL;
  PangoColor colour;

  if (run->change == DRAFTING_CHANGE_NONE)
    return;

  hex = drafting_delegation_colour_hex (run->amendment != NULL
                                        ? drafting_amendment_get_delegation (run->amendment) : NULL,
                                        FALSE);
  if (pango_color_parse (&colour, hex))
    add_attribute (block->attrs, pango_attr_foreground_new (colour.red, colour.green, colour.blue),
                   shift + run->start, shift + run->end);
  if (run->change == DRAFTING_CHANGE_INSERTED)
    add_attribute (block->attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
                   shift + run->start, shift + run->end);
  else
    add_attribute (block->attrs, pango_attr_strikethrough_new (TRUE),
                   shift + run->start, shift + run->end);
}

static void
add_run_attributes (Block                   *block,
                    const DraftingLayoutRun *run,
                    guint                    shift)
{
  add_change_attributes (block, run, shift);
  if (run->style & DRAFTING_RUN_EMPHASIS)
    add_attribute (block->attrs, pango_attr_style_new (PANGO_STYLE_ITALIC),
                   shift + run->start, shift + run->end);
  if (run->style & DRAFTING_RUN_STRONG)
    add_attribute (block->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                   shift + run->start, shift + run->end);
}

/* A footnote prints as its number, a space, then its text, smaller. */
static Block *
note_from_layout (DraftingLayoutBlock *laid)
{
  Block *note = block_new ();
  guint shift = strlen (laid->label) + 1;

  note->text = g_strconcat (laid->label, " ", laid->text, NULL);
  for (guint i = 0; i < laid->runs->len; i++)
    add_run_attributes (note, &g_array_index (laid->runs, DraftingLayoutRun, i), shift);
  note->note = TRUE;
  note->justified = TRUE;

  return note;
}

static double
label_width (DraftingPrintLayout *self,
             Block               *block)
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

/* The core's block as Pango lays it out: its marks as attributes, its
 * number hanging wider than the core asks if it must. */
static Block *
block_from_layout (DraftingPrintLayout *self,
                   DraftingLayoutBlock *laid)
{
  Block *block = block_new ();

  block->text = g_steal_pointer (&laid->text);
  for (guint i = 0; i < laid->runs->len; i++)
    add_run_attributes (block, &g_array_index (laid->runs, DraftingLayoutRun, i), 0);
  if (laid->uppercase)
    add_attribute (block->attrs, pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE),
                   0, PANGO_ATTR_INDEX_TO_TEXT_END);
  if (laid->bold)
    add_attribute (block->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                   0, PANGO_ATTR_INDEX_TO_TEXT_END);
  if (laid->italic)
    add_attribute (block->attrs, pango_attr_style_new (PANGO_STYLE_ITALIC),
                   0, PANGO_ATTR_INDEX_TO_TEXT_END);

  block->centred = laid->align == DRAFTING_LAYOUT_CENTRED;
  block->justified = laid->align == DRAFTING_LAYOUT_JUSTIFIED;
  block->bold = laid->bold;
  block->italic = laid->italic;
  block->page_break_before = laid->page_break_before;
  block->keep_with_next = laid->keep_with_next;
  block->space_before = laid->space_before;
  block->label_indent = laid->label_indent;
  block->indent = laid->indent;
  block->label = g_steal_pointer (&laid->label);
  if (block->label != NULL)
    block->indent = laid->label_indent + MAX (laid->hang, label_width (self, block) + LABEL_GAP);

  if (laid->notes != NULL)
    {
      block->notes = g_ptr_array_new_with_free_func (block_free);
      block->calls = g_array_ref (laid->calls);
      for (guint i = 0; i < laid->notes->len; i++)
        g_ptr_array_add (block->notes, note_from_layout (g_ptr_array_index (laid->notes, i)));
    }

  return block;
}

/* Makes blocks until there are @n of them, or no more elements. */
static void
ensure_blocks (DraftingPrintLayout *self,
               guint                n)
{
  while (self->layout != NULL && self->blocks->len < n)
    {
      g_autoptr(DraftingLayoutBlock) laid = drafting_layout_next (self->layout);

      if (laid == NULL)
        {
          g_clear_pointer (&self->layout, drafting_layout_free);
          return;
        }
      g_ptr_array_add (self->blocks, block_from_layout (self, laid));
    }
}

/* ------------------------------------------------------------------ */
/* Laying out                                                          */

static double
block_width (DraftingPrintLayout *self,
             Block               *block)
{
  return MAX (self->text_width - block->indent, self->text_width / 4);
}

/* Where the text of @block starts on the page, its left edge. */
static double
block_x (DraftingPrintLayout *self,
         Block               *block)
{
  if (self->rtl)
    return self->left + self->text_width - block->indent - block_width (self, block);

  return self->left + block->indent;
}

static PangoLayout *
block_create_layout (DraftingPrintLayout *self,
                     Block               *block)
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
block_measure (DraftingPrintLayout *self,
               Block               *block)
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
current_page (DraftingPrintLayout *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static gboolean
page_is_empty (Page *page)
{
  return page->placements->len == 0 && page->notes->len == 0;
}

static void
start_page (DraftingPrintLayout *self)
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
keep_height (DraftingPrintLayout *self,
             guint                index)
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
place_lines (DraftingPrintLayout *self,
             Block               *block,
             guint                first,
             guint                n,
             double               y)
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
place_block (DraftingPrintLayout *self,
             guint                index)
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
draw_lines (DraftingPrintLayout *self,
            cairo_t             *cr,
            Block               *block,
            guint                first,
            guint                n,
            double               y)
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

/* Draws the @index-th footnote of @page at the foot of the page, and
 * before the first one, the short rule that sets them apart. */
static void
draw_note (DraftingPrintLayout *self,
           cairo_t             *cr,
           Page                *page,
           guint                index)
{
  double y = self->top + self->text_height - page->notes_height + NOTE_SEPARATOR;
  Block *note;

  if (index == 0)
    {
      double rule_x = self->rtl ? self->left + self->text_width - NOTE_RULE_WIDTH : self->left;

      cairo_save (cr);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, rule_x, y - NOTE_SEPARATOR / 2);
      cairo_rel_line_to (cr, NOTE_RULE_WIDTH, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < index; i++)
    {
      Block *before = g_ptr_array_index (page->notes, i);

      y += block_height (before, 0, before->n_lines) + NOTE_SPACE;
    }

  note = g_ptr_array_index (page->notes, index);
  draw_lines (self, cr, note, 0, note->n_lines, y);
}

static void
draw_footer (DraftingPrintLayout *self,
             cairo_t             *cr,
             guint                page_nr)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->pango_context);
  g_autofree char *page = NULL;
  double y = self->top + self->text_height + FOOTER_SPACE;

  pango_layout_set_font_description (layout, self->footer_font);
  pango_layout_set_width (layout, pango_units_from_double (self->text_width));
  pango_layout_set_auto_dir (layout, FALSE);

  /* In the document's language, as every word it prints. */
  page = g_strdup_printf ("%s%u%s%u", self->terms->page, page_nr + 1, self->terms->page_of,
                          self->pages->len);
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
/* The layout                                                          */

static void
drafting_print_layout_finalize (GObject *object)
{
  DraftingPrintLayout *self = DRAFTING_PRINT_LAYOUT (object);

  /* The pages first: they point into the blocks. */
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->layout, drafting_layout_free);
  g_clear_object (&self->pango_context);
  g_clear_pointer (&self->body_font, pango_font_description_free);
  g_clear_pointer (&self->note_font, pango_font_description_free);
  g_clear_pointer (&self->footer_font, pango_font_description_free);
  g_clear_pointer (&self->symbol, g_free);

  G_OBJECT_CLASS (drafting_print_layout_parent_class)->finalize (object);
}

static void
drafting_print_layout_class_init (DraftingPrintLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_print_layout_finalize;
}

static void
drafting_print_layout_init (DraftingPrintLayout *self)
{
  self->body_font = pango_font_description_from_string (BODY_FONT);
  self->note_font = pango_font_description_from_string (NOTE_FONT);
  self->footer_font = pango_font_description_from_string (FOOTER_FONT);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

/**
 * drafting_print_layout_create_context:
 * @font_map: the font map to take fonts from
 *
 * Creates a Pango context set up as GtkPrintContext sets up its own when
 * lengths are in points: 72 dots an inch and no hinting of metrics, so
 * that text is measured as the page will show it, not as a screen would.
 * A thread that lays pages out gives it a font map of its own
 * (pango_cairo_font_map_new()): font maps are not shared across threads.
 *
 * Returns: (transfer full): a context for drafting_print_layout_new()
 */
PangoContext *
drafting_print_layout_create_context (PangoFontMap *font_map)
{
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (PANGO_IS_FONT_MAP (font_map), NULL);

  context = pango_font_map_create_context (font_map);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (context, 72);

  return context;
}

/**
 * drafting_print_layout_new:
 * @snapshot: the document, as a snapshot (drafting_document_snapshot())
 *   that nothing else reads or changes while the layout uses it
 * @context: the Pango context to lay text out with; the layout sets its
 *   language and base direction to the document's
 * @page_width: the width of the page, in points
 * @page_height: its height
 * @margin_top: the top margin the printer needs, in points, or 0; the
 *   margins are 2.5 cm unless the printer's are wider
 * @margin_right: the right one
 * @margin_bottom: the bottom one
 * @margin_left: the left one
 *
 * Creates the layout of @snapshot on pages of the given size. Nothing is
 * laid out yet: drafting_print_layout_paginate() does that. The layout,
 * its snapshot and its context are meant for one thread at a time: the
 * main thread for the print dialog, a worker thread for the PDF export.
 *
 * Returns: (transfer full): the layout
 */
DraftingPrintLayout *
drafting_print_layout_new (DraftingDocument *snapshot,
                           PangoContext     *context,
                           double            page_width,
                           double            page_height,
                           double            margin_top,
                           double            margin_right,
                           double            margin_bottom,
                           double            margin_left)
{
  DraftingPrintLayout *self;
  const char *language;
  const char *symbol;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (snapshot), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_object_new (DRAFTING_TYPE_PRINT_LAYOUT, NULL);
  self->pango_context = g_object_ref (context);

  language = drafting_document_get_language (snapshot);
  symbol = drafting_document_get_symbol (snapshot);

  margin_left = MAX (MARGIN, margin_left);
  margin_right = MAX (MARGIN, margin_right);
  margin_top = MAX (MARGIN, margin_top);
  margin_bottom = MAX (MARGIN, margin_bottom);

  self->left = margin_left;
  self->top = margin_top;
  self->text_width = MAX (page_width - margin_left - margin_right, MM (40));
  self->text_height = MAX (page_height - margin_top - margin_bottom, MM (40));

  self->rtl = drafting_language_is_right_to_left (language);
  self->terms = drafting_language_get_terms (language);
  if (language != NULL && language[0] != '\0')
    pango_context_set_language (context, pango_language_from_string (language));
  pango_context_set_base_dir (context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  if (symbol != NULL && symbol[0] != '\0')
    self->symbol = g_strdup (symbol);

  self->layout = drafting_layout_new (snapshot);

  start_page (self);

  return self;
}

/**
 * drafting_print_layout_track_changes:
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 *
 * Lays the document out with its open amendments marked, as the window's
 * marked view shows them, each delegation's in its colour. Call it before
 * the pages are made.
 */
void
drafting_print_layout_track_changes (DraftingPrintLayout *self,
                                     const char * const  *delegations)
{
  DraftingLayout *tracked;

  g_return_if_fail (DRAFTING_IS_PRINT_LAYOUT (self));
  g_return_if_fail (self->layout != NULL && self->blocks->len == 0);

  tracked = drafting_layout_new_tracked (drafting_layout_get_document (self->layout), delegations);
  drafting_layout_free (self->layout);
  self->layout = tracked;
}

/**
 * drafting_print_layout_paginate:
 * @deadline: the monotonic time (g_get_monotonic_time()) after which to
 *   stop, or -1 to go on until the end
 *
 * Lays the document out on pages, block after block, until every block
 * is placed or @deadline has passed; at least one block is placed at each
 * call, so that calls in turn always end. Called in a main loop, a slice
 * of a few milliseconds keeps the window drawing its frames.
 *
 * Returns: %TRUE once the pages are made
 */
gboolean
drafting_print_layout_paginate (DraftingPrintLayout *self,
                                gint64               deadline)
{
  g_return_val_if_fail (DRAFTING_IS_PRINT_LAYOUT (self), FALSE);

  if (self->paginated)
    return TRUE;

  do
    {
      /* A block that keeps with the next ones needs them built to know
       * whether it fits at the foot of the page. */
      ensure_blocks (self, self->next_block + MAX_KEEP_CHAIN + 2);
      if (self->next_block >= self->blocks->len)
        {
          self->paginated = TRUE;
          /* The blocks hold what the pages need: the snapshot can go. */
          g_clear_pointer (&self->layout, drafting_layout_free);
          return TRUE;
        }

      place_block (self, self->next_block);
      self->next_block++;
    }
  while (deadline < 0 || g_get_monotonic_time () < deadline);

  return FALSE;
}

/**
 * drafting_print_layout_get_n_pages:
 *
 * Returns: how many pages the document takes, once paginated
 */
guint
drafting_print_layout_get_n_pages (DraftingPrintLayout *self)
{
  g_return_val_if_fail (DRAFTING_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (self->paginated, 0);

  return self->pages->len;
}

/* Drawing a page goes in steps: each placement of text on it, each of
 * its footnotes, then the footer. */
static guint
page_n_steps (Page *page)
{
  return page->placements->len + page->notes->len + 1;
}

static void
draw_step (DraftingPrintLayout *self,
           cairo_t             *cr,
           guint                page_nr,
           guint                step)
{
  Page *page = g_ptr_array_index (self->pages, page_nr);

  if (step < page->placements->len)
    {
      Placement *placement = &g_array_index (page->placements, Placement, step);

      draw_lines (self, cr, placement->block, placement->first_line, placement->n_lines,
                  self->top + placement->y);
      return;
    }

  step -= page->placements->len;
  if (step < page->notes->len)
    draw_note (self, cr, page, step);
  else
    draw_footer (self, cr, page_nr);
}

/**
 * drafting_print_layout_draw_page_part:
 * @cr: a cairo context whose user space is the page, in points, its
 *   origin at the top left corner
 * @page_nr: the page, from 0
 * @step: (inout): where drawing the page has got to: 0 at first
 * @deadline: the monotonic time (g_get_monotonic_time()) after which to
 *   stop, or -1 to draw the whole page
 *
 * Draws a part of a page of the paginated document, from @step on, until
 * the page is drawn or @deadline has passed, and moves @step on. A page of
 * dense text can take longer than a frame to draw: this lets a main loop
 * turn between two parts. Nothing else may draw on @cr in between.
 *
 * Returns: %TRUE once the page is drawn
 */
gboolean
drafting_print_layout_draw_page_part (DraftingPrintLayout *self,
                                      cairo_t             *cr,
                                      guint                page_nr,
                                      guint               *step,
                                      gint64               deadline)
{
  guint n_steps;

  g_return_val_if_fail (DRAFTING_IS_PRINT_LAYOUT (self), TRUE);
  g_return_val_if_fail (cr != NULL, TRUE);
  g_return_val_if_fail (step != NULL, TRUE);
  g_return_val_if_fail (self->paginated, TRUE);
  g_return_val_if_fail (page_nr < self->pages->len, TRUE);

  n_steps = page_n_steps (g_ptr_array_index (self->pages, page_nr));
  if (*step >= n_steps)
    return TRUE;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  do
    draw_step (self, cr, page_nr, (*step)++);
  while (*step < n_steps && (deadline < 0 || g_get_monotonic_time () < deadline));
  cairo_restore (cr);

  return *step >= n_steps;
}

/**
 * drafting_print_layout_draw_page:
 * @cr: a cairo context whose user space is the page, in points, its
 *   origin at the top left corner
 * @page_nr: the page, from 0
 *
 * Draws a page of the paginated document: its text, the footnotes it
 * calls, and its footer.
 */
void
drafting_print_layout_draw_page (DraftingPrintLayout *self,
                                 cairo_t             *cr,
                                 guint                page_nr)
{
  guint step = 0;

  drafting_print_layout_draw_page_part (self, cr, page_nr, &step, -1);
}

/**
 * drafting_print_layout_dup_texts:
 *
 * What the paginated document prints, block by block in reading order:
 * each element's text with the number that hangs before it ("3. Invites
 * ..."), the footnotes each calls after it ("¹ The World ..."). Page
 * breaks and the footer are not in it.
 *
 * Returns: (transfer full): the text of each block
 */
GStrv
drafting_print_layout_dup_texts (DraftingPrintLayout *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DRAFTING_IS_PRINT_LAYOUT (self), NULL);
  g_return_val_if_fail (self->paginated, NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *text = block->label != NULL
                              ? g_strconcat (block->label, " ", block->text, NULL)
                              : g_strdup (block->text);

      g_strv_builder_add (builder, text);
      for (guint j = 0; block->notes != NULL && j < block->notes->len; j++)
        g_strv_builder_add (builder, ((Block *) g_ptr_array_index (block->notes, j))->text);
    }

  return g_strv_builder_end (builder);
}
