import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Logger } from '../logging/logger.js';
import { parseCardAction, type CardAction } from './card-actions.js';
import { detectIntent, type Intent } from './intents.js';
import { TEXT, type OfficeContact } from './messages.js';
import { answerReply, clarifyReply, greetingReply, handoffReply, noAnswerReply, textReply } from './replies.js';

/** What the bot did with one user message (for evaluation, reports and tests). */
export interface TurnOutcome {
  outcome: 'answer' | 'clarify' | 'no_answer' | 'smalltalk';
  articleId?: string;
  score?: number;
  conversationId: string;
}

/** Per-conversation memory of the bot. */
interface ConversationData {
  /** no_answer outcomes in a row (the handoff offer builds on this). */
  unansweredInARow: number;
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

/**
 * The IKZ-Assistent's turn logic: greets, handles commands and small talk, and answers questions
 * from the knowledge base. Independent of restify and of any one channel: it only sees `TurnContext`.
 */
export class IkzBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly maxMessageLength: number;

  constructor(private readonly options: IkzBotOptions) {
    super();
    this.conversationData = options.conversationState.createProperty<ConversationData>('ikzConversation');
    this.maxMessageLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;

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
    const action = parseCardAction(context.activity.value);
    if (action) return this.handleAction(context, action);

    const text = (context.activity.text ?? '').trim();
    if (!text) {
      const hasAttachments = (context.activity.attachments ?? []).length > 0;
      await context.sendActivity(textReply(hasAttachments ? TEXT.notText : TEXT.emptyQuestion));
      return this.report(context, 'smalltalk');
    }
    if (text.length > this.maxMessageLength) {
      await context.sendActivity(textReply(TEXT.tooLong.replace('{max}', String(this.maxMessageLength))));
      return this.report(context, 'smalltalk');
    }
    const intent = detectIntent(text);
    if (intent) return this.handleIntent(context, intent);
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

  private async handleAction(context: TurnContext, action: CardAction): Promise<void> {
    switch (action.action) {
      case 'article': {
        const article = this.options.knowledge.article(action.id);
        if (!article) {
          await context.sendActivity(textReply(TEXT.unknownArticle));
          return this.report(context, 'no_answer');
        }
        await context.sendActivity(
          answerReply(article, article.sections.slice(0, 2), (id) => this.options.knowledge.article(id)),
        );
        return this.report(context, 'answer', article.id);
      }
      case 'handoff':
        return this.handleIntent(context, 'handoff');
      case 'help':
        return this.handleIntent(context, 'help');
      case 'restart':
        return this.handleIntent(context, 'restart');
    }
  }

  private async handleIntent(context: TurnContext, intent: Intent): Promise<void> {
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
        await context.sendActivity(handoffReply(this.options.office));
        break;
      case 'restart':
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
