import { describe, expect, it } from 'vitest';
import { AVAILABILITY_QUESTION, asAvailabilityQuestion } from '../../src/understanding/availability-reading.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** The shipped analyser's search terms of a text (stemmed, stop words such as "gibts", "was", "vom" left out). */
const knowledge = await knowledgeOf(SHIPPED_KB);
const termsOf = (text: string) => knowledge.terms(text);

describe('a question whether the Land pays anything for a cooperation', () => {
  it.each([
    'Zusammenarbeit mit dem Nachbarort – gibt es da was vom Land?',
    'Wenn wir mit den Nachbargemeinden zusammenarbeiten, gibts dafür etwas vom Land?',
    'Zahlt das Land da was dazu, wenn man mit den Nachbarn was gemeinsam macht?',
  ])('reads "%s" as a question about the programme', (question) => {
    expect(asAvailabilityQuestion(question, termsOf)).toBe(AVAILABILITY_QUESTION);
  });

  it('leaves a question that names a topic of its own ("Machbarkeitsstudie")', () => {
    expect(asAvailabilityQuestion('Gibt es was vom Land für eine Machbarkeitsstudie?', termsOf)).toBeUndefined();
  });

  it('leaves a question that asks something else of the Land', () => {
    expect(asAvailabilityQuestion('Gibt es eine Genehmigung vom Land für die Zusammenarbeit?', termsOf)).toBeUndefined();
  });

  it('is answered by the overview of the funding programme', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('wenn wir mit den nachbarorten was zusammen machen, gibts da was vom land?'));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'foerderprogramm' });
    expect(reply.text).toContain('Rahmenvereinbarung');
  });
});
