/* drafting-file-chooser.c: the file choosers of Open, Save As and Export
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
 *
 * Export has a filter for each format it writes. The format is the one
 * the typed name's extension names, else the chosen filter's; and the
 * name proposed follows the filter chosen, its extension that of the
 * filter's format.
 */

/* The format of an export filter, on the filter. */
#define EXPORT_FORMAT_KEY "drafting-export-format"
/* On the filters of the compilation of the amendments. */
#define COMPILATION_KEY   "drafting-export-compilation"
/* On the dialog GtkFileChooserNative shows, once the name follows its filter. */
#define FOLLOWS_FILTER_KEY "drafting-follows-filter"

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
            gboolean        text)
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
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_export_filter (GtkFileChooser       *chooser,
                   const char           *name,
                   DraftingExportFormat  format,
                   gboolean             compilation)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, drafting_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, drafting_export_format_get_extension (format) + 1);
  g_object_set_data (G_OBJECT (filter), EXPORT_FORMAT_KEY, GUINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (filter), COMPILATION_KEY, GUINT_TO_POINTER (compilation));
  gtk_file_chooser_add_filter (chooser, filter);
}

static DraftingExportFormat
filter_format (GtkFileFilter *filter)
{
  if (filter == NULL)
    return DRAFTING_EXPORT_FORMAT_UNKNOWN;

  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), EXPORT_FORMAT_KEY));
}

/* The export filter of @format, if @chooser has one (transfer none). */
static GtkFileFilter *
find_export_filter (GtkFileChooser       *chooser,
                    DraftingExportFormat  format)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (filter_format (filter) == format)
        return filter;
    }

  return NULL;
}

/* @name with the extension of @format: in place of that of another
 * format, else after what it has ("Draft v.2" becomes "Draft v.2.odt"). */
static char *
with_export_extension (const char           *name,
                       DraftingExportFormat  format)
{
  DraftingExportFormat named = drafting_export_format_for_name (name);
  gsize stem = strlen (name);

  if (named != DRAFTING_EXPORT_FORMAT_UNKNOWN)
    stem -= strlen (drafting_export_format_get_extension (named));

  return g_strdup_printf ("%.*s%s", (int) stem, name,
                          drafting_export_format_get_extension (format));
}

static void
on_export_filter_changed (GtkFileChooser *chooser,
                          GParamSpec     *pspec G_GNUC_UNUSED,
                          gpointer        user_data G_GNUC_UNUSED)
{
  DraftingExportFormat format = filter_format (gtk_file_chooser_get_filter (chooser));
  g_autofree char *name = NULL;
  g_autofree char *proposed = NULL;

  if (format == DRAFTING_EXPORT_FORMAT_UNKNOWN ||
      (name = gtk_file_chooser_get_current_name (chooser)) == NULL || name[0] == '\0' ||
      drafting_export_format_for_name (name) == format)
    return;

  proposed = with_export_extension (name, format);
  gtk_file_chooser_set_current_name (chooser, proposed);
}

/* GtkFileChooserNative says nothing while it is shown. Where it shows
 * GTK's own dialog (everywhere but in a sandbox, where the desktop's
 * portal shows its own), that dialog says when the filter changes; it is
 * found among the windows by the filters it shares with @native. */
