/* test-revisions.c: revisions issued, undone, kept in files, and compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

static DraftingDocument *
new_resolution (void)
{
  DraftingDocument *document = drafting_test_new_relief_resolution (
    "1. Members should simplify the clearance of relief consignments;\n"
    "\n"
    "2. Members should share information with other border agencies:\n"
    "(a) before a disaster;\n"
    "(b) during a disaster; and\n"
    "\n"
    "3. The Secretariat should report to the Council every year;\n"
    "\n"
    "4. Members should train their officers;\n"
    "\n"
    "5. Members should review these measures.\n");

  drafting_document_set_status (document, DRAFTING_STATUS_DRAFT);
  drafting_document_clear_history (document);
  drafting_document_set_modified (document, FALSE);
  return document;
}

static DraftingNode *
paragraph (DraftingDocument *document,
           guint             nth)
{
  return drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, nth);
}

static DraftingRevision *
revise (DraftingDocument *document,
        const char       *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (drafting_document_revise (document, label, &error));
  g_assert_no_error (error);

  return drafting_document_lookup_revision (document, label);
}

static guint
n_revisions (DraftingDocument *document)
{
  return g_list_model_get_n_items (drafting_document_get_revisions (document));
}

static DraftingDocument *
reload (DraftingDocument *document)
{
  g_autoptr(GBytes) bytes = drafting_test_save_bytes (document);
  g_autoptr(GError) error = NULL;
  DraftingDocument *loaded = drafting_native_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

static char *
wdiff_of (DraftingComparison *comparison)
{
  return drafting_marked_text_to_wdiff (drafting_comparison_get_text (comparison));
}

/* The one entry that is not unchanged: there must be exactly one. */
static const DraftingComparisonEntry *
only_change (DraftingComparison *comparison)
{
  const DraftingComparisonEntry *found = NULL;

  for (guint i = 0; i < drafting_comparison_get_n_entries (comparison); i++)
    {
      const DraftingComparisonEntry *entry = drafting_comparison_get_entry (comparison, i);

      if (entry->change == DRAFTING_ELEMENT_UNCHANGED)
        continue;
      g_assert_null (found);
      found = entry;
    }

  g_assert_nonnull (found);
  return found;
}

/* ------------------------------------------------------------------ */
/* The record                                                          */

