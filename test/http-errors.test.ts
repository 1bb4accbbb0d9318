import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineChannel } from '../src/channels/directline/directline-channel.js';
import { DirectLineTokens } from '../src/channels/directline/directline-tokens.js';
import { MemoryDirectLineStore } from '../src/channels/directline/memory-directline-store.js';
import { createApp } from '../src/http/create-app.js';
import { mountDirectLineRoutes } from '../src/http/directline-routes.js';
import { createLogger } from '../src/logging/logger.js';
import { TEST_TOKEN_SECRET, startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

/** JSON arrays nested `depth` levels deep. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** What no response body may show. */
const INTERNALS = /RangeError|Maximum call stack|\bat \S+ \(|\/work\/|node_modules|\.ts:\d+/;

describe('deeply nested JSON is refused at the edge', () => {
  let t: WebChatTestServer;
  let c: { conversationId: string; token: string };
  beforeAll(async () => {
    t = await startWebChatServer();
    c = await t.startConversation();
  });
  afterAll(() => t?.close());

  const activities = () => `/v3/directline/conversations/${c.conversationId}/activities`;

  it.each(['channelData', 'value', 'attachments', 'entities'])(
    'a Direct Line activity with %s nested 15,000 levels deep gets 400 without internals, and the conversation goes on',
    async (field) => {
      const inner = field === 'channelData' || field === 'value' ? `{"x":${nested(15_000)}}` : nested(15_000);
      const response = await t.call('POST', activities(), c.token, `{"type":"message","text":"hallo","${field}":${inner}}`);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(INTERNALS);
      expect(JSON.parse(text).error).toEqual({ code: 'BadArgument', message: 'JSON nested deeper than 400 levels' });
      const page = await (await t.call('GET', activities(), c.token)).json();
      expect(page.activities.filter((a: { text?: string }) => a.text === 'hallo')).toEqual([]);
    },
  );

  it('accepts nesting up to the limit (400 levels) and refuses one level more', async () => {
    // The activity object itself is the first level.
    const within = await t.call('POST', activities(), c.token, `{"type":"message","text":"tief","channelData":{"x":${nested(398)}}}`);
    expect(within.status).toBe(200);
    const beyond = await t.call('POST', activities(), c.token, `{"type":"message","text":"tief","channelData":{"x":${nested(399)}}}`);
    expect(beyond.status).toBe(400);
  });

  it('brackets inside strings do not count', async () => {
    const response = await t.call('POST', activities(), c.token, { type: 'message', text: '['.repeat(2000) });
    expect(response.status).toBe(200);
  });

  it('starting a conversation with a deeply nested body gets 400', async () => {
    const { token } = await t.newToken();
    const response = await t.call('POST', '/v3/directline/conversations', token, nested(15_000));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(INTERNALS);
  });

  it('/api/messages with a deeply nested value gets 400', async () => {
    const body = `{"type":"message","text":"x","value":${nested(100_000)},"conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9"}`;
    const response = await fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(INTERNALS);
  });
});

/** A logger writing JSON lines into `lines`. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a 500 shows a generic message with the request id, and the log has the cause', () => {
  const GENERIC = /^Es ist ein interner Fehler aufgetreten\. .*\(An internal error occurred; please try again later\.\)$/;
  const { logger, lines } = capturingLogger();
  let server: Server;
  let base = '';
  let token = '';
  let conversationId = '';
  const store = new MemoryDirectLineStore();
  const channel = new DirectLineChannel({ store, runTurn: async () => undefined, logger });
  const tokens = new DirectLineTokens(TEST_TOKEN_SECRET, 1800);

  beforeAll(async () => {
    server = createApp({
      adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), // no onTurnError: a failing turn reaches the adapter
      runTurn: async () => {
        throw new Error('turn exploded in /srv/internal/secret.ts:42');
      },
      readiness: () => ({ ready: true }),
      logger,
    });
    mountDirectLineRoutes(server, { channel, tokens, ready: () => true, logger });
    base = await listen(server);
    ({ token, conversationId } = await tokens.issueForNewConversation());
    await channel.startConversation(conversationId, 'dl_u', 'de-DE');
  });
  afterAll(async () => {
    channel.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('on a Direct Line route whose store fails', async () => {
    store.activitiesAfter = async () => {
      throw new RangeError('store broke at /var/lib/ikz/directline.db');
    };
    const response = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-500-dl' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await response.json();
    expect(body).toEqual({ error: { code: 'InternalError', message: expect.stringMatching(GENERIC), requestId: 'trace-500-dl' } });
    expect(JSON.stringify(body)).not.toMatch(/store broke|RangeError|var\/lib/);
    const logged = lines.find((line) => line.requestId === 'trace-500-dl' && line.err);
    expect((logged?.err as { message?: string } | undefined)?.message).toBe('store broke at /var/lib/ikz/directline.db');
  });

  it('on /api/messages when the turn fails', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-500-bot' },
      body: JSON.stringify({
        type: 'message',
        text: 'hallo',
        conversation: { id: 'c' },
        from: { id: 'u' },
        serviceUrl: 'http://127.0.0.1:9',
      }),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/exploded|secret|\.ts:42/);
    expect(JSON.parse(text)).toEqual({
      error: { code: 'InternalError', message: expect.stringMatching(GENERIC), requestId: 'trace-500-bot' },
    });
    const logged = lines.find((line) => line.requestId === 'trace-500-bot' && line.cause);
    expect(String(logged?.cause)).toContain('turn exploded');
  });
});
