/* drafting-spell.h: spell checking, in the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * As libspelling splits it (which needs a newer GTK than Debian 12 has),
 * on enchant-2 directly:
 *
 *  - DraftingSpellProvider: the one enchant broker of the process, the
 *    dictionaries installed, the one for a language ("fr-CA" → fr_CA →
 *    fr → fr_FR → any fr_*);
 *  - DraftingSpellDictionary: a language's dictionary: check, suggest,
 *    add to the person's word list, ignore for the session;
 *  - DraftingHouseWords: the terms of the trade (WCO, MSMEs, de minimis),
 *    shipped and extended by the Secretariat;
 *  - DraftingSpellChecker: a dictionary and the house vocabulary, and the
 *    words of a text by Pango's boundaries;
 *  - DraftingSpellJob: a document's texts, copied, checked in a worker
 *    thread, the results handed back in batches on the main context;
 *  - DraftingSpellCache: an element's result kept until its text
 *    changes, for the rows of a view to ask again and again.
 *
 * Every class may be used from any thread but the cache, which is the
 * main thread's.
 */

#include "drafting-house-words.h"
#include "drafting-spell-cache.h"
#include "drafting-spell-checker.h"
#include "drafting-spell-dictionary.h"
#include "drafting-spell-job.h"
#include "drafting-spell-provider.h"
#include "drafting-spell-result.h"
