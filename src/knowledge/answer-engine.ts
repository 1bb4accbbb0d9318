import { DEFAULT_EXPANSION_WEIGHTS, wordClassByEnding, type QueryWord } from '../language/german-analyzer.js';
import { foldGerman } from '../language/german-normalizer.js';
import { mentionsAsker } from '../language/clauses.js';
import { splitSentences } from '../language/sentence-split.js';
import type { ArticleHit, ArticleTerms, KnowledgeIndex } from './knowledge-index.js';
import type { Article, ArticleSection } from './types.js';

/** Thresholds of the answer decision: the defaults as named data. */
export const DEFAULT_ANSWER_OPTIONS = {
  /**
   * Share of the question's weight (IDF of its words) the best article must cover, else no_answer. 0.45: unknown
   * ordinary words weigh little, an unknown name more than any known word (measured, docs/evaluation.md).
   */
  minCoverage: 0.45,
  /** A second article ranked at least this share of the best one's rank value makes the question ambiguous. */
  clarifyScoreRatio: 0.9,
  /** …provided it covers the question about as well (at most this much less coverage). */
  clarifyCoverageSlack: 0.05,
  /** How many topics a clarifying question offers. */
  clarifyMaxOptions: 3,
  /** A word matched only fuzzily or by prefix counts this much towards coverage. */
  inexactMatchWeight: 0.7,
  /** A compound matched through at least two of its parts counts this much. */
  allPartsWeight: 0.9,
  /** How many of the best-scoring articles are re-ranked by coverage. */
  rerankDepth: 20,
  /**
   * An answer shows the intro and one section: an article whose best passage covers less than this share of what
   * the whole article covers is ranked down in proportion; it gathers general words but lacks the fact.
   */
  minPassageShare: 0.7,
  /** Coverage found only in an article's examples (`ArticleTerms.exampleOnly`) counts this much: a town rarely is the topic. */
  exampleWeight: 0.7,
  /**
   * Share of the question's weight the best article must have where it names its topic (`namedShare`); below it the
   * article only mentions the words in passing ("Bürgermeister" in a list of a board's members): no_answer.
   */
  minNamedShare: 0.1,
  /** A candidate covering this much more than the best-ranked (answered) one, and naming the topic, is the answer. */
  coverageLead: 0.3,
  /** A candidate whose stored question holds this share of the question (`questionMatch`)… */
  storedQuestionMatch: 0.9,
  /** …and this share of its words, each counted once (`storedWordShare`)… */
  storedQuestionWords: 0.8,
  /** …and this much more than the best-ranked one's, covering the question as well, is the answer. */
  storedQuestionLead: 0.3,
  /** An article that dates the thing a „seit wann“ question asks about may cover this much less of it than the best one. */
  datingCoverageSlack: 0.15,
  /** Nouns below this IDF are in most articles: a question of only such nouns asks for an overview (`asksForOverview`). */
  maxOverviewIdf: 0.5,
} as const;

export type AnswerOptions = { readonly [K in keyof typeof DEFAULT_ANSWER_OPTIONS]: number };

/** One candidate article with the numbers the decision was based on. */
export interface Candidate {
  article: Article;
  score: number;
  /** 0…1: how much of the question this article covers. */
  coverage: number;
  /** 0…1: how much of the question one of the article's stored questions (or its title) covers. */
  questionMatch: number;
}

/** What the bot should do with a question: the three outcomes of the confidence decision. */
export type AnswerDecision =
  | {
      outcome: 'answer';
      article: Article;
      /** The sections to show: the intro, plus the section that best fits the question if any. */
      sections: ArticleSection[];
      score: number;
      coverage: number;
      candidates: Candidate[];
    }
  | { outcome: 'clarify'; candidates: Candidate[] }
  | {
      outcome: 'no_answer';
      /**
       * `outside_scope`: another programme or state; `outside_topic`: a field the articles leave out (tax law, pay), or
       * a thing no article has asked for by name ("Wie hoch ist das Sitzungsgeld …?").
       */
      reason: 'empty' | 'outside_scope' | 'outside_topic' | 'not_covered';
      candidates: Candidate[];
    };

