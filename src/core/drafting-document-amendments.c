/* drafting-document-amendments.c: the amendments a document keeps, and what deciding them does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-diff.h"
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/*
 * A document owns the amendments proposed to it, in the order they came,
 * as a list model the window shows. They are a record, not history: the
 * text changes only when one is accepted (or the Secretariat edits it),
 * and proposing, accepting, rejecting, withdrawing and reopening are
 * changes like any other, undone and redone with the text they changed;
 * what the undo takes back is the change to the record, never the record
 * of what came before.
 *
 * Each amendment keeps the wording its change was made against, its base.
 * When one is accepted, each other proposed amendment of the same element
 * is re-applied onto the new text where its change still applies cleanly
 * (a three-way merge of its base, the new text and its proposal, word by
 * word), and marked "needs review" where it does not.
 */

static GError *
not_allowed (const char *message)
{
  return g_error_new_literal (DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED, message);
}

/* ------------------------------------------------------------------ */
/* The record                                                          */

/**
 * drafting_document_get_amendments:
 *
 * Returns: (transfer none): the amendments proposed to the document, a
 *   list model of #DraftingAmendment in the order they were proposed
 */
GListModel *
drafting_document_get_amendments (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->amendments);
}

/**
 * drafting_document_lookup_amendment:
 *
 * Returns: (transfer none) (nullable): the amendment of that identifier
 */
DraftingAmendment *
drafting_document_lookup_amendment (DraftingDocument *self,
                                    const char       *id)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->amendment_ids, id) : NULL;
}

/* The amendments about each element, whatever their status, so that
 * accepting one looks at those about the same element only. */
static void
index_by_target (DraftingDocument  *self,
                 DraftingAmendment *amendment)
{
  const char *target = drafting_amendment_get_target (amendment);
  GPtrArray *about;

  if (target == NULL)
    return;
  if ((about = g_hash_table_lookup (self->amendments_by_target, target)) == NULL)
    {
      about = g_ptr_array_new ();
      g_hash_table_insert (self->amendments_by_target, g_strdup (target), about);
    }
  g_ptr_array_add (about, amendment);
}

static void
unindex_by_target (DraftingDocument  *self,
                   DraftingAmendment *amendment)
{
  const char *target = drafting_amendment_get_target (amendment);
  GPtrArray *about = target != NULL ? g_hash_table_lookup (self->amendments_by_target, target) : NULL;

  if (about == NULL)
    return;
  g_ptr_array_remove_fast (about, amendment);
  if (about->len == 0)
    g_hash_table_remove (self->amendments_by_target, target);
}

void
_drafting_document_link_amendment (DraftingDocument  *self,
                                   guint              index,
                                   DraftingAmendment *amendment)
{
  _drafting_document_forget_conflicts (self);
  _drafting_amendment_set_in_record (amendment, TRUE);
  g_list_store_insert (self->amendments, index, amendment);
  g_ptr_array_insert (self->amendment_array, index, amendment);
  g_hash_table_insert (self->amendment_ids, (gpointer) drafting_amendment_get_id (amendment),
                       amendment);
  index_by_target (self, amendment);
}

void
_drafting_document_unlink_amendment (DraftingDocument *self,
                                     guint             index)
{
  g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (G_LIST_MODEL (self->amendments),
                                                                  index);

  _drafting_document_forget_conflicts (self);
  _drafting_amendment_set_in_record (amendment, FALSE);
  unindex_by_target (self, amendment);
  g_hash_table_remove (self->amendment_ids, drafting_amendment_get_id (amendment));
  g_ptr_array_remove_index (self->amendment_array, index);
  g_list_store_remove (self->amendments, index);
}

/* An amendment read from a file: part of the document, with no history. */
void
_drafting_document_add_amendment (DraftingDocument  *self,
                                  DraftingAmendment *amendment)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_AMENDMENT (amendment));
  g_return_if_fail (drafting_document_lookup_amendment (self, drafting_amendment_get_id (amendment)) == NULL);

  _drafting_document_link_amendment (self, g_list_model_get_n_items (G_LIST_MODEL (self->amendments)),
                                     amendment);
}

/**
 * _drafting_document_add_amendments:
 * @amendments: (element-type DraftingAmendment): amendments read from a
 *   file, in the order of its record
 *
 * _drafting_document_add_amendment() for all of a file's amendments at
 * once: one change to the list model, as a reader has them all before
 * anyone looks.
 */
