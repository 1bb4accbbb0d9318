import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fillTeamsManifest, TeamsPackageError, type TeamsManifestTemplate } from '../../src/channels/teams/teams-manifest.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APP_ID = '11111111-2222-3333-4444-555555555555';
const template = JSON.parse(readFileSync(join(ROOT, 'appPackage/manifest.json'), 'utf8')) as TeamsManifestTemplate;

function runPackage(env: Record<string, string>, out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/teams-package.ts'), '--out', out], {
      cwd: mkdtempSync(join(tmpdir(), 'ikz-pkg-cwd-')),
      env: { ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Teams app package', () => {
  it('npm run teams:package writes a zip whose manifest passes the official schema offline', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ikz-pkg-')), 'teams.zip');
    const result = await runPackage(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', TEAMS_VALID_DOMAINS: 'ikz-assistent.example.de' },
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'Förder-Check',
      'Antrag stellen',
      'Hilfe',
    ]);
    expect(manifest.composeExtensions[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toContain('ikz-assistent.example.de');
  });

  it('has icons of the sizes Teams requires', () => {
    const size = (file: string) => {
      const png = readFileSync(join(ROOT, 'appPackage', file));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('color.png')).toEqual([192, 192]);
    expect(size('outline.png')).toEqual([32, 32]);
  });

  it('refuses to build without the bot id, naming the setting', async () => {
    const result = await runPackage({}, join(tmpdir(), 'never.zip'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MicrosoftAppId must be the bot's app id (a GUID)");
  });

  it.each([
    [{ appId: 'not-a-guid' }, /MicrosoftAppId/],
    [{ version: '1.0' }, /version must look like/],
    [{ validDomains: ['https://bad/path'] }, /TEAMS_VALID_DOMAINS/],
  ])('rejects %o', (change, message) => {
    const values = {
      appId: APP_ID,
      version: '1.0.0',
      websiteUrl: 'https://e.org',
      privacyUrl: 'https://e.org',
      validDomains: [],
      ...change,
    };
    expect(() => fillTeamsManifest(template, values)).toThrow(TeamsPackageError);
    expect(() => fillTeamsManifest(template, values)).toThrow(message);
  });
});
