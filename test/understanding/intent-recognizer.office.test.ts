import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { intentsFileSchema } from '../../src/knowledge/intent-schema.js';
import { IntentRecognizer } from '../../src/understanding/intent-recognizer.js';

// The shipped intents file: a request for a person always starts the handoff, a question about the office is
// answered from the knowledge base (issue #13), and a request for the bot's own check stays the check.
const FILE = intentsFileSchema.parse(
  parse(readFileSync(fileURLToPath(new URL('../../knowledge/_meta/intents.yml', import.meta.url)), 'utf8')),
);
const recognizer = IntentRecognizer.fromFile(FILE);
const intentOf = (text: string) => recognizer.recognize(text)?.intent ?? 'question';

interface Row {
  kind: string;
  text: string;
  intent: 'handoff' | 'eligibility' | 'application' | 'contact' | 'help' | 'question';
}

/** Requests for the bot's dialogs beside words of talking, and requests for a person beside a dialog. */
const BESIDE_A_DIALOG: Row[] = [
  { kind: 'check, talked through with the bot', text: 'Sind wir förderfähig? Können Sie das mit mir durchgehen?', intent: 'eligibility' },
  {
    kind: 'check, talked through with the bot',
    text: 'Prüfen Sie bitte unser Vorhaben, können wir das zusammen durchgehen?',
    intent: 'eligibility',
  },
  {
    kind: 'check, talked through with the bot',
    text: 'Erfüllen wir die Voraussetzungen? Das würde ich gern mit Ihnen durchgehen.',
    intent: 'eligibility',
  },
  {
    kind: 'person named beside the check',
    text: 'Förderfähigkeit prüfen, aber ich möchte das lieber mit einer Beraterin durchgehen.',
    intent: 'handoff',
  },
  {
    kind: 'person named beside the check',
    text: 'Können wir gefördert werden? Ich würde das gern mit jemandem vom Beratungszentrum besprechen.',
    intent: 'handoff',
  },
  { kind: 'call back beside the check', text: 'Bitte den Förder-Check und danach einen Rückruf.', intent: 'handoff' },
];

/** Questions about the office: what it does, how far its offer goes, who advises. Answered, no dialog started. */
const ABOUT_THE_OFFICE: Row[] = [
  {
    kind: 'a colleague and a channel in a question about another matter; the modal belongs to the side clause',
    text: 'Wie lange müssen wir das E-Mail-Postfach von einem ausgeschiedenen Mitarbeiter aufheben, bevor die IT es löschen darf?',
    intent: 'question',
  },
  {
    kind: 'advising verb first, office with article',
    text: 'Begleitet uns die Beratungsstelle auch nach dem Förderbescheid noch?',
    intent: 'question',
  },
  {
    kind: 'advising verb first, office with article',
    text: 'Unterstützt uns das Kompetenzzentrum schon bei der Suche nach Partnern?',
    intent: 'question',
  },
  {
    kind: 'advising verb first, office with article',
    text: 'Berät uns das Beratungszentrum auch zur Satzung des Zweckverbands?',
    intent: 'question',
  },
  { kind: 'advising verb first, office with article', text: 'Hilft mir das Kompetenzzentrum bei der Antragstellung?', intent: 'question' },
  {
    kind: 'advising verb first, after "und"',
    text: 'Und betreut uns die Beratungsstelle auch später bei der Umsetzung?',
    intent: 'question',
  },
  { kind: 'nur … oder auch', text: 'Helfen Sie nur bei der Förderung oder auch bei der Vertragsgestaltung?', intent: 'question' },
  { kind: 'wer + kann + advising verb', text: 'Wer kann unsere Verwaltung bei einer Fusion beraten?', intent: 'question' },
  { kind: 'wer + kann + advising verb', text: 'Wer kann uns bei der Gründung eines Zweckverbands unterstützen?', intent: 'question' },
  { kind: 'wer + advising verb', text: 'Und wer hilft uns bei der Kostenaufteilung?', intent: 'question' },
  {
    kind: 'wer + kann, and how to reach them',
    text: 'Wer kann uns bei der Fusion unterstützen und wie erreichen wir die?',
    intent: 'question',
  },
  { kind: 'wer + kann, then context', text: 'Wer kann uns zum Antrag beraten? Wir sind drei Gemeinden im Odenwald.', intent: 'question' },
  { kind: 'matter word', text: 'Wobei hilft uns die Beratungsstelle?', intent: 'question' },
  // What goes into the application is a question for the documents, not a request for „Antrag stellen“.
  { kind: 'what to hand in', text: 'Was müssen wir denn alles für den Förderantrag einreichen?', intent: 'question' },
];

/** Requests for a person in the same words: a wish, the one addressed, a person named. They start the handoff. */
const REQUESTS_FOR_A_PERSON: Row[] = [
  { kind: 'the one addressed', text: 'Können Sie mich zur Fusion beraten?', intent: 'handoff' },
  { kind: 'the one addressed', text: 'Können Sie uns bei der Planung beraten?', intent: 'handoff' },
  { kind: 'stated wish', text: 'Ich möchte zu unserem Bauhof beraten werden.', intent: 'handoff' },
  { kind: 'stated wish', text: 'Ich hätte gern, dass uns jemand zur Satzung berät.', intent: 'handoff' },
  { kind: 'wer + wish', text: 'Wer könnte uns bei der Gründung begleiten?', intent: 'handoff' },
  { kind: 'wer + wish', text: 'Wer würde uns bei der Satzung unterstützen?', intent: 'handoff' },
  { kind: 'wer + the one addressed', text: 'Wer von Ihnen kann mich zur Kostenaufteilung beraten?', intent: 'handoff' },
  { kind: 'wer + a person', text: 'Wer kann mir persönlich bei der Antragstellung helfen?', intent: 'handoff' },
  { kind: 'advising verb first, a person', text: 'Hilft uns eine Beraterin vom Kompetenzzentrum beim Vertrag?', intent: 'handoff' },
  { kind: 'advising verb first, someone', text: 'Hilft uns jemand bei der Planung?', intent: 'handoff' },
  { kind: 'someone of the office', text: 'Kann mich jemand vom Beratungszentrum zurückrufen?', intent: 'handoff' },
  { kind: 'wer + a verb of contact', text: 'Wer kann mich zurückrufen?', intent: 'handoff' },
];

describe('IntentRecognizer: questions about the office and requests for a person', () => {
  it.each(ABOUT_THE_OFFICE)('$kind: "$text" → $intent', ({ text, intent }) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each(REQUESTS_FOR_A_PERSON)('$kind: "$text" → $intent', ({ text, intent }) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('keeps a dialog asked for in another sentence than the question about the office', () => {
    expect(intentOf('Hilft uns das Beratungszentrum beim Antrag? Dann möchten wir jetzt den Antrag stellen.')).toBe('application');
  });
});

describe('IntentRecognizer: a request for a person beside a request for a dialog', () => {
  it.each(BESIDE_A_DIALOG)('$kind: "$text" → $intent', ({ text, intent }) => {
    expect(intentOf(text)).toBe(intent);
  });
});
