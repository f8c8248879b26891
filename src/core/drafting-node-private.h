/* drafting-node-private.h: what the document knows of its nodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-node.h"

G_BEGIN_DECLS

struct _DraftingNode
{
  GObject           parent_instance;

  DraftingNode     *parent;      /* unowned */
  DraftingDocument *document;    /* unowned; NULL while outside a document */
  gconstpointer     home;        /* the document it was last in, compared only */
  GPtrArray        *children;    /* owned DraftingNode */
  char             *id;
  char             *lead;
  DraftingInline   *content;

  DraftingKind      kind;
  guint             ordinal;     /* among siblings of its kind, from 1 */
  guint             flat_index;  /* in document order; checked before use */
  guint             footnote_number; /* through the document, for footnotes */
  guint             revision;    /* counts changes to its kind, lead and text */

  guint             ordinals_valid : 1; /* of the children */
};

void  _drafting_node_set_id          (DraftingNode *self,
                                      const char   *id);
void  _drafting_node_insert_child    (DraftingNode *self,
                                      guint         index,
                                      DraftingNode *child);
void  _drafting_node_remove_child    (DraftingNode *self,
                                      guint         index);
void  _drafting_node_emit_children_changed (DraftingNode *self,
                                            guint         position,
                                            guint         removed,
                                            guint         added);
guint _drafting_node_get_ordinal     (DraftingNode *self);

G_END_DECLS
