/* drafting-test-resolution.h: a resolution of any length, the same every time, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"

G_BEGIN_DECLS

DraftingDocument *drafting_test_generate_resolution (guint   target,
                                                     gint64 *insert_us);

G_END_DECLS
