import MiniSearch, { type SearchResult } from 'minisearch';
import { GermanAnalyzer, type QueryWord } from './analyzer/german-analyzer.js';
import { tokenizeWords } from './analyzer/german-normalizer.js';
import type { Article, KnowledgeBase } from './types.js';

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
type IndexedDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

/** Index terms of an article's parts. */
export interface ArticleTerms {
  title: ReadonlySet<string>;
  /** The title and each stored question (how users ask for this article). */
  questions: ReadonlyArray<ReadonlySet<string>>;
  sections: Array<{ heading: ReadonlySet<string>; body: ReadonlySet<string> }>;
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
  private readonly documentFrequency = new Map<string, number>();
  private readonly articleTerms = new Map<string, ArticleTerms>();
  private readonly byId = new Map<string, Article>();

  private constructor(
    readonly analyzer: GermanAnalyzer,
    private readonly miniSearch: MiniSearch<IndexedDocument>,
    readonly articles: readonly Article[],
  ) {}

  /** Builds the index (two passes: the vocabulary first, so compounds split against it). */
  static build(kb: Pick<KnowledgeBase, 'articles' | 'meta'>): KnowledgeIndex {
    const analyzer = new GermanAnalyzer(kb.meta);
    const documents = kb.articles.map(toDocument);
    analyzer.setVocabulary(analyzer.vocabularyOf(documents.flatMap((d) => FIELDS.map((f) => d[f]))));
    const miniSearch = new MiniSearch<IndexedDocument>({
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
    });
    miniSearch.addAll(documents);
    const index = new KnowledgeIndex(analyzer, miniSearch, kb.articles);
    for (const article of kb.articles) index.addStatistics(article);
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
   */
  search(words: QueryWord[]): ArticleHit[] {
    const options = DEFAULT_SEARCH_OPTIONS;
    const perTerm = new Map<string, SearchResult[]>();
    for (const word of words) {
      for (const term of word.alternatives.keys()) {
        if (perTerm.has(term)) continue;
        const own = term === word.term;
        perTerm.set(
          term,
          this.miniSearch.search(term, {
            boost: { ...options.boost },
            // Typos are corrected on what the user typed, not on expansions (they are spelled right).
            fuzzy: own && term.length >= options.fuzzyMinLength && !/^\d+$/.test(term) ? options.fuzzy : false,
            prefix: own && term.length >= options.prefixMinLength && !/^\d+$/.test(term),
          }),
        );
      }
    }
    const hits = new Map<string, { score: number; exactTerms: Set<string>; queryTerms: Set<string> }>();
    for (const word of words) {
      const best = new Map<string, number>();
      for (const [term, weight] of word.alternatives) {
        for (const result of perTerm.get(term) ?? []) {
          const id = result.id as string;
          const hit = hits.get(id) ?? { score: 0, exactTerms: new Set<string>(), queryTerms: new Set<string>() };
          hits.set(id, hit);
          for (const t of result.terms) hit.exactTerms.add(t);
          hit.queryTerms.add(term);
          best.set(id, Math.max(best.get(id) ?? 0, result.score * weight));
        }
      }
      for (const [id, score] of best) hits.get(id)!.score += score;
    }
    return [...hits.entries()]
      .map(([id, hit]) => ({ article: this.byId.get(id)!, ...hit }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Weight of a query word for the coverage decision: its inverse document frequency (BM25 form),
   * scaled by its word class. A word the knowledge base does not know at all weighs like the rarest
   * known word or more when it is a noun ("Personalausweis": probably what the question is about),
   * less when it is a verb or adjective ("zulässig", "einrechnen"), which rarely name the topic.
   */
  idf(word: QueryWord): number {
    const n = this.articles.length;
    const known = [...word.alternatives.keys()].map((t) => this.documentFrequency.get(t) ?? 0);
    const own = this.documentFrequency.get(word.term) ?? 0;
    const parts = known.slice(1).filter((f) => f > 0);
    const df = own > 0 ? own : parts.length > 0 ? Math.min(...parts) : 0;
    const bm25Idf = (f: number) => Math.log(1 + (n - f + 0.5) / (f + 0.5));
    if (df > 0) return bm25Idf(df) * WORD_CLASS_WEIGHTS.known[word.wordClass];
    return bm25Idf(1) * WORD_CLASS_WEIGHTS.unknown[word.wordClass];
  }

  /** Index terms of an article's title and of each section (heading and body apart), for section choice. */
  termsOf(articleId: string): ArticleTerms {
    return this.articleTerms.get(articleId) ?? { title: new Set(), questions: [], sections: [] };
  }

  private addStatistics(article: Article): void {
    this.byId.set(article.id, article);
    const document = toDocument(article);
    const terms = new Set(FIELDS.flatMap((f) => this.analyzer.analyze(document[f])));
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.articleTerms.set(article.id, {
      title: new Set(this.analyzer.analyze(article.title)),
      questions: [article.title, ...article.questions].map((q) => new Set(this.analyzer.analyze(q))),
      sections: article.sections.map((s) => ({
        heading: new Set(this.analyzer.analyze(s.heading ?? '')),
        body: new Set(this.analyzer.analyze(s.text)),
      })),
    });
  }
}

function toDocument(article: Article): IndexedDocument {
  return {
    id: article.id,
    title: article.title,
    questions: article.questions.join('\n'),
    keywords: article.keywords.join('\n'),
    headings: article.sections.map((s) => s.heading ?? '').join('\n'),
    body: article.sections.map((s) => s.text).join('\n'),
  };
}
