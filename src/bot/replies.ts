import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction as BotCardAction } from 'botbuilder';
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

/** The answer from an article: short answer, best section, source with date, related topics. */
export function answerReply(article: Article, sections: ArticleSection[], lookup: ArticleLookup): Partial<Activity> {
  const parts = [`**${article.title}**`];
  for (const section of sections) {
    if (section.heading) parts.push(`**${section.heading}**`);
    parts.push(chatMarkdown(section.markdown));
  }
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

/** "Quelle: … · Stand: …", with the version of the programme and any caveat about the date. */
export function sourceLine(article: Article): string {
  // "undatiert" as a version only repeats what the note says about the date.
  const version = article.version && !/^undatiert$/i.test(article.version) ? article.version : undefined;
  const details = [version, article.asOfNote].filter(Boolean).join('; ');
  const stand = `Stand: ${germanDate(article.asOf)}${details ? ` (${details})` : ''}`;
  return `Quelle: [${article.source.title}](${article.source.url}) · ${stand}`;
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
