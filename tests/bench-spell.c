/* bench-spell.c: checking the spelling of 1,000 and 10,000 clauses, and the main loop meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include "drafting-bench-utils.h"
#include "drafting-spell.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * The resolutions of bench-scale (1,000 and 10,000 clauses, in English),
 * checked as the window checks a document: the texts copied on the main
 * thread, checked by a job in a worker thread, the results handed back
 * to the main loop in batches. Meanwhile a timeout fires on the main
 * loop every millisecond, as often as GLib's timeouts go, and the longest
 * gap between two of its ticks is the longest the main loop went without
 * taking events: the stall a person would feel. For comparison, the same
 * timer on an idle main loop.
 *
 * Then the document asked for again through a cache that has every
 * element's result, as the window's rows ask: nothing checked, every
 * result handed back.
 *
 * Each round runs in a fresh process (this program with --child SIZE),
 * so that the dictionary's memory of the words it was asked is empty
 * and loading the dictionary is timed cold; the table gives the median of
 * ROUNDS rounds.
 */

#define ROUNDS 3
#define TICK_MS 1
#define IDLE_US (300 * G_TIME_SPAN_MILLISECOND)

static const guint sizes[] = { 1000, 10000 };

/* ------------------------------------------------------------------ */
/* The measuring process                                               */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gint64        last_tick;
  gint64        last_cpu;
  gint64        longest_gap;
  gint64        longest_gap_cpu;
  gint64        longest_batch;
  guint         n_batches;
  guint         n_results;
  guint         n_misspelt;
  guint         tick_source;
} Measure;

/* The processor time of the main thread: a stall in which it did not run
 * was the machine's (other processes, the worker), not the main loop's. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer user_data)
{
  Measure *measure = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (now - measure->last_tick > measure->longest_gap)
    {
      measure->longest_gap = now - measure->last_tick;
      measure->longest_gap_cpu = cpu - measure->last_cpu;
    }
  measure->last_tick = now;
  measure->last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
start_ticking (Measure *measure)
{
  measure->longest_gap = 0;
  measure->longest_gap_cpu = 0;
  measure->last_cpu = thread_cpu_us ();
  measure->last_tick = g_get_monotonic_time ();
  measure->tick_source = g_timeout_add (TICK_MS, tick, measure);
}

/* The last gap counts too: a run shorter than a tick is one gap. */
static void
stop_ticking (Measure *measure)
{
  tick (measure);
  g_clear_handle_id (&measure->tick_source, g_source_remove);
}

static void
on_results (DraftingSpellJob *job G_GNUC_UNUSED,
            GPtrArray        *results,
            gpointer          user_data)
{
  Measure *measure = user_data;
  gint64 start = g_get_monotonic_time ();

  /* What a view does with a batch: find each element's misspellings. */
  for (guint i = 0; i < results->len; i++)
    {
      DraftingSpellResult *result = g_ptr_array_index (results, i);

      measure->n_misspelt += drafting_spell_result_get_n_misspellings (result);
    }
  measure->n_results += results->len;
  measure->n_batches++;
  measure->longest_batch = MAX (measure->longest_batch, g_get_monotonic_time () - start);
}

static void
on_done (GObject      *object G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  Measure *measure = user_data;

  measure->result = g_object_ref (result);
  g_main_loop_quit (measure->loop);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

/* Runs @job with the timer ticking; reports under @prefix. */
static void
run_measured (DraftingSpellJob *job,
              const char       *prefix)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  Measure measure = { .loop = loop };
  gint64 start;
  gint64 total;

  g_signal_connect (job, "results", G_CALLBACK (on_results), &measure);

  start_ticking (&measure);
  start = g_get_monotonic_time ();
  drafting_spell_job_run_async (job, NULL, on_done, &measure);
  g_main_loop_run (loop);
  total = g_get_monotonic_time () - start;
  stop_ticking (&measure);

  if (!drafting_spell_job_run_finish (job, measure.result, &error))
    drafting_bench_fail ("checking", error);
  g_clear_object (&measure.result);

#define REPORT(name, value) \
  G_STMT_START { \
    g_free (key); \
    key = g_strconcat (prefix, "_", name, NULL); \
    drafting_bench_report_int (key, value); \
  } G_STMT_END

  REPORT ("total_us", total);
  REPORT ("stall_us", measure.longest_gap);
  REPORT ("stall_cpu_us", measure.longest_gap_cpu);
  REPORT ("batch_us", measure.longest_batch);
  REPORT ("batches", measure.n_batches);
  REPORT ("results", measure.n_results);
  REPORT ("misspelt", measure.n_misspelt);
  REPORT ("checked", drafting_spell_job_get_n_checked (job));
  REPORT ("words", (gint64) drafting_spell_job_get_n_words (job));

#undef REPORT
}

