/* drafting-inline.c: the text of an element, with its emphasis and footnote references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-inline"

#include "config.h"

#include <string.h>

#include "drafting-inline.h"
#include "drafting-text-utils.h"

/*
 * The text is plain UTF-8, with "\n" for a line break. Marks are kept in a
 * normal form: sorted by start, then kind, then end; two emphasis marks (or
 * two strong marks) never touch or overlap, and none is empty; footnote
 * references are empty marks. Equal contents therefore have equal marks,
 * which is what makes save, load and save give the same bytes.
 */
struct _DraftingInline
{
  GString *text;
  GArray  *marks;
};

G_DEFINE_BOXED_TYPE (DraftingInline, drafting_inline,
                     drafting_inline_copy, drafting_inline_free)

static void
clear_mark (gpointer data)
{
  DraftingMark *mark = data;

  g_clear_pointer (&mark->ref, g_free);
}

static GArray *
new_marks (void)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (DraftingMark));

  g_array_set_clear_func (marks, clear_mark);
  return marks;
}

/**
 * drafting_inline_new:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): text without marks
 */
DraftingInline *
drafting_inline_new (const char *text)
{
  DraftingInline *self;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  self = g_slice_new0 (DraftingInline);
  self->text = g_string_new (text ? text : "");
  drafting_text_sanitize (self->text->str, self->text->len, FALSE);
  self->marks = new_marks ();

  return self;
}

DraftingInline *
drafting_inline_copy (const DraftingInline *self)
{
  DraftingInline *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = drafting_inline_new (NULL);
  g_string_append_len (copy->text, self->text->str, self->text->len);
  for (guint i = 0; i < self->marks->len; i++)
    {
      DraftingMark mark = g_array_index (self->marks, DraftingMark, i);

      mark.ref = g_strdup (mark.ref);
      g_array_append_val (copy->marks, mark);
    }

  return copy;
}

void
drafting_inline_free (DraftingInline *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->marks);
  g_slice_free (DraftingInline, self);
}

gboolean
drafting_inline_equal (const DraftingInline *a,
                       const DraftingInline *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (!g_string_equal (a->text, b->text) || a->marks->len != b->marks->len)
    return FALSE;

  for (guint i = 0; i < a->marks->len; i++)
    {
      const DraftingMark *ma = &g_array_index (a->marks, DraftingMark, i);
      const DraftingMark *mb = &g_array_index (b->marks, DraftingMark, i);

      if (ma->kind != mb->kind || ma->start != mb->start || ma->end != mb->end ||
          g_strcmp0 (ma->ref, mb->ref) != 0)
        return FALSE;
    }

  return TRUE;
}

const char *
drafting_inline_get_text (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

/**
 * drafting_inline_get_length:
 *
 * Returns: the length of the text in bytes
 */
gsize
drafting_inline_get_length (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->text->len;
}

gboolean
drafting_inline_is_empty (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->text->len == 0 && self->marks->len == 0;
}

guint
drafting_inline_get_n_marks (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marks->len;
}

const DraftingMark *
drafting_inline_get_mark (const DraftingInline *self,
                          guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return &g_array_index (self->marks, DraftingMark, index);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const DraftingMark *ma = a;
  const DraftingMark *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->kind != mb->kind)
    return ma->kind < mb->kind ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;
  return g_strcmp0 (ma->ref, mb->ref);
}

/* Brings the marks back to their normal form after any change. */
static void
normalize (DraftingInline *self)
{
  GArray *marks = self->marks;
  guint out = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      DraftingMark *m = &g_array_index (marks, DraftingMark, i);

      m->start = MIN (m->start, self->text->len);
      m->end = MIN (MAX (m->end, m->start), self->text->len);
      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF)
        m->end = m->start;
    }

  g_array_sort (marks, compare_marks);

  for (guint i = 0; i < marks->len; i++)
    {
      DraftingMark *m = &g_array_index (marks, DraftingMark, i);
      gboolean keep = TRUE;

      if (m->kind != DRAFTING_MARK_FOOTNOTE_REF)
        {
          if (m->start == m->end)
            keep = FALSE;
          else
            {
              /* Fold into the last kept mark of the same kind it touches. */
              for (guint j = out; j > 0; j--)
                {
                  DraftingMark *prev = &g_array_index (marks, DraftingMark, j - 1);

                  if (prev->kind != m->kind)
                    continue;
                  if (prev->end >= m->start)
                    {
                      prev->end = MAX (prev->end, m->end);
                      keep = FALSE;
                    }
                  break;
                }
            }
        }
      else
        {
          /* The same footnote is called once. */
          for (guint j = 0; j < out; j++)
            {
              DraftingMark *prev = &g_array_index (marks, DraftingMark, j);

              if (prev->kind == DRAFTING_MARK_FOOTNOTE_REF &&
                  g_strcmp0 (prev->ref, m->ref) == 0)
                {
                  keep = FALSE;
                  break;
                }
            }
        }

      if (!keep)
        {
          g_clear_pointer (&m->ref, g_free);
          continue;
        }

      if (out != i)
        {
          g_array_index (marks, DraftingMark, out) = *m;
          m->ref = NULL;
        }
      out++;
    }

  /* The tail holds only moved-out or cleared marks: drop them without
   * freeing the references they no longer own. */
  if (out < marks->len)
    {
      for (guint i = out; i < marks->len; i++)
        g_array_index (marks, DraftingMark, i).ref = NULL;
      g_array_set_size (marks, out);
    }
}

