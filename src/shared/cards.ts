import { CardFactory, type Attachment } from 'botbuilder';

/** Adaptive Card schema version: the newest that Teams and Web Chat both render. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** A minimal Adaptive Card element (the parts this project uses). */
export type CardElement = Record<string, unknown>;

/** A wrapped text block; `options` sets size, weight, colour, subtlety. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A button that posts `data` back to the bot (Teams and Web Chat send it as the activity's `value`). */
export function submitAction(title: string, data: object): CardElement {
  return { type: 'Action.Submit', title, data };
}

/** An Adaptive Card attachment. */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], speak?: string): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    ...(speak ? { speak } : {}),
    body,
    actions,
  });
}
