import { MessageFactory, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { adaptiveCard, submitAction, textBlock } from '../../dialogs/cards.js';
import { escapeMarkdown, escapeMarkdownInline } from '../bot/safe-text.js';
import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import { isAllowedAdvisorChannel, type AdvisorChannelAllowList, type TeamsConversationPlace } from './advisor-channel-allow.js';
import type { AdvisorChannelCodes } from './advisor-channel-codes.js';
import { mayActAsAdvisor, turnAuthentication } from './advisor-trust.js';
import { CaseError, type CaseService } from './case-service.js';
import { isCaseNumber, type HandoffCase } from './handoff-case.js';

/** Sends activities into an existing conversation outside of its turn (proactive messaging). */
export type ProactiveSender = (
  reference: Partial<ConversationReference>,
  activities: Array<Partial<Activity>>,
) => Promise<ResourceResponse[]>;

/** The advisor's card buttons. */
export type AdvisorAction = { action: 'case_claim'; caseId: string } | { action: 'case_close'; caseId: string };

const SETTINGS = 'settings';
const ADVISOR_CHANNEL = 'advisor-channel';

/**
 * The stored advisor channel and how it was allowed. Versions before the allow-list stored the bare conversation
 * reference, which anybody could have set: such a document is not trusted (the channel must be set again).
 */
interface StoredAdvisorChannel {
  reference: Partial<ConversationReference>;
  allowedBy: 'ADVISOR_CHANNEL_ALLOW' | 'one-time code';
  setAt: string;
}
const TEAMS = 'msteams';
/** Typed in a team channel (with @mention in Teams) to make it the advisor channel, optionally with a one-time code. */
const SET_CHANNEL_COMMAND = /^(?:als )?beratungskanal(?: festlegen| setzen)?(?:\s+([a-z0-9][a-z0-9 -]{3,20}))?$/i;

export interface AdvisorDeskOptions {
  cases: CaseService;
  documents: KeyValueStore;
  proactive: ProactiveSender;
  logger: Logger;
  /** The office's Entra tenant; when set, only that tenant may set the advisor channel. */
  tenantId?: string;
  /** Channels and teams allowed as the advisor channel (`ADVISOR_CHANNEL_ALLOW`). */
  channelAllowList?: AdvisorChannelAllowList;
  /** One-time codes that allow one channel (issued through the advisor API). */
  channelCodes?: AdvisorChannelCodes;
  /**
   * UNSAFE, local anonymous mode only (`UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS`): accept advisor actions from
   * requests without Bot Framework authentication, where anyone can write any channel data.
   */
  allowUnauthenticatedAdvisors?: boolean;
}

/**
 * The advisors' side of the handoff: a team channel (Teams) is made the advisor channel with a command;
 * each new case is posted there as a card with „Übernehmen“ and „Abschließen“. After „Übernehmen“ the
 * advisor's replies in the case's thread are relayed to the user's conversation and the user's messages
 * to the thread, until „Abschließen“ returns the user to the bot. Channel-neutral: it sees activities
 * and conversation references, and sends through `proactive`.
 */
export class AdvisorDesk {
  constructor(private readonly options: AdvisorDeskOptions) {}

  /**
   * Handles an activity from the advisors' side (the command, a card button, a reply in a case thread).
   * Returns `false` for everything else, which the bot then handles as usual.
   */
  async handleAdvisorActivity(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.type !== 'message') return false;
    const text = (activity.text ?? '').trim();
    const command = activity.conversation?.isGroup ? SET_CHANNEL_COMMAND.exec(text) : null;
    if (command) {
      await this.setAdvisorChannel(context, command[1]?.trim());
      return true;
    }
    const action = parseAdvisorAction(activity.value);
    const root = threadRoot(activity);
    if (!action && !root) return false;
    // Case numbers are no secret: only the advisor channel itself may act on a case, whatever an activity carries.
    const refusal = await this.refusalOutsideAdvisorChannel(context);
    if (refusal) {
      if (!action) return false; // a thread elsewhere in Teams: an ordinary question for the bot
      this.options.logger.warn(
        {
          reason: refusal,
          channelId: activity.channelId,
          conversationId: activity.conversation?.id,
          authentication: turnAuthentication(context),
        },
        'Advisor action refused: it did not come from the advisor channel',
      );
      await context.sendActivity('Das geht nur im Beratungskanal der Beratungsstelle.');
      return true;
    }
    if (action) {
      await this.handleAction(context, action);
      return true;
    }
    const handoffCase = await this.caseForThread(root!);
    if (!handoffCase) return false;
    if (handoffCase.status !== 'claimed') {
      await context.sendActivity(
        `Fall ${handoffCase.id} ist ${handoffCase.status === 'open' ? 'noch nicht übernommen – bitte zuerst „Übernehmen“' : 'abgeschlossen'}; die Nachricht wurde nicht weitergeleitet.`,
      );
      return true;
    }
    if (!text) return true;
    await this.toUser(
      handoffCase,
      `**Beratung (${escapeMarkdownInline(handoffCase.claimedBy ?? 'Beratungsstelle')}):** ${escapeMarkdown(text)}`,
    );
    await this.options.cases.appendTranscript(handoffCase.id, [{ from: 'advisor', text, at: new Date().toISOString() }]);
    return true;
  }

  /**
   * While the user's case is claimed, the user's messages go to the advisor's thread instead of the bot.
   * Returns `true` when the message was relayed.
   */
  async relayFromUser(context: TurnContext, caseId: string | undefined): Promise<boolean> {
    if (!caseId) return false;
    const handoffCase = await this.options.cases.get(caseId);
    if (handoffCase?.status !== 'claimed' || !handoffCase.advisorThread) return false;
    const text = (context.activity.text ?? '').trim();
    if (!text) return false;
    await this.options.proactive(handoffCase.advisorThread.reference, [
      MessageFactory.text(
        `**${escapeMarkdownInline(handoffCase.name)} (${escapeMarkdownInline(handoffCase.municipality)}):** ${escapeMarkdown(text)}`,
      ),
    ]);
    await this.options.cases.appendTranscript(handoffCase.id, [{ from: 'user', text, at: new Date().toISOString() }]);
    return true;
  }

  /**
   * Posts a new case to the advisor channel, if one is set and the case is not posted yet (a handoff repeated
   * after a crash announces its case again). Never throws: the case is stored already.
   */
  async announce(handoffCase: HandoffCase): Promise<void> {
    try {
      if ((await this.options.cases.get(handoffCase.id))?.advisorThread) return;
      const channel = await this.advisorChannel();
      if (!channel) {
        this.options.logger.warn({ caseId: handoffCase.id }, 'New case not posted: no advisor channel set (see docs/handoff.md)');
        return;
      }
      const [posted] = await this.options.proactive(channel, [caseCard(handoffCase)]);
      if (!posted?.id) return;
      const threadReference = {
        ...channel,
        conversation: { ...channel.conversation!, id: `${channel.conversation!.id};messageid=${posted.id}` },
      };
      await this.options.cases.update(handoffCase.id, (c) => ({
        ...c,
        advisorThread: { reference: threadReference, rootActivityId: posted.id },
      }));
    } catch (error) {
      this.options.logger.error({ err: error, caseId: handoffCase.id }, 'Could not post the case to the advisor channel');
    }
  }

  /** The stored advisor channel (a conversation reference of the channel, without a thread). */
  private async advisorChannel(): Promise<Partial<ConversationReference> | undefined> {
    const stored = (await this.options.documents.get<Partial<StoredAdvisorChannel>>(SETTINGS, ADVISOR_CHANNEL))?.value;
    if (stored && !stored.allowedBy) {
      this.options.logger.warn(
        'The stored advisor channel was set by an older version without an allow-list and is not trusted: set it again (see docs/handoff.md)',
      );
      return undefined;
    }
    return stored?.reference;
  }

  /**
   * Why this turn may not act as the advisors (English, for the log), or `undefined` when it may: it must come
   * from Teams, authenticated by the Bot Framework, in the stored advisor channel (any of its threads) of the
   * stored channel's tenant. Teams delivers a channel's messages only from members of the channel.
   */
  private async refusalOutsideAdvisorChannel(context: TurnContext): Promise<string | undefined> {
    const activity = context.activity;
    if (activity.channelId !== TEAMS) return `channel "${activity.channelId}" is not Microsoft Teams`;
    if (!mayActAsAdvisor(context, this.options.allowUnauthenticatedAdvisors ?? false))
      return 'the request was not authenticated by the Bot Framework';
    const channel = await this.advisorChannel();
    if (!channel?.conversation?.id) return 'no advisor channel is set';
    const place = placeOf(activity);
    if (place.channelId !== channel.conversation.id) return 'the conversation is not the advisor channel';
    const tenant = channel.conversation.tenantId;
    if (tenant && place.tenantId !== tenant) return "the tenant is not the advisor channel's tenant";
    return undefined;
  }

  /**
   * „Beratungskanal [Code]“: makes this Teams channel the advisor channel when the channel (or its team) is in
   * `ADVISOR_CHANNEL_ALLOW` or the message carries a valid one-time code; otherwise a kind refusal, and the
   * operator log says how to allow it.
   */
  private async setAdvisorChannel(context: TurnContext, code: string | undefined): Promise<void> {
    const activity = context.activity;
    const place = placeOf(activity);
    const log = { channelId: activity.channelId, conversationId: place.channelId, teamId: place.teamId, tenantId: place.tenantId };
    if (activity.channelId !== TEAMS || !mayActAsAdvisor(context, this.options.allowUnauthenticatedAdvisors ?? false)) {
      this.options.logger.warn(
        { ...log, authentication: turnAuthentication(context) },
        'Advisor channel not set: the command must come from Microsoft Teams through the Bot Framework (configure MicrosoftAppId; for local tests only UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS=true)',
      );
      await context.sendActivity('Den Beratungskanal kann nur die Beratungsstelle in einem Kanal von Microsoft Teams festlegen.');
      return;
    }
    if (this.options.tenantId && place.tenantId !== this.options.tenantId) {
      this.options.logger.warn(log, 'Advisor channel not set: the conversation is not in the tenant of MicrosoftAppTenantId');
      await context.sendActivity('Den Beratungskanal kann nur die Beratungsstelle in ihrem eigenen Mandanten festlegen.');
      return;
    }
    const listed = isAllowedAdvisorChannel(this.options.channelAllowList, place);
    if (!listed && !(code && (await this.options.channelCodes?.redeem(code)))) {
      this.options.logger.warn(
        log,
        code
          ? 'Advisor channel not set: the one-time code is wrong, used or expired. Issue a new one with POST /api/advisor/channel-code (advisor API key) and send "Beratungskanal <code>" in the channel within 15 minutes'
          : `Advisor channel not set: this channel is not allowed. To allow it, add channel:${place.channelId}${place.teamId ? ` (or its team: team:${place.teamId})` : ''} to ADVISOR_CHANNEL_ALLOW and restart, ` +
              'or issue a one-time code with POST /api/advisor/channel-code (advisor API key) and send "Beratungskanal <code>" in the channel within 15 minutes',
      );
      await context.sendActivity(
        code
          ? 'Dieser Code ist ungültig, schon benutzt oder abgelaufen. Bitte lassen Sie sich einen neuen Code geben und schreiben Sie „Beratungskanal <Code>“.'
          : 'Diesen Kanal kann ich noch nicht als Beratungskanal festlegen, weil er dafür nicht freigegeben ist. Bitte wenden Sie sich an die technische Betreuung des Assistenten: Sie gibt den Kanal frei oder nennt Ihnen einen Einmal-Code für „Beratungskanal <Code>“.',
      );
      return;
    }
    // The channel itself, not the thread of the command, so each case starts a new thread.
    const reference = TurnContext.getConversationReference(activity);
    const { activityId: _activityId, ...rest } = reference;
    const stored: StoredAdvisorChannel = {
      reference: { ...rest, conversation: { ...reference.conversation!, id: place.channelId, tenantId: place.tenantId } },
      allowedBy: listed ? 'ADVISOR_CHANNEL_ALLOW' : 'one-time code',
      setAt: new Date().toISOString(),
    };
    await this.options.documents.put(SETTINGS, ADVISOR_CHANNEL, stored);
    this.options.logger.info({ ...log, by: stored.allowedBy }, 'Advisor channel set');
    await context.sendActivity(
      'Dieser Kanal ist jetzt der Beratungskanal: Neue Fälle erscheinen hier als Karte mit „Übernehmen“ und „Abschließen“.',
    );
  }

  private async handleAction(context: TurnContext, action: AdvisorAction): Promise<void> {
    const advisor = context.activity.from?.name?.trim() || 'Beratungsstelle';
    try {
      if (action.action === 'case_claim') {
        const claimed = await this.options.cases.claim(action.caseId, advisor);
        await context.sendActivity(
          `${escapeMarkdownInline(advisor)} hat Fall ${claimed.id} übernommen. Antworten in diesem Thread mit @-Erwähnung des Assistenten gehen direkt an ${escapeMarkdownInline(claimed.name)}; „Abschließen“ beendet die Übergabe.`,
        );
        await this.toUser(
          claimed,
          `${escapeMarkdownInline(advisor)} von der Beratungsstelle hat Ihr Anliegen ${claimed.id} übernommen und antwortet Ihnen hier. Schreiben Sie einfach weiter.`,
        );
      } else {
        const closed = await this.options.cases.close(action.caseId);
        await context.sendActivity(`Fall ${closed.id} ist abgeschlossen.`);
        await this.toUser(
          closed,
          `Die Beratungsstelle hat Ihr Anliegen ${closed.id} abgeschlossen. Sie sprechen wieder mit dem IKZ-Assistenten.`,
        );
      }
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      await context.sendActivity(
        `Das ging nicht: ${error.reason === 'not_found' ? `Fall ${action.caseId} gibt es nicht` : error.message.replace(/^Case (\S+) is (\w+).*$/, 'Fall $1 ist $2')}.`,
      );
    }
  }

  private async toUser(handoffCase: HandoffCase, text: string): Promise<void> {
    if (!handoffCase.userReference) return;
    try {
      await this.options.proactive(handoffCase.userReference, [MessageFactory.text(text)]);
    } catch (error) {
      // The user's conversation may be gone (web chat expired); the advisor then uses the contact data.
      this.options.logger.warn({ err: error, caseId: handoffCase.id }, 'Could not reach the user conversation of a case');
    }
  }

  private async caseForThread(rootActivityId: string): Promise<HandoffCase | undefined> {
    return (await this.options.cases.list()).find((c) => c.advisorThread?.rootActivityId === rootActivityId);
  }
}

