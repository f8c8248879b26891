/* drafting-file-lock-private.h: what the tests and the fuzz targets know of lock files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-file-lock.h"

G_BEGIN_DECLS

/* A lock file is a line; anything longer is not one. */
#define DRAFTING_LOCK_MAX_SIZE 4096

DraftingLockOwner *_drafting_lock_owner_parse      (const char  *data,
                                                    gsize        len);
void               _drafting_file_lock_queue_call  (void       (*func) (gpointer data),
                                                    gpointer     data);

G_END_DECLS
