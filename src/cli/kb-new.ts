// `npm run kb:new -- "Titel" [--folder foerderung]`: creates a knowledge article skeleton with every field.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig, loadDotEnv } from '../config/config.js';
import { articleId, articleSkeleton } from '../knowledge/article-skeleton.js';
import { runCli } from './bootstrap.js';

runCli(async () => {
  loadDotEnv();
  const config = loadConfig(process.env);
  const args = process.argv.slice(2);
  const folderFlag = args.indexOf('--folder');
  const folder = folderFlag >= 0 ? args[folderFlag + 1] : undefined;
  const title = args
    .filter((a, i) => a !== '--folder' && i !== folderFlag + 1)
    .join(' ')
    .trim();
  if (!title || (folderFlag >= 0 && !folder)) {
    process.stderr.write('Usage: npm run kb:new -- "Titel des Artikels" [--folder unterordner]\n');
    return 64;
  }
  if (folder && !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(folder))
    throw new Error(`--folder must be a relative folder of lower-case letters, digits and hyphens (got "${folder}")`);
  const id = articleId(title);
  if (!id) throw new Error('The title needs letters or digits');
  const dir = join(config.knowledgeDir, folder ?? '');
  const file = join(dir, `${id}.md`);
  if (existsSync(file)) throw new Error(`${relative(process.cwd(), file)} exists already; choose another title`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, articleSkeleton(id, title, new Date().toISOString().slice(0, 10)));
  process.stdout.write(`Created ${relative(process.cwd(), file)} – fill in the TODOs, then run npm run kb:check.\n`);
  return 0;
});
