/* drafting-document-find.c: finding and replacing text across a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/* ------------------------------------------------------------------ */
/* Find and replace                                                    */

static void
find_in (const char        *haystack,
         DraftingNode      *node,
         gboolean           in_lead,
         const char        *needle,
         DraftingFindFlags  flags,
         GArray            *matches)
{
  gsize hay_len = strlen (haystack);
  gboolean match_case = (flags & DRAFTING_FIND_MATCH_CASE) != 0;

  for (const char *p = haystack; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *h = p;
      const char *n = needle;

      while (*n != '\0' && *h != '\0')
        {
          gunichar hc = g_utf8_get_char (h);
          gunichar nc = g_utf8_get_char (n);

          if (!match_case)
            {
              hc = g_unichar_tolower (hc);
              nc = g_unichar_tolower (nc);
            }
          if (hc != nc)
            break;
          h = g_utf8_next_char (h);
          n = g_utf8_next_char (n);
        }

      if (*n != '\0')
        continue;

      if ((flags & DRAFTING_FIND_WHOLE_WORDS) != 0 &&
          (!drafting_text_is_word_boundary (haystack, hay_len, p - haystack) ||
           !drafting_text_is_word_boundary (haystack, hay_len, h - haystack)))
        continue;

      {
        DraftingMatch match = { node, in_lead, p - haystack, h - haystack };

        g_array_append_val (matches, match);
        /* Matches do not overlap. */
        p = h - 1;
        while (p > haystack && ((guchar) *p & 0xC0) == 0x80)
          p--;
      }
    }
}

/**
 * drafting_document_find:
 * @needle: the text to look for
 * @flags: how to match
 *
 * Returns: (transfer full) (element-type DraftingMatch): every match, in
 *   reading order, leading phrases included
 */
GArray *
drafting_document_find (DraftingDocument  *self,
                        const char        *needle,
                        DraftingFindFlags  flags)
{
  GArray *matches;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (needle != NULL && g_utf8_validate (needle, -1, NULL), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (DraftingMatch));
  if (needle[0] == '\0')
    return matches;

  for (guint i = 0; i < self->flat->len; i++)
    {
      DraftingNode *node = g_ptr_array_index (self->flat, i);

      find_in (node->lead, node, TRUE, needle, flags, matches);
      find_in (drafting_inline_get_text (node->content), node, FALSE, needle, flags, matches);
    }

  return matches;
}

/**
 * drafting_document_replace_all:
 *
 * Replaces every match of @needle with @replacement, as one change.
 *
 * Returns: how many were replaced
 */
guint
drafting_document_replace_all (DraftingDocument  *self,
                               const char        *needle,
                               const char        *replacement,
                               DraftingFindFlags  flags)
{
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (replacement != NULL && g_utf8_validate (replacement, -1, NULL), 0);

  matches = drafting_document_find (self, needle, flags);
  if (matches->len == 0)
    return 0;

  drafting_document_begin_action (self, _("Replace All"));

  for (guint i = 0; i < matches->len;)
    {
      DraftingMatch *first = &g_array_index (matches, DraftingMatch, i);
      DraftingNode *node = first->node;
      gboolean in_lead = first->in_lead;
      guint j = i;

      while (j < matches->len &&
             g_array_index (matches, DraftingMatch, j).node == node &&
             g_array_index (matches, DraftingMatch, j).in_lead == in_lead)
        j++;

      if (in_lead)
        {
          GString *lead = g_string_new (node->lead);

          for (guint k = j; k > i; k--)
            {
              DraftingMatch *m = &g_array_index (matches, DraftingMatch, k - 1);

              g_string_erase (lead, m->start, m->end - m->start);
              g_string_insert (lead, m->start, replacement);
            }
          _drafting_document_record_lead (self, node, lead->str);
          g_string_free (lead, TRUE);
        }
      else
        {
          g_autoptr(DraftingInline) content = drafting_inline_copy (node->content);

          for (guint k = j; k > i; k--)
            {
              DraftingMatch *m = &g_array_index (matches, DraftingMatch, k - 1);

              drafting_inline_delete (content, m->start, m->end);
              drafting_inline_insert (content, m->start, replacement, -1);
            }
          _drafting_document_record_content (self, node, content);
        }

      i = j;
    }

  drafting_document_end_action (self);

  return matches->len;
}
