/* drafting-xml.c: reading XML that may be hostile, and saying where it is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "drafting-core-resources.h"
#include "drafting-error.h"
#include "drafting-xml.h"

/*
 * Files come from other people. Before anything is built from one, it is
 * checked to be UTF-8 and of a sane size; the parser then refuses any
 * document type declaration outright, which is where entities (the
 * "billion laughs", external entities reading local files) would be
 * declared, never touches the network, and stops at a nesting depth no
 * real document reaches. Every element remembers the line and column of
 * its start tag so that what is wrong can be shown where it is.
 *
 * libxml2 keeps some of its settings for the whole process (the loader of
 * external entities) and others for each thread (where it prints its
 * messages). Documents are read in worker threads, so all of it is set up
 * once, on the main thread, before any of them starts: see
 * drafting_xml_init(). Changing the process-wide loader around each parse
 * instead would race with a parse in another thread.
 */

typedef struct
{
  startElementNsSAX2Func  start_element;
  GError                 *error;      /* the first problem met */
} ParseState;

static int initialized;

/* The parser context of the parse this thread is running, if any: the only
 * one whose state the entity loader may touch, as other code in the
 * process (an image loader, say) may parse XML with its own. */
static GPrivate current_parse;

static gpointer
pack_position (guint line,
               guint column)
{
  return GSIZE_TO_POINTER (((gsize) MIN (line, 0xFFFFFFu) << 24) | MIN (column, 0xFFFFFFu));
}

/**
 * drafting_xml_get_position:
 * @node: an element of a document parsed by drafting_xml_parse()
 *
 * Gets the line and column of the start tag of @node, or of the element
 * that holds it.
 */
void
drafting_xml_get_position (xmlNode *node,
                           guint   *line,
                           guint   *column)
{
  while (node != NULL && (node->type != XML_ELEMENT_NODE || node->_private == NULL))
    node = node->parent;

  if (node == NULL)
    {
      *line = 0;
      *column = 0;
      return;
    }

  *line = (GPOINTER_TO_SIZE (node->_private) >> 24) & 0xFFFFFF;
  *column = GPOINTER_TO_SIZE (node->_private) & 0xFFFFFF;
}

static void
set_parse_error (ParseState *state,
                 int         code,
                 guint       line,
                 guint       column,
                 const char *message)
{
  if (state->error != NULL)
    return;

  g_set_error (&state->error, DRAFTING_ERROR, code,
               _("Line %u, column %u: %s"), line, column, message);
}

/* Where the start tag that was just read begins: at the last "<" before
 * the parser's position, as none can be inside a tag. Every element of
 * every file comes here, so it is one pass back over the tag, counting
 * its characters as the bytes that do not continue one (the file is
 * valid UTF-8, checked before it is parsed). */
