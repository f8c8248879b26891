/* drafting-document-private.h: what loaders and nodes know of documents, what its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment-private.h"
#include "drafting-document.h"
#include "drafting-revision.h"

G_BEGIN_DECLS

/* The root's identifier: not an NCName, so no element of a file can have it. */
#define DRAFTING_ROOT_ID "#root"

guint  _drafting_document_get_footnote_number (DraftingDocument *self,
                                               DraftingNode     *footnote);
void   _drafting_document_adopt_root          (DraftingDocument *self,
                                               DraftingNode     *root);
char  *_drafting_document_new_id              (DraftingDocument *self);
void   _drafting_document_add_amendment       (DraftingDocument  *self,
                                               DraftingAmendment *amendment);
void   _drafting_document_add_amendments      (DraftingDocument  *self,
                                               GPtrArray         *amendments);
void   _drafting_document_set_identifier      (DraftingDocument *self,
                                               const char       *identifier);

/* The conflicts of every amendment of the record at once, for the window's
 * list of them (drafting-document-amendments.c). */
GPtrArray *_drafting_document_get_all_conflicts (DraftingDocument *self);

/* drafting-document-conflicts.c, for drafting-document-amendments.c */
void      _drafting_document_forget_conflicts (DraftingDocument  *self);
gboolean  _drafting_document_takes_away       (DraftingDocument  *self,
                                               DraftingAmendment *a,
                                               DraftingAmendment *b);

/* Revisions (drafting-revision.c, drafting-document-revisions.c), for the
 * loaders: a revision read from a file joins the document's record with
 * no history, and the identifiers it used are never given again. */
DraftingRevision *_drafting_revision_new         (const char        *label,
                                                  GDateTime         *date,
                                                  DraftingDocument  *frozen);
char             *_drafting_revision_check_label (const char        *label,
                                                  GError           **error);
void              _drafting_document_add_revision (DraftingDocument *self,
                                                   DraftingRevision *revision);

/* What the files of the document itself share, and nothing else sees:
 * drafting-document.c (the object, its metadata and its life),
 * drafting-document-order.c (its elements in reading order, by name),
 * drafting-document-history.c (primitive changes, undo and redo), and
 * drafting-document-structure.c, -text.c and -find.c (what a person does). */
#ifdef DRAFTING_DOCUMENT_COMPILATION

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
  OP_AMENDMENT_ADD,
  OP_AMENDMENT_REMOVE,
  OP_AMENDMENT_STATE,
  OP_REVISION_ADD,
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
  DraftingAmendment      *amendment;  /* AMENDMENT_*: which */
  DraftingAmendmentState *old_state;  /* AMENDMENT_STATE */
  DraftingAmendmentState *new_state;
  DraftingRevision       *revision;   /* REVISION_ADD: which; index: where */
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
  char                *identifier;  /* the document's own, a UUID */
  GListStore          *amendments;  /* DraftingAmendment, in the order proposed */
  GPtrArray           *amendment_array; /* the same, unowned, to walk without a reference each */
  GHashTable          *amendment_ids; /* id (owned by the amendment) → amendment */
  GHashTable          *amendments_by_target; /* target id → GPtrArray of the amendments about it, unowned */
  GListStore          *revisions;   /* DraftingRevision, the oldest first */
  GHashTable          *revision_labels; /* label (the revision's) → revision */

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

/* The coalescing key of typing; set_meta() uses OP_META * 64 + the key. */
#define COALESCE_TYPING (-2)
#define COALESCE_PROPOSAL (-3)

/* drafting-document.c: the object, its metadata */
void _drafting_document_emit_numbering_changed (DraftingDocument *self);
void _drafting_document_emit_node_changed      (DraftingDocument *self,
                                                DraftingNode     *node,
                                                guint             what);
void _drafting_document_emit_changed           (DraftingDocument *self);
void _drafting_document_notify                 (DraftingDocument *self,
                                                guint             prop_id);
