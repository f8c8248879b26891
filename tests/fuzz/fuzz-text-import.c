/* fuzz-text-import.c: the text import, and the native format after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafting-fuzz-utils.h"

/*
 * Any text may be pasted or opened for import. The importer either refuses
 * it with an error that says why (it is not UTF-8, or holds no text), or
 * gives a document and its warnings, each about a line of the text; that
 * document saves, what is saved loads, and saving that again gives the
 * same bytes.
 */

/* How many lines the text has, as an editor counts them: each ends at a
 * line feed, a carriage return, or both. */
static guint
count_lines (const char *data,
             gsize       size)
{
  guint lines = 1;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      lines++;

  return lines;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  guint lines;

  document = drafting_text_import ((const char *) data, size, &warnings, &error);
  drafting_fuzz_check_refusal (document, error, "The text");

  if (document == NULL)
    return 0;

  /* A warning says which line it is about: one of the text's. */
  lines = count_lines ((const char *) data, size);
  for (guint i = 0; i < warnings->len; i++)
    {
      const DraftingImportWarning *warning = g_ptr_array_index (warnings, i);

      if (!g_utf8_validate (warning->message, -1, NULL))
        drafting_fuzz_fail ("A warning is not UTF-8");
      if (warning->line == 0 || warning->line > lines)
        drafting_fuzz_fail ("The warning “%s” is about line %u of a text of %u lines",
                            warning->message, warning->line, lines);
    }

  drafting_fuzz_check_document (document);

  return 0;
}
