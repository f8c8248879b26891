/* drafting-tracking.c: the open amendments of a document, marked in its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that decides how proposed amendments show in the text,
 * for the window's marked view, `wco-draft text --view tracked` and the
 * exports alike:
 *  - an element one open amendment rewords: its words marked, deleted
 *    and inserted, by its delegation;
 *  - an element several reword (or one that is also deleted or moved):
 *    its text as it is, then a line for each proposal, "[Delegation] "
 *    and the marked wording;
 *  - an element proposed for deletion, or moved away: all of it deleted;
 *  - a proposed new element: inserted where it would go, without a
 *    number, as it would print;
 *  - a moved element: deleted where it is, inserted where it would go.
 *
 * The open amendments are indexed once by the element they are about and
 * by the element they put something after or into, so that marking a
 * document of 10,000 clauses with 5,000 amendments reads each once.
 */

#include "config.h"

#include "drafting-tracking.h"

#include "drafting-diff.h"
#include "drafting-render.h"
#include "drafting-text-utils.h"

struct _DraftingTracking
{
  DraftingDocument *document;
  GPtrArray        *open;      /* the open amendments, in the record's order */
  GHashTable       *about;     /* element id → GPtrArray of those changing it */
  GHashTable       *arriving;  /* element id → GPtrArray of those putting one there */
};

static void
index_under (GHashTable        *table,
             const char        *id,
             DraftingAmendment *amendment)
{
  GPtrArray *list;

  if (id == NULL)
    return;
  if ((list = g_hash_table_lookup (table, id)) == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) id, list);
    }
  g_ptr_array_add (list, amendment);
}

static gboolean
chosen (DraftingAmendment  *amendment,
        const char * const *delegations)
{
  if (delegations == NULL)
    return TRUE;
  for (guint i = 0; delegations[i] != NULL; i++)
    if (drafting_amendment_involves (amendment, delegations[i]))
      return TRUE;
  return FALSE;
}

/**
 * drafting_tracking_new:
 * @document: a document
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   these delegations propose or co-sponsor; %NULL for all
 *
 * Gathers the proposed amendments of @document to mark them in its text.
 * It reads the document as it is now: make a new one after it changes.
 *
 * Returns: (transfer full): the tracking
 */
DraftingTracking *
drafting_tracking_new (DraftingDocument   *document,
                       const char * const *delegations)
{
  DraftingTracking *self;
  GListModel *amendments;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  self = g_new0 (DraftingTracking, 1);
  self->document = g_object_ref (document);
  self->open = g_ptr_array_new_with_free_func (g_object_unref);
  self->about = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->arriving = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);

  amendments = drafting_document_get_amendments (document);
  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      DraftingPlacement placement;

      if (drafting_amendment_get_status (amendment) != DRAFTING_AMENDMENT_PROPOSED ||
          !chosen (amendment, delegations))
        continue;

      switch (drafting_amendment_get_action (amendment))
        {
        case DRAFTING_AMENDMENT_INSERT:
          index_under (self->arriving, drafting_amendment_get_target (amendment), amendment);
          break;

        case DRAFTING_AMENDMENT_MOVE:
          index_under (self->about, drafting_amendment_get_target (amendment), amendment);
          index_under (self->arriving, drafting_amendment_get_destination (amendment, &placement),
                       amendment);
          break;

        case DRAFTING_AMENDMENT_REPLACE:
        case DRAFTING_AMENDMENT_DELETE:
        default:
          index_under (self->about, drafting_amendment_get_target (amendment), amendment);
          break;
        }
      g_ptr_array_add (self->open, g_steal_pointer (&amendment));
    }

  return self;
}

void
drafting_tracking_free (DraftingTracking *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->about);
  g_hash_table_unref (self->arriving);
  g_ptr_array_unref (self->open);
  g_object_unref (self->document);
  g_free (self);
}

guint
drafting_tracking_get_n_open (DraftingTracking *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->open->len;
}

/**
 * drafting_tracking_get_about:
 * @self: a tracking
 * @id: an element's identifier
 *
 * Returns: (transfer container) (element-type DraftingAmendment): the open
 *   amendments that reword, delete or move the element, in the order they
 *   were proposed
 */
