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
#include "drafting-native-private.h"
#include "drafting-node-private.h"
#include "drafting-xml.h"

/*
 * The format is XML of our own namespace, described by the RELAX NG schema
 * data/drafting-1.1.rng: a <meta> block, then <content> with an element per
 * element of the document, named by its kind. Every element has its id; its
 * text is in <text>, with <em>, <strong>, <br/> and <fnref ref=""/> inside;
 * the leading phrase of a clause in <lead>. Then, when amendments were
 * proposed, <amendments>: an <amendment> each, in the order of the record,
 * its names and tokens in attributes, its words in elements, the wording
 * it proposes in <proposed> and the one it was made against in <base>,
 * each a <lead> and a <text> as the elements have them. Last, when revisions
 * were issued, <revisions>: a <revision> each, the oldest first, its label,
 * date and status in attributes, then the document as it was: a <meta> (as
 * the document's, without its identifier and status) and its elements as
 * <content> has them, their identifiers unique within it. Those are read
 * and written in drafting-native-revisions.c.
 *
 * Version 1.1 added the document's identifier and the amendments to 1.0,
 * whose files are still read, against data/drafting-1.0.rng, and are
 * written as 1.1. The revisions are an optional block of 1.1: files
 * without them are as they were, and read as before.
 *
 * Writing is deterministic, so that saving, loading and saving again gives
 * the same bytes, and a file under version control shows only what changed.
 */

#define SCHEMA_RESOURCE     "/org/wco/drafting/core/drafting-1.1.rng"
#define SCHEMA_1_0_RESOURCE "/org/wco/drafting/core/drafting-1.0.rng"

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/*
 * The reader takes what the schema accepts, as the schema reads it: the
 * values the schema compares as tokens (names of kinds of document, of
 * statuses and numbering styles, identifiers, the language) are read
 * without the white space around them. What the schema lets through but
 * the model cannot hold (an element where the model puts none of its
 * kind, a footnote called twice) is an error that says where it is, never
 * an assertion: files come from anywhere.
 */

char *
_drafting_native_node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static gboolean
is_ours (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, NS) == 0;
}

gboolean
_drafting_native_refuse_element (xmlNode  *element,
                                 GError  **error)
{
  drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                          _("the element “%s” has no place here"),
                          (const char *) element->name);
  return FALSE;
}

gboolean
_drafting_native_read_inline (xmlNode         *parent,
                              DraftingInline  *content,
                              GError         **error)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      guint start = drafting_inline_get_length (content);

      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          drafting_inline_insert (content, start, (const char *) child->content, -1);
          break;

        case XML_ELEMENT_NODE:
          if (!is_ours (child))
            return _drafting_native_refuse_element (child, error);

          if (drafting_xml_is_element (child, NS, "br"))
            drafting_inline_insert (content, start, "\n", 1);
          else if (drafting_xml_is_element (child, NS, "fnref"))
            {
              g_autofree char *ref = drafting_xml_get_token (child, "ref");

              if (ref == NULL || ref[0] == '\0')
                {
                  drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID, "%s",
                                          _("a footnote reference does not say which footnote"));
                  return FALSE;
                }

              /* The model calls each footnote once: a second call would be
               * lost on the way in. */
              if (drafting_inline_has_ref (content, ref))
                {
                  drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID,
                                          _("the footnote “%s” is referred to twice"), ref);
                  return FALSE;
                }

              drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, start, start, ref);
            }
          else if (drafting_xml_is_element (child, NS, "em") ||
                   drafting_xml_is_element (child, NS, "strong"))
            {
              DraftingMarkKind kind = drafting_xml_is_element (child, NS, "em")
                                      ? DRAFTING_MARK_EMPHASIS : DRAFTING_MARK_STRONG;

              if (!_drafting_native_read_inline (child, content, error))
                return FALSE;
              drafting_inline_add_mark (content, kind, start,
                                        drafting_inline_get_length (content), NULL);
            }
          else
            return _drafting_native_refuse_element (child, error);
          break;

        default:
          /* Comments and processing instructions are not text. */
          break;
        }
    }

  return TRUE;
}

