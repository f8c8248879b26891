/* test-layout.c: the document as it prints, block by block, for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "drafting-compare.h"
#include "drafting-export-test-utils.h"
#include "drafting-layout.h"
#include "drafting-test-utils.h"

/*
 * The layout is what every output reads: the printed page, the PDF and
 * the exports. These check its rules on the two bundled examples, its
 * runs against the elements' marks, its footnotes against their calls,
 * and that laying out a block at a time gives what laying out the whole
 * document gives.
 */

/* The runs of @block cover its text, one after another. */
static void
assert_runs_cover (DraftingLayoutBlock *block)
{
  guint at = 0;

  g_assert_nonnull (block->text);
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      g_assert_cmpuint (run->start, ==, at);
      g_assert_cmpuint (run->end, >, run->start);
      g_assert_cmpint (run->change, ==, DRAFTING_CHANGE_NONE);
      g_assert_null (run->amendment);
      g_assert_true (g_utf8_validate (block->text + run->start, run->end - run->start, NULL));
      at = run->end;
    }
  g_assert_cmpuint (at, ==, strlen (block->text));
  g_assert_cmpint (block->change, ==, DRAFTING_CHANGE_NONE);

  for (guint i = 0; block->notes != NULL && i < block->notes->len; i++)
    {
      DraftingLayoutBlock *note = g_ptr_array_index (block->notes, i);

      g_assert_true (note->note);
      g_assert_cmpint (note->kind, ==, DRAFTING_KIND_FOOTNOTE);
      g_assert_nonnull (note->label);
      assert_runs_cover (note);
    }
}

static DraftingLayoutBlock *
find_block (GPtrArray    *blocks,
            DraftingKind  kind,
            guint         nth)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == kind && nth-- == 0)
        return block;
    }

  g_assert_not_reached ();
}

/* The resolution: its heading, place and date, authority, preamble,
 * operative paragraphs and annex of principles, as a WCO resolution
 * prints. */
