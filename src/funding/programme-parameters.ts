import { z } from 'zod';

const source = z.object({
  title: z.string().min(1),
  url: z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' }),
  /** The knowledge article that explains the rule. */
  article: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an article id' }),
});
const money = z.number({ error: 'expected an amount in euro' }).int().positive();
const count = z.number({ error: 'expected a whole number' }).int().min(1);
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});

/** Schema of `knowledge/_meta/foerderprogramm.yml`: every rule and amount the dialogs use. */
export const programmeParametersSchema = z.object({
  programme: z.string().min(1),
  version: z.string().min(1),
  as_of: isoDate,
  valid_until: z.union([z.string(), z.number()]).transform(String),
  as_of_note: z.string().optional(),
  rules: z.object({
    applicant: z.object({ eligible: z.array(z.enum(['gemeinde', 'landkreis', 'zusammenschluss'])).min(1), source }),
    hessian: z.object({ source }),
    partners: z.object({
      regular_minimum: count,
      exception_minimum: count,
      gvv_minimum: count,
      fire_brigades_minimum: count,
      merger_minimum: count,
      source,
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
    source,
    merger_debt_relief: z.object({
      per_inhabitant_small: money,
      per_inhabitant_large: money,
      small_up_to_inhabitants: count,
      maximum_share_of_debt_percent: z.number().min(0).max(100),
      source,
    }),
  }),
  task_areas: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) }))
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
});

/** The id the eligibility check uses for "a task area not in the list". */
export const OTHER_TASK_AREA = 'andere';

/** The funding programme's rules and amounts, as validated data. */
export type ProgrammeParameters = z.infer<typeof programmeParametersSchema>;

/** A rule's source: the official page and the knowledge article explaining it. */
export type RuleSource = ProgrammeParameters['rules']['hessian']['source'];

/** Article ids the parameters refer to (for `kb:check`). */
export function referencedArticles(parameters: ProgrammeParameters): string[] {
  const sources: RuleSource[] = [
    ...Object.values(parameters.rules).map((rule) => rule.source),
    parameters.amounts.source,
    parameters.amounts.merger_debt_relief.source,
    parameters.procedure.source,
  ];
  return [...new Set(sources.map((s) => s.article))];
}
