/* drafting-document-file.c: a document and the file it is kept in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "drafting-document-file.h"
#include "drafting-core.h"
#include "drafting-enums.h"
#include "drafting-error.h"
#include "drafting-io.h"
#include "drafting-native.h"
#include "drafting-preload.h"

/*
 * A document open for editing is more than its elements: it lives in a
 * file, which others may open, change or delete while it is open here. This
 * object keeps what is needed so that nothing is lost and nothing is
 * overwritten by mistake:
 *
 *  - the lock beside the file, telling other instances it is open here (or
 *    none, for a document opened read-only, which is never saved over its
 *    file);
 *  - the stamp of the file as it was last read or written here: a save
 *    replaces the file only if it is still that version, and a monitor
 *    looks at the file whenever it changes, to tell the person at once
 *    when someone else has changed or deleted it;
 *  - the draft of its unsaved changes, written a few seconds after each
 *    change, and whether the last one could be written: a person whose
 *    work is no longer being kept must be told.
 *
 * Everything that touches the disk runs in a worker thread: the main loop
 * only takes a snapshot of the document, which is cheap. While any of that
 * work is under way the application is held, so that quitting waits for a
 * save or a draft's removal to finish.
 *
 * A file is open once in an instance: the object registers itself under
 * its file (on the main thread), so that opening it again finds it, and
 * saving another document under its name is refused.
 */

#define DEFAULT_AUTOSAVE_INTERVAL 5   /* seconds */
#define CHECK_DELAY_MS            100 /* after the monitor's last word */

struct _DraftingDocumentFile
{
  GObject                 parent_instance;

  DraftingDocument       *document;
  GFile                  *file;
  DraftingDraftStore     *draft_store;
  DraftingFileLock       *lock;
  DraftingFileStamp      *stamp;
  GFileMonitor           *monitor;
  GCancellable           *cancellable;     /* the background work: cancelled on close */
  GSignalGroup           *document_signals;
  GError                 *draft_error;
  char                   *draft_id;

  guint64                 drafted_change;
  guint                   autosave_interval;
  guint                   autosave_source;
  guint                   check_source;

  DraftingExternalChange  external_change;

  guint                   read_only : 1;
  guint                   saving : 1;
  guint                   checking : 1;
  guint                   check_again : 1;
  guint                   closed : 1;
};

G_DEFINE_FINAL_TYPE (DraftingDocumentFile, drafting_document_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_DRAFT_STORE,
  PROP_READ_ONLY,
  PROP_SAVING,
  PROP_EXTERNAL_CHANGE,
  PROP_DRAFT_ERROR,
  PROP_AUTOSAVE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_monitor    (DraftingDocumentFile *self);
static void schedule_check   (DraftingDocumentFile *self);
static void discard_draft    (DraftingDocumentFile *self);

/* ------------------------------------------------------------------ */
/* The files open here                                                 */

/* GFile → the DraftingDocumentFile that has it open (unowned), and the
 * files being loaded. Looked up on the main thread; but the last reference
 * of an object may go in a worker that held it for a task. */
static GMutex registry_lock;
static GHashTable *open_files;
static GHashTable *loading_files;

static GHashTable *
file_table (GHashTable **table)
{
  if (*table == NULL)
    *table = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);

  return *table;
}

static void
register_file (DraftingDocumentFile *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);

  if (self->file != NULL)
    g_hash_table_replace (file_table (&open_files), g_object_ref (self->file), self);
}

static void
unregister_file (DraftingDocumentFile *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);

  if (self->file != NULL && open_files != NULL &&
      g_hash_table_lookup (open_files, self->file) == self)
    g_hash_table_remove (open_files, self->file);
}

/**
 * drafting_document_file_lookup:
 *
 * Finds the document open here in @file. Call it on the main thread.
 *
 * Returns: (transfer none) (nullable): the document file that has @file
 *   open in this process
 */
DraftingDocumentFile *
drafting_document_file_lookup (GFile *file)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return open_files != NULL ? g_hash_table_lookup (open_files, file) : NULL;
}

