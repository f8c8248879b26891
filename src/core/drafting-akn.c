/* drafting-akn.c: a document and its amendments in Akoma Ntoso
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-akn"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "drafting-akn.h"
#include "drafting-akn-private.h"

#include "drafting-core.h"

/*
 * A resolution or a communiqué, and each amendment proposed to it, as
 * OASIS LegalDocML (Akoma Ntoso 3.0) documents that the schema
 * akomantoso30.xsd validates.
 *
 * The document is a <statement>, the Akoma Ntoso type for the resolutions
 * and declarations of a body, named "resolution" or "communique":
 *  - <meta>: the FRBR identification of the work (the document, whatever
 *    its language and state), of the expression (in this language, in
 *    this state: draft, revised, adopted) and of the manifestation (this
 *    XML), their IRIs made by the naming convention from the symbol, the
 *    date and the language; the references to the WCO, the issuing body
 *    and the place; the document's own identifier, in Drafting's
 *    namespace;
 *  - <preface>: the heading lines, or a communiqué's title, in a
 *    <longTitle> (the "DRAFT" its status adds as a <docStatus>); the
 *    occasion; the place and date, the date as a <docDate>;
 *  - <preamble>: the authority ("THE POLICY COMMISSION") as a <formula>,
 *    the preambular clauses as the <recital>s of <recitals>, a
 *    communiqué's narrative paragraphs, and the operative formula
 *    ("RESOLVES:") or speaker formula as the enacting <formula>;
 *  - <mainBody>: the operative paragraphs, or statements, as <paragraph>s,
 *    sub-paragraphs as <point>s; an element that holds others has its own
 *    text as the <intro> of a <list> of them; a communiqué's principles
 *    as <hcontainer name="principle">;
 *  - <attachments>: each annex, a <doc name="annex"> of its own, its
 *    principles as <hcontainer>s, its sections as <section>s, its
 *    numbered items as <point>s and its bulleted ones as <indent>s.
 * Whatever stands out of its usual place (a heading after the operative
 * part) goes into the part that is open there, so that the parts keep
 * the order the schema asks for and the text keeps its own.
 *
 * Everything is written in one walk over the elements, each once, with
 * libxml2's writer: a document of 10,000 elements takes about a tenth of
 * a second.
 *
 * The writing of elements, identifiers, the identification and the text
 * is drafting-akn-writer.c's, and the amendments drafting-akn-amendment.c's.
 */

/* ------------------------------------------------------------------ */
/* Wording as blocks                                                   */

/* A kind's name as Akoma Ntoso names things: "operativeFormula". */
static char *
kind_to_name (DraftingKind kind)
{
  return _drafting_akn_name_to_id (drafting_kind_to_string (kind), "element");
}

/* Whether @node has any wording, or notes, to write. */
static gboolean
has_wording (DraftingNode *node)
{
  if (drafting_node_get_lead (node)[0] != '\0' ||
      !drafting_inline_is_empty (drafting_node_get_content (node)))
    return TRUE;

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    if (drafting_node_get_kind (drafting_node_get_child (node, i)) == DRAFTING_KIND_FOOTNOTE)
      return TRUE;

  return FALSE;
}

/* Whether @node holds elements other than footnotes. */
static gboolean
has_elements (DraftingNode *node)
{
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    if (drafting_node_get_kind (drafting_node_get_child (node, i)) != DRAFTING_KIND_FOOTNOTE)
      return TRUE;

  return FALSE;
}

/* The wording of @node as a block of an element that stands for it. */
static void
write_p (Writer       *w,
         DraftingNode *node)
{
  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_wording (w, node);
  _drafting_akn_end_block (w);
}

/* The wording of @node as a block that stands for it: <p class="">. */
static void
write_paragraph (Writer       *w,
                 DraftingNode *node,
                 const char   *eid,
                 const char   *class_name)
{
  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
  _drafting_akn_write_attribute (w, "class", class_name);
  _drafting_akn_write_wording (w, node);
  _drafting_akn_end_block (w);
}

/* ------------------------------------------------------------------ */
/* The hierarchy of the main body and the annexes                      */

