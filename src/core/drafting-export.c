/* drafting-export.c: a document written for others to read, in any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-akn.h"
#include "drafting-docx.h"
#include "drafting-export.h"
#include "drafting-io.h"
#include "drafting-odt.h"
#include "drafting-pdf-export.h"

/*
 * The one way a document is written for others to read: the window's
 * Export and `wco-draft export` both come here.
 *
 * The calling thread takes a snapshot of the document, which shares
 * nothing with it; from then on only the job touches it. The job makes
 * the whole file in memory (the layout, the PDF's pages, the XML parts and
 * their zip package) with the writer of its form and format, then writes
 * it with drafting_file_replace(), which works for any location GIO can
 * write and leaves an old file as it was if writing fails. In the
 * background (drafting_export_async()) the job runs in a worker thread and
 * frees the snapshot there, so the main loop does no more than take the
 * snapshot and hear the result; drafting_export_write() runs the same job
 * in the calling thread.
 */

#define N_FORMATS (DRAFTING_EXPORT_FORMAT_AKN + 1)

typedef struct
{
  DraftingDocument     *snapshot;
  GFile                *file;
  DraftingExportFormat  format;
  DraftingExportForm    form;
  GStrv                 delegations; /* theirs alone, or NULL for all */
  char                 *title;       /* for a document with no title of its own */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->snapshot);
  g_clear_object (&job->file);
  g_strfreev (job->delegations);
  g_free (job->title);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* ------------------------------------------------------------------ */
/* The writers of each form in each format                             */

/* Makes what is written of @job, whole, in memory. */
typedef GBytes *(*Writer) (const ExportJob  *job,
                           GCancellable     *cancellable,
                           GError          **error);

static GBytes *
write_pdf (const ExportJob  *job,
           GCancellable     *cancellable,
           GError          **error)
{
  return drafting_pdf_write (job->snapshot, job->title, job->form == DRAFTING_EXPORT_FORM_TRACKED,
                             (const char * const *) job->delegations, cancellable, error);
}

static GBytes *
write_odt (const ExportJob  *job,
           GCancellable     *cancellable G_GNUC_UNUSED,
           GError          **error)
{
  return drafting_odt_write (job->snapshot, error);
}

static GBytes *
write_odt_tracked (const ExportJob  *job,
                   GCancellable     *cancellable G_GNUC_UNUSED,
                   GError          **error)
{
  return drafting_odt_write_tracked (job->snapshot, (const char * const *) job->delegations, error);
}

static GBytes *
write_docx (const ExportJob  *job,
            GCancellable     *cancellable G_GNUC_UNUSED,
            GError          **error)
{
  return drafting_docx_write (job->snapshot, error);
}

static GBytes *
write_docx_tracked (const ExportJob  *job,
                    GCancellable     *cancellable G_GNUC_UNUSED,
                    GError          **error)
{
  return drafting_docx_write_tracked (job->snapshot, (const char * const *) job->delegations,
                                      error);
}

static GBytes *
write_odt_compilation (const ExportJob  *job,
                       GCancellable     *cancellable G_GNUC_UNUSED,
                       GError          **error)
{
  return drafting_odt_write_compilation (job->snapshot, (const char * const *) job->delegations,
                                         error);
}

static GBytes *
write_docx_compilation (const ExportJob  *job,
                        GCancellable     *cancellable G_GNUC_UNUSED,
                        GError          **error)
{
  return drafting_docx_write_compilation (job->snapshot, (const char * const *) job->delegations,
                                          error);
}

static GBytes *
write_akn (const ExportJob  *job,
           GCancellable     *cancellable G_GNUC_UNUSED,
           GError          **error)
{
  return drafting_akn_write_document (job->snapshot, error);
}

/* What writes each form, in each format it has: a form is a row, and a
 * format without it has none there. A new form is a value of
 * DraftingExportForm and its row here. */
