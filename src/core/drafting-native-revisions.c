/* drafting-native-revisions.c: the revisions in Drafting's own file format
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
 * <revisions>, last in the document: a <revision label="" date=""
 * status=""> each, the oldest first, holding a <meta> (the document's, as
 * it was, without its identifier or status) and the elements as they
 * were, as <content> holds them. A revision's identifiers are unique
 * within it, and name the same elements as the document's. The rest of
 * the format, and what reading and writing it share, are in
 * drafting-native.c.
 *
 * A file is read with the limits the rest of the format has (its size,
 * the depth of its elements), and no more than %DRAFTING_MAX_REVISIONS
 * revisions, each with a label of its own.
 */

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static DraftingDocument *
read_frozen (Reader                *reader,
             xmlNode               *element,
             DraftingDocumentType   type,
             DraftingStatus         status,
             GError               **error)
{
  g_autoptr(DraftingDocument) frozen = drafting_document_new (type);
  g_autoptr(DraftingNode) root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader own = { frozen, ids, NULL, NULL, NULL };

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      g_autoptr(DraftingNode) node = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, NS, "meta"))
        {
          if (!_drafting_native_read_meta (frozen, child, error))
            return NULL;
          continue;
        }

      if ((node = _drafting_native_read_element (&own, child, DRAFTING_KIND_DOCUMENT, 0,
                                                 error)) == NULL)
        return NULL;
      drafting_node_append_child (root, node);
    }

  _drafting_document_adopt_root (frozen, root);
  _drafting_document_set_identifier (frozen, drafting_document_get_identifier (reader->document));
  drafting_document_set_status (frozen, status);
  drafting_document_clear_history (frozen);
  drafting_document_set_modified (frozen, FALSE);

  return g_steal_pointer (&frozen);
}

static DraftingRevision *
read_revision (Reader      *reader,
               xmlNode     *element,
               GHashTable  *labels,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *label = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *type_name = NULL;
  DraftingDocumentType type = drafting_document_get_document_type (reader->document);
  DraftingDocument *frozen;
  DraftingStatus status;
  xmlChar *raw;

  if (!drafting_xml_is_element (element, NS, "revision"))
    {
      _drafting_native_refuse_element (element, error);
      return NULL;
    }

  raw = xmlGetProp (element, (const xmlChar *) "label");
  label = _drafting_revision_check_label ((const char *) raw, &local_error);
  xmlFree (raw);
  if (label == NULL)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              /* Translators: %s says what is wrong with the label, as "A
                               * revision needs a label, such as “Rev.1”" */
                              _("a revision has no label it can have: %s"),
                              local_error->message);
      return NULL;
    }

  if (g_hash_table_contains (labels, label))
    {
      guint line, column;

      drafting_xml_get_position (g_hash_table_lookup (labels, label), &line, &column);
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              /* Translators: %s is the label of a revision, as "Rev.1", %u
                               * the number of a line of the file */
                              _("the label “%s” is already that of the revision on line %u"),
                              label, line);
      return NULL;
    }
  g_hash_table_insert (labels, g_strdup (label), element);

  /* A date and time with its offset from UTC, as the schema has it. */
  date_text = drafting_xml_get_token (element, "date");
  if (date_text == NULL || (date = g_date_time_new_from_iso8601 (date_text, NULL)) == NULL)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              /* Translators: %s is the label of a revision, as "Rev.1" */
                              _("the revision “%s” has no date, or one that is not a date and "
                                "time with its offset from UTC"),
                              label);
      return NULL;
    }

  status_name = drafting_xml_get_token (element, "status");
  status = drafting_status_from_string (status_name);
  if ((guint) status > DRAFTING_STATUS_ADOPTED)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("“%s” is not a status"), status_name != NULL ? status_name : "");
      return NULL;
    }

  type_name = drafting_xml_get_token (element, "type");
  if (type_name != NULL)
    {
      type = drafting_document_type_from_string (type_name);
      if ((guint) type > DRAFTING_DOCUMENT_GENERIC)
        {
          drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                                  _("“%s” is not a kind of document"), type_name);
          return NULL;
        }
    }

  if ((frozen = read_frozen (reader, element, type, status, error)) == NULL)
    return NULL;

  return _drafting_revision_new (label, date, frozen);
}

/* The revisions, into the reader: they join the document once its own
 * elements are in place. */
gboolean
_drafting_native_read_revisions (Reader   *reader,
                                 xmlNode  *revisions,
                                 GError  **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *child = revisions->children; child != NULL; child = child->next)
    {
      DraftingRevision *revision;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (reader->revisions->len >= DRAFTING_MAX_REVISIONS)
        {
          drafting_xml_set_error (error, child, DRAFTING_ERROR_TOO_LARGE,
                                  /* Translators: %d is a number of revisions, 1000 */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "a document keeps at most %d revision",
                                               "a document keeps at most %d revisions",
                                               DRAFTING_MAX_REVISIONS),
                                  DRAFTING_MAX_REVISIONS);
          return FALSE;
        }

      if ((revision = read_revision (reader, child, labels, error)) == NULL)
        return FALSE;
      g_ptr_array_add (reader->revisions, revision);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static gboolean
write_revision (Writer           *writer,
                DraftingDocument *document,
                DraftingRevision *revision)
{
  DraftingDocument *frozen = drafting_revision_get_document (revision);
  DraftingNode *root = drafting_revision_get_root (revision);
  DraftingDocumentType type = drafting_document_get_document_type (frozen);
  const char *label = drafting_revision_get_label (revision);
  g_autofree char *date = drafting_revision_format_date (revision);
  /* Translators: %s is the label of a revision, as "Rev.1" */
  g_autofree char *where = g_strdup_printf (_("the label of the revision “%s”"), label);

  if (!_drafting_native_check_holdable (writer, label, where) ||
      !_drafting_native_newline (writer, 2) ||
      !_drafting_native_start_element (writer, "revision") ||
      !_drafting_native_write_attribute (writer, "label", label) ||
      !_drafting_native_write_attribute (writer, "date", date) ||
      !_drafting_native_write_attribute (writer, "status",
                                         drafting_status_to_string (drafting_revision_get_status (revision))) ||
      (type != drafting_document_get_document_type (document) &&
       !_drafting_native_write_attribute (writer, "type", drafting_document_type_to_string (type))) ||
      !_drafting_native_write_meta (writer, frozen, 3, FALSE))
    return FALSE;

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    if (!_drafting_native_write_node (writer, drafting_node_get_child (root, i), 3))
      return FALSE;

  return _drafting_native_newline (writer, 2) && _drafting_native_end_element (writer);
}

/* The revisions, when there are any, the oldest first. */
gboolean
_drafting_native_write_revisions (Writer           *writer,
                                  DraftingDocument *document)
{
  GListModel *revisions = drafting_document_get_revisions (document);
  guint n = g_list_model_get_n_items (revisions);

  if (n == 0)
    return TRUE;

  if (!_drafting_native_newline (writer, 1) ||
      !_drafting_native_start_element (writer, "revisions"))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingRevision) revision = g_list_model_get_item (revisions, i);

      if (!write_revision (writer, document, revision))
        return FALSE;
    }

  return _drafting_native_newline (writer, 1) && _drafting_native_end_element (writer);
}
