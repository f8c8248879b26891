/* drafting-house-words.c: the house vocabulary, the terms of the trade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-spell"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "drafting-io.h"
#include "drafting-spell-private.h"
#include "drafting-spell-provider.h"

/*
 * The words a WCO text uses that a general dictionary does not know:
 * Customs, WCO, MSMEs, AEO, e-vendors, B2C, de minimis. The list comes
 * with Drafting (data/house-words.txt, installed in the package's data
 * folder), and the Secretariat extends it: what is added is kept in
 * $XDG_DATA_HOME/drafting/house-words.txt, written atomically, and read
 * with the other by every checker.
 *
 * A list is one entry a line, "#" starting a comment. An entry is a word
 * ("Customs", "e-vendors") or a phrase of words separated by spaces ("de
 * minimis"), whose words are taken only together, in that order. An
 * entry matches as a dictionary's word does: as it is written, with a
 * capital first letter if it is written in lower case ("E-vendors" at the
 * start of a sentence), and in capitals ("AEOS" in a heading). Typographic
 * and straight apostrophes are the same.
 *
 * Any thread may read the list while another adds to it.
 */

#define HOUSE_WORDS_FILE "house-words.txt"
#define MAX_WORD_LENGTH  100

typedef struct
{
  char  **words;   /* case-folded */
  guint   n_words;
} Phrase;

typedef struct
{
  Phrase *phrase;
  guint   position;
} PhraseWord;

struct _DraftingHouseWords
{
  GObject     parent_instance;

  GHashTable *exact;         /* entry → itself */
  GHashTable *capitals;      /* the entry in capitals → itself */
  GHashTable *phrase_words;  /* a word of a phrase, case-folded → GArray of PhraseWord */
  GPtrArray  *phrases;       /* Phrase */
  GRWLock     lock;
};

G_DEFINE_FINAL_TYPE (DraftingHouseWords, drafting_house_words, G_TYPE_OBJECT)

/* Writes of the user's list, from any thread or object. */
static GMutex write_lock;

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->words);
  g_free (phrase);
}

static void
drafting_house_words_finalize (GObject *object)
{
  DraftingHouseWords *self = DRAFTING_HOUSE_WORDS (object);

  g_clear_pointer (&self->exact, g_hash_table_unref);
  g_clear_pointer (&self->capitals, g_hash_table_unref);
  g_clear_pointer (&self->phrase_words, g_hash_table_unref);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  g_rw_lock_clear (&self->lock);

  G_OBJECT_CLASS (drafting_house_words_parent_class)->finalize (object);
}

static void
drafting_house_words_class_init (DraftingHouseWordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_house_words_finalize;
}

static void
drafting_house_words_init (DraftingHouseWords *self)
{
  g_rw_lock_init (&self->lock);
  self->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->capitals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->phrase_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  self->phrases = g_ptr_array_new_with_free_func (phrase_free);
}

/* A copy of @word with its typographic apostrophes straight. */
static char *
normalize_word (const char *word,
                gsize       len)
{
  GString *out = g_string_sized_new (len);
  const char *end = word + len;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x02BC || c == 0x2018)
        g_string_append_c (out, '\'');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* Called with the lock held for writing. */
static void
add_entry_locked (DraftingHouseWords *self,
                  const char         *entry)
{
  g_autofree char *word = normalize_word (entry, strlen (entry));
  g_auto(GStrv) parts = NULL;
  Phrase *phrase;

  if (strchr (word, ' ') == NULL)
    {
      if (!g_hash_table_contains (self->exact, word))
        {
          g_hash_table_add (self->capitals, g_utf8_strup (word, -1));
          g_hash_table_add (self->exact, g_steal_pointer (&word));
        }
      return;
    }

  parts = g_strsplit (word, " ", -1);
  phrase = g_new0 (Phrase, 1);
  phrase->words = g_new0 (char *, g_strv_length (parts) + 1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      phrase->words[phrase->n_words++] = g_utf8_casefold (parts[i], -1);

  for (guint i = 0; i < self->phrases->len; i++)
    {
      Phrase *other = g_ptr_array_index (self->phrases, i);

      if (g_strv_equal ((const char * const *) other->words,
                        (const char * const *) phrase->words))
        {
          phrase_free (phrase);
          return;
        }
    }

  g_ptr_array_add (self->phrases, phrase);
  for (guint i = 0; i < phrase->n_words; i++)
    {
      GArray *uses = g_hash_table_lookup (self->phrase_words, phrase->words[i]);
      PhraseWord use = { phrase, i };

      if (uses == NULL)
        {
          uses = g_array_new (FALSE, FALSE, sizeof (PhraseWord));
          g_hash_table_insert (self->phrase_words, g_strdup (phrase->words[i]), uses);
        }
      g_array_append_val (uses, use);
    }
}

/* An entry of a list as it is written on its line: spaces around it and
 * runs of spaces within it go; a comment or an empty line is none. */
static char *
clean_entry (const char *line,
             gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);
  GString *entry = g_string_new (NULL);
  char *hash = strchr (copy, '#');
  gboolean space = FALSE;

  if (hash != NULL)
    *hash = '\0';

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = entry->len > 0;
      else
        {
          if (space)
            g_string_append_c (entry, ' ');
          space = FALSE;
          g_string_append_unichar (entry, c);
        }
    }

  if (entry->len == 0)
    {
      g_string_free (entry, TRUE);
      return NULL;
    }

  return g_string_free (entry, FALSE);
}

