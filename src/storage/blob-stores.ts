// Placeholder until the Azure Blob backend lands (being written in parallel); the signature is final.
import type { Storage } from 'botbuilder';
import type { KeyValueStore } from './key-value-store.js';

export interface BlobStores {
  botState: Storage;
  documents: KeyValueStore;
  purgeOlderThan(days: number, now?: Date): Promise<number>;
  close(): Promise<void>;
}

export async function createBlobStores(_options: { connectionString: string; container: string }): Promise<BlobStores> {
  throw new Error('The Azure Blob storage backend is not available in this build');
}
