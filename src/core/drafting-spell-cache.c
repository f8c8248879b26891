/* drafting-spell-cache.c: the misspellings of a document's elements, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <string.h>

#include "drafting-spell-private.h"
#include "drafting-spell-provider.h"

/*
 * A document's misspellings, an element's result kept until its text
 * changes: the window's rows, made and remade as the list scrolls, ask
 * for the same elements again and again, and an element whose text has
 * not changed is never checked twice.
 *
 * A result holds while the element's identifier, language, leading
 * phrase and text are those it was checked with (a 64-bit hash of them).
 * A word added to a dictionary or to the house vocabulary, or ignored,
 * can only make misspelt words right: a result with none holds still; one
 * with some is checked again.
 *
 * A row asks with drafting_spell_cache_request_node(): what the cache
 * holds, at once; else the element is checked with the others asked for
 * in the same turn of the main loop, in one job, and ::checked gives the
 * results. Everything here is on the main thread, but for the jobs'
 * workers.
 */

/* An element being checked for a request. */
typedef struct
{
  guint64        hash;
  char          *language;
  gconstpointer  job;       /* compared only */
} Asked;

struct _DraftingSpellCache
{
  GObject           parent_instance;

  GHashTable       *results;     /* id → DraftingSpellResult */
  GHashTable       *in_flight;   /* id → Asked */
  GHashTable       *missing;     /* languages without a dictionary (set) */
  DraftingSpellJob *queued;      /* the requests of this turn */
  GCancellable     *cancellable; /* the jobs of requests */
  guint             start_source;
  guint             n_checked;
};

enum
{
  CHECKED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DraftingSpellCache, drafting_spell_cache, G_TYPE_OBJECT)

static void
asked_free (gpointer data)
{
  Asked *asked = data;

  g_free (asked->language);
  g_free (asked);
}

static void
drafting_spell_cache_dispose (GObject *object)
{
  DraftingSpellCache *self = DRAFTING_SPELL_CACHE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_object (&self->queued);

  G_OBJECT_CLASS (drafting_spell_cache_parent_class)->dispose (object);
}

static void
drafting_spell_cache_finalize (GObject *object)
{
  DraftingSpellCache *self = DRAFTING_SPELL_CACHE (object);

  g_clear_pointer (&self->results, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (drafting_spell_cache_parent_class)->finalize (object);
}

static void
drafting_spell_cache_class_init (DraftingSpellCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = drafting_spell_cache_dispose;
  object_class->finalize = drafting_spell_cache_finalize;

  /**
   * DraftingSpellCache::checked:
   * @results: (element-type DraftingSpellResult): results now kept, one
   *   an element
   *
   * Emitted when results come in, from the cache's own checks and from
   * any job made with the cache: a view finds the rows of those elements
   * and marks their words.
   */
  signals[CHECKED] =
    g_signal_new ("checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * DraftingSpellCache::failed:
   * @error: why: %DRAFTING_SPELL_ERROR_NO_DICTIONARY, in the words to show
   *
   * Emitted when elements the cache was asked for could not be checked;
   * it is not asked again for their language until
   * drafting_spell_cache_clear().
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
drafting_spell_cache_init (DraftingSpellCache *self)
{
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) drafting_spell_result_unref);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, asked_free);
  self->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * drafting_spell_cache_new:
 *
 * Returns: (transfer full): an empty cache, one for a document
 */
DraftingSpellCache *
drafting_spell_cache_new (void)
{
  return g_object_new (DRAFTING_TYPE_SPELL_CACHE, NULL);
}

static DraftingSpellResult *
lookup_hashed (DraftingSpellCache *self,
               const char         *id,
               const char         *language,
               guint64             hash)
{
  DraftingSpellResult *result = g_hash_table_lookup (self->results, id);

  if (result == NULL ||
      _drafting_spell_result_get_hash (result) != hash ||
      strcmp (drafting_spell_result_get_language (result), language) != 0)
    return NULL;

  /* Words added since may have made its misspelt words right. */
  if (drafting_spell_result_get_n_misspellings (result) > 0 &&
      _drafting_spell_result_get_generation (result) != _drafting_spell_get_generation ())
    return NULL;

  return result;
}

/**
 * drafting_spell_cache_lookup:
 * @id: an element's identifier
 * @language: the language its text is checked in
 * @lead: its leading phrase ("" for none)
 * @text: its text
 *
 * Returns: (transfer none) (nullable): the element's result, if the cache
 *   has one for this text that still holds
 */
DraftingSpellResult *
drafting_spell_cache_lookup (DraftingSpellCache *self,
                             const char         *id,
                             const char         *language,
                             const char         *lead,
                             const char         *text)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return lookup_hashed (self, id, language, _drafting_spell_hash_text (lead, text));
}

/**
 * drafting_spell_cache_lookup_node:
 *
 * Returns: (transfer none) (nullable): @node's result, if the cache has
 *   one for its text as it is now that still holds
 */
DraftingSpellResult *
drafting_spell_cache_lookup_node (DraftingSpellCache *self,
                                  DraftingNode       *node)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  if (drafting_node_get_id (node) == NULL)
    return NULL;

  return drafting_spell_cache_lookup (self, drafting_node_get_id (node),
                                      drafting_spell_node_get_language (node),
                                      drafting_spell_node_get_lead (node),
                                      drafting_spell_node_get_text (node));
}

