/* wco-draft.c: the command-line tool over Drafting's core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "drafting-core.h"
#include "wco-draft-spell.h"
#include "wco-draft-tool.h"

/*
 * wco-draft import FILE.txt -o FILE.wcodraft
 * wco-draft convert IN -o OUT
 * wco-draft validate FILE...
 * wco-draft outline FILE [--json]
 * wco-draft amendments|propose|accept|reject|withdraw|reopen|text ...
 *   (wco-draft-amendments.c)
 * wco-draft revise|revisions|compare ... (wco-draft-revisions.c)
 * wco-draft export FILE -o OUT [--form F] [--delegation D]... (wco-draft-export.c)
 *
 * Exit status: 0 when all went well, 1 when a file was refused or could
 * not be written, 2 when the command line is wrong.
 */

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

void
tool_print_warnings (const char *path,
                     GPtrArray  *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      DraftingImportWarning *warning = g_ptr_array_index (warnings, i);

      /* Translators: a warning about a line of a file: "notes.txt:12: warning: ..." */
      g_printerr (_("%s:%u: warning: %s\n"), path, warning->line, warning->message);
    }
}

void
tool_print_error (const char   *path,
                  const GError *error)
{
  g_printerr ("%s: %s\n", path, error->message);
}

/* Whether @path is in Drafting's own format, the only one that keeps
 * amendments and revisions. */
gboolean
tool_is_native (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return drafting_format_for_file (file) == DRAFTING_FORMAT_NATIVE;
}

DraftingDocument *
tool_load (const char *path,
           gboolean    show_warnings)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  DraftingDocument *document;

  document = drafting_load_file (file, &warnings, NULL, &error);
  if (document == NULL)
    {
      tool_print_error (path, error);
      return NULL;
    }

  if (show_warnings)
    tool_print_warnings (path, warnings);

  return document;
}

gboolean
tool_save (DraftingDocument *document,
           const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!drafting_save_file (document, file, NULL, &error))
    {
      tool_print_error (path, error);
      return FALSE;
    }

  return TRUE;
}

GOptionContext *
tool_new_context (const char   *parameters,
                  const char   *summary,
                  GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
tool_parse (GOptionContext  *context,
            int             *argc,
            char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("wco-draft: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

int
tool_usage_error (GOptionContext *context,
                  const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("wco-draft: %s\n\n%s", message, help);
  return 2;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the document (.wcodraft)"), N_("FILE") },
    { NULL }
  };

  context = tool_new_context (_("FILE.txt"),
                         _("Reads the text of a resolution or communiqué, as pasted from a PDF or "
                           "word processor, and writes it as a structured document.\n\n"
                           "Lines that cannot be placed are kept as plain paragraphs and "
                           "reported as warnings."),
                         entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("import takes one text file"));
  if (output == NULL)
    return tool_usage_error (context, _("say where to write the document with -o FILE"));

  if ((document = tool_load (argv[1], TRUE)) == NULL)
    return 1;

  return tool_save (document, output) ? 0 : 1;
}

static int
command_convert (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write, in the format its extension names"), N_("FILE") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                         _("Writes a document in another format, chosen by the extension of the "
                           "output: .wcodraft for Drafting's own format, .txt for plain text laid "
                           "out as the document prints."),
                         entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("convert takes one file"));
  if (output == NULL)
    return tool_usage_error (context, _("say where to write with -o FILE"));

  if ((document = tool_load (argv[1], TRUE)) == NULL)
    return 1;

  return tool_save (document, output) ? 0 : 1;
}

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = 0;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Say only what is wrong"), NULL },
    { NULL }
  };

  context = tool_new_context (_("FILE…"),
                         _("Checks that each file is a valid Drafting document: well-formed, "
                           "safe, of a format version this build reads, and following the format's "
                           "schema. What is wrong is reported with its line and column."),
                         entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    return tool_usage_error (context, _("validate takes at least one file"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = drafting_native_load_file (file, NULL, &error);
      if (document == NULL)
        {
          tool_print_error (argv[i], error);
          status = 1;
        }
      else if (!quiet)
        /* Translators: %s is a file name */
        g_print (_("%s: valid\n"), argv[i]);
    }

  return status;
}

static int
command_outline (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *outline = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON tree of {id, kind, number, lead, text, children}"), NULL },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                         _("Prints the structure of a document (Drafting's own format or text), "
                           "one element a line, indented by depth: its kind, its number, and its "
                           "leading phrase or first words."),
                         entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("outline takes one file"));

  if ((document = tool_load (argv[1], !json)) == NULL)
    return 1;

  outline = json ? drafting_outline_to_json (document) : drafting_outline_to_text (document);
  g_print ("%s%s", outline, json ? "\n" : "");

  return 0;
}