static void
start_tag_position (xmlParserCtxt *ctxt,
                    guint         *line,
                    guint         *column)
{
  const xmlChar *base = ctxt->input->base;
  const xmlChar *cur = ctxt->input->cur;
  const xmlChar *lt;
  guint newlines = 0;
  guint chars = 0;

  *line = ctxt->input->line;
  *column = ctxt->input->col;

  lt = cur;
  while (lt > base && *lt != '<')
    {
      lt--;
      newlines += *lt == '\n';
      chars += (*lt & 0xC0) != 0x80;
    }
  if (*lt != '<')
    return;

  if (newlines == 0)
    *column = MAX (1, (int) *column - (int) chars);
  else
    {
      const xmlChar *bol = lt;

      while (bol > base && bol[-1] != '\n')
        bol--;
      *line -= newlines;
      *column = 1 + g_utf8_strlen ((const char *) bol, lt - bol);
    }
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;
  guint line;
  guint column;

  start_tag_position (ctxt, &line, &column);

  if (ctxt->nameNr > DRAFTING_XML_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("elements are nested more than %d deep, deeper than any document"),
                         DRAFTING_XML_MAX_DEPTH);

      set_parse_error (state, DRAFTING_ERROR_TOO_DEEP, line, column, message);
      xmlStopParser (ctxt);
      return;
    }

  state->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);

  if (ctxt->node != NULL)
    ctxt->node->_private = pack_position (line, column);
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name G_GNUC_UNUSED,
                    const xmlChar *external_id G_GNUC_UNUSED,
                    const xmlChar *system_id G_GNUC_UNUSED)
{
  xmlParserCtxt *ctxt = ctx;

  set_parse_error (ctxt->_private, DRAFTING_ERROR_FORBIDDEN,
                   ctxt->input->line, ctxt->input->col,
                   _("the file has a document type declaration (<!DOCTYPE>), which could declare "
                     "entities that read other files or grow without end; such files are refused"));
  xmlStopParser (ctxt);
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name G_GNUC_UNUSED,
                int            type G_GNUC_UNUSED,
                const xmlChar *public_id G_GNUC_UNUSED,
                const xmlChar *system_id G_GNUC_UNUSED,
                xmlChar       *content G_GNUC_UNUSED)
{
  xmlParserCtxt *ctxt = ctx;

  set_parse_error (ctxt->_private, DRAFTING_ERROR_FORBIDDEN,
                   ctxt->input->line, ctxt->input->col,
                   _("the file declares an entity; such files are refused"));
  xmlStopParser (ctxt);
}

/* The loader of external entities for the whole process: none is ever
 * loaded, whoever asks. */
static xmlParserInputPtr
refuse_external_entity (const char     *url G_GNUC_UNUSED,
                        const char     *id G_GNUC_UNUSED,
                        xmlParserCtxt  *ctxt)
{
  if (ctxt != NULL && ctxt == g_private_get (&current_parse) && ctxt->_private != NULL)
    set_parse_error (ctxt->_private, DRAFTING_ERROR_FORBIDDEN,
                     ctxt->input ? ctxt->input->line : 0,
                     ctxt->input ? ctxt->input->col : 0,
                     _("the file refers to another file; such files are refused"));
  return NULL;
}

static void
on_structured_error (void        *data,
                     xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = data;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR || ctxt == NULL || ctxt->_private == NULL)
    return;

  message = g_strstrip (g_strdup (error->message ? error->message : _("the XML is broken")));
  set_parse_error (ctxt->_private, DRAFTING_ERROR_NOT_WELL_FORMED,
                   error->line, error->int2, message);
}

static void
ignore_generic_error (void       *ctx G_GNUC_UNUSED,
                      const char *msg G_GNUC_UNUSED,
                      ...)
{
}

static void
ignore_structured_error (void        *data G_GNUC_UNUSED,
                         xmlErrorPtr  error G_GNUC_UNUSED)
{
}

/**
 * drafting_xml_init:
 *
 * Sets libxml2 up for files that may be hostile, once, from the main
 * thread before any other uses it (see drafting_core_init()): no external
 * entity is ever loaded, and libxml2 prints nothing of its own on any
 * thread, as what is wrong with a file reaches the person as one error
 * made here.
 */
void
drafting_xml_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);

  /* In libxml2 2.9 the error handlers are each thread's own: this
   * thread's are set here, and the defaults threads start with. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  xmlThrDefSetGenericErrorFunc (NULL, ignore_generic_error);
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);
  xmlThrDefSetStructuredErrorFunc (NULL, ignore_structured_error);

  /* The tables of the schema's data types are built on first use, without
   * a lock: build them now, before two threads can both be first. */
  xmlRelaxNGInitTypes ();

  g_atomic_int_set (&initialized, TRUE);
  g_once_init_leave (&done, 1);
}

/**
 * drafting_xml_is_initialized:
 *
 * Returns: whether drafting_xml_init() has been called
 */
