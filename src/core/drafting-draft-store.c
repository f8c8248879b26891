/* drafting-draft-store.c: unsaved work kept aside, to survive a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-draft-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "drafting-draft-store.h"
#include "drafting-core.h"
#include "drafting-draft-store-private.h"
#include "drafting-io.h"
#include "drafting-native.h"
#include "drafting-process-private.h"

/*
 * The store is a folder of drafts, each two files named by its id:
 *
 *   ID.wcodraft   the document, in the native format
 *   ID.info       a key file: the original file's URI, the title, when it
 *                 was written, and who owns the draft
 *
 * A draft is whole when its key file is there: the document is written
 * before it, each file through a temporary one renamed over the old
 * (drafting_file_replace_full()), so a kill at any moment leaves either the
 * last draft or the one before, never half of one. The key file of a new
 * draft is also written once before its document, so that another instance
 * looking at the folder at that moment never takes a document without a key
 * file for the orphan of a crash. A key file without a document is a draft
 * being created, or being discarded: it is never listed. A kill between
 * the two files of a later save leaves the new document with the key file
 * of the save before, its title and time one save behind.
 *
 * The owner is the process that writes the draft: its pid, its host, the
 * boot it runs in and its start time (so that a pid reused after the owner
 * died is not taken for the owner). A draft whose owner is gone is an
 * orphan, offered back on the next start. A draft written from another
 * host, in a home shared over the network, cannot be checked: it counts as
 * its owner's for a day after it was last written, and as an orphan after
 * that, since a running instance rewrites its drafts every few seconds.
 *
 * Every operation has a form that runs in a thread, for the window, whose
 * main loop must never wait on the disk. A save takes a snapshot of the
 * document in the caller's thread (cheap) and turns it into bytes in the
 * thread. The store writes one draft at a time, and each save or discard
 * of a draft is given a serial number when it is asked for, so that a save
 * overtaken by a later save or by a discard of the same draft writes
 * nothing. Otherwise an autosave still running when the document is saved
 * and its draft discarded would bring the draft back. The serial numbers
 * have a mutex of their own, held for instants only, so that asking for a
 * discard never waits for a draft being written.
 */

#define DOCUMENT_SUFFIX      DRAFTING_NATIVE_EXTENSION
#define INFO_SUFFIX          ".info"
#define DRAFT_GROUP          "Draft"
#define OWNER_GROUP          "Owner"
#define INFO_VERSION         1
#define MAX_INFO_SIZE        DRAFTING_DRAFT_INFO_MAX_SIZE
#define FOREIGN_HOST_TIMEOUT G_TIME_SPAN_DAY
#define STRAY_FILE_TIMEOUT   G_TIME_SPAN_DAY
#define UUID_LENGTH          36

struct _DraftingDraftStore
{
  GObject     parent_instance;

  char       *directory;
  GHashTable *latest;        /* id → the serial of its last save or discard */
  GMutex      serial_lock;   /* over latest and serial, held for instants */
  GMutex      write_lock;    /* held while a draft is written or removed */
  guint64     serial;
};

