import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { StorageUnavailableError } from '../storage/guarded-storage.js';
import { isETagConflict } from '../storage/optimistic-state-storage.js';
import { TEXT } from './messages.js';

/**
 * The one error sink of a turn: logs the cause for operators (English, no user text), apologises to
 * the user in German, and clears the conversation state so a broken dialog cannot fail every next turn.
 * An eTag conflict is different: another turn of the same conversation saved first, its state is good and
 * must not be deleted, so the user is only asked to send the message again.
 * It never throws, so one bad turn cannot take the process down.
 */
export function createOnTurnError(logger: Logger, conversationState: ConversationState) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    // Both mean: the stored state is good, only this turn did not go through.
    const conflict = isETagConflict(error) || error instanceof StorageUnavailableError;
    const details = { err: error, conversationId: activity.conversation?.id, channelId: activity.channelId, activityType: activity.type };
    if (conflict) logger.warn(details, `Turn not saved (${error.message}); the stored state is kept and the user is asked to repeat`);
    else logger.error(details, `Unhandled error in bot turn: ${error.message}`);
    if (!conflict) {
      try {
        await conversationState.delete(context);
      } catch (stateError) {
        logger.error({ err: stateError }, 'Could not reset conversation state after a failed turn');
      }
    }
    try {
      await context.sendActivity(conflict ? TEXT.pleaseRepeat : TEXT.apology);
    } catch (sendError) {
      logger.error({ err: sendError }, 'Could not send the apology after a failed turn');
    }
  };
}