static const Writer writers[][N_FORMATS] = {
  [DRAFTING_EXPORT_FORM_CLEAN] = {
    [DRAFTING_EXPORT_FORMAT_PDF] = write_pdf,
    [DRAFTING_EXPORT_FORMAT_ODT] = write_odt,
    [DRAFTING_EXPORT_FORMAT_DOCX] = write_docx,
    [DRAFTING_EXPORT_FORMAT_AKN] = write_akn,
  },
  [DRAFTING_EXPORT_FORM_TRACKED] = {
    [DRAFTING_EXPORT_FORMAT_PDF] = write_pdf,
    [DRAFTING_EXPORT_FORMAT_ODT] = write_odt_tracked,
    [DRAFTING_EXPORT_FORMAT_DOCX] = write_docx_tracked,
  },
  [DRAFTING_EXPORT_FORM_COMPILATION] = {
    [DRAFTING_EXPORT_FORMAT_ODT] = write_odt_compilation,
    [DRAFTING_EXPORT_FORMAT_DOCX] = write_docx_compilation,
  },
};

static Writer
find_writer (DraftingExportFormat format,
             DraftingExportForm   form)
{
  if ((guint) form >= G_N_ELEMENTS (writers) || (guint) format >= N_FORMATS)
    return NULL;

  return writers[form][format];
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

static const struct
{
  const char *extension;
  const char *mime_type;
} formats[N_FORMATS] = {
  [DRAFTING_EXPORT_FORMAT_PDF] = { ".pdf", "application/pdf" },
  [DRAFTING_EXPORT_FORMAT_ODT] = {
    DRAFTING_ODT_EXTENSION,
    "application/vnd.oasis.opendocument.text"
  },
  [DRAFTING_EXPORT_FORMAT_DOCX] = {
    DRAFTING_DOCX_EXTENSION,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  },
  /* Akoma Ntoso has no media type of its own: it is XML. */
  [DRAFTING_EXPORT_FORMAT_AKN] = { ".xml", "application/xml" },
};

/**
 * drafting_export_format_for_name:
 * @name: the name of a file, or its path
 *
 * The format a file's extension names, whatever its case: .pdf, .odt,
 * .docx, or .xml for Akoma Ntoso.
 *
 * Returns: the format, or %DRAFTING_EXPORT_FORMAT_UNKNOWN for another
 *   extension or none
 */
DraftingExportFormat
drafting_export_format_for_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, DRAFTING_EXPORT_FORMAT_UNKNOWN);

  folded = g_ascii_strdown (name, -1);
  for (guint i = 0; i < N_FORMATS; i++)
    if (formats[i].extension != NULL && g_str_has_suffix (folded, formats[i].extension))
      return (DraftingExportFormat) i;

  return DRAFTING_EXPORT_FORMAT_UNKNOWN;
}

/**
 * drafting_export_format_get_extension:
 *
 * Returns: (nullable): the extension of @format's files, with its dot:
 *   ".odt"; %NULL for %DRAFTING_EXPORT_FORMAT_UNKNOWN
 */
const char *
drafting_export_format_get_extension (DraftingExportFormat format)
{
  g_return_val_if_fail ((guint) format < N_FORMATS, NULL);

  return formats[format].extension;
}

/**
 * drafting_export_format_get_mime_type:
 *
 * Returns: (nullable): the media type of @format's files:
 *   "application/pdf"; %NULL for %DRAFTING_EXPORT_FORMAT_UNKNOWN
 */
const char *
drafting_export_format_get_mime_type (DraftingExportFormat format)
{
  g_return_val_if_fail ((guint) format < N_FORMATS, NULL);

  return formats[format].mime_type;
}

/**
 * drafting_export_format_has_form:
 *
 * Whether @format is written in @form: every format has the clean form;
 * the compilation is a table for a word processor, ODT or Word; Akoma
 * Ntoso, the document's structure, has the clean form only.
 *
 * Returns: %TRUE if drafting_export_write() writes @form in @format
 */
gboolean
drafting_export_format_has_form (DraftingExportFormat format,
                                 DraftingExportForm   form)
{
  return find_writer (format, form) != NULL;
}

/* ------------------------------------------------------------------ */
/* What went wrong, in words                                           */

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && strcmp (basename, G_DIR_SEPARATOR_S) != 0)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

/* Why writing @file failed, as a clause to follow a colon, from its GIO
 * error code, which says it more reliably than a message that may name a
 * temporary file or use the system's words; NULL where the code says
 * nothing a person can act on. */
