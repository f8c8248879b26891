/* drafting-document.c: a resolution or communiqué, its elements and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-document-private.h"
#include "drafting-enums.h"
#include "drafting-error.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/*
 * A document is a tree of DraftingNode under a root, plus its metadata.
 *
 * Every change goes through a few primitive operations (insert, remove,
 * move, set content, set lead, set kind, set metadata), each recorded with
 * what it takes to reverse it. A person's action (typing, splitting a
 * clause, indenting an item) is a group of them, undone and redone
 * together.
 *
 * As a GListModel the document lists every element in reading order, the
 * root excepted: that is what the window shows, a row an element, and only
 * the rows on screen are ever built.
 */

#define MAX_UNDO_ACTIONS 1000

typedef enum
{
  OP_INSERT,
  OP_REMOVE,
  OP_MOVE,
  OP_CONTENT,
  OP_LEAD,
  OP_KIND,
  OP_META,
  OP_NUMBERING,
  OP_TYPE,
  OP_STATUS,
} OpType;

typedef enum
{
  META_TITLE,
  META_BODY,
  META_SYMBOL,
  META_PLACE,
  META_DATE,
  META_LANGUAGE,
  N_META,
} MetaKey;

typedef struct
{
  OpType          type;
  guint           key;          /* META and NUMBERING: which */
  DraftingNode   *node;
  DraftingNode   *parent;       /* INSERT, REMOVE: the parent; MOVE: from */
  DraftingNode   *parent2;      /* MOVE: to */
  guint           index;        /* INSERT, REMOVE: the index; MOVE: from */
  guint           index2;       /* MOVE: to, once removed from the old place */
  int             old_int;
  int             new_int;
  char           *old_str;
  char           *new_str;
  DraftingInline *old_content;
  DraftingInline *new_content;
} Op;

typedef struct
{
  char         *label;
  GPtrArray    *ops;
  gconstpointer coalesce_target;  /* compared only */
  int           coalesce_key;     /* -1 when the action does not coalesce */
} Action;

struct _DraftingDocument
{
  GObject              parent_instance;

  DraftingNode        *root;
  GPtrArray           *flat;        /* unowned nodes in reading order */
  GHashTable          *ids;         /* id (owned by the node) → node */
  GHashTable          *known_ids;   /* every id used here, for new ones */
  GRand               *rand;
  GPtrArray           *undo;        /* Action, the latest last */
  GPtrArray           *redo;        /* Action, the latest undone last */
  Action              *current;
  Action              *saved_at;    /* the top of undo when last saved */
  char                *meta[N_META];
  char                *undo_label_cache;
  char                *redo_label_cache;

  DraftingNumberStyle  numbering[DRAFTING_N_NUMBERING_SLOTS];
  DraftingDocumentType type;
  DraftingStatus       status;
  guint64              change_count;
  guint                flat_dirty_from;
  guint                action_depth;

  guint                saved_reachable : 1;
  guint                ids_pending : 1; /* a snapshot's, until first needed */
  guint                footnotes_valid : 1;
  guint                was_modified : 1;
  guint                could_undo : 1;
  guint                could_redo : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DraftingDocument, drafting_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT_TYPE,
  PROP_TITLE,
  PROP_BODY,
  PROP_SYMBOL,
  PROP_STATUS,
  PROP_PLACE,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  NODE_CHANGED,
  NUMBERING_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const guint meta_props[N_META] = {
  [META_TITLE] = PROP_TITLE,
  [META_BODY] = PROP_BODY,
  [META_SYMBOL] = PROP_SYMBOL,
  [META_PLACE] = PROP_PLACE,
  [META_DATE] = PROP_DATE,
  [META_LANGUAGE] = PROP_LANGUAGE,
};

/* ------------------------------------------------------------------ */
/* Names                                                               */

static const char * const type_names[] = { "resolution", "communique", "generic" };
static const char * const status_names[] = { "draft", "revised", "adopted" };

const char *
drafting_document_type_to_string (DraftingDocumentType type)
{
  return (guint) type < G_N_ELEMENTS (type_names) ? type_names[type] : NULL;
}

DraftingDocumentType
drafting_document_type_from_string (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (strcmp (type_names[i], name) == 0)
      return (DraftingDocumentType) i;

  return (DraftingDocumentType) -1;
}

const char *
drafting_status_to_string (DraftingStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_names) ? status_names[status] : NULL;
}

DraftingStatus
drafting_status_from_string (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (status_names[i], name) == 0)
      return (DraftingStatus) i;

  return (DraftingStatus) -1;
}

const char *
drafting_status_get_display_name (DraftingStatus status)
{
  switch (status)
    {
    case DRAFTING_STATUS_DRAFT:
      return _("Draft");
    case DRAFTING_STATUS_REVISED:
      return _("Revised draft");
    case DRAFTING_STATUS_ADOPTED:
      return _("Adopted");
    default:
      g_return_val_if_reached (NULL);
    }
}

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

static void
list_model_iface_init (GListModelInterface *iface)
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
static void
register_subtree (DraftingDocument *self,
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
    register_subtree (self, g_ptr_array_index (node->children, i));
}

static void
unregister_subtree (DraftingDocument *self,
                    DraftingNode     *node)
{
  if (g_hash_table_lookup (get_ids (self), node->id) == node)
    g_hash_table_remove (get_ids (self), node->id);
  node->document = NULL;

  for (guint i = 0; i < node->children->len; i++)
    unregister_subtree (self, g_ptr_array_index (node->children, i));
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

/* ------------------------------------------------------------------ */
/* Primitive changes                                                   */

static void
emit_numbering_changed (DraftingDocument *self)
{
  self->footnotes_valid = FALSE;
  g_signal_emit (self, signals[NUMBERING_CHANGED], 0);
}

static void
do_link (DraftingDocument *self,
         DraftingNode     *parent,
         guint             index,
         DraftingNode     *node,
         gboolean          registering)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  guint position;

  if (registering)
    register_subtree (self, node);

  position = flat_position_for_child (self, parent, index);
  _drafting_node_insert_child (parent, index, node);
  collect_subtree (node, nodes);
  flat_insert (self, position, nodes);

  _drafting_node_emit_children_changed (parent, index, 0, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, nodes->len);
}

static void
do_unlink (DraftingDocument *self,
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
    unregister_subtree (self, node);

  _drafting_node_emit_children_changed (parent, index, 1, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), position, count, 0);
}

static void
do_set_content (DraftingDocument     *self,
                DraftingNode         *node,
                const DraftingInline *content)
{
  drafting_inline_free (node->content);
  node->content = drafting_inline_copy (content);
  node->revision++;
  g_signal_emit (self, signals[NODE_CHANGED], 0, node, DRAFTING_NODE_CHANGED_CONTENT);
}

static void
do_set_lead (DraftingDocument *self,
             DraftingNode     *node,
             const char       *lead)
{
  g_free (node->lead);
  node->lead = g_strdup (lead);
  node->revision++;
  g_signal_emit (self, signals[NODE_CHANGED], 0, node, DRAFTING_NODE_CHANGED_LEAD);
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
  g_signal_emit (self, signals[NODE_CHANGED], 0, node, DRAFTING_NODE_CHANGED_KIND);
}

