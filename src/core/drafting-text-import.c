/* drafting-text-import.c: turning pasted text into a structured document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-io.h"
#include "drafting-import-private.h"
#include "drafting-node-private.h"
#include "drafting-text-import.h"
#include "drafting-text-utils.h"

/*
 * Drafts reach the Secretariat as text pasted from PDF files and word
 * processors. The importer reads such text in three steps:
 *
 *  1. Lines become units: a paragraph, a list item, a heading line. A unit
 *     starts at a blank line or at a mark that starts one (a bullet, a
 *     number, a leading phrase in capitals after a clause that ended);
 *     other lines continue it.
 *  2. The faults of pasted text are mended: a clause broken across a page
 *     is joined again, a footnote stranded between paragraphs is attached
 *     to the paragraph that calls it, quotes are made typographic, the
 *     space before a colon goes.
 *  3. Units become elements, in the order the two kinds of document follow
 *     (heading, preamble, operative part, annex; occasion, title,
 *     narrative, statements, principles). Numbers in the text become
 *     numbering styles; the numbers themselves are derived again.
 *
 * Nothing is dropped: what cannot be placed is kept as a plain paragraph,
 * and said in a warning with its line.
 */

void
drafting_import_warning_free (DraftingImportWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

static DraftingDocumentType
guess_type (Importer *self,
            int       speaker)
{
  guint clauses = 0;
  gboolean formula = FALSE;

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      const char *first = _import_unit_first_line (unit);

      if (unit->bullet || unit->number != NULL || !_import_opens_with_lead (first))
        continue;
      if (_import_is_operative_lead (first))
        formula = TRUE;
      else
        clauses++;
    }

  if (formula || clauses >= 2)
    return DRAFTING_DOCUMENT_RESOLUTION;
  if (speaker >= 0)
    return DRAFTING_DOCUMENT_COMMUNIQUE;

  return DRAFTING_DOCUMENT_GENERIC;
}

static void
importer_clear (Importer *self)
{
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->footnotes, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_object (&self->root);
  if (self->title != NULL)
    g_string_free (self->title, TRUE);
  g_free (self->body);
  g_free (self->place);
  g_free (self->date);
  g_free (self->symbol);
  g_free (self->language);
}

/* Checks @data, and reads it into units: what the importer and the
 * fragments share. */
static gboolean
importer_start (Importer    *self,
                const char  *data,
                gsize        len,
                GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) numbers = NULL;

  if (!drafting_check_size (len, error) || !drafting_check_utf8 (data, len, error))
    return FALSE;

  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_import_warning_free);
  self->footnotes = g_ptr_array_new ();
  self->placed = g_ptr_array_new ();
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  self->lines = g_hash_table_new (NULL, NULL);
  self->counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->title = g_string_new (NULL);
  self->root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);
  self->status = DRAFTING_STATUS_ADOPTED;

  lines = _import_split_lines (data, len, &numbers);
  {
    g_autofree char *sample = g_strndup (data, MIN (len, 20000));

    self->language = g_strdup (_import_guess_language (sample));
  }

  self->units = _import_split_units (self, lines, numbers);
  _import_join_broken_units (self);

  return TRUE;
}

/**
 * drafting_text_import:
 * @data: UTF-8 text, as pasted from a PDF or word processor
 * @len: its length in bytes
 * @warnings: (out) (optional) (element-type DraftingImportWarning): what
 *   could not be placed, or was mended in a way worth saying
 *
 * Returns: (transfer full) (nullable): the document the text holds
 */
