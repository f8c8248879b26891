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
#include "drafting-language.h"
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

typedef enum
{
  FORM_NONE,
  FORM_PERIOD,   /* 1.  i.  a. */
  FORM_PAREN,    /* (1) (i) (a) */
  FORM_RPAREN,   /* 1)  i)  a) */
} NumberForm;

typedef struct
{
  guint       line;         /* of the first line, from 1 */
  guint       indent;       /* spaces before the first line's mark */
  GPtrArray  *lines;        /* the lines, marks taken off the first */
  char       *number;       /* the number as written, without punctuation */
  NumberForm  form;
  guint       bullet : 1;
  guint       blank_before : 1;
} Unit;

typedef enum
{
  PHASE_HEAD,
  PHASE_PREAMBLE,
  PHASE_OPERATIVE,
  PHASE_ANNEX,
  PHASE_NARRATIVE,
  PHASE_STATEMENTS,
  PHASE_PRINCIPLES,
  PHASE_BODY,
} Phase;

typedef struct
{
  DraftingNode *node;
  guint         indent;
} Level;

typedef struct
{
  GPtrArray            *units;
  GPtrArray            *warnings;
  DraftingNode         *root;
  GPtrArray            *footnotes;     /* Unit whose text is a footnote */
  GPtrArray            *placed;        /* DraftingNode with text, in order */
  GArray               *levels;        /* Level: the open list items */

  DraftingDocumentType  type;
  Phase                 phase;
  char                 *language;

  DraftingNode         *authority;
  DraftingNode         *annex;
  DraftingNode         *principle;
  DraftingNode         *section;
  DraftingNode         *container;     /* operative paragraph or statement */
  DraftingNode         *last;          /* the last element made */
  GHashTable           *lines;         /* DraftingNode → its line */
  GHashTable           *counts;        /* DraftingNode → guint[kinds] */
  gboolean              have_occasion;

  GString              *title;
  char                 *body;
  char                 *place;
  char                 *date;
  char                 *symbol;
  DraftingStatus        status;

  DraftingNumberStyle   styles[DRAFTING_N_NUMBERING_SLOTS];
  gboolean              style_seen[DRAFTING_N_NUMBERING_SLOTS];
} Importer;

static guint count_children_of_kind (Importer     *self,
                                     DraftingNode *parent,
                                     DraftingKind  kind);

/* ------------------------------------------------------------------ */
/* Warnings                                                            */

void
drafting_import_warning_free (DraftingImportWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

static void warn (Importer   *self,
                  guint       line,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
warn (Importer   *self,
      guint       line,
      const char *format,
      ...)
{
  DraftingImportWarning *warning = g_new0 (DraftingImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->line = line;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->warnings, warning);
}

/* ------------------------------------------------------------------ */
/* Units                                                               */

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_ptr_array_unref (unit->lines);
  g_free (unit->number);
  g_free (unit);
}

/* The unit's text, its lines joined with single spaces. */
static char *
unit_text (Unit *unit)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < unit->lines->len; i++)
    {
      const char *line = g_ptr_array_index (unit->lines, i);

      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, line);
    }

  return g_string_free (str, FALSE);
}

static const char *
unit_first_line (Unit *unit)
{
  return g_ptr_array_index (unit->lines, 0);
}

static gboolean
is_superscript_digit (gunichar c)
{
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || c == 0x2070 ||
         (c >= 0x2074 && c <= 0x2079);
}

/* A footnote: "¹ The World Customs Organization is ..." */
static gboolean
is_footnote_text (const char *text)
{
  const char *p = text;

  if (!is_superscript_digit (g_utf8_get_char (p)))
    return FALSE;
  while (is_superscript_digit (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return *p == ' ';
}

static gboolean
is_roman (const char *token,
          gsize       len)
{
  return drafting_parse_roman (token, len) > 0;
}

/* "PRINCIPLE I - Title", "Principle 3: Title" */
static gboolean
parse_principle (const char  *text,
                 char       **number,
                 char       **title)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:PRINCIPLE|Principle)\\s+([IVXLCDMivxlcdm]+|[0-9]{1,4})"
                                    "\\s*(?:[-–—:.]\\s*(.*))?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  if (number != NULL)
    *number = g_match_info_fetch (match, 1);
  if (title != NULL)
    *title = g_match_info_fetch (match, 2);

  return TRUE;
}

/* "ANNEX", "ANNEX I", "Annex II - Title" */
static gboolean
parse_annex (const char  *text,
             char       **title)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:ANNEX|Annex)(?:\\s+([IVXLCDM]+|[0-9]{1,4}|[A-Z]))?"
                                    "\\s*(?:[-–—:.]\\s*(.*))?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  if (title != NULL)
    *title = g_match_info_fetch (match, 2);

  return TRUE;
}

/* A line of only page decoration: "*", "* * *", "_____". */
static gboolean
is_decoration (const char *line)
{
  gboolean any = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (strchr ("*-_=~#. ", *p) == NULL)
        return FALSE;
      any |= *p != ' ';
    }

  return any && strchr (line, '*') != NULL;
}

/* A page number left by a PDF: "- 2.", "3", "- 4 -". */
static gboolean
is_page_number (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[-–]?\\s*[0-9]{1,3}\\s*\\.?\\s*[-–]?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, line, 0, &match);
}