static void
op_apply (DraftingDocument *self,
          Op               *op,
          gboolean          forward)
{
  switch (op->type)
    {
    case OP_INSERT:
    case OP_REMOVE:
      if ((op->type == OP_INSERT) == forward)
        do_link (self, op->parent, op->index, op->node, TRUE);
      else
        do_unlink (self, op->parent, op->index, TRUE);
      emit_numbering_changed (self);
      break;

    case OP_MOVE:
      if (forward)
        {
          do_unlink (self, op->parent, op->index, FALSE);
          do_link (self, op->parent2, op->index2, op->node, FALSE);
        }
      else
        {
          do_unlink (self, op->parent2, op->index2, FALSE);
          do_link (self, op->parent, op->index, op->node, FALSE);
        }
      emit_numbering_changed (self);
      break;

    case OP_CONTENT:
      do_set_content (self, op->node, forward ? op->new_content : op->old_content);
      break;

    case OP_LEAD:
      do_set_lead (self, op->node, forward ? op->new_str : op->old_str);
      break;

    case OP_KIND:
      do_set_kind (self, op->node, forward ? op->new_int : op->old_int);
      emit_numbering_changed (self);
      break;

    case OP_META:
      g_free (self->meta[op->key]);
      self->meta[op->key] = g_strdup (forward ? op->new_str : op->old_str);
      g_object_notify_by_pspec (G_OBJECT (self), properties[meta_props[op->key]]);
      break;

    case OP_NUMBERING:
      self->numbering[op->key] = forward ? op->new_int : op->old_int;
      emit_numbering_changed (self);
      break;

    case OP_TYPE:
      self->type = forward ? op->new_int : op->old_int;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_TYPE]);
      emit_numbering_changed (self);
      break;

    case OP_STATUS:
      self->status = forward ? op->new_int : op->old_int;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
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

static void
action_free (gpointer data)
{
  Action *action = data;

  g_free (action->label);
  g_ptr_array_unref (action->ops);
  g_free (action);
}

static Op *
op_new (OpType        type,
        DraftingNode *node)
{
  Op *op = g_new0 (Op, 1);

  op->type = type;
  op->node = node ? g_object_ref (node) : NULL;

  return op;
}

/* Applies @op and records it in the action under way. */
static void
record (DraftingDocument *self,
        Op               *op)
{
  g_assert (self->current != NULL);

  g_ptr_array_add (self->current->ops, op);
  op_apply (self, op, TRUE);
}

static void
record_insert (DraftingDocument *self,
               DraftingNode     *parent,
               guint             index,
               DraftingNode     *node)
{
  Op *op = op_new (OP_INSERT, node);

  op->parent = g_object_ref (parent);
  op->index = index;
  record (self, op);
}

static void
record_remove (DraftingDocument *self,
               DraftingNode     *node)
{
  Op *op = op_new (OP_REMOVE, node);

  op->parent = g_object_ref (node->parent);
  op->index = drafting_node_get_index (node);
  record (self, op);
}

/* Moves @node to @index of @parent, @index counted once @node is out. */
static void
record_move (DraftingDocument *self,
             DraftingNode     *node,
             DraftingNode     *parent,
             guint             index)
{
  Op *op;

  if (node->parent == parent && drafting_node_get_index (node) == index)
    return;

  op = op_new (OP_MOVE, node);
  op->parent = g_object_ref (node->parent);
  op->index = drafting_node_get_index (node);
  op->parent2 = g_object_ref (parent);
  op->index2 = index;
  record (self, op);
}

static void
record_content (DraftingDocument     *self,
                DraftingNode         *node,
                const DraftingInline *content)
{
  Op *op;

  if (drafting_inline_equal (node->content, content))
    return;

  op = op_new (OP_CONTENT, node);
  op->old_content = drafting_inline_copy (node->content);
  op->new_content = drafting_inline_copy (content);
  record (self, op);
}

static void
record_lead (DraftingDocument *self,
             DraftingNode     *node,
             const char       *lead)
{
  Op *op;

  if (g_strcmp0 (node->lead, lead) == 0)
    return;

  op = op_new (OP_LEAD, node);
  op->old_str = g_strdup (node->lead);
  op->new_str = g_strdup (lead);
  record (self, op);
}

static void
record_kind (DraftingDocument *self,
             DraftingNode     *node,
             DraftingKind      kind)
{
  Op *op;

  if (node->kind == kind)
    return;

  op = op_new (OP_KIND, node);
  op->old_int = node->kind;
  op->new_int = kind;
  record (self, op);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

static Action *
top_action (DraftingDocument *self)
{
  return self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

static void
clear_labels (DraftingDocument *self)
{
  g_clear_pointer (&self->undo_label_cache, g_free);
  g_clear_pointer (&self->redo_label_cache, g_free);
}

/* Tells the world what of the history changed. */
static void
history_changed (DraftingDocument *self)
{
  gboolean modified = drafting_document_get_modified (self);
  gboolean can_undo = drafting_document_can_undo (self);
  gboolean can_redo = drafting_document_can_redo (self);

  clear_labels (self);
  g_signal_emit (self, signals[CHANGED], 0);

  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
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
      action_free (action);
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
  history_changed (self);
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
    op_apply (self, g_ptr_array_index (action->ops, i - 1), FALSE);
  g_ptr_array_add (self->redo, action);

  self->change_count++;
  history_changed (self);
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
    op_apply (self, g_ptr_array_index (action->ops, i), TRUE);
  g_ptr_array_add (self->undo, action);

  self->change_count++;
  history_changed (self);
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

  if ((action = top_action (self)) == NULL)
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
  history_changed (self);
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

  return !(self->saved_reachable && self->saved_at == top_action (self));
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

  self->saved_at = modified ? NULL : top_action (self);
  self->saved_reachable = !modified;
  history_changed (self);
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
static gboolean
can_coalesce (DraftingDocument *self,
              gconstpointer     target,
              int               key)
{
  Action *top = top_action (self);

  return self->action_depth == 0 &&
         top != NULL &&
         self->redo->len == 0 &&
         top->coalesce_key == key &&
         top->coalesce_target == target &&
         !(self->saved_reachable && self->saved_at == top);
}

#define COALESCE_TYPING (-2)

/* ------------------------------------------------------------------ */
/* Metadata                                                            */

static void
set_meta (DraftingDocument *self,
          MetaKey           key,
          const char       *value,
          const char       *label)
{
  Op *op;

  g_autofree char *clean = g_strdup (value ? value : "");

  drafting_text_sanitize (clean, -1, TRUE);
  value = clean;
  if (g_strcmp0 (self->meta[key], value) == 0)
    return;

  if (can_coalesce (self, self, OP_META * 64 + key))
    {
      Op *last = g_ptr_array_index (top_action (self)->ops, 0);

      g_free (last->new_str);
      last->new_str = g_strdup (value);
      op_apply (self, last, TRUE);
      self->change_count++;
      history_changed (self);
      return;
    }

  drafting_document_begin_action (self, label);
  op = op_new (OP_META, NULL);
  op->key = key;
  op->old_str = g_strdup (self->meta[key]);
  op->new_str = g_strdup (value);
  record (self, op);
  if (self->action_depth == 1)
    {
      self->current->coalesce_target = self;
      self->current->coalesce_key = OP_META * 64 + key;
    }
  drafting_document_end_action (self);
}

#define META_ACCESSORS(name, KEY, label)                                      \
  const char *                                                                \
  drafting_document_get_##name (DraftingDocument *self)                       \
  {                                                                           \
    g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);                 \
    return self->meta[KEY];                                                   \
  }                                                                           \
  void                                                                        \
  drafting_document_set_##name (DraftingDocument *self,                       \
                                const char       *value)                      \
  {                                                                           \
    g_return_if_fail (DRAFTING_IS_DOCUMENT (self));                           \
    g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));    \
    set_meta (self, KEY, value, label);                                       \
  }

