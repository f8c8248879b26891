/* drafting-amendment.c: a change a delegation proposes to the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-amendment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "drafting-amendment-private.h"
#include "drafting-node.h"

/*
 * An amendment is a record: who proposed what, against which wording, and
 * what became of it. A delegation ("France", "Kenya") proposes it, with
 * co-sponsors, a person and a date; it replaces the wording of an element,
 * inserts a new element of a kind after or into another, deletes an
 * element, or moves one. It keeps the wording its change was made against,
 * its base, so that its words can be marked, and conflicts found, after the
 * text has moved on; and a label of its target ("operative paragraph 3")
 * that still says what it was about once the element is gone.
 *
 * What a person proposes is set before the amendment is given to a
 * document; from then on only the document changes it (its status, its
 * base when re-applied), as a change that is undone and redone with the
 * text, and notifies its properties for the views that show it.
 */

struct _DraftingAmendment
{
  GObject                  parent_instance;

  char                    *id;
  DraftingAmendmentAction  action;
  char                    *delegation;
  GStrv                    cosponsors;
  char                    *author;
  GDateTime               *date;
  char                    *target;           /* an element's identifier */
  DraftingPlacement        placement;
  char                    *destination;      /* where a moved element goes */
  DraftingPlacement        destination_placement;
  DraftingKind             kind;             /* of an inserted element */
  char                    *lead;             /* proposed */
  DraftingInline          *content;          /* proposed */
  char                    *base_lead;
  DraftingInline          *base_content;
  char                    *target_label;
  char                    *justification;
  DraftingAmendmentStatus  status;
  gboolean                 needs_review;
  char                    *result;           /* the element an accepted insertion made */
  char                    *origin;           /* where a deleted or moved element was */
  DraftingPlacement        origin_placement;
  DraftingNode            *removed;          /* what an accepted deletion took away */
  guint                    records;          /* how many documents' records hold it */
};

/* What the document changes in an amendment, kept whole for undo. */
struct _DraftingAmendmentState
{
  DraftingAmendmentStatus  status;
  gboolean                 needs_review;
  char                    *lead;
  DraftingInline          *content;
  char                    *base_lead;
  DraftingInline          *base_content;
  char                    *result;
  char                    *origin;
  DraftingPlacement        origin_placement;
  DraftingNode            *removed;
  char                    *justification;
};

G_DEFINE_FINAL_TYPE (DraftingAmendment, drafting_amendment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DELEGATION,
  PROP_STATUS,
  PROP_NEEDS_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Changed each time an amendment in a document's record changes, joins one
 * or leaves it: what a document keeps of its amendments (their conflicts)
 * is good while it stays the same. Amendments being read or written, not
 * yet in a record, leave it alone. */
static gint record_serial;

static inline void
record_changed (DraftingAmendment *self)
{
  if (self->records > 0)
    g_atomic_int_inc (&record_serial);
}

static const char * const action_names[] = { "replace", "insert", "delete", "move" };
static const char * const status_names[] = { "proposed", "accepted", "rejected", "withdrawn",
                                             "superseded" };
static const char * const placement_names[] = { "after", "into" };

G_STATIC_ASSERT (G_N_ELEMENTS (action_names) == DRAFTING_AMENDMENT_ACTION_INVALID);
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == DRAFTING_AMENDMENT_STATUS_INVALID);

const char *
drafting_amendment_action_to_string (DraftingAmendmentAction action)
{
  g_return_val_if_fail (action < DRAFTING_AMENDMENT_ACTION_INVALID, NULL);

  return action_names[action];
}

DraftingAmendmentAction
drafting_amendment_action_from_string (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (action_names); i++)
    if (g_str_equal (name, action_names[i]))
      return (DraftingAmendmentAction) i;

  return DRAFTING_AMENDMENT_ACTION_INVALID;
}

/**
 * drafting_amendment_action_get_display_name:
 *
 * Returns: what the action is called in the interface, as "Replace"
 */
