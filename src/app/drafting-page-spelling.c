/* drafting-page-spelling.c: a page's spelling: the words underlined, the dialog, the dictionary missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-page-private.h"
#include "drafting-spelling-dialog.h"

/*
 * A page keeps one DraftingSpellCache for its document: the rows of its
 * view underline the words it gives, and the spelling dialog walks the
 * document with it, so that an element is checked once for both. As soon
 * as the page has its document, the whole document is checked in the
 * worker, at a lower priority than the main thread. The
 * "check-spelling" setting turns the underlines on and off (the dialog
 * checks all the same). A language without a dictionary is told once, in
 * a toast, and nothing more is checked in it.
 */

/* The name of a language the WCO works in, or NULL. */
static const char *
language_name (const char *language)
{
  /* Translators: the names of languages, as they go in "No spelling
   * dictionary for %s: spelling is not checked" */
  static const struct { const char *code; const char *name; } names[] = {
    { "ar", N_("Arabic") },
    { "de", N_("German") },
    { "en", N_("English") },
    { "es", N_("Spanish") },
    { "fr", N_("French") },
    { "pt", N_("Portuguese") },
    { "ru", N_("Russian") },
    { "zh", N_("Chinese") },
  };

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (language, names[i].code) &&
        (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
      return _(names[i].name);

  return NULL;
}

/* Says once, for the page, that its language has no dictionary. */
static void
tell_no_dictionary (DraftingPage *self)
{
  const char *language;
  const char *name;
  g_autofree char *message = NULL;

  if (self->told_no_dictionary)
    return;

  self->told_no_dictionary = TRUE;
  language = self->document != NULL ? drafting_document_get_language (self->document) : NULL;
  if (language == NULL || language[0] == '\0')
    language = "en";
  if ((name = language_name (language)) != NULL)
    /* Translators: %s is the name of a language, as "Arabic" */
    message = g_strdup_printf (_("No spelling dictionary for %s: spelling is not checked"), name);
  else
    /* Translators: %s is a language code, as "sw" */
    message = g_strdup_printf (_("No spelling dictionary for “%s”: spelling is not checked"), language);

  drafting_page_toast (self, message);
}

static void
on_spelling_failed (DraftingSpellCache *cache G_GNUC_UNUSED,
                    const GError       *error,
                    DraftingPage       *self)
{
  if (g_error_matches (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY))
    tell_no_dictionary (self);
}

static void
on_document_checked (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DraftingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (drafting_spell_job_run_finish (DRAFTING_SPELL_JOB (object), result, &error))
    return;

  if (g_error_matches (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_NO_DICTIONARY))
    tell_no_dictionary (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The document's spelling is not checked: %s", error->message);
}

/* The whole document, in the worker, as soon as the page has it: its
 * results are handed back once the main loop is idle (the rows first
 * painted), for the rows on screen, those scrolled to and the dialog to
 * find them in the cache. */
static gboolean
check_document (gpointer user_data)
{
  DraftingPage *self = user_data;
  g_autoptr(DraftingSpellJob) job = NULL;

  self->spell_source = 0;
  if (self->document == NULL || !g_settings_get_boolean (self->settings, "check-spelling"))
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->spell_cancellable);
  g_clear_object (&self->spell_cancellable);
  self->spell_cancellable = g_cancellable_new ();

  job = drafting_spell_job_new (self->spell_cache);
  drafting_spell_job_add_document (job, self->document, NULL);
  drafting_spell_job_run_async (job, self->spell_cancellable, on_document_checked, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

void
_drafting_page_spelling_follow_document (DraftingPage *self)
{
  g_clear_handle_id (&self->spell_source, g_source_remove);
  g_cancellable_cancel (self->spell_cancellable);
  if (self->document != NULL)
    self->spell_source = g_idle_add_full (G_PRIORITY_DEFAULT, check_document, self, NULL);
}

static void
update_underlines (DraftingPage *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "check-spelling");

  drafting_document_view_set_spell_cache (self->view, on ? self->spell_cache : NULL);
  if (on)
    _drafting_page_spelling_follow_document (self);
  else
    {
      g_clear_handle_id (&self->spell_source, g_source_remove);
      g_cancellable_cancel (self->spell_cancellable);
    }
}

static void
on_dialog_destroy (GtkWidget    *dialog G_GNUC_UNUSED,
                   DraftingPage *self)
{
  self->spelling_dialog = NULL;
}

static void
action_spelling (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param G_GNUC_UNUSED,
                 gpointer       user_data)
{
  DraftingPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->document == NULL)
    return;

  if (self->spelling_dialog == NULL)
    {
      self->spelling_dialog = GTK_WINDOW (drafting_spelling_dialog_new (self->document, self->view,
                                                                        self->spell_cache));
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (self->spelling_dialog, GTK_WINDOW (root));
      g_signal_connect_object (self->spelling_dialog, "destroy",
                               G_CALLBACK (on_dialog_destroy), self, 0);
    }

  gtk_window_present (self->spelling_dialog);
}

void
_drafting_page_init_spelling (DraftingPage *self)
{
  g_autoptr(GAction) check_spelling = g_settings_create_action (self->settings, "check-spelling");
  g_autoptr(GSimpleAction) spelling = g_simple_action_new ("spelling", NULL);

  self->spell_cache = drafting_spell_cache_new ();
  g_signal_connect_object (self->spell_cache, "failed", G_CALLBACK (on_spelling_failed), self, 0);

  g_action_map_add_action (G_ACTION_MAP (self->actions), check_spelling);
  g_signal_connect (spelling, "activate", G_CALLBACK (action_spelling), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (spelling));

  g_signal_connect_object (self->settings, "changed::check-spelling",
                           G_CALLBACK (update_underlines), self, G_CONNECT_SWAPPED);
  update_underlines (self);
}

void
_drafting_page_dispose_spelling (DraftingPage *self)
{
  g_clear_handle_id (&self->spell_source, g_source_remove);
  g_cancellable_cancel (self->spell_cancellable);
  g_clear_object (&self->spell_cancellable);
  if (self->spelling_dialog != NULL)
    gtk_window_destroy (self->spelling_dialog);
  g_assert (self->spelling_dialog == NULL);
  if (self->spell_cache != NULL)
    g_signal_handlers_disconnect_by_data (self->spell_cache, self);
  g_clear_object (&self->spell_cache);
}
