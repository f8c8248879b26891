/* drafting-process.c: what the system says of processes and of the small files that name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-process"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "drafting-process-private.h"

/*
 * Locks and drafts name the process that holds them, so that one left by a
 * process that is gone can be taken over: its pid, and when it began, so
 * that another process given the same pid later is not taken for it. Both
 * read what they name from small files that anyone could have replaced
 * with a pipe or a huge file; they are read here, without waiting and
 * within a limit.
 */

/**
 * _drafting_process_get_boot_id:
 *
 * Returns: (transfer full) (nullable): what tells this boot of the machine
 *   from the others, or %NULL when the system does not say
 */
char *
_drafting_process_get_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;

  g_strstrip (contents);
  if (contents[0] == '\0')
    return NULL;

  return g_steal_pointer (&contents);
}

/**
 * _drafting_process_get_start_ticks:
 * @ticks: (out): when @pid began, in clock ticks after boot
 *
 * Reads field 22 of /proc/PID/stat. The second field, the command name, is
 * in parentheses and may hold spaces and parentheses itself: the fields
 * are counted from the last ')'.
 *
 * Returns: whether it is known
 */
gboolean
_drafting_process_get_start_ticks (pid_t    pid,
                                   guint64 *ticks)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *rest;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  if ((rest = strrchr (contents, ')')) == NULL)
    return FALSE;

  /* After the ')' come field 3 (the state) and those that follow it. */
  fields = g_strsplit_set (g_strstrip ((char *) rest + 1), " ", -1);
  if (g_strv_length (fields) < 20)
    return FALSE;

  return g_ascii_string_to_unsigned (fields[22 - 3], 10, 0, G_MAXUINT64, ticks, NULL);
}

/**
 * _drafting_process_get_start_time:
 * @seconds: (out): when @pid began, in seconds since 1970
 *
 * Returns: whether it is known
 */
gboolean
_drafting_process_get_start_time (pid_t   pid,
                                  gint64 *seconds)
{
  g_autofree char *proc_system = NULL;
  const char *btime;
  guint64 ticks;
  guint64 boot;
  long hz;

  if (!_drafting_process_get_start_ticks (pid, &ticks) ||
      !g_file_get_contents ("/proc/stat", &proc_system, NULL, NULL))
    return FALSE;

  if ((btime = strstr (proc_system, "\nbtime ")) == NULL)
    return FALSE;
  boot = g_ascii_strtoull (btime + strlen ("\nbtime "), NULL, 10);

  if ((hz = sysconf (_SC_CLK_TCK)) <= 0 || boot == 0)
    return FALSE;

  *seconds = (gint64) boot + (gint64) (ticks / (guint64) hz);
  return TRUE;
}

/**
 * _drafting_process_is_gone:
 *
 * Returns: whether no process runs under @pid on this machine (one that
 *   runs but is not ours to signal is not gone)
 */
gboolean
_drafting_process_is_gone (pid_t pid)
{
  return pid > 0 && kill (pid, 0) != 0 && errno == ESRCH;
}

/**
 * _drafting_read_small_file:
 * @max_size: the most that is read
 * @contents: (out) (transfer full): what the file holds, up to @max_size
 * @modified: (out) (optional): when it was last written, in seconds since
 *   1970
 *
 * Reads a small local file. It is opened without waiting and must be a
 * plain file: a pipe in its place would otherwise hold the thread reading
 * it until someone wrote into it.
 */
DraftingSmallRead
_drafting_read_small_file (const char              *path,
                           gsize                    max_size,
                           DraftingSmallReadFlags   flags,
                           GBytes                 **contents,
                           gint64                  *modified)
{
  g_autofree char *buffer = NULL;
  gboolean refuse = (flags & DRAFTING_SMALL_READ_REFUSE_LARGER) != 0;
  /* One byte more than allowed, to see a file that grew meanwhile. */
  gsize want = refuse ? max_size + 1 : max_size;
  struct stat st;
  gsize len = 0;
  int fd;

  g_return_val_if_fail (path != NULL, DRAFTING_SMALL_READ_UNREADABLE);
  g_return_val_if_fail (contents != NULL, DRAFTING_SMALL_READ_UNREADABLE);

  *contents = NULL;

  if ((fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0)) < 0)
    return errno == ENOENT ? DRAFTING_SMALL_READ_MISSING : DRAFTING_SMALL_READ_UNREADABLE;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 0 ||
      (refuse && (guint64) st.st_size > max_size))
    {
      g_close (fd, NULL);
      return DRAFTING_SMALL_READ_UNREADABLE;
    }

  buffer = g_malloc (want + 1);
  while (len < want)
    {
      ssize_t n = read (fd, buffer + len, want - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_close (fd, NULL);
          return DRAFTING_SMALL_READ_UNREADABLE;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  g_close (fd, NULL);

  if (len > max_size)
    return DRAFTING_SMALL_READ_UNREADABLE;

  if (modified != NULL)
    *modified = (gint64) st.st_mtime;
  *contents = g_bytes_new_take (g_steal_pointer (&buffer), len);
  return DRAFTING_SMALL_READ_OK;
}
