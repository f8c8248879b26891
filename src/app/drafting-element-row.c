/* drafting-element-row.c: one element of the document, laid out as it prints and edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-row"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-element-row-private.h"
#include "drafting-element-text.h"

/*
 * A row shows one element: its number, derived and not editable, then its
 * text in a GtkTextView. The buffer holds what prints: the leading phrase,
 * the text with its emphasis, and the footnote calls, the status of the
 * document ("DRAFT") and the annex heading as text that cannot be edited.
 * What shows is what prints: the marker, the join of a leading phrase and
 * its text, the footnote calls and the direction of the text follow the
 * core's rules (drafting-render.h), as the print layout does.
 *
 * Typing goes to the model at once, as one change of undo per word; every
 * other change (structure, undo, find and replace) comes from the model
 * and reloads the buffer.
 *
 * What typing, pasting and the keys do is in drafting-element-row-editing.c;
 * the marks of proposed amendments, and proposing as one types, in
 * drafting-element-row-amendments.c.
 */

G_DEFINE_FINAL_TYPE (DraftingElementRow, drafting_element_row, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark ref_quark;
static GQuark call_quark;

#define INDENT_STEP 28

/* ------------------------------------------------------------------ */
/* Layout                                                              */

/* How far an element is indented: principles and their introductions
 * flush with the annex, items and sub-paragraphs a step in a level. */
static guint
visual_level (DraftingNode *node)
{
  DraftingNode *parent = drafting_node_get_parent (node);
  DraftingKind kind = drafting_node_get_kind (node);
  DraftingKind parent_kind;
  guint level;

  if (parent == NULL || drafting_node_get_kind (parent) == DRAFTING_KIND_DOCUMENT)
    return 0;

  level = visual_level (parent);
  parent_kind = drafting_node_get_kind (parent);

  if (kind == DRAFTING_KIND_PARAGRAPH || parent_kind == DRAFTING_KIND_ANNEX)
    return level;
  if (parent_kind == DRAFTING_KIND_PRINCIPLE && kind == DRAFTING_KIND_SECTION)
    return level;

  return level + 1;
}

static gboolean
kind_is_centred (DraftingKind kind)
{
  return kind == DRAFTING_KIND_HEADING || kind == DRAFTING_KIND_PLACE_DATE ||
         kind == DRAFTING_KIND_OCCASION || kind == DRAFTING_KIND_TITLE ||
         kind == DRAFTING_KIND_ANNEX;
}

static void
update_layout (DraftingElementRow *self)
{
  static const char * const kind_classes[] = {
    "document", "heading", "place-date", "authority", "preamble-clause", "operative-formula",
    "operative-paragraph", "sub-paragraph", "annex", "principle", "section", "item",
    "occasion", "title", "narrative-paragraph", "speaker-formula", "statement",
    "footnote", "paragraph",
  };
  DraftingKind kind = drafting_node_get_kind (self->node);
  DraftingDocument *document = drafting_node_get_document (self->node);
  g_autoptr(DraftingNode) prev = NULL;
  g_autofree char *css_class = NULL;
  g_auto(GStrv) current_classes = NULL;
  const char *classes[6] = { "element-row", NULL, NULL, NULL, NULL, NULL };
  guint n_classes = 2;
  gboolean first = FALSE;
  gboolean last = FALSE;

  G_STATIC_ASSERT (G_N_ELEMENTS (kind_classes) == DRAFTING_N_KINDS);

  css_class = g_strconcat ("element-", kind_classes[kind], NULL);
  classes[1] = css_class;

  /* Consecutive heading lines, and nested items, sit close together. */
  if (document != NULL)
    {
      guint position = drafting_document_get_position (document, self->node);

      if (position > 0)
        prev = g_list_model_get_item (G_LIST_MODEL (document), position - 1);
      first = position == 0;
      last = position + 1 == g_list_model_get_n_items (G_LIST_MODEL (document));
    }
  if (prev != NULL && drafting_node_get_kind (prev) == kind &&
      (kind == DRAFTING_KIND_HEADING || kind == DRAFTING_KIND_ITEM || kind == DRAFTING_KIND_SUB_PARAGRAPH))
    classes[n_classes++] = "continued";

  /* The sheet's top and bottom margins are the first and last rows', so
   * that they scroll with the text (the list's own padding stays where it
   * is, over the rows beneath it). */
  if (first)
    classes[n_classes++] = "first";
  if (last)
    classes[n_classes++] = "last";

  /* Rows are bound and renumbered by the hundred: styles are worked out
   * again only where they change. */
  current_classes = gtk_widget_get_css_classes (GTK_WIDGET (self));
  if (!g_strv_equal ((const char * const *) current_classes, classes))
    gtk_widget_set_css_classes (GTK_WIDGET (self), classes);

  gtk_widget_set_margin_start (GTK_WIDGET (self), INDENT_STEP * visual_level (self->node));

  /* The document's language sets its direction, as in print, whatever
   * the interface's is. */
  {
    const char *language = document ? drafting_document_get_language (document) : NULL;
    GtkTextDirection direction = drafting_language_is_right_to_left (language) ? GTK_TEXT_DIR_RTL
                                                                                : GTK_TEXT_DIR_LTR;

    /* Set on each widget, not left to the default: a left-to-right
     * document stays so in a right-to-left interface. The row's box puts
     * the hanging number on the side the text starts from, and its
     * indentation (the start margin) on the same side. */
    gtk_widget_set_direction (GTK_WIDGET (self), direction);
    gtk_widget_set_direction (GTK_WIDGET (self->label), direction);
    gtk_widget_set_direction (GTK_WIDGET (self->text_view), direction);
  }
  gtk_text_view_set_justification (self->text_view,
                                   kind_is_centred (kind) ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_FILL);
}

void
drafting_element_row_update_label (DraftingElementRow *self)
{
  g_autofree char *label = NULL;
  DraftingMarkerPlace place;
  DraftingKind kind;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (self->node == NULL)
    return;

  /* A number or "PRINCIPLE I –" shows in the label; the annex heading,
   * above the text, is in the buffer. */
  kind = drafting_node_get_kind (self->node);
  label = drafting_render_marker (self->node, &place);
  gtk_label_set_label (self->label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->label),
                          place == DRAFTING_MARKER_HANGING || place == DRAFTING_MARKER_RUN_IN);
  gtk_widget_set_size_request (GTK_WIDGET (self->label),
                               place == DRAFTING_MARKER_RUN_IN || kind == DRAFTING_KIND_FOOTNOTE ? -1 : 44,
                               -1);

  /* What a screen reader says of the row: its kind and number. */
  {
    g_autofree char *number = drafting_node_get_number (self->node);
    g_autofree char *name = number[0] != '\0'
      /* Translators: how a screen reader names an element: its kind and number, as "Operative paragraph 3." */
      ? g_strdup_printf (C_("accessible", "%s %s"), drafting_kind_get_display_name (kind), number)
      : g_strdup (drafting_kind_get_display_name (kind));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }

  update_layout (self);
}

