/* drafting-element-row-editing.c: what typing, pasting and the keys do in an element row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-row"

#include "config.h"

#include <string.h>

#include "drafting-element-row-private.h"
#include "drafting-paste.h"

/*
 * What is typed goes from the buffer to the model at once, as one change
 * of undo per word; in proposing, it goes to the delegation's proposal
 * (drafting-element-row-amendments.c).
 *
 * Keys that cross the element's bounds (Enter, Backspace at the start, the
 * arrows at the first or last line, Tab) are turned into the document's
 * actions or into the "leave" signal, so that the document view moves the
 * cursor to the next row.
 */

/* ------------------------------------------------------------------ */
/* From the buffer to the model                                        */

static DraftingInline *
read_buffer (DraftingElementRow *self)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (DraftingMark));
  g_autoptr(GArray) styles = g_array_new (FALSE, FALSE, sizeof (DraftingMark));
  GString *text = g_string_new (NULL);
  DraftingInline *content;
  GtkTextIter iter;
  int emphasis_from = -1;
  int strong_from = -1;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  for (; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    {
      gboolean emphasis;
      gboolean strong;

      if (_drafting_element_row_is_decoration (self, &iter))
        {
          const char *ref = _drafting_element_row_ref_at (self, &iter);

          if (ref != NULL)
            {
              DraftingMark mark = { DRAFTING_MARK_FOOTNOTE_REF, text->len, text->len, (char *) ref };

              g_array_append_val (refs, mark);
            }
          continue;
        }

      emphasis = gtk_text_iter_has_tag (&iter, self->emphasis_tag);
      strong = gtk_text_iter_has_tag (&iter, self->strong_tag);

      if (emphasis && emphasis_from < 0)
        emphasis_from = text->len;
      else if (!emphasis && emphasis_from >= 0)
        {
          DraftingMark mark = { DRAFTING_MARK_EMPHASIS, emphasis_from, text->len, NULL };

          g_array_append_val (styles, mark);
          emphasis_from = -1;
        }

      if (strong && strong_from < 0)
        strong_from = text->len;
      else if (!strong && strong_from >= 0)
        {
          DraftingMark mark = { DRAFTING_MARK_STRONG, strong_from, text->len, NULL };

          g_array_append_val (styles, mark);
          strong_from = -1;
        }

      g_string_append_unichar (text, gtk_text_iter_get_char (&iter));
    }

  if (emphasis_from >= 0)
    {
      DraftingMark mark = { DRAFTING_MARK_EMPHASIS, emphasis_from, text->len, NULL };

      g_array_append_val (styles, mark);
    }
  if (strong_from >= 0)
    {
      DraftingMark mark = { DRAFTING_MARK_STRONG, strong_from, text->len, NULL };

      g_array_append_val (styles, mark);
    }

  content = drafting_inline_new (text->str);
  for (guint i = 0; i < styles->len; i++)
    {
      DraftingMark *mark = &g_array_index (styles, DraftingMark, i);

      drafting_inline_add_mark (content, mark->kind, mark->start, mark->end, NULL);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      DraftingMark *mark = &g_array_index (refs, DraftingMark, i);

      drafting_inline_add_mark (content, mark->kind, mark->start, mark->start, mark->ref);
    }
  g_string_free (text, TRUE);

  return content;
}

