/* drafting-document-text.c: typing, splitting and joining elements, footnotes and styles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* The op of @type in @action, if it has one. */
static Op *
find_op (Action *action,
         OpType  type)
{
  for (guint i = 0; i < action->ops->len; i++)
    if (((Op *) g_ptr_array_index (action->ops, i))->type == type)
      return g_ptr_array_index (action->ops, i);

  return NULL;
}

/* The number a person would say the element by: the number it prints
 * with ("3", "(b)", "IV"), without a full stop after it, else its place
 * among its kind ("2" for the second of unnumbered clauses). */
static char *
spoken_number (DraftingNode *node)
{
  g_autofree char *number = drafting_node_get_number (node);
  gboolean has_digit = FALSE;
  gsize len;

  for (const char *p = number; *p != '\0'; p++)
    has_digit |= g_ascii_isalnum (*p);
  if (!has_digit)
    return g_strdup_printf ("%u", _drafting_node_get_ordinal (node));

  len = strlen (number);
  if (len > 1 && number[len - 1] == '.')
    number[len - 1] = '\0';

  return g_steal_pointer (&number);
}

/* What typing changed, for the undo menu: "Typing in operative paragraph 3". */
static char *
typing_label (DraftingNode *node)
{
  g_autofree char *number = spoken_number (node);

  switch ((int) node->kind)
    {
    case DRAFTING_KIND_HEADING:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the heading"));
    case DRAFTING_KIND_PLACE_DATE:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the place and date"));
    case DRAFTING_KIND_AUTHORITY:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the authority formula"));
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
      /* Translators: an undo menu item: %s is the clause's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in preambular clause %s"), number);
    case DRAFTING_KIND_OPERATIVE_FORMULA:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the operative formula"));
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "3" */
      return g_strdup_printf (C_("undo", "Typing in operative paragraph %s"), number);
    case DRAFTING_KIND_SUB_PARAGRAPH:
      if (node->parent != NULL && node->parent->kind == DRAFTING_KIND_OPERATIVE_PARAGRAPH)
        {
          g_autofree char *parent = spoken_number (node->parent);

          /* Translators: an undo menu item: the sub-paragraph's number, as
           * "(b)", then that of its operative paragraph, as "3" */
          return g_strdup_printf (C_("undo", "Typing in sub-paragraph %s of operative paragraph %s"),
                                  number, parent);
        }
      /* Translators: an undo menu item: %s is the sub-paragraph's number, as "(b)" */
      return g_strdup_printf (C_("undo", "Typing in sub-paragraph %s"), number);
    case DRAFTING_KIND_ANNEX:
      /* Translators: an undo menu item: %s is the annex's number, as "I" */
      return g_strdup_printf (C_("undo", "Typing in annex %s"), number);
    case DRAFTING_KIND_PRINCIPLE:
      /* Translators: an undo menu item: %s is the principle's number, as "IV" */
      return g_strdup_printf (C_("undo", "Typing in principle %s"), number);
    case DRAFTING_KIND_SECTION:
      /* Translators: an undo menu item: %s is the section's number, as "ii" */
      return g_strdup_printf (C_("undo", "Typing in section %s"), number);
    case DRAFTING_KIND_ITEM:
      /* Translators: an undo menu item: %s is the item's number, as "iii" */
      return g_strdup_printf (C_("undo", "Typing in item %s"), number);
    case DRAFTING_KIND_OCCASION:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the occasion"));
    case DRAFTING_KIND_TITLE:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the title"));
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in narrative paragraph %s"), number);
    case DRAFTING_KIND_SPEAKER_FORMULA:
      /* Translators: an undo menu item: what typing changed */
      return g_strdup (C_("undo", "Typing in the speaker formula"));
    case DRAFTING_KIND_STATEMENT:
      /* Translators: an undo menu item: %s is the statement's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in statement %s"), number);
    case DRAFTING_KIND_FOOTNOTE:
      /* Translators: an undo menu item: %s is the footnote's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in footnote %s"), number);
    case DRAFTING_KIND_PARAGRAPH:
      /* Translators: an undo menu item: %s is the paragraph's number, as "2" */
      return g_strdup_printf (C_("undo", "Typing in paragraph %s"), number);
    default:
      return g_strdup (_("Typing"));
    }
}

/**
 * drafting_document_edit_text:
 * @lead: (nullable): the new leading phrase, or %NULL to keep it
 * @content: the new text with its marks
 * @flags: %DRAFTING_EDIT_COALESCE while typing
 *
 * Changes what a person types into an element: its leading phrase and its
 * text. Typing coalesces: the changes of a word are undone together.
 */
