import { describe, expect, it } from 'vitest';
import { KeyValueDirectLineStore } from '../../../src/channels/directline/keyvalue-directline-store.js';
import { MemoryKeyValueStore } from '../../../src/storage/key-value-store.js';
import { record } from '../../helpers/directline-store-suite.js';
import { sharedChannels } from '../../helpers/shared-directline.js';

/** Two instances' stores on one shared document store (in memory here; test/storage does it on Azure Blob Storage). */
const twoStores = () => {
  const shared = new MemoryKeyValueStore();
  return [new KeyValueDirectLineStore(shared), new KeyValueDirectLineStore(shared)] as const;
};

describe('Direct Line on a store shared by two instances', () => {
  it('gives activities appended by both instances at once consecutive, unique watermarks', async () => {
    const [a, b] = twoStores();
    await a.createConversation(record('c1', Date.now()));
    const appended = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).appendActivity('c1', { type: 'message', text: `m${i}` })),
    );
    expect(appended.map((item) => item!.watermark).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await a.activitiesAfter('c1', 0))!.activities).toHaveLength(30);
  });

  it('pushes to a live client of instance A what instance B wrote, in order and exactly once', async () => {
    const [storeA, storeB] = twoStores();
    const { a, b, close } = sharedChannels(storeA, storeB);
    try {
      await a.channel.startConversation('c1', 'dl_user', 'de-DE');
      const client = await a.connectClient('c1');
      await b.channel.postActivity('c1', 'dl_user', { type: 'message', text: 'von B' });
      expect(await client.waitFor(2)).toEqual(['von B', 'Echo: von B']);
      await a.channel.postActivity('c1', 'dl_user', { type: 'message', text: 'von A' });
      await b.channel.postActivity('c1', 'dl_user', { type: 'message', text: 'wieder B' });
      expect(await client.waitFor(6)).toEqual(['von B', 'Echo: von B', 'von A', 'Echo: von A', 'wieder B', 'Echo: wieder B']);
      // Nothing arrives twice: the next message (written by B, so it reaches A only by polling) follows directly.
      await b.channel.postActivity('c1', 'dl_user', { type: 'message', text: 'zuletzt B' });
      expect((await client.waitFor(8)).slice(6)).toEqual(['zuletzt B', 'Echo: zuletzt B']);
      expect(client.ids()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((w) => `c1|000000${w}`));
      expect(client.events.at(-1)?.watermark).toBe(8);
    } finally {
      close();
    }
  });

  it('replays from a watermark on reconnect and ends the stream when another instance deleted the conversation', async () => {
    const [storeA, storeB] = twoStores();
    const { a, b, close } = sharedChannels(storeA, storeB);
    try {
      await a.channel.startConversation('c2', 'dl_user', 'de-DE');
      await a.channel.postActivity('c2', 'dl_user', { type: 'message', text: 'eins' });
      const events: string[] = [];
      let closed = false;
      const disconnect = await b.channel.connect('c2', 1, {
        push: (event) => events.push(...event.activities.map((activity) => activity.text ?? '')),
        close: () => (closed = true),
      });
      expect(events).toEqual(['Echo: eins']);
      await storeA.deleteConversation('c2');
      const deadline = Date.now() + 2000;
      while (!closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(closed).toBe(true);
      disconnect?.();
      expect(await b.channel.connect('c2', 0, { push: () => undefined, close: () => undefined })).toBeUndefined();
    } finally {
      close();
    }
  });
});
