/* bench-window-compare.h: the window comparing two versions of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"

G_BEGIN_DECLS

void bench_window_measure_compare (DraftingDocument *document,
                                   DraftingNode     *paragraph);

G_END_DECLS