static const Command commands[] = {
  { "import", N_("FILE.txt -o FILE.wcodraft"), N_("Turn pasted text into a structured document"), command_import },
  { "convert", N_("FILE -o FILE"), N_("Write a document in another format"), command_convert },
  { "validate", N_("FILE…"), N_("Check documents against the format"), command_validate },
  { "outline", N_("FILE [--json]"), N_("Print the structure of a document"), command_outline },
  { "amendments", N_("FILE [--json] [--delegation D] [--status S]"),
    N_("List the amendments of a document"), tool_command_amendments },
  { "propose", N_("FILE --delegation D ACTION…"), N_("Propose an amendment"), tool_command_propose },
  { "accept", N_("FILE AMENDMENT-ID…"), N_("Accept amendments into the text"), tool_command_accept },
  { "reject", N_("FILE AMENDMENT-ID…"), N_("Reject amendments"), tool_command_reject },
  { "withdraw", N_("FILE AMENDMENT-ID…"), N_("Withdraw amendments"), tool_command_withdraw },
  { "reopen", N_("FILE AMENDMENT-ID…"), N_("Make decided amendments proposed again"), tool_command_reopen },
  { "text", N_("FILE [--view clean|tracked|proposed]"),
    N_("Print the text: clean, changes marked, or as proposed"), tool_command_text },
  { "export-amendments", N_("FILE [--delegation D] -o OUT"),
    N_("Write proposed amendments as a file of their own"), tool_command_export_amendments },
  { "import-amendments", N_("FILE AMENDMENT-FILE…"),
    N_("Add the amendments of files of amendments"), tool_command_import_amendments },
  { "export", N_("FILE -o OUT.pdf|.odt|.docx|.xml [--form clean|tracked|compilation] [--format akn] …"),
    N_("Write a document for others to read, laid out as it prints"), tool_command_export },
  { "revise", N_("FILE --label LABEL"), N_("Issue a revision: keep the text as it is now"),
    tool_command_revise },
  { "revisions", N_("FILE [--json]"), N_("List the revisions of a document"), tool_command_revisions },
  { "compare", N_("FILE --from LABEL --to LABEL|present [--json]"),
    N_("Compare two revisions, or one and the present text"), tool_command_compare },
  { "spell", N_("FILE [--lang LANG] [--json]"), N_("List the misspelt words of a document"), tool_command_spell },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  wco-draft %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] ARGUMENTS"),
           _("Works on the resolutions and communiqués that Drafting edits."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  glong width = 0;
  int name_width = 0;

  /* The column as wide as the widest translation needs. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      width = MAX (width, g_utf8_strlen (_(commands[i].args), -1));
      name_width = MAX (name_width, (int) strlen (commands[i].name));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args = _(commands[i].args);
      int pad = (int) width - (int) g_utf8_strlen (args, -1);

      /* Padded by characters, not bytes: "FILE…" is five wide. */
      fprintf (stream, "  %-*s %s%*s %s\n", name_width, commands[i].name, args, MAX (pad, 0), "",
               _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Run “wco-draft COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  drafting_core_init ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("wco-draft %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strconcat ("wco-draft ", commands[i].name, NULL);

        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  /* Translators: %s is what was typed where a command was expected */
  g_printerr (_("wco-draft: there is no command “%s”\n\n"), argv[1]);
  print_help (stderr);
  return 2;
}
