/** Membership test of a set of index terms (what the answer decision asks of an article part). */
export interface TermSet {
  has(term: string): boolean;
  /** `has` for a term's number in its store (`TermSetStore.idOf`): the hot loops look each term up once. */
  hasId(id: number): boolean;
  /** Calls `visit` with the number of each term in the set. */
  forEachId(visit: (id: number) => void): void;
}

/**
 * Term sets of many article parts (title, each question, each section heading and body) in a compact
 * form: every term gets a number in one shared dictionary, and each part is a sorted run of numbers in
 * one growing `Uint32Array`. On 10,000 articles this takes a few MB where one `Set<string>` per part
 * took about 90 MB; membership is a dictionary look-up and a binary search.
 *
 * @example
 * ```ts
 * const store = new TermSetStore();
 * const part = store.add(['antrag', 'gemeind']);
 * store.set(part).has('antrag'); // true
 * store.set(part).has('geld'); // false
 * ```
 */
export class TermSetStore {
  private readonly ids = new Map<string, number>();
  private terms: Uint32Array | Uint16Array = new Uint32Array(1024);
  private termCount = 0;
  /** Start of part `p` in `terms` is `starts[p]`, its end `starts[p + 1]`. */
  private starts: Uint32Array = new Uint32Array(256);
  private partCount = 0;

  /** How many parts are stored. */
  get size(): number {
    return this.partCount;
  }

  /** The number of a term, or `undefined` when it was never added. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The number of a term, assigning the next free one to a new term. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  /** Stores the distinct terms of one part and returns the part's number. */
  add(terms: Iterable<string>): number {
    const sorted = Uint32Array.from(new Set(Array.from(terms, (term) => this.intern(term)))).sort();
    // A store restored from a snapshot may hold two-byte numbers; adding to it widens them first.
    const stored = ensureRoom(this.terms instanceof Uint32Array ? this.terms : Uint32Array.from(this.terms), this.termCount + sorted.length);
    stored.set(sorted, this.termCount);
    this.terms = stored;
    this.termCount += sorted.length;
    this.starts = ensureRoom(this.starts, this.partCount + 2);
    this.starts[this.partCount + 1] = this.termCount;
    return this.partCount++;
  }

  /** The term set of part `part` (a light view; make one whenever needed). */
  set(part: number): TermSet {
    if (part < 0 || part >= this.partCount) return EMPTY_TERM_SET;
    return new StoredTermSet(this, this.starts[part]!, this.starts[part + 1]!);
  }

  /** The store as plain data and typed arrays (for a snapshot; see `fromSnapshot`). */
  toSnapshot(): TermSetSnapshot {
    const ids = this.terms.subarray(0, this.termCount);
    // Two bytes a term number while there are few enough terms (on 10,000 articles: 4.6 MB less).
    return { terms: [...this.ids.keys()], ids: this.ids.size <= 0x10000 ? Uint16Array.from(ids) : ids.slice(), starts: this.starts.slice(0, this.partCount + 1) };
  }

  /** The store of a `toSnapshot` result. */
  static fromSnapshot(snapshot: TermSetSnapshot): TermSetStore {
    const store = new TermSetStore();
    // Term numbers were given in turn, so a term's number is its position in the list.
    snapshot.terms.forEach((term, id) => store.ids.set(term, id));
    store.terms = snapshot.ids;
    store.termCount = snapshot.ids.length;
    store.starts = snapshot.starts;
    store.partCount = snapshot.starts.length - 1;
    return store;
  }

  /** Releases the room kept for growth (call when all parts are added). */
  trim(): void {
    this.terms = this.terms.slice(0, this.termCount);
    this.starts = this.starts.slice(0, this.partCount + 1);
  }

  /** Calls `visit` with each term number of the run `terms[start, end)`. */
  forEachIn(start: number, end: number, visit: (id: number) => void): void {
    for (let i = start; i < end; i++) visit(this.terms[i]!);
  }

  /** True when the sorted run `terms[start, end)` contains term number `id`. */
  contains(start: number, end: number, id: number): boolean {
    let low = start;
    let high = end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.terms[middle]!;
      if (value === id) return true;
      if (value < id) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

/** A `TermSetStore` as data: every term (its number is its position), the parts' term numbers and where each part starts. */
export interface TermSetSnapshot {
  terms: string[];
  ids: Uint32Array | Uint16Array;
  starts: Uint32Array;
}

/** A term set that contains nothing. */
export const EMPTY_TERM_SET: TermSet = { has: () => false, hasId: () => false, forEachId: () => {} };

class StoredTermSet implements TermSet {
  constructor(
    private readonly store: TermSetStore,
    private readonly start: number,
    private readonly end: number,
  ) {}

  has(term: string): boolean {
    const id = this.store.idOf(term);
    return id !== undefined && this.store.contains(this.start, this.end, id);
  }

  hasId(id: number): boolean {
    return id >= 0 && this.store.contains(this.start, this.end, id);
  }

  forEachId(visit: (id: number) => void): void {
    this.store.forEachIn(this.start, this.end, visit);
  }
}

/** `array` itself when it holds `length` numbers, else a copy with room to grow (doubling). */
function ensureRoom(array: Uint32Array, length: number): Uint32Array {
  if (length <= array.length) return array;
  const grown = new Uint32Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}