G_DEFINE_FINAL_TYPE (DraftingDraftStore, drafting_draft_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (DraftingDraftInfo, drafting_draft_info,
                     drafting_draft_info_copy, drafting_draft_info_free)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Draft info                                                          */

DraftingDraftInfo *
drafting_draft_info_copy (const DraftingDraftInfo *info)
{
  DraftingDraftInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (DraftingDraftInfo, 1);
  copy->id = g_strdup (info->id);
  copy->uri = g_strdup (info->uri);
  copy->title = g_strdup (info->title);
  copy->modified = info->modified != NULL ? g_date_time_ref (info->modified) : NULL;
  copy->size = info->size;

  return copy;
}

void
drafting_draft_info_free (DraftingDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->uri);
  g_free (info->title);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

/* ------------------------------------------------------------------ */
/* Who owns a draft                                                    */

static void
set_owner (GKeyFile *keyfile)
{
  g_autofree char *boot_id = _drafting_process_get_boot_id ();
  guint64 start_time;

  g_key_file_remove_group (keyfile, OWNER_GROUP, NULL);
  g_key_file_set_int64 (keyfile, OWNER_GROUP, "Pid", getpid ());
  g_key_file_set_string (keyfile, OWNER_GROUP, "Host", g_get_host_name ());
  if (boot_id != NULL)
    g_key_file_set_string (keyfile, OWNER_GROUP, "BootId", boot_id);
  if (_drafting_process_get_start_ticks (getpid (), &start_time))
    g_key_file_set_uint64 (keyfile, OWNER_GROUP, "StartTime", start_time);
}

/* A string of a key file that anyone may have written. GLib's own reader
 * (2.74) logs a warning when a value holds an unknown escape and ends with
 * a backslash, setting its error twice: such a value is not the store's,
 * and is taken for none. */
static char *
get_string (GKeyFile   *keyfile,
            const char *group,
            const char *key)
{
  g_autofree char *raw = g_key_file_get_value (keyfile, group, key, NULL);

  if (raw == NULL)
    return NULL;

  for (const char *p = raw; *p != '\0'; p++)
    if (*p == '\\')
      {
        p++;
        if (*p == '\0' || strchr ("sntr\\", *p) == NULL)
          return NULL;
      }

  return g_key_file_get_string (keyfile, group, key, NULL);
}

/* When the draft was written, in UTC as the store writes it: a time in
 * another zone, written by hand, comes back the same instant. */
static GDateTime *
get_modified (GKeyFile *keyfile)
{
  g_autofree char *text = get_string (keyfile, DRAFT_GROUP, "Modified");
  g_autoptr(GDateTime) modified = NULL;

  if (text == NULL || (modified = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return NULL;

  return g_date_time_to_utc (modified);
}

/* Whether the process that wrote @keyfile may still be running, and
 * writing the draft. */
static gboolean
owner_is_alive (GKeyFile *keyfile)
{
  g_autofree char *host = get_string (keyfile, OWNER_GROUP, "Host");
  g_autofree char *boot_id = NULL;
  g_autofree char *our_boot_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pid;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, g_get_host_name ()) != 0)
    {
      g_autoptr(GDateTime) modified = get_modified (keyfile);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      return modified != NULL &&
             g_date_time_difference (now, modified) < FOREIGN_HOST_TIMEOUT;
    }

  boot_id = get_string (keyfile, OWNER_GROUP, "BootId");
  our_boot_id = _drafting_process_get_boot_id ();
  if (boot_id != NULL && our_boot_id != NULL && g_strcmp0 (boot_id, our_boot_id) != 0)
    return FALSE;

  pid = g_key_file_get_int64 (keyfile, OWNER_GROUP, "Pid", &error);
  if (error != NULL || pid <= 0 || pid > G_MAXINT)
    return FALSE;

  if (_drafting_process_is_gone ((pid_t) pid))
    return FALSE;

  if (g_key_file_has_key (keyfile, OWNER_GROUP, "StartTime", NULL))
    {
      guint64 recorded = g_key_file_get_uint64 (keyfile, OWNER_GROUP, "StartTime", &error);
      guint64 actual;

      if (error != NULL)
        return FALSE;
      if (_drafting_process_get_start_ticks ((pid_t) pid, &actual) && actual != recorded)
        return FALSE;
    }

  return TRUE;
}

/* The key file in @data, or %NULL when it is not that of a draft: too
 * large, with a NUL byte (no text has one), not a key file, or without
 * the group of a draft. */
static GKeyFile *
parse_keyfile (const char *data,
               gsize       len)
{
  g_autoptr(GKeyFile) keyfile = NULL;

  if (data == NULL || len > MAX_INFO_SIZE || memchr (data, '\0', len) != NULL)
    return NULL;

  keyfile = g_key_file_new ();
  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_group (keyfile, DRAFT_GROUP))
    return NULL;

  return g_steal_pointer (&keyfile);
}

/**
 * _drafting_draft_info_parse:
 * @id: the draft's id
 * @data: (array length=len) (nullable): the bytes of its key file
 * @len: their length
 * @owner_alive: (out) (optional): whether the process that wrote the draft
 *   may still be running, and writing it; %FALSE when @data is not a key
 *   file of a draft
 *
 * Reads what the key file of a draft says. Any bytes may be given: more
 * than %DRAFTING_DRAFT_INFO_MAX_SIZE of them, or bytes that are not a key
 * file of a draft, give %NULL, never a warning.
 *
 * Returns: (transfer full) (nullable): the draft's info, with its title
 *   ("Untitled draft" when the key file has none), its original's URI when
 *   that is one, and when it was written, %NULL when the key file does not
 *   say; its size is 0
 */
