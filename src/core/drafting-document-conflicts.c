/* drafting-document-conflicts.c: which proposed amendments conflict, found from an index by element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-diff.h"
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/*
 * Two proposed amendments conflict when they are about the same element
 * and change the same words of it, or one deletes or moves it; or when
 * one deletes an element that holds the other's. Looked for one pair at a
 * time over the record, the conflicts of every amendment take the square
 * of their number. They are found instead from an index of the proposed
 * amendments by the element they are about, built when first needed and
 * kept until the record, an amendment in it or the document changes; the
 * words each amendment changes are found once, and the conflicts of each
 * are kept as they are found (see ConflictIndex).
 */

/* The token ranges of @base that @proposed changes: pairs of byte offsets
 * in @base, an insertion an empty range where it goes. */
static GArray *
changed_ranges (const char *base,
                const char *proposed,
                const char *language)
{
  g_autoptr(GArray) spans = drafting_diff_words (base, proposed, language);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);
      gsize range[2] = { span->old_start, span->old_end };

      if (span->op != DRAFTING_DIFF_EQUAL)
        g_array_append_val (ranges, range);
    }

  return ranges;
}

/* A proposed amendment, as the index of conflicts knows it. */
typedef struct _ConflictEntry ConflictEntry;

struct _ConflictEntry
{
  DraftingAmendment *amendment;
  ConflictEntry     *next;       /* the next about the same element */
  guint              position;   /* in the record */
  GArray            *ranges;     /* the words it changes, once found */
  GPtrArray         *conflicts;  /* ConflictEntry, the ones in conflict with it, once found */
};

/*
 * The index: the proposed amendments of the record by the element they are
 * about, each element's in a chain in the order of the record. It holds
 * while the record, every amendment in it (see
 * _drafting_amendment_get_record_serial()) and the document (its change
 * count, which every change to its elements moves at the end of its
 * action) stay as they were, and is only used between actions. Built
 * again after each change, it is made of few pieces: an array of entries
 * and one table; until it is needed, only what it would be built from is
 * kept (see get_conflict_index()).
 */
typedef struct
{
  guint64        change_count;
  guint          serial;
  DraftingNode  *root;        /* compared only */
  ConflictEntry *entries;
  guint          n_entries;
  GHashTable    *by_target;   /* an element's identifier → the first entry about it; %NULL
                               * until built */
  ConflictEntry *no_target;   /* the first of those about none */
} ConflictIndex;

static void
conflict_index_free (gpointer data)
{
  ConflictIndex *index = data;

  for (guint i = 0; i < index->n_entries; i++)
    {
      g_clear_pointer (&index->entries[i].ranges, g_array_unref);
      g_clear_pointer (&index->entries[i].conflicts, g_ptr_array_unref);
    }
  g_free (index->entries);
  g_clear_pointer (&index->by_target, g_hash_table_unref);
  g_free (index);
}

/* The index, kept with the document so that it goes with it. */
static GQuark
conflict_index_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("drafting-document-conflict-index");

  return quark;
}

void
_drafting_document_forget_conflicts (DraftingDocument *self)
{
  g_object_set_qdata (G_OBJECT (self), conflict_index_quark (), NULL);
}

/* An index of what the document is now, not built yet. */
static ConflictIndex *
conflict_index_new (DraftingDocument *self)
{
  ConflictIndex *index = g_new0 (ConflictIndex, 1);

  index->change_count = self->change_count;
  index->serial = _drafting_amendment_get_record_serial ();
  index->root = self->root;

  return index;
}

static gboolean
conflict_index_holds (DraftingDocument *self,
                      ConflictIndex    *index)
{
  return index->change_count == self->change_count &&
         index->serial == _drafting_amendment_get_record_serial () && index->root == self->root;
}

static void
conflict_index_build (DraftingDocument *self,
                      ConflictIndex    *index)
{
  guint n = 0;

  g_assert (index->by_target == NULL);
  index->by_target = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->amendment_array->len; i++)
    if (drafting_amendment_get_status (g_ptr_array_index (self->amendment_array, i)) ==
        DRAFTING_AMENDMENT_PROPOSED)
      n++;
  index->entries = g_new0 (ConflictEntry, n);
  index->n_entries = n;

  /* From the last, each put first in its element's chain. */
  for (guint i = self->amendment_array->len; i > 0; i--)
    {
      DraftingAmendment *amendment = g_ptr_array_index (self->amendment_array, i - 1);
      const char *target = drafting_amendment_get_target (amendment);
      ConflictEntry *entry;

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
        continue;

      entry = &index->entries[--n];
      entry->amendment = amendment;
      entry->position = i - 1;
      if (target == NULL)
        {
          entry->next = index->no_target;
          index->no_target = entry;
        }
      else
        {
          /* The key is an amendment's own, which does not change while
           * the index holds. */
          entry->next = g_hash_table_lookup (index->by_target, target);
          g_hash_table_insert (index->by_target, (gpointer) target, entry);
        }
    }
}

