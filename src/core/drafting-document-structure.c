/* drafting-document-structure.c: inserting, deleting, moving and indenting elements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/* ------------------------------------------------------------------ */
/* Structure                                                           */

gboolean
_drafting_document_check_place (DraftingDocument  *self,
                                DraftingNode      *node,
                                DraftingKind       kind,
                                DraftingNode      *parent,
                                GError           **error)
{
  if (!drafting_kind_allows_child (parent->kind, kind))
    {
      if (parent == self->root)
        g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                     /* Translators: %s is a kind of element, as "Sub-paragraph" */
                     _("An element of the kind “%s” cannot stand on its own in the document"),
                     drafting_kind_get_display_name (kind));
      else
        g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                     /* Translators: both are kinds of element, as "Item" and "Preambular clause" */
                     _("An element of the kind “%s” cannot go in one of the kind “%s”"),
                     drafting_kind_get_display_name (kind),
                     drafting_kind_get_display_name (parent->kind));
      return FALSE;
    }

  if (drafting_node_get_depth (parent) + (parent == self->root ? 0 : 1) +
      drafting_node_get_height (node) > DRAFTING_MAX_DEPTH)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_DEEP,
                   _("Elements cannot be nested more than %d levels deep"),
                   DRAFTING_MAX_DEPTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * drafting_document_insert:
 * @parent: where to insert, an element of the document
 * @index: the position among @parent's children
 * @node: an element, with its children, that is in no document
 *
 * Returns: %TRUE if @node was inserted, %FALSE if it cannot go there
 */
gboolean
drafting_document_insert (DraftingDocument  *self,
                          DraftingNode      *parent,
                          guint              index,
                          DraftingNode      *node,
                          GError           **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (parent), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), FALSE);
  g_return_val_if_fail (parent->document == self, FALSE);
  g_return_val_if_fail (node->document == NULL && node->parent == NULL, FALSE);
  g_return_val_if_fail (index <= parent->children->len, FALSE);

  if (!_drafting_document_check_place (self, node, node->kind, parent, error))
    return FALSE;

  /* Translators: %s is a kind of element, as in "Insert Operative paragraph" */
  label = g_strdup_printf (C_("undo", "Insert “%s”"), drafting_kind_get_display_name (node->kind));
  drafting_document_begin_action (self, label);
  _drafting_document_record_insert (self, parent, index, node);
  drafting_document_end_action (self);

  return TRUE;
}

guint
_drafting_document_leading_footnotes (DraftingNode *node)
{
  guint n = 0;

  while (n < node->children->len &&
         ((DraftingNode *) g_ptr_array_index (node->children, n))->kind == DRAFTING_KIND_FOOTNOTE)
    n++;

  return n;
}

/**
 * drafting_document_find_insert_position:
 * @anchor: (nullable): the element the cursor is in
 * @kind: the kind of element to insert
 * @parent: (out): where it goes
 * @index: (out): at which position of @parent
 *
 * Finds where a new element of @kind belongs when a person asks for one
 * with the cursor in @anchor: after @anchor if it is of that kind, inside
 * it if it holds such elements, else where the document's order puts it
 * (preambular clauses after the preamble, operative paragraphs after the
 * operative formula).
 *
 * Returns: %FALSE if an element of @kind has no place near @anchor
 */
