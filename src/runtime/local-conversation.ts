import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import type { BotBundle } from '../bot/create-bot.js';

/**
 * One conversation with the bot inside this process, on botbuilder's own adapter path (TestAdapter):
 * the same turn logic, state and error handler a channel reaches over HTTP. Used by `ask`, `chat`
 * and `eval`, and by tests.
 *
 * @example
 * ```ts
 * const conversation = new LocalConversation(bundle, 'eval-d001');
 * const replies = await conversation.say('Wer darf einen Antrag stellen?');
 * ```
 */
export class LocalConversation {
  private readonly adapter: TestAdapter;

  constructor(
    private readonly bundle: BotBundle,
    conversationId = `local-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  ) {
    this.adapter = new TestAdapter({
      channelId: 'terminal',
      serviceUrl: 'http://localhost',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: 'user', name: 'Nutzer' },
      bot: { id: 'bot', name: 'IKZ-Assistent' },
      activityId: '',
    });
    this.adapter.onTurnError = bundle.onTurnError;
  }

  /** Starts the conversation as a channel does (the user joins) and returns the greeting. */
  start(): Promise<Partial<Activity>[]> {
    return this.send({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user', name: 'Nutzer' }],
    });
  }

  /** Sends a text message and returns the bot's replies. */
  say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  /** Sends any activity (a button press: `{ type: 'message', text, value }`) and returns the replies. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity(activity, (context) => this.bundle.bot.run(context));
    return this.adapter.activeQueue.splice(0);
  }
}
