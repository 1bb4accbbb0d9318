import { BlobServiceClient } from '@azure/storage-blob';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { CaseService, type NewCase } from '../../src/handoff/case-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/runtime/local-conversation.js';
import { createBlobStores, type BlobStores } from '../../src/storage/blob-stores.js';
import { MemoryKeyValueStore, StoreConflictError, withRetry, type KeyValueStore } from '../../src/storage/key-value-store.js';
import { OptimisticStateStorage, StateConflictError } from '../../src/storage/optimistic-state-storage.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { SHIPPED_KB, knowledgeOf, seen } from '../helpers/bot-harness.js';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** New stores on a container, as a freshly started bot instance opens them. */
const open = (container: string) => createBlobStores({ connectionString: azurite.connectionString, container });

const DAY_MS = 24 * 60 * 60 * 1000;

const caseData: NewCase = {
  municipality: 'Gemeinde Musterdorf',
  name: 'Petra Muster',
  email: 'petra.muster@musterdorf.de',
  concern: 'Förderung einer IT-Kooperation',
  consentAt: '2026-11-25T09:00:00.000Z',
  transcript: [{ from: 'user', text: 'Sind wir förderfähig?', at: '2026-11-25T08:59:00.000Z' }],
  channelId: 'directline',
  conversationId: 'c-1',
};

describe.each<[string, () => Promise<KeyValueStore>]>([
  ['MemoryKeyValueStore', async () => new MemoryKeyValueStore()],
  ['BlobKeyValueStore', async () => (await open(azurite.uniqueContainer('kv'))).documents],
])('the document store semantics (%s)', (_name, create) => {
  it('creates only with null, updates only with the current etag, overwrites without one', async () => {
    const store = await create();
    const first = await store.put('counters', 'a', { n: 1 }, null);
    await expect(store.put('counters', 'a', { n: 99 }, null)).rejects.toBeInstanceOf(StoreConflictError);
    const second = await store.put('counters', 'a', { n: 2 }, first);
    expect(second).not.toBe(first);
    await expect(store.put('counters', 'a', { n: 99 }, first)).rejects.toBeInstanceOf(StoreConflictError);
    await expect(store.put('counters', 'missing', { n: 1 }, second)).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.get('counters', 'a')).toEqual({ key: 'a', value: { n: 2 }, etag: second });
    await store.put('counters', 'a', { n: 3 });
    expect((await store.get<{ n: number }>('counters', 'a'))?.value.n).toBe(3);
    expect(await store.get('counters', 'nothing')).toBeUndefined();
  });

  it('lists one collection with awkward keys, and deletes', async () => {
    const store = await create();
    const keys = ['IKZ-2026-0001', 'a/b c', 'Förder?&%', 'x.json'];
    for (const key of keys) await store.put('cases', key, { key, text: 'Öffentlich-rechtlicher Vertrag' });
    await store.put('counters', 'cases-2026', { last: 4 });
    const listed = await store.list<{ key: string; text: string }>('cases');
    expect(listed.map((item) => item.key).sort()).toEqual([...keys].sort());
    expect(listed.every((item) => item.value.key === item.key && item.value.text === 'Öffentlich-rechtlicher Vertrag')).toBe(true);
    await store.delete('cases', 'a/b c');
    await store.delete('cases', 'never-there');
    expect(await store.get('cases', 'a/b c')).toBeUndefined();
    expect((await store.list('cases')).length).toBe(3);
    expect(await store.list('empty')).toEqual([]);
  });
});

describe('createBlobStores', () => {
  it('creates the container when missing and refuses unusable settings with a clear message', async () => {
    const container = azurite.uniqueContainer('new');
    const stores = await open(container);
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
    expect(await client.exists()).toBe(true);
    await stores.close();
    await expect(open('Not_Valid')).rejects.toThrow('Azure Blob Storage: invalid container name "Not_Valid"');
    await expect(createBlobStores({ connectionString: ' ', container })).rejects.toThrow(
      'Azure Blob Storage: the connection string is empty',
    );
    await expect(createBlobStores({ connectionString: 'nonsense', container })).rejects.toThrow(/^Azure Blob Storage: /);
  });
});