/* Reads the marks at the start of a line: bullets, then a number. */
static const char *
parse_marks (const char  *line,
             gboolean    *bullet,
             char       **number,
             NumberForm  *form)
{
  static const char * const bullets[] = { "- ", "– ", "— ", "• ", "▪ ", "· ", "* ", "◦ " };
  const char *p = line;
  gboolean again = TRUE;

  *bullet = FALSE;
  *number = NULL;
  *form = FORM_NONE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
        if (g_str_has_prefix (p, bullets[i]))
          {
            p += strlen (bullets[i]);
            while (*p == ' ')
              p++;
            *bullet = again = TRUE;
            break;
          }
    }

  /* "o" as a bullet: after another bullet, or indented before a capital. */
  if (p[0] == 'o' && p[1] == ' ' && (*bullet || p != line) && g_ascii_isupper (p[2]))
    {
      p += 2;
      *bullet = TRUE;
    }

  /* A number: "1.", "(a)", "iv.", "b)" followed by a space. */
  {
    const char *start = p;
    gboolean paren = *p == '(';
    const char *q;
    gsize len;

    if (paren)
      start++;
    for (q = start; g_ascii_isalnum (*q) && q - start < 6; q++)
      ;
    len = q - start;

    if (len > 0 && len <= 5 &&
        ((paren && *q == ')') || (!paren && (*q == '.' || *q == ')'))) &&
        q[1] == ' ')
      {
        gboolean digits = TRUE;

        for (gsize i = 0; i < len; i++)
          digits &= g_ascii_isdigit (start[i]) != 0;

        if ((digits && len <= 4) || len == 1 || is_roman (start, len))
          {
            *number = g_strndup (start, len);
            *form = paren ? FORM_PAREN : (*q == '.' ? FORM_PERIOD : FORM_RPAREN);
            p = q + 2;
            while (*p == ' ')
              p++;
          }
      }
  }

  return p;
}

static gboolean
is_blank (const char *line)
{
  if (line == NULL)
    return TRUE;
  while (*line == ' ')
    line++;
  return *line == '\0';
}

static gboolean
ends_clause (const char *line)
{
  gsize len = strlen (line);

  return len > 0 && strchr (",;:.", line[len - 1]) != NULL;
}

/* Whether @line opens with a leading phrase in capitals followed by text,
 * as a preambular clause does: "NOTING that". */
static gboolean
opens_with_lead (const char *line)
{
  gsize lead = drafting_text_lead_length (line);
  const char *rest = line + lead;

  if (lead == 0 || (*rest != '\0' && *rest != ' ' && *rest != ':' && *rest != ','))
    return FALSE;

  /* "RESOLVES:" alone opens the operative part. */
  while (*rest == ' ')
    rest++;
  if (strcmp (rest, ":") == 0)
    return TRUE;

  return !drafting_text_is_capitals (line, -1);
}

static GPtrArray *
split_units (Importer *self,
             char    **lines,
             GArray   *numbers)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (unit_free);
  Unit *current = NULL;
  gboolean blank = TRUE;

  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      guint line_number = g_array_index (numbers, guint, n);
      const char *rest;
      gboolean bullet;
      g_autofree char *number = NULL;
      NumberForm form;
      guint indent = 0;
      gboolean starts;

      g_strchomp (line);
      while (line[indent] == ' ')
        indent++;

      if (line[indent] == '\0')
        {
          current = NULL;
          blank = TRUE;
          continue;
        }

      if (is_decoration (line + indent))
        {
          warn (self, line_number, _("The decoration “%s” was left out"), line + indent);
          current = NULL;
          blank = TRUE;
          continue;
        }

      if (blank && is_page_number (line + indent) && is_blank (lines[n + 1]))
        {
          warn (self, line_number, _("The page number “%s” was left out"), line + indent);
          current = NULL;
          continue;
        }

      rest = parse_marks (line + indent, &bullet, &number, &form);

      starts = current == NULL || bullet || number != NULL ||
               parse_principle (rest, NULL, NULL) || is_footnote_text (rest) ||
               (ends_clause (g_ptr_array_index (current->lines, current->lines->len - 1)) &&
                opens_with_lead (rest));

      if (starts)
        {
          current = g_new0 (Unit, 1);
          current->line = line_number;
          current->indent = indent;
          current->lines = g_ptr_array_new_with_free_func (g_free);
          current->bullet = bullet;
          current->number = g_steal_pointer (&number);
          current->form = form;
          current->blank_before = blank;
          g_ptr_array_add (units, current);
          g_ptr_array_add (current->lines, g_strdup (rest));
        }
      else
        g_ptr_array_add (current->lines, g_strdup (line + indent));

      blank = FALSE;
    }

  return units;
}

/* A clause broken by a page comes as two units: the second plain, starting
 * in lower case or with a number, the first ending without punctuation. */
