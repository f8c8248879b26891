/* test-print.c: printing, and exporting as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "drafting-print-operation.h"
#include "drafting-test-utils.h"

/*
 * The corpus texts, an Arabic text and a document of 10,000 clauses are
 * exported as PDF, and the PDF is read back with poppler's pdfinfo and
 * pdftotext: the pages, the heading, the annex on a page of its own, each
 * footnote on the page that calls it, the footer. Printing goes through the
 * same drawing: it is tried through the print dialog, whose "Print to File"
 * printer writes a PDF. (GTK looks for no virtual printer such as that one
 * when it prints without the dialog.)
 *
 * DRAFTING_TEST_KEEP=1 keeps the PDFs and says where they are.
 */

static char *tmpdir;

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return FALSE;
    }

  return TRUE;
}

static char *
output_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static double
export_pdf (DraftingDocument *document,
            const char       *path)
{
  g_autoptr(DraftingPrintOperation) operation = drafting_print_operation_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GtkPrintOperationResult result;
  gint64 start;
  gsize len;

  /* No progress window in the way of the measure. */
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);

  start = g_get_monotonic_time ();
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2,
          const char *arg3,
          const char *arg4)
{
  const char *argv[] = { tool, arg1, arg2, arg3, arg4, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL, NULL, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* The text of each page, each run of spaces and line ends made one space,
 * so that what wraps or is justified differently is found all the same. */
static GStrv
pdf_pages (const char *path,
           guint       n_pages)
{
  g_autofree char *text = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_auto(GStrv) raw = g_strsplit (text, "\f", -1);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL && i < n_pages; i++)
    {
      GString *page = g_string_new (NULL);

      for (const char *p = raw[i]; *p != '\0'; p++)
        {
          if (g_ascii_isspace (*p))
            {
              if (page->len > 0 && page->str[page->len - 1] != ' ')
                g_string_append_c (page, ' ');
            }
          else
            g_string_append_c (page, *p);
        }
      g_ptr_array_add (pages, g_strstrip (g_string_free (page, FALSE)));
    }

  g_assert_cmpuint (pages->len, ==, n_pages);
  g_ptr_array_add (pages, NULL);

  return (GStrv) g_ptr_array_free (pages, FALSE);
}

static int
find_page (GStrv       pages,
           const char *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return i;

  return -1;
}

static void
assert_footers (GStrv       pages,
                const char *symbol)
{
  guint n = g_strv_length (pages);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_nonnull (strstr (pages[i], footer));
      if (symbol != NULL)
        g_assert_nonnull (strstr (pages[i], symbol));
    }
}

/* ------------------------------------------------------------------ */

static void
test_resolution (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autofree char *path = output_path ("resolution.pdf");
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  int annex;

  if (!have_poppler ())
    return;

  drafting_document_set_symbol (document, "PC0484E");
  export_pdf (document, path);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, <=, 30);
  pages = pdf_pages (path, n_pages);

  g_assert_nonnull (strstr (pages[0], "DRAFT RESOLUTION OF THE POLICY COMMISSION "
                                      "OF THE WORLD CUSTOMS ORGANIZATION"));
  g_assert_nonnull (strstr (pages[0], "(Luxor, December 2017)"));
  g_assert_nonnull (strstr (pages[0], "THE POLICY COMMISSION ACKNOWLEDGING that the digital"));
  g_assert_cmpint (find_page (pages, "RESOLVES that the WCO:"), >=, 0);
  g_assert_cmpint (find_page (pages, "PRINCIPLE IV - Revenue Collection"), >=, 0);
  g_assert_cmpint (find_page (pages, "de minimis"), >=, 0);
  g_assert_cmpint (find_page (pages, "i. Advance electronic data"), >=, 0);

  /* The annex starts a page of its own, after the operative part. */
  annex = find_page (pages, "PRINCIPLE I - Advance Electronic Data and Risk Management");
  g_assert_cmpint (annex, >, 0);
  g_assert_true (g_str_has_prefix (pages[annex], "ANNEX PRINCIPLE I - Advance Electronic Data"));
  g_assert_cmpint (find_page (pages, "Provides technical assistance"), <, annex);

  assert_footers (pages, "PC0484E");
  g_assert_nonnull (strstr (pages[0], "Page 1 of"));
}

