/* drafting-spell-provider.c: the spelling dictionaries installed (enchant)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-spell-private.h"
#include "drafting-spell-provider.h"

/*
 * One enchant broker for the process, as libspelling keeps one: enchant
 * is not thread-safe, so every call on the broker holds broker_lock, and
 * every call on a dictionary holds that dictionary's own lock (see
 * drafting-spell-dictionary.c). A dictionary, once loaded, is kept for the
 * life of the process, as loading one takes a tenth of a second or more:
 * the checkers of every document share it.
 */

struct _DraftingSpellProvider
{
  GObject     parent_instance;

  GHashTable *dictionaries;  /* enchant tag → DraftingSpellDictionary */
};

G_DEFINE_FINAL_TYPE (DraftingSpellProvider, drafting_spell_provider, G_TYPE_OBJECT)

G_DEFINE_QUARK (drafting-spell-error-quark, drafting_spell_error)

static GMutex broker_lock;
static EnchantBroker *broker;
static char **installed;  /* the dictionaries' tags, listed once */
static guint generation;

/* A language is looked for in these, after the tag it was asked with and
 * its language alone: the WCO writes British English with the Oxford
 * spelling ("organization", "programme"), which en_GB takes and en_US does
 * not take all of. Any other language tries "xx_XX" (fr_FR, es_ES, pt_PT,
 * ru_RU), then the first variant installed. */
static const struct
{
  const char *language;
  const char *tags[3];
} preferred[] = {
  { "en", { "en_GB", "en_US", NULL } },
  { "pt", { "pt_PT", "pt_BR", NULL } },
};

static void
drafting_spell_provider_finalize (GObject *object)
{
  DraftingSpellProvider *self = DRAFTING_SPELL_PROVIDER (object);

  g_clear_pointer (&self->dictionaries, g_hash_table_unref);

  G_OBJECT_CLASS (drafting_spell_provider_parent_class)->finalize (object);
}

static void
drafting_spell_provider_class_init (DraftingSpellProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_spell_provider_finalize;
}

