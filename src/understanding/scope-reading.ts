/**
 * "3 Gemeinden wollen nur das Kopierpapier gemeinsam einkaufen. Ist das förderfähig?", "Friedhofsverwaltung gemeinsam,
 * zählt das oder ist das zu klein?" (pure): whether a narrow piece of work is enough for the funding is the rule that the
 * shared field must be „wesentlich“. The message's own words ("Kopierpapier", "einkaufen") name no topic or lead to the
 * procedure; so such a question is read with the rule's words added.
 */

import { sentencesAsWritten, withWordsAdded } from './sentences.js';

/** The words of the rule, as the articles write them. */
export const SCOPE_WORDS = 'wesentlicher Aufgabenbereich, zu klein';

/**
 * "nur das Streusalz", "lediglich die Beschaffung": a thing after "nur" (not a count or the asker's size: "nur zu
 * zweit", "nur 2 Gemeinden", "nur ne kleine Gemeinde").
 */
const ONLY_A_THING =
  /(?<!\p{L})(?:nur|lediglich|bloß|bloss)\s+(?:das|die|den|dem|unsere?[nmrs]?)\s+(?!(?:\p{L}+\s+)?(?:gemeinde|kommune|stadt|dorf|einwohner|partner|nachbar)\p{L}*)\p{L}/iu;
/** "ist das zu klein?", "ist das nicht zu wenig?": the thing's size in question. */
const TOO_SMALL =
  /(?<!\p{L})(?:das|dies|sowas|so\s+was|es)\s+(?:(?:nicht|vielleicht|eher|etwas|viel|schon)\s+)*zu\s+(?:klein|wenig|gering|schmal|unbedeutend)(?!\p{L})/iu;
/** Work done together: what the narrow thing is ("gemeinsam bestellen", "bündeln", "zusammen einkaufen"). */
const SHARED =
  /(?<!\p{L})(?:gemeinsam\p{L}*|zusammen\p{L}*|bündeln|buendeln|teilen|kooperier\p{L}*|mit\s+(?:den|der|unseren?)\s+nachbar\p{L}*)(?!\p{L})/iu;
/** The funding in question: "förderfähig", "fördert das Land", "Geld", "Zuschuss", "zählt das". */
const ASKS_FUNDING = /(?:f(?:ö|oe)rder|geld|zusch(?:u|ü|ue)ss|z(?:ä|ae)hlt|ikz)/iu;

/**
 * `message` with `SCOPE_WORDS` added to its sentence that asks whether the funding covers so narrow a piece of work,
 * when the message tells of work done together and of one narrow thing ("nur das …") or asks whether it is too small;
 * else `undefined`.
 *
 * @example
 * ```ts
 * asScopeQuestion('3 Gemeinden wollen nur das Kopierpapier gemeinsam einkaufen. Ist das förderfähig?');
 * // '3 Gemeinden wollen nur das Kopierpapier gemeinsam einkaufen. Ist das förderfähig (wesentlicher Aufgabenbereich, zu klein)?'
 * asScopeQuestion('Wir sind nur zu zweit. Geht das trotzdem?'); // undefined: a count, not a narrow task
 * ```
 */
export function asScopeQuestion(message: string): string | undefined {
  if (!SHARED.test(message) || (!ONLY_A_THING.test(message) && !TOO_SMALL.test(message))) return undefined;
  const sentences = sentencesAsWritten(message);
  const at = sentences.findIndex((s) => /\?\s*$/u.test(s) && ASKS_FUNDING.test(s));
  const asking = at >= 0 ? at : sentences.findIndex((s) => ASKS_FUNDING.test(s) && TOO_SMALL.test(s));
  if (asking < 0) return undefined;
  return [...sentences.slice(0, asking), withWordsAdded(sentences[asking]!, SCOPE_WORDS), ...sentences.slice(asking + 1)].join('');
}
