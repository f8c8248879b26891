/* drafting-compilation.h: the amendments to a document, in the order of its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-document.h"
#include "drafting-language.h"
#include "drafting-marked-text.h"

G_BEGIN_DECLS

/**
 * DraftingCompilationEntry:
 * @amendment: the amendment
 * @element: what it is about, in the document's language: "Operative
 *   paragraph 3", or for an insertion "After: operative paragraph 3"
 * @destination: (nullable): for a move, where the element goes
 * @present: the wording it changes as it stands, "" for an insertion
 * @proposed: the wording as proposed, the words deleted and inserted
 *   marked: all inserted for an insertion, all deleted for a deletion
 * @delegation: the delegation that proposes it
 * @cosponsors: (nullable): the co-sponsors, after the document's word
 *   for them ("Co-sponsors: Japan, Kenya")
 * @justification: (nullable): the delegation's reasons
 * @status: its status, in the document's language
 *
 * One row of a compilation of amendments: everything a table of them
 * prints, in the words of the document's language.
 */
typedef struct
{
  DraftingAmendment  *amendment;
  char               *element;
  char               *destination;
  char               *present;
  DraftingMarkedText *proposed;
  const char         *delegation;
  char               *cosponsors;
  const char         *justification;
  const char         *status;
} DraftingCompilationEntry;

GPtrArray *drafting_compilation_build (DraftingDocument   *document,
                                       const char * const *delegations);

G_END_DECLS
