/* drafting-outline.c: the structure of a document, one element a line or as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-outline"

#include "config.h"

#include <json-glib/json-glib.h>

#include "drafting-outline.h"
#include "drafting-render.h"

#define SUMMARY_LENGTH 60

static void
outline_node (GString      *out,
              DraftingNode *node,
              guint         depth)
{
  g_autofree char *number = drafting_node_get_number (node);
  g_autofree char *summary = NULL;

  if (drafting_node_get_kind (node) == DRAFTING_KIND_PLACE_DATE)
    summary = drafting_render_place_date (drafting_node_get_document (node));
  else
    summary = drafting_node_get_summary (node, SUMMARY_LENGTH);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append (out, drafting_kind_to_string (drafting_node_get_kind (node)));
  if (number[0] != '\0')
    g_string_append_printf (out, " %s", number);
  if (summary[0] != '\0')
    g_string_append_printf (out, " %s", summary);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    outline_node (out, drafting_node_get_child (node, i), depth + 1);
}

/**
 * drafting_outline_to_text:
 *
 * Returns: (transfer full): one element a line, indented two spaces a
 *   level: its kind, its number if it has one, its leading phrase or first
 *   words
 */
char *
drafting_outline_to_text (DraftingDocument *document)
{
  DraftingNode *root = drafting_document_get_root (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    outline_node (out, drafting_node_get_child (root, i), 0);

  return g_string_free (out, FALSE);
}

static JsonNode *
node_to_json (DraftingNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *number = drafting_node_get_number (node);
  g_autofree char *text = NULL;

  if (drafting_node_get_kind (node) == DRAFTING_KIND_PLACE_DATE)
    text = drafting_render_place_date (drafting_node_get_document (node));
  else
    text = g_strdup (drafting_node_get_text (node));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, drafting_node_get_id (node));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, drafting_kind_to_string (drafting_node_get_kind (node)));
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "lead");
  json_builder_add_string_value (builder, drafting_node_get_lead (node));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    json_builder_add_value (builder, node_to_json (drafting_node_get_child (node, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * drafting_outline_to_json:
 *
 * Returns: (transfer full): the top-level elements as a JSON array of
 *   objects {"id", "kind", "number", "lead", "text", "children"}, each
 *   holding its children the same way
 */
char *
drafting_outline_to_json (DraftingDocument *document)
{
  DraftingNode *root = drafting_document_get_root (document);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonArray *array = json_array_new ();
  g_autoptr(JsonNode) top = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    json_array_add_element (array, node_to_json (drafting_node_get_child (root, i)));
  json_node_take_array (top, array);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, top);

  return json_generator_to_data (generator, NULL);
}
