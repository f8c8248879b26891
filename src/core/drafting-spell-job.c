/* drafting-spell-job.c: checking a document's spelling in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <errno.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "drafting-spell-private.h"
#include "drafting-spell-provider.h"

/*
 * A job checks texts in a worker thread and hands what it finds back to
 * the main context of the thread that ran it, as libspelling's job does
 * for a text buffer:
 *
 *  - what it checks is copied when it is added (the element's identifier
 *    and revision, its language, leading phrase and text), so the
 *    document may change, or go, while it runs;
 *  - with a cache, an element whose result the cache still holds is not
 *    checked again: its result is handed back with the others;
 *  - the worker hands results back as it checks them, every
 *    BATCH_INTERVAL or BATCH_SIZE results, to an idle source of the main
 *    context, which emits ::results with at most BATCH_SIZE of them at a
 *    time (and keeps them in the cache): the main loop never holds more
 *    than that, however fast the worker or busy the main loop;
 *  - the job finishes (its callback is called) after its last ::results;
 *  - cancelling stops the worker at the next element; nothing more is
 *    handed back, and the job finishes with %G_IO_ERROR_CANCELLED.
 *
 * A language without a dictionary does not stop the others: the job
 * checks what it can, and finishes with
 * %DRAFTING_SPELL_ERROR_NO_DICTIONARY for it.
 */

#define BATCH_SIZE     256
#define BATCH_INTERVAL (20 * G_TIME_SPAN_MILLISECOND)

/* A text to check, in one block with its strings: a document of 10,000
 * elements is copied on the main thread, one allocation an element. */
typedef struct
{
  const char *id;
  const char *language;  /* interned */
  const char *lead;
  const char *text;
  guint       revision;
} SpellText;

struct _DraftingSpellJob
{
  GObject             parent_instance;

  DraftingSpellCache *cache;      /* weak */
  GPtrArray          *texts;      /* SpellText, checked by the worker */
  GPtrArray          *cached;     /* DraftingSpellResult the cache had */
  GMainContext       *context;    /* where results are handed back */
  GCancellable       *cancellable;

  GMutex              mutex;      /* guards pending and flush_source */
  GPtrArray          *pending;    /* DraftingSpellResult not handed back yet */
  GSource            *flush_source;

  GTask              *task;       /* the caller's, while running */
  GError             *error;      /* the worker's, once done */

  guint               n_checked;  /* atomic */
  guint               n_cached;
  guint64             n_words;    /* written by the worker, read when done */

  guint               running : 1;
  guint               worker_done : 1;
};

enum
{
  RESULTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DraftingSpellJob, drafting_spell_job, G_TYPE_OBJECT)

static void
drafting_spell_job_dispose (GObject *object)
{
  DraftingSpellJob *self = DRAFTING_SPELL_JOB (object);

  g_clear_weak_pointer (&self->cache);

  G_OBJECT_CLASS (drafting_spell_job_parent_class)->dispose (object);
}

static void
drafting_spell_job_finalize (GObject *object)
{
  DraftingSpellJob *self = DRAFTING_SPELL_JOB (object);

  g_assert (self->flush_source == NULL);
  g_assert (self->task == NULL);

  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->cached, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (drafting_spell_job_parent_class)->finalize (object);
}

