/* drafting-pdf-export.c: a document drawn as PDF, as it prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-pdf-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "drafting-export.h"
#include "drafting-pdf-export.h"
#include "drafting-print-layout.h"

/*
 * The PDF is laid out with DraftingPrintLayout, as printing does, with a
 * font map of its own (Pango's default one belongs to the main thread),
 * and drawn into a PDF held in memory. drafting_export_async() calls it in
 * a worker thread, on a snapshot of the document that the worker alone
 * touches, and writes what it makes; the functions below that write a file
 * are that, for the PDF alone.
 */

/* How long the worker lays out before it looks whether it was cancelled. */
#define CANCEL_CHECK_USEC 20000

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * drafting_pdf_write:
 * @document: the document to draw, which no other thread may change
 *   meanwhile: in a worker thread, a snapshot of it
 * @title: (nullable): the PDF's title when @document has none: the name
 *   it is known by, as its file's
 * @tracked: whether to mark the open amendments, as the marked view does
 * @delegations: (nullable) (array zero-terminated=1): with @tracked, only
 *   the amendments these delegations propose or co-sponsor; %NULL for all
 * @cancellable: (nullable): a #GCancellable, looked at as the pages are
 *   laid out and drawn
 * @error: %G_IO_ERROR_CANCELLED, or what cairo could not do
 *
 * Lays @document out on A4 pages as it prints and draws it as PDF, in
 * memory, in the calling thread.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
drafting_pdf_write (DraftingDocument    *document,
                    const char          *title,
                    gboolean             tracked,
                    const char * const  *delegations,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  g_autoptr(DraftingPrintLayout) layout = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  const char *own_title;
  const char *author;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  own_title = drafting_document_get_title (document);
  author = drafting_document_get_body (document);

  /* The margins are the layout's own: there is no printer to ask for wider ones. */
  font_map = pango_cairo_font_map_new ();
  context = drafting_print_layout_create_context (font_map);
  layout = drafting_print_layout_new (document, context,
                                      DRAFTING_PRINT_LAYOUT_A4_WIDTH,
                                      DRAFTING_PRINT_LAYOUT_A4_HEIGHT,
                                      0, 0, 0, 0);
  g_object_unref (context);
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
  if (own_title != NULL && own_title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, own_title);
  else if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
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

/**
 * drafting_pdf_export_async:
 * @document: the document to export
 * @file: where to write the PDF: any location GIO can write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 *   once the PDF is written, or has failed
 * @user_data: for @callback
 *
 * Writes the present text of @document as PDF, in the background:
 * drafting_export_async() for a PDF. Finish with
 * drafting_pdf_export_finish().
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
  drafting_export_async (document, file, DRAFTING_EXPORT_FORMAT_PDF, DRAFTING_EXPORT_FORM_CLEAN,
                         NULL, title, cancellable, callback, user_data);
}

/**
 * drafting_pdf_export_finish:
 * @result: the result given to the callback
 * @error: as for drafting_export_finish()
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
drafting_pdf_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  return drafting_export_finish (result, error);
}

/**
 * drafting_pdf_export_write:
 * @document: the document to export
 * @file: where to write the PDF
 * @tracked: whether to mark the open amendments, as the marked view does
 * @delegations: (nullable) (array zero-terminated=1): with @tracked, only
 *   the amendments these delegations propose or co-sponsor; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @error: as for drafting_export_write()
 *
 * Writes @document as PDF in the calling thread: drafting_export_write()
 * for a PDF.
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
  return drafting_export_write (document, file, DRAFTING_EXPORT_FORMAT_PDF,
                                tracked ? DRAFTING_EXPORT_FORM_TRACKED : DRAFTING_EXPORT_FORM_CLEAN,
                                delegations, cancellable, error);
}
