import { describe, expect, it } from 'vitest';
import {
  buildIntentReport,
  buildReport,
  containsExpected,
  intentPasses,
  parseEvalFile,
  parseEvalSet,
  passes,
  type EvalQuestion,
  type ExpectedIntent,
  type IntentObservation,
} from '../../src/evaluation/scoring.js';

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

  it('counts wrong confident answers: answered without the expected facts, or an out-of-scope question answered at all', () => {
    const report = buildReport([
      { question: { ...answerable, topic: 'amount' }, observation: { outcome: 'answer', reply: '75.000 € für drei Kommunen' } },
      { question: { ...answerable, id: 'b', topic: 'amount' }, observation: { outcome: 'answer', reply: '50.000 € für zwei Gemeinden' } },
      { question: { ...answerable, id: 'c', topic: 'amount' }, observation: { outcome: 'no_answer', reply: 'Weiß ich nicht' } },
      { question: { ...outOfScope, topic: 'out-of-scope' }, observation: { outcome: 'answer', reply: 'Irgendwas' } },
    ]);
    expect(report.wrongConfident).toEqual({ count: 2, share: 0.5 });
    expect(report.results.map((r) => r.wrongConfident)).toEqual([false, true, false, true]);
    expect(report.byTopic).toEqual({
      amount: { total: 3, passed: 1, wrongConfident: 1 },
      'out-of-scope': { total: 1, passed: 0, wrongConfident: 1 },
    });
  });

  it('reads the earlier messages of a follow-up (context), and names the line of a broken one', () => {
    const line = JSON.stringify({
      id: 'f1',
      context: ['Wie viel gibt es für drei Gemeinden?'],
      question: 'Und für fünf?',
      kind: 'answerable',
      must_contain_any: [['100.000']],
    });
    expect(parseEvalSet(line, 'f.jsonl')[0]?.context).toEqual(['Wie viel gibt es für drei Gemeinden?']);
    expect(() => parseEvalSet(`${line}\n${line.replace('["Wie viel', '[3, "Wie viel')}`, 'f.jsonl')).toThrow(
      'f.jsonl:2: expected id, question, kind',
    );
  });
});

describe('intent set scoring', () => {
  it.each<[ExpectedIntent, IntentObservation, boolean]>([
    ['handoff', { outcome: 'dialog', dialog: 'handoff' }, true],
    ['handoff', { outcome: 'answer' }, false],
    ['eligibility', { outcome: 'dialog', dialog: 'eligibility' }, true],
    ['eligibility', { outcome: 'answer', offered: 'eligibility' }, true],
    ['eligibility', { outcome: 'answer', offered: 'application' }, false],
    ['application', { outcome: 'clarify', offered: 'application' }, true],
    ['question', { outcome: 'answer' }, true],
    ['question', { outcome: 'clarify' }, true],
    ['question', { outcome: 'dialog', dialog: 'handoff' }, false],
    ['question', { outcome: 'smalltalk', smalltalk: 'help' }, false],
    ['thanks', { outcome: 'smalltalk', smalltalk: 'thanks' }, true],
    ['thanks', { outcome: 'smalltalk', smalltalk: 'goodbye' }, false],
  ])('%s passes with %o: %s', (intent, observation, expected) => {
    expect(intentPasses(intent, observation)).toBe(expected);
  });

  it('tells an intent set from a question set by its lines, and sums up per intent', () => {
    const file = parseEvalFile(
      '{"id": "i1", "text": "Danke", "intent": "thanks"}\n{"id": "i2", "text": "Hilfe", "intent": "help", "context": ["Hallo"]}\n',
      'i.jsonl',
    );
    expect(file).toMatchObject({ kind: 'intents', intents: [{ id: 'i1' }, { id: 'i2', context: ['Hallo'] }] });
    expect(() => parseEvalFile('{"id": "i1", "text": "Danke", "intent": "dank"}\n', 'i.jsonl')).toThrow(
      'i.jsonl:1: expected id, text, intent',
    );
    const report = buildIntentReport([
      { item: { id: 'i1', text: 'Danke', intent: 'thanks' }, observation: { outcome: 'smalltalk', smalltalk: 'thanks' } },
      { item: { id: 'i2', text: 'Hilfe', intent: 'help' }, observation: { outcome: 'answer' } },
    ]);
    expect(report).toMatchObject({
      total: 2,
      passed: 1,
      accuracy: 0.5,
      byIntent: { thanks: { total: 1, passed: 1 }, help: { total: 1, passed: 0 } },
    });
  });
});
