/* drafting-time.c: times as a person reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-time"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-time.h"

/**
 * drafting_time_format:
 *
 * Says when @time was in the local time zone, in words no reader can
 * take for another date: "1 December 2026, 02:06", never "12/01/26".
 *
 * Returns: (transfer full): the date and time
 */
char *
drafting_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  char *text;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date and time shown to a person, as "1 December 2026,
   * 02:06"; see g_date_time_format() for the codes: %-d the day, %B the
   * month's name, %Y the year, %H:%M the hour and minutes. Write the month
   * in words, so that no reader takes the day for the month. */
  text = g_date_time_format (local, C_("date and time", "%-d %B %Y, %H:%M"));

  return text != NULL ? text : g_date_time_format (local, "%Y-%m-%d %H:%M");
}