/**
 * drafting_house_words_load_data:
 * @data: a list, one entry a line
 * @len: its length in bytes, or -1
 *
 * Adds the entries of @data to the list (in memory only). Lines that are
 * not UTF-8 are skipped.
 */
void
drafting_house_words_load_data (DraftingHouseWords *self,
                                const char         *data,
                                gssize              len)
{
  const char *end;

  g_return_if_fail (DRAFTING_IS_HOUSE_WORDS (self));
  g_return_if_fail (data != NULL || len == 0);

  if (len < 0)
    len = strlen (data);
  end = data + len;

  g_rw_lock_writer_lock (&self->lock);
  for (const char *line = data; line < end;)
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize line_len = (eol != NULL ? eol : end) - line;
      g_autofree char *entry = NULL;

      if (g_utf8_validate_len (line, line_len, NULL) &&
          (entry = clean_entry (line, line_len)) != NULL)
        add_entry_locked (self, entry);

      line = eol != NULL ? eol + 1 : end;
    }
  g_rw_lock_writer_unlock (&self->lock);

  _drafting_spell_bump_generation ();
}

/**
 * drafting_house_words_load_file:
 * @path: a list, one entry a line
 *
 * Adds the entries of the file at @path.
 *
 * Returns: %TRUE if it could be read
 */
gboolean
drafting_house_words_load_file (DraftingHouseWords  *self,
                                const char          *path,
                                GError             **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (DRAFTING_IS_HOUSE_WORDS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;

  drafting_house_words_load_data (self, data, len);

  return TRUE;
}

/**
 * drafting_house_words_get_installed_path:
 *
 * Returns: (transfer full): the list that comes with Drafting: the file
 *   `$DRAFTING_HOUSE_WORDS` names when set, else the one installed, else
 *   (run from the build tree, not installed) the one in the source tree
 */
char *
drafting_house_words_get_installed_path (void)
{
  const char *override = g_getenv (DRAFTING_HOUSE_WORDS_ENV);
  g_autofree char *installed = g_build_filename (PKGDATADIR, HOUSE_WORDS_FILE, NULL);
  g_autofree char *source = NULL;

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);

  source = g_build_filename (SOURCE_DATADIR, HOUSE_WORDS_FILE, NULL);
  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source);

  return g_steal_pointer (&installed);
}

/**
 * drafting_house_words_get_user_path:
 *
 * Returns: (transfer full): where the words the Secretariat adds are
 *   kept: `$XDG_DATA_HOME/drafting/house-words.txt`
 */
char *
drafting_house_words_get_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "drafting", HOUSE_WORDS_FILE, NULL);
}

/**
 * drafting_house_words_new_empty:
 *
 * Returns: (transfer full): a list with nothing in it, to load lists into
 */
DraftingHouseWords *
drafting_house_words_new_empty (void)
{
  return g_object_new (DRAFTING_TYPE_HOUSE_WORDS, NULL);
}

/**
 * drafting_house_words_new:
 *
 * Reads the list that comes with Drafting and the words the Secretariat
 * added. A list that is not there is none; one that cannot be read is
 * logged and skipped.
 *
 * Returns: (transfer full): the house vocabulary, as the files have it now
 */
DraftingHouseWords *
drafting_house_words_new (void)
{
  DraftingHouseWords *self = drafting_house_words_new_empty ();
  g_autofree char *installed = drafting_house_words_get_installed_path ();
  g_autofree char *user = drafting_house_words_get_user_path ();
  const char *paths[] = { installed, user };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!drafting_house_words_load_file (self, paths[i], &error))
        g_debug ("The house vocabulary %s is not read: %s", paths[i], error->message);
    }

  return self;
}

