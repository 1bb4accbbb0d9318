import type { Activity } from 'botbuilder';
import {
  activityIdFor,
  type ActivityPage,
  type ConversationRecord,
  type CreateConversationResult,
  type DirectLineStore,
  type StoredActivity,
} from './directline-store.js';

/** Limits of {@link MemoryDirectLineStore}; together they bound its memory. */
export interface MemoryStoreLimits {
  /**
   * Conversations kept at most. When full, the one idle longest is dropped for a new one, but only if it has
   * been idle for `minIdleBeforeEvictionMs`; otherwise the new conversation is refused (`full`).
   */
  maxConversations: number;
  /** How long a conversation must have been idle before a new one may push it out of a full store. */
  minIdleBeforeEvictionMs: number;
  /** Activities kept per conversation; older ones are dropped first (watermarks keep counting). */
  maxActivitiesPerConversation: number;
  /** Approximate JSON size (characters) kept per conversation; older activities are dropped first. */
  maxCharsPerConversation: number;
  /** A conversation without new activities for this long is deleted. */
  idleTtlMs: number;
}

/** Defaults: room for a busy day of a small office, at most about 256 MB even when every log is full. */
export const DEFAULT_MEMORY_STORE_LIMITS: MemoryStoreLimits = {
  maxConversations: 1000,
  minIdleBeforeEvictionMs: 15 * 60 * 1000,
  maxActivitiesPerConversation: 300,
  maxCharsPerConversation: 256 * 1024,
  idleTtlMs: 60 * 60 * 1000,
};

interface Entry {
  record: ConversationRecord;
  log: Array<{ watermark: number; activity: Activity; chars: number }>;
  chars: number;
  lastWatermark: number;
}

/**
 * Direct Line conversations in the memory of this process: gone on restart, bounded in number, length,
 * size and idle time. Activities are stored as JSON copies, as a persistent store would keep them.
 */
export class MemoryDirectLineStore implements DirectLineStore {
  private readonly limits: MemoryStoreLimits;
  /** Insertion order = order of last activity (entries are re-inserted when touched), oldest first. */
  private readonly conversations = new Map<string, Entry>();

  constructor(
    limits: Partial<MemoryStoreLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_MEMORY_STORE_LIMITS, ...limits };
  }

  get idleTtlMs(): number {
    return this.limits.idleTtlMs;
  }

  /** Number of conversations held (for tests and metrics). */
  get size(): number {
    return this.conversations.size;
  }

  async createConversation(record: ConversationRecord): Promise<CreateConversationResult> {
    if (this.live(record.conversationId)) return { created: false, evicted: [] };
    const now = this.now();
    const evicted = await this.removeExpired(now);
    while (this.conversations.size >= this.limits.maxConversations) {
      const [oldest, entry] = this.conversations.entries().next().value as [string, Entry];
      const idleMs = now - entry.record.lastActiveAt;
      if (idleMs < this.limits.minIdleBeforeEvictionMs) {
        return { created: false, evicted, full: { retryAfterMs: this.limits.minIdleBeforeEvictionMs - idleMs } };
      }
      this.conversations.delete(oldest);
      evicted.push(oldest);
    }
    this.conversations.set(record.conversationId, { record: { ...record }, log: [], chars: 0, lastWatermark: 0 });
    return { created: true, evicted };
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | undefined> {
    const entry = this.live(conversationId);
    return entry ? { ...entry.record } : undefined;
  }

  async appendActivity(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const watermark = entry.lastWatermark + 1;
    const stored = copy({ ...activity, id: activity.id ?? activityIdFor(conversationId, watermark) }) as Activity;
    this.push(entry, watermark, stored);
    return { activity: copy(stored), watermark };
  }

  async activitiesAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const activities = entry.log.filter((item) => item.watermark > watermark).map((item) => copy(item.activity));
    return { activities, watermark: entry.lastWatermark };
  }

  async replaceActivity(conversationId: string, activity: Activity): Promise<StoredActivity | undefined> {
    const entry = this.live(conversationId);
    const index = entry?.log.findIndex((item) => item.activity.id === activity.id) ?? -1;
    if (!entry || index < 0) return undefined;
    const [old] = entry.log.splice(index, 1);
    entry.chars -= old!.chars;
    const watermark = entry.lastWatermark + 1;
    const stored = copy(activity);
    this.push(entry, watermark, stored);
    return { activity: copy(stored), watermark };
  }

  async deleteActivity(conversationId: string, activityId: string): Promise<boolean> {
    const entry = this.live(conversationId);
    const index = entry?.log.findIndex((item) => item.activity.id === activityId) ?? -1;
    if (!entry || index < 0) return false;
    const [old] = entry.log.splice(index, 1);
    entry.chars -= old!.chars;
    return true;
  }

  async deleteConversation(conversationId: string): Promise<void> {
    this.conversations.delete(conversationId);
  }

  async removeExpired(now: number): Promise<string[]> {
    const removed: string[] = [];
    // Oldest first: stop at the first conversation that is still fresh.
    for (const [id, entry] of this.conversations) {
      if (now - entry.record.lastActiveAt < this.limits.idleTtlMs) break;
      this.conversations.delete(id);
      removed.push(id);
    }
    return removed;
  }

  /** The entry if it exists and has not expired (an expired one is removed on the spot). */
  private live(conversationId: string): Entry | undefined {
    const entry = this.conversations.get(conversationId);
    if (entry && this.now() - entry.record.lastActiveAt >= this.limits.idleTtlMs) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    return entry;
  }

  private push(entry: Entry, watermark: number, activity: Activity): void {
    const chars = JSON.stringify(activity).length;
    entry.log.push({ watermark, activity, chars });
    entry.chars += chars;
    entry.lastWatermark = watermark;
    while (
      entry.log.length > 1 &&
      (entry.log.length > this.limits.maxActivitiesPerConversation || entry.chars > this.limits.maxCharsPerConversation)
    ) {
      entry.chars -= entry.log.shift()!.chars;
    }
    entry.record.lastActiveAt = this.now();
    // Re-insert so the map stays ordered by last activity (eviction and expiry take the oldest first).
    this.conversations.delete(entry.record.conversationId);
    this.conversations.set(entry.record.conversationId, entry);
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
