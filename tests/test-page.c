/* test-page.c: what a page tells the person of its file, and how it saves and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include <zip.h>

#include "drafting-export.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page-private.h"
#include "drafting-pdf-export.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

#define WAIT_TIMEOUT_S 20

typedef struct
{
  DraftingTestFiles   files;
  GtkWidget          *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  drafting_test_files_set_up (&fixture->files, "ecommerce-resolution.wcodraft");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  GList *toplevels;

  if (fixture->window != NULL)
    drafting_gui_test_destroy (fixture->window);

  /* Dialogs the test left open. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  drafting_gui_test_iterate ();

  drafting_test_files_tear_down (&fixture->files);
}

static DraftingPage *
open_page (Fixture           *fixture,
           DraftingLoadFlags  flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  g_autoptr(GError) error = NULL;
  DraftingPage *page;

  drafting_document_file_load_async (fixture->files.file, fixture->files.store, flags, NULL, drafting_test_on_result, &result);
  document_file = drafting_document_file_load_finish (drafting_test_wait_result (&result), NULL, NULL, &error);
  g_assert_no_error (error);

  page = drafting_page_new_for_document_file (document_file);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (page));
  drafting_gui_test_present (fixture->window);

  return page;
}

/* Turns the main loop until the bar @name of @page is shown. */
static GtkWidget *
wait_bar (DraftingPage *page,
          const char   *name)
{
  GtkWidget *bar = drafting_gui_test_find_named (GTK_WIDGET (page), name);
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  g_assert_nonnull (bar);
  while (!(gtk_widget_get_visible (bar) && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar))) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return gtk_widget_get_visible (bar) ? bar : NULL;
}

/* All the text of the labels in @widget. */
static char *
text_of (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *inner = text_of (child);

      g_string_append (text, inner);
    }

  return g_string_free (text, FALSE);
}

/* The window on screen of @type other than the page's, if any. */
static GtkWidget *
find_toplevel (Fixture *fixture,
               GType    type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static GtkWidget *
wait_toplevel (Fixture *fixture,
               GType    type)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = find_toplevel (fixture, type)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return found;
}

static char *
read_contents (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

static void
edit (DraftingPage *page,
      const char   *words)
{
  DraftingDocument *document = drafting_page_get_document (page);
  g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), 0);

  drafting_document_replace_text (document, node, 0, 0, words);
}

/* ------------------------------------------------------------------ */
/* Read-only                                                           */

/* Save on a document opened read-only asks for another name, and never
 * writes over its file. */
