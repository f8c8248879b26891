/* drafting-test-resolution.c: a resolution of any length, the same every time, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "drafting-test-resolution.h"

/*
 * The words of the texts the product comes from, drawn at random from a
 * seed that is the size asked for: clauses of 200 to 480 characters with
 * their leading phrases, operative paragraphs, some with sub-paragraphs,
 * a second operative formula, principles with sections and items, nested
 * items, footnotes, and Latin words in italics.
 */

typedef struct
{
  const char *lead;
  const char *joiner;
} Lead;

static const Lead preamble_leads[] = {
  { "ACKNOWLEDGING", "that" },
  { "NOTING", "that" },
  { "NOTING WITH SATISFACTION", "that" },
  { "BEARING IN MIND", "that" },
  { "HAVING REGARD", "to the fact that" },
  { "TAKING INTO ACCOUNT", "that" },
  { "CONSIDERING", "that" },
  { "OBSERVING", "that" },
  { "RECOGNIZING", "that" },
  { "RECALLING", "that" },
  { "EMPHASIZING", "that" },
  { "CONVINCED", "that" },
  { "MINDFUL", "of the fact that" },
  { "CONSCIOUS", "that" },
  { "DESIRING", "to ensure that" },
  { "AIMING", "to ensure that" },
  { "ENDEAVOURING", "to ensure that" },
};

static const char * const subjects[] = {
  "the digital transformation of the economy",
  "the exponential growth of cross-border E-Commerce",
  "the increasing volume of small consignments",
  "the time sensitivity of low-value shipments",
  "the collection of duties and taxes on low-value goods",
  "the exchange of advance electronic data between Posts and Customs",
  "the role of intermediaries such as express carriers and postal operators",
  "the protection of society against illicit trade",
  "the different levels of digitalization among Members",
  "the use of non-intrusive inspection technologies",
  "the WCO Revised Kyoto Convention (RKC)",
  "the WTO Agreement on Trade Facilitation (TFA)",
  "the WCO SAFE Framework of Standards (SAFE FoS)",
  "the application of de minimis thresholds",
  "coordinated border management",
  "the measurement of cross-border E-Commerce flows",
  "the Immediate Release Guidelines",
  "the interests of Micro, Small and Medium Enterprises (MSMEs)",
  "the security and safety of the international supply chain",
  "the reconciliation of data from advance reporting to accounting",
  "the growing number of consumers buying goods from vendors abroad",
  "the work of the WCO/UPU Contact Committee",
};

static const char * const predicates[] = {
  "is one of the key drivers of the global trade environment",
  "presents several challenges to governments and businesses alike",
  "requires close cooperation between Customs and other government agencies",
  "calls for harmonized and simplified procedures",
  "offers new opportunities for economic growth and competitiveness",
  "depends on timely and accurate advance electronic data",
  "has changed the way consumers buy goods across borders",
  "should be addressed in a harmonized and consistent manner",
  "remains essential for fair and efficient revenue collection",
  "must take into account the applicable laws on data protection and privacy",
  "benefits from risk management based on knowledge of entities and trends",
  "needs to be supported by capacity building and technical assistance",
  "has been discussed at length by the Permanent Technical Committee",
};

static const char * const qualifiers[] = {
  "in particular for Micro, Small and Medium Enterprises",
  "in accordance with national legislation",
  "inter alia through the exchange of information between administrations",
  "within the boundaries of applicable laws",
  "with due regard to the Joint WCO-UPU Customs-Post Messaging Standards",
  "at the national, regional and international levels",
  "in close coordination with other international organizations",
  "taking into account the digital divide among Members",
  "as outlined in the Annex to this Resolution",
  "mutatis mutandis for postal consignments",
  "on a bona fide basis and in good faith",
  "through ad hoc working groups where appropriate",
  "without prejudice to the obligations of Members under other agreements",
  "so as to facilitate legitimate trade",
  "with a view to strengthening security and safety",
  "in order to ensure fair and efficient revenue collection",
  "while protecting society from illicit and dangerous goods",
  "using modern methods of data analytics",
  "consistently with the principles of the SAFE Framework of Standards",
  "including the sharing of good practices among Members",
  "for the benefit of consumers and legitimate traders",
  "and in line with the de minimis regime applicable in each Member",
};

