/**
 * "Wie viele solche Projekte hat das Land schon bezahlt?", "Wie oft wurde das Programm bisher genutzt?" (pure): a count
 * of what the programme has funded so far is a question for its figures. Its words ("bezahlt", "genutzt", "Projekte")
 * lead to the articles on money or procedure, so such a question is read with the words of the figures added.
 */

import { sentencesAsWritten, withWordsAdded } from './sentences.js';

/** The words of the programme's figures added to such a question, in the articles' words. */
export const TOTALS_WORDS = 'Statistik, Zahlen, bisher gefördert';

/** "wie viele", "wieviel", "wie oft", "in wie vielen". */
const ASKS_COUNT = /(?<!\p{L})(?:wie\s*viele?[nmrs]?|wie\s+oft)(?!\p{L})/iu;
/** So far, or in a year: "schon", "bisher", "insgesamt", "seit 2008", "2024". */
const SO_FAR = /(?<!\p{L})(?:schon|bereits|bisher|bislang|insgesamt|(?:seit\s+)?(?:19|20)\d\d)(?![\p{L}\d])/iu;
/** What the programme did: funded, paid, used, took part. */
const FUNDED =
  /(?<!\p{L})(?:gefördert|gefoerdert|bezahlt|bezuschusst|unterstützt|unterstuetzt|finanziert|bewilligt|genutzt|ausgegeben|ausgezahlt|mitgemacht|teilgenommen|beteiligt)(?!\p{L})/iu;
/**
 * How common cooperation is: "Machen das viele Gemeinden?", "Haben andere Gemeinden sowas schon gemacht?", "Wie
 * verbreitet ist IKZ?".
 */
const ASKS_HOW_COMMON =
  /(?<!\p{L})(?:(?:machen|nutzen|tun)\s+(?:das|dies|sowas|so\s+was)\s+(?:(?:eigentlich|denn|überhaupt|ueberhaupt|schon)\s+)*viele|(?:haben|hat)\s+(?:(?:denn|eigentlich|schon)\s+)*andere\s+(?:\p{L}+\s+){0,2}?(?:sowas|so\s+was|das|dies)\s+(?:(?:auch|schon|bereits)\s+)*(?:gemacht|genutzt)|wie\s+verbreitet)(?!\p{L})/iu;
/**
 * Words that name no other topic than the programme and what it funded. A question with another topic word ("beim
 * AKC", "Zweckverbände") is about that topic's own figures.
 */
const GENERIC_WORDS =
  'IKZ Förderung Förderprogramm Programm Land Hessen Projekte Projekt Vorhaben Kooperationen Kooperation Zusammenarbeit ' +
  'interkommunale Gemeinden Gemeinde Kommunen Kommune Städte Geld Euro Millionen Mio solche solcher eigentlich denn ' +
  'schon bereits bisher bislang insgesamt seit wurden worden haben hat gefördert bezahlt bezuschusst unterstützt finanziert ' +
  'bewilligt genutzt ausgegeben ausgezahlt mitgemacht teilgenommen beteiligt oft viele viel wieviel wieviele ' +
  'machen gemacht nutzen tun andere sowas verbreitet überhaupt';

/**
 * `question` with `TOTALS_WORDS` added to its sentence that asks how many things the programme has funded so far (or
 * how common cooperation is), when
 * it names nothing else and not the asker's own case ("Wie viel haben wir schon bekommen?"); else `undefined`.
 * `termsOf` gives a text's search terms (stemmed, without stop words).
 *
 * @example
 * ```ts
 * asTotalsQuestion('Wie viele solche Projekte hat das Land schon bezahlt?', knowledge.terms);
 * // 'Wie viele solche Projekte hat das Land schon bezahlt (Statistik, Zahlen, bisher gefördert)?'
 * asTotalsQuestion('Wie viele Gemeinden müssen mitmachen?', knowledge.terms); // undefined: no count so far
 * ```
 */
export function asTotalsQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  const sentences = sentencesAsWritten(question);
  const at = sentences.findIndex((s) => (ASKS_COUNT.test(s) && SO_FAR.test(s) && FUNDED.test(s)) || ASKS_HOW_COMMON.test(s));
  if (at < 0) return undefined;
  const sentence = sentences[at]!;
  if (/(?<!\p{L})(?:wir|uns|unser\p{L}*|ich|mein\p{L}*)(?!\p{L})/iu.test(sentence)) return undefined;
  const generic = new Set(termsOf(GENERIC_WORDS));
  if (!termsOf(sentence).every((term) => generic.has(term) || /^\d+$/.test(term))) return undefined;
  return [...sentences.slice(0, at), withWordsAdded(sentence, TOTALS_WORDS), ...sentences.slice(at + 1)].join('');
}