gboolean
drafting_xml_is_initialized (void)
{
  return g_atomic_int_get (&initialized);
}

/**
 * drafting_xml_parse:
 * @data: the bytes of a file
 * @len: how many
 *
 * Parses XML safely (see above). Every element of the result keeps its
 * position for drafting_xml_get_position(). The result is to be read, not
 * changed: its short texts are kept inside their nodes.
 *
 * Returns: (transfer full) (nullable): the parsed document
 */
xmlDoc *
drafting_xml_parse (const char  *data,
                    gsize        len,
                    GError     **error)
{
  ParseState state = { NULL, NULL };
  xmlParserCtxt *ctxt;
  xmlDoc *doc = NULL;

  g_return_val_if_fail (drafting_xml_is_initialized (), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!drafting_check_size (len, error))
    return NULL;

  if (len == 0)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  if (!drafting_check_utf8 (data, len, error))
    return NULL;

  ctxt = xmlCreateMemoryParserCtxt (data, (int) len);
  if (ctxt == NULL)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_FAILED,
                           _("There is not enough memory to read the file"));
      return NULL;
    }

  ctxt->_private = &state;
  state.start_element = ctxt->sax->startElementNs;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_internal_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->serror = on_structured_error;
  ctxt->sax->error = ignore_generic_error;
  ctxt->sax->warning = ignore_generic_error;
  ctxt->vctxt.error = ignore_generic_error;
  ctxt->vctxt.warning = ignore_generic_error;
  /* Short texts (the white space between elements, most values of
   * attributes) are kept inside their nodes rather than each apart: the
   * tree is read, never changed. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                           XML_PARSE_COMPACT);

  g_private_set (&current_parse, ctxt);
  xmlParseDocument (ctxt);
  g_private_set (&current_parse, NULL);

  if (state.error == NULL && !ctxt->wellFormed)
    set_parse_error (&state, DRAFTING_ERROR_NOT_WELL_FORMED,
                     ctxt->input ? ctxt->input->line : 0,
                     ctxt->input ? ctxt->input->col : 0,
                     _("the XML is broken"));

  if (state.error == NULL && ctxt->myDoc != NULL && ctxt->myDoc->encoding != NULL &&
      g_ascii_strcasecmp ((const char *) ctxt->myDoc->encoding, "UTF-8") != 0)
    set_parse_error (&state, DRAFTING_ERROR_INVALID_UTF8, 1, 1,
                     _("the file declares an encoding other than UTF-8"));

  if (state.error == NULL)
    doc = g_steal_pointer (&ctxt->myDoc);
  else
    g_propagate_error (error, g_steal_pointer (&state.error));

  g_clear_pointer (&ctxt->myDoc, xmlFreeDoc);
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  if (doc != NULL && xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY,
                           _("The file holds no XML element"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  return doc;
}

/**
 * drafting_xml_set_error:
 * @node: (nullable): where the problem is
 *
 * Sets @error to a message that says where in the file @node is.
 */
void
drafting_xml_set_error (GError     **error,
                        xmlNode     *node,
                        int          code,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  guint line;
  guint column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  drafting_xml_get_position (node, &line, &column);
  if (line > 0)
    g_set_error (error, DRAFTING_ERROR, code, _("Line %u, column %u: %s"), line, column, message);
  else
    g_set_error_literal (error, DRAFTING_ERROR, code, message);
}

typedef struct
{
  GError **error;
} ValidateState;

