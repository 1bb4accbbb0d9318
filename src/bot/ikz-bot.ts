import { ActivityHandler, MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { ApplicationDialog, type ApplicationDialogOptions, type ApplicationDialogResult } from '../../dialogs/application-dialog.js';
import { EligibilityDialog, type EligibilityDialogResult } from '../../dialogs/eligibility-dialog.js';
import type { EligibilityAnswers, Verdict } from '../funding/eligibility.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Logger } from '../logging/logger.js';
import { parseCardAction, type CardAction, type GuidedDialog } from './card-actions.js';
import { detectDialogRequest, detectIntent, type Intent } from './intents.js';
import { TEXT, type OfficeContact } from './messages.js';
import { answerReply, clarifyReply, greetingReply, handoffReply, noAnswerReply, textReply } from './replies.js';

/** What the bot did with one user message (for evaluation, reports and tests). */
export interface TurnOutcome {
  outcome: 'answer' | 'clarify' | 'no_answer' | 'smalltalk' | 'dialog';
  articleId?: string;
  score?: number;
  conversationId: string;
}

/** Per-conversation memory of the bot. */
export interface ConversationData {
  /** no_answer outcomes in a row (the handoff offer builds on this). */
  unansweredInARow: number;
  /** The last completed Förder-Check (reused by "Antrag stellen" and the handoff). */
  eligibility?: { answers: EligibilityAnswers; verdict: Verdict; amount?: number };
  /** The last checklist of "Antrag stellen", for the "Als Text" button. */
  checklistMarkdown?: string;
}

export interface IkzBotOptions {
  knowledge: KnowledgeService;
  office: OfficeContact;
  conversationState: ConversationState;
  logger: Logger;
  /** Longest user message (characters) the bot reads; longer ones are declined politely. */
  maxMessageLength?: number;
  /** Called once per answered user message. */
  onOutcome?: (outcome: TurnOutcome) => void;
}

/** Default for `maxMessageLength`: a question, not a pasted document. */
export const DEFAULT_MAX_MESSAGE_LENGTH = 2000;

const DIALOG_IDS: Record<GuidedDialog, string> = { eligibility: EligibilityDialog.dialogId, application: ApplicationDialog.dialogId };

/**
 * The IKZ-Assistent's turn logic: greets, handles commands and small talk, runs the guided dialogs
 * and answers questions from the knowledge base. Independent of restify and of any one channel: it
 * only sees `TurnContext`.
 */
export class IkzBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly maxMessageLength: number;

  constructor(private readonly options: IkzBotOptions) {
    super();
    this.conversationData = options.conversationState.createProperty<ConversationData>('ikzConversation');
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.maxMessageLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    this.dialogs = new DialogSet(this.dialogState);
    const programme = options.knowledge.programme;
    if (programme) {
      const interrupt = (context: TurnContext, question: string) => this.answerInterruption(context, question);
      this.dialogs.add(new EligibilityDialog(programme, interrupt));
      this.dialogs.add(new ApplicationDialog(programme, interrupt));
    }

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newUsers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (newUsers.length > 0) await context.sendActivity(greetingReply());
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Runs the turn and saves conversation state, also when the turn only partly succeeded. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const action = parseCardAction(context.activity.value);
    if (action) return this.handleAction(dc, action);

    return this.handleText(dc, (context.activity.text ?? '').trim());
  }

  /** A typed message (or a suggested question pressed as a button). */
  private async handleText(dc: DialogContext, text: string): Promise<void> {
    const { context } = dc;
    const hasAttachments = (context.activity.attachments ?? []).length > 0;
    if (!text && !(dc.activeDialog && context.activity.value !== undefined)) {
      await context.sendActivity(textReply(hasAttachments ? TEXT.notText : TEXT.emptyQuestion));
      return this.report(context, 'smalltalk');
    }
    if (text.length > this.maxMessageLength) {
      await context.sendActivity(textReply(TEXT.tooLong.replace('{max}', String(this.maxMessageLength))));
      return this.report(context, 'smalltalk');
    }
    const intent = detectIntent(text);
    if (intent === 'restart' || intent === 'handoff') return this.handleIntent(dc, intent);
    if (dc.activeDialog) return this.continueDialog(dc);
    const dialog = detectDialogRequest(text);
    if (dialog) return this.startDialog(dc, dialog);
    if (intent) return this.handleIntent(dc, intent);
    return this.answerQuestion(context, text);
  }

  private async answerQuestion(context: TurnContext, question: string): Promise<void> {
    const { knowledge } = this.options;
    const decision = knowledge.answer(question);
    const data = await this.conversationData.get(context, { unansweredInARow: 0 });
    this.options.logger.debug({ question, outcome: decision.outcome }, 'Question answered');
    if (decision.outcome === 'answer') {
      data.unansweredInARow = 0;
      await context.sendActivity(answerReply(decision.article, decision.sections, (id) => knowledge.article(id)));
      return this.report(context, 'answer', decision.article.id, decision.score);
    }
    if (decision.outcome === 'clarify') {
      await context.sendActivity(clarifyReply(decision.candidates));
      return this.report(context, 'clarify', undefined, decision.candidates[0]?.score);
    }
    data.unansweredInARow += 1;
    await context.sendActivity(noAnswerReply(decision.reason));
    return this.report(context, 'no_answer', undefined, decision.candidates[0]?.score);
  }

  /** A free question in the middle of a dialog: answered only when the knowledge base is confident. */
  private async answerInterruption(context: TurnContext, question: string): Promise<boolean> {
    const decision = this.options.knowledge.answer(question);
    if (decision.outcome !== 'answer') return false;
    await context.sendActivity(answerReply(decision.article, decision.sections, (id) => this.options.knowledge.article(id)));
    return true;
  }

  private async handleAction(dc: DialogContext, action: CardAction): Promise<void> {
    const { context } = dc;
    switch (action.action) {
      case 'article': {
        const article = this.options.knowledge.article(action.id);
        if (!article) {
          await context.sendActivity(textReply(TEXT.unknownArticle));
          return this.report(context, 'no_answer');
        }
        await context.sendActivity(answerReply(article, article.sections.slice(0, 2), (id) => this.options.knowledge.article(id)));
        if (dc.activeDialog) await dc.repromptDialog();
        return this.report(context, 'answer', article.id);
      }
      case 'start':
        return this.startDialog(dc, action.dialog);
      case 'ask':
        return this.handleText(dc, action.text);
      case 'checklist_text': {
        const data = await this.conversationData.get(context, { unansweredInARow: 0 });
        await context.sendActivity(
          data.checklistMarkdown
            ? MessageFactory.text(`Ihre Checkliste zum Kopieren:\n\n\`\`\`markdown\n${data.checklistMarkdown}\n\`\`\``)
            : textReply(TEXT.noChecklist),
        );
        return this.report(context, 'dialog');
      }
      case 'handoff':
      case 'help':
      case 'restart':
        if (action.action === 'help' && dc.activeDialog) return this.continueDialog(dc);
        return this.handleIntent(dc, action.action);
    }
  }

  private async startDialog(dc: DialogContext, dialog: GuidedDialog): Promise<void> {
    if (!this.options.knowledge.programme) {
      this.options.logger.error('Guided dialog requested but the programme parameters (knowledge/_meta/foerderprogramm.yml) are not loaded');
      await dc.context.sendActivity(textReply(TEXT.dialogUnavailable));
      return this.report(dc.context, 'no_answer');
    }
    await dc.cancelAllDialogs();
    const data = await this.conversationData.get(dc.context, { unansweredInARow: 0 });
    const options: ApplicationDialogOptions | undefined = dialog === 'application' ? { eligibility: data.eligibility?.answers } : undefined;
    const result = await dc.beginDialog(DIALOG_IDS[dialog], options);
    await this.afterDialogTurn(dc, result.status, result.result);
  }

  private async continueDialog(dc: DialogContext): Promise<void> {
    const result = await dc.continueDialog();
    await this.afterDialogTurn(dc, result.status, result.result);
  }

  /** Remembers what a finished dialog found, so later dialogs and the handoff need not ask again. */
  private async afterDialogTurn(dc: DialogContext, status: DialogTurnStatus, result: unknown): Promise<void> {
    if (status === DialogTurnStatus.complete) {
      const data = await this.conversationData.get(dc.context, { unansweredInARow: 0 });
      const eligibility = result as EligibilityDialogResult | undefined;
      const application = result as ApplicationDialogResult | undefined;
      if (eligibility?.completed && 'result' in eligibility) {
        data.eligibility = { answers: eligibility.answers, verdict: eligibility.result.verdict, amount: eligibility.result.estimate.amount };
      } else if (application?.completed && 'markdown' in application) {
        data.checklistMarkdown = application.markdown;
      }
    }
    this.report(dc.context, 'dialog');
  }

  private async handleIntent(dc: DialogContext, intent: Intent): Promise<void> {
    const { context } = dc;
    switch (intent) {
      case 'greeting':
        await context.sendActivity(textReply(TEXT.greetingAgain));
        break;
      case 'thanks':
        await context.sendActivity(textReply(TEXT.thanks));
        break;
      case 'goodbye':
        await context.sendActivity(textReply(TEXT.goodbye));
        break;
      case 'help':
        await context.sendActivity(textReply(TEXT.help));
        break;
      case 'handoff':
        await dc.cancelAllDialogs();
        await context.sendActivity(handoffReply(this.options.office));
        break;
      case 'restart':
        await dc.cancelAllDialogs();
        await this.options.conversationState.clear(context);
        await context.sendActivity(textReply(TEXT.restarted));
        await context.sendActivity(greetingReply());
        break;
    }
    this.report(context, 'smalltalk');
  }

  private report(context: TurnContext, outcome: TurnOutcome['outcome'], articleId?: string, score?: number): void {
    this.options.onOutcome?.({ outcome, articleId, score, conversationId: context.activity.conversation?.id ?? '' });
  }
}
