/* drafting-time.h: times as a person reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *drafting_time_format (GDateTime *time);

G_END_DECLS
