/* bench-amendments.c: amendments at scale: loading them, marking their
 * changes, accepting one, their conflicts and the panel's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drafting-bench-utils.h"
#include "drafting-diff.h"
#include "drafting-document-private.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * A committee session brings thousands of amendments to a resolution. This
 * benchmark generates resolutions of 1,000 to 10,000 clauses, and proposes
 * to each, through drafting_document_propose(), one amendment for every
 * two clauses (5,000 to the largest) from 180 delegations, most with
 * co-sponsors: most replace a few words of a clause, some insert a clause,
 * delete or move one; a few are then rejected, withdrawn or accepted. Some
 * are planted where the figures need them:
 *
 *  - six amendments of one operative paragraph, each to other words of it:
 *    accepting the first re-applies the five others onto the new text;
 *  - an amendment with four conflicts: three others that change the same
 *    word of its paragraph, and one that moves the paragraph; a fifth to
 *    other words of it is in conflict only with the move;
 *  - pairs of amendments that change the same words (in conflict with each
 *    other), and pairs that change other words of one clause (not).
 *
 * What is timed: loading the saved document with its amendments and
 * without (and the ratio of the two); marking the changes of every open
 * amendment of wording (the word difference of the element's present text
 * and the proposed one), as the window shows them; accepting the planted
 * amendment, with the re-application of the five others, and undoing it;
 * the conflicts of one amendment, asked for again and again and just
 * after a change to the record, and of all of them after a change, one
 * by one as the panel asks and all at once (the panel's "conflicts"
 * column); and one pass over the list model counting the
 * amendments of one delegation and those of one status, as the panel's
 * filters will. Each timed figure is checked against what was planted:
 * a figure for work not done would be no figure at all.
 *
 * Each phase runs in a fresh child process (this program run again with
 * --child PHASE SIZE DIR), so that the peak memory it reports is its own;
 * "prepare" writes the two files the others load, and what they should
 * find in them, into DIR.
 */

#define N_DELEGATIONS 180
#define FILTER_DELEGATION "Delegation 42"
#define MAX_AMENDMENTS 5000
#define N_REAPPLIED 5          /* others of the accepted amendment's clause */
#define PROBE_CONFLICTS 4      /* the planted amendment's conflicts */
#define ROUNDS 3               /* of the timed phases, whose medians are reported */
#define SAMPLE_NS 20000000     /* a sample of a quick operation lasts at least this long */
#define SAMPLES 15             /* of which the median is reported */
#define ACCEPT_RUNS 201        /* accepted and undone */

#define LOAD_RATIO_GOAL 2.0
#define ACCEPT_GOAL_NS 1000000

static const guint sizes[] = { 1000, 2500, 5000, 10000 };

/* What a replacement puts in place of a word. */
static const char * const replacements[] = {
  "promptly", "jointly", "gradually", "voluntarily", "systematically", "duly", "expressly",
  "adequately", "periodically", "collectively", "progressively", "consistently", "swiftly",
  "proportionately", "transparently", "uniformly",
};

static const char * const inserted_texts[] = {
  "Requests the Secretariat to report on the implementation of this Resolution to the Policy "
  "Commission every two years;",
  "Encourages Members to share their experience of these measures with other Members through "
  "the regional offices;",
  "Invites the donor community to support the capacity building activities that Members may "
  "need to apply these principles;",
};

static guint
n_amendments (guint size)
{
  return MIN (size / 2, MAX_AMENDMENTS);
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
wrong (const char *format,
       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("bench-amendments: %s\n", message);
  exit (1);
}

static void
report_median (const char *key,
               GArray     *samples)
{
  g_autofree char *count = g_strconcat (key, "_n", NULL);

  drafting_bench_report_int (key, drafting_bench_median (samples));
  drafting_bench_report_int (count, samples->len);
}

/* How often to repeat a slow operation at @size. */
static guint
repetitions (guint size,
             guint small,
             guint large)
{
  return size <= 1000 ? small : size >= 10000 ? large : (small + large) / 2 | 1;
}

typedef guint (*Operation) (gpointer data);

/* The median time of one @operation, in ns, over samples of a batch of
 * them each long enough for the clock to say little of it. */
static gint64
time_operation (Operation operation,
                gpointer  data)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint batch = 1;
  gint64 start;
  gint64 elapsed;

  for (;;)
    {
      start = now_ns ();
      for (guint i = 0; i < batch; i++)
        operation (data);
      elapsed = now_ns () - start;
      if (elapsed >= SAMPLE_NS || batch >= 1u << 20)
        break;
      batch *= elapsed > 0 ? MAX (2, (guint) (SAMPLE_NS / elapsed) + 1) : 16;
    }

  for (guint s = 0; s < SAMPLES; s++)
    {
      start = now_ns ();
      for (guint i = 0; i < batch; i++)
        operation (data);
      g_array_append_val (samples, (gint64) { (now_ns () - start) / batch });
    }

  return drafting_bench_median (samples);
}

/* ------------------------------------------------------------------ */
/* The words of a clause                                               */

typedef struct
{
  guint start;
  guint end;
} Word;

/* The words of @text a replacement can take whole: letters between two
 * spaces, three or more, one token of the difference engine each. */
static GArray *
clean_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  for (guint i = 1; text[i] != '\0'; i++)
    {
      guint j = i;

      if (!g_ascii_isalpha (text[i]) || text[i - 1] != ' ')
        continue;
      while (g_ascii_isalpha (text[j]))
        j++;
      if (text[j] == ' ' && j - i >= 3)
        g_array_append_val (words, ((Word) { i, j }));
      i = j - 1;
    }

  return words;
}

/* @node's wording with its clean words @indices (ascending) replaced by
 * @with, its marks and footnote references kept. */
static DraftingInline *
replace_words (DraftingNode       *node,
               GArray             *words,
               const guint        *indices,
               const char * const *with,
               guint               n)
{
  DraftingInline *content = drafting_inline_copy (drafting_node_get_content (node));

  for (guint k = n; k-- > 0;)
    {
      const Word *word = &g_array_index (words, Word, indices[k]);

      drafting_inline_delete (content, word->start, word->end);
      drafting_inline_insert (content, word->start, with[k], -1);
    }

  return content;
}

/* ------------------------------------------------------------------ */
/* The amendments, proposed                                            */

typedef struct
{
  DraftingDocument *document;
  GRand            *rand;
  guint             serial;        /* of the replacement words */
  guint             proposed;      /* amendments in the record */
  guint             open;          /* of which still proposed */
  guint             open_replace;  /* of which of wording */
  guint             involving;     /* proposed or co-sponsored by FILTER_DELEGATION */
  guint             conflicts;     /* the conflicts of all, each counted from both sides */
  guint             actions[4];
  guint             statuses[DRAFTING_AMENDMENT_SUPERSEDED + 1];
  gint64            propose_ns;
  GKeyFile         *plan;          /* what the phases should find */
} Builder;

