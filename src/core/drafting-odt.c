/* drafting-odt.c: a document as OpenDocument Text, as the window prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "drafting-odt.h"
#include "drafting-odt-private.h"

#include "drafting-compilation.h"
#include "drafting-language.h"
#include "drafting-layout.h"
#include "drafting-xml-part.h"
#include "drafting-zip-writer.h"

/*
 * The document goes out as OpenDocument Text 1.3, laid out by the core's
 * layout (drafting-layout.c), block by block, as it prints: what the
 * window prints, LibreOffice shows.
 *
 * Each kind of element has a paragraph style of its own, named as a
 * person would look for it in LibreOffice's list of styles ("Preambular
 * clause", "Operative paragraph", "Principle", ...), which holds what is
 * the same for every element of the kind: the font, bold or italic, the
 * capitals of a heading, the alignment, what keeps with the next. What
 * varies from one paragraph to another (how far it is indented, the room
 * its number hangs in, the space above it, a new page before an annex) is
 * an automatic style, derived from the named one, one for each different
 * combination. Numbers are written as the document shows them, hanging
 * before the text at a tab stop, so that every reader shows the same
 * numbers; the emphasis, the strong words and the leading phrase are
 * character styles ("Emphasis", "Strong Emphasis", "Leading phrase");
 * footnotes are real ODF footnotes. The document's language is on the
 * default style, its properties (title, symbol, status, language, the
 * body that issues it) in the metadata, and the footer of each page has
 * its symbol and the page number.
 *
 * The package is made in memory (drafting-zip-writer.c), "mimetype"
 * first and stored, then the manifest and the parts, each XML written
 * with libxml2's writer (drafting-xml-part.c); the caller writes the
 * bytes where it will.
 */

#define ODF_VERSION "1.3"
#define MIMETYPE    "application/vnd.oasis.opendocument.text"

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define BODY_FONT   "Times New Roman"
#define BODY_SIZE   "11pt"
#define NOTE_SIZE   "9pt"

/* A kind's paragraph style: its name in the package, and as LibreOffice
 * lists it. */
typedef struct
{
  DraftingKind  kind;
  const char   *name;
  const char   *display;
} KindStyle;

static const KindStyle kind_styles[] = {
  { DRAFTING_KIND_HEADING, "Heading_20_line", "Heading line" },
  { DRAFTING_KIND_PLACE_DATE, "Place_20_and_20_date", "Place and date" },
  { DRAFTING_KIND_TITLE, "Document_20_title", "Document title" },
  { DRAFTING_KIND_OCCASION, "Occasion", "Occasion" },
  { DRAFTING_KIND_AUTHORITY, "Authority", "Authority" },
  { DRAFTING_KIND_PREAMBLE_CLAUSE, "Preambular_20_clause", "Preambular clause" },
  { DRAFTING_KIND_OPERATIVE_FORMULA, "Operative_20_formula", "Operative formula" },
  { DRAFTING_KIND_OPERATIVE_PARAGRAPH, "Operative_20_paragraph", "Operative paragraph" },
  { DRAFTING_KIND_SUB_PARAGRAPH, "Sub-paragraph", "Sub-paragraph" },
  { DRAFTING_KIND_SPEAKER_FORMULA, "Speaker_20_formula", "Speaker formula" },
  { DRAFTING_KIND_STATEMENT, "Statement", "Statement" },
  { DRAFTING_KIND_NARRATIVE_PARAGRAPH, "Narrative_20_paragraph", "Narrative paragraph" },
  { DRAFTING_KIND_ANNEX, "Annex_20_heading", "Annex heading" },
  { DRAFTING_KIND_PRINCIPLE, "Principle", "Principle" },
  { DRAFTING_KIND_SECTION, "Section", "Section" },
  { DRAFTING_KIND_ITEM, "Item", "Item" },
  { DRAFTING_KIND_PARAGRAPH, "Paragraph", "Paragraph" },
  { DRAFTING_KIND_FOOTNOTE, "Footnote", "Footnote" },
};

static const KindStyle *
kind_style (DraftingKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    if (kind_styles[i].kind == kind)
      return &kind_styles[i];

  return &kind_styles[G_N_ELEMENTS (kind_styles) - 2];   /* Paragraph */
}

/* ------------------------------------------------------------------ */
/* Writing XML                                                         */

/* A length in points, as ODF writes it: "12.5pt". */
static void
attr_points (DraftingXmlPart *part,
             const char      *name,
             double           points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f", points);
  drafting_xml_part_attr_printf (part, name, "%spt", number);
}

/* Text as ODF keeps it: a line break, a tab and the second and later of
 * several spaces are elements of their own, or a reader collapses them. */
void
_drafting_odt_write_text (DraftingXmlPart *part,
            const char      *content,
            gsize            length)
{
  const char *p = content;
  const char *stop = content + length;
  const char *run = p;

  while (p < stop)
    {
      if (*p == '\n' || *p == '\t' || (*p == ' ' && p + 1 < stop && p[1] == ' '))
        {
          guint spaces = 0;

          if (*p == ' ')
            p++;          /* the first space of several stays a space */
          if (p > run)
            drafting_xml_part_text (part, run, p - run);
          if (*p == '\n')
            {
              drafting_xml_part_start (part, "text:line-break");
              drafting_xml_part_end (part);
              p++;
            }
          else if (*p == '\t')
            {
              drafting_xml_part_start (part, "text:tab");
              drafting_xml_part_end (part);
              p++;
            }
          else
            {
              while (p < stop && *p == ' ')
                {
                  spaces++;
                  p++;
                }
              drafting_xml_part_start (part, "text:s");
              if (spaces > 1)
                drafting_xml_part_attr_printf (part, "text:c", "%u", spaces);
              drafting_xml_part_end (part);
            }
          run = p;
          continue;
        }
      p++;
    }
  if (p > run)
    drafting_xml_part_text (part, run, p - run);
}

