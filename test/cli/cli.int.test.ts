import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROKEN_KB, SMALL_KB } from '../helpers/bot-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a terminal tool as `npm run …` does, with optional standard input. */
function run(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'src/cli', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('npm run ask', () => {
  it('prints the answer with source and buttons for one question', async () => {
    const result = await run('ask.ts', ['Wie viel Geld gibt es für drei Kommunen?'], { env: { KNOWLEDGE_DIR: SMALL_KB } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('75.000 €');
    expect(result.stdout).toContain('Quelle: Testquelle Förderhöhe (https://example.org/foerderhoehe)');
    expect(result.stdout).toMatch(/\[1\] Unterlagen für den Antrag/);
  });

  it('ends quietly when the reader closes the output early (… | head)', async () => {
    const child = spawn(TSX, [join(ROOT, 'src/cli/ask.ts'), '--explain', 'Wie viel Geld gibt es für drei Kommunen?'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', KNOWLEDGE_DIR: SMALL_KB },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk, then close the pipe as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('explains usage without a question', async () => {
    const result = await run('ask.ts', []);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('Usage: npm run ask');
  });

  it('stops with one clear line on a bad configuration', async () => {
    const result = await run('ask.ts', ['Frage'], { env: { PORT: 'abc' } });
    expect(result.code).toBe(78);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: PORT: .*\(got "abc"\)$/);
  });
});

describe('npm run chat', () => {
  it('holds a scripted conversation: greeting, question, button by number, prompt after every turn', async () => {
    const result = await run('chat.ts', [], {
      input: 'Wie viel Geld gibt es für drei Kommunen?\n1\nhilfe\n',
      env: { KNOWLEDGE_DIR: SMALL_KB },
    });
    expect(result.code).toBe(0);
    const turns = result.stdout.split(/^> /m);
    expect(turns[0]).toContain('IKZ-Assistent');
    expect(turns[0]).toMatch(/\[1\] Förder-Check starten/);
    expect(turns[0]).toMatch(/\[3\] Wer darf einen Antrag stellen\?/);
    expect(turns[1]).toContain('75.000 €');
    expect(turns[2]).toContain('Zum Antrag gehören die Beschlüsse');
    expect(turns[3]).toContain('So nutzen Sie den IKZ-Assistenten');
    expect(result.stdout).toMatch(/^> /m);
  });
});

describe('npm run chat with the clock of a day (--at)', () => {
  it('shows computed amounts, a follow-up and the validity notice as on that day', async () => {
    const result = await new Promise<RunResult>((resolve, reject) => {
      const child = spawn('npm', ['run', '-s', 'chat', '--', '--at', '2027-01-10'], {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end('Wie viel Förderung gibt es für drei Gemeinden?\nUnd für fünf?\nKönnen wir 2027 noch einen Antrag stellen?\n');
    });
    expect(result.code).toBe(0);
    const turns = result.stdout.split(/^> /m);
    expect(turns[1]).toContain('In der Regel 75.000 € für eine Kooperation von drei Kommunen');
    expect(turns[1]).toContain('Hinweis: Die RV 2021 galt laut Beratungszentrum bis Ende 2026.');
    expect(turns[1]).toMatch(/\[1\] Förder-Check starten/);
    expect(turns[2]).toContain('In der Regel 100.000 € für eine Kooperation von fünf Kommunen (mehr als drei Partner)');
    expect(turns[3]).toContain('Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt');
  }, 60_000);

  it('refuses a date that is none, with its usage', async () => {
    const result = await run('chat.ts', ['--at', '2026-02-30']);
    expect(result.code).toBe(64);
    expect(result.stderr.trim()).toBe('--at expects a date as YYYY-MM-DD (got "2026-02-30")');
  });
});

describe('npm run kb:check', () => {
  it('passes on a valid knowledge base', async () => {
    const result = await run('kb-check.ts', ['--dir', SMALL_KB]);
    expect(result.stdout).toContain('OK: 5 articles checked');
    expect(result.code).toBe(0);
  });

  it('fails on a broken one, naming every file and reason', async () => {
    const result = await run('kb-check.ts', ['--dir', BROKEN_KB]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ERROR .*yaml-kaputt\.md: invalid front matter/);
    expect(result.stdout).toMatch(/ERROR .*ohne-quelle\.md: missing required field "source"/);
    expect(result.stdout).toMatch(/ERROR .*unterordner\/gut\.md: duplicate id "gut"/);
    expect(result.stdout).toMatch(/WARNING .*gut\.md: related id "gibt-es-nicht" points to no article/);
    expect(result.stdout).toMatch(/WARNING .*veraltet\.md: stale/);
    expect(result.stdout).toContain('FAILED');
  });
});

describe('npm run eval', () => {
  it('scores a question set through the bot and prints the JSON summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-eval-'));
    const file = join(dir, 'set.jsonl');
    writeFileSync(
      file,
      [
        { id: 'e1', question: 'Wie viel Geld gibt es für drei Kommunen?', kind: 'answerable', must_contain_any: [['75.000', '75000']] },
        { id: 'e2', question: 'Welche Unterlagen braucht der Antrag?', kind: 'answerable', must_contain_any: [['Gruppenantrag']] },
        { id: 'e3', question: 'Wie hoch ist die Hundesteuer?', kind: 'out_of_scope', must_contain_any: [] },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n'),
    );
    const result = await run('eval.ts', ['--file', file, '--json'], { env: { KNOWLEDGE_DIR: SMALL_KB } });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      total: 3,
      passed: 2,
      byKind: { answerable: { total: 2, passed: 1 }, out_of_scope: { total: 1, passed: 1 } },
    });
    expect(report.results).toEqual([
      expect.objectContaining({
        id: 'e1',
        pass: true,
        outcome: 'answer',
        articleId: 'foerderhoehe',
        reply: expect.stringContaining('75.000 €') as unknown,
      }),
      expect.objectContaining({ id: 'e2', pass: false, outcome: 'answer', articleId: 'antragsunterlagen' }),
      expect.objectContaining({ id: 'e3', pass: true, outcome: 'no_answer' }),
    ]);
  });

  it('sends the earlier messages of a follow-up first, counts wrong confident answers per topic, and scores an intent set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-eval-'));
    const questions = join(dir, 'followups.jsonl');
    writeFileSync(
      questions,
      [
        {
          id: 'f1',
          context: ['Wie viel Förderung gibt es für drei Gemeinden?'],
          question: 'Und für fünf?',
          kind: 'answerable',
          must_contain_any: [['100.000']],
          topic: 'followup',
        },
        {
          id: 'f2',
          question: 'Wie viel Förderung gibt es für drei Gemeinden?',
          kind: 'answerable',
          must_contain_any: [['Hundesteuer']],
          topic: 'amount',
        },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n'),
    );
    const result = await run('eval.ts', ['--file', questions, '--json', '--at', '2026-06-01']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      passed: 1,
      wrongConfident: { count: 1, share: 0.5 },
      byTopic: { followup: { total: 1, passed: 1, wrongConfident: 0 }, amount: { total: 1, passed: 0, wrongConfident: 1 } },
    });
    const intents = join(dir, 'intents.jsonl');
    writeFileSync(
      intents,
      '{"id": "i1", "text": "Danke", "intent": "thanks"}\n{"id": "i2", "text": "Förder-Check", "intent": "eligibility"}\n',
    );
    const text = await run('eval.ts', ['--file', intents]);
    expect(text.stdout).toContain('PASS i2 [eligibility] dialog eligibility');
    expect(text.stdout).toContain('total: 2/2 (100.0 %)');
  }, 60_000);

  it('names the line of a broken question set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-eval-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id": "x", "question": "Frage", "kind": "answerable", "must_contain_any": []}\n{kaputt\n');
    const result = await run('eval.ts', ['--file', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:2: not valid JSON');
  });
});