/** Decides how to answer a question from the knowledge base (pure apart from reading the index). */
export function decideAnswer(
  index: KnowledgeIndex,
  question: string,
  outsideScope: readonly string[] = [],
  options: AnswerOptions = DEFAULT_ANSWER_OPTIONS,
): AnswerDecision {
  const words = index.analyzer.analyzeQuery(question);
  if (words.length === 0) return { outcome: 'no_answer', reason: 'empty', candidates: [] };
  if (
    mentionsAnyOf(question, outsideScope) ||
    namesOtherProgramme(index, words, outsideScope) ||
    namesOtherProgrammeHyphenated(index, question, outsideScope)
  ) {
    return { outcome: 'no_answer', reason: 'outside_scope', candidates: [] };
  }
  // A word of the question's context or frame counts less than a word of the question itself (`QueryWord.emphasis`).
  const idf = new Map(words.map((w) => [w, index.idf(w) * (w.emphasis ?? 1)]));
  const totalWeight = [...idf.values()].reduce((a, b) => a + b, 0);
  // Rank by how much of the question an article covers, then by how strongly it matches: an article
  // that answers every word beats one that matches a single word very often.
  const rank = new Map<Candidate, number>();
  const questionTerms = new Set(words.flatMap((w) => [...w.alternatives.keys()]));
  const candidates: Candidate[] = index.search(words, options.rerankDepth).map((hit) => {
    // Only the alternatives the article matched at all count, and only they can be found in one of its passages.
    const matched = matchedAlternatives(words, idf, index, hit, questionTerms);
    const terms = index.termsOf(hit.article.id);
    const inHit = (leftOut: ReadonlySet<string>) =>
      coverage(matched, totalWeight, options, (t) => hit.exactTerms.has(t) && !leftOut.has(t), 'article');
    const candidate = {
      article: hit.article,
      score: hit.score,
      coverage: inHit(NO_TERMS),
      questionMatch: questionMatch(words, idf, totalWeight, terms),
    };
    const passage = passageCoverage(matched, totalWeight, options, passagesOf(terms), candidate.coverage);
    const outsideExamples = inHit(terms.exampleOnly);
    rank.set(candidate, rankValue(candidate, passage, outsideExamples, options));
    return candidate;
  });
  candidates.sort((a, b) => rank.get(b)! - rank.get(a)!);
  // An article that covers far more of the question, and names its topic, beats one that matches its common words
  // most often ("freiwillig" all over the fusion article for a question about the freiwillige Polizeidienst).
  const top = candidates[0];
  const covering =
    top && top.coverage >= options.minCoverage
      ? candidates.find(
          (c) =>
            c.coverage >= top.coverage + options.coverageLead &&
            namedShare(words, idf, totalWeight, index.termsOf(c.article.id)) >= options.minNamedShare,
        )
      : undefined;
  if (covering) candidates.unshift(...candidates.splice(candidates.indexOf(covering), 1));
  // "Seit wann fördert das Land die Zusammenarbeit?": a stored question that says nearly all of it, in an article that
  // covers the question at least as well, beats an article that shares only its common words more often ("seit 2009").
  const first = candidates[0];
  const asStored =
    first && !covering
      ? candidates.find(
          (c) =>
            c.questionMatch >= options.storedQuestionMatch &&
            c.questionMatch >= first.questionMatch + options.storedQuestionLead &&
            c.coverage >= first.coverage &&
            storedWordShare(words, index.termsOf(c.article.id)) >= options.storedQuestionWords,
        )
      : undefined;
  if (asStored) candidates.unshift(...candidates.splice(candidates.indexOf(asStored), 1));
  // "IKZ-Förderung?", "Förderung?": nouns that most articles share name no topic of their own; the overview whose
  // title names most of them answers (no clarifying question between articles that all mention them).
  const overview = asksForOverview(question, words, idf, options)
    ? overviewFor(candidates, words, idf, totalWeight, index, options)
    : undefined;
  if (overview) candidates.unshift(...candidates.splice(candidates.indexOf(overview), 1));
  // "Wie viele Jahre müssen wir zusammenarbeiten?": of the articles that cover the question, the first that counts the thing.
  const counting =
    candidates[0] && lacksCountOf(question, words, index, candidates[0].article)
      ? candidates.find(
          (c) =>
            c.coverage >= options.minCoverage &&
            namedShare(words, idf, totalWeight, index.termsOf(c.article.id)) >= options.minNamedShare &&
            !lacksCountOf(question, words, index, c.article),
        )
      : undefined;
  if (counting) candidates.unshift(...candidates.splice(candidates.indexOf(counting), 1));
  // "Seit wann dürfen Landkreise allein Anträge stellen?": of the articles that cover the question, the first that dates
  // one of its things (the procedure article has the Landkreise, but no year for them).
  const dating =
    !counting && candidates[0] && lacksYearOf(question, words, index, candidates[0].article)
      ? candidates.find(
          (c) =>
            c.coverage >= options.minCoverage &&
            c.coverage >= candidates[0]!.coverage - options.datingCoverageSlack &&
            namedShare(words, idf, totalWeight, index.termsOf(c.article.id)) >= options.minNamedShare &&
            !lacksYearOf(question, words, index, c.article),
        )
      : undefined;
  if (dating) candidates.unshift(...candidates.splice(candidates.indexOf(dating), 1));
  const best = candidates[0];
  // The thing asked for is one no article has: no other reading (a task, a computed amount) may answer instead, also
  // where no article covers the question well enough.
  if (lacksAskedThing(question, words, index) || countsUnknownThing(question, words, index)) {
    return { outcome: 'no_answer', reason: 'outside_topic', candidates };
  }
  if (
    !best ||
    best.coverage < options.minCoverage ||
    namedShare(words, idf, totalWeight, index.termsOf(best.article.id)) < options.minNamedShare
  ) {
    return { outcome: 'no_answer', reason: 'not_covered', candidates };
  }
  if (lacksCountOf(question, words, index, best.article)) return { outcome: 'no_answer', reason: 'outside_topic', candidates };
  // Close runners-up that the best article already links as related are one topic family: answer with
  // the best and let its related-topic buttons offer the others. Only unrelated ties are ambiguous.
  const close = candidates.filter(
    (c) =>
      c === best ||
      (rank.get(c)! >= rank.get(best)! * options.clarifyScoreRatio &&
        c.coverage >= best.coverage - options.clarifyCoverageSlack &&
        !areRelated(best.article, c.article)),
  );
  if (close.length > 1 && !overview && !counting && !dating && !asStored)
    return { outcome: 'clarify', candidates: close.slice(0, options.clarifyMaxOptions) };
  return {
    outcome: 'answer',
    article: best.article,
    sections: chooseSections(index, best.article, words, idf, AMOUNT_QUESTION.test(question)),
    score: best.score,
    coverage: best.coverage,
    candidates,
  };
}

