/* drafting-native.c: Drafting's own file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-native"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-io.h"
#include "drafting-native.h"
#include "drafting-node-private.h"
#include "drafting-xml.h"

/*
 * The format is XML of our own namespace, described by the RELAX NG schema
 * data/drafting-1.0.rng: a <meta> block, then <content> with an element per
 * element of the document, named by its kind. Every element has its id; its
 * text is in <text>, with <em>, <strong>, <br/> and <fnref ref=""/> inside;
 * the leading phrase of a clause in <lead>.
 *
 * Writing is deterministic, so that saving, loading and saving again gives
 * the same bytes, and a file under version control shows only what changed.
 */

#define SCHEMA_RESOURCE "/org/wco/drafting/core/drafting-1.0.rng"
#define NS DRAFTING_NATIVE_NAMESPACE

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  DraftingDocument *document;
  GHashTable       *ids;        /* id → xmlNode, to report duplicates */
} Reader;

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static gboolean
read_inline (xmlNode         *parent,
             DraftingInline  *content,
             GError         **error)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      guint start = drafting_inline_get_length (content);

      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
          drafting_inline_insert (content, start, (const char *) child->content, -1);
          break;

        case XML_ELEMENT_NODE:
          if (drafting_xml_is_element (child, NS, "br"))
            drafting_inline_insert (content, start, "\n", 1);
          else if (drafting_xml_is_element (child, NS, "fnref"))
            {
              xmlChar *ref = xmlGetProp (child, (const xmlChar *) "ref");

              drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, start, start,
                                        (const char *) ref);
              xmlFree (ref);
            }
          else
            {
              DraftingMarkKind kind = drafting_xml_is_element (child, NS, "em")
                                      ? DRAFTING_MARK_EMPHASIS : DRAFTING_MARK_STRONG;

              if (!read_inline (child, content, error))
                return FALSE;
              drafting_inline_add_mark (content, kind, start,
                                        drafting_inline_get_length (content), NULL);
            }
          break;

        default:
          /* Comments and processing instructions are not text. */
          break;
        }
    }

  return TRUE;
}

static DraftingNode *
read_element (Reader   *reader,
              xmlNode  *element,
              guint     depth,
              GError  **error)
{
  g_autoptr(DraftingNode) node = NULL;
  g_autofree char *id = NULL;
  DraftingKind kind;
  xmlChar *prop;

  kind = drafting_kind_from_string ((const char *) element->name);
  g_assert (kind != DRAFTING_KIND_INVALID && kind != DRAFTING_KIND_DOCUMENT);

  if (depth >= DRAFTING_MAX_DEPTH)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_TOO_DEEP,
                              _("elements are nested more than %d levels deep"),
                              DRAFTING_MAX_DEPTH);
      return NULL;
    }

  prop = xmlGetProp (element, (const xmlChar *) "id");
  id = g_strdup ((const char *) prop);
  xmlFree (prop);

  if (g_hash_table_contains (reader->ids, id))
    {
      guint line, column;

      drafting_xml_get_position (g_hash_table_lookup (reader->ids, id), &line, &column);
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the identifier “%s” is already that of the element on line %u"),
                              id, line);
      return NULL;
    }
  g_hash_table_insert (reader->ids, g_strdup (id), element);

  node = drafting_node_new (kind, id);

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, NS, "lead"))
        {
          g_autofree char *lead = node_text (child);

          drafting_node_set_lead (node, lead);
        }
      else if (drafting_xml_is_element (child, NS, "text"))
        {
          g_autoptr(DraftingInline) content = drafting_inline_new (NULL);

          if (!read_inline (child, content, error))
            return NULL;
          drafting_node_take_content (node, g_steal_pointer (&content));
        }
      else
        {
          g_autoptr(DraftingNode) sub = read_element (reader, child, depth + 1, error);

          if (sub == NULL)
            return NULL;
          drafting_node_append_child (node, sub);
        }
    }

  /* Each footnote reference names a footnote of the same element. */
  for (guint i = 0; i < drafting_inline_get_n_marks (drafting_node_get_content (node)); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (drafting_node_get_content (node), i);

      if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF &&
          drafting_node_find_footnote (node, mark->ref) == NULL)
        {
          drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                                  _("the footnote reference “%s” names no footnote of this element"),
                                  mark->ref);
          return NULL;
        }
    }

  return g_steal_pointer (&node);
}

