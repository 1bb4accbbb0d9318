import { describe, expect, it } from 'vitest';
import { HELP_WORDS, asHelpQuestion } from '../../src/understanding/help-reading.js';
import { SHIPPED_KB, conversationWith, seen } from '../helpers/bot-harness.js';

describe('a question for someone who helps', () => {
  it.each([
    'Gibts jemanden, der uns da an die Hand nimmt?',
    'Wir wissen nicht, wo wir anfangen sollen. Wer kann uns da weiterhelfen?',
    'Wer kann uns bei der Antragstellung beraten?',
    'Wo kriegen wir Unterstützung?',
    'Hat das Land Leute, die einem bei der Gründung zur Seite stehen?',
    'Kann uns jemand helfen, den Antrag auszufüllen?',
    'Kommt auch mal jemand zu uns raus?',
    'An wen können wir uns wenden?',
    'an wen wende ich mich?',
    'Wo ruf ich da am besten an?',
    'Wen kann man da anrufen?',
    'Bei wem melden wir uns, wenn wir loslegen wollen?',
  ])('reads "%s" with the words of advice', (question) => {
    expect(asHelpQuestion(question)).toContain(`(${HELP_WORDS})`);
  });

  it('adds the words to the question that asks for help, before its question mark', () => {
    expect(asHelpQuestion('Wir sind neu dabei. Wer hilft uns? Danke.')).toBe(`Wir sind neu dabei. Wer hilft uns (${HELP_WORDS})? Danke.`);
  });

  it.each(['Kann mir das jemand bestätigen?', 'Wer entscheidet über den Antrag?', 'Wie viel Geld gibt es für drei Gemeinden?'])(
    'leaves "%s", which asks for no helper',
    (question) => {
      expect(asHelpQuestion(question)).toBeUndefined();
    },
  );

  it.each<[string, string]>([
    [
      'Bin neu als Bürgermeister und hab keinen Plan, wie man sowas mit den Nachbarn aufzieht. Gibts jemanden, der uns da an die Hand nimmt?',
      'beratungszentrum',
    ],
    ['Wir haben sowas noch nie gemacht. Wo kriegen wir Unterstützung?', 'beratungszentrum'],
    ['Wer kann uns bei der Antragstellung beraten?', 'beratungszentrum'],
    ['Gibts da irgendwo Hilfe für kleine Gemeinden, die sowas zum ersten Mal machen?', 'beratungszentrum'],
    // A matter with a helper of its own keeps that helper.
    ['Wir hatten einen Cyberangriff, alles ist verschlüsselt. Wer hilft uns jetzt?', 'hessen3c'],
    ['unser server spinnt und wir glauben da war ein hacker drin, wer hilft uns jetzt', 'hessen3c'],
    // A story with words no article has still leads to the helper it names.
    [
      'Dringend!! Bei uns sind alle Rechner verschlüsselt, auf den Bildschirmen steht eine Lösegeldforderung. Wer hilft uns jetzt vom Land??',
      'hessen3c',
    ],
    // Of the services that help, the one the story's matter fits, also when an idiom tells the matter's state.
    ['Unsere Finanzen sind total auf Kante genäht. Kennen Sie eine Stelle, die uns beim Haushalt Tipps gibt?', 'haushaltsberatung'],
    ['Der Haushalt wächst uns über den Kopf. Gibt es jemanden, der uns da unter die Arme greift?', 'haushaltsberatung'],
  ])('answers "%s" from %s', async (question, articleId) => {
    const { conversation, outcomes } = await conversationWith(SHIPPED_KB);
    seen(await conversation.say(question));
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'answer', articleId });
  });
});
