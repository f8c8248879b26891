/* drafting-core.h: all of Drafting's core, which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-akn.h"
#include "drafting-amendment-file.h"
#include "drafting-compare.h"
#include "drafting-compilation.h"
#include "drafting-diff.h"
#include "drafting-document-file.h"
#include "drafting-document.h"
#include "drafting-docx.h"
#include "drafting-draft-store.h"
#include "drafting-element-names.h"
#include "drafting-enums.h"
#include "drafting-error.h"
#include "drafting-file-lock.h"
#include "drafting-inline.h"
#include "drafting-io.h"
#include "drafting-kind.h"
#include "drafting-language.h"
#include "drafting-layout.h"
#include "drafting-marked-text.h"
#include "drafting-native.h"
#include "drafting-node.h"
#include "drafting-numbering.h"
#include "drafting-odt.h"
#include "drafting-outline.h"
#include "drafting-paste.h"
#include "drafting-preload.h"
#include "drafting-render.h"
#include "drafting-revision.h"
#include "drafting-text-import.h"
#include "drafting-text-utils.h"
#include "drafting-tracking.h"

G_BEGIN_DECLS

void drafting_core_init             (void);
void drafting_core_give_back_memory (void);

G_END_DECLS
