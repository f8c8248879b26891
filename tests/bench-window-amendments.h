/* bench-window-amendments.h: the window with thousands of amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bench_window_amendments_run (int    argc,
                                 char **argv);

G_END_DECLS