/** The card a new case is posted with in the advisor channel. */
export function caseCard(handoffCase: HandoffCase): Partial<Activity> {
  const contact = [handoffCase.email, handoffCase.phone].filter(Boolean).join(' · ');
  const eligibility = handoffCase.eligibility
    ? `${{ eligible: 'voraussichtlich förderfähig', eligible_with_open_points: 'förderfähig mit offenen Punkten', not_eligible: 'voraussichtlich nicht förderfähig' }[handoffCase.eligibility.verdict]}${handoffCase.eligibility.amount ? `, geschätzt ${handoffCase.eligibility.amount.toLocaleString('de-DE')} €` : ''}`
    : 'kein Förder-Check';
  const recent = handoffCase.transcript
    .slice(-6)
    .map((e) => `${e.from === 'user' ? 'Nutzer' : 'Bot'}: ${escapeMarkdownInline(e.text.split('\n')[0]!.slice(0, 160))}`);
  return MessageFactory.attachment(
    adaptiveCard(
      [
        textBlock(`Neuer Fall ${handoffCase.id}`, { size: 'Medium', weight: 'Bolder' }),
        {
          type: 'FactSet',
          facts: [
            { title: 'Kommune', value: escapeMarkdownInline(handoffCase.municipality) },
            { title: 'Name', value: escapeMarkdownInline(handoffCase.name) },
            { title: 'Kontakt', value: escapeMarkdownInline(contact) || '–' },
            { title: 'Förder-Check', value: eligibility },
            { title: 'Eingang', value: new Date(handoffCase.createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) },
          ],
        },
        textBlock('Anliegen', { weight: 'Bolder', spacing: 'Medium' }),
        textBlock(escapeMarkdown(handoffCase.concern)),
        textBlock('Gesprächsverlauf (Auszug)', { weight: 'Bolder', spacing: 'Medium' }),
        textBlock(recent.join('\n\n') || '–', { isSubtle: true, size: 'Small' }),
        textBlock(`Vollständiger Verlauf: GET /api/cases/${handoffCase.id}`, { isSubtle: true, size: 'Small' }),
      ],
      [
        submitAction('Übernehmen', { action: 'case_claim', caseId: handoffCase.id }),
        submitAction('Abschließen', { action: 'case_close', caseId: handoffCase.id }),
      ],
      `Neuer Fall ${handoffCase.id} aus ${escapeMarkdownInline(handoffCase.municipality)}`,
    ),
    `Neuer Fall ${handoffCase.id}: ${escapeMarkdownInline(handoffCase.municipality)}`,
  );
}

function parseAdvisorAction(value: unknown): AdvisorAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { action, caseId } = value as { action?: unknown; caseId?: unknown };
  if ((action === 'case_claim' || action === 'case_close') && typeof caseId === 'string' && isCaseNumber(caseId)) return { action, caseId };
  return undefined;
}

/** The channel (without the thread), team and tenant of a Teams activity. */
function placeOf(activity: Partial<Activity>): TeamsConversationPlace {
  const data = activity.channelData as { tenant?: { id?: string }; team?: { id?: string } } | undefined;
  return {
    channelId: (activity.conversation?.id ?? '').split(';messageid=')[0]!,
    teamId: data?.team?.id,
    tenantId: data?.tenant?.id ?? activity.conversation?.tenantId,
  };
}

/** The root message id of a thread (`…;messageid=<id>` in Teams channels), if the activity is in one. */
function threadRoot(activity: Partial<Activity>): string | undefined {
  return /;messageid=([^;]+)$/.exec(activity.conversation?.id ?? '')?.[1];
}