void _drafting_document_notify_meta            (DraftingDocument *self,
                                                MetaKey           key);

/* drafting-document-order.c: the elements in reading order, their identifiers */
void _drafting_document_list_model_iface_init (GListModelInterface *iface);
void _drafting_document_link                  (DraftingDocument *self,
                                               DraftingNode     *parent,
                                               guint             index,
                                               DraftingNode     *node,
                                               gboolean          registering);
void _drafting_document_unlink                (DraftingDocument *self,
                                               DraftingNode     *parent,
                                               guint             index,
                                               gboolean          unregistering);
void _drafting_document_register_subtree      (DraftingDocument *self,
                                               DraftingNode     *node);
void _drafting_document_unregister_subtree    (DraftingDocument *self,
                                               DraftingNode     *node);

/* drafting-document-history.c: primitive changes, recorded in actions */
void     _drafting_document_op_apply        (DraftingDocument *self,
                                             Op               *op,
                                             gboolean          forward);
void     _drafting_document_action_free     (gpointer data);
Op      *_drafting_document_op_new          (OpType        type,
                                             DraftingNode *node);
void     _drafting_document_record          (DraftingDocument *self,
                                             Op               *op);
void     _drafting_document_record_insert   (DraftingDocument *self,
                                             DraftingNode     *parent,
                                             guint             index,
                                             DraftingNode     *node);
void     _drafting_document_record_remove   (DraftingDocument *self,
                                             DraftingNode     *node);
void     _drafting_document_record_move     (DraftingDocument *self,
                                             DraftingNode     *node,
                                             DraftingNode     *parent,
                                             guint             index);
void     _drafting_document_record_content  (DraftingDocument     *self,
                                             DraftingNode         *node,
                                             const DraftingInline *content);
void     _drafting_document_record_lead     (DraftingDocument *self,
                                             DraftingNode     *node,
                                             const char       *lead);
void     _drafting_document_record_kind     (DraftingDocument *self,
                                             DraftingNode     *node,
                                             DraftingKind      kind);
Action  *_drafting_document_top_action      (DraftingDocument *self);
void     _drafting_document_clear_labels    (DraftingDocument *self);
void     _drafting_document_history_changed (DraftingDocument *self);
gboolean _drafting_document_can_coalesce    (DraftingDocument *self,
                                             gconstpointer     target,
                                             int               key);

/* drafting-document-amendments.c: the record of amendments */
void     _drafting_document_link_amendment   (DraftingDocument  *self,
                                              guint              index,
                                              DraftingAmendment *amendment);
void     _drafting_document_unlink_amendment (DraftingDocument  *self,
                                              guint              index);

/* drafting-document-revisions.c: the record of revisions */
void     _drafting_document_link_revision    (DraftingDocument  *self,
                                              guint              index,
                                              DraftingRevision  *revision);
void     _drafting_document_unlink_revision  (DraftingDocument  *self,
                                              guint              index);
void     _drafting_document_share_revisions  (DraftingDocument  *self,
                                              DraftingDocument  *copy);

/* drafting-document-structure.c: where elements may go */
gboolean      _drafting_document_check_place              (DraftingDocument  *self,
                                                           DraftingNode      *node,
                                                           DraftingKind       kind,
                                                           DraftingNode      *parent,
                                                           GError           **error);
guint         _drafting_document_leading_footnotes        (DraftingNode *node);
DraftingNode *_drafting_document_previous_content_sibling (DraftingNode *node);
gboolean      _drafting_document_kind_allows_children_of  (DraftingKind  kind,
                                                           DraftingNode *node);
void          _drafting_document_record_lead_for_kind     (DraftingDocument *self,
                                                           DraftingNode     *node,
                                                           DraftingKind      kind);

#endif /* DRAFTING_DOCUMENT_COMPILATION */

G_END_DECLS
