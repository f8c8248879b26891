/* drafting-render.c: elements as they show and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-language.h"
#include "drafting-render.h"
#include "drafting-text-utils.h"

/*
 * The one set of rules for what an element shows on screen and prints,
 * which the window's rows, the print layout (and so the PDF) and the plain
 * text export all follow: the label an element prints with ("PRINCIPLE I",
 * "(a)", a bullet or a dash), its marker and where it goes ("PRINCIPLE I –"
 * before the text, "ANNEX" above it), the footnote calls in its text, the
 * words its status adds to the heading ("DRAFT"), the line of place and
 * date. How a leading phrase joins its text is drafting_text_join_lead()'s.
 * The words are the document's language's, never the interface's.
 */

static const DraftingLanguageTerms *
terms_of (DraftingNode *node)
{
  DraftingDocument *document = drafting_node_get_document (node);

  return drafting_language_get_terms (document ? drafting_document_get_language (document) : NULL);
}

static gboolean
in_resolution (DraftingNode *node)
{
  DraftingDocument *document = drafting_node_get_document (node);

  return document == NULL ||
         drafting_document_get_document_type (document) != DRAFTING_DOCUMENT_COMMUNIQUE;
}

/**
 * drafting_render_has_bullet:
 *
 * Returns: whether @node is numbered with a bullet (or a dash), as its
 *   document numbers the elements of its kind and place
 */
gboolean
drafting_render_has_bullet (DraftingNode *node)
{
  DraftingDocument *document = drafting_node_get_document (node);
  DraftingNode *parent = drafting_node_get_parent (node);
  DraftingNumberingSlot slot;

  if (parent == NULL)
    return FALSE;

  slot = drafting_numbering_slot_for (drafting_node_get_kind (node), drafting_node_get_kind (parent));
  if (slot == DRAFTING_NUMBERING_SLOT_INVALID)
    return FALSE;

  return (document ? drafting_document_get_numbering (document, slot)
                   : drafting_numbering_slot_get_default (slot)) == DRAFTING_NUMBER_STYLE_BULLET;
}

/* Bullets of nested items alternate, as the texts have them: "•" for the
 * items of a list, "–" for the items nested in them, "•" a level below. */
static const char *
bullet_of (DraftingNode *node)
{
  guint depth = 0;

  for (DraftingNode *n = node; n != NULL; n = drafting_node_get_parent (n))
    if (drafting_node_get_kind (n) == DRAFTING_KIND_ITEM)
      depth++;

  return depth % 2 == 1 ? "•" : "–";
}

/**
 * drafting_render_label:
 *
 * Returns: (transfer full): what an element prints before its text: "3.",
 *   "(b)", "PRINCIPLE IV", "Principle IV", "ANNEX", "•" or "–", or ""
 */
char *
drafting_render_label (DraftingNode *node)
{
  g_autofree char *number = drafting_node_get_number (node);

  switch (drafting_node_get_kind (node))
    {
    /* The words are the document's language's, not the interface's. */
    case DRAFTING_KIND_PRINCIPLE:
      return g_strconcat (in_resolution (node) ? terms_of (node)->principle_capitals
                                               : terms_of (node)->principle,
                          number, NULL);

    case DRAFTING_KIND_ANNEX:
      {
        DraftingDocument *document = drafting_node_get_document (node);

        if (document != NULL && drafting_document_count_kind (document, DRAFTING_KIND_ANNEX) == 1)
          return g_strdup (terms_of (node)->annex);
        return g_strconcat (terms_of (node)->annex_numbered, number, NULL);
      }

    case DRAFTING_KIND_FOOTNOTE:
      return drafting_render_superscript ((guint) g_ascii_strtoull (number, NULL, 10));

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_SPEAKER_FORMULA:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_N_KINDS:
    default:
      if (drafting_render_has_bullet (node))
        return g_strdup (bullet_of (node));
      return g_steal_pointer (&number);
    }
}

/**
 * drafting_render_marker:
 * @place: (out) (optional): where the marker goes
 *
 * What an element shows and prints before its text, and where: a number
 * or a bullet hanging before it ("3.", "•"), a principle's number and a
 * dash before a title ("PRINCIPLE I –"), the annex heading on a line of
 * its own above ("ANNEX").
 *
 * Returns: (transfer full): the marker, or "" with %DRAFTING_MARKER_NONE
 */
