/* drafting-file-lock.c: who has a document open for editing, in LibreOffice's lock files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-file-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "drafting-file-lock.h"
#include "drafting-file-lock-private.h"
#include "drafting-process-private.h"

/*
 * While a document is open for editing, a lock file sits beside it, named
 * as LibreOffice names its own: ".~lock.NAME#" for a document NAME. It holds
 * one line of five fields, each ended by ',' but the last ended by ';':
 *
 *   Full Name,login,host,23.11.2026 10:12,4242;
 *
 * the full name, the login name, the host, since when (local time) and the
 * process, with '\', ',' and ';' inside a field escaped by a '\'. Where
 * LibreOffice writes the URL of its profile in the last field, Drafting
 * writes its pid; each reads the other's locks, and a lock without a pid
 * cannot be checked, so it counts as held.
 *
 * The lock is created only if there is none (O_EXCL). One that is there is
 * stale when it was written on this host by a process that is gone: its pid
 * is not running, or the process with that pid started well after the lock
 * was written (the pid was reused, after a restart most often). A stale
 * lock is taken over; a lock from another host is always taken as held,
 * since nothing here can tell.
 *
 * A process holds the lock of a document once, however many times it opens
 * it: the locks it holds are in a registry, and locking a document again
 * gives the lock it holds already, whose file stays until the last
 * reference to it goes. So a lock with the calling process's pid is held
 * when the registry has it, and stale when it does not: an earlier process
 * that had the same pid wrote it.
 *
 * Taking a lock reads and writes files, and may wait for one just created
 * by someone else to be written; releasing one reads and removes a file.
 * None of that runs in the caller's thread: all of it runs on one thread,
 * one job after the other in the order they were asked for, so that the
 * release of a lock and a later locking of the same document never race.
 * The last reference to a lock going only queues its release, and
 * drafting_file_lock_flush() waits for all of it to be done.
 *
 * A folder where no lock file can be written (read-only media, a folder of
 * someone else's) does not stop the document from opening: the lock object
 * then holds nothing, and drafting_file_lock_is_held() says so.
 */

#define MAX_LOCK_SIZE DRAFTING_LOCK_MAX_SIZE

/* How much later than a lock's writing a process must have started to be
 * sure it did not write it, clocks being set right now and then. */
#define PID_REUSE_MARGIN (10 * 60)

/* How long to wait for a lock file just created to be written. */
#define EMPTY_LOCK_RETRIES 10
#define EMPTY_LOCK_DELAY   (20 * 1000)

/* How often to look again at a lock that keeps changing under our feet. */
#define ACQUIRE_ATTEMPTS 5

struct _DraftingFileLock
{
  GObject  parent_instance;

  /* None of these changes once the lock is made: a lock is shared by all
   * who opened the document in the process, in whatever thread. */
  GFile   *file;
  GFile   *lock_file;   /* %NULL when the lock holds nothing */
  GBytes  *contents;    /* what was written, to know it is still ours */
  char    *key;         /* its place in the registry, or %NULL */
  pid_t    pid;         /* the process that took it */
};

G_DEFINE_FINAL_TYPE (DraftingFileLock, drafting_file_lock, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (DraftingLockOwner, drafting_lock_owner,
                     drafting_lock_owner_copy, drafting_lock_owner_free)

/* ------------------------------------------------------------------ */
/* The registry and the worker                                         */

typedef enum
{
  JOB_ACQUIRE,
  JOB_RELEASE,
  JOB_CALL,
} JobKind;

typedef struct
{
  JobKind   kind;
  GTask    *task;               /* JOB_ACQUIRE */
  char     *key;                /* JOB_RELEASE */
  GFile    *lock_file;
  GBytes   *contents;
  void    (*func) (gpointer);   /* JOB_CALL */
  gpointer  data;
} Job;

/* A lock the process holds. The registry keeps no reference to it, only a
 * weak one: a lock whose last reference is going is no longer found, and
 * can be taken anew, while its own finalize has yet to run. */
typedef struct
{
  GWeakRef  ref;
  gpointer  lock;   /* only to tell whose entry it is; never followed */
} Held;

static struct
{
  GMutex      mutex;     /* over all of this, never held while doing I/O */
  GCond       wake;      /* a job was queued */
  GCond       idle;      /* the queue ran dry */
  GQueue      jobs;
  GHashTable *held;      /* registry key → Held */
  GThread    *thread;
  guint       pending;   /* jobs queued or running */
  pid_t       pid;       /* the process all this belongs to */
} worker;

static void run_job (Job *job);

static void
held_free (gpointer data)
{
  Held *held = data;

  g_weak_ref_clear (&held->ref);
  g_free (held);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job->key);
  g_clear_object (&job->lock_file);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_free (job);
}