/* The document's index of conflicts, built again when what it was built
 * from has changed; %NULL in the middle of an action, where the elements
 * may have changed with nothing to say so yet. Asked for the conflicts of
 * one amendment, the first time after a change, it is not built: a walk
 * of the record costs less than building it, and it is built the second
 * time, or at once when @at_once. */
static ConflictIndex *
get_conflict_index (DraftingDocument *self,
                    gboolean          at_once)
{
  ConflictIndex *index;

  if (self->action_depth > 0)
    return NULL;

  index = g_object_get_qdata (G_OBJECT (self), conflict_index_quark ());
  if (index == NULL || !conflict_index_holds (self, index))
    {
      index = conflict_index_new (self);
      g_object_set_qdata_full (G_OBJECT (self), conflict_index_quark (), index,
                               conflict_index_free);
      if (!at_once)
        return NULL;
    }

  if (index->by_target == NULL)
    conflict_index_build (self, index);

  return index;
}

/* The first of the proposed amendments about an element, from the index. */
static ConflictEntry *
about (ConflictIndex *index,
       const char    *target)
{
  return target != NULL ? g_hash_table_lookup (index->by_target, target) : index->no_target;
}

/* The entry of @amendment, when it is proposed and in the record. */
static ConflictEntry *
entry_of (ConflictIndex     *index,
          DraftingAmendment *amendment)
{
  const char *target = drafting_amendment_get_target (amendment);

  for (ConflictEntry *entry = about (index, target); entry != NULL; entry = entry->next)
    if (entry->amendment == amendment)
      return entry;

  return NULL;
}

/* The words @amendment changes, found once for each while the index holds. */
static GArray *
ranges_of (DraftingDocument  *self,
           ConflictIndex     *index,
           DraftingAmendment *amendment)
{
  const char *base = drafting_inline_get_text (drafting_amendment_get_base_content (amendment));
  const char *proposed = drafting_inline_get_text (drafting_amendment_get_content (amendment));
  ConflictEntry *entry = index != NULL ? entry_of (index, amendment) : NULL;

  if (entry == NULL)
    return changed_ranges (base, proposed, drafting_document_get_language (self));

  if (entry->ranges == NULL)
    entry->ranges = changed_ranges (base, proposed, drafting_document_get_language (self));

  return g_array_ref (entry->ranges);
}

/* Whether two amendments of the same wording change the same words. */
static gboolean
wordings_overlap (DraftingDocument  *self,
                  ConflictIndex     *index,
                  DraftingAmendment *a,
                  DraftingAmendment *b)
{
  const char *language = drafting_document_get_language (self);
  const char *base_a = drafting_inline_get_text (drafting_amendment_get_base_content (a));
  const char *base_b = drafting_inline_get_text (drafting_amendment_get_base_content (b));
  gboolean lead_a = g_strcmp0 (drafting_amendment_get_lead (a), drafting_amendment_get_base_lead (a)) != 0;
  gboolean lead_b = g_strcmp0 (drafting_amendment_get_lead (b), drafting_amendment_get_base_lead (b)) != 0;
  g_autoptr(GArray) ranges_a = NULL;
  g_autoptr(GArray) ranges_b = NULL;

  if (lead_a && lead_b && g_strcmp0 (drafting_amendment_get_lead (a), drafting_amendment_get_lead (b)) != 0)
    return TRUE;

  /* Made against different wordings: they touch the same words unless
   * one merges onto the other. */
  if (g_strcmp0 (base_a, base_b) != 0)
    {
      g_autofree char *merged = NULL;

      return !drafting_diff_merge3 (base_a, drafting_inline_get_text (drafting_amendment_get_content (a)),
                                    drafting_inline_get_text (drafting_amendment_get_content (b)),
                                    language, &merged);
    }

  ranges_a = ranges_of (self, index, a);
  ranges_b = ranges_of (self, index, b);

  for (guint i = 0; i < ranges_a->len; i++)
    for (guint j = 0; j < ranges_b->len; j++)
      {
        const gsize *x = &g_array_index (ranges_a, gsize, i * 2);
        const gsize *y = &g_array_index (ranges_b, gsize, j * 2);

        /* Overlapping ranges, or an insertion inside, before or after
         * what the other changes (as the three-way merge has it). */
        if ((x[0] < y[1] && y[0] < x[1]) ||
            (x[0] == x[1] && y[0] <= x[0] && x[0] <= y[1]) ||
            (y[0] == y[1] && x[0] <= y[0] && y[0] <= x[1]))
          return TRUE;
      }

  return FALSE;
}

