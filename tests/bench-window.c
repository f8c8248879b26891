/* bench-window.c: how the window copes with 1,000 and 10,000 clauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bench-window-amendments.h"
#include "bench-window-compare.h"
#include "bench-window-files.h"
#include "bench-window-spelling.h"
#include "drafting-app-resources.h"
#include "drafting-bench-utils.h"
#include "drafting-document-view.h"
#include "drafting-element-row.h"
#include "drafting-gui-test-utils.h"
#include "drafting-outline-view.h"
#include "drafting-page.h"
#include "drafting-test-resolution.h"
#include "drafting-test-utils.h"

/*
 * A document of ten thousand clauses must open, scroll and take typing
 * without stalls: the document view is a list that builds only the rows on
 * screen. This benchmark shows it, and what a person waits for, with the
 * same resolutions as bench-scale (1,000 and 10,000 clauses, saved to a
 * file first, so that loading counts):
 *
 *  - from the start of the process to the first frame in which the
 *    document's rows are painted, in a window of 1200×800 holding a page,
 *    and to the frame in which they stand at their heights; as the
 *    application opens a file, the file is read ahead in a thread while
 *    GTK and the window start, and the page is built once it is read;
 *  - how many rows were built for that frame, how many are on screen, and
 *    how many were built at most at any frame afterwards: the same for
 *    both documents, or the view builds what is not on screen (the
 *    benchmark then fails); and the height the list estimates for the rows
 *    it has not built, against that of those on screen;
 *  - a keystroke to the screen: a character put in the focused row's
 *    buffer as typing does, until the next frame is painted; and a real key
 *    press from the X server (xdotool), when there is one; and, in the
 *    empty window, the same keystroke in GTK's own text view holding a
 *    page of text, the floor under the first;
 *  - a paragraph inserted at the top of the operative part, every number
 *    after it derived again, until painted; and undoing it; with the view
 *    at the top of the document, and with the place in sight;
 *  - jumping to the end of the document and back, and paging and wheeling
 *    down it, a frame at a time;
 *  - memory: before the document is loaded (GTK's own), once loaded, at the
 *    first frame, and the peak after all the rest.
 *
 * A frame is "painted" at the frame clock's "after-paint". Under a virtual
 * display the clock paces frames as on a 60 Hz screen, so a figure under
 * 17 ms is one frame. Each size runs in fresh child processes (this
 * program run again with --child SIZE FILE SPAWN_TIME), so that their peak
 * memory is their own: one measures everything, and ROUNDS - 1 more only
 * the start (--start), whose figures are the median of all; the files are
 * written by another child (--prepare). The empty window (SIZE 0) gives
 * GTK's own start and memory.
 */

#define ROUNDS 3              /* processes a size, for the figures of the start */
#define WINDOW_WIDTH 1200
#define WINDOW_HEIGHT 800
#define N_KEYSTROKES 50
#define N_REAL_KEYS 15
#define KEY_INTERVAL_MS 40    /* between keystrokes, as a quick typist */
#define N_INSERTS 20
#define N_INSERTS_IN_SIGHT 10
#define N_JUMPS 3
#define N_PAGES 40
#define N_WHEEL_STEPS 80
#define WHEEL_STEP 60         /* pixels: three lines of a mouse wheel */
#define STALL_US 100000       /* a frame this late is seen as a stall */
#define OPENING_MS 1500       /* after the first frame, what belongs to the opening */
#define WAIT_TIMEOUT_S 30

/* The document view binds rows for what is on screen and a third of a
 * screen above and below it, and keeps the row with the cursor: about
 * twice the 12 or 13 rows a window of 800 pixels shows. More than this,
 * and the view builds rows nobody sees. */
#define MAX_ROWS 28

static const guint sizes[] = { 1000, 10000 };

/* GTK's renderers (GSK_RENDERER), each measured in turn. */
static const char * const renderers[] = { "gl", "cairo" };

/* The children that watch the main loop, each a size. */
static const char * const main_loop_modes[] = { "--files", "--amendments", "--spelling" };

static const char typed_text[] = " and to report on the progress made";

/* ------------------------------------------------------------------ */
/* Measuring                                                           */

/* bench-window --prepare SIZE FILE: writes the document the window opens. */
static int
run_prepare (int    argc,
             char **argv)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint size;

  if (argc != 4)
    {
      g_printerr ("usage: %s --prepare SIZE FILE\n", argv[0]);
      return 2;
    }

  size = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  document = drafting_test_generate_resolution (size, NULL);
  file = g_file_new_for_path (argv[3]);
  if (!drafting_native_save_file (document, file, NULL, &error))
    drafting_bench_fail ("saving the document", error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    drafting_bench_fail ("reading what was saved", error);

  drafting_bench_report_int ("elements", g_list_model_get_n_items (G_LIST_MODEL (document)));
  drafting_bench_report_int ("operative_paragraphs",
              drafting_document_count_kind (document, DRAFTING_KIND_OPERATIVE_PARAGRAPH));
  drafting_bench_report_int ("file_bytes", g_file_info_get_size (info));

  return 0;
}

/* ------------------------------------------------------------------ */
/* The window, in a child process of its own                          */

typedef struct
{
  GtkWidget            *window;
  DraftingDocument     *document;
  DraftingDocumentView *view;             /* none in the empty window */
  GtkWidget            *list_view;
  GtkScrolledWindow    *scroller;

  guint                 n_paints;
  gint64                frame_start;      /* of the frame under way */
  gint64                last_paint;       /* when the last frame was painted */
  gint64                last_frame_us;    /* how long that frame took */
  gint64                first_paint;
  gint64                first_rows_paint; /* the first frame with the document's rows */
  guint                 first_bound;
  guint                 first_row_widgets;
  guint                 first_in_sight;
  guint                 max_bound;
  guint                 max_row_widgets;

  gboolean              opening;          /* the layout of the opening is watched */
  guint                 in_sight;         /* rows on screen at the last frame */
  double                list_height;      /* the list's height, as estimated then */
  gint64                layout_change;    /* the last frame in which they changed */
  guint                 n_layout_changes;

  DraftingNode         *watched;          /* an element whose row is awaited */
  gint64                watched_paint;    /* when it was first painted in sight */

  guint                 n_key_presses;
  gint64                key_time;         /* when the last key press reached the window */
  guint                 n_changes;        /* of the buffer typed in */
  guint                 paints_at_change;
} Bench;

/* How many widgets of @type there are under @root, not counting those
 * inside them. */
static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  guint n = 0;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);

  return n;
}

static guint
count_widgets (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static gboolean
row_in_sight (Bench     *b,
              GtkWidget *row)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (b->scroller), &bounds))
    return FALSE;

  return bounds.origin.y < gtk_widget_get_height (GTK_WIDGET (b->scroller)) &&
         bounds.origin.y + bounds.size.height > 0;
}

static gboolean
in_sight (Bench        *b,
          DraftingNode *node)
{
  DraftingElementRow *row = drafting_gui_test_row_of (b->list_view, node);

  return row != NULL && row_in_sight (b, GTK_WIDGET (row));
}

/* How many of the rows built are on screen, and, when asked, their mean
 * height as they are laid out. */
