import { z } from 'zod';

/** `YYYY-MM-DD`; YAML dates arrive from gray-matter as `Date` objects, quoted ones as strings. */
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});

const nonEmptyText = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });
// YAML reads `2016` or `75000` as numbers; in keyword and question lists they are meant as text.
const listEntry = z.union([z.number().transform(String), nonEmptyText], { error: 'expected text' });
const textList = (min: number) =>
  z.array(listEntry, { error: 'expected a list of texts' }).min(min, { error: `expected at least ${min} entries` });

const sourceSchema = z
  .object(
    {
      title: nonEmptyText,
      url: z
        .string({ error: 'expected a URL' })
        .trim()
        .regex(/^https?:\/\/\S+$/i, { error: 'expected an http(s) URL' })
        .optional(),
      /** For a source without a known web address (e.g. a press release): the year it appeared. */
      year: z.number({ error: 'expected a year, e.g. 2025' }).int().min(1900).max(2100).optional(),
    },
    { error: 'expected title and url of the official page' },
  )
  // A source without web address is cited by title and year; never by a link that is not its own.
  .refine((source) => source.url !== undefined || source.year !== undefined, {
    error: 'expected the url of the source, or, for a source without a web address, its year',
    path: ['url'],
  });

/**
 * How exactly a source dates its content: to the day, only to the month or year, or not at all
 * (`as_of: undatiert`; replies then say "Quelle undatiert, geprüft <Monat Jahr>" from `reviewed`).
 */
export type AsOfPrecision = 'day' | 'month' | 'year' | 'undated';

/** The date of the source's content: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `undatiert`. */
const asOfSchema = z.union([z.date(), z.string(), z.number()]).transform((value, ctx): { date?: string; precision: AsOfPrecision } => {
  // YAML gives a date as `Date`, a year as a number.
  const text = value instanceof Date ? '' : String(value).trim();
  if (/^\d{4}$/.test(text)) return { date: `${text}-01-01`, precision: 'year' };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return { date: `${text}-01`, precision: 'month' };
  if (text === 'undatiert') return { precision: 'undated' };
  const day = isoDate.safeParse(typeof value === 'number' ? String(value) : value);
  if (day.success) return { date: day.data, precision: 'day' };
  ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY, or "undatiert"' });
  return z.NEVER;
});

/**
 * Front matter every knowledge article must have. Unknown extra fields are allowed (editors may add
 * notes), known fields are checked strictly so `kb:check` names exactly what is wrong. `as_of` comes
 * out as the first day it names (for an undated source: the day of `reviewed`, when it was checked),
 * with `as_of_precision` saying how to show it.
 */
export const articleFrontMatterSchema = z
  .object({
    id: z.string({ error: 'expected an id' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a kebab-case id (a-z, 0-9, -)' }),
    title: nonEmptyText,
    questions: textList(2),
    keywords: textList(1),
    source: sourceSchema,
    further_sources: z.array(sourceSchema).default([]),
    as_of: asOfSchema,
    as_of_note: nonEmptyText.optional(),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    reviewed: isoDate.optional(),
    related: z.array(z.string({ error: 'expected article ids' }), { error: 'expected a list of article ids' }).default([]),
    offers: z.array(z.enum(['foerder-check', 'antrag-stellen'], { error: 'expected foerder-check or antrag-stellen' })).default([]),
    overview: z.boolean({ error: 'expected true or false' }).default(false),
    helps: z.boolean({ error: 'expected true or false' }).default(false),
  })
  // Named as in `Article`.
  .transform(({ as_of, as_of_note, further_sources, ...front }, ctx) => {
    const date = as_of.date ?? front.reviewed;
    if (date === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'an undated source ("as_of: undatiert") needs "reviewed": the day it was checked',
        path: ['reviewed'],
      });
      return z.NEVER;
    }
    return { ...front, furtherSources: further_sources, asOf: date, asOfPrecision: as_of.precision, asOfNote: as_of_note };
  });
