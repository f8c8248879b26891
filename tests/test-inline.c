/* test-inline.c: the text of an element, its marks and their normal form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-test-utils.h"

static void
assert_mark (const DraftingInline *content,
             guint                 index,
             DraftingMarkKind      kind,
             guint                 start,
             guint                 end)
{
  const DraftingMark *mark;

  g_assert_cmpuint (index, <, drafting_inline_get_n_marks (content));
  mark = drafting_inline_get_mark (content, index);
  g_assert_cmpint (mark->kind, ==, kind);
  g_assert_cmpuint (mark->start, ==, start);
  g_assert_cmpuint (mark->end, ==, end);
}

static void
test_marks_join (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("review de minimis thresholds");

  /* Touching and overlapping marks of one kind become one. */
  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 7, 9, NULL);
  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 9, 17, NULL);
  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 10, 12, NULL);
  g_assert_cmpuint (drafting_inline_get_n_marks (content), ==, 1);
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 7, 17);

  /* Marks of other kinds stay apart; empty ones go. */
  drafting_inline_add_mark (content, DRAFTING_MARK_STRONG, 0, 9, NULL);
  drafting_inline_add_mark (content, DRAFTING_MARK_STRONG, 3, 3, NULL);
  g_assert_cmpuint (drafting_inline_get_n_marks (content), ==, 2);
  assert_mark (content, 0, DRAFTING_MARK_STRONG, 0, 9);
  assert_mark (content, 1, DRAFTING_MARK_EMPHASIS, 7, 17);

  g_assert_true (drafting_inline_has_style (content, DRAFTING_MARK_EMPHASIS, 8, 12));
  g_assert_false (drafting_inline_has_style (content, DRAFTING_MARK_EMPHASIS, 5, 12));
}

static void
test_remove_style_splits (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("abcdefghij");

  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 1, 9, NULL);
  drafting_inline_remove_style (content, DRAFTING_MARK_EMPHASIS, 4, 6);
  g_assert_cmpuint (drafting_inline_get_n_marks (content), ==, 2);
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 1, 4);
  assert_mark (content, 1, DRAFTING_MARK_EMPHASIS, 6, 9);

  drafting_inline_remove_style (content, DRAFTING_MARK_EMPHASIS, 0, 10);
  g_assert_cmpuint (drafting_inline_get_n_marks (content), ==, 0);
}

static void
test_insert_and_delete (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("the WCO established");

  /* "the WCO¹ established", the call after "WCO". */
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 7, 7, "fn1");
  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 4, 7, NULL);

  /* Typing inside an emphasis is emphasised; at its end it is not. */
  drafting_inline_insert (content, 5, "X", -1);
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 4, 8);
  drafting_inline_insert (content, 8, " (World Customs Organization)", -1);
  g_assert_cmpstr (drafting_inline_get_text (content), ==,
                   "the WXCO (World Customs Organization) established");
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 4, 8);
  /* The call stays after the word it was attached to. */
  assert_mark (content, 1, DRAFTING_MARK_FOOTNOTE_REF, 8, 8);

  /* Typing before the emphasis moves it. */
  drafting_inline_insert (content, 0, "By ", -1);
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 7, 11);
  assert_mark (content, 1, DRAFTING_MARK_FOOTNOTE_REF, 11, 11);

  /* Deleting across the call deletes it. */
  drafting_inline_delete (content, 10, 13);
  g_assert_cmpstr (drafting_inline_get_text (content), ==,
                   "By the WXCWorld Customs Organization) established");
  g_assert_false (drafting_inline_has_ref (content, "fn1"));
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 7, 10);
}

static void
test_split_and_append (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("one *two* three");
  g_autoptr(DraftingInline) tail = NULL;
  g_autoptr(DraftingInline) copy = NULL;

  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 4, 9, NULL);
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 6, 6, "a");
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 15, 15, "b");
  copy = drafting_inline_copy (content);

  tail = drafting_inline_split (content, 6);
  g_assert_cmpstr (drafting_inline_get_text (content), ==, "one *t");
  g_assert_cmpstr (drafting_inline_get_text (tail), ==, "wo* three");
  /* The call at the cut stays with the head. */
  g_assert_true (drafting_inline_has_ref (content, "a"));
  g_assert_false (drafting_inline_has_ref (tail, "a"));
  g_assert_true (drafting_inline_has_ref (tail, "b"));
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 4, 6);
  assert_mark (tail, 0, DRAFTING_MARK_EMPHASIS, 0, 3);

  /* Appending the tail back gives the original again. */
  drafting_inline_append (content, tail);
  g_assert_true (drafting_inline_equal (content, copy));
}

static void
test_utf8_offsets (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("Организация «ВТамО»");
  g_autoptr(DraftingInline) tail = NULL;
  guint cut = strlen ("Организация ");

  drafting_inline_add_mark (content, DRAFTING_MARK_STRONG, cut, strlen ("Организация «ВТамО»"), NULL);
  tail = drafting_inline_split (content, cut);
  g_assert_cmpstr (drafting_inline_get_text (tail), ==, "«ВТамО»");
  assert_mark (tail, 0, DRAFTING_MARK_STRONG, 0, strlen ("«ВТамО»"));

  if (g_test_undefined ())
    {
      /* A cut in the middle of a character is refused. */
      g_test_expect_message ("drafting-inline", G_LOG_LEVEL_CRITICAL, "*is_boundary*");
      g_assert_null (drafting_inline_split (content, 1));
      g_test_assert_expected_messages ();
    }
}

