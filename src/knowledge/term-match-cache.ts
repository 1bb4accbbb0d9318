import type { SearchResult } from 'minisearch';

/**
 * MiniSearch's results for one query term in a compact form: per matching article (in MiniSearch's
 * result order) its number, its score and the index terms it matched.
 */
export interface TermMatches {
  /** Article numbers (positions in the index's article list). */
  docs: Uint32Array;
  scores: Float64Array;
  /** Matched index terms per match (equal lists are one shared array). */
  terms: ReadonlyArray<readonly string[]>;
}

/** How many matches (article entries, about 20 bytes each) the cache of an index holds at most. */
export const TERM_CACHE_MAX_MATCHES = 500_000;

/**
 * A least-recently-used cache of term matches, bounded by their total number of matches. Why: on a
 * large knowledge base one MiniSearch search of a common word ("Förderung", "Gemeinde") scores hundreds
 * of articles and makes several objects for each, and the same words come up in most questions; the
 * index never changes once built, so their matches can be kept.
 *
 * @example
 * ```ts
 * const cache = new TermMatchCache();
 * const matches = cache.get('+antrag', () => compactMatches(miniSearch.search('antrag'), numberOf));
 * ```
 */
export class TermMatchCache {
  private readonly entries = new Map<string, TermMatches>();
  private size = 0;

  constructor(private readonly maxMatches = TERM_CACHE_MAX_MATCHES) {}

  /** The cached matches of `key`, or those `compute` returns (then cached). */
  get(key: string, compute: () => TermMatches): TermMatches {
    let matches = this.entries.get(key);
    if (matches) {
      // Most recently used last: the oldest entries go first.
      this.entries.delete(key);
    } else {
      matches = compute();
      this.size += matches.docs.length;
    }
    this.entries.set(key, matches);
    for (const [oldKey, old] of this.entries) {
      if (this.size <= this.maxMatches || old === matches) break;
      this.entries.delete(oldKey);
      this.size -= old.docs.length;
    }
    return matches;
  }
}

/** MiniSearch's results as `TermMatches`; `numberOf` gives each document id's article number. */
export function compactMatches(results: readonly SearchResult[], numberOf: ReadonlyMap<string, number>): TermMatches {
  const docs = new Uint32Array(results.length);
  const scores = new Float64Array(results.length);
  const shared = new Map<string, string[]>();
  const terms = results.map((result, i) => {
    docs[i] = numberOf.get(result.id as string)!;
    scores[i] = result.score;
    const key = result.terms.join(' ');
    let list = shared.get(key);
    if (!list) shared.set(key, (list = result.terms));
    return list;
  });
  return { docs, scores, terms };
}
