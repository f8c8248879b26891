/* drafting-element-row-spelling.c: the misspelt words of an element row, and their menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-row"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-document-view.h"
#include "drafting-element-row-private.h"

/*
 * A thin layer over the core's spelling (drafting-spell.h), as
 * libspelling's text buffer adapter is over its checker: the row asks the
 * document's DraftingSpellCache for its element's result, which a worker
 * thread checks, and underlines the words it gives with the "misspelt"
 * tag. The row never checks a text itself: when the cache has no result
 * for the text as it is, ::checked brings it.
 *
 * Typing asks again once it pauses (SPELL_DELAY). The right button over
 * an underlined word puts suggestions, "Add to Dictionary" and "Ignore"
 * at the top of the text view's menu; a suggestion replaces the word
 * through the document, as a step of undo.
 *
 * The marked and proposed views show other text than the element's: their
 * rows are not checked.
 */

#define SPELL_DELAY_MS  400
#define MAX_SUGGESTIONS 5

static gboolean
checks_spelling (DraftingElementRow *self)
{
  return self->spell_cache != NULL && self->node != NULL && self->tracking == NULL &&
         self->proposer == NULL && drafting_kind_has_text (drafting_node_get_kind (self->node)) &&
         drafting_node_get_kind (self->node) != DRAFTING_KIND_PLACE_DATE;
}

static void
clear_marks (DraftingElementRow *self)
{
  GtkTextIter start;
  GtkTextIter end;

  if (!self->spell_marked)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->spell_tag, &start, &end);
  self->spell_marked = FALSE;
}

static void
apply_result (DraftingElementRow  *self,
              DraftingSpellResult *result)
{
  guint n = drafting_spell_result_get_n_misspellings (result);

  clear_marks (self);

  for (guint i = 0; i < n; i++)
    {
      const DraftingMisspelling *word = drafting_spell_result_get_misspelling (result, i);
      GtkTextIter start;
      GtkTextIter end;

      _drafting_element_row_iter_at_offset (self, word->in_lead, word->start, &start);
      _drafting_element_row_iter_at_offset (self, word->in_lead, word->end, &end);
      gtk_text_buffer_apply_tag (self->buffer, self->spell_tag, &start, &end);
      self->spell_marked = TRUE;
    }
}

/**
 * drafting_element_row_update_spelling:
 *
 * Underlines the misspelt words of the element as the cache has them for
 * its text as it is now, or asks the cache for them (::checked brings
 * them); without a cache, underlines none.
 */
void
drafting_element_row_update_spelling (DraftingElementRow *self)
{
  DraftingSpellResult *result;

  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  if (!checks_spelling (self))
    {
      clear_marks (self);
      return;
    }

  /* Typing asks once it pauses. */
  if (self->spell_source != 0)
    return;

  /* The buffer is not what the element holds yet (a change on its way). */
  if (self->shown != self->node || self->shown_revision != drafting_node_get_revision (self->node))
    return;

  result = drafting_spell_cache_request_node (self->spell_cache, self->node);
  if (result != NULL)
    apply_result (self, result);
}

static gboolean
spelling_timeout (gpointer user_data)
{
  DraftingElementRow *self = user_data;

  self->spell_source = 0;
  drafting_element_row_update_spelling (self);

  return G_SOURCE_REMOVE;
}

/* Typing changed the element: its words are asked for again once it
 * pauses; the marks move with the text until then. */
void
_drafting_element_row_queue_spelling (DraftingElementRow *self)
{
  if (!checks_spelling (self))
    return;

  g_clear_handle_id (&self->spell_source, g_source_remove);
  self->spell_source = g_timeout_add (SPELL_DELAY_MS, spelling_timeout, self);
}

static void
on_checked (DraftingSpellCache *cache G_GNUC_UNUSED,
            GPtrArray          *results G_GNUC_UNUSED,
            DraftingElementRow *self)
{
  drafting_element_row_update_spelling (self);
}

/**
 * drafting_element_row_set_spell_cache:
 * @cache: (nullable): the document's results, or %NULL not to check
 */
void
drafting_element_row_set_spell_cache (DraftingElementRow *self,
                                      DraftingSpellCache *cache)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));
  g_return_if_fail (cache == NULL || DRAFTING_IS_SPELL_CACHE (cache));

  if (self->spell_cache == cache)
    return;

  if (self->spell_cache != NULL)
    g_signal_handlers_disconnect_by_func (self->spell_cache, on_checked, self);
  g_set_object (&self->spell_cache, cache);
  if (cache != NULL)
    g_signal_connect_object (cache, "checked", G_CALLBACK (on_checked), self, 0);

  g_clear_handle_id (&self->spell_source, g_source_remove);
  drafting_element_row_update_spelling (self);
}

