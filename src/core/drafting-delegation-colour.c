/* drafting-delegation-colour.c: the colour a delegation's changes are marked in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each delegation keeps one colour from one session to the next and on
 * every machine: its name, folded to one case, chooses among twelve hues
 * of the GNOME palette by a hash that does not change between runs. The
 * light style takes the dark shade of each hue and the dark style the
 * light one, so that marked words read against either page. With 186
 * Members colours repeat; the name is always on hover and given to
 * screen readers, never left to the colour alone.
 */

#include "config.h"

#include "drafting-delegation-colour.h"

typedef struct
{
  const char *on_light;
  const char *on_dark;
} Shade;

/* GNOME HIG palette: blue, green, orange, purple, red, brown and their
 * neighbours, shades 4-5 on a light page and 1-2 on a dark one. */
static const Shade palette[] = {
  { "#1c71d8", "#99c1f1" },   /* blue */
  { "#26a269", "#8ff0a4" },   /* green */
  { "#c64600", "#ffbe6f" },   /* orange */
  { "#813d9c", "#dc8add" },   /* purple */
  { "#c01c28", "#f66151" },   /* red */
  { "#865e3c", "#cdab8f" },   /* brown */
  { "#1a5fb4", "#62a0ea" },   /* deep blue */
  { "#2d8a77", "#73d8c3" },   /* teal */
  { "#a51d2d", "#ff7b63" },   /* deep red */
  { "#613583", "#c061cb" },   /* deep purple */
  { "#9c6e03", "#f8e45c" },   /* yellow, darkened to read */
  { "#3d6b3a", "#b5e8a8" },   /* moss */
};

static guint
shade_index (const char *delegation)
{
  g_autofree char *folded = NULL;
  guint32 hash = 2166136261u;

  if (delegation == NULL)
    return 0;

  /* FNV-1a over the case-folded name: "France" and "FRANCE" agree, and
   * the value is the same in every process. */
  folded = g_utf8_casefold (delegation, -1);
  for (const guchar *p = (const guchar *) folded; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  return hash % G_N_ELEMENTS (palette);
}

/**
 * drafting_delegation_colour_hex:
 * @delegation: a delegation's name
 * @dark: whether the page is dark
 *
 * Returns: (transfer full): the colour of @delegation's marks, as
 *   "#rrggbb"
 */
char *
drafting_delegation_colour_hex (const char *delegation,
                                gboolean    dark)
{
  const Shade *shade = &palette[shade_index (delegation)];

  return g_strdup (dark ? shade->on_dark : shade->on_light);
}