const AknElementInfo _drafting_akn_elements[AKN_N_ELEMENTS] = {
  [AKN_PARAGRAPH] = { "paragraph", "para" },
  [AKN_POINT] = { "point", "point" },
  [AKN_INDENT] = { "indent", "indent" },
  [AKN_SECTION] = { "section", "sec" },
  [AKN_HCONTAINER] = { "hcontainer", "hcontainer" },
};

/* How many of each element a parent has so far, for their eIds. */
typedef struct
{
  guint n[AKN_N_ELEMENTS];
} Counters;

static AknElement
element_for (DraftingNode *node)
{
  switch (drafting_node_get_kind (node))
    {
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
      return AKN_PARAGRAPH;

    case DRAFTING_KIND_SUB_PARAGRAPH:
      return AKN_POINT;

    case DRAFTING_KIND_ITEM:
      /* Dashed and bulleted items are the naming convention's indents. */
      return drafting_render_has_bullet (node) ? AKN_INDENT : AKN_POINT;

    case DRAFTING_KIND_SECTION:
      return AKN_SECTION;

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_ANNEX:
    case DRAFTING_KIND_PRINCIPLE:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
    case DRAFTING_KIND_SPEAKER_FORMULA:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_N_KINDS:
    default:
      return AKN_HCONTAINER;
    }
}

/* Whether an element's text is the title of what it holds, a
 * <heading>, rather than text of its own. */
gboolean
_drafting_akn_is_titled (DraftingKind kind)
{
  return kind == DRAFTING_KIND_PRINCIPLE || kind == DRAFTING_KIND_SECTION;
}

/* An element of the main body or of an annex, with all it holds. */
static void
write_hierarchy (Writer       *w,
                 DraftingNode *node,
                 const char   *parent_eid,
                 Counters     *counters)
{
  DraftingKind kind = drafting_node_get_kind (node);
  AknElement element = element_for (node);
  g_autofree char *number = drafting_node_get_number (node);
  g_autofree char *label = drafting_render_label (node);
  const char *eid = _drafting_akn_child_eid (w, parent_eid, _drafting_akn_elements[element].prefix,
                                             number, ++counters->n[element]);
  const char *holder = eid;
  Counters inner = { { 0, } };

  _drafting_akn_start_block (w, _drafting_akn_elements[element].element);
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
  if (element == AKN_HCONTAINER)
    {
      g_autofree char *name = kind_to_name (kind);

      _drafting_akn_write_attribute (w, "name", name);
    }
  if (label[0] != '\0')
    {
      _drafting_akn_start_block (w, "num");
      _drafting_akn_write_string (w, label);
      _drafting_akn_end_block (w);
    }

  if (_drafting_akn_is_titled (kind))
    {
      if (has_wording (node))
        {
          _drafting_akn_start_block (w, "heading");
          _drafting_akn_write_wording (w, node);
          _drafting_akn_end_block (w);
        }
    }
  else if (!has_elements (node))
    {
      _drafting_akn_start_block (w, "content");
      write_p (w, node);
      _drafting_akn_end_block (w);
      _drafting_akn_end_block (w);
      return;
    }
  else
    {
      /* Its own text introduces the list of what it holds. */
      holder = _drafting_akn_child_eid (w, eid, "list", NULL, 1);
      _drafting_akn_start_block (w, "list");
      _drafting_akn_write_attribute (w, "eId", holder);
      if (has_wording (node))
        {
          _drafting_akn_start_block (w, "intro");
          write_p (w, node);
          _drafting_akn_end_block (w);
        }
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) != DRAFTING_KIND_FOOTNOTE)
        write_hierarchy (w, child, holder, &inner);
    }

  if (!_drafting_akn_is_titled (kind))
    _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

typedef enum
{
  PART_NONE,
  PART_PREFACE,
  PART_PREAMBLE,
  PART_MAIN,
} Part;

typedef enum
{
  GROUP_NONE,
  GROUP_LONG_TITLE,
  GROUP_RECITALS,
} Group;

/* Where the walk over the top-level elements is. */
typedef struct
{
  Identity   *id;
  Part        part;
  Group       group;
  const char *group_eid;
  guint       recitals;       /* in the open group of recitals */
  guint       formulas;
  guint       paragraphs;     /* of the preface and the preamble */
  Counters    main;
} Flow;

