/**
 * Questions about the amount for a concrete case ("Wir sind drei Gemeinden – wie viel gibt es?",
 * "GVV mit 3 Gemeinden", "Fusion, 6.000 Einwohner, 10 Mio Schulden"): which computed case a message is
 * about and the numbers it gives, read with the words the programme file names for each case
 * (`grant_cases`). Pure; the amount itself comes from `grantFigure`.
 */
import { grantFigure, type GrantCase, type GrantFigure } from '../funding/grant-amounts.js';
import { GRANT_CASE_FIGURES, type GrantCaseFigure, type GrantCaseKind, type GrantCaseRules, type ProgrammeParameters, type ProgrammeVersion } from '../funding/programme-parameters.js';
import { versionOn } from '../funding/programme-validity.js';
import type { AnswerDecision } from '../knowledge/answer-engine.js';
import { looksLikeFollowUp } from './follow-up.js';
import { quantitiesIn, type Quantity } from './german-numbers.js';

/** The computed case a conversation is about (kept with the topic), and the number the bot asked for. */
export interface GrantTopic {
  grantCase: GrantCase;
  awaiting?: GrantCaseFigure;
}

/** How strongly a message asks for an amount. */
export type AmountAsk = 'none' | 'weak' | 'strong';

/** What a message says about a computed case. */
export interface GrantReading {
  grantCase: GrantCase;
  /** "wie viel", "Summe", "Betrag" (strong); "Geld", "Zuschuss", "was zahlt das Land", a sum of money (weak). */
  asks: AmountAsk;
  /** The message speaks of money or funding ("Förderung", "gibt es", "Geld"): a "wie viel" is then about the amount, not about savings or time. */
  aboutMoney: boolean;
  /** The case is named ("GVV"), counted by its own words ("vier Ortsteilwehren") or mentioned by them in the plural ("die Wehren"), the topic's, the answer's article's, or the general case of a count or counting word ("drei Gemeinden", "wie viele Kommunen"). */
  by: 'name' | 'count' | 'mention' | 'topic' | 'article' | 'general';
  /** The numbers the message itself gave. */
  given: GrantCaseFigure[];
}

/** What the caller knows beside the message. */
export interface GrantHints {
  /** The article the knowledge base answered with, if it answered. */
  articleId?: string;
  /** The computed case of the conversation's topic. */
  topic?: GrantTopic;
  /** The message continues the previous question ("Und für fünf?"). */
  followUp: boolean;
}

/** The largest count the reader takes as a number of partners, members or brigades (not a sum or a year). */
const MAX_COUNT = 1000;
/** Words joining one more partner to a count: "drei Gemeinden und der Landkreis", "7 Gemeinden plus Landkreis". */
const JOINING = new Set(['und', 'plus', 'sowie', 'samt', 'mit', 'inklusive', 'inkl', 'zuzueglich']);
const ARTICLES = new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einem', 'einer', 'unser', 'unsere', 'unserem', 'unserer', 'noch']);
/** "und wenn der Landkreis noch mitmacht?": one more of the counted partners. */
const ADDING = new Set(['noch', 'zusaetzlich', 'dazu', 'hinzu', 'ausserdem', 'ebenfalls', 'plus']);
/** Numbers of these are no counts of the case: "in 5 Jahren", "15 Prozent". */
const UNITS = /^(?:jahr|jahre|jahren|jahres|monat|monate|monaten|woche|wochen|tag|tage|tagen|stunde|stunden|prozent|mal|uhr|punkte|stellen|stelle|vh)$/;