/**
 * drafting_document_file_is_loading:
 *
 * Returns: whether @file is being loaded by drafting_document_file_load_async()
 */
gboolean
drafting_document_file_is_loading (GFile *file)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return loading_files != NULL && g_hash_table_contains (loading_files, file);
}

static void
mark_loading (GFile    *file,
              gboolean  loading)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);
  GHashTable *table = file_table (&loading_files);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (table, file));

  count = loading ? count + 1 : count - 1;
  if (count == 0)
    g_hash_table_remove (table, file);
  else
    g_hash_table_replace (table, g_object_ref (file), GUINT_TO_POINTER (count));
}

/* ------------------------------------------------------------------ */
/* Work in the background                                              */

/* The application waits for disk work under way before it quits. */
static void
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
}

static void
release_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_release (app);
}

static void
set_saving (DraftingDocumentFile *self,
            gboolean              saving)
{
  if (self->saving == !!saving)
    return;

  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
set_external_change (DraftingDocumentFile   *self,
                     DraftingExternalChange  change)
{
  if (self->external_change == change)
    return;

  self->external_change = change;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_CHANGE]);
}

static void
set_read_only (DraftingDocumentFile *self,
               gboolean              read_only)
{
  if (self->read_only == !!read_only)
    return;

  self->read_only = !!read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_stamp (DraftingDocumentFile *self,
           DraftingFileStamp    *stamp)
{
  g_clear_pointer (&self->stamp, drafting_file_stamp_unref);
  self->stamp = stamp != NULL ? drafting_file_stamp_ref (stamp) : NULL;
}

/* ------------------------------------------------------------------ */
/* Drafts                                                              */

static void
set_draft_error (DraftingDocumentFile *self,
                 const GError         *error)
{
  if (self->draft_error == NULL && error == NULL)
    return;

  g_clear_error (&self->draft_error);
  if (error != NULL)
    self->draft_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_ERROR]);
}

static void
on_draft_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DraftingDocumentFile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  release_application ();

  id = drafting_draft_store_save_finish (DRAFTING_DRAFT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (id == NULL)
    {
      /* Tried again at the next change, and said until then. */
      self->drafted_change = 0;
      set_draft_error (self, error);
      return;
    }

  set_draft_error (self, NULL);
}

/**
 * drafting_document_file_save_draft:
 *
 * Writes the draft of the unsaved changes now, in the background, rather
 * than a few seconds after the last change.
 */
void
drafting_document_file_save_draft (DraftingDocumentFile *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->draft_store == NULL || self->closed ||
      !drafting_document_get_modified (self->document))
    return;

  /* The draft's name is chosen before the first write, so that the next
   * one goes to the same draft whatever the timing. */
  if (self->draft_id == NULL)
    self->draft_id = g_uuid_string_random ();

  name = drafting_document_file_dup_name (self);
  hold_application ();
  drafting_draft_store_save_async (self->draft_store, self->draft_id, self->document, self->file,
                                   name, self->cancellable, on_draft_saved, g_object_ref (self));
  self->drafted_change = drafting_document_get_change_count (self->document);
}

static gboolean
autosave (gpointer data)
{
  DraftingDocumentFile *self = data;

  self->autosave_source = 0;
  drafting_document_file_save_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (DraftingDocumentFile *self)
{
  if (self->autosave_source != 0 || self->draft_store == NULL || self->closed ||
      drafting_document_get_change_count (self->document) == self->drafted_change)
    return;

  self->autosave_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                      MAX (1, self->autosave_interval),
                                                      autosave, self, NULL);
}

static void
on_draft_discarded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  release_application ();

  if (!drafting_draft_store_discard_finish (DRAFTING_DRAFT_STORE (object), result, &error))
    g_debug ("A draft could not be removed: %s", error->message);
}

/* The draft goes once the document is saved, or closed without saving by
 * choice. */
static void
discard_draft (DraftingDocumentFile *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->draft_id != NULL && self->draft_store != NULL)
    {
      hold_application ();
      drafting_draft_store_discard_async (self->draft_store, self->draft_id, NULL,
                                          on_draft_discarded, NULL);
    }
  g_clear_pointer (&self->draft_id, g_free);
  self->drafted_change = 0;
  set_draft_error (self, NULL);
}