static Part
part_of (DraftingKind kind)
{
  switch (kind)
    {
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
      return PART_PREFACE;

    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      return PART_PREAMBLE;

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_ANNEX:
    case DRAFTING_KIND_PRINCIPLE:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_N_KINDS:
    default:
      return PART_MAIN;
    }
}

static void
enter_group (Writer *w,
             Flow   *flow,
             Group   group)
{
  if (flow->group == group)
    return;

  if (flow->group != GROUP_NONE)
    _drafting_akn_end_block (w);
  flow->group = group;

  switch (group)
    {
    case GROUP_LONG_TITLE:
      flow->group_eid = _drafting_akn_claim_eid (w, "longTitle");
      _drafting_akn_start_block (w, "longTitle");
      _drafting_akn_write_attribute (w, "eId", flow->group_eid);
      break;

    case GROUP_RECITALS:
      flow->group_eid = _drafting_akn_claim_eid (w, "recs");
      flow->recitals = 0;
      _drafting_akn_start_block (w, "recitals");
      _drafting_akn_write_attribute (w, "eId", flow->group_eid);
      break;

    case GROUP_NONE:
    default:
      flow->group_eid = NULL;
      break;
    }
}

static void
enter_part (Writer *w,
            Flow   *flow,
            Part    part)
{
  static const char * const elements[] = {
    [PART_PREFACE] = "preface",
    [PART_PREAMBLE] = "preamble",
    [PART_MAIN] = "mainBody",
  };

  if (flow->part == part)
    return;

  enter_group (w, flow, GROUP_NONE);
  if (flow->part != PART_NONE)
    _drafting_akn_end_block (w);
  flow->part = part;
  flow->paragraphs = 0;
  _drafting_akn_start_block (w, elements[part]);
}

/* "(Luxor, December 2017)": the place as a <location>, the date as a
 * <docDate>. */
static void
write_place_date (Writer       *w,
                  Flow         *flow,
                  DraftingNode *node)
{
  DraftingDocument *document = w->document;
  const char *place = drafting_document_get_place (document);
  const char *date = drafting_document_get_date (document);
  g_autofree char *normal = _drafting_akn_parse_date (date);

  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
  _drafting_akn_write_attribute (w, "class", "placeDate");
  if (place[0] != '\0' || date[0] != '\0')
    {
      _drafting_akn_write_string (w, "(");
      if (place[0] != '\0')
        {
          g_autofree char *refers = g_strconcat ("#", flow->id->place, NULL);

          _drafting_akn_start_inline (w, "location");
          _drafting_akn_write_attribute (w, "refersTo", refers);
          _drafting_akn_write_string (w, place);
          _drafting_akn_end_inline (w);
        }
      if (place[0] != '\0' && date[0] != '\0')
        _drafting_akn_write_string (w, ", ");
      if (date[0] != '\0' && normal != NULL)
        {
          _drafting_akn_start_inline (w, "docDate");
          _drafting_akn_write_attribute (w, "date", normal);
          _drafting_akn_write_string (w, date);
          _drafting_akn_end_inline (w);
        }
      else
        _drafting_akn_write_string (w, date);
      _drafting_akn_write_string (w, ")");
    }
  _drafting_akn_end_block (w);
}

/* A heading line or a title: "DRAFT", then the words of the title. */
static void
write_title_line (Writer       *w,
                  DraftingNode *node,
                  const char   *class_name)
{
  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
  _drafting_akn_write_attribute (w, "class", class_name);
  _drafting_akn_write_prefix (w, node);
  _drafting_akn_start_inline (w, "docTitle");
  _drafting_akn_write_wording (w, node);
  _drafting_akn_end_inline (w);
  _drafting_akn_end_block (w);
}

static void
write_preface_element (Writer       *w,
                       Flow         *flow,
                       DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);

  if (kind == DRAFTING_KIND_HEADING || kind == DRAFTING_KIND_TITLE)
    {
      enter_group (w, flow, GROUP_LONG_TITLE);
      write_title_line (w, node, kind == DRAFTING_KIND_HEADING ? "heading" : "title");
      return;
    }

  enter_group (w, flow, GROUP_NONE);
  if (kind == DRAFTING_KIND_PLACE_DATE)
    write_place_date (w, flow, node);
  else
    {
      g_autofree char *class_name = kind_to_name (kind);

      write_paragraph (w, node, NULL, class_name);
    }
}

