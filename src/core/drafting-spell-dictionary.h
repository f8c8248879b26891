/* drafting-spell-dictionary.h: one language's spelling dictionary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DRAFTING_TYPE_SPELL_DICTIONARY (drafting_spell_dictionary_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellDictionary, drafting_spell_dictionary, DRAFTING, SPELL_DICTIONARY, GObject)

const char  *drafting_spell_dictionary_get_code    (DraftingSpellDictionary *self);
gboolean     drafting_spell_dictionary_check       (DraftingSpellDictionary *self,
                                                    const char              *word,
                                                    gssize                   len);
char       **drafting_spell_dictionary_suggest     (DraftingSpellDictionary *self,
                                                    const char              *word,
                                                    gssize                   len);
void         drafting_spell_dictionary_add_word    (DraftingSpellDictionary *self,
                                                    const char              *word);
void         drafting_spell_dictionary_ignore_word (DraftingSpellDictionary *self,
                                                    const char              *word);

G_END_DECLS