static void
test_read_only_save (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  DraftingPage *page = open_page (fixture, DRAFTING_LOAD_READ_ONLY);
  g_autofree char *before = read_contents (fixture->files.path);
  g_autofree char *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  g_assert_true (drafting_page_get_read_only (page));
  g_assert_nonnull (strstr (drafting_page_get_subtitle (page), "Read-Only"));

  drafting_page_save_async (page, FALSE, NULL, drafting_test_on_result, &result);
  chooser = wait_toplevel (fixture, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                 GTK_FILE_CHOOSER_ACTION_SAVE);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_false (drafting_page_save_finish (page, drafting_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The chooser reads its folder in the background: it ends first. */
  drafting_gui_test_wait_frames (fixture->window, 30);

  after = read_contents (fixture->files.path);
  g_assert_cmpstr (after, ==, before);
}

/* GTK 4.8's file chooser leaks a little each time it is shown, in its own
 * threads as well as in this one: the test that shows it runs in a process
 * of its own, which ends without the leak check. */
static void
test_read_only_save_in_child (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { NULL, };

      fixture_set_up (&fixture, NULL);
      test_read_only_save (&fixture, NULL);
      fixture_tear_down (&fixture, NULL);
      fflush (stdout);
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Changes on disk                                                     */

static void
on_dialog_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    char            **out)
{
  *out = g_strdup (response);
}

/* Someone else changes the file: the page says so at once, with Reload;
 * Save then asks before overwriting their version, and Cancel leaves it. */
static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  DraftingPage *page = open_page (fixture, DRAFTING_LOAD_NONE);
  g_autoptr(DraftingDocument) theirs = drafting_document_new_from_template (DRAFTING_DOCUMENT_COMMUNIQUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *response = NULL;
  GtkWidget *bar;
  GtkWidget *dialog;

  drafting_document_set_title (theirs, "Their version");
  bytes = drafting_native_save_bytes (theirs, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  edit (page, "Ours ");
  g_assert_true (g_file_set_contents (fixture->files.path, text, -1, NULL));

  bar = wait_bar (page, "file-bar");
  g_assert_nonnull (bar);
  shown = text_of (bar);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "Has Changed on Disk"));
  g_assert_nonnull (strstr (shown, "Reload"));

  /* Save asks first; Cancel leaves their version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.save", NULL));
  dialog = wait_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "Has Changed on Disk"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "overwrite"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), &response);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  drafting_gui_test_iterate ();
  g_assert_cmpstr (response, ==, "cancel");
  after = read_contents (fixture->files.path);
  g_assert_cmpstr (after, ==, text);
  g_assert_true (drafting_page_get_modified (page));

  /* Reload, confirmed, shows their version. */
  gtk_info_bar_response (GTK_INFO_BAR (bar), 1);
  dialog = wait_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  {
    gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

    while (g_strcmp0 (drafting_document_get_title (drafting_page_get_document (page)), "Their version") != 0 &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpstr (drafting_document_get_title (drafting_page_get_document (page)), ==, "Their version");
  g_assert_false (drafting_page_get_modified (page));
  drafting_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (bar));
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

/* A save that fails says so in the page, in a person's words, until it
 * is dealt with. */
static void
test_save_error (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  DraftingPage *page = open_page (fixture, DRAFTING_LOAD_NONE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *bar;

  edit (page, "Unsaved ");

  /* The folder is gone. */
  drafting_test_remove_tree (fixture->files.dir);

  drafting_page_save_async (page, FALSE, NULL, drafting_test_on_result, &result);
  g_assert_false (drafting_page_save_finish (page, drafting_test_wait_result (&result), &error));
  g_assert_nonnull (error);

  bar = wait_bar (page, "save-bar");
  g_assert_nonnull (bar);
  shown = text_of (bar);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "Could Not Be Saved"));
  g_assert_nonnull (strstr (shown, "does not exist"));
  g_assert_null (strstr (shown, ".XXXXXX"));
  g_assert_null (strstr (shown, "Failed to"));
  g_assert_true (drafting_page_get_modified (page));
}

/* The drafts of unsaved changes cannot be written (the disk is full): the
 * page says the work is no longer being kept. */
static void
test_draft_error (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (300, NULL);
  g_autoptr(DraftingDocumentFile) document_file = drafting_document_file_new (document, NULL,
                                                                              fixture->files.store);
  DraftingPage *page = drafting_page_new_for_document_file (document_file);
  g_autofree char *shown = NULL;
  struct rlimit saved;
  struct rlimit limit;
  void (*previous) (int);
  GtkWidget *bar;

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (page));
  drafting_gui_test_present (fixture->window);
  edit (page, "Unsaved ");

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limit = saved;
  limit.rlim_cur = 16 * 1024;
  previous = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));

  drafting_document_file_save_draft (document_file);
  bar = wait_bar (page, "draft-bar");

  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, previous);

  g_assert_nonnull (bar);
  shown = text_of (bar);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "Not Being Kept"));
  g_assert_nonnull (strstr (shown, "room"));
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

static DraftingPage *
show_document_file (Fixture          *fixture,
                    DraftingDocument *document,
                    GFile            *file)
{
  g_autoptr(DraftingDocumentFile) document_file = drafting_document_file_new (document, file,
                                                                              fixture->files.store);
  DraftingPage *page = drafting_page_new_for_document_file (document_file);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (page));
  drafting_gui_test_present (fixture->window);

  return page;
}

static DraftingPage *
show_document (Fixture          *fixture,
               DraftingDocument *document)
{
  return show_document_file (fixture, document, NULL);
}

/* A new document is named after its title, when it has one, and Save As
 * proposes the title as the file's name. */
