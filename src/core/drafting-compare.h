/* drafting-compare.h: what changed between two versions of a document, element by element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "drafting-document.h"
#include "drafting-kind.h"
#include "drafting-marked-text.h"
#include "drafting-node.h"

G_BEGIN_DECLS

/**
 * DraftingElementChange:
 * @DRAFTING_ELEMENT_UNCHANGED: in both, in the same place, saying the same
 * @DRAFTING_ELEMENT_INSERTED: only in the later version
 * @DRAFTING_ELEMENT_DELETED: only in the earlier version
 * @DRAFTING_ELEMENT_MOVED: in both, under another parent, or elsewhere
 *   among the siblings it kept (whatever else changed of it)
 * @DRAFTING_ELEMENT_CHANGED: in both, in the same place, but of another
 *   kind, leading phrase or text
 *
 * What became of an element between two versions of a document, the
 * element being the same when its identifier is.
 */
typedef enum
{
  DRAFTING_ELEMENT_UNCHANGED,
  DRAFTING_ELEMENT_INSERTED,
  DRAFTING_ELEMENT_DELETED,
  DRAFTING_ELEMENT_MOVED,
  DRAFTING_ELEMENT_CHANGED,
} DraftingElementChange;

/**
 * DraftingComparisonEntry:
 * @id: the element's identifier
 * @change: what became of it
 * @what: for an element in both, what of it differs: its kind, leading
 *   phrase or text (a #DraftingNodeChange), 0 when nothing does
 * @kind_from: its kind in the earlier version, %DRAFTING_KIND_INVALID
 *   when inserted
 * @kind_to: its kind in the later one, %DRAFTING_KIND_INVALID when deleted
 * @label_from: (nullable): what it printed with in the earlier version
 *   ("3.", "(a)", "PRINCIPLE I", or ""), %NULL when inserted
 * @label_to: (nullable): the same in the later one, %NULL when deleted
 * @words: its words as they print (leading phrase included), those only the
 *   earlier version has marked deleted and those only the later one has
 *   marked inserted: all of them one or the other when it was inserted or
 *   deleted
 * @start: where its line starts in the comparison's text: for an element
 *   that moved, where it is now
 * @end: where its line ends there (its line break excluded)
 *
 * One element of a comparison.
 */
typedef struct
{
  char                  *id;
  DraftingElementChange  change;
  DraftingNodeChange     what;
  DraftingKind           kind_from;
  DraftingKind           kind_to;
  char                  *label_from;
  char                  *label_to;
  DraftingMarkedText    *words;
  gsize                  start;
  gsize                  end;
} DraftingComparisonEntry;

#define DRAFTING_TYPE_COMPARISON (drafting_comparison_get_type ())

typedef struct _DraftingComparison DraftingComparison;

GType                          drafting_comparison_get_type      (void) G_GNUC_CONST;
const char                    *drafting_element_change_to_string (DraftingElementChange  change);

DraftingComparison            *drafting_compare                  (DraftingNode          *from,
                                                                  DraftingNode          *to,
                                                                  const char            *language);
GHashTable                    *drafting_compare_find_moved       (DraftingNode          *from,
                                                                  DraftingNode          *to);
DraftingComparison            *drafting_comparison_ref           (DraftingComparison    *self);
void                           drafting_comparison_unref         (DraftingComparison    *self);
guint                          drafting_comparison_get_n_entries (DraftingComparison    *self);
const DraftingComparisonEntry *drafting_comparison_get_entry     (DraftingComparison    *self,
                                                                  guint                  index);
const DraftingComparisonEntry *drafting_comparison_lookup        (DraftingComparison    *self,
                                                                  const char            *id);
guint                          drafting_comparison_count         (DraftingComparison    *self,
                                                                  DraftingElementChange  change);
gboolean                       drafting_comparison_has_changes   (DraftingComparison    *self);
DraftingMarkedText            *drafting_comparison_get_text      (DraftingComparison    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingComparison, drafting_comparison_unref)

G_END_DECLS
