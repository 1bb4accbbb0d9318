import {
  CardFactory,
  TeamsActivityHandler,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import { adaptiveCard, textBlock } from '../../../dialogs/cards.js';
import { sourceLine } from '../../bot/replies.js';
import type { KnowledgeService } from '../../knowledge/knowledge-service.js';
import { chatMarkdown, markdownToText } from '../../knowledge/markdown.js';
import type { Article } from '../../knowledge/types.js';

/** The search command declared in `appPackage/manifest.json`. */
export const SEARCH_COMMAND_ID = 'searchKnowledge';
/** How many results the compose box lists. */
const MAX_RESULTS = 8;

/**
 * The message extension: staff search the knowledge base from the Teams compose box and insert an
 * answer card (short answer, source and date) into any chat.
 */
export class KnowledgeMessageExtension extends TeamsActivityHandler {
  constructor(private readonly knowledge: () => KnowledgeService) {
    super();
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    if (query.commandId !== SEARCH_COMMAND_ID) {
      return { composeExtension: { type: 'message', text: 'Diese Suche kenne ich nicht.' } };
    }
    const text = String(query.parameters?.find((p) => p.name === 'frage')?.value ?? query.parameters?.[0]?.value ?? '')
      .trim()
      .slice(0, 500);
    if (!text) return { composeExtension: { type: 'message', text: 'Geben Sie ein Stichwort oder eine Frage ein, z. B. „Förderhöhe“.' } };
    const articles = this.knowledge().search(text, MAX_RESULTS);
    if (articles.length === 0) {
      return {
        composeExtension: { type: 'message', text: 'Dazu habe ich nichts Passendes gefunden. Versuchen Sie ein anderes Stichwort.' },
      };
    }
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: articles.map((article) => ({
          ...answerCard(article),
          preview: CardFactory.thumbnailCard(article.title, snippet(article)),
        })),
      },
    };
  }
}

/** An answer card to insert into a chat: title, short answer, source with date, link to the source. */
export function answerCard(article: Article) {
  const intro = article.sections[0]!;
  return adaptiveCard(
    [
      textBlock(article.title, { weight: 'Bolder', size: 'Medium' }),
      textBlock(chatMarkdown(intro.markdown)),
      textBlock(sourceLine(article), { isSubtle: true, size: 'Small' }),
    ],
    // A source without web address (e.g. a press release) gets no link.
    article.source.url ? [{ type: 'Action.OpenUrl', title: 'Zur Quelle', url: article.source.url }] : [],
  );
}

function snippet(article: Article): string {
  const text = markdownToText(article.sections[0]!.markdown);
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}
