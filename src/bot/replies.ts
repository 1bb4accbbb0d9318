import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction as BotCardAction } from 'botbuilder';
import { citation } from '../funding/programme-parameters.js';
import type { Candidate } from '../knowledge/answer-engine.js';
import { chatMarkdown } from '../knowledge/markdown.js';
import type { Article, ArticleSection } from '../knowledge/types.js';
import type { CardAction } from './card-actions.js';
import { TEXT, contactText, germanDate, type OfficeContact } from './messages.js';

/** Related topics offered under an answer (with the dialogs, handoff and feedback buttons). */
const MAX_RELATED = 3;

/** Looks up articles by id (to title the related-topic buttons). */
export type ArticleLookup = (id: string) => Article | undefined;

/** A button that sends a payload back (`messageBack`): works in Teams, Web Chat and the terminal. */
export function actionButton(title: string, value: CardAction): BotCardAction {
  return { type: ActionTypes.MessageBack, title, text: title, displayText: title, value };
}

/**
 * The answer from an article: short answer, best section, the programme's validity `notice` (for
 * funding answers, when the programme ends soon or has ended), source with date, related topics.
 */
export function answerReply(article: Article, sections: ArticleSection[], lookup: ArticleLookup, notice?: string): Partial<Activity> {
  const parts = [`**${article.title}**`];
  for (const section of sections) {
    if (section.heading) parts.push(`**${section.heading}**`);
    parts.push(chatMarkdown(section.markdown));
  }
  if (notice) parts.push(`**Hinweis:** ${notice}`);
  parts.push(sourceLine(article));
  const related = article.related
    .map(lookup)
    .filter((a): a is Article => a !== undefined)
    .slice(0, MAX_RELATED)
    .map((a) => actionButton(a.title, { action: 'article', id: a.id }));
  const offers = article.offers.map((dialog) =>
    actionButton(dialog === 'foerder-check' ? TEXT.buttonEligibility : TEXT.buttonApplication, {
      action: 'start',
      dialog: dialog === 'foerder-check' ? 'eligibility' : 'application',
    }),
  );
  const card = CardFactory.heroCard(TEXT.relatedTitle, undefined, [
    ...offers,
    ...related,
    actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
    actionButton(TEXT.buttonHelpful, { action: 'feedback', id: article.id, helpful: true }),
    actionButton(TEXT.buttonNotHelpful, { action: 'feedback', id: article.id, helpful: false }),
  ]);
  return MessageFactory.attachment(card, parts.join('\n\n'));
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

/** Asks which of the close candidates the user meant. */
export function clarifyReply(candidates: Candidate[]): Partial<Activity> {
  const buttons = candidates.map((c) => actionButton(c.article.title, { action: 'article', id: c.article.id }));
  buttons.push(actionButton(TEXT.clarifyNone, { action: 'handoff' }));
  return MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), TEXT.clarify);
}

/** Says honestly that the bot cannot answer, and offers the advisors. */
export function noAnswerReply(reason: 'empty' | 'outside_scope' | 'not_covered', again = false): Partial<Activity> {
  const text = reason === 'empty' ? TEXT.emptyQuestion : reason === 'outside_scope' ? TEXT.outsideScope : again ? TEXT.noAnswerAgain : TEXT.noAnswer;
  return MessageFactory.attachment(
    CardFactory.heroCard('', undefined, [
      actionButton(TEXT.buttonHandoff, { action: 'handoff' }),
      actionButton(TEXT.buttonHelp, { action: 'help' }),
    ]),
    text,
  );
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

/** The way to a human advisor (until the handoff dialog exists: the office's contact data). */
export function handoffReply(office: OfficeContact): Partial<Activity> {
  return MessageFactory.text(contactText(office));
}

/** Text-only replies (help, thanks, …). */
export function textReply(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}
