/* drafting-element-names.c: elements named as a printed text names them, in its language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-element-names"

#include "config.h"

#include <string.h>

#include "drafting-element-names.h"

#include "drafting-kind.h"
#include "drafting-node.h"

/*
 * An amendment's heading ("Operative paragraph 3", "After: preambular
 * paragraph 2") and a compilation's first column name elements as the
 * printed texts of the six languages of the United Nations name them.
 * These are the words of the document, in the document's language, as
 * those of drafting-language.c are, and are not translated with the
 * interface.
 */

/* ElementNames:
 * @code: the language's code
 * @kinds: what an element of each kind is called, "%s" where its number
 *   goes
 * @after: where an element goes after another, "%s" the other
 * @into: where an element goes first into another
 *
 * The words an amendment's heading names elements with. Where a language
 * makes the words of a phrase agree with what follows, the phrase is a
 * label and a colon.
 */
typedef struct
{
  const char *code;
  const char *kinds[DRAFTING_N_KINDS];
  const char *after;
  const char *into;
} ElementNames;

static const ElementNames element_names[] = {
  { "en",
    {
      [DRAFTING_KIND_DOCUMENT] = "document",
      [DRAFTING_KIND_HEADING] = "heading line %s",
      [DRAFTING_KIND_PLACE_DATE] = "place and date",
      [DRAFTING_KIND_AUTHORITY] = "authority formula",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "preambular paragraph %s",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "operative formula",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "operative paragraph %s",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "sub-paragraph %s",
      [DRAFTING_KIND_ANNEX] = "annex %s",
      [DRAFTING_KIND_PRINCIPLE] = "principle %s",
      [DRAFTING_KIND_SECTION] = "section %s",
      [DRAFTING_KIND_ITEM] = "item %s",
      [DRAFTING_KIND_OCCASION] = "occasion",
      [DRAFTING_KIND_TITLE] = "title",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "paragraph %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "speaker formula",
      [DRAFTING_KIND_STATEMENT] = "statement %s",
      [DRAFTING_KIND_FOOTNOTE] = "footnote %s",
      [DRAFTING_KIND_PARAGRAPH] = "paragraph %s",
    },
    "After: %s", "At the beginning of: %s" },
  { "fr",
    {
      [DRAFTING_KIND_DOCUMENT] = "document",
      [DRAFTING_KIND_HEADING] = "ligne de titre %s",
      [DRAFTING_KIND_PLACE_DATE] = "lieu et date",
      [DRAFTING_KIND_AUTHORITY] = "formule d’autorité",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "alinéa %s du préambule",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "formule du dispositif",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "paragraphe %s du dispositif",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "alinéa %s",
      [DRAFTING_KIND_ANNEX] = "annexe %s",
      [DRAFTING_KIND_PRINCIPLE] = "principe %s",
      [DRAFTING_KIND_SECTION] = "section %s",
      [DRAFTING_KIND_ITEM] = "point %s",
      [DRAFTING_KIND_OCCASION] = "réunion",
      [DRAFTING_KIND_TITLE] = "titre",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "paragraphe %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "formule introductive",
      [DRAFTING_KIND_STATEMENT] = "déclaration %s",
      [DRAFTING_KIND_FOOTNOTE] = "note %s",
      [DRAFTING_KIND_PARAGRAPH] = "paragraphe %s",
    },
    "Après : %s", "Au début de : %s" },
  { "es",
    {
      [DRAFTING_KIND_DOCUMENT] = "documento",
      [DRAFTING_KIND_HEADING] = "línea de encabezamiento %s",
      [DRAFTING_KIND_PLACE_DATE] = "lugar y fecha",
      [DRAFTING_KIND_AUTHORITY] = "fórmula de autoridad",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "párrafo %s del preámbulo",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "fórmula dispositiva",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "párrafo %s de la parte dispositiva",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "apartado %s",
      [DRAFTING_KIND_ANNEX] = "anexo %s",
      [DRAFTING_KIND_PRINCIPLE] = "principio %s",
      [DRAFTING_KIND_SECTION] = "sección %s",
      [DRAFTING_KIND_ITEM] = "punto %s",
      [DRAFTING_KIND_OCCASION] = "reunión",
      [DRAFTING_KIND_TITLE] = "título",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "párrafo %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "fórmula introductoria",
      [DRAFTING_KIND_STATEMENT] = "declaración %s",
      [DRAFTING_KIND_FOOTNOTE] = "nota %s",
      [DRAFTING_KIND_PARAGRAPH] = "párrafo %s",
    },
    "Después de: %s", "Al principio de: %s" },
  { "ar",
    {
      [DRAFTING_KIND_DOCUMENT] = "الوثيقة",
      [DRAFTING_KIND_HEADING] = "سطر العنوان %s",
      [DRAFTING_KIND_PLACE_DATE] = "المكان والتاريخ",
      [DRAFTING_KIND_AUTHORITY] = "صيغة الجهة المصدرة",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "الفقرة %s من الديباجة",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "صيغة المنطوق",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "الفقرة %s من المنطوق",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "الفقرة الفرعية %s",
      [DRAFTING_KIND_ANNEX] = "المرفق %s",
      [DRAFTING_KIND_PRINCIPLE] = "المبدأ %s",
      [DRAFTING_KIND_SECTION] = "القسم %s",
      [DRAFTING_KIND_ITEM] = "البند %s",
      [DRAFTING_KIND_OCCASION] = "المناسبة",
      [DRAFTING_KIND_TITLE] = "العنوان",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "الفقرة %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "الصيغة الاستهلالية",
      [DRAFTING_KIND_STATEMENT] = "البيان %s",
      [DRAFTING_KIND_FOOTNOTE] = "الحاشية %s",
      [DRAFTING_KIND_PARAGRAPH] = "الفقرة %s",
    },
    "بعد: %s", "في بداية: %s" },
  { "ru",
    {
      [DRAFTING_KIND_DOCUMENT] = "документ",
      [DRAFTING_KIND_HEADING] = "строка заголовка %s",
      [DRAFTING_KIND_PLACE_DATE] = "место и дата",
      [DRAFTING_KIND_AUTHORITY] = "наименование органа",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "пункт %s преамбулы",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "постановляющая формула",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "пункт %s постановляющей части",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "подпункт %s",
      [DRAFTING_KIND_ANNEX] = "приложение %s",
      [DRAFTING_KIND_PRINCIPLE] = "принцип %s",
      [DRAFTING_KIND_SECTION] = "раздел %s",
      [DRAFTING_KIND_ITEM] = "позиция %s",
      [DRAFTING_KIND_OCCASION] = "мероприятие",
      [DRAFTING_KIND_TITLE] = "название",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "абзац %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "вводная формула",
      [DRAFTING_KIND_STATEMENT] = "заявление %s",
      [DRAFTING_KIND_FOOTNOTE] = "сноска %s",
      [DRAFTING_KIND_PARAGRAPH] = "абзац %s",
    },
    "После: %s", "В начале: %s" },
  { "pt",
    {
      [DRAFTING_KIND_DOCUMENT] = "documento",
      [DRAFTING_KIND_HEADING] = "linha do título %s",
      [DRAFTING_KIND_PLACE_DATE] = "local e data",
      [DRAFTING_KIND_AUTHORITY] = "fórmula de autoridade",
      [DRAFTING_KIND_PREAMBLE_CLAUSE] = "parágrafo %s do preâmbulo",
      [DRAFTING_KIND_OPERATIVE_FORMULA] = "fórmula dispositiva",
      [DRAFTING_KIND_OPERATIVE_PARAGRAPH] = "parágrafo %s da parte dispositiva",
      [DRAFTING_KIND_SUB_PARAGRAPH] = "alínea %s",
      [DRAFTING_KIND_ANNEX] = "anexo %s",
      [DRAFTING_KIND_PRINCIPLE] = "princípio %s",
      [DRAFTING_KIND_SECTION] = "secção %s",
      [DRAFTING_KIND_ITEM] = "ponto %s",
      [DRAFTING_KIND_OCCASION] = "reunião",
      [DRAFTING_KIND_TITLE] = "título",
      [DRAFTING_KIND_NARRATIVE_PARAGRAPH] = "parágrafo %s",
      [DRAFTING_KIND_SPEAKER_FORMULA] = "fórmula introdutória",
      [DRAFTING_KIND_STATEMENT] = "declaração %s",
      [DRAFTING_KIND_FOOTNOTE] = "nota %s",
      [DRAFTING_KIND_PARAGRAPH] = "parágrafo %s",
    },
    "Depois de: %s", "No início de: %s" },
};

