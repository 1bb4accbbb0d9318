import { areRelated, type AnswerDecision } from '../knowledge/answer-engine.js';
import type { DetailKind, DetailSupply, OfficeContactField, RequestedDetails } from '../knowledge/detail-kinds.js';
import type { Article } from '../knowledge/types.js';
import { looksLikeFollowUp, nounsIn } from './follow-up.js';
import { questionsOf } from './sentences.js';

/** The office's configured ways of contact (those that are set). */
type OfficeContact = Partial<Record<OfficeContactField, string>>;

/** A kind of detail the question asks for, and whether the chosen article supplies it. */
export interface DetailFinding {
  kind: DetailKind;
  supply: DetailSupply;
}

/** What reading a question for a detail needs: a reading of a text, and a reading about a given article. */
interface Reader<R extends { decision: AnswerDecision }> {
  read(text: string): R;
  /** A reading of the question about `article` (the topic of the conversation, or a close candidate). */
  about(article: Article, asTopic: boolean): R;
  /** The article of the conversation's topic, if any. */
  topicArticle?: Article;
  /** The question read on its own, without the conversation's topic. */
  readAlone?(text: string): R;
  /** Whether `article` lacks what the question's subject names, which `subjectArticle` (the subject's answer) has. */
  lacksSubject?(article: Article, subjectArticle: Article, subject: string): boolean;
}

/** A candidate this close to the best (share of its score, at about the same coverage) fits the subject as well. */
const CLOSE_SCORE = 0.8;
const CLOSE_COVERAGE = 0.05;
/** How many articles an honest reply offers as related topics. */
const MAX_NEAR = 2;

/**
 * Reads a question that asks for a detail ("Welche Telefonnummer hat …", "In welchem Paragrafen …"). The
 * words that ask for it say what kind of information is wanted, not what it is about, and they pull the
 * search to articles that merely mention such details ("Die Telefonnummer der Hotline ist nicht bekannt").
 * So the question is also read without them, for its subject; articles that fit the subject about as well
 * as the best are candidates too. A subject that names nothing of its own ("welches Formular nimmt man?",
 * "Gibt es dafür ein Formular?") is the topic of the conversation, when there is one. Of these readings the
 * one whose article supplies the most of the details wins; on a tie the question as typed when its article
 * supplies one, else the subject's; its sections are chosen
 * to show the detail. `details` say for each detail whether the article supplies it, so that the bot can
 * say honestly which it lacks. Returns `undefined` when the question asks for no detail.
 */
export function readForDetails<R extends { question: string; decision: AnswerDecision }>(
  question: string,
  asTyped: R,
  details: RequestedDetails,
  reader: Reader<R>,
): (R & { details: DetailFinding[]; nearArticles?: Article[] }) | undefined {
  const asked = questionsOf(question).questions;
  const kinds = details.asked(asked.length > 0 ? asked.join(' ') : question);
  if (kinds.length === 0) return undefined;
  const subjectText = details.subjectOf(question, kinds);
  const named = /[\p{L}\p{N}]/u.test(subjectText);
  const subject = named && subjectText !== question ? reader.read(subjectText) : undefined;
  const outside = (r: R | undefined) => r?.decision.outcome === 'no_answer' && r.decision.reason === 'outside_scope';
  if (outside(asTyped) || outside(subject)) return undefined;
  // "welche Firewall-Produkte empfehlen die da?": the thing asked is one no article has, and its subject alone leads
  // nowhere either; the topic's article would supply a detail of another thing.
  const unknownThing = asTyped.decision.outcome === 'no_answer' && asTyped.decision.reason === 'outside_topic';
  if (unknownThing && reader.readAlone?.(named ? subjectText : question).decision.outcome !== 'answer') return undefined;
  const refersBack =
    !named ||
    (subject !== undefined && (subject.decision.outcome !== 'answer' || (looksLikeFollowUp(subjectText) && !namesSomething(subjectText))));
  const supplied = (r: R) => {
    const decision: AnswerDecision = r.decision;
    return decision.outcome === 'answer' ? kinds.filter((k) => details.supply(decision.article, k).status !== 'missing').length : 0;
  };
  // An article that supplies the detail for another thing is no answer ("… für den Verwendungsnachweis ein Formular?":
  // the application's form); only the subject's own article, or one that also names the subject, may supply it.
  const subjectArticle = subject?.decision.outcome === 'answer' ? subject.decision.article : undefined;
  const aboutOther = (r: R | undefined) =>
    subjectArticle !== undefined &&
    r?.decision.outcome === 'answer' &&
    r.decision.article !== subjectArticle &&
    (reader.lacksSubject?.(r.decision.article, subjectArticle, subjectText) ?? false);
  const options: R[] = [];
  if (refersBack && reader.topicArticle) {
    // Read as typed against the topic already, the question keeps the sections it chose ("kostet das was?" → the costs).
    const onTopic = asTyped.decision.outcome === 'answer' && asTyped.decision.article === reader.topicArticle;
    options.push(onTopic ? asTyped : reader.about(reader.topicArticle, true));
    // "wie lange dauert sowas?" after the application documents: an article the topic links as related may supply it
    // (the procedure has the processing time); one of another matter may not ("kostet das was?" is about the topic),
    // nor one whose detail is its own thing's (`topicOnly`: the debt relief's cap is no cap of the preparation grants).
    const alone = kinds.some((k) => k.topicOnly) ? undefined : reader.readAlone?.(question);
    if (alone?.decision.outcome === 'answer' && areRelated(reader.topicArticle, alone.decision.article)) options.push(alone);
  } else {
    // The question as typed first when its article supplies the detail: the detail word may be its topic ("Gibt es
    // einen Stichtag für den Gruppenantrag?"), and the subject alone may lead to an article that merely has one too.
    // So too when the subject names nothing of its own: the detail words were its topic ("Wann ist die nächste Fachtagung?").
    const readings =
      !aboutOther(asTyped) && (supplied(asTyped) > 0 || !namesSomething(subjectText)) ? [asTyped, subject] : [subject, asTyped];
    for (const r of readings) if (r?.decision.outcome === 'answer') options.push(r);
    for (const article of closeCandidates(subject ?? asTyped)) options.push(reader.about(article, false));
  }
  // The first reading wins unless a later one supplies more of the details.
  const chosen = options.reduce<R | undefined>(
    (best, option) => (!best || (supplied(option) > supplied(best) && !aboutOther(option)) ? option : best),
    undefined,
  );
  if (chosen?.decision.outcome !== 'answer') return undefined;
  const { article } = chosen.decision;
  const findings = kinds.map((kind) => ({ kind, supply: details.supply(article, kind) }));
  // Without the detail, the other readings' articles are near topics too (the subject's, and the one the detail words led to).
  const near =
    supplied(chosen) > 0
      ? []
      : options.flatMap((o) => (o.decision.outcome === 'answer' && o.decision.article !== article ? [o.decision.article] : []));
  // The question as asked stays the reading's question (the topic of follow-ups), not its subject alone.
  return {
    ...chosen,
    question: asTyped.question,
    decision: showing(chosen.decision, findings),
    details: findings,
    ...(near.length > 0 && { nearArticles: [...new Set(near)].slice(0, MAX_NEAR - 1) }),
  };
}

