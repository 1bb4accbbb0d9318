import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { CaseService } from '../src/handoff/case-service.js';
import { caseWebhook } from '../src/handoff/case-webhook.js';
import type { HandoffCase } from '../src/handoff/handoff-case.js';
import { silentLogger } from '../src/logging/logger.js';
import { createStores } from '../src/storage/create-stores.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sample: HandoffCase = {
  id: 'IKZ-2026-0001',
  status: 'open',
  createdAt: '2026-11-25T09:00:00.000Z',
  municipality: 'Gemeinde Musterdorf',
  name: 'Petra Muster',
  email: 'p@musterdorf.de',
  concern: 'IT-Kooperation',
  consentAt: '2026-11-25T09:00:00.000Z',
  transcript: [{ from: 'user', text: 'vertraulicher Verlauf', at: '2026-11-25T08:59:00.000Z' }],
  channelId: 'directline',
  conversationId: 'c1',
};

describe('handoff webhook', () => {
  it('posts the new case as JSON, without the transcript', async () => {
    const calls: Array<{ url: string; body: string }> = [];
    const notify = caseWebhook('https://hooks.example.de/ikz', silentLogger(), async (url, init) => {
      calls.push({ url: String(url), body: String(init?.body) });
      return new Response('{}', { status: 200 });
    });
    await notify(sample);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ event: 'case.created', id: 'IKZ-2026-0001', municipality: 'Gemeinde Musterdorf' });
    expect(calls[0]!.body).not.toContain('vertraulicher Verlauf');
  });

  it('never fails the user flow when the webhook is down', async () => {
    const notify = caseWebhook('https://hooks.example.de/ikz', silentLogger(), async () => {
      throw new Error('ECONNREFUSED');
    });
    await expect(notify(sample)).resolves.toBeUndefined();
  });
});

describe('npm run cases', () => {
  it('lists the open cases from the configured storage', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-cases-'));
    const stores = await createStores(loadConfig({ DATA_DIR: dataDir }).storage);
    const { id, ...data } = sample;
    void id;
    await new CaseService(stores.documents).create(data);
    await stores.close();
    const output = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/cases.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(output.code).toBe(0);
    expect(output.stdout).toMatch(/IKZ-\d{4}-0001 {2}open .* Gemeinde Musterdorf – Petra Muster \(p@musterdorf\.de\)/);
    expect(output.stdout).toContain('1 case(s).');
  });
});