/** Strong: the question asks for a figure ("wie viel", "wie hoch", "was bekommen wir", "Summe", "Betrag"). */
const STRONG_ASK = /\b(?:was\s+(?:bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|zahlt|gibt|gibts)\b|wie\s*viel(?!e)(?!\s+(?:zeit|prozent|jahre|monate|wochen|tage|personal|stellen|aufwand)\b)|wie\s+hoch|(?:gesamt|foerder|regel)?summe|(?:foerder|regel)?betrag|foerderhoehe|regelfoerderung|regelzuwendung)\b/;
/** Funding or money in any words: what a "wie viel" must be about to ask for the amount. */
const MONEY_TALK = /\b(?:foerderung|foerdermittel|foerdergeld|gibt|gibts|geben|zahlt|zahlen|bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|geld|zuschuss|zuschuesse|zuwendung|euro|kohle|summe|betrag)\b/;
/** Weak: the question is about money, which together with a concrete case means its amount. */
const WEAK_ASK = /\b(?:geld|foerdergeld|zuschuss|zuschuesse|zuwendung|euro|kohle|zahlt|zahlen|bezahlt|bekommen|bekommt|kriegen|kriegt|erhalten|erhaelt|foerderseitig|lohnt|vom\s+land)\b/;

/**
 * How a message asks for an amount: `strong` ("wie viel", "wie hoch", "was bekommen wir", "Summe", "Betrag"), `weak` (it
 * speaks of money: "Geld", "Zuschuss", "was zahlt das Land", "150k") or `none`.
 */
export function amountAsk(text: string): AmountAsk {
  const folded = fold(text);
  if (STRONG_ASK.test(folded)) return 'strong';
  if (WEAK_ASK.test(folded) || quantitiesIn(text).some((q) => q.money)) return 'weak';
  return 'none';
}

/**
 * The computed case a message is about, with the numbers it gives, or `undefined` when it is about
 * none. The case is, in this order: the one the message names ("GVV", "Entschuldungshilfe"); the one
 * its own counting words belong to ("vier Ortsteilwehren", "6.000 Einwohner"); in a follow-up the
 * topic's; the general case of a shared count ("drei Gemeinden": the regular grant, the first case
 * listed); the case of the answer's article; the first case whose counting word the message uses. Numbers: "drei Gemeinden und der Landkreis" = 4,
 * "mit zwei Nachbarorten" = 3 (the asking municipality counts), "zu viert", "3er-Kooperation", "10 Mio €";
 * in a follow-up a bare number fills the number asked for or the case's first ("Und für fünf?").
 *
 * @example
 * ```ts
 * readGrantCase('GVV mit 3 Gemeinden – wie hoch ist die Förderung?', programme.grant_cases, { followUp: false });
 * // { grantCase: { kind: 'gvv', members: 3 }, asks: 'strong', by: 'name', given: ['members'] }
 * ```
 */