static const char *
next_replacement (Builder    *b,
                  const char *text,
                  const Word *word)
{
  for (;;)
    {
      const char *with = replacements[b->serial++ % G_N_ELEMENTS (replacements)];

      if (strlen (with) != word->end - word->start ||
          strncmp (with, text + word->start, word->end - word->start) != 0)
        return with;
    }
}

static DraftingAmendment *
new_amendment (Builder                 *b,
               DraftingAmendmentAction  action)
{
  guint delegation = g_rand_int_range (b->rand, 1, N_DELEGATIONS + 1);
  guint n_cosponsors = g_rand_int_range (b->rand, 0, 4);
  g_autofree char *name = g_strdup_printf ("Delegation %u", delegation);
  g_autoptr(GPtrArray) cosponsors = g_ptr_array_new_with_free_func (g_free);
  gboolean involves = g_strcmp0 (name, FILTER_DELEGATION) == 0;
  DraftingAmendment *amendment = drafting_amendment_new (action, name);

  while (cosponsors->len < n_cosponsors)
    {
      guint other = g_rand_int_range (b->rand, 1, N_DELEGATIONS + 1);
      g_autofree char *other_name = g_strdup_printf ("Delegation %u", other);
      gboolean again = other == delegation;

      for (guint i = 0; i < cosponsors->len && !again; i++)
        again = strcmp (g_ptr_array_index (cosponsors, i), other_name) == 0;
      if (again)
        continue;
      involves |= strcmp (other_name, FILTER_DELEGATION) == 0;
      g_ptr_array_add (cosponsors, g_steal_pointer (&other_name));
    }
  g_ptr_array_add (cosponsors, NULL);
  drafting_amendment_set_cosponsors (amendment, (const char * const *) cosponsors->pdata);
  b->involving += involves;

  return amendment;
}

static void
submit (Builder           *b,
        DraftingAmendment *amendment)
{
  g_autoptr(GError) error = NULL;
  gint64 start = now_ns ();

  if (!drafting_document_propose (b->document, amendment, &error))
    drafting_bench_fail ("proposing an amendment", error);
  b->propose_ns += now_ns () - start;
  b->proposed++;
  b->open++;
  b->actions[drafting_amendment_get_action (amendment)]++;
  b->statuses[DRAFTING_AMENDMENT_PROPOSED]++;
  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_REPLACE)
    b->open_replace++;
}

/* A new amendment of @node's wording, its clean words @indices replaced
 * by @with, or by words of the list when it is %NULL. */
static DraftingAmendment *
propose_words (Builder            *b,
               DraftingNode       *node,
               GArray             *words,
               const guint        *indices,
               const char * const *with,
               guint               n)
{
  DraftingAmendment *amendment = new_amendment (b, DRAFTING_AMENDMENT_REPLACE);
  const char *chosen[4];
  g_autoptr(DraftingInline) content = NULL;

  g_assert (n <= G_N_ELEMENTS (chosen));
  for (guint k = 0; k < n; k++)
    chosen[k] = with != NULL ? with[k]
                             : next_replacement (b, drafting_node_get_text (node),
                                                 &g_array_index (words, Word, indices[k]));
  content = replace_words (node, words, indices, chosen, n);
  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_wording (amendment, drafting_node_get_lead (node), content);
  submit (b, amendment);

  return amendment;
}

/* @n consecutive clean words from @first. */
static DraftingAmendment *
propose_run (Builder      *b,
             DraftingNode *node,
             GArray       *words,
             guint         first,
             guint         n)
{
  guint indices[3];

  g_assert (n <= G_N_ELEMENTS (indices) && first + n <= words->len);
  for (guint k = 0; k < n; k++)
    indices[k] = first + k;

  return propose_words (b, node, words, indices, NULL, n);
}

static void
decide (Builder                 *b,
        DraftingAmendment       *amendment,
        DraftingAmendmentStatus  status)
{
  g_autoptr(GError) error = NULL;
  gboolean done = status == DRAFTING_AMENDMENT_ACCEPTED
                    ? drafting_document_accept_amendment (b->document, amendment, &error)
                    : drafting_document_decide_amendment (b->document, amendment, status, &error);

  if (!done)
    drafting_bench_fail ("deciding an amendment", error);
  b->open--;
  b->statuses[DRAFTING_AMENDMENT_PROPOSED]--;
  b->statuses[status]++;
  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_REPLACE)
    b->open_replace--;
}

/* A few of the amendments nobody else's is about: decided. */
static void
maybe_decide (Builder           *b,
              DraftingAmendment *amendment)
{
  guint r = g_rand_int_range (b->rand, 0, 100);

  if (r < 5)
    decide (b, amendment, DRAFTING_AMENDMENT_REJECTED);
  else if (r < 8)
    decide (b, amendment, DRAFTING_AMENDMENT_WITHDRAWN);
  else if (r < 10 && drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_REPLACE)
    decide (b, amendment, DRAFTING_AMENDMENT_ACCEPTED);
}

static gboolean
is_candidate (DraftingNode *node)
{
  switch (drafting_node_get_kind (node))
    {
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_PRINCIPLE:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_PARAGRAPH:
      return drafting_kind_has_text (drafting_node_get_kind (node));
    default:
      return FALSE;
    }
}

/* Another element of @node's kind to move it after, not inside it. */
static DraftingNode *
destination_for (Builder      *b,
                 GPtrArray    *candidates,
                 DraftingNode *node)
{
  for (guint tries = 0; tries < 10000; tries++)
    {
      DraftingNode *anchor = g_ptr_array_index (candidates, g_rand_int_range (b->rand, 0, candidates->len));

      if (anchor != node && drafting_node_get_kind (anchor) == drafting_node_get_kind (node) &&
          !drafting_node_is_ancestor (node, anchor) && drafting_node_get_next_sibling (node) != anchor)
        return anchor;
    }
  wrong ("no place to move a %s to", drafting_kind_to_string (drafting_node_get_kind (node)));
}

static void
propose_move (Builder      *b,
              GPtrArray    *candidates,
              DraftingNode *node,
              gboolean      decided)
{
  g_autoptr(DraftingAmendment) amendment = new_amendment (b, DRAFTING_AMENDMENT_MOVE);
  DraftingNode *anchor = destination_for (b, candidates, node);

  drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (amendment, drafting_node_get_id (anchor), DRAFTING_PLACEMENT_AFTER);
  submit (b, amendment);
  if (decided)
    maybe_decide (b, amendment);
}

static void
plan_set_ids (GKeyFile           *plan,
              const char         *key,
              DraftingAmendment **amendments,
              guint               n)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) drafting_amendment_get_id (amendments[i]));
  g_key_file_set_string_list (plan, "plan", key, (const char * const *) ids->pdata, n);
}