/* Forgets the requests a job of the cache had that it gave no result for
 * (it was cancelled, or their language has no dictionary), and the
 * languages without one. */
static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  DraftingSpellJob *job = DRAFTING_SPELL_JOB (object);
  GWeakRef *weak = user_data;
  g_autoptr(DraftingSpellCache) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  gboolean no_dictionary;
  GHashTableIter iter;
  gpointer value;

  g_weak_ref_clear (weak);
  g_free (weak);

  if (drafting_spell_job_run_finish (job, result, &error) || self == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  no_dictionary = g_error_matches (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY);
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Asked *asked = value;

      if (asked->job != job)
        continue;
      if (no_dictionary)
        g_hash_table_add (self->missing, g_strdup (asked->language));
      g_hash_table_iter_remove (&iter);
    }

  g_signal_emit (self, signals[FAILED], 0, error);
}

static gboolean
start_queued (gpointer user_data)
{
  DraftingSpellCache *self = DRAFTING_SPELL_CACHE (user_data);
  g_autoptr(DraftingSpellJob) job = g_steal_pointer (&self->queued);
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  /* The cache may go while its job runs: that cancels the job. */
  g_weak_ref_init (weak, self);
  self->start_source = 0;
  drafting_spell_job_run_async (job, self->cancellable, job_done, weak);

  return G_SOURCE_REMOVE;
}

/**
 * drafting_spell_cache_request_node:
 *
 * Gives @node's result if the cache has one that holds; else has the
 * element checked, with the others asked for in this turn of the main
 * loop, and ::checked gives its result. Asking again for an element on
 * its way does nothing more.
 *
 * Returns: (transfer none) (nullable): @node's result, or %NULL until
 *   ::checked
 */
DraftingSpellResult *
drafting_spell_cache_request_node (DraftingSpellCache *self,
                                   DraftingNode       *node)
{
  DraftingSpellResult *result;
  const char *id;
  const char *language;
  guint64 hash;
  Asked *asked;

  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  if ((id = drafting_node_get_id (node)) == NULL ||
      drafting_node_get_kind (node) == DRAFTING_KIND_DOCUMENT)
    return NULL;

  language = drafting_spell_node_get_language (node);
  hash = _drafting_spell_hash_text (drafting_spell_node_get_lead (node),
                                    drafting_spell_node_get_text (node));
  if ((result = lookup_hashed (self, id, language, hash)) != NULL)
    return result;

  if (g_hash_table_contains (self->missing, language))
    return NULL;

  asked = g_hash_table_lookup (self->in_flight, id);
  if (asked != NULL && asked->hash == hash && strcmp (asked->language, language) == 0)
    return NULL;

  if (self->queued == NULL)
    self->queued = drafting_spell_job_new (self);
  drafting_spell_job_add_node (self->queued, node, language);

  asked = g_new0 (Asked, 1);
  asked->hash = hash;
  asked->language = g_strdup (language);
  asked->job = self->queued;
  g_hash_table_insert (self->in_flight, g_strdup (id), asked);

  if (self->start_source == 0)
    self->start_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_queued, self, NULL);

  return NULL;
}

/* Keeps @results, and says so. From the jobs, on the main context. */
void
_drafting_spell_cache_store (DraftingSpellCache *self,
                             GPtrArray          *results)
{
  g_assert (DRAFTING_IS_SPELL_CACHE (self));

  for (guint i = 0; i < results->len; i++)
    {
      DraftingSpellResult *result = g_ptr_array_index (results, i);
      const char *id = drafting_spell_result_get_id (result);
      Asked *asked = g_hash_table_lookup (self->in_flight, id);

      if (asked != NULL && asked->hash == _drafting_spell_result_get_hash (result))
        g_hash_table_remove (self->in_flight, id);

      if (g_hash_table_lookup (self->results, id) != result)
        {
          g_hash_table_insert (self->results, g_strdup (id), drafting_spell_result_ref (result));
          self->n_checked++;
        }
    }

  g_signal_emit (self, signals[CHECKED], 0, results);
}

/**
 * drafting_spell_cache_get_size:
 *
 * Returns: how many elements the cache has a result for
 */
guint
drafting_spell_cache_get_size (DraftingSpellCache *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (self), 0);

  return g_hash_table_size (self->results);
}

/**
 * drafting_spell_cache_get_n_checked:
 *
 * Returns: how many results the cache was given by checks: by its own
 *   and by jobs made with it (a result it already had, given again, is not
 *   counted)
 */
guint
drafting_spell_cache_get_n_checked (DraftingSpellCache *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (self), 0);

  return self->n_checked;
}

/**
 * drafting_spell_cache_clear:
 *
 * Forgets every result, and the languages found without a dictionary
 * (after one is installed, or the document's language changes), and stops
 * the checks on their way.
 */
void
drafting_spell_cache_clear (DraftingSpellCache *self)
{
  g_return_if_fail (DRAFTING_IS_SPELL_CACHE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_object (&self->queued);

  g_hash_table_remove_all (self->results);
  g_hash_table_remove_all (self->in_flight);
  g_hash_table_remove_all (self->missing);
}