static void
on_document_changed (DraftingDocumentFile *self)
{
  if (drafting_document_get_modified (self->document))
    schedule_autosave (self);
}

/* ------------------------------------------------------------------ */
/* Watching the file                                                   */

static void
check_in_thread (GTask        *task,
                 gpointer      source G_GNUC_UNUSED,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  DraftingFileStamp *known = task_data;
  g_autoptr(DraftingFileStamp) now = NULL;
  g_autoptr(GError) error = NULL;
  DraftingExternalChange change;

  if (drafting_file_is_unchanged (file, known, &now, cancellable, &error))
    change = DRAFTING_EXTERNAL_CHANGE_NONE;
  else if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else if (now == NULL)
    change = DRAFTING_EXTERNAL_CHANGE_DELETED;
  else
    change = DRAFTING_EXTERNAL_CHANGE_MODIFIED;

  if (now != NULL)
    g_object_set_data_full (G_OBJECT (task), "now", g_steal_pointer (&now),
                            (GDestroyNotify) drafting_file_stamp_unref);
  g_task_return_int (task, change);
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data G_GNUC_UNUSED)
{
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);
  g_autoptr(GError) error = NULL;
  GTask *task = G_TASK (result);
  DraftingFileStamp *now = g_object_get_data (G_OBJECT (task), "now");
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  gssize change;

  self->checking = FALSE;
  change = g_task_propagate_int (task, &error);

  if (self->closed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What was looked at is no longer the document's file, or the file was
   * saved meanwhile: look again at what is there now. */
  if (self->file == NULL || !g_file_equal (file, self->file) || self->check_again)
    {
      self->check_again = FALSE;
      schedule_check (self);
      return;
    }

  if (error != NULL)
    {
      g_debug ("%s cannot be looked at: %s", g_file_peek_path (file), error->message);
      return;
    }

  /* Touched, or written back as it was: the same for the person. */
  if (change == DRAFTING_EXTERNAL_CHANGE_NONE && now != NULL)
    set_stamp (self, now);

  set_external_change (self, change);
}

