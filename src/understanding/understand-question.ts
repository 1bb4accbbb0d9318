import type { AnswerDecision, Candidate } from '../knowledge/answer-engine.js';
import type { RequestedDetails } from '../knowledge/detail-kinds.js';
import type { Article } from '../knowledge/types.js';
import type { GrantCase } from '../funding/grant-amounts.js';
import type { ProgrammeParameters } from '../funding/programme-parameters.js';
import { comparisonSides, toldAlternatives } from './comparison.js';
import { amountSides } from './money-comparison.js';
import { followUpNouns, followUpReadings, looksLikeFollowUp, refersBack, topicOf, type ConversationTopic } from './follow-up.js';
import { cleanMessage, type CleanedMessage } from './message-cleanup.js';
import { detailsOfFirst, readForDetails, showing, type DetailFinding } from './requested-details.js';
import { asHelpQuestion } from './help-reading.js';
import { asTotalsQuestion } from './totals-reading.js';
import { asHistoryQuestion } from './history-reading.js';
import { asMinimumQuestion } from './minimum-reading.js';
import { asScopeQuestion } from './scope-reading.js';
import { asProcedureQuestion } from './procedure-reading.js';
import { asAvailabilityQuestion } from './availability-reading.js';
import { asTaskQuestion, asWhatIsFundedQuestion, asksMoneyForPlan, planAsTaskQuestion } from './task-reading.js';
import { claimToConfirm, questionAfterStatement, questionsOf } from './sentences.js';
import { namesPayment } from './payment-nouns.js';

/** What understanding needs of the knowledge base (`KnowledgeService` has it). */
export interface KnowledgeLookup {
  answer(question: string): AnswerDecision;
  article(id: string): Article | undefined;
  /** The kinds of detail a question can ask for (`_meta/details.yml`); without them no question is read for a detail. */
  readonly details?: RequestedDetails;
  /** The search terms of a text (stemmed, stop words left out); without it every context noun that leads somewhere counts. */
  terms?(text: string): string[];
  /** The nouns of a text that no article knows (not even through a synonym or compound part). */
  unknownNouns?(text: string): string[];
  /** The nouns of a text that the articles know, as the articles spell them (see `KnowledgeService.knownNouns`). */
  knownNouns?(text: string): string[];
  /** A text's words, each with its index terms (its own first) and its weight (see `KnowledgeService.weightedWords`). */
  weightedWords?(text: string): Array<{ terms: string[]; weight: number }>;
  /** Whether an article has a term anywhere (see `KnowledgeService.hasTerm`). */
  hasTerm?(articleId: string, term: string): boolean;
  /** The article on the fundable task areas, which answers whether a task no article names is funded (`asTask`). */
  readonly taskAreasArticle?: string;
  /** The funding programme's rules; its `grant_cases` let a comparison of amounts compare the amounts. */
  readonly programme?: ProgrammeParameters;
}

/** A confident answer decision. */
export type ConfidentAnswer = Extract<AnswerDecision, { outcome: 'answer' }>;

/** How one question was read and what the knowledge base made of it. */
export interface QuestionReading {
  /** The text that was searched: the question, or a follow-up read with the previous question's context. */
  question: string;
  decision: AnswerDecision;
  /** The topic a follow-up was read against, when the message alone would not have led there. */
  readAgainst?: ConversationTopic;
  /** The details the question asks for (a phone number, a paragraph …) and whether the article supplies them. */
  details?: DetailFinding[];
  /** When the article lacks them: other articles near the question (related topics of the honest reply). */
  nearArticles?: Article[];
}

/** One side of a comparison: how the user named it and the article about it. */
export interface ComparedSide {
  label: string;
  article: Article;
  /** In a comparison of amounts: the side's computed case, with the message's numbers (see `amountSides`). */
  grantCase?: GrantCase;
}

/** What a message asks of the knowledge base. */
export type QuestionUnderstanding =
  /** One question (or one topic); `pending` are further questions of the message to offer as buttons. */
  | { kind: 'single'; reading: QuestionReading; pending: string[] }
  /** Two questions with answers from different articles. */
  /** `secondRefersBack`: the second question points back to the first ("… und bis wann muss der beim Land sein?"). */
  | { kind: 'two'; readings: [AnsweredReading, AnsweredReading]; pending: string[]; secondRefersBack?: boolean }
  /** A comparison of two topics that have articles of their own; `overview` an article about both, if any. */
  | { kind: 'comparison'; sides: [ComparedSide, ComparedSide]; overview?: Article };

/** A reading the knowledge base answered confidently. */
export type AnsweredReading = QuestionReading & { decision: ConfidentAnswer };

/**
 * Reads a message as typed: cleaned of salutation, closing, signature and polite frames (see
 * `cleanMessage`), then as questions (see `understandQuestion`). When the cleaned message has no
 * confident answer but the message as written has (a frame word was the question's subject after all),
 * that reading counts. `question` is the text that was read. `cleaned`: `cleanMessage(message)`, when the caller has it.
 */
export function understandMessage(
  message: string,
  knowledge: KnowledgeLookup,
  topic?: ConversationTopic,
  cleaned: CleanedMessage = cleanMessage(message),
): { question: string; understanding: QuestionUnderstanding } {
  // "Wie kommen wir an das Geld?" asks for the procedure, in words the search cannot see (see `asProcedureQuestion`).
  const procedure = knowledge.terms ? asProcedureQuestion(cleaned.text, (t) => knowledge.terms!(t)) : undefined;
  const asProcedure = procedure !== undefined ? understandQuestion(procedure, knowledge, topic) : undefined;
  if (asProcedure && isConfident(asProcedure)) return { question: cleaned.text, understanding: asProcedure };
  // "Gibts da was vom Land, wenn wir mit den Nachbarn was zusammen machen?" asks for the programme as a whole.
  const availability = knowledge.terms ? asAvailabilityQuestion(cleaned.text, (t) => knowledge.terms!(t)) : undefined;
  const asAvailability = availability !== undefined ? understandQuestion(availability, knowledge, topic) : undefined;
  if (asAvailability && isConfident(asAvailability)) return { question: cleaned.text, understanding: asAvailability };
  // "Seit wann fördert Hessen eigentlich die Zusammenarbeit von Gemeinden?" asks for the programme's history.
  const history = knowledge.terms ? asHistoryQuestion(cleaned.text, (t) => knowledge.terms!(t)) : undefined;
  const asHistory = history !== undefined ? understandQuestion(history, knowledge, topic) : undefined;
  if (asHistory && isConfident(asHistory)) return { question: cleaned.text, understanding: asHistory };
  // "Wie viele solche Projekte hat das Land schon bezahlt?" asks for the programme's figures (after an answer, "Haben
  // andere sowas schon gemacht?" asks about its topic).
  const totals =
    knowledge.terms && !(topic && looksLikeFollowUp(cleaned.text)) ? asTotalsQuestion(cleaned.text, (t) => knowledge.terms!(t)) : undefined;
  const asTotals = totals !== undefined ? understandQuestion(totals, knowledge, topic) : undefined;
  if (asTotals && isConfident(asTotals)) return { question: cleaned.text, understanding: asTotals };
  // "… nur das Kopierpapier gemeinsam einkaufen. Ist das förderfähig?" asks whether so narrow a task is enough: the
  // rule on the task areas answers (see `asScopeQuestion`).
  const scope = knowledge.taskAreasArticle ? asScopeQuestion(cleaned.text) : undefined;
  const asScope = scope !== undefined ? understandQuestion(scope, knowledge, topic) : undefined;
  if (asScope?.kind === 'single' && isAnswered(asScope.reading) && asScope.reading.decision.article.id === knowledge.taskAreasArticle)
    return { question: cleaned.text, understanding: asScope };
  const asTyped = understandQuestion(cleaned.text, knowledge, topic);
  // "Wer kann uns da weiterhelfen?" asks for advice, unless the message names a matter with an article of its own
  // ("Cyberangriff … Wer hilft uns?", "Haushalt … Wer berät uns?"): see `asHelpQuestion`.
  const help = asHelpQuestion(cleaned.text);
  if (help !== undefined && !keepsItsReading(asTyped)) {
    const read = understandQuestion(help, knowledge, topic);
    if (isConfident(read)) return { question: cleaned.text, understanding: matchingHelper(read, knowledge.answer(cleaned.text)) };
  }
  const understanding = help !== undefined ? matchingHelper(asTyped, knowledge.answer(cleaned.text)) : asTyped;
  // "Was wird alles gefördert?": the funded things are the task areas, whatever article "gefördert" finds most often.
  const whatIsFunded = understanding.kind === 'single' ? asWhatIsFundedQuestion(cleaned.text) : undefined;
  if (whatIsFunded && knowledge.taskAreasArticle) {
    const read = understandQuestion(whatIsFunded, knowledge, topic);
    if (
      read.kind === 'single' &&
      read.reading.decision.outcome === 'answer' &&
      read.reading.decision.article.id === knowledge.taskAreasArticle
    )
      return { question: cleaned.text, understanding: read };
  }
  // "Gibt es in Hessen auch Verwaltungsgemeinschaften wie in Bayern?": the other state is the model, Hessen the subject.
  const modelled = isOutside(understanding) ? withoutModelRegion(cleaned.text, knowledge) : undefined;
  if (modelled) {
    const read = understandQuestion(modelled, knowledge, topic);
    // Every word must be known: the thing compared with the other state's ("Verbandsgemeinde") is what is asked.
    const known =
      read.kind !== 'single' || (read.reading.decision.outcome === 'answer' && read.reading.decision.coverage >= MODEL_MIN_COVERAGE);
    if (isConfident(read) && known) return { question: modelled, understanding: read };
  }
  const instead = isConfident(understanding) ? notTheArticlesQuestion(cleaned.text, understanding, knowledge) : undefined;
  if (instead)
    return {
      question: cleaned.text,
      understanding: { kind: 'single', reading: { question: cleaned.text, decision: instead }, pending: [] },
    };
  if (isConfident(understanding)) return { question: cleaned.text, understanding };
  const asWritten = cleaned.changed ? understandQuestion(message.trim(), knowledge, topic) : undefined;
  if (asWritten && isConfident(asWritten)) return { question: message.trim(), understanding: asWritten };
  return { question: cleaned.text, understanding: asTask(cleaned.text, understanding, knowledge, topic) };
}

/**
 * Of the services that help (`Article.helps`), the one the whole message's words (`whole`) hit hardest: "Unser Haushalt ist auf Kante.
 * Gibts jemanden, der mal drüberschaut?" is for the Haushaltsberatung, although the words of advice added to the
 * question (see `asHelpQuestion`) are the advisory office's.
 */
