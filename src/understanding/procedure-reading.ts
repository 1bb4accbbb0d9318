/**
 * "Wie kommen wir an das Geld?", "Was müssen wir tun, um die Förderung zu bekommen?" (pure): how to get the funding is
 * a question about the application procedure. The words that say so ("wie", "tun", "kommen") mean nothing to the
 * search, and the money words alone lead to the amounts; so such a question is read as the procedure's own question.
 */

/**
 * What such a message asks about, in the articles' words. (Not a question: its "wie" would be lost to the search as
 * well, and "Wie beantragen wir …" reads like "Wer darf … beantragen".)
 */
export const PROCEDURE_QUESTION = 'Antragsverfahren der IKZ-Förderung';

/** "Wie …", "Wie läuft das ab …". */
const HOW = /^(?:und\s+|also\s+)?wie(?!\p{L})/iu;
/** "Was müssen wir (da) tun, um …": says by itself that it asks how to get what it names. */
const WHAT_TO_DO =
  /^(?:und\s+|also\s+)?was\s+(?:muss|müssen|muessen|sollen|soll)\s+(?:man|wir|ich)\s+(?:da\s+|denn\s+|alles\s+|dafür\s+)*tun(?!\p{L})/iu;
/** The funding in everyday words. */
const MONEY_WORDS = 'Förderung Fördergeld Fördermittel Geld Zuschuss Zuwendung Mittel Kohle IKZ Land';
/** Getting it: the verbs and particles of "bekommen", "rankommen", "an … kommen", and of asking how it goes. */
const GETTING_WORDS = 'bekommen kriegen komm rankommen herankommen ran heran erhalten läuft ablaufen';

/**
 * `PROCEDURE_QUESTION` when `question` asks how to get the funding and names nothing else; else `undefined`.
 * `termsOf` gives a text's search terms (stemmed, without stop words).
 *
 * @example
 * ```ts
 * asProcedureQuestion('Wie komm ich an das Geld ran?', knowledge.terms); // 'Antragsverfahren der IKZ-Förderung'
 * asProcedureQuestion('Wie viel Geld bekommen drei Gemeinden?', knowledge.terms); // undefined: "drei Gemeinden"
 * ```
 */
export function asProcedureQuestion(question: string, termsOf: (text: string) => string[]): string | undefined {
  const whatToDo = WHAT_TO_DO.test(question.trim());
  if (!whatToDo && !HOW.test(question.trim())) return undefined;
  const money = new Set(termsOf(MONEY_WORDS));
  const getting = new Set(termsOf(GETTING_WORDS));
  const terms = termsOf(question);
  const named = terms.some((t) => money.has(t)) && (whatToDo || terms.some((t) => getting.has(t)));
  return named && terms.every((t) => money.has(t) || getting.has(t)) ? PROCEDURE_QUESTION : undefined;
}
