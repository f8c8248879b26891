/* drafting-io.h: reading and writing documents in whatever format they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

typedef enum
{
  DRAFTING_FORMAT_UNKNOWN,
  DRAFTING_FORMAT_NATIVE,
  DRAFTING_FORMAT_TEXT,
} DraftingFormat;

DraftingFormat    drafting_format_for_file (GFile             *file);
GBytes           *drafting_read_file       (GFile             *file,
                                            GCancellable      *cancellable,
                                            GError           **error);
DraftingDocument *drafting_load_file       (GFile             *file,
                                            GPtrArray        **warnings,
                                            GCancellable      *cancellable,
                                            GError           **error);
gboolean          drafting_file_replace    (GFile             *file,
                                            const char        *data,
                                            gsize              len,
                                            GCancellable      *cancellable,
                                            GError           **error);
gboolean          drafting_save_file       (DraftingDocument  *document,
                                            GFile             *file,
                                            GCancellable      *cancellable,
                                            GError           **error);

G_END_DECLS
