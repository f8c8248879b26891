/* drafting-amendment-row.c: one amendment in the amendments panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-amendment-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "drafting-amendment-row.h"
#include "drafting-delegation-colour.h"

/*
 * A row says who proposes what, about which element, and what became of
 * it, on three lines and a fourth for what needs attention:
 *
 *   ● France  with Kenya, Japan                 Proposed
 *   Replace  Operative paragraph 3
 *   Members should simplify and speed up the clearance of…
 *   Needs review  Conflicts with 2
 *
 * The dot is the delegation's colour, as its changes are marked in the
 * text; the name is always beside it, and a screen reader is told all of
 * the row in words (its accessible label), the colour never alone.
 *
 * The row follows its amendment's status and "needs review" itself. Its
 * conflicts cost a walk of the whole record, so the panel asks for them
 * (drafting_amendment_row_update_conflicts()) only for the rows it has
 * bound, a few at a time.
 */

struct _DraftingAmendmentRow
{
  GtkWidget          parent_instance;

  GtkWidget         *swatch;
  GtkLabel          *delegation_label;
  GtkLabel          *cosponsors_label;
  GtkLabel          *status_label;
  GtkLabel          *action_label;
  GtkLabel          *element_label;
  GtkLabel          *summary_label;
  GtkWidget         *flags_box;
  GtkLabel          *review_label;
  GtkLabel          *conflict_label;

  DraftingDocument  *document;
  DraftingAmendment *amendment;
  char              *conflict_delegations;   /* "Kenya, Japan" */
  char              *description;

  gulong             status_id;
  gulong             review_id;
  gulong             dark_id;
  guint              n_conflicts;
};

G_DEFINE_FINAL_TYPE (DraftingAmendmentRow, drafting_amendment_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* Naming elements                                                     */

static void
strip_final_period (char *number)
{
  gsize len = strlen (number);

  /* "3." reads "3" in running text; "(b)" and "IV" stay as they are. */
  if (len > 1 && number[len - 1] == '.')
    number[len - 1] = '\0';
}

static char *
name_kind_number (DraftingKind  kind,
                  char         *number)
{
  strip_final_period (number);
  if (number[0] == '\0')
    return g_strdup (drafting_kind_get_display_name (kind));

  /* Translators: an element named by its kind and number, as "Operative paragraph 3" */
  return g_strdup_printf (C_("element", "%s %s"), drafting_kind_get_display_name (kind), number);
}

/**
 * drafting_amendment_row_describe_node:
 *
 * Returns: (transfer full): what people call @node, as "Operative
 *   paragraph 3"
 */
char *
drafting_amendment_row_describe_node (DraftingNode *node)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  number = drafting_node_get_number (node);
  return name_kind_number (drafting_node_get_kind (node), number);
}

/* The label an amendment keeps of an element that is gone
 * ("operative-paragraph 3."), in words. */
static char *
describe_label (const char *label)
{
  const char *space = strchr (label, ' ');
  gsize name_length = space != NULL ? (gsize) (space - label) : strlen (label);
  g_autofree char *name = g_strndup (label, name_length);
  g_autofree char *number = g_strdup (space != NULL ? space + 1 : "");
  DraftingKind kind = drafting_kind_from_string (name);

  if (kind == DRAFTING_KIND_INVALID)
    return g_strdup (label);

  return name_kind_number (kind, number);
}

static char *
describe_id (DraftingDocument *document,
             const char       *id,
             const char       *fallback)
{
  DraftingNode *node = NULL;

  if (document != NULL && id != NULL)
    node = drafting_document_lookup (document, id);
  if (node != NULL)
    return drafting_amendment_row_describe_node (node);
  if (fallback != NULL && fallback[0] != '\0')
    return describe_label (fallback);

  return g_strdup (id != NULL ? id : "");
}

/**
 * drafting_amendment_row_describe_target:
 * @document: (nullable): the document @amendment is proposed to
 *
 * Returns: (transfer full): the element @amendment is about, in words:
 *   "Operative paragraph 3", "New Operative paragraph after Operative
 *   paragraph 3", "Operative paragraph 3, to go after Operative
 *   paragraph 5"; an element that is gone by the label it had
 */
