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

describe('IntentRecognizer: a request for a person beside a request for a dialog', () => {
  it.each(BESIDE_A_DIALOG)('$kind: "$text" → $intent', ({ text, intent }) => {
    expect(intentOf(text)).toBe(intent);
  });
});