function matchingHelper(understanding: QuestionUnderstanding, whole: AnswerDecision): QuestionUnderstanding {
  if (understanding.kind !== 'single') return understanding;
  const { reading } = understanding;
  const { decision } = reading;
  if (decision.outcome !== 'answer' || !decision.article.helps) return understanding;
  const own = whole.candidates.find((c) => c.article.id === decision.article.id);
  const helper = whole.candidates
    .filter((c) => c.article.helps)
    .reduce<Candidate | undefined>((best, c) => (!best || c.score > best.score ? c : best), undefined);
  if (!helper || !own || helper === own) return understanding;
  // Two services of one matter (related articles) need the larger lead; the general advice beside a specific service less.
  const related = own.article.related.includes(helper.article.id) || helper.article.related.includes(own.article.id);
  if (helper.score < own.score * (related ? HELPER_SCORE_LEAD : HELPER_SCORE_LEAD_UNRELATED)) return understanding;
  return { ...understanding, reading: { ...reading, decision: answeredBy(decision, helper) } };
}

/**
 * Whether a question for a helper keeps the reading it has: one confident answer from an article about a service that
 * helps itself (`Article.helps`: "Cyberangriff … Wer hilft uns?" found Hessen3C), two answers or a comparison.
 */
function keepsItsReading(understanding: QuestionUnderstanding): boolean {
  if (understanding.kind !== 'single') return true;
  const { decision } = understanding.reading;
  return decision.outcome === 'answer' && decision.article.helps;
}

/**
 * An unanswered question whether a task is funded, for a task no article names ("Ist ein gemeinsamer Fuhrpark
 * förderfähig?"), is read as a question about the task areas (see `asTaskQuestion`).
 */
function asTask(
  text: string,
  understanding: QuestionUnderstanding,
  knowledge: KnowledgeLookup,
  topic?: ConversationTopic,
): QuestionUnderstanding {
  if (understanding.kind !== 'single') return understanding;
  const { decision } = understanding.reading;
  if (decision.outcome !== 'no_answer' || decision.reason !== 'not_covered') return understanding;
  const task = asTaskQuestion(text, (t) => knowledge.unknownNouns?.(t) ?? []);
  if (!task) return understanding;
  const read = understandQuestion(task, knowledge, topic);
  if (!isConfident(read)) return understanding;
  return read.kind === 'single' ? { ...read, reading: withTaskAreas(read.reading, knowledge) } : read;
}

/**
 * A task question's reading answered by the article on task areas, when the search counts it among the candidates and it
 * covers the question nearly as well: the rule on task areas answers whether a task is funded, and the stand-in's other
 * words ("mit dem Nachbarort", "gemeinsam") can make the article on IKZ in general rank first.
 */
function withTaskAreas(reading: QuestionReading, knowledge: KnowledgeLookup): QuestionReading {
  const areas = knowledge.taskAreasArticle;
  const { decision } = reading;
  if (!areas || decision.outcome !== 'answer' || decision.article.id === areas) return reading;
  const candidate = decision.candidates.find((c) => c.article.id === areas);
  return candidate && candidate.coverage >= decision.coverage - TASK_AREAS_SLACK
    ? { ...reading, decision: answeredBy(decision, candidate) }
    : reading;
}

/**
 * How much less of a task question the task-areas article may cover than the answer it replaces. A topic the message
 * names besides the task ("… zuerst eine Machbarkeitsstudie") is covered far better by its own article, which stays.
 */
const TASK_AREAS_SLACK = 0.1;

/** The decision answered by another of its candidates, with that article's intro. */
function answeredBy(decision: ConfidentAnswer, candidate: Candidate): ConfidentAnswer {
  const { article, score, coverage } = candidate;
  return { ...decision, article, sections: article.sections.slice(0, 1), score, coverage };
}

/**
 * Reads a (cleaned) message as questions to the knowledge base: a comparison of two topics, two questions
 * with different answers, a question with context sentences ("Wir sind drei Gemeinden. Was gibt es?"), or
 * a follow-up read against the topic of the last answer. Pure apart from asking `knowledge`.
 *
 * @example
 * ```ts
 * const result = understandQuestion('Und für fünf?', knowledge, topicOf('Wie viel Geld gibt es für drei Gemeinden?', article));
 * // { kind: 'single', reading: { question: 'Wie viel Geld gibt es für fünf Gemeinden? Und für fünf?', decision, readAgainst } }
 * ```
 */
export function understandQuestion(text: string, knowledge: KnowledgeLookup, topic?: ConversationTopic): QuestionUnderstanding {
  const { questions, context } = questionsOf(text);
  if (questions.length <= 1) {
    const comparison = readComparison(toldAlternatives(text) ?? questions[0] ?? text, knowledge, text);
    if (comparison) return comparison;
    const form = describedForm(questions[0] ?? text, text, knowledge);
    if (form) return { kind: 'single', reading: form, pending: [] };
  } else if (questions.length === 2) {
    // "Was spricht für einen Zweckverband und was für eine Vereinbarung?": read as two questions, asked as one comparison.
    // (Not when the first question compares two articles itself: "GVV oder Fusion – was ist der Unterschied, und wie
    // fördert das Land jeweils?" gets both answers.)
    const first = readComparison(questions[0]!, knowledge, text);
    const sides = first?.kind === 'comparison' ? undefined : comparisonSides(text);
    const spanning = sides && !`${sides.left} ${sides.right}`.includes('?') ? readComparison(text, knowledge, text) : undefined;
    if (spanning) return spanning;
    // "Delegation oder Mandatierung – wo liegt der Unterschied, und was muss genehmigt werden?": a second question
    // without a noun of its own asks about the things compared, when one article has both (its intro says both). (Two
    // articles' key sentences would leave the second question out: "… Muss man da was zurückzahlen?")
    if (first?.kind === 'single' && followUpNouns(questions[1]!).length === 0) return first;
  }
  // The context sentences of the message are what its questions refer back to ("… ein Gutachten in Auftrag
  // geben. Gibt es dafür einen Zuschuss?"), before the conversation's topic.
  // (Built only when a question refers back: finding which nouns lead somewhere costs a search each.)
  let built: ConversationTopic | undefined;
  const inMessage = context.length > 0 ? () => (built ??= messageTopic(context, knowledge)) : undefined;
  if (questions.length >= 2) return readSeveral(text, questions, knowledge, topic, false, inMessage, context);
  // "Ich habe gehört, nur Gemeinden dürfen Anträge stellen. Stimmt das?": the claim is the question.
  const claim = claimToConfirm(text);
  const claimed = claim !== undefined ? readQuestion(claim, knowledge, topic) : undefined;
  if (claimed && isAnswered(claimed)) {
    // A claim in words that many articles share alike ("dass es Geld nur gibt, wenn Gemeinden dabei sind"): the message
    // around it ("Zwei Landkreise …") chooses among them.
    const whole = choosesNoTopic(claimed.decision) ? readQuestion(text, knowledge, topic) : undefined;
    const chosen = whole && isAnswered(whole) && tiesWithBest(claimed.decision, whole.decision.article);
    return { kind: 'single', reading: chosen ? whole : claimed, pending: [] };
  }
  // A question with context sentences ("Wir sind fünf Kommunen im Landkreis …. Welche Unterlagen …?") is
  // read by its question sentence first: the context says who asks, the question what they want to know.
  if (questions.length === 1 && inMessage) {
    const task = planAsTaskQuestion(context.join(' '), questions[0]!, (t) => knowledge.unknownNouns?.(t) ?? []);
    const asTask = task !== undefined ? readQuestion(task, knowledge, topic) : undefined;
    if (asTask && isAnswered(asTask))
      return { kind: 'single', reading: { ...withTaskAreas(asTask, knowledge), question: text }, pending: [] };
    const question = readInMessage(questions[0]!, knowledge, topic, inMessage, context, sentenceBefore(text, questions[0]!, context));
    // "Wir wurden gehackt, alles ist verschlüsselt. Wer hilft uns jetzt?": who helps is asked about what the context
    // tells; alone the question finds only its words for help (the advisory office).
    if (isAnswered(question) && ASKS_WHO_HELPS.test(questions[0]!)) {
      const whole = readQuestion(text, knowledge, topic);
      if (isAnswered(whole) && whole.decision.article.id !== question.decision.article.id)
        return { kind: 'single', reading: whole, pending: [] };
      // A story with words no article has ("Lösegeldforderung") leaves the whole unanswered: a service that helps
      // itself (`Article.helps`) ranked first for it, at least as close as the one the question found, is the helper.
      const helper = whole.decision.candidates[0];
      const found = whole.decision.candidates.find((c) => c.article.id === question.decision.article.id);
      if (
        helper?.article.helps &&
        helper.article.id !== question.decision.article.id &&
        helper.coverage >= (found?.coverage ?? 0) &&
        helper.coverage >= HELPER_MIN_COVERAGE
      )
        return { kind: 'single', reading: { ...question, question: text, decision: answeredBy(question.decision, helper) }, pending: [] };
    }
    if (isAnswered(question)) {
      // A named task ("Bauhof") as well: whether it is funded is the rule on task areas, not an overview of IKZ (an
      // article on the task itself, "Cybersicherheit als IKZ-Projekt", stays).
      const overviewOfPlan = question.decision.article.overview && asksMoneyForPlan(context.join(' '), questions[0]!);
      return { kind: 'single', reading: overviewOfPlan ? withTaskAreas(question, knowledge) : question, pending: [] };
    }
  }
  const whole = readQuestion(text, knowledge, topic);
  if (whole.decision.outcome === 'answer') return { kind: 'single', reading: whole, pending: [] };
  // "Muss der Antrag über den Kreis laufen oder können wir ihn direkt nach Wiesbaden schicken?": two
  // alternatives, each a question of its own; the second usually refers to the first.
  const alternatives = splitAlternatives(questions[0] ?? text);
  if (alternatives) {
    const read = readSeveral(text, alternatives, knowledge, topic, true, undefined, context);
    if (isConfident(read)) return read;
  }
  // "Wir arbeiten seit 2019 zusammen – kann das noch gefördert werden?": the statement's words did not help.
  const afterStatement = questions.length === 1 ? questionAfterStatement(questions[0]!) : undefined;
  if (afterStatement) {
    const question = readQuestion(afterStatement, knowledge, topic);
    if (isAnswered(question)) return { kind: 'single', reading: question, pending: [] };
  }
  if (questions.length === 0 || context.length === 0) return { kind: 'single', reading: whole, pending: [] };
  // Context sentences that lead nowhere ("Ich bin neu im Hauptamt.") must not hide the question (unless it asks only about them).
  if (!topic && asksAboutUnknownBefore(questions[0]!, context.join(' '), knowledge)) return { kind: 'single', reading: whole, pending: [] };
  const question = readQuestion(questions[0]!, knowledge, topic);
  // (Where the whole leaves a choice between topics, a question in words that many articles share does not decide it.)
  const chooses = question.decision.outcome === 'answer' && !(whole.decision.outcome === 'clarify' && choosesNoTopic(question.decision));
  return { kind: 'single', reading: chooses ? question : whole, pending: [] };
}

