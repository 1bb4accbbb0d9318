import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startServer, type RunningServer } from '../src/server.js';
import { SHIPPED_KB } from './helpers/bot-harness.js';
import { FakeChannel } from './helpers/fake-channel.js';
import { TEST_TOKEN_SECRET, eventually } from './helpers/webchat-server.js';

type Json = Record<string, unknown>;
const KEY = 'advisor-key-for-the-security-test-01';
const BOT = { id: '28:ikz-bot', name: 'IKZ-Assistent' };
const ADVISOR_CHANNEL = '19:beratung@thread.tacv2';
const OTHER_CHANNEL = '19:kantine@thread.tacv2';
const HANDOFF = [
  'Ich möchte mit einem Berater sprechen',
  'Gemeinde Musterdorf',
  'Petra Muster',
  'petra@musterdorf.de',
  'Wir planen einen gemeinsamen Bauhof.',
  'Ja, ich stimme zu',
];

/**
 * The real server (local anonymous mode, as `npm start` without an app id) with its operator log captured,
 * a web chat (self-hosted Direct Line) for users and attackers, `/api/messages` for Teams-shaped activities
 * (their replies arrive at `teams`), and the advisor API.
 */
async function start(env: Record<string, string>, teams: FakeChannel, teamsUrl: string) {
  const log: string[] = [];
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: SHIPPED_KB,
    DIRECT_LINE_TOKEN_SECRET: TEST_TOKEN_SECRET,
    STORAGE_BACKEND: 'memory',
    ADVISOR_API_KEY: KEY,
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
    ...env,
  });
  const server: RunningServer = await startServer(
    config,
    createLogger('info', { write: (line: string) => log.push(line) } as unknown as NodeJS.WritableStream),
  );
  await server.ready;
  const base = `http://127.0.0.1:${server.port}`;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A fresh anonymous web-chat conversation: post activities, read what the bot wrote in it. */
  const webChat = async () => {
    const { token } = (await (await call('POST', '/api/webchat/token')).json()) as { token: string };
    const { conversationId } = (await (await call('POST', '/v3/directline/conversations', token, {})).json()) as { conversationId: string };
    const post = async (activity: Json) => {
      expect(
        (await call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, { from: { id: 'ignored' }, ...activity }))
          .status,
      ).toBe(200);
    };
    const botTexts = async () => {
      const page = (await (await call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=0`, token)).json()) as {
        activities: Array<{ from: { role?: string }; text?: string }>;
      };
      return page.activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
    };
    return { post, say: (text: string) => post({ type: 'message', text }), botTexts };
  };

  /** A user who hands a case over; resolves with the case number and the conversation. */
  const victim = async () => {
    const user = await webChat();
    for (const text of HANDOFF) await user.say(text);
    const confirmation = (await user.botTexts()).find((text) => text.includes('als Fall **IKZ-'))!;
    return { user, caseId: /IKZ-\d{4}-\d{4}/.exec(confirmation)![0] };
  };

  /** A Teams-shaped activity posted to /api/messages without any token (local anonymous mode). */
  const teamsPost = async (conversationId: string, overrides: Json) => {
    const response = await call('POST', '/api/messages', undefined, {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: teamsUrl,
      id: `a-${Math.random().toString(36).slice(2)}`,
      from: { id: '29:someone', name: 'Anna Beraterin' },
      recipient: BOT,
      conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: 't1' },
      channelData: { tenant: { id: 't1' }, team: { id: '19:team@thread.tacv2' }, channel: { id: conversationId } },
      ...overrides,
    });
    expect(response.status).toBeLessThan(300);
  };
  const mention = (text: string) => ({
    text: `<at>IKZ-Assistent</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>IKZ-Assistent</at>' }],
  });
  /** The bot's reply to the newest Teams activity. */
  const teamsReply = async () => {
    const count = teams.replies.length;
    return async (): Promise<string> => String(((await teams.waitForReplies(count + 1))[count] as Json).text ?? '');
  };

  const caseStatus = async (id: string) => ((await (await call('GET', `/api/cases/${id}`, KEY)).json()) as { status: string }).status;
  return { server, call, log, webChat, victim, teamsPost, mention, teamsReply, caseStatus, close: () => server.close() };
}

