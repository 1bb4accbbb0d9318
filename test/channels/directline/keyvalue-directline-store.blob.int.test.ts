import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyValueDirectLineStore } from '../../../src/channels/directline/keyvalue-directline-store.js';
import { createBlobStores } from '../../../src/storage/blob-stores.js';
import { startAzurite, type Azurite } from '../../helpers/azurite.js';
import { describeDirectLineStore, record } from '../../helpers/directline-store-suite.js';
import { sharedChannels } from '../../helpers/shared-directline.js';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** The document store of a new instance on a container. */
const documentsOn = async (container: string) =>
  (await createBlobStores({ connectionString: azurite.connectionString, container })).documents;

describeDirectLineStore('on Azure Blob Storage', async (limits, now) => {
  const store = new KeyValueDirectLineStore(await documentsOn(azurite.uniqueContainer('dl')), limits, now);
  return { store, count: () => store.count() };
});

describe('Direct Line conversations shared by two instances on one container', () => {
  it('gives activities appended by two instances at once consecutive, unique watermarks', async () => {
    const container = azurite.uniqueContainer('dl-race');
    const a = new KeyValueDirectLineStore(await documentsOn(container));
    const b = new KeyValueDirectLineStore(await documentsOn(container));
    expect((await a.createConversation(record('shared', Date.now()))).created).toBe(true);
    expect((await b.createConversation(record('shared', Date.now()))).created).toBe(false);
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).appendActivity('shared', { type: 'message', text: `m${i}` })),
    );
    const watermarks = appended.map((item) => item!.watermark).sort((x, y) => x - y);
    expect(watermarks).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const page = (await b.activitiesAfter('shared', 0))!;
    expect(page.watermark).toBe(20);
    expect(new Set(page.activities.map((activity) => activity.text)).size).toBe(20);
    expect(page.activities.map((activity) => activity.id)).toEqual(watermarks.map((w) => `shared|${String(w).padStart(7, '0')}`));
  });

  it('lets one instance expire a conversation exactly once', async () => {
    const container = azurite.uniqueContainer('dl-expire');
    let now = 1_000_000;
    const a = new KeyValueDirectLineStore(await documentsOn(container), { idleTtlMs: 60_000 }, () => now);
    const b = new KeyValueDirectLineStore(await documentsOn(container), { idleTtlMs: 60_000 }, () => now);
    await a.createConversation(record('idle', now));
    now += 60_000;
    const [removedA, removedB] = await Promise.all([a.removeExpired(now), b.removeExpired(now)]);
    expect([...removedA, ...removedB]).toEqual(['idle']);
    expect(await b.count()).toBe(0);
  });

  it('streams to a client on instance A the reply that instance B produced (shared-store polling)', async () => {
    const container = azurite.uniqueContainer('dl-stream');
    const { a, b, close } = sharedChannels(
      new KeyValueDirectLineStore(await documentsOn(container)),
      new KeyValueDirectLineStore(await documentsOn(container)),
    );
    try {
      await a.channel.startConversation('s1', 'dl_user', 'de-DE');
      const received = await a.connectClient('s1');
      await b.channel.postActivity('s1', 'dl_user', { type: 'message', text: 'hallo' });
      await a.channel.postActivity('s1', 'dl_user', { type: 'message', text: 'nochmal' });
      const texts = await received.waitFor(4);
      expect(texts).toEqual(['hallo', 'Echo: hallo', 'nochmal', 'Echo: nochmal']);
      expect(received.ids()).toEqual([1, 2, 3, 4].map((w) => `s1|000000${w}`));
    } finally {
      close();
    }
  });
});
