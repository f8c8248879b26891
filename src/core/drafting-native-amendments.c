/* drafting-native-amendments.c: the amendments in Drafting's own file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-native"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-native-private.h"
#include "drafting-xml.h"

/*
 * <amendments>, after <content>: an <amendment> each, in the order of the
 * record. The rest of the format, and what reading and writing it share,
 * are in drafting-native.c.
 */

/* ------------------------------------------------------------------ */
/* Validating                                                          */

/*
 * libxml2 validates an amendment against the schema in some sixty thousand
 * instructions, more than it takes to parse and read it: its optional
 * attributes multiply the states its RELAX NG validation tries. The
 * records Drafting writes are of a plain form, a strict part of what the
 * schema accepts: tokens as they are written, without white space around
 * them; names in ASCII; dates as "2024-05-01T10:30:15.25Z"; no comments,
 * no other namespace. A record all of that form is checked here against
 * the schema's rules, and the rest of the document validated by libxml2
 * without it. Whatever is not of that form, or fails, is validated by
 * libxml2 whole as before, so that what is accepted, and the error given
 * for what is not, stay the same. The lists below are the schema's
 * (data/drafting-1.1.rng), not the model's.
 */

static const char * const schema_actions[] = { "replace", "insert", "delete", "move" };
static const char * const schema_statuses[] = { "proposed", "accepted", "rejected", "withdrawn",
                                                "superseded" };
static const char * const schema_placements[] = { "after", "into" };
static const char * const schema_booleans[] = { "true", "false", "1", "0" };
static const char * const schema_kinds[] = {
  "heading", "place-date", "authority", "preamble-clause", "operative-formula",
  "operative-paragraph", "sub-paragraph", "annex", "principle", "section", "item", "occasion",
  "title", "narrative-paragraph", "speaker-formula", "statement", "footnote", "paragraph",
};

static gboolean
is_one_of (const char         *value,
           const char * const *values,
           gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (value, values[i]) == 0)
      return TRUE;

  return FALSE;
}

/* An NCName of ASCII letters, digits, "_", "-" and ".", not starting
 * with a digit, "-" or ".". */
static gboolean
is_plain_name (const char *value)
{
  if (!g_ascii_isalpha (value[0]) && value[0] != '_')
    return FALSE;

  for (const char *p = value + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

/* The schema's element-ref: an NCName, or "#root". */
static gboolean
is_plain_reference (const char *value)
{
  return is_plain_name (value) || strcmp (value, DRAFTING_ROOT_ID) == 0;
}

static gboolean
read_digits (const char **p,
             guint        n,
             guint       *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++, (*p)++)
    {
      if (!g_ascii_isdigit (**p))
        return FALSE;
      *value = *value * 10 + (guint) (**p - '0');
    }

  return TRUE;
}

/* An xsd:dateTime of the schema's pattern ".*Z", written in full: a year
 * of four digits (not 0000), a day the month has, a time of day to the
 * second with up to nine digits of its fraction, in UTC. */
static gboolean
is_plain_date (const char *value)
{
  const char *p = value;
  guint year, month, day, hour, minute, second, fraction;
  guint days;

  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day) || *p++ != 'T' ||
      !read_digits (&p, 2, &hour) || *p++ != ':' ||
      !read_digits (&p, 2, &minute) || *p++ != ':' ||
      !read_digits (&p, 2, &second))
    return FALSE;

  if (*p == '.')
    {
      p++;
      for (fraction = 0; g_ascii_isdigit (*p); p++)
        fraction++;
      if (fraction == 0 || fraction > 9)
        return FALSE;
    }
  if (strcmp (p, "Z") != 0)
    return FALSE;

  if (year == 0 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  return day >= 1 && day <= days;
}

/* White space alone, which the schema lets be between elements. */
static gboolean
is_blank (xmlNode *node)
{
  if (node->type != XML_TEXT_NODE || node->content == NULL)
    return FALSE;

  for (const xmlChar *p = node->content; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;

  return TRUE;
}

/* The value of an attribute in no namespace, as one piece of text. */
static const char *
plain_value (xmlAttr *attribute)
{
  xmlNode *text = attribute->children;

  if (attribute->ns != NULL)
    return NULL;
  if (text == NULL)
    return "";
  if (text->next != NULL || text->type != XML_TEXT_NODE || text->content == NULL)
    return NULL;

  return (const char *) text->content;
}

/* An element of the format, without attributes. */
static gboolean
is_bare (xmlNode    *node,
         const char *name)
{
  return drafting_xml_is_element (node, NS, name) && node->properties == NULL;
}

/* The schema's <text/>: text alone, or nothing. */
static gboolean
holds_text_only (xmlNode *element)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE)
      return FALSE;

  return TRUE;
}

