import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseService } from '../src/handoff/case-service.js';
import { mountAdvisorRoutes } from '../src/http/advisor-routes.js';
import { silentLogger } from '../src/logging/logger.js';
import { MemoryKeyValueStore } from '../src/storage/key-value-store.js';
import restify from 'restify';

const KEY = 'advisor-key-0123456789abcdef';

describe('advisor API', () => {
  const cases = new CaseService(new MemoryKeyValueStore(), () => new Date('2026-11-25T09:00:00Z'));
  const server = restify.createServer();
  let base = '';
  const call = (method: string, path: string, key: string | null = KEY, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    mountAdvisorRoutes(server, {
      cases: () => cases,
      apiKey: KEY,
      logger: silentLogger(),
      // This suite sends several wrong keys from one client; the lock-out is tested on its own below.
      failureLimit: { attempts: 100, lockMs: 1000 },
      report: async (period) => ({
        report: { period: { from: period.from.toISOString().slice(0, 10) }, questions: 3 },
        markdown: () => '# Redaktionsbericht',
        chartSvg: async () => '<svg></svg>',
      }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await cases.create({
      municipality: 'Gemeinde Musterdorf',
      name: 'Petra Muster',
      email: 'p@musterdorf.de',
      concern: 'IT-Kooperation',
      consentAt: '2026-11-25T09:00:00Z',
      transcript: [],
      channelId: 'directline',
      conversationId: 'c1',
    });
  });
  afterAll(() => server.close());

  it.each([
    ['no key', null],
    ['a wrong key', 'advisor-key-0123456789abcdeX'],
    ['a short key', 'x'],
  ])('answers 401 and returns nothing with %s', async (_name, key) => {
    for (const [method, path] of [
      ['GET', '/api/cases'],
      ['GET', '/api/cases/IKZ-2026-0001'],
      ['POST', '/api/cases/IKZ-2026-0001/close'],
    ] as const) {
      const response = await call(method, path, key);
      expect(response.status).toBe(401);
      expect(JSON.stringify(await response.json())).not.toContain('Musterdorf');
    }
    expect((await cases.get('IKZ-2026-0001'))?.status).toBe('open');
  });

  it('lists, shows, claims and closes cases', async () => {
    const list = (await (await call('GET', '/api/cases?status=open')).json()) as { cases: Array<{ id: string }> };
    expect(list.cases.map((c) => c.id)).toEqual(['IKZ-2026-0001']);
    expect(await (await call('GET', '/api/cases/IKZ-2026-0001')).json()).toMatchObject({ municipality: 'Gemeinde Musterdorf' });
    expect(await (await call('POST', '/api/cases/IKZ-2026-0001/claim', KEY, { advisor: 'Beraterin A' })).json()).toMatchObject({
      status: 'claimed',
      claimedBy: 'Beraterin A',
    });
    expect((await call('POST', '/api/cases/IKZ-2026-0001/claim', KEY, { advisor: 'B' })).status).toBe(409);
    expect(await (await call('POST', '/api/cases/IKZ-2026-0001/close')).json()).toMatchObject({ status: 'closed' });
    expect(((await (await call('GET', '/api/cases?status=open')).json()) as { cases: unknown[] }).cases).toEqual([]);
  });

  it('serves the editorial report as JSON, Markdown and SVG, only with the key', async () => {
    expect((await call('GET', '/api/report', null)).status).toBe(401);
    expect(await (await call('GET', '/api/report?from=2026-11-01&to=2026-11-25')).json()).toEqual({
      period: { from: '2026-11-01' },
      questions: 3,
    });
    expect(await (await call('GET', '/api/report?format=markdown')).text()).toBe('# Redaktionsbericht');
    expect((await call('GET', '/api/report?format=svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await call('GET', '/api/report?from=gestern')).status).toBe(400);
  });

  it('rejects bad input with a clear 4xx', async () => {
    expect((await call('GET', '/api/cases?status=lost')).status).toBe(400);
    expect((await call('GET', '/api/cases/nonsense')).status).toBe(400);
    expect((await call('GET', '/api/cases/IKZ-2026-0999')).status).toBe(404);
  });
});

describe('advisor API under attack', () => {
  /** A fresh API on its own port (its own failure counts), with a clock the test moves. */
  async function api() {
    const cases = new CaseService(new MemoryKeyValueStore(), () => new Date('2026-11-25T09:00:00Z'));
    await cases.create({
      municipality: 'Gemeinde Musterdorf',
      name: 'Petra Muster',
      concern: 'IT-Kooperation',
      consentAt: '2026-11-25T09:00:00Z',
      transcript: [],
      channelId: 'directline',
      conversationId: 'c1',
    });
    const clock = { now: Date.parse('2026-11-25T09:00:00Z') };
    const server = restify.createServer();
    mountAdvisorRoutes(server, { cases: () => cases, apiKey: KEY, logger: silentLogger(), now: () => clock.now });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const list = (key: string) => fetch(`${base}/api/cases`, { headers: { authorization: `Bearer ${key}` } });
    return { base, list, clock, cases, close: () => server.close() };
  }
  const wrong = (i: number) => `advisor-key-wrong-guess-${String(i).padStart(6, '0')}`;

  it('locks a client out after five wrong keys: 429 with Retry-After, even for the right key, until the lock ends', async () => {
    const t = await api();
    try {
      for (let i = 0; i < 4; i++) expect((await t.list(wrong(i))).status).toBe(401);
      // A wrong key, then the right one: a typo is forgiven, the count starts again.
      expect((await t.list(KEY)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await t.list(wrong(i))).status).toBe(401);
      const locked = await t.list(KEY);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
      expect(JSON.stringify(await locked.json())).not.toContain('Musterdorf');
      // 200 more guesses change nothing: every one is refused without being checked.
      for (let i = 0; i < 200; i++) expect((await t.list(wrong(i))).status).toBe(429);
      t.clock.now += 10 * 60 * 1000;
      expect(Number((await t.list(KEY)).headers.get('retry-after'))).toBe(5 * 60);
      t.clock.now += 5 * 60 * 1000;
      expect((await t.list(KEY)).status).toBe(200);
    } finally {
      t.close();
    }
  });

  it('checks the key before reading the body: a wrong key with a broken or oversized body gets 401', async () => {
    const t = await api();
    try {
      const claim = (key: string, body: string) =>
        fetch(`${t.base}/api/cases/IKZ-2026-0001/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body,
        });
      expect((await claim(wrong(1), '{"advisor": ')).status).toBe(401);
      expect((await claim(wrong(2), JSON.stringify({ advisor: 'x'.repeat(100_000) }))).status).toBe(401);
      expect((await t.cases.get('IKZ-2026-0001'))?.status).toBe('open');
      // With the right key the body is read (and still validated).
      expect((await claim(KEY, '{"advisor": ')).status).toBe(400);
      expect(await (await claim(KEY, JSON.stringify({ advisor: 'Beraterin A' }))).json()).toMatchObject({
        status: 'claimed',
        claimedBy: 'Beraterin A',
      });
    } finally {
      t.close();
    }
  });
});
