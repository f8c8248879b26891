/* test-drafts.c: the drafts that keep unsaved work through a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "drafting-draft-store-private.h"
#include "drafting-test-utils.h"

#define INFO_SUFFIX ".info"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
draft_path (const char *dir,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static GKeyFile *
load_info (const char *dir,
           const char *id)
{
  g_autofree char *path = draft_path (dir, id, INFO_SUFFIX);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&keyfile);
}

static void
save_info (const char *dir,
           const char *id,
           GKeyFile   *keyfile)
{
  g_autofree char *path = draft_path (dir, id, INFO_SUFFIX);
  g_autoptr(GError) error = NULL;

  g_key_file_save_to_file (keyfile, path, &error);
  g_assert_no_error (error);
}

static void
set_owner_key (const char *dir,
               const char *id,
               const char *key,
               const char *value)
{
  g_autoptr(GKeyFile) keyfile = load_info (dir, id);

  g_key_file_set_string (keyfile, "Owner", key, value);
  save_info (dir, id, keyfile);
}

/* A pid no process has: that of a child that has ended. */
static pid_t
dead_pid (void)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  return pid;
}

static void
make_orphan (const char *dir,
             const char *id)
{
  g_autofree char *pid = g_strdup_printf ("%d", (int) dead_pid ());

  set_owner_key (dir, id, "Pid", pid);
}

static const DraftingDraftInfo *
find_info (GPtrArray  *infos,
           const char *id)
{
  for (guint i = 0; i < infos->len; i++)
    {
      const DraftingDraftInfo *info = g_ptr_array_index (infos, i);

      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }

  return NULL;
}

static void
assert_same_document (DraftingDocument *a,
                      DraftingDocument *b)
{
  g_autoptr(GBytes) bytes_a = drafting_test_save_bytes (a);
  g_autoptr(GBytes) bytes_b = drafting_test_save_bytes (b);

  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static char *
save_draft (DraftingDraftStore *store,
            const char         *id,
            DraftingDocument   *document,
            GFile              *original,
            const char         *title)
{
  g_autoptr(GError) error = NULL;
  char *saved = drafting_draft_store_save (store, id, document, original, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (drafting_draft_store_is_valid_id (saved));
  if (id != NULL)
    g_assert_cmpstr (saved, ==, id);

  return saved;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_save_list_own (void)
{
  g_autofree char *tmp = drafting_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "data", "drafts", NULL);
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) resolution = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                        NULL);
  g_autoptr(DraftingDocument) communique = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                        NULL);
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/resolutions/e-commerce.wcodraft");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_autofree char *boot_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *host = NULL;

  g_assert_cmpstr (drafting_draft_store_get_directory (store), ==, dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* Listing does not create the folder. */
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);

  first = save_draft (store, NULL, resolution, original, "E-commerce resolution");
  second = save_draft (store, NULL, communique, NULL, "Communiqué, “draft”; v2\nsecond line");
  g_assert_cmpstr (first, !=, second);
  again = save_draft (store, first, resolution, original, "E-commerce resolution");

  assert_mode (dir, 0700);
  path = draft_path (dir, first, DRAFTING_NATIVE_EXTENSION);
  assert_mode (path, 0600);
  g_clear_pointer (&path, g_free);
  path = draft_path (dir, first, INFO_SUFFIX);
  assert_mode (path, 0600);
  g_assert_cmpuint (count_files (dir), ==, 4);

  /* What the key file says of the owner. */
  keyfile = load_info (dir, first);
  uri = g_key_file_get_string (keyfile, "Draft", "Original", NULL);
  g_assert_cmpstr (uri, ==, "file:///srv/resolutions/e-commerce.wcodraft");
  g_assert_cmpint (g_key_file_get_int64 (keyfile, "Owner", "Pid", NULL), ==, getpid ());
  host = g_key_file_get_string (keyfile, "Owner", "Host", NULL);
  g_assert_cmpstr (host, ==, g_get_host_name ());
  g_assert_true (g_key_file_has_key (keyfile, "Owner", "StartTime", NULL));
  if (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot_id, NULL, NULL))
    {
      g_autofree char *recorded = g_key_file_get_string (keyfile, "Owner", "BootId", NULL);

      g_assert_cmpstr (recorded, ==, g_strstrip (boot_id));
    }

  /* Our own drafts are not orphans. */
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 4);

  drafting_test_remove_tree (tmp);
}

static void
test_default_directory (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "org.wco.drafting",
                                                "drafts", NULL);
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (NULL);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autofree char *id = NULL;

  g_assert_cmpstr (g_get_user_data_dir (), ==, g_getenv ("XDG_DATA_HOME"));
  g_assert_cmpstr (drafting_draft_store_get_directory (store), ==, expected);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  id = save_draft (store, NULL, document, NULL, NULL);
  assert_mode (expected, 0700);
  g_assert_true (drafting_draft_store_discard (store, id, NULL));
  g_assert_cmpuint (count_files (expected), ==, 0);
}

