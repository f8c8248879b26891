/* drafting-spell-result.c: the misspelt words of one element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <string.h>

#include "drafting-document.h"
#include "drafting-spell-private.h"
#include "drafting-spell-result.h"

/*
 * What a check found in one element: its misspelt words, and what was
 * checked (the element's identifier and revision, the language, a hash
 * of the leading phrase and text, and the generation of the word lists),
 * so that a cache can tell whether the result still holds. Made in a
 * worker thread, then never changed: any thread may read it.
 */

struct _DraftingSpellResult
{
  gatomicrefcount  ref_count;
  char            *id;
  char            *language;
  GArray          *misspellings;  /* DraftingMisspelling */
  guint64          hash;
  guint            revision;
  guint            generation;
};

G_DEFINE_BOXED_TYPE (DraftingSpellResult, drafting_spell_result,
                     drafting_spell_result_ref, drafting_spell_result_unref)

static void
clear_misspelling (gpointer data)
{
  DraftingMisspelling *misspelling = data;

  g_clear_pointer (&misspelling->word, g_free);
}

DraftingSpellResult *
_drafting_spell_result_new (const char *id,
                            guint       revision,
                            const char *language,
                            guint64     hash,
                            guint       generation)
{
  DraftingSpellResult *self = g_new0 (DraftingSpellResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id != NULL ? id : "");
  self->language = g_strdup (language);
  self->revision = revision;
  self->hash = hash;
  self->generation = generation;

  return self;
}

void
_drafting_spell_result_add (DraftingSpellResult *self,
                            gboolean             in_lead,
                            const char          *text,
                            guint                start,
                            guint                end)
{
  DraftingMisspelling misspelling = { NULL, start, end, in_lead };

  g_assert (self != NULL);
  g_assert (end > start);

  if (self->misspellings == NULL)
    {
      self->misspellings = g_array_new (FALSE, FALSE, sizeof (DraftingMisspelling));
      g_array_set_clear_func (self->misspellings, clear_misspelling);
    }

  misspelling.word = g_strndup (text + start, end - start);
  g_array_append_val (self->misspellings, misspelling);
}

guint64
_drafting_spell_result_get_hash (const DraftingSpellResult *self)
{
  return self->hash;
}

guint
_drafting_spell_result_get_generation (const DraftingSpellResult *self)
{
  return self->generation;
}

DraftingSpellResult *
drafting_spell_result_ref (DraftingSpellResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
drafting_spell_result_unref (DraftingSpellResult *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->id);
      g_free (self->language);
      g_clear_pointer (&self->misspellings, g_array_unref);
      g_free (self);
    }
}

/**
 * drafting_spell_result_get_id:
 *
 * Returns: the identifier of the element checked
 */
const char *
drafting_spell_result_get_id (const DraftingSpellResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * drafting_spell_result_get_revision:
 *
 * Returns: the element's revision when its text was taken to be checked
 *   (drafting_node_get_revision()); 0 for a text given without one
 */
guint
drafting_spell_result_get_revision (const DraftingSpellResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->revision;
}

/**
 * drafting_spell_result_get_language:
 *
 * Returns: the language the text was checked in, as it was given ("en")
 */
const char *
drafting_spell_result_get_language (const DraftingSpellResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

guint
drafting_spell_result_get_n_misspellings (const DraftingSpellResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->misspellings != NULL ? self->misspellings->len : 0;
}

/**
 * drafting_spell_result_get_misspelling:
 * @index: from 0, in the order of the element: the leading phrase's first
 *
 * Returns: (transfer none): a misspelt word and where it is
 */
const DraftingMisspelling *
drafting_spell_result_get_misspelling (const DraftingSpellResult *self,
                                       guint                      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < drafting_spell_result_get_n_misspellings (self), NULL);

  return &g_array_index (self->misspellings, DraftingMisspelling, index);
}

/**
 * drafting_spell_result_is_for_node:
 *
 * Returns: whether the result is of @node as it is now: the same element,
 *   in the same language, with the same leading phrase and text. (Words
 *   added since may have made some of its misspellings words: a cache
 *   knows, see drafting_spell_cache_lookup().)
 */
gboolean
drafting_spell_result_is_for_node (const DraftingSpellResult *self,
                                   DraftingNode              *node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), FALSE);

  return g_strcmp0 (self->id, drafting_node_get_id (node)) == 0 &&
         g_strcmp0 (self->language, drafting_spell_node_get_language (node)) == 0 &&
         self->hash == _drafting_spell_hash_text (drafting_spell_node_get_lead (node),
                                                  drafting_spell_node_get_text (node));
}

/**
 * drafting_spell_node_get_language:
 *
 * Elements have no language of their own (the native format gives the
 * document one): an element's text is in its document's.
 *
 * Returns: the language to check @node's text in: its document's, or
 *   "en" for an element outside a document
 */
const char *
drafting_spell_node_get_language (DraftingNode *node)
{
  DraftingDocument *document;
  const char *language = NULL;

  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  if ((document = drafting_node_get_document (node)) != NULL)
    language = drafting_document_get_language (document);

  return language != NULL && language[0] != '\0' ? language : "en";
}

/**
 * drafting_spell_node_get_lead:
 *
 * Returns: the leading phrase of @node to check, "" for a kind without
 */
const char *
drafting_spell_node_get_lead (DraftingNode *node)
{
  const char *lead;

  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  if (!drafting_kind_has_lead (drafting_node_get_kind (node)))
    return "";

  lead = drafting_node_get_lead (node);
  return lead != NULL ? lead : "";
}

/**
 * drafting_spell_node_get_text:
 *
 * Returns: the text of @node to check, "" for a kind whose text is made
 *   from elsewhere (the place and date, from the document's)
 */
const char *
drafting_spell_node_get_text (DraftingNode *node)
{
  const char *text;

  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  if (!drafting_kind_has_text (drafting_node_get_kind (node)))
    return "";

  text = drafting_node_get_text (node);
  return text != NULL ? text : "";
}