describe('bot state shared by instances on one container', () => {
  /** A turn context of one conversation, as any adapter creates it. */
  const turn = (conversationId: string) =>
    new TurnContext(new TestAdapter(), {
      type: ActivityTypes.Message,
      text: 'x',
      channelId: 'test',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'user', name: 'Nutzer' },
      recipient: { id: 'bot', name: 'IKZ-Assistent' },
    });

  /** Two turns of one conversation read the same state, then both save: what is left? */
  async function race(storageA: Storage, storageB: Storage, conversationId: string) {
    const [stateA, stateB] = [new ConversationState(storageA), new ConversationState(storageB)];
    const [notesA, notesB] = [stateA.createProperty<string[]>('notes'), stateB.createProperty<string[]>('notes')];
    const seed = turn(conversationId);
    await notesA.set(seed, ['seed']);
    await stateA.saveChanges(seed);
    const [a, b] = [turn(conversationId), turn(conversationId)];
    const [readA, readB] = [await notesA.get(a, []), await notesB.get(b, [])];
    readA.push('A');
    readB.push('B');
    await stateA.saveChanges(a);
    const second = await stateB.saveChanges(b).then(
      () => 'saved',
      (error: unknown) => error,
    );
    const check = turn(conversationId);
    return { second, stored: await new ConversationState(storageA).createProperty<string[]>('notes').get(check, []), notesB, stateB };
  }

  it("botbuilder's BotState alone writes with eTag '*': the last writer silently wins (why botState is wrapped)", async () => {
    const container = azurite.uniqueContainer('raw');
    await open(container);
    const raw = () => new BlobsStorage(azurite.connectionString, container);
    const { second, stored } = await race(raw(), raw(), 'race-raw');
    expect(second).toBe('saved');
    expect(stored).toEqual(['seed', 'B']); // A's update is lost without any error
  });

  it('concurrent writes never silently lose an update: the stale turn fails with a conflict, its retry keeps both', async () => {
    const container = azurite.uniqueContainer('race');
    const [a, b] = [await open(container), await open(container)];
    const { second, stored, notesB, stateB } = await race(a.botState, b.botState, 'race-1');
    expect(second).toBeInstanceOf(StateConflictError);
    expect((second as Error).message).toContain('was changed by another turn');
    expect(stored).toEqual(['seed', 'A']);
    // The user sends the message again: a new turn reads the current state and both updates are kept.
    const retry = turn('race-1');
    (await notesB.get(retry, [])).push('B');
    await stateB.saveChanges(retry);
    expect(await new ConversationState(a.botState).createProperty<string[]>('notes').get(turn('race-1'), [])).toEqual(['seed', 'A', 'B']);
  });

  it('the guard works on any Storage that honours eTags (here MemoryStorage)', async () => {
    const shared = new MemoryStorage();
    const { second, stored } = await race(new OptimisticStateStorage(shared), new OptimisticStateStorage(shared), 'race-mem');
    expect(second).toBeInstanceOf(StateConflictError);
    expect(stored).toEqual(['seed', 'A']);
  });

  it('parallel increments from two instances through the document store all count (withRetry)', async () => {
    const container = azurite.uniqueContainer('count');
    const [a, b] = [await open(container), await open(container)];
    const increment = (store: KeyValueStore) =>
      withRetry(50, async () => {
        const found = await store.get<{ n: number }>('counters', 'visits');
        await store.put('counters', 'visits', { n: (found?.value.n ?? 0) + 1 }, found?.etag ?? null);
      });
    await Promise.all(Array.from({ length: 16 }, (_, i) => increment(i % 2 === 0 ? a.documents : b.documents)));
    expect((await a.documents.get<{ n: number }>('counters', 'visits'))?.value.n).toBe(16);
  });
});