static void
test_revise_undo_redo (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(DraftingRevision) kept = NULL;
  g_autofree char *text = drafting_render_document_text (document);
  g_autofree char *revision_text = NULL;
  DraftingRevision *revision;

  g_assert_false (drafting_document_get_modified (document));
  revision = revise (document, "Draft");
  g_assert_nonnull (revision);
  g_assert_cmpuint (n_revisions (document), ==, 1);
  g_assert_cmpstr (drafting_revision_get_label (revision), ==, "Draft");
  g_assert_cmpint (drafting_revision_get_status (revision), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpint (g_date_time_difference (drafting_revision_get_date (revision), before), >, -2 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (drafting_revision_get_date (revision), before), <, 60 * G_TIME_SPAN_SECOND);
  revision_text = drafting_revision_get_text (revision);
  g_assert_cmpstr (revision_text, ==, text);

  /* A change like any other. */
  g_assert_true (drafting_document_get_modified (document));
  g_assert_cmpstr (drafting_document_get_undo_label (document), ==, "Undo Issue Revision");

  kept = g_object_ref (revision);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (n_revisions (document), ==, 0);
  g_assert_null (drafting_document_lookup_revision (document, "Draft"));
  g_assert_false (drafting_document_get_modified (document));

  g_assert_true (drafting_document_redo (document));
  g_assert_cmpuint (n_revisions (document), ==, 1);
  g_assert_true (drafting_document_lookup_revision (document, "Draft") == kept);

  /* The status is the document's at the time; labels are trimmed. */
  drafting_document_set_status (document, DRAFTING_STATUS_REVISED);
  revision = revise (document, "  Rev.1 ");
  g_assert_null (revision);
  revision = drafting_document_lookup_revision (document, "Rev.1");
  g_assert_nonnull (revision);
  g_assert_cmpint (drafting_revision_get_status (revision), ==, DRAFTING_STATUS_REVISED);

  /* Oldest first. */
  {
    g_autoptr(DraftingRevision) first = g_list_model_get_item (drafting_document_get_revisions (document), 0);
    g_autoptr(DraftingRevision) second = g_list_model_get_item (drafting_document_get_revisions (document), 1);

    g_assert_cmpstr (drafting_revision_get_label (first), ==, "Draft");
    g_assert_cmpstr (drafting_revision_get_label (second), ==, "Rev.1");
  }

  /* Undone in turn, the status change between them too. */
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (n_revisions (document), ==, 1);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (n_revisions (document), ==, 0);
}

static void
test_labels_refused (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *long_label = g_strnfill (DRAFTING_REVISION_MAX_LABEL + 1, 'x');
  g_autofree char *longest = g_strnfill (DRAFTING_REVISION_MAX_LABEL, 'x');
  const char * const refused[] = { "", "   ", "Draft", " Draft ", "Rev.\n2", "Rev.\t2", long_label };
  guint64 changes;

  revise (document, "Draft");
  changes = drafting_document_get_change_count (document);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (drafting_document_revise (document, refused[i], &error));
      g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED);
      g_assert_nonnull (error->message);
      g_test_message ("“%s”: %s", refused[i], error->message);
      g_assert_cmpuint (n_revisions (document), ==, 1);
      g_assert_cmpuint (drafting_document_get_change_count (document), ==, changes);
    }

  /* The message says which label is taken. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (drafting_document_revise (document, "Draft", &error));
    g_assert_nonnull (strstr (error->message, "“Draft”"));
  }

  revise (document, longest);
  revise (document, "Révision 2 — adoptée");
  g_assert_cmpuint (n_revisions (document), ==, 3);
}

/* What a revision holds never changes, whatever becomes of the document. */
static void
test_frozen (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autofree char *text = drafting_render_document_text (document);
  g_autofree char *after = NULL;
  g_autofree char *present = NULL;
  DraftingRevision *revision = revise (document, "Draft");
  DraftingNode *first = paragraph (document, 0);
  g_autofree char *id = g_strdup (drafting_node_get_id (first));
  DraftingNode *old;

  drafting_document_set_text (document, first, "Members should do something else entirely;");
  drafting_document_delete (document, paragraph (document, 1));
  drafting_document_set_status (document, DRAFTING_STATUS_ADOPTED);
  drafting_document_set_title (document, "Another title");
  drafting_document_set_place (document, "Brussels");
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  g_assert_nonnull (drafting_document_insert_new (document, paragraph (document, 0),
                                                  DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL));

  after = drafting_revision_get_text (revision);
  g_assert_cmpstr (after, ==, text);
  present = drafting_render_document_text (document);
  g_assert_cmpstr (present, !=, text);

  old = drafting_document_lookup (drafting_revision_get_document (revision), id);
  g_assert_nonnull (old);
  g_assert_true (old != first);
  g_assert_cmpstr (drafting_node_get_text (old), ==,
                   "Members should simplify the clearance of relief consignments;");
  g_assert_cmpint (drafting_revision_get_status (revision), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (drafting_document_get_revisions (drafting_revision_get_document (revision))), ==, 0);

  /* A snapshot, which saving makes, keeps the revisions, the same ones. */
  {
    g_autoptr(DraftingDocument) copy = drafting_document_snapshot (document);
    g_autoptr(DraftingRevision) shared = g_list_model_get_item (drafting_document_get_revisions (copy), 0);

    g_assert_true (shared == revision);
  }
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

static void
test_round_trip (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *revisions;

  drafting_document_set_place (document, "Luxor");
  drafting_document_set_date (document, "December 2017");
  revise (document, "Draft");
  g_ptr_array_add (texts, drafting_revision_get_text (drafting_document_lookup_revision (document, "Draft")));

  drafting_document_set_text (document, paragraph (document, 2), "The Secretariat should report twice a year;");
  drafting_document_delete (document, paragraph (document, 1));
  drafting_document_set_status (document, DRAFTING_STATUS_REVISED);
  drafting_document_set_place (document, "Brussels");
  revise (document, "Rev.1 <&\"'>");
  g_ptr_array_add (texts, drafting_revision_get_text (drafting_document_lookup_revision (document, "Rev.1 <&\"'>")));

  drafting_document_set_document_type (document, DRAFTING_DOCUMENT_GENERIC);
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH,
                                   DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN);
  drafting_document_set_language (document, "fr");

  saved = drafting_test_save_bytes (document);
  g_test_message ("%.*s", (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
  loaded = reload (document);
  revisions = drafting_document_get_revisions (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  g_assert_false (drafting_document_get_modified (loaded));
  g_assert_false (drafting_document_can_undo (loaded));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DraftingRevision) was = g_list_model_get_item (drafting_document_get_revisions (document), i);
      g_autoptr(DraftingRevision) is = g_list_model_get_item (revisions, i);
      g_autofree char *text = drafting_revision_get_text (is);

      g_assert_cmpstr (drafting_revision_get_label (is), ==, drafting_revision_get_label (was));
      g_assert_true (g_date_time_equal (drafting_revision_get_date (is), drafting_revision_get_date (was)));
      g_assert_cmpint (g_date_time_get_utc_offset (drafting_revision_get_date (is)), ==,
                       g_date_time_get_utc_offset (drafting_revision_get_date (was)));
      g_assert_cmpint (drafting_revision_get_status (is), ==, drafting_revision_get_status (was));
      g_assert_cmpstr (text, ==, g_ptr_array_index (texts, i));
      g_assert_cmpint (drafting_document_get_document_type (drafting_revision_get_document (is)), ==,
                       DRAFTING_DOCUMENT_RESOLUTION);
      g_assert_cmpstr (drafting_document_get_language (drafting_revision_get_document (is)), ==, "en");
    }

  /* The same bytes again. */
  saved_again = drafting_test_save_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

#define PROLOG "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define DOC_1_1 \
  "<document version=\"1.1\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n" \
  "  <meta><identifier>3f1c1a86-0c6e-4b7a-9d55-0a1f4f3b9e21</identifier>" \
  "<status>draft</status><language>en</language></meta>\n" \
  "  <content>\n" \
  "    <operative-paragraph id=\"p1\"><text>First.</text></operative-paragraph>\n" \
  "    <operative-paragraph id=\"p2\"><text>Second.</text></operative-paragraph>\n" \
  "  </content>\n"
#define REVISION_META "<meta><language>en</language></meta>"

static void
test_older_files (void)
{
  const char * const files[] = {
    PROLOG
    "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
    "  <meta><status>draft</status><language>en</language></meta>\n"
    "  <content><operative-paragraph id=\"p1\"><text>First.</text></operative-paragraph></content>\n"
    "</document>\n",
    PROLOG DOC_1_1 "</document>\n",
    PROLOG DOC_1_1 "  <revisions/>\n</document>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i], strlen (files[i]));
      g_autoptr(DraftingDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = drafting_native_load_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_revisions (document), ==, 0);
      /* Saved with none, as before. */
      {
        g_autoptr(GBytes) saved = drafting_test_save_bytes (document);
        g_autofree char *xml = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

        g_assert_null (strstr (xml, "revisions"));
      }
    }

  /* Revisions are 1.1's: a 1.0 file with them is refused. */
  {
    const char *xml =
      PROLOG
      "<document version=\"1.0\" type=\"resolution\" xmlns=\"http://wco.org/ns/drafting/1\">\n"
      "  <meta><status>draft</status><language>en</language></meta>\n"
      "  <content/>\n"
      "  <revisions/>\n"
      "</document>\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
    g_autoptr(GError) error = NULL;
    g_autoptr(DraftingDocument) document = drafting_native_load_bytes (bytes, &error);

    g_assert_null (document);
    g_assert_nonnull (error);
  }
}

static void
test_read_revisions (void)
{
  const char *xml =
    PROLOG DOC_1_1
    "  <revisions>\n"
    "    <revision label=\"Draft\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META
    "<operative-paragraph id=\"p1\"><text>First.</text></operative-paragraph>"
    "<operative-paragraph id=\"gone\"><text>Gone.</text></operative-paragraph>"
    "</revision>\n"
    "    <revision label=\"Rev.1\" date=\"2026-11-20T17:00:00-03:30\" status=\"revised\" "
    "type=\"communique\">" REVISION_META
    "<statement id=\"p1\"><text>First.</text></statement>"
    "</revision>\n"
    "  </revisions>\n"
    "</document>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  DraftingRevision *draft;
  DraftingRevision *rev1;

  document = drafting_native_load_bytes (bytes, &error);
  g_assert_no_error (error);
  draft = drafting_document_lookup_revision (document, "Draft");
  rev1 = drafting_document_lookup_revision (document, "Rev.1");
  g_assert_nonnull (draft);
  g_assert_nonnull (rev1);
  text = drafting_revision_get_text (draft);
  g_assert_cmpstr (text, ==, "1. First.\n\n2. Gone.\n");
  g_assert_cmpint (drafting_revision_get_status (rev1), ==, DRAFTING_STATUS_REVISED);
  g_assert_cmpint (drafting_document_get_document_type (drafting_revision_get_document (rev1)), ==,
                   DRAFTING_DOCUMENT_COMMUNIQUE);
  date = drafting_revision_format_date (rev1);
  g_assert_cmpstr (date, ==, "2026-11-20T17:00:00-03:30");
  g_clear_pointer (&date, g_free);
  date = drafting_revision_format_date (draft);
  g_assert_cmpstr (date, ==, "2026-11-02T09:30:00+00:00");

  /* Written back as read: the type only where it is not the document's. */
  saved = drafting_test_save_bytes (document);
  {
    g_autofree char *out = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

    g_assert_nonnull (strstr (out, "<revision label=\"Draft\" date=\"2026-11-02T09:30:00+00:00\" status=\"draft\">"));
    g_assert_nonnull (strstr (out, "<revision label=\"Rev.1\" date=\"2026-11-20T17:00:00-03:30\" "
                                   "status=\"revised\" type=\"communique\">"));
  }
}

/* Files with what the format refuses in their revisions: each refused,
 * saying where. */
static void
test_hostile_revisions (void)
{
  g_autoptr(GString) many = g_string_new (PROLOG DOC_1_1 "  <revisions>\n");
  const struct
  {
    const char *name;
    const char *revisions;
  } files[] = {
    { "duplicate label",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n"
      "<revision label=\" A \" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "blank label",
      "<revision label=\"  \" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "control in label",
      "<revision label=\"A&#1;\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "tab in label",
      "<revision label=\"A&#9;B\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "long label",
      "<revision label=\"" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      "\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "date without offset",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "not a date",
      "<revision label=\"A\" date=\"yesterday\" status=\"draft\">" REVISION_META "</revision>\n" },
    { "bad status",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"final\">" REVISION_META "</revision>\n" },
    { "no meta",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\"></revision>\n" },
    { "duplicate id",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META
      "<paragraph id=\"x\"/><paragraph id=\"x\"/></revision>\n" },
    { "item at the top",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META
      "<item id=\"x\"/></revision>\n" },
    { "dangling footnote",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META
      "<paragraph id=\"x\"><text>a<fnref ref=\"nope\"/></text></paragraph></revision>\n" },
    { "something else",
      "<revision label=\"A\" date=\"2026-11-02T09:30:00Z\" status=\"draft\">" REVISION_META
      "</revision><amendment/>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *xml = g_strconcat (PROLOG DOC_1_1 "  <revisions>\n", files[i].revisions,
                                          "  </revisions>\n</document>\n", NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(DraftingDocument) document = drafting_native_load_bytes (bytes, &error);

      g_test_message ("%s: %s", files[i].name, error ? error->message : "(read)");
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "Line "));
    }

  /* More revisions than a document keeps. */
  for (guint i = 0; i <= DRAFTING_MAX_REVISIONS; i++)
    g_string_append_printf (many, "<revision label=\"R%u\" date=\"2026-11-02T09:30:00Z\" "
                            "status=\"draft\">" REVISION_META "</revision>\n", i);
  g_string_append (many, "  </revisions>\n</document>\n");
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (many->str, many->len);
    g_autoptr(GError) error = NULL;
    g_autoptr(DraftingDocument) document = drafting_native_load_bytes (bytes, &error);

    g_assert_null (document);
    g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE);
    g_test_message ("%s", error->message);
  }
}

