/* test-spelling.c: misspelt words underlined as one types, their menu, and the spelling dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-gui-test-utils.h"
#include "drafting-page.h"
#include "drafting-spelling-dialog.h"
#include "drafting-test-utils.h"

/*
 * The document view with a spell cache, as a page gives it: the rows
 * underline what the worker finds, the menu of a misspelt word corrects it
 * through the document (undone as any change), adds it to the house
 * vocabulary or ignores it; the dialog walks a document word by word.
 *
 * The words added go to a folder of the test's ($XDG_DATA_HOME), never to
 * the person's.
 */

#define WAIT_TIMEOUT_S 20

static char *tmp_home;

typedef struct
{
  GtkWidget            *window;
  DraftingDocumentView *view;
  GtkWidget            *list_view;
  DraftingDocument     *document;
  DraftingSpellCache   *cache;
} Fixture;

static DraftingDocument *
make_document (const char         *language,
               const char * const *texts)
{
  DraftingDocument *document = drafting_document_new_from_template (DRAFTING_DOCUMENT_RESOLUTION);
  DraftingNode *root = drafting_document_get_root (document);

  drafting_document_set_language (document, language);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(DraftingNode) paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH,
                                                                        NULL, texts[i]);

      drafting_document_insert (document, root, drafting_node_get_n_children (root), paragraph, NULL);
    }

  return document;
}

static void
fixture_open (Fixture          *fixture,
              DraftingDocument *document)
{
  fixture->document = document;
  fixture->cache = drafting_spell_cache_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);

  fixture->view = DRAFTING_DOCUMENT_VIEW (drafting_document_view_new ());
  drafting_document_view_set_spell_cache (fixture->view, fixture->cache);
  drafting_document_view_set_document (fixture->view, document);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  fixture->list_view = drafting_gui_test_find_of_type (GTK_WIDGET (fixture->view), DRAFTING_TYPE_LAZY_LIST);

  drafting_gui_test_present (fixture->window);
  for (guint i = 0; i < 600 && drafting_document_view_is_opening (fixture->view); i++)
    drafting_gui_test_wait_frames (fixture->window, 1);
}

static void
fixture_close (Fixture *fixture)
{
  GList *toplevels;

  drafting_gui_test_destroy (fixture->window);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  drafting_gui_test_iterate ();
  g_clear_object (&fixture->cache);
  g_clear_object (&fixture->document);
}

static DraftingNode *
nth_paragraph (Fixture *fixture,
               guint    index)
{
  return drafting_node_get_child (drafting_document_get_root (fixture->document),
                                  drafting_node_get_n_children (drafting_document_get_root (fixture->document))
                                  - 3 + index);
}

/* The words of @row's buffer under the "misspelt" tag, joined by spaces. */
static char *
misspelt_words (DraftingElementRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (drafting_element_row_get_text_view (row));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelt");
  GString *words = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter end = iter;
      g_autofree char *word = NULL;

      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_buffer_get_text (buffer, &iter, &end, FALSE);
      if (words->len > 0)
        g_string_append_c (words, ' ');
      g_string_append (words, word);
      iter = end;
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }

  return g_string_free (words, FALSE);
}

/* Turns the main loop until @node's row underlines @expected. */
static DraftingElementRow *
wait_for_underlines (Fixture      *fixture,
                     DraftingNode *node,
                     const char   *expected)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  g_autofree char *words = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      DraftingElementRow *row = drafting_gui_test_row_of (fixture->list_view, node);

      if (row != NULL)
        {
          g_free (words);
          words = misspelt_words (row);
          if (g_strcmp0 (words, expected) == 0)
            return row;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_error ("The row underlines “%s”, not “%s”", words ? words : "(no row)", expected);
  return NULL;
}

static GtkGesture *
secondary_click (GtkWidget *text_view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* A right click on @word in @row, as the person's: its menu is for it.
 * Returns the suggestions in the menu. */
static GStrv
right_click_word (DraftingElementRow *row,
                  const char         *word)
{
  GtkTextView *text_view = drafting_element_row_get_text_view (row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start;
  GtkTextIter match_start;
  GtkTextIter match_end;
  GdkRectangle rect;
  int wx, wy;
  GMenuModel *menu;
  GMenuModel *spelling;
  GMenuModel *suggestions;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  gtk_text_iter_forward_char (&match_start);
  gtk_text_view_get_iter_location (text_view, &match_start, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + 1, rect.y + rect.height / 2, &wx, &wy);
  g_signal_emit_by_name (secondary_click (GTK_WIDGET (text_view)), "pressed", 1, (double) wx, (double) wy);

  /* Spelling first, suggestions then what to do with the word, then what
   * the view adds. */
  menu = gtk_text_view_get_extra_menu (text_view);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  suggestions = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  spelling = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (spelling), ==, 2);
  for (int i = 0; i < g_menu_model_get_n_items (suggestions); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (suggestions, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_strv_builder_add (builder, label);
    }
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), <=, 5);
  g_object_unref (suggestions);
  g_object_unref (spelling);

  return g_strv_builder_end (builder);
}