static void
join_broken_units (Importer *self)
{
  for (guint i = 1; i < self->units->len; i++)
    {
      Unit *prev = g_ptr_array_index (self->units, i - 1);
      Unit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *prev_text = unit_text (prev);
      const char *first = unit_first_line (unit);
      gunichar c = g_utf8_get_char (first);
      gsize len = strlen (prev_text);

      if (unit->bullet || unit->number != NULL || is_footnote_text (first))
        continue;
      if (!(g_unichar_islower (c) || g_unichar_isdigit (c)))
        continue;
      if (len == 0 || strchr (".,;:!?)", prev_text[len - 1]) != NULL)
        continue;
      if (drafting_text_is_capitals (prev_text, -1))
        continue;

      for (guint j = 0; j < unit->lines->len; j++)
        g_ptr_array_add (prev->lines, g_strdup (g_ptr_array_index (unit->lines, j)));
      g_ptr_array_remove_index (self->units, i);
      i--;
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static gboolean
is_opening_context (gunichar prev)
{
  /* strchr() would take only the low byte of a letter such as "Ш" (U+0428),
   * and find the "(" (0x28) in it. */
  return prev == 0 || g_unichar_isspace (prev) ||
         (prev < 0x80 && strchr ("([{/", (int) prev) != NULL) ||
         prev == 0x2013 || prev == 0x2014;
}

/* Collapses white space, takes the space before ":" and ";" away (in
 * English), makes quotes typographic, and turns *emphasis* and **bold**
 * into marks. */
static DraftingInline *
make_inline (Importer   *self,
             const char *source)
{
  gboolean french = g_str_has_prefix (self->language, "fr");
  GString *text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DraftingMark));
  DraftingInline *content;
  gunichar prev = 0;
  int open_em = -1;
  int open_strong = -1;

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          if (text->len > 0 && prev != ' ')
            {
              g_string_append_c (text, ' ');
              prev = ' ';
            }
          continue;
        }

      if ((c == ':' || c == ';') && prev == ' ' && !french)
        g_string_truncate (text, text->len - 1);

      if (c == '*')
        {
          gboolean strong = next == '*';
          int *open = strong ? &open_strong : &open_em;
          const char *after = strong ? g_utf8_next_char (g_utf8_next_char (p)) : g_utf8_next_char (p);
          gunichar after_c = g_utf8_get_char (after);

          if (*open < 0 && after_c != 0 && !g_unichar_isspace (after_c) &&
              strchr (after, '*') != NULL && is_opening_context (prev))
            {
              *open = text->len;
              if (strong)
                p = g_utf8_next_char (p);
              continue;
            }
          if (*open >= 0 && prev != ' ' && !g_unichar_isalnum (after_c))
            {
              DraftingMark span = { strong ? DRAFTING_MARK_STRONG : DRAFTING_MARK_EMPHASIS,
                                    *open, text->len, NULL };

              g_array_append_val (spans, span);
              *open = -1;
              if (strong)
                p = g_utf8_next_char (p);
              prev = '*';
              continue;
            }
        }

      if (c == '"')
        c = is_opening_context (prev) ? 0x201C : 0x201D;
      else if (c == '\'')
        c = is_opening_context (prev) ? 0x2018 : 0x2019;

      g_string_append_unichar (text, c);
      prev = c;
    }

  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  content = drafting_inline_new (text->str);
  for (guint i = 0; i < spans->len; i++)
    {
      const DraftingMark *span = &g_array_index (spans, DraftingMark, i);

      drafting_inline_add_mark (content, span->kind,
                                MIN (span->start, text->len), MIN (span->end, text->len), NULL);
    }
  g_string_free (text, TRUE);

  return content;
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */

static DraftingNode *
add_node (Importer     *self,
          DraftingNode *parent,
          DraftingKind  kind,
          const char   *lead,
          const char   *text)
{
  g_autoptr(DraftingNode) node = drafting_node_new (kind, NULL);

  if (lead != NULL && lead[0] != '\0')
    drafting_node_set_lead (node, lead);
  if (text != NULL)
    drafting_node_take_content (node, make_inline (self, text));

  drafting_node_append_child (parent, node);
  {
    guint *counts = g_hash_table_lookup (self->counts, parent);

    if (counts == NULL)
      {
        counts = g_new0 (guint, DRAFTING_N_KINDS);
        g_hash_table_insert (self->counts, parent, counts);
      }
    counts[kind]++;
  }
  if (drafting_kind_has_text (kind))
    g_ptr_array_add (self->placed, node);
  self->last = node;

  return node;
}

static DraftingNumberStyle
style_for (const char *number,
           NumberForm  form,
           gboolean    roman)
{
  gboolean digits = g_ascii_isdigit (number[0]);
  gboolean upper = g_ascii_isupper (number[0]);

  if (digits)
    return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_ARABIC_PAREN
         : form == FORM_NONE ? DRAFTING_NUMBER_STYLE_ARABIC
         : DRAFTING_NUMBER_STYLE_ARABIC_PERIOD;

  if (roman)
    {
      if (upper)
        return form == FORM_NONE ? DRAFTING_NUMBER_STYLE_UPPER_ROMAN
                                 : DRAFTING_NUMBER_STYLE_UPPER_ROMAN_PERIOD;
      return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PAREN
                                : DRAFTING_NUMBER_STYLE_LOWER_ROMAN_PERIOD;
    }

  if (upper)
    return DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD;
  return form == FORM_PAREN ? DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN
                            : DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD;
}

static guint
number_value (const char *number,
              gboolean    roman)
{
  if (g_ascii_isdigit (number[0]))
    return (guint) g_ascii_strtoull (number, NULL, 10);
  if (roman)
    return drafting_parse_roman (number, strlen (number));
  if (number[1] == '\0')
    return g_ascii_tolower (number[0]) - 'a' + 1;
  return 0;
}

/* Notes how the text numbers the elements of a list, and says when a number
 * in the text is not the one the element now has. */