/* ------------------------------------------------------------------ */
/* The package's small parts                                           */

static GBytes *
write_manifest (void)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml" };
  DraftingXmlPart part;

  drafting_xml_part_init (&part, FALSE);
  drafting_xml_part_start (&part, "manifest:manifest");
  drafting_xml_part_attr (&part, "xmlns:manifest", NS_MANIFEST);
  drafting_xml_part_attr (&part, "manifest:version", ODF_VERSION);

  drafting_xml_part_start (&part, "manifest:file-entry");
  drafting_xml_part_attr (&part, "manifest:full-path", "/");
  drafting_xml_part_attr (&part, "manifest:version", ODF_VERSION);
  drafting_xml_part_attr (&part, "manifest:media-type", MIMETYPE);
  drafting_xml_part_end (&part);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      drafting_xml_part_start (&part, "manifest:file-entry");
      drafting_xml_part_attr (&part, "manifest:full-path", parts[i]);
      drafting_xml_part_attr (&part, "manifest:media-type", "text/xml");
      drafting_xml_part_end (&part);
    }
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

static void
user_defined (DraftingXmlPart *part,
              const char      *name,
              const char      *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  drafting_xml_part_start (part, "meta:user-defined");
  drafting_xml_part_attr (part, "meta:name", name);
  drafting_xml_part_text (part, value, -1);
  drafting_xml_part_end (part);
}

/* The document's properties, as LibreOffice's File ▸ Properties shows
 * them: its title and language, and the symbol, status and issuing body
 * as properties of their own. The names of these are the format's, not
 * words of the document: they stay as they are in every language. */