static void iter_at_content_offset (DraftingElementRow *self,
                                    int                 offset,
                                    GtkTextIter        *iter);

/* What the buffer shows before the element's text, that cannot be edited:
 * the annex heading on its line ("ANNEX"), the document's status before
 * the first heading line ("DRAFT "). */
static char *
decoration_before (DraftingElementRow *self)
{
  DraftingMarkerPlace place;
  g_autofree char *marker = drafting_render_marker (self->node, &place);
  g_autofree char *prefix = drafting_render_prefix (self->node);

  if (place != DRAFTING_MARKER_ABOVE)
    return g_steal_pointer (&prefix);

  return g_strconcat (marker, drafting_render_marker_separator (self->node), prefix, NULL);
}

/* The call of a footnote, as it prints; a call whose footnote is gone
 * shows as "*", for the call to be kept, seen, and deleted. */
static char *
footnote_call (DraftingElementRow *self,
               const char         *ref)
{
  char *call = drafting_render_footnote_call (self->node, ref, NULL);

  return call != NULL ? call : g_strdup ("*");
}

/* ------------------------------------------------------------------ */
/* From the model to the buffer                                        */

typedef struct
{
  DraftingElementRow *self;
  const char         *text;
  GtkTextIter        *iter;
} LoadState;

void
_drafting_element_row_insert_decoration (DraftingElementRow *self,
                                         GtkTextIter        *iter,
                                         const char         *text,
                                         GtkTextTag         *extra)
{
  gtk_text_buffer_insert_with_tags (self->buffer, iter, text, -1, self->decoration_tag, extra, NULL);
}

