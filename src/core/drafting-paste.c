/* drafting-paste.c: text pasted into a document, as elements of the right kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-paste"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "drafting-error.h"
#include "drafting-inline.h"
#include "drafting-node.h"
#include "drafting-paste.h"
#include "drafting-text-import.h"
#include "drafting-text-utils.h"

/*
 * Text copied from a PDF or a word processor arrives as lines: paragraphs
 * broken where the page ended them, numbers typed ("1.", "(a)"), leading
 * phrases in capitals. Pasted into an element, one line stays text, where
 * the cursor is. More goes through the importer's mending and recognition,
 * and becomes elements: preambular clauses with their leading phrases,
 * operative paragraphs with their sub-paragraphs, and what cannot be
 * recognized, elements of the kind the cursor was in. The element the
 * cursor was in is cut there and the new elements go between its halves;
 * an empty one gives its place to them. All of it is one change to undo.
 */

/**
 * drafting_paste_is_several_lines:
 * @text: text from the clipboard
 *
 * Returns: whether @text holds a line break other than at its ends, and
 *   so needs drafting_document_paste_text() rather than an insertion
 */
gboolean
drafting_paste_is_several_lines (const char *text)
{
  const char *start = text;
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*start != '\0' && g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  for (const char *p = start; p < end; p++)
    if (*p == '\n' || *p == '\r')
      return TRUE;

  /* U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, as some word
   * processors copy them. */
  for (const char *p = start; p + 2 < end; p++)
    if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
        ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
      return TRUE;

  return FALSE;
}

static gboolean
has_elements (DraftingNode *node)
{
  return drafting_node_has_content_children (node);
}

static gboolean
is_empty (DraftingNode *node)
{
  return drafting_inline_get_length (drafting_node_get_content (node)) == 0 &&
         drafting_node_get_lead (node)[0] == '\0' &&
         !has_elements (node) &&
         drafting_node_get_n_children (node) == 0;
}

/* Where the cursor goes once @node is in: the end of its last text. */
static DraftingNode *
last_text (DraftingNode *node)
{
  DraftingNode *last = drafting_node_get_last_descendant (node);

  while (last != node &&
         (drafting_node_get_kind (last) == DRAFTING_KIND_FOOTNOTE ||
          !drafting_kind_has_text (drafting_node_get_kind (last))))
    last = drafting_node_get_parent (last);

  return last;
}

/* Puts @element after @anchor, where the document's order allows an
 * element of its kind; failing that, as an element of @context. */
static gboolean
place (DraftingDocument  *self,
       DraftingNode      *anchor,
       DraftingNode      *element,
       DraftingKind       context,
       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  DraftingNode *parent;
  guint index;

  if (drafting_document_find_insert_position (self, anchor, drafting_node_get_kind (element),
                                              &parent, &index) &&
      drafting_document_insert (self, parent, index, element, &local_error))
    return TRUE;

  if (drafting_node_get_kind (element) == context)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                     _("There is no place here for a pasted “%s”"),
                     drafting_kind_get_display_name (context));
      return FALSE;
    }

  drafting_node_set_kind (element, context);
  return place (self, anchor, element, context, error);
}

/**
 * drafting_document_paste_text:
 * @node: the element the cursor is in
 * @start: byte offset of the cursor (or of the selection's start) in its text
 * @end: byte offset of the selection's end, @start if there is none
 * @text: what was pasted
 * @cursor_node: (out) (transfer none): where the cursor goes
 * @cursor_offset: (out): at which byte offset of its text
 *
 * Pastes @text where the cursor is, as one change to undo: text of one
 * paragraph goes into the element's text, its broken lines joined; text of
 * several becomes elements (see drafting_text_import_fragment()).
 *
 * Returns: %FALSE, with the document as it was, if @text was not valid
 *   text or has no place where the cursor is
 */
