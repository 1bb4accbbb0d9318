import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/storage/key-value-store.js';
import { openSqliteDatabase } from '../../src/storage/sqlite-database.js';
import { SqliteKeyValueStore } from '../../src/storage/sqlite-key-value-store.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';

/** Turns of many conversations write at the same time: their writes share one transaction. */
describe('SQLite group commit', () => {
  it('stores every write of a burst, and a conflicting one fails alone without undoing the others', async () => {
    const db = openSqliteDatabase(':memory:');
    const documents = new SqliteKeyValueStore(db);
    const state = new SqliteStorage(db);
    await documents.put('cases', 'IKZ-1', { n: 1 });
    const results = await Promise.allSettled([
      documents.put('events', 'e1', { type: 'question' }),
      documents.put('cases', 'IKZ-1', { n: 2 }, null), // exists already: conflict
      state.write({ 'conv/a': { turn: 1 }, 'conv/b': { turn: 1 } }),
      documents.put('events', 'e2', { type: 'handoff' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
    expect((await documents.list('events')).map((e) => e.key)).toEqual(['e1', 'e2']);
    expect((await documents.get<{ n: number }>('cases', 'IKZ-1'))!.value.n).toBe(1);
    expect(Object.keys(await state.read(['conv/a', 'conv/b']))).toEqual(['conv/a', 'conv/b']);
  });

  it('rolls back all of a state write when one of its items conflicts, and keeps the order of writes', async () => {
    const db = openSqliteDatabase(':memory:');
    const state = new SqliteStorage(db);
    const documents = new SqliteKeyValueStore(db);
    await state.write({ conv: { turn: 1 } });
    const stale = (await state.read(['conv'])).conv as { eTag: string };
    await state.write({ conv: { ...stale, turn: 2 } });
    const [conflict, , deleted] = await Promise.allSettled([
      state.write({ user: { name: 'neu' }, conv: { ...stale, turn: 3 } }),
      documents.put('events', 'e1', { a: 1 }),
      documents.delete('events', 'e1'),
    ]);
    expect(conflict.status).toBe('rejected');
    expect(await state.read(['user'])).toEqual({});
    expect(deleted.status).toBe('fulfilled');
    expect(await documents.get('events', 'e1')).toBeUndefined();
  });

  it('rejects the writes and stores none of them while another process holds the database, and stores them when asked again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ikz-group-')), 'db.sqlite');
    const other = openSqliteDatabase(file);
    const db = openSqliteDatabase(file);
    db.pragma('busy_timeout = 0');
    const documents = new SqliteKeyValueStore(db);
    other.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled([documents.put('events', 'e1', { a: 1 }), documents.put('events', 'e2', { a: 2 })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(((results[0] as PromiseRejectedResult).reason as { code?: string }).code).toBe('SQLITE_BUSY');
    other.exec('COMMIT');
    expect(await documents.list('events')).toEqual([]);
    await Promise.all([documents.put('events', 'e1', { a: 1 }), documents.put('events', 'e2', { a: 2 })]);
    expect((await documents.list('events')).map((e) => e.key)).toEqual(['e1', 'e2']);
  });
});
