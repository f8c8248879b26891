/* drafting-pdf-export.h: a document drawn as PDF, as it prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-core.h"

G_BEGIN_DECLS

GBytes  *drafting_pdf_write         (DraftingDocument     *document,
                                     const char           *title,
                                     gboolean              tracked,
                                     const char * const   *delegations,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* The PDF alone, by drafting_export_async() and drafting_export_write(). */
void     drafting_pdf_export_async  (DraftingDocument     *document,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
void     drafting_pdf_export_titled_async (DraftingDocument     *document,
                                           GFile                *file,
                                           const char           *title,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean drafting_pdf_export_finish (GAsyncResult         *result,
                                     GError              **error);
gboolean drafting_pdf_export_write  (DraftingDocument     *document,
                                     GFile                *file,
                                     gboolean              tracked,
                                     const char * const   *delegations,
                                     GCancellable         *cancellable,
                                     GError              **error);

G_END_DECLS
