import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { startCheckpointer } from '../../src/storage/sqlite-checkpointer.js';
import { openSqliteDatabase } from '../../src/storage/sqlite-database.js';

function capture() {
  const lines: string[] = [];
  return {
    logger: createLogger('info', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream),
    text: () => lines.join(''),
  };
}

/** About 4 MB of rows, in many small transactions as under load. */
function writeRows(db: ReturnType<typeof openSqliteDatabase>, from: number): void {
  const insert = db.prepare('INSERT INTO documents (collection, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?)');
  const text = 'x'.repeat(2000);
  for (let batch = 0; batch < 200; batch++)
    db.transaction(() => {
      for (let i = 0; i < 10; i++) insert.run('t', `k${from + batch * 10 + i}`, text, 'e', 0);
    })();
}

describe('SQLite checkpoints in a background thread', () => {
  it('copy the log into the database file while the server connection never checkpoints, and lose nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ikz-wal-')), 'db.sqlite');
    const db = openSqliteDatabase(file);
    const log = capture();
    const checkpointer = startCheckpointer(db, file, log.logger, 50);
    // Once the thread runs, the server's connection no longer checkpoints.
    for (let i = 0; i < 100 && db.pragma('wal_autocheckpoint', { simple: true }) !== 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    writeRows(db, 0);
    const deadline = Date.now() + 5000;
    // The database file itself grows only by checkpoints, which here only the background thread makes.
    while (statSync(file).size < 3_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(3_000_000);
    writeRows(db, 2000);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
    const reopened = openSqliteDatabase(file);
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 4000 });
    reopened.close();
    expect(log.text()).not.toMatch(/"level":40/);
  });

  it('leave checkpoints to SQLite in the server thread, with a warning, when the thread cannot start', async () => {
    const db = openSqliteDatabase(':memory:');
    const log = capture();
    const checkpointer = startCheckpointer(db, join(tmpdir(), 'no-such-folder-ikz', 'missing.db'), log.logger);
    for (let i = 0; i < 100 && !/SQLite background checkpoints unavailable/.test(log.text()); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(log.text()).toMatch(/SQLite background checkpoints unavailable/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
    db.close();
  });
});
