import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { parseBody } from '../src/knowledge/markdown.js';
import { UNPACKED_ARTICLES_MAX, withPackedFields } from '../src/knowledge/packed-fields.js';
import { createLogger } from '../src/logging/logger.js';
import type { ArticleSection } from '../src/knowledge/types.js';
import { SHIPPED_KB, SMALL_KB } from './helpers/bot-harness.js';

function editableCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-kb-packed-'));
  cpSync(SMALL_KB, dir, { recursive: true });
  return dir;
}

/** Reads the sections of so many other articles that every earlier one is packed away again. */
function evictUnpacked(): void {
  for (let i = 0; i <= UNPACKED_ARTICLES_MAX; i++) void withPackedFields({ sections: [`x${i}`] }, ['sections']).sections;
}

describe('article fields kept packed', () => {
  it('read back exactly as the file says, also after being packed away again', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const files = kb.articles.map((article) => matter(readFileSync(join(SHIPPED_KB, article.file), 'utf8'), {}));
    const expected = files.map((file) => parseBody(file.content).sections);
    const check = () =>
      kb.articles.forEach((article, i) => {
        const data = files[i]!.data as Record<string, unknown>;
        expect(article.sections).toEqual(expected[i]);
        expect(article.questions).toEqual((data.questions as unknown[]).map(String));
        expect(article.keywords).toEqual(((data.keywords ?? []) as unknown[]).map(String));
        expect(article.source).toEqual(data.source);
        expect(article.asOfNote).toBe(data.as_of_note);
      });
    check();
    evictUnpacked();
    check();
    expect(JSON.parse(JSON.stringify(kb.articles[0]))).toMatchObject({ sections: expected[0] });
  });

  it('keep the loaded text until the reload, and a broken edit keeps the previous text live', async () => {
    const dir = editableCopy();
    const knowledge = await KnowledgeService.load(dir, createLogger('silent'));
    const file = join(dir, 'themen/zweckverband.md');
    const original = knowledge.article('zweckverband')!.sections[0]!.text;
    expect(original).toContain('juristische Person');

    writeFileSync(file, readFileSync(file, 'utf8').replace('juristische Person', 'Körperschaft des öffentlichen Rechts'));
    evictUnpacked();
    // Not reloaded yet: the article as loaded, never a mix of old metadata and new text.
    expect(knowledge.article('zweckverband')!.sections[0]!.text).toBe(original);
    await knowledge.reload(dir);
    expect(knowledge.article('zweckverband')!.sections[0]!.text).toContain('Körperschaft des öffentlichen Rechts');

    const edited = knowledge.article('zweckverband')!.sections[0]!.text;
    writeFileSync(file, '---\nid: zweckverband\ntitle: "kaputt\n---\nText\n');
    const { rejected } = await knowledge.reload(dir);
    expect(rejected.map((p) => p.file)).toEqual(['themen/zweckverband.md']);
    evictUnpacked();
    const decision = knowledge.answer('Was ist ein Zweckverband?');
    expect(decision.outcome === 'answer' && decision.sections[0]!.text).toBe(edited);
  });

  it('can be replaced by assigning sections', () => {
    const replacement: ArticleSection[] = [{ heading: null, markdown: 'neu', text: 'neu' }];
    const original: ArticleSection[] = [{ heading: null, markdown: 'alt', text: 'alt' }];
    const article = withPackedFields({ id: 'a', sections: original }, ['sections']);
    article.sections = replacement;
    evictUnpacked();
    expect(article.sections).toBe(replacement);
    expect({ ...article }).toEqual({ id: 'a', sections: replacement });
  });
});