static void
test_communique (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autofree char *path = output_path ("communique.pdf");
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  int note;
  int call;

  if (!have_poppler ())
    return;

  export_pdf (document, path);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 20);
  pages = pdf_pages (path, n_pages);

  g_assert_nonnull (strstr (pages[0], "Eleventh WTO Ministerial Conference, Buenos Aires"));
  g_assert_nonnull (strstr (pages[0], "Draft Communication from the International Customs Community"));
  g_assert_cmpint (find_page (pages, "Principle IV - Revenue Collection"), >=, 0);

  /* The footnote at the foot of the page that calls it, once. */
  note = find_page (pages, "The World Customs Organization is the only");
  call = find_page (pages, "To this end, the World Customs Organization (WCO)");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpint (note, ==, call);
  g_assert_null (strstr (strstr (pages[note], "is the only") + 1, "is the only"));
  /* ... after the text of the page */
  g_assert_true (strstr (pages[note], "The World Customs Organization is the only") >
                 strstr (pages[note], "(WCO)"));

  assert_footers (pages, NULL);
}

/* ------------------------------------------------------------------ */
/* 10,000 clauses                                                      */

#define N_CLAUSES 10000
#define NOTE_EVERY 37

static const char * const fillers[] = {
  "the need for a harmonized approach to cross-border E-Commerce, in close coordination with "
  "other international organizations and the private sector",
  "that advance electronic data supports risk management, revenue collection and the rapid "
  "clearance of legitimate trade",
  "the different levels of digitalization among Members and business stakeholders",
  "that simplified clearance procedures are needed for the increasing volumes of low-value "
  "and small shipments, with due regard to safety and security and to the accurate and "
  "efficient collection of duties and taxes",
};

static DraftingNode *
new_clause (DraftingKind  kind,
            const char   *lead,
            guint         n,
            guint        *n_notes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DraftingInline) content = NULL;
  DraftingNode *node;
  guint call = 0;

  if (n % NOTE_EVERY == 0)
    {
      g_string_append_printf (text, "Clause bearing note %u calls it", *n_notes + 1);
      call = text->len;
    }
  else
    g_string_append_printf (text, "clause %u on", n);
  g_string_append_printf (text, " %s", fillers[n % G_N_ELEMENTS (fillers)]);
  if (n % 3 == 0)
    g_string_append_printf (text, ", and %s", fillers[(n + 1) % G_N_ELEMENTS (fillers)]);
  g_string_append (text, n % 5 == 0 ? ", de minimis;" : ";");

  node = drafting_node_new_with_text (kind, lead, NULL);
  content = drafting_inline_new (text->str);
  if (n % 5 == 0)
    drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS,
                              text->len - strlen ("de minimis;"), text->len - 1, NULL);

  if (call > 0)
    {
      g_autofree char *id = g_strdup_printf ("fn%u", ++*n_notes);
      g_autofree char *note = g_strdup_printf ("Explanatory note %u is printed at the foot of the "
                                               "page that calls it, in a smaller font.", *n_notes);
      DraftingNode *footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, id);

      drafting_node_take_content (footnote, drafting_inline_new (note));
      drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, call, call, id);
      drafting_node_append_child (node, footnote);
      g_object_unref (footnote);
    }
  drafting_node_take_content (node, g_steal_pointer (&content));

  return node;
}

