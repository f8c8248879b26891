/* drafting-compare.c: what changed between two versions of a document, element by element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-compare"

#include "config.h"

#include <string.h>

#include "drafting-compare.h"
#include "drafting-render.h"

/*
 * Two versions of a document (a revision and a later one, or the present
 * text) are compared element by element, an element being the same in
 * both when its identifier is: identifiers never change and are never
 * given again (see known_ids in drafting-document-order.c). An element
 * only the later version has was inserted, one only the earlier had was
 * deleted; one in both moved if its parent is another, or if among the
 * siblings it kept it is no longer where it was; else it changed if its
 * kind, leading phrase or text did.
 *
 * Which siblings stayed in place is a longest common subsequence of the
 * children both versions of a parent share, in their two orders: as each
 * is there once, it is the longest increasing subsequence of their old
 * positions taken in their new order, found in O(n log n). So one element
 * inserted, deleted or moved leaves all the others where they were, and a
 * run of moves reports as few as can be.
 *
 * The comparison then lays out the later version as drafting_render_document_text()
 * prints it, its lines in a DraftingMarkedText: an element that changed
 * in place with the words that differ marked, one deleted as deleted lines
 * where it was (with all it held), one inserted as inserted lines where it
 * is, and one that moved as both. Element identifiers and tables of them
 * make it all linear but for the sort of siblings, so that a 10,000-clause
 * document compares in a moment.
 */

struct _DraftingComparison
{
  GArray             *entries;   /* DraftingComparisonEntry, in the order of the text */
  GHashTable         *by_id;     /* id (the entry's) → its index + 1 */
  DraftingMarkedText *text;
};

G_DEFINE_BOXED_TYPE (DraftingComparison, drafting_comparison,
                     drafting_comparison_ref, drafting_comparison_unref)

/* Where an element of one version goes in the layout of both. */
typedef enum
{
  PLACE_GONE,      /* the earlier version's, as deleted lines */
  PLACE_ARRIVED,   /* the later version's, as inserted lines */
  PLACE_KEPT,      /* in both, where it was */
} Place;

typedef struct
{
  Place         place;
  DraftingNode *from;
  DraftingNode *to;
} Item;

typedef struct
{
  DraftingComparison *result;
  const char         *language;
  DraftingNode       *from_root;
  DraftingNode       *to_root;
  GHashTable         *from_ids;    /* id → element of the earlier version */
  GHashTable         *to_ids;      /* id → element of the later one */
  GHashTable         *from_index;  /* element of the earlier → its index among its siblings + 1 */
  GHashTable         *kept;        /* the later version's elements in both, where they were */
  DraftingMarkedText *out;
  DraftingKind        previous;    /* of the last top-level element laid out */
} Compare;

static const char * const change_names[] = {
  "unchanged", "inserted", "deleted", "moved", "changed",
};

/**
 * drafting_element_change_to_string:
 *
 * Returns: "unchanged", "inserted", "deleted", "moved" or "changed", as
 *   `wco-draft compare --json` writes them
 */
const char *
drafting_element_change_to_string (DraftingElementChange change)
{
  return (guint) change < G_N_ELEMENTS (change_names) ? change_names[change] : NULL;
}

/* ------------------------------------------------------------------ */
/* The result                                                          */

static void
entry_clear (gpointer data)
{
  DraftingComparisonEntry *entry = data;

  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->label_from, g_free);
  g_clear_pointer (&entry->label_to, g_free);
  g_clear_pointer (&entry->words, drafting_marked_text_free);
}

static void
comparison_clear (gpointer data)
{
  DraftingComparison *self = data;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->text, drafting_marked_text_free);
}

DraftingComparison *
drafting_comparison_ref (DraftingComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
drafting_comparison_unref (DraftingComparison *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, comparison_clear);
}

guint
drafting_comparison_get_n_entries (DraftingComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * drafting_comparison_get_entry:
 * @index: which, from 0, in the order of the comparison's text
 *
 * Returns: (transfer none): the entry, which lives as long as @self
 */
const DraftingComparisonEntry *
drafting_comparison_get_entry (DraftingComparison *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, DraftingComparisonEntry, index);
}