/* The schema's inline: text, with <em> and <strong> holding the same,
 * empty <br/>, and <fnref ref=""/> naming a footnote. */
static gboolean
holds_plain_inline (xmlNode *element)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        continue;

      if (is_bare (child, "em") || is_bare (child, "strong"))
        {
          if (!holds_plain_inline (child))
            return FALSE;
        }
      else if (is_bare (child, "br"))
        {
          if (child->children != NULL)
            return FALSE;
        }
      else if (drafting_xml_is_element (child, NS, "fnref"))
        {
          xmlAttr *ref = child->properties;
          const char *value;

          if (child->children != NULL || ref == NULL || ref->next != NULL ||
              strcmp ((const char *) ref->name, "ref") != 0 ||
              (value = plain_value (ref)) == NULL || !is_plain_name (value))
            return FALSE;
        }
      else
        return FALSE;
    }

  return TRUE;
}

/* The schema's wording: a <lead> of text, then a <text>, either left out. */
static gboolean
holds_plain_wording (xmlNode *element)
{
  guint stage = 0;

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (is_blank (child))
        continue;

      if (stage < 1 && is_bare (child, "lead") && holds_text_only (child))
        stage = 1;
      else if (stage < 2 && is_bare (child, "text") && holds_plain_inline (child))
        stage = 2;
      else
        return FALSE;
    }

  return TRUE;
}

/* What the attributes of an amendment are, in the schema's order. */
enum
{
  ATTR_ID,
  ATTR_ACTION,
  ATTR_STATUS,
  ATTR_NEEDS_REVIEW,
  ATTR_DATE,
  ATTR_TARGET,
  ATTR_PLACEMENT,
  ATTR_DESTINATION,
  ATTR_DESTINATION_PLACEMENT,
  ATTR_KIND,
  ATTR_RESULT,
  ATTR_ORIGIN,
  ATTR_ORIGIN_PLACEMENT,
  ATTR_BASE,
  N_ATTRS
};

static const char * const attribute_names[N_ATTRS] = {
  "id", "action", "status", "needs-review", "date", "target", "placement", "destination",
  "destination-placement", "kind", "result", "origin", "origin-placement", "base",
};

static gboolean
has_plain_attributes (xmlNode *amendment)
{
  const char *values[N_ATTRS] = { NULL, };

  for (xmlAttr *attribute = amendment->properties; attribute != NULL; attribute = attribute->next)
    {
      const char *value = plain_value (attribute);
      guint i;

      if (value == NULL)
        return FALSE;
      for (i = 0; i < N_ATTRS; i++)
        if (strcmp ((const char *) attribute->name, attribute_names[i]) == 0)
          break;
      if (i == N_ATTRS || values[i] != NULL)
        return FALSE;
      values[i] = value;
    }

#define CHECK(attr, test) (values[attr] == NULL || (test))
#define ONE_OF(attr, list) is_one_of (values[attr], list, G_N_ELEMENTS (list))
  return values[ATTR_ID] != NULL && values[ATTR_ACTION] != NULL && values[ATTR_STATUS] != NULL &&
         values[ATTR_DATE] != NULL && values[ATTR_TARGET] != NULL &&
         is_plain_name (values[ATTR_ID]) &&
         ONE_OF (ATTR_ACTION, schema_actions) &&
         ONE_OF (ATTR_STATUS, schema_statuses) &&
         CHECK (ATTR_NEEDS_REVIEW, ONE_OF (ATTR_NEEDS_REVIEW, schema_booleans)) &&
         is_plain_date (values[ATTR_DATE]) &&
         is_plain_reference (values[ATTR_TARGET]) &&
         CHECK (ATTR_PLACEMENT, ONE_OF (ATTR_PLACEMENT, schema_placements)) &&
         CHECK (ATTR_DESTINATION, is_plain_reference (values[ATTR_DESTINATION])) &&
         CHECK (ATTR_DESTINATION_PLACEMENT,
                values[ATTR_DESTINATION] != NULL &&
                ONE_OF (ATTR_DESTINATION_PLACEMENT, schema_placements)) &&
         CHECK (ATTR_KIND, ONE_OF (ATTR_KIND, schema_kinds)) &&
         CHECK (ATTR_RESULT, is_plain_reference (values[ATTR_RESULT])) &&
         CHECK (ATTR_ORIGIN, is_plain_reference (values[ATTR_ORIGIN])) &&
         CHECK (ATTR_ORIGIN_PLACEMENT,
                values[ATTR_ORIGIN] != NULL &&
                ONE_OF (ATTR_ORIGIN_PLACEMENT, schema_placements)) &&
         CHECK (ATTR_BASE, strcmp (values[ATTR_BASE], "present") == 0);
#undef ONE_OF
#undef CHECK
}