META_ACCESSORS (title, META_TITLE, _("Change Title"))
META_ACCESSORS (body, META_BODY, _("Change Issuing Body"))
META_ACCESSORS (symbol, META_SYMBOL, _("Change Symbol"))
META_ACCESSORS (place, META_PLACE, _("Change Place"))
META_ACCESSORS (date, META_DATE, _("Change Date"))
META_ACCESSORS (language, META_LANGUAGE, _("Change Language"))

DraftingDocumentType
drafting_document_get_document_type (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), DRAFTING_DOCUMENT_GENERIC);

  return self->type;
}

void
drafting_document_set_document_type (DraftingDocument     *self,
                                     DraftingDocumentType  type)
{
  Op *op;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (type <= DRAFTING_DOCUMENT_GENERIC);

  if (self->type == type)
    return;

  drafting_document_begin_action (self, _("Change Document Type"));
  op = op_new (OP_TYPE, NULL);
  op->old_int = self->type;
  op->new_int = type;
  record (self, op);
  drafting_document_end_action (self);
}

DraftingStatus
drafting_document_get_status (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), DRAFTING_STATUS_DRAFT);

  return self->status;
}

void
drafting_document_set_status (DraftingDocument *self,
                              DraftingStatus    status)
{
  Op *op;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (status <= DRAFTING_STATUS_ADOPTED);

  if (self->status == status)
    return;

  drafting_document_begin_action (self, _("Change Status"));
  op = op_new (OP_STATUS, NULL);
  op->old_int = self->status;
  op->new_int = status;
  record (self, op);
  drafting_document_end_action (self);
}

DraftingNumberStyle
drafting_document_get_numbering (DraftingDocument      *self,
                                 DraftingNumberingSlot  slot)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), DRAFTING_NUMBER_STYLE_NONE);
  g_return_val_if_fail (slot < DRAFTING_N_NUMBERING_SLOTS, DRAFTING_NUMBER_STYLE_NONE);

  return self->numbering[slot];
}

void
drafting_document_set_numbering (DraftingDocument      *self,
                                 DraftingNumberingSlot  slot,
                                 DraftingNumberStyle    style)
{
  Op *op;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (slot < DRAFTING_N_NUMBERING_SLOTS);
  g_return_if_fail (style < DRAFTING_N_NUMBER_STYLES);

  if (self->numbering[slot] == style)
    return;

  drafting_document_begin_action (self, _("Change Numbering"));
  op = op_new (OP_NUMBERING, NULL);
  op->key = slot;
  op->old_int = self->numbering[slot];
  op->new_int = style;
  record (self, op);
  drafting_document_end_action (self);
}

guint
_drafting_document_get_footnote_number (DraftingDocument *self,
                                        DraftingNode     *footnote)
{
  if (!self->footnotes_valid)
    {
      guint n = 0;

      for (guint i = 0; i < self->flat->len; i++)
        {
          DraftingNode *node = g_ptr_array_index (self->flat, i);

          if (node->kind == DRAFTING_KIND_FOOTNOTE)
            node->footnote_number = ++n;
        }
      self->footnotes_valid = TRUE;
    }

  return footnote->footnote_number;
}

/* ------------------------------------------------------------------ */
/* Structure                                                           */

static gboolean
check_place (DraftingDocument  *self,
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

  if (!check_place (self, node, node->kind, parent, error))
    return FALSE;

  /* Translators: %s is a kind of element, as in "Insert Operative paragraph" */
  label = g_strdup_printf (C_("undo", "Insert “%s”"), drafting_kind_get_display_name (node->kind));
  drafting_document_begin_action (self, label);
  record_insert (self, parent, index, node);
  drafting_document_end_action (self);

  return TRUE;
}

static guint
leading_footnotes (DraftingNode *node)
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
          *index = kind == DRAFTING_KIND_FOOTNOTE ? 0 : leading_footnotes (node);
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
      record_content (self, node->parent, content);
    }

  record_remove (self, node);
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

  return check_place (self, node, node->kind, parent, error);
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
  record_move (self, node, parent, index);
  drafting_document_end_action (self);

  return TRUE;
}