char *
drafting_render_marker (DraftingNode        *node,
                        DraftingMarkerPlace *place)
{
  char *label = drafting_render_label (node);
  DraftingMarkerPlace where = DRAFTING_MARKER_HANGING;

  switch (drafting_node_get_kind (node))
    {
    case DRAFTING_KIND_PRINCIPLE:
      where = DRAFTING_MARKER_RUN_IN;
      if (!drafting_inline_is_empty (drafting_node_get_content (node)))
        {
          char *with_dash = g_strconcat (label, " –", NULL);

          g_free (label);
          label = with_dash;
        }
      break;

    case DRAFTING_KIND_ANNEX:
      where = DRAFTING_MARKER_ABOVE;
      break;

    case DRAFTING_KIND_DOCUMENT:
    case DRAFTING_KIND_HEADING:
    case DRAFTING_KIND_PLACE_DATE:
    case DRAFTING_KIND_AUTHORITY:
    case DRAFTING_KIND_PREAMBLE_CLAUSE:
    case DRAFTING_KIND_OPERATIVE_FORMULA:
    case DRAFTING_KIND_OPERATIVE_PARAGRAPH:
    case DRAFTING_KIND_SUB_PARAGRAPH:
    case DRAFTING_KIND_SECTION:
    case DRAFTING_KIND_ITEM:
    case DRAFTING_KIND_OCCASION:
    case DRAFTING_KIND_TITLE:
    case DRAFTING_KIND_NARRATIVE_PARAGRAPH:
    case DRAFTING_KIND_SPEAKER_FORMULA:
    case DRAFTING_KIND_STATEMENT:
    case DRAFTING_KIND_FOOTNOTE:
    case DRAFTING_KIND_PARAGRAPH:
    case DRAFTING_N_KINDS:
    default:
      break;
    }

  if (label[0] == '\0')
    where = DRAFTING_MARKER_NONE;
  if (place != NULL)
    *place = where;

  return label;
}

/**
 * drafting_render_marker_separator:
 *
 * Returns: what goes between a marker that is part of the text's lines
 *   and the text: " " after "PRINCIPLE I –", a line break after "ANNEX",
 *   or "" when there is no text, or no such marker
 */
const char *
drafting_render_marker_separator (DraftingNode *node)
{
  DraftingKind kind = drafting_node_get_kind (node);

  if (drafting_inline_is_empty (drafting_node_get_content (node)))
    return "";
  if (kind == DRAFTING_KIND_PRINCIPLE)
    return " ";
  if (kind == DRAFTING_KIND_ANNEX)
    return "\n";

  return "";
}

/**
 * drafting_render_footnote_call:
 * @node: the element whose text calls a footnote
 * @ref: the id the call names
 * @footnote: (out) (optional) (transfer none): the footnote called
 *
 * Finds the footnote a call in @node's text names, among @node's own
 * footnotes first, then in the whole document.
 *
 * Returns: (transfer full) (nullable): the call as it shows and prints, the
 *   footnote's number in superscript ("¹"), or %NULL when @ref names no
 *   footnote
 */
char *
drafting_render_footnote_call (DraftingNode  *node,
                               const char    *ref,
                               DraftingNode **footnote)
{
  DraftingDocument *document = drafting_node_get_document (node);
  DraftingNode *found = drafting_node_find_footnote (node, ref);

  if (found == NULL && document != NULL)
    found = drafting_document_lookup (document, ref);
  if (found != NULL && drafting_node_get_kind (found) != DRAFTING_KIND_FOOTNOTE)
    found = NULL;
  if (footnote != NULL)
    *footnote = found;

  return found != NULL ? drafting_render_label (found) : NULL;
}

/**
 * drafting_render_prefix:
 *
 * Returns: (transfer full): what the document's status adds before the
 *   first heading or title: "DRAFT ", "Draft ", or ""
 */
