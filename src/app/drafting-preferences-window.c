/* drafting-preferences-window.c: the application's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-preferences-window.h"

/*
 * Each control is bound to its key in the application's settings, so that
 * a change takes effect at once and a change made elsewhere (the command
 * line, another window) shows here. The style is an enumeration in the
 * schema and a position in the list of choices here; the two mappings
 * below translate between them.
 */

struct _DraftingPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwEntryRow          *delegation_row;
  AdwEntryRow          *author_row;
  AdwComboRow          *style_row;
  GtkSwitch            *outline_switch;
  GtkSpinButton        *autosave_spin;
  GtkSwitch            *restore_switch;
};

G_DEFINE_FINAL_TYPE (DraftingPreferencesWindow, drafting_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of org.wco.drafting.StyleVariant, in the order of the choices */
static const char * const style_variants[] = { "default", "light", "dark" };

static gboolean
style_variant_to_position (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data G_GNUC_UNUSED)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_str_equal (nick, style_variants[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_style_variant (const GValue       *value,
                           const GVariantType *expected_type G_GNUC_UNUSED,
                           gpointer            user_data G_GNUC_UNUSED)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (style_variants))
    return NULL;

  return g_variant_new_string (style_variants[position]);
}

static void
drafting_preferences_window_dispose (GObject *object)
{
  DraftingPreferencesWindow *self = (DraftingPreferencesWindow *) object;

  if (self->style_row != NULL)
    {
      g_settings_unbind (self->delegation_row, "text");
      g_settings_unbind (self->author_row, "text");
      g_settings_unbind (self->style_row, "selected");
      g_settings_unbind (self->outline_switch, "active");
      g_settings_unbind (self->autosave_spin, "value");
      g_settings_unbind (self->restore_switch, "active");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (drafting_preferences_window_parent_class)->dispose (object);
}

static void
drafting_preferences_window_finalize (GObject *object)
{
  DraftingPreferencesWindow *self = (DraftingPreferencesWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (drafting_preferences_window_parent_class)->finalize (object);
}

static void
drafting_preferences_window_class_init (DraftingPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_preferences_window_dispose;
  object_class->finalize = drafting_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/wco/drafting/ui/drafting-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, outline_switch);
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, DraftingPreferencesWindow, restore_switch);
}

static void
drafting_preferences_window_init (DraftingPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2's search button has no tooltip and no name. */
  drafting_accessible_name_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind (self->settings, "delegation",
                   self->delegation_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-name",
                   self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_variant_to_position,
                                position_to_style_variant,
                                NULL, NULL);
  g_settings_bind (self->settings, "show-outline",
                   self->outline_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-interval",
                   self->autosave_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "restore-drafts",
                   self->restore_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * drafting_preferences_window_new:
 *
 * Returns: (transfer full): a window that shows and changes the settings of
 *   the application as one chooses
 */
GtkWidget *
drafting_preferences_window_new (void)
{
  return g_object_new (DRAFTING_TYPE_PREFERENCES_WINDOW, NULL);
}
