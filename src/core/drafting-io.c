/* drafting-io.c: reading and writing documents in whatever format they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "drafting-error.h"
#include "drafting-io.h"
#include "drafting-native.h"
#include "drafting-render.h"
#include "drafting-text-import.h"

/**
 * drafting_format_for_file:
 *
 * Returns: the format a file is written in, by its name
 */
DraftingFormat
drafting_format_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, DRAFTING_NATIVE_EXTENSION))
    return DRAFTING_FORMAT_NATIVE;
  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
    return DRAFTING_FORMAT_TEXT;

  return DRAFTING_FORMAT_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Stamps                                                              */

/*
 * A stamp is what a file was when Drafting last read or wrote it: its size,
 * the time it was last modified (to the nanosecond where the disk keeps
 * it), which file it is on its disk (device and inode), or the entity tag
 * GIO gives files it reaches other than by a path, and a digest of its
 * contents. Two stamps with the same metadata are the same version of the
 * file. When the metadata differ but the size does not, the contents
 * decide: a file merely touched, or copied back as it was, has not
 * changed for the person.
 */

#define STAMP_ATTRIBUTES                                                      \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","       \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","  \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC "," G_FILE_ATTRIBUTE_UNIX_DEVICE ","    \
  G_FILE_ATTRIBUTE_UNIX_INODE "," G_FILE_ATTRIBUTE_ETAG_VALUE

#define DIGEST_LENGTH 32    /* SHA-256 */
#define READ_CHUNK    (256 * 1024)

struct _DraftingFileStamp
{
  gatomicrefcount  ref_count;

  char            *etag;
  guint64          size;
  guint64          mtime_sec;
  guint32          mtime_nsec;
  guint64          device;
  guint64          inode;
  guint8           digest[DIGEST_LENGTH];

  guint            has_mtime : 1;
  guint            has_identity : 1;
  guint            has_digest : 1;
  guint            regular : 1;
};

G_DEFINE_BOXED_TYPE (DraftingFileStamp, drafting_file_stamp,
                     drafting_file_stamp_ref, drafting_file_stamp_unref)

DraftingFileStamp *
drafting_file_stamp_ref (DraftingFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  g_atomic_ref_count_inc (&stamp->ref_count);
  return stamp;
}

void
drafting_file_stamp_unref (DraftingFileStamp *stamp)
{
  g_return_if_fail (stamp != NULL);

  if (g_atomic_ref_count_dec (&stamp->ref_count))
    {
      g_free (stamp->etag);
      g_free (stamp);
    }
}

static DraftingFileStamp *
stamp_new (void)
{
  DraftingFileStamp *stamp = g_new0 (DraftingFileStamp, 1);

  g_atomic_ref_count_init (&stamp->ref_count);
  return stamp;
}

static DraftingFileStamp *
stamp_new_from_info (GFileInfo    *info,
                     const guint8 *digest)
{
  DraftingFileStamp *stamp = stamp_new ();

  stamp->size = (guint64) g_file_info_get_size (info);
  stamp->etag = g_strdup (g_file_info_get_etag (info));
  stamp->regular = g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    {
      stamp->has_mtime = TRUE;
      stamp->mtime_sec = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC))
        stamp->mtime_nsec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC);
      else
        stamp->mtime_nsec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) * 1000;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_DEVICE) &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    {
      stamp->has_identity = TRUE;
      stamp->device = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
      stamp->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
    }

  if (digest != NULL)
    {
      memcpy (stamp->digest, digest, DIGEST_LENGTH);
      stamp->has_digest = TRUE;
    }

  return stamp;
}

static DraftingFileStamp *
stamp_new_from_stat (const struct stat *st,
                     const guint8      *digest)
{
  DraftingFileStamp *stamp = stamp_new ();

  stamp->size = (guint64) st->st_size;
  stamp->regular = S_ISREG (st->st_mode);
  stamp->has_mtime = TRUE;
  stamp->mtime_sec = (guint64) st->st_mtim.tv_sec;
  stamp->mtime_nsec = (guint32) st->st_mtim.tv_nsec;
  stamp->has_identity = TRUE;
  stamp->device = (guint64) st->st_dev;
  stamp->inode = (guint64) st->st_ino;
  memcpy (stamp->digest, digest, DIGEST_LENGTH);
  stamp->has_digest = TRUE;

  return stamp;
}