static void
test_new_named (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *current = NULL;
  DraftingPage *page;
  GtkWidget *chooser;

  drafting_document_set_title (document, "Resolution on Data Exchange: Draft 2");
  page = show_document (fixture, document);
  g_assert_cmpstr (drafting_page_get_name (page), ==, "Resolution on Data Exchange: Draft 2");

  name = _drafting_page_propose_file (page, DRAFTING_NATIVE_EXTENSION, &folder);
  g_assert_cmpstr (name, ==, "Resolution on Data Exchange- Draft 2.wcodraft");
  g_assert_null (folder);

  /* The chooser itself shows it. */
  drafting_page_save_async (page, FALSE, NULL, drafting_test_on_result, &result);
  chooser = wait_toplevel (fixture, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (current, ==, "Resolution on Data Exchange- Draft 2.wcodraft");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_false (drafting_page_save_finish (page, drafting_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  drafting_gui_test_wait_frames (fixture->window, 30);
}

static void
test_new_named_in_child (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { NULL, };

      fixture_set_up (&fixture, NULL);
      test_new_named (&fixture, NULL);
      fixture_tear_down (&fixture, NULL);
      fflush (stdout);
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

/* What pdfinfo says of @path: "Title:", "Author:", "Creator:". */
static char *
pdf_info (const char *path,
          const char *key)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { pdfinfo, "-enc", "UTF-8", path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key))
      return g_strstrip (g_strdup (lines[i] + strlen (key)));

  return NULL;
}

static void
export_and_wait (DraftingDocument *document,
                 GFile            *file,
                 const char       *title)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  drafting_pdf_export_titled_async (document, file, title, NULL, drafting_test_on_result, &result);
  g_assert_true (drafting_pdf_export_finish (drafting_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* The PDF carries the document's title, else the name it is known by,
 * its issuing body as author and Drafting as creator. */
static void
test_pdf_metadata (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autofree char *path = g_build_filename (fixture->files.dir, "resolution.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  export_and_wait (document, file, "resolution");
  title = pdf_info (path, "Title:");
  author = pdf_info (path, "Author:");
  creator = pdf_info (path, "Creator:");
  g_assert_cmpstr (title, ==, drafting_document_get_title (document));
  g_assert_cmpstr (author, ==, "Policy Commission");
  g_assert_cmpstr (creator, ==, "Drafting");

  /* No title of its own: the name of its tab. */
  drafting_document_set_title (document, "");
  export_and_wait (document, file, "council-resolution");
  untitled = pdf_info (path, "Title:");
  g_assert_cmpstr (untitled, ==, "council-resolution");
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toast that says the PDF is written has a button that opens it. */
static void
test_pdf_toast_opens (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autofree char *path = g_build_filename (fixture->files.dir, "resolution.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  DraftingPage *page = show_document (fixture, document);
  GtkWidget *overlay = drafting_gui_test_find_of_type (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);
  GtkButton *open = NULL;
  GVariant *target;
  GtkWidget *found[1] = { NULL, };

  _drafting_page_show_exported (page, file);
  drafting_gui_test_wait_frames (fixture->window, 5);

  found[0] = find_labelled_button (overlay, "_Open");
  g_assert_nonnull (found[0]);
  open = GTK_BUTTON (found[0]);
  g_assert_cmpstr (gtk_button_get_label (open), ==, "_Open");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "document.open-uri");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_assert_true (g_action_group_has_action (drafting_page_get_actions (page), "open-uri"));
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

/* The export filters, as the chooser names them, first the one chosen at first. */
static const char * const export_filters[] = {
  "PDF", "OpenDocument Text", "Word", "Akoma Ntoso XML",
  "Compilation of Amendments (OpenDocument Text)", "Compilation of Amendments (Word)",
};

typedef enum
{
  SHOWS_PRESENT,   /* the present text, no amendment in it */
  SHOWS_TRACKED,   /* the amendments as tracked changes */
  SHOWS_PROPOSED,  /* the text as proposed, clean */
  SHOWS_COMPILATION, /* the table of the amendments */
} Shows;

/**
 * ExportCase:
 * @action: (nullable): the action that opens the chooser, if not
 *   "document.export": its older name, Export as PDF's, does too
 * @view: the view the text is in: "clean", "marked" or "proposed"
 * @filter: (nullable): the filter chosen, or %NULL for the first, PDF
 * @name: (nullable): the name typed, or %NULL to keep the one proposed
 * @written: the name of the file written
 * @toast: what the toast says once it is
 * @shows: what is in it
 * @long_document: a resolution of 1,000 clauses, edited while it is
 *   exported, rather than the example with amendments
 * @folder_gone: the folder chosen is removed as soon as the export has
 *   begun: it fails
 */
typedef struct
{
  const char *action;
  const char *view;
  const char *filter;
  const char *name;
  const char *written;
  const char *toast;
  Shows       shows;
  gboolean    long_document;
  gboolean    folder_gone;
} ExportCase;

static const ExportCase export_odt_marked = {
  .view = "marked", .filter = "OpenDocument Text", .written = ".odt",
  .toast = "Exported as OpenDocument Text", .shows = SHOWS_TRACKED,
};
static const ExportCase export_docx_marked = {
  .action = "document.export-pdf",
  .view = "marked", .name = "exported.docx", .written = "exported.docx",
  .toast = "Exported as Word", .shows = SHOWS_TRACKED,
};
static const ExportCase export_odt_proposed = {
  .view = "proposed", .filter = "OpenDocument Text", .name = "exported", .written = "exported.odt",
  .toast = "Exported as OpenDocument Text", .shows = SHOWS_PROPOSED,
};
static const ExportCase export_akn_marked = {
  .view = "marked", .filter = "Akoma Ntoso XML", .written = ".xml",
  .toast = "Exported as Akoma Ntoso XML", .shows = SHOWS_PRESENT,
};
static const ExportCase export_compilation = {
  .view = "marked", .filter = "Compilation of Amendments (Word)", .written = ".docx",
  .toast = "Compilation of amendments exported", .shows = SHOWS_COMPILATION,
};
static const ExportCase export_long = {
  .view = "clean", .name = "long", .written = "long.pdf", .toast = "Exported as PDF",
  .shows = SHOWS_PRESENT, .long_document = TRUE,
};
static const ExportCase export_failed = {
  .view = "clean", .filter = "Word", .name = "failed", .written = "failed.docx",
  .toast = "Could Not Export as Word", .long_document = TRUE, .folder_gone = TRUE,
};

/* The example, with France's rewording of its first preambular clause
 * and Kenya's deletion of the second. */
static DraftingDocument *
amended_example (void)
{
  g_autoptr(DraftingDocument) document = NULL;
  DraftingAmendment *rewording;
  DraftingAmendment *deletion;
  DraftingNode *first;
  DraftingNode *second;

  document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  first = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  second = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 1);
  g_assert_true (g_str_has_prefix (drafting_node_get_text (first),
                                   "that the digital transformation"));

  rewording = drafting_test_amendment_new (DRAFTING_AMENDMENT_REPLACE, first, "France", NULL,
                                           "that the digital transformation of the economy is "
                                           "now the key driver in the global trade environment,");
  deletion = drafting_test_amendment_new (DRAFTING_AMENDMENT_DELETE, second, "Kenya", NULL, NULL);
  g_object_unref (drafting_test_propose (document, rewording));
  g_object_unref (drafting_test_propose (document, deletion));

  return g_steal_pointer (&document);
}

/* An entry of the zip package @path, with a nul after it; %NULL if none. */
static char *
zip_entry (const char *path,
           const char *name)
{
  zip_t *archive = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t stat;
  zip_file_t *file;
  char *data = NULL;

  g_assert_nonnull (archive);
  if (zip_stat (archive, name, 0, &stat) == 0 && (file = zip_fopen (archive, name, 0)) != NULL)
    {
      data = g_malloc0 (stat.size + 1);
      g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
      zip_fclose (file);
    }
  zip_close (archive);

  return data;
}

static void
assert_exported_shows (const char *path,
                       Shows       shows)
{
  DraftingExportFormat format = drafting_export_format_for_name (path);
  g_autofree char *contents = NULL;
  g_autofree char *part = NULL;
  const char *france = "is now the key driver in the global trade environment";
  const char *present = "is one of the key drivers in the global trade environment";

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  switch (format)
    {
    case DRAFTING_EXPORT_FORMAT_ODT:
      part = zip_entry (path, "content.xml");
      g_assert_nonnull (part);
      g_assert_true ((strstr (part, "<text:tracked-changes") != NULL) == (shows == SHOWS_TRACKED));
      g_assert_true ((strstr (part, france) != NULL) == (shows == SHOWS_PROPOSED));
      g_assert_true ((strstr (part, present) != NULL) == (shows == SHOWS_PRESENT));
      break;

    case DRAFTING_EXPORT_FORMAT_DOCX:
      part = zip_entry (path, "word/document.xml");
      g_assert_nonnull (part);
      /* The table: a heading row, then France's and Kenya's. */
      g_assert_true ((strstr (part, "<w:tblHeader/>") != NULL) == (shows == SHOWS_COMPILATION));
      if (shows == SHOWS_COMPILATION)
        {
          g_assert_nonnull (strstr (part, ">Compilation of amendments<"));
          g_assert_nonnull (strstr (part, ">France<"));
          g_assert_nonnull (strstr (part, ">Kenya<"));
          break;
        }
      g_assert_true ((strstr (part, "<w:ins ") != NULL) == (shows == SHOWS_TRACKED));
      g_assert_true ((strstr (part, "<w:del ") != NULL) == (shows == SHOWS_TRACKED));
      break;

    case DRAFTING_EXPORT_FORMAT_AKN:
      g_assert_true (shows == SHOWS_PRESENT);
      g_assert_nonnull (strstr (contents, "<akomaNtoso"));
      g_assert_nonnull (strstr (contents, present));
      g_assert_null (strstr (contents, france));
      break;

    case DRAFTING_EXPORT_FORMAT_PDF:
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      break;

    case DRAFTING_EXPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static const char *
chosen_filter (GtkWidget *chooser)
{
  return gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)));
}

/* The main loop, once the chooser is answered and the export has begun:
 * how often a timeout of 5 ms ticked, the longest it waited, and an edit
 * made from it. */
typedef struct
{
  DraftingPage *page;
  GtkWidget    *chooser;
  guint         ticks;
  gint64        begun;
  gint64        last;
  gint64        longest;
  gboolean      edited;
} Ticking;

static gboolean
on_export_tick (gpointer user_data)
{
  Ticking *ticking = user_data;
  gint64 now = g_get_monotonic_time ();

  if (ticking->chooser != NULL && gtk_widget_get_visible (ticking->chooser))
    return G_SOURCE_CONTINUE;

  if (ticking->last > 0)
    ticking->longest = MAX (ticking->longest, now - ticking->last);
  else
    ticking->begun = now;
  ticking->last = now;
  ticking->ticks++;

  /* The text is edited while it is exported. */
  if (ticking->ticks == 2)
    {
      edit (ticking->page, "Edited meanwhile ");
      ticking->edited = TRUE;
    }

  return G_SOURCE_CONTINUE;
}

/* Runs once the export has begun: the chooser's own check of the name,
 * which holds the first answer back, and the page have had theirs. */
static void
remove_folder_on_response (GtkDialog  *chooser G_GNUC_UNUSED,
                           int         response,
                           const char *folder)
{
  if (response == GTK_RESPONSE_ACCEPT)
    drafting_test_remove_tree (folder);
}

/* File ▸ Export, as a person does it: the chooser, its filters and the
 * name it proposes, what is written in each view, the toast, or what
 * says it failed; the main loop turning all the while. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  const ExportCase *c = data;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *followed = NULL;
  g_autofree char *folder_path = g_build_filename (fixture->files.dir, "exports", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) document_file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  Ticking ticking = { NULL, };
  DraftingPage *page;
  GtkWidget *overlay;
  GtkWidget *chooser;
  GtkWidget *dialog = NULL;
  gint64 end;
  guint ticker;

  /* A document opened from a file: Export proposes to write beside it. */
  document = c->long_document ? drafting_test_generate_resolution (1000, NULL) : amended_example ();
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  document_file = g_file_get_child (folder, "amended.wcodraft");
  g_assert_true (drafting_native_save_file (document, document_file, NULL, &error));
  g_assert_no_error (error);
  page = show_document_file (fixture, document, document_file);
  overlay = drafting_gui_test_find_of_type (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.view-mode", "s",
                                             c->view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             c->action != NULL ? c->action : "document.export",
                                             NULL));
  chooser = wait_toplevel (fixture, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export");
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                 GTK_FILE_CHOOSER_ACTION_SAVE);

  /* A filter for each format, PDF chosen, and the name proposed a PDF's. */
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (export_filters));
  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, export_filters[i]);
    }
  g_assert_cmpstr (chosen_filter (chooser), ==, "PDF");
  proposed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_test_message ("proposed: %s", proposed);
  g_assert_cmpstr (proposed, ==, "amended.pdf");

  /* Another filter: the name follows it. */
  if (c->filter != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
        {
          g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

          if (g_strcmp0 (gtk_file_filter_get_name (filter), c->filter) == 0)
            gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
        }
      g_assert_cmpstr (chosen_filter (chooser), ==, c->filter);
      followed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_test_message ("with the filter %s: %s", c->filter, followed);
      g_assert_cmpuint (strlen (followed), >, strlen (".pdf"));
      g_assert_true (strncmp (followed, proposed, strlen (proposed) - strlen (".pdf")) == 0);
      g_assert_true (drafting_export_format_for_name (followed) ==
                     drafting_export_format_for_name (c->written));
    }

  if (c->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), c->name);
  if (c->written[0] == '.')
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_true (g_str_has_suffix (name, c->written));
      path = g_build_filename (folder_path, name, NULL);
    }
  else
    path = g_build_filename (folder_path, c->written, NULL);

  /* The chooser goes to the folder in the background: it answers for the
   * name typed there only once it is there, beside the document. */
  end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));

      if (current != NULL && g_file_equal (current, folder))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  drafting_gui_test_wait_frames (chooser, 5);
  if (c->folder_gone)
    g_signal_connect (chooser, "response", G_CALLBACK (remove_folder_on_response), folder_path);

  /* Export: the main loop turns on, and the text may be edited. */
  ticking.page = page;
  ticking.chooser = chooser;
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &ticking.chooser);
  ticker = g_timeout_add (5, on_export_tick, &ticking);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  end = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_free (shown);
      shown = text_of (overlay);
      if (strstr (shown, c->toast) != NULL ||
          (dialog = find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG)) != NULL)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (ticker);
  g_clear_weak_pointer (&ticking.chooser);
  g_test_message ("exported in the background in %.0f ms: the main loop ticked %u times every "
                  "5 ms, waiting %.1f ms at most",
                  ticking.begun > 0 ? (g_get_monotonic_time () - ticking.begun) / 1000.0 : 0.0,
                  ticking.ticks, ticking.longest / 1000.0);

  if (c->folder_gone)
    {
      g_autofree char *body = NULL;

      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, c->toast);
      body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      g_test_message ("%s", body);
      g_assert_cmpstr (body, ==, "The Word document could not be written to “failed.docx”: "
                                 "the folder “exports” does not exist");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }

  g_assert_null (dialog);
  g_assert_nonnull (strstr (shown, c->toast));
  g_assert_nonnull (find_labelled_button (overlay, "_Open"));
  assert_exported_shows (path, c->shows);

  if (c->long_document)
    {
      g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

      /* The window went on while the pages were laid out, and was edited:
       * the PDF has the text as it was when Export was chosen. */
      g_assert_cmpuint (ticking.ticks, >, 10);
      g_assert_true (ticking.edited);
      g_assert_true (drafting_page_get_modified (page));
      if (pdftotext != NULL)
        {
          const char *argv[] = { pdftotext, "-l", "1", path, "-", NULL };
          g_autofree char *words = NULL;
          int status;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                       NULL, &words, NULL, &status, NULL));
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_null (strstr (words, "Edited meanwhile"));
        }
    }
}

