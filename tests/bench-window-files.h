/* bench-window-files.h: the main loop while the window opens, saves, keeps
 * a draft of and closes a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bench_window_files_run (int    argc,
                            char **argv);

G_END_DECLS
