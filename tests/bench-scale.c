/* bench-scale.c: how the core's work grows from 1,000 to 10,000 clauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "drafting-bench-utils.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * Speed is measured, not assumed. This benchmark builds realistic
 * resolutions of 1,000 and 10,000 clauses (heading, preamble, operative
 * part with sub-paragraphs, an annex of principles with sections and nested
 * items, emphasis and footnotes), and times what a person waits for: text
 * import, rendering, saving (and the snapshot of the document that is all
 * a save costs the main thread), loading, the outline, inserting a
 * paragraph at the top of the operative part with every number after it
 * derived again, and undoing it. It also times how quickly hostile files (the "billion
 * laughs") are refused.
 *
 * Each phase runs in a fresh child process (this program run again with
 * --child PHASE SIZE DIR), so that the peak memory it reports belongs to
 * that phase and that size alone; the "prepare" phase writes the files the
 * others read, into DIR. The table gives the growth from the small document
 * to the large: ×10 is linear.
 */

#define GROWTH_LIMIT 15.0  /* above this, for ten times the clauses: superlinear */
#define ROUNDS 3           /* of all the timed phases, whose medians are reported */

static const guint sizes[] = { 1000, 10000 };

/* ------------------------------------------------------------------ */
/* Measuring                                                           */

/* How often to repeat an operation: @small times on the small document,
 * @large times on the large one. */
static guint
repetitions (guint size,
             guint small,
             guint large)
{
  return size <= 1000 ? small : large;
}

static void
report_median (const char *key,
               GArray     *samples)
{
  g_autofree char *count = g_strconcat (key, "_n", NULL);

  drafting_bench_report_int (key, drafting_bench_median (samples));
  drafting_bench_report_int (count, samples->len);
}

static void
report_counts (DraftingDocument *document)
{
  for (guint kind = 1; kind < DRAFTING_N_KINDS; kind++)
    {
      g_autofree char *key = g_strconcat ("count_", drafting_kind_to_string (kind), NULL);

      drafting_bench_report_int (key, drafting_document_count_kind (document, kind));
    }
  drafting_bench_report_int ("elements", g_list_model_get_n_items (G_LIST_MODEL (document)));
}

/* ------------------------------------------------------------------ */
/* The phases, each in a child process of its own                      */

typedef struct
{
  guint       size;
  const char *dir;
} Child;

static char *
child_path (Child      *child,
            const char *extension)
{
  g_autofree char *name = g_strdup_printf ("doc-%u%s", child->size, extension);

  return g_build_filename (child->dir, name, NULL);
}

static gboolean
same_counts (DraftingDocument *a,
             DraftingDocument *b,
             GString          *differences)
{
  gboolean same = TRUE;

  for (guint kind = 1; kind < DRAFTING_N_KINDS; kind++)
    {
      guint na = drafting_document_count_kind (a, kind);
      guint nb = drafting_document_count_kind (b, kind);

      if (na != nb)
        {
          g_string_append_printf (differences, "%s%s %u→%u", differences->len ? ", " : "",
                                  drafting_kind_to_string (kind), na, nb);
          same = FALSE;
        }
    }

  return same;
}

/* Nothing: the memory any child takes before it does anything. */
static void
phase_baseline (Child *child G_GNUC_UNUSED)
{
}

/* The document in memory, and how long inserting it took. */
static void
phase_build (Child *child)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = repetitions (child->size, 21, 7);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      gint64 insert_us;

      document = drafting_test_generate_resolution (child->size, &insert_us);
      g_array_append_val (samples, insert_us);
      if (i == 0)
        report_counts (document);
    }
  report_median ("insert_tree_us", samples);
}