DraftingNode *
_drafting_native_read_element (Reader        *reader,
                               xmlNode       *element,
                               DraftingKind   parent_kind,
                               guint          depth,
                               GError       **error)
{
  g_autoptr(DraftingNode) node = NULL;
  g_autofree char *id = NULL;
  gboolean seen_lead = FALSE;
  gboolean seen_text = FALSE;
  DraftingKind kind;

  kind = is_ours (element) ? drafting_kind_from_string ((const char *) element->name)
                           : DRAFTING_KIND_INVALID;

  if (kind == DRAFTING_KIND_INVALID || kind == DRAFTING_KIND_DOCUMENT)
    {
      _drafting_native_refuse_element (element, error);
      return NULL;
    }

  if (!drafting_kind_allows_child (parent_kind, kind))
    {
      if (parent_kind == DRAFTING_KIND_DOCUMENT)
        drafting_xml_set_error (error, element, DRAFTING_ERROR_NOT_ALLOWED,
                                /* Translators: %s is the name of an element of the file,
                                 * as "item" */
                                _("an element “%s” cannot stand on its own in the document"),
                                (const char *) element->name);
      else
        drafting_xml_set_error (error, element, DRAFTING_ERROR_NOT_ALLOWED,
                                /* Translators: both are names of elements of the file, as
                                 * "item" and "preamble-clause" */
                                _("an element “%s” cannot go in an element “%s”"),
                                (const char *) element->name,
                                drafting_kind_to_string (parent_kind));
      return NULL;
    }

  if (depth >= DRAFTING_MAX_DEPTH)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_TOO_DEEP,
                              _("elements are nested more than %d levels deep"),
                              DRAFTING_MAX_DEPTH);
      return NULL;
    }

  id = drafting_xml_get_token (element, "id");
  if (id == NULL || xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      drafting_xml_set_error (error, element, DRAFTING_ERROR_INVALID,
                              _("the element “%s” has no identifier, or one that is not "
                                "a name"),
                              (const char *) element->name);
      return NULL;
    }

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
          g_autofree char *lead = _drafting_native_node_text (child);

          if (!drafting_kind_has_lead (kind) || seen_lead)
            {
              _drafting_native_refuse_element (child, error);
              return NULL;
            }
          seen_lead = TRUE;
          drafting_node_set_lead (node, lead);
        }
      else if (drafting_xml_is_element (child, NS, "text"))
        {
          g_autoptr(DraftingInline) content = drafting_inline_new (NULL);

          if (!drafting_kind_has_text (kind) || seen_text)
            {
              _drafting_native_refuse_element (child, error);
              return NULL;
            }
          seen_text = TRUE;
          if (!_drafting_native_read_inline (child, content, error))
            return NULL;
          drafting_node_take_content (node, g_steal_pointer (&content));
        }
      else
        {
          g_autoptr(DraftingNode) sub = _drafting_native_read_element (reader, child, kind,
                                                                       depth + 1, error);

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

gboolean
_drafting_native_read_meta (DraftingDocument  *document,
                            xmlNode           *meta,
                            GError           **error)
{
  for (xmlNode *child = meta->children; child != NULL; child = child->next)
    {
      g_autofree char *value = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, NS, "numbering"))
        {
          g_autofree char *slot_name = drafting_xml_get_token (child, "slot");
          g_autofree char *style_name = drafting_xml_get_token (child, "style");
          DraftingNumberingSlot slot = drafting_numbering_slot_from_string (slot_name);
          DraftingNumberStyle style = drafting_number_style_from_string (style_name);

          if (slot == DRAFTING_NUMBERING_SLOT_INVALID || style == DRAFTING_NUMBER_STYLE_INVALID)
            {
              drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID, "%s",
                                      _("the numbering names a list or a style that does "
                                        "not exist"));
              return FALSE;
            }
          drafting_document_set_numbering (document, slot, style);
          continue;
        }

      if (drafting_xml_is_element (child, NS, "status"))
        {
          g_autofree char *name = drafting_xml_get_token (child, NULL);
          DraftingStatus status = drafting_status_from_string (name);

          if ((guint) status > DRAFTING_STATUS_ADOPTED)
            {
              drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID,
                                      _("“%s” is not a status"), name);
              return FALSE;
            }
          drafting_document_set_status (document, status);
          continue;
        }

      if (drafting_xml_is_element (child, NS, "identifier"))
        {
          g_autofree char *identifier = drafting_xml_get_token (child, NULL);

          if (!g_uuid_string_is_valid (identifier))
            {
              drafting_xml_set_error (error, child, DRAFTING_ERROR_INVALID,
                                      _("“%s” is not the identifier of a document"),
                                      identifier);
              return FALSE;
            }
          _drafting_document_set_identifier (document, identifier);
          continue;
        }

      if (drafting_xml_is_element (child, NS, "language"))
        {
          g_autofree char *language = drafting_xml_get_token (child, NULL);

          drafting_document_set_language (document, language);
          continue;
        }

      value = _drafting_native_node_text (child);
      if (drafting_xml_is_element (child, NS, "title"))
        drafting_document_set_title (document, value);
      else if (drafting_xml_is_element (child, NS, "body"))
        drafting_document_set_body (document, value);
      else if (drafting_xml_is_element (child, NS, "symbol"))
        drafting_document_set_symbol (document, value);
      else if (drafting_xml_is_element (child, NS, "place"))
        drafting_document_set_place (document, value);
      else if (drafting_xml_is_element (child, NS, "date"))
        drafting_document_set_date (document, value);
      else
        return _drafting_native_refuse_element (child, error);
    }

  return TRUE;
}