static gboolean
check_now (gpointer data)
{
  DraftingDocumentFile *self = data;
  g_autoptr(GTask) task = NULL;

  self->check_source = 0;

  if (self->file == NULL || self->stamp == NULL || self->closed)
    return G_SOURCE_REMOVE;

  /* A save under way changes the file: it is looked at once it is done. */
  if (self->saving || self->checking)
    {
      self->check_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->checking = TRUE;
  task = g_task_new (self, self->cancellable, on_checked, NULL);
  g_task_set_source_tag (task, check_now);
  g_task_set_task_data (task, drafting_file_stamp_ref (self->stamp),
                        (GDestroyNotify) drafting_file_stamp_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, check_in_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (DraftingDocumentFile *self)
{
  if (self->check_source != 0 || self->closed)
    return;

  self->check_source = g_timeout_add_full (G_PRIORITY_DEFAULT, CHECK_DELAY_MS, check_now, self, NULL);
}

static void
on_monitor_changed (GFileMonitor         *monitor G_GNUC_UNUSED,
                    GFile                *file G_GNUC_UNUSED,
                    GFile                *other_file G_GNUC_UNUSED,
                    GFileMonitorEvent     event,
                    DraftingDocumentFile *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  schedule_check (self);
}

static void
start_monitor (DraftingDocumentFile *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->file == NULL || self->closed)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* The file is still compared before it is saved over. */
      g_debug ("%s cannot be watched: %s", g_file_peek_path (self->file), error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct
{
  GFile             *file;
  DraftingDraftStore *draft_store;
  DraftingFileLock  *lock;
  DraftingLockOwner *holder;
  DraftingDocument  *document;
  DraftingFileStamp *stamp;
  GPtrArray         *warnings;
  DraftingLoadFlags  flags;
  gboolean           loading;
} LoadData;

/* The file is no longer being loaded once the result is taken, or the
 * load given up. */
static void
load_data_done (LoadData *data)
{
  if (data->loading)
    mark_loading (data->file, FALSE);
  data->loading = FALSE;
}

static void
load_data_free (LoadData *data)
{
  load_data_done (data);
  /* Read ahead, and not taken: the opening failed before it read. */
  drafting_preload_forget (data->file);
  g_clear_object (&data->file);
  g_clear_object (&data->draft_store);
  g_clear_object (&data->lock);
  g_clear_pointer (&data->holder, drafting_lock_owner_free);
  g_clear_object (&data->document);
  g_clear_pointer (&data->stamp, drafting_file_stamp_unref);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source G_GNUC_UNUSED,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  /* Read ahead as the application started, if it still is the file. */
  data->document = drafting_preload_take (data->file, &data->stamp, cancellable);
  if (data->document == NULL)
    {
      data->document = drafting_load_file_full (data->file, &data->warnings, &data->stamp,
                                                cancellable, &error);
      drafting_core_give_back_memory ();
    }
  if (data->document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_load_locked (GObject      *object G_GNUC_UNUSED,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->lock = drafting_file_lock_acquire_finish (result, &data->holder, &error);
  if (data->lock == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_run_in_thread (task, load_in_thread);
}

/**
 * drafting_document_file_load_async:
 * @draft_store: (nullable): where to keep drafts of its unsaved changes
 *
 * Opens @file: locks it for editing (unless %DRAFTING_LOAD_READ_ONLY), and
 * reads it in a worker thread, in the native format or as text to import.
 * A file someone else has open is not loaded: the error is
 * %G_IO_ERROR_EXISTS and drafting_document_file_load_finish() says who,
 * unless %DRAFTING_LOAD_FORCE takes the lock from them.
 */
void
drafting_document_file_load_async (GFile               *file,
                                   DraftingDraftStore  *draft_store,
                                   DraftingLoadFlags    flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (draft_store == NULL || DRAFTING_IS_DRAFT_STORE (draft_store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_document_file_load_async);

  /* A file is open once here: the window shows the one that is. */
  if (drafting_document_file_lookup (file) != NULL || drafting_document_file_is_loading (file))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("“%s” is already open here"), name);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->draft_store = draft_store != NULL ? g_object_ref (draft_store) : NULL;
  data->flags = flags;
  data->loading = TRUE;
  mark_loading (file, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  /* Text is imported into a new document, which holds no lock on it. */
  if ((flags & DRAFTING_LOAD_READ_ONLY) ||
      drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE)
    {
      g_task_run_in_thread (task, load_in_thread);
      return;
    }

  drafting_file_lock_acquire_async (file, (flags & DRAFTING_LOAD_FORCE) != 0, cancellable,
                                    on_load_locked, g_steal_pointer (&task));
}

/**
 * drafting_document_file_load_finish:
 * @warnings: (out) (optional) (transfer full) (element-type DraftingImportWarning):
 *   for imported text, what the importer could not place
 * @holder: (out) (optional) (transfer full) (nullable): who has the file
 *   open, when that stopped the load
 *
 * Returns: (transfer full) (nullable): the document and its file; for
 *   imported text, a document with no file yet
 */
DraftingDocumentFile *
drafting_document_file_load_finish (GAsyncResult       *result,
                                    GPtrArray         **warnings,
                                    DraftingLockOwner **holder,
                                    GError            **error)
{
  LoadData *data;
  DraftingDocumentFile *self;
  gboolean native;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_document_file_load_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    load_data_done (data);
  if (warnings != NULL)
    *warnings = NULL;
  if (holder != NULL)
    *holder = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (holder != NULL && data != NULL)
        *holder = g_steal_pointer (&data->holder);
      return NULL;
    }

  /* Imported text becomes a new document: saving asks where to put it. */
  native = drafting_format_for_file (data->file) == DRAFTING_FORMAT_NATIVE ||
           data->warnings == NULL;

  self = g_object_new (DRAFTING_TYPE_DOCUMENT_FILE,
                       "document", data->document,
                       "draft-store", data->draft_store,
                       NULL);
  if (native)
    {
      self->file = g_object_ref (data->file);
      self->lock = g_steal_pointer (&data->lock);
      self->stamp = g_steal_pointer (&data->stamp);
      self->read_only = (data->flags & DRAFTING_LOAD_READ_ONLY) != 0;
      register_file (self);
      start_monitor (self);
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&data->warnings);

  return self;
}

/* A document given a file it was not read from here (a recovered draft of
 * it): it takes the lock if it can, and is read-only if someone else has
 * it; what the file is now is what saving will replace. */
typedef struct
{
  DraftingDocumentFile *self;
  DraftingFileStamp    *stamp;
} AttachData;

static void
on_attach_locked (GObject      *object G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DraftingDocumentFile) self = user_data;
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(DraftingFileLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  release_application ();

  lock = drafting_file_lock_acquire_finish (result, &holder, &error);
  if (self->closed)
    return;

  if (lock != NULL)
    g_set_object (&self->lock, lock);
  else if (holder != NULL)
    set_read_only (self, TRUE);
}

static void
stamp_in_thread (GTask        *task,
                 gpointer      source G_GNUC_UNUSED,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DraftingFileStamp *stamp = NULL;

  /* Read, not only looked at: its contents tell a touch from a change. */
  if ((bytes = drafting_read_file_full (task_data, &stamp, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stamp, (GDestroyNotify) drafting_file_stamp_unref);
}

static void
on_attach_stamped (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data G_GNUC_UNUSED)
{
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);
  g_autoptr(DraftingFileStamp) stamp = NULL;
  g_autoptr(GError) error = NULL;

  release_application ();

  stamp = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->closed || stamp == NULL || self->stamp != NULL)
    return;

  set_stamp (self, stamp);
  start_monitor (self);
}

/**
 * drafting_document_file_new:
 * @file: (nullable): where @document is kept, if it is
 * @draft_store: (nullable): where to keep drafts of its unsaved changes
 *
 * Makes a new document's file, or that of a document recovered from a
 * draft. Given @file, it locks it in the background, or becomes read-only
 * if someone else has it open.
 *
 * Returns: (transfer full): the document file
 */
DraftingDocumentFile *
drafting_document_file_new (DraftingDocument   *document,
                            GFile              *file,
                            DraftingDraftStore *draft_store)
{
  DraftingDocumentFile *self;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (draft_store == NULL || DRAFTING_IS_DRAFT_STORE (draft_store), NULL);

  self = g_object_new (DRAFTING_TYPE_DOCUMENT_FILE,
                       "document", document,
                       "draft-store", draft_store,
                       NULL);

  if (file != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_attach_stamped, NULL);

      self->file = g_object_ref (file);
      register_file (self);

      hold_application ();
      drafting_file_lock_acquire_async (file, FALSE, self->cancellable, on_attach_locked,
                                        g_object_ref (self));

      hold_application ();
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, stamp_in_thread);
    }

  return self;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef struct
{
  GFile             *file;
  DraftingDocument  *snapshot;
  DraftingFileStamp *expected;
  DraftingFileStamp *written;
  DraftingFileLock  *lock;
  guint64            change_count;
  guint              same_file : 1;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->snapshot);
  g_clear_pointer (&data->expected, drafting_file_stamp_unref);
  g_clear_pointer (&data->written, drafting_file_stamp_unref);
  g_clear_object (&data->lock);
  g_free (data);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source G_GNUC_UNUSED,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = drafting_native_save_bytes (data->snapshot, &error);
  /* The snapshot goes here, not with the task on the main thread. */
  g_clear_object (&data->snapshot);

  if (bytes == NULL ||
      !drafting_file_replace_full (data->file, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), DRAFTING_REPLACE_NONE,
                                   data->expected, &data->written, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  release_application ();
  set_saving (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Someone else's changes were there: the person is told now, not
       * only when they look at the error. */
      if (data->same_file && g_error_matches (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK))
        set_external_change (self, DRAFTING_EXTERNAL_CHANGE_MODIFIED);
      else if (self->check_again)
        schedule_check (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!data->same_file)
    {
      g_object_freeze_notify (G_OBJECT (self));
      unregister_file (self);
      g_set_object (&self->file, data->file);
      g_clear_object (&self->lock);
      self->lock = g_steal_pointer (&data->lock);
      register_file (self);
      set_read_only (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_thaw_notify (G_OBJECT (self));
      start_monitor (self);
    }

  set_stamp (self, data->written);
  set_external_change (self, DRAFTING_EXTERNAL_CHANGE_NONE);

  /* What was saved is what the document was when the save began: changes
   * made meanwhile stay unsaved. */
  if (drafting_document_get_change_count (self->document) == data->change_count)
    drafting_document_set_modified (self->document, FALSE);
  if (!drafting_document_get_modified (self->document))
    discard_draft (self);

  if (self->check_again)
    {
      self->check_again = FALSE;
      schedule_check (self);
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_snapshot (GTask *task)
{
  DraftingDocumentFile *self = g_task_get_source_object (task);
  g_autoptr(GTask) writer = g_task_new (self, g_task_get_cancellable (task), on_written, task);
  SaveData *data = g_task_get_task_data (task);

  /* The writer shares the task's data: the task outlives it. */
  g_task_set_task_data (writer, data, NULL);
  g_task_run_in_thread (writer, write_in_thread);
}

static void
on_save_locked (GObject      *object G_GNUC_UNUSED,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  DraftingDocumentFile *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(DraftingLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;

  data->lock = drafting_file_lock_acquire_finish (result, &holder, &error);
  if (data->lock == NULL)
    {
      release_application ();
      set_saving (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  write_snapshot (task);
}

/**
 * drafting_document_file_save_async:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * Saves the document in the native format. The bytes are made from a
 * snapshot taken now; the writing happens in a worker thread, atomically:
 * if it fails, the file on disk is as it was.
 *
 * A document opened read-only is never saved over its file
 * (%DRAFTING_ERROR_OPENED_READ_ONLY): it can be saved under another name. Its own
 * file is replaced only if it is still the version last read or written
 * here (else %DRAFTING_ERROR_CHANGED_ON_DISK), unless
 * %DRAFTING_SAVE_OVERWRITE. Saved under another name, the document takes
 * that file's lock: a file someone else has open is refused
 * (%G_IO_ERROR_EXISTS), as is one open in another document here
 * (%G_IO_ERROR_BUSY).
 */
void
drafting_document_file_save_async (DraftingDocumentFile *self,
                                   GFile                *file,
                                   DraftingSaveFlags     flags,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  DraftingDocumentFile *other;
  SaveData *data;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_document_file_save_async);

  if (file == NULL)
    file = self->file;
  name = g_file_get_basename (file);

  if (drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE)
    {
      g_task_return_new_error (task, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                               _("“%s” is not a Drafting document: name it with %s"),
                               name, DRAFTING_NATIVE_EXTENSION);
      return;
    }

  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The document is being saved already"));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->same_file = self->file != NULL && g_file_equal (file, self->file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (data->same_file && self->read_only)
    {
      g_task_return_new_error (task, DRAFTING_ERROR, DRAFTING_ERROR_OPENED_READ_ONLY,
                               _("“%s” was opened read-only, as it is open for editing elsewhere: "
                                 "saving it here would overwrite the changes made there. Save it "
                                 "under another name."), name);
      return;
    }

  other = drafting_document_file_lookup (file);
  if ((other != NULL && other != self) || (!data->same_file && drafting_document_file_is_loading (file)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("“%s” is open in another tab: close it there first, or choose "
                                 "another name"), name);
      return;
    }

  /* What the main loop does: a copy, not the writing. */
  data->snapshot = drafting_document_snapshot (self->document);
  data->change_count = drafting_document_get_change_count (self->document);
  if (data->same_file && self->stamp != NULL && !(flags & DRAFTING_SAVE_OVERWRITE))
    data->expected = drafting_file_stamp_ref (self->stamp);

  set_saving (self, TRUE);
  hold_application ();

  if (data->same_file)
    write_snapshot (g_steal_pointer (&task));
  else
    drafting_file_lock_acquire_async (file, FALSE, cancellable, on_save_locked,
                                      g_steal_pointer (&task));
}

gboolean
drafting_document_file_save_finish (DraftingDocumentFile  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_document_file_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Reloading                                                           */

static void
reload_in_thread (GTask        *task,
                  gpointer      source G_GNUC_UNUSED,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if ((bytes = drafting_read_file_full (data->file, &data->stamp, cancellable, &error)) != NULL)
    data->document = drafting_native_load_bytes (bytes, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  drafting_core_give_back_memory ();

  if (data->document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  release_application ();

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The document was saved elsewhere meanwhile"));
      return;
    }

  /* The changes made here are given up by choice: so is their draft. */
  discard_draft (self);
  g_set_object (&self->document, data->document);
  g_signal_group_set_target (self->document_signals, self->document);
  set_stamp (self, data->stamp);
  set_external_change (self, DRAFTING_EXTERNAL_CHANGE_NONE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  g_task_return_boolean (task, TRUE);
}

/**
 * drafting_document_file_reload_async:
 *
 * Reads the document's file again, in a worker thread, and makes what it
 * holds the document (a new #DraftingDocument: #DraftingDocumentFile:document
 * changes), giving up the changes made here.
 */
void
drafting_document_file_reload_async (DraftingDocumentFile *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *reader;
  LoadData *data;

  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_document_file_reload_async);

  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The document has not been saved yet"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (self->file);

  hold_application ();
  reader = g_task_new (self, cancellable, on_reloaded, g_steal_pointer (&task));
  g_task_set_task_data (reader, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (reader, reload_in_thread);
  g_object_unref (reader);
}

gboolean
drafting_document_file_reload_finish (DraftingDocumentFile  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_document_file_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Closing                                                             */

static void
stop (DraftingDocumentFile *self)
{
  self->closed = TRUE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  unregister_file (self);
  /* The lock file goes in the background, once no one here holds it. */
  g_clear_object (&self->lock);
}

/**
 * drafting_document_file_close:
 *
 * The person closes the document, saved or with its changes given up by
 * choice: its draft is removed, its lock let go, its file no longer
 * watched, all in the background. A document file that is finalized
 * without being closed keeps its draft, to be offered back.
 */
void
drafting_document_file_close (DraftingDocumentFile *self)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));

  if (self->closed)
    return;

  discard_draft (self);
  stop (self);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */

/**
 * drafting_document_file_get_document:
 *
 * Returns: (transfer none): the document; a new one after a reload
 */
DraftingDocument *
drafting_document_file_get_document (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), NULL);

  return self->document;
}

/**
 * drafting_document_file_get_file:
 *
 * Returns: (transfer none) (nullable): where the document is kept
 */
GFile *
drafting_document_file_get_file (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), NULL);

  return self->file;
}

/**
 * drafting_document_file_dup_name:
 *
 * What to call the document: its file's name as a person reads it, else
 * its title, else "Untitled Document". Looks at no disk.
 *
 * Returns: (transfer full): the name
 */
char *
drafting_document_file_dup_name (DraftingDocumentFile *self)
{
  const char *title;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL)
        return g_filename_display_name (basename);
      return g_file_get_parse_name (self->file);
    }

  title = drafting_document_get_title (self->document);
  return g_strdup (title[0] != '\0' ? title : _("Untitled Document"));
}

gboolean
drafting_document_file_get_read_only (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), FALSE);

  return self->read_only;
}

gboolean
drafting_document_file_get_saving (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), FALSE);

  return self->saving;
}

DraftingExternalChange
drafting_document_file_get_external_change (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), DRAFTING_EXTERNAL_CHANGE_NONE);

  return self->external_change;
}

/**
 * drafting_document_file_get_draft_error:
 *
 * Returns: (transfer none) (nullable): why the last draft of the unsaved
 *   changes could not be written, or %NULL while drafts are kept
 */
const GError *
drafting_document_file_get_draft_error (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), NULL);

  return self->draft_error;
}