void
_drafting_document_add_amendments (DraftingDocument *self,
                                   GPtrArray        *amendments)
{
  g_autoptr(GPtrArray) added = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (amendments != NULL);
  for (guint i = 0; i < amendments->len; i++)
    g_return_if_fail (DRAFTING_IS_AMENDMENT (g_ptr_array_index (amendments, i)));

  _drafting_document_forget_conflicts (self);
  added = g_ptr_array_sized_new (amendments->len);
  for (guint i = 0; i < amendments->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (amendments, i);
      const char *id = drafting_amendment_get_id (amendment);

      if (G_UNLIKELY (g_hash_table_contains (self->amendment_ids, id)))
        {
          g_critical ("The amendment “%s” is already in the document", id);
          continue;
        }

      _drafting_amendment_set_in_record (amendment, TRUE);
      g_ptr_array_add (self->amendment_array, amendment);
      g_hash_table_insert (self->amendment_ids, (gpointer) id, amendment);
      index_by_target (self, amendment);
      g_ptr_array_add (added, amendment);
    }

  g_list_store_splice (self->amendments,
                       g_list_model_get_n_items (G_LIST_MODEL (self->amendments)), 0,
                       added->pdata, added->len);
}

static void
record_add (DraftingDocument  *self,
            DraftingAmendment *amendment)
{
  Op *op = _drafting_document_op_new (OP_AMENDMENT_ADD, NULL);

  op->amendment = g_object_ref (amendment);
  op->index = g_list_model_get_n_items (G_LIST_MODEL (self->amendments));
  _drafting_document_record (self, op);
}

/* Records what @change did to @amendment, as one step of the action under
 * way; @before is what it was. */
static void
record_state (DraftingDocument       *self,
              DraftingAmendment      *amendment,
              DraftingAmendmentState *before)
{
  DraftingAmendmentState *after = _drafting_amendment_save_state (amendment);
  Op *op;

  if (_drafting_amendment_state_equal (before, after))
    {
      _drafting_amendment_state_free (before);
      _drafting_amendment_state_free (after);
      return;
    }

  op = _drafting_document_op_new (OP_AMENDMENT_STATE, NULL);
  op->amendment = g_object_ref (amendment);
  op->old_state = before;
  op->new_state = after;
  _drafting_document_record (self, op);
}

/* ------------------------------------------------------------------ */
/* Wording                                                             */

static gboolean
same_wording (const char           *lead_a,
              const DraftingInline *content_a,
              const char           *lead_b,
              const DraftingInline *content_b)
{
  return g_strcmp0 (lead_a, lead_b) == 0 && drafting_inline_equal (content_a, content_b);
}

/* The wording @amendment proposes, laid over what the element says now
 * when that is no longer its base: the leading phrase and the words each
 * merged where the two changes touch different words. Marks come with the
 * proposed text when it is taken whole. */
static gboolean
merge_wording (DraftingDocument      *self,
               const char            *base_lead,
               const DraftingInline  *base,
               const char            *present_lead,
               const DraftingInline  *present,
               const char            *proposed_lead,
               const DraftingInline  *proposed,
               char                 **lead,
               DraftingInline       **content)
{
  const char *language = drafting_document_get_language (self);
  g_autofree char *merged = NULL;

  if (g_strcmp0 (present_lead, base_lead) == 0)
    *lead = g_strdup (proposed_lead);
  else if (g_strcmp0 (proposed_lead, base_lead) == 0 || g_strcmp0 (proposed_lead, present_lead) == 0)
    *lead = g_strdup (present_lead);
  else
    return FALSE;

  if (drafting_inline_equal (present, base))
    {
      *content = drafting_inline_copy (proposed);
      return TRUE;
    }
  if (drafting_inline_equal (proposed, base))
    {
      *content = drafting_inline_copy (present);
      return TRUE;
    }

  if (!drafting_diff_merge3 (drafting_inline_get_text (base), drafting_inline_get_text (present),
                             drafting_inline_get_text (proposed), language, &merged))
    {
      g_clear_pointer (lead, g_free);
      return FALSE;
    }

  *content = g_strcmp0 (merged, drafting_inline_get_text (proposed)) == 0
               ? drafting_inline_copy (proposed)
               : g_strcmp0 (merged, drafting_inline_get_text (present)) == 0
                 ? drafting_inline_copy (present)
                 : drafting_inline_new (merged);
  return TRUE;
}