static void
drafting_spell_job_class_init (DraftingSpellJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = drafting_spell_job_dispose;
  object_class->finalize = drafting_spell_job_finalize;

  /**
   * DraftingSpellJob::results:
   * @results: (element-type DraftingSpellResult): a batch of results, one
   *   an element, misspelt words or none
   *
   * Emitted on the main context of the thread that ran the job, as the
   * worker checks, and for the elements the cache had, each once.
   */
  signals[RESULTS] =
    g_signal_new ("results",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
drafting_spell_job_init (DraftingSpellJob *self)
{
  g_mutex_init (&self->mutex);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->cached = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);
}

/**
 * drafting_spell_job_new:
 * @cache: (nullable): where to look for results before checking, and to
 *   keep them in; the job does not keep it alive
 *
 * Returns: (transfer full): a job with nothing to check yet
 */
DraftingSpellJob *
drafting_spell_job_new (DraftingSpellCache *cache)
{
  DraftingSpellJob *self;

  g_return_val_if_fail (cache == NULL || DRAFTING_IS_SPELL_CACHE (cache), NULL);

  self = g_object_new (DRAFTING_TYPE_SPELL_JOB, NULL);
  g_set_weak_pointer (&self->cache, cache);

  return self;
}

/**
 * drafting_spell_job_add_text:
 * @id: what the result is for: an element's identifier
 * @revision: the element's revision (drafting_node_get_revision()), kept
 *   in its result; 0 when there is none
 * @language: the language of the text: "en", "fr-CA"
 * @lead: (nullable): a leading phrase, checked before the text
 * @text: (nullable): the text
 *
 * Adds a text to check, copied. Only before the job runs.
 */
void
drafting_spell_job_add_text (DraftingSpellJob *self,
                             const char       *id,
                             guint             revision,
                             const char       *language,
                             const char       *lead,
                             const char       *text)
{
  DraftingSpellResult *result = NULL;
  gsize id_len;
  gsize lead_len;
  gsize text_len;
  SpellText *copy;
  char *strings;

  g_return_if_fail (DRAFTING_IS_SPELL_JOB (self));
  g_return_if_fail (!self->running);
  g_return_if_fail (id != NULL);
  g_return_if_fail (language != NULL);

  lead = lead != NULL ? lead : "";
  text = text != NULL ? text : "";

  if (self->cache != NULL &&
      (result = drafting_spell_cache_lookup (self->cache, id, language, lead, text)) != NULL)
    {
      g_ptr_array_add (self->cached, drafting_spell_result_ref (result));
      self->n_cached++;
      return;
    }

  id_len = strlen (id) + 1;
  lead_len = strlen (lead) + 1;
  text_len = strlen (text) + 1;
  copy = g_malloc (sizeof (SpellText) + id_len + lead_len + text_len);
  strings = (char *) (copy + 1);
  copy->id = memcpy (strings, id, id_len);
  copy->lead = memcpy (strings + id_len, lead, lead_len);
  copy->text = memcpy (strings + id_len + lead_len, text, text_len);
  copy->language = g_intern_string (language);
  copy->revision = revision;
  g_ptr_array_add (self->texts, copy);
}

/**
 * drafting_spell_job_add_node:
 * @language: (nullable): the language to check in; %NULL for the
 *   element's (drafting_spell_node_get_language())
 *
 * Adds an element's leading phrase and text, as they are now.
 */
void
drafting_spell_job_add_node (DraftingSpellJob *self,
                             DraftingNode     *node,
                             const char       *language)
{
  g_return_if_fail (DRAFTING_IS_SPELL_JOB (self));
  g_return_if_fail (DRAFTING_IS_NODE (node));

  if (drafting_node_get_kind (node) == DRAFTING_KIND_DOCUMENT)
    return;

  if (language == NULL)
    language = drafting_spell_node_get_language (node);

  drafting_spell_job_add_text (self, drafting_node_get_id (node), drafting_node_get_revision (node),
                               language, drafting_spell_node_get_lead (node),
                               drafting_spell_node_get_text (node));
}

static void
add_subtree (DraftingSpellJob *self,
             DraftingNode     *node,
             const char       *language)
{
  drafting_spell_job_add_node (self, node, language);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    add_subtree (self, drafting_node_get_child (node, i), language);
}

/**
 * drafting_spell_job_add_document:
 * @language: (nullable): the language to check in; %NULL for the
 *   document's
 *
 * Adds every element of @document, in the order of the text, footnotes
 * after the element that calls them.
 */
void
drafting_spell_job_add_document (DraftingSpellJob *self,
                                 DraftingDocument *document,
                                 const char       *language)
{
  g_return_if_fail (DRAFTING_IS_SPELL_JOB (self));
  g_return_if_fail (DRAFTING_IS_DOCUMENT (document));

  add_subtree (self, drafting_document_get_root (document), language);
}

/**
 * drafting_spell_job_get_n_texts:
 *
 * Returns: how many texts were added, those the cache had included
 */
guint
drafting_spell_job_get_n_texts (DraftingSpellJob *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_JOB (self), 0);

  return self->texts->len + self->n_cached;
}

/* On the main context, once the worker is done and everything it checked
 * is handed back: the caller's task returns. */
