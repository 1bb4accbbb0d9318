import { mkdir, writeFile, cp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { META_FOLDER } from '../src/knowledge/load-knowledge.js';
import type { Article, ArticleSection, KnowledgeBase } from '../src/knowledge/types.js';
import { seededRandom, type Random } from './random.js';

/** Syllables of the made-up place names that make every synthetic article's terms differ. */
const SYLLABLES = [
  'ber',
  'lin',
  'gau',
  'hof',
  'tal',
  'wald',
  'mar',
  'dorf',
  'stein',
  'feld',
  'bach',
  'au',
  'ro',
  'ka',
  'ni',
  'sel',
  'ten',
  'win',
  'mu',
  'bra',
  'lo',
  'hei',
  'mer',
  'sto',
  'kir',
  'ach',
  'den',
  'fur',
];

/**
 * A knowledge base of `count` articles generated in memory from real ones: each is a copy of a real
 * article (block `b` of copies gets ids `<id>-v<b>`, related ids point into the same block) whose
 * questions, keywords and section texts are mixed with those of other articles and which mentions a
 * random made-up place name ("Marbachtal"), so titles, terms and statistics differ from article to article.
 * Deterministic for a given seed.
 *
 * @example
 * ```ts
 * const big = syntheticKnowledgeBase(shipped, 10_000);
 * const service = KnowledgeService.fromKnowledgeBase(big);
 * ```
 */
export function syntheticKnowledgeBase(real: KnowledgeBase, count: number, seed = 20260101): KnowledgeBase {
  const random = seededRandom(seed);
  const sources = real.articles;
  if (sources.length === 0) throw new Error('the real knowledge base has no articles to copy');
  const sentences = sources.flatMap((a) => a.sections.flatMap((s) => splitSentences(s.text)));
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const block = Math.floor(i / sources.length);
    const base = sources[i % sources.length]!;
    const other = random.pick(sources);
    const place = placeName(random);
    const suffix = `-v${block}`;
    articles.push({
      ...base,
      id: `${base.id}${suffix}`,
      title: `${base.title} – ${place}`,
      questions: [
        ...base.questions.filter(() => random.next() < 0.7),
        random.pick(other.questions),
        `${random.pick(base.questions)} (${place})`,
      ],
      keywords: [...base.keywords.filter(() => random.next() < 0.7), ...other.keywords.filter(() => random.next() < 0.3), place],
      related: base.related.map((id) => `${id}${suffix}`),
      file: `${dirname(base.file)}/${base.id}${suffix}.md`,
      sections: base.sections.map((section, index) => mixSection(section, index === 0 ? place : undefined, sentences, random)),
      internalLinks: [],
    });
  }
  // The last block may be partial: keep only related ids that exist.
  const ids = new Set(articles.map((a) => a.id));
  for (const article of articles) article.related = article.related.filter((id) => ids.has(id));
  return { articles, meta: real.meta, problems: [] };
}

/** A section with its own sentences, one sentence of another article swapped in, and the place name in the intro. */
function mixSection(section: ArticleSection, place: string | undefined, sentences: readonly string[], random: Random): ArticleSection {
  const own = splitSentences(section.text);
  const mixed = [...own];
  if (mixed.length > 1) mixed.splice(random.int(mixed.length), 1, random.pick(sentences));
  else mixed.push(random.pick(sentences));
  if (place) mixed.push(`Beispiel: die Kooperation ${place}.`);
  const text = mixed.join(' ');
  return { heading: section.heading, markdown: text, text };
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function placeName(random: Random): string {
  const parts = 2 + random.int(2);
  let name = '';
  for (let p = 0; p < parts; p++) name += random.pick(SYLLABLES);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Writes a knowledge base as Markdown files with front matter into `dir` (one file per article, in the
 * folders of the originals) and copies the `_meta` folder of `metaFrom`, so the server can load it.
 */
export async function writeKnowledgeFolder(kb: KnowledgeBase, dir: string, metaFrom: string): Promise<void> {
  await cp(join(metaFrom, META_FOLDER), join(dir, META_FOLDER), { recursive: true });
  const folders = new Set(kb.articles.map((a) => dirname(a.file)));
  for (const folder of folders) await mkdir(join(dir, folder), { recursive: true });
  for (const article of kb.articles) await writeFile(join(dir, article.file), articleMarkdown(article));
}

/** One article as a knowledge file: front matter (JSON, which is valid YAML and quick to write) and the Markdown body. */
export function articleMarkdown(article: Article): string {
  const front: Record<string, unknown> = {
    id: article.id,
    title: article.title,
    questions: article.questions,
    keywords: article.keywords,
    source: article.source,
    further_sources: article.furtherSources,
    as_of: article.asOf,
    ...(article.asOfNote ? { as_of_note: article.asOfNote } : {}),
    ...(article.version ? { version: article.version } : {}),
    ...(article.reviewed ? { reviewed: article.reviewed } : {}),
    related: article.related,
    offers: article.offers,
  };
  const body = article.sections.map((s) => (s.heading === null ? s.markdown : `## ${s.heading}\n${s.markdown}`)).join('\n\n');
  return `---\n${JSON.stringify(front, null, 1)}\n---\n${body}\n`;
}
