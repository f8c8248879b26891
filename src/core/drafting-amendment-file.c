/* drafting-amendment-file.c: the amendments of a delegation, as a file of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-amendment-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "drafting-amendment-file.h"
#include "drafting-amendment-private.h"
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-native-private.h"
#include "drafting-node-private.h"
#include "drafting-xml.h"

/*
 * A delegation sends its amendments as a file of its own, a .wcoamend:
 * XML of its own namespace, described by data/drafting-amendments-1.0.rng.
 *
 *   <amendments xmlns="http://wco.org/ns/drafting-amendments/1" version="1.0">
 *     <document identifier="UUID"><symbol>…</symbol></document>
 *     <amendment id="" action="" date="" target="" …>
 *       <delegation>…</delegation> <cosponsor>…</cosponsor>…
 *       <author/> <target-label/> <base/> <proposed/> <justification/>
 *     </amendment>…
 *   </amendments>
 *
 * The attributes and elements of an <amendment> are those of the native
 * format's, without what the committee decides (status, review, result,
 * origin): what comes in is proposed. Wording is <lead> and the native
 * format's own <text>, in the native namespace, so that the native
 * format's reader reads it.
 *
 * Importing is all or nothing as to the file: a file that is not
 * well-formed, not valid, or made for another document changes nothing.
 * Of a good file, each amendment is then either
 *  - a duplicate, left out: its identifier is one the document has, or
 *    an amendment of the record has its delegation, action, target,
 *    placement, destination, kind and proposed wording;
 *  - not applicable, left out: its element is not in the document, or
 *    what it proposes cannot be done there (drafting_document_propose()
 *    refuses it); the file was made against another state of the
 *    document, and a delegation is told rather than the whole refused;
 *  - added, as proposed, with its delegation, date and base wording.
 * All that is added is one action to undo. Those added that conflict
 * with another proposed amendment, once all are in, are counted.
 */

#define NS_EXCHANGE     DRAFTING_AMENDMENT_FILE_NAMESPACE
#define SCHEMA_RESOURCE "/org/wco/drafting/core/drafting-amendments-1.0.rng"

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct
{
  xmlTextWriter *xml;
  GError        *error;
} Out;

static gboolean
out_ok (Out *out,
        int  result)
{
  if (result >= 0)
    return TRUE;

  if (out->error == NULL)
    g_set_error_literal (&out->error, DRAFTING_ERROR, DRAFTING_ERROR_FAILED,
                         _("The amendments could not be written out: the XML writer failed, "
                           "perhaps for want of memory"));
  return FALSE;
}

static gboolean
out_start (Out        *out,
           const char *name)
{
  return out_ok (out, xmlTextWriterStartElement (out->xml, (const xmlChar *) name));
}

static gboolean
out_end (Out *out)
{
  return out_ok (out, xmlTextWriterEndElement (out->xml));
}

static gboolean
out_attribute (Out        *out,
               const char *name,
               const char *value)
{
  return out_ok (out, xmlTextWriterWriteAttribute (out->xml, (const xmlChar *) name,
                                                   (const xmlChar *) value));
}

static gboolean
out_string (Out        *out,
            const char *text)
{
  return out_ok (out, xmlTextWriterWriteString (out->xml, (const xmlChar *) text));
}

static gboolean
out_newline (Out   *out,
             guint  depth)
{
  char indent[2 * 8 + 2];
  guint n = MIN (depth, 8) * 2;

  indent[0] = '\n';
  memset (indent + 1, ' ', n);
  indent[n + 1] = '\0';

  return out_ok (out, xmlTextWriterWriteRaw (out->xml, (const xmlChar *) indent));
}

/* Text that XML cannot hold never reaches the file: the model keeps it
 * out, and this makes sure. */
