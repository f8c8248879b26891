/* drafting-file-chooser.h: the file choosers of Open, Save As and Export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-export.h"

#define DRAFTING_PDF_EXTENSION ".pdf"

G_BEGIN_DECLS

typedef enum
{
  DRAFTING_FILE_CHOOSER_OPEN,     /* documents and text to import, several at once */
  DRAFTING_FILE_CHOOSER_SAVE,     /* a document, in the native format */
  DRAFTING_FILE_CHOOSER_EXPORT,   /* for others to read: PDF, ODT, Word or Akoma Ntoso */
  DRAFTING_FILE_CHOOSER_IMPORT_AMENDMENTS, /* files of amendments, several at once */
  DRAFTING_FILE_CHOOSER_EXPORT_AMENDMENTS, /* a file of amendments */
} DraftingFileChooserPurpose;

GtkFileChooserNative *drafting_file_chooser_new      (GtkWindow                  *parent,
                                                      DraftingFileChooserPurpose  purpose,
                                                      GFile                      *folder,
                                                      const char                 *name);
char                 *drafting_file_chooser_propose_name (GFile                 *from,
                                                          const char            *title,
                                                          const char            *extension);
GFile                *drafting_file_chooser_get_file (GtkFileChooserNative       *chooser,
                                                      DraftingFileChooserPurpose  purpose);
DraftingExportFormat  drafting_file_chooser_get_export_format (GtkFileChooserNative *chooser);
DraftingExportForm    drafting_file_chooser_get_export_form   (GtkFileChooserNative *chooser);

G_END_DECLS