static void
drafting_spell_provider_init (DraftingSpellProvider *self)
{
  self->dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * drafting_spell_provider_get_default:
 *
 * The provider of the process: it holds the one enchant broker, and the
 * dictionaries loaded. Any thread may call it and use what it returns.
 *
 * Returns: (transfer none): the provider
 */
DraftingSpellProvider *
drafting_spell_provider_get_default (void)
{
  static DraftingSpellProvider *instance;

  if (g_once_init_enter (&instance))
    {
      DraftingSpellProvider *provider = g_object_new (DRAFTING_TYPE_SPELL_PROVIDER, NULL);

      g_once_init_leave (&instance, provider);
    }

  return instance;
}

/* Called with broker_lock held. */
static EnchantBroker *
get_broker (void)
{
  if (broker == NULL)
    broker = enchant_broker_init ();

  return broker;
}

static void
add_dictionary_tag (const char * const  tag,
                    const char * const  provider_name G_GNUC_UNUSED,
                    const char * const  provider_desc G_GNUC_UNUSED,
                    const char * const  provider_file G_GNUC_UNUSED,
                    void               *user_data)
{
  GPtrArray *tags = user_data;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    return;

  for (guint i = 0; i < tags->len; i++)
    if (strcmp (g_ptr_array_index (tags, i), tag) == 0)
      return;

  g_ptr_array_add (tags, g_strdup (tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * drafting_spell_provider_list_dictionaries:
 *
 * Lists the dictionaries installed, as they were when first asked: the
 * providers look through their folders only once.
 *
 * Returns: (transfer full): the tags of the dictionaries installed, as
 *   enchant names them ("ar", "en_GB", "fr_CA"), sorted; an empty list
 *   when there are none
 */
char **
drafting_spell_provider_list_dictionaries (DraftingSpellProvider *self)
{
  char **copy;

  g_return_val_if_fail (DRAFTING_IS_SPELL_PROVIDER (self), NULL);

  g_mutex_lock (&broker_lock);
  if (installed == NULL)
    {
      GPtrArray *tags = g_ptr_array_new ();

      enchant_broker_list_dicts (get_broker (), add_dictionary_tag, tags);
      g_ptr_array_sort (tags, compare_strings);
      g_ptr_array_add (tags, NULL);
      installed = (char **) g_ptr_array_free (tags, FALSE);
    }
  copy = g_strdupv (installed);
  g_mutex_unlock (&broker_lock);

  return copy;
}

/* "fr-ca" → "fr_CA"; "en_GB.UTF-8" → "en_GB"; "EN" → "en"; NULL for what
 * is not a language tag. */
static char *
normalize_tag (const char *language)
{
  g_autoptr(GString) tag = g_string_new (NULL);
  gboolean territory = FALSE;

  for (const char *p = language; *p != '\0' && *p != '.' && *p != '@'; p++)
    {
      if (*p == '-' || *p == '_')
        {
          if (territory || tag->len == 0)
            break;
          territory = TRUE;
          g_string_append_c (tag, '_');
        }
      else if (g_ascii_isalnum (*p))
        g_string_append_c (tag, territory ? g_ascii_toupper (*p) : g_ascii_tolower (*p));
      else
        return NULL;
    }

  if (tag->len < 2 || tag->str[tag->len - 1] == '_')
    return NULL;

  return g_string_free (g_steal_pointer (&tag), FALSE);
}

static gboolean
strv_has (char       **strv,
          const char  *tag)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, tag);
}

/**
 * drafting_spell_provider_resolve:
 * @language: a language tag: "en", "fr-CA", "fr_CA", "pt"
 *
 * Finds the dictionary for @language: the tag itself ("fr_CA"), else its
 * language alone ("fr"), else the variant preferred for it (en_GB for
 * "en", fr_FR for "fr"), else the first variant installed.
 *
 * Returns: (transfer full) (nullable): the enchant tag of the dictionary,
 *   or %NULL if none is installed for the language
 */
char *
drafting_spell_provider_resolve (DraftingSpellProvider *self,
                                 const char            *language)
{
  g_auto(GStrv) tags = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *base = NULL;
  g_autofree char *doubled = NULL;
  g_autofree char *prefix = NULL;
  char *separator;

  g_return_val_if_fail (DRAFTING_IS_SPELL_PROVIDER (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if ((tag = normalize_tag (language)) == NULL)
    return NULL;

  tags = drafting_spell_provider_list_dictionaries (self);
  if (strv_has (tags, tag))
    return g_steal_pointer (&tag);

  base = g_strdup (tag);
  if ((separator = strchr (base, '_')) != NULL)
    *separator = '\0';
  if (strv_has (tags, base))
    return g_steal_pointer (&base);

  for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
    if (strcmp (preferred[i].language, base) == 0)
      for (guint j = 0; preferred[i].tags[j] != NULL; j++)
        if (strv_has (tags, preferred[i].tags[j]))
          return g_strdup (preferred[i].tags[j]);

  doubled = g_strdup_printf ("%s_%s", base, base);
  for (char *p = doubled + strlen (base) + 1; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  if (strv_has (tags, doubled))
    return g_steal_pointer (&doubled);

  prefix = g_strconcat (base, "_", NULL);
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_str_has_prefix (tags[i], prefix))
      return g_strdup (tags[i]);

  return NULL;
}

/**
 * drafting_spell_provider_list_languages:
 *
 * Returns: (transfer full): the languages that have a dictionary, each
 *   once, as a document names them ("ar", "en", "es", "fr", "pt", "ru"),
 *   sorted
 */
char **
drafting_spell_provider_list_languages (DraftingSpellProvider *self)
{
  g_auto(GStrv) tags = NULL;
  GPtrArray *languages = g_ptr_array_new ();

  g_return_val_if_fail (DRAFTING_IS_SPELL_PROVIDER (self), NULL);

  tags = drafting_spell_provider_list_dictionaries (self);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gsize len = strcspn (tags[i], "_-");
      g_autofree char *language = g_strndup (tags[i], len);
      gboolean seen = FALSE;

      for (guint j = 0; j < languages->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (languages, j), language) == 0;
      if (!seen)
        g_ptr_array_add (languages, g_steal_pointer (&language));
    }

  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);

  return (char **) g_ptr_array_free (languages, FALSE);
}

/**
 * drafting_spell_provider_load_dictionary:
 * @language: a language tag, resolved as drafting_spell_provider_resolve()
 *   does
 *
 * Loads the dictionary for @language, or gives the one loaded before:
 * the first time, this reads the dictionary's files, which takes a tenth
 * of a second or more, so a window calls it in a thread (a
 * #DraftingSpellJob does).
 *
 * Returns: (transfer full): the dictionary, or %NULL with
 *   %DRAFTING_SPELL_ERROR_NO_DICTIONARY
 */
DraftingSpellDictionary *
drafting_spell_provider_load_dictionary (DraftingSpellProvider  *self,
                                         const char             *language,
                                         GError                **error)
{
  g_autofree char *tag = NULL;
  DraftingSpellDictionary *dictionary;

  g_return_val_if_fail (DRAFTING_IS_SPELL_PROVIDER (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if ((tag = drafting_spell_provider_resolve (self, language)) == NULL)
    {
      g_auto(GStrv) languages = drafting_spell_provider_list_languages (self);
      g_autofree char *list = g_strjoinv (", ", languages);

      if (languages[0] == NULL)
        g_set_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY,
                     /* Translators: %s is a language code such as "fr" */
                     _("There is no spelling dictionary for “%s”, nor for any language: "
                       "none is installed"), language);
      else
        g_set_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY,
                     /* Translators: the first %s is a language code such as "fr", the
                      * second a list of them: "ar, en, es, fr" */
                     _("There is no spelling dictionary for “%s”. There are dictionaries for: %s"),
                     language, list);
      return NULL;
    }

  g_mutex_lock (&broker_lock);
  dictionary = g_hash_table_lookup (self->dictionaries, tag);
  if (dictionary == NULL)
    {
      EnchantDict *native = enchant_broker_request_dict (get_broker (), tag);

      if (native != NULL)
        {
          dictionary = _drafting_spell_dictionary_new (tag, native);
          g_hash_table_insert (self->dictionaries, g_strdup (tag), dictionary);
        }
    }
  if (dictionary != NULL)
    g_object_ref (dictionary);
  g_mutex_unlock (&broker_lock);

  if (dictionary == NULL)
    g_set_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY,
                 /* Translators: %s is a dictionary's tag such as "fr_CA" */
                 _("The spelling dictionary “%s” could not be loaded"), tag);

  return dictionary;
}

guint
_drafting_spell_get_generation (void)
{
  return (guint) g_atomic_int_get (&generation);
}

void
_drafting_spell_bump_generation (void)
{
  g_atomic_int_inc (&generation);
}

static inline guint64
mix (guint64 hash,
     guint64 value)
{
  hash ^= value;
  hash *= G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  hash ^= hash >> 32;

  return hash;
}

/* A 64-bit hash of the leading phrase and the text, eight bytes at a
 * time: what a cached result was checked against. (Not for hostile
 * input: two texts made to collide would only share misspellings.) */
guint64
_drafting_spell_hash_text (const char *lead,
                           const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  const char *parts[] = { lead != NULL ? lead : "", text != NULL ? text : "" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *p = parts[i];
      gsize len = strlen (p);
      gsize rest = len;
      guint64 value;

      for (; rest >= sizeof value; rest -= sizeof value, p += sizeof value)
        {
          memcpy (&value, p, sizeof value);
          hash = mix (hash, value);
        }
      value = 0;
      memcpy (&value, p, rest);
      hash = mix (hash, value);
      hash = mix (hash, len);
    }

  return hash;
}
