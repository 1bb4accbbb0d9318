import { randomUUID } from 'node:crypto';

/** A stored value with the version tag it was read at. */
export interface Versioned<T> {
  key: string;
  value: T;
  etag: string;
}

/** A write based on a stale read: someone else changed the document in between. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
  constructor(collection: string, key: string) {
    super(`Conflicting write to ${collection}/${key}: the document changed since it was read`);
  }
}

/**
 * The project's own small document store (cases, counters, Direct Line conversations, feedback), beside
 * botbuilder's `Storage` for bot state. Writes use optimistic concurrency like the official storages:
 * `expectedEtag` is the version read before (`null`: the key must not exist yet; omitted: overwrite).
 *
 * @example
 * ```ts
 * const found = await store.get<Counter>('counters', 'cases-2026');
 * await store.put('counters', 'cases-2026', { next: (found?.value.next ?? 0) + 1 }, found?.etag ?? null);
 * ```
 */
export interface KeyValueStore {
  get<T>(collection: string, key: string): Promise<Versioned<T> | undefined>;
  /** Writes and returns the new etag; throws `StoreConflictError` when `expectedEtag` is stale. */
  put<T>(collection: string, key: string, value: T, expectedEtag?: string | null): Promise<string>;
  delete(collection: string, key: string): Promise<void>;
  /** Every document of a collection (small collections only: cases, counters). */
  list<T>(collection: string): Promise<Array<Versioned<T>>>;
}

/** In-memory store: tests, and a process that must not write to disk. Values are copied in and out. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly data = new Map<string, { value: string; etag: string }>();

  async get<T>(collection: string, key: string): Promise<Versioned<T> | undefined> {
    const entry = this.data.get(id(collection, key));
    return entry ? { key, value: JSON.parse(entry.value) as T, etag: entry.etag } : undefined;
  }

  async put<T>(collection: string, key: string, value: T, expectedEtag?: string | null): Promise<string> {
    const current = this.data.get(id(collection, key));
    if (expectedEtag === null && current) throw new StoreConflictError(collection, key);
    if (typeof expectedEtag === 'string' && current?.etag !== expectedEtag) throw new StoreConflictError(collection, key);
    const etag = randomUUID();
    this.data.set(id(collection, key), { value: JSON.stringify(value), etag });
    return etag;
  }

  async delete(collection: string, key: string): Promise<void> {
    this.data.delete(id(collection, key));
  }

  async list<T>(collection: string): Promise<Array<Versioned<T>>> {
    const prefix = `${collection}/`;
    return [...this.data.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, entry]) => ({ key: k.slice(prefix.length), value: JSON.parse(entry.value) as T, etag: entry.etag }));
  }
}

function id(collection: string, key: string): string {
  return `${collection}/${key}`;
}

/**
 * Runs a read-modify-write until it goes through without a conflict (another instance or turn wrote
 * in between), at most `attempts` times.
 */
export async function withRetry<T>(attempts: number, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= attempts) throw error;
    }
  }
}