/**
 * drafting_house_words_get_default:
 *
 * Returns: (transfer none): the house vocabulary of the process, read the
 *   first time it is asked for; what drafting_house_words_add() adds to it
 *   every checker takes at once
 */
DraftingHouseWords *
drafting_house_words_get_default (void)
{
  static DraftingHouseWords *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, drafting_house_words_new ());

  return instance;
}

/**
 * drafting_house_words_get_size:
 *
 * Returns: how many entries (words and phrases) the list has
 */
guint
drafting_house_words_get_size (DraftingHouseWords *self)
{
  guint size;

  g_return_val_if_fail (DRAFTING_IS_HOUSE_WORDS (self), 0);

  g_rw_lock_reader_lock (&self->lock);
  size = g_hash_table_size (self->exact) + self->phrases->len;
  g_rw_lock_reader_unlock (&self->lock);

  return size;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
has_lower_case (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/**
 * drafting_house_words_contains:
 * @word: a word of a text
 * @len: its length in bytes, or -1
 *
 * Returns: whether @word is one of the list's words, as written, with a
 *   capital first letter, or in capitals
 */
gboolean
drafting_house_words_contains (DraftingHouseWords *self,
                               const char         *word,
                               gssize              len)
{
  g_autofree char *normal = NULL;
  gboolean found;

  g_return_val_if_fail (DRAFTING_IS_HOUSE_WORDS (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (len < 0)
    len = strlen (word);
  if (len == 0)
    return FALSE;

  normal = normalize_word (word, len);

  g_rw_lock_reader_lock (&self->lock);
  found = g_hash_table_contains (self->exact, normal);

  /* "E-vendors" at the start of a sentence, for "e-vendors". */
  if (!found && g_unichar_isupper (g_utf8_get_char (normal)))
    {
      const char *rest = g_utf8_next_char (normal);
      gunichar lower = g_unichar_tolower (g_utf8_get_char (normal));
      char first[8] = { 0, };
      g_autofree char *lowered = NULL;

      g_unichar_to_utf8 (lower, first);
      lowered = g_strconcat (first, rest, NULL);
      found = g_hash_table_contains (self->exact, lowered);
    }

  /* "MSMES", "E-COMMERCE" in a heading. */
  if (!found && !has_lower_case (normal))
    found = g_hash_table_contains (self->capitals, normal);
  g_rw_lock_reader_unlock (&self->lock);

  return found;
}

static gboolean
only_spaces (const char *start,
             const char *end)
{
  if (start >= end)
    return FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
word_is (const char              *text,
         const DraftingSpellWord *word,
         const char              *folded)
{
  g_autofree char *normal = normalize_word (text + word->start, word->end - word->start);
  g_autofree char *mine = g_utf8_casefold (normal, -1);

  return strcmp (mine, folded) == 0;
}

/* Whether the word @index of @words, found in @text, is one of a phrase
 * of the list that stands there whole: "minimis" in "de minimis", with
 * nothing but spaces between its words. */
gboolean
_drafting_house_words_covers (DraftingHouseWords      *self,
                              const char              *text,
                              const DraftingSpellWord *words,
                              guint                    n_words,
                              guint                    index)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  gboolean covered = FALSE;
  GArray *uses;

  g_assert (DRAFTING_IS_HOUSE_WORDS (self));
  g_assert (index < n_words);

  normal = normalize_word (text + words[index].start, words[index].end - words[index].start);
  folded = g_utf8_casefold (normal, -1);

  g_rw_lock_reader_lock (&self->lock);
  uses = g_hash_table_lookup (self->phrase_words, folded);
  for (guint u = 0; uses != NULL && u < uses->len && !covered; u++)
    {
      const PhraseWord *use = &g_array_index (uses, PhraseWord, u);
      const Phrase *phrase = use->phrase;
      guint first;

      if (use->position > index)
        continue;
      first = index - use->position;
      if (first + phrase->n_words > n_words)
        continue;

      covered = TRUE;
      for (guint k = 0; k < phrase->n_words && covered; k++)
        {
          const DraftingSpellWord *here = &words[first + k];

          if (k > 0 && !only_spaces (text + here[-1].end, text + here->start))
            covered = FALSE;
          else if (first + k != index && !word_is (text, here, phrase->words[k]))
            covered = FALSE;
        }
    }
  g_rw_lock_reader_unlock (&self->lock);

  return covered;
}

/* The edit distance of two strings of characters (Damerau–Levenshtein,
 * adjacent transpositions counting one), or more than @limit. */
static guint
distance (const gunichar *a,
          glong           n,
          const gunichar *b,
          glong           m,
          guint           limit)
{
  g_autofree guint *rows = NULL;
  guint *two_back;
  guint *back;
  guint *row;

  if ((guint) ABS (n - m) > limit)
    return limit + 1;

  rows = g_new0 (guint, 3 * (m + 1));
  two_back = rows;
  back = rows + (m + 1);
  row = rows + 2 * (m + 1);

  for (glong j = 0; j <= m; j++)
    back[j] = j;

  for (glong i = 1; i <= n; i++)
    {
      guint *oldest = two_back;
      guint smallest;

      row[0] = i;
      smallest = row[0];
      for (glong j = 1; j <= m; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (back[j] + 1, row[j - 1] + 1), back[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, two_back[j - 2] + 1);
          row[j] = best;
          smallest = MIN (smallest, best);
        }
      if (smallest > limit)
        return limit + 1;

      two_back = back;
      back = row;
      row = oldest;
    }

  return back[m];
}

/* @entry written as @word is: in capitals, or with a capital first. */
static char *
cased_like (const char *entry,
            const char *word)
{
  if (!has_lower_case (word))
    return g_utf8_strup (entry, -1);

  if (g_unichar_isupper (g_utf8_get_char (word)) && g_unichar_islower (g_utf8_get_char (entry)))
    {
      char first[8] = { 0, };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (entry)), first);
      return g_strconcat (first, g_utf8_next_char (entry), NULL);
    }

  return g_strdup (entry);
}

/* The single words of the list within an edit or two of @word, closest
 * first, as @word is written: "Customs" for "Custms", "MSMEs" for
 * "MSEMs". */
GPtrArray *
_drafting_house_words_suggest (DraftingHouseWords *self,
                               const char         *word,
                               guint               max)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normal = normalize_word (word, strlen (word));
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  g_autofree gunichar *chars = NULL;
  GPtrArray *by_distance[3];
  glong n_chars = 0;
  guint limit;
  GHashTableIter iter;
  gpointer key;

  chars = g_utf8_to_ucs4_fast (folded, -1, &n_chars);
  /* A short word is near too many: "et" is an edit from "etc". */
  if (n_chars <= 2)
    return found;
  limit = n_chars <= 4 ? 1 : 2;
  for (guint d = 0; d < G_N_ELEMENTS (by_distance); d++)
    by_distance[d] = g_ptr_array_new_with_free_func (g_free);

  g_rw_lock_reader_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->exact);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *entry_folded = g_utf8_casefold (key, -1);
      g_autofree gunichar *entry = NULL;
      glong n_entry = 0;
      guint d;

      entry = g_utf8_to_ucs4_fast (entry_folded, -1, &n_entry);
      d = distance (chars, n_chars, entry, n_entry, limit);
      if (d <= limit)
        g_ptr_array_add (by_distance[d], cased_like (key, word));
    }
  g_rw_lock_reader_unlock (&self->lock);

  for (guint d = 0; d < G_N_ELEMENTS (by_distance); d++)
    {
      g_ptr_array_sort (by_distance[d], compare_strings);
      for (guint i = 0; i < by_distance[d]->len && found->len < max; i++)
        if (strcmp (g_ptr_array_index (by_distance[d], i), word) != 0)
          g_ptr_array_add (found, g_strdup (g_ptr_array_index (by_distance[d], i)));
      g_ptr_array_unref (by_distance[d]);
    }

  return found;
}