static void
test_resolution (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  DraftingLayoutBlock *heading, *place, *authority, *clause, *formula, *first, *second;
  DraftingLayoutBlock *annex, *principle, *section, *item, *nested;
  gboolean emphasis = FALSE;

  g_assert_cmpuint (blocks->len, >, 40);
  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      assert_runs_cover (block);
      g_assert_nonnull (block->id);
      g_assert_nonnull (drafting_document_lookup (document, block->id));
      for (guint j = 0; j < block->runs->len; j++)
        emphasis |= (g_array_index (block->runs, DraftingLayoutRun, j).style & DRAFTING_RUN_EMPHASIS) != 0;
    }
  /* The example emphasises a few words, once. */
  g_assert_true (emphasis);

  heading = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (heading->kind, ==, DRAFTING_KIND_HEADING);
  /* "DRAFT" from the document's status, never typed. */
  g_assert_cmpstr (heading->text, ==, "DRAFT RESOLUTION OF THE POLICY COMMISSION");
  g_assert_true (heading->bold && heading->uppercase && heading->keep_with_next);
  g_assert_cmpint (heading->align, ==, DRAFTING_LAYOUT_CENTRED);
  g_assert_cmpfloat (heading->space_before, ==, 0);
  /* The lines of the heading follow one another. */
  g_assert_cmpfloat (find_block (blocks, DRAFTING_KIND_HEADING, 1)->space_before, ==, 0);

  place = find_block (blocks, DRAFTING_KIND_PLACE_DATE, 0);
  g_assert_cmpstr (place->text, ==, "(Luxor, December 2017)");
  g_assert_cmpint (place->align, ==, DRAFTING_LAYOUT_CENTRED);

  authority = find_block (blocks, DRAFTING_KIND_AUTHORITY, 0);
  g_assert_cmpint (authority->align, ==, DRAFTING_LAYOUT_START);
  g_assert_true (authority->keep_with_next);

  /* A preambular clause: no number, its leading phrase first. */
  clause = find_block (blocks, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  g_assert_null (clause->label);
  g_assert_true (g_str_has_prefix (clause->text, "ACKNOWLEDGING "));
  g_assert_cmpint (clause->align, ==, DRAFTING_LAYOUT_JUSTIFIED);
  g_assert_cmpfloat (clause->space_before, >, 0);

  formula = find_block (blocks, DRAFTING_KIND_OPERATIVE_FORMULA, 0);
  g_assert_true (g_str_has_prefix (formula->text, "RESOLVES"));
  g_assert_true (formula->keep_with_next);

  /* This resolution's operative paragraphs are not numbered. */
  first = find_block (blocks, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  second = find_block (blocks, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  g_assert_null (first->label);
  g_assert_true (g_str_has_prefix (first->text, "Endorses the principles"));
  g_assert_true (g_str_has_prefix (second->text, "Invites Customs administrations"));
  g_assert_false (first->keep_with_next);

  /* The annex on a new page, "ANNEX" (here without a title); a principle's
   * marker run in; a section in italics with its number; items under it,
   * nested items further in. */
  annex = find_block (blocks, DRAFTING_KIND_ANNEX, 0);
  g_assert_true (annex->page_break_before && annex->bold && annex->keep_with_next);
  g_assert_cmpstr (annex->text, ==, "ANNEX");
  g_assert_cmpint (annex->align, ==, DRAFTING_LAYOUT_CENTRED);

  principle = find_block (blocks, DRAFTING_KIND_PRINCIPLE, 0);
  g_assert_true (g_str_has_prefix (principle->text, "PRINCIPLE I – Advance Electronic Data"));
  g_assert_null (principle->label);
  g_assert_true (principle->bold && principle->keep_with_next);

  section = find_block (blocks, DRAFTING_KIND_SECTION, 0);
  g_assert_cmpstr (section->label, ==, "i.");
  g_assert_true (section->italic && section->keep_with_next);
  g_assert_true (g_str_has_prefix (section->text, "Advance electronic data"));

  item = find_block (blocks, DRAFTING_KIND_ITEM, 1);
  nested = find_block (blocks, DRAFTING_KIND_ITEM, 2);
  g_assert_cmpuint (item->depth, ==, 0);
  g_assert_cmpuint (nested->depth, ==, 1);
  g_assert_nonnull (item->label);
  g_assert_nonnull (nested->label);
  g_assert_cmpfloat (nested->label_indent, ==, item->indent);
  g_assert_cmpfloat (nested->space_before, <, item->space_before);
}

/* Numbered paragraphs: the number hangs before the text, and what a
 * paragraph holds starts under its text. */
static void
test_numbers (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  DraftingLayoutBlock *first = find_block (blocks, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingLayoutBlock *second = find_block (blocks, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingLayoutBlock *sub = find_block (blocks, DRAFTING_KIND_SUB_PARAGRAPH, 0);

  g_assert_cmpstr (first->label, ==, "1.");
  g_assert_cmpstr (first->text, ==, "Members should simplify the clearance of relief consignments;");
  g_assert_cmpstr (second->label, ==, "2.");
  g_assert_cmpfloat (first->hang, >, 0);
  g_assert_cmpfloat (first->indent, ==, first->label_indent + first->hang);
  g_assert_cmpstr (sub->label, ==, "(a)");
  g_assert_cmpstr (sub->text, ==, "before a disaster;");
  g_assert_cmpfloat (sub->label_indent, ==, second->indent);
  g_assert_cmpfloat (sub->space_before, <, second->space_before);
}

/* A footnote: called where its number is, printed once with its number,
 * its call a run of its own. */
static void
test_footnotes (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-communique.wcodraft");
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  DraftingNode *calling = drafting_test_find (document, DRAFTING_KIND_NARRATIVE_PARAGRAPH, 1);
  DraftingLayoutBlock *block = NULL;
  DraftingLayoutBlock *note;
  g_autofree char *note_text = NULL;
  guint n_calls = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *candidate = g_ptr_array_index (blocks, i);

      assert_runs_cover (candidate);
      /* A footnote is never a block of its own. */
      g_assert_cmpint (candidate->kind, !=, DRAFTING_KIND_FOOTNOTE);
      if (g_strcmp0 (candidate->id, drafting_node_get_id (calling)) == 0)
        block = candidate;
    }
  g_assert_nonnull (block);
  g_assert_nonnull (block->notes);
  g_assert_cmpuint (block->notes->len, ==, 1);

  note = g_ptr_array_index (block->notes, 0);
  /* The number as the call has it. */
  g_assert_cmpstr (note->label, ==, "¹");
  note_text = drafting_render_plain_text (drafting_test_find (document, DRAFTING_KIND_FOOTNOTE, 0), TRUE);
  g_assert_cmpstr (note->text, ==, note_text);

  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      if (!(run->style & DRAFTING_RUN_NOTE_CALL))
        continue;
      n_calls++;
      g_assert_cmpint (run->note, ==, 0);
      g_assert_cmpuint (run->start, ==, g_array_index (block->calls, guint, 0));
      g_assert_true (strncmp (block->text + run->start, "¹", run->end - run->start) == 0);
    }
  g_assert_cmpuint (n_calls, ==, 1);
}

/* A block at a time, as pagination asks for them, is the whole. */
static void
test_incremental (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  g_autoptr(GPtrArray) whole = drafting_layout_build_all (document);
  g_autoptr(DraftingLayout) layout = drafting_layout_new (document);
  DraftingLayoutBlock *block;
  guint n = 0;

  while ((block = drafting_layout_next (layout)) != NULL)
    {
      DraftingLayoutBlock *same = g_ptr_array_index (whole, n++);

      g_assert_cmpstr (block->text, ==, same->text);
      g_assert_cmpstr (block->label, ==, same->label);
      g_assert_cmpfloat (block->space_before, ==, same->space_before);
      g_assert_cmpuint (block->runs->len, ==, same->runs->len);
      drafting_layout_block_free (block);
    }
  g_assert_cmpuint (n, ==, whole->len);
  g_assert_null (drafting_layout_next (layout));
}

/* Empty lines print nothing; an empty document lays out nothing. */
static void
test_empty (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GPtrArray) blocks = drafting_layout_build_all (document);
  DraftingNode *root = drafting_document_get_root (document);
  g_autoptr(DraftingNode) empty = drafting_node_new_with_text (DRAFTING_KIND_PREAMBLE_CLAUSE, NULL, "");
  g_autoptr(DraftingNode) paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                   NULL, "Urges Members to act;");
  g_autoptr(GPtrArray) after = NULL;
  DraftingLayoutBlock *only;

  g_assert_cmpuint (blocks->len, ==, 0);

  g_assert_true (drafting_document_insert (document, root, 0, empty, NULL));
  g_assert_true (drafting_document_insert (document, root, 1, paragraph, NULL));
  after = drafting_layout_build_all (document);
  g_assert_cmpuint (after->len, ==, 1);
  only = g_ptr_array_index (after, 0);
  g_assert_cmpstr (only->text, ==, "Urges Members to act;");
  g_assert_cmpstr (only->label, ==, "1.");
  g_assert_cmpfloat (only->space_before, ==, 0);
}

