/* drafting-element-row-amendments.c: a row's marks of proposed amendments, and proposing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "drafting-element-marks.h"
#include "drafting-element-row-private.h"

/*
 * In the marked view (a tracking set), a row shows the element with the
 * changes the proposed amendments make to it, and the elements proposed
 * after it, in the colour of each delegation and not to be typed in; a
 * tooltip and the accessible description say who proposes what.
 *
 * In proposing (a proposer set), the row shows the delegation's proposal
 * for the element once it has one, and what is typed changes that
 * proposal, not the text.
 */

/* ------------------------------------------------------------------ */
/* The marks                                                           */

/* What a marked view shows of the element, as one string to compare: its
 * text, and each change's place, kind, author and amendment. */
static char *
marked_key (DraftingMarkedText *wording,
            DraftingMarkedText *arrivals)
{
  GString *key = g_string_new (NULL);
  DraftingMarkedText *texts[] = { wording, arrivals };

  for (guint t = 0; t < G_N_ELEMENTS (texts) && texts[t] != NULL; t++)
    {
      g_string_append (key, drafting_marked_text_get_text (texts[t]));
      g_string_append_c (key, '\x1e');
      for (guint i = 0; i < drafting_marked_text_get_n_runs (texts[t]); i++)
        {
          const DraftingMarkedRun *run = drafting_marked_text_get_run (texts[t], i);

          g_string_append_printf (key, "%d %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %s %s\x1f",
                                  run->change, run->start, run->end,
                                  run->author != NULL ? run->author : "",
                                  run->amendment != NULL ? run->amendment : "");
        }
      g_string_append_c (key, '\x1d');
    }

  return g_string_free (key, FALSE);
}

static char *
marked_key_for (DraftingTracking *tracking,
                DraftingNode     *node)
{
  g_autoptr(DraftingMarkedText) wording = drafting_tracking_mark_wording (tracking, node);
  g_autoptr(DraftingMarkedText) arrivals = drafting_tracking_mark_arrivals (tracking, node,
                                                                            DRAFTING_PLACEMENT_AFTER);

  return marked_key (wording, arrivals);
}

/* The element's text with the changes proposed to it marked, and the
 * elements proposed after it, at @iter. */
void
_drafting_element_row_load_marked (DraftingElementRow *self,
                                   GtkTextIter        *iter)
{
  g_autoptr(DraftingMarkedText) wording = drafting_tracking_mark_wording (self->tracking, self->node);
  g_autoptr(DraftingMarkedText) arrivals = drafting_tracking_mark_arrivals (self->tracking, self->node,
                                                                            DRAFTING_PLACEMENT_AFTER);
  g_autofree char *described = NULL;
  gsize shown = 0;

  g_free (self->marked_key);
  self->marked_key = marked_key (wording, arrivals);

  /* What the row shows before the text already ("DRAFT "), the marked
   * text has too: it is shown once. */
  if (self->shown_prefix != NULL && g_str_has_prefix (drafting_marked_text_get_text (wording), self->shown_prefix))
    shown = strlen (self->shown_prefix);
  drafting_element_marks_insert_from (self->buffer, iter, wording, shown, self->decoration_tag);
  if (arrivals != NULL)
    {
      _drafting_element_row_insert_decoration (self, iter, "\n", NULL);
      drafting_element_marks_insert (self->buffer, iter, arrivals, self->decoration_tag);
      drafting_marked_text_append_marked (wording, arrivals);
    }

  /* Screen readers are told who changed the element, not shown a colour. */
  described = drafting_element_marks_describe (wording);
  if (described != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  self->cursor_unplaced = TRUE;
}

/* Over a marked word, who proposes the change. */
gboolean
_drafting_element_row_on_query_tooltip (GtkWidget          *widget G_GNUC_UNUSED,
                                        int                 x,
                                        int                 y,
                                        gboolean            keyboard,
                                        GtkTooltip         *tooltip,
                                        DraftingElementRow *self)
{
  GtkTextIter iter;
  DraftingChange change = DRAFTING_CHANGE_NONE;
  const char *delegation;
  int bx, by;
  g_autofree char *text = NULL;

  if (self->tracking == NULL || keyboard)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) ||
      (delegation = drafting_element_marks_at (&iter, &change)) == NULL)
    return FALSE;

  if (change == DRAFTING_CHANGE_INSERTED)
    /* Translators: %s is a delegation, "France" */
    text = g_strdup_printf (_("Inserted by %s"), delegation);
  else
    /* Translators: %s is a delegation, "France" */
    text = g_strdup_printf (_("Deleted by %s"), delegation);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/**
 * drafting_element_row_set_tracking:
 * @tracking: (nullable): the proposed amendments to mark, or %NULL to
 *   show the text
 *
 * Shows the element with the changes @tracking marks in it, not to be
 * typed in. The caller keeps @tracking alive while the row shows it.
 */
