/**
 * MiniSearch's matches of one query term (see `TermScorer`) in a compact form the search can merge quickly: sorted by
 * article number, each with its score, its rank in MiniSearch's result order (which decides ties) and
 * the index terms it matched.
 */
export interface TermMatches {
  /** The cache key: matching mode and term. */
  key: string;
  /** Article numbers (positions in `KnowledgeIndex.articles`), ascending. */
  docs: Uint16Array | Uint32Array;
  scores: Float64Array;
  /** Position of each match in MiniSearch's result list. */
  ranks: Uint16Array | Uint32Array;
  /** The distinct sets of index terms the matches matched. */
  termSets: ReadonlyArray<readonly string[]>;
  /** Per match: which of `termSets` it matched (most matches of a term share one or two). */
  termSet: Uint16Array | Uint32Array;
}

/**
 * An array for `length` whole numbers below `limit`: two bytes each while they fit. These lists are what
 * the match caches hold, up to a million entries each.
 */
export function countArray(length: number, limit: number): Uint16Array | Uint32Array {
  return limit <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

/** What one query word contributes: per article (ascending numbers) the best weighted score of its alternatives. */
export interface WordMatches {
  docs: Uint16Array | Uint32Array;
  best: Float64Array;
}

/**
 * A bounded least-recently-used cache of match lists, measured in matches (article entries), so its
 * memory stays bounded however many different words users type.
 */
export class MatchCache<V extends { docs: ArrayLike<number> }> {
  private readonly entries = new Map<string, V>();
  private size = 0;

  constructor(private readonly maxMatches: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value) {
      // Most recently used last: the oldest entries are dropped first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old) this.size -= old.docs.length;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.size += value.docs.length;
    for (const [oldKey, entry] of this.entries) {
      if (this.size <= this.maxMatches || entry === value) break;
      this.entries.delete(oldKey);
      this.size -= entry.docs.length;
    }
  }
}

/** Position of article number `doc` in `matches.docs`, or -1 (binary search). */
export function findMatch(matches: TermMatches, doc: number): number {
  let low = 0;
  let high = matches.docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = matches.docs[middle]!;
    if (value === doc) return middle;
    if (value < doc) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The `limit` best of the articles marked in `isMatch`, highest score first; equal scores are ordered by
 * `firstSeen` (ascending). With distinct `firstSeen` values this is exactly the head of a stable sort in
 * first-seen order. `firstSeen` is asked only for the articles that can make the cut: those scoring at
 * least as high as the `limit`-th best.
 */
export function topByScore(isMatch: Uint8Array, score: Float64Array, firstSeen: (doc: number) => number, limit: number): number[] {
  if (limit <= 0) return [];
  const threshold = kthLargest(isMatch, score, limit);
  const pool: number[] = [];
  for (let doc = 0; doc < isMatch.length; doc++) if (isMatch[doc] === 1 && score[doc]! >= threshold) pool.push(doc);
  const seen = new Map(pool.map((doc) => [doc, firstSeen(doc)]));
  return pool.sort((a, b) => score[b]! - score[a]! || seen.get(a)! - seen.get(b)!).slice(0, limit);
}

/** The `k`-th largest score of the marked articles, or -Infinity when fewer than `k` are marked. */
function kthLargest(isMatch: Uint8Array, score: Float64Array, k: number): number {
  if (!Number.isFinite(k) || k > isMatch.length) return Number.NEGATIVE_INFINITY;
  // A min-heap of the k best scores so far: its root is the k-th best.
  const heap = new Float64Array(k);
  let size = 0;
  for (let doc = 0; doc < isMatch.length; doc++) {
    if (isMatch[doc] !== 1) continue;
    const value = score[doc]!;
    if (size < k) {
      // Sift up.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= value) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = value;
    } else if (value > heap[0]!) {
      // Replace the root and sift down.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= k) break;
        const right = left + 1;
        const child = right < k && heap[right]! < heap[left]! ? right : left;
        if (heap[child]! >= value) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = value;
    }
  }
  return size === k ? heap[0]! : Number.NEGATIVE_INFINITY;
}