/* ------------------------------------------------------------------ */
/* The tracked form                                                    */

static DraftingAmendment *
propose (DraftingDocument        *document,
         DraftingAmendmentAction  action,
         DraftingNode            *node,
         const char              *delegation,
         const char              *wording)
{
  return drafting_test_propose (document, drafting_test_amendment_new (action, node, delegation, NULL,
                                                                       wording));
}

/* The text of @block's runs that a person who accepted (or rejected)
 * every change would read. */
static char *
read_as (DraftingLayoutBlock *block,
         DraftingChange       left_out)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      if (run->change != left_out)
        g_string_append_len (text, block->text + run->start, run->end - run->start);
    }

  return g_string_free (text, FALSE);
}

/* Each action marked as the window's marked view marks it: words of one
 * rewording, several rewordings after their element, a deletion, a new
 * element where it would go; the clean form of the same document has no
 * marks at all. */
static void
test_tracked (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  g_autoptr(DraftingAmendment) france = NULL;
  g_autoptr(DraftingAmendment) japan = NULL;
  g_autoptr(DraftingAmendment) brazil = NULL;
  g_autoptr(DraftingAmendment) spain = NULL;
  g_autoptr(DraftingAmendment) kenya = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(DraftingLayout) layout = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_layout_block_free);
  DraftingLayoutBlock *block;
  g_autofree char *accepted = NULL;
  g_autofree char *rejected = NULL;
  guint at = 0;

  france = propose (document, DRAFTING_AMENDMENT_REPLACE, first, "France",
                    "Members should speed up the clearance of relief consignments;");
  japan = propose (document, DRAFTING_AMENDMENT_INSERT, first, "Japan",
                   "Members should waive duties on relief consignments;");
  brazil = propose (document, DRAFTING_AMENDMENT_REPLACE, second, "Brazil",
                    "Members should share data with other border agencies:");
  spain = propose (document, DRAFTING_AMENDMENT_REPLACE, second, "Spain",
                   "Members should share information with all border agencies:");
  kenya = propose (document, DRAFTING_AMENDMENT_DELETE, third, "Kenya", NULL);

  clean = drafting_layout_build_all (document);
  for (guint i = 0; i < clean->len; i++)
    assert_runs_cover (g_ptr_array_index (clean, i));

  layout = drafting_layout_new_tracked (document, NULL);
  while ((block = drafting_layout_next (layout)) != NULL)
    g_ptr_array_add (blocks, block);

  while (((DraftingLayoutBlock *) g_ptr_array_index (blocks, at))->kind != DRAFTING_KIND_OPERATIVE_PARAGRAPH)
    at++;

  /* 1. One rewording: its words, by France. */
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpstr (block->label, ==, "1.");
  g_assert_cmpint (block->change, ==, DRAFTING_CHANGE_NONE);
  accepted = read_as (block, DRAFTING_CHANGE_DELETED);
  rejected = read_as (block, DRAFTING_CHANGE_INSERTED);
  g_assert_cmpstr (accepted, ==, "Members should speed up the clearance of relief consignments;");
  g_assert_cmpstr (rejected, ==, "Members should simplify the clearance of relief consignments;");
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      g_assert_true ((run->change == DRAFTING_CHANGE_NONE) == (run->amendment == NULL));
      g_assert_true (run->amendment == NULL || run->amendment == france);
    }

  /* Japan's new paragraph after it, without a number. */
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpint (block->kind, ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  g_assert_cmpint (block->change, ==, DRAFTING_CHANGE_INSERTED);
  g_assert_true (block->amendment == japan);
  g_assert_null (block->label);
  g_assert_cmpstr (block->text, ==, "Members should waive duties on relief consignments;");
  g_assert_cmpuint (block->runs->len, ==, 1);
  g_assert_cmpint (g_array_index (block->runs, DraftingLayoutRun, 0).change, ==, DRAFTING_CHANGE_INSERTED);

  /* 2. Two rewordings: its own text, then each, before its
   * sub-paragraphs. */
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpstr (block->label, ==, "2.");
  g_assert_cmpstr (block->text, ==, "Members should share information with other border agencies:");
  for (guint i = 0; i < 2; i++)
    {
      DraftingAmendment *by = i == 0 ? brazil : spain;
      g_autofree char *who = g_strdup_printf ("[%s] ", drafting_amendment_get_delegation (by));
      g_autofree char *as_proposed = NULL;

      block = g_ptr_array_index (blocks, at++);
      g_assert_cmpint (block->kind, ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
      g_assert_null (block->label);
      g_assert_true (block->amendment == by);
      g_assert_true (g_str_has_prefix (block->text, who));
      as_proposed = read_as (block, DRAFTING_CHANGE_DELETED);
      g_assert_cmpstr (as_proposed + strlen (who), ==,
                       drafting_inline_get_text (drafting_amendment_get_content (by)));
    }
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpstr (block->label, ==, "(a)");
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpstr (block->label, ==, "(b)");

  /* 3. Deleted, all of it, by Kenya. */
  block = g_ptr_array_index (blocks, at++);
  g_assert_cmpstr (block->label, ==, "3.");
  g_assert_cmpint (block->change, ==, DRAFTING_CHANGE_DELETED);
  g_assert_true (block->amendment == kenya);
  g_free (accepted);
  accepted = read_as (block, DRAFTING_CHANGE_DELETED);
  g_assert_cmpstr (accepted, ==, "");
  g_assert_cmpuint (at, ==, blocks->len);

  /* Only France's and Japan's, when only theirs are asked for. */
  {
    const char * const chosen[] = { "France", "Japan", NULL };
    g_autoptr(DraftingLayout) theirs = drafting_layout_new_tracked (document, chosen);
    guint n_inserted = 0;

    while ((block = drafting_layout_next (theirs)) != NULL)
      {
        g_assert_true (block->amendment == NULL || block->amendment == japan);
        for (guint i = 0; i < block->runs->len; i++)
          {
            DraftingAmendment *by = g_array_index (block->runs, DraftingLayoutRun, i).amendment;

            g_assert_true (by == NULL || by == france || by == japan);
          }
        n_inserted += block->change == DRAFTING_CHANGE_INSERTED;
        drafting_layout_block_free (block);
      }
    g_assert_cmpuint (n_inserted, ==, 1);
  }
}

/* The text as proposed, every change tracked: read with every change
 * accepted, it is the text as proposed, laid out; with every one
 * rejected, the present text; and each change has its amendment. */
static void
test_proposed (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_new_relief_resolution (DRAFTING_TEST_RELIEF_PARAGRAPHS);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNode *third = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 2);
  g_autoptr(DraftingAmendment) france = propose (document, DRAFTING_AMENDMENT_REPLACE, first, "France",
                                                 "Members should speed up the clearance of relief consignments;");
  g_autoptr(DraftingAmendment) japan = propose (document, DRAFTING_AMENDMENT_INSERT, first, "Japan",
                                                "Members should waive duties on relief consignments;");
  g_autoptr(DraftingAmendment) brazil = propose (document, DRAFTING_AMENDMENT_REPLACE, second, "Brazil",
                                                 "Members should share data with other border agencies:");
  g_autoptr(DraftingAmendment) spain = propose (document, DRAFTING_AMENDMENT_REPLACE, second, "Spain",
                                                "Members should share information with all border agencies:");
  g_autoptr(DraftingAmendment) kenya = propose (document, DRAFTING_AMENDMENT_DELETE, third, "Kenya", NULL);
  g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);
  g_autoptr(GPtrArray) merged = drafting_layout_build_proposed (document, NULL);
  g_autoptr(GPtrArray) present = drafting_layout_build_all (document);
  g_autoptr(GPtrArray) as_proposed = drafting_layout_build_all (proposed);
  guint n_accepted = 0;
  guint n_rejected = 0;
  gboolean by[5] = { FALSE, };
  DraftingAmendment *amendments[5] = { france, japan, brazil, spain, kenya };

  for (guint i = 0; i < merged->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (merged, i);

      if (block->change != DRAFTING_CHANGE_DELETED)
        {
          DraftingLayoutBlock *same = g_ptr_array_index (as_proposed, n_accepted++);
          g_autofree char *accepted = read_as (block, DRAFTING_CHANGE_DELETED);

          g_assert_cmpstr (accepted, ==, same->text);
          g_assert_cmpstr (block->label, ==, same->label);
        }
      if (block->change != DRAFTING_CHANGE_INSERTED)
        {
          DraftingLayoutBlock *same = g_ptr_array_index (present, n_rejected++);
          g_autofree char *rejected = read_as (block, DRAFTING_CHANGE_INSERTED);

          g_assert_cmpstr (rejected, ==, same->text);
          g_assert_cmpstr (block->old_label != NULL ? block->old_label : block->label, ==, same->label);
        }

      for (guint r = 0; r < block->runs->len; r++)
        {
          DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, r);

          g_assert_true ((run->change == DRAFTING_CHANGE_NONE) == (run->amendment == NULL));
          for (guint a = 0; a < G_N_ELEMENTS (amendments); a++)
            by[a] |= run->amendment == amendments[a];
        }
      if (block->old_label != NULL)
        g_assert_nonnull (block->label_amendment);
    }
  g_assert_cmpuint (n_accepted, ==, as_proposed->len);
  g_assert_cmpuint (n_rejected, ==, present->len);

  /* Every amendment has its changes, Brazil's and Spain's words each
   * theirs though both reword one paragraph. */
  for (guint a = 0; a < G_N_ELEMENTS (amendments); a++)
    g_assert_true (by[a]);
}

