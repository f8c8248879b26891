/* bench-diff.c: how long the word difference and the three-way merge take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "drafting-bench-utils.h"
#include "drafting-diff.h"

/*
 * The difference engine compares a clause with its amended wording, and a
 * revision of a whole document with another. This benchmark times the word
 * difference of two generated texts of 500 to 10,000 words, written with
 * the words of a resolution, in three cases: a few changes (five words
 * replaced, spread over the text), many (one word in ten replaced), and two
 * texts with no word in common; the segmentation alone (both texts through
 * Pango), to show what of it is Pango's; and the three-way merge of a
 * typical clause with two amendments to different words of it.
 *
 * Each case runs in a fresh child process (this program run again with
 * --child CASE SIZE), so that the peak memory it reports is its own; the
 * child checks that the difference it timed is the one it should be. The
 * table gives the growth from 500 words to 10,000: ×20 is linear.
 */

#define SAMPLE_US 20000  /* each sample repeats the operation for at least this long */
#define SAMPLES 15       /* of which the median is reported */

static const guint sizes[] = { 500, 1000, 5000, 10000 };

static const char * const english[] = {
  "the", "Council", "Members", "shall", "Customs", "administrations", "of", "and", "to",
  "review", "trade", "facilitation", "in", "accordance", "with", "the", "Revised", "Kyoto",
  "Convention", "data", "risk", "management", "cross-border", "e-commerce", "a", "Secretariat",
  "report", "Resolution", "recommends", "that", "its", "on", "for", "by", "Organization",
  "World", "procedures", "goods", "low-value", "shipments", "revenue", "collection",
  "security", "partners", "stakeholders", "information", "advance", "electronic", "be",
  "implementation", "principles", "framework", "standards", "cooperation", "international",
};

static const char * const french[] = {
  "le", "Conseil", "Membres", "doivent", "douanes", "des", "et", "aux", "examiner",
  "commerce", "dans", "conformité", "avec", "révisée", "données", "risques", "gestion", "transfrontalier", "électronique", "une",
  "Secrétariat", "rapport", "recommande", "que", "ses", "sur", "pour", "par", "Organisation",
  "mondiale", "procédures", "marchandises", "envois", "faible", "valeur", "recettes",
  "perception", "sécurité", "partenaires", "parties", "prenantes", "renseignements",
};

typedef enum
{
  CHANGES_FEW,
  CHANGES_MANY,
  CHANGES_ALL,
} Changes;

/* Two texts of @n words: @old_text, and @new_text with @changes made to it.
 * @expected_changes gets how many replacements the difference should find
 * (0: any). */
static void
generate (guint     n,
          Changes   changes,
          GString  *old_text,
          GString  *new_text,
          guint    *expected_changes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GRand) other = g_rand_new_with_seed (n + 1);
  guint few_every = n / 5;

  *expected_changes = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *word = english[g_rand_int_range (rand, 0, G_N_ELEMENTS (english))];
      guint punctuation = g_rand_int_range (rand, 0, 30);
      const char *separator = i + 1 == n ? "." : punctuation == 0 ? ". " : punctuation < 3 ? ", "
                                                                                           : " ";
      g_autofree char *replacement = NULL;

      switch (changes)
        {
        case CHANGES_FEW:
          if (i % few_every == few_every / 2)
            {
              replacement = g_strdup_printf ("amended%u", i);
              (*expected_changes)++;
            }
          break;
        case CHANGES_MANY:
          if (i % 10 == 5)
            {
              replacement = g_strdup_printf ("amended%u", i);
              (*expected_changes)++;
            }
          break;
        case CHANGES_ALL:
        default:
          replacement = g_strdup (french[g_rand_int_range (other, 0, G_N_ELEMENTS (french))]);
          break;
        }

      g_string_append (old_text, word);
      g_string_append (old_text, separator);
      g_string_append (new_text, replacement != NULL ? replacement : word);
      g_string_append (new_text, changes == CHANGES_ALL ? " " : separator);
    }
  if (changes == CHANGES_ALL)
    g_string_truncate (new_text, new_text->len - 1);
}

/* ------------------------------------------------------------------ */
/* Measuring, in a child process                                       */

