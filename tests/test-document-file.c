/* test-document-file.c: a document and its file: nothing overwritten, nothing lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

#define WAIT_TIMEOUT_S 20

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct
{
  DraftingTestFiles   files;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_files_set_up (&fixture->files, "ecommerce-resolution.wcodraft");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_files_tear_down (&fixture->files);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Turns the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (ms, on_timeout, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

/* Turns the main loop until @property of @object is @value (an int or
 * enum), or the time is up. */
static gboolean
wait_property (gpointer    object,
               const char *property,
               int         value)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  for (;;)
    {
      GValue v = G_VALUE_INIT;
      int now;

      g_value_init (&v, G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
                          G_OBJECT_GET_CLASS (object), property)));
      g_object_get_property (object, property, &v);
      now = G_VALUE_HOLDS_ENUM (&v) ? g_value_get_enum (&v)
          : G_VALUE_HOLDS_BOOLEAN (&v) ? g_value_get_boolean (&v)
          : g_value_get_boxed (&v) != NULL;
      g_value_unset (&v);

      if (now == value)
        return TRUE;
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static DraftingDocumentFile *
load (GFile              *file,
      DraftingDraftStore *store,
      DraftingLoadFlags   flags,
      DraftingLockOwner **holder,
      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  drafting_document_file_load_async (file, store, flags, NULL, drafting_test_on_result, &result);
  return drafting_document_file_load_finish (drafting_test_wait_result (&result), NULL, holder, error);
}

static gboolean
save (DraftingDocumentFile  *document_file,
      GFile                 *file,
      DraftingSaveFlags      flags,
      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  drafting_document_file_save_async (document_file, file, flags, NULL, drafting_test_on_result, &result);
  return drafting_document_file_save_finish (document_file, drafting_test_wait_result (&result), error);
}

static char *
read_contents (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

/* Another program writes @path, as an editor that replaces it would. */
static void
write_as_someone_else (const char *path,
                       const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
type_words (DraftingDocumentFile *document_file,
            const char           *words)
{
  DraftingDocument *document = drafting_document_file_get_document (document_file);
  g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), 0);

  g_assert_true (drafting_kind_has_text (drafting_node_get_kind (node)));
  drafting_document_replace_text (document, node, 0, 0, words);
  g_assert_true (drafting_document_get_modified (document));
}

static char *list_drafts (DraftingDraftStore *store);

/* Turns the main loop until the store holds a draft, or none. */
static gboolean
wait_drafts (DraftingDraftStore *store,
             gboolean            present)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *drafts = list_drafts (store);

      if ((strstr (drafts, DRAFTING_NATIVE_EXTENSION) != NULL) == present)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  return FALSE;
}