static GBytes *
write_meta (DraftingDocument *document)
{
  const char *title = drafting_document_get_title (document);
  const char *language = drafting_document_get_language (document);
  DraftingXmlPart part;

  drafting_xml_part_init (&part, FALSE);
  drafting_xml_part_start (&part, "office:document-meta");
  drafting_xml_part_attr (&part, "xmlns:office", NS_OFFICE);
  drafting_xml_part_attr (&part, "xmlns:meta", NS_META);
  drafting_xml_part_attr (&part, "xmlns:dc", NS_DC);
  drafting_xml_part_attr (&part, "office:version", ODF_VERSION);
  drafting_xml_part_start (&part, "office:meta");
  drafting_xml_part_element_with_text (&part, "meta:generator", "Drafting/" PACKAGE_VERSION);
  if (title != NULL && title[0] != '\0')
    drafting_xml_part_element_with_text (&part, "dc:title", title);
  if (language != NULL && language[0] != '\0')
    drafting_xml_part_element_with_text (&part, "dc:language", language);
  user_defined (&part, "Symbol", drafting_document_get_symbol (document));
  user_defined (&part, "Status", drafting_status_to_string (drafting_document_get_status (document)));
  user_defined (&part, "Issuing body", drafting_document_get_body (document));
  user_defined (&part, "Document identifier", drafting_document_get_identifier (document));
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* ------------------------------------------------------------------ */
/* Styles                                                              */

void
_drafting_odt_namespaces (DraftingXmlPart *part)
{
  drafting_xml_part_attr (part, "xmlns:table", NS_TABLE);
  drafting_xml_part_attr (part, "xmlns:office", NS_OFFICE);
  drafting_xml_part_attr (part, "xmlns:style", NS_STYLE);
  drafting_xml_part_attr (part, "xmlns:text", NS_TEXT);
  drafting_xml_part_attr (part, "xmlns:fo", NS_FO);
  drafting_xml_part_attr (part, "xmlns:svg", NS_SVG);
  drafting_xml_part_attr (part, "xmlns:dc", NS_DC);
  drafting_xml_part_attr (part, "office:version", ODF_VERSION);
}

void
_drafting_odt_font_faces (DraftingXmlPart *part)
{
  drafting_xml_part_start (part, "office:font-face-decls");
  drafting_xml_part_start (part, "style:font-face");
  drafting_xml_part_attr (part, "style:name", BODY_FONT);
  drafting_xml_part_attr_printf (part, "svg:font-family", "'%s'", BODY_FONT);
  drafting_xml_part_attr (part, "style:font-family-generic", "roman");
  drafting_xml_part_attr (part, "style:font-pitch", "variable");
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/* The language of the document on the text of a style: Western, or
 * complex script (Arabic) as ODF keeps them apart. */
static void
language_properties (DraftingXmlPart *part,
                     const char      *language)
{
  g_auto(GStrv) parts = NULL;
  gboolean complex;

  if (language == NULL || language[0] == '\0')
    return;

  parts = g_strsplit_set (language, "-_", 2);
  complex = drafting_language_is_right_to_left (language);
  drafting_xml_part_attr (part, complex ? "style:language-complex" : "fo:language", parts[0]);
  if (parts[1] != NULL && parts[1][0] != '\0')
    drafting_xml_part_attr (part, complex ? "style:country-complex" : "fo:country", parts[1]);
}

/* What is the same for every element of @kind, as the layout lays the
 * first of them out. */
static void
paragraph_style (DraftingXmlPart           *part,
                 const KindStyle           *style,
                 const DraftingLayoutBlock *block)
{
  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", style->name);
  drafting_xml_part_attr (part, "style:display-name", style->display);
  drafting_xml_part_attr (part, "style:family", "paragraph");
  drafting_xml_part_attr (part, "style:parent-style-name", "Standard");

  drafting_xml_part_start (part, "style:paragraph-properties");
  switch (block->align)
    {
    case DRAFTING_LAYOUT_CENTRED:
      drafting_xml_part_attr (part, "fo:text-align", "center");
      break;
    case DRAFTING_LAYOUT_START:
      drafting_xml_part_attr (part, "fo:text-align", "start");
      break;
    case DRAFTING_LAYOUT_JUSTIFIED:
    default:
      drafting_xml_part_attr (part, "fo:text-align", "justify");
      drafting_xml_part_attr (part, "fo:text-align-last", "start");
      break;
    }
  if (block->keep_with_next)
    drafting_xml_part_attr (part, "fo:keep-with-next", "always");
  if (block->note)
    attr_points (part, "fo:margin-bottom", 2);
  /* No orphans and no widows, as the printed page has none. */
  drafting_xml_part_attr (part, "fo:orphans", "2");
  drafting_xml_part_attr (part, "fo:widows", "2");
  drafting_xml_part_end (part);

  if (block->bold || block->italic || block->uppercase || block->note)
    {
      drafting_xml_part_start (part, "style:text-properties");
      if (block->bold)
        {
          drafting_xml_part_attr (part, "fo:font-weight", "bold");
          drafting_xml_part_attr (part, "style:font-weight-complex", "bold");
        }
      if (block->italic)
        {
          drafting_xml_part_attr (part, "fo:font-style", "italic");
          drafting_xml_part_attr (part, "style:font-style-complex", "italic");
        }
      if (block->uppercase)
        drafting_xml_part_attr (part, "fo:text-transform", "uppercase");
      if (block->note)
        drafting_xml_part_attr (part, "fo:font-size", NOTE_SIZE);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

static void
character_style (DraftingXmlPart *part,
                 const char      *name,
                 const char      *display,
                 gboolean         italic,
                 gboolean         bold)
{
  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", name);
  if (display != NULL)
    drafting_xml_part_attr (part, "style:display-name", display);
  drafting_xml_part_attr (part, "style:family", "text");
  drafting_xml_part_start (part, "style:text-properties");
  if (italic)
    {
      drafting_xml_part_attr (part, "fo:font-style", "italic");
      drafting_xml_part_attr (part, "style:font-style-complex", "italic");
    }
  if (bold)
    {
      drafting_xml_part_attr (part, "fo:font-weight", "bold");
      drafting_xml_part_attr (part, "style:font-weight-complex", "bold");
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/* The named styles: the default, one a kind met in the document, and the
 * character styles. @firsts holds the first block of each kind. */
static GBytes *
write_styles (DraftingDocument *document,
              GHashTable       *firsts,
              gboolean          compilation)
{
  const char *language = drafting_document_get_language (document);
  const char *symbol = drafting_document_get_symbol (document);
  const DraftingLanguageTerms *terms = drafting_language_get_terms (language);
  gboolean rtl = drafting_language_is_right_to_left (language);
  DraftingXmlPart part;

  drafting_xml_part_init (&part, FALSE);
  drafting_xml_part_start (&part, "office:document-styles");
  _drafting_odt_namespaces (&part);
  _drafting_odt_font_faces (&part);

  drafting_xml_part_start (&part, "office:styles");

  drafting_xml_part_start (&part, "style:default-style");
  drafting_xml_part_attr (&part, "style:family", "paragraph");
  drafting_xml_part_start (&part, "style:paragraph-properties");
  drafting_xml_part_attr (&part, "style:writing-mode", rtl ? "rl-tb" : "lr-tb");
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "style:text-properties");
  drafting_xml_part_attr (&part, "style:font-name", BODY_FONT);
  drafting_xml_part_attr (&part, "fo:font-size", BODY_SIZE);
  drafting_xml_part_attr (&part, "style:font-name-complex", BODY_FONT);
  drafting_xml_part_attr (&part, "style:font-size-complex", BODY_SIZE);
  language_properties (&part, language);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  drafting_xml_part_start (&part, "style:style");
  drafting_xml_part_attr (&part, "style:name", "Standard");
  drafting_xml_part_attr (&part, "style:family", "paragraph");
  drafting_xml_part_attr (&part, "style:class", "text");
  drafting_xml_part_end (&part);

  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    {
      const DraftingLayoutBlock *first = g_hash_table_lookup (firsts, GINT_TO_POINTER (kind_styles[i].kind));

      if (first != NULL)
        paragraph_style (&part, &kind_styles[i], first);
    }

  character_style (&part, "Emphasis", NULL, TRUE, FALSE);
  character_style (&part, "Strong_20_Emphasis", "Strong Emphasis", FALSE, TRUE);
  character_style (&part, "Leading_20_phrase", "Leading phrase", FALSE, FALSE);
  if (compilation)
    _drafting_odt_compilation_styles (&part);

  drafting_xml_part_start (&part, "style:style");
  drafting_xml_part_attr (&part, "style:name", "Footnote_20_anchor");
  drafting_xml_part_attr (&part, "style:display-name", "Footnote anchor");
  drafting_xml_part_attr (&part, "style:family", "text");
  drafting_xml_part_start (&part, "style:text-properties");
  drafting_xml_part_attr (&part, "style:text-position", "super 58%");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  /* Footnotes numbered 1, 2, 3 through the document, as the window does. */
  drafting_xml_part_start (&part, "text:notes-configuration");
  drafting_xml_part_attr (&part, "text:note-class", "footnote");
  drafting_xml_part_attr (&part, "text:citation-style-name", "Footnote_20_anchor");
  drafting_xml_part_attr (&part, "text:default-style-name", "Footnote");
  drafting_xml_part_attr (&part, "style:num-format", "1");
  drafting_xml_part_attr (&part, "text:start-value", "0");
  drafting_xml_part_attr (&part, "text:footnotes-position", "page");
  drafting_xml_part_attr (&part, "text:start-numbering-at", "document");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);   /* office:styles */

  /* A4, margins of 2.5 cm, as the window prints. */
  drafting_xml_part_start (&part, "office:automatic-styles");
  drafting_xml_part_start (&part, "style:page-layout");
  drafting_xml_part_attr (&part, "style:name", "pm1");
  drafting_xml_part_start (&part, "style:page-layout-properties");
  /* A compilation's six columns want the page on its side. */
  drafting_xml_part_attr (&part, "fo:page-width", compilation ? "297mm" : "210mm");
  drafting_xml_part_attr (&part, "fo:page-height", compilation ? "210mm" : "297mm");
  drafting_xml_part_attr (&part, "style:print-orientation", compilation ? "landscape" : "portrait");
  drafting_xml_part_attr (&part, "fo:margin-top", "25mm");
  drafting_xml_part_attr (&part, "fo:margin-bottom", "15mm");
  drafting_xml_part_attr (&part, "fo:margin-left", "25mm");
  drafting_xml_part_attr (&part, "fo:margin-right", "25mm");
  drafting_xml_part_attr (&part, "style:writing-mode", rtl ? "rl-tb" : "lr-tb");
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "style:footer-style");
  drafting_xml_part_start (&part, "style:header-footer-properties");
  drafting_xml_part_attr (&part, "fo:min-height", "0mm");
  drafting_xml_part_attr (&part, "fo:margin-top", "5mm");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  drafting_xml_part_start (&part, "style:style");
  drafting_xml_part_attr (&part, "style:name", "MP1");
  drafting_xml_part_attr (&part, "style:family", "paragraph");
  drafting_xml_part_start (&part, "style:paragraph-properties");
  drafting_xml_part_start (&part, "style:tab-stops");
  drafting_xml_part_start (&part, "style:tab-stop");
  drafting_xml_part_attr (&part, "style:position", compilation ? "247mm" : "160mm");
  drafting_xml_part_attr (&part, "style:type", "right");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "style:text-properties");
  drafting_xml_part_attr (&part, "fo:font-size", NOTE_SIZE);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);   /* office:automatic-styles */

  /* The footer: the symbol at the start, the page's number at the end. */
  drafting_xml_part_start (&part, "office:master-styles");
  drafting_xml_part_start (&part, "style:master-page");
  drafting_xml_part_attr (&part, "style:name", "Standard");
  drafting_xml_part_attr (&part, "style:page-layout-name", "pm1");
  drafting_xml_part_start (&part, "style:footer");
  drafting_xml_part_start (&part, "text:p");
  drafting_xml_part_attr (&part, "text:style-name", "MP1");
  if (symbol != NULL)
    drafting_xml_part_text (&part, symbol, -1);
  drafting_xml_part_start (&part, "text:tab");
  drafting_xml_part_end (&part);
  /* "Page 2 of 5", in the document's language. */
  drafting_xml_part_text (&part, terms->page, -1);
  drafting_xml_part_start (&part, "text:page-number");
  drafting_xml_part_attr (&part, "text:select-page", "current");
  drafting_xml_part_text (&part, "1", -1);
  drafting_xml_part_end (&part);
  drafting_xml_part_text (&part, terms->page_of, -1);
  drafting_xml_part_start (&part, "text:page-count");
  drafting_xml_part_text (&part, "1", -1);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  drafting_xml_part_end (&part);   /* office:document-styles */

  return drafting_xml_part_finish (&part);
}

/* ------------------------------------------------------------------ */
/* The text                                                            */

typedef struct
{
  DraftingXmlPart  part;
  GPtrArray       *blocks;       /* DraftingLayoutBlock *, in reading order */
  GHashTable      *automatic;    /* what an automatic style holds → its name */
  GPtrArray       *styles;       /* char *: the names of the blocks' styles, in order */
  guint            n_notes;
  gboolean         tracked;      /* the blocks' changes written as tracked changes */
  gboolean         at_start;     /* writing at the start of a paragraph of its own */
  GString         *regions;      /* the changed regions, as XML, in the order made */
  guint            n_changes;
  gboolean         failed;       /* writing a fragment failed */
} Content;

/* The automatic style of @block: its named style with the indents, the
 * space and the page break of this paragraph. */
static char *
automatic_key (const DraftingLayoutBlock *block)
{
  return g_strdup_printf ("%s|%.2f|%.2f|%.2f|%d|%d", kind_style (block->kind)->name,
                          block->label_indent, block->indent, block->space_before,
                          block->label != NULL, block->page_break_before);
}

static void
collect_styles (Content *content)
{
  for (guint i = 0; i < content->blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (content->blocks, i);
      g_autofree char *key = automatic_key (block);
      const char *name = g_hash_table_lookup (content->automatic, key);

      if (name == NULL)
        {
          char *new_name = g_strdup_printf ("P%u", g_hash_table_size (content->automatic) + 1);

          g_hash_table_insert (content->automatic, g_steal_pointer (&key), new_name);
          name = new_name;
        }
      g_ptr_array_add (content->styles, (gpointer) name);
    }
}

static void
write_automatic_style (DraftingXmlPart           *part,
                       const char                *name,
                       const DraftingLayoutBlock *block)
{
  drafting_xml_part_start (part, "style:style");
  drafting_xml_part_attr (part, "style:name", name);
  drafting_xml_part_attr (part, "style:family", "paragraph");
  drafting_xml_part_attr (part, "style:parent-style-name", kind_style (block->kind)->name);
  drafting_xml_part_start (part, "style:paragraph-properties");
  /* The text starts at the block's indent; its number hangs before it, at
   * the label's, and a tab takes the text to its place. */
  attr_points (part, "fo:margin-left", block->indent);
  attr_points (part, "fo:margin-right", 0);
  attr_points (part, "fo:text-indent", block->label != NULL ? block->label_indent - block->indent : 0);
  attr_points (part, "fo:margin-top", block->space_before);
  attr_points (part, "fo:margin-bottom", 0);
  if (block->page_break_before)
    drafting_xml_part_attr (part, "fo:break-before", "page");
  if (block->label != NULL)
    {
      drafting_xml_part_start (part, "style:tab-stops");
      drafting_xml_part_start (part, "style:tab-stop");
      attr_points (part, "style:position", 0);
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}


/* ------------------------------------------------------------------ */
/* Tracked changes, as LibreOffice writes them                         */

/* An amendment's date as ODF's change-info has it: without a time zone. */
static char *
change_date (DraftingAmendment *amendment)
{
  GDateTime *date = amendment != NULL ? drafting_amendment_get_date (amendment) : NULL;

  if (date == NULL)
    return g_strdup ("2000-01-01T00:00:00");

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");
}

/* A changed region: @deleted is the XML of what a deletion took away, or
 * %NULL for an insertion. Returns its identifier. */
static char *
add_region (Content           *content,
            DraftingChange     change,
            DraftingAmendment *amendment,
            const char        *deleted)
{
  g_autofree char *date = change_date (amendment);
  const char * const *cosponsors = amendment != NULL ? drafting_amendment_get_cosponsors (amendment) : NULL;
  const char *delegation = amendment != NULL ? drafting_amendment_get_delegation (amendment) : "";
  char *id = g_strdup_printf ("ct%u", ++content->n_changes);
  DraftingXmlPart region;

  drafting_xml_part_init_fragment (&region);
  drafting_xml_part_start (&region, "text:changed-region");
  drafting_xml_part_attr (&region, "xml:id", id);
  drafting_xml_part_attr (&region, "text:id", id);
  drafting_xml_part_start (&region, change == DRAFTING_CHANGE_INSERTED ? "text:insertion"
                                                                       : "text:deletion");
  drafting_xml_part_start (&region, "office:change-info");
  /* The author is the delegation; its co-sponsors, the comment. */
  drafting_xml_part_element_with_text (&region, "dc:creator", delegation);
  drafting_xml_part_element_with_text (&region, "dc:date", date);
  if (cosponsors != NULL && cosponsors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) cosponsors);

      drafting_xml_part_element_with_text (&region, "text:p", joined);
    }
  drafting_xml_part_end (&region);
  if (deleted != NULL)
    region.failed |= xmlTextWriterWriteRaw (region.writer, BAD_CAST deleted) < 0;
  drafting_xml_part_end (&region);
  drafting_xml_part_end (&region);

  {
    g_autofree char *xml = drafting_xml_part_finish_fragment (&region, &content->failed);

    g_string_append (content->regions, xml);
  }

  return id;
}

