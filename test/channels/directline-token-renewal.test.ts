import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineChannel } from '../../src/channels/directline/directline-channel.js';
import { DirectLineTokens } from '../../src/channels/directline/directline-tokens.js';
import { MemoryDirectLineStore } from '../../src/channels/directline/memory-directline-store.js';
import { mountDirectLineRoutes } from '../../src/http/directline-routes.js';
import { silentLogger } from '../../src/logging/logger.js';
import { TEST_TOKEN_SECRET, signTestToken, startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';

const HOUR = 60 * 60;

describe('token refresh on the real server', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer();
  });
  afterAll(() => t?.close());

  it('refuses to refresh a token whose conversation does not exist (404), on refresh and on reconnect', async () => {
    const { conversationId, token } = await t.newToken(); // issued, never started
    const refresh = await t.call('POST', '/v3/directline/tokens/refresh', token);
    expect(refresh.status).toBe(404);
    expect((await refresh.json()).error.message).toMatch(/Conversation not found/);
    expect((await t.call('GET', `/v3/directline/conversations/${conversationId}`, token)).status).toBe(404);
  });

  it('ends a chain of refreshes after its maximum age (24 h after the first token), even while the conversation lives', async () => {
    const { conversationId } = await t.startConversation();
    const now = Math.floor(Date.now() / 1000);
    const user = 'dl_chain';
    const young = await signTestToken({ conv: conversationId, user, chain: now - 23 * HOUR }, now + 600);
    const refreshed = await t.call('POST', '/v3/directline/tokens/refresh', young);
    expect(refreshed.status).toBe(200);
    const { token, expires_in } = await refreshed.json();
    // The renewed token stops where the chain does, one hour later, and keeps the chain's start.
    expect(expires_in).toBeLessThanOrEqual(HOUR);
    expect(decodeJwt(token).exp).toBeLessThanOrEqual(now - 23 * HOUR + 24 * HOUR + 1);
    expect(decodeJwt(token).chain).toBe(now - 23 * HOUR);

    const old = await signTestToken({ conv: conversationId, user, chain: now - 25 * HOUR }, now + 600);
    const refused = await t.call('POST', '/v3/directline/tokens/refresh', old);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('TokenExpired');
    expect((await t.call('GET', `/v3/directline/conversations/${conversationId}?watermark=0`, old)).status).toBe(401);
  });
});

describe('token refresh bounded by the conversation’s idle expiry (server with a controlled clock)', () => {
  const TTL = 30 * 60;
  const IDLE_MS = 2 * TTL * 1000; // as the server wires it
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  const tokens = new DirectLineTokens(TEST_TOKEN_SECRET, TTL, clock);
  const channel = new DirectLineChannel({
    store: new MemoryDirectLineStore({ idleTtlMs: IDLE_MS }, clock),
    runTurn: async () => undefined,
    logger: silentLogger(),
    now: clock,
  });
  const server = restify.createServer();
  mountDirectLineRoutes(server, { channel, tokens, ready: () => true, logger: silentLogger() });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    channel.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const refresh = (token: string) =>
    fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('never hands out a token that outlives the conversation, and stops once it has expired', async () => {
    const { token } = await tokens.issueForNewConversation();
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(started.status).toBe(201);
    const conversationEnds = now + IDLE_MS; // nothing is written to it any more

    now += 25 * 60 * 1000;
    const first = await refresh(token);
    expect(first.status).toBe(200);
    const a = await first.json();
    expect(a.expires_in).toBe(TTL); // plenty of conversation left

    now += 25 * 60 * 1000; // 50 minutes idle: 10 minutes of conversation left
    const second = await refresh(a.token);
    expect(second.status).toBe(200);
    const b = await second.json();
    expect(b.expires_in).toBe(10 * 60);
    expect(decodeJwt(b.token).exp! * 1000).toBe(conversationEnds);

    now += 9 * 60 * 1000 + 30_000;
    const third = await refresh(b.token);
    expect(third.status).toBe(200);
    expect((await third.json()).expires_in).toBe(30);

    now += 31_000; // the conversation has expired: its tokens can no longer be renewed
    expect((await refresh(b.token)).status).toBe(401);
    const token2 = await signTestToken({ conv: a.conversationId, user: 'dl_x' }, Math.floor(now / 1000) + 600);
    expect((await refresh(token2)).status).toBe(404);
  });
});