/* Its elements in the schema's order: a <delegation> that is not empty,
 * <cosponsor>s, then an <author>, a <target-label>, a <base>, a
 * <proposed> and a <justification>, each left out or once. */
static gboolean
has_plain_children (xmlNode *amendment)
{
  static const char * const names[] = {
    "delegation", "cosponsor", "author", "target-label", "base", "proposed", "justification",
  };
  guint stage = 0;  /* how far along the list the last one was, plus one */

  for (xmlNode *child = amendment->children; child != NULL; child = child->next)
    {
      guint i;

      if (is_blank (child))
        continue;

      for (i = 0; i < G_N_ELEMENTS (names); i++)
        if (is_bare (child, names[i]))
          break;
      if (i == G_N_ELEMENTS (names))
        return FALSE;

      /* The delegation first; only co-sponsors come more than once. */
      if ((stage == 0) != (i == 0) || (i + 1 < stage) || (i + 1 == stage && i != 1))
        return FALSE;
      stage = i + 1;

      if (i == 0 ? child->children == NULL || child->children->next != NULL ||
                   child->children->type != XML_TEXT_NODE || child->children->content == NULL ||
                   child->children->content[0] == '\0'
                 : i == 4 || i == 5 ? !holds_plain_wording (child)
                                    : !holds_text_only (child))
        return FALSE;
    }

  return stage > 0;
}

/**
 * _drafting_native_amendments_are_plain:
 * @amendments: an <amendments> element
 *
 * Returns: whether it and every amendment in it are of the plain form
 *   Drafting writes (see above), each following the schema: %FALSE when
 *   one does not, or when it cannot tell
 */
gboolean
_drafting_native_amendments_are_plain (xmlNode *amendments)
{
  if (!is_bare (amendments, "amendments"))
    return FALSE;

  for (xmlNode *child = amendments->children; child != NULL; child = child->next)
    if (!is_blank (child) &&
        (!drafting_xml_is_element (child, NS, "amendment") || !has_plain_attributes (child) ||
         !has_plain_children (child)))
      return FALSE;

  return TRUE;
}

/* The next element of the document after @node, or the one before. */
static xmlNode *
element_after (xmlNode *node)
{
  for (node = node->next; node != NULL && node->type != XML_ELEMENT_NODE; node = node->next)
    ;
  return node;
}

static xmlNode *
element_before (xmlNode *node)
{
  for (node = node->prev; node != NULL && node->type != XML_ELEMENT_NODE; node = node->prev)
    ;
  return node;
}

/**
 * _drafting_native_validate:
 * @schema: the resource path of the schema of the document's version
 *
 * drafting_xml_validate(), with a plain record of amendments checked here
 * (see above) and the rest of the document by libxml2; otherwise, or when
 * either finds something wrong, the whole document by libxml2, which
 * says what.
 *
 * Returns: %TRUE if @doc follows the schema
 */
