/**
 * German word forms the intent recogniser reads alike (pure): a feminine noun and its masculine, a conjugated verb
 * and its infinitive, a participle used as a noun, the words "bitte" pleads for, and a typo one edit away.
 */
import { foldGerman, stemGerman, tokenizeWords } from '../../language/german-normalizer.js';

/** The endings of an adjective or participle used as a noun ("der Beauftragte", "den Beauftragten", "ein Beauftragter"). */
const NOUN_ENDINGS = new Set(['e', 'en', 'er', 'em', 'es']);

/**
 * True for the term of a participle the file has only as a noun: capitalised, ending in "t", in two declined forms
 * or more ("Beauftragte", "Beauftragten" → `beauftragt`).
 */
export function isParticipleNoun(term: string, endings: ReadonlyArray<string | undefined>, lowerCase: boolean): boolean {
  if (lowerCase || !term.endsWith('t')) return false;
  const declined = new Set(endings);
  return declined.size >= 2 && [...declined].every((ending) => ending !== undefined && NOUN_ENDINGS.has(ending));
}

/** A stemmed noun ending in -in/-inn(en) of at least this length is also read without it (`Beraterin` → `Berater`). */
const MIN_FEMININE_LENGTH = 7;

/** A term and, for a feminine noun, its masculine reading (`beraterin` → `berat`, `ansprechpartnerinn` → `ansprechpartn`). */
export function readings(term: string): string[] {
  if (term.length < MIN_FEMININE_LENGTH || !/inn?$/.test(term)) return [term];
  const masculine = stemGerman(term.replace(/inn?$/, ''));
  return masculine === term ? [term] : [term, masculine];
}

/**
 * Infinitive stems of a verb form that the stemmer keeps apart: a conjugated form (`meldet` → `meld`,
 * `anschaut` → `anschau`) and an infinitive with "zu" (`vorzubereiten` → `vorbereit`).
 */
export function verbStems(term: string): string[] {
  const stems: string[] = [];
  if (term.length >= 5 && /[^aeiou]et$/.test(term)) stems.push(term.slice(0, -2));
  else if (term.length >= 5 && term.endsWith('t')) stems.push(term.slice(0, -1));
  const withZu = /^(ab|an|auf|aus|durch|ein|fertig|los|mit|nach|vor|weiter|zuruck|zusamm)zu(\p{L}{3,})$/u.exec(term);
  if (withZu) stems.push(withZu[1]! + withZu[2]!);
  return stems;
}

/** The nouns of a sentence: its capitalised words after the first (German capitalises nouns). */
export function nounsOf(sentence: string): string {
  return tokenizeWords(sentence)
    .slice(1)
    .filter((word) => /^\p{Lu}/u.test(word))
    .join(' ');
}

/** Articles and the like between "bitte" and what it asks for ("Bitte einen Rückruf"). */
const PLEA_FILLERS = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'den', 'die', 'der', 'das', 'dem', 'um', 'mal', 'noch']);

/**
 * The words "bitte" asks for directly: the word before it ("Beraterin bitte", "Rückruf, bitte") and the first word
 * after it past articles ("Bitte einen Rückruf", "Wir bitten um ein Gespräch"), but not "Sie" ("Ich bitte Sie …").
 */
export function pleadedWords(tokens: readonly string[]): Set<string> {
  const words = new Set<string>();
  tokens.forEach((token, i) => {
    const plea = foldGerman(token.toLowerCase());
    // "Wir bitten um ein Gespräch" (not "bittet": "Die Nachbargemeinde bittet um ein Gespräch" tells of others).
    if (plea !== 'bitte' && !(plea === 'bitten' && tokens[i + 1]?.toLowerCase() === 'um')) return;
    if (plea === 'bitte' && i > 0 && !/^(?:ich|wir)$/iu.test(tokens[i - 1]!)) words.add(tokens[i - 1]!);
    let next = i + 1;
    while (next < tokens.length && PLEA_FILLERS.has(foldGerman(tokens[next]!.toLowerCase()))) next++;
    if (next < tokens.length && !/^(?:sie|ihnen)$/iu.test(tokens[next]!)) words.add(tokens[next]!);
  });
  return words;
}

/**
 * True when two different words are one edit apart: a letter replaced, inserted, deleted, or two neighbours
 * swapped. Not a vowel for another: that is how verbs change their tense (`gesprochen`, `Gespräch`), no typo.
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  const replaced = a.length === b.length && a.slice(i + 1) === b.slice(i + 1) && !(VOWEL.test(a[i]!) && VOWEL.test(b[i]!));
  return swapped || replaced || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

const VOWEL = /^[aeiouy]$/;
