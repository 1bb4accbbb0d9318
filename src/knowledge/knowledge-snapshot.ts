import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logging/logger.js';
import { projectRoot } from '../shared/project-root.js';
import { KnowledgeIndex, type KnowledgeIndexData } from './knowledge-index.js';
import { eachKnowledgeFile, parseKnowledgeFiles, readKnowledgeFiles, type KnowledgeFiles } from './load-knowledge.js';
import type { Article, ArticleSection, KnowledgeBase } from './types.js';

/** Raise it whenever the snapshot's content changes shape (the fingerprint includes it). */
const SNAPSHOT_FORMAT = 5;
/** How many snapshots a cache folder keeps (the newest): the current one and two to switch back to. */
const SNAPSHOTS_KEPT = 3;

/** A loaded knowledge base with its index, and where it came from. */
export interface IndexedKnowledge {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  origin: 'snapshot' | 'built';
}

/**
 * Loads and indexes a knowledge folder. With `cacheDir`, a saved snapshot of exactly these files (and this code) is
 * restored instead, or a fresh one saved. A snapshot is a file of JSON lines named by the files' fingerprint: a header,
 * one line per article, then MiniSearch's JSON. A damaged snapshot or an unwritable folder is logged and costs only speed.
 */
export async function loadIndexedKnowledge(dir: string, logger: Logger, cacheDir?: string): Promise<IndexedKnowledge> {
  if (!cacheDir) return build(await readKnowledgeFiles(dir));
  // The files are only hashed here, not kept: a restart needs none of them (2,000 articles are 14 MB).
  const file = snapshotFile(cacheDir, await knowledgeFingerprint(eachKnowledgeFile(dir)));
  try {
    const restored = await readSnapshot(file);
    if (restored) return restored;
  } catch (error) {
    logger.warn({ err: error, file }, 'Knowledge snapshot unusable; indexing the knowledge base instead');
  }
  // Read again to index them; named by what was indexed, should a file have changed in between.
  const { built, fingerprint: indexed } = await readAndBuild(dir);
  try {
    await writeSnapshot(snapshotFile(cacheDir, indexed), built);
  } catch (error) {
    logger.warn({ err: error, dir: cacheDir }, 'Cannot save the knowledge snapshot; the next start indexes the knowledge base again');
  }
  return built;
}

/** Reads, fingerprints and indexes a knowledge folder; the files' bytes are garbage when it returns. */
async function readAndBuild(dir: string): Promise<{ built: IndexedKnowledge; fingerprint: string }> {
  const files = await readKnowledgeFiles(dir);
  return { built: build(files), fingerprint: await knowledgeFingerprint([...files.articles, ...files.meta]) };
}

function build(files: KnowledgeFiles): IndexedKnowledge {
  const kb = parseKnowledgeFiles(files);
  return { kb, index: KnowledgeIndex.build(kb), origin: 'built' };
}

/** The first line of a snapshot file: all but the articles and MiniSearch's JSON, which follow on their own lines. */
interface SnapshotHeader extends Omit<KnowledgeIndexData, 'search'> {
  format: number;
  /** How many lines of articles follow (one article a line). */
  articles: number;
  meta: KnowledgeBase['meta'];
  problems: KnowledgeBase['problems'];
}

/**
 * Restores a snapshot, or `undefined` when there is none. Read line by line: a restart never holds the whole file
 * (2,000 articles: 17 MB) or the text of all articles as one string.
 */
async function readSnapshot(file: string): Promise<IndexedKnowledge | undefined> {
  if (!existsSync(file)) return undefined;
  let header: SnapshotHeader | undefined;
  const articles: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!header) {
      header = JSON.parse(line) as SnapshotHeader;
      if (header.format !== SNAPSHOT_FORMAT) throw new Error('not a knowledge snapshot of this format');
    } else if (articles.length < header.articles) {
      const article = JSON.parse(line) as Article;
      for (const section of article.sections) section.text ??= section.markdown;
      articles.push(article);
    } else {
      const kb: KnowledgeBase = { articles, meta: header.meta, problems: header.problems };
      return { kb, index: KnowledgeIndex.fromJSON(kb, { ...header, search: line }), origin: 'snapshot' };
    }
  }
  throw new Error('the knowledge snapshot ends early');
}

/** Saves a snapshot under a temporary name and renames it (a reader never sees half a file); keeps the newest few. */
async function writeSnapshot(file: string, { kb, index }: IndexedKnowledge): Promise<void> {
  const { search, vocabulary, lowerCase } = index.toJSON();
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    articles: kb.articles.length,
    meta: kb.meta,
    problems: kb.problems,
    vocabulary,
    lowerCase,
  };
  const dir = join(file, '..');
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Written line by line too: the text of all articles as one string would be many MB more at once.
  function* lines(): Generator<string> {
    yield `${JSON.stringify(header)}\n`;
    // A section's text is left out where it is its Markdown (no markup); the reader shares the one string.
    for (const article of kb.articles) yield `${JSON.stringify(article, withoutPlainTexts)}\n`;
    yield search;
  }
  await writeFile(temporary, lines());
  await rename(temporary, file);
  const snapshots = (await readdir(dir)).filter((name) => /^knowledge-[0-9a-f]+\.json$/.test(name)).map((name) => join(dir, name));
  const dated = await Promise.all(snapshots.map(async (path) => ({ path, mtimeMs: (await stat(path)).mtimeMs })));
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(dated.slice(SNAPSHOTS_KEPT).map(({ path }) => rm(path, { force: true })));
}

/** `JSON.stringify`'s replacer for an article: leaves out a section's text where it is the section's Markdown. */
function withoutPlainTexts(this: unknown, key: string, value: unknown): unknown {
  return key === 'text' && value === (this as ArticleSection).markdown ? undefined : value;
}

/** The fingerprint of a knowledge base's files with the code that indexes them and the snapshot format. */
export async function knowledgeFingerprint(
  files: AsyncIterable<[string, string | Buffer | undefined]> | Iterable<[string, string | Buffer | undefined]>,
  codeId = knowledgeCodeId(),
): Promise<string> {
  const hash = createHash('sha256');
  const field = (value: string | Buffer) => hash.update(`${Buffer.byteLength(value)}:`).update(value);
  field(`format ${SNAPSHOT_FORMAT}`);
  field(codeId);
  for await (const [file, content] of files) {
    field(file);
    // A missing file differs from an empty one.
    hash.update(content === undefined ? '-' : '+');
    field(content ?? '');
  }
  return hash.digest('hex');
}

function snapshotFile(cacheDir: string, fingerprint: string): string {
  return join(cacheDir, `knowledge-${fingerprint}.json`);
}

let codeId: string | undefined;

/**
 * What identifies the code that turns knowledge files into an index: the sources of `src/knowledge/` and
 * `src/language/` with the lock file where they are there, else the bundle itself. Computed once per process.
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