static void
collect_ids (DraftingNode *node,
             GHashTable   *ids)
{
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      g_hash_table_add (ids, g_strdup (drafting_node_get_id (child)));
      collect_ids (child, ids);
    }
}

/* An identifier a revision used is never given to a new element, even
 * once the element is deleted and the document saved and opened again. */
static void
test_ids_never_reused (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) loaded = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  DraftingNode *anchor;

  revise (document, "Draft");
  /* Paragraph 2 with its sub-paragraphs, and paragraph 4. */
  {
    DraftingNode *doomed[] = { paragraph (document, 1), paragraph (document, 3) };

    for (guint k = 0; k < G_N_ELEMENTS (doomed); k++)
      {
        g_ptr_array_add (gone, g_strdup (drafting_node_get_id (doomed[k])));
        for (guint i = 0; i < drafting_node_get_n_children (doomed[k]); i++)
          g_ptr_array_add (gone, g_strdup (drafting_node_get_id (drafting_node_get_child (doomed[k], i))));
        drafting_document_delete (document, doomed[k]);
      }
  }
  g_assert_cmpuint (gone->len, ==, 4);

  loaded = reload (document);
  collect_ids (drafting_revision_get_root (drafting_document_lookup_revision (loaded, "Draft")), used);
  for (guint i = 0; i < gone->len; i++)
    {
      g_assert_true (g_hash_table_contains (used, g_ptr_array_index (gone, i)));
      g_assert_null (drafting_document_lookup (loaded, g_ptr_array_index (gone, i)));
    }

  /* An element brought in under a deleted one's identifier gets another. */
  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(DraftingNode) node = drafting_node_new (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                        g_ptr_array_index (gone, i));
      g_autoptr(GError) error = NULL;

      g_assert_true (drafting_document_insert (loaded, drafting_document_get_root (loaded),
                                               drafting_node_get_n_children (drafting_document_get_root (loaded)),
                                               node, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (drafting_node_get_id (node), !=, g_ptr_array_index (gone, i));
    }

  /* And none of many new ones takes one. */
  anchor = paragraph (loaded, 0);
  for (guint i = 0; i < 2000; i++)
    {
      DraftingNode *node = drafting_document_insert_new (loaded, anchor,
                                                         DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL);

      g_assert_nonnull (node);
      g_assert_false (g_hash_table_contains (used, drafting_node_get_id (node)));
    }
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

static void
test_compare_same (void)
{
  const char * const examples[] = { "ecommerce-resolution.wcodraft", "ecommerce-communique.wcodraft" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(DraftingDocument) document = drafting_test_load_example (examples[i]);
      g_autoptr(DraftingComparison) comparison = NULL;
      g_autoptr(DraftingComparison) with_present = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = drafting_render_document_text (document);
      g_autofree char *compared = NULL;

      /* Laid out exactly as `text` prints. */
      comparison = drafting_compare (drafting_document_get_root (document),
                                     drafting_document_get_root (document), "en");
      g_assert_false (drafting_comparison_has_changes (comparison));
      g_assert_false (drafting_marked_text_has_changes (drafting_comparison_get_text (comparison)));
      compared = wdiff_of (comparison);
      g_assert_cmpstr (compared, ==, text);
      g_assert_cmpuint (drafting_comparison_get_n_entries (comparison), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (document)));

      revise (document, "Draft");
      with_present = drafting_document_compare (document, "Draft", NULL, &error);
      g_assert_no_error (error);
      g_assert_false (drafting_comparison_has_changes (with_present));
    }
}