/* @text with the stretches @marks names, [start, end) pairs after their
 * kind, ended by -1, marked; a footnote call is [at, at). */
static DraftingInline *
marked (const char *text,
        ...)
{
  DraftingInline *content = drafting_inline_new (text);
  va_list args;
  int kind;

  va_start (args, text);
  while ((kind = va_arg (args, int)) >= 0)
    {
      guint start = va_arg (args, guint);
      guint end = va_arg (args, guint);
      const char *ref = kind == DRAFTING_MARK_FOOTNOTE_REF ? va_arg (args, const char *) : NULL;

      drafting_inline_add_mark (content, kind, start, end, ref);
    }
  va_end (args);

  return content;
}

/* An element of @kind saying @content, holding a footnote @note_id saying
 * @note, added to @document. */
static DraftingNode *
add_with_footnote (DraftingDocument *document,
                   DraftingKind      kind,
                   const char       *lead,
                   DraftingInline   *content,
                   const char       *note_id,
                   const char       *note)
{
  DraftingNode *root = drafting_document_get_root (document);
  g_autoptr(DraftingNode) node = drafting_node_new (kind, NULL);
  DraftingNode *footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, note_id);
  g_autoptr(GError) error = NULL;

  drafting_node_take_content (footnote, drafting_inline_new (note));
  if (lead != NULL)
    drafting_node_set_lead (node, lead);
  drafting_node_take_content (node, content);
  drafting_node_append_child (node, footnote);
  g_object_unref (footnote);
  g_assert_true (drafting_document_insert (document, root, drafting_node_get_n_children (root), node,
                                           &error));
  g_assert_no_error (error);

  return drafting_document_lookup (document, drafting_node_get_id (node));
}

