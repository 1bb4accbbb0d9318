import type { ProgrammeParameters } from '../funding/programme-parameters.js';
import type { QueryWord } from '../language/german-analyzer.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import type { IntentsFile } from './intent-schema.js';
import { DEFAULT_ANSWER_OPTIONS, decideAnswer, mentionsAnyOf, type AnswerDecision } from './answer-engine.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { RequestedDetails } from './detail-kinds.js';
import { loadIndexedKnowledge } from './knowledge-snapshot.js';
import type { Article, KnowledgeBase, KnowledgeProblem } from './types.js';

/** Each loaded details file compiled once (a reload brings a new file object). */
const compiledDetails = new WeakMap<object, RequestedDetails>();

/**
 * The knowledge the bot answers from: the loaded articles, their search index and the problems found
 * while loading. Bot logic depends on this, not on files or the search library.
 */
export class KnowledgeService {
  private constructor(
    private kb: KnowledgeBase,
    private index: KnowledgeIndex,
    private readonly logger: Logger = silentLogger(),
    /** Where snapshots go (see `loadIndexedKnowledge`); none: every load indexes. */
    private readonly cacheDir?: string,
  ) {}

  /**
   * Reloads the folder and swaps the index in one step (live reload for editors). A file whose new
   * version is broken keeps its previous version live, and so does broken analyser or programme data;
   * the rejected files are returned with their reasons. Answers in flight use the old index to the end.
   */
  async reload(dir: string): Promise<{ rejected: KnowledgeProblem[]; articles: number }> {
    const { kb: fresh, index: freshIndex } = await loadIndexedKnowledge(dir, this.logger, this.cacheDir);
    const rejected = fresh.problems.filter((p) => p.severity === 'error');
    const rejectedFiles = new Set(rejected.map((p) => p.file));
    const freshIds = new Set(fresh.articles.map((a) => a.id));
    const kept = this.kb.articles.filter((a) => rejectedFiles.has(a.file) && !freshIds.has(a.id));
    const old = this.kb.meta;
    const synonymsBroken = rejectedFiles.has('_meta/synonyms.yml');
    const analyzerBroken = rejectedFiles.has('_meta/analyzer.yml');
    const { stopwords, outsideScope, outsideTopics, framing, framingPersons, idioms } = old;
    const meta = {
      ...fresh.meta,
      ...(synonymsBroken && { synonymGroups: old.synonymGroups }),
      ...(analyzerBroken && { stopwords, outsideScope, outsideTopics, framing, framingPersons, idioms }),
      programme: fresh.meta.programme ?? old.programme,
      intents: fresh.meta.intents ?? old.intents,
      details: fresh.meta.details ?? old.details,
    };
    const kb: KnowledgeBase = { articles: [...fresh.articles, ...kept], meta, problems: fresh.problems };
    // The fresh index fits unless previous versions (articles or analyser data) come back in.
    const reusable = kept.length === 0 && !synonymsBroken && !analyzerBroken;
    this.index = reusable ? freshIndex : KnowledgeIndex.build(kb);
    this.kb = kb;
    return { rejected, articles: kb.articles.length };
  }

  /** Loads and indexes a knowledge folder (through a snapshot in `options.cacheDir`); broken files are logged and skipped. */
  static async load(dir: string, logger: Logger, options: { cacheDir?: string } = {}): Promise<KnowledgeService> {
    const started = performance.now();
    const { kb, index, origin } = await loadIndexedKnowledge(dir, logger, options.cacheDir);
    for (const { file, reason, severity } of kb.problems) {
      const [level, what] = severity === 'error' ? (['error', 'skipped'] as const) : (['warn', 'has a problem'] as const);
      logger[level]({ file, reason }, `Knowledge file ${what}: ${file}: ${reason}`);
    }
    const skipped = kb.problems.filter((p) => p.severity === 'error').length;
    const ms = Math.round(performance.now() - started);
    logger.info({ articles: kb.articles.length, skipped, ms, origin }, 'Knowledge base loaded');
    return new KnowledgeService(kb, index, logger, options.cacheDir);
  }

  /** Builds the service from an already loaded knowledge base (tests, tools). */
  static fromKnowledgeBase(kb: KnowledgeBase): KnowledgeService {
    return new KnowledgeService(kb, KnowledgeIndex.build(kb));
  }

  get articleCount(): number {
    return this.kb.articles.length;
  }

  /** Problems found while loading (files named), for `/readyz` and operators. */
  get problems(): readonly KnowledgeProblem[] {
    return this.kb.problems;
  }