export function readGrantCase(text: string, cases: readonly GrantCaseRules[], hints: GrantHints): GrantReading | undefined {
  if (cases.length === 0) return undefined;
  const words = wordsOf(text);
  const quantities = quantitiesIn(text);
  const counted = countsIn(quantities, cases);
  const topic = hints.followUp ? hints.topic : undefined;

  const named = cases.filter((c) => c.names.some((name) => words.some((w) => matches(w, name))));
  const own = cases.filter((c) => mentionsOwnWords(words, c, cases));
  const shared = cases.filter((c) => Object.keys(c.counts).some((figure) => counted.has(`${c.case}:${figure}`)));
  // "Wie viele Kommunen müssen mitmachen?": no number yet, but "Und wenn es nur zwei sind?" may follow.
  const mentioned = cases.filter((c) => Object.values(c.counts).some((count) => !count.money && count.words.some((cw) => words.some((w) => matches(w, cw)))));
  const byArticle = hints.articleId ? cases.find((c) => c.articles.includes(hints.articleId!)) : undefined;
  const mostFilled = (list: GrantCaseRules[]) => [...list].sort((a, b) => filledOf(b, counted) - filledOf(a, counted))[0];

  let rules: GrantCaseRules | undefined;
  let by: GrantReading['by'];
  if (named.length > 0) [rules, by] = [mostFilled(named), 'name'];
  else if (own.length > 0) [rules, by] = [mostFilled(own), 'count'];
  else if (topic && cases.some((c) => c.case === topic.grantCase.kind)) [rules, by] = [cases.find((c) => c.case === topic.grantCase.kind), 'topic'];
  else if (shared.length > 0) [rules, by] = [shared[0], 'general'];
  else if (byArticle) [rules, by] = [byArticle, 'article'];
  else if (mentioned.length > 0) [rules, by] = [mentioned[0], 'general'];
  else return undefined;
  if (!rules) return undefined;

  const figures = Object.keys(rules.counts) as GrantCaseFigure[];
  const values: Partial<Record<GrantCaseFigure, number>> = {};
  // A follow-up of the same case starts from the topic's numbers; of another case, it keeps the first count ("… als GVV?").
  if (topic) {
    const previous = topic.grantCase as Partial<Record<GrantCaseFigure, number>> & { kind: GrantCaseKind };
    if (previous.kind === rules.case) Object.assign(values, withoutKind(previous));
    else {
      const before = firstCount(cases.find((c) => c.case === previous.kind));
      const now = firstCount(rules);
      if (before && now && previous[before] !== undefined) values[now] = previous[before];
    }
  }
  const given: GrantCaseFigure[] = [];
  for (const figure of figures) {
    const value = counted.get(`${rules.case}:${figure}`);
    if (value !== undefined) {
      values[figure] = value;
      given.push(figure);
    }
  }
  // "zu viert", "3er-Kooperation": the size of the group is the case's first count.
  const first = firstCount(rules);
  const group = quantities.find((q) => q.group);
  if (first && group && !given.includes(first) && plausible(group.value, first, false)) {
    values[first] = group.value;
    given.push(first);
  }
  // "Fusion, 6.000 Einwohner, 10 Mio": a sum of money without its word is the case's sum.
  const moneyFigure = figures.find((f) => rules!.counts[f]!.money);
  const sums = quantities.filter((q) => q.money && !countWordOf(q, cases));
  if (moneyFigure && !given.includes(moneyFigure) && sums.length === 1 && plausible(sums[0]!.value, moneyFigure, true)) {
    values[moneyFigure] = sums[0]!.value;
    given.push(moneyFigure);
  }
  if (topic) fillFromFollowUp(text, words, quantities, rules, cases, topic, values, given);
  const asks = amountAsk(text);
  const aboutMoney = asks === 'weak' || MONEY_TALK.test(fold(text));
  return { grantCase: { kind: rules.case, ...values } as GrantCase, asks, aboutMoney, by: by === 'count' && given.length === 0 ? 'mention' : by, given };
}

/** The first number a case counts that is no sum of money (partners, members, brigades, inhabitants). */
export function firstCount(rules: GrantCaseRules | undefined): GrantCaseFigure | undefined {
  if (!rules) return undefined;
  return (Object.keys(rules.counts) as GrantCaseFigure[]).find((f) => !rules.counts[f]!.money);
}

/** A follow-up's bare numbers ("Und für fünf?", "ca. 6.000", "10 Mio") and added partners ("wenn der Landkreis noch mitmacht"). */
function fillFromFollowUp(
  text: string,
  words: string[],
  quantities: Quantity[],
  rules: GrantCaseRules,
  cases: readonly GrantCaseRules[],
  topic: GrantTopic,
  values: Partial<Record<GrantCaseFigure, number>>,
  given: GrantCaseFigure[],
): void {
  const figures = Object.keys(rules.counts) as GrantCaseFigure[];
  const moneyFigure = figures.find((f) => rules.counts[f]!.money);
  const countFigure = topic.awaiting && figures.includes(topic.awaiting) && !rules.counts[topic.awaiting]!.money ? topic.awaiting : firstCount(rules);
  for (const q of quantities) {
    if (q.year || q.group || countWordOf(q, cases) !== undefined || UNITS.test(fold(q.after[0] ?? ''))) continue;
    const figure = q.money ? moneyFigure : countFigure;
    if (!figure || given.includes(figure) || !plausible(q.value, figure, rules.counts[figure]!.money)) continue;
    values[figure] = q.value;
    given.push(figure);
  }
  const first = firstCount(rules);
  if (!first || given.length > 0 || values[first] === undefined || quantities.length > 0) return;
  const addsOne = words.some((w) => ADDING.has(w)) && words.some((w) => rules.counts[first]!.words.some((c) => matches(w, c)));
  if (addsOne && !/\b(?:nicht|kein|keine|ohne|weniger)\b/.test(fold(text))) {
    values[first] = values[first]! + 1;
    given.push(first);
  }
}

