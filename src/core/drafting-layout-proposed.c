/* drafting-layout-proposed.c: the text as proposed, every change from the present text tracked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-layout.h"

#include "drafting-compare.h"
#include "drafting-tracking.h"

/*
 * A word processor's tracked changes are read two ways: accepted, they
 * must give the text as proposed (drafting_document_new_as_proposed():
 * every open amendment accepted in turn), and rejected, the present text.
 * The marked view's layout cannot give that where several delegations
 * reword one element. This layout can: it lays out both texts by the
 * same rules and merges them, block by block, each change said to be
 * the amendment's that made it.
 *
 * The blocks of the two texts are merged by element: those the proposed
 * text keeps in place (not inserted, deleted or moved, as drafting_compare()
 * has it, nor inside an element that moved) come in the order both share;
 * before each, the present text's blocks that are gone (deleted, or moved
 * away), all deleted; then the proposed text's that are new there (new,
 * or moved there), all inserted. A kept block whose text differs has the
 * word difference of the two as its runs, its number too when it was
 * renumbered.
 *
 * Who made each change: an inserted element is the amendment's that
 * inserted it (its result in the proposed text) or moved it; a deleted
 * one is the amendment's that deleted or moved it, or the element it was
 * in. Words are the rewording's whose own changes hold them, or the one
 * rewording of the element; a number that changed, the last amendment
 * that inserted, deleted or moved an element before it.
 */

typedef struct
{
  DraftingDocument *present;
  DraftingDocument *proposed;
  DraftingTracking *tracking;     /* of the present text */
  GHashTable       *moved;        /* the ids of the elements that moved */
  GHashTable       *results;      /* id of an element a proposed insertion made → the amendment */
  DraftingAmendment *structural;  /* the last amendment to insert, delete or move, so far */
} Merge;

/* Whether @node, or an element it is in, moved between the two texts. */
static gboolean
in_moved (Merge        *self,
          DraftingNode *node)
{
  if (g_hash_table_size (self->moved) == 0)
    return FALSE;

  for (; node != NULL; node = drafting_node_get_parent (node))
    {
      const char *id = drafting_node_get_id (node);

      if (id != NULL && g_hash_table_contains (self->moved, id))
        return TRUE;
    }

  return FALSE;
}

/* Whether the block of @id stays in place from one text to the other. */
static gboolean
kept (Merge      *self,
      const char *id)
{
  DraftingNode *before = drafting_document_lookup (self->present, id);
  DraftingNode *after = drafting_document_lookup (self->proposed, id);

  return before != NULL && after != NULL && !in_moved (self, before) && !in_moved (self, after);
}

/* The open amendment that takes @node away, or the element it is in. */
static DraftingAmendment *
taking_away (Merge        *self,
             DraftingNode *node)
{
  for (; node != NULL; node = drafting_node_get_parent (node))
    {
      g_autoptr(GPtrArray) about = drafting_tracking_get_about (self->tracking, drafting_node_get_id (node));

      for (guint i = 0; i < about->len; i++)
        {
          DraftingAmendment *amendment = g_ptr_array_index (about, i);
          DraftingAmendmentAction action = drafting_amendment_get_action (amendment);

          if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE)
            return amendment;
        }
    }

  return NULL;
}

/* An open amendment that moves one of @node's siblings: the one that
 * moved @node, as far as the comparison can tell, when it found @node
 * moved rather than the sibling (the two are the same change). */
static DraftingAmendment *
moving_a_sibling (Merge        *self,
                  DraftingNode *node)
{
  DraftingNode *parent = drafting_node_get_parent (node);

  for (guint i = 0; parent != NULL && i < drafting_node_get_n_children (parent); i++)
    {
      DraftingNode *sibling = drafting_node_get_child (parent, i);
      g_autoptr(GPtrArray) about = drafting_tracking_get_about (self->tracking, drafting_node_get_id (sibling));

      for (guint a = 0; a < about->len; a++)
        if (drafting_amendment_get_action (g_ptr_array_index (about, a)) == DRAFTING_AMENDMENT_MOVE)
          return g_ptr_array_index (about, a);
    }

  return NULL;
}

/* Who took @node away: the amendment that deletes or moves it or what it
 * is in, or one that moves a sibling past it. */
static DraftingAmendment *
remover (Merge        *self,
         DraftingNode *node)
{
  DraftingAmendment *amendment = taking_away (self, node);

  return amendment != NULL ? amendment : moving_a_sibling (self, node);
}

