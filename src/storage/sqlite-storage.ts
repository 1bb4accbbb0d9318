import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { SqliteDatabase } from './sqlite-database.js';

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
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const select = this.db.prepare<[string], { value: string; etag: string }>('SELECT value, etag FROM bot_state WHERE key = ?');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = select.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const current = this.db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?');
    const upsert = this.db.prepare(
      'INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    // One transaction: either every change of the turn is stored, or none is.
    this.db.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const stored = current.get(key);
        if (eTag && eTag !== '*' && stored && stored.etag !== eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        upsert.run(key, JSON.stringify(value), randomUUID(), this.now());
      }
    })();
  }

  async delete(keys: string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => remove.run(key)))();
  }
}
