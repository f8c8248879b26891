/* wco-draft-export.c: wco-draft export, a document written for others to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-odt.h"
#include "drafting-pdf-export.h"
#include "wco-draft-tool.h"

/*
 * wco-draft export FILE -o OUT.pdf|OUT.odt [--form clean|tracked] [--delegation D]…
 *
 * The output's extension says what to write. A PDF is laid out on A4 as
 * the window prints it, by the same core, without a display: the present
 * text (clean), or with the open amendments marked as the window's marked
 * view marks them (tracked), those of the delegations named, or all. An
 * OpenDocument Text (.odt) has the present text, laid out by the same
 * layout, with named styles to restyle it by; in the tracked form, the
 * text as proposed, each change from the present text an ODF tracked
 * change authored by its delegation, as LibreOffice's Accept All and
 * Reject All expect.
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

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *folded = g_ascii_strdown (path, -1);

  return g_str_has_suffix (folded, extension);
}

/* The package, made in memory, written in place of what was there only
 * once it is whole. */
static gboolean
write_odt (DraftingDocument    *document,
           GFile               *file,
           gboolean             tracked,
           const char * const  *delegations,
           GError             **error)
{
  g_autoptr(GBytes) package = tracked ? drafting_odt_write_tracked (document, delegations, error)
                                      : drafting_odt_write (document, error);
  gconstpointer data;
  gsize length;

  if (package == NULL)
    return FALSE;
  data = g_bytes_get_data (package, &length);

  return drafting_file_replace (file, data, length, NULL, error);
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
      N_("Where to write, in the format its extension names: .pdf or .odt"), N_("FILE") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form_name,
      N_("clean: the present text (the default); tracked: the proposed amendments marked"),
      N_("FORM") },
    { "delegation", 0, 0, G_OPTION_ARG_STRING_ARRAY, &delegations,
      N_("With --form tracked, only the amendments this delegation proposes or co-sponsors; "
         "may be given more than once"), N_("D") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Writes a document for others to read, laid out as it prints, by "
                                "the same layout as the window's printing: a PDF on A4 pages, or "
                                "OpenDocument Text with a style for each kind of element."),
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
  if (has_extension (output, ".odt"))
    ;
  else if (!has_extension (output, ".pdf"))
    return tool_usage_error (context, _("the output's extension says what to write: .pdf for PDF, "
                                        ".odt for OpenDocument Text"));

  if ((document = tool_load (argv[1], TRUE)) == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (has_extension (output, ".odt") ? !write_odt (document, file, form == FORM_TRACKED,
                                                   (const char * const *) delegations, &error)
                                     : !drafting_pdf_export_write (document, file, form == FORM_TRACKED,
                                                                   (const char * const *) delegations,
                                                                   NULL, &error))
    {
      tool_print_error (output, error);
      return 1;
    }

  return 0;
}