static int
run_child (guint size)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (size, NULL);
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(DraftingSpellCache) cache = drafting_spell_cache_new ();
  g_autoptr(DraftingSpellJob) plain = NULL;
  g_autoptr(DraftingSpellJob) filling = NULL;
  g_autoptr(DraftingSpellJob) again = NULL;
  g_autoptr(GMainLoop) idle_loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Measure idle = { .loop = idle_loop };
  gint64 start;

  /* The dictionary, loaded cold (a window loads it in the worker). */
  start = g_get_monotonic_time ();
  if ((checker = drafting_spell_checker_new ("en", &error)) == NULL)
    drafting_bench_fail ("loading the English dictionary", error);
  drafting_bench_report_int ("load_us", g_get_monotonic_time () - start);

  /* The timer alone. */
  start_ticking (&idle);
  g_timeout_add (IDLE_US / 1000, quit_loop, idle_loop);
  g_main_loop_run (idle_loop);
  stop_ticking (&idle);
  drafting_bench_report_int ("idle_stall_us", idle.longest_gap);
  drafting_bench_report_int ("idle_stall_cpu_us", idle.longest_gap_cpu);

  /* The copy of the texts, on the main thread. */
  plain = drafting_spell_job_new (NULL);
  start = g_get_monotonic_time ();
  drafting_spell_job_add_document (plain, document, NULL);
  drafting_bench_report_int ("copy_us", g_get_monotonic_time () - start);
  drafting_bench_report_int ("elements", drafting_spell_job_get_n_texts (plain));

  run_measured (plain, "check");

  /* Through a cache: filled, then asked again. */
  filling = drafting_spell_job_new (cache);
  drafting_spell_job_add_document (filling, document, NULL);
  run_measured (filling, "fill");

  again = drafting_spell_job_new (cache);
  start = g_get_monotonic_time ();
  drafting_spell_job_add_document (again, document, NULL);
  drafting_bench_report_int ("lookup_us", g_get_monotonic_time () - start);
  run_measured (again, "cached");

  drafting_bench_report_int ("peak_kb", drafting_bench_peak_kb ());

  return 0;
}

/* ------------------------------------------------------------------ */
/* The parent: the rounds, and the table                               */

typedef enum
{
  UNIT_TIME,
  UNIT_COUNT,
  UNIT_RATE,
  UNIT_KB,
} Unit;

typedef struct
{
  const char *label;
  const char *key;
  Unit        unit;
} Row;

static const Row rows[] = {
  { "elements (with leading phrases, footnotes)", "elements", UNIT_COUNT },
  { "words looked at", "check_words", UNIT_COUNT },
  { "misspelt words found", "check_misspelt", UNIT_COUNT },
  { "load the dictionary (cold)", "load_us", UNIT_TIME },
  { "copy the texts (main thread)", "copy_us", UNIT_TIME },
  { "check, start to last result", "check_total_us", UNIT_TIME },
  { "words per second", "check_rate", UNIT_RATE },
  { "batches handed back", "check_batches", UNIT_COUNT },
  { "longest main-loop stall, checking", "check_stall_us", UNIT_TIME },
  { "  of which the main thread ran", "check_stall_cpu_us", UNIT_TIME },
  { "longest batch handled (main thread)", "check_batch_us", UNIT_TIME },
  { "longest main-loop stall, idle", "idle_stall_us", UNIT_TIME },
  { "  of which the main thread ran", "idle_stall_cpu_us", UNIT_TIME },
  { "again, every result cached: look up", "lookup_us", UNIT_TIME },
  { "again, cached: start to last result", "cached_total_us", UNIT_TIME },
  { "again, cached: longest stall", "cached_stall_us", UNIT_TIME },
  { "  of which the main thread ran", "cached_stall_cpu_us", UNIT_TIME },
  { "again, cached: elements checked", "cached_checked", UNIT_COUNT },
  { "peak memory of the process", "peak_kb", UNIT_KB },
};

