import type { Activity } from 'botbuilder';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';
import { type ErrorBody, readJson } from '../helpers/json.js';

/** Status of a WebSocket upgrade (101 when it opened). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => undefined);
  });
}

/** Other spellings of `/api/webchat/token` that the router serves as that route. */
const TOKEN_SPELLINGS = ['/api/webchat/%74oken', '/api/%77ebchat/token', '/%61pi/webchat/%74%6F%6B%65%6E'];

describe('rate limits apply to the route that serves a request, however its path is spelt', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({
      CONVERSATIONS_PER_HOUR: '1',
      CONVERSATION_BURST: '3',
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '4',
    });
  });
  afterAll(() => t?.close());

  it('caps new conversations through percent-encoded spellings of the token route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.call('POST', TOKEN_SPELLINGS[i % TOKEN_SPELLINGS.length]!)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    const refused = await t.call('POST', '/api/webchat/token');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits Direct Line calls through encoded spellings, and WebSocket upgrades count against the same budget', async () => {
    const spellings = [
      '/v3/%64irectline/conversations/x/activities',
      '/v3/directline/%63onversations/x/activities',
      '/%763/directline/conversations/x/activities',
      '/v3/directline/conversations/x/%61ctivities',
    ];
    const statuses: number[] = [];
    for (const path of [...spellings, ...spellings]) statuses.push((await t.call('GET', path, 'not-a-token')).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const stream = await upgradeStatus(`${t.base.replace('http', 'ws')}/v3/directline/conversations/x/stream?t=not-a-token`);
    expect(stream).toBe(429);
  });
});

describe('the Origin check applies to every spelling of the protected routes', () => {
  let t: WebChatTestServer;
  let conversation: { conversationId: string; token: string };
  beforeAll(async () => {
    t = await startWebChatServer();
    conversation = await t.startConversation();
  });
  afterAll(() => t?.close());

  it.each([
    ['POST', '/api/webchat/%74oken'],
    ['POST', '/v3/%64irectline/conversations'],
    ['POST', '/%763/directline/conversations'],
    ['GET', '/v3/%64irectline/conversations/{id}'],
    ['GET', '/%763/directline/conversations/{id}/activities'],
    ['POST', '/v3/%64irectline/conversations/{id}/activities'],
    ['POST', '/v3/%64irectline/tokens/refresh'],
  ])('%s %s from a foreign site gets 403 and changes nothing', async (method, template) => {
    const path = template.replace('{id}', conversation.conversationId);
    const body = method === 'POST' && path.includes('ctivities') ? { type: 'message', text: 'Hallo von evil.example' } : undefined;
    const response = await t.call(method, path, conversation.token, body, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await readJson<ErrorBody>(response)).error.code).toBe('OriginNotAllowed');
    const page = await readJson<{ activities: Activity[] }>(
      await t.call('GET', `/v3/directline/conversations/${conversation.conversationId}/activities`, conversation.token),
    );
    expect(page.activities.some((a) => a.text === 'Hallo von evil.example')).toBe(false);
  });

  it.each(['/api/webchat/token;evil', '/v3/directline/conversations;x'])(
    'POST %s (a `;` spelling) is no route at all: 404, and no conversation starts',
    async (path) => {
      const response = await t.call('POST', path, conversation.token, undefined, { origin: 'https://evil.example' });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.text()).not.toContain('conversationId');
    },
  );

  it('answers preflights of encoded spellings like those of the plain paths (403 for a foreign site)', async () => {
    const preflight = (path: string) =>
      fetch(`${t.base}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
    expect((await preflight('/api/webchat/%74oken')).status).toBe(403);
    expect((await preflight('/v3/%64irectline/conversations')).status).toBe(403);
  });
});

describe('the Origin check compares scheme, host and port', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer();
  });
  afterAll(() => t?.close());

  const token = (origin: string, headers: Record<string, string> = {}) =>
    fetch(`${t.base}/api/webchat/token`, { method: 'POST', headers: { origin, ...headers } });

  it('accepts only the exact origin of the http server', async () => {
    const port = Number(new URL(t.base).port);
    expect((await token(`http://127.0.0.1:${port}`)).status).toBe(200);
    expect((await token(`https://127.0.0.1:${port}`)).status).toBe(403);
    expect((await token(`http://127.0.0.1:${port + 1}`)).status).toBe(403);
    expect((await token('http://127.0.0.1')).status).toBe(403);
  });

  it('refuses a WebSocket stream from the same host under another scheme', async () => {
    const { conversationId, token: dlToken } = await t.startConversation();
    const url = `${t.base.replace('http', 'ws')}/v3/directline/conversations/${conversationId}/stream?t=${dlToken}`;
    expect(await upgradeStatus(url, { origin: t.base.replace('http', 'https') })).toBe(403);
    expect(await upgradeStatus(url, { origin: t.base })).toBe(101);
  });

  it('behind a TLS-terminating proxy, accepts the https origin the proxy reports', async () => {
    const response = await token(t.base.replace('http', 'https'), { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
  });
});

describe('a full conversation store', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({ DIRECT_LINE_MAX_CONVERSATIONS: '4' });
  });
  afterAll(() => t?.close());

  const texts = async (conversation: { conversationId: string; token: string }) => {
    const response = await t.call('GET', `/v3/directline/conversations/${conversation.conversationId}/activities`, conversation.token);
    expect(response.status).toBe(200);
    return (await readJson<{ activities: Activity[] }>(response)).activities.map((a) => a.text ?? '');
  };

  it('refuses new conversations with 503 and Retry-After, and never ends another user’s Förder-Check', async () => {
    const user = await t.startConversation();
    const say = (text: string) =>
      t.call('POST', `/v3/directline/conversations/${user.conversationId}/activities`, user.token, { type: 'message', text });
    expect((await say('Förder-Check')).status).toBe(200);
    await eventually(async () => ((await texts(user)).some((text) => text.includes('Wer stellt den Antrag?')) ? true : undefined));

    // Someone else opens conversations until the store is full.
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const { token } = await t.newToken();
      const response = await t.call('POST', '/v3/directline/conversations', token, {});
      statuses.push(response.status);
      if (response.status === 503) refused ??= response;
    }
    expect(statuses).toEqual([201, 201, 201, 503, 503, 503]);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await readJson<ErrorBody>(refused!)).error.code).toBe('ServiceUnavailable');

    // The user's Förder-Check goes on where it was.
    expect((await say('Gemeinde oder Stadt')).status).toBe(200);
    await eventually(async () =>
      (await texts(user)).some((text) => text.includes('Sind alle Beteiligten hessische Kommunen?')) ? true : undefined,
    );
  });
});
