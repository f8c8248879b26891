/* bench-window-spelling.h: the main loop while the window checks a
 * document's spelling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bench_window_spelling_run (int    argc,
                               char **argv);

G_END_DECLS
