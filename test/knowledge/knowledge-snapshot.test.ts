import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDecisions, recordDecisions } from '../../src/evaluation/decisions.js';
import { parseEvalSet } from '../../src/evaluation/scoring.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { knowledgeFingerprint } from '../../src/knowledge/knowledge-snapshot.js';
import { eachKnowledgeFile } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/logging/logger.js';
import { SHIPPED_KB, SMALL_KB } from '../helpers/bot-harness.js';

function editableCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-kb-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
  return { logger, text: () => lines.join('') };
}

const snapshots = (dir: string) => readdirSync(dir).filter((f) => /^knowledge-[0-9a-f]+\.json$/.test(f));

describe('knowledge snapshots', () => {
  it('restore a knowledge base that decides every team question as the freshly indexed one', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'ikz-cache-'));
    const first = capture();
    const built = await KnowledgeService.load(SHIPPED_KB, first.logger, { cacheDir });
    expect(first.text()).toMatch(/"origin":"built".*"Knowledge base loaded"/);
    const second = capture();
    const restored = await KnowledgeService.load(SHIPPED_KB, second.logger, { cacheDir });
    expect(second.text()).toMatch(/"origin":"snapshot"/);
    expect(JSON.parse(JSON.stringify(restored.articles))).toEqual(JSON.parse(JSON.stringify(built.articles)));
    const file = join(SHIPPED_KB, '..', 'eval', 'team-questions.jsonl');
    const questions = parseEvalSet(readFileSync(file, 'utf8'), file);
    const decide = (knowledge: KnowledgeService) => recordDecisions((q) => knowledge.answer(q), questions);
    expect(compareDecisions(decide(built), decide(restored))).toEqual([]);
    const sections = (knowledge: KnowledgeService) =>
      questions.map(({ question }) => {
        const decision = knowledge.answer(question);
        return decision.outcome === 'answer' ? decision.sections.map((s) => s.heading) : [];
      });
    expect(sections(restored)).toEqual(sections(built));
  });

  it('index an edited folder anew, skip a damaged snapshot with a warning, and keep only the newest few', async () => {
    const dir = editableCopy(SMALL_KB);
    const cacheDir = mkdtempSync(join(tmpdir(), 'ikz-cache-'));
    const question = 'Was ist ein Zweckverband?';
    await KnowledgeService.load(dir, createLogger('silent'), { cacheDir });
    const article = join(dir, 'themen/zweckverband.md');
    writeFileSync(
      article,
      readFileSync(article, 'utf8').replace(
        'Ein Zweckverband ist eine juristische Person',
        'Ein Zweckverband ist eine Körperschaft des öffentlichen Rechts',
      ),
    );
    const edited = capture();
    const knowledge = await KnowledgeService.load(dir, edited.logger, { cacheDir });
    expect(edited.text()).toMatch(/"origin":"built"/);
    const decision = knowledge.answer(question);
    expect(decision.outcome === 'answer' && decision.sections[0]!.text).toMatch(/Körperschaft/);
    expect(snapshots(cacheDir)).toHaveLength(2);

    for (const name of snapshots(cacheDir)) writeFileSync(join(cacheDir, name), readFileSync(join(cacheDir, name)).subarray(0, 100));
    const damaged = capture();
    const again = await KnowledgeService.load(dir, damaged.logger, { cacheDir });
    expect(damaged.text()).toMatch(/Knowledge snapshot unusable; indexing the knowledge base instead/);
    expect(again.answer(question).outcome).toBe('answer');
    // The damaged file was replaced by a good one.
    const restored = capture();
    await KnowledgeService.load(dir, restored.logger, { cacheDir });
    expect(restored.text()).toMatch(/"origin":"snapshot"/);

    for (const text of ['Noch ein Satz.', 'Und noch einer.']) {
      writeFileSync(article, `${readFileSync(article, 'utf8')}\n${text}\n`);
      await KnowledgeService.load(dir, createLogger('silent'), { cacheDir });
    }
    expect(snapshots(cacheDir)).toHaveLength(3);
  });

  it('still load when the cache folder cannot be written', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'ikz-cache-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const log = capture();
    const knowledge = await KnowledgeService.load(SMALL_KB, log.logger, { cacheDir: join(blocker, 'cache') });
    expect(log.text()).toMatch(/Cannot save the knowledge snapshot/);
    expect(knowledge.answer('Was ist ein Zweckverband?').outcome).toBe('answer');
  });

  it('have a fingerprint that changes with the code and with any article, analyser file or missing file', async () => {
    const dir = editableCopy(SMALL_KB);
    const fingerprint = (code = 'code') => knowledgeFingerprint(eachKnowledgeFile(dir), code);
    const first = await fingerprint();
    expect(await fingerprint()).toBe(first);
    expect(await fingerprint('other code')).not.toBe(first);
    const article = join(dir, 'themen/zweckverband.md');
    writeFileSync(article, `${readFileSync(article, 'utf8')}\nNoch ein Satz.\n`);
    const edited = await fingerprint();
    expect(edited).not.toBe(first);
    writeFileSync(join(dir, '_meta/synonyms.yml'), '');
    const emptied = await fingerprint();
    expect(emptied).not.toBe(edited);
    rmSync(join(dir, '_meta/synonyms.yml'));
    expect(await fingerprint()).not.toBe(emptied);
  });
});
