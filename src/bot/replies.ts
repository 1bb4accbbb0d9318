import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction as BotCardAction } from 'botbuilder';
import { euro, type GrantCase, type GrantFigure } from '../funding/grant-amounts.js';
import { citation, type ProgrammeVersion } from '../funding/programme-parameters.js';
import type { AnswerDecision, Candidate } from '../knowledge/answer-engine.js';
import type { OfficeContactField } from '../knowledge/detail-kinds.js';
import { chatMarkdown } from '../knowledge/markdown.js';
import type { Article, ArticleSection } from '../knowledge/types.js';
import { countWord } from '../understanding/german-numbers.js';
import { keySentences } from '../understanding/sentences.js';
import type { CardAction, GuidedDialog } from './card-actions.js';
import { TEXT, contactAnswerText, contactText, germanDate, type OfficeContact } from './messages.js';
import { germanNumber } from '../shared/german-format.js';

/** Related topics offered under an answer (with the dialogs, handoff and feedback buttons). */
const MAX_RELATED = 3;

/** Looks up articles by id (to title the related-topic buttons). */
export type ArticleLookup = (id: string) => Article | undefined;

/** A button that sends a payload back (`messageBack`): works in Teams, Web Chat and the terminal. */
export function actionButton(title: string, value: CardAction): BotCardAction {
  return { type: ActionTypes.MessageBack, title, text: title, displayText: title, value };
}

/** What an answer may add: the topic a follow-up was read against, further questions of the message as buttons, the validity notice. */
export interface AnswerExtras {
  /** Title of the previous topic, shown as "Bezogen auf: …" above the answer. */
  relatedTo?: string;
  /** Further questions of the same message, offered as buttons that ask them. */
  further?: readonly string[];
  /** A guided dialog the message asked for, offered as the first button. */
  offerDialog?: GuidedDialog;
  /** The programme's validity notice (funding answers, when the programme ends soon or has ended). */
  notice?: string;
  /** A line about the user's case under the answer: its computed amount, or why the rule does not apply. */
  grantLine?: string;
  /** The number the bot needs to compute the user's amount, asked under the answer. */
  grantAsk?: string;
  /** What the programme's rules say about points of the user's plan ("nur wir zwei", "als GmbH"), one line each. */
  planPoints?: readonly string[];
  /** The office's contact data, first under the title, when the question asked for it (a phone number of the office). */
  contact?: string;
  /** What the question asked for that the article lacks ("Eine Frist dafür steht nicht in meinen Informationen."). */
  missing?: readonly string[];
}

/** The answer from an article: short answer, best section, validity notice, source with date, related topics. */
export function answerReply(
  article: Article,
  sections: ArticleSection[],
  lookup: ArticleLookup,
  extras: AnswerExtras = {},
): Partial<Activity> {
  const parts = extras.relatedTo ? [TEXT.relatedToTopic.replace('{title}', extras.relatedTo)] : [];
  parts.push(`**${article.title}**`);
  if (extras.contact) parts.push(TEXT.contactLine.replace('{contact}', extras.contact));
  if (extras.missing?.length) parts.push(TEXT.missingDetailInAnswer.replace('{missing}', extras.missing.join(' ')));
  for (const section of sections) {
    if (section.heading) parts.push(`**${section.heading}**`);
    parts.push(chatMarkdown(section.markdown));
  }
  if (extras.grantLine) parts.push(extras.grantLine);
  if (extras.grantAsk) parts.push(TEXT.grantAsk.replace('{question}', extras.grantAsk));
  if (extras.planPoints?.length) parts.push([TEXT.planPoints, ...extras.planPoints.map((line) => `• ${line}`)].join('\n'));
  if (extras.notice) parts.push(`**Hinweis:** ${extras.notice}`);
  parts.push(sourceLine(article));
  if (extras.offerDialog) parts.push(offerText(extras.offerDialog));
  parts.push(...furtherLines(extras.further));
  const related = article.related
    .map(lookup)
    .filter((a): a is Article => a !== undefined)
    .slice(0, MAX_RELATED)
    .map((a) => actionButton(a.title, { action: 'article', id: a.id }));
  const card = CardFactory.heroCard(TEXT.relatedTitle, undefined, [
    ...furtherButtons(extras.further),
    ...offeredDialogs([article], extras.offerDialog),
    ...related,
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
    actionButton(TEXT.buttonHelpful, { action: 'feedback', id: article.id, helpful: true }),
    actionButton(TEXT.buttonNotHelpful, { action: 'feedback', id: article.id, helpful: false }),
  ]);
  return MessageFactory.attachment(card, parts.join('\n\n'));
}

