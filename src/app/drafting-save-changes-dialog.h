/* drafting-save-changes-dialog.h: asking about unsaved work before it closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     drafting_save_changes_dialog_run_async  (GtkWindow            *parent,
                                                  GPtrArray            *pages,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean drafting_save_changes_dialog_run_finish (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
