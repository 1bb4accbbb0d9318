import MiniSearch, { type Options } from 'minisearch';
import { compactPostings } from './compact-postings.js';
import { exportSearch, importSearch, type SearchSnapshot } from './snapshot/search-snapshot.js';
import { GermanAnalyzer, type QueryWord } from './analyzer/german-analyzer.js';
import { tokenizeWords } from './analyzer/german-normalizer.js';
import { countArray, findMatch, MatchCache, topByScore, type TermMatches, type WordMatches } from './term-matches.js';
import { TermScorer } from './term-scorer.js';
import { EMPTY_TERM_SET, TermSetStore, type TermSet, type TermSetSnapshot } from './term-sets.js';
import type { Article, ArticleSection, KnowledgeBase } from './types.js';

/** Field boosts and fuzziness of the article search: the defaults as named data. */
export const DEFAULT_SEARCH_OPTIONS = {
  boost: { title: 3, questions: 2.5, keywords: 2.5, headings: 1.5, body: 1 },
  /** Edit distance as a share of the term length, for terms of at least `fuzzyMinLength` characters. */
  fuzzy: 0.2,
  fuzzyMinLength: 6,
  /** Prefix matching for terms of at least this length. */
  prefixMinLength: 5,
} as const;

/**
 * Factors on a query word's weight by its word class (see `QueryWord.wordClass`): nouns name the topic,
 * verbs and adjectives mostly do not. An unknown word starts from the weight of the rarest known word.
 */
export const WORD_CLASS_WEIGHTS = {
  known: { noun: 1, unknown: 1, other: 0.6 },
  unknown: { noun: 1.3, unknown: 1, other: 0.5 },
} as const;

const FIELDS = ['title', 'questions', 'keywords', 'headings', 'body'] as const;
/** Articles added to MiniSearch between two compactions of its maps (see `compactPostings`). */
const INDEX_BATCH = 500;
type IndexedDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

/**
 * How many matches (article and score) each match cache of an index holds at most: the one per term
 * (about 24 bytes a match) and the one per query word (about 12 bytes); beyond it the least recently
 * used entries are dropped.
 */
export const TERM_CACHE_MAX_MATCHES = 1_000_000;

/** Index terms of an article's parts. */
export interface ArticleTerms {
  title: TermSet;
  /** The title and each stored question (how users ask for this article). */
  questions: readonly TermSet[];
  sections: ReadonlyArray<{ heading: TermSet; body: TermSet }>;
}

/** A built `KnowledgeIndex` as data (see `KnowledgeIndex.toSnapshot`); the articles are not part of it. */
export interface KnowledgeIndexSnapshot {
  /** The analyser's vocabulary (what compound parts are split against). */
  vocabulary: string[];
  parts: TermSetSnapshot;
  documentFrequency: Uint32Array;
  firstPart: Uint32Array;
  questionParts: Uint32Array;
  search: SearchSnapshot;
}

/** One article found for a query, with what it matched. */
export interface ArticleHit {
  article: Article;
  score: number;
  /** Index terms of the article that matched exactly (compound parts and synonyms included). */
  exactTerms: ReadonlySet<string>;
  /** Query terms that matched, exactly or through fuzzy/prefix matching. */
  queryTerms: ReadonlySet<string>;
}

/**
 * The searchable knowledge base: a MiniSearch index over title, questions, keywords, headings and
 * body of every article, built with the shared German analyser, plus the term statistics the answer
 * decision needs (document frequencies, per-section terms).
 *
 * @example
 * ```ts
 * const index = KnowledgeIndex.build(await loadKnowledgeBase('knowledge'));
 * const hits = index.search(index.analyzer.analyzeQuery('Wer darf einen Antrag stellen?'));
 * ```
 */
export class KnowledgeIndex {
  /** Number of articles containing each term, by the term's number in `parts`. */
  private documentFrequency: Uint32Array = new Uint32Array(0);
  /** Per article number: its first part in `parts`, and how many parts are title and questions. */
  private firstPart: Uint32Array = new Uint32Array(0);
  private questionParts: Uint32Array = new Uint32Array(0);
  private readonly byId = new Map<string, Article>();
  /** Article id → its position in `articles` (the article number the search works with). */
  private readonly numberOf = new Map<string, number>();
  /** Matches per searched term and matching mode (see `termMatches`). */
  private readonly termCache = new MatchCache<TermMatches>(TERM_CACHE_MAX_MATCHES);
  /** Best weighted scores per word with several alternatives (see `wordMatches`). */
  private readonly wordCache = new MatchCache<WordMatches>(TERM_CACHE_MAX_MATCHES);
  private scratch?: { score: Float64Array; best: Float64Array; isMatch: Uint8Array; seen: Uint8Array };
  /** MiniSearch's scoring without its per-result objects (made on first search, when the index is complete). */
  private scorer?: TermScorer;

