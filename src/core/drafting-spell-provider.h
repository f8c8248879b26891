/* drafting-spell-provider.h: the spelling dictionaries installed (enchant)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "drafting-spell-dictionary.h"

G_BEGIN_DECLS

#define DRAFTING_SPELL_ERROR (drafting_spell_error_quark ())

/**
 * DraftingSpellError:
 * @DRAFTING_SPELL_ERROR_NO_DICTIONARY: no spelling dictionary is installed
 *   for the language, nor for any variant of it
 * @DRAFTING_SPELL_ERROR_INVALID_WORD: a word cannot be added to a list:
 *   empty, more than one line, or too long
 */
typedef enum
{
  DRAFTING_SPELL_ERROR_NO_DICTIONARY,
  DRAFTING_SPELL_ERROR_INVALID_WORD,
} DraftingSpellError;

#define DRAFTING_TYPE_SPELL_PROVIDER (drafting_spell_provider_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellProvider, drafting_spell_provider, DRAFTING, SPELL_PROVIDER, GObject)

GQuark                   drafting_spell_error_quark              (void);

DraftingSpellProvider   *drafting_spell_provider_get_default     (void);
char                   **drafting_spell_provider_list_dictionaries (DraftingSpellProvider *self);
char                   **drafting_spell_provider_list_languages  (DraftingSpellProvider *self);
char                    *drafting_spell_provider_resolve         (DraftingSpellProvider *self,
                                                                  const char            *language);
DraftingSpellDictionary *drafting_spell_provider_load_dictionary (DraftingSpellProvider *self,
                                                                  const char            *language,
                                                                  GError               **error);

G_END_DECLS
