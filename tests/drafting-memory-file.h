/* drafting-memory-file.h: a file with no path, as on a server, kept in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TEST_TYPE_MEMORY_FILE (test_memory_file_get_type ())
G_DECLARE_FINAL_TYPE (TestMemoryFile, test_memory_file, TEST, MEMORY_FILE, GObject)

TestMemoryFile *test_memory_file_new          (const char     *name,
                                               const char     *contents,
                                               gsize           capacity);
GBytes         *test_memory_file_get_contents (TestMemoryFile *self);

G_END_DECLS