  private constructor(
    readonly analyzer: GermanAnalyzer,
    private readonly miniSearch: MiniSearch<IndexedDocument>,
    readonly articles: readonly Article[],
    /** Term sets of every article's parts: title, its questions, then heading and body of each section. */
    private readonly parts = new TermSetStore(),
  ) {
    articles.forEach((article, number) => {
      this.numberOf.set(article.id, number);
      this.byId.set(article.id, article);
    });
  }

  /**
   * Builds the index in two passes over the articles: the vocabulary first, so compounds split against
   * it, then MiniSearch and the term statistics. Each pass reads an article's (packed) texts once and
   * lets them go: holding all texts at once would raise the memory the process keeps.
   */
  static build(kb: Pick<KnowledgeBase, 'articles' | 'meta'>): KnowledgeIndex {
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary(analyzer.vocabularyOf(textsOf(kb.articles)));
    const index = new KnowledgeIndex(analyzer, createMiniSearch(analyzer), kb.articles);
    index.addArticles();
    return index;
  }

  /**
   * The built index as data, for saving it (`knowledge-snapshot.ts`): restoring it with `fromSnapshot`
   * is far faster than building, and gives the same answers.
   */
  toSnapshot(): KnowledgeIndexSnapshot {
    return {
      vocabulary: this.analyzer.vocabularyTerms(),
      parts: this.parts.toSnapshot(),
      documentFrequency: this.documentFrequency,
      firstPart: this.firstPart,
      questionParts: this.questionParts,
      search: exportSearch(this.miniSearch),
    };
  }

  /** The index of a `toSnapshot` result, over the same articles in the same order (and the same analyser data). */
  static fromSnapshot(kb: Pick<KnowledgeBase, 'articles' | 'meta'>, snapshot: KnowledgeIndexSnapshot): KnowledgeIndex {
    if (snapshot.firstPart.length !== kb.articles.length || snapshot.questionParts.length !== kb.articles.length) {
      throw new Error(`index snapshot is of ${snapshot.firstPart.length} articles, not ${kb.articles.length}`);
    }
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary(new Set(snapshot.vocabulary));
    const miniSearch = importSearch<IndexedDocument>(snapshot.search, miniSearchOptions(analyzer));
    const index = new KnowledgeIndex(analyzer, miniSearch, kb.articles, TermSetStore.fromSnapshot(snapshot.parts));
    index.documentFrequency = snapshot.documentFrequency;
    index.firstPart = snapshot.firstPart;
    index.questionParts = snapshot.questionParts;
    return index;
  }

