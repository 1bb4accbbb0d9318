/**
 * A question whether a task is funded, for a task no article names (pure): "Ist ein gemeinsamer Fuhrpark
 * förderfähig?". The programme funds almost every municipal field of work as long as the shared part is
 * substantial (Nr. 3.2), so such a question is a question about the task areas, not about the unknown word.
 */
import { asksWhetherFunded, asksYesNoAboutFunding } from './plan-reading.js';
import { looksLikeFollowUp } from './follow-up.js';
import { questionsOf } from './sentences.js';
import { namesPayment } from './payment-nouns.js';

/** The word that stands for a task no article names: the articles' own word for a field of work. */
export const TASK_STAND_IN = 'Aufgabenfeld';

/** A name after a noun ("Ortsbeirat Niederklein", "Frau Berger", "Wehren A und B") is a place or a person, not a task. */
const NAME_BEFORE = /(?<=\p{L}[,;:–-]?\s+)\p{Lu}[\p{L}-]*\s+(?:(?:\p{Lu}[\p{L}-]*)\s+(?:und|oder|sowie)\s+)?$/u;

/**
 * A word after "aus", "über", "durch", "bei" names who would pay ("Geld über den Zukunftspakt"), not the task: it stays.
 * Not "von": "die Beschaffung von Druckerpatronen" names the task.
 */
const FUNDER_BEFORE = /(?<!\p{L})(?:aus|über|ueber|durch|beim?)\s+(?:de[rmns]\s+|die\s+|das\s+)?$/iu;

/**
 * A word after "pro" or "je" is the unit a payment counts ("Landeszuschüsse pro Unterrichtsstunde"): a way of funding
 * the programme does not know, so the question is not one about the task areas.
 */
const UNIT_BEFORE = /(?<!\p{L})(?:pro|je)\s+$/iu;

/** A year or month after a word makes it a time ("Mitte 2027", "Anfang März"), not a task. */
const TIME_AFTER =
  /^\s+(?:(?:19|20)\d\d(?!\d)|(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)(?!\p{L}))/iu;

/**
 * The question with each unknown task noun replaced by `TASK_STAND_IN`, or `undefined` when it does not ask whether
 * something is funded or names no unknown task.
 *
 * @example
 * ```ts
 * asTaskQuestion('Ist ein gemeinsamer Fuhrpark förderfähig?', () => ['Fuhrpark']);
 * // 'Ist ein gemeinsamer Aufgabenfeld förderfähig?'
 * ```
 */
export function asTaskQuestion(question: string, unknownNouns: (text: string) => readonly string[]): string | undefined {
  // The words are looked up only for a question whether something is funded: the lookup analyses the whole text.
  // A yes/no question about money ("Gibts Geld für …?") asks it of a cooperation only ("… eine gemeinsame
  // Friedhofsverwaltung"); of a municipality's own project ("… für den Glasfaserausbau im Ortsteil") it asks of another programme.
  if (ASKS_COUNT.test(question)) return undefined;
  const asks = asksWhetherFunded(question) || (COOPERATION.test(question) && questionsOf(question).questions.some(asksYesNoAboutFunding));
  return asks ? withTaskStandIn(question, unknownNouns) : undefined;
}

/**
 * "Wie viele Projekte wurden im Werra-Meißner-Kreis gefördert?" counts funded projects: its unknown words name where
 * or what is counted, not a task whose funding is asked about.
 */
const ASKS_COUNT = /(?<!\p{L})(?:wie\s*viele|anzahl)(?!\p{L})/iu;

/**
 * Context that tells a cooperation ("gemeinsam", "zusammenlegen", "mit den Nachbarstädten", "drei Gemeinden"): IKZ
 * funds only those. Not one denied ("ohne Zusammenarbeit", "nicht gemeinsam").
 */
const COOPERATION =
  /(?<!\p{L})(?<!(?:ohne|keine?|nicht)\s+(?:\p{L}+\s+)?)(?:gemeinsam\p{L}*|zusammen\p{L}*|b(?:ü|ue)ndel\p{L}*|kooper\p{L}*|interkommunal\p{L}*|mit\s+(?:\p{L}+\s+){0,3}?nachbar\p{L}*|(?:zwei|drei|vier|fünf|fuenf|sechs|mehrere|\d+)\s+(?:\p{L}+\s+)?(?:gemeinden|kommunen|st(?:ä|ae)dte|d(?:ö|oe)rfer|orte))(?!\p{L})/iu;

