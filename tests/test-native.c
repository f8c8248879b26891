/* test-native.c: the native format, its round trips, its errors and the files it refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "drafting-native-private.h"
#include "drafting-test-utils.h"
#include "drafting-xml.h"

/* The start of a minimal document: its elements go from line 8 on. */
#define PROLOG \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
#define META \
  "  <meta>\n" \
  "    <status>draft</status>\n" \
  "    <language>en</language>\n" \
  "  </meta>\n"
#define HEAD PROLOG META "  <content>\n"
#define TAIL "  </content>\n</document>\n"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static DraftingDocument *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return drafting_native_load_bytes (bytes, error);
}

static char *
save_string (DraftingDocument *document)
{
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Where @needle first occurs in @text, as a line and a column from 1. */
static void
find_position (const char *text,
               const char *needle,
               guint      *line,
               guint      *column)
{
  const char *at = strstr (text, needle);
  const char *bol = text;

  g_assert_nonnull (at);

  *line = 1;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        bol = p + 1;
      }
  *column = 1 + g_utf8_strlen (bol, at - bol);
}

/* The line and column an error message starts with, "Line 3, column 7: ...". */
static void
get_error_position (const GError *error,
                    guint        *line,
                    guint        *column)
{
  const char *at;

  g_assert_nonnull (error);
  at = strstr (error->message, "Line ");
  if (at == NULL)
    g_error ("“%s” does not say on which line the problem is", error->message);
  g_assert_cmpint (sscanf (at, "Line %u, column %u:", line, column), ==, 2);
  g_assert_cmpuint (*line, >, 0);
  g_assert_cmpuint (*column, >, 0);
}

/* Loads @xml, which must be refused with @code at the start tag @needle.
 * Returns the error for more checks. */
static GError *
assert_refused_at (const char *xml,
                   int         code,
                   const char *needle)
{
  g_autoptr(DraftingDocument) document = NULL;
  GError *error = NULL;
  guint expected_line, expected_column;
  guint line, column;

  document = load_string (xml, &error);
  g_assert_error (error, DRAFTING_ERROR, code);
  g_assert_null (document);
  g_test_message ("refused as expected: %s", error->message);

  find_position (xml, needle, &expected_line, &expected_column);
  get_error_position (error, &line, &column);
  g_assert_cmpuint (line, ==, expected_line);
  g_assert_cmpuint (column, ==, expected_column);

  return error;
}

static void
assert_same_bytes (GBytes *expected,
                   GBytes *actual)
{
  gsize expected_len, actual_len, common, at = 0;
  const char *a = g_bytes_get_data (expected, &expected_len);
  const char *b = g_bytes_get_data (actual, &actual_len);

  if (g_bytes_equal (expected, actual))
    return;

  common = MIN (expected_len, actual_len);
  while (at < common && a[at] == b[at])
    at++;

  {
    gsize from = at > 120 ? at - 120 : 0;
    g_autofree char *before = g_strndup (a + from, MIN (expected_len - from, 240));
    g_autofree char *after = g_strndup (b + from, MIN (actual_len - from, 240));

    g_test_message ("the saves differ at byte %" G_GSIZE_FORMAT ":\nfirst:  …%s…\nsecond: …%s…",
                    at, before, after);
  }
  g_assert_cmpmem (a, expected_len, b, actual_len);
}

static void
assert_contents_equal (const DraftingInline *expected,
                       const DraftingInline *actual)
{
  g_assert_cmpstr (drafting_inline_get_text (actual), ==, drafting_inline_get_text (expected));
  g_assert_cmpuint (drafting_inline_get_n_marks (actual), ==,
                    drafting_inline_get_n_marks (expected));

  for (guint i = 0; i < drafting_inline_get_n_marks (expected); i++)
    {
      const DraftingMark *e = drafting_inline_get_mark (expected, i);
      const DraftingMark *a = drafting_inline_get_mark (actual, i);

      g_assert_cmpint (a->kind, ==, e->kind);
      g_assert_cmpuint (a->start, ==, e->start);
      g_assert_cmpuint (a->end, ==, e->end);
      g_assert_cmpstr (a->ref, ==, e->ref);
    }

  g_assert_true (drafting_inline_equal (expected, actual));
}

static void
assert_nodes_equal (DraftingNode *expected,
                    DraftingNode *actual)
{
  g_autofree char *expected_number = drafting_node_get_number (expected);
  g_autofree char *actual_number = drafting_node_get_number (actual);

  g_assert_cmpstr (drafting_kind_to_string (drafting_node_get_kind (actual)), ==,
                   drafting_kind_to_string (drafting_node_get_kind (expected)));

  /* The root is not in the file: only the elements have identifiers there. */
  if (drafting_node_get_kind (expected) != DRAFTING_KIND_DOCUMENT)
    g_assert_cmpstr (drafting_node_get_id (actual), ==, drafting_node_get_id (expected));

  g_assert_cmpstr (drafting_node_get_lead (actual), ==, drafting_node_get_lead (expected));
  assert_contents_equal (drafting_node_get_content (expected), drafting_node_get_content (actual));
  g_assert_cmpstr (actual_number, ==, expected_number);

  g_assert_cmpuint (drafting_node_get_n_children (actual), ==,
                    drafting_node_get_n_children (expected));
  for (guint i = 0; i < drafting_node_get_n_children (expected); i++)
    assert_nodes_equal (drafting_node_get_child (expected, i),
                        drafting_node_get_child (actual, i));
}

static void
assert_amendments_equal (DraftingAmendment *expected,
                         DraftingAmendment *actual)
{
  const char * const *expected_cosponsors = drafting_amendment_get_cosponsors (expected);
  const char * const *actual_cosponsors = drafting_amendment_get_cosponsors (actual);
  DraftingPlacement expected_placement, actual_placement;

  g_assert_cmpstr (drafting_amendment_get_id (actual), ==, drafting_amendment_get_id (expected));
  g_assert_cmpint (drafting_amendment_get_action (actual), ==,
                   drafting_amendment_get_action (expected));
  g_assert_cmpstr (drafting_amendment_get_delegation (actual), ==,
                   drafting_amendment_get_delegation (expected));
  g_assert_cmpuint (g_strv_length ((char **) actual_cosponsors), ==,
                    g_strv_length ((char **) expected_cosponsors));
  for (guint i = 0; expected_cosponsors[i] != NULL; i++)
    g_assert_cmpstr (actual_cosponsors[i], ==, expected_cosponsors[i]);
  g_assert_cmpstr (drafting_amendment_get_author (actual), ==,
                   drafting_amendment_get_author (expected));
  g_assert_true (g_date_time_equal (drafting_amendment_get_date (actual),
                                    drafting_amendment_get_date (expected)));
  g_assert_cmpint (g_date_time_get_utc_offset (drafting_amendment_get_date (actual)), ==, 0);
  g_assert_cmpstr (drafting_amendment_get_target (actual), ==,
                   drafting_amendment_get_target (expected));
  g_assert_cmpint (drafting_amendment_get_placement (actual), ==,
                   drafting_amendment_get_placement (expected));
  g_assert_cmpstr (drafting_amendment_get_destination (actual, &actual_placement), ==,
                   drafting_amendment_get_destination (expected, &expected_placement));
  if (drafting_amendment_get_destination (expected, NULL) != NULL)
    g_assert_cmpint (actual_placement, ==, expected_placement);
  g_assert_cmpint (drafting_amendment_get_kind (actual), ==, drafting_amendment_get_kind (expected));
  g_assert_cmpstr (drafting_amendment_get_lead (actual), ==, drafting_amendment_get_lead (expected));
  assert_contents_equal (drafting_amendment_get_content (expected),
                         drafting_amendment_get_content (actual));
  g_assert_cmpstr (drafting_amendment_get_base_lead (actual), ==,
                   drafting_amendment_get_base_lead (expected));
  assert_contents_equal (drafting_amendment_get_base_content (expected),
                         drafting_amendment_get_base_content (actual));
  g_assert_cmpstr (drafting_amendment_get_target_label (actual), ==,
                   drafting_amendment_get_target_label (expected));
  g_assert_cmpstr (drafting_amendment_get_justification (actual), ==,
                   drafting_amendment_get_justification (expected));
  g_assert_cmpint (drafting_amendment_get_status (actual), ==,
                   drafting_amendment_get_status (expected));
  g_assert_cmpint (drafting_amendment_get_needs_review (actual), ==,
                   drafting_amendment_get_needs_review (expected));
  g_assert_cmpstr (drafting_amendment_get_result (actual), ==,
                   drafting_amendment_get_result (expected));
  g_assert_cmpstr (drafting_amendment_get_origin (actual, &actual_placement), ==,
                   drafting_amendment_get_origin (expected, &expected_placement));
  if (drafting_amendment_get_origin (expected, NULL) != NULL)
    g_assert_cmpint (actual_placement, ==, expected_placement);
}

static void
assert_documents_equal (DraftingDocument *expected,
                        DraftingDocument *actual)
{
  GListModel *expected_amendments = drafting_document_get_amendments (expected);
  GListModel *actual_amendments = drafting_document_get_amendments (actual);

  g_assert_cmpint (drafting_document_get_document_type (actual), ==,
                   drafting_document_get_document_type (expected));
  g_assert_cmpstr (drafting_document_get_identifier (actual), ==,
                   drafting_document_get_identifier (expected));
  g_assert_cmpstr (drafting_document_get_title (actual), ==,
                   drafting_document_get_title (expected));
  g_assert_cmpstr (drafting_document_get_body (actual), ==, drafting_document_get_body (expected));
  g_assert_cmpstr (drafting_document_get_symbol (actual), ==,
                   drafting_document_get_symbol (expected));
  g_assert_cmpint (drafting_document_get_status (actual), ==,
                   drafting_document_get_status (expected));
  g_assert_cmpstr (drafting_document_get_place (actual), ==,
                   drafting_document_get_place (expected));
  g_assert_cmpstr (drafting_document_get_date (actual), ==, drafting_document_get_date (expected));
  g_assert_cmpstr (drafting_document_get_language (actual), ==,
                   drafting_document_get_language (expected));

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      DraftingNumberStyle expected_style = drafting_document_get_numbering (expected, slot);
      DraftingNumberStyle actual_style = drafting_document_get_numbering (actual, slot);

      g_assert_cmpstr (drafting_number_style_to_string (actual_style), ==,
                       drafting_number_style_to_string (expected_style));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actual)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (expected)));
  assert_nodes_equal (drafting_document_get_root (expected), drafting_document_get_root (actual));

  /* Every element can be found by its identifier. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actual)); i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (actual), i);

      g_assert_true (drafting_document_lookup (actual, drafting_node_get_id (node)) == node);
    }

  /* The amendments, in their order, each found by its identifier. */
  g_assert_cmpuint (g_list_model_get_n_items (actual_amendments), ==,
                    g_list_model_get_n_items (expected_amendments));
  for (guint i = 0; i < g_list_model_get_n_items (expected_amendments); i++)
    {
      g_autoptr(DraftingAmendment) e = g_list_model_get_item (expected_amendments, i);
      g_autoptr(DraftingAmendment) a = g_list_model_get_item (actual_amendments, i);

      assert_amendments_equal (e, a);
      g_assert_true (drafting_document_lookup_amendment (actual, drafting_amendment_get_id (a)) == a);
    }
}

/* Saves @document, loads what was saved and saves that again: the two saves
 * must be the same bytes, the two documents the same.
 *
 * Returns: (transfer full): the document loaded */
static DraftingDocument *
assert_round_trip (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = drafting_test_save_bytes (document);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;

  g_assert_nonnull (first);
  g_assert_true (drafting_native_sniff (g_bytes_get_data (first, NULL), g_bytes_get_size (first)));

  loaded = drafting_native_load_bytes (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  assert_documents_equal (document, loaded);
  g_assert_false (drafting_document_get_modified (loaded));
  g_assert_false (drafting_document_can_undo (loaded));
  g_assert_false (drafting_document_can_redo (loaded));

  second = drafting_test_save_bytes (loaded);
  assert_same_bytes (first, second);

  return g_steal_pointer (&loaded);
}

static void
insert_top_level (DraftingDocument *document,
                  DraftingNode     *node)
{
  g_autoptr(GError) error = NULL;
  DraftingNode *root = drafting_document_get_root (document);

  g_assert_true (drafting_document_insert (document, root, drafting_node_get_n_children (root),
                                           node, &error));
  g_assert_no_error (error);
}

/* Marks the first occurrence of @what in @content. */
static void
mark_substring (DraftingInline   *content,
                DraftingMarkKind  kind,
                const char       *what)
{
  const char *text = drafting_inline_get_text (content);
  const char *at = strstr (text, what);

  g_assert_nonnull (at);
  drafting_inline_add_mark (content, kind, at - text, at - text + strlen (what), NULL);
}

#define N_CONTENTS 10

/* Texts with what a file must carry unchanged: marks that overlap and
 * cross line breaks, scripts other than Latin, characters XML escapes,
 * white space at the ends. */
static DraftingInline *
make_content (guint variant)
{
  DraftingInline *content = NULL;

  switch (variant % N_CONTENTS)
    {
    case 0:
      content = drafting_inline_new ("Endorses the Guiding Principles for Cross-Border E-Commerce, "
                                     "including the review of de minimis thresholds;");
      mark_substring (content, DRAFTING_MARK_STRONG, "Guiding Principles");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "de minimis thresholds");
      /* Overlaps the emphasis. */
      mark_substring (content, DRAFTING_MARK_STRONG, "minimis thresholds;");
      break;

    case 1:
      content = drafting_inline_new ("يعتمد المبادئ التوجيهية للتجارة الإلكترونية العابرة للحدود، "
                                     "ويدعو الأعضاء إلى تنفيذها.");
      mark_substring (content, DRAFTING_MARK_STRONG, "المبادئ التوجيهية");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "التوجيهية للتجارة");
      break;

    case 2:
      content = drafting_inline_new ("Одобряет Руководящие принципы трансграничной электронной "
                                     "торговли и призывает «членов» к их применению;");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, drafting_inline_get_text (content));
      mark_substring (content, DRAFTING_MARK_STRONG, "Руководящие принципы");
      break;

    case 3:
      content = drafting_inline_new ("Reconnaît l’importance de la facilitation des échanges :\n"
                                     "à l’été, où « Noël » coûte ;\n\nœuvre, Ÿ, É, ç\n");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "l’importance");
      mark_substring (content, DRAFTING_MARK_STRONG, "« Noël »");
      break;

    case 4:
      content = drafting_inline_new ("Tom & Jerry <b>not bold</b> \"double\" 'single' ]]> &amp; "
                                     "&#38; <!-- no comment --> <?pi no?> a<b c>d");
      mark_substring (content, DRAFTING_MARK_STRONG, "<b>not bold</b>");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "\"double\" 'single'");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "&amp;");
      break;

    case 5:
      content = drafting_inline_new ("“Curly double” and ‘curly single’ quotes — a dash, an "
                                     "ellipsis…, a no-break\u00a0space and 🌍 beyond the BMP");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "“Curly double”");
      mark_substring (content, DRAFTING_MARK_STRONG, "🌍");
      break;

    case 6:
      content = drafting_inline_new ("  leading, trailing  and\tdouble  spaces,\r\na carriage "
                                     "return  ");
      break;

    case 7:
      content = drafting_inline_new ("line one\nline two\nline three");
      mark_substring (content, DRAFTING_MARK_EMPHASIS, "one\nline two");
      mark_substring (content, DRAFTING_MARK_STRONG, "two\nline");
      break;

    case 8:
      content = drafting_inline_new ("");
      break;

    case 9:
      content = drafting_inline_new ("   ");
      break;

    default:
      g_assert_not_reached ();
    }

  return content;
}

