/* bench-export.c: the exports at 1,000 and 10,000 clauses, next to LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "drafting-akn.h"
#include "drafting-bench-utils.h"
#include "drafting-docx.h"
#include "drafting-layout.h"
#include "drafting-odt.h"
#include "drafting-pdf-export.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * A resolution of 1,000 and one of 10,000 clauses (bench-scale's), each
 * with one proposed amendment for every two clauses (500 and 5,000, as
 * bench-window's), exported in each form: the layouts every export reads
 * (the present text; the text as proposed with its changes), OpenDocument
 * Text and Word clean, tracked and as the compilation of the amendments,
 * Akoma Ntoso, PDF clean and tracked. Each export is timed to its bytes in
 * memory or its file on disk, the median of ROUNDS.
 *
 * Next to them, in the same run, what LibreOffice takes to open the same
 * ODT (clean, tracked, compilation) and save it again, less its start and
 * stop: one LibreOffice for the whole run (headless, a profile of its
 * own), driven through its Python API by lo/lo-open-save.py, which opens
 * each file hidden, stores it as ODT and closes it, timing the three calls
 * together: the median of ROUNDS at 1,000 clauses, once at 10,000 (where
 * each takes minutes). The goal is an export at
 * least 50 times as fast as LibreOffice's open and save, and growing no
 * faster than the document.
 */

#define ROUNDS 3

static const guint sizes[] = { 1000, 10000 };

/* LibreOffice's rounds for each size: at 10,000 clauses one takes minutes. */
static const guint lo_rounds[] = { ROUNDS, 1 };

/* How long LibreOffice is given to open and save one file, in seconds:
 * past it, the figure is a lower bound (the compilation of 10,000 clauses
 * takes it half an hour). */
#define LO_LIMIT 120

typedef struct
{
  const char *label;
  gint64      us[G_N_ELEMENTS (sizes)];
  gsize       bytes[G_N_ELEMENTS (sizes)];
} Row;

enum
{
  LAYOUT_CLEAN,
  LAYOUT_PROPOSED,
  ODT_CLEAN,
  ODT_TRACKED,
  ODT_COMPILATION,
  DOCX_CLEAN,
  DOCX_TRACKED,
  DOCX_COMPILATION,
  AKN,
  PDF_CLEAN,
  PDF_TRACKED,
  LO_ODT_CLEAN,
  LO_ODT_TRACKED,
  LO_ODT_COMPILATION,
  N_ROWS
};

/* The forms of the ODT, in the order of their rows, and LibreOffice's. */
#define N_FORMS 3

static Row rows[N_ROWS] = {
  { "layout, present text", { 0, }, { 0, } },
  { "layout, as proposed, changes tracked", { 0, }, { 0, } },
  { "ODT, clean", { 0, }, { 0, } },
  { "ODT, tracked", { 0, }, { 0, } },
  { "ODT, compilation of amendments", { 0, }, { 0, } },
  { "Word, clean", { 0, }, { 0, } },
  { "Word, tracked", { 0, }, { 0, } },
  { "Word, compilation of amendments", { 0, }, { 0, } },
  { "Akoma Ntoso", { 0, }, { 0, } },
  { "PDF, clean", { 0, }, { 0, } },
  { "PDF, tracked", { 0, }, { 0, } },
  { "LibreOffice opens and saves the clean ODT", { 0, }, { 0, } },
  { "LibreOffice opens and saves the tracked ODT", { 0, }, { 0, } },
  { "LibreOffice opens and saves the compilation", { 0, }, { 0, } },
};

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
median (gint64 *samples,
        guint   n)
{
  qsort (samples, n, sizeof (gint64), compare_int64);
  return samples[n / 2];
}

typedef enum
{
  CLEAN,
  TRACKED,
  COMPILATION,
} Form;

typedef GBytes *(*WriteFunc) (DraftingDocument *document,
                              Form              form);

static GBytes *
checked (GBytes     *bytes,
         const char *what,
         GError     *error)
{
  if (bytes == NULL)
    drafting_bench_fail (what, error);
  return bytes;
}

static GBytes *
write_odt (DraftingDocument *document,
           Form              form)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = form == TRACKED ? drafting_odt_write_tracked (document, NULL, &error)
                  : form == COMPILATION ? drafting_odt_write_compilation (document, NULL, &error)
                  : drafting_odt_write (document, &error);

  return checked (bytes, "writing the ODT", error);
}

static GBytes *
write_docx (DraftingDocument *document,
            Form              form)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = form == TRACKED ? drafting_docx_write_tracked (document, NULL, &error)
                  : form == COMPILATION ? drafting_docx_write_compilation (document, NULL, &error)
                  : drafting_docx_write (document, &error);

  return checked (bytes, "writing the Word document", error);
}

static GBytes *
write_akn (DraftingDocument *document,
           Form              form G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  return checked (drafting_akn_write_document (document, &error), "writing Akoma Ntoso", error);
}