static void
compute_digest (const void *data,
                gsize       len,
                guint8      digest[DIGEST_LENGTH])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_len = DIGEST_LENGTH;

  /* g_checksum_update takes a gssize: feed it in pieces it can count. */
  for (gsize done = 0; done < len; )
    {
      gsize piece = MIN (len - done, (gsize) G_MAXSSIZE);

      g_checksum_update (checksum, (const guchar *) data + done, (gssize) piece);
      done += piece;
    }
  g_checksum_get_digest (checksum, digest, &digest_len);
}

/* Whether the metadata say the two are the same version of a file. */
static gboolean
same_metadata (const DraftingFileStamp *a,
               const DraftingFileStamp *b)
{
  if (a->size != b->size)
    return FALSE;

  if (a->has_mtime && b->has_mtime && a->has_identity && b->has_identity)
    return a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
           a->device == b->device && a->inode == b->inode;

  if (a->etag != NULL && b->etag != NULL)
    return g_str_equal (a->etag, b->etag);

  return a->has_mtime && b->has_mtime &&
         a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

/**
 * drafting_file_stamp_equal:
 *
 * Returns: whether @a and @b are stamps of the same version of a file:
 *   the same metadata, and the same contents where both know them
 */
gboolean
drafting_file_stamp_equal (const DraftingFileStamp *a,
                           const DraftingFileStamp *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (!same_metadata (a, b))
    return FALSE;

  return !a->has_digest || !b->has_digest || memcmp (a->digest, b->digest, DIGEST_LENGTH) == 0;
}

/* ------------------------------------------------------------------ */
/* Errors, in a person's words                                         */

/* What a file is called for a person: its name as the file manager shows
 * it, without the folders. */
static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL || g_str_equal (basename, "/"))
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static char *
folder_display_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent != NULL ? display_name (parent) : g_strdup ("/");
}

/* Why writing @file failed, from the system's error number: what a person
 * can act on, without the name of any temporary file. */
static void
set_write_error (GError **error,
                 GFile   *file,
                 int      errsv)
{
  g_autofree char *folder = folder_display_name (file);
  g_autofree char *name = display_name (file);

  switch (errsv)
    {
    case ENOSPC:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There is no room left on the disk"));
      break;

#ifdef EDQUOT
    case EDQUOT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("You have used all the disk space you are allowed"));
      break;
#endif

    case EFBIG:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There is no room on the disk for a file this large"));
      break;

    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to change files in the folder “%s”"), folder);
      break;

    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The folder “%s” is on a disk that cannot be written to"), folder);
      break;

    case ENOENT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist, or no longer does"), folder);
      break;

    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder"), folder);
      break;

    case ENAMETOOLONG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                   _("The name “%s” is too long for this disk"), name);
      break;

    case EISDIR:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("There is a folder of that name"));
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: %s is the system's own reason */
                   _("The disk reported a problem: %s"), g_strerror (errsv));
      break;
    }
}

/* The same, from an error of GIO's, for files GIO reaches other than by
 * a path: its own message names what failed and why. */
static void
set_write_error_from_gio (GError **error,
                          GFile   *file,
                          GError  *cause)
{
  static const struct { int code; int errsv; } codes[] = {
    { G_IO_ERROR_NO_SPACE, ENOSPC },
    { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_READ_ONLY, EROFS },
    { G_IO_ERROR_NOT_FOUND, ENOENT },
    { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR },
    { G_IO_ERROR_FILENAME_TOO_LONG, ENAMETOOLONG },
    { G_IO_ERROR_IS_DIRECTORY, EISDIR },
  };

  if (cause->domain == G_IO_ERROR)
    {
      if (cause->code == G_IO_ERROR_CANCELLED)
        {
          g_propagate_error (error, g_error_copy (cause));
          return;
        }

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        if (codes[i].code == cause->code)
          {
            set_write_error (error, file, codes[i].errsv);
            return;
          }
    }

  g_set_error (error, G_IO_ERROR,
               cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
               _("The disk reported a problem: %s"), cause->message);
}

