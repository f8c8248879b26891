/* drafting-application.h: the application, its windows and its drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafting-core.h"
#include "drafting-page.h"

G_BEGIN_DECLS

#define DRAFTING_TYPE_APPLICATION (drafting_application_get_type ())
#define DRAFTING_APPLICATION_DEFAULT ((DraftingApplication *) g_application_get_default ())

G_DECLARE_FINAL_TYPE (DraftingApplication, drafting_application, DRAFTING, APPLICATION, AdwApplication)

DraftingApplication *drafting_application_new             (void);
DraftingDraftStore  *drafting_application_get_draft_store (DraftingApplication *self);
DraftingDocument    *drafting_application_load_example    (void);
DraftingPage        *drafting_application_find_page       (DraftingApplication  *self,
                                                           DraftingDocumentFile *document_file);

G_END_DECLS