static DraftingDocument *
build_large_document (guint *n_notes)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  DraftingNode *root = drafting_document_get_root (document);
  DraftingNode *annex = NULL;
  DraftingNode *principle = NULL;
  guint n = 0;

  drafting_document_set_symbol (document, "PC0999E");
  drafting_document_set_place (document, "Brussels");
  drafting_document_set_date (document, "June 2024");

  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL,
                                                     "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL"));
  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_PLACE_DATE, NULL, NULL));
  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_AUTHORITY, NULL,
                                                     "THE CUSTOMS CO-OPERATION COUNCIL,"));

  for (; n < N_CLAUSES * 2 / 10; n++)
    g_ptr_array_add (top, new_clause (DRAFTING_KIND_PREAMBLE_CLAUSE, "NOTING", n, n_notes));

  g_ptr_array_add (top, drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_FORMULA, "RESOLVES",
                                                     "that Members should:"));
  for (; n < N_CLAUSES * 6 / 10; n++)
    {
      DraftingNode *paragraph = new_clause (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, n, n_notes);

      if (n % 10 == 0)
        for (guint i = 0; i < 3 && n + 1 < N_CLAUSES * 6 / 10; i++)
          {
            g_autoptr(DraftingNode) sub = new_clause (DRAFTING_KIND_SUB_PARAGRAPH, NULL, ++n, n_notes);

            drafting_node_append_child (paragraph, sub);
          }
      g_ptr_array_add (top, paragraph);
    }

  annex = drafting_node_new (DRAFTING_KIND_ANNEX, NULL);
  for (; n < N_CLAUSES; n++)
    {
      g_autoptr(DraftingNode) item = NULL;

      if (principle == NULL || n % 50 == 0)
        {
          g_autoptr(DraftingNode) next = drafting_node_new_with_text (DRAFTING_KIND_PRINCIPLE, NULL,
                                                                      "Facilitation");

          drafting_node_append_child (annex, next);
          principle = next;
        }
      item = new_clause (DRAFTING_KIND_ITEM, NULL, n, n_notes);
      drafting_node_append_child (principle, item);
    }
  g_ptr_array_add (top, annex);

  drafting_document_begin_action (document, "Build");
  for (guint i = 0; i < top->len; i++)
    {
      g_autoptr(GError) error = NULL;

      drafting_document_insert (document, root, i, g_ptr_array_index (top, i), &error);
      g_assert_no_error (error);
    }
  drafting_document_end_action (document);
  drafting_document_clear_history (document);

  return document;
}

/* The page each "<prefix> N" is on, by N. */
static GHashTable *
index_numbers (GStrv       pages,
               const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  GHashTable *index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, pages[i], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          guint key = (guint) g_ascii_strtoull (number, NULL, 10);

          if (!g_hash_table_contains (index, GUINT_TO_POINTER (key)))
            g_hash_table_insert (index, GUINT_TO_POINTER (key), GUINT_TO_POINTER (i + 1));
          g_match_info_next (match, NULL);
        }
    }

  return index;
}

static void
test_large (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *path = output_path ("large.pdf");
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) calls = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_notes = 0;
  guint n_pages;
  double seconds;
  int annex;

  if (!have_poppler ())
    return;

  document = build_large_document (&n_notes);
  seconds = export_pdf (document, path);

  n_pages = pdf_n_pages (path);
  g_test_message ("export of %u clauses as PDF: %.2f s, %u pages", N_CLAUSES, seconds, n_pages);
  g_assert_cmpuint (n_pages, >=, N_CLAUSES / 20);
  g_assert_cmpuint (n_pages, <=, N_CLAUSES);

  pages = pdf_pages (path, n_pages);
  assert_footers (pages, "PC0999E");
  g_assert_nonnull (strstr (pages[0], "DRAFT RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL"));
  g_assert_nonnull (strstr (pages[0], "(Brussels, June 2024)"));
  annex = find_page (pages, "PRINCIPLE I - Facilitation");
  g_assert_cmpint (annex, >, 0);
  g_assert_true (g_str_has_prefix (pages[annex], "ANNEX PRINCIPLE I - Facilitation"));
  g_assert_cmpint (find_page (pages, "PRINCIPLE LXXX - Facilitation"), >, annex);

  /* Every footnote on the page that calls it: the call is in the first
   * line of its clause. */
  notes = index_numbers (pages, "Explanatory note ([0-9]+) is printed");
  calls = index_numbers (pages, "Clause bearing note ([0-9]+) calls");
  g_assert_cmpuint (g_hash_table_size (notes), ==, n_notes);
  g_assert_cmpuint (g_hash_table_size (calls), ==, n_notes);
  for (guint i = 1; i <= n_notes; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (notes, GUINT_TO_POINTER (i))), ==,
                      GPOINTER_TO_UINT (g_hash_table_lookup (calls, GUINT_TO_POINTER (i))));
}

/* ------------------------------------------------------------------ */

