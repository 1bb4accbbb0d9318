import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import { scrubPersonalData } from './scrub-personal-data.js';

/** What the report counts. No user identity: conversations appear only as a one-way hash. */
export type AnalyticsEvent =
  | {
      type: 'question';
      at: string;
      conversation: string;
      outcome: 'answer' | 'clarify' | 'no_answer';
      articleId?: string;
      coverage?: number;
      /** Only for unanswered and weak questions, with personal data removed. */
      question?: string;
    }
  | { type: 'dialog'; at: string; conversation: string; dialog: string; status: 'started' | 'finished' }
  | { type: 'handoff'; at: string; conversation: string }
  | { type: 'feedback'; at: string; articleId: string; helpful: boolean; question?: string; comment?: string };

/** Distributive `Omit`: the event without the fields the recorder fills in. */
type NewEvent = AnalyticsEvent extends infer E ? (E extends AnalyticsEvent ? Omit<E, 'at' | 'conversation'> : never) : never;

/** The document-store collection of analytics events (falls under retention). */
export const EVENTS = 'events';
/** An answer this close to the no-answer threshold is "weak" and logged with its question for editors. */
export const WEAK_COVERAGE = 0.65;

/**
 * Records analytics events for the editorial report. Free text (questions, comments) passes through
 * `scrubPersonalData` first; conversation ids are hashed. Recording never fails a turn.
 *
 * @example
 * ```ts
 * await analytics.record('conv-1', { type: 'question', outcome: 'no_answer', question: 'Hundesteuer?' });
 * ```
 */
export class AnalyticsRecorder {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores an event; resolves with its key (for a later comment), or `undefined` when storing failed. */
  async record(conversationId: string, event: NewEvent): Promise<string | undefined> {
    const at = this.now().toISOString();
    const cleaned = { ...event } as Record<string, unknown>;
    for (const field of ['question', 'comment'] as const) {
      if (typeof cleaned[field] === 'string') cleaned[field] = scrubPersonalData(cleaned[field]);
    }
    const stored = { ...cleaned, at, ...(event.type === 'feedback' ? {} : { conversation: hashConversation(conversationId) }) };
    const key = `${at}-${randomUUID().slice(0, 8)}`;
    try {
      await this.store.put(EVENTS, key, stored);
      return key;
    } catch (error) {
      this.logger.warn({ err: error, type: event.type }, 'Could not record an analytics event');
      return undefined;
    }
  }

  /** Adds the user's optional comment to a 👎 (personal data removed). */
  async comment(key: string, comment: string): Promise<void> {
    try {
      const found = await this.store.get<AnalyticsEvent>(EVENTS, key);
      if (found?.value.type !== 'feedback') return;
      await this.store.put(EVENTS, key, { ...found.value, comment: scrubPersonalData(comment) }, found.etag);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not store a feedback comment');
    }
  }

  /** Events between two instants (inclusive start, exclusive end). */
  async between(from: Date, to: Date): Promise<AnalyticsEvent[]> {
    const start = from.toISOString();
    const end = to.toISOString();
    return (await this.store.list<AnalyticsEvent>(EVENTS)).map((e) => e.value).filter((e) => e.at >= start && e.at < end);
  }
}

/** One-way hash of a conversation id: enough to count conversations, useless to find a person. */
function hashConversation(conversationId: string): string {
  let hash = conversationHashes.get(conversationId);
  if (hash === undefined) {
    hash = createHash('sha256').update(`ikz-assistent:${conversationId}`).digest('hex').slice(0, 16);
    // A conversation records an event every turn: its hash is worth keeping for a while.
    if (conversationHashes.size >= CONVERSATION_HASHES_KEPT) conversationHashes.delete(conversationHashes.keys().next().value!);
    conversationHashes.set(conversationId, hash);
  }
  return hash;
}

/** How many conversations' hashes are kept (the oldest entry goes first). */
const CONVERSATION_HASHES_KEPT = 2_000;
const conversationHashes = new Map<string, string>();
