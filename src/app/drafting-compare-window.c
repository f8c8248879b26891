/* drafting-compare-window.c: two revisions of a document, or one and the present text, compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "drafting-accessible.h"
#include "drafting-compare-window.h"
#include "drafting-element-marks.h"
#include "drafting-list-revealer.h"

/*
 * The window compares what the two drop-downs choose: any revision the
 * document keeps, or the present text, which comes last. The core does
 * the comparison (drafting-compare.h), elements matched by identifier and
 * words within them, and the list shows it an element a row, marked as the
 * amendments are: inserted words underlined, deleted ones struck through,
 * elements that moved shaded at their new place. Only the rows on screen
 * are made: a comparison of 10,000 clauses shows as soon as one of ten.
 *
 * A revision never changes, so comparing two of them takes their copies
 * as they are; the present text is copied first (a snapshot, on this
 * thread), and the comparison itself runs in a worker thread: a document
 * of 10,000 clauses does not stop the window. While either side is the
 * present text, a change to the document compares again, once the
 * changes pause.
 */

#define RECOMPARE_DELAY_MS 400

struct _DraftingCompareWindow
{
  AdwWindow           parent_instance;

  DraftingDocument   *document;
  GListModel         *revisions;
  GtkStringList      *versions;      /* the revisions' labels, then the present text */
  DraftingComparison *comparison;    /* what is shown */
  GCancellable       *cancellable;   /* the comparison being made */
  char               *from;          /* what is chosen: a revision's label, or "present" */
  char               *to;
  GtkStringList      *lines;         /* an element of the comparison a line */
  GArray             *line_changes;  /* what became of each, a DraftingElementChange */
  DraftingListRevealer *revealer;    /* the lines given to the list a few a frame */
  GtkSingleSelection *selection;     /* the change gone to */
  guint               recompare_source;
  guint               updating : 1;

  /* Template children */
  AdwWindowTitle     *window_title;
  GtkDropDown        *from_dropdown;
  GtkDropDown        *to_dropdown;
  GtkLabel           *summary_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *same_page;
};

G_DEFINE_FINAL_TYPE (DraftingCompareWindow, drafting_compare_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* The versions                                                        */

static guint
n_revisions (DraftingCompareWindow *self)
{
  return self->revisions != NULL ? g_list_model_get_n_items (self->revisions) : 0;
}

/* The label of the version at @position in the drop-downs, "present" for
 * the present text, or NULL for none. */
static char *
version_at (DraftingCompareWindow *self,
            guint                  position)
{
  g_autoptr(DraftingRevision) revision = NULL;
  guint n = n_revisions (self);

  if (position == n)
    return g_strdup ("present");
  if (position > n)
    return NULL;

  revision = g_list_model_get_item (self->revisions, position);
  return g_strdup (drafting_revision_get_label (revision));
}

static guint
position_of (DraftingCompareWindow *self,
             const char            *version)
{
  guint n = n_revisions (self);

  if (version == NULL || g_strcmp0 (version, "present") == 0)
    return n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingRevision) revision = g_list_model_get_item (self->revisions, i);

      if (g_strcmp0 (drafting_revision_get_label (revision), version) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The text a version is, to compare: a revision's own copy, which never
 * changes, or a snapshot of the document as it is now. */
static DraftingDocument *
version_document (DraftingCompareWindow *self,
                  guint                  position)
{
  g_autoptr(DraftingRevision) revision = NULL;

  if (position >= n_revisions (self))
    return drafting_document_snapshot (self->document);

  revision = g_list_model_get_item (self->revisions, position);
  return g_object_ref (drafting_revision_get_document (revision));
}

/* ------------------------------------------------------------------ */
/* Showing a comparison                                                */

/* A version as a person reads it: a revision's label, or the present text. */
static char *
version_name (DraftingCompareWindow *self G_GNUC_UNUSED,
              const char            *version)
{
  if (version == NULL || g_strcmp0 (version, "present") == 0)
    /* Translators: one of two versions compared, "No word differs between Rev.1 and the present text" */
    return g_strdup (_("the present text"));

  return g_strdup (version);
}

static const char *
describe_change (DraftingElementChange change)
{
  switch (change)
    {
    case DRAFTING_ELEMENT_INSERTED:
      /* Translators: said of an element, comparing two versions */
      return C_("element", "Inserted");
    case DRAFTING_ELEMENT_DELETED:
      return C_("element", "Deleted");
    case DRAFTING_ELEMENT_MOVED:
      return C_("element", "Moved");
    case DRAFTING_ELEMENT_CHANGED:
      return C_("element", "Changed");
    case DRAFTING_ELEMENT_UNCHANGED:
    default:
      return NULL;
    }
}

/* A row: an element of the comparison, its words marked. */
static void
bind_line (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
           GtkListItem              *item,
           DraftingCompareWindow    *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *line = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  const DraftingComparisonEntry *entry = NULL;
  g_autoptr(PangoAttrList) attributes = NULL;
  GtkWidget *row = gtk_widget_get_parent (label);

  /* GTK 4.8 binds every row again after a change to the list: a row that
   * shows this line already is left as it is, not laid out again. */
  if (g_object_get_data (G_OBJECT (label), "drafting-line") == line)
    return;
  g_object_set_data_full (G_OBJECT (label), "drafting-line", g_object_ref (line), g_object_unref);

  if (self->comparison != NULL && position < drafting_comparison_get_n_entries (self->comparison))
    entry = drafting_comparison_get_entry (self->comparison, position);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (line));
  if (entry != NULL)
    attributes = drafting_element_marks_attributes (drafting_comparison_get_text (self->comparison),
                                                    entry->start, entry->end);
  gtk_label_set_attributes (GTK_LABEL (label), attributes);

  /* What became of the element, said to screen readers and, for one that
   * moved, shown by its shade. */
  if (entry != NULL && entry->change != DRAFTING_ELEMENT_UNCHANGED)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, describe_change (entry->change),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (row != NULL)
    {
      if (entry != NULL && entry->change == DRAFTING_ELEMENT_MOVED)
        gtk_widget_add_css_class (row, "moved");
      else
        gtk_widget_remove_css_class (row, "moved");
    }
}

static void
setup_line (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
            GtkListItem              *item,
            DraftingCompareWindow    *self G_GNUC_UNUSED)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_list_item_set_child (item, label);
}