static void
test_save_unwritable (void)
{
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new ("/proc/drafting-test/drafts");
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = drafting_draft_store_save (store, NULL, document, NULL, "Title", &error);
  g_assert_null (id);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

static void
test_orphan_dead_pid (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_path = NULL;
  const DraftingDraftInfo *info;
  char id[64] = { 0 };
  gssize n;
  int fds[2];
  int status;
  pid_t pid;
  GStatBuf st;

  /* Unsaved changes, as a window has them. */
  drafting_document_set_title (document, "Cross-border e-commerce (unsaved)");
  g_assert_true (drafting_document_get_modified (document));

  g_assert_no_errno (pipe (fds));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(DraftingDraftStore) child_store = drafting_draft_store_new (dir);
      g_autoptr(GFile) original = g_file_new_for_path ("/srv/e-commerce.wcodraft");
      g_autofree char *child_id = NULL;

      close (fds[0]);
      child_id = drafting_draft_store_save (child_store, NULL, document, original,
                                            "E-commerce", NULL);
      if (child_id == NULL || write (fds[1], child_id, strlen (child_id)) < 0)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  while ((n = read (fds[0], id, sizeof id - 1)) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (drafting_draft_store_is_valid_id (id));

  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 1);
  info = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "E-commerce");
  g_assert_cmpstr (info->uri, ==, "file:///srv/e-commerce.wcodraft");
  g_assert_nonnull (info->modified);
  doc_path = draft_path (dir, id, DRAFTING_NATIVE_EXTENSION);
  g_assert_no_errno (g_stat (doc_path, &st));
  g_assert_cmpint (info->size, ==, st.st_size);

  /* A copy of the info is a copy. */
  {
    g_autoptr(DraftingDraftInfo) copy = drafting_draft_info_copy (info);

    g_assert_cmpstr (copy->id, ==, info->id);
    g_assert_cmpstr (copy->title, ==, info->title);
    g_assert_true (g_date_time_equal (copy->modified, info->modified));
    g_assert_true (G_TYPE_IS_BOXED (DRAFTING_TYPE_DRAFT_INFO));
  }

  loaded = drafting_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (drafting_document_get_modified (loaded));
  g_assert_cmpstr (drafting_document_get_title (loaded), ==, "Cross-border e-commerce (unsaved)");
  assert_same_document (document, loaded);

  /* Adopted, it is ours: no longer an orphan, its title and file kept. */
  g_assert_true (drafting_draft_store_adopt (store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  keyfile = load_info (dir, id);
  g_assert_cmpint (g_key_file_get_int64 (keyfile, "Owner", "Pid", NULL), ==, getpid ());
  {
    g_autofree char *title = g_key_file_get_string (keyfile, "Draft", "Title", NULL);
    g_autofree char *uri = g_key_file_get_string (keyfile, "Draft", "Original", NULL);

    g_assert_cmpstr (title, ==, "E-commerce");
    g_assert_cmpstr (uri, ==, "file:///srv/e-commerce.wcodraft");
  }

  g_assert_true (drafting_draft_store_discard (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  drafting_test_remove_tree (dir);
}

static void
test_orphan_start_time (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Communiqué");
  g_autofree char *other = NULL;
  guint64 start_time;

  /* Our pid, running, but a process that started at another time: a pid
   * reused after the owner died. */
  keyfile = load_info (dir, id);
  start_time = g_key_file_get_uint64 (keyfile, "Owner", "StartTime", NULL);
  g_assert_cmpuint (start_time, >, 0);
  other = g_strdup_printf ("%" G_GUINT64_FORMAT, start_time + 4321);
  set_owner_key (dir, id, "StartTime", other);

  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_nonnull (find_info (orphans, id));
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* A pid that is running, another's (the parent of this test). */
  {
    g_autofree char *pid = g_strdup_printf ("%d", (int) getppid ());

    set_owner_key (dir, id, "Pid", pid);
    orphans = drafting_draft_store_list_orphans (store);
    g_assert_cmpuint (orphans->len, ==, 1);
    g_clear_pointer (&orphans, g_ptr_array_unref);
  }

  /* The same without a start time recorded (another system): alive. */
  keyfile = load_info (dir, id);
  g_key_file_remove_key (keyfile, "Owner", "StartTime", NULL);
  save_info (dir, id, keyfile);
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* Nonsense pids are not alive, and never reach kill(). */
  for (guint i = 0; i < 4; i++)
    {
      const char *pids[] = { "0", "-1", "99999999999", "twelve" };

      set_owner_key (dir, id, "Pid", pids[i]);
      orphans = drafting_draft_store_list_orphans (store);
      g_assert_cmpuint (orphans->len, ==, 1);
      g_clear_pointer (&orphans, g_ptr_array_unref);
    }

  drafting_test_remove_tree (dir);
}

static void
test_orphan_boot_id (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DraftingDraftStore) store = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *id = NULL;

  if (!g_file_test ("/proc/sys/kernel/random/boot_id", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no boot id here");
      return;
    }

  dir = drafting_test_make_tmpdir ();
  store = drafting_draft_store_new (dir);
  document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  id = save_draft (store, NULL, document, NULL, "Communiqué");

  /* Our very pid and start time, but in another boot. */
  set_owner_key (dir, id, "BootId", "00000000-1111-4222-8333-444444444444");
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_nonnull (find_info (orphans, id));

  drafting_test_remove_tree (dir);
}

static void
test_orphan_other_host (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -30);
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Communiqué");
  g_autofree char *modified = NULL;

  /* Written lately on another computer sharing the folder: its own. */
  make_orphan (dir, id);
  set_owner_key (dir, id, "Host", "elsewhere.example.org");
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* Not written for more than a day: abandoned. */
  keyfile = load_info (dir, id);
  modified = g_date_time_format_iso8601 (then);
  g_key_file_set_string (keyfile, "Draft", "Modified", modified);
  save_info (dir, id, keyfile);
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (g_date_time_equal (((DraftingDraftInfo *) orphans->pdata[0])->modified, then));

  drafting_test_remove_tree (dir);
}

static void
test_orphans_sorted (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const int ages[] = { 5, 1, 30, 3 };
  char *ids[G_N_ELEMENTS (ages)];

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (now, -ages[i]);
      g_autofree char *modified = g_date_time_format_iso8601 (when);
      g_autoptr(GKeyFile) keyfile = NULL;

      ids[i] = save_draft (store, NULL, document, NULL, "Communiqué");
      make_orphan (dir, ids[i]);
      keyfile = load_info (dir, ids[i]);
      g_key_file_set_string (keyfile, "Draft", "Modified", modified);
      save_info (dir, ids[i], keyfile);
    }

  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 4);
  g_assert_cmpstr (((DraftingDraftInfo *) orphans->pdata[0])->id, ==, ids[1]);
  g_assert_cmpstr (((DraftingDraftInfo *) orphans->pdata[1])->id, ==, ids[3]);
  g_assert_cmpstr (((DraftingDraftInfo *) orphans->pdata[2])->id, ==, ids[0]);
  g_assert_cmpstr (((DraftingDraftInfo *) orphans->pdata[3])->id, ==, ids[2]);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  drafting_test_remove_tree (dir);
}

static void
test_discard (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Communiqué");
  g_autofree char *other = save_draft (store, NULL, document, NULL, "Another");
  g_autofree char *stray = NULL;
  g_autofree char *name = NULL;

  /* What a save killed half-way leaves. */
  name = g_strconcat (id, DRAFTING_NATIVE_EXTENSION ".AB12CD", NULL);
  stray = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (stray, "<doc", -1, NULL));
  g_assert_cmpuint (count_files (dir), ==, 5);

  g_assert_true (drafting_draft_store_discard (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));

  /* Gone already: not an error. */
  g_assert_true (drafting_draft_store_discard (store, id, &error));
  g_assert_no_error (error);

  /* The other is untouched, and loads. */
  {
    g_autoptr(DraftingDocument) loaded = drafting_draft_store_load (store, other, &error);

    g_assert_no_error (error);
    assert_same_document (document, loaded);
  }

  /* A discarded draft does not load. */
  {
    g_autoptr(DraftingDocument) loaded = drafting_draft_store_load (store, id, &error);

    g_assert_null (loaded);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (drafting_draft_store_adopt (store, id, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  drafting_test_remove_tree (dir);
}

static void
test_missing_key_file (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
  g_autofree char *info_path = draft_path (dir, id, INFO_SUFFIX);
  const DraftingDraftInfo *info;

  g_assert_no_errno (g_unlink (info_path));

  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 1);
  info = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "Untitled draft");
  g_assert_null (info->uri);
  g_assert_nonnull (info->modified);
  g_assert_cmpint (info->size, >, 0);

  loaded = drafting_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_document_get_modified (loaded));
  assert_same_document (document, loaded);

  /* Adopting writes a key file anew. */
  g_assert_true (drafting_draft_store_adopt (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);

  drafting_test_remove_tree (dir);
}

static void
test_broken_key_file (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
  g_autofree char *info_path = draft_path (dir, id, INFO_SUFFIX);
  const char *broken[] = {
    "",
    "this is not a key file\n\x01\x02",
    "[Draft]\nTitle=Resolution\n",                  /* no owner */
    "[Owner]\nPid=1\nHost=x\n",                     /* no draft */
    "[Draft]\xff\xfe\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      const DraftingDraftInfo *info;

      g_assert_true (g_file_set_contents (info_path, broken[i], -1, NULL));
      orphans = drafting_draft_store_list_orphans (store);
      g_assert_cmpuint (orphans->len, ==, 1);
      info = g_ptr_array_index (orphans, 0);
      g_assert_cmpstr (info->id, ==, id);
      g_assert_nonnull (info->title);
      g_assert_nonnull (info->modified);
      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_no_error (error);
      assert_same_document (document, loaded);
      g_clear_pointer (&orphans, g_ptr_array_unref);
    }

  drafting_test_remove_tree (dir);
}

static void
test_corrupt_document (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
  g_autofree char *doc_path = draft_path (dir, id, DRAFTING_NATIVE_EXTENSION);
  static const char truncated[] =
    "<?xml version=\"1.0\"?>\n<document version=\"1.0\" xmlns=\"http://wco.org/ns/drafting/1\">";
  static const char binary[] = "\x00\x01\x02 not a document";
  const struct { const char *data; gssize len; } corrupt[] = {
    { "", 0 },
    { truncated, sizeof truncated - 1 },
    { binary, sizeof binary - 1 },
  };

  make_orphan (dir, id);

  for (guint i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GPtrArray) orphans = NULL;
      g_autoptr(GError) error = NULL;
      const DraftingDraftInfo *info;

      g_assert_true (g_file_set_contents (doc_path, corrupt[i].data, corrupt[i].len, NULL));

      /* Listed with what the key file says... */
      orphans = drafting_draft_store_list_orphans (store);
      g_assert_cmpuint (orphans->len, ==, 1);
      info = g_ptr_array_index (orphans, 0);
      g_assert_cmpstr (info->id, ==, id);
      g_assert_cmpstr (info->title, ==, "Resolution");

      /* ...and loading it says what is wrong. */
      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_assert_true (error->domain == DRAFTING_ERROR);
      g_test_message ("%s", error->message);
    }

  /* It can still be discarded. */
  g_assert_true (drafting_draft_store_discard (store, id, NULL));
  g_assert_cmpuint (count_files (dir), ==, 0);

  drafting_test_remove_tree (dir);
}

