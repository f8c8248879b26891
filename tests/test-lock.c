/* test-lock.c: the lock files that say who has a document open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "drafting-file-lock-private.h"
#include "drafting-test-utils.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
lock_path (const char *dir,
           const char *name)
{
  g_autofree char *lock_name = g_strconcat (".~lock.", name, "#", NULL);

  return g_build_filename (dir, lock_name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
escape (const char *field)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = field; *p != '\0'; p++)
    {
      if (strchr ("\\,;", *p) != NULL)
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}

/* The lock this process writes, but for the date. */
static char *
expected_prefix (void)
{
  g_autofree char *name = escape (g_get_real_name ());
  g_autofree char *login = escape (g_get_user_name ());
  g_autofree char *host = escape (g_get_host_name ());

  return g_strdup_printf ("%s,%s,%s,", name, login, host);
}

static void
assert_our_lock (const char *path,
                 pid_t       pid)
{
  g_autofree char *contents = read_text (path);
  g_autofree char *prefix = expected_prefix ();
  g_autofree char *suffix = g_strdup_printf (",%d;", (int) pid);
  g_autofree char *date = NULL;

  g_assert_true (g_str_has_prefix (contents, prefix));
  g_assert_true (g_str_has_suffix (contents, suffix));
  date = g_strndup (contents + strlen (prefix),
                    strlen (contents) - strlen (prefix) - strlen (suffix));
  g_assert_true (g_regex_match_simple ("^[0-3][0-9]\\.[01][0-9]\\.[0-9]{4} [0-2][0-9]:[0-5][0-9]$",
                                       date, 0, 0));
}

static void
wait_child (pid_t pid,
            int  *status)
{
  while (waitpid (pid, status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
}

typedef struct
{
  pid_t pid;
  int   ready;   /* the child writes a byte there once it holds the lock */
  int   release; /* the child waits for a byte, or the end, there */
} Holder;

/* The holder's side: this program run again with --hold PATH locks the
 * file, says so on its standard output, and holds the lock until its
 * standard input ends. */
static int
hold (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DraftingFileLock *lock = drafting_file_lock_acquire (file, FALSE, NULL, NULL);
  char c = lock != NULL && drafting_file_lock_is_held (lock) ? 'y' : 'n';

  if (write (STDOUT_FILENO, &c, 1) != 1)
    return 2;
  while (read (STDIN_FILENO, &c, 1) < 0 && errno == EINTR)
    ;
  g_clear_object (&lock);
  drafting_file_lock_flush ();

  return 0;
}

/* Another process that locks @file and holds it until told, or killed:
 * this program run again, not a fork of this one, whose threads may hold
 * a lock of the allocator or of GLib's at the fork, and leave the child
 * waiting for it for ever. */
static void
holder_start (Holder *holder,
              GFile  *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { "/proc/self/exe", "--hold", path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  char c = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &holder->release, &holder->ready, NULL, &error);
  g_assert_no_error (error);
  holder->pid = pid;

  while (read (holder->ready, &c, 1) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_cmpint (c, ==, 'y');
}

static void
holder_kill (Holder *holder)
{
  int status;

  g_assert_no_errno (kill (holder->pid, SIGKILL));
  wait_child (holder->pid, &status);
  g_assert_true (WIFSIGNALED (status));
  close (holder->ready);
  close (holder->release);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_acquire (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_file_path = NULL;

  g_assert_null (drafting_file_lock_read (file));

  file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file_lock);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (file_lock));
  g_assert_true (drafting_file_lock_get_file (file_lock) == file);
  lock_file_path = g_file_get_path (drafting_file_lock_get_lock_file (file_lock));
  g_assert_cmpstr (lock_file_path, ==, lock);
  assert_our_lock (lock, getpid ());

  /* Read back, it is ours: nobody else holds it. */
  owner = drafting_file_lock_read (file);
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->name, ==, g_get_real_name ());
  g_assert_cmpstr (owner->login, ==, g_get_user_name ());
  g_assert_cmpstr (owner->host, ==, g_get_host_name ());
  g_assert_cmpint (owner->pid, ==, getpid ());
  g_assert_cmpuint (strlen (owner->date), ==, strlen ("23.11.2026 10:12"));
  g_assert_false (owner->stale);
  g_assert_true (G_TYPE_IS_BOXED (DRAFTING_TYPE_LOCK_OWNER));

  /* The last reference gone, the lock file goes, once its release has run. */
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_null (drafting_file_lock_read (file));

  /* Flushing with nothing to do returns at once. */
  drafting_file_lock_flush ();

  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_other_process (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "communique.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "communique.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(GError) error = NULL;
  Holder child;

  holder_start (&child, file);
  assert_our_lock (lock, child.pid);

  /* Held by a live process: the open stops, saying who. */
  file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_null (file_lock);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, g_get_real_name ()));
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->name, ==, g_get_real_name ());
  g_assert_cmpstr (holder->login, ==, g_get_user_name ());
  g_assert_cmpstr (holder->host, ==, g_get_host_name ());
  g_assert_cmpint (holder->pid, ==, child.pid);
  g_assert_false (holder->stale);
  g_clear_error (&error);

  /* The lock is left as it was. */
  assert_our_lock (lock, child.pid);
  owner = drafting_file_lock_read (file);
  g_assert_cmpint (owner->pid, ==, child.pid);
  g_assert_false (owner->stale);
  g_clear_pointer (&owner, drafting_lock_owner_free);

  /* Killed, it leaves a stale lock, taken over without a word. */
  holder_kill (&child);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  owner = drafting_file_lock_read (file);
  g_assert_cmpint (owner->pid, ==, child.pid);
  g_assert_true (owner->stale);

  g_clear_pointer (&holder, drafting_lock_owner_free);
  file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file_lock);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (file_lock));
  assert_our_lock (lock, getpid ());

  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

