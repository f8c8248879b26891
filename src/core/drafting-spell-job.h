/* drafting-spell-job.h: checking a document's spelling in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "drafting-document.h"
#include "drafting-spell-result.h"

G_BEGIN_DECLS

typedef struct _DraftingSpellCache DraftingSpellCache;

#define DRAFTING_TYPE_SPELL_JOB (drafting_spell_job_get_type ())

G_DECLARE_FINAL_TYPE (DraftingSpellJob, drafting_spell_job, DRAFTING, SPELL_JOB, GObject)

DraftingSpellJob *drafting_spell_job_new           (DraftingSpellCache   *cache);
void              drafting_spell_job_add_text      (DraftingSpellJob     *self,
                                                    const char           *id,
                                                    guint                 revision,
                                                    const char           *language,
                                                    const char           *lead,
                                                    const char           *text);
void              drafting_spell_job_add_node      (DraftingSpellJob     *self,
                                                    DraftingNode         *node,
                                                    const char           *language);
void              drafting_spell_job_add_document  (DraftingSpellJob     *self,
                                                    DraftingDocument     *document,
                                                    const char           *language);
guint             drafting_spell_job_get_n_texts   (DraftingSpellJob     *self);
void              drafting_spell_job_run_async     (DraftingSpellJob     *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          drafting_spell_job_run_finish    (DraftingSpellJob     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
guint             drafting_spell_job_get_n_checked (DraftingSpellJob     *self);
guint             drafting_spell_job_get_n_cached  (DraftingSpellJob     *self);
guint64           drafting_spell_job_get_n_words   (DraftingSpellJob     *self);

G_END_DECLS
