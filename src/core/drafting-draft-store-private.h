/* drafting-draft-store-private.h: what the tests and the fuzz targets know of drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-draft-store.h"

G_BEGIN_DECLS

/* The largest key file of a draft read: what the store writes is far less. */
#define DRAFTING_DRAFT_INFO_MAX_SIZE (64 * 1024)

DraftingDraftInfo *_drafting_draft_info_parse (const char *id,
                                               const char *data,
                                               gsize       len,
                                               gboolean   *owner_alive);

G_END_DECLS