GPtrArray *
drafting_tracking_get_about (DraftingTracking *self,
                             const char       *id)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);

  list = id != NULL ? g_hash_table_lookup (self->about, id) : NULL;
  return list != NULL ? g_ptr_array_ref (list) : g_ptr_array_new ();
}

/* Those of @list that do @action. */
static GPtrArray *
with_action (GPtrArray               *list,
             DraftingAmendmentAction  action)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (drafting_amendment_get_action (g_ptr_array_index (list, i)) == action)
      g_ptr_array_add (found, g_ptr_array_index (list, i));

  return found;
}

/* A wording as @node prints it: its status prefix, the leading phrase,
 * footnote calls as superscript numbers. */
static char *
wording_text (DraftingNode         *node,
              const char           *lead,
              const DraftingInline *content)
{
  g_autofree char *prefix = drafting_render_prefix (node);
  g_autofree char *body = NULL;
  GString *text = g_string_new (drafting_inline_get_text (content));

  for (guint i = drafting_inline_get_n_marks (content); i > 0; i--)
    {
      const DraftingMark *mark = drafting_inline_get_mark (content, i - 1);
      g_autofree char *call = NULL;

      if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF &&
          (call = drafting_render_footnote_call (node, mark->ref, NULL)) != NULL)
        g_string_insert (text, mark->start, call);
    }
  g_string_prepend (text, prefix);
  body = g_string_free (text, FALSE);

  return drafting_text_join_lead (lead, body);
}

/* The words an open rewording changes in @node's present text. */
static void
append_rewording (DraftingTracking   *self,
                  DraftingMarkedText *out,
                  DraftingNode       *node,
                  const char         *old_text,
                  DraftingAmendment  *amendment)
{
  g_autofree char *new_text = wording_text (node, drafting_amendment_get_lead (amendment),
                                            drafting_amendment_get_content (amendment));

  drafting_marked_text_append_diff (out, old_text, new_text,
                                    drafting_document_get_language (self->document),
                                    drafting_amendment_get_delegation (amendment),
                                    drafting_amendment_get_id (amendment));
}

/* The open amendment that deletes or moves the element, if one does. */
static DraftingAmendment *
taking_away (GPtrArray *about)
{
  for (guint i = 0; about != NULL && i < about->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (about, i);
      DraftingAmendmentAction action = drafting_amendment_get_action (amendment);

      if (action == DRAFTING_AMENDMENT_DELETE || action == DRAFTING_AMENDMENT_MOVE)
        return amendment;
    }

  return NULL;
}

/* @node's own text (without its number), marked, after @taken_by, which
 * deletes or moves it in a part of the document above it, if one does. */
