/* drafting-bench-utils.c: what the benchmarks share: statistics, the
 * key=value lines a measuring process reports, and the table's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "drafting-bench-utils.h"

/*
 * Each benchmark runs what it measures in processes of its own (itself,
 * run again with other arguments), so that the peak memory a process
 * reports belongs to what it measured alone. A measuring process prints
 * one "key=value" line a figure; the parent runs it, reads the lines, and
 * prints the table.
 */

/* ------------------------------------------------------------------ */
/* Statistics                                                          */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @samples, of gint64. */
gint64
drafting_bench_median (GArray *samples)
{
  guint n = samples->len;

  g_assert (n > 0);
  g_array_sort (samples, compare_gint64);
  if (n % 2 == 1)
    return g_array_index (samples, gint64, n / 2);

  return (g_array_index (samples, gint64, n / 2 - 1) + g_array_index (samples, gint64, n / 2)) / 2;
}

/* The nearest-rank percentile of @samples, of gint64: the smallest sample
 * that @percent of them do not exceed. */
gint64
drafting_bench_percentile (GArray *samples,
                           guint   percent)
{
  guint n = samples->len;
  guint rank;

  g_assert (n > 0);
  g_array_sort (samples, compare_gint64);
  rank = (n * percent + 99) / 100;

  return g_array_index (samples, gint64, CLAMP (rank, 1, n) - 1);
}

/* The median of @values, of double. */
double
drafting_bench_median_double (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, compare_double);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The natural logarithm, for the exponent of growth: the build links no
 * mathematics library. */
double
drafting_bench_natural_log (double x)
{
  double result = 0;
  double y;
  double term;
  double sum = 0;

  g_assert (x > 0);

  while (x >= 2)
    {
      x /= 2;
      result += G_LN2;
    }
  while (x < 1)
    {
      x *= 2;
      result -= G_LN2;
    }

  /* ln x = 2 atanh ((x - 1) / (x + 1)), quick to converge on [1, 2). */
  y = (x - 1) / (x + 1);
  term = y;
  for (guint k = 1; k < 60; k += 2)
    {
      sum += term / k;
      term *= y * y;
    }

  return result + 2 * sum;
}

/* The peak resident size of this process, in kB. */
glong
drafting_bench_peak_kb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return usage.ru_maxrss;
}

/* ------------------------------------------------------------------ */
/* A measuring process                                                 */

void
drafting_bench_report_int (const char *key,
                           gint64      value)
{
  g_print ("%s=%" G_GINT64_FORMAT "\n", key, value);
}

void
drafting_bench_report_str (const char *key,
                           const char *value)
{
  g_autofree char *flat = g_strdelimit (g_strdup (value), "\n", ' ');

  g_print ("%s=%s\n", key, flat);
}

/* Says what failed, under the benchmark's name, and ends the process. */
void
drafting_bench_fail (const char *what,
                     GError     *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname () != NULL ? g_get_prgname () : "benchmark",
              what, error != NULL ? error->message : "failed");
  exit (1);
}

/* The first operative paragraph of the document under @root, or the last
 * of the list the first one opens: a later operative formula starts a list
 * numbered from 1 again. */
DraftingNode *
drafting_bench_operative_paragraph (DraftingNode *root,
                                    gboolean      last)
{
  guint n = drafting_node_get_n_children (root);
  DraftingNode *found = NULL;

  for (guint i = 0; i < n; i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);
      DraftingKind kind = drafting_node_get_kind (node);

      if (kind == DRAFTING_KIND_OPERATIVE_PARAGRAPH)
        {
          if (!last)
            return node;
          found = node;
        }
      else if (kind == DRAFTING_KIND_OPERATIVE_FORMULA && found != NULL)
        break;
    }

  g_assert (found != NULL);
  return found;
}

/* How many operative paragraphs the list of the first one has. */
guint
drafting_bench_count_first_list (DraftingNode *root)
{
  DraftingNode *last = drafting_bench_operative_paragraph (root, TRUE);
  guint count = 0;

  for (DraftingNode *node = last; node != NULL; node = drafting_node_get_previous_sibling (node))
    if (drafting_node_get_kind (node) == DRAFTING_KIND_OPERATIVE_PARAGRAPH)
      count++;
    else if (drafting_node_get_kind (node) == DRAFTING_KIND_OPERATIVE_FORMULA)
      break;

  return count;
}

