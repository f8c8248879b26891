/* wco-draft-amendments.c: the amendment commands of wco-draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wco-draft"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "drafting-core.h"
#include "wco-draft-tool.h"

/*
 * wco-draft amendments FILE [--json] [--delegation D] [--status S]
 * wco-draft propose FILE --delegation D [--cosponsor D]... [--author NAME]
 *     [--justification TEXT]
 *     ( --replace ID --text TEXT [--lead LEAD]
 *     | --insert KIND (--after ID | --into ID) --text TEXT [--lead LEAD]
 *     | --delete ID
 *     | --move ID (--after ID | --into ID) )
 * wco-draft accept|reject|withdraw|reopen FILE AMENDMENT-ID...
 * wco-draft text FILE [--view clean|tracked|proposed]
 *
 * The commands that change FILE write it in place, through the core's
 * save (a temporary file renamed over the old one), and only when all
 * they were asked to do could be done. What the document refuses (an
 * unknown identifier, an amendment that is not proposed, a change that
 * can no longer be made) and options that do not go together exit with
 * 1; a command line GOption cannot read, or without FILE, with 2.
 *
 * The tracked view prints the document as `text` does, with:
 *  - an element one open amendment rewords: its line marked word by
 *    word, `{+inserted+}` and `[-deleted-]`;
 *  - an element several rewords (or one that is also deleted or moved):
 *    its line as it is, then a line for each proposal, at the same
 *    indent, `[Delegation] ` and the marked wording;
 *  - an element proposed for deletion: each of its lines as `[-…-]`;
 *  - a proposed new element: a line `{+…+}` where it would go, without
 *    a number, as the element would print;
 *  - a moved element: `[-…-]` where it is, `{+…+}` where it would go.
 */

/* ------------------------------------------------------------------ */
/* Shared                                                              */

/* Loads a document that a command changes: only Drafting's own format
 * keeps amendments. */
static DraftingDocument *
load_native (const char *path)
{
  if (!tool_is_native (path))
    {
      /* Translators: %s is a file name, then the extension ".wcodraft" */
      g_printerr (_("%s: amendments are kept only in Drafting's own format (%s)\n"),
                  path, DRAFTING_NATIVE_EXTENSION);
      return NULL;
    }

  return tool_load (path, FALSE);
}

static int
refuse (const char *path,
        const char *message)
{
  g_printerr ("%s: %s\n", path, message);
  return 1;
}

static DraftingAmendment *
lookup (DraftingDocument *document,
        const char       *path,
        const char       *id)
{
  DraftingAmendment *amendment = drafting_document_lookup_amendment (document, id);

  if (amendment == NULL)
    /* Translators: %s is a file name, then what was typed as an amendment's identifier */
    g_printerr (_("%s: there is no amendment “%s”\n"), path, id);

  return amendment;
}

/* Where an element is, for people: "operative-paragraph 3." */
static char *
node_label (DraftingDocument *document,
            const char       *id)
{
  DraftingNode *node = id != NULL ? drafting_document_lookup (document, id) : NULL;
  g_autofree char *number = NULL;

  if (node == NULL)
    return g_strdup (id != NULL ? id : "");

  number = drafting_node_get_number (node);
  if (number == NULL || number[0] == '\0')
    return g_strdup (drafting_kind_to_string (drafting_node_get_kind (node)));

  return g_strdup_printf ("%s %s", drafting_kind_to_string (drafting_node_get_kind (node)), number);
}

/* ------------------------------------------------------------------ */
/* amendments                                                          */

