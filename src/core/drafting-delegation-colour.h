/* drafting-delegation-colour.h: the colour a delegation's changes are marked in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *drafting_delegation_colour_hex  (const char *delegation,
                                       gboolean    dark);

G_END_DECLS
