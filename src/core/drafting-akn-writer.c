/* drafting-akn-writer.c: the elements, identifiers, identification and text of Akoma Ntoso
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-akn"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libxml/xmlwriter.h>

#include "drafting-akn-private.h"

#include "drafting-core.h"

/*
 * What the document and its amendments are written with: the XML
 * writer's elements, on lines of their own or inside text; eIds; the
 * FRBR identification, the references and Drafting's own metadata; and
 * the text of an element.
 *
 * Each element of the text keeps its identifier as the GUID; its eId is
 * made by the naming convention ("para_2__list_1__point_a"), unique in
 * the file. A leading phrase is a <span class="leadingPhrase">, emphasis
 * <i>, strong <b>, a line break <br/>; a footnote is an <authorialNote>
 * where it is called, its number as its marker.
 *
 * The words of the text are the document's, in its language: the names
 * of elements in an amendment's heading are the conventions of printed
 * texts in the six languages of the United Nations, as the words of
 * drafting-language.c are, and are not translated with the interface.
 */

/* Whether the language tag @language is @code, or a variant of it. */
static gboolean
language_is (const char *language,
             const char *code)
{
  gsize len = strlen (code);

  return language != NULL && g_ascii_strncasecmp (language, code, len) == 0 &&
         (language[len] == '\0' || language[len] == '-' || language[len] == '_');
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

void
_drafting_akn_check (Writer *w,
                     int     result)
{
  if (result < 0)
    w->failed = TRUE;
}

/* A line break, and the indent of the elements open, between blocks. */
static void
layout (Writer *w)
{
  char indent[1 + 2 * 24 + 1];
  guint n;

  if (w->failed)
    return;

  n = MIN (w->open->len, 24) * 2;
  indent[0] = '\n';
  memset (indent + 1, ' ', n);
  indent[n + 1] = '\0';
  _drafting_akn_check (w, xmlTextWriterWriteRaw (w->xml, (const xmlChar *) indent));
}

/* An element on a line of its own: one that holds blocks, or a block. */
void
_drafting_akn_start_block (Writer     *w,
                           const char *name)
{
  guint8 holds_blocks = FALSE;

  if (w->failed)
    return;

  g_assert (w->open->len > 0);
  w->open->data[w->open->len - 1] = TRUE;
  layout (w);
  _drafting_akn_check (w, xmlTextWriterStartElement (w->xml, (const xmlChar *) name));
  g_byte_array_append (w->open, &holds_blocks, 1);
}

void
_drafting_akn_end_block (Writer *w)
{
  gboolean held_blocks;

  if (w->failed)
    return;

  g_assert (w->open->len > 0);
  held_blocks = w->open->data[w->open->len - 1];
  g_byte_array_set_size (w->open, w->open->len - 1);
  if (held_blocks)
    layout (w);
  _drafting_akn_check (w, xmlTextWriterEndElement (w->xml));
}

/* An element inside text, where a space would be part of the text. */
void
_drafting_akn_start_inline (Writer     *w,
                            const char *name)
{
  if (!w->failed)
    _drafting_akn_check (w, xmlTextWriterStartElement (w->xml, (const xmlChar *) name));
}

void
_drafting_akn_end_inline (Writer *w)
{
  if (!w->failed)
    _drafting_akn_check (w, xmlTextWriterEndElement (w->xml));
}

void
_drafting_akn_write_attribute (Writer     *w,
                               const char *name,
                               const char *value)
{
  if (!w->failed && value != NULL)
    _drafting_akn_check (w, xmlTextWriterWriteAttribute (w->xml, (const xmlChar *) name,
                                                         (const xmlChar *) value));
}

void
_drafting_akn_write_string (Writer     *w,
                            const char *text)
{
  if (!w->failed && text != NULL && text[0] != '\0')
    _drafting_akn_check (w, xmlTextWriterWriteString (w->xml, (const xmlChar *) text));
}

/* @len bytes of @text, its line breaks as <br/>. */
void
_drafting_akn_write_text (Writer     *w,
                          const char *text,
                          gsize       len)
{
  const char *end = text + len;

  while (!w->failed && text < end)
    {
      const char *newline = memchr (text, '\n', end - text);
      const char *stop = newline != NULL ? newline : end;

      if (stop > text)
        {
          g_autofree char *piece = g_strndup (text, stop - text);

          _drafting_akn_write_string (w, piece);
        }
      if (newline == NULL)
        break;
      _drafting_akn_start_inline (w, "br");
      _drafting_akn_end_inline (w);
      text = newline + 1;
    }
}

/* An empty element on a line of its own, with attributes: name, value,
 * ..., NULL; an attribute whose value is %NULL is left out. */
void G_GNUC_NULL_TERMINATED
_drafting_akn_write_empty (Writer     *w,
                           const char *name,
                           ...)
{
  va_list args;
  const char *attribute;

  _drafting_akn_start_block (w, name);
  va_start (args, name);
  while ((attribute = va_arg (args, const char *)) != NULL)
    _drafting_akn_write_attribute (w, attribute, va_arg (args, const char *));
  va_end (args);
  _drafting_akn_end_block (w);
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */

/* @wanted, or it with a suffix if it is given already: an eId of its own. */
const char *
_drafting_akn_claim_eid (Writer     *w,
                         const char *wanted)
{
  char *eid = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (w->eids, eid); n++)
    {
      g_free (eid);
      eid = g_strdup_printf ("%s-%u", wanted, n);
    }
  g_hash_table_add (w->eids, eid);

  return eid;
}

/* What an element's number gives its eId: its letters and digits ("a" of
 * "(a)"), or else @ordinal. */
static char *
eid_number (const char *number,
            guint       ordinal)
{
  GString *part = g_string_new (NULL);

  for (const char *p = number; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (part, g_utf8_get_char (p));
  if (part->len == 0)
    g_string_printf (part, "%u", ordinal);

  return g_string_free (part, FALSE);
}

/* The eId of an element in @parent (%NULL at the top), by the naming
 * convention: "para_2__list_1__point_a". */
const char *
_drafting_akn_child_eid (Writer     *w,
                         const char *parent,
                         const char *prefix,
                         const char *number,
                         guint       ordinal)
{
  g_autofree char *part = eid_number (number, ordinal);
  g_autofree char *wanted = parent != NULL ? g_strdup_printf ("%s__%s_%s", parent, prefix, part)
                                           : g_strdup_printf ("%s_%s", prefix, part);

  return _drafting_akn_claim_eid (w, wanted);
}

/* A name as an identifier: its letters and digits, each word after the
 * first with a capital, "Policy Commission" as "policyCommission". */
char *
_drafting_akn_name_to_id (const char *name,
                          const char *fallback)
{
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          word_start = TRUE;
          continue;
        }
      if (out->len > 0 && word_start)
        c = g_unichar_toupper (c);
      else
        c = g_unichar_tolower (c);
      g_string_append_unichar (out, c);
      word_start = FALSE;
    }
  if (out->len == 0)
    g_string_append (out, fallback);

  return g_string_free (out, FALSE);
}

