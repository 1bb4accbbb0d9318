import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { startWebChatServer, type WebChatTestServer } from '../helpers/webchat-server.js';

const QUESTION = 'Wie viel Förderung gibt es für drei Gemeinden?';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Where the screenshot of the open widget goes (outside the repository). */
const SCREENSHOT = '/tmp/ikz-webchat-widget.png';

/**
 * The real Web Chat client in Debian's Chromium against the real server: demo page, widget, Direct Line
 * over WebSocket, reload, restart, keyboard use and an axe-core WCAG 2.1 A/AA check.
 */
describe('the web chat widget in Chromium', () => {
  let t: WebChatTestServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  const requests: string[] = [];
  const streamFrames: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebChatServer(), launchChromium()]);
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => streamFrames.push(String(frame.payload))));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const launcher = () => page.getByRole('button', { name: 'Fragen an den IKZ-Assistenten' });
  const panel = () => page.getByRole('dialog', { name: 'IKZ-Assistent' });
  const botBubbles = () => panel().locator('.webchat__bubble:not(.webchat__bubble--from-user)');
  const userBubbles = () => panel().locator('.webchat__bubble--from-user');
  const sendBox = () => panel().locator('[data-id="webchat-sendbox-input"]');

  it('opens the widget from the keyboard on the demo page, with the notice and the greeting', async () => {
    await page.goto(`${t.base}/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/IKZ-Assistent/);
    expect(await page.title()).toMatch(/IKZ-Assistent/);
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');

    await launcher().focus();
    await page.keyboard.press('Enter');
    await panel().waitFor();
    expect(await launcher().getAttribute('aria-expanded')).toBe('true');

    const notice = panel().locator('#ikz-wc-notice');
    const noticeText = await notice.innerText();
    expect(noticeText).toMatch(/automatischen Assistenten/);
    expect(noticeText).toMatch(/nicht rechtsverbindlich/);
    expect(noticeText).toMatch(/keine personenbezogenen Daten/);
    expect(await notice.getByRole('link', { name: /Datenschutz/ }).getAttribute('href')).toBe('https://beratungszentrum.hessen.de/');

    await botBubbles().filter({ hasText: 'Guten Tag' }).first().waitFor({ timeout: 15_000 });
    // Focus moved into the send box: the user can type at once.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');
  });

  it('answers a typed question with its source, pushed over the WebSocket stream and announced', async () => {
    // Record what Web Chat puts into its screen-reader live region (entries there are short-lived).
    await page.evaluate(() => {
      const announced: string[] = [];
      (window as unknown as { announced: string[] }).announced = announced;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            const element = node instanceof Element ? node : node.parentElement;
            const region = element?.closest('.webchat__live-region-transcript');
            if (region && !region.closest('[aria-hidden="true"], [hidden]')) announced.push(node.textContent ?? '');
          }
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    const answer = botBubbles().filter({ hasText: 'Quelle:' }).last();
    await answer.waitFor({ timeout: 10_000 });
    expect(await userBubbles().filter({ hasText: QUESTION }).count()).toBe(1);
    const source = answer.getByRole('link').first();
    expect(await source.getAttribute('href')).toMatch(/^https:\/\/beratungszentrum\.hessen\.de\//);
    expect(await answer.innerText()).toMatch(/(Stand: \d{2}\.\d{2}\.\d{4}|Quelle undatiert, geprüft \p{L}+ \d{4})/u);
    expect(streamFrames.some((frame) => frame.includes('Quelle:'))).toBe(true);
    expect(requests.filter((url) => /\/activities\?watermark=/.test(url))).toEqual([]); // no polling needed
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.join(' ')))
      .toMatch(/Bot sagte:.*Quelle:/s);
    // After the first question the notice shrinks to one line but keeps the privacy link.
    expect(await panel().locator('#ikz-wc-notice').innerText()).toMatch(/^Automatischer Assistent/);
  });

  it('has no WCAG 2.1 A/AA violations (axe-core) with the widget open and an answer shown', async () => {
    await page.screenshot({ path: SCREENSHOT });
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
    }, WCAG_TAGS);
    expect(violations).toEqual([]);
  });

  it('answers a related-topic button with that topic', async () => {
    const card = panel().locator('.ac-adaptiveCard').last();
    const titles = await card.getByRole('button').allInnerTexts();
    const topic = titles.map((title) => title.trim()).find((title) => !/Beratung|Förder-Check|starten/i.test(title));
    expect(topic, `related-topic buttons: ${titles.join(' | ')}`).toBeDefined();
    const answers = () => botBubbles().filter({ hasText: 'Quelle:' });
    const before = await answers().count();
    await card.getByRole('button', { name: topic!, exact: true }).click();
    await expect.poll(() => answers().count(), { timeout: 10_000 }).toBeGreaterThan(before);
    // The article answer opens with its title, the button's text.
    const firstLine = (await answers().last().innerText()).trim().split('\n')[0]!;
    expect(firstLine.slice(0, 25)).toBe(topic!.slice(0, 25));
  });

  it('runs the Förder-Check with buttons and typed answers to its result card', async () => {
    const say = async (text: string) => {
      await sendBox().fill(text);
      await sendBox().press('Enter');
    };
    const press = async (title: string) => panel().getByRole('button', { name: title, exact: true }).last().click();
    const waitFor = (text: string) => botBubbles().filter({ hasText: text }).last().waitFor({ timeout: 10_000 });
    await say('Förder-Check');
    await waitFor('Wer stellt den Antrag?');
    await press('Gemeinde oder Stadt');
    await waitFor('Sind alle Beteiligten hessische Kommunen?');
    await press('Ja, alle aus Hessen');
    await waitFor('Um welche Art von Vorhaben geht es?');
    await press('Gemeindeverwaltungsverband (GVV)');
    await waitFor('Wie viele Gemeinden sollen Mitglied');
    await say('4');
    await waitFor('Für wie lange ist die Zusammenarbeit geplant?');
    await press('Auf Dauer (unbefristet)');
    await waitFor('Um wie viel sollen die jährlichen Personal- und Sachkosten sinken?');
    await say('20 %');
    await waitFor('Hat die Zusammenarbeit schon begonnen?');
    await press('Noch nicht begonnen');
    const result = panel().locator('.ac-adaptiveCard').filter({ hasText: 'Ergebnis des Förder-Checks' }).last();
    await result.waitFor({ timeout: 10_000 });
    const text = await result.innerText();
    expect(text).toContain('Voraussichtlich förderfähig');
    expect(text).toContain('Geschätzte Förderung: 600.000 €');
    expect(await result.getByRole('button', { name: 'Nächste Schritte' }).count()).toBe(1);
  });

  it('shows the transcript again after a reload in the same tab', async () => {
    await page.reload();
    await panel().waitFor(); // the panel was open, so it opens again
    await userBubbles().filter({ hasText: QUESTION }).first().waitFor({ timeout: 15_000 });
    await botBubbles().filter({ hasText: 'Guten Tag' }).first().waitFor();
    expect(await botBubbles().filter({ hasText: 'Quelle:' }).count()).toBeGreaterThanOrEqual(2);
    expect(await botBubbles().filter({ hasText: 'Guten Tag' }).count()).toBe(1); // replayed, not greeted again
  });

  it('restarts with a fresh conversation, and closes with Escape back to the button', async () => {
    await panel().getByRole('button', { name: 'Gespräch neu starten' }).click();
    await botBubbles().filter({ hasText: 'Guten Tag' }).first().waitFor({ timeout: 15_000 });
    expect(await userBubbles().count()).toBe(0);
    expect(await panel().getByRole('status').innerText()).toMatch(/neues Gespräch/);
    expect(await panel().locator('#ikz-wc-notice').innerText()).toMatch(/^Sie chatten mit einem automatischen Assistenten/);

    await sendBox().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('ikz-wc__launcher');
  });

  it('loads everything from the bot itself (no CDN) without page errors', () => {
    const foreign = requests.filter((url) => !url.startsWith(t.base) && !/^(data|blob):/.test(url));
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.startsWith(`${t.base}/webchat/webchat.js`))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A plain host page on another origin that embeds the widget with one script tag. It listens on every
 * interface, so `http://localhost:<port>` reaches it too (as a different origin from 127.0.0.1).
 */
async function startHostSite(): Promise<{ port: number; setBot(base: string): void; close(): Promise<void> }> {
  let botBase = '';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gemeinde Musterstadt</title></head>
<body><main><h1>Gemeinde Musterstadt</h1><p>Willkommen.</p></main>
<script src="${botBase}/widget.js" data-title="Chat der Gemeinde" data-primary-color="#ffcc00"
  data-position="left" data-open="true" data-token-url="${botBase}/api/webchat/token"></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    setBot: (base) => (botBase = base),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the widget embedded on another site', () => {
  let t: WebChatTestServer;
  let host: Awaited<ReturnType<typeof startHostSite>>;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchChromium(), startHostSite()]);
    t = await startWebChatServer({ CORS_ORIGINS: `http://127.0.0.1:${host.port}` });
    host.setBot(t.base);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await t?.close();
  });

  it('adds an open panel with the configured title, colour and position, and chats across origins', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/`);
    const panel = page.getByRole('dialog', { name: 'Chat der Gemeinde' });
    await panel.waitFor();
    await panel.locator('.webchat__bubble').filter({ hasText: 'Guten Tag' }).first().waitFor({ timeout: 15_000 });
    const box = await panel.boundingBox();
    expect(box!.x).toBeLessThan(50); // data-position="left"
    const header = await panel.locator('.ikz-wc__header').evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
    expect(header).toEqual({ background: 'rgb(255, 204, 0)', color: 'rgb(27, 27, 27)' }); // dark text on yellow
    await page.close();
  });

  it('refuses a site that is not in CORS_ORIGINS, and says so in the panel', async () => {
    const page = await browser.context.newPage();
    // Same host server, other origin: "localhost" instead of 127.0.0.1.
    await page.goto(`http://localhost:${host.port}/`);
    const panel = page.getByRole('dialog', { name: 'Chat der Gemeinde' });
    await expect.poll(() => panel.getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/nicht erreichbar/);
    expect(await panel.getByRole('button', { name: 'Erneut versuchen' }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('the widget across a restart of the server (default configuration: SQLite, no DIRECT_LINE_TOKEN_SECRET)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ikz-widget-restart-'));
  const defaults = { STORAGE_BACKEND: 'sqlite', DATA_DIR: dataDir, DIRECT_LINE_TOKEN_SECRET: '' };
  let t: WebChatTestServer;
  let port = 0;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebChatServer(defaults), launchChromium()]);
    port = Number(new URL(t.base).port);
    page = await browser.context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Stops the server and starts it again on the same port and DATA_DIR. */
  const restart = async (env: Record<string, string> = {}) => {
    await t.close();
    t = await startWebChatServer({ ...defaults, PORT: String(port), ...env });
  };
  const panel = () => page.getByRole('dialog', { name: 'IKZ-Assistent' });
  const botBubbles = () => panel().locator('.webchat__bubble:not(.webchat__bubble--from-user)');
  const userBubbles = () => panel().locator('.webchat__bubble--from-user');
  const ask = async (text: string) => {
    const box = panel().locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
  };

  it('continues the conversation in the open page, and again after a reload', async () => {
    await page.goto(`${t.base}/`);
    await page.getByRole('button', { name: 'Fragen an den IKZ-Assistenten' }).click();
    await botBubbles().filter({ hasText: 'Guten Tag' }).first().waitFor({ timeout: 15_000 });
    await ask(QUESTION);
    await botBubbles().filter({ hasText: 'Quelle:' }).first().waitFor({ timeout: 10_000 });

    await restart();
    // The open page: Web Chat reconnects with its token by itself, and the conversation goes on.
    await ask('Welche Unterlagen gehören zum Antrag?');
    await expect.poll(() => botBubbles().filter({ hasText: 'Quelle:' }).count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);

    await page.reload();
    await panel().waitFor();
    await userBubbles().filter({ hasText: 'Welche Unterlagen gehören zum Antrag?' }).first().waitFor({ timeout: 15_000 });
    expect(await userBubbles().filter({ hasText: QUESTION }).count()).toBe(1);
    expect(await botBubbles().filter({ hasText: 'Guten Tag' }).count()).toBe(1); // continued, not started again
    expect(await panel().getByRole('status').innerText()).toBe('');
  }, 120_000);

  it('after a restart and a reload, continues the conversation of the tab', async () => {
    await restart();
    await page.reload();
    await panel().waitFor();
    await userBubbles().filter({ hasText: QUESTION }).first().waitFor({ timeout: 15_000 });
    await ask('Wer darf einen Antrag stellen?');
    await expect.poll(() => userBubbles().count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => botBubbles().filter({ hasText: 'Quelle:' }).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('says plainly when the conversation cannot be continued, and starts a new one', async () => {
    // The operator replaced the token secret: the tab's token is no longer accepted.
    await restart({ DIRECT_LINE_TOKEN_SECRET: 'a-replaced-secret-for-the-web-chat-tokens-0123456789' });
    await page.reload();
    await panel().waitFor();
    await expect
      .poll(() => panel().getByRole('status').innerText(), { timeout: 15_000 })
      .toMatch(
        /^Ihr bisheriges Gespräch konnte nicht fortgesetzt werden, weil es abgelaufen oder nicht mehr verfügbar ist\. Hier beginnt ein neues Gespräch\.$/,
      );
    await botBubbles().filter({ hasText: 'Guten Tag' }).first().waitFor({ timeout: 15_000 });
    expect(await userBubbles().count()).toBe(0);
  }, 60_000);
});
