/* drafting-akn-amendment.c: an amendment in Akoma Ntoso
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-akn"

#include "config.h"

#include <string.h>

#include "drafting-akn-private.h"

#include "drafting-core.h"
#include "drafting-element-names.h"

/*
 * An amendment is an <amendment> document: the FRBR identification of
 * its own; references to the proposing delegation and to each
 * co-sponsor, and to the document it amends; its action and status in
 * Drafting's namespace; a <preface> naming the delegations as
 * <docProponent>s; and an <amendmentBody>: the <amendmentHeading> names
 * the element ("Operative paragraph 3") or where a new one goes ("After:
 * operative paragraph 3"), the <amendmentContent> quotes the element as
 * it is (the words the amendment deletes in <del>) and as proposed (the
 * words it inserts in <ins>) in a <mod>, and the
 * <amendmentJustification> gives the delegation's reasons.
 */

/* ------------------------------------------------------------------ */
/* An amendment                                                        */

/* Source:
 * @marked: a change, its words marked
 * @hide: of @marked, the words to leave out: those inserted, for the
 *   present text; those deleted, for the proposed one
 * @node: or an element of the document, its wording as it is
 * @lead: or a wording of the amendment's, its leading phrase
 * @content: and its text
 * @whole: all the wording inserted, or deleted, or neither
 *
 * A wording an amendment quotes.
 */
typedef struct
{
  DraftingMarkedText   *marked;
  DraftingChange        hide;
  DraftingNode         *node;
  const char           *lead;
  const DraftingInline *content;
  DraftingChange        whole;
} Source;

static void
write_marked (Writer             *w,
              DraftingMarkedText *marked,
              DraftingChange      hide)
{
  const char *text = drafting_marked_text_get_text (marked);
  gsize at = 0;

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);

      _drafting_akn_write_text (w, text + at, run->start - at);
      if (run->change == DRAFTING_CHANGE_NONE)
        _drafting_akn_write_text (w, text + run->start, run->end - run->start);
      else if (run->change != hide)
        {
          _drafting_akn_start_inline (w, run->change == DRAFTING_CHANGE_INSERTED ? "ins" : "del");
          _drafting_akn_write_text (w, text + run->start, run->end - run->start);
          _drafting_akn_end_inline (w);
        }
      at = run->end;
    }
  _drafting_akn_write_text (w, text + at, drafting_marked_text_get_length (marked) - at);
}

static void
write_source (Writer       *w,
              const Source *source)
{
  if (source->marked != NULL)
    {
      write_marked (w, source->marked, source->hide);
      return;
    }

  if (source->whole != DRAFTING_CHANGE_NONE)
    _drafting_akn_start_inline (w, source->whole == DRAFTING_CHANGE_INSERTED ? "ins" : "del");
  if (source->node != NULL && source->content == NULL)
    {
      _drafting_akn_write_prefix (w, source->node);
      _drafting_akn_write_wording (w, source->node);
    }
  else
    {
      _drafting_akn_write_lead (w, source->lead, drafting_inline_get_text (source->content));
      _drafting_akn_write_content (w, source->node, source->content);
    }
  if (source->whole != DRAFTING_CHANGE_NONE)
    _drafting_akn_end_inline (w);
}