static void
test_key_file_alone (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
  g_autofree char *doc_path = draft_path (dir, id, DRAFTING_NATIVE_EXTENSION);
  g_autofree char *info_path = draft_path (dir, id, INFO_SUFFIX);

  /* A draft its live owner is creating or discarding: left alone. */
  g_assert_no_errno (g_unlink (doc_path));
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* Its owner dead, there is nothing to recover: cleared away. */
  make_orphan (dir, id);
  orphans = drafting_draft_store_list_orphans (store);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  drafting_test_remove_tree (dir);
}

static void
test_hostile_ids (void)
{
  g_autofree char *tmp = drafting_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "drafts", NULL);
  g_autofree char *victim = g_build_filename (tmp, "victim" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autofree char *victim_info = g_build_filename (tmp, "victim" INFO_SUFFIX, NULL);
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GBytes) victim_bytes = drafting_test_save_bytes (document);
  g_autoptr(GPtrArray) hostile = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = g_uuid_string_random ();
  const char *literal[] = {
    "", ".", "..", "../victim", "/etc/passwd", "a/b", "victim", "..\\victim",
    "../../../../../../../../tmp/x", "%2e%2e%2fvictim", "-rf",
    "00000000-0000-0000-0000-00000000000/",
    "../00000000-0000-0000-0000-0000000000",
    "00000000-0000-0000-0000-000000000000\n",
    "00000000-0000-0000-0000-0000000000000",
    "0000000-00000-0000-0000-000000000000",
    "g0000000-0000-0000-0000-000000000000",
    "00000000-0000-0000-0000-00000000000\xc3\xa9",
    "ABCDEF01-2345-4678-89AB-CDEF01234567",
  };
  char *slashed;

  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    g_ptr_array_add (hostile, g_strdup (literal[i]));
  slashed = g_strdup (valid);
  slashed[8] = '/';
  g_ptr_array_add (hostile, slashed);
  g_ptr_array_add (hostile, g_strconcat (valid, "/../../victim", NULL));
  g_ptr_array_add (hostile, g_strconcat ("../", valid, NULL));
  g_ptr_array_add (hostile, g_strconcat (valid, DRAFTING_NATIVE_EXTENSION, NULL));

  g_assert_true (g_file_set_contents (victim, g_bytes_get_data (victim_bytes, NULL),
                                      g_bytes_get_size (victim_bytes), NULL));
  g_assert_true (g_file_set_contents (victim_info, "[Draft]\n", -1, NULL));

  for (guint i = 0; i < hostile->len; i++)
    {
      const char *id = g_ptr_array_index (hostile, i);
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *saved = NULL;

      g_assert_false (drafting_draft_store_is_valid_id (id));

      saved = drafting_draft_store_save (store, id, document, NULL, "Title", &error);
      g_assert_null (saved);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_null (loaded);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_false (drafting_draft_store_discard (store, id, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_false (drafting_draft_store_adopt (store, id, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_assert_true (drafting_draft_store_is_valid_id (valid));

  /* Nothing was written, nor removed, anywhere. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (victim, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (victim_info, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (tmp), ==, 2);

  /* Files in the folder whose names are not drafts are ignored. */
  {
    g_autoptr(GPtrArray) orphans = NULL;
    g_autofree char *other = NULL;
    g_autofree char *id = save_draft (store, NULL, document, NULL, "Title");

    g_assert_true (drafting_draft_store_discard (store, id, NULL));
    other = g_build_filename (dir, "notes" DRAFTING_NATIVE_EXTENSION, NULL);
    g_assert_true (g_file_set_contents (other, "x", -1, NULL));
    orphans = drafting_draft_store_list_orphans (store);
    g_assert_cmpuint (orphans->len, ==, 0);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  drafting_test_remove_tree (tmp);
}

/* Saves drafts for ever, a few saves each, then a new one. */
G_GNUC_NORETURN static void
save_forever (const char       *dir,
              DraftingDocument *first,
              DraftingDocument *second)
{
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autofree char *id = NULL;

  for (guint i = 0; ; i++)
    {
      char *saved;

      if (i % 3 == 0)
        g_clear_pointer (&id, g_free);

      saved = drafting_draft_store_save (store, id, i % 2 ? second : first, NULL,
                                         i % 2 ? "Second" : "First", NULL);
      if (saved == NULL)
        _exit (1);
      g_free (id);
      id = saved;
    }
}

static void
test_atomic (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) first = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                   NULL);
  g_autoptr(DraftingDocument) second = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                    NULL);
  g_autoptr(GBytes) first_bytes = drafting_test_save_bytes (first);
  g_autoptr(GBytes) second_bytes = drafting_test_save_bytes (second);
  guint n_listed = 0;
  gint64 save_time;

  /* How long a save takes, to kill the next ones at every stage. */
  {
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *id = save_draft (store, NULL, first, NULL, "First");

        g_assert_true (drafting_draft_store_discard (store, id, NULL));
      }
    save_time = MAX ((g_get_monotonic_time () - start) / 5, 200);
  }

  for (guint round = 0; round < 30; round++)
    {
      g_autoptr(GPtrArray) orphans = NULL;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        save_forever (dir, first, second);

      /* From at once to several saves later. */
      g_usleep ((round * 7 % 30) * save_time * 6 / 30);
      g_assert_no_errno (kill (pid, SIGKILL));
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      g_assert_true (WIFSIGNALED (status));

      /* Every draft listed is whole: one version or the other. */
      orphans = drafting_draft_store_list_orphans (store);
      for (guint i = 0; i < orphans->len; i++)
        {
          const DraftingDraftInfo *info = g_ptr_array_index (orphans, i);
          g_autoptr(DraftingDocument) loaded = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;

          loaded = drafting_draft_store_load (store, info->id, &error);
          g_assert_no_error (error);
          g_assert_nonnull (loaded);
          g_assert_true (drafting_document_get_modified (loaded));
          bytes = drafting_test_save_bytes (loaded);
          g_assert_true (g_bytes_equal (bytes, first_bytes) ||
                         g_bytes_equal (bytes, second_bytes));
          /* A kill between the two files leaves the key file of the save
           * before: its title may be the other one's. */
          g_assert_true (g_str_equal (info->title, "First") ||
                         g_str_equal (info->title, "Second"));
          n_listed++;

          g_assert_true (drafting_draft_store_discard (store, info->id, NULL));
        }
    }

  g_test_message ("a save took %" G_GINT64_FORMAT " µs; %u drafts were recovered whole, "
                  "%u files left", save_time, n_listed, count_files (dir));
  g_assert_cmpuint (n_listed, >, 0);

  drafting_test_remove_tree (dir);
}

typedef struct
{
  guint      pending;
  GPtrArray *ids;
  GPtrArray *errors;
} AsyncState;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;
  GError *error = NULL;
  char *id = drafting_draft_store_save_finish (DRAFTING_DRAFT_STORE (object), result, &error);

  g_assert_true ((id == NULL) != (error == NULL));
  if (id != NULL)
    g_ptr_array_add (state->ids, id);
  else
    g_ptr_array_add (state->errors, error);
  state->pending--;
}

