import { ConversationState, MemoryStorage, type Storage, type TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/config.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Logger } from '../logging/logger.js';
import { withTeams, type TurnRunner } from './teams/teams-turn.js';
import type { HandoffDependencies } from '../../dialogs/handoff-dialog.js';
import { AnalyticsRecorder } from '../analytics/analytics-events.js';
import { AdvisorDesk, type AdvisorDeskOptions, type ProactiveSender } from '../handoff/advisor-desk.js';
import { CaseService } from '../handoff/case-service.js';
import type { HandoffCase } from '../handoff/handoff-case.js';
import { parseOfficeHours } from '../config/office-hours-parser.js';
import { TranscriptLog } from '../handoff/transcript-log.js';
import { GuardedStorage } from '../storage/guarded-storage.js';
import { MemoryKeyValueStore, type KeyValueStore } from '../storage/key-value-store.js';
import { IkzBot, type TurnOutcome } from './ikz-bot.js';
import { contactText } from './messages.js';
import { createOnTurnError } from './on-turn-error.js';

/** A bot with its state and error handler, ready to be driven by any adapter. */
export interface BotBundle {
  /** Runs one turn: the core bot, with the Teams specifics in front of it for Teams activities. */
  bot: TurnRunner;
  conversationState: ConversationState;
  onTurnError: ReturnType<typeof createOnTurnError>;
  /** The handoff cases (for the advisor API and tools). */
  cases: CaseService;
  /** The editorial analytics (for the report). */
  analytics: AnalyticsRecorder;
  /** Deletes the conversation's state and transcript (a web chat conversation that expired). */
  forgetConversation(context: TurnContext): Promise<void>;
}

/** Placeholder office hours until `OFFICE_HOURS` is configured. */
const DEFAULT_OFFICE_HOURS = parseOfficeHours('Mo-Fr 08:00-16:00')!;

/** Wires the bot's parts; used by the server, the terminal tools and the tests alike. */
export function createBot(options: {
  knowledge: KnowledgeService;
  office: AppConfig['office'];
  logger: Logger;
  storage?: Storage;
  /** The project's document store (cases); in memory when omitted. */
  documents?: KeyValueStore;
  /** Office hours and privacy link for the handoff; defaults suit local use. */
  handoff?: Partial<Pick<HandoffDependencies, 'officeHours' | 'privacyUrl' | 'now' | 'onCaseCreated'>>;
  /** Proactive messaging into existing conversations; enables the advisor channel and the relay. */
  proactive?: ProactiveSender;
  /** The office's Entra tenant (only it may set the advisor channel). */
  tenantId?: string;
  /** Who may set the advisor channel, and the unsafe local option (see `AdvisorDeskOptions`). */
  advisors?: Pick<AdvisorDeskOptions, 'channelAllowList' | 'channelCodes' | 'allowUnauthenticatedAdvisors'>;
  onOutcome?: (outcome: TurnOutcome) => void;
  /** The bot's clock (programme validity, handoff times); the real clock when omitted. Tests inject a date. */
  now?: () => Date;
}): BotBundle {
  const documents = options.documents ?? new MemoryKeyValueStore();
  const cases = new CaseService(documents);
  const analytics = new AnalyticsRecorder(documents, options.logger);
  const desk = options.proactive
    ? new AdvisorDesk({
        cases,
        documents,
        proactive: options.proactive,
        logger: options.logger,
        tenantId: options.tenantId,
        ...options.advisors,
      })
    : undefined;
  const onCaseCreated = async (handoffCase: HandoffCase) => {
    // Operators see every case arrive; what the user wrote stays in the case, never in the log.
    options.logger.info({ caseId: handoffCase.id, channelId: handoffCase.channelId }, 'Handoff case created');
    await desk?.announce(handoffCase);
    await options.handoff?.onCaseCreated?.(handoffCase);
  };
  const conversationState = new ConversationState(new GuardedStorage(options.storage ?? new MemoryStorage()));
  const core = new IkzBot({
    knowledge: options.knowledge,
    office: options.office,
    conversationState,
    logger: options.logger,
    onOutcome: options.onOutcome,
    now: options.now,
    handoff: {
      cases,
      officeHours: options.handoff?.officeHours ?? DEFAULT_OFFICE_HOURS,
      privacyUrl: options.handoff?.privacyUrl ?? options.office.url,
      contactText: contactText(options.office),
      phone: options.office.phone || undefined,
      now: options.handoff?.now ?? options.now,
      onCaseCreated,
    },
    desk,
    analytics,
    transcripts: new TranscriptLog(documents),
    allowUnauthenticatedAdvisors: options.advisors?.allowUnauthenticatedAdvisors,
  });
  const bot = withTeams(core, { knowledge: () => options.knowledge });
  return {
    bot,
    conversationState,
    cases,
    analytics,
    forgetConversation: (context) => core.forget(context),
    onTurnError: createOnTurnError(options.logger, conversationState),
  };
}
