/**
 * "Gibts da was vom Land, wenn man mit den Nachbarn was zusammen macht?" (pure): whether the Land pays anything for a
 * cooperation is a question about the funding programme as a whole. Its words ("gibt", "was", "vom Land") mean nothing
 * to the search, and the cooperation words alone lead to the article on IKZ in general or on the office; so such a
 * question is read as the programme's own question.
 */

/** What such a message asks about, in the articles' words (answered by the programme's overview article). */
export const AVAILABILITY_QUESTION = 'IKZ-Förderung';

/** "gibt es (da) was vom Land", "gibts dafür etwas vom Land", "zahlt das Land da was (dazu)". */
const ASKS_WHETHER_LAND_PAYS =
  /(?<!\p{L})(?:(?:gibt|gibts|gäbe|gaebe)\s+(?:es\s+)?(?:(?:da|dafür|dafuer|denn|auch|überhaupt|ueberhaupt|eigentlich)\s+)*(?:was|etwas|irgendwas|irgendetwas)\s+vom\s+land|zahlt\s+das\s+land\s+(?:(?:da|dafür|dafuer|denn|auch)\s+)*(?:was|etwas|irgendwas))(?!\p{L})/iu;

/** Words that only say that municipalities cooperate: the question names no topic beyond the programme. */
const COOPERATION_WORDS =
  'IKZ Zusammenarbeit zusammen zusammenarbeiten gemeinsam machen Nachbar Nachbarn Nachbarort Nachbarorte Nachbargemeinde ' +
  'Nachbargemeinden Nachbarstadt Nachbarkommune Gemeinde Gemeinden Kommune Kommunen Stadt Land Hessen dazu zahlt';

/**
 * `AVAILABILITY_QUESTION` when `question` asks whether the Land pays anything for a cooperation and names nothing else;
 * else `undefined`. `termsOf` gives a text's search terms (stemmed, without stop words).
 *
 * @example
 * ```ts
 * asAvailabilityQuestion('Zusammenarbeit mit den Nachbarorten – gibts da was vom Land?', knowledge.terms); // 'IKZ-Förderung'
 * asAvailabilityQuestion('Gibts was vom Land für eine Machbarkeitsstudie?', knowledge.terms); // undefined: the study
 * ```
 */
export function asAvailabilityQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  if (!ASKS_WHETHER_LAND_PAYS.test(question)) return undefined;
  const generic = new Set(termsOf(COOPERATION_WORDS));
  return termsOf(question).every((t) => generic.has(t)) ? AVAILABILITY_QUESTION : undefined;
}