/* Before the schema: is this our format at all, and a version we read?
 * @schema is the schema of that version. */
static gboolean
check_root (xmlNode     *root,
            const char **schema,
            GError     **error)
{
  g_autofree char *version = NULL;
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

  /* The schema reads the version as a token: so does this. */
  version = drafting_xml_get_token (root, "version");

  if (version == NULL)
    {
      drafting_xml_set_error (error, root, DRAFTING_ERROR_INVALID, "%s",
                              _("the document does not say which version of the format it is in"));
      return FALSE;
    }

  if (g_ascii_isdigit (version[0]))
    {
      major = g_ascii_strtoull (version, &end, 10);
      if (*end == '.' && g_ascii_isdigit (end[1]))
        minor = g_ascii_strtoull (end + 1, &end, 10);
    }

  if (end == NULL || *end != '\0')
    {
      drafting_xml_set_error (error, root, DRAFTING_ERROR_INVALID,
                              _("“%s” is not a version of the format"), version);
      return FALSE;
    }

  if (major > 1 || (major == 1 && minor > 1))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NEWER_VERSION,
                   _("This document was saved in version %s of the Drafting format, which is newer "
                     "than this version of Drafting can read (version %s). Update Drafting to "
                     "open it; opening it here would lose what the newer version added."),
                   version, DRAFTING_NATIVE_VERSION);
      return FALSE;
    }

  /* What is not 1.1 is read against 1.0, which says what it takes. */
  *schema = major == 1 && minor == 1 ? SCHEMA_RESOURCE : SCHEMA_1_0_RESOURCE;

  return TRUE;
}