static gboolean
out_check (Out               *out,
           DraftingAmendment *amendment,
           const char        *text)
{
  gunichar c;

  if (G_LIKELY (!_drafting_native_find_unholdable (text, strlen (text), &c)))
    return TRUE;

  if (out->error == NULL)
    g_set_error (&out->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                 /* Translators: %s is the identifier of an amendment; U+%04X the code of a
                  * character, as U+0001 */
                 _("The amendments cannot be written out: the amendment “%s” holds the "
                   "character U+%04X, which a file cannot hold"),
                 drafting_amendment_get_id (amendment), c);
  return FALSE;
}

static gboolean
out_name (Out        *out,
          const char *name)
{
  if (name != NULL &&
      (g_str_equal (name, DRAFTING_ROOT_ID) || xmlValidateNCName ((const xmlChar *) name, 0) == 0))
    return TRUE;

  if (out->error == NULL)
    g_set_error (&out->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                 _("The amendments cannot be written out: “%s” cannot be the identifier of "
                   "an element"),
                 name != NULL ? name : "");
  return FALSE;
}

static gboolean
out_text_element (Out               *out,
                  DraftingAmendment *amendment,
                  guint              depth,
                  const char        *name,
                  const char        *value,
                  gboolean           optional)
{
  if (optional && (value == NULL || value[0] == '\0'))
    return TRUE;

  return out_check (out, amendment, value) &&
         out_newline (out, depth) &&
         out_start (out, name) &&
         out_string (out, value) &&
         out_end (out);
}

/* A leading phrase and a text in an element of their own, left out when
 * both are empty; the text in the native namespace, declared on it. */
static gboolean
write_wording (Out                  *out,
               DraftingAmendment    *amendment,
               const char           *name,
               const char           *lead,
               const DraftingInline *content)
{
  if (lead[0] == '\0' && drafting_inline_is_empty (content))
    return TRUE;

  if (!out_newline (out, 2) || !out_start (out, name) ||
      !out_text_element (out, amendment, 3, "lead", lead, TRUE))
    return FALSE;

  if (!drafting_inline_is_empty (content))
    {
      guint n = drafting_inline_get_n_marks (content);

      for (guint i = 0; i < n; i++)
        {
          const DraftingMark *mark = drafting_inline_get_mark (content, i);

          if (mark->ref != NULL && !out_name (out, mark->ref))
            return FALSE;
        }

      if (!out_check (out, amendment, drafting_inline_get_text (content)) ||
          !out_newline (out, 3) ||
          !out_ok (out, xmlTextWriterStartElementNS (out->xml, NULL, (const xmlChar *) "text",
                                                     (const xmlChar *) DRAFTING_NATIVE_NAMESPACE)) ||
          !out_ok (out, drafting_xml_write_runs (out->xml, content) ? 0 : -1) ||
          !out_end (out))
        return FALSE;
    }

  return out_newline (out, 2) && out_end (out);
}