/** A computed figure to show: an amount, or the most a case can get while a number is missing. */
export type ShownFigure =
  | Extract<GrantFigure, { status: 'amount' }>
  | (Extract<GrantFigure, { status: 'missing' }> & { upTo: NonNullable<Extract<GrantFigure, { status: 'missing' }>['upTo']> });

/** True when a figure has an amount to show (also "höchstens …" while the debt is missing). */
export function isShownFigure(figure: GrantFigure): figure is ShownFigure {
  return figure.status === 'amount' || (figure.status === 'missing' && figure.upTo !== undefined);
}

/**
 * The amount for the user's case, computed by the programme's rules: the figure first ("**In der Regel
 * 100.000 €** für eine Kooperation von fünf Kommunen (mehr als drei Partner) · Stand: RV 2021"), how it
 * was computed, the rule and its source, the caveats (proportionality, no legal claim), the validity
 * notice when due, a missing number asked for, and the buttons: Förder-Check, the article, Beratung
 * (with "Antrag stellen" first when the message asked for it).
 */
export function grantReply(
  figure: ShownFigure,
  grantCase: GrantCase,
  version: ProgrammeVersion,
  article: Article | undefined,
  extras: Pick<AnswerExtras, 'notice' | 'relatedTo' | 'offerDialog' | 'further'> = {},
): Partial<Activity> {
  const amount = figure.status === 'amount' ? figure.amount : figure.upTo.amount;
  const calculation = figure.status === 'amount' ? figure.calculation : figure.upTo.calculation;
  const notes = figure.status === 'amount' ? figure.notes : figure.upTo.notes;
  const headline = figure.status === 'amount' ? TEXT.grantHeadline : TEXT.grantHeadlineUpTo;
  const parts = extras.relatedTo ? [TEXT.relatedToTopic.replace('{title}', extras.relatedTo)] : [];
  parts.push(
    headline.replace('{amount}', euro(amount)).replace('{subject}', grantSubject(grantCase, version)).replace('{asOf}', figure.asOf),
  );
  parts.push(TEXT.grantCalculation.replace('{calculation}', calculation), TEXT.grantRule.replace('{rule}', figure.rule));
  parts.push(notes.map((note) => `- ${note}`).join('\n'));
  if (figure.status === 'missing') parts.push(figure.question);
  if (extras.notice) parts.push(`**Hinweis:** ${extras.notice}`);
  // The article explaining the rule gives the source with its date; without it, the rule's own source.
  // The message asked for the check ("… mit wie viel können wir rechnen?" as a request): offered as such.
  parts.push(
    article ? sourceLine(article) : `Quelle: ${citation(figure.source)}`,
    extras.offerDialog ? offerText(extras.offerDialog) : TEXT.grantCheck,
  );
  parts.push(...furtherLines(extras.further));
  const card = CardFactory.heroCard(TEXT.relatedTitle, undefined, [
    ...furtherButtons(extras.further),
    ...(extras.offerDialog === 'application' ? dialogButtons('application') : []),
    actionButton(TEXT.buttonEligibility, { action: 'start', dialog: 'eligibility' }),
    ...(article ? [actionButton(article.title, { action: 'article', id: article.id })] : []),
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
    ...(article
      ? [
          actionButton(TEXT.buttonHelpful, { action: 'feedback', id: article.id, helpful: true }),
          actionButton(TEXT.buttonNotHelpful, { action: 'feedback', id: article.id, helpful: false }),
        ]
      : []),
  ]);
  return MessageFactory.attachment(card, parts.join('\n\n'));
}