char *
drafting_amendment_row_describe_target (DraftingDocument  *document,
                                        DraftingAmendment *amendment)
{
  g_autofree char *target = NULL;
  g_autofree char *destination = NULL;
  DraftingPlacement placement;
  DraftingKind kind;
  const char *kind_name;

  g_return_val_if_fail (document == NULL || DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);

  target = describe_id (document, drafting_amendment_get_target (amendment),
                        drafting_amendment_get_target_label (amendment));

  switch (drafting_amendment_get_action (amendment))
    {
    case DRAFTING_AMENDMENT_INSERT:
      kind = drafting_amendment_get_kind (amendment);
      kind_name = kind < DRAFTING_N_KINDS ? drafting_kind_get_display_name (kind)
                                          : C_("element", "Element");
      if (drafting_amendment_get_placement (amendment) == DRAFTING_PLACEMENT_INTO)
        /* Translators: what an insertion is about: the kind of the new element and the element it
         * goes into first, as "New Sub-paragraph in Operative paragraph 3" */
        return g_strdup_printf (_("New %s in %s"), kind_name, target);
      /* Translators: what an insertion is about: the kind of the new element and the element it
       * follows, as "New Operative paragraph after Operative paragraph 3" */
      return g_strdup_printf (_("New %s after %s"), kind_name, target);

    case DRAFTING_AMENDMENT_MOVE:
      destination = describe_id (document,
                                 drafting_amendment_get_destination (amendment, &placement), NULL);
      if (placement == DRAFTING_PLACEMENT_INTO)
        /* Translators: what a move is about: the element moved and where it goes first, as
         * "Operative paragraph 3, to go into Annex" */
        return g_strdup_printf (_("%s, to go into %s"), target, destination);
      /* Translators: what a move is about: the element moved and the one it goes after, as
       * "Operative paragraph 3, to go after Operative paragraph 5" */
      return g_strdup_printf (_("%s, to go after %s"), target, destination);

    case DRAFTING_AMENDMENT_REPLACE:
    case DRAFTING_AMENDMENT_DELETE:
    default:
      return g_steal_pointer (&target);
    }
}

/* ------------------------------------------------------------------ */
/* Showing                                                             */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_swatch (GtkDrawingArea *area G_GNUC_UNUSED,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  DraftingAmendmentRow *self = user_data;
  g_autofree char *hex = NULL;
  GdkRGBA colour;

  if (self->amendment == NULL)
    return;

  hex = drafting_delegation_colour_hex (drafting_amendment_get_delegation (self->amendment), is_dark ());
  gdk_rgba_parse (&colour, hex);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
on_dark_changed (DraftingAmendmentRow *self)
{
  gtk_widget_queue_draw (self->swatch);
}

/* What the row shows of the proposal: the proposed wording, or for a
 * deletion or a move the wording of the element it is about. */
static char *
summary_text (DraftingAmendment *amendment,
              gboolean          *deleted)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  const DraftingInline *content;
  g_autofree char *whole = NULL;

  *deleted = action == DRAFTING_AMENDMENT_DELETE;
  if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE)
    {
      content = drafting_amendment_get_base_content (amendment);
      whole = drafting_text_join_lead (drafting_amendment_get_base_lead (amendment),
                                       drafting_inline_get_text (content));
    }
  else
    {
      content = drafting_amendment_get_content (amendment);
      whole = drafting_text_join_lead (drafting_amendment_get_lead (amendment),
                                       drafting_inline_get_text (content));
    }

  return drafting_text_summarize (whole, 200);
}

static char *
join_cosponsors (DraftingAmendment *amendment)
{
  const char * const *cosponsors = drafting_amendment_get_cosponsors (amendment);

  if (cosponsors == NULL || cosponsors[0] == NULL)
    return NULL;

  /* Translators: the separator of a list of delegations, as "Kenya, Japan" */
  return g_strjoinv (C_("list", ", "), (char **) cosponsors);
}

