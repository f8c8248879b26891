/* wco-draft-tool.h: what the commands of wco-draft share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-core.h"

G_BEGIN_DECLS

typedef int (*CommandFunc) (int argc, char **argv);

/* wco-draft.c */
void              tool_print_warnings     (const char      *path,
                                           GPtrArray       *warnings);
void              tool_print_error        (const char      *path,
                                           const GError    *error);
gboolean          tool_is_native          (const char      *path);
DraftingDocument *tool_load               (const char      *path,
                                           gboolean         show_warnings);
gboolean          tool_save               (DraftingDocument *document,
                                           const char      *path);
GOptionContext   *tool_new_context        (const char      *parameters,
                                           const char      *summary,
                                           GOptionEntry    *entries);
gboolean          tool_parse              (GOptionContext  *context,
                                           int             *argc,
                                           char          ***argv);
int               tool_usage_error        (GOptionContext  *context,
                                           const char      *message);

/* wco-draft-amendments.c */
int               tool_command_amendments (int              argc,
                                           char           **argv);
int               tool_command_propose    (int              argc,
                                           char           **argv);
int               tool_command_accept     (int              argc,
                                           char           **argv);
int               tool_command_reject     (int              argc,
                                           char           **argv);
int               tool_command_withdraw   (int              argc,
                                           char           **argv);
int               tool_command_reopen     (int              argc,
                                           char           **argv);
int               tool_command_text       (int              argc,
                                           char           **argv);
int               tool_command_export_amendments (int       argc,
                                                  char    **argv);
int               tool_command_import_amendments (int       argc,
                                                  char    **argv);

/* wco-draft-export.c */
int               tool_command_export     (int              argc,
                                           char           **argv);

/* wco-draft-revisions.c */
int               tool_command_revise     (int              argc,
                                           char           **argv);
int               tool_command_revisions  (int              argc,
                                           char           **argv);
int               tool_command_compare    (int              argc,
                                           char           **argv);
int               tool_print_revision     (DraftingDocument *document,
                                           const char      *path,
                                           const char      *label,
                                           const char      *view);

G_END_DECLS