/* Writes the files the other phases read, and checks that they read back. */
static void
phase_prepare (Child *child)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (child->size, NULL);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(DraftingDocument) imported = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) differences = g_string_new (NULL);
  g_autofree char *text_path = child_path (child, ".txt");
  g_autofree char *native_path = child_path (child, DRAFTING_NATIVE_EXTENSION);
  g_autoptr(GFile) native = g_file_new_for_path (native_path);
  g_autofree char *text = drafting_render_document_text (document);
  g_autofree char *outline = drafting_outline_to_json (document);

  if (!g_file_set_contents (text_path, text, -1, &error))
    drafting_bench_fail ("writing the text", error);
  if (!drafting_native_save_file (document, native, NULL, &error))
    drafting_bench_fail ("saving", error);
  drafting_bench_report_int ("text_bytes", strlen (text));
  drafting_bench_report_int ("json_bytes", strlen (outline));
  drafting_bench_report_int ("footnotes", drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE));

  /* What is saved loads to the same document, and saves to the same bytes. */
  if ((loaded = drafting_native_load_file (native, NULL, &error)) == NULL)
    drafting_bench_fail ("loading what was saved", error);
  if (!same_counts (document, loaded, differences))
    {
      g_printerr ("bench-scale: the saved document loads with other elements: %s\n",
                  differences->str);
      exit (1);
    }
  saved = drafting_test_save_bytes (document);
  resaved = drafting_test_save_bytes (loaded);
  drafting_bench_report_int ("file_bytes", g_bytes_get_size (saved));
  if (!g_bytes_equal (saved, resaved))
    drafting_bench_report_str ("note_resave", "saving the loaded document gives other bytes");

  /* The text reads back to the same structure. */
  imported = drafting_text_import (text, strlen (text), &warnings, &error);
  if (imported == NULL)
    drafting_bench_fail ("importing the text", error);
  drafting_bench_report_int ("import_warnings", warnings->len);
  if (warnings->len > 0)
    {
      DraftingImportWarning *first = g_ptr_array_index (warnings, 0);
      g_autofree char *message = g_strdup_printf ("line %u: %s", first->line, first->message);

      drafting_bench_report_str ("import_first_warning", message);
    }
  g_string_truncate (differences, 0);
  if (!same_counts (document, imported, differences))
    drafting_bench_report_str ("note_import", differences->str);
  else
    {
      g_autofree char *expected = drafting_outline_to_text (document);
      g_autofree char *got = drafting_outline_to_text (imported);
      g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
      g_auto(GStrv) got_lines = g_strsplit (got, "\n", -1);

      for (guint i = 0; expected_lines[i] != NULL && got_lines[i] != NULL; i++)
        if (strcmp (expected_lines[i], got_lines[i]) != 0)
          {
            g_autofree char *message =
              g_strdup_printf ("element %u is “%s”, not “%s”", i + 1,
                               g_strstrip (got_lines[i]), g_strstrip (expected_lines[i]));

            drafting_bench_report_str ("note_import", message);
            break;
          }
    }
}

static void
phase_import (Child *child)
{
  g_autofree char *path = child_path (child, ".txt");
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = repetitions (child->size, 41, 15);
  gsize len;

  if (!g_file_get_contents (path, &text, &len, &error))
    drafting_bench_fail ("reading the text", error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();

      document = drafting_text_import (text, len, NULL, &error);
      if (document == NULL)
        drafting_bench_fail ("importing", error);
      g_array_append_val (samples, (gint64) { g_get_monotonic_time () - start });
      if (i == 0)
        drafting_bench_report_int ("elements", g_list_model_get_n_items (G_LIST_MODEL (document)));
    }
  report_median ("import_us", samples);
}

/* The worker's part of a save, as the application does it: the snapshot
 * written out there, and dropped there. */
static gpointer
save_snapshot_in_thread (gpointer data)
{
  g_autoptr(DraftingDocument) snapshot = data;

  return drafting_native_save_bytes (snapshot, NULL);
}

static void
phase_save (Child *child)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (child->size, NULL);
  g_autoptr(GArray) bytes_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) file_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) snapshot_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = child_path (child, ".saved" DRAFTING_NATIVE_EXTENSION);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n = repetitions (child->size, 41, 15);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) from_snapshot = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      DraftingDocument *snapshot;
      gint64 start = g_get_monotonic_time ();

      /* What the main thread does on a save: the rest is a worker's. */
      snapshot = drafting_document_snapshot (document);
      g_array_append_val (snapshot_samples, (gint64) { g_get_monotonic_time () - start });
      from_snapshot = g_thread_join (g_thread_new ("save", save_snapshot_in_thread, snapshot));

      start = g_get_monotonic_time ();
      bytes = drafting_native_save_bytes (document, &error);
      g_array_append_val (bytes_samples, (gint64) { g_get_monotonic_time () - start });
      if (bytes == NULL || g_bytes_get_size (bytes) == 0)
        drafting_bench_fail ("saving to memory", error);
      if (from_snapshot == NULL || !g_bytes_equal (from_snapshot, bytes))
        drafting_bench_fail ("saving a snapshot to the same bytes", NULL);

      start = g_get_monotonic_time ();
      if (!drafting_native_save_file (document, file, NULL, &error))
        drafting_bench_fail ("saving to a file", error);
      g_array_append_val (file_samples, (gint64) { g_get_monotonic_time () - start });
    }
  report_median ("save_bytes_us", bytes_samples);
  report_median ("save_file_us", file_samples);
  report_median ("snapshot_us", snapshot_samples);
}

