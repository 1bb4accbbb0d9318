import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { FakeChannel } from '../helpers/fake-channel.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';
import { readJson } from '../helpers/json.js';

const activity = (serviceUrl: string, text: string, id = 'a1') => ({
  type: 'message',
  id,
  text,
  channelId: 'test',
  serviceUrl,
  from: { id: 'user-1', name: 'Nutzerin' },
  recipient: { id: 'bot', name: 'IKZ-Assistent' },
  conversation: { id: `conv-${id}` },
  locale: 'de-DE',
});

const APP_ID = '00000000-0000-0000-0000-000000000001';

/** A JWT in the Bot Framework's shape (RS256 header, key id), signed with a key the bot cannot know. */
function jwt(claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' })}.${encode({ serviceurl: 'http://127.0.0.1:9', ...claims })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

const post = (port: number, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Starts the fake channel and the real server (shipped knowledge, memory storage, `settings` on top) and waits until it is ready. */
async function startWithChannel(
  channel: FakeChannel,
  settings: Record<string, string> = {},
): Promise<{ serviceUrl: string; server: RunningServer }> {
  const serviceUrl = await channel.start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHIPPED_KB, STORAGE_BACKEND: 'memory', ...settings });
  const server = await startServer(config, silentLogger());
  await server.ready;
  return { serviceUrl, server };
}

describe('the real server in local anonymous mode', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  let server: RunningServer;

  beforeAll(async () => {
    ({ serviceUrl, server } = await startWithChannel(channel));
  });

  /** Sends a question as `id` and waits for its answer: true when every reply since `before` answers it. */
  const answeredAlone = async (before: number, id: string): Promise<boolean> => {
    await post(server.port, activity(serviceUrl, 'Was ist ein Zweckverband?', id));
    await channel.waitForReplyTo(id);
    return channel.replies.slice(before).every((reply) => reply.replyToId === id);
  };
  afterAll(async () => {
    await server?.close();
    await channel.stop();
  });

  it('answers a message with a German answer, its source and its date, sent to the channel', async () => {
    const response = await post(server.port, activity(serviceUrl, 'Welche Unterlagen gehören zum IKZ-Förderantrag?'));
    expect(response.status).toBeLessThan(300);
    const [reply] = await channel.waitForReplies(1);
    expect(reply!.replyToId).toBe('a1');
    expect(reply!.conversation?.id).toBe('conv-a1');
    expect(reply!.text).toContain('Gruppenantrag');
    expect(reply!.text).toMatch(/Quelle: \[.+\]\(https?:\/\/.+\) · (Stand: \d{2}\.\d{2}\.\d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u);
  });

  it('ignores an unknown activity type without error and without a reply', async () => {
    const before = channel.replies.length;
    const response = await post(server.port, { ...activity(serviceUrl, 'x', 'u1'), type: 'somethingNew' });
    expect(response.status).toBeLessThan(300);
    // Positive control: a question sent afterwards is answered, and its answer is the only new reply.
    expect(await answeredAlone(before, 'after-unknown')).toBe(true);
  });

  it('reports alive and ready with the number of articles', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', skippedFiles: [] });
  });

  it('sends a request id back on every response', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
  });

  it.each([
    ['an activity without type', { text: 'x', conversation: { id: 'c' }, from: { id: 'u' }, serviceUrl: 'http://127.0.0.1:9' }, {}, 400],
    ['an activity without conversation', { type: 'message', text: 'x', from: { id: 'u' }, serviceUrl: 'http://127.0.0.1:9' }, {}, 400],
    ['an activity without from', { type: 'message', text: 'x', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9' }, {}, 400],
    ['a JSON array', [1, 2], {}, 400],
    ['a body over the size limit', { type: 'message', text: 'x'.repeat(300_000) }, {}, 413],
    ['invalid JSON', '{"type": "message"', {}, 400],
    ['a wrong content type', 'hallo', { 'content-type': 'text/plain' }, 415],
  ])('rejects %s with a 4xx and processes nothing', async (name, body, headers, status) => {
    const before = channel.replies.length;
    const response = await post(server.port, body, headers);
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(text).not.toMatch(/\bat \S+:\d+|node_modules|validateAndFixActivity/);
    expect(await answeredAlone(before, `after-${status}-${name.replace(/\W+/g, '-')}`)).toBe(true);
  });
});

