/* drafting-spell-private.h: what the spelling classes share among themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <enchant.h>

#include "drafting-house-words.h"
#include "drafting-spell-cache.h"
#include "drafting-spell-checker.h"
#include "drafting-spell-dictionary.h"
#include "drafting-spell-job.h"

G_BEGIN_DECLS

DraftingSpellDictionary *_drafting_spell_dictionary_new     (const char              *code,
                                                             EnchantDict             *native);

/* Bumped by every word added or ignored, anywhere: a result that had
 * misspellings, checked before, may have fewer now (one that had none
 * cannot have more). */
guint                    _drafting_spell_get_generation     (void);
void                     _drafting_spell_bump_generation    (void);

guint64                  _drafting_spell_hash_text          (const char              *lead,
                                                             const char              *text);

gboolean                 _drafting_house_words_covers       (DraftingHouseWords      *self,
                                                             const char              *text,
                                                             const DraftingSpellWord *words,
                                                             guint                    n_words,
                                                             guint                    index);

GPtrArray               *_drafting_house_words_suggest      (DraftingHouseWords      *self,
                                                             const char              *word,
                                                             guint                    max);

DraftingSpellResult     *_drafting_spell_result_new         (const char              *id,
                                                             guint                    revision,
                                                             const char              *language,
                                                             guint64                  hash,
                                                             guint                    generation);
void                     _drafting_spell_result_add         (DraftingSpellResult     *self,
                                                             gboolean                 in_lead,
                                                             const char              *text,
                                                             guint                    start,
                                                             guint                    end);
guint64                  _drafting_spell_result_get_hash    (const DraftingSpellResult *self);
guint                    _drafting_spell_result_get_generation (const DraftingSpellResult *self);

void                     _drafting_spell_cache_store        (DraftingSpellCache      *self,
                                                             GPtrArray               *results);

G_END_DECLS