/* Ends the process unless the last operative paragraph, @node, is numbered
 * "@ordinal.": a figure for work not done would be no figure at all. */
void
drafting_bench_expect_number (DraftingNode *node,
                              guint         ordinal)
{
  g_autofree char *number = drafting_node_get_number (node);
  g_autofree char *expected = g_strdup_printf ("%u.", ordinal);

  if (g_strcmp0 (number, expected) != 0)
    {
      g_printerr ("%s: the last operative paragraph is numbered “%s”, not “%s”\n",
                  g_get_prgname () != NULL ? g_get_prgname () : "benchmark", number, expected);
      exit (1);
    }
}

/* ------------------------------------------------------------------ */
/* The parent                                                          */

/**
 * drafting_bench_run_child:
 * @argv: the measuring process's command line
 * @what: what it measures, for the error
 *
 * Runs a measuring process and reads its "key=value" lines. What it says
 * on stderr is passed on.
 *
 * Returns: (transfer full) (nullable): key → value, both strings
 */
GHashTable *
drafting_bench_run_child (const char * const  *argv,
                          const char          *what,
                          GError             **error)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *results;

  process = g_subprocess_newv (argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL)
    return NULL;
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, error))
    return NULL;

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed%s%s",
                   what, err != NULL && err[0] != '\0' ? ":\n" : "", err ? err : "");
      return NULL;
    }
  if (err != NULL && err[0] != '\0')
    g_printerr ("%s", err);

  results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');

      if (equals != NULL)
        g_hash_table_insert (results, g_strndup (lines[i], equals - lines[i]),
                             g_strdup (equals + 1));
    }

  return results;
}

/* The figure reported as @key, if it was. */
gboolean
drafting_bench_lookup (GHashTable *results,
                       const char *key,
                       double     *value)
{
  const char *text = results != NULL ? g_hash_table_lookup (results, key) : NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

/* 10000 as "10,000" */
char *
drafting_bench_format_count (guint n)
{
  if (n < 1000)
    return g_strdup_printf ("%u", n);

  return g_strdup_printf ("%u,%03u", n / 1000, n % 1000);
}

/* Prints @text in @width columns, right-aligned unless @left. */
void
drafting_bench_print_cell (const char *text,
                           guint       width,
                           gboolean    left)
{
  glong len = g_utf8_strlen (text, -1);
  guint pad = len < (glong) width ? width - len : 0;

  if (left)
    g_print ("%s%*s", text, pad, "");
  else
    g_print ("%*s%s", pad, "", text);
}

/* ------------------------------------------------------------------ */
/* Samples and memory                                                  */

/**
 * drafting_bench_resident_kb:
 *
 * Returns: what the process holds in memory now, as opposed to its peak,
 *   in kB; -1 where it cannot be told
 */
glong
drafting_bench_resident_kb (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;
  fields = g_strsplit (statm, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;

  return (glong) (g_ascii_strtoll (fields[1], NULL, 10) * (sysconf (_SC_PAGESIZE) / 1024));
}

/* An array of gint64 samples, in µs or any unit. */
GArray *
drafting_bench_samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
drafting_bench_add_sample (GArray *samples,
                           gint64  value)
{
  g_array_append_val (samples, value);
}

/**
 * drafting_bench_report_samples:
 *
 * Reports @key_med, @key_p95, @key_max and @key_n of @samples.
 */
void
drafting_bench_report_samples (const char *key,
                               GArray     *samples)
{
  g_autofree char *med = g_strconcat (key, "_med", NULL);
  g_autofree char *p95 = g_strconcat (key, "_p95", NULL);
  g_autofree char *max = g_strconcat (key, "_max", NULL);
  g_autofree char *count = g_strconcat (key, "_n", NULL);

  if (samples->len == 0)
    return;
  drafting_bench_report_int (med, drafting_bench_median (samples));
  drafting_bench_report_int (p95, drafting_bench_percentile (samples, 95));
  drafting_bench_report_int (max, drafting_bench_percentile (samples, 100));
  drafting_bench_report_int (count, samples->len);
}

/* ------------------------------------------------------------------ */
/* Amendments                                                          */

static const char * const members[] = {
  "Argentina", "Australia", "Brazil", "Canada", "China", "Egypt", "France", "Germany",
  "India", "Indonesia", "Japan", "Kenya", "Mexico", "Morocco", "Nigeria", "Norway",
  "Peru", "Russian Federation", "Senegal", "Singapore", "South Africa", "Spain",
  "Switzerland", "Türkiye", "United Kingdom", "United States", "Uruguay", "Viet Nam",
};

static const char * const replacements[] = {
  "promptly", "jointly", "all", "relevant", "regional", "national", "effective",
  "coordinated", "digital", "timely", "appropriate", "further",
};

static gboolean
is_word (const char *start,
         gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (start[i]))
      return FALSE;

  return length > 2;
}

/* @text with its @nth word or a later one replaced by @with, or %NULL
 * when it has none. */
static char *
replace_word (const char *text,
              guint       nth,
              const char *with)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  for (guint i = nth; i < n; i++)
    if (is_word (words[i], strlen (words[i])) && strcmp (words[i], with) != 0)
      {
        g_free (words[i]);
        words[i] = g_strdup (with);
        return g_strjoinv (" ", words);
      }

  return NULL;
}

