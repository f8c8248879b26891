/* drafting-print-operation.c: printing a document through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-print-layout.h"
#include "drafting-print-operation.h"

/*
 * The GtkPrintOperation glue around DraftingPrintLayout, which lays the
 * pages out and draws them, as it does for the PDF export: the printer and
 * the PDF get the same pages.
 *
 * Printing stays on the main thread, where GtkPrintOperation draws, but no
 * step of it holds the main loop for long. ::begin-print takes a snapshot
 * of the document, so that what is edited while the pages are made does
 * not change them. ::paginate lays out a slice of the document at a time:
 * GtkPrintOperation calls it from an idle handler until it returns TRUE,
 * and the window draws its frames between two slices. ::draw-page defers
 * its page to an idle handler that draws it a slice at a time, then lets
 * GtkPrintOperation finish it in an iteration of its own. The snapshot
 * and the layout, tens of thousands of small allocations for a long
 * document, are freed in a worker thread once they are no longer needed.
 */

/* Half a frame at 60 Hz: the window keeps the rest for itself. */
#define SLICE_USEC 8000

struct _DraftingPrintOperation
{
  GtkPrintOperation    parent_instance;

  DraftingDocument    *document;
  DraftingDocument    *snapshot;     /* until the pages are made */
  DraftingPrintLayout *layout;
  cairo_t             *cr;           /* of the page being drawn in slices */
  gboolean             tracked;      /* the open amendments marked */

  guint                page_nr;      /* the page being drawn in slices */
  guint                step;         /* how far it is drawn */
  guint                draw_source;

  guint                page_drawn : 1;
};

G_DEFINE_FINAL_TYPE (DraftingPrintOperation, drafting_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
release_in_thread (GTask        *task,
                   gpointer      source_object G_GNUC_UNUSED,
                   gpointer      task_data,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Lets go of @object, which nothing else holds, in a worker thread. */
static void
release_in_worker (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, release_in_worker);
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, release_in_thread);
}

static void
stop_drawing (DraftingPrintOperation *self)
{
  g_clear_handle_id (&self->draw_source, g_source_remove);
  g_clear_pointer (&self->cr, cairo_destroy);
}

static void
clear_pages (DraftingPrintOperation *self)
{
  stop_drawing (self);
  release_in_worker (g_steal_pointer (&self->snapshot));
  release_in_worker (g_steal_pointer (&self->layout));
}

static void
drafting_print_operation_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  PangoContext *pango_context;
  GtkUnit unit = GTK_UNIT_POINTS;

  clear_pages (self);

  /* The print context is set up in points, on the full page. */
  self->snapshot = drafting_document_snapshot (self->document);
  pango_context = gtk_print_context_create_pango_context (context);
  self->layout = drafting_print_layout_new (self->snapshot, pango_context,
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context),
                                            gtk_page_setup_get_top_margin (setup, unit),
                                            gtk_page_setup_get_right_margin (setup, unit),
                                            gtk_page_setup_get_bottom_margin (setup, unit),
                                            gtk_page_setup_get_left_margin (setup, unit));
  g_object_unref (pango_context);
  if (self->tracked)
    drafting_print_layout_track_changes (self->layout, NULL);
}

static gboolean
on_paginate (GtkPrintOperation *operation,
             GtkPrintContext   *context G_GNUC_UNUSED,
             gpointer           user_data G_GNUC_UNUSED)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);

  g_assert (self->layout != NULL);

  if (!drafting_print_layout_paginate (self->layout, g_get_monotonic_time () + SLICE_USEC))
    return FALSE;

  /* The layout has let go of the snapshot: this is the last hold on it. */
  release_in_worker (g_steal_pointer (&self->snapshot));

  gtk_print_operation_set_n_pages (operation,
                                   (int) drafting_print_layout_get_n_pages (self->layout));
  return TRUE;
}