/* Six amendments of @node, each to another word of it; the first to be
 * accepted, and what the five others should read then. */
static void
plant_accept (Builder      *b,
              DraftingNode *node)
{
  const char *text = drafting_node_get_text (node);
  g_autoptr(GArray) words = clean_words (text);
  DraftingAmendment *planted[N_REAPPLIED + 1];
  const char *with[N_REAPPLIED + 1];
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i <= N_REAPPLIED; i++)
    {
      guint index = 1 + 5 * i;

      with[i] = next_replacement (b, text, &g_array_index (words, Word, index));
      planted[i] = propose_words (b, node, words, &index, &with[i], 1);
    }

  /* Each other's change laid over the first's. */
  for (guint i = 1; i <= N_REAPPLIED; i++)
    {
      const guint indices[] = { 1, 1 + 5 * i };
      const char * const both_with[] = { with[0], with[i] };
      g_autoptr(DraftingInline) both = replace_words (node, words, indices, both_with, 2);

      g_ptr_array_add (merged, g_strdup (drafting_inline_get_text (both)));
    }
  g_ptr_array_add (merged, NULL);

  plan_set_ids (b->plan, "accept", planted, 1);
  plan_set_ids (b->plan, "reapplied", planted + 1, N_REAPPLIED);
  g_key_file_set_string (b->plan, "plan", "accept_element", drafting_node_get_id (node));
  g_key_file_set_string (b->plan, "plan", "accept_before", text);
  g_key_file_set_string (b->plan, "plan", "accept_after",
                         drafting_inline_get_text (drafting_amendment_get_content (planted[0])));
  g_key_file_set_string_list (b->plan, "plan", "reapplied_after",
                              (const char * const *) merged->pdata, N_REAPPLIED);
  for (guint i = 0; i <= N_REAPPLIED; i++)
    g_object_unref (planted[i]);
}

/* An amendment with PROBE_CONFLICTS conflicts: three to the same word of
 * its paragraph, and one that moves the paragraph; and one more, to other
 * words, in conflict only with the move. */
static void
plant_probe (Builder      *b,
             GPtrArray    *candidates,
             DraftingNode *node)
{
  g_autoptr(GArray) words = clean_words (drafting_node_get_text (node));
  g_autoptr(DraftingAmendment) move = new_amendment (b, DRAFTING_AMENDMENT_MOVE);
  DraftingAmendment *probe;
  DraftingAmendment *conflicting[PROBE_CONFLICTS];
  DraftingAmendment *elsewhere;

  probe = propose_run (b, node, words, 3, 1);
  conflicting[0] = propose_run (b, node, words, 3, 1);
  conflicting[1] = propose_run (b, node, words, 3, 2);
  conflicting[2] = propose_run (b, node, words, 2, 2);
  elsewhere = propose_run (b, node, words, 12, 2);
  drafting_amendment_set_target (move, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
  drafting_amendment_set_destination (move, drafting_node_get_id (destination_for (b, candidates, node)),
                                      DRAFTING_PLACEMENT_AFTER);
  submit (b, move);
  conflicting[3] = g_object_ref (move);

  /* The four replacements of word 3 with each other, and each of the five
   * with the move, from both sides. */
  b->conflicts += 4 * 3 + 2 * 5;

  plan_set_ids (b->plan, "probe", &probe, 1);
  plan_set_ids (b->plan, "probe_conflicts", conflicting, PROBE_CONFLICTS);
  g_object_unref (probe);
  g_object_unref (elsewhere);
  for (guint i = 0; i < PROBE_CONFLICTS; i++)
    g_object_unref (conflicting[i]);
}

/* The document with its amendments; @plain gets it saved without. */
static DraftingDocument *
build (guint    size,
       GBytes **plain,
       Builder *b)
{
  DraftingDocument *document = drafting_test_generate_resolution (size, NULL);
  GListModel *elements = G_LIST_MODEL (document);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DraftingNode *accept_node = NULL;
  DraftingNode *probe_node = NULL;
  guint target = n_amendments (size);
  guint next = 0;

  *plain = drafting_native_save_bytes (document, &error);
  if (*plain == NULL)
    drafting_bench_fail ("saving the document", error);

  b->document = document;
  b->rand = g_rand_new_with_seed (size);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      DraftingNode *node = g_list_model_get_item (elements, i);

      if (is_candidate (node))
        g_ptr_array_add (candidates, node);
      else
        g_object_unref (node);
    }
  for (guint i = candidates->len; i > 1; i--)
    {
      guint j = g_rand_int_range (b->rand, 0, i);
      gpointer t = candidates->pdata[i - 1];

      candidates->pdata[i - 1] = candidates->pdata[j];
      candidates->pdata[j] = t;
    }

  /* The planted ones, on operative paragraphs long enough. */
  for (guint i = 0; i < candidates->len && (accept_node == NULL || probe_node == NULL); i++)
    {
      DraftingNode *node = g_ptr_array_index (candidates, i);
      g_autoptr(GArray) words = NULL;

      if (drafting_node_get_kind (node) != DRAFTING_KIND_OPERATIVE_PARAGRAPH)
        continue;
      words = clean_words (drafting_node_get_text (node));
      if (accept_node == NULL && words->len >= 5 * N_REAPPLIED + 3)
        accept_node = node;
      else if (probe_node == NULL && words->len >= 16)
        probe_node = node;
    }
  if (accept_node == NULL || probe_node == NULL)
    wrong ("no operative paragraph long enough for the planted amendments");
  plant_accept (b, accept_node);
  plant_probe (b, candidates, probe_node);

  /* The others, an element each. */
  while (b->proposed < target)
    {
      DraftingNode *node;
      g_autoptr(GArray) words = NULL;
      guint r = g_rand_int_range (b->rand, 0, 100);
      guint left = target - b->proposed;
      DraftingKind kind;

      if (next >= candidates->len)
        wrong ("%u amendments proposed of %u: no clause left for the others", b->proposed, target);
      node = g_ptr_array_index (candidates, next++);
      if (node == accept_node || node == probe_node)
        continue;
      kind = drafting_node_get_kind (node);
      words = clean_words (drafting_node_get_text (node));

      if (r < 7 && !drafting_node_has_content_children (node))
        {
          g_autoptr(DraftingAmendment) amendment = new_amendment (b, DRAFTING_AMENDMENT_DELETE);

          drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
          submit (b, amendment);
          maybe_decide (b, amendment);
        }
      else if (r < 12 && (kind == DRAFTING_KIND_PREAMBLE_CLAUSE || kind == DRAFTING_KIND_OPERATIVE_PARAGRAPH))
        propose_move (b, candidates, node, TRUE);
      else if (r < 20)
        {
          g_autoptr(DraftingAmendment) amendment = new_amendment (b, DRAFTING_AMENDMENT_INSERT);
          g_autoptr(DraftingInline) content =
            drafting_inline_new (inserted_texts[b->proposed % G_N_ELEMENTS (inserted_texts)]);

          drafting_amendment_set_target (amendment, drafting_node_get_id (node), DRAFTING_PLACEMENT_AFTER);
          drafting_amendment_set_kind (amendment, kind);
          drafting_amendment_set_wording (amendment, drafting_kind_has_lead (kind) ? drafting_node_get_lead (node)
                                                                                  : NULL, content);
          submit (b, amendment);
          maybe_decide (b, amendment);
        }
      else if (r < 26 && left >= 2 && words->len >= 6)
        {
          /* Two delegations change the same words: in conflict. */
          guint first = g_rand_int_range (b->rand, 0, words->len - 2);
          g_autoptr(DraftingAmendment) a = propose_run (b, node, words, first, 1);
          g_autoptr(DraftingAmendment) c = propose_run (b, node, words, first, 2);

          b->conflicts += 2;
        }
      else if (r < 38 && left >= 2 && words->len >= 12)
        {
          /* Two change other words of one clause: no conflict. */
          guint third = words->len / 3;
          guint first = g_rand_int_range (b->rand, 0, third - 2);
          guint second = g_rand_int_range (b->rand, 2 * third, words->len - 2);
          g_autoptr(DraftingAmendment) a = propose_run (b, node, words, first, 2);
          g_autoptr(DraftingAmendment) c = propose_run (b, node, words, second, 2);
        }
      else if (words->len >= 4)
        {
          guint n = g_rand_int_range (b->rand, 1, 4);
          g_autoptr(DraftingAmendment) amendment =
            propose_run (b, node, words, g_rand_int_range (b->rand, 0, words->len - n + 1), n);

          maybe_decide (b, amendment);
        }
    }

  g_rand_free (b->rand);
  return document;
}