/* A formula, "THE POLICY COMMISSION" or "RESOLVES:". */
static void
write_formula (Writer       *w,
               Flow         *flow,
               DraftingNode *node,
               const char   *name)
{
  const char *eid = _drafting_akn_child_eid (w, NULL, "formula", NULL, ++flow->formulas);
  gboolean authority = drafting_node_get_kind (node) == DRAFTING_KIND_AUTHORITY;

  _drafting_akn_start_block (w, "formula");
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
  _drafting_akn_write_attribute (w, "name", name);
  _drafting_akn_start_block (w, "p");
  if (authority)
    _drafting_akn_start_inline (w, "docAuthority");
  _drafting_akn_write_wording (w, node);
  if (authority)
    _drafting_akn_end_inline (w);
  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
}

static void
write_preamble_element (Writer       *w,
                        Flow         *flow,
                        DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);

  if (kind == DRAFTING_KIND_PREAMBLE_CLAUSE)
    {
      const char *eid;

      enter_group (w, flow, GROUP_RECITALS);
      eid = _drafting_akn_child_eid (w, flow->group_eid, "rec", NULL, ++flow->recitals);
      _drafting_akn_start_block (w, "recital");
      _drafting_akn_write_attribute (w, "eId", eid);
      _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (node));
      write_p (w, node);
      _drafting_akn_end_block (w);
      return;
    }

  enter_group (w, flow, GROUP_NONE);
  switch (kind)
    {
    case DRAFTING_KIND_AUTHORITY:
      write_formula (w, flow, node, "authority");
      break;

    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      write_formula (w, flow, node, "enactingFormula");
      break;

    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_TITLE:
      {
        g_autofree char *class_name = kind_to_name (kind);

        write_title_line (w, node, class_name);
      }
      break;

    case DRAFTING_KIND_PLACE_DATE:
      write_place_date (w, flow, node);
      break;

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_ANNEX:
    case DRAFTING_KIND_PRINCIPLE:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_N_KINDS:
    default:
      {
        g_autofree char *class_name = kind_to_name (kind);
        const char *eid = _drafting_akn_child_eid (w, "preamble", "p", NULL, ++flow->paragraphs);

        write_paragraph (w, node, eid, class_name);
      }
      break;
    }
}

/* The top-level elements but the annexes, each in its part: the preface,
 * the preamble or the main body, in that order. */
static void
write_parts (Writer   *w,
             Identity *id)
{
  DraftingNode *root = drafting_document_get_root (w->document);
  Flow flow = { id, PART_NONE, GROUP_NONE, NULL, 0, 0, 0, { { 0, } } };
  gboolean main_written = FALSE;

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);
      DraftingKind kind = drafting_node_get_kind (node);

      if (kind == DRAFTING_KIND_ANNEX || kind == DRAFTING_KIND_FOOTNOTE)
        continue;

      enter_part (w, &flow, MAX (flow.part, part_of (kind)));
      switch (flow.part)
        {
        case PART_PREFACE:
          write_preface_element (w, &flow, node);
          break;

        case PART_PREAMBLE:
          write_preamble_element (w, &flow, node);
          break;

        case PART_MAIN:
          write_hierarchy (w, node, NULL, &flow.main);
          main_written = TRUE;
          break;

        case PART_NONE:
        default:
          g_assert_not_reached ();
        }
    }

  /* The schema wants a main body, and one that holds something. */
  enter_part (w, &flow, PART_MAIN);
  if (!main_written)
    {
      _drafting_akn_start_block (w, "p");
      _drafting_akn_end_block (w);
    }
  _drafting_akn_end_block (w);
}

