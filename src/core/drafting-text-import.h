/* drafting-text-import.h: turning pasted text into a structured document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

/**
 * DraftingImportWarning:
 * @line: the line of the text it is about, from 1
 * @message: what the importer could not do, for people
 */
typedef struct
{
  guint  line;
  char  *message;
} DraftingImportWarning;

void              drafting_import_warning_free (DraftingImportWarning  *warning);
DraftingDocument *drafting_text_import         (const char             *data,
                                                gsize                   len,
                                                GPtrArray             **warnings,
                                                GError                **error);
DraftingDocument *drafting_text_import_file    (GFile                  *file,
                                                GPtrArray             **warnings,
                                                GCancellable           *cancellable,
                                                GError                **error);
DraftingNode     *drafting_text_import_fragment (const char           *data,
                                                 gsize                 len,
                                                 DraftingDocumentType  type,
                                                 DraftingKind          context,
                                                 GPtrArray           **warnings,
                                                 GError              **error);
DraftingInline   *drafting_text_parse_markup   (const char             *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingImportWarning, drafting_import_warning_free)

G_END_DECLS
