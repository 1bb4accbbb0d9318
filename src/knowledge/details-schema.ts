import { z } from 'zod';
import { strictObject } from './schema-messages.js';

const phrase = z.union([z.string(), z.number()], { error: 'expected a word or phrase' }).transform(String);
const phraseList = z.array(phrase, { error: 'expected a list of words or phrases' });

const pattern = z
  .string({ error: 'expected a regular expression' })
  .refine((source) => compiles(source), { error: 'not a valid regular expression' });

const detailSchema = strictObject(
  {
    asked_by: phraseList.min(1, { error: 'a detail needs at least one phrase that asks for it' }),
    supplied_by: strictObject(
      { words: phraseList.default([]), pattern: pattern.optional() },
      'key(s)',
      'expected words and/or pattern',
    ).refine((s) => s.words.length > 0 || s.pattern !== undefined, { error: 'supplied_by needs words or a pattern' }),
    office_contact: z.enum(['phone', 'email', 'url'], { error: 'expected phone, email or url' }).optional(),
    topic_only: z.boolean({ error: 'expected true or false' }).optional(),
    missing: z.string({ error: 'expected the sentence the bot says when the detail is missing' }).trim().min(1),
  },
  'setting(s)',
  'expected asked_by, supplied_by, missing and optionally office_contact, topic_only',
);

/**
 * `_meta/details.yml`: the kinds of detail a question can ask for (a phone number, a paragraph …), the words
 * that ask for each and what an article must contain to supply it (compiled by `detail-kinds.ts`).
 */
export const detailsFileSchema = strictObject(
  {
    unknown_markers: phraseList.default([]),
    office: z.strictObject({ articles: z.array(z.string()).default([]) }).default({ articles: [] }),
    details: z.record(z.string(), detailSchema, { error: 'expected the details, each with asked_by, supplied_by and missing' }),
  },
  'section(s)',
  'expected the sections unknown_markers, office and details',
);

export type DetailsFile = z.infer<typeof detailsFileSchema>;

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