/** The computed amount as one line under an answer about something else ("Gibt das Land Geld dazu, wenn …?"). */
export function grantLine(figure: Extract<GrantFigure, { status: 'amount' }>, grantCase: GrantCase, version: ProgrammeVersion): string {
  return TEXT.grantLine
    .replace('{amount}', euro(figure.amount))
    .replace('{subject}', grantSubject(grantCase, version))
    .replace('{calculation}', figure.calculation)
    .replace('{asOf}', figure.asOf);
}

/** What a computed case is, in words: "für eine Kooperation von fünf Kommunen (mehr als drei Partner)". */
export function grantSubject(grantCase: GrantCase, version: ProgrammeVersion): string {
  switch (grantCase.kind) {
    case 'kooperation': {
      const n = grantCase.partners ?? 0;
      const three = version.rules.partners.regular_minimum;
      const condition = n > three ? ` (mehr als ${countWord(three)} Partner)` : n < three ? ' (nur als anerkannter Ausnahmefall)' : '';
      return `für eine Kooperation von ${countWord(n)} Kommunen${condition}`;
    }
    case 'gvv':
      return `für einen Gemeindeverwaltungsverband aus ${countWord(grantCase.members ?? 0)} Gemeinden`;
    case 'feuerwehr':
      return `für die Fusion von ${countWord(grantCase.brigades ?? 0)} Ortsteilfeuerwehren`;
    case 'entschuldung':
      return `Entschuldungshilfe für eine neue Gemeinde mit ${germanNumber(grantCase.inhabitants ?? 0)} Einwohnern`;
    case 'einsparung':
      return `Einsparung pro Jahr als Mindestziel bei heutigen Personal- und Sachkosten von ${euro(grantCase.costs ?? 0)}`;
  }
}

/**
 * Two questions of one message with answers from two articles: each short (the intro's key sentences, the
 * best section), with its source. An answer whose article lacks the detail its question asked for
 * (`missing`) says so instead, and names the article as a related topic.
 */
export function twoAnswersReply(
  answers: ReadonlyArray<{
    article: Article;
    sections: ArticleSection[];
    missing?: readonly string[];
    contact?: string;
    grantLine?: string;
    /** The intro's key sentences for this question (see `keySentences`); by default its opening ones. */
    lead?: string;
  }>,
  further: readonly string[] = [],
  extras: Pick<AnswerExtras, 'notice' | 'offerDialog'> = {},
): Partial<Activity> {
  const parts: string[] = [TEXT.twoAnswersIntro];
  answers.forEach(({ article, sections, missing, contact, grantLine: line, lead }, i) => {
    if (missing?.length) {
      parts.push(`**${i + 1}.** ${missing.join(' ')}`, TEXT.relatedTopic.replace('{title}', article.title));
      return;
    }
    // The key sentences of the intro, and the section that answers the question, if one does.
    const section = sections.find((s) => s.heading !== null);
    parts.push(`**${i + 1}. ${article.title}**`);
    if (contact) parts.push(TEXT.contactLine.replace('{contact}', contact));
    if (line) parts.push(line);
    parts.push(chatMarkdown(lead ?? keySentences(article.sections[0]?.markdown ?? '', SHORT_INTRO_CHARS)));
    if (section) parts.push(`_${section.heading}_`, chatMarkdown(section.markdown));
    parts.push(sourceLine(article));
  });
  if (extras.notice) parts.push(`**Hinweis:** ${extras.notice}`);
  if (extras.offerDialog) parts.push(offerText(extras.offerDialog));
  parts.push(...furtherLines(further));
  const card = CardFactory.heroCard(TEXT.relatedTitle, undefined, [
    ...furtherButtons(further),
    ...offeredDialogs(
      answers.map((a) => a.article),
      extras.offerDialog,
    ),
    ...answers.map(({ article }) => actionButton(article.title, { action: 'article', id: article.id })),
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
  ]);
  return MessageFactory.attachment(card, parts.join('\n\n'));
}

/** About how long the intro's part of each answer to two questions is (characters). */
export const SHORT_INTRO_CHARS = 300;

/** About how long the intro's part of each side of a comparison is (characters). */
const INTRO_CHARS = 260;

/**
 * A comparison: the key statement of each side's article (its intro, shortened), each with its source; in a comparison
 * of amounts, each side's computed amount (`grantLine`) and the programme's validity `notice`.
 */
