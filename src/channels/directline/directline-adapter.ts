import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { decodeActivityId } from './activity-input.js';
import type { ConversationHub } from './conversation-hub.js';
import type { DirectLineStore } from './directline-store.js';

/** Channel id of the activities this channel hands to the bot. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';
/** Placeholder service URL: replies never travel over HTTP, the adapter stores them in-process. */
export const DIRECT_LINE_SERVICE_URL = 'urn:ikz-assistent:directline';
/** The longest `delay` activity honoured (a bot pausing between messages). */
const MAX_DELAY_MS = 5000;

/**
 * The bot adapter of the self-hosted Direct Line channel: runs turns in this process (through the
 * adapter's middleware and `onTurnError`, like `CloudAdapter`) and writes the bot's activities to the
 * conversation's log, from which clients read them (WebSocket push or polling).
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly hub: ConversationHub,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Runs one turn of `logic` for an activity that reached the channel. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = typeof activity.value === 'number' ? Math.min(Math.max(activity.value, 0), MAX_DELAY_MS) : 1000;
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const outgoing = this.outgoing(context, activity);
      const conversationId = outgoing.conversation.id;
      if (activity.type === ActivityTypes.Typing) {
        // Typing is a live hint: delivered, never logged (a replayed transcript must not "type").
        this.hub.publish(conversationId, { activities: [{ ...outgoing, id: '' }], watermark: 0, transient: true });
        responses.push({ id: '' });
        continue;
      }
      const stored = await this.store.appendActivity(conversationId, outgoing);
      if (!stored) {
        responses.push({ id: '' }); // the conversation expired meanwhile: nobody is left to read it
        continue;
      }
      this.hub.publish(conversationId, { activities: [stored.activity], watermark: stored.watermark });
      responses.push({ id: stored.activity.id ?? '' });
    }
    return responses;
  }

  /** Replaces an activity in the log; clients receive it again under its id (Web Chat updates it in place). */
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    if (!activity.id) throw new Error('updateActivity needs the id of the activity to replace');
    const outgoing = { ...this.outgoing(context, activity), id: decodeActivityId(activity.id) } as Activity;
    const stored = await this.store.replaceActivity(outgoing.conversation.id, outgoing);
    if (!stored) throw new Error(`Activity ${outgoing.id} not found in conversation`);
    this.hub.publish(outgoing.conversation.id, { activities: [stored.activity], watermark: stored.watermark });
    return { id: stored.activity.id ?? '' };
  }

  /** Removes an activity from the log (a later reload no longer shows it; open clients keep their copy). */
  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !reference.activityId) throw new Error('deleteActivity needs a conversation and an activity id');
    await this.store.deleteActivity(conversationId, decodeActivityId(reference.activityId));
  }

  /** Proactive turn in an existing conversation (e.g. a later reply from an advisor). */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** The bot's activity completed with what the channel knows: sender, conversation, time. */
  private outgoing(context: TurnContext, activity: Partial<Activity>): Activity & { conversation: { id: string } } {
    const incoming = context.activity;
    const conversationId = activity.conversation?.id ?? incoming.conversation?.id;
    if (!conversationId) throw new Error('Activity without a conversation id');
    const bot = activity.from ?? incoming.recipient;
    return {
      ...activity,
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      conversation: { ...(activity.conversation ?? incoming.conversation), id: conversationId },
      from: { ...bot, role: 'bot' },
      recipient: activity.recipient ?? incoming.from,
      timestamp: new Date(this.now()).toISOString(),
    } as unknown as Activity & { conversation: { id: string } };
  }
}
