/* drafting-page-amendments.c: the page's amendments: the views of the text, proposing, the panel, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-amendments-panel.h"
#include "drafting-file-chooser.h"
#include "drafting-page-private.h"

/*
 * The text shows in three ways (the "view-mode" action): clean, the text
 * as it is, which the Secretariat edits; marked, with the changes the
 * proposed amendments make underlined and struck through in the colour
 * of each delegation; and as proposed, a copy of the text with every
 * proposed amendment accepted, made in a worker thread so that a large
 * document does not stop the window.
 *
 * In proposing (the "proposing" action), the text is locked: what is
 * typed in an element becomes the amendment of the person's delegation
 * (set in Preferences) to it, deleting or moving an element proposes
 * that, and a bar under the text takes the justification of the
 * amendments the current element has.
 *
 * The marks follow the record: after each change, once the window is
 * idle, the open amendments are gathered again (a walk of the record, by
 * element) and the rows on screen show them.
 */

/* ------------------------------------------------------------------ */
/* Who the person is                                                   */

static char *
own_delegation (DraftingPage *self)
{
  g_autofree char *delegation = g_settings_get_string (self->settings, "delegation");

  g_strstrip (delegation);
  return delegation[0] != '\0' ? g_steal_pointer (&delegation) : NULL;
}

/* ------------------------------------------------------------------ */
/* The views                                                           */

static gboolean
update_marks (gpointer data)
{
  DraftingPage *self = data;

  self->marks_source = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  if (g_strcmp0 (self->view_mode, "marked") == 0)
    drafting_document_view_set_tracking (self->view, drafting_tracking_new (self->document, NULL));
  else if (self->proposing)
    drafting_document_view_reload (self->view);

  return G_SOURCE_REMOVE;
}

static void
queue_update_marks (DraftingPage *self)
{
  if (self->marks_source == 0)
    self->marks_source = g_idle_add_full (G_PRIORITY_LOW, update_marks, self, NULL);
}

static void
make_proposed (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftingDocument *snapshot = task_data;

  /* The snapshot belongs to this thread now: accepting in it touches
   * nothing of the document being edited. */
  g_task_return_pointer (task, drafting_document_new_as_proposed (snapshot, NULL), g_object_unref);
}

static void
on_proposed (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(DraftingDocument) proposed = g_task_propagate_pointer (G_TASK (result), NULL);

  if (proposed == NULL || g_strcmp0 (self->view_mode, "proposed") != 0)
    return;

  drafting_document_view_set_document (self->proposed_view, proposed);
}

static void
show_proposed (DraftingPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->proposed_cancellable);
  g_clear_object (&self->proposed_cancellable);
  if (self->document == NULL)
    return;

  self->proposed_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->proposed_cancellable, on_proposed, g_object_ref (self));
  g_task_set_source_tag (task, show_proposed);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, drafting_document_snapshot (self->document), g_object_unref);
  g_task_run_in_thread (task, make_proposed);
}

static void
apply_view_mode (DraftingPage *self)
{
  gboolean proposed = g_strcmp0 (self->view_mode, "proposed") == 0;

  g_clear_handle_id (&self->marks_source, g_source_remove);
  gtk_stack_set_visible_child_name (self->view_stack, proposed ? "proposed" : "text");

  if (g_strcmp0 (self->view_mode, "marked") == 0 && self->document != NULL)
    drafting_document_view_set_tracking (self->view, drafting_tracking_new (self->document, NULL));
  else
    drafting_document_view_set_tracking (self->view, NULL);

  if (proposed)
    show_proposed (self);
  else
    drafting_document_view_set_document (self->proposed_view, NULL);

  _drafting_page_update_actions (self);
}

static void
change_view_mode (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  DraftingPage *self = user_data;
  const char *mode = g_variant_get_string (value, NULL);

  if (g_strcmp0 (mode, "clean") != 0 && g_strcmp0 (mode, "marked") != 0 &&
      g_strcmp0 (mode, "proposed") != 0)
    return;

  g_free (self->view_mode);
  self->view_mode = g_strdup (mode);
  g_simple_action_set_state (action, value);
  apply_view_mode (self);
}

/* ------------------------------------------------------------------ */
/* Proposing                                                           */