static void
append_count (GString *summary,
              char    *count)
{
  if (summary->len > 0)
    /* Translators: what separates the counts of a comparison, "2 changed, 1 moved" */
    g_string_append (summary, _(", "));
  g_string_append (summary, count);
  g_free (count);
}

static char *
describe (DraftingComparison *comparison)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint count;

  /* Translators: how many elements a comparison found changed, inserted, deleted or moved */
  if ((count = drafting_comparison_count (comparison, DRAFTING_ELEMENT_CHANGED)) > 0)
    append_count (summary, g_strdup_printf (ngettext ("%u changed", "%u changed", count), count));
  if ((count = drafting_comparison_count (comparison, DRAFTING_ELEMENT_INSERTED)) > 0)
    append_count (summary, g_strdup_printf (ngettext ("%u inserted", "%u inserted", count), count));
  if ((count = drafting_comparison_count (comparison, DRAFTING_ELEMENT_DELETED)) > 0)
    append_count (summary, g_strdup_printf (ngettext ("%u deleted", "%u deleted", count), count));
  if ((count = drafting_comparison_count (comparison, DRAFTING_ELEMENT_MOVED)) > 0)
    append_count (summary, g_strdup_printf (ngettext ("%u moved", "%u moved", count), count));

  if (summary->len == 0)
    return g_strdup (_("No differences"));

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/* Only the rows whose element reads or fares otherwise are made again: a
 * word typed while the present text is compared remakes a row, not the
 * screen. */
static void
replace_lines (DraftingCompareWindow *self,
               DraftingComparison    *comparison,
               GPtrArray             *lines)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  guint new_n = lines->len - 1;
  guint head = 0;
  guint tail = 0;
  gpointer kept;
  g_autoptr(GArray) changes = g_array_sized_new (FALSE, FALSE, sizeof (guint8), new_n);

  for (guint i = 0; i < new_n; i++)
    {
      guint8 change = drafting_comparison_get_entry (comparison, i)->change;

      g_array_append_val (changes, change);
    }

#define SAME(old_i, new_i) \
  (g_array_index (self->line_changes, guint8, old_i) == g_array_index (changes, guint8, new_i) && \
   g_strcmp0 (gtk_string_list_get_string (self->lines, old_i), lines->pdata[new_i]) == 0)

  while (head < old_n && head < new_n && SAME (head, head))
    head++;
  while (tail < old_n - head && tail < new_n - head && SAME (old_n - 1 - tail, new_n - 1 - tail))
    tail++;
