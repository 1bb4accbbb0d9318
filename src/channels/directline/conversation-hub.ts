import type { Activity } from 'botbuilder';

/** New activities of a conversation as pushed to its live clients (the WebSocket stream's message). */
export interface ActivityEvent {
  activities: Activity[];
  watermark: number;
  /** Not part of the log (typing): delivered live only, never replayed. */
  transient?: boolean;
}

/** A live client of one conversation (a WebSocket). */
export interface Subscriber {
  push(event: ActivityEvent): void;
  /** The conversation is gone (expired, evicted, server stopping): end the connection. */
  close(): void;
}

/** Live connections per conversation at most; a further one closes the oldest (a reloaded tab leaves one behind). */
export const MAX_SUBSCRIBERS_PER_CONVERSATION = 5;

/** Delivers a conversation's new activities to its connected clients at once (in this process). */
export class ConversationHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  /** Adds a live client; returns the function that removes it again. */
  subscribe(conversationId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(conversationId);
    if (!set) this.subscribers.set(conversationId, (set = new Set()));
    set.add(subscriber);
    if (set.size > MAX_SUBSCRIBERS_PER_CONVERSATION) {
      const oldest = set.values().next().value as Subscriber;
      set.delete(oldest);
      oldest.close();
    }
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(conversationId) === set) this.subscribers.delete(conversationId);
    };
  }

  publish(conversationId: string, event: ActivityEvent): void {
    for (const subscriber of this.subscribers.get(conversationId) ?? []) subscriber.push(event);
  }

  /** Ends every live client of the conversation. */
  close(conversationId: string): void {
    const set = this.subscribers.get(conversationId);
    this.subscribers.delete(conversationId);
    for (const subscriber of set ?? []) subscriber.close();
  }

  /** Ends every live client (shutdown). */
  closeAll(): void {
    for (const id of [...this.subscribers.keys()]) this.close(id);
  }

  /** Number of live clients (for tests). */
  count(conversationId: string): number {
    return this.subscribers.get(conversationId)?.size ?? 0;
  }
}
