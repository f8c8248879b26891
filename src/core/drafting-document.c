/* drafting-document.c: a resolution or communiqué, its elements and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
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
 *
 * This file holds the object, its names, its metadata and its life; the
 * list in reading order and the identifiers are in drafting-document-order.c,
 * the primitive changes and the history in drafting-document-history.c, and
 * what a person does in drafting-document-structure.c, -text.c and -find.c.
 * They share what drafting-document-private.h declares for them.
 */

G_DEFINE_FINAL_TYPE_WITH_CODE (DraftingDocument, drafting_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      _drafting_document_list_model_iface_init))

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
/* Telling the world, for the other files                              */

void
_drafting_document_emit_numbering_changed (DraftingDocument *self)
{
  self->footnotes_valid = FALSE;
  g_signal_emit (self, signals[NUMBERING_CHANGED], 0);
}

void
_drafting_document_emit_node_changed (DraftingDocument *self,
                                      DraftingNode     *node,
                                      guint             what)
{
  g_signal_emit (self, signals[NODE_CHANGED], 0, node, what);
}

void
_drafting_document_emit_changed (DraftingDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_drafting_document_notify (DraftingDocument *self,
                           guint             prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_drafting_document_notify_meta (DraftingDocument *self,
                                MetaKey           key)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[meta_props[key]]);
}

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

  if (_drafting_document_can_coalesce (self, self, OP_META * 64 + key))
    {
      Op *last = g_ptr_array_index (_drafting_document_top_action (self)->ops, 0);

      g_free (last->new_str);
      last->new_str = g_strdup (value);
      _drafting_document_op_apply (self, last, TRUE);
      self->change_count++;
      _drafting_document_history_changed (self);
      return;
    }

  drafting_document_begin_action (self, label);
  op = _drafting_document_op_new (OP_META, NULL);
  op->key = key;
  op->old_str = g_strdup (self->meta[key]);
  op->new_str = g_strdup (value);
  _drafting_document_record (self, op);
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

/**
 * drafting_document_get_identifier:
 *
 * The document's own identifier, a UUID made with it, which its copies
 * (and the files it is saved to) keep: it tells one document from another
 * whatever their titles.
 *
 * Returns: the identifier
 */
const char *
drafting_document_get_identifier (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return self->identifier;
}

/* The identifier a file gives the document it holds. */
void
_drafting_document_set_identifier (DraftingDocument *self,
                                   const char       *identifier)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (identifier != NULL && identifier[0] != '\0');

  g_free (self->identifier);
  self->identifier = g_strdup (identifier);
}

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
  op = _drafting_document_op_new (OP_TYPE, NULL);
  op->old_int = self->type;
  op->new_int = type;
  _drafting_document_record (self, op);
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
  op = _drafting_document_op_new (OP_STATUS, NULL);
  op->old_int = self->status;
  op->new_int = status;
  _drafting_document_record (self, op);
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
  op = _drafting_document_op_new (OP_NUMBERING, NULL);
  op->key = slot;
  op->old_int = self->numbering[slot];
  op->new_int = style;
  _drafting_document_record (self, op);
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
  g_clear_pointer (&remains->current, _drafting_document_action_free);
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
  g_clear_pointer (&remains->current, _drafting_document_action_free);

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

  g_clear_pointer (&self->amendment_array, g_ptr_array_unref);
  g_clear_object (&self->amendments);
  g_clear_pointer (&self->amendment_ids, g_hash_table_unref);
  g_clear_pointer (&self->amendments_by_target, g_hash_table_unref);
  g_clear_pointer (&self->revision_labels, g_hash_table_unref);
  g_clear_object (&self->revisions);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->identifier, g_free);
  _drafting_document_clear_labels (self);
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
  self->undo = g_ptr_array_new_with_free_func (_drafting_document_action_free);
  self->redo = g_ptr_array_new_with_free_func (_drafting_document_action_free);
  self->saved_reachable = TRUE;
  self->status = DRAFTING_STATUS_DRAFT;
  self->amendments = g_list_store_new (DRAFTING_TYPE_AMENDMENT);
  self->amendment_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->amendments_by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  self->amendment_array = g_ptr_array_new ();
  self->revisions = g_list_store_new (DRAFTING_TYPE_REVISION);
  self->revision_labels = g_hash_table_new (g_str_hash, g_str_equal);
  self->identifier = g_uuid_string_random ();

  for (guint i = 0; i < N_META; i++)
    self->meta[i] = g_strdup ("");
  g_free (self->meta[META_LANGUAGE]);
  self->meta[META_LANGUAGE] = g_strdup ("en");

  for (guint i = 0; i < DRAFTING_N_NUMBERING_SLOTS; i++)
    self->numbering[i] = drafting_numbering_slot_get_default (i);

  _drafting_document_register_subtree (self, self->root);
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
 * reading order at once, as flat_insert() in drafting-document-order.c
 * would. Each copy keeps its identifier: they are unique in @copy as they
 * were in the original, and the table of them is filled when first needed
 * (see get_ids() there). */
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
  g_free (copy->identifier);
  copy->identifier = g_strdup (self->identifier);
  for (guint i = 0; i < N_META; i++)
    {
      g_free (copy->meta[i]);
      copy->meta[i] = g_strdup (self->meta[i]);
    }
  memcpy (copy->numbering, self->numbering, sizeof copy->numbering);

  /* The new document's own empty root makes way for the copy of this one,
   * its list of elements made the right size at once. */
  _drafting_document_unregister_subtree (copy, copy->root);
  g_clear_object (&copy->root);
  g_ptr_array_set_size (copy->flat, self->flat->len);
  g_ptr_array_set_size (copy->flat, 0);
  copy->root = snapshot_node (copy, self->root, NULL);
  copy->flat_dirty_from = copy->flat->len;
  copy->ids_pending = TRUE;

  /* The record of amendments, which a save and a draft keep too. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->amendments)); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (G_LIST_MODEL (self->amendments), i);
      g_autoptr(DraftingAmendment) same = _drafting_amendment_copy (amendment);

      _drafting_document_add_amendment (copy, same);
    }

  /* The revisions, which a save keeps too: they never change, so the
   * copy shares them. */
  _drafting_document_share_revisions (self, copy);

  return copy;
}