static gboolean
on_draw_idle (gpointer user_data)
{
  DraftingPrintOperation *self = user_data;

  /* The page is finished in an iteration of its own: finishing it is
   * cairo's work on the whole page (the printer's data compressed and
   * written out), and can take as long as a slice of drawing. */
  if (!self->page_drawn)
    {
      gint64 deadline = g_get_monotonic_time () + SLICE_USEC;

      self->page_drawn = drafting_print_layout_draw_page_part (self->layout, self->cr,
                                                               self->page_nr, &self->step,
                                                               deadline);
      return G_SOURCE_CONTINUE;
    }

  self->draw_source = 0;
  g_clear_pointer (&self->cr, cairo_destroy);
  gtk_print_operation_draw_page_finish (GTK_PRINT_OPERATION (self));

  return G_SOURCE_REMOVE;
}

static void
drafting_print_operation_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (operation);

  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page_nr >= 0);

  stop_drawing (self);
  self->cr = cairo_reference (gtk_print_context_get_cairo_context (context));
  self->page_nr = (guint) page_nr;
  self->step = 0;
  self->page_drawn = FALSE;

  /* GtkPrintOperation waits for gtk_print_operation_draw_page_finish()
   * before it goes on to the next page. The idle handler comes before
   * GtkPrintOperation's own, which would otherwise turn idly meanwhile. */
  gtk_print_operation_set_defer_drawing (operation);
  self->draw_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_draw_idle, self, NULL);
}

static void
drafting_print_operation_end_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context G_GNUC_UNUSED)
{
  clear_pages (DRAFTING_PRINT_OPERATION (operation));
}

static void
drafting_print_operation_constructed (GObject *object)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);
  const char *title;

  G_OBJECT_CLASS (drafting_print_operation_parent_class)->constructed (object);

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self->document));

  title = drafting_document_get_title (self->document);
  if (title != NULL && title[0] != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  else
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Untitled Document"));
}

static void
drafting_print_operation_finalize (GObject *object)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  clear_pages (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (drafting_print_operation_parent_class)->finalize (object);
}

static void
drafting_print_operation_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_print_operation_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DraftingPrintOperation *self = DRAFTING_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_print_operation_class_init (DraftingPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = drafting_print_operation_constructed;
  object_class->finalize = drafting_print_operation_finalize;
  object_class->get_property = drafting_print_operation_get_property;
  object_class->set_property = drafting_print_operation_set_property;

  operation_class->begin_print = drafting_print_operation_begin_print;
  operation_class->draw_page = drafting_print_operation_draw_page;
  operation_class->end_print = drafting_print_operation_end_print;

  /**
   * DraftingPrintOperation:document:
   *
   * The document to print.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_print_operation_init (DraftingPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 25, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 25, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  /* GtkPrintOperation emits ::paginate only if a handler is connected. */
  g_signal_connect (self, "paginate", G_CALLBACK (on_paginate), NULL);
}

/**
 * drafting_print_operation_new:
 * @document: the document to print
 *
 * Creates an operation that prints @document through the print dialog.
 * It lays the pages out as drafting_pdf_export_async() does, slice by
 * slice in the main loop; to write a PDF, drafting_pdf_export_async() does
 * the whole work in a worker thread instead.
 *
 * Returns: (transfer full): the operation
 */
DraftingPrintOperation *
drafting_print_operation_new (DraftingDocument *document)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  return g_object_new (DRAFTING_TYPE_PRINT_OPERATION,
                       "document", document,
                       NULL);
}

/**
 * drafting_print_operation_set_tracked:
 * @tracked: whether to mark the open amendments
 *
 * Prints the open amendments of every delegation marked, as the window's
 * marked view shows them, or not. Set it before the operation runs.
 */
void
drafting_print_operation_set_tracked (DraftingPrintOperation *self,
                                      gboolean                tracked)
{
  g_return_if_fail (DRAFTING_IS_PRINT_OPERATION (self));

  self->tracked = !!tracked;
}

/**
 * drafting_print_operation_get_document:
 *
 * Returns: (transfer none): the document printed
 */
DraftingDocument *
drafting_print_operation_get_document (DraftingPrintOperation *self)
{
  g_return_val_if_fail (DRAFTING_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}