/**
 * drafting_native_load_bytes:
 *
 * Reads a document in the native format. What is not a valid document of a
 * version this build reads is refused, with an error that says what is
 * wrong and, where it can, on which line and column. Call
 * drafting_core_init() first.
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
  g_autoptr(GHashTable) amendment_ids = NULL;
  g_autoptr(GPtrArray) present_bases = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *type_name = NULL;
  DraftingDocumentType type;
  xmlNode *top;
  Reader reader;
  gsize len;
  const char *data;
  const char *schema = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if ((doc = drafting_xml_parse (data, len, error)) == NULL)
    return NULL;

  top = xmlDocGetRootElement (doc);
  if (!check_root (top, &schema, error) ||
      !_drafting_native_validate (doc, schema, error))
    return NULL;

  type_name = drafting_xml_get_token (top, "type");
  type = drafting_document_type_from_string (type_name);
  if ((guint) type > DRAFTING_DOCUMENT_GENERIC)
    {
      drafting_xml_set_error (error, top, DRAFTING_ERROR_INVALID,
                              _("“%s” is not a kind of document"),
                              type_name != NULL ? type_name : "");
      return NULL;
    }
  document = drafting_document_new (type);

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.document = document;
  reader.ids = ids;
  amendment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.amendment_ids = amendment_ids;
  present_bases = g_ptr_array_new ();
  reader.present_bases = present_bases;
  revisions = g_ptr_array_new_with_free_func (g_object_unref);
  reader.revisions = revisions;
  root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);

  for (xmlNode *child = top->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (drafting_xml_is_element (child, NS, "meta"))
        {
          if (!_drafting_native_read_meta (document, child, error))
            return NULL;
        }
      else if (drafting_xml_is_element (child, NS, "content"))
        {
          for (xmlNode *element = child->children; element != NULL; element = element->next)
            {
              g_autoptr(DraftingNode) node = NULL;

              if (element->type != XML_ELEMENT_NODE)
                continue;

              node = _drafting_native_read_element (&reader, element, DRAFTING_KIND_DOCUMENT, 0,
                                                    error);
              if (node == NULL)
                return NULL;
              drafting_node_append_child (root, node);
            }
        }
      else if (drafting_xml_is_element (child, NS, "amendments"))
        {
          if (!_drafting_native_read_amendments (&reader, child, error))
            return NULL;
        }
      else if (drafting_xml_is_element (child, NS, "revisions"))
        {
          if (!_drafting_native_read_revisions (&reader, child, error))
            return NULL;
        }
      else
        {
          _drafting_native_refuse_element (child, error);
          return NULL;
        }
    }

  _drafting_document_adopt_root (document, root);
  if (!_drafting_native_resolve_bases (&reader, error))
    return NULL;
  /* After the elements, whose identifiers the revisions share. */
  for (guint i = 0; i < revisions->len; i++)
    _drafting_document_add_revision (document, g_ptr_array_index (revisions, i));
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

/*
 * Everything goes through an output of our own, which keeps the bytes in
 * memory, counts them, and refuses to grow past what the reader takes:
 * a file Drafting would refuse to open must never be written. Every call
 * to libxml2's writer is checked, and the first failure fails the whole
 * save, so that a document is never half written and called saved.
 */

struct _Sink
{
  GByteArray *data;
  gsize       max_size;
  guint       too_large : 1;
};

static int
sink_write (void       *context,
            const char *buffer,
            int         len)
{
  Sink *sink = context;

  /* The sink never holds more than max_size, so this cannot wrap. */
  if (len < 0 || (gsize) len > sink->max_size - sink->data->len)
    {
      sink->too_large = TRUE;
      return -1;
    }

  g_byte_array_append (sink->data, (const guint8 *) buffer, len);
  return len;
}

static int
sink_close (void *context G_GNUC_UNUSED)
{
  return 0;
}