/* The open amendment that puts the proposed text's @id where it is. */
static DraftingAmendment *
bringing (Merge      *self,
          const char *id)
{
  DraftingAmendment *amendment = g_hash_table_lookup (self->results, id);
  DraftingNode *node;

  if (amendment != NULL)
    return amendment;

  /* Moved, itself or with what it is in. */
  node = drafting_document_lookup (self->present, id);
  return node != NULL ? remover (self, node) : NULL;
}

static void
set_whole_change (DraftingLayoutBlock *block,
                  DraftingChange       change,
                  DraftingAmendment   *amendment)
{
  block->change = change;
  g_set_object (&block->amendment, amendment);
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      run->change = change;
      g_set_object (&run->amendment, amendment);
    }
  for (guint i = 0; block->notes != NULL && i < block->notes->len; i++)
    set_whole_change (g_ptr_array_index (block->notes, i), change, amendment);
}

/* The rewordings of an element, and what each changes in it, marked as
 * its own changes, made when first asked for. */
typedef struct
{
  DraftingNode *node;
  GPtrArray    *rewordings;   /* DraftingAmendment * */
  GPtrArray    *own;          /* DraftingMarkedText *, or NULL until made */
} Rewordings;

static void
rewordings_clear (Rewordings *rewordings)
{
  g_clear_pointer (&rewordings->rewordings, g_ptr_array_unref);
  g_clear_pointer (&rewordings->own, g_ptr_array_unref);
}

/* The rewording whose own changes to the element hold @words, deleted
 * or inserted as @change says; or the first. */
static DraftingAmendment *
rewording_with (Merge          *self,
                Rewordings     *rewordings,
                const char     *words,
                DraftingChange  change)
{
  GPtrArray *all = rewordings->rewordings;

  for (guint i = 0; i < all->len && all->len > 1; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (all, i);
      DraftingMarkedText *own;
      const char *text;

      if (rewordings->own == NULL)
        {
          rewordings->own = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_marked_text_free);
          g_ptr_array_set_size (rewordings->own, all->len);
        }
      if (g_ptr_array_index (rewordings->own, i) == NULL)
        g_ptr_array_index (rewordings->own, i) =
          drafting_tracking_mark_proposal (self->tracking, rewordings->node, amendment);
      own = g_ptr_array_index (rewordings->own, i);
      text = drafting_marked_text_get_text (own);

      for (guint r = 0; r < drafting_marked_text_get_n_runs (own); r++)
        {
          const DraftingMarkedRun *run = drafting_marked_text_get_run (own, r);
          g_autofree char *changed = NULL;

          if (run->change != change)
            continue;
          changed = g_strndup (text + run->start, run->end - run->start);
          if (strstr (changed, words) != NULL || strstr (words, changed) != NULL)
            return amendment;
        }
    }

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* @block, the proposed text's, with the words that differ from @before,
 * the present text's, as its runs, each said to be its amendment's. */
static void
mark_differences (Merge               *self,
                  DraftingLayoutBlock *block,
                  DraftingLayoutBlock *before)
{
  g_autoptr(DraftingMarkedText) marked = drafting_marked_text_new ();
  DraftingNode *node = drafting_document_lookup (self->present, block->id);
  g_autoptr(GPtrArray) about = drafting_tracking_get_about (self->tracking, block->id);
  Rewordings rewordings = { node, g_ptr_array_new (), NULL };
  const char *text;

  for (guint i = 0; i < about->len; i++)
    if (drafting_amendment_get_action (g_ptr_array_index (about, i)) == DRAFTING_AMENDMENT_REPLACE)
      g_ptr_array_add (rewordings.rewordings, g_ptr_array_index (about, i));

  drafting_marked_text_append_diff (marked, before->text, block->text,
                                    drafting_document_get_language (self->present), NULL, NULL);
  text = drafting_marked_text_get_text (marked);

  /* The runs again, from the difference: the notes stay the proposed
   * text's, called where the proposed text calls them. */
  for (guint i = 0; i < block->runs->len; i++)
    g_clear_object (&g_array_index (block->runs, DraftingLayoutRun, i).amendment);
  g_array_set_size (block->runs, 0);
  g_clear_pointer (&block->notes, g_ptr_array_unref);
  g_clear_pointer (&block->calls, g_array_unref);

  for (guint i = 0, at = 0; i <= drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = i < drafting_marked_text_get_n_runs (marked)
                                     ? drafting_marked_text_get_run (marked, i) : NULL;
      guint start = run != NULL ? run->start : drafting_marked_text_get_length (marked);
      DraftingLayoutRun out = { at, start, DRAFTING_RUN_PLAIN, DRAFTING_CHANGE_NONE, NULL, -1 };

      /* What no run covers is as it was. */
      if (start > at)
        g_array_append_val (block->runs, out);
      if (run == NULL)
        break;

      out.start = run->start;
      out.end = run->end;
      out.change = run->change;
      if (run->change != DRAFTING_CHANGE_NONE)
        {
          g_autofree char *words = g_strndup (text + run->start, run->end - run->start);
          DraftingAmendment *by = node != NULL && rewordings.rewordings->len > 0
                                  ? rewording_with (self, &rewordings, words, run->change)
                                  : self->structural;

          out.amendment = by != NULL ? g_object_ref (by) : NULL;
        }
      if (out.end > out.start)
        g_array_append_val (block->runs, out);
      else
        g_clear_object (&out.amendment);
      at = run->end;
    }
  g_free (block->text);
  block->text = g_strdup (text);
  rewordings_clear (&rewordings);
}