static void
test_compare_inserted (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const DraftingComparisonEntry *entry;
  DraftingNode *node;

  revise (document, "Draft");
  node = drafting_document_insert_new (document, paragraph (document, 2),
                                       DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL);
  drafting_document_set_text (document, node, "Members should consult the private sector;");
  revise (document, "Rev.1");

  comparison = drafting_document_compare (document, "Draft", "Rev.1", &error);
  g_assert_no_error (error);
  entry = only_change (comparison);
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_INSERTED);
  g_assert_cmpstr (entry->id, ==, drafting_node_get_id (node));
  g_assert_cmpstr (entry->label_to, ==, "4.");
  g_assert_null (entry->label_from);
  g_assert_cmpint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_MOVED), ==, 0);

  /* Only it is marked; the paragraphs after it are numbered anew. */
  text = wdiff_of (comparison);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\n3. The Secretariat should report to the Council every year;\n\n"
                                  "{+4. Members should consult the private sector;+}\n\n"
                                  "5. Members should train their officers;\n"));
  g_assert_null (strstr (text, "[-"));
  g_assert_cmpuint (strstr (text, "{+") - text, ==, entry->start);
}

static void
test_compare_deleted (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = g_strdup (drafting_node_get_id (paragraph (document, 1)));
  const DraftingComparisonEntry *entry;

  revise (document, "Draft");
  drafting_document_delete (document, paragraph (document, 1));

  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  g_assert_no_error (error);
  /* The paragraph and its two sub-paragraphs. */
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_DELETED), ==, 3);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_MOVED), ==, 0);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_CHANGED), ==, 0);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_INSERTED), ==, 0);
  entry = drafting_comparison_lookup (comparison, id);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_DELETED);
  g_assert_cmpstr (entry->label_from, ==, "2.");
  g_assert_null (entry->label_to);

  text = wdiff_of (comparison);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "1. Members should simplify the clearance of relief consignments;\n\n"
                                  "[-2. Members should share information with other border agencies:-]\n\n"
                                  "[-(a) before a disaster;-]\n\n"
                                  "[-(b) during a disaster; and-]\n\n"
                                  "2. The Secretariat should report"));
  g_assert_null (strstr (text, "{+"));
}

