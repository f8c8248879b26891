/* drafting-kind.c: the kinds of element a document is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-kind"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-kind.h"

#define BIT(k) (G_GUINT64_CONSTANT (1) << (k))

typedef struct
{
  const char   *name;
  const char   *display_name;
  guint64       children;     /* bit set of kinds allowed as children */
  DraftingKind  next;         /* the kind Enter makes after this one */
  DraftingKind  first_child;  /* the kind Enter makes inside it, if any */
  DraftingKind  indented;     /* the kind it becomes one level deeper */
  DraftingKind  outdented;    /* the kind it becomes one level higher */
  int           rank;         /* canonical order among the root's children */
  guint         has_text : 1;
  guint         has_lead : 1;
  guint         formula : 1;  /* opens a part of the document, once */
} KindInfo;

#define TOP_LEVEL                                                             \
  (BIT (DRAFTING_KIND_HEADING) | BIT (DRAFTING_KIND_PLACE_DATE) |             \
   BIT (DRAFTING_KIND_AUTHORITY) | BIT (DRAFTING_KIND_PREAMBLE_CLAUSE) |      \
   BIT (DRAFTING_KIND_OPERATIVE_FORMULA) |                                    \
   BIT (DRAFTING_KIND_OPERATIVE_PARAGRAPH) | BIT (DRAFTING_KIND_ANNEX) |      \
   BIT (DRAFTING_KIND_OCCASION) | BIT (DRAFTING_KIND_TITLE) |                 \
   BIT (DRAFTING_KIND_NARRATIVE_PARAGRAPH) |                                  \
   BIT (DRAFTING_KIND_SPEAKER_FORMULA) | BIT (DRAFTING_KIND_STATEMENT) |      \
   BIT (DRAFTING_KIND_PRINCIPLE) | BIT (DRAFTING_KIND_PARAGRAPH))
#define FN BIT (DRAFTING_KIND_FOOTNOTE)
#define NONE DRAFTING_KIND_INVALID

