import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { SHIPPED_KB } from './bot-harness.js';

/** The token secret the test servers sign with (so tests can forge expired tokens the server would trust). */
export const TEST_TOKEN_SECRET = 'test-secret-for-direct-line-tokens-0123456789';

/** A running bot server on a free port with the shipped knowledge base, plus helpers for its web chat. */
export interface WebChatTestServer {
  server: RunningServer;
  base: string;
  /** `POST /api/webchat/token`. */
  newToken(): Promise<{ conversationId: string; token: string; expires_in: number }>;
  /** A new token whose conversation is started (`POST /v3/directline/conversations`). */
  startConversation(): Promise<{ conversationId: string; token: string; streamUrl: string }>;
  /** A Direct Line API call with a bearer token. */
  call(method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startWebChatServer(env: Record<string, string> = {}): Promise<WebChatTestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: SHIPPED_KB,
    DIRECT_LINE_TOKEN_SECRET: TEST_TOKEN_SECRET,
    STORAGE_BACKEND: 'memory',
    // Tests open many conversations from one address; the limits themselves are tested separately.
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
    CONVERSATIONS_PER_HOUR: '1000000',
    CONVERSATION_BURST: '10000',
    ...env,
  });
  const server = await startServer(config, silentLogger());
  await server.ready;
  const base = `http://127.0.0.1:${server.port}`;
  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const newToken = async () => {
    const response = await call('POST', '/api/webchat/token');
    if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
    return (await response.json()) as { conversationId: string; token: string; expires_in: number };
  };
  return {
    server,
    base,
    call,
    newToken,
    startConversation: async () => {
      const { token } = await newToken();
      const response = await call('POST', '/v3/directline/conversations', token, {});
      if (response.status !== 201) throw new Error(`start answered ${response.status}`);
      return (await response.json()) as { conversationId: string; token: string; streamUrl: string };
    },
    close: () => server.close(),
  };
}

/**
 * A token the test server would accept, but with chosen claims and expiry (seconds since the epoch);
 * `chain` is when the conversation's first token was issued.
 */
export function signTestToken(claims: { conv: string; user: string; chain?: number }, exp: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('ikz-assistent')
    .setAudience('ikz-assistent/directline')
    .setIssuedAt(exp - 1800)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(TEST_TOKEN_SECRET));
}

/** Polls until `check` returns a value (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