static void
test_release_not_ours (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *janes = "Jane Doe,jdoe,elsewhere.example.org,23.11.2026 10:12,4242;";

  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_file_lock_is_held (file_lock));

  /* Someone took it over meanwhile, with force: theirs is left alone. */
  write_text (lock, janes);
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  contents = read_text (lock);
  g_assert_cmpstr (contents, ==, janes);

  /* Gone meanwhile: nothing to do. */
  g_assert_no_errno (g_unlink (lock));
  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_unlink (lock));
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

static void
test_force (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *same_host = NULL;
  const char *locks[3];

  /* Another computer's; a live process here (init, started before the
   * lock was written); LibreOffice's, with its profile for a pid. */
  same_host = g_strdup_printf ("Jane Doe,jdoe,%s,23.11.2026 10:12,1;", g_get_host_name ());
  locks[0] = "Jane Doe,jdoe,elsewhere.example.org,23.11.2026 10:12,4242;";
  locks[1] = same_host;
  locks[2] = "Jane Doe,jdoe,elsewhere.example.org,23.11.2026 10:12,"
             "file:///home/jdoe/.config/libreoffice/4;";

  for (guint i = 0; i < G_N_ELEMENTS (locks); i++)
    {
      g_autoptr(DraftingFileLock) file_lock = NULL;
      g_autoptr(DraftingLockOwner) holder = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      if (i == 1 && kill (1, 0) != 0 && errno == ESRCH)
        continue;

      write_text (lock, locks[i]);

      file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
      g_assert_null (file_lock);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_assert_nonnull (strstr (error->message, "Jane Doe"));
      g_assert_nonnull (holder);
      g_assert_cmpstr (holder->name, ==, "Jane Doe");
      g_assert_cmpstr (holder->login, ==, "jdoe");
      g_assert_cmpstr (holder->date, ==, "23.11.2026 10:12");
      g_assert_cmpint (holder->pid, ==, i == 0 ? 4242 : i == 1 ? 1 : 0);
      g_assert_false (holder->stale);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_clear_pointer (&holder, drafting_lock_owner_free);

      contents = read_text (lock);
      g_assert_cmpstr (contents, ==, locks[i]);

      file_lock = drafting_file_lock_acquire (file, TRUE, &holder, &error);
      g_assert_no_error (error);
      g_assert_nonnull (file_lock);
      g_assert_null (holder);
      g_assert_true (drafting_file_lock_is_held (file_lock));
      assert_our_lock (lock, getpid ());

      g_clear_object (&file_lock);
      drafting_file_lock_flush ();
      g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    }

  drafting_test_remove_tree (dir);
}

