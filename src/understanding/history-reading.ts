/**
 * "Seit wann fördert Hessen eigentlich die Zusammenarbeit von Gemeinden?" (pure): since when the Land funds cooperation
 * is a question about the programme's history. Its words ("fördert", "Hessen", "Zusammenarbeit", "Gemeinden") are in
 * nearly every article, and the advisory office's "seit 2009" answers them as well; so such a question is read as the
 * programme's own question.
 */

/** What such a message asks, in the articles' words (answered by the article on the agreement's versions). */
export const HISTORY_QUESTION = 'Seit wann gibt es die IKZ-Förderung?';

/** "seit wann", "ab wann", "seit welchem Jahr". */
const ASKS_SINCE_WHEN = /(?<!\p{L})(?:seit\s+wann|ab\s+wann|seit\s+welchem\s+jahr)(?!\p{L})/iu;
/** The funding in any form: "fördert", "Förderung", "Landesgeld", "Zuschüsse", "zahlt". */
const FUNDING =
  /(?<!\p{L})(?:[\p{L}-]*f(?:ö|oe)rder\p{L}*|gefördert|gefoerdert|[\p{L}-]*geld\p{L}*|zusch(?:u|ü|ue)ss\p{L}*|bezuschusst|zahlt)(?!\p{L})/iu;
/** Words that name nothing beyond the programme, its funding and who cooperates. */
const GENERIC_WORDS =
  'seit wann ab welchem Jahr schon IKZ Förderung fördert gefördert Förderprogramm Programm Land Hessen Landesgeld ' +
  'Geld Fördergeld Fördergelder Fördermittel Landesmittel Zuschüsse Zuschuss zahlt bezuschusst Zusammenarbeit zusammenarbeiten interkommunale gemeinsame Projekte ' +
  'Gemeinden Gemeinde Kommunen Städte eigentlich überhaupt dieses diese';

/**
 * `HISTORY_QUESTION` when `question` asks since when the programme funds cooperation and names nothing else; else
 * `undefined`. `termsOf` gives a text's search terms (stemmed, without stop words).
 *
 * @example
 * ```ts
 * asHistoryQuestion('Seit wann fördert Hessen eigentlich die Zusammenarbeit von Gemeinden?', knowledge.terms); // HISTORY_QUESTION
 * asHistoryQuestion('Seit wann gibt es das Beratungszentrum?', knowledge.terms); // undefined: another topic
 * ```
 */
export function asHistoryQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  if (!ASKS_SINCE_WHEN.test(question) || !FUNDING.test(question)) return undefined;
  const generic = new Set(termsOf(GENERIC_WORDS));
  return termsOf(question).every((term) => generic.has(term)) ? HISTORY_QUESTION : undefined;
}
