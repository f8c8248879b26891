/* drafting-native.h: Drafting's own file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"

G_BEGIN_DECLS

#define DRAFTING_NATIVE_NAMESPACE  "http://wco.org/ns/drafting/1"
#define DRAFTING_NATIVE_VERSION    "1.1"
#define DRAFTING_NATIVE_EXTENSION  ".wcodraft"
#define DRAFTING_NATIVE_MIME_TYPE  "application/vnd.wco.drafting+xml"

DraftingDocument *drafting_native_load_bytes (GBytes            *bytes,
                                              GError           **error);
DraftingDocument *drafting_native_load_file  (GFile             *file,
                                              GCancellable      *cancellable,
                                              GError           **error);
GBytes           *drafting_native_save_bytes (DraftingDocument  *document,
                                              GError           **error);
gboolean          drafting_native_save_file  (DraftingDocument  *document,
                                              GFile             *file,
                                              GCancellable      *cancellable,
                                              GError           **error);
gboolean          drafting_native_sniff      (const char        *data,
                                              gsize              len);

G_END_DECLS