static const char * const verbs_with_object[] = {
  "Invites", "Requests", "Encourages", "Urges", "Calls upon", "Instructs", "Recommends",
};

static const char * const verbs_with_subject[] = {
  "Endorses", "Welcomes", "Supports", "Advocates", "Reaffirms", "Acknowledges",
};

static const char * const objects[] = {
  "Customs administrations", "Members", "the Secretariat", "the Permanent Technical Committee",
  "the Policy Commission", "the Capacity Building Directorate", "Members and partners",
  "Customs and postal operators",
};

static const char * const actions[] = {
  "apply these principles in a harmonized manner",
  "develop an implementation strategy and action plan",
  "establish a legal and policy framework for the electronic exchange of data",
  "implement automated risk management processes",
  "review the thresholds for the simplified clearance of low-value shipments",
  "share good practices on revenue collection models",
  "strengthen cooperation with postal operators and express carriers",
  "report on the progress made to the Policy Commission",
  "engage with E-Commerce platforms and other stakeholders",
  "adopt streamlined and simplified border formalities",
  "identify all relevant stakeholders, including occasional mailers",
  "explore opportunities for information sharing with the private sector",
  "ensure the reconciliation of data through the supply chain",
};

static const char * const principle_titles[] = {
  "Advance Electronic Data and Risk Management",
  "Facilitation and Simplification of Procedures",
  "Safety and Security",
  "Revenue Collection",
  "Measurement and Analysis",
  "Partnerships",
  "Public Awareness, Outreach and Capacity Building",
  "Legislative Frameworks",
  "Data Governance and Protection",
  "Coordinated Border Management",
  "Postal Consignments",
  "Returns and Refunds",
};

static const char * const section_titles[] = {
  "Advance electronic data", "Risk management", "Simplified clearance",
  "Revenue collection models", "Cooperation with other agencies", "Data quality",
  "Capacity building", "Outreach to consumers", "Returned goods",
};

static const char * const footnote_texts[] = {
  "The World Customs Organization (WCO) is the only intergovernmental organization "
  "exclusively focused on Customs matters.",
  "See the WCO Immediate Release Guidelines, as revised, and the Framework of Standards "
  "on Cross-Border E-Commerce.",
  "As defined in the Glossary of International Customs Terms, which the Secretariat keeps "
  "up to date.",
  "Document PC0484E, Annex I, as discussed at the 219th/220th Sessions of the Permanent "
  "Technical Committee.",
  "The Working Group on E-Commerce was established by the Policy Commission in "
  "December 2016.",
};

static const char * const latin[] = {
  "de minimis", "inter alia", "mutatis mutandis", "bona fide", "ad hoc",
};

typedef struct
{
  GRand        *rand;
  GPtrArray    *top;          /* DraftingNode: the top-level elements */
  guint         n_elements;
  guint         n_footnotes;
  guint         target;
} Builder;

static const char *
pick (Builder            *b,
      const char * const *pool,
      guint               n)
{
  return pool[g_rand_int_range (b->rand, 0, n)];
}

#define PICK(b, pool) pick ((b), (pool), G_N_ELEMENTS (pool))

/* Appends qualifiers until the text is between @min and @max characters
 * long (or a little over @min when no qualifier fits). */
static void
grow_text (Builder *b,
           GString *text,
           guint    min,
           guint    max)
{
  guint target = g_rand_int_range (b->rand, min, max + 1);

  while (text->len < target)
    {
      const char *q = PICK (b, qualifiers);

      if (text->len >= min && text->len + 2 + strlen (q) > max)
        break;
      g_string_append (text, text->str[text->len - 1] == ',' ? " " : ", ");
      g_string_append (text, q);
    }
}

/* The text as an element's content, the Latin words in italics. */
static DraftingInline *
make_content (GString *text)
{
  DraftingInline *content = drafting_inline_new (text->str);

  for (guint i = 0; i < G_N_ELEMENTS (latin); i++)
    for (const char *p = strstr (text->str, latin[i]); p != NULL; p = strstr (p + 1, latin[i]))
      drafting_inline_add_mark (content, DRAFTING_MARK_EMPHASIS,
                                p - text->str, p - text->str + strlen (latin[i]), NULL);

  return content;
}