/**
 * drafting_comparison_lookup:
 *
 * Returns: (transfer none) (nullable): the entry of the element @id, in
 *   either version
 */
const DraftingComparisonEntry *
drafting_comparison_lookup (DraftingComparison *self,
                            const char         *id)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL || (index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id))) == 0)
    return NULL;

  return &g_array_index (self->entries, DraftingComparisonEntry, index - 1);
}

/**
 * drafting_comparison_count:
 *
 * Returns: how many elements @change became of
 */
guint
drafting_comparison_count (DraftingComparison    *self,
                           DraftingElementChange  change)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, DraftingComparisonEntry, i).change == change)
      n++;

  return n;
}

/**
 * drafting_comparison_has_changes:
 *
 * Returns: whether any element was inserted, deleted, moved or changed
 */
gboolean
drafting_comparison_has_changes (DraftingComparison *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return drafting_comparison_count (self, DRAFTING_ELEMENT_UNCHANGED) < self->entries->len;
}

/**
 * drafting_comparison_get_text:
 *
 * The later version laid out as drafting_render_document_text() prints
 * it, with what changed since the earlier marked: what
 * `wco-draft compare` prints, and what the window shows.
 *
 * Returns: (transfer none): the text, which lives as long as @self
 */
DraftingMarkedText *
drafting_comparison_get_text (DraftingComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/* ------------------------------------------------------------------ */
/* Matching elements                                                   */

/* Names the elements under @node by their identifiers; an identifier
 * that two elements have (a tree no document holds may have that) names
 * the first only, and the other is matched with nothing. */
static void
index_tree (GHashTable   *ids,
            GHashTable   *positions,
            DraftingNode *node)
{
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);
      const char *id = drafting_node_get_id (child);

      if (id != NULL && !g_hash_table_contains (ids, id))
        g_hash_table_insert (ids, (gpointer) id, child);
      if (positions != NULL)
        g_hash_table_insert (positions, child, GUINT_TO_POINTER (i + 1));
      index_tree (ids, positions, child);
    }
}

/* The element of the other version that is @node, or %NULL. */
static DraftingNode *
counterpart (GHashTable   *own_ids,
             GHashTable   *other_ids,
             DraftingNode *node)
{
  const char *id = drafting_node_get_id (node);

  if (id == NULL || g_hash_table_lookup (own_ids, id) != node)
    return NULL;

  return g_hash_table_lookup (other_ids, id);
}

static DraftingNode *
earlier (Compare      *self,
         DraftingNode *to)
{
  if (to == self->to_root)
    return self->from_root;

  return counterpart (self->to_ids, self->from_ids, to);
}

static DraftingNode *
later (Compare      *self,
       DraftingNode *from)
{
  if (from == self->from_root)
    return self->to_root;

  return counterpart (self->from_ids, self->to_ids, from);
}

typedef struct
{
  DraftingNode *to;
  guint         position;   /* of its counterpart among the earlier siblings */
} Sibling;

/* Marks kept the longest run of @siblings whose earlier positions
 * increase: the longest subsequence the two orders have in common. */