gboolean
_drafting_native_validate (xmlDoc      *doc,
                           const char  *schema,
                           GError     **error)
{
  xmlNode *top = xmlDocGetRootElement (doc);
  xmlNode *amendments = NULL;
  xmlNode *before;
  xmlNode *after;
  xmlNode *prev;
  xmlNode *parent;
  gboolean valid;

  for (xmlNode *child = top != NULL ? top->children : NULL; child != NULL; child = child->next)
    if (drafting_xml_is_element (child, NS, "amendments"))
      {
        if (amendments != NULL)
          return drafting_xml_validate (doc, schema, error);
        amendments = child;
      }

  /* Where the schema has it: after <content>, before <revisions> if any. */
  if (g_strcmp0 (schema, DRAFTING_NATIVE_SCHEMA_1_1) != 0 || amendments == NULL ||
      (before = element_before (amendments)) == NULL ||
      !drafting_xml_is_element (before, NS, "content") ||
      ((after = element_after (amendments)) != NULL &&
       !drafting_xml_is_element (after, NS, "revisions")) ||
      !_drafting_native_amendments_are_plain (amendments))
    return drafting_xml_validate (doc, schema, error);

  /* The rest without it, then it back where it was. */
  prev = amendments->prev;
  parent = amendments->parent;
  xmlUnlinkNode (amendments);
  valid = drafting_xml_validate (doc, schema, NULL);
  if (prev != NULL)
    xmlAddNextSibling (prev, amendments);
  else if (parent->children != NULL)
    xmlAddPrevSibling (parent->children, amendments);
  else
    xmlAddChild (parent, amendments);

  return valid || drafting_xml_validate (doc, schema, error);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* An attribute that names an element, which the schema reads as an
 * NCName, or as "#root" for the document itself: %NULL in @value when
 * there is none. */
static gboolean
read_name (xmlNode     *element,
           const char  *attribute,
           char       **value,
           GError     **error)
{
  g_autofree char *name = drafting_xml_get_token (element, attribute);

  if (name != NULL && xmlValidateNCName ((const xmlChar *) name, 0) != 0 &&
      !g_str_equal (name, DRAFTING_ROOT_ID))
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              /* Translators: %s is the name of an attribute of the file, as
                               * "target" */
                              _("the “%s” of the amendment is not a name"), attribute);
      return FALSE;
    }

  *value = g_steal_pointer (&name);
  return TRUE;
}

/* A placement, "after" when there is none. */
static gboolean
read_placement (xmlNode            *element,
                const char         *attribute,
                DraftingPlacement  *placement,
                GError            **error)
{
  g_autofree char *name = drafting_xml_get_token (element, attribute);

  *placement = DRAFTING_PLACEMENT_AFTER;
  if (name == NULL || drafting_placement_from_string (name, placement))
    return TRUE;

  drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                          _("“%s” is not a placement, “after” or “into”"), name);
  return FALSE;
}

/* The text of an element, as _drafting_native_node_text() reads it: of
 * its one piece of text, copied once, as nearly all are. */
static char *
element_text (xmlNode *element)
{
  xmlNode *child = element->children;

  if (child != NULL && child->next == NULL && child->type == XML_TEXT_NODE &&
      child->content != NULL)
    return g_strdup ((const char *) child->content);

  return _drafting_native_node_text (element);
}

/* A leading phrase (in @ns) and the native format's text. */
static gboolean
read_wording (xmlNode         *wording,
              const char      *ns,
              char           **lead,
              DraftingInline **content,
              GError         **error)
{
  g_autofree char *found_lead = NULL;
  g_autoptr(DraftingInline) found = drafting_inline_new (NULL);
  gboolean seen_text = FALSE;

  for (xmlNode *child = wording->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, ns, "lead") && found_lead == NULL)
        found_lead = element_text (child);
      else if (drafting_xml_is_element (child, NS, "text") && !seen_text)
        {
          seen_text = TRUE;
          if (!_drafting_native_read_inline (child, found, error))
            return FALSE;
        }
      else
        return _drafting_native_refuse_element (child, error);
    }

  *lead = found_lead != NULL ? g_steal_pointer (&found_lead) : g_strdup ("");
  *content = g_steal_pointer (&found);
  return TRUE;
}

/**
 * _drafting_native_read_amendment_fields:
 * @element: an <amendment>, of the native format or of an exchange file
 * @ns: the namespace of its children (the wording's text is always the
 *   native format's)
 * @id: its identifier, already checked
 * @action: what it does, already checked
 *
 * Reads what a proposal says, the same in a document and in the file a
 * delegation sends: when, what it is about and where, who proposed it and
 * with whom, the wordings and the justification.
 *
 * Returns: (transfer full) (nullable): a proposed amendment
 */