static char *
format_value (double value,
              Unit   unit)
{
  switch (unit)
    {
    case UNIT_TIME:
      if (value < 1000)
        return g_strdup_printf ("%.0f µs", value);
      if (value < 1000000)
        return g_strdup_printf ("%.1f ms", value / 1000);
      return g_strdup_printf ("%.2f s", value / 1000000);

    case UNIT_RATE:
      return g_strdup_printf ("%.0f k", value / 1000);

    case UNIT_KB:
      return g_strdup_printf ("%.1f MB", value / 1024);

    case UNIT_COUNT:
    default:
      return drafting_bench_format_count ((guint) value);
    }
}

static gboolean
median_of (GHashTable **rounds,
           const char  *key,
           double      *value)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < ROUNDS; r++)
    {
      double v;
      double words;
      double total;

      if (strcmp (key, "check_rate") == 0)
        {
          if (drafting_bench_lookup (rounds[r], "check_words", &words) &&
              drafting_bench_lookup (rounds[r], "check_total_us", &total) && total > 0)
            {
              v = words / (total / G_USEC_PER_SEC);
              g_array_append_val (values, v);
            }
        }
      else if (drafting_bench_lookup (rounds[r], key, &v))
        g_array_append_val (values, v);
    }

  if (values->len == 0)
    return FALSE;

  *value = drafting_bench_median_double (values);
  return TRUE;
}

#define LABEL_WIDTH 42
#define VALUE_WIDTH 12

int
main (int    argc,
      char **argv)
{
  GHashTable *results[G_N_ELEMENTS (sizes)][ROUNDS] = { { NULL, }, };
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *house = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("bench-spell");
  drafting_core_init ();

  /* The house vocabulary of the source tree, for the children too. */
  if (g_getenv (DRAFTING_HOUSE_WORDS_ENV) == NULL)
    {
      const char *srcdir = g_getenv ("G_TEST_SRCDIR");

      house = g_build_filename (srcdir != NULL ? srcdir : ".", "..", "data", "house-words.txt",
                                NULL);
      g_setenv (DRAFTING_HOUSE_WORDS_ENV, house, TRUE);
    }

  if (argc == 3 && strcmp (argv[1], "--child") == 0)
    return run_child ((guint) g_ascii_strtoull (argv[2], NULL, 10));

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  g_print ("Spell checking resolutions of 1,000 and 10,000 clauses (English, en_GB), with the "
           "job, each round in a fresh process;\nthe median of %u rounds. The main loop's stall "
           "is the longest gap between two ticks of a %u ms timeout.\n\n", ROUNDS, TICK_MS);

  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *size = g_strdup_printf ("%u", sizes[s]);
        g_autofree char *what = g_strdup_printf ("checking %u clauses", sizes[s]);
        const char * const child[] = { self, "--child", size, NULL };

        if ((results[s][r] = drafting_bench_run_child (child, what, &error)) == NULL)
          drafting_bench_fail (what, error);
      }

  drafting_bench_print_cell ("", LABEL_WIDTH, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *count = drafting_bench_format_count (sizes[s]);

      drafting_bench_print_cell (count, VALUE_WIDTH, FALSE);
    }
  drafting_bench_print_cell ("growth", VALUE_WIDTH, FALSE);
  g_print ("\n");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double values[G_N_ELEMENTS (sizes)] = { 0, };
      gboolean found = TRUE;

      drafting_bench_print_cell (rows[i].label, LABEL_WIDTH, TRUE);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *cell = NULL;

          if (median_of (results[s], rows[i].key, &values[s]))
            cell = format_value (values[s], rows[i].unit);
          else
            {
              cell = g_strdup ("–");
              found = FALSE;
            }
          drafting_bench_print_cell (cell, VALUE_WIDTH, FALSE);
        }
      if (found && values[0] > 0)
        {
          double last = values[G_N_ELEMENTS (sizes) - 1];
          g_autofree char *growth = g_strdup_printf ("×%.1f", last / values[0]);

          drafting_bench_print_cell (growth, VALUE_WIDTH, FALSE);
        }
      g_print ("\n");
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint r = 0; r < ROUNDS; r++)
      g_clear_pointer (&results[s][r], g_hash_table_unref);

  return 0;
}
