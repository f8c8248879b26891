/* drafting-pdf-export.h: a document written as PDF, in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-core.h"

G_BEGIN_DECLS

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
void     drafting_pdf_export_tracked_async (DraftingDocument     *document,
                                            GFile                *file,
                                            const char           *title,
                                            gboolean              tracked,
                                            const char * const   *delegations,
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
