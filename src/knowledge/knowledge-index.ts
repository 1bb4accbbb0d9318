import MiniSearch, { type Options } from 'minisearch';
import { GermanAnalyzer, type QueryWord } from './analyzer/german-analyzer.js';
import { tokenizeWords } from './analyzer/german-normalizer.js';
import { compactMatches, TermMatchCache, type TermMatches } from './term-match-cache.js';
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
  known: { noun: 1, number: 1, place: 1, unknown: 1, other: 0.6 },
  /**
   * A word the knowledge base does not know: a capitalised noun, a name or an abbreviation ("Hessenkasse",
   * "LEADER") is likely what the question is about, so it weighs more than any known word and an article
   * that lacks it does not answer; an ordinary word (a verb, adverb or adjective: lower case in a message
   * that uses capitals, or known to OpenThesaurus as such, "schicken", "hinterher") or a number or year
   * ("2027", "32000") says little about the topic and weighs little.
   */
  unknown: { noun: 1.3, number: 0.25, place: 0.25, unknown: 1, other: 0.12 },
} as const;

const FIELDS = ['title', 'questions', 'keywords', 'headings', 'body'] as const;
type IndexedDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

/** Index terms of an article's parts, for matching stored questions and choosing a section. */
export interface ArticleTerms {
  title: ReadonlySet<string>;
  /** The title and each stored question (how users ask for this article). */
  questions: ReadonlyArray<ReadonlySet<string>>;
  /** One entry per `article.sections` (the intro first). */
  sections: ReadonlyArray<{ heading: ReadonlySet<string>; body: ReadonlySet<string> }>;
}

/** One article found for a query, with what it matched. */
export interface ArticleHit {
  article: Article;
  score: number;
  /** Index terms of the article that matched (compound parts, synonyms, fuzzy and prefix variants included). */
  exactTerms: ReadonlySet<string>;
  /** Query terms (alternatives of the query words) that matched, exactly or through fuzzy/prefix matching. */
  queryTerms: ReadonlySet<string>;
}

/**
 * A built index as plain data (see `KnowledgeIndex.toJSON`): the analyser's vocabulary, the term
 * statistics and MiniSearch's own JSON, to be restored with `KnowledgeIndex.fromJSON` over the same articles.
 */
export interface KnowledgeIndexData {
  vocabulary: string[];
  documentFrequency: Record<string, number>;
  /** Per article (in order): the term lists of its title and questions, and of each section's heading and body. */
  terms: Array<{ questions: string[][]; sections: Array<[string[], string[]]> }>;
  /** `JSON.stringify(miniSearch)`, for `MiniSearch.loadJSON`. */
  search: string;
}

/**
 * The searchable knowledge base. Three steps, each easy to extend on its own:
 *
 * 1. the German analyser turns a question into words, each with weighted alternatives (its own term,
 *    compound parts, synonyms: `QueryWord.alternatives`);
 * 2. `search` asks MiniSearch (title, questions, keywords, headings, body; `DEFAULT_SEARCH_OPTIONS`)
 *    for every alternative and lets each word count with its best alternative;
 * 3. the answer decision (`answer-engine.ts`) weighs the hits with `idf` and the per-part term sets of
 *    `termsOf`, which this index keeps beside MiniSearch (MiniSearch has no public API for them).
 *
 * @example
 * ```ts
 * const index = KnowledgeIndex.build(await loadKnowledgeBase('knowledge'));
 * const hits = index.search(index.analyzer.analyzeQuery('Wer darf einen Antrag stellen?'), 20);
 * hits[0]?.article.id; // 'antragsberechtigung'
 * ```
 */
export class KnowledgeIndex {
  /** Article id → its number (position in `articles`). */
  private readonly numberOf: ReadonlyMap<string, number>;
  private readonly matchCache = new TermMatchCache();

  private constructor(
    readonly analyzer: GermanAnalyzer,
    private readonly miniSearch: MiniSearch<IndexedDocument>,
    readonly articles: readonly Article[],
    /** Per article number: the terms of its parts. */
    private readonly terms: readonly ArticleTerms[],
    /** In how many articles each index term occurs (title, questions, keywords, headings, body). */
    private readonly documentFrequency: ReadonlyMap<string, number>,
  ) {
    this.numberOf = new Map(articles.map((article, number) => [article.id, number]));
  }

