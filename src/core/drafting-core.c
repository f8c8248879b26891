/* drafting-core.c: what the core needs set up before anything else runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-core"

#include "config.h"

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
