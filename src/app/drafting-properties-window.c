/* drafting-properties-window.c: the title, symbol, status, place, date, language and numbering of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-properties-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-properties-window.h"

/*
 * The window edits the document's properties in place: there is nothing to
 * apply or cancel. Typing in a row sets the property at once, and the
 * document makes one step of undo of the whole word; a change that comes
 * from the document (undo, redo, another window) is shown in the row.
 *
 * The text rows are bound to the document's properties both ways; GBinding
 * does not let a change echo back. The choices (status, type, language,
 * numbering) are synchronised by hand, with `updating` set while the window
 * shows what the document holds, so that showing a value never writes it.
 */

struct _DraftingPropertiesWindow
{
  AdwPreferencesWindow  parent_instance;

  DraftingDocument     *document;
  GPtrArray            *bindings;
  GtkStringList        *languages;
  char                 *other_language;

  /* Template children */
  AdwEntryRow          *title_row;
  AdwEntryRow          *body_row;
  AdwEntryRow          *symbol_row;
  AdwComboRow          *status_row;
  AdwComboRow          *type_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *date_row;
  AdwComboRow          *language_row;
  AdwPreferencesGroup  *numbering_group;

  AdwComboRow          *numbering_rows[DRAFTING_N_NUMBERING_SLOTS];

  guint                 updating : 1;
};

G_DEFINE_FINAL_TYPE (DraftingPropertiesWindow, drafting_properties_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The languages of the WCO and of the UN, each by its own name: these are
 * not translated. A document in another language shows its code. */
static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "fr", "Français" },
  { "es", "Español" },
  { "ar", "العربية" },
  { "ru", "Русский" },
  { "pt", "Português" },
};

static const char * const type_names[] = {
  [DRAFTING_DOCUMENT_RESOLUTION] = NC_("document type", "Resolution"),
  [DRAFTING_DOCUMENT_COMMUNIQUE] = NC_("document type", "Communiqué"),
  [DRAFTING_DOCUMENT_GENERIC]    = NC_("document type", "Other"),
};

/* ------------------------------------------------------------------ */
/* Status and type                                                     */

static void
sync_status (DraftingPropertiesWindow *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, drafting_document_get_status (self->document));
  self->updating = FALSE;
}

static void
on_status_selected (DraftingPropertiesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || selected > DRAFTING_STATUS_ADOPTED)
    return;

  drafting_document_set_status (self->document, (DraftingStatus) selected);
}

static void
sync_type (DraftingPropertiesWindow *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->type_row, drafting_document_get_document_type (self->document));
  self->updating = FALSE;
}

static void
on_type_selected (DraftingPropertiesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->updating || selected > DRAFTING_DOCUMENT_GENERIC)
    return;

  drafting_document_set_document_type (self->document, (DraftingDocumentType) selected);
}

/* ------------------------------------------------------------------ */
/* Language                                                            */

static guint
find_language (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (languages[i].code, code) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* A language other than the six is shown by its code, as one more choice
 * after them; once shown it stays, so that one can go back to it. */
static void
sync_language (DraftingPropertiesWindow *self)
{
  const char *code = drafting_document_get_language (self->document);
  guint position = find_language (code);

  self->updating = TRUE;

  if (position == GTK_INVALID_LIST_POSITION)
    {
      const char *label = code[0] != '\0' ? code : _("Not specified");
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->languages));

      g_free (self->other_language);
      self->other_language = g_strdup (code);

      gtk_string_list_splice (self->languages,
                              G_N_ELEMENTS (languages),
                              n_items - G_N_ELEMENTS (languages),
                              (const char * const []) { label, NULL });
      position = G_N_ELEMENTS (languages);
    }

  adw_combo_row_set_selected (self->language_row, position);

  self->updating = FALSE;
}

static void
on_language_selected (DraftingPropertiesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  const char *code = NULL;

  if (self->updating)
    return;

  if (selected < G_N_ELEMENTS (languages))
    code = languages[selected].code;
  else if (selected == G_N_ELEMENTS (languages))
    code = self->other_language;

  if (code == NULL)
    return;

  /* A choice is a step of undo of its own: alone, the document would join
   * changes of the language one after another as it joins typing. */
  drafting_document_begin_action (self->document, _("Change Language"));
  drafting_document_set_language (self->document, code);
  drafting_document_end_action (self->document);
}

/* ------------------------------------------------------------------ */
/* Numbering                                                           */

/* What the first three numbers of a list look like in @style. */
static char *
format_example (DraftingNumberStyle style)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  if (style == DRAFTING_NUMBER_STYLE_NONE)
    return g_strdup (_("Not numbered"));

  if (style == DRAFTING_NUMBER_STYLE_BULLET)
    {
      first = g_strdup ("•");
      second = g_strdup ("•");
      third = g_strdup ("•");
    }
  else
    {
      first = drafting_number_style_format (style, 1);
      second = drafting_number_style_format (style, 2);
      third = drafting_number_style_format (style, 3);
    }

  /* Translators: an example of how a list is numbered, such as "1., 2., 3." */
  return g_strdup_printf (C_("numbering example", "%s, %s, %s"), first, second, third);
}

static void
sync_numbering (DraftingPropertiesWindow *self)
{
  self->updating = TRUE;

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      DraftingNumberStyle style = drafting_document_get_numbering (self->document, slot);
      g_autofree char *example = format_example (style);

      adw_combo_row_set_selected (self->numbering_rows[slot], style);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->numbering_rows[slot]), example);
    }

  self->updating = FALSE;
}