/* Whether @a deletes or moves what @b is about, or holds it. */
gboolean
_drafting_document_takes_away (DraftingDocument  *self,
                               DraftingAmendment *a,
                               DraftingAmendment *b)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (a);
  DraftingNode *node_a;
  DraftingNode *node_b;

  if (action != DRAFTING_AMENDMENT_DELETE && action != DRAFTING_AMENDMENT_MOVE)
    return FALSE;

  if (g_strcmp0 (drafting_amendment_get_target (a), drafting_amendment_get_target (b)) == 0)
    return drafting_amendment_get_action (b) != DRAFTING_AMENDMENT_INSERT ||
           action == DRAFTING_AMENDMENT_DELETE;

  node_a = drafting_document_lookup (self, drafting_amendment_get_target (a));
  node_b = drafting_document_lookup (self, drafting_amendment_get_target (b));

  return action == DRAFTING_AMENDMENT_DELETE && node_a != NULL && node_b != NULL &&
         drafting_node_is_ancestor (node_a, node_b);
}

static gboolean
in_conflict (DraftingDocument  *self,
             ConflictIndex     *index,
             DraftingAmendment *a,
             DraftingAmendment *b)
{
  DraftingAmendmentAction action_a = drafting_amendment_get_action (a);
  DraftingAmendmentAction action_b = drafting_amendment_get_action (b);

  /* Most are rewordings of other elements: nothing to look at. */
  if (action_a != DRAFTING_AMENDMENT_DELETE && action_a != DRAFTING_AMENDMENT_MOVE &&
      action_b != DRAFTING_AMENDMENT_DELETE && action_b != DRAFTING_AMENDMENT_MOVE &&
      g_strcmp0 (drafting_amendment_get_target (a), drafting_amendment_get_target (b)) != 0)
    return FALSE;

  if (_drafting_document_takes_away (self, a, b) || _drafting_document_takes_away (self, b, a))
    return TRUE;

  return drafting_amendment_get_action (a) == DRAFTING_AMENDMENT_REPLACE &&
         drafting_amendment_get_action (b) == DRAFTING_AMENDMENT_REPLACE &&
         g_strcmp0 (drafting_amendment_get_target (a), drafting_amendment_get_target (b)) == 0 &&
         wordings_overlap (self, index, a, b);
}

/* The first of the proposed amendments about @node, which the document
 * knows by its identifier (as takes_away() finds them). */
static ConflictEntry *
about_node (DraftingDocument *self,
            ConflictIndex    *index,
            DraftingNode     *node)
{
  ConflictEntry *first = node->id != NULL ? g_hash_table_lookup (index->by_target, node->id) : NULL;

  return first != NULL && drafting_document_lookup (self, node->id) == node ? first : NULL;
}

/* Those about the elements @node holds, all of which deleting it takes away. */
static void
add_held (DraftingDocument *self,
          ConflictIndex    *index,
          DraftingNode     *node,
          GPtrArray        *found)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      DraftingNode *child = g_ptr_array_index (node->children, i);

      for (ConflictEntry *other = about_node (self, index, child); other != NULL;
           other = other->next)
        g_ptr_array_add (found, other);
      add_held (self, index, child, found);
    }
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const ConflictEntry *x = *(const ConflictEntry * const *) a;
  const ConflictEntry *y = *(const ConflictEntry * const *) b;

  return x->position < y->position ? -1 : x->position > y->position;
}

/* The conflicts of @entry, found from the index once while it holds: as
 * in_conflict() has them, but looking only where they can be: at the
 * amendments about its own element, about the elements that hold it (a
 * deletion of one), and, when it deletes, about those its element holds. */
