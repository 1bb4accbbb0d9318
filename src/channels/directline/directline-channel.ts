import { ActivityTypes, TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import type { ClientActivity } from './activity-input.js';
import { ConversationHub, type Subscriber } from './conversation-hub.js';
import { DIRECT_LINE_CHANNEL_ID, DIRECT_LINE_SERVICE_URL, DirectLineAdapter } from './directline-adapter.js';
import type { ActivityPage, ConversationRecord, DirectLineStore } from './directline-store.js';

/** How the bot appears in this channel's activities. */
export const DIRECT_LINE_BOT: ChannelAccount = { id: 'ikz-assistent', name: 'IKZ-Assistent', role: 'bot' };

export interface DirectLineChannelOptions {
  store: DirectLineStore;
  /** Runs the bot's turn (the same logic as every other channel). */
  runTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** Called for every conversation that expired or was evicted, e.g. to delete the bot's state for it. */
  onConversationRemoved?: (context: TurnContext) => Promise<void>;
  /** How often expired conversations are cleaned up (default: every minute). */
  sweepIntervalMs?: number;
  /**
   * How long posting an activity waits for the bot's turn before it answers anyway (default 15 s, below
   * Web Chat's 20 s send timeout); the replies still arrive in the log when the turn finishes.
   */
  turnWaitMs?: number;
  /**
   * Set when the store is shared with other bot instances (Azure Blob Storage): live clients then also get
   * what other instances write, because each stream reads the store every `sharedStorePollMs` (and at once on
   * every activity of this instance) and delivers strictly in watermark order. Unset: push from this process only.
   */
  sharedStorePollMs?: number;
  now?: () => number;
}

/**
 * The self-hosted Direct Line channel without its HTTP surface: starts conversations (greeting the user
 * with a `conversationUpdate`), takes the user's activities (echoed into the log, then one bot turn each,
 * in order per conversation), and serves and pushes the log. Knows nothing of restify.
 */
export class DirectLineChannel {
  /** The in-process bot adapter; set its `onTurnError` to the bot's error handler. */
  readonly adapter: DirectLineAdapter;
  readonly hub = new ConversationHub();
  private readonly store: DirectLineStore;
  private readonly logger: Logger;
  private readonly now: () => number;
  /** Tail of each conversation's turn queue (turns of one conversation never overlap). */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: DirectLineChannelOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.adapter = new DirectLineAdapter(this.store, this.hub, this.now);
    this.sweeper = setInterval(() => void this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.sweeper.unref();
  }

  /**
   * Starts the conversation a token was issued for and queues the `conversationUpdate` that makes the bot
   * greet. Starting it again changes nothing (`created: false`). When the store is full of active
   * conversations, nothing is started and `full` says when to try again.
   */
  async startConversation(
    conversationId: string,
    userId: string,
    locale: string,
  ): Promise<{ created: boolean; full?: { retryAfterMs: number } }> {
    const now = this.now();
    const record: ConversationRecord = { conversationId, userId, locale, createdAt: now, lastActiveAt: now };
    const { created, evicted, full } = await this.store.createConversation(record);
    await this.removed(evicted, 'evicted');
    if (full) {
      this.logger.warn({ conversationId }, 'Direct Line conversation refused: every conversation slot is in use');
      return { created, full };
    }
    if (!created) return { created };
    this.logger.info({ conversationId }, 'Direct Line conversation started');
    const user = userAccount(userId);
    // Wait for the greeting turn, so the greeting is the first entry of the log whatever the client posts next.
    await this.enqueue(conversationId, () =>
      this.runTurn({
        ...this.envelope(conversationId, user, locale),
        type: ActivityTypes.ConversationUpdate,
        id: `${conversationId}|start`,
        membersAdded: [user],
      }),
    );
    return { created };
  }

  getConversation(conversationId: string): Promise<ConversationRecord | undefined> {
    return this.store.getConversation(conversationId);
  }

  /** When a conversation expires unless something is written to it (milliseconds since the epoch). */
  expiresAt(record: ConversationRecord): number {
    return record.lastActiveAt + this.store.idleTtlMs;
  }

  /**
   * Takes a user's activity: writes it to the log (so the client sees its own message confirmed, with its
   * `clientActivityID`), then runs the bot's turn. Resolves with the activity id once the turn is done;
   * `undefined` when the conversation does not exist.
   */
  async postActivity(conversationId: string, userId: string, input: ClientActivity): Promise<string | undefined> {
    const record = await this.store.getConversation(conversationId);
    if (!record) return undefined;
    const user = userAccount(userId);
    const activity = {
      ...input,
      ...this.envelope(conversationId, user, input.locale ?? record.locale),
      recipient: DIRECT_LINE_BOT,
    } as Partial<Activity>;
    if (input.type === ActivityTypes.Typing) return ''; // live hint only: neither logged nor a turn
    const stored = await this.store.appendActivity(conversationId, activity);
    if (!stored) return undefined;
    this.hub.publish(conversationId, { activities: [stored.activity], watermark: stored.watermark });
    const turn = this.enqueue(conversationId, () => this.runTurn({ ...stored.activity, recipient: DIRECT_LINE_BOT }));
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.turnWaitMs ?? 15_000)));
    await Promise.race([turn, patience]);
    clearTimeout(timer);
    return stored.activity.id ?? '';
  }

  /** The log after a watermark (polling, and the replay when a stream connects). */
  activitiesAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    return this.store.activitiesAfter(conversationId, watermark);
  }

  /**
   * Connects a live client: it first receives everything after `watermark` in one message, then each new
   * activity as it is written. Returns the function that disconnects it, or `undefined` for an unknown
   * conversation.
   */
  async connect(conversationId: string, watermark: number, subscriber: Subscriber): Promise<(() => void) | undefined> {
    if (this.options.sharedStorePollMs) return this.connectShared(conversationId, watermark, subscriber, this.options.sharedStorePollMs);
    // Subscribe first and hold live events back until the replay is sent, so nothing falls in between.
    let sent = watermark;
    let held: Parameters<Subscriber['push']>[0][] | undefined = [];
    const unsubscribe = this.hub.subscribe(conversationId, {
      push: (event) => {
        if (held) held.push(event);
        else if (event.transient || event.watermark > sent) {
          if (!event.transient) sent = event.watermark;
          subscriber.push(event);
        }
      },
      close: () => subscriber.close(),
    });
    const page = await this.store.activitiesAfter(conversationId, watermark);
    if (!page) {
      unsubscribe();
      return undefined;
    }
    if (page.activities.length > 0) subscriber.push(page);
    sent = Math.max(sent, page.watermark);
    const pending = held;
    held = undefined;
    for (const event of pending) {
      if (event.transient || event.watermark > sent) {
        if (!event.transient) sent = event.watermark;
        subscriber.push(event);
      }
    }
    return unsubscribe;
  }

  /**
   * {@link connect} on a store shared by several instances: every delivery is read from the store after the
   * last watermark sent, so activities written by another instance arrive too, in order and exactly once.
   * Events of this process only trigger an immediate read; typing (not in the log) is pushed directly.
   */
  private async connectShared(
    conversationId: string,
    watermark: number,
    subscriber: Subscriber,
    pollMs: number,
  ): Promise<(() => void) | undefined> {
    let sent = watermark;
    let started = false;
    let stopped = false;
    let reading = false;
    let readAgain = false;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    };
    const read = async (): Promise<void> => {
      if (!started || stopped) return;
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const page = await this.store.activitiesAfter(conversationId, sent);
          if (stopped) return;
          if (!page) {
            // Deleted (expired) by this or another instance: end the stream like the hub does.
            stop();
            subscriber.close();
            return;
          }
          if (page.watermark > sent) {
            sent = page.watermark;
            if (page.activities.length > 0) subscriber.push(page);
          }
        } while (readAgain && !stopped);
      } catch (error) {
        this.logger.warn({ err: error, conversationId }, 'Could not read new Direct Line activities from the store');
      } finally {
        reading = false;
      }
    };
    const unsubscribe = this.hub.subscribe(conversationId, {
      push: (event) => {
        if (event.transient) subscriber.push(event);
        else void read();
      },
      close: () => {
        stop();
        subscriber.close();
      },
    });
    const page = await this.store.activitiesAfter(conversationId, watermark);
    if (!page) {
      stop();
      return undefined;
    }
    if (page.activities.length > 0) subscriber.push(page);
    sent = Math.max(sent, page.watermark);
    started = true;
    timer = setInterval(() => void read(), pollMs);
    timer.unref();
    void read(); // whatever arrived while the replay was read
    return stop;
  }

  /** Deletes expired conversations now (also runs every minute by itself). */
  async sweep(): Promise<void> {
    try {
      await this.removed(await this.store.removeExpired(this.now()), 'expired');
    } catch (error) {
      this.logger.error({ err: error }, 'Could not remove expired Direct Line conversations');
    }
  }

  /** Stops the sweeper and ends every live connection (the server is stopping). */
  close(): void {
    clearInterval(this.sweeper);
    this.hub.closeAll();
  }

  private async removed(conversationIds: string[], why: 'expired' | 'evicted'): Promise<void> {
    for (const conversationId of conversationIds) {
      this.hub.close(conversationId);
      this.logger.info({ conversationId, why }, 'Direct Line conversation removed');
      if (!this.options.onConversationRemoved) continue;
      const context = new TurnContext(this.adapter, this.envelope(conversationId, userAccount(''), 'de-DE'));
      try {
        await this.options.onConversationRemoved(context);
      } catch (error) {
        this.logger.error({ err: error, conversationId }, 'Could not clean up after a removed Direct Line conversation');
      }
    }
  }

  /** One turn; errors end in the adapter's `onTurnError`, and anything it lets through is logged here. */
  private async runTurn(activity: Partial<Activity>): Promise<void> {
    try {
      await this.adapter.processActivity(activity, this.options.runTurn);
    } catch (error) {
      this.logger.error({ err: error, conversationId: activity.conversation?.id, activityType: activity.type }, 'Direct Line turn failed');
    }
  }

  private enqueue(conversationId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.queues.set(conversationId, run);
    void run.then(() => {
      if (this.queues.get(conversationId) === run) this.queues.delete(conversationId);
    });
    return run;
  }

  /** The fields every activity of a conversation carries. */
  private envelope(conversationId: string, user: ChannelAccount, locale: string): Partial<Activity> {
    return {
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: user,
      recipient: DIRECT_LINE_BOT,
      locale,
      timestamp: new Date(this.now()),
    };
  }
}

/** The user of a conversation as the bot sees it (Direct Line clients send no trustworthy name). */
function userAccount(userId: string): ChannelAccount {
  return { id: userId, role: 'user' } as ChannelAccount;
}
