/**
 * Which Teams conversations the office allows as its advisor channel (`ADVISOR_CHANNEL_ALLOW`): channels
 * (`channel:19:…@thread.tacv2`), whole teams (`team:19:…@thread.tacv2`, any channel of the team) and,
 * optionally, the tenants they must belong to (`tenant:<GUID>`).
 */
export interface AdvisorChannelAllowList {
  tenants: string[];
  teams: string[];
  channels: string[];
}

/** Where a Teams conversation belongs, as its (authenticated) activity says. */
export interface TeamsConversationPlace {
  tenantId?: string;
  teamId?: string;
  /** The channel's conversation id without the `;messageid=…` of a thread. */
  channelId: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Teams thread id, e.g. `19:3f2a…@thread.tacv2`. */
const TEAMS_ID = /^19:[^\s,;]{1,200}$/;

/**
 * Reads an allow-list written as comma-separated `tenant:<GUID>`, `team:<19:… id>` and `channel:<19:… id>`
 * items. Returns the reason (English, for the configuration error) when an item is malformed or
 * when it names no team and no channel (a tenant alone would let anyone in it set the channel).
 *
 * @example
 * ```ts
 * parseAdvisorChannelAllow('tenant:6f1c…-…,channel:19:abc@thread.tacv2');
 * // { tenants: ['6f1c…'], teams: [], channels: ['19:abc@thread.tacv2'] }
 * ```
 */
export function parseAdvisorChannelAllow(text: string): AdvisorChannelAllowList | string {
  const list: AdvisorChannelAllowList = { tenants: [], teams: [], channels: [] };
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) {
    const colon = item.indexOf(':');
    const kind = item.slice(0, colon).toLowerCase();
    const id = item.slice(colon + 1).trim();
    if (kind === 'tenant' && GUID.test(id)) list.tenants.push(id.toLowerCase());
    else if (kind === 'team' && TEAMS_ID.test(id)) list.teams.push(id);
    else if (kind === 'channel' && TEAMS_ID.test(id)) list.channels.push(id);
    else return `"${item}" is not tenant:<tenant GUID>, team:<19:… team id> or channel:<19:… channel id>`;
  }
  if (items.length > 0 && list.teams.length === 0 && list.channels.length === 0) {
    return 'name at least one team:<19:… id> or channel:<19:… id> (a tenant alone would let anyone in it set the advisor channel)';
  }
  return list;
}

/** Whether the allow-list names this conversation's channel or team (and, if it lists tenants, its tenant). Pure. */
export function isAllowedAdvisorChannel(list: AdvisorChannelAllowList | undefined, place: TeamsConversationPlace): boolean {
  if (!list) return false;
  if (list.tenants.length > 0 && !list.tenants.includes((place.tenantId ?? '').toLowerCase())) return false;
  return list.channels.includes(place.channelId) || (place.teamId !== undefined && list.teams.includes(place.teamId));
}
