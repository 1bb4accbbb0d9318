import type MiniSearch from 'minisearch';
import { PostingList } from './compact-postings.js';
import { countArray, type TermMatches } from './term-matches.js';

/** How one term is searched: MiniSearch's `fuzzy`, `prefix` and per-field `boost` search options. */
export interface TermQuery {
  fuzzy: number | false;
  prefix: boolean;
  boost: Readonly<Record<string, number>>;
}

type Postings = ReadonlyMap<number, number>;
type Fields = ReadonlyMap<number, Postings>;

/** The part of MiniSearch's private state the scorer reads (MiniSearch 7). */
interface Internals {
  _index: {
    get(term: string): Fields | undefined;
    atPrefix(prefix: string): Iterable<[string, Fields]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [Fields, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _documentIds: Map<number, string>;
  _nextId: number;
  _options: {
    fields: string[];
    searchOptions: { maxFuzzy: number; weights: { fuzzy: number; prefix: number }; bm25: { k: number; b: number; d: number } };
  };
}

/**
 * MiniSearch's search for one analysed term, computed straight from its index into `TermMatches`:
 * the same documents, the same scores to the last bit (the same floating-point operations in the same
 * order: the term itself field by field, then its prefix and its fuzzy variants in the index's order),
 * the same result order and the same matched terms. Why not `miniSearch.search`: on a large knowledge base
 * a common word matches thousands of articles, and MiniSearch makes several objects for each (its raw
 * result, the match map, the result) only to have them compacted at once; that garbage made the process
 * keep hundreds of MB under load. Here a search allocates only its output and a list of the articles.
 *
 * @example
 * ```ts
 * const scorer = new TermScorer(miniSearch, new Map(articles.map((a, number) => [a.id, number])));
 * const matches = scorer.matches('-pantrag', 'antrag', { fuzzy: false, prefix: true, boost: { title: 3 } });
 * ```
 */
export class TermScorer {
  private readonly internals: Internals;
  private readonly fields: string[];
  private readonly fieldCount: number;
  /** Field lengths by `shortId * fieldCount + fieldId` (MiniSearch keeps an array per document in a Map). */
  private readonly fieldLengths: Float64Array;
  private readonly score: Float64Array;
  /** Per document: the number of the last derived term it matched in this search (-1: none yet). */
  private readonly lastTerm: Int32Array;
  /** Per document: its matched-terms combination (index into `combinations`). */
  private readonly combination: Int32Array;
  /** MiniSearch's document numbers → the caller's article numbers, and back. */
  private readonly articleOf: Uint32Array;
  private readonly shortIdOf: Uint32Array;
  /** Per document: its place in the result order of the search being collected. */
  private readonly rank: Uint32Array;

  /**
   * @param numberOf the caller's number (`TermMatches.docs`) of each document id.
   */
  constructor(miniSearch: MiniSearch<never> | MiniSearch, numberOf: ReadonlyMap<string, number>) {
    this.internals = miniSearch as unknown as Internals;
    const { _options, _fieldIds, _fieldLength, _documentIds, _nextId } = this.internals;
    if (!Array.isArray(_options?.fields) || !(_fieldLength instanceof Map) || !(_documentIds instanceof Map) || typeof _nextId !== 'number') {
      throw new Error('TermScorer: unexpected MiniSearch internals');
    }
    this.articleOf = new Uint32Array(_nextId);
    let maxNumber = 0;
    for (const number of numberOf.values()) maxNumber = Math.max(maxNumber, number);
    this.shortIdOf = new Uint32Array(maxNumber + 1);
    for (const [shortId, id] of _documentIds) {
      const number = numberOf.get(id);
      if (number === undefined) throw new Error(`TermScorer: document ${id} has no number`);
      this.articleOf[shortId] = number;
      this.shortIdOf[number] = shortId;
    }
    this.rank = new Uint32Array(_nextId);
    this.fields = _options.fields;
    this.fieldCount = Math.max(0, ...Object.values(_fieldIds)) + 1;
    this.fieldLengths = new Float64Array(_nextId * this.fieldCount);
    for (const [shortId, lengths] of _fieldLength) lengths.forEach((length, fieldId) => (this.fieldLengths[shortId * this.fieldCount + fieldId] = length));
    this.score = new Float64Array(_nextId);
    this.lastTerm = new Int32Array(_nextId).fill(-1);
    this.combination = new Int32Array(_nextId);
  }

  /** The matches of `term` (`key` goes into the result as its cache key). */
  matches(key: string, term: string, query: TermQuery): TermMatches {
    const { _index, _options } = this.internals;
    const { maxFuzzy, weights } = _options.searchOptions;
    const touched: number[] = [];
    // Matched-terms combinations: each is a previous combination plus one derived term.
    const combinations: string[][] = [[]];
    let termNumber = 0;
    const add = (derived: string, weight: number, data: Fields | undefined) => {
      if (data) this.addResults(derived, termNumber++, weight, data, query.boost, touched, combinations);
    };

    add(term, 1, _index.get(term));
    const prefixMatches = query.prefix ? _index.atPrefix(term) : undefined;
    let fuzzyMatches: Map<string, [Fields, number]> | undefined;
    if (query.fuzzy !== false && query.fuzzy > 0) {
      const maxDistance = query.fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * query.fuzzy)) : query.fuzzy;
      if (maxDistance) fuzzyMatches = _index.fuzzyGet(term, maxDistance);
    }
    if (prefixMatches) {
      for (const [derived, data] of prefixMatches) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived);
        add(derived, (weights.prefix * derived.length) / (derived.length + 0.3 * distance), data);
      }
    }
    if (fuzzyMatches) {
      for (const [derived, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        add(derived, (weights.fuzzy * derived.length) / (derived.length + distance), data);
      }
    }
    return this.collect(key, touched, combinations);
  }

  /** MiniSearch's `termResults`: adds one derived term's BM25 scores, field by field. */
  private addResults(
    derived: string,
    termNumber: number,
    weight: number,
    data: Fields,
    boost: Readonly<Record<string, number>>,
    touched: number[],
    combinations: string[][],
  ): void {
    const { _fieldIds, _avgFieldLength, _documentCount, _options } = this.internals;
    const { k, b, d } = _options.searchOptions.bm25;
    const { score, lastTerm, combination, fieldLengths, fieldCount } = this;
    // Matched-terms combination → the same plus `derived` (one entry per combination met, made once).
    const withDerived = new Map<number, number>();
    for (const field of this.fields) {
      const fieldBoost = (Object.hasOwn(boost, field) ? boost[field] : undefined) || 1;
      const fieldId = _fieldIds[field]!;
      const postings = data.get(fieldId);
      if (postings == null) continue;
      const matchingCount = postings.size;
      const avgFieldLength = _avgFieldLength[fieldId]!;
      const invDocFreq = Math.log(1 + (_documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
      // A plain loop over typed arrays: this runs for thousands of documents per term on a large base.
      const { docs, frequencies, length } = postings instanceof PostingList ? postings.postingArrays() : arraysOf(postings);
      for (let i = 0; i < length; i++) {
        const docId = docs[i]!;
        const termFreq = frequencies[i]!;
        const fieldLength = fieldLengths[docId * fieldCount + fieldId]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        // MiniSearch multiplies in the term boost and the document boost (both 1 here) in between: the same result.
        const weightedScore = weight * fieldBoost * rawScore;
        if (lastTerm[docId] === -1) {
          touched.push(docId);
          score[docId] = weightedScore;
        } else {
          score[docId] = score[docId]! + weightedScore;
        }
        // A derived term joins the document's matched terms at its first field (later ones add no term).
        if (lastTerm[docId] !== termNumber) {
          lastTerm[docId] = termNumber;
          const from = combination[docId]!;
          let to = withDerived.get(from);
          if (to === undefined) {
            to = combinations.length;
            combinations.push([...combinations[from]!, derived]);
            withDerived.set(from, to);
          }
          combination[docId] = to;
        }
      }
    }
  }

  /** The search's output, and the scratch arrays reset for the next search. */
  private collect(key: string, touched: number[], combinations: string[][]): TermMatches {
    const { score, lastTerm, combination, rank, articleOf, shortIdOf } = this;
    // MiniSearch's result order: by score, best first, ties in the order the documents were first matched
    // (a stable sort). The comparison answers -1/0/1: a difference of scores would be a new number object
    // for every one of the thousands of comparisons.
    const ranked = touched.slice().sort((a, b) => (score[b]! > score[a]! ? 1 : score[b]! < score[a]! ? -1 : 0));
    for (let r = 0; r < ranked.length; r++) rank[ranked[r]!] = r;
    // Plain loops instead of `from` and `for…of`, which step through an iterator (an object per element).
    const docs = countArray(touched.length, shortIdOf.length);
    for (let i = 0; i < touched.length; i++) docs[i] = articleOf[touched[i]!]!;
    docs.sort();
    const scores = new Float64Array(docs.length);
    const ranks = countArray(docs.length, docs.length);
    const termSet = countArray(docs.length, combinations.length);
    for (let i = 0; i < docs.length; i++) {
      const docId = shortIdOf[docs[i]!]!;
      scores[i] = score[docId]!;
      ranks[i] = rank[docId]!;
      termSet[i] = combination[docId]!;
    }
    for (let i = 0; i < touched.length; i++) {
      const docId = touched[i]!;
      score[docId] = 0;
      lastTerm[docId] = -1;
      combination[docId] = 0;
    }
    return { key, docs, scores, ranks, termSets: combinations, termSet };
  }
}

/** A posting Map as arrays (MiniSearch's own form, should a posting list not have been compacted). */
function arraysOf(postings: Postings): { docs: Uint32Array; frequencies: Uint32Array; length: number } {
  return { docs: Uint32Array.from(postings.keys()), frequencies: Uint32Array.from(postings.values()), length: postings.size };
}
