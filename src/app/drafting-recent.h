/* drafting-recent.h: the documents opened and saved lately
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       drafting_recent_add  (GFile *file);
GPtrArray *drafting_recent_list (guint  max_items);

G_END_DECLS