DraftingAmendment *
_drafting_native_read_amendment_fields (xmlNode                  *element,
                                        const char               *ns,
                                        const char               *id,
                                        DraftingAmendmentAction   action,
                                        GError                  **error)
{
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autoptr(GPtrArray) cosponsors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(DraftingInline) base_content = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *target = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *author = NULL;
  g_autofree char *target_label = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *base_lead = NULL;
  DraftingPlacement placement = DRAFTING_PLACEMENT_AFTER;
  DraftingPlacement destination_placement = DRAFTING_PLACEMENT_AFTER;
  DraftingKind kind = DRAFTING_KIND_INVALID;

  /* A date and time in UTC, as the schema has it: "Z" at the end. */
  date_text = drafting_xml_get_token (element, "date");
  if (date_text == NULL || !g_str_has_suffix (date_text, "Z") ||
      (date = g_date_time_new_from_iso8601 (date_text, NULL)) == NULL)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the amendment “%s” has no date, or one that is not a date and "
                                "time in UTC"),
                              id);
      return NULL;
    }

  if (!read_name (element, "target", &target, error) ||
      !read_placement (element, "placement", &placement, error) ||
      !read_name (element, "destination", &destination, error) ||
      !read_placement (element, "destination-placement", &destination_placement, error))
    return NULL;

  /* It need not name an element of the document: it may be about one
   * since deleted. */
  if (target == NULL)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the amendment “%s” does not say which element it is about"), id);
      return NULL;
    }

  kind_name = drafting_xml_get_token (element, "kind");
  if (kind_name != NULL)
    {
      kind = drafting_kind_from_string (kind_name);
      if (kind == DRAFTING_KIND_INVALID || kind == DRAFTING_KIND_DOCUMENT)
        {
          drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                                  _("“%s” is not a kind of element"), kind_name);
          return NULL;
        }
    }

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, ns, "delegation") && delegation == NULL)
        delegation = element_text (child);
      else if (drafting_xml_is_element (child, ns, "cosponsor"))
        g_ptr_array_add (cosponsors, element_text (child));
      else if (drafting_xml_is_element (child, ns, "author") && author == NULL)
        author = element_text (child);
      else if (drafting_xml_is_element (child, ns, "target-label") && target_label == NULL)
        target_label = element_text (child);
      else if (drafting_xml_is_element (child, ns, "justification") && justification == NULL)
        justification = element_text (child);
      else if (drafting_xml_is_element (child, ns, "base") && base_content == NULL)
        {
          if (!read_wording (child, ns, &base_lead, &base_content, error))
            return NULL;
        }
      else if (drafting_xml_is_element (child, ns, "proposed") && content == NULL)
        {
          if (!read_wording (child, ns, &lead, &content, error))
            return NULL;
        }
      else
        {
          _drafting_native_refuse_element (child, error);
          return NULL;
        }
    }

  if (delegation == NULL || delegation[0] == '\0')
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the amendment “%s” does not say which delegation proposed it"),
                              id);
      return NULL;
    }

  if (action == DRAFTING_AMENDMENT_INSERT && kind == DRAFTING_KIND_INVALID)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the amendment “%s” inserts an element, but does not say of "
                                "which kind"),
                              id);
      return NULL;
    }

  if (action == DRAFTING_AMENDMENT_MOVE && destination == NULL)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the amendment “%s” moves an element, but does not say where"),
                              id);
      return NULL;
    }

  g_ptr_array_add (cosponsors, NULL);

  /* What was read is taken, not copied: a file holds thousands. */
  amendment = _drafting_amendment_new_read (action, delegation, id, date);
  _drafting_amendment_take_cosponsors (amendment,
                                       (GStrv) g_ptr_array_free (g_steal_pointer (&cosponsors),
                                                                 FALSE));
  drafting_amendment_set_author (amendment, author);
  drafting_amendment_set_target (amendment, target, placement);
  drafting_amendment_set_destination (amendment, destination, destination_placement);
  drafting_amendment_set_kind (amendment, kind);
  if (content != NULL)
    _drafting_amendment_take_wording (amendment, g_steal_pointer (&lead),
                                      g_steal_pointer (&content));
  if (base_content != NULL)
    _drafting_amendment_take_base (amendment, g_steal_pointer (&base_lead),
                                   g_steal_pointer (&base_content));
  _drafting_amendment_set_target_label (amendment, target_label);
  drafting_amendment_set_justification (amendment, justification);

  return g_steal_pointer (&amendment);
}

