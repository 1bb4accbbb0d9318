import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAM_WELCOME } from '../../src/channels/teams/teams-turn.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { FakeChannel } from '../helpers/fake-channel.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

type Json = Record<string, unknown>;
const BOT = { id: '28:ikz-bot', name: 'IKZ-Assistent' };

/** A Teams-shaped activity as the Teams service sends it. */
function teamsActivity(serviceUrl: string, overrides: Json): Json {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `t-${Math.random().toString(36).slice(2)}`,
    from: { id: '29:user-1', name: 'Petra Muster', aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
    recipient: BOT,
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'de-DE',
    ...overrides,
  };
}

/** Everything visible in a Teams reply: its text and the texts and action titles of its cards. */
function visible(reply: Json): string {
  const parts: string[] = [String(reply.text ?? '')];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const n = node as Json;
      if (typeof n.text === 'string') parts.push(n.text);
      if (typeof n.title === 'string') parts.push(n.title);
      Object.values(n).forEach(walk);
    }
  };
  walk(reply.attachments);
  return parts.join('\n');
}

describe('Teams-shaped activities on /api/messages', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  let server: RunningServer;
  const post = (body: Json) =>
    fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    serviceUrl = await channel.start();
    server = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHIPPED_KB, STORAGE_BACKEND: 'memory' }),
      silentLogger(),
    );
    await server.ready;
  });
  beforeEach(() => void channel.replies.splice(0));
  afterAll(async () => {
    await server?.close();
    await channel.stop();
  });

  it('answers in personal chat with an Adaptive Card carrying the source and related-topic actions', async () => {
    await post(teamsActivity(serviceUrl, { type: 'message', text: 'Wie hoch ist die Förderung für drei Gemeinden?' }));
    const [reply] = (await channel.waitForReplies(1)) as Json[];
    const card = (reply!.attachments as Json[])[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((card.content as Json).version).toBe('1.5');
    expect(visible(reply!)).toContain('75.000 €');
    expect(visible(reply!)).toMatch(
      /Quelle: \[.+\]\(https:\/\/.+\) · (Stand: \d{2}\.\d{2}\.\d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u,
    );
    const actions = (card.content as Json).actions as Json[];
    expect(actions.map((a) => a.title)).toContain('Förder-Check starten');
    expect(actions.every((a) => a.type === 'Action.Submit' && typeof (a.data as Json).action === 'string')).toBe(true);
  });

  it('answers a channel message that mentions the bot, without the mention text, in the thread', async () => {
    const activity = teamsActivity(serviceUrl, {
      type: 'message',
      id: 'msg-42',
      text: '<at>IKZ-Assistent</at> Welche Unterlagen gehören zum Förderantrag?',
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>IKZ-Assistent</at>' }],
      conversation: { id: '19:channel@thread.tacv2;messageid=msg-42', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team' }, channel: { id: '19:channel@thread.tacv2' } },
    });
    await post(activity);
    const [reply] = (await channel.waitForReplies(1)) as Json[];
    expect(reply!.replyToId).toBe('msg-42');
    expect((reply!.conversation as Json).id).toBe('19:channel@thread.tacv2;messageid=msg-42');
    expect(visible(reply!)).toContain('Gruppenantrag');
    expect(visible(reply!)).not.toContain('<at>');
  });

  it('stays silent on a group-chat message that does not mention it', async () => {
    await post(
      teamsActivity(serviceUrl, {
        type: 'message',
        text: 'Wer bringt morgen Kuchen mit?',
        conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(channel.replies).toEqual([]);
  });

  it('welcomes on install in personal scope, with the dialogs as actions', async () => {
    await post(teamsActivity(serviceUrl, { type: 'installationUpdate', action: 'add' }));
    const [reply] = (await channel.waitForReplies(1)) as Json[];
    expect(visible(reply!)).toContain('IKZ-Assistent');
    expect(visible(reply!)).toContain('Förder-Check starten');
  });

  it('says a short hello when added to a team', async () => {
    await post(
      teamsActivity(serviceUrl, {
        type: 'conversationUpdate',
        membersAdded: [BOT],
        conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team' }, eventType: 'teamMemberAdded' },
      }),
    );
    const [reply] = (await channel.waitForReplies(1)) as Json[];
    expect(reply!.text).toBe(TEAM_WELCOME);
  });

  it('answers the message-extension search with insertable answer cards', async () => {
    const response = await post(
      teamsActivity(serviceUrl, {
        type: 'invoke',
        name: 'composeExtension/query',
        value: {
          commandId: 'searchKnowledge',
          parameters: [{ name: 'frage', value: 'Förderhöhe GVV' }],
          queryOptions: { skip: 0, count: 25 },
        },
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { composeExtension: { type: string; attachments: Json[] } };
    expect(body.composeExtension.type).toBe('result');
    const first = body.composeExtension.attachments[0]!;
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((first.preview as Json).contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(JSON.stringify(first.content)).toContain('Quelle:');
    expect(JSON.stringify(body.composeExtension.attachments)).toContain('Gemeindeverwaltungsverband');
  });

  it('tells the message extension when nothing fits', async () => {
    const response = await post(
      teamsActivity(serviceUrl, {
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: 'searchKnowledge', parameters: [{ name: 'frage', value: 'Hundesteuer Kassel' }] },
      }),
    );
    const body = (await response.json()) as { composeExtension: { type: string; text: string } };
    expect(body.composeExtension).toMatchObject({ type: 'message', text: expect.stringContaining('nichts Passendes') });
  });

  it('advances the Förder-Check with an Action.Submit value from a card', async () => {
    await post(
      teamsActivity(serviceUrl, {
        type: 'message',
        text: 'Förder-Check',
        conversation: { id: 'a:personal-dialog', conversationType: 'personal' },
      }),
    );
    await channel.waitForReplies(2);
    expect(visible(channel.replies[1] as Json)).toContain('Wer stellt den Antrag?');
    await post(
      teamsActivity(serviceUrl, {
        type: 'message',
        text: 'Gemeinde oder Stadt',
        value: { action: 'choice', step: 'applicant', value: 'gemeinde' },
        conversation: { id: 'a:personal-dialog', conversationType: 'personal' },
      }),
    );
    const replies = (await channel.waitForReplies(3)) as Json[];
    expect(visible(replies[2]!)).toContain('Sind alle Beteiligten hessische Kommunen?');
  });
});
