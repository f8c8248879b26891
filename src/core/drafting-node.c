/* drafting-node.c: one element of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-node"

#include "config.h"

#include <string.h>

#include "drafting-document-private.h"
#include "drafting-node-private.h"
#include "drafting-numbering.h"
#include "drafting-text-utils.h"

/*
 * A node is one element: a heading line, a clause, a principle, an item.
 * As a GListModel it lists its children, which is what an outline shows.
 *
 * Nodes are changed through their document, which records every change for
 * undo; the setters here are for building trees that are not yet in a
 * document (by the loaders and the importer) and refuse attached nodes.
 */

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DraftingNode, drafting_node, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
drafting_node_get_item_type (GListModel *model G_GNUC_UNUSED)
{
  return DRAFTING_TYPE_NODE;
}

static guint
drafting_node_get_n_items (GListModel *model)
{
  DraftingNode *self = DRAFTING_NODE (model);

  return self->children->len;
}

static gpointer
drafting_node_get_item (GListModel *model,
                        guint       position)
{
  DraftingNode *self = DRAFTING_NODE (model);

  if (position >= self->children->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->children, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = drafting_node_get_item_type;
  iface->get_n_items = drafting_node_get_n_items;
  iface->get_item = drafting_node_get_item;
}

static void
drafting_node_finalize (GObject *object)
{
  DraftingNode *self = (DraftingNode *) object;

  for (guint i = 0; i < self->children->len; i++)
    ((DraftingNode *) g_ptr_array_index (self->children, i))->parent = NULL;
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->content, drafting_inline_free);

  G_OBJECT_CLASS (drafting_node_parent_class)->finalize (object);
}

static void
drafting_node_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DraftingNode *self = DRAFTING_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_node_class_init (DraftingNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_node_finalize;
  object_class->get_property = drafting_node_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, DRAFTING_N_KINDS - 1, DRAFTING_KIND_PARAGRAPH,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_node_init (DraftingNode *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  self->content = drafting_inline_new (NULL);
  self->lead = g_strdup ("");
}

/**
 * drafting_node_new:
 * @kind: what the element is
 * @id: (nullable): its identifier, or %NULL to have one given when it
 *   joins a document
 *
 * Returns: (transfer full): an empty element, outside any document
 */
DraftingNode *
drafting_node_new (DraftingKind  kind,
                   const char   *id)
{
  DraftingNode *self;

  g_return_val_if_fail (kind < DRAFTING_N_KINDS, NULL);

  self = g_object_new (DRAFTING_TYPE_NODE, NULL);
  self->kind = kind;
  self->id = g_strdup (id);

  return self;
}

/**
 * drafting_node_new_with_text:
 * @kind: what the element is
 * @lead: (nullable): its leading phrase
 * @text: (nullable): its text, without marks
 *
 * Returns: (transfer full): an element outside any document
 */
DraftingNode *
drafting_node_new_with_text (DraftingKind  kind,
                             const char   *lead,
                             const char   *text)
{
  DraftingNode *self = drafting_node_new (kind, NULL);

  if (lead != NULL)
    drafting_node_set_lead (self, lead);
  if (text != NULL)
    drafting_node_take_content (self, drafting_inline_new (text));

  return self;
}

DraftingKind
drafting_node_get_kind (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), DRAFTING_KIND_INVALID);

  return self->kind;
}

/**
 * drafting_node_get_id:
 *
 * Returns: (nullable): the identifier that names this element for as long as
 *   it exists, through edits, moves, saves and loads; %NULL only for an
 *   element that has never been in a document
 */
const char *
drafting_node_get_id (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return self->id;
}

/**
 * drafting_node_get_lead:
 *
 * Returns: the leading phrase ("NOTING", "RESOLVES"), or ""
 */
const char *
drafting_node_get_lead (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return self->lead;
}

/**
 * drafting_node_get_revision:
 *
 * Returns: a number that changes whenever the element's kind, leading
 *   phrase or text does, for a view to tell whether what it shows of the
 *   element is still what it holds
 */
guint
drafting_node_get_revision (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), 0);

  return self->revision;
}

const DraftingInline *
drafting_node_get_content (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return self->content;
}

/**
 * drafting_node_get_text:
 *
 * Returns: the text, without its leading phrase or marks
 */
const char *
drafting_node_get_text (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return drafting_inline_get_text (self->content);
}

guint
_drafting_node_get_ordinal (DraftingNode *self)
{
  DraftingNode *parent = self->parent;

  if (parent == NULL)
    return 1;

  if (!parent->ordinals_valid)
    {
      guint counts[DRAFTING_N_KINDS] = { 0, };

      for (guint i = 0; i < parent->children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (parent->children, i);

          DraftingKind restarted = drafting_numbering_restarted_by (child->kind);

          child->ordinal = ++counts[child->kind];
          if (restarted != DRAFTING_KIND_INVALID)
            counts[restarted] = 0;
        }
      parent->ordinals_valid = TRUE;
    }

  return self->ordinal;
}

