import { readFileSync } from 'node:fs';
const root = process.argv[2]!;
const { KnowledgeService } = await import(`${root}/src/knowledge/knowledge-service.ts`);
const { silentLogger } = await import(`${root}/src/logging/logger.ts`);
const cacheDir = process.argv[3]; await KnowledgeService.load(`${root}/knowledge`, silentLogger(), { cacheDir }); const k = await KnowledgeService.load(`${root}/knowledge`, { ...silentLogger(), info: (o: any) => console.error(JSON.stringify(o)) } as any, { cacheDir });
const out: unknown[] = [];
for (const f of ['/work/shared/eval/dev-questions.jsonl', '/work/shared/eval/realistic-examples.jsonl', '/work/wt/engine/eval/team-questions.jsonl']) {
  for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const q = JSON.parse(line).question as string;
    const d = k.answer(q);
    out.push({ q, outcome: d.outcome, sections: d.outcome === 'answer' ? d.sections.map((s: any) => s.heading) : undefined, c: d.candidates.map((c: any) => [c.article.id, c.score, c.coverage, c.questionMatch]) });
  }
}
console.log(JSON.stringify(out));