/* What the element was, for when it is gone: "operative-paragraph 3.". */
static char *
target_label (DraftingNode *node)
{
  g_autofree char *number = drafting_node_get_number (node);

  if (number == NULL || number[0] == '\0')
    return g_strdup (drafting_kind_to_string (node->kind));

  return g_strdup_printf ("%s %s", drafting_kind_to_string (node->kind), number);
}

/* Where @node is, for putting it back there: after the element before it,
 * or first in its parent. */
static void
place_of (DraftingNode       *node,
          const char        **anchor,
          DraftingPlacement  *placement)
{
  DraftingNode *prev = node->parent != NULL ? drafting_node_get_previous_sibling (node) : NULL;

  while (prev != NULL && prev->kind == DRAFTING_KIND_FOOTNOTE)
    prev = drafting_node_get_previous_sibling (prev);

  if (prev != NULL)
    {
      *anchor = prev->id;
      *placement = DRAFTING_PLACEMENT_AFTER;
    }
  else
    {
      *anchor = node->parent->id;
      *placement = DRAFTING_PLACEMENT_INTO;
    }
}

/* Makes @node and all it holds elements that were @self's, so that they
 * come back under their own identifiers. */
static void
make_home (DraftingNode     *node,
           DraftingDocument *self)
{
  node->home = self;
  for (guint i = 0; i < node->children->len; i++)
    make_home (g_ptr_array_index (node->children, i), self);
}

/* Where an element goes after or into @anchor. */
static gboolean
position_at (DraftingDocument   *self,
             const char         *anchor_id,
             DraftingPlacement   placement,
             DraftingNode      **parent,
             guint              *index)
{
  DraftingNode *anchor = drafting_document_lookup (self, anchor_id);

  if (anchor == NULL)
    return FALSE;

  if (placement == DRAFTING_PLACEMENT_INTO)
    {
      *parent = anchor;
      *index = _drafting_document_leading_footnotes (anchor);
      return TRUE;
    }

  if (anchor->parent == NULL)
    return FALSE;

  *parent = anchor->parent;
  *index = drafting_node_get_index (anchor) + 1;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Proposing                                                           */

static gboolean
check_proposal (DraftingDocument   *self,
                DraftingAmendment  *amendment,
                DraftingNode      **target,
                GError            **error)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  const char *destination;
  DraftingPlacement placement;
  DraftingNode *node = drafting_document_lookup (self, drafting_amendment_get_target (amendment));
  DraftingNode *parent;
  guint index;

  *target = node;

  if (node == NULL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   _("The document has no element “%s”"),
                   drafting_amendment_get_target (amendment) ? drafting_amendment_get_target (amendment) : "");
      return FALSE;
    }

  switch (action)
    {
    case DRAFTING_AMENDMENT_REPLACE:
      if (!drafting_kind_has_text (node->kind))
        {
          g_propagate_error (error, not_allowed (_("This element has no wording to replace")));
          return FALSE;
        }
      return TRUE;

    case DRAFTING_AMENDMENT_INSERT:
      if (drafting_amendment_get_kind (amendment) >= DRAFTING_N_KINDS ||
          drafting_amendment_get_kind (amendment) == DRAFTING_KIND_DOCUMENT ||
          !position_at (self, node->id, drafting_amendment_get_placement (amendment), &parent, &index) ||
          !drafting_kind_allows_child (parent->kind, drafting_amendment_get_kind (amendment)))
        {
          g_propagate_error (error, not_allowed (_("An element of that kind cannot go there")));
          return FALSE;
        }
      return TRUE;

    case DRAFTING_AMENDMENT_DELETE:
      if (node == self->root)
        {
          g_propagate_error (error, not_allowed (_("The document itself cannot be deleted")));
          return FALSE;
        }
      return TRUE;

    case DRAFTING_AMENDMENT_MOVE:
      destination = drafting_amendment_get_destination (amendment, &placement);
      if (node == self->root || !position_at (self, destination, placement, &parent, &index) ||
          parent == node || drafting_node_is_ancestor (node, parent) ||
          !drafting_kind_allows_child (parent->kind, node->kind))
        {
          g_propagate_error (error, not_allowed (_("The element cannot be moved there")));
          return FALSE;
        }
      return TRUE;

    default:
      g_propagate_error (error, not_allowed (_("This is not an action an amendment can take")));
      return FALSE;
    }
}

