/* drafting-tracking.h: the open amendments of a document, marked in its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendment.h"
#include "drafting-document.h"
#include "drafting-marked-text.h"

G_BEGIN_DECLS

typedef struct _DraftingTracking DraftingTracking;

DraftingTracking   *drafting_tracking_new             (DraftingDocument   *document,
                                                       const char * const *delegations);
void                drafting_tracking_free            (DraftingTracking   *self);
guint               drafting_tracking_get_n_open      (DraftingTracking   *self);
GPtrArray          *drafting_tracking_get_about       (DraftingTracking   *self,
                                                       const char         *id);
DraftingMarkedText *drafting_tracking_mark_wording    (DraftingTracking   *self,
                                                       DraftingNode       *node);
DraftingMarkedText *drafting_tracking_mark_element    (DraftingTracking   *self,
                                                       DraftingNode       *node,
                                                       GPtrArray         **proposals);
DraftingMarkedText *drafting_tracking_mark_proposal   (DraftingTracking   *self,
                                                       DraftingNode       *node,
                                                       DraftingAmendment  *amendment);
DraftingMarkedText *drafting_tracking_mark_change     (DraftingTracking   *self,
                                                       DraftingAmendment  *amendment);
GPtrArray          *drafting_tracking_get_arrivals    (DraftingTracking   *self,
                                                       DraftingNode       *node,
                                                       DraftingPlacement   placement);
DraftingMarkedText *drafting_tracking_mark_arrivals   (DraftingTracking   *self,
                                                       DraftingNode       *node,
                                                       DraftingPlacement   placement);
DraftingMarkedText *drafting_tracking_render_document (DraftingTracking   *self);

DraftingDocument   *drafting_document_new_as_proposed (DraftingDocument   *document,
                                                       const char * const *delegations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftingTracking, drafting_tracking_free)

G_END_DECLS