static void
phase_load (Child *child)
{
  g_autofree char *path = child_path (child, DRAFTING_NATIVE_EXTENSION);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = repetitions (child->size, 41, 15);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      document = drafting_native_load_file (file, NULL, &error);
      if (document == NULL)
        drafting_bench_fail ("loading", error);
      g_array_append_val (samples, (gint64) { g_get_monotonic_time () - start });
      if (i == 0)
        drafting_bench_report_int ("elements", g_list_model_get_n_items (G_LIST_MODEL (document)));
    }
  report_median ("load_us", samples);
}

static void
phase_outline (Child *child)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (child->size, NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = repetitions (child->size, 41, 15);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = NULL;
      gint64 start = g_get_monotonic_time ();

      json = drafting_outline_to_json (document);
      g_array_append_val (samples, (gint64) { g_get_monotonic_time () - start });
      g_assert (json != NULL && json[0] == '[');
    }
  report_median ("outline_us", samples);
}

static void
phase_render (Child *child)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (child->size, NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = repetitions (child->size, 101, 31);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      gint64 start = g_get_monotonic_time ();

      text = drafting_render_document_text (document);
      g_array_append_val (samples, (gint64) { g_get_monotonic_time () - start });
      g_assert (text != NULL);
    }
  report_median ("render_us", samples);
}

/* A paragraph inserted at the top of the operative part, every number after
 * it derived again, and undone. One insertion takes microseconds, finer
 * than the clock: each sample times a batch of them and divides. */
#define EDIT_BATCH 50

static void
phase_edit (Child *child)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (child->size, NULL);
  g_autoptr(GArray) insert_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) undo_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) insert_new_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *first = drafting_bench_operative_paragraph (root, FALSE);
  DraftingNode *last = drafting_bench_operative_paragraph (root, TRUE);
  guint n_paragraphs = drafting_bench_count_first_list (root);
  guint top = drafting_node_get_index (first);
  guint n = 21;

  drafting_bench_expect_number (last, n_paragraphs);

  for (guint i = 0; i < n; i++)
    {
      gint64 start;

      /* Before the first paragraph, where the operative part starts: what
       * drafting_document_insert_new() does once it has found the place. */
      start = g_get_monotonic_time ();
      for (guint j = 0; j < EDIT_BATCH; j++)
        {
          g_autoptr(DraftingNode) paragraph = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *number = NULL;

          paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                                                   "Decides to review these principles every "
                                                   "two years;");
          if (!drafting_document_insert (document, root, top, paragraph, &error))
            drafting_bench_fail ("inserting a paragraph", error);
          number = drafting_node_get_number (last);
        }
      g_array_append_val (insert_samples,
                          (gint64) { (g_get_monotonic_time () - start) * 1000 / EDIT_BATCH });
      drafting_bench_expect_number (last, n_paragraphs + EDIT_BATCH);

      start = g_get_monotonic_time ();
      for (guint j = 0; j < EDIT_BATCH; j++)
        {
          g_autofree char *number = NULL;

          if (!drafting_document_undo (document))
            drafting_bench_fail ("undoing an insertion", NULL);
          number = drafting_node_get_number (last);
        }
      g_array_append_val (undo_samples,
                          (gint64) { (g_get_monotonic_time () - start) * 1000 / EDIT_BATCH });
      drafting_bench_expect_number (last, n_paragraphs);

      /* A new paragraph after the first, as Enter at its end makes one. */
      start = g_get_monotonic_time ();
      for (guint j = 0; j < EDIT_BATCH; j++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *number = NULL;

          if (drafting_document_insert_new (document, first, DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                            &error) == NULL)
            drafting_bench_fail ("inserting a new paragraph", error);
          number = drafting_node_get_number (last);
        }
      g_array_append_val (insert_new_samples,
                          (gint64) { (g_get_monotonic_time () - start) * 1000 / EDIT_BATCH });
      drafting_bench_expect_number (last, n_paragraphs + EDIT_BATCH);
      for (guint j = 0; j < EDIT_BATCH; j++)
        drafting_document_undo (document);
      drafting_bench_expect_number (last, n_paragraphs);
    }

  report_median ("insert_ns", insert_samples);
  report_median ("undo_ns", undo_samples);
  report_median ("insert_new_ns", insert_new_samples);
}

