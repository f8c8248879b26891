/* drafting-node.h: one element of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-inline.h"
#include "drafting-kind.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_NODE (drafting_node_get_type ())

G_DECLARE_FINAL_TYPE (DraftingNode, drafting_node, DRAFTING, NODE, GObject)

typedef struct _DraftingDocument DraftingDocument;

DraftingNode         *drafting_node_new                (DraftingKind          kind,
                                                        const char           *id);
DraftingNode         *drafting_node_new_with_text      (DraftingKind          kind,
                                                        const char           *lead,
                                                        const char           *text);
DraftingKind          drafting_node_get_kind           (DraftingNode         *self);
const char           *drafting_node_get_id             (DraftingNode         *self);
const char           *drafting_node_get_lead           (DraftingNode         *self);
guint                 drafting_node_get_revision       (DraftingNode         *self);
const DraftingInline *drafting_node_get_content        (DraftingNode         *self);
const char           *drafting_node_get_text           (DraftingNode         *self);
char                 *drafting_node_get_number         (DraftingNode         *self);
char                 *drafting_node_get_summary        (DraftingNode         *self,
                                                        guint                 max_chars);
DraftingDocument     *drafting_node_get_document       (DraftingNode         *self);
DraftingNode         *drafting_node_get_parent         (DraftingNode         *self);
guint                 drafting_node_get_n_children     (DraftingNode         *self);
DraftingNode         *drafting_node_get_child          (DraftingNode         *self,
                                                        guint                 index);
DraftingNode         *drafting_node_get_first_child    (DraftingNode         *self);
DraftingNode         *drafting_node_get_last_child     (DraftingNode         *self);
DraftingNode         *drafting_node_get_previous_sibling (DraftingNode       *self);
DraftingNode         *drafting_node_get_next_sibling   (DraftingNode         *self);
DraftingNode         *drafting_node_get_last_descendant (DraftingNode        *self);
guint                 drafting_node_get_index          (DraftingNode         *self);
guint                 drafting_node_get_depth          (DraftingNode         *self);
guint                 drafting_node_get_height         (DraftingNode         *self);
gboolean              drafting_node_is_ancestor        (DraftingNode         *self,
                                                        DraftingNode         *descendant);
DraftingNode         *drafting_node_find_footnote      (DraftingNode         *self,
                                                        const char           *id);
gboolean              drafting_node_has_content_children (DraftingNode       *self);

/* Building a tree that is not (yet) part of a document. */
void                  drafting_node_append_child       (DraftingNode         *self,
                                                        DraftingNode         *child);
void                  drafting_node_set_lead           (DraftingNode         *self,
                                                        const char           *lead);
void                  drafting_node_set_content        (DraftingNode         *self,
                                                        const DraftingInline *content);
void                  drafting_node_take_content       (DraftingNode         *self,
                                                        DraftingInline       *content);
void                  drafting_node_set_kind           (DraftingNode         *self,
                                                        DraftingKind          kind);
DraftingNode         *drafting_node_copy               (DraftingNode         *self);

G_END_DECLS