  /**
   * Indexes the articles: the vocabulary first (compounds are split against the words the knowledge
   * base knows), then MiniSearch and the term statistics.
   */
  static build(kb: Pick<KnowledgeBase, 'articles' | 'meta'>): KnowledgeIndex {
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary(analyzer.vocabularyOf(kb.articles.flatMap(textsOf)));
    const miniSearch = new MiniSearch<IndexedDocument>(miniSearchOptions(analyzer));
    miniSearch.addAll(kb.articles.map(toDocument));
    const documentFrequency = new Map<string, number>();
    const terms = kb.articles.map((article) => {
      const set = (text: string) => new Set(analyzer.analyze(text));
      const questions = [article.title, ...article.questions].map(set);
      const parts: ArticleTerms = {
        title: questions[0]!,
        questions,
        sections: article.sections.map((section) => ({ heading: set(section.heading ?? ''), body: set(section.text) })),
      };
      for (const term of new Set([...allTerms(parts), ...analyzer.analyze(article.keywords.join('\n'))])) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
      return parts;
    });
    return new KnowledgeIndex(analyzer, miniSearch, kb.articles, terms, documentFrequency);
  }

  /** The built index as JSON-safe data (for a snapshot; the articles are not part of it). */
  toJSON(): KnowledgeIndexData {
    return {
      vocabulary: this.analyzer.vocabularyTerms(),
      documentFrequency: Object.fromEntries(this.documentFrequency),
      terms: this.articles.map((article) => {
        const { questions, sections } = this.termsOf(article.id);
        return { questions: questions.map((q) => [...q]), sections: sections.map((s) => [[...s.heading], [...s.body]]) };
      }),
      search: JSON.stringify(this.miniSearch),
    };
  }

  /** The index of a `toJSON` result, over the same articles in the same order and the same analyser data. */
  static fromJSON(kb: Pick<KnowledgeBase, 'articles' | 'meta'>, data: KnowledgeIndexData): KnowledgeIndex {
    if (data.terms.length !== kb.articles.length) throw new Error(`index data is of ${data.terms.length} articles, not ${kb.articles.length}`);
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary(new Set(data.vocabulary));
    const miniSearch = MiniSearch.loadJSON<IndexedDocument>(data.search, miniSearchOptions(analyzer));
    const terms = data.terms.map(({ questions, sections }): ArticleTerms => {
      const sets = questions.map((q) => new Set(q));
      return { title: sets[0] ?? new Set(), questions: sets, sections: sections.map(([heading, body]) => ({ heading: new Set(heading), body: new Set(body) })) };
    });
    return new KnowledgeIndex(analyzer, miniSearch, kb.articles, terms, new Map(Object.entries(data.documentFrequency)));
  }

  get size(): number {
    return this.articles.length;
  }

  article(id: string): Article | undefined {
    const number = this.numberOf.get(id);
    return number === undefined ? undefined : this.articles[number];
  }