static void
on_validity_error (void        *data,
                   xmlErrorPtr  error)
{
  ValidateState *state = data;
  g_autofree char *message = NULL;
  xmlNode *node;

  if (*state->error != NULL || error->level < XML_ERR_ERROR)
    return;

  message = g_strstrip (g_strdup (error->message ? error->message : ""));
  node = error->node;

  /* libxml2 says an element's attributes are wrong at its first child:
   * the place to show is the element itself. */
  if (node != NULL && g_str_has_prefix (message, "Element ") &&
      strstr (message, "failed to validate attributes") != NULL)
    {
      const char *name = message + strlen ("Element ");
      gsize name_len = strcspn (name, " ");

      while (node != NULL && node->type == XML_ELEMENT_NODE &&
             !(strlen ((const char *) node->name) == name_len &&
               strncmp ((const char *) node->name, name, name_len) == 0))
        node = node->parent;
      if (node == NULL || node->type != XML_ELEMENT_NODE)
        node = error->node;
    }

  drafting_xml_set_error (state->error, node, DRAFTING_ERROR_INVALID, "%s", message);
}

static void
ignore_schema_error (void        *data G_GNUC_UNUSED,
                     xmlErrorPtr  error)
{
  g_critical ("Drafting's own schema is broken: %s", error->message);
}

static xmlRelaxNG *
load_schema (const char *resource)
{
  static GMutex lock;
  static GHashTable *schemas;
  xmlRelaxNG *schema;

  g_mutex_lock (&lock);

  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);

  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxt *pctxt;
      gsize size;
      const char *data;

      bytes = g_resource_lookup_data (drafting_core_get_resource (), resource,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);

      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      xmlRelaxNGSetParserStructuredErrors (pctxt, ignore_schema_error, NULL);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert (schema != NULL);

      g_hash_table_insert (schemas, (gpointer) g_intern_string (resource), schema);
    }

  g_mutex_unlock (&lock);

  return schema;
}

/**
 * drafting_xml_validate:
 * @schema_resource: the resource path of a RELAX NG schema
 *
 * Returns: %TRUE if @doc follows the schema; else @error says where it
 *   does not first
 */
gboolean
drafting_xml_validate (xmlDoc      *doc,
                       const char  *schema_resource,
                       GError     **error)
{
  GError *local_error = NULL;
  ValidateState state = { &local_error };
  xmlRelaxNGValidCtxt *vctxt;
  int result;

  g_return_val_if_fail (drafting_xml_is_initialized (), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  vctxt = xmlRelaxNGNewValidCtxt (load_schema (schema_resource));
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_validity_error, &state);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result == 0)
    {
      g_clear_error (&local_error);
      return TRUE;
    }

  if (local_error == NULL)
    drafting_xml_set_error (&local_error, xmlDocGetRootElement (doc), DRAFTING_ERROR_INVALID,
                            "%s", _("the document does not follow the format"));
  g_propagate_error (error, local_error);

  return FALSE;
}

/**
 * drafting_xml_is_element:
 * @ns: (nullable): the namespace the element must be in
 *
 * Returns: whether @node is the element @name of @ns
 */
gboolean
drafting_xml_is_element (xmlNode    *node,
                         const char *ns,
                         const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return node->ns == NULL;

  return node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0;
}

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * drafting_xml_collapse:
 * @value: (nullable): the value of an attribute or element
 *
 * Reads a value as XML Schema reads a token (and a language, a name, an
 * NCName): without the white space at either end, and each run of white
 * space inside as one space. The schema compares values so, and so must
 * whatever reads what it accepts.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL for %NULL
 */
char *
drafting_xml_collapse (const char *value)
{
  char *token;
  char *out;
  gboolean space = FALSE;

  if (value == NULL)
    return NULL;

  token = g_malloc (strlen (value) + 1);
  out = token;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (is_xml_space (*p))
        {
          space = out != token;
          continue;
        }
      if (space)
        *out++ = ' ';
      space = FALSE;
      *out++ = *p;
    }
  *out = '\0';

  return token;
}

/**
 * drafting_xml_get_token:
 * @node: an element
 * @attribute: (nullable): the name of one of its attributes, or %NULL for
 *   the text of the element itself
 *
 * Returns: (transfer full) (nullable): the value, read as a token (see
 *   drafting_xml_collapse()), or %NULL when the attribute is missing
 */
