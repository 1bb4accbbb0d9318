/**
 * "Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?" (pure): how many municipalities a funded cooperation
 * needs is a rule of the programme. Its words ("beteiligt", "gefördert", "Projekt", "mitmachen") lead as well to the
 * figures of what was funded or to the amounts by number of partners; so such a question is read as the rule's own.
 */

/** What such a question asks, in the articles' words (answered by the funding conditions). */
export const MINIMUM_QUESTION = 'Wie viele Kommunen müssen mindestens zusammenarbeiten?';

/** "wie viele", "wieviele", "mit wie vielen", "ab wie vielen". */
const ASKS_COUNT = /(?<!\p{L})wie\s*viele[nm]?(?!\p{L})/iu;
/** A requirement: "müssen", "mindestens", "braucht man", "nötig". */
const REQUIRED =
  /(?<!\p{L})(?:muss|müssen|muessen|musst|mindestens|wenigstens|mind\.|braucht|brauchen|brauch|nötig|noetig|erforderlich|notwendig|vorgeschrieben)(?!\p{L})/iu;
/** Words that name nothing beyond a funded cooperation and who takes part in it. */
const GENERIC_WORDS =
  'wie viele vielen wieviele mindestens wenigstens müssen muss musst braucht brauchen man wir es nötig erforderlich notwendig ' +
  'vorgeschrieben Kommunen Gemeinden Städte Partner Partnerkommunen Partnergemeinden Kooperationspartner Teilnehmer ' +
  'Beteiligte beteiligt sein dabei mitmachen teilnehmen mitwirken zusammenarbeiten zusammentun kooperieren IKZ Förderung ' +
  'gefördert geförderte geförderten fördern Kooperation Zusammenarbeit interkommunale interkommunalen Projekt Projekte ' +
  'Vorhaben Programm damit gibt eigentlich überhaupt denn so einer einem einen eine';

/**
 * `MINIMUM_QUESTION` when `question` asks how many partners a funded cooperation must have and names nothing else (no
 * legal form, no amount, no number); else `undefined`. `termsOf` gives a text's search terms (stemmed, without stop
 * words).
 *
 * @example
 * ```ts
 * asMinimumQuestion('Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?', knowledge.terms); // MINIMUM_QUESTION
 * asMinimumQuestion('Wie viele Gemeinden muss ein GVV haben?', knowledge.terms); // undefined: another topic
 * ```
 */
export function asMinimumQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  if (!ASKS_COUNT.test(question) || !REQUIRED.test(question)) return undefined;
  const generic = new Set(termsOf(GENERIC_WORDS));
  return termsOf(question).every((term) => generic.has(term)) ? MINIMUM_QUESTION : undefined;
}
