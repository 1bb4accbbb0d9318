import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

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
    ['GET', '/does-not-exist', undefined, undefined],
    ['POST', '/api/messages', '{"type":', 'application/json'],
    ['POST', '/api/messages', 'x'.repeat(400_000), 'application/json'],
    ['GET', '/v3/directline/conversations/%E0%A4%A/activities', undefined, undefined],
    ['POST', '/v3/directline/conversations', '{]', 'application/json'],
    ['GET', '/api/cases', undefined, undefined],
    ['POST', '/api/webchat/token', 'x', 'text/plain'],
  ])('%s %s answers without stack traces or internal paths', async (method, path, body, type) => {
    const response = await fetch(`${t.base}${path}`, { method, body, headers: type ? { 'content-type': type } : {} });
    expect(response.status).toBeGreaterThanOrEqual(200);
    const text = await response.text();
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|Error: /);
  });
});
