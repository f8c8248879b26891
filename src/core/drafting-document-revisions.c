/* drafting-document-revisions.c: the revisions a document keeps, and their comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#define DRAFTING_DOCUMENT_COMPILATION
#include "drafting-document-private.h"
#include "drafting-error.h"
#include "drafting-language.h"

/*
 * The Secretariat issues a document in revisions (Draft, Rev.1, Rev.2, ...,
 * Adopted), and the document keeps each, as a list model, the oldest
 * first, each under a label no other has. Issuing one is a change like any
 * other, undone and redone (the revision itself never changes: the undo
 * takes it out of the record and the redo puts it back).
 *
 * The identifiers a revision's elements have are never given to a new
 * element of the document, even once the elements are deleted and the
 * document saved and opened again: an identifier names one element
 * through all the revisions, which is what compares them.
 */

/* ------------------------------------------------------------------ */
/* The record                                                          */

/**
 * drafting_document_get_revisions:
 *
 * Returns: (transfer none): the revisions issued, a list model of
 *   #DraftingRevision, the oldest first
 */
GListModel *
drafting_document_get_revisions (DraftingDocument *self)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->revisions);
}

/**
 * drafting_document_lookup_revision:
 * @label: a revision's label, as "Rev.1"
 *
 * Returns: (transfer none) (nullable): the revision of that label
 */
DraftingRevision *
drafting_document_lookup_revision (DraftingDocument *self,
                                   const char       *label)
{
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  return label != NULL ? g_hash_table_lookup (self->revision_labels, label) : NULL;
}

void
_drafting_document_link_revision (DraftingDocument *self,
                                  guint             index,
                                  DraftingRevision *revision)
{
  g_hash_table_insert (self->revision_labels, (gpointer) drafting_revision_get_label (revision),
                       revision);
  g_list_store_insert (self->revisions, index, revision);
}

void
_drafting_document_unlink_revision (DraftingDocument *self,
                                    guint             index)
{
  g_autoptr(DraftingRevision) revision = g_list_model_get_item (G_LIST_MODEL (self->revisions),
                                                                index);

  g_hash_table_remove (self->revision_labels, drafting_revision_get_label (revision));
  g_list_store_remove (self->revisions, index);
}

/* Keeps the identifiers of what @node holds from ever being given again. */
static void
remember_ids (DraftingDocument *self,
              DraftingNode     *node)
{
  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);
      const char *id = drafting_node_get_id (child);

      if (id != NULL && !g_hash_table_contains (self->known_ids, id))
        g_hash_table_add (self->known_ids, g_strdup (id));
      remember_ids (self, child);
    }
}

/* A revision read from a file: part of the document, with no history. The
 * document's elements must be in place already: their identifiers would
 * otherwise be taken for used ones, and changed. */
void
_drafting_document_add_revision (DraftingDocument *self,
                                 DraftingRevision *revision)
{
  g_return_if_fail (DRAFTING_IS_DOCUMENT (self));
  g_return_if_fail (DRAFTING_IS_REVISION (revision));
  g_return_if_fail (drafting_document_lookup_revision (self, drafting_revision_get_label (revision)) == NULL);

  remember_ids (self, drafting_revision_get_root (revision));
  _drafting_document_link_revision (self, g_list_model_get_n_items (G_LIST_MODEL (self->revisions)),
                                    revision);
}

/* For drafting_document_snapshot(): the revisions never change, so @copy
 * shares them. (The identifiers they used are not added to the copy's:
 * what a copy makes is never saved as the document.) */
void
_drafting_document_share_revisions (DraftingDocument *self,
                                    DraftingDocument *copy)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DraftingRevision) revision = g_list_model_get_item (G_LIST_MODEL (self->revisions), i);

      _drafting_document_link_revision (copy, i, revision);
    }
}

/* ------------------------------------------------------------------ */
/* Issuing one                                                         */

/* The document as it is: its elements, metadata and numbering, without
 * the record of amendments or of revisions. */
static DraftingDocument *
freeze (DraftingDocument *self)
{
  DraftingDocument *frozen = drafting_document_snapshot (self);

  g_ptr_array_set_size (frozen->amendment_array, 0);
  g_hash_table_remove_all (frozen->amendment_ids);
  g_hash_table_remove_all (frozen->amendments_by_target);
  g_list_store_remove_all (frozen->amendments);
  g_hash_table_remove_all (frozen->revision_labels);
  g_list_store_remove_all (frozen->revisions);

  return frozen;
}