/* ------------------------------------------------------------------ */
/* The phases, each in a child process of its own                      */

typedef struct
{
  guint       size;
  const char *dir;
} Child;

static char *
child_path (Child      *child,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("doc-%u-%s", child->size, what);

  return g_build_filename (child->dir, name, NULL);
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    drafting_bench_fail ("writing a file", error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &error))
    drafting_bench_fail ("reading a file", error);

  return g_bytes_new_take (data, len);
}

static GKeyFile *
read_plan (Child *child)
{
  g_autofree char *path = child_path (child, "plan.ini");
  g_autoptr(GError) error = NULL;
  GKeyFile *plan = g_key_file_new ();

  if (!g_key_file_load_from_file (plan, path, G_KEY_FILE_NONE, &error))
    drafting_bench_fail ("reading what was planted", error);

  return plan;
}

static guint
plan_int (GKeyFile   *plan,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 value = g_key_file_get_int64 (plan, "plan", key, &error);

  if (error != NULL)
    drafting_bench_fail (key, error);

  return (guint) value;
}

static char *
plan_string (GKeyFile   *plan,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (plan, "plan", key, &error);

  if (value == NULL)
    drafting_bench_fail (key, error);

  return value;
}

static char **
plan_strings (GKeyFile   *plan,
              const char *key,
              gsize       n)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char **value = g_key_file_get_string_list (plan, "plan", key, &len, &error);

  if (value == NULL)
    drafting_bench_fail (key, error);
  if (len != n)
    wrong ("%s: %zu values, not %zu", key, len, n);

  return value;
}

/* The amendment the plan names as @key, in @document. */
static DraftingAmendment *
planted (DraftingDocument *document,
         GKeyFile         *plan,
         const char       *key)
{
  g_auto(GStrv) ids = plan_strings (plan, key, 1);
  DraftingAmendment *amendment = drafting_document_lookup_amendment (document, ids[0]);

  if (amendment == NULL)
    wrong ("the amendment planted as “%s” (%s) did not load", key, ids[0]);

  return amendment;
}

static DraftingDocument *
load_with (Child    *child,
           GKeyFile *plan)
{
  g_autofree char *path = child_path (child, "with" DRAFTING_NATIVE_EXTENSION);
  g_autoptr(GBytes) bytes = read_file (path);
  g_autoptr(GError) error = NULL;
  DraftingDocument *document = drafting_native_load_bytes (bytes, &error);
  guint n;

  if (document == NULL)
    drafting_bench_fail ("loading the document with its amendments", error);
  n = g_list_model_get_n_items (drafting_document_get_amendments (document));
  if (n != plan_int (plan, "amendments"))
    wrong ("%u amendments loaded, not %u", n, plan_int (plan, "amendments"));

  return document;
}

/* Nothing: the memory any child takes before it does anything. */
static void
phase_baseline (Child *child G_GNUC_UNUSED)
{
}

/* The two files, and what the others should find in them. */
static void
phase_prepare (Child *child)
{
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) with = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_path = child_path (child, "plain" DRAFTING_NATIVE_EXTENSION);
  g_autofree char *with_path = child_path (child, "with" DRAFTING_NATIVE_EXTENSION);
  g_autofree char *plan_path = child_path (child, "plan.ini");
  Builder b = { .plan = plan };
  guint elements;

  document = build (child->size, &plain, &b);
  elements = g_list_model_get_n_items (G_LIST_MODEL (document));
  with = drafting_native_save_bytes (document, &error);
  if (with == NULL)
    drafting_bench_fail ("saving the document with its amendments", error);
  write_file (plain_path, plain);
  write_file (with_path, with);

  g_key_file_set_int64 (plan, "plan", "elements", elements);
  g_key_file_set_int64 (plan, "plan", "amendments", b.proposed);
  g_key_file_set_int64 (plan, "plan", "open", b.open);
  g_key_file_set_int64 (plan, "plan", "open_replace", b.open_replace);
  g_key_file_set_int64 (plan, "plan", "involving", b.involving);
  g_key_file_set_int64 (plan, "plan", "conflicts", b.conflicts);
  if (!g_key_file_save_to_file (plan, plan_path, &error))
    drafting_bench_fail ("writing what was planted", error);

  /* What was saved loads with all of it. */
  if ((loaded = drafting_native_load_bytes (with, &error)) == NULL)
    drafting_bench_fail ("loading the document with its amendments", error);
  if (g_list_model_get_n_items (drafting_document_get_amendments (loaded)) != b.proposed ||
      g_list_model_get_n_items (G_LIST_MODEL (loaded)) != elements)
    wrong ("the saved document loads with %u amendments and %u elements, not %u and %u",
           g_list_model_get_n_items (drafting_document_get_amendments (loaded)),
           g_list_model_get_n_items (G_LIST_MODEL (loaded)), b.proposed, elements);

  drafting_bench_report_int ("elements", elements);
  drafting_bench_report_int ("amendments", b.proposed);
  drafting_bench_report_int ("open", b.open);
  drafting_bench_report_int ("open_replace", b.open_replace);
  for (guint a = 0; a < G_N_ELEMENTS (b.actions); a++)
    {
      g_autofree char *key = g_strconcat ("action_", drafting_amendment_action_to_string (a), NULL);

      drafting_bench_report_int (key, b.actions[a]);
    }
  for (guint s = 0; s < G_N_ELEMENTS (b.statuses); s++)
    {
      g_autofree char *key = g_strconcat ("status_", drafting_amendment_status_to_string (s), NULL);

      drafting_bench_report_int (key, b.statuses[s]);
    }
  drafting_bench_report_int ("involving", b.involving);
  drafting_bench_report_int ("conflicts", b.conflicts);
  drafting_bench_report_int ("plain_bytes", g_bytes_get_size (plain));
  drafting_bench_report_int ("with_bytes", g_bytes_get_size (with));
  drafting_bench_report_int ("propose_ns", b.propose_ns / b.proposed);
}

