/* drafting-error.c: what goes wrong, for people to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "drafting-error.h"

G_DEFINE_QUARK (drafting-error-quark, drafting_error)

/**
 * drafting_check_size:
 * @size: how many bytes a file has, or holds so far
 *
 * Checks that @size is no more than %DRAFTING_MAX_FILE_SIZE, the most a
 * document may be, and says by how much it is more.
 *
 * Returns: %TRUE if it is not
 */
gboolean
drafting_check_size (guint64   size,
                     GError  **error)
{
  g_autofree char *formatted = NULL;
  g_autofree char *limit = NULL;

  if (size <= DRAFTING_MAX_FILE_SIZE)
    return TRUE;

  formatted = g_format_size (size);
  limit = g_format_size (DRAFTING_MAX_FILE_SIZE);
  g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE,
               _("The file is %s, larger than the %s a document may be"), formatted, limit);
  return FALSE;
}

/**
 * drafting_check_utf8:
 * @data: bytes read from a file
 * @len: how many
 *
 * Checks that @data is UTF-8 text, and says where it is not.
 *
 * Returns: %TRUE if it is
 */
gboolean
drafting_check_utf8 (const char  *data,
                     gsize        len,
                     GError     **error)
{
  const char *end = NULL;
  guint line = 1;
  guint column = 1;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  for (const char *p = data; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8,
               /* Translators: the byte is shown in hexadecimal, as 0xE9 */
               _("Line %u, column %u: the byte 0x%02X is not UTF-8 text; the file must be saved as UTF-8"),
               line, column, (guint) (guchar) *end);
  return FALSE;
}