/* What a screen reader says of the row: all of it, in words. */
static void
update_description (DraftingAmendmentRow *self)
{
  DraftingAmendment *amendment = self->amendment;
  const char *delegation = drafting_amendment_get_delegation (amendment);
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  DraftingAmendmentStatus status = drafting_amendment_get_status (amendment);
  g_autofree char *cosponsors = join_cosponsors (amendment);
  g_autofree char *target = drafting_amendment_row_describe_target (self->document, amendment);
  g_autofree char *summary = NULL;
  GString *text = g_string_new (NULL);
  gboolean deleted;

  if (cosponsors != NULL)
    /* Translators: how a screen reader begins an amendment: its delegation and co-sponsors */
    g_string_append_printf (text, _("Amendment by %s, with %s."), delegation, cosponsors);
  else
    /* Translators: how a screen reader begins an amendment: its delegation */
    g_string_append_printf (text, _("Amendment by %s."), delegation);

  g_string_append_c (text, ' ');
  /* Translators: what an amendment does, and to which element, as
   * "Replace, Operative paragraph 3." */
  g_string_append_printf (text, _("%s, %s."), drafting_amendment_action_get_display_name (action),
                          target);

  g_string_append_c (text, ' ');
  /* Translators: an amendment's status, as "Status: Proposed." */
  g_string_append_printf (text, _("Status: %s."),
                          drafting_amendment_status_get_display_name (status));

  if (drafting_amendment_get_needs_review (amendment))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Needs review."));
    }

  if (self->n_conflicts > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u is a number of amendments, %s the delegations that proposed them */
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Conflicts with %u amendment, by %s.",
                                           "Conflicts with %u amendments, by %s.",
                                           self->n_conflicts),
                              self->n_conflicts, self->conflict_delegations);
    }

  summary = summary_text (amendment, &deleted);
  if (summary[0] != '\0')
    {
      g_string_append_c (text, ' ');
      if (deleted)
        /* Translators: the wording a deletion would take away */
        g_string_append_printf (text, _("Deletes: %s"), summary);
      else
        /* Translators: the wording an amendment proposes */
        g_string_append_printf (text, _("Wording: %s"), summary);
    }

  if (g_strcmp0 (text->str, self->description) == 0)
    {
      g_string_free (text, TRUE);
      return;
    }
  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);
}

/* Setting a label's text lays it out again and resizes the row, even to
 * the same text, and setting a tooltip makes GTK look for one to show under
 * the pointer: a decision updates every row bound, up to 200, and the same
 * texts set again made its idle take up to 240 ms and the next frame's
 * layout 25 to 55 ms. Each is set only when it changes. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (text, gtk_label_get_label (label)) != 0)
    gtk_label_set_label (label, text);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (text, gtk_widget_get_tooltip_text (widget)) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_flags (DraftingAmendmentRow *self)
{
  gboolean review = drafting_amendment_get_needs_review (self->amendment);

  gtk_widget_set_visible (GTK_WIDGET (self->review_label), review);
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), self->n_conflicts > 0);
  gtk_widget_set_visible (self->flags_box, review || self->n_conflicts > 0);
}

static void
update_status (DraftingAmendmentRow *self)
{
  DraftingAmendmentStatus status = drafting_amendment_get_status (self->amendment);
  g_autofree char *css_class = NULL;

  css_class = g_strconcat ("status-", drafting_amendment_status_to_string (status), NULL);
  for (guint i = 0; i < DRAFTING_AMENDMENT_STATUS_INVALID; i++)
    {
      g_autofree char *other = NULL;

      other = g_strconcat ("status-", drafting_amendment_status_to_string (i), NULL);

      if (i != status)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), other);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);
  set_label (self->status_label, drafting_amendment_status_get_display_name (status));
}

static void
on_amendment_notify (DraftingAmendmentRow *self)
{
  update_status (self);
  update_flags (self);
  update_description (self);
}

/**
 * drafting_amendment_row_update:
 *
 * Shows the amendment again, as when elements were renumbered or its
 * wording re-applied; its conflicts are kept as they were found.
 */