static void
load_run (guint       start,
          guint       end,
          gboolean    emphasis,
          gboolean    strong,
          const char *ref,
          gpointer    user_data)
{
  LoadState *state = user_data;
  DraftingElementRow *self = state->self;

  if (ref != NULL)
    {
      g_autofree char *call = footnote_call (self, ref);
      GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);

      g_object_set_qdata_full (G_OBJECT (tag), ref_quark, g_strdup (ref), g_free);
      g_object_set_qdata_full (G_OBJECT (tag), call_quark, g_strdup (call), g_free);
      g_ptr_array_add (self->ref_tags, g_object_ref (tag));
      _drafting_element_row_insert_decoration (self, state->iter, call, tag);
      return;
    }

  {
    /* A run of its own, ended: GTK 4.8 tells the accessibility bus what
     * was inserted up to the end of the string, whatever its length. */
    g_autofree char *run = g_strndup (state->text + start, end - start);

    gtk_text_buffer_insert_with_tags (self->buffer, state->iter, run, -1,
                                      emphasis ? self->emphasis_tag : NULL,
                                      strong ? self->strong_tag : NULL,
                                      NULL);
  }
}

static void
clear_ref_tags (DraftingElementRow *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (guint i = 0; i < self->ref_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->ref_tags, i));
  g_ptr_array_set_size (self->ref_tags, 0);
}

/* The footnote a call starting at @iter stands for, or NULL. */
const char *
_drafting_element_row_ref_at (DraftingElementRow *self,
                              const GtkTextIter  *iter)
{
  for (guint i = 0; i < self->ref_tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (self->ref_tags, i);

      if (gtk_text_iter_starts_tag (iter, tag))
        return g_object_get_qdata (G_OBJECT (tag), ref_quark);
    }

  return NULL;
}

static void
load_buffer (DraftingElementRow *self)
{
  const DraftingInline *content;
  const char *lead;
  g_autofree char *prefix = NULL;
  GtkTextIter iter;
  LoadState state;

  self->loading = TRUE;

  gtk_text_buffer_set_text (self->buffer, "", 0);
  clear_ref_tags (self);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  self->prefix_chars = 0;
  self->highlighted = FALSE;

  g_set_object (&self->shown, self->node);
  self->shown_revision = drafting_node_get_revision (self->node);
  g_clear_pointer (&self->shown_prefix, g_free);
  g_clear_pointer (&self->marked_key, g_free);

  if (drafting_node_get_kind (self->node) == DRAFTING_KIND_PLACE_DATE)
    {
      DraftingDocument *document = drafting_node_get_document (self->node);
      g_autofree char *line = document ? drafting_render_place_date (document) : g_strdup ("");

      if (line[0] == '\0')
        {
          g_free (line);
          line = g_strdup (_("(Place and date: set them in the document’s properties)"));
        }
      _drafting_element_row_insert_decoration (self, &iter, line, NULL);
      self->loading = FALSE;
      return;
    }

  /* "DRAFT " before the first heading line is the document's status;
   * "ANNEX" above the annex's title its heading. */
  prefix = decoration_before (self);
  if (prefix[0] != '\0')
    _drafting_element_row_insert_decoration (self, &iter, prefix, NULL);
  self->shown_prefix = g_strdup (prefix);

  /* The marked view: the text with the changes proposed to it, and the
   * elements proposed after it, none of it to be typed in. */
  if (self->tracking != NULL)
    {
      _drafting_element_row_load_marked (self, &iter);
      self->loading = FALSE;
      return;
    }

  /* The leading phrase, and what joins it to the text as it prints; with
   * no text yet, a space after it, for the text to be typed after. In
   * proposing, the text is the delegation's proposal, once it has one. */
  content = drafting_node_get_content (self->node);
  lead = drafting_node_get_lead (self->node);
  if (self->proposer != NULL)
    {
      DraftingAmendment *proposal = _drafting_element_row_own_proposal (self);

      if (proposal != NULL)
        {
          content = drafting_amendment_get_content (proposal);
          lead = drafting_amendment_get_lead (proposal);
        }
    }
  if (lead[0] != '\0')
    {
      const char *text = drafting_inline_get_text (content);

      gtk_text_buffer_insert (self->buffer, &iter, lead, -1);
      gtk_text_buffer_insert (self->buffer, &iter,
                              text[0] == '\0' ? " " : drafting_text_lead_separator (lead, text),
                              -1);
    }
  self->prefix_chars = gtk_text_iter_get_offset (&iter);

  state.self = self;
  state.text = drafting_inline_get_text (content);
  state.iter = &iter;
  drafting_inline_foreach_run (content, load_run, &state);

  /* Focus that comes without a place for the cursor (Tab from elsewhere,
   * a click on the tab) is to find it at the start of the text. It is put
   * there when the focus comes, not now: a text view placing its cursor
   * lays its text out there and then, and most rows never get the focus. */
  self->cursor_unplaced = TRUE;

  self->loading = FALSE;
}