gboolean
drafting_document_find_insert_position (DraftingDocument  *self,
                                        DraftingNode      *anchor,
                                        DraftingKind       kind,
                                        DraftingNode     **parent,
                                        guint             *index)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (parent != NULL && index != NULL, FALSE);

  if (anchor == NULL)
    anchor = self->root;

  /* After the nearest element of the same kind, inside the nearest one
   * that holds such elements. */
  for (DraftingNode *node = anchor; node != NULL; node = node->parent)
    {
      if (node->kind == kind && node->parent != NULL)
        {
          *parent = node->parent;
          *index = drafting_node_get_index (node) + 1;
          return TRUE;
        }

      if (node != self->root && drafting_kind_allows_child (node->kind, kind))
        {
          *parent = node;
          *index = kind == DRAFTING_KIND_FOOTNOTE ? 0 : _drafting_document_leading_footnotes (node);
          return TRUE;
        }
    }

  if (!drafting_kind_allows_child (DRAFTING_KIND_DOCUMENT, kind))
    return FALSE;

  /* At the top level: right after the part the cursor is in when that
   * keeps the document's order (a paragraph after its formula), else after
   * the last part that comes no later. */
  {
    DraftingNode *top = anchor;
    int rank = drafting_kind_get_rank (kind);

    while (top != self->root && top->parent != self->root)
      top = top->parent;

    if (top != self->root && drafting_kind_get_rank (top->kind) <= rank)
      {
        DraftingNode *next = drafting_node_get_next_sibling (top);

        if (next == NULL || drafting_kind_get_rank (next->kind) >= rank)
          {
            *parent = self->root;
            *index = drafting_node_get_index (top) + 1;
            return TRUE;
          }
      }
  }

  {
    int rank = drafting_kind_get_rank (kind);
    guint at = 0;

    for (guint i = 0; i < self->root->children->len; i++)
      {
        DraftingNode *child = g_ptr_array_index (self->root->children, i);

        if (drafting_kind_get_rank (child->kind) <= rank)
          at = i + 1;
      }

    *parent = self->root;
    *index = at;
  }

  return TRUE;
}

/**
 * drafting_document_insert_new:
 * @anchor: (nullable): the element the cursor is in
 * @kind: the kind of element to insert
 *
 * Inserts an empty element of @kind where it belongs near @anchor.
 *
 * Returns: (transfer none) (nullable): the new element
 */
DraftingNode *
drafting_document_insert_new (DraftingDocument  *self,
                              DraftingNode      *anchor,
                              DraftingKind       kind,
                              GError           **error)
{
  g_autoptr(DraftingNode) node = NULL;
  DraftingNode *parent;
  guint index;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < DRAFTING_N_KINDS && kind != DRAFTING_KIND_DOCUMENT, NULL);

  if (!drafting_document_find_insert_position (self, anchor, kind, &parent, &index))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: %s is a kind of element */
                   _("There is no place here for an element of the kind “%s”"),
                   drafting_kind_get_display_name (kind));
      return NULL;
    }

  node = drafting_node_new (kind, NULL);
  if (!drafting_document_insert (self, parent, index, node, error))
    return NULL;

  return node;
}

/**
 * drafting_document_delete:
 *
 * Deletes @node and all it holds. Deleting a footnote takes its reference
 * out of the text.
 */
void
drafting_document_delete (DraftingDocument *self,
                          DraftingNode     *node)
{
  g_autofree char *label = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_NODE (node));
  g_return_if_fail (node->document == self);
  g_return_if_fail (node != self->root);

  /* Translators: %s is a kind of element, as in "Delete Item" */
  label = g_strdup_printf (C_("undo", "Delete “%s”"), drafting_kind_get_display_name (node->kind));
  drafting_document_begin_action (self, label);

  if (node->kind == DRAFTING_KIND_FOOTNOTE &&
      drafting_inline_has_ref (node->parent->content, node->id))
    {
      g_autoptr(DraftingInline) content = drafting_inline_copy (node->parent->content);

      drafting_inline_remove_ref (content, node->id);
      _drafting_document_record_content (self, node->parent, content);
    }

  _drafting_document_record_remove (self, node);
  drafting_document_end_action (self);
}

/**
 * drafting_document_can_move:
 *
 * Returns: whether @node may become a child of @parent
 */
gboolean
drafting_document_can_move (DraftingDocument  *self,
                            DraftingNode      *node,
                            DraftingNode      *parent,
                            GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (parent) && parent->document == self, FALSE);

  if (node == self->root || node == parent || drafting_node_is_ancestor (node, parent))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("An element cannot be moved into itself"));
      return FALSE;
    }

  return _drafting_document_check_place (self, node, node->kind, parent, error);
}

/**
 * drafting_document_move:
 * @node: the element to move
 * @parent: its new parent
 * @index: the position among @parent's present children before which it
 *   goes (@node itself counted where it is now)
 *
 * Returns: %TRUE if moved, %FALSE if it cannot go there
 */