/* The sibling before @node in the same list, footnotes passed over. */
static DraftingNode *
previous_content_sibling (DraftingNode *node)
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

  if (node->kind == DRAFTING_KIND_FOOTNOTE || (prev = previous_content_sibling (node)) == NULL ||
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

static gboolean
kind_allows_children_of (DraftingKind  kind,
                         DraftingNode *node)
{
  for (guint i = 0; i < node->children->len; i++)
    if (!drafting_kind_allows_child (kind, ((DraftingNode *) g_ptr_array_index (node->children, i))->kind))
      return FALSE;

  return TRUE;
}

/* The lead folded into the text, or taken from it, as the new kind wants. */
static void
record_lead_for_kind (DraftingDocument *self,
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
      record_content (self, node, content);
      record_lead (self, node, "");
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
          record_lead (self, node, lead);
          record_content (self, node, content);
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

  prev = node->kind != DRAFTING_KIND_FOOTNOTE ? previous_content_sibling (node) : NULL;
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
      !kind_allows_children_of (kind, node))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: both are kinds of element */
                   _("An element of the kind “%s” cannot be indented under one of the kind “%s”"),
                   drafting_kind_get_display_name (node->kind),
                   drafting_kind_get_display_name (prev->kind));
      return FALSE;
    }

  if (!check_place (self, node, kind, prev, error))
    return FALSE;

  drafting_document_begin_action (self, _("Indent"));
  record_move (self, node, prev, prev->children->len);
  record_lead_for_kind (self, node, kind);
  record_kind (self, node, kind);
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
      !kind_allows_children_of (kind, node))
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
    record_move (self, g_ptr_array_index (followers, i), node, node->children->len);
  record_move (self, node, grandparent, drafting_node_get_index (parent) + 1);
  record_lead_for_kind (self, node, kind);
  record_kind (self, node, kind);
  drafting_document_end_action (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* The op of @type in @action, if it has one. */
static Op *
find_op (Action *action,
         OpType  type)
{
  for (guint i = 0; i < action->ops->len; i++)
    if (((Op *) g_ptr_array_index (action->ops, i))->type == type)
      return g_ptr_array_index (action->ops, i);

  return NULL;
}

/* The number a person would say the element by: the number it prints
 * with ("3", "(b)", "IV"), without a full stop after it, else its place
 * among its kind ("2" for the second of unnumbered clauses). */
static char *
spoken_number (DraftingNode *node)
{
  g_autofree char *number = drafting_node_get_number (node);
  gboolean has_digit = FALSE;
  gsize len;

  for (const char *p = number; *p != '\0'; p++)
    has_digit |= g_ascii_isalnum (*p);
  if (!has_digit)
    return g_strdup_printf ("%u", _drafting_node_get_ordinal (node));

  len = strlen (number);
  if (len > 1 && number[len - 1] == '.')
    number[len - 1] = '\0';

  return g_steal_pointer (&number);
}

/* What typing changed, for the undo menu: "Typing in operative paragraph 3". */
static char *
typing_label (DraftingNode *node)
{
  g_autofree char *number = spoken_number (node);

  switch ((int) node->kind)
    {
    case DRAFTING_KIND_HEADING:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the heading"));
    case DRAFTING_KIND_PLACE_DATE:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the place and date"));
    case DRAFTING_KIND_AUTHORITY:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the authority formula"));
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
      /* Translators: an undo menu item: %s is the clause's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in preambular clause %s"), number);
    case DRAFTING_KIND_OPERATIVE_FORMULA:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the operative formula"));
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "3" */
      return g_strdup_printf (C_("undo", "Typing in operative paragraph %s"), number);
    case DRAFTING_KIND_SUB_PARAGRAPH:
      if (node->parent != NULL && node->parent->kind == DRAFTING_KIND_OPERATIVE_PARAGRAPH)
        {
          g_autofree char *parent = spoken_number (node->parent);

          /* Translators: an undo menu item: the sub-paragraph's number, as
           * "(b)", then that of its operative paragraph, as "3" */
          return g_strdup_printf (C_("undo", "Typing in sub-paragraph %s of operative paragraph %s"),
                                  number, parent);
        }
      /* Translators: an undo menu item: %s is the sub-paragraph's number, as "(b)" */
      return g_strdup_printf (C_("undo", "Typing in sub-paragraph %s"), number);
    case DRAFTING_KIND_ANNEX:
      /* Translators: an undo menu item: %s is the annex's number, as "I" */
      return g_strdup_printf (C_("undo", "Typing in annex %s"), number);
    case DRAFTING_KIND_PRINCIPLE:
      /* Translators: an undo menu item: %s is the principle's number, as "IV" */
      return g_strdup_printf (C_("undo", "Typing in principle %s"), number);
    case DRAFTING_KIND_SECTION:
      /* Translators: an undo menu item: %s is the section's number, as "ii" */
      return g_strdup_printf (C_("undo", "Typing in section %s"), number);
    case DRAFTING_KIND_ITEM:
      /* Translators: an undo menu item: %s is the item's number, as "iii" */
      return g_strdup_printf (C_("undo", "Typing in item %s"), number);
    case DRAFTING_KIND_OCCASION:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the occasion"));
    case DRAFTING_KIND_TITLE:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the title"));
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in narrative paragraph %s"), number);
    case DRAFTING_KIND_SPEAKER_FORMULA:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the speaker formula"));
    case DRAFTING_KIND_STATEMENT:
      /* Translators: an undo menu item: %s is the statement's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in statement %s"), number);
    case DRAFTING_KIND_FOOTNOTE:
      /* Translators: an undo menu item: %s is the footnote's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in footnote %s"), number);
    case DRAFTING_KIND_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in paragraph %s"), number);
    default:
      return g_strdup (_("Typing"));
    }
}

/**
 * drafting_document_edit_text:
 * @lead: (nullable): the new leading phrase, or %NULL to keep it
 * @content: the new text with its marks
 * @flags: %DRAFTING_EDIT_COALESCE while typing
 *
 * Changes what a person types into an element: its leading phrase and its
 * text. Typing coalesces: the changes of a word are undone together.
 */
void
drafting_document_edit_text (DraftingDocument     *self,
                             DraftingNode         *node,
                             const char           *lead,
                             const DraftingInline *content,
                             DraftingEditFlags     flags)
{
  g_autofree char *clean_lead = NULL;
  gboolean lead_changes;
  gboolean content_changes;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_NODE (node) && node->document == self);
  g_return_if_fail (content != NULL);
  g_return_if_fail (lead == NULL || g_utf8_validate (lead, -1, NULL));

  if (lead != NULL)
    {
      clean_lead = g_strdup (lead);
      drafting_text_sanitize (clean_lead, -1, TRUE);
      lead = clean_lead;
    }

  lead_changes = lead != NULL && g_strcmp0 (node->lead, lead) != 0;
  content_changes = !drafting_inline_equal (node->content, content);
  if (!lead_changes && !content_changes)
    return;

  if ((flags & DRAFTING_EDIT_COALESCE) != 0 && can_coalesce (self, node, COALESCE_TYPING))
    {
      Action *top = top_action (self);
      Op *op;

      if (lead_changes)
        {
          if ((op = find_op (top, OP_LEAD)) == NULL)
            {
              op = op_new (OP_LEAD, node);
              op->old_str = g_strdup (node->lead);
              g_ptr_array_add (top->ops, op);
            }
          g_free (op->new_str);
          op->new_str = g_strdup (lead);
          op_apply (self, op, TRUE);
        }

      if (content_changes)
        {
          if ((op = find_op (top, OP_CONTENT)) == NULL)
            {
              op = op_new (OP_CONTENT, node);
              op->old_content = drafting_inline_copy (node->content);
              g_ptr_array_add (top->ops, op);
            }
          drafting_inline_free (op->new_content);
          op->new_content = drafting_inline_copy (content);
          op_apply (self, op, TRUE);
        }

      self->change_count++;
      history_changed (self);
      return;
    }

  {
    g_autofree char *label = typing_label (node);

    drafting_document_begin_action (self, label);
  }
  if (lead_changes)
    record_lead (self, node, lead);
  if (content_changes)
    record_content (self, node, content);
  if ((flags & DRAFTING_EDIT_COALESCE) != 0 && self->action_depth == 1)
    {
      self->current->coalesce_target = node;
      self->current->coalesce_key = COALESCE_TYPING;
    }
  drafting_document_end_action (self);
}

/**
 * drafting_document_set_content:
 * @content: the new text with its marks
 * @flags: %DRAFTING_EDIT_COALESCE while typing
 */
void
drafting_document_set_content (DraftingDocument     *self,
                               DraftingNode         *node,
                               const DraftingInline *content,
                               DraftingEditFlags     flags)
{
  drafting_document_edit_text (self, node, NULL, content, flags);
}

/**
 * drafting_document_set_text:
 *
 * Replaces the text of @node with @text, without marks.
 */
void
drafting_document_set_text (DraftingDocument *self,
                            DraftingNode     *node,
                            const char       *text)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  content = drafting_inline_new (text);
  drafting_document_set_content (self, node, content, DRAFTING_EDIT_NONE);
}

/**
 * drafting_document_replace_text:
 * @start: byte offset in the text of @node
 * @end: byte offset of the end of what to replace
 * @text: what replaces it
 */
void
drafting_document_replace_text (DraftingDocument *self,
                                DraftingNode     *node,
                                guint             start,
                                guint             end,
                                const char       *text)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (DRAFTING_IS_NODE (node));
  g_return_if_fail (start <= end && end <= drafting_inline_get_length (node->content));
  g_return_if_fail (text != NULL);

  content = drafting_inline_copy (node->content);
  drafting_inline_delete (content, start, end);
  drafting_inline_insert (content, start, text, -1);
  drafting_document_set_content (self, node, content, DRAFTING_EDIT_NONE);
}

void
drafting_document_set_lead (DraftingDocument  *self,
                            DraftingNode      *node,
                            const char        *lead,
                            DraftingEditFlags  flags)
{
  g_return_if_fail (DRAFTING_IS_NODE (node));
  g_return_if_fail (lead != NULL);

  drafting_document_edit_text (self, node, lead, node->content, flags);
}

/**
 * drafting_document_can_change_kind:
 *
 * Returns: whether @node may become an element of @kind where it is
 */
gboolean
drafting_document_can_change_kind (DraftingDocument *self,
                                   DraftingNode     *node,
                                   DraftingKind      kind)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node == self->root || kind >= DRAFTING_N_KINDS || kind == DRAFTING_KIND_DOCUMENT)
    return FALSE;
  if ((node->kind == DRAFTING_KIND_FOOTNOTE) != (kind == DRAFTING_KIND_FOOTNOTE))
    return FALSE;

  return drafting_kind_allows_child (node->parent->kind, kind) &&
         kind_allows_children_of (kind, node);
}

/**
 * drafting_document_set_kind:
 *
 * Makes @node an element of another kind, where it stands: a paragraph
 * becomes a preambular clause, an operative paragraph a statement. A
 * leading phrase goes into the text when the new kind has none.
 *
 * Returns: %TRUE if changed
 */