static void
check_language (const char *language,
                const char *before,
                const char *after,
                const char *misspelt,
                const char *correction,
                const char *to_add)
{
  g_autofree char *first = g_strconcat (before, misspelt, after, NULL);
  g_autofree char *second = g_strconcat (to_add, ".", NULL);
  const char *texts[] = { first, second, "OK.", NULL };
  Fixture fixture = { NULL, };
  DraftingElementRow *row;
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *corrected = NULL;
  DraftingNode *node;

  fixture_open (&fixture, make_document (language, texts));
  node = nth_paragraph (&fixture, 0);

  /* The misspelt word is underlined, the house word is not. */
  row = wait_for_underlines (&fixture, node, misspelt);
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 1), to_add);
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 2), "");

  /* The menu suggests the correction; choosing it changes the text. */
  suggestions = right_click_word (row, misspelt);
  {
    g_autofree char *listed = g_strjoinv (", ", suggestions);

    g_test_message ("Suggested for %s: %s", misspelt, listed);
  }
  g_assert_true (g_strv_contains ((const char * const *) suggestions, correction));
  gtk_widget_activate_action (GTK_WIDGET (row), "spelling.correct", "s", correction);
  corrected = g_strconcat (before, correction, after, NULL);
  g_assert_cmpstr (drafting_node_get_text (node), ==, corrected);
  row = wait_for_underlines (&fixture, node, "");

  /* Undo brings the word back, underlined again. */
  g_assert_true (drafting_document_undo (fixture.document));
  g_assert_cmpstr (drafting_node_get_text (node), ==, first);
  wait_for_underlines (&fixture, node, misspelt);

  /* Added to the dictionary, a word is no longer underlined, here and
   * for later sessions. */
  row = drafting_gui_test_row_of (fixture.list_view, nth_paragraph (&fixture, 1));
  g_strfreev (right_click_word (row, to_add));
  gtk_widget_activate_action (GTK_WIDGET (row), "spelling.add", NULL);
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 1), "");
  {
    g_autofree char *path = drafting_house_words_get_user_path ();
    g_autofree char *kept = NULL;
    gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

    while ((kept == NULL || strstr (kept, to_add) == NULL) && g_get_monotonic_time () < deadline)
      {
        g_clear_pointer (&kept, g_free);
        g_main_context_iteration (NULL, FALSE);
        g_file_get_contents (path, &kept, NULL, NULL);
      }
    g_assert_nonnull (kept);
    g_assert_nonnull (strstr (kept, to_add));
  }

  /* Typing a misspelt word is underlined once typing pauses. */
  {
    DraftingNode *third = nth_paragraph (&fixture, 2);
    GtkTextView *text_view;
    GtkTextBuffer *buffer;
    GtkTextIter end;
    g_autofree char *typed = g_strdup_printf (" %s", misspelt);

    row = drafting_gui_test_row_of (fixture.list_view, third);
    text_view = drafting_element_row_get_text_view (row);
    buffer = gtk_text_view_get_buffer (text_view);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert_interactive (buffer, &end, typed, -1, TRUE);
    wait_for_underlines (&fixture, third, misspelt);
  }

  fixture_close (&fixture);
}

static void
test_english (void)
{
  /* "Customs" and "MSMEs" are house words. */
  check_language ("en", "Customs administrations should help MSMEs in ", " goods.",
                  "recieving", "receiving", "Xyzzyplonk");
}

static void
test_french (void)
{
  check_language ("fr", "Le paragraphe du ", " est clair.", "documant", "document", "Zorglubesque");
}

static void
test_ignore (void)
{
  const char *texts[] = { "A mistaek here.", "Another mistaek there.", "Fine.", NULL };
  Fixture fixture = { NULL, };
  DraftingElementRow *row;

  fixture_open (&fixture, make_document ("en", texts));
  row = wait_for_underlines (&fixture, nth_paragraph (&fixture, 0), "mistaek");
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 1), "mistaek");

  g_strfreev (right_click_word (row, "mistaek"));
  gtk_widget_activate_action (GTK_WIDGET (row), "spelling.ignore", NULL);
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 0), "");
  wait_for_underlines (&fixture, nth_paragraph (&fixture, 1), "");

  fixture_close (&fixture);
}

