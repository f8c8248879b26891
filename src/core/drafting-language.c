/* drafting-language.c: the words a document prints, in its own language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-language"

#include "config.h"

#include <string.h>

#include "drafting-language.h"

/* The six languages of the United Nations, in which WCO texts are drafted
 * and translated. These are the conventions of printed texts, not of the
 * interface, and so are not translated with it. */
static const DraftingLanguageTerms terms[] = {
  { "en", "DRAFT ", "REVISED DRAFT ", "Draft ", "Revised draft ",
    "PRINCIPLE ", "Principle ", "ANNEX", "ANNEX " },
  { "fr", "PROJET DE ", "PROJET RÉVISÉ DE ", "Projet : ", "Projet révisé : ",
    "PRINCIPE ", "Principe ", "ANNEXE", "ANNEXE " },
  { "es", "PROYECTO DE ", "PROYECTO REVISADO DE ", "Proyecto: ", "Proyecto revisado: ",
    "PRINCIPIO ", "Principio ", "ANEXO", "ANEXO " },
  { "ar", "مشروع ", "مشروع منقح ", "مشروع: ", "مشروع منقح: ",
    "المبدأ ", "المبدأ ", "المرفق", "المرفق " },
  { "ru", "ПРОЕКТ ", "ПЕРЕСМОТРЕННЫЙ ПРОЕКТ ", "Проект: ", "Пересмотренный проект: ",
    "ПРИНЦИП ", "Принцип ", "ПРИЛОЖЕНИЕ", "ПРИЛОЖЕНИЕ " },
  { "pt", "PROJETO DE ", "PROJETO REVISTO DE ", "Projeto: ", "Projeto revisto: ",
    "PRINCÍPIO ", "Princípio ", "ANEXO", "ANEXO " },
};

/**
 * drafting_language_get_terms:
 * @language: (nullable): a language code, as "fr" or "fr-CA"
 *
 * Returns: the printed words of @language, or English's for a language
 *   that has none of its own here
 */
const DraftingLanguageTerms *
drafting_language_get_terms (const char *language)
{
  if (language != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
      {
        gsize len = strlen (terms[i].code);

        if (g_ascii_strncasecmp (language, terms[i].code, len) == 0 &&
            (language[len] == '\0' || language[len] == '-' || language[len] == '_'))
          return &terms[i];
      }

  return &terms[0];
}

/**
 * drafting_language_get_all_terms:
 * @n_terms: (out): how many
 *
 * Returns: (array length=n_terms): the words of every language known
 */
const DraftingLanguageTerms *
drafting_language_get_all_terms (guint *n_terms)
{
  *n_terms = G_N_ELEMENTS (terms);
  return terms;
}

/**
 * drafting_language_is_right_to_left:
 *
 * Returns: whether @language is written from right to left
 */
gboolean
drafting_language_is_right_to_left (const char *language)
{
  static const char * const rtl[] = { "ar", "he", "fa", "ur" };

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (rtl); i++)
    if (g_str_has_prefix (language, rtl[i]))
      return TRUE;

  return FALSE;
}