char *
drafting_xml_get_token (xmlNode    *node,
                        const char *attribute)
{
  xmlChar *value;
  char *token;

  g_return_val_if_fail (node != NULL, NULL);

  if (attribute != NULL)
    {
      xmlAttr *prop = xmlHasProp (node, (const xmlChar *) attribute);

      if (prop == NULL)
        return NULL;

      /* The value as xmlGetProp() has it, without a copy to collapse
       * when it is one piece of text, as every attribute parsed is. */
      if (prop->type == XML_ATTRIBUTE_NODE && prop->children != NULL &&
          prop->children->next == NULL && prop->children->type == XML_TEXT_NODE &&
          prop->children->content != NULL)
        return drafting_xml_collapse ((const char *) prop->children->content);

      value = xmlGetProp (node, (const xmlChar *) attribute);
    }
  else
    value = xmlNodeGetContent (node);

  token = drafting_xml_collapse ((const char *) value);
  xmlFree (value);

  return token;
}

/* ------------------------------------------------------------------ */
/* Writing a text with its marks                                       */

typedef struct
{
  xmlTextWriter *xml;
  const char    *text;
  gboolean       failed;
} RunWriter;

/* One run: <strong> outside <em>, line breaks as <br/>, a footnote call
 * as <fnref ref=""/>, so that equal text gives equal XML. */
static gboolean
write_run_xml (RunWriter  *rw,
               guint       start,
               guint       end,
               gboolean    emphasis,
               gboolean    strong,
               const char *ref)
{
  xmlTextWriter *xml = rw->xml;
  guint piece = start;

  if (ref != NULL)
    return xmlTextWriterStartElement (xml, (const xmlChar *) "fnref") >= 0 &&
           xmlTextWriterWriteAttribute (xml, (const xmlChar *) "ref", (const xmlChar *) ref) >= 0 &&
           xmlTextWriterEndElement (xml) >= 0;

  if ((strong && xmlTextWriterStartElement (xml, (const xmlChar *) "strong") < 0) ||
      (emphasis && xmlTextWriterStartElement (xml, (const xmlChar *) "em") < 0))
    return FALSE;

  for (guint i = start; i <= end; i++)
    {
      if (i < end && rw->text[i] != '\n')
        continue;

      if (i > piece)
        {
          g_autofree char *chunk = g_strndup (rw->text + piece, i - piece);

          if (xmlTextWriterWriteString (xml, (const xmlChar *) chunk) < 0)
            return FALSE;
        }
      if (i < end && (xmlTextWriterStartElement (xml, (const xmlChar *) "br") < 0 ||
                      xmlTextWriterEndElement (xml) < 0))
        return FALSE;
      piece = i + 1;
    }

  return (!emphasis || xmlTextWriterEndElement (xml) >= 0) &&
         (!strong || xmlTextWriterEndElement (xml) >= 0);
}

static void
write_run (guint       start,
           guint       end,
           gboolean    emphasis,
           gboolean    strong,
           const char *ref,
           gpointer    user_data)
{
  RunWriter *rw = user_data;

  /* The walk over the runs cannot be stopped: the rest is skipped. */
  if (!rw->failed && !write_run_xml (rw, start, end, emphasis, strong, ref))
    rw->failed = TRUE;
}

/**
 * drafting_xml_write_runs:
 * @xml: a writer inside the element that holds the text
 *
 * Writes a text with its marks as Drafting's formats hold it: the native
 * format's <text> and the exchange file's wording alike. Footnote
 * references are written as they are: check them first.
 *
 * Returns: whether every call of the writer succeeded
 */
gboolean
drafting_xml_write_runs (xmlTextWriter        *xml,
                         const DraftingInline *content)
{
  RunWriter rw = { xml, drafting_inline_get_text (content), FALSE };

  drafting_inline_foreach_run (content, write_run, &rw);

  return !rw.failed;
}
