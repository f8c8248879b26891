/* drafting-process-private.h: what the system says of processes and of the small files that name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <glib.h>

G_BEGIN_DECLS

/**
 * DraftingSmallRead:
 * @DRAFTING_SMALL_READ_OK: the file was read
 * @DRAFTING_SMALL_READ_MISSING: there is no such file
 * @DRAFTING_SMALL_READ_UNREADABLE: it could not be read, is not a plain
 *   file, or is larger than allowed
 */
typedef enum
{
  DRAFTING_SMALL_READ_OK,
  DRAFTING_SMALL_READ_MISSING,
  DRAFTING_SMALL_READ_UNREADABLE,
} DraftingSmallRead;

/**
 * DraftingSmallReadFlags:
 * @DRAFTING_SMALL_READ_REFUSE_LARGER: a file larger than the limit is
 *   unreadable, rather than read up to the limit
 */
typedef enum
{
  DRAFTING_SMALL_READ_NONE           = 0,
  DRAFTING_SMALL_READ_REFUSE_LARGER  = 1 << 0,
} DraftingSmallReadFlags;

char              *_drafting_process_get_boot_id     (void);
gboolean           _drafting_process_get_start_ticks (pid_t                   pid,
                                                      guint64                *ticks);
gboolean           _drafting_process_get_start_time  (pid_t                   pid,
                                                      gint64                 *seconds);
gboolean           _drafting_process_is_gone         (pid_t                   pid);

DraftingSmallRead  _drafting_read_small_file         (const char             *path,
                                                      gsize                   max_size,
                                                      DraftingSmallReadFlags  flags,
                                                      GBytes                **contents,
                                                      gint64                 *modified);

G_END_DECLS