static DraftingMarkedText *
mark_wording (DraftingTracking  *self,
              DraftingNode      *node,
              DraftingAmendment *taken_by,
              GPtrArray        **proposals)
{
  DraftingMarkedText *out = drafting_marked_text_new ();
  GPtrArray *about = g_hash_table_lookup (self->about, drafting_node_get_id (node));
  g_autoptr(GPtrArray) replaces = with_action (about, DRAFTING_AMENDMENT_REPLACE);
  g_autofree char *text = drafting_render_plain_text (node, TRUE);

  if (taken_by == NULL)
    taken_by = taking_away (about);

  if (taken_by == NULL && replaces->len == 1)
    {
      append_rewording (self, out, node, text, g_ptr_array_index (replaces, 0));
      return out;
    }
  if (taken_by != NULL)
    drafting_marked_text_append (out, text, -1, DRAFTING_CHANGE_DELETED,
                                 drafting_amendment_get_delegation (taken_by),
                                 drafting_amendment_get_id (taken_by));
  else
    drafting_marked_text_append (out, text, -1, DRAFTING_CHANGE_NONE, NULL, NULL);

  /* The caller lays the proposals out itself. */
  if (proposals != NULL)
    {
      *proposals = g_steal_pointer (&replaces);
      return out;
    }

  /* Several rewordings: a line for each, after the element's own. */
  for (guint i = 0; replaces != NULL && i < replaces->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (replaces, i);
      g_autofree char *who = g_strdup_printf ("\n[%s] ", drafting_amendment_get_delegation (amendment));

      drafting_marked_text_append (out, who, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
      append_rewording (self, out, node, text, amendment);
    }

  return out;
}

/**
 * drafting_tracking_mark_wording:
 * @self: a tracking
 * @node: an element of the tracked document
 *
 * The text of @node as the marked view shows it, without its number:
 * marked word by word if one open amendment rewords it; all deleted if
 * one deletes or moves it; its own text and a line for each proposal if
 * several reword it.
 *
 * Returns: (transfer full): the marked wording
 */
DraftingMarkedText *
drafting_tracking_mark_wording (DraftingTracking *self,
                                DraftingNode     *node)
{
  DraftingAmendment *taken_by = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  /* An element goes with the section it is in. */
  for (DraftingNode *above = drafting_node_get_parent (node);
       above != NULL && taken_by == NULL;
       above = drafting_node_get_parent (above))
    taken_by = taking_away (g_hash_table_lookup (self->about, drafting_node_get_id (above)));

  return mark_wording (self, node, taken_by, NULL);
}

/**
 * drafting_tracking_mark_element:
 * @self: a tracking
 * @node: an element of the tracked document
 * @proposals: (out) (transfer container) (element-type DraftingAmendment):
 *   the open rewordings the marked text does not show, or %NULL
 *
 * The text of @node marked as drafting_tracking_mark_wording() marks it,
 * but for an element several amendments reword (or one that is deleted or
 * moved as well): its own text, deleted if it is taken away, and in
 * @proposals the rewordings, for the caller to lay out one by one with
 * drafting_tracking_mark_proposal().
 *
 * Returns: (transfer full): the marked wording
 */
DraftingMarkedText *
drafting_tracking_mark_element (DraftingTracking  *self,
                                DraftingNode      *node,
                                GPtrArray        **proposals)
{
  DraftingAmendment *taken_by = NULL;
  g_autoptr(GPtrArray) others = NULL;
  DraftingMarkedText *marked;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);
  g_return_val_if_fail (proposals != NULL, NULL);

  for (DraftingNode *above = drafting_node_get_parent (node);
       above != NULL && taken_by == NULL;
       above = drafting_node_get_parent (above))
    taken_by = taking_away (g_hash_table_lookup (self->about, drafting_node_get_id (above)));

  marked = mark_wording (self, node, taken_by, &others);
  *proposals = others != NULL && others->len > 0 ? g_steal_pointer (&others) : NULL;

  return marked;
}

/**
 * drafting_tracking_mark_proposal:
 * @self: a tracking
 * @node: an element of the tracked document
 * @amendment: an open amendment that rewords it
 *
 * Returns: (transfer full): the present text of @node with the words
 *   @amendment deletes and inserts marked
 */
DraftingMarkedText *
drafting_tracking_mark_proposal (DraftingTracking  *self,
                                 DraftingNode      *node,
                                 DraftingAmendment *amendment)
{
  DraftingMarkedText *out;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);

  out = drafting_marked_text_new ();
  text = drafting_render_plain_text (node, TRUE);
  append_rewording (self, out, node, text, amendment);

  return out;
}

/* The text of what @amendment puts in place. */
static char *
arrival_text (DraftingTracking  *self,
              DraftingAmendment *amendment)
{
  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_INSERT)
    return drafting_text_join_lead (drafting_amendment_get_lead (amendment),
                                    drafting_inline_get_text (drafting_amendment_get_content (amendment)));
  else
    {
      DraftingNode *moved = drafting_document_lookup (self->document,
                                                      drafting_amendment_get_target (amendment));

      return moved != NULL ? drafting_render_plain_text (moved, TRUE) : NULL;
    }
}

/* Whether @amendment puts an element @placement the element it is
 * indexed under. */