/** "Wer hilft uns?", "Gibt es jemanden, der da hilft?", "An wen können wir uns wenden?", "Wer unterstützt uns dabei?" */
const ASKS_WHO_HELPS =
  /(?<!\p{L})(?:wer|jemand\p{L}*|an\s+wen|welche\s+stelle|eine\s+stelle)(?!\p{L}).*?(?<!\p{L})(?:hilft|helfen|unterstützt|unterstützen|unterstuetzt|unterstuetzen|berät|beraet|beraten|wenden|begleitet|begleiten)(?!\p{L})/iu;

/**
 * A question for the name or form of what the message describes: "Wie nennt man sowas?", "Wie heißt das?", "Welches
 * Instrument nimmt man da?", "Gibts dafür ne passende Form?".
 */
const ASKS_FOR_FORM =
  /(?<!\p{L})(?:wie\s+(?:nennt\s+man|heißt|heisst)\s+(?:so\s*was|sowas|so\s+etwas|das|dies)|welche[sr]?\s+(?:instrument|rechtsform|modell|konstrukt|form\s+der\s+(?:zusammenarbeit|kooperation))|(?:gibt\s+es|gibts)\s+(?:(?:da|dafür|dafuer|dazu)\s+)?(?:eine?|ne|'ne)\s+(?:passende[sn]?\s+)?(?:(?:rechts)?form|modell|konstrukt))(?!\p{L})/iu;
/** Money or funding in any words (after a question for a form: the amount is asked as well). */
const SPEAKS_OF_MONEY = /(?:geld|zuschu|f(?:ö|oe)rder|zuwend|finanz|zahlt|kohle|betrag|summe)/iu;
/** A word that leads to the overview of the legal forms: its folder, and the articles that link it, hold the forms (the GVV links it). */
const FORMS_WORD = 'Rechtsformen';
/** How much of the description the form must cover. */
const FORM_MIN_COVERAGE = 0.25;

/**
 * The legal form a message describes when it asks for its name ("… was Gemeinsames gründen, das die
 * Abwasserbeseitigung übernimmt, mit eigener Satzung … Wie nennt man sowas?" → the Zweckverband): of the articles the
 * whole message leads to, the best-ranked form (not their overview; "Welche Form muss der Nachweis haben?" asks for no legal form). The words of the description
 * also lead to the task areas ("Abwasser") or the procedure, which do not name forms.
 */
function describedForm(question: string, text: string, knowledge: KnowledgeLookup): QuestionReading | undefined {
  const asked = ASKS_FOR_FORM.exec(question);
  // "Wie heißt das und gibts da extra Geld?" asks for money too: the computed case answers both.
  if (!asked || SPEAKS_OF_MONEY.test(question.slice(asked.index + asked[0].length))) return undefined;
  const forms = knowledge.answer(FORMS_WORD);
  if (forms.outcome !== 'answer') return undefined;
  const folder = folderOf(forms.article.file);
  const whole = knowledge.answer(text);
  const isForm = (a: Article) => !a.overview && (folderOf(a.file) === folder || a.related.includes(forms.article.id));
  const form = whole.candidates.find((c) => isForm(c.article));
  if (!form || form.coverage < FORM_MIN_COVERAGE) return undefined;
  const { article, score, coverage } = form;
  return {
    question,
    decision: { outcome: 'answer', article, sections: article.sections.slice(0, 1), score, coverage, candidates: whole.candidates },
  };
}

/**
 * How much harder the message's words must hit another helping service than the one found (`matchingHelper`): two
 * services of one matter (the AKC's network check and Hessen3C for "Angriff … Netz durchchecken") stay as found.
 */
const HELPER_SCORE_LEAD = 1.5;
/**
 * The lead a helping service needs over one of another matter ("verschlüsselt … an wen wende ich mich?": Hessen3C, not
 * the advisory office).
 */
const HELPER_SCORE_LEAD_UNRELATED = 1.25;

/** How much of a story with its question the helper it leads to must cover (`Article.helps`, see above). */
const HELPER_MIN_COVERAGE = 0.3;

const OUTSIDE: AnswerDecision = { outcome: 'no_answer', reason: 'outside_scope', candidates: [] };
const NOT_IN_ARTICLES: AnswerDecision = { outcome: 'no_answer', reason: 'not_covered', candidates: [] };
/** How much of a question beside a context sentence about another programme or state it must cover to be about ours. */
const OWN_COVERAGE_BESIDE_OUTSIDE = 0.8;

/**
 * "Unsere Gemeinde nimmt an der Hessenkasse teil. Wie hoch ist der Eigenbeitrag je Einwohner?", "Wir liegen an
 * der Grenze zu Rheinland-Pfalz. Welche Zuschüsse bekommen dort Verbandsgemeinden?": a question whose context
 * sentence is about another programme or state, and that refers back to it or fits our articles only in part, is
 * about that one (unless it names Hessen: "… wie in Bayern. Gibt es das in Hessen auch?").
 */
function aboutOutsideContext(text: string, understanding: QuestionUnderstanding, knowledge: KnowledgeLookup): boolean {
  // Also two questions about it ("… in Bayern gibt es ebenfalls eine Förderung. Wie hoch ist die dort und wer bewilligt sie?").
  const decisions =
    understanding.kind === 'single'
      ? [understanding.reading.decision]
      : understanding.kind === 'two'
        ? understanding.readings.map((r) => r.decision)
        : [];
  if (decisions.length === 0 || decisions.some((d) => d.outcome !== 'answer')) return false;
  const { questions, context } = questionsOf(text);
  if (questions.length === 0 || questions.some((q) => NAMES_HESSEN.test(q))) return false;
  if (!context.some((sentence) => isOutsideAlone(sentence, knowledge))) return false;
  return (
    questions.some((q) => looksLikeFollowUp(q)) || decisions.some((d) => d.outcome === 'answer' && d.coverage < OWN_COVERAGE_BESIDE_OUTSIDE)
  );
}

/**
 * The no-answer for a confident reading that answers another question than the one asked: the state of the asker's
 * own application (`asksOwnCaseStatus`), another programme's or state's matter (`aboutOutsideContext`).
 */
function notTheArticlesQuestion(
  text: string,
  understanding: QuestionUnderstanding,
  knowledge: KnowledgeLookup,
): AnswerDecision | undefined {
  if (asksOwnCaseStatus(text, understanding)) return NOT_IN_ARTICLES;
  if (aboutOutsideContext(text, understanding, knowledge)) return OUTSIDE;
  if (aboutOtherMatter(text, knowledge)) return NOT_IN_ARTICLES;
  if (asksOtherPayment(text, knowledge)) return NOT_IN_ARTICLES;
  return undefined;
}

/**
 * "Was bekommen die Mitglieder der Verbandsversammlung an Sitzungsgeld?": a question that names a kind of payment no
 * article knows asks about that payment; the articles would answer with the programme's grants.
 */
function asksOtherPayment(text: string, knowledge: KnowledgeLookup): boolean {
  if (!knowledge.unknownNouns) return false;
  // Every question: a second one about such a payment ("… und dürfen wir das Lösegeld zahlen?") leaves the first its answer.
  const { questions } = questionsOf(text);
  return questions.length > 0 && questions.every((question) => knowledge.unknownNouns!(question).some(namesPayment));
}

/**
 * Words that tie a message to cooperation, its funding or the office's other topics. A message without any of them
 * whose story is about a thing no article knows („Die Straßenbeitragssatzung soll aufgehoben werden. Welche Unterlagen
 * brauchen wir dafür?“) asks about that matter; the articles would answer it for the IKZ application instead. Words every
 * municipal message has („Gemeinde“, „Landkreis“, „Land“) tie it to nothing („Der Landkreis verlangt, dass sich die
 * Gemeinde an den Kosten für den Schulbus beteiligt …“).
 */
const OWN_MATTER =
  /(?:ikz|interkommunal|zusammen|kooper|gemeinsam|nachbar|f(?:ö|oe)rder|zuschu|zuwend|geld|zahlt|zweckverb|verband|gvv|fusion|akc|hessen3c|cyber|hack|wehr|ffw|beratung|kompetenzzentrum|partner|rahmenverein|(?<![\p{L}])rv(?![\p{L}])|richtlinie|antrag|programm|einspar|kgg|hmdi|innenministerium|arbeitsgemeinschaft|vereinbarung|(?<![\p{L}])ag(?![\p{L}])|anstalt)/iu;

function aboutOtherMatter(text: string, knowledge: KnowledgeLookup): boolean {
  if (!knowledge.unknownNouns || OWN_MATTER.test(text)) return false;
  const { questions, context } = questionsOf(text);
  if (questions.length === 0) return false;
  // Questions without a noun of their own ("Was schreib ich dem am besten zurück?") are about the story's matter, however short its name.
  const minLength = questions.every((q) => followUpNouns(q).length === 0) ? MIN_MATTER_LENGTH_NOUNLESS : MIN_MATTER_LENGTH;
  return context.some(
    (sentence) =>
      knowledge.unknownNouns!(sentence).some((noun) => noun.length >= minLength && !namesPerson(sentence, noun)) &&
      knowledge.answer(sentence).outcome === 'no_answer',
  );
}

/** A noun no article knows, long enough to name a matter (a compound: "Baukostenzuschuss"), not a person. */
function namesUnknownMatter(question: string, knowledge: KnowledgeLookup): boolean {
  return (knowledge.unknownNouns?.(question) ?? []).some((noun) => noun.length >= MIN_MATTER_LENGTH && !namesPerson(question, noun));
}

/** A title or office before a name: "Frau Schneider", "Bürgermeisterin Schneider", "Kollege Hoffmann". */
const PERSON_TITLE =
  /(?:herr|herrn|frau|dr\.?|prof\.?|bürgermeister(?:in)?|buergermeister(?:in)?|landrat|landrätin|kolleg(?:e|in|en))\s+$/iu;

function namesPerson(sentence: string, noun: string): boolean {
  const at = sentence.indexOf(noun);
  return at > 0 && PERSON_TITLE.test(sentence.slice(0, at));
}

/** A matter is named by a compound ("Straßenbeitragssatzung", "Sperrmüllabfuhr"); a shorter unknown noun is as often a name ("Herr Müller"). */
const MIN_MATTER_LENGTH = 9;
/** The same beside questions without a noun: they cannot name another matter themselves (a town is rarely the subject then). */
const MIN_MATTER_LENGTH_NOUNLESS = 5;

/** The asker's own application ("unser Antrag", "unseres IKZ-Antrags", "meinem Förderantrag"). */
const OWN_APPLICATION = /(?<!\p{L})(?:unser|mein)(?:e[mnrs]?)?\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]*antr(?:a|ä|ae)g\p{L}*/iu;
/** Words that ask where a case stands: only the office's files know. */
const CASE_STATUS =
  /(?<!\p{L})(?:stand|sachstand|bearbeitungsstand|status|eingegangen|angekommen|nachreichen|nachgereicht|nachzureichen|(?:schon|bereits|inzwischen|mittlerweile)\s+(?:(?:was|etwas)\s+)?(?:bewilligt|genehmigt|entschieden|bearbeitet)|wo\s+(?:der|er|die|sie|unser\p{L}*)\s+(?:\p{L}+\s+)?(?:gerade|jetzt|momentan|aktuell)\s+(?:liegt|steht))(?!\p{L})/iu;
/** "Wir haben den Antrag … eingereicht", "Im Herbst haben wir …": the application is the asker's own. */
const SUBMITTED_OWN =
  /(?<!\p{L})(?:wir\s+haben|haben\s+wir)\s+(?:[^.?!\s]+\s+){0,8}?[\p{L}-]*antr(?:a|ä|ae)g\p{L}*\s+(?:[^.?!\s]+\s+){0,8}?(?:eingereicht|gestellt|abgeschickt|abgegeben|verschickt)(?!\p{L})/iu;

/**
 * "Wie ist der Stand unseres IKZ-Antrags vom März?": the state of the asker's own application is in no article; the
 * article on the procedure would answer another question. The advisor the no-answer offers can look it up.
 */
function asksOwnCaseStatus(text: string, understanding: QuestionUnderstanding): boolean {
  const submitted = SUBMITTED_OWN.exec(text)?.[0];
  const { questions } = questionsOf(text);
  // "… in welchem Stand sich unser Antrag befindet und ob noch Unterlagen nachgereicht werden müssen?": once one question
  // asks about the asker's own application, the others' words for a case's state are about it too.
  const own =
    (submitted !== undefined && !/(?<!\p{L})(?:kein\p{L}*|nicht)(?!\p{L})/iu.test(submitted)) ||
    questions.some((q) => OWN_APPLICATION.test(q) && CASE_STATUS.test(q));
  const asksStatus = (q: string) => (own || OWN_APPLICATION.test(q)) && CASE_STATUS.test(q);
  // Two answers stay unless every question asks where the case stands ("…, wo der gerade liegt und ob schon was entschieden ist?").
  return understanding.kind === 'single' ? questions.some(asksStatus) : questions.length > 0 && questions.every(asksStatus);
}

/** The share of its words a question about Hessen read without its model must cover (all, up to rounding). */
const MODEL_MIN_COVERAGE = 0.95;
/** A question about Hessen: it names the state, or the asker's own side ("bei uns", "hierzulande"). */
const NAMES_HESSEN = /(?<!\p{L})(?:hessen|hessisch\p{L}*|bei\s+uns|hierzulande)(?!\p{L})/iu;
/** A word that makes what follows a model to compare with: "wie", "nach dem Vorbild", "ähnlich", "analog", "vergleichbar". */
const MODEL_MARKER =
  /(?<!\p{L})(?:wie|vorbild\p{L}*|muster|ähnlich\p{L}*|aehnlich\p{L}*|analog|vergleichbar\p{L}*|entsprechend\p{L}*)(?!\p{L})/iu;
/** A name after the model marker, with the words that tie it to the question ("wie in", "nach dem Vorbild von", "in"). */
const MODEL_NAME =
  /\s*(?:(?:(?:so\s+|ähnlich\s+|aehnlich\s+|genauso\s+|ebenso\s+)?wie\s+|nach\s+dem\s+(?:[Vv]orbild|[Mm]uster|[Bb]eispiel)\s+|analog\s+(?:zu[mr]?\s+)?)?(?:(?:in|im|aus|von|bei)\s+)?(?:de[mnrs]\s+|die\s+)?)(\p{Lu}[\p{L}-]*)/gu;

/**
 * A question about Hessen that names another state or programme only as its model ("… wie in Bayern?", "… nach dem
 * Vorbild von Rheinland-Pfalz", "so etwas wie die Samtgemeinde in Niedersachsen"), without that name and the words
 * that tie it in; `undefined` when the message has no such name (a question about the other state stays outside).
 */
function withoutModelRegion(text: string, knowledge: KnowledgeLookup): string | undefined {
  const marker = MODEL_MARKER.exec(text);
  if (!marker || !NAMES_HESSEN.test(text)) return undefined;
  // The words that open the marker's phrase belong to it ("nach dem Vorbild", "so wie", "ähnlich wie").
  const opening = /(?:nach\s+dem|so|ähnlich|aehnlich|genauso|ebenso)\s+$/iu.exec(text.slice(0, marker.index));
  const start = opening ? opening.index : marker.index;
  const head = text.slice(0, start);
  let tail = text.slice(start);
  let removed = false;
  tail = tail.replace(MODEL_NAME, (phrase: string, name: string) => {
    const outside = knowledge.answer(name);
    if (outside.outcome !== 'no_answer' || outside.reason !== 'outside_scope') return phrase;
    removed = true;
    return '';
  });
  if (!removed) return undefined;
  const stripped = `${head}${tail}`
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(stripped) && !isOutsideAlone(stripped, knowledge) ? stripped : undefined;
}

function isOutsideAlone(text: string, knowledge: KnowledgeLookup): boolean {
  // "… dass es ein eigenes Landesprogramm für Schwimmbäder gibt": a programme of its own for another matter.
  if (asksOtherProgramme(text)) return true;
  const decision = knowledge.answer(text);
  return decision.outcome === 'no_answer' && decision.reason === 'outside_scope';
}

/** "…, oder können wir …", "… oder reicht einer …": "oder" before a clause of its own (a verb first). */
const ALTERNATIVE_CLAUSE =
  /^(.{12,}?)[,;]?\s+oder\s+((?:kann|können|koennen|könnte|muss|müssen|muessen|darf|dürfen|duerfen|soll|sollen|sollte|ist|sind|wäre|waere|gilt|gelten|reicht|reichen|geht|gibt|braucht|brauchen|wird|werden|hat|haben|zählt|zaehlt|bekommen|bekommt|läuft|laeuft)\s+.{8,})$/iu;

/** The two alternatives of a question that offers two, or `undefined`. */
function splitAlternatives(question: string): string[] | undefined {
  const match = ALTERNATIVE_CLAUSE.exec(question.trim());
  return match ? [`${match[1]!.trim()}?`, match[2]!.trim()] : undefined;
}

/** Two or more questions: both answered when they have different answers, otherwise the one that has one, the other offered. */
function readSeveral(
  text: string,
  questions: string[],
  knowledge: KnowledgeLookup,
  topic: ConversationTopic | undefined,
  alternatives = false,
  inMessage?: () => ConversationTopic,
  context: readonly string[] = [],
): QuestionUnderstanding {
  const first = describedForm(questions[0]!, text, knowledge) ?? readInMessage(questions[0]!, knowledge, topic, inMessage, context);
  // The second question continues the first ("… förderfähig? Und gilt das auch für Landkreise?").
  const firstTopic = topicOf(first.question, isAnswered(first) ? first.decision.article : undefined);
  const more = questions.slice(2);
  // A follow-up of a question outside the programme ("Gibt es in Bayern …, und wie hoch ist die da?") or about a field
  // the articles leave out ("… einen Beamten abordnen, und wie lange geht das?") is outside too.
  const outside =
    first.decision.outcome === 'no_answer' && (first.decision.reason === 'outside_scope' || first.decision.reason === 'outside_topic');
  // As is one after an unanswered first that points back itself ("Wir müssen den Hebesatz festlegen. Wie hoch darf der
  // sein und gibt es da Vorgaben vom Land?"): both are about what the context names, and it leads nowhere.
  const pointsBackUnanswered = first.decision.outcome === 'no_answer' && inMessage !== undefined && looksLikeFollowUp(questions[0]!);
  // As is one about a detail the first's article lacks ("Wann ist die nächste Fachtagung, und wie melde ich mich da an?"):
  // the honest reply on the first covers it; read against the first, it would drift to another article.
  const detailsUnknown =
    first.details !== undefined && first.details.length > 0 && first.details.every((f) => f.supply.status === 'missing');
  // Also one with no noun of its own ("… Fachtagung statt, und bis wann müssen wir uns anmelden?").
  if (
    ((outside || pointsBackUnanswered || detailsUnknown) &&
      (looksLikeFollowUp(questions[1]!) || followUpNouns(questions[1]!).length === 0)) ||
    // Or one that names again a thing of the first's message, short ("… IT-Kooperationsvertrag. Welcher Dienstleister
    // ist das, und wie lange läuft der Vertrag?"): alone, "der Vertrag" would find the Rahmenvereinbarung.
    (detailsUnknown && leansOnFirst(questions[1]!) && namesAgain(questions[1]!, textBefore(text, questions)))
  )
    return { kind: 'single', reading: first, pending: more };
  // "Dürfen mehrere Gemeinden einen Datenschutzbeauftragten benennen, und was sagt die DSGVO dazu?": a second question
  // that points back and names a field the articles leave out puts the first into that field too.
  if (POINTS_BACK.test(questions[1]!)) {
    const alone = readQuestion(questions[1]!, knowledge);
    if (namesOutside(alone)) return { kind: 'single', reading: alone, pending: more };
  }
  // "Wie viele Anträge wurden abgelehnt, und aus welchen Gründen?": a phrase without a verb asks a circumstance of the
  // first's; alone it would find an article on its noun ("Gründe" of IKZ). One question: the whole where it keeps the
  // first's article ("… gefördert? Und in welcher Höhe?" shows the amounts too), else the first — unless the
  // circumstance is a thing no article knows ("…, und in welchem Amtsblatt?") and the whole has no answer.
  if (CIRCUMSTANCE_OF_FIRST.test(questions[1]!)) {
    const unknown = (knowledge.unknownNouns?.(questions[1]!).length ?? 0) > 0;
    const whole = isAnswered(first) || unknown ? readQuestion(text, knowledge, topic) : undefined;
    if (unknown && whole?.decision.outcome === 'no_answer') return { kind: 'single', reading: whole, pending: more };
    const same = isAnswered(first) && whole !== undefined && isAnswered(whole) && whole.decision.article.id === first.decision.article.id;
    return { kind: 'single', reading: same ? whole : first, pending: more };
  }
  // "… eine neue? Weiß man da schon was?": a yes/no question with no word of its own that leads anywhere only
  // restates the first; read against the first it would drift to a neighbouring article. (A question word asks
  // something of its own: "… und was ist das überhaupt?")
  const restates = !ASKS_OWN_THING.test(questions[1]!) && looksLikeFollowUp(questions[1]!);
  if (isAnswered(first) && restates && saysNothingAlone(questions[1]!, knowledge)) {
    const whole = readQuestion(text, knowledge, topic);
    const same = isAnswered(whole) && whole.decision.article.id === first.decision.article.id;
    return { kind: 'single', reading: same ? whole : first, pending: more };
  }
  // A second part that neither stands alone nor could be read with an answered first ("Können Sie das prüfen?")
  // belongs to the first. One joined by "und" that asks a thing of its own and has an answer of its own ("… drei
  // Kommunen? Und wer prüft den Antrag?") stands alone.
  let second = readQuestion(questions[1]!, knowledge, firstTopic);
  let aboutThingOfFirst = false;
  // Read against the first, a question that names a topic of its own ("… Vorbereitung einer Fusion? Und wie hoch ist
  // die Entschuldungshilfe danach?") drifts to the first's article; alone, it has its own.
  // Not one that points back ("Und wie viel Förderung gibt es dafür?").
  if (second.question !== questions[1] && followUpNouns(questions[1]!).length > 0) {
    const alone = readQuestion(questions[1]!, knowledge);
    const firstArticle = first.decision.outcome === 'answer' ? first.decision.article : undefined;
    // "… pro Einwohner bei ner Fusion an Entschuldung, und brauchen wir dafür ein Landesgesetz?": the pointer stands for
    // a thing the first names ("Fusion") whose article the second alone finds, not for the first's article.
    const pointsToThingOfFirst =
      isAnswered(alone) && POINTS_BACK.test(questions[1]!) && namesOwnTopic(questions[0]!, alone.decision.article, undefined, knowledge);
    const ownThing = ASKS_OWN_THING.test(questions[1]!) || asksOwnYesNo(questions[1]!);
    // "… eine Frist, und was muss da alles an Unterlagen rein?": a bare "da" beside a noun that names another
    // article's topic, not the first's, is a filler, no pointer back.
    const pointsBack =
      POINTS_BACK.test(questions[1]!) &&
      !pointsToThingOfFirst &&
      !(isAnswered(alone) && onlyDa(questions[1]!) && namesOwnTopic(questions[1]!, alone.decision.article, firstArticle, knowledge));
    if (
      (ownThing || pointsToThingOfFirst) &&
      !pointsBack &&
      alone.decision.outcome === 'answer' &&
      alone.decision.article.id !== firstArticle?.id
    ) {
      second = alone;
      aboutThingOfFirst = pointsToThingOfFirst;
    }
  }
  const secondStandsAlone =
    standsAlone(questions[1]!) ||
    aboutThingOfFirst ||
    ((ASKS_OWN_THING.test(questions[1]!) || asksOwnYesNo(questions[1]!)) && isAnswered(second) && second.question === questions[1]);
  // A request to the bot without a noun of its own ("Können Sie das checken?") is part of the first as well.
  const asksTheBot = ADDRESSES_BOT.test(questions[1]!) && followUpNouns(questions[1]!).length === 0;
  if (isAnswered(first) && !secondStandsAlone && (second.question === questions[1] || asksTheBot)) {
    // Of two alternatives the first names the topic; a sentence that only qualifies the first
    // ("Besoldungsgruppe?") makes the message one question, answered as a whole or not at all.
    const whole = readQuestion(text, knowledge, topic);
    // A full second question that sinks the whole ("… im rechtlichen Sinn? Reicht es, wenn sich die Bürgermeister
    // absprechen, oder braucht man einen Vertrag?") leaves the first its answer and is offered on its own.
    if (!isAnswered(whole) && !alternatives && !asksTheBot && wordCount(questions[1]!) >= MIN_STANDALONE_WORDS)
      return { kind: 'single', reading: first, pending: [questions[1]!, ...more] };
    // "… vom RP genehmigt werden? Und brauchen wir für den Antrag Beschlüsse?": a full second question with an article of
    // its own, which the whole message takes as its topic, would drop the first: two answers.
    const firstDropped = isAnswered(whole) && whole.decision.article.id !== first.decision.article.id;
    const full = !alternatives && !asksTheBot && wordCount(questions[1]!) >= MIN_STANDALONE_WORDS;
    if (firstDropped && full && isAnswered(second) && second.decision.article.id !== first.decision.article.id)
      return { kind: 'two', readings: [first, second], pending: more };
    // (Unless the whole names a field the articles leave out: "Müssen wir das ausschreiben, oder ist das vergabefrei
    // nach § 108 GWB?" asks procurement law in either alternative.)
    if (!isAnswered(whole)) return { kind: 'single', reading: alternatives && !namesOutside(whole) ? first : whole, pending: more };
    // "Wer gibt grünes Licht …? Und hat das Finanzministerium da was mitzureden?": the whole's article shows the section
    // each part asks for too, so the second is not dropped.
    const parts = [first, second].filter((p): p is AnsweredReading => isAnswered(p) && p.decision.article.id === whole.decision.article.id);
    return { kind: 'single', reading: withSectionsOf(whole, parts), pending: more };
  }
  if (isAnswered(first) && isAnswered(second)) {
    // "Wer berät uns, und welche Telefonnummer hat die Stelle?": the second asks a detail of the first's subject.
    const ofFirst = knowledge.details && detailsOfFirst(second, first.decision.article, knowledge.details);
    if (ofFirst)
      return {
        kind: 'single',
        reading: { ...first, question: text, decision: showing(first.decision, ofFirst), details: ofFirst },
        pending: more,
      };
    if (first.decision.article.id !== second.decision.article.id)
      return {
        kind: 'two',
        readings: [first, { ...second, readAgainst: undefined }],
        pending: more,
        ...(looksLikeFollowUp(questions[1]!) && { secondRefersBack: true }),
      };
    // Both ask details of one article ("Welche Frist gilt für den Verwendungsnachweis, und welches Formular nimmt man?"):
    // one reading with the details of both; read as a whole, the detail words of one would choose the subject of the other.
    if (first.details || second.details) {
      const findings = [...(first.details ?? []), ...(second.details ?? [])].filter(
        (f, i, all) => all.findIndex((g) => g.kind === f.kind) === i,
      );
      // The section with a detail first, then the one the other question asks for ("… kostet das was, und müssen
      // wir die Empfehlungen umsetzen?"): neither is dropped silently.
      // "… sollten wir nachhaken? Wie lange dauert sowas?": where the one article lacks a detail the message read as
      // a whole finds, the whole answers (its context names the matter better than a question that only refers to it).
      if (findings.some((f) => f.supply.status === 'missing')) {
        const whole = readQuestion(text, knowledge, topic);
        if (isAnswered(whole) && whole.details?.every((f) => f.supply.status !== 'missing'))
          return { kind: 'single', reading: whole, pending: more };
      }
      const shown = { ...first, decision: showing(first.decision, findings) };
      return { kind: 'single', reading: { ...withSectionsOf(shown, [shown, second]), question: text, details: findings }, pending: more };
    }
    // One article for both: it shows the section each of them asks for, so neither is dropped silently.
    const whole = readQuestion(text, knowledge, topic);
    // "Wer stellt den Antrag? und wo geht der dann hin": read with the first, the second lands on the first's article;
    // where the second alone and the whole message agree on another article, that one answers the second.
    if (isAnswered(whole) && whole.decision.article.id !== first.decision.article.id) {
      const alone = readQuestion(questions[1]!, knowledge, topic);
      if (isAnswered(alone) && alone.decision.article.id === whole.decision.article.id)
        return { kind: 'two', readings: [first, alone], pending: more };
    }
    const reading = isAnswered(whole) && whole.decision.article.id === first.decision.article.id ? whole : first;
    return { kind: 'single', reading: withSectionsOf(reading, [first, second]), pending: more };
  }
  // A fragment ("Besoldungsgruppe?") is part of the question before it, not a question of its own: then
  // the message is one question. A real second question is offered as a button, or answered without the first.
  if (isAnswered(first) && secondStandsAlone) return { kind: 'single', reading: first, pending: [questions[1]!, ...more] };
  // "Gibt es vom Land Geld für den Glasfaserausbau …? Wer ist da Ansprechpartner?": a second question that refers back
  // to a first about a thing no article knows is about that thing too.
  // So is one with no noun of its own ("… ein Haushaltssicherungskonzept aufstellen und wer genehmigt das?": alone it
  // found who approves a merger).
  if (
    !alternatives &&
    !isAnswered(first) &&
    looksLikeFollowUp(questions[1]!) &&
    ((knowledge.unknownNouns?.(questions[0]!) ?? []).length > 0 || followUpNouns(questions[1]!).length === 0)
  )
    return { kind: 'single', reading: first, pending: more };
  // A short question that speaks of a definite thing after one about a thing no article knows asks about that
  // thing's matter ("… gibts ein Punkteschema, und wer sitzt im Bewertungsgremium?"); alone, it finds a neighbouring
  // article. The honest reply on the first covers both, as for a follow-up above. ("Wer ist Ansprechpartner für IKZ?"
  // names its own.)
  if (
    !alternatives &&
    first.decision.outcome === 'no_answer' &&
    isAnswered(second) &&
    secondStandsAlone &&
    leansOnFirst(questions[1]!) &&
    DEFINITE.test(questions[1]!) &&
    (knowledge.unknownNouns?.(questions[0]!) ?? []).length > 0
  )
    return { kind: 'single', reading: first, pending: more };
  // Of two alternatives the first names the topic: one that has no answer leaves the second none of its own
  // ("Braucht das Gerätehaus eine Baugenehmigung nach HBO oder reicht ein Zustimmungsverfahren?").
  if (!alternatives && isAnswered(second) && (secondStandsAlone || looksLikeFollowUp(questions[1]!)))
    return { kind: 'single', reading: { ...second, readAgainst: undefined }, pending: [questions[0]!, ...more] };
  return { kind: 'single', reading: readQuestion(text, knowledge, topic), pending: [] };
}

/**
 * The topic the context sentences of a message give its questions: their nouns that lead to an article alone
 * ("Machbarkeitsstudie", "Zweckverband", "Spritzenhäuser" by its synonym Feuerwehr). The asker's office,
 * district or town and words such as "Zeit" are only mentioned in passing in a text, which is no answer (see
 * `minNamedShare`): added to the question they would outweigh its own words ("Als Kämmerin im …kreis habe ich
 * wenig Zeit. Welche Unterlagen brauchen wir für diesen Antrag?").
 */
function messageTopic(context: readonly string[], knowledge: KnowledgeLookup): ConversationTopic {
  const topic = topicOf(context.join(' '));
  // Participles name the matter too ("alles verschlüsselt", "wurden gehackt").
  const participles = context.join(' ').match(PARTICIPLE) ?? [];
  const nouns = [...new Set([...topic.nouns, ...participles])];
  return { ...topic, nouns: nouns.filter((noun) => knowledge.answer(noun).outcome === 'answer') };
}

/** A lower-case past participle ("verschlüsselt", "gehackt", "zusammengelegt"). */
const PARTICIPLE = /(?<![\p{L}-])(?:\p{Ll}+ge|ge|ver|be|zer|er)\p{Ll}{3,}(?:t|en)(?![\p{L}-])/gu;

/** True when a word is a term of an article's title or keywords: it names what the article is about. */
function namesTopicOf(word: string, article: Article, terms: (text: string) => string[]): boolean {
  const own = terms(word);
  const naming = new Set(terms(`${article.title} ${article.keywords.join(' ')}`));
  return own.some((term) => naming.has(term));
}

/**
 * A question that refers back ("Gibt es dafür einen Zuschuss?") read against the context sentences of its
 * own message first (as a reading in the same message, without "Bezogen auf"), else against the topic.
 */
function readInMessage(
  question: string,
  knowledge: KnowledgeLookup,
  topic: ConversationTopic | undefined,
  inMessage: (() => ConversationTopic) | undefined,
  context: readonly string[] = [],
  justBefore?: string,
): QuestionReading {
  const withMoney = readWithToldMoney(question, context, knowledge);
  if (withMoney) return withMoney;
  if (inMessage && looksLikeFollowUp(question)) {
    const reading = readQuestion(question, knowledge, inMessage());
    // Its own words are those after a frame ("Bevor ich das im Haushalt anmelde: was kostet uns das?").
    const alone = knowledge.answer(questionAfterStatement(question) ?? question);
    // The decision for the sentence right before the question, searched once and only where it is needed.
    let decisionBefore: AnswerDecision | undefined;
    const answerBefore = (sentence: string) => (decisionBefore ??= knowledge.answer(sentence));
    // "… ob der Zweckverband Mitglied in der ZVK werden muss. Wissen Sie da was Genaues?": a question that points back
    // to a sentence about a field the articles leave out, with no answer of its own, asks about that field.
    const previous =
      justBefore !== undefined && (alone.outcome !== 'answer' || choosesNoTopic(alone)) ? answerBefore(justBefore) : undefined;
    if (previous?.outcome === 'no_answer' && previous.reason === 'outside_topic') return { question, decision: previous };
    if (isAnswered(reading) && coversOwnWords(alone, reading.decision.article)) {
      const withContext = reading.question !== question || reading.readAgainst !== undefined;
      // "Wir wollen eine freiwillige Stadtpolizei aufstellen. Kriegt man dafür Geld?": where the context
      // leaves the choice open, words that many articles cover alike choose none; the whole message is read.
      // (Context with no noun that leads anywhere — "den Grundsteuer-Hebesatz festlegen" — chooses none either.)
      const contextOpen = () => {
        const { nouns } = inMessage();
        return nouns.length === 0 || knowledge.answer(`${question} ${nouns.join(' ')}`).outcome !== 'answer';
      };
      if (!withContext && !topic && choosesNoTopic(alone) && contextOpen()) return { question, decision: NOT_IN_ARTICLES };
      return { ...reading, readAgainst: undefined };
    }
    // "… das Land hätte da so ein Programm, wo Leute unser Netz durchchecken. Was kostet uns das?": when the whole
    // story leads nowhere, the question refers to the sentence right before it (not when it is outside the programme:
    // "… eine neue Kita. Welche Zuschüsse gibt es vom Bund dafür?").
    // Nor for money for what it tells ("Wir bauen eine Kita. Welche Zuschüsse gibt es dafür?"): the programme funds
    // cooperation, and the sentence's article only says where such a plan would fit.
    const outside = [reading.decision, alone].some(
      (d) => d.outcome === 'no_answer' && (d.reason === 'outside_scope' || d.reason === 'outside_topic'),
    );
    const before = justBefore !== undefined && !outside && !FUNDING_WORD.test(question) ? answerBefore(justBefore) : undefined;
    const nearest = before?.outcome === 'answer' ? readQuestion(question, knowledge, topicOf(justBefore!, before.article)) : undefined;
    // (Its own words must lead nowhere or to the same article: words many articles share, "Zuschüsse dafür", choose none.)
    const ownWordsAgree = (article: Article) => alone.outcome === 'no_answer' || tiesWithBest(alone, article);
    if (nearest && isAnswered(nearest) && nearest.readAgainst !== undefined && ownWordsAgree(nearest.decision.article))
      return { ...nearest, readAgainst: undefined };
    // "… ob sie Verwarnungsgelder nach dem Bußgeldkatalog kassieren dürfen. Wie ist das rechtlich geregelt?": a
    // question about what its message tells, in no noun of its own, where the message's topic does not answer it and
    // tells of things no article knows; its words alone would answer another question.
    if (!topic && asksAboutUnknownBefore(question, inMessage().question, knowledge)) return { question, decision: NOT_IN_ARTICLES };
  }
  return readQuestion(question, knowledge, topic);
}

/** Funding in any word, also inside a compound ("Investitionszuschüsse", "Fördergeld"). */
const FUNDING_WORD = /zusch(?:u|ü|ue)ss|f(?:ö|oe)rder|geld/iu;

/** The context sentence that stands right before a question in its message, if any. */
function sentenceBefore(text: string, question: string, context: readonly string[]): string | undefined {
  const at = text.indexOf(question);
  let best: string | undefined;
  let bestEnd = -1;
  for (const sentence of context) {
    const start = text.indexOf(sentence);
    if (start >= 0 && start + sentence.length <= at && start + sentence.length > bestEnd)
      [best, bestEnd] = [sentence, start + sentence.length];
  }
  return best;
}

/** "das Geld", "dem Zuschuss", "die Fördermittel": money named as one told of before. */
const TOLD_MONEY =
  /(?<!\p{L})(?:das|dem|des|den|der|die|diese[mnrs]?)\s+(?:geld|geldes|zuschuss|zuschusses|zuschüsse|zuschuesse|zuschüssen|zuschuessen|fördergeld|foerdergeld|fördermittel|foerdermittel|mittel[n]?|förderung|foerderung)(?!\p{L})/iu;
/**
 * A sentence that tells of a sum of money ("dafür gibts ja wohl einen Zuschuss vom Land"), not of the funding in general
 * ("Leider hat damals niemand an eine Förderung gedacht": "den Zuschuss" is then the programme's).
 */
const MONEY_SENTENCE = /(?<!\p{L})(?:zusch(?:u|ü|ue)ss\p{L}*|geld\p{L}*|f(?:ö|oe)rder(?:geld|mittel)\p{L}*)(?!\p{L})/iu;

/**
 * "… eine Machbarkeitsstudie machen lassen, dafür gibts einen Zuschuss vom Land. Was passiert mit dem Geld, wenn wir doch
 * nicht fusionieren?": a question about money named as told of is about the money of the context sentence that tells
 * of it. The question read with that sentence, when it answers and its article covers some of the question's own words
 * (the sentence may choose among its topics, not carry it off to one the question has no word of); else `undefined`.
 */
function readWithToldMoney(question: string, context: readonly string[], knowledge: KnowledgeLookup): QuestionReading | undefined {
  if (!TOLD_MONEY.test(question) || MONEY_SENTENCE.test(question.replace(TOLD_MONEY, ' '))) return undefined;
  const told = context.filter((sentence) => MONEY_SENTENCE.test(sentence));
  if (told.length !== 1) return undefined;
  const decision = knowledge.answer(`${question} ${told[0]}`);
  if (decision.outcome !== 'answer') return undefined;
  const alone = knowledge.answer(question);
  return coverageOf(alone, decision.article.id) > 0 ? { question: `${question} ${told[0]}`, decision } : undefined;
}

/** Nouns no article knows that make the context of a message another matter (one alone may be a name or a job). */
const MIN_UNKNOWN_CONTEXT_NOUNS = 2;

/** A question that refers back, names no thing of its own, after a context that tells of things no article knows. */
function asksAboutUnknownBefore(question: string, context: string, knowledge: KnowledgeLookup): boolean {
  if (!knowledge.knownNouns || !knowledge.unknownNouns || !refersBack(question)) return false;
  return knowledge.knownNouns(question).length === 0 && knowledge.unknownNouns(context).length >= MIN_UNKNOWN_CONTEXT_NOUNS;
}

/** So many articles covering a question's own words as well as the best one make its words generic. */
const GENERIC_TIES = 5;
/** …or this many that are all the articles the words lead to. */
const MIN_ALL_TIES = 3;
/** How much less of a question's own words an article read with context may cover than the best article for the question alone. */
const OWN_WORDS_SLACK = 0.1;

/**
 * True when an article found with the context of a message still covers the question's own words about as well
 * as the best article for the question alone, or the question alone leads nowhere or to many articles alike
 * (`GENERIC_TIES`: "Gibt es dafür einen Zuschuss?" after "Zwei Ortsteilwehren gehen zusammen."): the context may choose among
 * the topics the question fits or name the one it refers to, but not carry it off to another ("Wir sind ein
 * Zweckverband und wollen Aufgaben wie das Abwasser übernehmen. Kann der Zweckverband den Antrag stellen, oder
 * dürfen das nur die Gemeinden?" is about the Zweckverband and the Antrag, not the Abwasser).
 */
function coversOwnWords(alone: AnswerDecision, article: Article): boolean {
  if (alone.outcome === 'no_answer') return true;
  // Own words that many articles cover as well ("Gibt es dafür einen Zuschuss?") choose no topic: the context does.
  return choosesNoTopic(alone) || tiesWithBest(alone, article);
}

/** True when an article covers a question's words about as well as the best one (`OWN_WORDS_SLACK`). */
function tiesWithBest(decision: AnswerDecision, article: Article): boolean {
  const best = Math.max(...decision.candidates.map((c) => c.coverage));
  const own = decision.candidates.find((c) => c.article.id === article.id);
  return own !== undefined && own.coverage >= best - OWN_WORDS_SLACK;
}

/** True when so many articles cover a question's words about as well as the best one (`GENERIC_TIES`) that they choose no topic. */
function choosesNoTopic(alone: AnswerDecision): boolean {
  const best = Math.max(...alone.candidates.map((c) => c.coverage));
  const ties = alone.candidates.filter((c) => c.coverage >= best - OWN_WORDS_SLACK).length;
  // (Few articles that all cover a rare common word alike, "finanziell", choose none of them either.)
  return ties >= GENERIC_TIES || (ties >= MIN_ALL_TIES && ties === alone.candidates.length);
}

/**
 * A comparison whose two sides lead to two different articles (with an overview article about both, if the whole
 * question has one). Two names that lead to one article ("Sind das Kompetenzzentrum und das Beratungszentrum
 * dasselbe?") are one topic: its article answers, with the section the question fits.
 */
function readComparison(question: string, knowledge: KnowledgeLookup, message = question): QuestionUnderstanding | undefined {
  const sides = comparisonSides(question);
  if (!sides) return undefined;
  const left = answerSide(sides.left, knowledge);
  const right = answerSide(sides.right, knowledge);
  if (left.outcome !== 'answer' || right.outcome !== 'answer') return undefined;
  const whole = knowledge.answer(question);
  const amounts = knowledge.programme
    ? amountSides(
        message,
        [
          { label: sides.left, article: left.article },
          { label: sides.right, article: right.article },
        ],
        knowledge.programme.grant_cases,
        (id) => knowledge.article(id),
      )
    : undefined;
  if (amounts) {
    const [a, b] = amounts as [ComparedSide, ComparedSide];
    // "Zweckverband oder öffentlich-rechtliche Vereinbarung – was bringt mehr Geld?": one amount for both forms.
    if (a.article.id === b.article.id) {
      const decision = whole.outcome === 'answer' && whole.article.id === a.article.id ? whole : introOnly(a.article);
      return { kind: 'single', reading: { question, decision }, pending: [] };
    }
    return { kind: 'comparison', sides: [a, b] };
  }
  if (left.article.id === right.article.id) {
    if (!sides.explicit) return undefined;
    const decision = whole.outcome === 'answer' && whole.article.id === left.article.id ? whole : introOnly(left.article);
    return { kind: 'single', reading: { question, decision }, pending: [] };
  }
  const overview =
    whole.outcome === 'answer' && whole.article.id !== left.article.id && whole.article.id !== right.article.id ? whole.article : undefined;
  return {
    kind: 'comparison',
    sides: [
      { label: sides.left, article: left.article },
      { label: sides.right, article: right.article },
    ],
    overview,
  };
}

/**
 * One question, read against the topic of the last answer when it continues it (see `readAsTyped`), and
 * for the details it asks for (see `readForDetails`).
 */
export function readQuestion(question: string, knowledge: KnowledgeLookup, topic?: ConversationTopic): QuestionReading {
  const asTyped = readAsTyped(question, knowledge, topic);
  const { details } = knowledge;
  if (!details) return asTyped;
  const topicArticle = topic?.articleId ? knowledge.article(topic.articleId) : undefined;
  const forDetails = readForDetails(question, asTyped, details, {
    read: (text) => readAsTyped(text, knowledge, topic),
    about: (article, asTopic) => ({ question, decision: introOnly(article), ...(asTopic && { readAgainst: topic }) }),
    topicArticle,
    readAlone: (text) => ({ question, decision: knowledge.answer(text) }),
    lacksSubject: (article, subjectArticle, subject) => lacksWeightiestWord(article, subjectArticle, subject, knowledge),
  });
  return forDetails ?? asTyped;
}

/**
 * Whether `article` lacks the weightiest word of `subject` that the subject's own article has ("Verwendungsnachweis" in
 * "Gibt es für den Verwendungsnachweis ein Formular?": the application documents have a form, but for the application).
 */
function lacksWeightiestWord(article: Article, subjectArticle: Article, subject: string, knowledge: KnowledgeLookup): boolean {
  if (!knowledge.weightedWords || !knowledge.hasTerm || !knowledge.knownNouns || !knowledge.terms) return false;
  // Nouns only: a rare filler ("selbst") names no thing.
  const nouns = new Set(knowledge.knownNouns(subject).flatMap((noun) => knowledge.terms!(noun)));
  let weightiest: { term: string; weight: number } | undefined;
  for (const { terms, weight } of knowledge.weightedWords(subject)) {
    const term = terms[0];
    if (term && nouns.has(term) && weight > (weightiest?.weight ?? 0) && knowledge.hasTerm(subjectArticle.id, term))
      weightiest = { term, weight };
  }
  return weightiest !== undefined && !knowledge.hasTerm(article.id, weightiest.term);
}

/** A confident answer with an article's intro, for a question about the article's topic. */
function introOnly(article: Article): ConfidentAnswer {
  return { outcome: 'answer', article, sections: article.sections.slice(0, 1), score: 0, coverage: 0, candidates: [] };
}

/**
 * One question, read against the topic of the last answer when it continues it. A question that the
 * knowledge base answers confidently on its own and that does not refer back starts afresh; an ambiguous
 * one (clarify) takes the topic only to choose among its candidates; an unanswerable one stays so.
 */
/**
 * "Gibt es ein spezielles Landesprogramm für die Digitalisierung der Gremienarbeit?": a programme of its own for a
 * matter is another programme than the one for cooperation, unless the matter is cooperation ("ein eigenes Programm für
 * gemeinsame Bauhöfe").
 */
const OWN_PROGRAMME_FOR =
  /(?<!\p{L})(?:spezielle[snm]?|eigene[snm]?|extra|separate[snm]?|gesonderte[snm]?|besondere[snm]?)\s+(?:\p{L}*programm\p{L}*|f(?:ö|oe)rdert(?:opf|öpfe|oepfe)\p{L}*)\s+(?:für|fuer|zur|zum)\s+([^?.!;]+)/iu;
const COOPERATION_MATTER =
  /(?<!\p{L})(?:ikz|interkommunal\p{L}*|gemeinsam\p{L}*|zusammen\p{L}*|kooper\p{L}*|\p{L}*verband\p{L}*|gvv|fusion\p{L}*|nachbar\p{L}*|\p{L}*wehr\p{L}*)(?!\p{L})/iu;

function asksOtherProgramme(question: string): boolean {
  const matter = OWN_PROGRAMME_FOR.exec(question)?.[1];
  return matter !== undefined && !COOPERATION_MATTER.test(matter);
}

function readAsTyped(question: string, knowledge: KnowledgeLookup, topic?: ConversationTopic): QuestionReading {
  if (asksOtherProgramme(question)) return { question, decision: OUTSIDE };
  // "Wie viele Partner müssen an einem IKZ-Projekt beteiligt sein?" asks for the rule (see `asMinimumQuestion`).
  const minimum =
    knowledge.terms && !(topic && looksLikeFollowUp(question)) ? asMinimumQuestion(question, (t) => knowledge.terms!(t)) : undefined;
  const alone = knowledge.answer(minimum ?? question);
  // Another programme, or a field or thing no article has ("… Umsatzsteuer …?", "… Personalgestellung nach TVöD?"): the
  // topic's words must not make an answer of it.
  if (!topic || (alone.outcome === 'no_answer' && (alone.reason === 'outside_scope' || alone.reason === 'outside_topic')))
    return { question, decision: alone };
  const followUp = looksLikeFollowUp(question);
  if (!followUp && alone.outcome !== 'clarify') return { question, decision: alone };
  if (asksOwnTopic(question, alone, knowledge, topic)) return { question, decision: alone };
  const kinds = new Map<string, string | undefined>();
  const kindOf = (word: string) => {
    if (!kinds.has(word)) {
      const decision = knowledge.answer(word);
      kinds.set(word, decision.outcome === 'answer' ? folderOf(decision.article.file) : undefined);
    }
    return kinds.get(word);
  };
  let leadsToTopic = false;
  // (Only asked where the follow-up alone has an answer, which is when it matters below.)
  const namesOwnThing =
    alone.outcome === 'answer' &&
    !refersBack(question) &&
    !POINTS_BACK.test(question) &&
    (knowledge.knownNouns?.(question).length ?? 0) > 0;
  for (const reading of followUpReadings(question, topic, kindOf)) {
    const decision = knowledge.answer(reading);
    if (decision.outcome !== 'answer') {
      leadsToTopic ||= decision.candidates[0]?.article.id === topic.articleId;
      continue;
    }
    // Without a word pointing back, context may only choose among the topics the question itself fits.
    if (!followUp && !(alone.outcome === 'clarify' && alone.candidates.some((c) => c.article.id === decision.article.id))) continue;
    // "und mindestlaufzeit?" after the savings rule: a follow-up that names a thing of its own and alone has an answer asks
    // about that thing; a reading whose article hardly covers the follow-up answers only the topic's words.
    if (namesOwnThing && coverageOf(alone, decision.article.id) < alone.coverage * OWN_THING_SHARE) continue;
    const obvious = alone.outcome === 'answer' && alone.article.id === decision.article.id;
    // A question with a noun of its own that alone has this answer stands alone ("… drei Kommunen? Und wer prüft den
    // Antrag?"): the topic's words must not speak for it (an amount for three municipalities answers no "wer prüft").
    if (obvious && followUpNouns(question).length > 0) return { question, decision: alone };
    return { question: reading, decision, readAgainst: obvious ? undefined : topic };
  }
  // "Und wohin schicken wir ihn?": nothing in the message leads anywhere by itself, or with its context it
  // leads back to the topic only: it is about the topic, so the topic's article answers.
  // (Not one that names a matter no article knows: "Und gibts für das Gerätehaus noch einen Baukostenzuschuss?" after the
  // brigades' grant asks about that, and the topic's article does not answer it.)
  const aboutTopic =
    alone.outcome === 'no_answer' && (alone.candidates.length === 0 || leadsToTopic) && !namesUnknownMatter(question, knowledge);
  const article = followUp && topic.articleId && aboutTopic ? knowledge.article(topic.articleId) : undefined;
  if (article) return { question, decision: introOnly(article), readAgainst: topic };
  return { question, decision: alone };
}

/** How much of its own question a candidate of a decision covers (0 when it is none). */
function coverageOf(decision: AnswerDecision, articleId: string): number {
  return decision.candidates.find((c) => c.article.id === articleId)?.coverage ?? 0;
}

/** A follow-up's reading must cover at least this share of what the follow-up alone covers (see `readAsTyped`). */
const OWN_THING_SHARE = 0.5;

/** A joining word at the start ("Und wie hoch …?"), which by itself does not point back. */
const JOINED = /^\s*(?:und|aber|also|sowie)\s+/iu;

/**
 * "Und wie hoch ist die Einsparvorgabe?", "welche unterlagen brauchts?": a question for a thing of its own, joined by
 * "und" or short, but not pointing back, with a word that names the article it has alone and not the topic's (read
 * with the topic's words it drifted to the topic's article). "Und wie hoch ist die Förderung?" after the GVV stays
 * with the GVV: its word names both.
 */
function asksOwnTopic(question: string, alone: AnswerDecision, knowledge: KnowledgeLookup, topic: ConversationTopic): boolean {
  if (alone.outcome !== 'answer' || !knowledge.terms) return false;
  const rest = question.replace(JOINED, '');
  if (!ASKS_OWN_THING.test(rest) || refersBack(rest) || POINTS_BACK.test(rest)) return false;
  return namesOwnTopic(rest, alone.article, topic.articleId ? knowledge.article(topic.articleId) : undefined, knowledge);
}

/** Whether the only word of `question` that points back (`POINTS_BACK`) is a bare "da". */
function onlyDa(question: string): boolean {
  return !POINTS_BACK.test(question.replace(/(?<!\p{L})da(?!\p{L})/giu, ' '));
}

/** Whether a word of `question` names the topic of `article` and not that of `other` (see `namesTopicOf`). */
function namesOwnTopic(question: string, article: Article, other: Article | undefined, knowledge: KnowledgeLookup): boolean {
  if (!knowledge.terms) return false;
  const terms = knowledge.terms.bind(knowledge);
  return question
    .split(/\s+/)
    .some((word) => !QUESTION_WORD.test(word) && namesTopicOf(word, article, terms) && !(other && namesTopicOf(word, other, terms)));
}

/** A question word names no topic, though a title has it ("und wann?" is not about "Wann muss der Antrag gestellt werden?"). */
const QUESTION_WORD = /^(?:wer|wen|wem|wessen|was|wie|wo\p{L}*|wann|warum|wieso|weshalb|welche[rnms]?)\P{L}*$/iu;

/** "aus welchen Gründen?", "und in welcher Höhe?", "nach welchen Kriterien?": a question word's phrase without a verb. */
const CIRCUMSTANCE_OF_FIRST = /^\s*(?:und\s+)?(?:aus|in|mit|nach|von|zu|unter|auf|bei)\s+welche[mnrs]?\s+\p{L}+\s*[?.!]*\s*$/iu;
/** Words that point back to what was said before: "dafür", "dazu", "hierfür", "diese", "deren", "ihn". */
const POINTS_BACK =
  /(?<!\p{L})(?:da(?:für|fuer|zu|von|rüber|rueber|mit|ran|rauf|bei|rin|raus|durch|gegen|hinter)|wo(?:für|fuer|zu|von)|hier\p{L}+|dies\p{L}*|deren|dessen|dort|da|ihn|ihm|ihnen)(?!\p{L})/iu;
/**
 * A question word at the start (after "und", "also", or a preposition: "seit wann"), or "gibt es eine …" with a thing
 * named ("und gibts ne Frist …", "und gibts vom land eigentlich auch ne beratung …"): the question asks for a thing of its own.
 */
const ASKS_OWN_THING =
  /^\s*(?:(?:und|also|aber)\s+)?(?:(?:(?:seit|bis|ab|an|für|fuer|mit|von|bei|nach|zu|über|ueber|auf|aus)\s+)?(?:wer|wen|wem|was|wie|wo\p{L}*|wann|warum|wieso|weshalb|welche[rnms]?)(?!\p{L})|(?:gibt\s+es|gibts)\s+(?:\p{L}+\s+){0,4}?(?:ne|nen|eine[nm]?|ein|irgendeine[nm]?)\s+\p{L})/iu;

/**
 * "Und darf unser Abwasserzweckverband selber einen Antrag stellen?", "Und wird schon die Machbarkeitsstudie
 * bezuschusst?": a yes/no question whose subject is a thing named with its article or possessive, perhaps after a
 * particle (not a pronoun: "Und gilt das auch …?", "müssen wir …"), names a thing of its own.
 */
const ASKS_OWN_YES_NO =
  /^\s*(?:(?:und|also|aber)\s+)?(?:darf|dürfen|duerfen|muss|müssen|muessen|kann|können|koennen|gilt|gelten|braucht|brauchen|ist|sind|bekommt|bekommen|zählt|zaehlt|wird|werden)\s+(?:(?:auch|schon|bereits|denn|eigentlich|überhaupt|ueberhaupt|dann|jetzt)\s+)*(?:(?:unser\p{L}*|ein\p{L}*|ne|nen)\s+\p{L}[\p{L}-]{3,}|(?:(?:der|die|den|dem)\s+)?\p{Lu}[\p{L}-]{3,})/u;

/** `ASKS_OWN_YES_NO` of a question, its first word taken in lower case ("Und darf …", "Darf …"). */
function asksOwnYesNo(question: string): boolean {
  return ASKS_OWN_YES_NO.test(question.replace(/^\s*\p{L}/u, (first) => first.toLowerCase()));
}

/** "Können Sie …", "Könntest du …": the writer asks the bot to do something. */
const ADDRESSES_BOT = /^\s*(?:(?:und|also)\s+)?(?:können|koennen|könnten|koennten|kannst|könntest|würden|wuerden|würdest)\s+(?:sie|du)\b/iu;

/** True when a question alone leads to no article at all (no candidate, not outside the programme): no topic word of its own. */
function saysNothingAlone(question: string, knowledge: KnowledgeLookup): boolean {
  const alone = knowledge.answer(question);
  return alone.outcome === 'no_answer' && alone.reason === 'not_covered' && alone.candidates.length === 0;
}

/** A second question of at most this many words leans on the first's matter (see `readSeveral`)… */
const MAX_DEPENDENT_WORDS = 6;
/** …when it speaks of a definite thing, as one named before: "die Satzung", "im Gremium", "sie", "bis dahin". */
const DEFINITE = /(?<!\p{L})(?:der|die|das|den|dem|des|im|am|zum|zur|vom|beim|ins|sie|er|solange|dahin)(?!\p{L})/iu;

/** A short question for a thing ("wer sitzt im Gremium?"): it may lean on the question before. */
function leansOnFirst(question: string): boolean {
  return ASKS_OWN_THING.test(question) && wordCount(question) <= MAX_DEPENDENT_WORDS;
}

/** Whether a noun of `question` was named in `before`, as a word or as the end of a compound ("Vertrag" in "IT-Kooperationsvertrag"). */
function namesAgain(question: string, before: string): boolean {
  const earlier = before.toLowerCase().split(/[^\p{L}]+/u);
  return followUpNouns(question)
    .map((noun) => noun.toLowerCase())
    .some((noun) => noun.length >= MIN_NAMED_AGAIN && earlier.some((word) => word.endsWith(noun)));
}

/** The message before its second question (its context and first question). */
function textBefore(text: string, questions: readonly string[]): string {
  const at = text.indexOf(questions[1]!);
  return at >= 0 ? text.slice(0, at) : questions[0]!;
}

/** Shorter nouns than this are not matched as compound ends ("Amt" ends many words). */
const MIN_NAMED_AGAIN = 4;

/** Questions shorter than this many words are fragments of the one before. */
const MIN_STANDALONE_WORDS = 3;

function standsAlone(question: string): boolean {
  return !looksLikeFollowUp(question) && wordCount(question) >= MIN_STANDALONE_WORDS;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A qualifier after the thing compared ("Zweckverband nach KGG", "GVV in Hessen"), or the verb of doing it
 * ("Zweckverband gründen", "öffentlich-rechtliche Vereinbarung schließen"): a lower-case infinitive after a noun.
 * Not "für …": it names what the thing is for ("Geld für zusammengelegte Feuerwehren"), which is the topic.
 */
const QUALIFIER = /(?:\s+(?:[Nn]ach|[Gg]emäß|[Gg]em\.|[Ll]aut|[Ii]m\s+[Ss]inne|[Ii]n|[Bb]ei)\s.*|(?<=\p{Lu}[\p{L}-]*)\s+\p{Ll}+n)$/u;

/** The article about one side of a comparison: the thing itself first ("Zweckverband" of "Zweckverband nach KGG"), then with its qualifier. */
function answerSide(side: string, knowledge: KnowledgeLookup): AnswerDecision {
  const head = side.replace(QUALIFIER, '');
  if (head !== side && head.trim()) {
    const decision = knowledge.answer(head);
    if (decision.outcome === 'answer') return decision;
  }
  return knowledge.answer(side);
}

/** Sections a reading of one article shows besides its intro (the intro, the one for each question). */
const MAX_MERGED_SECTIONS = 2;

/** A reading that also shows the sections the readings of its questions chose (same article), in their order. */
function withSectionsOf(reading: AnsweredReading, parts: readonly AnsweredReading[]): AnsweredReading {
  const { article, sections } = reading.decision;
  const chosen = [...parts.flatMap((p) => p.decision.sections), ...sections].filter(
    (s) => s.heading !== null && article.sections.includes(s),
  );
  const unique = [...new Set(chosen)].slice(0, MAX_MERGED_SECTIONS);
  if (unique.length === 0) return reading;
  return { ...reading, decision: { ...reading.decision, sections: [article.sections[0]!, ...unique] } };
}

function isOutside(understanding: QuestionUnderstanding): boolean {
  if (understanding.kind !== 'single') return false;
  const { decision } = understanding.reading;
  return decision.outcome === 'no_answer' && decision.reason === 'outside_scope';
}

/** Whether a reading gives an answer: two answers, a comparison, or one confident answer. */
export function isConfident(understanding: QuestionUnderstanding): boolean {
  return understanding.kind !== 'single' || understanding.reading.decision.outcome === 'answer';
}

function isAnswered(reading: QuestionReading): reading is AnsweredReading {
  return reading.decision.outcome === 'answer';
}

/**
 * Whether a reading has no answer because it names a field or programme of the lists the articles leave out
 * (`outside_topics`, `outside_scope`). Those decisions have no candidates; a thing asked for that no article has
 * ("wie viele Tage …") is outside too, but keeps its candidates.
 */
function namesOutside(reading: QuestionReading): boolean {
  const { decision } = reading;
  return (
    decision.outcome === 'no_answer' &&
    (decision.reason === 'outside_topic' || decision.reason === 'outside_scope') &&
    decision.candidates.length === 0
  );
}

/** The folder of an article file (`rechtsformen/zweckverband.md` → `rechtsformen`); the kind of its topic. */
function folderOf(file: string): string | undefined {
  const slash = file.lastIndexOf('/');
  return slash > 0 ? file.slice(0, slash) : undefined;
}