/** The articles that fit a reading about as well as its answer (or its best candidate). */
function closeCandidates(reading: { decision: AnswerDecision }): Article[] {
  if (reading.decision.outcome !== 'answer') return [];
  const [best, ...rest] = reading.decision.candidates;
  if (!best) return [];
  return rest.filter((c) => c.score >= best.score * CLOSE_SCORE && c.coverage >= best.coverage - CLOSE_COVERAGE).map((c) => c.article);
}

/** A capitalised word other than the opener: the subject names a thing ("vom Beratungszentrum?"), not only refers back. */
function namesSomething(text: string): boolean {
  return nounsIn(text).some((word) => /^\p{Lu}/u.test(word));
}

/**
 * The details a second question asks for that its own article lacks and the first question's article
 * supplies ("Wer berät uns, und welche Telefonnummer hat die Stelle?"): then it asks them of the first's
 * subject. The findings for that article, or `undefined`.
 */
export function detailsOfFirst(
  second: { details?: DetailFinding[] },
  firstArticle: Article,
  details: RequestedDetails,
): DetailFinding[] | undefined {
  const findings = second.details;
  if (!findings?.some((f) => f.supply.status === 'missing')) return undefined;
  const ofFirst = findings.map(({ kind }) => ({ kind, supply: details.supply(firstArticle, kind) }));
  return ofFirst.every((f) => f.supply.status !== 'missing') ? ofFirst : undefined;
}

/**
 * The decision with a section that holds a supplied detail among the sections shown (after the intro): the sections it
 * shows when one of them holds it (the search chose the best of several: "Das Förderprogramm gibt es seit 2004" for
 * "Seit wann gibt es das Förderprogramm?", not an earlier section naming the agreement of 2021), else the first that
 * holds it.
 */
export function showing<D extends Extract<AnswerDecision, { outcome: 'answer' }>>(decision: D, findings: readonly DetailFinding[]): D {
  const supplying = findings.find((f) => f.supply.status === 'article')?.supply;
  if (supplying?.status !== 'article') return decision;
  const { sections } = decision.article;
  if (supplying.sections.some((i) => decision.sections.includes(sections[i]!))) return decision;
  const index = supplying.sections[0]!;
  const section = sections[index];
  if (!section) return decision;
  const intro = decision.article.sections[0]!;
  return { ...decision, sections: index === 0 ? [intro] : [intro, section] };
}

/** The details a reading's article lacks (the office's contact counts only when `office` has that way of contact). */
export function missingDetails(findings: readonly DetailFinding[], office: OfficeContact): DetailKind[] {
  return findings
    .filter((f) => f.supply.status === 'missing' || (f.supply.status === 'office' && !office[f.supply.field]))
    .map((f) => f.kind);
}

/** Whether the office's contact data answers one of the details (the article is about the office). */
export function needsOfficeContact(findings: readonly DetailFinding[], office: OfficeContact): boolean {
  return findings.some((f) => f.supply.status === 'office' && Boolean(office[f.supply.field]));
}