static void
point (DraftingXmlPart *part,
       const char      *name,
       const char      *id)
{
  drafting_xml_part_start (part, name);
  drafting_xml_part_attr (part, "text:change-id", id);
  drafting_xml_part_end (part);
}

/* Words inserted: bracketed where they are; deleted: a mark where they
 * were, the words in the region, in a paragraph of the same style. */
static void
write_tracked_text (Content           *content,
                    DraftingXmlPart   *part,
                    const char        *words,
                    gsize              length,
                    DraftingChange     change,
                    DraftingAmendment *amendment,
                    const char        *style)
{
  g_autofree char *id = NULL;

  if (change == DRAFTING_CHANGE_INSERTED)
    {
      id = add_region (content, change, amendment, NULL);
      point (part, "text:change-start", id);
      _drafting_odt_write_text (part, words, length);
      point (part, "text:change-end", id);
    }
  else
    {
      g_autofree char *xml = NULL;
      DraftingXmlPart deleted;

      drafting_xml_part_init_fragment (&deleted);
      drafting_xml_part_start (&deleted, "text:p");
      drafting_xml_part_attr (&deleted, "text:style-name", style);
      _drafting_odt_write_text (&deleted, words, length);
      drafting_xml_part_end (&deleted);
      xml = drafting_xml_part_finish_fragment (&deleted, &content->failed);
      id = add_region (content, change, amendment, xml);
      point (part, "text:change", id);
    }
}

