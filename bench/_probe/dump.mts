import { readFileSync } from 'node:fs';
const root = process.argv[2]!;
const { KnowledgeService } = await import(`${root}/src/knowledge/knowledge-service.ts`);
const { silentLogger } = await import(`${root}/src/logging/logger.ts`);
const k = await KnowledgeService.load(`${root}/knowledge`, silentLogger());
const out: unknown[] = [];
for (const f of ['/work/shared/eval/dev-questions.jsonl', '/work/shared/eval/realistic-examples.jsonl', '/work/wt/engine/eval/team-questions.jsonl']) {
  for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const q = JSON.parse(line).question as string;
    const d = k.answer(q);
    out.push({ q, outcome: d.outcome, sections: d.outcome === 'answer' ? d.sections.map((s: any) => s.heading) : undefined, c: d.candidates.map((c: any) => [c.article.id, c.score, c.coverage, c.questionMatch]) });
  }
}
console.log(JSON.stringify(out));
