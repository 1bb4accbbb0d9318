import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_KB } from './helpers/bot-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'advisor-key-for-the-crash-test-0123';
const CASE_NUMBER = /IKZ-\d{4}-\d{4}/;

/** The server as its own process (`src/main.ts`, SQLite under `dataDir`); resolves once it is ready. */
async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; port: number; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MicrosoftAppId: '',
      STORAGE_BACKEND: 'sqlite',
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: SHIPPED_KB,
      ADVISOR_API_KEY: KEY,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  for (let i = 0; i < 300 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200; i++)
    await new Promise((r) => setTimeout(r, 100));
  return { child, port, exited };
}

/**
 * Stands in for the user's channel (the `serviceUrl` the bot replies to). While `holdCaseNumber` is set, the
 * reply that carries a case number is received but never answered: the bot's turn waits on it, as it would
 * while a slow network delivers the message, and the test can kill the process exactly then.
 */
class HoldingChannel {
  readonly texts: string[] = [];
  holdCaseNumber = true;
  private server?: Server;
  private arrived?: (text: string) => void;
  readonly caseNumberArrived = new Promise<string>((resolve) => (this.arrived = resolve));

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const text = String((JSON.parse(body || '{}') as { text?: unknown }).text ?? '');
        this.texts.push(text);
        if (this.holdCaseNumber && CASE_NUMBER.test(text)) {
          this.arrived!(text);
          return; // held: no answer
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.texts.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

describe('a crash right after the case number reached the user', () => {
  const channel = new HoldingChannel();
  let serviceUrl = '';
  beforeAll(async () => {
    serviceUrl = await channel.start();
  });
  afterAll(() => channel.stop());

  it('does not open a second case when the user answers the consent question again after the restart (SIGKILL, same DATA_DIR)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-crash-'));
    let n = 0;
    const say = (port: number, text: string) =>
      fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m${++n}`,
          text,
          channelId: 'webchat',
          serviceUrl,
          from: { id: 'u1', name: 'Petra' },
          recipient: { id: 'bot' },
          conversation: { id: 'crash-conversation' },
        }),
      });

    const first = await startServerProcess(dataDir);
    for (const text of [
      'Ich möchte mit einem Berater sprechen',
      'Gemeinde Musterdorf',
      'Petra Muster',
      'petra@musterdorf.de',
      'Wir planen einen gemeinsamen Bauhof.',
    ]) {
      expect((await say(first.port, text)).status).toBeLessThan(300);
    }
    expect(channel.texts.at(-1)).toContain('Darf die Beratungsstelle');
    void say(first.port, 'Ja, ich stimme zu').catch(() => undefined); // its turn never ends: the process dies in it
    const confirmation = await channel.caseNumberArrived;
    first.child.kill('SIGKILL');
    await first.exited;
    const caseId = CASE_NUMBER.exec(confirmation)![0];

    channel.holdCaseNumber = false;
    const second = await startServerProcess(dataDir);
    try {
      // The user did not see the bot finish, so answers again.
      const before = channel.texts.length;
      expect((await say(second.port, 'Ja, ich stimme zu')).status).toBeLessThan(300);
      expect(channel.texts.slice(before).find((text) => CASE_NUMBER.test(text))).toContain(`als Fall **${caseId}**`);
      const { cases } = (await (
        await fetch(`http://127.0.0.1:${second.port}/api/cases`, { headers: { authorization: `Bearer ${KEY}` } })
      ).json()) as { cases: Array<{ id: string; name: string }> };
      expect(cases.map((c) => c.id)).toEqual([caseId]);
      expect(cases[0]!.name).toBe('Petra Muster');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});
