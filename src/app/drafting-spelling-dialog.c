/* drafting-spelling-dialog.c: the document's misspelt words, one after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spelling-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-spelling-dialog.h"

/*
 * Walks the document from its start, element after element, word after
 * word, with the page's DraftingSpellCache: an element the cache has no
 * result for is asked for with the next ones (AHEAD at a time, in one job
 * of the worker), and the walk goes on when ::checked brings them. The
 * main loop never checks a text; it only asks for suggestions for the
 * word shown, as the text's menu does.
 *
 * Each word shown is selected in the document. "Change" replaces it
 * through the document, as a step of undo; "Ignore" goes on to the next
 * word; "Ignore All" takes the word for the session, "Add to Dictionary"
 * adds it to the house vocabulary, kept for later sessions.
 *
 * The document may be edited while the dialog is open: a word is changed
 * only if it is still where it was found.
 */

#define AHEAD 500
#define MAX_SUGGESTIONS 8
#define CONTEXT_CHARS 60

struct _DraftingSpellingDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkLabel             *status_label;
  GtkLabel             *context_label;
  GtkEntry             *change_entry;
  GtkListBox           *suggestions;
  GtkWidget            *change_button;

  DraftingDocument     *document;
  DraftingDocumentView *view;
  DraftingSpellCache   *cache;
  DraftingSpellChecker *checker;    /* for suggestions, once one is needed */

  /* Where the walk is: the next word is at or after this place. */
  guint                 position;
  guint                 offset;
  gboolean              in_lead;

  /* The word shown. */
  DraftingNode         *node;
  char                 *word;
  guint                 start;
  guint                 end;
  gboolean              word_in_lead;

  guint                 waiting : 1;
  guint                 done : 1;
  guint                 no_dictionary : 1;
};

G_DEFINE_FINAL_TYPE (DraftingSpellingDialog, drafting_spelling_dialog, ADW_TYPE_WINDOW)

static void find_next (DraftingSpellingDialog *self);

static const char *
document_language (DraftingSpellingDialog *self)
{
  const char *language = drafting_document_get_language (self->document);

  return language != NULL && language[0] != '\0' ? language : "en";
}

static void
set_actions (DraftingSpellingDialog *self,
             gboolean                on_word)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.change",
                                 on_word && drafting_document_view_get_editable (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.ignore", on_word);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.ignore-all", on_word);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spelling.add", on_word);
}

static void
clear_word (DraftingSpellingDialog *self)
{
  GtkWidget *child;

  g_clear_object (&self->node);
  g_clear_pointer (&self->word, g_free);
  gtk_label_set_markup (self->context_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->change_entry), "");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_list_box_remove (self->suggestions, child);
  set_actions (self, FALSE);
}

static void
show_status (DraftingSpellingDialog *self,
             const char             *status)
{
  gtk_label_set_label (self->status_label, status);
  adw_window_title_set_subtitle (self->window_title, "");
}

/* "Operative paragraph 3" */
static char *
element_name (DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);
  g_autofree char *number = drafting_node_get_number (node);

  if (number[0] == '\0')
    return g_strdup (drafting_kind_get_display_name (kind));

  /* Translators: an element's kind and number, as "Operative paragraph 3" */
  return g_strdup_printf (C_("element", "%s %s"), drafting_kind_get_display_name (kind), number);
}

/* The words around the word, the word in bold. */
static char *
context_markup (const char *text,
                guint       start,
                guint       end)
{
  const char *from = text + start;
  const char *to = text + end;
  g_autofree char *before = NULL;
  g_autofree char *word = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < CONTEXT_CHARS && from > text; i++)
    from = g_utf8_prev_char (from);
  for (guint i = 0; i < CONTEXT_CHARS && *to != '\0'; i++)
    to = g_utf8_next_char (to);

  before = g_markup_escape_text (from, text + start - from);
  word = g_markup_escape_text (text + start, end - start);
  after = g_markup_escape_text (text + end, to - (text + end));

  return g_strdup_printf ("%s%s<b><u>%s</u></b>%s%s",
                          from > text ? "…" : "", before, word, after, *to != '\0' ? "…" : "");
}