/* GTK 4.8's file chooser leaks a little each time it is shown: each
 * export through it runs in a process of its own, as above. */
static void
test_export_in_child (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { NULL, };

      fixture_set_up (&fixture, NULL);
      test_export (&fixture, data);
      fixture_tear_down (&fixture, NULL);
      fflush (stdout);
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/page/read-only/save-asks-for-a-name", test_read_only_save_in_child);
  ADD ("changed-on-disk/told-and-asked", test_changed_on_disk);
  ADD ("errors/save", test_save_error);
  ADD ("errors/draft", test_draft_error);
  g_test_add_func ("/page/names/new-document", test_new_named_in_child);
  ADD ("pdf/metadata", test_pdf_metadata);
  ADD ("pdf/toast-opens", test_pdf_toast_opens);
#define ADD_EXPORT(path, data) \
  g_test_add_data_func ("/page/export/" path, &data, test_export_in_child)

  ADD_EXPORT ("odt-marked-is-tracked", export_odt_marked);
  ADD_EXPORT ("compilation-in-any-view", export_compilation);
  ADD_EXPORT ("docx-marked-is-tracked", export_docx_marked);
  ADD_EXPORT ("odt-proposed-is-clean", export_odt_proposed);
  ADD_EXPORT ("akn-is-the-present-text", export_akn_marked);
  ADD_EXPORT ("long-in-the-background", export_long);
  ADD_EXPORT ("failure-said", export_failed);

#undef ADD_EXPORT

#undef ADD

  return g_test_run ();
}
