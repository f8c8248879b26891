/* drafting-find-bar.c: find and replace across the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-find-bar.h"

/*
 * The bar searches the whole document as the person types, leading phrases
 * included, shows every match in the rows on screen and how many there
 * are, and moves from one to the next without taking the keyboard from the
 * entry. Closing it puts the cursor on the match it was on. Replacing one
 * match, or all at once as one change to undo, goes through the document.
 */

struct _DraftingFindBar
{
  GtkWidget             parent_instance;

  GtkRevealer          *revealer;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
  GtkToggleButton      *case_button;
  GtkToggleButton      *words_button;
  GtkToggleButton      *replace_toggle;
  GtkWidget            *close_button;
  GtkEntry             *replace_entry;
  GtkWidget            *replace_button;
  GtkWidget            *replace_all_button;

  DraftingDocumentView *view;
  DraftingDocument     *document;
  GArray               *matches;
  int                   current;     /* index in matches, or -1 */
  guint                 refresh_source;
  gulong                changed_id;
};

G_DEFINE_FINAL_TYPE (DraftingFindBar, drafting_find_bar, GTK_TYPE_WIDGET)

static DraftingFindFlags
flags (DraftingFindBar *self)
{
  DraftingFindFlags flags = DRAFTING_FIND_NONE;

  if (gtk_toggle_button_get_active (self->case_button))
    flags |= DRAFTING_FIND_MATCH_CASE;
  if (gtk_toggle_button_get_active (self->words_button))
    flags |= DRAFTING_FIND_WHOLE_WORDS;

  return flags;
}

static const DraftingMatch *
current_match (DraftingFindBar *self)
{
  if (self->matches == NULL || self->current < 0 || (guint) self->current >= self->matches->len)
    return NULL;

  return &g_array_index (self->matches, DraftingMatch, self->current);
}

/* The count says how the search went; with nothing to say it is hidden,
 * as an empty label would still be read out, by its class name. */
static void
set_count (DraftingFindBar *self,
           const char      *text)
{
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), text[0] != '\0');
}

static void
show (DraftingFindBar *self)
{
  const DraftingMatch *match = current_match (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] == '\0')
    set_count (self, "");
  else if (self->matches == NULL || self->matches->len == 0)
    set_count (self, _("No results"));
  else
    {
      /* Translators: the match shown, of how many: "3 of 12" */
      g_autofree char *count = g_strdup_printf (_("%d of %u"), self->current + 1, self->matches->len);

      set_count (self, count);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->replace_entry), match != NULL || text[0] != '\0');
  drafting_document_view_set_matches (self->view, self->matches, match);
  if (match != NULL)
    drafting_document_view_reveal_node (self->view, match->node);
}

/* The first match at or after the cursor. */
static int
first_after_cursor (DraftingFindBar *self)
{
  DraftingNode *node;
  guint offset;
  guint end;
  guint position;

  if (self->matches->len == 0)
    return -1;

  if (!drafting_document_view_get_cursor (self->view, &node, &offset, &end))
    return 0;

  position = drafting_document_get_position (self->document, node);
  for (guint i = 0; i < self->matches->len; i++)
    {
      DraftingMatch *match = &g_array_index (self->matches, DraftingMatch, i);
      guint at = drafting_document_get_position (self->document, match->node);

      if (at > position || (at == position && (match->in_lead || match->start >= offset)))
        return i;
    }

  return 0;
}

