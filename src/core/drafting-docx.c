/* drafting-docx.c: a document as Word's Office Open XML, as the window prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "drafting-docx.h"
#include "drafting-docx-private.h"

#include "drafting-compilation.h"
#include "drafting-language.h"
#include "drafting-layout.h"
#include "drafting-xml-part.h"
#include "drafting-zip-writer.h"

/*
 * The document goes out as a WordprocessingML package (Office Open XML,
 * ECMA-376, transitional, as Word 2010 and later and LibreOffice read
 * it), laid out by the core's layout (drafting-layout.c), block by
 * block, as it prints, the way the ODT export does (drafting-odt.c).
 *
 * Each kind of element has a paragraph style of its own, with the ODT's
 * names ("Preambular clause", "Operative paragraph", "Principle", ...),
 * which holds what is the same for every element of the kind: bold or
 * italic, the capitals of a heading, the alignment, what keeps with the
 * next. What varies from one paragraph to another (its indents, the tab
 * stop its text starts at, the space above it, a new page before an
 * annex) is written on the paragraph itself, as Word writes it. Numbers
 * are text, hanging before the text at a tab stop, so that every reader
 * shows the same numbers; the emphasis, the strong words and the leading
 * phrase are character styles ("Emphasis", "Strong Emphasis", "Leading
 * phrase"); footnotes are real footnotes, in word/footnotes.xml. The
 * document's language is on the default run properties, its properties
 * (title, language, status, symbol, the body that issues it) in
 * docProps, and the footer of each page has its symbol and the page
 * number.
 *
 * The tracked form has the amendments proposed as Word's revisions: words
 * inserted in w:ins, deleted in w:del (their text as w:delText), each
 * by its amendment's delegation on its date. A paragraph inserted whole
 * has its words and its paragraph mark inserted, one deleted whole its
 * words and its mark deleted: accepting takes the mark away and what is
 * left of the paragraph joins the next, so that the paragraph goes. The
 * last paragraph's mark is the document's last and cannot go: when the
 * paragraphs at the end are inserted or deleted, each of them takes the
 * mark before it instead, and joins the paragraph before; so does one
 * that calls a footnote, where it can, for LibreOffice to read its mark
 * (plan_marks()). No change is inside another, which LibreOffice would
 * not read either. The co-sponsors of an amendment have no place in a
 * revision, which has one author.
 *
 * The package is made in memory (drafting-zip-writer.c), "[Content_Types].xml"
 * first, as Word writes it, each XML part with libxml2's writer
 * (drafting-xml-part.c); the caller writes the bytes where it will.
 */

#define NS_W        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_TYPES    "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_RELS     "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CORE     "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_APP      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#define NS_CUSTOM   "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define NS_VT       "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS  "http://purl.org/dc/terms/"

#define REL_OFFICE  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_PACKAGE "http://schemas.openxmlformats.org/package/2006/relationships/"

#define TYPE_WML    "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define TYPE_OFFICE "application/vnd.openxmlformats-officedocument."

#define BODY_FONT   "Times New Roman"
#define BODY_SIZE   "22"          /* half-points: 11pt */
#define NOTE_SIZE   "18"          /* 9pt */

/* A4, margins of 2.5 cm, in twentieths of a point. */
#define PAGE_WIDTH  11906
#define PAGE_HEIGHT 16838
#define MARGIN      1418

/* The text's width: the footer's tab stop for the page number. */
#define TEXT_WIDTH  (PAGE_WIDTH - 2 * MARGIN)

/* A kind's paragraph style: its identifier in the package, and its name
 * as Word and LibreOffice list it. */
typedef struct
{
  DraftingKind  kind;
  const char   *id;
  const char   *name;
} KindStyle;

/* The footnote's is Word's own "footnote text", which LibreOffice takes
 * for its "Footnote" and Word for the style of every footnote. */
