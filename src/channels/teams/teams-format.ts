import type { Activity, Attachment, CardAction } from 'botbuilder';
import { adaptiveCard, submitAction, textBlock, type CardElement } from '../../../dialogs/cards.js';

const HERO_CARD = 'application/vnd.microsoft.card.hero';
/** Teams shows at most six actions on a card. */
const MAX_TEAMS_ACTIONS = 6;

/**
 * Reshapes an outgoing message for Teams (pure): the text and hero-card buttons become one Adaptive
 * Card, since Teams renders those consistently in personal chat, group chats and channels, and
 * suggested actions (which Teams drops outside personal chat) become card actions too. Buttons with a
 * payload post it back as the activity's `value`; plain question buttons send an `ask` payload with their text.
 * Other messages pass unchanged.
 */
export function formatForTeams(activity: Partial<Activity>): Partial<Activity> {
  if (activity.type !== undefined && activity.type !== 'message') return activity;
  const heroCards = (activity.attachments ?? []).filter((a) => a.contentType === HERO_CARD);
  const suggested = activity.suggestedActions?.actions ?? [];
  if (heroCards.length === 0 && suggested.length === 0) return activity;

  const body: CardElement[] = [];
  if (activity.text) body.push(textBlock(activity.text));
  const actions: CardElement[] = [];
  for (const card of heroCards) {
    const content = card.content as { title?: string; text?: string; buttons?: CardAction[] };
    if (content.title) body.push(textBlock(content.title, { weight: 'Bolder', spacing: 'Medium' }));
    if (content.text) body.push(textBlock(content.text));
    actions.push(...(content.buttons ?? []).map(toSubmit));
  }
  actions.push(...suggested.map(toSubmit));
  const others: Attachment[] = (activity.attachments ?? []).filter((a) => a.contentType !== HERO_CARD);
  const { suggestedActions: _dropped, ...rest } = activity;
  return {
    ...rest,
    text: undefined,
    // Teams shows six card actions at most; further buttons go into an action set in the card's body.
    attachments: [
      adaptiveCard(
        actions.length > MAX_TEAMS_ACTIONS ? [...body, { type: 'ActionSet', actions: actions.slice(MAX_TEAMS_ACTIONS) }] : body,
        actions.slice(0, MAX_TEAMS_ACTIONS),
        activity.text ? plain(activity.text) : undefined,
      ),
      ...others,
    ],
  };
}

function toSubmit(action: CardAction): CardElement {
  const title = action.title ?? String(action.value ?? '');
  if (action.type === 'openUrl') return { type: 'Action.OpenUrl', title, url: String(action.value) };
  if (action.type === 'messageBack' && typeof action.value === 'object' && action.value !== null) {
    // The payload comes back as the activity's `value`; the bot routes it (article, dialog, handoff …).
    return submitAction(title, { ...action.value });
  }
  // A button that just says something (a suggested question): its text travels as an `ask` payload.
  const text = action.type === 'messageBack' ? (action.text ?? title) : String(action.value ?? title);
  return submitAction(title, { action: 'ask', text });
}

/** Text for screen readers (`speak`): Markdown removed. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_`#]/g, '')
    .slice(0, 500);
}