static void
observe_number (Importer     *self,
                DraftingNode *node,
                Unit         *unit,
                gboolean      roman)
{
  DraftingNumberingSlot slot;
  DraftingNumberStyle style;
  guint ordinal = 0;

  slot = drafting_numbering_slot_for (node->kind, node->parent->kind);
  if (slot == DRAFTING_NUMBERING_SLOT_INVALID)
    return;

  if (unit == NULL || unit->number == NULL)
    style = unit != NULL && unit->bullet ? DRAFTING_NUMBER_STYLE_BULLET : DRAFTING_NUMBER_STYLE_NONE;
  else
    style = style_for (unit->number, unit->form, roman);

  if (!self->style_seen[slot])
    {
      self->styles[slot] = style;
      self->style_seen[slot] = TRUE;
    }
  else if (self->styles[slot] != style && unit != NULL)
    warn (self, unit->line,
          /* Translators: the first %s is a list, as "Items"; the others are numbering styles */
          _("%s are numbered “%s” here but “%s” before; the document numbers them all alike"),
          drafting_numbering_slot_get_display_name (slot),
          drafting_number_style_get_display_name (style),
          drafting_number_style_get_display_name (self->styles[slot]));

  /* Elements are numbered as they are appended: this one is the last of
   * its kind so far. */
  ordinal = count_children_of_kind (self, node->parent, node->kind);

  if (unit != NULL && unit->number != NULL && number_value (unit->number, roman) != ordinal)
    {
      g_autofree char *derived = drafting_number_style_format (style, ordinal);

      warn (self, unit->line,
            _("The text numbers this “%s”, but it is number %s in its list; it is numbered %s now"),
            unit->number, derived, derived);
    }
}

/* Whether @number is a roman numeral, when it is the @expected-th of its
 * list: "i" is roman as the first of a list, a letter after "h". */
static gboolean
number_is_roman (const char *number,
                 guint       expected)
{
  gsize len = strlen (number);
  guint roman;

  if (g_ascii_isdigit (number[0]) || (roman = drafting_parse_roman (number, len)) == 0)
    return FALSE;
  if (roman == expected)
    return TRUE;
  if (len == 1 && (guint) (g_ascii_tolower (number[0]) - 'a' + 1) == expected)
    return FALSE;

  return TRUE;
}

/* How many children of @kind @parent has: counted as they are appended, as
 * counting them again for each would take the square of their number. */
static guint
count_children_of_kind (Importer     *self,
                        DraftingNode *parent,
                        DraftingKind  kind)
{
  guint *counts = g_hash_table_lookup (self->counts, parent);

  return counts ? counts[kind] : 0;
}

static const char * const operative_verbs[] = {
  "RESOLVES", "DECIDES", "RECOMMENDS", "ADOPTS", "REQUESTS", "URGES", "INVITES",
  "CALLS", "ENCOURAGES", "DECLARES", "AGREES", "APPROVES", "ENDORSES", "INSTRUCTS",
  "DIRECTS", "AUTHORIZES", "AUTHORISES", "EXPRESSES", "WELCOMES", "REAFFIRMS",
  "ACCEPTS", "CONFIRMS", "ESTABLISHES", "APPEALS",
};

static gboolean
is_operative_lead (const char *lead)
{
  gsize len = strcspn (lead, " :,;");

  for (guint i = 0; i < G_N_ELEMENTS (operative_verbs); i++)
    if (strlen (operative_verbs[i]) == len && strncmp (operative_verbs[i], lead, len) == 0)
      return TRUE;

  return FALSE;
}

/* A statement of a communiqué opens with a verb: "Reaffirms", "Notes". */
static gboolean
opens_with_verb (const char *text)
{
  const char *space = strchr (text, ' ');
  gsize len = space ? (gsize) (space - text) : strlen (text);

  return len >= 4 && g_ascii_isupper (text[0]) && text[len - 1] == 's' &&
         !drafting_text_is_capitals (text, len);
}

static void
close_lists (Importer *self)
{
  g_array_set_size (self->levels, 0);
}

/* Finds the item a bullet at @indent goes under, closing deeper ones. */
static DraftingNode *
list_parent (Importer     *self,
             DraftingNode *base,
             guint         indent)
{
  while (self->levels->len > 0 &&
         g_array_index (self->levels, Level, self->levels->len - 1).indent >= indent)
    g_array_set_size (self->levels, self->levels->len - 1);

  if (self->levels->len == 0)
    return base;

  return g_array_index (self->levels, Level, self->levels->len - 1).node;
}

static void
push_level (Importer     *self,
            DraftingNode *node,
            guint         indent)
{
  Level level = { node, indent };

  g_array_append_val (self->levels, level);
}

static DraftingNode *
annex_container (Importer *self)
{
  if (self->annex == NULL)
    self->annex = add_node (self, self->root, DRAFTING_KIND_ANNEX, NULL, NULL);

  return self->annex;
}

static void
start_principle (Importer   *self,
                 Unit       *unit,
                 const char *number,
                 const char *title,
                 gboolean    in_annex)
{
  DraftingNode *parent = in_annex ? annex_container (self) : self->root;
  gboolean roman = !g_ascii_isdigit (number[0]);
  g_autofree char *fake = g_strdup (number);
  Unit numbered = *unit;

  self->principle = add_node (self, parent, DRAFTING_KIND_PRINCIPLE, NULL, title ? title : "");
  self->section = NULL;
  close_lists (self);

  numbered.number = fake;
  numbered.form = FORM_NONE;
  observe_number (self, self->principle, &numbered, roman);
}

