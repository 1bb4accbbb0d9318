import type { Activity } from 'botbuilder';

/** One Direct Line conversation as the store keeps it. */
export interface ConversationRecord {
  conversationId: string;
  /** The user id the conversation's token is bound to (`dl_…`). */
  userId: string;
  /** Locale the client asked for when it started the conversation. */
  locale: string;
  createdAt: number;
  /** Last time an activity was added (drives expiry). */
  lastActiveAt: number;
}

/** What {@link DirectLineStore.createConversation} did. */
export interface CreateConversationResult {
  created: boolean;
  /** Conversations removed to make room (or because they had expired). */
  evicted: string[];
  /** Set when the store is full of active conversations: not created; room is expected after `retryAfterMs`. */
  full?: { retryAfterMs: number };
}

/** A page of a conversation's activity log: everything after a watermark, and the newest watermark. */
export interface ActivityPage {
  activities: Activity[];
  /** Watermark of the newest activity of the conversation (0 when it has none yet). */
  watermark: number;
}

/** An activity as appended to the log, with the watermark it was given. */
export interface StoredActivity {
  activity: Activity;
  watermark: number;
}

/**
 * Where the self-hosted Direct Line channel keeps its conversations and their activity logs.
 *
 * Every method is asynchronous and works on plain JSON values, so any document store (SQLite, Azure Blob
 * Storage, memory) can keep them (`KeyValueDirectLineStore`). The store assigns
 * watermarks (1, 2, 3, … per conversation) and activity ids (`<conversationId>|<watermark>`), because only it
 * can do that atomically.
 */
export interface DirectLineStore {
  /** How long a conversation lives without a new activity: it expires at `lastActiveAt + idleTtlMs`. */
  readonly idleTtlMs: number;
  /**
   * Creates a conversation (`created: false`, and no change, when it exists already). A bounded store may
   * drop conversations idle long enough to make room (their ids are returned in `evicted`); when every
   * conversation is still in use, it refuses the new one (`full`), never dropping an active conversation.
   */
  createConversation(record: ConversationRecord): Promise<CreateConversationResult>;
  getConversation(conversationId: string): Promise<ConversationRecord | undefined>;
  /**
   * Appends an activity (stored as a copy) with the next watermark; an activity without an `id` gets one.
   * `undefined` when the conversation does not exist.
   */
  appendActivity(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined>;
  /** Activities with a watermark above `watermark`, oldest first. `undefined` for an unknown conversation. */
  activitiesAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined>;
  /**
   * Replaces the activity with the same id and moves it to a new watermark (so clients fetch it again).
   * `undefined` when the conversation or the activity is unknown.
   */
  replaceActivity(conversationId: string, activity: Activity): Promise<StoredActivity | undefined>;
  /** Removes one activity from the log; `false` when it was not there. */
  deleteActivity(conversationId: string, activityId: string): Promise<boolean>;
  deleteConversation(conversationId: string): Promise<void>;
  /** Deletes the conversations that have expired at `now` and returns their ids. */
  removeExpired(now: number): Promise<string[]>;
}

/** The activity id the store gives the activity at a watermark: Direct Line's `<conversationId>|<7 digits>`. */
export function activityIdFor(conversationId: string, watermark: number): string {
  return `${conversationId}|${String(watermark).padStart(7, '0')}`;
}