#undef SAME

  g_array_unref (self->line_changes);
  self->line_changes = g_steal_pointer (&changes);

  /* The lines to put in, ended where the kept ones start. */
  kept = lines->pdata[new_n - tail];
  lines->pdata[new_n - tail] = NULL;
  gtk_string_list_splice (self->lines, head, old_n - head - tail, (const char * const *) lines->pdata + head);
  lines->pdata[new_n - tail] = kept;

  /* All of it new (another pair of versions): the rows are made a few
   * at a frame, not 200 at once. */
  if (head == 0 && tail == 0)
    drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->lines));
}

static void
show_comparison (DraftingCompareWindow *self,
                 DraftingComparison    *comparison)
{
  DraftingMarkedText *marked = drafting_comparison_get_text (comparison);
  const char *text = drafting_marked_text_get_text (marked);
  guint n = drafting_comparison_get_n_entries (comparison);
  g_autofree char *summary = describe (comparison);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_full (n + 1, g_free);

  g_clear_pointer (&self->comparison, drafting_comparison_unref);
  self->comparison = drafting_comparison_ref (comparison);

  for (guint i = 0; i < n; i++)
    {
      const DraftingComparisonEntry *entry = drafting_comparison_get_entry (comparison, i);

      g_ptr_array_add (lines, g_strndup (text + entry->start, entry->end - entry->start));
    }
  g_ptr_array_add (lines, NULL);

  replace_lines (self, comparison, lines);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gtk_label_set_text (self->summary_label, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  if (!drafting_comparison_has_changes (comparison))
    {
      g_autofree char *from = version_name (self, self->from);
      g_autofree char *to = version_name (self, self->to);
      /* Translators: the two versions compared, "Rev.1" and "the present text" */
      g_autofree char *same = g_strdup_printf (_("No word differs between %s and %s."), from, to);

      adw_status_page_set_description (self->same_page, same);
    }
  gtk_stack_set_visible_child_name (self->stack, drafting_comparison_has_changes (comparison) ? "text" : "same");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change",
                                 drafting_comparison_has_changes (comparison));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change",
                                 drafting_comparison_has_changes (comparison));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

typedef struct
{
  DraftingDocument *from;
  DraftingDocument *to;
} Versions;

static void
versions_free (Versions *versions)
{
  g_clear_object (&versions->from);
  g_clear_object (&versions->to);
  g_free (versions);
}

static void
compare_in_thread (GTask        *task,
                   gpointer      source_object G_GNUC_UNUSED,
                   gpointer      task_data,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  Versions *versions = task_data;

  /* Both are copies nothing else changes. */
  g_task_return_pointer (task,
                         drafting_compare (drafting_document_get_root (versions->from),
                                           drafting_document_get_root (versions->to),
                                           drafting_document_get_language (versions->to)),
                         (GDestroyNotify) drafting_comparison_unref);
}

static void
on_compared (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data G_GNUC_UNUSED)
{
  DraftingCompareWindow *self = DRAFTING_COMPARE_WINDOW (object);
  g_autoptr(DraftingComparison) comparison = g_task_propagate_pointer (G_TASK (result), NULL);

  if (comparison != NULL)
    show_comparison (self, comparison);
}

static void
compare (DraftingCompareWindow *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  g_autoptr(GTask) task = NULL;
  Versions *versions;

  g_clear_handle_id (&self->recompare_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->document == NULL || n_revisions (self) == 0 ||
      from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_label_set_text (self->summary_label, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change", FALSE);
      return;
    }

  versions = g_new0 (Versions, 1);
  versions->from = version_document (self, from);
  versions->to = version_document (self, to);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_compared, NULL);
  g_task_set_source_tag (task, compare);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, versions, (GDestroyNotify) versions_free);
  g_task_run_in_thread (task, compare_in_thread);
}

static gboolean
recompare (gpointer data)
{
  DraftingCompareWindow *self = data;

  self->recompare_source = 0;
  compare (self);

  return G_SOURCE_REMOVE;
}

static gboolean
shows_present (DraftingCompareWindow *self)
{
  guint n = n_revisions (self);

  return gtk_drop_down_get_selected (self->from_dropdown) == n ||
         gtk_drop_down_get_selected (self->to_dropdown) == n;
}

static void
on_document_changed (DraftingCompareWindow *self)
{
  if (!shows_present (self))
    return;

  g_clear_handle_id (&self->recompare_source, g_source_remove);
  self->recompare_source = g_timeout_add (RECOMPARE_DELAY_MS, recompare, self);
}