static char *
describe_reason (GFile *file,
                 int    code)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;

  switch (code)
    {
    case G_IO_ERROR_NO_SPACE:
      /* Translators: this reason and those below end the sentence
       * “The PDF could not be written to “name.pdf”: …”, or the same
       * sentence of an OpenDocument Text, Word or Akoma Ntoso file */
      return g_strdup (_("there is no room left on the disk"));

    case G_IO_ERROR_PERMISSION_DENIED:
      return g_strdup (_("you are not allowed to write there"));

    case G_IO_ERROR_READ_ONLY:
      return g_strdup (_("the disk can only be read, not written to"));

    case G_IO_ERROR_NOT_FOUND:
      parent = g_file_get_parent (file);
      if (parent == NULL)
        return g_strdup (_("the folder it would go in does not exist"));
      folder = file_display_name (parent);
      /* Translators: %s is the name of a folder */
      return g_strdup_printf (_("the folder “%s” does not exist"), folder);

    case G_IO_ERROR_IS_DIRECTORY:
      return g_strdup (_("there is a folder of that name"));

    case G_IO_ERROR_NOT_DIRECTORY:
      return g_strdup (_("part of the path is a file, not a folder"));

    case G_IO_ERROR_FILENAME_TOO_LONG:
      return g_strdup (_("the name is too long"));

    case G_IO_ERROR_INVALID_FILENAME:
      return g_strdup (_("the name is not allowed there"));

    case G_IO_ERROR_NOT_SUPPORTED:
    case G_IO_ERROR_NOT_MOUNTABLE_FILE:
      return g_strdup (_("files cannot be written to that kind of location"));

    case G_IO_ERROR_NOT_MOUNTED:
      return g_strdup (_("the place it would go in is not mounted"));

    case G_IO_ERROR_BUSY:
      return g_strdup (_("it is in use by another program"));

    case G_IO_ERROR_TOO_MANY_OPEN_FILES:
      return g_strdup (_("too many files are open"));

    case G_IO_ERROR_HOST_NOT_FOUND:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_NOT_CONNECTED:
    case G_IO_ERROR_TIMED_OUT:
      return g_strdup (_("the server could not be reached"));

    default:
      return NULL;
    }
}

/* That @format could not be written to the file @name, and why: @reason,
 * a clause, or else @system, a sentence of the system's. One sentence a
 * format, for translators to give each its own grammar. */
static char *
could_not_write (DraftingExportFormat  format,
                 const char           *name,
                 const char           *reason,
                 const char           *system)
{
  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_ODT:
      if (reason != NULL)
        return g_strdup_printf (
          /* Translators: the first %s is the name of a file, the second
           * says why, as in “there is no room left on the disk” */
          _("The OpenDocument Text document could not be written to “%s”: %s"), name, reason);
      /* Translators: %s is the name of a file, then comes a sentence that
       * says why, as the system or the disk puts it */
      return g_strdup_printf (_("The OpenDocument Text document could not be written to “%s”. %s"),
                              name, system);

    case DRAFTING_EXPORT_FORMAT_DOCX:
      if (reason != NULL)
        /* Translators: the first %s is the name of a file, the second says
         * why, as in “there is no room left on the disk” */
        return g_strdup_printf (_("The Word document could not be written to “%s”: %s"),
                                name, reason);
      /* Translators: %s is the name of a file, then comes a sentence that
       * says why, as the system or the disk puts it */
      return g_strdup_printf (_("The Word document could not be written to “%s”. %s"),
                              name, system);

    case DRAFTING_EXPORT_FORMAT_AKN:
      if (reason != NULL)
        /* Translators: the first %s is the name of a file, the second says
         * why, as in “there is no room left on the disk” */
        return g_strdup_printf (_("The Akoma Ntoso file could not be written to “%s”: %s"),
                                name, reason);
      /* Translators: %s is the name of a file, then comes a sentence that
       * says why, as the system or the disk puts it */
      return g_strdup_printf (_("The Akoma Ntoso file could not be written to “%s”. %s"),
                              name, system);

    case DRAFTING_EXPORT_FORMAT_PDF:
    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      if (reason != NULL)
        /* Translators: the first %s is the name of a file, the second says
         * why, as in “there is no room left on the disk” */
        return g_strdup_printf (_("The PDF could not be written to “%s”: %s"), name, reason);
      /* Translators: %s is the name of a file, then comes a sentence that
       * says why, as the system or the disk puts it */
      return g_strdup_printf (_("The PDF could not be written to “%s”. %s"), name, system);
    }
}

/* An error that says what could not be written where, and why, in a
 * person's words, keeping GIO's error code; cancelling is no failure and
 * keeps its own error. */
