/* test-properties.c: the document's properties window and the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-gui-test-utils.h"
#include "drafting-preferences-window.h"
#include "drafting-properties-window.h"
#include "drafting-test-utils.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static GtkWidget *
get_row (GtkWidget  *window,
         const char *name,
         GType       type)
{
  GtkWidget *row = drafting_gui_test_find_named (window, name);

  if (row == NULL)
    g_error ("No row named “%s”", name);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (row, type));

  return row;
}

/* Every row has a title, which is what a screen reader says of it. */
static guint
assert_rows_titled (GtkWidget *root)
{
  guint n = 0;

  if (ADW_IS_PREFERENCES_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_rows_titled (child);

  return n;
}

/* Renders @window as it shows now and returns the mean brightness of its
 * pixels, from 0 to 255; saves the picture in DRAFTING_TEST_SCREENSHOT_DIR
 * when that is set, to look at. */
static double
render_window (GtkWidget  *window,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  const char *dir = g_getenv ("DRAFTING_TEST_SCREENSHOT_DIR");
  GskRenderer *renderer;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  gsize stride;
  guint64 sum = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  if (dir != NULL)
    {
      g_autofree char *basename = g_strconcat (name, ".png", NULL);
      g_autofree char *path = g_build_filename (dir, basename, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("Saved %s", path);
    }

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  for (gsize i = 0; i < stride * height; i += 4)
    sum += pixels[i] + pixels[i + 1] + pixels[i + 2];

  return (double) sum / (3.0 * width * height);
}

/* Renders @window in the light style and in the dark one. */
static void
render_light_and_dark (GtkWidget  *window,
                       const char *name)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *light_name = g_strconcat (name, "-light", NULL);
  g_autofree char *dark_name = g_strconcat (name, "-dark", NULL);
  double light, dark;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  drafting_gui_test_present (window);
  light = render_window (window, light_name);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  drafting_gui_test_present (window);
  dark = render_window (window, dark_name);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  g_test_message ("%s: mean brightness %.0f light, %.0f dark", name, light, dark);
  g_assert_cmpfloat (light, >, 128);
  g_assert_cmpfloat (dark, <, 128);
}

static void
assert_setting_string (GSettings  *settings,
                       const char *key,
                       const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (editable), -1);

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      drafting_gui_test_iterate ();
    }
}

/* ------------------------------------------------------------------ */
/* Document properties                                                 */

static void
test_properties_rows (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);
  GtkWidget *row;

  g_assert_true (DRAFTING_IS_PROPERTIES_WINDOW (window));
  g_assert_true (drafting_properties_window_get_document (DRAFTING_PROPERTIES_WINDOW (window)) == document);
  g_assert_true (adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (window)));

  /* The rows show the document as it is */
  row = get_row (window, "title", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, drafting_document_get_title (document));
  row = get_row (window, "body", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, drafting_document_get_body (document));
  row = get_row (window, "symbol", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, drafting_document_get_symbol (document));
  row = get_row (window, "place", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, drafting_document_get_place (document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Luxor");
  row = get_row (window, "date", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "December 2017");

  row = get_row (window, "document-type", ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, DRAFTING_DOCUMENT_RESOLUTION);

  row = get_row (window, "language", ADW_TYPE_COMBO_ROW);
  g_assert_cmpstr (drafting_document_get_language (document), ==, "en");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 6);

  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    {
      g_autofree char *name = g_strconcat ("numbering-", drafting_numbering_slot_to_string (slot), NULL);

      row = get_row (window, name, ADW_TYPE_COMBO_ROW);
      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                        ==, DRAFTING_N_NUMBER_STYLES);
      g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)),
                        ==, drafting_document_get_numbering (document, slot));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       ==, drafting_numbering_slot_get_display_name (slot));
    }

  g_assert_cmpuint (assert_rows_titled (window), ==, 8 + DRAFTING_N_NUMBERING_SLOTS);

  /* Nothing was changed by showing it */
  g_assert_false (drafting_document_can_undo (document));

  drafting_gui_test_destroy (window);
  g_assert_cmpint (G_OBJECT (document)->ref_count, ==, 1);
}

