/**
 * The shape of an activity posted to `/api/messages`, checked at the edge: the fields the bot (and botbuilder)
 * read must have the types the Bot Framework schema gives them, so a `text: 5` or `membersAdded: "x"` is
 * refused with 400 instead of failing inside the turn (where the error handler resets the user's state).
 * Unknown fields pass untouched; `null` counts as absent, as channels send it for empty fields.
 */

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

/** An object whose listed fields, where present, pass their checks. */
const objectWith =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isObject(value) && Object.entries(fields).every(([key, check]) => absent(value[key]) || check(value[key]));
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const nonEmptyString: Check = (value) => typeof value === 'string' && value !== '';

const ACCOUNT_FIELDS = { name: isString, role: isString, aadObjectId: isString };
/** A channel account with an id (`from`, `recipient`, members). */
const isAccount: Check = (value) => objectWith(ACCOUNT_FIELDS)(value) && nonEmptyString((value as { id?: unknown }).id);
const isConversation: Check = (value) =>
  objectWith({ isGroup: isBoolean, conversationType: isString, tenantId: isString, name: isString })(value) &&
  nonEmptyString((value as { id?: unknown }).id);

/** Optional fields and what they must be when present. */
const OPTIONAL_FIELDS: Record<string, [Check, string]> = {
  id: [isString, 'a string'],
  channelId: [isString, 'a string'],
  text: [isString, 'a string'],
  textFormat: [isString, 'a string'],
  speak: [isString, 'a string'],
  locale: [isString, 'a string'],
  localTimezone: [isString, 'a string'],
  timestamp: [isString, 'a string'],
  localTimestamp: [isString, 'a string'],
  name: [isString, 'a string'],
  action: [isString, 'a string'],
  replyToId: [isString, 'a string'],
  recipient: [isAccount, 'an account with an id'],
  membersAdded: [arrayOf(isAccount), 'an array of accounts with ids'],
  membersRemoved: [arrayOf(isAccount), 'an array of accounts with ids'],
  attachments: [arrayOf(objectWith({ contentType: isString, contentUrl: isString, name: isString })), 'an array of attachment objects'],
  entities: [arrayOf(objectWith({ type: isString })), 'an array of entity objects'],
  channelData: [isObject, 'an object'],
};

/**
 * What makes a posted activity unusable (for the 400's message), or `undefined` when its shape is fine.
 *
 * @example
 * ```ts
 * activityShapeError({ type: 'message', text: 5, ... }); // 'invalid text: expected a string'
 * ```
 */
export function activityShapeError(body: unknown): string | undefined {
  if (!isObject(body)) return 'expected a JSON object';
  if (!nonEmptyString(body.type) || (body.type as string).trim() === '') return 'missing type';
  if (!isObject(body.conversation) || !nonEmptyString(body.conversation.id)) return 'missing conversation.id';
  if (!isConversation(body.conversation))
    return 'invalid conversation: expected isGroup a boolean and conversationType, tenantId, name strings';
  if (!isObject(body.from) || !nonEmptyString(body.from.id)) return 'missing from.id';
  if (!isAccount(body.from)) return 'invalid from: expected name, role, aadObjectId strings';
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\//i.test(body.serviceUrl)) return 'missing or invalid serviceUrl';
  for (const [field, [check, expected]] of Object.entries(OPTIONAL_FIELDS)) {
    if (!absent(body[field]) && !check(body[field])) return `invalid ${field}: expected ${expected}`;
  }
  // Invokes carry their data as an object (card actions, message extension queries); messages may carry text.
  if (!absent(body.value)) {
    if (body.type === 'invoke' ? !isObject(body.value) : !isObject(body.value) && !isString(body.value)) {
      return `invalid value: expected an object${body.type === 'invoke' ? '' : ' or a string'}`;
    }
  }
  return undefined;
}