static void
test_compare_moved (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DraftingNode *moved = paragraph (document, 0);
  const DraftingComparisonEntry *entry;

  revise (document, "Draft");
  g_assert_true (drafting_document_move (document, moved, drafting_document_get_root (document),
                                         drafting_node_get_index (paragraph (document, 3)) + 1, NULL));
  g_assert_true (paragraph (document, 3) == moved);

  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  g_assert_no_error (error);
  entry = only_change (comparison);
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_MOVED);
  g_assert_cmpstr (entry->id, ==, drafting_node_get_id (moved));
  g_assert_cmpstr (entry->label_from, ==, "1.");
  g_assert_cmpstr (entry->label_to, ==, "4.");
  g_assert_cmpuint (entry->what, ==, 0);

  text = wdiff_of (comparison);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "RESOLVES:\n\n[-1. Members should simplify the clearance of relief consignments;-]\n\n"
                                  "1. Members should share"));
  g_assert_nonnull (strstr (text, "3. Members should train their officers;\n\n"
                                  "{+4. Members should simplify the clearance of relief consignments;+}\n\n"
                                  "5. Members should review"));

  /* A paragraph moved with what it holds: only it moved. */
  g_clear_pointer (&comparison, drafting_comparison_unref);
  moved = paragraph (document, 0);
  g_assert_cmpuint (drafting_node_get_n_children (moved), ==, 2);
  g_assert_true (drafting_document_move_down (document, moved));
  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_MOVED), ==, 2);
  entry = drafting_comparison_lookup (comparison, drafting_node_get_id (drafting_node_get_child (moved, 0)));
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_UNCHANGED);
}

