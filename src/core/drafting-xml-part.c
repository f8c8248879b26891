/* drafting-xml-part.c: an XML part of an ODT or DOCX package, written in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-xml-part"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "drafting-layout.h"
#include "drafting-xml-part.h"

/*
 * What the OpenDocument Text and the Word exports (drafting-odt.c,
 * drafting-docx.c) both need to write their packages. Each XML part is
 * written by libxml2's writer into a buffer in memory, element by element;
 * a step that fails does not stop the writing, it marks the part as
 * failed, and the part then gives no bytes, for the export to say which
 * part could not be written. A fragment is XML without a declaration,
 * written apart to go inside another part later.
 */

/**
 * drafting_xml_part_init:
 * @part: the part to start
 * @standalone: whether its XML declaration says standalone="yes", as
 *   Word's parts do
 *
 * Starts writing @part: its XML declaration, version 1.0 in UTF-8.
 */
void
drafting_xml_part_init (DraftingXmlPart *part,
                        gboolean         standalone)
{
  part->buffer = xmlBufferCreate ();
  part->writer = part->buffer != NULL ? xmlNewTextWriterMemory (part->buffer, 0) : NULL;
  part->failed = part->buffer == NULL || part->writer == NULL ||
                 xmlTextWriterStartDocument (part->writer, "1.0", "UTF-8",
                                             standalone ? "yes" : NULL) < 0;
}

/**
 * drafting_xml_part_init_fragment:
 * @part: the fragment to start
 *
 * Starts writing a fragment: XML without a declaration, to go inside
 * another part. drafting_xml_part_finish_fragment() gives its XML.
 */
void
drafting_xml_part_init_fragment (DraftingXmlPart *part)
{
  part->buffer = xmlBufferCreate ();
  part->writer = part->buffer != NULL ? xmlNewTextWriterMemory (part->buffer, 0) : NULL;
  part->failed = part->buffer == NULL || part->writer == NULL;
}

/**
 * drafting_xml_part_clear:
 * @part: a part
 *
 * Frees what @part holds, written or not. It may be called again, and
 * after drafting_xml_part_finish().
 */
void
drafting_xml_part_clear (DraftingXmlPart *part)
{
  g_clear_pointer (&part->writer, xmlFreeTextWriter);
  g_clear_pointer (&part->buffer, xmlBufferFree);
}

/**
 * drafting_xml_part_finish:
 * @part: a part whose root element is closed
 *
 * Ends @part's document and frees what it holds.
 *
 * Returns: (transfer full) (nullable): the part's bytes, or %NULL if
 *   writing any of it failed
 */
GBytes *
drafting_xml_part_finish (DraftingXmlPart *part)
{
  GBytes *bytes;

  if (part->writer != NULL)
    part->failed |= xmlTextWriterEndDocument (part->writer) < 0;
  g_clear_pointer (&part->writer, xmlFreeTextWriter);
  if (part->failed)
    {
      drafting_xml_part_clear (part);
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (part->buffer), xmlBufferLength (part->buffer));
  g_clear_pointer (&part->buffer, xmlBufferFree);

  return bytes;
}

/**
 * drafting_xml_part_finish_fragment:
 * @part: a fragment started by drafting_xml_part_init_fragment(), its
 *   elements closed
 * @failed: (inout): set to %TRUE if writing the fragment failed, left as
 *   it is otherwise
 *
 * Frees what @part holds.
 *
 * Returns: (transfer full): the fragment's XML
 */
char *
drafting_xml_part_finish_fragment (DraftingXmlPart *part,
                                   gboolean        *failed)
{
  char *xml;

  if (part->writer != NULL)
    part->failed |= xmlTextWriterFlush (part->writer) < 0;
  g_clear_pointer (&part->writer, xmlFreeTextWriter);
  *failed |= part->failed;
  xml = g_strndup ((const char *) xmlBufferContent (part->buffer), xmlBufferLength (part->buffer));
  g_clear_pointer (&part->buffer, xmlBufferFree);

  return xml;
}

/**
 * drafting_xml_part_start:
 * @part: a part
 * @name: the element's name, with its prefix: "text:p"
 *
 * Opens an element, for drafting_xml_part_end() to close.
 */
void
drafting_xml_part_start (DraftingXmlPart *part,
                         const char      *name)
{
  part->failed |= xmlTextWriterStartElement (part->writer, BAD_CAST name) < 0;
}

/**
 * drafting_xml_part_end:
 * @part: a part
 *
 * Closes the element opened last.
 */
void
drafting_xml_part_end (DraftingXmlPart *part)
{
  part->failed |= xmlTextWriterEndElement (part->writer) < 0;
}

/**
 * drafting_xml_part_attr:
 * @part: a part, its element just opened
 * @name: the attribute's name, with its prefix
 * @value: its value, which the writer escapes
 *
 * Gives the element opened last an attribute.
 */
