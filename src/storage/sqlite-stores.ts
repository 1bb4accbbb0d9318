import { join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import { OptimisticStateStorage } from './optimistic-state-storage.js';
import { RETAINED_COLLECTIONS } from './retained-collections.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { groupCommitFor } from './sqlite-group-commit.js';
import { SqliteKeyValueStore } from './sqlite-key-value-store.js';
import { SqliteStorage } from './sqlite-storage.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The embedded default backend (see `createStores`): one SQLite file `ikz-assistent.db` under `dataDir`. */
export function createSqliteStores(dataDir: string, logger: Logger) {
  const file = join(dataDir, 'ikz-assistent.db');
  const db = openSqliteDatabase(file);
  const checkpointer = startCheckpointer(db, file, logger);
  return {
    backend: 'sqlite' as const,
    // botbuilder saves state with eTag '*'; the wrapper makes a stale save fail instead of overwriting.
    botState: new OptimisticStateStorage(new SqliteStorage(db)),
    documents: new SqliteKeyValueStore(db),
    purgeOlderThan: async (days: number, now = new Date()) => {
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
