import { z } from 'zod';

const source = z
  .object({
    title: z.string().min(1),
    /** Absent for a source without a known web address (then `year` dates it). */
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' })
      .optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    /** The knowledge article that explains the rule. */
    article: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an article id' }),
  })
  .refine((s) => s.url !== undefined || s.year !== undefined, {
    error: 'a source needs its url, or (without a web address) its year',
    path: ['url'],
  });
const money = z.number({ error: 'expected an amount in euro' }).int().positive();
const count = z.number({ error: 'expected a whole number' }).int().min(1);
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});

/** One version (Fassung) of the programme: its validity and every rule and amount the dialogs use. */
export const programmeVersionSchema = z
  .object({
    /** Short name, also used in the articles' `version` field, e.g. `RV 2021`. */
    version: z.string().min(1),
    programme: z.string().min(1),
    /** First and last day the version is in force (`YYYY-MM-DD`, both included). */
    valid_from: isoDate,
    valid_until: isoDate,
    /** The validity as the sources state it, completing "Die RV 2021 gilt …" (e.g. "laut Beratungszentrum bis Ende 2026"). */
    validity: z.string().min(1),
    validity_source: source,
    /** Caveat about the sources of this version's rules (shown with the Förder-Check's result). */
    sources_note: z.string().min(1).optional(),
    rules: z.object({
      applicant: z.object({
        eligible: z.array(z.enum(['gemeinde', 'landkreis', 'zusammenschluss'])).min(1),
        source,
        /** Since when a cooperation of Landkreise alone (no town or municipality) is funded, with its source. */
        counties_only: z.object({ since: z.number().int().min(1990).max(2100), source }).optional(),
      }),
      hessian: z.object({ source }),
      partners: z.object({
        regular_minimum: count,
        exception_minimum: count,
        gvv_minimum: count,
        fire_brigades_minimum: count,
        merger_minimum: count,
        source,
        /** Preparation grants: the sources name no minimum; a grant to two municipalities is documented. */
        preparation_source: source,
      }),
      task_area: z.object({ source }),
      substantial: z.object({ source }),
      legal_form: z.object({ eligible: z.array(z.enum(['kgg', 'hvwvfg', 'privatrecht'])).min(1), source }),
      duration: z.object({ minimum_years: count, source }),
      savings: z.object({ minimum_percent: z.number().min(0).max(100), source }),
      timing: z.object({ source }),
    }),
    amounts: z.object({
      regular: z.object({ two_partners_exception: money, three_partners: money, more_than_three: money }),
      gvv_per_member: money,
      fire_brigade_per_brigade: money,
      preparation_maximum: money.nullable(),
      /** The caveat every computed amount carries: the grant should fit the savings (shown with the figure). */
      proportionality_note: z.string().min(1),
      source,
      merger_debt_relief: z.object({
        per_inhabitant_small: money,
        per_inhabitant_large: money,
        small_up_to_inhabitants: count,
        maximum_share_of_debt_percent: z.number().min(0).max(100),
        /** When the figures were announced (German, e.g. "Mai 2020"): the relief is not part of the programme itself. */
        as_of: z.string().min(1),
        source,
      }),
    }),
    task_areas: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          label: z.string().min(1),
          /** Why the area counts as fundable, in the words of its source (shown as the criterion's reason). */
          basis: z.string().min(1),
          source,
        }),
      )
      .min(1)
      .refine((areas) => !areas.some((a) => a.id === OTHER_TASK_AREA), { error: `"${'andere'}" is added by the dialog` }),
    procedure: z.object({
      processing_time: z.string().min(1),
      fees: z.string().min(1),
      routes: z.object({ kreisangehoerig: z.string().min(1), direkt: z.string().min(1), zusammenschluss: z.string().min(1) }),
      decision: z.string().min(1),
      after_approval: z.array(z.string().min(1)).min(1),
      source,
    }),
  })
  .refine((v) => v.valid_from <= v.valid_until, { error: 'valid_until must not be before valid_from', path: ['valid_until'] });

/**
 * Schema of `knowledge/_meta/foerderprogramm.yml`: the programme's versions, oldest first, with
 * validity periods that do not overlap. Adding a successor is adding a version: the dialogs and the
 * validity notice pick the version in force by date.
 */
/** The numbers each computed case needs (see `grantFigure`). */
export const GRANT_CASE_FIGURES = {
  kooperation: ['partners'],
  gvv: ['members'],
  feuerwehr: ['brigades'],
  entschuldung: ['inhabitants', 'debt'],
  /** The savings the application must show: a share of today's staff and material costs. */
  einsparung: ['costs'],
} as const;

/** A case whose amount the bot computes. */
export type GrantCaseKind = keyof typeof GRANT_CASE_FIGURES;
/** A number a computed case needs. */
export type GrantCaseFigure = (typeof GRANT_CASE_FIGURES)[GrantCaseKind][number];

