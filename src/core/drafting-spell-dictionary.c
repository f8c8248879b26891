/* drafting-spell-dictionary.c: one language's spelling dictionary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <string.h>

#include "drafting-spell-private.h"

/*
 * An enchant dictionary, which any thread may use: each call holds the
 * dictionary's lock, as enchant's dictionaries are not thread-safe. The
 * provider owns the enchant dictionary (and frees it never: it is kept
 * for the process).
 *
 * What the dictionary answered is remembered: a document repeats its
 * words ("Members", "Customs", "the"), and asking hunspell again costs
 * microseconds a word where remembering costs a lookup. Adding or
 * ignoring a word forgets all of it.
 */

#define MAX_SUGGESTIONS 10
#define MAX_REMEMBERED  65536

/* What the table of answers holds for a word. */
#define ANSWER_CORRECT   GINT_TO_POINTER (1)
#define ANSWER_INCORRECT GINT_TO_POINTER (2)

struct _DraftingSpellDictionary
{
  GObject      parent_instance;

  EnchantDict *native;    /* owned by the broker */
  char        *code;
  GHashTable  *answers;   /* word → ANSWER_CORRECT or ANSWER_INCORRECT */
  GMutex       mutex;
};

G_DEFINE_FINAL_TYPE (DraftingSpellDictionary, drafting_spell_dictionary, G_TYPE_OBJECT)

static void
drafting_spell_dictionary_finalize (GObject *object)
{
  DraftingSpellDictionary *self = DRAFTING_SPELL_DICTIONARY (object);

  self->native = NULL;
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (drafting_spell_dictionary_parent_class)->finalize (object);
}

static void
drafting_spell_dictionary_class_init (DraftingSpellDictionaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_spell_dictionary_finalize;
}

static void
drafting_spell_dictionary_init (DraftingSpellDictionary *self)
{
  g_mutex_init (&self->mutex);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DraftingSpellDictionary *
_drafting_spell_dictionary_new (const char  *code,
                                EnchantDict *native)
{
  DraftingSpellDictionary *self = g_object_new (DRAFTING_TYPE_SPELL_DICTIONARY, NULL);

  self->code = g_strdup (code);
  self->native = native;

  return self;
}

/**
 * drafting_spell_dictionary_get_code:
 *
 * Returns: the dictionary's tag, as enchant names it: "en_GB", "fr"
 */
const char *
drafting_spell_dictionary_get_code (DraftingSpellDictionary *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_DICTIONARY (self), NULL);

  return self->code;
}

/* Called with the lock held. */
static gboolean
check_locked (DraftingSpellDictionary *self,
              const char              *word,
              gsize                    len)
{
  char buffer[128];
  g_autofree char *long_key = NULL;
  const char *key;
  gpointer answer;
  gboolean correct;

  /* Most words fit the buffer: no copy made to look one up. */
  if (len < sizeof buffer)
    {
      memcpy (buffer, word, len);
      buffer[len] = '\0';
      key = buffer;
    }
  else
    key = long_key = g_strndup (word, len);

  if ((answer = g_hash_table_lookup (self->answers, key)) != NULL)
    return answer == ANSWER_CORRECT;

  correct = enchant_dict_check (self->native, word, (gssize) len) == 0;
  if (g_hash_table_size (self->answers) >= MAX_REMEMBERED)
    g_hash_table_remove_all (self->answers);
  g_hash_table_insert (self->answers, g_strdup (key),
                       correct ? ANSWER_CORRECT : ANSWER_INCORRECT);

  return correct;
}

/**
 * drafting_spell_dictionary_check:
 * @word: a word, in UTF-8
 * @len: its length in bytes, or -1 if it ends with a zero byte
 *
 * Returns: whether the dictionary, with the personal word list and the
 *   words ignored in this session, takes @word
 */
gboolean
drafting_spell_dictionary_check (DraftingSpellDictionary *self,
                                 const char              *word,
                                 gssize                   len)
{
  gboolean correct;

  g_return_val_if_fail (DRAFTING_IS_SPELL_DICTIONARY (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (len < 0)
    len = strlen (word);
  if (len == 0)
    return TRUE;

  g_mutex_lock (&self->mutex);
  correct = check_locked (self, word, len);
  g_mutex_unlock (&self->mutex);

  return correct;
}

/**
 * drafting_spell_dictionary_suggest:
 * @word: a misspelt word
 * @len: its length in bytes, or -1
 *
 * Asks the dictionary for corrections, the likeliest first. This can take
 * a few tens of milliseconds for a long word.
 *
 * Returns: (transfer full): at most ten corrections; an empty list when
 *   there are none
 */
char **
drafting_spell_dictionary_suggest (DraftingSpellDictionary *self,
                                   const char              *word,
                                   gssize                   len)
{
  GPtrArray *suggestions = g_ptr_array_new ();
  char **found;
  size_t n_found = 0;

  g_return_val_if_fail (DRAFTING_IS_SPELL_DICTIONARY (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (len < 0)
    len = strlen (word);

  if (len > 0)
    {
      g_mutex_lock (&self->mutex);
      found = enchant_dict_suggest (self->native, word, len, &n_found);
      for (size_t i = 0; found != NULL && i < n_found && suggestions->len < MAX_SUGGESTIONS; i++)
        if (g_utf8_validate (found[i], -1, NULL))
          g_ptr_array_add (suggestions, g_strdup (found[i]));
      if (found != NULL)
        enchant_dict_free_string_list (self->native, found);
      g_mutex_unlock (&self->mutex);
    }

  g_ptr_array_add (suggestions, NULL);

  return (char **) g_ptr_array_free (suggestions, FALSE);
}

/**
 * drafting_spell_dictionary_add_word:
 * @word: a word the dictionary should take from now on
 *
 * Adds @word to the person's own word list for this language, which
 * enchant keeps under the user's configuration folder
 * (`$XDG_CONFIG_HOME/enchant/`), for this and every later session.
 */
void
drafting_spell_dictionary_add_word (DraftingSpellDictionary *self,
                                    const char              *word)
{
  g_return_if_fail (DRAFTING_IS_SPELL_DICTIONARY (self));
  g_return_if_fail (word != NULL && g_utf8_validate (word, -1, NULL));

  if (word[0] == '\0')
    return;

  g_mutex_lock (&self->mutex);
  enchant_dict_add (self->native, word, -1);
  g_hash_table_remove_all (self->answers);
  g_mutex_unlock (&self->mutex);

  _drafting_spell_bump_generation ();
}

/**
 * drafting_spell_dictionary_ignore_word:
 * @word: a word the dictionary should take until the process ends
 *
 * Takes @word for the rest of this session, in every document.
 */
void
drafting_spell_dictionary_ignore_word (DraftingSpellDictionary *self,
                                       const char              *word)
{
  g_return_if_fail (DRAFTING_IS_SPELL_DICTIONARY (self));
  g_return_if_fail (word != NULL && g_utf8_validate (word, -1, NULL));

  if (word[0] == '\0')
    return;

  g_mutex_lock (&self->mutex);
  enchant_dict_add_to_session (self->native, word, -1);
  g_hash_table_remove_all (self->answers);
  g_mutex_unlock (&self->mutex);

  _drafting_spell_bump_generation ();
}
