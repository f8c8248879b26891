/* drafting-file-lock.c: who has a document open for editing, in LibreOffice's lock files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-file-lock"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "drafting-file-lock.h"

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
 * was written (the pid was reused, after a restart most often), or the pid
 * is the calling process's own. A stale lock is taken over; a lock from
 * another host is always taken as held, since nothing here can tell.
 *
 * A folder where no lock file can be written (read-only media, a folder of
 * someone else's) does not stop the document from opening: the lock object
 * then holds nothing, and drafting_file_lock_is_held() says so.
 */

/* A lock file is a line; anything longer is not one. */
#define MAX_LOCK_SIZE 4096

/* How much later than a lock's writing a process must have started to be
 * sure it did not write it, clocks being set right now and then. */
#define PID_REUSE_MARGIN (10 * 60)

/* How long to wait for a lock file just created to be written. */
#define EMPTY_LOCK_RETRIES 10
#define EMPTY_LOCK_DELAY   (20 * 1000)

struct _DraftingFileLock
{
  GObject  parent_instance;

  GFile   *file;
  GFile   *lock_file;
  GBytes  *contents;    /* what was written, to know it is still ours */
};

G_DEFINE_FINAL_TYPE (DraftingFileLock, drafting_file_lock, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (DraftingLockOwner, drafting_lock_owner,
                     drafting_lock_owner_copy, drafting_lock_owner_free)

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

/* The five fields of a lock, or %NULL if @data is not a whole one. */
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
        g_string_append_c (field, data[++i]);
      else if (c == ',' || c == ';')
        {
          g_ptr_array_add (fields, g_utf8_make_valid (field->str, field->len));
          g_string_truncate (field, 0);

          if (c == ';')
            return fields->len == 5 ? g_steal_pointer (&fields) : NULL;
          if (fields->len == 5)
            return NULL;
        }
      else if (c == '\0')
        return NULL;
      else
        g_string_append_c (field, c);
    }

  return NULL;
}

/* When a process started, in seconds since 1970, from the boot time in
 * /proc/stat and its start in clock ticks after boot, field 22 of
 * /proc/PID/stat (counted from the last ')', the command name before it
 * holding anything). */
static gboolean
get_process_start (pid_t   pid,
                   gint64 *start)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_autofree char *system = NULL;
  g_auto(GStrv) fields = NULL;
  const char *rest;
  const char *btime;
  guint64 ticks;
  guint64 boot;
  long hz;

  if (!g_file_get_contents (path, &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/stat", &system, NULL, NULL))
    return FALSE;

  if ((rest = strrchr (stat, ')')) == NULL)
    return FALSE;
  fields = g_strsplit_set (g_strstrip ((char *) rest + 1), " ", -1);
  if (g_strv_length (fields) < 20 ||
      !g_ascii_string_to_unsigned (fields[22 - 3], 10, 0, G_MAXUINT64, &ticks, NULL))
    return FALSE;

  if ((btime = strstr (system, "\nbtime ")) == NULL)
    return FALSE;
  boot = g_ascii_strtoull (btime + strlen ("\nbtime "), NULL, 10);

  if ((hz = sysconf (_SC_CLK_TCK)) <= 0 || boot == 0)
    return FALSE;

  *start = (gint64) boot + (gint64) (ticks / (guint64) hz);
  return TRUE;
}

static gboolean
is_stale (const DraftingLockOwner *owner,
          GFileInfo               *info)
{
  gint64 start;

  if (owner->pid <= 0 || g_ascii_strcasecmp (owner->host, g_get_host_name ()) != 0)
    return FALSE;

  if (owner->pid == getpid ())
    return TRUE;

  if (kill (owner->pid, 0) != 0 && errno == ESRCH)
    return TRUE;

  /* A process running under that pid, but begun after the lock was written:
   * not the one that wrote it. */
  if (info != NULL &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) &&
      get_process_start (owner->pid, &start))
    {
      gint64 written = (gint64) g_file_info_get_attribute_uint64 (info,
                                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED);

      if (start > written + PID_REUSE_MARGIN)
        return TRUE;
    }

  return FALSE;
}

/* The owner of a lock as its bytes say: one with empty fields when they
 * are not a lock, since something there still stands in the way. */
static DraftingLockOwner *
parse_owner (GBytes    *contents,
             GFileInfo *info)
{
  g_autoptr(GPtrArray) fields = NULL;
  DraftingLockOwner *owner = g_new0 (DraftingLockOwner, 1);
  const char *data;
  gsize len;
  guint64 pid;

  data = g_bytes_get_data (contents, &len);
  if ((fields = parse_fields (data, len)) == NULL)
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
  owner->stale = is_stale (owner, info);

  return owner;
}

/* The bytes of a lock file, at most MAX_LOCK_SIZE of them; %NULL with
 * G_IO_ERROR_NOT_FOUND when there is none. */
