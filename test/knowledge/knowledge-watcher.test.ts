import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { watchKnowledge } from '../../src/knowledge/knowledge-watcher.js';
import { createLogger } from '../../src/logging/logger.js';
import { SMALL_KB } from '../helpers/bot-harness.js';

/** A copy of the small knowledge base that the test may edit. */
function editableCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-kb-'));
  cpSync(SMALL_KB, dir, { recursive: true });
  return dir;
}

async function until<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live reload of the knowledge base', () => {
  it('answers the new way within seconds after an editor saves a file, without a restart', async () => {
    const dir = editableCopy();
    const knowledge = await KnowledgeService.load(dir, createLogger('silent'));
    const watcher = watchKnowledge(dir, knowledge, createLogger('silent'), { delayMs: 100 });
    try {
      const file = join(dir, 'themen/zweckverband.md');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'Ein Zweckverband ist eine juristische Person',
          'Ein Zweckverband ist eine Körperschaft des öffentlichen Rechts',
        ),
      );
      await until(() => {
        const decision = knowledge.answer('Was ist ein Zweckverband?');
        return decision.outcome === 'answer' && decision.sections[0]!.text.includes('Körperschaft') ? true : undefined;
      });
    } finally {
      watcher.close();
    }
  });

  it('rejects a broken edit, keeps the previous version live and logs the file and reason', async () => {
    const dir = editableCopy();
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
    const knowledge = await KnowledgeService.load(dir, logger);
    let reloads = 0;
    const watcher = watchKnowledge(dir, knowledge, logger, { delayMs: 100, onReload: () => reloads++ });
    try {
      writeFileSync(join(dir, 'themen/zweckverband.md'), '---\nid: zweckverband\ntitle: "kaputt\n---\nText\n');
      await until(() => (reloads > 0 ? true : undefined));
      const decision = knowledge.answer('Was ist ein Zweckverband?');
      expect(decision.outcome === 'answer' && decision.article.id).toBe('zweckverband');
      expect(lines.join('')).toMatch(
        /Knowledge edit rejected, previous version stays live: themen\/zweckverband\.md: invalid front matter/,
      );
    } finally {
      watcher.close();
    }
  });

  it('picks up articles in a folder moved into the knowledge base', async () => {
    const dir = editableCopy();
    const knowledge = await KnowledgeService.load(dir, createLogger('silent'));
    const watcher = watchKnowledge(dir, knowledge, createLogger('silent'), { delayMs: 100 });
    try {
      const outside = mkdtempSync(join(tmpdir(), 'ikz-new-topic-'));
      mkdirSync(join(outside, 'bauhof'));
      writeFileSync(
        join(outside, 'bauhof', 'bauhof.md'),
        '---\nid: bauhof\ntitle: "Gemeinsamer Bauhof"\nquestions: [Können wir einen Bauhof teilen?, Bauhof gemeinsam betreiben]\nkeywords: [Bauhof]\nsource: {title: Test, url: "https://example.org/bauhof"}\nas_of: 2026-11-01\n---\nEin gemeinsamer Bauhof ist eine typische Kooperation.\n',
      );
      renameSync(join(outside, 'bauhof'), join(dir, 'bauhof'));
      await until(() => (knowledge.answer('gemeinsamer Bauhof').outcome === 'answer' ? true : undefined));
    } finally {
      watcher.close();
    }
  });

  it('picks up a new article and a new synonym', async () => {
    const dir = editableCopy();
    const knowledge = await KnowledgeService.load(dir, createLogger('silent'));
    writeFileSync(
      join(dir, 'themen/bauhof.md'),
      '---\nid: bauhof\ntitle: "Gemeinsamer Bauhof"\nquestions: [Können wir einen Bauhof teilen?, Bauhof gemeinsam betreiben]\nkeywords: [Bauhof]\nsource: {title: Test, url: "https://example.org/bauhof"}\nas_of: 2026-11-01\n---\nEin gemeinsamer Bauhof ist eine typische Kooperation.\n',
    );
    const result = await knowledge.reload(dir);
    expect(result.rejected).toEqual([]);
    expect(knowledge.answer('gemeinsamer Bauhof').outcome).toBe('answer');
  });
});
