/* drafting-spell-checker.h: checking the spelling of a language's texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "drafting-house-words.h"
#include "drafting-spell-dictionary.h"

G_BEGIN_DECLS

/**
 * DraftingSpellWord:
 * @start: byte offset of a misspelt word in the text checked
 * @end: byte offset of its end
 */
typedef struct
{
  guint start;
  guint end;
} DraftingSpellWord;

#define DRAFTING_TYPE_SPELL_CHECKER (drafting_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellChecker, drafting_spell_checker, DRAFTING, SPELL_CHECKER, GObject)

DraftingSpellChecker    *drafting_spell_checker_new            (const char           *language,
                                                                GError              **error);
DraftingSpellChecker    *drafting_spell_checker_new_full       (DraftingSpellDictionary *dictionary,
                                                                const char           *language,
                                                                DraftingHouseWords   *house_words);
const char              *drafting_spell_checker_get_language   (DraftingSpellChecker *self);
DraftingSpellDictionary *drafting_spell_checker_get_dictionary (DraftingSpellChecker *self);
DraftingHouseWords      *drafting_spell_checker_get_house_words (DraftingSpellChecker *self);
gboolean                 drafting_spell_checker_check_word     (DraftingSpellChecker *self,
                                                                const char           *word,
                                                                gssize                len);
char                   **drafting_spell_checker_suggest        (DraftingSpellChecker *self,
                                                                const char           *word,
                                                                gssize                len);
void                     drafting_spell_checker_add_word       (DraftingSpellChecker *self,
                                                                const char           *word);
void                     drafting_spell_checker_ignore_word    (DraftingSpellChecker *self,
                                                                const char           *word);
GArray                  *drafting_spell_checker_check_text     (DraftingSpellChecker *self,
                                                                const char           *text,
                                                                gssize                len,
                                                                guint                *n_words);

G_END_DECLS
