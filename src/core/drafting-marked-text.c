/* drafting-marked-text.c: text with the words a change inserts and deletes marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is inserted or deleted, and by whom, is decided here once: the
 * window underlines and strikes through these runs, the command line
 * writes them as wdiff does, and the exports will read them too. A
 * marked text holds both sides of a change: deleted words stay in the
 * text, in their runs, next to the words inserted in their place.
 */

#include "config.h"

#include <string.h>

#include "drafting-marked-text.h"

#include "drafting-diff.h"

struct _DraftingMarkedText
{
  GString *text;
  GArray  *runs;   /* of DraftingMarkedRun, in order, none of them empty */
};

/**
 * drafting_marked_text_new:
 *
 * Returns: (transfer full): an empty marked text
 */
DraftingMarkedText *
drafting_marked_text_new (void)
{
  DraftingMarkedText *self = g_new0 (DraftingMarkedText, 1);

  self->text = g_string_new (NULL);
  self->runs = g_array_new (FALSE, FALSE, sizeof (DraftingMarkedRun));

  return self;
}

void
drafting_marked_text_free (DraftingMarkedText *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->runs);
  g_free (self);
}

const char *
drafting_marked_text_get_text (DraftingMarkedText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

gsize
drafting_marked_text_get_length (DraftingMarkedText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->text->len;
}

guint
drafting_marked_text_get_n_runs (DraftingMarkedText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->runs->len;
}

/**
 * drafting_marked_text_get_run:
 * @self: a marked text
 * @index: which run, from 0
 *
 * Returns: (transfer none): the run, valid until @self changes
 */
const DraftingMarkedRun *
drafting_marked_text_get_run (DraftingMarkedText *self,
                              guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->runs->len, NULL);

  return &g_array_index (self->runs, DraftingMarkedRun, index);
}

gboolean
drafting_marked_text_has_changes (DraftingMarkedText *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->runs->len > 0;
}

static void
add_run (DraftingMarkedText *self,
         gsize               start,
         gsize               end,
         DraftingChange      change,
         const char         *author,
         const char         *amendment)
{
  DraftingMarkedRun run = { change, start, end, author, amendment };

  if (start == end)
    return;

  if (self->runs->len > 0)
    {
      DraftingMarkedRun *last = &g_array_index (self->runs, DraftingMarkedRun, self->runs->len - 1);

      /* Interned: the same change by the same hand is one run. */
      if (last->end == start && last->change == change && last->author == author &&
          last->amendment == amendment)
        {
          last->end = end;
          return;
        }
    }

  g_array_append_val (self->runs, run);
}

/**
 * drafting_marked_text_append:
 * @self: a marked text
 * @text: text to add at its end
 * @length: the bytes of @text to add, or -1 for all
 * @change: what a change does to it, or %DRAFTING_CHANGE_NONE
 * @author: (nullable): who made the change
 * @amendment: (nullable): the identifier of the amendment that makes it
 *
 * Adds @text, marked as @change made. Line breaks in it are left out of
 * its runs.
 */
void
drafting_marked_text_append (DraftingMarkedText *self,
                             const char         *text,
                             gssize              length,
                             DraftingChange      change,
                             const char         *author,
                             const char         *amendment)
{
  gsize start;
  gsize end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  start = self->text->len;
  g_string_append_len (self->text, text, length < 0 ? (gssize) strlen (text) : length);
  end = self->text->len;

  if (change == DRAFTING_CHANGE_NONE)
    return;

  author = g_intern_string (author);
  amendment = g_intern_string (amendment);

  for (gsize i = start; i < end; i++)
    if (self->text->str[i] == '\n')
      {
        add_run (self, start, i, change, author, amendment);
        start = i + 1;
      }
  add_run (self, start, end, change, author, amendment);
}

/**
 * drafting_marked_text_append_marked:
 * @self: a marked text
 * @other: another, added at the end of @self with its runs
 */
void
drafting_marked_text_append_marked (DraftingMarkedText *self,
                                    DraftingMarkedText *other)
{
  gsize offset;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  offset = self->text->len;
  g_string_append_len (self->text, other->text->str, other->text->len);
  for (guint i = 0; i < other->runs->len; i++)
    {
      const DraftingMarkedRun *run = &g_array_index (other->runs, DraftingMarkedRun, i);

      add_run (self, run->start + offset, run->end + offset, run->change, run->author,
               run->amendment);
    }
}

/**
 * drafting_marked_text_append_diff:
 * @self: a marked text
 * @old_text: the text as it is
 * @new_text: the text as a change would make it
 * @language: (nullable): the texts' language, for their word boundaries
 * @author: (nullable): who proposes the change
 * @amendment: (nullable): the identifier of the amendment that makes it
 *
 * Adds the words the two texts share, the words only @old_text has as
 * deleted, and those only @new_text has as inserted, as
 * drafting_diff_words() finds them: a replaced word reads deleted, then
 * inserted.
 */