static void write_run_content (Content                   *content,
                               DraftingXmlPart           *part,
                               const DraftingLayoutBlock *block,
                               const DraftingLayoutRun   *run);

/* Words an amendment inserts or deletes in a paragraph it keeps, with
 * their marks: emphasis, the leading phrase, a footnote's call (a real
 * footnote, inserted or deleted with the words around it). */
static void
write_changed_words (Content                   *content,
                     DraftingXmlPart           *part,
                     const DraftingLayoutBlock *block,
                     const DraftingLayoutRun   *run)
{
  g_autofree char *id = NULL;

  if (run->change == DRAFTING_CHANGE_INSERTED)
    {
      id = add_region (content, run->change, run->amendment, NULL);
      point (part, "text:change-start", id);
      write_run_content (content, part, block, run);
      point (part, "text:change-end", id);
    }
  else
    {
      g_autofree char *xml = NULL;
      DraftingXmlPart deleted;

      drafting_xml_part_init_fragment (&deleted);
      drafting_xml_part_start (&deleted, "text:p");
      drafting_xml_part_attr (&deleted, "text:style-name", kind_style (block->kind)->name);
      content->at_start = TRUE;
      write_run_content (content, &deleted, block, run);
      content->at_start = FALSE;
      drafting_xml_part_end (&deleted);
      xml = drafting_xml_part_finish_fragment (&deleted, &content->failed);
      id = add_region (content, run->change, run->amendment, xml);
      point (part, "text:change", id);
    }
}

static void
write_label_change (Content           *content,
                    DraftingXmlPart   *part,
                    const char        *label,
                    DraftingChange     change,
                    DraftingAmendment *amendment)
{
  write_tracked_text (content, part, label, strlen (label), change, amendment, "Standard");
}

/* A number that changed: the new one inserted, then the old deleted, as
 * LibreOffice writes replaced words. */
static void
write_renumbered (Content                   *content,
                  DraftingXmlPart           *part,
                  const DraftingLayoutBlock *block)
{
  write_label_change (content, part, block->label, DRAFTING_CHANGE_INSERTED, block->label_amendment);
  write_label_change (content, part, block->old_label, DRAFTING_CHANGE_DELETED, block->label_amendment);
}

static void write_runs (Content                   *content,
                        DraftingXmlPart           *part,
                        const DraftingLayoutBlock *block);