/**
 * drafting_document_propose:
 * @amendment: a new amendment, not yet in any document
 *
 * Adds @amendment to the record, as proposed, with the present wording of
 * its element as its base (unless it brings a base of its own, as one
 * read from a delegation's file does). The text does not change.
 *
 * Returns: %FALSE if its element is not in the document, or what it
 *   proposes cannot be done there
 */
gboolean
drafting_document_propose (DraftingDocument   *self,
                           DraftingAmendment  *amendment,
                           GError            **error)
{
  g_autofree char *label = NULL;
  DraftingNode *node;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), FALSE);

  if (drafting_document_lookup_amendment (self, drafting_amendment_get_id (amendment)) != NULL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   _("The amendment “%s” is already in the document"),
                   drafting_amendment_get_id (amendment));
      return FALSE;
    }

  if (!check_proposal (self, amendment, &node, error))
    return FALSE;

  if (drafting_amendment_get_action (amendment) != DRAFTING_AMENDMENT_INSERT)
    {
      drafting_amendment_set_kind (amendment, node->kind);
      if (drafting_inline_is_empty (drafting_amendment_get_base_content (amendment)) &&
          drafting_amendment_get_base_lead (amendment)[0] == '\0')
        _drafting_amendment_set_base (amendment, node->lead, node->content);
    }
  label = target_label (node);
  _drafting_amendment_set_target_label (amendment, label);
  _drafting_amendment_set_status (amendment, DRAFTING_AMENDMENT_PROPOSED);

  drafting_document_begin_action (self, C_("undo", "Propose Amendment"));
  record_add (self, amendment);
  drafting_document_end_action (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Deciding                                                            */

/* Each other proposed amendment of @node's wording, re-applied onto what
 * it says now, or marked for review where its change no longer applies. */
/* The proposed amendments about what @amendment deletes or moves, found
 * before it does. */
static GPtrArray *
taken_away_by (DraftingDocument  *self,
               DraftingAmendment *amendment)
{
  GPtrArray *taken = g_ptr_array_new_with_free_func (g_object_unref);
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);

  if (action != DRAFTING_AMENDMENT_DELETE && action != DRAFTING_AMENDMENT_MOVE)
    return taken;

  for (guint i = 0; i < self->amendment_array->len; i++)
    {
      DraftingAmendment *other = g_ptr_array_index (self->amendment_array, i);

      if (other != amendment && drafting_amendment_get_status (other) == DRAFTING_AMENDMENT_PROPOSED &&
          _drafting_document_takes_away (self, amendment, other))
        g_ptr_array_add (taken, g_object_ref (other));
    }

  return taken;
}

static void
reapply_others (DraftingDocument  *self,
                DraftingAmendment *accepted,
                DraftingNode      *node,
                GPtrArray         *taken)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (accepted);
  gboolean structural = action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE;
  GPtrArray *about = NULL;

  /* Only those the accepted one takes away, or those about the element
   * it changed: each is re-applied on its own, in any order. */
  if (structural)
    about = taken;
  else if (node != NULL)
    about = g_hash_table_lookup (self->amendments_by_target, node->id);
  if (about == NULL)
    return;

  /* Re-applying them changes neither what they are about nor the list. */
  for (guint i = 0; i < about->len; i++)
    {
      DraftingAmendment *other = g_ptr_array_index (about, i);
      DraftingAmendmentState *before;
      g_autofree char *lead = NULL;
      g_autoptr(DraftingInline) content = NULL;

      if (other == accepted || drafting_amendment_get_status (other) != DRAFTING_AMENDMENT_PROPOSED)
        continue;

      /* Only those about what changed: the others are left untouched, and
       * not even looked at closely. */
      if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE
            ? !g_ptr_array_find (taken, other, NULL)
            : node == NULL || drafting_amendment_get_action (other) != DRAFTING_AMENDMENT_REPLACE ||
              g_strcmp0 (drafting_amendment_get_target (other), node->id) != 0)
        continue;

      before = _drafting_amendment_save_state (other);

      if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE)
        {
          if (g_ptr_array_find (taken, other, NULL) &&
              !(action == DRAFTING_AMENDMENT_MOVE &&
                drafting_amendment_get_action (other) == DRAFTING_AMENDMENT_REPLACE))
            _drafting_amendment_set_needs_review (other, TRUE);
        }
      else if (node != NULL && drafting_amendment_get_action (other) == DRAFTING_AMENDMENT_REPLACE &&
               g_strcmp0 (drafting_amendment_get_target (other), node->id) == 0 &&
               !same_wording (drafting_amendment_get_base_lead (other),
                              drafting_amendment_get_base_content (other), node->lead, node->content))
        {
          if (merge_wording (self, drafting_amendment_get_base_lead (other),
                             drafting_amendment_get_base_content (other), node->lead, node->content,
                             drafting_amendment_get_lead (other), drafting_amendment_get_content (other),
                             &lead, &content))
            {
              _drafting_amendment_set_base (other, node->lead, node->content);
              drafting_amendment_set_wording (other, lead, content);
              _drafting_amendment_set_needs_review (other, FALSE);
            }
          else
            _drafting_amendment_set_needs_review (other, TRUE);
        }

      record_state (self, other, before);
    }
}

