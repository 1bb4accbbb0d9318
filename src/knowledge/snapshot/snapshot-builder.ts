import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../runtime/project-root.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import { parseKnowledgeFiles, readKnowledgeFiles } from '../load-knowledge.js';
import { KnowledgeFingerprint } from './knowledge-fingerprint.js';
import { serializeKnowledge } from './knowledge-snapshot.js';
import { SnapshotCache } from './snapshot-cache.js';

/** What building a snapshot reports. */
export interface BuiltSnapshot {
  /** Fingerprint of the files the snapshot was built from (they may have changed since the caller looked). */
  key: string;
  articles: number;
  ms: number;
}

/** How long a builder process may take before it is stopped (10,000 articles take well under a minute). */
export const BUILDER_TIMEOUT_MS = 10 * 60_000;

/**
 * Reads, parses and indexes a knowledge folder and saves the snapshot in `cacheDir` (in this process).
 * The fingerprint is taken of the very texts that were indexed.
 */
export async function buildSnapshot(knowledgeDir: string, cacheDir: string): Promise<BuiltSnapshot> {
  const started = performance.now();
  const fingerprint = new KnowledgeFingerprint();
  const files = await readKnowledgeFiles(knowledgeDir, fingerprint.add);
  const key = fingerprint.digest();
  const kb = parseKnowledgeFiles(files);
  const index = KnowledgeIndex.build(kb);
  await new SnapshotCache(cacheDir).write(key, serializeKnowledge(key, kb, index));
  return { key, articles: kb.articles.length, ms: Math.round(performance.now() - started) };
}

/**
 * `buildSnapshot` in a child process. Why: indexing a large knowledge base needs several times the
 * memory of the finished index, and a process keeps the memory of its peak; the child gives all of it
 * back when it exits, and the server's event loop keeps answering meanwhile. The child is the bundled
 * `dist/knowledge-builder.cjs` next to a bundled server, else the TypeScript entry run with tsx.
 */
export function buildSnapshotInChild(knowledgeDir: string, cacheDir: string, timeoutMs = BUILDER_TIMEOUT_MS): Promise<BuiltSnapshot> {
  const self = fileURLToPath(import.meta.url);
  const bundled = self.endsWith('.cjs');
  const entry = bundled ? join(dirname(self), 'knowledge-builder.cjs') : join(projectRoot(), 'src', 'knowledge', 'snapshot', 'snapshot-builder-main.ts');
  return new Promise<BuiltSnapshot>((resolve, reject) => {
    const child = fork(entry, [knowledgeDir, cacheDir], {
      cwd: projectRoot(),
      execArgv: bundled ? [] : ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    let stderr = '';
    let result: BuiltSnapshot | undefined;
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('message', (message) => (result = message as BuiltSnapshot));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`knowledge builder ${entry} ended with ${signal ?? `exit code ${code}`}: ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no output'}`));
    });
  });
}
