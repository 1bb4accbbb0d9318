import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { programmeParametersSchema } from '../funding/programme-parameters.js';
import { THESAURUS_FILES, parseThesaurus } from '../language/thesaurus.js';
import { articleFrontMatterSchema } from './article-schema.js';
import { describeIssues } from './schema-messages.js';
import { intentsFileSchema } from './intent-schema.js';
import { parseBody } from './markdown.js';
import { detailsFileSchema } from './details-schema.js';
import type { Article, KnowledgeBase, KnowledgeMeta, KnowledgeProblem } from './types.js';

/** Folder inside the knowledge base that holds analyser and scope data instead of articles. */
export const META_FOLDER = '_meta';

// YAML reads `2027` as a number; a word list means it as text.
const word = z.union([z.string(), z.number()]).transform(String);
const wordList = z.array(word).default([]);
const synonymGroupList = z.array(z.array(word).min(2, { error: 'a group needs at least 2 entries' })).default([]);
const synonymsSchema = z.object({ equivalents: synonymGroupList, related: synonymGroupList });
const analyzerSchema = z.object({
  stopwords: z.object({ keep: wordList, add: wordList }).default({ keep: [], add: [] }),
  outside_scope: wordList,
  outside_topics: wordList,
  framing: wordList,
  framing_persons: wordList,
  idioms: z
    .record(
      z.string(),
      z.union([z.string(), z.null()]).transform((meaning) => meaning ?? ''),
    )
    .default({}),
});

/**
 * Reads every article (`**\/*.md`) and the analyser data (`_meta/*.yml`) of a knowledge folder. A broken file is
 * reported in `problems` and left out, so the bot keeps serving the rest (cross-file checks: `checkKnowledgeBase`).
 */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  return parseKnowledgeFiles(await readKnowledgeFiles(dir));
}

/** The files of a knowledge folder: article path (sorted, `/`) → content; `_meta/<name>.yml` → text (`undefined`: missing). */
export interface KnowledgeFiles {
  articles: Map<string, Buffer | string>;
  meta: Map<string, string | undefined>;
}

const META_FILES = [
  'synonyms.yml',
  'analyzer.yml',
  'foerderprogramm.yml',
  'intents.yml',
  'details.yml',
  THESAURUS_FILES.subset,
  THESAURUS_FILES.words,
].map((name) => `${META_FOLDER}/${name}`);

/** How many files are read at the same time (a folder of thousands must not run out of file handles). */
const PARALLEL_READS = 64;

/** Reads all files of a knowledge folder (see `KnowledgeFiles`). */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFiles> {
  const files: KnowledgeFiles = { articles: new Map(), meta: new Map() };
  for await (const [file, content] of eachKnowledgeFile(dir)) {
    if (file.startsWith(`${META_FOLDER}/`)) files.meta.set(file, content?.toString('utf8'));
    else files.articles.set(file, content!);
  }
  return files;
}

/** The files of a knowledge folder one by one, in the order of `KnowledgeFiles`, for a caller that need not keep them. */
export async function* eachKnowledgeFile(dir: string): AsyncGenerator<[file: string, content: Buffer | undefined]> {
  const paths = await listMarkdownFiles(dir);
  for (let start = 0; start < paths.length; start += PARALLEL_READS) {
    const batch = paths.slice(start, start + PARALLEL_READS);
    const contents = await Promise.all(batch.map((file) => readFile(join(dir, file))));
    for (let i = 0; i < batch.length; i++) yield [batch[i]!, contents[i]];
  }
  for (const file of META_FILES) yield [file, await readIfExists(join(dir, file))];
}

/** Parses the files of a knowledge base (pure; see `loadKnowledgeBase`). */
export function parseKnowledgeFiles(files: KnowledgeFiles): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const articles: Article[] = [];
  const fileById = new Map<string, string>();
  for (const [file, content] of files.articles) {
    const result = parseArticle(file, content.toString());
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const other = fileById.get(result.article.id);
    if (other) {
      problems.push({ file, severity: 'error', reason: `duplicate id "${result.article.id}" (already used by ${other})` });
      continue;
    }
    fileById.set(result.article.id, file);
    // A copy: the parsed texts are slices of the file's text and would keep all of it alive (2,000 articles:
    // 24 MB of file texts kept besides the articles).
    const article = structuredClone(result.article);
    // A section without markup has its Markdown as its text: one string, not two equal ones (the copy made two).
    for (const section of article.sections) if (section.text === section.markdown) section.text = section.markdown;
    articles.push(article);
  }
  return { articles, meta: parseMeta(files.meta, problems), problems };
}

