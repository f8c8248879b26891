/* drafting-page-revisions.c: the page's revisions: issuing one, and comparing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-compare-window.h"
#include "drafting-page-private.h"

/*
 * The Secretariat issues a revision (the "revise" action): the text as it
 * is now is kept in the document under a label, "Draft", "Rev.1", to be
 * compared later with another or with the present text (the "compare"
 * action, a window of its own beside the page, which stays open while the
 * text is edited). Issuing is a change like any other: undo takes the
 * revision back.
 */

/* ------------------------------------------------------------------ */
/* Issuing a revision                                                  */

typedef struct
{
  DraftingPage *page;
  GtkEntry     *entry;
} Revise;

static void
revise_free (gpointer data)
{
  Revise *revise = data;

  g_clear_object (&revise->page);
  g_free (revise);
}

static void
check_label (GtkEditable      *entry,
             AdwMessageDialog *dialog)
{
  Revise *revise = g_object_get_data (G_OBJECT (dialog), "revise");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean taken = revise->page->document != NULL &&
                   drafting_document_lookup_revision (revise->page->document, label) != NULL;

  adw_message_dialog_set_response_enabled (dialog, "issue", label[0] != '\0' && !taken);
  if (taken)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("There is already a revision with this label"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
}

static void
on_revise_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data G_GNUC_UNUSED)
{
  Revise *revise = g_object_get_data (G_OBJECT (dialog), "revise");
  DraftingPage *self = revise->page;
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (revise->entry))));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "issue") != 0 || self->document == NULL)
    return;

  if (!drafting_document_revise (self->document, label, &error))
    {
      _drafting_page_report (self, error);
      return;
    }

  /* Translators: %s is the label of the revision just issued, "Rev.1" */
  message = g_strdup_printf (_("%s issued"), label);
  if (g_list_model_get_n_items (drafting_document_get_revisions (self->document)) >= 2)
    _drafting_page_toast_with_action (self, message, _("_Compare"), "document.compare", NULL);
  else
    drafting_page_toast (self, message);
}

static void
action_revise (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *param G_GNUC_UNUSED,
               gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *suggestion = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  Revise *revise;

  if (self->document == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Issue a Revision?"),
                                   _("The text as it is now is kept in the document under this label, "
                                     "to compare with what it becomes. Undo takes it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  suggestion = drafting_document_suggest_revision_label (self->document);
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "revision-label");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), DRAFTING_REVISION_MAX_LABEL);
  /* Translators: a hint in the empty entry of a revision's label */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Rev.1, Adopted…"));
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label of the revision"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  revise = g_new0 (Revise, 1);
  revise->page = g_object_ref (self);
  revise->entry = GTK_ENTRY (entry);
  g_object_set_data_full (G_OBJECT (dialog), "revise", revise, revise_free);

  g_signal_connect (entry, "changed", G_CALLBACK (check_label), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_revise_response), NULL);
  check_label (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

static void
close_compare_window (DraftingPage *self)
{
  if (self->compare_window == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->compare_window), (gpointer *) &self->compare_window);
  gtk_window_destroy (GTK_WINDOW (self->compare_window));
  self->compare_window = NULL;
}

static void
action_compare (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->document == NULL)
    return;

  /* One a page, for its document: asked again, it compares the latest
   * revisions. */
  if (self->compare_window != NULL &&
      drafting_compare_window_get_document (self->compare_window) != self->document)
    close_compare_window (self);

  if (self->compare_window == NULL)
    {
      self->compare_window = DRAFTING_COMPARE_WINDOW (drafting_compare_window_new (self->document));
      g_object_add_weak_pointer (G_OBJECT (self->compare_window), (gpointer *) &self->compare_window);
      gtk_window_set_transient_for (GTK_WINDOW (self->compare_window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->compare_window), TRUE);
    }
  else
    drafting_compare_window_set_versions (self->compare_window, NULL, NULL);

  gtk_window_present (GTK_WINDOW (self->compare_window));
}

/* ------------------------------------------------------------------ */
/* The page's part                                                     */

static const GActionEntry revision_entries[] = {
  { .name = "revise", .activate = action_revise },
  { .name = "compare", .activate = action_compare },
};

static void
update_revision_actions (DraftingPage *self)
{
  GAction *compare = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "compare");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (compare),
                               self->document != NULL &&
                               g_list_model_get_n_items (drafting_document_get_revisions (self->document)) > 0);
}

void
_drafting_page_init_revisions (DraftingPage *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), revision_entries,
                                   G_N_ELEMENTS (revision_entries), self);
  self->revision_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->revision_signals, "items-changed",
                                  G_CALLBACK (update_revision_actions), self);
  update_revision_actions (self);
}

void
_drafting_page_revisions_follow_document (DraftingPage *self)
{
  g_signal_group_set_target (self->revision_signals,
                             self->document != NULL ? drafting_document_get_revisions (self->document) : NULL);
  update_revision_actions (self);

  /* A reload is another document: its comparison is another window. */
  if (self->compare_window != NULL &&
      drafting_compare_window_get_document (self->compare_window) != self->document)
    close_compare_window (self);
}

void
_drafting_page_dispose_revisions (DraftingPage *self)
{
  close_compare_window (self);
  g_clear_object (&self->revision_signals);
}
