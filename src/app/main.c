/* main.c: where the window starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "drafting-application.h"
#include "drafting-preload.h"

/* The files to open are read while GTK starts, which takes about as long
 * as reading a long document; the application takes them as it opens
 * them (drafting-preload.c). Every argument that is not an option is a
 * file, as GApplication has it: the application has no options of its
 * own that take a value. */
static void
read_ahead (int    argc,
            char **argv)
{
  gboolean options = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (options && g_str_equal (argv[i], "--"))
        {
          options = FALSE;
          continue;
        }
      if (options && argv[i][0] == '-')
        {
          /* The one option of GApplication's that takes a value. */
          if (g_str_equal (argv[i], "--gapplication-app-id"))
            i++;
          continue;
        }
      file = g_file_new_for_commandline_arg (argv[i]);
      drafting_preload_start (file);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DraftingApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree, the translations are where it built them. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DRAFTING_LOCALEDIR") ? g_getenv ("DRAFTING_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Drafting"));
  drafting_core_init ();
  read_ahead (argc, argv);

  app = drafting_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
