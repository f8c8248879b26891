/* drafting-io.h: reading and writing documents in whatever format they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_FILE_STAMP (drafting_file_stamp_get_type ())

typedef enum
{
  DRAFTING_FORMAT_UNKNOWN,
  DRAFTING_FORMAT_NATIVE,
  DRAFTING_FORMAT_TEXT,
} DraftingFormat;

/**
 * DraftingReplaceFlags:
 * @DRAFTING_REPLACE_NONE: a new file gets the usual permissions, an old
 *   one keeps its own; the file is flushed to disk before it replaces the
 *   old one, and the folder after
 * @DRAFTING_REPLACE_PRIVATE: a new file is readable by its owner only
 * @DRAFTING_REPLACE_NOT_DURABLE: the folder is not flushed after the
 *   rename: a crash then may leave the old file, never half of the new
 */
typedef enum
{
  DRAFTING_REPLACE_NONE        = 0,
  DRAFTING_REPLACE_PRIVATE     = 1 << 0,
  DRAFTING_REPLACE_NOT_DURABLE = 1 << 1,
} DraftingReplaceFlags;

/**
 * DraftingFileStamp:
 *
 * What a file was when it was read or written: enough to tell later
 * whether someone else has changed it since. Immutable, and so safe to
 * share between threads.
 */
typedef struct _DraftingFileStamp DraftingFileStamp;

GType              drafting_file_stamp_get_type  (void) G_GNUC_CONST;
DraftingFileStamp *drafting_file_stamp_ref       (DraftingFileStamp        *stamp);
void               drafting_file_stamp_unref     (DraftingFileStamp        *stamp);
DraftingFileStamp *drafting_file_stamp_query     (GFile                    *file,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
gboolean           drafting_file_stamp_equal     (const DraftingFileStamp  *a,
                                                  const DraftingFileStamp  *b);
gboolean           drafting_file_is_unchanged    (GFile                    *file,
                                                  const DraftingFileStamp  *known,
                                                  DraftingFileStamp       **now,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);

DraftingFormat     drafting_format_for_file      (GFile                    *file);
GBytes            *drafting_read_file            (GFile                    *file,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
GBytes            *drafting_read_file_full       (GFile                    *file,
                                                  DraftingFileStamp       **stamp,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
DraftingDocument  *drafting_load_file            (GFile                    *file,
                                                  GPtrArray               **warnings,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
DraftingDocument  *drafting_load_file_full       (GFile                    *file,
                                                  GPtrArray               **warnings,
                                                  DraftingFileStamp       **stamp,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
gboolean           drafting_file_replace         (GFile                    *file,
                                                  const char               *data,
                                                  gsize                     len,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
gboolean           drafting_file_replace_full    (GFile                    *file,
                                                  const char               *data,
                                                  gsize                     len,
                                                  DraftingReplaceFlags      flags,
                                                  const DraftingFileStamp  *expected,
                                                  DraftingFileStamp       **written,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
gboolean           drafting_save_file            (DraftingDocument         *document,
                                                  GFile                    *file,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingFileStamp, drafting_file_stamp_unref)

G_END_DECLS
