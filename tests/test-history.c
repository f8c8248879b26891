/* test-history.c: random changes undone and redone, state by state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * Each round takes a fresh document, makes a few hundred random changes to
 * it through the public API, keeping what it saves as after each step of
 * undo, then undoes them all, checking at each step that the document is
 * what it was before that change, then redoes them all, checking the states
 * forward, and ends where it ended. All along, a mirror of the document's
 * list, kept by nothing but its items-changed signals, must equal the
 * elements of the tree in reading order.
 *
 * The changes come from g_test_rand_int(): a failure is replayed with the
 * seed the TAP header prints (--seed=R02S…), and -p for one document.
 */

#define N_ROUNDS  5
#define N_CHANGES 240

static const char * const words[] = {
  "Customs", "trade", "facilitation", "coopération", "Zoll", "naïve", "—", "e-commerce",
  "Members", "the", "and", "of", "Secretariat", "données", "«", "»", "1", "(a)", "RESOLVES",
  "Council", "Δ", "多", "", " ", "tariff", "NOTING",
};

typedef struct
{
  DraftingDocument *document;
  GPtrArray        *mirror;   /* DraftingNode, kept by items-changed alone */
  GPtrArray        *states;   /* GBytes: [k] after the k-th step of undo */
  guint             n_signals;
} Round;

/* The document's state: its file, and its record of amendments as the
 * document holds it (what becomes of each, and what it now proposes). */
static GBytes *
save (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = drafting_native_save_bytes (document, &error);
  GListModel *amendments = drafting_document_get_amendments (document);
  GString *out;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  out = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      g_string_append_printf (out, "\n%s %s %s review=%d base=%s|%s proposed=%s|%s result=%s",
                              drafting_amendment_get_id (amendment),
                              drafting_amendment_action_to_string (drafting_amendment_get_action (amendment)),
                              drafting_amendment_status_to_string (drafting_amendment_get_status (amendment)),
                              drafting_amendment_get_needs_review (amendment),
                              drafting_amendment_get_base_lead (amendment),
                              drafting_inline_get_text (drafting_amendment_get_base_content (amendment)),
                              drafting_amendment_get_lead (amendment),
                              drafting_inline_get_text (drafting_amendment_get_content (amendment)),
                              drafting_amendment_get_result (amendment) ? drafting_amendment_get_result (amendment) : "");
    }

  return g_string_free_to_bytes (out);
}