static const KindStyle kind_styles[] = {
  { DRAFTING_KIND_HEADING, "HeadingLine", "Heading line" },
  { DRAFTING_KIND_PLACE_DATE, "PlaceAndDate", "Place and date" },
  { DRAFTING_KIND_TITLE, "DocumentTitle", "Document title" },
  { DRAFTING_KIND_OCCASION, "Occasion", "Occasion" },
  { DRAFTING_KIND_AUTHORITY, "Authority", "Authority" },
  { DRAFTING_KIND_PREAMBLE_CLAUSE, "PreambularClause", "Preambular clause" },
  { DRAFTING_KIND_OPERATIVE_FORMULA, "OperativeFormula", "Operative formula" },
  { DRAFTING_KIND_OPERATIVE_PARAGRAPH, "OperativeParagraph", "Operative paragraph" },
  { DRAFTING_KIND_SUB_PARAGRAPH, "SubParagraph", "Sub-paragraph" },
  { DRAFTING_KIND_SPEAKER_FORMULA, "SpeakerFormula", "Speaker formula" },
  { DRAFTING_KIND_STATEMENT, "Statement", "Statement" },
  { DRAFTING_KIND_NARRATIVE_PARAGRAPH, "NarrativeParagraph", "Narrative paragraph" },
  { DRAFTING_KIND_ANNEX, "AnnexHeading", "Annex heading" },
  { DRAFTING_KIND_PRINCIPLE, "Principle", "Principle" },
  { DRAFTING_KIND_SECTION, "Section", "Section" },
  { DRAFTING_KIND_ITEM, "Item", "Item" },
  { DRAFTING_KIND_PARAGRAPH, "Paragraph", "Paragraph" },
  { DRAFTING_KIND_FOOTNOTE, "FootnoteText", "footnote text" },
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

/* A length in points, in the twentieths of a point WordprocessingML
 * measures paragraphs in. */
static int
twips (double points)
{
  return points >= 0 ? (int) (points * 20 + 0.5) : -(int) (-points * 20 + 0.5);
}

/* An element with one attribute, w:val, as most of WordprocessingML's
 * properties are. */
void
_drafting_docx_val (DraftingXmlPart *part,
                    const char      *name,
                    const char      *value)
{
  drafting_xml_part_start (part, name);
  drafting_xml_part_attr (part, "w:val", value);
  drafting_xml_part_end (part);
}

void
_drafting_docx_empty (DraftingXmlPart *part,
                      const char      *name)
{
  drafting_xml_part_start (part, name);
  drafting_xml_part_end (part);
}

/* The text of a run: its words in w:t (w:delText when they are deleted),
 * every space kept; a line break and a tab as elements of their own. The
 * other control characters XML cannot hold are left out. */
void
_drafting_docx_write_text (DraftingXmlPart *part,
                           const char      *content,
                           gsize            length,
                           gboolean         deleted)
{
  const char *p = content;
  const char *stop = content + length;

  while (p < stop)
    {
      const char *run = p;

      while (p < stop && (guchar) *p >= 0x20)
        p++;
      if (p > run)
        {
          drafting_xml_part_start (part, deleted ? "w:delText" : "w:t");
          drafting_xml_part_attr (part, "xml:space", "preserve");
          drafting_xml_part_text (part, run, p - run);
          drafting_xml_part_end (part);
        }
      if (p < stop)
        {
          if (*p == '\n')
            _drafting_docx_empty (part, "w:br");
          else if (*p == '\t')
            _drafting_docx_empty (part, "w:tab");
          p++;
        }
    }
}

/* ------------------------------------------------------------------ */
/* The package's small parts                                           */

typedef struct
{
  const char *name;
  const char *type;
} Override;

/* What each part is, for a reader to know it: the parts, and the
 * relationships and the other XML by their extensions. */
static GBytes *
write_content_types (gboolean notes)
{
  static const Override overrides[] = {
    { "/word/document.xml", TYPE_WML "document.main+xml" },
    { "/word/styles.xml", TYPE_WML "styles+xml" },
    { "/word/settings.xml", TYPE_WML "settings+xml" },
    { "/word/footer1.xml", TYPE_WML "footer+xml" },
    { "/word/footnotes.xml", TYPE_WML "footnotes+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
    { "/docProps/app.xml", TYPE_OFFICE "extended-properties+xml" },
    { "/docProps/custom.xml", TYPE_OFFICE "custom-properties+xml" },
  };
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "Types");
  drafting_xml_part_attr (&part, "xmlns", NS_TYPES);
  drafting_xml_part_start (&part, "Default");
  drafting_xml_part_attr (&part, "Extension", "rels");
  drafting_xml_part_attr (&part, "ContentType",
                          "application/vnd.openxmlformats-package.relationships+xml");
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "Default");
  drafting_xml_part_attr (&part, "Extension", "xml");
  drafting_xml_part_attr (&part, "ContentType", "application/xml");
  drafting_xml_part_end (&part);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      if (!notes && g_str_equal (overrides[i].name, "/word/footnotes.xml"))
        continue;
      drafting_xml_part_start (&part, "Override");
      drafting_xml_part_attr (&part, "PartName", overrides[i].name);
      drafting_xml_part_attr (&part, "ContentType", overrides[i].type);
      drafting_xml_part_end (&part);
    }
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

static void
relationship (DraftingXmlPart *part,
              const char      *id,
              const char      *type,
              const char      *target)
{
  drafting_xml_part_start (part, "Relationship");
  drafting_xml_part_attr (part, "Id", id);
  drafting_xml_part_attr (part, "Type", type);
  drafting_xml_part_attr (part, "Target", target);
  drafting_xml_part_end (part);
}

/* The package's relationships: where the document and its properties are. */
static GBytes *
write_package_relationships (void)
{
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "Relationships");
  drafting_xml_part_attr (&part, "xmlns", NS_RELS);
  relationship (&part, "rId1", REL_OFFICE "officeDocument", "word/document.xml");
  relationship (&part, "rId2", REL_PACKAGE "metadata/core-properties", "docProps/core.xml");
  relationship (&part, "rId3", REL_OFFICE "extended-properties", "docProps/app.xml");
  relationship (&part, "rId4", REL_OFFICE "custom-properties", "docProps/custom.xml");
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* The document's own: its styles, settings, footer and footnotes. The
 * footer's identifier is the one the section names. */
static GBytes *
write_document_relationships (gboolean notes)
{
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "Relationships");
  drafting_xml_part_attr (&part, "xmlns", NS_RELS);
  relationship (&part, "rId1", REL_OFFICE "styles", "styles.xml");
  relationship (&part, "rId2", REL_OFFICE "settings", "settings.xml");
  relationship (&part, "rId3", REL_OFFICE "footer", "footer1.xml");
  if (notes)
    relationship (&part, "rId4", REL_OFFICE "footnotes", "footnotes.xml");
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* The document's properties, as Word's File ▸ Info shows them: its
 * title, language, identifier and status. */
static GBytes *
write_core (DraftingDocument *document)
{
  const char *title = drafting_document_get_title (document);
  const char *language = drafting_document_get_language (document);
  const char *identifier = drafting_document_get_identifier (document);
  const char *status = drafting_status_to_string (drafting_document_get_status (document));
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "cp:coreProperties");
  drafting_xml_part_attr (&part, "xmlns:cp", NS_CORE);
  drafting_xml_part_attr (&part, "xmlns:dc", NS_DC);
  drafting_xml_part_attr (&part, "xmlns:dcterms", NS_DCTERMS);
  if (title != NULL && title[0] != '\0')
    drafting_xml_part_element_with_text (&part, "dc:title", title);
  if (identifier != NULL && identifier[0] != '\0')
    drafting_xml_part_element_with_text (&part, "dc:identifier", identifier);
  if (language != NULL && language[0] != '\0')
    drafting_xml_part_element_with_text (&part, "dc:language", language);
  if (status != NULL && status[0] != '\0')
    drafting_xml_part_element_with_text (&part, "cp:contentStatus", status);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

static GBytes *
write_app (void)
{
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "Properties");
  drafting_xml_part_attr (&part, "xmlns", NS_APP);
  drafting_xml_part_attr (&part, "xmlns:vt", NS_VT);
  drafting_xml_part_element_with_text (&part, "Application", "Drafting/" PACKAGE_VERSION);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

