/** One line of an evaluation set (format: `docs/evaluation.md`). */
export interface EvalQuestion {
  id: string;
  question: string;
  kind: 'answerable' | 'out_of_scope';
  must_contain_any: string[][];
  topic?: string;
  /** The user's earlier messages, sent first in the same conversation; only the reply to `question` is scored. */
  context?: string[];
}

export type EvalOutcome = 'answer' | 'no_answer' | 'clarify' | 'dialog';

/** What the bot did with one question. */
export interface EvalObservation {
  outcome: EvalOutcome;
  articleId?: string;
  score?: number;
  reply: string;
}

/** Strings this short must stand as a whole word (`ja` must not match inside `Jahr`). */
const WHOLE_WORD_MAX_LENGTH = 4;

const collapse = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** True when `reply` contains `needle` as the evaluation format defines it. */
export function containsExpected(reply: string, needle: string): boolean {
  const haystack = collapse(reply);
  const wanted = collapse(needle);
  if (wanted.length === 0) return true;
  if (wanted.length > WHOLE_WORD_MAX_LENGTH) return haystack.includes(wanted);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(wanted, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? '';
    const after = haystack[at + wanted.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}

/** Whether one observation passes its question. */
export function passes(question: EvalQuestion, observation: EvalObservation): boolean {
  if (question.kind === 'out_of_scope') return observation.outcome === 'no_answer';
  return question.must_contain_any.every((group) => group.some((needle) => containsExpected(observation.reply, needle)));
}

/** Reads a JSONL evaluation set; a bad line is an error naming its line number. */
export function parseEvalSet(text: string, file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let data: Partial<EvalQuestion>;
    try {
      data = JSON.parse(line) as Partial<EvalQuestion>;
    } catch {
      throw new Error(`${file}:${index + 1}: not valid JSON`);
    }
    const valid =
      typeof data.id === 'string' &&
      typeof data.question === 'string' &&
      (data.kind === 'answerable' || data.kind === 'out_of_scope') &&
      Array.isArray(data.must_contain_any) &&
      data.must_contain_any.every((g) => Array.isArray(g) && g.every((s) => typeof s === 'string')) &&
      isContext(data.context);
    if (!valid)
      throw new Error(
        `${file}:${index + 1}: expected id, question, kind (answerable|out_of_scope), must_contain_any and optionally context (a list of messages)`,
      );
    questions.push(data as EvalQuestion);
  });
  return questions;
}

/** Wrong confident answers: how many, and their share of all questions. */
export interface WrongConfident {
  count: number;
  share: number;
}

/** The totals of a group of questions (a kind or a topic). */
export interface GroupTotals {
  total: number;
  passed: number;
  wrongConfident: number;
}

/** The summary object `npm run eval -- --json` prints. */
export interface EvalReport {
  total: number;
  passed: number;
  accuracy: number;
  /** Answered (outcome `answer`) but wrong: without the expected facts, or any answer to an out-of-scope question. */
  wrongConfident: WrongConfident;
  byKind: Record<'answerable' | 'out_of_scope', { total: number; passed: number }>;
  /** Per `topic` of the questions (the kind of question in the clerk sets); questions without one under `-`. */
  byTopic: Record<string, GroupTotals>;
  results: Array<
    { id: string; kind: EvalQuestion['kind']; topic?: string; pass: boolean; wrongConfident: boolean } & Omit<EvalObservation, 'reply'> & {
        reply: string;
      }
  >;
}

/**
 * True when the bot answered (outcome `answer`) and was wrong: an answerable question without the
 * expected facts, or an out-of-scope question answered at all. Worse than saying "I don't know".
 */
export function isWrongConfident(question: EvalQuestion, observation: EvalObservation): boolean {
  return observation.outcome === 'answer' && (question.kind === 'out_of_scope' || !passes(question, observation));
}

/** Scores observations against their questions (pure). */
export function buildReport(items: Array<{ question: EvalQuestion; observation: EvalObservation }>): EvalReport {
  const byKind = { answerable: { total: 0, passed: 0 }, out_of_scope: { total: 0, passed: 0 } };
  const byTopic: Record<string, GroupTotals> = {};
  const results = items.map(({ question, observation }) => {
    const pass = passes(question, observation);
    const wrongConfident = isWrongConfident(question, observation);
    byKind[question.kind].total++;
    if (pass) byKind[question.kind].passed++;
    const topic = (byTopic[question.topic ?? '-'] ??= { total: 0, passed: 0, wrongConfident: 0 });
    topic.total++;
    if (pass) topic.passed++;
    if (wrongConfident) topic.wrongConfident++;
    return {
      id: question.id,
      kind: question.kind,
      ...(question.topic !== undefined && { topic: question.topic }),
      pass,
      wrongConfident,
      ...observation,
    };
  });
  const passed = results.filter((r) => r.pass).length;
  const total = results.length;
  const wrong = results.filter((r) => r.wrongConfident).length;
  return {
    total,
    passed,
    accuracy: ratio(passed, total),
    wrongConfident: { count: wrong, share: ratio(wrong, total) },
    byKind,
    byTopic,
    results,
  };
}

