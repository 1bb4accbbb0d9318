import { describe, expect, it } from 'vitest';
import { buildReport, containsExpected, passes, type EvalQuestion } from '../../src/evaluation/scoring.js';

describe('evaluation scoring', () => {
  it.each([
    ['Das dauert fünf Jahre.', 'ja', false],
    ['Ja, das geht.', 'ja', true],
    ['Seit 2019 gilt', '2019', true],
    ['Seit 20190 gilt', '2019', false],
    ['nach dem KGG.', 'KGG', true],
    ['Zweckverbände sind', 'Zweckverb', true],
    ['zwei  bis\n drei Monate', 'bis drei monate', true],
  ])('in "%s" finds "%s": %s', (reply, needle, expected) => {
    expect(containsExpected(reply, needle)).toBe(expected);
  });

  const answerable: EvalQuestion = { id: 'a', question: 'q', kind: 'answerable', must_contain_any: [['75.000', '75000'], ['Kommunen']] };
  const outOfScope: EvalQuestion = { id: 'o', question: 'q', kind: 'out_of_scope', must_contain_any: [] };

  it('passes an answer only when every group is matched', () => {
    expect(passes(answerable, { outcome: 'answer', reply: '75.000 € für drei Kommunen' })).toBe(true);
    expect(passes(answerable, { outcome: 'answer', reply: '75.000 € für drei Gemeinden' })).toBe(false);
  });

  it('passes an out-of-scope question only with no_answer', () => {
    expect(passes(outOfScope, { outcome: 'no_answer', reply: 'Weiß ich nicht' })).toBe(true);
    expect(passes(outOfScope, { outcome: 'clarify', reply: 'Meinen Sie …' })).toBe(false);
  });

  it('summarises by kind', () => {
    const report = buildReport([
      { question: answerable, observation: { outcome: 'answer', reply: '75000 Kommunen' } },
      { question: outOfScope, observation: { outcome: 'answer', reply: 'x' } },
    ]);
    expect(report).toMatchObject({
      total: 2,
      passed: 1,
      accuracy: 0.5,
      byKind: { answerable: { passed: 1 }, out_of_scope: { passed: 0 } },
    });
  });
});