void
drafting_document_edit_text (DraftingDocument     *self,
                             DraftingNode         *node,
                             const char           *lead,
                             const DraftingInline *content,
                             DraftingEditFlags     flags)
{
  g_autofree char *clean_lead = NULL;
  gboolean lead_changes;
  gboolean content_changes;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_NODE (node) && node->document == self);
  g_return_if_fail (content != NULL);
  g_return_if_fail (lead == NULL || g_utf8_validate (lead, -1, NULL));

  if (lead != NULL)
    {
      clean_lead = g_strdup (lead);
      drafting_text_sanitize (clean_lead, -1, TRUE);
      lead = clean_lead;
    }

  lead_changes = lead != NULL && g_strcmp0 (node->lead, lead) != 0;
  content_changes = !drafting_inline_equal (node->content, content);
  if (!lead_changes && !content_changes)
    return;

  if ((flags & DRAFTING_EDIT_COALESCE) != 0 &&
      _drafting_document_can_coalesce (self, node, COALESCE_TYPING))
    {
      Action *top = _drafting_document_top_action (self);
      Op *op;

      if (lead_changes)
        {
          if ((op = find_op (top, OP_LEAD)) == NULL)
            {
              op = _drafting_document_op_new (OP_LEAD, node);
              op->old_str = g_strdup (node->lead);
              g_ptr_array_add (top->ops, op);
            }
          g_free (op->new_str);
          op->new_str = g_strdup (lead);
          _drafting_document_op_apply (self, op, TRUE);
        }

      if (content_changes)
        {
          if ((op = find_op (top, OP_CONTENT)) == NULL)
            {
              op = _drafting_document_op_new (OP_CONTENT, node);
              op->old_content = drafting_inline_copy (node->content);
              g_ptr_array_add (top->ops, op);
            }
          drafting_inline_free (op->new_content);
          op->new_content = drafting_inline_copy (content);
          _drafting_document_op_apply (self, op, TRUE);
        }

      self->change_count++;
      _drafting_document_history_changed (self);
      return;
    }

  {
    /* Inside another action, that one's label names the change. */
    g_autofree char *label = self->action_depth == 0 ? typing_label (node) : NULL;

    drafting_document_begin_action (self, label);
  }
  if (lead_changes)
    _drafting_document_record_lead (self, node, lead);
  if (content_changes)
    _drafting_document_record_content (self, node, content);
  if ((flags & DRAFTING_EDIT_COALESCE) != 0 && self->action_depth == 1)
    {
      self->current->coalesce_target = node;
      self->current->coalesce_key = COALESCE_TYPING;
    }
  drafting_document_end_action (self);
}

/**
 * drafting_document_set_content:
 * @content: the new text with its marks
 * @flags: %DRAFTING_EDIT_COALESCE while typing
 */
void
drafting_document_set_content (DraftingDocument     *self,
                               DraftingNode         *node,
                               const DraftingInline *content,
                               DraftingEditFlags     flags)
{
  drafting_document_edit_text (self, node, NULL, content, flags);
}

/**
 * drafting_document_set_text:
 *
 * Replaces the text of @node with @text, without marks.
 */
void
drafting_document_set_text (DraftingDocument *self,
                            DraftingNode     *node,
                            const char       *text)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  content = drafting_inline_new (text);
  drafting_document_set_content (self, node, content, DRAFTING_EDIT_NONE);
}

/**
 * drafting_document_replace_text:
 * @start: byte offset in the text of @node
 * @end: byte offset of the end of what to replace
 * @text: what replaces it
 */
void
drafting_document_replace_text (DraftingDocument *self,
                                DraftingNode     *node,
                                guint             start,
                                guint             end,
                                const char       *text)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (DRAFTING_IS_NODE (node));
  g_return_if_fail (start <= end && end <= drafting_inline_get_length (node->content));
  g_return_if_fail (text != NULL);

  content = drafting_inline_copy (node->content);
  drafting_inline_delete (content, start, end);
  drafting_inline_insert (content, start, text, -1);
  drafting_document_set_content (self, node, content, DRAFTING_EDIT_NONE);
}

void
drafting_document_set_lead (DraftingDocument  *self,
                            DraftingNode      *node,
                            const char        *lead,
                            DraftingEditFlags  flags)
{
  g_return_if_fail (DRAFTING_IS_NODE (node));
  g_return_if_fail (lead != NULL);

  drafting_document_edit_text (self, node, lead, node->content, flags);
}

/**
 * drafting_document_can_change_kind:
 *
 * Returns: whether @node may become an element of @kind where it is
 */