static void
write_note (Content                   *content,
            DraftingXmlPart           *part,
            const DraftingLayoutBlock *note)
{
  g_autofree char *number = drafting_xml_part_citation (note->label);
  g_autofree char *id = g_strdup_printf ("ftn%u", ++content->n_notes);

  drafting_xml_part_start (part, "text:note");
  drafting_xml_part_attr (part, "text:id", id);
  drafting_xml_part_attr (part, "text:note-class", "footnote");
  drafting_xml_part_start (part, "text:note-citation");
  drafting_xml_part_text (part, number, -1);
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "text:note-body");
  drafting_xml_part_start (part, "text:p");
  drafting_xml_part_attr (part, "text:style-name", kind_style (DRAFTING_KIND_FOOTNOTE)->name);
  write_runs (content, part, note);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

/* @run's text with its marks, or the footnote it calls. */
static void
write_run_content (Content                   *content,
                   DraftingXmlPart           *part,
                   const DraftingLayoutBlock *block,
                   const DraftingLayoutRun   *run)
{
  const char *words = block->text + run->start;
  gsize length = run->end - run->start;
  guint spans = 0;

  if (run->style & DRAFTING_RUN_NOTE_CALL)
    {
      if (run->note >= 0 && block->notes != NULL && (guint) run->note < block->notes->len)
        write_note (content, part, g_ptr_array_index (block->notes, run->note));
      else
        {
          /* A footnote called again: its number, as it was called. */
          g_autofree char *number = drafting_xml_part_citation (block->text + run->start);

          drafting_xml_part_start (part, "text:span");
          drafting_xml_part_attr (part, "text:style-name", "Footnote_20_anchor");
          drafting_xml_part_text (part, number, -1);
          drafting_xml_part_end (part);
        }
      return;
    }

  if (run->style & DRAFTING_RUN_LEAD)
    {
      drafting_xml_part_start (part, "text:span");
      drafting_xml_part_attr (part, "text:style-name", "Leading_20_phrase");
      spans++;
    }
  if (run->style & DRAFTING_RUN_EMPHASIS)
    {
      drafting_xml_part_start (part, "text:span");
      drafting_xml_part_attr (part, "text:style-name", "Emphasis");
      spans++;
    }
  if (run->style & DRAFTING_RUN_STRONG)
    {
      drafting_xml_part_start (part, "text:span");
      drafting_xml_part_attr (part, "text:style-name", "Strong_20_Emphasis");
      spans++;
    }
  /* A space that starts a paragraph is no text to a reader, unless it is
   * an element of its own: the deleted words after a deleted call of a
   * footnote are such a paragraph in their region. */
  if (content->at_start && length > 0 && words[0] == ' ')
    {
      drafting_xml_part_start (part, "text:s");
      drafting_xml_part_end (part);
      words++;
      length--;
    }
  _drafting_odt_write_text (part, words, length);
  while (spans-- > 0)
    drafting_xml_part_end (part);
}

static void
write_runs (Content                   *content,
            DraftingXmlPart           *part,
            const DraftingLayoutBlock *block)
{
  for (guint i = 0; i < block->runs->len; i++)
    {
      const DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      /* Words an amendment changes in a paragraph it keeps. */
      if (content->tracked && block->change == DRAFTING_CHANGE_NONE &&
          run->change != DRAFTING_CHANGE_NONE)
        {
          write_changed_words (content, part, block, run);
          continue;
        }

      write_run_content (content, part, block, run);
    }

  /* The footnotes the text holds and does not call, after it; one that
   * prints there only as proposed, inserted. */
  for (guint i = 0; block->calls != NULL && i < block->calls->len; i++)
    if (g_array_index (block->calls, guint, i) == G_MAXUINT)
      {
        const DraftingLayoutBlock *note = g_ptr_array_index (block->notes, i);
        g_autofree char *id = NULL;

        if (content->tracked && block->change == DRAFTING_CHANGE_NONE &&
            note->change == DRAFTING_CHANGE_INSERTED)
          {
            id = add_region (content, note->change, note->amendment, NULL);
            point (part, "text:change-start", id);
          }
        write_note (content, part, note);
        if (id != NULL)
          point (part, "text:change-end", id);
      }
}

/* @block's number and a tab, then its text, inside the paragraph. */
static void
write_paragraph_content (Content                   *content,
                         DraftingXmlPart           *part,
                         const DraftingLayoutBlock *block)
{
  if (content->tracked && block->old_label != NULL && block->label != NULL)
    write_renumbered (content, part, block);
  else if (block->label != NULL)
    _drafting_odt_write_text (part, block->label, strlen (block->label));
  else if (content->tracked && block->old_label != NULL)
    write_label_change (content, part, block->old_label, DRAFTING_CHANGE_DELETED, block->label_amendment);
  if (block->label != NULL || (content->tracked && block->old_label != NULL))
    {
      drafting_xml_part_start (part, "text:tab");
      drafting_xml_part_end (part);
    }
  write_runs (content, part, block);
}

static void
write_block (Content                   *content,
             const DraftingLayoutBlock *block,
             const char                *style)
{
  DraftingXmlPart *part = &content->part;

  drafting_xml_part_start (part, "text:p");
  drafting_xml_part_attr (part, "text:style-name", style);
  write_paragraph_content (content, part, block);
  drafting_xml_part_end (part);
}

/* Whole paragraphs deleted, one after another, as one region: the
 * paragraphs, then an empty one, LibreOffice's merge of paragraphs, for a
 * mark at the start of the paragraph after them; after the last one that
 * stays (@trailing), the empty one first, for a mark at its end. */