static gboolean
apply (DraftingDocument   *self,
       DraftingAmendment  *amendment,
       DraftingNode      **changed,
       GError            **error)
{
  DraftingNode *node = drafting_document_lookup (self, drafting_amendment_get_target (amendment));
  g_autofree char *lead = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(DraftingNode) fresh = NULL;
  const char *anchor;
  DraftingPlacement placement;
  DraftingNode *parent;
  guint index;

  *changed = NULL;

  if (node == NULL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   _("The element this amendment is about (%s) is no longer in the document"),
                   drafting_amendment_get_target_label (amendment));
      return FALSE;
    }

  switch (drafting_amendment_get_action (amendment))
    {
    case DRAFTING_AMENDMENT_REPLACE:
      if (!merge_wording (self, drafting_amendment_get_base_lead (amendment),
                          drafting_amendment_get_base_content (amendment), node->lead, node->content,
                          drafting_amendment_get_lead (amendment), drafting_amendment_get_content (amendment),
                          &lead, &content))
        {
          g_propagate_error (error, not_allowed (_("The words this amendment changes have changed since it "
                                                   "was proposed: it needs review")));
          return FALSE;
        }
      /* Made against an older wording: it is now what it did to this one. */
      if (!same_wording (drafting_amendment_get_base_lead (amendment),
                         drafting_amendment_get_base_content (amendment), node->lead, node->content))
        {
          _drafting_amendment_set_base (amendment, node->lead, node->content);
          drafting_amendment_set_wording (amendment, lead, content);
        }
      drafting_document_edit_text (self, node, lead, content, DRAFTING_EDIT_NONE);
      *changed = node;
      return TRUE;

    case DRAFTING_AMENDMENT_INSERT:
      if (!position_at (self, node->id, drafting_amendment_get_placement (amendment), &parent, &index))
        break;
      fresh = drafting_node_new (drafting_amendment_get_kind (amendment), NULL);
      if (drafting_kind_has_lead (fresh->kind))
        drafting_node_set_lead (fresh, drafting_amendment_get_lead (amendment));
      drafting_node_set_content (fresh, drafting_amendment_get_content (amendment));
      if (!drafting_document_insert (self, parent, index, fresh, error))
        return FALSE;
      _drafting_amendment_set_result (amendment, fresh->id);
      *changed = fresh;
      return TRUE;

    case DRAFTING_AMENDMENT_DELETE:
      {
        g_autoptr(DraftingNode) removed = drafting_node_copy (node);

        place_of (node, &anchor, &placement);
        _drafting_amendment_set_origin (amendment, anchor, placement);
        _drafting_amendment_set_removed (amendment, removed);
        drafting_document_delete (self, node);
      }
      return TRUE;

    case DRAFTING_AMENDMENT_MOVE:
      anchor = drafting_amendment_get_destination (amendment, &placement);
      if (!position_at (self, anchor, placement, &parent, &index))
        break;
      {
        const char *origin;
        DraftingPlacement origin_placement;

        place_of (node, &origin, &origin_placement);
        _drafting_amendment_set_origin (amendment, origin, origin_placement);
      }
      if (!drafting_document_move (self, node, parent, index, error))
        return FALSE;
      *changed = node;
      return TRUE;

    default:
      break;
    }

  g_propagate_error (error, not_allowed (_("The place this amendment names is no longer in the document")));
  return FALSE;
}

/* Undoes what the action under way did when it cannot be finished. */
static void
abandon (DraftingDocument *self,
         guint64           changes)
{
  drafting_document_end_action (self);
  if (drafting_document_get_change_count (self) != changes)
    drafting_document_undo (self);
}

/**
 * drafting_document_accept_amendment:
 *
 * Makes the change @amendment proposes, records it as accepted, and
 * re-applies the other proposed amendments of the same element onto the
 * new text, or marks them for review; one change to undo.
 *
 * Returns: %FALSE, the document as it was, if it is not proposed, or its
 *   change can no longer be made
 */