static void
sync_to_model (DraftingElementRow *self,
               gboolean            coalesce)
{
  g_autoptr(DraftingInline) content = NULL;
  g_autofree char *lead = NULL;
  DraftingDocument *document;
  DraftingKind kind;

  if (self->node == NULL || (document = drafting_node_get_document (self->node)) == NULL)
    return;

  kind = drafting_node_get_kind (self->node);
  if (!drafting_kind_has_text (kind))
    return;

  content = read_buffer (self);

  /* The leading phrase is the capitals that open the clause, as typed;
   * the spaces typed after it join it to the text, and are not the text's. */
  if (drafting_kind_has_lead (kind))
    {
      const char *text = drafting_inline_get_text (content);
      gsize cut;
      gsize len = drafting_text_split_lead (text, &cut);

      lead = g_strndup (text, len);
      self->prefix_chars = g_utf8_strlen (text, cut);
      drafting_inline_delete (content, 0, cut);
    }

  self->loading = TRUE;
  if (self->proposer != NULL)
    _drafting_element_row_propose_wording (self, document, lead, content, coalesce);
  else
    drafting_document_edit_text (document, self->node, lead, content,
                                 coalesce ? DRAFTING_EDIT_COALESCE : DRAFTING_EDIT_NONE);
  self->loading = FALSE;

  /* The buffer is what the element now holds. */
  self->shown_revision = drafting_node_get_revision (self->node);
  _drafting_element_row_queue_spelling (self);

  /* A principle given a title shows "PRINCIPLE I –", without one "PRINCIPLE I". */
  {
    g_autofree char *marker = drafting_render_marker (self->node, NULL);

    if (g_strcmp0 (marker, gtk_label_get_label (self->label)) != 0)
      drafting_element_row_update_label (self);
  }
}

/* What is typed in an annex without a title goes on a line of its own,
 * under the heading, as it prints. Called before @location has the text
 * typed: the line break goes before it, and @location after the break. */
static void
open_text_line (DraftingElementRow *self,
                GtkTextIter        *location)
{
  DraftingMarkerPlace place;
  g_autofree char *marker = NULL;
  char *shown;

  if (self->node == NULL || self->shown_prefix == NULL || !gtk_text_iter_is_end (location))
    return;

  marker = drafting_render_marker (self->node, &place);
  if (place != DRAFTING_MARKER_ABOVE || g_str_has_suffix (self->shown_prefix, "\n"))
    return;

  self->loading = TRUE;
  _drafting_element_row_insert_decoration (self, location, "\n", NULL);
  self->loading = FALSE;
  self->prefix_chars = gtk_text_iter_get_offset (location);
  shown = g_strconcat (self->shown_prefix, "\n", NULL);
  g_free (self->shown_prefix);
  self->shown_prefix = shown;
}

/* Spaces typed where the leading phrase meets its text, after the space
 * that joins them, are that space: they are not inserted, and the join
 * shows, prints and is kept as one. Returns whether @text was taken care
 * of, what follows the spaces inserted. */
static gboolean
join_at_seam (DraftingElementRow *self,
              GtkTextIter        *location,
              const char         *text,
              int                 len)
{
  GtkTextIter before = *location;
  const char *rest = text;

  if (self->node == NULL || !drafting_kind_has_lead (drafting_node_get_kind (self->node)) ||
      drafting_node_get_lead (self->node)[0] == '\0' ||
      gtk_text_iter_get_offset (location) != (int) self->prefix_chars ||
      !gtk_text_iter_backward_char (&before) || gtk_text_iter_get_char (&before) != ' ')
    return FALSE;

  while (rest < text + len && *rest == ' ')
    rest++;
  if (rest == text)
    return FALSE;

  if (rest < text + len)
    gtk_text_buffer_insert (self->buffer, location, rest, text + len - rest);

  return TRUE;
}

void
_drafting_element_row_on_insert_text (GtkTextBuffer      *buffer,
                                      GtkTextIter        *location,
                                      const char         *text,
                                      int                 len,
                                      DraftingElementRow *self)
{
  if (self->loading || text[0] == '\0')
    return;

  self->last_typed = g_utf8_get_char (text);
  if (join_at_seam (self, location, text, len))
    {
      g_signal_stop_emission_by_name (buffer, "insert-text");
      return;
    }
  open_text_line (self, location);
}

void
_drafting_element_row_on_buffer_changed (GtkTextBuffer      *buffer G_GNUC_UNUSED,
                                         DraftingElementRow *self)
{
  gboolean coalesce;

  if (self->loading)
    return;

  /* Each word is a step of undo: a space or punctuation starts a new one,
   * and what is pasted is a step of its own. */
  coalesce = !self->pasting && !(g_unichar_isspace (self->last_typed) || g_unichar_ispunct (self->last_typed));
  self->last_typed = 'x';
  sync_to_model (self, coalesce);
}

/* ------------------------------------------------------------------ */
/* Pasting                                                             */

/* A line pasted is text where the cursor is, as typed but a step of undo
 * of its own; lines are paragraphs, which the document makes elements. */