static guint
count_in_sight (Bench  *b,
                gint64 *mean_height)
{
  gint64 total = 0;
  guint n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (b->list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = item;

      if (row != NULL && DRAFTING_IS_ELEMENT_ROW (row) &&
          drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row)) != NULL &&
          row_in_sight (b, row))
        {
          total += gtk_widget_get_height (item);
          n++;
        }
    }

  if (mean_height != NULL)
    *mean_height = n > 0 ? total / n : 0;

  return n;
}

static void
on_before_paint (GdkFrameClock *clock G_GNUC_UNUSED,
                 Bench         *b)
{
  b->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock G_GNUC_UNUSED,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();
  guint bound;
  guint widgets;

  b->n_paints++;
  b->last_paint = now;
  b->last_frame_us = now - b->frame_start;
  if (b->first_paint == 0)
    b->first_paint = now;

  if (b->view == NULL)
    return;

  bound = drafting_document_view_get_n_bound_rows (b->view);
  widgets = count_of_type (b->list_view, DRAFTING_TYPE_ELEMENT_ROW);
  b->max_bound = MAX (b->max_bound, bound);
  b->max_row_widgets = MAX (b->max_row_widgets, widgets);

  if (b->first_rows_paint == 0 && bound > 0)
    {
      b->first_rows_paint = now;
      b->first_bound = bound;
      b->first_row_widgets = widgets;
      b->first_in_sight = count_in_sight (b, NULL);
    }

  /* The rows on screen and the list's height, until they hold still. */
  if (b->opening)
    {
      guint n = count_in_sight (b, NULL);
      double height = gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (b->scroller));

      if (n != b->in_sight || height != b->list_height)
        {
          b->in_sight = n;
          b->list_height = height;
          b->layout_change = now;
          b->n_layout_changes++;
        }
    }

  if (b->watched != NULL && b->watched_paint == 0 && in_sight (b, b->watched))
    b->watched_paint = now;
}

static void
on_realize (GtkWidget *window,
            Bench     *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), b);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval G_GNUC_UNUSED,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state G_GNUC_UNUSED,
                Bench                 *b)
{
  b->key_time = g_get_monotonic_time ();
  b->n_key_presses++;

  return GDK_EVENT_PROPAGATE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer G_GNUC_UNUSED,
                   Bench         *b)
{
  b->n_changes++;
  b->paints_at_change = b->n_paints;
}

/* Waiting, the main loop running */

typedef gboolean (*Condition) (Bench    *b,
                               gpointer  data);

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (Bench     *b,
            Condition  done,
            gpointer   data,
            guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  if (done (b, data))
    return TRUE;

  timeout_id = g_timeout_add (timeout_ms, on_timeout, &timed_out);
  while (!done (b, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  return done (b, data);
}

static void
wait_or_fail (Bench      *b,
              Condition   done,
              gpointer    data,
              const char *what)
{
  if (!wait_until (b, done, data, WAIT_TIMEOUT_S * 1000))
    {
      g_printerr ("bench-window: no %s after %u s\n", what, WAIT_TIMEOUT_S);
      exit (1);
    }
}

static gboolean
never (Bench    *b G_GNUC_UNUSED,
       gpointer  data G_GNUC_UNUSED)
{
  return FALSE;
}

/* Lets the main loop run for @ms, as between keystrokes. */
static void
settle (Bench *b,
        guint  ms)
{
  wait_until (b, never, NULL, ms);
}

static gboolean
opened (Bench    *b,
        gpointer  data G_GNUC_UNUSED)
{
  return !drafting_document_view_is_opening (b->view);
}

static gboolean
painted_since (Bench    *b,
               gpointer  data)
{
  return b->n_paints > GPOINTER_TO_UINT (data);
}

static gboolean
painted_at_all (Bench    *b,
                gpointer  data G_GNUC_UNUSED)
{
  return b->first_paint != 0;
}

static gboolean
rows_painted (Bench    *b,
              gpointer  data G_GNUC_UNUSED)
{
  return b->first_rows_paint != 0;
}

static gboolean
watched_painted (Bench    *b,
                 gpointer  data G_GNUC_UNUSED)
{
  return b->watched_paint != 0;
}

static gboolean
changed_and_painted (Bench    *b,
                     gpointer  data)
{
  return b->n_changes > GPOINTER_TO_UINT (data) && b->n_paints > b->paints_at_change;
}

/* The keyboard focus in the text of @data's row. */
static gboolean
cursor_in (Bench    *b,
           gpointer  data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (b->window));
  GtkWidget *row;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  row = gtk_widget_get_parent (focus);

  return DRAFTING_IS_ELEMENT_ROW (row) &&
         drafting_element_row_get_node (DRAFTING_ELEMENT_ROW (row)) == data;
}

static void
scroll_to_value (Bench  *b,
                 double  value)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (b->scroller);
  guint since = b->n_paints;

  if (gtk_adjustment_get_value (vadjustment) == value)
    return;
  gtk_adjustment_set_value (vadjustment, value);
  wait_or_fail (b, painted_since, GUINT_TO_POINTER (since), "frame after scrolling");
}

/* ------------------------------------------------------------------ */
/* What is measured                                                    */

/* Characters put in @buffer one at a time, as the text view puts what is
 * typed, each until the next frame is painted; reported as PREFIX_us (to
 * the screen), PREFIX_handler_us (the buffer's handlers) and
 * PREFIX_frame_us (the frame that shows it). */
static void
type_into (Bench         *b,
           GtkTextBuffer *buffer,
           const char    *prefix)
{
  g_autoptr(GArray) latency = drafting_bench_samples_new ();
  g_autoptr(GArray) handler = drafting_bench_samples_new ();
  g_autoptr(GArray) frame = drafting_bench_samples_new ();
  g_autofree char *latency_key = g_strconcat (prefix, "_us", NULL);
  g_autofree char *handler_key = g_strconcat (prefix, "_handler_us", NULL);
  g_autofree char *frame_key = g_strconcat (prefix, "_frame_us", NULL);

  for (guint i = 0; i < N_KEYSTROKES; i++)
    {
      char c[2] = { typed_text[i % (sizeof typed_text - 1)], '\0' };
      guint since = b->n_paints;
      gint64 start = g_get_monotonic_time ();
      gint64 handled;

      /* What the input method commits, a string of its own. */
      gtk_text_buffer_insert_interactive_at_cursor (buffer, c, -1, TRUE);
      handled = g_get_monotonic_time ();
      wait_or_fail (b, painted_since, GUINT_TO_POINTER (since), "frame after a keystroke");
      drafting_bench_add_sample (latency, b->last_paint - start);
      drafting_bench_add_sample (handler, handled - start);
      drafting_bench_add_sample (frame, b->last_frame_us);
      settle (b, KEY_INTERVAL_MS);
    }

  drafting_bench_report_samples (latency_key, latency);
  drafting_bench_report_samples (handler_key, handler);
  drafting_bench_report_samples (frame_key, frame);
}

/* Typing in an operative paragraph on screen, which runs the row's sync to
 * the model and the coalescing of undo. */