static void
update_proposal_bar (DraftingPage *self)
{
  DraftingNode *node = drafting_document_view_get_current (self->view);
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *label = NULL;
  DraftingAmendment *proposal = NULL;

  if (!self->proposing || delegation == NULL)
    return;

  if (node != NULL && self->document != NULL)
    {
      static const DraftingAmendmentAction actions[] = {
        DRAFTING_AMENDMENT_REPLACE, DRAFTING_AMENDMENT_DELETE, DRAFTING_AMENDMENT_MOVE,
      };

      for (guint i = 0; i < G_N_ELEMENTS (actions) && proposal == NULL; i++)
        proposal = drafting_document_find_proposal (self->document, delegation, actions[i],
                                                    drafting_node_get_id (node));
    }

  g_set_object (&self->proposal, proposal);
  if (proposal != NULL)
    /* Translators: %s is a delegation, then what the amendment is about:
     * "France: Replace operative paragraph 3" */
    label = g_strdup_printf (_("%s: %s %s"), delegation,
                             drafting_amendment_action_get_display_name (drafting_amendment_get_action (proposal)),
                             drafting_amendment_get_target_label (proposal));
  else
    /* Translators: %s is a delegation; shown while it proposes amendments */
    label = g_strdup_printf (_("Proposing for %s: type in a clause to amend it"), delegation);
  gtk_label_set_label (self->proposal_label, label);

  self->updating_justification = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->justification_entry),
                         proposal != NULL ? drafting_amendment_get_justification (proposal) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->justification_entry), proposal != NULL);
  self->updating_justification = FALSE;
}

static void
change_proposing (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  DraftingPage *self = user_data;
  gboolean proposing = g_variant_get_boolean (value);
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");

  if (proposing && delegation == NULL)
    {
      _drafting_page_toast_with_action (self, _("Say which delegation you speak for, to propose amendments"),
                                        _("_Preferences"), "app.preferences", NULL);
      return;
    }

  self->proposing = proposing;
  g_simple_action_set_state (action, value);
  drafting_document_view_set_proposer (self->view, proposing ? delegation : NULL, name);
  /* Hidden, not only folded: no screen reader is to find it. */
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_revealer), proposing);
  gtk_revealer_set_reveal_child (self->proposal_revealer, proposing);
  update_proposal_bar (self);
  _drafting_page_update_actions (self);
}

void
_drafting_page_on_justification_changed (GtkEditable  *entry,
                                         DraftingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating_justification || self->proposal == NULL || self->document == NULL)
    return;

  if (!drafting_document_update_amendment (self->document, self->proposal, NULL, NULL,
                                           gtk_editable_get_text (entry), DRAFTING_EDIT_COALESCE,
                                           &error))
    _drafting_page_report (self, error);
}

gboolean
_drafting_page_get_proposing (DraftingPage *self)
{
  return self->proposing;
}

/* Proposes @action for @node, to go @placement @destination for a move. */
gboolean
_drafting_page_propose (DraftingPage            *self,
                        DraftingAmendmentAction  action,
                        DraftingNode            *node,
                        DraftingNode            *destination,
                        DraftingPlacement        placement)
{
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");
  g_autoptr(DraftingAmendment) amendment = NULL;
  DraftingAmendment *earlier;
  g_autoptr(GError) error = NULL;

  if (delegation == NULL || node == NULL)
    return FALSE;

  /* One amendment an element and action: a move proposed again goes
   * where it is now asked to. */
  earlier = drafting_document_find_proposal (self->document, delegation, action, drafting_node_get_id (node));
  if (earlier != NULL && action == DRAFTING_AMENDMENT_DELETE)
    {
      drafting_page_toast (self, _("Your delegation already proposes to delete this element"));
      return FALSE;
    }

  amendment = drafting_amendment_new (action, delegation);
  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  if (destination != NULL)
    drafting_amendment_set_destination (amendment, drafting_node_get_id (destination), placement);
  if (name[0] != '\0')
    drafting_amendment_set_author (amendment, name);

  drafting_document_begin_action (self->document, action == DRAFTING_AMENDMENT_DELETE
                                                  ? C_("undo", "Propose Deletion")
                                                  : C_("undo", "Propose Move"));
  if (earlier != NULL)
    drafting_document_decide_amendment (self->document, earlier, DRAFTING_AMENDMENT_SUPERSEDED, NULL);
  if (!drafting_document_propose (self->document, amendment, &error))
    _drafting_page_report (self, error);
  drafting_document_end_action (self->document);

  update_proposal_bar (self);
  return error == NULL;
}