  /**
   * Articles matching the query words, the best `limit` first. Each word contributes the score of its
   * best alternative (its own term, a compound part or a synonym), not the sum of all of them: otherwise
   * an article that merely repeats many synonyms of one common word would outrank the article that
   * matches every word of the question. Equal scores keep the order in which the articles first matched.
   */
  search(words: readonly QueryWord[], limit = Number.POSITIVE_INFINITY): ArticleHit[] {
    const n = this.articles.length;
    const score = new Float64Array(n);
    const best = new Float64Array(n);
    /** Per article: 1 + the number of the last word it matched (0: none yet). */
    const lastWord = new Uint32Array(n);
    /** Article numbers in the order they first matched. */
    const order: number[] = [];
    // Each term is searched once per question, in the matching mode (fuzzy, prefix) of the first word it stands for.
    const matchesOf = new Map<string, TermMatches>();
    const visits: Array<{ term: string; matches: TermMatches }> = [];
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const touched: number[] = [];
      for (const [term, weight] of word.alternatives) {
        let matches = matchesOf.get(term);
        if (!matches) matchesOf.set(term, (matches = this.termMatches(term, term === word.term)));
        visits.push({ term, matches });
        const { docs, scores } = matches;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (lastWord[doc] === 0) order.push(doc);
          if (lastWord[doc] !== w + 1) {
            lastWord[doc] = w + 1;
            best[doc] = 0;
            touched.push(doc);
          }
          best[doc] = Math.max(best[doc]!, scores[i]! * weight);
        }
      }
      for (const doc of touched) score[doc] = score[doc]! + best[doc]!;
    }
    const top = topArticles(order, score, limit);
    // What the returned articles matched (only they need it: on a large base most articles match some word).
    const hits = top.map((doc) => ({ article: this.articles[doc]!, score: score[doc]!, exactTerms: new Set<string>(), queryTerms: new Set<string>() }));
    const hitOf = new Int32Array(n).fill(-1);
    top.forEach((doc, i) => (hitOf[doc] = i));
    for (const { term, matches } of visits) {
      const { docs, terms } = matches;
      for (let i = 0; i < docs.length; i++) {
        const at = hitOf[docs[i]!]!;
        if (at < 0) continue;
        for (const matched of terms[i]!) hits[at]!.exactTerms.add(matched);
        hits[at]!.queryTerms.add(term);
      }
    }
    return hits;
  }

  /**
   * MiniSearch's matches of one analysed term (cached, see `TermMatchCache`). Typos are corrected
   * (fuzzy) and words completed (prefix) only on what the user typed, not on expansions, which are
   * spelled right.
   */
  private termMatches(term: string, typed: boolean): TermMatches {
    const options = DEFAULT_SEARCH_OPTIONS;
    const word = typed && !/^\d+$/.test(term);
    const fuzzy = word && term.length >= options.fuzzyMinLength ? options.fuzzy : false;
    const prefix = word && term.length >= options.prefixMinLength;
    const key = `${fuzzy ? 'f' : '-'}${prefix ? 'p' : '-'}${term}`;
    return this.matchCache.get(key, () => compactMatches(this.miniSearch.search(term, { boost: options.boost, fuzzy, prefix }), this.numberOf));
  }

  /**
   * Weight of a query word for the coverage decision: its inverse document frequency (BM25 form),
   * scaled by its word class. A word the knowledge base does not know at all weighs like the rarest
   * known word or more when it is a noun ("Personalausweis": probably what the question is about),
   * less when it is a verb or adjective ("zulässig", "einrechnen"), which rarely name the topic.
   */
  idf(word: QueryWord): number {
    const n = this.articles.length;
    const frequency = (term: string) => this.documentFrequency.get(term) ?? 0;
    const own = frequency(word.term);
    // Thesaurus synonyms of an unknown word cover it in part; they do not make it a known word.
    const parts = [...word.alternatives.keys()]
      .slice(1)
      .filter((term) => !word.thesaurusTerms?.has(term))
      .map(frequency)
      .filter((f) => f > 0);
    const df = own > 0 ? own : parts.length > 0 ? Math.min(...parts) : 0;
    const bm25Idf = (f: number) => Math.log(1 + (n - f + 0.5) / (f + 0.5));
    if (df > 0) return bm25Idf(df) * WORD_CLASS_WEIGHTS.known[word.wordClass];
    return bm25Idf(1) * WORD_CLASS_WEIGHTS.unknown[word.wordClass];
  }

  /** Inverse document frequency of one index term (BM25 form), 0 for a term no article contains. */
  termIdf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return frequency > 0 ? Math.log(1 + (this.articles.length - frequency + 0.5) / (frequency + 0.5)) : 0;
  }

  /** Index terms of an article's title, its questions and each section (heading and body apart). */
  termsOf(articleId: string): ArticleTerms {
    const number = this.numberOf.get(articleId);
    return number === undefined ? NO_TERMS : this.terms[number]!;
  }
}

const NO_TERMS: ArticleTerms = { title: new Set(), questions: [], sections: [] };

/**
 * The `limit` articles with the highest scores, best first, ties in the order of `order`. Only the
 * articles scoring at least the `limit`-th best score are sorted: on a large base most articles match
 * some word of a question, and the decision looks at the best few.
 */
function topArticles(order: readonly number[], score: Float64Array, limit: number): number[] {
  if (limit <= 0) return [];
  const scores = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) scores[i] = score[order[i]!]!;
  scores.sort();
  const threshold = limit >= scores.length ? Number.NEGATIVE_INFINITY : scores[scores.length - limit]!;
  const candidates: number[] = [];
  for (const doc of order) if (score[doc]! >= threshold) candidates.push(doc);
  // A stable sort: ties stay in first-matched order.
  return candidates.sort((a, b) => score[b]! - score[a]!).slice(0, limit);
}

function* allTerms(parts: ArticleTerms): Generator<string> {
  for (const question of parts.questions) yield* question;
  for (const { heading, body } of parts.sections) {
    yield* heading;
    yield* body;
  }
}

/** The texts of an article, as `toDocument` joins them into fields (they give the same words). */
function textsOf(article: Article): string[] {
  return [article.title, ...article.questions, ...article.keywords, ...article.sections.flatMap((s) => [s.heading ?? '', s.text])];
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
      // Queries arrive already analysed (see `search`): one term per query.
      tokenize: (query) => [query],
      processTerm: (term) => term,
    },
  };
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