static void
async_state_init (AsyncState *state)
{
  state->pending = 0;
  state->ids = g_ptr_array_new_with_free_func (g_free);
  state->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static void
async_state_wait (AsyncState *state)
{
  while (state->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
async_state_clear (AsyncState *state)
{
  g_clear_pointer (&state->ids, g_ptr_array_unref);
  g_clear_pointer (&state->errors, g_ptr_array_unref);
}

static void
test_async_order (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/e-commerce.wcodraft");
  g_autofree char *id = save_draft (store, NULL, document, original, "Resolution");
  AsyncState state;

  async_state_init (&state);

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;

      /* Typing goes on while the saves run: the last one asked for wins,
       * whatever the order the threads run in. */
      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *title = g_strdup_printf ("Round %u, save %u", round, i);

          drafting_document_set_title (document, title);
          state.pending++;
          drafting_draft_store_save_async (store, id, document, original, title, NULL,
                                           on_saved, &state);
        }
      async_state_wait (&state);
      g_assert_cmpuint (state.errors->len, ==, 0);
      for (guint i = 0; i < state.ids->len; i++)
        g_assert_cmpstr (g_ptr_array_index (state.ids, i), ==, id);
      g_ptr_array_set_size (state.ids, 0);

      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_no_error (error);
      assert_same_document (document, loaded);
      g_assert_cmpstr (drafting_document_get_title (loaded), ==,
                       drafting_document_get_title (document));
    }

  /* A new draft gets its id. */
  state.pending++;
  drafting_draft_store_save_async (store, NULL, document, NULL, NULL, NULL, on_saved, &state);
  async_state_wait (&state);
  g_assert_cmpuint (state.ids->len, ==, 1);
  g_assert_true (drafting_draft_store_is_valid_id (g_ptr_array_index (state.ids, 0)));
  g_assert_cmpstr (g_ptr_array_index (state.ids, 0), !=, id);
  g_assert_cmpuint (count_files (dir), ==, 4);

  /* A hostile id fails in the callback. */
  state.pending++;
  drafting_draft_store_save_async (store, "../escape", document, NULL, NULL, NULL,
                                   on_saved, &state);
  async_state_wait (&state);
  g_assert_cmpuint (state.errors->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (state.errors, 0),
                  G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  async_state_clear (&state);
  drafting_test_remove_tree (dir);
}

static void
test_async_discard (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  AsyncState state;

  async_state_init (&state);

  /* The document saved, its draft discarded while an autosave still runs:
   * the autosave must not bring the draft back. */
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 3; i++)
        {
          state.pending++;
          drafting_draft_store_save_async (store, id, document, NULL, "Resolution", NULL,
                                           on_saved, &state);
        }
      if (round % 2)
        g_usleep (round * 1000);
      g_assert_true (drafting_draft_store_discard (store, id, &error));
      g_assert_no_error (error);
      async_state_wait (&state);

      g_assert_cmpuint (state.errors->len, ==, 0);
      g_assert_cmpuint (state.ids->len, ==, 3);
      g_ptr_array_set_size (state.ids, 0);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }

  async_state_clear (&state);
  drafting_test_remove_tree (dir);
}