static GBytes *
lay_out (DraftingDocument *document,
         Form              form)
{
  g_autoptr(GPtrArray) blocks = form == TRACKED ? drafting_layout_build_proposed (document, NULL)
                                                : drafting_layout_build_all (document);

  return g_bytes_new (NULL, 0);
}

static void
time_in_memory (guint             size_index,
                guint             row,
                DraftingDocument *document,
                WriteFunc         func,
                Form              form,
                const char       *keep_as)
{
  gint64 samples[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = func (document, form);
      samples[r] = g_get_monotonic_time () - start;
      rows[row].bytes[size_index] = g_bytes_get_size (bytes);
      if (keep_as != NULL && r == 0)
        g_file_set_contents (keep_as, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
  rows[row].us[size_index] = median (samples, ROUNDS);
}

static void
time_pdf (guint             size_index,
          guint             row,
          DraftingDocument *document,
          gboolean          tracked,
          const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 start = g_get_monotonic_time ();

  if (!drafting_pdf_export_write (document, file, tracked, NULL, NULL, &error))
    drafting_bench_fail ("writing the PDF", error);
  rows[row].us[size_index] = g_get_monotonic_time () - start;
  if (g_stat (path, &st) == 0)
    rows[row].bytes[size_index] = st.st_size;
}

/* Why LibreOffice's open and save was not measured, or NULL once it was. */
static char *lo_skipped;

/* LibreOffice opening each of @paths and saving it as ODT again, through
 * lo-open-save.py: the median of @rounds for each, into @us (-1 where it
 * failed); where it went past LO_LIMIT, the limit, and @past set. Sets
 * lo_skipped when LibreOffice or its Python API is absent or the script
 * fails. */
static void
time_libreoffice (const char * const *paths,
                  const guint        *rounds,
                  guint               n_paths,
                  gint64             *us,
                  gboolean           *past)
{
  g_autofree char *script = g_build_filename (DRAFTING_BENCH_LO_DIR, "lo-open-save.py", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  int status;

  for (guint i = 0; i < n_paths; i++)
    {
      us[i] = -1;
      past[i] = FALSE;
    }
  if (soffice == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      lo_skipped = g_strdup ("LibreOffice (soffice) or /usr/bin/python3 is not installed");
      return;
    }

  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup ("--limit"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", LO_LIMIT));
  for (guint i = 0; i < n_paths; i++)
    {
      g_ptr_array_add (argv, g_strdup ("--rounds"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", rounds[i]));
      g_ptr_array_add (argv, g_strdup (paths[i]));
      g_ptr_array_add (samples, g_array_new (FALSE, FALSE, sizeof (gint64)));
    }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    {
      lo_skipped = g_strdup_printf ("lo-open-save.py could not be run: %s", error->message);
      return;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      lo_skipped = g_strdup ("LibreOffice's Python API (python3-uno) or soffice is not installed");
      return;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      lo_skipped = g_strdup_printf ("lo-open-save.py failed: %s", error->message);
      return;
    }

  /* round \t FILE \t ROUND \t TOTAL_US \t LOAD_US \t STORE_US */
  lines = g_strsplit (out, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], "\t", -1);

      if (g_strv_length (fields) >= 4 && strcmp (fields[0], "round") == 0)
        {
          for (guint i = 0; i < n_paths; i++)
            if (strcmp (fields[1], paths[i]) == 0)
              {
                gint64 sample = g_ascii_strtoll (fields[3], NULL, 10);

                g_array_append_val ((GArray *) g_ptr_array_index (samples, i), sample);
              }
        }
      else if (g_strv_length (fields) >= 4 && strcmp (fields[0], "limit") == 0)
        {
          for (guint i = 0; i < n_paths; i++)
            if (strcmp (fields[1], paths[i]) == 0)
              past[i] = TRUE;
        }
      else if (g_str_has_prefix (lines[l], "error\t"))
        g_printerr ("LibreOffice: %s\n", lines[l] + strlen ("error\t"));
    }
  for (guint i = 0; i < n_paths; i++)
    {
      GArray *file_samples = g_ptr_array_index (samples, i);

      if (file_samples->len > 0 && !past[i])
        us[i] = median ((gint64 *) (void *) file_samples->data, file_samples->len);
      else if (past[i])
        us[i] = (gint64) LO_LIMIT * G_USEC_PER_SEC;
    }
}


static char *
format_time (gint64 us)
{
  if (us < 0)
    return g_strdup ("—");
  if (us < 1000)
    return g_strdup_printf ("%" G_GINT64_FORMAT " µs", us);
  if (us < 1000000)
    return g_strdup_printf ("%.1f ms", us / 1000.0);
  return g_strdup_printf ("%.2f s", us / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  char *odt[G_N_ELEMENTS (sizes) * N_FORMS] = { NULL, };
  guint lo_rounds_of[G_N_ELEMENTS (sizes) * N_FORMS];
  gint64 lo_us[G_N_ELEMENTS (sizes) * N_FORMS];
  gboolean lo_past[G_N_ELEMENTS (sizes) * N_FORMS];
  gint64 total = g_get_monotonic_time ();

  (void) argc;
  (void) argv;
  setlocale (LC_ALL, "");
  drafting_core_init ();
  dir = drafting_test_make_tmpdir ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (sizes[s], NULL);
      g_autofree char *pdf = g_strdup_printf ("%s/export-%u.pdf", dir, sizes[s]);

      drafting_bench_propose_amendments (document, sizes[s] / 2);

      time_in_memory (s, LAYOUT_CLEAN, document, lay_out, CLEAN, NULL);
      time_in_memory (s, LAYOUT_PROPOSED, document, lay_out, TRACKED, NULL);
      for (Form form = CLEAN; form < N_FORMS; form++)
        {
          char **path = &odt[s * N_FORMS + form];

          *path = g_strdup_printf ("%s/form%u-%u.odt", dir, form, sizes[s]);
          lo_rounds_of[s * N_FORMS + form] = lo_rounds[s];
          time_in_memory (s, ODT_CLEAN + form, document, write_odt, form, *path);
          time_in_memory (s, DOCX_CLEAN + form, document, write_docx, form, NULL);
        }
      time_in_memory (s, AKN, document, write_akn, CLEAN, NULL);
      time_pdf (s, PDF_CLEAN, document, FALSE, pdf);
      time_pdf (s, PDF_TRACKED, document, TRUE, pdf);
    }

  /* LibreOffice, once for every ODT of the run. */
  time_libreoffice ((const char * const *) odt, lo_rounds_of, G_N_ELEMENTS (odt), lo_us, lo_past);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint form = 0; form < N_FORMS; form++)
      rows[LO_ODT_CLEAN + form].us[s] = lo_past[s * N_FORMS + form] ? -1 : lo_us[s * N_FORMS + form];

  g_print ("Exports of resolutions of 1,000 and 10,000 clauses with 500 and 5,000 proposed\n"
           "amendments: the median of %u runs (one for PDF), in memory or to a file.\n\n", ROUNDS);
  g_print ("%-46s %12s %12s %9s %12s\n", "", "1,000", "10,000", "growth", "size (10,000)");
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *small = format_time (rows[i].us[0]);
      g_autofree char *large = format_time (rows[i].us[1]);
      g_autofree char *size = rows[i].bytes[1] > 0 ? g_format_size (rows[i].bytes[1]) : g_strdup ("");

      if (rows[i].us[0] > 0 && rows[i].us[1] > 0)
        g_print ("%-46s %12s %12s %8.1f× %12s\n", rows[i].label, small, large,
                 (double) rows[i].us[1] / rows[i].us[0], size);
      else
        g_print ("%-46s %12s %12s %9s %12s\n", rows[i].label, small, large, "", size);
    }

  if (lo_skipped != NULL)
    g_print ("\n*** LibreOffice's open and save is not measured: %s. ***\n", lo_skipped);
  else
    {
      g_print ("\nLibreOffice's open and save: one headless LibreOffice for the run, driven\n"
               "through its Python API (tests/lo/lo-open-save.py); each ODT opened hidden, stored\n"
               "as ODT and closed, timed around the three calls, its start and stop not counted;\n"
               "the median of %u at 1,000 clauses, one run at 10,000. One given up after %u s\n"
               "shows as “> %u s”, its ratio as at least (≥) what the limit gives.\n\n",
               lo_rounds[0], LO_LIMIT, LO_LIMIT);
      g_print ("%-22s %10s %12s %9s   %10s %12s %9s\n", "ODT", "ours", "LibreOffice", "LO/ours",
               "ours", "LibreOffice", "LO/ours");
      g_print ("%-22s %33s   %33s\n", "", "1,000 clauses", "10,000 clauses");
      for (guint form = 0; form < N_FORMS; form++)
        {
          g_print ("%-22s", form == CLEAN ? "clean" : form == TRACKED ? "tracked" : "compilation");
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              gint64 ours = rows[ODT_CLEAN + form].us[s];
              gint64 lo = lo_us[s * N_FORMS + form];
              gboolean past = lo_past[s * N_FORMS + form];
              g_autofree char *ours_text = format_time (ours);
              g_autofree char *lo_text = past ? g_strdup_printf ("> %u s", LO_LIMIT) : format_time (lo);
              g_autofree char *ratio = ours > 0 && lo > 0
                                       ? g_strdup_printf ("%s×%.0f%s", past ? "≥ " : "", (double) lo / ours,
                                                          lo >= 50 * ours ? "" : " (<50)")
                                       : g_strdup ("—");

              g_print (" %10s %12s %9s  ", ours_text, lo_text, ratio);
            }
          g_print ("\n");
        }
      g_print ("The goal: LibreOffice's open and save at least 50 times the export (LO/ours ≥ ×50).\n");
    }
  g_print ("The run took %.1f s.\n", (g_get_monotonic_time () - total) / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (odt); i++)
    g_free (odt[i]);
  drafting_test_remove_tree (dir);
  return 0;
}
