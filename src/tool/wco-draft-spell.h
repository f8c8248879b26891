/* wco-draft-spell.h: wco-draft spell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tool_command_spell (int    argc,
                        char **argv);

G_END_DECLS
