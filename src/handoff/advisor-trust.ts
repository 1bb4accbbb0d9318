import type { TurnContext } from 'botbuilder';

/**
 * How the activity of a turn reached the bot:
 * - `bot-framework`: an HTTP request whose Bot Framework token was verified (the channel, e.g. Teams, vouches
 *   for the conversation, the sender and the channel data);
 * - `anonymous`: an HTTP request in local anonymous mode (no `MicrosoftAppId`): anyone who can reach
 *   `/api/messages` could have written any of it;
 * - `none`: not through the Bot Framework at all (the self-hosted web chat, the terminal): typed by the user.
 */
export type TurnAuthentication = 'bot-framework' | 'anonymous' | 'none';

/** The part of botbuilder's `ClaimsIdentity` that is read here. */
interface Identity {
  isAuthenticated?: boolean;
  authenticationType?: string | boolean;
  claims?: Array<{ type: string; value: string }>;
}

/**
 * Reads how the turn was authenticated from the identity `CloudAdapter` stores in the turn state (pure).
 * In local anonymous mode botbuilder marks its empty identity as "authenticated" with the type `anonymous`,
 * so the flag alone says nothing: a verified token has claims, among them its audience (the bot's app id).
 */
export function turnAuthentication(context: TurnContext): TurnAuthentication {
  const identity = context.turnState.get<Identity | undefined>(context.adapter.BotIdentityKey);
  if (!identity) return 'none';
  if (identity.authenticationType === 'anonymous') return 'anonymous';
  const verified = identity.isAuthenticated === true && (identity.claims ?? []).some((claim) => claim.type === 'aud' && claim.value !== '');
  return verified ? 'bot-framework' : 'anonymous';
}

/**
 * Whether a turn may carry an advisor action (claim, close, a relayed reply, the advisor-channel command, a
 * hub's `handoff.status`): verified by the Bot Framework, or — only with the explicitly unsafe local option
 * `UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS` — an anonymous request. Never a web-chat or terminal turn.
 */
export function mayActAsAdvisor(context: TurnContext, allowUnauthenticated: boolean): boolean {
  const how = turnAuthentication(context);
  return how === 'bot-framework' || (how === 'anonymous' && allowUnauthenticated);
}
