import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { lazyRecognizers } from '../../scripts/lazy-recognizers.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the bundle without the text recognizers', () => {
  it('starts without loading them and still recognises a choice (through the number recognizer) when a prompt needs one', async () => {
    // Inside the project, so the bundle's plain require() of the recognizers finds node_modules.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.ikz-lazy-'));
    try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { recognizeChoices, PromptCultureModels } from 'botbuilder-dialogs';
       const loaded = () => Object.keys(require.cache).filter((f) => /recognizers-text-(number|suite|date-time|choice)/.test(f)).length;
       const before = loaded();
       const choice = recognizeChoices('the second one', ['red', 'green', 'blue'], { locale: 'en-us' })[0]?.resolution.value;
       console.log(JSON.stringify({ before, after: loaded(), choice, german: PromptCultureModels.German.locale }));`,
    );
    const out = join(dir, 'bundle.cjs');
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', plugins: [lazyRecognizers], logLevel: 'error' });
    const result = JSON.parse(execFileSync(process.execPath, [out], { cwd: ROOT, encoding: 'utf8' })) as Record<string, unknown>;
    expect(result).toEqual({ before: 0, after: expect.any(Number), choice: 'green', german: 'de-de' });
    expect(result.after).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