static void
read_meta (DraftingDocument *document,
           xmlNode          *meta)
{
  for (xmlNode *child = meta->children; child != NULL; child = child->next)
    {
      g_autofree char *value = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, NS, "numbering"))
        {
          xmlChar *slot = xmlGetProp (child, (const xmlChar *) "slot");
          xmlChar *style = xmlGetProp (child, (const xmlChar *) "style");

          drafting_document_set_numbering (document,
                                           drafting_numbering_slot_from_string ((const char *) slot),
                                           drafting_number_style_from_string ((const char *) style));
          xmlFree (slot);
          xmlFree (style);
          continue;
        }

      value = node_text (child);
      if (drafting_xml_is_element (child, NS, "title"))
        drafting_document_set_title (document, value);
      else if (drafting_xml_is_element (child, NS, "body"))
        drafting_document_set_body (document, value);
      else if (drafting_xml_is_element (child, NS, "symbol"))
        drafting_document_set_symbol (document, value);
      else if (drafting_xml_is_element (child, NS, "status"))
        drafting_document_set_status (document, drafting_status_from_string (value));
      else if (drafting_xml_is_element (child, NS, "place"))
        drafting_document_set_place (document, value);
      else if (drafting_xml_is_element (child, NS, "date"))
        drafting_document_set_date (document, value);
      else if (drafting_xml_is_element (child, NS, "language"))
        drafting_document_set_language (document, value);
    }
}

/* Before the schema: is this our format at all, and a version we read? */
static gboolean
check_root (xmlNode  *root,
            GError  **error)
{
  g_autofree char *version = NULL;
  xmlChar *prop;
  guint64 major = 0;
  guint64 minor = 0;
  char *end = NULL;

  if (!drafting_xml_is_element (root, NS, "document"))
    {
      drafting_xml_set_error (error, root, DRAFTING_ERROR_UNKNOWN_FORMAT,
                              _("this is XML, but not a Drafting document (its root element is “%s”)"),
                              (const char *) root->name);
      return FALSE;
    }

  prop = xmlGetProp (root, (const xmlChar *) "version");
  version = g_strdup ((const char *) prop);
  xmlFree (prop);

  if (version == NULL)
    {
      drafting_xml_set_error (error, root, DRAFTING_ERROR_INVALID, "%s",
                              _("the document does not say which version of the format it is in"));
      return FALSE;
    }

  major = g_ascii_strtoull (version, &end, 10);
  if (end != NULL && *end == '.')
    minor = g_ascii_strtoull (end + 1, &end, 10);

  if (end == version || (end != NULL && *end != '\0'))
    {
      drafting_xml_set_error (error, root, DRAFTING_ERROR_INVALID,
                              _("“%s” is not a version of the format"), version);
      return FALSE;
    }

  if (major > 1 || (major == 1 && minor > 0))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NEWER_VERSION,
                   _("This document was saved in version %s of the Drafting format, which is newer "
                     "than this version of Drafting can read (version %s). Update Drafting to "
                     "open it; opening it here would lose what the newer version added."),
                   version, DRAFTING_NATIVE_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * drafting_native_load_bytes:
 *
 * Reads a document in the native format. What is not a valid document of a
 * version this build reads is refused, with an error that says what is
 * wrong and, where it can, on which line and column.
 *
 * Returns: (transfer full) (nullable): the document, unmodified and with
 *   no history
 */
DraftingDocument *
drafting_native_load_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingNode) root = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *top;
  xmlChar *type;
  Reader reader;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if ((doc = drafting_xml_parse (data, len, error)) == NULL)
    return NULL;

  top = xmlDocGetRootElement (doc);
  if (!check_root (top, error) ||
      !drafting_xml_validate (doc, SCHEMA_RESOURCE, error))
    return NULL;

  type = xmlGetProp (top, (const xmlChar *) "type");
  document = drafting_document_new (drafting_document_type_from_string ((const char *) type));
  xmlFree (type);

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.document = document;
  reader.ids = ids;
  root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);

  for (xmlNode *child = top->children; child != NULL; child = child->next)
    {
      if (drafting_xml_is_element (child, NS, "meta"))
        read_meta (document, child);
      else if (drafting_xml_is_element (child, NS, "content"))
        {
          for (xmlNode *element = child->children; element != NULL; element = element->next)
            {
              g_autoptr(DraftingNode) node = NULL;

              if (element->type != XML_ELEMENT_NODE)
                continue;

              if ((node = read_element (&reader, element, 0, error)) == NULL)
                return NULL;
              drafting_node_append_child (root, node);
            }
        }
    }

  _drafting_document_adopt_root (document, root);
  drafting_document_clear_history (document);
  drafting_document_set_modified (document, FALSE);

  return g_steal_pointer (&document);
}

