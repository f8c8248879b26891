/* drafting-compilation.c: the amendments to a document, in the order of its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-compilation"

#include "config.h"

#include "drafting-compilation.h"

#include "drafting-element-names.h"
#include "drafting-render.h"
#include "drafting-text-utils.h"
#include "drafting-tracking.h"

/*
 * A compilation of amendments is what a committee works through: a table,
 * one row an amendment, in the order of the text it amends, each with
 * the element it is about, its wording as it stands and as proposed (the
 * words it deletes and inserts marked), who proposes it, why, and what
 * became of it. Every amendment the document records is there, decided
 * ones with their status, so that the table is also the record of the
 * negotiation.
 *
 * In the order of the text: an amendment about an element comes where
 * the element is; an insertion after the element it goes after (after
 * all that element holds), or first into the one it goes into; amendments
 * to elements no longer in the text, last. Amendments at the same place
 * keep the order the record has them in, which is the order they came.
 *
 * The entries hold the words the writers (ODT, DOCX) print, already in the
 * document's language; the writers decide only how they look.
 */

static void
entry_free (DraftingCompilationEntry *entry)
{
  g_object_unref (entry->amendment);
  g_free (entry->element);
  g_free (entry->destination);
  g_free (entry->present);
  drafting_marked_text_free (entry->proposed);
  g_free (entry->cosponsors);
  g_free (entry);
}

/* The wording of @node as it prints, or, for an element no longer in the
 * text, the wording @amendment was made against. */
static char *
wording_of (DraftingNode      *node,
            DraftingAmendment *amendment)
{
  if (node != NULL)
    return drafting_render_plain_text (node, TRUE);

  return drafting_text_join_lead (drafting_amendment_get_base_lead (amendment),
                                  drafting_inline_get_text (drafting_amendment_get_base_content (amendment)));
}

static DraftingMarkedText *
marked_whole (const char        *text,
              DraftingChange     change,
              DraftingAmendment *amendment)
{
  DraftingMarkedText *marked = drafting_marked_text_new ();

  drafting_marked_text_append (marked, text, -1, change,
                               drafting_amendment_get_delegation (amendment),
                               drafting_amendment_get_id (amendment));

  return marked;
}

static DraftingCompilationEntry *
entry_new (DraftingDocument            *document,
           DraftingElementNames        *names,
           DraftingTracking            *tracking,
           const DraftingLanguageTerms *terms,
           DraftingAmendment           *amendment)
{
  DraftingCompilationEntry *entry = g_new0 (DraftingCompilationEntry, 1);
  const char *target_id = drafting_amendment_get_target (amendment);
  DraftingNode *target = target_id != NULL ? drafting_document_lookup (document, target_id) : NULL;
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);
  const char *justification = drafting_amendment_get_justification (amendment);
  DraftingPlacement placement;
  const char *destination;

  entry->amendment = g_object_ref (amendment);
  entry->element = drafting_element_names_get_heading (names, amendment);
  entry->delegation = drafting_amendment_get_delegation (amendment);
  entry->status = terms->statuses[drafting_amendment_get_status (amendment)];
  if (justification != NULL && justification[0] != '\0')
    entry->justification = justification;
  if (cosponsors != NULL && cosponsors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) cosponsors);

      entry->cosponsors = g_strconcat (terms->cosponsors, joined, NULL);
    }

  switch (drafting_amendment_get_action (amendment))
    {
    case DRAFTING_AMENDMENT_REPLACE:
      entry->proposed = drafting_tracking_mark_change (tracking, amendment);
      entry->present = drafting_marked_text_to_plain (entry->proposed, DRAFTING_CHANGE_INSERTED);
      break;

    case DRAFTING_AMENDMENT_INSERT:
      {
        g_autofree char *text = NULL;

        text = drafting_text_join_lead (drafting_amendment_get_lead (amendment),
                                        drafting_inline_get_text (drafting_amendment_get_content (amendment)));
        entry->present = g_strdup ("");
        entry->proposed = marked_whole (text, DRAFTING_CHANGE_INSERTED, amendment);
      }
      break;

    case DRAFTING_AMENDMENT_DELETE:
      entry->present = wording_of (target, amendment);
      entry->proposed = marked_whole (entry->present, DRAFTING_CHANGE_DELETED, amendment);
      break;

    case DRAFTING_AMENDMENT_MOVE:
    default:
      destination = drafting_amendment_get_destination (amendment, &placement);
      entry->destination = drafting_element_names_get_position (names, destination, placement);
      entry->present = wording_of (target, amendment);
      entry->proposed = marked_whole (entry->present, DRAFTING_CHANGE_NONE, amendment);
      break;
    }

  return entry;
}

