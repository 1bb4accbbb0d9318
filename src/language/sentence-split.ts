/**
 * Sentences of a message and whether each asks something (pure): the analyser weighs the words of the sentences that
 * ask more than those of the context around them, and the understanding reads questions one by one. German
 * abbreviations ("z. B.", "Nr.", "bzw.") and numbers ("75.000", "1. Januar") do not end a sentence.
 */

/** Abbreviations after which a full stop does not end the sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set([
  'z',
  'b',
  'bzw',
  'ca',
  'ggf',
  'u',
  'a',
  'd',
  'h',
  'nr',
  'abs',
  's',
  'ff',
  'dr',
  'prof',
  'st',
  'gem',
  'vgl',
  'usw',
  'etc',
  'inkl',
  'zzgl',
  'evtl',
  'max',
  'min',
  'mind',
  'mindest',
  'mio',
  'mrd',
  'tsd',
  'rd',
  'bspw',
  'sog',
  'i',
  'v',
  'o',
  'e',
  // Chat shorthand: "seit wann gibts eig. dieses Hessen3C", "bzgl. der Förderung", "lt. RP".
  'eig',
  'eigtl',
  'bzgl',
  'ggfs',
  'insb',
  'lt',
  'vllt',
  'vlt',
  'zb',
  // "Zuschuss für die Vorbereitung vs. die normale Förderung"
  'vs',
]);

/** What follows an ordinal number: a lower-case word or a month. */
const ORDINAL_FOLLOWS = /^\s*(?:\p{Ll}|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)/u;

/** A preposition before an interrogative: "bis wann …", "an wen …", "…, bei welcher Stelle …". */
export const INTERROGATIVE_PREPOSITION = String.raw`(?:an|bei|mit|für|fuer|von|nach|zu|über|ueber|auf|in|aus|unter|ab|bis|seit)`;

/**
 * Words that open a question without a question mark ("ob wir …", "wie lange …", "bis wann …"); not a "wie" that
 * compares, as letters open a statement ("wie oben zu sehen, …", "wie telefonisch besprochen, …").
 */
const QUESTION_OPENER = new RegExp(
  String.raw`^(?:${INTERROGATIVE_PREPOSITION}\s+(?=wem|wen|was|wie|wann|welche))?(?:ob|wie(?!\s+(?:oben|unten|besprochen|vereinbart|gesagt|erwähnt|erwaehnt|angekündigt|angekuendigt|telefonisch|bereits|schon|gewohnt|gewünscht|gewuenscht|beschrieben|folgt)\b)|was|wer|wem|wen|wessen|wann|wo|wohin|woher|womit|wofür|wozu|warum|wieso|weshalb|welche[rnms]?|inwiefern|inwieweit)\b`,
  'iu',
);

/**
 * Splits a text into sentences at `.`, `!`, `?`, `;` and line breaks, keeping each sentence's own
 * punctuation.
 *
 * @example
 * ```ts
 * splitSentences('Wir sind z. B. drei Gemeinden. Gibt es Geld?'); // ['Wir sind z. B. drei Gemeinden.', 'Gibt es Geld?']
 * ```
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const isBreak = char === '\n' || char === '?' || char === '!' || char === ';' || (char === '.' && endsSentence(text, i));
    if (!isBreak) continue;
    // Keep runs of punctuation ("?!", "...") with their sentence.
    let end = i + 1;
    while (end < text.length && /[.!?]/.test(text[end]!)) end++;
    push(sentences, text.slice(start, end));
    start = end;
    i = end - 1;
  }
  push(sentences, text.slice(start));
  return sentences;
}

/**
 * Words that join a further question to the one before ("Und …", "Außerdem: …", "Noch was: …") and tell nothing of
 * its own: a question may follow them.
 */
const JOINING =
  /^(?:(?:und|außerdem|ausserdem|zudem|ferner|weiterhin|darüber\s+hinaus|des\s+weiteren|noch\s+(?:was|etwas|eine\s+frage)|zweitens|und\s+noch)\s*[,:]?\s+)+/iu;

/**
 * Finite verbs that open a yes/no question ("Gilt die Förderung auch für Landkreise", "gibt es da auch hilfe"):
 * German asks so, also without a question mark; statements put the subject or another part first.
 */
const FINITE_VERBS = [
  ...['kann', 'können', 'koennen', 'könnte', 'koennte', 'könnten', 'muss', 'müssen', 'muessen', 'müsste'],
  ...['darf', 'dürfen', 'duerfen', 'dürfte', 'soll', 'sollen', 'sollte', 'sollten'],
  ...['ist', 'sind', 'wäre', 'waere', 'wären', 'gibt', 'gibts', 'gäbe', 'gilt', 'gelten', 'hat', 'haben', 'hätte', 'hätten'],
  ...['wird', 'werden', 'würde', 'würden', 'bekommen', 'bekommt', 'kriegen', 'kriegt', 'braucht', 'brauchen'],
  ...['reicht', 'reichen', 'zählt', 'zählen', 'zaehlt', 'fällt', 'fallen', 'lohnt', 'fördert', 'foerdert', 'zahlt', 'zahlen'],
  ...['übernimmt', 'uebernimmt', 'geht', 'läuft', 'laeuft', 'dauert', 'kostet', 'berät', 'beraet', 'bleibt', 'bleiben'],
  ...['stimmt', 'trifft'],
].join('|');

/** A finite verb first and a subject after it ("und kann der kreis mitmachen", "gibts ne frist"): a question even without "?". */
const VERB_FIRST = new RegExp(
  String.raw`^(?:${FINITE_VERBS})\s+(?:es|man|wir|ich|das|dies|der|die|den|ein|eine|einen|ne|nen|auch|unsere?|jede[rs]?|alle)\b`,
  'iu',
);
/** A finite verb first and any word after it: see `opensWithVerb`. */
const VERB_OPENING = new RegExp(String.raw`^(?:${FINITE_VERBS})\s+[\p{L}\d]`, 'iu');

/**
 * True when a sentence opens with a finite verb and a word after it: a yes/no question, also without "?" (in a
 * message with no other question: "Gilt das auch für Landkreise").
 */
export function opensWithVerb(sentence: string): boolean {
  return VERB_OPENING.test(sentence.trim());
}

/** True when a sentence asks something: it ends with `?`, opens like an (indirect) question, or with its verb. */
export function isQuestion(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return true;
  const content = sentence.trim().replace(JOINING, '');
  return QUESTION_OPENER.test(content) || VERB_FIRST.test(content);
}

function endsSentence(text: string, dot: number): boolean {
  const next = text[dot + 1];
  if (next !== undefined && !/\s/.test(next)) return false; // "75.000", "www.hessen.de"
  const word = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1];
  if (!word) return true;
  // "am 1. Januar", "die 3. Fassung": an ordinal, not the end of a sentence.
  if (/^\d+$/.test(word)) return !ORDINAL_FOLLOWS.test(text.slice(dot + 1));
  // "nach Art. 28 DSGVO": an article of a law before its number ("auf diese Art." ends a sentence).
  if (/^art$/i.test(word) && /^\s+\d/.test(text.slice(dot + 1))) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function push(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push(trimmed);
}