/* An amendment of the record, at random. */
static DraftingAmendment *
random_amendment (DraftingDocument *document)
{
  GListModel *amendments = drafting_document_get_amendments (document);
  guint n = g_list_model_get_n_items (amendments);
  g_autoptr(DraftingAmendment) amendment = NULL;

  if (n == 0)
    return NULL;

  amendment = g_list_model_get_item (amendments, g_test_rand_int_range (0, n));
  return amendment;  /* the document holds it */
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Round      *round)
{
  g_assert_cmpuint (position + removed, <=, round->mirror->len);

  round->n_signals++;
  g_ptr_array_remove_range (round->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (round->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (round->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
collect (DraftingNode *node,
         GPtrArray    *out)
{
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      g_ptr_array_add (out, child);
      collect (child, out);
    }
}

/* The mirror, the list model and the tree in reading order agree. */
static void
check_order (Round *round)
{
  g_autoptr(GPtrArray) walk = g_ptr_array_new ();

  collect (drafting_document_get_root (round->document), walk);
  g_assert_cmpuint (round->mirror->len, ==, walk->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (round->document)), ==, walk->len);

  for (guint i = 0; i < walk->len; i++)
    {
      DraftingNode *node = g_ptr_array_index (walk, i);
      g_autoptr(DraftingNode) item = g_list_model_get_item (G_LIST_MODEL (round->document), i);

      g_assert_true (g_ptr_array_index (round->mirror, i) == node);
      g_assert_true (item == node);
      g_assert_true (drafting_node_get_document (node) == round->document);
      g_assert_cmpuint (drafting_document_get_position (round->document, node), ==, i);
      g_assert_true (drafting_document_lookup (round->document,
                                               drafting_node_get_id (node)) == node);
    }
}

static void
check_state (Round      *round,
             GBytes     *expected,
             const char *when,
             guint       step)
{
  g_autoptr(GBytes) actual = save (round->document);

  if (!g_bytes_equal (actual, expected))
    {
      gsize a_len, e_len, at = 0;
      const char *a = g_bytes_get_data (actual, &a_len);
      const char *e = g_bytes_get_data (expected, &e_len);
      g_autofree char *a_near = NULL;
      g_autofree char *e_near = NULL;

      while (at < a_len && at < e_len && a[at] == e[at])
        at++;
      at = at > 80 ? at - 80 : 0;
      a_near = g_strndup (a + at, MIN (a_len - at, 240));
      e_near = g_strndup (e + at, MIN (e_len - at, 240));
      g_test_message ("%s, step %u: the document is not as it was", when, step);
      g_assert_cmpstr (a_near, ==, e_near);
      g_assert_not_reached ();
    }

  check_order (round);
}

static guint
undo_depth (DraftingDocument *document)
{
  g_auto(GStrv) labels = drafting_document_list_undo_labels (document, G_MAXUINT);

  return g_strv_length (labels);
}

static DraftingNode *
random_node (DraftingDocument *document)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));
  g_autoptr(DraftingNode) node = NULL;

  if (n == 0)
    return NULL;

  node = g_list_model_get_item (G_LIST_MODEL (document), g_test_rand_int_range (0, n));
  return node;  /* the document keeps it */
}

static DraftingNode *
random_text_node (DraftingDocument *document)
{
  for (guint tries = 0; tries < 20; tries++)
    {
      DraftingNode *node = random_node (document);

      if (node != NULL && drafting_kind_has_text (drafting_node_get_kind (node)))
        return node;
    }

  return NULL;
}

static const char *
random_word (void)
{
  return words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];
}

/* A byte offset at a character boundary of @text, at most at its end. */
static guint
random_offset (const char *text)
{
  glong n = g_utf8_strlen (text, -1);

  return g_utf8_offset_to_pointer (text, g_test_rand_int_range (0, n + 1)) - text;
}

static void
random_range (const char *text,
              guint      *start,
              guint      *end)
{
  guint a = random_offset (text);
  guint b = random_offset (text);

  *start = MIN (a, b);
  *end = MAX (a, b);
}

/* A word that the text of some element has, for find and replace. */
static char *
word_in_document (DraftingDocument *document)
{
  DraftingNode *node = random_text_node (document);
  g_auto(GStrv) tokens = NULL;
  guint n;

  if (node == NULL)
    return g_strdup (random_word ());

  tokens = g_strsplit (drafting_node_get_text (node), " ", -1);
  n = g_strv_length (tokens);
  if (n == 0 || tokens[0] == NULL)
    return g_strdup (random_word ());

  return g_strdup (tokens[g_test_rand_int_range (0, n)]);
}