/* Called with the mutex held, before anything else is looked at. A child
 * of fork() has a copy of its parent's registry and queue, but holds none
 * of its parent's locks (their files name the parent's pid) and has no
 * worker thread: it starts afresh. The parent's queued jobs are the
 * parent's to run: they are dropped, not run nor freed, since freeing them
 * could call back into the parent's code. */
static void
check_process_locked (void)
{
  pid_t pid = getpid ();

  if (worker.pid == pid)
    return;

  worker.pid = pid;
  g_clear_pointer (&worker.held, g_hash_table_unref);
  worker.held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, held_free);
  g_queue_init (&worker.jobs);
  worker.thread = NULL;
  worker.pending = 0;
}

static gpointer
run_jobs (gpointer data G_GNUC_UNUSED)
{
  g_mutex_lock (&worker.mutex);

  for (;;)
    {
      Job *job;

      while ((job = g_queue_pop_head (&worker.jobs)) == NULL)
        g_cond_wait (&worker.wake, &worker.mutex);

      g_mutex_unlock (&worker.mutex);
      run_job (job);
      /* Outside the mutex: this may drop the last reference to a lock,
       * whose finalize queues its release. */
      job_free (job);
      g_mutex_lock (&worker.mutex);

      if (--worker.pending == 0)
        g_cond_broadcast (&worker.idle);
    }

  /* Never reached: the thread lives as long as the process. */
  return NULL;
}

/* Called with the mutex held. The thread lives as long as the process. */
static void
queue_job_locked (Job *job)
{
  check_process_locked ();

  if (worker.thread == NULL)
    worker.thread = g_thread_new ("drafting-locks", run_jobs, NULL);

  worker.pending++;
  g_queue_push_tail (&worker.jobs, job);
  g_cond_signal (&worker.wake);
}

static void
queue_job (Job *job)
{
  g_mutex_lock (&worker.mutex);
  queue_job_locked (job);
  g_mutex_unlock (&worker.mutex);
}

/**
 * drafting_file_lock_flush:
 *
 * Waits until all the lock files this process has been asked to write or
 * remove so far are written or removed: the application calls it as it
 * quits, so that no lock outlives it.
 */
void
drafting_file_lock_flush (void)
{
  g_mutex_lock (&worker.mutex);
  check_process_locked ();
  if (worker.thread != NULL && worker.thread == g_thread_self ())
    {
      g_mutex_unlock (&worker.mutex);
      g_critical ("drafting_file_lock_flush() called from the thread of the lock files");
      return;
    }
  while (worker.pending > 0)
    g_cond_wait (&worker.idle, &worker.mutex);
  g_mutex_unlock (&worker.mutex);
}

/**
 * _drafting_file_lock_queue_call:
 * @func: what to call
 * @data: what to call it with
 *
 * Calls @func on the thread of the lock files, after the jobs queued
 * before it and before those queued after: for tests that need to hold
 * that thread while they look at what the caller's thread did alone.
 */
void
_drafting_file_lock_queue_call (void   (*func) (gpointer data),
                                gpointer data)
{
  Job *job;

  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_CALL;
  job->func = func;
  job->data = data;
  queue_job (job);
}

/* Where a lock file is, as the registry knows it: the same for every name
 * its folder goes by (through links), so that a document opened by two
 * paths is still locked once. */
static char *
registry_key (GFile *lock_file)
{
  g_autofree char *path = g_file_get_path (lock_file);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  char resolved[PATH_MAX];

  if (path == NULL)
    return g_file_get_uri (lock_file);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  if (realpath (folder, resolved) == NULL)
    return g_steal_pointer (&path);

  return g_build_filename (resolved, name, NULL);
}

/* The lock this process holds under @key, with a new reference, or %NULL. */
static DraftingFileLock *
lookup_held (const char *key)
{
  DraftingFileLock *lock = NULL;
  Held *held;

  g_mutex_lock (&worker.mutex);
  check_process_locked ();
  if ((held = g_hash_table_lookup (worker.held, key)) != NULL)
    lock = g_weak_ref_get (&held->ref);
  g_mutex_unlock (&worker.mutex);

  return lock;
}