gboolean
drafting_document_can_change_kind (DraftingDocument *self,
                                   DraftingNode     *node,
                                   DraftingKind      kind)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node == self->root || kind >= DRAFTING_N_KINDS || kind == DRAFTING_KIND_DOCUMENT)
    return FALSE;
  if ((node->kind == DRAFTING_KIND_FOOTNOTE) != (kind == DRAFTING_KIND_FOOTNOTE))
    return FALSE;

  return drafting_kind_allows_child (node->parent->kind, kind) &&
         _drafting_document_kind_allows_children_of (kind, node);
}

/**
 * drafting_document_set_kind:
 *
 * Makes @node an element of another kind, where it stands: a paragraph
 * becomes a preambular clause, an operative paragraph a statement. A
 * leading phrase goes into the text when the new kind has none.
 *
 * Returns: %TRUE if changed
 */
gboolean
drafting_document_set_kind (DraftingDocument  *self,
                            DraftingNode      *node,
                            DraftingKind       kind,
                            GError           **error)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, FALSE);

  if (node->kind == kind)
    return TRUE;

  if (!drafting_document_can_change_kind (self, node, kind))
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: both are kinds of element */
                   _("Here, an element of the kind “%s” cannot become one of the kind “%s”"),
                   drafting_kind_get_display_name (node->kind),
                   kind < DRAFTING_N_KINDS ? drafting_kind_get_display_name (kind) : "?");
      return FALSE;
    }

  drafting_document_begin_action (self, _("Change Kind"));
  _drafting_document_record_lead_for_kind (self, node, kind);
  _drafting_document_record_kind (self, node, kind);
  drafting_document_end_action (self);

  return TRUE;
}

/* Moves the footnotes of @from whose references are in @content to the end
 * of the footnotes of @to. */
static void
record_move_footnotes (DraftingDocument     *self,
                       DraftingNode         *from,
                       DraftingNode         *to,
                       const DraftingInline *content)
{
  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);
      DraftingNode *footnote;

      if (mark->kind != DRAFTING_MARK_FOOTNOTE_REF)
        continue;

      footnote = drafting_node_find_footnote (from, mark->ref);
      if (footnote != NULL)
        _drafting_document_record_move (self, footnote, to,
                                        _drafting_document_leading_footnotes (to));
    }
}

/* Enter in a formula: the element after it, if it is of the kind that
 * follows the formula, else a new one of that kind, right after it. */
static DraftingNode *
open_after_formula (DraftingDocument  *self,
                    DraftingNode      *formula,
                    GError           **error)
{
  DraftingKind kind = drafting_kind_get_next (formula->kind);
  DraftingNode *next = drafting_node_get_next_sibling (formula);
  g_autoptr(DraftingNode) fresh = NULL;

  g_assert (kind != DRAFTING_KIND_INVALID);

  if (next != NULL && next->kind == kind)
    return next;

  fresh = drafting_node_new (kind, NULL);
  if (!_drafting_document_check_place (self, fresh, kind, formula->parent, error))
    return NULL;

  drafting_document_begin_action (self, _("New Element"));
  _drafting_document_record_insert (self, formula->parent,
                                    drafting_node_get_index (formula) + 1, fresh);
  drafting_document_end_action (self);

  return fresh;
}

/**
 * drafting_document_split:
 * @node: the element the cursor is in
 * @offset: the byte offset of the cursor in its text
 *
 * What Enter does. In the middle of the text, cuts the element in two: the
 * rest of the text, its footnotes and the elements it holds go to a new
 * element after it. At the end, makes a new empty element of the kind that
 * comes next: another clause after a clause, the first sub-paragraph of a
 * paragraph that has some. At the start of a text, makes an empty element
 * before it. A formula is never cut nor repeated: anywhere in it, its
 * leading phrase included, Enter goes on to the element that follows it,
 * or to a new one of the kind that follows the formula (the operative
 * formula's first paragraph) when none of that kind comes next.
 *
 * Returns: (transfer none) (nullable): the element the cursor goes to, at
 *   its start
 */
