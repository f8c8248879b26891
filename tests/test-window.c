/* test-window.c: the window's header bar, as it stands with documents and without
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "drafting-gui-test-utils.h"
#include "drafting-outline-view.h"
#include "drafting-page-private.h"
#include "drafting-test-utils.h"
#include "drafting-window.h"

#define WIDE 1300
#define NARROW 640
#define HEIGHT 760

typedef struct
{
  char               *dir;
  DraftingDraftStore *store;
  GSettings          *settings;
  GtkWidget          *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *drafts = NULL;

  fixture->dir = drafting_test_make_tmpdir ();
  drafts = g_build_filename (fixture->dir, "drafts", NULL);
  fixture->store = drafting_draft_store_new (drafts);
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "show-outline");
  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
  g_settings_reset (fixture->settings, "window-maximized");

  fixture->window = GTK_WIDGET (drafting_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDE, HEIGHT);
  drafting_gui_test_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drafting_gui_test_destroy (fixture->window);
  drafting_gui_test_iterate ();

  drafting_file_lock_flush ();
  g_settings_reset (fixture->settings, "show-outline");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  drafting_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static DraftingPage *
add_document (Fixture *fixture)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingDocumentFile) document_file = NULL;
  DraftingPage *page;

  document = drafting_test_load_example ("ecommerce-resolution.wcodraft");
  document_file = drafting_document_file_new (document, NULL, fixture->store);
  page = drafting_window_add_document_file (DRAFTING_WINDOW (fixture->window), document_file);
  drafting_gui_test_wait_frames (fixture->window, 5);

  return page;
}

static GtkWidget *
find_named (Fixture    *fixture,
            const char *name)
{
  GtkWidget *widget = drafting_gui_test_find_named (fixture->window, name);

  g_assert_nonnull (widget);

  return widget;
}

/* The item of the main menu that says @label, as the menu shows it. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (root), "text") != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (root), "active") != NULL)
    {
      g_autofree char *text = NULL;

      g_object_get (root, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the main menu, reads its "Show the Outline" item: whether it is
 * checked, and whether it may be chosen; closes the menu. */
static void
read_outline_item (Fixture  *fixture,
                   gboolean *checked,
                   gboolean *sensitive)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_named (fixture, "primary-menu-button"));
  GtkWidget *item;

  gtk_menu_button_popup (button);
  drafting_gui_test_wait_frames (fixture->window, 3);
  item = find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), "Show the Outline");
  g_assert_nonnull (item);
  g_object_get (item, "active", checked, NULL);
  *sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (button);
  drafting_gui_test_wait_frames (fixture->window, 3);
}

/* Sizes the window as a person drags its edge, and waits for it. */
static void
resize (Fixture *fixture,
        int      width)
{
  int before = gtk_widget_get_width (fixture->window);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, HEIGHT);
  for (guint i = 0; i < 120 && gtk_widget_get_width (fixture->window) == before; i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  drafting_gui_test_wait_frames (fixture->window, 3);
  g_assert_cmpint (ABS (gtk_widget_get_width (fixture->window) - width), <=, 20);
}

static AdwFlap *
flap_of (Fixture *fixture)
{
  return ADW_FLAP (drafting_gui_test_find_of_type (fixture->window, ADW_TYPE_FLAP));
}

/* The outline shown or hidden, once the flap has come to where it goes. */
static gboolean
outline_shown (Fixture *fixture)
{
  AdwFlap *flap = flap_of (fixture);
  GtkWidget *outline;
  double progress;

  for (guint i = 0; i < 300; i++)
    {
      progress = adw_flap_get_reveal_progress (flap);
      if (progress == (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0))
        break;
      drafting_gui_test_wait_frames (fixture->window, 1);
    }
  g_assert_true (progress == (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0));

  outline = drafting_gui_test_find_of_type (fixture->window, DRAFTING_TYPE_OUTLINE_VIEW);

  return progress == 1.0 && gtk_widget_get_mapped (outline) && gtk_widget_get_width (outline) > 0;
}

static gboolean
folded (Fixture *fixture)
{
  return adw_flap_get_folded (flap_of (fixture));
}

/* The toggle, the menu's check, the setting and what is shown say the
 * same, which is @shown. */
static void
assert_outline (Fixture    *fixture,
                gboolean    shown,
                const char *when)
{
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (find_named (fixture, "outline-button"));
  gboolean checked = !shown;
  gboolean sensitive = FALSE;
  gboolean is_shown = outline_shown (fixture);

  read_outline_item (fixture, &checked, &sensitive);
  g_test_message ("%s (%d px, %s): shown %d, toggle %d, menu %d, setting %d", when,
                  gtk_widget_get_width (fixture->window), folded (fixture) ? "folded" : "unfolded",
                  is_shown, gtk_toggle_button_get_active (toggle), checked,
                  g_settings_get_boolean (fixture->settings, "show-outline"));

  g_assert_cmpint (is_shown, ==, shown);
  g_assert_cmpint (gtk_toggle_button_get_active (toggle), ==, shown);
  g_assert_cmpint (checked, ==, shown);
  g_assert_cmpint (g_settings_get_boolean (fixture->settings, "show-outline"), ==, shown);
}

/* ------------------------------------------------------------------ */
/* The outline                                                         */