static void
keep_longest_run (Compare *self,
                  GArray  *siblings)
{
  guint n = siblings->len;
  g_autofree guint *tails = g_new (guint, MAX (n, 1));
  g_autofree guint *before = g_new (guint, MAX (n, 1));
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint position = g_array_index (siblings, Sibling, i).position;
      guint lo = 0;
      guint hi = length;

      /* The shortest run whose last position is not below this one. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (siblings, Sibling, tails[mid]).position < position)
            lo = mid + 1;
          else
            hi = mid;
        }

      before[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  for (guint i = length > 0 ? tails[length - 1] : G_MAXUINT; i != G_MAXUINT; i = before[i])
    g_hash_table_add (self->kept, g_array_index (siblings, Sibling, i).to);
}

/* Finds, under every parent both versions have, which of the children
 * they share stayed in place. */
static void
find_kept (Compare      *self,
           DraftingNode *to)
{
  DraftingNode *from = earlier (self, to);
  guint n = drafting_node_get_n_children (to);

  if (from != NULL && n > 0)
    {
      g_autoptr(GArray) siblings = g_array_sized_new (FALSE, FALSE, sizeof (Sibling), n);

      for (guint i = 0; i < n; i++)
        {
          DraftingNode *child = drafting_node_get_child (to, i);
          DraftingNode *was = earlier (self, child);

          if (was != NULL && drafting_node_get_parent (was) == from)
            {
              Sibling sibling = {
                child, GPOINTER_TO_UINT (g_hash_table_lookup (self->from_index, was)) - 1
              };

              g_array_append_val (siblings, sibling);
            }
        }
      keep_longest_run (self, siblings);
    }

  for (guint i = 0; i < n; i++)
    find_kept (self, drafting_node_get_child (to, i));
}

static DraftingNodeChange
what_differs (DraftingNode *from,
              DraftingNode *to)
{
  DraftingNodeChange what = 0;

  if (drafting_node_get_kind (from) != drafting_node_get_kind (to))
    what |= DRAFTING_NODE_CHANGED_KIND;
  if (g_strcmp0 (drafting_node_get_lead (from), drafting_node_get_lead (to)) != 0)
    what |= DRAFTING_NODE_CHANGED_LEAD;
  if (!drafting_inline_equal (drafting_node_get_content (from), drafting_node_get_content (to)))
    what |= DRAFTING_NODE_CHANGED_CONTENT;

  return what;
}

/* ------------------------------------------------------------------ */
/* Laying out the later version, with the changes                      */

/* Whether a top-level element of @kind prints on the line after the one
 * before, as one block: heading lines, the occasion and the title. */
static gboolean
joins (DraftingKind kind,
       DraftingKind previous)
{
  return (kind == DRAFTING_KIND_HEADING && previous == DRAFTING_KIND_HEADING) ||
         (kind == DRAFTING_KIND_TITLE && previous == DRAFTING_KIND_OCCASION);
}

static guint
child_depth (DraftingKind kind,
             guint        depth)
{
  return kind == DRAFTING_KIND_ITEM || kind == DRAFTING_KIND_SUB_PARAGRAPH ? depth + 1 : depth;
}

static void
append (Compare        *self,
        const char     *text,
        DraftingChange  change)
{
  drafting_marked_text_append (self->out, text, -1, change, NULL, NULL);
}

/* What goes before the words of an element's line, as render_node() in
 * drafting-render.c lays it out: the blank line before a block, the
 * indent of items and sub-paragraphs, the line break before a footnote. */
static void
begin_line (Compare      *self,
            DraftingKind  kind,
            guint         depth,
            gboolean      joined)
{
  if (kind == DRAFTING_KIND_FOOTNOTE)
    {
      append (self, "\n", DRAFTING_CHANGE_NONE);
      return;
    }

  if (!joined && !(kind == DRAFTING_KIND_ITEM && depth > 0) &&
      drafting_marked_text_get_length (self->out) > 0)
    append (self, "\n", DRAFTING_CHANGE_NONE);

  if (kind == DRAFTING_KIND_ITEM || kind == DRAFTING_KIND_SUB_PARAGRAPH)
    for (guint i = 0; i < depth; i++)
      append (self, " ", DRAFTING_CHANGE_NONE);
}

/* The line of @node, head and text, or its text alone when it joins the
 * line before. */
static char *
line_of (DraftingNode *node,
         gboolean      joined,
         char        **text)
{
  g_autofree char *head = NULL;

  drafting_render_line (node, &head, text);
  return joined ? g_strdup ("") : g_steal_pointer (&head);
}

static DraftingComparisonEntry *
add_entry (Compare               *self,
           DraftingElementChange  change,
           DraftingNode          *from,
           DraftingNode          *to,
           gsize                  start)
{
  DraftingComparisonEntry entry = { 0, };

  entry.id = g_strdup (drafting_node_get_id (to != NULL ? to : from));
  entry.change = change;
  entry.kind_from = from != NULL ? drafting_node_get_kind (from) : DRAFTING_KIND_INVALID;
  entry.kind_to = to != NULL ? drafting_node_get_kind (to) : DRAFTING_KIND_INVALID;
  entry.label_from = from != NULL ? drafting_render_label (from) : NULL;
  entry.label_to = to != NULL ? drafting_render_label (to) : NULL;
  entry.words = drafting_marked_text_new ();
  entry.start = start;
  entry.end = drafting_marked_text_get_length (self->out);

  g_array_append_val (self->result->entries, entry);
  if (entry.id != NULL && !g_hash_table_contains (self->result->by_id, entry.id))
    g_hash_table_insert (self->result->by_id, entry.id, GUINT_TO_POINTER (self->result->entries->len));

  return &g_array_index (self->result->entries, DraftingComparisonEntry,
                         self->result->entries->len - 1);
}

/* The entry of an element both versions have, wherever it is laid out. */
static void
add_matched_entry (Compare      *self,
                   DraftingNode *from,
                   DraftingNode *to,
                   const char   *to_text,
                   gsize         start)
{
  DraftingNodeChange what = what_differs (from, to);
  DraftingElementChange change = !g_hash_table_contains (self->kept, to) ? DRAFTING_ELEMENT_MOVED
                                 : what != 0 ? DRAFTING_ELEMENT_CHANGED
                                 : DRAFTING_ELEMENT_UNCHANGED;
  DraftingComparisonEntry *entry = add_entry (self, change, from, to, start);
  g_autofree char *from_text = NULL;

  entry->what = what;
  if (what != 0)
    from_text = drafting_render_plain_text (from, TRUE);

  if (from_text != NULL && strcmp (from_text, to_text) != 0)
    drafting_marked_text_append_diff (entry->words, from_text, to_text, self->language, NULL, NULL);
  else
    drafting_marked_text_append (entry->words, to_text, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
}

static void lay_out_children (Compare      *self,
                              DraftingNode *from,
                              DraftingNode *to,
                              guint         depth);

/* The earlier version's @node and all it held, as deleted lines (@change
 * DRAFTING_CHANGE_DELETED); or the later version's and all it holds, as
 * inserted lines. An element in both that moved is laid out at both
 * places, and its entry is made where it arrived. */
static void
lay_out_whole (Compare        *self,
               DraftingNode   *node,
               guint           depth,
               gboolean        top,
               DraftingChange  change)
{
  DraftingKind kind = drafting_node_get_kind (node);
  gboolean joined = top && joins (kind, self->previous);
  gboolean printed = !(top && kind == DRAFTING_KIND_FOOTNOTE);
  g_autofree char *text = NULL;
  g_autofree char *head = line_of (node, joined, &text);
  DraftingNode *from = NULL;
  gsize start;

  if (top)
    self->previous = kind;

  if (printed)
    begin_line (self, kind, depth, joined);
  start = drafting_marked_text_get_length (self->out);
  if (printed)
    {
      append (self, head, change);
      append (self, text, change);
    }

  if (change == DRAFTING_CHANGE_INSERTED && (from = earlier (self, node)) != NULL)
    add_matched_entry (self, from, node, text, start);
  else if (change == DRAFTING_CHANGE_INSERTED || later (self, node) == NULL)
    {
      gboolean inserted = change == DRAFTING_CHANGE_INSERTED;
      DraftingComparisonEntry *entry = add_entry (self,
                                                  inserted ? DRAFTING_ELEMENT_INSERTED : DRAFTING_ELEMENT_DELETED,
                                                  inserted ? NULL : node, inserted ? node : NULL, start);

      drafting_marked_text_append (entry->words, text, -1, change, NULL, NULL);
    }
  if (printed)
    append (self, "\n", DRAFTING_CHANGE_NONE);

  for (int footnotes = 0; footnotes < 2; footnotes++)
    for (guint i = 0; i < drafting_node_get_n_children (node); i++)
      {
        DraftingNode *child = drafting_node_get_child (node, i);

        if ((drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE) == footnotes)
          lay_out_whole (self, child, child_depth (kind, depth), FALSE, change);
      }
}

/* An element both versions have in the same place: its line, with the
 * words that differ marked (and its label too, when its kind changed),
 * then what it holds in both. */
static void
lay_out_kept (Compare      *self,
              DraftingNode *from,
              DraftingNode *to,
              guint         depth,
              gboolean      top)
{
  DraftingKind kind = drafting_node_get_kind (to);
  gboolean joined = top && joins (kind, self->previous);
  gboolean printed = !(top && kind == DRAFTING_KIND_FOOTNOTE);
  DraftingNodeChange what = what_differs (from, to);
  g_autofree char *text = NULL;
  g_autofree char *head = line_of (to, joined, &text);
  gsize start;

  if (top)
    self->previous = kind;

  if (printed)
    begin_line (self, kind, depth, joined);
  start = drafting_marked_text_get_length (self->out);

  if (printed && what == 0)
    {
      append (self, head, DRAFTING_CHANGE_NONE);
      append (self, text, DRAFTING_CHANGE_NONE);
    }
  else if (printed)
    {
      g_autofree char *from_text = NULL;
      g_autofree char *from_head = line_of (from, joined, &from_text);

      if (what & DRAFTING_NODE_CHANGED_KIND)
        {
          g_autofree char *old_line = g_strconcat (from_head, from_text, NULL);
          g_autofree char *new_line = g_strconcat (head, text, NULL);

          drafting_marked_text_append_diff (self->out, old_line, new_line, self->language,
                                            NULL, NULL);
        }
      else
        {
          append (self, head, DRAFTING_CHANGE_NONE);
          drafting_marked_text_append_diff (self->out, from_text, text, self->language,
                                            NULL, NULL);
        }
    }

  add_matched_entry (self, from, to, text, start);
  if (printed)
    append (self, "\n", DRAFTING_CHANGE_NONE);

  lay_out_children (self, from, to, child_depth (kind, depth));
}

/* The children of @from and @to, versions of one element, in one list:
 * those kept in their order, and before each, those gone from before it,
 * then those arrived. Footnotes print after the rest, as in
 * render_node(); the document's own children print in their order. */
static void
lay_out_children (Compare      *self,
                  DraftingNode *from,
                  DraftingNode *to,
                  guint         depth)
{
  guint n_from = drafting_node_get_n_children (from);
  guint n_to = drafting_node_get_n_children (to);
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n_from + n_to);
  g_autoptr(GPtrArray) arrived = g_ptr_array_new ();
  gboolean top = to == self->to_root;
  guint i = 0;

  for (guint j = 0; j <= n_to; j++)
    {
      DraftingNode *child = j < n_to ? drafting_node_get_child (to, j) : NULL;
      DraftingNode *was = NULL;

      if (child != NULL && !g_hash_table_contains (self->kept, child))
        {
          g_ptr_array_add (arrived, child);
          continue;
        }

      /* Those gone before this one (all that are left at the end), then
       * those that arrived before it. */
      was = child != NULL ? earlier (self, child) : NULL;
      for (; i < n_from && drafting_node_get_child (from, i) != was; i++)
        {
          Item item = { PLACE_GONE, drafting_node_get_child (from, i), NULL };
          DraftingNode *now = later (self, item.from);

          /* What stayed comes in the same order in both. */
          g_assert (now == NULL || !g_hash_table_contains (self->kept, now));
          g_array_append_val (items, item);
        }
      for (guint k = 0; k < arrived->len; k++)
        {
          Item item = { PLACE_ARRIVED, NULL, g_ptr_array_index (arrived, k) };

          g_array_append_val (items, item);
        }
      g_ptr_array_set_size (arrived, 0);

      if (child != NULL)
        {
          Item item = { PLACE_KEPT, was, child };

          g_assert (i < n_from);
          g_array_append_val (items, item);
          i++;
        }
    }

  for (int footnotes = 0; footnotes < 2; footnotes++)
    for (guint k = 0; k < items->len; k++)
      {
        Item *item = &g_array_index (items, Item, k);
        DraftingNode *node = item->to != NULL ? item->to : item->from;

        if (!top && (drafting_node_get_kind (node) == DRAFTING_KIND_FOOTNOTE) != footnotes)
          continue;
        if (top && footnotes)
          break;

        switch (item->place)
          {
          case PLACE_GONE:
            lay_out_whole (self, item->from, depth, top, DRAFTING_CHANGE_DELETED);
            break;

          case PLACE_ARRIVED:
            lay_out_whole (self, item->to, depth, top, DRAFTING_CHANGE_INSERTED);
            break;

          case PLACE_KEPT:
          default:
            lay_out_kept (self, item->from, item->to, depth, top);
            break;
          }
      }
}

/* Whether @from and @to hold the same elements, by their identifiers, in
 * the same places: then none moved, as when only words were changed. */
static gboolean
same_shape (DraftingNode *from,
            DraftingNode *to)
{
  guint n = drafting_node_get_n_children (from);

  if (drafting_node_get_n_children (to) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      DraftingNode *was = drafting_node_get_child (from, i);
      DraftingNode *is = drafting_node_get_child (to, i);

      if (g_strcmp0 (drafting_node_get_id (was), drafting_node_get_id (is)) != 0 ||
          drafting_node_get_id (is) == NULL || !same_shape (was, is))
        return FALSE;
    }

  return TRUE;
}

/* Adds to @moved the identifiers of the elements under @to that moved. */
static void
collect_moved (Compare      *self,
               DraftingNode *to,
               GHashTable   *moved)
{
  for (guint i = 0; i < drafting_node_get_n_children (to); i++)
    {
      DraftingNode *child = drafting_node_get_child (to, i);

      if (!g_hash_table_contains (self->kept, child) && earlier (self, child) != NULL)
        g_hash_table_add (moved, g_strdup (drafting_node_get_id (child)));
      collect_moved (self, child, moved);
    }
}

/**
 * drafting_compare_find_moved:
 * @from: the root of the earlier version
 * @to: the root of the later one
 *
 * What drafting_compare() finds moved, and nothing else of the
 * comparison: for one who needs to know only that, in a fraction of its
 * time, as neither version's text is laid out nor compared. As there, an
 * element inside one that moved is not said to have moved itself.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the identifiers of
 *   the elements whose entry drafting_compare() says
 *   %DRAFTING_ELEMENT_MOVED, as a set
 */
GHashTable *
drafting_compare_find_moved (DraftingNode *from,
                             DraftingNode *to)
{
  g_autoptr(GHashTable) from_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) to_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) from_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  GHashTable *moved;
  Compare self = { NULL, };

  g_return_val_if_fail (DRAFTING_IS_NODE (from), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (to), NULL);

  moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (same_shape (from, to))
    return moved;

  self.from_root = from;
  self.to_root = to;
  self.from_ids = from_ids;
  self.to_ids = to_ids;
  self.from_index = from_index;
  self.kept = kept;

  index_tree (from_ids, from_index, from);
  index_tree (to_ids, NULL, to);
  find_kept (&self, to);
  collect_moved (&self, to, moved);

  return moved;
}