static const char * const leads[] = {
  "NOTING",
  "HAVING REGARD & <TAKING> “NOTE” of 'it'",
  "RECONNAISSANT",
  "ПРИЗНАВАЯ",
  "إذ يلاحظ",
  "  BEARING IN MIND  ",
};

typedef struct
{
  guint    counter;
  gboolean expanded[DRAFTING_N_KINDS];
} Builder;

/* Builds an element of @kind and, the first time a kind is built, one child
 * of every kind it may hold, so that every kind appears under every parent
 * that may hold it. A footnote is called from its parent's text, at its
 * start, in its middle or at its end. */
static DraftingNode *
build_node (Builder      *builder,
            DraftingKind  kind)
{
  g_autofree char *id = g_strdup_printf ("%s-%u", drafting_kind_to_string (kind), builder->counter);
  g_autoptr(DraftingInline) content = NULL;
  DraftingNode *node = drafting_node_new (kind, id);
  guint serial = builder->counter++;

  if (drafting_kind_has_lead (kind))
    drafting_node_set_lead (node, leads[serial % G_N_ELEMENTS (leads)]);
  if (drafting_kind_has_text (kind))
    content = make_content (serial);

  if (!builder->expanded[kind])
    {
      builder->expanded[kind] = TRUE;

      for (guint k = 0; k < DRAFTING_N_KINDS; k++)
        {
          g_autoptr(DraftingNode) child = NULL;

          if (!drafting_kind_allows_child (kind, k))
            continue;

          child = build_node (builder, k);
          if (k == DRAFTING_KIND_FOOTNOTE)
            {
              const char *text;
              glong n_chars;
              guint offset;

              g_assert_nonnull (content);
              text = drafting_inline_get_text (content);
              n_chars = g_utf8_strlen (text, -1);
              switch (serial % 3)
                {
                case 0:
                  offset = 0;
                  break;
                case 1:
                  offset = g_utf8_offset_to_pointer (text, n_chars / 2) - text;
                  break;
                default:
                  offset = strlen (text);
                  break;
                }
              drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, offset, offset,
                                        drafting_node_get_id (child));
            }
          drafting_node_append_child (node, child);
        }
    }

  if (content != NULL)
    drafting_node_take_content (node, g_steal_pointer (&content));

  return node;
}

/* A document with every kind of element wherever it is allowed. */
static DraftingDocument *
make_every_kind_document (void)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  Builder builder = { 0, };

  builder.expanded[DRAFTING_KIND_DOCUMENT] = TRUE;
  for (guint k = 0; k < DRAFTING_N_KINDS; k++)
    {
      g_autoptr(DraftingNode) node = NULL;

      if (!drafting_kind_allows_child (DRAFTING_KIND_DOCUMENT, k))
        continue;

      node = build_node (&builder, k);
      insert_top_level (document, node);
    }

  /* Every kind has been built, and under every parent that may hold it. */
  for (guint k = 0; k < DRAFTING_N_KINDS; k++)
    g_assert_true (builder.expanded[k]);

  drafting_document_set_title (document, "Résolution « E-Commerce » & <Trade> \"quoted\" 'apos' — "
                                         "قرار — Резолюция “curly”");
  drafting_document_set_body (document, "Conseil de coopération douanière & Policy Commission");
  drafting_document_set_symbol (document, "PC0484E/Rev.1 <draft> & 'more'");
  drafting_document_set_status (document, DRAFTING_STATUS_REVISED);
  drafting_document_set_place (document, "Louxor, Égypte — الأقصر");
  drafting_document_set_date (document, "Décembre 2017 \"&\" <12>");
  drafting_document_set_language (document, "fr");
  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    drafting_document_set_numbering (document, slot, (slot + 5) % DRAFTING_N_NUMBER_STYLES);

  return document;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), needle) != NULL;
}

/* ------------------------------------------------------------------ */
/* Round trips                                                         */

static void
test_round_trip_resolution (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(DraftingDocument) loaded = NULL;

  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_PREAMBLE_CLAUSE), >, 0);
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_ITEM), >, 0);

  loaded = assert_round_trip (document);
  g_assert_cmpuint (drafting_document_count_kind (loaded, DRAFTING_KIND_PREAMBLE_CLAUSE), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_PREAMBLE_CLAUSE));
}

static void
test_round_trip_communique (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* The footnote of "(WCO)" is part of what must survive. */
  g_assert_cmpuint (drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE), >, 0);
  bytes = drafting_test_save_bytes (document);
  g_assert_true (bytes_contain (bytes, "<fnref ref="));
  g_assert_true (bytes_contain (bytes, "<br/>"));

  loaded = assert_round_trip (document);
  g_assert_cmpuint (drafting_document_count_kind (loaded, DRAFTING_KIND_FOOTNOTE), ==,
                    drafting_document_count_kind (document, DRAFTING_KIND_FOOTNOTE));
}

static void
test_round_trip_every_kind (void)
{
  g_autoptr(DraftingDocument) document = make_every_kind_document ();
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);

  /* What must be escaped is escaped, and the rest written as it is. */
  g_assert_true (bytes_contain (bytes,
                                "Tom &amp; Jerry <strong>&lt;b&gt;not bold&lt;/b&gt;</strong>"));
  g_assert_true (bytes_contain (bytes, "]]&gt;"));
  g_assert_true (bytes_contain (bytes, "Résolution « E-Commerce » &amp; &lt;Trade&gt;"));
  g_assert_true (bytes_contain (bytes, "Руководящие принципы"));
  g_assert_true (bytes_contain (bytes, "الإلكترونية العابرة للحدود"));
  g_assert_true (bytes_contain (bytes, "“Curly double”"));
  g_assert_true (bytes_contain (bytes, "<strong>"));
  g_assert_true (bytes_contain (bytes, "<em>"));
  g_assert_true (bytes_contain (bytes, "<br/>"));
  g_assert_true (bytes_contain (bytes, "<fnref ref=\"footnote-"));
  g_assert_true (bytes_contain (bytes, "<lead>"));

  for (guint k = 1; k < DRAFTING_N_KINDS; k++)
    g_assert_cmpuint (drafting_document_count_kind (document, k), >, 0);

  loaded = assert_round_trip (document);

  for (guint k = 1; k < DRAFTING_N_KINDS; k++)
    g_assert_cmpuint (drafting_document_count_kind (loaded, k), ==,
                      drafting_document_count_kind (document, k));
}

static DraftingNode *
add_footnote_child (DraftingNode *node,
                    const char   *id,
                    const char   *text)
{
  g_autoptr(DraftingNode) footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, id);

  drafting_node_take_content (footnote, drafting_inline_new (text));
  drafting_node_append_child (node, footnote);

  return footnote;
}

static void
test_round_trip_inline (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_COMMUNIQUE);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DraftingNode *node;
  struct {
    const char *id;
    const char *text;
    const char *em[2];
    const char *strong[2];
  } cases[] = {
    /* Adjacent, not overlapping: they stay two marks. */
    { "adjacent", "emphasis then strength", { "emphasis ", NULL }, { "then strength", NULL } },
    /* Strength inside emphasis, and emphasis inside strength. */
    { "inside", "an emphasis with strength inside", { "an emphasis with strength inside", NULL },
      { "strength", NULL } },
    { "outside", "strength with emphasis inside", { "emphasis", NULL },
      { "strength with emphasis inside", NULL } },
    /* Two overlaps in one text. */
    { "overlaps", "one two three four five", { "one two", "four five" },
      { "two three four", NULL } },
    /* Marks that end with a line break, and one that is only a line break. */
    { "breaks", "first\nsecond\n\nthird\n", { "first\n", "\n\n" }, { "\nthird\n", NULL } },
    /* Multi-byte characters at both ends of the marks. */
    { "utf8", "ééé ççç ☃☃☃ 🌍🌍", { "ééé ççç", NULL }, { "ç ☃☃☃ 🌍", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingNode) statement = drafting_node_new (DRAFTING_KIND_STATEMENT, cases[i].id);
      g_autoptr(DraftingInline) content = drafting_inline_new (cases[i].text);

      for (guint j = 0; j < 2; j++)
        {
          if (cases[i].em[j] != NULL)
            mark_substring (content, DRAFTING_MARK_EMPHASIS, cases[i].em[j]);
          if (cases[i].strong[j] != NULL)
            mark_substring (content, DRAFTING_MARK_STRONG, cases[i].strong[j]);
        }
      drafting_node_take_content (statement, g_steal_pointer (&content));
      insert_top_level (document, statement);
    }

  /* Footnote calls at the start, in an emphasis, two at one place, and at
   * the end; and a text that is only a call. */
  {
    g_autoptr(DraftingNode) paragraph =
      drafting_node_new (DRAFTING_KIND_NARRATIVE_PARAGRAPH, "calls");
    g_autoptr(DraftingInline) content = drafting_inline_new ("The WCO and the WTO agree.");

    mark_substring (content, DRAFTING_MARK_EMPHASIS, "WCO and the");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 0, 0, "n-start");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 7, 7, "n-inside");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 19, 19, "n-twice-b");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 19, 19, "n-twice-a");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 26, 26, "n-end");
    drafting_node_take_content (paragraph, g_steal_pointer (&content));
    add_footnote_child (paragraph, "n-start", "At the start.");
    add_footnote_child (paragraph, "n-inside", "In the emphasis.");
    add_footnote_child (paragraph, "n-twice-b", "Two at one place, the first.");
    add_footnote_child (paragraph, "n-twice-a", "Two at one place, the second.");
    add_footnote_child (paragraph, "n-end", "At the end, with <, & and “quotes”.");
    insert_top_level (document, paragraph);
  }
  {
    g_autoptr(DraftingNode) paragraph =
      drafting_node_new (DRAFTING_KIND_NARRATIVE_PARAGRAPH, "only-call");
    g_autoptr(DraftingInline) content = drafting_inline_new ("");

    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 0, 0, "n-alone");
    drafting_node_take_content (paragraph, g_steal_pointer (&content));
    add_footnote_child (paragraph, "n-alone", "");
    insert_top_level (document, paragraph);
  }

  /* And the way people add footnotes and emphasis, through the document. */
  node = drafting_document_lookup (document, "overlaps");
  g_assert_nonnull (drafting_document_add_footnote (document, node, 3, "Added by a person."));
  drafting_document_toggle_style (document, node, DRAFTING_MARK_EMPHASIS, 0, 3);

  bytes = drafting_test_save_bytes (document);
  g_assert_true (bytes_contain (bytes, "<fnref ref=\"n-start\"/>The <em>WCO</em>"));
  g_assert_true (bytes_contain (bytes, "<br/>"));

  loaded = assert_round_trip (document);
  node = drafting_document_lookup (loaded, "calls");
  g_assert_nonnull (node);
  g_assert_cmpuint (drafting_inline_get_n_marks (drafting_node_get_content (node)), ==, 6);
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (node), "n-twice-a"));
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (node), "n-twice-b"));
}

static void
test_round_trip_metadata (void)
{
  static const char * const values[] = {
    "",
    "Plain",
    "& < > \" ' &amp; ]]> <!-- -->",
    "  spaces at both ends  ",
    "Résolution “E-Commerce” — قرار بشأن التجارة — Резолюция",
    "two\nlines",
  };

  for (guint type = DRAFTING_DOCUMENT_RESOLUTION; type <= DRAFTING_DOCUMENT_GENERIC; type++)
    for (guint status = DRAFTING_STATUS_DRAFT; status <= DRAFTING_STATUS_ADOPTED; status++)
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autoptr(DraftingDocument) document = drafting_document_new_from_template (type);
          g_autoptr(DraftingDocument) loaded = NULL;

          drafting_document_set_status (document, status);
          drafting_document_set_title (document, values[v]);
          drafting_document_set_body (document, values[(v + 1) % G_N_ELEMENTS (values)]);
          drafting_document_set_symbol (document, values[(v + 2) % G_N_ELEMENTS (values)]);
          drafting_document_set_place (document, values[(v + 3) % G_N_ELEMENTS (values)]);
          drafting_document_set_date (document, values[(v + 4) % G_N_ELEMENTS (values)]);
          drafting_document_set_language (document, v % 2 ? "ar" : "ru");

          /* Metadata is one line: a line break in it becomes a space. */
          if (strchr (values[v], '\n') == NULL)
            g_assert_cmpstr (drafting_document_get_title (document), ==, values[v]);
          else
            g_assert_null (strchr (drafting_document_get_title (document), '\n'));

          loaded = assert_round_trip (document);
          g_assert_cmpint (drafting_document_get_document_type (loaded), ==, type);
          g_assert_cmpint (drafting_document_get_status (loaded), ==, status);
          g_assert_cmpstr (drafting_document_get_title (loaded), ==, drafting_document_get_title (document));
        }

  /* An empty document too. */
  {
    g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_GENERIC);
    g_autoptr(DraftingDocument) loaded = assert_round_trip (document);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 0);
  }
}

static void
test_round_trip_numbering (void)
{
  gboolean seen[DRAFTING_N_NUMBERING_SLOTS][DRAFTING_N_NUMBER_STYLES] = { { FALSE, }, };

  /* Every style in every slot, in a document where every slot numbers
   * something, so that the numbers are compared too. */
  for (guint shift = 0; shift < DRAFTING_N_NUMBER_STYLES; shift++)
    {
      g_autoptr(DraftingDocument) document = make_every_kind_document ();
      g_autoptr(DraftingDocument) loaded = NULL;

      for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
        {
          DraftingNumberStyle style = (slot + shift) % DRAFTING_N_NUMBER_STYLES;

          drafting_document_set_numbering (document, slot, style);
          seen[slot][style] = TRUE;
        }

      loaded = assert_round_trip (document);
      for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
        g_assert_cmpint (drafting_document_get_numbering (loaded, slot), ==,
                         (slot + shift) % DRAFTING_N_NUMBER_STYLES);
    }

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    for (guint style = 0; style < DRAFTING_N_NUMBER_STYLES; style++)
      g_assert_true (seen[slot][style]);
}

/* Characters that XML 1.0 cannot carry, typed or pasted into a document
 * (a form feed from a PDF, a stray control character): whatever the save
 * makes of them, what it writes must open again. */
static void
test_round_trip_unsavable_characters (void)
{
  static const char * const texts[] = {
    "before\fafter",
    "before\vafter",
    "before\x01" "after",
    "before\x1b[0mafter",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DraftingDocument) document =
        drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;
      DraftingNode *paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
      const char *text;

      drafting_document_set_text (document, paragraph, texts[i]);
      drafting_document_set_title (document, texts[i]);

      bytes = drafting_test_save_bytes (document);
      loaded = drafting_native_load_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);

      paragraph = drafting_test_find (loaded, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
      text = drafting_node_get_text (paragraph);
      g_assert_true (g_str_has_prefix (text, "before"));
      g_assert_true (g_str_has_suffix (text, "after"));

      again = drafting_test_save_bytes (loaded);
      g_clear_object (&loaded);
      loaded = drafting_native_load_bytes (again, &error);
      g_assert_no_error (error);
    }
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */

static void
test_ids_after_edits (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_id = NULL;
  g_autofree char *deleted_id = NULL;
  g_autofree char *restored_id = NULL;
  g_autofree char *inserted_id = NULL;
  g_autofree char *footnote_id = NULL;
  g_autofree char *indented_id = NULL;
  g_autofree char *carried_id = NULL;
  DraftingNode *clause, *paragraph, *item, *section, *node, *footnote;
  DraftingNode *moved, *indented, *carried;
  guint moved_index;

  /* Move a preambular clause down twice. */
  clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  moved_id = g_strdup (drafting_node_get_id (clause));
  g_assert_true (drafting_document_move_down (document, clause));
  g_assert_true (drafting_document_move_down (document, clause));
  moved_index = drafting_node_get_index (clause);

  /* Delete one clause for good, and another that comes back by undo. */
  node = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 4);
  deleted_id = g_strdup (drafting_node_get_id (node));
  drafting_document_delete (document, node);
  g_assert_null (drafting_document_lookup (document, deleted_id));

  node = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 5);
  restored_id = g_strdup (drafting_node_get_id (node));
  drafting_document_delete (document, node);
  g_assert_true (drafting_document_undo (document));
  g_assert_nonnull (drafting_document_lookup (document, restored_id));

  /* Insert an operative paragraph, with a footnote. */
  paragraph = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  node = drafting_document_insert_new (document, paragraph, DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  inserted_id = g_strdup (drafting_node_get_id (node));
  drafting_document_set_text (document, node, "Requests the Secretary General to report;");
  footnote = drafting_document_add_footnote (document, node, 12, "A new note.");
  g_assert_nonnull (footnote);
  footnote_id = g_strdup (drafting_node_get_id (footnote));

  /* Indent the paragraph after it: it becomes a sub-paragraph. */
  indented = drafting_node_get_next_sibling (node);
  g_assert_nonnull (indented);
  indented_id = g_strdup (drafting_node_get_id (indented));
  g_assert_true (drafting_document_indent (document, indented, &error));
  g_assert_no_error (error);
  g_assert_cmpint (drafting_node_get_kind (indented), ==, DRAFTING_KIND_SUB_PARAGRAPH);

  /* Carry an item from one section to another part of the annex. */
  item = drafting_test_find (document, DRAFTING_KIND_ITEM, 0);
  section = drafting_test_find (document, DRAFTING_KIND_SECTION, 1);
  carried = item;
  carried_id = g_strdup (drafting_node_get_id (carried));
  g_assert_true (drafting_document_move (document, carried, section, 0, &error));
  g_assert_no_error (error);

  loaded = assert_round_trip (document);

  moved = drafting_document_lookup (loaded, moved_id);
  g_assert_nonnull (moved);
  g_assert_cmpuint (drafting_node_get_index (moved), ==, moved_index);
  g_assert_null (drafting_document_lookup (loaded, deleted_id));
  g_assert_nonnull (drafting_document_lookup (loaded, restored_id));

  node = drafting_document_lookup (loaded, inserted_id);
  g_assert_nonnull (node);
  g_assert_cmpstr (drafting_node_get_text (node), ==, "Requests the Secretary General to report;");
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (node), footnote_id));
  footnote = drafting_document_lookup (loaded, footnote_id);
  g_assert_nonnull (footnote);
  g_assert_true (drafting_node_get_parent (footnote) == node);

  node = drafting_document_lookup (loaded, indented_id);
  g_assert_nonnull (node);
  g_assert_cmpint (drafting_node_get_kind (node), ==, DRAFTING_KIND_SUB_PARAGRAPH);

  node = drafting_document_lookup (loaded, carried_id);
  g_assert_nonnull (node);
  g_assert_cmpstr (drafting_node_get_id (drafting_node_get_parent (node)), ==,
                   drafting_node_get_id (section));
  g_assert_cmpuint (drafting_node_get_index (node), ==, 0);
}

/* Every identifier the schema allows comes back as it was written, and
 * joins the document under its own name. */
static void
test_ids_kept_on_load (void)
{
  static const char * const ids[] = {
    "root", "fn1", "e0123456789", "_under", "a.b-c", "été", "п1", "x·y",
  };
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DraftingNode *root;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_string_append_printf (xml, "    <paragraph id=\"%s\"><text>Paragraph %u</text></paragraph>\n",
                            ids[i], i);
  g_string_append (xml, TAIL);

  document = load_string (xml->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  root = drafting_document_get_root (document);
  g_assert_cmpuint (drafting_node_get_n_children (root), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);
      g_autofree char *attribute = g_strdup_printf ("id=\"%s\"", ids[i]);

      g_assert_cmpstr (drafting_node_get_id (node), ==, ids[i]);
      g_assert_true (drafting_document_lookup (document, ids[i]) == node);
      bytes = drafting_test_save_bytes (document);
      g_assert_true (bytes_contain (bytes, attribute));
      g_clear_pointer (&bytes, g_bytes_unref);
    }
}

/* ------------------------------------------------------------------ */
/* Errors say what and where                                           */

static void
test_error_not_allowed (void)
{
  const char *xml =
    HEAD
    "    <preamble-clause id=\"p1\">\n"
    "      <lead>NOTING</lead>\n"
    "      <text>that trade grows,</text>\n"
    "      <item id=\"i1\"><text>An item</text></item>\n"
    "    </preamble-clause>\n"
    TAIL;
  const char *top_level =
    HEAD
    "    <operative-formula id=\"f1\"><lead>RESOLVES</lead></operative-formula>\n"
    "    <sub-paragraph id=\"s1\"><text>(a) on its own</text></sub-paragraph>\n"
    TAIL;
  g_autoptr(GError) error = NULL;

  error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, "<item id=\"i1\"");
  g_assert_nonnull (strstr (error->message, "Line 11, column 7"));
  g_assert_nonnull (strstr (error->message, "item"));
  g_clear_error (&error);

  error = assert_refused_at (top_level, DRAFTING_ERROR_INVALID, "<sub-paragraph");
  g_assert_nonnull (strstr (error->message, "sub-paragraph"));
}

static void
test_error_unknown_element (void)
{
  const char *xml =
    HEAD
    "    <heading id=\"h1\"><text>RESOLUTION</text></heading>\n"
    "    <whereas id=\"w1\"><text>an element no version has</text></whereas>\n"
    TAIL;
  const char *in_text =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>Some <em>emphasis</em> and\n"
    "        some <u>underlining</u>.</text>\n"
    "    </paragraph>\n"
    TAIL;
  g_autoptr(GError) error = NULL;

  error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, "<whereas");
  g_assert_nonnull (strstr (error->message, "whereas"));
  g_clear_error (&error);

  error = assert_refused_at (in_text, DRAFTING_ERROR_INVALID, "<u>");
  g_assert_nonnull (strstr (error->message, " u "));
}

static void
test_error_missing_id (void)
{
  const char *xml =
    HEAD
    "    <operative-formula id=\"f1\"><lead>RESOLVES</lead></operative-formula>\n"
    "    <operative-paragraph id=\"o1\">\n"
    "      <text>Invites Members:</text>\n"
    "      <sub-paragraph id=\"s1\"><text>first;</text></sub-paragraph>\n"
    "      <sub-paragraph><text>second.</text></sub-paragraph>\n"
    "    </operative-paragraph>\n"
    TAIL;
  const char *top_level =
    HEAD
    "    <heading><text>RESOLUTION</text></heading>\n"
    TAIL;
  g_autoptr(GError) error = NULL;

  error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, "<sub-paragraph><text>second");
  g_assert_nonnull (strstr (error->message, "Line 12, column 7"));
  g_assert_nonnull (strstr (error->message, "sub-paragraph"));
  g_clear_error (&error);

  error = assert_refused_at (top_level, DRAFTING_ERROR_INVALID, "<heading>");
  g_assert_nonnull (strstr (error->message, "heading"));
}

static void
test_error_bad_numbering (void)
{
  const char *style =
    PROLOG
    "  <meta>\n"
    "    <status>draft</status>\n"
    "    <language>en</language>\n"
    "    <numbering slot=\"operative-paragraph\" style=\"1.\"/>\n"
    "    <numbering slot=\"item\" style=\"(A)\"/>\n"
    "  </meta>\n"
    "  <content/>\n"
    "</document>\n";
  const char *slot =
    PROLOG
    "  <meta>\n"
    "    <status>draft</status>\n"
    "    <language>en</language>\n"
    "    <numbering slot=\"paragraphs\" style=\"1.\"/>\n"
    "  </meta>\n"
    "  <content/>\n"
    "</document>\n";
  g_autoptr(GError) error = NULL;

  error = assert_refused_at (style, DRAFTING_ERROR_INVALID, "<numbering slot=\"item\"");
  g_assert_nonnull (strstr (error->message, "Line 7, column 5"));
  g_assert_nonnull (strstr (error->message, "numbering"));
  g_clear_error (&error);

  error = assert_refused_at (slot, DRAFTING_ERROR_INVALID, "<numbering");
  g_assert_nonnull (strstr (error->message, "numbering"));
}

static void
test_error_duplicate_id (void)
{
  const char *xml =
    HEAD
    "    <preamble-clause id=\"p1\">\n"
    "      <lead>NOTING</lead>\n"
    "    </preamble-clause>\n"
    "    <operative-formula id=\"f1\"><lead>RESOLVES</lead></operative-formula>\n"
    "    <operative-paragraph id=\"o1\">\n"
    "      <text>Invites Members:</text>\n"
    "      <sub-paragraph id=\"p1\"><text>first;</text></sub-paragraph>\n"
    "    </operative-paragraph>\n"
    TAIL;
  const char *footnote =
    HEAD
    "    <paragraph id=\"n1\"><text>Text<fnref ref=\"n1\"/></text>\n"
    "      <footnote id=\"n1\"><text>A footnote named as its element</text></footnote>\n"
    "    </paragraph>\n"
    TAIL;
  g_autoptr(GError) error = NULL;

  error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, "<sub-paragraph id=\"p1\"");
  g_assert_nonnull (strstr (error->message, "Line 14, column 7"));
  g_assert_nonnull (strstr (error->message, "p1"));
  /* It names the line of the first. */
  g_assert_nonnull (strstr (error->message, "line 8"));
  g_clear_error (&error);

  error = assert_refused_at (footnote, DRAFTING_ERROR_INVALID, "<footnote");
  g_assert_nonnull (strstr (error->message, "line 8"));
}

static void
test_error_footnote_ref (void)
{
  const char *unknown =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>The WCO<fnref ref=\"fn9\"/> works.</text>\n"
    "      <footnote id=\"fn1\"><text>The World Customs Organization.</text></footnote>\n"
    "    </paragraph>\n"
    TAIL;
  const char *other_element =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>The WCO<fnref ref=\"fn2\"/> works.</text>\n"
    "    </paragraph>\n"
    "    <paragraph id=\"p2\">\n"
    "      <text>The WTO<fnref ref=\"fn2\"/> too.</text>\n"
    "      <footnote id=\"fn2\"><text>The World Trade Organization.</text></footnote>\n"
    "    </paragraph>\n"
    TAIL;
  const char *not_footnote =
    HEAD
    "    <operative-paragraph id=\"o1\">\n"
    "      <text>Invites<fnref ref=\"s1\"/> Members:</text>\n"
    "      <sub-paragraph id=\"s1\"><text>first.</text></sub-paragraph>\n"
    "    </operative-paragraph>\n"
    TAIL;
  /* The model calls a footnote once: a second call cannot be kept. */
  const char *twice =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>The WCO<fnref ref=\"fn1\"/> and the WCO<fnref ref=\" fn1\"/>.</text>\n"
    "      <footnote id=\"fn1\"><text>The World Customs Organization.</text></footnote>\n"
    "    </paragraph>\n"
    TAIL;
  struct {
    const char *xml;
    const char *ref;
  } cases[] = {
    { unknown, "fn9" },
    { other_element, "fn2" },
    { not_footnote, "s1" },
    { twice, "fn1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint line, column;

      document = load_string (cases[i].xml, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
      g_assert_null (document);
      g_assert_nonnull (strstr (error->message, cases[i].ref));

      /* Where: the element that holds the call (line 8), or the call (line 9). */
      get_error_position (error, &line, &column);
      g_assert_cmpuint (line, >=, 8);
      g_assert_cmpuint (line, <=, 9);
    }
}

static void
test_error_unclosed_tag (void)
{
  const char *mismatch =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>An <em>emphasis never closed</text>\n"
    "    </paragraph>\n"
    TAIL;
  const char *at_end =
    HEAD
    "    <paragraph id=\"p1\">\n"
    "      <text>The end is missing.</text>\n"
    "    </paragraph>\n"
    "  </content>\n";
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint line, column;

  document = load_string (mismatch, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_WELL_FORMED);
  g_assert_null (document);
  g_test_message ("%s", error->message);
  get_error_position (error, &line, &column);
  g_assert_cmpuint (line, ==, 9);
  g_assert_cmpuint (column, <=, strlen ("      <text>An <em>emphasis never closed</text>") + 1);
  g_assert_nonnull (strstr (error->message, "em"));
  g_clear_error (&error);

  document = load_string (at_end, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_WELL_FORMED);
  g_assert_null (document);
  g_test_message ("%s", error->message);
  get_error_position (error, &line, &column);
  g_assert_cmpuint (line, >=, 11);
  g_assert_cmpuint (line, <=, 12);
}

static void
test_error_truncated (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autofree char *xml = save_string (document);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) half = NULL;
  const char *cut;
  guint n_lines = 1;
  guint line, column;

  /* Cut in half, between two characters. */
  cut = g_utf8_find_prev_char (xml, xml + strlen (xml) / 2 + 1);
  g_assert_nonnull (cut);
  for (const char *p = xml; p < cut; p++)
    if (*p == '\n')
      n_lines++;
  g_assert_cmpuint (n_lines, >, 20);

  half = g_bytes_new (xml, cut - xml);
  loaded = drafting_native_load_bytes (half, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_WELL_FORMED);
  g_assert_null (loaded);
  g_test_message ("%s", error->message);

  /* Where the file stops. */
  get_error_position (error, &line, &column);
  g_assert_cmpuint (line, ==, n_lines);
}

static void
test_error_empty (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = drafting_native_load_bytes (bytes, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY);
  g_assert_null (document);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);
  document = drafting_native_load_file (file, NULL, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY);
  g_assert_null (document);

  drafting_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Hostile files                                                       */

static void
test_hostile_billion_laughs (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document [\n"
    "  <!ENTITY lol \"lol\">\n"
    "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "  <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "  <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    "  <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    "  <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    "  <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    "  <meta>\n"
    "    <title>&lol9;</title>\n"
    "    <status>draft</status>\n"
    "    <language>en</language>\n"
    "  </meta>\n"
    "  <content>\n"
    "    <paragraph id=\"p1\"><text>&lol9;</text></paragraph>\n"
    "  </content>\n"
    "</document>\n";
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint line, column;

  document = load_string (xml, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_FORBIDDEN);
  g_assert_null (document);
  g_assert_null (strstr (error->message, "lollol"));
  get_error_position (error, &line, &column);
  g_assert_cmpuint (line, ==, 2);
}

static void
test_hostile_external_entity (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *secret_uri = g_filename_to_uri (secret, NULL, NULL);
  const char *targets[] = { "file:///etc/passwd", secret_uri, "/etc/passwd", "secret.txt" };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (secret, "root:x:0:0:SECRET-CONTENT-7d1f\n", -1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *general = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE document [\n"
        "  <!ENTITY x SYSTEM \"%s\">\n"
        "]>\n"
        "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
        META
        "  <content>\n"
        "    <paragraph id=\"p1\"><text>&x;</text></paragraph>\n"
        "  </content>\n"
        "</document>\n", targets[i]);
      g_autofree char *parameter = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE document [\n"
        "  <!ENTITY %% x SYSTEM \"%s\">\n"
        "  %%x;\n"
        "]>\n"
        "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
        META
        "  <content/>\n"
        "</document>\n", targets[i]);
      g_autofree char *external_subset = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE document SYSTEM \"%s\">\n"
        "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
        META
        "  <content/>\n"
        "</document>\n", targets[i]);
      const char *xmls[] = { general, parameter, external_subset };

      for (guint j = 0; j < G_N_ELEMENTS (xmls); j++)
        {
          g_autoptr(DraftingDocument) document = NULL;

          document = load_string (xmls[j], &error);
          g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_FORBIDDEN);
          g_assert_null (document);
          g_assert_null (strstr (error->message, "root:"));
          g_assert_null (strstr (error->message, "SECRET-CONTENT"));
          g_clear_error (&error);
        }
    }

  drafting_test_remove_tree (dir);
}