static GtkTextBuffer *
measure_typing (Bench        *b,
                DraftingNode *paragraph)
{
  const char *text = drafting_inline_get_text (drafting_node_get_content (paragraph));
  const char *space = strchr (text, ' ');
  GtkTextBuffer *buffer;

  /* At the end of its first word. */
  drafting_document_view_focus_node (b->view, paragraph, space != NULL ? space - text : -1, 0);
  wait_or_fail (b, cursor_in, paragraph, "cursor in an operative paragraph");
  settle (b, 300);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (b->window))));

  type_into (b, buffer, "key");

  /* What was typed is in the model. */
  text = drafting_inline_get_text (drafting_node_get_content (paragraph));
  if (strstr (text, typed_text) == NULL)
    {
      g_printerr ("bench-window: what was typed is not in the document: “%s”\n", text);
      exit (1);
    }

  return buffer;
}

/* The floor under those figures: GTK's own text view filling the same
 * window with a page of a resolution's text, typed in the same way. What
 * it takes is what this display and renderer take to show a keystroke in
 * a page of text, whatever the application. */
static void
measure_text_view_typing (Bench *b)
{
  g_autoptr(DraftingDocument) document = drafting_test_generate_resolution (60, NULL);
  g_autoptr(GString) page = g_string_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter cursor;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (document));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingNode) node = g_list_model_get_item (G_LIST_MODEL (document), i);
      const DraftingInline *content = drafting_node_get_content (node);
      const char *text = content != NULL ? drafting_inline_get_text (content) : "";

      if (*text != '\0')
        g_string_append_printf (page, "%s\n\n", text);
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 56);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 56);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 48);
  gtk_text_buffer_set_text (buffer, page->str, (int) page->len);
  /* At the end of the first word of the third paragraph. */
  gtk_text_buffer_get_iter_at_line (buffer, &cursor, 4);
  gtk_text_iter_forward_word_end (&cursor);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (b->window), scroller);
  gtk_widget_grab_focus (view);
  settle (b, 500);

  type_into (b, buffer, "text_view_key");
}

#ifdef GDK_WINDOWING_X11
static void
on_tool_exited (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *exited = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *exited = TRUE;
}

static gboolean
flag_set (Bench    *b G_GNUC_UNUSED,
          gpointer  data)
{
  return *(gboolean *) data;
}

/* Runs a tool with the main loop running, for the window to see what it
 * does. */
static gboolean
run_tool (Bench              *b,
          const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  gboolean exited = FALSE;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, NULL);
  if (process == NULL)
    return FALSE;
  g_subprocess_wait_async (process, NULL, on_tool_exited, &exited);
  if (!wait_until (b, flag_set, &exited, 5000))
    {
      g_subprocess_force_exit (process);
      wait_until (b, flag_set, &exited, 5000);
      return FALSE;
    }

  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}
#endif

/* A real key press, from the X server: xdotool gives the window the
 * input focus, then presses "a". Timed from when the press reaches the
 * window, and from when xdotool was started, until the frame painted after
 * the buffer changed. */
static void
measure_real_keys (Bench         *b,
                   GtkTextBuffer *buffer)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(GArray) latency = drafting_bench_samples_new ();
  g_autoptr(GArray) from_spawn = drafting_bench_samples_new ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (b->window));
  g_autofree char *xid = NULL;
  const char *note = NULL;
  gulong changed_id;

  if (xdotool == NULL)
    {
      drafting_bench_report_str ("real_key_note", "xdotool is not installed");
      return;
    }
  if (!GDK_IS_X11_SURFACE (surface))
    {
      drafting_bench_report_str ("real_key_note", "the display is not an X11 one");
      return;
    }

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  if (!run_tool (b, (const char * const[]) { xdotool, "windowfocus", "--sync", xid, NULL }))
    {
      drafting_bench_report_str ("real_key_note", "xdotool could not give the window the input focus");
      return;
    }
  settle (b, 200);

  changed_id = g_signal_connect_after (buffer, "changed", G_CALLBACK (on_buffer_changed), b);
  for (guint i = 0; i < N_REAL_KEYS; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      guint changes = b->n_changes;
      guint presses = b->n_key_presses;
      gint64 start = g_get_monotonic_time ();

      process = g_subprocess_newv ((const char * const[]) { xdotool, "key", "a", NULL },
                                   G_SUBPROCESS_FLAGS_NONE, &error);
      if (process == NULL)
        {
          note = error->message;
          drafting_bench_report_str ("real_key_note", note);
          break;
        }
      if (!wait_until (b, changed_and_painted, GUINT_TO_POINTER (changes), 3000))
        {
          note = b->n_key_presses == presses
                 ? "the key press from xdotool did not reach the window"
                 : "the key press reached the window but did not change the text";
          drafting_bench_report_str ("real_key_note", note);
          g_subprocess_wait (process, NULL, NULL);
          break;
        }
      drafting_bench_add_sample (latency, b->last_paint - b->key_time);
      drafting_bench_add_sample (from_spawn, b->last_paint - start);
      g_subprocess_wait (process, NULL, NULL);
      settle (b, KEY_INTERVAL_MS);
    }
  g_signal_handler_disconnect (buffer, changed_id);

  drafting_bench_report_samples ("real_key_us", latency);
  drafting_bench_report_samples ("real_key_spawn_us", from_spawn);
#else
  drafting_bench_report_str ("real_key_note", "not built for X11");
#endif
}

/* A paragraph inserted before the first of the operative part, which
 * renumbers all that follow, until painted; then undone. With the view at
 * the top of the document, or with the place in sight. */
static void
measure_insert (Bench      *b,
                gboolean    at_insertion,
                guint       n_inserts,
                const char *key)
{
  g_autoptr(GArray) latency = drafting_bench_samples_new ();
  g_autoptr(GArray) handler = drafting_bench_samples_new ();
  g_autoptr(GArray) undo_latency = drafting_bench_samples_new ();
  DraftingNode *root = drafting_document_get_root (b->document);
  DraftingNode *first = drafting_bench_operative_paragraph (root, FALSE);
  DraftingNode *last = drafting_bench_operative_paragraph (root, TRUE);
  guint n = drafting_bench_count_first_list (root);
  guint top = drafting_node_get_index (first);
  g_autofree char *insert_key = g_strconcat ("insert_", key, "_us", NULL);
  g_autofree char *handler_key = g_strconcat ("insert_", key, "_handler_us", NULL);
  g_autofree char *undo_key = g_strconcat ("undo_", key, "_us", NULL);

  drafting_bench_expect_number (last, n);
  if (at_insertion)
    drafting_document_view_reveal_node (b->view, first);
  else
    scroll_to_value (b, 0);
  settle (b, 300);

  for (guint i = 0; i < n_inserts; i++)
    {
      g_autoptr(DraftingNode) paragraph = NULL;
      g_autoptr(GError) error = NULL;
      guint since = b->n_paints;
      gint64 start;
      gint64 handled;

      paragraph = drafting_node_new_with_text (DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL,
                                               "Decides to review these principles every "
                                               "two years;");
      start = g_get_monotonic_time ();
      if (!drafting_document_insert (b->document, root, top, paragraph, &error))
        drafting_bench_fail ("inserting a paragraph", error);
      handled = g_get_monotonic_time ();
      wait_or_fail (b, painted_since, GUINT_TO_POINTER (since), "frame after an insertion");
      drafting_bench_add_sample (latency, b->last_paint - start);
      drafting_bench_add_sample (handler, handled - start);
      drafting_bench_expect_number (last, n + 1);
      settle (b, 20);

      since = b->n_paints;
      start = g_get_monotonic_time ();
      if (!drafting_document_undo (b->document))
        drafting_bench_fail ("undoing an insertion", NULL);
      wait_or_fail (b, painted_since, GUINT_TO_POINTER (since), "frame after an undo");
      drafting_bench_add_sample (undo_latency, b->last_paint - start);
      drafting_bench_expect_number (last, n);
      settle (b, 20);
    }

  drafting_bench_report_samples (insert_key, latency);
  drafting_bench_report_samples (handler_key, handler);
  drafting_bench_report_samples (undo_key, undo_latency);
}