static char *
list_drafts (DraftingDraftStore *store)
{
  g_autoptr(GDir) dir = g_dir_open (drafting_draft_store_get_directory (store), 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* ------------------------------------------------------------------ */
/* Read-only                                                           */

/* A document opened read-only (someone else has it open for editing) is
 * never saved over its file, whatever is asked; it can be saved under
 * another name, and is then the new file's, for editing. */
static void
test_read_only_never_saved_over (Fixture       *fixture,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autofree char *before = read_contents (fixture->files.path);
  g_autofree char *other_path = g_build_filename (fixture->files.dir, "copy" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_document_file_get_read_only (document_file));
  type_words (document_file, "Words typed in a read-only copy ");

  g_assert_false (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_OPENED_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (save (document_file, NULL, DRAFTING_SAVE_OVERWRITE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_OPENED_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (save (document_file, fixture->files.file, DRAFTING_SAVE_OVERWRITE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_OPENED_READ_ONLY);
  g_clear_error (&error);

  after = read_contents (fixture->files.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (drafting_document_get_modified (drafting_document_file_get_document (document_file)));

  /* Saved elsewhere, it is that file's. */
  g_assert_true (save (document_file, other, DRAFTING_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (drafting_document_file_get_read_only (document_file));
  g_assert_true (g_file_equal (drafting_document_file_get_file (document_file), other));
  g_assert_true (drafting_document_file_lookup (other) == document_file);
  g_assert_null (drafting_document_file_lookup (fixture->files.file));
  g_clear_pointer (&after, g_free);
  after = read_contents (other_path);
  g_assert_nonnull (strstr (after, "Words typed in a read-only copy"));

  drafting_document_file_close (document_file);
}

/* ------------------------------------------------------------------ */
/* Changes on disk                                                     */

/* Someone else changes the file: it is noticed without a save being
 * tried, a save then leaves their version alone, and only an explicit
 * overwrite or a reload settles it. */
static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(DraftingDocument) theirs = drafting_document_new_from_template (DRAFTING_DOCUMENT_COMMUNIQUE);
  g_autoptr(GBytes) their_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *their_text = NULL;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);
  type_words (document_file, "Our words ");

  drafting_document_set_title (theirs, "Their communiqué");
  their_bytes = drafting_native_save_bytes (theirs, &error);
  g_assert_no_error (error);
  their_text = g_strndup (g_bytes_get_data (their_bytes, NULL), g_bytes_get_size (their_bytes));
  write_as_someone_else (fixture->files.path, their_text);

  /* Noticed at once, by the file's monitor. */
  g_assert_true (wait_property (document_file, "external-change", DRAFTING_EXTERNAL_CHANGE_MODIFIED));

  /* Never overwritten silently. */
  g_assert_false (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  contents = read_contents (fixture->files.path);
  g_assert_cmpstr (contents, ==, their_text);
  g_assert_true (drafting_document_get_modified (drafting_document_file_get_document (document_file)));

  /* Reloading takes their version, and gives up ours. */
  drafting_document_file_reload_async (document_file, NULL, drafting_test_on_result, &result);
  g_assert_true (drafting_document_file_reload_finish (document_file, drafting_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (drafting_document_get_title (drafting_document_file_get_document (document_file)),
                   ==, "Their communiqué");
  g_assert_false (drafting_document_get_modified (drafting_document_file_get_document (document_file)));
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);

  /* And saving over the version reloaded is fine. */
  type_words (document_file, "Our words again ");
  g_assert_true (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_no_error (error);

  drafting_document_file_close (document_file);
}

/* The person chooses to save over the other version. */
static void
test_changed_on_disk_overwrite (Fixture       *fixture,
                                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  type_words (document_file, "Ours to keep ");
  write_as_someone_else (fixture->files.path, "<?xml version=\"1.0\"?><not-even-a-document/>");

  g_assert_false (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_MODIFIED);

  g_assert_true (save (document_file, NULL, DRAFTING_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  contents = read_contents (fixture->files.path);
  g_assert_nonnull (strstr (contents, "Ours to keep"));
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);

  drafting_document_file_close (document_file);
}

/* Its own saves, a file merely touched, or written back as it was, are
 * not someone else's changes. */
static void
test_not_changed_on_disk (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      type_words (document_file, "Saved here ");
      g_assert_true (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
      g_assert_no_error (error);
    }
  spin (600);
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);

  /* Touched, then written back with the same bytes. */
  contents = read_contents (fixture->files.path);
  g_assert_no_errno (g_utime (fixture->files.path, NULL));
  write_as_someone_else (fixture->files.path, contents);
  spin (600);
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);

  type_words (document_file, "And saved again ");
  g_assert_true (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_no_error (error);

  drafting_document_file_close (document_file);
}

/* A file deleted while open is said to be gone; saving writes it again. */
static void
test_deleted_on_disk (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GError) error = NULL;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);

  g_assert_no_errno (g_unlink (fixture->files.path));
  g_assert_true (wait_property (document_file, "external-change", DRAFTING_EXTERNAL_CHANGE_DELETED));

  g_assert_true (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->files.path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (drafting_document_file_get_external_change (document_file), ==,
                   DRAFTING_EXTERNAL_CHANGE_NONE);

  /* A folder where the file was: the file is gone, and the folder is not
   * written over. */
  g_assert_no_errno (g_unlink (fixture->files.path));
  g_assert_no_errno (g_mkdir (fixture->files.path, 0700));
  g_assert_true (wait_property (document_file, "external-change", DRAFTING_EXTERNAL_CHANGE_DELETED));
  g_assert_false (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_test (fixture->files.path, G_FILE_TEST_IS_DIR));

  drafting_document_file_close (document_file);
}

/* ------------------------------------------------------------------ */
/* One file open once                                                  */

static void
test_open_once (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) first = NULL;
  g_autoptr(DraftingDocumentFile) second = NULL;
  g_autoptr(DraftingDocumentFile) untitled = NULL;
  g_autoptr(DraftingDocument) document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GFile) lock_file = drafting_file_lock_file_for (fixture->files.file);
  g_autoptr(GError) error = NULL;

  first = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_document_file_lookup (fixture->files.file) == first);
  g_assert_true (g_file_query_exists (lock_file, NULL));

  /* Opening it again here is refused: the window shows the one open. */
  second = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_null (second);
  g_clear_error (&error);

  /* Nor may another document be saved under its name. */
  untitled = drafting_document_file_new (document, NULL, fixture->files.store);
  g_assert_false (save (untitled, fixture->files.file, DRAFTING_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The lock stays while it is open, and goes when it is closed. */
  drafting_file_lock_flush ();
  g_assert_true (g_file_query_exists (lock_file, NULL));
  drafting_document_file_close (first);
  g_assert_null (drafting_document_file_lookup (fixture->files.file));
  drafting_file_lock_flush ();
  g_assert_false (g_file_query_exists (lock_file, NULL));

  /* Closed, it may be opened again. */
  second = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  drafting_document_file_close (second);
  drafting_document_file_close (untitled);
}

/* A file someone else has open for editing: who, and the choices. */
static void
test_open_locked_elsewhere (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GFile) lock_file = drafting_file_lock_file_for (fixture->files.file);
  g_autofree char *line = g_strdup_printf ("Marie Curie,mcurie,%s,23.11.2026 10:12,1;",
                                           g_get_host_name ());
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* pid 1 is alive: the lock is held. */
  g_assert_true (g_file_set_contents (g_file_peek_path (lock_file), line, -1, NULL));

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, &holder, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (document_file);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->name, ==, "Marie Curie");
  g_clear_error (&error);
  g_assert_false (drafting_document_file_is_loading (fixture->files.file));

  /* Read-only leaves their lock alone. */
  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (drafting_document_file_get_read_only (document_file));
  drafting_document_file_close (document_file);
  g_clear_object (&document_file);
  drafting_file_lock_flush ();
  contents = read_contents (g_file_peek_path (lock_file));
  g_assert_cmpstr (contents, ==, line);

  /* A document saved under the name of a file open elsewhere is refused. */
  {
    g_autoptr(DraftingDocument) document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
    g_autoptr(DraftingDocumentFile) untitled = drafting_document_file_new (document, NULL, NULL);
    g_autofree char *before = read_contents (fixture->files.path);
    g_autofree char *after = NULL;

    g_assert_false (save (untitled, fixture->files.file, DRAFTING_SAVE_NONE, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
    after = read_contents (fixture->files.path);
    g_assert_cmpstr (after, ==, before);
    drafting_document_file_close (untitled);
  }

  /* Forced, the lock is ours. */
  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_FORCE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (drafting_document_file_get_read_only (document_file));
  drafting_document_file_close (document_file);
}

/* ------------------------------------------------------------------ */
/* Drafts                                                              */

/* The draft of unsaved changes cannot be written (a full disk, as a
 * limit on file sizes makes it): the document says so, in words without a
 * temporary file's name, until a draft can be written again. */
static void
test_draft_error (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (300, NULL);
  g_autoptr(DraftingDocumentFile) document_file = drafting_document_file_new (document, NULL,
                                                                              fixture->files.store);
  const GError *draft_error;
  struct rlimit saved;
  struct rlimit limit;
  void (*previous) (int);

  drafting_document_set_title (document, "Work on a full disk");
  drafting_document_set_text (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0),
                              "Unsaved words");

  /* The first draft is written. */
  drafting_document_file_save_draft (document_file);
  g_assert_true (wait_drafts (fixture->files.store, TRUE));
  spin (200);
  g_assert_null (drafting_document_file_get_draft_error (document_file));

  /* The disk is full for the next. */
  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limit = saved;
  limit.rlim_cur = 16 * 1024;
  previous = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));

  drafting_document_set_text (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1),
                              "More unsaved words");
  drafting_document_file_save_draft (document_file);
  g_assert_true (wait_property (document_file, "draft-error", TRUE));

  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, previous);

  draft_error = drafting_document_file_get_draft_error (document_file);
  g_assert_error ((GError *) draft_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("%s", draft_error->message);
  g_assert_null (strstr (draft_error->message, ".wcodraft."));
  g_assert_null (strstr (draft_error->message, drafting_draft_store_get_directory (fixture->files.store)));

  /* Room again: the next change's draft is written, and the error goes. */
  drafting_document_set_text (document, drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2),
                              "Yet more unsaved words");
  drafting_document_file_save_draft (document_file);
  g_assert_true (wait_property (document_file, "draft-error", FALSE));

  /* Closed by choice, the draft goes. */
  drafting_document_file_close (document_file);
  g_assert_true (wait_drafts (fixture->files.store, FALSE));
}

/* Autosave writes a draft a few seconds after a change; saving removes
 * it; a document let go without being closed keeps its draft, to be
 * offered back. */
static void
test_autosave (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = NULL;
  char *id;

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  drafting_document_file_set_autosave_interval (document_file, 1);

  type_words (document_file, "Kept as a draft ");
  g_assert_null (drafting_document_file_get_draft_id (document_file));
  g_assert_true (wait_drafts (fixture->files.store, TRUE));
  g_assert_nonnull (drafting_document_file_get_draft_id (document_file));

  g_assert_true (save (document_file, NULL, DRAFTING_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_null (drafting_document_file_get_draft_id (document_file));
  g_assert_true (wait_drafts (fixture->files.store, FALSE));

  /* Let go without closing, as in a crash: the draft stays. */
  type_words (document_file, "Never saved ");
  drafting_document_file_save_draft (document_file);
  g_assert_true (wait_drafts (fixture->files.store, TRUE));
  id = g_strdup (drafting_document_file_get_draft_id (document_file));
  g_clear_object (&document_file);
  spin (500);
  drafts = list_drafts (fixture->files.store);
  g_assert_nonnull (strstr (drafts, id));
  g_free (id);
}

/* ------------------------------------------------------------------ */
/* Read ahead                                                          */

static char *
saved_text (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = drafting_native_save_bytes (document, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A file read ahead is opened as it would be without: the same document,
 * locked, and what was read let go. */
static void
test_preload_taken (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(DraftingDocument) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *opened = NULL;

  direct = drafting_load_file (fixture->files.file, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = saved_text (direct);

  drafting_preload_start (fixture->files.file);
  drafting_preload_start (fixture->files.file);
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 1);

  document_file = load (fixture->files.file, fixture->files.store, DRAFTING_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document_file);
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);
  g_assert_false (drafting_document_file_get_read_only (document_file));
  opened = saved_text (drafting_document_file_get_document (document_file));
  g_assert_cmpstr (opened, ==, expected);
  drafting_document_file_close (document_file);
}

/* A file changed after it was read ahead is read again: what is opened
 * is what the file holds, never what it held. */
static void
test_preload_changed (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) taken = NULL;
  g_autoptr(DraftingNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;

  /* Read ahead, then taken: the file is unchanged. */
  drafting_preload_start (fixture->files.file);
  taken = drafting_preload_take (fixture->files.file, NULL, NULL);
  g_assert_nonnull (taken);
  g_clear_object (&taken);
  g_assert_null (drafting_preload_take (fixture->files.file, NULL, NULL));

  /* Read ahead, then changed by someone else before it is taken. */
  document = drafting_load_file (fixture->files.file, NULL, NULL, &error);
  g_assert_no_error (error);
  node = g_list_model_get_item (G_LIST_MODEL (document), 0);
  drafting_document_replace_text (document, node, 0, 0, "Changed since: ");
  changed = saved_text (document);
  drafting_preload_start (fixture->files.file);
  g_usleep (300000);
  write_as_someone_else (fixture->files.path, changed);
  taken = drafting_preload_take (fixture->files.file, NULL, NULL);
  if (taken != NULL)
    {
      g_autofree char *text = saved_text (taken);

      /* Only if the thread read the file after it was written. */
      g_assert_cmpstr (text, ==, changed);
    }
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);
}

/* What is read ahead and never opened is let go, read or not yet; a file
 * that is not a document, or is not there, is not read ahead. */
static void
test_preload_forgotten (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text_path = g_build_filename (fixture->files.dir, "pasted.txt", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->files.dir, "missing" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->files.dir);

  write_as_someone_else (text_path, "DRAFT RESOLUTION\n");
  drafting_preload_start (text);
  drafting_preload_start (missing);
  drafting_preload_start (folder);
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);

  drafting_preload_start (fixture->files.file);
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 1);
  drafting_preload_forget (fixture->files.file);
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);
  g_assert_null (drafting_preload_take (fixture->files.file, NULL, NULL));

  drafting_preload_start (fixture->files.file);
  drafting_preload_forget_all ();
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);

  /* A file that cannot be read is opened as without, with its error. */
  drafting_preload_start (fixture->files.file);
  g_usleep (200000);
  write_as_someone_else (fixture->files.path, "<not a document");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DraftingDocumentFile) document_file = load (fixture->files.file, fixture->files.store,
                                                          DRAFTING_LOAD_NONE, NULL, &error);

    g_assert_null (document_file);
    g_assert_nonnull (error);
  }
  g_assert_cmpuint (drafting_preload_get_n_held (), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

#define ADD(path, func) \
  g_test_add ("/document-file/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("read-only/never-saved-over", test_read_only_never_saved_over);
  ADD ("changed-on-disk/noticed", test_changed_on_disk);
  ADD ("changed-on-disk/overwrite", test_changed_on_disk_overwrite);
  ADD ("changed-on-disk/not-by-us", test_not_changed_on_disk);
  ADD ("changed-on-disk/deleted", test_deleted_on_disk);
  ADD ("open/once", test_open_once);
  ADD ("open/locked-elsewhere", test_open_locked_elsewhere);
  ADD ("drafts/error", test_draft_error);
  ADD ("drafts/autosave", test_autosave);
  ADD ("preload/taken", test_preload_taken);
  ADD ("preload/changed", test_preload_changed);
  ADD ("preload/forgotten", test_preload_forgotten);

#undef ADD

  return g_test_run ();
}