/* An annex, as an attachment: a document of its own. */
static void
write_annex (Writer       *w,
             Identity     *id,
             DraftingNode *annex,
             guint         ordinal)
{
  const char *eid = _drafting_akn_child_eid (w, NULL, "att", NULL, ordinal);
  g_autofree char *component = g_strdup_printf ("annex_%u", ordinal);
  g_autofree char *label = drafting_render_label (annex);
  Counters counters = { { 0, } };
  gboolean any = FALSE;

  _drafting_akn_start_block (w, "attachment");
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (annex));
  _drafting_akn_start_block (w, "doc");
  _drafting_akn_write_attribute (w, "name", "annex");

  _drafting_akn_start_block (w, "meta");
  _drafting_akn_write_identification (w, id, component, "annex", NULL, NULL);
  _drafting_akn_end_block (w);

  if (label[0] != '\0' || has_wording (annex))
    {
      _drafting_akn_start_block (w, "preface");
      if (label[0] != '\0')
        {
          _drafting_akn_start_block (w, "p");
          _drafting_akn_write_attribute (w, "class", "annex");
          _drafting_akn_start_inline (w, "docType");
          _drafting_akn_write_string (w, label);
          _drafting_akn_end_inline (w);
          _drafting_akn_end_block (w);
        }
      if (has_wording (annex))
        {
          _drafting_akn_start_block (w, "p");
          _drafting_akn_write_attribute (w, "class", "title");
          _drafting_akn_start_inline (w, "docTitle");
          _drafting_akn_write_wording (w, annex);
          _drafting_akn_end_inline (w);
          _drafting_akn_end_block (w);
        }
      _drafting_akn_end_block (w);
    }

  _drafting_akn_start_block (w, "mainBody");
  for (guint i = 0; i < drafting_node_get_n_children (annex); i++)
    {
      DraftingNode *child = drafting_node_get_child (annex, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE)
        continue;
      write_hierarchy (w, child, eid, &counters);
      any = TRUE;
    }
  if (!any)
    {
      _drafting_akn_start_block (w, "p");
      _drafting_akn_end_block (w);
    }
  _drafting_akn_end_block (w);

  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
}

static void
write_attachments (Writer   *w,
                   Identity *id)
{
  DraftingNode *root = drafting_document_get_root (w->document);
  guint n = 0;

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);

      if (drafting_node_get_kind (node) != DRAFTING_KIND_ANNEX)
        continue;
      if (n == 0)
        _drafting_akn_start_block (w, "attachments");
      write_annex (w, id, node, ++n);
    }
  if (n > 0)
    _drafting_akn_end_block (w);
}

static void
write_document (Writer *w)
{
  DraftingDocument *document = w->document;
  DraftingDocumentType document_type = drafting_document_get_document_type (document);
  const char *type = drafting_document_type_to_string (document_type);
  const char *body = drafting_document_get_body (document);
  const char *place = drafting_document_get_place (document);
  const char *status = drafting_status_to_string (drafting_document_get_status (document));
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) organizations = g_ptr_array_new ();
  g_auto(Identity) id = { NULL, };
  g_autofree char *wco = g_strconcat ("#", AKN_WCO_EID, NULL);

  _drafting_akn_identity_init_document (&id, document);

  /* The eIds of the references first: the identification names its
   * author by one, and comes before them. */
  _drafting_akn_claim_eid (w, AKN_WCO_EID);
  if (body[0] != '\0')
    id.author = _drafting_akn_organization_eid (w, known, organizations, body);
  if (place[0] != '\0')
    {
      g_autofree char *wanted = _drafting_akn_name_to_id (place, "place");

      id.place = _drafting_akn_claim_eid (w, wanted);
    }

  _drafting_akn_start_block (w, "statement");
  _drafting_akn_write_attribute (w, "name", type);

  _drafting_akn_start_block (w, "meta");
  _drafting_akn_write_identification (w, &id, NULL, type, drafting_document_get_symbol (document),
                                      drafting_document_get_title (document));
  _drafting_akn_start_block (w, "references");
  _drafting_akn_write_attribute (w, "source", wco);
  _drafting_akn_write_wco_reference (w);
  _drafting_akn_write_organizations (w, known, organizations);
  if (id.place != NULL)
    _drafting_akn_write_reference (w, "TLCLocation", id.place, "locations", place);
  _drafting_akn_end_block (w);
  _drafting_akn_write_proprietary (w, DRAFTING_NATIVE_NAMESPACE, "document",
                                   "identifier", drafting_document_get_identifier (document),
                                   "type", type,
                                   "status", status,
                                   NULL);
  _drafting_akn_end_block (w);

  write_parts (w, &id);
  write_attachments (w, &id);

  _drafting_akn_end_block (w);
}

/* ------------------------------------------------------------------ */
/* The files                                                           */