/* Whether this process holds a lock file under @key. The reference taken
 * to look is dropped outside the mutex: it may be the last one. */
static gboolean
is_held_here (const char *key)
{
  g_autoptr(DraftingFileLock) lock = NULL;

  if (key == NULL)
    return FALSE;

  lock = lookup_held (key);
  return lock != NULL && lock->contents != NULL;
}

/* ------------------------------------------------------------------ */
/* Lock owners                                                         */

DraftingLockOwner *
drafting_lock_owner_copy (const DraftingLockOwner *owner)
{
  DraftingLockOwner *copy;

  g_return_val_if_fail (owner != NULL, NULL);

  copy = g_new0 (DraftingLockOwner, 1);
  copy->name = g_strdup (owner->name);
  copy->login = g_strdup (owner->login);
  copy->host = g_strdup (owner->host);
  copy->date = g_strdup (owner->date);
  copy->pid = owner->pid;
  copy->stale = owner->stale;

  return copy;
}

void
drafting_lock_owner_free (DraftingLockOwner *owner)
{
  if (owner == NULL)
    return;

  g_free (owner->name);
  g_free (owner->login);
  g_free (owner->host);
  g_free (owner->date);
  g_free (owner);
}

static void
append_escaped (GString    *line,
                const char *field)
{
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (line, '\\');
      g_string_append_c (line, *p);
    }
}

static GBytes *
make_lock_contents (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%d.%m.%Y %H:%M");
  GString *line = g_string_new (NULL);

  append_escaped (line, g_get_real_name ());
  g_string_append_c (line, ',');
  append_escaped (line, g_get_user_name ());
  g_string_append_c (line, ',');
  append_escaped (line, g_get_host_name ());
  g_string_append_c (line, ',');
  append_escaped (line, date);
  g_string_append_printf (line, ",%d;", (int) getpid ());

  return g_string_free_to_bytes (line);
}

/* The five fields of a lock, or %NULL if @data is not a whole one. A NUL
 * byte, escaped or not, is in no lock: it would cut a field short. */
static GPtrArray *
parse_fields (const char *data,
              gsize       len)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\\' && i + 1 < len)
        c = data[++i];
      else if (c == ',' || c == ';')
        {
          g_ptr_array_add (fields, g_utf8_make_valid (field->str, field->len));
          g_string_truncate (field, 0);

          if (c == ';')
            return fields->len == 5 ? g_steal_pointer (&fields) : NULL;
          if (fields->len == 5)
            return NULL;
          continue;
        }

      if (c == '\0')
        return NULL;
      g_string_append_c (field, c);
    }

  return NULL;
}

/**
 * _drafting_lock_owner_parse:
 * @data: (array length=len) (nullable): the bytes of a lock file
 * @len: their length
 *
 * Reads who a lock file names. Only the first %DRAFTING_LOCK_MAX_SIZE
 * bytes are looked at, as only those are read from a lock file. Bytes that
 * are not a lock give an owner whose fields are all empty: something there
 * still stands in the way, held by someone unknown. Whether the lock is
 * stale is not looked at: @stale is %FALSE.
 *
 * Returns: (transfer full): the owner, never %NULL
 */
DraftingLockOwner *
_drafting_lock_owner_parse (const char *data,
                            gsize       len)
{
  g_autoptr(GPtrArray) fields = NULL;
  DraftingLockOwner *owner = g_new0 (DraftingLockOwner, 1);
  guint64 pid;

  if (data == NULL)
    len = 0;

  if ((fields = parse_fields (data, MIN (len, MAX_LOCK_SIZE))) == NULL)
    {
      owner->name = g_strdup ("");
      owner->login = g_strdup ("");
      owner->host = g_strdup ("");
      owner->date = g_strdup ("");
      return owner;
    }

  owner->name = g_strdup (g_ptr_array_index (fields, 0));
  owner->login = g_strdup (g_ptr_array_index (fields, 1));
  owner->host = g_strdup (g_ptr_array_index (fields, 2));
  owner->date = g_strdup (g_ptr_array_index (fields, 3));
  if (g_ascii_string_to_unsigned (g_ptr_array_index (fields, 4), 10, 1, G_MAXINT, &pid, NULL))
    owner->pid = (int) pid;

  return owner;
}

