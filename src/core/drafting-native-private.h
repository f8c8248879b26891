/* drafting-native-private.h: what the parts of the native format share, and the tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "drafting-document.h"
#include "drafting-inline.h"
#include "drafting-native.h"

G_BEGIN_DECLS

#define NS DRAFTING_NATIVE_NAMESPACE

/* The schema of the version with amendments. */
#define DRAFTING_NATIVE_SCHEMA_1_1 "/org/wco/drafting/core/drafting-1.1.rng"

/* Reading, in drafting-native.c and, for <amendments>,
 * drafting-native-amendments.c, for <revisions>, drafting-native-revisions.c. */

typedef struct
{
  DraftingDocument *document;
  GHashTable       *ids;        /* id → xmlNode, to report duplicates */
  GHashTable       *amendment_ids; /* the same, for amendments */
  GPtrArray        *present_bases; /* amendment, xmlNode pairs: base="present" */
  GPtrArray        *revisions;  /* DraftingRevision read, joining the document last */
} Reader;

char     *_drafting_native_node_text          (xmlNode               *node);
gboolean  _drafting_native_refuse_element     (xmlNode               *element,
                                               GError               **error);
gboolean  _drafting_native_read_inline        (xmlNode               *parent,
                                               DraftingInline        *content,
                                               GError               **error);
DraftingNode *_drafting_native_read_element   (Reader                *reader,
                                               xmlNode               *element,
                                               DraftingKind           parent_kind,
                                               guint                  depth,
                                               GError               **error);
gboolean  _drafting_native_read_meta          (DraftingDocument      *document,
                                               xmlNode               *meta,
                                               GError               **error);
DraftingAmendment *_drafting_native_read_amendment_fields (xmlNode                 *element,
                                                          const char              *ns,
                                                          const char              *id,
                                                          DraftingAmendmentAction  action,
                                                          GError                 **error);
gboolean  _drafting_native_resolve_bases      (Reader                *reader,
                                               GError               **error);
gboolean  _drafting_native_read_amendments    (Reader                *reader,
                                               xmlNode               *amendments,
                                               GError               **error);
gboolean  _drafting_native_read_revisions     (Reader                *reader,
                                               xmlNode               *revisions,
                                               GError               **error);

/* Validating, with a plain record of amendments checked without libxml2
 * (drafting-native-amendments.c). */
gboolean  _drafting_native_validate           (xmlDoc                *doc,
                                               const char            *schema,
                                               GError               **error);
gboolean  _drafting_native_amendments_are_plain (xmlNode             *amendments);

/* Writing, the same way. The sink, which holds what is written, is
 * drafting-native.c's own. */

typedef struct _Sink Sink;

typedef struct
{
  xmlTextWriter *xml;
  Sink          *sink;
  GError        *error;       /* the first problem met */
} Writer;

gboolean  _drafting_native_check_holdable     (Writer                *writer,
                                               const char            *text,
                                               const char            *where);
gboolean  _drafting_native_check_name         (Writer                *writer,
                                               const char            *name);
gboolean  _drafting_native_start_element      (Writer                *writer,
                                               const char            *name);
gboolean  _drafting_native_end_element        (Writer                *writer);
gboolean  _drafting_native_write_attribute    (Writer                *writer,
                                               const char            *name,
                                               const char            *value);
gboolean  _drafting_native_newline            (Writer                *writer,
                                               guint                  depth);
gboolean  _drafting_native_write_text_element (Writer                *writer,
                                               guint                  depth,
                                               const char            *name,
                                               const char            *value);
gboolean  _drafting_native_write_inline       (Writer                *writer,
                                               guint                  depth,
                                               const DraftingInline  *content);
gboolean  _drafting_native_write_node         (Writer                *writer,
                                               DraftingNode          *node,
                                               guint                  depth);
gboolean  _drafting_native_write_meta         (Writer                *writer,
                                               DraftingDocument      *document,
                                               guint                  depth,
                                               gboolean               whole);
gboolean  _drafting_native_write_amendments   (Writer                *writer,
                                               DraftingDocument      *document);
gboolean  _drafting_native_write_revisions    (Writer                *writer,
                                               DraftingDocument      *document);

/* For the tests. */

GBytes   *_drafting_native_save_bytes_limited (DraftingDocument      *document,
                                               gsize                  max_size,
                                               GError               **error);
gboolean  _drafting_native_save_file_limited  (DraftingDocument      *document,
                                               GFile                 *file,
                                               gsize                  max_size,
                                               GCancellable          *cancellable,
                                               GError               **error);
gboolean  _drafting_native_find_unholdable    (const char            *text,
                                               gsize                  len,
                                               gunichar              *found);

G_END_DECLS
