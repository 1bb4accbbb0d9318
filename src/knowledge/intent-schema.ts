import { z } from 'zod';
import { strictObject } from './schema-messages.js';

/**
 * What a message can ask for besides a search: the bot's own intents, and `question` for counter-examples
 * (messages that mention the office or a dialog but are questions for the knowledge base).
 */
const INTENT_NAMES = [
  'handoff',
  'contact',
  'eligibility',
  'application',
  'help',
  'restart',
  'greeting',
  'thanks',
  'goodbye',
  'question',
] as const;

export type IntentName = (typeof INTENT_NAMES)[number];

const word = z.union([z.string(), z.number()], { error: 'expected a word' }).transform(String);
const wordList = z.array(word, { error: 'expected a list of words' }).default([]);

const example = z
  .string({ error: 'expected an example sentence (text)' })
  .trim()
  .min(1, { error: 'an example must not be empty' })
  .max(300, { error: 'an example may have at most 300 characters' });

const intentSchema = strictObject(
  {
    threshold: z
      .number({ error: 'expected a number between 0.3 and 1' })
      .min(0.3, { error: 'threshold below 0.3 would match almost anything' })
      .max(1, { error: 'threshold above 1 can never be reached' })
      .optional(),
    within_longer_messages: z.boolean({ error: 'expected true or false' }).default(false),
    // Read per sentence, and in a question only when the asker asks for it (words.self, question_words, asking).
    own_request_in_questions: z.boolean({ error: 'expected true or false' }).optional(),
    examples: z.array(example, { error: 'expected a list of example sentences' }).min(1, { error: 'an intent needs at least one example' }),
  },
  'setting(s)',
  'expected threshold, within_longer_messages, own_request_in_questions and examples',
);

const wordsSchema = strictObject(
  {
    keep: wordList,
    ignore: wordList,
    // What tells a request ("Kann mich jemand anrufen?") from a question about the office ("Wie erreiche ich …?").
    self: wordList,
    question_words: wordList,
    asking: wordList,
    // The asker's own side ("uns", "unser"): fills an example's word, but with one more word makes no request yet.
    own_side: wordList,
    // Heads of a compound that asks for its first part ("Terminwunsch", "Rückrufbitte").
    request_nouns: wordList,
    // Verbs that, with a word of manner ("wie", "am besten"), ask to be guided ("Wie gehen wir vor?").
    proceeding: wordList,
    // Verbs of advising: "Wer kann uns beraten?" asks for a person as "Kann uns jemand beraten?" does.
    advising: wordList,
    // A person of the office, or the asker to be reached ("Beraterin", "jemand", "mich"): with one, a message that fits
    // both asks for the person (handoff), without one for the office's contact data (contact).
    persons: wordList,
    groups: z
      .array(
        z
          .array(word.pipe(z.string().regex(/^[^\s]+$/u, { error: 'a group entry must be a single word' })), {
            error: 'expected a list of words',
          })
          .min(2, { error: 'a group needs at least 2 words' }),
        { error: 'expected a list of word groups' },
      )
      .default([]),
  },
  'word list(s)',
  'expected the word lists keep, ignore, self, question_words, asking, own_side, request_nouns, proceeding, advising, persons and groups',
);

/** The word lists of an intents file that has none (each list empty); a fresh object each call. */
export function noIntentWords(): IntentsFile['words'] {
  return wordsSchema.parse({});
}

/**
 * `_meta/intents.yml`: the example utterances per intent that the bot recognises messages by (see
 * `src/understanding/intent-recognizer.ts`), and the words that carry an intent although search ignores them.
 */
export const intentsFileSchema = strictObject(
  {
    words: wordsSchema.prefault({}),
    intents: z.partialRecord(z.enum(INTENT_NAMES), intentSchema, {
      // zod reports keys outside the enum as `unrecognized_keys` (its types do not say so).
      error: (issue) => {
        const keys = (issue as { keys?: string[] }).keys;
        return keys
          ? `unknown intent(s) ${keys.join(', ')} (known: ${INTENT_NAMES.join(', ')})`
          : 'expected the intents, each with its examples';
      },
    }),
  },
  'section(s)',
  'expected the sections words and intents',
);

export type IntentsFile = z.infer<typeof intentsFileSchema>;