/**
 * drafting_native_load_file:
 *
 * Returns: (transfer full) (nullable): the document in @file
 */
DraftingDocument *
drafting_native_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = drafting_read_file (file, cancellable, error)) == NULL)
    return NULL;

  return drafting_native_load_bytes (bytes, error);
}

/**
 * drafting_native_sniff:
 *
 * Returns: whether @data looks like a document in the native format
 */
gboolean
drafting_native_sniff (const char *data,
                       gsize       len)
{
  gsize head = MIN (len, 4096);

  return head > 0 && g_strstr_len (data, head, "<document") != NULL &&
         g_strstr_len (data, head, NS) != NULL;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct
{
  xmlTextWriter *writer;
  const char    *text;
} InlineWriter;

/* Writes one run: <strong> outside <em>, line breaks as <br/>, so that
 * equal text gives equal XML. */
static void
write_run (guint       start,
           guint       end,
           gboolean    emphasis,
           gboolean    strong,
           const char *ref,
           gpointer    user_data)
{
  InlineWriter *iw = user_data;
  guint piece = start;

  if (ref != NULL)
    {
      xmlTextWriterStartElement (iw->writer, (const xmlChar *) "fnref");
      xmlTextWriterWriteAttribute (iw->writer, (const xmlChar *) "ref", (const xmlChar *) ref);
      xmlTextWriterEndElement (iw->writer);
      return;
    }

  if (strong)
    xmlTextWriterStartElement (iw->writer, (const xmlChar *) "strong");
  if (emphasis)
    xmlTextWriterStartElement (iw->writer, (const xmlChar *) "em");

  for (guint i = start; i <= end; i++)
    {
      if (i < end && iw->text[i] != '\n')
        continue;

      if (i > piece)
        {
          g_autofree char *chunk = g_strndup (iw->text + piece, i - piece);

          xmlTextWriterWriteString (iw->writer, (const xmlChar *) chunk);
        }
      if (i < end)
        {
          xmlTextWriterStartElement (iw->writer, (const xmlChar *) "br");
          xmlTextWriterEndElement (iw->writer);
        }
      piece = i + 1;
    }

  if (emphasis)
    xmlTextWriterEndElement (iw->writer);
  if (strong)
    xmlTextWriterEndElement (iw->writer);
}

/* The writer's own indenting cannot tell structure from mixed content, so
 * the line breaks and indents between elements are written here, and never
 * inside <text>. */
static void
newline (xmlTextWriter *writer,
         guint          depth)
{
  char indent[2 * 64 + 2];
  guint n = MIN (depth, 64) * 2;

  indent[0] = '\n';
  memset (indent + 1, ' ', n);
  indent[n + 1] = '\0';
  xmlTextWriterWriteRaw (writer, (const xmlChar *) indent);
}

static void
write_text_element (xmlTextWriter *writer,
                    guint          depth,
                    const char    *name,
                    const char    *value)
{
  newline (writer, depth);
  xmlTextWriterWriteElement (writer, (const xmlChar *) name, (const xmlChar *) value);
}

static void
write_node (xmlTextWriter *writer,
            DraftingNode  *node,
            guint          depth)
{
  const DraftingInline *content = drafting_node_get_content (node);
  const char *lead = drafting_node_get_lead (node);
  gboolean inner = FALSE;

  newline (writer, depth);
  xmlTextWriterStartElement (writer, (const xmlChar *) drafting_kind_to_string (node->kind));
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "id", (const xmlChar *) node->id);

  if (drafting_kind_has_lead (node->kind) && lead[0] != '\0')
    {
      write_text_element (writer, depth + 1, "lead", lead);
      inner = TRUE;
    }

  if (drafting_kind_has_text (node->kind) && !drafting_inline_is_empty (content))
    {
      newline (writer, depth + 1);
      xmlTextWriterStartElement (writer, (const xmlChar *) "text");
      {
        InlineWriter iw = { writer, drafting_inline_get_text (content) };

        drafting_inline_foreach_run (content, write_run, &iw);
      }
      xmlTextWriterEndElement (writer);
      inner = TRUE;
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      write_node (writer, drafting_node_get_child (node, i), depth + 1);
      inner = TRUE;
    }

  if (inner)
    newline (writer, depth);
  xmlTextWriterEndElement (writer);
}