static gboolean
arrives (DraftingAmendment *amendment,
         DraftingPlacement  placement)
{
  DraftingPlacement where;

  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_INSERT)
    return drafting_amendment_get_placement (amendment) == placement;

  drafting_amendment_get_destination (amendment, &where);
  return where == placement;
}

/**
 * drafting_tracking_get_arrivals:
 * @self: a tracking
 * @node: an element of the tracked document
 * @placement: after @node, or first into it
 *
 * Returns: (transfer container) (element-type DraftingAmendment): the open
 *   amendments that put an element @placement @node, new or moved, in the
 *   order they would stand there, the last proposed first, as accepting
 *   them in turn would put them
 */
GPtrArray *
drafting_tracking_get_arrivals (DraftingTracking  *self,
                                DraftingNode      *node,
                                DraftingPlacement  placement)
{
  GPtrArray *arriving;
  GPtrArray *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  found = g_ptr_array_new ();
  arriving = g_hash_table_lookup (self->arriving, drafting_node_get_id (node));
  for (guint i = arriving != NULL ? arriving->len : 0; i > 0; i--)
    {
      DraftingAmendment *amendment = g_ptr_array_index (arriving, i - 1);

      if (arrives (amendment, placement))
        g_ptr_array_add (found, amendment);
    }

  return found;
}

/**
 * drafting_tracking_mark_arrivals:
 * @self: a tracking
 * @node: an element of the tracked document
 * @placement: after @node, or first into it
 *
 * The elements open amendments would put @placement @node, new or moved,
 * a line each, all inserted; the last proposed first, as accepting them
 * in turn would put them.
 *
 * Returns: (transfer full) (nullable): the marked text, or %NULL if no
 *   open amendment puts anything there
 */
DraftingMarkedText *
drafting_tracking_mark_arrivals (DraftingTracking  *self,
                                 DraftingNode      *node,
                                 DraftingPlacement  placement)
{
  GPtrArray *arriving;
  DraftingMarkedText *out = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_NODE (node), NULL);

  arriving = g_hash_table_lookup (self->arriving, drafting_node_get_id (node));
  for (guint i = arriving != NULL ? arriving->len : 0; i > 0; i--)
    {
      DraftingAmendment *amendment = g_ptr_array_index (arriving, i - 1);
      g_autofree char *text = NULL;

      if (!arrives (amendment, placement) || (text = arrival_text (self, amendment)) == NULL)
        continue;

      if (out == NULL)
        out = drafting_marked_text_new ();
      else
        drafting_marked_text_append (out, "\n", 1, DRAFTING_CHANGE_NONE, NULL, NULL);
      drafting_marked_text_append (out, text, -1, DRAFTING_CHANGE_INSERTED,
                                   drafting_amendment_get_delegation (amendment),
                                   drafting_amendment_get_id (amendment));
    }

  return out;
}

/* ------------------------------------------------------------------ */
/* The whole document, as `text` prints it                             */

typedef struct
{
  DraftingTracking   *tracking;
  DraftingMarkedText *out;
} Render;

/* The line of an element as render_node() in drafting-render.c lays it
 * out, with @text for its text; @label NULL for none. */