/* @content proposed for @node by @delegation, its leading phrase kept. */
static void
propose_wording (DraftingDocument *document,
                 DraftingNode     *node,
                 const char       *delegation,
                 DraftingInline   *content)
{
  DraftingAmendment *amendment = drafting_test_amendment_new (DRAFTING_AMENDMENT_REPLACE, node,
                                                              delegation, NULL, NULL);

  drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
  drafting_inline_free (content);
  g_object_unref (drafting_test_propose (document, amendment));
}

/* The block of @blocks that shows the element @id and is not deleted. */
static DraftingLayoutBlock *
block_of (GPtrArray  *blocks,
          const char *id)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      DraftingLayoutBlock *block = g_ptr_array_index (blocks, i);

      if (g_strcmp0 (block->id, id) == 0 && block->change != DRAFTING_CHANGE_DELETED)
        return block;
    }

  g_assert_not_reached ();
}

/* The run of @block whose text is @words, of @style and @change. */
static DraftingLayoutRun *
find_run (DraftingLayoutBlock *block,
          const char          *words,
          DraftingRunStyle     style,
          DraftingChange       change)
{
  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      if (run->style == style && run->change == change && run->end - run->start == strlen (words) &&
          strncmp (block->text + run->start, words, run->end - run->start) == 0)
        return run;
    }

  return NULL;
}

