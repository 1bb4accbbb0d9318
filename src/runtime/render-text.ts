import type { Activity, CardAction } from 'botbuilder';

/** A button of a reply, with the activity that pressing it sends. */
export interface RenderedButton {
  title: string;
  press: Partial<Activity>;
}

/** A reply as a terminal shows it: text (cards included) and the numbered buttons. */
export interface RenderedReply {
  text: string;
  buttons: RenderedButton[];
}

/**
 * Renders bot replies as plain text for terminals and the evaluation: Markdown emphasis removed,
 * links as "label (url)", card titles and texts included, buttons collected in order.
 */
export function renderReplies(activities: Partial<Activity>[]): RenderedReply {
  const lines: string[] = [];
  const buttons: RenderedButton[] = [];
  for (const activity of activities) {
    if (activity.type && activity.type !== 'message') continue;
    if (activity.text) lines.push(plainMarkdown(activity.text));
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
        renderAdaptiveCard(attachment.content as AdaptiveElement, lines, buttons);
        continue;
      }
      const content = attachment.content as { title?: string; subtitle?: string; text?: string; buttons?: CardAction[] } | undefined;
      if (!content) continue;
      for (const part of [content.title, content.subtitle, content.text]) if (part) lines.push(plainMarkdown(part));
      for (const action of content.buttons ?? []) buttons.push(toButton(action));
    }
    for (const action of activity.suggestedActions?.actions ?? []) buttons.push(toButton(action));
  }
  return { text: lines.join('\n\n'), buttons };
}

/** The reply as one text with the buttons listed as `[n] title` lines (what a terminal user sees). */
export function formatForTerminal(reply: RenderedReply): string {
  const buttonLines = reply.buttons.map((b, i) => `  [${i + 1}] ${b.title}`);
  return [reply.text, ...(buttonLines.length > 0 ? ['', ...buttonLines] : [])].join('\n');
}

/** The parts of an Adaptive Card a terminal shows: texts, facts, and submit/open-URL actions. */
interface AdaptiveElement {
  type?: string;
  text?: string;
  title?: string;
  url?: string;
  data?: unknown;
  body?: AdaptiveElement[];
  items?: AdaptiveElement[];
  columns?: AdaptiveElement[];
  facts?: Array<{ title: string; value: string }>;
  actions?: AdaptiveElement[];
}

function renderAdaptiveCard(element: AdaptiveElement, lines: string[], buttons: RenderedButton[]): void {
  if (element.type === 'TextBlock' && element.text) lines.push(plainMarkdown(element.text));
  for (const fact of element.facts ?? []) lines.push(`${fact.title}: ${fact.value}`);
  for (const child of [...(element.body ?? []), ...(element.items ?? []), ...(element.columns ?? [])])
    renderAdaptiveCard(child, lines, buttons);
  for (const action of element.actions ?? []) {
    if (action.type === 'Action.Submit' || action.type === 'Action.Execute') {
      buttons.push({ title: action.title ?? '', press: { type: 'message', text: '', value: action.data } });
    } else if (action.type === 'Action.OpenUrl') {
      buttons.push({ title: `${action.title ?? ''} (${action.url ?? ''})`, press: { type: 'message', text: action.title ?? '' } });
    }
  }
}

function toButton(action: CardAction): RenderedButton {
  const title = action.title ?? String(action.value ?? '');
  if (action.type === 'messageBack') {
    return { title, press: { type: 'message', text: action.text ?? action.displayText ?? title, value: action.value } };
  }
  if (action.type === 'openUrl') return { title: `${title} (${String(action.value)})`, press: { type: 'message', text: title } };
  return { title, press: { type: 'message', text: typeof action.value === 'string' ? action.value : title } };
}

function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/^- /gm, '• ');
}