gboolean
drafting_document_set_kind (DraftingDocument  *self,
                            DraftingNode      *node,
                            DraftingKind       kind,
                            GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node->kind == kind)
    return TRUE;

  if (!drafting_document_can_change_kind (self, node, kind))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: both are kinds of element */
                   _("Here, an element of the kind “%s” cannot become one of the kind “%s”"),
                   drafting_kind_get_display_name (node->kind),
                   kind < DRAFTING_N_KINDS ? drafting_kind_get_display_name (kind) : "?");
      return FALSE;
    }

  drafting_document_begin_action (self, _("Change Kind"));
  record_lead_for_kind (self, node, kind);
  record_kind (self, node, kind);
  drafting_document_end_action (self);

  return TRUE;
}

/* Moves the footnotes of @from whose references are in @content to the end
 * of the footnotes of @to. */
static void
record_move_footnotes (DraftingDocument     *self,
                       DraftingNode         *from,
                       DraftingNode         *to,
                       const DraftingInline *content)
{
  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);
      DraftingNode *footnote;

      if (mark->kind != DRAFTING_MARK_FOOTNOTE_REF)
        continue;

      footnote = drafting_node_find_footnote (from, mark->ref);
      if (footnote != NULL)
        record_move (self, footnote, to, leading_footnotes (to));
    }
}

/* Enter in a formula: the element after it, if it is of the kind that
 * follows the formula, else a new one of that kind, right after it. */
static DraftingNode *
open_after_formula (DraftingDocument  *self,
                    DraftingNode      *formula,
                    GError           **error)
{
  DraftingKind kind = drafting_kind_get_next (formula->kind);
  DraftingNode *next = drafting_node_get_next_sibling (formula);
  g_autoptr(DraftingNode) fresh = NULL;

  g_assert (kind != DRAFTING_KIND_INVALID);

  if (next != NULL && next->kind == kind)
    return next;

  fresh = drafting_node_new (kind, NULL);
  if (!check_place (self, fresh, kind, formula->parent, error))
    return NULL;

  drafting_document_begin_action (self, _("New Element"));
  record_insert (self, formula->parent, drafting_node_get_index (formula) + 1, fresh);
  drafting_document_end_action (self);

  return fresh;
}

/**
 * drafting_document_split:
 * @node: the element the cursor is in
 * @offset: the byte offset of the cursor in its text
 *
 * What Enter does. In the middle of the text, cuts the element in two: the
 * rest of the text, its footnotes and the elements it holds go to a new
 * element after it. At the end, makes a new empty element of the kind that
 * comes next: another clause after a clause, the first sub-paragraph of a
 * paragraph that has some. At the start of a text, makes an empty element
 * before it. A formula is never cut nor repeated: anywhere in it, its
 * leading phrase included, Enter goes on to the element that follows it,
 * or to a new one of the kind that follows the formula (the operative
 * formula's first paragraph) when none of that kind comes next.
 *
 * Returns: (transfer none) (nullable): the element the cursor goes to, at
 *   its start
 */
DraftingNode *
drafting_document_split (DraftingDocument  *self,
                         DraftingNode      *node,
                         guint              offset,
                         GError           **error)
{
  g_autoptr(DraftingInline) head = NULL;
  g_autoptr(DraftingInline) tail = NULL;
  g_autoptr(DraftingNode) fresh = NULL;
  DraftingKind kind;
  DraftingNode *parent;
  gsize len;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);
  g_return_val_if_fail (offset <= drafting_inline_get_length (node->content), NULL);

  if (node == self->root || !drafting_kind_has_text (node->kind))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("This element has no text to split"));
      return NULL;
    }

  if (drafting_kind_is_formula (node->kind))
    return open_after_formula (self, node, error);

  len = drafting_inline_get_length (node->content);
  parent = node->parent;

  /* At the start of a text: a new element before. */
  if (offset == 0 && len > 0)
    {
      fresh = drafting_node_new (node->kind, NULL);
      drafting_document_begin_action (self, _("New Element"));
      record_insert (self, parent, drafting_node_get_index (node), fresh);
      drafting_document_end_action (self);
      return node;
    }

  /* At the end of an element that holds others: its first child. */
  kind = drafting_kind_get_first_child (node->kind);
  if (offset == len && drafting_node_has_content_children (node) &&
      kind != DRAFTING_KIND_INVALID && drafting_kind_allows_child (node->kind, kind))
    {
      fresh = drafting_node_new (kind, NULL);
      if (!check_place (self, fresh, kind, node, error))
        return NULL;
      drafting_document_begin_action (self, _("New Element"));
      record_insert (self, node, leading_footnotes (node), fresh);
      drafting_document_end_action (self);
      return fresh;
    }

  kind = node->kind;
  if (offset == len)
    {
      DraftingKind next = drafting_kind_get_next (node->kind);

      if (next != DRAFTING_KIND_INVALID && drafting_kind_allows_child (parent->kind, next))
        kind = next;
    }

  head = drafting_inline_copy (node->content);
  tail = drafting_inline_split (head, offset);
  fresh = drafting_node_new (kind, NULL);

  drafting_document_begin_action (self, offset == len ? _("New Element") : _("Split"));
  record_content (self, node, head);
  record_insert (self, parent, drafting_node_get_index (node) + 1, fresh);
  record_content (self, fresh, tail);
  record_move_footnotes (self, node, fresh, tail);

  /* What the element holds follows the rest of its text. */
  if (offset < len)
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      for (guint i = 0; i < node->children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (node->children, i);

          if (child->kind != DRAFTING_KIND_FOOTNOTE)
            g_ptr_array_add (children, child);
        }
      for (guint i = 0; i < children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (children, i);

          if (drafting_kind_allows_child (fresh->kind, child->kind))
            record_move (self, child, fresh, fresh->children->len);
        }
    }
  drafting_document_end_action (self);

  return fresh;
}

/* The element before @node in reading order that a merge joins it to. */
static DraftingNode *
merge_target (DraftingDocument *self,
              DraftingNode     *node)
{
  guint position = drafting_document_get_position (self, node);

  while (position > 0)
    {
      DraftingNode *prev = g_ptr_array_index (self->flat, --position);

      if (prev->kind != DRAFTING_KIND_FOOTNOTE)
        return prev;
    }

  return NULL;
}

static gboolean
allows_all (DraftingNode *parent,
            GPtrArray    *children)
{
  for (guint i = 0; i < children->len; i++)
    if (!drafting_kind_allows_child (parent->kind, ((DraftingNode *) g_ptr_array_index (children, i))->kind))
      return FALSE;

  return TRUE;
}

/**
 * drafting_document_merge:
 * @node: the element the cursor is at the start of
 * @join_offset: (out) (optional): where, in the text of the element merged
 *   into, the text of @node now starts
 *
 * What Backspace at the start of an element does: its text joins the end of
 * the element before it in reading order, its footnotes go with its text,
 * and the elements it holds take its place.
 *
 * Returns: (transfer none) (nullable): the element @node was merged into
 */