const char *
drafting_amendment_action_get_display_name (DraftingAmendmentAction action)
{
  switch (action)
    {
    case DRAFTING_AMENDMENT_REPLACE:
      return C_("amendment action", "Replace");
    case DRAFTING_AMENDMENT_INSERT:
      return C_("amendment action", "Insert");
    case DRAFTING_AMENDMENT_DELETE:
      return C_("amendment action", "Delete");
    case DRAFTING_AMENDMENT_MOVE:
      return C_("amendment action", "Move");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
drafting_amendment_status_to_string (DraftingAmendmentStatus status)
{
  g_return_val_if_fail (status < DRAFTING_AMENDMENT_STATUS_INVALID, NULL);

  return status_names[status];
}

DraftingAmendmentStatus
drafting_amendment_status_from_string (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (name, status_names[i]))
      return (DraftingAmendmentStatus) i;

  return DRAFTING_AMENDMENT_STATUS_INVALID;
}

/**
 * drafting_amendment_status_get_display_name:
 *
 * Returns: what the status is called in the interface, as "Accepted"
 */
const char *
drafting_amendment_status_get_display_name (DraftingAmendmentStatus status)
{
  switch (status)
    {
    case DRAFTING_AMENDMENT_PROPOSED:
      return C_("amendment status", "Proposed");
    case DRAFTING_AMENDMENT_ACCEPTED:
      return C_("amendment status", "Accepted");
    case DRAFTING_AMENDMENT_REJECTED:
      return C_("amendment status", "Rejected");
    case DRAFTING_AMENDMENT_WITHDRAWN:
      return C_("amendment status", "Withdrawn");
    case DRAFTING_AMENDMENT_SUPERSEDED:
      return C_("amendment status", "Superseded");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * drafting_amendment_status_is_open:
 *
 * Returns: whether an amendment of @status still waits for a decision
 */
gboolean
drafting_amendment_status_is_open (DraftingAmendmentStatus status)
{
  return status == DRAFTING_AMENDMENT_PROPOSED;
}

const char *
drafting_placement_to_string (DraftingPlacement placement)
{
  g_return_val_if_fail (placement <= DRAFTING_PLACEMENT_INTO, NULL);

  return placement_names[placement];
}

gboolean
drafting_placement_from_string (const char        *name,
                                DraftingPlacement *placement)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (placement_names); i++)
    if (g_str_equal (name, placement_names[i]))
      {
        *placement = (DraftingPlacement) i;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
drafting_amendment_finalize (GObject *object)
{
  DraftingAmendment *self = DRAFTING_AMENDMENT (object);

  g_free (self->id);
  g_free (self->delegation);
  g_strfreev (self->cosponsors);
  g_free (self->author);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->target);
  g_free (self->destination);
  g_free (self->lead);
  g_clear_pointer (&self->content, drafting_inline_free);
  g_free (self->base_lead);
  g_clear_pointer (&self->base_content, drafting_inline_free);
  g_free (self->target_label);
  g_free (self->justification);
  g_free (self->result);
  g_free (self->origin);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (drafting_amendment_parent_class)->finalize (object);
}

static void
drafting_amendment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DraftingAmendment *self = DRAFTING_AMENDMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DELEGATION:
      g_value_set_string (value, self->delegation);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_NEEDS_REVIEW:
      g_value_set_boolean (value, self->needs_review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_amendment_class_init (DraftingAmendmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_amendment_finalize;
  object_class->get_property = drafting_amendment_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELEGATION] =
    g_param_spec_string ("delegation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A DraftingAmendmentStatus, as a number for GtkExpression and filters. */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, DRAFTING_AMENDMENT_SUPERSEDED, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_REVIEW] =
    g_param_spec_boolean ("needs-review", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_amendment_init (DraftingAmendment *self)
{
  self->kind = DRAFTING_KIND_INVALID;
  self->lead = g_strdup ("");
  self->base_lead = g_strdup ("");
  self->justification = g_strdup ("");
  self->author = g_strdup ("");
  self->target_label = g_strdup ("");
  self->cosponsors = g_new0 (char *, 1);
}

/**
 * _drafting_amendment_new_id:
 *
 * Returns: (transfer full): an identifier no other amendment has, in this
 *   document or another: one a delegation's file brings in never takes
 *   the place of one already there
 */
char *
_drafting_amendment_new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  /* "am-" and the first 12 hexadecimal digits: 48 random bits. */
  return g_strdup_printf ("am-%.8s%.4s", uuid, uuid + 9);
}

/**
 * drafting_amendment_new:
 * @delegation: the Member administration proposing it, as "France"
 *
 * Returns: (transfer full): a new proposed amendment, dated now, with an
 *   identifier of its own
 */
DraftingAmendment *
drafting_amendment_new (DraftingAmendmentAction  action,
                        const char              *delegation)
{
  DraftingAmendment *self;

  g_return_val_if_fail (action < DRAFTING_AMENDMENT_ACTION_INVALID, NULL);
  g_return_val_if_fail (delegation != NULL && delegation[0] != '\0', NULL);

  self = g_object_new (DRAFTING_TYPE_AMENDMENT, NULL);
  self->id = _drafting_amendment_new_id ();
  self->action = action;
  self->delegation = g_strdup (delegation);
  self->date = g_date_time_new_now_utc ();
  self->content = drafting_inline_new ("");
  self->base_content = drafting_inline_new ("");

  return self;
}

/**
 * _drafting_amendment_new_read:
 * @id: its identifier, as a file gives it
 * @date: when it was proposed
 *
 * An amendment as a file has it, for its reader to fill: without the
 * random identifier and the reading of the clock of
 * drafting_amendment_new(), which the file's would replace at once.
 *
 * Returns: (transfer full): a new proposed amendment
 */
DraftingAmendment *
_drafting_amendment_new_read (DraftingAmendmentAction  action,
                              const char              *delegation,
                              const char              *id,
                              GDateTime               *date)
{
  DraftingAmendment *self;

  g_return_val_if_fail (action < DRAFTING_AMENDMENT_ACTION_INVALID, NULL);
  g_return_val_if_fail (delegation != NULL && delegation[0] != '\0', NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (DRAFTING_TYPE_AMENDMENT, NULL);
  self->id = g_strdup (id);
  self->action = action;
  self->delegation = g_strdup (delegation);
  self->date = g_date_time_to_utc (date);
  self->content = drafting_inline_new ("");
  self->base_content = drafting_inline_new ("");

  return self;
}

/* ------------------------------------------------------------------ */
/* What it says                                                        */

const char *
drafting_amendment_get_id (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->id;
}

DraftingAmendmentAction
drafting_amendment_get_action (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), DRAFTING_AMENDMENT_ACTION_INVALID);

  return self->action;
}

const char *
drafting_amendment_get_delegation (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->delegation;
}

/**
 * drafting_amendment_get_cosponsors:
 *
 * Returns: (array zero-terminated=1) (transfer none): the delegations
 *   that sponsor it with the one that proposes it
 */
const char * const *
drafting_amendment_get_cosponsors (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return (const char * const *) self->cosponsors;
}

const char *
drafting_amendment_get_author (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->author;
}

/**
 * drafting_amendment_get_date:
 *
 * Returns: (transfer none): when it was proposed, in UTC
 */
GDateTime *
drafting_amendment_get_date (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->date;
}

/**
 * drafting_amendment_get_target:
 *
 * Returns: (nullable): the identifier of the element it changes, deletes
 *   or moves, or of the one an inserted element goes after or into
 */
const char *
drafting_amendment_get_target (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->target;
}

DraftingPlacement
drafting_amendment_get_placement (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), DRAFTING_PLACEMENT_AFTER);

  return self->placement;
}

/**
 * drafting_amendment_get_destination:
 * @placement: (out) (optional): after or into it
 *
 * Returns: (nullable): the identifier of the element a moved element goes
 *   after or into
 */
const char *
drafting_amendment_get_destination (DraftingAmendment *self,
                                    DraftingPlacement *placement)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  if (placement != NULL)
    *placement = self->destination_placement;

  return self->destination;
}