/* The classic "billion laughs": ten entities, each ten of the one before,
 * a thousand million "lol"s, 3 GB, from a file of a kilobyte. */
static GBytes *
billion_laughs (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<!DOCTYPE document [\n"
                               "  <!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (xml, "&lol;");
          else
            g_string_append_printf (xml, "&lol%u;", i - 1);
        }
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<document xmlns=\"" DRAFTING_NATIVE_NAMESPACE "\" version=\"1.0\" "
                   "type=\"resolution\"><meta><status>draft</status><language>en</language>"
                   "</meta><content><paragraph id=\"p\"><text>&lol9;</text></paragraph>"
                   "</content></document>\n");

  return g_string_free_to_bytes (xml);
}

/* Its cousin without nesting: one entity of 64 kB called 20,000 times, a
 * gigabyte and more from a file of 125 kB. */
static GBytes *
quadratic_blowup (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<!DOCTYPE document [\n  <!ENTITY a \"");

  for (guint i = 0; i < 64 * 1024; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">\n]>\n<document xmlns=\"" DRAFTING_NATIVE_NAMESPACE "\" "
                   "version=\"1.0\" type=\"resolution\"><meta><status>draft</status>"
                   "<language>en</language></meta><content><paragraph id=\"p\"><text>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</text></paragraph></content></document>\n");

  return g_string_free_to_bytes (xml);
}

static void
refuse (const char *name,
        GBytes     *bytes,
        guint       n)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *time_key = g_strconcat (name, "_us", NULL);
  g_autofree char *size_key = g_strconcat (name, "_bytes", NULL);
  g_autofree char *error_key = g_strconcat (name, "_error", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      document = drafting_native_load_bytes (bytes, &error);
      g_array_append_val (samples, (gint64) { g_get_monotonic_time () - start });
      if (document != NULL || error == NULL)
        {
          g_printerr ("bench-scale: a hostile file (%s) was not refused\n", name);
          exit (1);
        }
      if (i == 0)
        drafting_bench_report_str (error_key, error->message);
    }
  report_median (time_key, samples);
  drafting_bench_report_int (size_key, g_bytes_get_size (bytes));
}

static void
phase_hostile (Child *child G_GNUC_UNUSED)
{
  g_autoptr(GBytes) laughs = billion_laughs ();
  g_autoptr(GBytes) blowup = quadratic_blowup ();

  refuse ("laughs", laughs, 1001);
  refuse ("blowup", blowup, 101);
}

typedef struct
{
  const char *name;
  void      (*run) (Child *child);
  gboolean    sized;      /* run once for each size */
  gboolean    timed;      /* run in every round */
} Phase;

static const Phase phases[] = {
  { "baseline", phase_baseline, FALSE, FALSE },
  { "hostile", phase_hostile, FALSE, FALSE },
  { "prepare", phase_prepare, TRUE, FALSE },
  { "build", phase_build, TRUE, TRUE },
  { "render", phase_render, TRUE, TRUE },
  { "import", phase_import, TRUE, TRUE },
  { "save", phase_save, TRUE, TRUE },
  { "load", phase_load, TRUE, TRUE },
  { "outline", phase_outline, TRUE, TRUE },
  { "edit", phase_edit, TRUE, TRUE },
};

/* bench-scale --child PHASE SIZE DIR */
static int
run_child (int    argc,
           char **argv)
{
  Child child;

  if (argc != 5)
    {
      g_printerr ("usage: %s --child PHASE SIZE DIR\n", argv[0]);
      return 2;
    }

  child.size = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  child.dir = argv[4];

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    if (strcmp (phases[i].name, argv[2]) == 0)
      {
        phases[i].run (&child);
        drafting_bench_report_int ("peak_kb", drafting_bench_peak_kb ());
        return 0;
      }

  g_printerr ("bench-scale: no phase “%s”\n", argv[2]);
  return 2;
}

/* ------------------------------------------------------------------ */
/* The parent: runs the phases and prints the table                    */

