import { text } from 'node:stream/consumers';
import type { BlobItem, BlockBlobUploadOptions, ContainerClient } from '@azure/storage-blob';
import { StoreConflictError, type KeyValueStore, type Versioned } from './key-value-store.js';

/** Folder of the container that holds the project's documents (bot state blobs never contain a `/`). */
export const DOCUMENTS_PREFIX = 'docs/';
/** Downloads that `list` runs at the same time. */
const LIST_CONCURRENCY = 8;

/**
 * The blob name of a document: `docs/<collection>/<encodeURIComponent(key)>.json`.
 *
 * @example
 * ```ts
 * documentBlobName('cases', 'IKZ-2026-0001'); // 'docs/cases/IKZ-2026-0001.json'
 * ```
 */
export function documentBlobName(collection: string, key: string): string {
  return `${collectionPrefix(collection)}${encodeURIComponent(key)}.json`;
}

/**
 * The folder of a collection's documents: `docs/<collection>/`.
 *
 * @example
 * ```ts
 * container.listBlobsFlat({ prefix: collectionPrefix('cases') });
 * ```
 */
export function collectionPrefix(collection: string): string {
  return `${DOCUMENTS_PREFIX}${encodeURIComponent(collection)}/`;
}

/**
 * The project's {@link KeyValueStore} on an Azure Blob Storage container: one JSON blob per document.
 * Optimistic concurrency uses the blob's own ETag: a string `expectedEtag` becomes `If-Match`, `null`
 * becomes `If-None-Match: *` (create only), and a failed precondition (HTTP 412, or 409 when the blob exists
 * already) becomes {@link StoreConflictError}. Several bot instances can share
 * the container.
 *
 * @example
 * ```ts
 * const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient('ikz');
 * await container.createIfNotExists();
 * const documents = new BlobKeyValueStore(container);
 * const etag = await documents.put('counters', 'cases-2026', { last: 1 }, null);
 * ```
 */
export class BlobKeyValueStore implements KeyValueStore {
  constructor(private readonly container: ContainerClient) {}

  async get<T>(collection: string, key: string): Promise<Versioned<T> | undefined> {
    return this.download<T>(documentBlobName(collection, key), key);
  }

  async put<T>(collection: string, key: string, value: T, expectedEtag?: string | null): Promise<string> {
    const body = JSON.stringify(value);
    const options: BlockBlobUploadOptions = { blobHTTPHeaders: { blobContentType: 'application/json' } };
    if (expectedEtag === null) options.conditions = { ifNoneMatch: '*' };
    else if (typeof expectedEtag === 'string') options.conditions = { ifMatch: expectedEtag };
    try {
      const blob = this.container.getBlockBlobClient(documentBlobName(collection, key));
      const response = await blob.upload(body, Buffer.byteLength(body), options);
      if (!response.etag) throw new Error(`Azure Blob Storage returned no ETag for ${collection}/${key}`);
      return response.etag;
    } catch (error) {
      if (options.conditions && isPreconditionFailure(error)) throw new StoreConflictError(collection, key);
      throw error;
    }
  }

  async delete(collection: string, key: string): Promise<void> {
    await this.container.getBlobClient(documentBlobName(collection, key)).deleteIfExists();
  }

  async list<T>(collection: string): Promise<Array<Versioned<T>>> {
    const prefix = collectionPrefix(collection);
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      if (blob.name.endsWith('.json')) names.push(blob.name);
    }
    const found = new Array<Versioned<T> | undefined>(names.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < names.length; index = next++) {
        const name = names[index]!;
        found[index] = await this.download<T>(name, decodeURIComponent(name.slice(prefix.length, -'.json'.length)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, names.length) }, worker));
    // A document deleted between listing and download is simply left out.
    return found.filter((item): item is Versioned<T> => item !== undefined);
  }

  private async download<T>(name: string, key: string): Promise<Versioned<T> | undefined> {
    try {
      const response = await this.container.getBlobClient(name).download();
      if (!response.readableStreamBody || !response.etag) return undefined;
      return { key, value: JSON.parse(await text(response.readableStreamBody)) as T, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

/**
 * Lists every blob of the container with its properties (used by retention).
 *
 * @example
 * ```ts
 * const old = (await listAllBlobs(container)).filter((b) => b.properties.lastModified < limit);
 * ```
 */
export async function listAllBlobs(container: ContainerClient): Promise<BlobItem[]> {
  const blobs: BlobItem[] = [];
  for await (const blob of container.listBlobsFlat()) blobs.push(blob);
  return blobs;
}

/**
 * HTTP status of an Azure SDK error (`RestError.statusCode`), if any.
 *
 * @example
 * ```ts
 * if (statusOf(error) === 404) return undefined;
 * ```
 */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 412 (If-Match failed, also when the blob was deleted since it was read) or 409 (If-None-Match: * on an existing blob). */
function isPreconditionFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === 412 || status === 409;
}
