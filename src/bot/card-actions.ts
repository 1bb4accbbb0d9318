import { stripControlCharacters } from './safe-text.js';

/**
 * Payloads of the buttons the bot shows (sent back as the activity's `value` by `messageBack`).
 * Every channel returns them unchanged, so the bot never has to parse button titles.
 */
export type CardAction =
  | { action: 'article'; id: string }
  | { action: 'handoff' }
  | { action: 'help' }
  | { action: 'restart' }
  | { action: 'start'; dialog: GuidedDialog }
  | { action: 'checklist_text' }
  /** 👍 / 👎 under an answer. */
  | { action: 'feedback'; id: string; helpful: boolean }
  /** A suggested question: handled as if the user had typed `text`. */
  | { action: 'ask'; text: string };

/** The guided dialogs a button or a message can start. */
export type GuidedDialog = 'eligibility' | 'application';

/** Reads a button payload from an activity value; anything else (forged or foreign) is `undefined`. */
export function parseCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { action, id, dialog } = value as { action?: unknown; id?: unknown; dialog?: unknown };
  if (action === 'article' && typeof id === 'string' && /^[a-z0-9-]{1,100}$/.test(id)) return { action, id };
  if (action === 'handoff' || action === 'help' || action === 'restart' || action === 'checklist_text') return { action };
  if (action === 'start' && (dialog === 'eligibility' || dialog === 'application')) return { action, dialog };
  const { helpful } = value as { helpful?: unknown };
  if (action === 'feedback' && typeof id === 'string' && /^[a-z0-9-]{1,100}$/.test(id) && typeof helpful === 'boolean')
    return { action, id, helpful };
  const { text } = value as { text?: unknown };
  if (action === 'ask' && typeof text === 'string' && text.length <= 500) {
    const clean = stripControlCharacters(text).trim();
    if (clean) return { action, text: clean };
  }
  return undefined;
}
