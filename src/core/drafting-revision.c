/* drafting-revision.c: a text as the Secretariat issued it: Draft, Rev.1, Adopted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "drafting-revision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "drafting-document-private.h"
#include "drafting-enums.h"
#include "drafting-error.h"
#include "drafting-render.h"
#include "drafting-revision.h"

/*
 * A revision is the document as it was when the Secretariat issued it,
 * under a label of its choosing ("Draft", "Rev.1", "Adopted"): when, the
 * status the document had, and a frozen copy of it, made with
 * drafting_document_snapshot() without its amendments. Nothing changes a
 * revision once made; the document that keeps it may share it with its
 * own snapshots, and so with the threads that save them, which only read
 * its elements.
 */

struct _DraftingRevision
{
  GObject           parent_instance;

  DraftingDocument *document;   /* frozen: never changed */
  GDateTime        *date;
  char             *label;
};

G_DEFINE_FINAL_TYPE (DraftingRevision, drafting_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DATE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drafting_revision_finalize (GObject *object)
{
  DraftingRevision *self = (DraftingRevision *) object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (drafting_revision_parent_class)->finalize (object);
}

static void
drafting_revision_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DraftingRevision *self = DRAFTING_REVISION (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, drafting_revision_get_status (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
drafting_revision_class_init (DraftingRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = drafting_revision_finalize;
  object_class->get_property = drafting_revision_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DRAFTING_TYPE_STATUS, DRAFTING_STATUS_DRAFT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
drafting_revision_init (DraftingRevision *self G_GNUC_UNUSED)
{
}

/**
 * _drafting_revision_new:
 * @label: a label _drafting_revision_check_label() took
 * @date: when it was issued
 * @frozen: (transfer full): the document as it was, which no one else holds
 *   and no one will change
 *
 * Returns: (transfer full): the revision
 */
DraftingRevision *
_drafting_revision_new (const char       *label,
                        GDateTime        *date,
                        DraftingDocument *frozen)
{
  DraftingRevision *self;

  g_return_val_if_fail (label != NULL && label[0] != '\0', NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (DRAFTING_IS_DOCUMENT (frozen), NULL);

  self = g_object_new (DRAFTING_TYPE_REVISION, NULL);
  self->label = g_strdup (label);
  self->date = g_date_time_ref (date);
  self->document = frozen;

  return self;
}

/**
 * _drafting_revision_check_label:
 * @label: a label, as a person typed it or a file says it
 * @error: where to say why it cannot be one
 *
 * A label is one line of text of at most %DRAFTING_REVISION_MAX_LABEL
 * characters, white space around it left out.
 *
 * Returns: (transfer full) (nullable): the label, or %NULL
 */
char *
_drafting_revision_check_label (const char  *label,
                                GError     **error)
{
  g_autofree char *clean = NULL;

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("A revision’s label must be text"));
      return NULL;
    }

  clean = g_strstrip (g_strdup (label));
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                           _("A revision needs a label, such as “Rev.1”"));
      return NULL;
    }

  if (g_utf8_strlen (clean, -1) > DRAFTING_REVISION_MAX_LABEL)
    {
      g_set_error (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                   /* Translators: %d is a number of characters, 100 */
                   g_dngettext (GETTEXT_PACKAGE,
                                "A revision’s label may have at most %d character",
                                "A revision’s label may have at most %d characters",
                                DRAFTING_REVISION_MAX_LABEL),
                   DRAFTING_REVISION_MAX_LABEL);
      return NULL;
    }

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
        {
          g_set_error_literal (error, DRAFTING_ERROR, DRAFTING_ERROR_NOT_ALLOWED,
                               _("A revision’s label is one line of text, without control "
                                 "characters"));
          return NULL;
        }
    }

  return g_steal_pointer (&clean);
}

const char *
drafting_revision_get_label (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  return self->label;
}

/**
 * drafting_revision_get_date:
 *
 * Returns: (transfer none): when the revision was issued, in the time zone
 *   where it was
 */
GDateTime *
drafting_revision_get_date (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  return self->date;
}

/**
 * drafting_revision_get_status:
 *
 * Returns: the status the document had when the revision was issued
 */
DraftingStatus
drafting_revision_get_status (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), DRAFTING_STATUS_DRAFT);

  return drafting_document_get_status (self->document);
}

/**
 * drafting_revision_get_document:
 *
 * The document as it was: its elements, metadata and numbering, with no
 * amendments, revisions or history. It is to be read, printed, shown and
 * compared, never changed.
 *
 * Returns: (transfer none): the frozen copy
 */
DraftingDocument *
drafting_revision_get_document (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  return self->document;
}

/**
 * drafting_revision_get_root:
 *
 * Returns: (transfer none): the root of the elements as they were
 */
DraftingNode *
drafting_revision_get_root (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  return drafting_document_get_root (self->document);
}

/**
 * drafting_revision_get_text:
 *
 * Returns: (transfer full): the revision as plain text, laid out as it
 *   prints, as `wco-draft text` prints a document
 */
char *
drafting_revision_get_text (DraftingRevision *self)
{
  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  return drafting_render_document_text (self->document);
}

/**
 * drafting_revision_format_date:
 *
 * Returns: (transfer full): the date as ISO 8601 writes it, to the second
 *   and with its offset from UTC: "2026-12-01T10:30:00+01:00", as the
 *   native format and `wco-draft revisions --json` have it
 */
char *
drafting_revision_format_date (DraftingRevision *self)
{
  GTimeSpan offset;
  gint64 minutes;

  g_return_val_if_fail (DRAFTING_IS_REVISION (self), NULL);

  offset = g_date_time_get_utc_offset (self->date);
  minutes = ABS (offset) / G_TIME_SPAN_MINUTE;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          g_date_time_get_year (self->date),
                          g_date_time_get_month (self->date),
                          g_date_time_get_day_of_month (self->date),
                          g_date_time_get_hour (self->date),
                          g_date_time_get_minute (self->date),
                          g_date_time_get_second (self->date),
                          offset < 0 ? '-' : '+',
                          (int) (minutes / 60), (int) (minutes % 60));
}