static void
test_arabic (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  DraftingNode *root = drafting_document_get_root (document);
  g_autofree char *path = output_path ("arabic.pdf");
  g_autoptr(DraftingNode) heading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const clauses[] = {
    "إذ يقر بأن التحول الرقمي للاقتصاد هو أحد المحركات الرئيسية في بيئة التجارة العالمية،",
    "وإذ يلاحظ أن رقمنة الاقتصاد قد أحدثت ثورة في الطريقة التي تبيع بها الشركات والمستهلكون البضائع وتشتريها، "
    "مما يوفر خيارات أوسع للمستهلكين،",
  };

  if (!have_poppler ())
    return;

  drafting_document_set_language (document, "ar");
  drafting_document_set_symbol (document, "PC0484A");
  heading = drafting_node_new_with_text (DRAFTING_KIND_HEADING, NULL,
                                         "قرار لجنة السياسة العامة لمنظمة الجمارك العالمية");
  drafting_document_insert (document, root, 0, heading, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      g_autoptr(DraftingNode) clause = drafting_node_new_with_text (DRAFTING_KIND_PREAMBLE_CLAUSE,
                                                                    NULL, clauses[i]);

      drafting_document_insert (document, root, i + 1, clause, &error);
      g_assert_no_error (error);
    }

  export_pdf (document, path);
  g_assert_cmpuint (pdf_n_pages (path), ==, 1);
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_assert_nonnull (strstr (text, "PC0484A"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

/* ------------------------------------------------------------------ */
/* Printing, through the dialog, to its "Print to File" printer       */

static GtkPrintSettings *
file_printer_settings (const char *path)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  return settings;
}

static gboolean
pdf_is_complete (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;

  /* The trailer ends the file, after binary streams. */
  for (gsize i = len; i >= 5 && i + 32 > len; i--)
    if (memcmp (data + i - 5, "%%EOF", 5) == 0)
      return TRUE;

  return FALSE;
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* The file backend may finish writing as the main loop runs. */
  while (g_get_monotonic_time () < deadline && !pdf_is_complete (path))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (pdf_is_complete (path));
}

typedef struct
{
  guint    source;
  guint    ticks;
  gboolean answered;
} DialogState;

/* Presses "Print" once the dialog has found the printer. */
static gboolean
answer_dialog (gpointer user_data)
{
  DialogState *state = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  state->ticks++;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *print;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") != 0 ||
          !gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;

      print = gtk_dialog_get_widget_for_response (GTK_DIALOG (window), GTK_RESPONSE_OK);
      if (print != NULL && gtk_widget_get_sensitive (print))
        {
          state->answered = TRUE;
          state->source = 0;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_OK);
          return G_SOURCE_REMOVE;
        }
      if (state->ticks > 300)
        {
          state->source = 0;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

static void
test_print_dialog (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingPrintOperation) operation = drafting_print_operation_new (document);
  g_autofree char *path = output_path ("dialog.pdf");
  g_autoptr(GtkPrintSettings) settings = file_printer_settings (path);
  g_autoptr(GError) error = NULL;
  DialogState state = { 0, 0, FALSE };
  GtkPrintOperationResult result;
  GtkWindow *parent;

  if (!have_poppler ())
    return;

  /* As the window runs it: the dialog over it. */
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  state.source = g_timeout_add (100, answer_dialog, &state);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  gtk_window_destroy (parent);
  g_clear_handle_id (&state.source, g_source_remove);
  if (!state.answered)
    {
      g_test_skip ("the print dialog found no printer");
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  wait_for_file (path);
  g_assert_cmpuint (pdf_n_pages (path), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  tmpdir = drafting_test_make_tmpdir ();

  g_test_add_func ("/drafting/print/resolution", test_resolution);
  g_test_add_func ("/drafting/print/communique", test_communique);
  g_test_add_func ("/drafting/print/arabic", test_arabic);
  g_test_add_func ("/drafting/print/large", test_large);
  g_test_add_func ("/drafting/print/dialog", test_print_dialog);

  status = g_test_run ();

  if (g_strcmp0 (g_getenv ("DRAFTING_TEST_KEEP"), "1") == 0)
    g_printerr ("# the PDFs are in %s\n", tmpdir);
  else
    drafting_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