static void
test_properties_title (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);
  g_autofree char *original = g_strdup (drafting_document_get_title (document));
  g_autofree char *expected = g_strconcat (original, " (revised)", NULL);
  GtkEditable *title_row;
  guint64 changes;

  drafting_gui_test_present (window);

  title_row = GTK_EDITABLE (get_row (window, "title", ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, original);
  g_assert_cmpstr (original, !=, "");

  /* Typing changes the title as one types, as one step of undo */
  gtk_widget_grab_focus (GTK_WIDGET (title_row));
  type_text (title_row, " (revised)");
  g_assert_cmpstr (drafting_document_get_title (document), ==, expected);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, expected);
  g_assert_true (drafting_document_can_undo (document));

  /* Undo restores the row's text, and is one step */
  g_assert_true (drafting_document_undo (document));
  drafting_gui_test_iterate ();
  g_assert_cmpstr (drafting_document_get_title (document), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, original);
  g_assert_false (drafting_document_can_undo (document));

  /* Redo brings it back */
  g_assert_true (drafting_document_redo (document));
  drafting_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, expected);

  /* A change from the document shows without coming back as another */
  changes = drafting_document_get_change_count (document);
  drafting_document_set_symbol (document, "PC0484E");
  drafting_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (window, "symbol", ADW_TYPE_ENTRY_ROW))),
                   ==, "PC0484E");
  g_assert_cmpuint (drafting_document_get_change_count (document), ==, changes + 1);

  /* The other text rows set their property too */
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, "body", ADW_TYPE_ENTRY_ROW)), "Council");
  g_assert_cmpstr (drafting_document_get_body (document), ==, "Council");
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, "place", ADW_TYPE_ENTRY_ROW)), "Brussels");
  g_assert_cmpstr (drafting_document_get_place (document), ==, "Brussels");
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, "date", ADW_TYPE_ENTRY_ROW)), "June 2018");
  g_assert_cmpstr (drafting_document_get_date (document), ==, "June 2018");

  drafting_gui_test_destroy (window);
  g_assert_cmpint (G_OBJECT (document)->ref_count, ==, 1);

  /* The window is gone: the document changes without it */
  drafting_document_set_title (document, "Another title");
  drafting_document_undo (document);
}

static void
test_properties_status (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);
  AdwComboRow *status_row;
  AdwComboRow *type_row;

  drafting_gui_test_present (window);

  /* The corpus document is a draft */
  status_row = ADW_COMBO_ROW (get_row (window, "status", ADW_TYPE_COMBO_ROW));
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DRAFTING_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (status_row)), ==, 3);

  /* Choosing a status sets it */
  adw_combo_row_set_selected (status_row, DRAFTING_STATUS_ADOPTED);
  g_assert_cmpint (drafting_document_get_status (document), ==, DRAFTING_STATUS_ADOPTED);

  /* A status set elsewhere, or undone, shows */
  drafting_document_set_status (document, DRAFTING_STATUS_REVISED);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DRAFTING_STATUS_REVISED);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DRAFTING_STATUS_ADOPTED);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DRAFTING_STATUS_DRAFT);
  g_assert_false (drafting_document_can_undo (document));

  /* The type, alike */
  type_row = ADW_COMBO_ROW (get_row (window, "document-type", ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (type_row, DRAFTING_DOCUMENT_GENERIC);
  g_assert_cmpint (drafting_document_get_document_type (document), ==, DRAFTING_DOCUMENT_GENERIC);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (type_row), ==, DRAFTING_DOCUMENT_RESOLUTION);

  drafting_gui_test_destroy (window);
}

