/* drafting-element-text.h: the text of one element, as tall as it is for the width it is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_ELEMENT_TEXT (drafting_element_text_get_type ())

G_DECLARE_FINAL_TYPE (DraftingElementText, drafting_element_text, DRAFTING, ELEMENT_TEXT, GtkTextView)

GtkWidget *drafting_element_text_new (GtkTextBuffer *buffer);

G_END_DECLS
