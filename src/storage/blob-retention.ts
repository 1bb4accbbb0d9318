import type { BlobItem, ContainerClient } from '@azure/storage-blob';
import { collectionPrefix, DOCUMENTS_PREFIX, listAllBlobs, statusOf } from './blob-key-value-store.js';
import { RETAINED_COLLECTIONS } from './retained-collections.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deletions that run at the same time. */
const DELETE_CONCURRENCY = 8;

/**
 * Retention on a Blob container: deletes the bot-state blobs (conversation and user state, dialog stacks)
 * and the documents of {@link RETAINED_COLLECTIONS} (handoff cases and keys, Direct Line conversations with
 * their logs, analytics events, conversation transcripts) whose last modification is more than `days` days before `now`. A blob changed between listing and
 * deletion is kept (conditional delete on its ETag). Returns how many blobs were deleted.
 *
 * @example
 * ```ts
 * const deleted = await purgeBlobsOlderThan(container, 90); // nightly job: keep 90 days
 * ```
 */
export async function purgeBlobsOlderThan(container: ContainerClient, days: number, now: Date = new Date()): Promise<number> {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Retention days must be a number of at least 0 (got ${days})`);
  const limit = now.getTime() - days * DAY_MS;
  const expired = (await listAllBlobs(container)).filter((blob) => isRetained(blob.name) && blob.properties.lastModified.getTime() < limit);
  let deleted = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < expired.length; index = next++) {
      if (await deleteUnchanged(container, expired[index]!)) deleted++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, expired.length) }, worker));
  return deleted;
}

/** Bot-state blobs (BlobsStorage encodes its keys, so their names never contain `/`) and retained documents. */
function isRetained(name: string): boolean {
  if (!name.includes('/')) return true;
  if (!name.startsWith(DOCUMENTS_PREFIX)) return false;
  return RETAINED_COLLECTIONS.some((collection) => name.startsWith(collectionPrefix(collection)));
}

async function deleteUnchanged(container: ContainerClient, blob: BlobItem): Promise<boolean> {
  try {
    const result = await container.getBlobClient(blob.name).deleteIfExists({ conditions: { ifMatch: blob.properties.etag } });
    return result.succeeded;
  } catch (error) {
    if (statusOf(error) === 412) return false; // written again since it was listed: no longer old
    throw error;
  }
}
