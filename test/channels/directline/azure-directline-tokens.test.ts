import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AzureDirectLineTokens, AzureTokenError } from '../../../src/channels/directline/azure-directline-tokens.js';
import { startWebChatServer, type WebChatTestServer } from '../../helpers/webchat-server.js';

const DOMAIN = 'https://europe.directline.botframework.com/v3/directline';

describe('exchanging the Azure Direct Line secret for a token', () => {
  it('posts the secret server-side to tokens/generate with a dl_ user and returns the token', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Response.json({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 });
    }) as unknown as typeof fetch;
    const issued = await new AzureDirectLineTokens('the-secret', DOMAIN, fetchFn).issueForNewConversation();
    expect(issued).toEqual({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600, domain: DOMAIN });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${DOMAIN}/tokens/generate`);
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer the-secret');
    expect((JSON.parse(calls[0]!.init.body as string) as { user: { id: string } }).user.id).toMatch(/^dl_/);
  });

  it.each([
    ['an error status', async () => new Response('{}', { status: 403 })],
    ['a body without a token', async () => Response.json({ conversationId: 'c' })],
    ['a network error', async () => Promise.reject(new Error('ENOTFOUND'))],
  ])('fails clearly on %s', async (_name, answer) => {
    const tokens = new AzureDirectLineTokens('s', DOMAIN, answer);
    await expect(tokens.issueForNewConversation()).rejects.toBeInstanceOf(AzureTokenError);
  });
});

describe('the token endpoint with DIRECT_LINE_SECRET set', () => {
  let t: WebChatTestServer;
  let azureCalls = 0;
  let azureFails = false;
  beforeAll(async () => {
    const realFetch = globalThis.fetch;
    // The server captures fetch when it starts: answer Azure's URL here, pass everything else through.
    vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
      if ((input instanceof Request ? input.url : input.toString()).startsWith(DOMAIN)) {
        azureCalls++;
        if (azureFails) return new Response('{}', { status: 500 });
        return Response.json({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 1800 });
      }
      return realFetch(input, init);
    });
    t = await startWebChatServer({ DIRECT_LINE_SECRET: 'azure-secret', DIRECT_LINE_DOMAIN: DOMAIN });
  });
  afterAll(async () => {
    await t?.close();
    vi.unstubAllGlobals();
  });

  it('answers with an Azure token and the Azure endpoint; the secret never leaves the server', async () => {
    const response = await t.call('POST', '/api/webchat/token');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 1800, domain: DOMAIN });
    expect(text).not.toContain('azure-secret');
    expect(azureCalls).toBe(1);
  });

  it('answers 502 when Azure does not hand out a token', async () => {
    azureFails = true;
    expect((await t.call('POST', '/api/webchat/token')).status).toBe(502);
    azureFails = false;
  });
});