/* @modified: when the lock file was written, in seconds since 1970, or -1
 * when that is not known
 * @key: (nullable): where the lock is in the registry */
static gboolean
is_stale (const DraftingLockOwner *owner,
          gint64                   modified,
          const char              *key)
{
  gint64 start;

  if (owner->pid <= 0 || g_ascii_strcasecmp (owner->host, g_get_host_name ()) != 0)
    return FALSE;

  /* Ours: held if this process holds it, else left by an earlier process
   * that had our pid. */
  if (owner->pid == getpid ())
    return !is_held_here (key);

  if (_drafting_process_is_gone (owner->pid))
    return TRUE;

  /* A process running under that pid, but begun after the lock was written:
   * not the one that wrote it. */
  if (modified >= 0 && _drafting_process_get_start_time (owner->pid, &start) &&
      start > modified + PID_REUSE_MARGIN)
    return TRUE;

  return FALSE;
}

/* The owner of a lock as its bytes say, and whether it is stale. */
static DraftingLockOwner *
parse_owner (GBytes     *contents,
             gint64      modified,
             const char *key)
{
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);
  DraftingLockOwner *owner = _drafting_lock_owner_parse (data, len);

  owner->stale = is_stale (owner, modified, key);

  return owner;
}

typedef enum
{
  LOCK_READ,
  LOCK_MISSING,
  LOCK_UNREADABLE,
} LockRead;

/* Reads at most MAX_LOCK_SIZE bytes of a lock file, and when it was
 * written (-1 when that is not known). A local one is opened without
 * waiting and must be a plain file: a pipe named as a lock would hold the
 * thread of the lock files, and with it every lock of the process, until
 * someone wrote into it. */
static LockRead
read_lock (GFile   *lock_file,
           GBytes **contents,
           gint64  *modified)
{
  g_autofree char *path = g_file_get_path (lock_file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = NULL;
  gsize len = 0;

  *contents = NULL;
  *modified = -1;

  if (path != NULL)
    {
      switch (_drafting_read_small_file (path, MAX_LOCK_SIZE, DRAFTING_SMALL_READ_NONE,
                                         contents, modified))
        {
        case DRAFTING_SMALL_READ_OK:
          return LOCK_READ;
        case DRAFTING_SMALL_READ_MISSING:
          return LOCK_MISSING;
        case DRAFTING_SMALL_READ_UNREADABLE:
        default:
          return LOCK_UNREADABLE;
        }
    }

  /* A lock on a remote location, through GIO. */
  if ((stream = g_file_read (lock_file, NULL, &error)) == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? LOCK_MISSING
                                                                     : LOCK_UNREADABLE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_TIME_MODIFIED, NULL, NULL);
  buffer = g_malloc (MAX_LOCK_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_LOCK_SIZE, &len, NULL, NULL))
    return LOCK_UNREADABLE;

  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    *modified = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  *contents = g_bytes_new_take (g_steal_pointer (&buffer), len);
  return LOCK_READ;
}

