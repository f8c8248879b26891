/* drafting-native-private.h: what the tests reach of the native format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-native.h"

G_BEGIN_DECLS

GBytes   *_drafting_native_save_bytes_limited (DraftingDocument  *document,
                                               gsize              max_size,
                                               GError           **error);
gboolean  _drafting_native_save_file_limited  (DraftingDocument  *document,
                                               GFile             *file,
                                               gsize              max_size,
                                               GCancellable      *cancellable,
                                               GError           **error);
gboolean  _drafting_native_find_unholdable    (const char        *text,
                                               gsize              len,
                                               gunichar          *found);

G_END_DECLS
