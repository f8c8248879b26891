/* drafting-preload.h: documents read ahead while the application starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"
#include "drafting-io.h"

G_BEGIN_DECLS

void               drafting_preload_start      (GFile               *file);
DraftingDocument  *drafting_preload_take       (GFile               *file,
                                                DraftingFileStamp  **stamp,
                                                GCancellable        *cancellable);
void               drafting_preload_forget     (GFile               *file);
void               drafting_preload_forget_all (void);
guint              drafting_preload_get_n_held (void);

G_END_DECLS
