import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseService } from '../../src/handoff/case-service.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer } from '../../src/server.js';
import { createStores } from '../../src/storage/create-stores.js';
import { StoreConflictError, withRetry } from '../../src/storage/key-value-store.js';
import { openSqliteDatabase } from '../../src/storage/sqlite-database.js';
import { SqliteKeyValueStore } from '../../src/storage/sqlite-key-value-store.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';
import { FakeChannel } from '../helpers/fake-channel.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ikz-sqlite-'));
const storageOptions = (dataDir: string) => ({ ...loadConfig({ DATA_DIR: dataDir }).storage });

describe('SQLite bot state (botbuilder Storage)', () => {
  it('stores, reads and deletes items with a fresh eTag per write', async () => {
    const storage = new SqliteStorage(openSqliteDatabase(':memory:'));
    await storage.write({ a: { count: 1 } });
    const first = (await storage.read(['a', 'missing'])) as Record<string, { count: number; eTag: string }>;
    expect(first.a!.count).toBe(1);
    expect(first.missing).toBeUndefined();
    await storage.write({ a: { ...first.a, count: 2 } });
    expect(((await storage.read(['a'])).a as { eTag: string }).eTag).not.toBe(first.a!.eTag);
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
  });

  it('refuses a write based on a stale read, so no update is silently lost', async () => {
    const storage = new SqliteStorage(openSqliteDatabase(':memory:'));
    await storage.write({ conv: { turn: 1 } });
    const readA = (await storage.read(['conv'])).conv as { eTag: string };
    const readB = (await storage.read(['conv'])).conv as { eTag: string };
    await storage.write({ conv: { ...readA, turn: 2 } });
    await expect(storage.write({ conv: { ...readB, turn: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(((await storage.read(['conv'])).conv as { turn: number }).turn).toBe(2);
    await storage.write({ conv: { turn: 4, eTag: '*' } });
    expect(((await storage.read(['conv'])).conv as { turn: number }).turn).toBe(4);
  });
});

describe('SQLite document store', () => {
  it('detects a conflicting write from another connection to the same file', async () => {
    const file = join(tempDir(), 'db.sqlite');
    const a = new SqliteKeyValueStore(openSqliteDatabase(file));
    const b = new SqliteKeyValueStore(openSqliteDatabase(file));
    await a.put('counters', 'c', { n: 0 }, null);
    const readA = (await a.get<{ n: number }>('counters', 'c'))!;
    const readB = (await b.get<{ n: number }>('counters', 'c'))!;
    await a.put('counters', 'c', { n: readA.value.n + 1 }, readA.etag);
    await expect(b.put('counters', 'c', { n: readB.value.n + 1 }, readB.etag)).rejects.toBeInstanceOf(StoreConflictError);
    await expect(b.put('counters', 'c', { n: 9 }, null)).rejects.toBeInstanceOf(StoreConflictError);
  });

  it('counts every one of many interleaved increments from two connections', async () => {
    const file = join(tempDir(), 'db.sqlite');
    const stores = [new SqliteKeyValueStore(openSqliteDatabase(file)), new SqliteKeyValueStore(openSqliteDatabase(file))];
    const increment = (store: SqliteKeyValueStore) =>
      withRetry(20, async () => {
        const found = await store.get<{ n: number }>('counters', 'x');
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        await store.put('counters', 'x', { n: (found?.value.n ?? 0) + 1 }, found?.etag ?? null);
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => increment(stores[i % 2]!)));
    expect((await stores[0]!.get<{ n: number }>('counters', 'x'))?.value.n).toBe(20);
  });
});

describe('cases on SQLite', () => {
  it('survive closing and reopening the database', async () => {
    const dir = tempDir();
    const before = await createStores(storageOptions(dir));
    const created = await new CaseService(before.documents).create({
      municipality: 'M',
      name: 'N',
      concern: 'Anliegen',
      consentAt: new Date().toISOString(),
      transcript: [{ from: 'user', text: 'Hallo', at: new Date().toISOString() }],
      channelId: 't',
      conversationId: 'c',
    });
    await before.close();
    const after = await createStores(storageOptions(dir));
    expect(await new CaseService(after.documents).get(created.id)).toEqual(created);
    await after.close();
  });
});

describe('retention', () => {
  it('deletes conversation state and cases older than the retention period, and keeps counters', async () => {
    const stores = await createStores(storageOptions(tempDir()));
    const cases = new CaseService(stores.documents);
    await cases.create({
      municipality: 'M',
      name: 'N',
      concern: 'Anliegen',
      consentAt: new Date().toISOString(),
      transcript: [],
      channelId: 't',
      conversationId: 'c',
    });
    await stores.botState.write({ 'conv/1': { transcript: ['…'] } });
    const later = new Date(Date.now() + 100 * 24 * 60 * 60 * 1000);
    expect(await stores.purgeOlderThan(120, later)).toBe(0);
    expect(await stores.purgeOlderThan(90, later)).toBe(2);
    expect(await cases.list()).toEqual([]);
    expect(await stores.botState.read(['conv/1'])).toEqual({});
    expect(await stores.documents.get('counters', `cases-${new Date().getUTCFullYear()}`)).toBeDefined();
    await stores.close();
  });
});

describe('a full server restart on SQLite', () => {
  const channel = new FakeChannel();
  let serviceUrl = '';
  beforeAll(async () => {
    serviceUrl = await channel.start();
  });
  afterAll(() => channel.stop());

  it('continues a dialog where it stopped', async () => {
    const dataDir = tempDir();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHIPPED_KB, DATA_DIR: dataDir });
    const say = async (port: number, text: string, n: number) => {
      await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m${n}`,
          text,
          channelId: 'test',
          serviceUrl,
          from: { id: 'u1' },
          recipient: { id: 'bot' },
          conversation: { id: 'restart-conv' },
        }),
      });
      const replies = await channel.waitForReplies(n);
      return JSON.stringify(replies.slice(-1));
    };
    const first = await startServer(config, silentLogger());
    await first.ready;
    await say(first.port, 'Förder-Check', 2);
    expect(await say(first.port, 'Gemeinde', 3)).toContain('Sind alle Beteiligten hessische Kommunen?');
    await first.close();

    const second = await startServer(config, silentLogger());
    await second.ready;
    expect(await say(second.port, 'ja', 4)).toContain('Um welche Art von Vorhaben geht es?');
    await second.close();
  });
});
