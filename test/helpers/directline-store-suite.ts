import { describe, expect, it } from 'vitest';
import type { ConversationRecord, DirectLineStore } from '../../src/channels/directline/directline-store.js';
import type { MemoryStoreLimits } from '../../src/channels/directline/memory-directline-store.js';

/** A fresh, empty store under test, and how many conversations it holds. */
export interface DirectLineStoreUnderTest {
  store: DirectLineStore;
  count(): Promise<number>;
}

/** Creates an empty store with the given limits and clock. */
export type DirectLineStoreFactory = (limits?: Partial<MemoryStoreLimits>, now?: () => number) => Promise<DirectLineStoreUnderTest>;

export const record = (conversationId: string, at: number): ConversationRecord => ({
  conversationId,
  userId: 'dl_u',
  locale: 'de-DE',
  createdAt: at,
  lastActiveAt: at,
});

/**
 * The behaviour every {@link DirectLineStore} must show (watermarks, ids, copies, replace/delete, bounds,
 * eviction, expiry): run it for each implementation.
 *
 * @example
 * ```ts
 * describeDirectLineStore('memory', async (limits, now) => { const store = new MemoryDirectLineStore(limits, now); return { store, count: async () => store.size }; });
 * ```
 */
export function describeDirectLineStore(name: string, create: DirectLineStoreFactory): void {
  describe(`a Direct Line store (${name})`, () => {
    it('numbers activities with watermarks and Direct Line ids, and pages after a watermark', async () => {
      const { store } = await create();
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
      const { store } = await create();
      await store.createConversation(record('c1', Date.now()));
      const activity = { type: 'message', text: 'original' };
      await store.appendActivity('c1', activity);
      activity.text = 'changed';
      const page = await store.activitiesAfter('c1', 0);
      page!.activities[0]!.text = 'changed too';
      expect((await store.activitiesAfter('c1', 0))?.activities[0]?.text).toBe('original');
    });

    it('moves a replaced activity to a new watermark and can delete one', async () => {
      const { store } = await create();
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
      const { store } = await create({ maxActivitiesPerConversation: 3, maxCharsPerConversation: 100_000 });
      await store.createConversation(record('c1', Date.now()));
      for (let i = 1; i <= 5; i++) await store.appendActivity('c1', { type: 'message', text: `m${i}` });
      expect(await store.activitiesAfter('c1', 0)).toMatchObject({
        watermark: 5,
        activities: [{ text: 'm3' }, { text: 'm4' }, { text: 'm5' }],
      });

      const { store: small } = await create({ maxCharsPerConversation: 500 });
      await small.createConversation(record('c2', Date.now()));
      for (let i = 0; i < 10; i++) await small.appendActivity('c2', { type: 'message', text: 'x'.repeat(150) });
      const kept = (await small.activitiesAfter('c2', 0))!.activities;
      expect(kept.length).toBeLessThan(10);
      expect(JSON.stringify(kept).length).toBeLessThanOrEqual(500);
    });

    it('evicts the conversation idle longest when full, once it has been idle long enough', async () => {
      let now = 1_000_000;
      const { store, count } = await create({ maxConversations: 2, minIdleBeforeEvictionMs: 15 }, () => now);
      await store.createConversation(record('a', now));
      now += 10;
      await store.createConversation(record('b', now));
      now += 10;
      await store.appendActivity('a', { type: 'message', text: 'a ist aktiv' });
      now += 10;
      expect(await store.createConversation(record('c', now))).toEqual({ created: true, evicted: ['b'] });
      expect(await count()).toBe(2);
      expect(await store.getConversation('b')).toBeUndefined();
      expect(await store.getConversation('a')).toBeDefined();
    });

    it('refuses a new conversation instead of evicting an active one, and says when room is expected', async () => {
      let now = 1_000_000;
      const { store, count } = await create({ maxConversations: 2, minIdleBeforeEvictionMs: 60_000 }, () => now);
      await store.createConversation(record('a', now));
      now += 10_000;
      await store.createConversation(record('b', now));
      now += 10_000;
      expect(await store.createConversation(record('c', now))).toEqual({ created: false, evicted: [], full: { retryAfterMs: 40_000 } });
      expect(await count()).toBe(2);
      expect(await store.getConversation('a')).toBeDefined();
      expect(await store.getConversation('c')).toBeUndefined();
      now += 40_000; // 'a' has now been idle for a minute
      expect(await store.createConversation(record('c', now))).toEqual({ created: true, evicted: ['a'] });
    });

    it('deletes conversations after their idle time', async () => {
      let now = 1_000_000;
      const { store } = await create({ idleTtlMs: 60_000 }, () => now);
      await store.createConversation(record('old', now));
      now += 30_000;
      await store.createConversation(record('young', now));
      now += 30_000;
      expect(await store.removeExpired(now)).toEqual(['old']);
      expect(await store.getConversation('young')).toBeDefined();
      now += 30_000;
      expect(await store.getConversation('young')).toBeUndefined();
    });

    it('deletes a conversation with its log', async () => {
      const { store, count } = await create();
      await store.createConversation(record('gone', Date.now()));
      await store.appendActivity('gone', { type: 'message', text: 'weg' });
      await store.deleteConversation('gone');
      expect(await store.getConversation('gone')).toBeUndefined();
      expect(await store.activitiesAfter('gone', 0)).toBeUndefined();
      expect(await count()).toBe(0);
    });
  });
}