static void
custom_property (DraftingXmlPart *part,
                 guint           *pid,
                 const char      *name,
                 const char      *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  drafting_xml_part_start (part, "property");
  /* The one format identifier of properties a person adds, as Word's. */
  drafting_xml_part_attr (part, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
  drafting_xml_part_attr_printf (part, "pid", "%u", (*pid)++);
  drafting_xml_part_attr (part, "name", name);
  drafting_xml_part_element_with_text (part, "vt:lpwstr", value);
  drafting_xml_part_end (part);
}

/* The symbol, status and issuing body as properties of their own, as
 * File ▸ Properties ▸ Custom shows them, with the ODT's names: they are
 * the format's, not words of the document, the same in every language. */
static GBytes *
write_custom (DraftingDocument *document)
{
  guint pid = 2;      /* the first a person's property may have */
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "Properties");
  drafting_xml_part_attr (&part, "xmlns", NS_CUSTOM);
  drafting_xml_part_attr (&part, "xmlns:vt", NS_VT);
  custom_property (&part, &pid, "Symbol", drafting_document_get_symbol (document));
  custom_property (&part, &pid, "Status",
                   drafting_status_to_string (drafting_document_get_status (document)));
  custom_property (&part, &pid, "Issuing body", drafting_document_get_body (document));
  custom_property (&part, &pid, "Document identifier", drafting_document_get_identifier (document));
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* The document's settings: where its footnotes' separators are, and the
 * layout of Word 2013 and later. Revisions are not tracked from here on:
 * the tracked form shows the changes, and editing it is not amending. */
static GBytes *
write_settings (gboolean notes)
{
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "w:settings");
  drafting_xml_part_attr (&part, "xmlns:w", NS_W);
  _drafting_docx_val (&part, "w:defaultTabStop", "720");
  _drafting_docx_val (&part, "w:characterSpacingControl", "doNotCompress");
  if (notes)
    {
      drafting_xml_part_start (&part, "w:footnotePr");
      drafting_xml_part_start (&part, "w:footnote");
      drafting_xml_part_attr (&part, "w:id", "-1");
      drafting_xml_part_end (&part);
      drafting_xml_part_start (&part, "w:footnote");
      drafting_xml_part_attr (&part, "w:id", "0");
      drafting_xml_part_end (&part);
      drafting_xml_part_end (&part);
    }
  drafting_xml_part_start (&part, "w:compat");
  drafting_xml_part_start (&part, "w:compatSetting");
  drafting_xml_part_attr (&part, "w:name", "compatibilityMode");
  drafting_xml_part_attr (&part, "w:uri", "http://schemas.microsoft.com/office/word");
  drafting_xml_part_attr (&part, "w:val", "15");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* The footer: the symbol at the start, the page's number at the end. */
static void
page_field (DraftingXmlPart *part,
            const char      *instruction)
{
  drafting_xml_part_start (part, "w:fldSimple");
  drafting_xml_part_attr (part, "w:instr", instruction);
  drafting_xml_part_start (part, "w:r");
  _drafting_docx_write_text (part, "1", 1, FALSE);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

static GBytes *
write_footer (DraftingDocument *document)
{
  const char *symbol = drafting_document_get_symbol (document);
  const DraftingLanguageTerms *terms =
    drafting_language_get_terms (drafting_document_get_language (document));
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "w:ftr");
  drafting_xml_part_attr (&part, "xmlns:w", NS_W);
  drafting_xml_part_attr (&part, "xmlns:r", NS_R);
  drafting_xml_part_start (&part, "w:p");
  drafting_xml_part_start (&part, "w:pPr");
  _drafting_docx_val (&part, "w:pStyle", "Footer");
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "w:r");
  if (symbol != NULL)
    _drafting_docx_write_text (&part, symbol, strlen (symbol), FALSE);
  _drafting_docx_empty (&part, "w:tab");
  /* "Page 2 of 5", in the document's language. */
  _drafting_docx_write_text (&part, terms->page, strlen (terms->page), FALSE);
  drafting_xml_part_end (&part);
  page_field (&part, " PAGE ");
  drafting_xml_part_start (&part, "w:r");
  _drafting_docx_write_text (&part, terms->page_of, strlen (terms->page_of), FALSE);
  drafting_xml_part_end (&part);
  page_field (&part, " NUMPAGES ");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  return drafting_xml_part_finish (&part);
}

/* ------------------------------------------------------------------ */
/* Styles                                                              */

/* The language of the document as WordprocessingML names it: "en",
 * "fr-CA"; %NULL for none. */
static char *
language_tag (const char *language)
{
  if (language == NULL || language[0] == '\0')
    return NULL;

  return g_strdelimit (g_strdup (language), "_", '-');
}

/* The start of a style: its type, identifier and name, what it is based
 * on, the style of the paragraph after; Word's gallery shows the kinds'
 * and the character styles. */
void
_drafting_docx_style_start (DraftingXmlPart *part,
                            const char      *type,
                            const char      *id,
                            const char      *name,
                            const char      *based_on,
                            const char      *next,
                            gboolean         gallery)
{
  drafting_xml_part_start (part, "w:style");
  drafting_xml_part_attr (part, "w:type", type);
  drafting_xml_part_attr (part, "w:styleId", id);
  _drafting_docx_val (part, "w:name", name);
  if (based_on != NULL)
    _drafting_docx_val (part, "w:basedOn", based_on);
  if (next != NULL)
    _drafting_docx_val (part, "w:next", next);
  if (gallery)
    _drafting_docx_empty (part, "w:qFormat");
}

/* Bold and italic, for Western and complex scripts alike. */
static void
weight_and_slant (DraftingXmlPart *part,
                  gboolean         bold,
                  gboolean         italic)
{
  if (bold)
    {
      _drafting_docx_empty (part, "w:b");
      _drafting_docx_empty (part, "w:bCs");
    }
  if (italic)
    {
      _drafting_docx_empty (part, "w:i");
      _drafting_docx_empty (part, "w:iCs");
    }
}

/* What is the same for every element of @kind, as the layout lays the
 * first of them out. */