static gboolean
writer_ok (Writer *writer,
           int     result)
{
  if (result >= 0 && !writer->sink->too_large)
    return TRUE;

  if (writer->error != NULL)
    return FALSE;

  if (writer->sink->too_large)
    {
      g_autofree char *limit = g_format_size (writer->sink->max_size);

      g_set_error (&writer->error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, as "67.1 MB" */
                   _("The document is too large to save: it takes more than %s, the most a "
                     "document may be, and it could not be opened again"),
                   limit);
    }
  else
    g_set_error_literal (&writer->error, DRAFTING_ERROR, DRAFTING_ERROR_FAILED,
                         _("The document could not be written out: the XML writer failed, "
                           "perhaps for want of memory"));

  return FALSE;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any of the eight bytes at @p is below 0x20 or is 0xEF, the first
 * byte of U+FFFE and U+FFFF: every text is looked at as it is written,
 * and nearly all of it is neither. */
static inline gboolean
maybe_unholdable (const guchar *p)
{
  guint64 word;
  guint64 ef;

  memcpy (&word, p, sizeof word);
  ef = word ^ (ONES * 0xEF);

  return ((((word - ONES * 0x20) & ~word) | ((ef - ONES) & ~ef)) & HIGHS) != 0;
}

/* Finds the first character of @text that XML 1.0 cannot hold: the control
 * characters but tab, line feed and carriage return, and the
 * non-characters U+FFFE and U+FFFF. The model keeps them out (see
 * drafting_text_sanitize()); this makes sure none reaches a file, where it
 * would make the whole file unreadable. */
gboolean
_drafting_native_find_unholdable (const char *text,
                                  gsize       len,
                                  gunichar   *found)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  while (p < end)
    {
      if (end - p >= 8 && !maybe_unholdable (p))
        {
          p += 8;
          continue;
        }

      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        {
          *found = *p;
          return TRUE;
        }
      if (*p == 0xEF && end - p >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        {
          *found = p[2] == 0xBE ? 0xFFFE : 0xFFFF;
          return TRUE;
        }
      p++;
    }

  return FALSE;
}

/* @where says what holds @text, for the message. */
gboolean
_drafting_native_check_holdable (Writer     *writer,
                                 const char *text,
                                 const char *where)
{
  gunichar c;

  if (G_LIKELY (!_drafting_native_find_unholdable (text, strlen (text), &c)))
    return TRUE;

  if (writer->error == NULL)
    g_set_error (&writer->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                 /* Translators: the first %s says where, as "the title" or "the text of
                  * “NOTING”"; U+%04X is the code of a character, as U+0001 */
                 _("The document cannot be saved: %s holds the character U+%04X, which a "
                   "file cannot hold"),
                 where, c);
  return FALSE;
}

static gboolean
check_node_text (Writer       *writer,
                 DraftingNode *node,
                 const char   *text,
                 gsize         len,
                 gboolean      in_lead)
{
  g_autofree char *summary = NULL;
  g_autofree char *where = NULL;
  gunichar c;

  if (G_LIKELY (!_drafting_native_find_unholdable (text, len, &c)))
    return TRUE;

  summary = drafting_node_get_summary (node, 40);
  where = in_lead ? g_strdup_printf (_("the leading phrase of “%s”"), summary)
                  : g_strdup_printf (_("the text of “%s”"), summary);

  return _drafting_native_check_holdable (writer, text, where);
}

/* An identifier must be an XML name without a colon, as the schema says. */
gboolean
_drafting_native_check_name (Writer     *writer,
                             const char *name)
{
  if (G_LIKELY (name != NULL && xmlValidateNCName ((const xmlChar *) name, 0) == 0))
    return TRUE;

  if (writer->error == NULL)
    g_set_error (&writer->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                 _("The document cannot be saved: “%s” cannot be the identifier of an element"),
                 name != NULL ? name : "");
  return FALSE;
}

/* A language as XML Schema has it: letters, then parts of letters and
 * digits, each of one to eight, after hyphens ("en", "fr-CA"). */
static gboolean
is_language (const char *language)
{
  const char *p = language;

  for (gboolean first = TRUE; ; first = FALSE)
    {
      guint n = 0;

      while (n < 8 && (g_ascii_isalpha (p[n]) || (!first && g_ascii_isdigit (p[n]))))
        n++;
      if (n == 0)
        return FALSE;
      p += n;
      if (*p == '\0')
        return TRUE;
      if (*p != '-')
        return FALSE;
      p++;
    }
}

/* libxml2's writer, each call checked: the first failure ends the save. */
gboolean
_drafting_native_start_element (Writer     *writer,
                                const char *name)
{
  return writer_ok (writer, xmlTextWriterStartElement (writer->xml, (const xmlChar *) name));
}

gboolean
_drafting_native_end_element (Writer *writer)
{
  return writer_ok (writer, xmlTextWriterEndElement (writer->xml));
}

gboolean
_drafting_native_write_attribute (Writer     *writer,
                                  const char *name,
                                  const char *value)
{
  return writer_ok (writer, xmlTextWriterWriteAttribute (writer->xml, (const xmlChar *) name,
                                                         (const xmlChar *) value));
}

static gboolean
write_string (Writer     *writer,
              const char *text)
{
  return writer_ok (writer, xmlTextWriterWriteString (writer->xml, (const xmlChar *) text));
}

/* The writer's own indenting cannot tell structure from mixed content, so
 * the line breaks and indents between elements are written here, and never
 * inside <text>. */
gboolean
_drafting_native_newline (Writer *writer,
                          guint   depth)
{
  char indent[2 * 64 + 2];
  guint n = MIN (depth, 64) * 2;

  indent[0] = '\n';
  memset (indent + 1, ' ', n);
  indent[n + 1] = '\0';

  return writer_ok (writer, xmlTextWriterWriteRaw (writer->xml, (const xmlChar *) indent));
}

gboolean
_drafting_native_write_text_element (Writer     *writer,
                                     guint       depth,
                                     const char *name,
                                     const char *value)
{
  return _drafting_native_newline (writer, depth) &&
         _drafting_native_start_element (writer, name) &&
         write_string (writer, value) &&
         _drafting_native_end_element (writer);
}

/* A text with its marks, as <text>, on a line of its own at @depth. */
gboolean
_drafting_native_write_inline (Writer               *writer,
                               guint                 depth,
                               const DraftingInline *content)
{
  guint n = drafting_inline_get_n_marks (content);

  /* A footnote is called by its identifier, which must be a name. */
  for (guint i = 0; i < n; i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);

      if (mark->ref != NULL && !_drafting_native_check_name (writer, mark->ref))
        return FALSE;
    }

  return _drafting_native_newline (writer, depth) &&
         _drafting_native_start_element (writer, "text") &&
         writer_ok (writer, drafting_xml_write_runs (writer->xml, content) ? 0 : -1) &&
         _drafting_native_end_element (writer);
}