describe('the bot on Blob Storage', () => {
  const bundleOn = async (stores: BlobStores) =>
    createBot({
      knowledge: await knowledgeOf(SHIPPED_KB),
      office: loadConfig({}).office,
      logger: silentLogger(),
      storage: stores.botState,
      documents: stores.documents,
    });

  it('continues a dialog interrupted by a restart on a new instance', async () => {
    const container = azurite.uniqueContainer('restart');
    const first = new LocalConversation(await bundleOn(await open(container)), 'restart-blob');
    await first.say('Förder-Check');
    expect(seen(await first.say('Gemeinde')).text).toContain('Sind alle Beteiligten hessische Kommunen?');
    // "Restart": new stores, new bot, same container and conversation.
    const second = new LocalConversation(await bundleOn(await open(container)), 'restart-blob');
    expect(seen(await second.say('ja')).text).toContain('Um welche Art von Vorhaben geht es?');
  });

  it('serves alternate turns of one Förder-Check from two instances correctly', async () => {
    const container = azurite.uniqueContainer('alternate');
    const instances = [
      new LocalConversation(await bundleOn(await open(container)), 'alternate-1'),
      new LocalConversation(await bundleOn(await open(container)), 'alternate-1'),
    ];
    const turns: Array<string | { press: string }> = [
      'Förder-Check',
      'Gemeinde',
      'ja',
      'Zusammenarbeit von Kommunen',
      '3',
      { press: 'IT, Digitalisierung, Datenschutz, Cybersicherheit' },
      'im Wesentlichen',
      { press: 'Öffentlich-rechtlicher Vertrag (§§ 54 ff. HVwVfG)' },
      'auf Dauer',
      '20 %',
      'noch nicht begonnen',
    ];
    let last = seen([]);
    for (const [index, step] of turns.entries()) {
      const instance = instances[index % 2]!;
      if (typeof step === 'string') {
        last = seen(await instance.say(step));
      } else {
        const button = last.buttons.find((b) => b.title === step.press);
        if (!button) throw new Error(`no button "${step.press}" in: ${last.titles.join(' | ')}`);
        last = seen(await instance.send(button.press));
      }
    }
    expect(last.text).toContain('Voraussichtlich förderfähig');
    expect(last.text).toContain('Geschätzte Förderung: 75.000 €');
  });
});

describe('cases and retention on Blob Storage', () => {
  it('reads on instance B a case created on instance A, and numbers concurrent cases uniquely', async () => {
    const container = azurite.uniqueContainer('cases');
    const [a, b] = [await open(container), await open(container)];
    const created = await new CaseService(a.documents).create(caseData);
    expect(await new CaseService(b.documents).get(created.id)).toEqual(created);
    const more = await Promise.all([
      new CaseService(a.documents).create(caseData),
      new CaseService(b.documents).create(caseData),
      new CaseService(a.documents).create(caseData),
    ]);
    const ids = [created, ...more].map((c) => c.id);
    expect(new Set(ids).size).toBe(4);
    expect((await new CaseService(b.documents).list()).length).toBe(4);
    await new CaseService(b.documents).claim(created.id, 'Beraterin');
    expect((await new CaseService(a.documents).get(created.id))?.status).toBe('claimed');
  });

  it('purgeOlderThan deletes old cases and bot state but keeps new cases and counters', async () => {
    const container = azurite.uniqueContainer('purge');
    const stores = await open(container);
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
    const lastModified = async (prefix: string) => {
      for await (const blob of client.listBlobsFlat({ prefix })) return blob.properties.lastModified.getTime();
      throw new Error(`no blob ${prefix}`);
    };
    const cases = new CaseService(stores.documents);
    // The bot state first: the old case, written after it, then marks the latest of the old writes.
    await stores.botState.write({ 'test/conversations/old-1': { dialogState: { step: 1 } } });
    const old = await cases.create(caseData);
    // Blob times have whole seconds: make sure the next writes fall into a later second.
    const oldAt = await lastModified(`docs/cases/${old.id}`);
    while (Date.now() < oldAt + 1000) await new Promise((resolve) => setTimeout(resolve, 50));
    const young = await cases.create(caseData);
    const youngAt = await lastModified(`docs/cases/${young.id}`);
    expect(youngAt).toBeGreaterThan(oldAt);

    // A day after the young case: everything last written before it is older than one day.
    expect(await stores.purgeOlderThan(1, new Date(youngAt + DAY_MS))).toBe(2);
    expect(await cases.get(old.id)).toBeUndefined();
    expect(await cases.get(young.id)).toBeDefined();
    expect(await stores.botState.read(['test/conversations/old-1'])).toEqual({});
    expect(await stores.documents.get('counters', `cases-${new Date().getUTCFullYear()}`)).toBeDefined();
    expect(await stores.purgeOlderThan(30)).toBe(0);
    await expect(stores.purgeOlderThan(-1)).rejects.toThrow('Retention days must be a number of at least 0');
  });
});
