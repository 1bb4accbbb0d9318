/**
 * Questions about the time after the funding programme ("Können wir 2027 noch einen Antrag stellen?",
 * "Gibt es nächstes Jahr noch Förderung?"): the years a question asks about, read against the
 * programme's versions and the day of the question. Pure; the day is the caller's clock.
 */
import type { ProgrammeParameters } from '../funding/programme-parameters.js';
import { endNotice, knownUntil } from '../funding/programme-validity.js';
import type { AnswerDecision } from '../knowledge/answer-engine.js';
import type { Article } from '../knowledge/types.js';
import { quantitiesIn } from './german-numbers.js';
import type { KnowledgeLookup } from './understand-question.js';

/** A year a question asks about, and the words naming it ("im März 2027", "nächstes Jahr"). */
export interface AskedYear {
  year: number;
  /** The words as written, for reading the question without them. */
  words: string;
}

const MONTHS =
  '(?:januar|jan|februar|feb|märz|maerz|mär|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez)\\.?';
const LEAD = `(?:(?:im|in|ab|bis|für|fuer|nach|seit|vor|zum|vom|jahr|jahre|anfang|mitte|ende|herbst|frühjahr|fruehjahr|sommer|winter)\\s+)*(?:${MONTHS}\\s+)?`;
/** "nächstes Jahr", "im kommenden Jahr", "übernächstes Jahr", "Folgejahr": years from today. */
const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [/(?<!\p{L})(?:im\s+|ab\s+|bis\s+)?(?:über|ueber)(?:nächst|naechst)\w*\s+jahr\w*/iu, 2],
  [/(?<!\p{L})(?:im\s+|ab\s+|bis\s+)?(?:nächst|naechst|kommend|folgend)\w*\s+jahr\w*/iu, 1],
  [/(?<!\p{L})(?:im\s+|ab\s+)?folgejahr\w*/iu, 1],
];
/** A four-digit number followed by these counts people, not a year ("2000 Einwohner"). */
const NOT_A_YEAR = /^(?:einwohner|ew|bürger|buerger|menschen|personen|euro|eur)/;

/**
 * The years a question asks about: written years ("2027", "im März 2027", "ab 2028") and years counted
 * from `today` (`YYYY-MM-DD`): "nächstes Jahr", "im kommenden Jahr", "übernächstes Jahr".
 *
 * @example
 * ```ts
 * yearsAskedAbout('Können wir nächstes Jahr noch einen Antrag stellen?', '2026-06-01'); // [{ year: 2027, words: 'nächstes Jahr' }]
 * ```
 */
