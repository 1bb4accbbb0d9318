import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { AppConfig } from '../config/config.js';
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { groupCommitFor } from './sqlite-group-commit.js';
import { SqliteKeyValueStore } from './sqlite-key-value-store.js';
import { OptimisticStateStorage } from './optimistic-state-storage.js';
import { RETAINED_COLLECTIONS } from './retained-collections.js';
import { SqliteStorage } from './sqlite-storage.js';

/** Where all state lives: bot state (botbuilder `Storage`) and the project's documents, on one backend. */
export interface Stores {
  backend: AppConfig['storage']['backend'];
  botState: Storage;
  documents: KeyValueStore;
  /**
   * Retention: deletes bot state and the documents of {@link RETAINED_COLLECTIONS} not changed for `days`
   * days; returns how many entries were deleted.
   */
  purgeOlderThan(days: number, now?: Date): Promise<number>;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the configured backend: `sqlite` (embedded default, a file under `DATA_DIR`), `blob` (Azure Blob
 * Storage, shared by several instances) or `memory` (tests; nothing survives a restart).
 *
 * @example
 * ```ts
 * const stores = await createStores(config.storage);
 * const bundle = createBot({ ..., storage: stores.botState, documents: stores.documents });
 * ```
 */
export async function createStores(options: AppConfig['storage'], logger: Logger = silentLogger()): Promise<Stores> {
  switch (options.backend) {
    case 'memory':
      return {
        backend: 'memory',
        botState: new MemoryStorage(),
        documents: new MemoryKeyValueStore(),
        purgeOlderThan: async () => 0,
        close: async () => {},
      };
    case 'sqlite': {
      const file = join(options.dataDir, 'ikz-assistent.db');
      const db = openSqliteDatabase(file);
      const checkpointer = startCheckpointer(db, file, logger);
      return {
        backend: 'sqlite',
        // botbuilder saves state with eTag '*'; the wrapper makes a stale save fail instead of overwriting.
        botState: new OptimisticStateStorage(new SqliteStorage(db)),
        documents: new SqliteKeyValueStore(db),
        purgeOlderThan: async (days, now = new Date()) => {
          const limit = now.getTime() - days * DAY_MS;
          const purge = db.transaction(() => {
            let deleted = db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(limit).changes;
            for (const collection of RETAINED_COLLECTIONS) {
              deleted += db.prepare('DELETE FROM documents WHERE collection = ? AND updated_at < ?').run(collection, limit).changes;
            }
            return deleted;
          });
          return purge();
        },
        close: async () => {
          groupCommitFor(db).flush();
          await checkpointer.stop();
          db.close();
        },
      };
    }
    case 'blob': {
      const { createBlobStores } = await import('./blob-stores.js');
      const stores = await createBlobStores({ connectionString: options.azureConnectionString, container: options.azureContainer });
      return { backend: 'blob', ...stores };
    }
  }
}
