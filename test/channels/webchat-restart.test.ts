import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { WebSocket } from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';

/** The embedded default: SQLite under DATA_DIR and no DIRECT_LINE_TOKEN_SECRET. */
const defaults = (dataDir: string) => ({ STORAGE_BACKEND: 'sqlite', DATA_DIR: dataDir, DIRECT_LINE_TOKEN_SECRET: '' });

describe('a web chat conversation across a restart with the default configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ikz-restart-'));
  let t: WebChatTestServer | undefined;
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const texts = async (server: WebChatTestServer, conversationId: string, token: string) => {
    const response = await server.call('GET', `/v3/directline/conversations/${conversationId}/activities`, token);
    expect(response.status).toBe(200);
    return ((await response.json()).activities as Activity[]).map((a) => a.text ?? '');
  };
  const say = (server: WebChatTestServer, conversationId: string, token: string, text: string) =>
    server.call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', text });

  it('keeps the token valid and continues the Förder-Check with its history', async () => {
    t = await startWebChatServer(defaults(dataDir));
    const { conversationId, token } = await t.startConversation();
    expect((await say(t, conversationId, token, 'Förder-Check')).status).toBe(200);
    expect((await say(t, conversationId, token, 'Gemeinde oder Stadt')).status).toBe(200);
    await eventually(async () =>
      (await texts(t!, conversationId, token)).some((x) => x.includes('Sind alle Beteiligten hessische Kommunen?')) ? true : undefined,
    );

    // The secret was created once, in DATA_DIR, readable by the owner only.
    const secretFile = join(dataDir, 'directline-token-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(43);

    await t.close();
    t = await startWebChatServer(defaults(dataDir));

    // The widget's reconnect call with the old token: a fresh token and the whole history.
    const reconnect = await t.call('GET', `/v3/directline/conversations/${conversationId}?watermark=0`, token);
    expect(reconnect.status).toBe(200);
    const { token: fresh, streamUrl } = await reconnect.json();
    const history = await texts(t, conversationId, fresh);
    expect(history).toContain('Förder-Check');
    expect(history.some((x) => x.includes('Sind alle Beteiligten hessische Kommunen?'))).toBe(true);

    const socket = new WebSocket(streamUrl);
    const replay = await new Promise<{ activities: Activity[] }>((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data))));
      socket.once('error', reject);
    });
    expect(replay.activities.map((a) => a.text)).toContain('Gemeinde oder Stadt');
    socket.close();

    // The dialog goes on where it stopped.
    expect((await say(t, conversationId, token, 'Ja, alle aus Hessen')).status).toBe(200);
    await eventually(async () =>
      (await texts(t!, conversationId, token)).some((x) => x.includes('Um welche Art von Vorhaben geht es?')) ? true : undefined,
    );
    expect(readFileSync(secretFile, 'utf8')).toBe(secret); // created once, never replaced
  });

  it('makes a secret file that others could read private again', async () => {
    await t?.close();
    const secretFile = join(dataDir, 'directline-token-secret');
    chmodSync(secretFile, 0o644);
    t = await startWebChatServer(defaults(dataDir));
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
  });

  it('refuses to start with a damaged secret file instead of silently ending every chat', async () => {
    await t?.close();
    t = undefined;
    const other = mkdtempSync(join(tmpdir(), 'ikz-restart-'));
    writeFileSync(join(other, 'directline-token-secret'), 'short\n', { mode: 0o600 });
    await expect(startWebChatServer(defaults(other))).rejects.toThrow(/directline-token-secret is shorter than 32 characters/);
    rmSync(other, { recursive: true, force: true });
  });

  it('with DIRECT_LINE_TOKEN_SECRET set, writes no secret file', async () => {
    const other = mkdtempSync(join(tmpdir(), 'ikz-restart-'));
    const server = await startWebChatServer({ STORAGE_BACKEND: 'sqlite', DATA_DIR: other });
    await server.close();
    expect(() => statSync(join(other, 'directline-token-secret'))).toThrow(/ENOENT/);
    rmSync(other, { recursive: true, force: true });
  });
});