/**
 * The counts of a message per `case:figure`: each number with the first counting word after it (or,
 * without one, before it: "Einwohnerzahl 6000", "Schulden im Kernhaushalt 10 Mio"); "Nachbar-"/"andere"
 * add the asking municipality; "und der Landkreis" one more. Several counts of one figure: the largest.
 */
function countsIn(quantities: Quantity[], cases: readonly GrantCaseRules[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of quantities) {
    const found = countWordOf(q, cases);
    if (!found) continue;
    const word = found.words[found.index]!;
    for (const rules of cases) {
      for (const [figure, count] of Object.entries(rules.counts) as Array<[GrantCaseFigure, GrantCaseRules['counts'][string]]>) {
        const counting = count.words.some((c) => matches(word, c) || (found.side === 'before' && fold(word).startsWith(fold(c))));
        if (!counting) continue;
        // A sum counts debts ("10 Mio Schulden", "Schulden von 10.000.000"); a year counts nothing unless its word follows ("2000 Einwohner").
        if (count.money ? !q.money && found.side === 'after' : q.money || (q.year && found.side === 'before')) continue;
        let value = q.value;
        if (!count.money) {
          const upTo = found.words.slice(0, found.index + 1);
          if (found.side === 'after' && upTo.some((w) => count.others.some((mark) => fold(w).startsWith(fold(mark))))) value += 1;
          if (found.side === 'after' && joinsOneMore(found.words, found.index, count.words)) value += 1;
        }
        if (!plausible(value, figure, count.money)) continue;
        const key = `${rules.case}:${figure}`;
        counts.set(key, Math.max(counts.get(key) ?? 0, value));
      }
    }
  }
  return counts;
}

/** The counting word of a number: the first of its next three words that counts anything, else one of the two before it. */
function countWordOf(q: Quantity, cases: readonly GrantCaseRules[]): { words: string[]; index: number; side: 'after' | 'before' } | undefined {
  if (q.group) return undefined;
  const all = cases.flatMap((c) => Object.values(c.counts).flatMap((count) => count.words));
  const after = q.after.slice(0, 3).findIndex((w) => all.some((c) => matches(w, c)));
  if (after >= 0) return { words: q.after, index: after, side: 'after' };
  const before = q.before.slice(0, 2).findIndex((w) => all.some((c) => matches(w, c) || fold(w).startsWith(fold(c))));
  return before >= 0 ? { words: q.before, index: before, side: 'before' } : undefined;
}

/** "drei Gemeinden und der Landkreis": a joining word and one more counted thing right after the count. */
function joinsOneMore(words: string[], index: number, counting: string[]): boolean {
  if (!JOINING.has(words[index + 1] ?? '')) return false;
  let next = index + 2;
  if (ARTICLES.has(words[next] ?? '')) next++;
  return counting.some((c) => matches(words[next] ?? '', c));
}

/**
 * True when the message uses a counting word that only this case has, inflected ("die Wehren",
 * "Einwohnern"): several of them, as a case of their own. The bare singular ("unsere Feuerwehr") is no case.
 */
