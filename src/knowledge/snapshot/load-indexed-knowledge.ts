import type { Logger } from '../../logging/logger.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import { loadKnowledgeBase, parseKnowledgeFiles, readKnowledgeFiles } from '../load-knowledge.js';
import { fingerprintKnowledgeFolder, KnowledgeFingerprint } from './knowledge-fingerprint.js';
import { deserializeKnowledge, serializeKnowledge, type IndexedKnowledge } from './knowledge-snapshot.js';
import { buildSnapshotInChild } from './snapshot-builder.js';
import { SnapshotCache } from './snapshot-cache.js';

/** Where a knowledge base comes from when it is loaded. */
export interface KnowledgeLoadOptions {
  /**
   * Folder of saved snapshots (see `SnapshotCache`). With it, a knowledge base whose files and code are
   * unchanged is restored in a fraction of the time instead of parsed and indexed again.
   */
  cacheDir?: string;
  /** Index a knowledge base without a snapshot in a child process (default `true`; needs `cacheDir`). */
  buildInChild?: boolean;
}

/**
 * How a knowledge base was loaded: from a saved snapshot, indexed by a builder process, or in this process
 * (`indexMs` is then the time parsing and indexing took).
 */
export type KnowledgeOrigin = 'snapshot' | 'builder' | 'inline';

/**
 * Loads and indexes a knowledge folder, through the snapshot cache when there is one: a saved snapshot
 * of exactly these files (and this code) is restored; otherwise a child process indexes the folder and
 * saves its snapshot, which is then restored; when that fails, this process indexes it (and saves the
 * snapshot for the next start). A broken or unreadable snapshot is logged and skipped, never trusted.
 *
 * @example
 * ```ts
 * const { kb, index, origin } = await loadIndexedKnowledge('knowledge', logger, { cacheDir: 'data/knowledge-cache' });
 * ```
 */
export async function loadIndexedKnowledge(
  dir: string,
  logger: Logger,
  options: KnowledgeLoadOptions = {},
): Promise<IndexedKnowledge & { origin: KnowledgeOrigin; indexMs?: number }> {
  if (!options.cacheDir) {
    const started = performance.now();
    const kb = await loadKnowledgeBase(dir);
    return { kb, index: KnowledgeIndex.build(kb), origin: 'inline', indexMs: Math.round(performance.now() - started) };
  }
  const cache = new SnapshotCache(options.cacheDir);
  // File by file: a large knowledge base's texts are not held at once (the memory a process once held, it keeps).
  const key = await fingerprintKnowledgeFolder(dir);
  const saved = await restore(cache, key, logger);
  if (saved) return { ...saved, origin: 'snapshot' };
  if (options.buildInChild !== false) {
    try {
      const built = await buildSnapshotInChild(dir, cache.dir);
      const restored = await restore(cache, built.key, logger);
      if (restored) return { ...restored, origin: 'builder', indexMs: built.ms };
    } catch (error) {
      logger.warn({ err: error }, 'Knowledge builder process failed; indexing in the server process instead');
    }
  }
  const fingerprint = new KnowledgeFingerprint();
  const indexStarted = performance.now();
  const kb = parseKnowledgeFiles(await readKnowledgeFiles(dir, fingerprint.add));
  const index = KnowledgeIndex.build(kb);
  const indexMs = Math.round(performance.now() - indexStarted);
  try {
    // The files read now may differ from those fingerprinted above; this snapshot is of these.
    const builtKey = fingerprint.digest();
    await cache.write(builtKey, serializeKnowledge(builtKey, kb, index));
  } catch (error) {
    logger.warn({ err: error, dir: cache.dir }, 'Cannot save the knowledge snapshot; the next start indexes the knowledge base again');
  }
  return { kb, index, origin: 'inline', indexMs };
}

/** The snapshot of `key` from the cache, or `undefined` when there is none or it cannot be used (unreadable, damaged). */
async function restore(cache: SnapshotCache, key: string, logger: Logger): Promise<IndexedKnowledge | undefined> {
  try {
    const snapshot = await cache.read(key);
    return snapshot && deserializeKnowledge(snapshot, key);
  } catch (error) {
    logger.warn({ err: error, file: cache.path(key) }, 'Knowledge snapshot unusable; indexing the knowledge base instead');
    return undefined;
  }
}