static void
on_discarded (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;
  GError *error = NULL;

  if (drafting_draft_store_discard_finish (DRAFTING_DRAFT_STORE (object), result, &error))
    g_ptr_array_add (state->ids, g_strdup ("discarded"));
  else
    g_ptr_array_add (state->errors, error);
  state->pending--;
}

/* The window's way: the discard in a thread too, while the autosaves run. */
static void
test_async_discard_racing (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  AsyncState state;

  async_state_init (&state);

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");

      for (guint i = 0; i < 3; i++)
        {
          state.pending++;
          drafting_draft_store_save_async (store, id, document, NULL, "Resolution", NULL,
                                           on_saved, &state);
        }

      /* From before any save has begun to while one is being written. */
      g_usleep ((round % 5) * 1000);
      state.pending++;
      drafting_draft_store_discard_async (store, id, NULL, on_discarded, &state);
      async_state_wait (&state);

      g_assert_cmpuint (state.errors->len, ==, 0);
      g_assert_cmpuint (state.ids->len, ==, 4);
      g_ptr_array_set_size (state.ids, 0);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }

  /* A save asked for after the discard is not lost to it. */
  {
    g_autofree char *id = save_draft (store, NULL, document, NULL, "Resolution");
    g_autoptr(DraftingDocument) loaded = NULL;
    g_autoptr(GError) error = NULL;

    state.pending += 2;
    drafting_draft_store_discard_async (store, id, NULL, on_discarded, &state);
    drafting_draft_store_save_async (store, id, document, NULL, "Again", NULL, on_saved, &state);
    async_state_wait (&state);
    g_assert_cmpuint (state.errors->len, ==, 0);
    loaded = drafting_draft_store_load (store, id, &error);
    g_assert_no_error (error);
    assert_same_document (document, loaded);
    g_assert_true (drafting_draft_store_discard (store, id, NULL));
  }

  async_state_clear (&state);
  drafting_test_remove_tree (dir);
}

