/* drafting-xml.h: reading XML that may be hostile, and saying where it is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "drafting-inline.h"

G_BEGIN_DECLS

/* Deeper XML than this is refused before it is built: no format of
 * Drafting's nests half as deep. */
#define DRAFTING_XML_MAX_DEPTH 64

void      drafting_xml_init           (void);
gboolean  drafting_xml_is_initialized (void);
xmlDoc   *drafting_xml_parse          (const char  *data,
                                       gsize        len,
                                       GError     **error);
void      drafting_xml_get_position   (xmlNode     *node,
                                       guint       *line,
                                       guint       *column);
gboolean  drafting_xml_validate       (xmlDoc      *doc,
                                       const char  *schema_resource,
                                       GError     **error);
void      drafting_xml_set_error      (GError     **error,
                                       xmlNode     *node,
                                       int          code,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (4, 5);
gboolean  drafting_xml_is_element     (xmlNode     *node,
                                       const char  *ns,
                                       const char  *name);
char     *drafting_xml_collapse       (const char  *value);
gboolean  drafting_xml_write_runs     (xmlTextWriter        *xml,
                                       const DraftingInline *content);
char     *drafting_xml_get_token      (xmlNode     *node,
                                       const char  *attribute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
