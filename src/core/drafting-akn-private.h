/* drafting-akn-private.h: what the parts of the Akoma Ntoso export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "drafting-amendment.h"
#include "drafting-document.h"

G_BEGIN_DECLS

/* The jurisdiction of the IRIs: the naming convention takes an
 * international organization's own name where a country's code would
 * be, as "un" and "eu" are. */
#define AKN_JURISDICTION "wco"
#define AKN_WCO_EID      "wco"


typedef struct
{
  xmlTextWriter    *xml;
  DraftingDocument *document;
  GHashTable       *eids;           /* every eId given, so that none repeats */
  GHashTable       *notes;          /* DraftingNode * → eId: the footnotes written */
  GByteArray       *open;           /* of each element open as a block: whether it holds blocks */
  gboolean          notes_as_calls; /* footnote calls as their numbers rather than their notes */
  gboolean          failed;
} Writer;

/* Identity:
 * @work: the IRI of the work, "/akn/wco/statement/resolution/2017-12-01/PC0484E"
 * @expression: the IRI of its expression, @work and "/eng@draft"
 * @date: its date, as the schema writes dates
 * @date_name: what the date is
 * @language: the ISO 639-2 code of its language
 * @author: the eId of the reference to who issues it
 * @place: the eId of the reference to the place, or %NULL
 *
 * Who and what a document is, as its FRBR identification says.
 */
typedef struct
{
  char       *work;
  char       *expression;
  char       *date;
  const char *date_name;
  const char *language;
  const char *author;
  const char *place;
} Identity;

void _drafting_akn_identity_clear (Identity *id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Identity, _drafting_akn_identity_clear)

/* The elements of the main body and the annexes, and of what an
 * amendment quotes of them. */
typedef enum
{
  AKN_PARAGRAPH,
  AKN_POINT,
  AKN_INDENT,
  AKN_SECTION,
  AKN_HCONTAINER,
  AKN_N_ELEMENTS,
} AknElement;

typedef struct
{
  const char *element;
  const char *prefix;   /* of its eId */
} AknElementInfo;

/* drafting-akn.c */
extern const AknElementInfo _drafting_akn_elements[AKN_N_ELEMENTS];

gboolean _drafting_akn_is_titled (DraftingKind kind);

/* drafting-akn-amendment.c */
void _drafting_akn_write_amendment (Writer            *w,
                                    DraftingAmendment *amendment);

/* drafting-akn-writer.c: writing */
void _drafting_akn_check           (Writer     *w,
                                    int         result);
void _drafting_akn_start_block     (Writer     *w,
                                    const char *name);
void _drafting_akn_end_block       (Writer     *w);
void _drafting_akn_start_inline    (Writer     *w,
                                    const char *name);
void _drafting_akn_end_inline      (Writer     *w);
void _drafting_akn_write_attribute (Writer     *w,
                                    const char *name,
                                    const char *value);
void _drafting_akn_write_string    (Writer     *w,
                                    const char *text);
void _drafting_akn_write_text      (Writer     *w,
                                    const char *text,
                                    gsize       len);
void _drafting_akn_write_empty     (Writer     *w,
                                    const char *name,
                                    ...) G_GNUC_NULL_TERMINATED;

/* drafting-akn-writer.c: identifiers */
const char *_drafting_akn_claim_eid   (Writer     *w,
                                       const char *wanted);
const char *_drafting_akn_child_eid   (Writer     *w,
                                       const char *parent,
                                       const char *prefix,
                                       const char *number,
                                       guint       ordinal);
char       *_drafting_akn_name_to_id  (const char *name,
                                       const char *fallback);
char       *_drafting_akn_parse_date  (const char *text);
char       *_drafting_akn_iri_segment (const char *text);

/* drafting-akn-writer.c: the identification, the references, the metadata */
void        _drafting_akn_identity_init_document (Identity         *id,
                                                  DraftingDocument *document);
void        _drafting_akn_write_identification   (Writer           *w,
                                                  Identity         *id,
                                                  const char       *component,
                                                  const char       *subtype,
                                                  const char       *number,
                                                  const char       *name);
void        _drafting_akn_write_reference        (Writer           *w,
                                                  const char       *element,
                                                  const char       *eid,
                                                  const char       *category,
                                                  const char       *show_as);
void        _drafting_akn_write_wco_reference    (Writer           *w);
const char *_drafting_akn_organization_eid       (Writer           *w,
                                                  GHashTable       *known,
                                                  GPtrArray        *order,
                                                  const char       *name);
void        _drafting_akn_write_organizations    (Writer           *w,
                                                  GHashTable       *known,
                                                  GPtrArray        *order);
void        _drafting_akn_write_proprietary      (Writer           *w,
                                                  const char       *ns,
                                                  const char       *element,
                                                  ...) G_GNUC_NULL_TERMINATED;

/* drafting-akn-writer.c: text */
void _drafting_akn_write_content (Writer               *w,
                                  DraftingNode         *node,
                                  const DraftingInline *content);
void _drafting_akn_write_lead    (Writer               *w,
                                  const char           *lead,
                                  const char           *text);
void _drafting_akn_write_prefix  (Writer               *w,
                                  DraftingNode         *node);
void _drafting_akn_write_wording (Writer               *w,
                                  DraftingNode         *node);

G_END_DECLS
