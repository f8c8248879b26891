/* drafting-zip-writer.h: a zip package made in memory, for ODT and DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DraftingZipWriter DraftingZipWriter;

DraftingZipWriter *drafting_zip_writer_new    (void);
void               drafting_zip_writer_free   (DraftingZipWriter *self);
gboolean           drafting_zip_writer_add    (DraftingZipWriter *self,
                                               const char        *name,
                                               GBytes            *data,
                                               gboolean           compress,
                                               GError           **error);
GBytes            *drafting_zip_writer_finish (DraftingZipWriter *self,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingZipWriter, drafting_zip_writer_free)

G_END_DECLS