static GPtrArray *
conflicts_of (DraftingDocument *self,
              ConflictIndex    *index,
              ConflictEntry    *entry)
{
  DraftingAmendment *amendment = entry->amendment;
  const char *target = drafting_amendment_get_target (amendment);
  DraftingNode *node;
  GPtrArray *found;

  if (entry->conflicts != NULL)
    return entry->conflicts;

  found = g_ptr_array_new ();
  for (ConflictEntry *other = about (index, target); other != NULL; other = other->next)
    if (other != entry && in_conflict (self, index, amendment, other->amendment))
      g_ptr_array_add (found, other);

  node = drafting_document_lookup (self, target);
  if (node != NULL)
    {
      for (DraftingNode *p = node->parent; p != NULL; p = p->parent)
        for (ConflictEntry *other = about_node (self, index, p); other != NULL; other = other->next)
          if (drafting_amendment_get_action (other->amendment) == DRAFTING_AMENDMENT_DELETE)
            g_ptr_array_add (found, other);

      if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_DELETE)
        add_held (self, index, node, found);
    }

  g_ptr_array_sort (found, compare_positions);
  entry->conflicts = found;

  return found;
}

/* The conflicts of @entry as drafting_document_get_conflicts() gives them. */
static GPtrArray *
conflicts_of_entry (DraftingDocument *self,
                    ConflictIndex    *index,
                    ConflictEntry    *entry)
{
  GPtrArray *found = conflicts_of (self, index, entry);
  GPtrArray *conflicts = g_ptr_array_new_full (found->len, g_object_unref);

  for (guint i = 0; i < found->len; i++)
    {
      ConflictEntry *other = g_ptr_array_index (found, i);

      g_ptr_array_add (conflicts, g_object_ref (other->amendment));
    }

  return conflicts;
}

/**
 * drafting_document_get_conflicts:
 *
 * The proposed amendments that conflict with @amendment: two that change
 * the same words of an element, or one that deletes or moves an element
 * the other changes. An amendment that is not proposed conflicts with
 * none.
 *
 * Between actions, they come from an index of the record kept until it
 * changes: the first call after a change walks the record, the second
 * builds the index (one more walk), and each call after that looks only at
 * the amendments about the same element and the elements that hold it.
 * For those of every amendment, _drafting_document_get_all_conflicts().
 *
 * Returns: (transfer container) (element-type DraftingAmendment): the
 *   amendments, in the order they were proposed
 */
GPtrArray *
drafting_document_get_conflicts (DraftingDocument  *self,
                                 DraftingAmendment *amendment)
{
  GPtrArray *conflicts;
  ConflictIndex *index;
  ConflictEntry *entry;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);

  if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
    return g_ptr_array_new_with_free_func (g_object_unref);

  index = get_conflict_index (self, FALSE);
  if (index != NULL && (entry = entry_of (index, amendment)) != NULL)
    return conflicts_of_entry (self, index, entry);

  /* The first time after a change, in the middle of an action, or of an
   * amendment not in the record: every other one, one at a time. */
  conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->amendment_array->len; i++)
    {
      DraftingAmendment *other = g_ptr_array_index (self->amendment_array, i);

      if (other != amendment && drafting_amendment_get_status (other) == DRAFTING_AMENDMENT_PROPOSED &&
          in_conflict (self, NULL, amendment, other))
        g_ptr_array_add (conflicts, g_object_ref (other));
    }

  return conflicts;
}

/**
 * _drafting_document_get_all_conflicts:
 *
 * The conflicts of every amendment of the record at once, as
 * drafting_document_get_conflicts() gives them one by one: found in one
 * pass over the record, grouped by the element each amendment is about,
 * and kept until the record changes, so that asking again, or asking
 * drafting_document_get_conflicts() for any of them, costs little.
 *
 * Returns: (transfer full) (element-type GPtrArray): for each amendment of
 *   drafting_document_get_amendments(), in its order, the amendments in
 *   conflict with it (empty for one that is not proposed), each a
 *   #GPtrArray of #DraftingAmendment in the order they were proposed
 */
GPtrArray *
_drafting_document_get_all_conflicts (DraftingDocument *self)
{
  ConflictIndex *index;
  ConflictIndex *own = NULL;
  GPtrArray *all;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  /* In the middle of an action the index is made for this call alone. */
  index = get_conflict_index (self, TRUE);
  if (index == NULL)
    {
      index = own = conflict_index_new (self);
      conflict_index_build (self, index);
    }

  /* The entries are in the order of the record, with those not proposed
   * left out. */
  all = g_ptr_array_new_full (self->amendment_array->len, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0, e = 0; i < self->amendment_array->len; i++)
    {
      ConflictEntry *entry = NULL;

      if (e < index->n_entries && index->entries[e].position == i)
        entry = &index->entries[e++];

      g_ptr_array_add (all, entry != NULL ? conflicts_of_entry (self, index, entry)
                                          : g_ptr_array_new_with_free_func (g_object_unref));
    }

  g_clear_pointer (&own, conflict_index_free);

  return all;
}