/* A line of the annex: a principle, a section, an item, a paragraph. */
static void
place_annex_unit (Importer   *self,
                  Unit       *unit,
                  const char *text)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  DraftingNode *base;

  if (unit->number == NULL && !unit->bullet && parse_principle (text, &number, &title))
    {
      start_principle (self, unit, number, title, self->type != DRAFTING_DOCUMENT_COMMUNIQUE);
      return;
    }

  if (unit->number == NULL && !unit->bullet && parse_annex (text, &title))
    {
      self->annex = add_node (self, self->root, DRAFTING_KIND_ANNEX, NULL, title ? title : "");
      self->principle = self->section = NULL;
      close_lists (self);
      return;
    }

  base = self->principle ? self->principle : annex_container (self);

  /* "i. Advance electronic data": a section, a short title without a
   * bullet or final punctuation. */
  if (!unit->bullet && unit->number != NULL && unit->form == FORM_PERIOD &&
      g_ascii_islower (unit->number[0]) && !ends_clause (text) && strlen (text) < 120 &&
      self->principle != NULL)
    {
      self->section = add_node (self, self->principle, DRAFTING_KIND_SECTION, NULL, text);
      close_lists (self);
      observe_number (self, self->section, unit, TRUE);
      return;
    }

  if (self->section != NULL)
    base = self->section;

  if (unit->bullet || unit->number != NULL)
    {
      DraftingNode *parent = list_parent (self, base, unit->indent);
      guint expected = count_children_of_kind (self, parent, DRAFTING_KIND_ITEM) + 1;
      gboolean roman = unit->number != NULL && number_is_roman (unit->number, expected);
      DraftingNode *item;

      item = add_node (self, parent, DRAFTING_KIND_ITEM, NULL, text);
      push_level (self, item, unit->indent);
      observe_number (self, item, unit, roman);
      return;
    }

  /* A paragraph: the introduction of a principle or section. */
  close_lists (self);
  add_node (self, base, DRAFTING_KIND_PARAGRAPH, NULL, text);
}

static gboolean
is_alpha_style (DraftingNumberStyle style)
{
  return style == DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PAREN ||
         style == DRAFTING_NUMBER_STYLE_LOWER_ALPHA_PERIOD ||
         style == DRAFTING_NUMBER_STYLE_UPPER_ALPHA_PERIOD;
}

/* Sub-paragraphs "(a)", and "(i)" inside a lettered one. */
static void
place_sub_paragraph (Importer   *self,
                     Unit       *unit,
                     const char *text)
{
  DraftingNode *parent = self->container;
  DraftingNode *last = NULL;
  guint expected;
  gboolean roman;
  DraftingNode *node;

  for (guint i = parent->children->len; i > 0 && last == NULL; i--)
    if (((DraftingNode *) g_ptr_array_index (parent->children, i - 1))->kind == DRAFTING_KIND_SUB_PARAGRAPH)
      last = g_ptr_array_index (parent->children, i - 1);

  expected = count_children_of_kind (self, parent, DRAFTING_KIND_SUB_PARAGRAPH) + 1;
  roman = unit->number != NULL && number_is_roman (unit->number, expected);

  if (roman && last != NULL && self->style_seen[DRAFTING_NUMBERING_SUB_PARAGRAPH] &&
      is_alpha_style (self->styles[DRAFTING_NUMBERING_SUB_PARAGRAPH]))
    {
      expected = count_children_of_kind (self, last, DRAFTING_KIND_SUB_PARAGRAPH) + 1;
      node = add_node (self, last, DRAFTING_KIND_SUB_PARAGRAPH, NULL, text);
      observe_number (self, node, unit, number_is_roman (unit->number, expected));
      return;
    }

  node = add_node (self, parent, DRAFTING_KIND_SUB_PARAGRAPH, NULL, text);
  observe_number (self, node, unit, roman);
}

static gboolean
is_place_date (const char *text)
{
  gsize len = strlen (text);

  return len > 2 && text[0] == '(' && text[len - 1] == ')' && strchr (text, ',') != NULL;
}

static gboolean
is_symbol (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[A-Z]{2,3}[0-9]{3,5}[A-Z][A-Za-z0-9.]*$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, text, 0, &match);
}

/* "DRAFT RESOLUTION OF ..." → "RESOLUTION OF ...", the status noted, in
 * any of the languages texts are drafted in. */
static const char *
strip_status (Importer   *self,
              const char *line)
{
  const DraftingLanguageTerms *all;
  guint n;

  all = drafting_language_get_all_terms (&n);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        /* The revised forms first: they begin with the others' words. */
        const char *candidates[] = {
          pass == 0 ? all[i].heading_revised : all[i].heading_draft,
          pass == 0 ? all[i].title_revised : all[i].title_draft,
        };

        for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
          if (g_str_has_prefix (line, candidates[j]) ||
              (j == 1 && g_ascii_strncasecmp (line, candidates[j], strlen (candidates[j])) == 0 &&
               g_str_has_prefix (all[i].code, "en")))
            {
              self->status = pass == 0 ? DRAFTING_STATUS_REVISED : DRAFTING_STATUS_DRAFT;
              return line + strlen (candidates[j]);
            }
      }

  return line;
}

static void
parse_place_date (Importer   *self,
                  const char *text)
{
  g_autofree char *inner = g_strndup (text + 1, strlen (text) - 2);
  char *comma = strchr (inner, ',');

  if (comma == NULL)
    {
      self->place = g_strdup (g_strstrip (inner));
      return;
    }

  *comma = '\0';
  self->place = g_strdup (g_strstrip (inner));
  self->date = g_strdup (g_strstrip (comma + 1));
}