DraftingDraftInfo *
_drafting_draft_info_parse (const char *id,
                            const char *data,
                            gsize       len,
                            gboolean   *owner_alive)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  DraftingDraftInfo *info;

  g_return_val_if_fail (id != NULL, NULL);

  if (owner_alive != NULL)
    *owner_alive = FALSE;

  if ((keyfile = parse_keyfile (data, len)) == NULL)
    return NULL;

  if (owner_alive != NULL)
    *owner_alive = owner_is_alive (keyfile);

  info = g_new0 (DraftingDraftInfo, 1);
  info->id = g_strdup (id);
  info->uri = get_string (keyfile, DRAFT_GROUP, "Original");
  info->title = get_string (keyfile, DRAFT_GROUP, "Title");
  info->modified = get_modified (keyfile);

  /* The window makes a file of it: it must be a URI. */
  if (info->uri != NULL && !g_uri_is_valid (info->uri, G_URI_FLAGS_NONE, NULL))
    g_clear_pointer (&info->uri, g_free);
  if (info->title == NULL)
    info->title = g_strdup (_("Untitled draft"));

  return info;
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

/**
 * drafting_draft_store_is_valid_id:
 *
 * Whether @id is one the store makes: a UUID as g_uuid_string_random()
 * writes it, in lower case, so that no id can name a file outside the
 * store (nor two ids the same file, where case does not count).
 *
 * Returns: %TRUE if it is
 */
gboolean
drafting_draft_store_is_valid_id (const char *id)
{
  if (id == NULL || strlen (id) != UUID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f') && *p != '-')
      return FALSE;

  return g_uuid_string_is_valid (id);
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (drafting_draft_store_is_valid_id (id))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("This is not the name of a draft"));
  return FALSE;
}

static char *
build_path (DraftingDraftStore *self,
            const char         *id,
            const char         *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->directory, name, NULL);
}

/* Creates the folder of drafts, or says why it cannot be, in words a
 * person can act on; the codes are GIO's, so that the window can tell a
 * full disk from the rest. A file size limit counts as a full disk: to the
 * person, it is one. */
static gboolean
ensure_directory (DraftingDraftStore  *self,
                  GError             **error)
{
  int errsv;

  if (g_mkdir_with_parents (self->directory, 0700) == 0)
    return TRUE;

  errsv = errno;
  switch (errsv)
    {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There is no room left on the disk for the folder of drafts"));
      break;

    case EACCES:
    case EPERM:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("You are not allowed to create the folder of drafts"));
      break;

    case EROFS:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("The folder of drafts is on a disk that cannot be written to"));
      break;

    case ENOTDIR:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                           _("A file stands where the folder of drafts should be"));
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: %s is the system's own reason */
                   _("The folder of drafts cannot be created: %s"), g_strerror (errsv));
      break;
    }

  return FALSE;
}

/* Replaces a file of the store atomically, readable by the user only. Its
 * errors are in a person's words and never name the temporary file. The
 * folder is not flushed after the rename: after a power cut the draft
 * before may come back instead, which is whole too, and every autosave
 * need not wait for the disk twice. */
static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return drafting_file_replace_full (file, data, len,
                                     DRAFTING_REPLACE_PRIVATE | DRAFTING_REPLACE_NOT_DURABLE,
                                     NULL, NULL, NULL, error);
}

static gboolean
write_info (const char  *path,
            GKeyFile    *keyfile,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  data = g_key_file_to_data (keyfile, &len, NULL);
  return write_file (path, data, len, error);
}

/* The bytes of a small file of the store, or %NULL when it is missing,
 * not a plain file, or larger than @max_size (nothing the store writes
 * is). */
static GBytes *
read_small_file (const char *path,
                 gsize       max_size)
{
  GBytes *contents = NULL;

  if (_drafting_read_small_file (path, max_size, DRAFTING_SMALL_READ_REFUSE_LARGER,
                                 &contents, NULL) != DRAFTING_SMALL_READ_OK)
    return NULL;

  return contents;
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  int errsv;

  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;

  errsv = errno;
  if (errsv == EACCES || errsv == EPERM)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("You are not allowed to remove the draft"));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 /* Translators: %s is the system's own reason */
                 _("The draft could not be removed: %s"), g_strerror (errsv));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
drafting_draft_store_finalize (GObject *object)
{
  DraftingDraftStore *self = (DraftingDraftStore *) object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->latest, g_hash_table_unref);
  g_mutex_clear (&self->serial_lock);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (drafting_draft_store_parent_class)->finalize (object);
}

