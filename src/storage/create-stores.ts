import { MemoryStorage, type Storage } from 'botbuilder';
import type { AppConfig } from '../config/config.js';
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store.js';
import { silentLogger, type Logger } from '../logging/logger.js';

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
      // Loaded only when chosen, like the Blob backend: the native SQLite addon is not needed otherwise.
      const { createSqliteStores } = await import('./sqlite-stores.js').catch((cause: unknown) => {
        throw new Error(
          `SQLite storage: the native module better-sqlite3 could not be loaded on Node ${process.version}; run \`npm rebuild better-sqlite3\` (or \`npm ci\`) with this Node version, or set STORAGE_BACKEND=blob`,
          { cause },
        );
      });
      return createSqliteStores(options.dataDir, logger);
    }
    case 'blob': {
      const { createBlobStores } = await import('./blob-stores.js');
      const stores = await createBlobStores({ connectionString: options.azureConnectionString, container: options.azureContainer });
      return { backend: 'blob', ...stores };
    }
  }
}