/**
 * drafting_native_save_bytes:
 *
 * Returns: (transfer full): the document in the native format
 */
GBytes *
drafting_native_save_bytes (DraftingDocument *document)
{
  DraftingNode *root;
  xmlTextWriter *writer;
  xmlBuffer *buffer;
  GBytes *bytes;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  buffer = xmlBufferCreate ();
  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  writer = xmlNewTextWriterMemory (buffer, 0);

  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer, NULL, (const xmlChar *) "document", (const xmlChar *) NS);
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "version",
                               (const xmlChar *) DRAFTING_NATIVE_VERSION);
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "type",
                               (const xmlChar *) drafting_document_type_to_string (
                                 drafting_document_get_document_type (document)));

  newline (writer, 1);
  xmlTextWriterStartElement (writer, (const xmlChar *) "meta");
  write_text_element (writer, 2, "title", drafting_document_get_title (document));
  write_text_element (writer, 2, "body", drafting_document_get_body (document));
  write_text_element (writer, 2, "symbol", drafting_document_get_symbol (document));
  write_text_element (writer, 2, "status",
                      drafting_status_to_string (drafting_document_get_status (document)));
  write_text_element (writer, 2, "place", drafting_document_get_place (document));
  write_text_element (writer, 2, "date", drafting_document_get_date (document));
  write_text_element (writer, 2, "language", drafting_document_get_language (document));
  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      newline (writer, 2);
      xmlTextWriterStartElement (writer, (const xmlChar *) "numbering");
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "slot",
                                   (const xmlChar *) drafting_numbering_slot_to_string (slot));
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "style",
                                   (const xmlChar *) drafting_number_style_to_string (
                                     drafting_document_get_numbering (document, slot)));
      xmlTextWriterEndElement (writer);
    }
  newline (writer, 1);
  xmlTextWriterEndElement (writer);

  root = drafting_document_get_root (document);
  newline (writer, 1);
  xmlTextWriterStartElement (writer, (const xmlChar *) "content");
  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    write_node (writer, drafting_node_get_child (root, i), 2);
  newline (writer, 1);
  xmlTextWriterEndElement (writer);

  newline (writer, 0);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}

/**
 * drafting_native_save_file:
 *
 * Saves @document to @file, atomically (see drafting_file_replace()): if
 * anything fails (a full disk, a folder that cannot be written, the
 * program killed half-way) the old file is left as it was.
 *
 * Returns: %TRUE if saved
 */
gboolean
drafting_native_save_file (DraftingDocument  *document,
                           GFile             *file,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = drafting_native_save_bytes (document);

  return drafting_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                cancellable, error);
}