/* The blocks of both texts merged, each change tracked. */
static GPtrArray *
merge (Merge     *self,
       GPtrArray *before,
       GPtrArray *after)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_layout_block_free);
  guint i = 0;

  for (guint j = 0; j <= after->len; j++)
    {
      DraftingLayoutBlock *block = j < after->len ? g_ptr_array_index (after, j) : NULL;
      gboolean stays = block != NULL && block->id != NULL && kept (self, block->id);

      /* What the present text has before it, and the proposed not there. */
      while (i < before->len)
        {
          DraftingLayoutBlock *gone = g_ptr_array_index (before, i);
          DraftingNode *node;

          if (gone->id != NULL && kept (self, gone->id))
            break;
          node = gone->id != NULL ? drafting_document_lookup (self->present, gone->id) : NULL;
          set_whole_change (gone, DRAFTING_CHANGE_DELETED, node != NULL ? remover (self, node) : NULL);
          if (gone->amendment != NULL)
            g_set_object (&self->structural, gone->amendment);
          g_ptr_array_add (merged, g_ptr_array_steal_index (before, i));
        }
      if (block == NULL)
        break;

      if (!stays)
        {
          DraftingAmendment *by = block->id != NULL ? bringing (self, block->id) : NULL;

          set_whole_change (block, DRAFTING_CHANGE_INSERTED, by);
          if (by != NULL)
            g_set_object (&self->structural, by);
        }
      else if (i < before->len)
        {
          DraftingLayoutBlock *same = g_ptr_array_index (before, i);

          if (g_strcmp0 (same->text, block->text) != 0)
            mark_differences (self, block, same);
          if (g_strcmp0 (same->label, block->label) != 0)
            {
              block->old_label = g_strdup (same->label);
              g_set_object (&block->label_amendment, self->structural);
            }
          i++;
        }
      g_ptr_array_add (merged, g_ptr_array_index (after, j));
      after->pdata[j] = NULL;
    }

  return merged;
}

/**
 * drafting_layout_build_proposed:
 * @document: a document, which must not change while it is laid out
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 *
 * Lays out the text as proposed, with every change from the present text
 * tracked: accepting every change gives the text as proposed
 * (drafting_document_new_as_proposed()), rejecting every one the present
 * text. Each change says which amendment made it.
 *
 * Returns: (transfer container) (element-type DraftingLayoutBlock): the
 *   blocks, in reading order
 */
GPtrArray *
drafting_layout_build_proposed (DraftingDocument   *document,
                                const char * const *delegations)
{
  Merge self = { NULL, };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GListModel *amendments;
  GPtrArray *merged;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  self.present = document;
  self.proposed = drafting_document_new_as_proposed (document, delegations);
  self.tracking = drafting_tracking_new (document, delegations);
  self.moved = drafting_compare_find_moved (drafting_document_get_root (document),
                                            drafting_document_get_root (self.proposed));
  self.results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* The elements the proposed insertions made, by the amendments in the
   * proposed text, which say what they made. */
  amendments = drafting_document_get_amendments (self.proposed);
  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) accepted = g_list_model_get_item (amendments, i);
      DraftingAmendment *original;

      if (drafting_amendment_get_result (accepted) == NULL ||
          drafting_amendment_get_action (accepted) != DRAFTING_AMENDMENT_INSERT)
        continue;
      original = drafting_document_lookup_amendment (document, drafting_amendment_get_id (accepted));
      if (original != NULL && drafting_amendment_get_status (original) == DRAFTING_AMENDMENT_PROPOSED)
        g_hash_table_insert (self.results, g_strdup (drafting_amendment_get_result (accepted)),
                             g_object_ref (original));
    }

  before = drafting_layout_build_all (document);
  after = drafting_layout_build_all (self.proposed);
  merged = merge (&self, before, after);

  g_clear_object (&self.structural);
  g_hash_table_unref (self.results);
  g_hash_table_unref (self.moved);
  drafting_tracking_free (self.tracking);
  g_object_unref (self.proposed);

  return merged;
}