  /** Rules and amounts of the funding programme, when `_meta/foerderprogramm.yml` loaded. */
  get programme(): ProgrammeParameters | undefined {
    return this.kb.meta.programme;
  }

  /** The article on the fundable task areas: the source of the programme's `task_area` rule (`_meta/foerderprogramm.yml`). */
  get taskAreasArticle(): string | undefined {
    return this.programme?.versions.at(-1)?.rules.task_area.source.article;
  }

  /** Example utterances per intent (`_meta/intents.yml`), when that file loaded. */
  get intents(): IntentsFile | undefined {
    return this.kb.meta.intents;
  }

  /** The kinds of detail a question can ask for (`_meta/details.yml`), compiled; absent when that file did not load. */
  get details(): RequestedDetails | undefined {
    const file = this.kb.meta.details;
    if (file && !compiledDetails.has(file)) compiledDetails.set(file, RequestedDetails.compile(file));
    return file && compiledDetails.get(file);
  }

  /** All loaded articles (reports, tools). */
  get articles(): readonly Article[] {
    return this.kb.articles;
  }

  /** The analyser's index terms of a text (grouping similar questions in the report). */
  terms(text: string): string[] {
    return this.index.analyzer.baseTerms(text);
  }

  /** The nouns of a text that no article knows, not even through a synonym, compound part or OpenThesaurus. */
  unknownNouns(text: string): string[] {
    const { analyzer } = this.index;
    return analyzer
      .analyzeQuery(text)
      .filter((w) => (w.wordClass === 'noun' || w.wordClass === 'unknown') && !analyzer.isKnown(w))
      .map((w) => w.text);
  }

  /**
   * The nouns of a text the articles know: capitalised in a message that uses capitals, else as the articles spell them
   * ("mindestlaufzeit" in a message typed in lower case; not "insgesamt").
   */
  knownNouns(text: string): string[] {
    const { analyzer } = this.index;
    // A compound the articles lack ("mindestlaufzeit") by its parts they write as nouns.
    const writtenAsNoun = (w: QueryWord) =>
      analyzer.writesCapitalised(w.term) ||
      (w.compound === true && [...(w.partOf?.values() ?? [])].some((part) => analyzer.writesCapitalised(part)));
    return analyzer
      .analyzeQuery(text)
      .filter((w) => (w.wordClass === 'noun' || w.wordClass === 'unknown') && writtenAsNoun(w))
      .map((w) => w.text);
  }

  article(id: string): Article | undefined {
    return this.index.article(id);
  }

  /** Whether an article has a term anywhere: title, stored questions, keywords or text. */
  hasTerm(articleId: string, term: string): boolean {
    const terms = this.index.termsOf(articleId);
    return (
      terms.keywords.has(term) ||
      terms.questions.some((q) => q.has(term)) ||
      terms.sections.some((s) => s.heading.has(term) || s.body.has(term))
    );
  }

  /** A question's words, each with its index terms (its own first) and its weight in the answer decision. */
  weightedWords(question: string): Array<{ terms: string[]; weight: number }> {
    return this.index.analyzer
      .analyzeQuery(question)
      .map((w) => ({ terms: [...w.alternatives.keys()], weight: this.index.idf(w) * (w.emphasis ?? 1) }));
  }

  /** How a question is analysed and scored (for `npm run ask -- --explain` and editors). */
  explain(question: string): { words: Array<{ text: string; terms: string[]; idf: number; known: boolean }>; decision: AnswerDecision } {
    const words = this.index.analyzer.analyzeQuery(question).map((w) => ({
      text: w.text,
      terms: [...w.alternatives.keys()],
      idf: Math.round(this.index.idf(w) * 100) / 100,
      known: this.index.analyzer.isKnown(w),
    }));
    return { words, decision: this.answer(question) };
  }

  /**
   * Articles that fit a search, best first, for search boxes (the Teams message extension): the
   * candidates that cover enough of the query, even when no single one is a confident answer.
   */
  search(query: string, limit = 5): Article[] {
    const decision = this.answer(query);
    const candidates = decision.candidates.filter((c) => c.coverage >= DEFAULT_ANSWER_OPTIONS.minCoverage);
    const ordered =
      decision.outcome === 'answer'
        ? [decision.article, ...candidates.map((c) => c.article).filter((a) => a !== decision.article)]
        : candidates.map((c) => c.article);
    return ordered.slice(0, limit);
  }

  /** The confidence decision for a user question. */
  answer(question: string): AnswerDecision {
    if (mentionsAnyOf(question, this.kb.meta.outsideTopics)) return { outcome: 'no_answer', reason: 'outside_topic', candidates: [] };
    return decideAnswer(this.index, question, this.kb.meta.outsideScope);
  }
}
