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
 *
 * The text and the marks are a body that copies share until one of them
 * changes, as a snapshot of a document copies the text of every element
 * (see drafting_document_snapshot()) and should not pay for it. A shared
 * body is never changed: whoever changes a copy first gives it a body of
 * its own. Its count of references is atomic, as a snapshot is read in
 * another thread while the original is edited in this one; it is kept
 * with GLib's atomic macros, which compile to atomic operations right
 * here, where a thread sanitizer sees them.
 */
typedef struct
{
  int              ref_count;
  GString         *text;
  GArray          *marks;
} Body;

struct _DraftingInline
{
  Body *body;
};

G_DEFINE_BOXED_TYPE (DraftingInline, drafting_inline,
                     drafting_inline_copy, drafting_inline_free)

static void
clear_mark (gpointer data)
{
  DraftingMark *mark = data;

  g_clear_pointer (&mark->ref, g_free);
}

static Body *
body_new (const char *text,
          gsize       len,
          guint       n_marks)
{
  Body *body = g_slice_new (Body);

  body->ref_count = 1;
  body->text = g_string_new_len (text, len);
  body->marks = g_array_sized_new (FALSE, FALSE, sizeof (DraftingMark), n_marks);
  g_array_set_clear_func (body->marks, clear_mark);

  return body;
}

static Body *
body_ref (Body *body)
{
  g_atomic_int_inc (&body->ref_count);
  return body;
}

static void
body_unref (Body *body)
{
  if (!g_atomic_int_dec_and_test (&body->ref_count))
    return;

  g_string_free (body->text, TRUE);
  g_array_unref (body->marks);
  g_slice_free (Body, body);
}

/* The empty text, which every new element starts with: shared by all, and
 * never freed. */
static Body *
empty_body (void)
{
  static Body *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, body_new ("", 0, 0));

  return empty;
}

/* The body of @self, its own, to change. */
static Body *
writable (DraftingInline *self)
{
  Body *body = self->body;
  Body *own;

  /* The empty body is always shared: it is never changed either. */
  if (g_atomic_int_get (&body->ref_count) == 1)
    return body;

  own = body_new (body->text->str, body->text->len, body->marks->len);
  g_array_append_vals (own->marks, body->marks->data, body->marks->len);
  for (guint i = 0; i < own->marks->len; i++)
    {
      DraftingMark *mark = &g_array_index (own->marks, DraftingMark, i);

      mark->ref = g_strdup (mark->ref);
    }

  self->body = own;
  body_unref (body);

  return own;
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

  self = g_slice_new (DraftingInline);
  if (text == NULL || text[0] == '\0')
    self->body = body_ref (empty_body ());
  else
    {
      self->body = body_new (text, strlen (text), 0);
      drafting_text_sanitize (self->body->text->str, self->body->text->len, FALSE);
    }

  return self;
}

/**
 * drafting_inline_copy:
 *
 * Copies the text with its marks. The copy costs next to nothing until
 * either is changed.
 *
 * Returns: (transfer full): the copy
 */
DraftingInline *
drafting_inline_copy (const DraftingInline *self)
{
  DraftingInline *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_slice_new (DraftingInline);
  copy->body = body_ref (self->body);

  return copy;
}

/**
 * drafting_inline_assign:
 * @other: the text to copy
 *
 * Makes @self what drafting_inline_copy() would make of @other, in place:
 * what it held before is gone.
 */
void
drafting_inline_assign (DraftingInline       *self,
                        const DraftingInline *other)
{
  Body *old;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  old = self->body;
  self->body = body_ref (other->body);
  body_unref (old);
}

void
drafting_inline_free (DraftingInline *self)
{
  if (self == NULL)
    return;

  body_unref (self->body);
  g_slice_free (DraftingInline, self);
}

gboolean
drafting_inline_equal (const DraftingInline *a,
                       const DraftingInline *b)
{
  const GArray *am;
  const GArray *bm;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->body == b->body)
    return TRUE;

  am = a->body->marks;
  bm = b->body->marks;
  if (!g_string_equal (a->body->text, b->body->text) || am->len != bm->len)
    return FALSE;

  for (guint i = 0; i < am->len; i++)
    {
      const DraftingMark *ma = &g_array_index (am, DraftingMark, i);
      const DraftingMark *mb = &g_array_index (bm, DraftingMark, i);

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

  return self->body->text->str;
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

  return self->body->text->len;
}

gboolean
drafting_inline_is_empty (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->body->text->len == 0 && self->body->marks->len == 0;
}

guint
drafting_inline_get_n_marks (const DraftingInline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->body->marks->len;
}

