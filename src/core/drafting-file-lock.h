/* drafting-file-lock.h: who has a document open for editing, in LibreOffice's lock files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_FILE_LOCK  (drafting_file_lock_get_type ())
#define DRAFTING_TYPE_LOCK_OWNER (drafting_lock_owner_get_type ())

G_DECLARE_FINAL_TYPE (DraftingFileLock, drafting_file_lock, DRAFTING, FILE_LOCK, GObject)

/**
 * DraftingLockOwner:
 * @name: the full name of the person, "" when the lock does not say
 * @login: their login name, or ""
 * @host: the computer the document is open on, or ""
 * @date: since when, as the lock file has it ("23.11.2026 10:12"), or ""
 * @pid: the process that holds it, 0 when the lock does not say (as in
 *   the locks LibreOffice writes)
 * @stale: %TRUE when nobody holds the lock any longer: it was written on
 *   this computer by a process that is gone, or by an earlier process that
 *   had the calling one's pid. A lock the calling process holds is not stale.
 *
 * Who holds the lock of a document.
 */
typedef struct
{
  char     *name;
  char     *login;
  char     *host;
  char     *date;
  int       pid;
  gboolean  stale;
} DraftingLockOwner;

GType              drafting_lock_owner_get_type (void) G_GNUC_CONST;
DraftingLockOwner *drafting_lock_owner_copy     (const DraftingLockOwner *owner);
void               drafting_lock_owner_free     (DraftingLockOwner       *owner);

DraftingFileLock  *drafting_file_lock_acquire        (GFile                *file,
                                                      gboolean              force,
                                                      DraftingLockOwner   **holder,
                                                      GError              **error);
void               drafting_file_lock_acquire_async  (GFile                *file,
                                                      gboolean              force,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
DraftingFileLock  *drafting_file_lock_acquire_finish (GAsyncResult         *result,
                                                      DraftingLockOwner   **holder,
                                                      GError              **error);
void               drafting_file_lock_flush          (void);
GFile             *drafting_file_lock_get_file       (DraftingFileLock     *self);
GFile             *drafting_file_lock_get_lock_file  (DraftingFileLock     *self);
gboolean           drafting_file_lock_is_held        (DraftingFileLock     *self);
DraftingLockOwner *drafting_file_lock_read           (GFile                *file);
GFile             *drafting_file_lock_file_for       (GFile                *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingLockOwner, drafting_lock_owner_free)

G_END_DECLS