static void
complete (DraftingSpellJob *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_assert (task != NULL);

  self->running = FALSE;
  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* On the main context: hands back at most BATCH_SIZE results of those the
 * worker has checked, so that a batch never holds the main loop long,
 * however many are waiting.
 *
 * Returns: whether more are waiting */
static gboolean
flush (DraftingSpellJob *self)
{
  g_autoptr(GPtrArray) batch = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);
  gboolean more;

  g_mutex_lock (&self->mutex);
  if (cancelled || self->pending->len <= BATCH_SIZE)
    {
      batch = g_steal_pointer (&self->pending);
      self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);
    }
  else
    {
      batch = g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) drafting_spell_result_unref);
      for (guint i = 0; i < BATCH_SIZE; i++)
        g_ptr_array_add (batch, g_ptr_array_index (self->pending, i));
      g_ptr_array_set_free_func (self->pending, NULL);
      g_ptr_array_remove_range (self->pending, 0, BATCH_SIZE);
      g_ptr_array_set_free_func (self->pending, (GDestroyNotify) drafting_spell_result_unref);
    }
  more = self->pending->len > 0;
  if (!more)
    g_clear_pointer (&self->flush_source, g_source_unref);
  g_mutex_unlock (&self->mutex);

  if (batch->len > 0 && !cancelled)
    {
      if (self->cache != NULL)
        _drafting_spell_cache_store (self->cache, batch);

      g_signal_emit (self, signals[RESULTS], 0, batch);
    }

  return more;
}

static gboolean
flush_in_idle (gpointer user_data)
{
  DraftingSpellJob *self = DRAFTING_SPELL_JOB (user_data);

  if (flush (self))
    return G_SOURCE_CONTINUE;

  if (self->worker_done)
    complete (self);

  return G_SOURCE_REMOVE;
}

/* From any thread: what @results holds (taken from it) waits for the
 * main context. */
static void
push (DraftingSpellJob *self,
      GPtrArray        *results)
{
  g_autofree gpointer *taken = NULL;
  gsize n_taken = 0;

  if (results->len == 0)
    return;

  taken = g_ptr_array_steal (results, &n_taken);

  g_mutex_lock (&self->mutex);
  for (gsize i = 0; i < n_taken; i++)
    g_ptr_array_add (self->pending, taken[i]);
  if (self->flush_source == NULL)
    {
      self->flush_source = g_idle_source_new ();
      g_source_set_priority (self->flush_source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->flush_source, flush_in_idle, g_object_ref (self),
                             g_object_unref);
      g_source_set_static_name (self->flush_source, "[drafting] spelling results");
      g_source_attach (self->flush_source, self->context);
    }
  g_mutex_unlock (&self->mutex);
}

static DraftingSpellResult *
check_one (DraftingSpellJob     *self,
           DraftingSpellChecker *checker,
           const SpellText      *text)
{
  DraftingSpellResult *result;
  const char *parts[] = { text->lead, text->text };
  guint generation = _drafting_spell_get_generation ();

  result = _drafting_spell_result_new (text->id, text->revision, text->language,
                                       _drafting_spell_hash_text (text->lead, text->text),
                                       generation);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autoptr(GArray) misspelt = NULL;
      guint n_words = 0;

      if (parts[p][0] == '\0')
        continue;

      misspelt = drafting_spell_checker_check_text (checker, parts[p], -1, &n_words);
      for (guint i = 0; i < misspelt->len; i++)
        {
          const DraftingSpellWord *word = &g_array_index (misspelt, DraftingSpellWord, i);

          _drafting_spell_result_add (result, p == 0, parts[p], word->start, word->end);
        }
      self->n_words += n_words;
    }

  g_atomic_int_inc (&self->n_checked);

  return result;
}

/* The checkers of the languages met, NULL for one without a dictionary. */
static void
checker_unref (gpointer checker)
{
  if (checker != NULL)
    g_object_unref (checker);
}

