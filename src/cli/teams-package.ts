// `npm run teams:package`: writes the Teams app package (zip) with the bot id from `.env`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { loadConfig, loadDotEnv } from '../config/config.js';
import { fillTeamsManifest, type TeamsManifestTemplate } from './teams-manifest.js';
import { runCli } from './bootstrap.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const APP_PACKAGE = join(ROOT, 'appPackage');

runCli(async () => {
  loadDotEnv();
  const config = loadConfig(process.env);
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag >= 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1]! : join(ROOT, 'dist', 'ikz-assistent-teams.zip');
  const template = JSON.parse(readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8')) as TeamsManifestTemplate;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = fillTeamsManifest(template, {
    appId: config.bot.appId,
    version,
    websiteUrl: config.office.url,
    privacyUrl: process.env.PRIVACY_URL?.trim() || config.office.url,
    validDomains: (process.env.TEAMS_VALID_DOMAINS ?? '').split(','),
  });
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(join(APP_PACKAGE, 'color.png')),
    'outline.png': readFileSync(join(APP_PACKAGE, 'outline.png')),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`Teams app package written to ${out} (app id ${manifest.id}, version ${manifest.version})\n`);
});