describe('activities with wrong field types on the real server', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  let server: RunningServer;

  beforeAll(async () => {
    ({ serviceUrl, server } = await startWithChannel(channel));
  });
  afterAll(async () => {
    await server?.close();
    await channel.stop();
  });

  const repliesIn = (conversationId: string) =>
    channel.replies.filter((reply) => reply.conversation?.id === conversationId).map((reply) => reply.text ?? '');

  it.each([
    ['a numeric text', { text: 5 }],
    ['membersAdded as a string', { type: 'conversationUpdate', membersAdded: 'x' }],
    ['a member without id', { type: 'conversationUpdate', membersAdded: [5] }],
    ['an invoke with the value 42', { type: 'invoke', name: 'adaptiveCard/action', value: 42 }],
    ['a numeric invoke name', { type: 'invoke', name: 5, value: {} }],
    ['a numeric value', { text: 'x', value: 42 }],
    ['attachments as a string', { text: 'x', attachments: 'x' }],
    ['a numeric attachment', { text: 'x', attachments: [5] }],
    ['entities as a string', { text: 'x', entities: 'x' }],
    ['channelData as a number', { text: 'x', channelData: 5 }],
    ['recipient as a string', { text: 'x', recipient: 'bot' }],
    ['a numeric locale', { text: 'x', locale: 5 }],
    ['a numeric sender name', { text: 'x', from: { id: 'user-1', name: 5 } }],
    ['isGroup as a string', { text: 'x', conversation: { id: 'REPLACED', isGroup: 'yes' } }],
    ['a numeric id', { text: 'x', id: 5 }],
    ['a numeric replyToId', { text: 'x', replyToId: 5 }],
  ])('refuses %s with 400, and the Förder-Check in progress goes on', async (_name, fields) => {
    const conversationId = `types-${_name.replace(/\W+/g, '-')}`;
    const send = (extra: Record<string, unknown>) => {
      const base = activity(serviceUrl, 'Förder-Check', `${conversationId}-${channel.replies.length}`);
      const conversation = (extra.conversation as object | undefined) ?? {};
      return post(server.port, { ...base, ...extra, conversation: { ...conversation, id: conversationId } });
    };
    expect((await send({})).status).toBeLessThan(300);
    expect(repliesIn(conversationId).join('\n')).toContain('Wer stellt den Antrag?');

    const refused = await send(fields);
    expect(refused.status).toBe(400);
    expect((await readJson<{ error: string }>(refused)).error).toMatch(/^Invalid activity: /);

    expect((await send({ text: 'Gemeinde oder Stadt' })).status).toBeLessThan(300);
    const replies = repliesIn(conversationId);
    expect(replies.join('\n')).not.toMatch(/Entschuldigung/);
    expect(replies.at(-1)).toContain('Sind alle Beteiligten hessische Kommunen?');
  });

  it('accepts what real channels send: nulls for empty fields, string values, Teams-shaped accounts and entities', async () => {
    const response = await post(server.port, {
      ...activity(serviceUrl, 'Wer darf einen Antrag stellen?', 'well-formed'),
      replyToId: null,
      value: null,
      localTimezone: 'Europe/Berlin',
      from: { id: 'user-1', name: 'Nutzerin', aadObjectId: '00000000-0000-0000-0000-000000000002' },
      conversation: { id: 'well-formed', conversationType: 'personal', tenantId: 't', isGroup: false },
      entities: [{ type: 'clientInfo', locale: 'de-DE' }],
      channelData: { tenant: { id: 't' } },
    });
    expect(response.status).toBe(200);
    expect(repliesIn('well-formed').join('\n')).toMatch(/Quelle:/);
  });
});

describe('the real server with a Microsoft App ID', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  let server: RunningServer;

  beforeAll(async () => {
    ({ serviceUrl, server } = await startWithChannel(channel, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'test-secret',
      MicrosoftAppType: 'MultiTenant',
    }));
  });
  afterAll(async () => {
    await server?.close();
    await channel.stop();
  });

  it.each([
    ['without a token', {}],
    ['with a forged token', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl' }],
    ['with an expired token', { authorization: `Bearer ${jwt({ aud: APP_ID, iss: 'https://api.botframework.com', exp: 1_600_000_000 })}` }],
    [
      'with a wrongly signed token',
      { authorization: `Bearer ${jwt({ aud: APP_ID, iss: 'https://api.botframework.com', exp: 4_000_000_000 })}` },
    ],
    [
      'with a token for another audience',
      { authorization: `Bearer ${jwt({ aud: 'someone-else', iss: 'https://api.botframework.com', exp: 4_000_000_000 })}` },
    ],
  ])('refuses an activity %s with 401 and does not process it', async (_name, headers) => {
    const response = await post(server.port, activity(serviceUrl, 'Wer darf einen Antrag stellen?', 'secure'), headers);
    expect(response.status).toBe(401);
    // The adapter refuses before the turn runs; a processed turn would have replied before the response.
    expect(channel.replies).toEqual([]);
  });
});