/* GTK 4.8 keeps a text view's cursor blinking after the focus has left it
 * (to a menu), and a cursor hidden then, without the focus, fails the
 * blink's assertion at its next frame: it is hidden when the focus comes
 * back, and the blink stops then. */
static void
show_cursor (DraftingElementRow *self,
             gboolean            shown)
{
  self->hide_cursor_on_focus = FALSE;
  if (!shown && gtk_text_view_get_cursor_visible (self->text_view) &&
      !gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    {
      self->hide_cursor_on_focus = TRUE;
      return;
    }

  gtk_text_view_set_cursor_visible (self->text_view, shown);
}

static void
on_focus_enter (GtkEventControllerFocus *controller G_GNUC_UNUSED,
                DraftingElementRow      *self)
{
  GtkTextIter iter;

  if (self->hide_cursor_on_focus)
    {
      self->hide_cursor_on_focus = FALSE;
      gtk_text_view_set_cursor_visible (self->text_view, FALSE);
    }

  if (!self->cursor_unplaced || self->node == NULL)
    return;

  self->cursor_unplaced = FALSE;
  iter_at_content_offset (self, 0, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* ------------------------------------------------------------------ */
/* Offsets: the model counts bytes of the text, the buffer characters of
 * what prints                                                          */

gboolean
_drafting_element_row_is_decoration (DraftingElementRow *self,
                                     const GtkTextIter  *iter)
{
  return gtk_text_iter_has_tag (iter, self->decoration_tag);
}

static void
iter_at_content_offset (DraftingElementRow *self,
                        int                 offset,
                        GtkTextIter        *iter)
{
  guint pos = 0;

  if (offset < 0)
    {
      gtk_text_buffer_get_end_iter (self->buffer, iter);
      return;
    }

  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, self->prefix_chars);
  while (!gtk_text_iter_is_end (iter))
    {
      if (_drafting_element_row_is_decoration (self, iter))
        {
          /* A call at this place stays before the cursor. */
          gtk_text_iter_forward_char (iter);
          continue;
        }
      if (pos >= (guint) offset)
        break;
      pos += g_unichar_to_utf8 (gtk_text_iter_get_char (iter), NULL);
      gtk_text_iter_forward_char (iter);
    }
}

/* Where a byte offset of the leading phrase (@in_lead) or of the text is
 * in the buffer. */
void
_drafting_element_row_iter_at_offset (DraftingElementRow *self,
                                      gboolean            in_lead,
                                      guint               offset,
                                      GtkTextIter        *iter)
{
  if (in_lead)
    {
      const char *lead = drafting_node_get_lead (self->node);

      offset = MIN (offset, strlen (lead));
      gtk_text_buffer_get_iter_at_offset (self->buffer, iter, g_utf8_pointer_to_offset (lead, lead + offset));
    }
  else
    iter_at_content_offset (self, offset, iter);
}

static guint
content_offset_at_iter (DraftingElementRow *self,
                        const GtkTextIter  *target)
{
  GtkTextIter iter;
  guint pos = 0;

  if (gtk_text_iter_get_offset (target) <= (int) self->prefix_chars)
    return 0;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, self->prefix_chars);
  while (gtk_text_iter_compare (&iter, target) < 0)
    {
      if (!_drafting_element_row_is_decoration (self, &iter))
        pos += g_unichar_to_utf8 (gtk_text_iter_get_char (&iter), NULL);
      gtk_text_iter_forward_char (&iter);
    }

  return pos;
}

/* ------------------------------------------------------------------ */
/* The cursor                                                          */

/**
 * drafting_element_row_place_cursor:
 * @offset: a byte offset in the element's text, or -1 for its end
 * @length: how many bytes from there to select
 * @x: where on the line to put the cursor, from the row's left, or -1
 *
 * Gives the row the keyboard focus with the cursor at @offset. With @x,
 * the cursor goes on the first line (@offset 0) or the last (@offset -1)
 * at the same place across, as arrows up and down move it.
 */
void
drafting_element_row_place_cursor (DraftingElementRow *self,
                                   int                 offset,
                                   guint               length,
                                   int                 x)
{
  GtkTextIter iter;
  GtkTextIter bound;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (self->node == NULL)
    return;

  if (x >= 0)
    {
      GtkTextIter edge;
      GdkRectangle rect;
      int bx, by;

      if (offset == 0)
        gtk_text_buffer_get_start_iter (self->buffer, &edge);
      else
        gtk_text_buffer_get_end_iter (self->buffer, &edge);
      gtk_text_view_get_iter_location (self->text_view, &edge, &rect);
      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_TEXT,
                                             x, 0, &bx, &by);
      gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, rect.y + rect.height / 2);
      bound = iter;
    }
  else
    {
      iter_at_content_offset (self, offset, &iter);
      bound = iter;
      if (length > 0 && offset >= 0)
        iter_at_content_offset (self, offset + length, &bound);
    }

  self->cursor_unplaced = FALSE;
  gtk_text_buffer_select_range (self->buffer, &bound, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/**
 * drafting_element_row_get_cursor:
 * @offset: (out): where the cursor is, as a byte offset in the text
 * @selection_end: (out): where the selection ends (equal to @offset when
 *   nothing is selected)
 *
 * Returns: whether the row has the keyboard focus
 */
gboolean
drafting_element_row_get_cursor (DraftingElementRow *self,
                                 guint              *offset,
                                 guint              *selection_end)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (DRAFTING_IS_ELEMENT_ROW (self), FALSE);

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  if (offset != NULL)
    *offset = content_offset_at_iter (self, &start);
  if (selection_end != NULL)
    *selection_end = content_offset_at_iter (self, &end);

  return gtk_widget_has_focus (GTK_WIDGET (self->text_view));
}

