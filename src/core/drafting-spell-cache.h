/* drafting-spell-cache.h: the misspellings of a document's elements, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "drafting-node.h"
#include "drafting-spell-job.h"
#include "drafting-spell-result.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_SPELL_CACHE (drafting_spell_cache_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellCache, drafting_spell_cache, DRAFTING, SPELL_CACHE, GObject)

DraftingSpellCache  *drafting_spell_cache_new           (void);
DraftingSpellResult *drafting_spell_cache_lookup        (DraftingSpellCache *self,
                                                         const char         *id,
                                                         const char         *language,
                                                         const char         *lead,
                                                         const char         *text);
DraftingSpellResult *drafting_spell_cache_lookup_node   (DraftingSpellCache *self,
                                                         DraftingNode       *node);
DraftingSpellResult *drafting_spell_cache_request_node  (DraftingSpellCache *self,
                                                         DraftingNode       *node);
guint                drafting_spell_cache_get_size      (DraftingSpellCache *self);
guint                drafting_spell_cache_get_n_checked (DraftingSpellCache *self);
void                 drafting_spell_cache_clear         (DraftingSpellCache *self);

G_END_DECLS