gboolean
drafting_document_paste_text (DraftingDocument  *self,
                              DraftingNode      *node,
                              guint              start,
                              guint              end,
                              const char        *text,
                              DraftingNode     **cursor_node,
                              guint             *cursor_offset,
                              GError           **error)
{
  g_autoptr(DraftingNode) fragment = NULL;
  g_autoptr(GError) local_error = NULL;
  DraftingKind kind;
  DraftingKind context;
  DraftingNode *anchor;
  DraftingNode *replaced = NULL;
  DraftingNode *last = NULL;
  guint64 changes;
  guint n;
  gsize len;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && drafting_node_get_document (node) == self, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start <= end &&
                        end <= drafting_inline_get_length (drafting_node_get_content (node)), FALSE);
  g_return_val_if_fail (cursor_node != NULL && cursor_offset != NULL, FALSE);

  kind = drafting_node_get_kind (node);
  if (!drafting_kind_has_text (kind))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("This element has no text to paste into"));
      return FALSE;
    }

  /* What follows a formula is what is pasted into it. */
  context = kind;
  if (drafting_kind_is_formula (kind) && drafting_kind_get_next (kind) != DRAFTING_KIND_INVALID)
    context = drafting_kind_get_next (kind);

  *cursor_node = node;
  *cursor_offset = start;

  /* One line is text, as it is. */
  if (!drafting_paste_is_several_lines (text))
    {
      const char *from = text + strspn (text, "\r\n");
      g_autofree char *line = g_strdup (from);
      gsize line_len = strlen (line);

      while (line_len > 0 && (line[line_len - 1] == '\n' || line[line_len - 1] == '\r'))
        line[--line_len] = '\0';
      if (!g_utf8_validate (line, -1, NULL))
        {
          g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_INVALID_UTF8,
                               _("The pasted text is not valid UTF-8"));
          return FALSE;
        }
      drafting_text_sanitize (line, -1, TRUE);
      drafting_document_begin_action (self, C_("undo", "Paste"));
      drafting_document_replace_text (self, node, start, end, line);
      drafting_document_end_action (self);
      *cursor_offset = start + strlen (line);
      return TRUE;
    }

  fragment = drafting_text_import_fragment (text, strlen (text),
                                            drafting_document_get_document_type (self),
                                            context, NULL, error);
  if (fragment == NULL)
    return FALSE;

  n = drafting_node_get_n_children (fragment);
  if (n == 0)
    return TRUE;

  changes = drafting_document_get_change_count (self);
  drafting_document_begin_action (self, C_("undo", "Paste"));

  if (end > start && !drafting_kind_is_formula (kind))
    drafting_document_replace_text (self, node, start, end, "");
  len = drafting_inline_get_length (drafting_node_get_content (node));

  /* One paragraph is text, where the cursor is. */
  if (n == 1 && !is_empty (node) && !drafting_kind_is_formula (kind) &&
      drafting_node_get_n_children (drafting_node_get_child (fragment, 0)) == 0)
    {
      DraftingNode *pasted = drafting_node_get_child (fragment, 0);
      g_autofree char *joined = drafting_text_join_lead (drafting_node_get_lead (pasted),
                                                         drafting_node_get_text (pasted));
      const char *now = drafting_inline_get_text (drafting_node_get_content (node));
      gsize text_len = strlen (text);
      g_autofree char *words = NULL;

      /* The line breaks around the paragraph were spaces between words. */
      words = g_strconcat (start > 0 && !g_ascii_isspace (now[start - 1]) &&
                           g_ascii_isspace (text[0]) ? " " : "",
                           joined,
                           now[start] != '\0' && !g_ascii_isspace (now[start]) &&
                           text_len > 0 && g_ascii_isspace (text[text_len - 1]) ? " " : "",
                           NULL);
      drafting_document_replace_text (self, node, start, start, words);
      drafting_document_end_action (self);
      *cursor_offset = start + strlen (words);
      return TRUE;
    }

  anchor = node;
  if (drafting_kind_is_formula (kind))
    ;  /* A formula is never cut: what is pasted follows it. */
  else if (is_empty (node))
    replaced = node;
  else if (start == 0)
    {
      /* Before the element: an empty one before it gives its place. */
      if (drafting_document_split (self, node, 0, &local_error) == NULL)
        goto failed;
      anchor = replaced = drafting_node_get_previous_sibling (node);
    }
  else if (start < len)
    {
      if (drafting_document_split (self, node, start, &local_error) == NULL)
        goto failed;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) element = drafting_node_copy (drafting_node_get_child (fragment, i));

      if (!place (self, anchor, element, context, &local_error))
        goto failed;
      anchor = last = element;
    }

  if (replaced != NULL)
    drafting_document_delete (self, replaced);

  drafting_document_end_action (self);

  *cursor_node = last_text (last);
  *cursor_offset = drafting_inline_get_length (drafting_node_get_content (*cursor_node));
  return TRUE;

failed:
  /* Nothing of a paste that cannot be done stays. */
  drafting_document_end_action (self);
  if (drafting_document_get_change_count (self) != changes)
    drafting_document_undo (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
