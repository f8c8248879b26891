/* drafting-export.h: a document written for others to read, in any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

/**
 * DraftingExportFormat:
 * @DRAFTING_EXPORT_FORMAT_UNKNOWN: none Drafting writes
 * @DRAFTING_EXPORT_FORMAT_PDF: PDF, on A4 pages laid out as they print (.pdf)
 * @DRAFTING_EXPORT_FORMAT_ODT: OpenDocument Text, with named styles (.odt)
 * @DRAFTING_EXPORT_FORMAT_DOCX: Word's WordprocessingML (.docx)
 * @DRAFTING_EXPORT_FORMAT_AKN: Akoma Ntoso (OASIS LegalDocML) XML, the
 *   document's structure for archives (.xml)
 *
 * What a document is written as for others to read.
 */
typedef enum
{
  DRAFTING_EXPORT_FORMAT_UNKNOWN,
  DRAFTING_EXPORT_FORMAT_PDF,
  DRAFTING_EXPORT_FORMAT_ODT,
  DRAFTING_EXPORT_FORMAT_DOCX,
  DRAFTING_EXPORT_FORMAT_AKN,
} DraftingExportFormat;

/**
 * DraftingExportForm:
 * @DRAFTING_EXPORT_FORM_CLEAN: the present text
 * @DRAFTING_EXPORT_FORM_TRACKED: with the open amendments marked: in a
 *   PDF as the window's marked view marks them; in ODT and Word the text
 *   as proposed, each change from the present text a tracked change by
 *   its delegation
 * @DRAFTING_EXPORT_FORM_COMPILATION: the compilation of the amendments, a
 *   table in the order of the text (ODT and Word only)
 *
 * What of the document is written. Not every format has every form:
 * see drafting_export_format_has_form().
 */
typedef enum
{
  DRAFTING_EXPORT_FORM_CLEAN,
  DRAFTING_EXPORT_FORM_TRACKED,
  DRAFTING_EXPORT_FORM_COMPILATION,
} DraftingExportForm;

DraftingExportFormat  drafting_export_format_for_name      (const char            *name);
const char           *drafting_export_format_get_extension (DraftingExportFormat   format);
const char           *drafting_export_format_get_mime_type (DraftingExportFormat   format);
gboolean              drafting_export_format_has_form      (DraftingExportFormat   format,
                                                            DraftingExportForm     form);

gboolean              drafting_export_write                (DraftingDocument      *document,
                                                            GFile                 *file,
                                                            DraftingExportFormat   format,
                                                            DraftingExportForm     form,
                                                            const char * const    *delegations,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
void                  drafting_export_async                (DraftingDocument      *document,
                                                            GFile                 *file,
                                                            DraftingExportFormat   format,
                                                            DraftingExportForm     form,
                                                            const char * const    *delegations,
                                                            const char            *title,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              drafting_export_finish               (GAsyncResult          *result,
                                                            GError               **error);

G_END_DECLS