static void
load (Child    *child,
      gboolean  amended)
{
  g_autoptr(GKeyFile) plan = read_plan (child);
  g_autofree char *path = child_path (child, amended ? "with" DRAFTING_NATIVE_EXTENSION
                                                     : "plain" DRAFTING_NATIVE_EXTENSION);
  g_autoptr(GBytes) bytes = read_file (path);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint expected = amended ? plan_int (plan, "amendments") : 0;
  guint n = repetitions (child->size, 21, 9);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = now_ns ();
      guint got;

      document = drafting_native_load_bytes (bytes, &error);
      g_array_append_val (samples, (gint64) { now_ns () - start });
      if (document == NULL)
        drafting_bench_fail ("loading", error);
      got = g_list_model_get_n_items (drafting_document_get_amendments (document));
      if (got != expected || g_list_model_get_n_items (G_LIST_MODEL (document)) != plan_int (plan, "elements"))
        wrong ("loaded %u amendments and %u elements, not %u and %u", got,
               g_list_model_get_n_items (G_LIST_MODEL (document)), expected, plan_int (plan, "elements"));
    }
  report_median ("load_ns", samples);
  drafting_bench_report_int ("file_bytes", g_bytes_get_size (bytes));
}

static void
phase_load_plain (Child *child)
{
  load (child, FALSE);
}

static void
phase_load_with (Child *child)
{
  load (child, TRUE);
}

/* The changes of every open amendment of wording, as the window marks
 * them: the words the element's present text and the proposed one differ
 * by. Returns how many were marked with a change. */
static guint
mark_all (DraftingDocument *document)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  const char *language = drafting_document_get_language (document);
  guint n = g_list_model_get_n_items (amendments);
  guint marked = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autoptr(GArray) spans = NULL;
      DraftingNode *node;
      gboolean changed = FALSE;

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED ||
          drafting_amendment_get_action (amendment) != DRAFTING_AMENDMENT_REPLACE)
        continue;
      node = drafting_document_lookup (document, drafting_amendment_get_target (amendment));
      if (node == NULL)
        continue;
      spans = drafting_diff_words (drafting_node_get_text (node),
                                   drafting_inline_get_text (drafting_amendment_get_content (amendment)),
                                   language);
      for (guint s = 0; s < spans->len && !changed; s++)
        changed = g_array_index (spans, DraftingDiffSpan, s).op != DRAFTING_DIFF_EQUAL;
      marked += changed;
    }

  return marked;
}

static void
phase_mark (Child *child)
{
  g_autoptr(GKeyFile) plan = read_plan (child);
  g_autoptr(DraftingDocument) document = load_with (child, plan);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint expected = plan_int (plan, "open_replace");
  guint n = repetitions (child->size, 9, 5);

  for (guint i = 0; i < n; i++)
    {
      gint64 start = now_ns ();
      guint marked = mark_all (document);

      g_array_append_val (samples, (gint64) { now_ns () - start });
      if (marked != expected)
        wrong ("%u open amendments of wording marked with a change, not %u", marked, expected);
    }
  drafting_bench_report_int ("marked", expected);
  drafting_bench_report_int ("mark_per_ns", drafting_bench_median (samples) / expected);
  report_median ("mark_ns", samples);
}

/* Ends the process unless the five amendments re-applied with the
 * accepted one read @texts, none of them for review. */
static void
expect_contents (DraftingDocument *document,
                 GKeyFile         *plan,
                 const char       *what,
                 char            **texts)
{
  g_auto(GStrv) ids = plan_strings (plan, "reapplied", N_REAPPLIED);

  for (guint i = 0; i < N_REAPPLIED; i++)
    {
      DraftingAmendment *other = drafting_document_lookup_amendment (document, ids[i]);
      const char *content = drafting_inline_get_text (drafting_amendment_get_content (other));

      if (drafting_amendment_get_needs_review (other) || strcmp (content, texts[i]) != 0)
        wrong ("%s, amendment %u of the clause reads%s “%s”, not “%s”", what, i + 2,
               drafting_amendment_get_needs_review (other) ? " (needs review)" : "", content, texts[i]);
    }
}

static void
phase_accept (Child *child)
{
  g_autoptr(GKeyFile) plan = read_plan (child);
  g_autoptr(DraftingDocument) document = load_with (child, plan);
  g_autoptr(GArray) accept_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) undo_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *element_id = plan_string (plan, "accept_element");
  g_autofree char *before = plan_string (plan, "accept_before");
  g_autofree char *after = plan_string (plan, "accept_after");
  g_auto(GStrv) reapplied_after = plan_strings (plan, "reapplied_after", N_REAPPLIED);
  g_auto(GStrv) reapplied_ids = plan_strings (plan, "reapplied", N_REAPPLIED);
  g_auto(GStrv) reapplied_before = g_new0 (char *, N_REAPPLIED + 1);
  DraftingAmendment *amendment = planted (document, plan, "accept");
  DraftingNode *node = drafting_document_lookup (document, element_id);

  if (node == NULL || strcmp (drafting_node_get_text (node), before) != 0)
    wrong ("the clause of the planted amendments is not as it was saved");
  for (guint i = 0; i < N_REAPPLIED; i++)
    {
      DraftingAmendment *other = drafting_document_lookup_amendment (document, reapplied_ids[i]);

      if (other == NULL)
        wrong ("a planted amendment (%s) did not load", reapplied_ids[i]);
      reapplied_before[i] = g_strdup (drafting_inline_get_text (drafting_amendment_get_content (other)));
    }

  for (guint i = 0; i < ACCEPT_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = now_ns ();

      if (!drafting_document_accept_amendment (document, amendment, &error))
        drafting_bench_fail ("accepting the planted amendment", error);
      g_array_append_val (accept_samples, (gint64) { now_ns () - start });

      if (strcmp (drafting_node_get_text (node), after) != 0 ||
          drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_ACCEPTED)
        wrong ("accepted, the clause reads “%s”, not “%s”", drafting_node_get_text (node), after);
      expect_contents (document, plan, "accepted", reapplied_after);

      start = now_ns ();
      if (!drafting_document_undo (document))
        drafting_bench_fail ("undoing the acceptance", NULL);
      g_array_append_val (undo_samples, (gint64) { now_ns () - start });

      if (strcmp (drafting_node_get_text (node), before) != 0 ||
          drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED)
        wrong ("undone, the clause reads “%s”, not “%s”", drafting_node_get_text (node), before);
      expect_contents (document, plan, "undone", reapplied_before);
    }
  report_median ("accept_ns", accept_samples);
  drafting_bench_report_int ("accept_p95_ns", drafting_bench_percentile (accept_samples, 95));
  report_median ("undo_ns", undo_samples);
}

