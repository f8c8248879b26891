/* drafting-pdf-export.c: a document written as PDF, in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-pdf-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "drafting-pdf-export.h"
#include "drafting-print-layout.h"

/*
 * The calling thread takes a snapshot of the document, which shares
 * nothing with it; from then on the worker thread alone touches it. The
 * worker lays the snapshot out with DraftingPrintLayout, as printing does,
 * with a font map of its own (Pango's default one belongs to the main
 * thread), draws the pages into a PDF held in memory, and writes it with
 * drafting_file_replace(), which works for any location GIO can write and
 * leaves an old file as it was if writing fails. The snapshot, the layout
 * and the PDF are all freed in the worker too, so the main loop does no
 * more than take the snapshot and hear the result.
 */

/* How long the worker lays out before it looks whether it was cancelled. */
#define CANCEL_CHECK_USEC 20000

typedef struct
{
  DraftingDocument *snapshot;
  GFile            *file;
  char             *title;       /* for a document with no title of its own */
  gboolean          tracked;     /* with the open amendments marked */
  GStrv             delegations; /* theirs alone, or NULL for all */
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->snapshot);
  g_clear_object (&export->file);
  g_free (export->title);
  g_strfreev (export->delegations);
  g_free (export);
}

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Lays @snapshot out and draws it as PDF, in memory. Runs in the worker,
 * and takes @snapshot so that it is freed there once the pages are made. */