/* Removes @lock_file if it still holds @contents. */
static gboolean
remove_if_same (GFile  *lock_file,
                GBytes *contents)
{
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 modified;

  switch (read_lock (lock_file, &now, &modified))
    {
    case LOCK_MISSING:
      return TRUE;
    case LOCK_UNREADABLE:
      return FALSE;
    case LOCK_READ:
    default:
      break;
    }

  if (!g_bytes_equal (now, contents))
    return FALSE;

  if (!g_file_delete (lock_file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_debug ("The lock %s cannot be removed: %s", g_file_peek_path (lock_file),
               error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
drafting_file_lock_finalize (GObject *object)
{
  DraftingFileLock *self = (DraftingFileLock *) object;

  /* The registry forgets the lock at once, and its release is queued: no
   * file is touched in the thread that dropped the last reference, and a
   * locking of the document asked for from now on runs after the release.
   * A lock a child of fork() inherited is its parent's to release. */
  if (self->pid == getpid ())
    {
      g_mutex_lock (&worker.mutex);
      check_process_locked ();

      if (self->key != NULL)
        {
          Held *held = g_hash_table_lookup (worker.held, self->key);

          if (held != NULL && held->lock == self)
            g_hash_table_remove (worker.held, self->key);
        }

      if (self->contents != NULL)
        {
          Job *job = g_new0 (Job, 1);

          job->kind = JOB_RELEASE;
          job->key = g_strdup (self->key);
          job->lock_file = g_steal_pointer (&self->lock_file);
          job->contents = g_steal_pointer (&self->contents);
          queue_job_locked (job);
        }

      g_mutex_unlock (&worker.mutex);
    }

  g_clear_object (&self->file);
  g_clear_object (&self->lock_file);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (drafting_file_lock_parent_class)->finalize (object);
}

static void
drafting_file_lock_class_init (DraftingFileLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_file_lock_finalize;
}

static void
drafting_file_lock_init (DraftingFileLock *self)
{
  self->pid = getpid ();
}

/* A new lock, holding @lock_file if @contents were written there, and
 * nothing otherwise. With a @key, the registry has it from now on: called
 * on the worker only, which is alone to add to the registry. */
static DraftingFileLock *
file_lock_new (GFile      *file,
               GFile      *lock_file,
               GBytes     *contents,
               const char *key)
{
  DraftingFileLock *self = g_object_new (DRAFTING_TYPE_FILE_LOCK, NULL);

  self->file = g_object_ref (file);
  if (contents != NULL)
    {
      self->lock_file = g_object_ref (lock_file);
      self->contents = g_bytes_ref (contents);
    }

  if (key != NULL)
    {
      Held *held = g_new0 (Held, 1);

      self->key = g_strdup (key);
      g_weak_ref_init (&held->ref, self);
      held->lock = self;

      /* An entry there already is that of a lock whose last reference is
       * going: its finalize, seeing the entry is not its own, leaves it. */
      g_mutex_lock (&worker.mutex);
      check_process_locked ();
      g_hash_table_replace (worker.held, g_strdup (key), held);
      g_mutex_unlock (&worker.mutex);
    }

  return self;
}

/**
 * drafting_file_lock_file_for:
 *
 * Returns: (transfer full) (nullable): where the lock of @file goes, beside
 *   it, or %NULL when @file has no folder
 */
GFile *
drafting_file_lock_file_for (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((parent = g_file_get_parent (file)) == NULL ||
      (basename = g_file_get_basename (file)) == NULL)
    return NULL;

  name = g_strconcat (".~lock.", basename, "#", NULL);
  return g_file_get_child (parent, name);
}

static void
set_locked_error (GError                  **error,
                  const DraftingLockOwner  *owner)
{
  const char *who = owner->name[0] != '\0' ? owner->name : owner->login;

  if (who[0] == '\0')
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("The document is already open for editing elsewhere"));
  else if (owner->host[0] == '\0' || owner->date[0] == '\0')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("The document is already open for editing by %s"), who);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 /* Translators: a person, a computer and a date and time */
                 _("The document is already open for editing by %s on %s since %s"),
                 who, owner->host, owner->date);
}

/* Writes a new lock: TRUE with *@created set if it was, TRUE with it unset
 * if there is one already, FALSE if none can be written there. */
static gboolean
create_lock (GFile    *lock_file,
             GBytes   *contents,
             gboolean *created)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);

  *created = FALSE;

  if ((stream = g_file_create (lock_file, G_FILE_CREATE_NONE, NULL, &error)) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return TRUE;

      g_debug ("No lock can be written at %s: %s", g_file_peek_path (lock_file),
               error->message);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, len, NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      g_debug ("The lock %s cannot be written: %s", g_file_peek_path (lock_file),
               error->message);
      g_file_delete (lock_file, NULL, NULL);
      return FALSE;
    }

  *created = TRUE;
  return TRUE;
}

/* The lock there is, waiting a little for one just created to be written.
 * %NULL when it went away meanwhile. */
static GBytes *
read_existing_lock (GFile              *lock_file,
                    const char         *key,
                    DraftingLockOwner **owner)
{
  for (guint i = 0; ; i++)
    {
      g_autoptr(GBytes) contents = NULL;
      gint64 modified;

      switch (read_lock (lock_file, &contents, &modified))
        {
        case LOCK_MISSING:
          return NULL;

        case LOCK_UNREADABLE:
          /* There, but unreadable: held by someone unknown. */
          contents = g_bytes_new_static ("", 0);
          *owner = _drafting_lock_owner_parse (NULL, 0);
          return g_steal_pointer (&contents);

        case LOCK_READ:
        default:
          break;
        }

      if (g_bytes_get_size (contents) > 0 || i == EMPTY_LOCK_RETRIES)
        {
          *owner = parse_owner (contents, modified, key);
          return g_steal_pointer (&contents);
        }

      g_usleep (EMPTY_LOCK_DELAY);
    }
}