/** One line of an intent set: a message and the intent it expresses (format: `docs/evaluation.md`). */
export interface EvalIntent {
  id: string;
  text: string;
  intent: ExpectedIntent;
  context?: string[];
}

/** The intents an intent set names. */
export const EXPECTED_INTENTS = [
  'handoff',
  'eligibility',
  'application',
  'question',
  'help',
  'restart',
  'greeting',
  'thanks',
  'goodbye',
] as const;
export type ExpectedIntent = (typeof EXPECTED_INTENTS)[number];

/** What the bot did with a message of an intent set. */
export interface IntentObservation {
  outcome: EvalOutcome | 'smalltalk';
  /** The guided dialog the turn left running. */
  dialog?: 'eligibility' | 'application' | 'handoff';
  /** The small talk the bot answered. */
  smalltalk?: string;
  /** The guided dialog offered as the first button of the reply. */
  offered?: 'eligibility' | 'application';
}

/**
 * Whether the bot did what the message asked: `handoff` starts the handoff dialog; `eligibility` and
 * `application` start that dialog or offer it as the first button; `question` is answered or clarified
 * (no dialog, no small talk); the small-talk intents get that small talk.
 */
export function intentPasses(expected: ExpectedIntent, observation: IntentObservation): boolean {
  switch (expected) {
    case 'handoff':
      return observation.dialog === 'handoff';
    case 'eligibility':
    case 'application':
      return observation.dialog === expected || (observation.outcome !== 'dialog' && observation.offered === expected);
    case 'question':
      return observation.outcome === 'answer' || observation.outcome === 'clarify';
    default:
      return observation.outcome === 'smalltalk' && observation.smalltalk === expected;
  }
}

/** The summary of an intent set (`npm run eval -- --file eval/intents.jsonl --json`). */
export interface IntentReport {
  total: number;
  passed: number;
  accuracy: number;
  byIntent: Record<string, { total: number; passed: number }>;
  results: Array<{ id: string; intent: ExpectedIntent; pass: boolean } & IntentObservation>;
}

/** Scores an intent set (pure). */
export function buildIntentReport(items: Array<{ item: EvalIntent; observation: IntentObservation }>): IntentReport {
  const byIntent: Record<string, { total: number; passed: number }> = {};
  const results = items.map(({ item, observation }) => {
    const pass = intentPasses(item.intent, observation);
    const group = (byIntent[item.intent] ??= { total: 0, passed: 0 });
    group.total++;
    if (pass) group.passed++;
    return { id: item.id, intent: item.intent, pass, ...observation };
  });
  const passed = results.filter((r) => r.pass).length;
  return { total: results.length, passed, accuracy: ratio(passed, results.length), byIntent, results };
}

/** Reads an evaluation file: a question set, or an intent set (lines with `text` and `intent`); a bad line is an error naming its line number. */
export function parseEvalFile(
  text: string,
  file: string,
): { kind: 'questions'; questions: EvalQuestion[] } | { kind: 'intents'; intents: EvalIntent[] } {
  const first = text.split('\n').find((line) => line.trim() !== '');
  let intents = false;
  try {
    const data = first ? (JSON.parse(first) as Record<string, unknown>) : {};
    intents = typeof data.intent === 'string' && data.question === undefined;
  } catch {
    // parseEvalSet names the line.
  }
  return intents ? { kind: 'intents', intents: parseIntentSet(text, file) } : { kind: 'questions', questions: parseEvalSet(text, file) };
}

/** Reads a JSONL intent set (`id`, `text`, `intent`, optionally `context`); a bad line is an error naming its line number. */
export function parseIntentSet(text: string, file: string): EvalIntent[] {
  const items: EvalIntent[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let data: Partial<EvalIntent>;
    try {
      data = JSON.parse(line) as Partial<EvalIntent>;
    } catch {
      throw new Error(`${file}:${index + 1}: not valid JSON`);
    }
    const valid =
      typeof data.id === 'string' &&
      typeof data.text === 'string' &&
      EXPECTED_INTENTS.includes(data.intent as ExpectedIntent) &&
      isContext(data.context);
    if (!valid)
      throw new Error(
        `${file}:${index + 1}: expected id, text, intent (${EXPECTED_INTENTS.join('|')}) and optionally context (a list of messages)`,
      );
    items.push(data as EvalIntent);
  });
  return items;
}

function isContext(context: unknown): boolean {
  return context === undefined || (Array.isArray(context) && context.every((m) => typeof m === 'string'));
}

function ratio(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 10000) / 10000;
}