static gboolean
write_amendment (Out               *out,
                 DraftingAmendment *amendment)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  DraftingPlacement placement = drafting_amendment_get_placement (amendment);
  DraftingPlacement destination_placement;
  const char *destination = drafting_amendment_get_destination (amendment, &destination_placement);
  const char *target = drafting_amendment_get_target (amendment);
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  DraftingKind kind = drafting_amendment_get_kind (amendment);
  g_autofree char *date = g_date_time_format_iso8601 (drafting_amendment_get_date (amendment));

  /* The attributes in the order of the schema, as the native format has
   * them. */
  if (!out_name (out, drafting_amendment_get_id (amendment)) ||
      !out_name (out, target) ||
      (destination != NULL && !out_name (out, destination)) ||
      !out_newline (out, 1) ||
      !out_start (out, "amendment") ||
      !out_attribute (out, "id", drafting_amendment_get_id (amendment)) ||
      !out_attribute (out, "action", drafting_amendment_action_to_string (action)) ||
      !out_attribute (out, "date", date) ||
      !out_attribute (out, "target", target) ||
      ((action == DRAFTING_AMENDMENT_INSERT || placement != DRAFTING_PLACEMENT_AFTER) &&
       !out_attribute (out, "placement", drafting_placement_to_string (placement))) ||
      (destination != NULL &&
       (!out_attribute (out, "destination", destination) ||
        !out_attribute (out, "destination-placement",
                        drafting_placement_to_string (destination_placement)))) ||
      (kind < DRAFTING_N_KINDS && kind != DRAFTING_KIND_DOCUMENT &&
       !out_attribute (out, "kind", drafting_kind_to_string (kind))))
    return FALSE;

  if (!out_text_element (out, amendment, 2, "delegation",
                         drafting_amendment_get_delegation (amendment), FALSE))
    return FALSE;

  for (guint i = 0; cosponsors[i] != NULL; i++)
    if (!out_text_element (out, amendment, 2, "cosponsor", cosponsors[i], FALSE))
      return FALSE;

  return out_text_element (out, amendment, 2, "author",
                           drafting_amendment_get_author (amendment), TRUE) &&
         out_text_element (out, amendment, 2, "target-label",
                           drafting_amendment_get_target_label (amendment), TRUE) &&
         write_wording (out, amendment, "base",
                        drafting_amendment_get_base_lead (amendment),
                        drafting_amendment_get_base_content (amendment)) &&
         write_wording (out, amendment, "proposed",
                        drafting_amendment_get_lead (amendment),
                        drafting_amendment_get_content (amendment)) &&
         out_text_element (out, amendment, 2, "justification",
                           drafting_amendment_get_justification (amendment), TRUE) &&
         out_newline (out, 1) &&
         out_end (out);
}

static gboolean
write_file (Out              *out,
            DraftingDocument *document,
            const char       *delegation)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  const char *symbol = drafting_document_get_symbol (document);
  guint n = g_list_model_get_n_items (amendments);

  if (!out_ok (out, xmlTextWriterStartDocument (out->xml, "1.0", "UTF-8", NULL)) ||
      !out_ok (out, xmlTextWriterStartElementNS (out->xml, NULL, (const xmlChar *) "amendments",
                                                 (const xmlChar *) NS_EXCHANGE)) ||
      !out_attribute (out, "version", DRAFTING_AMENDMENT_FILE_VERSION) ||
      !out_newline (out, 1) ||
      !out_start (out, "document") ||
      !out_attribute (out, "identifier", drafting_document_get_identifier (document)))
    return FALSE;

  if (symbol != NULL && symbol[0] != '\0')
    {
      gunichar c;

      if (_drafting_native_find_unholdable (symbol, strlen (symbol), &c))
        {
          g_set_error (&out->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                       _("The amendments cannot be written out: the symbol of the document "
                         "holds the character U+%04X, which a file cannot hold"),
                       c);
          return FALSE;
        }
      if (!out_newline (out, 2) || !out_start (out, "symbol") || !out_string (out, symbol) ||
          !out_end (out) || !out_newline (out, 1))
        return FALSE;
    }
  if (!out_end (out))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED ||
          (delegation != NULL && !drafting_amendment_involves (amendment, delegation)))
        continue;
      if (!write_amendment (out, amendment))
        return FALSE;
    }

  return out_newline (out, 0) &&
         out_end (out) &&
         out_ok (out, xmlTextWriterEndDocument (out->xml)) &&
         out_ok (out, xmlTextWriterFlush (out->xml));
}

/**
 * drafting_amendment_file_write:
 * @delegation: (nullable): the delegation whose amendments to write, as
 *   proposer or co-sponsor; %NULL for all
 * @error: where to say why it failed
 *
 * Writes the proposed amendments of @document (of @delegation) as an
 * amendment exchange file, in the order of the record, with the identity
 * of @document. The same record gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the file
 */