static gboolean
is_boundary (const DraftingInline *self,
             guint                 offset)
{
  if (offset > self->text->len)
    return FALSE;
  if (offset == self->text->len)
    return TRUE;
  /* Not in the middle of a UTF-8 sequence. */
  return ((guchar) self->text->str[offset] & 0xC0) != 0x80;
}

/**
 * drafting_inline_add_mark:
 * @kind: what to mark
 * @start: byte offset of the start
 * @end: byte offset of the end (equal to @start for a footnote reference)
 * @ref: (nullable): the footnote identifier, for a footnote reference
 *
 * Marks a range of the text; marks of the same kind that touch are joined.
 */
void
drafting_inline_add_mark (DraftingInline   *self,
                          DraftingMarkKind  kind,
                          guint             start,
                          guint             end,
                          const char       *ref)
{
  DraftingMark mark = { kind, start, end, NULL };

  g_return_if_fail (self != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (is_boundary (self, start) && is_boundary (self, end));
  g_return_if_fail ((kind == DRAFTING_MARK_FOOTNOTE_REF) == (ref != NULL));

  mark.ref = g_strdup (ref);
  g_array_append_val (self->marks, mark);
  normalize (self);
}

/**
 * drafting_inline_remove_style:
 *
 * Takes emphasis (or strength) off the range from @start to @end, splitting
 * a mark that covers more than the range.
 */
void
drafting_inline_remove_style (DraftingInline   *self,
                              DraftingMarkKind  kind,
                              guint             start,
                              guint             end)
{
  guint len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != DRAFTING_MARK_FOOTNOTE_REF);
  g_return_if_fail (start <= end);

  len = self->marks->len;
  for (guint i = 0; i < len; i++)
    {
      DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

      if (m->kind != kind || m->end <= start || m->start >= end)
        continue;

      if (m->start < start && m->end > end)
        {
          DraftingMark tail = { kind, end, m->end, NULL };

          m->end = start;
          g_array_append_val (self->marks, tail);
        }
      else if (m->start < start)
        m->end = start;
      else if (m->end > end)
        m->start = end;
      else
        m->end = m->start; /* emptied: dropped by normalize () */
    }

  normalize (self);
}

/**
 * drafting_inline_has_style:
 *
 * Returns: whether the whole of the range from @start to @end has the style
 */
gboolean
drafting_inline_has_style (const DraftingInline *self,
                           DraftingMarkKind      kind,
                           guint                 start,
                           guint                 end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

      if (m->kind == kind && m->start <= start && m->end >= end && m->start < m->end)
        return TRUE;
    }

  return FALSE;
}

void
drafting_inline_remove_ref (DraftingInline *self,
                            const char     *ref)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ref != NULL);

  for (guint i = self->marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (self->marks, DraftingMark, i - 1);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF && g_strcmp0 (m->ref, ref) == 0)
        g_array_remove_index (self->marks, i - 1);
    }
}

gboolean
drafting_inline_has_ref (const DraftingInline *self,
                         const char           *ref)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF && g_strcmp0 (m->ref, ref) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * drafting_inline_insert:
 * @offset: byte offset where to insert
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Inserts text. Text typed inside an emphasis is emphasised; text typed
 * at either end of one is not, nor does it move a footnote reference at the
 * same place, which stays after the word it was attached to.
 */
void
drafting_inline_insert (DraftingInline *self,
                        guint           offset,
                        const char     *text,
                        gssize          len)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (is_boundary (self, offset));

  if (len < 0)
    len = strlen (text);
  g_return_if_fail (g_utf8_validate (text, len, NULL));
  if (len == 0)
    return;

  g_string_insert_len (self->text, offset, text, len);
  drafting_text_sanitize (self->text->str + offset, len, FALSE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF)
        {
          if (m->start > offset)
            m->start += len;
          m->end = m->start;
          continue;
        }

      if (m->start >= offset)
        m->start += len;
      if (m->end > offset)
        m->end += len;
    }

  normalize (self);
}