export function comparisonReply(
  sides: ReadonlyArray<{ article: Article; grantLine?: string }>,
  overview?: Article,
  notice?: string,
): Partial<Activity> {
  const [left, right] = sides.map((side) => titleHead(side.article.title));
  const parts: string[] = [TEXT.comparisonIntro.replace('{left}', left ?? '').replace('{right}', right ?? '')];
  for (const { article, grantLine } of sides) {
    // The intro's key statement, and the first section's (what the thing is: "Bei der Delegation übernimmt …").
    const [intro, first] = article.sections;
    const key = [
      keySentences(intro?.markdown ?? '', INTRO_CHARS),
      first && !/^- /m.test(first.markdown) ? keySentences(first.markdown, 1) : '',
    ];
    parts.push(`**${titleHead(article.title)}:** ${chatMarkdown(key.filter(Boolean).join(' '))}`);
    if (grantLine) parts.push(grantLine);
    parts.push(sourceLine(article));
  }
  if (notice) parts.push(`**Hinweis:** ${notice}`);
  const card = CardFactory.heroCard(TEXT.relatedTitle, undefined, [
    ...sides.map(({ article }) => actionButton(article.title, { action: 'article', id: article.id })),
    ...(overview ? [actionButton(`${TEXT.comparisonOverview}: ${overview.title}`, { action: 'article', id: overview.id })] : []),
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
  ]);
  return MessageFactory.attachment(card, parts.join('\n\n'));
}

/**
 * The question asked for details (a phone number, a paragraph …) that the nearest articles lack: says so
 * honestly, offers the advisors (plainly the second time in a row) and the articles as related topics.
 */
export function missingDetailReply(
  missing: readonly string[],
  related: readonly Article[],
  again = false,
  offerDialog?: GuidedDialog,
): Partial<Activity> {
  const parts = [missing.join(' '), again ? TEXT.missingDetailAgain : TEXT.missingDetail];
  if (related.length === 1) parts.push(TEXT.relatedTopic.replace('{title}', related[0]!.title));
  else if (related.length > 1) parts.push(TEXT.relatedTopics.replace('{titles}', related.map((a) => `„${a.title}“`).join(', ')));
  if (offerDialog) parts.push(offerText(offerDialog));
  const buttons = [
    ...dialogButtons(offerDialog),
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
    ...related.map((article) => actionButton(article.title, { action: 'article', id: article.id })),
    actionButton(TEXT.buttonHelp, { action: 'help' }),
  ];
  return MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), parts.join('\n\n'));
}

/** Asks, inside a guided dialog, whether to leave it for the handoff (Ja / Nein). */
export function leaveDialogForHandoffReply(dialogName: string): Partial<Activity> {
  return MessageFactory.suggestedActions(
    [TEXT.buttonLeaveForHandoff, TEXT.buttonStayInDialog],
    TEXT.leaveDialogForHandoff.replace('{dialog}', dialogName),
  );
}

