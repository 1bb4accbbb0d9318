import { TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { AdvisorChannelCodes, CHANNEL_CODE_TTL_MS } from '../src/handoff/advisor-channel-codes.js';
import { AdvisorDesk } from '../src/handoff/advisor-desk.js';
import { CaseService } from '../src/handoff/case-service.js';
import { silentLogger } from '../src/logging/logger.js';
import { MemoryKeyValueStore } from '../src/storage/key-value-store.js';

const CHANNEL = '19:beratung@thread.tacv2';
/** What CloudAdapter stores for a request whose Bot Framework token it verified (`ClaimsIdentity`'s fields). */
const VERIFIED = { claims: [{ type: 'aud', value: 'bot-app-id' }], authenticationType: true, isAuthenticated: true };
/** What it stores in local anonymous mode. */
const ANONYMOUS = { claims: [], authenticationType: 'anonymous', isAuthenticated: true };

const CHANNEL_REFERENCE = { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: CHANNEL, tenantId: 't1' } };

/**
 * A desk with a stored advisor channel (tenant t1; `legacy`: stored as versions before the allow-list did) and
 * one open case; `sent` records what it sends proactively.
 */
async function desk(options: { allowUnauthenticatedAdvisors?: boolean } = {}, legacy = false) {
  const documents = new MemoryKeyValueStore();
  const cases = new CaseService(documents);
  const sent: Array<{ conversation: string; text: string }> = [];
  await documents.put(
    'settings',
    'advisor-channel',
    legacy ? CHANNEL_REFERENCE : { reference: CHANNEL_REFERENCE, allowedBy: 'ADVISOR_CHANNEL_ALLOW', setAt: '2026-11-25T08:00:00Z' },
  );
  const handoffCase = await cases.create({
    municipality: 'Gemeinde [Musterdorf](http://evil.example)',
    name: 'Petra *Muster*',
    concern: 'Bauhof',
    consentAt: '2026-11-25T09:00:00Z',
    transcript: [],
    channelId: 'directline',
    conversationId: 'user-conv',
    userReference: { channelId: 'directline', conversation: { id: 'user-conv' } as ConversationReference['conversation'] },
  });
  const advisorDesk = new AdvisorDesk({
    cases,
    documents,
    logger: silentLogger(),
    proactive: async (reference, activities) => {
      for (const activity of activities) sent.push({ conversation: reference.conversation!.id, text: activity.text ?? '' });
      return [{ id: 'posted' }];
    },
    ...options,
  });
  return { advisorDesk, cases, sent, caseId: handoffCase.id };
}

/** Runs one Teams activity through the desk with `identity` in the turn state; resolves with the replies. */
async function teamsTurn(advisorDesk: AdvisorDesk, identity: object | undefined, activity: Partial<Activity>) {
  const adapter = new TestAdapter({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    conversation: { id: `${CHANNEL};messageid=1`, isGroup: true, conversationType: 'channel', tenantId: 't1' },
    user: { id: '29:advisor', name: 'Anna [Beraterin](http://evil.example)' },
    bot: { id: '28:bot', name: 'IKZ-Assistent' },
  } as ConversationReference);
  if (identity) {
    adapter.use(async (context, next) => {
      context.turnState.set(context.adapter.BotIdentityKey, identity);
      await next();
    });
  }
  let handled = false;
  await adapter.processActivity({ channelData: { tenant: { id: 't1' } }, ...activity }, async (context) => {
    handled = await advisorDesk.handleAdvisorActivity(context);
  });
  return { handled, replies: adapter.activeQueue.splice(0).map((a) => a.text ?? '') };
}

describe('the advisor desk', () => {
  it('takes a claim from the advisor channel on a request the Bot Framework authenticated, and shows names only as text', async () => {
    const { advisorDesk, cases, sent, caseId } = await desk();
    const { replies } = await teamsTurn(advisorDesk, VERIFIED, { type: 'message', text: '', value: { action: 'case_claim', caseId } });
    expect((await cases.get(caseId))?.status).toBe('claimed');
    expect(replies[0]).toContain(`Anna \\[Beraterin\\]\\(http://evil.example\\) hat Fall ${caseId} übernommen`);
    expect(replies[0]).toContain('Petra \\*Muster\\*');
    expect(sent).toEqual([
      { conversation: 'user-conv', text: expect.stringContaining('Anna \\[Beraterin\\]\\(http://evil.example\\) von der Beratungsstelle') },
    ]);
  });

  it.each<[string, object | undefined, { allowUnauthenticatedAdvisors?: boolean }, object?]>([
    ['an unauthenticated request (local anonymous mode)', ANONYMOUS, {}],
    ['the self-hosted web chat or the terminal (no identity)', undefined, { allowUnauthenticatedAdvisors: true }],
    [
      'another tenant',
      VERIFIED,
      {},
      { channelData: { tenant: { id: 't2' } }, conversation: { id: `${CHANNEL};messageid=1`, isGroup: true, tenantId: 't2' } },
    ],
    ['another channel', VERIFIED, {}, { conversation: { id: '19:kantine@thread.tacv2;messageid=1', isGroup: true, tenantId: 't1' } }],
    ['another channel id than Teams', VERIFIED, {}, { channelId: 'directline' }],
  ])('refuses a claim from %s', async (_name, identity, options, overrides = {}) => {
    const { advisorDesk, cases, sent, caseId } = await desk(options);
    const { handled, replies } = await teamsTurn(advisorDesk, identity, {
      type: 'message',
      text: '',
      value: { action: 'case_claim', caseId },
      ...overrides,
    });
    expect(handled).toBe(true);
    expect(replies).toEqual(['Das geht nur im Beratungskanal der Beratungsstelle.']);
    expect((await cases.get(caseId))?.status).toBe('open');
    expect(sent).toEqual([]);
  });

  it('does not trust an advisor channel stored by an older version (anybody could have set it): no claims, no case posted there', async () => {
    const { advisorDesk, cases, sent, caseId } = await desk({}, true);
    const { replies } = await teamsTurn(advisorDesk, VERIFIED, { type: 'message', text: '', value: { action: 'case_claim', caseId } });
    expect(replies).toEqual(['Das geht nur im Beratungskanal der Beratungsstelle.']);
    await advisorDesk.announce((await cases.get(caseId))!);
    expect(sent).toEqual([]);
    expect((await cases.get(caseId))?.status).toBe('open');
  });

  it('accepts an unauthenticated claim from the advisor channel only with the unsafe local option', async () => {
    const { advisorDesk, cases, caseId } = await desk({ allowUnauthenticatedAdvisors: true });
    await teamsTurn(advisorDesk, ANONYMOUS, { type: 'message', text: '', value: { action: 'case_claim', caseId } });
    expect((await cases.get(caseId))?.status).toBe('claimed');
  });
});

describe('one-time codes for the advisor channel', () => {
  it('work once, within 15 minutes, and only the newest one', async () => {
    let now = new Date('2026-11-25T09:00:00Z');
    const codes = new AdvisorChannelCodes(new MemoryKeyValueStore(), () => now);
    const old = await codes.issue();
    const { code } = await codes.issue();
    expect(await codes.redeem(old.code)).toBe(false);
    now = new Date(now.getTime() + CHANNEL_CODE_TTL_MS + 1);
    expect(await codes.redeem(code)).toBe(false);
    const fresh = await codes.issue();
    expect(await codes.redeem(fresh.code.toLowerCase().replace('-', ' '))).toBe(true);
    expect(await codes.redeem(fresh.code)).toBe(false);
  });
});