const DraftingMark *
drafting_inline_get_mark (const DraftingInline *self,
                          guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->body->marks->len, NULL);

  return &g_array_index (self->body->marks, DraftingMark, index);
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
normalize (Body *body)
{
  GArray *marks = body->marks;
  guint out = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      DraftingMark *m = &g_array_index (marks, DraftingMark, i);

      m->start = MIN (m->start, body->text->len);
      m->end = MIN (MAX (m->end, m->start), body->text->len);
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
  if (offset > self->body->text->len)
    return FALSE;
  if (offset == self->body->text->len)
    return TRUE;
  /* Not in the middle of a UTF-8 sequence. */
  return ((guchar) self->body->text->str[offset] & 0xC0) != 0x80;
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
  g_array_append_val (writable (self)->marks, mark);
  normalize (self->body);
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
  GArray *marks;
  guint len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != DRAFTING_MARK_FOOTNOTE_REF);
  g_return_if_fail (start <= end);

  marks = writable (self)->marks;
  len = marks->len;
  for (guint i = 0; i < len; i++)
    {
      DraftingMark *m = &g_array_index (marks, DraftingMark, i);

      if (m->kind != kind || m->end <= start || m->start >= end)
        continue;

      if (m->start < start && m->end > end)
        {
          DraftingMark tail = { kind, end, m->end, NULL };

          m->end = start;
          g_array_append_val (marks, tail);
        }
      else if (m->start < start)
        m->end = start;
      else if (m->end > end)
        m->start = end;
      else
        m->end = m->start; /* emptied: dropped by normalize () */
    }

  normalize (self->body);
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

  for (guint i = 0; i < self->body->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (self->body->marks, DraftingMark, i);

      if (m->kind == kind && m->start <= start && m->end >= end && m->start < m->end)
        return TRUE;
    }

  return FALSE;
}

void
drafting_inline_remove_ref (DraftingInline *self,
                            const char     *ref)
{
  GArray *marks;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ref != NULL);

  if (!drafting_inline_has_ref (self, ref))
    return;

  marks = writable (self)->marks;
  for (guint i = marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (marks, DraftingMark, i - 1);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF && g_strcmp0 (m->ref, ref) == 0)
        g_array_remove_index (marks, i - 1);
    }
}

gboolean
drafting_inline_has_ref (const DraftingInline *self,
                         const char           *ref)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->body->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (self->body->marks, DraftingMark, i);

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
  Body *body;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (is_boundary (self, offset));

  if (len < 0)
    len = strlen (text);
  g_return_if_fail (g_utf8_validate (text, len, NULL));
  if (len == 0)
    return;

  body = writable (self);
  g_string_insert_len (body->text, offset, text, len);
  drafting_text_sanitize (body->text->str + offset, len, FALSE);

  for (guint i = 0; i < body->marks->len; i++)
    {
      DraftingMark *m = &g_array_index (body->marks, DraftingMark, i);

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

  normalize (body);
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
  Body *body;
  guint len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (is_boundary (self, start) && is_boundary (self, end));

  if (start == end)
    return;

  body = writable (self);
  len = end - start;
  g_string_erase (body->text, start, len);

  for (guint i = body->marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (body->marks, DraftingMark, i - 1);

      if (m->kind == DRAFTING_MARK_FOOTNOTE_REF)
        {
          if (m->start > start && m->start < end)
            {
              g_array_remove_index (body->marks, i - 1);
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

  normalize (body);
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
  Body *body;
  guint shift;
  guint n_marks;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  /* @other keeps its body, even when it shared this one. */
  body = writable (self);
  n_marks = other->body->marks->len;
  shift = body->text->len;
  g_string_append_len (body->text, other->body->text->str, other->body->text->len);
  for (guint i = 0; i < n_marks; i++)
    {
      DraftingMark mark = g_array_index (other->body->marks, DraftingMark, i);

      mark.start += shift;
      mark.end += shift;
      mark.ref = g_strdup (mark.ref);
      g_array_append_val (body->marks, mark);
    }

  normalize (body);
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
  Body *body;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (is_boundary (self, offset), NULL);

  body = writable (self);
  tail = g_slice_new (DraftingInline);
  tail->body = body_new (body->text->str + offset, body->text->len - offset, 0);

  for (guint i = 0; i < body->marks->len; i++)
    {
      const DraftingMark *m = &g_array_index (body->marks, DraftingMark, i);

      if (m->end > offset || (m->kind == DRAFTING_MARK_FOOTNOTE_REF && m->start > offset))
        {
          DraftingMark mark = *m;

          mark.start = m->start > offset ? m->start - offset : 0;
          mark.end = m->end - offset;
          mark.ref = g_strdup (m->ref);
          g_array_append_val (tail->body->marks, mark);
        }
    }

  g_string_truncate (body->text, offset);
  for (guint i = body->marks->len; i > 0; i--)
    {
      DraftingMark *m = &g_array_index (body->marks, DraftingMark, i - 1);

      if (m->start > offset || (m->start == offset && m->kind != DRAFTING_MARK_FOOTNOTE_REF))
        g_array_remove_index (body->marks, i - 1);
      else if (m->end > offset)
        m->end = offset;
    }

  normalize (body);
  normalize (tail->body);

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

  end = self->body->text->len;
  while (end > 0 && g_ascii_isspace (self->body->text->str[end - 1]))
    end--;
  drafting_inline_delete (self, end, self->body->text->len);

  while (start < self->body->text->len && g_ascii_isspace (self->body->text->str[start]))
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

  len = self->body->text->len;

  for (;;)
    {
      guint next = len;
      gboolean strong = FALSE;
      gboolean emphasis = FALSE;

      for (guint i = 0; i < self->body->marks->len; i++)
        {
          const DraftingMark *m = &g_array_index (self->body->marks, DraftingMark, i);

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
