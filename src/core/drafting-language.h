/* drafting-language.h: the words a document prints, in its own language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DraftingLanguageTerms:
 * @code: the language's code: "en", "fr", "es", "ar", "ru", "pt"
 * @heading_draft: before the first heading line of a draft: "DRAFT "
 * @heading_revised: the same for a revised draft: "REVISED DRAFT "
 * @title_draft: before a communiqué's title: "Draft "
 * @title_revised: the same, revised: "Revised draft "
 * @principle_capitals: before the number of a principle of a resolution's
 *   annex: "PRINCIPLE " (as in "PRINCIPLE IV")
 * @principle: before the number of a principle of a communiqué: "Principle "
 * @annex: the one annex: "ANNEX"
 * @annex_numbered: before the number of one of several: "ANNEX "
 * @revision_draft: the label of a document's first revision, "Draft"
 *   (those after are "Rev.1", "Rev.2" in every language)
 *
 * What a document prints around its text is the document's, in the
 * document's language whatever language the interface speaks: a French
 * resolution edited in an English interface still prints « PROJET DE ».
 */
typedef struct
{
  const char *code;
  const char *heading_draft;
  const char *heading_revised;
  const char *title_draft;
  const char *title_revised;
  const char *principle_capitals;
  const char *principle;
  const char *annex;
  const char *annex_numbered;
  const char *revision_draft;
} DraftingLanguageTerms;

const DraftingLanguageTerms *drafting_language_get_terms     (const char *language);
const DraftingLanguageTerms *drafting_language_get_all_terms (guint      *n_terms);
gboolean                     drafting_language_is_right_to_left (const char *language);

G_END_DECLS
