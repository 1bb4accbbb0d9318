import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnalyticsRecorder } from '../src/analytics/analytics-events.js';
import { buildEditorialReport, groupQuestions, isoWeek } from '../src/analytics/editorial-report.js';
import { createEditorialReport, reportPeriod } from '../src/analytics/report-service.js';
import { createBot } from '../src/bot/create-bot.js';
import { TEXT } from '../src/bot/messages.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/logging/logger.js';
import { LocalConversation } from '../src/runtime/local-conversation.js';
import { createStores } from '../src/storage/create-stores.js';
import { MemoryKeyValueStore } from '../src/storage/key-value-store.js';
import { SHIPPED_KB, knowledgeOf, seen } from './helpers/bot-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PERSONAL = ['petra.muster@musterdorf.de', '06151 12345', 'Petra Muster', 'Petra'];

/** A conversation like real users have them: answers, unanswered questions with personal data, feedback, a dialog. */
async function usage(documents: MemoryKeyValueStore | Awaited<ReturnType<typeof createStores>>['documents']) {
  const knowledge = await knowledgeOf(SHIPPED_KB);
  const bundle = createBot({ knowledge, office: loadConfig({}).office, logger: silentLogger(), documents });
  const a = new LocalConversation(bundle, 'report-a');
  const answer = seen(await a.say('Wie viel Förderung gibt es für drei Gemeinden?'));
  const down = answer.buttons.find((b) => b.title === TEXT.buttonNotHelpful)!;
  expect(seen(await a.send(down.press)).text).toContain('Was hat gefehlt');
  expect(seen(await a.say('Die Zahl für zwei Gemeinden fehlte, schreiben Sie an petra.muster@musterdorf.de')).text).toContain(
    TEXT.feedbackCommentThanks,
  );
  await a.say('Hallo, mein Name ist Petra Muster: wie hoch ist die Hundesteuer in Musterdorf? Tel. 06151 12345');
  const b = new LocalConversation(bundle, 'report-b');
  await b.say('Wie hoch ist die Hundesteuer?');
  await b.say('Förder-Check');
  for (const turn of ['Gemeinde', 'ja', 'Fusion', '2']) await b.say(turn);
  const helpful = seen(await b.say('Was ist ein Zweckverband?')).buttons.find((x) => x.title === TEXT.buttonHelpful)!;
  expect(seen(await b.send(helpful.press)).text).toBe(TEXT.feedbackThanks);
  return { bundle, knowledge };
}

describe('the editorial report', () => {
  it('shows rates, dialogs, grouped unanswered questions and downvoted articles, with no personal data', async () => {
    const documents = new MemoryKeyValueStore();
    const { bundle, knowledge } = await usage(documents);
    const { report, markdown, chartSvg } = await createEditorialReport(bundle.analytics, knowledge, reportPeriod(), 730);
    expect(report.conversations).toBe(2);
    expect(report.questions).toBe(4);
    expect(report.rates).toEqual({ answer: 0.5, clarify: 0, no_answer: 0.5 });
    expect(report.dialogs).toEqual({ started: 1, finished: 1 });
    expect(report.unansweredGroups[0]).toMatchObject({ count: 2 });
    expect(report.unansweredGroups[0]!.examples.join(' ')).toContain('Hundesteuer');
    expect(report.downvotedArticles).toEqual([
      expect.objectContaining({
        articleId: 'foerderhoehe',
        down: 1,
        up: 0,
        comments: ['Die Zahl für zwei Gemeinden fehlte, schreiben Sie an [E-Mail]'],
      }),
    ]);
    const everything = JSON.stringify(report) + markdown('chart.svg') + JSON.stringify(await documents.list('events'));
    for (const personal of PERSONAL) expect(everything).not.toContain(personal);
    expect(markdown('chart.svg')).toContain('![Antwortquoten pro Woche](chart.svg)');
    expect(await chartSvg()).toMatch(/^<svg[\s\S]*Antwortquoten pro Woche[\s\S]*<\/svg>$/);
  });

  it('lists articles whose date and review are older than the configured age', () => {
    const articles = [
      { id: 'alt', title: 'Alt', file: 'alt.md', asOf: '2020-01-01', reviewed: '2021-01-01' },
      { id: 'neu', title: 'Neu', file: 'neu.md', asOf: '2020-01-01', reviewed: '2026-11-01' },
    ] as never;
    const report = buildEditorialReport([], articles, {
      from: new Date('2026-11-01'),
      to: new Date('2026-12-01'),
      maxAgeDays: 365,
      now: new Date('2026-11-25'),
      termsOf: (t) => t.split(' '),
    });
    expect(report.staleArticles.map((a) => a.id)).toEqual(['alt']);
  });

  it('groups similar wordings together', () => {
    const groups = groupQuestions(['Hundesteuer Höhe Kassel', 'Höhe Hundesteuer', 'Kita Gebühren'], (t) => t.toLowerCase().split(' '));
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
  });

  it('counts weeks the ISO way and validates the period', () => {
    expect(isoWeek(new Date('2026-11-25T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(() => reportPeriod('gestern')).toThrow(/from must be a date/);
    expect(() => reportPeriod('2026-12-01', '2026-11-01')).toThrow(/before/);
  });

  it('npm run report writes the Markdown report with its chart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-report-'));
    const stores = await createStores(loadConfig({ DATA_DIR: dataDir }).storage);
    await new AnalyticsRecorder(stores.documents, silentLogger()).record('c', {
      type: 'question',
      outcome: 'no_answer',
      question: 'Hundesteuer?',
    });
    await stores.close();
    const out = join(dataDir, 'out');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), '--out', out], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      });
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'bericht.md'), 'utf8')).toContain('„Hundesteuer?“');
    expect(existsSync(join(out, 'antwortquoten.svg'))).toBe(true);
  });
});
