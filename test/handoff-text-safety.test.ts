import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmailAddress } from '../src/bot/safe-text.js';
import { loadConfig } from '../src/config/config.js';
import { CaseService } from '../src/handoff/case-service.js';
import { createStores } from '../src/storage/create-stores.js';
import { startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'advisor-key-for-the-text-safety-test';
/** Bidi overrides and isolates, zero-width characters, a byte-order mark, a tag character: invisible or reordering. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u{e0001}-\u{e007f}\u0000-\u0008\u001b]/u;

describe('user text reaching outputs', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({ ADVISOR_API_KEY: KEY });
  });
  afterAll(() => t?.close());

  const webChat = async () => {
    const { conversationId, token } = await t.startConversation();
    const botTexts = async () => {
      const page = (await (await t.call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=0`, token)).json()) as {
        activities: Array<{ from: { role?: string }; text?: string }>;
      };
      return page.activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
    };
    /** Sends a message; resolves with what the bot answered to it. */
    const say = async (text: string) => {
      const before = (await botTexts()).length;
      expect(
        (
          await t.call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
            type: 'message',
            from: { id: 'u' },
            text,
          })
        ).status,
      ).toBe(200);
      return (await botTexts()).slice(before).join('\n');
    };
    return { say };
  };

  it('the Markdown report (GET /api/report?format=markdown) shows questions as text, never as HTML or links', async () => {
    const user = await webChat();
    for (const question of [
      '<script>alert(1)</script> Wie hoch ist die Hundesteuer?',
      '[Hundesteuer](javascript:alert(1)) bitte erklären',
      '<img src=x onerror=alert(1)> Hundesteuer in Musterdorf?',
    ]) {
      await user.say(question);
    }
    const response = await t.call('GET', '/api/report?format=markdown', KEY);
    expect(response.status).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain('Hundesteuer');
    // Rendered as a viewer would that allows HTML in Markdown (the worst case): no element, no script link.
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[Hundesteuer](javascript:alert(1))');
  });

  it('the handoff stores case fields without bidi, zero-width or control characters, and refuses a scheme-like e-mail address', async () => {
    const user = await webChat();
    await user.say('Ich möchte mit einem Berater sprechen');
    await user.say('Gemeinde\u2066 Muster\u200bdorf\u2069');
    await user.say('Petra\u202e Muster\u200d\ufeff');
    expect(await user.say('javascript:alert@evil.de')).toContain('weder nach einer E-Mail-Adresse noch nach einer Telefonnummer');
    await user.say('petra@musterdorf.de');
    await user.say('Wir\u202e planen einen\u0007 gemeinsamen Bauhof.\u{e0041}');
    const caseId = /IKZ-\d{4}-\d{4}/.exec(await user.say('Ja, ich stimme zu'))![0];
    const stored = (await (await t.call('GET', `/api/cases/${caseId}`, KEY)).json()) as Record<string, string>;
    expect(stored).toMatchObject({
      municipality: 'Gemeinde Musterdorf',
      name: 'Petra Muster',
      email: 'petra@musterdorf.de',
      concern: 'Wir planen einen gemeinsamen Bauhof.',
    });
    expect(JSON.stringify(stored.transcript)).not.toMatch(INVISIBLE);
  });
});

describe('e-mail addresses', () => {
  it.each([
    'petra@musterdorf.de',
    'p.muster+ikz@landkreis-giessen.de',
    "o'brien@example.org",
    'jürgen@gemeinde-büdingen.de',
    'a@xn--bdingen-n2a.de',
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });
  it.each([
    'javascript:alert@evil.de',
    'data:text@evil.de',
    '"quoted"@example.de',
    'petra@localhost',
    'petra@musterdorf.d3',
    '.petra@musterdorf.de',
    'petra..muster@musterdorf.de',
    'petra@-musterdorf.de',
    'petra@musterdorf..de',
    'petra@muster\u202edorf.de',
    `${'a'.repeat(65)}@musterdorf.de`,
    `petra@${'a'.repeat(64)}.de`,
    `petra@${'abcdefghij.'.repeat(23)}de`,
    'petra<script>@musterdorf.de',
    'petra@[127.0.0.1]',
  ])('refuses %s', (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });
});

describe('npm run cases', () => {
  it('prints user text on one line without control characters, so nothing can rewrite the terminal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-cases-safe-'));
    const stores = await createStores(loadConfig({ DATA_DIR: dataDir }).storage);
    // Stored as older versions could have stored it: the CLI must not trust the case.
    await new CaseService(stores.documents).create({
      municipality: 'Gemeinde \u001b[2J\u001b[31mMusterdorf',
      name: 'Petra\u202e Muster',
      email: 'p@musterdorf.de',
      concern: 'Erste Zeile\nIKZ-2026-9999  open  gefälschte Zeile\u0007',
      consentAt: '2026-11-25T09:00:00.000Z',
      transcript: [],
      channelId: 'directline',
      conversationId: 'c1',
    });
    await stores.close();
    const stdout = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/cases.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
    });
    expect(stdout).not.toMatch(INVISIBLE);
    expect(stdout).toContain('Gemeinde [2J[31mMusterdorf – Petra Muster');
    expect(stdout.split('\n').filter((line) => line.startsWith('IKZ-'))).toHaveLength(1);
  });
});
