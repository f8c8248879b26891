/* drafting-document-history.c: the changes made to a document, undone and redone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-node-private.h"

/*
 * Every change goes through a few primitive operations (insert, remove,
 * move, set content, set lead, set kind, set metadata), each recorded with
 * what it takes to reverse it. A person's action (typing, splitting a
 * clause, indenting an item) is a group of them, undone and redone
 * together.
 */

#define MAX_UNDO_ACTIONS 1000

/* ------------------------------------------------------------------ */
/* Primitive changes                                                   */

static void
do_set_content (DraftingDocument     *self,
                DraftingNode         *node,
                const DraftingInline *content)
{
  drafting_inline_free (node->content);
  node->content = drafting_inline_copy (content);
  node->revision++;
  _drafting_document_emit_node_changed (self, node, DRAFTING_NODE_CHANGED_CONTENT);
}

static void
do_set_lead (DraftingDocument *self,
             DraftingNode     *node,
             const char       *lead)
{
  g_free (node->lead);
  node->lead = g_strdup (lead);
  node->revision++;
  _drafting_document_emit_node_changed (self, node, DRAFTING_NODE_CHANGED_LEAD);
}

static void
do_set_kind (DraftingDocument *self,
             DraftingNode     *node,
             DraftingKind      kind)
{
  node->kind = kind;
  node->revision++;
  if (node->parent != NULL)
    node->parent->ordinals_valid = FALSE;
  g_object_notify (G_OBJECT (node), "kind");
  _drafting_document_emit_node_changed (self, node, DRAFTING_NODE_CHANGED_KIND);
}

void
_drafting_document_op_apply (DraftingDocument *self,
                             Op               *op,
                             gboolean          forward)
{
  switch (op->type)
    {
    case OP_INSERT:
    case OP_REMOVE:
      if ((op->type == OP_INSERT) == forward)
        _drafting_document_link (self, op->parent, op->index, op->node, TRUE);
      else
        _drafting_document_unlink (self, op->parent, op->index, TRUE);
      _drafting_document_emit_numbering_changed (self);
      break;

    case OP_MOVE:
      if (forward)
        {
          _drafting_document_unlink (self, op->parent, op->index, FALSE);
          _drafting_document_link (self, op->parent2, op->index2, op->node, FALSE);
        }
      else
        {
          _drafting_document_unlink (self, op->parent2, op->index2, FALSE);
          _drafting_document_link (self, op->parent, op->index, op->node, FALSE);
        }
      _drafting_document_emit_numbering_changed (self);
      break;

    case OP_CONTENT:
      do_set_content (self, op->node, forward ? op->new_content : op->old_content);
      break;

    case OP_LEAD:
      do_set_lead (self, op->node, forward ? op->new_str : op->old_str);
      break;

    case OP_KIND:
      do_set_kind (self, op->node, forward ? op->new_int : op->old_int);
      _drafting_document_emit_numbering_changed (self);
      break;

    case OP_META:
      g_free (self->meta[op->key]);
      self->meta[op->key] = g_strdup (forward ? op->new_str : op->old_str);
      _drafting_document_notify_meta (self, op->key);
      break;

    case OP_NUMBERING:
      self->numbering[op->key] = forward ? op->new_int : op->old_int;
      _drafting_document_emit_numbering_changed (self);
      break;

    case OP_TYPE:
      self->type = forward ? op->new_int : op->old_int;
      _drafting_document_notify (self, PROP_DOCUMENT_TYPE);
      _drafting_document_emit_numbering_changed (self);
      break;

    case OP_STATUS:
      self->status = forward ? op->new_int : op->old_int;
      _drafting_document_notify (self, PROP_STATUS);
      break;

    case OP_AMENDMENT_ADD:
    case OP_AMENDMENT_REMOVE:
      if ((op->type == OP_AMENDMENT_ADD) == forward)
        _drafting_document_link_amendment (self, op->index, op->amendment);
      else
        _drafting_document_unlink_amendment (self, op->index);
      break;

    case OP_AMENDMENT_STATE:
      _drafting_amendment_restore_state (op->amendment, forward ? op->new_state : op->old_state);
      break;

    case OP_REVISION_ADD:
      if (forward)
        _drafting_document_link_revision (self, op->index, op->revision);
      else
        _drafting_document_unlink_revision (self, op->index);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->node);
  g_clear_object (&op->parent);
  g_clear_object (&op->parent2);
  g_free (op->old_str);
  g_free (op->new_str);
  g_clear_pointer (&op->old_content, drafting_inline_free);
  g_clear_pointer (&op->new_content, drafting_inline_free);
  g_clear_object (&op->amendment);
  g_clear_pointer (&op->old_state, _drafting_amendment_state_free);
  g_clear_pointer (&op->new_state, _drafting_amendment_state_free);
  g_clear_object (&op->revision);
  g_free (op);
}

static Action *
action_new (const char *label)
{
  Action *action = g_new0 (Action, 1);

  action->label = g_strdup (label);
  action->ops = g_ptr_array_new_with_free_func (op_free);
  action->coalesce_key = -1;

  return action;
}