static void
on_result (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Every operation of the window's, in a thread. */
static void
test_async_operations (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/e-commerce.wcodraft");
  g_autofree char *id = save_draft (store, NULL, document, original, "E-commerce");
  const DraftingDraftInfo *info;

  make_orphan (dir, id);

  /* Listed... */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) orphans = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_list_orphans_async (store, NULL, on_result, &result);
    orphans = drafting_draft_store_list_orphans_finish (store, wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (orphans->len, ==, 1);
    info = g_ptr_array_index (orphans, 0);
    g_assert_cmpstr (info->id, ==, id);
    g_assert_cmpstr (info->title, ==, "E-commerce");
    g_assert_cmpstr (info->uri, ==, "file:///srv/e-commerce.wcodraft");
    g_assert_cmpint (info->size, >, 0);
  }

  /* ...loaded... */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(DraftingDocument) loaded = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_load_async (store, id, NULL, on_result, &result);
    loaded = drafting_draft_store_load_finish (store, wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_true (drafting_document_get_modified (loaded));
    assert_same_document (document, loaded);
  }

  /* ...adopted: no longer an orphan... */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) listed = NULL;
    g_autoptr(GPtrArray) orphans = NULL;
    g_autoptr(GKeyFile) keyfile = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_adopt_async (store, id, NULL, on_result, &result);
    g_assert_true (drafting_draft_store_adopt_finish (store, wait_result (&result), &error));
    g_assert_no_error (error);
    keyfile = load_info (dir, id);
    g_assert_cmpint (g_key_file_get_int64 (keyfile, "Owner", "Pid", NULL), ==, getpid ());

    drafting_draft_store_list_orphans_async (store, NULL, on_result, &listed);
    orphans = drafting_draft_store_list_orphans_finish (store, wait_result (&listed), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (orphans->len, ==, 0);
  }

  /* ...and discarded. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_discard_async (store, id, NULL, on_result, &result);
    g_assert_true (drafting_draft_store_discard_finish (store, wait_result (&result), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_files (dir), ==, 0);
  }

  /* Gone, it neither loads nor is adopted. */
  {
    g_autoptr(GAsyncResult) loaded = NULL;
    g_autoptr(GAsyncResult) adopted = NULL;
    g_autoptr(DraftingDocument) document_loaded = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_load_async (store, id, NULL, on_result, &loaded);
    document_loaded = drafting_draft_store_load_finish (store, wait_result (&loaded), &error);
    g_assert_null (document_loaded);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);

    drafting_draft_store_adopt_async (store, id, NULL, on_result, &adopted);
    g_assert_false (drafting_draft_store_adopt_finish (store, wait_result (&adopted), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }

  /* A hostile id fails in the callback, touching nothing. */
  {
    g_autoptr(GAsyncResult) loaded = NULL;
    g_autoptr(GAsyncResult) adopted = NULL;
    g_autoptr(GAsyncResult) discarded = NULL;
    g_autoptr(DraftingDocument) document_loaded = NULL;
    g_autoptr(GError) error = NULL;

    drafting_draft_store_load_async (store, "../victim", NULL, on_result, &loaded);
    document_loaded = drafting_draft_store_load_finish (store, wait_result (&loaded), &error);
    g_assert_null (document_loaded);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);

    drafting_draft_store_adopt_async (store, "../victim", NULL, on_result, &adopted);
    g_assert_false (drafting_draft_store_adopt_finish (store, wait_result (&adopted), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);

    drafting_draft_store_discard_async (store, "../victim", NULL, on_result, &discarded);
    g_assert_false (drafting_draft_store_discard_finish (store, wait_result (&discarded),
                                                         &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }

  /* Cancelled before they run: nothing done. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) listed = NULL;
    g_autoptr(GAsyncResult) saved = NULL;
    g_autoptr(GPtrArray) orphans = NULL;
    g_autofree char *saved_id = NULL;
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    drafting_draft_store_list_orphans_async (store, cancellable, on_result, &listed);
    orphans = drafting_draft_store_list_orphans_finish (store, wait_result (&listed), &error);
    g_assert_null (orphans);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);

    drafting_draft_store_save_async (store, NULL, document, NULL, NULL, cancellable, on_result,
                                     &saved);
    saved_id = drafting_draft_store_save_finish (store, wait_result (&saved), &error);
    g_assert_null (saved_id);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (count_files (dir), ==, 0);
  }

  drafting_test_remove_tree (dir);
}

/* What is saved is the document as it was when the save was asked for,
 * however it changes while the thread writes it. */
static void
test_async_snapshot (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  AsyncState state;

  async_state_init (&state);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *before_title = g_strdup_printf ("Before %u", round);
      g_autofree char *after_title = g_strdup_printf ("After %u", round);
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      const char *id;

      drafting_document_set_title (document, before_title);
      before = drafting_test_save_bytes (document);

      state.pending++;
      drafting_draft_store_save_async (store, NULL, document, NULL, "Snapshot", NULL, on_saved,
                                       &state);
      drafting_document_set_title (document, after_title);
      async_state_wait (&state);
      g_assert_cmpuint (state.errors->len, ==, 0);
      id = g_ptr_array_index (state.ids, 0);

      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (drafting_document_get_title (loaded), ==, before_title);
      drafting_document_set_modified (loaded, FALSE);
      saved = drafting_test_save_bytes (loaded);
      g_assert_true (g_bytes_equal (saved, before));

      g_assert_true (drafting_draft_store_discard (store, id, NULL));
      g_ptr_array_set_size (state.ids, 0);
    }

  async_state_clear (&state);
  drafting_test_remove_tree (dir);
}

typedef enum
{
  CHILD_SAVED = 10,
  CHILD_FAILED,
  CHILD_FAILED_SILENTLY,
  CHILD_SETUP_FAILED,
} ChildResult;

typedef struct
{
  const char       *dir;
  const char       *id;
  DraftingDocument *document;
  gboolean          drop_privileges;
  rlim_t            file_size_limit;
} SaveJob;

/* Saves a draft in a child process, as nobody or with a file size limit,
 * and says how that went: the exit status, and on @fd the error's domain,
 * code and message, one a line. */
static ChildResult
save_in_child (SaveJob *job,
               int      fd)
{
  g_autoptr(DraftingDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *report = NULL;

  if (job->drop_privileges &&
      (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    return CHILD_SETUP_FAILED;

  if (job->file_size_limit > 0)
    {
      struct rlimit limit = { job->file_size_limit, job->file_size_limit };

      /* The write fails with EFBIG instead of the signal killing us. */
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        return CHILD_SETUP_FAILED;
    }

  store = drafting_draft_store_new (job->dir);
  if ((id = drafting_draft_store_save (store, job->id, job->document, NULL, "Title", &error)))
    return CHILD_SAVED;
  if (error == NULL)
    return CHILD_FAILED_SILENTLY;

  report = g_strdup_printf ("%s\n%d\n%s", g_quark_to_string (error->domain), error->code,
                            error->message);
  if (write (fd, report, strlen (report)) != (gssize) strlen (report))
    return CHILD_SETUP_FAILED;

  return CHILD_FAILED;
}

/* The error a save in a child process met: %NULL when it saved. */
static GError *
run_save_in_child (SaveJob *job)
{
  g_autoptr(GString) said = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buf[512];
  int fds[2];
  int status;
  gssize n;
  pid_t pid;

  g_assert_no_errno (pipe (fds));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      _exit (save_in_child (job, fds[1]));
    }

  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (said, buf, n);
    }
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == CHILD_SAVED)
    return NULL;
  g_assert_cmpint (WEXITSTATUS (status), ==, CHILD_FAILED);

  lines = g_strsplit (said->str, "\n", 3);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  return g_error_new_literal (g_quark_from_string (lines[0]), atoi (lines[1]), lines[2]);
}

/* Said in a person's words: no file named, least of all a temporary one. */
static void
assert_plain_message (const GError *error,
                      const char   *dir,
                      const char   *id)
{
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strstr (error->message, dir));
  g_assert_null (strstr (error->message, DRAFTING_NATIVE_EXTENSION));
  g_assert_null (strstr (error->message, INFO_SUFFIX));
  if (id != NULL)
    g_assert_null (strstr (error->message, id));
}

/* The disk fills up half-way through a draft. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) old =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt",
                                                                      NULL);
  g_autoptr(GBytes) old_bytes = drafting_test_save_bytes (old);
  g_autoptr(GBytes) new_bytes = drafting_test_save_bytes (document);
  g_autofree char *id = save_draft (store, NULL, old, NULL, "Old");
  SaveJob job = { dir, id, document, FALSE, 8 * 1024 };

  g_assert_cmpuint (g_bytes_get_size (old_bytes), <, job.file_size_limit);
  g_assert_cmpuint (g_bytes_get_size (new_bytes), >, 2 * job.file_size_limit);

  /* Over a draft, and as a new one. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GBytes) loaded_bytes = NULL;
      g_autoptr(GError) error = NULL;

      job.id = i == 0 ? id : NULL;
      error = run_save_in_child (&job);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_plain_message (error, dir, id);
      g_clear_error (&error);

      /* The draft before is whole, and nothing else is left. */
      g_assert_cmpuint (count_files (dir), ==, 2);
      loaded = drafting_draft_store_load (store, id, &error);
      g_assert_no_error (error);
      drafting_document_set_modified (loaded, FALSE);
      loaded_bytes = drafting_test_save_bytes (loaded);
      g_assert_true (g_bytes_equal (loaded_bytes, old_bytes));
    }

  drafting_test_remove_tree (dir);
}