/**
 * A question made only of nouns that most articles contain (IDF below `maxOverviewIdf`: „IKZ“, „Förderung“), asking
 * for no count or amount: it names a topic all articles share and asks nothing particular about it.
 */
function asksForOverview(
  question: string,
  words: readonly QueryWord[],
  idf: ReadonlyMap<QueryWord, number>,
  options: AnswerOptions,
): boolean {
  if (COUNT_QUESTION.test(question) || AMOUNT_QUESTION.test(question)) return false;
  return words.every((w) => idf.get(w)! < options.maxOverviewIdf && isNoun(w));
}

/** A noun by its class, its ending where case told nothing ("förderung"), or an abbreviation ("IKZ"). */
function isNoun(word: QueryWord): boolean {
  return word.wordClass === 'noun' || wordClassByEnding(word.text) === 'noun' || /^\p{Lu}{2,}/u.test(word.text);
}

/** Of the overview articles (`Article.overview`) that cover the question, the one whose title names most of it. */
function overviewFor(
  candidates: readonly Candidate[],
  words: readonly QueryWord[],
  idf: ReadonlyMap<QueryWord, number>,
  totalWeight: number,
  index: KnowledgeIndex,
  options: AnswerOptions,
): Candidate | undefined {
  const named = (c: Candidate) => {
    const title = index.termsOf(c.article.id).title;
    return words.reduce((sum, w) => sum + strengthIn(w, title) * idf.get(w)!, 0) / Math.max(totalWeight, 1e-9);
  };
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!c.article.overview || c.coverage < options.minCoverage) continue;
    if (!best || named(c) > named(best)) best = c;
  }
  return best;
}

/** Whether one of two articles links the other as related (one topic family). */
export function areRelated(a: Article, b: Article): boolean {
  return a.related.includes(b.id) || b.related.includes(a.id);
}

/**
 * Ranking value: the match score weighted by the square of the coverage, raised when a stored question says nearly
 * what the user asked (as FAQ search does), lowered when no passage holds the words together or they are only in examples.
 */
function rankValue(candidate: Candidate, passage: number, outsideExamples: number, options: AnswerOptions): number {
  const { score, coverage, questionMatch } = candidate;
  const together = Math.min(1, passage / Math.max(coverage * options.minPassageShare, 1e-9));
  const ranked = outsideExamples + (coverage - outsideExamples) * options.exampleWeight;
  return score * coverage * ranked * (1 + questionMatch) * together;
}

/**
 * What an answer can show, as term sets: title, intro and one section; each stored question. Sections first: they
 * more often end `passageCoverage` early.
 */
function passagesOf(terms: ArticleTerms): ReadonlyArray<ReadonlyArray<ReadonlySet<string>>> {
  const { title, questions, sections } = terms;
  const [intro, ...rest] = sections;
  const shownWith = intro ? [title, intro.heading, intro.body] : [title];
  const shown = rest.map((s) => [...shownWith, s.heading, s.body]);
  return [...(shown.length > 0 ? shown : [shownWith]), ...questions.map((q) => [q])];
}

/**
 * Best share of the question's weight that a single stored question (or the title) contains. A stored question
 * that shares only the asking ("wie funktioniert", "was muss man beachten") is no match.
 */
function questionMatch(words: readonly QueryWord[], idf: ReadonlyMap<QueryWord, number>, totalWeight: number, terms: ArticleTerms): number {
  if (totalWeight === 0) return 0;
  let best = 0;
  for (const question of terms.questions) {
    const strengths = words.map((word) => strengthIn(word, question));
    if (!words.some((word, i) => strengths[i]! > 0 && word.wordClass !== 'other')) continue;
    const matched = words.reduce((sum, word, i) => sum + strengths[i]! * idf.get(word)!, 0);
    best = Math.max(best, matched / totalWeight);
  }
  return best;
}

/**
 * Best share of the question's words, each counted once whatever its weight, that a single stored question holds: the
 * common words ("seit wann") that choose between stored questions of the same topic words count as much as the rest.
 */