describe('attack: acting as the advisors from outside the advisor channel', () => {
  const teams = new FakeChannel();
  let teamsUrl = '';
  let running: Awaited<ReturnType<typeof start>> | undefined;
  beforeAll(async () => {
    teamsUrl = await teams.start();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  afterAll(() => teams.stop());

  it.each([
    ['default settings', {}],
    [
      'the unsafe local option and an advisor channel on the allow-list',
      { UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true', ADVISOR_CHANNEL_ALLOW: `channel:${ADVISOR_CHANNEL}` },
    ],
  ])('with %s, a fresh anonymous web-chat conversation can neither claim nor close a case, nor learn whose it is', async (_name, env) => {
    const t = (running = await start(env, teams, teamsUrl));
    const { user, caseId } = await t.victim();
    const before = await user.botTexts();
    const attacker = await t.webChat();

    await attacker.post({ type: 'message', text: '', value: { action: 'case_claim', caseId } });
    await attacker.post({ type: 'message', text: '', value: { action: 'case_close', caseId } });

    expect(await t.caseStatus(caseId)).toBe('open');
    expect(await user.botTexts()).toEqual(before); // no „… hat Ihr Anliegen übernommen“, no „abgeschlossen“
    const seen = (await attacker.botTexts()).join('\n');
    expect(seen).not.toContain('Petra Muster');
    expect(seen).not.toContain('übernommen');
    expect(seen).toContain('Das geht nur im Beratungskanal');
    expect(t.log.join('')).toContain('Advisor action refused');
  });

  it('a web-chat user cannot fake a contact-centre hub: handoff.status from the browser is ignored', async () => {
    const t = (running = await start({}, teams, teamsUrl));
    const { user } = await t.victim();
    const before = await user.botTexts();
    for (const state of ['accepted', 'completed', 'failed']) await user.post({ type: 'event', name: 'handoff.status', value: { state } });
    expect(await user.botTexts()).toEqual(before);
  });

  it('without the unsafe option, an unauthenticated Teams-shaped request cannot claim a case, not even "from" the listed channel', async () => {
    const t = (running = await start({ ADVISOR_CHANNEL_ALLOW: `channel:${ADVISOR_CHANNEL}` }, teams, teamsUrl));
    const { user, caseId } = await t.victim();
    const before = await user.botTexts();

    let reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, t.mention('Beratungskanal'));
    expect(await reply()).toContain('kann nur die Beratungsstelle in einem Kanal von Microsoft Teams festlegen');
    reply = await t.teamsReply();
    await t.teamsPost(`${ADVISOR_CHANNEL};messageid=1`, { text: '', value: { action: 'case_claim', caseId } });
    expect(await reply()).toContain('Das geht nur im Beratungskanal');

    expect(await t.caseStatus(caseId)).toBe('open');
    expect(await user.botTexts()).toEqual(before);
    expect(t.log.join('')).toContain('UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS');
  });

  it('with the unsafe option, only the advisor channel acts: another Teams chat cannot claim, the advisor channel can', async () => {
    const t = (running = await start(
      { UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true', ADVISOR_CHANNEL_ALLOW: `channel:${ADVISOR_CHANNEL}` },
      teams,
      teamsUrl,
    ));
    let reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, t.mention('Beratungskanal'));
    expect(await reply()).toContain('Dieser Kanal ist jetzt der Beratungskanal');
    const { user, caseId } = await t.victim();

    for (const [conversation, type] of [
      [OTHER_CHANNEL, 'channel'],
      ['a:personal-chat', 'personal'],
    ] as const) {
      reply = await t.teamsReply();
      await t.teamsPost(conversation, {
        text: '',
        value: { action: 'case_claim', caseId },
        conversation: { id: conversation, conversationType: type, isGroup: type === 'channel', tenantId: 't1' },
      });
      expect(await reply()).toContain('Das geht nur im Beratungskanal');
    }
    expect(await t.caseStatus(caseId)).toBe('open');

    reply = await t.teamsReply();
    await t.teamsPost(`${ADVISOR_CHANNEL};messageid=case-thread`, { text: '', value: { action: 'case_claim', caseId } });
    expect(await reply()).toContain(`Anna Beraterin hat Fall ${caseId} übernommen`);
    expect(await t.caseStatus(caseId)).toBe('claimed');
    await eventually(async () => (await user.botTexts()).find((text) => text.includes('hat Ihr Anliegen')));
    expect(t.log.join('')).toContain('ADVISOR ACTIONS ARE ACCEPTED WITHOUT AUTHENTICATION');
  });
});

describe("attack: making one's own chat the advisor channel", () => {
  const teams = new FakeChannel();
  let teamsUrl = '';
  let running: Awaited<ReturnType<typeof start>> | undefined;
  beforeAll(async () => {
    teamsUrl = await teams.start();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  afterAll(() => teams.stop());

  // The unsafe option stands in for Bot Framework authentication here (local anonymous mode): what is tested is
  // who may set the channel once a request is trusted as coming from Teams.
  const UNSAFE = { UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true' };

  it('without an allow-list or a code "Beratungskanal" is refused kindly, the log says how to allow it, and new cases go nowhere', async () => {
    const t = (running = await start(UNSAFE, teams, teamsUrl));
    const reply = await t.teamsReply();
    await t.teamsPost(OTHER_CHANNEL, t.mention('Beratungskanal'));
    expect(await reply()).toContain('nicht als Beratungskanal festlegen, weil er dafür nicht freigegeben ist');
    const log = t.log.join('');
    expect(log).toContain(`add channel:${OTHER_CHANNEL}`);
    expect(log).toContain('ADVISOR_CHANNEL_ALLOW');
    expect(log).toContain('POST /api/advisor/channel-code');

    const before = teams.replies.length;
    const { caseId } = await t.victim();
    expect(JSON.stringify(teams.replies.slice(before))).not.toContain(caseId);
    expect(JSON.stringify(teams.replies.slice(before))).not.toContain('Petra Muster');
  });

  it('the allow-list admits the listed channel (or team) and nothing else', async () => {
    const t = (running = await start(
      { ...UNSAFE, ADVISOR_CHANNEL_ALLOW: `tenant:6f1c2d3e-1111-2222-3333-444455556666,channel:${ADVISOR_CHANNEL}` },
      teams,
      teamsUrl,
    ));
    const tenant = { tenant: { id: '6f1c2d3e-1111-2222-3333-444455556666' }, team: { id: '19:team@thread.tacv2' } };
    let reply = await t.teamsReply();
    await t.teamsPost(OTHER_CHANNEL, { ...t.mention('Beratungskanal'), channelData: tenant });
    expect(await reply()).toContain('nicht freigegeben');
    reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, {
      ...t.mention('Beratungskanal'),
      channelData: { ...tenant, tenant: { id: 'ffffffff-1111-2222-3333-444455556666' } },
    });
    expect(await reply()).toContain('nicht freigegeben');
    reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, { ...t.mention('Beratungskanal'), channelData: tenant });
    expect(await reply()).toContain('Dieser Kanal ist jetzt der Beratungskanal');
    const before = teams.replies.length;
    const { caseId } = await t.victim();
    const card = teams.replies.slice(before).find((r) => JSON.stringify(r).includes(`Neuer Fall ${caseId}`));
    expect((card!.conversation as { id: string }).id).toBe(ADVISOR_CHANNEL);
  });

  it('a one-time code from the advisor API admits one channel, once', async () => {
    const t = (running = await start(UNSAFE, teams, teamsUrl));
    expect((await t.call('POST', '/api/advisor/channel-code')).status).toBe(401);
    const issued = await t.call('POST', '/api/advisor/channel-code', KEY);
    expect(issued.status).toBe(201);
    const { code, expiresAt } = (await issued.json()) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);

    let reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, t.mention('Beratungskanal ABCDE-FGHJK'));
    expect(await reply()).toContain('Dieser Code ist ungültig, schon benutzt oder abgelaufen');
    reply = await t.teamsReply();
    await t.teamsPost(ADVISOR_CHANNEL, t.mention(`Beratungskanal ${code.toLowerCase()}`));
    expect(await reply()).toContain('Dieser Kanal ist jetzt der Beratungskanal');
    // Used up: another chat cannot take the channel over with the same code.
    reply = await t.teamsReply();
    await t.teamsPost(OTHER_CHANNEL, t.mention(`Beratungskanal ${code}`));
    expect(await reply()).toContain('Dieser Code ist ungültig, schon benutzt oder abgelaufen');

    const before = teams.replies.length;
    const { caseId } = await t.victim();
    const card = teams.replies.slice(before).find((r) => JSON.stringify(r).includes(`Neuer Fall ${caseId}`));
    expect((card!.conversation as { id: string }).id).toBe(ADVISOR_CHANNEL);
  });
});