/* ------------------------------------------------------------------ */
/* Proposing a new element                                             */

/*
 * A new element has no row to type in until it is in the text: it is
 * proposed in a dialog, its kind chosen from the Insert menu and its place
 * where the Secretariat's insertion would put it, with its wording and a
 * justification. Asked again at the same place, the dialog shows the
 * delegation's proposal there, to change it.
 */

typedef struct
{
  DraftingPage      *page;
  DraftingKind       kind;
  char              *anchor;
  DraftingPlacement  placement;
  DraftingAmendment *earlier;
  GtkEditable       *lead;
  GtkTextBuffer     *text;
  GtkEditable       *justification;
} NewElement;

static void
new_element_free (gpointer data)
{
  NewElement *proposal = data;

  g_clear_object (&proposal->page);
  g_clear_object (&proposal->earlier);
  g_free (proposal->anchor);
  g_free (proposal);
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
check_new_element (AdwMessageDialog *dialog)
{
  NewElement *proposal = g_object_get_data (G_OBJECT (dialog), "proposal");
  g_autofree char *text = text_of (proposal->text);

  adw_message_dialog_set_response_enabled (dialog, "propose", text[0] != '\0');
}

static void
on_new_element_response (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data G_GNUC_UNUSED)
{
  NewElement *proposal = g_object_get_data (G_OBJECT (dialog), "proposal");
  DraftingPage *self = proposal->page;
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");
  g_autofree char *text = text_of (proposal->text);
  g_autoptr(DraftingInline) content = drafting_inline_new (text);
  const char *lead = proposal->lead != NULL ? gtk_editable_get_text (proposal->lead) : NULL;
  const char *justification = gtk_editable_get_text (proposal->justification);
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "propose") != 0 || self->document == NULL || delegation == NULL)
    return;

  if (proposal->earlier != NULL &&
      drafting_amendment_get_status (proposal->earlier) == DRAFTING_AMENDMENT_PROPOSED &&
      drafting_amendment_get_kind (proposal->earlier) == proposal->kind)
    {
      if (!drafting_document_update_amendment (self->document, proposal->earlier, lead, content,
                                               justification, DRAFTING_EDIT_NONE, &error))
        _drafting_page_report (self, error);
      return;
    }

  amendment = drafting_amendment_new (DRAFTING_AMENDMENT_INSERT, delegation);
  drafting_amendment_set_kind (amendment, proposal->kind);
  drafting_amendment_set_target (amendment, proposal->anchor, proposal->placement);
  drafting_amendment_set_wording (amendment, lead, content);
  drafting_amendment_set_justification (amendment, justification);
  if (name[0] != '\0')
    drafting_amendment_set_author (amendment, name);

  drafting_document_begin_action (self->document, C_("undo", "Propose New Element"));
  if (proposal->earlier != NULL)
    drafting_document_decide_amendment (self->document, proposal->earlier, DRAFTING_AMENDMENT_SUPERSEDED, NULL);
  if (!drafting_document_propose (self->document, amendment, &error))
    _drafting_page_report (self, error);
  drafting_document_end_action (self->document);

  if (error == NULL && g_strcmp0 (self->view_mode, "marked") != 0)
    _drafting_page_toast_with_action (self, _("New element proposed"), _("_Show Changes"),
                                      "document.view-mode", g_variant_new_string ("marked"));
}

