/* wco-draft-export.c: wco-draft export, a document written for others to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-pdf-export.h"
#include "wco-draft-tool.h"

/*
 * wco-draft export FILE -o OUT.pdf [--form clean|tracked] [--delegation D]…
 *
 * The output's extension says what to write. A PDF is laid out on A4 as
 * the window prints it, by the same core, without a display: the present
 * text (clean), or with the open amendments marked as the window's marked
 * view marks them (tracked), those of the delegations named, or all.
 */

typedef enum
{
  FORM_CLEAN,
  FORM_TRACKED,
} Form;

static gboolean
parse_form (const char *name,
            Form       *form)
{
  if (name == NULL || strcmp (name, "clean") == 0)
    *form = FORM_CLEAN;
  else if (strcmp (name, "tracked") == 0)
    *form = FORM_TRACKED;
  else
    return FALSE;

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
  g_auto(GStrv) delegations = NULL;
  Form form;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write, in the format its extension names: .pdf"), N_("FILE") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form_name,
      N_("clean: the present text (the default); tracked: the proposed amendments marked"),
      N_("FORM") },
    { "delegation", 0, 0, G_OPTION_ARG_STRING_ARRAY, &delegations,
      N_("With --form tracked, only the amendments this delegation proposes or co-sponsors; "
         "may be given more than once"), N_("D") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Writes a document for others to read, laid out as it prints: "
                                "a PDF on A4 pages, by the same layout as the window's printing."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("export takes one document"));
  if (output == NULL)
    return tool_usage_error (context, _("say where to write with -o FILE"));
  if (!parse_form (form_name, &form))
    return tool_usage_error (context, _("the form is clean or tracked"));
  if (delegations != NULL && form != FORM_TRACKED)
    return tool_usage_error (context, _("--delegation chooses the amendments of --form tracked"));
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    return tool_usage_error (context, _("the output's extension says what to write: .pdf for PDF"));

  if ((document = tool_load (argv[1], TRUE)) == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!drafting_pdf_export_write (document, file, form == FORM_TRACKED,
                                  (const char * const *) delegations, NULL, &error))
    {
      tool_print_error (output, error);
      return 1;
    }

  return 0;
}