/* Locks @file: runs on the worker only. */
static DraftingFileLock *
acquire_now (GFile              *file,
             gboolean            force,
             DraftingLockOwner **holder,
             GError            **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *key = NULL;
  DraftingFileLock *lock;

  if ((lock_file = drafting_file_lock_file_for (file)) == NULL)
    return file_lock_new (file, NULL, NULL, NULL);

  /* Open here already: the same lock, whoever else may want it. */
  key = registry_key (lock_file);
  if ((lock = lookup_held (key)) != NULL)
    return lock;

  contents = make_lock_contents ();

  /* Each turn either locks, stops, or finds the lock it saw gone. */
  for (guint attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++)
    {
      g_autoptr(DraftingLockOwner) owner = NULL;
      g_autoptr(GBytes) existing = NULL;
      gboolean created;

      if (!create_lock (lock_file, contents, &created))
        return file_lock_new (file, NULL, NULL, key);
      if (created)
        return file_lock_new (file, lock_file, contents, key);

      if ((existing = read_existing_lock (lock_file, key, &owner)) == NULL)
        continue;

      if (!force && !owner->stale)
        {
          set_locked_error (error, owner);
          *holder = g_steal_pointer (&owner);
          return NULL;
        }

      g_debug ("Taking over the lock %s of %s (pid %d)%s", g_file_peek_path (lock_file),
               owner->login, owner->pid, owner->stale ? ", which is stale" : "");

      /* Removed only if it is still the one judged; if another process
       * took it meanwhile, the next turn judges that one. */
      if (!remove_if_same (lock_file, existing) &&
          g_file_query_exists (lock_file, NULL))
        {
          g_autoptr(GBytes) again = NULL;
          gint64 modified;

          /* The same lock still there, that cannot be removed. */
          if (read_lock (lock_file, &again, &modified) != LOCK_READ ||
              g_bytes_equal (again, existing))
            return file_lock_new (file, NULL, NULL, key);
        }
    }

  g_debug ("The lock %s keeps changing: giving up", g_file_peek_path (lock_file));
  return file_lock_new (file, NULL, NULL, key);
}

/* Removes a released lock's file, unless this process has taken the
 * document's lock again since: the file, which says the same (the same
 * person and pid, within the same minute), is the new lock's then. */
static void
release_now (const char *key,
             GFile      *lock_file,
             GBytes     *contents)
{
  if (is_held_here (key))
    return;

  remove_if_same (lock_file, contents);
}

typedef struct
{
  GFile             *file;
  DraftingLockOwner *holder;
  guint              force : 1;
} AcquireData;

static void
acquire_data_free (gpointer data)
{
  AcquireData *acquire = data;

  g_clear_object (&acquire->file);
  g_clear_pointer (&acquire->holder, drafting_lock_owner_free);
  g_free (acquire);
}