static GHashTable *
spawn_child (const char  *self,
             const char  *phase,
             guint        size,
             const char  *dir,
             GError     **error)
{
  g_autofree char *size_arg = g_strdup_printf ("%u", size);
  g_autofree char *what = g_strdup_printf ("the %s phase at %u clauses", phase, size);
  const char * const argv[] = { self, "--child", phase, size_arg, dir, NULL };

  return drafting_bench_run_child (argv, what, error);
}

/* The median over the rounds of what @phase reported as @key. */
static gboolean
lookup_rounds (GHashTable *(*results)[G_N_ELEMENTS (sizes)],
               guint        size_index,
               const char  *phase,
               const char  *key,
               double      *value)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < ROUNDS; r++)
    {
      double v;

      if (drafting_bench_lookup (g_hash_table_lookup (results[r][size_index], phase), key, &v))
        g_array_append_val (values, v);
    }

  if (values->len == 0)
    return FALSE;
  *value = drafting_bench_median_double (values);
  return TRUE;
}

typedef enum
{
  UNIT_TIME,      /* µs */
  UNIT_TIME_NS,
  UNIT_BYTES,
  UNIT_KB,
} Unit;

static char *
format_value (double value,
              Unit   unit)
{
  switch (unit)
    {
    case UNIT_TIME_NS:
      value /= 1000;
      G_GNUC_FALLTHROUGH;
    case UNIT_TIME:
      if (value < 100)
        return g_strdup_printf ("%.1f µs", value);
      if (value < 1000)
        return g_strdup_printf ("%.0f µs", value);
      if (value < 1000000)
        return g_strdup_printf ("%.1f ms", value / 1000);
      return g_strdup_printf ("%.2f s", value / 1000000);

    case UNIT_KB:
      value *= 1024;
      G_GNUC_FALLTHROUGH;
    case UNIT_BYTES:
    default:
      if (value < 1024 * 1024)
        return g_strdup_printf ("%.1f kB", value / 1024);
      return g_strdup_printf ("%.1f MB", value / (1024 * 1024));
    }
}

typedef struct
{
  const char *label;
  const char *phase;
  const char *key;
  Unit        unit;
  gboolean    judged;   /* whether its growth says something of the code */
} Row;

static const Row rows[] = {
  { "insert the tree into a document", "build", "insert_tree_us", UNIT_TIME, TRUE },
  { "render as text", "render", "render_us", UNIT_TIME, TRUE },
  { "text import", "import", "import_us", UNIT_TIME, TRUE },
  { "native save (bytes)", "save", "save_bytes_us", UNIT_TIME, TRUE },
  { "native save (file)", "save", "save_file_us", UNIT_TIME, TRUE },
  { "snapshot for a save", "save", "snapshot_us", UNIT_TIME, TRUE },
  { "native load (file)", "load", "load_us", UNIT_TIME, TRUE },
  { "outline as JSON", "outline", "outline_us", UNIT_TIME, TRUE },
  { "insert ¶ at top + renumber", "edit", "insert_ns", UNIT_TIME_NS, TRUE },
  { "undo it + renumber", "edit", "undo_ns", UNIT_TIME_NS, TRUE },
  { "insert_new after ¶1 + renumber", "edit", "insert_new_ns", UNIT_TIME_NS, TRUE },
  { NULL, NULL, NULL, 0, FALSE },
  { "saved file", "prepare", "file_bytes", UNIT_BYTES, FALSE },
  { "rendered text", "prepare", "text_bytes", UNIT_BYTES, FALSE },
  { "outline JSON", "prepare", "json_bytes", UNIT_BYTES, FALSE },
  { NULL, NULL, NULL, 0, FALSE },
  { "peak: process, idle", "baseline", "peak_kb", UNIT_KB, FALSE },
  { "peak: document built", "build", "peak_kb", UNIT_KB, TRUE },
  { "peak: render", "render", "peak_kb", UNIT_KB, TRUE },
  { "peak: text import", "import", "peak_kb", UNIT_KB, TRUE },
  { "peak: build + save", "save", "peak_kb", UNIT_KB, TRUE },
  { "peak: native load", "load", "peak_kb", UNIT_KB, TRUE },
  { "peak: build + outline", "outline", "peak_kb", UNIT_KB, TRUE },
  { "peak: build + edits", "edit", "peak_kb", UNIT_KB, TRUE },
};

#define LABEL_WIDTH 34
#define VALUE_WIDTH 16

