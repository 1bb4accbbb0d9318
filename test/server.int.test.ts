import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createApp } from '../src/http/create-app.js';
import { silentLogger } from '../src/logging/logger.js';
import { FakeChannel } from './helpers/fake-channel.js';
import { BROKEN_KB } from './helpers/bot-harness.js';
import { readJson } from './helpers/json.js';
import { nodeLtsBinary } from './helpers/node-lts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the built server as `npm start` does (`node dist/server.cjs`, after `npm run build`) on a free
 * port and waits until it is ready; `logs()` returns its output so far.
 */
async function startServerProcess(env: Record<string, string>, node = process.execPath) {
  const child = spawn(node, ['dist/server.cjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  for (let i = 0; i < 100 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200; i++)
    await new Promise((r) => setTimeout(r, 100));
  return { child, port, exited, logs: () => output };
}

/** Posts a user's message to the server's `/api/messages`, as a channel would (replies go to `serviceUrl`). */
function postMessage(port: number, serviceUrl: string, message: { id: string; text: string; user?: string; conversation: string }) {
  return fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: message.id,
      text: message.text,
      channelId: 'test',
      serviceUrl,
      from: { id: message.user ?? 'u' },
      recipient: { id: 'bot' },
      conversation: { id: message.conversation },
    }),
  });
}

// Spawned as `npm start` runs it: the bundle of the current sources, started by node itself, so SIGTERM
// reaches the server directly.
describe('npm start (the real entry point as a process)', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    serviceUrl = await channel.start();
  }, 60_000);
  afterAll(() => channel.stop());

  it('starts without any cloud account, answers over HTTP, draws the report chart, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-data-'));
    const apiKey = 'process-test-advisor-key-0123456789';
    const { child, port, exited, logs } = await startServerProcess({ DATA_DIR: dataDir, ADVISOR_API_KEY: apiKey });
    // The report chart's libraries are not in the bundle; they load on first use.
    const chart = await fetch(`http://127.0.0.1:${port}/api/report?format=svg`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(chart.status).toBe(200);
    expect(await chart.text()).toMatch(/^<svg [^>]*>.*Antwortquoten pro Woche/s);
    const response = await postMessage(port, serviceUrl, {
      id: 'p1',
      text: 'Wie lange muss die Kooperation mindestens bestehen?',
      conversation: 'process-1',
    });
    expect(response.status).toBeLessThan(300);
    const [reply] = await channel.waitForReplies(1);
    expect(reply!.text).toMatch(/5 Jahre|fünf Jahre/);
    expect(reply!.text).toMatch(/Stand: |Quelle undatiert, geprüft /);

    expect(logs()).toContain('LOCAL ANONYMOUS MODE');
    expect(logs()).not.toContain('mindestens bestehen');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs()).toContain('"msg":"Stopped"');
    // The embedded default: everything in one SQLite file under DATA_DIR.
    expect(logs()).toContain('"backend":"sqlite"');
    expect(existsSync(join(dataDir, 'ikz-assistent.db'))).toBe(true);
  });

  // These machines run Node 20; production runs the LTS, where a package can fail at load time (restify 11
  // did: "No such module: http_parser"). Memory storage: the SQLite addon in node_modules is built for Node 20.
  it('starts on the production Node LTS, answers a question and stops cleanly', async () => {
    const lts = new FakeChannel();
    try {
      const { child, port, exited, logs } = await startServerProcess({ STORAGE_BACKEND: 'memory' }, nodeLtsBinary());
      const response = await postMessage(port, await lts.start(), {
        id: 'lts-1',
        text: 'Wie lange muss die Kooperation mindestens bestehen?',
        conversation: 'lts-1',
      });
      expect(response.status).toBeLessThan(300);
      const [reply] = await lts.waitForReplies(1);
      expect(reply!.text).toMatch(/5 Jahre|fünf Jahre/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(logs()).toMatch(/"node":"v24\./);
    } finally {
      await lts.stop();
    }
  });
});

describe('SIGTERM under load', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  beforeAll(async () => {
    serviceUrl = await channel.start();
  });
  afterAll(() => channel.stop());

  it('finishes the turns in flight: every accepted message gets its reply', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-data-'));
    const { child, port, exited } = await startServerProcess({ DATA_DIR: dataDir });

    const questions = [
      'Wer darf einen Antrag stellen?',
      'Wie hoch ist die Förderung?',
      'Was ist ein GVV?',
      'Welche Unterlagen brauche ich?',
    ];
    const sent = Array.from({ length: 40 }, (_, i) =>
      postMessage(port, serviceUrl, { id: `load-${i}`, text: questions[i % 4]!, user: `u${i}`, conversation: `sigterm-${i}` }).then(
        (response) => ({ id: `load-${i}`, status: response.status }),
        () => ({ id: `load-${i}`, status: 0 }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGTERM');
    const results = await Promise.all(sent);
    expect(await exited).toBe(0);
    const accepted = results.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.id);
    expect(accepted.length).toBeGreaterThan(0);
    const answered = new Set(channel.replies.map((reply) => reply.replyToId));
    expect(accepted.filter((id) => !answered.has(id))).toEqual([]);
  });
});

describe('readiness', () => {
  const app = (ready: boolean) =>
    createApp({
      adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
      runTurn: async () => {},
      readiness: () =>
        ready
          ? { ready, articles: 2, skippedFiles: [{ file: 'kaputt.md', reason: 'invalid front matter', severity: 'error' }] }
          : { ready },
      logger: silentLogger(),
    });

  async function listen(server: ReturnType<typeof app>): Promise<number> {
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return (server.address() as { port: number }).port;
  }

  it('answers 503 before the knowledge base is loaded, on /readyz and /api/messages', async () => {
    const server = app(false);
    const port = await listen(server);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    const message = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', conversation: { id: 'c' }, from: { id: 'u' }, serviceUrl: 'http://127.0.0.1:9' }),
    });
    expect(message.status).toBe(503);
    expect(message.headers.get('retry-after')).toBe('5');
    server.close();
  });

  it('lists skipped knowledge files on /readyz', async () => {
    const server = app(true);
    const port = await listen(server);
    const body = await readJson<unknown>(await fetch(`http://127.0.0.1:${port}/readyz`));
    expect(body).toEqual({ status: 'ready', articles: 2, skippedFiles: [{ file: 'kaputt.md', reason: 'invalid front matter' }] });
    server.close();
  });

  it('keeps serving when knowledge files are broken', async () => {
    const { KnowledgeService } = await import('../src/knowledge/knowledge-service.js');
    const knowledge = await KnowledgeService.load(BROKEN_KB, silentLogger());
    expect(knowledge.articleCount).toBe(2);
    expect(knowledge.answer('Ist das gültig?').outcome).toBe('answer');
  });
});
