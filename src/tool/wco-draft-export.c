/* wco-draft-export.c: wco-draft export, a document written for others to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-akn.h"
#include "drafting-export.h"
#include "wco-draft-tool.h"

/*
 * wco-draft export FILE -o OUT.pdf|OUT.odt|OUT.docx [--form clean|tracked] [--delegation D]…
 * wco-draft export FILE -o OUT.odt|OUT.docx --form compilation [--delegation D]…
 * wco-draft export FILE -o OUT.xml --format akn [--amendments FOLDER [--delegation D]…]
 *
 * The output's extension says what to write. A PDF is laid out on A4 as
 * the window prints it, by the same core, without a display: the present
 * text (clean), or with the open amendments marked as the window's marked
 * view marks them (tracked), those of the delegations named, or all. An
 * OpenDocument Text (.odt) has the present text, laid out by the same
 * layout, with named styles to restyle it by; in the tracked form, the
 * text as proposed, each change from the present text an ODF tracked
 * change authored by its delegation, as LibreOffice's Accept All and
 * Reject All expect; a Word document (.docx) the same, in WordprocessingML
 * with w:ins and w:del. The compilation form (.odt or .docx) is the table
 * of the amendments, in the order of the text, in the document's
 * language. Akoma Ntoso (--format akn) is the document's
 * structure for archives: a statement, and with --amendments each
 * amendment as an amendment document in the folder.
 */

static gboolean
parse_form (const char         *name,
            DraftingExportForm *form)
{
  if (name == NULL || strcmp (name, "clean") == 0)
    *form = DRAFTING_EXPORT_FORM_CLEAN;
  else if (strcmp (name, "tracked") == 0)
    *form = DRAFTING_EXPORT_FORM_TRACKED;
  else if (strcmp (name, "compilation") == 0)
    *form = DRAFTING_EXPORT_FORM_COMPILATION;
  else
    return FALSE;

  return TRUE;
}

/* Bytes made in memory, written in place of what was there only once
 * they are whole. */
static gboolean
replace_with (GFile   *file,
              GBytes  *bytes,
              GError **error)
{
  gconstpointer data;
  gsize length;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);

  return drafting_file_replace (file, data, length, NULL, error);
}

/* Each amendment of @document (of @delegations, if given) as an Akoma
 * Ntoso amendment document of its own in @folder, made if need be. */
static gboolean
write_akn_amendments (DraftingDocument    *document,
                      const char          *folder,
                      const char * const  *delegations,
                      GError             **error)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (folder);

  if (!g_file_make_directory_with_parents (dir, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return FALSE;
      g_clear_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gboolean chosen = delegations == NULL;

      for (guint d = 0; delegations != NULL && delegations[d] != NULL && !chosen; d++)
        chosen = drafting_amendment_involves (amendment, delegations[d]);
      if (!chosen)
        continue;

      name = drafting_akn_amendment_name (amendment);
      file = g_file_get_child (dir, name);
      bytes = drafting_akn_write_amendment (document, amendment, error);
      if (!replace_with (file, bytes, error))
        return FALSE;
    }

  return TRUE;
}

int
tool_command_export (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *form_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *amendments_dir = NULL;
  g_auto(GStrv) delegations = NULL;
  const char * const *chosen;
  DraftingExportFormat kind;
  DraftingExportForm form;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write, in the format its extension names: .pdf, .odt or .docx"), N_("FILE") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form_name,
      N_("clean: the present text (the default); tracked: the proposed amendments marked; "
         "compilation: a table of the amendments (.odt and .docx)"),
      N_("FORM") },
    { "delegation", 0, 0, G_OPTION_ARG_STRING_ARRAY, &delegations,
      N_("Only the amendments this delegation proposes or co-sponsors, with --form tracked, "
         "--form compilation or --amendments; may be given more than once"), N_("D") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("akn: Akoma Ntoso (OASIS LegalDocML) XML, for an output ending in .xml"), N_("FORMAT") },
    { "amendments", 0, 0, G_OPTION_ARG_FILENAME, &amendments_dir,
      N_("With --format akn, also each amendment as an Akoma Ntoso amendment, in this folder"),
      N_("FOLDER") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Writes a document for others to read, laid out as it prints, by "
                                "the same layout as the window's printing: a PDF on A4 pages, "
                                "OpenDocument Text or Word with a style for each kind of element; "
                                "or, with --format akn, as Akoma Ntoso for archives."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("export takes one document"));
  if (output == NULL)
    return tool_usage_error (context, _("say where to write with -o FILE"));
  if (!parse_form (form_name, &form))
    return tool_usage_error (context, _("the form is clean, tracked or compilation"));

  if (format != NULL && strcmp (format, "akn") != 0)
    return tool_usage_error (context, _("the only format to name is akn, for Akoma Ntoso"));
  if (format != NULL)
    kind = DRAFTING_EXPORT_FORMAT_AKN;
  else if ((kind = drafting_export_format_for_name (output)) == DRAFTING_EXPORT_FORMAT_AKN)
    return tool_usage_error (context, _("for Akoma Ntoso, say --format akn"));
  else if (kind == DRAFTING_EXPORT_FORMAT_UNKNOWN)
    return tool_usage_error (context, _("the output's extension says what to write: .pdf for PDF, "
                                        ".odt for OpenDocument Text, .docx for Word"));

  if (kind == DRAFTING_EXPORT_FORMAT_AKN && form != DRAFTING_EXPORT_FORM_CLEAN)
    return tool_usage_error (context, _("Akoma Ntoso has the present text; its amendments go "
                                        "with --amendments FOLDER"));
  if (form == DRAFTING_EXPORT_FORM_COMPILATION && kind != DRAFTING_EXPORT_FORMAT_ODT &&
      kind != DRAFTING_EXPORT_FORMAT_DOCX)
    return tool_usage_error (context, _("a compilation of amendments is written as .odt or .docx"));
  if (amendments_dir != NULL && kind != DRAFTING_EXPORT_FORMAT_AKN)
    return tool_usage_error (context, _("--amendments goes with --format akn"));
  if (delegations != NULL && form == DRAFTING_EXPORT_FORM_CLEAN && amendments_dir == NULL)
    return tool_usage_error (context, _("--delegation chooses the amendments of --form tracked, of "
                                        "--form compilation or of --amendments"));

  if ((document = tool_load (argv[1], TRUE)) == NULL)
    return 1;

  chosen = (const char * const *) delegations;
  file = g_file_new_for_commandline_arg (output);
  if (!drafting_export_write (document, file, kind, form, chosen, NULL, &error))
    {
      tool_print_error (output, error);
      return 1;
    }

  if (amendments_dir != NULL && !write_akn_amendments (document, amendments_dir, chosen, &error))
    {
      tool_print_error (amendments_dir, error);
      return 1;
    }

  return 0;
}
