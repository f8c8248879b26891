/* main.c: where the window starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "drafting-application.h"

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

  app = drafting_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
