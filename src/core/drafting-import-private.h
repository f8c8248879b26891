/* drafting-import-private.h: what the parts of the text importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-document.h"
#include "drafting-text-import.h"

G_BEGIN_DECLS


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

/* drafting-import-lines.c */
char **_import_split_lines (const char  *data,
                            gsize        len,
                            GArray     **numbers);
gboolean _import_is_decoration (const char *line);
gboolean _import_is_page_number (const char *line);
gboolean _import_is_blank (const char *line);
gboolean _import_ends_clause (const char *line);
gboolean _import_is_superscript_digit (gunichar c);
gboolean _import_is_footnote_text (const char *text);
gboolean _import_has_asterisk_call (const char *line);
const char *_import_parse_marks (const char  *line,
                                 gboolean    *bullet,
                                 char       **number,
                                 NumberForm  *form);
gboolean _import_opens_with_lead (const char *line);
void _import_join_broken_units (Importer *self);
DraftingInline *_import_make_inline (Importer   *self,
                                     const char *source);
const char *_import_guess_language (const char *text);

/* drafting-import-units.c */
void _import_warn (Importer   *self,
                   guint       line,
                   const char *format,
                   ...) G_GNUC_PRINTF (3, 4);
char *_import_unit_text (Unit *unit);
const char *_import_unit_first_line (Unit *unit);
GPtrArray *_import_split_units (Importer *self,
                                char    **lines,
                                GArray   *numbers);
DraftingNode *_import_add_node (Importer     *self,
                                DraftingNode *parent,
                                DraftingKind  kind,
                                const char   *lead,
                                const char   *text);
void _import_observe_number (Importer     *self,
                             DraftingNode *node,
                             Unit         *unit,
                             gboolean      roman);
gboolean _import_number_is_roman (const char *number,
                                  guint       expected);
guint _import_count_children_of_kind (Importer     *self,
                                      DraftingNode *parent,
                                      DraftingKind  kind);
void _import_place_sub_paragraph (Importer   *self,
                                  Unit       *unit,
                                  const char *text);
const char *_import_strip_status (Importer   *self,
                                  const char *line);
void _import_attach_footnotes (Importer *self);

/* drafting-import-annex.c */
gboolean _import_parse_principle (const char  *text,
                                  char       **number,
                                  char       **title);
gboolean _import_parse_annex (const char  *text,
                              char       **title);
void _import_start_principle (Importer   *self,
                              Unit       *unit,
                              const char *number,
                              const char *title,
                              gboolean    in_annex);
void _import_place_annex_unit (Importer   *self,
                               Unit       *unit,
                               const char *text);

/* drafting-import-resolution.c */
gboolean _import_is_operative_lead (const char *lead);
void _import_place_resolution_unit (Importer   *self,
                                    Unit       *unit,
                                    const char *text);

/* drafting-import-communique.c */
int _import_find_speaker_formula (Importer *self);
void _import_place_communique_unit (Importer   *self,
                                    Unit       *unit,
                                    guint       index,
                                    int         speaker);

/* drafting-import-fragment.c */
DraftingNode *_import_fragment (Importer     *self,
                                DraftingKind  context);

G_END_DECLS
