import { describe, expect, it } from 'vitest';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

/** The reply to one message on the shipped knowledge base, and the outcome. */
async function ask(message: string) {
  const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
  const reply = seen(await conversation.say(message));
  return { reply, outcome: outcomes.at(-1) };
}

describe('a letter is answered from its question sentences, the context read only where they refer to it', () => {
  it('reads "dafür" in the question against the context sentences of the same letter', async () => {
    const { reply, outcome } = await ask(
      'Sehr geehrte Damen und Herren,\n\nvier Städte im Main-Kinzig-Kreis denken über einen gemeinsamen Gemeindeverwaltungsverband nach. ' +
        'Zuerst soll ein Büro in einer Machbarkeitsstudie prüfen, ob sich das lohnt.\n\nGibt es dafür einen Zuschuss vom Land?\n\nMit freundlichen Grüßen\nHauptamt',
    );
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'projektentwicklung' });
    expect(reply.text).toContain('Machbarkeitsstudie');
  });

  it('answers both questions of a letter, the amount computed for the case it names', async () => {
    const { reply, outcome } = await ask(
      'Guten Tag,\n\nunsere Gemeinde möchte mit zwei Nachbargemeinden die Kasse gemeinsam führen. ' +
        'Mit welcher Förderung können wir als drei Gemeinden rechnen, und welche Voraussetzungen müssen wir erfüllen?\n\nViele Grüße',
    );
    expect(outcome).toMatchObject({ outcome: 'answer' });
    expect(reply.text).toContain('75.000 €');
    expect(reply.text).toContain('Fördervoraussetzungen');
    expect(reply.text).toMatch(/mindestens aber 5 Jahre|15 %/);
  });
});

describe('two questions in one message', () => {
  it('answers both from two articles, each with its source, the amount for a named case computed', async () => {
    const { reply } = await ask('Was bleibt bei einem GVV den Gemeinden, und welche Förderung bekommt ein GVV mit vier Gemeinden?');
    expect(reply.text).toContain('zwei Fragen');
    expect(reply.text).toContain('600.000 €');
    expect(reply.text.match(/Quelle:/g)?.length).toBe(2);
  });

  it('answers a second question that opens with "seit wann" from its own article', async () => {
    const { reply } = await ask('Gilt die Richtlinie noch bis Ende 2026, und seit wann existiert das Förderprogramm überhaupt?');
    expect(reply.text).toContain('zwei Fragen');
    expect(reply.text).toContain('seit 2004');
  });

  it('shows for two questions answered by one article the section each of them asks for', async () => {
    const { reply, outcome } = await ask('Wer prüft den IKZ-Antrag, und wie lange dauert die Bearbeitung?');
    expect(outcome).toMatchObject({ outcome: 'answer', articleId: 'antragsverfahren' });
    expect(reply.text).toContain('Wer prüft den Antrag');
    expect(reply.text).toContain('Wie lange dauert die Bearbeitung');
  });
});

describe('a comparison', () => {
  it('gives for each side the key statement of its article and what its first section says it is', async () => {
    const { reply } = await ask('Worin unterscheiden sich ein Zweckverband und eine öffentlich-rechtliche Vereinbarung?');
    expect(reply.text).toContain('im Vergleich');
    expect(reply.text).toContain('juristische Person');
    expect(reply.text).toContain('Bei der Delegation übernimmt');
  });
});