static void
drafting_draft_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DraftingDraftStore *self = DRAFTING_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_draft_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DraftingDraftStore *self = DRAFTING_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_free (self->directory);
      if (g_value_get_string (value) != NULL)
        self->directory = g_value_dup_string (value);
      else
        self->directory = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "drafts",
                                            NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_draft_store_class_init (DraftingDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_draft_store_finalize;
  object_class->get_property = drafting_draft_store_get_property;
  object_class->set_property = drafting_draft_store_set_property;

  /**
   * DraftingDraftStore:directory:
   *
   * The folder of the drafts, created (private to the user) when the first
   * draft is saved. %NULL at construction means the user's data folder.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_draft_store_init (DraftingDraftStore *self)
{
  self->latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->serial_lock);
  g_mutex_init (&self->write_lock);
}

/**
 * drafting_draft_store_new:
 * @directory: (nullable): the folder of the drafts, or %NULL for
 *   `$XDG_DATA_HOME/org.wco.drafting/drafts`
 *
 * Returns: (transfer full): a store of drafts
 */
DraftingDraftStore *
drafting_draft_store_new (const char *directory)
{
  return g_object_new (DRAFTING_TYPE_DRAFT_STORE,
                       "directory", directory,
                       NULL);
}

/**
 * drafting_draft_store_get_directory:
 *
 * Returns: the folder of the drafts
 */
const char *
drafting_draft_store_get_directory (DraftingDraftStore *self)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

/* ------------------------------------------------------------------ */
/* The order of saves and discards                                     */

/* Marks a change of the draft @id, asked for now: the saves and discards
 * asked for before it are superseded. */
static guint64
bump_serial (DraftingDraftStore *self,
             const char         *id)
{
  guint64 serial;

  g_mutex_lock (&self->serial_lock);
  serial = ++self->serial;
  g_hash_table_insert (self->latest, g_strdup (id), g_memdup2 (&serial, sizeof serial));
  g_mutex_unlock (&self->serial_lock);

  return serial;
}

static gboolean
is_latest (DraftingDraftStore *self,
           const char         *id,
           guint64             serial)
{
  const guint64 *latest;
  gboolean result;

  g_mutex_lock (&self->serial_lock);
  latest = g_hash_table_lookup (self->latest, id);
  result = latest != NULL && *latest == serial;
  g_mutex_unlock (&self->serial_lock);

  return result;
}

/* A draft discarded, with nothing asked for since: its serial is dropped.
 * A save asked for before finds no serial of its own then, and writes
 * nothing, as it would finding a later one. */
static void
forget_serial (DraftingDraftStore *self,
               const char         *id,
               guint64             serial)
{
  const guint64 *latest;

  g_mutex_lock (&self->serial_lock);
  latest = g_hash_table_lookup (self->latest, id);
  if (latest != NULL && *latest == serial)
    g_hash_table_remove (self->latest, id);
  g_mutex_unlock (&self->serial_lock);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

/* Writes a draft: called with the write lock held, from any thread. */
static gboolean
write_draft (DraftingDraftStore  *self,
             const char          *id,
             GBytes              *bytes,
             const char          *original_uri,
             const char          *title,
             GError             **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *document_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *modified = NULL;
  gboolean is_new;

  if (!ensure_directory (self, error))
    return FALSE;

  now = g_date_time_new_now_utc ();
  modified = g_date_time_format_iso8601 (now);

  keyfile = g_key_file_new ();
  g_key_file_set_integer (keyfile, DRAFT_GROUP, "Version", INFO_VERSION);
  if (original_uri != NULL)
    g_key_file_set_string (keyfile, DRAFT_GROUP, "Original", original_uri);
  if (title != NULL)
    g_key_file_set_string (keyfile, DRAFT_GROUP, "Title", title);
  g_key_file_set_string (keyfile, DRAFT_GROUP, "Modified", modified);
  set_owner (keyfile);

  document_path = build_path (self, id, DOCUMENT_SUFFIX);
  info_path = build_path (self, id, INFO_SUFFIX);
  is_new = !g_file_test (info_path, G_FILE_TEST_EXISTS);

  /* A new draft is claimed before its document is written. */
  if (is_new && !write_info (info_path, keyfile, error))
    return FALSE;

  if (!write_file (document_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   error) ||
      !write_info (info_path, keyfile, error))
    {
      if (is_new && !g_file_test (document_path, G_FILE_TEST_EXISTS))
        g_unlink (info_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * drafting_draft_store_save_bytes:
 * @id: (nullable): the draft to write over, or %NULL for a new one
 * @bytes: a document in the native format, as drafting_native_save_bytes()
 *   makes it
 * @original: (nullable): the file it was opened from or last saved to
 * @title: (nullable): what to call the draft when it is offered back
 *
 * Writes a draft owned by the calling process. Either the whole draft is
 * written or, on an error, the one before is left as it was. This may be
 * called from any thread.
 *
 * Returns: (transfer full) (nullable): the draft's id (the new one when @id
 *   is %NULL), or %NULL on an error: a full disk is %G_IO_ERROR_NO_SPACE
 */
char *
drafting_draft_store_save_bytes (DraftingDraftStore  *self,
                                 const char          *id,
                                 GBytes              *bytes,
                                 GFile               *original,
                                 const char          *title,
                                 GError             **error)
{
  g_autofree char *new_id = NULL;
  g_autofree char *uri = NULL;
  gboolean written;
  guint64 serial;

  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id == NULL)
    id = new_id = g_uuid_string_random ();
  else if (!check_id (id, error))
    return NULL;

  if (original != NULL)
    uri = g_file_get_uri (original);

  /* Overtaken by a save or a discard asked for while this one waited for
   * the store, it writes nothing: as a save in a thread. */
  serial = bump_serial (self, id);
  g_mutex_lock (&self->write_lock);
  written = !is_latest (self, id, serial) || write_draft (self, id, bytes, uri, title, error);
  g_mutex_unlock (&self->write_lock);

  return written ? g_strdup (id) : NULL;
}

/**
 * drafting_draft_store_save:
 * @id: (nullable): the draft to write over, or %NULL for a new one
 * @document: the document with unsaved changes
 * @original: (nullable): the file it was opened from or last saved to
 * @title: (nullable): what to call the draft when it is offered back
 *
 * Writes @document into a draft owned by the calling process. Either the
 * whole draft is written or, on an error, the one before is left as it was.
 *
 * Returns: (transfer full) (nullable): the draft's id (the new one when @id
 *   is %NULL), or %NULL on an error: a full disk is %G_IO_ERROR_NO_SPACE
 */
char *
drafting_draft_store_save (DraftingDraftStore  *self,
                           const char          *id,
                           DraftingDocument    *document,
                           GFile               *original,
                           const char          *title,
                           GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id != NULL && !check_id (id, error))
    return NULL;

  if ((bytes = drafting_native_save_bytes (document, error)) == NULL)
    return NULL;

  return drafting_draft_store_save_bytes (self, id, bytes, original, title, error);
}

typedef struct
{
  char             *id;
  DraftingDocument *document;   /* a snapshot, the thread's alone */
  char             *original_uri;
  char             *title;
  guint64           serial;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->id);
  g_clear_object (&job->document);
  g_free (job->original_uri);
  g_free (job->title);
  g_free (job);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftingDraftStore *self = source_object;
  SaveJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A save or a discard of the same draft, asked for after this one, has
   * made it pointless, or would be undone by it: looked at before the
   * document is made into bytes, and again once the store is free to
   * write, since one may be asked for meanwhile. */
  if (is_latest (self, job->id, job->serial))
    {
      gboolean written = TRUE;

      bytes = drafting_native_save_bytes (job->document, &error);
      /* The snapshot goes here, not with the task on the main thread. */
      g_clear_object (&job->document);
      if (bytes == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_mutex_lock (&self->write_lock);
      if (is_latest (self, job->id, job->serial))
        written = write_draft (self, job->id, bytes, job->original_uri, job->title, &error);
      g_mutex_unlock (&self->write_lock);

      if (!written)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, g_strdup (job->id), g_free);
}

/**
 * drafting_draft_store_save_async:
 * @id: (nullable): the draft to write over, or %NULL for a new one
 * @document: the document with unsaved changes
 * @original: (nullable): the file it was opened from or last saved to
 * @title: (nullable): what to call the draft when it is offered back
 *
 * Writes @document into a draft, as drafting_draft_store_save() does but
 * in a thread. A snapshot of the document is taken at once, and the
 * document may change after the call; it is made into bytes in the
 * thread. Saves of the same draft end in the order they were asked for:
 * one superseded by a later save or by a discard writes nothing, and still
 * gives the id.
 */
void
drafting_draft_store_save_async (DraftingDraftStore  *self,
                                 const char          *id,
                                 DraftingDocument    *document,
                                 GFile               *original,
                                 const char          *title,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  g_return_if_fail (DRAFTING_IS_DRAFT_STORE (self));
  g_return_if_fail (DRAFTING_IS_DOCUMENT (document));
  g_return_if_fail (original == NULL || G_IS_FILE (original));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_draft_store_save_async);

  if (id != NULL && !check_id (id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  job->document = drafting_document_snapshot (document);
  job->original_uri = original != NULL ? g_file_get_uri (original) : NULL;
  job->title = g_strdup (title);
  job->serial = bump_serial (self, job->id);

  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * drafting_draft_store_save_finish:
 *
 * Returns: (transfer full) (nullable): the draft's id, or %NULL on an
 *   error: a full disk is %G_IO_ERROR_NO_SPACE
 */
char *
drafting_draft_store_save_finish (DraftingDraftStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_draft_store_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Discarding                                                          */

/* Removes the draft @id, unless a save of it was asked for after the
 * discard @serial: that one writes the draft anew, and may have already. */
static gboolean
discard_draft (DraftingDraftStore  *self,
               const char          *id,
               guint64              serial,
               GError             **error)
{
  g_autofree char *document_path = build_path (self, id, DOCUMENT_SUFFIX);
  g_autofree char *info_path = build_path (self, id, INFO_SUFFIX);
  g_autofree char *document_prefix = NULL;
  g_autofree char *info_prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean removed;

  g_mutex_lock (&self->write_lock);

  if (!is_latest (self, id, serial))
    {
      g_mutex_unlock (&self->write_lock);
      return TRUE;
    }

  /* The document first: a key file alone is never listed. */
  removed = remove_file (document_path, error) && remove_file (info_path, error);

  /* What a process killed while writing left beside the draft. */
  if (removed && (dir = g_dir_open (self->directory, 0, NULL)) != NULL)
    {
      document_prefix = g_strconcat (id, DOCUMENT_SUFFIX ".", NULL);
      info_prefix = g_strconcat (id, INFO_SUFFIX ".", NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_has_prefix (name, document_prefix) || g_str_has_prefix (name, info_prefix))
            {
              g_autofree char *path = g_build_filename (self->directory, name, NULL);

              g_unlink (path);
            }
        }
    }

  if (removed)
    forget_serial (self, id, serial);

  g_mutex_unlock (&self->write_lock);

  return removed;
}

/**
 * drafting_draft_store_discard:
 *
 * Removes a draft, once its document is saved or closed without saving.
 * A draft that is not there is not an error. This waits for a draft being
 * written: the window uses drafting_draft_store_discard_async().
 *
 * Returns: %TRUE if the draft is gone
 */
gboolean
drafting_draft_store_discard (DraftingDraftStore  *self,
                              const char          *id,
                              GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  return discard_draft (self, id, bump_serial (self, id), error);
}

typedef struct
{
  char    *id;
  guint64  serial;
} DiscardJob;

static void
discard_job_free (gpointer data)
{
  DiscardJob *job = data;

  g_free (job->id);
  g_free (job);
}

static void
discard_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftingDraftStore *self = source_object;
  DiscardJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (discard_draft (self, job->id, job->serial, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Runs @func in a thread for the draft @id, whose name is its task data,
 * once @id is known to be a draft's. */
static void
run_for_draft (DraftingDraftStore  *self,
               const char          *id,
               gpointer             source_tag,
               GTaskThreadFunc      func,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, source_tag);

  if (!check_id (id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, func);
}

/**
 * drafting_draft_store_discard_async:
 * @id: the draft
 *
 * Removes a draft in a thread, as drafting_draft_store_discard() does.
 * The saves of the draft asked for before are superseded at once: none of
 * them writes the draft again, whenever it runs. Cancelled before it runs,
 * the discard leaves the draft as those saves left it.
 */
void
drafting_draft_store_discard_async (DraftingDraftStore  *self,
                                    const char          *id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DiscardJob *job;

  g_return_if_fail (DRAFTING_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_draft_store_discard_async);

  if (!check_id (id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (DiscardJob, 1);
  job->id = g_strdup (id);
  job->serial = bump_serial (self, id);

  g_task_set_task_data (task, job, discard_job_free);
  g_task_run_in_thread (task, discard_in_thread);
}

/**
 * drafting_draft_store_discard_finish:
 *
 * Returns: %TRUE if the draft is gone
 */
gboolean
drafting_draft_store_discard_finish (DraftingDraftStore  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_draft_store_discard_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Listing, loading, adopting                                          */

typedef struct
{
  guint      has_document : 1;
  guint      has_info : 1;
  GPtrArray *stray;   /* names of temporary files left by a kill */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->stray, g_ptr_array_unref);
  g_free (entry);
}

static Entry *
lookup_entry (GHashTable *entries,
              const char *id)
{
  Entry *entry = g_hash_table_lookup (entries, id);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (entries, g_strdup (id), entry);
    }

  return entry;
}

static void
remove_stray (DraftingDraftStore *self,
              Entry              *entry,
              gboolean            only_old)
{
  gint64 now = g_get_real_time ();

  if (entry->stray == NULL)
    return;

  for (guint i = 0; i < entry->stray->len; i++)
    {
      g_autofree char *path = g_build_filename (self->directory,
                                                g_ptr_array_index (entry->stray, i), NULL);
      GStatBuf st;

      if (only_old &&
          (g_stat (path, &st) != 0 ||
           now - (gint64) st.st_mtime * G_USEC_PER_SEC < STRAY_FILE_TIMEOUT))
        continue;

      g_unlink (path);
    }
}

static int
compare_info (gconstpointer a,
              gconstpointer b)
{
  const DraftingDraftInfo *info_a = *(DraftingDraftInfo * const *) a;
  const DraftingDraftInfo *info_b = *(DraftingDraftInfo * const *) b;
  int order = g_date_time_compare (info_b->modified, info_a->modified);

  if (order != 0)
    return order;

  return strcmp (info_a->id, info_b->id);
}

/* What the key file of the draft @id says, and whether its owner lives;
 * %NULL when it is missing or broken. */
static DraftingDraftInfo *
read_info (const char *path,
           const char *id,
           gboolean   *owner_alive)
{
  g_autoptr(GBytes) bytes = read_small_file (path, MAX_INFO_SIZE);
  const char *data;
  gsize len;

  *owner_alive = FALSE;
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  return _drafting_draft_info_parse (id, data, len, owner_alive);
}

/**
 * drafting_draft_store_list_orphans:
 *
 * Lists the drafts whose owner is gone: it crashed or was killed, or the
 * computer was restarted. The drafts of running instances are not listed,
 * nor those written from another computer sharing the folder in the last
 * day. A draft whose key file is missing or broken is listed (as "Untitled
 * draft"), and so is one whose document is broken: loading it says why.
 *
 * It also removes what a process killed while creating a draft left behind.
 * It reads the disk in the caller's thread: the window uses
 * drafting_draft_store_list_orphans_async().
 *
 * Returns: (transfer container) (element-type DraftingDraftInfo): the
 *   orphans, the newest first
 */
GPtrArray *
drafting_draft_store_list_orphans (DraftingDraftStore *self)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GDir) dir = NULL;
  GHashTableIter iter;
  const char *name;
  gpointer key, value;

  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);

  orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_draft_info_free);

  if ((dir = g_dir_open (self->directory, 0, NULL)) == NULL)
    return g_steal_pointer (&orphans);

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char id[UUID_LENGTH + 1];
      const char *suffix;
      Entry *entry;

      if (strlen (name) <= UUID_LENGTH || name[UUID_LENGTH] != '.')
        continue;

      memcpy (id, name, UUID_LENGTH);
      id[UUID_LENGTH] = '\0';
      if (!drafting_draft_store_is_valid_id (id))
        continue;

      suffix = name + UUID_LENGTH;
      if (strcmp (suffix, DOCUMENT_SUFFIX) == 0)
        lookup_entry (entries, id)->has_document = TRUE;
      else if (strcmp (suffix, INFO_SUFFIX) == 0)
        lookup_entry (entries, id)->has_info = TRUE;
      else if (g_str_has_prefix (suffix, DOCUMENT_SUFFIX ".") ||
               g_str_has_prefix (suffix, INFO_SUFFIX "."))
        {
          entry = lookup_entry (entries, id);
          if (entry->stray == NULL)
            entry->stray = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (entry->stray, g_strdup (name));
        }
    }

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *id = key;
      Entry *entry = value;
      g_autofree char *document_path = build_path (self, id, DOCUMENT_SUFFIX);
      g_autofree char *info_path = build_path (self, id, INFO_SUFFIX);
      g_autoptr(DraftingDraftInfo) info = NULL;
      gboolean owner_alive = FALSE;
      GStatBuf st;

      if (entry->has_info)
        info = read_info (info_path, id, &owner_alive);

      if (!entry->has_document)
        {
          /* A draft its owner had begun to create, or to discard, before
           * it died: there is nothing in it. */
          if (entry->has_info && !owner_alive)
            {
              g_unlink (info_path);
              remove_stray (self, entry, FALSE);
            }
          else if (!entry->has_info)
            remove_stray (self, entry, TRUE);
          continue;
        }

      if (owner_alive)
        continue;

      if (g_stat (document_path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (info == NULL)
        {
          info = g_new0 (DraftingDraftInfo, 1);
          info->id = g_strdup (id);
          info->title = g_strdup (_("Untitled draft"));
        }
      info->size = st.st_size;
      if (info->modified == NULL)
        info->modified = g_date_time_new_from_unix_utc (st.st_mtime);

      g_ptr_array_add (orphans, g_steal_pointer (&info));
    }

  g_ptr_array_sort (orphans, compare_info);

  return g_steal_pointer (&orphans);
}

static void
list_orphans_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data G_GNUC_UNUSED,
                        GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftingDraftStore *self = source_object;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, drafting_draft_store_list_orphans (self),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * drafting_draft_store_list_orphans_async:
 *
 * Lists the drafts whose owner is gone, in a thread, as
 * drafting_draft_store_list_orphans() does.
 */
void
drafting_draft_store_list_orphans_async (DraftingDraftStore  *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DRAFTING_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_draft_store_list_orphans_async);
  g_task_run_in_thread (task, list_orphans_in_thread);
}

/**
 * drafting_draft_store_list_orphans_finish:
 *
 * Returns: (transfer container) (element-type DraftingDraftInfo) (nullable):
 *   the orphans, the newest first, or %NULL when cancelled
 */
GPtrArray *
drafting_draft_store_list_orphans_finish (DraftingDraftStore  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_draft_store_list_orphans_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static DraftingDocument *
load_draft (DraftingDraftStore  *self,
            const char          *id,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  path = build_path (self, id, DOCUMENT_SUFFIX);
  file = g_file_new_for_path (path);
  if ((document = drafting_native_load_file (file, cancellable, error)) == NULL)
    return NULL;

  drafting_document_set_modified (document, TRUE);

  return g_steal_pointer (&document);
}

/**
 * drafting_draft_store_load:
 *
 * Reads the document of a draft. It comes back modified: it is work that
 * was never saved.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on an error
 */
DraftingDocument *
drafting_draft_store_load (DraftingDraftStore  *self,
                           const char          *id,
                           GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  return load_draft (self, id, NULL, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DraftingDraftStore *self = source_object;
  const char *id = task_data;
  g_autoptr(GError) error = NULL;
  DraftingDocument *document;

  if (g_task_return_error_if_cancelled (task))
    return;

  document = load_draft (self, id, cancellable, &error);
  drafting_core_give_back_memory ();
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * drafting_draft_store_load_async:
 * @id: the draft
 *
 * Reads the document of a draft in a thread, as drafting_draft_store_load()
 * does.
 */
void
drafting_draft_store_load_async (DraftingDraftStore  *self,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DRAFTING_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_for_draft (self, id, drafting_draft_store_load_async, load_in_thread,
                 cancellable, callback, user_data);
}

/**
 * drafting_draft_store_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, modified, or %NULL
 *   on an error
 */
DraftingDocument *
drafting_draft_store_load_finish (DraftingDraftStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_draft_store_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
adopt_draft (DraftingDraftStore  *self,
             const char          *id,
             GError             **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *document_path = build_path (self, id, DOCUMENT_SUFFIX);
  g_autofree char *info_path = build_path (self, id, INFO_SUFFIX);
  gboolean adopted;

  if (!g_file_test (document_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The draft is no longer there"));
      return FALSE;
    }

  g_mutex_lock (&self->write_lock);
  if ((bytes = read_small_file (info_path, MAX_INFO_SIZE)) != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      keyfile = parse_keyfile (data, len);
    }
  if (keyfile == NULL)
    {
      keyfile = g_key_file_new ();
      g_key_file_set_integer (keyfile, DRAFT_GROUP, "Version", INFO_VERSION);
    }
  set_owner (keyfile);
  adopted = write_info (info_path, keyfile, error);
  g_mutex_unlock (&self->write_lock);

  return adopted;
}

/**
 * drafting_draft_store_adopt:
 *
 * Makes the calling process the owner of a draft, to go on writing into it
 * (drafting_draft_store_save() with its id) once it is recovered. The title,
 * the original file and the time are kept; a missing or broken key file is
 * written anew.
 *
 * Returns: %TRUE if the draft is now the caller's
 */
gboolean
drafting_draft_store_adopt (DraftingDraftStore  *self,
                            const char          *id,
                            GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  return adopt_draft (self, id, error);
}

static void
adopt_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftingDraftStore *self = source_object;
  const char *id = task_data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (adopt_draft (self, id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * drafting_draft_store_adopt_async:
 * @id: the draft
 *
 * Makes the calling process the owner of a draft, in a thread, as
 * drafting_draft_store_adopt() does.
 */
void
drafting_draft_store_adopt_async (DraftingDraftStore  *self,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (DRAFTING_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_for_draft (self, id, drafting_draft_store_adopt_async, adopt_in_thread,
                 cancellable, callback, user_data);
}

/**
 * drafting_draft_store_adopt_finish:
 *
 * Returns: %TRUE if the draft is now the caller's
 */
gboolean
drafting_draft_store_adopt_finish (DraftingDraftStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        drafting_draft_store_adopt_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