/**
 * drafting_node_get_number:
 *
 * Gets the number of the element as printed, derived from its place among
 * the elements of its kind and the document's numbering style: "3.", "(b)",
 * "IV", "ii.". Footnotes are numbered through the whole document.
 *
 * Returns: (transfer full): the number, or "" for an element that has none
 */
char *
drafting_node_get_number (DraftingNode *self)
{
  DraftingNumberingSlot slot;
  DraftingNumberStyle style;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  if (self->kind == DRAFTING_KIND_FOOTNOTE)
    {
      if (self->document == NULL)
        return g_strdup ("");
      return g_strdup_printf ("%u", _drafting_document_get_footnote_number (self->document, self));
    }

  if (self->parent == NULL)
    return g_strdup ("");

  slot = drafting_numbering_slot_for (self->kind, self->parent->kind);
  if (slot == DRAFTING_NUMBERING_SLOT_INVALID)
    return g_strdup ("");

  if (self->document != NULL)
    style = drafting_document_get_numbering (self->document, slot);
  else
    style = drafting_numbering_slot_get_default (slot);

  return drafting_number_style_format (style, _drafting_node_get_ordinal (self));
}

/**
 * drafting_node_get_summary:
 * @max_chars: how many characters at most, or 0 for no limit
 *
 * Returns: (transfer full): the leading phrase, or else the first words of
 *   the text, on one line, shortened with an ellipsis
 */
char *
drafting_node_get_summary (DraftingNode *self,
                           guint         max_chars)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return drafting_text_summarize (self->lead[0] != '\0' ? self->lead : drafting_inline_get_text (self->content),
                                  max_chars);
}

/**
 * drafting_node_get_document:
 *
 * Returns: (transfer none) (nullable): the document the element is in
 */
DraftingDocument *
drafting_node_get_document (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return self->document;
}

/**
 * drafting_node_get_parent:
 *
 * Returns: (transfer none) (nullable): the parent element
 */
DraftingNode *
drafting_node_get_parent (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  return self->parent;
}

guint
drafting_node_get_n_children (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), 0);

  return self->children->len;
}

/**
 * drafting_node_get_child:
 *
 * Returns: (transfer none) (nullable): the child at @index
 */
DraftingNode *
drafting_node_get_child (DraftingNode *self,
                         guint         index)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  if (index >= self->children->len)
    return NULL;

  return g_ptr_array_index (self->children, index);
}

DraftingNode *
drafting_node_get_first_child (DraftingNode *self)
{
  return drafting_node_get_child (self, 0);
}

DraftingNode *
drafting_node_get_last_child (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  if (self->children->len == 0)
    return NULL;

  return g_ptr_array_index (self->children, self->children->len - 1);
}

/**
 * drafting_node_get_index:
 *
 * Returns: the position of the element among its parent's children
 */
guint
drafting_node_get_index (DraftingNode *self)
{
  guint index;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), 0);

  if (self->parent == NULL)
    return 0;

  if (!g_ptr_array_find (self->parent->children, self, &index))
    g_return_val_if_reached (0);

  return index;
}

DraftingNode *
drafting_node_get_previous_sibling (DraftingNode *self)
{
  guint index;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  if (self->parent == NULL)
    return NULL;

  index = drafting_node_get_index (self);
  return index > 0 ? g_ptr_array_index (self->parent->children, index - 1) : NULL;
}

DraftingNode *
drafting_node_get_next_sibling (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  if (self->parent == NULL)
    return NULL;

  return drafting_node_get_child (self->parent, drafting_node_get_index (self) + 1);
}

/**
 * drafting_node_get_last_descendant:
 *
 * Returns: (transfer none): the last element of the subtree in document
 *   order: the node itself when it has no children
 */
DraftingNode *
drafting_node_get_last_descendant (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  while (self->children->len > 0)
    self = g_ptr_array_index (self->children, self->children->len - 1);

  return self;
}

/**
 * drafting_node_get_depth:
 *
 * Returns: how many ancestors the element has below the root: 0 for a
 *   top-level element
 */
guint
drafting_node_get_depth (DraftingNode *self)
{
  guint depth = 0;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), 0);

  for (DraftingNode *p = self->parent; p != NULL && p->kind != DRAFTING_KIND_DOCUMENT; p = p->parent)
    depth++;

  return depth;
}

/**
 * drafting_node_get_height:
 *
 * Returns: how many levels the subtree has: 1 for an element without
 *   children
 */
guint
drafting_node_get_height (DraftingNode *self)
{
  guint height = 0;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), 0);

  for (guint i = 0; i < self->children->len; i++)
    height = MAX (height, drafting_node_get_height (g_ptr_array_index (self->children, i)));

  return height + 1;
}

gboolean
drafting_node_is_ancestor (DraftingNode *self,
                           DraftingNode *descendant)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (descendant), FALSE);

  for (DraftingNode *p = descendant->parent; p != NULL; p = p->parent)
    if (p == self)
      return TRUE;

  return FALSE;
}