static DraftingAmendment *
read_amendment (Reader   *reader,
                xmlNode  *element,
                GError  **error)
{
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autofree char *id = NULL;
  g_autofree char *action_name = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *review = NULL;
  g_autofree char *result = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *base_present = NULL;
  DraftingAmendmentAction action;
  DraftingAmendmentStatus status;
  DraftingPlacement origin_placement = DRAFTING_PLACEMENT_AFTER;
  gboolean needs_review = FALSE;

  if (!drafting_xml_is_element (element, NS, "amendment"))
    {
      _drafting_native_refuse_element (element, error);
      return NULL;
    }

  id = drafting_xml_get_token (element, "id");
  if (id == NULL || xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID, "%s",
                              _("the amendment has no identifier, or one that is not a name"));
      return NULL;
    }

  if (g_hash_table_contains (reader->amendment_ids, id))
    {
      guint line, column;

      drafting_xml_get_position (g_hash_table_lookup (reader->amendment_ids, id), &line, &column);
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the identifier “%s” is already that of the amendment on line %u"),
                              id, line);
      return NULL;
    }
  g_hash_table_insert (reader->amendment_ids, g_strdup (id), element);

  action_name = drafting_xml_get_token (element, "action");
  action = drafting_amendment_action_from_string (action_name);
  if (action == DRAFTING_AMENDMENT_ACTION_INVALID)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("“%s” is not what an amendment can do"),
                              action_name != NULL ? action_name : "");
      return NULL;
    }

  status_name = drafting_xml_get_token (element, "status");
  status = drafting_amendment_status_from_string (status_name);
  if (status == DRAFTING_AMENDMENT_STATUS_INVALID)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("“%s” is not a status of an amendment"),
                              status_name != NULL ? status_name : "");
      return NULL;
    }

  review = drafting_xml_get_token (element, "needs-review");
  if (review != NULL)
    {
      if (g_str_equal (review, "true") || g_str_equal (review, "1"))
        needs_review = TRUE;
      else if (!g_str_equal (review, "false") && !g_str_equal (review, "0"))
        {
          drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                                  _("“%s” is neither true nor false"), review);
          return NULL;
        }
    }

  /* What became of it: only a document says. */
  if (!read_name (element, "result", &result, error) ||
      !read_name (element, "origin", &origin, error) ||
      !read_placement (element, "origin-placement", &origin_placement, error))
    return NULL;

  amendment = _drafting_native_read_amendment_fields (element, NS, id, action, error);
  if (amendment == NULL)
    return NULL;

  _drafting_amendment_set_status (amendment, status);
  _drafting_amendment_set_needs_review (amendment, needs_review);
  _drafting_amendment_set_result (amendment, result);
  _drafting_amendment_set_origin (amendment, origin, origin_placement);

  /* Its base is what the element says now: known once all is read. */
  base_present = drafting_xml_get_token (element, "base");
  if (base_present != NULL)
    {
      g_ptr_array_add (reader->present_bases, amendment);
      g_ptr_array_add (reader->present_bases, element);
    }

  return g_steal_pointer (&amendment);
}

/* The base of each amendment the file says was made against the present
 * wording of its element (base="present"), once the elements are read. */
gboolean
_drafting_native_resolve_bases (Reader  *reader,
                                GError **error)
{
  for (guint i = 0; i + 1 < reader->present_bases->len; i += 2)
    {
      DraftingAmendment *amendment = g_ptr_array_index (reader->present_bases, i);
      xmlNode *element = g_ptr_array_index (reader->present_bases, i + 1);
      DraftingNode *node = drafting_document_lookup (reader->document,
                                                     drafting_amendment_get_target (amendment));

      if (node == NULL)
        {
          drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                                  _("the amendment “%s” was made against the present wording of "
                                    "“%s”, which is not in the document"),
                                  drafting_amendment_get_id (amendment),
                                  drafting_amendment_get_target (amendment));
          return FALSE;
        }

      _drafting_amendment_set_base (amendment, drafting_node_get_lead (node),
                                    drafting_node_get_content (node));
    }

  return TRUE;
}

/* The record, joining the document at once when all of it is read: one
 * change to the list of amendments rather than one each. */
gboolean
_drafting_native_read_amendments (Reader   *reader,
                                  xmlNode  *amendments,
                                  GError  **error)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);

  for (xmlNode *child = amendments->children; child != NULL; child = child->next)
    {
      DraftingAmendment *amendment;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if ((amendment = read_amendment (reader, child, error)) == NULL)
        return FALSE;
      g_ptr_array_add (read, amendment);
    }

  _drafting_document_add_amendments (reader->document, read);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* What of an amendment holds words, for saying which cannot be written. */
typedef enum
{
  PART_DELEGATION,
  PART_COSPONSOR,
  PART_AUTHOR,
  PART_TARGET_LABEL,
  PART_BASE,
  PART_PROPOSED,
  PART_JUSTIFICATION,
} AmendmentPart;