DraftingNode *
drafting_document_merge (DraftingDocument  *self,
                         DraftingNode      *node,
                         guint             *join_offset,
                         GError           **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_autoptr(DraftingInline) joined = NULL;
  g_autoptr(DraftingInline) moved = NULL;
  DraftingNode *target;
  DraftingNode *parent;
  DraftingNode *home = NULL;
  guint home_index = 0;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);

  target = node->kind != DRAFTING_KIND_FOOTNOTE ? merge_target (self, node) : NULL;
  if (target == NULL || !drafting_kind_has_text (target->kind) ||
      !drafting_kind_has_text (node->kind))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("There is no text before this element to join it to"));
      return NULL;
    }

  parent = node->parent;
  for (guint i = 0; i < node->children->len; i++)
    {
      DraftingNode *child = g_ptr_array_index (node->children, i);

      if (child->kind != DRAFTING_KIND_FOOTNOTE)
        g_ptr_array_add (children, child);
    }

  /* Where what @node holds goes: into its parent in its place when it
   * is the parent's first, else into the element before it. */
  if (children->len > 0)
    {
      DraftingNode *prev = previous_content_sibling (node);

      if (target == parent)
        home = parent;
      else if (prev != NULL && allows_all (prev, children))
        home = prev;
      else if (allows_all (target, children))
        home = target;
      else
        home = parent;

      if (!allows_all (home, children))
        {
          g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                       /* Translators: %s is a kind of element */
                       _("The elements inside this “%s” would have no place once it is joined to the text before"),
                       drafting_kind_get_display_name (node->kind));
          return NULL;
        }
    }

  joined = drafting_inline_copy (target->content);
  moved = drafting_inline_copy (node->content);
  if (node->lead[0] != '\0')
    {
      g_autofree char *lead = g_strconcat (node->lead, drafting_inline_get_length (moved) > 0 ? " " : "", NULL);

      drafting_inline_insert (moved, 0, lead, -1);
    }
  if (join_offset != NULL)
    *join_offset = drafting_inline_get_length (joined);
  drafting_inline_append (joined, moved);

  drafting_document_begin_action (self, _("Join"));
  record_move_footnotes (self, node, target, node->content);
  record_content (self, target, joined);

  if (home != NULL)
    {
      home_index = home == parent ? drafting_node_get_index (node) + 1 : home->children->len;
      for (guint i = 0; i < children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (children, i);

          record_move (self, child, home, home_index);
          home_index = drafting_node_get_index (child) + 1;
        }
    }

  record_remove (self, node);
  drafting_document_end_action (self);

  return target;
}

/**
 * drafting_document_add_footnote:
 * @node: the element whose text calls the footnote
 * @offset: the byte offset in its text where the footnote is called
 * @text: (nullable): the text of the footnote
 *
 * Returns: (transfer none): the new footnote
 */
DraftingNode *
drafting_document_add_footnote (DraftingDocument *self,
                                DraftingNode     *node,
                                guint             offset,
                                const char       *text)
{
  g_autoptr(DraftingNode) footnote = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autofree char *id = NULL;
  guint index = 0;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);
  g_return_val_if_fail (drafting_kind_allows_child (node->kind, DRAFTING_KIND_FOOTNOTE), NULL);
  g_return_val_if_fail (offset <= drafting_inline_get_length (node->content), NULL);

  id = _drafting_document_new_id (self);
  footnote = drafting_node_new_with_text (DRAFTING_KIND_FOOTNOTE, NULL, text);
  _drafting_node_set_id (footnote, id);

  content = drafting_inline_copy (node->content);
  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);

      if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF && mark->start <= offset &&
          drafting_node_find_footnote (node, mark->ref) != NULL)
        index++;
    }
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, offset, offset, id);

  drafting_document_begin_action (self, _("Insert Footnote"));
  record_insert (self, node, MIN (index, leading_footnotes (node)), footnote);
  record_content (self, node, content);
  drafting_document_end_action (self);

  return footnote;
}

/**
 * drafting_document_toggle_style:
 * @style: %DRAFTING_MARK_EMPHASIS or %DRAFTING_MARK_STRONG
 *
 * Takes the style off the range if all of it has it, else gives it to all
 * of it.
 */
void
drafting_document_toggle_style (DraftingDocument *self,
                                DraftingNode     *node,
                                DraftingMarkKind  style,
                                guint             start,
                                guint             end)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_NODE (node) && node->document == self);
  g_return_if_fail (style != DRAFTING_MARK_FOOTNOTE_REF);
  g_return_if_fail (start <= end && end <= drafting_inline_get_length (node->content));

  if (start == end)
    return;

  content = drafting_inline_copy (node->content);
  if (drafting_inline_has_style (content, style, start, end))
    drafting_inline_remove_style (content, style, start, end);
  else
    drafting_inline_add_mark (content, style, start, end, NULL);

  drafting_document_begin_action (self, style == DRAFTING_MARK_EMPHASIS ? _("Italic") : _("Bold"));
  record_content (self, node, content);
  drafting_document_end_action (self);
}

/* ------------------------------------------------------------------ */
/* Find and replace                                                    */

static void
find_in (const char        *haystack,
         DraftingNode      *node,
         gboolean           in_lead,
         const char        *needle,
         DraftingFindFlags  flags,
         GArray            *matches)
{
  gsize hay_len = strlen (haystack);
  gboolean match_case = (flags & DRAFTING_FIND_MATCH_CASE) != 0;

  for (const char *p = haystack; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *h = p;
      const char *n = needle;

      while (*n != '\0' && *h != '\0')
        {
          gunichar hc = g_utf8_get_char (h);
          gunichar nc = g_utf8_get_char (n);

          if (!match_case)
            {
              hc = g_unichar_tolower (hc);
              nc = g_unichar_tolower (nc);
            }
          if (hc != nc)
            break;
          h = g_utf8_next_char (h);
          n = g_utf8_next_char (n);
        }

      if (*n != '\0')
        continue;

      if ((flags & DRAFTING_FIND_WHOLE_WORDS) != 0 &&
          (!drafting_text_is_word_boundary (haystack, hay_len, p - haystack) ||
           !drafting_text_is_word_boundary (haystack, hay_len, h - haystack)))
        continue;

      {
        DraftingMatch match = { node, in_lead, p - haystack, h - haystack };

        g_array_append_val (matches, match);
        /* Matches do not overlap. */
        p = h - 1;
        while (p > haystack && ((guchar) *p & 0xC0) == 0x80)
          p--;
      }
    }
}

/**
 * drafting_document_find:
 * @needle: the text to look for
 * @flags: how to match
 *
 * Returns: (transfer full) (element-type DraftingMatch): every match, in
 *   reading order, leading phrases included
 */
GArray *
drafting_document_find (DraftingDocument  *self,
                        const char        *needle,
                        DraftingFindFlags  flags)
{
  GArray *matches;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (needle != NULL && g_utf8_validate (needle, -1, NULL), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (DraftingMatch));
  if (needle[0] == '\0')
    return matches;

  for (guint i = 0; i < self->flat->len; i++)
    {
      DraftingNode *node = g_ptr_array_index (self->flat, i);

      find_in (node->lead, node, TRUE, needle, flags, matches);
      find_in (drafting_inline_get_text (node->content), node, FALSE, needle, flags, matches);
    }

  return matches;
}

/**
 * drafting_document_replace_all:
 *
 * Replaces every match of @needle with @replacement, as one change.
 *
 * Returns: how many were replaced
 */
