/* drafting-test-utils.h: what the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"
#include "drafting-text-utils.h"

G_BEGIN_DECLS

char             *drafting_test_corpus_path   (const char       *name);
char             *drafting_test_example_path  (const char       *name);
DraftingDocument *drafting_test_load_example  (const char       *name);
DraftingDocument *drafting_test_import_corpus (const char       *name,
                                               GPtrArray       **warnings);
DraftingDocument *drafting_test_import_string (const char       *text,
                                               GPtrArray       **warnings);
DraftingDocument *drafting_test_new_relief_resolution (const char *operative);
GBytes           *drafting_test_save_bytes    (DraftingDocument *document);

/* The three paragraphs of the relief resolution, the second with two
 * sub-paragraphs; and the same without them. */
#define DRAFTING_TEST_RELIEF_PARAGRAPHS \
  "1. Members should simplify the clearance of relief consignments;\n" \
  "\n" \
  "2. Members should share information with other border agencies:\n" \
  "(a) before a disaster;\n" \
  "(b) during a disaster; and\n" \
  "\n" \
  "3. The Secretariat should report to the Council every year.\n"
#define DRAFTING_TEST_RELIEF_PARAGRAPHS_FLAT \
  "1. Members should simplify the clearance of relief consignments;\n" \
  "\n" \
  "2. Members should share information with other border agencies;\n" \
  "\n" \
  "3. The Secretariat should report to the Council every year.\n"
DraftingNode     *drafting_test_find          (DraftingDocument *document,
                                               DraftingKind      kind,
                                               guint             nth);
guint             drafting_test_count_children (DraftingNode    *node,
                                                DraftingKind     kind);
char             *drafting_test_make_tmpdir    (void);
void              drafting_test_remove_tree    (const char      *path);

/**
 * DraftingTestFiles:
 * @dir: a folder of the test's own
 * @path: a document saved in it, as a person's file
 * @file: the same
 * @store: a store of drafts in it
 */
typedef struct
{
  char               *dir;
  char               *path;
  GFile              *file;
  DraftingDraftStore *store;
} DraftingTestFiles;

void              drafting_test_files_set_up    (DraftingTestFiles *files,
                                                 const char        *example);
void              drafting_test_files_tear_down (DraftingTestFiles *files);

void              drafting_test_on_result      (GObject         *object,
                                                GAsyncResult    *result,
                                                gpointer         user_data);
GAsyncResult     *drafting_test_wait_result    (GAsyncResult   **result);

DraftingAmendment *drafting_test_amendment_new (DraftingAmendmentAction  action,
                                               DraftingNode            *node,
                                               const char              *delegation,
                                               const char              *lead,
                                               const char              *wording);
DraftingAmendment *drafting_test_propose      (DraftingDocument        *document,
                                               DraftingAmendment       *amendment);

/* What a run of wco-draft (the tool named by $WCO_DRAFT) gave. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} DraftingTestRun;

void              drafting_test_run_clear      (DraftingTestRun *run);
void              drafting_test_run_tool       (DraftingTestRun *run,
                                                const char      *first,
                                                ...) G_GNUC_NULL_TERMINATED;
void              drafting_test_run_tool_valist (DraftingTestRun *run,
                                                 const char      *first,
                                                 va_list          args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DraftingTestRun, drafting_test_run_clear)

G_END_DECLS