static GtkWidget *
labelled_entry (const char *name,
                const char *label,
                const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

/* The start of @node's text, to say which element it is. */
static char *
excerpt_of (DraftingNode *node)
{
  g_autofree char *text = drafting_render_plain_text (node, FALSE);

  if (g_utf8_strlen (text, -1) <= 60)
    return g_steal_pointer (&text);

  *g_utf8_offset_to_pointer (text, 59) = '\0';
  return g_strconcat (g_strchomp (text), "…", NULL);
}

/**
 * _drafting_page_propose_new_element:
 * @kind: what kind of element
 * @near: the element the new one goes after, or where it belongs
 *
 * Asks for the wording of a new element of @kind that the person's
 * delegation proposes, and proposes it.
 */
void
_drafting_page_propose_new_element (DraftingPage *self,
                                    DraftingKind  kind,
                                    DraftingNode *near)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *body = NULL;
  g_autofree char *where = NULL;
  g_autofree char *excerpt = NULL;
  DraftingNode *parent = NULL;
  DraftingNode *anchor;
  guint index = 0;
  NewElement *proposal;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *frame;
  GtkWidget *scrolled;
  GtkWidget *text_view;
  GtkWidget *justification;
  const char *lead = NULL;
  const char *justified = NULL;
  const char *wording = NULL;

  if (self->document == NULL || delegation == NULL)
    return;

  if (!drafting_document_find_insert_position (self->document, near, kind, &parent, &index))
    {
      drafting_page_toast (self, _("An element of this kind cannot go here"));
      return;
    }

  proposal = g_new0 (NewElement, 1);
  proposal->page = g_object_ref (self);
  proposal->kind = kind;
  anchor = index > 0 ? drafting_node_get_child (parent, index - 1) : parent;
  proposal->placement = index > 0 ? DRAFTING_PLACEMENT_AFTER : DRAFTING_PLACEMENT_INTO;
  excerpt = excerpt_of (anchor);
  if (index > 0)
    /* Translators: where a proposed element goes: %s is the start of the text of the element before it */
    where = g_strdup_printf (_("After “%s”"), excerpt);
  else
    /* Translators: where a proposed element goes: %s is the start of the text of the element it opens */
    where = g_strdup_printf (_("First in “%s”"), excerpt);
  proposal->anchor = g_strdup (drafting_node_get_id (anchor));
  g_set_object (&proposal->earlier, drafting_document_find_proposal (self->document, delegation,
                                                                     DRAFTING_AMENDMENT_INSERT, proposal->anchor));
  if (proposal->earlier != NULL)
    {
      lead = drafting_amendment_get_lead (proposal->earlier);
      justified = drafting_amendment_get_justification (proposal->earlier);
      wording = drafting_inline_get_text (drafting_amendment_get_content (proposal->earlier));
    }

  /* Translators: %s is a kind of element, "Operative paragraph", then where it goes */
  body = g_strdup_printf (_("%s, proposed by %s. %s"), drafting_kind_get_display_name (kind), delegation, where);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Propose a New Element"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "propose", _("_Propose"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "propose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (drafting_kind_has_lead (kind))
    {
      GtkWidget *entry = labelled_entry ("proposed-lead", _("Leading phrase"), lead);

      proposal->lead = GTK_EDITABLE (entry);
      gtk_box_append (GTK_BOX (box), entry);
    }

  text_view = gtk_text_view_new ();
  gtk_widget_set_name (text_view, "proposed-text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the new element"),
                                  -1);
  proposal->text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (proposal->text, wording != NULL ? wording : "", -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (box), frame);

  justification = labelled_entry ("proposed-justification", _("Justification"), justified);
  proposal->justification = GTK_EDITABLE (justification);
  gtk_box_append (GTK_BOX (box), justification);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "proposal", proposal, new_element_free);
  g_signal_connect_swapped (proposal->text, "changed", G_CALLBACK (check_new_element), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_element_response), NULL);
  check_new_element (ADW_MESSAGE_DIALOG (dialog));
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (proposal->lead != NULL ? GTK_WIDGET (proposal->lead) : text_view);
}

/* ------------------------------------------------------------------ */
/* The panel                                                           */

void
_drafting_page_on_amendment_activated (DraftingAmendmentsPanel *panel G_GNUC_UNUSED,
                                       DraftingAmendment       *amendment,
                                       DraftingPage            *self)
{
  DraftingNode *node;
  DraftingPlacement placement;
  const char *id = drafting_amendment_get_target (amendment);

  if (self->document == NULL)
    return;

  /* An accepted insertion is about the element it made. */
  if (drafting_amendment_get_result (amendment) != NULL)
    id = drafting_amendment_get_result (amendment);
  node = drafting_document_lookup (self->document, id);
  if (node == NULL && drafting_amendment_get_origin (amendment, &placement) != NULL)
    node = drafting_document_lookup (self->document, drafting_amendment_get_origin (amendment, &placement));

  if (node == NULL)
    {
      drafting_page_toast (self, _("The element this amendment is about is no longer in the text"));
      return;
    }

  if (g_strcmp0 (self->view_mode, "proposed") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self->actions), "view-mode",
                                    g_variant_new_string ("marked"));
  drafting_document_view_focus_node (self->view, node, 0, 0);
}

void
_drafting_page_on_amendments_error (DraftingAmendmentsPanel *panel G_GNUC_UNUSED,
                                    const char              *message,
                                    DraftingPage            *self)
{
  drafting_page_toast (self, message);
}