/* The only run of @block that calls a footnote. */
static DraftingLayoutRun *
only_call (DraftingLayoutBlock *block)
{
  DraftingLayoutRun *call = NULL;

  for (guint i = 0; i < block->runs->len; i++)
    {
      DraftingLayoutRun *run = &g_array_index (block->runs, DraftingLayoutRun, i);

      if (run->style & DRAFTING_RUN_NOTE_CALL)
        {
          g_assert_null (call);
          call = run;
        }
    }
  g_assert_nonnull (call);

  return call;
}

/* A paragraph whose words an amendment changes keeps its marks in the
 * tracked form: the leading phrase, emphasis where words stay, are
 * inserted and are deleted, and its footnote, called where it was, though
 * it is numbered otherwise once an earlier one is deleted; a call an
 * amendment adds is an inserted call of the footnote, one it takes away a
 * deleted call of none. */
static void
test_proposed_marks (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  /* "NOTING that the first report¹ was adopted," */
  DraftingNode *first = add_with_footnote (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "NOTING",
                                           marked ("that the first report was adopted,",
                                                   DRAFTING_MARK_FOOTNOTE_REF, 21, 21, "fn1", -1),
                                           "fn1", "The report of 2017.");
  /* "RECOGNIZING the value of data² for sound risk management," */
  DraftingNode *second = add_with_footnote (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "RECOGNIZING",
                                            marked ("the value of data for sound risk management,",
                                                    DRAFTING_MARK_EMPHASIS, 4, 9,
                                                    DRAFTING_MARK_FOOTNOTE_REF, 17, 17, "fn2",
                                                    DRAFTING_MARK_EMPHASIS, 22, 27, -1),
                                            "fn2", "Data as the Data Model defines it.");
  /* "Members should act." and the footnote after it, uncalled. */
  DraftingNode *third = add_with_footnote (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                                           marked ("Members should act.", -1),
                                           "fn3", "Within a year.");
  /* "Members should report⁴ yearly." */
  DraftingNode *fourth = add_with_footnote (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                                            marked ("Members should report yearly.",
                                                    DRAFTING_MARK_FOOTNOTE_REF, 21, 21, "fn4", -1),
                                            "fn4", "To the Council.");
  g_autoptr(DraftingDocument) proposed = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GPtrArray) as_proposed = NULL;
  DraftingLayoutBlock *block;
  DraftingLayoutBlock *was;
  DraftingLayoutBlock *will;
  DraftingLayoutRun *run;
  DraftingLayoutRun *call;
  g_autofree char *accepted = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *expected = NULL;

  /* The first clause deleted, and its footnote with it. */
  g_object_unref (propose (document, DRAFTING_AMENDMENT_DELETE, first, "Kenya", NULL));
  /* "the real value of shared data¹ for risk management,": a word
   * inserted, one inserted and emphasised, one emphasised deleted. */
  propose_wording (document, second, "France",
                   marked ("the real value of shared data for risk management,",
                           DRAFTING_MARK_EMPHASIS, 9, 14,
                           DRAFTING_MARK_EMPHASIS, 18, 24,
                           DRAFTING_MARK_FOOTNOTE_REF, 29, 29, "fn2", -1));
  /* "Members should act² now.": the footnote called. */
  propose_wording (document, third, "Japan",
                   marked ("Members should act now.",
                           DRAFTING_MARK_FOOTNOTE_REF, 18, 18, "fn3", -1));
  /* "Members should report every year.": the call gone. */
  propose_wording (document, fourth, "Spain", marked ("Members should report every year.", -1));

  proposed = drafting_document_new_as_proposed (document, NULL);
  merged = drafting_layout_build_proposed (document, NULL);
  present = drafting_layout_build_all (document);
  as_proposed = drafting_layout_build_all (proposed);

  /* The reworded clause. */
  block = block_of (merged, drafting_node_get_id (second));
  was = block_of (present, drafting_node_get_id (second));
  will = block_of (as_proposed, drafting_node_get_id (second));
  g_assert_cmpstr (was->text, ==, "RECOGNIZING the value of data² for sound risk management,");
  g_assert_cmpstr (will->text, ==, "RECOGNIZING the real value of shared data¹ for risk management,");
  accepted = read_as (block, DRAFTING_CHANGE_DELETED);
  rejected = read_as (block, DRAFTING_CHANGE_INSERTED);
  g_assert_cmpstr (accepted, ==, will->text);
  /* The same footnote, numbered as the text as proposed numbers it: a
   * word processor numbers it again as it is. */
  g_assert_cmpstr (rejected, ==, "RECOGNIZING the value of data¹ for sound risk management,");

  run = find_run (block, "RECOGNIZING", DRAFTING_RUN_LEAD, DRAFTING_CHANGE_NONE);
  g_assert_nonnull (run);
  g_assert_null (run->amendment);
  g_assert_nonnull (find_run (block, "value", DRAFTING_RUN_EMPHASIS, DRAFTING_CHANGE_NONE));
  run = find_run (block, "shared", DRAFTING_RUN_EMPHASIS, DRAFTING_CHANGE_INSERTED);
  g_assert_nonnull (run);
  g_assert_cmpstr (drafting_amendment_get_delegation (run->amendment), ==, "France");
  /* The space after a deleted word goes with it, in its marks. */
  run = find_run (block, "sound ", DRAFTING_RUN_EMPHASIS, DRAFTING_CHANGE_DELETED);
  g_assert_nonnull (run);
  g_assert_cmpstr (drafting_amendment_get_delegation (run->amendment), ==, "France");

  g_assert_nonnull (block->notes);
  g_assert_cmpuint (block->notes->len, ==, 1);
  g_assert_cmpstr (((DraftingLayoutBlock *) g_ptr_array_index (block->notes, 0))->text, ==,
                   "Data as the Data Model defines it.");
  call = only_call (block);
  g_assert_cmpint (call->change, ==, DRAFTING_CHANGE_NONE);
  g_assert_cmpint (call->note, ==, 0);
  g_assert_cmpuint (g_array_index (block->calls, guint, 0), ==, call->start);
  g_assert_true (g_str_has_prefix (block->text + call->start, "¹ for"));

  /* The runs cover the text, one after another; those changed have an
   * amendment, the others none. */
  for (guint i = 0, at = 0; i < block->runs->len; i++)
    {
      run = &g_array_index (block->runs, DraftingLayoutRun, i);
      g_assert_cmpuint (run->start, ==, at);
      g_assert_cmpuint (run->end, >, run->start);
      g_assert_true ((run->change == DRAFTING_CHANGE_NONE) == (run->amendment == NULL));
      at = run->end;
      if (i + 1 == block->runs->len)
        g_assert_cmpuint (at, ==, strlen (block->text));
    }

  /* A call inserted: the footnote, called where it is inserted. */
  block = block_of (merged, drafting_node_get_id (third));
  g_clear_pointer (&accepted, g_free);
  accepted = read_as (block, DRAFTING_CHANGE_DELETED);
  g_assert_cmpstr (accepted, ==, block_of (as_proposed, drafting_node_get_id (third))->text);
  call = only_call (block);
  g_assert_cmpint (call->change, ==, DRAFTING_CHANGE_INSERTED);
  g_assert_cmpstr (drafting_amendment_get_delegation (call->amendment), ==, "Japan");
  g_assert_cmpint (call->note, ==, 0);
  g_assert_cmpuint (block->notes->len, ==, 1);
  g_assert_cmpuint (g_array_index (block->calls, guint, 0), ==, call->start);

  /* A call taken away: deleted with its footnote, the present text's,
   * added to the block's notes after its own and deleted; the footnote,
   * still the element's, printed after the text as proposed: inserted. */
  block = block_of (merged, drafting_node_get_id (fourth));
  g_clear_pointer (&rejected, g_free);
  rejected = read_as (block, DRAFTING_CHANGE_INSERTED);
  expected = g_strdup (block_of (present, drafting_node_get_id (fourth))->text);
  g_assert_cmpstr (rejected, ==, expected);
  call = only_call (block);
  g_assert_cmpint (call->change, ==, DRAFTING_CHANGE_DELETED);
  g_assert_cmpint (call->note, ==, 1);
  g_assert_cmpstr (drafting_amendment_get_delegation (call->amendment), ==, "Spain");
  g_assert_cmpuint (block->notes->len, ==, 2);
  g_assert_cmpuint (block->calls->len, ==, 2);
  g_assert_cmpuint (g_array_index (block->calls, guint, 0), ==, G_MAXUINT);
  g_assert_cmpuint (g_array_index (block->calls, guint, 1), ==, call->start);
  {
    DraftingLayoutBlock *kept_note = g_ptr_array_index (block->notes, 0);
    DraftingLayoutBlock *deleted_note = g_ptr_array_index (block->notes, 1);

    g_assert_cmpstr (kept_note->id, ==, deleted_note->id);
    g_assert_cmpstr (kept_note->text, ==, deleted_note->text);
    g_assert_cmpint (kept_note->change, ==, DRAFTING_CHANGE_INSERTED);
    g_assert_cmpint (deleted_note->change, ==, DRAFTING_CHANGE_DELETED);
    g_assert_cmpstr (drafting_amendment_get_delegation (kept_note->amendment), ==, "Spain");
    g_assert_cmpstr (drafting_amendment_get_delegation (deleted_note->amendment), ==, "Spain");
  }
}

