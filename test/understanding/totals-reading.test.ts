import { describe, expect, it } from 'vitest';
import { TOTALS_WORDS, asTotalsQuestion } from '../../src/understanding/totals-reading.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** The shipped analyser's search terms of a text (stemmed, stop words left out). */
const knowledge = await knowledgeOf(SHIPPED_KB);
const termsOf = (text: string) => knowledge.terms(text);

describe('a question how much the programme has funded so far', () => {
  it('reads "sowas" after an answer against that answer’s topic, not as a question for the figures', async () => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    await conversation.say('Was ist ein Gemeindeverwaltungsverband?');
    seen(await conversation.say('Haben andere sowas schon gemacht?'));
    expect(outcomes.at(-1)).not.toMatchObject({ articleId: 'statistik' });
  });

  it('adds the words of the figures to the sentence that asks for the count', () => {
    expect(asTotalsQuestion('Wir sind neugierig. Wie viele solche Projekte hat das Land schon bezahlt?', termsOf)).toBe(
      `Wir sind neugierig. Wie viele solche Projekte hat das Land schon bezahlt (${TOTALS_WORDS})?`,
    );
  });

  it.each([
    // No count so far: a rule ("müssen"), or a count without a time.
    'Wie viele Gemeinden müssen mitmachen?',
    'Wie viele Projekte werden gefördert?',
    // The asker's own case: only the office knows it.
    'Wie viel Geld haben wir schon bekommen?',
    // Another topic's figures.
    'Wie viele Kommunen haben beim AKC schon mitgemacht?',
  ])('leaves "%s"', (question) => {
    expect(asTotalsQuestion(question, termsOf)).toBeUndefined();
  });

  it.each([
    'Wie viele Kooperationen wurden schon gefördert?',
    'Wie viele solche Projekte hat das Land denn schon bezahlt?',
    'Wie oft wurde das Programm bisher genutzt?',
    'Wie viele Projekte wurden 2024 unterstützt?',
    'Mit wieviel Millionen hat das Land die Zusammenarbeit seit 2008 unterstützt?',
    // How common cooperation is.
    'Machen das eigentlich viele Gemeinden in Hessen?',
    'Haben andere Gemeinden sowas schon gemacht?',
    'Wie verbreitet ist IKZ in Hessen?',
  ])('answers "%s" with the programme’s figures', async (question) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'statistik' });
    expect(reply.text).toContain('533');
  });
});
