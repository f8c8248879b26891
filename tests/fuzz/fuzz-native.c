/* fuzz-native.c: the native format's reader, and the writer after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-fuzz-utils.h"

/*
 * Any bytes may be opened as a .wcodraft file. Loading them either refuses
 * them with an error that says why, or gives a document; that document
 * saves, what is saved loads again, and saving that gives the same bytes.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = drafting_native_load_bytes (bytes, &error);
  drafting_fuzz_check_refusal (document, error, "The file");

  if (document != NULL)
    drafting_fuzz_check_document (document);

  return 0;
}
