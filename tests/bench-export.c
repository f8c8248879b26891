/* bench-export.c: the exports at 1,000 and 10,000 clauses, next to LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

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
 * ODT (clean, tracked, compilation) and save it again (soffice
 * --convert-to odt, headless, a profile of its own): the whole command, and less the same for a document of one
 * paragraph, which is LibreOffice starting and stopping. The goal is an
 * export at least 50 times as fast as LibreOffice's open and save, and
 * growing no faster than the document.
 */

#define ROUNDS 3

static const guint sizes[] = { 1000, 10000 };

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

static gint64 lo_start_us = -1;

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

/* LibreOffice opening @path and saving it as ODT again, the median of
 * ROUNDS, or -1 without LibreOffice. */
static gint64
time_libreoffice (const char *soffice,
                  const char *dir,
                  const char *path)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out = g_build_filename (dir, "lo-out", NULL);
  gint64 samples[ROUNDS];

  if (soffice == NULL)
    return -1;

  for (guint r = 0; r < ROUNDS; r++)
    {
      const char *argv[] = { soffice, env, "--headless", "--convert-to", "odt", "--outdir", out, path, NULL };
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        drafting_bench_fail ("running LibreOffice", error);
      samples[r] = g_get_monotonic_time () - start;
    }

  return median (samples, ROUNDS);
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
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  gint64 total = g_get_monotonic_time ();

  (void) argc;
  (void) argv;
  setlocale (LC_ALL, "");
  drafting_core_init ();
  dir = drafting_test_make_tmpdir ();

  /* LibreOffice starting and stopping: a document of one paragraph. */
  if (soffice != NULL)
    {
      g_autoptr(DraftingDocument) tiny = drafting_test_new_relief_resolution ("1. Members should act.\n");
      g_autofree char *path = g_build_filename (dir, "tiny.odt", NULL);
      g_autoptr(GBytes) bytes = write_odt (tiny, CLEAN);

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      /* Once for LibreOffice to make its profile, which is not counted. */
      time_libreoffice (soffice, dir, path);
      lo_start_us = time_libreoffice (soffice, dir, path);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (sizes[s], NULL);
      g_autofree char *pdf = g_strdup_printf ("%s/export-%u.pdf", dir, sizes[s]);
      char *odt[N_FORMS];

      drafting_bench_propose_amendments (document, sizes[s] / 2);

      time_in_memory (s, LAYOUT_CLEAN, document, lay_out, CLEAN, NULL);
      time_in_memory (s, LAYOUT_PROPOSED, document, lay_out, TRACKED, NULL);
      for (Form form = CLEAN; form < N_FORMS; form++)
        {
          odt[form] = g_strdup_printf ("%s/form%u-%u.odt", dir, form, sizes[s]);
          time_in_memory (s, ODT_CLEAN + form, document, write_odt, form, odt[form]);
          time_in_memory (s, DOCX_CLEAN + form, document, write_docx, form, NULL);
        }
      time_in_memory (s, AKN, document, write_akn, CLEAN, NULL);
      time_pdf (s, PDF_CLEAN, document, FALSE, pdf);
      time_pdf (s, PDF_TRACKED, document, TRUE, pdf);
      for (Form form = CLEAN; form < N_FORMS; form++)
        {
          rows[LO_ODT_CLEAN + form].us[s] = time_libreoffice (soffice, dir, odt[form]);
          g_free (odt[form]);
        }
    }

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

  if (lo_start_us < 0)
    g_print ("\nLibreOffice (soffice) is not installed: its open and save is not measured.\n");
  else
    {
      g_autofree char *start = format_time (lo_start_us);

      g_print ("\nLibreOffice starting and stopping (a document of one paragraph): %s.\n", start);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint form = 0; form < N_FORMS; form++)
          {
            gint64 lo = rows[LO_ODT_CLEAN + form].us[s] - lo_start_us;
            gint64 ours = rows[ODT_CLEAN + form].us[s];

            g_print ("%s clauses, %s: LibreOffice's open and save (less its start) %.1f× the export%s\n",
                     s == 0 ? "1,000" : "10,000",
                     form == CLEAN ? "clean" : form == TRACKED ? "tracked" : "compilation",
                     ours > 0 ? (double) MAX (lo, 0) / ours : 0,
                     ours > 0 && MAX (lo, 0) >= 50 * ours ? " (goal ×50: met)" : " (goal ×50: not met)");
          }
    }
  g_print ("The run took %.1f s.\n", (g_get_monotonic_time () - total) / 1e6);

  drafting_test_remove_tree (dir);
  return 0;
}
