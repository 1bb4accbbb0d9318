import type { AdvisorChannelAllowList } from '../config/advisor-channel-allow-parser.js';

/** Where a Teams conversation belongs, as its (authenticated) activity says. */
export interface TeamsConversationPlace {
  tenantId?: string;
  teamId?: string;
  /** The channel's conversation id without the `;messageid=…` of a thread. */
  channelId: string;
}

/** Whether the allow-list names this conversation's channel or team (and, if it lists tenants, its tenant). Pure. */
export function isAllowedAdvisorChannel(list: AdvisorChannelAllowList | undefined, place: TeamsConversationPlace): boolean {
  if (!list) return false;
  if (list.tenants.length > 0 && !list.tenants.includes((place.tenantId ?? '').toLowerCase())) return false;
  return list.channels.includes(place.channelId) || (place.teamId !== undefined && list.teams.includes(place.teamId));
}