char *
drafting_render_prefix (DraftingNode *node)
{
  DraftingDocument *document = drafting_node_get_document (node);
  DraftingKind kind = drafting_node_get_kind (node);
  DraftingStatus status;
  DraftingNode *first = NULL;
  DraftingNode *root;

  if (document == NULL || (kind != DRAFTING_KIND_HEADING && kind != DRAFTING_KIND_TITLE))
    return g_strdup ("");

  root = drafting_document_get_root (document);
  for (guint i = 0; i < drafting_node_get_n_children (root) && first == NULL; i++)
    if (drafting_node_get_kind (drafting_node_get_child (root, i)) == kind)
      first = drafting_node_get_child (root, i);
  if (first != node)
    return g_strdup ("");

  status = drafting_document_get_status (document);
  if (status == DRAFTING_STATUS_DRAFT)
    return g_strdup (kind == DRAFTING_KIND_HEADING ? terms_of (node)->heading_draft
                                                   : terms_of (node)->title_draft);
  if (status == DRAFTING_STATUS_REVISED)
    return g_strdup (kind == DRAFTING_KIND_HEADING ? terms_of (node)->heading_revised
                                                   : terms_of (node)->title_revised);

  return g_strdup ("");
}

/**
 * drafting_render_place_date:
 *
 * Returns: (transfer full): "(Luxor, December 2017)", or "" when neither
 *   is known
 */
char *
drafting_render_place_date (DraftingDocument *document)
{
  const char *place = drafting_document_get_place (document);
  const char *date = drafting_document_get_date (document);

  if (place[0] != '\0' && date[0] != '\0')
    return g_strdup_printf ("(%s, %s)", place, date);
  if (place[0] != '\0' || date[0] != '\0')
    return g_strdup_printf ("(%s)", place[0] != '\0' ? place : date);

  return g_strdup ("");
}

/**
 * drafting_render_superscript:
 *
 * Returns: (transfer full): @number in superscript digits: "¹²"
 */
char *
drafting_render_superscript (guint number)
{
  static const char * const digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  g_autofree char *plain = g_strdup_printf ("%u", number);
  GString *str = g_string_new (NULL);

  for (const char *p = plain; *p != '\0'; p++)
    g_string_append (str, digits[*p - '0']);

  return g_string_free (str, FALSE);
}

/**
 * drafting_render_plain_text:
 * @with_calls: whether footnote calls print as superscript numbers
 *
 * Returns: (transfer full): the text of @node as it prints, leading phrase
 *   included, without its label
 */
char *
drafting_render_plain_text (DraftingNode *node,
                            gboolean      with_calls)
{
  const DraftingInline *content = drafting_node_get_content (node);
  DraftingDocument *document = drafting_node_get_document (node);
  g_autofree char *prefix = NULL;
  GString *text;

  if (drafting_node_get_kind (node) == DRAFTING_KIND_PLACE_DATE)
    return document ? drafting_render_place_date (document) : g_strdup ("");

  text = g_string_new (drafting_inline_get_text (content));

  if (with_calls)
    for (guint i = drafting_inline_get_n_marks (content); i > 0; i--)
      {
        const DraftingMark *mark = drafting_inline_get_mark (content, i - 1);
        g_autofree char *call = NULL;

        if (mark->kind == DRAFTING_MARK_FOOTNOTE_REF &&
            (call = drafting_render_footnote_call (node, mark->ref, NULL)) != NULL)
          g_string_insert (text, mark->start, call);
      }

  prefix = drafting_render_prefix (node);
  if (prefix[0] != '\0')
    g_string_prepend (text, prefix);

  {
    g_autofree char *body = g_string_free (text, FALSE);

    return drafting_text_join_lead (drafting_node_get_lead (node), body);
  }
}

static void
append_indented (GString    *out,
                 guint       indent,
                 const char *text)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static void
