/* drafting-bench-utils.h: what the benchmarks share: statistics, the
 * key=value lines a measuring process reports, and the table's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"

G_BEGIN_DECLS

/* Statistics; each sorts the samples it is given. */
gint64        drafting_bench_median           (GArray             *samples);
gint64        drafting_bench_percentile       (GArray             *samples,
                                               guint               percent);
double        drafting_bench_median_double    (GArray             *values);
double        drafting_bench_natural_log      (double              x);
glong         drafting_bench_peak_kb          (void);

/* In a measuring process: one line a figure, and failure. */
void          drafting_bench_report_int       (const char         *key,
                                               gint64              value);
void          drafting_bench_report_str       (const char         *key,
                                               const char         *value);
G_GNUC_NORETURN
void          drafting_bench_fail             (const char         *what,
                                               GError             *error);

/* The generated resolution's operative part. */
guint         drafting_bench_count_first_list   (DraftingNode    *root);
DraftingNode *drafting_bench_operative_paragraph (DraftingNode    *root,
                                               gboolean            last);
void          drafting_bench_expect_number    (DraftingNode       *node,
                                               guint               ordinal);

/* In the parent: a measuring process run, and what it reported. */
GHashTable   *drafting_bench_run_child        (const char * const *argv,
                                               const char         *what,
                                               GError            **error);
gboolean      drafting_bench_lookup           (GHashTable         *results,
                                               const char         *key,
                                               double             *value);

/* The table. */
char         *drafting_bench_format_count     (guint               n);
void          drafting_bench_print_cell       (const char         *text,
                                               guint               width,
                                               gboolean            left);

glong         drafting_bench_resident_kb      (void);
GArray       *drafting_bench_samples_new      (void);
void          drafting_bench_add_sample       (GArray             *samples,
                                               gint64              value);
void          drafting_bench_report_samples   (const char         *key,
                                               GArray             *samples);

void          drafting_bench_propose_amendments (DraftingDocument *document,
                                                 guint             n);

G_END_DECLS