static void
test_stale (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lock_file = g_file_new_for_path (lock);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;
  pid_t pid;

  /* A pid no process has. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  wait_child (pid, &status);

  text = g_strdup_printf ("Jane Doe,jdoe,%s,23.11.2026 10:12,%d;", g_get_host_name (), (int) pid);
  write_text (lock, text);
  owner = drafting_file_lock_read (file);
  g_assert_true (owner->stale);
  g_clear_pointer (&owner, drafting_lock_owner_free);

  file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (file_lock));
  assert_our_lock (lock, getpid ());
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();

  /* A pid running, but a process that began long after the lock was
   * written: the pid was reused (after a restart, most often). */
  {
    Holder child;
    g_autofree char *other = g_build_filename (dir, "other.wcodraft", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    holder_start (&child, other_file);
    g_clear_pointer (&text, g_free);
    text = g_strdup_printf ("Jane Doe,jdoe,%s,23.11.2026 10:12,%d;", g_get_host_name (),
                            (int) child.pid);
    write_text (lock, text);

    /* Written just now, it is the child's. */
    owner = drafting_file_lock_read (file);
    g_assert_false (owner->stale);
    g_clear_pointer (&owner, drafting_lock_owner_free);

    /* Written yesterday, it cannot be. */
    g_file_set_attribute_uint64 (lock_file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                 g_get_real_time () / G_USEC_PER_SEC - 24 * 3600,
                                 G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    owner = drafting_file_lock_read (file);
    g_assert_true (owner->stale);
    g_clear_pointer (&owner, drafting_lock_owner_free);

    file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
    g_assert_no_error (error);
    g_assert_null (holder);
    assert_our_lock (lock, getpid ());
    g_clear_object (&file_lock);
    drafting_file_lock_flush ();

    holder_kill (&child);
  }

  drafting_test_remove_tree (dir);
}

static void
test_garbage (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *garbage[] = {
    "",
    "no fields at all",
    "a,b,c,d;",
    "a,b,c,d,e,f;",
    "Jane Doe,jdoe,host,23.11.2026 10:12,4242",
  };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(DraftingFileLock) file_lock = NULL;
      g_autoptr(DraftingLockOwner) holder = NULL;
      g_autoptr(DraftingLockOwner) owner = NULL;
      g_autoptr(GError) error = NULL;

      write_text (lock, garbage[i]);

      /* Something stands in the way, and nothing says whose it is. */
      owner = drafting_file_lock_read (file);
      g_assert_nonnull (owner);
      g_assert_cmpstr (owner->name, ==, "");
      g_assert_cmpstr (owner->host, ==, "");
      g_assert_cmpint (owner->pid, ==, 0);
      g_assert_false (owner->stale);

      file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
      g_assert_null (file_lock);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_assert_nonnull (holder);
      g_clear_error (&error);

      file_lock = drafting_file_lock_acquire (file, TRUE, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (drafting_file_lock_is_held (file_lock));
      assert_our_lock (lock, getpid ());
      g_clear_object (&file_lock);
      drafting_file_lock_flush ();
    }

  drafting_test_remove_tree (dir);
}

static void
test_escaping (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(DraftingLockOwner) copy = NULL;

  write_text (lock, "Doe\\, Jane\\; Jr.,jd\\\\x,host\\,a,01.02.2026 03:04,77;trailing");
  owner = drafting_file_lock_read (file);
  g_assert_cmpstr (owner->name, ==, "Doe, Jane; Jr.");
  g_assert_cmpstr (owner->login, ==, "jd\\x");
  g_assert_cmpstr (owner->host, ==, "host,a");
  g_assert_cmpstr (owner->date, ==, "01.02.2026 03:04");
  g_assert_cmpint (owner->pid, ==, 77);
  g_assert_false (owner->stale);

  copy = drafting_lock_owner_copy (owner);
  g_assert_cmpstr (copy->name, ==, owner->name);
  g_assert_cmpint (copy->pid, ==, owner->pid);

  /* Not UTF-8: made so, to be shown. */
  g_clear_pointer (&owner, drafting_lock_owner_free);
  write_text (lock, "Jos\xe9,jose,host,01.02.2026 03:04,77;");
  owner = drafting_file_lock_read (file);
  g_assert_true (g_utf8_validate (owner->name, -1, NULL));
  g_assert_true (g_str_has_prefix (owner->name, "Jos"));

  drafting_test_remove_tree (dir);
}

static void
test_names (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  const char *names[] = {
    "Resolution, revised; final.wcodraft",
    "a\\b#c,d;e.wcodraft",
    ".hidden,.wcodraft",
    "Communiqué — 2026.wcodraft",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *lock = lock_path (dir, names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DraftingFileLock) file_lock = NULL;
      g_autoptr(DraftingLockOwner) owner = NULL;
      g_autoptr(GError) error = NULL;
      Holder child;

      write_text (path, "");
      file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (drafting_file_lock_is_held (file_lock));
      assert_our_lock (lock, getpid ());
      owner = drafting_file_lock_read (file);
      g_assert_cmpint (owner->pid, ==, getpid ());
      g_clear_object (&file_lock);
      drafting_file_lock_flush ();
      g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

      /* Held elsewhere, the same name is found. */
      holder_start (&child, file);
      file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
      g_assert_null (file_lock);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      holder_kill (&child);
      g_assert_no_errno (g_unlink (lock));
    }

  /* Nothing but the documents is left. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  }

  drafting_test_remove_tree (dir);
}

typedef enum
{
  CHILD_OK,
  CHILD_SETUP_FAILED,
  CHILD_NOT_EMPTY,
  CHILD_ERROR,
  CHILD_NOT_REFUSED,
  CHILD_WROTE,
} ChildResult;

/* In a folder no lock can be written in: a lock holding nothing, without
 * an error; but a live lock already there still stops the open. */
static ChildResult
acquire_read_only (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *held_path = g_build_filename (dir, "held.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) held = g_file_new_for_path (held_path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;

  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  if (error != NULL || file_lock == NULL)
    return CHILD_ERROR;
  if (drafting_file_lock_is_held (file_lock) ||
      drafting_file_lock_get_lock_file (file_lock) != NULL)
    return CHILD_NOT_EMPTY;
  if (g_file_test (lock, G_FILE_TEST_EXISTS))
    return CHILD_WROTE;
  g_clear_object (&file_lock);

  file_lock = drafting_file_lock_acquire (held, FALSE, &holder, &error);
  if (file_lock != NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
      holder == NULL || g_strcmp0 (holder->name, "Jane Doe") != 0)
    return CHILD_NOT_REFUSED;

  return CHILD_OK;
}

static void
test_read_only (void)
{
  g_autofree char *tmp = drafting_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "read-only", NULL);
  g_autofree char *held_lock = lock_path (dir, "held.wcodraft");
  ChildResult result;

  /* Under /proc nothing can be created. */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/resolution.wcodraft");
    g_autoptr(DraftingFileLock) file_lock = NULL;
    g_autoptr(GError) error = NULL;

    file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (file_lock);
    g_assert_false (drafting_file_lock_is_held (file_lock));
    g_assert_null (drafting_file_lock_get_lock_file (file_lock));
    g_assert_null (drafting_file_lock_read (file));
  }

  /* A folder with no parent has no place for a lock either. */
  {
    g_autoptr(GFile) root = g_file_new_for_path ("/");
    g_autoptr(DraftingFileLock) file_lock = drafting_file_lock_acquire (root, FALSE, NULL, NULL);

    g_assert_nonnull (file_lock);
    g_assert_false (drafting_file_lock_is_held (file_lock));
  }

  g_assert_no_errno (g_mkdir (dir, 0755));
  write_text (held_lock, "Jane Doe,jdoe,elsewhere.example.org,23.11.2026 10:12,4242;");
  g_assert_no_errno (g_chmod (dir, 0555));

  if (geteuid () == 0)
    {
      /* Root writes anywhere: try as nobody. */
      int status;
      pid_t pid;

      g_assert_no_errno (g_chmod (tmp, 0755));
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
            _exit (CHILD_SETUP_FAILED);
          _exit (acquire_read_only (dir));
        }
      wait_child (pid, &status);
      g_assert_true (WIFEXITED (status));
      result = WEXITSTATUS (status);
    }
  else
    result = acquire_read_only (dir);

  g_assert_cmpint (result, ==, CHILD_OK);

  g_assert_no_errno (g_chmod (dir, 0755));
  drafting_test_remove_tree (tmp);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static ino_t
inode_of (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_ino;
}

/* Opened twice in one process, a document is locked once. */
static void
test_same_process (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *path = g_build_filename (folder, "resolution.wcodraft", NULL);
  g_autofree char *linked_path = g_build_filename (link, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (folder, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) same = g_file_new_for_path (path);
  g_autoptr(GFile) linked = g_file_new_for_path (linked_path);
  g_autoptr(DraftingFileLock) first = NULL;
  g_autoptr(DraftingFileLock) second = NULL;
  g_autoptr(DraftingFileLock) third = NULL;
  g_autoptr(DraftingFileLock) forced = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  ino_t inode;

  g_assert_no_errno (g_mkdir (folder, 0755));
  g_assert_no_errno (symlink (folder, link));

  first = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_file_lock_is_held (first));
  contents = read_text (lock);
  inode = inode_of (lock);

  /* Again, by another name of the same file, and through a link to its
   * folder: the same lock, not a lock of its own taken over from it. */
  second = drafting_file_lock_acquire (same, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (second == first);
  third = drafting_file_lock_acquire (linked, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (third == first);
  forced = drafting_file_lock_acquire (file, TRUE, &holder, &error);
  g_assert_no_error (error);
  g_assert_true (forced == first);

  /* One lock file, the one written first, which says it is held. */
  g_assert_cmpuint (count_entries (folder), ==, 1);
  g_assert_cmpuint (inode_of (lock), ==, inode);
  owner = drafting_file_lock_read (file);
  g_assert_cmpint (owner->pid, ==, getpid ());
  g_assert_false (owner->stale);

  /* Closed in all but one place, it is still held. */
  g_clear_object (&second);
  g_clear_object (&third);
  g_clear_object (&forced);
  drafting_file_lock_flush ();
  g_assert_true (drafting_file_lock_is_held (first));
  after = read_text (lock);
  g_assert_cmpstr (after, ==, contents);
  g_assert_cmpuint (inode_of (lock), ==, inode);

  /* Closed in the last, it is gone. */
  g_clear_object (&first);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_null (drafting_file_lock_read (file));

  /* And taken anew when opened again. */
  first = drafting_file_lock_acquire (linked, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_file_lock_is_held (first));
  assert_our_lock (lock, getpid ());
  g_clear_object (&first);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

/* A lock with this process's pid: stale unless this process holds it. */
static void
test_own_pid (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingFileLock) again = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *contents = NULL;

  /* Left by an earlier process that had our pid: taken over. */
  earlier = g_strdup_printf ("Jane Doe,jdoe,%s,23.11.2026 10:12,%d;", g_get_host_name (),
                             (int) getpid ());
  write_text (lock, earlier);
  owner = drafting_file_lock_read (file);
  g_assert_cmpint (owner->pid, ==, getpid ());
  g_assert_true (owner->stale);
  g_clear_pointer (&owner, drafting_lock_owner_free);

  file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (file_lock));
  assert_our_lock (lock, getpid ());

  /* Held by this process, it is not stale, and not taken over: whatever
   * it says, opening the document again gives the lock held. */
  owner = drafting_file_lock_read (file);
  g_assert_false (owner->stale);
  g_clear_pointer (&owner, drafting_lock_owner_free);
  write_text (lock, earlier);
  owner = drafting_file_lock_read (file);
  g_assert_false (owner->stale);

  again = drafting_file_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_true (again == file_lock);
  contents = read_text (lock);
  g_assert_cmpstr (contents, ==, earlier);

  /* Not what this lock wrote: left alone when it goes. */
  g_clear_object (&again);
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_clear_pointer (&contents, g_free);
  contents = read_text (lock);
  g_assert_cmpstr (contents, ==, earlier);

  drafting_test_remove_tree (dir);
}

typedef struct
{
  GAsyncResult *result;
  GThread      *thread;
} Acquired;

static void
on_acquired (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Acquired *acquired = user_data;

  g_assert_null (object);
  g_assert_null (acquired->result);
  acquired->result = g_object_ref (result);
  acquired->thread = g_thread_self ();
}

static DraftingFileLock *
acquire_async (GFile               *file,
               gboolean             force,
               GCancellable        *cancellable,
               DraftingLockOwner  **holder,
               GError             **error)
{
  Acquired acquired = { NULL, NULL };
  DraftingFileLock *lock;

  drafting_file_lock_acquire_async (file, force, cancellable, on_acquired, &acquired);
  while (acquired.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The callback runs in the caller's thread. */
  g_assert_true (acquired.thread == g_thread_self ());

  lock = drafting_file_lock_acquire_finish (acquired.result, holder, error);
  g_object_unref (acquired.result);

  return lock;
}

static void
test_async (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *held_path = g_build_filename (dir, "held.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autofree char *held_lock = lock_path (dir, "held.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) held = g_file_new_for_path (held_path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(DraftingFileLock) again = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;
  const char *janes = "Jane Doe,jdoe,elsewhere.example.org,23.11.2026 10:12,4242;";

  file_lock = acquire_async (file, FALSE, NULL, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (file_lock));
  assert_our_lock (lock, getpid ());

  again = acquire_async (file, FALSE, NULL, &holder, &error);
  g_assert_no_error (error);
  g_assert_true (again == file_lock);
  g_clear_object (&again);

  /* Someone else's, live: who holds it. */
  write_text (held_lock, janes);
  again = acquire_async (held, FALSE, NULL, &holder, &error);
  g_assert_null (again);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Jane Doe"));
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->name, ==, "Jane Doe");
  g_assert_cmpstr (holder->host, ==, "elsewhere.example.org");
  g_assert_cmpint (holder->pid, ==, 4242);
  g_assert_false (holder->stale);
  g_clear_error (&error);
  g_clear_pointer (&holder, drafting_lock_owner_free);

  /* Taken with force. */
  again = acquire_async (held, TRUE, NULL, &holder, &error);
  g_assert_no_error (error);
  g_assert_null (holder);
  g_assert_true (drafting_file_lock_is_held (again));
  assert_our_lock (held_lock, getpid ());
  g_clear_object (&again);

  /* Where no lock can be written, a lock holding nothing. */
  {
    g_autoptr(GFile) proc = g_file_new_for_path ("/proc/self/resolution.wcodraft");

    again = acquire_async (proc, FALSE, NULL, &holder, &error);
    g_assert_no_error (error);
    g_assert_null (holder);
    g_assert_nonnull (again);
    g_assert_false (drafting_file_lock_is_held (again));
    g_assert_null (drafting_file_lock_get_lock_file (again));
    g_clear_object (&again);
  }

  /* Cancelled before its turn: nothing written. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *other_path = g_build_filename (dir, "other.wcodraft", NULL);
    g_autofree char *other_lock = lock_path (dir, "other.wcodraft");
    g_autoptr(GFile) other = g_file_new_for_path (other_path);

    g_cancellable_cancel (cancellable);
    again = acquire_async (other, FALSE, cancellable, &holder, &error);
    g_assert_null (again);
    g_assert_null (holder);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    drafting_file_lock_flush ();
    g_assert_false (g_file_test (other_lock, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (held_lock, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean holding;
  gboolean open;
} Gate;

/* Holds the thread of the lock files until the gate opens. */
static void
hold_worker (gpointer data)
{
  Gate *gate = data;

  g_mutex_lock (&gate->mutex);
  gate->holding = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->mutex);
  gate->holding = FALSE;
  g_mutex_unlock (&gate->mutex);
}

static void
gate_close (Gate *gate)
{
  gate->open = FALSE;
  _drafting_file_lock_queue_call (hold_worker, gate);

  g_mutex_lock (&gate->mutex);
  while (!gate->holding)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

static gpointer
unref_in_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

/* The last reference going touches no file: the release waits its turn on
 * the thread of the lock files. */
static void
test_release_queued (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(GError) error = NULL;
  Acquired acquired = { NULL, NULL };
  Gate gate;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);

  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_file_lock_is_held (file_lock));

  /* With the thread held, the lock file stays after the last reference. */
  gate_close (&gate);
  g_clear_object (&file_lock);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  assert_our_lock (lock, getpid ());

  /* Its turn come, it goes. */
  gate_open (&gate);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* Locked again while the release waits its turn: the release, running
   * first, takes nothing from the new lock. */
  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  gate_close (&gate);
  g_clear_object (&file_lock);
  drafting_file_lock_acquire_async (file, FALSE, NULL, on_acquired, &acquired);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  gate_open (&gate);
  while (acquired.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  file_lock = drafting_file_lock_acquire_finish (acquired.result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&acquired.result);
  drafting_file_lock_flush ();
  g_assert_true (drafting_file_lock_is_held (file_lock));
  assert_our_lock (lock, getpid ());

  /* Released from another thread, the same. */
  {
    GThread *thread;

    gate_close (&gate);
    thread = g_thread_new ("release", unref_in_thread, g_steal_pointer (&file_lock));
    g_thread_join (thread);
    g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
    gate_open (&gate);
    drafting_file_lock_flush ();
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }

  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
  drafting_test_remove_tree (dir);
}

/* A child of fork() holds none of its parent's locks. */
static void
test_fork (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autofree char *other_lock = lock_path (dir, "other.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(DraftingFileLock) file_lock = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(DraftingLockOwner) holder = NULL;
      DraftingFileLock *child_lock;

      /* The parent's: held by someone else. */
      child_lock = drafting_file_lock_acquire (file, FALSE, &holder, NULL);
      if (child_lock != NULL || holder == NULL || holder->pid != getppid ())
        _exit (1);

      /* One of its own, released as it goes. */
      child_lock = drafting_file_lock_acquire (other, FALSE, NULL, NULL);
      if (child_lock == NULL || !drafting_file_lock_is_held (child_lock) ||
          !g_file_test (other_lock, G_FILE_TEST_EXISTS))
        _exit (2);
      g_object_unref (child_lock);
      drafting_file_lock_flush ();
      if (g_file_test (other_lock, G_FILE_TEST_EXISTS))
        _exit (3);

      _exit (0);
    }

  wait_child (pid, &status);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  assert_our_lock (lock, getpid ());
  g_clear_object (&file_lock);
  drafting_file_lock_flush ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

/* Something named as a lock that is no file: it stands in the way, and
 * reading it does not wait (a pipe would hold the thread for ever). */
static void
test_not_a_file (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autofree char *lock = lock_path (dir, "resolution.wcodraft");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DraftingFileLock) file_lock = NULL;
      g_autoptr(DraftingLockOwner) holder = NULL;
      g_autoptr(DraftingLockOwner) owner = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 0)
        g_assert_no_errno (mkfifo (lock, 0644));
      else
        g_assert_no_errno (g_mkdir (lock, 0755));

      owner = drafting_file_lock_read (file);
      g_assert_nonnull (owner);
      g_assert_cmpstr (owner->name, ==, "");
      g_assert_false (owner->stale);

      file_lock = drafting_file_lock_acquire (file, FALSE, &holder, &error);
      g_assert_null (file_lock);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_assert_nonnull (holder);
      g_assert_cmpstr (holder->name, ==, "");
      g_clear_error (&error);

      /* Forced, the document opens, locked by nothing. */
      file_lock = drafting_file_lock_acquire (file, TRUE, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (file_lock);
      g_assert_false (drafting_file_lock_is_held (file_lock));
      g_clear_object (&file_lock);
      drafting_file_lock_flush ();

      g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
      if (i == 0)
        g_assert_no_errno (g_unlink (lock));
      else
        g_assert_no_errno (g_rmdir (lock));
    }

  drafting_test_remove_tree (dir);
}

static void
assert_unknown_owner (const DraftingLockOwner *owner)
{
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->name, ==, "");
  g_assert_cmpstr (owner->login, ==, "");
  g_assert_cmpstr (owner->host, ==, "");
  g_assert_cmpstr (owner->date, ==, "");
  g_assert_cmpint (owner->pid, ==, 0);
  g_assert_false (owner->stale);
}

static void
assert_valid_owner (const DraftingLockOwner *owner)
{
  g_assert_nonnull (owner);
  g_assert_true (g_utf8_validate (owner->name, -1, NULL));
  g_assert_true (g_utf8_validate (owner->login, -1, NULL));
  g_assert_true (g_utf8_validate (owner->host, -1, NULL));
  g_assert_true (g_utf8_validate (owner->date, -1, NULL));
  g_assert_cmpint (owner->pid, >=, 0);
  g_assert_false (owner->stale);
}

/* The reader of lock files, on whatever bytes. */
static void
test_parse (void)
{
  static const char whole[] = "Jane Doe,jdoe,host,23.11.2026 10:12,4242;";
  g_autoptr(DraftingLockOwner) owner = NULL;

  owner = _drafting_lock_owner_parse (whole, strlen (whole));
  g_assert_cmpstr (owner->name, ==, "Jane Doe");
  g_assert_cmpstr (owner->login, ==, "jdoe");
  g_assert_cmpstr (owner->host, ==, "host");
  g_assert_cmpstr (owner->date, ==, "23.11.2026 10:12");
  g_assert_cmpint (owner->pid, ==, 4242);
  g_assert_false (owner->stale);
  g_clear_pointer (&owner, drafting_lock_owner_free);

  owner = _drafting_lock_owner_parse (NULL, 0);
  assert_unknown_owner (owner);
  g_clear_pointer (&owner, drafting_lock_owner_free);

  /* Truncated anywhere: not a lock. */
  for (gsize len = 0; len < strlen (whole); len++)
    {
      g_autofree char *copy = g_strndup (whole, len);

      owner = _drafting_lock_owner_parse (copy, len);
      assert_unknown_owner (owner);
      g_clear_pointer (&owner, drafting_lock_owner_free);
    }

  /* Oversized: what lies past the first line's end, or past the most a
   * lock file is read of, is not looked at. */
  {
    gsize size = 1024 * 1024;
    g_autofree char *big = g_malloc (size);

    memset (big, 'x', size);
    memcpy (big, whole, strlen (whole));
    owner = _drafting_lock_owner_parse (big, size);
    g_assert_cmpstr (owner->name, ==, "Jane Doe");
    g_assert_cmpint (owner->pid, ==, 4242);
    g_clear_pointer (&owner, drafting_lock_owner_free);

    memcpy (big + size - strlen (whole), whole, strlen (whole));
    memcpy (big, "a,b,c,d,", strlen ("a,b,c,d,"));
    owner = _drafting_lock_owner_parse (big, size);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);

    /* A field just short of the limit is still read. */
    memset (big, 'n', DRAFTING_LOCK_MAX_SIZE);
    memcpy (big + DRAFTING_LOCK_MAX_SIZE - strlen (",l,h,d,7;"), ",l,h,d,7;",
            strlen (",l,h,d,7;"));
    owner = _drafting_lock_owner_parse (big, size);
    g_assert_cmpuint (strlen (owner->name), ==, DRAFTING_LOCK_MAX_SIZE - strlen (",l,h,d,7;"));
    g_assert_cmpint (owner->pid, ==, 7);
    g_clear_pointer (&owner, drafting_lock_owner_free);
    owner = _drafting_lock_owner_parse (big, DRAFTING_LOCK_MAX_SIZE - 1);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);
  }

  /* Binary: NUL bytes, escaped or not, make no lock. */
  {
    static const char with_nul[] = "Jane\0Doe,jdoe,host,date,1;";
    static const char escaped_nul[] = "Jane\\\0Doe,jdoe,host,date,1;";
    static const char trailing_escape[] = "a,b,c,d,1\\";
    guint8 all[256];

    owner = _drafting_lock_owner_parse (with_nul, sizeof with_nul - 1);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);
    owner = _drafting_lock_owner_parse (escaped_nul, sizeof escaped_nul - 1);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);
    owner = _drafting_lock_owner_parse (trailing_escape, sizeof trailing_escape - 1);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      all[i] = (guint8) i;
    owner = _drafting_lock_owner_parse ((const char *) all, sizeof all);
    assert_unknown_owner (owner);
    g_clear_pointer (&owner, drafting_lock_owner_free);
  }

  /* Not UTF-8: made so. */
  {
    static const char invalid[] = "\xff\xfe,\xc0\x80,h\xe9te,\xed\xa0\x80,12;";

    owner = _drafting_lock_owner_parse (invalid, sizeof invalid - 1);
    assert_valid_owner (owner);
    g_assert_cmpint (owner->pid, ==, 12);
    g_assert_true (g_str_has_prefix (owner->host, "h"));
    g_clear_pointer (&owner, drafting_lock_owner_free);
  }

  /* Pids that are none. */
  {
    const char *pids[] = { "0", "-1", "99999999999", "+5", " 5", "5x", "", "file:///x" };

    for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
      {
        g_autofree char *text = g_strdup_printf ("a,b,c,d,%s;", pids[i]);

        owner = _drafting_lock_owner_parse (text, strlen (text));
        g_assert_cmpstr (owner->name, ==, "a");
        g_assert_cmpint (owner->pid, ==, 0);
        g_clear_pointer (&owner, drafting_lock_owner_free);
      }
  }

  /* Random bytes, and random bytes of the lock's own alphabet. */
  for (guint round = 0; round < 2000; round++)
    {
      static const char alphabet[] = ",;\\a\xc3\xa9\xff\n0123456789";
      gsize len = (gsize) g_test_rand_int_range (0, 200);
      g_autofree char *data = g_malloc (len + 1);

      for (gsize i = 0; i < len; i++)
        data[i] = round % 2 ? (char) g_test_rand_int_range (0, 256)
                            : alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];

      owner = _drafting_lock_owner_parse (data, len);
      assert_valid_owner (owner);
      g_clear_pointer (&owner, drafting_lock_owner_free);
    }
}