static void
test_compare_changed (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  DraftingNode *node = paragraph (document, 2);
  DraftingNode *clause = drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 0);
  const DraftingComparisonEntry *entry;

  revise (document, "Draft");
  drafting_document_set_text (document, node, "The Secretariat should report to the Policy Commission twice a year;");

  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  entry = only_change (comparison);
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_CHANGED);
  g_assert_cmpuint (entry->what, ==, DRAFTING_NODE_CHANGED_CONTENT);
  words = drafting_marked_text_to_wdiff (entry->words);
  g_assert_cmpstr (words, ==, "The Secretariat should report to the [-Council every-]{+Policy Commission twice a+} year;");

  text = wdiff_of (comparison);
  g_assert_nonnull (strstr (text, "\n3. The Secretariat should report to the [-Council every-]{+Policy Commission twice a+} year;\n"));

  /* The leading phrase is part of the words. */
  g_clear_pointer (&comparison, drafting_comparison_unref);
  drafting_document_set_lead (document, clause, "NOTING WITH CONCERN", DRAFTING_EDIT_NONE);
  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  entry = drafting_comparison_lookup (comparison, drafting_node_get_id (clause));
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_CHANGED);
  g_assert_cmpuint (entry->what, ==, DRAFTING_NODE_CHANGED_LEAD);
  g_clear_pointer (&words, g_free);
  words = drafting_marked_text_to_wdiff (entry->words);
  g_assert_cmpstr (words, ==, "NOTING {+WITH CONCERN +}that natural disasters are increasing,");
}