DraftingNode *
drafting_document_split (DraftingDocument  *self,
                         DraftingNode      *node,
                         guint              offset,
                         GError           **error)
{
  g_autoptr(DraftingInline) head = NULL;
  g_autoptr(DraftingInline) tail = NULL;
  g_autoptr(DraftingNode) fresh = NULL;
  DraftingKind kind;
  DraftingNode *parent;
  gsize len;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);
  g_return_val_if_fail (offset <= drafting_inline_get_length (node->content), NULL);

  if (node == self->root || !drafting_kind_has_text (node->kind))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("This element has no text to split"));
      return NULL;
    }

  if (drafting_kind_is_formula (node->kind))
    return open_after_formula (self, node, error);

  len = drafting_inline_get_length (node->content);
  parent = node->parent;

  /* At the start of a text: a new element before. */
  if (offset == 0 && len > 0)
    {
      fresh = drafting_node_new (node->kind, NULL);
      drafting_document_begin_action (self, _("New Element"));
      _drafting_document_record_insert (self, parent, drafting_node_get_index (node), fresh);
      drafting_document_end_action (self);
      return node;
    }

  /* At the end of an element that holds others: its first child. */
  kind = drafting_kind_get_first_child (node->kind);
  if (offset == len && drafting_node_has_content_children (node) &&
      kind != DRAFTING_KIND_INVALID && drafting_kind_allows_child (node->kind, kind))
    {
      fresh = drafting_node_new (kind, NULL);
      if (!_drafting_document_check_place (self, fresh, kind, node, error))
        return NULL;
      drafting_document_begin_action (self, _("New Element"));
      _drafting_document_record_insert (self, node,
                                        _drafting_document_leading_footnotes (node), fresh);
      drafting_document_end_action (self);
      return fresh;
    }

  kind = node->kind;
  if (offset == len)
    {
      DraftingKind next = drafting_kind_get_next (node->kind);

      if (next != DRAFTING_KIND_INVALID && drafting_kind_allows_child (parent->kind, next))
        kind = next;
    }

  head = drafting_inline_copy (node->content);
  tail = drafting_inline_split (head, offset);
  fresh = drafting_node_new (kind, NULL);

  drafting_document_begin_action (self, offset == len ? _("New Element") : _("Split"));
  _drafting_document_record_content (self, node, head);
  _drafting_document_record_insert (self, parent, drafting_node_get_index (node) + 1, fresh);
  _drafting_document_record_content (self, fresh, tail);
  record_move_footnotes (self, node, fresh, tail);

  /* What the element holds follows the rest of its text. */
  if (offset < len)
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      for (guint i = 0; i < node->children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (node->children, i);

          if (child->kind != DRAFTING_KIND_FOOTNOTE)
            g_ptr_array_add (children, child);
        }
      for (guint i = 0; i < children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (children, i);

          if (drafting_kind_allows_child (fresh->kind, child->kind))
            _drafting_document_record_move (self, child, fresh, fresh->children->len);
        }
    }
  drafting_document_end_action (self);

  return fresh;
}

/* The element before @node in reading order that a merge joins it to. */
static DraftingNode *
merge_target (DraftingDocument *self,
              DraftingNode     *node)
{
  guint position = drafting_document_get_position (self, node);

  while (position > 0)
    {
      DraftingNode *prev = g_ptr_array_index (self->flat, --position);

      if (prev->kind != DRAFTING_KIND_FOOTNOTE)
        return prev;
    }

  return NULL;
}

static gboolean
allows_all (DraftingNode *parent,
            GPtrArray    *children)
{
  for (guint i = 0; i < children->len; i++)
    if (!drafting_kind_allows_child (parent->kind, ((DraftingNode *) g_ptr_array_index (children, i))->kind))
      return FALSE;

  return TRUE;
}

/**
 * drafting_document_merge:
 * @node: the element the cursor is at the start of
 * @join_offset: (out) (optional): where, in the text of the element merged
 *   into, the text of @node now starts
 *
 * What Backspace at the start of an element does: its text joins the end of
 * the element before it in reading order, its footnotes go with its text,
 * and the elements it holds take its place.
 *
 * Returns: (transfer none) (nullable): the element @node was merged into
 */