static gboolean
check_new_entry (const char  *word,
                 char       **entry,
                 GError     **error)
{
  if (word == NULL || !g_utf8_validate (word, -1, NULL) ||
      strchr (word, '\n') != NULL || strchr (word, '\r') != NULL || strchr (word, '#') != NULL ||
      (*entry = clean_entry (word, strlen (word))) == NULL)
    {
      g_set_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_INVALID_WORD,
                   _("A word of the house vocabulary is one line of text, without “#”"));
      return FALSE;
    }

  if (g_utf8_strlen (*entry, -1) > MAX_WORD_LENGTH)
    {
      g_clear_pointer (entry, g_free);
      g_set_error (error, DRAFTING_SPELL_ERROR, DRAFTING_SPELL_ERROR_INVALID_WORD,
                   /* Translators: %d is a number of characters, 100 */
                   _("A word of the house vocabulary is at most %d characters long"),
                   MAX_WORD_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* Adds @entry to the user's list on disk, as it is there now (another
 * process may have added to it): the file is read, and written again
 * whole, atomically, only if @entry is not in it. */
static gboolean
write_entry (const char  *entry,
             GError     **error)
{
  g_autofree char *path = drafting_house_words_get_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *old = NULL;
  g_autoptr(GString) data = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize old_len = 0;
  gboolean ok;

  g_mutex_lock (&write_lock);

  if (!g_file_get_contents (path, &old, &old_len, &read_error) &&
      !g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_mutex_unlock (&write_lock);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  data = g_string_new (NULL);
  if (old != NULL && old_len > 0)
    {
      g_auto(GStrv) lines = g_strsplit (old, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *present = clean_entry (lines[i], strlen (lines[i]));

          if (present != NULL && strcmp (present, entry) == 0)
            {
              g_mutex_unlock (&write_lock);
              return TRUE;
            }
        }
      g_string_append_len (data, old, old_len);
      if (data->str[data->len - 1] != '\n')
        g_string_append_c (data, '\n');
    }
  else
    g_string_append (data, "# Words added to Drafting's house vocabulary, one a line\n");
  g_string_append_printf (data, "%s\n", entry);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_mutex_unlock (&write_lock);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, then why it cannot be made */
                   _("The folder “%s” cannot be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  file = g_file_new_for_path (path);
  ok = drafting_file_replace (file, data->str, data->len, NULL, error);
  g_mutex_unlock (&write_lock);

  return ok;
}

static void
add_in_memory (DraftingHouseWords *self,
               const char         *entry)
{
  g_rw_lock_writer_lock (&self->lock);
  add_entry_locked (self, entry);
  g_rw_lock_writer_unlock (&self->lock);

  _drafting_spell_bump_generation ();
}

/**
 * drafting_house_words_add:
 * @word: a word or phrase of the trade that dictionaries do not know
 *
 * Adds @word to the house vocabulary: to this list at once, and to the
 * Secretariat's list on disk, which every later session reads. The file
 * is written atomically; this blocks on the disk, so the window calls
 * drafting_house_words_add_async() instead.
 *
 * Returns: %TRUE if the word is kept; %FALSE with
 *   %DRAFTING_SPELL_ERROR_INVALID_WORD for what is not a word, or with an
 *   error of the disk (then the word is taken for this session only)
 */
gboolean
drafting_house_words_add (DraftingHouseWords  *self,
                          const char          *word,
                          GError             **error)
{
  g_autofree char *entry = NULL;

  g_return_val_if_fail (DRAFTING_IS_HOUSE_WORDS (self), FALSE);

  if (!check_new_entry (word, &entry, error))
    return FALSE;

  add_in_memory (self, entry);

  return write_entry (entry, error);
}

static void
add_in_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  GError *error = NULL;

  if (write_entry (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * drafting_house_words_add_async:
 * @word: a word or phrase of the trade
 *
 * Adds @word as drafting_house_words_add() does: to the list at once,
 * on this thread, and to the file in a worker thread.
 */
void
drafting_house_words_add_async (DraftingHouseWords  *self,
                                const char          *word,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *entry = NULL;
  GError *error = NULL;

  g_return_if_fail (DRAFTING_IS_HOUSE_WORDS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, drafting_house_words_add_async);

  if (!check_new_entry (word, &entry, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  add_in_memory (self, entry);
  g_task_set_task_data (task, g_steal_pointer (&entry), g_free);
  g_task_run_in_thread (task, add_in_thread);
}

gboolean
drafting_house_words_add_finish (DraftingHouseWords  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (DRAFTING_IS_HOUSE_WORDS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_kept (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  /* The word is taken for the session all the same. */
  if (!drafting_house_words_add_finish (DRAFTING_HOUSE_WORDS (object), result, &error))
    g_warning ("The word added is not kept for later sessions: %s", error->message);
}

/**
 * drafting_house_words_keep:
 * @word: a word a person added to the dictionary
 *
 * Adds @word at once, and to the user's word list in a worker thread, as
 * drafting_house_words_add_async() does; a failure to write the list is
 * logged, the word known for the session all the same.
 */
void
drafting_house_words_keep (DraftingHouseWords *self,
                           const char         *word)
{
  g_return_if_fail (DRAFTING_IS_HOUSE_WORDS (self));
  g_return_if_fail (word != NULL);

  drafting_house_words_add_async (self, word, NULL, on_kept, NULL);
}