static void
write_deleted_paragraphs (Content         *content,
                          DraftingXmlPart *part,
                          guint            first,
                          guint            last,
                          gboolean         trailing,
                          const char      *marked_style)
{
  DraftingLayoutBlock *by = g_ptr_array_index (content->blocks, first);
  g_autofree char *xml = NULL;
  g_autofree char *id = NULL;
  DraftingXmlPart deleted;

  /* The empty paragraph is the one the mark stands in, and keeps its
   * style: rejecting the deletion splits it back as it was. */
  drafting_xml_part_init_fragment (&deleted);
  if (trailing)
    {
      drafting_xml_part_start (&deleted, "text:p");
      drafting_xml_part_attr (&deleted, "text:style-name", marked_style);
      drafting_xml_part_end (&deleted);
    }
  for (guint i = first; i <= last; i++)
    {
      drafting_xml_part_start (&deleted, "text:p");
      drafting_xml_part_attr (&deleted, "text:style-name", g_ptr_array_index (content->styles, i));
      write_paragraph_content (content, &deleted, g_ptr_array_index (content->blocks, i));
      drafting_xml_part_end (&deleted);
    }
  if (!trailing)
    {
      drafting_xml_part_start (&deleted, "text:p");
      drafting_xml_part_attr (&deleted, "text:style-name", marked_style);
      drafting_xml_part_end (&deleted);
    }
  xml = drafting_xml_part_finish_fragment (&deleted, &content->failed);
  id = add_region (content, DRAFTING_CHANGE_DELETED, by->amendment, xml);
  point (part, "text:change", id);
}

/* The deleted paragraphs from @i on, for one region: those of one amendment. */
static guint
deleted_run_end (Content *content,
                 guint    i)
{
  DraftingLayoutBlock *first = g_ptr_array_index (content->blocks, i);
  guint last = i;

  while (last + 1 < content->blocks->len)
    {
      DraftingLayoutBlock *next = g_ptr_array_index (content->blocks, last + 1);

      if (next->change != DRAFTING_CHANGE_DELETED || next->amendment != first->amendment)
        break;
      last++;
    }

  return last;
}

/* The text with its changes tracked, written apart, for the regions to
 * come first in office:text as ODF asks: a paragraph inserted whole is
 * bracketed from its start to the start of the next one (from the end of
 * the one before, when it is the last); paragraphs deleted whole leave a
 * mark at the start of the paragraph after them (at the end of the one
 * before, when they are the last). */
static void
write_tracked_body (Content *content)
{
  DraftingXmlPart body;
  g_autofree char *xml = NULL;
  g_autofree char *open = NULL;    /* an inserted paragraph's bracket, to close */
  gboolean backwards = FALSE;      /* that one closes at the end of the last paragraph */
  guint deleted_first = G_MAXUINT;
  guint deleted_last = 0;
  guint n = content->blocks->len;
  guint last_kept = n;             /* the last paragraph not deleted */

  for (guint i = n; i > 0; i--)
    if (((DraftingLayoutBlock *) g_ptr_array_index (content->blocks, i - 1))->change != DRAFTING_CHANGE_DELETED)
      {
        last_kept = i - 1;
        break;
      }

  drafting_xml_part_init_fragment (&body);
  for (guint i = 0; i < n; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (content->blocks, i);

      if (block->change == DRAFTING_CHANGE_DELETED && i < last_kept)
        {
          /* Written at the start of the next paragraph. */
          if (deleted_first == G_MAXUINT)
            deleted_first = i;
          deleted_last = i;
          continue;
        }
      if (block->change == DRAFTING_CHANGE_DELETED)
        continue;   /* after the last paragraph: below */

      drafting_xml_part_start (&body, "text:p");
      drafting_xml_part_attr (&body, "text:style-name", g_ptr_array_index (content->styles, i));
      if (open != NULL && !backwards)
        {
          point (&body, "text:change-end", open);
          g_clear_pointer (&open, g_free);
        }
      for (guint d = deleted_first; deleted_first != G_MAXUINT && d <= deleted_last;)
        {
          guint end_of_run = MIN (deleted_run_end (content, d), deleted_last);

          write_deleted_paragraphs (content, &body, d, end_of_run, FALSE,
                                    g_ptr_array_index (content->styles, i));
          d = end_of_run + 1;
        }
      deleted_first = G_MAXUINT;

      if (block->change == DRAFTING_CHANGE_INSERTED && i < last_kept)
        {
          open = add_region (content, DRAFTING_CHANGE_INSERTED, block->amendment, NULL);
          point (&body, "text:change-start", open);
        }
      write_paragraph_content (content, &body, block);

      /* The last paragraph inserted: its bracket from the end of this one. */
      if (i + 1 <= last_kept)
        {
          guint next = i + 1;

          while (next < last_kept &&
                 ((DraftingLayoutBlock *) g_ptr_array_index (content->blocks, next))->change == DRAFTING_CHANGE_DELETED)
            next++;
          if (next == last_kept &&
              ((DraftingLayoutBlock *) g_ptr_array_index (content->blocks, next))->change == DRAFTING_CHANGE_INSERTED)
            {
              g_free (open);
              open = add_region (content, DRAFTING_CHANGE_INSERTED,
                                 ((DraftingLayoutBlock *) g_ptr_array_index (content->blocks, next))->amendment,
                                 NULL);
              point (&body, "text:change-start", open);
              backwards = TRUE;
            }
        }
      if (i == last_kept)
        {
          if (open != NULL)
            {
              point (&body, "text:change-end", open);
              g_clear_pointer (&open, g_free);
            }
          /* The paragraphs deleted after the last that stays. */
          for (guint d = i + 1; d < n;)
            {
              guint end_of_run = deleted_run_end (content, d);

              write_deleted_paragraphs (content, &body, d, end_of_run, TRUE,
                                        g_ptr_array_index (content->styles, i));
              d = end_of_run + 1;
            }
        }
      drafting_xml_part_end (&body);
    }
  xml = drafting_xml_part_finish_fragment (&body, &content->failed);

  drafting_xml_part_start (&content->part, "text:tracked-changes");
  drafting_xml_part_attr (&content->part, "text:track-changes", "false");
  content->part.failed |= xmlTextWriterWriteRaw (content->part.writer, BAD_CAST content->regions->str) < 0;
  drafting_xml_part_end (&content->part);
  content->part.failed |= xmlTextWriterWriteRaw (content->part.writer, BAD_CAST xml) < 0;
}

