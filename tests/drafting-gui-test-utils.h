/* drafting-gui-test-utils.h: what the tests of the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "drafting-element-row.h"
#include "drafting-lazy-list.h"

G_BEGIN_DECLS

void       drafting_gui_test_init         (int          *argc,
                                           char       ***argv);
void       drafting_gui_test_load_style   (void);
GtkWidget *drafting_gui_test_find_of_type (GtkWidget    *root,
                                           GType         type);
GtkWidget *drafting_gui_test_find_named   (GtkWidget    *root,
                                           const char   *name);
void       drafting_gui_test_iterate      (void);
void       drafting_gui_test_wait_frames  (GtkWidget    *widget,
                                           guint         n_frames);
void       drafting_gui_test_present      (GtkWidget    *window);
void       drafting_gui_test_destroy      (GtkWidget    *window);

DraftingElementRow *drafting_gui_test_row_of (GtkWidget    *list_view,
                                              DraftingNode *node);

G_END_DECLS
