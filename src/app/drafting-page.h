/* drafting-page.h: one open document, in a tab of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_PAGE (drafting_page_get_type ())

G_DECLARE_FINAL_TYPE (DraftingPage, drafting_page, DRAFTING, PAGE, GtkWidget)

DraftingPage         *drafting_page_new                   (DraftingDocument     *document,
                                                           GFile                *file);
DraftingPage         *drafting_page_new_for_document_file (DraftingDocumentFile *document_file);
DraftingDocument     *drafting_page_get_document          (DraftingPage         *self);
DraftingDocumentFile *drafting_page_get_document_file     (DraftingPage         *self);
GFile                *drafting_page_get_file              (DraftingPage         *self);
const char           *drafting_page_get_name              (DraftingPage         *self);
const char           *drafting_page_get_title             (DraftingPage         *self);
const char           *drafting_page_get_subtitle          (DraftingPage         *self);
gboolean              drafting_page_get_modified          (DraftingPage         *self);
gboolean              drafting_page_get_read_only         (DraftingPage         *self);
GActionGroup         *drafting_page_get_actions           (DraftingPage         *self);
void                  drafting_page_save_async            (DraftingPage         *self,
                                                           gboolean              save_as,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              drafting_page_save_finish           (DraftingPage         *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                  drafting_page_close_async           (DraftingPage         *self,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              drafting_page_close_finish          (DraftingPage         *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                  drafting_page_focus                 (DraftingPage         *self);
void                  drafting_page_toast                 (DraftingPage         *self,
                                                           const char           *message);

void                  drafting_page_import_amendments  (DraftingPage         *self,
                                                        GPtrArray            *files);

G_END_DECLS