static DraftingSpellChecker *
get_checker (DraftingSpellingDialog *self)
{
  if (self->checker == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->checker = drafting_spell_checker_new (document_language (self), &error);
      if (self->checker == NULL)
        g_debug ("No suggestions: %s", error->message);
    }

  return self->checker;
}

static void
show_word (DraftingSpellingDialog    *self,
           DraftingNode              *node,
           const DraftingMisspelling *word)
{
  const char *text = drafting_spell_node_get_text (node);
  const char *lead = drafting_spell_node_get_lead (node);
  g_autofree char *whole = lead[0] != '\0' ? drafting_text_join_lead (lead, text) : g_strdup (text);
  gsize text_at = strlen (whole) - strlen (text);
  g_autofree char *name = element_name (node);
  g_autofree char *markup = context_markup (whole,
                                            word->in_lead ? word->start : word->start + text_at,
                                            word->in_lead ? word->end : word->end + text_at);
  g_autofree char *status = NULL;
  g_auto(GStrv) suggested = NULL;
  DraftingSpellChecker *checker;

  clear_word (self);
  self->node = g_object_ref (node);
  self->word = g_strdup (word->word);
  self->start = word->start;
  self->end = word->end;
  self->word_in_lead = word->in_lead;

  /* Translators: %s is a word the dictionary does not know */
  status = g_strdup_printf (_("Not in the dictionary: “%s”"), word->word);
  gtk_label_set_label (self->status_label, status);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_markup (self->context_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), TRUE);

  if ((checker = get_checker (self)) != NULL)
    suggested = drafting_spell_checker_suggest (checker, word->word, -1);
  for (guint i = 0; suggested != NULL && suggested[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      GtkWidget *label = gtk_label_new (suggested[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "spelling-suggestion");
      gtk_list_box_append (self->suggestions, label);
    }
  if (suggested != NULL && suggested[0] != NULL)
    gtk_list_box_select_row (self->suggestions, gtk_list_box_get_row_at_index (self->suggestions, 0));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->change_entry), word->word);

  set_actions (self, TRUE);

  /* The word, selected in the document (a word of a leading phrase: the
   * start of the element's text). */
  drafting_document_view_focus_node (self->view, node,
                                     word->in_lead ? 0 : (int) word->start,
                                     word->in_lead ? 0 : word->end - word->start);
}

/* The first misspelt word of @result at or after where the walk is. */
static const DraftingMisspelling *
next_in (DraftingSpellingDialog    *self,
         const DraftingSpellResult *result)
{
  const DraftingMisspelling *best = NULL;
  guint n = drafting_spell_result_get_n_misspellings (result);

  for (guint i = 0; i < n; i++)
    {
      const DraftingMisspelling *word = drafting_spell_result_get_misspelling (result, i);

      /* The leading phrase comes before the text. */
      if (self->in_lead ? (word->in_lead && word->start < self->offset)
                        : (word->in_lead || word->start < self->offset))
        continue;
      if (best == NULL || (word->in_lead && !best->in_lead) ||
          (word->in_lead == best->in_lead && word->start < best->start))
        best = word;
    }

  return best;
}

static gboolean
is_checked_kind (DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);

  return kind != DRAFTING_KIND_DOCUMENT && kind != DRAFTING_KIND_PLACE_DATE &&
         drafting_kind_has_text (kind);
}

