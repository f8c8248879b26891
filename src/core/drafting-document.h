/* drafting-document.h: a resolution or communiqué, its elements and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-amendment.h"
#include "drafting-kind.h"
#include "drafting-node.h"
#include "drafting-numbering.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_DOCUMENT (drafting_document_get_type ())

G_DECLARE_FINAL_TYPE (DraftingDocument, drafting_document, DRAFTING, DOCUMENT, GObject)

typedef enum
{
  DRAFTING_DOCUMENT_RESOLUTION,
  DRAFTING_DOCUMENT_COMMUNIQUE,
  DRAFTING_DOCUMENT_GENERIC,
} DraftingDocumentType;

typedef enum
{
  DRAFTING_STATUS_DRAFT,
  DRAFTING_STATUS_REVISED,
  DRAFTING_STATUS_ADOPTED,
} DraftingStatus;

typedef enum
{
  DRAFTING_NODE_CHANGED_CONTENT = 1 << 0,
  DRAFTING_NODE_CHANGED_LEAD    = 1 << 1,
  DRAFTING_NODE_CHANGED_KIND    = 1 << 2,
} DraftingNodeChange;

/**
 * DraftingEditFlags:
 * @DRAFTING_EDIT_NONE: the change is one step of undo
 * @DRAFTING_EDIT_COALESCE: the change joins the last one if that was a
 *   coalescing change of the same text, as typing does
 */
typedef enum
{
  DRAFTING_EDIT_NONE     = 0,
  DRAFTING_EDIT_COALESCE = 1 << 0,
} DraftingEditFlags;

typedef enum
{
  DRAFTING_FIND_NONE        = 0,
  DRAFTING_FIND_MATCH_CASE  = 1 << 0,
  DRAFTING_FIND_WHOLE_WORDS = 1 << 1,
} DraftingFindFlags;

/**
 * DraftingMatch:
 * @node: the element the text was found in
 * @in_lead: whether it was found in the leading phrase rather than the text
 * @start: byte offset of the start of the match
 * @end: byte offset of its end
 */
typedef struct
{
  DraftingNode *node;
  gboolean      in_lead;
  guint         start;
  guint         end;
} DraftingMatch;

const char           *drafting_document_type_to_string   (DraftingDocumentType  type);
DraftingDocumentType  drafting_document_type_from_string (const char           *name);
const char           *drafting_status_to_string          (DraftingStatus        status);
DraftingStatus        drafting_status_from_string        (const char           *name);
const char           *drafting_status_get_display_name   (DraftingStatus        status);

DraftingDocument     *drafting_document_new              (DraftingDocumentType  type);
DraftingDocument     *drafting_document_new_from_template (DraftingDocumentType type);
DraftingDocument     *drafting_document_snapshot         (DraftingDocument     *self);
DraftingNode         *drafting_document_get_root         (DraftingDocument     *self);
DraftingNode         *drafting_document_lookup           (DraftingDocument     *self,
                                                          const char           *id);
guint                 drafting_document_get_position     (DraftingDocument     *self,
                                                          DraftingNode         *node);
guint                 drafting_document_count_kind       (DraftingDocument     *self,
                                                          DraftingKind          kind);

/* Metadata */
const char           *drafting_document_get_identifier   (DraftingDocument     *self);
DraftingDocumentType  drafting_document_get_document_type (DraftingDocument    *self);
void                  drafting_document_set_document_type (DraftingDocument    *self,
                                                           DraftingDocumentType type);
const char           *drafting_document_get_title        (DraftingDocument     *self);
void                  drafting_document_set_title        (DraftingDocument     *self,
                                                          const char           *title);
const char           *drafting_document_get_body         (DraftingDocument     *self);
void                  drafting_document_set_body         (DraftingDocument     *self,
                                                          const char           *body);
const char           *drafting_document_get_symbol       (DraftingDocument     *self);
void                  drafting_document_set_symbol       (DraftingDocument     *self,
                                                          const char           *symbol);
DraftingStatus        drafting_document_get_status       (DraftingDocument     *self);
void                  drafting_document_set_status       (DraftingDocument     *self,
                                                          DraftingStatus        status);
const char           *drafting_document_get_place        (DraftingDocument     *self);
void                  drafting_document_set_place        (DraftingDocument     *self,
                                                          const char           *place);
const char           *drafting_document_get_date         (DraftingDocument     *self);
void                  drafting_document_set_date         (DraftingDocument     *self,
                                                          const char           *date);
const char           *drafting_document_get_language     (DraftingDocument     *self);
void                  drafting_document_set_language     (DraftingDocument     *self,
                                                          const char           *language);
DraftingNumberStyle   drafting_document_get_numbering    (DraftingDocument     *self,
                                                          DraftingNumberingSlot slot);
void                  drafting_document_set_numbering    (DraftingDocument     *self,
                                                          DraftingNumberingSlot slot,
                                                          DraftingNumberStyle   style);

/* Changes, each recorded for undo */
gboolean              drafting_document_insert           (DraftingDocument     *self,
                                                          DraftingNode         *parent,
                                                          guint                 index,
                                                          DraftingNode         *node,
                                                          GError              **error);