static void
place_resolution_unit (Importer   *self,
                       Unit       *unit,
                       const char *text)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  gsize lead_len;

  /* The heading, place and date, symbol and authority. */
  if (self->phase == PHASE_HEAD)
    {
      /* A document has one place and date, and one symbol: a second is
       * not dropped, nor does it replace the first. */
      if (is_place_date (text))
        {
          if (self->place != NULL)
            {
              warn (self, unit->line,
                    _("The text has a place and date already; this one is kept as a plain paragraph"));
              add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
              return;
            }
          parse_place_date (self, text);
          add_node (self, self->root, DRAFTING_KIND_PLACE_DATE, NULL, NULL);
          return;
        }

      if (is_symbol (text))
        {
          if (self->symbol != NULL)
            {
              warn (self, unit->line,
                    _("The text has a symbol already; this one is kept as a plain paragraph"));
              add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
              return;
            }
          self->symbol = g_strdup (text);
          return;
        }

      if (drafting_text_is_capitals (text, -1) && !opens_with_lead (text) &&
          !is_operative_lead (text))
        {
          gboolean authority = (self->title->len > 0 || g_str_has_suffix (text, ",")) &&
                               (g_str_has_prefix (text, "THE ") || g_str_has_suffix (text, ","));

          if (authority)
            {
              self->authority = add_node (self, self->root, DRAFTING_KIND_AUTHORITY, NULL, text);
              g_free (self->body);
              self->body = drafting_text_title_case (text);
              self->phase = PHASE_PREAMBLE;
              return;
            }

          for (guint i = 0; i < unit->lines->len; i++)
            {
              g_autofree char *line = g_strstrip (g_strdup (g_ptr_array_index (unit->lines, i)));
              const char *heading = self->title->len == 0 ? strip_status (self, line) : line;

              add_node (self, self->root, DRAFTING_KIND_HEADING, NULL, heading);
              if (self->title->len > 0)
                g_string_append_c (self->title, ' ');
              g_string_append (self->title, heading);
            }
          return;
        }

      self->phase = PHASE_PREAMBLE;
    }

  if (unit->number == NULL && !unit->bullet &&
      (parse_principle (text, &number, &title) || parse_annex (text, NULL)))
    {
      self->phase = PHASE_ANNEX;
      self->container = NULL;
      place_annex_unit (self, unit, text);
      return;
    }

  if (self->phase == PHASE_ANNEX)
    {
      place_annex_unit (self, unit, text);
      return;
    }

  lead_len = unit->number == NULL && !unit->bullet ? drafting_text_lead_length (text) : 0;
  if (lead_len > 0 && !opens_with_lead (text))
    lead_len = 0;

  /* An operative formula: "RESOLVES that the WCO:", "REQUESTS the
   * Secretary General ...". */
  if (lead_len > 0 && is_operative_lead (text))
    {
      g_autofree char *lead = g_strndup (text, lead_len);
      const char *rest = text + lead_len;

      while (*rest == ' ')
        rest++;
      add_node (self, self->root, DRAFTING_KIND_OPERATIVE_FORMULA, lead, rest);
      self->phase = PHASE_OPERATIVE;
      self->container = NULL;
      return;
    }

  if (self->phase == PHASE_PREAMBLE)
    {
      if (lead_len > 0 || g_str_has_suffix (text, ",") || g_str_has_suffix (text, ", and"))
        {
          g_autofree char *lead = g_strndup (text, lead_len);
          const char *rest = text + lead_len;

          while (*rest == ' ')
            rest++;
          add_node (self, self->root, DRAFTING_KIND_PREAMBLE_CLAUSE, lead, rest);
          return;
        }

      if (self->authority == NULL && drafting_text_is_capitals (text, -1))
        {
          self->authority = add_node (self, self->root, DRAFTING_KIND_AUTHORITY, NULL, text);
          return;
        }

      warn (self, unit->line,
            _("This paragraph of the preamble is not a clause; it is kept as a plain paragraph"));
      add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
      return;
    }

  /* The operative part. */
  if (unit->form == FORM_PAREN || unit->form == FORM_RPAREN ||
      (unit->bullet && self->container != NULL) ||
      (unit->number != NULL && !g_ascii_isdigit (unit->number[0]) && self->container != NULL))
    {
      if (self->container == NULL)
        {
          warn (self, unit->line,
                _("This sub-paragraph has no paragraph before it; it is kept as an operative paragraph"));
          self->container = add_node (self, self->root, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, text);
          observe_number (self, self->container, NULL, FALSE);
          return;
        }
      place_sub_paragraph (self, unit, text);
      return;
    }

  self->container = add_node (self, self->root, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, text);
  observe_number (self, self->container, unit, FALSE);
}

/* Where the speaker formula of a communiqué is: the paragraph ending with
 * a colon that statements follow. */
static int
find_speaker_formula (Importer *self)
{
  for (guint i = 0; i + 1 < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *text = unit_text (unit);
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (unit->bullet || unit->number != NULL || !g_str_has_suffix (stripped, ":"))
        continue;

      for (guint j = i + 1; j < self->units->len; j++)
        {
          Unit *next = g_ptr_array_index (self->units, j);

          if (is_footnote_text (unit_first_line (next)))
            continue;
          if (next->number == NULL && !next->bullet && opens_with_verb (unit_first_line (next)))
            return i;
          break;
        }
    }

  return -1;
}

static gboolean
looks_like_occasion (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(19|20)[0-9]{2}", G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, line, 0, &match);
}

/* "Eleventh WTO Ministerial Conference, Buenos Aires, 10-13 December 2017" */
static void
parse_occasion (Importer   *self,
                const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, ",", -1);
  guint n = g_strv_length (parts);

  if (n >= 3 && looks_like_occasion (parts[n - 1]))
    {
      self->date = g_strdup (g_strstrip (parts[n - 1]));
      self->place = g_strdup (g_strstrip (parts[n - 2]));
    }
}