/* A wording of an element of @kind, as the element it is, quoted. */
static void
write_quoted (Writer       *w,
              const char   *mod_eid,
              guint         ordinal,
              const char   *class_name,
              DraftingKind  kind,
              const char   *label,
              const Source *source)
{
  const char *eid = _drafting_akn_child_eid (w, mod_eid, "qstr", NULL, ordinal);

  _drafting_akn_start_block (w, "quotedStructure");
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "class", class_name);

  switch (kind)
    {
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_PRINCIPLE:
      {
        AknElement element = AKN_PARAGRAPH;
        const char *inner;

        if (kind == DRAFTING_KIND_PRINCIPLE)
          element = AKN_HCONTAINER;
        else if (kind == DRAFTING_KIND_SECTION)
          element = AKN_SECTION;
        else if (kind == DRAFTING_KIND_SUB_PARAGRAPH || kind == DRAFTING_KIND_ITEM)
          element = AKN_POINT;
        inner = _drafting_akn_child_eid (w, eid, _drafting_akn_elements[element].prefix, label, 1);

        _drafting_akn_start_block (w, _drafting_akn_elements[element].element);
        _drafting_akn_write_attribute (w, "eId", inner);
        if (element == AKN_HCONTAINER)
          _drafting_akn_write_attribute (w, "name", "principle");
        if (label[0] != '\0')
          {
            _drafting_akn_start_block (w, "num");
            _drafting_akn_write_string (w, label);
            _drafting_akn_end_block (w);
          }
        _drafting_akn_start_block (w, _drafting_akn_is_titled (kind) ? "heading" : "content");
        if (!_drafting_akn_is_titled (kind))
          _drafting_akn_start_block (w, "p");
        write_source (w, source);
        if (!_drafting_akn_is_titled (kind))
          _drafting_akn_end_block (w);
        _drafting_akn_end_block (w);
        _drafting_akn_end_block (w);
      }
      break;

    case DRAFTING_KIND_PREAMBLE_CLAUSE:
      _drafting_akn_start_block (w, "recital");
      _drafting_akn_write_attribute (w, "eId", _drafting_akn_child_eid (w, eid, "rec", NULL, 1));
      _drafting_akn_start_block (w, "p");
      write_source (w, source);
      _drafting_akn_end_block (w);
      _drafting_akn_end_block (w);
      break;

    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_SPEAKER_FORMULA:
      _drafting_akn_start_block (w, "formula");
      _drafting_akn_write_attribute (w, "eId",
                                     _drafting_akn_child_eid (w, eid, "formula", NULL, 1));
      _drafting_akn_write_attribute (w, "name",
                                     kind == DRAFTING_KIND_AUTHORITY ? "authority"
                                                                     : "enactingFormula");
      _drafting_akn_start_block (w, "p");
      write_source (w, source);
      _drafting_akn_end_block (w);
      _drafting_akn_end_block (w);
      break;

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_ANNEX:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_N_KINDS:
    default:
      if (label[0] != '\0')
        {
          _drafting_akn_start_block (w, "num");
          _drafting_akn_write_string (w, label);
          _drafting_akn_end_block (w);
        }
      _drafting_akn_start_block (w, "p");
      write_source (w, source);
      _drafting_akn_end_block (w);
      break;
    }

  _drafting_akn_end_block (w);
}

static void
write_amendment_meta (Writer            *w,
                      DraftingAmendment *amendment,
                      Identity          *id,
                      Identity          *amended,
                      GHashTable        *known,
                      const char        *person)
{
  DraftingDocument *document = w->document;
  const char *delegation = drafting_amendment_get_delegation (amendment);
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  const char *author = drafting_amendment_get_author (amendment);
  const char *title = drafting_document_get_title (document);
  const char *symbol = drafting_document_get_symbol (document);
  g_autoptr(GPtrArray) organizations = g_ptr_array_new ();
  g_autofree char *wco = g_strconcat ("#", AKN_WCO_EID, NULL);
  DraftingAmendmentAction action_value = drafting_amendment_get_action (amendment);
  DraftingAmendmentStatus status_value = drafting_amendment_get_status (amendment);
  const char *action = drafting_amendment_action_to_string (action_value);
  const char *status = drafting_amendment_status_to_string (status_value);
  const char *kind = drafting_kind_to_string (drafting_amendment_get_kind (amendment));
  const char *destination;
  DraftingPlacement placement;

  id->author = _drafting_akn_organization_eid (w, known, organizations, delegation);
  for (guint i = 0; cosponsors != NULL && cosponsors[i] != NULL; i++)
    _drafting_akn_organization_eid (w, known, organizations, cosponsors[i]);

  _drafting_akn_start_block (w, "meta");
  _drafting_akn_write_identification (w, id, NULL, action, drafting_amendment_get_id (amendment),
                                      NULL);

  _drafting_akn_start_block (w, "references");
  _drafting_akn_write_attribute (w, "source", wco);
  _drafting_akn_write_empty (w, "activeRef",
                             "eId", _drafting_akn_claim_eid (w, "amendedDocument"),
                             "href", amended->expression,
                             "showAs", title[0] != '\0' ? title
                                       : symbol[0] != '\0' ? symbol
                                       : drafting_document_get_identifier (document),
                             NULL);
  _drafting_akn_write_wco_reference (w);
  _drafting_akn_write_organizations (w, known, organizations);
  if (person != NULL)
    _drafting_akn_write_reference (w, "TLCPerson", person, "persons", author);
  _drafting_akn_end_block (w);

  destination = drafting_amendment_get_destination (amendment, &placement);
  _drafting_akn_write_proprietary (w, DRAFTING_AMENDMENT_FILE_NAMESPACE, "amendment",
                                   "id", drafting_amendment_get_id (amendment),
                                   "action", action,
                                   "status", status,
                                   "target", drafting_amendment_get_target (amendment),
                                   "kind", kind,
                                   "destination", destination,
                                   NULL);
  _drafting_akn_end_block (w);
}