gboolean
drafting_document_move (DraftingDocument  *self,
                        DraftingNode      *node,
                        DraftingNode      *parent,
                        guint              index,
                        GError           **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (parent), FALSE);
  g_return_val_if_fail (index <= parent->children->len, FALSE);

  if (!drafting_document_can_move (self, node, parent, error))
    return FALSE;

  if (node->parent == parent && drafting_node_get_index (node) < index)
    index--;

  /* Translators: %s is a kind of element, as in "Move Item" */
  label = g_strdup_printf (C_("undo", "Move “%s”"), drafting_kind_get_display_name (node->kind));
  drafting_document_begin_action (self, label);
  _drafting_document_record_move (self, node, parent, index);
  drafting_document_end_action (self);

  return TRUE;
}

/* The sibling before @node in the same list, footnotes passed over. */
DraftingNode *
_drafting_document_previous_content_sibling (DraftingNode *node)
{
  for (guint i = drafting_node_get_index (node); i > 0; i--)
    {
      DraftingNode *sibling = g_ptr_array_index (node->parent->children, i - 1);

      if (sibling->kind != DRAFTING_KIND_FOOTNOTE)
        return sibling;
    }

  return NULL;
}

static DraftingNode *
next_content_sibling (DraftingNode *node)
{
  for (guint i = drafting_node_get_index (node) + 1; i < node->parent->children->len; i++)
    {
      DraftingNode *sibling = g_ptr_array_index (node->parent->children, i);

      if (sibling->kind != DRAFTING_KIND_FOOTNOTE)
        return sibling;
    }

  return NULL;
}

/**
 * drafting_document_move_up:
 *
 * Moves @node before the element of its kind that precedes it in its list:
 * a clause before the clause above it, never above the formula.
 *
 * Returns: %TRUE if it moved
 */
gboolean
drafting_document_move_up (DraftingDocument *self,
                           DraftingNode     *node)
{
  DraftingNode *prev;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node->kind == DRAFTING_KIND_FOOTNOTE ||
      (prev = _drafting_document_previous_content_sibling (node)) == NULL ||
      prev->kind != node->kind)
    return FALSE;

  return drafting_document_move (self, node, node->parent, drafting_node_get_index (prev), NULL);
}

gboolean
drafting_document_move_down (DraftingDocument *self,
                             DraftingNode     *node)
{
  DraftingNode *next;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node->kind == DRAFTING_KIND_FOOTNOTE || (next = next_content_sibling (node)) == NULL ||
      next->kind != node->kind)
    return FALSE;

  return drafting_document_move (self, node, node->parent, drafting_node_get_index (next) + 1, NULL);
}

gboolean
_drafting_document_kind_allows_children_of (DraftingKind  kind,
                                            DraftingNode *node)
{
  for (guint i = 0; i < node->children->len; i++)
    if (!drafting_kind_allows_child (kind, ((DraftingNode *) g_ptr_array_index (node->children, i))->kind))
      return FALSE;

  return TRUE;
}

/* The lead folded into the text, or taken from it, as the new kind wants. */
void
_drafting_document_record_lead_for_kind (DraftingDocument *self,
                                         DraftingNode     *node,
                                         DraftingKind      kind)
{
  gboolean had = node->lead[0] != '\0';

  if (had && !drafting_kind_has_lead (kind))
    {
      g_autoptr(DraftingInline) content = drafting_inline_copy (node->content);
      g_autofree char *prefix = g_strconcat (node->lead, " ", NULL);

      if (drafting_inline_get_length (content) == 0 ||
          strchr (",;:.", drafting_inline_get_text (content)[0]) != NULL)
        prefix[strlen (node->lead)] = '\0';
      drafting_inline_insert (content, 0, prefix, -1);
      _drafting_document_record_content (self, node, content);
      _drafting_document_record_lead (self, node, "");
    }
  else if (!had && drafting_kind_has_lead (kind))
    {
      const char *text = drafting_inline_get_text (node->content);
      gsize len = drafting_text_lead_length (text);

      if (len > 0)
        {
          g_autoptr(DraftingInline) content = drafting_inline_copy (node->content);
          g_autofree char *lead = g_strndup (text, len);

          drafting_inline_delete (content, 0, len);
          drafting_inline_strip (content);
          _drafting_document_record_lead (self, node, lead);
          _drafting_document_record_content (self, node, content);
        }
    }
}