/* A listening socket on the loopback, to see whether anything connects. */
static int
listen_locally (guint16 *port)
{
  struct sockaddr_in address = { 0, };
  socklen_t len = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

  g_assert_cmpint (fd, >=, 0);
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  address.sin_port = 0;
  g_assert_no_errno (bind (fd, (struct sockaddr *) &address, sizeof address));
  g_assert_no_errno (listen (fd, 16));
  g_assert_no_errno (getsockname (fd, (struct sockaddr *) &address, &len));
  *port = ntohs (address.sin_port);

  return fd;
}

static void
test_hostile_network (void)
{
  guint16 port;
  int fd = listen_locally (&port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/drafting.dtd", port);
  g_autofree char *external_subset = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document SYSTEM \"%s\">\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META
    "  <content/>\n"
    "</document>\n", url);
  g_autofree char *public_id = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document PUBLIC \"-//WCO//DTD Drafting 1.0//EN\" \"%s\">\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META
    "  <content/>\n"
    "</document>\n", url);
  g_autofree char *entity = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document [ <!ENTITY x SYSTEM \"%s\"> ]>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META
    "  <content><paragraph id=\"p1\"><text>&x;</text></paragraph></content>\n"
    "</document>\n", url);
  g_autofree char *xinclude = g_strdup_printf (
    HEAD
    "    <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\" parse=\"xml\"/>\n"
    TAIL, url);
  g_autofree char *schema_location = g_strdup_printf (
    PROLOG
    "  <meta xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"%s\">\n"
    "    <status>draft</status>\n"
    "    <language>en</language>\n"
    "  </meta>\n"
    "  <content/>\n"
    "</document>\n", url);
  struct {
    const char *xml;
    int         code;
  } cases[] = {
    { external_subset, DRAFTING_ERROR_FORBIDDEN },
    { public_id, DRAFTING_ERROR_FORBIDDEN },
    { entity, DRAFTING_ERROR_FORBIDDEN },
    { xinclude, DRAFTING_ERROR_INVALID },
    { schema_location, DRAFTING_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      int client;

      document = load_string (cases[i].xml, &error);
      g_assert_error (error, DRAFTING_ERROR, cases[i].code);
      g_assert_null (document);

      /* Nothing tried to connect. */
      client = accept (fd, NULL, NULL);
      if (client >= 0)
        close (client);
      g_assert_cmpint (client, <, 0);
      g_assert_true (errno == EAGAIN || errno == EWOULDBLOCK);
    }

  close (fd);
}

static void
test_hostile_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) items = g_string_new (HEAD "    <annex id=\"a\">\n");
  g_autoptr(GString) emphasis = g_string_new (HEAD "    <paragraph id=\"p\"><text>");
  GString *xmls[] = { items, emphasis };
  /* Where the element too deep is: the items are all on line 9, the
   * emphasis on line 8. */
  const guint lines[] = { 9, 8 };

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (items, "<item id=\"i%u\">", i);
  for (guint i = 0; i < depth; i++)
    g_string_append (items, "</item>");
  g_string_append (items, "\n    </annex>\n" TAIL);

  for (guint i = 0; i < depth; i++)
    g_string_append (emphasis, "<em>");
  g_string_append (emphasis, "deep");
  for (guint i = 0; i < depth; i++)
    g_string_append (emphasis, "</em>");
  g_string_append (emphasis, "</text></paragraph>\n" TAIL);

  for (guint i = 0; i < G_N_ELEMENTS (xmls); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint line, column;

      document = load_string (xmls[i]->str, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_DEEP);
      g_assert_null (document);
      get_error_position (error, &line, &column);
      g_assert_cmpuint (line, ==, lines[i]);
    }
}

static char *
make_item_chain (guint levels)
{
  GString *xml = g_string_new (HEAD "    <annex id=\"level-1\">\n");

  for (guint i = 2; i <= levels; i++)
    g_string_append_printf (xml, "%*s<item id=\"level-%u\">\n", 2 + 2 * i, "", i);
  for (guint i = levels; i >= 2; i--)
    g_string_append_printf (xml, "%*s</item>\n", 2 + 2 * i, "");
  g_string_append (xml, "    </annex>\n" TAIL);

  return g_string_free (xml, FALSE);
}

/* The loader takes what the model allows, and not a level more. */
static void
test_hostile_depth_limit (void)
{
  g_autofree char *deepest = make_item_chain (DRAFTING_MAX_DEPTH);
  g_autofree char *too_deep = make_item_chain (DRAFTING_MAX_DEPTH + 1);
  g_autofree char *deepest_id = g_strdup_printf ("level-%d", DRAFTING_MAX_DEPTH);
  g_autofree char *needle = g_strdup_printf ("<item id=\"level-%d\"", DRAFTING_MAX_DEPTH + 1);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(DraftingNode) sibling = drafting_node_new (DRAFTING_KIND_ITEM, NULL);
  g_autoptr(DraftingNode) child = drafting_node_new (DRAFTING_KIND_ITEM, NULL);
  g_autoptr(GError) error = NULL;
  DraftingNode *node;

  document = load_string (deepest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  node = drafting_document_lookup (document, deepest_id);
  g_assert_nonnull (node);
  g_assert_cmpuint (drafting_node_get_depth (node), ==, DRAFTING_MAX_DEPTH - 1);

  /* The model agrees: a sibling may join it, a child may not. */
  g_assert_true (drafting_document_insert (document, drafting_node_get_parent (node), 0, sibling,
                                           &error));
  g_assert_no_error (error);
  g_assert_false (drafting_document_insert (document, node, 0, child, &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_DEEP);
  g_clear_error (&error);

  loaded = assert_round_trip (document);
  g_clear_object (&loaded);

  /* One level more is refused, where it starts. */
  error = assert_refused_at (too_deep, DRAFTING_ERROR_TOO_DEEP, needle);
}

static void
test_hostile_invalid_utf8 (void)
{
  const char *xff =
    PROLOG
    "  <meta><title>Caf\xFF</title>\n"
    "    <status>draft</status>\n"
    "    <language>en</language>\n"
    "  </meta>\n"
    "  <content/>\n"
    "</document>\n";
  const char *overlong =
    HEAD
    "    <paragraph id=\"p1\"><text>slash \xC0\xAF here</text></paragraph>\n"
    TAIL;
  const char *surrogate =
    HEAD
    "    <paragraph id=\"p1\"><text>ééé \xED\xA0\x80</text></paragraph>\n"
    TAIL;
  const char *truncated_sequence =
    HEAD
    "    <paragraph id=\"p1\"><text>cut \xE2\x80</text></paragraph>\n"
    TAIL;
  struct {
    const char *xml;
    const char *where;
    const char *byte;
  } cases[] = {
    { xff, "Line 3, column 19:", "0xFF" },
    { overlong, "Line 8, column 36:", "0xC0" },
    { surrogate, "Line 8, column 34:", "0xED" },
    { truncated_sequence, "Line 8, column 34:", "0xE2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = load_string (cases[i].xml, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
      g_assert_null (document);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_nonnull (strstr (error->message, cases[i].byte));
    }
}

static void
test_hostile_nul_bytes (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autofree char *xml = save_string (document);
  gsize len = strlen (xml);
  g_autofree char *padded = g_malloc0 (len + 4096);
  g_autofree char *inside = g_strdup (xml);
  struct {
    const char *data;
    gsize       len;
  } cases[] = {
    /* The tail of zeros a crash leaves on some file systems. */
    { padded, len + 4096 },
    /* One in the middle of the text. */
    { inside, len },
    /* Only zeros. */
    { padded + len, 64 },
  };

  memcpy (padded, xml, len);
  *strstr (inside, "POLICY") = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].data, cases[i].len);
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      guint line, column;

      loaded = drafting_native_load_bytes (bytes, &error);
      g_assert_nonnull (error);
      g_assert_null (loaded);
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == DRAFTING_ERROR);
      g_assert_true (error->code == DRAFTING_ERROR_INVALID_UTF8 ||
                     error->code == DRAFTING_ERROR_NOT_WELL_FORMED);
      get_error_position (error, &line, &column);
    }
}

static void
test_hostile_encoding (void)
{
  const char *body =
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META
    "  <content><paragraph id=\"p1\"><text>Plain ASCII</text></paragraph></content>\n"
    "</document>\n";
  g_autofree char *latin1 = g_strconcat ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", body,
                                         NULL);
  g_autofree char *latin1_accent = g_strconcat ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                                                "<document version=\"1.0\" type=\"resolution\" "
                                                "xmlns=\"http://wco.org/ns/drafting/1\">\n"
                                                "  <meta><title>R\xE9solution</title>\n"
                                                "    <status>draft</status>\n"
                                                "    <language>fr</language>\n"
                                                "  </meta>\n"
                                                "  <content/>\n"
                                                "</document>\n", NULL);
  g_autofree char *lower_case = g_strconcat ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", body,
                                             NULL);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                                      body, NULL);
  g_autofree char *no_declaration = g_strdup (body);
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree char *utf16_file = NULL;
  glong utf16_len = 0;
  g_autoptr(GError) error = NULL;
  const char *refused[] = { latin1, latin1_accent };
  const char *accepted[] = { lower_case, bom, no_declaration };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(DraftingDocument) document = load_string (refused[i], &error);

      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
      g_assert_null (document);
      g_assert_nonnull (strstr (error->message, "UTF-8"));
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(DraftingDocument) document = load_string (accepted[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_cmpstr (drafting_node_get_text (drafting_document_lookup (document, "p1")), ==,
                       "Plain ASCII");
    }

  /* UTF-16, with its byte order mark, as some editors save. */
  utf16 = g_utf8_to_utf16 (lower_case, -1, NULL, &utf16_len, &error);
  g_assert_no_error (error);
  utf16_file = g_malloc (2 + utf16_len * 2);
  memcpy (utf16_file, "\xFF\xFE", 2);
  memcpy (utf16_file + 2, utf16, utf16_len * 2);
  {
    g_autoptr(GBytes) bytes = g_bytes_new (utf16_file, 2 + utf16_len * 2);
    g_autoptr(DraftingDocument) document = drafting_native_load_bytes (bytes, &error);

    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8);
    g_assert_null (document);
  }
}

static void
test_hostile_too_large (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* A sparse file: large, yet nothing written. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (write (fd, "<", 1) == 1 ? 0 : -1);
  g_assert_no_errno (ftruncate (fd, (off_t) DRAFTING_MAX_FILE_SIZE + 1));
  g_assert_no_errno (close (fd));

  document = drafting_native_load_file (file, NULL, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
  g_assert_null (document);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  document = drafting_load_file (file, NULL, NULL, &error);
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
  g_assert_null (document);

  drafting_test_remove_tree (dir);
}

static void
test_hostile_newer_version (void)
{
  static const char * const versions[] = { "2.0", "1.2", "10.0" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      /* With what a newer version might add, unknown here. */
      g_autofree char *xml = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<document version=\"%s\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
        META
        "  <content>\n"
        "    <paragraph id=\"p1\" revision=\"3\"><text>Text</text></paragraph>\n"
        "  </content>\n"
        "  <amendments/>\n"
        "</document>\n", versions[i]);
      g_autofree char *named = g_strdup_printf ("version %s", versions[i]);
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = load_string (xml, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NEWER_VERSION);
      g_assert_null (document);
      g_assert_nonnull (strstr (error->message, named));
    }
}

static void
test_hostile_unknown_format (void)
{
  static const struct {
    const char *xml;
    const char *root;
  } cases[] = {
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
      "  <head><title>Resolution</title></head>\n"
      "  <body><p>RESOLVES that the WCO:</p></body>\n"
      "</html>\n",
      "html"
    },
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
      "    xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"
      "    office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
      "  <office:body><office:text><text:p>RESOLVES</text:p></office:text></office:body>\n"
      "</office:document>\n",
      "document"
    },
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
      "    office:version=\"1.3\"/>\n",
      "document-content"
    },
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
      "  <statement name=\"resolution\"/>\n"
      "</akomaNtoso>\n",
      "akomaNtoso"
    },
    /* Our names, without our namespace. */
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<document version=\"1.0\" type=\"resolution\">\n"
      "  <meta><status>draft</status><language>en</language></meta>\n"
      "  <content/>\n"
      "</document>\n",
      "document"
    },
    /* Our namespace, with another root. */
    {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<content xmlns=\"http://wco.org/ns/drafting/1\"/>\n",
      "content"
    },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = load_string (cases[i].xml, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_UNKNOWN_FORMAT);
      g_assert_null (document);
      g_assert_nonnull (strstr (error->message, cases[i].root));
    }
}

/* ------------------------------------------------------------------ */
/* The schema and the model agree                                      */

/* The kinds from the root down to an element of @kind, by the model's
 * rules, the root first. */
static GArray *
path_to_kind (DraftingKind kind)
{
  DraftingKind parent_of[DRAFTING_N_KINDS];
  gboolean seen[DRAFTING_N_KINDS] = { FALSE, };
  GQueue queue = G_QUEUE_INIT;
  GArray *path = g_array_new (FALSE, FALSE, sizeof (DraftingKind));

  seen[DRAFTING_KIND_DOCUMENT] = TRUE;
  g_queue_push_tail (&queue, GUINT_TO_POINTER (DRAFTING_KIND_DOCUMENT));
  while (!g_queue_is_empty (&queue))
    {
      DraftingKind k = GPOINTER_TO_UINT (g_queue_pop_head (&queue));

      for (guint c = 0; c < DRAFTING_N_KINDS; c++)
        if (!seen[c] && drafting_kind_allows_child (k, c))
          {
            seen[c] = TRUE;
            parent_of[c] = k;
            g_queue_push_tail (&queue, GUINT_TO_POINTER (c));
          }
    }

  g_assert_true (seen[kind]);
  for (DraftingKind k = kind; ; k = parent_of[k])
    {
      g_array_prepend_val (path, k);
      if (k == DRAFTING_KIND_DOCUMENT)
        break;
    }

  return path;
}

/* A document holding, under @parent_kind placed where it may be, an element
 * of @child_kind with the identifier "child" and @inner inside. */