render_node (GString      *out,
             DraftingNode *node,
             guint         list_depth)
{
  DraftingKind kind = drafting_node_get_kind (node);
  g_autofree char *label = drafting_render_label (node);
  g_autofree char *text = drafting_render_plain_text (node, TRUE);
  g_autofree char *line = NULL;
  gboolean is_item = kind == DRAFTING_KIND_ITEM;
  gboolean is_sub = kind == DRAFTING_KIND_SUB_PARAGRAPH;
  gboolean bullet = drafting_render_has_bullet (node);
  guint child_depth = list_depth;

  switch (kind)
    {
    case DRAFTING_KIND_PRINCIPLE:
      line = text[0] != '\0' ? g_strdup_printf ("%s - %s", label, text) : g_strdup (label);
      break;

    case DRAFTING_KIND_ANNEX:
      line = text[0] != '\0' ? g_strdup_printf ("%s\n\n%s", label, text) : g_strdup (label);
      break;

    case DRAFTING_KIND_FOOTNOTE:
      line = g_strdup_printf ("%s %s", label, text);
      break;

    default:
      if (is_item)
        {
          /* Items print with a dash, as the texts have them; a numbered item
           * has its number after it. */
          if (label[0] != '\0' && !bullet)
            line = g_strdup_printf ("- %s %s", label, text);
          else
            line = g_strdup_printf ("- %s", text);
          child_depth = list_depth + 1;
        }
      else if (label[0] != '\0' && !bullet)
        line = g_strdup_printf ("%s %s", label, text);
      else if (label[0] != '\0')
        line = g_strdup_printf ("- %s", text);
      else
        line = g_strdup (text);

      if (is_sub)
        child_depth = list_depth + 1;
      break;
    }

  /* Footnotes print after the text that calls them. */
  if (kind != DRAFTING_KIND_FOOTNOTE)
    {
      if (!(is_item && list_depth > 0) && out->len > 0)
        g_string_append_c (out, '\n');
      append_indented (out, is_item || is_sub ? list_depth : 0, line);
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) != DRAFTING_KIND_FOOTNOTE)
        render_node (out, child, child_depth);
    }

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE)
        {
          g_autofree char *note_label = drafting_render_label (child);
          g_autofree char *note_text = drafting_render_plain_text (child, TRUE);

          g_string_append_printf (out, "\n%s %s\n", note_label, note_text);
        }
    }
}

/**
 * drafting_render_document_text:
 *
 * Returns: (transfer full): the whole document as plain text, laid out as
 *   it prints, which the importer reads back to the same structure
 */
char *
drafting_render_document_text (DraftingDocument *document)
{
  DraftingNode *root = drafting_document_get_root (document);
  GString *out = g_string_new (NULL);
  DraftingKind previous = DRAFTING_KIND_INVALID;

  for (guint i = 0; i < drafting_node_get_n_children (root); i++)
    {
      DraftingNode *node = drafting_node_get_child (root, i);
      DraftingKind kind = drafting_node_get_kind (node);

      /* Heading lines, and the occasion and title, print as one block. */
      if ((kind == DRAFTING_KIND_HEADING && previous == DRAFTING_KIND_HEADING) ||
          (kind == DRAFTING_KIND_TITLE && previous == DRAFTING_KIND_OCCASION))
        {
          g_autofree char *text = drafting_render_plain_text (node, TRUE);

          append_indented (out, 0, text);
        }
      else
        render_node (out, node, 0);

      previous = kind;
    }

  return g_string_free (out, FALSE);
}

/**
 * drafting_render_line:
 * @node: an element
 * @head: (out) (transfer full): what its line has before its text, as
 *   drafting_render_document_text() prints it: "3. ", "- (a) ", "- ",
 *   "PRINCIPLE I - ", "ANNEX\n\n", "¹ " for a footnote, or ""
 * @text: (out) (transfer full): its text, as drafting_render_plain_text()
 *   gives it with footnote calls
 *
 * The line of one element, in two parts, for those that lay out the
 * document's text themselves with something more in it (a comparison of
 * two versions): @head then @text is the line render_node() above prints,
 * which is indented by the element's depth in lists when it is an item or
 * a sub-paragraph. The two must stay the same.
 */
void
drafting_render_line (DraftingNode  *node,
                      char         **head,
                      char         **text)
{
  DraftingKind kind = drafting_node_get_kind (node);
  g_autofree char *label = drafting_render_label (node);
  gboolean bullet = drafting_render_has_bullet (node);
  char *plain = drafting_render_plain_text (node, TRUE);

  g_return_if_fail (head != NULL && text != NULL);

  switch (kind)
    {
    case DRAFTING_KIND_PRINCIPLE:
      *head = plain[0] != '\0' ? g_strconcat (label, " - ", NULL) : g_strdup (label);
      break;

    case DRAFTING_KIND_ANNEX:
      *head = plain[0] != '\0' ? g_strconcat (label, "\n\n", NULL) : g_strdup (label);
      break;

    case DRAFTING_KIND_FOOTNOTE:
      *head = g_strconcat (label, " ", NULL);
      break;

    case DRAFTING_KIND_ITEM:
      *head = label[0] != '\0' && !bullet ? g_strconcat ("- ", label, " ", NULL) : g_strdup ("- ");
      break;

    default:
      if (label[0] != '\0' && !bullet)
        *head = g_strconcat (label, " ", NULL);
      else if (label[0] != '\0')
        *head = g_strdup ("- ");
      else
        *head = g_strdup ("");
      break;
    }

  *text = plain;
}