static GBytes *
write_content (Content *content)
{
  DraftingXmlPart *part = &content->part;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  drafting_xml_part_init (part, FALSE);
  drafting_xml_part_start (part, "office:document-content");
  _drafting_odt_namespaces (part);
  _drafting_odt_font_faces (part);

  /* The automatic styles, in the order of their names. */
  drafting_xml_part_start (part, "office:automatic-styles");
  for (guint i = 0; i < content->blocks->len; i++)
    {
      const char *style = g_ptr_array_index (content->styles, i);

      if (!g_ptr_array_find_with_equal_func (names, style, g_str_equal, NULL))
        {
          g_ptr_array_add (names, (gpointer) style);
          write_automatic_style (part, style, g_ptr_array_index (content->blocks, i));
        }
    }
  drafting_xml_part_end (part);

  drafting_xml_part_start (part, "office:body");
  drafting_xml_part_start (part, "office:text");
  if (content->tracked)
    write_tracked_body (content);
  else
    for (guint i = 0; i < content->blocks->len; i++)
      write_block (content, g_ptr_array_index (content->blocks, i),
                   g_ptr_array_index (content->styles, i));
  if (content->blocks->len == 0)
    {
      drafting_xml_part_start (part, "text:p");
      drafting_xml_part_attr (part, "text:style-name", "Standard");
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  return drafting_xml_part_finish (part);
}

/* ------------------------------------------------------------------ */
/* The package                                                         */

/* The package: the manifest, @content_bytes and @styles_bytes, which it
 * takes, and the metadata of @document. */
static GBytes *
write_package (DraftingDocument  *document,
               GBytes            *content_bytes,
               GBytes            *styles_bytes,
               GError           **error)
{
  g_autoptr(DraftingZipWriter) zip = drafting_zip_writer_new ();
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIMETYPE, strlen (MIMETYPE));
  g_autoptr(GBytes) content = content_bytes;
  g_autoptr(GBytes) styles = styles_bytes;
  GBytes *package = NULL;

  /* "mimetype" first, stored, for a reader to find the type at once. */
  if (drafting_zip_writer_add (zip, "mimetype", mimetype, FALSE, error) &&
      drafting_xml_part_add_to_zip (zip, "META-INF/manifest.xml", write_manifest (), error) &&
      drafting_xml_part_add_to_zip (zip, "content.xml", g_steal_pointer (&content), error) &&
      drafting_xml_part_add_to_zip (zip, "styles.xml", g_steal_pointer (&styles), error) &&
      drafting_xml_part_add_to_zip (zip, "meta.xml", write_meta (document), error))
    package = drafting_zip_writer_finish (zip, error);

  return package;
}

/* The package of @blocks, which it takes; their changes tracked if
 * @tracked. */
static GBytes *
write_blocks (DraftingDocument  *document,
              GPtrArray         *blocks,
              gboolean           tracked,
              GError           **error)
{
  g_autoptr(GHashTable) firsts = NULL;
  Content content = { { NULL, NULL, FALSE }, NULL, NULL, NULL, 0, FALSE, FALSE, NULL, 0, FALSE };
  GBytes *content_bytes;
  GBytes *package;

  content.blocks = blocks;
  content.automatic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  content.styles = g_ptr_array_new ();
  content.tracked = tracked;
  content.regions = g_string_new (NULL);
  collect_styles (&content);

  /* The named style of a kind is made from its first block. */
  firsts = drafting_xml_part_first_blocks (content.blocks);

  content_bytes = write_content (&content);
  if (content.failed)
    g_clear_pointer (&content_bytes, g_bytes_unref);

  package = write_package (document, content_bytes, write_styles (document, firsts, FALSE), error);

  drafting_xml_part_clear (&content.part);
  g_string_free (content.regions, TRUE);
  g_ptr_array_unref (content.styles);
  g_hash_table_unref (content.automatic);
  g_ptr_array_unref (content.blocks);

  return package;
}

/**
 * drafting_odt_write:
 * @document: the document, which must not change until this returns
 * @error: where to say what went wrong
 *
 * Writes @document as OpenDocument Text 1.3, its present text laid out as
 * the window prints it.
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_odt_write (DraftingDocument  *document,
                    GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_blocks (document, drafting_layout_build_all (document), FALSE, error);
}

/**
 * drafting_odt_write_tracked:
 * @document: the document, which must not change until this returns
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 * @error: where to say what went wrong
 *
 * Writes @document as OpenDocument Text 1.3 with its proposed amendments
 * as ODF change tracking, as LibreOffice writes it: each change authored
 * by its amendment's delegation (the co-sponsors in its comment) on its
 * date. Accepting every change gives the text as proposed, rejecting
 * every one the present drafting_xml_part_text (drafting_layout_build_proposed()).
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_odt_write_tracked (DraftingDocument    *document,
                            const char * const  *delegations,
                            GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_blocks (document, drafting_layout_build_proposed (document, delegations), TRUE, error);
}

/**
 * drafting_odt_write_compilation:
 * @document: the document, which must not change until this returns
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 * @error: where to say what went wrong
 *
 * Writes the compilation of @document's amendments as OpenDocument Text
 * 1.3: a table on landscape pages, one row an amendment in the order of
 * the text (drafting_compilation_build()), its words and headings in the
 * document's language.
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_odt_write_compilation (DraftingDocument    *document,
                                const char * const  *delegations,
                                GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) firsts = NULL;
  GBytes *content_bytes;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = drafting_compilation_build (document, delegations);
  content_bytes = _drafting_odt_write_compilation_content (document, entries);
  firsts = g_hash_table_new (NULL, NULL);

  return write_package (document, content_bytes, write_styles (document, firsts, TRUE), error);
}