/* Whether the language tag @language is @code, or a variant of it. */
static gboolean
language_is (const char *language,
             const char *code)
{
  gsize len = strlen (code);

  return language != NULL && g_ascii_strncasecmp (language, code, len) == 0 &&
         (language[len] == '\0' || language[len] == '-' || language[len] == '_');
}

static const ElementNames *
names_for (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_names); i++)
    if (language_is (language, element_names[i].code))
      return &element_names[i];

  return &element_names[0];
}


/* @template with @value where its "%s" is; without a value, without
 * the space beside it. */
static char *
fill_in (const char *template,
         const char *value)
{
  const char *slot = strstr (template, "%s");
  GString *out;
  gsize before;
  const char *after;

  if (slot == NULL)
    return g_strdup (template);

  before = slot - template;
  after = slot + 2;
  if (value == NULL || value[0] == '\0')
    {
      if (before > 0 && template[before - 1] == ' ')
        before--;
      else if (*after == ' ')
        after++;
      value = "";
    }

  out = g_string_new_len (template, before);
  g_string_append (out, value);
  g_string_append (out, after);

  return g_string_free (out, FALSE);
}

/* @text with its first letter a capital, where its script has them. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8];
  int len;

  if (text[0] == '\0')
    return g_strdup ("");

  len = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  buffer[len] = '\0';

  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* A number as a name says it: "3" of "3.", "(a)" as it is; "" for a
 * bullet, which is no number. */