static void
on_selected (DraftingCompareWindow *self)
{
  if (self->updating)
    return;

  g_free (self->from);
  self->from = version_at (self, gtk_drop_down_get_selected (self->from_dropdown));
  g_free (self->to);
  self->to = version_at (self, gtk_drop_down_get_selected (self->to_dropdown));
  compare (self);
}

/* The revisions changed (one issued, or taken back by undo): the
 * drop-downs list them again, each keeping its choice where it can. */
static void
on_revisions_changed (DraftingCompareWindow *self)
{
  g_autofree char *from = g_strdup (self->from);
  g_autofree char *to = g_strdup (self->to);
  guint n = n_revisions (self);
  g_autofree const char **labels = g_new0 (const char *, n + 2);
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DraftingRevision *revision = g_list_model_get_item (self->revisions, i);

      g_ptr_array_add (revisions, revision);
      labels[i] = drafting_revision_get_label (revision);
    }
  labels[n] = _("Present Text");

  self->updating = TRUE;
  gtk_string_list_splice (self->versions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->versions)), labels);
  self->updating = FALSE;

  drafting_compare_window_set_versions (self, from, to);
}

/* ------------------------------------------------------------------ */
/* Going from change to change                                         */

static void
go_to_change (DraftingCompareWindow *self,
              gboolean               forward)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (self->comparison == NULL)
    return;

  n = drafting_comparison_get_n_entries (self->comparison);
  for (guint k = 0; k < n; k++)
    {
      guint i;

      /* After the change gone to last, or from the start; before it, or
       * from the end. */
      if (forward)
        i = selected == GTK_INVALID_LIST_POSITION ? k : selected + 1 + k;
      else if (selected == GTK_INVALID_LIST_POSITION)
        i = n - 1 - k;
      else if (k < selected)
        i = selected - 1 - k;
      else
        break;
      if (i >= n)
        break;

      if (drafting_comparison_get_entry (self->comparison, i)->change == DRAFTING_ELEMENT_UNCHANGED)
        continue;

      drafting_list_revealer_reveal (self->revealer, i);
      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      return;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
action_next_change (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  go_to_change (DRAFTING_COMPARE_WINDOW (widget), TRUE);
}

static void
action_previous_change (GtkWidget  *widget,
                        const char *action_name G_GNUC_UNUSED,
                        GVariant   *param G_GNUC_UNUSED)
{
  go_to_change (DRAFTING_COMPARE_WINDOW (widget), FALSE);
}

/* ------------------------------------------------------------------ */
/* The window                                                          */

static void
set_document (DraftingCompareWindow *self,
              DraftingDocument      *document)
{
  g_autofree char *subtitle = NULL;
  const char *symbol;

  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  self->revisions = g_object_ref (drafting_document_get_revisions (document));
  g_signal_connect_object (self->revisions, "items-changed", G_CALLBACK (on_revisions_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  symbol = drafting_document_get_symbol (document);
  subtitle = symbol != NULL && symbol[0] != '\0'
             /* Translators: the subtitle of the comparison window: a document's title, then its symbol */
             ? g_strdup_printf (_("%s (%s)"), drafting_document_get_title (document), symbol)
             : g_strdup (drafting_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  on_revisions_changed (self);
}

static void
drafting_compare_window_dispose (GObject *object)
{
  DraftingCompareWindow *self = DRAFTING_COMPARE_WINDOW (object);

  g_clear_handle_id (&self->recompare_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Its pacing stops with the list it paces. */
  if (self->revealer != NULL)
    drafting_list_revealer_set_model (self->revealer, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DRAFTING_TYPE_COMPARE_WINDOW);

  G_OBJECT_CLASS (drafting_compare_window_parent_class)->dispose (object);
}

static void
drafting_compare_window_finalize (GObject *object)
{
  DraftingCompareWindow *self = DRAFTING_COMPARE_WINDOW (object);

  g_clear_pointer (&self->comparison, drafting_comparison_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_object (&self->versions);
  g_clear_object (&self->selection);
  g_clear_object (&self->revealer);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->line_changes, g_array_unref);
  g_clear_object (&self->revisions);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (drafting_compare_window_parent_class)->finalize (object);
}

static void
drafting_compare_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DraftingCompareWindow *self = DRAFTING_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_COMPARISON:
      g_value_set_boxed (value, self->comparison);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_compare_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DraftingCompareWindow *self = DRAFTING_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_compare_window_class_init (DraftingCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_compare_window_dispose;
  object_class->finalize = drafting_compare_window_finalize;
  object_class->get_property = drafting_compare_window_get_property;
  object_class->set_property = drafting_compare_window_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DRAFTING_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DraftingCompareWindow:comparison:
   *
   * The comparison the window shows, %NULL until the first is made.
   */
  properties[PROP_COMPARISON] =
    g_param_spec_boxed ("comparison", NULL, NULL,
                        DRAFTING_TYPE_COMPARISON,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wco/drafting/ui/drafting-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DraftingCompareWindow, same_page);

  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, action_next_change);
  gtk_widget_class_install_action (widget_class, "compare.previous-change", NULL, action_previous_change);
}

static void
drafting_compare_window_init (DraftingCompareWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  factory = gtk_signal_list_item_factory_new ();

  self->lines = gtk_string_list_new (NULL);
  self->line_changes = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->revealer = drafting_list_revealer_new (GTK_WIDGET (self->list_view), DRAFTING_LIST_VIEW_MAX_ROWS);
  drafting_list_revealer_set_model (self->revealer, G_LIST_MODEL (self->lines));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->revealer)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_line), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_line), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->versions = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (self->versions));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (self->versions));
  drafting_accessible_name_dropdown (self->from_dropdown, C_("compare", "From"));
  drafting_accessible_name_dropdown (self->to_dropdown, C_("compare", "To"));
  g_signal_connect_swapped (self->from_dropdown, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_swapped (self->to_dropdown, "notify::selected", G_CALLBACK (on_selected), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change", FALSE);
  drafting_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * drafting_compare_window_new:
 * @document: the document whose revisions to compare
 *
 * Returns: (transfer floating): a window comparing, to begin with, the
 *   last two revisions, or the only one with the present text
 */
GtkWidget *
drafting_compare_window_new (DraftingDocument *document)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  return g_object_new (DRAFTING_TYPE_COMPARE_WINDOW, "document", document, NULL);
}

DraftingDocument *
drafting_compare_window_get_document (DraftingCompareWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_COMPARE_WINDOW (self), NULL);

  return self->document;
}