/**
 * drafting_amendment_get_kind:
 *
 * Returns: the kind of the element an insertion makes, or of the element
 *   the amendment is about once proposed; %DRAFTING_KIND_INVALID before
 */
DraftingKind
drafting_amendment_get_kind (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), DRAFTING_KIND_INVALID);

  return self->kind;
}

/* The proposed leading phrase, "" for none. */
const char *
drafting_amendment_get_lead (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->lead;
}

/* The proposed text, with its emphasis and footnote calls. */
const DraftingInline *
drafting_amendment_get_content (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->content;
}

/* The leading phrase the change was made against. */
const char *
drafting_amendment_get_base_lead (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->base_lead;
}

/* The text the change was made against. */
const DraftingInline *
drafting_amendment_get_base_content (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->base_content;
}

/**
 * drafting_amendment_get_target_label:
 *
 * Returns: what its target was when it was proposed, in the document's
 *   language ("operative paragraph 3"), for when the element is gone
 */
const char *
drafting_amendment_get_target_label (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->target_label;
}

const char *
drafting_amendment_get_justification (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->justification;
}

DraftingAmendmentStatus
drafting_amendment_get_status (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), DRAFTING_AMENDMENT_STATUS_INVALID);

  return self->status;
}

/**
 * drafting_amendment_get_needs_review:
 *
 * Returns: whether another amendment accepted since changed the words
 *   this one changes, so that it could not be re-applied by itself
 */
