/* fuzz-paste.c: any text pasted anywhere in a document, and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-fuzz-utils.h"

/*
 * Text from the clipboard is whatever another program put there. Pasted
 * into any element of a resolution or a communiqué, at any place of its
 * text or over a selection, it is either refused with an error that says
 * why, the document as it was, or it makes a document that saves and loads
 * again the same, with the cursor in one of its elements; and one undo
 * gives back the document as it was, to the byte, and redo the pasted one.
 *
 * The first three bytes of an input choose the document, the element and
 * the place in its text; the rest is what is pasted.
 */

static const char resolution[] =
  "RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL\n\n"
  "(Brussels, June 2011)\n\n"
  "THE CUSTOMS CO-OPERATION COUNCIL,\n\n"
  "NOTING that natural disasters are increasing¹,\n\n"
  "RECOGNIZING the role of Customs, and\n\n"
  "RESOLVES:\n\n"
  "1. First paragraph;\n\n"
  "2. Second paragraph:\n"
  "(a) first point;\n"
  "(b) second point; and\n\n"
  "3. Third paragraph.\n\n"
  "ANNEX\n\n"
  "PRINCIPLE I – Co-operation\n\n"
  "i. Share information.\n\n"
  "¹ As reported by the Members.\n";

static const char communique[] =
  "Eleventh Ministerial Conference\n\n"
  "COMMUNIQUÉ OF THE HEADS OF CUSTOMS\n\n"
  "The Conference met in Brussels.\n\n"
  "We, the Heads of Customs, gathered in Brussels:\n\n"
  "1. Agree to co-operate;\n\n"
  "2. Welcome the work of the WCO.\n";

static GBytes *
save (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = drafting_native_save_bytes (document, &error);

  if (bytes == NULL)
    drafting_fuzz_fail ("The document does not save: %s", error ? error->message : "no error set");

  return bytes;
}

/* The @nth element with text, counted round. */
static DraftingNode *
pick_element (DraftingDocument *document,
              guint             nth)
{
  GListModel *model = G_LIST_MODEL (document);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      DraftingNode *node = g_list_model_get_item (model, i);

      if (drafting_kind_has_text (drafting_node_get_kind (node)))
        g_ptr_array_add (texts, node);
      else
        g_object_unref (node);
    }

  if (texts->len == 0)
    drafting_fuzz_fail ("The document has no element with text");

  return g_ptr_array_index (texts, nth % texts->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DraftingNode *node;
  DraftingNode *cursor = NULL;
  const char *content;
  guint cursor_offset = 0;
  guint64 changes;
  guint n_chars;
  guint start;
  guint end;
  gboolean pasted;

  if (size < 3)
    return 0;

  document = (data[0] & 1) ? drafting_text_import (communique, sizeof communique - 1, NULL, NULL)
                           : drafting_text_import (resolution, sizeof resolution - 1, NULL, NULL);
  if (document == NULL)
    drafting_fuzz_fail ("The document to paste into does not import");

  node = pick_element (document, data[1]);
  content = drafting_node_get_text (node);
  n_chars = g_utf8_strlen (content, -1);
  start = g_utf8_offset_to_pointer (content, data[2] % (n_chars + 1)) - content;
  end = start;
  if (data[0] & 2)
    end = g_utf8_offset_to_pointer (content, MAX (data[2] % (n_chars + 1),
                                                  (data[2] * 7u) % (n_chars + 1))) - content;

  /* The clipboard gives text with no NUL in it. */
  text = g_strndup ((const char *) data + 3, size - 3);

  before = save (document);
  changes = drafting_document_get_change_count (document);

  pasted = drafting_document_paste_text (document, node, start, end, text,
                                         &cursor, &cursor_offset, &error);
  drafting_fuzz_check_refusal (pasted ? document : NULL, error, "The pasted text");

  after = save (document);
  if (!pasted)
    {
      if (!g_bytes_equal (before, after))
        drafting_fuzz_fail ("A paste that was refused changed the document");
      return 0;
    }

  if (cursor == NULL || drafting_node_get_document (cursor) != document)
    drafting_fuzz_fail ("After a paste the cursor is in no element of the document");
  if (cursor_offset > strlen (drafting_node_get_text (cursor)) ||
      !g_utf8_validate (drafting_node_get_text (cursor), cursor_offset, NULL))
    drafting_fuzz_fail ("After a paste the cursor is at %u, not at a character of “%s”",
                        cursor_offset, drafting_node_get_text (cursor));

  drafting_fuzz_check_document (document);

  if (drafting_document_get_change_count (document) == changes)
    {
      if (!g_bytes_equal (before, after))
        drafting_fuzz_fail ("A paste changed the document without a change to undo");
      return 0;
    }
  if (drafting_document_get_change_count (document) != changes + 1)
    drafting_fuzz_fail ("A paste is %" G_GUINT64_FORMAT " changes to undo, not one",
                        drafting_document_get_change_count (document) - changes);

  if (!drafting_document_undo (document))
    drafting_fuzz_fail ("A paste cannot be undone");
  undone = save (document);
  if (!g_bytes_equal (before, undone))
    drafting_fuzz_fail ("Undoing a paste does not give the document back as it was");

  if (!drafting_document_redo (document))
    drafting_fuzz_fail ("A paste cannot be redone");
  redone = save (document);
  if (!g_bytes_equal (after, redone))
    drafting_fuzz_fail ("Redoing a paste does not give the pasted document");

  return 0;
}