static void
search (DraftingFindBar *self,
        gboolean         keep_place)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const DraftingMatch *was = current_match (self);
  DraftingMatch previous = { NULL, FALSE, 0, 0 };

  if (was != NULL)
    previous = *was;

  g_clear_pointer (&self->matches, g_array_unref);
  self->current = -1;

  if (self->document == NULL)
    return;

  self->matches = drafting_document_find (self->document, text, flags (self));

  if (keep_place && previous.node != NULL)
    {
      guint position = drafting_node_get_document (previous.node) == self->document
                       ? drafting_document_get_position (self->document, previous.node) : 0;

      for (guint i = 0; i < self->matches->len; i++)
        {
          DraftingMatch *match = &g_array_index (self->matches, DraftingMatch, i);
          guint at = drafting_document_get_position (self->document, match->node);

          if (at > position || (at == position && match->start >= previous.start))
            {
              self->current = i;
              break;
            }
        }
      if (self->current < 0 && self->matches->len > 0)
        self->current = 0;
    }
  else
    self->current = first_after_cursor (self);

  show (self);
}

static void
on_search_changed (DraftingFindBar *self)
{
  search (self, FALSE);
}

static gboolean
refresh (gpointer data)
{
  DraftingFindBar *self = data;

  self->refresh_source = 0;
  if (gtk_revealer_get_reveal_child (self->revealer))
    search (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed (DraftingDocument *document G_GNUC_UNUSED,
                     DraftingFindBar  *self)
{
  if (self->refresh_source == 0 && gtk_revealer_get_reveal_child (self->revealer))
    self->refresh_source = g_idle_add (refresh, self);
}

/**
 * drafting_find_bar_move:
 * @forward: to the next match, or else the previous one
 */
void
drafting_find_bar_move (DraftingFindBar *self,
                        gboolean         forward)
{
  g_return_if_fail (DRAFTING_IS_FIND_BAR (self));

  if (!gtk_revealer_get_reveal_child (self->revealer))
    {
      drafting_find_bar_begin (self, FALSE);
      return;
    }

  if (self->matches == NULL || self->matches->len == 0)
    return;

  if (forward)
    self->current = (self->current + 1) % self->matches->len;
  else
    self->current = (self->current + self->matches->len - 1) % self->matches->len;

  show (self);
}

static void
on_next (DraftingFindBar *self)
{
  drafting_find_bar_move (self, TRUE);
}

static void
on_previous (DraftingFindBar *self)
{
  drafting_find_bar_move (self, FALSE);
}

static void
on_entry_activate (DraftingFindBar *self)
{
  drafting_find_bar_move (self, TRUE);
}

static void
on_replace (DraftingFindBar *self)
{
  const DraftingMatch *match = current_match (self);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  if (match == NULL)
    return;

  if (match->in_lead)
    {
      GString *lead = g_string_new (drafting_node_get_lead (match->node));

      g_string_erase (lead, match->start, match->end - match->start);
      g_string_insert (lead, match->start, replacement);
      drafting_document_set_lead (self->document, match->node, lead->str, DRAFTING_EDIT_NONE);
      g_string_free (lead, TRUE);
    }
  else
    drafting_document_replace_text (self->document, match->node, match->start, match->end, replacement);

  /* The next match is the one after the replaced text. */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  {
    DraftingMatch after = *match;

    after.start += strlen (replacement);
    g_array_index (self->matches, DraftingMatch, self->current) = after;
    search (self, TRUE);
  }
}

static void
on_replace_all (DraftingFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autofree char *message = NULL;
  guint count;

  if (self->document == NULL || text[0] == '\0')
    return;

  count = drafting_document_replace_all (self->document, text, replacement, flags (self));
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  search (self, FALSE);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replaced %u match", "Replaced %u matches", count),
                             count);
  set_count (self, message);
}

/**
 * drafting_find_bar_begin:
 * @replace: whether to show the replace entry too
 *
 * Opens the bar, with the words selected in the document to look for.
 */
void
drafting_find_bar_begin (DraftingFindBar *self,
                         gboolean         replace)
{
  DraftingNode *node;
  guint offset;
  guint end;

  g_return_if_fail (DRAFTING_IS_FIND_BAR (self));

  if (self->view != NULL && drafting_document_view_get_cursor (self->view, &node, &offset, &end) && end > offset)
    {
      const char *text = drafting_node_get_text (node);
      g_autofree char *selected = g_strndup (text + offset, end - offset);

      if (strchr (selected, '\n') == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_toggle_button_set_active (self->replace_toggle, replace || gtk_toggle_button_get_active (self->replace_toggle));
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  search (self, FALSE);
}

/**
 * drafting_find_bar_end:
 *
 * Closes the bar; the cursor goes to the match it was on.
 */
void
drafting_find_bar_end (DraftingFindBar *self)
{
  const DraftingMatch *match;

  g_return_if_fail (DRAFTING_IS_FIND_BAR (self));

  match = current_match (self);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);

  if (self->view != NULL)
    {
      drafting_document_view_set_matches (self->view, NULL, NULL);
      if (match != NULL && !match->in_lead)
        drafting_document_view_focus_node (self->view, match->node, match->start, match->end - match->start);
      else if (match != NULL)
        drafting_document_view_focus_node (self->view, match->node, 0, 0);
    }

  g_clear_pointer (&self->matches, g_array_unref);
  self->current = -1;
}

guint
drafting_find_bar_get_n_matches (DraftingFindBar *self)
{
  g_return_val_if_fail (DRAFTING_IS_FIND_BAR (self), 0);

  return self->matches ? self->matches->len : 0;
}

void
drafting_find_bar_set_view (DraftingFindBar      *self,
                            DraftingDocumentView *view)
{
  g_return_if_fail (DRAFTING_IS_FIND_BAR (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->view, view);
  g_clear_object (&self->document);
  if (view != NULL && drafting_document_view_get_document (view) != NULL)
    self->document = g_object_ref (drafting_document_view_get_document (view));
  if (self->document != NULL)
    self->changed_id = g_signal_connect (self->document, "changed", G_CALLBACK (on_document_changed), self);
}

/* Tab goes from the search field to the replacement field, then to the
 * buttons: GTK would go by the places on screen, from the search field to
 * the buttons beside it, and what was meant for the replacement would
 * press them. */
static gboolean
drafting_find_bar_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  DraftingFindBar *self = DRAFTING_FIND_BAR (widget);
  GtkWidget * const order[] = {
    GTK_WIDGET (self->search_entry), GTK_WIDGET (self->replace_entry),
    self->replace_button, self->replace_all_button,
    self->previous_button, self->next_button,
    GTK_WIDGET (self->case_button), GTK_WIDGET (self->words_button),
    GTK_WIDGET (self->replace_toggle), self->close_button,
  };
  int n = G_N_ELEMENTS (order);
  int step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int current = -1;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (drafting_find_bar_parent_class)->focus (widget, direction);

  for (int i = 0; i < n && focus != NULL; i++)
    if (focus == order[i] || gtk_widget_is_ancestor (focus, order[i]))
      current = i;

  if (current < 0)
    current = step > 0 ? -1 : n;

  for (int i = current + step; i >= 0 && i < n; i += step)
    if (gtk_widget_is_drawable (order[i]) && gtk_widget_child_focus (order[i], direction))
      return TRUE;

  return FALSE;
}

static void
drafting_find_bar_dispose (GObject *object)
{
  DraftingFindBar *self = (DraftingFindBar *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  drafting_find_bar_set_view (self, NULL);
  g_clear_pointer (&self->matches, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_FIND_BAR);

  G_OBJECT_CLASS (drafting_find_bar_parent_class)->dispose (object);
}

static void
drafting_find_bar_class_init (DraftingFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_find_bar_dispose;
  widget_class->focus = drafting_find_bar_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, words_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, close_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, replace_button);
  gtk_widget_class_bind_template_child (widget_class, DraftingFindBar, replace_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_next);
  gtk_widget_class_bind_template_callback (widget_class, on_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_replace);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all);
  gtk_widget_class_bind_template_callback (widget_class, drafting_find_bar_end);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
drafting_find_bar_init (DraftingFindBar *self)
{
  self->current = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
}