/* No draft written, and why, plainly: nowhere to put the folder of
 * drafts, or no permission to write there. */
static void
test_save_refused (void)
{
  g_autofree char *tmp = drafting_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (tmp, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "drafts", NULL);
  g_autofree char *closed = g_build_filename (tmp, "closed", NULL);
  g_autofree char *under_closed = g_build_filename (closed, "drafts", NULL);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  AsyncState state;

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  async_state_init (&state);

  /* A file where the folder should be, or one of its parents. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (i == 0 ? file : under_file);
      GError *error;

      state.pending++;
      drafting_draft_store_save_async (store, NULL, document, NULL, NULL, NULL, on_saved, &state);
      async_state_wait (&state);
      g_assert_cmpuint (state.errors->len, ==, 1);
      error = g_ptr_array_index (state.errors, 0);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
      assert_plain_message (error, tmp, NULL);
      g_ptr_array_set_size (state.errors, 0);
    }

  /* A folder that cannot be written: as nobody, if need be. */
  g_assert_no_errno (g_mkdir (closed, 0755));
  g_assert_no_errno (g_chmod (tmp, 0755));
  for (guint i = 0; i < 2; i++)
    {
      SaveJob job = { i == 0 ? under_closed : closed, NULL, document, geteuid () == 0, 0 };
      g_autoptr(GError) error = NULL;

      if (!job.drop_privileges)
        g_assert_no_errno (g_chmod (closed, 0555));

      error = run_save_in_child (&job);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_plain_message (error, tmp, NULL);
      g_assert_cmpuint (count_files (closed), ==, 0);
      g_assert_no_errno (g_chmod (closed, 0755));
    }

  async_state_clear (&state);
  drafting_test_remove_tree (tmp);
}

static void
assert_valid_info (const DraftingDraftInfo *info,
                   const char              *id)
{
  if (info == NULL)
    return;

  g_assert_cmpstr (info->id, ==, id);
  g_assert_nonnull (info->title);
  g_assert_true (g_utf8_validate (info->title, -1, NULL));
  g_assert_true (info->uri == NULL || g_uri_is_valid (info->uri, G_URI_FLAGS_NONE, NULL));
  g_assert_cmpint (info->size, ==, 0);
}