gboolean
drafting_amendment_get_needs_review (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), FALSE);

  return self->needs_review;
}

/**
 * drafting_amendment_involves:
 *
 * Returns: whether @delegation proposes or co-sponsors it (its name
 *   compared without regard to the case of ASCII letters)
 */
gboolean
drafting_amendment_involves (DraftingAmendment *self,
                             const char        *delegation)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), FALSE);
  g_return_val_if_fail (delegation != NULL, FALSE);

  if (g_ascii_strcasecmp (self->delegation, delegation) == 0)
    return TRUE;

  for (char **c = self->cosponsors; *c != NULL; c++)
    if (g_ascii_strcasecmp (*c, delegation) == 0)
      return TRUE;

  return FALSE;
}

/**
 * drafting_amendment_get_result:
 *
 * Returns: (nullable): the identifier of the element an accepted insertion
 *   made
 */
const char *
drafting_amendment_get_result (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->result;
}

/**
 * drafting_amendment_get_origin:
 * @placement: (out) (optional): after or into @origin
 *
 * Returns: (nullable): where an element an accepted deletion or move took
 *   away was: after (or first into) the element of that identifier, for
 *   reopening to put it back
 */
const char *
drafting_amendment_get_origin (DraftingAmendment *self,
                               DraftingPlacement *placement)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  if (placement != NULL)
    *placement = self->origin_placement;

  return self->origin;
}

/* ------------------------------------------------------------------ */
/* What a person proposes                                              */

void
drafting_amendment_set_cosponsors (DraftingAmendment  *self,
                                   const char * const *cosponsors)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_strfreev (self->cosponsors);
  self->cosponsors = cosponsors != NULL ? g_strdupv ((char **) cosponsors) : g_new0 (char *, 1);
  record_changed (self);
}

void
drafting_amendment_set_author (DraftingAmendment *self,
                               const char        *author)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->author);
  self->author = g_strdup (author != NULL ? author : "");
  record_changed (self);
}

void
drafting_amendment_set_date (DraftingAmendment *self,
                             GDateTime         *date)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_to_utc (date);
  record_changed (self);
}

void
drafting_amendment_set_target (DraftingAmendment *self,
                               const char        *target,
                               DraftingPlacement  placement)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->target);
  self->target = g_strdup (target);
  self->placement = placement;
  record_changed (self);
}

/**
 * drafting_amendment_set_destination:
 * @destination: the identifier of the element a moved element goes after
 *   or into
 */
void
drafting_amendment_set_destination (DraftingAmendment *self,
                                    const char        *destination,
                                    DraftingPlacement  placement)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->destination);
  self->destination = g_strdup (destination);
  self->destination_placement = placement;
  record_changed (self);
}

void
drafting_amendment_set_kind (DraftingAmendment *self,
                             DraftingKind       kind)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  self->kind = kind;
  record_changed (self);
}

/**
 * drafting_amendment_set_wording:
 * @lead: (nullable): the proposed leading phrase
 * @content: the proposed text
 */
void
drafting_amendment_set_wording (DraftingAmendment    *self,
                                const char           *lead,
                                const DraftingInline *content)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (content != NULL);

  _drafting_amendment_take_wording (self, g_strdup (lead), drafting_inline_copy (content));
}

void
drafting_amendment_set_justification (DraftingAmendment *self,
                                      const char        *justification)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->justification);
  self->justification = g_strdup (justification != NULL ? justification : "");
  record_changed (self);
}