void
drafting_amendment_row_update (DraftingAmendmentRow *self)
{
  DraftingAmendment *amendment;
  DraftingAmendmentAction action;
  g_autofree char *cosponsors = NULL;
  g_autofree char *target = NULL;
  g_autofree char *summary = NULL;
  gboolean deleted;

  g_return_if_fail (DRAFTING_IS_AMENDMENT_ROW (self));

  if ((amendment = self->amendment) == NULL)
    return;

  set_label (self->delegation_label, drafting_amendment_get_delegation (amendment));
  cosponsors = join_cosponsors (amendment);
  if (cosponsors != NULL)
    {
      /* Translators: the co-sponsors of an amendment, after its delegation: "with Kenya, Japan" */
      g_autofree char *with = g_strdup_printf (_("with %s"), cosponsors);

      set_label (self->cosponsors_label, with);
      set_tooltip (GTK_WIDGET (self->cosponsors_label), with);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cosponsors_label), cosponsors != NULL);

  action = drafting_amendment_get_action (amendment);
  set_label (self->action_label, drafting_amendment_action_get_display_name (action));
  target = drafting_amendment_row_describe_target (self->document, amendment);
  set_label (self->element_label, target);
  set_tooltip (GTK_WIDGET (self->element_label), target);

  summary = summary_text (amendment, &deleted);
  set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary[0] != '\0');
  if (deleted)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "deleted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "deleted");

  update_status (self);
  update_flags (self);
  update_description (self);
  gtk_widget_queue_draw (self->swatch);
}

/**
 * drafting_amendment_row_update_conflicts:
 *
 * Finds the proposed amendments that conflict with the row's, a walk of
 * the whole record, and shows how many there are and whose.
 */
void
drafting_amendment_row_update_conflicts (DraftingAmendmentRow *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (DRAFTING_IS_AMENDMENT_ROW (self));

  if (self->amendment == NULL || self->document == NULL)
    return;

  conflicts = drafting_document_get_conflicts (self->document, self->amendment);
  names = g_ptr_array_new ();
  for (guint i = 0; i < conflicts->len; i++)
    {
      const char *delegation = drafting_amendment_get_delegation (g_ptr_array_index (conflicts, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (names, j), delegation) == 0;
      if (!seen)
        g_ptr_array_add (names, (gpointer) delegation);
    }
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (C_("list", ", "), (char **) names->pdata);

  if (self->n_conflicts == conflicts->len && g_strcmp0 (self->conflict_delegations, joined) == 0)
    return;

  self->n_conflicts = conflicts->len;
  g_free (self->conflict_delegations);
  self->conflict_delegations = g_steal_pointer (&joined);

  if (self->n_conflicts > 0)
    {
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;

      /* Translators: a tag on an amendment that changes what others change too */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Conflicts with %u",
                                            "Conflicts with %u", self->n_conflicts),
                               self->n_conflicts);
      /* Translators: the tooltip of the tag, %s the delegations of the other amendments */
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Conflicts with the amendment by %s",
                                              "Conflicts with the amendments by %s",
                                              self->n_conflicts),
                                 self->conflict_delegations);
      set_label (self->conflict_label, label);
      set_tooltip (GTK_WIDGET (self->conflict_label), tooltip);
    }

  update_flags (self);
  update_description (self);
}

guint
drafting_amendment_row_get_n_conflicts (DraftingAmendmentRow *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT_ROW (self), 0);

  return self->n_conflicts;
}

/**
 * drafting_amendment_row_get_description:
 *
 * Returns: (nullable): what a screen reader is told of the row
 */
const char *
drafting_amendment_row_get_description (DraftingAmendmentRow *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT_ROW (self), NULL);

  return self->description;
}

/**
 * drafting_amendment_row_get_amendment:
 *
 * Returns: (transfer none) (nullable): the amendment shown
 */
DraftingAmendment *
drafting_amendment_row_get_amendment (DraftingAmendmentRow *self)
{
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT_ROW (self), NULL);

  return self->amendment;
}

