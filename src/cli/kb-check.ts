// `npm run kb:check [-- --dir DIR]`: validates the knowledge base; exits 1 on any problem.
import { loadConfig, loadDotEnv } from '../config/config.js';
import { checkKnowledgeBase } from '../knowledge/check-knowledge.js';
import { loadKnowledgeBase } from '../knowledge/load-knowledge.js';
import { runCli } from './bootstrap.js';

runCli(async () => {
  loadDotEnv();
  const config = loadConfig(process.env);
  const dirFlag = process.argv.indexOf('--dir');
  const dir = dirFlag >= 0 ? process.argv[dirFlag + 1] : config.knowledgeDir;
  if (!dir) throw new Error('--dir needs a folder');
  const kb = await loadKnowledgeBase(dir);
  const problems = checkKnowledgeBase(kb, { maxAgeDays: config.kbMaxAgeDays });
  for (const p of problems) process.stdout.write(`${p.severity.toUpperCase()} ${dir}/${p.file}: ${p.reason}\n`);
  const summary = `${kb.articles.length} articles checked in ${dir}, ${problems.length} problem(s)`;
  process.stdout.write(`${problems.length === 0 ? 'OK' : 'FAILED'}: ${summary}\n`);
  return problems.length === 0 ? 0 : 1;
});
