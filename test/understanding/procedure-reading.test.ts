import { describe, expect, it } from 'vitest';
import { PROCEDURE_QUESTION, asProcedureQuestion } from '../../src/understanding/procedure-reading.js';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

/** Search terms as the shipped analyser gives them for these words (stemmed, stop words such as "wie", "tun" left out). */
const TERMS: Record<string, string[]> = {
  Geld: ['geld'],
  Förderung: ['ford'],
  bekommen: ['bekomm'],
  komm: ['komm'],
  ran: ['ran'],
  drei: ['drei'],
  Gemeinden: ['gemeind'],
};
const termsOf = (text: string) => text.split(/[^\p{L}]+/u).flatMap((word) => TERMS[word] ?? []);

describe('a question how to get the funding', () => {
  it.each(['Wie komm ich an das Geld ran?', 'Wie bekommen wir die Förderung?', 'Was müssen wir tun, um an die Förderung zu kommen?'])(
    'reads "%s" as a question about the application procedure',
    (question) => {
      expect(asProcedureQuestion(question, termsOf)).toBe(PROCEDURE_QUESTION);
    },
  );

  it('leaves a question that names more than the money and getting it ("drei Gemeinden": the amount)', () => {
    expect(asProcedureQuestion('Wie viel Geld bekommen drei Gemeinden?', termsOf)).toBeUndefined();
  });

  it('leaves a question that does not ask how ("Gibt es Geld?")', () => {
    expect(asProcedureQuestion('Bekommen wir Geld?', termsOf)).toBeUndefined();
  });

  it('is answered from the article on the application procedure', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say('Wie kommen wir denn an das Geld ran?'));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'antragsverfahren' });
    expect(reply.text).toContain('Gruppenantrag');
  });
});
