import {
  ActivityHandler,
  MessageFactory,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { ApplicationDialog, type ApplicationDialogOptions, type ApplicationDialogResult } from '../../dialogs/application-dialog.js';
import { EligibilityDialog, type EligibilityDialogResult } from '../../dialogs/eligibility-dialog.js';
import {
  HandoffDialog,
  type HandoffDependencies,
  type HandoffDialogOptions,
  type HandoffDialogResult,
} from '../../dialogs/handoff-dialog.js';
import { WEAK_COVERAGE, type AnalyticsRecorder } from '../analytics/analytics-events.js';
import type { AdvisorDesk } from '../handoff/advisor-desk.js';
import { mayActAsAdvisor } from '../handoff/advisor-trust.js';
import { describeOfficeHours } from '../handoff/office-hours.js';
import type { TranscriptEntry } from '../handoff/handoff-case.js';
import { TRANSCRIPT_LIMITS, type TranscriptLog } from '../handoff/transcript-log.js';
import type { EligibilityAnswers, Verdict } from '../funding/eligibility.js';
import { citation } from '../funding/programme-parameters.js';
import { grantFigure, type GrantCase } from '../funding/grant-amounts.js';
import { answerNotice, hessianDay, programmeBasis, validityNotice, versionOn } from '../funding/programme-validity.js';
import type { AnswerDecision } from '../knowledge/answer-engine.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Article, ArticleSection } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import { topicOf, type ConversationTopic } from '../understanding/follow-up.js';
import type { RecognizedIntent } from '../understanding/intent-recognizer.js';
import { grantAnswer, type GrantAnswer } from '../understanding/grant-question.js';
import { cleanMessage, type CleanedMessage } from '../understanding/message-cleanup.js';
import { asksWhetherPlanFunded, asksWhetherPossible, readPlan, rulesForPlan } from '../understanding/plan-reading.js';
import { readAtProgrammeEnd } from '../understanding/programme-dates.js';
import { keySentences, questionsOf, splitSentences } from '../understanding/sentences.js';
import { missingDetails, needsOfficeContact, type DetailFinding } from '../understanding/requested-details.js';
import { unknownStatement } from '../understanding/unknown-facts.js';
import { isConfident, understandMessage, type AnsweredReading, type QuestionUnderstanding } from '../understanding/understand-question.js';
import { parseCardAction, type CardAction, type GuidedDialog } from './card-actions.js';
import { IntentSource, isGuidedDialog, readLeaveDialogAnswer, type Intent } from './intents.js';
import { TEXT, contactText, type OfficeContact } from './messages.js';
import { stripControlCharacters } from '../shared/safe-text.js';
import {
  answerReply,
  clarifyReply,
  comparisonReply,
  contactReply,
  grantLine,
  grantReply,
  greetingReply,
  handoffReply,
  isShownFigure,
  leaveDialogForHandoffReply,
  missingDetailReply,
  noAnswerReply,
  SHORT_INTRO_CHARS,
  textReply,
  twoAnswersReply,
  type AnswerExtras,
} from './replies.js';

/** What the bot did with one user message (for evaluation, reports and tests). */
export interface TurnOutcome {
  outcome: 'answer' | 'clarify' | 'no_answer' | 'smalltalk' | 'dialog';
  articleId?: string;
  score?: number;
  conversationId: string;
  /** For `dialog`: the guided dialog the turn left running (absent when it ended). */
  dialog?: 'eligibility' | 'application' | 'handoff';
  /**
   * For `smalltalk` the bot answered itself: which. For an `answer` from the configuration instead of an article
   * (no `articleId`): `contact`, the office's contact data.
   */
  intent?: Intent;
}

const DIALOG_NAMES: Record<string, TurnOutcome['dialog']> = {
  [EligibilityDialog.dialogId]: 'eligibility',
  [ApplicationDialog.dialogId]: 'application',
  [HandoffDialog.dialogId]: 'handoff',
};

/** Per-conversation memory of the bot. */
export interface ConversationData {
  /** no_answer outcomes in a row (the handoff offer builds on this). */
  unansweredInARow: number;
  /** The last completed Förder-Check (reused by "Antrag stellen" and the handoff). */
  eligibility?: { answers: EligibilityAnswers; verdict: Verdict; amount?: number };
  /** The last checklist of "Antrag stellen", for the "Als Text" button. */
  checklistMarkdown?: string;
  /** Turns recorded in the transcript log so far (the log itself is kept outside the state, see `TranscriptLog`). */
  transcriptTurns?: number;
  /** The case this conversation handed to the office, so a second press does not open another. */
  openCaseId?: string;
  /** The last answered question, for the feedback buttons under the answer. */
  lastAnswer?: { articleId: string; question: string };
  /** A 👎 whose optional comment the next message may give (the event's key in the store). */
  awaitingFeedbackComment?: string;
  /** The topic of the last answer, which a follow-up ("Und für fünf?") is read against. */
  topic?: ConversationTopic;
  /** A guided dialog asked whether to leave it for the handoff; the next message answers that. */
  confirmingHandoff?: boolean;
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
  /** Cases, office hours and privacy link for the handoff to an advisor. */
  handoff: HandoffDependencies;
  /** The advisors' side (advisor channel, relay); without it cases are only stored. */
  desk?: AdvisorDesk;
  /** Editorial analytics (questions, dialogs, handoffs, feedback); nothing is recorded without it. */
  analytics?: AnalyticsRecorder;
  /** The conversation transcripts handed to advisors with a case. */
  transcripts: TranscriptLog;
  /** UNSAFE, local only: trust unauthenticated requests with a hub's `handoff.status` (see `AdvisorDeskOptions`). */
  allowUnauthenticatedAdvisors?: boolean;
  /** The clock that decides which programme version is in force (and its validity notice); the real clock when omitted. */
  now?: () => Date;
}

/** A question word this weighty (about the weight of a word in a few articles) says what the question is about. */
const DISTINCTIVE_WEIGHT = 1;

/** How many related topics an honest reply about a missing detail offers. */
const MAX_RELATED_OF_MISSING = 3;

/** Default for `maxMessageLength`: a question, not a pasted document. */
export const DEFAULT_MAX_MESSAGE_LENGTH = 2000;

/** What a top-level dialog returns when it ends; `dialog` says which one. */
type GuidedDialogResult = EligibilityDialogResult | ApplicationDialogResult | HandoffDialogResult;

const DIALOG_IDS: Record<GuidedDialog, string> = { eligibility: EligibilityDialog.dialogId, application: ApplicationDialog.dialogId };

/** `turnState` key of the transcript lines of the running turn (stored when the turn ends). */
const TURN_TRANSCRIPT = Symbol('turnTranscript');

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
  private readonly now: () => Date;
  private readonly intents: IntentSource;

  constructor(private readonly options: IkzBotOptions) {
    super();
    this.intents = new IntentSource(() => options.knowledge.intents);
    this.conversationData = options.conversationState.createProperty<ConversationData>('ikzConversation');
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.maxMessageLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    this.now = options.now ?? (() => new Date());
    this.dialogs = new DialogSet(this.dialogState);
    const loaded = options.knowledge.programme;
    if (loaded) {
      const interrupt = (context: TurnContext, question: string) => this.answerInterruption(context, question);
      // Read on every use: a reloaded programme file (e.g. a successor version) reaches the dialogs.
      const programme = () => options.knowledge.programme ?? loaded;
      this.dialogs.add(new EligibilityDialog(programme, interrupt, this.now));
      this.dialogs.add(new ApplicationDialog(programme, interrupt, this.now));
    }
    this.dialogs.add(new HandoffDialog(options.handoff, (context, question) => this.answerInterruption(context, question)));

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'handoff.status') await this.handoffStatus(context);
      await next();
    });

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

  /** Runs the turn (recording the transcript) and saves conversation state. */
  override async run(context: TurnContext): Promise<void> {
    // The edge of the bot: everything after this (dialogs, transcript, cases, relay) sees clean text.
    if (typeof context.activity.text === 'string') context.activity.text = stripControlCharacters(context.activity.text);
    const lines = this.startTranscript(context);
    await super.run(context);
    const data = lines.length > 0 ? await this.memoryOf(context) : undefined;
    if (data) data.transcriptTurns = (data.transcriptTurns ?? 0) + 1;
    // A turn that counted a transcript turn has changed the state: saved without botbuilder's change check,
    // which would serialise and hash the whole state once more only to find that out.
    await this.options.conversationState.saveChanges(context, data !== undefined);
    // After the state: a turn whose state could not be saved did not happen for the user either.
    if (data) await this.options.transcripts.saveTurn(context.activity.conversation.id, data.transcriptTurns!, lines);
  }

  /** Collects this turn's lines (the user's message, the bot's replies), so a handoff can give the advisor the whole case. */
  private startTranscript(context: TurnContext): TranscriptEntry[] {
    const lines: TranscriptEntry[] = [];
    if (context.activity.type !== 'message') return lines;
    context.turnState.set(TURN_TRANSCRIPT, lines);
    const add = (from: TranscriptEntry['from'], text: string | undefined) => {
      const entry = this.options.transcripts.entry(from, text);
      if (entry) lines.push(entry);
    };
    add('user', context.activity.text);
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const activity of activities) if (activity.type === 'message' || activity.type === undefined) add('bot', visibleText(activity));
      return next();
    });
    return lines;
  }

  /** The conversation so far: the stored turns and the lines of the running turn. */
  private async transcript(context: TurnContext, data: ConversationData): Promise<TranscriptEntry[]> {
    const stored = await this.options.transcripts.recent(context.activity.conversation.id, data.transcriptTurns ?? 0);
    const current: TranscriptEntry[] = context.turnState.get(TURN_TRANSCRIPT) ?? [];
    return [...stored, ...current].slice(-TRANSCRIPT_LIMITS.entries);
  }

  /** The bot's memory of this conversation (created empty on first use). */
  private memoryOf(context: TurnContext): Promise<ConversationData> {
    return this.conversationData.get(context, { unansweredInARow: 0 });
  }

  /** Deletes what the bot keeps of a conversation: its transcript and its state. */
  async forget(context: TurnContext): Promise<void> {
    const data = await this.memoryOf(context);
    await this.options.transcripts.forget(context.activity.conversation.id, data.transcriptTurns ?? 0);
    await this.options.conversationState.delete(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    if (await this.options.desk?.handleAdvisorActivity(context)) return this.report(context, 'smalltalk');
    const action = parseCardAction(context.activity.value);
    if (action) return this.handleAction(await this.dialogs.createContext(context), action);
    // Most messages are questions outside any dialog: they never need the dialog context, whose
    // construction costs about as much as answering the question.
    let dc: Promise<DialogContext> | undefined;
    return this.handleText(context, (context.activity.text ?? '').trim(), () => (dc ??= this.dialogs.createContext(context)));
  }

  /** True while a guided dialog waits for the user's answer (read from the state without building a dialog context). */
  private async hasActiveDialog(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack?.length ?? 0) > 0;
  }

  /** A typed message (or a suggested question pressed as a button); `dialogContext` builds the dialog context when needed. */
  private async handleText(context: TurnContext, text: string, dialogContext: () => Promise<DialogContext>): Promise<void> {
    // While an advisor has taken over the user's case, the user talks to the advisor, not to the bot.
    const data = await this.memoryOf(context);
    if (await this.options.desk?.relayFromUser(context, data.openCaseId)) return this.report(context, 'smalltalk');
    if (data.awaitingFeedbackComment) {
      const key = data.awaitingFeedbackComment;
      data.awaitingFeedbackComment = undefined;
      if (/^(überspringen|ueberspringen|skip|nein|nichts|passt schon)$/i.test(text)) {
        await context.sendActivity(textReply(TEXT.feedbackSkipped));
        return this.report(context, 'smalltalk');
      }
      // A new question is a question, not a comment on the last answer.
      if (!text.endsWith('?') && !this.intents.recognize(text)) {
        await this.options.analytics?.comment(key, text.slice(0, 500));
        await context.sendActivity(textReply(TEXT.feedbackCommentThanks));
        return this.report(context, 'smalltalk');
      }
    }
    const hasAttachments = (context.activity.attachments ?? []).length > 0;
    const inDialog = await this.hasActiveDialog(context);
    if (!text && !(inDialog && context.activity.value !== undefined)) {
      await context.sendActivity(textReply(hasAttachments ? TEXT.notText : TEXT.emptyQuestion));
      return this.report(context, 'smalltalk');
    }
    if (text.length > this.maxMessageLength) {
      await context.sendActivity(textReply(TEXT.tooLong.replace('{max}', String(this.maxMessageLength))));
      return this.report(context, 'smalltalk');
    }
    // Salutation, closing formula, signature and polite frames say nothing about what the user wants.
    // Read once a turn: the intents, the dialog request and the knowledge base all read the cleaned message.
    const cleaned = cleanMessage(text);
    const intent = this.intents.recognize(cleaned.text);
    if (data.confirmingHandoff) {
      data.confirmingHandoff = undefined;
      // A button of the dialog ("Ja, alle aus Hessen") answers the dialog, not the question whether to leave it.
      const leave = context.activity.value !== undefined ? undefined : intent?.intent === 'handoff' || readLeaveDialogAnswer(text);
      if (leave === true) return this.startHandoff(await dialogContext());
      if (leave === false && inDialog) {
        await context.sendActivity(textReply(TEXT.stayInDialog));
        await (await dialogContext()).repromptDialog();
        return this.report(context, 'dialog');
      }
    }
    if (intent?.intent === 'restart') return this.handleIntent(await dialogContext(), 'restart');
    if (intent?.intent === 'handoff') {
      // "Ich würde gern mit jemandem sprechen. Wie hoch ist die Förderung bei zwei Gemeinden?": a question the knowledge
      // base answers is answered first, so nothing asked waits for the advisor; then the handoff starts.
      const asked = inDialog ? undefined : this.questionBesideRequest(text, cleaned, intent, data);
      if (asked) await this.answerQuestion(context, text, asked);
      return this.requestHandoff(await dialogContext());
    }
    if (inDialog) return this.continueDialog(await dialogContext());
    if (intent?.intent === 'contact') {
      // "Seit wann gibt es die Beratungsstelle, und wie erreiche ich sie?": the question with the contact data it asks for.
      // The understanding reads the contact question as a detail of the office (`_meta/details.yml`).
      const understood = questionsOf(cleaned.text).questions.length >= 2 ? this.understand(text, data, cleaned) : undefined;
      const answered = understood && isConfident(understood.understanding);
      return answered ? this.answerQuestion(context, text, understood, undefined, true) : this.answerContact(context, cleaned.text);
    }
    if (intent && isGuidedDialog(intent.intent))
      return this.requestDialog(context, text, cleaned, { ...intent, intent: intent.intent }, dialogContext);
    // "Wer darf bei uns den Antarg stellen?" reads like "Welche Fragen kann ich stellen?" but for a word the help does
    // not explain: a question the knowledge base answers is answered, not met with the help.
    if (intent?.intent === 'help' && this.hasOwnContent(cleaned, intent)) {
      const understood = this.understand(text, data, cleaned);
      if (isConfident(understood.understanding)) return this.answerQuestion(context, text, understood);
    }
    // (The guided dialogs are handled above: what remains is small talk, help.)
    if (intent) return this.handleIntent(await dialogContext(), intent.intent as Intent);
    return this.answerQuestion(context, text, this.understand(text, data, cleaned));
  }

  /**
   * A message asking for a guided dialog. A bare request ("Förder-Check", "Sind wir förderfähig?") starts
   * the dialog. One with content of its own ("Vier Gemeinden gründen einen GVV – mit wie viel können wir
   * rechnen?") is a question first: the knowledge base answers it, and the dialog is offered as the first
   * button (not for something outside the programme, "EU-Förderung LEADER – wie beantragen wir das?").
   */
  private async requestDialog(
    context: TurnContext,
    message: string,
    cleaned: CleanedMessage,
    intent: RecognizedIntent & { intent: GuidedDialog },
    dialogContext: () => Promise<DialogContext>,
  ): Promise<void> {
    if (!this.hasOwnContent(cleaned, intent)) return this.startDialog(await dialogContext(), intent.intent);
    const data = await this.memoryOf(context);
    const understood = this.understand(message, data, cleaned);
    const decision = understood.understanding.kind === 'single' ? understood.understanding.reading.decision : undefined;
    const outside = decision?.outcome === 'no_answer' && decision.reason === 'outside_scope';
    return this.answerQuestion(context, message, understood, outside ? undefined : intent.intent);
  }

  /** Content is what the knowledge base searches for ("kannst du" is none) and no word of the request explains. */
  private hasOwnContent(cleaned: CleanedMessage, intent: RecognizedIntent): boolean {
    const searched = new Set(this.options.knowledge.terms?.(cleaned.text) ?? intent.rest);
    return intent.rest.some((term) => searched.has(term));
  }

  /** The reading of a question asked beside a request for a person, when the knowledge base answers it confidently. */
  private questionBesideRequest(
    message: string,
    cleaned: CleanedMessage,
    intent: RecognizedIntent,
    data: ConversationData,
  ): { question: string; understanding: QuestionUnderstanding } | undefined {
    if (!this.hasOwnContent(cleaned, intent)) return undefined;
    const understood = this.understand(message, data, cleaned);
    const { understanding } = understood;
    return understanding.kind === 'single' && understanding.reading.decision.outcome !== 'answer' ? undefined : understood;
  }

  /** A request for a person: starts the handoff; inside the Förder-Check or "Antrag stellen" it first asks whether to leave the dialog. */
  private async requestHandoff(dc: DialogContext): Promise<void> {
    const active = dc.activeDialog?.id;
    const dialogName =
      active === EligibilityDialog.dialogId
        ? 'Förder-Check'
        : active === ApplicationDialog.dialogId
          ? 'Dialog „Antrag stellen“'
          : undefined;
    if (!dialogName) return this.startHandoff(dc);
    const data = await this.memoryOf(dc.context);
    data.confirmingHandoff = true;
    await dc.context.sendActivity(leaveDialogForHandoffReply(dialogName));
    return this.report(dc.context, 'dialog');
  }

  /**
   * Reads a message as questions to the knowledge base (cleaned of letter formulas: `cleaned`, when the turn
   * has it already), against the topic of the last answer.
   */
  private understand(
    message: string,
    data: ConversationData,
    cleaned?: CleanedMessage,
  ): { question: string; understanding: QuestionUnderstanding } {
    return understandMessage(message, this.options.knowledge, data.topic, cleaned);
  }

  /** Answers from the knowledge base; `offerDialog` (the message asked for that dialog) is offered first under any reply. */
  private async answerQuestion(
    context: TurnContext,
    message: string,
    understood?: { question: string; understanding: QuestionUnderstanding },
    offerDialog?: GuidedDialog,
    withContact = false,
  ): Promise<void> {
    const { knowledge } = this.options;
    const data = await this.memoryOf(context);
    const { question, understanding: result } = understood ?? this.understand(message, data);
    const conversationId = context.activity.conversation.id;
    if (result.kind === 'comparison') {
      const [left] = result.sides;
      data.unansweredInARow = 0;
      data.topic = undefined;
      await this.options.analytics?.record(conversationId, { type: 'question', outcome: 'answer', articleId: left.article.id });
      const amounts = result.sides.some((side) => side.grantCase);
      await context.sendActivity(
        comparisonReply(
          result.sides.map((side) => ({ article: side.article, grantLine: this.amountLineOf(side.grantCase) })),
          result.overview,
          amounts ? answerNotice(knowledge.programme, left.article.version, this.now()) : undefined,
        ),
      );
      return this.report(context, 'answer', left.article.id);
    }
    if (result.kind === 'two') {
      const [first, second] = result.readings;
      const lacking = result.readings.map((r) => this.lackingOf(r));
      // Both questions ask for details the articles lack: one honest reply for both.
      if (lacking.every((l) => l.missing.length > 0))
        return this.answerMissingDetails(
          context,
          data,
          question,
          result.readings,
          lacking.flatMap((l) => l.missing),
          offerDialog,
        );
      // The second asks on about what the first lacks ("Wie muss der Verwendungsnachweis aussehen und bis wann muss der
      // beim Land sein?"): the honest reply on the first covers it; read on its own it drifted to another article.
      if (result.secondRefersBack && lacking[0]!.missing.length > 0)
        return this.answerMissingDetails(context, data, question, [first], lacking[0]!.missing, offerDialog);
      data.unansweredInARow = 0;
      data.topic = topicOf(second.question, second.decision.article);
      for (const reading of result.readings) {
        await this.options.analytics?.record(conversationId, {
          type: 'question',
          outcome: 'answer',
          articleId: reading.decision.article.id,
          coverage: reading.decision.coverage,
        });
      }
      await context.sendActivity(
        twoAnswersReply(
          result.readings.map((r, i) => {
            const shown = this.withComputedAmount(r, question);
            return { ...shown, lead: this.leadFor(shown.article, r.question), ...lacking[i] };
          }),
          result.pending,
          {
            offerDialog,
            notice: answerNotice(knowledge.programme, first.decision.article.version ?? second.decision.article.version, this.now()),
          },
        ),
      );
      return this.report(context, 'answer', first.decision.article.id, first.decision.score);
    }
    const asked = result.reading.decision.outcome === 'answer' ? this.lackingOf(result.reading as AnsweredReading) : undefined;
    if (asked && asked.missing.length > 0 && !asked.supplied)
      return this.answerMissingDetails(context, data, question, [result.reading as AnsweredReading], asked.missing, offerDialog);
    const programme = knowledge.programme;
    const day = hessianDay(this.now());
    // A question about the time after the programme carries its end notice; one the search is unsure of is read without the year.
    const atEnd = programme ? readAtProgrammeEnd(question, result.reading.decision, knowledge, programme, day) : undefined;
    const decision = atEnd?.decision ?? result.reading.decision;
    const readAgainst = atEnd && atEnd.decision !== result.reading.decision ? undefined : result.reading.readAgainst;
    const grant = programme
      ? grantAnswer(question, decision, programme, data.topic?.grant, day, {
          year: atEnd?.asked?.year,
          readAgainstTopic: readAgainst !== undefined,
          unknownNouns: decision.outcome === 'answer' ? [] : knowledge.unknownNouns(question),
          describedBy: this.describedBy(question),
        })
      : undefined;
    const notice = (article: Article) => atEnd?.notice ?? answerNotice(programme, article.version, this.now());
    this.options.logger.debug({ question, outcome: decision.outcome, grant: grant?.use }, 'Question answered');
    if (grant?.use === 'answer')
      return this.answerGrant(
        context,
        data,
        { asked: question, read: result.reading.question },
        grant,
        decision,
        { relatedTo: readAgainst?.title, further: this.leftByAmount(question, [result.reading.question, ...result.pending]), offerDialog },
        atEnd?.notice,
      );
    const coverage = decision.outcome === 'answer' ? decision.coverage : undefined;
    const weak = decision.outcome !== 'answer' || (coverage ?? 1) < WEAK_COVERAGE;
    await this.options.analytics?.record(conversationId, {
      type: 'question',
      outcome: decision.outcome,
      articleId: decision.outcome === 'answer' ? decision.article.id : undefined,
      coverage,
      question: weak ? question : undefined,
    });
    if (decision.outcome === 'answer') {
      data.unansweredInARow = 0;
      data.lastAnswer = { articleId: decision.article.id, question: question.slice(0, 500) };
      data.topic = { ...topicOf(result.reading.question, decision.article), grant: grant?.topic };
      const line =
        grant?.use === 'line' && grant.figure.status === 'amount'
          ? grantLine(grant.figure, grant.reading.grantCase, grant.version)
          : undefined;
      await context.sendActivity(
        answerReply(decision.article, decision.sections, (id) => knowledge.article(id), {
          relatedTo: readAgainst?.title,
          further: result.pending,
          offerDialog,
          notice: notice(decision.article),
          grantLine: line,
          planPoints: this.planPoints(question),
          contact: asked?.contact ?? (withContact ? contactText(this.options.office) : undefined),
          missing: asked?.missing,
        }),
      );
      return this.report(context, 'answer', decision.article.id, decision.score);
    }
    if (decision.outcome === 'clarify') {
      await context.sendActivity(clarifyReply(decision.candidates, offerDialog));
      return this.report(context, 'clarify', undefined, decision.candidates[0]?.score);
    }
    data.unansweredInARow += 1;
    // The second unanswered question in a row: say plainly that a person can take it from here.
    await context.sendActivity(noAnswerReply(decision.reason, data.unansweredInARow >= 2, offerDialog));
    return this.report(context, 'no_answer', undefined, decision.candidates[0]?.score);
  }

  /**
   * One of two answers in a message: the article and sections the search chose, with the computed amount
   * as its first line when the question speaks of the money for a concrete case ("mit welcher Förderung
   * können drei Gemeinden rechnen?"); the case's own article when the amount is what it asks. A question for the
   * amount that lacks its case or number is read with the message's context sentences, which may tell the case ("Wir
   * sprechen mit zwei Nachbarkommunen … Wir möchten wissen, mit welcher Förderung wir rechnen können und …").
   */
  private withComputedAmount(
    reading: AnsweredReading,
    message: string,
  ): { article: Article; sections: ArticleSection[]; grantLine?: string } {
    const { article, sections } = reading.decision;
    const grant = this.computedAmount(reading.question, reading.decision, questionsOf(message).context);
    if (!grant?.use) return { article, sections };
    const own = grant.articles.map((id) => this.options.knowledge.article(id)).find((a) => a !== undefined);
    // "… und was gäbe es für einen GVV?": the amount the question itself asks for, without the number it needs, is the
    // case's article (not one the context asks for: "Entschuldungshilfe …? Und brauchen wir dafür ein Gesetz?").
    if (grant.figure.status !== 'amount') {
      // (A question read against the first carries the first's words after its question mark.)
      const asked = reading.question.replace(/\?.*$/su, '?');
      const askedHere = this.computedAmount(asked, reading.decision, [])?.use === 'answer';
      return askedHere && own && !grant.articles.includes(article.id)
        ? { article: own, sections: own.sections.slice(0, 1) }
        : { article, sections };
    }
    const line = grantLine(grant.figure, grant.reading.grantCase, grant.version);
    // "Gibt das Land Geld dazu, wenn …?" only speaks of money: the amount is a line under the answer found.
    if (grant.use === 'line' || grant.articles.includes(article.id)) return { article, sections, grantLine: line };
    return own ? { article: own, sections: own.sections.slice(0, 1), grantLine: line } : { article, sections };
  }

  /**
   * The intro's key sentences for a short answer to `question`: those first that carry a distinctive word of the
   * question the opening sentence lacks ("Wie viel haben Neuhof, Flieden und Kalbach gespart?": the intro's third
   * sentence, „Insgesamt sparen die Gemeinden 81.000 €“).
   */
  private leadFor(article: Article, question: string): string {
    const { knowledge } = this.options;
    const intro = article.sections[0]?.markdown ?? '';
    const words = knowledge.weightedWords(question).filter((w) => w.weight >= DISTINCTIVE_WEIGHT);
    const wordsIn = (sentence: string) => {
      const terms = new Set(knowledge.terms(sentence));
      return words.filter((w) => w.terms.some((t) => terms.has(t)));
    };
    const opening = new Set(wordsIn(splitSentences(intro)[0] ?? ''));
    return keySentences(intro, SHORT_INTRO_CHARS, (sentence) => wordsIn(sentence).some((w) => !opening.has(w)));
  }

  /**
   * The questions of a message that its computed amount leaves open: the message asked for the amount in one of
   * its questions, perhaps not in the one the search read ("…, mit welchem Zuschuss wir planen dürfen und welche
   * Unterlagen in den Antrag gehören"), so the others are offered as buttons.
   */
  private leftByAmount(message: string, questions: readonly string[]): string[] {
    if (questions.length < 2) return [];
    const { context } = questionsOf(message);
    return questions.filter((q) => this.computedAmount(q, undefined, context)?.use !== 'answer');
  }

  /**
   * What the programme's rules say about the points of the user's plan that a question whether it is funded tells
   * ("nur wir zwei", "als gemeinsame GmbH", "seit 2019 zusammen"), one line each with its source (`rulesForPlan`).
   */
  private planPoints(question: string): string[] | undefined {
    const programme = this.options.knowledge.programme;
    if (!programme) return undefined;
    const funded = asksWhetherPlanFunded(question);
    // "Geht IKZ auch zu zweit?": whether a count of partners is possible is the partners rule's question, nothing else of the plan.
    if (!funded && !asksWhetherPossible(question)) return undefined;
    const plan = readPlan(question, programme.grant_cases);
    const points = funded ? plan : plan.partners !== undefined ? { partners: plan.partners } : {};
    const rules = rulesForPlan(points, programmeBasis(programme, this.now()));
    return rules.length > 0 ? rules.map((c) => `${c.label}: ${c.reason} (Quelle: ${citation(c.source)})`) : undefined;
  }

  /** The article the statements of a message lead to without its questions ("Jede Gemeinde behält … . Was gibt es dafür?"). */
  private describedBy(message: string): string | undefined {
    const { context } = questionsOf(message);
    if (context.length === 0) return undefined;
    const decision = this.options.knowledge.answer(context.join(' '));
    return decision.outcome === 'answer' ? decision.article.id : undefined;
  }

  /** The computed amount of a compared side's case ("in der Regel 450.000 € für einen GVV aus drei Gemeinden …"), if its numbers are known. */
  private amountLineOf(grantCase: GrantCase | undefined): string | undefined {
    const programme = this.options.knowledge.programme;
    if (!programme || !grantCase) return undefined;
    const version = versionOn(programme, hessianDay(this.now()));
    const figure = grantFigure(version, grantCase);
    return figure.status === 'amount' ? grantLine(figure, grantCase, version) : undefined;
  }

  /**
   * The computed amount one question of a message asks for (`grantAnswer`), read with the message's context sentences
   * when the question alone lacks its case or number.
   */
  private computedAmount(question: string, decision: AnswerDecision | undefined, context: readonly string[]): GrantAnswer | undefined {
    const programme = this.options.knowledge.programme;
    if (!programme) return undefined;
    const grantOf = (text: string) =>
      grantAnswer(text, decision ?? this.options.knowledge.answer(text), programme, undefined, hessianDay(this.now()));
    const alone = grantOf(question);
    if (alone?.use && alone.figure.status !== 'missing') return alone;
    const inContext = grantOf([...context, question].join(' '));
    // The context tells the number, not another case ("welche Einsparung …" stays a question about the saving) —
    // unless the question's own case is only the general one ("Gibt es dafür Fördergeld, wie viel?"
    // after "Wir sind vier Gemeinden … Gemeindeverwaltungsverband") or, for a question for an amount, only the found
    // article's ("Fünf Kommunen … Wie viel kann man da erwarten?" found the savings rule).
    const ownCase = alone && alone.reading.by !== 'general' && !(alone.reading.by === 'article' && alone.reading.asks === 'strong');
    return inContext?.use && (!ownCase || alone.reading.grantCase.kind === inContext.reading.grantCase.kind) ? inContext : alone;
  }

  /** What a reading lacks: the details it asked for that its article does not hold, else the open point it asks about. */
  private lackingOf(reading: AnsweredReading): { missing: string[]; supplied: boolean; contact?: string } {
    if (reading.details?.length) return this.detailsOf(reading.details);
    const open = this.openPoint(reading);
    return open ? { missing: [open], supplied: false } : { missing: [], supplied: true };
  }

  /**
   * The article's statement that what the question asks is not known, when it fits the question best
   * (`unknownStatement`): the sentence, or an open point of a "Nicht bekannt" list introduced as such.
   */
  private openPoint(reading: AnsweredReading): string | undefined {
    const { knowledge } = this.options;
    const details = knowledge.details;
    if (!details) return undefined;
    const reader = { termsOf: (text: string) => knowledge.terms(text), saysUnknown: (text: string) => details.marksUnknown(text) };
    const statement = unknownStatement(
      reading.decision.article,
      reading.decision.sections,
      knowledge.weightedWords(reading.question),
      reader,
    );
    if (!statement || details.marksUnknown(statement)) return statement;
    return TEXT.openPoint.replace('{point}', statement.replace(/[\s.;:,]+$/u, ''));
  }

  /**
   * What the details a question asked for come to: the sentences saying which the article lacks, whether
   * it supplies any, and the office's contact data when that supplies one (the question is about the office).
   */
  private detailsOf(findings: readonly DetailFinding[] | undefined): { missing: string[]; supplied: boolean; contact?: string } {
    if (!findings || findings.length === 0) return { missing: [], supplied: true };
    const { office } = this.options;
    const missing = missingDetails(findings, office).map((kind) => kind.missing);
    const contact = needsOfficeContact(findings, office) ? contactText(office) : undefined;
    return { missing, supplied: missing.length < findings.length, ...(contact && { contact }) };
  }

  /**
   * The question asked for details (a phone number, a paragraph, a deadline …) that the articles it led to
   * do not hold: an honest reply with the advisors' offer and those articles as related topics, counted as
   * unanswered. The topic stays, so a follow-up can continue it.
   */
  private async answerMissingDetails(
    context: TurnContext,
    data: ConversationData,
    question: string,
    readings: readonly AnsweredReading[],
    missing: readonly string[],
    offerDialog: GuidedDialog | undefined,
  ): Promise<void> {
    const articles = readings.flatMap((r) => [r.decision.article, ...(r.nearArticles ?? [])]);
    const related = [...new Map(articles.map((a) => [a.id, a])).values()].slice(0, MAX_RELATED_OF_MISSING);
    data.unansweredInARow += 1;
    data.topic = topicOf(readings[0]!.question, related[0]);
    await this.options.analytics?.record(context.activity.conversation.id, {
      type: 'question',
      outcome: 'no_answer',
      articleId: related[0]?.id,
      question,
    });
    this.options.logger.debug(
      { question, missing: missing.length, related: related.map((a) => a.id) },
      'Requested detail not in the knowledge base',
    );
    await context.sendActivity(missingDetailReply([...new Set(missing)], related, data.unansweredInARow >= 2, offerDialog));
    return this.report(context, 'no_answer', undefined, readings[0]?.decision.score);
  }

  /**
   * A question about the amount for the user's case: the computed figure first; while a number is missing,
   * the article on the case with the question for it; where the rule does not apply, the article with the reason.
   */
  private async answerGrant(
    context: TurnContext,
    data: ConversationData,
    question: { asked: string; read: string },
    grant: GrantAnswer,
    decision: AnswerDecision,
    extras: AnswerExtras,
    endNoticeText: string | undefined,
  ): Promise<void> {
    const { knowledge } = this.options;
    const { figure, reading } = grant;
    // The article the search chose when it explains this case, else the case's own.
    const chosen = decision.outcome === 'answer' && grant.articles.includes(decision.article.id) ? decision : undefined;
    const article = chosen?.article ?? grant.articles.map((id) => knowledge.article(id)).find((a) => a !== undefined);
    // Figures of the programme carry its validity notice when due; the debt relief rests on another law.
    const ofProgramme = figure.asOf === figure.version;
    const notice = endNoticeText ?? (ofProgramme ? validityNotice(knowledge.programme!, hessianDay(this.now()))?.text : undefined);
    data.unansweredInARow = 0;
    // The topic keeps the question as read ("… für fünf Gemeinden? Und für fünf?"), for follow-ups of other kinds.
    data.topic = { ...topicOf(question.read, article), grant: grant.topic };
    if (article) data.lastAnswer = { articleId: article.id, question: question.asked.slice(0, 500) };
    await this.options.analytics?.record(context.activity.conversation.id, { type: 'question', outcome: 'answer', articleId: article?.id });
    if (isShownFigure(figure)) {
      await context.sendActivity(grantReply(figure, reading.grantCase, grant.version, article, { ...extras, notice }));
      return this.report(context, 'answer', article?.id);
    }
    if (!article) {
      await context.sendActivity(
        textReply(figure.status === 'missing' ? TEXT.grantAsk.replace('{question}', figure.question) : figure.reason),
      );
      return this.report(context, 'answer');
    }
    const sections = chosen?.sections ?? article.sections.slice(0, 1);
    const ask =
      figure.status === 'missing'
        ? { grantAsk: figure.question }
        : { grantLine: TEXT.grantNotApplicable.replace('{reason}', figure.reason) };
    await context.sendActivity(answerReply(article, sections, (id) => knowledge.article(id), { ...extras, ...ask, notice }));
    return this.report(context, 'answer', article.id, chosen?.score);
  }

  /** The reply with an article's sections; funding answers carry the programme's validity notice when it is due. */
  private answerFrom(article: Article, sections: ArticleSection[], extras: AnswerExtras = {}): Partial<Activity> {
    const { knowledge } = this.options;
    return answerReply(article, sections, (id) => knowledge.article(id), {
      ...extras,
      notice: answerNotice(knowledge.programme, article.version, this.now()),
    });
  }

  /** A free question in the middle of a dialog: answered only when the knowledge base is confident. */
  private async answerInterruption(context: TurnContext, question: string): Promise<boolean> {
    const decision = this.options.knowledge.answer(question);
    if (decision.outcome !== 'answer') return false;
    await context.sendActivity(this.answerFrom(decision.article, decision.sections));
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
        await context.sendActivity(this.answerFrom(article, article.sections.slice(0, 2)));
        (await this.memoryOf(context)).topic = topicOf(article.title, article);
        if (dc.activeDialog) await dc.repromptDialog();
        return this.report(context, 'answer', article.id);
      }
      case 'start':
        return this.startDialog(dc, action.dialog);
      case 'ask':
        return this.handleText(context, action.text, () => Promise.resolve(dc));
      case 'feedback': {
        const data = await this.memoryOf(context);
        const question = data.lastAnswer?.articleId === action.id ? data.lastAnswer.question : undefined;
        const key = await this.options.analytics?.record(context.activity.conversation.id, {
          type: 'feedback',
          articleId: action.id,
          helpful: action.helpful,
          question,
        });
        if (!action.helpful && key) data.awaitingFeedbackComment = key;
        await context.sendActivity(textReply(action.helpful || !key ? TEXT.feedbackThanks : TEXT.feedbackAskComment));
        return this.report(context, 'smalltalk');
      }
      case 'checklist_text': {
        const data = await this.memoryOf(context);
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

  /** Starts the handoff dialog, unless this conversation already has a case with the office. */
  private async startHandoff(dc: DialogContext): Promise<void> {
    const data = await this.memoryOf(dc.context);
    const existing = data.openCaseId ? await this.options.handoff.cases.get(data.openCaseId) : undefined;
    if (existing && existing.status !== 'closed') {
      await dc.context.sendActivity(textReply(TEXT.caseExists.replace('{id}', existing.id)));
      return this.report(dc.context, 'smalltalk');
    }
    if (dc.activeDialog?.id === HandoffDialog.dialogId) return this.continueDialog(dc);
    await dc.cancelAllDialogs();
    const transcript = await this.transcript(dc.context, data);
    const options: HandoffDialogOptions = {
      proposedConcern: summarizeConcern(data, transcript, (text) => this.intents.recognize(text) !== undefined),
      eligibility: data.eligibility && {
        verdict: data.eligibility.verdict,
        amount: data.eligibility.amount,
        projectKind: data.eligibility.answers.projectKind,
        partners: data.eligibility.answers.partners,
      },
      transcript,
    };
    await this.options.analytics?.record(dc.context.activity.conversation.id, { type: 'dialog', dialog: 'handoff', status: 'started' });
    const result = await dc.beginDialog(HandoffDialog.dialogId, options);
    await this.afterDialogTurn(dc, result.status, result.result);
  }

  /**
   * Status of a handoff from a contact-centre hub (`handoff.status` event). Only from a channel the Bot
   * Framework authenticated, and only in a conversation that handed a case over: in the self-hosted web chat
   * every event is written by the user's browser, who must not make the bot announce an advisor.
   */
  private async handoffStatus(context: TurnContext): Promise<void> {
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    const data = await this.memoryOf(context);
    if (!mayActAsAdvisor(context, this.options.allowUnauthenticatedAdvisors ?? false) || !data.openCaseId) {
      this.options.logger.warn(
        { channelId: context.activity.channelId, conversationId: context.activity.conversation?.id },
        'handoff.status ignored: not from an authenticated channel, or no handoff in this conversation',
      );
      return;
    }
    this.options.logger.info({ state, conversationId: context.activity.conversation?.id }, 'Handoff status received');
    if (state === 'accepted') await context.sendActivity(textReply(TEXT.handoffAccepted));
    else if (state === 'completed') await context.sendActivity(textReply(TEXT.handoffCompleted));
    else if (state === 'failed') await context.sendActivity(handoffReply(this.options.office));
  }

  private async startDialog(dc: DialogContext, dialog: GuidedDialog): Promise<void> {
    if (!this.options.knowledge.programme) {
      this.options.logger.error(
        'Guided dialog requested but the programme parameters (knowledge/_meta/foerderprogramm.yml) are not loaded',
      );
      await dc.context.sendActivity(textReply(TEXT.dialogUnavailable));
      return this.report(dc.context, 'no_answer');
    }
    await dc.cancelAllDialogs();
    const data = await this.memoryOf(dc.context);
    const options: ApplicationDialogOptions | undefined = dialog === 'application' ? { eligibility: data.eligibility?.answers } : undefined;
    await this.options.analytics?.record(dc.context.activity.conversation.id, { type: 'dialog', dialog, status: 'started' });
    const result = await dc.beginDialog(DIALOG_IDS[dialog], options);
    await this.afterDialogTurn(dc, result.status, result.result);
  }

  private async continueDialog(dc: DialogContext): Promise<void> {
    const result = await dc.continueDialog();
    await this.afterDialogTurn(dc, result.status, result.result);
  }

  /** Remembers what a finished dialog found, so later dialogs and the handoff need not ask again. */
  private async afterDialogTurn(dc: DialogContext, status: DialogTurnStatus, result: unknown): Promise<void> {
    const finished = status === DialogTurnStatus.complete ? (result as GuidedDialogResult | undefined) : undefined;
    if (finished?.completed) {
      const data = await this.memoryOf(dc.context);
      switch (finished.dialog) {
        case 'eligibility':
          data.eligibility = { answers: finished.answers, verdict: finished.result.verdict, amount: finished.result.estimate.amount };
          break;
        case 'application':
          data.checklistMarkdown = finished.markdown;
          break;
        case 'handoff':
          data.openCaseId = finished.caseId;
          break;
      }
      const conversationId = dc.context.activity.conversation.id;
      await this.options.analytics?.record(conversationId, { type: 'dialog', dialog: finished.dialog, status: 'finished' });
      if (finished.dialog === 'handoff') await this.options.analytics?.record(conversationId, { type: 'handoff' });
    }
    this.report(dc.context, 'dialog', undefined, undefined, { dialog: DIALOG_NAMES[dc.activeDialog?.id ?? ''] });
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
        return this.startHandoff(dc);
      case 'contact':
        return this.answerContact(context);
      case 'restart':
        await dc.cancelAllDialogs();
        await this.options.conversationState.clear(context);
        await context.sendActivity(textReply(TEXT.restarted));
        await context.sendActivity(greetingReply());
        break;
    }
    this.report(context, 'smalltalk', undefined, undefined, { intent });
  }

  /**
   * A question for the office's contact data ("Wie ist Ihre Telefonnummer?"): answered from the configuration, not
   * the knowledge base, which holds no contact data. Reported as an `answer` without an article, with `intent: 'contact'`.
   */
  private async answerContact(context: TurnContext, question = ''): Promise<void> {
    const data = await this.memoryOf(context);
    data.unansweredInARow = 0;
    await this.options.analytics?.record(context.activity.conversation.id, { type: 'question', outcome: 'answer' });
    const hours = this.options.handoff.officeHours;
    // The ways of contact the question names ("Haben Sie eine E-Mail-Adresse?"), from `_meta/details.yml`.
    const asked = (this.options.knowledge.details?.asked(question) ?? []).flatMap((kind) =>
      kind.officeContact ? [kind.officeContact] : [],
    );
    await context.sendActivity(contactReply(this.options.office, hours && describeOfficeHours(hours), asked));
    this.report(context, 'answer', undefined, undefined, { intent: 'contact' });
  }

  private report(
    context: TurnContext,
    outcome: TurnOutcome['outcome'],
    articleId?: string,
    score?: number,
    details: Pick<TurnOutcome, 'dialog' | 'intent'> = {},
  ): void {
    const { dialog, intent } = details;
    this.options.onOutcome?.({
      outcome,
      articleId,
      score,
      conversationId: context.activity.conversation?.id ?? '',
      ...(dialog && { dialog }),
      ...(intent && { intent }),
    });
  }
}

