// node bench/_probe/mem.cjs [knowledgeDir] : loads the bundle, waits for ready, prints memory
const v8 = require('node:v8');
process.env.PORT = '0'; process.env.HOST = '127.0.0.1'; process.env.STORAGE_BACKEND = 'sqlite';
process.env.DATA_DIR = require('fs').mkdtempSync('/tmp/mem-');
if (process.argv[2]) process.env.KNOWLEDGE_DIR = process.argv[2];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (c, ...a) => { if (String(c).includes('IKZ-Assistent ready')) setTimeout(report, 3000); return true; };
function report() {
  const mb = (x) => Math.round(x / 1e6);
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size) + '/' + mb(s.space_size)]));
  console.error(JSON.stringify({ rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces }));
  if (global.gc) { global.gc(); const m2 = process.memoryUsage(); console.error('after gc', mb(m2.rss), mb(m2.heapUsed), mb(m2.heapTotal)); }
  process.exit(0);
}
require('../../dist/ikz-assistent.cjs');
