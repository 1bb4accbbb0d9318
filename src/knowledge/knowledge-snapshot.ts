import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logging/logger.js';
import { projectRoot } from '../shared/project-root.js';
import { KnowledgeIndex, type KnowledgeIndexData } from './knowledge-index.js';
import { parseKnowledgeFiles, readIfExists, readKnowledgeFiles, visitKnowledgeFiles, type KnowledgeFiles } from './load-knowledge.js';
import type { KnowledgeBase } from './types.js';

/** Raise it whenever the snapshot's content changes shape (the fingerprint includes it). */
const SNAPSHOT_FORMAT = 2;
/** How many snapshots a cache folder keeps (the newest): the current one and two to switch back to. */
const SNAPSHOTS_KEPT = 3;

/** A loaded knowledge base with its index, and where it came from. */
export interface IndexedKnowledge {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  origin: 'snapshot' | 'built';
}

/**
 * Loads and indexes a knowledge folder. With `cacheDir`, a saved snapshot of exactly these files (and this
 * code) is restored instead of parsing and indexing every article, and a fresh index is saved for the next
 * start. A snapshot is one JSON file: the parsed articles and the analyser's vocabulary on its first line,
 * MiniSearch's own JSON (`toJSON` / `MiniSearch.loadJSON`) on the second, named by the fingerprint of the files. A damaged
 * snapshot or a folder that cannot be written is logged and costs only speed.
 *
 * @example
 * ```ts
 * const { kb, index, origin } = await loadIndexedKnowledge('knowledge', logger, 'data/knowledge-cache');
 * ```
 */
export async function loadIndexedKnowledge(dir: string, logger: Logger, cacheDir?: string): Promise<IndexedKnowledge> {
  if (!cacheDir) return build(await readKnowledgeFiles(dir));
  // The files are only hashed here, not kept: a restart needs none of them (2,000 articles are 14 MB).
  const fingerprint = new Fingerprint();
  await visitKnowledgeFiles(dir, (_kind, file, content) => fingerprint.add(file, content));
  const file = snapshotFile(cacheDir, fingerprint.digest());
  try {
    const restored = await readSnapshot(file);
    if (restored) return { ...restored, origin: 'snapshot' };
  } catch (error) {
    logger.warn({ err: error, file }, 'Knowledge snapshot unusable; indexing the knowledge base instead');
  }
  // Read again to index them; named by what was indexed, should a file have changed in between.
  const files: KnowledgeFiles = { articles: new Map(), meta: new Map() };
  const indexed = new Fingerprint();
  await visitKnowledgeFiles(dir, (kind, file, content) => {
    indexed.add(file, content);
    if (kind === 'article') files.articles.set(file, content!);
    else files.meta.set(file, content?.toString('utf8'));
  });
  const built = build(files);
  try {
    await writeSnapshot(snapshotFile(cacheDir, indexed.digest()), built.kb, built.index);
  } catch (error) {
    logger.warn({ err: error, dir: cacheDir }, 'Cannot save the knowledge snapshot; the next start indexes the knowledge base again');
  }
  return built;
}

function build(files: KnowledgeFiles): IndexedKnowledge {
  const kb = parseKnowledgeFiles(files);
  return { kb, index: KnowledgeIndex.build(kb), origin: 'built' };
}

/** The first line of a snapshot file (MiniSearch's JSON follows on the second). */
interface SnapshotHeader {
  format: number;
  kb: KnowledgeBase;
  vocabulary: KnowledgeIndexData['vocabulary'];
}

async function readSnapshot(file: string): Promise<Omit<IndexedKnowledge, 'origin'> | undefined> {
  const data = await readIfExists(file);
  if (!data) return undefined;
  // Each line decoded on its own: the whole file as one string would be another copy of many MB.
  const newline = data.indexOf('\n');
  const header = (newline < 0 ? undefined : JSON.parse(data.toString('utf8', 0, newline))) as SnapshotHeader | undefined;
  if (header?.format !== SNAPSHOT_FORMAT) throw new Error('not a knowledge snapshot of this format');
  const search = data.toString('utf8', newline + 1);
  return { kb: header.kb, index: KnowledgeIndex.fromJSON(header.kb, { vocabulary: header.vocabulary, search }) };
}

/** Saves a snapshot under a temporary name and renames it (a reader never sees half a file); keeps the newest few. */
async function writeSnapshot(file: string, kb: KnowledgeBase, index: KnowledgeIndex): Promise<void> {
  const { search, vocabulary } = index.toJSON();
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, kb, vocabulary };
  const dir = join(file, '..');
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // In pieces: one joined string would be another copy of a file of many MB.
  await writeFile(temporary, [JSON.stringify(header), '\n', search]);
  await rename(temporary, file);
  const snapshots = (await readdir(dir)).filter((name) => /^knowledge-[0-9a-f]+\.json$/.test(name)).map((name) => join(dir, name));
  const dated = await Promise.all(snapshots.map(async (path) => ({ path, mtimeMs: (await stat(path)).mtimeMs })));
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(dated.slice(SNAPSHOTS_KEPT).map(({ path }) => rm(path, { force: true })));
}

/**
 * The fingerprint of a knowledge base's files together with the code that loads and indexes them (see
 * `knowledgeCodeId`) and the snapshot format: a snapshot is valid exactly for its fingerprint.
 */
export function knowledgeFingerprint(files: KnowledgeFiles, codeId?: string): string {
  const fingerprint = new Fingerprint(codeId);
  for (const [file, content] of [...files.articles, ...files.meta]) fingerprint.add(file, content);
  return fingerprint.digest();
}

/** `knowledgeFingerprint` file by file, in the order of `KnowledgeFiles`. */
class Fingerprint {
  private readonly hash = createHash('sha256');

  constructor(codeId: string = knowledgeCodeId()) {
    this.field(`format ${SNAPSHOT_FORMAT}`);
    this.field(codeId);
  }

  add(file: string, content: string | Uint8Array | undefined): void {
    this.field(file);
    // A missing file differs from an empty one.
    this.hash.update(content === undefined ? '-' : '+');
    this.field(content ?? '');
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  private field(value: string | Uint8Array): void {
    this.hash.update(`${Buffer.byteLength(value)}:`).update(value);
  }
}

function snapshotFile(cacheDir: string, fingerprint: string): string {
  return join(cacheDir, `knowledge-${fingerprint}.json`);
}

let codeId: string | undefined;

/**
 * What identifies the code that turns knowledge files into an index: in the bundle, the bundle itself
 * (the packages included); under tsx, the sources of `src/knowledge/` and `src/language/` (the analyser)
 * and the package versions of the lock file. Computed once per process.
 */
function knowledgeCodeId(): string {
  if (codeId) return codeId;
  const hash = createHash('sha256');
  const root = projectRoot();
  const folders = ['knowledge', 'language'].map((name) => join(root, 'src', name)).filter((folder) => existsSync(folder));
  const files =
    folders.length > 0
      ? folders
          .flatMap((folder) => readdirSync(folder, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
      : [fileURLToPath(import.meta.url)];
  for (const path of [...files.sort(), join(root, 'package-lock.json')]) {
    if (existsSync(path)) hash.update(relative(root, path).split(sep).join('/')).update('\0').update(readFileSync(path)).update('\0');
  }
  codeId = hash.digest('hex');
  return codeId;
}
