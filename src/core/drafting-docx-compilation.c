/* drafting-docx-compilation.c: the compilation of amendments as a Word document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-docx-private.h"

#include "drafting-compilation.h"
#include "drafting-language.h"

/*
 * The same table as the OpenDocument compilation (drafting-odt-compilation.c),
 * in WordprocessingML: a title, the document's symbol and title, then a
 * table whose heading row repeats on every page, a row an amendment. The
 * words an amendment inserts are bold and underlined, those it deletes
 * struck through, by character styles ("Inserted words", "Deleted words").
 * An Arabic document's table reads from right to left.
 */

/* The landscape page's text width, in twentieths of a point: A4's height
 * less margins of 2.5 cm. */
#define TABLE_WIDTH 14002

/* The columns: their share of the table's width. */
static const guint column_widths[] = { 14, 22, 26, 12, 18, 8 };

/* ------------------------------------------------------------------ */
/* Named styles                                                        */

static void
paragraph_style (DraftingXmlPart *part,
                 const char      *id,
                 const char      *name,
                 const char      *based_on,
                 const char      *align,
                 const char      *size,
                 gboolean         bold)
{
  _drafting_docx_style_start (part, "paragraph", id, name, based_on, NULL, TRUE);
  drafting_xml_part_start (part, "w:pPr");
  drafting_xml_part_start (part, "w:spacing");
  drafting_xml_part_attr (part, "w:after", "60");
  drafting_xml_part_end (part);
  _drafting_docx_val (part, "w:jc", align);
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:rPr");
  if (bold)
    {
      _drafting_docx_empty (part, "w:b");
      _drafting_docx_empty (part, "w:bCs");
    }
  if (size != NULL)
    {
      _drafting_docx_val (part, "w:sz", size);
      _drafting_docx_val (part, "w:szCs", size);
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/**
 * _drafting_docx_compilation_styles:
 * @part: the package's w:styles, open
 *
 * Writes the named styles of a compilation.
 */
void
_drafting_docx_compilation_styles (DraftingXmlPart *part)
{
  paragraph_style (part, "CompilationTitle", "Compilation title", "Normal", "center", "28", TRUE);
  paragraph_style (part, "CompilationSubtitle", "Compilation subtitle", "Normal", "center",
                   NULL, FALSE);
  paragraph_style (part, "TableContents", "Table Contents", "Normal", "start", "20", FALSE);
  paragraph_style (part, "TableHeading", "Table Heading", "TableContents", "center", "20", TRUE);

  _drafting_docx_style_start (part, "character", "InsertedWords", "Inserted words",
                              "DefaultParagraphFont", NULL, TRUE);
  drafting_xml_part_start (part, "w:rPr");
  _drafting_docx_empty (part, "w:b");
  _drafting_docx_empty (part, "w:bCs");
  _drafting_docx_val (part, "w:u", "single");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  _drafting_docx_style_start (part, "character", "DeletedWords", "Deleted words",
                              "DefaultParagraphFont", NULL, TRUE);
  drafting_xml_part_start (part, "w:rPr");
  _drafting_docx_empty (part, "w:strike");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

static void
paragraph_start (DraftingXmlPart *part,
                 const char      *style)
{
  drafting_xml_part_start (part, "w:p");
  drafting_xml_part_start (part, "w:pPr");
  _drafting_docx_val (part, "w:pStyle", style);
  drafting_xml_part_end (part);
}

/* A run of @length bytes of @text, in the character style @style if
 * given. */
static void
run (DraftingXmlPart *part,
     const char      *style,
     const char      *text,
     gsize            length)
{
  drafting_xml_part_start (part, "w:r");
  if (style != NULL)
    {
      drafting_xml_part_start (part, "w:rPr");
      _drafting_docx_val (part, "w:rStyle", style);
      drafting_xml_part_end (part);
    }
  _drafting_docx_write_text (part, text, length, FALSE);
  drafting_xml_part_end (part);
}

static void
paragraph (DraftingXmlPart *part,
           const char      *style,
           const char      *text)
{
  paragraph_start (part, style);
  if (text != NULL && text[0] != '\0')
    run (part, NULL, text, strlen (text));
  drafting_xml_part_end (part);
}

static void
cell_start (DraftingXmlPart *part,
            guint            column,
            gboolean         heading)
{
  drafting_xml_part_start (part, "w:tc");
  drafting_xml_part_start (part, "w:tcPr");
  drafting_xml_part_start (part, "w:tcW");
  drafting_xml_part_attr_printf (part, "w:w", "%u", TABLE_WIDTH * column_widths[column] / 100);
  drafting_xml_part_attr (part, "w:type", "dxa");
  drafting_xml_part_end (part);
  if (heading)
    {
      drafting_xml_part_start (part, "w:shd");
      drafting_xml_part_attr (part, "w:val", "clear");
      drafting_xml_part_attr (part, "w:color", "auto");
      drafting_xml_part_attr (part, "w:fill", "E6E6E6");
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

/* A cell of paragraphs, one a line of @text; a cell holds one at least. */
static void
text_cell (DraftingXmlPart *part,
           guint            column,
           const char      *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  cell_start (part, column, FALSE);
  /* g_strsplit() gives no line at all for "". */
  if (lines[0] == NULL)
    paragraph (part, "TableContents", NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (i == 0 || lines[i][0] != '\0')
      paragraph (part, "TableContents", lines[i]);
  drafting_xml_part_end (part);
}

static void
write_segment (const char     *text,
               gsize           length,
               DraftingChange  change,
               gboolean        line_ends,
               gpointer        user_data)
{
  DraftingXmlPart *part = user_data;

  if (length > 0)
    run (part, change == DRAFTING_CHANGE_INSERTED ? "InsertedWords"
               : change == DRAFTING_CHANGE_DELETED ? "DeletedWords" : NULL,
         text, length);
  if (line_ends)
    {
      drafting_xml_part_end (part);
      paragraph_start (part, "TableContents");
    }
}

/* @marked's text, a paragraph a line, its changes in their styles. */
static void
marked_paragraphs (DraftingXmlPart    *part,
                   DraftingMarkedText *marked)
{
  paragraph_start (part, "TableContents");
  drafting_marked_text_foreach_segment (marked, write_segment, part);
  drafting_xml_part_end (part);
}

static void
border (DraftingXmlPart *part,
        const char      *name)
{
  drafting_xml_part_start (part, name);
  drafting_xml_part_attr (part, "w:val", "single");
  drafting_xml_part_attr (part, "w:sz", "4");
  drafting_xml_part_attr (part, "w:space", "0");
  drafting_xml_part_attr (part, "w:color", "000000");
  drafting_xml_part_end (part);
}

static void
table_properties (DraftingXmlPart *part,
                  gboolean         rtl)
{
  static const char * const borders[] = {
    "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV",
  };
  static const char * const margins[] = { "w:top", "w:left", "w:bottom", "w:right" };

  drafting_xml_part_start (part, "w:tblPr");
  if (rtl)
    _drafting_docx_empty (part, "w:bidiVisual");
  drafting_xml_part_start (part, "w:tblW");
  drafting_xml_part_attr_printf (part, "w:w", "%d", TABLE_WIDTH);
  drafting_xml_part_attr (part, "w:type", "dxa");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (borders); i++)
    border (part, borders[i]);
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:tblLayout");
  drafting_xml_part_attr (part, "w:type", "fixed");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:tblCellMar");
  for (guint i = 0; i < G_N_ELEMENTS (margins); i++)
    {
      drafting_xml_part_start (part, margins[i]);
      drafting_xml_part_attr (part, "w:w", i % 2 == 0 ? "57" : "85");
      drafting_xml_part_attr (part, "w:type", "dxa");
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  drafting_xml_part_start (part, "w:tblGrid");
  for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
    {
      drafting_xml_part_start (part, "w:gridCol");
      drafting_xml_part_attr_printf (part, "w:w", "%u", TABLE_WIDTH * column_widths[i] / 100);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

static void
heading_row (DraftingXmlPart             *part,
             const DraftingLanguageTerms *terms)
{
  const char *headings[] = {
    terms->column_element, terms->column_present, terms->column_proposed,
    terms->column_proponents, terms->column_justification, terms->column_status,
  };

  drafting_xml_part_start (part, "w:tr");
  drafting_xml_part_start (part, "w:trPr");
  _drafting_docx_empty (part, "w:tblHeader");
  drafting_xml_part_end (part);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      cell_start (part, i, TRUE);
      paragraph (part, "TableHeading", headings[i]);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

static void
entry_row (DraftingXmlPart                *part,
           const DraftingCompilationEntry *entry)
{
  drafting_xml_part_start (part, "w:tr");

  text_cell (part, 0, entry->element);
  text_cell (part, 1, entry->present);

  cell_start (part, 2, FALSE);
  if (entry->destination != NULL)
    {
      paragraph_start (part, "TableContents");
      run (part, "Emphasis", entry->destination, strlen (entry->destination));
      drafting_xml_part_end (part);
    }
  marked_paragraphs (part, entry->proposed);
  drafting_xml_part_end (part);

  cell_start (part, 3, FALSE);
  paragraph (part, "TableContents", entry->delegation);
  if (entry->cosponsors != NULL)
    paragraph (part, "TableContents", entry->cosponsors);
  drafting_xml_part_end (part);

  text_cell (part, 4, entry->justification);
  text_cell (part, 5, entry->status);

  drafting_xml_part_end (part);
}

/**
 * _drafting_docx_write_compilation_body:
 * @part: word/document.xml, its w:body open
 * @document: the document
 * @entries: (element-type DraftingCompilationEntry): its amendments, as
 *   drafting_compilation_build() lists them
 *
 * Writes the compilation's title and table.
 */
void
_drafting_docx_write_compilation_body (DraftingXmlPart  *part,
                                       DraftingDocument *document,
                                       GPtrArray        *entries)
{
  const char *language = drafting_document_get_language (document);
  const DraftingLanguageTerms *terms = drafting_language_get_terms (language);
  const char *title = drafting_document_get_title (document);
  const char *symbol = drafting_document_get_symbol (document);

  paragraph (part, "CompilationTitle", terms->compilation);
  if (symbol != NULL && symbol[0] != '\0')
    paragraph (part, "CompilationSubtitle", symbol);
  if (title != NULL && title[0] != '\0')
    paragraph (part, "CompilationSubtitle", title);

  if (entries->len == 0)
    {
      paragraph (part, "Normal", terms->no_amendments);
      return;
    }

  drafting_xml_part_start (part, "w:tbl");
  table_properties (part, drafting_language_is_right_to_left (language));
  heading_row (part, terms);
  for (guint i = 0; i < entries->len; i++)
    entry_row (part, g_ptr_array_index (entries, i));
  drafting_xml_part_end (part);

  /* Word ends a body with a paragraph, never a table. */
  paragraph (part, "Normal", NULL);
}
