/* drafting-memory-file.c: a file with no path, as on a server, kept in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-memory-file.h"

/*
 * As a folder on a server is: GIO writes it through a stream, and it has
 * no path. What is written is kept in memory, and replaces what was there
 * only once the stream is closed; or writing fails as on a full disk once
 * @capacity bytes are written, and what was there stays.
 */

#define TEST_TYPE_MEMORY_STREAM (test_memory_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestMemoryStream, test_memory_stream, TEST, MEMORY_STREAM, GFileOutputStream)

struct _TestMemoryFile
{
  GObject  parent_instance;

  char    *name;
  GBytes  *contents;
  gsize    capacity;             /* 0: no limit */
};

struct _TestMemoryStream
{
  GFileOutputStream  parent_instance;

  TestMemoryFile    *file;
  GByteArray        *written;
  gboolean           failed;
};

static void test_memory_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMemoryFile, test_memory_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, test_memory_file_iface_init))
G_DEFINE_FINAL_TYPE (TestMemoryStream, test_memory_stream, G_TYPE_FILE_OUTPUT_STREAM)

static gssize
test_memory_stream_write (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable G_GNUC_UNUSED,
                          GError        **error)
{
  TestMemoryStream *self = TEST_MEMORY_STREAM (stream);

  if (self->file->capacity > 0 && self->written->len + count > self->file->capacity)
    {
      self->failed = TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  g_byte_array_append (self->written, buffer, count);
  return (gssize) count;
}

static gboolean
test_memory_stream_close (GOutputStream  *stream,
                          GCancellable   *cancellable G_GNUC_UNUSED,
                          GError        **error G_GNUC_UNUSED)
{
  TestMemoryStream *self = TEST_MEMORY_STREAM (stream);

  if (!self->failed)
    {
      g_clear_pointer (&self->file->contents, g_bytes_unref);
      self->file->contents = g_byte_array_free_to_bytes (g_steal_pointer (&self->written));
    }

  return TRUE;
}

static void
test_memory_stream_finalize (GObject *object)
{
  TestMemoryStream *self = TEST_MEMORY_STREAM (object);

  g_clear_pointer (&self->written, g_byte_array_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (test_memory_stream_parent_class)->finalize (object);
}

static void
test_memory_stream_class_init (TestMemoryStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = test_memory_stream_finalize;
  stream_class->write_fn = test_memory_stream_write;
  stream_class->close_fn = test_memory_stream_close;
}

static void
test_memory_stream_init (TestMemoryStream *self)
{
  self->written = g_byte_array_new ();
}

static GFile *
test_memory_file_dup (GFile *file)
{
  return g_object_ref (file);
}

static guint
test_memory_file_hash (GFile *file)
{
  return g_str_hash (TEST_MEMORY_FILE (file)->name);
}

static gboolean
test_memory_file_equal (GFile *a,
                        GFile *b)
{
  return a == b;
}

static gboolean
test_memory_file_is_native (GFile *file G_GNUC_UNUSED)
{
  return FALSE;
}

static gboolean
test_memory_file_has_uri_scheme (GFile      *file G_GNUC_UNUSED,
                                 const char *scheme)
{
  return g_ascii_strcasecmp (scheme, "memory") == 0;
}

static char *
test_memory_file_get_uri_scheme (GFile *file G_GNUC_UNUSED)
{
  return g_strdup ("memory");
}

static char *
test_memory_file_get_basename (GFile *file)
{
  return g_strdup (TEST_MEMORY_FILE (file)->name);
}

static char *
test_memory_file_get_path (GFile *file G_GNUC_UNUSED)
{
  return NULL;
}

static char *
test_memory_file_get_uri (GFile *file)
{
  return g_strconcat ("memory:///", TEST_MEMORY_FILE (file)->name, NULL);
}

static GFile *
test_memory_file_get_parent (GFile *file G_GNUC_UNUSED)
{
  return NULL;
}

static GFileOutputStream *
test_memory_file_replace (GFile             *file,
                          const char        *etag G_GNUC_UNUSED,
                          gboolean           make_backup G_GNUC_UNUSED,
                          GFileCreateFlags   flags G_GNUC_UNUSED,
                          GCancellable      *cancellable G_GNUC_UNUSED,
                          GError           **error G_GNUC_UNUSED)
{
  TestMemoryStream *stream = g_object_new (TEST_TYPE_MEMORY_STREAM, NULL);

  stream->file = g_object_ref (TEST_MEMORY_FILE (file));

  return G_FILE_OUTPUT_STREAM (stream);
}

static void
test_memory_file_iface_init (GFileIface *iface)
{
  iface->dup = test_memory_file_dup;
  iface->hash = test_memory_file_hash;
  iface->equal = test_memory_file_equal;
  iface->is_native = test_memory_file_is_native;
  iface->has_uri_scheme = test_memory_file_has_uri_scheme;
  iface->get_uri_scheme = test_memory_file_get_uri_scheme;
  iface->get_basename = test_memory_file_get_basename;
  iface->get_path = test_memory_file_get_path;
  iface->get_uri = test_memory_file_get_uri;
  iface->get_parse_name = test_memory_file_get_uri;
  iface->get_parent = test_memory_file_get_parent;
  iface->replace = test_memory_file_replace;
}

static void
test_memory_file_finalize (GObject *object)
{
  TestMemoryFile *self = TEST_MEMORY_FILE (object);

  g_free (self->name);
  g_clear_pointer (&self->contents, g_bytes_unref);

  G_OBJECT_CLASS (test_memory_file_parent_class)->finalize (object);
}

static void
test_memory_file_class_init (TestMemoryFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_memory_file_finalize;
}

static void
test_memory_file_init (TestMemoryFile *self G_GNUC_UNUSED)
{
}

TestMemoryFile *
test_memory_file_new (const char *name,
                      const char *contents,
                      gsize       capacity)
{
  TestMemoryFile *self = g_object_new (TEST_TYPE_MEMORY_FILE, NULL);

  self->name = g_strdup (name);
  self->contents = g_bytes_new (contents, strlen (contents));
  self->capacity = capacity;

  return self;
}

/* What the file holds: what was there, or what a closed stream wrote. */
GBytes *
test_memory_file_get_contents (TestMemoryFile *self)
{
  g_return_val_if_fail (TEST_IS_MEMORY_FILE (self), NULL);

  return self->contents;
}