/**
 * drafting_inline_delete:
 *
 * Deletes the bytes from @start to @end, with the footnote references they
 * hold.
 */
void
drafting_inline_delete (DraftingInline *self,
                        guint           start,
                        guint           end)
{
  guint len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (is_boundary (self, start) && is_boundary (self, end));

  if (start == end)
    return;

  len = end - start;
  g_string_erase (self->text, start, len);

  for (guint i = self->marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (self->marks, DraftingMark, i - 1);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF)
        {
          if (m->start > start && m->start < end)
            {
              g_array_remove_index (self->marks, i - 1);
              continue;
            }
        }

      if (m->start >= end)
        m->start -= len;
      else if (m->start > start)
        m->start = start;

      if (m->end >= end)
        m->end -= len;
      else if (m->end > start)
        m->end = start;
    }

  normalize (self);
}

/**
 * drafting_inline_append:
 *
 * Appends @other, with its marks, at the end of the text.
 */
void
drafting_inline_append (DraftingInline       *self,
                        const DraftingInline *other)
{
  guint shift;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  shift = self->text->len;
  g_string_append_len (self->text, other->text->str, other->text->len);
  for (guint i = 0; i < other->marks->len; i++)
    {
      DraftingMark mark = g_array_index (other->marks, DraftingMark, i);

      mark.start += shift;
      mark.end += shift;
      mark.ref = g_strdup (mark.ref);
      g_array_append_val (self->marks, mark);
    }

  normalize (self);
}

/**
 * drafting_inline_split:
 * @offset: byte offset where to cut
 *
 * Cuts the text in two: @self keeps what comes before @offset, with the
 * footnote references at @offset.
 *
 * Returns: (transfer full): what comes after @offset
 */
DraftingInline *
drafting_inline_split (DraftingInline *self,
                       guint           offset)
{
  DraftingInline *tail;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (is_boundary (self, offset), NULL);

  tail = drafting_inline_new (NULL);
  g_string_append_len (tail->text, self->text->str + offset, self->text->len - offset);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

      if (m->end > offset || (m->kind == DRAFTING_MARK_FOOTNOTE_REF && m->start > offset))
        {
          DraftingMark mark = *m;

          mark.start = m->start > offset ? m->start - offset : 0;
          mark.end = m->end - offset;
          mark.ref = g_strdup (m->ref);
          g_array_append_val (tail->marks, mark);
        }
    }

  g_string_truncate (self->text, offset);
  for (guint i = self->marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (self->marks, DraftingMark, i - 1);

      if (m->start > offset || (m->start == offset && m->kind != DRAFTING_MARK_FOOTNOTE_REF))
        g_array_remove_index (self->marks, i - 1);
      else if (m->end > offset)
        m->end = offset;
    }

  normalize (self);
  normalize (tail);

  return tail;
}

/**
 * drafting_inline_strip:
 *
 * Removes white space at both ends of the text.
 */
void
drafting_inline_strip (DraftingInline *self)
{
  gsize end;
  gsize start = 0;

  g_return_if_fail (self != NULL);

  end = self->text->len;
  while (end > 0 && g_ascii_isspace (self->text->str[end - 1]))
    end--;
  drafting_inline_delete (self, end, self->text->len);

  while (start < self->text->len && g_ascii_isspace (self->text->str[start]))
    start++;
  drafting_inline_delete (self, 0, start);
}

/**
 * drafting_inline_foreach_run:
 * @func: (scope call): called for each run, in order
 *
 * Walks the text as runs of the same styles, with the footnote calls
 * between them where they fall: what a writer of any format needs.
 */
void
drafting_inline_foreach_run (const DraftingInline *self,
                             DraftingRunFunc       func,
                             gpointer              user_data)
{
  guint len;
  guint pos = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  len = self->text->len;

  for (;;)
    {
      guint next = len;
      gboolean strong = FALSE;
      gboolean emphasis = FALSE;

      for (guint i = 0; i < self->marks->len; i++)
        {
          const DraftingMark *m = &g_array_index (self->marks, DraftingMark, i);

          if (m->kind == DRAFTING_MARK_FOOTNOTE_REF && m->start == pos)
            func (pos, pos, FALSE, FALSE, m->ref, user_data);

          if (m->start > pos && m->start < next)
            next = m->start;
          if (m->end > pos && m->end < next)
            next = m->end;
          if (m->start <= pos && m->end > pos)
            {
              if (m->kind == DRAFTING_MARK_EMPHASIS)
                emphasis = TRUE;
              else if (m->kind == DRAFTING_MARK_STRONG)
                strong = TRUE;
            }
        }

      if (pos >= len)
        break;

      func (pos, next, emphasis, strong, NULL, user_data);
      pos = next;
    }
}
