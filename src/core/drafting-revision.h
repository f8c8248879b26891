/* drafting-revision.h: a text as the Secretariat issued it: Draft, Rev.1, Adopted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-compare.h"
#include "drafting-document.h"

G_BEGIN_DECLS

/* The longest label of a revision, in characters, and the most revisions a
 * document keeps: a file with more is refused. */
#define DRAFTING_REVISION_MAX_LABEL 100
#define DRAFTING_MAX_REVISIONS      1000

#define DRAFTING_TYPE_REVISION (drafting_revision_get_type ())

G_DECLARE_FINAL_TYPE (DraftingRevision, drafting_revision, DRAFTING, REVISION, GObject)

const char         *drafting_revision_get_label       (DraftingRevision  *self);
GDateTime          *drafting_revision_get_date        (DraftingRevision  *self);
DraftingStatus      drafting_revision_get_status      (DraftingRevision  *self);
DraftingDocument   *drafting_revision_get_document    (DraftingRevision  *self);
DraftingNode       *drafting_revision_get_root        (DraftingRevision  *self);
char               *drafting_revision_get_text        (DraftingRevision  *self);
char               *drafting_revision_format_date     (DraftingRevision  *self);

/* The revisions a document keeps: drafting-document-revisions.c. Issuing
 * one is a change, undone and redone as any other. */
GListModel         *drafting_document_get_revisions   (DraftingDocument  *self);
DraftingRevision   *drafting_document_lookup_revision (DraftingDocument  *self,
                                                       const char        *label);
gboolean            drafting_document_revise          (DraftingDocument  *self,
                                                       const char        *label,
                                                       GError           **error);
char               *drafting_document_suggest_revision_label (DraftingDocument *self);
DraftingComparison *drafting_document_compare         (DraftingDocument  *self,
                                                       const char        *from,
                                                       const char        *to,
                                                       GError           **error);

G_END_DECLS