/* The delegation and its co-sponsors, the date, the document amended. */
static void
write_amendment_preface (Writer            *w,
                         DraftingAmendment *amendment,
                         Identity          *id,
                         Identity          *amended,
                         GHashTable        *known)
{
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  DraftingDocument *document = w->document;
  const char *title = drafting_document_get_title (document);
  const char *symbol = drafting_document_get_symbol (document);
  GPtrArray *proponents = g_ptr_array_new ();

  g_ptr_array_add (proponents, (gpointer) drafting_amendment_get_delegation (amendment));
  for (guint i = 0; cosponsors != NULL && cosponsors[i] != NULL; i++)
    g_ptr_array_add (proponents, (gpointer) cosponsors[i]);

  _drafting_akn_start_block (w, "preface");

  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_attribute (w, "class", "proponents");
  for (guint i = 0; i < proponents->len; i++)
    {
      const char *name = g_ptr_array_index (proponents, i);
      const char *eid = g_hash_table_lookup (known, name);
      g_autofree char *refers = g_strconcat ("#", eid, NULL);

      if (i > 0)
        _drafting_akn_write_string (w, ", ");
      _drafting_akn_start_inline (w, "docProponent");
      _drafting_akn_write_attribute (w, "refersTo", refers);
      _drafting_akn_write_string (w, name);
      _drafting_akn_end_inline (w);
    }
  _drafting_akn_end_block (w);
  g_ptr_array_unref (proponents);

  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_attribute (w, "class", "date");
  _drafting_akn_start_inline (w, "docDate");
  _drafting_akn_write_attribute (w, "date", id->date);
  _drafting_akn_write_string (w, id->date);
  _drafting_akn_end_inline (w);
  _drafting_akn_end_block (w);

  if (title[0] != '\0' || symbol[0] != '\0')
    {
      _drafting_akn_start_block (w, "p");
      _drafting_akn_write_attribute (w, "class", "amendedDocument");
      _drafting_akn_start_inline (w, "affectedDocument");
      _drafting_akn_write_attribute (w, "href", amended->expression);
      _drafting_akn_write_string (w, title[0] != '\0' ? title : symbol);
      _drafting_akn_end_inline (w);
      _drafting_akn_end_block (w);
    }

  _drafting_akn_end_block (w);
}

/* What the amendment changes, quoted as it is and as proposed. */
static void
write_amendment_content (Writer             *w,
                         DraftingAmendment  *amendment,
                         DraftingNode       *target)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  DraftingKind kind = drafting_amendment_get_kind (amendment);
  g_autofree char *label = target != NULL ? drafting_render_label (target) : g_strdup ("");
  g_autoptr(DraftingMarkedText) marked = NULL;
  const char *mod_eid;
  Source present = { NULL, DRAFTING_CHANGE_NONE, target, NULL, NULL, DRAFTING_CHANGE_NONE };

  if (target == NULL)
    {
      /* The element is gone: its wording as the amendment was made against. */
      present.lead = drafting_amendment_get_base_lead (amendment);
      present.content = drafting_amendment_get_base_content (amendment);
    }
  if (target != NULL && action != DRAFTING_AMENDMENT_INSERT)
    kind = drafting_node_get_kind (target);

  _drafting_akn_start_block (w, "amendmentContent");

  if (action == DRAFTING_AMENDMENT_MOVE)
    {
      DraftingPlacement placement;
      const char *destination = drafting_amendment_get_destination (amendment, &placement);
      g_autoptr(DraftingElementNames) names = drafting_element_names_new (w->document);
      g_autofree char *where = drafting_element_names_get_position (names, destination, placement);

      _drafting_akn_start_block (w, "p");
      _drafting_akn_write_attribute (w, "class", "destination");
      _drafting_akn_write_string (w, where);
      _drafting_akn_end_block (w);
    }

  _drafting_akn_start_block (w, "block");
  _drafting_akn_write_attribute (w, "name", "changeBlock");
  mod_eid = _drafting_akn_claim_eid (w, "mod_1");
  _drafting_akn_start_block (w, "mod");
  _drafting_akn_write_attribute (w, "eId", mod_eid);

  switch (action)
    {
    case DRAFTING_AMENDMENT_REPLACE:
      {
        Source before = { NULL, DRAFTING_CHANGE_INSERTED, NULL, NULL, NULL, DRAFTING_CHANGE_NONE };
        Source after = { NULL, DRAFTING_CHANGE_DELETED, NULL, NULL, NULL, DRAFTING_CHANGE_NONE };

        g_autoptr(DraftingTracking) tracking = drafting_tracking_new (w->document, NULL);

        marked = drafting_tracking_mark_change (tracking, amendment);
        before.marked = after.marked = marked;
        write_quoted (w, mod_eid, 1, "present", kind, label, &before);
        write_quoted (w, mod_eid, 2, "proposed", kind, label, &after);
      }
      break;

    case DRAFTING_AMENDMENT_INSERT:
      {
        Source proposed = { NULL, DRAFTING_CHANGE_NONE, target,
                            drafting_amendment_get_lead (amendment),
                            drafting_amendment_get_content (amendment),
                            DRAFTING_CHANGE_INSERTED };

        write_quoted (w, mod_eid, 1, "proposed", kind, "", &proposed);
      }
      break;

    case DRAFTING_AMENDMENT_DELETE:
      present.whole = DRAFTING_CHANGE_DELETED;
      write_quoted (w, mod_eid, 1, "present", kind, label, &present);
      break;

    case DRAFTING_AMENDMENT_MOVE:
    default:
      write_quoted (w, mod_eid, 1, "present", kind, label, &present);
      break;
    }

  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
}