DraftingDocument *
drafting_text_import (const char  *data,
                      gsize        len,
                      GPtrArray  **warnings,
                      GError     **error)
{
  g_autoptr(DraftingDocument) document = NULL;
  Importer self = { 0, };
  int speaker;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!importer_start (&self, data, len, error))
    return NULL;

  if (self.units->len == 0)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY,
                           _("There is no text to import"));
      g_ptr_array_unref (self.warnings);
      importer_clear (&self);
      return NULL;
    }

  speaker = _import_find_speaker_formula (&self);
  self.type = guess_type (&self, speaker);
  self.phase = self.type == DRAFTING_DOCUMENT_GENERIC ? PHASE_BODY : PHASE_HEAD;

  for (guint i = 0; i < self.units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self.units, i);
      g_autofree char *text = _import_unit_text (unit);
      guint before = self.placed->len;

      if (_import_is_footnote_text (_import_unit_first_line (unit)))
        {
          g_ptr_array_add (self.footnotes, unit);
          continue;
        }

      switch (self.type)
        {
        case DRAFTING_DOCUMENT_RESOLUTION:
          _import_place_resolution_unit (&self, unit, text);
          break;

        case DRAFTING_DOCUMENT_COMMUNIQUE:
          _import_place_communique_unit (&self, unit, i, speaker);
          break;

        case DRAFTING_DOCUMENT_GENERIC:
        default:
          _import_add_node (&self, self.root, DRAFTING_KIND_PARAGRAPH, NULL, text);
          break;
        }

      for (guint j = before; j < self.placed->len; j++)
        g_hash_table_insert (self.lines, g_ptr_array_index (self.placed, j),
                             GUINT_TO_POINTER (unit->line));
    }

  if (self.type == DRAFTING_DOCUMENT_GENERIC)
    _import_warn (&self, 1,
          _("The text is neither a resolution nor a communiqué; each paragraph is kept as a plain paragraph"));

  _import_attach_footnotes (&self);

  document = drafting_document_new (self.type);
  _drafting_document_adopt_root (document, self.root);
  drafting_document_set_title (document, self.type == DRAFTING_DOCUMENT_RESOLUTION
                                         ? NULL : self.title->str);
  if (self.type == DRAFTING_DOCUMENT_RESOLUTION && self.title->len > 0)
    {
      g_autofree char *title = drafting_text_title_case (self.title->str);

      drafting_document_set_title (document, title);
    }
  drafting_document_set_body (document, self.body);
  drafting_document_set_place (document, self.place);
  drafting_document_set_date (document, self.date);
  drafting_document_set_symbol (document, self.symbol);
  drafting_document_set_status (document, self.status);
  drafting_document_set_language (document, self.language);
  for (guint slot = 0; slot < DRAFTING_N_NUMBERING_SLOTS; slot++)
    if (self.style_seen[slot])
      drafting_document_set_numbering (document, slot, self.styles[slot]);
  drafting_document_clear_history (document);
  drafting_document_set_modified (document, FALSE);

  if (warnings != NULL)
    *warnings = g_steal_pointer (&self.warnings);
  else
    g_ptr_array_unref (self.warnings);
  importer_clear (&self);

  return g_steal_pointer (&document);
}

/**
 * drafting_text_import_file:
 *
 * Returns: (transfer full) (nullable): the document the text of @file holds
 */
DraftingDocument *
drafting_text_import_file (GFile         *file,
                           GPtrArray    **warnings,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = drafting_read_file (file, cancellable, error)) == NULL)
    return NULL;

  return drafting_text_import (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               warnings, error);
}

/**
 * drafting_text_import_fragment:
 * @data: UTF-8 text, as pasted from a PDF or word processor
 * @len: its length in bytes
 * @type: the type of the document it is pasted into
 * @context: the kind of the element where the cursor is
 * @warnings: (out) (optional) (element-type DraftingImportWarning): what
 *   could not be recognized
 *
 * Returns: (transfer full) (nullable): a detached container of kind
 *   %DRAFTING_KIND_DOCUMENT whose children are the pasted elements
 */
DraftingNode *
drafting_text_import_fragment (const char            *data,
                               gsize                  len,
                               DraftingDocumentType   type,
                               DraftingKind           context,
                               GPtrArray            **warnings,
                               GError               **error)
{
  Importer self = { 0, };
  DraftingNode *fragment;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!importer_start (&self, data, len, error))
    return NULL;

  /* The container is no document's root, and takes no identifier. */
  g_clear_object (&self.root);
  self.root = drafting_node_new (DRAFTING_KIND_DOCUMENT, NULL);
  self.type = type;
  self.phase = PHASE_BODY;

  fragment = _import_fragment (&self, context);

  if (warnings != NULL)
    *warnings = g_steal_pointer (&self.warnings);
  else
    g_ptr_array_unref (self.warnings);
  importer_clear (&self);

  return fragment;
}

/**
 * drafting_text_parse_markup:
 * @text: the text of one element, in the markup the importer reads:
 *   `*emphasis*` and `**bold**`
 *
 * Reads @text as the importer reads the text of an element: white space
 * collapsed, quotes made typographic, the space before ":" and ";" taken
 * away (as in English), and the asterisks turned into marks.
 *
 * Returns: (transfer full): the text, with its emphasis
 */
DraftingInline *
drafting_text_parse_markup (const char *text)
{
  Importer importer = { 0, };

  g_return_val_if_fail (text != NULL, NULL);

  importer.language = (char *) "en";

  return _import_make_inline (&importer, text);
}
