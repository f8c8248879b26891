/* drafting-document-file.h: a document and the file it is kept in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"
#include "drafting-draft-store.h"
#include "drafting-file-lock.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_DOCUMENT_FILE (drafting_document_file_get_type ())

G_DECLARE_FINAL_TYPE (DraftingDocumentFile, drafting_document_file, DRAFTING, DOCUMENT_FILE, GObject)

/**
 * DraftingLoadFlags:
 * @DRAFTING_LOAD_NONE: lock the file for editing; if someone else has it
 *   open, say who and load nothing
 * @DRAFTING_LOAD_READ_ONLY: open it to read only, without a lock: it can
 *   then be saved under another name, never over itself
 * @DRAFTING_LOAD_FORCE: take the lock even from someone who holds it
 */
typedef enum
{
  DRAFTING_LOAD_NONE      = 0,
  DRAFTING_LOAD_READ_ONLY = 1 << 0,
  DRAFTING_LOAD_FORCE     = 1 << 1,
} DraftingLoadFlags;

/**
 * DraftingSaveFlags:
 * @DRAFTING_SAVE_NONE: save only over the version of the file that was
 *   last read or written here
 * @DRAFTING_SAVE_OVERWRITE: save even over changes someone else made to
 *   the file since, as the person chose
 */
typedef enum
{
  DRAFTING_SAVE_NONE      = 0,
  DRAFTING_SAVE_OVERWRITE = 1 << 0,
} DraftingSaveFlags;

/**
 * DraftingExternalChange:
 * @DRAFTING_EXTERNAL_CHANGE_NONE: the file is as it was last read or
 *   written here
 * @DRAFTING_EXTERNAL_CHANGE_MODIFIED: someone else has changed it since
 * @DRAFTING_EXTERNAL_CHANGE_DELETED: it is no longer there: deleted,
 *   moved or renamed
 */
typedef enum
{
  DRAFTING_EXTERNAL_CHANGE_NONE,
  DRAFTING_EXTERNAL_CHANGE_MODIFIED,
  DRAFTING_EXTERNAL_CHANGE_DELETED,
} DraftingExternalChange;

DraftingDocumentFile   *drafting_document_file_new           (DraftingDocument       *document,
                                                              GFile                  *file,
                                                              DraftingDraftStore     *draft_store);
void                    drafting_document_file_load_async    (GFile                  *file,
                                                              DraftingDraftStore     *draft_store,
                                                              DraftingLoadFlags       flags,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
DraftingDocumentFile   *drafting_document_file_load_finish   (GAsyncResult           *result,
                                                              GPtrArray             **warnings,
                                                              DraftingLockOwner     **holder,
                                                              GError                **error);
DraftingDocumentFile   *drafting_document_file_lookup        (GFile                  *file);
gboolean                drafting_document_file_is_loading    (GFile                  *file);

DraftingDocument       *drafting_document_file_get_document  (DraftingDocumentFile   *self);
GFile                  *drafting_document_file_get_file      (DraftingDocumentFile   *self);
char                   *drafting_document_file_dup_name      (DraftingDocumentFile   *self);
gboolean                drafting_document_file_get_read_only (DraftingDocumentFile   *self);
gboolean                drafting_document_file_get_saving    (DraftingDocumentFile   *self);
DraftingExternalChange  drafting_document_file_get_external_change (DraftingDocumentFile *self);
const GError           *drafting_document_file_get_draft_error (DraftingDocumentFile *self);
guint                   drafting_document_file_get_autosave_interval (DraftingDocumentFile *self);
void                    drafting_document_file_set_autosave_interval (DraftingDocumentFile *self,
                                                                      guint                 seconds);
const char             *drafting_document_file_get_draft_id  (DraftingDocumentFile   *self);
void                    drafting_document_file_set_draft_id  (DraftingDocumentFile   *self,
                                                              const char             *draft_id);

void                    drafting_document_file_save_async    (DraftingDocumentFile   *self,
                                                              GFile                  *file,
                                                              DraftingSaveFlags       flags,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean                drafting_document_file_save_finish   (DraftingDocumentFile   *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);
void                    drafting_document_file_reload_async  (DraftingDocumentFile   *self,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean                drafting_document_file_reload_finish (DraftingDocumentFile   *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);
void                    drafting_document_file_save_draft    (DraftingDocumentFile   *self);
void                    drafting_document_file_close         (DraftingDocumentFile   *self);

G_END_DECLS