function storedWordShare(words: readonly QueryWord[], terms: ArticleTerms): number {
  let best = 0;
  for (const question of terms.questions) {
    best = Math.max(best, words.filter((word) => strengthIn(word, question) > 0).length / words.length);
  }
  return best;
}

/** The share of the question's weight found where an article names its topic: title, stored questions, keywords, headings. */
function namedShare(words: readonly QueryWord[], idf: ReadonlyMap<QueryWord, number>, totalWeight: number, terms: ArticleTerms): number {
  if (totalWeight === 0) return 0;
  const zones = [...terms.questions, terms.keywords, ...terms.sections.map((s) => s.heading)];
  let named = 0;
  for (const word of words) named += Math.max(...zones.map((zone) => strengthIn(word, zone))) * idf.get(word)!;
  return named / totalWeight;
}

/**
 * The noun a question asks for, after "welche", "wie viele", "was für" and perhaps an adjective ("Ab welchem
 * Schwellenwert?"), or the subject of "wie hoch ist …" ("Wie hoch darf die Aufwandsentschädigung sein?") or of "was
 * kostet …" ("Was kostet die Mitgliedschaft bei …?").
 */
const ASKED_THING =
  /(?<!\p{L})(?:[Ww]as\s+kost(?:et|en)\s+(?:uns\s+)?(?:der|die|das|eine?)|[Ww]elche[rnms]?|[Ww]ie\s+viele?|[Ww]as\s+f(?:ü|ue)r(?:\s+eine?[nmrs]?)?|[Ww]ie\s+hoch\s+(?:ist|sind|war|wäre|waere|darf|dürfen|duerfen|soll|sollte|muss|kann)\s+(?:der|die|das|eine?|unser\p{Ll}*))\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}-]+)/u;

/**
 * The thing a question asks where, when or how to handle: the noun after the verb and an article ("Wo reicht er den
 * Bauantrag ein?", "Wann muss die Grundsteuererklärung raus?", "Bei wem stellen wir den Antrag?").
 */
const HANDLED_THING =
  /(?<!\p{L})(?:[Ww]o|[Ww]ohin|[Ww]ann|[Ww]ie|[Bb]ei\s+wem|[Aa]n\s+wen)\s+\p{Ll}+\s+(?:(?:er|sie|es|man|wir|ich|ihr|du)\s+)?(?:der|die|das|den|dem|einen|eine|ein|unseren|unsere|unser)\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}-]+)/u;

/**
 * The subject of a passive question, the noun right before its closing participle ("Wie wird nach der Fusion der
 * neue Wehrführer bestimmt?", "Wann werden die Gebühren erhoben?").
 */
const PASSIVE_THING =
  /^\s*(?:[Ww]ie|[Ww]ann|[Ww]o|[Ww]er|[Vv]on\s+wem|[Dd]urch\s+wen)\s+(?:wird|werden|wurde|wurden)\s.*?(?:der|die|das|den|dem|unser\p{Ll}*)\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}-]+)\s+\p{Ll}+\s*\?\s*$/u;

/**
 * Nouns that ask how something is measured, not for a thing ("Nach welchem Maßstab bemisst sich diese Hilfe?"): the
 * thing asked about is the rest of the question.
 */
const MANNER_NOUN = /^(?:Ma(?:ß|ss)st(?:a|ä|ae)b\p{Ll}*|Formel\p{Ll}*|Rechenweg\p{Ll}*|Prinzip\p{Ll}*|Modus)$/u;

/** True when the noun a question asks for (`ASKED_THING`, `HANDLED_THING`, `PASSIVE_THING`) is an unknown word: the knowledge base cannot have it. */
function lacksAskedThing(question: string, words: readonly QueryWord[], index: KnowledgeIndex): boolean {
  const asked = (ASKED_THING.exec(question) ?? HANDLED_THING.exec(question) ?? PASSIVE_THING.exec(question))?.[1];
  if (asked && MANNER_NOUN.test(asked)) return false;
  // Of a hyphenated compound the last part names the thing ("welche Firewall-Produkte": products).
  const head = asked?.slice(asked.lastIndexOf('-') + 1);
  const word = asked ? words.find((w) => w.text === asked || w.text === head) : askedInLowerCase(question, words);
  return !!word && isUnknownWord(word, index);
}

/** "welche firewall sollen wir kaufen": in a message typed in lower case, the first of the two words after the question word that the analyser reads as a noun. */
const ASKED_THING_LOWER =
  /(?<!\p{L})(?:welche[rnms]?|wie\s+viele?|was\s+f(?:ü|ue)r(?:\s+eine?[nmrs]?)?)\s+(\p{Ll}[\p{L}-]+)(?:\s+(\p{Ll}[\p{L}-]+))?/u;

function askedInLowerCase(question: string, words: readonly QueryWord[]): QueryWord | undefined {
  if (/\p{Lu}/u.test(question)) return undefined;
  const match = ASKED_THING_LOWER.exec(question);
  if (!match) return undefined;
  const asked = [match[1], match[2]].map((text) => words.find((w) => w.text === text));
  return asked.find((w) => w?.wordClass === 'noun');
}