const words = z.array(z.string().min(1)).min(1);
const grantCaseRulesSchema = z
  .object({
    case: z.enum(Object.keys(GRANT_CASE_FIGURES) as [GrantCaseKind, ...GrantCaseKind[]]),
    /** Articles that explain the case: when the knowledge base answers with one, the question is about this case. The first is offered under a computed answer. */
    articles: z.array(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an article id' })).min(1),
    /**
     * Articles on the thing itself, not its amount: a message whose statements the knowledge base answers with one
     * describes this case without naming it ("jede Gemeinde behält ihren Bürgermeister, die Verwaltung machen wir
     * gemeinsam"), and its count of partners counts for this case.
     */
    described_by: z.array(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an article id' })).default([]),
    /** Words that name the case, also as the end of a compound ("Ortsteilfeuerwehren"). */
    names: z.array(z.string().min(1)).default([]),
    /**
     * Word stems one of which a message must use to be about the case when it neither names the case nor gives
     * its sum ("Fusion", "zusammenschließ"): a town's inhabitants in the story of a cooperation are no merger.
     */
    requires: z.array(z.string().min(1)).default([]),
    /** Per number of the case, the words that count it ("drei Gemeinden", "6.000 Einwohner"). */
    counts: z.record(
      z.string(),
      z.object({
        words,
        /** Marks of a count of the others only ("mit zwei Nachbargemeinden", "mit 3 anderen Gemeinden"): the asking municipality makes one more. */
        others: z.array(z.string().min(1)).default([]),
        /** The number is an amount of money ("10 Mio. €"). */
        money: z.boolean().default(false),
        /** Several counts of it are parts of one whole (the inhabitants of merging municipalities make the new one's). */
        adds_up: z.boolean().default(false),
      }),
    ),
  })
  .superRefine((rules, ctx) => {
    const figures: readonly string[] = GRANT_CASE_FIGURES[rules.case];
    for (const key of Object.keys(rules.counts)) {
      if (!figures.includes(key))
        ctx.addIssue({
          code: 'custom',
          message: `"${rules.case}" has no number "${key}" (expected ${figures.join(', ')})`,
          path: ['counts', key],
        });
    }
  });

/** How questions name a computed case and its numbers (data, not facts: see `grant_cases` in the programme file). */
export type GrantCaseRules = z.infer<typeof grantCaseRulesSchema>;

export const programmeParametersSchema = z.object({
  versions: z
    .array(programmeVersionSchema)
    .min(1)
    .superRefine((versions, ctx) => {
      const names = new Set<string>();
      versions.forEach((v, i) => {
        if (names.has(v.version)) ctx.addIssue({ code: 'custom', message: `version "${v.version}" appears twice`, path: [i, 'version'] });
        names.add(v.version);
        const previous = versions[i - 1];
        if (previous && v.valid_from <= previous.valid_until) {
          ctx.addIssue({
            code: 'custom',
            message: `valid_from must be after valid_until of "${previous.version}" (list the versions oldest first, without overlap)`,
            path: [i, 'valid_from'],
          });
        }
      });
    }),
  /** How questions name the cases whose amounts the bot computes; the first listed wins a tie. */
  grant_cases: z
    .array(grantCaseRulesSchema)
    .default([])
    .refine((cases) => new Set(cases.map((c) => c.case)).size === cases.length, { error: 'each case may appear once' }),
});

/** The id the eligibility check uses for "a task area not in the list". */
export const OTHER_TASK_AREA = 'andere';

/** All versions of the funding programme, as validated data. */
export type ProgrammeParameters = z.infer<typeof programmeParametersSchema>;

/** One version of the programme: its rules and amounts. */
export type ProgrammeVersion = z.infer<typeof programmeVersionSchema>;

/** A rule's source: the official page (or a source without web address and its year) and the knowledge article explaining it. */
export type RuleSource = ProgrammeVersion['rules']['hessian']['source'];

/** Article ids the parameters refer to, over all versions (for `kb:check`). */
export function referencedArticles(parameters: ProgrammeParameters): string[] {
  const sources: RuleSource[] = parameters.versions.flatMap((version) => [
    ...Object.values(version.rules).map((rule) => rule.source),
    version.rules.partners.preparation_source,
    ...(version.rules.applicant.counties_only ? [version.rules.applicant.counties_only.source] : []),
    version.validity_source,
    version.amounts.source,
    version.amounts.merger_debt_relief.source,
    version.procedure.source,
    ...version.task_areas.map((area) => area.source),
  ]);
  return [...new Set([...sources.map((s) => s.article), ...parameters.grant_cases.flatMap((c) => [...c.articles, ...c.described_by])])];
}

/**
 * A source as Markdown: a link when it has a web address, otherwise the title with its year.
 *
 * @example
 * ```ts
 * citation({ title: 'Pressemitteilung „Land fördert IT-Zusammenarbeit mit 75.000 Euro“', year: 2025 });
 * // 'Pressemitteilung „Land fördert IT-Zusammenarbeit mit 75.000 Euro“ (2025)'
 * ```
 */
export function citation(source: { title: string; url?: string; year?: number }): string {
  if (source.url) return `[${source.title}](${source.url})`;
  return source.year === undefined ? source.title : `${source.title} (${source.year})`;
}