/* Why reading @file failed. */
static void
set_read_error (GError **error,
                GFile   *file,
                GError  *cause)
{
  g_autofree char *name = display_name (file);

  if (cause->domain != G_IO_ERROR)
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }

  switch (cause->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, cause->code,
                   _("There is no file “%s”: it may have been moved, renamed or deleted"), name);
      break;

    case G_IO_ERROR_PERMISSION_DENIED:
      g_set_error (error, G_IO_ERROR, cause->code,
                   _("You are not allowed to read “%s”"), name);
      break;

    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, cause->code,
                           _("This is a folder, not a document"));
      break;

    case G_IO_ERROR_CANCELLED:
      g_propagate_error (error, g_error_copy (cause));
      break;

    default:
      g_set_error (error, G_IO_ERROR, cause->code,
                   /* Translators: a file name, then the system's own reason */
                   _("“%s” could not be read: %s"), name, cause->message);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* Reads what is left of @stream, refusing more than a document may be. */
static GBytes *
read_stream (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      gsize done = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, done + READ_CHUNK);
      n = g_input_stream_read (stream, buffer->data + done, READ_CHUNK, cancellable, error);
      if (n < 0)
        return NULL;

      g_byte_array_set_size (buffer, done + (gsize) n);
      if (n == 0)
        break;

      if (!drafting_check_size (buffer->len, error))
        return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * drafting_read_file_full:
 * @stamp: (out) (optional) (transfer full): what the file was when read,
 *   to tell later whether someone else has changed it
 *
 * Reads the whole of @file, refusing a folder and a file larger than a
 * document may be before reading a byte of it. Errors say what is wrong
 * in a person's words, keeping GIO's error codes.
 *
 * Returns: (transfer full) (nullable): the contents of @file
 */
