import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnalyticsRecorder } from '../../src/analytics/analytics-events.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createStores } from '../../src/storage/create-stores.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run report', () => {
  it('writes the Markdown report with its chart', async () => {
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