static void
paragraph_style (DraftingXmlPart           *part,
                 const KindStyle           *style,
                 const DraftingLayoutBlock *block)
{
  _drafting_docx_style_start (part, "paragraph", style->id, style->name, "Normal", style->id, !block->note);

  drafting_xml_part_start (part, "w:pPr");
  if (block->keep_with_next)
    _drafting_docx_empty (part, "w:keepNext");
  if (block->note)
    {
      drafting_xml_part_start (part, "w:spacing");
      drafting_xml_part_attr_printf (part, "w:after", "%d", twips (2));
      drafting_xml_part_end (part);
    }
  switch (block->align)
    {
    case DRAFTING_LAYOUT_CENTRED:
      _drafting_docx_val (part, "w:jc", "center");
      break;
    case DRAFTING_LAYOUT_START:
      _drafting_docx_val (part, "w:jc", "start");
      break;
    case DRAFTING_LAYOUT_JUSTIFIED:
    default:
      /* Justified, the last line to the start, as Word always has it. */
      _drafting_docx_val (part, "w:jc", "both");
      break;
    }
  drafting_xml_part_end (part);

  if (block->bold || block->italic || block->uppercase || block->note)
    {
      drafting_xml_part_start (part, "w:rPr");
      weight_and_slant (part, block->bold, block->italic);
      if (block->uppercase)
        _drafting_docx_empty (part, "w:caps");
      if (block->note)
        {
          _drafting_docx_val (part, "w:sz", NOTE_SIZE);
          _drafting_docx_val (part, "w:szCs", NOTE_SIZE);
        }
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

static void
character_style (DraftingXmlPart *part,
                 const char      *id,
                 const char      *name,
                 gboolean         italic,
                 gboolean         bold)
{
  _drafting_docx_style_start (part, "character", id, name, "DefaultParagraphFont", NULL, TRUE);
  if (italic || bold)
    {
      drafting_xml_part_start (part, "w:rPr");
      weight_and_slant (part, bold, italic);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

/* The named styles: the defaults, one a kind met in the document, the
 * character styles, the footnotes' and the footer's. @firsts holds the
 * first block of each kind. */
static GBytes *
write_styles (DraftingDocument *document,
              GHashTable       *firsts,
              gboolean          compilation)
{
  const char *language = drafting_document_get_language (document);
  g_autofree char *tag = language_tag (language);
  gboolean rtl = drafting_language_is_right_to_left (language);
  DraftingXmlPart part;

  drafting_xml_part_init (&part, TRUE);
  drafting_xml_part_start (&part, "w:styles");
  drafting_xml_part_attr (&part, "xmlns:w", NS_W);

  /* Times New Roman at 11 points, in the document's language; no space
   * between paragraphs but what the layout puts. */
  drafting_xml_part_start (&part, "w:docDefaults");
  drafting_xml_part_start (&part, "w:rPrDefault");
  drafting_xml_part_start (&part, "w:rPr");
  drafting_xml_part_start (&part, "w:rFonts");
  drafting_xml_part_attr (&part, "w:ascii", BODY_FONT);
  drafting_xml_part_attr (&part, "w:hAnsi", BODY_FONT);
  drafting_xml_part_attr (&part, "w:eastAsia", BODY_FONT);
  drafting_xml_part_attr (&part, "w:cs", BODY_FONT);
  drafting_xml_part_end (&part);
  _drafting_docx_val (&part, "w:sz", BODY_SIZE);
  _drafting_docx_val (&part, "w:szCs", BODY_SIZE);
  if (tag != NULL)
    {
      drafting_xml_part_start (&part, "w:lang");
      drafting_xml_part_attr (&part, rtl ? "w:bidi" : "w:val", tag);
      drafting_xml_part_end (&part);
    }
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "w:pPrDefault");
  drafting_xml_part_start (&part, "w:pPr");
  /* No orphans and no widows, as the printed page has none. */
  _drafting_docx_empty (&part, "w:widowControl");
  if (rtl)
    _drafting_docx_empty (&part, "w:bidi");
  drafting_xml_part_start (&part, "w:spacing");
  drafting_xml_part_attr (&part, "w:after", "0");
  drafting_xml_part_attr (&part, "w:line", "240");
  drafting_xml_part_attr (&part, "w:lineRule", "auto");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  drafting_xml_part_start (&part, "w:style");
  drafting_xml_part_attr (&part, "w:type", "paragraph");
  drafting_xml_part_attr (&part, "w:default", "1");
  drafting_xml_part_attr (&part, "w:styleId", "Normal");
  _drafting_docx_val (&part, "w:name", "Normal");
  _drafting_docx_empty (&part, "w:qFormat");
  drafting_xml_part_end (&part);

  drafting_xml_part_start (&part, "w:style");
  drafting_xml_part_attr (&part, "w:type", "character");
  drafting_xml_part_attr (&part, "w:default", "1");
  drafting_xml_part_attr (&part, "w:styleId", "DefaultParagraphFont");
  _drafting_docx_val (&part, "w:name", "Default Paragraph Font");
  _drafting_docx_val (&part, "w:uiPriority", "1");
  _drafting_docx_empty (&part, "w:semiHidden");
  _drafting_docx_empty (&part, "w:unhideWhenUsed");
  drafting_xml_part_end (&part);

  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    {
      gpointer kind = GINT_TO_POINTER (kind_styles[i].kind);
      const DraftingLayoutBlock *first = g_hash_table_lookup (firsts, kind);

      if (first != NULL)
        paragraph_style (&part, &kind_styles[i], first);
    }

  character_style (&part, "Emphasis", "Emphasis", TRUE, FALSE);
  character_style (&part, "StrongEmphasis", "Strong Emphasis", FALSE, TRUE);
  character_style (&part, "LeadingPhrase", "Leading phrase", FALSE, FALSE);
  if (compilation)
    _drafting_docx_compilation_styles (&part);

  /* Word's own for a footnote's number, raised. */
  _drafting_docx_style_start (&part, "character", "FootnoteReference", "footnote reference",
                              "DefaultParagraphFont", NULL, FALSE);
  drafting_xml_part_start (&part, "w:rPr");
  _drafting_docx_val (&part, "w:vertAlign", "superscript");
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  /* The footer's, with its tab stop at the end of the line. */
  _drafting_docx_style_start (&part, "paragraph", "Footer", "footer", "Normal", NULL, FALSE);
  drafting_xml_part_start (&part, "w:pPr");
  drafting_xml_part_start (&part, "w:tabs");
  drafting_xml_part_start (&part, "w:tab");
  drafting_xml_part_attr (&part, "w:val", "right");
  drafting_xml_part_attr_printf (&part, "w:pos", "%d",
                                 compilation ? PAGE_HEIGHT - 2 * MARGIN : TEXT_WIDTH);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);
  drafting_xml_part_start (&part, "w:rPr");
  _drafting_docx_val (&part, "w:sz", NOTE_SIZE);
  _drafting_docx_val (&part, "w:szCs", NOTE_SIZE);
  drafting_xml_part_end (&part);
  drafting_xml_part_end (&part);

  drafting_xml_part_end (&part);   /* w:styles */

  return drafting_xml_part_finish (&part);
}

/* ------------------------------------------------------------------ */
/* The text                                                            */

typedef struct
{
  DraftingXmlPart  part;          /* word/document.xml */
  DraftingXmlPart  notes;         /* word/footnotes.xml */
  GPtrArray       *blocks;        /* DraftingLayoutBlock *, in reading order */
  GPtrArray       *entries;       /* or DraftingCompilationEntry *: a compilation */
  DraftingDocument *document;
  gboolean         tracked;       /* the blocks' changes written as revisions */
  gboolean         rtl;
  guint            n_notes;
  guint            n_changes;
} Content;

/* An amendment's date as WordprocessingML has it: in UTC, "Z" said. */
static char *
change_date (DraftingAmendment *amendment)
{
  GDateTime *date = amendment != NULL ? drafting_amendment_get_date (amendment) : NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return NULL;

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A revision's identifier, author and date: the amendment's delegation,
 * and its date. The co-sponsors have no place in a revision. */
static void
change_attributes (Content           *content,
                   DraftingXmlPart   *part,
                   DraftingAmendment *amendment)
{
  const char *author = amendment != NULL ? drafting_amendment_get_delegation (amendment) : NULL;
  g_autofree char *date = change_date (amendment);

  drafting_xml_part_attr_printf (part, "w:id", "%u", ++content->n_changes);
  drafting_xml_part_attr (part, "w:author", author != NULL ? author : "");
  if (date != NULL)
    drafting_xml_part_attr (part, "w:date", date);
}

/* Opens what holds the runs of a change: w:ins or w:del. Returns whether
 * it opened one, for the caller to close it. */
static gboolean
change_start (Content           *content,
              DraftingXmlPart   *part,
              DraftingChange     change,
              DraftingAmendment *amendment)
{
  if (!content->tracked || change == DRAFTING_CHANGE_NONE)
    return FALSE;

  drafting_xml_part_start (part, change == DRAFTING_CHANGE_INSERTED ? "w:ins" : "w:del");
  change_attributes (content, part, amendment);

  return TRUE;
}

/* A run's character style, the first of its marks; the others, when it
 * has several, as they look. */
static void
run_properties (DraftingXmlPart *part,
                DraftingRunStyle style)
{
  const char *id = NULL;
  gboolean italic = FALSE;
  gboolean bold = FALSE;

  style &= ~DRAFTING_RUN_NOTE_CALL;
  if (style == DRAFTING_RUN_PLAIN)
    return;

  if (style & DRAFTING_RUN_LEAD)
    id = "LeadingPhrase";
  if (style & DRAFTING_RUN_EMPHASIS)
    {
      if (id == NULL)
        id = "Emphasis";
      else
        italic = TRUE;
    }
  if (style & DRAFTING_RUN_STRONG)
    {
      if (id == NULL)
        id = "StrongEmphasis";
      else
        bold = TRUE;
    }

  drafting_xml_part_start (part, "w:rPr");
  _drafting_docx_val (part, "w:rStyle", id);
  weight_and_slant (part, bold, italic);
  drafting_xml_part_end (part);
}

/* One run of words of one style. */
static void
write_run (DraftingXmlPart *part,
           DraftingRunStyle style,
           const char      *words,
           gsize            length,
           gboolean         deleted)
{
  if (length == 0)
    return;

  drafting_xml_part_start (part, "w:r");
  run_properties (part, style);
  _drafting_docx_write_text (part, words, length, deleted);
  drafting_xml_part_end (part);
}

/* A footnote's number where it is not its call, raised as a call is. */
static void
write_number (DraftingXmlPart *part,
              const char      *label,
              gboolean         deleted)
{
  g_autofree char *number = drafting_xml_part_citation (label);

  drafting_xml_part_start (part, "w:r");
  drafting_xml_part_start (part, "w:rPr");
  _drafting_docx_val (part, "w:rStyle", "FootnoteReference");
  drafting_xml_part_end (part);
  _drafting_docx_write_text (part, number, strlen (number), deleted);
  drafting_xml_part_end (part);
}

static void write_runs (Content                   *content,
                        DraftingXmlPart           *part,
                        const DraftingLayoutBlock *block);

/* The call of @note where it is, and the footnote in footnotes.xml: Word
 * numbers it, 1, 2, 3 through the document, as the window does. */
static void
write_note (Content                   *content,
            DraftingXmlPart           *part,
            const DraftingLayoutBlock *note,
            gboolean                   deleted)
{
  DraftingXmlPart *notes = &content->notes;
  guint id;

  /* A footnote's text calls no footnote of its own. */
  if (part == notes)
    {
      write_number (part, note->label, deleted);
      return;
    }

  id = ++content->n_notes;
  drafting_xml_part_start (part, "w:r");
  drafting_xml_part_start (part, "w:rPr");
  _drafting_docx_val (part, "w:rStyle", "FootnoteReference");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:footnoteReference");
  drafting_xml_part_attr_printf (part, "w:id", "%u", id);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  drafting_xml_part_start (notes, "w:footnote");
  drafting_xml_part_attr_printf (notes, "w:id", "%u", id);
  drafting_xml_part_start (notes, "w:p");
  drafting_xml_part_start (notes, "w:pPr");
  _drafting_docx_val (notes, "w:pStyle", kind_style (DRAFTING_KIND_FOOTNOTE)->id);
  drafting_xml_part_end (notes);
  drafting_xml_part_start (notes, "w:r");
  drafting_xml_part_start (notes, "w:rPr");
  _drafting_docx_val (notes, "w:rStyle", "FootnoteReference");
  drafting_xml_part_end (notes);
  _drafting_docx_empty (notes, "w:footnoteRef");
  drafting_xml_part_end (notes);
  write_run (notes, DRAFTING_RUN_PLAIN, " ", 1, FALSE);
  write_runs (content, notes, note);
  drafting_xml_part_end (notes);
  drafting_xml_part_end (notes);
}

/* @block's runs, each in its change: words an amendment changes in a
 * paragraph it keeps, or every word of a paragraph it inserts or deletes. */
static void
write_runs (Content                   *content,
            DraftingXmlPart           *part,
            const DraftingLayoutBlock *block)
{
  gboolean whole = block->change != DRAFTING_CHANGE_NONE;

  for (guint i = 0; i < block->runs->len; i++)
    {
      const DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);
      DraftingChange change = whole ? block->change : run->change;
      gboolean deleted = content->tracked && change == DRAFTING_CHANGE_DELETED;
      DraftingAmendment *by = whole ? block->amendment : run->amendment;
      gboolean opened = change_start (content, part, change, by);

      if (run->style & DRAFTING_RUN_NOTE_CALL)
        {
          if (run->note >= 0 && block->notes != NULL && (guint) run->note < block->notes->len)
            write_note (content, part, g_ptr_array_index (block->notes, run->note), deleted);
          else
            {
              /* A footnote called again: its number, as it was called. */
              g_autofree char *label = g_strndup (block->text + run->start, run->end - run->start);

              write_number (part, label, deleted);
            }
        }
      else
        write_run (part, run->style, block->text + run->start, run->end - run->start, deleted);

      if (opened)
        drafting_xml_part_end (part);
    }

  /* The footnotes the text holds and does not call, after it; one that
   * prints there only as proposed, inserted. */
  for (guint i = 0; block->calls != NULL && i < block->calls->len; i++)
    if (g_array_index (block->calls, guint, i) == G_MAXUINT)
      {
        const DraftingLayoutBlock *note = g_ptr_array_index (block->notes, i);
        const DraftingLayoutBlock *by = whole ? block : note;
        gboolean opened = change_start (content, part, by->change, by->amendment);

        write_note (content, part, note, content->tracked && by->change == DRAFTING_CHANGE_DELETED);
        if (opened)
          drafting_xml_part_end (part);
      }
}

/* @label and a tab, in @change. */
static void
write_label_change (Content           *content,
                    DraftingXmlPart   *part,
                    const char        *label,
                    gboolean           tab,
                    DraftingChange     change,
                    DraftingAmendment *amendment)
{
  g_autofree char *words = g_strconcat (label, tab ? "\t" : "", NULL);
  gboolean opened = change_start (content, part, change, amendment);

  write_run (part, DRAFTING_RUN_PLAIN, words, strlen (words),
             content->tracked && change == DRAFTING_CHANGE_DELETED);
  if (opened)
    drafting_xml_part_end (part);
}

/* @block's number and the tab to its text. In the tracked form, a number
 * that changed is the new one inserted, then the old deleted, as Word
 * writes replaced words. */
static void
write_label (Content                   *content,
             DraftingXmlPart           *part,
             const DraftingLayoutBlock *block)
{
  DraftingAmendment *by = block->label_amendment;

  if (content->tracked && block->change != DRAFTING_CHANGE_NONE)
    {
      if (block->label != NULL)
        write_label_change (content, part, block->label, TRUE, block->change, block->amendment);
    }
  else if (content->tracked && block->old_label != NULL && block->label != NULL)
    {
      write_label_change (content, part, block->label, FALSE, DRAFTING_CHANGE_INSERTED, by);
      write_label_change (content, part, block->old_label, FALSE, DRAFTING_CHANGE_DELETED, by);
      write_run (part, DRAFTING_RUN_PLAIN, "\t", 1, FALSE);
    }
  else if (content->tracked && block->old_label != NULL)
    /* Its number gone. */
    write_label_change (content, part, block->old_label, TRUE, DRAFTING_CHANGE_DELETED, by);
  else if (content->tracked && block->label != NULL && block->label_amendment != NULL)
    /* A number it did not have. */
    write_label_change (content, part, block->label, TRUE, DRAFTING_CHANGE_INSERTED, by);
  else if (block->label != NULL)
    {
      g_autofree char *words = g_strconcat (block->label, "\t", NULL);

      write_run (part, DRAFTING_RUN_PLAIN, words, strlen (words), FALSE);
    }
}

/* What is particular to @block's paragraph: its style, where its text and
 * its number start, the tab stop between, the space above it, a new
 * page; in the tracked form, its paragraph mark inserted or deleted as
 * @mark says, by @mark_by. */
static void
write_paragraph_properties (Content                   *content,
                            DraftingXmlPart           *part,
                            const DraftingLayoutBlock *block,
                            DraftingChange             mark,
                            DraftingAmendment         *mark_by)
{
  int indent = twips (block->indent);
  int hang = block->label != NULL ? indent - twips (block->label_indent) : 0;

  drafting_xml_part_start (part, "w:pPr");
  _drafting_docx_val (part, "w:pStyle", kind_style (block->kind)->id);
  if (block->page_break_before)
    _drafting_docx_empty (part, "w:pageBreakBefore");
  if (block->label != NULL)
    {
      drafting_xml_part_start (part, "w:tabs");
      drafting_xml_part_start (part, "w:tab");
      drafting_xml_part_attr (part, "w:val", "left");
      drafting_xml_part_attr_printf (part, "w:pos", "%d", indent);
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_start (part, "w:spacing");
  drafting_xml_part_attr_printf (part, "w:before", "%d", twips (block->space_before));
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:ind");
  drafting_xml_part_attr_printf (part, "w:left", "%d", indent);
  if (block->label != NULL && hang >= 0)
    drafting_xml_part_attr_printf (part, "w:hanging", "%d", hang);
  else if (block->label != NULL)
    drafting_xml_part_attr_printf (part, "w:firstLine", "%d", -hang);
  drafting_xml_part_end (part);
  if (content->tracked && mark != DRAFTING_CHANGE_NONE)
    {
      drafting_xml_part_start (part, "w:rPr");
      drafting_xml_part_start (part, mark == DRAFTING_CHANGE_INSERTED ? "w:ins" : "w:del");
      change_attributes (content, part, mark_by);
      drafting_xml_part_end (part);
      drafting_xml_part_end (part);
    }
  drafting_xml_part_end (part);
}

static void
write_block (Content                   *content,
             const DraftingLayoutBlock *block,
             DraftingChange             mark,
             DraftingAmendment         *mark_by)
{
  DraftingXmlPart *part = &content->part;

  drafting_xml_part_start (part, "w:p");
  write_paragraph_properties (content, part, block, mark, mark_by);
  write_label (content, part, block);
  write_runs (content, part, block);
  drafting_xml_part_end (part);
}

static gboolean
has_notes (const DraftingLayoutBlock *block)
{
  return block->notes != NULL && block->notes->len > 0;
}

/* Which paragraph marks carry the changes of the paragraphs from @first to
 * @last, all inserted or deleted whole, into @marking, where each mark
 * says whose change it carries.
 *
 * A paragraph inserted or deleted whole goes with a paragraph mark next
 * to it, its own or the one before it: taking the paragraph's words and
 * that mark away joins what is left of it to its neighbour. Of the marks
 * from the one before @first to @last's, one stays as it is: those before
 * it go with the paragraph after each, those after it with their own
 * paragraph. Each arrangement gives the same text, accepted or rejected.
 * Word writes its own marks where it can; the document's last mark cannot
 * go, so paragraphs at the end take the marks before them. And
 * LibreOffice (7.4) loses the change of the mark of a paragraph that
 * calls a footnote when it reads it: where it can, the mark that stays
 * as it is is chosen for no such mark to carry a change. */
static void
plan_marks (GPtrArray                  *blocks,
            guint                       first,
            guint                       last,
            const DraftingLayoutBlock **marking)
{
  int n = blocks->len;
  int a = first;
  int b = last;
  int best = G_MININT;
  guint fewest = G_MAXUINT;

  /* The mark that stays as it is: @f; with @a - 1, every paragraph its own. */
  for (int f = a - 1; f <= b; f++)
    {
      guint conflicts = 0;

      if ((f >= a && a == 0) || (f < b && b == n - 1))
        continue;     /* a mark before the first, or the document's last */
      for (int j = a; j <= b; j++)
        conflicts += has_notes (g_ptr_array_index (blocks, j <= f ? j - 1 : j));
      if (conflicts < fewest)
        {
          fewest = conflicts;
          best = f;
        }
    }

  /* Every paragraph inserted or deleted: all but the last with its own. */
  if (best == G_MININT)
    best = MIN (a - 1, b - 1);

  for (int j = a; j <= b; j++)
    {
      int mark = j <= best ? j - 1 : j;

      if (mark >= 0 && mark < n - 1)
        marking[mark] = g_ptr_array_index (blocks, j);
    }
}

static DraftingChange
block_change (Content *content,
              guint    i)
{
  return ((DraftingLayoutBlock *) g_ptr_array_index (content->blocks, i))->change;
}

/* The paragraphs; in the tracked form, each paragraph inserted or deleted
 * whole with a paragraph mark inserted or deleted with it. */
static void
write_blocks (Content *content)
{
  guint n = content->blocks->len;
  g_autofree const DraftingLayoutBlock **marking = g_new0 (const DraftingLayoutBlock *, MAX (n, 1));

  for (guint i = 0; content->tracked && i < n;)
    {
      guint last = i;

      if (block_change (content, i) == DRAFTING_CHANGE_NONE)
        {
          i++;
          continue;
        }
      while (last + 1 < n && block_change (content, last + 1) != DRAFTING_CHANGE_NONE)
        last++;
      plan_marks (content->blocks, i, last, marking);
      i = last + 1;
    }

  for (guint i = 0; i < n; i++)
    write_block (content, g_ptr_array_index (content->blocks, i),
                 marking[i] != NULL ? marking[i]->change : DRAFTING_CHANGE_NONE,
                 marking[i] != NULL ? marking[i]->amendment : NULL);
}

/* The page: A4, margins of 2.5 cm, the footer; on its side for a
 * compilation's six columns. */
static void
write_section (Content *content)
{
  DraftingXmlPart *part = &content->part;
  gboolean landscape = content->entries != NULL;

  drafting_xml_part_start (part, "w:sectPr");
  drafting_xml_part_start (part, "w:footerReference");
  drafting_xml_part_attr (part, "w:type", "default");
  drafting_xml_part_attr (part, "r:id", "rId3");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:pgSz");
  drafting_xml_part_attr_printf (part, "w:w", "%d", landscape ? PAGE_HEIGHT : PAGE_WIDTH);
  drafting_xml_part_attr_printf (part, "w:h", "%d", landscape ? PAGE_WIDTH : PAGE_HEIGHT);
  if (landscape)
    drafting_xml_part_attr (part, "w:orient", "landscape");
  drafting_xml_part_end (part);
  drafting_xml_part_start (part, "w:pgMar");
  drafting_xml_part_attr_printf (part, "w:top", "%d", MARGIN);
  drafting_xml_part_attr_printf (part, "w:right", "%d", MARGIN);
  drafting_xml_part_attr_printf (part, "w:bottom", "%d", MARGIN);
  drafting_xml_part_attr_printf (part, "w:left", "%d", MARGIN);
  drafting_xml_part_attr (part, "w:header", "709");
  drafting_xml_part_attr (part, "w:footer", "709");
  drafting_xml_part_attr (part, "w:gutter", "0");
  drafting_xml_part_end (part);
  if (content->rtl)
    _drafting_docx_empty (part, "w:bidi");
  drafting_xml_part_end (part);
}

/* The separator above the footnotes and the one where they run on to the
 * next page, as Word has them first, numbered -1 and 0. */
static void
separator (DraftingXmlPart *part,
           const char      *type,
           const char      *id)
{
  g_autofree char *element = g_strconcat ("w:", type, NULL);

  drafting_xml_part_start (part, "w:footnote");
  drafting_xml_part_attr (part, "w:type", type);
  drafting_xml_part_attr (part, "w:id", id);
  drafting_xml_part_start (part, "w:p");
  drafting_xml_part_start (part, "w:r");
  _drafting_docx_empty (part, element);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);
}

static GBytes *
write_document (Content *content)
{
  DraftingXmlPart *part = &content->part;

  drafting_xml_part_start (&content->notes, "w:footnotes");
  drafting_xml_part_attr (&content->notes, "xmlns:w", NS_W);
  drafting_xml_part_attr (&content->notes, "xmlns:r", NS_R);
  separator (&content->notes, "separator", "-1");
  separator (&content->notes, "continuationSeparator", "0");

  drafting_xml_part_start (part, "w:document");
  drafting_xml_part_attr (part, "xmlns:w", NS_W);
  drafting_xml_part_attr (part, "xmlns:r", NS_R);
  drafting_xml_part_start (part, "w:body");
  if (content->entries != NULL)
    _drafting_docx_write_compilation_body (part, content->document, content->entries);
  else
    write_blocks (content);
  if (content->entries == NULL && content->blocks->len == 0)
    _drafting_docx_empty (part, "w:p");
  write_section (content);
  drafting_xml_part_end (part);
  drafting_xml_part_end (part);

  drafting_xml_part_end (&content->notes);

  return drafting_xml_part_finish (part);
}

/* ------------------------------------------------------------------ */
/* The package                                                         */

/* The package of @blocks, which it takes, their changes tracked if
 * @tracked; or of the compilation @entries, which it takes. */
static GBytes *
write_package (DraftingDocument  *document,
               GPtrArray         *blocks,
               GPtrArray         *entries,
               gboolean           tracked,
               GError           **error)
{
  g_autoptr(DraftingZipWriter) zip = NULL;
  g_autoptr(GHashTable) firsts = NULL;
  g_autoptr(GBytes) document_bytes = NULL;
  g_autoptr(GBytes) notes_bytes = NULL;
  Content content = { { NULL, NULL, FALSE }, { NULL, NULL, FALSE }, NULL, NULL, NULL, FALSE, FALSE, 0, 0 };
  GBytes *package = NULL;
  gboolean notes;

  content.blocks = blocks != NULL ? blocks : g_ptr_array_new ();
  content.entries = entries;
  content.document = document;
  content.tracked = tracked;
  content.rtl = drafting_language_is_right_to_left (drafting_document_get_language (document));

  /* The named style of a kind is made from its first block. */
  firsts = drafting_xml_part_first_blocks (content.blocks);

  drafting_xml_part_init (&content.part, TRUE);
  drafting_xml_part_init (&content.notes, TRUE);
  document_bytes = write_document (&content);
  notes_bytes = drafting_xml_part_finish (&content.notes);
  notes = content.n_notes > 0;

  /* "[Content_Types].xml" first, as Word writes it. */
  zip = drafting_zip_writer_new ();
  if (drafting_xml_part_add_to_zip (zip, "[Content_Types].xml", write_content_types (notes),
                                    error) &&
      drafting_xml_part_add_to_zip (zip, "_rels/.rels", write_package_relationships (), error) &&
      drafting_xml_part_add_to_zip (zip, "word/document.xml", g_steal_pointer (&document_bytes),
                                    error) &&
      drafting_xml_part_add_to_zip (zip, "word/_rels/document.xml.rels",
                                    write_document_relationships (notes), error) &&
      drafting_xml_part_add_to_zip (zip, "word/styles.xml",
                                    write_styles (document, firsts, entries != NULL), error) &&
      drafting_xml_part_add_to_zip (zip, "word/settings.xml", write_settings (notes), error) &&
      drafting_xml_part_add_to_zip (zip, "word/footer1.xml", write_footer (document), error) &&
      (!notes || drafting_xml_part_add_to_zip (zip, "word/footnotes.xml",
                                               g_steal_pointer (&notes_bytes), error)) &&
      drafting_xml_part_add_to_zip (zip, "docProps/core.xml", write_core (document), error) &&
      drafting_xml_part_add_to_zip (zip, "docProps/app.xml", write_app (), error) &&
      drafting_xml_part_add_to_zip (zip, "docProps/custom.xml", write_custom (document), error))
    package = drafting_zip_writer_finish (zip, error);

  drafting_xml_part_clear (&content.part);
  drafting_xml_part_clear (&content.notes);
  g_ptr_array_unref (content.blocks);
  g_clear_pointer (&entries, g_ptr_array_unref);

  return package;
}

/**
 * drafting_docx_write:
 * @document: the document, which must not change until this returns
 * @error: where to say what went wrong
 *
 * Writes @document as a Word document (Office Open XML), its present
 * text laid out as the window prints it.
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_docx_write (DraftingDocument  *document,
                     GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_package (document, drafting_layout_build_all (document), NULL, FALSE, error);
}

/**
 * drafting_docx_write_tracked:
 * @document: the document, which must not change until this returns
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 * @error: where to say what went wrong
 *
 * Writes @document as a Word document (Office Open XML) with its
 * proposed amendments as Word's tracked changes: each change authored by
 * its amendment's delegation on its date. Accepting every change gives
 * the text as proposed, rejecting every one the present text
 * (drafting_layout_build_proposed()).
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_docx_write_tracked (DraftingDocument    *document,
                             const char * const  *delegations,
                             GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_package (document, drafting_layout_build_proposed (document, delegations), NULL,
                        TRUE, error);
}

/**
 * drafting_docx_write_compilation:
 * @document: the document, which must not change until this returns
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 * @error: where to say what went wrong
 *
 * Writes the compilation of @document's amendments as a Word document: a
 * table on landscape pages, one row an amendment in the order of the text
 * (drafting_compilation_build()), its words and headings in the
 * document's language.
 *
 * Returns: (transfer full) (nullable): the package's bytes
 */
GBytes *
drafting_docx_write_compilation (DraftingDocument    *document,
                                 const char * const  *delegations,
                                 GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_package (document, NULL, drafting_compilation_build (document, delegations),
                        FALSE, error);
}