void
drafting_marked_text_append_diff (DraftingMarkedText *self,
                                  const char         *old_text,
                                  const char         *new_text,
                                  const char         *language,
                                  const char         *author,
                                  const char         *amendment)
{
  g_autoptr(GArray) spans = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (old_text != NULL);
  g_return_if_fail (new_text != NULL);

  spans = drafting_diff_words (old_text, new_text, language);
  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingDiffSpan *span = &g_array_index (spans, DraftingDiffSpan, i);

      switch (span->op)
        {
        case DRAFTING_DIFF_EQUAL:
          drafting_marked_text_append (self, old_text + span->old_start,
                                       span->old_end - span->old_start,
                                       DRAFTING_CHANGE_NONE, NULL, NULL);
          break;

        case DRAFTING_DIFF_DELETE:
          drafting_marked_text_append (self, old_text + span->old_start,
                                       span->old_end - span->old_start,
                                       DRAFTING_CHANGE_DELETED, author, amendment);
          break;

        case DRAFTING_DIFF_INSERT:
          drafting_marked_text_append (self, new_text + span->new_start,
                                       span->new_end - span->new_start,
                                       DRAFTING_CHANGE_INSERTED, author, amendment);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * drafting_marked_text_to_wdiff:
 * @self: a marked text
 *
 * Returns: (transfer full): the text as wdiff writes a difference:
 *   deleted runs between "[-" and "-]", inserted ones between "{+" and
 *   "+}"
 */
char *
drafting_marked_text_to_wdiff (DraftingMarkedText *self)
{
  GString *out;
  gsize at = 0;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_sized_new (self->text->len + 8 * self->runs->len);
  for (guint i = 0; i < self->runs->len; i++)
    {
      const DraftingMarkedRun *run = &g_array_index (self->runs, DraftingMarkedRun, i);
      gboolean inserted = run->change == DRAFTING_CHANGE_INSERTED;

      g_string_append_len (out, self->text->str + at, run->start - at);
      g_string_append (out, inserted ? "{+" : "[-");
      g_string_append_len (out, self->text->str + run->start, run->end - run->start);
      g_string_append (out, inserted ? "+}" : "-]");
      at = run->end;
    }
  g_string_append_len (out, self->text->str + at, self->text->len - at);

  return g_string_free (out, FALSE);
}

/**
 * drafting_marked_text_to_plain:
 * @self: a marked text
 * @leave_out: the runs to leave out: %DRAFTING_CHANGE_INSERTED for the
 *   text as it was, %DRAFTING_CHANGE_DELETED for the text as changed
 *
 * Returns: (transfer full): the text on one side of its changes
 */
char *
drafting_marked_text_to_plain (DraftingMarkedText *self,
                               DraftingChange      leave_out)
{
  GString *out;
  gsize at = 0;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_sized_new (self->text->len);
  for (guint i = 0; i < self->runs->len; i++)
    {
      const DraftingMarkedRun *run = &g_array_index (self->runs, DraftingMarkedRun, i);

      if (run->change != leave_out)
        continue;
      g_string_append_len (out, self->text->str + at, run->start - at);
      at = run->end;
    }
  g_string_append_len (out, self->text->str + at, self->text->len - at);

  return g_string_free (out, FALSE);
}

/**
 * drafting_marked_text_foreach_segment:
 * @self: a marked text
 * @func: (scope call): called for each segment, in order
 * @user_data: given to @func
 *
 * Walks @self as a writer lays it out: a segment for each stretch of one
 * change, cut at each line break, the break itself left out and told by
 * @line_ends.
 */
void
drafting_marked_text_foreach_segment (DraftingMarkedText        *self,
                                      DraftingMarkedSegmentFunc  func,
                                      gpointer                   user_data)
{
  const char *text = drafting_marked_text_get_text (self);
  gsize length = drafting_marked_text_get_length (self);
  guint n_runs = drafting_marked_text_get_n_runs (self);
  guint r = 0;
  gsize at = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  while (at < length)
    {
      const DraftingMarkedRun *changed = r < n_runs ? drafting_marked_text_get_run (self, r) : NULL;
      gboolean inside = changed != NULL && changed->start <= at;
      gsize stop = inside ? changed->end : changed != NULL ? changed->start : length;
      const char *newline = memchr (text + at, '\n', stop - at);

      /* Changes never hold a line break. */
      if (newline != NULL)
        stop = newline - text;
      if (stop > at || newline != NULL)
        func (text + at, stop - at, inside ? changed->change : DRAFTING_CHANGE_NONE,
              newline != NULL, user_data);
      if (inside && stop >= changed->end)
        r++;
      at = newline != NULL ? stop + 1 : stop;
    }
}
