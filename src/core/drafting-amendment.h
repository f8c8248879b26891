/* drafting-amendment.h: a change a delegation proposes to the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-inline.h"
#include "drafting-kind.h"

G_BEGIN_DECLS

/**
 * DraftingAmendmentAction:
 * @DRAFTING_AMENDMENT_REPLACE: new wording (leading phrase and text) for an
 *   element
 * @DRAFTING_AMENDMENT_INSERT: a new element of a kind, at a position
 * @DRAFTING_AMENDMENT_DELETE: the deletion of an element
 * @DRAFTING_AMENDMENT_MOVE: an element moved to a position
 *
 * What an amendment does. The names (drafting_amendment_action_to_string())
 * are those of the native format and of `wco-draft amendments --json`.
 */
typedef enum
{
  DRAFTING_AMENDMENT_REPLACE,
  DRAFTING_AMENDMENT_INSERT,
  DRAFTING_AMENDMENT_DELETE,
  DRAFTING_AMENDMENT_MOVE,
} DraftingAmendmentAction;

#define DRAFTING_AMENDMENT_ACTION_INVALID ((DraftingAmendmentAction) (DRAFTING_AMENDMENT_MOVE + 1))

/**
 * DraftingAmendmentStatus:
 * @DRAFTING_AMENDMENT_PROPOSED: waiting for the committee's decision
 * @DRAFTING_AMENDMENT_ACCEPTED: its change is in the text
 * @DRAFTING_AMENDMENT_REJECTED: the committee refused it
 * @DRAFTING_AMENDMENT_WITHDRAWN: its delegation took it back
 * @DRAFTING_AMENDMENT_SUPERSEDED: another amendment took its place
 */
typedef enum
{
  DRAFTING_AMENDMENT_PROPOSED,
  DRAFTING_AMENDMENT_ACCEPTED,
  DRAFTING_AMENDMENT_REJECTED,
  DRAFTING_AMENDMENT_WITHDRAWN,
  DRAFTING_AMENDMENT_SUPERSEDED,
} DraftingAmendmentStatus;

#define DRAFTING_AMENDMENT_STATUS_INVALID ((DraftingAmendmentStatus) (DRAFTING_AMENDMENT_SUPERSEDED + 1))

/**
 * DraftingPlacement:
 * @DRAFTING_PLACEMENT_AFTER: after the anchor element, as its next sibling
 * @DRAFTING_PLACEMENT_INTO: inside the anchor, as its first element
 *
 * Where an inserted or moved element goes, relative to its anchor.
 */
typedef enum
{
  DRAFTING_PLACEMENT_AFTER,
  DRAFTING_PLACEMENT_INTO,
} DraftingPlacement;

#define DRAFTING_TYPE_AMENDMENT (drafting_amendment_get_type ())

G_DECLARE_FINAL_TYPE (DraftingAmendment, drafting_amendment, DRAFTING, AMENDMENT, GObject)

const char              *drafting_amendment_action_to_string     (DraftingAmendmentAction  action);
DraftingAmendmentAction  drafting_amendment_action_from_string   (const char              *name);
const char              *drafting_amendment_action_get_display_name (DraftingAmendmentAction action);
const char              *drafting_amendment_status_to_string     (DraftingAmendmentStatus  status);
DraftingAmendmentStatus  drafting_amendment_status_from_string   (const char              *name);
const char              *drafting_amendment_status_get_display_name (DraftingAmendmentStatus status);
gboolean                 drafting_amendment_status_is_open       (DraftingAmendmentStatus  status);
const char              *drafting_placement_to_string            (DraftingPlacement        placement);
gboolean                 drafting_placement_from_string          (const char              *name,
                                                                  DraftingPlacement       *placement);

DraftingAmendment       *drafting_amendment_new                  (DraftingAmendmentAction  action,
                                                                  const char              *delegation);

const char              *drafting_amendment_get_id               (DraftingAmendment       *self);
DraftingAmendmentAction  drafting_amendment_get_action           (DraftingAmendment       *self);
const char              *drafting_amendment_get_delegation       (DraftingAmendment       *self);
const char * const      *drafting_amendment_get_cosponsors      (DraftingAmendment       *self);
const char              *drafting_amendment_get_author           (DraftingAmendment       *self);
GDateTime               *drafting_amendment_get_date             (DraftingAmendment       *self);
const char              *drafting_amendment_get_target           (DraftingAmendment       *self);
DraftingPlacement        drafting_amendment_get_placement        (DraftingAmendment       *self);
const char              *drafting_amendment_get_destination      (DraftingAmendment       *self,
                                                                  DraftingPlacement       *placement);
DraftingKind             drafting_amendment_get_kind             (DraftingAmendment       *self);
const char              *drafting_amendment_get_lead             (DraftingAmendment       *self);
const DraftingInline    *drafting_amendment_get_content          (DraftingAmendment       *self);
const char              *drafting_amendment_get_base_lead        (DraftingAmendment       *self);
const DraftingInline    *drafting_amendment_get_base_content     (DraftingAmendment       *self);
const char              *drafting_amendment_get_target_label     (DraftingAmendment       *self);
const char              *drafting_amendment_get_justification    (DraftingAmendment       *self);
DraftingAmendmentStatus  drafting_amendment_get_status           (DraftingAmendment       *self);
gboolean                 drafting_amendment_get_needs_review     (DraftingAmendment       *self);
const char              *drafting_amendment_get_result           (DraftingAmendment       *self);
const char              *drafting_amendment_get_origin           (DraftingAmendment       *self,
                                                                  DraftingPlacement       *placement);

/* Setting what a new amendment proposes, before it is given to a document */
void                     drafting_amendment_set_cosponsors      (DraftingAmendment       *self,
                                                                  const char * const      *cosponsors);
void                     drafting_amendment_set_author           (DraftingAmendment       *self,
                                                                  const char              *author);
void                     drafting_amendment_set_date             (DraftingAmendment       *self,
                                                                  GDateTime               *date);
void                     drafting_amendment_set_target           (DraftingAmendment       *self,
                                                                  const char              *target,
                                                                  DraftingPlacement        placement);
void                     drafting_amendment_set_destination      (DraftingAmendment       *self,
                                                                  const char              *destination,
                                                                  DraftingPlacement        placement);
void                     drafting_amendment_set_kind             (DraftingAmendment       *self,
                                                                  DraftingKind             kind);
void                     drafting_amendment_set_wording          (DraftingAmendment       *self,
                                                                  const char              *lead,
                                                                  const DraftingInline    *content);
void                     drafting_amendment_set_justification    (DraftingAmendment       *self,
                                                                  const char              *justification);

gboolean                 drafting_amendment_involves             (DraftingAmendment       *self,
                                                                  const char              *delegation);

G_END_DECLS