typedef gboolean (*Operation) (gpointer data);

/* The median time of one @operation, in ns, over samples of a batch of
 * them each long enough for the clock. */
static gint64
time_operation (Operation operation,
                gpointer  data)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint batch = 1;
  gint64 start;
  gint64 elapsed;

  /* The batch that takes at least SAMPLE_US. */
  for (;;)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < batch; i++)
        operation (data);
      elapsed = g_get_monotonic_time () - start;
      if (elapsed >= SAMPLE_US || batch >= 1u << 20)
        break;
      batch *= elapsed > 0 ? MAX (2, (guint) (SAMPLE_US / elapsed) + 1) : 16;
    }

  for (guint s = 0; s < SAMPLES; s++)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < batch; i++)
        operation (data);
      g_array_append_val (samples, (gint64) { (g_get_monotonic_time () - start) * 1000 / batch });
    }

  return drafting_bench_median (samples);
}

typedef struct
{
  const char *old_text;
  const char *new_text;
  const char *third;
} Texts;

static gboolean
run_diff (gpointer data)
{
  Texts *texts = data;
  g_autoptr(GArray) spans = drafting_diff_words (texts->old_text, texts->new_text, "en");

  return spans->len > 0;
}

static gboolean
run_tokenize (gpointer data)
{
  Texts *texts = data;
  g_autoptr(GArray) old_tokens = drafting_diff_tokenize (texts->old_text, "en");
  g_autoptr(GArray) new_tokens = drafting_diff_tokenize (texts->new_text, "en");

  return old_tokens->len > 0 && new_tokens->len > 0;
}

static gboolean
run_merge3 (gpointer data)
{
  Texts *texts = data;
  g_autofree char *merged = NULL;

  return drafting_diff_merge3 (texts->old_text, texts->new_text, texts->third, "en", &merged);
}

static void
phase_diff (guint   size,
            Changes changes)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;
  Texts texts;
  guint expected;
  guint n_deleted = 0;
  guint n_inserted = 0;

  generate (size, changes, old_text, new_text, &expected);
  texts = (Texts) { old_text->str, new_text->str, NULL };

  /* What is timed is what it should be. */
  spans = drafting_diff_words (old_text->str, new_text->str, "en");
  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);

      n_deleted += span->op == DRAFTING_DIFF_DELETE;
      n_inserted += span->op == DRAFTING_DIFF_INSERT;
    }
  if (changes != CHANGES_ALL && (n_deleted != expected || n_inserted != expected))
    {
      g_printerr ("bench-diff: %u words: %u deletions and %u insertions, not %u of each\n",
                  size, n_deleted, n_inserted, expected);
      exit (1);
    }
  if (changes == CHANGES_ALL && (n_deleted != 1 || n_inserted != 1))
    {
      g_printerr ("bench-diff: %u words, nothing in common: %u deletions and %u insertions, "
                  "not one of each\n", size, n_deleted, n_inserted);
      exit (1);
    }

  drafting_bench_report_int ("old_bytes", old_text->len);
  drafting_bench_report_int ("spans", spans->len);
  drafting_bench_report_int ("diff_ns", time_operation (run_diff, &texts));
}

static void
phase_tokenize (guint size)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  Texts texts;
  guint expected;

  generate (size, CHANGES_FEW, old_text, new_text, &expected);
  texts = (Texts) { old_text->str, new_text->str, NULL };
  drafting_bench_report_int ("diff_ns", time_operation (run_tokenize, &texts));
}

