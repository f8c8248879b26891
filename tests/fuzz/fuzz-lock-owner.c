/* fuzz-lock-owner.c: the reader of lock files, LibreOffice's and ours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-file-lock-private.h"
#include "drafting-fuzz-utils.h"

/*
 * A lock file beside a document may have been written by anyone. Reading
 * it always names an owner, with four fields of UTF-8 text (empty when the
 * bytes are not a lock) and a pid that is a process's or 0. An owner
 * written again as Drafting writes a lock, each field escaped, reads back
 * as the same owner.
 */

static void
check_field (const char *name,
             const char *value)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    drafting_fuzz_fail ("The lock's %s is missing, or not UTF-8", name);
}

/* As the lock's writer does: '\', ',' and ';' escaped by a '\'. */
static void
append_escaped (GString    *line,
                const char *field)
{
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (line, '\\');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, ',');
}

static gboolean
owners_equal (const DraftingLockOwner *a,
              const DraftingLockOwner *b)
{
  return g_str_equal (a->name, b->name) && g_str_equal (a->login, b->login) &&
         g_str_equal (a->host, b->host) && g_str_equal (a->date, b->date) &&
         a->pid == b->pid && a->stale == b->stale;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DraftingLockOwner) owner = NULL;
  g_autoptr(DraftingLockOwner) copy = NULL;
  g_autoptr(DraftingLockOwner) again = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  owner = _drafting_lock_owner_parse ((const char *) data, size);
  if (owner == NULL)
    drafting_fuzz_fail ("A lock was read as no owner at all");

  check_field ("name", owner->name);
  check_field ("login", owner->login);
  check_field ("host", owner->host);
  check_field ("date", owner->date);
  if (owner->pid < 0 || owner->stale)
    drafting_fuzz_fail ("The lock's pid is %d, or it is stale without being looked at",
                        owner->pid);

  copy = drafting_lock_owner_copy (owner);
  if (!owners_equal (owner, copy))
    drafting_fuzz_fail ("A copy of the lock's owner is another owner");

  /* What is not a lock names nobody; it is not written again. */
  if (owner->name[0] == '\0' && owner->login[0] == '\0' && owner->host[0] == '\0' &&
      owner->date[0] == '\0' && owner->pid == 0)
    return 0;

  append_escaped (line, owner->name);
  append_escaped (line, owner->login);
  append_escaped (line, owner->host);
  append_escaped (line, owner->date);
  if (owner->pid > 0)
    g_string_append_printf (line, "%d", owner->pid);
  g_string_append_c (line, ';');

  if (line->len > DRAFTING_LOCK_MAX_SIZE)
    return 0;

  again = _drafting_lock_owner_parse (line->str, line->len);
  if (!owners_equal (owner, again))
    drafting_fuzz_fail ("The lock written again as “%s” reads as another owner", line->str);

  return 0;
}