GBytes *
drafting_amendment_file_write (DraftingDocument  *document,
                               const char        *delegation,
                               GError           **error)
{
  Out out = { NULL, NULL };
  xmlBuffer *buffer;
  gboolean written;
  GBytes *bytes;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  if (buffer == NULL || (out.xml = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    {
      out_ok (&out, -1);
      written = FALSE;
    }
  else
    {
      written = write_file (&out, document, delegation);
      xmlFreeTextWriter (out.xml);
    }

  if (written && (gsize) xmlBufferLength (buffer) > DRAFTING_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (DRAFTING_MAX_FILE_SIZE);

      g_set_error (&out.error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, as "67.1 MB" */
                   _("The amendments are too many to write out: they take more than %s, the "
                     "most a file may be"),
                   limit);
      written = FALSE;
    }

  if (!written)
    {
      g_assert (out.error != NULL);
      if (buffer != NULL)
        xmlBufferFree (buffer);
      g_propagate_error (error, out.error);
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static gboolean
read_placement (xmlNode           *element,
                const char        *attribute,
                DraftingPlacement *placement)
{
  g_autofree char *name = drafting_xml_get_token (element, attribute);

  *placement = DRAFTING_PLACEMENT_AFTER;
  return name == NULL || drafting_placement_from_string (name, placement);
}

/* One <amendment>, which the schema has checked, as a new amendment: what
 * it proposes is read as the native format reads it. */
static DraftingAmendment *
read_amendment (xmlNode  *element,
                GError  **error)
{
  g_autofree char *id = drafting_xml_get_token (element, "id");
  g_autofree char *action_name = drafting_xml_get_token (element, "action");
  g_autofree char *target = drafting_xml_get_token (element, "target");
  DraftingAmendmentAction action = drafting_amendment_action_from_string (action_name);
  DraftingPlacement placement;
  DraftingPlacement destination_placement;

  /* The schema said what may be here; what it cannot say is said here. */
  if (id == NULL || xmlValidateNCName ((const xmlChar *) id, 0) != 0 ||
      action == DRAFTING_AMENDMENT_ACTION_INVALID || target == NULL ||
      !read_placement (element, "placement", &placement) ||
      !read_placement (element, "destination-placement", &destination_placement))
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID, "%s",
                              _("the amendment does not say what it is, what it does, or "
                                "which element it is about"));
      return NULL;
    }

  return _drafting_native_read_amendment_fields (element, NS_EXCHANGE, id, action, error);
}

/* What names a document in a message: its symbol, or its identifier when
 * it has none. */
static const char *
document_name (const char *symbol,
               const char *identifier)
{
  return symbol != NULL && symbol[0] != '\0' ? symbol : identifier;
}

/* Reads the whole file, and checks that it is for @document, before
 * anything is added. */
static GPtrArray *
read_file (DraftingDocument  *document,
           GBytes            *bytes,
           GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) amendments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *identifier = NULL;
  g_autofree char *symbol = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root;
  xmlNode *child;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if ((doc = drafting_xml_parse (data, len, error)) == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!drafting_xml_is_element (root, NS_EXCHANGE, "amendments"))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                           _("This is not a file of amendments"));
      return NULL;
    }

  if (!drafting_xml_validate (doc, SCHEMA_RESOURCE, error))
    return NULL;

  child = xmlFirstElementChild (root);
  g_assert (drafting_xml_is_element (child, NS_EXCHANGE, "document"));
  identifier = drafting_xml_get_token (child, "identifier");
  for (xmlNode *s = xmlFirstElementChild (child); s != NULL; s = xmlNextElementSibling (s))
    if (drafting_xml_is_element (s, NS_EXCHANGE, "symbol"))
      symbol = _drafting_native_node_text (s);

  if (identifier == NULL ||
      g_ascii_strcasecmp (identifier, drafting_document_get_identifier (document)) != 0)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: each %s names a document, by its symbol (as
                    * "PC0123E1") or, when it has none, its identifier */
                   _("These amendments are for the document “%s”, not for “%s”"),
                   document_name (symbol, identifier),
                   document_name (drafting_document_get_symbol (document),
                                  drafting_document_get_identifier (document)));
      return NULL;
    }

  for (child = xmlNextElementSibling (child); child != NULL; child = xmlNextElementSibling (child))
    {
      DraftingAmendment *amendment = read_amendment (child, error);

      if (amendment == NULL)
        return NULL;

      if (!g_hash_table_add (ids, g_strdup (drafting_amendment_get_id (amendment))))
        {
          drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID,
                                  _("the identifier “%s” is that of an amendment before it"),
                                  drafting_amendment_get_id (amendment));
          g_object_unref (amendment);
          return NULL;
        }
      g_ptr_array_add (amendments, amendment);
    }

  return g_steal_pointer (&amendments);
}