/** A word no article has, with nothing standing for it (no synonym, compound part or OpenThesaurus entry). */
function isUnknownWord(word: QueryWord, index: KnowledgeIndex): boolean {
  return !index.analyzer.isKnown(word) && word.alternatives.size <= 1;
}

/** A question for a count or a sum: "wie viele", "wie vielen", "wie viel". */
const COUNT_QUESTION = /(?<!\p{L})wie\s*viel(?:e[nm]?)?(?!\p{L})/iu;
/** What someone has received: "Was hat die Gemeinde X bekommen?", "Welche Summe hat … erhalten?", "… wurde … gefördert?" */
const RECEIVED =
  /(?<!\p{L})(?:(?:hat|haben|hatte|hatten)(?!\p{L})[^.?!]*(?<!\p{L})(?:bekommen|erhalten|gekriegt)|(?:wurde|wurden)(?!\p{L})[^.?!]*(?<!\p{L})(?:gefördert|gefoerdert|bewilligt))(?!\p{L})/iu;
/**
 * True for a count or sum about a place or thing no article knows, or what such a place received, not about the asker
 * ("Wie viele Zweckverbände gibt es im RP-Bezirk Kassel?"): the articles count for all of Hessen or name their places.
 */
function countsUnknownThing(question: string, words: readonly QueryWord[], index: KnowledgeIndex): boolean {
  if (!(COUNT_QUESTION.test(question) || RECEIVED.test(question)) || mentionsAsker(question)) return false;
  return words.some((w) => (w.wordClass === 'place' || w.wordClass === 'noun') && isUnknownWord(w, index));
}

/** What "wie viele" counts: the one or two words after it ("wie viele IKZ-Projekte", "wie viele hessische Kommunen"). */
const COUNTED = /(?<!\p{L})wie\s*viele[nm]?\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu;
/** A count in an article's sentence: a number that is no sum, share, year, date or paragraph ("533", "drei"; not "15.000 €", "2024"). */
const COUNT_IN_TEXT =
  /(?<![\p{L}\d§.,])(?:(?!(?:19|20)\d\d(?!\d))\d{1,3}(?:\.\d{3})*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert)(?![\d.,]*\d)(?!\s*(?:€|euro|eur\b|prozent|%|mio|millionen|\.\s*\d))(?!\p{L})/iu;

/** Every count of a sentence (`COUNT_IN_TEXT`, for `matchAll`). */
const COUNTS_IN_TEXT = new RegExp(COUNT_IN_TEXT.source, 'giu');

/** What follows a count that names no thing ("25 im Jahr 2023", "… waren es 21."): it counts what the sentence names. */
const BARE_COUNT = /^(?:\s+(?:im|in|bis|seit|von|je|pro)(?!\p{L})|\s*(?:[.;:)]|$))/u;

/** A sentence that speaks of a number of things ("Die Zahl der Kommunen sank …"). */
const COUNT_NAMED = /(?<!\p{L})(?:an)?zahl(?!\p{L})/iu;

/**
 * True when a question counts something ("Wie viele Gemeindeverwaltungsverbände gibt es in Hessen?") that the article
 * never counts: none of its sentences with a count names the counted word or one of its alternatives. The article has
 * the topic, not the figure; answering with it would look like an answer to the count.
 */
function lacksCountOf(question: string, words: readonly QueryWord[], index: KnowledgeIndex, article: Article): boolean {
  const asked = COUNTED.exec(question);
  // "wie viele IKZ-Projekte" counts projects: the last part of a hyphenated word.
  const countedWords = asked ? [asked[1], asked[2]].flatMap((w) => (w ? [w, w.split('-').at(-1)!] : [])) : [];
  const counted = words.filter((w) => countedWords.includes(w.text));
  if (counted.length === 0) return false;
  // "Wie viele Projekte wurden 2023 gefördert?": a count for a year is one only a sentence with that year gives.
  const years = [...question.matchAll(ASKED_YEARS)].map((m) => m[1]!);
  const countedInArticle = new Set<string>();
  for (const section of article.sections)
    for (const sentence of splitSentences(section.text)) {
      if (years.length > 0 && !years.some((year) => sentence.includes(year))) continue;
      // A count before a noun counts that noun ("533 Projekte"), not every noun of its sentence ("Der GVV der vier
      // Gemeinden …" counts no GVVs); a bare count ("25 im Jahr 2023") or a sentence that says "Zahl" counts what
      // the sentence names.
      const matches = [...sentence.matchAll(COUNTS_IN_TEXT)];
      const after = matches.map((m) => sentence.slice(m.index + m[0].length));
      const counts = after.map((rest) => /^(?:\s+[\p{L}-]+){0,3}/u.exec(rest)![0]);
      if (COUNT_NAMED.test(sentence) || after.some((rest) => BARE_COUNT.test(rest))) counts.push(sentence);
      for (const text of counts) for (const term of index.analyzer.baseTerms(text)) countedInArticle.add(term);
    }
  // A compound ends with what it is: "Cyberangriffe" counts attacks.
  const countsTerm = (term: string) =>
    countedInArticle.has(term) || (term.length >= 4 && [...countedInArticle].some((t) => t.endsWith(term)));
  // A part of the counted compound counts other things ("Gemeinden" for "Gemeindeverwaltungsverbände").
  return !counted.some((w) => [...w.alternatives.keys()].filter((t) => t === w.term || !w.partOf?.has(t)).some(countsTerm));
}