void
drafting_xml_part_attr (DraftingXmlPart *part,
                        const char      *name,
                        const char      *value)
{
  part->failed |= xmlTextWriterWriteAttribute (part->writer, BAD_CAST name,
                                               BAD_CAST value) < 0;
}

/**
 * drafting_xml_part_attr_printf:
 * @part: a part, its element just opened
 * @name: the attribute's name, with its prefix
 * @format: printf() format of its value
 * @...: what @format takes
 *
 * Gives the element opened last an attribute whose value is formatted as
 * printf() does.
 */
void
drafting_xml_part_attr_printf (DraftingXmlPart *part,
                               const char      *name,
                               const char      *format,
                               ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  drafting_xml_part_attr (part, name, value);
}

/**
 * drafting_xml_part_text:
 * @part: a part
 * @content: UTF-8 text
 * @length: how many bytes of @content, or -1 for all of it
 *
 * Writes text inside the element open, escaped as XML asks.
 */
void
drafting_xml_part_text (DraftingXmlPart *part,
                        const char      *content,
                        gssize           length)
{
  g_autofree char *copy = g_strndup (content, length < 0 ? strlen (content) : (gsize) length);

  part->failed |= xmlTextWriterWriteString (part->writer, BAD_CAST copy) < 0;
}

/**
 * drafting_xml_part_element_with_text:
 * @part: a part
 * @name: the element's name, with its prefix
 * @content: its text
 *
 * Writes an element that holds only @content.
 */
void
drafting_xml_part_element_with_text (DraftingXmlPart *part,
                                     const char      *name,
                                     const char      *content)
{
  drafting_xml_part_start (part, name);
  drafting_xml_part_text (part, content, -1);
  drafting_xml_part_end (part);
}

/**
 * drafting_xml_part_citation:
 * @label: a footnote's number as the text shows it, in superscript digits
 *
 * A footnote's number in plain digits, as a word processor numbers its
 * footnotes: "¹²" is "12". What is not a superscript digit stays as it is.
 *
 * Returns: (transfer full): the number
 */
char *
drafting_xml_part_citation (const char *label)
{
  static const char * const superscripts[] = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  };
  GString *digits = g_string_new (NULL);
  const char *p = label;

  while (*p != '\0')
    {
      gboolean found = FALSE;

      for (guint d = 0; d < G_N_ELEMENTS (superscripts) && !found; d++)
        if (g_str_has_prefix (p, superscripts[d]))
          {
            g_string_append_c (digits, '0' + d);
            p += strlen (superscripts[d]);
            found = TRUE;
          }
      if (!found)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (digits, p, next - p);
          p = next;
        }
    }

  return g_string_free (digits, FALSE);
}

/**
 * drafting_xml_part_first_blocks:
 * @blocks: (element-type DraftingLayoutBlock): a document's blocks, laid
 *   out in reading order
 *
 * The block each kind's named style is made from: the first of its
 * kind, and for the footnotes the first footnote.
 *
 * Returns: (transfer full): a #DraftingKind, as a pointer, to its first
 *   #DraftingLayoutBlock
 */
GHashTable *
drafting_xml_part_first_blocks (GPtrArray *blocks)
{
  GHashTable *firsts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      if (!g_hash_table_contains (firsts, GINT_TO_POINTER (block->kind)))
        g_hash_table_insert (firsts, GINT_TO_POINTER (block->kind), block);
      if (block->notes != NULL && block->notes->len > 0 &&
          !g_hash_table_contains (firsts, GINT_TO_POINTER (DRAFTING_KIND_FOOTNOTE)))
        g_hash_table_insert (firsts, GINT_TO_POINTER (DRAFTING_KIND_FOOTNOTE),
                             g_ptr_array_index (block->notes, 0));
    }

  return firsts;
}

/**
 * drafting_xml_part_add_to_zip:
 * @zip: the package
 * @name: the part's name in the package: "content.xml", "word/document.xml"
 * @data: (transfer full) (nullable): the part's bytes, as
 *   drafting_xml_part_finish() gives them; %NULL if they could not be written
 * @error: where to say what went wrong
 *
 * Adds a part to @zip, compressed.
 *
 * Returns: whether it was added
 */
gboolean
drafting_xml_part_add_to_zip (DraftingZipWriter  *zip,
                              const char         *name,
                              GBytes             *data,
                              GError            **error)
{
  g_autoptr(GBytes) owned = data;

  if (owned == NULL)
    {
      /* Translators: %s is the name of a part of the document's package,
       * "content.xml" or "word/document.xml" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The document’s %s could not be written"), name);
      return FALSE;
    }

  return drafting_zip_writer_add (zip, name, owned, TRUE, error);
}
