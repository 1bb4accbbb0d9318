import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobKeyValueStore } from './blob-key-value-store.js';
import { purgeBlobsOlderThan } from './blob-retention.js';
import type { KeyValueStore } from './key-value-store.js';
import { OptimisticStateStorage } from './optimistic-state-storage.js';

/** All state of the bot in one Azure Blob Storage container, shareable by several bot instances. */
export interface BlobStores {
  /**
   * Bot state (conversation and user state, dialog stacks): botbuilder-azure-blobs `BlobsStorage`, wrapped
   * in {@link OptimisticStateStorage} so that a turn saving state another turn changed meanwhile fails with
   * `StateConflictError` instead of silently overwriting it.
   */
  botState: Storage;
  /** The project's documents (cases, counters, Direct Line conversations) under `docs/` in the same container. */
  documents: KeyValueStore;
  /** Retention: deletes bot state, cases and Direct Line conversations older than `days`; returns the count. */
  purgeOlderThan(days: number, now?: Date): Promise<number>;
  /** Releases the stores (the HTTP clients hold nothing that must be closed; kept for symmetry with SQLite). */
  close(): Promise<void>;
}

/** Azure's rule for container names: 3–63 lower-case letters, digits and single hyphens, not at either end. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Opens (and creates if missing) the container and returns the bot-state storage and the document store
 * on it. Throws an operator-readable error when the settings are invalid or the container cannot be reached.
 *
 * @example
 * ```ts
 * const stores = await createBlobStores({ connectionString: process.env.AZURE_STORAGE_CONNECTION_STRING!, container: 'ikz-assistent' });
 * const bundle = createBot({ knowledge, office, logger, storage: stores.botState, documents: stores.documents });
 * ```
 */
export async function createBlobStores(options: { connectionString: string; container: string }): Promise<BlobStores> {
  const { connectionString, container: name } = options;
  if (!connectionString.trim()) throw new Error('Azure Blob Storage: the connection string is empty');
  if (!CONTAINER_NAME.test(name)) {
    throw new Error(
      `Azure Blob Storage: invalid container name "${name}" (3–63 lower-case letters, digits and single hyphens, not at the start or end)`,
    );
  }
  let container: ContainerClient;
  try {
    container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(name);
  } catch (error) {
    throw new Error(`Azure Blob Storage: the connection string cannot be used: ${(error as Error).message}`, { cause: error });
  }
  try {
    await container.createIfNotExists();
  } catch (error) {
    throw new Error(`Azure Blob Storage: cannot open or create container "${name}" at ${container.url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    botState: new OptimisticStateStorage(new BlobsStorage(connectionString, name)),
    documents: new BlobKeyValueStore(container),
    purgeOlderThan: (days, now) => purgeBlobsOlderThan(container, days, now),
    close: async () => {},
  };
}
