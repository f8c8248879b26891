/* drafting-spell-result.h: the misspelt words of one element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "drafting-node.h"

G_BEGIN_DECLS

/**
 * DraftingMisspelling:
 * @word: the word as it is in the text (owned by the result)
 * @start: byte offset of the word in the element's text, or in its
 *   leading phrase when @in_lead
 * @end: byte offset of its end
 * @in_lead: whether the word is in the leading phrase ("ACKNOWLEGING")
 *   rather than the text, as #DraftingMatch says
 */
typedef struct
{
  char     *word;
  guint     start;
  guint     end;
  gboolean  in_lead;
} DraftingMisspelling;

#define DRAFTING_TYPE_SPELL_RESULT (drafting_spell_result_get_type ())

typedef struct _DraftingSpellResult DraftingSpellResult;

GType                      drafting_spell_result_get_type        (void) G_GNUC_CONST;
DraftingSpellResult       *drafting_spell_result_ref             (DraftingSpellResult       *self);
void                       drafting_spell_result_unref           (DraftingSpellResult       *self);
const char                *drafting_spell_result_get_id          (const DraftingSpellResult *self);
guint                      drafting_spell_result_get_revision    (const DraftingSpellResult *self);
const char                *drafting_spell_result_get_language    (const DraftingSpellResult *self);
guint                      drafting_spell_result_get_n_misspellings
                                                                 (const DraftingSpellResult *self);
const DraftingMisspelling *drafting_spell_result_get_misspelling (const DraftingSpellResult *self,
                                                                  guint                      index);
gboolean                   drafting_spell_result_is_for_node     (const DraftingSpellResult *self,
                                                                  DraftingNode              *node);

const char                *drafting_spell_node_get_language      (DraftingNode              *node);
const char                *drafting_spell_node_get_lead          (DraftingNode              *node);
const char                *drafting_spell_node_get_text          (DraftingNode              *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingSpellResult, drafting_spell_result_unref)

G_END_DECLS