/** Parses one article file (pure; `file` relative to the knowledge folder): the article, or why it is unusable. */
export function parseArticle(file: string, content: string): { article: Article } | { problems: KnowledgeProblem[] } {
  const error = (reason: string): KnowledgeProblem => ({ file, severity: 'error', reason });
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object keeps gray-matter from serving a cached result for equal content.
    parsed = matter(content, {});
  } catch (cause) {
    return { problems: [error(`invalid front matter: ${firstLine((cause as Error).message)}`)] };
  }
  if (Object.keys(parsed.data).length === 0) {
    return { problems: [error('missing front matter (expected a YAML block between --- lines at the top)')] };
  }
  const front = articleFrontMatterSchema.safeParse(parsed.data);
  if (!front.success) return { problems: describeIssues(front.error, parsed.data).map(error) };
  const expectedName = `${front.data.id}.md`;
  if (posix.basename(file) !== expectedName) {
    return { problems: [error(`id "${front.data.id}" does not match the file name (expected ${expectedName})`)] };
  }
  const body = parseBody(parsed.content);
  if (body.sections[0]?.heading !== null || body.sections[0].text.length === 0) {
    return { problems: [error('the body must start with a short answer paragraph before the first ## heading')] };
  }
  const folder = posix.dirname(file);
  const internalLinks = body.relativeLinks.map((link) => posix.normalize(posix.join(folder, link.split('#')[0]!)));
  return { article: { ...front.data, file, sections: body.sections, internalLinks } };
}

async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.') || part === META_FOLDER))
    .sort();
}

function parseMeta(files: ReadonlyMap<string, string | undefined>, problems: KnowledgeProblem[]): KnowledgeMeta {
  const text = (name: string) => files.get(`${META_FOLDER}/${name}`);
  const yaml = <T>(name: string, schema: z.ZodType<T>) => parseYamlFile(`${META_FOLDER}/${name}`, text(name), schema, problems);
  const synonyms = yaml('synonyms.yml', synonymsSchema);
  const analyzer = yaml('analyzer.yml', analyzerSchema);
  return {
    synonymGroups: synonyms
      ? [...synonyms.equivalents.map((words) => ({ words, exact: true })), ...synonyms.related.map((words) => ({ words, exact: false }))]
      : [],
    stopwords: analyzer?.stopwords ?? { keep: [], add: [] },
    outsideScope: analyzer?.outside_scope ?? [],
    outsideTopics: analyzer?.outside_topics ?? [],
    framing: analyzer?.framing ?? [],
    framingPersons: analyzer?.framing_persons ?? [],
    idioms: analyzer?.idioms ?? {},
    programme: yaml('foerderprogramm.yml', programmeParametersSchema),
    intents: yaml('intents.yml', intentsFileSchema),
    // Optional: without it the bot answers as before, so a missing file is no problem.
    details: text('details.yml') === undefined ? undefined : yaml('details.yml', detailsFileSchema),
    thesaurus: parseThesaurus(text(THESAURUS_FILES.subset), text(THESAURUS_FILES.words)),
  };
}

/** A file's bytes, or `undefined` when it does not exist (other read errors are thrown). */
async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

function parseYamlFile<T>(file: string, text: string | undefined, schema: z.ZodType<T>, problems: KnowledgeProblem[]): T | undefined {
  if (text === undefined) {
    problems.push({ file, severity: 'warning', reason: 'file is missing; search runs without it' });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (cause) {
    problems.push({ file, severity: 'error', reason: `invalid YAML: ${firstLine((cause as Error).message)}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const reason of describeIssues(result.error, data)) problems.push({ file, severity: 'error', reason });
    return undefined;
  }
  return result.data;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