static void
run_job (Job *job)
{
  switch (job->kind)
    {
    case JOB_ACQUIRE:
      {
        AcquireData *data = g_task_get_task_data (job->task);
        g_autoptr(GError) error = NULL;
        DraftingFileLock *lock;

        if (g_task_return_error_if_cancelled (job->task))
          break;

        if ((lock = acquire_now (data->file, data->force, &data->holder, &error)) != NULL)
          g_task_return_pointer (job->task, lock, g_object_unref);
        else
          g_task_return_error (job->task, g_steal_pointer (&error));
      }
      break;

    case JOB_RELEASE:
      release_now (job->key, job->lock_file, job->contents);
      break;

    case JOB_CALL:
      job->func (job->data);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * drafting_file_lock_acquire_async:
 * @file: the document to open for editing
 * @force: whether to take the lock even from someone who holds it
 * @cancellable: (nullable): to give up before the lock is looked at
 * @callback: called once the lock is taken, or cannot be
 * @user_data: for @callback
 *
 * Locks @file for editing, writing a lock file beside it, in the thread of
 * the lock files (see drafting_file_lock_acquire()).
 */
void
drafting_file_lock_acquire_async (GFile               *file,
                                  gboolean             force,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AcquireData *data;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_file_lock_acquire_async);

  data = g_new0 (AcquireData, 1);
  data->file = g_object_ref (file);
  data->force = !!force;
  g_task_set_task_data (task, data, acquire_data_free);

  job = g_new0 (Job, 1);
  job->kind = JOB_ACQUIRE;
  job->task = g_steal_pointer (&task);
  queue_job (job);
}

/**
 * drafting_file_lock_acquire_finish:
 * @result: what the callback was given
 * @holder: (out) (optional) (nullable) (transfer full): when someone else
 *   holds the lock, who; %NULL otherwise
 *
 * Returns: (transfer full) (nullable): the lock, to keep while the
 *   document is open; %NULL with a %G_IO_ERROR_EXISTS error when someone
 *   else has the document open
 */
DraftingFileLock *
drafting_file_lock_acquire_finish (GAsyncResult       *result,
                                   DraftingLockOwner **holder,
                                   GError            **error)
{
  AcquireData *data;
  DraftingFileLock *lock;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_file_lock_acquire_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (holder != NULL)
    *holder = NULL;

  data = g_task_get_task_data (G_TASK (result));
  lock = g_task_propagate_pointer (G_TASK (result), error);
  if (lock == NULL && holder != NULL && data->holder != NULL)
    *holder = drafting_lock_owner_copy (data->holder);

  return lock;
}

static void
on_acquired (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * drafting_file_lock_acquire:
 * @file: the document to open for editing
 * @force: whether to take the lock even from someone who holds it
 * @holder: (out) (optional) (nullable) (transfer full): when someone else
 *   holds the lock, who; %NULL otherwise
 *
 * Locks @file for editing, writing a lock file beside it. If this process
 * has it locked already, that lock is given again. A lock that is stale
 * (see #DraftingLockOwner) is taken over; one held by someone else stops
 * the open, unless @force. Where no lock can be written, as on read-only
 * media, the lock returned holds nothing: that does not stop the open
 * either.
 *
 * This waits for the thread of the lock files, in turn after the locks
 * and releases asked for before: it is for the command-line tool and the
 * tests. The window uses drafting_file_lock_acquire_async().
 *
 * Returns: (transfer full) (nullable): the lock, to keep while the
 *   document is open; %NULL with a %G_IO_ERROR_EXISTS error when someone
 *   else has the document open
 */
DraftingFileLock *
drafting_file_lock_acquire (GFile              *file,
                            gboolean            force,
                            DraftingLockOwner **holder,
                            GError            **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  drafting_file_lock_acquire_async (file, force, NULL, on_acquired, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return drafting_file_lock_acquire_finish (result, holder, error);
}

/**
 * drafting_file_lock_get_file:
 *
 * Returns: (transfer none): the document locked, as the first to lock it
 *   in this process named it
 */
GFile *
drafting_file_lock_get_file (DraftingFileLock *self)
{
  g_return_val_if_fail (DRAFTING_IS_FILE_LOCK (self), NULL);

  return self->file;
}

/**
 * drafting_file_lock_get_lock_file:
 *
 * Returns: (transfer none) (nullable): the lock file written, or %NULL
 *   when the lock holds nothing
 */
GFile *
drafting_file_lock_get_lock_file (DraftingFileLock *self)
{
  g_return_val_if_fail (DRAFTING_IS_FILE_LOCK (self), NULL);

  return self->lock_file;
}

/**
 * drafting_file_lock_is_held:
 *
 * Returns: %TRUE if a lock file was written, which stays until the last
 *   reference to the lock goes; %FALSE when none could be written (a
 *   read-only folder)
 */
gboolean
drafting_file_lock_is_held (DraftingFileLock *self)
{
  g_return_val_if_fail (DRAFTING_IS_FILE_LOCK (self), FALSE);

  return self->contents != NULL;
}

/**
 * drafting_file_lock_read:
 * @file: a document
 *
 * Reads the lock of @file, in the caller's thread.
 *
 * Returns: (transfer full) (nullable): who holds the lock of @file, or
 *   %NULL when there is none
 */
DraftingLockOwner *
drafting_file_lock_read (GFile *file)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *key = NULL;
  gint64 modified;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((lock_file = drafting_file_lock_file_for (file)) == NULL)
    return NULL;

  switch (read_lock (lock_file, &contents, &modified))
    {
    case LOCK_MISSING:
      return NULL;
    case LOCK_UNREADABLE:
      return _drafting_lock_owner_parse (NULL, 0);
    case LOCK_READ:
    default:
      break;
    }

  key = registry_key (lock_file);
  return parse_owner (contents, modified, key);
}