static void
test_compare_kind_changed (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DraftingNode *node = paragraph (document, 4);
  DraftingKind kind = DRAFTING_KIND_INVALID;
  const DraftingComparisonEntry *entry;

  revise (document, "Draft");
  for (DraftingKind k = DRAFTING_KIND_HEADING; k < DRAFTING_N_KINDS; k++)
    if (k != DRAFTING_KIND_OPERATIVE_PARAGRAPH && drafting_document_can_change_kind (document, node, k))
      {
        kind = k;
        break;
      }
  g_assert_cmpint (kind, !=, DRAFTING_KIND_INVALID);
  g_assert_true (drafting_document_set_kind (document, node, kind, NULL));

  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  entry = only_change (comparison);
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_CHANGED);
  g_assert_true (entry->what & DRAFTING_NODE_CHANGED_KIND);
  g_assert_cmpint (entry->kind_from, ==, DRAFTING_KIND_OPERATIVE_PARAGRAPH);
  g_assert_cmpint (entry->kind_to, ==, kind);
  g_assert_cmpstr (entry->label_from, ==, "5.");

  /* Its label marked with its words, when it changes with its kind. */
  text = wdiff_of (comparison);
  g_test_message ("%s: %s", drafting_kind_to_string (kind), text);
  g_assert_true (drafting_marked_text_has_changes (drafting_comparison_get_text (comparison)));
  g_assert_nonnull (strstr (text, "[-5. -]Members should review these measures."));
}

/* A nested element, inserted and deleted among its siblings, and one that
 * changes parent. */
static void
test_compare_nested (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DraftingNode *p2 = paragraph (document, 1);
  DraftingNode *a = drafting_node_get_child (p2, 0);
  DraftingNode *b = drafting_node_get_child (p2, 1);
  DraftingNode *c;
  const DraftingComparisonEntry *entry;

  revise (document, "Draft");
  c = drafting_document_insert_new (document, a, DRAFTING_KIND_SUB_PARAGRAPH, NULL);
  drafting_document_set_text (document, c, "in the meantime;");
  g_assert_true (drafting_document_move (document, b, paragraph (document, 0), 0, NULL));

  comparison = drafting_document_compare (document, "Draft", NULL, &error);
  text = wdiff_of (comparison);
  g_test_message ("%s", text);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_INSERTED), ==, 1);
  g_assert_cmpuint (drafting_comparison_count (comparison, DRAFTING_ELEMENT_MOVED), ==, 1);
  entry = drafting_comparison_lookup (comparison, drafting_node_get_id (b));
  g_assert_cmpint (entry->change, ==, DRAFTING_ELEMENT_MOVED);
  g_assert_cmpstr (entry->label_from, ==, "(b)");
  g_assert_cmpstr (entry->label_to, ==, "(a)");
  g_assert_nonnull (strstr (text, "1. Members should simplify the clearance of relief consignments;\n\n"
                                  "{+(a) during a disaster; and+}\n\n"
                                  "2. Members should share information with other border agencies:\n\n"
                                  "(a) before a disaster;\n\n"
                                  "[-(b) during a disaster; and-]\n\n"
                                  "{+(b) in the meantime;+}\n"));
}

/* A 10,000-clause document compares with itself, and with one change, in
 * a moment: nothing in it is quadratic. */