void
_drafting_document_action_free (gpointer data)
{
  Action *action = data;

  g_free (action->label);
  g_ptr_array_unref (action->ops);
  g_free (action);
}

Op *
_drafting_document_op_new (OpType        type,
                           DraftingNode *node)
{
  Op *op = g_new0 (Op, 1);

  op->type = type;
  op->node = node ? g_object_ref (node) : NULL;

  return op;
}

/* Applies @op and records it in the action under way. */
void
_drafting_document_record (DraftingDocument *self,
                           Op               *op)
{
  g_assert (self->current != NULL);

  g_ptr_array_add (self->current->ops, op);
  _drafting_document_op_apply (self, op, TRUE);
}

void
_drafting_document_record_insert (DraftingDocument *self,
                                  DraftingNode     *parent,
                                  guint             index,
                                  DraftingNode     *node)
{
  Op *op = _drafting_document_op_new (OP_INSERT, node);

  op->parent = g_object_ref (parent);
  op->index = index;
  _drafting_document_record (self, op);
}

void
_drafting_document_record_remove (DraftingDocument *self,
                                  DraftingNode     *node)
{
  Op *op = _drafting_document_op_new (OP_REMOVE, node);

  op->parent = g_object_ref (node->parent);
  op->index = drafting_node_get_index (node);
  _drafting_document_record (self, op);
}

/* Moves @node to @index of @parent, @index counted once @node is out. */
void
_drafting_document_record_move (DraftingDocument *self,
                                DraftingNode     *node,
                                DraftingNode     *parent,
                                guint             index)
{
  Op *op;

  if (node->parent == parent && drafting_node_get_index (node) == index)
    return;

  op = _drafting_document_op_new (OP_MOVE, node);
  op->parent = g_object_ref (node->parent);
  op->index = drafting_node_get_index (node);
  op->parent2 = g_object_ref (parent);
  op->index2 = index;
  _drafting_document_record (self, op);
}

void
_drafting_document_record_content (DraftingDocument     *self,
                                   DraftingNode         *node,
                                   const DraftingInline *content)
{
  Op *op;

  if (drafting_inline_equal (node->content, content))
    return;

  op = _drafting_document_op_new (OP_CONTENT, node);
  op->old_content = drafting_inline_copy (node->content);
  op->new_content = drafting_inline_copy (content);
  _drafting_document_record (self, op);
}

void
_drafting_document_record_lead (DraftingDocument *self,
                                DraftingNode     *node,
                                const char       *lead)
{
  Op *op;

  if (g_strcmp0 (node->lead, lead) == 0)
    return;

  op = _drafting_document_op_new (OP_LEAD, node);
  op->old_str = g_strdup (node->lead);
  op->new_str = g_strdup (lead);
  _drafting_document_record (self, op);
}

void
_drafting_document_record_kind (DraftingDocument *self,
                                DraftingNode     *node,
                                DraftingKind      kind)
{
  Op *op;

  if (node->kind == kind)
    return;

  op = _drafting_document_op_new (OP_KIND, node);
  op->old_int = node->kind;
  op->new_int = kind;
  _drafting_document_record (self, op);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

Action *
_drafting_document_top_action (DraftingDocument *self)
{
  return self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

void
_drafting_document_clear_labels (DraftingDocument *self)
{
  g_clear_pointer (&self->undo_label_cache, g_free);
  g_clear_pointer (&self->redo_label_cache, g_free);
}

/* Tells the world what of the history changed. */
void
_drafting_document_history_changed (DraftingDocument *self)
{
  gboolean modified = drafting_document_get_modified (self);
  gboolean can_undo = drafting_document_can_undo (self);
  gboolean can_redo = drafting_document_can_redo (self);

  _drafting_document_clear_labels (self);
  _drafting_document_emit_changed (self);

  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      _drafting_document_notify (self, PROP_MODIFIED);
    }
  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      _drafting_document_notify (self, PROP_CAN_UNDO);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      _drafting_document_notify (self, PROP_CAN_REDO);
    }
  _drafting_document_notify (self, PROP_UNDO_LABEL);
  _drafting_document_notify (self, PROP_REDO_LABEL);
}

static void
clear_redo (DraftingDocument *self)
{
  for (guint i = 0; i < self->redo->len; i++)
    if (g_ptr_array_index (self->redo, i) == self->saved_at)
      {
        self->saved_at = NULL;
        self->saved_reachable = FALSE;
      }

  g_ptr_array_set_size (self->redo, 0);
}

/**
 * drafting_document_begin_action:
 * @label: what a person would call the change, for the Undo menu
 *
 * Starts a group of changes that are undone together. Groups nest: only
 * the outermost counts, and its label.
 */
void
drafting_document_begin_action (DraftingDocument *self,
                                const char       *label)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));

  if (self->action_depth++ == 0)
    self->current = action_new (label);
}

