/* drafting-test-utils.c: what the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "drafting-test-utils.h"

/**
 * drafting_test_corpus_path:
 *
 * Returns: (transfer full): the path of a text of the corpus
 */
char *
drafting_test_corpus_path (const char *name)
{
  const char *dir = g_getenv ("DRAFTING_CORPUS_DIR");

  if (dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "data", "corpus", name, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * drafting_test_example_path:
 *
 * Returns: (transfer full): the path of a bundled example document
 */
char *
drafting_test_example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* A bundled example document, loaded. */
DraftingDocument *
drafting_test_load_example (const char *name)
{
  g_autofree char *path = drafting_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DraftingDocument *document = drafting_native_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return document;
}

DraftingDocument *
drafting_test_import_corpus (const char  *name,
                             GPtrArray  **warnings)
{
  g_autofree char *path = drafting_test_corpus_path (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  DraftingDocument *document;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);

  document = drafting_text_import (data, len, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

DraftingDocument *
drafting_test_import_string (const char  *text,
                             GPtrArray  **warnings)
{
  g_autoptr(GError) error = NULL;
  DraftingDocument *document;

  document = drafting_text_import (text, strlen (text), warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/**
 * drafting_test_new_relief_resolution:
 * @operative: the paragraphs after "RESOLVES:", as text is imported
 *
 * The short resolution of the Council on relief consignments that the
 * tests of amendments, revisions and their windows work on: its heading,
 * authority and one preambular clause, then @operative; its history
 * cleared.
 */
DraftingDocument *
drafting_test_new_relief_resolution (const char *operative)
{
  g_autofree char *text = g_strconcat ("RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n"
                                       "\n"
                                       "THE CUSTOMS CO-OPERATION COUNCIL,\n"
                                       "\n"
                                       "NOTING that natural disasters are increasing,\n"
                                       "\n"
                                       "RESOLVES:\n"
                                       "\n",
                                       operative, NULL);
  DraftingDocument *document = drafting_test_import_string (text, NULL);

  drafting_document_clear_history (document);
  return document;
}

/* A document in the native format, which must save. */
GBytes *
drafting_test_save_bytes (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = drafting_native_save_bytes (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

/**
 * drafting_test_find:
 * @nth: which one, from 0, in reading order
 *
 * Returns: (transfer none): the @nth element of @kind
 */
DraftingNode *
drafting_test_find (DraftingDocument *document,
                    DraftingKind      kind,
                    guint             nth)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), i);

      if (drafting_node_get_kind (node) == kind && nth-- == 0)
        return node;
    }

  g_assert_not_reached ();
}

guint
drafting_test_count_children (DraftingNode *node,
                              DraftingKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    if (drafting_node_get_kind (drafting_node_get_child (node, i)) == kind)
      n++;

  return n;
}

char *
drafting_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("drafting-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
drafting_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        drafting_test_remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

/**
 * drafting_test_files_set_up:
 * @example: the bundled example saved as the document, as
 *   "ecommerce-resolution.wcodraft"
 *
 * Makes a folder for a test that opens and saves a document: the example
 * saved there, and a store of drafts beside it.
 */
void
drafting_test_files_set_up (DraftingTestFiles *files,
                            const char        *example)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example (example);
  g_autofree char *drafts = NULL;
  g_autoptr(GError) error = NULL;

  files->dir = drafting_test_make_tmpdir ();
  files->path = g_build_filename (files->dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  files->file = g_file_new_for_path (files->path);
  drafts = g_build_filename (files->dir, "drafts", NULL);
  files->store = drafting_draft_store_new (drafts);

  g_assert_true (drafting_save_file (document, files->file, NULL, &error));
  g_assert_no_error (error);
}

/* Releases the locks the test left, and removes its folder. */
void
drafting_test_files_tear_down (DraftingTestFiles *files)
{
  drafting_file_lock_flush ();
  g_clear_object (&files->store);
  g_clear_object (&files->file);
  drafting_test_remove_tree (files->dir);
  g_clear_pointer (&files->dir, g_free);
  g_clear_pointer (&files->path, g_free);
}

/* A GAsyncReadyCallback that keeps the result in @user_data, a
 * GAsyncResult pointer, for drafting_test_wait_result(). */
void
drafting_test_on_result (GObject      *object G_GNUC_UNUSED,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Turns the main loop until @result is there, for 20 seconds at most. */
GAsyncResult *
drafting_test_wait_result (GAsyncResult **result)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);

  return *result;
}

void
drafting_test_run_clear (DraftingTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs wco-draft, the build's (named by $WCO_DRAFT), with the arguments
 * from @first to %NULL, and keeps what it printed and its exit status. */
void
drafting_test_run_tool_valist (DraftingTestRun *run,
                               const char      *first,
                               va_list          args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("WCO_DRAFT");

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (gpointer) tool);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

void
drafting_test_run_tool (DraftingTestRun *run,
                        const char      *first,
                        ...)
{
  va_list args;

  va_start (args, first);
  drafting_test_run_tool_valist (run, first, args);
  va_end (args);
}

/* An amendment of @delegation about @node, not proposed yet: a new
 * element of @node's kind after it, for an insertion; the proposed
 * wording, if any. The caller adds what else it is to say. */
DraftingAmendment *
drafting_test_amendment_new (DraftingAmendmentAction  action,
                             DraftingNode            *node,
                             const char              *delegation,
                             const char              *lead,
                             const char              *wording)
{
  DraftingAmendment *amendment = drafting_amendment_new (action, delegation);

  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  if (action == DRAFTING_AMENDMENT_INSERT)
    drafting_amendment_set_kind (amendment, drafting_node_get_kind (node));
  if (wording != NULL)
    {
      g_autoptr(DraftingInline) content = drafting_inline_new (wording);

      drafting_amendment_set_wording (amendment, lead, content);
    }

  return amendment;
}

/* Proposes @amendment, which it takes, to @document, and asserts that it
 * was. Returns it. */
DraftingAmendment *
drafting_test_propose (DraftingDocument  *document,
                       DraftingAmendment *amendment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);

  return amendment;
}