static void
append_element_line (DraftingMarkedText *out,
                     DraftingKind        kind,
                     const char         *label,
                     gboolean            bullet,
                     DraftingMarkedText *text)
{
  gboolean numbered = label != NULL && label[0] != '\0';
  gboolean empty = drafting_marked_text_get_length (text) == 0;
  const char *before = NULL;

  switch (kind)
    {
    case DRAFTING_KIND_PRINCIPLE:
      if (numbered)
        {
          drafting_marked_text_append (out, label, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          before = empty ? NULL : " - ";
        }
      break;

    case DRAFTING_KIND_ANNEX:
      if (numbered)
        {
          drafting_marked_text_append (out, label, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          before = empty ? NULL : "\n\n";
        }
      break;

    case DRAFTING_KIND_FOOTNOTE:
      if (numbered)
        {
          drafting_marked_text_append (out, label, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          before = " ";
        }
      break;

    case DRAFTING_KIND_ITEM:
      if (numbered && !bullet)
        {
          drafting_marked_text_append (out, "- ", -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          drafting_marked_text_append (out, label, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          before = " ";
        }
      else
        before = "- ";
      break;

    default:
      if (numbered && !bullet)
        {
          drafting_marked_text_append (out, label, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
          before = " ";
        }
      else if (numbered)
        before = "- ";
      break;
    }

  if (before != NULL)
    drafting_marked_text_append (out, before, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
  drafting_marked_text_append_marked (out, text);
}

/* Adds @line, indented by @indent spaces, each of its lines indented; a
 * whole line marked keeps its indent outside the mark. */
static void
append_block (Render             *self,
              guint               indent,
              DraftingMarkedText *line)
{
  g_autofree char *spaces = g_strnfill (indent, ' ');
  const char *text = drafting_marked_text_get_text (line);
  DraftingMarkedText *out = self->out;
  guint run = 0;
  gsize start = 0;

  /* Line by line: the runs never cross a line break. */
  for (;;)
    {
      const char *newline = strchr (text + start, '\n');
      gsize end = newline != NULL ? (gsize) (newline - text) : drafting_marked_text_get_length (line);
      gsize at = start;

      drafting_marked_text_append (out, spaces, indent, DRAFTING_CHANGE_NONE, NULL, NULL);
      for (; run < drafting_marked_text_get_n_runs (line); run++)
        {
          const DraftingMarkedRun *r = drafting_marked_text_get_run (line, run);

          if (r->start >= end)
            break;
          drafting_marked_text_append (out, text + at, r->start - at, DRAFTING_CHANGE_NONE, NULL, NULL);
          drafting_marked_text_append (out, text + r->start, r->end - r->start, r->change, r->author,
                                       r->amendment);
          at = r->end;
        }
      drafting_marked_text_append (out, text + at, end - at, DRAFTING_CHANGE_NONE, NULL, NULL);
      drafting_marked_text_append (out, "\n", 1, DRAFTING_CHANGE_NONE, NULL, NULL);

      if (newline == NULL)
        break;
      start = end + 1;
    }
}

static void
start_block (Render       *self,
             DraftingKind  kind,
             guint         list_depth)
{
  if (!(kind == DRAFTING_KIND_ITEM && list_depth > 0) && drafting_marked_text_get_length (self->out) > 0)
    drafting_marked_text_append (self->out, "\n", 1, DRAFTING_CHANGE_NONE, NULL, NULL);
}

static guint
indent_of (DraftingKind kind,
           guint        list_depth)
{
  return kind == DRAFTING_KIND_ITEM || kind == DRAFTING_KIND_SUB_PARAGRAPH ? list_depth : 0;
}

/* @text, all of it marked as @amendment changes it. */
static DraftingMarkedText *
wholly (const char        *text,
        DraftingChange     change,
        DraftingAmendment *amendment)
{
  DraftingMarkedText *marked = drafting_marked_text_new ();

  drafting_marked_text_append (marked, text, -1, change,
                               amendment != NULL ? drafting_amendment_get_delegation (amendment) : NULL,
                               amendment != NULL ? drafting_amendment_get_id (amendment) : NULL);
  return marked;
}

static void render_node (Render            *self,
                         DraftingNode      *node,
                         guint              list_depth,
                         DraftingChange     change,
                         DraftingAmendment *by,
                         gboolean           joined);

static void
render_arrivals (Render            *self,
                 DraftingNode      *node,
                 DraftingPlacement  placement,
                 guint              list_depth)
{
  GPtrArray *arriving = g_hash_table_lookup (self->tracking->arriving, drafting_node_get_id (node));

  for (guint i = arriving != NULL ? arriving->len : 0; i > 0; i--)
    {
      DraftingAmendment *amendment = g_ptr_array_index (arriving, i - 1);

      if (!arrives (amendment, placement))
        continue;

      if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_INSERT)
        {
          DraftingKind kind = drafting_amendment_get_kind (amendment);
          g_autofree char *text = arrival_text (self->tracking, amendment);
          g_autoptr(DraftingMarkedText) marked = wholly (text, DRAFTING_CHANGE_INSERTED, amendment);
          g_autoptr(DraftingMarkedText) line = drafting_marked_text_new ();

          g_autoptr(DraftingMarkedText) whole = NULL;

          append_element_line (line, kind, NULL, FALSE, marked);
          whole = wholly (drafting_marked_text_get_text (line), DRAFTING_CHANGE_INSERTED, amendment);
          start_block (self, kind, list_depth);
          append_block (self, indent_of (kind, list_depth), whole);
        }
      else
        {
          DraftingNode *moved = drafting_document_lookup (self->tracking->document,
                                                          drafting_amendment_get_target (amendment));

          if (moved != NULL)
            render_node (self, moved, list_depth, DRAFTING_CHANGE_INSERTED, amendment, FALSE);
        }
    }
}

static void
render_node (Render            *self,
             DraftingNode      *node,
             guint              list_depth,
             DraftingChange     change,
             DraftingAmendment *by,
             gboolean           joined)
{
  DraftingKind kind = drafting_node_get_kind (node);
  g_autofree char *label = change == DRAFTING_CHANGE_INSERTED ? g_strdup ("") : drafting_render_label (node);
  g_autoptr(DraftingMarkedText) text = NULL;
  g_autoptr(DraftingMarkedText) line = drafting_marked_text_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  guint child_depth = list_depth;
  guint indent = indent_of (kind, list_depth);

  if (kind == DRAFTING_KIND_ITEM || kind == DRAFTING_KIND_SUB_PARAGRAPH)
    child_depth = list_depth + 1;

  /* Moved elements show where they go as they are: their own
   * amendments show where they are now. */
  if (change == DRAFTING_CHANGE_INSERTED)
    {
      g_autofree char *plain = drafting_render_plain_text (node, TRUE);

      text = wholly (plain, DRAFTING_CHANGE_INSERTED, by);
    }
  else
    {
      if (by == NULL && (by = taking_away (g_hash_table_lookup (self->tracking->about,
                                                                 drafting_node_get_id (node)))) != NULL)
        change = DRAFTING_CHANGE_DELETED;
      text = mark_wording (self->tracking, node, by, &proposals);
    }

  if (joined)
    drafting_marked_text_append_marked (line, text);
  else
    append_element_line (line, kind, label, drafting_render_has_bullet (node), text);

  /* An element deleted or put elsewhere goes with its number. */
  if (change != DRAFTING_CHANGE_NONE)
    {
      DraftingMarkedText *whole = wholly (drafting_marked_text_get_text (line), change, by);

      drafting_marked_text_free (line);
      line = whole;
    }

  /* Several rewordings: a line for each, at the element's indent. */
  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (proposals, i);
      g_autofree char *plain = drafting_render_plain_text (node, TRUE);
      g_autofree char *who = g_strdup_printf ("\n[%s] ", drafting_amendment_get_delegation (amendment));

      drafting_marked_text_append (line, who, -1, DRAFTING_CHANGE_NONE, NULL, NULL);
      append_rewording (self->tracking, line, node, plain, amendment);
    }

  if (kind != DRAFTING_KIND_FOOTNOTE)
    {
      if (!joined)
        start_block (self, kind, list_depth);
      append_block (self, indent, line);
    }

  if (change != DRAFTING_CHANGE_INSERTED)
    render_arrivals (self, node, DRAFTING_PLACEMENT_INTO, child_depth);

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) != DRAFTING_KIND_FOOTNOTE)
        render_node (self, child, child_depth, change, change != DRAFTING_CHANGE_NONE ? by : NULL, FALSE);
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE)
        {
          g_autofree char *note_label = drafting_render_label (child);
          g_autofree char *note_text = drafting_render_plain_text (child, TRUE);
          g_autofree char *note = g_strdup_printf ("%s %s", note_label, note_text);
          g_autoptr(DraftingMarkedText) marked = wholly (note, change, change != DRAFTING_CHANGE_NONE ? by : NULL);

          drafting_marked_text_append (self->out, "\n", 1, DRAFTING_CHANGE_NONE, NULL, NULL);
          append_block (self, 0, marked);
        }
    }

  if (change != DRAFTING_CHANGE_INSERTED)
    render_arrivals (self, node, DRAFTING_PLACEMENT_AFTER, list_depth);
}

/**
 * drafting_tracking_render_document:
 * @self: a tracking
 *
 * The document as drafting_render_document_text() prints it, with the
 * open amendments marked in it.
 *
 * Returns: (transfer full): the marked text
 */
DraftingMarkedText *
drafting_tracking_render_document (DraftingTracking *self)
{
  DraftingNode *root;
  DraftingKind previous = DRAFTING_KIND_INVALID;
  Render render = { self, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  root = drafting_document_get_root (self->document);
  render.out = drafting_marked_text_new ();
  render_arrivals (&render, root, DRAFTING_PLACEMENT_INTO, 0);

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);
      DraftingKind kind = drafting_node_get_kind (node);

      /* Heading lines, and the occasion and title, print as one block. */
      render_node (&render, node, 0, DRAFTING_CHANGE_NONE, NULL,
                   (kind == DRAFTING_KIND_HEADING && previous == DRAFTING_KIND_HEADING) ||
                   (kind == DRAFTING_KIND_TITLE && previous == DRAFTING_KIND_OCCASION));
      previous = kind;
    }

  return render.out;
}