static void
test_properties_language (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);
  AdwComboRow *language_row;
  GListModel *model;
  g_autoptr(GtkStringObject) item = NULL;

  drafting_gui_test_present (window);

  language_row = ADW_COMBO_ROW (get_row (window, "language", ADW_TYPE_COMBO_ROW));
  model = adw_combo_row_get_model (language_row);

  /* The languages by their own names */
  item = g_list_model_get_item (model, 1);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Français");
  g_clear_object (&item);
  item = g_list_model_get_item (model, 3);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "العربية");
  g_clear_object (&item);

  adw_combo_row_set_selected (language_row, 1);
  g_assert_cmpstr (drafting_document_get_language (document), ==, "fr");

  /* Another language shows by its code, and stays there to go back to */
  drafting_document_set_language (document, "de");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 6);
  item = g_list_model_get_item (model, 6);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "de");
  g_clear_object (&item);

  adw_combo_row_set_selected (language_row, 2);
  g_assert_cmpstr (drafting_document_get_language (document), ==, "es");
  adw_combo_row_set_selected (language_row, 6);
  g_assert_cmpstr (drafting_document_get_language (document), ==, "de");

  /* Each choice is a step of undo */
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_document_get_language (document), ==, "es");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 2);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_document_get_language (document), ==, "de");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 6);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_document_get_language (document), ==, "fr");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 1);
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpstr (drafting_document_get_language (document), ==, "en");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  g_assert_false (drafting_document_can_undo (document));

  drafting_gui_test_destroy (window);
}

static void
test_properties_numbering (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);
  DraftingNode *first = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 0);
  DraftingNode *second = drafting_test_find (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 1);
  DraftingNumberStyle original;
  AdwComboRow *row;
  g_autofree char *number = NULL;
  g_autofree char *original_number = NULL;
  g_autofree char *original_subtitle = NULL;

  g_assert_nonnull (first);
  g_assert_nonnull (second);

  drafting_gui_test_present (window);

  row = ADW_COMBO_ROW (get_row (window, "numbering-operative-paragraph", ADW_TYPE_COMBO_ROW));
  original = drafting_document_get_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH);
  original_number = drafting_node_get_number (first);
  original_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, original);
  g_assert_cmpint (original, !=, DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);

  /* Choosing a style numbers the operative paragraphs with it */
  adw_combo_row_set_selected (row, DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  g_assert_cmpint (drafting_document_get_numbering (document, DRAFTING_NUMBERING_OPERATIVE_PARAGRAPH),
                   ==, DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD);
  number = drafting_node_get_number (first);
  g_assert_cmpstr (number, ==, "I.");
  g_clear_pointer (&number, g_free);
  number = drafting_node_get_number (second);
  g_assert_cmpstr (number, ==, "II.");
  g_clear_pointer (&number, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "I., II., III.");

  adw_combo_row_set_selected (row, DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN);
  number = drafting_node_get_number (second);
  g_assert_cmpstr (number, ==, "(b)");
  g_clear_pointer (&number, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "(a), (b), (c)");

  adw_combo_row_set_selected (row, DRAFTING_NUMBER_STYLE_NONE);
  number = drafting_node_get_number (first);
  g_assert_cmpstr (number, ==, "");
  g_clear_pointer (&number, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not numbered");

  /* Undo shows the style before */
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN);
  g_assert_true (drafting_document_undo (document));
  g_assert_true (drafting_document_undo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, original);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, original_subtitle);
  number = drafting_node_get_number (first);
  g_assert_cmpstr (number, ==, original_number);
  g_clear_pointer (&number, g_free);

  /* A style set elsewhere shows */
  drafting_document_set_numbering (document, DRAFTING_NUMBERING_PRINCIPLE, DRAFTING_NUMBER_STYLE_ARABIC);
  row = ADW_COMBO_ROW (get_row (window, "numbering-principle", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, DRAFTING_NUMBER_STYLE_ARABIC);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1, 2, 3");

  drafting_gui_test_destroy (window);
}

static void
test_properties_render (void)
{
  g_autoptr(DraftingDocument) document = drafting_test_import_corpus ("ecommerce-resolution.txt", NULL);
  GtkWidget *window = drafting_properties_window_new (document);

  /* Tall enough to show every row, numbering included */
  drafting_document_set_symbol (document, "PC0484E");
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 1500);
  render_light_and_dark (window, "properties-window");

  drafting_gui_test_destroy (window);
}

/* ------------------------------------------------------------------ */
/* Preferences                                                         */