static DraftingNode *
new_node (Builder      *b,
          DraftingKind  kind,
          const char   *lead,
          GString      *text)
{
  DraftingNode *node = drafting_node_new_with_text (kind, lead, NULL);

  if (text != NULL)
    drafting_node_take_content (node, make_content (text));
  b->n_elements++;

  return node;
}

static void
append (DraftingNode *parent,
        DraftingNode *child)
{
  drafting_node_append_child (parent, child);
  g_object_unref (child);
}

static void
append_top (Builder      *b,
            DraftingNode *node)
{
  g_ptr_array_add (b->top, node);
}

/* Now and then, a footnote called after the first words of @node. */
static void
maybe_add_footnote (Builder      *b,
                    DraftingNode *node,
                    guint         call_offset)
{
  g_autoptr(DraftingInline) content = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *id = NULL;
  DraftingNode *footnote;

  if (g_rand_int_range (b->rand, 0, 30) != 0 || b->n_elements + 1 >= b->target)
    return;

  id = g_strdup_printf ("fn%u", ++b->n_footnotes);
  content = drafting_inline_copy (drafting_node_get_content (node));
  drafting_inline_add_mark (content, DRAFTING_MARK_FOOTNOTE_REF, call_offset, call_offset, id);
  drafting_node_take_content (node, g_steal_pointer (&content));

  text = g_string_new (PICK (b, footnote_texts));
  if (g_rand_boolean (b->rand))
    g_string_append_printf (text, " %s", PICK (b, footnote_texts));

  footnote = drafting_node_new (DRAFTING_KIND_FOOTNOTE, id);
  drafting_node_take_content (footnote, drafting_inline_new (text->str));
  b->n_elements++;
  append (node, footnote);
}

static void
set_ending (DraftingNode *node,
            const char   *ending)
{
  g_autoptr(DraftingInline) content = drafting_inline_copy (drafting_node_get_content (node));
  const char *text = drafting_inline_get_text (content);
  gsize len = strlen (text);

  while (len > 0 && strchr (",;:. ", text[len - 1]) != NULL)
    len--;
  drafting_inline_delete (content, len, drafting_inline_get_length (content));
  drafting_inline_insert (content, len, ending, -1);
  drafting_node_take_content (node, g_steal_pointer (&content));
}

static void
capitalize (GString *text)
{
  if (text->len > 0)
    text->str[0] = g_ascii_toupper (text->str[0]);
}

static void
add_preamble (Builder *b,
              guint    until)
{
  DraftingNode *last = NULL;
  DraftingNode *before_last = NULL;

  while (b->n_elements < until)
    {
      const Lead *lead = &preamble_leads[g_rand_int_range (b->rand, 0,
                                                           G_N_ELEMENTS (preamble_leads))];
      g_autoptr(GString) text = g_string_new (lead->joiner);
      DraftingNode *clause;
      guint call;

      g_string_append_printf (text, " %s %s", PICK (b, subjects), PICK (b, predicates));
      call = text->len;
      grow_text (b, text, 200, 480);
      g_string_append_c (text, ',');

      clause = new_node (b, DRAFTING_KIND_PREAMBLE_CLAUSE, lead->lead, text);
      maybe_add_footnote (b, clause, call);
      before_last = last;
      last = clause;
      append_top (b, clause);
    }

  if (before_last != NULL)
    set_ending (before_last, ", and");
}

static DraftingNode *
new_operative_paragraph (Builder *b,
                         gboolean with_subs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DraftingNode *paragraph;
  guint call;

  if (g_rand_int_range (b->rand, 0, 3) > 0)
    g_string_append_printf (text, "%s %s to %s", PICK (b, verbs_with_object),
                            PICK (b, objects), PICK (b, actions));
  else
    g_string_append_printf (text, "%s %s", PICK (b, verbs_with_subject), PICK (b, subjects));
  call = text->len;
  grow_text (b, text, 200, 480);
  g_string_append_c (text, with_subs ? ':' : ';');

  paragraph = new_node (b, DRAFTING_KIND_OPERATIVE_PARAGRAPH, NULL, text);
  maybe_add_footnote (b, paragraph, call);

  return paragraph;
}

