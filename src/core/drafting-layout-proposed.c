/* drafting-layout-proposed.c: the text as proposed, every change from the present text tracked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-layout.h"

#include "drafting-compare.h"
#include "drafting-diff.h"
#include "drafting-render.h"
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
 * word difference of the two as its runs, each word in the marks of the
 * text it comes from, and keeps its footnotes; its number is marked too
 * when it was renumbered.
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

/* ------------------------------------------------------------------ */
/* The words of a kept block that differ                               */

/*
 * The two texts of a kept block are compared word by word, and the
 * merged text's runs are the two blocks' own, cut where the difference
 * cuts them: words both have, and words inserted, keep the marks the
 * proposed text gives them (emphasis, the leading phrase, a footnote's
 * call), words deleted those the present text gave them.
 *
 * A footnote's call is compared as one character that stands for the
 * footnote, the same in both texts for the same footnote: it is never
 * cut in two, and a footnote both texts call is kept, called where the
 * proposed text calls it, though it may be numbered otherwise there (a
 * word processor numbers footnotes itself). One the present text calls
 * where the proposed text does not is deleted with its call: the present
 * text's footnote is added to the block's notes, deleted, called from
 * the deleted words. Where the element keeps that footnote uncalled, it
 * prints after the text as proposed, so that printing is inserted. One
 * only the proposed text calls is inserted.
 */

/* The first of the characters that stand for the footnotes called: from
 * Supplementary Private Use Area-A, which no text of the organization's
 * uses. */
#define FIRST_CALL_CHAR 0xF0000

typedef struct
{
  DraftingLayoutBlock *block;
  const char          *text;     /* as compared: @block's, or @own's */
  GString             *own;      /* @block's text with its calls as one character each */
  guint               *starts;   /* where each run starts in @text, and its end after */
} Compared;

typedef struct
{
  DraftingNode *node;
  GPtrArray    *ids;             /* the footnotes called, in order */
} CallsFound;

static void
find_call (G_GNUC_UNUSED guint    start,
           G_GNUC_UNUSED guint    end,
           G_GNUC_UNUSED gboolean emphasis,
           G_GNUC_UNUSED gboolean strong,
           const char            *ref,
           gpointer               user_data)
{
  CallsFound *found = user_data;
  DraftingNode *footnote = NULL;
  g_autofree char *call = NULL;

  if (ref == NULL)
    return;
  /* As the layout has it (add_run() in drafting-layout.c): a call of
   * nothing prints nothing. */
  call = drafting_render_footnote_call (found->node, ref, &footnote);
  if (call != NULL)
    g_ptr_array_add (found->ids, (gpointer) drafting_node_get_id (footnote));
}

/* @block's text to compare: the same, or where it calls footnotes, with
 * each call one character, numbered in @footnotes (the footnote's id →
 * its number + 1, or the call's text where the footnote is not known). */
static void
compared_init (Compared            *compared,
               DraftingLayoutBlock *block,
               DraftingNode        *node,
               GHashTable          *footnotes)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint n_calls = 0;
  guint call = 0;

  compared->block = block;
  compared->text = block->text;
  compared->own = NULL;
  compared->starts = g_new (guint, block->runs->len + 1);
  for (guint i = 0; i < block->runs->len; i++)
    {
      const DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      compared->starts[i] = run->start;
      n_calls += (run->style & DRAFTING_RUN_NOTE_CALL) != 0;
    }
  compared->starts[block->runs->len] = strlen (block->text);
  if (n_calls == 0)
    return;

  if (node != NULL)
    {
      CallsFound found = { node, g_ptr_array_new () };

      drafting_inline_foreach_run (drafting_node_get_content (node), find_call, &found);
      ids = found.ids;
    }

  compared->own = g_string_sized_new (strlen (block->text));
  for (guint i = 0; i < block->runs->len; i++)
    {
      const DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);
      g_autofree char *key = NULL;
      gpointer number;

      compared->starts[i] = compared->own->len;
      if (!(run->style & DRAFTING_RUN_NOTE_CALL))
        {
          g_string_append_len (compared->own, block->text + run->start, run->end - run->start);
          continue;
        }

      /* The footnote, when the calls are those the element's text makes. */
      if (ids != NULL && ids->len == n_calls && g_ptr_array_index (ids, call) != NULL)
        key = g_strdup (g_ptr_array_index (ids, call));
      else
        key = g_strdup_printf ("\1%.*s", (int) (run->end - run->start), block->text + run->start);
      call++;
      if (!g_hash_table_lookup_extended (footnotes, key, NULL, &number))
        {
          number = GUINT_TO_POINTER (g_hash_table_size (footnotes));
          g_hash_table_insert (footnotes, g_steal_pointer (&key), number);
        }
      g_string_append_unichar (compared->own, FIRST_CALL_CHAR + GPOINTER_TO_UINT (number));
    }
  compared->starts[block->runs->len] = compared->own->len;
  compared->text = compared->own->str;
}

