import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { SHIPPED_KB } from '../helpers/bot-harness.js';
import { launchChromium } from '../helpers/chromium.js';
import { startPlayground, type Playground } from '../../src/channels/teams/agents-playground.js';

/**
 * The bot in a real Teams-like client: the Microsoft 365 Agents Playground, driven in Chromium. It
 * sends Teams-shaped activities (personal chat, group chat, channel with @mention, Action.Submit) and
 * renders the Adaptive Cards the bot answers with.
 */
describe('Teams: the bot in the Microsoft 365 Agents Playground', () => {
  let server: RunningServer;
  let playground: Playground;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHIPPED_KB, STORAGE_BACKEND: 'memory' }),
      silentLogger(),
    );
    await server.ready;
    playground = await startPlayground(`http://127.0.0.1:${server.port}/api/messages`);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(playground.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await server?.close();
  });

  const cards = () => page.locator('.ac-adaptiveCard');
  const compose = () => page.locator('[role=textbox][data-lexical-editor]');

  async function openChat(name: RegExp): Promise<void> {
    await page.getByRole('treeitem', { name }).click();
    await compose().first().waitFor();
  }

  /** Types a message into the chat's compose box (in a channel: a new post) and sends it. */
  async function send(text: string, options: { mention?: boolean; post?: boolean } = {}): Promise<void> {
    await compose().first().click();
    if (options.mention) {
      // Pick the bot from the mention menu, as a user does: Teams then sends <at>…</at> plus a mention entity.
      await page.keyboard.type('@Test');
      await page.getByRole('menuitem', { name: /Test Bot/ }).click();
      await page.keyboard.type(' ');
    }
    await page.keyboard.type(text);
    if (options.post) await page.getByRole('button', { name: 'Post' }).click();
    else await page.keyboard.press('Enter');
  }

  async function cardContaining(text: string | RegExp) {
    const card = cards().filter({ hasText: text }).last();
    await card.waitFor({ timeout: 10_000 });
    return card;
  }

  it('welcomes the user on install in the personal chat', async () => {
    await openChat(/Personal Chat/);
    const welcome = await cardContaining('IKZ-Assistent');
    expect(await welcome.innerText()).toContain('nicht rechtsverbindlich');
    expect(await welcome.getByRole('button', { name: 'Förder-Check starten' }).isVisible()).toBe(true);
  });

  it('answers a question in the personal chat with a card that shows source and date', async () => {
    await send('Welche Unterlagen gehören zum Förderantrag?');
    const answer = await cardContaining('Gruppenantrag');
    expect(await answer.innerText()).toMatch(/Quelle: .+ · (Stand: \d{2}\.\d{2}\.\d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u);
  });

  it('advances the Förder-Check when its card buttons (Action.Submit) are pressed', async () => {
    await (await cardContaining('IKZ-Assistent')).getByRole('button', { name: 'Förder-Check starten' }).click();
    const first = await cardContaining('Wer stellt den Antrag?');
    await first.getByRole('button', { name: 'Gemeinde oder Stadt' }).click();
    await cardContaining('Sind alle Beteiligten hessische Kommunen?');
    await send('abbrechen');
    await page.getByText('Der Förder-Check ist abgebrochen.').last().waitFor();
  });

  it.each([
    ['the group chat', /Group Chat/, false],
    ['a channel', /General/, true],
  ])('answers an @mention in %s, without the mention text', async (_name, chat, post) => {
    await openChat(chat);
    await send('Wie lange muss die Kooperation mindestens bestehen?', { mention: true, post });
    const answer = await cardContaining(/5 Jahre|fünf Jahre/);
    expect(await answer.innerText()).not.toContain('Test Bot');
  });

  it('stays silent in the group chat when not mentioned', async () => {
    await openChat(/Group Chat/);
    const before = await cards().count();
    await send('Wer bringt morgen Kuchen mit?');
    await page.getByText('Wer bringt morgen Kuchen mit?').last().waitFor();
    await page.waitForTimeout(1500);
    expect(await cards().count()).toBe(before);
  });
});
