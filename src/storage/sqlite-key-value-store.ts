import { randomUUID } from 'node:crypto';
import { StoreConflictError, type KeyValueStore, type Versioned } from './key-value-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

/**
 * The project's document store on SQLite (cases, counters, Direct Line conversations): each write checks
 * the etag in the same statement, so a stale write fails instead of overwriting.
 */
export class SqliteKeyValueStore implements KeyValueStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(collection: string, key: string): Promise<Versioned<T> | undefined> {
    const row = this.db
      .prepare<[string, string], { value: string; etag: string }>('SELECT value, etag FROM documents WHERE collection = ? AND key = ?')
      .get(collection, key);
    return row ? { key, value: JSON.parse(row.value) as T, etag: row.etag } : undefined;
  }

  async put<T>(collection: string, key: string, value: T, expectedEtag?: string | null): Promise<string> {
    const etag = randomUUID();
    const json = JSON.stringify(value);
    const at = this.now();
    let changes: number;
    if (expectedEtag === null) {
      changes = this.db
        .prepare('INSERT INTO documents (collection, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(collection, key) DO NOTHING')
        .run(collection, key, json, etag, at).changes;
    } else if (typeof expectedEtag === 'string') {
      changes = this.db
        .prepare('UPDATE documents SET value = ?, etag = ?, updated_at = ? WHERE collection = ? AND key = ? AND etag = ?')
        .run(json, etag, at, collection, key, expectedEtag).changes;
    } else {
      changes = this.db
        .prepare(
          'INSERT INTO documents (collection, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(collection, key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
        )
        .run(collection, key, json, etag, at).changes;
    }
    if (changes === 0) throw new StoreConflictError(collection, key);
    return etag;
  }

  async delete(collection: string, key: string): Promise<void> {
    this.db.prepare('DELETE FROM documents WHERE collection = ? AND key = ?').run(collection, key);
  }

  async list<T>(collection: string): Promise<Array<Versioned<T>>> {
    return this.db
      .prepare<[string], { key: string; value: string; etag: string }>('SELECT key, value, etag FROM documents WHERE collection = ? ORDER BY key')
      .all(collection)
      .map((row) => ({ key: row.key, value: JSON.parse(row.value) as T, etag: row.etag }));
  }
}
