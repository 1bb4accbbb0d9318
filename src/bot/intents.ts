/** Small talk and commands the bot handles itself instead of searching the knowledge base. */
export type Intent = 'greeting' | 'thanks' | 'goodbye' | 'help' | 'restart' | 'handoff';

/**
 * Patterns per intent, matched against the whole message (lower case, punctuation removed). Only short
 * messages count: "Hallo, wer darf einen Antrag stellen?" is a question, not a greeting.
 */
const INTENT_PATTERNS: ReadonlyArray<[Intent, RegExp]> = [
  ['restart', /^(neu ?starten|neustart|von vorne?( beginnen)?|restart|reset|nochmal von vorne?)$/],
  ['help', /^(hilfe|help|\?|was kannst du|was können sie|was kann der bot|wie funktioniert das)$/],
  [
    'handoff',
    /^((ich (möchte|will|würde gern|hätte gern)e? )?(mit )?(einer?m? )?(persönliche )?(berater(in)?|beratung|mitarbeiter(in)?|menschen|person|sachbearbeiter(in)?)( sprechen| reden)?|an beratung übergeben|persönliche beratung)$/,
  ],
  ['greeting', /^(hallo|hi|hey|moin|servus|guten (morgen|tag|abend)|grüß gott|gruss gott|grüß dich)( zusammen)?$/],
  ['thanks', /^(danke( schön| sehr)?|vielen dank|dankeschön|merci|super danke|ok danke|danke dir|danke ihnen)$/],
  ['goodbye', /^(tschüss|tschüs|auf wiedersehen|ciao|bye|bis bald)$/],
];

/**
 * Messages that ask for a guided dialog. Deliberately narrow: "Wie viel Förderung gibt es für drei
 * Gemeinden?" is a factual question and is answered directly (with a button to start the check);
 * "Sind wir förderfähig?" or "Wie viel Geld bekommen wir für unser Projekt?" asks about one's own case.
 */
const DIALOG_PATTERNS: ReadonlyArray<[GuidedDialogIntent, RegExp]> = [
  [
    'eligibility',
    /(f(ö|oe)rder-? ?check|sind wir (eigentlich |überhaupt |ueberhaupt )?f(ö|oe)rderf(ä|ae)hig|(ist|wäre|waere) unser(e|)? .{0,40}f(ö|oe)rderf(ä|ae)hig|(können|koennen|könnten) wir (überhaupt |ueberhaupt )?gef(ö|oe)rdert werden|f(ö|oe)rderf(ä|ae)higkeit (prüfen|pruefen|checken)|wie ?viel (geld|f(ö|oe)rderung|zuschuss) (bekommen|kriegen|erhalten) wir f(ü|ue)r unser)/i,
  ],
  ['application', /^(antrag stellen|antrags-?assistent|n(ä|ae)chste schritte( zum antrag)?|antrag vorbereiten|wie stellen wir (den|unseren) antrag\??)$/i],
];

export type GuidedDialogIntent = 'eligibility' | 'application';

/** Which guided dialog a message asks for, if any. */
export function detectDialogRequest(text: string): GuidedDialogIntent | undefined {
  const trimmed = text.trim().replace(/[.!]+$/, '');
  for (const [dialog, pattern] of DIALOG_PATTERNS) if (pattern.test(trimmed)) return dialog;
  return undefined;
}

/** The intent of a short message, or `undefined` when it should be answered from the knowledge base. */
export function detectIntent(text: string): Intent | undefined {
  const normalized = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}? ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?\?$/, (m) => (m.trim() === '?' && text.trim() === '?' ? '?' : ''));
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(normalized)) return intent;
  return undefined;
}