/** A year a question asks about ("2023", "im Jahr 2019", "seit 2010"), not one that names a document ("RV 2021"). */
const ASKED_YEARS =
  /(?<!(?:rv|rahmenvereinbarung|fassung|richtlinie|vereinbarung|novelle|gesetz)\s+)(?<![\d.,])((?:19|20)\d\d)(?![\d.,]*\d)/giu;

/** A question for the start of something: "Seit wann …?", "Ab wann …?", "Ab welchem Jahr …?". */
const SINCE_WHEN = /(?<!\p{L})(?:seit|ab)\s+(?:wann|welchem\s+jahr)(?!\p{L})/iu;
/** A year in a sentence ("seit 2016", "2011"). */
const YEAR_IN_TEXT = /(?<![\d.,])(?:19|20)\d\d(?![\d.,]*\d)/u;

/**
 * True when none of a „seit wann“ question's nouns (places aside) is named in a sentence of the article that has a
 * year: the article has the thing, not its date.
 */
function lacksYearOf(question: string, words: readonly QueryWord[], index: KnowledgeIndex, article: Article): boolean {
  if (!SINCE_WHEN.test(question)) return false;
  const nouns = words.filter((w) => isNoun(w) && w.wordClass !== 'place');
  if (nouns.length === 0) return false;
  for (const section of article.sections)
    for (const sentence of splitSentences(section.text)) {
      if (!YEAR_IN_TEXT.test(sentence)) continue;
      const terms = new Set(index.analyzer.baseTerms(sentence));
      if (nouns.some((noun) => strengthIn(noun, terms) > 0)) return false;
    }
  return true;
}

/** The weight of the strongest of a word's alternatives that `terms` contains (0: none). */
function strengthIn(word: QueryWord, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of word.alternatives) if (weight > strength && terms.has(term)) strength = weight;
  return strength;
}

/** An alternative of a query word that a hit matched: itself, or only through fuzzy or prefix `variants`. */
interface MatchedAlternative {
  term: string;
  /** Its listed weight, less for a common compound part (see `alternativeWeight`). */
  weight: number;
  /** For a compound part or a synonym: the part it stands for (a part and its synonym count as one). */
  part: string | undefined;
  /** The index terms the hit matched for it (itself, or fuzzy and prefix variants). */
  variants: readonly string[];
  /** Those variants that are not themselves terms of the question ("Gemeindevertretung" ~ "Gemeindeverwaltung"). */
  foreignVariants: readonly string[];
}

/** Per query word: its IDF, the alternatives a hit matched, and (`phrases`) its synonyms of several words whose words the hit all matched exactly. */
type MatchedWord = { idf: number; alternatives: MatchedAlternative[]; phrases: NonNullable<QueryWord['phrases']> };

const NO_TERMS: ReadonlySet<string> = new Set();

function matchedAlternatives(
  words: readonly QueryWord[],
  idf: ReadonlyMap<QueryWord, number>,
  index: KnowledgeIndex,
  hit: ArticleHit,
  questionTerms: ReadonlySet<string>,
): MatchedWord[] {
  return words.map((word) => {
    const wordIdf = idf.get(word)!;
    const alternatives: MatchedAlternative[] = [];
    for (const [term, listed] of word.alternatives) {
      const exact = hit.exactTerms.has(term);
      const found = hit.queryTerms.get(term);
      if (!exact && !found) continue;
      const variants = found ? [...found] : [];
      alternatives.push({
        term,
        weight: alternativeWeight(word, wordIdf, term, listed, index),
        part: term !== word.term ? (word.partOf?.get(term) ?? term) : undefined,
        variants,
        foreignVariants: variants.filter((v) => !questionTerms.has(v)),
      });
    }
    const phrases = (word.phrases ?? []).filter((phrase) => phrase.terms.every((t) => hit.exactTerms.has(t)));
    return { idf: wordIdf, alternatives, phrases };
  });
}

/**
 * The weight an alternative counts for in coverage: its listed weight, but a compound part (or a synonym of one,
 * at most `compoundPart` and not from OpenThesaurus) that most articles contain ("Hessen" in "Hessenkasse") tells
 * little about a rarer whole, so it counts in proportion to how rare it is compared with the word.
 */
function alternativeWeight(word: QueryWord, wordIdf: number, term: string, listed: number, index: KnowledgeIndex): number {
  const isPart = term !== word.term && listed <= DEFAULT_EXPANSION_WEIGHTS.compoundPart && !word.thesaurusTerms?.has(term);
  return isPart ? listed * Math.min(1, index.termIdf(term) / Math.max(wordIdf, 1e-9)) : listed;
}