/* The ISO 639-2 code of a language, as FRBRlanguage has it: "eng" for
 * "en"; a language not known here as its tag is, which the schema
 * allows. */
static const char *
language_code (const char *language)
{
  static const char * const codes[][2] = {
    { "en", "eng" }, { "fr", "fra" }, { "es", "spa" },
    { "ar", "ara" }, { "ru", "rus" }, { "pt", "por" }, { "zh", "zho" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (language_is (language, codes[i][0]))
      return codes[i][1];

  return language != NULL && language[0] != '\0' ? language : "und";
}

/* The months, by the letters their names start with in the languages of
 * the documents, as dates are written there: "December", "déc.",
 * "diciembre", "декабря". */
static const struct
{
  guint       month;
  const char *stem;
} month_stems[] = {
  { 1, "jan" }, { 1, "ene" }, { 1, "янв" },
  { 2, "feb" }, { 2, "fév" }, { 2, "fev" }, { 2, "фев" },
  { 3, "mar" }, { 3, "мар" },
  { 4, "apr" }, { 4, "avr" }, { 4, "abr" }, { 4, "апр" },
  { 5, "may" }, { 5, "mai" }, { 5, "мая" }, { 5, "май" },
  { 6, "jun" }, { 6, "juin" }, { 6, "июн" },
  { 7, "jul" }, { 7, "juil" }, { 7, "июл" },
  { 8, "aug" }, { 8, "aoû" }, { 8, "aou" }, { 8, "ago" }, { 8, "авг" },
  { 9, "sep" }, { 9, "set" }, { 9, "сен" },
  { 10, "oct" }, { 10, "out" }, { 10, "окт" },
  { 11, "nov" }, { 11, "ноя" },
  { 12, "dec" }, { 12, "déc" }, { 12, "dic" }, { 12, "dez" }, { 12, "дек" },
};

static guint
read_month (const char *word,
            gsize       len)
{
  g_autofree char *normal = g_utf8_normalize (word, len, G_NORMALIZE_NFC);
  g_autofree char *folded = normal != NULL ? g_utf8_casefold (normal, -1) : NULL;

  if (folded == NULL || g_utf8_strlen (folded, -1) < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_stems); i++)
    if (g_str_has_prefix (folded, month_stems[i].stem))
      return month_stems[i].month;

  return 0;
}

/* The first day a date as the document gives it names, as the schema
 * writes dates: "2017-12-10" of "10-13 December 2017", "2017-12-01" of
 * "December 2017"; %NULL if it names no year. */
char *
_drafting_akn_parse_date (const char *text)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;
  const char *p = text;

  if (text == NULL)
    return NULL;

  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3 && year >= 1000 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  year = month = day = 0;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean digits = g_ascii_isdigit (*p);

      while (*p != '\0' &&
             (digits ? g_ascii_isdigit (*p)
                     : g_unichar_isalpha (g_utf8_get_char (p)) && !g_ascii_isdigit (*p)))
        p = g_utf8_next_char (p);

      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (digits)
        {
          guint value = (guint) g_ascii_strtoull (start, NULL, 10);
          gsize len = p - start;

          if (len == 4 && year == 0 && value >= 1000)
            year = value;
          else if (len <= 2 && day == 0 && value >= 1 && value <= 31)
            day = value;
        }
      else if (month == 0)
        month = read_month (start, p - start);
    }

  if (year == 0)
    return NULL;
  if (month == 0)
    month = 1;
  if (day == 0 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    day = 1;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* A segment of an IRI. */
char *
_drafting_akn_iri_segment (const char *text)
{
  return g_uri_escape_string (text, NULL, TRUE);
}

void
_drafting_akn_identity_clear (Identity *id)
{
  g_clear_pointer (&id->work, g_free);
  g_clear_pointer (&id->expression, g_free);
  g_clear_pointer (&id->date, g_free);
}

/* The IRIs of a document by the naming convention: its symbol as its
 * number, or else its own identifier; its status as the version of the
 * expression, none for the adopted text. */
void
_drafting_akn_identity_init_document (Identity         *id,
                                      DraftingDocument *document)
{
  const char *symbol = drafting_document_get_symbol (document);
  const char *identifier = drafting_document_get_identifier (document);
  DraftingDocumentType document_type = drafting_document_get_document_type (document);
  const char *type = drafting_document_type_to_string (document_type);
  DraftingStatus status = drafting_document_get_status (document);
  g_autofree char *number = _drafting_akn_iri_segment (symbol != NULL && symbol[0] != '\0'
                                                         ? symbol : identifier);

  id->date = _drafting_akn_parse_date (drafting_document_get_date (document));
  id->date_name = "meeting";
  if (id->date == NULL)
    {
      /* The schema wants a date: an undated draft has one that says so. */
      id->date = g_strdup ("0001-01-01");
      id->date_name = "unknown";
    }
  id->language = language_code (drafting_document_get_language (document));
  id->work = g_strdup_printf ("/akn/%s/statement/%s/%s/%s",
                              AKN_JURISDICTION, type, id->date, number);
  id->expression = g_strdup_printf ("%s/%s@%s", id->work, id->language,
                                    status == DRAFTING_STATUS_ADOPTED
                                      ? "" : drafting_status_to_string (status));
  id->author = AKN_WCO_EID;
  id->place = NULL;
}

/* One level of the FRBR identification, left open for what only that
 * level has. */
static void
start_frbr (Writer     *w,
            const char *element,
            const char *this_iri,
            const char *uri,
            Identity   *id,
            const char *author)
{
  g_autofree char *href = g_strconcat ("#", author, NULL);

  _drafting_akn_start_block (w, element);
  _drafting_akn_write_empty (w, "FRBRthis", "value", this_iri, NULL);
  _drafting_akn_write_empty (w, "FRBRuri", "value", uri, NULL);
  _drafting_akn_write_empty (w, "FRBRdate", "date", id->date, "name", id->date_name, NULL);
  _drafting_akn_write_empty (w, "FRBRauthor", "href", href, NULL);
}

/* The identification of the document (@component %NULL) or of one of its
 * components, "annex_1". */
void
_drafting_akn_write_identification (Writer     *w,
                                    Identity   *id,
                                    const char *component,
                                    const char *subtype,
                                    const char *number,
                                    const char *name)
{
  g_autofree char *this_part = g_strconcat ("!", component != NULL ? component : "main", NULL);
  g_autofree char *work_this = g_strdup_printf ("%s/%s", id->work, this_part);
  g_autofree char *expression_this = g_strdup_printf ("%s/%s", id->expression, this_part);
  g_autofree char *manifestation_this = g_strdup_printf ("%s/%s.xml", id->expression, this_part);
  g_autofree char *manifestation = g_strdup_printf ("%s.xml", id->expression);
  g_autofree char *wco = g_strconcat ("#", AKN_WCO_EID, NULL);

  _drafting_akn_start_block (w, "identification");
  _drafting_akn_write_attribute (w, "source", wco);

  start_frbr (w, "FRBRWork", work_this, id->work, id, id->author);
  _drafting_akn_write_empty (w, "FRBRcountry", "value", AKN_JURISDICTION, NULL);
  if (subtype != NULL)
    _drafting_akn_write_empty (w, "FRBRsubtype", "value", subtype, NULL);
  if (number != NULL && number[0] != '\0')
    _drafting_akn_write_empty (w, "FRBRnumber", "value", number, NULL);
  if (name != NULL && name[0] != '\0')
    _drafting_akn_write_empty (w, "FRBRname", "value", name, NULL);
  _drafting_akn_end_block (w);

  start_frbr (w, "FRBRExpression", expression_this, id->expression, id, id->author);
  _drafting_akn_write_empty (w, "FRBRlanguage", "language", id->language, NULL);
  _drafting_akn_end_block (w);

  start_frbr (w, "FRBRManifestation", manifestation_this, manifestation, id, AKN_WCO_EID);
  _drafting_akn_end_block (w);

  _drafting_akn_end_block (w);
}

/* A reference to an organization, a person or a place, by the naming
 * convention's IRIs of the ontology. */
void
_drafting_akn_write_reference (Writer     *w,
                               const char *element,
                               const char *eid,
                               const char *category,
                               const char *show_as)
{
  g_autofree char *segment = _drafting_akn_iri_segment (eid);
  g_autofree char *href = NULL;

  if (strcmp (eid, AKN_WCO_EID) == 0)
    href = g_strdup_printf ("/akn/ontology/%s/%s", category, segment);
  else
    href = g_strdup_printf ("/akn/ontology/%s/%s/%s", category, AKN_WCO_EID, segment);

  _drafting_akn_write_empty (w, element, "eId", eid, "href", href, "showAs", show_as, NULL);
}

void
_drafting_akn_write_wco_reference (Writer *w)
{
  _drafting_akn_start_block (w, "TLCOrganization");
  _drafting_akn_write_attribute (w, "eId", AKN_WCO_EID);
  _drafting_akn_write_attribute (w, "href", "/akn/ontology/organizations/" AKN_WCO_EID);
  _drafting_akn_write_attribute (w, "showAs", "World Customs Organization");
  _drafting_akn_write_attribute (w, "shortForm", "WCO");
  _drafting_akn_end_block (w);
}

/* The eId of the reference to the organization @name, the WCO's own if
 * it names that; made once, kept in @known, and added to @order to be
 * written. */
const char *
_drafting_akn_organization_eid (Writer     *w,
                                GHashTable *known,
                                GPtrArray  *order,
                                const char *name)
{
  const char *eid = g_hash_table_lookup (known, name);
  g_autofree char *wanted = NULL;

  if (eid != NULL)
    return eid;

  wanted = _drafting_akn_name_to_id (name, "organization");
  if (strcmp (wanted, AKN_WCO_EID) == 0)
    eid = AKN_WCO_EID;
  else
    {
      eid = _drafting_akn_claim_eid (w, wanted);
      g_ptr_array_add (order, (gpointer) name);
    }
  g_hash_table_insert (known, (gpointer) name, (gpointer) eid);

  return eid;
}

/* The references to the organizations of @order, as @known names them. */
void
_drafting_akn_write_organizations (Writer     *w,
                                   GHashTable *known,
                                   GPtrArray  *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);

      _drafting_akn_write_reference (w, "TLCOrganization", g_hash_table_lookup (known, name),
                                     "organizations", name);
    }
}