guint
drafting_document_replace_all (DraftingDocument  *self,
                               const char        *needle,
                               const char        *replacement,
                               DraftingFindFlags  flags)
{
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (replacement != NULL && g_utf8_validate (replacement, -1, NULL), 0);

  matches = drafting_document_find (self, needle, flags);
  if (matches->len == 0)
    return 0;

  drafting_document_begin_action (self, _("Replace All"));

  for (guint i = 0; i < matches->len;)
    {
      DraftingMatch *first = &g_array_index (matches, DraftingMatch, i);
      DraftingNode *node = first->node;
      gboolean in_lead = first->in_lead;
      guint j = i;

      while (j < matches->len &&
             g_array_index (matches, DraftingMatch, j).node == node &&
             g_array_index (matches, DraftingMatch, j).in_lead == in_lead)
        j++;

      if (in_lead)
        {
          GString *lead = g_string_new (node->lead);

          for (guint k = j; k > i; k--)
            {
              DraftingMatch *m = &g_array_index (matches, DraftingMatch, k - 1);

              g_string_erase (lead, m->start, m->end - m->start);
              g_string_insert (lead, m->start, replacement);
            }
          record_lead (self, node, lead->str);
          g_string_free (lead, TRUE);
        }
      else
        {
          g_autoptr(DraftingInline) content = drafting_inline_copy (node->content);

          for (guint k = j; k > i; k--)
            {
              DraftingMatch *m = &g_array_index (matches, DraftingMatch, k - 1);

              drafting_inline_delete (content, m->start, m->end);
              drafting_inline_insert (content, m->start, replacement, -1);
            }
          record_content (self, node, content);
        }

      i = j;
    }

  drafting_document_end_action (self);

  return matches->len;
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

/**
 * drafting_document_count_kind:
 *
 * Returns: how many elements of @kind the document has
 */
guint
drafting_document_count_kind (DraftingDocument *self,
                              DraftingKind      kind)
{
  guint n = 0;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < self->flat->len; i++)
    if (((DraftingNode *) g_ptr_array_index (self->flat, i))->kind == kind)
      n++;

  return n;
}

/**
 * drafting_document_get_root:
 *
 * Returns: (transfer none): the root, which holds the top-level elements
 */
DraftingNode *
drafting_document_get_root (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return self->root;
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

  unregister_subtree (self, self->root);
  g_set_object (&self->root, root);
  register_subtree (self, root);

  for (guint i = 0; i < root->children->len; i++)
    collect_subtree (g_ptr_array_index (root->children, i), nodes);
  g_ptr_array_set_size (self->flat, 0);
  flat_insert (self, 0, nodes);
  self->flat_dirty_from = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->flat->len);
  emit_numbering_changed (self);
}

/* What a document holds of its elements and their history, once it goes. */
typedef struct
{
  GPtrArray    *undo;
  GPtrArray    *redo;
  Action       *current;
  GPtrArray    *flat;
  GHashTable   *ids;
  GHashTable   *known_ids;
  DraftingNode *root;
  GPtrArray    *parts;     /* the root's children, let go a few at a time */
} Remains;

static void
remains_free (Remains *remains)
{
  g_clear_pointer (&remains->undo, g_ptr_array_unref);
  g_clear_pointer (&remains->redo, g_ptr_array_unref);
  g_clear_pointer (&remains->current, action_free);
  g_clear_pointer (&remains->flat, g_ptr_array_unref);
  g_clear_pointer (&remains->ids, g_hash_table_unref);
  g_clear_pointer (&remains->known_ids, g_hash_table_unref);
  g_clear_pointer (&remains->parts, g_ptr_array_unref);
  g_clear_object (&remains->root);
  g_free (remains);
}

/* Tens of thousands of elements take longer to free than a frame lasts:
 * when a long document goes in the main loop (its page closed), its
 * elements are let go a few parts at each turn of the loop, so that the
 * window does not stop. Elsewhere (a worker, a command-line tool) they go
 * at once. */
#define FREE_GRADUALLY_MIN 1000
#define FREE_BUDGET_US     3000

static gboolean
free_some_remains (gpointer data)
{
  Remains *remains = data;
  gint64 end = g_get_monotonic_time () + FREE_BUDGET_US;

  /* The history first: it holds elements too. */
  g_clear_pointer (&remains->undo, g_ptr_array_unref);
  g_clear_pointer (&remains->redo, g_ptr_array_unref);
  g_clear_pointer (&remains->current, action_free);

  while (remains->parts->len > 0 && g_get_monotonic_time () < end)
    for (guint i = 0; i < 16 && remains->parts->len > 0; i++)
      g_ptr_array_remove_index (remains->parts, remains->parts->len - 1);

  if (remains->parts->len > 0)
    return G_SOURCE_CONTINUE;

  remains_free (remains);
  return G_SOURCE_REMOVE;
}

static void
drafting_document_finalize (GObject *object)
{
  DraftingDocument *self = (DraftingDocument *) object;
  Remains *remains = g_new0 (Remains, 1);

  remains->undo = g_steal_pointer (&self->undo);
  remains->redo = g_steal_pointer (&self->redo);
  remains->current = g_steal_pointer (&self->current);
  remains->flat = g_steal_pointer (&self->flat);
  remains->ids = g_steal_pointer (&self->ids);
  remains->known_ids = g_steal_pointer (&self->known_ids);
  remains->root = g_steal_pointer (&self->root);

  if (remains->flat != NULL && remains->flat->len >= FREE_GRADUALLY_MIN &&
      remains->root != NULL && g_main_context_is_owner (g_main_context_default ()))
    {
      /* The parts, taken from the root, go one by one; the root last. */
      remains->parts = g_steal_pointer (&remains->root->children);
      remains->root->children = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < remains->parts->len; i++)
        ((DraftingNode *) g_ptr_array_index (remains->parts, i))->parent = NULL;
      g_clear_pointer (&remains->flat, g_ptr_array_unref);
      g_clear_pointer (&remains->ids, g_hash_table_unref);
      g_idle_add_full (G_PRIORITY_LOW, free_some_remains, remains, NULL);
    }
  else
    remains_free (remains);

  g_clear_pointer (&self->rand, g_rand_free);
  clear_labels (self);
  for (guint i = 0; i < N_META; i++)
    g_clear_pointer (&self->meta[i], g_free);

  G_OBJECT_CLASS (drafting_document_parent_class)->finalize (object);
}