guint
drafting_document_file_get_autosave_interval (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), 0);

  return self->autosave_interval;
}

void
drafting_document_file_set_autosave_interval (DraftingDocumentFile *self,
                                              guint                 seconds)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));

  seconds = MAX (1, seconds);
  if (self->autosave_interval == seconds)
    return;

  self->autosave_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_INTERVAL]);
}

/**
 * drafting_document_file_get_draft_id:
 *
 * Returns: (nullable): the draft kept of the unsaved changes, if any
 */
const char *
drafting_document_file_get_draft_id (DraftingDocumentFile *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_FILE (self), NULL);

  return self->draft_id;
}

/**
 * drafting_document_file_set_draft_id:
 *
 * Tells that the document came from the draft @draft_id (adopted by this
 * process), which is kept up to date from now on.
 */
void
drafting_document_file_set_draft_id (DraftingDocumentFile *self,
                                     const char           *draft_id)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT_FILE (self));

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  self->drafted_change = drafting_document_get_change_count (self->document);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
drafting_document_file_constructed (GObject *object)
{
  DraftingDocumentFile *self = (DraftingDocumentFile *) object;

  G_OBJECT_CLASS (drafting_document_file_parent_class)->constructed (object);

  g_assert (self->document != NULL);
  g_signal_group_set_target (self->document_signals, self->document);
}

