import type { Activity } from 'botbuilder';

/** Activity types a Direct Line client may post. */
export const CLIENT_ACTIVITY_TYPES = ['message', 'event', 'typing'] as const;

/** Longest `text` accepted from a client (the bot itself declines anything over 2,000 characters kindly). */
export const MAX_CLIENT_TEXT = 10_000;

/** The part of a client's activity the channel keeps; everything else is set by the server. */
export type ClientActivity = Partial<
  Pick<Activity, 'text' | 'textFormat' | 'value' | 'name' | 'locale' | 'channelData' | 'attachments' | 'entities' | 'replyToId'>
> & { type: string; localTimestamp?: string; localTimezone?: string };

/** The result of reading a client's activity: the kept fields, or why it was refused (for a 400). */
export type ClientActivityResult = { ok: true; activity: ClientActivity } | { ok: false; error: string };

/**
 * Reads an activity posted by a client. Only known fields of the allowed types pass; ids, sender, recipient,
 * conversation and channel are the server's to set, so a client cannot pose as the bot or another user.
 */
export function readClientActivity(body: unknown): ClientActivityResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('expected a JSON activity object');
  const input = body as Record<string, unknown>;
  const type = input.type;
  if (typeof type !== 'string' || !(CLIENT_ACTIVITY_TYPES as readonly string[]).includes(type)) {
    return fail(`expected "type" to be one of ${CLIENT_ACTIVITY_TYPES.join(', ')}`);
  }
  const activity: ClientActivity = { type };
  for (const key of ['text', 'textFormat', 'name', 'locale', 'localTimezone'] as const) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return fail(`expected "${key}" to be a string`);
    activity[key] = value;
  }
  if ((activity.text?.length ?? 0) > MAX_CLIENT_TEXT) return fail(`"text" is longer than ${MAX_CLIENT_TEXT} characters`);
  if (activity.locale !== undefined && !isLocale(activity.locale)) return fail('expected "locale" to be a language tag');
  if (typeof input.localTimestamp === 'string') activity.localTimestamp = input.localTimestamp;
  if (input.value !== undefined && input.value !== null) {
    // Button payloads are objects; a string is kept for clients that send one.
    if (!isObject(input.value) && typeof input.value !== 'string') return fail('expected "value" to be an object or a string');
    activity.value = input.value;
  }
  if (input.channelData !== undefined && input.channelData !== null) {
    if (!isObject(input.channelData)) return fail('expected "channelData" to be an object');
    activity.channelData = input.channelData;
  }
  for (const key of ['attachments', 'entities'] as const) {
    if (input[key] === undefined || input[key] === null) continue;
    if (!Array.isArray(input[key]) || !input[key].every(isObject)) return fail(`expected "${key}" to be an array of objects`);
    (activity as Record<string, unknown>)[key] = input[key];
  }
  if (input.replyToId !== undefined && input.replyToId !== null) {
    if (typeof input.replyToId !== 'string') return fail('expected "replyToId" to be a string');
    activity.replyToId = decodeActivityId(input.replyToId);
  }
  return { ok: true, activity };
}

/** Direct Line ids contain `|`, which clients often send URL-encoded (`%7C`); both forms mean the same id. */
export function decodeActivityId(id: string): string {
  if (!id.includes('%')) return id;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** A BCP 47-like language tag (`de`, `de-DE`, `en-US`). */
export function isLocale(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(error: string): ClientActivityResult {
  return { ok: false, error };
}