gboolean
_drafting_native_write_node (Writer       *writer,
                             DraftingNode *node,
                             guint         depth)
{
  const DraftingInline *content = drafting_node_get_content (node);
  const char *lead = drafting_node_get_lead (node);
  gboolean inner = FALSE;

  if (!_drafting_native_check_name (writer, node->id) ||
      !_drafting_native_newline (writer, depth) ||
      !_drafting_native_start_element (writer, drafting_kind_to_string (node->kind)) ||
      !_drafting_native_write_attribute (writer, "id", node->id))
    return FALSE;

  if (drafting_kind_has_lead (node->kind) && lead[0] != '\0')
    {
      if (!check_node_text (writer, node, lead, strlen (lead), TRUE) ||
          !_drafting_native_write_text_element (writer, depth + 1, "lead", lead))
        return FALSE;
      inner = TRUE;
    }

  if (drafting_kind_has_text (node->kind) && !drafting_inline_is_empty (content))
    {
      if (!check_node_text (writer, node, drafting_inline_get_text (content),
                            drafting_inline_get_length (content), FALSE) ||
          !_drafting_native_write_inline (writer, depth + 1, content))
        return FALSE;
      inner = TRUE;
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      if (!_drafting_native_write_node (writer, drafting_node_get_child (node, i), depth + 1))
        return FALSE;
      inner = TRUE;
    }

  return (!inner || _drafting_native_newline (writer, depth)) &&
         _drafting_native_end_element (writer);
}

