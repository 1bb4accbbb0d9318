import { cleanInput, escapeMarkdown, isEmailAddress } from '../../src/bot/safe-text.js';
import type { FormStep, StepResult } from '../form/form-dialog.js';

/** What the handoff form collects. */
export interface HandoffAnswers {
  municipality?: string;
  name?: string;
  email?: string;
  phone?: string;
  concern?: string;
  /** The summary the bot proposes for the concern (shown, and taken on "So übernehmen"). */
  proposedConcern?: string;
  consent?: boolean;
}

type Step = FormStep<HandoffAnswers>;
const ok = (answers: HandoffAnswers): StepResult<HandoffAnswers> => ({ ok: true, answers });
const fail = (message: string): StepResult<HandoffAnswers> => ({ ok: false, message });

/** A phone number: digits with the usual separators, at least 6 digits. */
const PHONE = /^\+?[\d\s/()-]{6,30}$/;

/** Punctuation around an address in a sentence („Mail: (petra@musterdorf.de).“), not part of it. */
const AROUND_ADDRESS = /^[(<„"'«]+|[)>“"'».,;:!?]+$/g;

/** Reads an e-mail address or a phone number from a contact answer. */
export function parseContact(text: string): { email?: string; phone?: string } | undefined {
  const trimmed = cleanInput(text, 300);
  const email = trimmed
    .split(' ')
    .map((part) => part.replace(AROUND_ADDRESS, ''))
    .find(isEmailAddress);
  if (email) return { email: email.toLowerCase() };
  const phone = trimmed.replace(/^(tel\.?|telefon|fon)[:\s]*/i, '');
  if (PHONE.test(phone) && (phone.match(/\d/g) ?? []).length >= 6) return { phone: phone.replace(/\s+/g, ' ') };
  return undefined;
}

/** The questions of the handoff, in order. */
export function handoffSteps(privacyUrl: string): Step[] {
  return [
    {
      id: 'municipality',
      question: () => 'Für welche Kommune oder Stelle fragen Sie?',
      hint: 'Zum Beispiel „Gemeinde Musterdorf“ oder „Landkreis Gießen“.',
      parse: (input, a) => {
        const value = cleanInput(input.text, 120);
        return value.length >= 2 && /\p{L}/u.test(value)
          ? ok({ ...a, municipality: value })
          : fail('Bitte nennen Sie den Namen Ihrer Kommune oder Stelle.');
      },
    },
    {
      id: 'name',
      question: () => 'Wie heißen Sie?',
      parse: (input, a) => {
        const value = cleanInput(input.text, 100);
        return value.length >= 2 && /^[\p{L}][\p{L} .'-]*$/u.test(value)
          ? ok({ ...a, name: value })
          : fail('Bitte nennen Sie Ihren Namen (nur Buchstaben).');
      },
    },
    {
      id: 'contact',
      question: () => 'Wie erreicht Sie die Beratung? Bitte nennen Sie Ihre E-Mail-Adresse oder Telefonnummer.',
      hint: 'Zum Beispiel „name@gemeinde.de“ oder „06151 12345“.',
      parse: (input, a) => {
        const contact = parseContact(input.text);
        return contact
          ? ok({ ...a, email: contact.email, phone: contact.phone })
          : fail('Das sieht weder nach einer E-Mail-Adresse noch nach einer Telefonnummer aus. Bitte noch einmal.');
      },
    },
    {
      id: 'concern',
      question: (a) =>
        a.proposedConcern
          ? `Worum geht es? Ich habe aus unserem Gespräch zusammengefasst:\n\n> ${escapeMarkdown(a.proposedConcern)}\n\nPasst das, oder beschreiben Sie Ihr Anliegen in eigenen Worten?`
          : 'Worum geht es? Beschreiben Sie Ihr Anliegen bitte in ein, zwei Sätzen.',
      choices: (a) =>
        a.proposedConcern ? [{ value: 'keep', title: 'So übernehmen', synonyms: ['passt', 'so übernehmen', 'ja', 'ok', 'genau'] }] : [],
      parse: (input, a, choice) => {
        if (choice?.value === 'keep' && a.proposedConcern) return ok({ ...a, concern: a.proposedConcern });
        const value = cleanInput(input.text, 1000);
        return value.length >= 5 ? ok({ ...a, concern: value }) : fail('Bitte beschreiben Sie Ihr Anliegen in ein paar Worten.');
      },
    },
    {
      id: 'consent',
      question: () =>
        'Darf die Beratungsstelle Ihre Angaben (Kommune, Name, Kontakt, Anliegen) und dieses Gespräch speichern und verwenden, um Ihnen zu antworten? ' +
        `Die Datenschutzhinweise finden Sie hier: ${privacyUrl}`,
      choices: () => [
        { value: 'yes', title: 'Ja, ich stimme zu', synonyms: ['ja', 'einverstanden', 'ich stimme zu', 'zustimmen', 'ok'] },
        { value: 'no', title: 'Nein', synonyms: ['nein', 'nicht einverstanden', 'lieber nicht'] },
      ],
      parse: (_input, a, choice) =>
        choice ? ok({ ...a, consent: choice.value === 'yes' }) : fail('Bitte antworten Sie mit „Ja, ich stimme zu“ oder „Nein“.'),
    },
  ];
}