/* Makes one random change; returns what it tried, for messages. */
static const char *
random_change (DraftingDocument *document)
{
  DraftingNode *node;
  guint start, end;

  switch (g_test_rand_int_range (0, 24))
    {
    case 0:
      {
        DraftingKind kind = g_test_rand_int_range (0, DRAFTING_N_KINDS);

        if (kind != DRAFTING_KIND_DOCUMENT)
          drafting_document_insert_new (document, random_node (document), kind, NULL);
        return "insert_new";
      }

    case 1:
      if ((node = random_node (document)) != NULL)
        drafting_document_delete (document, node);
      return "delete";

    case 2:
      if ((node = random_node (document)) != NULL)
        drafting_document_move_up (document, node);
      return "move_up";

    case 3:
      if ((node = random_node (document)) != NULL)
        drafting_document_move_down (document, node);
      return "move_down";

    case 4:
      /* As a drag in the outline: anywhere the element may go. */
      if ((node = random_node (document)) != NULL)
        for (guint tries = 0; tries < 20; tries++)
          {
            DraftingNode *parent = g_test_rand_int_range (0, 4) == 0
                                     ? drafting_document_get_root (document)
                                     : random_node (document);

            if (drafting_document_can_move (document, node, parent, NULL))
              {
                guint n = drafting_node_get_n_children (parent);

                g_assert_true (drafting_document_move (document, node, parent,
                                                       g_test_rand_int_range (0, n + 1), NULL));
                break;
              }
          }
      return "move";

    case 5:
      if ((node = random_node (document)) != NULL)
        drafting_document_indent (document, node, NULL);
      return "indent";

    case 6:
      if ((node = random_node (document)) != NULL)
        drafting_document_outdent (document, node, NULL);
      return "outdent";

    case 7:
      /* To one of the kinds it may become where it is, if any. */
      if ((node = random_node (document)) != NULL)
        {
          guint first = g_test_rand_int_range (0, DRAFTING_N_KINDS);

          for (guint k = 0; k < DRAFTING_N_KINDS; k++)
            {
              DraftingKind kind = (first + k) % DRAFTING_N_KINDS;

              if (kind != drafting_node_get_kind (node) &&
                  drafting_document_can_change_kind (document, node, kind))
                {
                  g_assert_true (drafting_document_set_kind (document, node, kind, NULL));
                  g_assert_cmpint (drafting_node_get_kind (node), ==, kind);
                  break;
                }
            }
        }
      return "set_kind";

    case 8:
    case 9:
      if ((node = random_text_node (document)) != NULL)
        {
          g_autoptr(DraftingInline) content = NULL;
          g_autofree char *lead = NULL;
          DraftingKind kind = drafting_node_get_kind (node);
          const char *text;
          guint at;

          content = drafting_inline_copy (drafting_node_get_content (node));
          text = drafting_inline_get_text (content);
          at = random_offset (text);

          if (g_test_rand_bit ())
            {
              random_range (text, &start, &end);
              drafting_inline_delete (content, start, end);
              at = start;
            }
          drafting_inline_insert (content, at, random_word (), -1);
          if (drafting_kind_has_lead (kind) && g_test_rand_int_range (0, 4) == 0)
            lead = g_strconcat (drafting_node_get_lead (node), random_word (), NULL);
          drafting_document_edit_text (document, node, lead, content,
                                       g_test_rand_bit () ? DRAFTING_EDIT_COALESCE
                                                          : DRAFTING_EDIT_NONE);
        }
      return "edit_text";

    case 10:
      if ((node = random_text_node (document)) != NULL)
        {
          random_range (drafting_node_get_text (node), &start, &end);
          drafting_document_replace_text (document, node, start, end, random_word ());
        }
      return "replace_text";

    case 11:
      if ((node = random_text_node (document)) != NULL)
        drafting_document_split (document, node, random_offset (drafting_node_get_text (node)),
                                 NULL);
      return "split";

    case 12:
      if ((node = random_node (document)) != NULL)
        {
          guint join = 0;

          drafting_document_merge (document, node, &join, NULL);
        }
      return "merge";

    case 13:
      if ((node = random_text_node (document)) != NULL &&
          drafting_kind_allows_child (drafting_node_get_kind (node), DRAFTING_KIND_FOOTNOTE))
        {
          guint at = random_offset (drafting_node_get_text (node));

          g_assert_nonnull (drafting_document_add_footnote (document, node, at, random_word ()));
        }
      return "add_footnote";

    case 14:
      if ((node = random_text_node (document)) != NULL)
        {
          random_range (drafting_node_get_text (node), &start, &end);
          drafting_document_toggle_style (document, node,
                                          g_test_rand_bit () ? DRAFTING_MARK_EMPHASIS
                                                             : DRAFTING_MARK_STRONG,
                                          start, end);
        }
      return "toggle_style";

    case 15:
      {
        g_autofree char *needle = word_in_document (document);

        drafting_document_replace_all (document, needle, random_word (),
                                       g_test_rand_int_range (0, 4));
        return "replace_all";
      }

    case 16:
      {
        g_autofree char *title = NULL;

        title = g_strconcat (drafting_document_get_title (document), random_word (), NULL);

        drafting_document_set_title (document, title);
        return "set_title";
      }

    case 17:
      drafting_document_set_symbol (document, random_word ());
      return "set_symbol";

    case 18:
      drafting_document_set_numbering (document,
                                       g_test_rand_int_range (0, DRAFTING_N_NUMBERING_SLOTS),
                                       g_test_rand_int_range (0, DRAFTING_N_NUMBER_STYLES));
      return "set_numbering";

    case 19:
      drafting_document_set_status (document, g_test_rand_int_range (0, 3));
      return "set_status";

    case 20:
      {
        DraftingAmendmentAction action = g_test_rand_int_range (0, DRAFTING_AMENDMENT_ACTION_INVALID);
        static const char * const delegations[] = { "France", "Kenya", "Japan", "Brasil" };
        g_autoptr(DraftingAmendment) amendment =
          drafting_amendment_new (action, delegations[g_test_rand_int_range (0, G_N_ELEMENTS (delegations))]);
        g_autoptr(DraftingInline) content = NULL;
        DraftingNode *target = action == DRAFTING_AMENDMENT_REPLACE ? random_text_node (document)
                                                                    : random_node (document);
        g_autofree char *text = NULL;

        if (target == NULL)
          return "propose";
        text = g_strdup_printf ("%s %s %s", drafting_node_get_text (target), random_word (), random_word ());
        content = drafting_inline_new (g_test_rand_bit () ? text : random_word ());
        drafting_amendment_set_target (amendment, drafting_node_get_id (target),
                                       g_test_rand_bit () ? DRAFTING_PLACEMENT_AFTER : DRAFTING_PLACEMENT_INTO);
        drafting_amendment_set_wording (amendment, drafting_node_get_lead (target), content);
        drafting_amendment_set_kind (amendment, drafting_node_get_kind (target));
        drafting_amendment_set_destination (amendment, drafting_node_get_id (random_node (document)),
                                            DRAFTING_PLACEMENT_AFTER);
        drafting_document_propose (document, amendment, NULL);
        return "propose";
      }

    case 21:
      {
        DraftingAmendment *amendment = random_amendment (document);

        if (amendment != NULL)
          drafting_document_accept_amendment (document, amendment, NULL);
        return "accept";
      }

    case 22:
      {
        DraftingAmendment *amendment = random_amendment (document);

        if (amendment != NULL)
          drafting_document_decide_amendment (document, amendment,
                                              g_test_rand_int_range (DRAFTING_AMENDMENT_REJECTED,
                                                                     DRAFTING_AMENDMENT_SUPERSEDED + 1),
                                              NULL);
        return "decide";
      }

    case 23:
      {
        DraftingAmendment *amendment = random_amendment (document);

        if (amendment != NULL)
          drafting_document_reopen_amendment (document, amendment, NULL);
        return "reopen";
      }

    default:
      g_assert_not_reached ();
    }
}

