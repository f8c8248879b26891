/* wco-draft-revisions.c: the revision commands of wco-draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "drafting-core.h"
#include "wco-draft-tool.h"

/*
 * wco-draft revise FILE --label LABEL
 * wco-draft revisions FILE [--json]
 * wco-draft compare FILE --from LABEL --to LABEL|present [--json]
 * wco-draft text FILE --revision LABEL   (the option is read in
 *   wco-draft-amendments.c, the revision printed here)
 *
 * revise keeps a copy of the document as it is under LABEL, and writes
 * FILE in place, through the core's save (a temporary file renamed over
 * the old one); it prints nothing. A label refused (empty, taken, more
 * than a line) leaves FILE as it was and exits with 1, as does a label
 * that names no revision in the other commands; a command line GOption
 * cannot read, or without FILE or a required option, exits with 2.
 *
 * compare prints the later version as `text` does, with what changed
 * marked as wdiff marks it: {+inserted words+} and [-deleted words-],
 * a deleted element as deleted lines where it was, an inserted one as
 * inserted lines, a moved one as both.
 */

/* What `--to` names for the text as it is now. */
#define PRESENT "present"

/* ------------------------------------------------------------------ */
/* Shared                                                              */

/* The revision of @label, or, when there is none, %NULL and a message
 * that says which there are. */
static DraftingRevision *
find_revision (DraftingDocument *document,
               const char       *path,
               const char       *label)
{
  DraftingRevision *revision = drafting_document_lookup_revision (document, label);
  GListModel *revisions = drafting_document_get_revisions (document);
  g_autoptr(GString) labels = NULL;

  if (revision != NULL)
    return revision;

  if (g_list_model_get_n_items (revisions) == 0)
    {
      /* Translators: a file name, then what was typed as the label of a revision */
      g_printerr (_("wco-draft: %s has no revision “%s”; it has none\n"), path, label);
      return NULL;
    }

  labels = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(DraftingRevision) each = g_list_model_get_item (revisions, i);

      if (i > 0)
        /* Translators: what separates the labels of revisions in a list, as
         * "Draft, Rev.1" */
        g_string_append (labels, _(", "));
      g_string_append (labels, drafting_revision_get_label (each));
    }

  /* Translators: a file name, what was typed as the label of a revision, then the
   * labels it has, as "Draft, Rev.1" */
  g_printerr (_("wco-draft: %s has no revision “%s”; it has: %s\n"), path, label, labels->str);
  return NULL;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* ------------------------------------------------------------------ */
/* revise                                                              */

int
tool_command_revise (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *clean = NULL;
  GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("What the revision is called, as Draft, Rev.1 or Adopted"), N_("LABEL") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Issues a revision of a document: keeps a copy of it as it is now, "
                                "with the date and its status, under a label no other revision "
                                "has, and saves the document."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("revise takes one file"));
  if (label == NULL)
    return tool_usage_error (context, _("say what the revision is called with --label LABEL"));

  if (!tool_is_native (argv[1]))
    {
      /* Translators: %s is a file name, then the extension ".wcodraft" */
      g_printerr (_("%s: revisions are kept only in Drafting's own format (%s)\n"),
                  argv[1], DRAFTING_NATIVE_EXTENSION);
      return 1;
    }

  clean = g_strstrip (g_strdup (label));
  if (g_strcmp0 (clean, PRESENT) == 0)
    {
      /* Translators: a file name, then "present", which is not to be translated */
      g_printerr (_("%s: “%s” names the present text in “wco-draft compare”: give the "
                    "revision another label\n"), argv[1], PRESENT);
      return 1;
    }

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return 1;

  if (!drafting_document_revise (document, label, &error))
    {
      tool_print_error (argv[1], error);
      return 1;
    }

  return tool_save (document, argv[1]) ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* revisions                                                           */

static char *
date_for_people (GDateTime *date)
{
  /* Translators: the date a revision was issued, as "1 December 2026": see
   * g_date_time_format() for what the letters stand for */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* Pads @text with spaces to @width characters. */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (out, ' ');
}

