/* drafting-document-order.c: the elements of a document in reading order, by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-node-private.h"

/*
 * As a GListModel the document lists every element in reading order, the
 * root excepted: that is what the window shows, a row an element, and only
 * the rows on screen are ever built. The list is kept in step with the tree
 * as elements are linked in and out of it; each element knows its row, and
 * those after a change learn theirs again only when asked.
 *
 * Every element has an identifier, unique in its document, by which
 * footnote references and files name it.
 */

/* ------------------------------------------------------------------ */
/* The list of all elements in reading order                           */

static GType
drafting_document_get_item_type (GListModel *model G_GNUC_UNUSED)
{
  return DRAFTING_TYPE_NODE;
}

static guint
drafting_document_get_n_items (GListModel *model)
{
  return DRAFTING_DOCUMENT (model)->flat->len;
}

static gpointer
drafting_document_get_item (GListModel *model,
                            guint       position)
{
  DraftingDocument *self = DRAFTING_DOCUMENT (model);

  if (position >= self->flat->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->flat, position));
}

void
_drafting_document_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = drafting_document_get_item_type;
  iface->get_n_items = drafting_document_get_n_items;
  iface->get_item = drafting_document_get_item;
}

static void
collect_subtree (DraftingNode *node,
                 GPtrArray    *out)
{
  g_ptr_array_add (out, node);
  for (guint i = 0; i < node->children->len; i++)
    collect_subtree (g_ptr_array_index (node->children, i), out);
}

static guint
count_subtree (DraftingNode *node)
{
  guint n = 1;

  for (guint i = 0; i < node->children->len; i++)
    n += count_subtree (g_ptr_array_index (node->children, i));

  return n;
}

/**
 * drafting_document_get_position:
 *
 * Returns: where @node is in reading order, its row in the document's list
 */
guint
drafting_document_get_position (DraftingDocument *self,
                                DraftingNode     *node)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), 0);
  g_return_val_if_fail (node->document == self, 0);

  if (node->flat_index < self->flat->len &&
      g_ptr_array_index (self->flat, node->flat_index) == node)
    return node->flat_index;

  for (guint i = self->flat_dirty_from; i < self->flat->len; i++)
    ((DraftingNode *) g_ptr_array_index (self->flat, i))->flat_index = i;
  self->flat_dirty_from = self->flat->len;

  g_assert (g_ptr_array_index (self->flat, node->flat_index) == node);
  return node->flat_index;
}

/* Where a child inserted at @index of @parent goes in reading order. */
static guint
flat_position_for_child (DraftingDocument *self,
                         DraftingNode     *parent,
                         guint             index)
{
  if (index > 0)
    {
      DraftingNode *prev = g_ptr_array_index (parent->children, index - 1);

      return drafting_document_get_position (self, drafting_node_get_last_descendant (prev)) + 1;
    }

  if (parent == self->root)
    return 0;

  return drafting_document_get_position (self, parent) + 1;
}

static void
flat_insert (DraftingDocument *self,
             guint             position,
             GPtrArray        *nodes)
{
  guint old_len = self->flat->len;

  if (nodes->len == 0)
    return;

  g_ptr_array_set_size (self->flat, old_len + nodes->len);
  memmove (self->flat->pdata + position + nodes->len,
           self->flat->pdata + position,
           (old_len - position) * sizeof (gpointer));
  memcpy (self->flat->pdata + position, nodes->pdata, nodes->len * sizeof (gpointer));

  self->flat_dirty_from = MIN (self->flat_dirty_from, position);
}

static void
flat_remove (DraftingDocument *self,
             guint             position,
             guint             count)
{
  g_ptr_array_remove_range (self->flat, position, count);
  self->flat_dirty_from = MIN (self->flat_dirty_from, position);
}

/* ------------------------------------------------------------------ */
/* Linking elements in and out                                         */

void
_drafting_document_link (DraftingDocument *self,
                         DraftingNode     *parent,
                         guint             index,
                         DraftingNode     *node,
                         gboolean          registering)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  guint position;

  if (registering)
    _drafting_document_register_subtree (self, node);

  position = flat_position_for_child (self, parent, index);
  _drafting_node_insert_child (parent, index, node);
  collect_subtree (node, nodes);
  flat_insert (self, position, nodes);

  _drafting_node_emit_children_changed (parent, index, 0, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, nodes->len);
}

void
_drafting_document_unlink (DraftingDocument *self,
                           DraftingNode     *parent,
                           guint             index,
                           gboolean          unregistering)
{
  g_autoptr(DraftingNode) node = g_object_ref (g_ptr_array_index (parent->children, index));
  guint position = drafting_document_get_position (self, node);
  guint count = count_subtree (node);

  _drafting_node_remove_child (parent, index);
  flat_remove (self, position, count);
  if (unregistering)
    _drafting_document_unregister_subtree (self, node);

  _drafting_node_emit_children_changed (parent, index, 1, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), position, count, 0);
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */

/* The table of identifiers. A snapshot fills it only when it is first
 * needed, which saving or printing one never does; until then no element
 * joins or leaves it (that goes through here), and it is filled from the
 * list of elements as they are then. */
static GHashTable *
get_ids (DraftingDocument *self)
{
  if (G_UNLIKELY (self->ids_pending))
    {
      self->ids_pending = FALSE;
      g_hash_table_insert (self->ids, self->root->id, self->root);
      for (guint i = 0; i < self->flat->len; i++)
        {
          DraftingNode *node = g_ptr_array_index (self->flat, i);

          g_hash_table_insert (self->ids, node->id, node);
        }
    }

  return self->ids;
}

char *
_drafting_document_new_id (DraftingDocument *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("e%08x%02x", g_rand_int (self->rand),
                                  (guint) g_rand_int_range (self->rand, 0, 256));

      /* A snapshot knows the identifiers of its elements only as such. */
      if (!g_hash_table_contains (self->known_ids, id) &&
          !g_hash_table_contains (get_ids (self), id))
        return id;
      g_free (id);
    }
}

static void
rename_footnote_ref (DraftingNode *footnote,
                     const char   *old_id,
                     const char   *new_id)
{
  DraftingNode *parent = footnote->parent;
  DraftingInline *content;

  if (parent == NULL || old_id == NULL)
    return;

  content = parent->content;
  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);

      if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF && g_strcmp0 (mark->ref, old_id) == 0)
        {
          guint at = mark->start;

          drafting_inline_remove_ref (content, old_id);
          drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, at, at, new_id);
          return;
        }
    }
}

/* Makes the nodes of a subtree, not yet linked in, part of the document,
 * giving new identifiers to those without one or whose identifier is
 * another node's. */
void
_drafting_document_register_subtree (DraftingDocument *self,
                                     DraftingNode     *node)
{
  DraftingNode *holder = node->id ? g_hash_table_lookup (get_ids (self), node->id) : NULL;

  g_assert (node->document == NULL);

  if (node->id == NULL || (holder != NULL && holder != node) ||
      (node->home != self && g_hash_table_contains (self->known_ids, node->id)))
    {
      g_autofree char *old_id = g_steal_pointer (&node->id);

      node->id = _drafting_document_new_id (self);
      if (node->kind == DRAFTING_KIND_FOOTNOTE)
        rename_footnote_ref (node, old_id, node->id);
    }

  node->document = self;
  node->home = self;
  g_hash_table_insert (get_ids (self), node->id, node);
  if (!g_hash_table_contains (self->known_ids, node->id))
    g_hash_table_add (self->known_ids, g_strdup (node->id));

  for (guint i = 0; i < node->children->len; i++)
    _drafting_document_register_subtree (self, g_ptr_array_index (node->children, i));
}

void
_drafting_document_unregister_subtree (DraftingDocument *self,
                                       DraftingNode     *node)
{
  if (g_hash_table_lookup (get_ids (self), node->id) == node)
    g_hash_table_remove (get_ids (self), node->id);
  node->document = NULL;

  for (guint i = 0; i < node->children->len; i++)
    _drafting_document_unregister_subtree (self, g_ptr_array_index (node->children, i));
}

/**
 * drafting_document_lookup:
 *
 * Returns: (transfer none) (nullable): the element named @id
 */
DraftingNode *
drafting_document_lookup (DraftingDocument *self,
                          const char       *id)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (get_ids (self), id);
}

/* For loaders: puts the tree they built in place of the document's, which
 * must be empty, without recording it for undo. */
void
_drafting_document_adopt_root (DraftingDocument *self,
                               DraftingNode     *root)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  guint old_len = self->flat->len;

  g_return_if_fail (DRAFTING_IS_NODE (root));
  g_return_if_fail (root->kind == DRAFTING_KIND_DOCUMENT);
  g_return_if_fail (root->document == NULL && root->parent == NULL);
  g_return_if_fail (self->root->children->len == 0);

  _drafting_document_unregister_subtree (self, self->root);
  g_set_object (&self->root, root);
  _drafting_document_register_subtree (self, root);

  for (guint i = 0; i < root->children->len; i++)
    collect_subtree (g_ptr_array_index (root->children, i), nodes);
  g_ptr_array_set_size (self->flat, 0);
  flat_insert (self, 0, nodes);
  self->flat_dirty_from = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->flat->len);
  _drafting_document_emit_numbering_changed (self);
}
