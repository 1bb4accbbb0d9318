import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer } from '../../src/server.js';
import { createStores } from '../../src/storage/create-stores.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';
import { TEST_TOKEN_SECRET } from '../helpers/webchat-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = 'petra.retention@musterdorf.de';
/** An unanswered question: the analytics event keeps its text for the editors (without personal data). */
const QUESTION = 'Wie hoch ist die Hundesteuer in Musterdorf?';
const CONVERSATION = [
  QUESTION,
  'Ich möchte mit einem Berater sprechen',
  'Gemeinde Musterdorf',
  'Petra Muster',
  `Meine Adresse: ${EMAIL}`,
  'So übernehmen',
  'Ja, ich stimme zu',
];

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** A web-chat conversation through the real server on `env`'s storage: a question, then a handoff with the e-mail address. */
async function chatAndStop(env: Record<string, string>): Promise<void> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: SHIPPED_KB,
    DIRECT_LINE_TOKEN_SECRET: TEST_TOKEN_SECRET,
    ...env,
  });
  const server = await startServer(config, silentLogger());
  try {
    await server.ready;
    const base = `http://127.0.0.1:${server.port}`;
    const call = (path: string, token?: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body ?? {}),
      });
    const { token } = (await (await call('/api/webchat/token')).json()) as { token: string };
    const { conversationId } = (await (await call('/v3/directline/conversations', token)).json()) as { conversationId: string };
    for (const text of CONVERSATION) {
      expect(
        (await call(`/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u' }, text }))
          .status,
      ).toBe(200);
    }
  } finally {
    await server.close();
  }
}

describe.each<[string, () => Promise<{ env: Record<string, string>; everything: () => Promise<string> }>]>([
  [
    'SQLite',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ikz-retention-'));
      return {
        env: { STORAGE_BACKEND: 'sqlite', DATA_DIR: dataDir },
        everything: async () => {
          const db = new Database(join(dataDir, 'ikz-assistent.db'), { readonly: true });
          try {
            return db
              .prepare<[], { value: string }>('SELECT value FROM documents UNION ALL SELECT value FROM bot_state')
              .all()
              .map((row) => row.value)
              .join('\n');
          } finally {
            db.close();
          }
        },
      };
    },
  ],
  [
    'Azure Blob Storage',
    async () => {
      const container = azurite.uniqueContainer('retention');
      return {
        env: {
          STORAGE_BACKEND: 'blob',
          AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
          AZURE_STORAGE_CONTAINER: container,
          DATA_DIR: mkdtempSync(join(tmpdir(), 'ikz-retention-')),
        },
        everything: async () => {
          const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
          const texts: string[] = [];
          for await (const blob of client.listBlobsFlat())
            texts.push((await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
          return texts.join('\n');
        },
      };
    },
  ],
])('retention on %s', (_name, setUp) => {
  it('keeps the web-chat log (with the e-mail address), the case and the analytics across a restart, and deletes all of it after RETENTION_DAYS', async () => {
    const { env, everything } = await setUp();
    await chatAndStop(env);
    const kept = await everything();
    // What the README says is stored: the Direct Line log, the transcript and the case hold the address; the
    // analytics event holds the unanswered question (personal data removed).
    expect(kept).toContain(EMAIL);
    expect(kept).toContain('Hundesteuer');
    expect(kept).toContain('"log"'); // the Direct Line conversation document with its activity log

    const stores = await createStores(loadConfig(env).storage);
    try {
      expect(await stores.purgeOlderThan(90)).toBe(0);
      expect(await stores.purgeOlderThan(1, new Date(Date.now() + 2 * DAY_MS))).toBeGreaterThan(0);
    } finally {
      await stores.close();
    }
    const left = await everything();
    for (const personal of [EMAIL, 'Petra Muster', 'Musterdorf', 'Hundesteuer', '"log"']) expect(left).not.toContain(personal);
    // What stays has no personal data: the case counter (and the web chat's index of conversation ids).
    expect(left).toContain('"last":1');
  }, 60_000);
});