/* A clause as the resolutions have them, and two amendments to it. */
static void
phase_merge3 (void)
{
  Texts texts = {
    "Recommends that Customs administrations, in cooperation with other relevant government "
    "agencies and stakeholders, establish mechanisms for the exchange of advance electronic "
    "data on cross-border e-commerce shipments, in accordance with the WCO Framework of "
    "Standards on Cross-Border E-Commerce, and review these mechanisms every two years;",
    "Recommends that Customs administrations, in close cooperation with other relevant "
    "government agencies and stakeholders, establish mechanisms for the exchange of advance "
    "electronic data on cross-border e-commerce shipments, in accordance with the WCO "
    "Framework of Standards on Cross-Border E-Commerce, and review these mechanisms every "
    "two years;",
    "Recommends that Customs administrations, in cooperation with other relevant government "
    "agencies and stakeholders, establish mechanisms for the exchange of advance electronic "
    "data on cross-border e-commerce shipments, in accordance with the WCO Framework of "
    "Standards on Cross-Border E-Commerce, and review these mechanisms every three years;",
  };
  g_autofree char *merged = NULL;

  if (!drafting_diff_merge3 (texts.old_text, texts.new_text, texts.third, "en", &merged) ||
      strstr (merged, "close cooperation") == NULL || strstr (merged, "three years") == NULL)
    {
      g_printerr ("bench-diff: the clause does not merge as it should: %s\n",
                  merged != NULL ? merged : "(a conflict)");
      exit (1);
    }
  drafting_bench_report_int ("words", 53);
  drafting_bench_report_int ("merge3_ns", time_operation (run_merge3, &texts));
}

/* bench-diff --child CASE SIZE */
static int
run_child (int    argc,
           char **argv)
{
  guint size;

  if (argc != 4)
    {
      g_printerr ("usage: %s --child CASE SIZE\n", argv[0]);
      return 2;
    }
  size = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  if (strcmp (argv[2], "baseline") == 0)
    ;
  else if (strcmp (argv[2], "tokenize") == 0)
    phase_tokenize (size);
  else if (strcmp (argv[2], "few") == 0)
    phase_diff (size, CHANGES_FEW);
  else if (strcmp (argv[2], "many") == 0)
    phase_diff (size, CHANGES_MANY);
  else if (strcmp (argv[2], "different") == 0)
    phase_diff (size, CHANGES_ALL);
  else if (strcmp (argv[2], "merge3") == 0)
    phase_merge3 ();
  else
    {
      g_printerr ("bench-diff: no case “%s”\n", argv[2]);
      return 2;
    }
  drafting_bench_report_int ("peak_kb", drafting_bench_peak_kb ());

  return 0;
}

/* ------------------------------------------------------------------ */
/* The parent: runs the cases and prints the table                     */

static GHashTable *
spawn_child (const char  *self,
             const char  *phase,
             guint        size,
             GError     **error)
{
  g_autofree char *size_arg = g_strdup_printf ("%u", size);
  g_autofree char *what = g_strdup_printf ("the %s case at %u words", phase, size);
  const char * const argv[] = { self, "--child", phase, size_arg, NULL };

  return drafting_bench_run_child (argv, what, error);
}

static char *
format_ns (double ns)
{
  if (ns < 1000)
    return g_strdup_printf ("%.0f ns", ns);
  if (ns < 100000)
    return g_strdup_printf ("%.1f µs", ns / 1000);
  if (ns < 1000000)
    return g_strdup_printf ("%.0f µs", ns / 1000);
  if (ns < 1000000000)
    return g_strdup_printf ("%.2f ms", ns / 1000000);

  return g_strdup_printf ("%.2f s", ns / 1000000000);
}

static char *
format_kb (double kb)
{
  if (kb < 1024)
    return g_strdup_printf ("%.0f kB", kb);

  return g_strdup_printf ("%.1f MB", kb / 1024);
}

typedef struct
{
  const char *label;
  const char *phase;
  const char *key;
} Row;

static const Row rows[] = {
  { "diff, 5 words replaced", "few", "diff_ns" },
  { "diff, 1 word in 10 replaced", "many", "diff_ns" },
  { "diff, no word in common", "different", "diff_ns" },
  { "segmenting both (Pango)", "tokenize", "diff_ns" },
  { NULL, NULL, NULL },
  { "peak: 5 words replaced", "few", "peak_kb" },
  { "peak: 1 word in 10 replaced", "many", "peak_kb" },
  { "peak: no word in common", "different", "peak_kb" },
};

#define LABEL_WIDTH 30
#define VALUE_WIDTH 11

