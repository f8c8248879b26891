/* drafting-akn.h: a document and its amendments in Akoma Ntoso
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-amendment.h"
#include "drafting-document.h"

G_BEGIN_DECLS

/* The namespace of Akoma Ntoso 3.0 (OASIS LegalDocML 1.0). */
#define DRAFTING_AKN_NAMESPACE "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

GBytes *drafting_akn_write_document  (DraftingDocument   *document,
                                      GError            **error);
GBytes *drafting_akn_write_amendment (DraftingDocument   *document,
                                      DraftingAmendment  *amendment,
                                      GError            **error);
char   *drafting_akn_amendment_name  (DraftingAmendment  *amendment);

G_END_DECLS
