import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import restify from 'restify';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineChannel } from '../../src/channels/directline/directline-channel.js';
import { DirectLineTokens } from '../../src/channels/directline/directline-tokens.js';
import { MemoryDirectLineStore } from '../../src/channels/directline/memory-directline-store.js';
import { mountDirectLineRoutes } from '../../src/http/directline-routes.js';
import { silentLogger } from '../../src/logging/logger.js';
import { TEST_TOKEN_SECRET, eventually, signTestToken, startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';

interface Page {
  activities: Activity[];
  watermark: string;
}

const QUESTION = 'Wie viel Förderung gibt es für drei Gemeinden?';

describe('the self-hosted Direct Line API', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({ CORS_ORIGINS: 'https://www.example-kommune.de' });
  });
  afterAll(() => t?.close());

  const poll = async (conversationId: string, token: string, watermark = '') => {
    const response = await t.call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  it('issues a token bound to a new conversation, like tokens/generate', async () => {
    const response = await t.call('POST', '/api/webchat/token');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    expect(body.expires_in).toBe(1800);
  });

  it('starts exactly the conversation of the token, once, and greets the user', async () => {
    const { conversationId, token } = await t.newToken();
    const started = await t.call('POST', '/v3/directline/conversations', token, { locale: 'de-DE' });
    expect(started.status).toBe(201);
    const body = await started.json();
    expect(body).toMatchObject({ conversationId, token });
    expect(body.expires_in).toBeGreaterThan(1700);
    expect(body.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?t=`));
    const again = await t.call('POST', '/v3/directline/conversations', token);
    expect(again.status).toBe(200);
    expect((await again.json()).conversationId).toBe(conversationId);

    const page = await eventually(async () => {
      const p = await poll(conversationId, token);
      return p.activities.length > 0 ? p : undefined;
    });
    expect(page.activities).toHaveLength(1); // one greeting, although the conversation was "started" twice
    expect(page.activities[0]).toMatchObject({
      type: 'message',
      id: `${conversationId}|0000001`,
      from: { role: 'bot' },
      conversation: { id: conversationId },
    });
    expect(page.activities[0]!.text).toMatch(/Guten Tag/);
    expect(page.watermark).toBe('1');
  });

  it('echoes the user activity with its clientActivityID and adds the answer, polled by watermark', async () => {
    const { conversationId, token } = await t.startConversation();
    await eventually(async () => ((await poll(conversationId, token)).activities.length ? true : undefined));
    const posted = await t.call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
      type: 'message',
      text: QUESTION,
      from: { id: 'bot-impostor', role: 'bot' },
      channelData: { clientActivityID: 'client-1' },
      locale: 'de-DE',
    });
    expect(posted.status).toBe(200);
    const { id } = await posted.json();
    expect(id).toBe(`${conversationId}|0000002`);

    const page = await poll(conversationId, token, '1');
    const [echo, answer] = page.activities;
    expect(echo).toMatchObject({ id, text: QUESTION, channelData: { clientActivityID: 'client-1' }, from: { role: 'user' } });
    expect(echo!.from.id).toMatch(/^dl_/); // the sender comes from the token, not from the client
    expect(answer).toMatchObject({ type: 'message', from: { role: 'bot' }, replyToId: id });
    expect(answer!.text).toMatch(/Quelle: .+ · (Stand: \d{2}\.\d{2}\.\d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u);
    expect(answer!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(Number(page.watermark)).toBe(3);
    expect((await poll(conversationId, token, page.watermark)).activities).toEqual([]);
  });

  it('accepts URL-encoded reply ids', async () => {
    const { conversationId, token } = await t.startConversation();
    await t.call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
      type: 'message',
      text: 'hilfe',
      replyToId: `${conversationId}%7C0000001`,
    });
    const page = await poll(conversationId, token);
    expect(page.activities.find((a) => a.text === 'hilfe')?.replyToId).toBe(`${conversationId}|0000001`);
  });

  it('pushes the replay and then new activities at once over the WebSocket stream', async () => {
    const { conversationId, token, streamUrl } = await t.startConversation();
    const socket = new WebSocket(streamUrl);
    const messages: Page[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Page));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const all = () => messages.flatMap((m) => m.activities);
    await eventually(() => (all().some((a) => /Guten Tag/.test(a.text ?? '')) ? true : undefined));

    const started = Date.now();
    const post = t.call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
      type: 'message',
      text: QUESTION,
      channelData: { clientActivityID: 'ws-1' },
    });
    const answer = await eventually(() => all().find((a) => /Quelle:/.test(a.text ?? '')), 3000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(all().find((a) => a.channelData?.clientActivityID === 'ws-1')).toBeDefined();
    expect(messages.at(-1)!.watermark).toBe('3');
    expect(answer.replyToId).toBe(`${conversationId}|0000002`);
    expect((await post).status).toBe(200);

    // Reconnecting with the watermark replays only what came after it.
    const reconnect = await t.call('GET', `/v3/directline/conversations/${conversationId}?watermark=2`, token);
    expect(reconnect.status).toBe(200);
    const { streamUrl: resumeUrl, token: freshToken } = await reconnect.json();
    expect(freshToken).not.toBe(token);
    const resumed = new WebSocket(resumeUrl);
    const replay = await new Promise<Page>((resolve) => resumed.once('message', (d) => resolve(JSON.parse(String(d)))));
    expect(replay.activities.map((a) => a.id)).toEqual([answer.id]);
    socket.close();
    resumed.close();
  });

  it('refreshes a token for the same conversation', async () => {
    const { conversationId, token } = await t.startConversation();
    const response = await t.call('POST', '/v3/directline/tokens/refresh', token);
    expect(response.status).toBe(200);
    const refreshed = await response.json();
    expect(refreshed.conversationId).toBe(conversationId);
    expect(refreshed.token).not.toBe(token);
    expect((await t.call('GET', `/v3/directline/conversations/${conversationId}/activities`, refreshed.token)).status).toBe(200);
  });

  describe('token rules', () => {
    let a: { conversationId: string; token: string };
    let b: { conversationId: string; token: string };
    beforeAll(async () => {
      a = await t.startConversation();
      b = await t.startConversation();
    });

    it('gives 403 to a token of conversation A on conversation B, on every route', async () => {
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/v3/directline/conversations/${b.conversationId}`],
        ['GET', `/v3/directline/conversations/${b.conversationId}/activities`],
        ['POST', `/v3/directline/conversations/${b.conversationId}/activities`, { type: 'message', text: 'hallo' }],
      ];
      for (const [method, path, body] of routes) {
        expect((await t.call(method, path, a.token, body)).status, `${method} ${path}`).toBe(403);
      }
      const before = (await poll(b.conversationId, b.token)).activities.length;
      expect(before).toBeLessThanOrEqual(1); // nothing was posted into B
    });

    it.each([
      ['no token', async () => undefined],
      [
        'a forged token',
        async () => {
          const [header, payload] = a.token.split('.');
          return `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
        },
      ],
      ['an expired token', async () => signTestToken({ conv: a.conversationId, user: 'dl_x' }, Math.floor(Date.now() / 1000) - 5)],
    ])('gives 401 to %s', async (_name, make) => {
      const token = await make();
      for (const [method, path] of [
        ['POST', '/v3/directline/conversations'],
        ['GET', `/v3/directline/conversations/${a.conversationId}/activities`],
        ['POST', '/v3/directline/tokens/refresh'],
      ] as const) {
        const response = await t.call(method, path, token, method === 'POST' ? {} : undefined);
        expect(response.status, `${method} ${path}`).toBe(401);
        expect((await response.json()).error.code).toMatch(/^Token/);
      }
    });

    it('refuses WebSocket streams without a valid token for that conversation', async () => {
      const status = (url: string) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(url);
          socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          socket.on('open', () => {
            socket.close();
            resolve(101);
          });
          socket.on('error', () => undefined);
        });
      const stream = (id: string) => `${t.base.replace('http', 'ws')}/v3/directline/conversations/${id}/stream`;
      expect(await status(stream(b.conversationId))).toBe(401);
      expect(await status(`${stream(b.conversationId)}?t=${a.token}`)).toBe(403);
      expect(await status(`${stream(a.conversationId)}?t=${a.token}`)).toBe(101);
      expect(await status(`${t.base.replace('http', 'ws')}/v3/directline/elsewhere?t=${a.token}`)).toBe(404);
    });

    it('refuses WebSocket streams from a foreign site', async () => {
      const socket = new WebSocket(`${t.base.replace('http', 'ws')}/v3/directline/conversations/${a.conversationId}/stream?t=${a.token}`, {
        origin: 'https://evil.example',
      });
      const status = await new Promise<number>((resolve) => {
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(403);
      socket.terminate();
    });

    it('answers 404 for a valid token whose conversation was never started', async () => {
      const { conversationId, token } = await t.newToken();
      expect((await t.call('GET', `/v3/directline/conversations/${conversationId}/activities`, token)).status).toBe(404);
      expect((await t.call('GET', `/v3/directline/conversations/${conversationId}`, token)).status).toBe(404);
    });
  });

  describe('bad input is refused at the edge', () => {
    let c: { conversationId: string; token: string };
    beforeAll(async () => {
      c = await t.startConversation();
    });
    const activities = () => `/v3/directline/conversations/${c.conversationId}/activities`;

    it.each([
      ['invalid JSON', '{"type": "message"', {}, 400],
      ['a wrong content type', 'hallo', { 'content-type': 'text/plain' }, 415],
      ['an unknown activity type', { type: 'invoke', name: 'x' }, {}, 400],
      ['a non-string text', { type: 'message', text: 42 }, {}, 400],
      ['a numeric value', { type: 'message', value: 42 }, {}, 400],
      ['an array as value', { type: 'event', name: 'handoff.status', value: [1] }, {}, 400],
      ['a numeric attachment', { type: 'message', text: 'x', attachments: [5] }, {}, 400],
      ['a string entity', { type: 'message', text: 'x', entities: ['x'] }, {}, 400],
      ['a numeric replyToId', { type: 'message', text: 'x', replyToId: 5 }, {}, 400],
      ['an array', [{ type: 'message' }], {}, 400],
      ['an oversized body', { type: 'message', text: 'x'.repeat(40_000) }, {}, 413],
    ])('%s', async (_name, body, headers, status) => {
      const before = (await (await t.call('GET', activities(), c.token)).json()).watermark;
      const response = await t.call('POST', activities(), c.token, body, headers as Record<string, string>);
      expect(response.status).toBe(status);
      expect((await (await t.call('GET', activities(), c.token)).json()).watermark).toBe(before); // nothing reached the log
    });

    it('a malformed watermark', async () => {
      expect((await t.call('GET', `${activities()}?watermark=abc`, c.token)).status).toBe(400);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string, path = '/v3/directline/conversations') =>
      fetch(`${t.base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent',
        },
      });

    it('answers the preflight of a configured site origin', async () => {
      for (const path of ['/v3/directline/conversations', '/api/webchat/token', '/v3/directline/conversations/x/activities']) {
        const response = await preflight('https://www.example-kommune.de', path);
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe('https://www.example-kommune.de');
        expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
      }
    });

    it('lets the bot site itself (same origin) through', async () => {
      const response = await fetch(`${t.base}/api/webchat/token`, { method: 'POST', headers: { origin: t.base } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(t.base);
    });

    it('refuses every other origin, in preflight and in the request itself', async () => {
      expect((await preflight('https://evil.example')).status).toBe(403);
      expect((await preflight('null')).status).toBe(403);
      const response = await fetch(`${t.base}/api/webchat/token`, { method: 'POST', headers: { origin: 'https://evil.example' } });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('the Direct Line API without configured origins', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer();
  });
  afterAll(() => t?.close());

  it('allows only the same origin by default', async () => {
    const token = (origin: string) => fetch(`${t.base}/api/webchat/token`, { method: 'POST', headers: { origin } });
    expect((await token(t.base)).status).toBe(200);
    expect((await token('https://www.example-kommune.de')).status).toBe(403);
  });
});

describe('the Direct Line API before the knowledge base is loaded', () => {
  it('answers 503 with Retry-After to starting and posting', async () => {
    const tokens = new DirectLineTokens(TEST_TOKEN_SECRET, 1800);
    const channel = new DirectLineChannel({ store: new MemoryDirectLineStore(), runTurn: async () => undefined, logger: silentLogger() });
    const server = restify.createServer();
    mountDirectLineRoutes(server, { channel, tokens, ready: () => false, logger: silentLogger() });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { conversationId, token } = await tokens.issueForNewConversation();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const start = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers, body: '{}' });
      expect(start.status).toBe(503);
      expect(start.headers.get('retry-after')).toBe('5');
      const post = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: 'hallo' }),
      });
      expect(post.status).toBe(503);
    } finally {
      channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