/* ------------------------------------------------------------------ */
/* Files of amendments                                                 */

typedef struct
{
  DraftingPage *page;
  GPtrArray    *files;     /* to read, in order */
  guint         next;
  guint         added;
  guint         duplicates;
  guint         conflicting;
  GString      *refused;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->page);
  g_ptr_array_unref (import->files);
  g_string_free (import->refused, TRUE);
  g_free (import);
}

static void import_next (Import *import);

static void
on_import_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = user_data;
  DraftingPage *self = import->page;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  char *contents = NULL;
  gsize length = 0;
  DraftingImportSummary summary = { 0 };

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          import_free (import);
          return;
        }
    }
  else
    {
      bytes = g_bytes_new_take (contents, length);
      if (self->document == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
      else
        {
          drafting_document_begin_action (self->document, C_("undo", "Import Amendments"));
          drafting_amendment_file_import (self->document, bytes, &summary, &error);
          drafting_document_end_action (self->document);
        }
    }

  if (error != NULL)
    g_string_append_printf (import->refused, "%s%s: %s", import->refused->len > 0 ? "\n" : "",
                            name, error->message);
  import->added += summary.added;
  import->duplicates += summary.duplicates;
  import->conflicting += summary.conflicting;
  import_next (import);
}

static void
import_next (Import *import)
{
  DraftingPage *self = import->page;
  g_autofree char *message = NULL;

  if (import->next < import->files->len)
    {
      GFile *file = g_ptr_array_index (import->files, import->next++);

      /* The disk is read in the background, a file at a time. */
      g_file_load_contents_async (file, self->cancellable, on_import_read, import);
      return;
    }

  if (import->refused->len > 0)
    _drafting_page_show_error (self, _("Some Amendments Could Not Be Imported"), import->refused->str);

  if (import->added + import->duplicates > 0 || import->refused->len == 0)
    {
      g_autofree char *added = g_strdup_printf (ngettext ("%u amendment added", "%u amendments added",
                                                          import->added), import->added);
      g_autofree char *duplicates = g_strdup_printf (ngettext ("%u already there", "%u already there",
                                                               import->duplicates), import->duplicates);
      g_autofree char *conflicting = g_strdup_printf (ngettext ("%u in conflict", "%u in conflict",
                                                                import->conflicting), import->conflicting);

      /* Translators: the three parts say how many amendments were added,
       * recognised as already in the document, and found in conflict */
      message = g_strdup_printf (_("%s, %s, %s"), added, duplicates, conflicting);
      drafting_page_toast (self, message);
    }

  /* The panel shows what came in. */
  if (import->added > 0)
    g_settings_set_boolean (self->settings, "show-amendments", TRUE);

  import_free (import);
}

/**
 * drafting_page_import_amendments:
 * @files: (element-type GFile): files of amendments
 *
 * Adds the amendments of @files to the document, each file a step of
 * undo, and says what came in: how many were added, already there, or in
 * conflict, and which files were refused and why.
 */
void
drafting_page_import_amendments (DraftingPage *self,
                                 GPtrArray    *files)
{
  Import *import;

  g_return_if_fail (DRAFTING_IS_PAGE (self));
  g_return_if_fail (files != NULL);

  if (files->len == 0)
    return;

  import = g_new0 (Import, 1);
  import->page = g_object_ref (self);
  import->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (import->files, g_object_ref (g_ptr_array_index (files, i)));
  import->refused = g_string_new (NULL);
  import_next (import);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      drafting_page_import_amendments (self, files);
    }
  g_object_unref (dialog);
}