gboolean              drafting_document_find_insert_position (DraftingDocument *self,
                                                          DraftingNode         *anchor,
                                                          DraftingKind          kind,
                                                          DraftingNode        **parent,
                                                          guint                *index);
DraftingNode         *drafting_document_insert_new       (DraftingDocument     *self,
                                                          DraftingNode         *anchor,
                                                          DraftingKind          kind,
                                                          GError              **error);
void                  drafting_document_delete           (DraftingDocument     *self,
                                                          DraftingNode         *node);
gboolean              drafting_document_can_move         (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          DraftingNode         *parent,
                                                          GError              **error);
gboolean              drafting_document_move             (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          DraftingNode         *parent,
                                                          guint                 index,
                                                          GError              **error);
gboolean              drafting_document_move_up          (DraftingDocument     *self,
                                                          DraftingNode         *node);
gboolean              drafting_document_move_down        (DraftingDocument     *self,
                                                          DraftingNode         *node);
gboolean              drafting_document_indent           (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          GError              **error);
gboolean              drafting_document_outdent          (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          GError              **error);
void                  drafting_document_edit_text        (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          const char           *lead,
                                                          const DraftingInline *content,
                                                          DraftingEditFlags     flags);
void                  drafting_document_set_content      (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          const DraftingInline *content,
                                                          DraftingEditFlags     flags);
void                  drafting_document_set_text         (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          const char           *text);
void                  drafting_document_replace_text     (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          guint                 start,
                                                          guint                 end,
                                                          const char           *text);
void                  drafting_document_set_lead         (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          const char           *lead,
                                                          DraftingEditFlags     flags);
gboolean              drafting_document_can_change_kind  (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          DraftingKind          kind);
gboolean              drafting_document_set_kind         (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          DraftingKind          kind,
                                                          GError              **error);
DraftingNode         *drafting_document_split            (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          guint                 offset,
                                                          GError              **error);
DraftingNode         *drafting_document_merge            (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          guint                *join_offset,
                                                          GError              **error);
DraftingNode         *drafting_document_add_footnote     (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          guint                 offset,
                                                          const char           *text);
void                  drafting_document_toggle_style     (DraftingDocument     *self,
                                                          DraftingNode         *node,
                                                          DraftingMarkKind      style,
                                                          guint                 start,
                                                          guint                 end);

/* Find and replace */
GArray               *drafting_document_find             (DraftingDocument     *self,
                                                          const char           *needle,
                                                          DraftingFindFlags     flags);
guint                 drafting_document_replace_all      (DraftingDocument     *self,
                                                          const char           *needle,
                                                          const char           *replacement,
                                                          DraftingFindFlags     flags);

/* Amendments: a record the document keeps; each change to it is undone
 * and redone with the text it changed */
GListModel           *drafting_document_get_amendments   (DraftingDocument     *self);
DraftingAmendment    *drafting_document_lookup_amendment (DraftingDocument     *self,
                                                          const char           *id);
gboolean              drafting_document_propose          (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment,
                                                          GError              **error);
gboolean              drafting_document_accept_amendment (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment,
                                                          GError              **error);
gboolean              drafting_document_decide_amendment (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment,
                                                          DraftingAmendmentStatus status,
                                                          GError              **error);
gboolean              drafting_document_reopen_amendment (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment,
                                                          GError              **error);
GPtrArray            *drafting_document_get_conflicts    (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment);
gboolean              drafting_document_update_amendment (DraftingDocument     *self,
                                                          DraftingAmendment    *amendment,
                                                          const char           *lead,
                                                          const DraftingInline *content,
                                                          const char           *justification,
                                                          DraftingEditFlags     flags,
                                                          GError              **error);
DraftingAmendment    *drafting_document_find_proposal    (DraftingDocument     *self,
                                                          const char           *delegation,
                                                          DraftingAmendmentAction action,
                                                          const char           *target);

/* Undo */
void                  drafting_document_begin_action     (DraftingDocument     *self,
                                                          const char           *label);
void                  drafting_document_end_action       (DraftingDocument     *self);
gboolean              drafting_document_can_undo         (DraftingDocument     *self);
gboolean              drafting_document_can_redo         (DraftingDocument     *self);
gboolean              drafting_document_undo             (DraftingDocument     *self);
gboolean              drafting_document_redo             (DraftingDocument     *self);
const char           *drafting_document_get_undo_label   (DraftingDocument     *self);
const char           *drafting_document_get_redo_label   (DraftingDocument     *self);
char                **drafting_document_list_undo_labels (DraftingDocument     *self,
                                                          guint                 max);
void                  drafting_document_clear_history    (DraftingDocument     *self);
gboolean              drafting_document_get_modified     (DraftingDocument     *self);
void                  drafting_document_set_modified     (DraftingDocument     *self,
                                                          gboolean              modified);
guint64               drafting_document_get_change_count (DraftingDocument     *self);

G_END_DECLS