static void
on_numbering_selected (AdwComboRow              *row,
                       GParamSpec               *pspec G_GNUC_UNUSED,
                       DraftingPropertiesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= DRAFTING_N_NUMBER_STYLES)
    return;

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    if (self->numbering_rows[slot] == row)
      {
        drafting_document_set_numbering (self->document, slot, (DraftingNumberStyle) selected);
        break;
      }

  /* The document says nothing when the style was already that one. */
  sync_numbering (self);
}

static void
create_numbering_rows (DraftingPropertiesWindow *self)
{
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);

  for (guint style = 0; style < DRAFTING_N_NUMBER_STYLES; style++)
    gtk_string_list_append (styles, drafting_number_style_get_display_name (style));

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      g_autofree char *name = g_strconcat ("numbering-", drafting_numbering_slot_to_string (slot), NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      gtk_widget_set_name (GTK_WIDGET (row), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     drafting_numbering_slot_get_display_name (slot));
      adw_combo_row_set_model (row, G_LIST_MODEL (styles));
      adw_preferences_group_add (self->numbering_group, GTK_WIDGET (row));

      self->numbering_rows[slot] = row;
    }
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void
bind_text (DraftingPropertiesWindow *self,
           const char               *property,
           AdwEntryRow              *row)
{
  GBinding *binding;

  binding = g_object_bind_property (self->document, property, row, "text",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
drafting_properties_window_constructed (GObject *object)
{
  DraftingPropertiesWindow *self = (DraftingPropertiesWindow *) object;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (type_names) == DRAFTING_DOCUMENT_GENERIC + 1);

  G_OBJECT_CLASS (drafting_properties_window_parent_class)->constructed (object);

  g_assert (DRAFTING_IS_DOCUMENT (self->document));

  bind_text (self, "title", self->title_row);
  bind_text (self, "body", self->body_row);
  bind_text (self, "symbol", self->symbol_row);
  bind_text (self, "place", self->place_row);
  bind_text (self, "date", self->date_row);

  for (guint status = DRAFTING_STATUS_DRAFT; status <= DRAFTING_STATUS_ADOPTED; status++)
    gtk_string_list_append (statuses, drafting_status_get_display_name (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  for (guint type = 0; type < G_N_ELEMENTS (type_names); type++)
    gtk_string_list_append (types, g_dpgettext2 (GETTEXT_PACKAGE, "document type", type_names[type]));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (self->languages, languages[i].name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (self->languages));

  create_numbering_rows (self);

  sync_status (self);
  sync_type (self);
  sync_language (self);
  sync_numbering (self);

  g_signal_connect_swapped (self->status_row, "notify::selected",
                            G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->type_row, "notify::selected",
                            G_CALLBACK (on_type_selected), self);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_language_selected), self);
  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    g_signal_connect (self->numbering_rows[slot], "notify::selected",
                      G_CALLBACK (on_numbering_selected), self);

  g_signal_connect_swapped (self->document, "notify::status",
                            G_CALLBACK (sync_status), self);
  g_signal_connect_swapped (self->document, "notify::document-type",
                            G_CALLBACK (sync_type), self);
  g_signal_connect_swapped (self->document, "notify::language",
                            G_CALLBACK (sync_language), self);
  g_signal_connect_swapped (self->document, "numbering-changed",
                            G_CALLBACK (sync_numbering), self);
}

static void
drafting_properties_window_dispose (GObject *object)
{
  DraftingPropertiesWindow *self = (DraftingPropertiesWindow *) object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  if (self->bindings != NULL)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_clear_pointer (&self->bindings, g_ptr_array_unref);
    }

  memset (self->numbering_rows, 0, sizeof self->numbering_rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_PROPERTIES_WINDOW);

  G_OBJECT_CLASS (drafting_properties_window_parent_class)->dispose (object);
}

static void
drafting_properties_window_finalize (GObject *object)
{
  DraftingPropertiesWindow *self = (DraftingPropertiesWindow *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->languages);
  g_clear_pointer (&self->other_language, g_free);

  G_OBJECT_CLASS (drafting_properties_window_parent_class)->finalize (object);
}

static void
drafting_properties_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DraftingPropertiesWindow *self = DRAFTING_PROPERTIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_properties_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DraftingPropertiesWindow *self = DRAFTING_PROPERTIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_properties_window_class_init (DraftingPropertiesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = drafting_properties_window_constructed;
  object_class->dispose = drafting_properties_window_dispose;
  object_class->finalize = drafting_properties_window_finalize;
  object_class->get_property = drafting_properties_window_get_property;
  object_class->set_property = drafting_properties_window_set_property;

  /**
   * DraftingPropertiesWindow:document:
   *
   * The document whose properties the window shows and changes.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/wco/drafting/ui/drafting-properties-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, body_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, type_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DraftingPropertiesWindow, numbering_group);
}

static void
drafting_properties_window_init (DraftingPropertiesWindow *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->languages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2's search button has no tooltip and no name. */
  drafting_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * drafting_properties_window_new:
 * @document: the document to show
 *
 * Returns: (transfer full): a window that shows and changes the properties
 *   of @document as one types and chooses
 */
GtkWidget *
drafting_properties_window_new (DraftingDocument *document)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  return g_object_new (DRAFTING_TYPE_PROPERTIES_WINDOW,
                       "document", document,
                       NULL);
}

/**
 * drafting_properties_window_get_document:
 *
 * Returns: (transfer none): the document whose properties are shown
 */
DraftingDocument *
drafting_properties_window_get_document (DraftingPropertiesWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_PROPERTIES_WINDOW (self), NULL);

  return self->document;
}
