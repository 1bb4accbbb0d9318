import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

/** The headers every response must carry, whatever its status. */
function expectSecurityHeaders(headers: { get(name: string): string | null }, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toMatch(/default-src '(none|self)'/);
  expect(csp, what).toMatch(/frame-ancestors '(none|self)'/);
}

describe('HTTP hygiene', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer();
  });
  afterAll(() => t?.close());

  it('sends security headers with the HTML page: CSP limited to the bot itself, nosniff, referrer policy', async () => {
    const page = await fetch(`${t.base}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it.each([
    [404, 'GET', '/does-not-exist', undefined, {}],
    [405, 'GET', '/api/webchat/token', undefined, {}],
    [403, 'POST', '/api/webchat/token', undefined, { origin: 'https://evil.example' }],
    [
      403,
      'OPTIONS',
      '/v3/directline/conversations',
      undefined,
      { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    ],
    [415, 'POST', '/api/messages', 'hallo', { 'content-type': 'text/plain' }],
    [400, 'POST', '/api/messages', '{"type":', { 'content-type': 'application/json' }],
    [413, 'POST', '/api/messages', 'x'.repeat(400_000), { 'content-type': 'application/json' }],
    [404, 'GET', '/v3/directline/conversations/%E0%A4%A/activities', undefined, {}],
    [401, 'GET', '/v3/directline/conversations/x/activities', undefined, {}],
    [400, 'POST', '/v3/directline/conversations', '{]', { 'content-type': 'application/json' }],
    [404, 'GET', '/api/cases', undefined, {}],
    [200, 'POST', '/api/webchat/token', 'x', { 'content-type': 'text/plain' }],
    [200, 'GET', '/healthz', undefined, {}],
    [200, 'GET', '/widget.js', undefined, {}],
  ])('%i for %s %s, with the security headers and without internals', async (status, method, path, body, headers) => {
    const response = await fetch(`${t.base}${path}`, { method, body, headers });
    expect(response.status).toBe(status);
    expectSecurityHeaders(response.headers, `${method} ${path}`);
    const text = await response.text();
    if (path !== '/widget.js') expect(text).not.toMatch(/\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|Error: /);
  });

  it('sends them with a 304 too', async () => {
    const first = await fetch(`${t.base}/widget.css`);
    const again = await fetch(`${t.base}/widget.css`, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again.headers, '304');
  });

  it('sends them when a WebSocket upgrade is refused', async () => {
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const socket = new WebSocket(`${t.base.replace('http', 'ws')}/v3/directline/conversations/x/stream?t=forged`);
      socket.on('unexpected-response', (_req, res) => {
        expect(res.statusCode).toBe(401);
        resolve(res.headers);
      });
      socket.on('open', () => reject(new Error('the stream opened')));
      socket.on('error', () => undefined);
    });
    expectSecurityHeaders({ get: (name) => (headers[name] as string | undefined) ?? null }, 'WebSocket 401');
  });

  it('sends them when Node cannot parse the request (400)', async () => {
    const port = Number(new URL(t.base).port);
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const headers = new Map(
      raw
        .split('\r\n')
        .slice(1)
        .filter((line) => line.includes(':'))
        .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
    );
    expectSecurityHeaders({ get: (name) => headers.get(name) ?? null }, 'parser 400');
  });
});

describe('security headers on rate-limited responses', () => {
  let t: WebChatTestServer;
  beforeAll(async () => {
    t = await startWebChatServer({ CONVERSATIONS_PER_HOUR: '1', CONVERSATION_BURST: '1' });
  });
  afterAll(() => t?.close());

  it('a 429 carries them', async () => {
    expect((await t.call('POST', '/api/webchat/token')).status).toBe(200);
    const refused = await t.call('POST', '/api/webchat/token');
    expect(refused.status).toBe(429);
    expectSecurityHeaders(refused.headers, '429');
  });
});