function mentionsOwnWords(words: string[], rules: GrantCaseRules, cases: readonly GrantCaseRules[]): boolean {
  const others = cases.filter((c) => c !== rules).flatMap((c) => Object.values(c.counts).flatMap((count) => count.words));
  const own = Object.values(rules.counts)
    .flatMap((count) => count.words)
    .filter((w) => !others.some((o) => fold(o) === fold(w)));
  return words.some((w) => own.some((o) => matches(w, o) && !w.endsWith(fold(o))));
}

function filledOf(rules: GrantCaseRules, counted: Map<string, number>): number {
  return Object.keys(rules.counts).filter((figure) => counted.has(`${rules.case}:${figure}`)).length;
}

/** Inhabitants can be many; partners, members and brigades are few. Counts are whole numbers, sums positive. */
function plausible(value: number, figure: GrantCaseFigure, money: boolean): boolean {
  if (money) return value > 0 && value < 1e12;
  return Number.isInteger(value) && value >= 1 && value <= (figure === 'inhabitants' ? MAX_INHABITANTS : MAX_COUNT);
}

const MAX_INHABITANTS = 10_000_000;

function withoutKind(grantCase: Record<string, unknown>): Partial<Record<GrantCaseFigure, number>> {
  const { kind: _kind, ...figures } = grantCase;
  return figures as Partial<Record<GrantCaseFigure, number>>;
}

/**
 * True when a word of the message is the given counting word or name: the same word, or a compound
 * ending in it with an inflection ("Nachbargemeinden" → Gemeinde, "Ortsteilwehren" → Wehr). An
 * abbreviation written in capitals ("EW", "GVV") matches only as itself.
 */
export function matches(word: string, target: string): boolean {
  const w = fold(word);
  const t = fold(target);
  if (w === t) return true;
  if (target === target.toUpperCase()) return w === `${t}s`;
  return ENDINGS.some((ending) => w.endsWith(t + ending));
}

const ENDINGS = ['', 'e', 'en', 'n', 's', 'es', 'er', 'ern', 'nen', 'innen'];

