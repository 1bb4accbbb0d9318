import { LazyBytes } from './lazy-bytes.js';
import { decodeSnapshot, encodeSnapshot, splitSnapshot, type SnapshotParts } from './snapshot-file.js';
import { KnowledgeIndex, type KnowledgeIndexSnapshot } from '../knowledge-index.js';
import { fromPackedRecord, toPackedRecord, type PackedRecord } from '../packed-fields.js';
import type { Article, KnowledgeBase, KnowledgeMeta, KnowledgeProblem } from '../types.js';

/**
 * Version of the snapshot layout. Raise it whenever the layout changes: the fingerprint includes it, so
 * an old snapshot is never read with the new layout (it is rebuilt instead).
 */
export const SNAPSHOT_FORMAT = 3;

/** What a snapshot file holds (v8-serialised). */
interface SnapshotData {
  format: number;
  /** The fingerprint of the knowledge files and code the snapshot was built from. */
  key: string;
  articles: PackedRecord[];
  meta: KnowledgeMeta;
  problems: KnowledgeProblem[];
  index: KnowledgeIndexSnapshot;
}

/** A loaded knowledge base with its index: what a snapshot saves. */
export interface IndexedKnowledge {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
}

/**
 * A loaded and indexed knowledge base as the bytes of a snapshot file (see `snapshot-file.ts`: typed arrays
 * and strings are copied as they are, packed article fields stay packed), so a later start restores it
 * instead of parsing and indexing every article again.
 *
 * @example
 * ```ts
 * const bytes = serializeKnowledge(key, kb, KnowledgeIndex.build(kb));
 * const { kb: same, index } = deserializeKnowledge(bytes, key);
 * ```
 */
export function serializeKnowledge(key: string, kb: KnowledgeBase, index: KnowledgeIndex): Buffer {
  const data: SnapshotData = {
    format: SNAPSHOT_FORMAT,
    key,
    // The articles' packed texts go to the snapshot's lazy part: read again only when an answer needs them.
    articles: kb.articles.map((article) => {
      const record = toPackedRecord(article);
      return record.packed instanceof Uint8Array ? { ...record, packed: LazyBytes.of(record.packed) } : record;
    }),
    meta: kb.meta,
    problems: kb.problems,
    index: index.toSnapshot(),
  };
  return encodeSnapshot(data);
}

/**
 * The knowledge base and index of `serializeKnowledge`'s bytes (or of the parts `readSnapshotFile` read);
 * throws when they are not a snapshot of `key`. The index's typed arrays are views into the snapshot's blob.
 */
export function deserializeKnowledge(snapshot: Uint8Array | SnapshotParts, key: string): IndexedKnowledge {
  const data = decodeSnapshot(snapshot instanceof Uint8Array ? splitSnapshot(snapshot) : snapshot) as Partial<SnapshotData> | null;
  if (data?.format !== SNAPSHOT_FORMAT) throw new Error(`not a knowledge snapshot of format ${SNAPSHOT_FORMAT}`);
  if (data.key !== key) throw new Error('the knowledge snapshot is of other files');
  if (!Array.isArray(data.articles) || !data.meta || !Array.isArray(data.problems) || !data.index) throw new Error('the knowledge snapshot is incomplete');
  const kb: KnowledgeBase = { articles: data.articles.map((record) => fromPackedRecord<Article>(record)), meta: data.meta, problems: data.problems };
  return { kb, index: KnowledgeIndex.fromSnapshot(kb, data.index) };
}

