/* test-drafts.c: the drafts that keep unsaved work through a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

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
  g_autoptr(GBytes) bytes_a = drafting_native_save_bytes (a);
  g_autoptr(GBytes) bytes_b = drafting_native_save_bytes (b);

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
  g_autoptr(GBytes) victim_bytes = drafting_native_save_bytes (document);
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
  g_autoptr(GBytes) first_bytes = drafting_native_save_bytes (first);
  g_autoptr(GBytes) second_bytes = drafting_native_save_bytes (second);
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
          bytes = drafting_native_save_bytes (loaded);
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

  status = g_test_run ();
  drafting_test_remove_tree (data_home);

  return status;
}
