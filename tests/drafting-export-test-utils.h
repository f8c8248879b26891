/* drafting-export-test-utils.h: what the tests of the ODT and DOCX exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"

G_BEGIN_DECLS

/**
 * DraftingExportTestFixture:
 * @dir: a folder of the test's own, removed after it
 */
typedef struct
{
  char *dir;
} DraftingExportTestFixture;

/**
 * DraftingExportTestFormat:
 * @extension: the extension of its files: ".odt"
 * @write: how it writes a document's present text: drafting_odt_write()
 * @write_compilation: how it writes the compilation of a document's
 *   amendments: drafting_odt_write_compilation()
 *
 * One of the formats a document is exported to, for a test to write it.
 */
typedef struct
{
  const char *extension;
  GBytes     *(*write) (DraftingDocument  *document,
                        GError           **error);
  GBytes     *(*write_compilation) (DraftingDocument    *document,
                                    const char * const  *delegations,
                                    GError             **error);
} DraftingExportTestFormat;

/* The documents each export is tried on, %NULL-terminated: the two
 * examples and the relief resolution. */
extern const char * const drafting_export_test_documents[];

void              drafting_export_test_set_up      (DraftingExportTestFixture      *fixture,
                                                    gconstpointer                   data);
void              drafting_export_test_tear_down   (DraftingExportTestFixture      *fixture,
                                                    gconstpointer                   data);
DraftingDocument *drafting_export_test_load        (const char                     *name);
char             *drafting_export_test_save        (DraftingExportTestFixture      *fixture,
                                                    const DraftingExportTestFormat *format,
                                                    GBytes                         *package,
                                                    const char                     *name);
char             *drafting_export_test_write       (DraftingExportTestFixture      *fixture,
                                                    const DraftingExportTestFormat *format,
                                                    DraftingDocument               *document,
                                                    const char                     *name);
char             *drafting_export_test_read_entry  (const char                     *path,
                                                    const char                     *name,
                                                    gsize                          *length);
gboolean          drafting_export_test_run         (const char * const             *argv,
                                                    char                          **output);
void              drafting_export_test_libreoffice (DraftingExportTestFixture      *fixture,
                                                    gconstpointer                   data);

void              drafting_export_test_propose            (DraftingDocument        *document,
                                                           DraftingAmendmentAction  action,
                                                           DraftingNode            *node,
                                                           DraftingNode            *destination,
                                                           const char              *delegation,
                                                           const char              *cosponsor,
                                                           const char              *wording);
DraftingDocument *drafting_export_test_amended_relief     (void);
DraftingDocument *drafting_export_test_amended_resolution (void);
DraftingDocument *drafting_export_test_footnote_calls     (void);
gboolean          drafting_export_test_is_proposer        (DraftingDocument        *document,
                                                           const char              *author);
void              drafting_export_test_assert_tracked     (const char              *path,
                                                           DraftingDocument        *document,
                                                           const char              *name);
char             *drafting_export_test_write_compilation  (DraftingExportTestFixture      *fixture,
                                                           const DraftingExportTestFormat *format,
                                                           DraftingDocument               *document,
                                                           const char * const             *delegations,
                                                           const char                     *name);
void              drafting_export_test_compilation        (DraftingExportTestFixture      *fixture,
                                                           gconstpointer                   data);

G_END_DECLS
