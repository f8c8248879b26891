/* drafting-file-chooser.c: the file choosers of Open, Save As and Export as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-file-chooser"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-core.h"
#include "drafting-file-chooser.h"

/*
 * One set-up for every file chooser: its title and button, the kinds of
 * file it shows, and where it proposes to save, and under what name. A
 * document saved or exported goes beside the file it came from, under
 * that file's name with the extension of what is written.
 */

static void
add_amendments_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Amendments"));
  gtk_file_filter_add_mime_type (filter, DRAFTING_AMENDMENT_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, DRAFTING_AMENDMENT_FILE_EXTENSION + 1);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            gboolean        native,
            gboolean        text,
            gboolean        pdf)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (native)
    {
      gtk_file_filter_add_mime_type (filter, DRAFTING_NATIVE_MIME_TYPE);
      gtk_file_filter_add_suffix (filter, DRAFTING_NATIVE_EXTENSION + 1);
    }
  if (text)
    gtk_file_filter_add_mime_type (filter, "text/plain");
  if (pdf)
    {
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, DRAFTING_PDF_EXTENSION + 1);
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * drafting_file_chooser_propose_name:
 * @from: (nullable): the file the document came from
 * @title: (nullable): the document's title, for a document that came
 *   from no file
 * @extension: the extension of what is written, with its dot: ".wcodraft"
 *
 * Returns: (transfer full): the name to propose: that of @from with
 *   @extension for its own, else @title (with no character a folder's name
 *   could take for a separator), else "Untitled Document", and @extension
 */
char *
drafting_file_chooser_propose_name (GFile      *from,
                                    const char *title,
                                    const char *extension)
{
  g_autofree char *base = NULL;
  char *proposed;

  g_return_val_if_fail (from == NULL || G_IS_FILE (from), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  if (from != NULL && (base = g_file_get_basename (from)) != NULL)
    {
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
    }
  else
    {
      g_free (base);
      base = g_strstrip (g_strdup (title != NULL ? title : ""));
    }

  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup (_("Untitled Document"));
    }

  proposed = g_strconcat (base, extension, NULL);
  g_strdelimit (proposed, "/\\:", '-');

  return proposed;
}

/**
 * drafting_file_chooser_new:
 * @folder: (nullable): where to propose to save, or to open from
 * @name: (nullable): the name to propose, for saving and exporting, as
 *   drafting_file_chooser_propose_name() makes it
 *
 * Returns: (transfer full): a modal file chooser, set up for @purpose,
 *   not shown yet
 */
GtkFileChooserNative *
drafting_file_chooser_new (GtkWindow                  *parent,
                           DraftingFileChooserPurpose  purpose,
                           GFile                      *folder,
                           const char                 *name)
{
  GtkFileChooserNative *dialog = NULL;
  GtkFileChooser *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  switch (purpose)
    {
    case DRAFTING_FILE_CHOOSER_OPEN:
      dialog = gtk_file_chooser_native_new (_("Open a Document"), parent,
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      gtk_file_chooser_set_select_multiple (chooser, TRUE);
      add_filter (chooser, _("Documents Drafting Reads"), TRUE, TRUE, FALSE);
      add_filter (chooser, _("Drafting Documents"), TRUE, FALSE, FALSE);
      add_filter (chooser, _("Text to Import"), FALSE, TRUE, FALSE);
      break;

    case DRAFTING_FILE_CHOOSER_SAVE:
      dialog = gtk_file_chooser_native_new (_("Save As"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      add_filter (chooser, _("Drafting Documents"), TRUE, FALSE, FALSE);
      break;

    case DRAFTING_FILE_CHOOSER_EXPORT:
      dialog = gtk_file_chooser_native_new (_("Export as PDF"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      add_filter (chooser, _("PDF Documents"), FALSE, FALSE, TRUE);
      break;

    case DRAFTING_FILE_CHOOSER_IMPORT_AMENDMENTS:
      dialog = gtk_file_chooser_native_new (_("Import Amendments"), parent,
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      gtk_file_chooser_set_select_multiple (chooser, TRUE);
      add_amendments_filter (chooser);
      break;

    case DRAFTING_FILE_CHOOSER_EXPORT_AMENDMENTS:
      dialog = gtk_file_chooser_native_new (_("Export Amendments"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      add_amendments_filter (chooser);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  if (name != NULL && purpose != DRAFTING_FILE_CHOOSER_OPEN &&
      purpose != DRAFTING_FILE_CHOOSER_IMPORT_AMENDMENTS)
    gtk_file_chooser_set_current_name (chooser, name);

  return dialog;
}

/**
 * drafting_file_chooser_get_file:
 *
 * Returns: (transfer full) (nullable): the file chosen to save or export
 *   to; a name typed without an extension gets the one of what is written
 */
GFile *
drafting_file_chooser_get_file (GtkFileChooserNative       *chooser,
                                DraftingFileChooserPurpose  purpose)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *with = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), NULL);

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || purpose == DRAFTING_FILE_CHOOSER_OPEN ||
      purpose == DRAFTING_FILE_CHOOSER_IMPORT_AMENDMENTS)
    return g_steal_pointer (&file);

  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (name == NULL || parent == NULL || strchr (name, '.') != NULL)
    return g_steal_pointer (&file);

  with = g_strconcat (name,
                      purpose == DRAFTING_FILE_CHOOSER_SAVE ? DRAFTING_NATIVE_EXTENSION :
                      purpose == DRAFTING_FILE_CHOOSER_EXPORT_AMENDMENTS ? DRAFTING_AMENDMENT_FILE_EXTENSION :
                      DRAFTING_PDF_EXTENSION,
                      NULL);
  return g_file_get_child (parent, with);
}
