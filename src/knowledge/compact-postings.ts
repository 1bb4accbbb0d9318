import type MiniSearch from 'minisearch';

/**
 * The documents of one term in one field, with the term's frequency in each, as two typed arrays:
 * a stand-in for the `Map<documentNumber, frequency>` MiniSearch keeps per term and field. Such a Map
 * costs about 28 bytes an entry; this 3 (up to 65,536 documents, frequencies below 256) to 8 bytes,
 * plus room to grow until `trim`. It only grows at the end: MiniSearch adds documents in turn, each
 * with a higher number, and updates the frequency of the document being added.
 */
export class PostingList implements ReadonlyMap<number, number> {
  private docs: Uint16Array | Uint32Array;
  private frequencies: Uint8Array | Uint16Array | Uint32Array;
  private length = 0;

  private constructor(capacity: number) {
    this.docs = new Uint16Array(capacity);
    this.frequencies = new Uint8Array(capacity);
  }

  /**
   * A list over existing arrays (views into a larger buffer are fine: nothing is copied), documents in
   * ascending order. For an index restored from a snapshot; it grows like any other list.
   */
  static over(docs: Uint16Array | Uint32Array, frequencies: Uint8Array | Uint16Array | Uint32Array): PostingList {
    if (docs.length !== frequencies.length) throw new RangeError('PostingList: documents and frequencies differ in length');
    const list = new PostingList(0);
    list.docs = docs;
    list.frequencies = frequencies;
    list.length = docs.length;
    return list;
  }

  /** The compact copy of `map`, or `undefined` when its documents are not in ascending order (never the case after adding documents in turn). */
  static of(map: ReadonlyMap<number, number>): PostingList | undefined {
    let previous = -1;
    for (const [doc, frequency] of map) {
      if (doc <= previous || !isCount(doc) || !isCount(frequency)) return undefined;
      previous = doc;
    }
    const list = new PostingList(map.size);
    for (const [doc, frequency] of map) list.set(doc, frequency);
    return list;
  }

  readonly [Symbol.toStringTag] = 'PostingList';

  get size(): number {
    return this.length;
  }

  get(doc: number): number | undefined {
    const at = this.indexOf(doc);
    return at === -1 ? undefined : this.frequencies[at];
  }

  has(doc: number): boolean {
    return this.indexOf(doc) !== -1;
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.length; i++) yield this.docs[i]!;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.length; i++) yield this.frequencies[i]!;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.length; i++) yield [this.docs[i]!, this.frequencies[i]!];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** The documents and frequencies as they are stored (read the first `length`; do not change them). */
  postingArrays(): { docs: Uint16Array | Uint32Array; frequencies: Uint8Array | Uint16Array | Uint32Array; length: number } {
    return { docs: this.docs, frequencies: this.frequencies, length: this.length };
  }

  forEach(callback: (frequency: number, doc: number, map: ReadonlyMap<number, number>) => void): void {
    for (let i = 0; i < this.length; i++) callback(this.frequencies[i]!, this.docs[i]!, this);
  }

  /** Sets the frequency of the last document or appends a later one; anything else throws. */
  set(doc: number, frequency: number): this {
    if (!isCount(doc) || !isCount(frequency)) throw new RangeError(`PostingList: not a count: ${doc}, ${frequency}`);
    const last = this.length - 1;
    if (last >= 0 && this.docs[last] === doc) {
      this.widen(doc, frequency);
      this.frequencies[last] = frequency;
      return this;
    }
    if (last >= 0 && doc < this.docs[last]!) throw new Error('PostingList: documents can only be added in ascending order');
    if (this.length === this.docs.length) this.grow(Math.max(4, this.length * 2));
    this.widen(doc, frequency);
    this.docs[this.length] = doc;
    this.frequencies[this.length++] = frequency;
    return this;
  }

  /** MiniSearch removes documents only on `remove` and `discard`, which the knowledge index never calls. */
  delete(): never {
    throw new Error('PostingList: documents cannot be removed');
  }

  /** Releases the room kept for growth. */
  trim(): void {
    if (this.length < this.docs.length) this.grow(this.length);
  }

  private grow(capacity: number): void {
    const docs = this.docs instanceof Uint16Array ? new Uint16Array(capacity) : new Uint32Array(capacity);
    docs.set(this.docs.subarray(0, this.length));
    const frequencies = new (this.frequencies.constructor as Uint32ArrayConstructor)(capacity);
    frequencies.set(this.frequencies.subarray(0, this.length));
    this.docs = docs;
    this.frequencies = frequencies;
  }

  /** Wider arrays when `doc` or `frequency` does not fit the current ones. */
  private widen(doc: number, frequency: number): void {
    if (doc > 0xffff && this.docs instanceof Uint16Array) this.docs = Uint32Array.from(this.docs);
    if (frequency > 0xff && this.frequencies instanceof Uint8Array) this.frequencies = Uint16Array.from(this.frequencies);
    if (frequency > 0xffff && this.frequencies instanceof Uint16Array) this.frequencies = Uint32Array.from(this.frequencies);
  }

  private indexOf(doc: number): number {
    // MiniSearch asks for the document it is adding (the last) while building.
    const last = this.length - 1;
    if (last >= 0 && this.docs[last] === doc) return last;
    let low = 0;
    let high = last;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.docs[middle]!;
      if (value === doc) return middle;
      if (value < doc) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

/** The part of MiniSearch's private state this module changes (MiniSearch 7). */
interface MiniSearchInternals {
  _index?: Iterable<[string, Map<number, ReadonlyMap<number, number>>]>;
}

/**
 * Replaces the per-term, per-field document maps inside a MiniSearch index with `PostingList`s.
 * Search results stay exactly the same (MiniSearch reads these maps only through `size`, `keys` and
 * `get`, in the same order); on 10,000 articles the index takes about 25 MB instead of about 100 MB.
 * Documents can still be added afterwards (new terms get Maps again: call this between batches so
 * the Maps never hold the whole index); removing documents throws. `trim: true` (after the last
 * batch) releases the room kept for growth. Uses MiniSearch's private `_index`; when that is not there
 * as expected (another MiniSearch version), it stops changing anything and returns `false`.
 *
 * @example
 * ```ts
 * for (const batch of batches) {
 *   miniSearch.addAll(batch);
 *   compactPostings(miniSearch);
 * }
 * compactPostings(miniSearch, { trim: true });
 * ```
 */
export function compactPostings<T>(miniSearch: MiniSearch<T>, options: { trim?: boolean } = {}): boolean {
  const index = (miniSearch as unknown as MiniSearchInternals)._index;
  if (!index || typeof index[Symbol.iterator] !== 'function') return false;
  for (const [, fields] of index) {
    if (!(fields instanceof Map)) return false;
    for (const [fieldId, docs] of fields) {
      if (docs instanceof PostingList) {
        if (options.trim) docs.trim();
        continue;
      }
      if (!(docs instanceof Map)) return false;
      // In place, one map at a time (changing a value keeps the iteration order), so the old and the new
      // form never coexist in full: the peak decides how much memory the process keeps.
      const postings = PostingList.of(docs);
      if (!postings) continue;
      if (options.trim) postings.trim();
      fields.set(fieldId, postings);
    }
  }
  return true;
}