/**
 * _drafting_amendment_take_wording:
 * @lead: (transfer full) (nullable): the proposed leading phrase
 * @content: (transfer full): the proposed text
 *
 * drafting_amendment_set_wording(), for a wording made for @self alone,
 * as a reader makes it: taken rather than copied.
 */
void
_drafting_amendment_take_wording (DraftingAmendment *self,
                                  char              *lead,
                                  DraftingInline    *content)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (content != NULL);

  g_free (self->lead);
  self->lead = lead != NULL ? lead : g_strdup ("");
  drafting_inline_free (self->content);
  self->content = content;
  record_changed (self);
}

/**
 * _drafting_amendment_take_cosponsors:
 * @cosponsors: (transfer full) (array zero-terminated=1): the delegations
 *   that sponsor it with the one that proposes it
 *
 * drafting_amendment_set_cosponsors(), taking @cosponsors rather than
 * copying them.
 */
void
_drafting_amendment_take_cosponsors (DraftingAmendment *self,
                                     GStrv              cosponsors)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (cosponsors != NULL);

  g_strfreev (self->cosponsors);
  self->cosponsors = cosponsors;
  record_changed (self);
}

/* ------------------------------------------------------------------ */
/* What the document changes                                           */

void
_drafting_amendment_set_id (DraftingAmendment *self,
                            const char        *id)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  record_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_drafting_amendment_set_status (DraftingAmendment       *self,
                                DraftingAmendmentStatus  status)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (status < DRAFTING_AMENDMENT_STATUS_INVALID);

  if (self->status == status)
    return;

  self->status = status;
  record_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_drafting_amendment_set_needs_review (DraftingAmendment *self,
                                      gboolean           needs_review)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  needs_review = !!needs_review;
  if (self->needs_review == needs_review)
    return;

  self->needs_review = needs_review;
  record_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_REVIEW]);
}

void
_drafting_amendment_set_base (DraftingAmendment    *self,
                              const char           *lead,
                              const DraftingInline *content)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (content != NULL);

  _drafting_amendment_take_base (self, g_strdup (lead), drafting_inline_copy (content));
}

/**
 * _drafting_amendment_take_base:
 * @lead: (transfer full) (nullable): the leading phrase the change was
 *   made against
 * @content: (transfer full): the text it was made against
 *
 * _drafting_amendment_set_base(), taking the wording rather than copying
 * it.
 */
void
_drafting_amendment_take_base (DraftingAmendment *self,
                               char              *lead,
                               DraftingInline    *content)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (content != NULL);

  g_free (self->base_lead);
  self->base_lead = lead != NULL ? lead : g_strdup ("");
  drafting_inline_free (self->base_content);
  self->base_content = content;
  record_changed (self);
}

void
_drafting_amendment_set_target_label (DraftingAmendment *self,
                                      const char        *label)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->target_label);
  self->target_label = g_strdup (label != NULL ? label : "");
  record_changed (self);
}

void
_drafting_amendment_set_result (DraftingAmendment *self,
                                const char        *result)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->result);
  self->result = g_strdup (result);
  record_changed (self);
}

void
_drafting_amendment_set_origin (DraftingAmendment *self,
                                const char        *origin,
                                DraftingPlacement  placement)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  g_free (self->origin);
  self->origin = g_strdup (origin);
  self->origin_placement = placement;
  record_changed (self);
}

/* A copy of the element (and all it held) an accepted deletion took away,
 * to put back when it is reopened. */
void
_drafting_amendment_set_removed (DraftingAmendment *self,
                                 DraftingNode      *removed)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));

  if (g_set_object (&self->removed, removed))
    record_changed (self);
}

DraftingNode *
_drafting_amendment_get_removed (DraftingAmendment *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  return self->removed;
}

/**
 * _drafting_amendment_set_in_record:
 * @in_record: whether a document's record takes @self in, or lets it go
 *
 * Kept by the document as it links and unlinks its amendments: once in a
 * record, each change to @self changes _drafting_amendment_get_record_serial().
 */
void
_drafting_amendment_set_in_record (DraftingAmendment *self,
                                   gboolean           in_record)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT (self));
  g_return_if_fail (in_record || self->records > 0);

  if (in_record)
    self->records++;
  else
    self->records--;
  g_atomic_int_inc (&record_serial);
}