/**
 * drafting_document_revise:
 * @label: what the revision is called, as "Draft", "Rev.1" or "Adopted":
 *   one line of text, white space around it left out
 * @error: where to say why not
 *
 * Issues a revision: keeps a copy of the document as it is now, with the
 * date and its status, under @label, after the revisions already issued.
 * The copy never changes, whatever becomes of the document. Undo takes the
 * revision back.
 *
 * Returns: %FALSE, and nothing done, when @label is empty, too long, more
 *   than a line, or already another revision's, or the document has as
 *   many revisions as it may
 */
gboolean
drafting_document_revise (DraftingDocument  *self,
                          const char        *label,
                          GError           **error)
{
  g_autoptr(DraftingRevision) revision = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *clean = NULL;
  guint n;
  Op *op;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((clean = _drafting_revision_check_label (label, error)) == NULL)
    return FALSE;

  if (drafting_document_lookup_revision (self, clean) != NULL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: %s is the label of a revision, as "Rev.1" */
                   _("There is already a revision “%s”: each needs a label of its own"),
                   clean);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  if (n >= DRAFTING_MAX_REVISIONS)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: %d is a number of revisions, 1000 */
                   g_dngettext (GETTEXT_PACKAGE,
                                "A document keeps at most %d revision",
                                "A document keeps at most %d revisions",
                                DRAFTING_MAX_REVISIONS),
                   DRAFTING_MAX_REVISIONS);
      return FALSE;
    }

  /* To the second: that is what a file keeps. */
  date = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
  revision = _drafting_revision_new (clean, date, freeze (self));

  drafting_document_begin_action (self, C_("undo", "Issue Revision"));
  op = _drafting_document_op_new (OP_REVISION_ADD, NULL);
  op->revision = g_object_ref (revision);
  op->index = n;
  _drafting_document_record (self, op);
  drafting_document_end_action (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

static DraftingDocument *
version_of (DraftingDocument  *self,
            const char        *label,
            GError           **error)
{
  DraftingRevision *revision;

  if (label == NULL)
    return self;

  if ((revision = drafting_document_lookup_revision (self, label)) == NULL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_FAILED,
                   /* Translators: %s is what was given as the label of a revision */
                   _("The document has no revision “%s”"), label);
      return NULL;
    }

  return drafting_revision_get_document (revision);
}

/**
 * drafting_document_compare:
 * @from: (nullable): the label of the earlier revision, or %NULL for the
 *   present text
 * @to: (nullable): the label of the later one, or %NULL for the present
 *   text
 * @error: where to say which label is not a revision's
 *
 * Compares two revisions, or a revision and the present text, element by
 * element and word by word (see drafting_compare()), in the language of
 * the later one.
 *
 * Returns: (transfer full) (nullable): the comparison
 */
DraftingComparison *
drafting_document_compare (DraftingDocument  *self,
                           const char        *from,
                           const char        *to,
                           GError           **error)
{
  DraftingDocument *earlier;
  DraftingDocument *later;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((earlier = version_of (self, from, error)) == NULL ||
      (later = version_of (self, to, error)) == NULL)
    return NULL;

  return drafting_compare (drafting_document_get_root (earlier),
                           drafting_document_get_root (later),
                           drafting_document_get_language (later));
}

/**
 * drafting_document_suggest_revision_label:
 *
 * What the next revision is likely to be called: the first "Draft", in
 * the document's language ("Projet" for a French one), then "Rev.1",
 * "Rev.2"; nothing after a label of another sort ("Adopted").
 *
 * Returns: (transfer full): the label, "" when there is none to suggest
 */
char *
drafting_document_suggest_revision_label (DraftingDocument *self)
{
  const DraftingLanguageTerms *terms;
  g_autoptr(DraftingRevision) last = NULL;
  const char *label;
  guint n;

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (self), NULL);

  terms = drafting_language_get_terms (drafting_document_get_language (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  if (n == 0)
    return g_strdup (terms->revision_draft);

  last = g_list_model_get_item (G_LIST_MODEL (self->revisions), n - 1);
  label = drafting_revision_get_label (last);
  if (g_utf8_collate (label, terms->revision_draft) == 0 || g_ascii_strcasecmp (label, "Draft") == 0)
    return g_strdup ("Rev.1");
  if (g_str_has_prefix (label, "Rev.") && g_ascii_isdigit (label[4]))
    {
      char *end;
      guint64 number = g_ascii_strtoull (label + 4, &end, 10);

      if (*end == '\0' && number < G_MAXUINT)
        return g_strdup_printf ("Rev.%" G_GUINT64_FORMAT, number + 1);
    }

  return g_strdup ("");
}
