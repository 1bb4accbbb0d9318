import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { SqliteDatabase } from './sqlite-database.js';
import { groupCommitFor, type SqliteGroupCommit } from './sqlite-group-commit.js';

/**
 * botbuilder `Storage` on SQLite: conversation and user state and dialog stacks. Optimistic concurrency
 * like the official storages: an item written with the `eTag` it was read with fails when someone wrote
 * it in between (the turn errors and the user simply asks again); `*` or no `eTag` overwrites.
 *
 * @example
 * ```ts
 * const conversationState = new ConversationState(new SqliteStorage(db));
 * ```
 */
export class SqliteStorage implements Storage {
  // Prepared once: compiling the SQL on every turn cost more than running it.
  private readonly select;
  private readonly currentETag;
  private readonly upsert;
  private readonly remove;
  private readonly commits: SqliteGroupCommit;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.commits = groupCommitFor(db);
    this.select = db.prepare<[string], { value: string; etag: string }>('SELECT value, etag FROM bot_state WHERE key = ?');
    this.currentETag = db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?');
    this.upsert = db.prepare<[string, string, string, number]>(
      'INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.remove = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  /** Either every change of the turn is stored, or none is (the write is one savepoint of a group commit). */
  async write(changes: StoreItems): Promise<void> {
    const rows = Object.entries(changes).map(([key, item]) => {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      return { key, eTag, json: JSON.stringify(value) };
    });
    // Several keys need a savepoint (a conflict on the second must undo the first); one key's conflict is
    // found before anything changed.
    await this.commits.run(
      () => {
        for (const { key, eTag, json } of rows) {
          const stored = this.currentETag.get(key);
          if (eTag && eTag !== '*' && stored && stored.etag !== eTag) {
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
          }
          this.upsert.run(key, json, randomUUID(), this.now());
        }
      },
      { savepoint: rows.length > 1 },
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.commits.run(() => keys.forEach((key) => this.remove.run(key)));
  }
}
