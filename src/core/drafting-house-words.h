/* drafting-house-words.h: the house vocabulary, the terms of the trade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the list that comes with Drafting is read from instead of the
 * installed one, when set: a test or a build tree names its own. */
#define DRAFTING_HOUSE_WORDS_ENV "DRAFTING_HOUSE_WORDS"

#define DRAFTING_TYPE_HOUSE_WORDS (drafting_house_words_get_type ())

G_DECLARE_FINAL_TYPE (DraftingHouseWords, drafting_house_words, DRAFTING, HOUSE_WORDS, GObject)

DraftingHouseWords *drafting_house_words_get_default   (void);
DraftingHouseWords *drafting_house_words_new           (void);
DraftingHouseWords *drafting_house_words_new_empty     (void);
char               *drafting_house_words_get_user_path (void);
char               *drafting_house_words_get_installed_path (void);
gboolean            drafting_house_words_load_file     (DraftingHouseWords   *self,
                                                        const char           *path,
                                                        GError              **error);
void                drafting_house_words_load_data     (DraftingHouseWords   *self,
                                                        const char           *data,
                                                        gssize                len);
guint               drafting_house_words_get_size      (DraftingHouseWords   *self);
gboolean            drafting_house_words_contains      (DraftingHouseWords   *self,
                                                        const char           *word,
                                                        gssize                len);
gboolean            drafting_house_words_add           (DraftingHouseWords   *self,
                                                        const char           *word,
                                                        GError              **error);
void                drafting_house_words_add_async     (DraftingHouseWords   *self,
                                                        const char           *word,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            drafting_house_words_add_finish    (DraftingHouseWords   *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void                drafting_house_words_keep          (DraftingHouseWords   *self,
                                                        const char           *word);

G_END_DECLS