/* @amendment as an <amendment>, in the <akomaNtoso> @w has open. */
void
_drafting_akn_write_amendment (Writer            *w,
                               DraftingAmendment *amendment)
{
  DraftingDocument *document = w->document;
  const char *target_id = drafting_amendment_get_target (amendment);
  DraftingNode *target = target_id != NULL ? drafting_document_lookup (document, target_id) : NULL;
  const char *author = drafting_amendment_get_author (amendment);
  const char *justification = drafting_amendment_get_justification (amendment);
  GDateTime *date = drafting_amendment_get_date (amendment);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Identity) id = { NULL, };
  g_auto(Identity) amended = { NULL, };
  g_autofree char *number = _drafting_akn_iri_segment (drafting_amendment_get_id (amendment));
  g_autofree char *heading = NULL;
  const char *person = NULL;

  _drafting_akn_identity_init_document (&amended, document);
  id.language = amended.language;
  id.date_name = "proposal";
  if (date != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

      id.date = g_date_time_format (utc, "%Y-%m-%d");
    }
  else
    {
      id.date = g_strdup (amended.date);
      id.date_name = amended.date_name;
    }
  id.work = g_strdup_printf ("/akn/%s/amendment/%s/%s", AKN_JURISDICTION, id.date, number);
  id.expression = g_strdup_printf ("%s/%s@", id.work, id.language);

  /* Nothing in the text is the document's but what is quoted: the names
   * of the parties are the first eIds. */
  _drafting_akn_claim_eid (w, AKN_WCO_EID);
  if (author != NULL && author[0] != '\0')
    {
      g_autofree char *wanted = _drafting_akn_name_to_id (author, "person");

      person = _drafting_akn_claim_eid (w, wanted);
    }

  _drafting_akn_start_block (w, "amendment");
  _drafting_akn_write_attribute (w, "name", "amendment");
  w->notes_as_calls = TRUE;

  write_amendment_meta (w, amendment, &id, &amended, known, person);
  write_amendment_preface (w, amendment, &id, &amended, known);

  _drafting_akn_start_block (w, "amendmentBody");

  {
    g_autoptr(DraftingElementNames) names = drafting_element_names_new (document);

    heading = drafting_element_names_get_heading (names, amendment);
  }
  _drafting_akn_start_block (w, "amendmentHeading");
  _drafting_akn_start_block (w, "p");
  _drafting_akn_write_string (w, heading);
  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);

  write_amendment_content (w, amendment, target);

  if (justification != NULL && justification[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (justification, "\n", -1);

      _drafting_akn_start_block (w, "amendmentJustification");
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_strstrip (lines[i])[0] == '\0')
            continue;
          _drafting_akn_start_block (w, "p");
          _drafting_akn_write_string (w, lines[i]);
          _drafting_akn_end_block (w);
        }
      _drafting_akn_end_block (w);
    }

  _drafting_akn_end_block (w);
  _drafting_akn_end_block (w);
}