static void
compared_clear (Compared *compared)
{
  if (compared->own != NULL)
    g_string_free (compared->own, TRUE);
  g_free (compared->starts);
}

/* The run of @compared's block that holds @at, a place in the text
 * compared, and does not end there: the last run for its end. */
static guint
compared_run_at (Compared *compared,
                 gsize     at)
{
  guint lo = 0;
  guint hi = compared->block->runs->len;

  /* The last run that starts at or before @at. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compared->starts[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* A footnote of the present text whose call is deleted: its index in
 * the present text's block's notes, and the amendment deleting it. */
typedef struct
{
  guint              present;
  DraftingAmendment *by;
} DeletedNote;

/* Adds to @runs the stretch [@start, @end) of @compared's text, as its
 * block's runs have it, at the end of @text, with @change by @by; calls
 * keep their footnote if @notes, else, where @deleted_notes is given,
 * call the footnote as a note of its own added after those @calls has,
 * recorded in @deleted_notes, or none (-1). Records in @calls where each
 * footnote called now is. */
static void
append_compared (GString           *text,
                 GArray            *runs,
                 GArray            *calls,
                 Compared          *compared,
                 gsize              start,
                 gsize              end,
                 DraftingChange     change,
                 DraftingAmendment *by,
                 gboolean           notes,
                 GArray            *deleted_notes)
{
  DraftingLayoutBlock *block = compared->block;

  for (guint i = compared_run_at (compared, start);
       i < block->runs->len && compared->starts[i] < end;
       i++)
    {
      const DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);
      gboolean call = (run->style & DRAFTING_RUN_NOTE_CALL) != 0;
      guint here = compared->starts[i];
      /* A call is one character of the text compared: all of it or none. */
      gsize from = call ? run->start : run->start + (MAX (start, here) - here);
      gsize to = call ? run->end : run->start + (MIN (end, compared->starts[i + 1]) - here);
      DraftingLayoutRun *last = runs->len > 0
                                ? &g_array_index (runs, DraftingLayoutRun, runs->len - 1) : NULL;
      int note = call && notes ? run->note : -1;
      guint at = text->len;

      if (to <= from)
        continue;

      if (call && !notes && deleted_notes != NULL && run->note >= 0)
        {
          DeletedNote deleted = { run->note, by };
          guint none = G_MAXUINT;

          note = calls->len;
          g_array_append_val (calls, none);
          g_array_append_val (deleted_notes, deleted);
        }

      /* Deleted words start no run with a space where the run before is
       * deleted words too: the space goes with those, marks and all, as a
       * word processor keeps a deletion's words in a paragraph of their
       * own, where a space at the start is taken to be no text. */
      if (change == DRAFTING_CHANGE_DELETED && !call && last != NULL && last->end == at &&
          !(last->style & DRAFTING_RUN_NOTE_CALL) && last->change == change && last->amendment == by)
        for (; from < to && block->text[from] == ' '; from++)
          {
            g_string_append_c (text, ' ');
            last->end = at = text->len;
          }
      if (to <= from)
        continue;

      g_string_append_len (text, block->text + from, to - from);
      if (note >= 0 && (guint) note < calls->len)
        g_array_index (calls, guint, note) = at;

      if (last != NULL && last->end == at && last->style == run->style && !call &&
          last->change == change && last->amendment == by)
        {
          last->end = text->len;
          continue;
        }
      g_array_append_val (runs, ((DraftingLayoutRun) {
        .start = at,
        .end = text->len,
        .style = run->style,
        .change = change,
        .amendment = by != NULL ? g_object_ref (by) : NULL,
        .note = note,
      }));
    }
}

/* The text of [@start, @end) of @compared's text, as its block has it. */
static char *
compared_words (Compared *compared,
                gsize     start,
                gsize     end)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (DraftingLayoutRun));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));

  append_compared (text, runs, calls, compared, start, end, DRAFTING_CHANGE_NONE, NULL, FALSE, NULL);

  return g_strdup (text->str);
}

/* The present text's footnotes whose calls @block's deleted words make,
 * from @before, the present text's block, added to @block's notes after
 * its own, deleted by the amendment that deletes each call. One @block
 * keeps but does not call prints after the text only as proposed: that
 * printing is inserted by the same amendment. */
