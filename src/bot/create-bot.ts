import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import type { AppConfig } from '../config/config.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Logger } from '../logging/logger.js';
import { withTeams, type TurnRunner } from '../channels/teams/teams-turn.js';
import { IkzBot, type TurnOutcome } from './ikz-bot.js';
import { createOnTurnError } from './on-turn-error.js';

/** A bot with its state and error handler, ready to be driven by any adapter. */
export interface BotBundle {
  /** Runs one turn: the core bot, with the Teams specifics in front of it for Teams activities. */
  bot: TurnRunner;
  conversationState: ConversationState;
  onTurnError: ReturnType<typeof createOnTurnError>;
}

/** Wires the bot's parts; used by the server, the terminal tools and the tests alike. */
export function createBot(options: {
  knowledge: KnowledgeService;
  office: AppConfig['office'];
  logger: Logger;
  storage?: Storage;
  onOutcome?: (outcome: TurnOutcome) => void;
}): BotBundle {
  const conversationState = new ConversationState(options.storage ?? new MemoryStorage());
  const core = new IkzBot({
    knowledge: options.knowledge,
    office: options.office,
    conversationState,
    logger: options.logger,
    onOutcome: options.onOutcome,
  });
  const bot = withTeams(core, { knowledge: () => options.knowledge });
  return { bot, conversationState, onTurnError: createOnTurnError(options.logger, conversationState) };
}