/**
 * drafting_document_indent:
 *
 * Makes @node the last child of the element before it, changing its kind
 * when the new place wants another (an operative paragraph becomes a
 * sub-paragraph of the one before).
 *
 * Returns: %TRUE if indented
 */
gboolean
drafting_document_indent (DraftingDocument  *self,
                          DraftingNode      *node,
                          GError           **error)
{
  DraftingNode *prev;
  DraftingKind kind;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  prev = node->kind != DRAFTING_KIND_FOOTNOTE
           ? _drafting_document_previous_content_sibling (node) : NULL;
  if (prev == NULL)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("There is nothing before this element to indent it under"));
      return FALSE;
    }

  kind = node->kind;
  if (!drafting_kind_allows_child (prev->kind, kind))
    kind = drafting_kind_get_indented (node->kind);

  if (kind == DRAFTING_KIND_INVALID || !drafting_kind_allows_child (prev->kind, kind) ||
      !_drafting_document_kind_allows_children_of (kind, node))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: both are kinds of element */
                   _("An element of the kind “%s” cannot be indented under one of the kind “%s”"),
                   drafting_kind_get_display_name (node->kind),
                   drafting_kind_get_display_name (prev->kind));
      return FALSE;
    }

  if (!_drafting_document_check_place (self, node, kind, prev, error))
    return FALSE;

  drafting_document_begin_action (self, _("Indent"));
  _drafting_document_record_move (self, node, prev, prev->children->len);
  _drafting_document_record_lead_for_kind (self, node, kind);
  _drafting_document_record_kind (self, node, kind);
  drafting_document_end_action (self);

  return TRUE;
}

/**
 * drafting_document_outdent:
 *
 * Makes @node a sibling of its parent, right after it; the elements that
 * followed it in the parent's list follow it as its children, so that the
 * text reads in the same order.
 *
 * Returns: %TRUE if outdented
 */
gboolean
drafting_document_outdent (DraftingDocument  *self,
                           DraftingNode      *node,
                           GError           **error)
{
  g_autoptr(GPtrArray) followers = g_ptr_array_new ();
  DraftingNode *parent;
  DraftingNode *grandparent;
  DraftingKind kind;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  parent = node->parent;
  grandparent = parent ? parent->parent : NULL;
  if (grandparent == NULL || node->kind == DRAFTING_KIND_FOOTNOTE)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("This element cannot be outdented further"));
      return FALSE;
    }

  kind = node->kind;
  if (!drafting_kind_allows_child (grandparent->kind, kind))
    kind = drafting_kind_get_outdented (node->kind);

  for (guint i = drafting_node_get_index (node) + 1; i < parent->children->len; i++)
    {
      DraftingNode *sibling = g_ptr_array_index (parent->children, i);

      if (sibling->kind != DRAFTING_KIND_FOOTNOTE)
        g_ptr_array_add (followers, sibling);
    }

  if (kind == DRAFTING_KIND_INVALID || !drafting_kind_allows_child (grandparent->kind, kind) ||
      !_drafting_document_kind_allows_children_of (kind, node))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: both are kinds of element */
                   _("An element of the kind “%s” cannot be moved out of one of the kind “%s”"),
                   drafting_kind_get_display_name (node->kind),
                   drafting_kind_get_display_name (parent->kind));
      return FALSE;
    }

  for (guint i = 0; i < followers->len; i++)
    if (!drafting_kind_allows_child (kind, ((DraftingNode *) g_ptr_array_index (followers, i))->kind))
      {
        g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                     /* Translators: %s is a kind of element */
                     _("The elements that follow this “%s” could not be placed inside it, as outdenting needs"),
                     drafting_kind_get_display_name (node->kind));
        return FALSE;
      }

  drafting_document_begin_action (self, _("Outdent"));
  for (guint i = 0; i < followers->len; i++)
    _drafting_document_record_move (self, g_ptr_array_index (followers, i),
                                    node, node->children->len);
  _drafting_document_record_move (self, node, grandparent, drafting_node_get_index (parent) + 1);
  _drafting_document_record_lead_for_kind (self, node, kind);
  _drafting_document_record_kind (self, node, kind);
  drafting_document_end_action (self);

  return TRUE;
}