static void
test_strip (void)
{
  g_autoptr(DraftingInline) content = drafting_inline_new ("  spaced out  ");

  drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS, 2, 8, NULL);
  drafting_inline_strip (content);
  g_assert_cmpstr (drafting_inline_get_text (content), ==, "spaced out");
  assert_mark (content, 0, DRAFTING_MARK_EMPHASIS, 0, 6);
}

/* Copies share their text until one is changed: whatever is done to one,
 * by any of the ways text changes, the other keeps what it had. */
static void
test_copies_independent (void)
{
  g_autoptr(DraftingInline) original = drafting_inline_new ("review de minimis thresholds");
  g_autoptr(DraftingInline) empty = drafting_inline_new (NULL);
  g_autoptr(DraftingInline) other_empty = drafting_inline_new ("");

  drafting_inline_add_mark (original, DRAFTING_MARK_EMPHASIS, 7, 17, NULL);
  drafting_inline_add_mark (original, DRAFTING_MARK_FOOTNOTE_REF, 28, 28, "n1");

  for (guint change = 0; change < 9; change++)
    {
      g_autoptr(DraftingInline) copy = drafting_inline_copy (original);
      g_autoptr(DraftingInline) kept = drafting_inline_copy (original);
      g_autoptr(DraftingInline) tail = NULL;
      DraftingInline *changed = change % 2 == 0 ? copy : original;
      DraftingInline *unchanged = change % 2 == 0 ? original : copy;

      g_assert_true (drafting_inline_equal (copy, original));

      switch (change)
        {
        case 0:
        case 1:
          drafting_inline_insert (changed, 0, "To ", -1);
          break;
        case 2:
          drafting_inline_delete (changed, 0, 7);
          break;
        case 3:
          drafting_inline_add_mark (changed, DRAFTING_MARK_STRONG, 0, 6, NULL);
          break;
        case 4:
          drafting_inline_remove_style (changed, DRAFTING_MARK_EMPHASIS, 8, 10);
          break;
        case 5:
          drafting_inline_remove_ref (changed, "n1");
          break;
        case 6:
          tail = drafting_inline_split (changed, 7);
          break;
        case 7:
          drafting_inline_append (changed, unchanged);
          break;
        case 8:
          drafting_inline_insert (changed, 0, "  ", -1);
          drafting_inline_strip (changed);
          drafting_inline_insert (changed, 0, "x", -1);
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_false (drafting_inline_equal (changed, unchanged));
      g_assert_true (drafting_inline_equal (unchanged, kept));
      g_assert_cmpstr (drafting_inline_get_text (kept), ==, "review de minimis thresholds");
      g_assert_cmpuint (drafting_inline_get_n_marks (kept), ==, 2);
      assert_mark (kept, 0, DRAFTING_MARK_EMPHASIS, 7, 17);

      /* What was changed stays so, whichever copy goes first. */
      g_clear_pointer (&kept, drafting_inline_free);
      g_assert_false (drafting_inline_equal (changed, unchanged));

      if (changed == original)
        {
          drafting_inline_free (original);
          original = drafting_inline_copy (copy);
        }
    }

  /* Every empty text is the same until it is written in. */
  drafting_inline_insert (empty, 0, "written", -1);
  g_assert_cmpstr (drafting_inline_get_text (other_empty), ==, "");
  g_assert_cmpstr (drafting_inline_get_text (empty), ==, "written");
  {
    g_autoptr(DraftingInline) fresh = drafting_inline_new (NULL);

    g_assert_true (drafting_inline_is_empty (fresh));
  }

  /* A text appended to itself. */
  drafting_inline_append (original, original);
  g_assert_cmpstr (drafting_inline_get_text (original),
                   ==, "review de minimis thresholdsreview de minimis thresholds");
  g_assert_cmpuint (drafting_inline_get_n_marks (original), ==, 3);
}

typedef struct
{
  DraftingInline *copy;
  char           *text;
} CopyJob;

static gpointer
read_copy (gpointer data)
{
  CopyJob *job = data;
  GString *runs = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_truncate (runs, 0);
      g_string_append (runs, drafting_inline_get_text (job->copy));
    }
  job->text = g_string_free (runs, FALSE);
  drafting_inline_free (job->copy);

  return NULL;
}

/* A copy read in another thread while the original is changed in this
 * one, as a snapshot of a document is saved. */
static void
test_copies_across_threads (void)
{
  g_autoptr(DraftingInline) original = drafting_inline_new ("the text as it was");

  for (guint round = 0; round < 50; round++)
    {
      CopyJob job = { drafting_inline_copy (original), NULL };
      g_autofree char *expected = g_strdup (drafting_inline_get_text (original));
      GThread *thread = g_thread_new ("copy", read_copy, &job);

      for (guint i = 0; i < 100; i++)
        {
          drafting_inline_insert (original, 0, "more ", -1);
          drafting_inline_delete (original, 0, 5);
        }
      drafting_inline_insert (original, 0, "x", -1);
      g_thread_join (thread);
      g_assert_cmpstr (job.text, ==, expected);
      g_free (job.text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/inline/marks-join", test_marks_join);
  g_test_add_func ("/inline/remove-style-splits", test_remove_style_splits);
  g_test_add_func ("/inline/insert-and-delete", test_insert_and_delete);
  g_test_add_func ("/inline/split-and-append", test_split_and_append);
  g_test_add_func ("/inline/utf8-offsets", test_utf8_offsets);
  g_test_add_func ("/inline/strip", test_strip);
  g_test_add_func ("/inline/copies-independent", test_copies_independent);
  g_test_add_func ("/inline/copies-across-threads", test_copies_across_threads);

  return g_test_run ();
}