typedef struct
{
  DraftingCompilationEntry *entry;
  guint64                   key;
} Placed;

/* The last element @node holds, at any depth; @node if none. */
static DraftingNode *
last_within (DraftingNode *node)
{
  guint n;

  while ((n = drafting_node_get_n_children (node)) > 0)
    node = drafting_node_get_child (node, n - 1);

  return node;
}

/* Where @amendment comes in the order of the text: twice the row of the
 * element it is about, one more for an insertion after that row; after
 * every row for an element gone. The record's order breaks ties. */
static guint64
place_of (DraftingDocument  *document,
          DraftingAmendment *amendment,
          guint              index)
{
  const char *target_id = drafting_amendment_get_target (amendment);
  DraftingNode *target = target_id != NULL ? drafting_document_lookup (document, target_id) : NULL;
  guint64 slot;

  if (target == NULL)
    slot = G_MAXUINT32;
  else if (drafting_amendment_get_action (amendment) != DRAFTING_AMENDMENT_INSERT)
    slot = 2 * (guint64) drafting_document_get_position (document, target);
  else if (drafting_amendment_get_placement (amendment) == DRAFTING_PLACEMENT_INTO)
    slot = 2 * (guint64) drafting_document_get_position (document, target) + 1;
  else
    slot = 2 * (guint64) drafting_document_get_position (document, last_within (target)) + 1;

  return (slot << 32) | index;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  return pa->key < pb->key ? -1 : pa->key > pb->key;
}

/**
 * drafting_compilation_build:
 * @document: a document
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 *
 * Lists the amendments @document records, open and decided, in the order
 * of its text, each with the words a compilation prints, in the
 * document's language.
 *
 * Returns: (transfer container) (element-type DraftingCompilationEntry):
 *   the entries
 */
GPtrArray *
drafting_compilation_build (DraftingDocument   *document,
                            const char * const *delegations)
{
  const DraftingLanguageTerms *terms;
  GListModel *amendments;
  g_autoptr(DraftingTracking) tracking = NULL;
  g_autoptr(DraftingElementNames) names = NULL;
  g_autoptr(GArray) placed = NULL;
  GPtrArray *entries;
  guint n;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  terms = drafting_language_get_terms (drafting_document_get_language (document));
  amendments = drafting_document_get_amendments (document);
  tracking = drafting_tracking_new (document, NULL);
  names = drafting_element_names_new (document);
  n = g_list_model_get_n_items (amendments);
  placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      gboolean chosen = delegations == NULL;
      Placed one;

      for (guint d = 0; !chosen && delegations[d] != NULL; d++)
        chosen = drafting_amendment_involves (amendment, delegations[d]);
      if (!chosen)
        continue;

      one.entry = entry_new (document, names, tracking, terms, amendment);
      one.key = place_of (document, amendment, i);
      g_array_append_val (placed, one);
    }

  g_array_sort (placed, compare_placed);

  entries = g_ptr_array_new_full (placed->len, (GDestroyNotify) entry_free);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (entries, g_array_index (placed, Placed, i).entry);

  return entries;
}