static void
action_import_amendments (GSimpleAction *action G_GNUC_UNUSED,
                          GVariant      *param G_GNUC_UNUSED,
                          gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = drafting_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      DRAFTING_FILE_CHOOSER_IMPORT_AMENDMENTS, NULL, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _drafting_page_show_error (self, _("The Amendments Could Not Be Exported"), error->message);
      return;
    }

  _drafting_page_show_exported (self, G_FILE (object));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delegation = own_delegation (self);

  if (response != GTK_RESPONSE_ACCEPT || self->document == NULL ||
      (file = drafting_file_chooser_get_file (GTK_FILE_CHOOSER_NATIVE (dialog),
                                              DRAFTING_FILE_CHOOSER_EXPORT_AMENDMENTS)) == NULL)
    {
      g_object_unref (dialog);
      return;
    }
  g_object_unref (dialog);

  if ((bytes = drafting_amendment_file_write (self->document, delegation, &error)) == NULL)
    {
      _drafting_page_show_error (self, _("The Amendments Could Not Be Exported"), error->message);
      return;
    }

  /* Written beside and renamed over, by GIO, in the background. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_exported, g_object_ref (self));
}

static void
action_export_amendments (GSimpleAction *action G_GNUC_UNUSED,
                          GVariant      *param G_GNUC_UNUSED,
                          gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *delegation = own_delegation (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *dialog;

  if (delegation == NULL)
    {
      _drafting_page_toast_with_action (self, _("Say which delegation you speak for, to export its amendments"),
                                        _("_Preferences"), "app.preferences", NULL);
      return;
    }

  /* "council-resolution-France.wcoamend", beside the document. */
  name = _drafting_page_propose_file (self, "", &folder);
  title = g_strdup_printf ("%s-%s%s", name, delegation, DRAFTING_AMENDMENT_FILE_EXTENSION);
  dialog = drafting_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      DRAFTING_FILE_CHOOSER_EXPORT_AMENDMENTS, folder, title);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* The page's part                                                     */

static const GActionEntry amendment_entries[] = {
  { .name = "view-mode", .parameter_type = "s", .state = "'clean'", .change_state = change_view_mode },
  { .name = "proposing", .state = "false", .change_state = change_proposing },
  { .name = "import-amendments", .activate = action_import_amendments },
  { .name = "export-amendments", .activate = action_export_amendments },
};

/* Escape in the justification gives the keyboard back to the text, the
 * cursor where it was, as it leaves any field beside a document. */
static gboolean
return_to_text (GtkWidget *widget G_GNUC_UNUSED,
                GVariant  *args G_GNUC_UNUSED,
                gpointer   user_data)
{
  DraftingPage *self = user_data;

  drafting_document_view_restore_focus (self->view);

  return TRUE;
}

void
_drafting_page_init_amendments (DraftingPage *self)
{
  g_autoptr(GAction) show_amendments = g_settings_create_action (self->settings, "show-amendments");
  GtkEventController *escape = gtk_shortcut_controller_new ();

  self->view_mode = g_strdup ("clean");
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), amendment_entries,
                                   G_N_ELEMENTS (amendment_entries), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), show_amendments);
  /* GTK 4.8 relates a mnemonic's widget to its label twice over, and a
   * screen reader reads the name twice: once is enough. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->justification_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->justification_title, NULL,
                                  -1);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (return_to_text, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->justification_entry), escape);
  g_settings_bind (self->settings, "show-amendments", self->amendments_flap, "reveal-flap",
                   G_SETTINGS_BIND_GET);
  /* Folded away, the panel is not there for screen readers either. */
  g_settings_bind (self->settings, "show-amendments", self->amendments_panel, "visible",
                   G_SETTINGS_BIND_GET);
}

void
_drafting_page_amendments_follow_document (DraftingPage *self)
{
  drafting_amendments_panel_set_document (self->amendments_panel, self->document);
  apply_view_mode (self);
  update_proposal_bar (self);
}

void
_drafting_page_amendments_changed (DraftingPage *self)
{
  if (g_strcmp0 (self->view_mode, "marked") == 0 || self->proposing)
    queue_update_marks (self);
  if (self->proposing)
    update_proposal_bar (self);
}

void
_drafting_page_amendments_current_changed (DraftingPage *self)
{
  DraftingNode *node = drafting_document_view_get_current (self->view);

  update_proposal_bar (self);
  if (node != NULL && drafting_amendments_panel_get_element_filter (self->amendments_panel) != NULL)
    drafting_amendments_panel_set_element_filter (self->amendments_panel, drafting_node_get_id (node));
}

void
_drafting_page_dispose_amendments (DraftingPage *self)
{
  g_clear_handle_id (&self->marks_source, g_source_remove);
  g_cancellable_cancel (self->proposed_cancellable);
  g_clear_object (&self->proposed_cancellable);
  g_clear_object (&self->proposal);
  g_clear_pointer (&self->view_mode, g_free);
}

gboolean
_drafting_page_shows_text (DraftingPage *self)
{
  return g_strcmp0 (self->view_mode, "clean") == 0 || self->view_mode == NULL;
}