/**
 * "Drei Gemeinden wollen ihre Friedhöfe gemeinsam verwalten. Ist sowas förderfähig?": a question that refers back and
 * asks about funding, after context sentences that tell a cooperation on a task no article names, asks whether that
 * task is funded. The whole message with the unknown task nouns replaced by `TASK_STAND_IN`, or `undefined`.
 *
 * @example
 * ```ts
 * planAsTaskQuestion('Wir wollen mit den Nachbarorten den Fuhrpark teilen.', 'Fördert das Land sowas?', () => ['Fuhrpark']);
 * // 'Wir wollen mit den Nachbarorten den Aufgabenfeld teilen. Fördert das Land sowas?'
 * ```
 */
export function planAsTaskQuestion(
  context: string,
  question: string,
  unknownNouns: (text: string) => readonly string[],
): string | undefined {
  if (!asksMoneyForPlan(context, question)) return undefined;
  return withTaskStandIn(`${context} ${question}`, unknownNouns);
}

/**
 * "Wir wollen unseren Bauhof mit den Nachbargemeinden zusammenlegen. Zahlt das Land da was dazu?": a yes/no question about
 * money that refers back to context sentences telling a cooperation asks whether that cooperation's task is funded.
 */
export function asksMoneyForPlan(context: string, question: string): boolean {
  return asksYesNoAboutFunding(question) && looksLikeFollowUp(question) && COOPERATION.test(context);
}

/** `text` with each unknown task noun replaced by `TASK_STAND_IN`, or `undefined` when it names none. */
function withTaskStandIn(question: string, unknownNouns: (text: string) => readonly string[]): string | undefined {
  const nouns = [...new Set(unknownNouns(question))];
  if (nouns.length === 0) return undefined;
  const before = (noun: string) => question.slice(0, Math.max(0, question.indexOf(noun)));
  if (nouns.some((noun) => NAME_BEFORE.test(before(noun)) || UNIT_BEFORE.test(before(noun)) || namesPayment(noun))) return undefined;
  let replaced = question;
  let any = false;
  for (const noun of nouns) {
    const at = replaced.indexOf(noun);
    if (at < 0 || FUNDER_BEFORE.test(replaced.slice(0, at)) || TIME_AFTER.test(replaced.slice(at + noun.length))) continue;
    replaced = replaced.slice(0, at) + TASK_STAND_IN + replaced.slice(at + noun.length);
    any = true;
  }
  return any ? replaced : undefined;
}

/**
 * "Was wird bei IKZ eigentlich alles gefördert?", "Was ist förderfähig?", "Welche Projekte werden gefördert?": a question
 * for the things that are funded, in words ("was", "gefördert") the search finds in every article. The question with that
 * phrase in the articles' words (the task areas), or `undefined` when it does not ask that.
 *
 * @example
 * ```ts
 * asWhatIsFundedQuestion('Was wird alles gefördert? Auch Sachen draußen?');
 * // 'Welche Aufgabenbereiche werden gefördert? Auch Sachen draußen?'
 * ```
 */
export function asWhatIsFundedQuestion(question: string): string | undefined {
  const match = WHAT_IS_FUNDED.exec(question);
  return match ? question.replace(match[0], AREAS_QUESTION) : undefined;
}

const WHAT_IS_FUNDED =
  /(?<!\p{L})(?:(?:was|welche\s+(?:dinge|sachen|projekte|vorhaben|bereiche|aufgaben|themen))\s+(?:wird|werden|kann|k(?:ö|oe)nnen)\s+(?:(?:bei|in|der|die|im|von|ikz|eigentlich|denn|alles|so|da|man|sich|überhaupt|ueberhaupt)\s+){0,5}(?:gef(?:ö|oe)rdert|bezuschusst)(?:\s+werden)?|was\s+(?:ist|sind)\s+(?:(?:da|denn|eigentlich|alles|so|überhaupt|ueberhaupt)\s+)*f(?:ö|oe)rderf(?:ä|ae)hig|was\s+f(?:ö|oe)rdert\s+(?:das\s+land|hessen)(?:\s+(?:eigentlich|alles|denn|so|überhaupt|ueberhaupt))*)(?!\p{L})/iu;

/** The funded things, in the articles' words. */
const AREAS_QUESTION = 'Welche Aufgabenbereiche werden gefördert';