static void
writer_init (Writer           *w,
             DraftingDocument *document,
             xmlTextWriter    *xml)
{
  w->xml = xml;
  w->document = document;
  w->eids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->notes = g_hash_table_new (NULL, NULL);
  w->open = g_byte_array_new ();
  w->notes_as_calls = FALSE;
  w->failed = FALSE;
}

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->eids, g_hash_table_unref);
  g_clear_pointer (&w->notes, g_hash_table_unref);
  g_clear_pointer (&w->open, g_byte_array_unref);
}

static GBytes *
write_file (DraftingDocument   *document,
            DraftingAmendment  *amendment,
            GError            **error)
{
  Writer w = { NULL, };
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlTextWriter *xml = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  GBytes *bytes;

  writer_init (&w, document, xml);
  if (xml == NULL)
    w.failed = TRUE;
  else
    {
      const xmlChar *ns = (const xmlChar *) DRAFTING_AKN_NAMESPACE;
      guint8 holds_blocks = FALSE;

      _drafting_akn_check (&w, xmlTextWriterStartDocument (xml, "1.0", "UTF-8", NULL));
      if (!w.failed)
        _drafting_akn_check (&w, xmlTextWriterStartElementNS (xml, NULL,
                                                              (const xmlChar *) "akomaNtoso", ns));
      g_byte_array_append (w.open, &holds_blocks, 1);

      if (amendment != NULL)
        _drafting_akn_write_amendment (&w, amendment);
      else
        write_document (&w);

      _drafting_akn_end_block (&w);
      if (!w.failed)
        _drafting_akn_check (&w, xmlTextWriterEndDocument (xml));
      if (!w.failed)
        _drafting_akn_check (&w, xmlTextWriterFlush (xml));
      xmlFreeTextWriter (xml);
    }
  writer_clear (&w);

  if (w.failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The Akoma Ntoso file could not be written: the XML writer failed, "
                             "perhaps for want of memory"));
      if (buffer != NULL)
        xmlBufferFree (buffer);
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}

/**
 * drafting_akn_write_document:
 * @document: a resolution, a communiqué or another document
 * @error: where to say why it failed
 *
 * Writes @document as an Akoma Ntoso 3.0 <statement>, named after its
 * type: the preface, the preamble, the main body and each annex as an
 * attachment, with the FRBR identification its symbol, date and language
 * make, as the schema of OASIS LegalDocML validates. Only the text is
 * written, not the amendments. The same document gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the XML, in UTF-8
 */
GBytes *
drafting_akn_write_document (DraftingDocument  *document,
                             GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_file (document, NULL, error);
}

/**
 * drafting_akn_write_amendment:
 * @document: the document @amendment amends
 * @amendment: an amendment of its record
 * @error: where to say why it failed
 *
 * Writes @amendment as an Akoma Ntoso 3.0 <amendment>: its delegation and
 * co-sponsors as the proponents, a heading naming the element it is
 * about (or where a new one goes) in the document's language, the
 * element's wording as it is and as proposed with the words deleted and
 * inserted marked, and its justification. Its action and status are
 * written in Drafting's namespace, in the metadata.
 *
 * Returns: (transfer full) (nullable): the XML, in UTF-8
 */
GBytes *
drafting_akn_write_amendment (DraftingDocument   *document,
                              DraftingAmendment  *amendment,
                              GError            **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_file (document, amendment, error);
}

/**
 * drafting_akn_amendment_name:
 * @amendment: an amendment
 *
 * A name for the file drafting_akn_write_amendment() writes: its
 * identifier, with what a file name should not hold replaced, and ".xml":
 * "am-1234abcd5678.xml".
 *
 * Returns: (transfer full): the file name
 */
char *
drafting_akn_amendment_name (DraftingAmendment *amendment)
{
  GString *name;

  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);

  name = g_string_new (NULL);
  for (const char *p = drafting_amendment_get_id (amendment); p != NULL && *p != '\0'; p++)
    {
      gboolean kept = g_ascii_isalnum (*p) || ((*p == '-' || *p == '_') && name->len > 0);

      g_string_append_c (name, kept ? *p : '_');
    }
  if (name->len == 0)
    g_string_append (name, "amendment");
  g_string_append (name, ".xml");

  return g_string_free (name, FALSE);
}