static char *
summary_of (DraftingDocument  *document,
            DraftingAmendment *amendment)
{
  DraftingAmendmentAction action = drafting_amendment_get_action (amendment);
  g_autofree char *wording = NULL;
  g_autofree char *where = NULL;
  g_autofree char *summary = NULL;
  DraftingPlacement placement;
  const char *destination;

  switch (action)
    {
    case DRAFTING_AMENDMENT_REPLACE:
    case DRAFTING_AMENDMENT_INSERT:
      wording = drafting_text_join_lead (drafting_amendment_get_lead (amendment),
                                         drafting_inline_get_text (drafting_amendment_get_content (amendment)));
      summary = drafting_text_summarize (wording, 60);
      if (action == DRAFTING_AMENDMENT_INSERT)
        {
          g_autofree char *plain = g_steal_pointer (&summary);

          summary = g_strdup_printf ("(%s %s) %s",
                                     drafting_kind_to_string (drafting_amendment_get_kind (amendment)),
                                     drafting_placement_to_string (drafting_amendment_get_placement (amendment)),
                                     plain);
        }
      break;

    case DRAFTING_AMENDMENT_DELETE:
      wording = drafting_text_join_lead (drafting_amendment_get_base_lead (amendment),
                                         drafting_inline_get_text (drafting_amendment_get_base_content (amendment)));
      summary = drafting_text_summarize (wording, 60);
      break;

    case DRAFTING_AMENDMENT_MOVE:
      destination = drafting_amendment_get_destination (amendment, &placement);
      where = node_label (document, destination);
      summary = g_strdup_printf ("%s %s", drafting_placement_to_string (placement), where);
      break;

    default:
      summary = g_strdup ("");
      break;
    }

  if (drafting_amendment_get_needs_review (amendment))
    {
      g_autofree char *plain = g_steal_pointer (&summary);

      /* Translators: an amendment's summary, then a note that it must be reviewed */
      summary = g_strdup_printf (_("%s [needs review]"), plain);
    }

  return g_steal_pointer (&summary);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_amendment_json (JsonBuilder       *builder,
                    DraftingDocument  *document,
                    DraftingAmendment *amendment)
{
  g_autoptr(GPtrArray) conflicts = drafting_document_get_conflicts (document, amendment);
  g_autoptr(GPtrArray) conflict_ids = g_ptr_array_new ();
  g_autofree char *date = g_date_time_format_iso8601 (drafting_amendment_get_date (amendment));
  DraftingKind kind = drafting_amendment_get_kind (amendment);

  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (conflict_ids, (gpointer) drafting_amendment_get_id (g_ptr_array_index (conflicts, i)));
  g_ptr_array_add (conflict_ids, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", drafting_amendment_get_id (amendment));
  add_string (builder, "delegation", drafting_amendment_get_delegation (amendment));
  add_string_array (builder, "cosponsors", drafting_amendment_get_cosponsors (amendment));
  add_string (builder, "author", drafting_amendment_get_author (amendment));
  add_string (builder, "date", date);
  add_string (builder, "action", drafting_amendment_action_to_string (drafting_amendment_get_action (amendment)));
  add_string (builder, "target", drafting_amendment_get_target (amendment));
  add_string (builder, "kind", kind < DRAFTING_N_KINDS ? drafting_kind_to_string (kind) : "");
  add_string (builder, "status", drafting_amendment_status_to_string (drafting_amendment_get_status (amendment)));
  add_string (builder, "lead", drafting_amendment_get_lead (amendment));
  add_string (builder, "text", drafting_inline_get_text (drafting_amendment_get_content (amendment)));
  add_string (builder, "justification", drafting_amendment_get_justification (amendment));
  add_string_array (builder, "conflicts", (const char * const *) conflict_ids->pdata);
  json_builder_set_member_name (builder, "needs_review");
  json_builder_add_boolean_value (builder, drafting_amendment_get_needs_review (amendment));
  json_builder_end_object (builder);
}

int
tool_command_amendments (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *status_name = NULL;
  DraftingAmendmentStatus status = DRAFTING_AMENDMENT_STATUS_INVALID;
  gboolean json = FALSE;
  GListModel *amendments;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {id, delegation, cosponsors, author, date, action, target, kind, "
         "status, lead, text, justification, conflicts, needs_review}"), NULL },
    { "delegation", 0, 0, G_OPTION_ARG_STRING, &delegation,
      N_("Only the amendments this delegation proposes or co-sponsors"), N_("DELEGATION") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name,
      N_("Only the amendments of this status: proposed, accepted, rejected, withdrawn or superseded"),
      N_("STATUS") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Lists the amendments of a document, one a line: its identifier, "
                                "status, delegation, action, the element it is about, and what it "
                                "proposes, separated by tabs."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("amendments takes one file"));
  if (status_name != NULL &&
      (status = drafting_amendment_status_from_string (status_name)) == DRAFTING_AMENDMENT_STATUS_INVALID)
    {
      /* Translators: %s is what was typed after --status */
      g_printerr (_("wco-draft: “%s” is not a status: say proposed, accepted, rejected, withdrawn or "
                    "superseded\n"), status_name);
      return 1;
    }

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return 1;

  builder = json_builder_new ();
  json_builder_begin_array (builder);

  amendments = drafting_document_get_amendments (document);
  for (guint i = 0; i < g_list_model_get_n_items (amendments); i++)
    {
      g_autoptr(DraftingAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autofree char *summary = NULL;

      if (delegation != NULL && !drafting_amendment_involves (amendment, delegation))
        continue;
      if (status != DRAFTING_AMENDMENT_STATUS_INVALID && drafting_amendment_get_status (amendment) != status)
        continue;

      if (json)
        {
          add_amendment_json (builder, document, amendment);
          continue;
        }

      summary = summary_of (document, amendment);
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n",
               drafting_amendment_get_id (amendment),
               drafting_amendment_status_to_string (drafting_amendment_get_status (amendment)),
               drafting_amendment_get_delegation (amendment),
               drafting_amendment_action_to_string (drafting_amendment_get_action (amendment)),
               drafting_amendment_get_target_label (amendment),
               summary);
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return 0;
}

/* ------------------------------------------------------------------ */
/* propose                                                             */

int
tool_command_propose (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(DraftingAmendment) amendment = NULL;
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delegation = NULL;
  g_auto(GStrv) cosponsors = NULL;
  g_autofree char *author = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *replace = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *move = NULL;
  g_autofree char *after = NULL;
  g_autofree char *into = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lead = NULL;
  DraftingAmendmentAction action = DRAFTING_AMENDMENT_ACTION_INVALID;
  DraftingKind kind = DRAFTING_KIND_INVALID;
  const char *target = NULL;
  const char *path;
  guint n_actions = 0;
  GOptionEntry entries[] = {
    { "delegation", 0, 0, G_OPTION_ARG_STRING, &delegation,
      N_("The delegation that proposes the amendment (required)"), N_("DELEGATION") },
    { "cosponsor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cosponsors,
      N_("A delegation that sponsors it too; may be given again"), N_("DELEGATION") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("The person who proposes it"), N_("NAME") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification,
      N_("Why it is proposed"), N_("TEXT") },
    { "replace", 0, 0, G_OPTION_ARG_STRING, &replace,
      N_("Reword the element of this identifier"), N_("ID") },
    { "insert", 0, 0, G_OPTION_ARG_STRING, &insert,
      N_("Insert a new element of this kind, --after or --into an element"), N_("KIND") },
    { "delete", 0, 0, G_OPTION_ARG_STRING, &delete,
      N_("Delete the element of this identifier"), N_("ID") },
    { "move", 0, 0, G_OPTION_ARG_STRING, &move,
      N_("Move the element of this identifier, --after or --into an element"), N_("ID") },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after,
      N_("Where an inserted or moved element goes: after this element"), N_("ID") },
    { "into", 0, 0, G_OPTION_ARG_STRING, &into,
      N_("Where an inserted or moved element goes: first inside this element"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text,
      N_("The proposed text, with *emphasis* and **bold**"), N_("TEXT") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead,
      N_("The proposed leading phrase; a reworded element keeps its own without it"), N_("LEAD") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Proposes an amendment to a document, and prints its identifier. "
                                "It rewords an element (--replace), inserts a new one (--insert), "
                                "deletes one (--delete) or moves one (--move). The text does not "
                                "change until the amendment is accepted."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("propose takes one file"));
  path = argv[1];

  n_actions = (replace != NULL) + (insert != NULL) + (delete != NULL) + (move != NULL);
  if (n_actions != 1)
    return refuse ("wco-draft", _("say what the amendment does with one of --replace, --insert, "
                                  "--delete or --move"));
  if (delegation == NULL || g_strstrip (delegation)[0] == '\0')
    return refuse ("wco-draft", _("say which delegation proposes the amendment with --delegation"));

  if (replace != NULL)
    action = DRAFTING_AMENDMENT_REPLACE, target = replace;
  else if (insert != NULL)
    action = DRAFTING_AMENDMENT_INSERT;
  else if (delete != NULL)
    action = DRAFTING_AMENDMENT_DELETE, target = delete;
  else
    action = DRAFTING_AMENDMENT_MOVE, target = move;

  if (action == DRAFTING_AMENDMENT_INSERT || action == DRAFTING_AMENDMENT_MOVE)
    {
      if ((after != NULL) == (into != NULL))
        return refuse ("wco-draft", _("say where the element goes with one of --after or --into"));
    }
  else if (after != NULL || into != NULL)
    return refuse ("wco-draft", _("--after and --into go with --insert and --move only"));

  if (action == DRAFTING_AMENDMENT_REPLACE || action == DRAFTING_AMENDMENT_INSERT)
    {
      if (text == NULL)
        return refuse ("wco-draft", _("give the proposed text with --text"));
    }
  else if (text != NULL || lead != NULL)
    return refuse ("wco-draft", _("--text and --lead go with --replace and --insert only"));

  if (action == DRAFTING_AMENDMENT_INSERT)
    {
      kind = drafting_kind_from_string (insert);
      if (kind == DRAFTING_KIND_INVALID || kind == DRAFTING_KIND_DOCUMENT)
        {
          /* Translators: %s is what was typed after --insert */
          g_printerr (_("wco-draft: “%s” is not a kind of element\n"), insert);
          return 1;
        }
      target = after != NULL ? after : into;
    }

  if ((document = load_native (path)) == NULL)
    return 1;

  amendment = drafting_amendment_new (action, delegation);
  if (cosponsors != NULL)
    drafting_amendment_set_cosponsors (amendment, (const char * const *) cosponsors);
  if (author != NULL)
    drafting_amendment_set_author (amendment, author);
  if (justification != NULL)
    drafting_amendment_set_justification (amendment, justification);

  switch (action)
    {
    case DRAFTING_AMENDMENT_REPLACE:
      {
        DraftingNode *node = drafting_document_lookup (document, target);

        if (node == NULL)
          {
            /* Translators: %s is a file name, then an element's identifier */
            g_printerr (_("%s: the document has no element “%s”\n"), path, target);
            return 1;
          }
        if (lead != NULL && lead[0] != '\0' && !drafting_kind_has_lead (drafting_node_get_kind (node)))
          return refuse (path, _("this element has no leading phrase to replace"));

        content = drafting_text_parse_markup (text);
        drafting_amendment_set_target (amendment, target, DRAFTING_PLACEMENT_AFTER);
        drafting_amendment_set_wording (amendment, lead != NULL ? lead : drafting_node_get_lead (node), content);
      }
      break;

    case DRAFTING_AMENDMENT_INSERT:
      if (lead != NULL && lead[0] != '\0' && !drafting_kind_has_lead (kind))
        return refuse (path, _("elements of this kind have no leading phrase"));
      content = drafting_text_parse_markup (text);
      if (drafting_inline_is_empty (content) && (lead == NULL || lead[0] == '\0'))
        return refuse (path, _("a new element needs a text"));
      drafting_amendment_set_kind (amendment, kind);
      drafting_amendment_set_target (amendment, target,
                                     after != NULL ? DRAFTING_PLACEMENT_AFTER : DRAFTING_PLACEMENT_INTO);
      drafting_amendment_set_wording (amendment, lead != NULL ? lead : "", content);
      break;

    case DRAFTING_AMENDMENT_DELETE:
      drafting_amendment_set_target (amendment, target, DRAFTING_PLACEMENT_AFTER);
      break;

    case DRAFTING_AMENDMENT_MOVE:
      drafting_amendment_set_target (amendment, target, DRAFTING_PLACEMENT_AFTER);
      drafting_amendment_set_destination (amendment, after != NULL ? after : into,
                                          after != NULL ? DRAFTING_PLACEMENT_AFTER : DRAFTING_PLACEMENT_INTO);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!drafting_document_propose (document, amendment, &error))
    {
      tool_print_error (path, error);
      return 1;
    }

  if (!tool_save (document, path))
    return 1;

  g_print ("%s\n", drafting_amendment_get_id (amendment));
  return 0;
}

/* ------------------------------------------------------------------ */
/* accept, reject, withdraw, reopen                                    */

typedef enum
{
  DECIDE_ACCEPT,
  DECIDE_REJECT,
  DECIDE_WITHDRAW,
  DECIDE_REOPEN,
} Decision;

static int
decide (int       argc,
        char    **argv,
        Decision  decision)
{
  static const char * const names[] = { "accept", "reject", "withdraw", "reopen" };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *wrong = NULL;
  const char *summary = NULL;
  const char *path;
  GOptionEntry entries[] = {
    { NULL }
  };

  switch (decision)
    {
    case DECIDE_ACCEPT:
      summary = _("Accepts proposed amendments, in the order given: their changes are made to the "
                  "text. If one cannot be accepted, the file is left as it was.");
      break;
    case DECIDE_REJECT:
      summary = _("Records proposed amendments as rejected; the text does not change. If one cannot "
                  "be rejected, the file is left as it was.");
      break;
    case DECIDE_WITHDRAW:
      summary = _("Records proposed amendments as withdrawn by their delegation; the text does not "
                  "change. If one cannot be withdrawn, the file is left as it was.");
      break;
    case DECIDE_REOPEN:
      summary = _("Makes decided amendments proposed again; the change of an accepted one is taken "
                  "back. If one cannot be reopened, the file is left as it was.");
      break;
    default:
      g_assert_not_reached ();
    }

  context = tool_new_context (_("FILE AMENDMENT-ID…"), summary, entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc < 3)
    {
      /* Translators: %s is the command: accept, reject, withdraw or reopen */
      wrong = g_strdup_printf (_("%s takes a file and at least one amendment"), names[decision]);
      return tool_usage_error (context, wrong);
    }
  path = argv[1];

  if ((document = load_native (path)) == NULL)
    return 1;

  for (int i = 2; i < argc; i++)
    {
      DraftingAmendment *amendment = lookup (document, path, argv[i]);
      g_autoptr(GError) error = NULL;
      gboolean done;

      if (amendment == NULL)
        return 1;

      switch (decision)
        {
        case DECIDE_ACCEPT:
          done = drafting_document_accept_amendment (document, amendment, &error);
          break;
        case DECIDE_REJECT:
          done = drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_REJECTED, &error);
          break;
        case DECIDE_WITHDRAW:
          done = drafting_document_decide_amendment (document, amendment, DRAFTING_AMENDMENT_WITHDRAWN, &error);
          break;
        case DECIDE_REOPEN:
          done = drafting_document_reopen_amendment (document, amendment, &error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!done)
        {
          g_printerr ("%s: %s: %s\n", path, argv[i], error->message);
          return 1;
        }
    }

  return tool_save (document, path) ? 0 : 1;
}

int
tool_command_accept (int    argc,
                     char **argv)
{
  return decide (argc, argv, DECIDE_ACCEPT);
}

int
tool_command_reject (int    argc,
                     char **argv)
{
  return decide (argc, argv, DECIDE_REJECT);
}

int
tool_command_withdraw (int    argc,
                       char **argv)
{
  return decide (argc, argv, DECIDE_WITHDRAW);
}

int
tool_command_reopen (int    argc,
                     char **argv)
{
  return decide (argc, argv, DECIDE_REOPEN);
}

/* ------------------------------------------------------------------ */
/* text                                                                */

/* The document as drafting_render_document_text() prints it, with the
 * open amendments marked in it, as the core's tracking marks them. */
static char *
render_tracked (DraftingDocument *document)
{
  g_autoptr(DraftingTracking) tracking = drafting_tracking_new (document, NULL);
  g_autoptr(DraftingMarkedText) marked = drafting_tracking_render_document (tracking);

  return drafting_marked_text_to_wdiff (marked);
}

/* The text with every proposed amendment accepted, in the order they
 * were proposed; those that can no longer be made are left out. */
static char *
render_proposed (DraftingDocument *document)
{
  g_autoptr(DraftingDocument) proposed = drafting_document_new_as_proposed (document, NULL);

  return drafting_render_document_text (proposed);
}

int
tool_command_text (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autofree char *view = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("clean: the present text (the default); tracked: with the open amendments marked, "
         "{+inserted+} and [-deleted-]; proposed: with every open amendment accepted"),
      N_("VIEW") },
    { "revision", 0, 0, G_OPTION_ARG_STRING, &revision,
      N_("Print a revision as it was issued rather than the present text"), N_("LABEL") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Prints a document as plain text, laid out as it prints: the "
                                "present text, the text with the changes the open amendments "
                                "propose marked, or the text as it would read with all of them "
                                "accepted."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("text takes one file"));
  if (view != NULL && g_strcmp0 (view, "clean") != 0 && g_strcmp0 (view, "tracked") != 0 &&
      g_strcmp0 (view, "proposed") != 0)
    {
      /* Translators: %s is what was typed after --view */
      g_printerr (_("wco-draft: “%s” is not a view: say clean, tracked or proposed\n"), view);
      return 1;
    }

  if ((document = tool_load (argv[1], FALSE)) == NULL)
    return 1;

  if (revision != NULL)
    return tool_print_revision (document, argv[1], revision, view);

  if (g_strcmp0 (view, "tracked") == 0)
    text = render_tracked (document);
  else if (g_strcmp0 (view, "proposed") == 0)
    text = render_proposed (document);
  else
    text = drafting_render_document_text (document);

  g_print ("%s", text);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Exchange files                                                      */

/*
 * wco-draft export-amendments FILE [--delegation D] -o OUT
 * wco-draft import-amendments FILE AMENDMENT-FILE...
 *
 * Import reads every file into the document before anything is written:
 * a file refused (broken, hostile, for another document) leaves FILE
 * as it was, and exits with 1. Then it prints a line for each file.
 */

int
tool_command_export_amendments (int    argc,
                                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "delegation", 0, 0, G_OPTION_ARG_STRING, &delegation,
      N_("Only the amendments this delegation proposes or co-sponsors"), N_("DELEGATION") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file of amendments to write (.wcoamend)"), N_("FILE") },
    { NULL }
  };

  context = tool_new_context (_("FILE"),
                              _("Writes the proposed amendments of a document, or of one "
                                "delegation, as a file of their own that another copy of the "
                                "document can import."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return tool_usage_error (context, _("export-amendments takes one file"));
  if (output == NULL)
    return tool_usage_error (context, _("say where to write with -o FILE"));

  if ((document = load_native (argv[1])) == NULL)
    return 1;

  if ((bytes = drafting_amendment_file_write (document, delegation, &error)) == NULL)
    {
      tool_print_error (argv[1], error);
      return 1;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!drafting_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              NULL, &error))
    {
      tool_print_error (output, error);
      return 1;
    }

  return 0;
}

static char *
format_summary (const char                  *path,
                const DraftingImportSummary *summary)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%s: ", path);
  /* Translators: the parts of a line, as "france.wcoamend: 3 added, 1 duplicate, 2
   * conflicting" */
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                             summary->added),
                          summary->added);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u duplicate", "%u duplicates",
                                             summary->duplicates),
                          summary->duplicates);
  g_string_append (line, ", ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u conflicting",
                                             "%u conflicting", summary->conflicting),
                          summary->conflicting);
  if (summary->not_applicable > 0)
    {
      g_string_append (line, ", ");
      /* Translators: amendments whose element is not in the document */
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u not applicable",
                                                 "%u not applicable", summary->not_applicable),
                              summary->not_applicable);
    }

  return g_string_free (line, FALSE);
}

int
tool_command_import_amendments (int    argc,
                                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DraftingDocument) document = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GOptionEntry entries[] = {
    { NULL }
  };

  context = tool_new_context (_("FILE AMENDMENT-FILE…"),
                              _("Adds the amendments of files of amendments (.wcoamend) to a "
                                "document, as proposed, leaving out those it already has, and "
                                "prints for each file how many were added, recognised as "
                                "duplicates, and found conflicting."),
                              entries);
  if (!tool_parse (context, &argc, &argv))
    return 2;
  if (argc < 3)
    return tool_usage_error (context, _("import-amendments takes a document and files of "
                                        "amendments"));

  if ((document = load_native (argv[1])) == NULL)
    return 1;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      DraftingImportSummary summary;

      if ((bytes = drafting_read_file (file, NULL, &error)) == NULL ||
          !drafting_amendment_file_import (document, bytes, &summary, &error))
        {
          tool_print_error (argv[i], error);
          return 1;
        }
      g_ptr_array_add (lines, format_summary (argv[i], &summary));
    }

  if (!tool_save (document, argv[1]))
    return 1;

  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (lines, i));

  return 0;
}
