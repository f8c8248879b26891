/* drafting-error.h: what goes wrong, for people to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DRAFTING_ERROR (drafting_error_quark ())

/**
 * DraftingError:
 * @DRAFTING_ERROR_NOT_ALLOWED: an element cannot go where it was asked to
 * @DRAFTING_ERROR_TOO_DEEP: elements nest deeper than a document may
 * @DRAFTING_ERROR_INVALID_UTF8: the bytes are not UTF-8 text
 * @DRAFTING_ERROR_NOT_WELL_FORMED: the XML is broken
 * @DRAFTING_ERROR_FORBIDDEN: the XML uses what is refused for safety
 *   (a document type declaration, entities)
 * @DRAFTING_ERROR_TOO_LARGE: the file is larger than a document can be
 * @DRAFTING_ERROR_INVALID: the XML does not follow the format's schema
 * @DRAFTING_ERROR_NEWER_VERSION: the file was written by a newer version
 * @DRAFTING_ERROR_UNKNOWN_FORMAT: the file is not in a format Drafting reads
 * @DRAFTING_ERROR_EMPTY: there is nothing in the file
 * @DRAFTING_ERROR_FAILED: anything else
 * @DRAFTING_ERROR_CHANGED_ON_DISK: the file was changed by someone else
 *   since it was read or written here: replacing it would lose their work
 * @DRAFTING_ERROR_OPENED_READ_ONLY: the document was opened read-only, as
 *   someone else has its file open for editing: it is not saved over it
 */
typedef enum
{
  DRAFTING_ERROR_NOT_ALLOWED,
  DRAFTING_ERROR_TOO_DEEP,
  DRAFTING_ERROR_INVALID_UTF8,
  DRAFTING_ERROR_NOT_WELL_FORMED,
  DRAFTING_ERROR_FORBIDDEN,
  DRAFTING_ERROR_TOO_LARGE,
  DRAFTING_ERROR_INVALID,
  DRAFTING_ERROR_NEWER_VERSION,
  DRAFTING_ERROR_UNKNOWN_FORMAT,
  DRAFTING_ERROR_EMPTY,
  DRAFTING_ERROR_FAILED,
  DRAFTING_ERROR_CHANGED_ON_DISK,
  DRAFTING_ERROR_OPENED_READ_ONLY,
} DraftingError;

/* The largest file Drafting reads: ten times a 10,000-clause document. */
#define DRAFTING_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark   drafting_error_quark          (void);
gboolean drafting_check_utf8           (const char  *data,
                                        gsize        len,
                                        GError     **error);
gboolean drafting_check_size           (guint64      size,
                                        GError     **error);

G_END_DECLS