static void
collect_text_elements (DraftingNode *node,
                       GPtrArray    *elements)
{
  for (DraftingNode *child = drafting_node_get_child (node, 0);
       child != NULL;
       child = drafting_node_get_next_sibling (child))
    {
      if (drafting_kind_has_text (drafting_node_get_kind (child)) &&
          drafting_node_get_text (child) != NULL)
        g_ptr_array_add (elements, child);
      collect_text_elements (child, elements);
    }
}

/**
 * drafting_bench_propose_amendments:
 * @document: a generated resolution
 * @n: how many amendments
 *
 * Proposes @n amendments of wording spread over @document's elements, as
 * a committee session brings them: each of a few words, by one of 28
 * Members with up to two co-sponsors, a few rejected or withdrawn; the
 * same for the same document every time.
 */
void
drafting_bench_propose_amendments (DraftingDocument *document,
                                   guint             n)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  guint proposed = 0;

  collect_text_elements (drafting_document_get_root (document), elements);
  g_assert (elements->len > 0);

  for (guint i = 0; proposed < n && i < 4 * n; i++)
    {
      DraftingNode *node = g_ptr_array_index (elements, (guint) ((guint64) i * elements->len / n) % elements->len);
      const char *with = replacements[g_rand_int_range (rand, 0, G_N_ELEMENTS (replacements))];
      g_autofree char *text = replace_word (drafting_node_get_text (node), g_rand_int_range (rand, 0, 8), with);
      guint proposer = g_rand_int_range (rand, 0, G_N_ELEMENTS (members));
      const char *cosponsors[3] = { NULL, };
      guint n_cosponsors = g_rand_int_range (rand, 0, 3);
      g_autoptr(DraftingAmendment) amendment = NULL;
      g_autoptr(DraftingInline) content = NULL;
      g_autoptr(GError) error = NULL;
      guint decision;

      if (text == NULL)
        continue;

      amendment = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE, members[proposer]);
      for (guint k = 0; k < n_cosponsors; k++)
        cosponsors[k] = members[(proposer + 1 + k) % G_N_ELEMENTS (members)];
      drafting_amendment_set_cosponsors (amendment, (const char * const *) cosponsors);
      drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
      content = drafting_inline_new (text);
      drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
      drafting_amendment_set_justification (amendment, "To make the paragraph clearer.");
      if (!drafting_document_propose (document, amendment, &error))
        drafting_bench_fail ("proposing an amendment", error);
      proposed++;

      decision = g_rand_int_range (rand, 0, 100);
      if (decision < 5 &&
          !drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_REJECTED, &error))
        drafting_bench_fail ("rejecting an amendment", error);
      else if (decision >= 5 && decision < 8 &&
               !drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_WITHDRAWN, &error))
        drafting_bench_fail ("withdrawing an amendment", error);
    }

  if (proposed < n)
    drafting_bench_fail ("finding words to amend", NULL);
}
