import { describe, expect, it } from 'vitest';
import { SCOPE_WORDS, asScopeQuestion } from '../../src/understanding/scope-reading.js';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

describe('a question whether a narrow piece of work is enough for the funding', () => {
  it.each([
    '3 Gemeinden wollen nur das Kopierpapier gemeinsam einkaufen. Ist das förderfähig?',
    'wir wollen mit 3 gemeinden nur das kopierpapier gemeinsam bestellen, fördert das land sowas?',
    'friedhofsverwaltung gemeinsam mit nachbarn, zaehlt das fuer die ikz foerderung oder is das zu klein?',
  ])('reads "%s" as a question about the rule that the field must be wesentlich', async (question) => {
    expect(asScopeQuestion(question)).toContain(SCOPE_WORDS);
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    const reply = seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId: 'aufgabenbereiche' });
    expect(reply.text).toMatch(/wesentlich/u);
  });

  it.each([
    // A count of partners, or the asker's own size, is another rule.
    'Wir sind nur zu zweit. Geht das trotzdem?',
    'Dürfen wir da überhaupt mitmachen? Wir sind nur eine kleine Gemeinde mit 3000 Leuten.',
    // Nothing narrow is told, or nothing done together.
    'Ist ein gemeinsamer Bauhof förderfähig?',
    'kaemmerei: wir kommen laut berechnung nur auf ca 10 % einsparung pro jahr. reicht das noch für die förderung?',
    'Wer muss bei uns zustimmen, damit wir beim IKZ-Projekt mitmachen dürfen? Reicht es, wenn der Bürgermeister das macht?',
  ])('leaves "%s"', (question) => {
    expect(asScopeQuestion(question)).toBeUndefined();
  });
});