static void
take_deleted_notes (DraftingLayoutBlock *block,
                    DraftingLayoutBlock *before,
                    GArray              *deleted_notes)
{
  guint own = block->notes != NULL ? block->notes->len : 0;

  if (deleted_notes->len == 0)
    return;

  if (block->notes == NULL)
    block->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_layout_block_free);
  for (guint i = 0; i < deleted_notes->len; i++)
    {
      const DeletedNote *deleted = &g_array_index (deleted_notes, DeletedNote, i);
      DraftingLayoutBlock *note = g_steal_pointer (&before->notes->pdata[deleted->present]);

      set_whole_change (note, DRAFTING_CHANGE_DELETED, deleted->by);
      g_ptr_array_add (block->notes, note);

      for (guint j = 0; note->id != NULL && j < own; j++)
        {
          DraftingLayoutBlock *kept_note = g_ptr_array_index (block->notes, j);

          if (g_array_index (block->calls, guint, j) == G_MAXUINT &&
              g_strcmp0 (kept_note->id, note->id) == 0)
            set_whole_change (kept_note, DRAFTING_CHANGE_INSERTED, deleted->by);
        }
    }
}

/* @block, the proposed text's, its runs those of the difference of @was,
 * the present text's block, and @is, @block itself, each change said to
 * be its amendment's; @node is the element in the present text. */
static void
merge_words (Merge               *self,
             DraftingLayoutBlock *block,
             DraftingNode        *node,
             Compared            *was,
             Compared            *is)
{
  g_autoptr(GPtrArray) about = drafting_tracking_get_about (self->tracking, block->id);
  Rewordings rewordings = { node, g_ptr_array_new (), NULL };
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) deleted_notes = g_array_new (FALSE, FALSE, sizeof (DeletedNote));
  GArray *runs = g_array_sized_new (FALSE, FALSE, sizeof (DraftingLayoutRun), block->runs->len + 4);
  GString *text = g_string_sized_new (strlen (was->block->text) + strlen (block->text));

  for (guint i = 0; i < about->len; i++)
    if (drafting_amendment_get_action (g_ptr_array_index (about, i)) == DRAFTING_AMENDMENT_REPLACE)
      g_ptr_array_add (rewordings.rewordings, g_ptr_array_index (about, i));

  spans = drafting_diff_words (was->text, is->text, drafting_document_get_language (self->present));

  /* Where each footnote is called in the merged text, as the calls are
   * added; one printed after the text stays so. */
  g_array_set_size (calls, block->notes != NULL ? block->notes->len : 0);
  for (guint i = 0; i < calls->len; i++)
    g_array_index (calls, guint, i) = G_MAXUINT;

  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);
      gboolean deleted = span->op == DRAFTING_DIFF_DELETE;
      DraftingChange change = span->op == DRAFTING_DIFF_EQUAL ? DRAFTING_CHANGE_NONE
                              : deleted ? DRAFTING_CHANGE_DELETED : DRAFTING_CHANGE_INSERTED;
      Compared *side = deleted ? was : is;
      gsize start = deleted ? span->old_start : span->new_start;
      gsize end = deleted ? span->old_end : span->new_end;
      DraftingAmendment *by = NULL;

      if (change != DRAFTING_CHANGE_NONE)
        {
          g_autofree char *words = compared_words (side, start, end);

          by = node != NULL && rewordings.rewordings->len > 0
               ? rewording_with (self, &rewordings, words, change)
               : self->structural;
        }
      append_compared (text, runs, calls, side, start, end, change, by, !deleted, deleted_notes);
    }

  take_deleted_notes (block, was->block, deleted_notes);
  if (calls->len > 0)
    {
      g_clear_pointer (&block->calls, g_array_unref);
      block->calls = g_steal_pointer (&calls);
    }
  for (guint i = 0; i < block->runs->len; i++)
    g_clear_object (&g_array_index (block->runs, DraftingLayoutRun, i).amendment);
  g_array_unref (block->runs);
  block->runs = runs;
  g_free (block->text);
  block->text = g_string_free (text, FALSE);
  rewordings_clear (&rewordings);
}

/* @block, the proposed text's, with the words that differ from @before,
 * the present text's, marked. */
static void
mark_differences (Merge               *self,
                  DraftingLayoutBlock *block,
                  DraftingLayoutBlock *before)
{
  DraftingNode *node = drafting_document_lookup (self->present, block->id);
  g_autoptr(GHashTable) footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Compared was;
  Compared is;

  compared_init (&was, before, node, footnotes);
  compared_init (&is, block, drafting_document_lookup (self->proposed, block->id), footnotes);

  /* Where only the footnotes' numbers differ, the block stays as it is. */
  if (strcmp (was.text, is.text) != 0)
    merge_words (self, block, node, &was, &is);

  compared_clear (&was);
  compared_clear (&is);
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