/* Until the row of @node is painted in sight. */
static gint64
jump_to (Bench        *b,
         DraftingNode *node)
{
  gint64 start;

  b->watched = node;
  b->watched_paint = 0;
  start = g_get_monotonic_time ();
  drafting_document_view_focus_node (b->view, node, 0, 0);
  wait_or_fail (b, watched_painted, NULL, "frame with the row jumped to");
  b->watched = NULL;

  return b->watched_paint - start;
}

static void
measure_jumps (Bench *b)
{
  GListModel *model = G_LIST_MODEL (b->document);
  g_autoptr(DraftingNode) first = g_list_model_get_item (model, 0);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(DraftingNode) last = g_list_model_get_item (model, n - 1);
  g_autoptr(GArray) to_end = drafting_bench_samples_new ();
  g_autoptr(GArray) to_start = drafting_bench_samples_new ();

  for (guint i = 0; i < N_JUMPS; i++)
    {
      drafting_bench_add_sample (to_end, jump_to (b, last));
      settle (b, 200);
      drafting_bench_add_sample (to_start, jump_to (b, first));
      settle (b, 200);
    }

  drafting_bench_report_samples ("jump_end_us", to_end);
  drafting_bench_report_samples ("jump_start_us", to_start);
}

/* From the top, @n_steps steps down of @step pixels (of a page, when 0),
 * each until painted, @interval_ms apart. */
static guint
measure_scrolling (Bench      *b,
                   double      step,
                   guint       n_steps,
                   guint       interval_ms,
                   const char *key)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (b->scroller);
  g_autoptr(GArray) latency = drafting_bench_samples_new ();
  g_autoptr(GArray) frame = drafting_bench_samples_new ();
  g_autofree char *frame_key = g_strconcat (key, "_frame", NULL);
  guint n_stalls = 0;

  scroll_to_value (b, 0);
  settle (b, 300);

  for (guint i = 0; i < n_steps; i++)
    {
      double value = gtk_adjustment_get_value (vadjustment);
      double end = gtk_adjustment_get_upper (vadjustment) -
                   gtk_adjustment_get_page_size (vadjustment);
      double page = gtk_adjustment_get_page_increment (vadjustment);
      double target = MIN (value + (step > 0 ? step : page), end);
      guint since = b->n_paints;
      gint64 start;

      if (target <= value)
        break;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (vadjustment, target);
      wait_or_fail (b, painted_since, GUINT_TO_POINTER (since), "frame after scrolling");
      drafting_bench_add_sample (latency, b->last_paint - start);
      drafting_bench_add_sample (frame, b->last_frame_us);
      if (b->last_paint - start > STALL_US)
        n_stalls++;
      if (interval_ms > 0)
        settle (b, interval_ms);
    }

  drafting_bench_report_samples (key, latency);
  drafting_bench_report_samples (frame_key, frame);

  return n_stalls;
}

/* When the file started being read ahead, and how long until the page
 * had it. */
static gint64 preload_time;
static gint64 load_thread_us;

