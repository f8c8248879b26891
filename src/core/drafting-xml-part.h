/* drafting-xml-part.h: an XML part of an ODT or DOCX package, written in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "drafting-zip-writer.h"

G_BEGIN_DECLS

/**
 * DraftingXmlPart:
 * @buffer: the XML written so far
 * @writer: libxml2's writer, writing into @buffer
 * @failed: whether any of the writing failed
 *
 * A part of a package, or a fragment of one, as it is written.
 */
typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} DraftingXmlPart;

void        drafting_xml_part_init              (DraftingXmlPart    *part,
                                                 gboolean            standalone);
void        drafting_xml_part_init_fragment     (DraftingXmlPart    *part);
GBytes     *drafting_xml_part_finish            (DraftingXmlPart    *part);
char       *drafting_xml_part_finish_fragment   (DraftingXmlPart    *part,
                                                 gboolean           *failed);
void        drafting_xml_part_clear             (DraftingXmlPart    *part);
void        drafting_xml_part_start             (DraftingXmlPart    *part,
                                                 const char         *name);
void        drafting_xml_part_end               (DraftingXmlPart    *part);
void        drafting_xml_part_attr              (DraftingXmlPart    *part,
                                                 const char         *name,
                                                 const char         *value);
void        drafting_xml_part_attr_printf       (DraftingXmlPart    *part,
                                                 const char         *name,
                                                 const char         *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
void        drafting_xml_part_text              (DraftingXmlPart    *part,
                                                 const char         *content,
                                                 gssize              length);
void        drafting_xml_part_element_with_text (DraftingXmlPart    *part,
                                                 const char         *name,
                                                 const char         *content);

char       *drafting_xml_part_citation          (const char         *label);
GHashTable *drafting_xml_part_first_blocks      (GPtrArray          *blocks);
gboolean    drafting_xml_part_add_to_zip        (DraftingZipWriter  *zip,
                                                 const char         *name,
                                                 GBytes             *data,
                                                 GError            **error);

G_END_DECLS
