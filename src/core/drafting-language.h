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
 * @compilation: the title of a compilation of amendments
 * @column_element: the heading of its column naming what each amendment
 *   is about, "Element"
 * @column_present: of the present text, "Present text"
 * @column_proposed: of the text as proposed, "Proposed text"
 * @column_proponents: of who proposes it, "Delegation"
 * @column_justification: of why, "Justification"
 * @column_status: of what became of it, "Status"
 * @cosponsors: before the co-sponsors' names: "Co-sponsors: "
 * @statuses: an amendment's status, by #DraftingAmendmentStatus:
 *   "Proposed", "Accepted", "Rejected", "Withdrawn", "Superseded"
 * @no_amendments: what a compilation of none says
 * @page: before the number of a page in the footer: "Page " (as in "Page
 *   2 of 5")
 * @page_of: between it and the number of pages: " of "
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
  const char *compilation;
  const char *column_element;
  const char *column_present;
  const char *column_proposed;
  const char *column_proponents;
  const char *column_justification;
  const char *column_status;
  const char *cosponsors;
  const char *statuses[5];
  const char *no_amendments;
  const char *page;
  const char *page_of;
} DraftingLanguageTerms;

const DraftingLanguageTerms *drafting_language_get_terms     (const char *language);
const DraftingLanguageTerms *drafting_language_get_all_terms (guint      *n_terms);
gboolean                     drafting_language_is_right_to_left (const char *language);

G_END_DECLS
