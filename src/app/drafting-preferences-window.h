/* drafting-preferences-window.h: the application's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_PREFERENCES_WINDOW (drafting_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DraftingPreferencesWindow, drafting_preferences_window, DRAFTING, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *drafting_preferences_window_new (void);

G_END_DECLS