export function yearsAskedAbout(text: string, today: string): AskedYear[] {
  const years: AskedYear[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (const [pattern, ahead] of RELATIVE) {
    const match = pattern.exec(text);
    if (match && !years.some((y) => y.words.includes(match[0]) || match[0].includes(y.words)))
      years.push({ year: thisYear + ahead, words: match[0] });
  }
  for (const q of quantitiesIn(text)) {
    if (!q.year || NOT_A_YEAR.test(q.after[0] ?? '')) continue;
    const lead = new RegExp(`${LEAD}${q.text}(?!\\d)`, 'iu').exec(text);
    years.push({ year: q.value, words: lead?.[0] ?? q.text });
  }
  return years;
}

/**
 * The first year a question asks about that lies after the end of the programme known on `day`
 * (from the programme's versions, not a fixed year): then what happens after the end is part of the
 * answer. `undefined` when the question names no such year.
 *
 * @example
 * ```ts
 * yearAfterProgramme('Gibt es die Förderung 2027 noch?', programme, '2026-06-01')?.year; // 2027 (the RV 2021 ends 2026-12-31)
 * ```
 */
export function yearAfterProgramme(text: string, parameters: ProgrammeParameters, day: string): AskedYear | undefined {
  const until = knownUntil(parameters, day);
  return yearsAskedAbout(text, day).find((asked) => `${asked.year}-12-31` > until);
}

/** The question without the words naming a year ("Können wir 2027 noch …" → "Können wir noch …"). */
export function withoutYear(text: string, asked: AskedYear): string {
  return text
    .replace(asked.words, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** An answer read against the programme's end: the decision to reply with and the notice it must carry. */
export interface ReadingAtProgrammeEnd {
  decision: AnswerDecision;
  /** The programme's end notice, due for this question whatever the date ("Die RV 2021 gilt … bis Ende 2026. Ob und wie …"). */
  notice?: string;
  /** The year after the programme the question asks about. */
  asked?: AskedYear;
}

/**
 * A question's decision read against the end of the programme on `day` (pure apart from asking
 * `knowledge`). An answer from the article on the programme's validity (the versions'
 * `validity_source`) always carries the end notice. A question about a year after the end ("Können wir
 * 2027 noch einen Antrag stellen?", "nächstes Jahr" late in the last year) carries it with any answer
 * tied to a programme version; when the knowledge base is unsure, the question is read without the
 * year, and failing that the validity article answers if the search counts it among the candidates.
 */
export function readAtProgrammeEnd(
  question: string,
  decision: AnswerDecision,
  knowledge: KnowledgeLookup,
  parameters: ProgrammeParameters,
  day: string,
): ReadingAtProgrammeEnd {
  const validity = new Set(parameters.versions.map((v) => v.validity_source.article));
  const tied = (article: Article) =>
    validity.has(article.id) || (article.version !== undefined && parameters.versions.some((v) => v.version === article.version));
  const notice = () => endNotice(parameters, day)?.text;
  const asked = yearAfterProgramme(question, parameters, day);
  // "Wir starten Mitte 2027. Gibt es das Förderprogramm dann noch?": whether the funding goes on after the programme's
  // end is what the validity article answers, whatever else the words of the plan find.
  const validityArticle = asked && GOES_ON.test(question) && FUNDING.test(question) ? knowledge.article([...validity].at(-1)!) : undefined;
  if (validityArticle && !(decision.outcome === 'answer' && tied(decision.article)))
    return { decision: answerWith(validityArticle), notice: notice(), asked };
  // "Bis wann gilt die IKZ-Förderung noch?", "Wann läuft das Programm aus?": how long the programme runs is the validity
  // article's question, also without a year, when the search counts that article among the candidates.
  const runs =
    decision.outcome !== 'no_answer' && PROGRAMME_RUNS.test(question)
      ? decision.candidates.find((c) => validity.has(c.article.id))?.article
      : undefined;
  if (runs && !(decision.outcome === 'answer' && validity.has(decision.article.id)))
    return { decision: answerWith(runs), notice: notice(), asked };
  if (decision.outcome === 'answer') {
    return validity.has(decision.article.id) || (asked && tied(decision.article))
      ? { decision, notice: notice(), asked }
      : { decision, asked };
  }
  // Among the choices of a clarification, or the best candidate of an unanswered question.
  const validityCandidate = (d: AnswerDecision | undefined) =>
    d && d.outcome !== 'answer'
      ? (d.outcome === 'clarify' ? d.candidates : d.candidates.slice(0, 1)).find((c) => validity.has(c.article.id))?.article
      : undefined;
  if (!asked || (decision.outcome === 'no_answer' && decision.reason !== 'not_covered')) return { decision };
  if (decision.outcome === 'clarify' && validityCandidate(decision))
    return { decision: answerWith(validityCandidate(decision)!), notice: notice(), asked };
  const rest = withoutYear(question, asked);
  const withoutTheYear = rest.length > 0 ? knowledge.answer(rest) : undefined;
  if (withoutTheYear?.outcome === 'answer')
    return { decision: withoutTheYear, notice: tied(withoutTheYear.article) ? notice() : undefined, asked };
  // Only a question the search relates to the programme's validity by more than its year ("Gibt es 2028 eine neue …?")
  // gets its article; "unsere Schlüsselzuweisung nächstes Jahr" or "für unsere Stadt 2027" does not (the year alone
  // makes the validity article the best candidate of almost any question).
  const article = validityCandidate(withoutTheYear);
  return article ? { decision: answerWith(article), notice: notice(), asked } : { decision, asked };
}

/** Words that ask whether something goes on ("noch", "weiterhin", "verlängert"). */
const GOES_ON = /(?<!\p{L})(?:noch|weiterhin|weitergehen|weitergeführt|fortgesetzt|verlängert)(?!\p{L})/iu;
/** The programme or its money ("Förderprogramm", "die Förderung", "IKZ-Zuschuss", "Rahmenvereinbarung"). */
const FUNDING_WORD = String.raw`(?:[\p{L}-]*f(?:ö|oe)rder(?:ung|programm|mittel|geld)\p{L}*|programm|rahmenvereinbarung|[\p{L}-]*zusch(?:u|ü|ue)ss\p{L}*)`;
const FUNDING = new RegExp(String.raw`(?<!\p{L})${FUNDING_WORD}(?!\p{L})`, 'iu');
/**
 * How long the programme runs: "bis wann / wie lange" with "gilt / läuft / gibt es" and the programme a few words
 * later, or "wann läuft / endet" the programme. Not "Wie lange muss die Kooperation laufen, um die Förderung …".
 */
const PROGRAMME_RUNS = new RegExp(
  String.raw`(?<!\p{L})(?:(?:bis\s+wann|wie\s+lange)\s+(?:noch\s+)?(?:gilt|gelten|l(?:ä|ae)uft|gibt\s+es|gibts|besteht)|wann\s+(?:l(?:ä|ae)uft|endet))\s+(?:[\p{L}-]+\s+){0,3}?${FUNDING_WORD}(?!\p{L})`,
  'iu',
);

/** An answer with an article chosen by rule rather than by the search: its intro. */
function answerWith(article: Article): AnswerDecision {
  return { outcome: 'answer', article, sections: article.sections.slice(0, 1), score: 0, coverage: 0, candidates: [] };
}
