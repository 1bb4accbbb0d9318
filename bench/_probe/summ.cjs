const r=require(process.argv[2]);
console.log(JSON.stringify(r.startup));
for (const t of r.targets) console.log(t.name, t.value, t.met);
const f=(x)=>JSON.stringify({p50:x.p50Ms,p99:x.p99Ms,qps:x.qps,cold50:x.coldP50Ms,cold99:x.coldP99Ms,build:x.buildMs,heap:x.heapMb});
console.log('shipped',f(r.retrieval.shipped)); console.log('2k',f(r.retrieval.synthetic2k)); console.log('10k', r.retrieval.synthetic10k && f(r.retrieval.synthetic10k)); console.log('base',f(r.retrieval.baseline), r.retrieval.baseline.accuracy, r.retrieval.baseline.passed, 'base2k', f(r.retrieval.baseline.synthetic2k), 'acc', r.retrieval.accuracy, r.retrieval.passed, r.retrieval.total);
console.log('e2e', r.e2e.ratio, r.e2e.bot.turnsPerSec, r.e2e.floor.turnsPerSec, 'short', r.e2e.shortConversations.ratio, r.e2e.shortConversations.bot.turnsPerSec, r.e2e.shortConversations.floor.turnsPerSec, 'dl', r.e2e.directLineReplyMs, r.e2e.directLineP99Ms, 'bot p50/p99', r.e2e.bot.p50Ms, r.e2e.bot.p99Ms, 'floor', r.e2e.floor.p50Ms, r.e2e.floor.p99Ms, 'rss', r.e2e.rssAfterLoadMb, 'errors', r.e2e.bot.non2xx + r.e2e.bot.errors + r.e2e.bot.timeouts);
console.log(r.machine);
