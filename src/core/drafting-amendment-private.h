/* drafting-amendment-private.h: what the document and its formats change in an amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-node.h"

G_BEGIN_DECLS

void  _drafting_amendment_set_id           (DraftingAmendment       *self,
                                            const char              *id);
void  _drafting_amendment_set_status       (DraftingAmendment       *self,
                                            DraftingAmendmentStatus  status);
void  _drafting_amendment_set_needs_review (DraftingAmendment       *self,
                                            gboolean                 needs_review);
void  _drafting_amendment_set_base         (DraftingAmendment       *self,
                                            const char              *lead,
                                            const DraftingInline    *content);
void  _drafting_amendment_set_target_label (DraftingAmendment       *self,
                                            const char              *label);
char *_drafting_amendment_new_id           (void);
DraftingAmendment *_drafting_amendment_copy (DraftingAmendment *self);
void  _drafting_amendment_set_result       (DraftingAmendment       *self,
                                            const char              *result);
void  _drafting_amendment_set_origin       (DraftingAmendment       *self,
                                            const char              *origin,
                                            DraftingPlacement        placement);

void          _drafting_amendment_set_removed (DraftingAmendment *self,
                                              DraftingNode      *removed);
DraftingNode *_drafting_amendment_get_removed (DraftingAmendment *self);

/* For the readers of files: what they read, taken rather than copied. */
DraftingAmendment *_drafting_amendment_new_read        (DraftingAmendmentAction  action,
                                                        const char              *delegation,
                                                        const char              *id,
                                                        GDateTime               *date);
void               _drafting_amendment_take_wording    (DraftingAmendment       *self,
                                                        char                    *lead,
                                                        DraftingInline          *content);
void               _drafting_amendment_take_base       (DraftingAmendment       *self,
                                                        char                    *lead,
                                                        DraftingInline          *content);
void               _drafting_amendment_take_cosponsors (DraftingAmendment       *self,
                                                        GStrv                    cosponsors);

/* For the document: whether a record holds it, and a number that changes
 * with every amendment of a record. */
void               _drafting_amendment_set_in_record     (DraftingAmendment *self,
                                                          gboolean           in_record);
guint              _drafting_amendment_get_record_serial (void);

typedef struct _DraftingAmendmentState DraftingAmendmentState;

DraftingAmendmentState *_drafting_amendment_save_state    (DraftingAmendment            *self);
void                    _drafting_amendment_restore_state (DraftingAmendment            *self,
                                                           const DraftingAmendmentState *state);
gboolean                _drafting_amendment_state_equal   (const DraftingAmendmentState *a,
                                                           const DraftingAmendmentState *b);
void                    _drafting_amendment_state_free    (DraftingAmendmentState       *state);

G_END_DECLS