/* A click on the button, as the pointer's release gives it. */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* Narrowing the window and widening it again changes nothing of the
 * outline: the toggle, the menu's check, the setting and what is shown
 * agree at every width, and what the person chose at one width holds at
 * the others. */
static void
test_outline_one_state (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *toggle;

  add_document (fixture);
  toggle = find_named (fixture, "outline-button");
  assert_outline (fixture, TRUE, "wide");

  resize (fixture, NARROW);
  g_assert_true (folded (fixture));
  assert_outline (fixture, TRUE, "narrowed");

  resize (fixture, WIDE);
  g_assert_false (folded (fixture));
  assert_outline (fixture, TRUE, "widened");

  /* Hidden while narrow, it stays hidden once wide. */
  resize (fixture, NARROW);
  click (toggle);
  assert_outline (fixture, FALSE, "hidden while narrow");
  resize (fixture, WIDE);
  assert_outline (fixture, FALSE, "widened after");

  /* Shown while wide, it stays shown once narrow, and hidden again. */
  click (toggle);
  assert_outline (fixture, TRUE, "shown while wide");
  resize (fixture, NARROW);
  assert_outline (fixture, TRUE, "narrowed after");
  click (toggle);
  assert_outline (fixture, FALSE, "hidden again");
  resize (fixture, WIDE);
  assert_outline (fixture, FALSE, "wide again");

  /* Over the text of a narrow window, the flap hides itself on a click
   * beside it: the toggle, the menu and the setting follow. */
  click (toggle);
  resize (fixture, NARROW);
  assert_outline (fixture, TRUE, "narrow once more");
  adw_flap_set_reveal_flap (flap_of (fixture), FALSE);
  assert_outline (fixture, FALSE, "closed by the flap");
  resize (fixture, WIDE);
  assert_outline (fixture, FALSE, "and wide");
}

/* ------------------------------------------------------------------ */
/* Without a document                                                  */

static void
assert_document_controls (Fixture    *fixture,
                          gboolean    sensitive,
                          const char *when)
{
  GtkWidget *element_button = find_named (fixture, "element-button");
  GtkWidget *outline_button = find_named (fixture, "outline-button");
  gboolean checked;
  gboolean item_sensitive;

  read_outline_item (fixture, &checked, &item_sensitive);
  g_test_message ("%s: “+” menu %d, outline toggle %d, menu item %d", when,
                  gtk_widget_is_sensitive (element_button),
                  gtk_widget_is_sensitive (outline_button), item_sensitive);

  g_assert_cmpint (gtk_widget_is_sensitive (element_button), ==, sensitive);
  g_assert_cmpint (gtk_widget_is_sensitive (outline_button), ==, sensitive);
  g_assert_cmpint (item_sensitive, ==, sensitive);
}

static guint
n_pages (Fixture *fixture)
{
  return drafting_window_get_n_pages (DRAFTING_WINDOW (fixture->window));
}

/* With no document open, what acts on one cannot be chosen; it can once
 * one is open, and no longer once it is closed. */
static void
test_no_document (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpuint (n_pages (fixture), ==, 0);
  assert_document_controls (fixture, FALSE, "no document");

  add_document (fixture);
  assert_document_controls (fixture, TRUE, "a document open");

  g_assert_true (gtk_widget_activate_action (fixture->window, "win.close-page", NULL));
  for (guint i = 0; i < 300 && n_pages (fixture) > 0; i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  g_assert_cmpuint (n_pages (fixture), ==, 0);
  assert_document_controls (fixture, FALSE, "closed again");
}

/* Imported text is named after its file, tab and window alike, and Save
 * As proposes to save it beside that file, under its name. */
static void
test_imported_named (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (fixture->dir, "council-resolution.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GList) toplevels = NULL;
  DraftingPage *page;
  AdwTabView *tabs;

  corpus = g_build_filename (g_getenv ("DRAFTING_CORPUS_DIR"), "ecommerce-resolution.txt", NULL);
  g_assert_true (g_file_get_contents (corpus, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  file = g_file_new_for_path (path);

  drafting_window_open_file (DRAFTING_WINDOW (fixture->window), file);
  for (guint i = 0; i < 600 && n_pages (fixture) == 0; i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
  g_assert_cmpuint (n_pages (fixture), ==, 1);

  page = drafting_window_get_current_page (DRAFTING_WINDOW (fixture->window));
  g_assert_null (drafting_page_get_file (page));
  g_assert_cmpstr (drafting_page_get_name (page), ==, "council-resolution");
  g_assert_cmpstr (drafting_page_get_title (page), ==, "council-resolution");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "council-resolution — Drafting");
  tabs = ADW_TAB_VIEW (drafting_gui_test_find_of_type (fixture->window, ADW_TYPE_TAB_VIEW));
  g_assert_cmpstr (adw_tab_page_get_title (adw_tab_view_get_selected_page (tabs)), ==,
                   "council-resolution");

  name = _drafting_page_propose_file (page, DRAFTING_NATIVE_EXTENSION, &folder);
  g_assert_cmpstr (name, ==, "council-resolution.wcodraft");
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, dir));

  /* The remarks of the import, in a dialog of their own. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);
}

int
main (int    argc,
      char **argv)
{
  drafting_gui_test_init (&argc, &argv);
  drafting_gui_test_load_style ();

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("outline/one-state", test_outline_one_state);
  ADD ("no-document", test_no_document);
  ADD ("names/imported-text", test_imported_named);

#undef ADD

  return g_test_run ();
}