int
tool_command_revisions (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  GListModel *revisions;
  glong label_width = 0;
  glong date_width = 0;
  guint n;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {label, date, status}, the oldest first"), NULL },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Lists the revisions of a document, the oldest first, one a line: "
                                "its label, the date it was issued and the status the document "
                                "then had."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("revisions takes one file"));

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return 1;

  revisions = drafting_document_get_revisions (document);
  n = g_list_model_get_n_items (revisions);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DraftingRevision) revision = g_list_model_get_item (revisions, i);
          g_autofree char *date = drafting_revision_format_date (revision);

          json_builder_begin_object (builder);
          add_string (builder, "label", drafting_revision_get_label (revision));
          add_string (builder, "date", date);
          add_string (builder, "status",
                      drafting_status_to_string (drafting_revision_get_status (revision)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  /* Columns as wide as the widest label and date. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingRevision) revision = g_list_model_get_item (revisions, i);
      char *date = date_for_people (drafting_revision_get_date (revision));

      label_width = MAX (label_width, g_utf8_strlen (drafting_revision_get_label (revision), -1));
      date_width = MAX (date_width, g_utf8_strlen (date, -1));
      g_ptr_array_add (dates, date);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingRevision) revision = g_list_model_get_item (revisions, i);

      append_padded (out, drafting_revision_get_label (revision), label_width);
      g_string_append (out, "  ");
      append_padded (out, g_ptr_array_index (dates, i), date_width);
      g_string_append (out, "  ");
      g_string_append (out, drafting_status_get_display_name (drafting_revision_get_status (revision)));
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);

  return 0;
}

/* ------------------------------------------------------------------ */
/* compare                                                             */

static void
add_entry_json (JsonBuilder                   *builder,
                const DraftingComparisonEntry *entry)
{
  DraftingKind kind = entry->kind_to != DRAFTING_KIND_INVALID ? entry->kind_to : entry->kind_from;
  g_autofree char *words = drafting_marked_text_to_wdiff (entry->words);

  json_builder_begin_object (builder);
  add_string (builder, "id", entry->id);
  add_string (builder, "change", drafting_element_change_to_string (entry->change));
  add_string (builder, "kind", drafting_kind_to_string (kind));
  add_string (builder, "label_from", entry->label_from);
  add_string (builder, "label_to", entry->label_to);
  add_string (builder, "text", words);
  json_builder_end_object (builder);
}

int
tool_command_compare (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  const char *labels[2];
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The earlier revision"), N_("LABEL") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The later revision, or “present” for the text as it is now"), N_("LABEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of the elements that changed, in the order of the text: {id, change "
         "(inserted, deleted, moved or changed), kind, label_from, label_to, text}"), NULL },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Compares two revisions of a document, or a revision and the "
                                "present text, element by element, the same element being the one "
                                "with the same identifier. Prints the later text as it prints, "
                                "with the words inserted written {+so+} and those deleted [-so-], "
                                "as wdiff does: a deleted element as deleted lines where it was, "
                                "an inserted one as inserted lines, a moved one as both."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("compare takes one file"));
  if (from == NULL || to == NULL)
    return tool_usage_error (context, _("say what to compare with --from LABEL --to LABEL"));

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return 1;

  /* "present" is the text as it is now; the rest name revisions. */
  labels[0] = from;
  labels[1] = to;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i], PRESENT) == 0)
        labels[i] = NULL;
      else if (find_revision (document, argv[1], labels[i]) == NULL)
        return 1;
    }

  comparison = drafting_document_compare (document, labels[0], labels[1], &error);
  if (comparison == NULL)
    {
      tool_print_error (argv[1], error);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < drafting_comparison_get_n_entries (comparison); i++)
        {
          const DraftingComparisonEntry *entry = drafting_comparison_get_entry (comparison, i);

          if (entry->change != DRAFTING_ELEMENT_UNCHANGED)
            add_entry_json (builder, entry);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *text = drafting_marked_text_to_wdiff (drafting_comparison_get_text (comparison));

      g_print ("%s", text);
    }

  return 0;
}

/* ------------------------------------------------------------------ */
/* text --revision                                                     */

/* What `wco-draft text FILE --revision LABEL [--view VIEW]` prints, and
 * its exit status: only the clean view (the default, @view %NULL) shows a
 * revision, as it was issued. */
int
tool_print_revision (DraftingDocument *document,
                     const char       *path,
                     const char       *label,
                     const char       *view)
{
  DraftingRevision *revision;
  g_autofree char *text = NULL;

  if (view != NULL && g_strcmp0 (view, "clean") != 0)
    {
      /* Translators: %s is the view asked for, "tracked" or "proposed" */
      g_printerr (_("wco-draft: a revision prints as it was issued, in the clean view: the "
                    "%s view shows the amendments to the present text (compare a revision with "
                    "another with “wco-draft compare”)\n"), view);
      return 1;
    }

  if ((revision = find_revision (document, path, label)) == NULL)
    return 1;

  text = drafting_revision_get_text (revision);
  g_print ("%s", text);
  return 0;
}
