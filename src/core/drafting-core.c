/* drafting-core.c: what the core needs set up before anything else runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-core"

#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "drafting-core.h"
#include "drafting-xml.h"

/**
 * drafting_core_init:
 *
 * Sets the core up. Every program that uses it (the application, the
 * command-line tool, each test) calls this at the start of main(), on the
 * main thread, before any document is read: files are read in worker
 * threads, and the XML library they are read with has settings that must
 * not change while another thread uses it. Calling it again does nothing.
 */
void
drafting_core_init (void)
{
  drafting_xml_init ();
}

/**
 * drafting_core_give_back_memory:
 *
 * Gives the memory freed since back to the system. Reading a document
 * builds its whole XML tree, several times the size of the model made from
 * it, and frees it at the end; glibc keeps what a worker thread freed in
 * that thread's pool, where the window never uses it again, so a document
 * of 10,000 clauses would keep 18 MB it no longer needs. Called by the
 * threads that read documents, once the tree is freed: it takes a few
 * milliseconds, never on the main loop.
 */
void
drafting_core_give_back_memory (void)
{
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}