static gboolean
check_amendment_text (Writer            *writer,
                      DraftingAmendment *amendment,
                      AmendmentPart      part,
                      const char        *text)
{
  const char *id = drafting_amendment_get_id (amendment);
  g_autofree char *where = NULL;
  gunichar c;

  if (G_LIKELY (!_drafting_native_find_unholdable (text, strlen (text), &c)))
    return TRUE;

  /* Translators: each %s is the identifier of an amendment, as "am-1a2b3c4d5e6f" */
  switch (part)
    {
    case PART_DELEGATION:
      where = g_strdup_printf (_("the delegation of the amendment “%s”"), id);
      break;
    case PART_COSPONSOR:
      where = g_strdup_printf (_("a co-sponsor of the amendment “%s”"), id);
      break;
    case PART_AUTHOR:
      where = g_strdup_printf (_("the author of the amendment “%s”"), id);
      break;
    case PART_TARGET_LABEL:
      where = g_strdup_printf (_("what the amendment “%s” is about"), id);
      break;
    case PART_BASE:
      where = g_strdup_printf (_("the wording the amendment “%s” was made against"), id);
      break;
    case PART_PROPOSED:
      where = g_strdup_printf (_("the wording the amendment “%s” proposes"), id);
      break;
    case PART_JUSTIFICATION:
    default:
      where = g_strdup_printf (_("the justification of the amendment “%s”"), id);
      break;
    }

  return _drafting_native_check_holdable (writer, text, where);
}

/* A text element of an amendment, left out when empty. */
static gboolean
write_amendment_text (Writer            *writer,
                      DraftingAmendment *amendment,
                      AmendmentPart      part,
                      const char        *name,
                      const char        *value)
{
  if (value == NULL || value[0] == '\0')
    return TRUE;

  return check_amendment_text (writer, amendment, part, value) &&
         _drafting_native_write_text_element (writer, 3, name, value);
}

/* A leading phrase and a text, as an element has them, in an element of
 * their own: left out when both are empty. */
static gboolean
write_wording (Writer               *writer,
               DraftingAmendment    *amendment,
               AmendmentPart         part,
               const char           *name,
               const char           *lead,
               const DraftingInline *content)
{
  if (lead[0] == '\0' && drafting_inline_is_empty (content))
    return TRUE;

  if (!_drafting_native_newline (writer, 3) || !_drafting_native_start_element (writer, name))
    return FALSE;

  if (lead[0] != '\0' &&
      (!check_amendment_text (writer, amendment, part, lead) ||
       !_drafting_native_write_text_element (writer, 4, "lead", lead)))
    return FALSE;

  if (!drafting_inline_is_empty (content) &&
      (!check_amendment_text (writer, amendment, part, drafting_inline_get_text (content)) ||
       !_drafting_native_write_inline (writer, 4, content)))
    return FALSE;

  return _drafting_native_newline (writer, 3) && _drafting_native_end_element (writer);
}

/* An attribute naming an element, as the schema has it: an NCName, or
 * "#root", which no element can have, for the document itself (where the
 * first element of the document goes, or went). */
static gboolean
write_name_attribute (Writer     *writer,
                      const char *attribute,
                      const char *name)
{
  if (name == NULL)
    return TRUE;

  return (g_str_equal (name, DRAFTING_ROOT_ID) || _drafting_native_check_name (writer, name)) &&
         _drafting_native_write_attribute (writer, attribute, name);
}

/* What must be there: an element's name, which _drafting_native_check_name() refuses. */
static gboolean
check_name_given (Writer     *writer,
                  const char *name)
{
  return name != NULL || _drafting_native_check_name (writer, name);
}