/* ------------------------------------------------------------------ */
/* The menu                                                            */

static void
clear_menu (DraftingElementRow *self)
{
  /* The spelling's sections, before the view's. */
  for (guint n = g_menu_model_get_n_items (G_MENU_MODEL (self->spell_menu)); n > 0; n--)
    g_menu_remove (self->menu, 0);
  g_menu_remove_all (self->spell_menu);
  g_clear_pointer (&self->spell_word, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.correct", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.ignore", FALSE);
}

/**
 * drafting_element_row_set_extra_menu:
 * @menu: (nullable): what the view adds to the text's context menu
 *
 * The text's context menu has the spelling of the word clicked first,
 * then @menu.
 */
void
drafting_element_row_set_extra_menu (DraftingElementRow *self,
                                     GMenuModel         *menu)
{
  g_return_if_fail (DRAFTING_IS_ELEMENT_ROW (self));

  clear_menu (self);
  g_menu_remove_all (self->menu);
  if (menu != NULL)
    g_menu_append_section (self->menu, NULL, menu);
}

static DraftingSpellChecker *
make_checker (DraftingElementRow *self)
{
  g_autoptr(GError) error = NULL;
  DraftingSpellChecker *checker;

  /* The worker that checked the element loaded the dictionary already:
   * this finds it. */
  checker = drafting_spell_checker_new (drafting_spell_node_get_language (self->node), &error);
  if (checker == NULL)
    g_debug ("No checker for the menu: %s", error->message);

  return checker;
}

/* The misspelt word at @iter, as the cache has it for the text as it is. */
static const DraftingMisspelling *
misspelling_at (DraftingElementRow *self,
                const GtkTextIter  *iter)
{
  DraftingSpellResult *result;
  guint n;

  if (!checks_spelling (self) ||
      (result = drafting_spell_cache_lookup_node (self->spell_cache, self->node)) == NULL)
    return NULL;

  n = drafting_spell_result_get_n_misspellings (result);
  for (guint i = 0; i < n; i++)
    {
      const DraftingMisspelling *word = drafting_spell_result_get_misspelling (result, i);
      GtkTextIter start;
      GtkTextIter end;

      _drafting_element_row_iter_at_offset (self, word->in_lead, word->start, &start);
      _drafting_element_row_iter_at_offset (self, word->in_lead, word->end, &end);
      if (gtk_text_iter_in_range (iter, &start, &end) || gtk_text_iter_equal (iter, &end))
        return word;
    }

  return NULL;
}

/* Fills the spelling section of the menu for the word at @iter. */
static void
update_menu (DraftingElementRow *self,
             const GtkTextIter  *iter)
{
  const DraftingMisspelling *word;
  g_autoptr(DraftingSpellChecker) checker = NULL;
  g_autoptr(GMenu) suggestions = NULL;
  g_autoptr(GMenu) choices = NULL;
  g_auto(GStrv) suggested = NULL;

  clear_menu (self);

  if ((word = misspelling_at (self, iter)) == NULL || (checker = make_checker (self)) == NULL)
    return;

  self->spell_word = g_strdup (word->word);
  self->spell_start = word->start;
  self->spell_end = word->end;
  self->spell_in_lead = word->in_lead;

  suggestions = g_menu_new ();
  suggested = drafting_spell_checker_suggest (checker, word->word, -1);
  for (guint i = 0; suggested != NULL && suggested[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggested[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spelling.correct",
                                               g_variant_new_string (suggested[i]));
      g_menu_append_item (suggestions, item);
    }
  if (suggested == NULL || suggested[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spelling.none");

      g_menu_append_item (suggestions, item);
    }

  choices = g_menu_new ();
  g_menu_append (choices, _("_Add to Dictionary"), "spelling.add");
  g_menu_append (choices, _("_Ignore"), "spelling.ignore");

  g_menu_append_section (self->spell_menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (self->spell_menu, NULL, G_MENU_MODEL (choices));
  g_menu_insert_section (self->menu, 0, NULL, G_MENU_MODEL (suggestions));
  g_menu_insert_section (self->menu, 1, NULL, G_MENU_MODEL (choices));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.correct",
                                 gtk_text_view_get_editable (self->text_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.add", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.ignore", TRUE);
}

/* The right button: the cursor goes to the word clicked, unless it is in
 * the selection, as in GNOME Text Editor, and the menu is for it. */
static void
on_secondary_pressed (GtkGestureClick    *gesture G_GNUC_UNUSED,
                      int                 n_press G_GNUC_UNUSED,
                      double              x,
                      double              y,
                      DraftingElementRow *self)
{
  GtkTextIter iter;
  GtkTextIter start;
  GtkTextIter end;
  int bx, by;

  if (self->node == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) ||
      !gtk_text_iter_in_range (&iter, &start, &end))
    {
      self->cursor_unplaced = FALSE;
      gtk_text_buffer_place_cursor (self->buffer, &iter);
    }

  update_menu (self, &iter);
}

/* The menu made for a word is not for another place. */
static void
on_mark_set (GtkTextBuffer      *buffer,
             const GtkTextIter  *location,
             GtkTextMark        *mark,
             DraftingElementRow *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer) || self->spell_word == NULL)
    return;

  /* The word the menu was made for is elsewhere now. */
  if (misspelling_at (self, location) == NULL)
    clear_menu (self);
}

