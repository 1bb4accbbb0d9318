import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';
import { parseBody } from '../src/knowledge/markdown.js';
import { UNPACKED_ARTICLES_MAX, withPackedSections } from '../src/knowledge/packed-sections.js';
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
  for (let i = 0; i <= UNPACKED_ARTICLES_MAX; i++) void withPackedSections({}, [{ heading: null, markdown: `x${i}`, text: `x${i}` }]).sections;
}

describe('article sections kept packed', () => {
  it('read back exactly as the file says, also after being packed away again', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const expected = kb.articles.map((article) => {
      const body = readFileSync(join(SHIPPED_KB, article.file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      return parseBody(body).sections;
    });
    kb.articles.forEach((article, i) => expect(article.sections).toEqual(expected[i]));
    evictUnpacked();
    kb.articles.forEach((article, i) => expect(article.sections).toEqual(expected[i]));
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
    const article = withPackedSections({ id: 'a' }, [{ heading: null, markdown: 'alt', text: 'alt' }]);
    article.sections = replacement;
    evictUnpacked();
    expect(article.sections).toBe(replacement);
    expect({ ...article }).toEqual({ id: 'a', sections: replacement });
  });
});