/**
 * drafting_amendment_row_bind:
 *
 * Shows @amendment of @document, and follows its status; its conflicts
 * are left for drafting_amendment_row_update_conflicts().
 */
void
drafting_amendment_row_bind (DraftingAmendmentRow *self,
                             DraftingDocument     *document,
                             DraftingAmendment    *amendment)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT_ROW (self));
  g_return_if_fail (DRAFTING_IS_DOCUMENT (document));
  g_return_if_fail (DRAFTING_IS_AMENDMENT (amendment));

  drafting_amendment_row_unbind (self);

  self->document = g_object_ref (document);
  self->amendment = g_object_ref (amendment);
  self->status_id = g_signal_connect_swapped (amendment, "notify::status",
                                              G_CALLBACK (on_amendment_notify), self);
  self->review_id = g_signal_connect_swapped (amendment, "notify::needs-review",
                                              G_CALLBACK (on_amendment_notify), self);
  drafting_amendment_row_update (self);
}

void
drafting_amendment_row_unbind (DraftingAmendmentRow *self)
{
  g_return_if_fail (DRAFTING_IS_AMENDMENT_ROW (self));

  if (self->amendment != NULL)
    {
      g_clear_signal_handler (&self->status_id, self->amendment);
      g_clear_signal_handler (&self->review_id, self->amendment);
    }
  g_clear_object (&self->amendment);
  g_clear_object (&self->document);
  g_clear_pointer (&self->conflict_delegations, g_free);
  self->n_conflicts = 0;
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static GtkWidget *
add_line (DraftingAmendmentRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The row's label says all of it: the parts are not read twice. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  return box;
}

static GtkLabel *
add_tag (GtkWidget  *box,
         const char *name,
         const char *css_class)
{
  GtkLabel *label = add_label (box, "amendment-tag", FALSE);

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_CENTER);

  return label;
}

static void
drafting_amendment_row_dispose (GObject *object)
{
  DraftingAmendmentRow *self = (DraftingAmendmentRow *) object;
  GtkWidget *child;

  drafting_amendment_row_unbind (self);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (drafting_amendment_row_parent_class)->dispose (object);
}

static void
drafting_amendment_row_class_init (DraftingAmendmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_amendment_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amendmentrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
drafting_amendment_row_init (DraftingAmendmentRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *line;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);

  /* ● France  with Kenya               Proposed */
  line = add_line (self);
  self->swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                               "content-width", 10,
                               "content-height", 10,
                               "valign", GTK_ALIGN_CENTER,
                               NULL);
  gtk_widget_add_css_class (self->swatch, "swatch");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
  gtk_box_append (GTK_BOX (line), self->swatch);
  self->delegation_label = add_label (line, "delegation", TRUE);
  self->cosponsors_label = add_label (line, "dim-label", TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->cosponsors_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cosponsors_label), FALSE);
  /* The status keeps to the right edge when there are no co-sponsors. */
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (line), spacer);
    g_object_bind_property (self->cosponsors_label, "visible", spacer, "visible",
                            G_BINDING_INVERT_BOOLEAN);
  }
  self->status_label = add_tag (line, "status-tag", "status");

  /* Replace  Operative paragraph 3 */
  line = add_line (self);
  self->action_label = add_label (line, "action", FALSE);
  self->element_label = add_label (line, "element", TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->element_label), TRUE);

  /* The proposed wording, on one line. */
  line = add_line (self);
  self->summary_label = add_label (line, "summary", TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);

  /* Needs review  Conflicts with 2 */
  self->flags_box = add_line (self);
  gtk_widget_set_visible (self->flags_box, FALSE);
  self->review_label = add_tag (self->flags_box, "review-tag", "needs-review");
  gtk_label_set_label (self->review_label, _("Needs review"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_label),
                               _("An amendment accepted since changed the same words: "
                                 "this one no longer applies as it stands"));
  self->conflict_label = add_tag (self->flags_box, "conflict-tag", "conflict");

  self->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
drafting_amendment_row_new (void)
{
  return g_object_new (DRAFTING_TYPE_AMENDMENT_ROW, NULL);
}
