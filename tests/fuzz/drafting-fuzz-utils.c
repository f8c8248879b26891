/* drafting-fuzz-utils.c: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "drafting-fuzz-utils.h"

/*
 * libFuzzer counts as a finding what crashes or aborts, what AddressSanitizer
 * or UndefinedBehaviorSanitizer report, and what LeakSanitizer finds
 * unreachable at the end of an input. To these the targets add a warning or
 * a critical logged, which the core logs only for what it holds impossible
 * (a failed g_return_if_fail() among them), and a document that does not
 * survive being saved and loaded again.
 */

/* Environment that GLib reads once, before main(): its slice allocator keeps
 * freed blocks for reuse, which would hide leaks and uses after free from the
 * sanitizers, and "gc-friendly" clears what containers free. */
static const char * const glib_environment[][2] = {
  { "G_SLICE", "always-malloc" },
  { "G_DEBUG", "gc-friendly" },
};

static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "==%d== A warning or a critical was logged: that is a finding\n",
               (int) getpid ());
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc G_GNUC_UNUSED,
                      char ***argv)
{
  gboolean restart = FALSE;

  /* GLib reads the variables as it starts, before any code of ours: a
   * process started without them starts again with them, with the same
   * arguments. */
  for (guint i = 0; i < G_N_ELEMENTS (glib_environment); i++)
    if (g_strcmp0 (g_getenv (glib_environment[i][0]), glib_environment[i][1]) != 0)
      {
        g_setenv (glib_environment[i][0], glib_environment[i][1], TRUE);
        restart = TRUE;
      }

  if (restart)
    {
      execv ("/proc/self/exe", *argv);
      fprintf (stderr, "Cannot start again with G_SLICE=always-malloc: %s; "
               "leaks of GLib's containers may go unseen\n", g_strerror (errno));
    }

  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  drafting_core_init ();

  return 0;
}

/**
 * drafting_fuzz_fail:
 *
 * Says what is wrong and aborts, which libFuzzer takes for a crash: it
 * keeps the input and stops.
 */
void
drafting_fuzz_fail (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "==%d== ", (int) getpid ());
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);

  abort ();
}

/**
 * drafting_fuzz_check_refusal:
 * @result: (nullable): what a reader returned
 * @what: what it reads, for the message
 *
 * A reader either gives a result and no error, or no result and an error
 * that says why.
 */
void
drafting_fuzz_check_refusal (gconstpointer  result,
                             const GError  *error,
                             const char    *what)
{
  if (result == NULL && error == NULL)
    drafting_fuzz_fail ("%s was refused without an error to say why", what);
  if (result != NULL && error != NULL)
    drafting_fuzz_fail ("%s was read, with an error: %s", what, error->message);
  if (error != NULL && (error->message == NULL || !g_utf8_validate (error->message, -1, NULL)))
    drafting_fuzz_fail ("%s was refused with a message that is not UTF-8", what);
}

/* The length of the line of @data that starts at @start. */
static int
line_length (const char *data,
             gsize       len,
             gsize       start)
{
  const char *end;

  if (start >= len)
    return 0;

  end = memchr (data + start, '\n', len - start);
  return end != NULL ? (int) (end - data - start) : (int) (len - start);
}

/* Says where @a and @b differ first: the line of each. */
static void
fail_different (const char *what,
                GBytes     *a,
                GBytes     *b)
{
  gsize a_len;
  gsize b_len;
  const char *a_data = g_bytes_get_data (a, &a_len);
  const char *b_data = g_bytes_get_data (b, &b_len);
  gsize at = 0;
  gsize line_start = 0;
  guint line = 1;

  for (; at < a_len && at < b_len && a_data[at] == b_data[at]; at++)
    if (a_data[at] == '\n')
      {
        line++;
        line_start = at + 1;
      }

  drafting_fuzz_fail ("%s differ from line %u:\n< %.*s\n> %.*s", what, line,
                      line_length (a_data, a_len, line_start), a_data + line_start,
                      line_length (b_data, b_len, line_start), b_data + line_start);
}

/* Checks that @a and @b are the same text. */
static void
check_equal_strings (const char *what,
                     const char *a,
                     const char *b)
{
  g_autoptr(GBytes) a_bytes = NULL;
  g_autoptr(GBytes) b_bytes = NULL;

  if (g_strcmp0 (a, b) == 0)
    return;

  a_bytes = g_bytes_new (a, strlen (a));
  b_bytes = g_bytes_new (b, strlen (b));
  fail_different (what, a_bytes, b_bytes);
}

static GBytes *
save (DraftingDocument *document,
      const char       *what)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = drafting_native_save_bytes (document, &error);
  if (bytes == NULL)
    drafting_fuzz_fail ("%s does not save: %s", what, error ? error->message : "no error set");

  return bytes;
}

/* Checks that @a and @b, a document and the same saved and loaded again,
 * print the same and outline the same: the JSON outline, which must parse,
 * has every element's id, kind, number, lead and text. */
static void
check_same_rendering (DraftingDocument *a,
                      DraftingDocument *b)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a_text = drafting_render_document_text (a);
  g_autofree char *b_text = drafting_render_document_text (b);
  g_autofree char *outline = drafting_outline_to_text (a);
  g_autofree char *a_json = drafting_outline_to_json (a);
  g_autofree char *b_json = drafting_outline_to_json (b);

  if (!g_utf8_validate (a_text, -1, NULL))
    drafting_fuzz_fail ("The document's text is not UTF-8");
  check_equal_strings ("The texts of the document and of the one loaded again",
                       a_text, b_text);

  if (!g_utf8_validate (outline, -1, NULL))
    drafting_fuzz_fail ("The document's outline is not UTF-8");

  if (!json_parser_load_from_data (parser, a_json, -1, &error))
    drafting_fuzz_fail ("The document's outline is not JSON: %s\n%s", error->message, a_json);
  check_equal_strings ("The JSON outlines of the document and of the one loaded again",
                       a_json, b_json);
}

/**
 * drafting_fuzz_check_document:
 *
 * Checks that @document saves, that what is saved loads again and saves as
 * the same bytes, and that the document loaded prints and outlines as the
 * one saved.
 */
void
drafting_fuzz_check_document (DraftingDocument *document)
{
  g_autoptr(DraftingDocument) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  saved = save (document, "The document");

  reloaded = drafting_native_load_bytes (saved, &error);
  if (reloaded == NULL)
    drafting_fuzz_fail ("What was saved does not load: %s\n%.*s",
                        error ? error->message : "no error set",
                        (int) g_bytes_get_size (saved),
                        (const char *) g_bytes_get_data (saved, NULL));

  saved_again = save (reloaded, "The document loaded again");
  if (!g_bytes_equal (saved, saved_again))
    fail_different ("The two saves", saved, saved_again);

  check_same_rendering (document, reloaded);
}