static char *
make_nesting (DraftingKind  parent_kind,
              DraftingKind  child_kind,
              const char   *inner)
{
  g_autoptr(GArray) path = path_to_kind (parent_kind);
  GString *xml = g_string_new (HEAD);

  for (guint i = 1; i < path->len; i++)
    g_string_append_printf (xml, "<%s id=\"ancestor-%u\">",
                            drafting_kind_to_string (g_array_index (path, DraftingKind, i)), i);
  g_string_append_printf (xml, "\n<%s id=\"child\">%s</%s>\n", drafting_kind_to_string (child_kind),
                          inner, drafting_kind_to_string (child_kind));
  for (guint i = path->len - 1; i >= 1; i--)
    g_string_append_printf (xml, "</%s>",
                            drafting_kind_to_string (g_array_index (path, DraftingKind, i)));
  g_string_append (xml, "\n" TAIL);

  return g_string_free (xml, FALSE);
}

static void
test_schema_nesting (void)
{
  g_autoptr(GString) disagreements = g_string_new (NULL);
  guint n_allowed = 0;

  for (guint parent = 0; parent < DRAFTING_N_KINDS; parent++)
    for (guint child = 0; child < DRAFTING_N_KINDS; child++)
      {
        g_autofree char *xml = make_nesting (parent, child, "");
        g_autoptr(DraftingDocument) document = NULL;
        g_autoptr(GError) error = NULL;
        gboolean allowed = drafting_kind_allows_child (parent, child);

        document = load_string (xml, &error);

        if (allowed)
          n_allowed++;

        if (allowed && document == NULL)
          g_string_append_printf (disagreements, "%s may hold %s, but the file is refused: %s\n",
                                  drafting_kind_to_string (parent), drafting_kind_to_string (child),
                                  error->message);
        else if (!allowed && document != NULL)
          g_string_append_printf (disagreements, "%s may not hold %s, but the file loads\n",
                                  drafting_kind_to_string (parent),
                                  drafting_kind_to_string (child));
        else if (allowed)
          {
            DraftingNode *node = drafting_document_lookup (document, "child");

            g_assert_no_error (error);
            g_assert_nonnull (node);
            g_assert_cmpint (drafting_node_get_kind (node), ==, child);
            g_assert_cmpint (drafting_node_get_kind (drafting_node_get_parent (node)), ==, parent);
          }
        else
          {
            guint line, column;

            g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
            get_error_position (error, &line, &column);
          }
      }

  g_assert_cmpuint (n_allowed, >, DRAFTING_N_KINDS);
  if (disagreements->len > 0)
    g_error ("The schema and the model disagree:\n%s", disagreements->str);
}

static void
test_schema_lead_and_text (void)
{
  g_autoptr(GString) disagreements = g_string_new (NULL);

  for (guint kind = 1; kind < DRAFTING_N_KINDS; kind++)
    {
      g_autoptr(GArray) path = path_to_kind (kind);
      DraftingKind parent = g_array_index (path, DraftingKind, path->len - 2);
      struct {
        const char *what;
        const char *inner;
        gboolean    allowed;
      } cases[] = {
        { "a leading phrase", "<lead>NOTING</lead>", drafting_kind_has_lead (kind) },
        { "text", "<text>Some <em>text</em></text>", drafting_kind_has_text (kind) },
      };

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *xml = make_nesting (parent, kind, cases[i].inner);
          g_autoptr(DraftingDocument) document = NULL;
          g_autoptr(GError) error = NULL;

          document = load_string (xml, &error);
          if (cases[i].allowed && document == NULL)
            g_string_append_printf (disagreements, "%s has %s, but the file is refused: %s\n",
                                    drafting_kind_to_string (kind), cases[i].what, error->message);
          else if (!cases[i].allowed && document != NULL)
            g_string_append_printf (disagreements, "%s has no %s, but the file loads\n",
                                    drafting_kind_to_string (kind), cases[i].what);
          else if (document != NULL)
            {
              DraftingNode *node = drafting_document_lookup (document, "child");

              if (i == 0)
                g_assert_cmpstr (drafting_node_get_lead (node), ==, "NOTING");
              else
                g_assert_cmpstr (drafting_node_get_text (node), ==, "Some text");
            }
          else
            g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
        }
    }

  if (disagreements->len > 0)
    g_error ("The schema and the model disagree:\n%s", disagreements->str);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef enum
{
  CHILD_SAVE_FAILED = 0,   /* what is expected */
  CHILD_SAVED = 1,
  CHILD_SETUP_FAILED = 2,
  CHILD_FAILED_SILENTLY = 3,
} ChildResult;

typedef ChildResult (*ChildFunc) (gpointer  data,
                                  GString  *report);

/* Runs @func in a child process. Returns what it returned, and in @report
 * what it said. */
static ChildResult
run_in_child (ChildFunc   func,
              gpointer    data,
              char      **report)
{
  GString *said = g_string_new (NULL);
  int fds[2];
  int status;
  pid_t pid;
  char buf[512];
  gssize n;

  g_assert_no_errno (pipe (fds));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      GString *message = g_string_new (NULL);
      ChildResult result;

      close (fds[0]);
      result = func (data, message);
      if (write (fds[1], message->str, message->len) < 0)
        result = CHILD_SETUP_FAILED;
      _exit (result);
    }

  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (said, buf, n);
    }
  close (fds[0]);

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  if (!WIFEXITED (status))
    g_error ("the child process ended with signal %d",
             WIFSIGNALED (status) ? WTERMSIG (status) : 0);

  *report = g_string_free (said, FALSE);
  return WEXITSTATUS (status);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined with spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_file_contents (const char *path,
                      GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (data, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* A resolution of @n_paragraphs operative paragraphs, each mentioning @word. */
static DraftingDocument *
make_large_document (guint       n_paragraphs,
                     const char *word)
{
  DraftingDocument *document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingNode) formula = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_FORMULA,
                                                                "RESOLVES", "that Members should:");

  drafting_document_set_title (document, word);
  insert_top_level (document, formula);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = g_strdup_printf (
        "%s %u: establish a legal and policy framework allowing for the electronic "
        "submission of advance data between all parties in the E-Commerce supply chain, "
        "including Customs, postal operators, carriers and other relevant government "
        "agencies, with due regard to the protection of personal data and the different "
        "levels of digitalization among Members and business stakeholders, in order to "
        "enhance risk management and facilitate legitimate trade, and to review the "
        "thresholds, as appropriate, after a comprehensive analysis;", word, i);
      g_autoptr(DraftingNode) node = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                 NULL, text);

      insert_top_level (document, node);
    }

  return document;
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path =
    g_build_filename (dir, "no-such-folder", "r" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) document =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (drafting_native_save_file (document, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
                 g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  drafting_test_remove_tree (dir);
}

typedef struct
{
  DraftingDocument *document;
  GFile            *file;
  gboolean          drop_privileges;
  gsize             file_size_limit;
} SaveJob;

static ChildResult
save_in_child (gpointer  data,
               GString  *report)
{
  SaveJob *job = data;
  GError *error = NULL;

  if (job->drop_privileges &&
      (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    {
      g_string_append_printf (report, "cannot drop privileges: %s", g_strerror (errno));
      return CHILD_SETUP_FAILED;
    }

  if (job->file_size_limit > 0)
    {
      struct rlimit limit = { job->file_size_limit, job->file_size_limit };

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        {
          g_string_append_printf (report, "cannot limit the file size: %s", g_strerror (errno));
          return CHILD_SETUP_FAILED;
        }
    }

  if (drafting_native_save_file (job->document, job->file, NULL, &error))
    return CHILD_SAVED;
  if (error == NULL)
    return CHILD_FAILED_SILENTLY;

  g_string_append (report, error->message);
  return CHILD_SAVE_FAILED;
}

static void
test_save_unwritable_folder (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) old = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GBytes) old_bytes = drafting_test_save_bytes (old);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (drafting_native_save_file (old, file, NULL, &error));
  g_assert_no_error (error);

  if (geteuid () == 0)
    {
      /* Root writes anywhere: try as nobody, in a folder of root's, over a
       * file of root's, then over a file nobody may write. */
      g_assert_no_errno (g_chmod (dir, 0755));
      g_assert_no_errno (g_chmod (path, 0644));

      for (guint i = 0; i < 2; i++)
        {
          SaveJob job = { document, file, TRUE, 0 };
          g_autofree char *report = NULL;
          ChildResult result;

          if (i == 1)
            g_assert_no_errno (chown (path, 65534, 65534));

          result = run_in_child (save_in_child, &job, &report);
          g_test_message ("as nobody, %s: %s", i == 0 ? "over root's file" : "over nobody's file",
                          report);
          g_assert_cmpint (result, ==, CHILD_SAVE_FAILED);
          g_assert_cmpstr (report, !=, "");

          assert_file_contents (path, old_bytes);
          listing = list_dir (dir);
          g_assert_cmpstr (listing, ==, "resolution" DRAFTING_NATIVE_EXTENSION);
          g_clear_pointer (&listing, g_free);
        }
    }
  else
    {
      /* The file is ours, the folder is not writable. */
      g_assert_no_errno (g_chmod (dir, 0555));
      g_assert_false (drafting_native_save_file (document, file, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_no_errno (g_chmod (dir, 0755));

      assert_file_contents (path, old_bytes);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "resolution" DRAFTING_NATIVE_EXTENSION);
    }

  drafting_test_remove_tree (dir);
}

static void
test_save_disk_full (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) old =
    drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingDocument) document = make_large_document (300, "Full");
  g_autoptr(GBytes) old_bytes = drafting_test_save_bytes (old);
  g_autoptr(GBytes) new_bytes = drafting_test_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *listing = NULL;
  SaveJob job = { document, file, FALSE, 16 * 1024 };
  ChildResult result;

  g_assert_cmpuint (g_bytes_get_size (old_bytes), <, job.file_size_limit);
  g_assert_cmpuint (g_bytes_get_size (new_bytes), >, 4 * job.file_size_limit);

  g_assert_true (drafting_native_save_file (old, file, NULL, &error));
  g_assert_no_error (error);

  /* The disk fills up half-way through the new file. */
  result = run_in_child (save_in_child, &job, &report);
  g_test_message ("with a full disk: %s", report);
  g_assert_cmpint (result, ==, CHILD_SAVE_FAILED);
  g_assert_cmpstr (report, !=, "");

  assert_file_contents (path, old_bytes);

  /* And nothing else is left in the folder. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "resolution" DRAFTING_NATIVE_EXTENSION);

  drafting_test_remove_tree (dir);
}

/* Saves the two versions in turn, forever, saying on @fd when each save
 * starts ("S") and when it is done ("D"). */
static void G_GNUC_NORETURN
save_forever (DraftingDocument *first,
              DraftingDocument *second,
              GFile            *file,
              int               fd)
{
  for (guint i = 0; ; i++)
    {
      if (write (fd, "S", 1) != 1)
        _exit (1);
      drafting_native_save_file (i % 2 == 0 ? first : second, file, NULL, NULL);
      if (write (fd, "D", 1) != 1)
        _exit (1);
    }
}

static guint
count_temporary_files (const char *dir,
                       const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (name, keep) != 0)
      n++;

  return n;
}