/** The best coverage of one passage; `rankValue` reads it only up to `minPassageShare` of the article's, so reading stops there. */
function passageCoverage(
  words: readonly MatchedWord[],
  totalWeight: number,
  options: AnswerOptions,
  passages: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>,
  articleCoverage: number,
): number {
  const enough = Math.max(articleCoverage * options.minPassageShare, 1e-9);
  let best = 0;
  for (const sets of passages) {
    const has = (term: string) => sets.some((set) => set.has(term));
    best = Math.max(best, coverage(words, totalWeight, options, has, 'passage'));
    if (best / enough >= 1) break;
  }
  return best;
}

/**
 * How much of the question's weight is found where `has` says a term is, 0…1. Within a `passage` a fuzzy match counts
 * only where its variant is not another word of the question ("Gemeindevertretung" ~ "Gemeindeverwaltung"), and a
 * compound does not count through two parts, often one part and its synonym ("Gemeinderat": Gemeinde, Kommune).
 */
function coverage(
  words: readonly MatchedWord[],
  totalWeight: number,
  options: AnswerOptions,
  has: (term: string) => boolean,
  where: 'article' | 'passage',
): number {
  if (totalWeight === 0) return 0;
  let covered = 0;
  for (const word of words) {
    let strength = 0;
    // Two alternatives that stand for one part of a compound (a part and its synonym) are one part.
    const parts = new Set<string>();
    for (const alternative of word.alternatives) {
      if (has(alternative.term)) {
        strength = Math.max(strength, alternative.weight);
        if (alternative.part) parts.add(alternative.part);
      } else if ((where === 'article' ? alternative.variants : alternative.foreignVariants).some(has)) {
        strength = Math.max(strength, alternative.weight * options.inexactMatchWeight);
      }
    }
    if (where === 'article' && parts.size >= 2) strength = Math.max(strength, options.allPartsWeight);
    for (const phrase of word.phrases) if (phrase.terms.every(has)) strength = Math.max(strength, phrase.weight, options.allPartsWeight);
    covered += strength * word.idf;
  }
  return covered / totalWeight;
}

/**
 * The intro, plus the one section that fits the question best. A word in the title tells no section, and a word
 * counts in proportion to how few sections contain it.
 */
function chooseSections(
  index: KnowledgeIndex,
  article: Article,
  words: QueryWord[],
  idf: Map<QueryWord, number>,
  asksAmount: boolean,
): ArticleSection[] {
  const [intro, ...rest] = article.sections;
  const { title, sections } = index.termsOf(article.id);
  const scores = rest.map(() => 0);
  for (const word of words) {
    // A word naming the article's topic (itself or an equivalent: "RV" for "Rahmenvereinbarung") tells no section; a
    // number does, also when the title spans it ("2004–2021").
    if (word.wordClass !== 'number' && strengthIn(word, title) >= 1) continue;
    // `sections` are the terms of `article.sections`: one entry per section, the intro first.
    const strengths = sections.slice(1).map((s) => Math.max(strengthIn(word, s.heading) * SECTION_HEADING_BONUS, strengthIn(word, s.body)));
    const containing = strengths.filter((x) => x > 0).length;
    if (containing === 0) continue;
    const weight =
      Math.max(idf.get(word) ?? 0, SECTION_MIN_WEIGHT * (word.emphasis ?? 1)) * (word.wordClass === 'other' ? SECTION_VERB_FACTOR : 1);
    strengths.forEach((strength, i) => (scores[i]! += (strength * weight) / containing));
  }
  // "Wie hoch war der Zuschuss für …?": of the sections that name the case, the one with the figure.
  if (asksAmount) rest.forEach((section, i) => EURO_AMOUNT.test(section.text) && (scores[i]! *= AMOUNT_SECTION_FACTOR));
  const best = scores.reduce((bestIndex, score, i) => (score > (scores[bestIndex] ?? 0) ? i : bestIndex), 0);
  const chosen = (scores[best] ?? 0) > 0 ? rest[best] : undefined;
  return chosen ? [intro!, chosen] : [intro!];
}

/** A question word found in a section's heading counts this much more than one found in its text. */
const SECTION_HEADING_BONUS = 2.5;
/** Verbs and adjectives ("prüft", "hoch") tell a section less than nouns, and headings phrase them often ("Wer prüft …?"). */
const SECTION_VERB_FACTOR = 0.5;
/** A question for an amount: "wie viel", "wieviel", "wie hoch", "welche Summe", "welcher Betrag". */
const AMOUNT_QUESTION = /(?<!\p{L})(?:wie\s*viel|wie\s+hoch|welche[rn]?\s+(?:summe|betrag|höhe|hoehe))/iu;
/** A euro amount in a text ("170.000 €", "50.000 Euro"). */
const EURO_AMOUNT = /\d(?:[\d.]*\d)?\s*(?:€|euro\b|mio\.)/iu;
/** How much more a section with a euro amount counts for a question for an amount. */
const AMOUNT_SECTION_FACTOR = 1.5;
/** A word common in all articles ("Förderung") can still tell which section of one article is meant. */
const SECTION_MIN_WEIGHT = 0.5;

