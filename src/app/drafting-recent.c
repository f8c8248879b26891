/* drafting-recent.c: the documents opened and saved lately
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-recent"

#include "config.h"

#include "drafting-core.h"
#include "drafting-recent.h"

/*
 * The recently used documents are the desktop's (GtkRecentManager, in
 * recently-used.xbel): the ones Drafting added are its own, and a file
 * that has gone is not offered.
 */

#define RECENT_APPLICATION "Drafting"

/**
 * drafting_recent_add:
 *
 * Adds @file, a document in the native format just opened or saved, to
 * the recently used documents.
 */
void
drafting_recent_add (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData recent = {
    NULL, NULL, (char *) DRAFTING_NATIVE_MIME_TYPE, (char *) RECENT_APPLICATION,
    (char *) "wco-drafting %u", NULL, FALSE,
  };

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &recent);
}

static int
compare_recent (GtkRecentInfo *a,
                GtkRecentInfo *b)
{
  return g_date_time_compare (gtk_recent_info_get_modified (b), gtk_recent_info_get_modified (a));
}

/**
 * drafting_recent_list:
 * @max_items: how many at most
 *
 * Returns: (transfer container) (element-type GtkRecentInfo): the
 *   documents Drafting used lately that still exist, the latest first
 */
GPtrArray *
drafting_recent_list (guint max_items)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  /* GtkRecentManager lists them in no order. */
  items = g_list_sort (items, (GCompareFunc) compare_recent);
  for (GList *l = items; l != NULL && found->len < max_items; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APPLICATION) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (found, gtk_recent_info_ref (info));
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}
