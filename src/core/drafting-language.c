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
    "PRINCIPLE ", "Principle ", "ANNEX", "ANNEX ", "Draft",
    "Compilation of amendments", "Element", "Present text", "Proposed text", "Delegation",
    "Justification", "Status", "Co-sponsors: ",
    { "Proposed", "Accepted", "Rejected", "Withdrawn", "Superseded" },
    "No amendments.", "Page ", " of " },
  { "fr", "PROJET DE ", "PROJET RÉVISÉ DE ", "Projet : ", "Projet révisé : ",
    "PRINCIPE ", "Principe ", "ANNEXE", "ANNEXE ", "Projet",
    "Compilation des amendements", "Élément", "Texte actuel", "Texte proposé", "Délégation",
    "Justification", "Statut", "Coauteurs : ",
    { "Proposé", "Accepté", "Rejeté", "Retiré", "Remplacé" },
    "Aucun amendement.", "Page ", " sur " },
  { "es", "PROYECTO DE ", "PROYECTO REVISADO DE ", "Proyecto: ", "Proyecto revisado: ",
    "PRINCIPIO ", "Principio ", "ANEXO", "ANEXO ", "Proyecto",
    "Recopilación de enmiendas", "Elemento", "Texto actual", "Texto propuesto", "Delegación",
    "Justificación", "Estado", "Copatrocinadores: ",
    { "Propuesta", "Aceptada", "Rechazada", "Retirada", "Sustituida" },
    "No hay enmiendas.", "Página ", " de " },
  { "ar", "مشروع ", "مشروع منقح ", "مشروع: ", "مشروع منقح: ",
    "المبدأ ", "المبدأ ", "المرفق", "المرفق ", "مشروع",
    "تجميع التعديلات", "العنصر", "النص الحالي", "النص المقترح", "الوفد",
    "المبررات", "الحالة", "المقدمون المشاركون: ",
    { "مقترح", "مقبول", "مرفوض", "مسحوب", "مُستعاض عنه" },
    "لا توجد تعديلات.", "الصفحة ", " من " },
  { "ru", "ПРОЕКТ ", "ПЕРЕСМОТРЕННЫЙ ПРОЕКТ ", "Проект: ", "Пересмотренный проект: ",
    "ПРИНЦИП ", "Принцип ", "ПРИЛОЖЕНИЕ", "ПРИЛОЖЕНИЕ ", "Проект",
    "Подборка поправок", "Элемент", "Действующий текст", "Предлагаемый текст", "Делегация",
    "Обоснование", "Статус", "Соавторы: ",
    { "Предложена", "Принята", "Отклонена", "Отозвана", "Заменена" },
    "Поправок нет.", "Страница ", " из " },
  { "pt", "PROJETO DE ", "PROJETO REVISTO DE ", "Projeto: ", "Projeto revisto: ",
    "PRINCÍPIO ", "Princípio ", "ANEXO", "ANEXO ", "Projeto",
    "Compilação das alterações", "Elemento", "Texto atual", "Texto proposto", "Delegação",
    "Justificação", "Estado", "Copatrocinadores: ",
    { "Proposta", "Aceite", "Rejeitada", "Retirada", "Substituída" },
    "Nenhuma alteração.", "Página ", " de " },
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

/* Whether the subtag at @tag, @len bytes long, is one of @list. */
static gboolean
subtag_is_one_of (const char         *tag,
                  gsize               len,
                  const char * const *list,
                  gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == len && g_ascii_strncasecmp (tag, list[i], len) == 0)
      return TRUE;

  return FALSE;
}

/**
 * drafting_language_is_right_to_left:
 * @language: (nullable): a language tag: "ar", "ar-EG", "fa_IR", "az-Arab"
 *
 * Tells from the tag's script subtag, when it has one ("az-Arab",
 * "sd-Deva"), else from its primary language subtag, compared whole: "ar"
 * is Arabic, "arn" (Mapudungun) is not.
 *
 * Returns: whether @language is written from right to left
 */
gboolean
drafting_language_is_right_to_left (const char *language)
{
  static const char * const rtl_languages[] = {
    "ar", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
  };
  static const char * const rtl_scripts[] = {
    "Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa",
  };
  const char *separators = "-_@.";
  const char *subtag;
  gsize len;

  if (language == NULL)
    return FALSE;

  /* A script is the second subtag, or the third after an extended
   * language subtag ("zh-yue-Hant"): four letters wherever it is. */
  len = strcspn (language, separators);
  for (subtag = language + len; *subtag == '-' || *subtag == '_'; )
    {
      gsize sublen = strcspn (++subtag, separators);

      if (sublen == 4 && g_ascii_isalpha (subtag[0]))
        return subtag_is_one_of (subtag, sublen, rtl_scripts, G_N_ELEMENTS (rtl_scripts));
      if (sublen != 3 || !g_ascii_isalpha (subtag[0]))
        break;
      subtag += sublen;
    }

  return subtag_is_one_of (language, len, rtl_languages, G_N_ELEMENTS (rtl_languages));
}