static GError *
write_error (DraftingExportFormat  format,
             GFile                *file,
             const GError         *error)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  int code = G_IO_ERROR_FAILED;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_IO_ERROR)
    code = error->code;
  else if (error->domain == G_FILE_ERROR)
    code = g_io_error_from_file_error (error->code);

  name = file_display_name (file);
  reason = describe_reason (file, code);
  message = could_not_write (format, name, reason, error->message);

  return g_error_new_literal (G_IO_ERROR, code, message);
}

/* ------------------------------------------------------------------ */
/* The job                                                             */

static ExportJob *
export_job_new (DraftingDocument     *document,
                GFile                *file,
                DraftingExportFormat  format,
                DraftingExportForm    form,
                const char * const   *delegations,
                const char           *title)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->snapshot = drafting_document_snapshot (document);
  job->file = g_object_ref (file);
  job->format = format;
  job->form = form;
  job->delegations = g_strdupv ((char **) delegations);
  job->title = g_strdup (title);

  return job;
}

/* Makes the file and writes it; the snapshot is let go once it is made. */
static gboolean
export_job_run (ExportJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  Writer writer = find_writer (job->format, job->form);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize len;

  g_assert (writer != NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  bytes = writer (job, cancellable, error);
  g_clear_object (&job->snapshot);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!drafting_file_replace (job->file, data, len, cancellable, &local_error))
    {
      g_propagate_error (error, write_error (job->format, job->file, local_error));
      return FALSE;
    }

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!export_job_run (task_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * drafting_export_write:
 * @document: the document to export
 * @file: where to write: any location GIO can write
 * @format: what to write it as
 * @form: what of it to write, a form @format has
 *   (drafting_export_format_has_form())
 * @delegations: (nullable) (array zero-terminated=1): in the tracked
 *   form, only the amendments these delegations propose or co-sponsor;
 *   %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @error: what went wrong: the message says what could not be written
 *   where, and why, as a person would, with GIO's error code
 *   (%G_IO_ERROR_NO_SPACE for a full disk); %G_IO_ERROR_CANCELLED if
 *   cancelled
 *
 * Writes @document for others to read, in the calling thread: for a
 * program without a main loop to keep turning, such as `wco-draft`. The
 * file is made whole in memory first and replaces what was at @file only
 * then: if anything fails, an old file there is left as it was.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
drafting_export_write (DraftingDocument      *document,
                       GFile                 *file,
                       DraftingExportFormat   format,
                       DraftingExportForm     form,
                       const char * const    *delegations,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (drafting_export_format_has_form (format, form), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = export_job_new (document, file, format, form, delegations, NULL);

  return export_job_run (job, cancellable, error);
}

/**
 * drafting_export_async:
 * @document: the document to export
 * @file: where to write: any location GIO can write
 * @format: what to write it as
 * @form: what of it to write, a form @format has
 *   (drafting_export_format_has_form())
 * @delegations: (nullable) (array zero-terminated=1): in the tracked
 *   form, only the amendments these delegations propose or co-sponsor;
 *   %NULL for all
 * @title: (nullable): a PDF's title when @document has none: the name it
 *   is known by, as its file's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 *   once the file is written, or has failed
 * @user_data: for @callback
 *
 * Writes @document for others to read, as drafting_export_write() does,
 * in the background. Only a snapshot of the document is taken here, on
 * the calling thread; laying out, making the XML and the package, and
 * writing happen in a worker thread, so that the document can be edited
 * meanwhile without changing what is written.
 *
 * If writing fails, an old file at @file is left as it was. Once the file
 * is written, cancelling no longer undoes it: the result is then success.
 */
void
drafting_export_async (DraftingDocument      *document,
                       GFile                 *file,
                       DraftingExportFormat   format,
                       DraftingExportForm     form,
                       const char * const    *delegations,
                       const char            *title,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (drafting_export_format_has_form (format, form));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_export_async);
  g_task_set_name (task, "[drafting] export");
  /* The result says what happened to the file, even when cancelling
   * comes too late to stop it being written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export_job_new (document, file, format, form, delegations, title),
                        export_job_free);

  g_task_run_in_thread (task, export_thread);
}

/**
 * drafting_export_finish:
 * @result: the result given to the callback
 * @error: as for drafting_export_write()
 *
 * Returns: %TRUE if the file was written
 */
gboolean
drafting_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == drafting_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