static void
run_round (DraftingDocument *document,
           guint             number)
{
  Round round = { document, g_ptr_array_new_with_free_func (g_object_unref),
                  g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref), 0 };
  g_autoptr(GBytes) end_state = NULL;
  gboolean initially_modified = drafting_document_get_modified (document);
  g_autoptr(GHashTable) made = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) tally = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n_made = 0;
  guint n_steps;
  gulong handler;

  drafting_document_clear_history (document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (document)); i++)
    g_ptr_array_add (round.mirror, g_list_model_get_item (G_LIST_MODEL (document), i));
  handler = g_signal_connect (document, "items-changed", G_CALLBACK (on_items_changed), &round);

  g_ptr_array_add (round.states, save (document));
  check_order (&round);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      guint64 count = drafting_document_get_change_count (document);
      guint depth = undo_depth (document);
      const char *what = random_change (document);
      g_autoptr(GBytes) state = save (document);
      guint new_depth = undo_depth (document);

      if (drafting_document_get_change_count (document) == count)
        {
          /* Nothing done: nothing changed, and no step of undo came of it. */
          g_assert_cmpuint (new_depth, ==, depth);
          check_state (&round, g_ptr_array_index (round.states, round.states->len - 1), what, i);
          continue;
        }

      n_made++;
      g_hash_table_insert (made, (gpointer) what,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (made, what))
                                             + 1));
      g_assert_true (drafting_document_can_undo (document));
      g_assert_false (drafting_document_can_redo (document));
      if (new_depth == depth)
        {
          /* Joined the last step (typing, the same property again). */
          g_assert_cmpuint (depth, >, 0);
          g_ptr_array_remove_index (round.states, round.states->len - 1);
        }
      else
        g_assert_cmpuint (new_depth, ==, depth + 1);
      g_ptr_array_add (round.states, g_bytes_ref (state));
      g_assert_cmpuint (round.states->len, ==, new_depth + 1);
      check_order (&round);
    }

  n_steps = round.states->len - 1;
  g_hash_table_iter_init (&iter, made);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (tally, " %s %u", (const char *) key, GPOINTER_TO_UINT (value));
  g_test_message ("round %u: %u changes made of %u tried, %u steps of undo, %u list signals, "
                  "%u elements at the end;%s",
                  number, n_made, N_CHANGES, n_steps, round.n_signals,
                  g_list_model_get_n_items (G_LIST_MODEL (document)), tally->str);
  g_assert_cmpuint (n_steps, >, N_CHANGES / 3);
  end_state = save (document);
  g_assert_true (g_bytes_equal (end_state, g_ptr_array_index (round.states, n_steps)));

  for (guint k = n_steps; k > 0; k--)
    {
      g_assert_true (drafting_document_undo (document));
      check_state (&round, g_ptr_array_index (round.states, k - 1), "undo", k);
    }
  g_assert_false (drafting_document_can_undo (document));
  g_assert_false (drafting_document_undo (document));
  g_assert_cmpint (drafting_document_get_modified (document), ==, initially_modified);
  check_state (&round, g_ptr_array_index (round.states, 0), "all undone", 0);

  for (guint k = 1; k <= n_steps; k++)
    {
      g_assert_true (drafting_document_redo (document));
      check_state (&round, g_ptr_array_index (round.states, k), "redo", k);
    }
  g_assert_false (drafting_document_can_redo (document));
  g_assert_false (drafting_document_redo (document));
  g_assert_cmpuint (undo_depth (document), ==, n_steps);
  check_state (&round, end_state, "all redone", n_steps);

  g_signal_handler_disconnect (document, handler);
  g_ptr_array_unref (round.states);
  g_ptr_array_unref (round.mirror);
}

static void
test_generated (void)
{
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (120, NULL);

      run_round (document, r);
    }
}

static void
test_corpus (gconstpointer data)
{
  const char *name = data;

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autoptr(DraftingDocument) document = drafting_test_import_corpus (name, NULL);

      run_round (document, r);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/generated", test_generated);
  g_test_add_data_func ("/history/corpus/resolution", "ecommerce-resolution.txt", test_corpus);
  g_test_add_data_func ("/history/corpus/communique", "ecommerce-communique.txt", test_corpus);

  return g_test_run ();
}
