/* drafting-preload.c: documents read ahead while the application starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-preload"

#include "config.h"

#include "drafting-preload.h"

#include "drafting-core.h"

/*
 * A document of ten thousand clauses takes longer to read than GTK takes
 * to start, and the application learns which files it is to open only
 * once GTK has started (GApplication's "open"). So main() asks for the
 * files on its command line to be read ahead, each in a thread of its
 * own, while the rest starts: drafting_preload_start().
 *
 * Opening a file then takes the document read ahead, if there is one,
 * waiting for its thread if it has not finished: drafting_preload_take().
 * It is taken only if the file is still what was read (the file's stamp);
 * otherwise, or if it could not be read, the opening reads the file
 * itself, so that what is opened, and every error, is what an opening
 * without reading ahead would give. The locking, the drafts and the
 * rest of opening are unchanged: only the reading moves earlier.
 *
 * A document read ahead that no opening takes, a file the application is
 * not asked to open after all (another instance opens it), or one whose
 * opening failed before reading, is let go with drafting_preload_forget().
 *
 * Everything here may be called from any thread.
 */

typedef struct
{
  GFile             *file;
  DraftingDocument  *document;   /* once read, or NULL */
  DraftingFileStamp *stamp;
  gboolean           done;
  gboolean           forgotten;  /* let go while being read */
} Preload;

static GMutex preload_lock;
static GCond preload_cond;
static GPtrArray *preloads;      /* Preload, those held */

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_object (&preload->document);
  g_clear_pointer (&preload->stamp, drafting_file_stamp_unref);
  g_free (preload);
}

/* Under the lock, @preload no longer held: freed now if it has been
 * read, else by its thread once it is. */
static void
let_go (Preload *preload)
{
  if (preload->done)
    preload_free (preload);
  else
    preload->forgotten = TRUE;
}

/* Under the lock. */
static guint
find (GFile *file)
{
  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    if (g_file_equal (((Preload *) g_ptr_array_index (preloads, i))->file, file))
      return i;

  return G_MAXUINT;
}

static gpointer
read_ahead (gpointer data)
{
  Preload *preload = data;
  g_autoptr(GError) error = NULL;
  DraftingDocument *document;
  DraftingFileStamp *stamp = NULL;

  document = drafting_load_file_full (preload->file, NULL, &stamp, NULL, &error);
  if (document == NULL)
    g_debug ("%s not read ahead: %s", g_file_peek_path (preload->file), error->message);
  drafting_core_give_back_memory ();

  g_mutex_lock (&preload_lock);
  preload->document = document;
  preload->stamp = stamp;
  preload->done = TRUE;
  if (preload->forgotten)
    preload_free (preload);
  g_cond_broadcast (&preload_cond);
  g_mutex_unlock (&preload_lock);

  return NULL;
}

/**
 * drafting_preload_start:
 *
 * Starts reading @file in a thread of its own, for an opening to take,
 * unless it is being read ahead already. Only a native document is read
 * ahead, which has no importer's warnings: one that is not a regular
 * file, or that would be imported from text, is left to the opening.
 */
void
drafting_preload_start (GFile *file)
{
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  Preload *preload;

  g_return_if_fail (G_IS_FILE (file));

  if (drafting_format_for_file (file) != DRAFTING_FORMAT_NATIVE ||
      g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return;

  g_mutex_lock (&preload_lock);
  if (find (file) != G_MAXUINT)
    {
      g_mutex_unlock (&preload_lock);
      return;
    }
  if (preloads == NULL)
    preloads = g_ptr_array_new ();
  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (file);
  g_ptr_array_add (preloads, preload);
  g_mutex_unlock (&preload_lock);

  thread = g_thread_try_new ("drafting-preload", read_ahead, preload, &error);
  if (thread == NULL)
    {
      g_debug ("%s not read ahead: %s", g_file_peek_path (file), error->message);
      g_mutex_lock (&preload_lock);
      g_ptr_array_remove (preloads, preload);
      preload_free (preload);
      g_mutex_unlock (&preload_lock);
    }
}

/**
 * drafting_preload_take:
 * @stamp: (out) (optional) (transfer full): what the file was when read
 *
 * Takes the document read ahead from @file, waiting for it if it is still
 * being read: from a worker thread, then. It is let go in any case.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if @file was
 *   not read ahead, could not be read, or has changed since
 */
DraftingDocument *
drafting_preload_take (GFile              *file,
                       DraftingFileStamp **stamp,
                       GCancellable       *cancellable)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingFileStamp) read_stamp = NULL;
  Preload *preload;
  guint i;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (stamp != NULL)
    *stamp = NULL;

  g_mutex_lock (&preload_lock);
  if ((i = find (file)) == G_MAXUINT)
    {
      g_mutex_unlock (&preload_lock);
      return NULL;
    }
  preload = g_ptr_array_index (preloads, i);
  while (!preload->done)
    g_cond_wait (&preload_cond, &preload_lock);
  g_ptr_array_remove (preloads, preload);
  document = g_steal_pointer (&preload->document);
  read_stamp = g_steal_pointer (&preload->stamp);
  preload_free (preload);
  g_mutex_unlock (&preload_lock);

  /* What was read is what the file holds now, or it is read again. */
  if (document == NULL || read_stamp == NULL ||
      !drafting_file_is_unchanged (file, read_stamp, NULL, cancellable, NULL))
    {
      g_debug ("%s read again", g_file_peek_path (file));
      return NULL;
    }
  g_debug ("%s taken as read ahead", g_file_peek_path (file));

  if (stamp != NULL)
    *stamp = g_steal_pointer (&read_stamp);

  return g_steal_pointer (&document);
}

/**
 * drafting_preload_forget:
 *
 * Lets go of what was read ahead from @file, if anything: at once if it
 * has been read, else as soon as it is.
 */
void
drafting_preload_forget (GFile *file)
{
  guint i;

  g_return_if_fail (G_IS_FILE (file));

  g_mutex_lock (&preload_lock);
  if ((i = find (file)) != G_MAXUINT)
    let_go (g_ptr_array_steal_index (preloads, i));
  g_mutex_unlock (&preload_lock);
}

/**
 * drafting_preload_forget_all:
 *
 * Lets go of everything read ahead and not taken.
 */
void
drafting_preload_forget_all (void)
{
  g_mutex_lock (&preload_lock);
  while (preloads != NULL && preloads->len > 0)
    let_go (g_ptr_array_steal_index (preloads, preloads->len - 1));
  g_mutex_unlock (&preload_lock);
}

/**
 * drafting_preload_get_n_held:
 *
 * Returns: how many files are read ahead, or being read, and not taken
 */
guint
drafting_preload_get_n_held (void)
{
  guint n;

  g_mutex_lock (&preload_lock);
  n = preloads != NULL ? preloads->len : 0;
  g_mutex_unlock (&preload_lock);

  return n;
}