static void
print_rule (void)
{
  for (guint i = 0; i < LABEL_WIDTH + G_N_ELEMENTS (sizes) * VALUE_WIDTH + 22; i++)
    g_print ("─");
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  GHashTable *results[G_N_ELEMENTS (sizes)][G_N_ELEMENTS (rows)] = { { NULL, }, };
  g_autoptr(GHashTable) baseline = NULL;
  g_autoptr(GHashTable) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  double floor_kb = 0;
  double value;
  int status = 0;

  setlocale (LC_ALL, "");
  g_set_prgname ("bench-diff");

  if (argc > 1 && strcmp (argv[1], "--child") == 0)
    return run_child (argc, argv);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  g_print ("The word difference of two texts of 500 to 10,000 words (a resolution's words, "
           "a comma\nor a full stop now and then), each case in a fresh process. Times are "
           "medians of %u\nsamples; memory is the peak resident size of the process. Growth is "
           "from 500 words\nto 10,000: ×20 is linear.\n\n", SAMPLES);

  if ((baseline = spawn_child (self, "baseline", 0, &error)) == NULL ||
      (merge = spawn_child (self, "merge3", 0, &error)) == NULL)
    goto failed;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        /* A case's time and memory come from the same process. */
        if (rows[r].label == NULL || strcmp (rows[r].key, "diff_ns") != 0)
          continue;
        results[s][r] = spawn_child (self, rows[r].phase, sizes[s], &error);
        if (results[s][r] == NULL)
          goto failed;
      }

  drafting_bench_lookup (baseline, "peak_kb", &floor_kb);
  drafting_bench_print_cell ("words", LABEL_WIDTH, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *head = drafting_bench_format_count (sizes[s]);

      drafting_bench_print_cell (head, VALUE_WIDTH, FALSE);
    }
  g_print ("    growth\n");
  print_rule ();

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double values[G_N_ELEMENTS (sizes)];
      gboolean have = TRUE;
      gboolean memory;

      if (rows[r].label == NULL)
        {
          g_print ("\n");
          continue;
        }
      memory = strcmp (rows[r].key, "peak_kb") == 0;

      drafting_bench_print_cell (rows[r].label, LABEL_WIDTH, TRUE);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *cell = NULL;
          GHashTable *phase = NULL;

          /* Memory rows read the process that timed the case. */
          for (guint t = 0; t < G_N_ELEMENTS (rows); t++)
            if (results[s][t] != NULL && strcmp (rows[t].phase, rows[r].phase) == 0)
              phase = results[s][t];
          if (!drafting_bench_lookup (phase, rows[r].key, &values[s]))
            {
              have = FALSE;
              drafting_bench_print_cell ("—", VALUE_WIDTH, FALSE);
              continue;
            }
          cell = memory ? format_kb (values[s]) : format_ns (values[s]);
          drafting_bench_print_cell (cell, VALUE_WIDTH, FALSE);
        }

      if (have)
        {
          double small = values[0] - (memory ? floor_kb : 0);
          double large = values[G_N_ELEMENTS (sizes) - 1] - (memory ? floor_kb : 0);

          if (small > 0 && large > 0)
            g_print ("    ×%-5.1f n^%.2f%s", large / small,
                     drafting_bench_natural_log (large / small) /
                     drafting_bench_natural_log ((double) sizes[G_N_ELEMENTS (sizes) - 1] /
                                                 sizes[0]),
                     memory ? "  above idle" : "");
        }
      g_print ("\n");
    }
  print_rule ();

  {
    g_autofree char *idle = format_kb (floor_kb);

    g_print ("An idle process peaks at %s.\n", idle);
  }
  if (drafting_bench_lookup (merge, "merge3_ns", &value))
    {
      g_autofree char *time = format_ns (value);

      g_print ("Three-way merge of a clause of 53 words with two amendments to different words "
               "of it: %s.\n", time);
    }
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    if (sizes[s] == 5000 && drafting_bench_lookup (results[s][0], "diff_ns", &value))
      {
        g_autofree char *time = format_ns (value);

        g_print ("Goal: two texts of 5,000 words with a few changes in a few milliseconds: "
                 "%s, %s.\n", time, value <= 10e6 ? "met" : "NOT MET");
      }

  goto done;

failed:
  g_printerr ("bench-diff: %s\n", error->message);
  status = 1;

done:
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      g_clear_pointer (&results[s][r], g_hash_table_unref);

  return status;
}