static void
on_export_shown (GtkNativeDialog *native,
                 GParamSpec      *pspec G_GNUC_UNUSED,
                 gpointer         user_data G_GNUC_UNUSED)
{
  GtkFileFilter *first = find_export_filter (GTK_FILE_CHOOSER (native), DRAFTING_EXPORT_FORMAT_PDF);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (!gtk_native_dialog_get_visible (native) || first == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window) &&
          find_export_filter (GTK_FILE_CHOOSER (window), DRAFTING_EXPORT_FORMAT_PDF) == first)
        {
          if (g_object_get_data (G_OBJECT (window), FOLLOWS_FILTER_KEY) == NULL)
            {
              g_object_set_data (G_OBJECT (window), FOLLOWS_FILTER_KEY, GINT_TO_POINTER (TRUE));
              g_signal_connect (window, "notify::filter",
                                G_CALLBACK (on_export_filter_changed), NULL);
            }
          break;
        }
    }
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
      add_filter (chooser, _("Documents Drafting Reads"), TRUE, TRUE);
      add_filter (chooser, _("Drafting Documents"), TRUE, FALSE);
      add_filter (chooser, _("Text to Import"), FALSE, TRUE);
      break;

    case DRAFTING_FILE_CHOOSER_SAVE:
      dialog = gtk_file_chooser_native_new (_("Save As"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      add_filter (chooser, _("Drafting Documents"), TRUE, FALSE);
      break;

    case DRAFTING_FILE_CHOOSER_EXPORT:
      dialog = gtk_file_chooser_native_new (_("Export"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      chooser = GTK_FILE_CHOOSER (dialog);
      add_export_filter (chooser, _("PDF"), DRAFTING_EXPORT_FORMAT_PDF, FALSE);
      add_export_filter (chooser, _("OpenDocument Text"), DRAFTING_EXPORT_FORMAT_ODT, FALSE);
      add_export_filter (chooser, _("Word"), DRAFTING_EXPORT_FORMAT_DOCX, FALSE);
      add_export_filter (chooser, _("Akoma Ntoso XML"), DRAFTING_EXPORT_FORMAT_AKN, FALSE);
      /* The table of the amendments, for a committee to work through. */
      add_export_filter (chooser, _("Compilation of Amendments (OpenDocument Text)"),
                         DRAFTING_EXPORT_FORMAT_ODT, TRUE);
      add_export_filter (chooser, _("Compilation of Amendments (Word)"),
                         DRAFTING_EXPORT_FORMAT_DOCX, TRUE);
      g_signal_connect (dialog, "notify::visible", G_CALLBACK (on_export_shown), NULL);
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

  /* The filter of the format the name proposed has. */
  if (purpose == DRAFTING_FILE_CHOOSER_EXPORT && name != NULL)
    {
      GtkFileFilter *filter = find_export_filter (chooser, drafting_export_format_for_name (name));

      if (filter != NULL)
        gtk_file_chooser_set_filter (chooser, filter);
    }

  return dialog;
}

/**
 * drafting_file_chooser_get_export_format:
 * @chooser: a file chooser for %DRAFTING_FILE_CHOOSER_EXPORT, answered
 *
 * Returns: the format to export in: the one the extension of the name
 *   typed names, else the one of the filter chosen, else PDF
 */
DraftingExportFormat
drafting_file_chooser_get_export_format (GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  DraftingExportFormat format = DRAFTING_EXPORT_FORMAT_UNKNOWN;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), DRAFTING_EXPORT_FORMAT_UNKNOWN);

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (name = g_file_get_basename (file)) != NULL)
    format = drafting_export_format_for_name (name);
  if (format == DRAFTING_EXPORT_FORMAT_UNKNOWN)
    format = filter_format (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)));
  if (format == DRAFTING_EXPORT_FORMAT_UNKNOWN)
    format = DRAFTING_EXPORT_FORMAT_PDF;

  return format;
}

/**
 * drafting_file_chooser_get_export_form:
 * @chooser: a file chooser for %DRAFTING_FILE_CHOOSER_EXPORT, answered
 *
 * Returns: the form to export: the compilation of the amendments when a
 *   compilation's filter is chosen and the format has one, else the clean
 *   form, which the caller makes follow the view
 */
DraftingExportForm
drafting_file_chooser_get_export_form (GtkFileChooserNative *chooser)
{
  GtkFileFilter *filter;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), DRAFTING_EXPORT_FORM_CLEAN);

  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (filter != NULL && g_object_get_data (G_OBJECT (filter), COMPILATION_KEY) != NULL &&
      drafting_export_format_has_form (drafting_file_chooser_get_export_format (chooser),
                                       DRAFTING_EXPORT_FORM_COMPILATION))
    return DRAFTING_EXPORT_FORM_COMPILATION;

  return DRAFTING_EXPORT_FORM_CLEAN;
}

/**
 * drafting_file_chooser_get_file:
 *
 * Returns: (transfer full) (nullable): the file chosen to save or export
 *   to; a name typed without an extension gets the one of what is written
 *   (for an export, a name without the extension of a format it writes
 *   gets that of drafting_file_chooser_get_export_format())
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
  if (name == NULL || parent == NULL)
    return g_steal_pointer (&file);

  if (purpose == DRAFTING_FILE_CHOOSER_EXPORT)
    {
      if (drafting_export_format_for_name (name) != DRAFTING_EXPORT_FORMAT_UNKNOWN)
        return g_steal_pointer (&file);
      with = with_export_extension (name, drafting_file_chooser_get_export_format (chooser));
      return g_file_get_child (parent, with);
    }

  if (strchr (name, '.') != NULL)
    return g_steal_pointer (&file);

  with = g_strconcat (name,
                      purpose == DRAFTING_FILE_CHOOSER_SAVE ? DRAFTING_NATIVE_EXTENSION :
                      DRAFTING_AMENDMENT_FILE_EXTENSION,
                      NULL);
  return g_file_get_child (parent, with);
}
