import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDecisions, recordDecisions, type DecisionRecord } from '../src/evaluation/decisions.js';
import { parseEvalSet } from '../src/evaluation/scoring.js';
import { knowledgeOf, SHIPPED_KB } from './helpers/bot-harness.js';

/**
 * The decisions (outcome and article) the knowledge engine makes on the project's question set, as
 * recorded by `npx tsx scripts/decisions.ts --write test/fixtures/expected-decisions.json eval/team-questions.jsonl`.
 * A change to the engine (or the shipped knowledge) that changes one must be looked at and the file
 * written again on purpose.
 */
const expected = JSON.parse(readFileSync(new URL('./fixtures/expected-decisions.json', import.meta.url), 'utf8')) as Record<
  string,
  DecisionRecord
>;

describe('knowledge engine', () => {
  it('makes the same decisions on all question sets', async () => {
    const knowledge = await knowledgeOf(SHIPPED_KB);
    const file = new URL('../eval/team-questions.jsonl', import.meta.url);
    const questions = parseEvalSet(readFileSync(file, 'utf8'), 'eval/team-questions.jsonl');
    const decisions = recordDecisions((question) => knowledge.answer(question), questions);
    expect(Object.keys(decisions).length).toBeGreaterThan(50);
    expect(compareDecisions(expected['team-questions.jsonl']!, decisions)).toEqual([]);
  });
});