static gboolean
write_amendment (Writer            *writer,
                 DraftingDocument  *document,
                 DraftingAmendment *amendment)
{
  DraftingNode *target = drafting_document_lookup (document, drafting_amendment_get_target (amendment));
  /* Most are made against what their element says now: that is said in
   * a word, rather than by writing the wording a second time. */
  gboolean base_is_present = target != NULL &&
    drafting_amendment_get_action (amendment) != DRAFTING_AMENDMENT_INSERT &&
    g_strcmp0 (drafting_node_get_lead (target), drafting_amendment_get_base_lead (amendment)) == 0 &&
    drafting_inline_equal (drafting_node_get_content (target), drafting_amendment_get_base_content (amendment));
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  DraftingAmendmentStatus status = drafting_amendment_get_status (amendment);
  DraftingPlacement placement = drafting_amendment_get_placement (amendment);
  DraftingPlacement destination_placement;
  DraftingPlacement origin_placement;
  const char *destination = drafting_amendment_get_destination (amendment, &destination_placement);
  const char *origin = drafting_amendment_get_origin (amendment, &origin_placement);
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  DraftingKind kind = drafting_amendment_get_kind (amendment);
  g_autofree char *date = g_date_time_format_iso8601 (drafting_amendment_get_date (amendment));

  /* The attributes in the order of the schema; a placement only where it
   * is not "after", but always for an insertion, where it says most. */
  if (!_drafting_native_check_name (writer, drafting_amendment_get_id (amendment)) ||
      !_drafting_native_newline (writer, 2) ||
      !_drafting_native_start_element (writer, "amendment") ||
      !_drafting_native_write_attribute (writer, "id", drafting_amendment_get_id (amendment)) ||
      !_drafting_native_write_attribute (writer, "action",
                                         drafting_amendment_action_to_string (action)) ||
      !_drafting_native_write_attribute (writer, "status",
                                         drafting_amendment_status_to_string (status)) ||
      (drafting_amendment_get_needs_review (amendment) &&
       !_drafting_native_write_attribute (writer, "needs-review", "true")) ||
      !_drafting_native_write_attribute (writer, "date", date) ||
      !check_name_given (writer, drafting_amendment_get_target (amendment)) ||
      !write_name_attribute (writer, "target", drafting_amendment_get_target (amendment)) ||
      ((action == DRAFTING_AMENDMENT_INSERT || placement != DRAFTING_PLACEMENT_AFTER) &&
       !_drafting_native_write_attribute (writer, "placement",
                                          drafting_placement_to_string (placement))) ||
      !write_name_attribute (writer, "destination", destination) ||
      (destination != NULL &&
       !_drafting_native_write_attribute (writer, "destination-placement",
                         drafting_placement_to_string (destination_placement))) ||
      (kind < DRAFTING_N_KINDS && kind != DRAFTING_KIND_DOCUMENT &&
       !_drafting_native_write_attribute (writer, "kind", drafting_kind_to_string (kind))) ||
      !write_name_attribute (writer, "result", drafting_amendment_get_result (amendment)) ||
      !write_name_attribute (writer, "origin", origin) ||
      (origin != NULL &&
       !_drafting_native_write_attribute (writer, "origin-placement",
                         drafting_placement_to_string (origin_placement))) ||
      (base_is_present && !_drafting_native_write_attribute (writer, "base", "present")))
    return FALSE;

  if (!check_amendment_text (writer, amendment, PART_DELEGATION,
                             drafting_amendment_get_delegation (amendment)) ||
      !_drafting_native_write_text_element (writer, 3, "delegation",
                                            drafting_amendment_get_delegation (amendment)))
    return FALSE;

  for (guint i = 0; cosponsors[i] != NULL; i++)
    if (!check_amendment_text (writer, amendment, PART_COSPONSOR, cosponsors[i]) ||
        !_drafting_native_write_text_element (writer, 3, "cosponsor", cosponsors[i]))
      return FALSE;

  return write_amendment_text (writer, amendment, PART_AUTHOR, "author",
                               drafting_amendment_get_author (amendment)) &&
         write_amendment_text (writer, amendment, PART_TARGET_LABEL, "target-label",
                               drafting_amendment_get_target_label (amendment)) &&
         (base_is_present ||
          write_wording (writer, amendment, PART_BASE, "base",
                         drafting_amendment_get_base_lead (amendment),
                         drafting_amendment_get_base_content (amendment))) &&
         write_wording (writer, amendment, PART_PROPOSED, "proposed",
                        drafting_amendment_get_lead (amendment),
                        drafting_amendment_get_content (amendment)) &&
         write_amendment_text (writer, amendment, PART_JUSTIFICATION, "justification",
                               drafting_amendment_get_justification (amendment)) &&
         _drafting_native_newline (writer, 2) &&
         _drafting_native_end_element (writer);
}

/* The record of amendments, when there is one, in its order. */
gboolean
_drafting_native_write_amendments (Writer           *writer,
                                   DraftingDocument *document)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (amendments);

  if (n == 0)
    return TRUE;

  if (!_drafting_native_newline (writer, 1) ||
      !_drafting_native_start_element (writer, "amendments"))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      if (!write_amendment (writer, document, amendment))
        return FALSE;
    }

  return _drafting_native_newline (writer, 1) && _drafting_native_end_element (writer);
}