void
drafting_document_end_action (DraftingDocument *self)
{
  Action *action;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (self->action_depth > 0);

  if (--self->action_depth > 0)
    return;

  action = g_steal_pointer (&self->current);
  if (action->ops->len == 0)
    {
      _drafting_document_action_free (action);
      return;
    }

  clear_redo (self);
  g_ptr_array_add (self->undo, action);
  while (self->undo->len > MAX_UNDO_ACTIONS)
    {
      if (g_ptr_array_index (self->undo, 0) == self->saved_at)
        {
          self->saved_at = NULL;
          self->saved_reachable = FALSE;
        }
      g_ptr_array_remove_index (self->undo, 0);
    }

  self->change_count++;
  _drafting_document_history_changed (self);
}

gboolean
drafting_document_can_undo (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);

  return self->undo->len > 0 && self->action_depth == 0;
}

gboolean
drafting_document_can_redo (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);

  return self->redo->len > 0 && self->action_depth == 0;
}

gboolean
drafting_document_undo (DraftingDocument *self)
{
  Action *action;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);

  if (!drafting_document_can_undo (self))
    return FALSE;

  action = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = action->ops->len; i > 0; i--)
    _drafting_document_op_apply (self, g_ptr_array_index (action->ops, i - 1), FALSE);
  g_ptr_array_add (self->redo, action);

  self->change_count++;
  _drafting_document_history_changed (self);
  return TRUE;
}

gboolean
drafting_document_redo (DraftingDocument *self)
{
  Action *action;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);

  if (!drafting_document_can_redo (self))
    return FALSE;

  action = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < action->ops->len; i++)
    _drafting_document_op_apply (self, g_ptr_array_index (action->ops, i), TRUE);
  g_ptr_array_add (self->undo, action);

  self->change_count++;
  _drafting_document_history_changed (self);
  return TRUE;
}

/**
 * drafting_document_get_undo_label:
 *
 * Returns: (nullable): "Undo Typing", "Undo Delete Operative paragraph",
 *   or %NULL when there is nothing to undo
 */
const char *
drafting_document_get_undo_label (DraftingDocument *self)
{
  Action *action;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  if ((action = _drafting_document_top_action (self)) == NULL)
    return NULL;

  if (self->undo_label_cache == NULL)
    /* Translators: %s is a change, such as "Typing" or "Move Item" */
    self->undo_label_cache = g_strdup_printf (_("Undo %s"), action->label);

  return self->undo_label_cache;
}

const char *
drafting_document_get_redo_label (DraftingDocument *self)
{
  Action *action;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  action = g_ptr_array_index (self->redo, self->redo->len - 1);
  if (self->redo_label_cache == NULL)
    /* Translators: %s is a change, such as "Typing" or "Move Item" */
    self->redo_label_cache = g_strdup_printf (_("Redo %s"), action->label);

  return self->redo_label_cache;
}

/**
 * drafting_document_list_undo_labels:
 * @max: how many at most
 *
 * Returns: (transfer full): the labels of the changes undo would take back,
 *   the latest first
 */
char **
drafting_document_list_undo_labels (DraftingDocument *self,
                                    guint             max)
{
  GStrvBuilder *builder;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = self->undo->len; i > 0 && self->undo->len - i < max; i--)
    g_strv_builder_add (builder, ((Action *) g_ptr_array_index (self->undo, i - 1))->label);

  {
    char **labels = g_strv_builder_end (builder);

    g_strv_builder_unref (builder);
    return labels;
  }
}

void
drafting_document_clear_history (DraftingDocument *self)
{
  gboolean modified;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (self->action_depth == 0);

  modified = drafting_document_get_modified (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_at = NULL;
  self->saved_reachable = !modified;
  _drafting_document_history_changed (self);
}

/**
 * drafting_document_get_modified:
 *
 * Returns: whether the document has changed since it was last saved
 */
gboolean
drafting_document_get_modified (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);

  return !(self->saved_reachable && self->saved_at == _drafting_document_top_action (self));
}

/**
 * drafting_document_set_modified:
 * @modified: %FALSE once the document is saved
 */
void
drafting_document_set_modified (DraftingDocument *self,
                                gboolean          modified)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));

  self->saved_at = modified ? NULL : _drafting_document_top_action (self);
  self->saved_reachable = !modified;
  _drafting_document_history_changed (self);
}

/**
 * drafting_document_get_change_count:
 *
 * Returns: a number that grows with every change, undo and redo: what has
 *   not changed it has not changed the document
 */
guint64
drafting_document_get_change_count (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), 0);

  return self->change_count;
}

/* Whether a coalescing change of @target under @key may join the last. */
gboolean
_drafting_document_can_coalesce (DraftingDocument *self,
                                 gconstpointer     target,
                                 int               key)
{
  Action *top = _drafting_document_top_action (self);

  return self->action_depth == 0 &&
         top != NULL &&
         self->redo->len == 0 &&
         top->coalesce_key == key &&
         top->coalesce_target == target &&
         !(self->saved_reachable && self->saved_at == top);
}