/**
 * drafting_compare_window_set_versions:
 * @from: (nullable): the label of the earlier revision; %NULL for the
 *   revision before the last
 * @to: (nullable): the label of the later one, or "present" for the
 *   present text; %NULL for the last revision
 *
 * Chooses what to compare. A label the document has no revision of
 * chooses as %NULL does.
 */
void
drafting_compare_window_set_versions (DraftingCompareWindow *self,
                                      const char            *from,
                                      const char            *to)
{
  guint n;
  guint from_position;
  guint to_position;

  g_return_if_fail (DRAFTING_IS_COMPARE_WINDOW (self));

  n = n_revisions (self);
  from_position = from != NULL ? position_of (self, from) : GTK_INVALID_LIST_POSITION;
  to_position = to != NULL ? position_of (self, to) : GTK_INVALID_LIST_POSITION;

  /* The last revision against the one before it, or the only revision
   * against the present text. */
  if (to_position == GTK_INVALID_LIST_POSITION)
    to_position = n >= 2 ? n - 1 : n;
  if (from_position == GTK_INVALID_LIST_POSITION)
    from_position = n >= 2 ? n - 2 : 0;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, from_position);
  gtk_drop_down_set_selected (self->to_dropdown, to_position);
  self->updating = FALSE;

  g_free (self->from);
  self->from = version_at (self, from_position);
  g_free (self->to);
  self->to = version_at (self, to_position);

  compare (self);
}

/**
 * drafting_compare_window_dup_from:
 *
 * Returns: (transfer full) (nullable): the label of the earlier version
 *   chosen, "present" for the present text
 */
char *
drafting_compare_window_dup_from (DraftingCompareWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_COMPARE_WINDOW (self), NULL);

  return g_strdup (self->from);
}

/**
 * drafting_compare_window_dup_to:
 *
 * Returns: (transfer full) (nullable): the label of the later version
 *   chosen, "present" for the present text
 */
char *
drafting_compare_window_dup_to (DraftingCompareWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_COMPARE_WINDOW (self), NULL);

  return g_strdup (self->to);
}

/**
 * drafting_compare_window_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown, %NULL until
 *   the first is made
 */
DraftingComparison *
drafting_compare_window_get_comparison (DraftingCompareWindow *self)
{
  g_return_val_if_fail (DRAFTING_IS_COMPARE_WINDOW (self), NULL);

  return self->comparison;
}
