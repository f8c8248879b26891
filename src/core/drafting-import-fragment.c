/* drafting-import-fragment.c: recognizing what is pasted into a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-import-private.h"
#include "drafting-node-private.h"
#include "drafting-text-utils.h"

/*
 * Pasted text goes through the same lines and repairs as a whole document
 * (joins of broken lines, page numbers, decorations, quotes), then each unit
 * is recognized by the anatomy of a document of the given type: a leading
 * phrase in capitals makes a preambular clause or, with a verb, an
 * operative formula; a typed "1." an operative paragraph or a statement; a
 * typed "(a)" a sub-paragraph of the paragraph before it. What is not
 * recognized takes the kind of the element where the cursor is.
 */

/* The kind plain pasted paragraphs take where the cursor is in an element
 * of @context: that kind, or what follows a formula, which stands once. */
static DraftingKind
plain_kind (DraftingDocumentType type,
            DraftingKind         context)
{
  if ((guint) context >= DRAFTING_N_KINDS || context == DRAFTING_KIND_DOCUMENT ||
      !drafting_kind_has_text (context))
    return type == DRAFTING_DOCUMENT_RESOLUTION ? DRAFTING_KIND_OPERATIVE_PARAGRAPH
         : type == DRAFTING_DOCUMENT_COMMUNIQUE ? DRAFTING_KIND_NARRATIVE_PARAGRAPH
         : DRAFTING_KIND_PARAGRAPH;

  if (drafting_kind_is_formula (context) || context == DRAFTING_KIND_HEADING ||
      context == DRAFTING_KIND_TITLE || context == DRAFTING_KIND_OCCASION)
    {
      DraftingKind next = drafting_kind_get_next (context);

      while (next != DRAFTING_KIND_INVALID && drafting_kind_is_formula (next))
        next = drafting_kind_get_next (next);
      if (next != DRAFTING_KIND_INVALID && next != context)
        return next;
    }

  return context;
}

/* "Decides to:", "RESOLVES that the WCO:": a formula in sentence case is
 * a short line ending with a colon that a list of paragraphs follows, not
 * sub-paragraphs. */
static gboolean
is_sentence_formula (Importer   *self,
                     guint       index,
                     const char *text)
{
  Unit *next;

  if (!g_str_has_suffix (text, ":") || g_utf8_strlen (text, -1) > 60 ||
      index + 1 >= self->units->len || !g_unichar_isupper (g_utf8_get_char (text)))
    return FALSE;

  next = g_ptr_array_index (self->units, index + 1);
  return !next->bullet && next->form != FORM_PAREN && next->form != FORM_RPAREN &&
         (next->number == NULL || g_ascii_isdigit (next->number[0]));
}

static void
place_fragment_unit (Importer     *self,
                     guint         index,
                     DraftingKind  plain)
{
  Unit *unit = g_ptr_array_index (self->units, index);
  g_autofree char *text = _import_unit_text (unit);
  gsize lead_len = 0;
  gboolean resolution = self->type == DRAFTING_DOCUMENT_RESOLUTION;
  DraftingKind listed = resolution ? DRAFTING_KIND_OPERATIVE_PARAGRAPH
                                   : self->type == DRAFTING_DOCUMENT_COMMUNIQUE
                                   ? DRAFTING_KIND_STATEMENT : plain;

  /* "(a)", "(i)", a bullet: a sub-paragraph of the paragraph before. */
  if (unit->form == FORM_PAREN || unit->form == FORM_RPAREN || unit->bullet ||
      (unit->number != NULL && !g_ascii_isdigit (unit->number[0])))
    {
      if (self->container != NULL)
        {
          _import_place_sub_paragraph (self, unit, text);
          return;
        }
      _import_add_node (self, self->root, plain, NULL, text);
      return;
    }

  /* "1.": an operative paragraph, a statement. */
  if (unit->number != NULL)
    {
      self->container = _import_add_node (self, self->root, listed, NULL, text);
      return;
    }

  if (resolution)
    {
      lead_len = drafting_text_lead_length (text);
      if (lead_len > 0 && !_import_opens_with_lead (text))
        lead_len = 0;
    }

  if (lead_len > 0 || (resolution && is_sentence_formula (self, index, text)))
    {
      g_autofree char *lead = NULL;
      const char *rest;
      DraftingKind kind;

      if (lead_len == 0)
        lead_len = strcspn (text, " :");
      lead = g_strndup (text, lead_len);
      rest = text + lead_len;
      while (*rest == ' ')
        rest++;

      kind = _import_is_operative_lead (lead) || is_sentence_formula (self, index, text)
             ? DRAFTING_KIND_OPERATIVE_FORMULA : DRAFTING_KIND_PREAMBLE_CLAUSE;
      _import_add_node (self, self->root, kind, lead, rest);
      self->container = NULL;
      return;
    }

  self->container = _import_add_node (self, self->root, plain, NULL, text);
  if (!drafting_kind_allows_child (plain, DRAFTING_KIND_SUB_PARAGRAPH))
    self->container = NULL;
}

DraftingNode *
_import_fragment (Importer     *self,
                  DraftingKind  context)
{
  DraftingKind plain = plain_kind (self->type, context);

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      guint before = self->placed->len;

      if (_import_is_footnote_text (_import_unit_first_line (unit)))
        {
          g_ptr_array_add (self->footnotes, unit);
          continue;
        }

      place_fragment_unit (self, i, plain);

      for (guint j = before; j < self->placed->len; j++)
        g_hash_table_insert (self->lines, g_ptr_array_index (self->placed, j),
                             GUINT_TO_POINTER (unit->line));
    }

  _import_attach_footnotes (self);

  return g_steal_pointer (&self->root);
}