void
drafting_element_row_set_tracking (DraftingElementRow *self,
                                   DraftingTracking   *tracking)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (self->tracking == tracking)
    return;

  /* The marks made again after a decision or an edit elsewhere: a row
   * whose marks are the same keeps its buffer as it is laid out. Reloading
   * every row on screen made the frame after a decision lay out all their
   * text again (25 to 55 ms). */
  if (self->tracking != NULL && tracking != NULL && self->node != NULL &&
      self->shown == self->node && self->marked_key != NULL &&
      self->shown_revision == drafting_node_get_revision (self->node))
    {
      g_autofree char *key = marked_key_for (tracking, self->node);

      if (strcmp (key, self->marked_key) == 0)
        {
          self->tracking = tracking;
          return;
        }
    }

  self->tracking = tracking;
  if (tracking == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  drafting_element_row_set_editable (self, self->editable);
  if (self->node != NULL)
    drafting_element_row_reload (self);
}

/* ------------------------------------------------------------------ */
/* Proposing                                                           */

/* The open rewording the proposing delegation has for the element. */
DraftingAmendment *
_drafting_element_row_own_proposal (DraftingElementRow *self)
{
  DraftingDocument *document = drafting_node_get_document (self->node);

  if (document == NULL || self->proposer == NULL)
    return NULL;

  return drafting_document_find_proposal (document, self->proposer, DRAFTING_AMENDMENT_REPLACE,
                                          drafting_node_get_id (self->node));
}

/* In proposing, what is typed is the delegation's proposal for the
 * element: one rewording each, made at the first change and changed as
 * it types; the text itself does not change. */
void
_drafting_element_row_propose_wording (DraftingElementRow   *self,
                                       DraftingDocument     *document,
                                       const char           *lead,
                                       const DraftingInline *content,
                                       gboolean              coalesce)
{
  DraftingAmendment *proposal = _drafting_element_row_own_proposal (self);
  g_autoptr(GError) error = NULL;

  if (proposal != NULL)
    {
      drafting_document_update_amendment (document, proposal, lead, content, NULL,
                                          coalesce ? DRAFTING_EDIT_COALESCE : DRAFTING_EDIT_NONE,
                                          &error);
    }
  else
    {
      g_autoptr(DraftingAmendment) amendment = drafting_amendment_new (DRAFTING_AMENDMENT_REPLACE,
                                                                       self->proposer);

      drafting_amendment_set_target (amendment, drafting_node_get_id (self->node),
                                     DRAFTING_PLACEMENT_AFTER);
      drafting_amendment_set_wording (amendment, lead != NULL ? lead : drafting_node_get_lead (self->node),
                                      content);
      if (self->proposer_name != NULL && self->proposer_name[0] != '\0')
        drafting_amendment_set_author (amendment, self->proposer_name);
      drafting_document_propose (document, amendment, &error);
    }

  if (error != NULL)
    g_warning ("The proposal for %s was not recorded: %s", drafting_node_get_id (self->node), error->message);
}

/**
 * drafting_element_row_set_proposer:
 * @delegation: (nullable): the delegation what is typed is proposed for,
 *   or %NULL to edit the text
 * @name: (nullable): the name of the person typing
 */
void
drafting_element_row_set_proposer (DraftingElementRow *self,
                                   const char         *delegation,
                                   const char         *name)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (g_strcmp0 (self->proposer, delegation) == 0 && g_strcmp0 (self->proposer_name, name) == 0)
    return;

  g_free (self->proposer);
  self->proposer = g_strdup (delegation);
  g_free (self->proposer_name);
  self->proposer_name = g_strdup (name);
  if (self->node != NULL)
    drafting_element_row_reload (self);
}