/* As the application's opening does (drafting-document-file.c). */
static void
load_in_thread (GTask        *task,
                gpointer      source G_GNUC_UNUSED,
                gpointer      data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  GError *error = NULL;
  DraftingDocument *document = drafting_preload_take (data, NULL, NULL);

  if (document == NULL)
    {
      document = drafting_load_file_full (data, NULL, NULL, NULL, &error);
      drafting_core_give_back_memory ();
    }
  load_thread_us = g_get_monotonic_time () - preload_time;
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/* bench-window --child SIZE FILE SPAWN_TIME: opens FILE (nothing, with SIZE
 * 0: the empty window) and measures everything; SPAWN_TIME is when the
 * parent started the process, on the monotonic clock. With --start instead
 * of --child, only the start. */
static int
run_child (int     argc,
           char  **argv,
           gint64  main_time)
{
  gboolean everything = strcmp (argv[1], "--child") == 0;
  Bench bench = { NULL, };
  Bench *b = &bench;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) loading = NULL;
  GtkEventController *keys;
  DraftingNode *paragraph;
  GtkWidget *outline;
  GtkNative *native;
  gint64 spawn_time;
  gint64 init_time;
  gint64 loaded_time;
  gint64 built_time;
  gint64 presented_time;
  gint64 first_time;
  guint size;
  guint n_stalls;

  if (argc != 5)
    {
      g_printerr ("usage: %s --child|--start SIZE FILE SPAWN_TIME\n", argv[0]);
      return 2;
    }
  size = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  spawn_time = g_ascii_strtoll (argv[4], NULL, 10);

  /* As main () does: the file read ahead while GTK starts. */
  if (size > 0)
    {
      g_autoptr(GFile) ahead = g_file_new_for_path (argv[3]);

      preload_time = g_get_monotonic_time ();
      drafting_preload_start (ahead);
    }

  gtk_init ();
  adw_init ();
  g_assert (drafting_app_get_resource () != NULL);
  drafting_gui_test_load_style ();
  init_time = g_get_monotonic_time ();
  drafting_bench_report_int ("rss_init_kb", drafting_bench_resident_kb ());

  /* As the application opens a file: read while the window starts, and
   * the page built once it is read. */
  if (size > 0)
    {
      file = g_file_new_for_path (argv[3]);
      loading = g_task_new (NULL, NULL, NULL, NULL);
      g_task_set_task_data (loading, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (loading, load_in_thread);
    }

  b->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_title (GTK_WINDOW (b->window), "Drafting");
  gtk_window_set_child (GTK_WINDOW (b->window), gtk_label_new ("Drafting"));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), b);
  gtk_widget_add_controller (b->window, keys);
  g_signal_connect (b->window, "realize", G_CALLBACK (on_realize), b);
  gtk_window_present (GTK_WINDOW (b->window));
  presented_time = g_get_monotonic_time ();

  if (loading != NULL)
    {
      DraftingPage *page;

      while (!g_task_get_completed (loading))
        g_main_context_iteration (NULL, TRUE);
      loaded_time = g_get_monotonic_time ();
      document = g_task_propagate_pointer (loading, &error);
      if (document == NULL)
        drafting_bench_fail ("loading the document", error);
      drafting_bench_report_int ("rss_loaded_kb", drafting_bench_resident_kb ());

      page = drafting_page_new (document, file);
      gtk_window_set_child (GTK_WINDOW (b->window), GTK_WIDGET (page));
      b->document = document;
      b->view = DRAFTING_DOCUMENT_VIEW (drafting_gui_test_find_of_type (GTK_WIDGET (page),
                                                                        DRAFTING_TYPE_DOCUMENT_VIEW));
      g_assert (b->view != NULL);
      b->scroller = GTK_SCROLLED_WINDOW (drafting_gui_test_find_of_type (GTK_WIDGET (b->view),
                                                                         GTK_TYPE_SCROLLED_WINDOW));
      b->list_view = drafting_gui_test_find_of_type (GTK_WIDGET (b->view), DRAFTING_TYPE_LAZY_LIST);
      g_assert (b->scroller != NULL && b->list_view != NULL);
      b->opening = TRUE;
      built_time = g_get_monotonic_time ();
      wait_or_fail (b, rows_painted, NULL, "frame with the document's rows");
      first_time = b->first_rows_paint;
    }
  else
    {
      loaded_time = built_time = presented_time;
      drafting_bench_report_int ("rss_loaded_kb", drafting_bench_resident_kb ());
      wait_or_fail (b, painted_at_all, NULL, "frame");
      first_time = b->first_paint;
    }

  drafting_bench_report_int ("exec_us", main_time - spawn_time);
  drafting_bench_report_int ("init_us", init_time - main_time);
  drafting_bench_report_int ("load_us", load_thread_us);
  drafting_bench_report_int ("present_us", presented_time - init_time);
  drafting_bench_report_int ("load_wait_us", loaded_time - presented_time);
  drafting_bench_report_int ("build_us", built_time - loaded_time);
  drafting_bench_report_int ("first_frame_us", first_time - built_time);
  drafting_bench_report_int ("start_us", first_time - spawn_time);
  drafting_bench_report_int ("rss_first_kb", drafting_bench_resident_kb ());
  drafting_bench_report_int ("peak_first_kb", drafting_bench_peak_kb ());
  native = GTK_NATIVE (b->window);
  drafting_bench_report_str ("renderer", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (native)));
  drafting_bench_report_str ("display", G_OBJECT_TYPE_NAME (gtk_widget_get_display (b->window)));

  if (b->view != NULL)
    {
      gint64 sight_row_height;

      drafting_bench_report_int ("elements", g_list_model_get_n_items (G_LIST_MODEL (document)));
      drafting_bench_report_int ("first_bound", b->first_bound);
      drafting_bench_report_int ("first_row_widgets", b->first_row_widgets);
      drafting_bench_report_int ("first_in_sight", b->first_in_sight);
      drafting_bench_report_int ("widgets", count_widgets (b->window));
      outline = drafting_gui_test_find_of_type (b->window, DRAFTING_TYPE_OUTLINE_VIEW);
      if (outline != NULL && (outline = drafting_gui_test_find_of_type (outline, GTK_TYPE_GRID_VIEW)) != NULL)
        drafting_bench_report_int ("outline_rows", count_children (outline));

      /* The frames that follow, as the rows are made a few at a frame and
       * find their heights. */
      wait_or_fail (b, opened, NULL, "the document's rows made");
      settle (b, OPENING_MS);
      b->opening = FALSE;
      drafting_bench_report_int ("settled_us", b->layout_change - spawn_time);
      drafting_bench_report_int ("layout_changes", b->n_layout_changes - 1);
      drafting_bench_report_int ("settled_in_sight", b->in_sight);
      drafting_bench_report_int ("list_height_px", (gint64) b->list_height);
      drafting_bench_report_int ("row_height_px",
                  (gint64) (b->list_height / g_list_model_get_n_items (G_LIST_MODEL (document))));
      count_in_sight (b, &sight_row_height);
      drafting_bench_report_int ("sight_row_height_px", sight_row_height);
      drafting_bench_report_int ("rss_settled_kb", drafting_bench_resident_kb ());
    }
  if (!everything)
    return 0;

  if (b->view == NULL)
    measure_text_view_typing (b);

  if (b->view != NULL)
    {
      paragraph = drafting_bench_operative_paragraph (drafting_document_get_root (document), FALSE);
      measure_real_keys (b, measure_typing (b, paragraph));
      measure_insert (b, FALSE, N_INSERTS, "top");
      measure_insert (b, TRUE, N_INSERTS_IN_SIGHT, "here");
      measure_jumps (b);
      n_stalls = measure_scrolling (b, 0, N_PAGES, 20, "page_us");
      n_stalls += measure_scrolling (b, WHEEL_STEP, N_WHEEL_STEPS, 0, "wheel_us");
      drafting_bench_report_int ("stalls", n_stalls);
      drafting_bench_report_int ("rss_scrolled_kb", drafting_bench_resident_kb ());
      bench_window_measure_compare (document, paragraph);
      drafting_bench_report_int ("max_bound", b->max_bound);
      drafting_bench_report_int ("max_row_widgets", b->max_row_widgets);
      drafting_bench_report_int ("widgets_end", count_widgets (b->window));
      drafting_bench_report_int ("rss_end_kb", drafting_bench_resident_kb ());
    }
  drafting_bench_report_int ("peak_kb", drafting_bench_peak_kb ());

  gtk_window_destroy (GTK_WINDOW (b->window));

  return 0;
}

/* ------------------------------------------------------------------ */
/* The parent: runs the children and prints the table                  */

/* Runs this program again as @mode (--prepare, --start or --child) and
 * returns what it reported. */
static GHashTable *
spawn_child (const char  *self,
             const char  *mode,
             guint        size,
             const char  *path,
             GError     **error)
{
  g_autofree char *size_arg = g_strdup_printf ("%u", size);
  g_autofree char *spawn_arg = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_autofree char *what = g_strdup_printf ("%s %u", mode, size);
  const char * const argv[] = { self, mode, size_arg, path,
                                strcmp (mode, "--prepare") != 0 ? spawn_arg : NULL,
                                NULL };

  return drafting_bench_run_child (argv, what, error);
}

/* The median over the rounds of what was reported as @key. */
static gboolean
lookup_rounds (GHashTable **results,
               const char  *key,
               double      *value)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < ROUNDS; r++)
    {
      double v;

      if (drafting_bench_lookup (results[r], key, &v))
        g_array_append_val (values, v);
    }

  if (values->len == 0)
    return FALSE;
  *value = drafting_bench_median_double (values);
  return TRUE;
}

/* The largest over the rounds. */
static double
lookup_max (GHashTable **results,
            const char  *key)
{
  double max = 0;

  for (guint r = 0; r < ROUNDS; r++)
    {
      double v;

      if (drafting_bench_lookup (results[r], key, &v))
        max = MAX (max, v);
    }

  return max;
}

typedef enum
{
  UNIT_TIME,      /* µs */
  UNIT_COUNT,
  UNIT_KB,
} Unit;

static char *
format_value (double value,
              Unit   unit)
{
  switch (unit)
    {
    case UNIT_TIME:
      if (value < 1000)
        return g_strdup_printf ("%.0f µs", value);
      if (value < 1000000)
        return g_strdup_printf ("%.1f ms", value / 1000);
      return g_strdup_printf ("%.2f s", value / 1000000);

    case UNIT_COUNT:
      return g_strdup_printf ("%.0f", value);

    case UNIT_KB:
    default:
      if (value < 1024)
        return g_strdup_printf ("%.0f kB", value);
      return g_strdup_printf ("%.1f MB", value / 1024);
    }
}