/** A first draft of the concern for the advisor: the user's last questions (not requests such as "Berater", which `isRequest` tells) and the Förder-Check result. */
export function summarizeConcern(
  data: ConversationData,
  transcript: readonly TranscriptEntry[],
  isRequest: (text: string) => boolean = () => false,
): string | undefined {
  const questions = transcript
    .filter((e) => e.from === 'user' && e.text.length > 12 && !isRequest(e.text))
    .slice(-3)
    .map((e) => e.text);
  const parts: string[] = [];
  if (questions.length > 0) parts.push(`Fragen im Chat: ${questions.join(' / ')}`);
  if (data.eligibility) {
    const verdict = {
      eligible: 'voraussichtlich förderfähig',
      eligible_with_open_points: 'förderfähig mit offenen Punkten',
      not_eligible: 'voraussichtlich nicht förderfähig',
    }[data.eligibility.verdict];
    parts.push(
      `Förder-Check: ${verdict}${data.eligibility.amount ? `, geschätzt ${data.eligibility.amount.toLocaleString('de-DE')} €` : ''}`,
    );
  }
  return parts.length > 0 ? parts.join('. ').slice(0, 900) : undefined;
}

/** What a reply says in words: its text, or the summary of its card (Teams moves the text into a card). */
function visibleText(activity: Partial<Activity>): string | undefined {
  if (activity.text) return activity.text;
  if (activity.speak) return activity.speak;
  const card = activity.attachments?.[0]?.content as { speak?: string; body?: Array<{ text?: string }> } | undefined;
  return card?.speak ?? card?.body?.find((e) => typeof e.text === 'string')?.text;
}
