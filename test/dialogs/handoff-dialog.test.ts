import { TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { BotBundle } from '../../src/bot/create-bot.js';
import { createBot } from '../../src/bot/create-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { LocalConversation } from '../../src/cli/local-conversation.js';
import { MemoryKeyValueStore, type KeyValueStore } from '../../src/storage/key-value-store.js';
import { SHIPPED_KB, knowledgeOf, seen } from '../helpers/bot-harness.js';

/** A bot whose cases go to `documents`, at a fixed time (Wednesday 10:00 in Wiesbaden). */
async function bot(documents: KeyValueStore = new MemoryKeyValueStore()) {
  const knowledge = await knowledgeOf(SHIPPED_KB);
  const bundle = createBot({
    knowledge,
    office: loadConfig({}).office,
    logger: silentLogger(),
    documents,
    handoff: { now: () => new Date('2026-11-25T09:00:00Z'), privacyUrl: 'https://beratungszentrum.hessen.de/datenschutz' },
  });
  return { bundle, conversation: new LocalConversation(bundle, `handoff-${Math.random()}`), documents };
}

const HAPPY = ['Gemeinde Musterdorf', 'Petra Muster', 'petra.muster@musterdorf.de', 'So übernehmen', 'Ja, ich stimme zu'];

/** The identities CloudAdapter puts into the turn state (botframework-connector's `ClaimsIdentity`, its fields). */
type Identity = { claims: Array<{ type: string; value: string }>; authenticationType: string | boolean; isAuthenticated: boolean };
/** A request whose Bot Framework token was verified. */
const VERIFIED: Identity = {
  claims: [
    { type: 'aud', value: 'bot-app-id' },
    { type: 'appid', value: 'channel' },
  ],
  authenticationType: true,
  isAuthenticated: true,
};
/** A request in local anonymous mode (botbuilder calls it authenticated, of type `anonymous`). */
const ANONYMOUS: Identity = { claims: [], authenticationType: 'anonymous', isAuthenticated: true };

/**
 * A conversation on a channel whose turns carry `identity` like CloudAdapter's (none: like the self-hosted web
 * chat and the terminal); returns a function that sends an activity and resolves with the replies.
 */
function channelConversation(bundle: BotBundle, identity: Identity | undefined) {
  const adapter = new TestAdapter({
    channelId: 'directline',
    serviceUrl: 'https://directline.botframework.com/',
    conversation: { id: `hub-${Math.random()}` },
    user: { id: 'user', name: 'Nutzer' },
    bot: { id: 'bot', name: 'IKZ-Assistent' },
  } as ConversationReference);
  if (identity) {
    adapter.use(async (context, next) => {
      context.turnState.set(context.adapter.BotIdentityKey, identity);
      await next();
    });
  }
  return async (activity: Partial<Activity>) => {
    await adapter.processActivity(activity, (context) => bundle.bot.run(context));
    return adapter.activeQueue.splice(0);
  };
}

describe('handoff to an advisor', () => {
  it('collects the case, stores it with the transcript before confirming the number, and emits handoff.initiate', async () => {
    const { conversation, bundle } = await bot();
    await conversation.say('Wie viel Förderung gibt es für drei Gemeinden?');
    const start = seen(await conversation.say('Ich möchte mit einem Berater sprechen'));
    expect(start.text).toContain('Für welche Kommune oder Stelle fragen Sie?');
    // Who would rather call gets the number right away.
    expect(start.text).toContain(`Wenn Sie lieber gleich anrufen: Die Beratungsstelle erreichen Sie unter ${loadConfig({}).office.phone}.`);
    let replies: Partial<Activity>[] = [];
    for (const answer of HAPPY.slice(0, 3)) replies = await conversation.say(answer);
    expect(seen(replies).text).toContain('Fragen im Chat: Wie viel Förderung gibt es für drei Gemeinden?');
    await conversation.say(HAPPY[3]!);
    const consent = seen(await conversation.say('ja'));
    expect(consent.text).toContain('Danke! Ihr Anliegen liegt jetzt als Fall IKZ-2026-0001 bei der Beratungsstelle.');
    expect(consent.text).toContain('jetzt besetzt');
    const stored = await bundle.cases.get('IKZ-2026-0001');
    expect(stored).toMatchObject({
      status: 'open',
      municipality: 'Gemeinde Musterdorf',
      name: 'Petra Muster',
      email: 'petra.muster@musterdorf.de',
      concern: expect.stringContaining('drei Gemeinden') as unknown,
      channelId: 'terminal',
    });
    expect(stored!.transcript.some((e) => e.from === 'user' && e.text.includes('drei Gemeinden'))).toBe(true);
    expect(stored!.transcript.some((e) => e.from === 'bot' && e.text.includes('75.000 €'))).toBe(true);
    const event = consent.raw.find((a) => a.type === 'event');
    expect(event).toMatchObject({ name: 'handoff.initiate', value: { caseId: 'IKZ-2026-0001' } });
  });

  it('takes the Förder-Check result into the case', async () => {
    const { conversation, bundle } = await bot();
    for (const turn of ['Förder-Check', 'Gemeinde', 'ja', 'GVV', '4', 'auf Dauer', '20 %', 'noch nicht']) await conversation.say(turn);
    for (const answer of ['An Beratung übergeben', 'Gemeinde Musterdorf', 'Petra Muster', '06151 12345']) await conversation.say(answer);
    expect(seen(await conversation.say('Wir wollen einen GVV mit drei Nachbarn gründen.')).text).toContain('Darf die Beratungsstelle');
    await conversation.say('Ja, ich stimme zu');
    expect(await bundle.cases.get('IKZ-2026-0001')).toMatchObject({
      phone: '06151 12345',
      eligibility: { verdict: 'eligible', amount: 600000, projectKind: 'gvv', partners: 4 },
    });
  });

  it.each(['kein Kontakt', 'mail@', '12345'])('re-asks on invalid contact data "%s"', async (contact) => {
    const { conversation } = await bot();
    for (const answer of ['Berater', 'Gemeinde Musterdorf', 'Petra Muster']) await conversation.say(answer);
    expect(seen(await conversation.say(contact)).text).toContain('weder nach einer E-Mail-Adresse noch nach einer Telefonnummer');
  });

  it('answers a question in the middle and does not take an unanswerable one as the municipality', async () => {
    const { conversation, bundle } = await bot();
    await conversation.say('Ich möchte einen Rückruf.');
    const answered = seen(await conversation.say('Was ist ein Zweckverband?'));
    expect(answered.text).toContain('Weiter mit der Übergabe an die Beratung:');
    const unanswered = seen(await conversation.say('Ach, und bekommen wir eigentlich einen Parkplatz, wenn wir vorbeikommen?'));
    expect(unanswered.text).toContain('Auf diese Frage habe ich keine verlässliche Antwort.');
    expect(unanswered.text).toContain('Für welche Kommune oder Stelle fragen Sie?');
    for (const answer of HAPPY) await conversation.say(answer);
    expect(await bundle.cases.get('IKZ-2026-0001')).toMatchObject({ municipality: 'Gemeinde Musterdorf' });
  });

  it('stores nothing when the user refuses consent', async () => {
    const documents = new MemoryKeyValueStore();
    const { conversation, bundle } = await bot(documents);
    await conversation.say('Berater');
    for (const answer of HAPPY.slice(0, 3)) await conversation.say(answer);
    await conversation.say('Wir brauchen Hilfe beim Einsparnachweis.');
    const refused = seen(await conversation.say('Nein'));
    expect(refused.text).toContain('Ohne Ihre Zustimmung lege ich keinen Fall an');
    expect(await bundle.cases.list()).toEqual([]);
    expect(await documents.list('counters')).toEqual([]);
  });

  it('opens only one case when the handoff is asked for twice', async () => {
    const { conversation, bundle } = await bot();
    await conversation.say('Berater');
    await conversation.send({ type: 'message', text: 'An Beratung übergeben', value: { action: 'handoff' } });
    for (const answer of HAPPY.slice(0, 3)) await conversation.say(answer);
    await conversation.say('Unsere Frage zur Förderung');
    await conversation.say('ja');
    const again = seen(await conversation.send({ type: 'message', text: 'An Beratung übergeben', value: { action: 'handoff' } }));
    expect(again.text).toContain('Ihr Anliegen liegt schon als Fall IKZ-2026-0001');
    expect((await bundle.cases.list()).length).toBe(1);
  });

  it.each([
    ['accepted', 'übernimmt jetzt das Gespräch'],
    ['completed', 'Sie sprechen wieder mit dem IKZ-Assistenten'],
    ['failed', '0611 353-1529'],
  ])('tells the user about a handoff.status "%s" from a contact-centre hub on an authenticated channel', async (state, text) => {
    const { bundle } = await bot();
    const send = channelConversation(bundle, VERIFIED);
    for (const answer of ['Berater', ...HAPPY]) await send({ type: 'message', text: answer });
    expect(seen(await send({ type: 'event', name: 'handoff.status', value: { state } })).text).toContain(text);
  });

  it.each([
    ['the self-hosted web chat (typed by the user)', undefined, true],
    ['an unauthenticated request (local anonymous mode)', ANONYMOUS, true],
    ['a conversation without a handoff', VERIFIED, false],
  ])('ignores a handoff.status from %s', async (_name, identity, handedOver) => {
    const { bundle } = await bot();
    const send = channelConversation(bundle, identity);
    if (handedOver) for (const answer of ['Berater', ...HAPPY]) await send({ type: 'message', text: answer });
    expect(await send({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } })).toEqual([]);
  });

  it('keeps the case when the bot restarts on the same store', async () => {
    const documents = new MemoryKeyValueStore();
    const first = await bot(documents);
    await first.conversation.say('Berater');
    for (const answer of HAPPY) await first.conversation.say(answer);
    const second = await bot(documents);
    expect((await second.bundle.cases.get('IKZ-2026-0001'))?.name).toBe('Petra Muster');
  });

  it('gives the advisor the newest 60 lines of a long conversation, in order', async () => {
    const { conversation, bundle } = await bot();
    for (let i = 1; i <= 40; i++) await conversation.say(`Frage Nummer ${i}: Was ist ein Zweckverband?`);
    for (const answer of ['Ich möchte mit einem Berater sprechen', ...HAPPY]) await conversation.say(answer);
    const { transcript } = (await bundle.cases.get('IKZ-2026-0001'))!;
    expect(transcript).toHaveLength(60);
    const questions = transcript.filter((e) => e.from === 'user' && e.text.startsWith('Frage Nummer')).map((e) => e.text);
    // 40 questions with an answer each, then the handoff request: the newest lines reach back to question 12.
    expect(questions[0]).toBe('Frage Nummer 12: Was ist ein Zweckverband?');
    expect(questions.at(-1)).toBe('Frage Nummer 40: Was ist ein Zweckverband?');
    expect(transcript.at(-1)).toMatchObject({ from: 'user', text: 'Ich möchte mit einem Berater sprechen' });
    expect(transcript.filter((e) => e.from === 'bot').length).toBeGreaterThan(25);
  });
});