typedef struct
{
  DraftingDocument  *document;
  DraftingAmendment *amendment;
} Conflicts;

static guint
conflicts_of_one (gpointer data)
{
  Conflicts *c = data;
  g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (c->document, c->amendment);

  return conflicts->len;
}

/* The conflicts of every amendment, asked for one by one as the panel
 * asks for those of its rows. */
static guint
conflicts_of_all (DraftingDocument *document)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (amendments);
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, amendment);

      total += conflicts->len;
    }

  return total;
}

/* The same, all at once. */
static guint
conflicts_at_once (DraftingDocument *document)
{
  g_autoptr(GPtrArray) all = _drafting_document_get_all_conflicts (document);
  guint total = 0;

  for (guint i = 0; i < all->len; i++)
    total += ((GPtrArray *) g_ptr_array_index (all, i))->len;

  return total;
}

/* A change to the record, undone: what the document found of the
 * conflicts no longer holds, and is found again when next asked for. */
static void
change_record (Conflicts *c)
{
  g_autoptr(GError) error = NULL;

  if (!drafting_document_decide_amendment (c->document, c->amendment, DRAFTING_AMENDMENT_REJECTED,
                                           &error) ||
      !drafting_document_undo (c->document))
    drafting_bench_fail ("rejecting an amendment and undoing it", error);
}

static void
phase_conflicts (Child *child)
{
  g_autoptr(GKeyFile) plan = read_plan (child);
  g_autoptr(DraftingDocument) document = load_with (child, plan);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) at_once = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) expected_ids = plan_strings (plan, "probe_conflicts", PROBE_CONFLICTS);
  Conflicts one = { document, planted (document, plan, "probe") };
  guint expected = plan_int (plan, "conflicts");
  guint n = repetitions (child->size, 21, 9);

  /* The planted ones, in the order they were proposed. */
  {
    g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, one.amendment);
    gboolean same = conflicts->len == PROBE_CONFLICTS;

    for (guint i = 0; same && i < PROBE_CONFLICTS; i++)
      same = strcmp (drafting_amendment_get_id (g_ptr_array_index (conflicts, i)), expected_ids[i]) == 0;
    if (!same)
      wrong ("the planted amendment has %u conflicts, not the %u planted", conflicts->len, PROBE_CONFLICTS);
  }

  /* Asked for again and again, the record unchanged: from what the
   * document keeps of them. */
  drafting_bench_report_int ("conflicts_one_ns", time_operation (conflicts_of_one, &one));

  /* Each time after a change: the record walked again. */
  for (guint i = 0; i < SAMPLES * 2 + 1; i++)
    {
      gint64 start;

      change_record (&one);
      start = now_ns ();
      if (conflicts_of_one (&one) != PROBE_CONFLICTS)
        wrong ("the planted amendment has lost its conflicts");
      g_array_append_val (changed, (gint64) { now_ns () - start });
    }
  report_median ("conflicts_one_changed_ns", changed);

  /* Every amendment's, each time after a change, one by one as the panel
   * asks, and all at once. */
  for (guint i = 0; i < n; i++)
    {
      gint64 start;
      guint total;

      change_record (&one);
      start = now_ns ();
      total = conflicts_of_all (document);
      g_array_append_val (samples, (gint64) { now_ns () - start });
      if (total != expected)
        wrong ("the amendments have %u conflicts between them, not the %u planted", total, expected);

      change_record (&one);
      start = now_ns ();
      total = conflicts_at_once (document);
      g_array_append_val (at_once, (gint64) { now_ns () - start });
      if (total != expected)
        wrong ("the amendments have %u conflicts between them all at once, not the %u planted",
               total, expected);
    }
  drafting_bench_report_int ("conflicts", expected);
  report_median ("conflicts_all_ns", samples);
  report_median ("conflicts_all_once_ns", at_once);
}

/* One pass of a filter over the record, as the panel's list does. */
static guint
count_delegation (gpointer data)
{
  GListModel *amendments = drafting_document_get_amendments (data);
  guint n = g_list_model_get_n_items (amendments);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      count += drafting_amendment_involves (amendment, FILTER_DELEGATION);
    }

  return count;
}

static guint
count_open (gpointer data)
{
  GListModel *amendments = drafting_document_get_amendments (data);
  guint n = g_list_model_get_n_items (amendments);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      count += drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED;
    }

  return count;
}

static void
phase_filter (Child *child)
{
  g_autoptr(GKeyFile) plan = read_plan (child);
  g_autoptr(DraftingDocument) document = load_with (child, plan);
  guint involving = count_delegation (document);
  guint open = count_open (document);

  if (involving != plan_int (plan, "involving"))
    wrong ("%u amendments of %s, not %u", involving, FILTER_DELEGATION, plan_int (plan, "involving"));
  if (open != plan_int (plan, "open"))
    wrong ("%u amendments proposed, not %u", open, plan_int (plan, "open"));
  drafting_bench_report_int ("involving", involving);
  drafting_bench_report_int ("open", open);
  drafting_bench_report_int ("filter_delegation_ns", time_operation (count_delegation, document));
  drafting_bench_report_int ("filter_status_ns", time_operation (count_open, document));
}

typedef struct
{
  const char *name;
  void      (*run) (Child *child);
} Phase;

static const Phase phases[] = {
  { "load-plain", phase_load_plain },
  { "load-with", phase_load_with },
  { "mark", phase_mark },
  { "accept", phase_accept },
  { "conflicts", phase_conflicts },
  { "filter", phase_filter },
  /* Not timed in rounds. */
  { "prepare", phase_prepare },
  { "baseline", phase_baseline },
};

#define N_TIMED 6

/* bench-amendments --child PHASE SIZE DIR */
static int
run_child (int    argc,
           char **argv)
{
  Child child;

  if (argc != 5)
    {
      g_printerr ("usage: %s --child PHASE SIZE DIR\n", argv[0]);
      return 2;
    }
  child.size = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  child.dir = argv[4];

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    if (strcmp (phases[i].name, argv[2]) == 0)
      {
        phases[i].run (&child);
        drafting_bench_report_int ("peak_kb", drafting_bench_peak_kb ());
        return 0;
      }

  g_printerr ("bench-amendments: no phase “%s”\n", argv[2]);
  return 2;
}