gboolean
drafting_document_accept_amendment (DraftingDocument   *self,
                                    DraftingAmendment  *amendment,
                                    GError            **error)
{
  g_autoptr(GPtrArray) taken = NULL;
  DraftingAmendmentState *before;
  DraftingNode *changed;
  guint64 changes;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), FALSE);
  g_return_val_if_fail (drafting_document_lookup_amendment (self, drafting_amendment_get_id (amendment)) == amendment, FALSE);

  if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
    {
      g_propagate_error (error, not_allowed (_("Only a proposed amendment can be accepted")));
      return FALSE;
    }

  taken = taken_away_by (self, amendment);
  changes = drafting_document_get_change_count (self);
  drafting_document_begin_action (self, C_("undo", "Accept Amendment"));

  before = _drafting_amendment_save_state (amendment);
  if (!apply (self, amendment, &changed, error))
    {
      _drafting_amendment_restore_state (amendment, before);
      _drafting_amendment_state_free (before);
      abandon (self, changes);
      return FALSE;
    }
  _drafting_amendment_set_needs_review (amendment, FALSE);
  _drafting_amendment_set_status (amendment, DRAFTING_AMENDMENT_ACCEPTED);
  record_state (self, amendment, before);

  reapply_others (self, amendment, changed, taken);
  drafting_document_end_action (self);

  return TRUE;
}

/**
 * drafting_document_decide_amendment:
 * @status: %DRAFTING_AMENDMENT_REJECTED, %DRAFTING_AMENDMENT_WITHDRAWN or
 *   %DRAFTING_AMENDMENT_SUPERSEDED
 *
 * Records a decision that leaves the text as it is.
 *
 * Returns: %FALSE if @amendment is not proposed
 */
gboolean
drafting_document_decide_amendment (DraftingDocument         *self,
                                    DraftingAmendment        *amendment,
                                    DraftingAmendmentStatus   status,
                                    GError                  **error)
{
  DraftingAmendmentState *before;
  const char *label;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), FALSE);
  g_return_val_if_fail (status == DRAFTING_AMENDMENT_REJECTED || status == DRAFTING_AMENDMENT_WITHDRAWN ||
                        status == DRAFTING_AMENDMENT_SUPERSEDED, FALSE);

  if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
    {
      g_propagate_error (error, not_allowed (_("Only a proposed amendment can be decided")));
      return FALSE;
    }

  label = status == DRAFTING_AMENDMENT_REJECTED ? C_("undo", "Reject Amendment")
        : status == DRAFTING_AMENDMENT_WITHDRAWN ? C_("undo", "Withdraw Amendment")
        : C_("undo", "Supersede Amendment");

  drafting_document_begin_action (self, label);
  before = _drafting_amendment_save_state (amendment);
  _drafting_amendment_set_status (amendment, status);
  record_state (self, amendment, before);
  drafting_document_end_action (self);

  return TRUE;
}