/** "Zweckverband: eigenständige juristische Person" → "Zweckverband": what an article is about, without its subtitle. */
function titleHead(title: string): string {
  return title.split(/\s*[:(–]\s*/)[0]!.trim() || title;
}

/** A further question of the message, as a button: its text shortened for the button, asked in full. */
function furtherButtons(further: readonly string[] = []): BotCardAction[] {
  return further.map((question) => actionButton(shorten(question, 80), { action: 'ask', text: question.slice(0, 500) }));
}

function furtherLines(further: readonly string[] = []): string[] {
  return further.length > 0 ? [`${TEXT.furtherQuestionTitle} ${further.map((q) => `„${q}“`).join(', ')}`] : [];
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * "Quelle: … · Stand: …", with the version of the programme and any caveat about the date. A source
 * without web address shows its title and year; a date known only to the month or year is shown so;
 * an undated source says so and when it was checked.
 */
export function sourceLine(article: Article): string {
  // "undatiert" as a version only repeats what the note says about the date.
  const version = article.version && !/^undatiert$/i.test(article.version) ? article.version : undefined;
  const details = [version, article.asOfNote].filter(Boolean).join('; ');
  return `Quelle: ${citation(article.source)} · ${asOfText(article)}${details ? ` (${details})` : ''}`;
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** The article's date as exactly as it is known: "Stand: 07.12.2021", "Stand: Mai 2020", "Stand: 2025", or "Quelle undatiert, geprüft November 2026". */
function asOfText(article: Article): string {
  const [year, month] = article.asOf.split('-');
  const monthYear = `${MONTHS[Number(month) - 1]} ${year}`;
  switch (article.asOfPrecision ?? 'day') {
    case 'undated':
      return `Quelle undatiert, geprüft ${monthYear}`;
    case 'year':
      return `Stand: ${year}`;
    case 'month':
      return `Stand: ${monthYear}`;
    case 'day':
      return `Stand: ${germanDate(article.asOf)}`;
  }
}

/** Asks which of the close candidates the user meant (with a dialog the message asked for offered first). */
export function clarifyReply(candidates: Candidate[], offerDialog?: GuidedDialog): Partial<Activity> {
  const buttons = [
    ...dialogButtons(offerDialog),
    ...candidates.map((c) => actionButton(c.article.title, { action: 'article', id: c.article.id })),
  ];
  buttons.push(actionButton(TEXT.clarifyNone, { action: 'handoff' }));
  const text = offerDialog ? `${TEXT.clarify}\n\n${offerText(offerDialog)}` : TEXT.clarify;
  return MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), text);
}

/** Says honestly that the bot cannot answer, and offers the advisors (and a dialog the message asked for). */
export function noAnswerReply(
  reason: Extract<AnswerDecision, { outcome: 'no_answer' }>['reason'],
  again = false,
  offerDialog?: GuidedDialog,
): Partial<Activity> {
  const text =
    reason === 'empty' ? TEXT.emptyQuestion : reason === 'outside_scope' ? TEXT.outsideScope : again ? TEXT.noAnswerAgain : TEXT.noAnswer;
  return MessageFactory.attachment(
    CardFactory.heroCard('', undefined, [
      ...dialogButtons(offerDialog),
      actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
      actionButton(TEXT.buttonHelp, { action: 'help' }),
    ]),
    offerDialog ? `${text}\n\n${offerText(offerDialog)}` : text,
  );
}

/** The dialogs the articles offer (`offers`), the one the message asked for first. */
function offeredDialogs(articles: readonly Article[], asked: GuidedDialog | undefined): BotCardAction[] {
  const offered = articles.flatMap((a) =>
    a.offers.map((offer): GuidedDialog => (offer === 'foerder-check' ? 'eligibility' : 'application')),
  );
  return [...new Set([...(asked ? [asked] : []), ...offered])].map((dialog) =>
    actionButton(dialog === 'eligibility' ? TEXT.buttonEligibility : TEXT.buttonApplication, { action: 'start', dialog }),
  );
}

function dialogButtons(dialog: GuidedDialog | undefined): BotCardAction[] {
  return offeredDialogs([], dialog);
}

function offerText(dialog: GuidedDialog): string {
  return dialog === 'eligibility' ? TEXT.offerEligibility : TEXT.offerApplication;
}

/** Greeting on joining: what the bot can do, with suggested first questions. */
export function greetingReply(): Partial<Activity> {
  return MessageFactory.suggestedActions(
    [
      actionButton(TEXT.buttonEligibility, { action: 'start', dialog: 'eligibility' }),
      actionButton(TEXT.buttonApplication, { action: 'start', dialog: 'application' }),
      ...TEXT.suggestedQuestions.map((q) => ({ type: ActionTypes.ImBack, title: q, value: q })),
      actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
    ],
    TEXT.greeting,
  );
}

/** The office's contact data from the configuration (`contactAnswerText`), with the button to hand over to an advisor. */
export function contactReply(office: OfficeContact, hours?: string, asked: readonly OfficeContactField[] = []): Partial<Activity> {
  const card = CardFactory.heroCard('', undefined, [actionButton(TEXT.buttonHandoff, { action: 'handoff' })]);
  return MessageFactory.attachment(card, contactAnswerText(office, hours, asked));
}

/** The way to a human advisor (until the handoff dialog exists: the office's contact data). */
export function handoffReply(office: OfficeContact): Partial<Activity> {
  return MessageFactory.text(contactText(office));
}

/** Text-only replies (help, thanks, …). */
export function textReply(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}
