/** One line of an evaluation set (format: `docs/evaluation.md`). */
export interface EvalQuestion {
  id: string;
  question: string;
  kind: 'answerable' | 'out_of_scope';
  must_contain_any: string[][];
  topic?: string;
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
      data.must_contain_any.every((g) => Array.isArray(g) && g.every((s) => typeof s === 'string'));
    if (!valid) throw new Error(`${file}:${index + 1}: expected id, question, kind (answerable|out_of_scope) and must_contain_any`);
    questions.push(data as EvalQuestion);
  });
  return questions;
}

/** The summary object `npm run eval -- --json` prints. */
export interface EvalReport {
  total: number;
  passed: number;
  accuracy: number;
  byKind: Record<'answerable' | 'out_of_scope', { total: number; passed: number }>;
  results: Array<{ id: string; kind: EvalQuestion['kind']; pass: boolean } & Omit<EvalObservation, 'reply'> & { reply: string }>;
}

/** Scores observations against their questions (pure). */
export function buildReport(items: Array<{ question: EvalQuestion; observation: EvalObservation }>): EvalReport {
  const byKind = { answerable: { total: 0, passed: 0 }, out_of_scope: { total: 0, passed: 0 } };
  const results = items.map(({ question, observation }) => {
    const pass = passes(question, observation);
    byKind[question.kind].total++;
    if (pass) byKind[question.kind].passed++;
    return { id: question.id, kind: question.kind, pass, ...observation };
  });
  const passed = results.filter((r) => r.pass).length;
  const total = results.length;
  return { total, passed, accuracy: total === 0 ? 0 : Math.round((passed / total) * 10000) / 10000, byKind, results };
}