  get size(): number {
    return this.articles.length;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * Articles matching the query words, best first. Each word contributes the score of its best
   * alternative (its own term, a compound part or a synonym), not the sum of all of them: otherwise an
   * article that merely repeats many synonyms of one common word would outrank the article that
   * matches every word of the question.
   *
   * With `limit`, only the best `limit` hits are returned (the same ones, in the same order, as the
   * first `limit` of the full list), and only they get their matched-term sets: on a large knowledge
   * base most articles match some common word, and the answer decision looks at the best few only.
   */
  search(words: QueryWord[], limit = Number.POSITIVE_INFINITY): ArticleHit[] {
    const options = DEFAULT_SEARCH_OPTIONS;
    const perTerm = new Map<string, TermMatches>();
    for (const word of words) {
      for (const term of word.alternatives.keys()) {
        if (perTerm.has(term)) continue;
        const own = term === word.term;
        // Typos are corrected on what the user typed, not on expansions (they are spelled right).
        const fuzzy = own && term.length >= options.fuzzyMinLength && !/^\d+$/.test(term);
        const prefix = own && term.length >= options.prefixMinLength && !/^\d+$/.test(term);
        perTerm.set(term, this.termMatches(term, fuzzy, prefix));
      }
    }
    // Scores per article number. Each word counts with its best alternative.
    const n = this.articles.length;
    // Reused between searches (zeroed again at the end): allocating them per question costs garbage
    // collections that show in the slowest answers.
    this.scratch ??= { score: new Float64Array(n), best: new Float64Array(n), isMatch: new Uint8Array(n), seen: new Uint8Array(n) };
    const { score, isMatch } = this.scratch;
    try {
      return this.rank(words, perTerm, score, isMatch, limit);
    } finally {
      score.fill(0);
      isMatch.fill(0);
    }
  }

  /** The scoring and ranking part of `search`, on zeroed scratch arrays. */
  private rank(
    words: QueryWord[],
    perTerm: ReadonlyMap<string, TermMatches>,
    score: Float64Array,
    isMatch: Uint8Array,
    limit: number,
  ): ArticleHit[] {
    const n = this.articles.length;
    const visits: Array<{ term: string; matches: TermMatches }> = [];
    for (const word of words) {
      const alternatives = [...word.alternatives].map(([term, weight]) => ({ term, weight, matches: perTerm.get(term)! }));
      for (const { term, matches } of alternatives) visits.push({ term, matches });
      if (alternatives.length === 1) {
        const { weight, matches } = alternatives[0]!;
        const { docs, scores } = matches;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          isMatch[doc] = 1;
          score[doc] = score[doc]! + Math.max(0, scores[i]! * weight);
        }
      } else if (alternatives.length > 1) {
        const { docs, best } = this.wordMatches(alternatives);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          isMatch[doc] = 1;
          score[doc] = score[doc]! + best[i]!;
        }
      }
    }
    // Equal scores keep the order in which the articles first matched (word, alternative, MiniSearch rank).
    const firstSeen = (doc: number): number => {
      for (let visit = 0; visit < visits.length; visit++) {
        const { matches } = visits[visit]!;
        const at = findMatch(matches, doc);
        if (at !== -1) return visit * n + matches.ranks[at]!;
      }
      return Number.POSITIVE_INFINITY;
    };
    return topByScore(isMatch, score, firstSeen, limit).map((doc) => {
      // What the returned articles matched: their entries in each term's matches.
      const exactTerms = new Set<string>();
      const queryTerms = new Set<string>();
      for (const { term, matches } of visits) {
        const at = findMatch(matches, doc);
        if (at === -1) continue;
        for (const t of matches.termSets[matches.termSet[at]!]!) exactTerms.add(t);
        queryTerms.add(term);
      }
      return { article: this.articles[doc]!, score: score[doc]!, exactTerms, queryTerms };
    });
  }

  /**
   * MiniSearch's matches of one analysed query term, cached: the index never changes after it is
   * built, and common words ("Förderung", "Gemeinde") come up in most questions, while each costs a
   * scoring pass over every article that contains it.
   */
  private termMatches(term: string, fuzzy: boolean, prefix: boolean): TermMatches {
    const key = `${fuzzy ? 'f' : '-'}${prefix ? 'p' : '-'}${term}`;
    const cached = this.termCache.get(key);
    if (cached) return cached;
    const options = DEFAULT_SEARCH_OPTIONS;
    this.scorer ??= new TermScorer(this.miniSearch, this.numberOf);
    const matches = this.scorer.matches(key, term, { boost: options.boost, fuzzy: fuzzy ? options.fuzzy : false, prefix });
    this.termCache.set(key, matches);
    return matches;
  }

  /**
   * Per article, the best weighted score of a word's alternatives (at least 0), cached by the
   * alternatives' matches and weights: a word such as "Förderhöhe" has a dozen alternatives (parts,
   * synonyms) with thousands of matches each, and the same words come up again and again.
   */
  private wordMatches(alternatives: ReadonlyArray<{ weight: number; matches: TermMatches }>): WordMatches {
    const key = alternatives.map(({ weight, matches }) => `${weight}\u0001${matches.key}`).join('\u0002');
    const cached = this.wordCache.get(key);
    if (cached) return cached;
    const { best, seen } = this.scratch!;
    for (const { weight, matches } of alternatives) {
      const { docs, scores } = matches;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        seen[doc] = 1;
        best[doc] = Math.max(best[doc]!, scores[i]! * weight);
      }
    }
    let count = 0;
    for (let doc = 0; doc < seen.length; doc++) count += seen[doc]!;
    // Filled in plain loops: `from` steps through an iterator, an object per element.
    const merged = { docs: countArray(count, seen.length), best: new Float64Array(count) };
    for (let doc = 0, at = 0; doc < seen.length; doc++) {
      if (seen[doc] !== 1) continue;
      merged.docs[at] = doc;
      merged.best[at++] = best[doc]!;
    }
    best.fill(0);
    seen.fill(0);
    this.wordCache.set(key, merged);
    return merged;
  }

  /**
   * Weight of a query word for the coverage decision: its inverse document frequency (BM25 form),
   * scaled by its word class. A word the knowledge base does not know at all weighs like the rarest
   * known word or more when it is a noun ("Personalausweis": probably what the question is about),
   * less when it is a verb or adjective ("zulässig", "einrechnen"), which rarely name the topic.
   */
  idf(word: QueryWord): number {
    const n = this.articles.length;
    const known = [...word.alternatives.keys()].map((t) => this.frequencyOf(t));
    const own = this.frequencyOf(word.term);
    const parts = known.slice(1).filter((f) => f > 0);
    const df = own > 0 ? own : parts.length > 0 ? Math.min(...parts) : 0;
    const bm25Idf = (f: number) => Math.log(1 + (n - f + 0.5) / (f + 0.5));
    if (df > 0) return bm25Idf(df) * WORD_CLASS_WEIGHTS.known[word.wordClass];
    return bm25Idf(1) * WORD_CLASS_WEIGHTS.unknown[word.wordClass];
  }

  /** Index terms of an article's title, its questions and each section (heading and body apart), for section choice. */
  termsOf(articleId: string): ArticleTerms {
    const number = this.numberOf.get(articleId);
    if (number === undefined) return { title: EMPTY_TERM_SET, questions: [], sections: [] };
    const first = this.firstPart[number]!;
    const end = number + 1 < this.firstPart.length ? this.firstPart[number + 1]! : this.parts.size;
    const questionEnd = first + this.questionParts[number]!;
    const questions: TermSet[] = [];
    for (let part = first; part < questionEnd; part++) questions.push(this.parts.set(part));
    const sections: Array<{ heading: TermSet; body: TermSet }> = [];
    for (let part = questionEnd; part + 1 < end; part += 2) sections.push({ heading: this.parts.set(part), body: this.parts.set(part + 1) });
    return { title: questions[0]!, questions, sections };
  }

  /** The number of an index term in the article part term sets (`TermSet.hasId`), or -1 when no part has it. */
  termId(term: string): number {
    return this.parts.idOf(term) ?? -1;
  }

  /** In how many articles a term occurs (0 when in none). */
  private frequencyOf(term: string): number {
    const id = this.parts.idOf(term);
    return id === undefined ? 0 : (this.documentFrequency[id] ?? 0);
  }

  /**
   * Adds every article to MiniSearch and to the term statistics (`build`'s second pass). MiniSearch gets
   * them in batches, each followed by compacting what it added: its own maps for all articles at once
   * would be about four times the finished index, and the process keeps the memory of its peak.
   */
  private addArticles(): void {
    const n = this.articles.length;
    this.firstPart = new Uint32Array(n);
    this.questionParts = new Uint32Array(n);
    const frequency: number[] = [];
    let batch: IndexedDocument[] = [];
    this.articles.forEach((article, number) => {
      const sections = article.sections;
      batch.push(toDocument(article, sections));
      const partTerms = [article.title, ...article.questions].map((text) => this.analyzer.analyze(text));
      for (const section of sections) partTerms.push(this.analyzer.analyze(section.heading ?? ''), this.analyzer.analyze(section.text));
      // The title is also the first question: one part serves as both.
      this.firstPart[number] = this.parts.add(partTerms[0]!);
      for (const terms of partTerms.slice(1)) this.parts.add(terms);
      this.questionParts[number] = 1 + article.questions.length;
      // The article's document terms: those of all its parts and of its keywords (see `toDocument`).
      const ids = new Set<number>();
      for (const terms of partTerms) for (const term of terms) ids.add(this.parts.intern(term));
      for (const term of this.analyzer.analyze(article.keywords.join('\n'))) ids.add(this.parts.intern(term));
      for (const id of ids) frequency[id] = (frequency[id] ?? 0) + 1;
      if (batch.length === INDEX_BATCH || number === n - 1) {
        this.miniSearch.addAll(batch);
        compactPostings(this.miniSearch);
        batch = [];
      }
    });
    compactPostings(this.miniSearch, { trim: true });
    this.parts.trim();
    this.documentFrequency = Uint32Array.from(frequency, (f) => f ?? 0);
  }
}

