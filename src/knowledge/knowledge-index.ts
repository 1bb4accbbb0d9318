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

const FIELDS = ['title', 'questions', 'keywords', 'headings', 'body'] as const;
type IndexedDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

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
  private readonly sectionTerms = new Map<string, Array<{ heading: Set<string>; body: Set<string> }>>();
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

  /** Articles matching any alternative of any query word, best first. */
  search(words: QueryWord[]): ArticleHit[] {
    const weights = new Map<string, number>();
    for (const word of words) {
      for (const [term, weight] of word.alternatives) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
    if (weights.size === 0) return [];
    const options = DEFAULT_SEARCH_OPTIONS;
    const results = this.miniSearch.search([...weights.keys()].join(' '), {
      combineWith: 'OR',
      boost: { ...options.boost },
      boostTerm: (term) => weights.get(term) ?? 1,
      fuzzy: (term) => (term.length >= options.fuzzyMinLength && !/^\d+$/.test(term) ? options.fuzzy : false),
      prefix: (term) => term.length >= options.prefixMinLength && !/^\d+$/.test(term),
    });
    return results.map((result) => this.toHit(result));
  }

  /**
   * Inverse document frequency of a query word (BM25 form). An unknown word counts as rarer than any
   * known one: it is what the question is about, and the knowledge base does not have it.
   */
  idf(word: QueryWord): number {
    const n = this.articles.length;
    let df = this.documentFrequency.get(word.term) ?? 0;
    if (df === 0) {
      const partFrequencies = [...word.alternatives.keys()]
        .filter((t) => t !== word.term)
        .map((t) => this.documentFrequency.get(t) ?? 0)
        .filter((f) => f > 0);
      if (partFrequencies.length > 0) df = Math.min(...partFrequencies);
    }
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Index terms of each section of an article (heading and body separately), for section choice. */
  sectionsOf(articleId: string): Array<{ heading: Set<string>; body: Set<string> }> {
    return this.sectionTerms.get(articleId) ?? [];
  }

  private addStatistics(article: Article): void {
    this.byId.set(article.id, article);
    const document = toDocument(article);
    const terms = new Set(FIELDS.flatMap((f) => this.analyzer.analyze(document[f])));
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.sectionTerms.set(
      article.id,
      article.sections.map((s) => ({
        heading: new Set(this.analyzer.analyze(s.heading ?? '')),
        body: new Set(this.analyzer.analyze(s.text)),
      })),
    );
  }

  private toHit(result: SearchResult): ArticleHit {
    return {
      article: this.byId.get(result.id as string)!,
      score: result.score,
      exactTerms: new Set(result.terms),
      queryTerms: new Set(result.queryTerms),
    };
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
