import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../runtime/project-root.js';
import { visitKnowledgeFiles } from '../load-knowledge.js';
import { SNAPSHOT_FORMAT } from './knowledge-snapshot.js';

/**
 * Packages whose behaviour is baked into a snapshot (parsing, analysis, index): a new version of one
 * makes old snapshots stale.
 */
const SNAPSHOT_PACKAGES = ['minisearch', 'hyphen', '@orama/stemmers', 'stopword', 'gray-matter', 'markdown-it', 'yaml', 'zod'];

/**
 * The fingerprint of a knowledge base's files (their bytes, in the order `visitKnowledgeFiles` reads them)
 * together with the code that loads and indexes them (see `knowledgeCodeId`) and the snapshot format: a
 * snapshot is valid exactly for its fingerprint. Feed it every file, then take `digest()`.
 *
 * @example
 * ```ts
 * const fingerprint = new KnowledgeFingerprint();
 * const files = await readKnowledgeFiles('knowledge', fingerprint.add);
 * const key = fingerprint.digest();
 * ```
 */
export class KnowledgeFingerprint {
  private readonly hash = createHash('sha256');

  constructor(codeId: string = knowledgeCodeId()) {
    this.field(`format ${SNAPSHOT_FORMAT}`);
    this.field(codeId);
  }

  /** Adds one file (`undefined` bytes: the file is missing, which differs from an empty one). */
  readonly add = (file: string, bytes: Uint8Array | undefined): void => {
    this.field(file);
    this.field(bytes === undefined ? '-' : '+');
    if (bytes) this.field(bytes);
  };

  digest(): string {
    return this.hash.digest('hex');
  }

  private field(value: string | Uint8Array): void {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    this.hash.update(`${bytes.length}:`).update(bytes);
  }
}

/** The fingerprint of a knowledge folder as it is now, reading one file after the other (nothing is kept). */
export async function fingerprintKnowledgeFolder(dir: string, codeId?: string): Promise<string> {
  const fingerprint = new KnowledgeFingerprint(codeId);
  await visitKnowledgeFiles(dir, fingerprint.add);
  return fingerprint.digest();
}

let codeId: string | undefined;

/**
 * What identifies the code that turns knowledge files into an index: the sources of `src/knowledge/`
 * and the versions of the packages it uses, or, where the sources are not installed, this module's own
 * file (the bundle). Computed once per process.
 */
export function knowledgeCodeId(): string {
  if (codeId) return codeId;
  const hash = createHash('sha256');
  const root = projectRoot();
  const sources = join(root, 'src', 'knowledge');
  if (existsSync(sources)) {
    for (const file of listFiles(sources)) hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  } else {
    hash.update(readFileSync(fileURLToPath(import.meta.url)));
  }
  for (const name of SNAPSHOT_PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
    hash.update(`${name}@${version ?? '?'}\0`);
  }
  codeId = hash.digest('hex');
  return codeId;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