/* Several processes at once: only one may hold the lock. */
static void
test_race (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution.wcodraft", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint round = 0; round < 10; round++)
    {
      pid_t pids[6];
      int go[2];
      guint held = 0;

      g_assert_no_errno (pipe (go));
      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          pids[i] = fork ();
          g_assert_cmpint (pids[i], >=, 0);
          if (pids[i] == 0)
            {
              DraftingFileLock *lock;
              char c;

              close (go[1]);
              while (read (go[0], &c, 1) < 0 && errno == EINTR)
                ;
              lock = drafting_file_lock_acquire (file, FALSE, NULL, NULL);
              /* Hold it a while, as a window does. */
              g_usleep (200 * 1000);
              _exit (lock != NULL && drafting_file_lock_is_held (lock) ? 1 : 0);
            }
        }
      close (go[0]);
      close (go[1]);

      for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
        {
          int status;

          wait_child (pids[i], &status);
          g_assert_true (WIFEXITED (status));
          held += WEXITSTATUS (status);
        }
      g_assert_cmpuint (held, ==, 1);

      /* Its holder gone, the lock is stale. */
      {
        g_autoptr(DraftingFileLock) lock = drafting_file_lock_acquire (file, FALSE, NULL, NULL);

        g_assert_nonnull (lock);
        g_assert_true (drafting_file_lock_is_held (lock));
      }
      drafting_file_lock_flush ();
    }

  drafting_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--hold") == 0)
    {
      drafting_core_init ();
      return hold (argv[2]);
    }

  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/lock/acquire", test_acquire);
  g_test_add_func ("/lock/other-process", test_other_process);
  g_test_add_func ("/lock/release-not-ours", test_release_not_ours);
  g_test_add_func ("/lock/force", test_force);
  g_test_add_func ("/lock/stale", test_stale);
  g_test_add_func ("/lock/garbage", test_garbage);
  g_test_add_func ("/lock/escaping", test_escaping);
  g_test_add_func ("/lock/names", test_names);
  g_test_add_func ("/lock/read-only", test_read_only);
  g_test_add_func ("/lock/race", test_race);
  g_test_add_func ("/lock/same-process", test_same_process);
  g_test_add_func ("/lock/own-pid", test_own_pid);
  g_test_add_func ("/lock/async", test_async);
  g_test_add_func ("/lock/release-queued", test_release_queued);
  g_test_add_func ("/lock/fork", test_fork);
  g_test_add_func ("/lock/not-a-file", test_not_a_file);
  g_test_add_func ("/lock/parse", test_parse);

  return g_test_run ();
}