static void
spelling_correct (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param)
{
  DraftingElementRow *self = DRAFTING_ELEMENT_ROW (widget);
  const char *replacement = g_variant_get_string (param, NULL);
  DraftingDocument *document;
  const char *text;

  if (self->spell_word == NULL || self->node == NULL ||
      (document = drafting_node_get_document (self->node)) == NULL)
    return;

  /* Only if the word is still where it was. */
  text = self->spell_in_lead ? drafting_node_get_lead (self->node)
                             : drafting_inline_get_text (drafting_node_get_content (self->node));
  if (self->spell_end > strlen (text) ||
      strncmp (text + self->spell_start, self->spell_word, self->spell_end - self->spell_start) != 0)
    return;

  if (self->spell_in_lead)
    {
      g_autoptr(GString) lead = g_string_new (text);

      g_string_erase (lead, self->spell_start, self->spell_end - self->spell_start);
      g_string_insert (lead, self->spell_start, replacement);
      drafting_document_set_lead (document, self->node, lead->str, DRAFTING_EDIT_NONE);
    }
  else
    drafting_document_replace_text (document, self->node, self->spell_start, self->spell_end,
                                    replacement);

  clear_menu (self);
}

/* The other rows' words may be right now. */
static void
recheck_view (DraftingElementRow *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), DRAFTING_TYPE_DOCUMENT_VIEW);

  if (view != NULL)
    drafting_document_view_recheck_spelling (DRAFTING_DOCUMENT_VIEW (view));
  else
    drafting_element_row_update_spelling (self);
}

static void
spelling_add (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  DraftingElementRow *self = DRAFTING_ELEMENT_ROW (widget);

  if (self->spell_word == NULL)
    return;

  /* To the list at once, to the file in a thread. */
  drafting_house_words_keep (drafting_house_words_get_default (), self->spell_word);
  clear_menu (self);
  recheck_view (self);
}

static void
spelling_ignore (GtkWidget  *widget,
                 const char *action_name G_GNUC_UNUSED,
                 GVariant   *param G_GNUC_UNUSED)
{
  DraftingElementRow *self = DRAFTING_ELEMENT_ROW (widget);
  g_autoptr(DraftingSpellChecker) checker = NULL;

  if (self->spell_word == NULL || (checker = make_checker (self)) == NULL)
    return;

  drafting_spell_checker_ignore_word (checker, self->spell_word);
  clear_menu (self);
  recheck_view (self);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

void
_drafting_element_row_init_spelling (DraftingElementRow *self)
{
  GtkGesture *click;

  self->spell_tag = gtk_text_buffer_create_tag (self->buffer, "misspelt",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                NULL);
  /* Below the marks of find and of amendments, which are drawn over it. */
  gtk_text_tag_set_priority (self->spell_tag, 0);

  self->spell_menu = g_menu_new ();
  self->menu = g_menu_new ();
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->menu));
  clear_menu (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self);
}

void
_drafting_element_row_dispose_spelling (DraftingElementRow *self)
{
  g_clear_handle_id (&self->spell_source, g_source_remove);
  if (self->spell_cache != NULL)
    g_signal_handlers_disconnect_by_func (self->spell_cache, on_checked, self);
  g_clear_object (&self->spell_cache);
  g_clear_object (&self->spell_menu);
  g_clear_object (&self->menu);
  g_clear_pointer (&self->spell_word, g_free);
}

void
_drafting_element_row_class_init_spelling (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "spelling.correct", "s", spelling_correct);
  gtk_widget_class_install_action (widget_class, "spelling.add", NULL, spelling_add);
  gtk_widget_class_install_action (widget_class, "spelling.ignore", NULL, spelling_ignore);
}
