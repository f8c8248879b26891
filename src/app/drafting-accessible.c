/* drafting-accessible.c: names for the controls GTK 4.8 and libadwaita 1.2 leave badly named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-accessible"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-accessible.h"

/*
 * GTK 4.8 gives a button made with a mnemonic ("_Cancel", as
 * AdwMessageDialog's responses and GtkInfoBar's buttons are) the label
 * with its underscore as its accessible label, and also the label inside
 * as what labels it: a screen reader reads both, "_Cancel Cancel". A button with
 * only an icon and a tooltip has no name at all, and is read as its
 * image, "GtkImage": libadwaita 1.2's tab close buttons, and the search
 * button of a preferences window, which has no tooltip either. These
 * functions give such buttons the name a person reads on screen.
 */

/**
 * drafting_accessible_strip_mnemonic:
 *
 * Returns: (transfer full): @label as it is shown: "_Cancel" is "Cancel",
 *   "__" an underscore
 */
char *
drafting_accessible_strip_mnemonic (const char *label)
{
  GString *shown;

  g_return_val_if_fail (label != NULL, NULL);

  shown = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));
  g_autofree char *name = NULL;

  if (label != NULL && gtk_button_get_use_underline (button))
    {
      /* The label inside names the button already (GTK makes it the
       * button's labelled-by relation, as the mnemonic's widget): the
       * label property, said first, goes. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  else if (label == NULL && tooltip != NULL)
    name = g_strdup (tooltip);
  else if (label == NULL && g_strcmp0 (gtk_button_get_icon_name (button), "edit-find-symbolic") == 0)
    {
      /* AdwPreferencesWindow's search button: a tooltip says it to everyone. */
      name = g_strdup (_("Search"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), name);
    }

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

/**
 * drafting_accessible_name_buttons:
 *
 * Names every button in @widget and below it as it reads on screen:
 * without its mnemonic's underscore, or after its tooltip when it shows
 * only an icon; a search entry as what it searches. Call it once the buttons are made, before the widget is
 * shown.
 */
void
drafting_accessible_name_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    name_button (GTK_BUTTON (widget));
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      /* Else read as "GtkSearchEntry". */
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      placeholder != NULL && placeholder[0] != '\0' ? placeholder : _("Search"),
                                      -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    drafting_accessible_name_buttons (child);
}

/**
 * drafting_accessible_name_dropdown:
 * @dropdown: a drop-down
 * @name: what it chooses, as a person reads it
 *
 * GTK 4.8 leaves the button of a drop-down without a name: a screen
 * reader reads "GtkToggleButton". It is given @name.
 */
void
drafting_accessible_name_dropdown (GtkDropDown *dropdown,
                                   const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}
