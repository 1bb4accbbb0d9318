import type { Activity } from 'botbuilder';
import { StoreConflictError, withRetry, type KeyValueStore, type Versioned } from '../../storage/key-value-store.js';
import {
  activityIdFor,
  type ActivityPage,
  type ConversationRecord,
  type CreateConversationResult,
  type DirectLineStore,
  type StoredActivity,
} from './directline-store.js';
import { DEFAULT_MEMORY_STORE_LIMITS, type MemoryStoreLimits } from './memory-directline-store.js';

/** Collection of the conversation documents (one per conversation, with its activity log). */
export const DIRECT_LINE_COLLECTION = 'directline';
/** Collection of the index of conversations (ids and last activity only: no personal data). */
export const DIRECT_LINE_INDEX_COLLECTION = 'directline-index';
const INDEX_KEY = 'conversations';
/** Attempts of one read-modify-write before a conflict is reported (several instances may write at once). */
const ATTEMPTS = 25;

interface LogEntry {
  watermark: number;
  activity: Activity;
  chars: number;
}

/** A conversation as stored: its record, the bounded log and the last watermark given out. */
interface ConversationDocument {
  record: ConversationRecord;
  log: LogEntry[];
  chars: number;
  lastWatermark: number;
}

/** Written (with the etag that was read) right before a conversation is deleted, so deletion is conditional. */
interface Tombstone {
  removed: true;
}

type StoredDocument = ConversationDocument | Tombstone;

/**
 * Conversation id → a lower bound of its last activity (the time of creation, refreshed when a sweep or an
 * eviction reads the conversation). Lets `removeExpired` and eviction read only the few conversations that
 * may be idle, instead of every log.
 */
interface IndexDocument {
  conversations: Record<string, number>;
}

/**
 * The Direct Line conversations and their activity logs on any {@link KeyValueStore} (SQLite, Azure Blob
 * Storage, memory), so they survive restarts and are shared by every bot instance on the same store.
 *
 * One document per conversation (collection `directline`) holds its record and its log, bounded like
 * {@link MemoryDirectLineStore} (activities and characters per conversation, idle time, number of
 * conversations; same defaults). Every change is a read-modify-write with the document's etag, retried on
 * conflict, so two instances appending to one conversation at once never lose or repeat a watermark;
 * inside one process the changes to one conversation are also queued, so they do not conflict with each other.
 *
 * @example
 * ```ts
 * const store = new KeyValueDirectLineStore(stores.documents, { idleTtlMs: 2 * tokenTtlSeconds * 1000 });
 * const channel = new DirectLineChannel({ store, runTurn, logger, sharedStorePollMs: 1000 });
 * ```
 */
export class KeyValueDirectLineStore implements DirectLineStore {
  private readonly limits: MemoryStoreLimits;
  /** Tail of the queue of changes per conversation (and for the index) in this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly documents: KeyValueStore,
    limits: Partial<MemoryStoreLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_MEMORY_STORE_LIMITS, ...limits };
  }

  get idleTtlMs(): number {
    return this.limits.idleTtlMs;
  }

  /** Number of conversations in the index (for tests and metrics). */
  async count(): Promise<number> {
    return Object.keys(await this.readIndex()).length;
  }