static char *
plain_number (const char *number)
{
  gsize len = number != NULL ? strlen (number) : 0;
  gboolean any = FALSE;

  for (const char *p = number; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      any = TRUE;

  if (!any)
    return g_strdup ("");
  if (len > 1 && number[len - 1] == '.')
    len--;

  return g_strndup (number, len);
}

/* ------------------------------------------------------------------ */
/* Naming                                                              */

struct _DraftingElementNames
{
  DraftingDocument   *document;
  const ElementNames *names;
  GHashTable         *places;    /* DraftingNode * → its place among its kind beside it */
  GHashTable         *counts;    /* parent DraftingNode * → guint[DRAFTING_N_KINDS] */
};

/* How many elements of each kind @parent holds, and the place of each
 * among those of its kind: worked out once for all the children of a
 * parent, as a compilation names many elements beside one another. */
static const guint *
count_children (DraftingElementNames *self,
                DraftingNode         *parent)
{
  guint *counts = g_hash_table_lookup (self->counts, parent);

  if (counts != NULL)
    return counts;

  counts = g_new0 (guint, DRAFTING_N_KINDS);
  for (guint i = 0; i < drafting_node_get_n_children (parent); i++)
    {
      DraftingNode *child = drafting_node_get_child (parent, i);

      g_hash_table_insert (self->places, child,
                           GUINT_TO_POINTER (++counts[drafting_node_get_kind (child)]));
    }
  g_hash_table_insert (self->counts, parent, counts);

  return counts;
}

/* One element, as "operative paragraph 3": by its number, or else by its
 * place among the elements of its kind beside it, unless it is the only
 * one. */
static char *
name_element (DraftingElementNames *self,
              DraftingNode         *node)
{
  DraftingKind kind = drafting_node_get_kind (node);
  DraftingNode *parent = drafting_node_get_parent (node);
  const char *template = self->names->kinds[kind];
  const guint *counts = parent != NULL ? count_children (self, parent) : NULL;
  g_autofree char *raw = NULL;
  g_autofree char *number = NULL;

  if (strstr (template, "%s") == NULL)
    return g_strdup (template);

  raw = drafting_node_get_number (node);
  number = plain_number (raw);

  /* The one annex prints without a number: it is named without one. */
  if (kind == DRAFTING_KIND_ANNEX && counts != NULL && counts[kind] == 1)
    number[0] = '\0';

  if (number[0] == '\0' && counts != NULL && counts[kind] > 1)
    {
      g_free (number);
      number = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (self->places, node)));
    }

  return fill_in (template, number);
}

/* An element, with the elements it is in: "operative paragraph 2,
 * sub-paragraph (a)"; not capitalized. */
