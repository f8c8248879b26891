/* bench-window-stalls.h: the longest time the main loop spends between two
 * of its polls, while an operation runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bench_stalls_install     (void);
void bench_stalls_watch_clock (GdkFrameClock *clock);
void bench_stalls_unwatch_clock (GdkFrameClock *clock);
void bench_stalls_begin       (void);
void bench_stalls_pause       (void);
void bench_stalls_resume      (void);
void bench_stalls_end         (const char    *key);

void bench_stalls_spin        (guint          ms);
void bench_stalls_wait_until  (gboolean     (*done) (gpointer),
                               gpointer       data,
                               const char    *what);

G_END_DECLS
