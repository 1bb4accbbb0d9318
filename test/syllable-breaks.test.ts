import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prepareSyllableBreaks, syllableBreaks } from '../src/knowledge/analyzer/compound-splitter.js';
import { tokenizeWords } from '../src/knowledge/analyzer/german-normalizer.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';

const hyphenDe = createRequire(import.meta.url)('hyphen/de') as { hyphenateSync(text: string, options: { minWordLength: number }): string };

/** The breaks of one word hyphenated on its own. */
function alone(word: string): number[] {
  const breaks: number[] = [];
  let offset = 0;
  for (const char of hyphenDe.hyphenateSync(word, { minWordLength: 5 })) {
    if (char === '\u00ad') breaks.push(offset);
    else offset += char.length;
  }
  return breaks;
}

describe('syllable breaks prepared for many words at once', () => {
  it('are the breaks of each word hyphenated on its own', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const words = new Set(['zweckverbandssatzung', 'covid19', 'ab', 'straße', 'kitagebühren2026']);
    for (const a of kb.articles) {
      for (const text of [a.title, ...a.questions, ...a.keywords, ...a.sections.map((s) => s.text)]) {
        for (const word of tokenizeWords(text)) words.add(word.toLowerCase());
      }
    }
    prepareSyllableBreaks(words);
    for (const word of words) expect(syllableBreaks(word), word).toEqual(alone(word));
  });
});
