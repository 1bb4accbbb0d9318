import { ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import type { ActivityEvent } from '../../src/channels/directline/conversation-hub.js';
import { DirectLineChannel } from '../../src/channels/directline/directline-channel.js';
import { MemoryDirectLineStore } from '../../src/channels/directline/memory-directline-store.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { SMALL_KB, knowledgeOf } from '../helpers/bot-harness.js';
import { eventually } from '../helpers/webchat-server.js';

async function channelWith(
  runTurn?: (context: TurnContext) => Promise<void>,
  store = new MemoryDirectLineStore(),
  now: () => number = Date.now,
) {
  const bundle = createBot({ knowledge: await knowledgeOf(SMALL_KB), office: loadConfig({}).office, logger: silentLogger() });
  const removed: string[] = [];
  const channel = new DirectLineChannel({
    store,
    runTurn: runTurn ?? ((context) => bundle.bot.run(context)),
    logger: silentLogger(),
    now,
    onConversationRemoved: async (context) => {
      removed.push(context.activity.conversation.id);
      await bundle.conversationState.delete(context);
    },
  });
  channel.adapter.onTurnError = bundle.onTurnError;
  return { channel, bundle, store, removed };
}

const log = async (channel: DirectLineChannel, id: string) => (await channel.activitiesAfter(id, 0))!.activities;

describe('the Direct Line channel (in-process adapter on the real bot)', () => {
  it('greets a new user through a conversationUpdate with membersAdded', async () => {
    let seen: Partial<Activity> | undefined;
    const { channel, bundle } = await channelWith(async (context) => {
      seen ??= { ...context.activity };
      await bundle.bot.run(context);
    });
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    const [greeting] = await eventually(async () => {
      const activities = await log(channel, 'c1');
      return activities.length ? activities : undefined;
    });
    expect(seen).toMatchObject({
      type: ActivityTypes.ConversationUpdate,
      channelId: 'directline',
      membersAdded: [{ id: 'dl_user' }],
      recipient: { id: 'ikz-assistent' },
    });
    expect(greeting).toMatchObject({ from: { id: 'ikz-assistent', role: 'bot' }, recipient: { id: 'dl_user' } });
    expect(greeting!.suggestedActions?.actions.length).toBeGreaterThan(0);
    channel.close();
  });

  it('runs the turns of one conversation in order, each reply after the echo of its message', async () => {
    const { channel } = await channelWith();
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    await Promise.all([
      channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' }),
      channel.postActivity('c1', 'dl_user', { type: 'message', text: 'danke' }),
    ]);
    const texts = (await log(channel, 'c1')).map((a) => `${a.from.role}: ${a.text?.slice(0, 20)}`);
    const at = (pattern: RegExp) => texts.findIndex((t) => pattern.test(t));
    expect(texts).toHaveLength(5);
    expect(at(/^bot: Guten Tag/)).toBe(0);
    expect(at(/^user: hilfe/)).toBeLessThan(at(/^bot: \*\*So nutzen Sie/));
    expect(at(/^user: danke/)).toBeLessThan(at(/^bot: Gern geschehen/));
    expect(at(/^bot: \*\*So nutzen Sie/)).toBeLessThan(at(/^bot: Gern geschehen/));
    channel.close();
  });

  it("apologises through the bot's onTurnError when a turn fails, and keeps serving", async () => {
    let fail = true;
    const { channel, bundle } = await channelWith(async (context) => {
      if (fail && context.activity.type === 'message') throw new Error('boom');
      await bundle.bot.run(context);
    });
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' });
    expect((await log(channel, 'c1')).at(-1)?.text).toMatch(/Entschuldigung/);
    fail = false;
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' });
    expect((await log(channel, 'c1')).at(-1)?.text).toMatch(/So nutzen Sie/);
    channel.close();
  });

  it('updates activities in place (also by URL-encoded id) and deletes them', async () => {
    let sentId = '';
    const { channel } = await channelWith(async (context) => {
      if (context.activity.type !== 'message') return;
      if (context.activity.text === 'senden') sentId = (await context.sendActivity('Entwurf'))!.id;
      if (context.activity.text === 'ändern') {
        await context.updateActivity({ ...MessageFactory.text('Endfassung'), id: sentId.replace('|', '%7C') });
      }
      if (context.activity.text === 'löschen') await context.deleteActivity(sentId);
    });
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    const pushed: ActivityEvent[] = [];
    await channel.connect('c1', 0, { push: (e) => pushed.push(e), close: () => undefined });
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'senden' });
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'ändern' });
    const updated = pushed.at(-1)!.activities[0]!;
    expect(updated).toMatchObject({ id: sentId, text: 'Endfassung' });
    expect((await log(channel, 'c1')).filter((a) => a.id === sentId).map((a) => a.text)).toEqual(['Endfassung']);
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'löschen' });
    expect((await log(channel, 'c1')).some((a) => a.id === sentId)).toBe(false);
    channel.close();
  });

  it('replays and then streams without gaps or duplicates', async () => {
    const { channel } = await channelWith();
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' });
    const pushed: ActivityEvent[] = [];
    const disconnect = await channel.connect('c1', 1, { push: (e) => pushed.push(e), close: () => undefined });
    expect(pushed[0]!.activities.map((a) => a.text?.slice(0, 5))).toEqual(['hilfe', '**So ']);
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'danke' });
    const ids = pushed.flatMap((e) => e.activities.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(4);
    expect(pushed.at(-1)!.watermark).toBe(5);
    disconnect!();
    expect(channel.hub.count('c1')).toBe(0);
    expect(await channel.connect('unknown', 0, { push: () => undefined, close: () => undefined })).toBeUndefined();
    channel.close();
  });

  it('ends live connections and deletes the bot state of expired conversations', async () => {
    let now = Date.now();
    const store = new MemoryDirectLineStore({ idleTtlMs: 60_000 }, () => now);
    const { channel, removed, bundle } = await channelWith(undefined, store, () => now);
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' });
    let closed = false;
    await channel.connect('c1', 0, { push: () => undefined, close: () => (closed = true) });
    // The bot's MemoryStorage sits inside the GuardedStorage wrapper.
    const storage = (bundle.conversationState as unknown as { storage: { inner: { memory: Record<string, unknown> } } }).storage.inner;
    // MemoryStorage deletes by setting the key to undefined.
    const stateOfC1 = () =>
      Object.entries(storage.memory).filter(([key, value]) => key.startsWith('directline/conversations/c1') && value !== undefined);
    expect(stateOfC1()).toHaveLength(1);
    now += 61_000;
    await channel.sweep();
    expect(removed).toEqual(['c1']);
    expect(closed).toBe(true);
    expect(stateOfC1()).toEqual([]);
    expect(await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hallo?' })).toBeUndefined();
    channel.close();
  });
});

describe('a slow bot turn', () => {
  it("does not hold the client's post longer than turnWaitMs; the reply follows in the log", async () => {
    const bundle = createBot({ knowledge: await knowledgeOf(SMALL_KB), office: loadConfig({}).office, logger: silentLogger() });
    const channel = new DirectLineChannel({
      store: new MemoryDirectLineStore(),
      logger: silentLogger(),
      turnWaitMs: 50,
      runTurn: async (context) => {
        if (context.activity.type === 'message') await new Promise((resolve) => setTimeout(resolve, 300));
        await bundle.bot.run(context);
      },
    });
    await channel.startConversation('c1', 'dl_user', 'de-DE');
    const started = Date.now();
    expect(await channel.postActivity('c1', 'dl_user', { type: 'message', text: 'hilfe' })).toBe('c1|0000002');
    expect(Date.now() - started).toBeLessThan(250);
    await eventually(async () => ((await log(channel, 'c1')).some((a) => /So nutzen Sie/.test(a.text ?? '')) ? true : undefined));
    channel.close();
  });
});
