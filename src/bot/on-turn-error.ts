import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { TEXT } from './messages.js';

/**
 * The one error sink of a turn: logs the cause for operators (English, no user text), apologises to
 * the user in German, and clears the conversation state so a broken dialog cannot fail every next turn.
 * It never throws, so one bad turn cannot take the process down.
 */
export function createOnTurnError(logger: Logger, conversationState: ConversationState) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    logger.error(
      { err: error, conversationId: activity.conversation?.id, channelId: activity.channelId, activityType: activity.type },
      `Unhandled error in bot turn: ${error.message}`,
    );
    try {
      await conversationState.delete(context);
    } catch (stateError) {
      logger.error({ err: stateError }, 'Could not reset conversation state after a failed turn');
    }
    try {
      await context.sendActivity(TEXT.apology);
    } catch (sendError) {
      logger.error({ err: sendError }, 'Could not send the apology after a failed turn');
    }
  };
}