static void
add_operative_part (Builder *b,
                    guint    until)
{
  guint start = b->n_elements;
  gboolean second_formula = FALSE;
  DraftingNode *last = NULL;
  DraftingNode *before_last = NULL;
  g_autoptr(GString) formula = g_string_new ("that Members should:");

  append_top (b, new_node (b, DRAFTING_KIND_OPERATIVE_FORMULA, "RESOLVES", formula));

  while (b->n_elements < until)
    {
      gboolean with_subs = g_rand_int_range (b->rand, 0, 4) == 0 && b->n_elements + 6 < until;
      DraftingNode *paragraph;

      /* A later formula, as "REQUESTS the Secretary General to", with a
       * few paragraphs of its own. */
      if (!second_formula && b->n_elements > start + (until - start) * 9 / 10)
        {
          g_autoptr(GString) text =
            g_string_new ("the Secretary General to bring this Resolution to the attention of "
                          "Members and of the international organizations concerned, and to:");

          if (last != NULL)
            set_ending (last, ".");
          append_top (b, new_node (b, DRAFTING_KIND_OPERATIVE_FORMULA, "REQUESTS", text));
          second_formula = TRUE;
          last = before_last = NULL;
          continue;
        }

      paragraph = new_operative_paragraph (b, with_subs);
      if (with_subs)
        {
          guint n_subs = g_rand_int_range (b->rand, 2, 5);

          for (guint i = 0; i < n_subs; i++)
            {
              g_autoptr(GString) text = g_string_new (PICK (b, actions));

              grow_text (b, text, 120, 300);
              g_string_append_c (text, ';');
              append (paragraph, new_node (b, DRAFTING_KIND_SUB_PARAGRAPH, NULL, text));
            }
          before_last = last = NULL;
        }
      else
        {
          before_last = last;
          last = paragraph;
        }
      append_top (b, paragraph);
    }

  if (before_last != NULL)
    set_ending (before_last, "; and");
  if (last != NULL)
    set_ending (last, ".");
}

static DraftingNode *
new_item (Builder *b,
          gboolean nested)
{
  g_autoptr(GString) text = NULL;
  DraftingNode *item;
  guint call;

  if (nested)
    {
      text = g_string_new (PICK (b, subjects));
      call = text->len;
      grow_text (b, text, 120, 300);
      g_string_append_c (text, ',');
    }
  else
    {
      text = g_string_new (PICK (b, actions));
      call = text->len;
      grow_text (b, text, 200, 480);
      g_string_append_c (text, ';');
    }
  capitalize (text);

  item = new_node (b, DRAFTING_KIND_ITEM, NULL, text);
  maybe_add_footnote (b, item, call);

  return item;
}

/* Items under @parent, some with nested items of their own. */
static void
add_items (Builder      *b,
           DraftingNode *parent)
{
  guint n_items = g_rand_int_range (b->rand, 3, 8);

  for (guint i = 0; i < n_items && b->n_elements < b->target; i++)
    {
      DraftingNode *item = new_item (b, FALSE);

      if (g_rand_int_range (b->rand, 0, 10) < 3)
        {
          guint n_nested = g_rand_int_range (b->rand, 2, 4);

          for (guint j = 0; j < n_nested && b->n_elements < b->target; j++)
            append (item, new_item (b, TRUE));
        }
      if (i + 1 == n_items)
        set_ending (item, ".");
      append (parent, item);
    }
}

