/* fuzz-amendment-file.c: any file of amendments, imported into a small resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-fuzz-utils.h"

/*
 * A file of amendments comes from another delegation, by mail. Imported
 * into a small resolution, it is either refused with an error that says
 * why, the document as it was, to the byte, or it is taken: the document
 * then saves and loads again the same, and one undo gives back the
 * document as it was, to the byte.
 *
 * The resolution is written here in the native format, with a fixed
 * identifier and fixed element identifiers, so that the seeds
 * (seeds/amendment-file/) are for it.
 */

static const char resolution[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<document xmlns=\"http://wco.org/ns/drafting/1\" version=\"1.1\" type=\"resolution\">\n"
  "  <meta>\n"
  "    <identifier>0f2c4d6e-8a1b-4c3d-9e5f-a0b1c2d3e4f5</identifier>\n"
  "    <symbol>FZ0001E1</symbol>\n"
  "    <status>draft</status>\n"
  "    <language>en</language>\n"
  "  </meta>\n"
  "  <content>\n"
  "    <heading id=\"h1\"><text>RESOLUTION OF THE COUNCIL</text></heading>\n"
  "    <authority id=\"au1\"><text>THE CUSTOMS CO-OPERATION COUNCIL,</text></authority>\n"
  "    <preamble-clause id=\"pc1\"><lead>NOTING</lead><text>that disasters are "
  "increasing<fnref ref=\"fn1\"/>,</text>"
  "<footnote id=\"fn1\"><text>As reported.</text></footnote></preamble-clause>\n"
  "    <operative-formula id=\"of1\"><text>RESOLVES:</text></operative-formula>\n"
  "    <operative-paragraph id=\"op1\"><text>Members should <em>simplify</em> "
  "clearance;</text></operative-paragraph>\n"
  "    <operative-paragraph id=\"op2\"><text>Members should share information:</text>"
  "<sub-paragraph id=\"sp1\"><text>before a disaster;</text></sub-paragraph>"
  "<sub-paragraph id=\"sp2\"><text>during a disaster;</text></sub-paragraph>"
  "</operative-paragraph>\n"
  "    <operative-paragraph id=\"op3\"><text>The Secretariat should report.</text>"
  "</operative-paragraph>\n"
  "  </content>\n"
  "</document>\n";

static GBytes *original;

static GBytes *
save (DraftingDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = drafting_native_save_bytes (document, &error);

  if (bytes == NULL)
    drafting_fuzz_fail ("The document does not save: %s", error ? error->message : "no error set");

  return bytes;
}

static DraftingDocument *
load (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (resolution, sizeof resolution - 1);
  g_autoptr(GError) error = NULL;
  DraftingDocument *document = drafting_native_load_bytes (bytes, &error);

  if (document == NULL)
    drafting_fuzz_fail ("The resolution does not load: %s", error->message);

  drafting_document_clear_history (document);
  return document;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  DraftingImportSummary summary = { 0, 0, 0, 0 };
  gboolean imported;

  if (original == NULL)
    {
      g_autoptr(DraftingDocument) first = load ();

      original = save (first);
    }

  document = load ();
  imported = drafting_amendment_file_import (document, bytes, &summary, &error);

  if (!imported)
    {
      drafting_fuzz_check_refusal (NULL, error, "The file of amendments");
      if (drafting_document_can_undo (document))
        drafting_fuzz_fail ("A refused file left something to undo");
      after = save (document);
      if (!g_bytes_equal (original, after))
        drafting_fuzz_fail ("A refused file changed the document");
      return 0;
    }

  if (error != NULL)
    drafting_fuzz_fail ("An imported file set an error: %s", error->message);
  if (summary.conflicting > summary.added ||
      summary.added != g_list_model_get_n_items (drafting_document_get_amendments (document)))
    drafting_fuzz_fail ("The summary does not add up: %u added, %u conflicting, %u in the record",
                        summary.added, summary.conflicting,
                        g_list_model_get_n_items (drafting_document_get_amendments (document)));

  drafting_fuzz_check_document (document);

  if (summary.added > 0)
    {
      if (!drafting_document_undo (document))
        drafting_fuzz_fail ("The import cannot be undone");
      if (drafting_document_can_undo (document))
        drafting_fuzz_fail ("The import took more than one undo");
    }
  after = save (document);
  if (!g_bytes_equal (original, after))
    drafting_fuzz_fail ("Undoing the import does not give back the document");

  return 0;
}
