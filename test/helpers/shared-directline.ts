import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { ActivityEvent } from '../../src/channels/directline/conversation-hub.js';
import { DirectLineChannel } from '../../src/channels/directline/directline-channel.js';
import type { DirectLineStore } from '../../src/channels/directline/directline-store.js';
import { silentLogger } from '../../src/logging/logger.js';

/** How often the test channels read the shared store for live clients. */
export const TEST_POLL_MS = 100;

/** A bot that answers every message with `Echo: <text>`. */
const echo = async (context: TurnContext) => {
  if (context.activity.type === ActivityTypes.Message) await context.sendActivity(`Echo: ${context.activity.text}`);
};

/** What a live (WebSocket-like) client connected to one instance received. */
export interface LiveClient {
  events: ActivityEvent[];
  /** Waits until `count` activities arrived and returns their texts in order of arrival. */
  waitFor(count: number, timeoutMs?: number): Promise<string[]>;
  ids(): string[];
}

/**
 * Two bot instances ("A" and "B") with their own Direct Line channel, each on its own store object for the
 * same shared data, in shared-store mode.
 *
 * @example
 * ```ts
 * const { a, b, close } = sharedChannels(storeOfA, storeOfB);
 * const client = await a.connectClient('c1');
 * ```
 */
export function sharedChannels(storeA: DirectLineStore, storeB: DirectLineStore) {
  const instance = (store: DirectLineStore) => {
    const channel = new DirectLineChannel({ store, runTurn: echo, logger: silentLogger(), sharedStorePollMs: TEST_POLL_MS });
    return {
      channel,
      async connectClient(conversationId: string, watermark = 0): Promise<LiveClient> {
        const events: ActivityEvent[] = [];
        const disconnect = await channel.connect(conversationId, watermark, {
          push: (event) => events.push(event),
          close: () => undefined,
        });
        if (!disconnect) throw new Error(`conversation ${conversationId} not found`);
        disconnects.push(disconnect);
        const activities = (): Activity[] => events.flatMap((event) => event.activities);
        return {
          events,
          ids: () => activities().map((activity) => activity.id ?? ''),
          async waitFor(count, timeoutMs = 5000) {
            const deadline = Date.now() + timeoutMs;
            while (activities().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
            return activities().map((activity) => activity.text ?? '');
          },
        };
      },
    };
  };
  const disconnects: Array<() => void> = [];
  const a = instance(storeA);
  const b = instance(storeB);
  return {
    a,
    b,
    close() {
      for (const disconnect of disconnects) disconnect();
      a.channel.close();
      b.channel.close();
    },
  };
}