/* The dialog: each word in turn, selected in the document. */
static void
test_dialog (void)
{
  const char *texts[] = {
    "The firts paragraph.",
    "Nothing wrong here.",
    "Another misteak and then the ende of it, ende.",
    NULL,
  };
  Fixture fixture = { NULL, };
  DraftingSpellingDialog *dialog;
  DraftingNode *node;
  gint64 deadline;
  GtkEntry *entry;

  fixture_open (&fixture, make_document ("en", texts));
  dialog = DRAFTING_SPELLING_DIALOG (drafting_spelling_dialog_new (fixture.document, fixture.view,
                                                                   fixture.cache));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture.window));
  gtk_window_present (GTK_WINDOW (dialog));

#define WAIT_WORD(expected) \
  G_STMT_START { \
    deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC; \
    while (g_strcmp0 (drafting_spelling_dialog_get_word (dialog), expected) != 0 && \
           g_get_monotonic_time () < deadline) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_cmpstr (drafting_spelling_dialog_get_word (dialog), ==, expected); \
  } G_STMT_END

  /* The first word, its first suggestion ready to change it to. */
  WAIT_WORD ("firts");
  node = nth_paragraph (&fixture, 0);
  g_assert_true (drafting_spelling_dialog_get_node (dialog) == node);
  entry = GTK_ENTRY (drafting_gui_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  {
    GtkListBox *list = GTK_LIST_BOX (drafting_gui_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    gboolean suggested = FALSE;

    /* The first suggestion is ready in the entry; "first" is among them. */
    g_assert_nonnull (row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                     gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))));
    for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))), "first") == 0)
        {
          gtk_list_box_select_row (list, row);
          suggested = TRUE;
        }
    g_assert_true (suggested);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "first");
  }

  /* Selected in the document. */
  {
    DraftingNode *current = NULL;
    guint offset = 0;
    guint selection_end = 0;

    deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
    while (g_get_monotonic_time () < deadline &&
           (!drafting_document_view_get_cursor (fixture.view, &current, &offset, &selection_end) ||
            current != node || selection_end - offset != 5))
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (current == node);
    g_assert_cmpuint (offset, ==, 4);
    g_assert_cmpuint (selection_end, ==, 9);
  }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "spelling.change", NULL);
  g_assert_cmpstr (drafting_node_get_text (node), ==, "The first paragraph.");

  /* The next, two elements on: ignored once, then the one after. */
  WAIT_WORD ("misteak");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "spelling.ignore", NULL);
  WAIT_WORD ("ende");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "spelling.ignore-all", NULL);

  /* "ende" ignored everywhere: the walk is done. */
  deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  while (!drafting_spelling_dialog_is_done (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (drafting_spelling_dialog_is_done (dialog));
  g_assert_null (drafting_spelling_dialog_get_word (dialog));

  /* The change is a step of undo. */
  g_assert_true (drafting_document_undo (fixture.document));
  g_assert_cmpstr (drafting_node_get_text (node), ==, "The firts paragraph.");

#undef WAIT_WORD
  fixture_close (&fixture);
}

/* The labels under @widget that say @text, in part. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

/* A language without a dictionary: said once, in a toast, and nothing is
 * underlined. */
static void
test_no_dictionary (void)
{
  const char *texts[] = { "Habari za asubuhi.", "Karibu sana.", "Asante.", NULL };
  g_autoptr(DraftingDocument) document = make_document ("sw", texts);
  GtkWidget *window = gtk_window_new ();
  DraftingPage *page = drafting_page_new (document, NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  drafting_gui_test_present (window);

  while (count_labels (window, "No spelling dictionary") == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_labels (window, "No spelling dictionary for “sw”: spelling is not checked"), ==, 1);

  /* The rows on screen ask again as they are bound: not told again. */
  drafting_gui_test_wait_frames (window, 30);
  g_assert_cmpuint (count_labels (window, "No spelling dictionary"), ==, 1);

  drafting_gui_test_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *house = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  int status;

  tmp_home = g_dir_make_tmp ("drafting-spelling-XXXXXX", NULL);
  g_assert_nonnull (tmp_home);
  data_home = g_build_filename (tmp_home, "data", NULL);
  config_home = g_build_filename (tmp_home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  /* The list that comes with Drafting, from the source tree. */
  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      house = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "house-words.txt", NULL);
      g_setenv (DRAFTING_HOUSE_WORDS_ENV, house, TRUE);
    }

  drafting_gui_test_init (&argc, &argv);

  g_test_add_func ("/spelling/underline/english", test_english);
  g_test_add_func ("/spelling/underline/french", test_french);
  g_test_add_func ("/spelling/ignore", test_ignore);
  g_test_add_func ("/spelling/dialog", test_dialog);
  g_test_add_func ("/spelling/no-dictionary", test_no_dictionary);

  status = g_test_run ();

  drafting_test_remove_tree (tmp_home);
  g_free (tmp_home);

  return status;
}
