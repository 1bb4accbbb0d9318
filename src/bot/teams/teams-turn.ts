import { TurnContext, type Activity } from 'botbuilder';
import { greetingReply, textReply } from '../replies.js';
import type { KnowledgeService } from '../../knowledge/knowledge-service.js';
import { KnowledgeMessageExtension } from './message-extension.js';
import { formatForTeams } from './teams-format.js';

/** Anything that runs a turn (the core bot). */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** Short welcome when the bot is added to a team or a group chat. */
export const TEAM_WELCOME =
  'Danke, dass Sie den IKZ-Assistenten hinzugefügt haben! Erwähnen Sie mich mit @IKZ-Assistent und Ihrer Frage zur interkommunalen Zusammenarbeit oder zur IKZ-Förderung, zum Beispiel „@IKZ-Assistent Wie hoch ist die Förderung?“.';

/**
 * Adds what only Microsoft Teams needs in front of the core bot, which stays channel-neutral:
 * answers only when mentioned in channels and group chats, with the mention removed before
 * searching; welcome on install (personal) and when added to a team; answers reshaped as Adaptive
 * Cards; the message extension's search. Replies in a channel go to the thread of the message,
 * because the turn replies to that activity. Other channels pass straight through.
 *
 * @example
 * ```ts
 * const bot = withTeams(new IkzBot(options), { knowledge: () => knowledge });
 * await adapter.process(req, res, (context) => bot.run(context));
 * ```
 */
export function withTeams(core: TurnRunner, deps: { knowledge: () => KnowledgeService }): TurnRunner {
  const messageExtension = new KnowledgeMessageExtension(deps.knowledge);
  return {
    async run(context: TurnContext): Promise<void> {
      const activity = context.activity;
      if (activity.channelId !== 'msteams') return core.run(context);
      context.onSendActivities(async (_ctx, activities, next) => {
        activities.splice(0, activities.length, ...activities.map((a) => formatForTeams(a)));
        return next();
      });
      if (activity.type === 'invoke' && activity.name?.startsWith('composeExtension/')) return messageExtension.run(context);
      if (activity.type === 'installationUpdate') {
        if (activity.action === 'add' && isPersonal(activity)) await context.sendActivity(greetingReply());
        return;
      }
      if (activity.type === 'conversationUpdate') {
        const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
        if (botAdded && !isPersonal(activity)) await context.sendActivity(textReply(TEAM_WELCOME));
        // The personal welcome comes with installationUpdate; greeting here too would say it twice.
        return;
      }
      if (activity.type === 'message' && !isPersonal(activity)) {
        // In channels and group chats Teams delivers only messages that mention the bot; answer those
        // alone, and search the question without the "@IKZ-Assistent" in front of it.
        if (!mentionsBot(activity) && activity.value === undefined) return;
        activity.text = TurnContext.removeRecipientMention(activity)?.trim() ?? activity.text;
      }
      return core.run(context);
    },
  };
}

function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

function mentionsBot(activity: Partial<Activity>): boolean {
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === activity.recipient?.id);
}