/* The document's <meta> at @depth; a revision's (@whole %FALSE) has no
 * identifier and no status. */
gboolean
_drafting_native_write_meta (Writer           *writer,
                             DraftingDocument *document,
                             guint             depth,
                             gboolean          whole)
{
  const char *language = drafting_document_get_language (document);
  const struct {
    const char *name;
    const char *value;
    const char *where;
  } fields[] = {
    { "title", drafting_document_get_title (document), N_("the title") },
    { "body", drafting_document_get_body (document), N_("the issuing body") },
    { "symbol", drafting_document_get_symbol (document), N_("the symbol") },
    { "status", drafting_status_to_string (drafting_document_get_status (document)), NULL },
    { "place", drafting_document_get_place (document), N_("the place") },
    { "date", drafting_document_get_date (document), N_("the date") },
    { "language", language, NULL },
  };

  /* The schema takes a language code, and nothing else. */
  if (!is_language (language))
    {
      g_set_error (&writer->error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID,
                   /* Translators: %s is what was given as the document's language */
                   _("The document cannot be saved: its language, “%s”, is not a language "
                     "code such as “en” or “fr-CA”"),
                   language);
      return FALSE;
    }

  if (!_drafting_native_newline (writer, depth) ||
      !_drafting_native_start_element (writer, "meta") ||
      (whole && !_drafting_native_write_text_element (writer, depth + 1, "identifier",
                                                      drafting_document_get_identifier (document))))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (!whole && g_str_equal (fields[i].name, "status"))
        continue;
      if (fields[i].where != NULL &&
          !_drafting_native_check_holdable (writer, fields[i].value, _(fields[i].where)))
        return FALSE;
      if (!_drafting_native_write_text_element (writer, depth + 1, fields[i].name,
                                                fields[i].value))
        return FALSE;
    }

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      DraftingNumberStyle style = drafting_document_get_numbering (document, slot);

      if (!_drafting_native_newline (writer, depth + 1) ||
          !_drafting_native_start_element (writer, "numbering") ||
          !_drafting_native_write_attribute (writer, "slot",
                                             drafting_numbering_slot_to_string (slot)) ||
          !_drafting_native_write_attribute (writer, "style",
                                             drafting_number_style_to_string (style)) ||
          !_drafting_native_end_element (writer))
        return FALSE;
    }

  return _drafting_native_newline (writer, depth) && _drafting_native_end_element (writer);
}

static gboolean
write_document (Writer           *writer,
                DraftingDocument *document)
{
  DraftingNode *root = drafting_document_get_root (document);
  DraftingDocumentType type = drafting_document_get_document_type (document);

  if (!writer_ok (writer, xmlTextWriterStartDocument (writer->xml, "1.0", "UTF-8", NULL)) ||
      !writer_ok (writer, xmlTextWriterStartElementNS (writer->xml, NULL,
                                                       (const xmlChar *) "document",
                                                       (const xmlChar *) NS)) ||
      !_drafting_native_write_attribute (writer, "version", DRAFTING_NATIVE_VERSION) ||
      !_drafting_native_write_attribute (writer, "type", drafting_document_type_to_string (type)))
    return FALSE;

  if (!_drafting_native_write_meta (writer, document, 1, TRUE))
    return FALSE;

  if (!_drafting_native_newline (writer, 1) || !_drafting_native_start_element (writer, "content"))
    return FALSE;
  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    if (!_drafting_native_write_node (writer, drafting_node_get_child (root, i), 2))
      return FALSE;
  if (!_drafting_native_newline (writer, 1) || !_drafting_native_end_element (writer))
    return FALSE;

  if (!_drafting_native_write_amendments (writer, document) ||
      !_drafting_native_write_revisions (writer, document))
    return FALSE;

  /* The end of the document flushes what libxml2 still holds, but adds a
   * failure to flush to the count it returns rather than reporting it: the
   * explicit flush after it does. */
  return _drafting_native_newline (writer, 0) &&
         _drafting_native_end_element (writer) &&
         writer_ok (writer, xmlTextWriterEndDocument (writer->xml)) &&
         writer_ok (writer, xmlTextWriterFlush (writer->xml));
}