static const KindInfo kinds[DRAFTING_N_KINDS] = {
  [DRAFTING_KIND_DOCUMENT] = {
    "document", N_("Document"), TOP_LEVEL,
    NONE, DRAFTING_KIND_PARAGRAPH, NONE, NONE, 0, FALSE, FALSE, FALSE },
  [DRAFTING_KIND_HEADING] = {
    "heading", N_("Heading"), FN,
    DRAFTING_KIND_HEADING, NONE, NONE, NONE, 0, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_PLACE_DATE] = {
    "place-date", N_("Place and date"), 0,
    DRAFTING_KIND_AUTHORITY, NONE, NONE, NONE, 1, FALSE, FALSE, FALSE },
  [DRAFTING_KIND_AUTHORITY] = {
    "authority", N_("Authority formula"), FN,
    DRAFTING_KIND_PREAMBLE_CLAUSE, NONE, NONE, NONE, 2, TRUE, FALSE, TRUE },
  [DRAFTING_KIND_PREAMBLE_CLAUSE] = {
    "preamble-clause", N_("Preambular clause"), FN,
    DRAFTING_KIND_PREAMBLE_CLAUSE, NONE, NONE, NONE, 3, TRUE, TRUE, FALSE },
  [DRAFTING_KIND_OPERATIVE_FORMULA] = {
    "operative-formula", N_("Operative formula"), FN,
    DRAFTING_KIND_OPERATIVE_PARAGRAPH, NONE, NONE, NONE, 4, TRUE, TRUE, TRUE },
  [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = {
    "operative-paragraph", N_("Operative paragraph"),
    BIT (DRAFTING_KIND_SUB_PARAGRAPH) | BIT (DRAFTING_KIND_PARAGRAPH) | FN,
    DRAFTING_KIND_OPERATIVE_PARAGRAPH, DRAFTING_KIND_SUB_PARAGRAPH,
    DRAFTING_KIND_SUB_PARAGRAPH, NONE, 5, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_SUB_PARAGRAPH] = {
    "sub-paragraph", N_("Sub-paragraph"),
    BIT (DRAFTING_KIND_SUB_PARAGRAPH) | FN,
    DRAFTING_KIND_SUB_PARAGRAPH, DRAFTING_KIND_SUB_PARAGRAPH,
    DRAFTING_KIND_SUB_PARAGRAPH, DRAFTING_KIND_OPERATIVE_PARAGRAPH, 5, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_ANNEX] = {
    "annex", N_("Annex"),
    BIT (DRAFTING_KIND_PARAGRAPH) | BIT (DRAFTING_KIND_PRINCIPLE) |
    BIT (DRAFTING_KIND_SECTION) | BIT (DRAFTING_KIND_ITEM) | FN,
    DRAFTING_KIND_ANNEX, DRAFTING_KIND_PRINCIPLE, NONE, NONE, 7, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_PRINCIPLE] = {
    "principle", N_("Principle"),
    BIT (DRAFTING_KIND_PARAGRAPH) | BIT (DRAFTING_KIND_SECTION) |
    BIT (DRAFTING_KIND_ITEM) | FN,
    DRAFTING_KIND_PRINCIPLE, DRAFTING_KIND_ITEM, NONE, NONE, 7, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_SECTION] = {
    "section", N_("Section"),
    BIT (DRAFTING_KIND_PARAGRAPH) | BIT (DRAFTING_KIND_ITEM) | FN,
    DRAFTING_KIND_SECTION, DRAFTING_KIND_ITEM, NONE, NONE, 7, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_ITEM] = {
    "item", N_("Item"),
    BIT (DRAFTING_KIND_ITEM) | FN,
    DRAFTING_KIND_ITEM, DRAFTING_KIND_ITEM,
    DRAFTING_KIND_ITEM, DRAFTING_KIND_ITEM, 7, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_OCCASION] = {
    "occasion", N_("Occasion"), FN,
    DRAFTING_KIND_TITLE, NONE, NONE, NONE, 0, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_TITLE] = {
    "title", N_("Title"), FN,
    DRAFTING_KIND_NARRATIVE_PARAGRAPH, NONE, NONE, NONE, 1, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = {
    "narrative-paragraph", N_("Narrative paragraph"), FN,
    DRAFTING_KIND_NARRATIVE_PARAGRAPH, NONE, NONE, NONE, 3, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_SPEAKER_FORMULA] = {
    "speaker-formula", N_("Speaker formula"), FN,
    DRAFTING_KIND_STATEMENT, NONE, NONE, NONE, 4, TRUE, FALSE, TRUE },
  [DRAFTING_KIND_STATEMENT] = {
    "statement", N_("Statement"),
    BIT (DRAFTING_KIND_SUB_PARAGRAPH) | FN,
    DRAFTING_KIND_STATEMENT, DRAFTING_KIND_SUB_PARAGRAPH,
    DRAFTING_KIND_SUB_PARAGRAPH, NONE, 5, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_FOOTNOTE] = {
    "footnote", N_("Footnote"), 0,
    DRAFTING_KIND_FOOTNOTE, NONE, NONE, NONE, 8, TRUE, FALSE, FALSE },
  [DRAFTING_KIND_PARAGRAPH] = {
    "paragraph", N_("Paragraph"), FN,
    DRAFTING_KIND_PARAGRAPH, NONE, NONE, NONE, 6, TRUE, FALSE, FALSE },
};

static inline gboolean
kind_is_valid (DraftingKind kind)
{
  return (guint) kind < DRAFTING_N_KINDS;
}

/**
 * drafting_kind_to_string:
 *
 * Returns: the name of @kind as it appears in files and outlines, such as
 *   "preamble-clause", or %NULL for an invalid kind
 */
const char *
drafting_kind_to_string (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].name : NULL;
}

/**
 * drafting_kind_from_string:
 *
 * Returns: the kind named @name, or %DRAFTING_KIND_INVALID
 */
DraftingKind
drafting_kind_from_string (const char *name)
{
  if (name == NULL)
    return DRAFTING_KIND_INVALID;

  for (guint i = 0; i < DRAFTING_N_KINDS; i++)
    if (strcmp (kinds[i].name, name) == 0)
      return (DraftingKind) i;

  return DRAFTING_KIND_INVALID;
}

/**
 * drafting_kind_get_display_name:
 *
 * Returns: the translated name of @kind for people, such as "Preambular clause"
 */
const char *
drafting_kind_get_display_name (DraftingKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return _(kinds[kind].display_name);
}

gboolean
drafting_kind_has_text (DraftingKind kind)
{
  return kind_is_valid (kind) && kinds[kind].has_text;
}

/**
 * drafting_kind_has_lead:
 *
 * Returns: whether elements of @kind open with a leading phrase in capitals
 *   ("NOTING", "RESOLVES") kept apart from their text
 */
gboolean
drafting_kind_has_lead (DraftingKind kind)
{
  return kind_is_valid (kind) && kinds[kind].has_lead;
}

/**
 * drafting_kind_is_formula:
 *
 * Returns: whether elements of @kind are formulas ("THE POLICY COMMISSION,",
 *   "RESOLVES:", "The international Customs community:"): each opens a part
 *   of the document, once, and Enter in one goes on to the part's first
 *   element instead of making another formula
 */
gboolean
drafting_kind_is_formula (DraftingKind kind)
{
  return kind_is_valid (kind) && kinds[kind].formula;
}

gboolean
drafting_kind_allows_child (DraftingKind parent,
                            DraftingKind child)
{
  if (!kind_is_valid (parent) || !kind_is_valid (child))
    return FALSE;

  return (kinds[parent].children & BIT (child)) != 0;
}

/**
 * drafting_kind_get_next:
 *
 * Returns: the kind of the element that follows one of @kind when a person
 *   presses Enter at its end: an operative paragraph after an operative
 *   formula, another clause after a clause
 */
DraftingKind
drafting_kind_get_next (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].next : DRAFTING_KIND_INVALID;
}

/**
 * drafting_kind_get_first_child:
 *
 * Returns: the kind of element that is made inside one of @kind, when it has
 *   content already (an item in a section), or %DRAFTING_KIND_INVALID
 */
DraftingKind
drafting_kind_get_first_child (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].first_child : DRAFTING_KIND_INVALID;
}

/**
 * drafting_kind_get_indented:
 *
 * Returns: the kind an element of @kind becomes when indented under its
 *   previous sibling (an operative paragraph becomes a sub-paragraph), or
 *   %DRAFTING_KIND_INVALID when it cannot be indented
 */
DraftingKind
drafting_kind_get_indented (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].indented : DRAFTING_KIND_INVALID;
}

/**
 * drafting_kind_get_outdented:
 *
 * Returns: the kind an element of @kind becomes when moved out of its
 *   parent, or %DRAFTING_KIND_INVALID when it cannot be
 */
DraftingKind
drafting_kind_get_outdented (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].outdented : DRAFTING_KIND_INVALID;
}

/**
 * drafting_kind_get_rank:
 *
 * Returns: where elements of @kind come among the top-level parts of a
 *   document: the heading before the preamble, the preamble before the
 *   operative part, the annex last
 */
int
drafting_kind_get_rank (DraftingKind kind)
{
  return kind_is_valid (kind) ? kinds[kind].rank : G_MAXINT;
}
