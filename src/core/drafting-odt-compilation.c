/* drafting-odt-compilation.c: the compilation of amendments as OpenDocument Text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-odt-private.h"

#include "drafting-compilation.h"
#include "drafting-language.h"

/*
 * The compilation is a table on landscape pages, under a title and the
 * document's symbol and title: a heading row, repeated on every page,
 * then a row an amendment, as drafting_compilation_build() lists them.
 * The proposed text marks the words an amendment inserts in bold,
 * underlined, and those it deletes struck through, as compilations of
 * amendments are printed; both are character styles ("Inserted words",
 * "Deleted words") a person can restyle. The headings and the statuses
 * are the document's language's; an Arabic document's table reads from
 * right to left.
 */

#define TABLE_NAME "Compilation"

/* The columns: their share of the table's width. */
static const guint column_widths[] = { 14, 22, 26, 12, 18, 8 };

/* ------------------------------------------------------------------ */
/* Named styles                                                        */

static void
paragraph_style (DraftingXmlPart *part,
                 const char      *name,
                 const char      *display,
                 const char      *parent,
                 const char      *align,
                 const char      *size,
                 gboolean         bold)
{
  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", name);
  drafting_xml_part_attr (part, "style:display-name", display);
  drafting_xml_part_attr (part, "style:family", "paragraph");
  drafting_xml_part_attr (part, "style:parent-style-name", parent);
  drafting_xml_part_start (part, "style:paragraph-properties");
  drafting_xml_part_attr (part, "fo:text-align", align);
  drafting_xml_part_attr (part, "fo:margin-bottom", "3pt");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "style:text-properties");
  if (size != NULL)
    {
      drafting_xml_part_attr (part, "fo:font-size", size);
      drafting_xml_part_attr (part, "style:font-size-complex", size);
    }
  if (bold)
    {
      drafting_xml_part_attr (part, "fo:font-weight", "bold");
      drafting_xml_part_attr (part, "style:font-weight-complex", "bold");
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/**
 * _drafting_odt_compilation_styles:
 * @part: the office:styles of the package's styles.xml, open
 *
 * Writes the named styles of a compilation.
 */
void
_drafting_odt_compilation_styles (DraftingXmlPart *part)
{
  paragraph_style (part, "Compilation_20_title", "Compilation title", "Standard",
                   "center", "14pt", TRUE);
  paragraph_style (part, "Compilation_20_subtitle", "Compilation subtitle", "Standard",
                   "center", NULL, FALSE);
  paragraph_style (part, "Table_20_Contents", "Table Contents", "Standard",
                   "start", "10pt", FALSE);
  paragraph_style (part, "Table_20_Heading", "Table Heading", "Table_20_Contents",
                   "center", "10pt", TRUE);

  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", "Inserted_20_words");
  drafting_xml_part_attr (part, "style:display-name", "Inserted words");
  drafting_xml_part_attr (part, "style:family", "text");
  drafting_xml_part_start (part, "style:text-properties");
  drafting_xml_part_attr (part, "fo:font-weight", "bold");
  drafting_xml_part_attr (part, "style:font-weight-complex", "bold");
  drafting_xml_part_attr (part, "style:text-underline-style", "solid");
  drafting_xml_part_attr (part, "style:text-underline-width", "auto");
  drafting_xml_part_attr (part, "style:text-underline-color", "font-color");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", "Deleted_20_words");
  drafting_xml_part_attr (part, "style:display-name", "Deleted words");
  drafting_xml_part_attr (part, "style:family", "text");
  drafting_xml_part_start (part, "style:text-properties");
  drafting_xml_part_attr (part, "style:text-line-through-style", "solid");
  drafting_xml_part_attr (part, "style:text-line-through-type", "single");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

static void
automatic_styles (DraftingXmlPart *part,
                  gboolean         rtl)
{
  drafting_xml_part_start (part, "office:automatic-styles");

  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", TABLE_NAME);
  drafting_xml_part_attr (part, "style:family", "table");
  drafting_xml_part_start (part, "style:table-properties");
  drafting_xml_part_attr (part, "style:width", "247mm");
  drafting_xml_part_attr (part, "table:align", "margins");
  drafting_xml_part_attr (part, "fo:margin-top", "6pt");
  drafting_xml_part_attr (part, "style:writing-mode", rtl ? "rl-tb" : "lr-tb");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
    {
      drafting_xml_part_start (part, "style:style");
      drafting_xml_part_attr_printf (part, "style:name", TABLE_NAME ".%c", 'A' + i);
      drafting_xml_part_attr (part, "style:family", "table-column");
      drafting_xml_part_start (part, "style:table-column-properties");
      drafting_xml_part_attr_printf (part, "style:column-width", "%.1fmm",
                                     247.0 * column_widths[i] / 100);
      drafting_xml_part_attr_printf (part, "style:rel-column-width", "%u*",
                                     column_widths[i] * 100);
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }

  for (guint heading = 0; heading < 2; heading++)
    {
      drafting_xml_part_start (part, "style:style");
      drafting_xml_part_attr (part, "style:name", heading ? TABLE_NAME ".Heading" : TABLE_NAME ".Cell");
      drafting_xml_part_attr (part, "style:family", "table-cell");
      drafting_xml_part_start (part, "style:table-cell-properties");
      drafting_xml_part_attr (part, "fo:padding", "1.5mm");
      drafting_xml_part_attr (part, "fo:border", "0.5pt solid #000000");
      if (heading)
        drafting_xml_part_attr (part, "fo:background-color", "#e6e6e6");
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }

  drafting_xml_part_end (part);
}

static void
paragraph (DraftingXmlPart *part,
           const char      *style,
           const char      *text)
{
  drafting_xml_part_start (part, "text:p");
  drafting_xml_part_attr (part, "text:style-name", style);
  if (text != NULL)
    _drafting_odt_write_text (part, text, strlen (text));
  drafting_xml_part_end (part);
}

static void
cell_start (DraftingXmlPart *part,
            const char      *style)
{
  drafting_xml_part_start (part, "table:table-cell");
  drafting_xml_part_attr (part, "table:style-name", style);
  drafting_xml_part_attr (part, "office:value-type", "string");
}

/* A cell of paragraphs, one a line of @text. */
static void
text_cell (DraftingXmlPart *part,
           const char      *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  cell_start (part, TABLE_NAME ".Cell");
  /* g_strsplit() gives no line at all for "". */
  if (lines[0] == NULL)
    paragraph (part, "Table_20_Contents", NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (i == 0 || lines[i][0] != '\0')
      paragraph (part, "Table_20_Contents", lines[i]);
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

  if (length > 0 && change != DRAFTING_CHANGE_NONE)
    {
      drafting_xml_part_start (part, "text:span");
      drafting_xml_part_attr (part, "text:style-name",
                              change == DRAFTING_CHANGE_INSERTED ? "Inserted_20_words"
                                                                 : "Deleted_20_words");
      _drafting_odt_write_text (part, text, length);
      drafting_xml_part_end (part);
    }
  else if (length > 0)
    _drafting_odt_write_text (part, text, length);
  if (line_ends)
    {
      drafting_xml_part_end (part);
      drafting_xml_part_start (part, "text:p");
      drafting_xml_part_attr (part, "text:style-name", "Table_20_Contents");
    }
}

/* @marked's text, a paragraph a line, its changes in their styles. */
static void
marked_paragraphs (DraftingXmlPart    *part,
                   DraftingMarkedText *marked)
{
  drafting_xml_part_start (part, "text:p");
  drafting_xml_part_attr (part, "text:style-name", "Table_20_Contents");
  drafting_marked_text_foreach_segment (marked, write_segment, part);
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

  drafting_xml_part_start (part, "table:table-header-rows");
  drafting_xml_part_start (part, "table:table-row");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      cell_start (part, TABLE_NAME ".Heading");
      paragraph (part, "Table_20_Heading", headings[i]);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

static void
entry_row (DraftingXmlPart                *part,
           const DraftingCompilationEntry *entry)
{
  drafting_xml_part_start (part, "table:table-row");

  text_cell (part, entry->element);
  text_cell (part, entry->present);

  cell_start (part, TABLE_NAME ".Cell");
  if (entry->destination != NULL)
    {
      drafting_xml_part_start (part, "text:p");
      drafting_xml_part_attr (part, "text:style-name", "Table_20_Contents");
      drafting_xml_part_start (part, "text:span");
      drafting_xml_part_attr (part, "text:style-name", "Emphasis");
      _drafting_odt_write_text (part, entry->destination, strlen (entry->destination));
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }
  marked_paragraphs (part, entry->proposed);
  drafting_xml_part_end (part);

  cell_start (part, TABLE_NAME ".Cell");
  paragraph (part, "Table_20_Contents", entry->delegation);
  if (entry->cosponsors != NULL)
    paragraph (part, "Table_20_Contents", entry->cosponsors);
  drafting_xml_part_end (part);

  text_cell (part, entry->justification);
  text_cell (part, entry->status);

  drafting_xml_part_end (part);
}

/**
 * _drafting_odt_write_compilation_content:
 * @document: the document
 * @entries: (element-type DraftingCompilationEntry): its amendments, as
 *   drafting_compilation_build() lists them
 *
 * Returns: (transfer full) (nullable): the compilation's content.xml
 */
GBytes *
_drafting_odt_write_compilation_content (DraftingDocument *document,
                                         GPtrArray        *entries)
{
  const char *language = drafting_document_get_language (document);
  const DraftingLanguageTerms *terms = drafting_language_get_terms (language);
  const char *title = drafting_document_get_title (document);
  const char *symbol = drafting_document_get_symbol (document);
  DraftingXmlPart part;

  drafting_xml_part_init (&part, FALSE);
  drafting_xml_part_start (&part, "office:document-content");
  _drafting_odt_namespaces (&part);
  _drafting_odt_font_faces (&part);
  automatic_styles (&part, drafting_language_is_right_to_left (language));

  drafting_xml_part_start (&part, "office:body");
  drafting_xml_part_start (&part, "office:text");

  drafting_xml_part_start (&part, "text:h");
  drafting_xml_part_attr (&part, "text:style-name", "Compilation_20_title");
  drafting_xml_part_attr (&part, "text:outline-level", "1");
  drafting_xml_part_text (&part, terms->compilation, -1);
  drafting_xml_part_end (&part);
  if (symbol != NULL && symbol[0] != '\0')
    paragraph (&part, "Compilation_20_subtitle", symbol);
  if (title != NULL && title[0] != '\0')
    paragraph (&part, "Compilation_20_subtitle", title);

  if (entries->len == 0)
    paragraph (&part, "Standard", terms->no_amendments);
  else
    {
      drafting_xml_part_start (&part, "table:table");
      drafting_xml_part_attr (&part, "table:name", TABLE_NAME);
      drafting_xml_part_attr (&part, "table:style-name", TABLE_NAME);
      for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
        {
          drafting_xml_part_start (&part, "table:table-column");
          drafting_xml_part_attr_printf (&part, "table:style-name", TABLE_NAME ".%c", 'A' + i);
          drafting_xml_part_end (&part);
        }
      heading_row (&part, terms);
      for (guint i = 0; i < entries->len; i++)
        entry_row (&part, g_ptr_array_index (entries, i));
      drafting_xml_part_end (&part);
    }

  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}