typedef struct
{
  const char *label;
  const char *key;
  Unit        unit;
  gboolean    above_gtk;  /* memory, whose growth counts above GTK's own: the
                           * empty window's once GTK has started */
} Row;

static const Row rows[] = {
  { "start → first frame with rows", "start_us", UNIT_TIME, FALSE },
  { "  process start → main ()", "exec_us", UNIT_TIME, FALSE },
  { "  GTK, libadwaita, style", "init_us", UNIT_TIME, FALSE },
  { "  file read ahead, until the page took it", "load_us", UNIT_TIME, FALSE },
  { "  build and present the window", "present_us", UNIT_TIME, FALSE },
  { "  then wait for the file", "load_wait_us", UNIT_TIME, FALSE },
  { "  build the page", "build_us", UNIT_TIME, FALSE },
  { "  first frame with rows painted", "first_frame_us", UNIT_TIME, FALSE },
  { "start → rows at their heights", "settled_us", UNIT_TIME, FALSE },
  { "  relayouts after the first frame", "layout_changes", UNIT_COUNT, FALSE },
  { NULL, NULL, 0, FALSE },
  { "rows on screen, first frame", "first_in_sight", UNIT_COUNT, FALSE },
  { "rows on screen, at their heights", "settled_in_sight", UNIT_COUNT, FALSE },
  { "rows bound, first frame", "first_bound", UNIT_COUNT, FALSE },
  { "row widgets, first frame", "first_row_widgets", UNIT_COUNT, FALSE },
  { "row widgets, most at any frame", "max_row_widgets", UNIT_COUNT, FALSE },
  { "outline rows, first frame", "outline_rows", UNIT_COUNT, FALSE },
  { "widgets in the window, first frame", "widgets", UNIT_COUNT, FALSE },
  { "widgets in the window, at the end", "widgets_end", UNIT_COUNT, FALSE },
  { "row height on screen, mean (px)", "sight_row_height_px", UNIT_COUNT, FALSE },
  { "row height the list estimates (px)", "row_height_px", UNIT_COUNT, FALSE },
  { "list height it estimates (px)", "list_height_px", UNIT_COUNT, FALSE },
  { NULL, NULL, 0, FALSE },
  { "keystroke → painted, median", "key_us_med", UNIT_TIME, FALSE },
  { "keystroke → painted, 95th pct.", "key_us_p95", UNIT_TIME, FALSE },
  { "  handler (row → model), median", "key_handler_us_med", UNIT_TIME, FALSE },
  { "  frame (layout, paint), median", "key_frame_us_med", UNIT_TIME, FALSE },
  { "X key press → painted, median", "real_key_us_med", UNIT_TIME, FALSE },
  { "X key press → painted, 95th pct.", "real_key_us_p95", UNIT_TIME, FALSE },
  { "  from starting xdotool, median", "real_key_spawn_us_med", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "insert ¶ at top, view at top", "insert_top_us_med", UNIT_TIME, FALSE },
  { "  handler (model → view)", "insert_top_handler_us_med", UNIT_TIME, FALSE },
  { "  undo it", "undo_top_us_med", UNIT_TIME, FALSE },
  { "insert ¶ at top, in sight", "insert_here_us_med", UNIT_TIME, FALSE },
  { "  handler (model → view)", "insert_here_handler_us_med", UNIT_TIME, FALSE },
  { "  undo it", "undo_here_us_med", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "jump to the end, median", "jump_end_us_med", UNIT_TIME, FALSE },
  { "jump to the start, median", "jump_start_us_med", UNIT_TIME, FALSE },
  { "page down, median", "page_us_med", UNIT_TIME, FALSE },
  { "page down, 95th pct.", "page_us_p95", UNIT_TIME, FALSE },
  { "page down, worst", "page_us_max", UNIT_TIME, FALSE },
  { "  frame (layout, paint), median", "page_us_frame_med", UNIT_TIME, FALSE },
  { "wheel step (60 px), median", "wheel_us_med", UNIT_TIME, FALSE },
  { "wheel step, 95th pct.", "wheel_us_p95", UNIT_TIME, FALSE },
  { "wheel step, worst", "wheel_us_max", UNIT_TIME, FALSE },
  { "frames over 100 ms, scrolling", "stalls", UNIT_COUNT, FALSE },
  { NULL, NULL, 0, FALSE },
  { "compare the Draft with the present text", "compare_open_us", UNIT_TIME, FALSE },
  { "  longest frame, until its rows are made", "compare_open_gap_us", UNIT_TIME, FALSE },
  { "  a paragraph changed: longest frame", "compare_edit_gap_us", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "open: file read, rows painted", "open_us", UNIT_TIME, FALSE },
  { "  all the list's rows made", "open_rows_us", UNIT_TIME, FALSE },
  { "  longest main-loop stall", "open_stall_us", UNIT_TIME, FALSE },
  { "  the same, less waits for a CPU", "open_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame (ticks, layout, paint)", "open_stall_frame_us", UNIT_TIME, FALSE },
  { "  longest other work in one turn", "open_stall_work_us", UNIT_TIME, FALSE },
  { "save: the file written", "save_us", UNIT_TIME, FALSE },
  { "  longest main-loop stall", "save_stall_us", UNIT_TIME, FALSE },
  { "  the same, less waits for a CPU", "save_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame (ticks, layout, paint)", "save_stall_frame_us", UNIT_TIME, FALSE },
  { "  longest other work in one turn", "save_stall_work_us", UNIT_TIME, FALSE },
  { "autosave: the draft written", "autosave_us", UNIT_TIME, FALSE },
  { "  longest main-loop stall", "autosave_stall_us", UNIT_TIME, FALSE },
  { "  the same, less waits for a CPU", "autosave_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame (ticks, layout, paint)", "autosave_stall_frame_us", UNIT_TIME, FALSE },
  { "  longest other work in one turn", "autosave_stall_work_us", UNIT_TIME, FALSE },
  { "close: draft and lock let go", "close_us", UNIT_TIME, FALSE },
  { "  longest main-loop stall", "close_stall_us", UNIT_TIME, FALSE },
  { "  the same, less waits for a CPU", "close_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame (ticks, layout, paint)", "close_stall_frame_us", UNIT_TIME, FALSE },
  { "  longest other work in one turn", "close_stall_work_us", UNIT_TIME, FALSE },
  { "an idle window's longest stall", "idle_stall_us", UNIT_TIME, FALSE },
  { "words typed on screen, longest frame", "edit_stall_frame_us", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "open, spelling off: longest stall", "nospell_open_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "nospell_open_stall_cpu_us", UNIT_TIME, FALSE },
  { "open, spelling on: rows made", "spell_open_rows_us", UNIT_TIME, FALSE },
  { "  longest stall", "spell_open_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "spell_open_stall_cpu_us", UNIT_TIME, FALSE },
  { "rows on screen underlined", "spell_underlined_us", UNIT_TIME, FALSE },
  { "whole document checked", "spell_checked_us", UNIT_TIME, FALSE },
  { "  longest stall while it checks", "spell_check_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "spell_check_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame while it checks", "spell_check_stall_frame_us", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "amendments, one for two clauses", "amendments", UNIT_COUNT, FALSE },
  { "show the panel: longest stall", "panel_open_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "panel_open_stall_cpu_us", UNIT_TIME, FALSE },
  { "show changes marked: longest stall", "marked_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "marked_stall_cpu_us", UNIT_TIME, FALSE },
  { "search typed, erased: longest stall", "search_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "search_stall_cpu_us", UNIT_TIME, FALSE },
  { "  longest frame", "search_stall_frame_us", UNIT_TIME, FALSE },
  { "delegation, status: longest stall", "filter_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "filter_stall_cpu_us", UNIT_TIME, FALSE },
  { "accept and undo: longest stall", "accept_stall_us", UNIT_TIME, FALSE },
  { "  less waits for a CPU", "accept_stall_cpu_us", UNIT_TIME, FALSE },
  { NULL, NULL, 0, FALSE },
  { "memory, GTK started, file being read", "rss_init_kb", UNIT_KB, FALSE },
  { "memory, window shown, document loaded", "rss_loaded_kb", UNIT_KB, TRUE },
  { "memory at the first frame", "rss_first_kb", UNIT_KB, TRUE },
  { "peak (ru_maxrss) at the first frame", "peak_first_kb", UNIT_KB, TRUE },
  { "memory, rows at their heights", "rss_settled_kb", UNIT_KB, TRUE },
  { "memory after typing, inserting, scrolling", "rss_scrolled_kb", UNIT_KB, TRUE },
  { "memory at the end", "rss_end_kb", UNIT_KB, TRUE },
  { "peak (ru_maxrss) after all", "peak_kb", UNIT_KB, TRUE },
};

#define LABEL_WIDTH 36
#define VALUE_WIDTH 12

static void
print_rule (void)
{
  for (guint i = 0; i < LABEL_WIDTH + 2 * VALUE_WIDTH + 22; i++)
    g_print ("─");
  g_print ("\n");
}

static void
print_growth (const Row *row,
              double     small,
              double     large,
              double     floor_small,
              double     floor_large)
{
  double growth;

  if (row->above_gtk)
    {
      small -= floor_small;
      large -= floor_large;
    }
  if (small <= 0 || large <= 0)
    return;

  growth = large / small;
  g_print ("    ×%-6.2f", growth);
  if (row->unit == UNIT_TIME || row->above_gtk)
    g_print (" n^%.2f", drafting_bench_natural_log (growth) /
                        drafting_bench_natural_log ((double) sizes[G_N_ELEMENTS (sizes) - 1] / sizes[0]));
  if (row->above_gtk)
    g_print ("  above GTK's");
}

/* "1.2 ms and 3.4 ms", of @key for both sizes */
static char *
both (GHashTable **results[],
      const char  *key,
      Unit         unit)
{
  double values[G_N_ELEMENTS (sizes)];
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    if (!lookup_rounds (results[s], key, &values[s]))
      return g_strdup ("—");
  small = format_value (values[0], unit);
  large = format_value (values[G_N_ELEMENTS (sizes) - 1], unit);

  return g_strdup_printf ("%s and %s", small, large);
}

static void
free_results (GHashTable **results,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&results[i], g_hash_table_unref);
}

/* Every figure with one of GTK's renderers, @renderer (GSK_RENDERER), and
 * its table. Returns FALSE if a child failed (@error set) or the view
 * built too many rows. */
static gboolean
measure_renderer (const char  *renderer,
                  gboolean     first_pass,
                  const char  *self,
                  char       **paths,
                  GHashTable **prepared,
                  gint64       main_time,
                  GError     **error_out)
{
  GHashTable *results_small[ROUNDS] = { NULL, };
  GHashTable *results_large[ROUNDS] = { NULL, };
  GHashTable **results[G_N_ELEMENTS (sizes)] = { results_small, results_large };
  GHashTable *empty[ROUNDS] = { NULL, };
  g_autoptr(GString) too_many = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *note;
  double value;
  gboolean ok = FALSE;

  g_setenv ("GSK_RENDERER", renderer, TRUE);

  /* The empty window first in each round, which also warms the caches;
   * then each size, so that whatever else the machine does weighs on both
   * alike. The first round measures everything, the others the start. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      if ((empty[r] = spawn_child (self, r == 0 ? "--child" : "--start", 0, "-", &error)) == NULL)
        goto out;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        if ((results[s][r] = spawn_child (self, r == 0 ? "--child" : "--start", sizes[s],
                                          paths[s], &error)) == NULL)
          goto out;
    }

  /* The main loop during opening, saving, autosave and closing, and with
   * thousands of amendments, once a size, its figures with the first
   * round's; with each renderer, as their longest stalls are often frames. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint m = 0; m < G_N_ELEMENTS (main_loop_modes); m++)
      {
        g_autoptr(GHashTable) figures = spawn_child (self, main_loop_modes[m], sizes[s], paths[s], &error);
        GHashTableIter iter;
        gpointer figure, measured;

        if (figures == NULL)
          goto out;
        g_hash_table_iter_init (&iter, figures);
        while (g_hash_table_iter_next (&iter, &figure, &measured))
          g_hash_table_insert (results[s][0], g_strdup (figure), g_strdup (measured));
      }

  g_print ("%sDrafting's window at scale, drawn by GTK's %s renderer: resolutions of",
           first_pass ? "" : "\n\n", renderer);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *count = drafting_bench_format_count (sizes[s]);
      double bytes = 0;
      double paragraphs = 0;

      drafting_bench_lookup (prepared[s], "file_bytes", &bytes);
      drafting_bench_lookup (prepared[s], "operative_paragraphs", &paragraphs);
      g_print ("%s\n  %s clauses (%.0f operative paragraphs, %.1f MB saved)", s > 0 ? " and" : "",
               count, paragraphs, bytes / (1024 * 1024));
    }
  g_print (",\nopened from the file in a window of %u×%u holding a page (outline and document), "
           "each size\nin fresh processes: the start is the median of %u, the rest the medians "
           "of the repetitions\nin one. Drawn by %s on %s. A time runs from the action to "
           "the frame\nclock's \"after-paint\" of the frame that shows it; frames are paced "
           "as on a 60 Hz screen,\nso 17 ms is one frame. Growth is the large figure over the "
           "small one: ×1 is what a list\nthat builds only what is on screen gives.\n\n",
           WINDOW_WIDTH, WINDOW_HEIGHT, ROUNDS,
           (char *) g_hash_table_lookup (results[0][0], "renderer"),
           (char *) g_hash_table_lookup (results[0][0], "display"));

  drafting_bench_print_cell ("measure", LABEL_WIDTH, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *head = drafting_bench_format_count (sizes[s]);

      drafting_bench_print_cell (head, VALUE_WIDTH, FALSE);
    }
  g_print ("    growth\n");
  print_rule ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      double values[G_N_ELEMENTS (sizes)];
      double floors[G_N_ELEMENTS (sizes)] = { 0, };
      gboolean have = TRUE;

      if (row->label == NULL)
        {
          g_print ("\n");
          continue;
        }

      drafting_bench_print_cell (row->label, LABEL_WIDTH, TRUE);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *cell = NULL;

          lookup_rounds (empty, "rss_init_kb", &floors[s]);
          if (!lookup_rounds (results[s], row->key, &values[s]))
            {
              have = FALSE;
              drafting_bench_print_cell ("—", VALUE_WIDTH, FALSE);
              continue;
            }
          cell = format_value (values[s], row->unit);
          drafting_bench_print_cell (cell, VALUE_WIDTH, FALSE);
        }
      if (have)
        print_growth (row, values[0], values[1], floors[0], floors[1]);
      g_print ("\n");
    }
  print_rule ();

  if ((note = g_hash_table_lookup (results[0][0], "real_key_note")) != NULL)
    g_print ("X key presses: not measured: %s.\n", note);
  else
    g_print ("X key presses: %u a round, sent by xdotool (XTEST) to the focused row.\n",
             N_REAL_KEYS);
  if (lookup_rounds (empty, "start_us", &value))
    {
      g_autofree char *start = format_value (value, UNIT_TIME);
      g_autofree char *peak = NULL;
      double empty_start = value;
      double starts[G_N_ELEMENTS (sizes)] = { 0, };

      lookup_rounds (empty, "peak_first_kb", &value);
      peak = format_value (value, UNIT_KB);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        lookup_rounds (results[s], "start_us", &starts[s]);
      g_print ("An empty window of the same size: first frame %s after the process started "
               "(the documents' ×%.2f and ×%.2f of it), peak %s.\n",
               start, starts[0] / empty_start, starts[1] / empty_start, peak);
    }

  {
    double median;
    double p95;
    double frame;

    if (lookup_rounds (empty, "text_view_key_us_med", &median) &&
        lookup_rounds (empty, "text_view_key_us_p95", &p95) &&
        lookup_rounds (empty, "text_view_key_frame_us_med", &frame))
      {
        g_autofree char *median_text = format_value (median, UNIT_TIME);
        g_autofree char *p95_text = format_value (p95, UNIT_TIME);
        g_autofree char *frame_text = format_value (frame, UNIT_TIME);

        g_print ("GTK's own text view holding a page of text, in the same window, typed in "
                 "the same way:\na keystroke painted after %s (95th pct. %s), its frame %s.\n",
                 median_text, p95_text, frame_text);
      }
  }

  /* Only what is on screen is built, whatever the document's length. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double first = lookup_max (results[s], "first_row_widgets");
      double most = lookup_max (results[s], "max_row_widgets");

      if (first > MAX_ROWS || most > MAX_ROWS)
        g_string_append_printf (too_many, "%s%u clauses: %.0f rows at the first frame, "
                                "%.0f at most", too_many->len > 0 ? "; " : "", sizes[s],
                                first, most);
    }

  {
    g_autofree char *first_rows = both (results, "first_row_widgets", UNIT_COUNT);
    g_autofree char *most_rows = both (results, "max_row_widgets", UNIT_COUNT);
    g_autofree char *on_screen = both (results, "settled_in_sight", UNIT_COUNT);
    g_autofree char *start = both (results, "start_us", UNIT_TIME);
    g_autofree char *key = both (results, "key_us_med", UNIT_TIME);
    g_autofree char *real_key = both (results, "real_key_us_med", UNIT_TIME);
    g_autofree char *insert = both (results, "insert_top_us_med", UNIT_TIME);
    g_autofree char *worst = NULL;
    g_autofree char *peak = both (results, "peak_kb", UNIT_KB);
    double worst_values[G_N_ELEMENTS (sizes)];
    double stalls = 0;

    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        double page = 0;
        double wheel = 0;

        lookup_rounds (results[s], "page_us_max", &page);
        lookup_rounds (results[s], "wheel_us_max", &wheel);
        worst_values[s] = MAX (page, wheel);
        stalls += lookup_max (results[s], "stalls");
      }
    {
      g_autofree char *small = format_value (worst_values[0], UNIT_TIME);
      g_autofree char *large = format_value (worst_values[1], UNIT_TIME);

      worst = g_strdup_printf ("%s and %s", small, large);
    }

    g_print ("\nSummary, for 1,000 and 10,000 clauses: %s row widgets at the first frame "
             "for %s rows\non screen (%s at most at any frame; the limit is %u); first frame "
             "with rows after %s;\na keystroke painted after %s (X key presses: %s); a "
             "paragraph inserted at the top,\nevery number after it renumbered, painted after "
             "%s; the worst frame scrolling %s\n(%.0f over 100 ms); peak memory %s; the run "
             "took %.1f s.\n",
             first_rows, on_screen, most_rows, MAX_ROWS, start, key, real_key, insert, worst,
             stalls, peak, (g_get_monotonic_time () - main_time) / 1e6);
  }

  if (too_many->len > 0)
    g_print ("FAILED: the view builds more rows than the screen shows (%s).\n", too_many->str);
  ok = too_many->len == 0;


out:
  if (error != NULL)
    g_propagate_error (error_out, g_steal_pointer (&error));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    free_results (results[s], ROUNDS);
  free_results (empty, ROUNDS);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  gint64 main_time = g_get_monotonic_time ();
  GHashTable *prepared[G_N_ELEMENTS (sizes)] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  char *paths[G_N_ELEMENTS (sizes)] = { NULL, };
  int status = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (sizes) == 2);

  setlocale (LC_ALL, "");
  g_set_prgname ("bench-window");
  drafting_core_init ();

  if (argc > 1 && (strcmp (argv[1], "--child") == 0 || strcmp (argv[1], "--start") == 0))
    return run_child (argc, argv, main_time);
  if (argc > 1 && strcmp (argv[1], "--prepare") == 0)
    return run_prepare (argc, argv);
  if (argc > 1 && strcmp (argv[1], "--files") == 0)
    return bench_window_files_run (argc, argv);
  if (argc > 1 && strcmp (argv[1], "--amendments") == 0)
    return bench_window_amendments_run (argc, argv);
  if (argc > 1 && strcmp (argv[1], "--spelling") == 0)
    return bench_window_spelling_run (argc, argv);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-window: no display: run it under xvfb-run\n");
      return 1;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  dir = drafting_test_make_tmpdir ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("resolution-%u" DRAFTING_NATIVE_EXTENSION,
                                               sizes[s]);

      paths[s] = g_build_filename (dir, name, NULL);
      if ((prepared[s] = spawn_child (self, "--prepare", sizes[s], paths[s], &error)) == NULL)
        goto failed;
    }

  /* The GL renderer, GTK's own choice, then cairo's, which draws on the
   * processor, as GTK does where OpenGL is missing. */
  for (guint k = 0; k < G_N_ELEMENTS (renderers); k++)
    if (!measure_renderer (renderers[k], k == 0, self, paths, prepared, main_time, &error))
      {
        if (error != NULL)
          goto failed;
        status = 1;
      }

  drafting_test_remove_tree (dir);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_clear_pointer (&prepared[s], g_hash_table_unref);
      g_clear_pointer (&paths[s], g_free);
    }
  return status;

failed:
  g_printerr ("bench-window: %s\n", error->message);
  drafting_test_remove_tree (dir);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_clear_pointer (&prepared[s], g_hash_table_unref);
      g_clear_pointer (&paths[s], g_free);
    }
  return 1;
}