static char *
name_path (DraftingElementNames *self,
           DraftingNode         *node)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (DraftingNode *n = node;
       n != NULL && drafting_node_get_kind (n) != DRAFTING_KIND_DOCUMENT;
       n = drafting_node_get_parent (n))
    g_ptr_array_insert (parts, 0, name_element (self, n));

  if (parts->len == 0)
    return g_strdup (self->names->kinds[DRAFTING_KIND_DOCUMENT]);

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* An element that is no longer in the document, by the label it had when
 * the amendment was proposed: "operative-paragraph 3.". */
static char *
name_from_label (const ElementNames *names,
                 const char         *label)
{
  const char *space = strchr (label, ' ');
  g_autofree char *token = space != NULL ? g_strndup (label, space - label) : g_strdup (label);
  g_autofree char *number = plain_number (space != NULL ? space + 1 : "");
  DraftingKind kind = drafting_kind_from_string (token);

  if (kind == DRAFTING_KIND_INVALID)
    return g_strdup (label);

  return fill_in (names->kinds[kind], number);
}

/**
 * drafting_element_names_new:
 * @document: a document, which must not change while the names are used
 *
 * Names the elements of @document in its language.
 *
 * Returns: (transfer full): the names
 */
DraftingElementNames *
drafting_element_names_new (DraftingDocument *document)
{
  DraftingElementNames *self = g_new0 (DraftingElementNames, 1);

  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (document), NULL);

  self->document = g_object_ref (document);
  self->names = names_for (drafting_document_get_language (document));
  self->places = g_hash_table_new (NULL, NULL);
  self->counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return self;
}

void
drafting_element_names_free (DraftingElementNames *self)
{
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->places);
  g_object_unref (self->document);
  g_free (self);
}

/**
 * drafting_element_names_get_position:
 * @self: the names of a document's elements
 * @anchor_id: (nullable): the element a new one goes after, or into
 * @placement: which of the two
 *
 * Returns: where an element goes, in the document's language: "After:
 *   operative paragraph 3"
 */
char *
drafting_element_names_get_position (DraftingElementNames *self,
                                     const char           *anchor_id,
                                     DraftingPlacement     placement)
{
  DraftingNode *anchor = anchor_id != NULL ? drafting_document_lookup (self->document, anchor_id)
                                           : NULL;
  g_autofree char *anchor_name = anchor != NULL ? name_path (self, anchor)
                                                : g_strdup (anchor_id != NULL ? anchor_id : "");
  g_autofree char *position = fill_in (placement == DRAFTING_PLACEMENT_INTO ? self->names->into
                                                                           : self->names->after,
                                       anchor_name);

  return capitalize (position);
}

/**
 * drafting_element_names_get_heading:
 * @self: the names of a document's elements
 * @amendment: one of the document's amendments
 *
 * Names what @amendment is about, in the document's language: the element
 * it rewords, deletes or moves ("Operative paragraph 3"), by the number it
 * had when the amendment was proposed if it is no longer there; or where
 * the element it inserts goes ("After: operative paragraph 3").
 *
 * Returns: the heading of @amendment
 */
char *
drafting_element_names_get_heading (DraftingElementNames *self,
                                    DraftingAmendment    *amendment)
{
  const char *target_id = drafting_amendment_get_target (amendment);
  DraftingNode *target = target_id != NULL ? drafting_document_lookup (self->document, target_id)
                                           : NULL;
  const char *label = drafting_amendment_get_target_label (amendment);
  g_autofree char *name = NULL;

  if (drafting_amendment_get_action (amendment) == DRAFTING_AMENDMENT_INSERT)
    return drafting_element_names_get_position (self, target_id,
                                                drafting_amendment_get_placement (amendment));
  name = target != NULL ? name_path (self, target) : name_from_label (self->names, label);

  return capitalize (name);
}

/**
 * drafting_element_names_get_name:
 * @self: the names of a document's elements
 * @node: one of its elements
 *
 * Returns: @node named with the elements it is in, as the document's
 *   language's printed texts name them: "Operative paragraph 2,
 *   sub-paragraph (a)"
 */
char *
drafting_element_names_get_name (DraftingElementNames *self,
                                 DraftingNode         *node)
{
  g_autofree char *name = name_path (self, node);

  return capitalize (name);
}
