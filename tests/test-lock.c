/* test-lock.c: the lock files that say who has a document open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

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

/* A child process that locks @file and holds it until told, or killed. */
static void
holder_start (Holder *holder,
              GFile  *file)
{
  int ready[2], release[2];
  char c = 0;

  g_assert_no_errno (pipe (ready));
  g_assert_no_errno (pipe (release));

  holder->pid = fork ();
  g_assert_cmpint (holder->pid, >=, 0);
  if (holder->pid == 0)
    {
      DraftingFileLock *lock;

      close (ready[0]);
      close (release[1]);
      lock = drafting_file_lock_acquire (file, FALSE, NULL, NULL);
      c = lock != NULL && drafting_file_lock_is_held (lock) ? 'y' : 'n';
      if (write (ready[1], &c, 1) != 1)
        _exit (2);
      while (read (release[0], &c, 1) < 0 && errno == EINTR)
        ;
      if (lock != NULL)
        drafting_file_lock_release (lock);
      _exit (0);
    }

  close (ready[1]);
  close (release[0]);
  holder->ready = ready[0];
  holder->release = release[1];

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
  g_assert_true (owner->stale);
  g_assert_true (G_TYPE_IS_BOXED (DRAFTING_TYPE_LOCK_OWNER));

  drafting_file_lock_release (file_lock);
  g_assert_false (drafting_file_lock_is_held (file_lock));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_null (drafting_file_lock_read (file));

  /* Twice is harmless. */
  drafting_file_lock_release (file_lock);

  /* Finalizing releases it too. */
  g_clear_object (&file_lock);
  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&file_lock);
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

  drafting_file_lock_release (file_lock);
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

  /* Someone took it over meanwhile, with force. */
  write_text (lock, janes);
  drafting_file_lock_release (file_lock);
  contents = read_text (lock);
  g_assert_cmpstr (contents, ==, janes);
  g_clear_object (&file_lock);
  g_clear_pointer (&contents, g_free);
  contents = read_text (lock);
  g_assert_cmpstr (contents, ==, janes);

  /* Gone meanwhile: nothing to do. */
  g_assert_no_errno (g_unlink (lock));
  file_lock = drafting_file_lock_acquire (file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_unlink (lock));
  drafting_file_lock_release (file_lock);
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
  drafting_file_lock_release (file_lock);
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
    }

  drafting_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

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

  return g_test_run ();
}
