/* fuzz-draft-info.c: the reader of the key files that describe drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-draft-store-private.h"
#include "drafting-fuzz-utils.h"

/*
 * The key file of a draft sits in the user's data folder, where anything
 * may have changed it. Reading it gives nothing, or a draft with a title
 * in UTF-8 and an original that is a URI; what it says, written again as
 * the draft store writes it, reads back the same.
 */

#define ID "0f8fad5b-d9cb-469f-a165-70867728950e"

static void
check_info (const DraftingDraftInfo *info)
{
  if (g_strcmp0 (info->id, ID) != 0)
    drafting_fuzz_fail ("The draft's id is “%s”, not the one asked for", info->id);
  if (info->title == NULL || !g_utf8_validate (info->title, -1, NULL))
    drafting_fuzz_fail ("The draft's title is missing, or not UTF-8");
  if (info->uri != NULL && !g_uri_is_valid (info->uri, G_URI_FLAGS_NONE, NULL))
    drafting_fuzz_fail ("The draft's original “%s” is not a URI", info->uri);
  if (info->size != 0)
    drafting_fuzz_fail ("The draft's size was read from its key file");
}

/* Whether @a and @b are the same time, to the microsecond that writing
 * and reading it in ISO 8601 may round. */
static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return ABS (g_date_time_difference (a, b)) <= 1;
}

static gboolean
infos_equal (const DraftingDraftInfo *a,
             const DraftingDraftInfo *b)
{
  return g_str_equal (a->id, b->id) && g_strcmp0 (a->uri, b->uri) == 0 &&
         g_str_equal (a->title, b->title) && same_time (a->modified, b->modified) &&
         a->size == b->size;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DraftingDraftInfo) info = NULL;
  g_autoptr(DraftingDraftInfo) copy = NULL;
  g_autoptr(DraftingDraftInfo) again = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *written = NULL;
  gboolean owner_alive = TRUE;
  gsize len;

  info = _drafting_draft_info_parse (ID, (const char *) data, size, &owner_alive);
  if (info == NULL)
    {
      if (owner_alive)
        drafting_fuzz_fail ("What is not a draft's key file has an owner alive");
      return 0;
    }

  check_info (info);
  copy = drafting_draft_info_copy (info);
  if (!infos_equal (info, copy))
    drafting_fuzz_fail ("A copy of the draft's info is another");

  /* Written again as the store writes it. */
  keyfile = g_key_file_new ();
  g_key_file_set_integer (keyfile, "Draft", "Version", 1);
  if (info->uri != NULL)
    g_key_file_set_string (keyfile, "Draft", "Original", info->uri);
  g_key_file_set_string (keyfile, "Draft", "Title", info->title);
  if (info->modified != NULL)
    {
      g_autofree char *modified = g_date_time_format_iso8601 (info->modified);

      g_key_file_set_string (keyfile, "Draft", "Modified", modified);
    }
  written = g_key_file_to_data (keyfile, &len, NULL);
  if (len > DRAFTING_DRAFT_INFO_MAX_SIZE)
    return 0;

  again = _drafting_draft_info_parse (ID, written, len, NULL);
  if (again == NULL || !infos_equal (info, again))
    drafting_fuzz_fail ("The draft's info written again reads otherwise:\n%s", written);

  return 0;
}