static GBytes *
read_lock (GFile      *lock_file,
           GFileInfo **info,
           GError    **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = g_malloc (MAX_LOCK_SIZE);
  gsize len = 0;

  if ((stream = g_file_read (lock_file, NULL, error)) == NULL)
    return NULL;

  if (info != NULL)
    *info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_TIME_MODIFIED, NULL, NULL);

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_LOCK_SIZE, &len, NULL,
                                error))
    {
      if (info != NULL)
        g_clear_object (info);
      return NULL;
    }

  return g_bytes_new (buffer, len);
}

/* Removes @lock_file if it still holds @contents. */
static gboolean
remove_if_same (GFile  *lock_file,
                GBytes *contents)
{
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;

  if ((now = read_lock (lock_file, NULL, &error)) == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

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

  drafting_file_lock_release (self);

  g_clear_object (&self->file);
  g_clear_object (&self->lock_file);
  g_clear_pointer (&self->contents, g_bytes_unref);

  G_OBJECT_CLASS (drafting_file_lock_parent_class)->finalize (object);
}

static void
drafting_file_lock_class_init (DraftingFileLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_file_lock_finalize;
}

static void
drafting_file_lock_init (DraftingFileLock *self G_GNUC_UNUSED)
{
}

static DraftingFileLock *
file_lock_new (GFile  *file,
               GFile  *lock_file,
               GBytes *contents)
{
  DraftingFileLock *self = g_object_new (DRAFTING_TYPE_FILE_LOCK, NULL);

  self->file = g_object_ref (file);
  if (contents != NULL)
    {
      self->lock_file = g_object_ref (lock_file);
      self->contents = g_bytes_ref (contents);
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
create_lock (GFile   *lock_file,
             GBytes  *contents,
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
                    DraftingLockOwner **owner)
{
  for (guint i = 0; ; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autoptr(GError) error = NULL;

      if ((contents = read_lock (lock_file, &info, &error)) == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              /* There, but unreadable: held by someone unknown. */
              contents = g_bytes_new_static ("", 0);
              *owner = parse_owner (contents, NULL);
              return g_steal_pointer (&contents);
            }
          return NULL;
        }

      if (g_bytes_get_size (contents) > 0 || i == EMPTY_LOCK_RETRIES)
        {
          *owner = parse_owner (contents, info);
          return g_steal_pointer (&contents);
        }

      g_usleep (EMPTY_LOCK_DELAY);
    }
}

/**
 * drafting_file_lock_acquire:
 * @file: the document to open for editing
 * @force: whether to take the lock even from someone who holds it
 * @holder: (out) (optional) (nullable): when someone else holds the lock,
 *   who; %NULL otherwise
 *
 * Locks @file for editing, writing a lock file beside it. A lock that is
 * stale (see #DraftingLockOwner) is taken over; one held by someone else
 * stops the open, unless @force. Where no lock can be written, as on
 * read-only media, the lock returned holds nothing: that does not stop the
 * open either.
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
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (holder != NULL)
    *holder = NULL;

  if ((lock_file = drafting_file_lock_file_for (file)) == NULL)
    return file_lock_new (file, NULL, NULL);

  contents = make_lock_contents ();

  /* Each turn either locks, stops, or finds the lock it saw gone. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(DraftingLockOwner) owner = NULL;
      g_autoptr(GBytes) existing = NULL;
      gboolean created;

      if (!create_lock (lock_file, contents, &created))
        return file_lock_new (file, NULL, NULL);
      if (created)
        return file_lock_new (file, lock_file, contents);

      if ((existing = read_existing_lock (lock_file, &owner)) == NULL)
        continue;

      if (!force && !owner->stale)
        {
          set_locked_error (error, owner);
          if (holder != NULL)
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
          g_autoptr(GBytes) again = read_lock (lock_file, NULL, NULL);

          /* The same lock still there, that cannot be removed. */
          if (again != NULL && g_bytes_equal (again, existing))
            return file_lock_new (file, NULL, NULL);
        }
    }

  g_debug ("The lock %s keeps changing: giving up", g_file_peek_path (lock_file));
  return file_lock_new (file, NULL, NULL);
}

/**
 * drafting_file_lock_release:
 *
 * Removes the lock file, if it is still the one written by this lock: one
 * written since by someone else (who took it over with force) is left
 * alone. Finalizing the lock does the same.
 */
void
drafting_file_lock_release (DraftingFileLock *self)
{
  g_return_if_fail (DRAFTING_IS_FILE_LOCK (self));

  if (self->contents == NULL)
    return;

  remove_if_same (self->lock_file, self->contents);

  g_clear_object (&self->lock_file);
  g_clear_pointer (&self->contents, g_bytes_unref);
}

/**
 * drafting_file_lock_get_file:
 *
 * Returns: (transfer none): the document locked
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
 * Returns: %TRUE if a lock file was written and not released; %FALSE when
 *   none could be written (a read-only folder) or it was released
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
 * Returns: (transfer full) (nullable): who holds the lock of @file, or
 *   %NULL when there is none
 */
DraftingLockOwner *
drafting_file_lock_read (GFile *file)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((lock_file = drafting_file_lock_file_for (file)) == NULL)
    return NULL;

  if ((contents = read_lock (lock_file, &info, &error)) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      contents = g_bytes_new_static ("", 0);
    }

  return parse_owner (contents, info);
}