/* ------------------------------------------------------------------ */
/* The parent: runs the phases and prints the table                    */

static GHashTable *
spawn_child (const char  *self,
             const char  *phase,
             guint        size,
             const char  *dir,
             GError     **error)
{
  g_autofree char *size_arg = g_strdup_printf ("%u", size);
  g_autofree char *what = g_strdup_printf ("the %s phase at %u clauses", phase, size);
  const char * const argv[] = { self, "--child", phase, size_arg, dir, NULL };

  return drafting_bench_run_child (argv, what, error);
}

typedef enum
{
  UNIT_NS,
  UNIT_BYTES,
  UNIT_KB,
  UNIT_COUNT,
  UNIT_RATIO,
} Unit;

typedef struct
{
  const char *label;
  const char *phase;      /* "prepare" is read from its one run */
  const char *key;        /* the figure the phase reported */
  const char *divide_by;  /* a ratio: of the key in this phase over that one's */
  Unit        unit;
  const char *figure;     /* its name in the lines of figures */
} Row;

static const Row rows[] = {
  { "amendments", "prepare", "amendments", NULL, UNIT_COUNT, "amendments" },
  { "saved file, without amendments", "prepare", "plain_bytes", NULL, UNIT_BYTES, "file_without_bytes" },
  { "saved file, with them", "prepare", "with_bytes", NULL, UNIT_BYTES, "file_with_bytes" },
  { NULL, },
  { "load, without amendments", "load-plain", "load_ns", NULL, UNIT_NS, "load_without_ns" },
  { "load, with them", "load-with", "load_ns", NULL, UNIT_NS, "load_with_ns" },
  { "load: with / without (goal ≤ 2)", "load-with", "load_ns", "load-plain", UNIT_RATIO, "load_ratio" },
  { "mark the changes of all open", "mark", "mark_ns", NULL, UNIT_NS, "mark_all_ns" },
  { "mark: per amendment", "mark", "mark_per_ns", NULL, UNIT_NS, "mark_per_ns" },
  { "accept 1 of 6 on a clause", "accept", "accept_ns", NULL, UNIT_NS, "accept_ns" },
  { "accept: 95th percentile", "accept", "accept_p95_ns", NULL, UNIT_NS, "accept_p95_ns" },
  { "undo it", "accept", "undo_ns", NULL, UNIT_NS, "accept_undo_ns" },
  { "conflicts of one", "conflicts", "conflicts_one_ns", NULL, UNIT_NS, "conflicts_one_ns" },
  { "conflicts of one, after a change", "conflicts", "conflicts_one_changed_ns", NULL, UNIT_NS,
    "conflicts_one_changed_ns" },
  { "conflicts of all, one by one", "conflicts", "conflicts_all_ns", NULL, UNIT_NS,
    "conflicts_all_ns" },
  { "conflicts of all, at once", "conflicts", "conflicts_all_once_ns", NULL, UNIT_NS,
    "conflicts_all_once_ns" },
  { "filter by delegation, a pass", "filter", "filter_delegation_ns", NULL, UNIT_NS, "filter_delegation_ns" },
  { "filter by status, a pass", "filter", "filter_status_ns", NULL, UNIT_NS, "filter_status_ns" },
  { NULL, },
  { "peak: load without", "load-plain", "peak_kb", NULL, UNIT_KB, "peak_load_without_kb" },
  { "peak: load with", "load-with", "peak_kb", NULL, UNIT_KB, "peak_load_with_kb" },
};

#define RATIO_ROW 6

/* The median over the rounds of what @phase reported as @key. */
static gboolean
lookup_rounds (GHashTable  *(*results)[G_N_ELEMENTS (sizes)][G_N_ELEMENTS (phases)],
               guint         s,
               const char   *phase,
               const char   *key,
               double       *value)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < ROUNDS; r++)
    for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
      {
        double v;

        if (strcmp (phases[p].name, phase) == 0 && drafting_bench_lookup (results[r][s][p], key, &v))
          g_array_append_val (values, v);
      }

  if (values->len == 0)
    return FALSE;
  *value = drafting_bench_median_double (values);
  return TRUE;
}

/* A row's figure at size @s: for a ratio, the median over the rounds of
 * the ratio in each. */
static gboolean
row_value (GHashTable  *(*results)[G_N_ELEMENTS (sizes)][G_N_ELEMENTS (phases)],
           guint         s,
           const Row    *row,
           double       *value)
{
  g_autoptr(GArray) values = NULL;
  guint p_of = 0;
  guint p_over = 0;

  if (row->divide_by == NULL)
    return lookup_rounds (results, s, row->phase, row->key, value);

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      if (strcmp (phases[p].name, row->phase) == 0)
        p_of = p;
      if (strcmp (phases[p].name, row->divide_by) == 0)
        p_over = p;
    }
  values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < ROUNDS; r++)
    {
      double of, over;

      if (drafting_bench_lookup (results[r][s][p_of], row->key, &of) &&
          drafting_bench_lookup (results[r][s][p_over], row->key, &over) && over > 0)
        g_array_append_val (values, (double) { of / over });
    }
  if (values->len == 0)
    return FALSE;
  *value = drafting_bench_median_double (values);
  return TRUE;
}

static char *
format_value (double value,
              Unit   unit)
{
  switch (unit)
    {
    case UNIT_NS:
      if (value < 1000)
        return g_strdup_printf ("%.0f ns", value);
      if (value < 100000)
        return g_strdup_printf ("%.1f µs", value / 1e3);
      if (value < 1000000)
        return g_strdup_printf ("%.0f µs", value / 1e3);
      if (value < 1000000000)
        return g_strdup_printf ("%.1f ms", value / 1e6);
      return g_strdup_printf ("%.2f s", value / 1e9);

    case UNIT_RATIO:
      return g_strdup_printf ("×%.2f", value);

    case UNIT_COUNT:
      return drafting_bench_format_count ((guint) value);

    case UNIT_KB:
      value *= 1024;
      G_GNUC_FALLTHROUGH;
    case UNIT_BYTES:
    default:
      if (value < 1024 * 1024)
        return g_strdup_printf ("%.1f kB", value / 1024);
      return g_strdup_printf ("%.1f MB", value / (1024 * 1024));
    }
}

#define LABEL_WIDTH 34
#define VALUE_WIDTH 11

