import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite database file of the embedded storage, with the tables the stores need. */
export type SqliteDatabase = Database.Database;

/**
 * Opens (and creates) the database in WAL mode, so reads never wait for a write and a crash cannot leave
 * a half-written state; `busy_timeout` lets two processes on one file take turns instead of failing.
 *
 * @example
 * ```ts
 * const db = openSqliteDatabase('data/ikz-assistent.db');
 * ```
 */
export function openSqliteDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS documents (
      collection TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (collection, key)
    );
    CREATE INDEX IF NOT EXISTS bot_state_updated ON bot_state (updated_at);
    CREATE INDEX IF NOT EXISTS documents_updated ON documents (collection, updated_at);
  `);
  return db;
}