static void
run_in_thread (GTask        *task,
               GCancellable *cancellable)
{
  DraftingSpellJob *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) checkers = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) missing = NULL;
  gint64 last_push = g_get_monotonic_time ();

  checkers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, checker_unref);
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_spell_result_unref);

  for (guint i = 0; i < self->texts->len; i++)
    {
      const SpellText *text = g_ptr_array_index (self->texts, i);
      DraftingSpellChecker *checker;
      gint64 now;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (!g_hash_table_lookup_extended (checkers, text->language, NULL, (gpointer *) &checker))
        {
          g_autoptr(GError) error = NULL;

          checker = drafting_spell_checker_new (text->language, &error);
          if (checker == NULL && missing == NULL)
            missing = g_steal_pointer (&error);
          g_hash_table_insert (checkers, (gpointer) text->language, checker);
        }
      if (checker == NULL)
        continue;

      g_ptr_array_add (batch, check_one (self, checker, text));

      now = g_get_monotonic_time ();
      if (batch->len >= BATCH_SIZE || now - last_push >= BATCH_INTERVAL)
        {
          push (self, batch);
          last_push = now;
        }
    }

  push (self, batch);

  if (missing != NULL)
    g_task_return_error (task, g_steal_pointer (&missing));
  else
    g_task_return_boolean (task, TRUE);
}

/* The worker is a thread of its own, at a lower priority than the main
 * thread (on Linux, a nice value of 10, for this thread only): on a
 * machine of two cores busy with other work, the main loop gets its turn
 * as soon as it wakes, where at the same priority it waited tens of
 * milliseconds for one. A thread of GLib's pool would keep the lower
 * priority for the work it did next. */
static gpointer
worker_thread (gpointer data)
{
  g_autoptr(GTask) task = data;

#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
    g_debug ("The spelling worker keeps its priority: %s", g_strerror (errno));
#endif

  run_in_thread (task, g_task_get_cancellable (task));

  return NULL;
}

/* On the main context, once the worker is done: the caller's task returns
 * now, or after the last batch if some are still waiting. */
static void
worker_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data G_GNUC_UNUSED)
{
  DraftingSpellJob *self = DRAFTING_SPELL_JOB (object);
  gboolean waiting;

  g_task_propagate_boolean (G_TASK (result), &self->error);
  self->worker_done = TRUE;

  g_mutex_lock (&self->mutex);
  waiting = self->flush_source != NULL;
  g_mutex_unlock (&self->mutex);

  if (!waiting)
    complete (self);
}

/**
 * drafting_spell_job_run_async:
 * @cancellable: (nullable): stops the job
 * @callback: called on the thread-default main context when the job is
 *   done, after its last ::results
 *
 * Checks the texts added in a worker thread, and emits ::results on the
 * thread-default main context as they are checked (first those the cache
 * had). Dictionaries not loaded yet are loaded in the worker. A job runs
 * once.
 */
void
drafting_spell_job_run_async (DraftingSpellJob    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (DRAFTING_IS_SPELL_JOB (self));
  g_return_if_fail (!self->running && self->context == NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  self->task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (self->task, drafting_spell_job_run_async);
  g_task_set_name (self->task, "[drafting] check spelling");

  push (self, self->cached);

  worker = g_task_new (self, self->cancellable, worker_done, NULL);
  g_task_set_name (worker, "[drafting] spelling worker");
  g_thread_unref (g_thread_new ("drafting-spell", worker_thread, g_steal_pointer (&worker)));
}

/**
 * drafting_spell_job_run_finish:
 *
 * Returns: %TRUE if every text was checked; %FALSE with
 *   %G_IO_ERROR_CANCELLED, or with %DRAFTING_SPELL_ERROR_NO_DICTIONARY
 *   for a language without a dictionary (the others were checked)
 */
gboolean
drafting_spell_job_run_finish (DraftingSpellJob  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * drafting_spell_job_get_n_checked:
 *
 * Returns: how many texts the worker has checked so far (not those the
 *   cache had)
 */
guint
drafting_spell_job_get_n_checked (DraftingSpellJob *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_JOB (self), 0);

  return (guint) g_atomic_int_get (&self->n_checked);
}

/**
 * drafting_spell_job_get_n_cached:
 *
 * Returns: how many texts were not checked, as the cache had their result
 */
guint
drafting_spell_job_get_n_cached (DraftingSpellJob *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_JOB (self), 0);

  return self->n_cached;
}

/**
 * drafting_spell_job_get_n_words:
 *
 * Returns: how many words the worker looked at, once the job is done
 */
guint64
drafting_spell_job_get_n_words (DraftingSpellJob *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELL_JOB (self), 0);
  g_return_val_if_fail (!self->running, 0);

  return self->n_words;
}