/**
 * drafting_element_row_get_cursor_x:
 *
 * Returns: where across the row the cursor is, for the next row's cursor
 *   to go to the same place
 */
int
drafting_element_row_get_cursor_x (DraftingElementRow *self)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  g_return_val_if_fail (DRAFTING_IS_ELEMENT_ROW (self), -1);

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_TEXT, rect.x, rect.y, &wx, &wy);

  return wx;
}

/* The cursor is to leave the row for the one before or after: the keys
 * that cross the element's bounds say so. */
void
_drafting_element_row_leave (DraftingElementRow *self,
                             DraftingDirection   direction)
{
  g_signal_emit (self, signals[LEAVE], 0, direction);
}

/* ------------------------------------------------------------------ */
/* Find                                                                */

/**
 * drafting_element_row_set_highlights:
 * @matches: (nullable) (element-type DraftingMatch): the matches in this
 *   element
 * @current: (nullable): the match the find bar is on, if in this element
 *
 * Shows where what is searched for is found.
 */
void
drafting_element_row_set_highlights (DraftingElementRow  *self,
                                     GArray              *matches,
                                     const DraftingMatch *current)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (!self->highlighted && (matches == NULL || matches->len == 0))
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_match_tag, &start, &end);
  self->highlighted = FALSE;

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const DraftingMatch *match = &g_array_index (matches, DraftingMatch, i);
      gboolean is_current = current != NULL && current->node == match->node &&
                            current->in_lead == match->in_lead && current->start == match->start;

      if (match->node != self->node)
        continue;

      if (match->in_lead)
        {
          const char *lead = drafting_node_get_lead (self->node);

          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, g_utf8_pointer_to_offset (lead, lead + match->start));
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, g_utf8_pointer_to_offset (lead, lead + match->end));
        }
      else
        {
          iter_at_content_offset (self, match->start, &start);
          iter_at_content_offset (self, match->end, &end);
        }

      gtk_text_buffer_apply_tag (self->buffer, is_current ? self->current_match_tag : self->match_tag,
                                 &start, &end);
      self->highlighted = TRUE;
    }
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