static void
print_rule (void)
{
  for (guint i = 0; i < LABEL_WIDTH + G_N_ELEMENTS (sizes) * VALUE_WIDTH + 18; i++)
    g_print ("─");
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  GHashTable *results[ROUNDS][G_N_ELEMENTS (sizes)][G_N_ELEMENTS (phases)] = { { { NULL, }, }, };
  GHashTable *prepared[G_N_ELEMENTS (sizes)] = { NULL, };
  g_autoptr(GHashTable) baseline = NULL;
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  gint64 start = g_get_monotonic_time ();
  double floor_kb = 0;
  double value;
  int status = 0;

  setlocale (LC_ALL, "");
  g_set_prgname ("bench-amendments");
  drafting_core_init ();

  if (argc > 1 && strcmp (argv[1], "--child") == 0)
    return run_child (argc, argv);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  dir = drafting_test_make_tmpdir ();

  {
    g_autofree char *small = drafting_bench_format_count (sizes[0]);
    g_autofree char *large = drafting_bench_format_count (sizes[G_N_ELEMENTS (sizes) - 1]);
    g_autofree char *most = drafting_bench_format_count (MAX_AMENDMENTS);

    g_print ("Amendments at scale: resolutions of %s to %s clauses, with one amendment for "
             "every two\nclauses (at most %s) from %u delegations, each phase in a fresh "
             "process. Times are medians\nof repeated runs in each of %u rounds, and the "
             "median of the rounds; memory is the peak\nresident size of the process. Growth "
             "is from %s clauses to %s: ×%u is linear.\n\n",
             small, large, most, N_DELEGATIONS, ROUNDS, small, large,
             sizes[G_N_ELEMENTS (sizes) - 1] / sizes[0]);
  }

  if ((baseline = spawn_child (self, "baseline", 0, dir, &error)) == NULL)
    goto failed;
  drafting_bench_lookup (baseline, "peak_kb", &floor_kb);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    if ((prepared[s] = spawn_child (self, "prepare", sizes[s], dir, &error)) == NULL)
      goto failed;

  /* Each phase at every size in turn, and all of them again in each round,
   * so that whatever else the machine does weighs on every column alike. */
  for (guint r = 0; r < ROUNDS; r++)
    for (guint p = 0; p < N_TIMED; p++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        if ((results[r][s][p] = spawn_child (self, phases[p].name, sizes[s], dir, &error)) == NULL)
          goto failed;

  /* What the records hold. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *count = drafting_bench_format_count (sizes[s]);
      GHashTable *p = prepared[s];

      g_print ("%6s clauses, %s elements: %s amendments (replace %s, insert %s, delete %s, "
               "move %s;\n        proposed %s, accepted %s, rejected %s, withdrawn %s), "
               "%s of “%s”,\n        %s conflicts counted from both sides; proposing one "
               "took %s ns\n",
               count, (char *) g_hash_table_lookup (p, "elements"),
               (char *) g_hash_table_lookup (p, "amendments"),
               (char *) g_hash_table_lookup (p, "action_replace"),
               (char *) g_hash_table_lookup (p, "action_insert"),
               (char *) g_hash_table_lookup (p, "action_delete"),
               (char *) g_hash_table_lookup (p, "action_move"),
               (char *) g_hash_table_lookup (p, "status_proposed"),
               (char *) g_hash_table_lookup (p, "status_accepted"),
               (char *) g_hash_table_lookup (p, "status_rejected"),
               (char *) g_hash_table_lookup (p, "status_withdrawn"),
               (char *) g_hash_table_lookup (p, "involving"), FILTER_DELEGATION,
               (char *) g_hash_table_lookup (p, "conflicts"),
               (char *) g_hash_table_lookup (p, "propose_ns"));
    }
  g_print ("\n");

  /* The table. */
  drafting_bench_print_cell ("clauses", LABEL_WIDTH, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *head = drafting_bench_format_count (sizes[s]);

      drafting_bench_print_cell (head, VALUE_WIDTH, FALSE);
    }
  g_print ("    growth\n");
  print_rule ();

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const Row *row = &rows[r];
      double values[G_N_ELEMENTS (sizes)];
      gboolean have = TRUE;

      if (row->label == NULL)
        {
          g_print ("\n");
          continue;
        }

      drafting_bench_print_cell (row->label, LABEL_WIDTH, TRUE);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *cell = NULL;
          gboolean found = strcmp (row->phase, "prepare") == 0
                             ? drafting_bench_lookup (prepared[s], row->key, &values[s])
                             : row_value (results, s, row, &values[s]);

          if (!found)
            {
              have = FALSE;
              drafting_bench_print_cell ("—", VALUE_WIDTH, FALSE);
              continue;
            }
          cell = format_value (values[s], row->unit);
          drafting_bench_print_cell (cell, VALUE_WIDTH, FALSE);
          g_string_append_printf (figures, "%s_%u=%.*f\n", row->figure, sizes[s],
                                  row->unit == UNIT_RATIO ? 3 : 0, values[s]);
        }

      if (have && row->unit != UNIT_RATIO)
        {
          double small = values[0] - (row->unit == UNIT_KB ? floor_kb : 0);
          double large = values[G_N_ELEMENTS (sizes) - 1] - (row->unit == UNIT_KB ? floor_kb : 0);

          if (small > 0 && large > 0)
            g_print ("    ×%-5.1f n^%.2f%s", large / small,
                     drafting_bench_natural_log (large / small) /
                     drafting_bench_natural_log ((double) sizes[G_N_ELEMENTS (sizes) - 1] / sizes[0]),
                     row->unit == UNIT_KB ? "  above idle" : "");
        }
      g_print ("\n");
    }
  print_rule ();

  {
    g_autofree char *idle = format_value (floor_kb, UNIT_KB);
    guint last = G_N_ELEMENTS (sizes) - 1;
    g_autofree char *large = drafting_bench_format_count (sizes[last]);

    g_print ("An idle process peaks at %s. Open amendments of wording are marked; the "
             "accepted one's\nfive neighbours are re-applied onto its text each time, and the "
             "acceptance undone.\n", idle);
    if (row_value (results, last, &rows[RATIO_ROW], &value))
      g_print ("Goal: loading %s clauses with their amendments in at most ×%.0f the time "
               "without: ×%.2f, %s.\n", large, LOAD_RATIO_GOAL, value,
               value <= LOAD_RATIO_GOAL ? "met" : "NOT MET");
    if (lookup_rounds (results, last, "accept", "accept_ns", &value))
      {
        g_autofree char *time = format_value (value, UNIT_NS);

        g_print ("Goal: accepting an amendment at %s clauses in under a millisecond: %s, %s.\n",
                 large, time, value < ACCEPT_GOAL_NS ? "met" : "NOT MET");
      }
  }

  g_print ("\nFigures (medians; times in ns unless the key says otherwise, sizes in bytes, "
           "memory in kB):\n%s", figures->str);
  g_print ("\nThe run took %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
  goto done;

failed:
  g_printerr ("bench-amendments: %s\n", error->message);
  status = 1;

done:
  drafting_test_remove_tree (dir);
  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
        g_clear_pointer (&results[r][s][p], g_hash_table_unref);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    g_clear_pointer (&prepared[s], g_hash_table_unref);

  return status;
}