static void
print_rule (void)
{
  for (guint i = 0; i < LABEL_WIDTH + 2 * VALUE_WIDTH + 20; i++)
    g_print ("─");
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  GHashTable *results[ROUNDS][G_N_ELEMENTS (sizes)] = { { NULL, }, };
  g_autoptr(GHashTable) baseline = NULL;
  g_autoptr(GHashTable) hostile = NULL;
  g_autoptr(GString) superlinear = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_judged = 0;
  guint n_linear = 0;
  double laughs_us;
  double laughs_kb;
  double floor_kb;

  setlocale (LC_ALL, "");
  g_set_prgname ("bench-scale");
  drafting_core_init ();

  if (argc > 1 && strcmp (argv[1], "--child") == 0)
    return run_child (argc, argv);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  dir = drafting_test_make_tmpdir ();

  g_print ("Drafting's core at scale: resolutions of");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *count = drafting_bench_format_count (sizes[s]);

      g_print ("%s %s", s > 0 ? " and" : "", count);
    }
  g_print (" clauses (elements of every kind), each phase in a fresh process.\n"
           "Times are medians of repeated runs, in each of %u rounds, and the median of the "
           "rounds;\nmemory is the peak resident size (ru_maxrss) of the process that ran "
           "the phase.\nGrowth is the large figure over the small one: ×%u is linear.\n\n",
           ROUNDS, sizes[G_N_ELEMENTS (sizes) - 1] / sizes[0]);

  if ((baseline = spawn_child (self, "baseline", 0, dir, &error)) == NULL ||
      (hostile = spawn_child (self, "hostile", 0, dir, &error)) == NULL)
    goto failed;

  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      results[r][s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    g_hash_table_insert (results[0][s], g_strdup ("baseline"), g_hash_table_ref (baseline));

  /* Each phase at every size in turn, and all of them again in each round,
   * so that whatever else the machine does weighs on both columns alike. */
  for (guint r = 0; r < ROUNDS; r++)
    for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          GHashTable *phase_results;

          if (!phases[p].sized || (r > 0 && !phases[p].timed))
            continue;
          phase_results = spawn_child (self, phases[p].name, sizes[s], dir, &error);
          if (phase_results == NULL)
            goto failed;
          g_hash_table_insert (results[r][s], g_strdup (phases[p].name), phase_results);
        }

  /* What the documents hold. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GHashTable *build = g_hash_table_lookup (results[0][s], "build");
      GHashTable *prepare = g_hash_table_lookup (results[0][s], "prepare");
      double value;

      g_autofree char *count = drafting_bench_format_count (sizes[s]);
      const char *separator = ":";

      g_print ("%6s", count);
      for (guint kind = 1; kind < DRAFTING_N_KINDS; kind++)
        {
          g_autofree char *key = g_strconcat ("count_", drafting_kind_to_string (kind), NULL);

          if (drafting_bench_lookup (build, key, &value) && value > 0)
            {
              g_print ("%s %s %.0f", separator, drafting_kind_to_string (kind), value);
              separator = ",";
            }
        }
      g_print ("\n");
      if (drafting_bench_lookup (prepare, "import_warnings", &value) && value > 0)
        g_print ("        note: importing the rendered text gave %.0f warnings, the first: %s\n",
                 value, (char *) g_hash_table_lookup (prepare, "import_first_warning"));
      if (g_hash_table_lookup (prepare, "note_import") != NULL)
        g_print ("        note: the rendered text imports with other elements: %s\n",
                 (char *) g_hash_table_lookup (prepare, "note_import"));
      if (g_hash_table_lookup (prepare, "note_resave") != NULL)
        g_print ("        note: %s\n", (char *) g_hash_table_lookup (prepare, "note_resave"));
    }
  g_print ("\n");

  /* The table. */
  if (!drafting_bench_lookup (baseline, "peak_kb", &floor_kb))
    floor_kb = 0;
  drafting_bench_print_cell ("operation", LABEL_WIDTH, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *head = drafting_bench_format_count (sizes[s]);

      drafting_bench_print_cell (head, VALUE_WIDTH, FALSE);
    }
  g_print ("    growth\n");
  print_rule ();

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const Row *row = &rows[r];
      double values[G_N_ELEMENTS (sizes)];
      gboolean have = TRUE;

      if (row->label == NULL)
        {
          g_print ("\n");
          continue;
        }

      drafting_bench_print_cell (row->label, LABEL_WIDTH, TRUE);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *cell = NULL;

          if (!lookup_rounds (results, s, row->phase, row->key, &values[s]))
            {
              have = FALSE;
              drafting_bench_print_cell ("—", VALUE_WIDTH, FALSE);
              continue;
            }
          cell = format_value (values[s], row->unit);
          drafting_bench_print_cell (cell, VALUE_WIDTH, FALSE);
        }

      if (have)
        {
          double small = values[0];
          double large = values[G_N_ELEMENTS (sizes) - 1];
          gboolean memory = row->unit == UNIT_KB && row->judged;

          /* Memory grows from what any process takes. */
          if (memory)
            {
              small -= floor_kb;
              large -= floor_kb;
            }

          if (small > 0 && large > 0)
            {
              double growth = large / small;
              double exponent = drafting_bench_natural_log (growth) /
                                drafting_bench_natural_log ((double) sizes[G_N_ELEMENTS (sizes) - 1] / sizes[0]);

              g_print ("    ×%-6.1f n^%.2f", growth, exponent);
              if (memory)
                g_print ("  above idle");
              if (row->judged && (row->unit == UNIT_TIME || row->unit == UNIT_TIME_NS))
                {
                  n_judged++;
                  if (growth <= GROWTH_LIMIT)
                    n_linear++;
                  else
                    {
                      g_print ("  superlinear");
                      g_string_append_printf (superlinear, "%s%s ×%.1f",
                                              superlinear->len > 0 ? ", " : "", row->label,
                                              growth);
                    }
                }
            }
        }
      g_print ("\n");
    }
  print_rule ();
  g_print ("Growth above ×%.0f is marked. Whether an algorithm or a working set that outgrows "
           "the\ncaches makes it, instruction counts tell: run a phase under valgrind "
           "--tool=callgrind,\nas in: bench-scale --child PHASE SIZE DIR (after --child prepare "
           "SIZE DIR).\n",
           GROWTH_LIMIT);

  /* Hostile files. */
  if (drafting_bench_lookup (hostile, "laughs_us", &laughs_us) && drafting_bench_lookup (hostile, "peak_kb", &laughs_kb))
    {
      g_autofree char *time = format_value (laughs_us, UNIT_TIME);
      g_autofree char *peak = format_value (laughs_kb, UNIT_KB);
      g_autofree char *floor = format_value (floor_kb, UNIT_KB);
      double blowup_us = 0;
      g_autofree char *blowup_time = NULL;

      drafting_bench_lookup (hostile, "blowup_us", &blowup_us);
      blowup_time = format_value (blowup_us, UNIT_TIME);
      g_print ("\nHostile files, refused by drafting_native_load_bytes():\n"
               "  billion laughs (%s bytes, 10⁹ “lol”s): refused in %s (median of %s),\n"
               "  quadratic blowup (%s bytes, one 64 kB entity × 20,000): refused in %s;\n"
               "  peak of the process refusing both, %s and %s times: %s (an idle one: %s).\n"
               "  Reason given: %s\n",
               (char *) g_hash_table_lookup (hostile, "laughs_bytes"), time,
               (char *) g_hash_table_lookup (hostile, "laughs_us_n"),
               (char *) g_hash_table_lookup (hostile, "blowup_bytes"), blowup_time,
               (char *) g_hash_table_lookup (hostile, "laughs_us_n"),
               (char *) g_hash_table_lookup (hostile, "blowup_us_n"),
               peak, floor, (char *) g_hash_table_lookup (hostile, "laughs_error"));
    }

  {
    g_autofree char *small = drafting_bench_format_count (sizes[0]);
    g_autofree char *large = drafting_bench_format_count (sizes[G_N_ELEMENTS (sizes) - 1]);

    g_print ("\nSummary: %u of %u timed operations grow linearly from %s to %s clauses "
             "(at most ×%.0f)%s%s; the run took %.1f s.\n",
             n_linear, n_judged, small, large, GROWTH_LIMIT,
             superlinear->len > 0 ? "; superlinear: " : "", superlinear->str,
             (g_get_monotonic_time () - start) / 1e6);
  }

  drafting_test_remove_tree (dir);
  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      g_clear_pointer (&results[r][s], g_hash_table_unref);
  return 0;

failed:
  g_printerr ("bench-scale: %s\n", error->message);
  drafting_test_remove_tree (dir);
  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      g_clear_pointer (&results[r][s], g_hash_table_unref);
  return 1;
}