/* Takes back the change of an accepted amendment where it still can. */
static gboolean
take_back (DraftingDocument   *self,
           DraftingAmendment  *amendment,
           GError            **error)
{
  DraftingNode *node = drafting_document_lookup (self, drafting_amendment_get_target (amendment));
  g_autofree char *lead = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(DraftingNode) restored = NULL;
  const char *origin;
  DraftingPlacement placement;
  DraftingNode *parent;
  guint index;

  switch (drafting_amendment_get_action (amendment))
    {
    case DRAFTING_AMENDMENT_REPLACE:
      if (node == NULL)
        break;
      /* What was accepted, taken off what the text says now. */
      if (!merge_wording (self, drafting_amendment_get_lead (amendment),
                          drafting_amendment_get_content (amendment), node->lead, node->content,
                          drafting_amendment_get_base_lead (amendment),
                          drafting_amendment_get_base_content (amendment), &lead, &content))
        {
          g_propagate_error (error, not_allowed (_("The words this amendment changed have been changed "
                                                   "again since: its change cannot be taken back")));
          return FALSE;
        }
      drafting_document_edit_text (self, node, lead, content, DRAFTING_EDIT_NONE);
      return TRUE;

    case DRAFTING_AMENDMENT_INSERT:
      node = drafting_document_lookup (self, drafting_amendment_get_result (amendment));
      if (node == NULL)
        {
          g_propagate_error (error, not_allowed (_("The element this amendment inserted is no longer in "
                                                   "the document")));
          return FALSE;
        }
      if (!same_wording (node->lead, node->content, drafting_amendment_get_lead (amendment),
                         drafting_amendment_get_content (amendment)) ||
          drafting_node_has_content_children (node))
        {
          g_propagate_error (error, not_allowed (_("The element this amendment inserted has been changed "
                                                   "since: it is left as it is")));
          return FALSE;
        }
      drafting_document_delete (self, node);
      _drafting_amendment_set_result (amendment, NULL);
      return TRUE;

    case DRAFTING_AMENDMENT_DELETE:
      origin = drafting_amendment_get_origin (amendment, &placement);
      if (!position_at (self, origin, placement, &parent, &index))
        break;
      /* The element as it was, with what it held, and under its own
       * identifier, for the amendments about it; from a file, where only
       * its wording was kept, the element alone. */
      if (_drafting_amendment_get_removed (amendment) != NULL)
        restored = drafting_node_copy (_drafting_amendment_get_removed (amendment));
      else
        {
          restored = drafting_node_new (drafting_amendment_get_kind (amendment),
                                        drafting_amendment_get_target (amendment));
          if (drafting_kind_has_lead (restored->kind))
            drafting_node_set_lead (restored, drafting_amendment_get_base_lead (amendment));
          drafting_node_set_content (restored, drafting_amendment_get_base_content (amendment));
        }
      make_home (restored, self);
      if (!drafting_document_insert (self, parent, index, restored, error))
        return FALSE;
      _drafting_amendment_set_origin (amendment, NULL, DRAFTING_PLACEMENT_AFTER);
      _drafting_amendment_set_removed (amendment, NULL);
      return TRUE;

    case DRAFTING_AMENDMENT_MOVE:
      origin = drafting_amendment_get_origin (amendment, &placement);
      if (node == NULL || !position_at (self, origin, placement, &parent, &index) ||
          parent == node || drafting_node_is_ancestor (node, parent))
        break;
      if (!drafting_document_move (self, node, parent, index, error))
        return FALSE;
      _drafting_amendment_set_origin (amendment, NULL, DRAFTING_PLACEMENT_AFTER);
      return TRUE;

    default:
      break;
    }

  g_propagate_error (error, not_allowed (_("The place this amendment changed is no longer in the "
                                           "document: its change cannot be taken back")));
  return FALSE;
}

/**
 * drafting_document_reopen_amendment:
 *
 * Makes a decided amendment proposed again. An accepted one's change is
 * taken back where it still can be: its words, where no later change
 * touched them; the element it inserted, unchanged since; the element it
 * deleted or moved, put back where it was.
 *
 * Returns: %FALSE, the document as it was, if @amendment is proposed, or
 *   its change can no longer be taken back (the error says why)
 */
