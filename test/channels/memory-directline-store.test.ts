import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../src/channels/directline/directline-store.js';
import { MemoryDirectLineStore } from '../../src/channels/directline/memory-directline-store.js';

const record = (conversationId: string, at: number): ConversationRecord => ({
  conversationId,
  userId: 'dl_u',
  locale: 'de-DE',
  createdAt: at,
  lastActiveAt: at,
});

describe('the in-memory Direct Line store', () => {
  it('numbers activities with watermarks and Direct Line ids, and pages after a watermark', async () => {
    const store = new MemoryDirectLineStore();
    expect(await store.createConversation(record('c1', Date.now()))).toEqual({ created: true, evicted: [] });
    expect((await store.createConversation(record('c1', Date.now()))).created).toBe(false);
    const first = await store.appendActivity('c1', { type: 'message', text: 'eins' });
    const second = await store.appendActivity('c1', { type: 'message', text: 'zwei' });
    expect(first).toMatchObject({ watermark: 1, activity: { id: 'c1|0000001' } });
    expect(second).toMatchObject({ watermark: 2, activity: { id: 'c1|0000002' } });
    expect(await store.activitiesAfter('c1', 1)).toEqual({ activities: [second!.activity], watermark: 2 });
    expect((await store.activitiesAfter('c1', 0))?.activities.map((a) => a.text)).toEqual(['eins', 'zwei']);
    expect(await store.activitiesAfter('unknown', 0)).toBeUndefined();
    expect(await store.appendActivity('unknown', { type: 'message' })).toBeUndefined();
  });

  it('keeps copies, so later changes to an activity object do not change the log', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('c1', Date.now()));
    const activity = { type: 'message', text: 'original' };
    await store.appendActivity('c1', activity);
    activity.text = 'changed';
    const page = await store.activitiesAfter('c1', 0);
    page!.activities[0]!.text = 'changed too';
    expect((await store.activitiesAfter('c1', 0))?.activities[0]?.text).toBe('original');
  });

  it('moves a replaced activity to a new watermark and can delete one', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('c1', Date.now()));
    const { activity } = (await store.appendActivity('c1', { type: 'message', text: 'alt' }))!;
    await store.appendActivity('c1', { type: 'message', text: 'danach' });
    const replaced = await store.replaceActivity('c1', { ...activity, text: 'neu' });
    expect(replaced).toMatchObject({ watermark: 3, activity: { id: activity.id, text: 'neu' } });
    expect((await store.activitiesAfter('c1', 2))?.activities.map((a) => a.text)).toEqual(['neu']);
    expect(await store.replaceActivity('c1', { ...activity, id: 'c1|9999999' })).toBeUndefined();
    expect(await store.deleteActivity('c1', activity.id!)).toBe(true);
    expect(await store.deleteActivity('c1', activity.id!)).toBe(false);
    expect((await store.activitiesAfter('c1', 0))?.activities.map((a) => a.text)).toEqual(['danach']);
  });

  it('bounds the activities of a conversation by number and size, oldest first', async () => {
    const store = new MemoryDirectLineStore({ maxActivitiesPerConversation: 3, maxCharsPerConversation: 100_000 });
    await store.createConversation(record('c1', Date.now()));
    for (let i = 1; i <= 5; i++) await store.appendActivity('c1', { type: 'message', text: `m${i}` });
    expect(await store.activitiesAfter('c1', 0)).toMatchObject({ watermark: 5, activities: [{ text: 'm3' }, { text: 'm4' }, { text: 'm5' }] });

    const small = new MemoryDirectLineStore({ maxCharsPerConversation: 500 });
    await small.createConversation(record('c2', Date.now()));
    for (let i = 0; i < 10; i++) await small.appendActivity('c2', { type: 'message', text: 'x'.repeat(150) });
    const kept = (await small.activitiesAfter('c2', 0))!.activities;
    expect(kept.length).toBeLessThan(10);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(500);
  });

  it('evicts the conversation idle longest when full', async () => {
    let now = 1_000_000;
    const store = new MemoryDirectLineStore({ maxConversations: 2 }, () => now);
    await store.createConversation(record('a', now));
    now += 10;
    await store.createConversation(record('b', now));
    now += 10;
    await store.appendActivity('a', { type: 'message', text: 'a ist aktiv' });
    now += 10;
    expect(await store.createConversation(record('c', now))).toEqual({ created: true, evicted: ['b'] });
    expect(store.size).toBe(2);
    expect(await store.getConversation('b')).toBeUndefined();
    expect(await store.getConversation('a')).toBeDefined();
  });

  it('deletes conversations after their idle time', async () => {
    let now = 1_000_000;
    const store = new MemoryDirectLineStore({ idleTtlMs: 60_000 }, () => now);
    await store.createConversation(record('old', now));
    now += 30_000;
    await store.createConversation(record('young', now));
    now += 30_000;
    expect(await store.removeExpired(now)).toEqual(['old']);
    expect(await store.getConversation('young')).toBeDefined();
    now += 30_000;
    expect(await store.getConversation('young')).toBeUndefined();
  });
});
