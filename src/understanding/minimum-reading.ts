/**
 * "Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?" (pure): how many municipalities a funded cooperation
 * needs is a rule of the programme. Its words ("beteiligt", "gefördert", "Projekt", "mitmachen") lead as well to the
 * figures of what was funded or to the amounts by number of partners; so such a question is read as the rule's own.
 */

/** What such a question asks, in the articles' words (answered by the funding conditions). */
export const MINIMUM_QUESTION = 'Wie viele Kommunen müssen mindestens zusammenarbeiten?';

/** What a question whether two partners are enough asks, in the articles' words (the exception for two). */
export const PAIR_QUESTION = 'Geht eine geförderte Kooperation auch mit nur zwei Kommunen?';

/** "wie viele", "wieviele", "mit wie vielen", "ab wie vielen", and typed without the ending before partners: "ab wieviel Gemeinden". */
const ASKS_COUNT = /(?<!\p{L})wie\s*viel(?:e[nm]?(?!\p{L})|\s+(?=(?:kommunen|gemeinden|städte|staedte|partner)(?!\p{L})))/iu;
/** A requirement: "müssen", "mindestens", "braucht man", "nötig", "ab wie vielen". */
const REQUIRED =
  /(?<!\p{L})(?:ab\s+wie\s*viel|muss|müssen|muessen|musst|mindestens|wenigstens|mind\.|braucht|brauchen|brauch|nötig|noetig|erforderlich|notwendig|vorgeschrieben)(?!\p{L})/iu;
/** Words that name nothing beyond a funded cooperation and who takes part in it. */
const GENERIC_WORDS =
  'wie viel viele vielen wieviel wieviele ab gibts mindestens wenigstens müssen muss musst braucht brauchen man wir es nötig erforderlich notwendig ' +
  'vorgeschrieben Kommunen Gemeinden Städte Partner Partnerkommunen Partnergemeinden Kooperationspartner Teilnehmer ' +
  'Beteiligte beteiligt sein dabei mitmachen teilnehmen mitwirken zusammenarbeiten zusammentun kooperieren IKZ Förderung ' +
  'gefördert geförderte geförderten fördern Kooperation Zusammenarbeit interkommunale interkommunalen Projekt Projekte ' +
  'Vorhaben Programm damit gibt eigentlich überhaupt denn so einer einem einen eine';

/** Two partners: "zu zweit", "nur zwei Gemeinden", "2 Kommunen", "nur wir und die Nachbargemeinde". */
const TWO_PARTNERS =
  /(?<!\p{L})(?:zu\s+zweit|(?:nur\s+)?(?:zwei|2)\s+(?:kommunen|gemeinden|städte|staedte|partner\p{L}*)|wir\s+und\s+(?:die|eine|unsere)\s+nachbar\p{L}*)(?!\p{L})/iu;
/** Words of a yes/no question whether that is enough. */
const PAIR_WORDS =
  'zu zweit zwei 2 nur gar nicht geht gehen klappt reicht reichen auch trotzdem allein alleine möglich darf dürfen kann können sind ' +
  'werden gefördert förderfähig Förderung IKZ Kooperation Zusammenarbeit interkommunale Gemeinden Kommunen Städte Partner ' +
  'wir man das es eine ein überhaupt eigentlich denn wenn mitmachen braucht brauchen mehr Nachbargemeinde Nachbarkommune Nachbarstadt';

/**
 * `MINIMUM_QUESTION` when `question` asks how many partners a funded cooperation must have, `PAIR_QUESTION` when it asks
 * whether two are enough, and it names nothing else (no legal form, no amount, no other number); else `undefined`.
 * `termsOf` gives a text's search terms (stemmed, without stop words).
 *
 * @example
 * ```ts
 * asMinimumQuestion('Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?', knowledge.terms); // MINIMUM_QUESTION
 * asMinimumQuestion('Wie viele Gemeinden muss ein GVV haben?', knowledge.terms); // undefined: another topic
 * ```
 */
export function asMinimumQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  const only = (words: string) => {
    const generic = new Set(termsOf(words));
    return termsOf(question).every((term) => generic.has(term));
  };
  if (ASKS_COUNT.test(question) && REQUIRED.test(question) && only(GENERIC_WORDS)) return MINIMUM_QUESTION;
  // "geht IKZ auch zu zweit?", "Wir sind nur zwei Gemeinden, klappt das trotzdem?"
  if (TWO_PARTNERS.test(question) && /\?/u.test(question) && only(PAIR_WORDS)) return PAIR_QUESTION;
  return undefined;
}