static void
drafting_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DraftingDocument *self = DRAFTING_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_TYPE:
      g_value_set_enum (value, self->type);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TITLE:
    case PROP_BODY:
    case PROP_SYMBOL:
    case PROP_PLACE:
    case PROP_DATE:
    case PROP_LANGUAGE:
      for (guint i = 0; i < N_META; i++)
        if (meta_props[i] == prop_id)
          g_value_set_string (value, self->meta[i]);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, drafting_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, drafting_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, drafting_document_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, drafting_document_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, drafting_document_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DraftingDocument *self = DRAFTING_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_TYPE:
      drafting_document_set_document_type (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      drafting_document_set_status (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
    case PROP_BODY:
    case PROP_SYMBOL:
    case PROP_PLACE:
    case PROP_DATE:
    case PROP_LANGUAGE:
      for (guint i = 0; i < N_META; i++)
        if (meta_props[i] == prop_id)
          set_meta (self, i, g_value_get_string (value), _("Change Properties"));
      break;

    case PROP_MODIFIED:
      drafting_document_set_modified (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_document_class_init (DraftingDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const meta_names[N_META] = {
    "title", "body", "symbol", "place", "date", "language",
  };

  object_class->finalize = drafting_document_finalize;
  object_class->get_property = drafting_document_get_property;
  object_class->set_property = drafting_document_set_property;

  properties[PROP_DOCUMENT_TYPE] =
    g_param_spec_enum ("document-type", NULL, NULL,
                       DRAFTING_TYPE_DOCUMENT_TYPE, DRAFTING_DOCUMENT_GENERIC,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DRAFTING_TYPE_STATUS, DRAFTING_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < N_META; i++)
    properties[meta_props[i]] =
      g_param_spec_string (meta_names[i], NULL, NULL,
                           "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DraftingDocument::node-changed:
   * @node: the element
   * @what: a #DraftingNodeChange: its text, leading phrase or kind
   */
  signals[NODE_CHANGED] =
    g_signal_new ("node-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DRAFTING_TYPE_NODE, G_TYPE_UINT);

  /**
   * DraftingDocument::numbering-changed:
   *
   * Numbers may have changed: elements were added, removed, moved or
   * changed kind, or a numbering style changed.
   */
  signals[NUMBERING_CHANGED] =
    g_signal_new ("numbering-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * DraftingDocument::changed:
   *
   * The document changed, or its history did: a change was made, undone
   * or redone, or the document was saved. What is kept of it (a draft
   * against a crash) is to be written again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
drafting_document_init (DraftingDocument *self)
{
  self->root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);
  self->flat = g_ptr_array_new ();
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rand = g_rand_new ();
  self->undo = g_ptr_array_new_with_free_func (action_free);
  self->redo = g_ptr_array_new_with_free_func (action_free);
  self->saved_reachable = TRUE;
  self->status = DRAFTING_STATUS_DRAFT;

  for (guint i = 0; i < N_META; i++)
    self->meta[i] = g_strdup ("");
  g_free (self->meta[META_LANGUAGE]);
  self->meta[META_LANGUAGE] = g_strdup ("en");

  for (guint i = 0; i < DRAFTING_N_NUMBERING_SLOTS; i++)
    self->numbering[i] = drafting_numbering_slot_get_default (i);

  register_subtree (self, self->root);
}

/**
 * drafting_document_new:
 * @type: a resolution, a communiqué or another text
 *
 * Returns: (transfer full): an empty document
 */
DraftingDocument *
drafting_document_new (DraftingDocumentType type)
{
  DraftingDocument *self;

  g_return_val_if_fail (type <= DRAFTING_DOCUMENT_GENERIC, NULL);

  self = g_object_new (DRAFTING_TYPE_DOCUMENT, NULL);
  self->type = type;

  return self;
}

/* The language a new document's formulas come in: the interface's, when
 * its translation gives them, else English. */
static char *
template_language (void)
{
  const char *probe = C_("template", "THE POLICY COMMISSION");
  const char * const *names = g_get_language_names ();

  if (strcmp (probe, "THE POLICY COMMISSION") == 0 || names[0] == NULL)
    return g_strdup ("en");

  return g_strndup (names[0], strcspn (names[0], "_.@"));
}

static void
add_template_node (DraftingNode *root,
                   DraftingKind  kind,
                   const char   *lead,
                   const char   *text)
{
  g_autoptr(DraftingNode) node = drafting_node_new_with_text (kind, lead, text);

  drafting_node_append_child (root, node);
}

/**
 * drafting_document_new_from_template:
 * @type: the kind of document
 *
 * Makes a new document laid out with its formulas in place: for a
 * resolution the heading, place and date, authority, a preambular clause,
 * the operative formula and a first operative paragraph; for a communiqué
 * the occasion, title, a narrative paragraph, the speaker formula and a
 * first statement.
 *
 * Returns: (transfer full): the new document, unmodified
 */
DraftingDocument *
drafting_document_new_from_template (DraftingDocumentType type)
{
  g_autoptr(DraftingNode) root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);
  DraftingDocument *self = drafting_document_new (type);

  switch (type)
    {
    case DRAFTING_DOCUMENT_RESOLUTION:
      add_template_node (root, DRAFTING_KIND_HEADING, NULL,
                         C_("template", "RESOLUTION OF THE POLICY COMMISSION"));
      add_template_node (root, DRAFTING_KIND_PLACE_DATE, NULL, NULL);
      add_template_node (root, DRAFTING_KIND_AUTHORITY, NULL,
                         C_("template", "THE POLICY COMMISSION"));
      add_template_node (root, DRAFTING_KIND_PREAMBLE_CLAUSE, C_("template", "NOTING"), "");
      add_template_node (root, DRAFTING_KIND_OPERATIVE_FORMULA, C_("template", "RESOLVES"),
                         /* Translators: what follows the operative formula's verb in a
                          * new resolution; French typography puts a space before it */
                         C_("template", ":"));
      add_template_node (root, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "");
      break;

    case DRAFTING_DOCUMENT_COMMUNIQUE:
      add_template_node (root, DRAFTING_KIND_OCCASION, NULL, "");
      add_template_node (root, DRAFTING_KIND_TITLE, NULL,
                         C_("template", "Communication from the International Customs Community"));
      add_template_node (root, DRAFTING_KIND_NARRATIVE_PARAGRAPH, NULL, "");
      add_template_node (root, DRAFTING_KIND_SPEAKER_FORMULA, NULL,
                         C_("template", "The international Customs community:"));
      add_template_node (root, DRAFTING_KIND_STATEMENT, NULL, "");
      break;

    case DRAFTING_DOCUMENT_GENERIC:
    default:
      add_template_node (root, DRAFTING_KIND_PARAGRAPH, NULL, "");
      break;
    }

  _drafting_document_adopt_root (self, root);
  if (type == DRAFTING_DOCUMENT_RESOLUTION)
    {
      g_free (self->meta[META_BODY]);
      self->meta[META_BODY] = g_strdup (C_("template", "Policy Commission"));
    }

  /* The template's words are the interface's language when it has them. */
  g_free (self->meta[META_LANGUAGE]);
  self->meta[META_LANGUAGE] = template_language ();

  return self;
}

/* Copies @node, with its subtree, into @copy, and puts it in its list in
 * reading order at once, as flat_insert() would. Each copy keeps its
 * identifier: they are unique in @copy as they were in the original, and
 * the table of them is filled when first needed (see get_ids()). */
static DraftingNode *
snapshot_node (DraftingDocument *copy,
               DraftingNode     *node,
               DraftingNode     *parent)
{
  DraftingNode *twin = g_object_new (DRAFTING_TYPE_NODE, NULL);
  guint n_children = node->children->len;

  twin->kind = node->kind;
  twin->id = g_strdup (node->id);
  if (node->lead[0] != '\0')
    {
      g_free (twin->lead);
      twin->lead = g_strdup (node->lead);
    }
  drafting_inline_assign (twin->content, node->content);
  twin->parent = parent;
  twin->document = copy;
  twin->home = copy;

  if (parent != NULL)
    {
      twin->flat_index = copy->flat->len;
      g_ptr_array_add (copy->flat, twin);
    }

  g_ptr_array_set_size (twin->children, n_children);
  for (guint i = 0; i < n_children; i++)
    twin->children->pdata[i] = snapshot_node (copy, g_ptr_array_index (node->children, i), twin);

  return twin;
}

/**
 * drafting_document_snapshot:
 *
 * Copies the document as it is now: its elements with their identifiers,
 * kinds, leading phrases, text, marks and footnotes, its metadata, its
 * numbering styles and its type, but not its history. The copy shares
 * nothing that changes with @self, so it can be saved or printed in
 * another thread while @self goes on being edited in this one: the copy
 * then belongs to that thread alone, as a document belongs to one thread at
 * a time.
 *
 * It is meant to be cheap, as it is what is made on the main thread each
 * time a document is saved or a draft of it kept.
 *
 * Returns: (transfer full): the copy, unmodified and with no history
 */
DraftingDocument *
drafting_document_snapshot (DraftingDocument *self)
{
  DraftingDocument *copy;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  copy = drafting_document_new (self->type);
  copy->status = self->status;
  for (guint i = 0; i < N_META; i++)
    {
      g_free (copy->meta[i]);
      copy->meta[i] = g_strdup (self->meta[i]);
    }
  memcpy (copy->numbering, self->numbering, sizeof copy->numbering);

  /* The new document's own empty root makes way for the copy of this one,
   * its list of elements made the right size at once. */
  unregister_subtree (copy, copy->root);
  g_clear_object (&copy->root);
  g_ptr_array_set_size (copy->flat, self->flat->len);
  g_ptr_array_set_size (copy->flat, 0);
  copy->root = snapshot_node (copy, self->root, NULL);
  copy->flat_dirty_from = copy->flat->len;
  copy->ids_pending = TRUE;

  return copy;
}
