import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleSection } from './types.js';

/**
 * How many articles' sections stay unpacked at a time (the least recently read are packed away again).
 * Replies need the sections of the few articles being answered; the index reads each once while building.
 */
export const UNPACKED_ARTICLES_MAX = 256;

/** Unpacked sections by their packed form, least recently used first. */
const unpacked = new Map<Uint8Array, ArticleSection[]>();

/**
 * Gives `article` a `sections` property whose sections are kept deflated in a byte array (outside the
 * JavaScript heap) and unpacked when read, with the last `UNPACKED_ARTICLES_MAX` articles' sections
 * kept unpacked. The section texts are most of an article's memory (on 10,000 articles about 45 MB
 * of strings, 12 MB packed). The packed copy belongs to the article, so it stays right even when its
 * file is edited or broken later (a broken edit keeps the previous version live). Every reader sees a
 * plain `ArticleSection[]`; assigning `sections` replaces the packed ones with the assigned array.
 *
 * @example
 * ```ts
 * const article = withPackedSections({ ...rest }, body.sections);
 * article.sections[0]!.text; // unpacked on first read
 * ```
 */
export function withPackedSections<T extends object>(article: T, sections: readonly ArticleSection[]): T & { sections: ArticleSection[] } {
  // Level 1: nearly the size of the default level, at a fraction of the time (it runs for every article at start-up).
  // A copy in a memory block of its own: zlib's result is a view of its 16 kB output chunk, and a
  // `Buffer` copy would be a view of a shared 8 kB pool block that also holds other, dead buffers.
  const packed = new Uint8Array(deflateRawSync(JSON.stringify(sections), { level: 1 }));
  return Object.defineProperty(article, 'sections', {
    enumerable: true,
    configurable: true,
    get: () => unpack(packed),
    set(this: T, value: ArticleSection[]) {
      Object.defineProperty(this, 'sections', { value, enumerable: true, configurable: true, writable: true });
    },
  }) as T & { sections: ArticleSection[] };
}

function unpack(packed: Uint8Array): ArticleSection[] {
  let sections = unpacked.get(packed);
  if (sections) {
    // Most recently used last: the oldest entry is dropped first.
    unpacked.delete(packed);
  } else {
    sections = JSON.parse(inflateRawSync(packed).toString('utf8')) as ArticleSection[];
    if (unpacked.size >= UNPACKED_ARTICLES_MAX) unpacked.delete(unpacked.keys().next().value!);
  }
  unpacked.set(packed, sections);
  return sections;
}
