import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvalSet } from '../src/evaluation/scoring.js';
import { decideAnswer, type AnswerDecision } from '../src/knowledge/answer-engine.js';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index.js';
import { KnowledgeService } from '../src/knowledge/knowledge-service.js';
import { loadKnowledgeBase, readKnowledgeFiles } from '../src/knowledge/load-knowledge.js';
import { fingerprintKnowledgeFolder, KnowledgeFingerprint } from '../src/knowledge/snapshot/knowledge-fingerprint.js';
import { deserializeKnowledge, serializeKnowledge } from '../src/knowledge/snapshot/knowledge-snapshot.js';
import { createLogger } from '../src/logging/logger.js';
import { SHIPPED_KB, SMALL_KB } from './helpers/bot-harness.js';

const TEAM_QUESTIONS = join(SHIPPED_KB, '..', 'eval', 'team-questions.jsonl');

/** What a user would notice of a decision: outcome, article, sections shown, candidates offered. */
function visible(decision: AnswerDecision) {
  return {
    outcome: decision.outcome,
    article: decision.outcome === 'answer' ? decision.article.id : undefined,
    sections: decision.outcome === 'answer' ? decision.sections.map((s) => s.heading) : undefined,
    score: decision.outcome === 'answer' ? decision.score : undefined,
    candidates: decision.candidates.map((c) => [c.article.id, c.coverage, c.questionMatch]),
  };
}

function editableCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-kb-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
  return { logger, lines, text: () => lines.join('') };
}

describe('knowledge snapshots', () => {
  it('restore an index that decides every question exactly as the freshly built one', async () => {
    const kb = await loadKnowledgeBase(SHIPPED_KB);
    const built = KnowledgeIndex.build(kb);
    const restored = deserializeKnowledge(serializeKnowledge('a'.repeat(64), kb, built), 'a'.repeat(64));
    expect(restored.kb.articles.map((a) => a.id)).toEqual(kb.articles.map((a) => a.id));
    // Every field, the packed ones (sections, questions, sources) included.
    expect(JSON.parse(JSON.stringify(restored.kb))).toEqual(JSON.parse(JSON.stringify(kb)));
    const questions = parseEvalSet(readFileSync(TEAM_QUESTIONS, 'utf8'), TEAM_QUESTIONS).map((q) => q.question);
    questions.push('Gibt es Geld für Kooperationen in Bayern?', 'Fördergeldantrag Zweckverbandssatzung', 'Personalausweis verlängern', '');
    expect(questions.length).toBeGreaterThan(50);
    for (const question of questions) {
      const fresh = visible(decideAnswer(built, question, kb.meta.outsideScope));
      expect(visible(decideAnswer(restored.index, question, restored.kb.meta.outsideScope)), question).toEqual(fresh);
    }
  });

  it('are refused when they are of other files or damaged', async () => {
    const kb = await loadKnowledgeBase(SMALL_KB);
    const bytes = serializeKnowledge('b'.repeat(64), kb, KnowledgeIndex.build(kb));
    expect(() => deserializeKnowledge(bytes, 'c'.repeat(64))).toThrow(/other files/);
    expect(() => deserializeKnowledge(bytes.subarray(0, bytes.length / 2), 'b'.repeat(64))).toThrow();
    expect(() => deserializeKnowledge(Buffer.from('not a snapshot'), 'b'.repeat(64))).toThrow();
  });

  it('have a fingerprint that changes with the code and with any article, analyser file or missing file', async () => {
    const dir = editableCopy(SMALL_KB);
    const fingerprint = () => fingerprintKnowledgeFolder(dir, 'code');
    const first = await fingerprint();
    expect(await fingerprint()).toBe(first);
    expect(await fingerprintKnowledgeFolder(dir, 'other code')).not.toBe(first);
    // Taken while reading the files for indexing, it is the same.
    const whileReading = new KnowledgeFingerprint('code');
    await readKnowledgeFiles(dir, whileReading.add);
    expect(whileReading.digest()).toBe(first);
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

describe('loading through the snapshot cache', () => {
  it('indexes once, then restores; an edited file is indexed anew and answered the new way', async () => {
    const dir = editableCopy(SMALL_KB);
    const cacheDir = mkdtempSync(join(tmpdir(), 'ikz-cache-'));
    const first = capture();
    const built = await KnowledgeService.load(dir, first.logger, { cacheDir, buildInChild: false });
    expect(first.text()).toMatch(/"origin":"inline".*"Knowledge base loaded"/);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1);

    const second = capture();
    const restored = await KnowledgeService.load(dir, second.logger, { cacheDir, buildInChild: false });
    expect(second.text()).toMatch(/"origin":"snapshot"/);
    const question = 'Was ist ein Zweckverband?';
    expect(visible(restored.answer(question))).toEqual(visible(built.answer(question)));

    const file = join(dir, 'themen/zweckverband.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Ein Zweckverband ist eine juristische Person', 'Ein Zweckverband ist eine Körperschaft des öffentlichen Rechts'));
    const third = capture();
    const edited = await KnowledgeService.load(dir, third.logger, { cacheDir, buildInChild: false });
    expect(third.text()).toMatch(/"origin":"inline"/);
    const decision = edited.answer(question);
    expect(decision.outcome === 'answer' && decision.sections[0]!.text).toMatch(/Körperschaft/);
  });

  it('indexes in a child process, whose snapshot the server then restores', async () => {
    const dir = editableCopy(SMALL_KB);
    const cacheDir = mkdtempSync(join(tmpdir(), 'ikz-cache-'));
    const log = capture();
    const knowledge = await KnowledgeService.load(dir, log.logger, { cacheDir });
    expect(log.text()).toMatch(/"origin":"builder"/);
    expect(log.text()).not.toMatch(/"level":40/);
    const decision = knowledge.answer('Was ist ein Zweckverband?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('zweckverband');
  }, 60_000);

  it('skips a damaged snapshot with a warning and answers from a fresh index', async () => {
    const dir = editableCopy(SMALL_KB);
    const cacheDir = mkdtempSync(join(tmpdir(), 'ikz-cache-'));
    await KnowledgeService.load(dir, createLogger('silent'), { cacheDir, buildInChild: false });
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.snapshot'));
    writeFileSync(join(cacheDir, file!), readFileSync(join(cacheDir, file!)).subarray(0, 100));
    const log = capture();
    const knowledge = await KnowledgeService.load(dir, log.logger, { cacheDir, buildInChild: false });
    expect(log.text()).toMatch(/Knowledge snapshot unusable; indexing the knowledge base instead/);
    expect(log.text()).toMatch(/"origin":"inline"/);
    const decision = knowledge.answer('Was ist ein Zweckverband?');
    expect(decision.outcome === 'answer' && decision.article.id).toBe('zweckverband');
    // The damaged file was replaced by a good one.
    const again = capture();
    await KnowledgeService.load(dir, again.logger, { cacheDir, buildInChild: false });
    expect(again.text()).toMatch(/"origin":"snapshot"/);
  });

  it('still starts when the cache folder cannot be written', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'ikz-cache-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const log = capture();
    const knowledge = await KnowledgeService.load(SMALL_KB, log.logger, { cacheDir: join(blocker, 'cache'), buildInChild: false });
    expect(log.text()).toMatch(/Cannot save the knowledge snapshot/);
    expect(knowledge.articleCount).toBeGreaterThan(0);
  });
});