/* The reader of key files, on whatever bytes. */
static void
test_info_parse (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autoptr(DraftingDraftStore) store = drafting_draft_store_new (dir);
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt",
                                                                      NULL);
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/communiqué.wcodraft");
  g_autofree char *id = save_draft (store, NULL, document, original, "Communiqué");
  g_autofree char *path = draft_path (dir, id, INFO_SUFFIX);
  g_autofree char *whole = NULL;
  gsize whole_len;
  gboolean alive;

  g_assert_true (g_file_get_contents (path, &whole, &whole_len, NULL));

  /* As the store writes it: our own. */
  {
    g_autoptr(DraftingDraftInfo) info = _drafting_draft_info_parse (id, whole, whole_len, &alive);

    g_assert_nonnull (info);
    g_assert_true (alive);
    g_assert_cmpstr (info->id, ==, id);
    g_assert_cmpstr (info->title, ==, "Communiqué");
    g_assert_cmpstr (info->uri, ==, "file:///srv/communiqu%C3%A9.wcodraft");
    g_assert_nonnull (info->modified);
    g_assert_cmpint (info->size, ==, 0);
  }

  /* Nothing. */
  g_assert_null (_drafting_draft_info_parse (id, NULL, 0, &alive));
  g_assert_false (alive);
  g_assert_null (_drafting_draft_info_parse (id, "", 0, NULL));

  /* Truncated anywhere: whatever is left is read, or nothing. */
  for (gsize len = 0; len < whole_len; len++)
    {
      g_autoptr(DraftingDraftInfo) info = _drafting_draft_info_parse (id, whole, len, &alive);

      assert_valid_info (info, id);
      if (info == NULL)
        g_assert_false (alive);
    }

  /* Oversized: not read at all, however it begins. */
  {
    gsize size = DRAFTING_DRAFT_INFO_MAX_SIZE + 1;
    g_autofree char *big = g_malloc (size);

    memset (big, '#', size);
    memcpy (big, whole, whole_len);
    big[whole_len] = '\n';
    g_assert_null (_drafting_draft_info_parse (id, big, size, &alive));
    g_assert_false (alive);

    /* At the limit, it is. */
    {
      g_autoptr(DraftingDraftInfo) info = _drafting_draft_info_parse (id, big, size - 1, NULL);

      g_assert_nonnull (info);
      g_assert_cmpstr (info->title, ==, "Communiqué");
    }
  }

  /* Binary: a NUL byte is in no key file. */
  {
    g_autofree char *with_nul = g_memdup2 (whole, whole_len);

    with_nul[whole_len / 2] = '\0';
    g_assert_null (_drafting_draft_info_parse (id, with_nul, whole_len, &alive));
    g_assert_false (alive);
  }

  /* Invalid UTF-8, and an original that is no URI: left out. */
  {
    static const char invalid[] =
      "[Draft]\nVersion=1\nTitle=Comm\xff\xfeuniqu\xc3\n"
      "Original=not a URI at all\nModified=2026-13-45T99:00:00Z\n"
      "[Owner]\nPid=\xff\nHost=\xc0\x80\nStartTime=-1\nBootId=\xed\xa0\x80\n";
    g_autoptr(DraftingDraftInfo) info = NULL;

    info = _drafting_draft_info_parse (id, invalid, sizeof invalid - 1, &alive);
    g_assert_nonnull (info);
    g_assert_false (alive);
    g_assert_cmpstr (info->title, ==, "Untitled draft");
    g_assert_null (info->uri);
    g_assert_null (info->modified);
  }

  /* An unknown escape, and a backslash at the end: GLib's reader would
   * set its error twice and warn; the value is taken for none. */
  {
    static const char escapes[] =
      "[Draft]\nVersion=1\nTitle=Comm\\q uniqu\\\nModified=2026\\x-01\\\n"
      "[Owner]\nHost=a\\qb\\\nBootId=\\z\\\n";
    g_autoptr(DraftingDraftInfo) info = NULL;

    info = _drafting_draft_info_parse (id, escapes, sizeof escapes - 1, &alive);
    g_assert_nonnull (info);
    g_assert_false (alive);
    g_assert_cmpstr (info->title, ==, "Untitled draft");
    g_assert_null (info->modified);
  }

  /* No group of a draft's: not a draft's key file. */
  {
    static const char no_draft[] = "[Owner]\nPid=1\nHost=x\n";

    g_assert_null (_drafting_draft_info_parse (id, no_draft, sizeof no_draft - 1, &alive));
    g_assert_false (alive);
  }

  /* Random bytes, and random lines of a key file's alphabet. */
  for (guint round = 0; round < 2000; round++)
    {
      static const char *pieces[] = {
        "[Draft]\n", "[Owner]\n", "Title=", "Original=", "Modified=", "Pid=", "Host=",
        "StartTime=", "BootId=", "file:///x", "2026-01-01T00:00:00Z", "\\", "\\s", "\n", "=",
        "\xff", "\xc3\xa9", "[", "]", "#", ";", "99999999999999999999", "-", "0",
      };
      g_autoptr(GString) data = g_string_new (NULL);
      g_autoptr(DraftingDraftInfo) info = NULL;
      guint n = (guint) g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        {
          if (round % 2)
            g_string_append_c (data, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (data, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }

      info = _drafting_draft_info_parse (id, data->str, data->len, &alive);
      assert_valid_info (info, id);
    }

  drafting_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* The default folder of drafts goes under a data folder of the test's. */
  data_home = drafting_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/drafts/save/list-own", test_save_list_own);
  g_test_add_func ("/drafts/save/default-directory", test_default_directory);
  g_test_add_func ("/drafts/save/unwritable", test_save_unwritable);
  g_test_add_func ("/drafts/orphan/dead-pid", test_orphan_dead_pid);
  g_test_add_func ("/drafts/orphan/start-time", test_orphan_start_time);
  g_test_add_func ("/drafts/orphan/boot-id", test_orphan_boot_id);
  g_test_add_func ("/drafts/orphan/other-host", test_orphan_other_host);
  g_test_add_func ("/drafts/orphan/sorted", test_orphans_sorted);
  g_test_add_func ("/drafts/discard", test_discard);
  g_test_add_func ("/drafts/broken/missing-key-file", test_missing_key_file);
  g_test_add_func ("/drafts/broken/key-file", test_broken_key_file);
  g_test_add_func ("/drafts/broken/document", test_corrupt_document);
  g_test_add_func ("/drafts/broken/key-file-alone", test_key_file_alone);
  g_test_add_func ("/drafts/hostile/ids", test_hostile_ids);
  g_test_add_func ("/drafts/atomic", test_atomic);
  g_test_add_func ("/drafts/async/order", test_async_order);
  g_test_add_func ("/drafts/async/discard", test_async_discard);
  g_test_add_func ("/drafts/async/discard-racing", test_async_discard_racing);
  g_test_add_func ("/drafts/async/operations", test_async_operations);
  g_test_add_func ("/drafts/async/snapshot", test_async_snapshot);
  g_test_add_func ("/drafts/save/disk-full", test_save_disk_full);
  g_test_add_func ("/drafts/save/refused", test_save_refused);
  g_test_add_func ("/drafts/info/parse", test_info_parse);

  status = g_test_run ();
  drafting_test_remove_tree (data_home);

  return status;
}
