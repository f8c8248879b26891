/* drafting-fuzz-utils.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "drafting-core.h"

G_BEGIN_DECLS

/* What libFuzzer calls: once at the start, then once for each input. */
int  LLVMFuzzerInitialize          (int               *argc,
                                    char            ***argv);
int  LLVMFuzzerTestOneInput        (const uint8_t     *data,
                                    size_t             size);

void drafting_fuzz_fail            (const char        *format,
                                    ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;
void drafting_fuzz_check_refusal   (gconstpointer      result,
                                    const GError      *error,
                                    const char        *what);
void drafting_fuzz_check_document  (DraftingDocument  *document);

G_END_DECLS