DraftingNode *
drafting_document_merge (DraftingDocument  *self,
                         DraftingNode      *node,
                         guint             *join_offset,
                         GError           **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_autoptr(DraftingInline) joined = NULL;
  g_autoptr(DraftingInline) moved = NULL;
  DraftingNode *target;
  DraftingNode *parent;
  DraftingNode *home = NULL;
  guint home_index = 0;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);

  target = node->kind != DRAFTING_KIND_FOOTNOTE ? merge_target (self, node) : NULL;
  if (target == NULL || !drafting_kind_has_text (target->kind) ||
      !drafting_kind_has_text (node->kind))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("There is no text before this element to join it to"));
      return NULL;
    }

  parent = node->parent;
  for (guint i = 0; i < node->children->len; i++)
    {
      DraftingNode *child = g_ptr_array_index (node->children, i);

      if (child->kind != DRAFTING_KIND_FOOTNOTE)
        g_ptr_array_add (children, child);
    }

  /* Where what @node holds goes: into its parent in its place when it
   * is the parent's first, else into the element before it. */
  if (children->len > 0)
    {
      DraftingNode *prev = _drafting_document_previous_content_sibling (node);

      if (target == parent)
        home = parent;
      else if (prev != NULL && allows_all (prev, children))
        home = prev;
      else if (allows_all (target, children))
        home = target;
      else
        home = parent;

      if (!allows_all (home, children))
        {
          g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                       /* Translators: %s is a kind of element */
                       _("The elements inside this “%s” would have no place once it is joined to the text before"),
                       drafting_kind_get_display_name (node->kind));
          return NULL;
        }
    }

  joined = drafting_inline_copy (target->content);
  moved = drafting_inline_copy (node->content);
  if (node->lead[0] != '\0')
    {
      g_autofree char *lead = g_strconcat (node->lead, drafting_inline_get_length (moved) > 0 ? " " : "", NULL);

      drafting_inline_insert (moved, 0, lead, -1);
    }
  if (join_offset != NULL)
    *join_offset = drafting_inline_get_length (joined);
  drafting_inline_append (joined, moved);

  drafting_document_begin_action (self, _("Join"));
  record_move_footnotes (self, node, target, node->content);
  _drafting_document_record_content (self, target, joined);

  if (home != NULL)
    {
      home_index = home == parent ? drafting_node_get_index (node) + 1 : home->children->len;
      for (guint i = 0; i < children->len; i++)
        {
          DraftingNode *child = g_ptr_array_index (children, i);

          _drafting_document_record_move (self, child, home, home_index);
          home_index = drafting_node_get_index (child) + 1;
        }
    }

  _drafting_document_record_remove (self, node);
  drafting_document_end_action (self);

  return target;
}

/**
 * drafting_document_add_footnote:
 * @node: the element whose text calls the footnote
 * @offset: the byte offset in its text where the footnote is called
 * @text: (nullable): the text of the footnote
 *
 * Returns: (transfer none): the new footnote
 */
DraftingNode *
drafting_document_add_footnote (DraftingDocument *self,
                                DraftingNode     *node,
                                guint             offset,
                                const char       *text)
{
  g_autoptr(DraftingNode) footnote = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autofree char *id = NULL;
  guint index = 0;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node) && node->document == self, NULL);
  g_return_val_if_fail (drafting_kind_allows_child (node->kind, DRAFTING_KIND_FOOTNOTE), NULL);
  g_return_val_if_fail (offset <= drafting_inline_get_length (node->content), NULL);

  id = _drafting_document_new_id (self);
  footnote = drafting_node_new_with_text (DRAFTING_KIND_FOOTNOTE, NULL, text);
  _drafting_node_set_id (footnote, id);

  content = drafting_inline_copy (node->content);
  for (guint i = 0; i < drafting_inline_get_n_marks (content); i++)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i);

      if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF && mark->start <= offset &&
          drafting_node_find_footnote (node, mark->ref) != NULL)
        index++;
    }
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, offset, offset, id);

  drafting_document_begin_action (self, _("Insert Footnote"));
  _drafting_document_record_insert (self, node,
                                    MIN (index, _drafting_document_leading_footnotes (node)),
                                    footnote);
  _drafting_document_record_content (self, node, content);
  drafting_document_end_action (self);

  return footnote;
}

/**
 * drafting_document_toggle_style:
 * @style: %DRAFTING_MARK_EMPHASIS or %DRAFTING_MARK_STRONG
 *
 * Takes the style off the range if all of it has it, else gives it to all
 * of it.
 */
void
drafting_document_toggle_style (DraftingDocument *self,
                                DraftingNode     *node,
                                DraftingMarkKind  style,
                                guint             start,
                                guint             end)
{
  g_autoptr(DraftingInline) content = NULL;

  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_NODE (node) && node->document == self);
  g_return_if_fail (style != DRAFTING_MARK_FOOTNOTE_REF);
  g_return_if_fail (start <= end && end <= drafting_inline_get_length (node->content));

  if (start == end)
    return;

  content = drafting_inline_copy (node->content);
  if (drafting_inline_has_style (content, style, start, end))
    drafting_inline_remove_style (content, style, start, end);
  else
    drafting_inline_add_mark (content, style, start, end, NULL);

  drafting_document_begin_action (self, style == DRAFTING_MARK_EMPHASIS ? _("Italic") : _("Bold"));
  _drafting_document_record_content (self, node, content);
  drafting_document_end_action (self);
}
