/* drafting-text-utils.h: small pieces of typography shared by the model and the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gsize       drafting_text_lead_length      (const char *text);
gboolean    drafting_text_is_capitals      (const char *text,
                                            gssize      len);
gboolean    drafting_text_is_word_boundary (const char *text,
                                            gsize       text_len,
                                            gsize       offset);
const char *drafting_text_lead_separator   (const char *lead,
                                            const char *text);
char       *drafting_text_join_lead        (const char *lead,
                                            const char *text);
gsize       drafting_text_split_lead       (const char *text,
                                            gsize      *text_start);
char       *drafting_text_title_case       (const char *capitals);
char       *drafting_text_summarize        (const char *text,
                                            guint       max_chars);
void        drafting_text_sanitize         (char       *text,
                                            gssize      len,
                                            gboolean    single_line);

G_END_DECLS
