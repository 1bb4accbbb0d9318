import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { GermanAnalyzer, type QueryWord } from '../language/german-analyzer.js';
import { tokenizeWords } from '../language/german-normalizer.js';
import { editDistanceWithin } from '../language/typos.js';
import type { Article, ArticleSection, KnowledgeBase } from './types.js';

/** Field boosts and fuzziness of the article search: the defaults as named data. */
const DEFAULT_SEARCH_OPTIONS = {
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
const WORD_CLASS_WEIGHTS = {
  known: { noun: 1, number: 1, place: 1, unknown: 1, other: 0.6 },
  /**
   * A word the knowledge base does not know: a noun, name or abbreviation ("Hessenkasse", "LEADER") is likely what the
   * question is about, so an article that lacks it does not answer; an ordinary word ("schicken", "hinterher") or a
   * number ("2027") says little about the topic.
   */
  unknown: { noun: 1.3, number: 0.25, place: 0.25, unknown: 1, other: 0.12 },
} as const;

/**
 * A number other than a year ("25 %", "4.800 Einwohner") is mostly the asker's own figure, or a wrong one: it weighs
 * half, so an article saying "15 %" still answers "Stimmt es, dass wir 25 % sparen müssen?". A year keeps its weight.
 */
const KNOWN_COUNT_WEIGHT = 0.5;

function isCount(word: QueryWord): boolean {
  return word.wordClass === 'number' && /^\d/.test(word.term) && !/^(?:19|20)\d\d$/.test(word.term);
}

const FIELDS = ['title', 'questions', 'keywords', 'headings', 'body'] as const;
type IndexedDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

/** Index terms of an article's parts, for matching stored questions and choosing a section. */
export interface ArticleTerms {
  title: ReadonlySet<string>;
  /** The title and each stored question (how users ask for this article). */
  questions: ReadonlyArray<ReadonlySet<string>>;
  /**
   * Terms the article has only in examples: in sections headed „Beispiel…“, or anywhere in an article titled so.
   * A question matching them names a town or case of the example, rarely what it asks about.
   */
  exampleOnly: ReadonlySet<string>;
  keywords: ReadonlySet<string>;
  /** One entry per `article.sections` (the intro first). */
  sections: ReadonlyArray<{ heading: ReadonlySet<string>; body: ReadonlySet<string> }>;
}

/** One article found for a query, with what it matched. */
export interface ArticleHit {
  article: Article;
  score: number;
  /** Index terms of the article that matched (compound parts, synonyms, fuzzy and prefix variants included). */
  exactTerms: ReadonlySet<string>;
  /** Query terms (alternatives of the query words) that matched, each with the index terms it matched (itself, or fuzzy/prefix variants). */
  queryTerms: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A built index as plain data (see `KnowledgeIndex.toJSON`): the analyser's vocabulary and MiniSearch's own JSON. */
export interface KnowledgeIndexData {
  vocabulary: string[];
  /** The vocabulary's terms of words the articles write in lower case (`Vocabulary.lowerCase`). */
  lowerCase: string[];
  /** `JSON.stringify(miniSearch)`, for `MiniSearch.loadJSON`. */
  search: string;
}

/** MiniSearch's results for one query term: per matching article its number, its score and the index terms it matched. */
interface TermMatches {
  docs: Uint32Array;
  scores: Float64Array;
  /**
   * The matched index terms in one array: `docs[i]`'s are `terms[termStart[i]]` up to `terms[termStart[i + 1] - 1]`
   * (an array per article: 21 instead of 8 MB for 325,000 matches).
   */
  terms: string[];
  termStart: Uint32Array;
}

/** How many matches the term cache holds before it starts afresh (the same words come up in most questions). */
const TERM_CACHE_MAX_MATCHES = 500_000;
/** How many terms' document frequencies are kept (words users type that the base does not have add up). */
const MAX_CACHED_FREQUENCIES = 100_000;

/**
 * The searchable knowledge base: the German analyser turns a question into words with weighted alternatives
 * (`QueryWord.alternatives`), `search` asks MiniSearch for each, and the answer decision (`answer-engine.ts`)
 * weighs the hits with `idf` and the per-part term sets of `termsOf`.
 */
export class KnowledgeIndex {
  /** Article id → its number (position in `articles`). */
  private readonly numberOf: ReadonlyMap<string, number>;
  private readonly matchCache = new Map<string, TermMatches>();
  private cachedMatches = 0;
  private readonly termsCache = new Map<string, ArticleTerms>();
  /** Document frequencies asked for so far (see `documentFrequencyOf`). */
  private readonly frequencies = new Map<string, number>();

  private constructor(
    readonly analyzer: GermanAnalyzer,
    private readonly miniSearch: MiniSearch<IndexedDocument>,
    readonly articles: readonly Article[],
  ) {
    this.numberOf = new Map(articles.map((article, number) => [article.id, number]));
  }

  /** Indexes the articles: the vocabulary first (compounds are split against the words the knowledge base knows), then MiniSearch. */
  static build(kb: Pick<KnowledgeBase, 'articles' | 'meta'>): KnowledgeIndex {
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary(analyzer.vocabularyOf(kb.articles.flatMap(textsOf)));
    const miniSearch = new MiniSearch<IndexedDocument>(miniSearchOptions(analyzer));
    miniSearch.addAll(kb.articles.map(toDocument));
    return new KnowledgeIndex(analyzer, miniSearch, kb.articles);
  }

  /** The built index as JSON-safe data (for a snapshot; the articles are not part of it). */
  toJSON(): KnowledgeIndexData {
    return {
      vocabulary: this.analyzer.vocabularyTerms(),
      lowerCase: this.analyzer.lowerCaseVocabularyTerms(),
      search: JSON.stringify(this.miniSearch),
    };
  }

  /** The index of a `toJSON` result, over the same articles and the same analyser data. */
  static fromJSON(kb: Pick<KnowledgeBase, 'articles' | 'meta'>, data: KnowledgeIndexData): KnowledgeIndex {
    const analyzer = new GermanAnalyzer(kb.meta);
    analyzer.setVocabulary({ terms: new Set(data.vocabulary), lowerCase: new Set(data.lowerCase) });
    const miniSearch = MiniSearch.loadJSON<IndexedDocument>(data.search, miniSearchOptions(analyzer));
    if (miniSearch.documentCount !== kb.articles.length)
      throw new Error(`index data is of ${miniSearch.documentCount} articles, not ${kb.articles.length}`);
    return new KnowledgeIndex(analyzer, miniSearch, kb.articles);
  }

  article(id: string): Article | undefined {
    return this.articles[this.numberOf.get(id) ?? -1];
  }

  /**
   * Articles matching the query words, the best `limit` first (ties in first-matched order). Each word contributes
   * its best alternative's score, not the sum: else repeating many synonyms of one word would beat matching every word.
   */
  search(words: readonly QueryWord[], limit = Number.POSITIVE_INFINITY): ArticleHit[] {
    // Typed arrays by article number: on a base of thousands of articles a question's words match most of them.
    const score = new Float64Array(this.articles.length);
    /** Per article: the score of the current word's best alternative. */
    const best = new Float64Array(this.articles.length);
    const seen = new Uint8Array(this.articles.length);
    /** Article numbers in the order they first matched. */
    const order: number[] = [];
    // Each term is searched once per question, in the matching mode (fuzzy, prefix) of the first word it stands for.
    const matchesOf = new Map<string, TermMatches>();
    for (const word of words) {
      best.fill(0);
      for (const [term, weight] of word.alternatives) {
        const matches = matchesOf.get(term) ?? this.termMatches(term, term === word.term, !word.compound);
        matchesOf.set(term, matches);
        matches.docs.forEach((doc, i) => {
          if (!seen[doc]) order.push(doc);
          seen[doc] = 1;
          best[doc] = Math.max(best[doc]!, matches.scores[i]! * weight);
        });
      }
      // A phrase ("breit angelegt" for "umfangreich") scores as its best word where an article has them all.
      for (const phrase of word.phrases ?? []) {
        const terms = new Set(phrase.terms);
        const found = new Map<number, { top: number; count: number }>();
        for (const term of terms) {
          const matches = matchesOf.get(term)!;
          for (let i = 0; i < matches.docs.length; i++) {
            const entry = found.get(matches.docs[i]!) ?? { top: 0, count: 0 };
            entry.top = Math.max(entry.top, matches.scores[i]!);
            entry.count++;
            found.set(matches.docs[i]!, entry);
          }
        }
        for (const [doc, { top, count }] of found) if (count === terms.size) best[doc] = Math.max(best[doc]!, top * phrase.weight);
      }
      for (const doc of order) score[doc] = score[doc]! + best[doc]!;
    }
    const top = order.sort((a, b) => score[b]! - score[a]!).slice(0, limit);
    const hits = top.map((doc) => ({
      article: this.articles[doc]!,
      score: score[doc]!,
      exactTerms: new Set<string>(),
      queryTerms: new Map<string, Set<string>>(),
    }));
    // What the returned articles matched (only they need it).
    const hitOf = new Int32Array(this.articles.length).fill(-1);
    top.forEach((doc, i) => (hitOf[doc] = i));
    for (const [term, { docs, terms, termStart }] of matchesOf) {
      docs.forEach((doc, i) => {
        const hit = hits[hitOf[doc]!];
        if (!hit) return;
        const matched = terms.slice(termStart[i], termStart[i + 1]);
        for (const t of matched) hit.exactTerms.add(t);
        hit.queryTerms.set(term, new Set(matched));
      });
    }
    return hits;
  }

  /** MiniSearch's matches of one analysed term (cached); fuzzy and prefix only on what the user typed, not on expansions. */
  private termMatches(term: string, typed: boolean, mayBeTypo: boolean): TermMatches {
    const options = DEFAULT_SEARCH_OPTIONS;
    const word = typed && !/^\d+$/.test(term);
    const fuzzy = word && mayBeTypo && term.length >= options.fuzzyMinLength ? options.fuzzy : false;
    const prefix = word && term.length >= options.prefixMinLength;
    const key = `${fuzzy ? 'f' : '-'}${prefix ? 'p' : '-'}${term}`;
    let matches = this.matchCache.get(key);
    if (!matches) {
      // A typo keeps its first letter (as Lucene's fuzzy prefix length 1): "fordrung" is no "ordnung"; and a vowel
      // replaced by another counts two edits, as in `editDistanceWithin`: "Bauantrag" is no "beantragen". (A result that
      // keeps other terms keeps MiniSearch's score, which counted the dropped one too; coverage reads the terms.)
      const maxEdits = fuzzy ? Math.round(fuzzy * term.length) : 0;
      const typo = (t: string) => t[0] === term[0] && editDistanceWithin(term, t, maxEdits) <= maxEdits;
      const found = (t: string) => t === term || (prefix && t.startsWith(term)) || typo(t);
      const results = this.miniSearch
        .search(term, { boost: options.boost, fuzzy, prefix })
        .map((r): SearchResult => (fuzzy ? { ...r, terms: r.terms.filter(found) } : r))
        .filter((r) => r.terms.length > 0);
      const terms: string[] = [];
      const termStart = new Uint32Array(results.length + 1);
      results.forEach((result, i) => {
        for (const matched of result.terms) terms.push(matched);
        termStart[i + 1] = terms.length;
      });
      matches = {
        docs: Uint32Array.from(results, (r) => this.numberOf.get(r.id as string)!),
        scores: Float64Array.from(results, (r) => r.score),
        terms,
        termStart,
      };
      if (this.cachedMatches > TERM_CACHE_MAX_MATCHES) {
        this.matchCache.clear();
        this.cachedMatches = 0;
      }
      this.matchCache.set(key, matches);
      this.cachedMatches += results.length;
    }
    return matches;
  }

  /** Weight of a query word for the coverage decision: its IDF (BM25 form) scaled by `WORD_CLASS_WEIGHTS`. */
  idf(word: QueryWord): number {
    const n = this.articles.length;
    const own = this.documentFrequencyOf(word.term);
    // Thesaurus synonyms of an unknown word cover it in part; they do not make it a known word.
    const parts = [...word.alternatives.keys()]
      .slice(1)
      .filter((term) => !word.thesaurusTerms?.has(term))
      .map((term) => this.documentFrequencyOf(term))
      .filter((f) => f > 0);
    const df = own > 0 ? own : parts.length > 0 ? Math.min(...parts) : 0;
    if (df > 0) return bm25Idf(n, df) * (isCount(word) ? KNOWN_COUNT_WEIGHT : WORD_CLASS_WEIGHTS.known[word.wordClass]);
    return bm25Idf(n, 1) * WORD_CLASS_WEIGHTS.unknown[word.wordClass];
  }

  /** In how many articles an index term occurs, in any field (0: none): the number of its exact matches, counted once per term. */
  documentFrequencyOf(term: string): number {
    let count = this.frequencies.get(term);
    if (count === undefined) {
      if (this.frequencies.size >= MAX_CACHED_FREQUENCIES) this.frequencies.clear();
      count = this.miniSearch.search(term, { fuzzy: false, prefix: false }).length;
      this.frequencies.set(term, count);
    }
    return count;
  }

  /** Inverse document frequency of one index term (BM25 form), 0 for a term no article contains. */
  termIdf(term: string): number {
    const frequency = this.documentFrequencyOf(term);
    return frequency > 0 ? bm25Idf(this.articles.length, frequency) : 0;
  }

  /** Index terms of an article's parts (see `ArticleTerms`), analysed on first use and kept. */
  termsOf(articleId: string): ArticleTerms {
    const article = this.article(articleId);
    if (!article) return NO_TERMS;
    let terms = this.termsCache.get(articleId);
    if (!terms) {
      const set = (text: string) => new Set(this.analyzer.analyze(text));
      const questions = [article.title, ...article.questions].map(set);
      terms = {
        title: questions[0]!,
        questions,
        sections: article.sections.map((s) => ({ heading: set(s.heading ?? ''), body: set(s.text) })),
        exampleOnly: exampleTerms(article, set),
        keywords: set(article.keywords.join('\n')),
      };
      this.termsCache.set(articleId, terms);
    }
    return terms;
  }
}

/** Inverse document frequency in BM25 form of a term found in `frequency` of `n` articles. */
function bm25Idf(n: number, frequency: number): number {
  return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
}

const NO_TERMS: ArticleTerms = { title: new Set(), questions: [], exampleOnly: new Set(), keywords: new Set(), sections: [] };

const EXAMPLE = /^\s*Beispiele?\b/i;

/** Terms an article has only in its examples (see `ArticleTerms.exampleOnly`). */
function exampleTerms(article: Article, set: (text: string) => Set<string>): Set<string> {
  if (EXAMPLE.test(article.title)) return set(textsOf(article).join('\n'));
  const isExample = (s: ArticleSection) => EXAMPLE.test(s.heading ?? '');
  const inExamples = set(sectionTexts(article.sections.filter(isExample)).join('\n'));
  const elsewhere = set(textsOf({ ...article, sections: article.sections.filter((s) => !isExample(s)) }).join('\n'));
  return new Set([...inExamples].filter((term) => !elsewhere.has(term)));
}

/** The texts of an article, as `toDocument` joins them into fields (they give the same words). */
function textsOf(article: Article): string[] {
  return [article.title, ...article.questions, ...article.keywords, ...sectionTexts(article.sections)];
}

function sectionTexts(sections: readonly ArticleSection[]): string[] {
  return sections.flatMap((s) => [s.heading ?? '', s.text]);
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