static void
on_clipboard_text (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DraftingElementRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  gsize len;

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->node == NULL || !gtk_text_view_get_editable (self->text_view))
    return;

  if (drafting_paste_is_several_lines (text))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "document.paste-text", "s", text);
      return;
    }

  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    text[--len] = '\0';

  self->pasting = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (self->buffer, text + strspn (text, "\r\n"), -1, TRUE);
  gtk_text_buffer_end_user_action (self->buffer);
  self->pasting = FALSE;
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (self->buffer));
}

void
_drafting_element_row_on_paste_clipboard (GtkTextView        *text_view,
                                          DraftingElementRow *self)
{
  g_signal_stop_emission_by_name (text_view, "paste-clipboard");

  if (self->node == NULL || !gtk_text_view_get_editable (text_view))
    {
      gtk_widget_error_bell (GTK_WIDGET (text_view));
      return;
    }

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), NULL,
                                 on_clipboard_text, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

static gboolean
cursor_on_edge_line (DraftingElementRow *self,
                     gboolean            first)
{
  GtkTextIter cursor;
  GtkTextIter edge;
  GdkRectangle cursor_rect;
  GdkRectangle edge_rect;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  if (first)
    gtk_text_buffer_get_start_iter (self->buffer, &edge);
  else
    gtk_text_buffer_get_end_iter (self->buffer, &edge);

  gtk_text_view_get_iter_location (self->text_view, &cursor, &cursor_rect);
  gtk_text_view_get_iter_location (self->text_view, &edge, &edge_rect);

  return cursor_rect.y == edge_rect.y;
}

static gboolean
cursor_at (DraftingElementRow *self,
           gboolean            start)
{
  GtkTextIter cursor;
  GtkTextIter bound;

  gtk_text_buffer_get_selection_bounds (self->buffer, &cursor, &bound);
  if (!gtk_text_iter_equal (&cursor, &bound))
    return FALSE;

  if (start)
    {
      /* Only decoration ("DRAFT ") before the cursor counts as the start. */
      GtkTextIter iter = cursor;

      while (gtk_text_iter_backward_char (&iter))
        if (!_drafting_element_row_is_decoration (self, &iter))
          return FALSE;
      return TRUE;
    }

  return gtk_text_iter_is_end (&cursor);
}

static gboolean
activate (DraftingElementRow *self,
          const char         *action)
{
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

gboolean
_drafting_element_row_on_key_pressed (GtkEventControllerKey *controller G_GNUC_UNUSED,
                                      guint                  keyval,
                                      guint                  keycode G_GNUC_UNUSED,
                                      GdkModifierType        state,
                                      DraftingElementRow    *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (self->node == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods == 0 && self->editable)
        return activate (self, "document.split");
      if (mods == GDK_SHIFT_MASK && self->editable)
        {
          /* A line break inside the element, as a title has. */
          gtk_text_buffer_insert_interactive_at_cursor (self->buffer, "\n", 1, TRUE);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_BackSpace:
      if (mods == 0 && self->editable && cursor_at (self, TRUE))
        return activate (self, "document.join-previous");
      return FALSE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (mods == 0 && self->editable && cursor_at (self, FALSE))
        return activate (self, "document.join-next");
      return FALSE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (mods == 0 && self->editable)
        return activate (self, "document.indent");
      return FALSE;

    case GDK_KEY_ISO_Left_Tab:
      if ((mods & ~GDK_SHIFT_MASK) == 0 && self->editable)
        return activate (self, "document.outdent");
      return FALSE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (mods == 0 && cursor_on_edge_line (self, TRUE))
        {
          _drafting_element_row_leave (self, DRAFTING_DIRECTION_UP);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (mods == 0 && cursor_on_edge_line (self, FALSE))
        {
          _drafting_element_row_leave (self, DRAFTING_DIRECTION_DOWN);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (mods == 0 && cursor_at (self, TRUE))
        {
          _drafting_element_row_leave (self, DRAFTING_DIRECTION_BACKWARD);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (mods == 0 && cursor_at (self, FALSE))
        {
          _drafting_element_row_leave (self, DRAFTING_DIRECTION_FORWARD);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}