/* Whether the buffer still holds what the element prints. GTK 4.8's list
 * unbinds and binds again every row whose position changes, so that an
 * element inserted at the top would otherwise have each row below it lay
 * its text out again. */
static gboolean
shows_current_text (DraftingElementRow *self)
{
  g_autofree char *prefix = NULL;

  /* Marks and proposals change with the record, not with the element. */
  if (self->tracking != NULL || self->proposer != NULL)
    return FALSE;

  if (self->shown != self->node ||
      self->shown_revision != drafting_node_get_revision (self->node) ||
      drafting_node_get_kind (self->node) == DRAFTING_KIND_PLACE_DATE)
    return FALSE;

  /* The status before the first heading line ("DRAFT") is the document's,
   * the annex heading ("ANNEX", "ANNEX II") the document's too. */
  prefix = decoration_before (self);

  return g_strcmp0 (prefix, self->shown_prefix) == 0;
}

/**
 * drafting_element_row_bind:
 *
 * Shows @node in the row, which the list recycles for another element
 * when it scrolls out of sight.
 */
void
drafting_element_row_bind (DraftingElementRow *self,
                           DraftingNode       *node)
{
  DraftingKind kind;
  const char *tooltip;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));
  g_return_if_fail (DRAFTING_IS_NODE (node));

  g_set_object (&self->node, node);
  kind = drafting_node_get_kind (node);

  gtk_text_view_set_editable (self->text_view,
                              self->editable && drafting_kind_has_text (kind) && self->tracking == NULL);
  show_cursor (self, self->editable && drafting_kind_has_text (kind) && self->tracking == NULL);

  /* Setting a tooltip costs, even the same one: rows are bound by the
   * hundred. */
  tooltip = kind == DRAFTING_KIND_PLACE_DATE
            ? _("The place and date are the document’s: change them in its properties")
            : NULL;
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (GTK_WIDGET (self->text_view))) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_view), tooltip);

  if (shows_current_text (self))
    drafting_element_row_update_numbers (self);
  else
    {
      load_buffer (self);
      drafting_element_row_update_label (self);
    }

  drafting_element_row_update_spelling (self);
}

/**
 * drafting_element_row_unbind:
 *
 * Takes the row off its element. The text stays in the buffer, to be shown
 * again without a new layout if the row is bound to the same element,
 * unchanged.
 */
void
drafting_element_row_unbind (DraftingElementRow *self)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  g_clear_object (&self->node);
}

/**
 * drafting_element_row_reload:
 *
 * Shows the element's text again after a change that did not come from
 * typing in the row, keeping the cursor where it was in the text.
 */
void
drafting_element_row_reload (DraftingElementRow *self)
{
  guint offset = 0;
  gboolean focused;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (self->node == NULL || self->loading)
    return;

  focused = drafting_element_row_get_cursor (self, &offset, NULL);
  load_buffer (self);
  drafting_element_row_update_label (self);

  if (focused)
    {
      GtkTextIter iter;

      self->cursor_unplaced = FALSE;
      iter_at_content_offset (self, MIN (offset, drafting_inline_get_length (drafting_node_get_content (self->node))), &iter);
      gtk_text_buffer_place_cursor (self->buffer, &iter);
    }
  drafting_element_row_update_spelling (self);
}

/**
 * drafting_element_row_update_numbers:
 *
 * Shows the element's number, and the numbers of the footnotes it calls,
 * after the document was renumbered. The text is laid out again only when
 * a call's number is not the one shown.
 */
void
drafting_element_row_update_numbers (DraftingElementRow *self)
{
  gboolean calls_changed = FALSE;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (self->node == NULL)
    return;

  for (guint i = 0; i < self->ref_tags->len && !calls_changed; i++)
    {
      GObject *tag = g_ptr_array_index (self->ref_tags, i);
      g_autofree char *call = footnote_call (self, g_object_get_qdata (tag, ref_quark));

      calls_changed = g_strcmp0 (call, g_object_get_qdata (tag, call_quark)) != 0;
    }

  /* The annex heading is numbered too: "ANNEX" becomes "ANNEX I". */
  if (!calls_changed && self->shown == self->node &&
      drafting_node_get_kind (self->node) != DRAFTING_KIND_PLACE_DATE)
    {
      g_autofree char *before = decoration_before (self);

      calls_changed = g_strcmp0 (before, self->shown_prefix) != 0;
    }

  if (calls_changed)
    drafting_element_row_reload (self);
  else
    drafting_element_row_update_label (self);
}