static GBytes *
render_pdf (DraftingDocument   *snapshot,
            const char         *fallback_title,
            gboolean            tracked,
            const char * const *delegations,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  g_autoptr(DraftingPrintLayout) layout = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *title = g_strdup (drafting_document_get_title (snapshot));
  g_autofree char *author = g_strdup (drafting_document_get_body (snapshot));
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  /* The margins are the layout's own: there is no printer to ask for wider ones. */
  context = drafting_print_layout_create_context (font_map);
  layout = drafting_print_layout_new (snapshot, context,
                                      DRAFTING_PRINT_LAYOUT_A4_WIDTH,
                                      DRAFTING_PRINT_LAYOUT_A4_HEIGHT,
                                      0, 0, 0, 0);
  g_object_unref (context);
  g_object_unref (snapshot);
  if (tracked)
    drafting_print_layout_track_changes (layout, delegations);

  while (!drafting_print_layout_paginate (layout, g_get_monotonic_time () + CANCEL_CHECK_USEC))
    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return NULL;

  buffer = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer,
                                                 DRAFTING_PRINT_LAYOUT_A4_WIDTH,
                                                 DRAFTING_PRINT_LAYOUT_A4_HEIGHT);
  /* The title a PDF reader shows for it, and in its list of documents;
   * the author is the body that issues the text, Drafting the creator. */
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  else if (fallback_title != NULL && fallback_title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fallback_title);
  if (author != NULL && author[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Drafting");

  cr = cairo_create (surface);
  n_pages = drafting_print_layout_get_n_pages (layout);
  for (guint i = 0; i < n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      drafting_print_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is cairo's own description of what went wrong */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && strcmp (basename, G_DIR_SEPARATOR_S) != 0)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

/* Why @error happened, as a clause to follow a colon, from its GIO error
 * code, which says it more reliably than a message that may name a
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
       * “The PDF could not be written to “name.pdf”: …” */
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

/* An error that names the file and says why in a person's words, keeping
 * GIO's error code; cancelling is no failure and keeps its own error. */
static GError *
write_error (GFile        *file,
             const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  int code = G_IO_ERROR_FAILED;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_IO_ERROR)
    code = error->code;
  else if (error->domain == G_FILE_ERROR)
    code = g_io_error_from_file_error (error->code);

  name = file_display_name (file);
  reason = describe_reason (file, code);

  if (reason == NULL)
    /* Translators: %s is the name of a file, then comes a sentence that
     * says why, as the system or the disk puts it */
    return g_error_new (G_IO_ERROR, code, _("The PDF could not be written to “%s”. %s"),
                        name, error->message);

  /* Translators: the first %s is the name of a file, the second says why,
   * as in “there is no room left on the disk” */
  return g_error_new (G_IO_ERROR, code, _("The PDF could not be written to “%s”: %s"),
                      name, reason);
}

/* Lays @snapshot out, draws it and writes it to @file; takes @snapshot. */
static gboolean
write_pdf (DraftingDocument   *snapshot,
           GFile              *file,
           const char         *title,
           gboolean            tracked,
           const char * const *delegations,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;
  gconstpointer bytes;
  gsize len;

  pdf = render_pdf (snapshot, title, tracked, delegations, cancellable, error);
  if (pdf == NULL)
    return FALSE;

  bytes = g_bytes_get_data (pdf, &len);
  if (!drafting_file_replace (file, bytes, len, cancellable, &local_error))
    {
      g_propagate_error (error, write_error (file, local_error));
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
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!write_pdf (g_steal_pointer (&data->snapshot), data->file, data->title, data->tracked,
                  (const char * const *) data->delegations, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * drafting_pdf_export_async:
 * @document: the document to export
 * @file: where to write the PDF: any location GIO can write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 *   once the PDF is written, or has failed
 * @user_data: for @callback
 *
 * Writes @document as PDF, on A4 pages laid out as they print. Only a
 * snapshot of the document is taken here, on the calling thread; laying
 * out, drawing and writing happen in a worker thread, so that the
 * document can be edited meanwhile without changing the PDF.
 *
 * If writing fails, an old file at @file is left as it was. Once the PDF
 * is written, cancelling no longer undoes it: the result is then success.
 */
void
drafting_pdf_export_async (DraftingDocument    *document,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  drafting_pdf_export_titled_async (document, file, NULL, cancellable, callback, user_data);
}

/**
 * drafting_pdf_export_titled_async:
 * @title: (nullable): the PDF's title when @document has none: the name
 *   it is known by, as its file's
 *
 * As drafting_pdf_export_async(), and the PDF's title is @document's,
 * else @title. Finish with drafting_pdf_export_finish().
 */
void
drafting_pdf_export_titled_async (DraftingDocument    *document,
                                  GFile               *file,
                                  const char          *title,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  drafting_pdf_export_tracked_async (document, file, title, FALSE, NULL, cancellable, callback,
                                     user_data);
}

/**
 * drafting_pdf_export_tracked_async:
 * @tracked: whether to mark the open amendments, as the marked view does
 * @delegations: (nullable) (array zero-terminated=1): with @tracked, only
 *   the amendments these delegations propose or co-sponsor; %NULL for all
 *
 * As drafting_pdf_export_titled_async(), the open amendments marked if
 * @tracked. Finish with drafting_pdf_export_finish().
 */
void
drafting_pdf_export_tracked_async (DraftingDocument    *document,
                                   GFile               *file,
                                   const char          *title,
                                   gboolean             tracked,
                                   const char * const  *delegations,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_pdf_export_async);
  g_task_set_name (task, "[drafting] PDF export");
  /* The result says what happened to the file, even when cancelling
   * comes too late to stop it being written. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ExportData, 1);
  data->snapshot = drafting_document_snapshot (document);
  data->file = g_object_ref (file);
  data->title = g_strdup (title);
  data->tracked = tracked;
  data->delegations = g_strdupv ((char **) delegations);
  g_task_set_task_data (task, data, export_data_free);

  g_task_run_in_thread (task, export_thread);
}

/**
 * drafting_pdf_export_finish:
 * @result: the result given to the callback
 * @error: what went wrong: the message names the file and says why, as a
 *   person would; %G_IO_ERROR_CANCELLED if cancelled
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
drafting_pdf_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == drafting_pdf_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * drafting_pdf_export_write:
 * @document: the document to export
 * @file: where to write the PDF
 * @tracked: whether to mark the open amendments, as the marked view does
 * @delegations: (nullable) (array zero-terminated=1): with @tracked, only
 *   the amendments these delegations propose or co-sponsor; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @error: what went wrong, as for drafting_pdf_export_finish()
 *
 * Writes @document as PDF in the calling thread, as
 * drafting_pdf_export_async() does in a worker: for a program without a
 * main loop to keep turning, such as `wco-draft`.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
drafting_pdf_export_write (DraftingDocument    *document,
                           GFile               *file,
                           gboolean             tracked,
                           const char * const  *delegations,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_pdf (drafting_document_snapshot (document), file, NULL, tracked, delegations,
                    cancellable, error);
}
