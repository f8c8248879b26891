/* drafting-io.c: reading and writing documents in whatever format they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-io"

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/**
 * drafting_read_file:
 *
 * Reads the whole of @file, refusing a folder and a file larger than a
 * document may be before reading a byte of it.
 *
 * Returns: (transfer full) (nullable): the contents of @file
 */
GBytes *
drafting_read_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a document"));
      return NULL;
    }

  if (g_file_info_get_size (info) > DRAFTING_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (DRAFTING_MAX_FILE_SIZE);

      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE,
                   _("The file is %s, larger than the %s a document may be"), size, limit);
      return NULL;
    }

  return g_file_load_bytes (file, cancellable, NULL, error);
}

/**
 * drafting_load_file:
 * @warnings: (out) (optional) (element-type DraftingImportWarning): for
 *   text, what the importer could not place
 *
 * Opens a document in the native format, or imports one from text; which
 * it is comes from what the file holds, not its name.
 *
 * Returns: (transfer full) (nullable): the document
 */
DraftingDocument *
drafting_load_file (GFile         *file,
                    GPtrArray    **warnings,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;
  gsize skip = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (warnings != NULL)
    *warnings = NULL;

  if ((bytes = drafting_read_file (file, cancellable, error)) == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;

  if (skip < len && data[skip] == '<')
    return drafting_native_load_bytes (bytes, error);

  /* A document named as ours that holds no XML is not read as text: saving
   * the text's import under its name would overwrite it. */
  if (drafting_format_for_file (file) == DRAFTING_FORMAT_NATIVE)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT,
                   _("“%s” is not a Drafting document: it holds no XML"), name);
      return NULL;
    }

  return drafting_text_import (data, len, warnings, error);
}

/**
 * drafting_file_replace:
 * @data: the new contents
 * @len: their length
 *
 * Replaces the contents of @file atomically: they are written to a new
 * file in the same folder, flushed to disk and renamed over the old one.
 * If anything fails (a folder that cannot be written, a full disk) the
 * new file is removed and the old one is as it was; a process killed
 * half-way leaves the old one too. The file keeps its permissions, and a
 * link is followed to the file it names.
 *
 * (GLib's g_file_replace_contents() is not used for local files: when it
 * cannot create its temporary file it writes over the old file in place,
 * and after a failed write it renames the partial file over the old one.)
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
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  int mode = 0666;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Through a link to the file it names, and with its permissions. */
  {
    char resolved[PATH_MAX];

    if (realpath (path, resolved) != NULL)
      target = g_strdup (resolved);
    else
      target = g_strdup (path);
  }

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("There is a folder of that name"));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }

  return g_file_set_contents_full (target, data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
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