/* Whether @a and @b propose the same, from the same delegation. */
static gboolean
same_proposal (DraftingAmendment *a,
               DraftingAmendment *b)
{
  DraftingPlacement pa, pb;
  const char *da = drafting_amendment_get_destination (a, &pa);
  const char *db = drafting_amendment_get_destination (b, &pb);

  return drafting_amendment_get_action (a) == drafting_amendment_get_action (b) &&
         g_strcmp0 (drafting_amendment_get_delegation (a),
                    drafting_amendment_get_delegation (b)) == 0 &&
         g_strcmp0 (drafting_amendment_get_target (a), drafting_amendment_get_target (b)) == 0 &&
         drafting_amendment_get_placement (a) == drafting_amendment_get_placement (b) &&
         g_strcmp0 (da, db) == 0 && (da == NULL || pa == pb) &&
         (drafting_amendment_get_action (a) != DRAFTING_AMENDMENT_INSERT ||
          drafting_amendment_get_kind (a) == drafting_amendment_get_kind (b)) &&
         g_strcmp0 (drafting_amendment_get_lead (a), drafting_amendment_get_lead (b)) == 0 &&
         drafting_inline_equal (drafting_amendment_get_content (a),
                                drafting_amendment_get_content (b));
}

static gboolean
is_duplicate (DraftingDocument  *document,
              DraftingAmendment *amendment)
{
  GListModel *record = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (record);

  if (drafting_document_lookup_amendment (document, drafting_amendment_get_id (amendment)) != NULL)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) other = g_list_model_get_item (record, i);

      if (same_proposal (amendment, other))
        return TRUE;
    }

  return FALSE;
}

/**
 * drafting_amendment_file_import:
 * @bytes: an amendment exchange file
 * @summary: (out caller-allocates) (optional): what was done
 * @error: where to say why the file was refused
 *
 * Adds the amendments of @bytes to @document, as proposed, in one action
 * to undo: all but those already in it (duplicates) and those it cannot
 * take (not applicable), which are counted in @summary. A file that is
 * not one of amendments, is broken or hostile, or was made for another
 * document is refused whole, and @document is left as it was.
 *
 * Returns: %TRUE if the file was read (even if nothing was added)
 */
gboolean
drafting_amendment_file_import (DraftingDocument       *document,
                                GBytes                 *bytes,
                                DraftingImportSummary  *summary,
                                GError                **error)
{
  DraftingImportSummary found = { 0, 0, 0, 0 };
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((amendments = read_file (document, bytes, error)) == NULL)
    return FALSE;

  drafting_document_begin_action (document, C_("undo", "Import Amendments"));
  for (guint i = 0; i < amendments->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (amendments, i);

      if (is_duplicate (document, amendment))
        found.duplicates++;
      else if (!drafting_document_propose (document, amendment, NULL))
        found.not_applicable++;
      else
        {
          found.added++;
          g_ptr_array_add (added, amendment);
        }
    }
  drafting_document_end_action (document);

  for (guint i = 0; i < added->len; i++)
    {
      g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document,
                                                                        g_ptr_array_index (added, i));

      if (conflicts->len > 0)
        found.conflicting++;
    }

  if (summary != NULL)
    *summary = found;
  return TRUE;
}

/**
 * drafting_amendment_file_sniff:
 *
 * Returns: whether @data looks like an amendment exchange file
 */
gboolean
drafting_amendment_file_sniff (const char *data,
                               gsize       len)
{
  gsize head = MIN (len, 4096);

  return head > 0 && g_strstr_len (data, head, "<amendments") != NULL &&
         g_strstr_len (data, head, NS_EXCHANGE) != NULL;
}
