import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { CaseService } from '../../src/handoff/case-service.js';
import { createStores } from '../../src/storage/create-stores.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Bidi overrides and isolates, zero-width characters, a byte-order mark, a tag character: invisible or reordering. */
// eslint-disable-next-line no-control-regex -- the control characters are what the test looks for
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u{e0001}-\u{e007f}\u0000-\u0008\u001b]/u;

describe('npm run cases', () => {
  it('prints user text on one line without control characters, so nothing can rewrite the terminal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ikz-cases-safe-'));
    const stores = await createStores(loadConfig({ DATA_DIR: dataDir }).storage);
    // Stored as older versions could have stored it: the CLI must not trust the case.
    await new CaseService(stores.documents).create({
      municipality: 'Gemeinde \u001b[2J\u001b[31mMusterdorf',
      name: 'Petra\u202e Muster',
      email: 'p@musterdorf.de',
      concern: 'Erste Zeile\nIKZ-2026-9999  open  gefälschte Zeile\u0007',
      consentAt: '2026-11-25T09:00:00.000Z',
      transcript: [],
      channelId: 'directline',
      conversationId: 'c1',
    });
    await stores.close();
    const stdout = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/cases.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
    });
    expect(stdout).not.toMatch(INVISIBLE);
    expect(stdout).toContain('Gemeinde [2J[31mMusterdorf – Petra Muster');
    expect(stdout.split('\n').filter((line) => line.startsWith('IKZ-'))).toHaveLength(1);
  });
});