GBytes *
drafting_read_file_full (GFile              *file,
                         DraftingFileStamp **stamp,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 digest[DIGEST_LENGTH];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (stamp != NULL)
    *stamp = NULL;

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    {
      set_read_error (error, file, local_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, STAMP_ATTRIBUTES, cancellable, &local_error);
  if (info == NULL)
    {
      set_read_error (error, file, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a document"));
      return NULL;
    }

  if (!drafting_check_size ((guint64) MAX (g_file_info_get_size (info), 0), error))
    return NULL;

  bytes = read_stream (G_INPUT_STREAM (stream), cancellable, &local_error);
  if (bytes == NULL)
    {
      if (local_error->domain == G_IO_ERROR)
        set_read_error (error, file, local_error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (stamp != NULL)
    {
      gsize len;
      const void *data = g_bytes_get_data (bytes, &len);

      compute_digest (data, len, digest);
      *stamp = stamp_new_from_info (info, digest);
      /* What was read is what counts, should the file have grown since
       * it was opened. */
      (*stamp)->size = len;
    }

  return g_steal_pointer (&bytes);
}

/**
 * drafting_read_file:
 *
 * Reads the whole of @file, as drafting_read_file_full() does.
 *
 * Returns: (transfer full) (nullable): the contents of @file
 */
GBytes *
drafting_read_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return drafting_read_file_full (file, NULL, cancellable, error);
}

/**
 * drafting_file_stamp_query:
 *
 * Looks at what @file is now, without reading it.
 *
 * Returns: (transfer full) (nullable): its stamp, or %NULL with an error
 *   (%G_IO_ERROR_NOT_FOUND when it is not there)
 */
DraftingFileStamp *
drafting_file_stamp_query (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable,
                            &local_error);
  if (info == NULL)
    {
      set_read_error (error, file, local_error);
      return NULL;
    }

  return stamp_new_from_info (info, NULL);
}

/**
 * drafting_file_is_unchanged:
 * @known: what the file was when last read or written here
 * @now: (out) (optional) (transfer full) (nullable): what it is now, or
 *   %NULL when it is gone or on an error
 *
 * Tells whether @file is still the version @known stamps: the same
 * metadata, or, where only those changed, the same contents. This may
 * read the file: call it from a worker thread.
 *
 * Returns: %TRUE if it is unchanged; %FALSE if it changed, is gone (no
 *   error, *@now %NULL), or could not be looked at (@error set)
 */
gboolean
drafting_file_is_unchanged (GFile                    *file,
                            const DraftingFileStamp  *known,
                            DraftingFileStamp       **now,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(DraftingFileStamp) current = NULL;
  g_autoptr(DraftingFileStamp) read_stamp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (known != NULL, FALSE);

  if (now != NULL)
    *now = NULL;

  if ((current = drafting_file_stamp_query (file, cancellable, &local_error)) == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A folder, or anything but a file, where the file was: the file is gone. */
  if (!current->regular)
    return FALSE;

  if (same_metadata (current, known))
    {
      if (now != NULL)
        *now = drafting_file_stamp_ref ((DraftingFileStamp *) known);
      return TRUE;
    }

  /* Touched, or written back as it was? The contents tell. */
  if (!known->has_digest || current->size != known->size)
    {
      if (now != NULL)
        *now = g_steal_pointer (&current);
      return FALSE;
    }

  if ((bytes = drafting_read_file_full (file, &read_stamp, cancellable, &local_error)) == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (now != NULL)
    *now = drafting_file_stamp_ref (read_stamp);

  return memcmp (read_stamp->digest, known->digest, DIGEST_LENGTH) == 0;
}

/**
 * drafting_load_file_full:
 * @warnings: (out) (optional) (element-type DraftingImportWarning): for
 *   text, what the importer could not place
 * @stamp: (out) (optional) (transfer full): what the file was when read
 *
 * Opens a document in the native format, or imports one from text; which
 * it is comes from what the file holds, not its name.
 *
 * Returns: (transfer full) (nullable): the document
 */
DraftingDocument *
drafting_load_file_full (GFile              *file,
                         GPtrArray         **warnings,
                         DraftingFileStamp **stamp,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(DraftingFileStamp) read_stamp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DraftingDocument *document;
  const char *data;
  gsize len;
  gsize skip = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (stamp != NULL)
    *stamp = NULL;

  if ((bytes = drafting_read_file_full (file, &read_stamp, cancellable, error)) == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;

  if (skip < len && data[skip] == '<')
    document = drafting_native_load_bytes (bytes, error);
  else if (drafting_format_for_file (file) == DRAFTING_FORMAT_NATIVE)
    {
      /* A document named as ours that holds no XML is not read as text:
       * saving the text's import under its name would overwrite it. */
      g_autofree char *name = display_name (file);

      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                   _("“%s” is not a Drafting document: it holds no XML"), name);
      return NULL;
    }
  else
    document = drafting_text_import (data, len, warnings, error);

  if (document != NULL && stamp != NULL)
    *stamp = g_steal_pointer (&read_stamp);

  return document;
}

/**
 * drafting_load_file:
 * @warnings: (out) (optional) (element-type DraftingImportWarning): for
 *   text, what the importer could not place
 *
 * Opens a document, as drafting_load_file_full() does.
 *
 * Returns: (transfer full) (nullable): the document
 */
DraftingDocument *
drafting_load_file (GFile         *file,
                    GPtrArray    **warnings,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return drafting_load_file_full (file, warnings, NULL, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* The temporary file beside @target: its name and six random letters,
 * shortened where that would be too long a name. */
static char *
temporary_template (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);

  if (strlen (base) > 200)
    base[200] = '\0';

  return g_strdup_printf ("%s/%s.XXXXXX", folder, base);
}

/* Writes all of @data to the temporary file @fd and flushes it to disk,
 * then closes it: after a crash, the name it is renamed to holds the old
 * contents or the new, never an empty or partial file. */
static gboolean
write_temporary (int          fd,
                 const char  *data,
                 gsize        len,
                 struct stat *st,
                 int         *errsv)
{
  for (gsize done = 0; done < len; )
    {
      ssize_t n = write (fd, data + done, MIN (len - done, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *errsv = errno;
          close (fd);
          return FALSE;
        }
      done += (gsize) n;
    }

  if (fsync (fd) != 0 || fstat (fd, st) != 0)
    {
      *errsv = errno;
      close (fd);
      return FALSE;
    }

  /* A network file system may report a full disk only now. */
  if (close (fd) != 0)
    {
      *errsv = errno;
      return FALSE;
    }

  return TRUE;
}

static void
sync_folder (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  /* Some file systems cannot flush a folder; the file itself is safe. */
  if (fsync (fd) != 0 && errno != EINVAL)
    g_debug ("The folder %s could not be flushed: %s", folder, g_strerror (errno));
  g_close (fd, NULL);
}

/* The check made just before the new file takes the old one's place: the
 * old one must still be what was last read or written here. Only a rename
 * by someone else in the instants between the check and ours escapes it. */
static gboolean
check_expected (GFile                    *file,
                const char               *target,
                const DraftingFileStamp  *expected,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autoptr(DraftingFileStamp) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (expected == NULL ||
      drafting_file_is_unchanged (target_file, expected, &now, cancellable, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Gone: writing it again overwrites nobody's work. */
  if (now == NULL)
    return TRUE;

  name = display_name (file);
  g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK,
               _("“%s” has been changed by someone else since it was opened here; "
                 "saving would overwrite their changes"), name);
  return FALSE;
}

static gboolean
replace_local (GFile                    *file,
               const char               *path,
               const char               *data,
               gsize                     len,
               DraftingReplaceFlags      flags,
               const DraftingFileStamp  *expected,
               DraftingFileStamp       **written,
               GCancellable             *cancellable,
               GError                  **error)
{
  g_autofree char *target = NULL;
  g_autofree char *temporary = NULL;
  guint8 digest[DIGEST_LENGTH];
  struct stat old;
  struct stat st;
  gboolean exists;
  int mode = (flags & DRAFTING_REPLACE_PRIVATE) ? 0600 : 0666;
  int errsv = 0;
  int fd;

  /* Through a link to the file it names, and with its permissions. */
  {
    char resolved[PATH_MAX];

    if (realpath (path, resolved) != NULL)
      target = g_strdup (resolved);
    else
      target = g_strdup (path);
  }

  exists = g_stat (target, &old) == 0;
  if (exists && S_ISDIR (old.st_mode))
    {
      set_write_error (error, file, EISDIR);
      return FALSE;
    }
  if (exists)
    mode = old.st_mode & 07777;

  temporary = temporary_template (target);
  if ((fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, mode)) < 0)
    {
      set_write_error (error, file, errno);
      return FALSE;
    }

  if (exists)
    {
      /* The new file is the old one's, as far as this process may say. */
      if (fchmod (fd, old.st_mode & 07777) != 0)
        g_debug ("The permissions of %s could not be kept: %s", target, g_strerror (errno));
      if ((old.st_uid != geteuid () || old.st_gid != getegid ()) &&
          fchown (fd, old.st_uid, old.st_gid) != 0)
        g_debug ("The owner of %s could not be kept: %s", target, g_strerror (errno));
    }

  if (!write_temporary (fd, data, len, &st, &errsv))
    {
      g_unlink (temporary);
      set_write_error (error, file, errsv);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !check_expected (file, target, expected, cancellable, error))
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, target) != 0)
    {
      errsv = errno;
      g_unlink (temporary);
      set_write_error (error, file, errsv);
      return FALSE;
    }

  if (!(flags & DRAFTING_REPLACE_NOT_DURABLE))
    sync_folder (target);

  if (written != NULL)
    {
      compute_digest (data, len, digest);
      *written = stamp_new_from_stat (&st, digest);
    }

  return TRUE;
}

static gboolean
replace_with_gio (GFile                    *file,
                  const char               *data,
                  gsize                     len,
                  DraftingReplaceFlags      flags,
                  const DraftingFileStamp  *expected,
                  DraftingFileStamp       **written,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint8 digest[DIGEST_LENGTH];
  GFileCreateFlags create_flags = G_FILE_CREATE_NONE;

  if (flags & DRAFTING_REPLACE_PRIVATE)
    create_flags |= G_FILE_CREATE_PRIVATE;

  /* GIO compares the entity tag itself, where the backend keeps one. */
  if (!g_file_replace_contents (file, data, len, expected != NULL ? expected->etag : NULL,
                                FALSE, create_flags, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          g_autofree char *name = display_name (file);

          g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_CHANGED_ON_DISK,
                       _("“%s” has been changed by someone else since it was opened here; "
                         "saving would overwrite their changes"), name);
        }
      else
        set_write_error_from_gio (error, file, local_error);
      return FALSE;
    }

  if (written != NULL)
    {
      compute_digest (data, len, digest);
      info = g_file_query_info (file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL)
        *written = stamp_new_from_info (info, digest);
      else
        {
          *written = stamp_new ();
          (*written)->size = len;
          (*written)->regular = TRUE;
          memcpy ((*written)->digest, digest, DIGEST_LENGTH);
          (*written)->has_digest = TRUE;
        }
    }

  return TRUE;
}

/**
 * drafting_file_replace_full:
 * @data: the new contents
 * @len: their length
 * @expected: (nullable): what the file must still be for it to be
 *   replaced: the stamp of what was last read or written there
 * @written: (out) (optional) (transfer full): the stamp of what was written
 *
 * Replaces the contents of @file atomically: they are written to a new
 * file in the same folder, flushed to disk and renamed over the old one.
 * If anything fails (a folder that cannot be written, a full disk) the
 * new file is removed and the old one is as it was; a process killed
 * half-way leaves the old one too. The file keeps its permissions (and its
 * owner, where the process may give it), and a link is followed to the
 * file it names.
 *
 * With @expected, a file that someone else has changed since is left
 * alone: the error is %DRAFTING_ERROR_CHANGED_ON_DISK. A file that is no
 * longer there is written again.
 *
 * Errors say what went wrong in a person's words, with GIO's error codes
 * (%G_IO_ERROR_NO_SPACE for a full disk), and never name the temporary
 * file.
 *
 * (GLib's g_file_replace_contents() is not used for local files: when it
 * cannot create its temporary file it writes over the old file in place,
 * and after a failed write it renames the partial file over the old one.)
 *
 * Returns: %TRUE if replaced
 */
gboolean
drafting_file_replace_full (GFile                    *file,
                            const char               *data,
                            gsize                     len,
                            DraftingReplaceFlags      flags,
                            const DraftingFileStamp  *expected,
                            DraftingFileStamp       **written,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (written != NULL)
    *written = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((path = g_file_get_path (file)) == NULL)
    return replace_with_gio (file, data != NULL ? data : "", len, flags, expected, written,
                             cancellable, error);

  return replace_local (file, path, data != NULL ? data : "", len, flags, expected, written,
                        cancellable, error);
}

/**
 * drafting_file_replace:
 * @data: the new contents
 * @len: their length
 *
 * Replaces the contents of @file atomically, whatever it holds now: see
 * drafting_file_replace_full().
 *
 * Returns: %TRUE if replaced
 */
gboolean
drafting_file_replace (GFile         *file,
                       const char    *data,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return drafting_file_replace_full (file, data, len, DRAFTING_REPLACE_NONE, NULL, NULL,
                                     cancellable, error);
}

/**
 * drafting_save_file:
 *
 * Saves @document in the format its name says: the native format, or
 * plain text laid out as it prints. Saving is atomic: a failure leaves the
 * old file as it was.
 *
 * Returns: %TRUE if saved
 */
gboolean
drafting_save_file (DraftingDocument  *document,
                    GFile             *file,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  switch (drafting_format_for_file (file))
    {
    case DRAFTING_FORMAT_TEXT:
      {
        g_autofree char *text = drafting_render_document_text (document);

        return drafting_file_replace (file, text, strlen (text), cancellable, error);
      }

    case DRAFTING_FORMAT_NATIVE:
      return drafting_native_save_file (document, file, cancellable, error);

    case DRAFTING_FORMAT_UNKNOWN:
    default:
      {
        g_autofree char *name = g_file_get_basename (file);

        g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                     _("Drafting does not know which format to write “%s” in; name it %s or .txt"),
                     name, DRAFTING_NATIVE_EXTENSION);
        return FALSE;
      }
    }
}
