/* drafting-document-view.h: the document laid out as it prints, a row an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"
#include "drafting-spell.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_DOCUMENT_VIEW (drafting_document_view_get_type ())

G_DECLARE_FINAL_TYPE (DraftingDocumentView, drafting_document_view, DRAFTING, DOCUMENT_VIEW, GtkWidget)

GtkWidget        *drafting_document_view_new              (void);
DraftingDocument *drafting_document_view_get_document     (DraftingDocumentView *self);
void              drafting_document_view_set_document     (DraftingDocumentView *self,
                                                           DraftingDocument     *document);
gboolean          drafting_document_view_get_editable     (DraftingDocumentView *self);
gboolean          drafting_document_view_is_opening       (DraftingDocumentView *self);
void              drafting_document_view_empty_async      (DraftingDocumentView *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          drafting_document_view_empty_finish     (DraftingDocumentView *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              drafting_document_view_set_editable     (DraftingDocumentView *self,
                                                           gboolean              editable);
DraftingNode     *drafting_document_view_get_current      (DraftingDocumentView *self);
gboolean          drafting_document_view_get_cursor       (DraftingDocumentView *self,
                                                           DraftingNode        **node,
                                                           guint                *offset,
                                                           guint                *selection_end);
void              drafting_document_view_focus_node       (DraftingDocumentView *self,
                                                           DraftingNode         *node,
                                                           int                   offset,
                                                           guint                 length);
void              drafting_document_view_restore_focus    (DraftingDocumentView *self);
void              drafting_document_view_reveal_node      (DraftingDocumentView *self,
                                                           DraftingNode         *node);
void              drafting_document_view_set_extra_menu   (DraftingDocumentView *self,
                                                           GMenuModel           *menu);
void              drafting_document_view_set_matches      (DraftingDocumentView *self,
                                                           GArray               *matches,
                                                           const DraftingMatch  *current);
guint             drafting_document_view_get_n_bound_rows (DraftingDocumentView *self);
void              drafting_document_view_set_spell_cache  (DraftingDocumentView *self,
                                                           DraftingSpellCache   *cache);
DraftingSpellCache *drafting_document_view_get_spell_cache (DraftingDocumentView *self);
void              drafting_document_view_recheck_spelling (DraftingDocumentView *self);

void                  drafting_document_view_set_tracking (DraftingDocumentView *self,
                                                           DraftingTracking     *tracking);
gboolean              drafting_document_view_get_marked   (DraftingDocumentView *self);
void                  drafting_document_view_set_proposer (DraftingDocumentView *self,
                                                           const char           *delegation,
                                                           const char           *name);
void                  drafting_document_view_reload       (DraftingDocumentView *self);

G_END_DECLS