static void
find_next (DraftingSpellingDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->document);
  guint n = g_list_model_get_n_items (model);

  clear_word (self);
  self->waiting = FALSE;

  if (self->no_dictionary)
    return;

  for (; self->position < n; self->position++, self->offset = 0, self->in_lead = TRUE)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (model, self->position);
      DraftingSpellResult *result;
      const DraftingMisspelling *word;

      if (!is_checked_kind (node))
        continue;

      if ((result = drafting_spell_cache_request_node (self->cache, node)) == NULL)
        {
          /* Asked for with the next ones, in one job. */
          for (guint i = self->position + 1; i < MIN (n, self->position + AHEAD); i++)
            {
              g_autoptr(DraftingNode) later = g_list_model_get_item (model, i);

              if (is_checked_kind (later))
                drafting_spell_cache_request_node (self->cache, later);
            }
          self->waiting = TRUE;
          show_status (self, _("Checking the document…"));
          return;
        }

      if ((word = next_in (self, result)) != NULL)
        {
          show_word (self, node, word);
          return;
        }
    }

  self->done = TRUE;
  show_status (self, _("The spelling check is complete"));
}

static void
on_checked (DraftingSpellingDialog *self)
{
  if (self->waiting)
    find_next (self);
}

static void
on_failed (DraftingSpellingDialog *self,
           const GError           *error)
{
  if (!self->waiting || !g_error_matches (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY))
    return;

  self->waiting = FALSE;
  self->no_dictionary = TRUE;
  show_status (self, error->message);
}

/* The word shown, if it is still where it was found. */
static gboolean
word_in_place (DraftingSpellingDialog *self)
{
  const char *text;

  if (self->node == NULL || drafting_node_get_document (self->node) != self->document)
    return FALSE;

  text = self->word_in_lead ? drafting_node_get_lead (self->node)
                            : drafting_inline_get_text (drafting_node_get_content (self->node));

  return self->end <= strlen (text) &&
         strncmp (text + self->start, self->word, self->end - self->start) == 0;
}

/* Goes on after the word shown. */
static void
skip_word (DraftingSpellingDialog *self,
           guint                   length)
{
  self->in_lead = self->word_in_lead;
  self->offset = self->start + length;
  find_next (self);
}

static void
action_change (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  DraftingSpellingDialog *self = DRAFTING_SPELLING_DIALOG (widget);
  g_autofree char *replacement = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->change_entry)));

  if (!word_in_place (self))
    {
      find_next (self);
      return;
    }

  if (self->word_in_lead)
    {
      g_autoptr(GString) lead = g_string_new (drafting_node_get_lead (self->node));

      g_string_erase (lead, self->start, self->end - self->start);
      g_string_insert (lead, self->start, replacement);
      drafting_document_set_lead (self->document, self->node, lead->str, DRAFTING_EDIT_NONE);
    }
  else
    drafting_document_replace_text (self->document, self->node, self->start, self->end, replacement);

  skip_word (self, strlen (replacement));
}

static void
action_ignore (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  DraftingSpellingDialog *self = DRAFTING_SPELLING_DIALOG (widget);

  skip_word (self, self->end - self->start);
}

static void
action_ignore_all (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *param G_GNUC_UNUSED)
{
  DraftingSpellingDialog *self = DRAFTING_SPELLING_DIALOG (widget);
  DraftingSpellChecker *checker = get_checker (self);

  if (checker != NULL && self->word != NULL)
    drafting_spell_checker_ignore_word (checker, self->word);
  drafting_document_view_recheck_spelling (self->view);
  skip_word (self, self->end - self->start);
}

static void
action_add (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *param G_GNUC_UNUSED)
{
  DraftingSpellingDialog *self = DRAFTING_SPELLING_DIALOG (widget);

  if (self->word != NULL)
    drafting_house_words_keep (drafting_house_words_get_default (), self->word);
  drafting_document_view_recheck_spelling (self->view);
  skip_word (self, self->end - self->start);
}

static void
on_suggestion_selected (DraftingSpellingDialog *self,
                        GtkListBoxRow          *row)
{
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->change_entry),
                           gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))));
}