/* What moved, found alone, is what the whole comparison finds moved. */
static void
test_moved (void)
{
  g_autoptr(DraftingDocument) document = drafting_export_test_amended_relief ();
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  const char * const france[] = { "France", NULL };
  g_autoptr(DraftingDocument) unchanged = drafting_document_new_as_proposed (document, france);
  g_autoptr(DraftingDocument) proposed = NULL;
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GHashTable) moved = NULL;
  g_autoptr(GHashTable) none = NULL;
  guint n_moved = 0;

  /* A paragraph moved, and with it what it holds, besides the
   * sub-paragraph the relief amendments move. */
  drafting_export_test_propose (document, DRAFTING_AMENDMENT_MOVE, first, second, "Chile", NULL,
                                NULL);
  proposed = drafting_document_new_as_proposed (document, NULL);
  comparison = drafting_compare (drafting_document_get_root (document),
                                 drafting_document_get_root (proposed),
                                 drafting_document_get_language (document));
  moved = drafting_compare_find_moved (drafting_document_get_root (document),
                                       drafting_document_get_root (proposed));

  for (guint i = 0; i < drafting_comparison_get_n_entries (comparison); i++)
    {
      const DraftingComparisonEntry *entry = drafting_comparison_get_entry (comparison, i);

      g_assert_cmpint (entry->change == DRAFTING_ELEMENT_MOVED, ==,
                       g_hash_table_contains (moved, entry->id));
      n_moved += entry->change == DRAFTING_ELEMENT_MOVED;
    }
  /* Paragraph 1 or 2, and sub-paragraph (a). */
  g_assert_cmpuint (n_moved, ==, 2);
  g_assert_cmpuint (g_hash_table_size (moved), ==, n_moved);

  /* Words reworded only: nothing moved. */
  none = drafting_compare_find_moved (drafting_document_get_root (document),
                                      drafting_document_get_root (unchanged));
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/layout/resolution", test_resolution);
  g_test_add_func ("/layout/numbers", test_numbers);
  g_test_add_func ("/layout/footnotes", test_footnotes);
  g_test_add_func ("/layout/incremental", test_incremental);
  g_test_add_func ("/layout/empty", test_empty);
  g_test_add_func ("/layout/tracked", test_tracked);
  g_test_add_func ("/layout/proposed", test_proposed);
  g_test_add_func ("/layout/proposed-marks", test_proposed_marks);
  g_test_add_func ("/layout/moved", test_moved);

  return g_test_run ();
}
