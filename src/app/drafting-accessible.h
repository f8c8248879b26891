/* drafting-accessible.h: names for the controls GTK 4.8 and libadwaita 1.2 leave badly named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *drafting_accessible_strip_mnemonic (const char *label);
void  drafting_accessible_name_buttons   (GtkWidget  *widget);
void  drafting_accessible_name_dropdown  (GtkDropDown *dropdown,
                                          const char  *name);

G_END_DECLS