static void
on_suggestion_activated (DraftingSpellingDialog *self,
                         GtkListBoxRow          *row)
{
  on_suggestion_selected (self, row);
  gtk_widget_activate_action (GTK_WIDGET (self), "spelling.change", NULL);
}

static void
drafting_spelling_dialog_dispose (GObject *object)
{
  DraftingSpellingDialog *self = DRAFTING_SPELLING_DIALOG (object);

  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_data (self->cache, self);
  g_clear_object (&self->cache);
  g_clear_object (&self->view);
  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  g_clear_object (&self->node);
  g_clear_pointer (&self->word, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_SPELLING_DIALOG);

  G_OBJECT_CLASS (drafting_spelling_dialog_parent_class)->dispose (object);
}

static void
drafting_spelling_dialog_class_init (DraftingSpellingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_spelling_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-spelling-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, context_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, change_entry);
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, suggestions);
  gtk_widget_class_bind_template_child (widget_class, DraftingSpellingDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated);

  gtk_widget_class_install_action (widget_class, "spelling.change", NULL, action_change);
  gtk_widget_class_install_action (widget_class, "spelling.ignore", NULL, action_ignore);
  gtk_widget_class_install_action (widget_class, "spelling.ignore-all", NULL, action_ignore_all);
  gtk_widget_class_install_action (widget_class, "spelling.add", NULL, action_add);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
drafting_spelling_dialog_init (DraftingSpellingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->change_button);
  self->in_lead = TRUE;
}

/**
 * drafting_spelling_dialog_new:
 * @view: the view of @document where each word is selected
 * @cache: the results the view underlines with
 *
 * Returns: (transfer floating): a dialog that walks @document's misspelt
 *   words from its start
 */
GtkWidget *
drafting_spelling_dialog_new (DraftingDocument     *document,
                              DraftingDocumentView *view,
                              DraftingSpellCache   *cache)
{
  DraftingSpellingDialog *self;
  g_autofree char *tag = NULL;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT_VIEW (view), NULL);
  g_return_val_if_fail (DRAFTING_IS_SPELL_CACHE (cache), NULL);

  self = g_object_new (DRAFTING_TYPE_SPELLING_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->view = g_object_ref (view);
  self->cache = g_object_ref (cache);
  g_signal_connect_swapped (cache, "checked", G_CALLBACK (on_checked), self);
  g_signal_connect_swapped (cache, "failed", G_CALLBACK (on_failed), self);

  tag = drafting_spell_provider_resolve (drafting_spell_provider_get_default (),
                                         document_language (self));
  if (tag == NULL)
    {
      g_autofree char *message = NULL;

      self->no_dictionary = TRUE;
      clear_word (self);
      /* Translators: %s is a language code, as "ar" */
      message = g_strdup_printf (_("There is no spelling dictionary for “%s”: the spelling "
                                   "cannot be checked"), document_language (self));
      show_status (self, message);
    }
  else
    find_next (self);

  return GTK_WIDGET (self);
}

/**
 * drafting_spelling_dialog_get_word:
 *
 * Returns: (nullable): the misspelt word shown
 */
const char *
drafting_spelling_dialog_get_word (DraftingSpellingDialog *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELLING_DIALOG (self), NULL);

  return self->word;
}

/**
 * drafting_spelling_dialog_get_node:
 *
 * Returns: (transfer none) (nullable): the element of the word shown
 */
DraftingNode *
drafting_spelling_dialog_get_node (DraftingSpellingDialog *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELLING_DIALOG (self), NULL);

  return self->node;
}

/**
 * drafting_spelling_dialog_is_done:
 *
 * Returns: whether the walk reached the end of the document
 */
gboolean
drafting_spelling_dialog_is_done (DraftingSpellingDialog *self)
{
  g_return_val_if_fail (DRAFTING_IS_SPELLING_DIALOG (self), FALSE);

  return self->done;
}