static void
place_communique_unit (Importer   *self,
                       Unit       *unit,
                       guint       index,
                       int         speaker)
{
  g_autofree char *text = unit_text (unit);
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  /* The occasion, then the title, its lines kept as they break. */
  if (self->phase == PHASE_HEAD)
    {
      guint first_title = 0;

      if (!self->have_occasion && (int) index != speaker &&
          looks_like_occasion (unit_first_line (unit)))
        {
          add_node (self, self->root, DRAFTING_KIND_OCCASION, NULL, unit_first_line (unit));
          parse_occasion (self, unit_first_line (unit));
          self->have_occasion = TRUE;
          first_title = 1;
          if (unit->lines->len == 1)
            return;
        }

      self->phase = PHASE_NARRATIVE;

      if ((int) index != speaker && !(first_title == 0 && ends_clause (text) &&
                                      g_str_has_suffix (text, ".")))
        {
          g_autoptr(DraftingInline) content = drafting_inline_new (NULL);
          DraftingNode *node = add_node (self, self->root, DRAFTING_KIND_TITLE, NULL, NULL);

          for (guint i = first_title; i < unit->lines->len; i++)
            {
              const char *line = g_ptr_array_index (unit->lines, i);
              g_autoptr(DraftingInline) part =
                make_inline (self, i == first_title ? strip_status (self, line) : line);

              if (i > first_title)
                drafting_inline_insert (content, drafting_inline_get_length (content), "\n", 1);
              drafting_inline_append (content, part);
              if (self->title->len > 0)
                g_string_append_c (self->title, ' ');
              g_string_append (self->title, drafting_inline_get_text (part));
            }
          drafting_node_take_content (node, g_steal_pointer (&content));
          return;
        }
    }

  if ((int) index == speaker)
    {
      add_node (self, self->root, DRAFTING_KIND_SPEAKER_FORMULA, NULL, text);
      self->phase = PHASE_STATEMENTS;
      return;
    }

  if (unit->number == NULL && !unit->bullet && parse_principle (text, &number, &title))
    {
      self->phase = PHASE_PRINCIPLES;
      start_principle (self, unit, number, title, FALSE);
      return;
    }

  switch (self->phase)
    {
    case PHASE_NARRATIVE:
      add_node (self, self->root, DRAFTING_KIND_NARRATIVE_PARAGRAPH, NULL, text);
      break;

    case PHASE_STATEMENTS:
      if ((unit->form == FORM_PAREN || unit->form == FORM_RPAREN || unit->bullet) &&
          self->container != NULL)
        place_sub_paragraph (self, unit, text);
      else
        {
          self->container = add_node (self, self->root, DRAFTING_KIND_STATEMENT, NULL, text);
          observe_number (self, self->container, unit, FALSE);
        }
      break;

    case PHASE_PRINCIPLES:
      place_annex_unit (self, unit, text);
      break;

    case PHASE_HEAD:
    case PHASE_PREAMBLE:
    case PHASE_OPERATIVE:
    case PHASE_ANNEX:
    case PHASE_BODY:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Footnotes                                                           */

/* Whether @node's text calls the footnote @mark ("¹"): the mark not
 * followed by another digit. */
static DraftingNode *
find_call (DraftingNode *node,
           const char   *mark,
           guint        *offset)
{
  const char *content = drafting_inline_get_text (node->content);
  const char *found;

  if (!drafting_kind_allows_child (node->kind, DRAFTING_KIND_FOOTNOTE))
    return NULL;

  for (found = strstr (content, mark); found != NULL; found = strstr (found + 1, mark))
    if (!is_superscript_digit (g_utf8_get_char (found + strlen (mark))))
      {
        *offset = found - content;
        return node;
      }

  return NULL;
}

/* Attaches each footnote to the element whose text calls it, nearest
 * before the footnote's place in the text (or after, failing that). */
static void
attach_footnotes (Importer *self)
{
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->footnotes, i);
      g_autofree char *text = unit_text (unit);
      const char *p = text;
      g_autofree char *mark = NULL;
      DraftingNode *caller = NULL;
      guint caller_offset = 0;

      while (is_superscript_digit (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      mark = g_strndup (text, p - text);
      while (*p == ' ')
        p++;

      /* The elements are in the order of their lines: the nearest caller
       * before the footnote is found going back from its place, else the
       * first after it. */
      {
        guint lo = 0;
        guint hi = self->placed->len;

        while (lo < hi)
          {
            guint mid = (lo + hi) / 2;
            DraftingNode *node = g_ptr_array_index (self->placed, mid);

            if (GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, node)) < unit->line)
              lo = mid + 1;
            else
              hi = mid;
          }

        for (guint j = lo; j > 0 && caller == NULL; j--)
          caller = find_call (g_ptr_array_index (self->placed, j - 1), mark, &caller_offset);
        for (guint j = lo; j < self->placed->len && caller == NULL; j++)
          caller = find_call (g_ptr_array_index (self->placed, j), mark, &caller_offset);
      }

      if (caller == NULL)
        {
          warn (self, unit->line,
                _("No text calls the footnote “%s”; it is kept as a plain paragraph"), mark);
          add_node (self, self->root, DRAFTING_KIND_PARAGRAPH, NULL, text);
          continue;
        }

      {
        g_autoptr(DraftingNode) footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, NULL);
        g_autoptr(DraftingInline) content = drafting_inline_copy (caller->content);
        g_autofree char *id = g_strdup_printf ("fn%u", i + 1);
        guint index = 0;

        _drafting_node_set_id (footnote, id);
        drafting_node_take_content (footnote, make_inline (self, p));

        drafting_inline_delete (content, caller_offset, caller_offset + strlen (mark));
        drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF,
                                  caller_offset, caller_offset, id);
        drafting_node_take_content (caller, g_steal_pointer (&content));

        while (index < caller->children->len &&
               ((DraftingNode *) g_ptr_array_index (caller->children, index))->kind == DRAFTING_KIND_FOOTNOTE)
          index++;
        _drafting_node_insert_child (caller, index, footnote);
      }
    }
}

