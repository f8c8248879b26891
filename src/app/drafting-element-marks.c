/* drafting-element-marks.c: the words amendments insert and delete, shown in an element's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core decides what is inserted and deleted, and by whom
 * (drafting-tracking.h); this shows it in a text buffer: inserted words
 * underlined, deleted ones struck through, both in the colour of their
 * delegation (drafting-delegation-colour.h), in the shade that reads on
 * the page as it is now, light or dark. A tag a delegation and change,
 * made the first time a buffer needs it and named after them, so that the
 * delegation can be named on hover and to screen readers.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "drafting-delegation-colour.h"
#include "drafting-element-marks.h"

static GQuark delegation_quark;
static GQuark change_quark;

static GtkTextTag *
tag_for (GtkTextBuffer  *buffer,
         DraftingChange  change,
         const char     *author)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s", change == DRAFTING_CHANGE_INSERTED ? "inserted" : "deleted",
                                           dark ? "dark" : "light", author != NULL ? author : "");
  g_autofree char *colour = drafting_delegation_colour_hex (author, dark);
  GtkTextTag *tag;

  if ((tag = gtk_text_tag_table_lookup (table, name)) != NULL)
    return tag;

  if (G_UNLIKELY (delegation_quark == 0))
    {
      delegation_quark = g_quark_from_static_string ("drafting-mark-delegation");
      change_quark = g_quark_from_static_string ("drafting-mark-change");
    }

  if (change == DRAFTING_CHANGE_INSERTED)
    {
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, colour);
      tag = gtk_text_buffer_create_tag (buffer, name,
                                        "foreground", colour,
                                        "underline", PANGO_UNDERLINE_SINGLE,
                                        "underline-rgba", &rgba,
                                        NULL);
    }
  else
    {
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, colour);
      tag = gtk_text_buffer_create_tag (buffer, name,
                                        "foreground", colour,
                                        "strikethrough", TRUE,
                                        "strikethrough-rgba", &rgba,
                                        NULL);
    }
  g_object_set_qdata_full (G_OBJECT (tag), delegation_quark, g_strdup (author), g_free);
  g_object_set_qdata (G_OBJECT (tag), change_quark, GUINT_TO_POINTER (change));

  return tag;
}

/**
 * drafting_element_marks_insert:
 * @buffer: a text buffer
 * @iter: where to insert, moved to the end of what is inserted
 * @marked: text with its changes marked
 * @extra: (nullable): a tag for all of it, as well as the marks
 *
 * Inserts @marked, its inserted and deleted runs tagged in the colour of
 * their delegation.
 */
void
drafting_element_marks_insert (GtkTextBuffer      *buffer,
                               GtkTextIter        *iter,
                               DraftingMarkedText *marked,
                               GtkTextTag         *extra)
{
  drafting_element_marks_insert_from (buffer, iter, marked, 0, extra);
}

/**
 * drafting_element_marks_insert_from:
 * @from: where in @marked to start, in bytes: what comes before, the row
 *   shows already (the "DRAFT " before a title)
 *
 * Inserts @marked from @from, as drafting_element_marks_insert() does.
 */
void
drafting_element_marks_insert_from (GtkTextBuffer      *buffer,
                                    GtkTextIter        *iter,
                                    DraftingMarkedText *marked,
                                    gsize               from,
                                    GtkTextTag         *extra)
{
  const char *text = drafting_marked_text_get_text (marked);
  gsize length = drafting_marked_text_get_length (marked);
  gsize at = MIN (from, length);

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);
      gsize start = MAX (run->start, at);

      if (run->end <= at)
        continue;
      if (start > at)
        gtk_text_buffer_insert_with_tags (buffer, iter, text + at, start - at, extra, NULL);
      gtk_text_buffer_insert_with_tags (buffer, iter, text + start, run->end - start,
                                        tag_for (buffer, run->change, run->author), extra, NULL);
      at = run->end;
    }
  if (length > at)
    gtk_text_buffer_insert_with_tags (buffer, iter, text + at, length - at, extra, NULL);
}

/**
 * drafting_element_marks_attributes:
 * @marked: text with its changes marked
 * @start: where the text to show starts in @marked, in bytes
 * @end: where it ends
 *
 * The marks of a part of @marked as attributes of a label that shows
 * that part alone: inserted words underlined and deleted ones struck
 * through, in the colour of their delegation, as in a buffer.
 *
 * Returns: (transfer full): the attributes, their indices from @start
 */
PangoAttrList *
drafting_element_marks_attributes (DraftingMarkedText *marked,
                                   gsize               start,
                                   gsize               end)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoAttrList *attributes = pango_attr_list_new ();

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const DraftingMarkedRun *run = drafting_marked_text_get_run (marked, i);
      guint from, to;
      PangoAttribute *attribute;
      g_autofree char *hex = NULL;
      GdkRGBA rgba;

      if (run->end <= start || run->start >= end)
        continue;
      from = MAX (run->start, start) - start;
      to = MIN (run->end, end) - start;
      hex = drafting_delegation_colour_hex (run->author, dark);
      gdk_rgba_parse (&rgba, hex);

      attribute = pango_attr_foreground_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535);
      attribute->start_index = from;
      attribute->end_index = to;
      pango_attr_list_insert (attributes, attribute);

      if (run->change == DRAFTING_CHANGE_INSERTED)
        {
          attribute = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
          attribute->start_index = from;
          attribute->end_index = to;
          pango_attr_list_insert (attributes, attribute);
        }
      else
        {
          attribute = pango_attr_strikethrough_new (TRUE);
          attribute->start_index = from;
          attribute->end_index = to;
          pango_attr_list_insert (attributes, attribute);
        }
    }

  return attributes;
}

/**
 * drafting_element_marks_at:
 * @iter: a place in a buffer marks were inserted in
 * @change: (out) (optional): what the change there does
 *
 * Returns: (nullable): the delegation whose change is at @iter, or %NULL
 *   if there is none
 */
const char *
drafting_element_marks_at (GtkTextIter    *iter,
                           DraftingChange *change)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  if (delegation_quark == 0)
    return NULL;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GObject *tag = l->data;

      if (g_object_get_qdata (tag, change_quark) != NULL)
        {
          if (change != NULL)
            *change = GPOINTER_TO_UINT (g_object_get_qdata (tag, change_quark));
          return g_object_get_qdata (tag, delegation_quark);
        }
    }

  return NULL;
}

/**
 * drafting_element_marks_describe:
 * @marked: text with its changes marked
 *
 * Returns: (transfer full) (nullable): the changes in words, for screen
 *   readers: "Changes proposed by France, Kenya", or %NULL if there are
 *   none
 */
char *
drafting_element_marks_describe (DraftingMarkedText *marked)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < drafting_marked_text_get_n_runs (marked); i++)
    {
      const char *author = drafting_marked_text_get_run (marked, i)->author;

      /* Interned: the same name is the same pointer. */
      if (author != NULL && !g_ptr_array_find (names, author, NULL))
        g_ptr_array_add (names, (gpointer) author);
    }
  if (names->len == 0)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: what separates the names of delegations in a list */
        g_string_append (list, _(", "));
      g_string_append (list, g_ptr_array_index (names, i));
    }

  /* Translators: %s is a list of delegations, "France, Kenya" */
  return g_strdup_printf (ngettext ("Changes proposed by %s", "Changes proposed by %s", names->len),
                          list->str);
}
