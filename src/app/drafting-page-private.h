/* drafting-page-private.h: what the page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "drafting-amendments-panel.h"
#include "drafting-compare-window.h"
#include "drafting-document-view.h"
#include "drafting-find-bar.h"
#include "drafting-outline-view.h"
#include "drafting-page.h"

G_BEGIN_DECLS

struct _DraftingPage
{
  GtkWidget             parent_instance;

  AdwFlap              *flap;
  DraftingOutlineView  *outline;
  DraftingDocumentView *view;
  DraftingFindBar      *find_bar;
  AdwToastOverlay      *toasts;
  GtkInfoBar           *file_bar;
  GtkLabel             *file_bar_title;
  GtkLabel             *file_bar_body;
  GtkWidget            *file_bar_reload;
  GtkWidget            *file_bar_save;
  GtkInfoBar           *save_bar;
  GtkLabel             *save_bar_title;
  GtkLabel             *save_bar_body;
  GtkInfoBar           *draft_bar;
  GtkLabel             *draft_bar_body;
  AdwFlap              *amendments_flap;
  DraftingAmendmentsPanel *amendments_panel;
  GtkStack             *view_stack;
  DraftingDocumentView *proposed_view;
  GtkRevealer          *proposal_revealer;
  GtkLabel             *proposal_label;
  GtkEntry             *justification_entry;
  GtkLabel             *justification_title;

  DraftingDocumentFile *document_file;
  DraftingDocument     *document;       /* the document file's, changed by a reload */
  GSignalGroup         *document_signals;
  GSimpleActionGroup   *actions;
  GSettings            *settings;
  GCancellable         *cancellable;    /* what the page waits for: cancelled as it goes */
  GFile                *imported_from;  /* the text the document was imported from */
  char                 *name;
  char                 *title;
  char                 *subtitle;

  /* drafting-page-amendments.c */
  char                 *view_mode;      /* "clean", "marked" or "proposed" */
  DraftingAmendment    *proposal;       /* the one the justification bar changes */
  GCancellable         *proposed_cancellable;
  guint                 marks_source;
  guint                 proposing : 1;
  guint                 updating_justification : 1;

  /* drafting-page-revisions.c */
  GSignalGroup         *revision_signals;
  DraftingCompareWindow *compare_window;

  /* drafting-page-spelling.c */
  DraftingSpellCache   *spell_cache;
  GtkWindow            *spelling_dialog;
  GCancellable         *spell_cancellable; /* the check of the whole document */
  guint                 spell_source;
  guint                 told_no_dictionary : 1;
};

void _drafting_page_init_actions   (DraftingPage *self);
void _drafting_page_update_actions (DraftingPage *self);
void _drafting_page_report         (DraftingPage *self,
                                    const GError *error);
void _drafting_page_show_error     (DraftingPage *self,
                                    const char   *heading,
                                    const char   *body);
void _drafting_page_set_imported_from (DraftingPage *self,
                                       GFile        *file);
void _drafting_page_toast_with_action (DraftingPage *self,
                                       const char   *message,
                                       const char   *button_label,
                                       const char   *action,
                                       GVariant     *target);
void _drafting_page_show_exported  (DraftingPage *self,
                                    GFile        *file);
char *_drafting_page_propose_file   (DraftingPage  *self,
                                     const char    *extension,
                                     GFile        **folder);

/* drafting-page-amendments.c */
void     _drafting_page_init_amendments            (DraftingPage *self);
void     _drafting_page_amendments_follow_document (DraftingPage *self);
void     _drafting_page_amendments_changed         (DraftingPage *self);
void     _drafting_page_amendments_current_changed (DraftingPage *self);
void     _drafting_page_dispose_amendments         (DraftingPage *self);
gboolean _drafting_page_shows_text                 (DraftingPage *self);
gboolean _drafting_page_get_proposing              (DraftingPage *self);
gboolean _drafting_page_propose                    (DraftingPage            *self,
                                                    DraftingAmendmentAction  action,
                                                    DraftingNode            *node,
                                                    DraftingNode            *destination,
                                                    DraftingPlacement        placement);
void     _drafting_page_propose_new_element        (DraftingPage            *self,
                                                    DraftingKind             kind,
                                                    DraftingNode            *near);
void     _drafting_page_on_amendment_activated     (DraftingAmendmentsPanel *panel,
                                                    DraftingAmendment       *amendment,
                                                    DraftingPage            *self);
void     _drafting_page_on_amendments_error        (DraftingAmendmentsPanel *panel,
                                                    const char              *message,
                                                    DraftingPage            *self);
void     _drafting_page_on_justification_changed   (GtkEditable             *entry,
                                                    DraftingPage            *self);

/* drafting-page-revisions.c */
void     _drafting_page_init_revisions             (DraftingPage *self);
void     _drafting_page_revisions_follow_document  (DraftingPage *self);
void     _drafting_page_dispose_revisions          (DraftingPage *self);

/* drafting-page-spelling.c */
void     _drafting_page_init_spelling              (DraftingPage *self);
void     _drafting_page_dispose_spelling           (DraftingPage *self);
void     _drafting_page_spelling_follow_document   (DraftingPage *self);

G_END_DECLS