gboolean
drafting_document_reopen_amendment (DraftingDocument   *self,
                                    DraftingAmendment  *amendment,
                                    GError            **error)
{
  DraftingAmendmentState *before;
  guint64 changes;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), FALSE);

  if (drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED)
    {
      g_propagate_error (error, not_allowed (_("This amendment is already open")));
      return FALSE;
    }

  changes = drafting_document_get_change_count (self);
  drafting_document_begin_action (self, C_("undo", "Reopen Amendment"));
  before = _drafting_amendment_save_state (amendment);

  if (drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_ACCEPTED &&
      !take_back (self, amendment, error))
    {
      _drafting_amendment_restore_state (amendment, before);
      _drafting_amendment_state_free (before);
      abandon (self, changes);
      return FALSE;
    }

  _drafting_amendment_set_status (amendment, DRAFTING_AMENDMENT_PROPOSED);
  record_state (self, amendment, before);
  drafting_document_end_action (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* A proposal as its delegation writes it                              */

/**
 * drafting_document_update_amendment:
 * @amendment: a proposed amendment of the document
 * @lead: (nullable): its new leading phrase, or %NULL to keep it
 * @content: (nullable): its new wording, or %NULL to keep it
 * @justification: (nullable): its new justification, or %NULL to keep it
 * @flags: %DRAFTING_EDIT_COALESCE while the delegation types
 *
 * Changes what a proposed amendment says, as its delegation writes it:
 * undone and redone like any change, the steps of typing one word
 * together. The text of the document does not change.
 *
 * Returns: %FALSE if @amendment is no longer proposed, or a wording is
 *   given to one that deletes or moves an element
 */
gboolean
drafting_document_update_amendment (DraftingDocument      *self,
                                    DraftingAmendment     *amendment,
                                    const char            *lead,
                                    const DraftingInline  *content,
                                    const char            *justification,
                                    DraftingEditFlags      flags,
                                    GError               **error)
{
  DraftingAmendmentAction action;
  DraftingAmendmentState *before;
  g_autofree char *clean_lead = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), FALSE);
  g_return_val_if_fail (drafting_document_lookup_amendment (self, drafting_amendment_get_id (amendment)) == amendment,
                        FALSE);

  if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
    {
      g_propagate_error (error, not_allowed (_("Only a proposed amendment can be changed")));
      return FALSE;
    }

  action = drafting_amendment_get_action (amendment);
  if ((lead != NULL || content != NULL) &&
      action != DRAFTING_AMENDMENT_REPLACE && action != DRAFTING_AMENDMENT_INSERT)
    {
      g_propagate_error (error, not_allowed (_("This amendment proposes no wording")));
      return FALSE;
    }

  if (lead != NULL)
    {
      clean_lead = g_strdup (lead);
      drafting_text_sanitize (clean_lead, -1, TRUE);
    }

  before = _drafting_amendment_save_state (amendment);
  if (lead != NULL || content != NULL)
    {
      g_autofree char *kept_lead = g_strdup (drafting_amendment_get_lead (amendment));
      g_autoptr(DraftingInline) kept_content = drafting_inline_copy (drafting_amendment_get_content (amendment));

      drafting_amendment_set_wording (amendment,
                                      clean_lead != NULL ? clean_lead : kept_lead,
                                      content != NULL ? content : kept_content);
    }
  if (justification != NULL)
    drafting_amendment_set_justification (amendment, justification);

  /* Typing: the steps of a word join the last, as typing in the text does. */
  if ((flags & DRAFTING_EDIT_COALESCE) != 0 &&
      _drafting_document_can_coalesce (self, amendment, COALESCE_PROPOSAL))
    {
      Op *last = g_ptr_array_index (_drafting_document_top_action (self)->ops, 0);

      _drafting_amendment_state_free (before);
      _drafting_amendment_state_free (last->new_state);
      last->new_state = _drafting_amendment_save_state (amendment);
      self->change_count++;
      _drafting_document_history_changed (self);
      return TRUE;
    }

  /* What the record says changes in the step; it is put back first, so
   * that the step records both sides. */
  {
    DraftingAmendmentState *after = _drafting_amendment_save_state (amendment);

    if (_drafting_amendment_state_equal (before, after))
      {
        _drafting_amendment_state_free (before);
        _drafting_amendment_state_free (after);
        return TRUE;
      }
    _drafting_amendment_restore_state (amendment, before);
    drafting_document_begin_action (self, C_("undo", "Change Amendment"));
    {
      Op *op = _drafting_document_op_new (OP_AMENDMENT_STATE, NULL);

      op->amendment = g_object_ref (amendment);
      op->old_state = before;
      op->new_state = after;
      _drafting_document_record (self, op);
    }
    if ((flags & DRAFTING_EDIT_COALESCE) != 0 && self->action_depth == 1)
      {
        self->current->coalesce_target = amendment;
        self->current->coalesce_key = COALESCE_PROPOSAL;
      }
    drafting_document_end_action (self);
  }

  return TRUE;
}

/**
 * drafting_document_find_proposal:
 * @delegation: a delegation
 * @action: what the amendment does
 * @target: the identifier of the element it is about (for an insert, the
 *   element it goes after or into)
 *
 * The amendment @delegation proposes, still open, to do @action to
 * @target: the one a delegation writing in the window goes on changing,
 * one per element and action.
 *
 * Returns: (transfer none) (nullable): the latest such amendment
 */
DraftingAmendment *
drafting_document_find_proposal (DraftingDocument        *self,
                                 const char              *delegation,
                                 DraftingAmendmentAction  action,
                                 const char              *target)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (delegation != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  for (guint i = self->amendment_array->len; i > 0; i--)
    {
      DraftingAmendment *amendment = g_ptr_array_index (self->amendment_array, i - 1);

      if (drafting_amendment_get_action (amendment) == action &&
          drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED &&
          g_strcmp0 (drafting_amendment_get_target (amendment), target) == 0 &&
          g_strcmp0 (drafting_amendment_get_delegation (amendment), delegation) == 0)
        return amendment;
    }

  return NULL;
}
