/* drafting-amendment-file.h: the amendments of a delegation, as a file of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_AMENDMENT_FILE_NAMESPACE  "http://wco.org/ns/drafting-amendments/1"
#define DRAFTING_AMENDMENT_FILE_VERSION    "1.0"
#define DRAFTING_AMENDMENT_FILE_EXTENSION  ".wcoamend"
#define DRAFTING_AMENDMENT_FILE_MIME_TYPE  "application/vnd.wco.drafting-amendments+xml"

/**
 * DraftingImportSummary:
 * @added: the amendments added to the document, as proposed
 * @duplicates: those already in it, which were left out
 * @conflicting: of those added, the ones that conflict with another
 *   proposed amendment (drafting_document_get_conflicts())
 * @not_applicable: those the document cannot take (their element is not
 *   in it, or what they propose cannot be done there), which were left out
 *
 * What drafting_amendment_file_import() did.
 */
typedef struct
{
  guint added;
  guint duplicates;
  guint conflicting;
  guint not_applicable;
} DraftingImportSummary;

GBytes   *drafting_amendment_file_write  (DraftingDocument       *document,
                                          const char             *delegation,
                                          GError                **error);
gboolean  drafting_amendment_file_import (DraftingDocument       *document,
                                          GBytes                 *bytes,
                                          DraftingImportSummary  *summary,
                                          GError                **error);
gboolean  drafting_amendment_file_sniff  (const char             *data,
                                          gsize                   len);

G_END_DECLS
