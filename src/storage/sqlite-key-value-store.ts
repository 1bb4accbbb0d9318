import { randomUUID } from 'node:crypto';
import { StoreConflictError, type KeyValueStore, type Versioned } from './key-value-store.js';
import type { SqliteDatabase } from './sqlite-database.js';
import { groupCommitFor, type SqliteGroupCommit } from './sqlite-group-commit.js';

/** Each write is one statement (a conflict is found after it changed nothing): no savepoint needed. */
const ONE_STATEMENT = { savepoint: false };

/**
 * The project's document store on SQLite (cases, counters, Direct Line conversations): each write checks
 * the etag in the same statement, so a stale write fails instead of overwriting.
 */
export class SqliteKeyValueStore implements KeyValueStore {
  // Prepared once: compiling the SQL on every call cost more than running it.
  private readonly statements;
  /** Writes go through the database's group commit (one transaction per event-loop pass), in order. */
  private readonly commits: SqliteGroupCommit;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.commits = groupCommitFor(db);
    this.statements = {
      get: db.prepare<[string, string], { value: string; etag: string }>(
        'SELECT value, etag FROM documents WHERE collection = ? AND key = ?',
      ),
      insert: db.prepare<[string, string, string, string, number]>(
        'INSERT INTO documents (collection, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(collection, key) DO NOTHING',
      ),
      update: db.prepare<[string, string, number, string, string, string]>(
        'UPDATE documents SET value = ?, etag = ?, updated_at = ? WHERE collection = ? AND key = ? AND etag = ?',
      ),
      upsert: db.prepare<[string, string, string, string, number]>(
        'INSERT INTO documents (collection, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(collection, key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
      ),
      delete: db.prepare<[string, string]>('DELETE FROM documents WHERE collection = ? AND key = ?'),
      list: db.prepare<[string], { key: string; value: string; etag: string }>(
        'SELECT key, value, etag FROM documents WHERE collection = ? ORDER BY key',
      ),
    };
  }

  async get<T>(collection: string, key: string): Promise<Versioned<T> | undefined> {
    const row = this.statements.get.get(collection, key);
    return row ? { key, value: JSON.parse(row.value) as T, etag: row.etag } : undefined;
  }

  async put<T>(collection: string, key: string, value: T, expectedEtag?: string | null): Promise<string> {
    const etag = randomUUID();
    const json = JSON.stringify(value);
    return this.commits.run(() => {
      const at = this.now();
      const { changes } =
        expectedEtag === null
          ? this.statements.insert.run(collection, key, json, etag, at)
          : typeof expectedEtag === 'string'
            ? this.statements.update.run(json, etag, at, collection, key, expectedEtag)
            : this.statements.upsert.run(collection, key, json, etag, at);
      if (changes === 0) throw new StoreConflictError(collection, key);
      return etag;
    }, ONE_STATEMENT);
  }

  async delete(collection: string, key: string): Promise<void> {
    await this.commits.run(() => this.statements.delete.run(collection, key), ONE_STATEMENT);
  }

  async list<T>(collection: string): Promise<Array<Versioned<T>>> {
    return this.statements.list.all(collection).map((row) => ({ key: row.key, value: JSON.parse(row.value) as T, etag: row.etag }));
  }
}
