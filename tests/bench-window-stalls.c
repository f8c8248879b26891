/* bench-window-stalls.c: the longest time the main loop spends between two
 * of its polls, while an operation runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-window-stalls.h"
#include "drafting-bench-utils.h"

/*
 * What counts for a person is the longest time the main loop spends
 * between two of its polls, in one iteration: a stall, during which
 * nothing on screen moves and no key is taken. It is measured with a poll
 * function of our own around GLib's, from the moment an operation is
 * asked for until its work is done and the frames after it are painted.
 * Painting a frame is part of an iteration, and counts.
 *
 * On a machine busy with other work, an iteration also lasts while the
 * main thread waits for a processor, which is no stall of the window's
 * making: each stall is also given without that wait, as the kernel counts
 * it (/proc/thread-self/schedstat), which is what the same work takes on a
 * machine of its own. Time blocked on a lock or the disk still counts.
 */

#define WAIT_TIMEOUT_S 60

static GPollFunc default_poll;
static gint64 last_wake;
static gint64 last_wake_wait;
static gint64 longest;
static gint64 longest_unwaited;
static gint64 longest_frame;
static gint64 longest_outside;   /* of an iteration, less the frame it painted */
static gint64 frame_start;
static gint64 frame_in_iteration;
static gboolean watching;

/* How long, in µs, this thread has waited for a processor so far. */
static gint64
waited_for_cpu (void)
{
  char buffer[128];
  guint64 on_cpu, waiting;
  FILE *stat = fopen ("/proc/thread-self/schedstat", "r");
  gboolean read;

  if (stat == NULL)
    return 0;
  read = fgets (buffer, sizeof buffer, stat) != NULL &&
         sscanf (buffer, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &on_cpu, &waiting) == 2;
  fclose (stat);

  return read ? (gint64) (waiting / 1000) : 0;
}

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint result;

  if (watching && last_wake != 0)
    {
      gint64 stall = now - last_wake;

      longest = MAX (longest, stall);
      longest_unwaited = MAX (longest_unwaited, stall - (waited_for_cpu () - last_wake_wait));
      longest_outside = MAX (longest_outside, stall - frame_in_iteration);
    }

  result = default_poll (fds, n_fds, timeout);
  last_wake = g_get_monotonic_time ();
  frame_in_iteration = 0;
  if (watching)
    last_wake_wait = waited_for_cpu ();

  return result;
}

/**
 * bench_stalls_install:
 *
 * Puts the timing poll function on the main context, once.
 */
void
bench_stalls_install (void)
{
  if (default_poll != NULL)
    return;

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
}

/* A frame: from the clock's "before-paint" to its "after-paint", the
 * widgets' ticks, layout and painting. */
static void
on_frame_begins (GdkFrameClock *clock G_GNUC_UNUSED,
                 gpointer       data G_GNUC_UNUSED)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_frame_ends (GdkFrameClock *clock G_GNUC_UNUSED,
               gpointer       data G_GNUC_UNUSED)
{
  gint64 frame = g_get_monotonic_time () - frame_start;

  frame_in_iteration += frame;
  if (watching)
    longest_frame = MAX (longest_frame, frame);
}

/**
 * bench_stalls_watch_clock:
 *
 * Times the frames of @clock, a window's.
 */
void
bench_stalls_watch_clock (GdkFrameClock *clock)
{
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_begins), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_ends), NULL);
}

void
bench_stalls_unwatch_clock (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_frame_begins, NULL);
  g_signal_handlers_disconnect_by_func (clock, on_frame_ends, NULL);
}

/**
 * bench_stalls_resume:
 *
 * Watches again, keeping the longest stall seen so far.
 */
void
bench_stalls_resume (void)
{
  last_wake = g_get_monotonic_time ();
  last_wake_wait = waited_for_cpu ();
  watching = TRUE;
}

void
bench_stalls_pause (void)
{
  watching = FALSE;
}

/**
 * bench_stalls_begin:
 *
 * Watches from now, from nothing.
 */
void
bench_stalls_begin (void)
{
  longest = 0;
  longest_unwaited = 0;
  longest_frame = 0;
  longest_outside = 0;
  bench_stalls_resume ();
}

/**
 * bench_stalls_end:
 * @key: what to report, as "open_stall_us"
 *
 * Reports the longest stall since bench_stalls_begin() as @key, without
 * the waits for a processor as "open_stall_cpu_us", the longest frame
 * painted as "open_stall_frame_us", and the longest time the loop spent
 * on other work in an iteration as "open_stall_work_us".
 */
void
bench_stalls_end (const char *key)
{
  g_autofree char *base = g_strndup (key, strlen (key) - strlen ("_us"));
  g_autofree char *unwaited = g_strconcat (base, "_cpu_us", NULL);
  g_autofree char *frame = g_strconcat (base, "_frame_us", NULL);
  g_autofree char *work = g_strconcat (base, "_work_us", NULL);

  watching = FALSE;
  drafting_bench_report_int (key, longest);
  drafting_bench_report_int (unwaited, longest_unwaited);
  drafting_bench_report_int (frame, longest_frame);
  drafting_bench_report_int (work, longest_outside);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * bench_stalls_spin:
 *
 * Turns the main loop for @ms milliseconds.
 */
void
bench_stalls_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * bench_stalls_wait_until:
 *
 * Turns the main loop until @done says so, looking every few
 * milliseconds (which costs the loop nothing worth counting); fails the
 * benchmark, saying @what it waited for, after a minute.
 */
void
bench_stalls_wait_until (gboolean   (*done) (gpointer),
                         gpointer     data,
                         const char  *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        drafting_bench_fail (what, NULL);
      bench_stalls_spin (2);
    }
}
