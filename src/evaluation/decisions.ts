import type { AnswerDecision } from '../knowledge/answer-engine.js';
import type { EvalQuestion } from './scoring.js';

/** What the answer decision made of one question: the outcome and, for an answer, the article. */
export interface RecordedDecision {
  outcome: AnswerDecision['outcome'];
  articleId?: string;
}

/** Question id → decision, for one question set. */
export type DecisionRecord = Record<string, RecordedDecision>;

/**
 * The answer decision for every question of a set (the knowledge engine alone, without the bot's
 * dialogs and small talk), keyed by question id: what a change of the engine must keep.
 *
 * @example
 * ```ts
 * const record = recordDecisions((q) => knowledge.answer(q), parseEvalSet(text, file));
 * ```
 */
export function recordDecisions(answer: (question: string) => AnswerDecision, questions: readonly EvalQuestion[]): DecisionRecord {
  const record: DecisionRecord = {};
  for (const { id, question } of questions) {
    const decision = answer(question);
    record[id] = decision.outcome === 'answer' ? { outcome: 'answer', articleId: decision.article.id } : { outcome: decision.outcome };
  }
  return record;
}

/** One question whose decision differs between two records. */
export interface DecisionChange {
  id: string;
  before?: RecordedDecision;
  after?: RecordedDecision;
}

/** The questions whose outcome or article differs (also those only one record has). */
export function compareDecisions(before: DecisionRecord, after: DecisionRecord): DecisionChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const same = (a?: RecordedDecision, b?: RecordedDecision) => a?.outcome === b?.outcome && a?.articleId === b?.articleId;
  return ids.filter((id) => !same(before[id], after[id])).map((id) => ({ id, before: before[id], after: after[id] }));
}
