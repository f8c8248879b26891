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
GBytes           *drafting_test_save_bytes    (DraftingDocument *document);
DraftingNode     *drafting_test_find          (DraftingDocument *document,
                                               DraftingKind      kind,
                                               guint             nth);
guint             drafting_test_count_children (DraftingNode    *node,
                                                DraftingKind     kind);
char             *drafting_test_make_tmpdir    (void);
void              drafting_test_remove_tree    (const char      *path);

G_END_DECLS
