import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from './helpers/fake-channel.js';
import { eventually, startWebChatServer, type WebChatTestServer } from './helpers/webchat-server.js';

type Json = Record<string, unknown>;
const BOT = { id: '28:ikz-bot', name: 'IKZ-Assistent' };
const CHANNEL = '19:beratung@thread.tacv2';
const KEY = 'advisor-key-for-the-e2e-test-0123';

/**
 * The whole handoff: a user in the self-hosted web chat (Direct Line) hands over to an advisor; the advisor
 * channel is a Teams-shaped conversation whose service is a local capture server.
 */
describe('handoff from web chat to the advisor channel and back', () => {
  const teams = new FakeChannel();
  let teamsUrl = '';
  let t: WebChatTestServer;
  let user: { conversationId: string; token: string };

  const postTeams = (body: Json) =>
    fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const teamsActivity = (overrides: Json): Json => ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: teamsUrl,
    id: `a-${Math.random().toString(36).slice(2)}`,
    from: { id: '29:advisor', name: 'Anna Beraterin' },
    recipient: BOT,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: 't1' },
    channelData: { tenant: { id: 't1' }, team: { id: '19:team' } },
    ...overrides,
  });
  const say = (text: string) =>
    t.call('POST', `/v3/directline/conversations/${user.conversationId}/activities`, user.token, {
      type: 'message',
      from: { id: 'ignored' },
      text,
    });
  const userLog = async () => {
    const response = await t.call('GET', `/v3/directline/conversations/${user.conversationId}/activities?watermark=0`, user.token);
    return ((await response.json()) as { activities: Array<{ from: { role?: string }; text?: string }> }).activities
      .filter((a) => a.from.role === 'bot')
      .map((a) => a.text ?? '');
  };

  beforeAll(async () => {
    teamsUrl = await teams.start();
    // Local anonymous mode: the Teams-shaped activities below are not authenticated, so advisor actions need
    // the unsafe local option; the channel is on the allow-list.
    t = await startWebChatServer({
      ADVISOR_API_KEY: KEY,
      UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true',
      ADVISOR_CHANNEL_ALLOW: `channel:${CHANNEL}`,
    });
    user = await t.startConversation();
  });
  afterAll(async () => {
    await t?.close();
    await teams.stop();
  });

  it('relays a case between user and advisor until the advisor closes it', async () => {
    // An advisor makes the team channel the advisor channel.
    await postTeams(
      teamsActivity({
        text: '<at>IKZ-Assistent</at> Beratungskanal',
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>IKZ-Assistent</at>' }],
      }),
    );
    expect(((await teams.waitForReplies(1))[0] as Json).text).toContain('Dieser Kanal ist jetzt der Beratungskanal');

    // The user asks a question, then hands over.
    for (const text of [
      'Wie viel Förderung gibt es für drei Gemeinden?',
      'Ich möchte mit einem Berater sprechen',
      'Gemeinde Musterdorf',
      'Petra Muster',
      'petra@musterdorf.de',
      'So übernehmen',
      'Ja, ich stimme zu',
    ]) {
      expect((await say(text)).status).toBe(200);
    }
    const confirmation = await eventually(async () => (await userLog()).find((text) => /als Fall \*\*IKZ-\d{4}-0001/.test(text)));
    const caseId = /IKZ-\d{4}-0001/.exec(confirmation)![0];

    // The case card reaches the advisor channel as a new post.
    const card = (await teams.waitForReplies(2))[1] as Json;
    expect(JSON.stringify(card)).toContain(`Neuer Fall ${caseId}`);
    expect(JSON.stringify(card)).toContain('Gemeinde Musterdorf');
    expect(JSON.stringify(card)).toContain('Wie viel Förderung gibt es für drei Gemeinden?');
    const thread = `${CHANNEL};messageid=reply-2`;

    // The advisor takes the case over in its thread; the user is told.
    await postTeams(
      teamsActivity({
        conversation: { id: thread, conversationType: 'channel', isGroup: true },
        text: '',
        value: { action: 'case_claim', caseId },
      }),
    );
    expect(((await teams.waitForReplies(3))[2] as Json).text).toContain(`Anna Beraterin hat Fall ${caseId} übernommen`);
    await eventually(async () =>
      (await userLog()).find((text) => text.includes('Anna Beraterin von der Beratungsstelle hat Ihr Anliegen')),
    );

    // Advisor → user, and user → advisor thread (the bot does not answer in between).
    // Teams delivers channel messages to a bot only when it is @mentioned, so advisors reply with the mention.
    await postTeams(
      teamsActivity({
        conversation: { id: thread, conversationType: 'channel', isGroup: true },
        text: '<at>IKZ-Assistent</at> Guten Tag Frau Muster, wir rufen Sie morgen an.',
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>IKZ-Assistent</at>' }],
      }),
    );
    await eventually(async () => (await userLog()).find((text) => text.includes('**Beratung (Anna Beraterin):** Guten Tag Frau Muster')));
    const before = (await userLog()).length;
    await say('Danke, morgen ab 10 Uhr passt.');
    const relayed = (await teams.waitForReplies(4))[3] as Json;
    expect(relayed.text).toBe('**Petra Muster (Gemeinde Musterdorf):** Danke, morgen ab 10 Uhr passt.');
    expect((relayed.conversation as Json).id).toBe(thread);
    expect((await userLog()).length).toBe(before);

    // Closing returns the user to the bot.
    await postTeams(
      teamsActivity({
        conversation: { id: thread, conversationType: 'channel', isGroup: true },
        text: '',
        value: { action: 'case_close', caseId },
      }),
    );
    await eventually(async () => (await userLog()).find((text) => text.includes('Sie sprechen wieder mit dem IKZ-Assistenten')));
    await say('Wie lange muss die Kooperation mindestens bestehen?');
    await eventually(async () => (await userLog()).find((text) => /5 Jahre|fünf Jahre/.test(text)));

    // The stored case has the whole story, for the files and the advisor API.
    const stored = (await (await fetch(`${t.base}/api/cases/${caseId}`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as {
      status: string;
      claimedBy: string;
      transcript: Array<{ from: string; text: string }>;
    };
    expect(stored).toMatchObject({ status: 'closed', claimedBy: 'Anna Beraterin' });
    expect(stored.transcript).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'user', text: 'Wie viel Förderung gibt es für drei Gemeinden?' }),
        expect.objectContaining({ from: 'advisor', text: 'Guten Tag Frau Muster, wir rufen Sie morgen an.' }),
        expect.objectContaining({ from: 'user', text: 'Danke, morgen ab 10 Uhr passt.' }),
      ]),
    );
  });
});