/**
 * drafting_node_find_footnote:
 *
 * Returns: (transfer none) (nullable): the footnote child named @id
 */
DraftingNode *
drafting_node_find_footnote (DraftingNode *self,
                             const char   *id)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  for (guint i = 0; i < self->children->len; i++)
    {
      DraftingNode *child = g_ptr_array_index (self->children, i);

      if (child->kind == DRAFTING_KIND_FOOTNOTE && g_strcmp0 (child->id, id) == 0)
        return child;
    }

  return NULL;
}

/**
 * drafting_node_has_content_children:
 *
 * Returns: whether the element has children other than footnotes
 */
gboolean
drafting_node_has_content_children (DraftingNode *self)
{
  g_return_val_if_fail (DRAFTING_IS_NODE (self), FALSE);

  for (guint i = 0; i < self->children->len; i++)
    if (((DraftingNode *) g_ptr_array_index (self->children, i))->kind != DRAFTING_KIND_FOOTNOTE)
      return TRUE;

  return FALSE;
}

void
_drafting_node_set_id (DraftingNode *self,
                       const char   *id)
{
  g_free (self->id);
  self->id = g_strdup (id);
}

void
_drafting_node_emit_children_changed (DraftingNode *self,
                                      guint         position,
                                      guint         removed,
                                      guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
_drafting_node_insert_child (DraftingNode *self,
                             guint         index,
                             DraftingNode *child)
{
  g_assert (child->parent == NULL);
  g_assert (index <= self->children->len);

  g_ptr_array_insert (self->children, index, g_object_ref (child));
  child->parent = self;
  self->ordinals_valid = FALSE;
}

void
_drafting_node_remove_child (DraftingNode *self,
                             guint         index)
{
  DraftingNode *child;

  g_assert (index < self->children->len);

  child = g_ptr_array_steal_index (self->children, index);
  child->parent = NULL;
  self->ordinals_valid = FALSE;
  g_object_unref (child);
}

/**
 * drafting_node_append_child:
 * @child: (transfer none): an element without a parent
 *
 * Appends @child to an element that is not in a document; use
 * drafting_document_insert() for one that is.
 */
void
drafting_node_append_child (DraftingNode *self,
                            DraftingNode *child)
{
  g_return_if_fail (DRAFTING_IS_NODE (self));
  g_return_if_fail (DRAFTING_IS_NODE (child));
  g_return_if_fail (self->document == NULL);
  g_return_if_fail (child->parent == NULL);

  _drafting_node_insert_child (self, self->children->len, child);
}

void
drafting_node_set_lead (DraftingNode *self,
                        const char   *lead)
{
  g_return_if_fail (DRAFTING_IS_NODE (self));
  g_return_if_fail (self->document == NULL);

  g_free (self->lead);
  self->lead = g_strdup (lead ? lead : "");
  drafting_text_sanitize (self->lead, -1, TRUE);
  self->revision++;
}

void
drafting_node_set_content (DraftingNode         *self,
                           const DraftingInline *content)
{
  g_return_if_fail (DRAFTING_IS_NODE (self));
  g_return_if_fail (content != NULL);

  drafting_node_take_content (self, drafting_inline_copy (content));
}

/**
 * drafting_node_take_content:
 * @content: (transfer full): the new text
 */
void
drafting_node_take_content (DraftingNode   *self,
                            DraftingInline *content)
{
  g_return_if_fail (DRAFTING_IS_NODE (self));
  g_return_if_fail (content != NULL);
  g_return_if_fail (self->document == NULL);

  drafting_inline_free (self->content);
  self->content = content;
  self->revision++;
}

void
drafting_node_set_kind (DraftingNode *self,
                        DraftingKind  kind)
{
  g_return_if_fail (DRAFTING_IS_NODE (self));
  g_return_if_fail (kind < DRAFTING_N_KINDS);
  g_return_if_fail (self->document == NULL);

  self->kind = kind;
  self->revision++;
  if (self->parent != NULL)
    self->parent->ordinals_valid = FALSE;
}

/**
 * drafting_node_copy:
 *
 * Copies a subtree with its identifiers. A copy put into the document that
 * holds the original gets new identifiers there, with its footnote
 * references following them.
 *
 * Returns: (transfer full): a deep copy of the subtree, outside any document
 */
DraftingNode *
drafting_node_copy (DraftingNode *self)
{
  DraftingNode *copy;

  g_return_val_if_fail (DRAFTING_IS_NODE (self), NULL);

  copy = drafting_node_new (self->kind, self->id);
  g_free (copy->lead);
  copy->lead = g_strdup (self->lead);
  drafting_inline_free (copy->content);
  copy->content = drafting_inline_copy (self->content);

  for (guint i = 0; i < self->children->len; i++)
    {
      g_autoptr(DraftingNode) child = drafting_node_copy (g_ptr_array_index (self->children, i));

      _drafting_node_insert_child (copy, copy->children->len, child);
    }

  return copy;
}