/**
 * _drafting_amendment_get_record_serial:
 *
 * Returns: a number that changes each time an amendment of a document's
 *   record changes, or joins or leaves a record, and stays the same
 *   otherwise: what is found from the amendments of a record (their
 *   conflicts) holds while it does
 */
guint
_drafting_amendment_get_record_serial (void)
{
  return (guint) g_atomic_int_get (&record_serial);
}

DraftingAmendmentState *
_drafting_amendment_save_state (DraftingAmendment *self)
{
  DraftingAmendmentState *state = g_new0 (DraftingAmendmentState, 1);

  state->status = self->status;
  state->needs_review = self->needs_review;
  state->lead = g_strdup (self->lead);
  state->content = drafting_inline_copy (self->content);
  state->base_lead = g_strdup (self->base_lead);
  state->base_content = drafting_inline_copy (self->base_content);
  state->result = g_strdup (self->result);
  state->origin = g_strdup (self->origin);
  state->origin_placement = self->origin_placement;
  state->removed = self->removed != NULL ? g_object_ref (self->removed) : NULL;
  state->justification = g_strdup (self->justification);

  return state;
}

void
_drafting_amendment_restore_state (DraftingAmendment            *self,
                                   const DraftingAmendmentState *state)
{
  drafting_amendment_set_wording (self, state->lead, state->content);
  _drafting_amendment_set_base (self, state->base_lead, state->base_content);
  _drafting_amendment_set_result (self, state->result);
  _drafting_amendment_set_origin (self, state->origin, state->origin_placement);
  _drafting_amendment_set_removed (self, state->removed);
  drafting_amendment_set_justification (self, state->justification);
  _drafting_amendment_set_needs_review (self, state->needs_review);
  _drafting_amendment_set_status (self, state->status);
}

gboolean
_drafting_amendment_state_equal (const DraftingAmendmentState *a,
                                 const DraftingAmendmentState *b)
{
  return a->status == b->status && a->needs_review == b->needs_review &&
         g_strcmp0 (a->lead, b->lead) == 0 && drafting_inline_equal (a->content, b->content) &&
         g_strcmp0 (a->base_lead, b->base_lead) == 0 &&
         drafting_inline_equal (a->base_content, b->base_content) &&
         g_strcmp0 (a->result, b->result) == 0 && g_strcmp0 (a->origin, b->origin) == 0 &&
         a->origin_placement == b->origin_placement && a->removed == b->removed &&
         g_strcmp0 (a->justification, b->justification) == 0;
}

void
_drafting_amendment_state_free (DraftingAmendmentState *state)
{
  if (state == NULL)
    return;

  g_free (state->lead);
  drafting_inline_free (state->content);
  g_free (state->base_lead);
  drafting_inline_free (state->base_content);
  g_free (state->result);
  g_free (state->origin);
  g_clear_object (&state->removed);
  g_free (state->justification);
  g_free (state);
}

/* A copy of everything @self says, for a snapshot of its document. */
DraftingAmendment *
_drafting_amendment_copy (DraftingAmendment *self)
{
  DraftingAmendment *copy;

  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (self), NULL);

  copy = g_object_new (DRAFTING_TYPE_AMENDMENT, NULL);
  copy->id = g_strdup (self->id);
  copy->action = self->action;
  copy->delegation = g_strdup (self->delegation);
  g_strfreev (copy->cosponsors);
  copy->cosponsors = g_strdupv (self->cosponsors);
  g_free (copy->author);
  copy->author = g_strdup (self->author);
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;
  copy->target = g_strdup (self->target);
  copy->placement = self->placement;
  copy->destination = g_strdup (self->destination);
  copy->destination_placement = self->destination_placement;
  copy->kind = self->kind;
  g_free (copy->target_label);
  copy->target_label = g_strdup (self->target_label);
  g_free (copy->justification);
  copy->justification = g_strdup (self->justification);
  copy->content = drafting_inline_new ("");
  copy->base_content = drafting_inline_new ("");
  drafting_amendment_set_wording (copy, self->lead, self->content);
  _drafting_amendment_set_base (copy, self->base_lead, self->base_content);
  copy->status = self->status;
  copy->needs_review = self->needs_review;
  copy->result = g_strdup (self->result);
  copy->origin = g_strdup (self->origin);
  copy->origin_placement = self->origin_placement;
  g_set_object (&copy->removed, self->removed);

  return copy;
}