  async createConversation(record: ConversationRecord): Promise<CreateConversationResult> {
    const id = record.conversationId;
    const existing = await this.documents.get<StoredDocument>(DIRECT_LINE_COLLECTION, id);
    if (existing && this.isLive(existing.value, this.now())) return { created: false, evicted: [] };
    const evicted = await this.removeExpired(this.now());
    const full = await this.evictWhileFull(evicted);
    if (full) return { created: false, evicted, full };
    await this.updateIndex((entries) => {
      entries[id] = record.lastActiveAt;
    });
    // On a conflict, read again: if another instance created the conversation meanwhile, it exists now.
    return this.queued(id, () =>
      retrying(async () => {
        const current = await this.documents.get<StoredDocument>(DIRECT_LINE_COLLECTION, id);
        if (current && this.isLive(current.value, this.now())) return { created: false, evicted };
        const document: ConversationDocument = { record: { ...record }, log: [], chars: 0, lastWatermark: 0 };
        await this.documents.put(DIRECT_LINE_COLLECTION, id, document, current?.etag ?? null);
        return { created: true, evicted };
      }),
    );
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | undefined> {
    const found = await this.live(conversationId);
    return found ? { ...found.value.record } : undefined;
  }

  appendActivity(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined> {
    return this.change(conversationId, (document) => {
      const watermark = document.lastWatermark + 1;
      const stored = copy({ ...activity, id: activity.id ?? activityIdFor(conversationId, watermark) }) as Activity;
      this.push(document, watermark, stored);
      return { activity: copy(stored), watermark };
    });
  }

  async activitiesAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const found = await this.live(conversationId);
    if (!found) return undefined;
    const { log, lastWatermark } = found.value;
    return { activities: log.filter((item) => item.watermark > watermark).map((item) => item.activity), watermark: lastWatermark };
  }

  replaceActivity(conversationId: string, activity: Activity): Promise<StoredActivity | undefined> {
    return this.change(conversationId, (document) => {
      const index = document.log.findIndex((item) => item.activity.id === activity.id);
      if (index < 0) return undefined;
      const [old] = document.log.splice(index, 1);
      document.chars -= old!.chars;
      const watermark = document.lastWatermark + 1;
      const stored = copy(activity);
      this.push(document, watermark, stored);
      return { activity: copy(stored), watermark };
    });
  }

  async deleteActivity(conversationId: string, activityId: string): Promise<boolean> {
    const deleted = await this.change(conversationId, (document) => {
      const index = document.log.findIndex((item) => item.activity.id === activityId);
      if (index < 0) return undefined;
      const [old] = document.log.splice(index, 1);
      document.chars -= old!.chars;
      return true;
    });
    return deleted ?? false;
  }

  async deleteConversation(conversationId: string): Promise<void> {
    await this.queued(conversationId, () => this.documents.delete(DIRECT_LINE_COLLECTION, conversationId));
    await this.updateIndex((entries) => {
      delete entries[conversationId];
    });
  }

  async removeExpired(now: number): Promise<string[]> {
    const candidates = Object.entries(await this.readIndex())
      .filter(([, lastActiveAt]) => now - lastActiveAt >= this.limits.idleTtlMs)
      .sort((a, b) => a[1] - b[1]);
    const removed: string[] = [];
    const gone: string[] = [];
    const stillActive: Record<string, number> = {};
    for (const [id] of candidates) {
      const found = await this.documents.get<StoredDocument>(DIRECT_LINE_COLLECTION, id);
      if (!found || isTombstone(found.value)) {
        gone.push(id);
      } else if (now - found.value.record.lastActiveAt < this.limits.idleTtlMs) {
        stillActive[id] = found.value.record.lastActiveAt;
      } else if (await this.removeIfUnchanged(id, found.etag)) {
        removed.push(id);
        gone.push(id);
      }
    }
    if (gone.length > 0 || Object.keys(stillActive).length > 0) {
      await this.updateIndex((entries) => {
        for (const id of gone) delete entries[id];
        for (const [id, at] of Object.entries(stillActive)) if (id in entries) entries[id] = Math.max(entries[id]!, at);
      });
    }
    return removed;
  }

  /**
   * Drops the conversations idle longest until there is room for one more; their ids go to `evicted`. A
   * conversation idle for less than `minIdleBeforeEvictionMs` is never dropped: then the store is full, and
   * the time until the one idle longest may go is returned.
   */
  private async evictWhileFull(evicted: string[]): Promise<CreateConversationResult['full']> {
    for (let round = 0; round < 2 * this.limits.maxConversations + 10; round++) {
      const entries = await this.readIndex();
      if (Object.keys(entries).length < this.limits.maxConversations) return undefined;
      const oldest = await this.idleLongest(entries);
      if (!oldest) return undefined;
      const idleMs = this.now() - oldest.at;
      if (oldest.etag !== undefined && idleMs < this.limits.minIdleBeforeEvictionMs) {
        return { retryAfterMs: this.limits.minIdleBeforeEvictionMs - idleMs };
      }
      // A conversation that changed since it was read is kept, and the next round looks again.
      if (oldest.etag === undefined || (await this.removeIfUnchanged(oldest.id, oldest.etag))) {
        if (oldest.etag !== undefined) evicted.push(oldest.id);
        await this.updateIndex((current) => {
          delete current[oldest.id];
        });
      }
    }
  }

  /**
   * The conversation with the oldest last activity. The index holds lower bounds, so conversations are read
   * in index order only until the best one found is not newer than the next lower bound.
   * `etag` is undefined for an index entry whose document is already gone.
   */
  private async idleLongest(entries: Record<string, number>): Promise<{ id: string; etag?: string; at: number } | undefined> {
    let best: { id: string; etag?: string; at: number } | undefined;
    for (const [id, lowerBound] of Object.entries(entries).sort((a, b) => a[1] - b[1])) {
      if (best && best.at <= lowerBound) break;
      const found = await this.documents.get<StoredDocument>(DIRECT_LINE_COLLECTION, id);
      if (!found || isTombstone(found.value)) return { id, at: lowerBound };
      if (!best || found.value.record.lastActiveAt < best.at) best = { id, etag: found.etag, at: found.value.record.lastActiveAt };
    }
    return best;
  }

  /** Deletes a conversation unless it changed since it was read at `etag`; `false` when it changed. */
  private removeIfUnchanged(conversationId: string, etag: string): Promise<boolean> {
    return this.queued(conversationId, async () => {
      const tombstone: Tombstone = { removed: true };
      try {
        await this.documents.put(DIRECT_LINE_COLLECTION, conversationId, tombstone, etag);
      } catch (error) {
        if (error instanceof StoreConflictError) return false;
        throw error;
      }
      await this.documents.delete(DIRECT_LINE_COLLECTION, conversationId);
      return true;
    });
  }

  /**
   * Read-modify-write of a live conversation, queued in this process and retried on conflicts with other
   * instances. `undefined` (and nothing written) when the conversation is unknown or `apply` returns `undefined`.
   */
  private change<R>(conversationId: string, apply: (document: ConversationDocument) => R | undefined): Promise<R | undefined> {
    return this.queued(conversationId, () =>
      retrying(async () => {
        const found = await this.live(conversationId);
        if (!found) return undefined;
        const result = apply(found.value);
        if (result === undefined) return undefined;
        await this.documents.put(DIRECT_LINE_COLLECTION, conversationId, found.value, found.etag);
        return result;
      }),
    );
  }

  private async live(conversationId: string): Promise<Versioned<ConversationDocument> | undefined> {
    const found = await this.documents.get<StoredDocument>(DIRECT_LINE_COLLECTION, conversationId);
    return found && this.isLive(found.value, this.now()) ? (found as Versioned<ConversationDocument>) : undefined;
  }

  private isLive(document: StoredDocument, now: number): document is ConversationDocument {
    return !isTombstone(document) && now - document.record.lastActiveAt < this.limits.idleTtlMs;
  }

  private push(document: ConversationDocument, watermark: number, activity: Activity): void {
    const chars = JSON.stringify(activity).length;
    document.log.push({ watermark, activity, chars });
    document.chars += chars;
    document.lastWatermark = watermark;
    while (
      document.log.length > 1 &&
      (document.log.length > this.limits.maxActivitiesPerConversation || document.chars > this.limits.maxCharsPerConversation)
    ) {
      document.chars -= document.log.shift()!.chars;
    }
    document.record.lastActiveAt = this.now();
  }

  private async readIndex(): Promise<Record<string, number>> {
    return (await this.documents.get<IndexDocument>(DIRECT_LINE_INDEX_COLLECTION, INDEX_KEY))?.value.conversations ?? {};
  }

  private updateIndex(change: (entries: Record<string, number>) => void): Promise<void> {
    return this.queued('\u0000index', () =>
      retrying(async () => {
        const found = await this.documents.get<IndexDocument>(DIRECT_LINE_INDEX_COLLECTION, INDEX_KEY);
        const entries = { ...found?.value.conversations };
        change(entries);
        const next: IndexDocument = { conversations: entries };
        await this.documents.put(DIRECT_LINE_INDEX_COLLECTION, INDEX_KEY, next, found?.etag ?? null);
      }),
    );
  }

  /** Runs `work` after every earlier queued work for the same key in this process. */
  private queued<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.queues.set(key, run);
    void run
      .catch(() => undefined)
      .then(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      });
    return run;
  }
}

/** {@link withRetry} with a short random pause before each new attempt, so competing instances spread out. */
function retrying<T>(operation: () => Promise<T>): Promise<T> {
  let attempt = 0;
  return withRetry(ATTEMPTS, async () => {
    if (attempt++ > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    return operation();
  });
}

function isTombstone(document: StoredDocument): document is Tombstone {
  return 'removed' in document && document.removed === true;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