/** Lower case with umlauts and ß written out, as users without a German keyboard type them. */
function fold(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

function wordsOf(text: string): string[] {
  return fold(text).split(/[^\p{L}]+/u).filter(Boolean);
}

/** How an answer uses a computed case: it is what the question asks (`answer`), or one line under an answer about something else (`line`). */
export type GrantUse = 'answer' | 'line';

/** What the knowledge base made of the question, as far as the amount's place in the reply depends on it. */
export interface DecisionSummary {
  outcome: 'answer' | 'clarify' | 'no_answer';
  articleId?: string;
  outsideScope?: boolean;
}

/**
 * Whether a reply shows the computed case (pure): as the answer when the question asks for the amount
 * (the knowledge base answered with the case's article, could not answer, or the question asks "wie viel"
 * for a concrete case, or a follow-up gives new numbers), as one line under an answer about something
 * else when the question only speaks of money ("Gibt das Land Geld dazu, wenn wir mit zwei
 * Nachbarorten …?"); `undefined` when the amount is not asked.
 */
export function grantUse(reading: GrantReading, decision: DecisionSummary, cases: readonly GrantCaseRules[], topic: GrantTopic | undefined, followUp: boolean): GrantUse | undefined {
  if (decision.outsideScope) return undefined;
  const caseArticle = decision.outcome === 'answer' && cases.some((c) => decision.articleId !== undefined && c.articles.includes(decision.articleId));
  const otherArticle = decision.outcome === 'answer' && !caseArticle;
  const concrete = reading.given.length > 0;
  if (followUp && topic?.grantCase.kind === reading.grantCase.kind) {
    // "Und für fünf?", "10 Mio": a number for the topic's case is the question, whatever the search makes of a bare number.
    if (concrete) return 'answer';
    if (reading.asks !== 'none' && complete(reading.grantCase)) return otherArticle ? undefined : 'answer';
  }
  if (caseArticle) return complete(reading.grantCase) || reading.asks !== 'none' ? 'answer' : undefined;
  if (!otherArticle) return reading.asks !== 'none' && (concrete || reading.by === 'name' || reading.by === 'mention') ? 'answer' : undefined;
  // The search found another topic: only an explicit question for this amount overrides it ("wie viel Förderung gibt es für drei Gemeinden?").
  if (reading.asks === 'strong' && (reading.by === 'name' || (concrete && reading.aboutMoney))) return 'answer';
  return reading.asks === 'weak' && concrete ? 'line' : undefined;
}

/** True when the case has all the numbers its amount needs. */
function complete(grantCase: GrantCase): boolean {
  const values = grantCase as Partial<Record<GrantCaseFigure, number>>;
  return GRANT_CASE_FIGURES[grantCase.kind].every((f) => values[f] !== undefined);
}

/** A computed case read from a question, its figure by the rules of a programme version, and its place in the reply. */
export interface GrantAnswer {
  reading: GrantReading;
  /** The figure by the version's rules: an amount, the numbers still missing, or why the rule does not apply. */
  figure: GrantFigure;
  version: ProgrammeVersion;
  /** The articles explaining the case (the first is offered under the reply). */
  articles: string[];
  /** Where the figure goes: it is the answer, or one line under an answer about something else; `undefined`: only remembered. */
  use?: GrantUse;
  /** What the conversation remembers for a follow-up ("Und für fünf?", the number asked for). */
  topic: GrantTopic;
}

/** A message of at most this many words that gives a number the bot asked for is its answer ("Wir sind 4 Gemeinden"). */
const MAX_ANSWER_WORDS = 8;

/**
 * The computed case of a question and its figure (pure): read with the programme's `grant_cases`, computed
 * with `grantFigure` by the version in force on `day` (or, for a question about a later `year`, the version
 * of that year when one is known), and placed by `grantUse`; `readAgainstTopic`: the search read the message
 * together with the previous question. `undefined` when the question is about no case.
 *
 * @example
 * ```ts
 * const grant = grantAnswer('Und für fünf?', decision, programme, topic.grant, '2026-06-01', { readAgainstTopic: true });
 * grant?.figure.status === 'amount' && grant.figure.amount; // 100000 (after "… für drei Gemeinden?")
 * ```
 */
export function grantAnswer(
  message: string,
  decision: AnswerDecision,
  programme: ProgrammeParameters,
  topic: GrantTopic | undefined,
  day: string,
  options: { year?: number; readAgainstTopic?: boolean } = {},
): GrantAnswer | undefined {
  const { year, readAgainstTopic = false } = options;
  const cases = programme.grant_cases;
  if (cases.length === 0) return undefined;
  const answersAsked = topic?.awaiting !== undefined && quantitiesIn(message).length > 0 && message.split(/\s+/).length <= MAX_ANSWER_WORDS;
  const followUp = topic !== undefined && (looksLikeFollowUp(message) || answersAsked);
  const articleId = decision.outcome === 'answer' ? decision.article.id : undefined;
  const reading = readGrantCase(message, cases, { articleId, topic, followUp });
  if (!reading) return undefined;
  const outsideScope = decision.outcome === 'no_answer' && decision.reason === 'outside_scope';
  // A follow-up the search could only read with the previous question ("und wenn es nur zwei sind?") says nothing of its own about the topic.
  const summary: DecisionSummary = readAgainstTopic && followUp && decision.outcome === 'answer' && !cases.some((c) => c.articles.includes(decision.article.id)) ? { outcome: 'no_answer' } : { outcome: decision.outcome, articleId, outsideScope };
  const use = grantUse(reading, summary, cases, topic, followUp);
  const version = versionOn(programme, year === undefined ? day : `${year}-01-01` > day ? `${year}-01-01` : day);
  const figure = grantFigure(version, reading.grantCase);
  const articles = cases.find((c) => c.case === reading.grantCase.kind)!.articles;
  return { reading, figure, version, articles, use, topic: { grantCase: reading.grantCase, awaiting: figure.status === 'missing' ? figure.missing[0] : undefined } };
}
