/* drafting-element-text.c: the text of one element, as tall as it is for the width it is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-text"

#include "config.h"

#include "drafting-element-text.h"

/*
 * A GtkTextView measures its height from the layout it made at the width it
 * was last given, and lays out only what it shows. In a list view that is
 * wrong twice over: a row recycled for another element reports the height
 * of text it no longer holds, and the rows the list builds out of sight
 * were never given a width at all, so that each character is a line and a
 * paragraph claims thousands of pixels. The list then takes those for the
 * height of every row it has not built, and its scrollbar is meaningless.
 *
 * This view answers the list's question, how tall for this width, by
 * laying its text out in Pango at that width with the font of its style
 * and the tags that change the size of letters, as the text view will lay
 * it out when it shows it.
 *
 * It wraps lines at words (or inside a word too long for a line), but only
 * from the first time it is given a width. Before that, a text view lays
 * its text out at a width of one pixel, a line a letter, whenever it is
 * asked where its cursor is, as it is when it is realized: for a list that
 * builds two hundred rows, that was most of the time taken to open a
 * document.
 */

struct _DraftingElementText
{
  GtkTextView    parent_instance;

  GtkTextBuffer *buffer;          /* the one whose changes are followed */
  gboolean       wrapping;        /* once it has been given a width */
};

G_DEFINE_FINAL_TYPE (DraftingElementText, drafting_element_text, GTK_TYPE_TEXT_VIEW)

/* What a tag does to the size and shape of the letters it covers. */
static void
add_tag_attributes (GtkTextTag    *tag,
                    PangoAttrList *attrs,
                    guint          start,
                    guint          end)
{
  gboolean style_set, weight_set, scale_set, size_set, family_set, rise_set;
  PangoAttribute *attr[6] = { NULL, };

  g_object_get (tag,
                "style-set", &style_set,
                "weight-set", &weight_set,
                "scale-set", &scale_set,
                "size-set", &size_set,
                "family-set", &family_set,
                "rise-set", &rise_set,
                NULL);

  if (style_set)
    {
      PangoStyle style;

      g_object_get (tag, "style", &style, NULL);
      attr[0] = pango_attr_style_new (style);
    }
  if (weight_set)
    {
      int weight;

      g_object_get (tag, "weight", &weight, NULL);
      attr[1] = pango_attr_weight_new (weight);
    }
  if (scale_set)
    {
      double scale;

      g_object_get (tag, "scale", &scale, NULL);
      attr[2] = pango_attr_scale_new (scale);
    }
  if (size_set)
    {
      int size;

      g_object_get (tag, "size", &size, NULL);
      attr[3] = pango_attr_size_new (size);
    }
  if (family_set)
    {
      g_autofree char *family = NULL;

      g_object_get (tag, "family", &family, NULL);
      attr[4] = pango_attr_family_new (family);
    }
  if (rise_set)
    {
      int rise;

      g_object_get (tag, "rise", &rise, NULL);
      attr[5] = pango_attr_rise_new (rise);
    }

  for (guint i = 0; i < G_N_ELEMENTS (attr); i++)
    if (attr[i] != NULL)
      {
        attr[i]->start_index = start;
        attr[i]->end_index = end;
        pango_attr_list_insert (attrs, attr[i]);
      }
}

static PangoAttrList *
collect_attributes (GtkTextBuffer *buffer,
                    const char    *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  GtkTextIter iter;
  GtkTextIter next;
  const char *p = text;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      GSList *tags = gtk_text_iter_get_tags (&iter);
      const char *q;

      next = iter;
      gtk_text_iter_forward_to_tag_toggle (&next, NULL);
      q = g_utf8_offset_to_pointer (p, gtk_text_iter_get_offset (&next) - gtk_text_iter_get_offset (&iter));

      for (GSList *l = tags; l != NULL; l = l->next)
        add_tag_attributes (l->data, attrs, p - text, q - text);
      g_slist_free (tags);

      p = q;
      iter = next;
    }

  return attrs;
}

static int
height_for_width (DraftingElementText *self,
                  int                  width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;
  GtkBorder padding;
  int text_width;
  int height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_padding (style, &padding);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  attrs = collect_attributes (buffer, text);

  /* The text view keeps a pixel at the right for the cursor. */
  text_width = width - padding.left - padding.right -
               gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view) - 1;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, MAX (text_width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Rounded as the text view rounds the height of each paragraph. */
  {
    PangoLayoutIter *lines = pango_layout_get_iter (layout);
    int paragraph_top = 0;
    PangoRectangle extents;

    height = 0;
    do
      {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly (lines);
        int y0, y1;

        pango_layout_iter_get_line_yrange (lines, &y0, &y1);
        if (line->is_paragraph_start && y0 > paragraph_top)
          {
            height += PANGO_PIXELS (y0 - paragraph_top);
            paragraph_top = y0;
          }
      }
    while (pango_layout_iter_next_line (lines));
    pango_layout_iter_free (lines);

    pango_layout_get_extents (layout, NULL, &extents);
    height += PANGO_PIXELS (extents.height - paragraph_top);
  }

  return height + padding.top + padding.bottom +
         gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static void
drafting_element_text_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  DraftingElementText *self = DRAFTING_ELEMENT_TEXT (widget);

  GTK_WIDGET_CLASS (drafting_element_text_parent_class)->measure (widget, orientation, for_size,
                                                                   minimum, natural,
                                                                   minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      *minimum = *natural = height_for_width (self, for_size);
      *minimum_baseline = *natural_baseline = -1;
    }
  else if (orientation == GTK_ORIENTATION_HORIZONTAL && !self->wrapping)
    {
      /* Unwrapped, the text view would ask for the width of the whole
       * paragraph on one line. */
      *natural = *minimum;
    }
}

static void
drafting_element_text_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DraftingElementText *self = DRAFTING_ELEMENT_TEXT (widget);

  if (!self->wrapping && width > 1)
    {
      self->wrapping = TRUE;
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
    }

  GTK_WIDGET_CLASS (drafting_element_text_parent_class)->size_allocate (widget, width, height, baseline);
}

static GtkSizeRequestMode
drafting_element_text_get_request_mode (GtkWidget *widget G_GNUC_UNUSED)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Any change to the text or its tags may change the height. */
static void
on_buffer_changed (DraftingElementText *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_notify_buffer (DraftingElementText *self,
                  GParamSpec          *pspec G_GNUC_UNUSED,
                  gpointer             user_data G_GNUC_UNUSED)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (buffer == self->buffer)
    return;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_set_object (&self->buffer, buffer);
  if (buffer != NULL)
    {
      g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
      g_signal_connect_data (buffer, "apply-tag", G_CALLBACK (on_buffer_changed), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_data (buffer, "remove-tag", G_CALLBACK (on_buffer_changed), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
drafting_element_text_dispose (GObject *object)
{
  DraftingElementText *self = DRAFTING_ELEMENT_TEXT (object);

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (drafting_element_text_parent_class)->dispose (object);
}

static void
drafting_element_text_class_init (DraftingElementTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = drafting_element_text_dispose;

  widget_class->measure = drafting_element_text_measure;
  widget_class->size_allocate = drafting_element_text_size_allocate;
  widget_class->get_request_mode = drafting_element_text_get_request_mode;
}

static void
drafting_element_text_init (DraftingElementText *self)
{
  g_signal_connect (self, "notify::buffer", G_CALLBACK (on_notify_buffer), NULL);
}

GtkWidget *
drafting_element_text_new (GtkTextBuffer *buffer)
{
  return g_object_new (DRAFTING_TYPE_ELEMENT_TEXT, "buffer", buffer, NULL);
}