/**
 * drafting_document_new_as_proposed:
 * @document: a document
 * @delegations: (nullable) (array zero-terminated=1): only the amendments
 *   of these delegations; %NULL for all
 *
 * A copy of @document with its proposed amendments accepted, in the
 * order they were proposed; those that can no longer be made once others
 * are in are left out. @document does not change.
 *
 * Returns: (transfer full): the text as proposed
 */
DraftingDocument *
drafting_document_new_as_proposed (DraftingDocument   *document,
                                   const char * const *delegations)
{
  DraftingDocument *copy;
  GListModel *amendments;
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  copy = drafting_document_snapshot (document);
  amendments = drafting_document_get_amendments (copy);
  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);

      if (drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED &&
          chosen (amendment, delegations))
        g_ptr_array_add (open, g_steal_pointer (&amendment));
    }

  for (guint i = 0; i < open->len; i++)
    {
      DraftingAmendment *amendment = g_ptr_array_index (open, i);

      if (drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED)
        drafting_document_accept_amendment (copy, amendment, NULL);
    }
  drafting_document_clear_history (copy);
  drafting_document_set_modified (copy, FALSE);

  return copy;
}

/**
 * drafting_tracking_mark_change:
 * @self: a tracking
 * @amendment: an amendment of the tracked document that rewords an element
 *
 * The words @amendment deletes and inserts: while it is open, in the
 * element as it is, as the marked view shows them; once decided, or its
 * element gone, in the wording it was made against.
 *
 * Returns: (transfer full): the wording with @amendment's words marked
 */
DraftingMarkedText *
drafting_tracking_mark_change (DraftingTracking  *self,
                               DraftingAmendment *amendment)
{
  const char *target_id = drafting_amendment_get_target (amendment);
  DraftingNode *target = target_id != NULL ? drafting_document_lookup (self->document, target_id) : NULL;
  DraftingMarkedText *marked;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_AMENDMENT (amendment), NULL);

  if (target != NULL && drafting_amendment_get_status (amendment) == DRAFTING_AMENDMENT_PROPOSED)
    return drafting_tracking_mark_proposal (self, target, amendment);

  old_text = drafting_text_join_lead (drafting_amendment_get_base_lead (amendment),
                                      drafting_inline_get_text (drafting_amendment_get_base_content (amendment)));
  new_text = drafting_text_join_lead (drafting_amendment_get_lead (amendment),
                                      drafting_inline_get_text (drafting_amendment_get_content (amendment)));
  marked = drafting_marked_text_new ();
  drafting_marked_text_append_diff (marked, old_text, new_text,
                                    drafting_document_get_language (self->document),
                                    drafting_amendment_get_delegation (amendment),
                                    drafting_amendment_get_id (amendment));

  return marked;
}