static void
test_compare_large (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (10000, NULL);
  g_autoptr(DraftingComparison) same = NULL;
  g_autoptr(DraftingComparison) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  DraftingNode *node;

  revise (document, "Draft");
  g_test_message ("revising: %.3f s", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  same = drafting_document_compare (document, "Draft", "Draft", &error);
  g_assert_no_error (error);
  g_test_message ("comparing %u elements: %.3f s", drafting_comparison_get_n_entries (same),
                  g_timer_elapsed (timer, NULL));
  g_assert_false (drafting_comparison_has_changes (same));
  g_assert_cmpuint (drafting_comparison_get_n_entries (same), >=, 10000);

  node = drafting_document_insert_new (document, drafting_test_find (document, DRAFTING_KIND_PREAMBLE_CLAUSE, 3),
                                       DRAFTING_KIND_PREAMBLE_CLAUSE, NULL);
  g_assert_nonnull (node);
  g_timer_start (timer);
  one = drafting_document_compare (document, "Draft", NULL, &error);
  g_test_message ("comparing with one inserted: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpstr (only_change (one)->id, ==, drafting_node_get_id (node));
}

static void
test_compare_unknown (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(GError) error = NULL;

  revise (document, "Draft");
  g_assert_null (drafting_document_compare (document, "Draft", "Rev.9", &error));
  g_assert_error (error, DRAFTING_ERROR, DRAFTING_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Rev.9"));
  g_assert_cmpstr (drafting_element_change_to_string (DRAFTING_ELEMENT_MOVED), ==, "moved");
}

/* The label the next revision is likely to have: the Draft in the
 * document's language, then Rev.1, Rev.2; none after "Adopted". */
static void
test_suggest_label (void)
{
  g_autoptr(DraftingDocument) document = new_resolution ();
  g_autoptr(DraftingDocument) french = new_resolution ();
  char *label;

  label = drafting_document_suggest_revision_label (document);
  g_assert_cmpstr (label, ==, "Draft");
  g_free (label);
  revise (document, "Draft");
  label = drafting_document_suggest_revision_label (document);
  g_assert_cmpstr (label, ==, "Rev.1");
  g_free (label);
  revise (document, "Rev.1");
  label = drafting_document_suggest_revision_label (document);
  g_assert_cmpstr (label, ==, "Rev.2");
  g_free (label);
  revise (document, "Adopted");
  label = drafting_document_suggest_revision_label (document);
  g_assert_cmpstr (label, ==, "");
  g_free (label);

  drafting_document_set_language (french, "fr");
  label = drafting_document_suggest_revision_label (french);
  g_assert_cmpstr (label, ==, "Projet");
  g_free (label);
  revise (french, "Projet");
  label = drafting_document_suggest_revision_label (french);
  g_assert_cmpstr (label, ==, "Rev.1");
  g_free (label);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  drafting_core_init ();

  g_test_add_func ("/revisions/revise-undo-redo", test_revise_undo_redo);
  g_test_add_func ("/revisions/labels-refused", test_labels_refused);
  g_test_add_func ("/revisions/frozen", test_frozen);
  g_test_add_func ("/revisions/file/round-trip", test_round_trip);
  g_test_add_func ("/revisions/file/older-files", test_older_files);
  g_test_add_func ("/revisions/file/read", test_read_revisions);
  g_test_add_func ("/revisions/file/hostile", test_hostile_revisions);
  g_test_add_func ("/revisions/file/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/revisions/compare/same", test_compare_same);
  g_test_add_func ("/revisions/compare/inserted", test_compare_inserted);
  g_test_add_func ("/revisions/compare/deleted", test_compare_deleted);
  g_test_add_func ("/revisions/compare/moved", test_compare_moved);
  g_test_add_func ("/revisions/compare/changed", test_compare_changed);
  g_test_add_func ("/revisions/compare/kind-changed", test_compare_kind_changed);
  g_test_add_func ("/revisions/compare/nested", test_compare_nested);
  g_test_add_func ("/revisions/compare/large", test_compare_large);
  g_test_add_func ("/revisions/compare/unknown", test_compare_unknown);
  g_test_add_func ("/revisions/suggest-label", test_suggest_label);

  return g_test_run ();
}
