/* drafting-kind.h: the kinds of element a document is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DraftingKind:
 *
 * What an element of a resolution or communiqué is. The names (see
 * drafting_kind_to_string()) are those of the native format's elements and
 * of `wco-draft outline --json`.
 */
typedef enum
{
  DRAFTING_KIND_DOCUMENT,            /* the root, never in an outline */
  DRAFTING_KIND_HEADING,
  DRAFTING_KIND_PLACE_DATE,
  DRAFTING_KIND_AUTHORITY,
  DRAFTING_KIND_PREAMBLE_CLAUSE,
  DRAFTING_KIND_OPERATIVE_FORMULA,
  DRAFTING_KIND_OPERATIVE_PARAGRAPH,
  DRAFTING_KIND_SUB_PARAGRAPH,
  DRAFTING_KIND_ANNEX,
  DRAFTING_KIND_PRINCIPLE,
  DRAFTING_KIND_SECTION,
  DRAFTING_KIND_ITEM,
  DRAFTING_KIND_OCCASION,
  DRAFTING_KIND_TITLE,
  DRAFTING_KIND_NARRATIVE_PARAGRAPH,
  DRAFTING_KIND_SPEAKER_FORMULA,
  DRAFTING_KIND_STATEMENT,
  DRAFTING_KIND_FOOTNOTE,
  DRAFTING_KIND_PARAGRAPH,
  DRAFTING_N_KINDS,
} DraftingKind;

#define DRAFTING_KIND_INVALID ((DraftingKind) DRAFTING_N_KINDS)

/* The deepest an element may sit below the root: deeper files are refused. */
#define DRAFTING_MAX_DEPTH 16

const char   *drafting_kind_to_string            (DraftingKind  kind);
DraftingKind  drafting_kind_from_string          (const char   *name);
const char   *drafting_kind_get_display_name     (DraftingKind  kind);
gboolean      drafting_kind_has_text             (DraftingKind  kind);
gboolean      drafting_kind_has_lead             (DraftingKind  kind);
gboolean      drafting_kind_is_formula           (DraftingKind  kind);
gboolean      drafting_kind_allows_child         (DraftingKind  parent,
                                                  DraftingKind  child);
DraftingKind  drafting_kind_get_next             (DraftingKind  kind);
DraftingKind  drafting_kind_get_first_child      (DraftingKind  kind);
DraftingKind  drafting_kind_get_indented         (DraftingKind  kind);
DraftingKind  drafting_kind_get_outdented        (DraftingKind  kind);
int           drafting_kind_get_rank             (DraftingKind  kind);

G_END_DECLS
