import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

describe('abuse protection of the web-chat endpoints', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({
      CONVERSATIONS_PER_HOUR: '1',
      CONVERSATION_BURST: '2',
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '4',
    });
  });
  afterAll(() => t?.close());

  it('caps new conversations per client: 429 with Retry-After once the burst is used', async () => {
    expect((await t.call('POST', '/api/webchat/token')).status).toBe(200);
    expect((await t.call('POST', '/api/webchat/token')).status).toBe(200);
    const refused = await t.call('POST', '/api/webchat/token');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: 'Too many requests; please wait a moment.' });
  });

  it('limits Direct Line calls per client, and nothing is processed beyond the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.call('GET', '/v3/directline/conversations/none/activities', 'not-a-token')).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
  });
});

describe('the WebSocket stream and its token', () => {
  it('closes the stream when its token expires', async () => {
    const { WebSocket } = await import('ws');
    const { signTestToken } = await import('./helpers/webchat-server.js');
    const server = await startWebChatServer();
    try {
      const { conversationId } = await server.startConversation();
      // A token the server trusts for this conversation, expiring in two seconds.
      const token = await signTestToken({ conv: conversationId, user: 'dl_test' }, Math.floor(Date.now() / 1000) + 2);
      const socket = new WebSocket(
        `${server.base.replace('http', 'ws')}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?t=${token}`,
      );
      const closed = await new Promise<{ code: number; reason: string }>((resolve, reject) => {
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('stream not closed in time')), 6000);
      });
      expect(closed).toEqual({ code: 1008, reason: 'Token expired' });
    } finally {
      await server.close();
    }
  });
});