/**
 * drafting_compare:
 * @from: the root of the earlier version (a revision's, a document's)
 * @to: the root of the later one
 * @language: (nullable): the texts' language, for their word boundaries
 *
 * Compares two versions of a document, element by element (see above):
 * what became of each, and the later version's text with the changes
 * marked. The elements are rendered as the documents that hold them
 * number and print them. Neither tree is kept: the result holds only
 * words and names.
 *
 * Returns: (transfer full): the comparison
 */
DraftingComparison *
drafting_compare (DraftingNode *from,
                  DraftingNode *to,
                  const char   *language)
{
  g_autoptr(GHashTable) from_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) to_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) from_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  DraftingComparison *result;
  Compare self;

  g_return_val_if_fail (DRAFTING_IS_NODE (from), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (to), NULL);

  result = g_atomic_rc_box_new0 (DraftingComparison);
  result->entries = g_array_new (FALSE, TRUE, sizeof (DraftingComparisonEntry));
  g_array_set_clear_func (result->entries, entry_clear);
  result->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  result->text = drafting_marked_text_new ();

  self = (Compare) {
    result, language, from, to, from_ids, to_ids, from_index, kept, result->text,
    DRAFTING_KIND_INVALID,
  };

  index_tree (from_ids, from_index, from);
  index_tree (to_ids, NULL, to);
  find_kept (&self, to);
  lay_out_children (&self, from, to, 0);

  return result;
}