static void
test_preferences_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.wco.drafting");
  GtkWidget *window = drafting_preferences_window_new ();
  AdwComboRow *style_row;
  GtkSwitch *outline_switch;
  GtkSwitch *restore_switch;
  GtkSpinButton *autosave_spin;
  GtkAdjustment *adjustment;

  g_assert_true (DRAFTING_IS_PREFERENCES_WINDOW (window));
  g_assert_true (adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (window)));
  g_assert_cmpuint (assert_rows_titled (window), ==, 6);

  drafting_gui_test_present (window);

  /* Who the person is: the delegation their amendments are recorded as. */
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, "delegation", ADW_TYPE_ENTRY_ROW)), "Kenya");
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, "author-name", ADW_TYPE_ENTRY_ROW)), "A. Otieno");
  {
    g_autofree char *delegation = g_settings_get_string (settings, "delegation");
    g_autofree char *author = g_settings_get_string (settings, "author-name");

    g_assert_cmpstr (delegation, ==, "Kenya");
    g_assert_cmpstr (author, ==, "A. Otieno");
  }

  style_row = ADW_COMBO_ROW (get_row (window, "style-variant", ADW_TYPE_COMBO_ROW));
  outline_switch = GTK_SWITCH (drafting_gui_test_find_of_type (get_row (window, "show-outline", ADW_TYPE_ACTION_ROW),
                                             GTK_TYPE_SWITCH));
  restore_switch = GTK_SWITCH (drafting_gui_test_find_of_type (get_row (window, "restore-drafts", ADW_TYPE_ACTION_ROW),
                                             GTK_TYPE_SWITCH));
  autosave_spin = GTK_SPIN_BUTTON (drafting_gui_test_find_of_type (get_row (window, "autosave-interval", ADW_TYPE_ACTION_ROW),
                                                 GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (outline_switch);
  g_assert_nonnull (restore_switch);
  g_assert_nonnull (autosave_spin);

  /* The controls show the settings */
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, g_settings_get_enum (settings, "style-variant"));
  g_assert_cmpint (gtk_switch_get_active (outline_switch), ==, g_settings_get_boolean (settings, "show-outline"));
  g_assert_cmpint (gtk_switch_get_active (restore_switch), ==, g_settings_get_boolean (settings, "restore-drafts"));
  g_assert_cmpfloat (gtk_spin_button_get_value (autosave_spin), ==, g_settings_get_uint (settings, "autosave-interval"));

  adjustment = gtk_spin_button_get_adjustment (autosave_spin);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 60);

  /* Changing a control changes its setting */
  adw_combo_row_set_selected (style_row, 2);
  assert_setting_string (settings, "style-variant", "dark");
  adw_combo_row_set_selected (style_row, 1);
  assert_setting_string (settings, "style-variant", "light");
  adw_combo_row_set_selected (style_row, 0);
  assert_setting_string (settings, "style-variant", "default");

  gtk_switch_set_active (outline_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "show-outline"));
  gtk_switch_set_active (outline_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-outline"));

  gtk_switch_set_active (restore_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "restore-drafts"));

  gtk_spin_button_set_value (autosave_spin, 17);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 17);
  gtk_spin_button_set_value (autosave_spin, 600);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 60);

  /* Changing a setting elsewhere shows in its control */
  g_settings_set_string (settings, "style-variant", "dark");
  drafting_gui_test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);
  g_settings_set_boolean (settings, "restore-drafts", TRUE);
  drafting_gui_test_iterate ();
  g_assert_true (gtk_switch_get_active (restore_switch));
  g_settings_set_uint (settings, "autosave-interval", 30);
  drafting_gui_test_iterate ();
  g_assert_cmpfloat (gtk_spin_button_get_value (autosave_spin), ==, 30);

  drafting_gui_test_destroy (window);

  /* Back to the defaults for what follows */
  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "show-outline");
  g_settings_reset (settings, "autosave-interval");
  g_settings_reset (settings, "restore-drafts");
}

static void
test_preferences_render (void)
{
  GtkWidget *window = drafting_preferences_window_new ();

  render_light_and_dark (window, "preferences-window");

  drafting_gui_test_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);

  g_test_add_func ("/properties/rows", test_properties_rows);
  g_test_add_func ("/properties/title", test_properties_title);
  g_test_add_func ("/properties/status", test_properties_status);
  g_test_add_func ("/properties/language", test_properties_language);
  g_test_add_func ("/properties/numbering", test_properties_numbering);
  g_test_add_func ("/properties/render", test_properties_render);
  g_test_add_func ("/preferences/settings", test_preferences_settings);
  g_test_add_func ("/preferences/render", test_preferences_render);

  return g_test_run ();
}