static void
drafting_document_file_dispose (GObject *object)
{
  DraftingDocumentFile *self = (DraftingDocumentFile *) object;

  if (!self->closed)
    stop (self);
  g_signal_group_set_target (self->document_signals, NULL);

  G_OBJECT_CLASS (drafting_document_file_parent_class)->dispose (object);
}

static void
drafting_document_file_finalize (GObject *object)
{
  DraftingDocumentFile *self = (DraftingDocumentFile *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->lock);
  g_clear_pointer (&self->stamp, drafting_file_stamp_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document_signals);
  g_clear_error (&self->draft_error);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (drafting_document_file_parent_class)->finalize (object);
}

static void
drafting_document_file_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->draft_store);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_EXTERNAL_CHANGE:
      g_value_set_enum (value, self->external_change);
      break;

    case PROP_DRAFT_ERROR:
      g_value_set_boxed (value, self->draft_error);
      break;

    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_file_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DraftingDocumentFile *self = DRAFTING_DOCUMENT_FILE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_DRAFT_STORE:
      self->draft_store = g_value_dup_object (value);
      break;

    case PROP_AUTOSAVE_INTERVAL:
      drafting_document_file_set_autosave_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_file_class_init (DraftingDocumentFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = drafting_document_file_constructed;
  object_class->dispose = drafting_document_file_dispose;
  object_class->finalize = drafting_document_file_finalize;
  object_class->get_property = drafting_document_file_get_property;
  object_class->set_property = drafting_document_file_set_property;

  /**
   * DraftingDocumentFile:document:
   *
   * The document: another one after a reload.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         DRAFTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DraftingDocumentFile:read-only:
   *
   * Whether the document may not be saved over its file: someone else had
   * it open for editing when it was opened here.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DraftingDocumentFile:external-change:
   *
   * Whether someone else has changed or deleted the file since it was last
   * read or written here.
   */
  properties[PROP_EXTERNAL_CHANGE] =
    g_param_spec_enum ("external-change", NULL, NULL,
                       DRAFTING_TYPE_EXTERNAL_CHANGE,
                       DRAFTING_EXTERNAL_CHANGE_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DraftingDocumentFile:draft-error:
   *
   * Why the last draft of the unsaved changes could not be written, or
   * %NULL while they are kept.
   */
  properties[PROP_DRAFT_ERROR] =
    g_param_spec_boxed ("draft-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DraftingDocumentFile:autosave-interval:
   *
   * How many seconds after a change the draft of the unsaved changes is
   * written.
   */
  properties[PROP_AUTOSAVE_INTERVAL] =
    g_param_spec_uint ("autosave-interval", NULL, NULL,
                       1, 3600, DEFAULT_AUTOSAVE_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_document_file_init (DraftingDocumentFile *self)
{
  self->autosave_interval = DEFAULT_AUTOSAVE_INTERVAL;
  self->cancellable = g_cancellable_new ();
  self->document_signals = g_signal_group_new (DRAFTING_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
}