static void
add_annex (Builder *b)
{
  DraftingNode *annex = new_node (b, DRAFTING_KIND_ANNEX, NULL, NULL);
  guint n_principles = 0;

  while (b->n_elements < b->target)
    {
      g_autoptr(GString) title = g_string_new (principle_titles[n_principles++ %
                                                              G_N_ELEMENTS (principle_titles)]);
      g_autoptr(GString) intro = g_string_new ("This principle ");
      DraftingNode *principle = new_node (b, DRAFTING_KIND_PRINCIPLE, NULL, title);

      g_string_append_printf (intro, "concerns %s and %s",
                              PICK (b, subjects), PICK (b, predicates));
      grow_text (b, intro, 200, 400);
      g_string_append_c (intro, '.');
      if (b->n_elements < b->target)
        append (principle, new_node (b, DRAFTING_KIND_PARAGRAPH, NULL, intro));

      if (g_rand_int_range (b->rand, 0, 10) < 3)
        add_items (b, principle);
      else
        {
          guint n_sections = g_rand_int_range (b->rand, 2, 4);

          for (guint i = 0; i < n_sections && b->n_elements < b->target; i++)
            {
              g_autoptr(GString) name = g_string_new (PICK (b, section_titles));
              DraftingNode *section = new_node (b, DRAFTING_KIND_SECTION, NULL, name);

              add_items (b, section);
              append (principle, section);
            }
        }
      append (annex, principle);
    }

  append_top (b, annex);
}

static void
add_text_node (Builder      *b,
               DraftingKind  kind,
               const char   *text)
{
  g_autoptr(GString) str = text != NULL ? g_string_new (text) : NULL;

  append_top (b, new_node (b, kind, NULL, str));
}

/**
 * drafting_test_generate_resolution:
 * @target: how many elements: clauses, paragraphs, items, footnotes...
 * @insert_us: (out) (optional): how long inserting them into the document
 *   took, in microseconds
 *
 * Builds the same resolution of @target elements every time, as long and
 * as varied as the ones the product comes from, the annex holding the
 * most: each top-level element with what it holds is made outside any
 * document, then inserted into one, as one change; the history is then
 * cleared, as after loading.
 */
DraftingDocument *
drafting_test_generate_resolution (guint   target,
                                   gint64 *insert_us)
{
  g_autoptr(DraftingDocument) document = drafting_document_new (DRAFTING_DOCUMENT_RESOLUTION);
  g_autoptr(GRand) rand = g_rand_new_with_seed (target);
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  DraftingNode *root = drafting_document_get_root (document);
  Builder b = { rand, top, 0, 0, target };
  gint64 start;

  drafting_document_set_title (document,
                               "Resolution of the Policy Commission on the Guiding Principles "
                               "for Cross-Border E-Commerce");
  drafting_document_set_body (document, "Policy Commission");
  drafting_document_set_symbol (document, "PC0484E");
  drafting_document_set_place (document, "Luxor");
  drafting_document_set_date (document, "December 2017");
  drafting_document_set_status (document, DRAFTING_STATUS_DRAFT);

  add_text_node (&b, DRAFTING_KIND_HEADING, "RESOLUTION OF THE POLICY COMMISSION");
  add_text_node (&b, DRAFTING_KIND_HEADING, "OF THE WORLD CUSTOMS ORGANIZATION");
  add_text_node (&b, DRAFTING_KIND_HEADING,
                 "ON THE GUIDING PRINCIPLES FOR CROSS-BORDER E-COMMERCE");
  add_text_node (&b, DRAFTING_KIND_PLACE_DATE, NULL);
  add_text_node (&b, DRAFTING_KIND_AUTHORITY, "THE POLICY COMMISSION");
  /* As in the texts the product comes from, the annex holds the most. */
  add_preamble (&b, target * 12 / 100);
  add_operative_part (&b, target * 26 / 100);
  add_annex (&b);
  g_assert_cmpuint (b.n_elements, ==, target);

  start = g_get_monotonic_time ();
  drafting_document_begin_action (document, "Paste");
  for (guint i = 0; i < top->len; i++)
    {
      g_autoptr(GError) error = NULL;

      drafting_document_insert (document, root, i, g_ptr_array_index (top, i), &error);
      g_assert_no_error (error);
    }
  drafting_document_end_action (document);
  if (insert_us != NULL)
    *insert_us = g_get_monotonic_time () - start;

  drafting_document_clear_history (document);
  drafting_document_set_modified (document, FALSE);

  return g_steal_pointer (&document);
}
