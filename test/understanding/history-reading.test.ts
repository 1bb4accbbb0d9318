import { describe, expect, it } from 'vitest';
import { HISTORY_QUESTION, asHistoryQuestion } from '../../src/understanding/history-reading.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** The shipped analyser's search terms of a text (stemmed, stop words left out). */
const knowledge = await knowledgeOf(SHIPPED_KB);
const termsOf = (text: string) => knowledge.terms(text);

describe('a question since when the programme funds cooperation', () => {
  it.each([
    'Seit wann fördert Hessen eigentlich die Zusammenarbeit von Gemeinden?',
    'Seit wann gibt es dieses Landesgeld für Gemeinden, die zusammenarbeiten?',
    'Seit welchem Jahr zahlt das Land Zuschüsse für gemeinsame Projekte?',
    'Ab wann gab es in Hessen Fördermittel für interkommunale Projekte?',
  ])('reads "%s" as a question about the programme’s history, answered from its versions', async (question) => {
    expect(asHistoryQuestion(question, termsOf)).toBe(HISTORY_QUESTION);
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'historie-fassungen' });
    expect(reply.text).toContain('2004');
  });

  it.each([
    // Another topic's start, or a rule that came later.
    'Seit wann gibt es das Beratungszentrum?',
    'Seit wann werden Feuerwehrfusionen gefördert?',
    // No question for a start.
    'Wie lange dauert die Förderung?',
  ])('leaves "%s"', (question) => {
    expect(asHistoryQuestion(question, termsOf)).toBeUndefined();
  });
});
