/* drafting-save-changes-dialog.c: asking about unsaved work before it closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-save-changes-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-page.h"
#include "drafting-save-changes-dialog.h"
#include "drafting-window.h"

/*
 * Before documents with unsaved changes close (a tab, a window, the whole
 * application), the person is asked once about all of them, as GNOME Text
 * Editor does: one document, "Save Changes to …?"; several, a list to tick
 * the ones to save, the others' changes given up. The chosen documents are
 * then saved one after another, each asking for a name if it has none.
 * The result says whether the documents may now close: not if the person
 * cancelled, or a save failed or was cancelled (its page says why), so
 * that nothing unsaved is ever closed without the person's word.
 */

typedef struct
{
  GPtrArray *pages;      /* DraftingPage, with unsaved changes */
  GPtrArray *checks;     /* GtkCheckButton, one a page, when several */
  GPtrArray *to_save;    /* DraftingPage */
  guint      next;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_clear_pointer (&data->checks, g_ptr_array_unref);
  g_clear_pointer (&data->to_save, g_ptr_array_unref);
  g_free (data);
}

static void save_next (GTask *task);

static void
on_page_saved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!drafting_page_save_finish (DRAFTING_PAGE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  save_next (task);
}

static void
save_next (GTask *task)
{
  RunData *data = g_task_get_task_data (task);
  DraftingPage *page;
  GtkRoot *root;

  if (data->next >= data->to_save->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* The person sees the document being saved, and its name asked for. */
  page = g_ptr_array_index (data->to_save, data->next++);
  root = gtk_widget_get_root (GTK_WIDGET (page));
  if (DRAFTING_IS_WINDOW (root))
    drafting_window_present_page (DRAFTING_WINDOW (root), page);

  drafting_page_save_async (page, FALSE, g_task_get_cancellable (task), on_page_saved, task);
}

static void
on_response (AdwMessageDialog *dialog G_GNUC_UNUSED,
             const char       *response,
             GTask            *task)
{
  RunData *data = g_task_get_task_data (task);

  if (g_str_equal (response, "discard"))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (!g_str_equal (response, "save"))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Closing cancelled");
      g_object_unref (task);
      return;
    }

  for (guint i = 0; i < data->pages->len; i++)
    if (data->checks == NULL ||
        gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
      g_ptr_array_add (data->to_save, g_object_ref (g_ptr_array_index (data->pages, i)));

  save_next (task);
}

/* The list of documents to tick, for several. */
static GtkWidget *
make_list (RunData *data)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data->checks = g_ptr_array_new ();

  for (guint i = 0; i < data->pages->len; i++)
    {
      DraftingPage *page = g_ptr_array_index (data->pages, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), drafting_page_get_name (page));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), drafting_page_get_subtitle (page));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (data->checks, check);
    }

  return list;
}

/**
 * drafting_save_changes_dialog_run_async:
 * @pages: (element-type DraftingPage): the pages about to close; those
 *   without unsaved changes are not asked about
 *
 * Asks what to do with the unsaved changes of @pages, and saves those the
 * person chooses to save.
 */
void
drafting_save_changes_dialog_run_async (GtkWindow           *parent,
                                        GPtrArray           *pages,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *heading = NULL;
  const char *body;
  RunData *data;
  GtkWidget *dialog;
  GTask *task;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (pages != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_save_changes_dialog_run_async);

  data = g_new0 (RunData, 1);
  data->pages = g_ptr_array_new_with_free_func (g_object_unref);
  data->to_save = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  for (guint i = 0; i < pages->len; i++)
    if (drafting_page_get_modified (g_ptr_array_index (pages, i)))
      g_ptr_array_add (data->pages, g_object_ref (g_ptr_array_index (pages, i)));

  if (data->pages->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (data->pages->len == 1)
    {
      /* Translators: %s is a document's name */
      heading = g_strdup_printf (_("Save Changes to “%s”?"),
                                 drafting_page_get_name (g_ptr_array_index (data->pages, 0)));
      body = _("If you close it without saving, the changes are lost.");
    }
  else
    {
      heading = g_strdup (_("Save Changes?"));
      body = _("These documents have changes that are not saved. Choose the ones to save: the "
               "changes in the others are lost.");
    }

  dialog = adw_message_dialog_new (parent, heading, body);
  if (data->pages->len > 1)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), make_list (data));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", data->pages->len > 1 ? _("_Discard All") : _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), task);
  drafting_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * drafting_save_changes_dialog_run_finish:
 *
 * Returns: %TRUE if the pages may close: their changes saved or given up
 *   by choice; %FALSE if the person cancelled (%G_IO_ERROR_CANCELLED) or a
 *   save failed
 */
gboolean
drafting_save_changes_dialog_run_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