static void
test_save_killed (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) first = make_large_document (2000, "First");
  g_autoptr(DraftingDocument) second = make_large_document (1800, "Second");
  g_autoptr(GBytes) first_bytes = drafting_test_save_bytes (first);
  g_autoptr(GBytes) second_bytes = drafting_test_save_bytes (second);
  g_autoptr(GError) error = NULL;
  guint n_first = 0, n_second = 0;
  gint64 save_time = 0;

  g_assert_cmpuint (g_bytes_get_size (first_bytes), >, 1024 * 1024);
  g_assert_cmpuint (g_bytes_get_size (second_bytes), >, 1024 * 1024);

  g_assert_true (drafting_native_save_file (second, file, NULL, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autofree char *data = NULL;
      /* Kill during the first save (of the first version) or the second
       * (of the second version, over the first), ever later in it. */
      guint n_saves = 1 + round % 2;
      guint fraction = round / 2;
      guint n_started = 0;
      gint64 started = 0;
      gsize len;
      int status;
      int fds[2];
      pid_t pid;

      g_assert_no_errno (pipe (fds));
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_forever (first, second, file, fds[1]);
        }
      close (fds[1]);

      while (n_started < n_saves)
        {
          char said;
          gssize n = read (fds[0], &said, 1);

          if (n < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (n, ==, 1);

          if (said == 'S')
            {
              n_started++;
              started = g_get_monotonic_time ();
            }
          else if (said == 'D')
            save_time = g_get_monotonic_time () - started;
        }

      g_usleep (fraction * save_time / 10);
      g_assert_no_errno (kill (pid, SIGKILL));
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      close (fds[0]);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* The file is whole, one version or the other. */
      g_assert_true (g_file_get_contents (path, &data, &len, &error));
      g_assert_no_error (error);
      if (len == g_bytes_get_size (first_bytes) &&
          memcmp (data, g_bytes_get_data (first_bytes, NULL), len) == 0)
        n_first++;
      else if (len == g_bytes_get_size (second_bytes) &&
               memcmp (data, g_bytes_get_data (second_bytes, NULL), len) == 0)
        n_second++;
      else
        g_error ("after the kill of round %u, the file (%" G_GSIZE_FORMAT " bytes) is neither "
                 "version", round, len);

      loaded = drafting_native_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      g_assert_cmpstr (drafting_document_get_title (loaded), ==,
                       len == g_bytes_get_size (first_bytes) ? "First" : "Second");
    }

  /* A process killed half-way leaves its temporary file: nothing can
   * remove it, but it is beside the document, never in its place. */
  g_test_message ("a save took %" G_GINT64_FORMAT " µs; the file held the first version %u "
                  "times, the second %u times; %u temporary files were left by the kills",
                  save_time, n_first, n_second,
                  count_temporary_files (dir, "resolution" DRAFTING_NATIVE_EXTENSION));
  g_assert_cmpuint (n_first + n_second, ==, 20);

  drafting_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Loading whatever the file is                                        */

static void
test_io_load_file (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *native_path =
    g_build_filename (dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autofree char *misnamed_path = g_build_filename (dir, "native-named.txt", NULL);
  g_autofree char *text_path = drafting_test_corpus_path ("ecommerce-resolution.txt");
  g_autofree char *missing_path = g_build_filename (dir, "missing" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) native_file = g_file_new_for_path (native_path);
  g_autoptr(GFile) misnamed_file = g_file_new_for_path (misnamed_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(DraftingDocument) original =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (original);
  g_autoptr(GError) error = NULL;
  guint n;

  /* A native file. */
  g_assert_true (drafting_save_file (original, native_file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (native_path, bytes);
  document = drafting_load_file (native_file, &warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_null (warnings);
  assert_documents_equal (original, document);
  g_clear_object (&document);

  /* What the file holds counts, not its name. */
  g_assert_true (g_file_set_contents (misnamed_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  document = drafting_load_file (misnamed_file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (original, document);
  g_clear_object (&document);

  /* A text file, imported as the tests import it. */
  document = drafting_load_file (text_file, &warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  n = g_list_model_get_n_items (G_LIST_MODEL (document));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (original)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) a = g_list_model_get_item (G_LIST_MODEL (original), i);
      g_autoptr(DraftingNode) b = g_list_model_get_item (G_LIST_MODEL (document), i);

      g_assert_cmpint (drafting_node_get_kind (b), ==, drafting_node_get_kind (a));
      g_assert_cmpstr (drafting_node_get_lead (b), ==, drafting_node_get_lead (a));
      g_assert_cmpstr (drafting_node_get_text (b), ==, drafting_node_get_text (a));
    }
  g_clear_object (&document);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* A folder. */
  document = drafting_load_file (folder, &warnings, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (document);
  g_assert_null (warnings);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  document = drafting_native_load_file (folder, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (document);
  g_test_message ("a folder, read as a native file: %s", error->message);
  g_clear_error (&error);

  /* Nothing at all. */
  document = drafting_load_file (missing, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (document);

  drafting_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Writing that fails                                                  */

/* The sizes to try a limit at: every one up to a few hundred bytes, then
 * steps through the document, and each side of the size of libxml2's own
 * buffer (4000 bytes) and of the document itself. */
static GArray *
limits_to_try (gsize size)
{
  GArray *limits = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize step = MAX (size / 300, 1);

  for (gsize limit = 0; limit < 300; limit++)
    g_array_append_val (limits, limit);
  for (gsize limit = 300; limit < size; limit += step)
    g_array_append_val (limits, limit);
  for (gsize chunk = 4000; chunk < size + 4000; chunk += 4000)
    for (gsize limit = chunk - 2; limit <= chunk + 2; limit++)
      g_array_append_val (limits, limit);
  for (gsize limit = size - 3; limit <= size + 3; limit++)
    g_array_append_val (limits, limit);

  return limits;
}

/* Whatever the point where the writing fails, the save gives the whole
 * document or nothing, with an error that says why: never the first part
 * of a file, called saved. */
static void
test_save_fails_anywhere (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GBytes) full = drafting_test_save_bytes (document);
  gsize size = g_bytes_get_size (full);
  g_autoptr(GArray) limits = limits_to_try (size);

  /* Large enough for libxml2 to pass its buffer on many times. */
  g_assert_cmpuint (size, >, 5 * 4000);

  for (guint i = 0; i < limits->len; i++)
    {
      gsize limit = g_array_index (limits, gsize, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = _drafting_native_save_bytes_limited (document, limit, &error);
      if (limit >= size)
        {
          g_assert_no_error (error);
          assert_same_bytes (full, bytes);
          continue;
        }

      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
      g_assert_null (bytes);
      g_assert_true (g_str_has_prefix (error->message, "The document is too large to save:"));
      g_assert_nonnull (strstr (error->message, "it could not be opened again"));
    }
}

/* A save that fails leaves the file it would have replaced as it was, and
 * nothing beside it. */
static void
test_save_fails_keeps_old_file (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "resolution" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DraftingDocument) old = drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GBytes) old_bytes = drafting_test_save_bytes (old);
  g_autoptr(GBytes) new_bytes = drafting_test_save_bytes (document);
  gsize size = g_bytes_get_size (new_bytes);
  const gsize limits[] = { 0, 1, 100, 3999, 4000, 4001, size / 2, size - 1 };
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_native_save_file (old, file, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *listing = NULL;

      g_assert_false (_drafting_native_save_file_limited (document, file, limits[i], NULL, &error));
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
      g_clear_error (&error);

      assert_file_contents (path, old_bytes);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "resolution" DRAFTING_NATIVE_EXTENSION);
    }

  /* A document within the limit replaces it. */
  g_assert_true (_drafting_native_save_file_limited (document, file, size, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, new_bytes);

  drafting_test_remove_tree (dir);
}

/* What the reader would refuse is never written, even if it reached the
 * model by a way that does not clean it: the save fails and says why. */
static void
test_save_refuses_unreadable (void)
{
  g_autofree char *dir = drafting_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "r" DRAFTING_NATIVE_EXTENSION, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char * const bad_ids[] = { "two words", "control\x01", "1digit", "a:b" };
  static const char * const bad_languages[] = {
    "", "en_US", "english language", "toolonglanguage",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_GENERIC);
      g_autoptr(DraftingNode) node = drafting_node_new (DRAFTING_KIND_PARAGRAPH, bad_ids[i]);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (drafting_document_insert (document, drafting_document_get_root (document), 0,
                                               node, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (drafting_node_get_id (node), ==, bad_ids[i]);

      bytes = drafting_native_save_bytes (document, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
      g_assert_null (bytes);
      g_assert_nonnull (strstr (error->message, "identifier"));
      g_clear_error (&error);

      g_assert_false (drafting_native_save_file (document, file, NULL, &error));
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_languages); i++)
    {
      g_autoptr(DraftingDocument) document =
        drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
      g_autoptr(GBytes) bytes = NULL;

      drafting_document_set_language (document, bad_languages[i]);
      bytes = drafting_native_save_bytes (document, &error);
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
      g_assert_null (bytes);
      g_assert_nonnull (strstr (error->message, "language"));
      g_clear_error (&error);
    }

  drafting_test_remove_tree (dir);
}

/* The writer's last check, for characters that should never reach it:
 * each one found wherever it is, past any boundary of the eight bytes it
 * looks at at once, and nothing else taken for one. */
static void
test_save_finds_unholdable (void)
{
  static const struct
  {
    const char *bytes;
    gunichar    c;
  } bad[] = {
    { "\x01", 0x01 }, { "\x08", 0x08 }, { "\x0b", 0x0B }, { "\x0c", 0x0C }, { "\x1f", 0x1F },
    { "", 0x00 }, { "\xef\xbf\xbe", 0xFFFE }, { "\xef\xbf\xbf", 0xFFFF },
  };
  static const char * const good[] = {
    "\t", "\n", "\r", " ", "\x7f", "\xc3\xa9", "\xef\xbf\xbd", "\xef\x80\x80", "\xef\xbf",
  };
  gunichar found;

  for (gsize len = 0; len < 40; len++)
    for (gsize at = 0; at <= len; at++)
      {
        for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
          {
            gsize bad_len = MAX (strlen (bad[i].bytes), 1);
            g_autoptr(GString) text = g_string_new (NULL);

            for (gsize j = 0; j < at; j++)
              g_string_append_c (text, 'a' + j % 26);
            g_string_append_len (text, bad[i].bytes, bad_len);
            for (gsize j = at; j < len; j++)
              g_string_append_c (text, 'a' + j % 26);

            found = G_MAXUINT32;
            g_assert_true (_drafting_native_find_unholdable (text->str, text->len, &found));
            g_assert_cmpuint (found, ==, bad[i].c);
          }

        for (guint i = 0; i < G_N_ELEMENTS (good); i++)
          {
            g_autoptr(GString) text = g_string_new (NULL);

            for (gsize j = 0; j < at; j++)
              g_string_append (text, "\xc3\xa9");
            g_string_append (text, good[i]);
            for (gsize j = at; j < len; j++)
              g_string_append_c (text, 'z');

            g_assert_false (_drafting_native_find_unholdable (text->str, text->len, &found));
          }
      }
}

/* ------------------------------------------------------------------ */
/* Reading and writing in worker threads                               */

/* Files that are refused, each for its own reason. */
static const struct
{
  const char *name;
  int         code;
  const char *xml;
} refused_files[] = {
  { "broken", DRAFTING_ERROR_NOT_WELL_FORMED,
    HEAD "    <paragraph id=\"a\"><text>unclosed</paragraph>\n" TAIL },
  { "invalid", DRAFTING_ERROR_INVALID,
    HEAD "    <item id=\"a\"/>\n" TAIL },
  { "doctype", DRAFTING_ERROR_FORBIDDEN,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE document>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META "  <content/>\n</document>\n" },
  { "external-entity", DRAFTING_ERROR_FORBIDDEN,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META "  <content><paragraph id=\"a\"><text>&x;</text></paragraph></content>\n</document>\n" },
  { "external-subset", DRAFTING_ERROR_FORBIDDEN,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE document SYSTEM \"file:///etc/passwd\">\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META "  <content/>\n</document>\n" },
  { "char-ref", DRAFTING_ERROR_NOT_WELL_FORMED,
    HEAD "    <paragraph id=\"a\"><text>&#1;</text></paragraph>\n" TAIL },
  { "undeclared-prefix", DRAFTING_ERROR_NOT_WELL_FORMED,
    HEAD "    <x:paragraph id=\"a\"/>\n" TAIL },
  { "latin-1", DRAFTING_ERROR_INVALID_UTF8,
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    META "  <content/>\n</document>\n" },
};

static char *
make_deep_nesting (guint levels)
{
  GString *xml = g_string_new (HEAD);

  for (guint i = 0; i < levels; i++)
    g_string_append_printf (xml, "<item id=\"i%u\">", i);
  for (guint i = 0; i < levels; i++)
    g_string_append (xml, "</item>");
  g_string_append (xml, "\n" TAIL);

  return g_string_free (xml, FALSE);
}

static void
load_refused_files (void)
{
  g_autofree char *deep = make_deep_nesting (10000);

  for (guint i = 0; i < G_N_ELEMENTS (refused_files); i++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = load_string (refused_files[i].xml, &error);
      g_assert_null (document);
      if (!g_error_matches (error, DRAFTING_ERROR, refused_files[i].code))
        g_error ("%s: refused with “%s”", refused_files[i].name, error->message);
    }

  {
    g_autoptr(DraftingDocument) document = NULL;
    g_autoptr(GError) error = NULL;

    document = load_string (deep, &error);
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_DEEP);
    g_assert_null (document);
  }
}

static void
load_and_fail_in_thread (GTask        *task,
                         gpointer      source G_GNUC_UNUSED,
                         gpointer      task_data G_GNUC_UNUSED,
                         GCancellable *cancellable G_GNUC_UNUSED)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  g_autoptr(GBytes) full = drafting_test_save_bytes (document);

  load_refused_files ();

  /* libxml2 reports a write that fails on its own too, as "I/O error". */
  for (gsize limit = 0; limit < g_bytes_get_size (full); limit += 3001)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = _drafting_native_save_bytes_limited (document, limit, &error);

      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
      g_assert_null (bytes);
    }

  g_task_return_boolean (task, TRUE);
}

/* Damaged and hostile files read in a worker thread, and saves that fail
 * there: each gives its error, and nothing at all reaches the terminal. */
static void
test_threads_quiet (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_task_run_in_thread_sync (task, load_and_fail_in_thread);
      g_assert_true (g_task_propagate_boolean (task, &error));
      g_assert_no_error (error);

      /* And on the main thread. */
      load_refused_files ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

typedef struct
{
  GBytes *valid;
  GBytes *expected;
  guint   rounds;
} ParseJob;

static gpointer
parse_in_thread (gpointer data)
{
  ParseJob *job = data;

  for (guint round = 0; round < job->rounds; round++)
    {
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;

      document = drafting_native_load_bytes (job->valid, &error);
      g_assert_no_error (error);
      again = drafting_test_save_bytes (document);
      g_assert_true (g_bytes_equal (again, job->expected));

      for (guint i = 0; i < G_N_ELEMENTS (refused_files); i++)
        {
          g_autoptr(DraftingDocument) refused = load_string (refused_files[i].xml, &error);

          g_assert_null (refused);
          g_assert_error (error, DRAFTING_ERROR, refused_files[i].code);
          g_clear_error (&error);
        }
    }

  return NULL;
}

/* Documents read in several threads at once, good and bad mixed, each
 * read as it would be alone. */
static void
test_threads_parse_together (void)
{
  g_autoptr(DraftingDocument) document =
    drafting_test_import_corpus ("ecommerce-communique.txt", NULL);
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
  ParseJob job = { bytes, bytes, 20 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, &job);
  parse_in_thread (&job);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* ------------------------------------------------------------------ */
/* What the schema accepts, the reader reads                           */

/* A CRITICAL fails a test: what the tests below rely on to show that a
 * file never leads to one. */
static void
test_schema_criticals_fail (void)
{
  if (g_test_subprocess ())
    {
      g_critical ("a critical in a test");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*a critical in a test*");
}

/* XML Schema compares tokens without the white space around them, and so
 * the schema takes values with spaces, tabs and line breaks about them:
 * the reader must read them as the schema does, and lose nothing. */
static void
test_schema_whitespace (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<document version=\" 1.0&#9;\" type=\"&#10;communique \""
    " xmlns=\"http://wco.org/ns/drafting/1\">\n"
    "  <meta>\n"
    "    <title>  Kept  as  it  is  </title>\n"
    "    <status>\n      revised\n    </status>\n"
    "    <language>\tfr-CA\n</language>\n"
    "    <numbering slot=\" operative-paragraph \" style=\" (a) \"/>\n"
    "    <numbering slot=\"&#10;sub-paragraph&#9;\" style=\"&#9;&#13;&#10;i.&#10;\"/>\n"
    "    <numbering slot=\"statement\"\n               style=\"\n  (1)\n\"/>\n"
    "  </meta>\n"
    "  <content>\n"
    "    <statement id=\" s1 \"><text>States<fnref ref=\"&#9;n1 \"/>:</text>\n"
    "      <footnote id=\"&#10;n1&#9;\"><text>A note.</text></footnote>\n"
    "      <sub-paragraph id=\"s2\"/>\n"
    "    </statement>\n"
    "    <operative-paragraph id=\"  p1\"><text>Decides.</text></operative-paragraph>\n"
    "  </content>\n"
    "</document>\n";
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *number = NULL;
  DraftingNode *statement;

  document = load_string (xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  g_assert_cmpint (drafting_document_get_document_type (document), ==,
                   DRAFTING_DOCUMENT_COMMUNIQUE);
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_REVISED);
  g_assert_cmpstr (drafting_document_get_language (document), ==, "fr-CA");
  g_assert_cmpstr (drafting_document_get_title (document), ==, "  Kept  as  it  is  ");
  g_assert_cmpint (drafting_document_get_numbering (document,
                                                    DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH),
                   ==, DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN);
  g_assert_cmpint (drafting_document_get_numbering (document, DRAFTING_NUMBERING_SUB_PARAGRAPH),
                   ==, DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD);
  g_assert_cmpint (drafting_document_get_numbering (document, DRAFTING_NUMBERING_STATEMENT),
                   ==, DRAFTING_NUMBER_STYLE_ARABIC_PAREN);

  statement = drafting_document_lookup (document, "s1");
  g_assert_nonnull (statement);
  g_assert_nonnull (drafting_document_lookup (document, "s2"));
  g_assert_nonnull (drafting_document_lookup (document, "n1"));
  g_assert_nonnull (drafting_document_lookup (document, "p1"));
  g_assert_true (drafting_inline_has_ref (drafting_node_get_content (statement), "n1"));
  number = drafting_node_get_number (drafting_document_lookup (document, "p1"));
  g_assert_cmpstr (number, ==, "(a)");

  /* Saved as the writer writes, and from then on the same bytes. */
  bytes = drafting_test_save_bytes (document);
  g_assert_true (bytes_contain (bytes, "<numbering slot=\"operative-paragraph\" style=\"(a)\"/>"));
  g_assert_true (bytes_contain (bytes, "<statement id=\"s1\">"));
  g_assert_true (bytes_contain (bytes, "<fnref ref=\"n1\"/>"));
  loaded = assert_round_trip (document);
  assert_documents_equal (document, loaded);
}

/* The kinds from the root down to one where @kind may stand, as the model
 * allows them: %FALSE for a kind that stands nowhere. */
static gboolean
find_place (DraftingKind  kind,
            GArray       *path)
{
  DraftingKind parent_of[DRAFTING_N_KINDS];
  gboolean seen[DRAFTING_N_KINDS] = { FALSE, };
  g_autoptr(GQueue) queue = g_queue_new ();

  g_array_set_size (path, 0);
  if (kind == DRAFTING_KIND_DOCUMENT)
    return TRUE;

  seen[DRAFTING_KIND_DOCUMENT] = TRUE;
  g_queue_push_tail (queue, GUINT_TO_POINTER (DRAFTING_KIND_DOCUMENT));
  while (!g_queue_is_empty (queue))
    {
      DraftingKind parent = GPOINTER_TO_UINT (g_queue_pop_head (queue));

      for (guint child = 0; child < DRAFTING_N_KINDS; child++)
        if (!seen[child] && drafting_kind_allows_child (parent, child))
          {
            seen[child] = TRUE;
            parent_of[child] = parent;
            g_queue_push_tail (queue, GUINT_TO_POINTER (child));
          }
    }

  if (!seen[kind])
    return FALSE;

  for (DraftingKind k = kind; k != DRAFTING_KIND_DOCUMENT; k = parent_of[k])
    g_array_prepend_val (path, k);
  return TRUE;
}

/* A document with the elements of @path nested, and @inner inside the
 * innermost. */
static char *
make_nested (GArray     *path,
             const char *inner)
{
  GString *xml = g_string_new (HEAD);

  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (xml, "%*s<%s id=\"outer%u\">\n", 4 + 2 * i, "",
                            drafting_kind_to_string (g_array_index (path, DraftingKind, i)), i);
  g_string_append_printf (xml, "%*s%s\n", 4 + 2 * path->len, "", inner);
  for (guint i = path->len; i > 0; i--)
    g_string_append_printf (xml, "%*s</%s>\n", 2 + 2 * i, "",
                            drafting_kind_to_string (g_array_index (path, DraftingKind, i - 1)));
  g_string_append (xml, TAIL);

  return g_string_free (xml, FALSE);
}

static gboolean
schema_accepts (const char *xml)
{
  g_autoptr(xmlDoc) doc = drafting_xml_parse (xml, strlen (xml), NULL);

  g_assert_nonnull (doc);
  return drafting_xml_validate (doc, "/org/wco/drafting/core/drafting-1.0.rng", NULL);
}

/* Loads @xml, which @accepted says the model takes; else it must be refused
 * with the line and column of @needle. */
static void
assert_loads_as_model_says (const char *xml,
                            gboolean    accepted,
                            const char *needle)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (accepted)
    {
      document = load_string (xml, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_nonnull (drafting_document_lookup (document, "inner"));
    }
  else
    error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, needle);
}

/* The schema and the model agree on which element may hold which, and
 * which has a leading phrase and text: whatever one takes the other does,
 * and what the model refuses is an error that says where, never a
 * critical. */
static void
test_schema_agrees_with_model (void)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (DraftingKind));
  guint n_allowed = 0;
  guint n_refused = 0;

  for (guint parent = 0; parent < DRAFTING_N_KINDS; parent++)
    {
      if (!find_place (parent, path))
        continue;

      for (guint child = 0; child < DRAFTING_N_KINDS; child++)
        {
          g_autofree char *inner = g_strdup_printf ("<%s id=\"inner\"/>",
                                                    drafting_kind_to_string (child));
          g_autofree char *xml = make_nested (path, inner);
          gboolean allowed = drafting_kind_allows_child (parent, child);

          if (schema_accepts (xml) != allowed)
            g_error ("the schema %s a %s in a %s, the model %s it",
                     allowed ? "refuses" : "accepts", drafting_kind_to_string (child),
                     drafting_kind_to_string (parent), allowed ? "allows" : "does not allow");
          assert_loads_as_model_says (xml, allowed, inner);
          if (allowed)
            n_allowed++;
          else
            n_refused++;
        }

      if (parent == DRAFTING_KIND_DOCUMENT)
        continue;

      /* Its leading phrase and its text, in an element of its kind. */
      {
        g_autofree char *lead_inner = g_strdup_printf ("<%s id=\"inner\"><lead>NOTING</lead></%s>",
                                                       drafting_kind_to_string (parent),
                                                       drafting_kind_to_string (parent));
        g_autofree char *text_inner = g_strdup_printf ("<%s id=\"inner\"><text>Text.</text></%s>",
                                                       drafting_kind_to_string (parent),
                                                       drafting_kind_to_string (parent));
        g_autofree char *lead_xml = NULL;
        g_autofree char *text_xml = NULL;

        g_array_set_size (path, path->len - 1);
        lead_xml = make_nested (path, lead_inner);
        text_xml = make_nested (path, text_inner);

        g_assert_true (schema_accepts (lead_xml) == drafting_kind_has_lead (parent));
        assert_loads_as_model_says (lead_xml, drafting_kind_has_lead (parent), "<lead>");
        g_assert_true (schema_accepts (text_xml) == drafting_kind_has_text (parent));
        assert_loads_as_model_says (text_xml, drafting_kind_has_text (parent), "<text>");
      }
    }

  g_assert_cmpuint (n_allowed, >, 20);
  g_assert_cmpuint (n_refused, >, 200);
}

/* ------------------------------------------------------------------ */
/* Amendments, and the identifier (version 1.1)                        */

/* A document of version 1.1, whose amendments go from line 13 on. */
#define AMENDMENTS_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<document version=\"1.1\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n" \
  "  <meta>\n" \
  "    <identifier>0f8b7c1e-2a4d-4c6e-9b1a-3d5e7f9a1b2c</identifier>\n" \
  "    <status>draft</status>\n" \
  "    <language>en</language>\n" \
  "  </meta>\n" \
  "  <content>\n" \
  "    <operative-paragraph id=\"o1\"><text>Decides to act.</text></operative-paragraph>\n" \
  "    <operative-paragraph id=\"o2\"><text>Invites Members.</text></operative-paragraph>\n" \
  "  </content>\n" \
  "  <amendments>\n"
#define AMENDMENTS_TAIL "  </amendments>\n</document>\n"

static DraftingNode *
add_paragraph (DraftingDocument *document,
               DraftingKind      kind,
               const char       *lead,
               const char       *text)
{
  g_autoptr(DraftingNode) node = drafting_node_new (kind, NULL);
  g_autoptr(DraftingInline) content = drafting_inline_new (text);

  if (lead != NULL)
    drafting_node_set_lead (node, lead);
  drafting_node_take_content (node, g_steal_pointer (&content));
  insert_top_level (document, node);

  return node;
}

static DraftingAmendment *
new_amendment (DraftingAmendmentAction  action,
               const char              *delegation,
               DraftingNode            *target)
{
  DraftingAmendment *amendment = drafting_amendment_new (action, delegation);

  drafting_amendment_set_target (amendment, drafting_node_get_id (target),
                                 DRAFTING_PLACEMENT_AFTER);
  if (action == DRAFTING_AMENDMENT_INSERT)
    drafting_amendment_set_kind (amendment, drafting_node_get_kind (target));
  return amendment;
}

static void
submit (DraftingDocument  *document,
        DraftingAmendment *amendment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_propose (document, amendment, &error));
  g_assert_no_error (error);
}

static void
test_round_trip_amendments (void)
{
  static const char * const cosponsors[] = { "Kenya", "Japon & <Brésil>", "", NULL };
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(DraftingDocument) again = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 5, 1, 10, 30, 15.25);
  g_autoptr(GDateTime) local = g_date_time_new_from_iso8601 ("2024-06-02T09:00:00+02:00", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DraftingAmendment *a[11];
  DraftingNode *preamble, *o1, *o2, *o3, *o4, *o5, *annex, *inside;
  guint seen[DRAFTING_AMENDMENT_STATUS_INVALID] = { 0, };
  guint actions[DRAFTING_AMENDMENT_ACTION_INVALID] = { 0, };
  gboolean reviewed = FALSE;

  preamble = add_paragraph (document, DRAFTING_KIND_PREAMBLE_CLAUSE, "Noting", "the work done,");
  o1 = add_paragraph (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                      "Decides to act on electronic commerce without delay;");
  o2 = add_paragraph (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "Invites Members;");
  o3 = add_paragraph (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "Requests a report;");
  o4 = add_paragraph (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "Thanks the Secretariat;");
  o5 = add_paragraph (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, "Decides to remain seized.");
  annex = add_paragraph (document, DRAFTING_KIND_ANNEX, NULL, "Annex");
  {
    g_autoptr(DraftingNode) paragraph = drafting_node_new (DRAFTING_KIND_PARAGRAPH, NULL);

    g_assert_true (drafting_document_insert (document, annex, 0, paragraph, &error));
    g_assert_no_error (error);
    inside = paragraph;
  }

  /* 0: a replacement, with every field a person sets: left proposed, then
   * made to need review by 1 taking the same words. */
  a[0] = new_amendment (DRAFTING_AMENDMENT_REPLACE, "France", o1);
  {
    g_autoptr(DraftingInline) content =
      drafting_inline_new ("Decides to act on digital trade at once;\nand to report.");

    mark_substring (content, DRAFTING_MARK_EMPHASIS, "digital trade");
    mark_substring (content, DRAFTING_MARK_STRONG, "at once");
    drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, 13, 13, "fn-1");
    drafting_amendment_set_wording (a[0], NULL, content);
  }
  drafting_amendment_set_cosponsors (a[0], cosponsors);
  drafting_amendment_set_author (a[0], "Jeanne \"J.\" Dupont <jd@example.org>");
  drafting_amendment_set_date (a[0], date);
  drafting_amendment_set_justification (a[0], "Clarity — وضوح.\n\nAnd brevity & speed.");
  submit (document, a[0]);

  /* 1: a replacement of the same words, accepted. */
  a[1] = new_amendment (DRAFTING_AMENDMENT_REPLACE, "Kenya", o1);
  {
    g_autoptr(DraftingInline) content =
      drafting_inline_new ("Decides to act on e-commerce promptly;");

    drafting_amendment_set_wording (a[1], NULL, content);
  }
  drafting_amendment_set_date (a[1], local);
  submit (document, a[1]);

  /* 2: an insertion of a clause with a leading phrase, accepted. */
  a[2] = new_amendment (DRAFTING_AMENDMENT_INSERT, "Japan", preamble);
  {
    g_autoptr(DraftingInline) content = drafting_inline_new ("its earlier resolutions,");

    mark_substring (content, DRAFTING_MARK_EMPHASIS, "earlier");
    drafting_amendment_set_wording (a[2], "Recalling", content);
  }
  submit (document, a[2]);

  /* 3: a deletion, accepted. */
  a[3] = new_amendment (DRAFTING_AMENDMENT_DELETE, "Brasil", o3);
  submit (document, a[3]);

  /* 4: a move, accepted. */
  a[4] = new_amendment (DRAFTING_AMENDMENT_MOVE, "France", o4);
  drafting_amendment_set_destination (a[4], drafting_node_get_id (o1), DRAFTING_PLACEMENT_AFTER);
  submit (document, a[4]);

  /* 5: a replacement of a leading phrase, rejected. */
  a[5] = new_amendment (DRAFTING_AMENDMENT_REPLACE, "Kenya", preamble);
  {
    g_autoptr(DraftingInline) content = drafting_inline_new ("the work done,");

    drafting_amendment_set_wording (a[5], "Noting with satisfaction", content);
  }
  submit (document, a[5]);

  /* 6: a deletion, withdrawn. */
  a[6] = new_amendment (DRAFTING_AMENDMENT_DELETE, "Japan", o2);
  submit (document, a[6]);

  /* 7: an insertion into the annex, superseded. */
  a[7] = new_amendment (DRAFTING_AMENDMENT_INSERT, "Brasil", annex);
  drafting_amendment_set_target (a[7], drafting_node_get_id (annex), DRAFTING_PLACEMENT_INTO);
  drafting_amendment_set_kind (a[7], DRAFTING_KIND_PARAGRAPH);
  {
    g_autoptr(DraftingInline) content = drafting_inline_new ("A new first paragraph.");

    drafting_amendment_set_wording (a[7], NULL, content);
  }
  submit (document, a[7]);

  /* 8: a move to the start of the document, accepted, then reopened. */
  a[8] = new_amendment (DRAFTING_AMENDMENT_MOVE, "France", o5);
  drafting_amendment_set_destination (a[8],
                                      drafting_node_get_id (drafting_document_get_root (document)),
                                      DRAFTING_PLACEMENT_INTO);
  submit (document, a[8]);

  /* 9: a deletion of an element of the annex, left proposed. */
  a[9] = new_amendment (DRAFTING_AMENDMENT_DELETE, "Kenya", inside);
  submit (document, a[9]);

  /* 10: a deletion of the first element, accepted: it was "into" the
   * document itself, which has no identifier of its own in the file. */
  a[10] = new_amendment (DRAFTING_AMENDMENT_DELETE, "Japan", preamble);
  submit (document, a[10]);

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    g_object_unref (a[i]); /* the document keeps them */

  g_assert_true (drafting_document_accept_amendment (document, a[1], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, a[2], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, a[3], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, a[4], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_decide_amendment (document, a[5], DRAFTING_AMENDMENT_REJECTED,
                                                     &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_decide_amendment (document, a[6], DRAFTING_AMENDMENT_WITHDRAWN,
                                                     &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_decide_amendment (document, a[7],
                                                     DRAFTING_AMENDMENT_SUPERSEDED, &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, a[8], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_reopen_amendment (document, a[8], &error));
  g_assert_no_error (error);
  g_assert_true (drafting_document_accept_amendment (document, a[10], &error));
  g_assert_no_error (error);

  /* Every action and every status is there, and what accepting leaves. */
  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      seen[drafting_amendment_get_status (a[i])]++;
      actions[drafting_amendment_get_action (a[i])]++;
      reviewed |= drafting_amendment_get_needs_review (a[i]);
    }
  for (guint s = 0; s < G_N_ELEMENTS (seen); s++)
    g_assert_cmpuint (seen[s], >, 0);
  for (guint s = 0; s < G_N_ELEMENTS (actions); s++)
    g_assert_cmpuint (actions[s], >, 0);
  g_assert_true (reviewed);
  g_assert_nonnull (drafting_amendment_get_result (a[2]));
  g_assert_nonnull (drafting_amendment_get_origin (a[3], NULL));
  g_assert_nonnull (drafting_amendment_get_origin (a[4], NULL));
  g_assert_null (drafting_amendment_get_origin (a[8], NULL));
  g_assert_cmpstr (drafting_amendment_get_origin (a[10], NULL), ==,
                   drafting_node_get_id (drafting_document_get_root (document)));

  loaded = assert_round_trip (document);
  g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_amendments (loaded)), ==, 11);

  /* What the file says is what the tokens say. */
  bytes = drafting_test_save_bytes (loaded);
  g_assert_true (bytes_contain (bytes, "<document version=\"1.1\" type=\"resolution\""));
  g_assert_true (bytes_contain (bytes, "date=\"2024-05-01T10:30:15.250000Z\""));
  g_assert_true (bytes_contain (bytes, "date=\"2024-06-02T07:00:00Z\""));
  g_assert_true (bytes_contain (bytes, "needs-review=\"true\""));
  g_assert_true (bytes_contain (bytes, "placement=\"into\""));
  g_assert_true (bytes_contain (bytes, "destination-placement=\"into\""));
  g_assert_true (bytes_contain (bytes, "<fnref ref=\"fn-1\"/>"));
  g_assert_true (bytes_contain (bytes, "origin=\"#root\" origin-placement=\"into\""));

  /* What it kept is enough to go on: the accepted deletion can be taken
   * back in the loaded document, putting the element where it was. */
  {
    DraftingAmendment *deletion =
      drafting_document_lookup_amendment (loaded, drafting_amendment_get_id (a[3]));

    g_assert_nonnull (deletion);
    g_assert_null (drafting_document_lookup (loaded, drafting_node_get_id (o3)));
    g_assert_true (drafting_document_reopen_amendment (loaded, deletion, &error));
    g_assert_no_error (error);
    g_assert_nonnull (drafting_document_lookup (loaded, drafting_node_get_id (o3)));
    again = assert_round_trip (loaded);
  }
}

static void
test_old_version (void)
{
  static const char * const examples[] = {
    "ecommerce-resolution.wcodraft",
    "ecommerce-communique.wcodraft",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = drafting_test_example_path (examples[i]);
      g_autofree char *old = NULL;
      g_autofree char *tag = NULL;
      g_autoptr(GBytes) old_bytes = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(DraftingDocument) twin = NULL;
      g_autoptr(DraftingDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;
      const char *identifier;

      g_assert_true (g_file_get_contents (path, &old, &len, &error));
      g_assert_no_error (error);
      /* The examples stay files of version 1.0, for this. */
      g_assert_nonnull (strstr (old, "<document version=\"1.0\""));
      g_assert_null (strstr (old, "<identifier>"));
      old_bytes = g_bytes_new (old, len);

      document = drafting_native_load_bytes (old_bytes, &error);
      g_assert_no_error (error);
      identifier = drafting_document_get_identifier (document);
      g_assert_true (g_uuid_string_is_valid (identifier));
      g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_amendments (document)),
                        ==, 0);

      /* Each load of an old file gives it an identifier of its own. */
      twin = drafting_native_load_bytes (old_bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (drafting_document_get_identifier (twin), !=, identifier);
      assert_nodes_equal (drafting_document_get_root (document), drafting_document_get_root (twin));

      /* Saved, it is 1.1, with that identifier, kept from then on. */
      saved = drafting_test_save_bytes (document);
      tag = g_strdup_printf ("    <identifier>%s</identifier>\n", identifier);
      g_assert_true (bytes_contain (saved, "<document version=\"1.1\""));
      g_assert_true (bytes_contain (saved, tag));
      g_assert_false (bytes_contain (saved, "<amendments"));
      loaded = assert_round_trip (document);
      g_assert_cmpstr (drafting_document_get_identifier (loaded), ==, identifier);
    }
}

static void
test_identifier (void)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_GENERIC);
  g_autoptr(DraftingDocument) other = drafting_document_new (DRAFTING_DOCUMENT_GENERIC);
  g_autoptr(DraftingDocument) copy = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint line, column;
  const char *xml =
    AMENDMENTS_HEAD
    AMENDMENTS_TAIL;

  g_assert_true (g_uuid_string_is_valid (drafting_document_get_identifier (document)));
  g_assert_cmpstr (drafting_document_get_identifier (document), !=,
                   drafting_document_get_identifier (other));

  copy = drafting_document_snapshot (document);
  g_assert_cmpstr (drafting_document_get_identifier (copy), ==,
                   drafting_document_get_identifier (document));

  loaded = load_string (xml, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (drafting_document_get_identifier (loaded), ==,
                   "0f8b7c1e-2a4d-4c6e-9b1a-3d5e7f9a1b2c");
  g_clear_object (&loaded);

  /* The schema wants one, as a UUID. */
  {
    g_autofree char *bad = g_strdup (xml);
    g_autofree char *none = NULL;
    char *at = strstr (bad, "0f8b7c1e");

    at[3] = 'x';
    error = assert_refused_at (bad, DRAFTING_ERROR_INVALID, "<identifier>");
    g_clear_error (&error);

    none = g_strdup (xml);
    at = strstr (none, "    <identifier>");
    memset (at, ' ', strstr (at, "</identifier>") + strlen ("</identifier>") - at);
    loaded = load_string (none, &error);
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID);
    g_assert_null (loaded);
    get_error_position (error, &line, &column);
  }
}

static void
test_error_amendments (void)
{
  static const struct {
    const char *amendments;
    const char *needle;
    const char *said;
  } cases[] = {
    /* An identifier given twice, named with the line of the first. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n"
      "    <amendment id=\"am-1\" action=\"replace\" status=\"proposed\""
      " date=\"2024-05-01T10:00:00Z\" target=\"o2\"><delegation>Kenya</delegation></amendment>\n",
      "<amendment id=\"am-1\" action=\"replace\"",
      "line 13",
    },
    /* A status no amendment has. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"adopted\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* An action no amendment has. */
    {
      "    <amendment id=\"am-1\" action=\"split\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* No delegation, an empty one. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><author>Someone</author></amendment>\n",
      "<author>",
      NULL,
    },
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\">\n      <delegation></delegation></amendment>\n",
      "<delegation>",
      NULL,
    },
    /* An attribute the format does not have. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\" votes=\"12\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* An identifier that is not a name. */
    {
      "    <amendment id=\"1 2\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* A date that is not in UTC, or not a date. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\""
      " date=\"2024-05-01T10:00:00+02:00\" target=\"o1\"><delegation>France</delegation>"
      "</amendment>\n",
      "<amendment id",
      NULL,
    },
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"yesterday\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* No target, a placement or a kind that does not exist. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\">"
      "<delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    {
      "    <amendment id=\"am-1\" action=\"insert\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\" placement=\"before\" kind=\"paragraph\"><delegation>France</delegation>"
      "</amendment>\n",
      "<amendment id",
      NULL,
    },
    {
      "    <amendment id=\"am-1\" action=\"insert\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\" kind=\"document\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      NULL,
    },
    /* An insertion of no kind, a move to nowhere: the schema lets them
     * through, the reader does not. */
    {
      "    <amendment id=\"am-1\" action=\"insert\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      "kind",
    },
    {
      "    <amendment id=\"am-1\" action=\"move\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n",
      "<amendment id",
      "where",
    },
    /* Elements out of place, or unknown, in the wording. */
    {
      "    <amendment id=\"am-1\" action=\"replace\" status=\"proposed\""
      " date=\"2024-05-01T10:00:00Z\" target=\"o1\"><delegation>France</delegation>\n"
      "      <proposed><text>New <u>words</u></text></proposed></amendment>\n",
      "<u>",
      NULL,
    },
    {
      "    <amendment id=\"am-1\" action=\"replace\" status=\"proposed\""
      " date=\"2024-05-01T10:00:00Z\" target=\"o1\"><delegation>France</delegation>\n"
      "      <justification>Why</justification><author>Who</author></amendment>\n",
      "<author>",
      NULL,
    },
    /* Something else than an amendment among them. */
    {
      "    <amendment id=\"am-1\" action=\"delete\" status=\"proposed\" date=\"2024-05-01T10:00:00Z\""
      " target=\"o1\"><delegation>France</delegation></amendment>\n"
      "    <paragraph id=\"p9\"/>\n",
      "<paragraph",
      NULL,
    },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strconcat (AMENDMENTS_HEAD, cases[i].amendments, AMENDMENTS_TAIL,
                                          NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, cases[i].needle);
      if (cases[i].said != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].said));
    }

  /* A file of version 1.0 has no amendments: its schema says so. */
  {
    const char *xml =
      HEAD
      "  </content>\n"
      "  <amendments/>\n"
      "</document>\n";
    g_autoptr(GError) error = assert_refused_at (xml, DRAFTING_ERROR_INVALID, "<amendments");

    (void) error;
  }
}

/* An amendment may name an element since gone, or never there; the
 * smallest one says only who, what, when and about which element. */
static void
test_amendments_loose_targets (void)
{
  const char *xml =
    AMENDMENTS_HEAD
    "    <amendment id=\"am-gone\" action=\"replace\" status=\"accepted\""
    " date=\"2024-05-01T10:00:00Z\" target=\"o9\"><delegation>France</delegation>\n"
    "      <target-label>operative-paragraph 9.</target-label></amendment>\n"
    "    <amendment id=\"am-2\" action=\"move\" status=\"proposed\" date=\"2024-05-01T11:00:00Z\""
    " target=\"o2\" destination=\"o7\"><delegation>Kenya</delegation></amendment>\n"
    AMENDMENTS_TAIL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  DraftingAmendment *amendment;
  DraftingPlacement placement = DRAFTING_PLACEMENT_INTO;

  document = load_string (xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_amendments (document)), ==, 2);

  amendment = drafting_document_lookup_amendment (document, "am-gone");
  g_assert_nonnull (amendment);
  g_assert_cmpstr (drafting_amendment_get_target (amendment), ==, "o9");
  g_assert_cmpstr (drafting_amendment_get_target_label (amendment), ==, "operative-paragraph 9.");
  g_assert_cmpint (drafting_amendment_get_status (amendment), ==, DRAFTING_AMENDMENT_ACCEPTED);
  g_assert_cmpstr (drafting_amendment_get_author (amendment), ==, "");
  g_assert_true (drafting_inline_is_empty (drafting_amendment_get_content (amendment)));
  g_assert_cmpint (drafting_amendment_get_kind (amendment), ==, DRAFTING_KIND_INVALID);

  amendment = drafting_document_lookup_amendment (document, "am-2");
  g_assert_cmpstr (drafting_amendment_get_destination (amendment, &placement), ==, "o7");
  g_assert_cmpint (placement, ==, DRAFTING_PLACEMENT_AFTER);
  g_assert_false (drafting_document_get_modified (document));
  g_assert_false (drafting_document_can_undo (document));

  loaded = assert_round_trip (document);
}

/* An amendment made against what its element says now is saved as
 * base="present", its base not written twice, and read back whole; one
 * whose element is not there cannot say so. */
static void
test_amendments_present_base (void)
{
  const char *xml =
    AMENDMENTS_HEAD
    "    <amendment id=\"am-1\" action=\"replace\" status=\"proposed\""
    " date=\"2024-05-01T10:00:00Z\" target=\"o2\" base=\"present\"><delegation>France</delegation>\n"
    "      <proposed><text>Invites all Members.</text></proposed></amendment>\n"
    "    <amendment id=\"am-2\" action=\"replace\" status=\"proposed\""
    " date=\"2024-05-01T11:00:00Z\" target=\"o1\"><delegation>Kenya</delegation>\n"
    "      <base><text>Decides to act now.</text></base>\n"
    "      <proposed><text>Decides to act at once.</text></proposed></amendment>\n"
    AMENDMENTS_TAIL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DraftingAmendment *amendment;

  document = load_string (xml, &error);
  g_assert_no_error (error);
  amendment = drafting_document_lookup_amendment (document, "am-1");
  g_assert_cmpstr (drafting_inline_get_text (drafting_amendment_get_base_content (amendment)), ==,
                   "Invites Members.");

  /* Saved again: the first says "present", the second, made against
   * other words, keeps its own. */
  saved = drafting_native_save_bytes (document, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "base=\"present\""));
  g_assert_null (strstr (strstr (text, "base=\"present\""), "<base>\n        <text>Invites"));
  g_assert_null (strstr (text, "<base>\n        <text>Invites Members."));
  g_assert_nonnull (strstr (text, "Decides to act now."));
  loaded = assert_round_trip (document);

  /* No such element: refused where the amendment says so. */
  {
    const char *lost =
      AMENDMENTS_HEAD
      "    <amendment id=\"am-3\" action=\"replace\" status=\"proposed\""
      " date=\"2024-05-01T10:00:00Z\" target=\"o9\" base=\"present\"><delegation>France</delegation>"
      "</amendment>\n"
      AMENDMENTS_TAIL;
    g_autoptr(GError) refused = assert_refused_at (lost, DRAFTING_ERROR_INVALID, "<amendment id=\"am-3\"");

    g_assert_nonnull (strstr (refused->message, "o9"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/native/round-trip/resolution", test_round_trip_resolution);
  g_test_add_func ("/native/round-trip/communique", test_round_trip_communique);
  g_test_add_func ("/native/round-trip/every-kind", test_round_trip_every_kind);
  g_test_add_func ("/native/round-trip/inline", test_round_trip_inline);
  g_test_add_func ("/native/round-trip/metadata", test_round_trip_metadata);
  g_test_add_func ("/native/round-trip/numbering", test_round_trip_numbering);
  g_test_add_func ("/native/round-trip/unsavable-characters", test_round_trip_unsavable_characters);
  g_test_add_func ("/native/ids/after-edits", test_ids_after_edits);
  g_test_add_func ("/native/ids/kept-on-load", test_ids_kept_on_load);
  g_test_add_func ("/native/error/not-allowed", test_error_not_allowed);
  g_test_add_func ("/native/error/unknown-element", test_error_unknown_element);
  g_test_add_func ("/native/error/missing-id", test_error_missing_id);
  g_test_add_func ("/native/error/bad-numbering", test_error_bad_numbering);
  g_test_add_func ("/native/error/duplicate-id", test_error_duplicate_id);
  g_test_add_func ("/native/error/footnote-ref", test_error_footnote_ref);
  g_test_add_func ("/native/error/unclosed-tag", test_error_unclosed_tag);
  g_test_add_func ("/native/error/truncated", test_error_truncated);
  g_test_add_func ("/native/error/empty", test_error_empty);
  g_test_add_func ("/native/hostile/billion-laughs", test_hostile_billion_laughs);
  g_test_add_func ("/native/hostile/external-entity", test_hostile_external_entity);
  g_test_add_func ("/native/hostile/network", test_hostile_network);
  g_test_add_func ("/native/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/native/hostile/depth-limit", test_hostile_depth_limit);
  g_test_add_func ("/native/hostile/invalid-utf8", test_hostile_invalid_utf8);
  g_test_add_func ("/native/hostile/nul-bytes", test_hostile_nul_bytes);
  g_test_add_func ("/native/hostile/encoding", test_hostile_encoding);
  g_test_add_func ("/native/hostile/too-large", test_hostile_too_large);
  g_test_add_func ("/native/hostile/newer-version", test_hostile_newer_version);
  g_test_add_func ("/native/hostile/unknown-format", test_hostile_unknown_format);
  g_test_add_func ("/native/schema/nesting", test_schema_nesting);
  g_test_add_func ("/native/schema/lead-and-text", test_schema_lead_and_text);
  g_test_add_func ("/native/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/native/save/unwritable-folder", test_save_unwritable_folder);
  g_test_add_func ("/native/save/disk-full", test_save_disk_full);
  g_test_add_func ("/native/save/killed", test_save_killed);
  g_test_add_func ("/native/io/load-file", test_io_load_file);
  g_test_add_func ("/native/save/fails-anywhere", test_save_fails_anywhere);
  g_test_add_func ("/native/save/fails-keeps-old-file", test_save_fails_keeps_old_file);
  g_test_add_func ("/native/save/refuses-unreadable", test_save_refuses_unreadable);
  g_test_add_func ("/native/save/finds-unholdable", test_save_finds_unholdable);
  g_test_add_func ("/native/threads/quiet", test_threads_quiet);
  g_test_add_func ("/native/threads/parse-together", test_threads_parse_together);
  g_test_add_func ("/native/schema/criticals-fail", test_schema_criticals_fail);
  g_test_add_func ("/native/schema/whitespace", test_schema_whitespace);
  g_test_add_func ("/native/schema/agrees-with-model", test_schema_agrees_with_model);
  g_test_add_func ("/native/round-trip/amendments", test_round_trip_amendments);
  g_test_add_func ("/native/amendments/loose-targets", test_amendments_loose_targets);
  g_test_add_func ("/native/amendments/present-base", test_amendments_present_base);
  g_test_add_func ("/native/version/old", test_old_version);
  g_test_add_func ("/native/version/identifier", test_identifier);
  g_test_add_func ("/native/error/amendments", test_error_amendments);

  return g_test_run ();
}