/**
 * _drafting_native_save_bytes_limited:
 * @max_size: the most bytes the result may have
 *
 * drafting_native_save_bytes(), with a limit of one's own for the size,
 * which the tests use to make writing fail at any point.
 *
 * Returns: (transfer full) (nullable): the document in the native format
 */
GBytes *
_drafting_native_save_bytes_limited (DraftingDocument  *document,
                                     gsize              max_size,
                                     GError           **error)
{
  Sink sink = { NULL, max_size, FALSE };
  Writer writer = { NULL, &sink, NULL };
  xmlOutputBuffer *out;
  gboolean written;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sink.data = g_byte_array_new ();

  /* The output buffer belongs to the writer from here: freeing the
   * writer closes it. */
  out = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  if (out != NULL && (writer.xml = xmlNewTextWriter (out)) == NULL)
    xmlOutputBufferClose (out);

  if (writer.xml == NULL)
    {
      writer_ok (&writer, -1);
      written = FALSE;
    }
  else
    {
      written = write_document (&writer, document);
      xmlFreeTextWriter (writer.xml);
    }

  if (!written)
    {
      g_assert (writer.error != NULL);
      g_byte_array_unref (sink.data);
      g_propagate_error (error, writer.error);
      return NULL;
    }

  return g_byte_array_free_to_bytes (sink.data);
}

/**
 * drafting_native_save_bytes:
 * @error: where to say why it failed
 *
 * Writes @document in the native format. It fails, and gives nothing,
 * when the result would be a file the reader refuses: larger than
 * %DRAFTING_MAX_FILE_SIZE, or holding what the format cannot (which the
 * model keeps out), or when libxml2 fails.
 *
 * Returns: (transfer full) (nullable): the document in the native format
 */
GBytes *
drafting_native_save_bytes (DraftingDocument  *document,
                            GError           **error)
{
  return _drafting_native_save_bytes_limited (document, DRAFTING_MAX_FILE_SIZE, error);
}

/**
 * _drafting_native_save_file_limited:
 * @max_size: the most bytes the file may have
 *
 * drafting_native_save_file(), with a limit of one's own for the size.
 *
 * Returns: %TRUE if saved
 */
gboolean
_drafting_native_save_file_limited (DraftingDocument  *document,
                                    GFile             *file,
                                    gsize              max_size,
                                    GCancellable      *cancellable,
                                    GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* All of it is made before the file is touched: a document that cannot
   * be written out leaves the old file as it was. */
  if ((bytes = _drafting_native_save_bytes_limited (document, max_size, error)) == NULL)
    return FALSE;

  return drafting_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                cancellable, error);
}

/**
 * drafting_native_save_file:
 *
 * Saves @document to @file, atomically (see drafting_file_replace()): if
 * anything fails (a document that cannot be written out, a full disk, a
 * folder that cannot be written, the program killed half-way) the old
 * file is left as it was.
 *
 * Returns: %TRUE if saved
 */
gboolean
drafting_native_save_file (DraftingDocument  *document,
                           GFile             *file,
                           GCancellable      *cancellable,
                           GError           **error)
{
  return _drafting_native_save_file_limited (document, file, DRAFTING_MAX_FILE_SIZE,
                                             cancellable, error);
}