/**
 * The texts of the articles one by one, as `toDocument` joins them into fields (they give the same words).
 * A generator: an article's (packed) texts are read when it is its turn and can go right after.
 */
function* textsOf(articles: readonly Article[]): Generator<string> {
  for (const article of articles) {
    yield article.title;
    yield* article.questions;
    yield* article.keywords;
    for (const section of article.sections) {
      yield section.heading ?? '';
      yield section.text;
    }
  }
}

/**
 * An empty MiniSearch index with the shared analyser. A function of its own so that its closures
 * (kept by the index for good) do not share a scope with `build`'s texts of all articles.
 */
function createMiniSearch(analyzer: GermanAnalyzer): MiniSearch<IndexedDocument> {
  return new MiniSearch<IndexedDocument>(miniSearchOptions(analyzer));
}

/** MiniSearch's options with the shared analyser (for building an index and for restoring a saved one). */
function miniSearchOptions(analyzer: GermanAnalyzer): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: tokenizeWords,
    processTerm: (word) => analyzer.indexTerms(word),
    searchOptions: {
      // Queries arrive already analysed (see `search`): one term per space-separated token.
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
    },
  };
}

function toDocument(article: Article, sections: readonly ArticleSection[]): IndexedDocument {
  return {
    id: article.id,
    title: article.title,
    questions: article.questions.join('\n'),
    keywords: article.keywords.join('\n'),
    headings: sections.map((s) => s.heading ?? '').join('\n'),
    body: sections.map((s) => s.text).join('\n'),
  };
}