/* ------------------------------------------------------------------ */
/* The whole                                                           */

static DraftingDocumentType
guess_type (Importer *self,
            int       speaker)
{
  guint clauses = 0;
  gboolean formula = FALSE;

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self->units, i);
      const char *first = unit_first_line (unit);

      if (unit->bullet || unit->number != NULL || !opens_with_lead (first))
        continue;
      if (is_operative_lead (first))
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

static const char *
guess_language (const char *text)
{
  static const struct { const char *language; const char *words[5]; } languages[] = {
    { "en", { " the ", " of ", " and ", " to ", " that " } },
    { "fr", { " les ", " des ", " et ", " la ", " du " } },
    { "es", { " los ", " las ", " y ", " del ", " el " } },
    { "pt", { " os ", " das ", " e ", " dos ", " não " } },
  };
  const char *best = "en";
  guint best_count = 0;
  gsize len = MIN (strlen (text), 20000);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      guint count = 0;

      for (guint j = 0; j < G_N_ELEMENTS (languages[i].words); j++)
        for (const char *p = text; (p = g_strstr_len (p, len - (p - text), languages[i].words[j])) != NULL; p++)
          count++;

      if (count > best_count)
        {
          best = languages[i].language;
          best_count = count;
        }
    }

  return best;
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

/* Lines as they come, mended of what does not matter: a byte order mark,
 * carriage returns, tabs, form feeds. A form feed, which ends a page in
 * text from a PDF, ends a unit as a blank line does; it is not a line of
 * the text, so @numbers gives each line returned the line of the text it
 * comes from, for warnings to name. */
static char **
split_lines (const char  *data,
             gsize        len,
             GArray     **numbers)
{
  g_autofree char *copy = NULL;
  GString *clean;
  guint line = 1;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (*numbers, line);

  clean = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
        continue;

      if (c == '\r' || c == '\n')
        {
          g_string_append_c (clean, '\n');
          line++;
          g_array_append_val (*numbers, line);
        }
      else if (c == '\t')
        g_string_append (clean, "    ");
      else if (c == '\f')
        {
          g_string_append (clean, "\n\n");
          g_array_append_val (*numbers, line);
          g_array_append_val (*numbers, line);
        }
      else
        g_string_append_c (clean, c);
    }

  copy = g_string_free (clean, FALSE);
  return g_strsplit (copy, "\n", -1);
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
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) numbers = NULL;
  Importer self = { 0, };
  int speaker;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > DRAFTING_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (DRAFTING_MAX_FILE_SIZE);

      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_TOO_LARGE,
                   _("The file is %s, larger than the %s a document may be"), size, limit);
      return NULL;
    }

  if (!drafting_check_utf8 (data, len, error))
    return NULL;

  self.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) drafting_import_warning_free);
  self.footnotes = g_ptr_array_new ();
  self.placed = g_ptr_array_new ();
  self.levels = g_array_new (FALSE, FALSE, sizeof (Level));
  self.lines = g_hash_table_new (NULL, NULL);
  self.counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self.title = g_string_new (NULL);
  self.root = drafting_node_new (DRAFTING_KIND_DOCUMENT, DRAFTING_ROOT_ID);
  self.status = DRAFTING_STATUS_ADOPTED;

  lines = split_lines (data, len, &numbers);
  {
    g_autofree char *sample = g_strndup (data, MIN (len, 20000));

    self.language = g_strdup (guess_language (sample));
  }

  self.units = split_units (&self, lines, numbers);
  join_broken_units (&self);

  if (self.units->len == 0)
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_EMPTY,
                           _("There is no text to import"));
      g_ptr_array_unref (self.warnings);
      importer_clear (&self);
      return NULL;
    }

  speaker = find_speaker_formula (&self);
  self.type = guess_type (&self, speaker);
  self.phase = self.type == DRAFTING_DOCUMENT_GENERIC ? PHASE_BODY : PHASE_HEAD;

  for (guint i = 0; i < self.units->len; i++)
    {
      Unit *unit = g_ptr_array_index (self.units, i);
      g_autofree char *text = unit_text (unit);
      guint before = self.placed->len;

      if (is_footnote_text (unit_first_line (unit)))
        {
          g_ptr_array_add (self.footnotes, unit);
          continue;
        }

      switch (self.type)
        {
        case DRAFTING_DOCUMENT_RESOLUTION:
          place_resolution_unit (&self, unit, text);
          break;

        case DRAFTING_DOCUMENT_COMMUNIQUE:
          place_communique_unit (&self, unit, i, speaker);
          break;

        case DRAFTING_DOCUMENT_GENERIC:
        default:
          add_node (&self, self.root, DRAFTING_KIND_PARAGRAPH, NULL, text);
          break;
        }

      for (guint j = before; j < self.placed->len; j++)
        g_hash_table_insert (self.lines, g_ptr_array_index (self.placed, j),
                             GUINT_TO_POINTER (unit->line));
    }

  if (self.type == DRAFTING_DOCUMENT_GENERIC)
    warn (&self, 1,
          _("The text is neither a resolution nor a communiqué; each paragraph is kept as a plain paragraph"));

  attach_footnotes (&self);

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
