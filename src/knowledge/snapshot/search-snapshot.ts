import MiniSearch, { type Options } from 'minisearch';
import { PostingList } from '../compact-postings.js';

/**
 * A MiniSearch index as plain data and a few large typed arrays, for `v8.serialize`: MiniSearch's own
 * serialisation (`toJSON`) of everything but the term index, plus the term index's radix tree, node by
 * node in its own order, with the postings as flat arrays. The tree's order matters: MiniSearch adds
 * up the scores of prefix and fuzzy matches in that order, and floating-point sums depend on it (a
 * tree rebuilt from the terms alone gives scores that differ in the last digits, which can swap ties).
 */
export interface SearchSnapshot {
  /** `miniSearch.toJSON()` with an empty term index (documents, field ids and lengths, counts). */
  header: ReturnType<MiniSearch['toJSON']>;
  /** Edge labels of the radix tree, depth first in each node's order; `''` marks a term's postings. */
  edges: string[];
  /** Per tree node, depth first: its number of edges. */
  edgeCounts: Uint32Array;
  /** Per term (in tree order): how many fields it has documents in. */
  fieldsPerTerm: Uint8Array;
  /** Per posting (one term in one field): the field's id and the number of its documents. */
  fieldIds: Uint8Array;
  lengths: Uint32Array;
  /** All postings' documents and frequencies, one posting after the other. */
  docs: Uint16Array | Uint32Array;
  frequencies: Uint8Array | Uint16Array | Uint32Array;
}

/** MiniSearch's key of a term's value in its radix tree. */
const LEAF = '';

type Fields = Map<number, ReadonlyMap<number, number>>;
type TreeNode = Map<string, TreeNode | Fields>;

/** The part of MiniSearch's private state the snapshot reads and writes (MiniSearch 7). */
interface Internals {
  _index: { _tree: TreeNode; _prefix: string; constructor: new (tree?: TreeNode, prefix?: string) => Internals['_index'] };
}

/**
 * The snapshot of a MiniSearch index (see `SearchSnapshot`).
 *
 * @example
 * ```ts
 * const snapshot = exportSearch(miniSearch);
 * const same = importSearch(v8.deserialize(v8.serialize(snapshot)), options);
 * ```
 */
export function exportSearch(miniSearch: MiniSearch<never> | MiniSearch): SearchSnapshot {
  const internals = miniSearch as unknown as Internals;
  const index = internals._index;
  if (!(index._tree instanceof Map) || index._prefix !== '') throw new Error('search snapshot: unexpected MiniSearch internals');
  const edges: string[] = [];
  const edgeCounts: number[] = [];
  const terms: Fields[] = [];
  const walk = (node: TreeNode) => {
    edgeCounts.push(node.size);
    for (const [edge, child] of node) {
      edges.push(edge);
      if (edge === LEAF) terms.push(child as Fields);
      else walk(child as TreeNode);
    }
  };
  walk(index._tree);
  const fieldsPerTerm: number[] = [];
  const fieldIds: number[] = [];
  const lengths: number[] = [];
  let total = 0;
  let maxDoc = 0;
  let maxFrequency = 0;
  for (const fields of terms) {
    fieldsPerTerm.push(fields.size);
    for (const [fieldId, postings] of fields) {
      fieldIds.push(fieldId);
      lengths.push(postings.size);
      total += postings.size;
      for (const [doc, frequency] of postings) {
        if (doc > maxDoc) maxDoc = doc;
        if (frequency > maxFrequency) maxFrequency = frequency;
      }
    }
  }
  const docs = maxDoc <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  const frequencies = maxFrequency <= 0xff ? new Uint8Array(total) : maxFrequency <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  let at = 0;
  for (const fields of terms) {
    for (const [, postings] of fields) {
      for (const [doc, frequency] of postings) {
        docs[at] = doc;
        frequencies[at++] = frequency;
      }
    }
  }
  // MiniSearch's own serialisation of the rest: the term index swapped for an empty one meanwhile.
  internals._index = new index.constructor();
  let header: SearchSnapshot['header'];
  try {
    header = miniSearch.toJSON();
  } finally {
    internals._index = index;
  }
  return {
    header,
    edges,
    edgeCounts: Uint32Array.from(edgeCounts),
    fieldsPerTerm: Uint8Array.from(fieldsPerTerm),
    fieldIds: Uint8Array.from(fieldIds),
    lengths: Uint32Array.from(lengths),
    docs,
    frequencies,
  };
}

/**
 * The MiniSearch index of a snapshot, with the same `options` it was built with. Its posting lists are
 * views into the snapshot's arrays (nothing is copied); search results are exactly those of the
 * exported index.
 */
export function importSearch<T>(snapshot: SearchSnapshot, options: Options<T>): MiniSearch<T> {
  const { edges, edgeCounts, fieldsPerTerm, fieldIds, lengths, docs, frequencies } = snapshot;
  const miniSearch = MiniSearch.loadJS<T>({ ...snapshot.header, index: [] }, options);
  const internals = miniSearch as unknown as Internals;
  let edge = 0;
  let node = 0;
  let term = 0;
  let posting = 0;
  let offset = 0;
  const broken = (what: string) => new Error(`search snapshot: ${what}`);
  const leaf = (): Fields => {
    if (term >= fieldsPerTerm.length) throw broken('more terms than postings');
    const fields: Fields = new Map();
    for (let f = fieldsPerTerm[term++]!; f > 0; f--, posting++) {
      const length = lengths[posting]!;
      if (posting >= lengths.length || offset + length > docs.length) throw broken('postings end early');
      fields.set(fieldIds[posting]!, PostingList.over(docs.subarray(offset, offset + length), frequencies.subarray(offset, offset + length)));
      offset += length;
    }
    return fields;
  };
  const build = (): TreeNode => {
    if (node >= edgeCounts.length) throw broken('tree ends early');
    const tree: TreeNode = new Map();
    for (let e = edgeCounts[node++]!; e > 0; e--) {
      if (edge >= edges.length) throw broken('edges end early');
      const label = edges[edge++]!;
      tree.set(label, label === LEAF ? leaf() : build());
    }
    return tree;
  };
  const tree = build();
  if (edge !== edges.length || node !== edgeCounts.length || term !== fieldsPerTerm.length || offset !== docs.length) throw broken('data left over');
  internals._index = new internals._index.constructor(tree, '');
  return miniSearch;
}