/**
 * Whether the question names one of the words or phrases, also inflected ("bayerischen") or hyphenated
 * ("Breitband-Förderung"): regions and funders outside the programme, fields of law the articles do not cover. The
 * pattern is compiled once per list (that took longer than a small search); folded words need no escaping.
 */
export function mentionsAnyOf(question: string, regions: readonly string[]): boolean {
  let pattern = scopePatterns.get(regions);
  if (pattern === undefined) {
    const folded = regions
      .filter((region) => !region.startsWith('*'))
      .map(foldedWords)
      .filter((region) => region.length > 0);
    pattern = folded.length > 0 ? new RegExp(` (?:${folded.join('|')})\\p{L}{0,3} `, 'u') : null;
    scopePatterns.set(regions, pattern);
  }
  if (!pattern) return false;
  // "Gigabit-Förderung" names the "Gigabitförderung": a hyphenated compound is tried joined too.
  const joined = question.replace(/(?<=\p{L})-(?=\p{L})/gu, '');
  return pattern.test(` ${foldedWords(question)} `) || (joined !== question && pattern.test(` ${foldedWords(joined)} `));
}

/**
 * Whether a word of the question is a compound the knowledge base does not have whose head is one of the outside-scope
 * entries written `*head` ("*programm": "Sonderinvestitionsprogramm"; "Förderprogramm" is known): another programme.
 * A synonym the editors listed ("Landesprogramm" for the Förderprogramm) names this one.
 */
function namesOtherProgramme(index: KnowledgeIndex, words: readonly QueryWord[], outsideScope: readonly string[]): boolean {
  const heads = programmeHeads(index, outsideScope);
  return words.some(
    (w, i) =>
      heads.some((head) => w.term.endsWith(head) && w.term !== head) &&
      index.documentFrequencyOf(w.term) === 0 &&
      !index.analyzer.hasSynonyms(w.term) &&
      !describesKnownName(index, words[i - 1]),
  );
}

/** The index terms of the outside-scope entries written `*head` ("*programm", "*richtlinie"). */
function programmeHeads(index: KnowledgeIndex, outsideScope: readonly string[]): string[] {
  return outsideScope.filter((entry) => entry.startsWith('*')).flatMap((entry) => index.analyzer.baseTerms(entry.slice(1)));
}

/**
 * "Feuerwehr-Förderrichtlinie": a hyphenated compound, joined, that the knowledge base does not have and whose head is
 * an outside-scope `*head` names another programme, although its last part alone ("Förderrichtlinie", a synonym of
 * the Rahmenvereinbarung) names this one. After a name in capitals the knowledge base knows ("IKZ-Förderrichtlinie"),
 * it describes that one.
 */
function namesOtherProgrammeHyphenated(index: KnowledgeIndex, question: string, outsideScope: readonly string[]): boolean {
  if (!question.includes('-')) return false;
  const heads = programmeHeads(index, outsideScope);
  for (const [compound, first] of question.matchAll(/(\p{L}+)(?:-\p{L}+)+/gu)) {
    if (/^\p{Lu}[\p{Lu}\d]+$/u.test(first!) && index.analyzer.baseTerms(first!).some((t) => index.documentFrequencyOf(t) > 0)) continue;
    // Only a last part the editors gave synonyms for names this programme generically ("Förderrichtlinie"); a
    // programme's own name ("Cyber-Aktionsprogramm" for the AKC) keeps its modifier.
    const last = index.analyzer.baseTerms(compound.slice(compound.lastIndexOf('-') + 1)).at(-1);
    if (!last || !index.analyzer.hasSynonyms(last)) continue;
    const term = index.analyzer.baseTerms(compound.replace(/-/g, '').toLowerCase()).at(-1);
    if (
      term &&
      heads.some((head) => term.endsWith(head) && term !== head) &&
      index.documentFrequencyOf(term) === 0 &&
      !index.analyzer.hasSynonyms(term)
    )
      return true;
  }
  return false;
}

/**
 * "AKC-Cyberprogramm", "das AKC Cyberprogramm": right after a name the knowledge base knows (an abbreviation in
 * capitals), the programme word describes that programme, not another one ("LEADER-Programm": LEADER is unknown).
 */
function describesKnownName(index: KnowledgeIndex, before: QueryWord | undefined): boolean {
  return before !== undefined && /^\p{Lu}[\p{Lu}\d]+$/u.test(before.text) && index.documentFrequencyOf(before.term) > 0;
}

/** Compiled patterns of outside-scope region lists (`null`: all regions are empty). */
const scopePatterns = new WeakMap<readonly string[], RegExp | null>();

/** A text folded and lower-cased, its words apart by single spaces. */
function foldedWords(text: string): string {
  return foldGerman(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
