/* drafting-draft-store.h: unsaved work kept aside, to survive a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_DRAFT_STORE (drafting_draft_store_get_type ())
#define DRAFTING_TYPE_DRAFT_INFO  (drafting_draft_info_get_type ())

G_DECLARE_FINAL_TYPE (DraftingDraftStore, drafting_draft_store, DRAFTING, DRAFT_STORE, GObject)

/**
 * DraftingDraftInfo:
 * @id: the draft's id, to load, adopt or discard it
 * @uri: (nullable): the URI of the file the draft is unsaved work on, or
 *   %NULL for a document never saved
 * @title: what to call the draft, never %NULL
 * @modified: when the draft was last written
 * @size: the size of its document, in bytes
 *
 * A draft found by drafting_draft_store_list_orphans().
 */
typedef struct
{
  char      *id;
  char      *uri;
  char      *title;
  GDateTime *modified;
  goffset    size;
} DraftingDraftInfo;

GType               drafting_draft_info_get_type      (void) G_GNUC_CONST;
DraftingDraftInfo  *drafting_draft_info_copy          (const DraftingDraftInfo *info);
void                drafting_draft_info_free          (DraftingDraftInfo       *info);

DraftingDraftStore *drafting_draft_store_new                 (const char           *directory);
const char         *drafting_draft_store_get_directory       (DraftingDraftStore   *self);
gboolean            drafting_draft_store_is_valid_id         (const char           *id);

char               *drafting_draft_store_save                (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              DraftingDocument     *document,
                                                              GFile                *original,
                                                              const char           *title,
                                                              GError              **error);
char               *drafting_draft_store_save_bytes          (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GBytes               *bytes,
                                                              GFile                *original,
                                                              const char           *title,
                                                              GError              **error);
void                drafting_draft_store_save_async          (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              DraftingDocument     *document,
                                                              GFile                *original,
                                                              const char           *title,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
char               *drafting_draft_store_save_finish         (DraftingDraftStore   *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

gboolean            drafting_draft_store_discard             (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GError              **error);
void                drafting_draft_store_discard_async       (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean            drafting_draft_store_discard_finish      (DraftingDraftStore   *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

GPtrArray          *drafting_draft_store_list_orphans        (DraftingDraftStore   *self);
void                drafting_draft_store_list_orphans_async  (DraftingDraftStore   *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray          *drafting_draft_store_list_orphans_finish (DraftingDraftStore   *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

DraftingDocument   *drafting_draft_store_load                (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GError              **error);
void                drafting_draft_store_load_async          (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
DraftingDocument   *drafting_draft_store_load_finish         (DraftingDraftStore   *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

gboolean            drafting_draft_store_adopt               (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GError              **error);
void                drafting_draft_store_adopt_async         (DraftingDraftStore   *self,
                                                              const char           *id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean            drafting_draft_store_adopt_finish        (DraftingDraftStore   *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingDraftInfo, drafting_draft_info_free)

G_END_DECLS
