/* drafting-spelling-dialog.h: the document's misspelt words, one after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-document-view.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_SPELLING_DIALOG (drafting_spelling_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellingDialog, drafting_spelling_dialog, DRAFTING, SPELLING_DIALOG, AdwWindow)

GtkWidget    *drafting_spelling_dialog_new      (DraftingDocument       *document,
                                                 DraftingDocumentView   *view,
                                                 DraftingSpellCache     *cache);
const char   *drafting_spelling_dialog_get_word (DraftingSpellingDialog *self);
DraftingNode *drafting_spelling_dialog_get_node (DraftingSpellingDialog *self);
gboolean      drafting_spelling_dialog_is_done  (DraftingSpellingDialog *self);

G_END_DECLS
