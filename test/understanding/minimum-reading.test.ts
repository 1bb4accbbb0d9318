import { describe, expect, it } from 'vitest';
import { MINIMUM_QUESTION, PAIR_QUESTION, asMinimumQuestion } from '../../src/understanding/minimum-reading.js';
import { SHIPPED_KB, conversationWith, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** The shipped analyser's search terms of a text (stemmed, stop words left out). */
const knowledge = await knowledgeOf(SHIPPED_KB);
const termsOf = (text: string) => knowledge.terms(text);

describe('a question how many partners a funded cooperation needs', () => {
  it.each([
    'Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?',
    'Wie viele Kommunen müssen mindestens an einer geförderten Kooperation beteiligt sein?',
    'Wie viele Gemeinden müssen bei einer geförderten IKZ mitmachen?',
    // "ab wie viel(en)" asks for the least count; typed without the ending before the partners it still counts them.
    'ab wieviel gemeinden gibt es eine Förderung für IKZ?',
  ])('reads "%s" as the rule, answered from the funding conditions', async (question) => {
    expect(asMinimumQuestion(question, termsOf)).toBe(MINIMUM_QUESTION);
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('mindestens drei Kommunen');
  });

  it.each([
    // Another topic's members, an amount, or a count of what was funded.
    'Wie viele Gemeinden muss ein GVV haben?',
    'Wie viele Kommunen müssen mitmachen, damit es 100.000 Euro gibt?',
    'Wie viele Kommunen sind an geförderten Projekten beteiligt?',
    // "wie viel" before no partners asks for an amount.
    'Ab wie viel Einwohnern gibt es Geld?',
  ])('leaves "%s"', (question) => {
    expect(asMinimumQuestion(question, termsOf)).toBeUndefined();
  });

  it.each([
    'geht IKZ auch zu zweit?',
    'wir sind nur zu zweit, geht das?',
    'und nur zu zweit geht gar nicht??',
    'Klappt das, wenn nur wir und unsere Nachbarstadt mitmachen, oder braucht man mehr?',
  ])('reads "%s" as the question whether two are enough: the exception and its amount', async (question) => {
    expect(asMinimumQuestion(question, termsOf)).toBe(PAIR_QUESTION);
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'foerdervoraussetzungen' });
    expect(reply.text).toContain('Ausnahmefällen');
    expect(reply.text).toContain('50.000 €');
  });

  it('leaves a comparison of two with three to the comparison', () => {
    expect(
      asMinimumQuestion('wir sind nur zu zweit, was ist der unterschied zu ner kooperation mit drei gemeinden', termsOf),
    ).toBeUndefined();
  });
});
