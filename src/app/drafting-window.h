/* drafting-window.h: a window of tabs, a document a tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-core.h"
#include "drafting-page.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_WINDOW (drafting_window_get_type ())

G_DECLARE_FINAL_TYPE (DraftingWindow, drafting_window, DRAFTING, WINDOW, AdwApplicationWindow)

DraftingWindow *drafting_window_new              (AdwApplication       *application);
DraftingPage   *drafting_window_add_document     (DraftingWindow       *self,
                                                  DraftingDocument     *document,
                                                  GFile                *file);
DraftingPage   *drafting_window_add_document_file (DraftingWindow      *self,
                                                  DraftingDocumentFile *document_file);
void            drafting_window_new_document     (DraftingWindow       *self,
                                                  DraftingDocumentType  type);
void            drafting_window_open_file        (DraftingWindow       *self,
                                                  GFile                *file);
DraftingPage   *drafting_window_get_current_page (DraftingWindow       *self);
guint           drafting_window_get_n_pages      (DraftingWindow       *self);
DraftingPage   *drafting_window_find_file        (DraftingWindow       *self,
                                                  GFile                *file);
GPtrArray      *drafting_window_list_pages       (DraftingWindow       *self);
void            drafting_window_present_page     (DraftingWindow       *self,
                                                  DraftingPage         *page);
void            drafting_window_close_pages      (DraftingWindow       *self);

G_END_DECLS
