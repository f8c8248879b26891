/* drafting-properties-window.h: the title, symbol, status, place, date, language and numbering of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-core.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_PROPERTIES_WINDOW (drafting_properties_window_get_type ())

G_DECLARE_FINAL_TYPE (DraftingPropertiesWindow, drafting_properties_window, DRAFTING, PROPERTIES_WINDOW, AdwPreferencesWindow)

GtkWidget        *drafting_properties_window_new          (DraftingDocument         *document);
DraftingDocument *drafting_properties_window_get_document (DraftingPropertiesWindow *self);

G_END_DECLS
