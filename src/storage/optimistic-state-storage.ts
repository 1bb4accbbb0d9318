import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/**
 * A turn tried to save bot state that another turn (on this or another instance) changed after this turn
 * read it. The other turn's state is kept; this turn's changes are not stored.
 *
 * @example
 * ```ts
 * try { await conversationState.saveChanges(context); }
 * catch (error) { if (error instanceof StateConflictError) await context.sendActivity('Bitte noch einmal senden.'); else throw error; }
 * ```
 */
export class StateConflictError extends Error {
  override name = 'StateConflictError';
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`Bot state "${key}" was changed by another turn since this turn read it; this turn's changes were not saved`, options);
  }
}

/**
 * True for {@link StateConflictError} and the eTag conflict errors of botbuilder's storages
 * (`Storage: error writing "…" due to eTag conflict.`), e.g. to treat them apart in `onTurnError`.
 *
 * @example
 * ```ts
 * if (isETagConflict(error)) logger.warn('Overlapping turns; the user is asked to repeat');
 * ```
 */
export function isETagConflict(error: unknown): boolean {
  return error instanceof StateConflictError || (error instanceof Error && /eTag conflict/i.test(error.message));
}

/**
 * Gives botbuilder's `BotState` real optimistic concurrency on any `Storage` that honours eTags
 * (`BlobsStorage`, `MemoryStorage`, the SQLite storage).
 *
 * Why: `BotState.saveChanges` (botbuilder 4.23) always writes with `eTag: '*'`, so two turns of one
 * conversation that overlap (two instances, or two quick messages) silently overwrite each other: the last
 * write wins and the other turn's update is lost. This wrapper remembers the eTag of every item it read and,
 * when that same item object comes back to `write` with `eTag: '*'`, writes it with the eTag it was read at
 * instead. A stale write then fails with {@link StateConflictError} rather than overwriting.
 *
 * Limits: an item not read through this wrapper (a new conversation's first state, or a state reset with
 * `clear()`) is written as the caller asks (unconditionally for `'*'`); after a successful write the
 * remembered eTag is dropped, so a second save of the same object in the same turn is unconditional.
 *
 * @example
 * ```ts
 * const storage = new OptimisticStateStorage(new BlobsStorage(connectionString, 'ikz'));
 * const conversationState = new ConversationState(storage);
 * // a turn whose state another turn changed meanwhile: saveChanges() rejects with StateConflictError
 * ```
 */
export class OptimisticStateStorage implements Storage {
  /** Item objects handed out by `read`, with the eTag they were read at. */
  private readonly readETags = new WeakMap<object, string>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items)) {
      if (isObject(item) && typeof item.eTag === 'string' && item.eTag !== '*') this.readETags.set(item, item.eTag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const guarded: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const readETag = isObject(item) && item.eTag === '*' ? this.readETags.get(item) : undefined;
      guarded[key] = readETag ? { ...(item as object), eTag: readETag } : (item as unknown);
    }
    try {
      await this.inner.write(guarded);
    } catch (error) {
      if (!isETagConflict(error)) throw error;
      const key = Object.keys(changes).find((k) => error instanceof Error && error.message.includes(`"${k}"`));
      throw new StateConflictError(key ?? Object.keys(changes).join(', '), { cause: error });
    }
    for (const item of Object.values(changes)) if (isObject(item)) this.readETags.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

function isObject(value: unknown): value is StoreItem & object {
  return typeof value === 'object' && value !== null;
}