DraftingNode *
drafting_element_row_get_node (DraftingElementRow *self)
{
  g_return_val_if_fail (DRAFTING_IS_ELEMENT_ROW (self), NULL);

  return self->node;
}

GtkTextView *
drafting_element_row_get_text_view (DraftingElementRow *self)
{
  g_return_val_if_fail (DRAFTING_IS_ELEMENT_ROW (self), NULL);

  return self->text_view;
}

void
drafting_element_row_set_editable (DraftingElementRow *self,
                                   gboolean            editable)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  self->editable = !!editable;
  if (self->node != NULL)
    {
      gboolean has_text = drafting_kind_has_text (drafting_node_get_kind (self->node));

      gtk_text_view_set_editable (self->text_view, self->editable && has_text && self->tracking == NULL);
      show_cursor (self, self->editable && has_text && self->tracking == NULL);
    }
}

static void
drafting_element_row_dispose (GObject *object)
{
  DraftingElementRow *self = (DraftingElementRow *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  _drafting_element_row_dispose_spelling (self);
  g_clear_object (&self->node);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->marked_key, g_free);
  g_clear_pointer (&self->shown_prefix, g_free);
  g_clear_pointer (&self->ref_tags, g_ptr_array_unref);
  g_clear_pointer (&self->proposer, g_free);
  g_clear_pointer (&self->proposer_name, g_free);
  self->tracking = NULL;

  G_OBJECT_CLASS (drafting_element_row_parent_class)->dispose (object);
}

static void
drafting_element_row_class_init (DraftingElementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_element_row_dispose;

  /**
   * DraftingElementRow::leave:
   * @direction: a #DraftingDirection
   *
   * The cursor is to leave the row for the one before or after.
   */
  signals[LEAVE] =
    g_signal_new ("leave",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  ref_quark = g_quark_from_static_string ("drafting-footnote-ref");
  call_quark = g_quark_from_static_string ("drafting-footnote-call");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "elementrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _drafting_element_row_class_init_spelling (widget_class);
}

static void
drafting_element_row_init (DraftingElementRow *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkLayoutManager *layout;

  self->editable = TRUE;
  self->ref_tags = g_ptr_array_new_with_free_func (g_object_unref);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0.0);
  gtk_label_set_yalign (self->label, 0.0);
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "number");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->decoration_tag = gtk_text_buffer_create_tag (self->buffer, "decoration",
                                                     "editable", FALSE,
                                                     NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (self->buffer, "emphasis",
                                                   "style", PANGO_STYLE_ITALIC,
                                                   NULL);
  self->strong_tag = gtk_text_buffer_create_tag (self->buffer, "strong",
                                                 "weight", PANGO_WEIGHT_BOLD,
                                                 NULL);
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "match",
                                                "background", "#f8e45c",
                                                "foreground", "#241f31",
                                                NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (self->buffer, "current-match",
                                                        "background", "#ffa348",
                                                        "foreground", "#241f31",
                                                        NULL);
  g_signal_connect (self->buffer, "insert-text",
                    G_CALLBACK (_drafting_element_row_on_insert_text), self);
  g_signal_connect (self->buffer, "changed",
                    G_CALLBACK (_drafting_element_row_on_buffer_changed), self);

  self->text_view = GTK_TEXT_VIEW (drafting_element_text_new (self->buffer));
  g_object_unref (self->buffer);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_view), TRUE);
  /* As tall as its text: the list makes no row shorter than a thirtieth
   * of its height, and a single heading line can be. */
  gtk_widget_set_valign (GTK_WIDGET (self->text_view), GTK_ALIGN_START);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), 160, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "element-text");
  gtk_widget_set_parent (GTK_WIDGET (self->text_view), GTK_WIDGET (self));

  g_signal_connect (self->text_view, "paste-clipboard",
                    G_CALLBACK (_drafting_element_row_on_paste_clipboard), self);
  g_signal_connect (self->text_view, "query-tooltip",
                    G_CALLBACK (_drafting_element_row_on_query_tooltip), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (_drafting_element_row_on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  _drafting_element_row_init_spelling (self);
}

GtkWidget *
drafting_element_row_new (void)
{
  return g_object_new (DRAFTING_TYPE_ELEMENT_ROW, NULL);
}
