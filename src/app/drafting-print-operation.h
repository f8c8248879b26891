/* drafting-print-operation.h: printing a document through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_PRINT_OPERATION (drafting_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (DraftingPrintOperation, drafting_print_operation, DRAFTING, PRINT_OPERATION, GtkPrintOperation)

DraftingPrintOperation *drafting_print_operation_new          (DraftingDocument       *document);
DraftingDocument       *drafting_print_operation_get_document (DraftingPrintOperation *self);
void                    drafting_print_operation_set_tracked  (DraftingPrintOperation *self,
                                                               gboolean                tracked);

G_END_DECLS
