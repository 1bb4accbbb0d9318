import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleId } from '../src/knowledge/article-skeleton.js';
import { parseArticle } from '../src/knowledge/load-knowledge.js';
import { SMALL_KB } from './helpers/bot-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/kb-new.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

describe('npm run kb:new', () => {
  it('makes ids from German titles', () => {
    expect(articleId('Förderung für Ortsteil-Feuerwehren (2026)')).toBe('foerderung-fuer-ortsteil-feuerwehren-2026');
  });

  it('creates a skeleton with every front-matter field that becomes a valid article once filled in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-kbnew-'));
    cpSync(SMALL_KB, dir, { recursive: true });
    const result = await run(['Gemeinsamer Bauhof', '--folder', 'themen'], { KNOWLEDGE_DIR: dir });
    expect(result.code).toBe(0);
    const file = join(dir, 'themen/gemeinsamer-bauhof.md');
    const skeleton = readFileSync(file, 'utf8');
    for (const field of ['id:', 'title:', 'questions:', 'keywords:', 'source:', 'as_of:', 'reviewed:', 'related:'])
      expect(skeleton).toContain(field);
    const filled = skeleton.replace(/TODO Titel der offiziellen Seite/, 'Quelle').replace('https://TODO', 'https://example.org');
    writeFileSync(file, filled);
    expect('article' in parseArticle('themen/gemeinsamer-bauhof.md', filled)).toBe(true);
    expect((await run(['Gemeinsamer Bauhof', '--folder', 'themen'], { KNOWLEDGE_DIR: dir })).stderr).toContain('exists already');
  });
});
