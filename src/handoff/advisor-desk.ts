import { MessageFactory, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { adaptiveCard, submitAction, textBlock } from '../../dialogs/cards.js';
import { escapeMarkdown } from '../bot/safe-text.js';
import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import { CaseError, type CaseService } from './case-service.js';
import { isCaseNumber, type HandoffCase } from './handoff-case.js';

/** Sends activities into an existing conversation outside of its turn (proactive messaging). */
export type ProactiveSender = (reference: Partial<ConversationReference>, activities: Array<Partial<Activity>>) => Promise<ResourceResponse[]>;

/** The advisor's card buttons. */
export type AdvisorAction = { action: 'case_claim'; caseId: string } | { action: 'case_close'; caseId: string };

const SETTINGS = 'settings';
const ADVISOR_CHANNEL = 'advisor-channel';
/** Typed in a team channel (with @mention in Teams) to make it the advisor channel. */
const SET_CHANNEL_COMMAND = /^(als )?beratungskanal( festlegen| setzen)?$/i;

/** Who may make a conversation the advisor channel: a group conversation, in the office's tenant if one is configured. */
export interface AdvisorDeskOptions {
  cases: CaseService;
  documents: KeyValueStore;
  proactive: ProactiveSender;
  logger: Logger;
  /** The office's Entra tenant; when set, only that tenant may set the advisor channel. */
  tenantId?: string;
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
    if (activity.conversation?.isGroup && SET_CHANNEL_COMMAND.test(text)) {
      await this.setAdvisorChannel(context);
      return true;
    }
    const action = parseAdvisorAction(activity.value);
    if (action) {
      await this.handleAction(context, action);
      return true;
    }
    const root = threadRoot(activity);
    if (!root) return false;
    const handoffCase = await this.caseForThread(root);
    if (!handoffCase) return false;
    if (handoffCase.status !== 'claimed') {
      await context.sendActivity(`Fall ${handoffCase.id} ist ${handoffCase.status === 'open' ? 'noch nicht übernommen – bitte zuerst „Übernehmen“' : 'abgeschlossen'}; die Nachricht wurde nicht weitergeleitet.`);
      return true;
    }
    if (!text) return true;
    await this.toUser(handoffCase, `**Beratung (${escapeMarkdown(handoffCase.claimedBy ?? 'Beratungsstelle')}):** ${escapeMarkdown(text)}`);
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
    await this.options.proactive(handoffCase.advisorThread.reference, [MessageFactory.text(`**${escapeMarkdown(handoffCase.name)} (${escapeMarkdown(handoffCase.municipality)}):** ${escapeMarkdown(text)}`)]);
    await this.options.cases.appendTranscript(handoffCase.id, [{ from: 'user', text, at: new Date().toISOString() }]);
    return true;
  }

  /** Posts a new case to the advisor channel, if one is set. Never throws: the case is stored already. */
  async announce(handoffCase: HandoffCase): Promise<void> {
    try {
      const channel = await this.options.documents.get<Partial<ConversationReference>>(SETTINGS, ADVISOR_CHANNEL);
      if (!channel) {
        this.options.logger.warn({ caseId: handoffCase.id }, 'New case not posted: no advisor channel set (send "Beratungskanal" in a team channel)');
        return;
      }
      const [posted] = await this.options.proactive(channel.value, [caseCard(handoffCase)]);
      if (!posted?.id) return;
      const threadReference = { ...channel.value, conversation: { ...channel.value.conversation!, id: `${channel.value.conversation!.id};messageid=${posted.id}` } };
      await this.options.cases.update(handoffCase.id, (c) => ({ ...c, advisorThread: { reference: threadReference, rootActivityId: posted.id } }));
    } catch (error) {
      this.options.logger.error({ err: error, caseId: handoffCase.id }, 'Could not post the case to the advisor channel');
    }
  }

  private async setAdvisorChannel(context: TurnContext): Promise<void> {
    const tenant = (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? context.activity.conversation.tenantId;
    if (this.options.tenantId && tenant !== this.options.tenantId) {
      await context.sendActivity('Den Beratungskanal kann nur die Beratungsstelle in ihrem eigenen Mandanten festlegen.');
      return;
    }
    // The channel itself, not the thread of the command, so each case starts a new thread.
    const reference = TurnContext.getConversationReference(context.activity);
    const channelId = reference.conversation!.id.split(';messageid=')[0]!;
    const { activityId: _activityId, ...rest } = reference;
    await this.options.documents.put(SETTINGS, ADVISOR_CHANNEL, { ...rest, conversation: { ...reference.conversation!, id: channelId } });
    this.options.logger.info({ conversationId: channelId }, 'Advisor channel set');
    await context.sendActivity('Dieser Kanal ist jetzt der Beratungskanal: Neue Fälle erscheinen hier als Karte mit „Übernehmen“ und „Abschließen“.');
  }

  private async handleAction(context: TurnContext, action: AdvisorAction): Promise<void> {
    const advisor = context.activity.from?.name?.trim() || 'Beratungsstelle';
    try {
      if (action.action === 'case_claim') {
        const claimed = await this.options.cases.claim(action.caseId, advisor);
        await context.sendActivity(
          `${advisor} hat Fall ${claimed.id} übernommen. Antworten in diesem Thread mit @-Erwähnung des Assistenten gehen direkt an ${claimed.name}; „Abschließen“ beendet die Übergabe.`,
        );
        await this.toUser(claimed, `${advisor} von der Beratungsstelle hat Ihr Anliegen ${claimed.id} übernommen und antwortet Ihnen hier. Schreiben Sie einfach weiter.`);
      } else {
        const closed = await this.options.cases.close(action.caseId);
        await context.sendActivity(`Fall ${closed.id} ist abgeschlossen.`);
        await this.toUser(closed, `Die Beratungsstelle hat Ihr Anliegen ${closed.id} abgeschlossen. Sie sprechen wieder mit dem IKZ-Assistenten.`);
      }
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      await context.sendActivity(`Das ging nicht: ${error.reason === 'not_found' ? `Fall ${action.caseId} gibt es nicht` : error.message.replace(/^Case (\S+) is (\w+).*$/, 'Fall $1 ist $2')}.`);
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
  const recent = handoffCase.transcript.slice(-6).map((e) => `${e.from === 'user' ? 'Nutzer' : 'Bot'}: ${escapeMarkdown(e.text.split('\n')[0]!.slice(0, 160))}`);
  return MessageFactory.attachment(
    adaptiveCard(
      [
        textBlock(`Neuer Fall ${handoffCase.id}`, { size: 'Medium', weight: 'Bolder' }),
        { type: 'FactSet', facts: [
          { title: 'Kommune', value: escapeMarkdown(handoffCase.municipality) },
          { title: 'Name', value: escapeMarkdown(handoffCase.name) },
          { title: 'Kontakt', value: escapeMarkdown(contact) || '–' },
          { title: 'Förder-Check', value: eligibility },
          { title: 'Eingang', value: new Date(handoffCase.createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) },
        ] },
        textBlock('Anliegen', { weight: 'Bolder', spacing: 'Medium' }),
        textBlock(escapeMarkdown(handoffCase.concern)),
        textBlock('Gesprächsverlauf (Auszug)', { weight: 'Bolder', spacing: 'Medium' }),
        textBlock(recent.join('\n\n') || '–', { isSubtle: true, size: 'Small' }),
        textBlock(`Vollständiger Verlauf: GET /api/cases/${handoffCase.id}`, { isSubtle: true, size: 'Small' }),
      ],
      [submitAction('Übernehmen', { action: 'case_claim', caseId: handoffCase.id }), submitAction('Abschließen', { action: 'case_close', caseId: handoffCase.id })],
      `Neuer Fall ${handoffCase.id} aus ${escapeMarkdown(handoffCase.municipality)}`,
    ),
    `Neuer Fall ${handoffCase.id}: ${escapeMarkdown(handoffCase.municipality)}`,
  );
}

function parseAdvisorAction(value: unknown): AdvisorAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { action, caseId } = value as { action?: unknown; caseId?: unknown };
  if ((action === 'case_claim' || action === 'case_close') && typeof caseId === 'string' && isCaseNumber(caseId)) return { action, caseId };
  return undefined;
}

/** The root message id of a thread (`…;messageid=<id>` in Teams channels), if the activity is in one. */
function threadRoot(activity: Partial<Activity>): string | undefined {
  return /;messageid=([^;]+)$/.exec(activity.conversation?.id ?? '')?.[1];
}