/* Drafting's own words about a document or an amendment, in its own
 * namespace: one element whose attributes are name, value, ..., NULL. */
void G_GNUC_NULL_TERMINATED
_drafting_akn_write_proprietary (Writer     *w,
                                 const char *ns,
                                 const char *element,
                                 ...)
{
  g_autofree char *wco = g_strconcat ("#", AKN_WCO_EID, NULL);
  va_list args;
  const char *attribute;

  _drafting_akn_start_block (w, "proprietary");
  _drafting_akn_write_attribute (w, "source", wco);
  if (!w->failed)
    {
      w->open->data[w->open->len - 1] = TRUE;
      layout (w);
      _drafting_akn_check (w, xmlTextWriterStartElementNS (w->xml, (const xmlChar *) "drafting",
                                                           (const xmlChar *) element,
                                                           (const xmlChar *) ns));
    }
  va_start (args, element);
  while ((attribute = va_arg (args, const char *)) != NULL)
    _drafting_akn_write_attribute (w, attribute, va_arg (args, const char *));
  va_end (args);
  _drafting_akn_end_inline (w);
  _drafting_akn_end_block (w);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* A footnote, where it is called: an <authorialNote>, its number its
 * marker. */
static void
write_note (Writer       *w,
            DraftingNode *footnote)
{
  g_autofree char *number = drafting_node_get_number (footnote);
  g_autofree char *part = eid_number (number, g_hash_table_size (w->notes) + 1);
  g_autofree char *wanted = g_strconcat ("authorialNote_", part, NULL);
  const char *eid = _drafting_akn_claim_eid (w, wanted);

  /* Marked as written first, so that a note that calls itself ends. */
  g_hash_table_insert (w->notes, footnote, (gpointer) eid);

  _drafting_akn_start_inline (w, "authorialNote");
  _drafting_akn_write_attribute (w, "eId", eid);
  _drafting_akn_write_attribute (w, "GUID", drafting_node_get_id (footnote));
  _drafting_akn_write_attribute (w, "marker", number);
  _drafting_akn_write_attribute (w, "placement", "bottom");
  _drafting_akn_start_inline (w, "p");
  _drafting_akn_write_wording (w, footnote);
  _drafting_akn_end_inline (w);
  _drafting_akn_end_inline (w);
}

/* The call of the footnote @ref in @node's text: the note itself the
 * first time, a <noteRef> to it after; the footnote's number in <sup> in
 * an amendment, which quotes the text without its notes. */
static void
write_note_call (Writer       *w,
                 DraftingNode *node,
                 const char   *ref)
{
  DraftingNode *footnote = NULL;
  g_autofree char *call = drafting_render_footnote_call (node, ref, &footnote);
  g_autofree char *number = NULL;
  const char *eid;

  if (footnote == NULL)
    return;

  number = drafting_node_get_number (footnote);
  if (w->notes_as_calls)
    {
      _drafting_akn_start_inline (w, "sup");
      _drafting_akn_write_string (w, number);
      _drafting_akn_end_inline (w);
    }
  else if ((eid = g_hash_table_lookup (w->notes, footnote)) != NULL)
    {
      g_autofree char *href = g_strconcat ("#", eid, NULL);

      _drafting_akn_start_inline (w, "noteRef");
      _drafting_akn_write_attribute (w, "marker", number);
      _drafting_akn_write_attribute (w, "href", href);
      _drafting_akn_end_inline (w);
    }
  else
    write_note (w, footnote);
}

typedef struct
{
  Writer       *w;
  DraftingNode *node;   /* whose text it is, whose footnotes it calls; or %NULL */
  const char   *text;
} Runs;

static void
write_run (guint       start,
           guint       end,
           gboolean    emphasis,
           gboolean    strong,
           const char *ref,
           gpointer    user_data)
{
  Runs *runs = user_data;
  Writer *w = runs->w;

  if (ref != NULL)
    {
      if (runs->node != NULL)
        write_note_call (w, runs->node, ref);
      return;
    }
  if (start == end)
    return;

  if (strong)
    _drafting_akn_start_inline (w, "b");
  if (emphasis)
    _drafting_akn_start_inline (w, "i");
  _drafting_akn_write_text (w, runs->text + start, end - start);
  if (emphasis)
    _drafting_akn_end_inline (w);
  if (strong)
    _drafting_akn_end_inline (w);
}

void
_drafting_akn_write_content (Writer               *w,
                             DraftingNode         *node,
                             const DraftingInline *content)
{
  Runs runs = { w, node, drafting_inline_get_text (content) };

  drafting_inline_foreach_run (content, write_run, &runs);
}

/* A leading phrase, and what separates it from @text. */
void
_drafting_akn_write_lead (Writer     *w,
                          const char *lead,
                          const char *text)
{
  if (lead == NULL || lead[0] == '\0')
    return;

  _drafting_akn_start_inline (w, "span");
  _drafting_akn_write_attribute (w, "class", "leadingPhrase");
  _drafting_akn_write_string (w, lead);
  _drafting_akn_end_inline (w);
  _drafting_akn_write_string (w, drafting_text_lead_separator (lead, text));
}

/* What the document's status adds before its first heading or title,
 * "DRAFT", as its <docStatus>. */
void
_drafting_akn_write_prefix (Writer       *w,
                            DraftingNode *node)
{
  g_autofree char *prefix = drafting_render_prefix (node);
  gsize len = strlen (prefix);
  gsize kept = len;

  if (len == 0)
    return;

  while (kept > 0 && g_ascii_isspace (prefix[kept - 1]))
    kept--;
  _drafting_akn_start_inline (w, "docStatus");
  _drafting_akn_write_text (w, prefix, kept);
  _drafting_akn_end_inline (w);
  _drafting_akn_write_text (w, prefix + kept, len - kept);
}

/* The footnotes of @node that its text does not call, after its text. */
static void
write_uncalled_notes (Writer       *w,
                      DraftingNode *node)
{
  if (w->notes_as_calls)
    return;

  for (guint i = 0; i < drafting_node_get_n_children (node); i++)
    {
      DraftingNode *child = drafting_node_get_child (node, i);

      if (drafting_node_get_kind (child) == DRAFTING_KIND_FOOTNOTE &&
          !g_hash_table_contains (w->notes, child))
        write_note (w, child);
    }
}

/* The wording of an element: its leading phrase, its text, the notes it
 * calls where it calls them, and those it does not at its end. */
void
_drafting_akn_write_wording (Writer       *w,
                             DraftingNode *node)
{
  const DraftingInline *content = drafting_node_get_content (node);

  _drafting_akn_write_lead (w, drafting_node_get_lead (node), drafting_inline_get_text (content));
  _drafting_akn_write_content (w, node, content);
  write_uncalled_notes (w, node);
}
