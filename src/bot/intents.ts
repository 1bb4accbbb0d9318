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
