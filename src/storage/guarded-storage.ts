import type { Storage, StoreItems } from 'botbuilder';
import { isETagConflict } from './optimistic-state-storage.js';

/**
 * The storage could not be reached or answered with an error (SQLite busy, Blob 503 …). The stored state
 * is untouched; the turn's changes were not saved, so the user can simply send the message again.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(operation: string, options: { cause: unknown }) {
    super(`Storage ${operation} failed: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
  }
}

/**
 * Marks every failure of the underlying storage as {@link StorageUnavailableError} (eTag conflicts stay as
 * they are), so the turn's error handler can tell "try again" from a broken dialog and does not reset a
 * conversation whose stored state is fine.
 *
 * @example
 * ```ts
 * const conversationState = new ConversationState(new GuardedStorage(new SqliteStorage(db)));
 * ```
 */
export class GuardedStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', () => this.inner.delete(keys));
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isETagConflict(error)) throw error;
      throw new StorageUnavailableError(operation, { cause: error });
    }
  }
}
