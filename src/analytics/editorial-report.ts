import { escapeMarkdownInline } from '../bot/safe-text.js';
import type { Article } from '../knowledge/types.js';
import type { AnalyticsEvent } from './analytics-events.js';
import { WEAK_COVERAGE } from './analytics-events.js';

/** One group of similarly worded unanswered or weak questions. */
export interface QuestionGroup {
  count: number;
  examples: string[];
}

/** Everything the editorial report shows for a period. */
export interface EditorialReport {
  period: { from: string; to: string };
  conversations: number;
  questions: number;
  rates: { answer: number; clarify: number; no_answer: number };
  dialogs: { started: number; finished: number };
  handoffs: number;
  unansweredGroups: QuestionGroup[];
  downvotedArticles: Array<{ articleId: string; title: string; down: number; up: number; comments: string[] }>;
  staleArticles: Array<{ id: string; title: string; file: string; newestDate: string }>;
  weekly: Array<{ week: string; questions: number; answer: number; clarify: number; no_answer: number }>;
}

export interface ReportOptions {
  from: Date;
  to: Date;
  /** Articles whose `as_of` and `reviewed` are older than this are listed as stale. */
  maxAgeDays: number;
  now?: Date;
  /** Index terms of a text (the knowledge base's analyser), for grouping similar wordings. */
  termsOf: (text: string) => string[];
}

/**
 * Two wordings belong to one group when the shorter one shares at least this share of its terms with the
 * group (overlap coefficient): "Wie hoch ist die Hundesteuer?" joins a longer question about the Hundesteuer.
 */
const SIMILAR = 0.6;
const TOP = 10;

/**
 * Builds the editorial report from analytics events (pure): rates, dialogs, handoffs, the most frequent
 * groups of unanswered questions with examples, the articles with the most 👎, and stale articles.
 */
export function buildEditorialReport(events: AnalyticsEvent[], articles: readonly Article[], options: ReportOptions): EditorialReport {
  const questions = events.filter((e): e is Extract<AnalyticsEvent, { type: 'question' }> => e.type === 'question');
  const count = (outcome: string) => questions.filter((q) => q.outcome === outcome).length;
  const rate = (n: number) => (questions.length === 0 ? 0 : Math.round((n / questions.length) * 1000) / 1000);
  const conversations = new Set(events.flatMap((e) => ('conversation' in e ? [e.conversation] : [])));
  const dialogs = events.filter((e): e is Extract<AnalyticsEvent, { type: 'dialog' }> => e.type === 'dialog');
  const unanswered = questions
    .filter((q) => q.question && (q.outcome !== 'answer' || (q.coverage ?? 1) < WEAK_COVERAGE))
    .map((q) => q.question!);
  return {
    period: { from: options.from.toISOString().slice(0, 10), to: options.to.toISOString().slice(0, 10) },
    conversations: conversations.size,
    questions: questions.length,
    rates: { answer: rate(count('answer')), clarify: rate(count('clarify')), no_answer: rate(count('no_answer')) },
    dialogs: {
      started: dialogs.filter((d) => d.status === 'started').length,
      finished: dialogs.filter((d) => d.status === 'finished').length,
    },
    handoffs: events.filter((e) => e.type === 'handoff').length,
    unansweredGroups: groupQuestions(unanswered, options.termsOf).slice(0, TOP),
    downvotedArticles: downvoted(events, articles),
    staleArticles: stale(articles, options.maxAgeDays, options.now ?? new Date()),
    weekly: weekly(questions),
  };
}

/** Groups similar wordings (greedy, by shared index terms), largest groups first. */
export function groupQuestions(questions: string[], termsOf: (text: string) => string[]): QuestionGroup[] {
  const groups: Array<{ terms: Set<string>; examples: string[]; count: number }> = [];
  for (const question of questions) {
    // The placeholders of removed personal data say nothing about the topic.
    const terms = new Set(termsOf(question.replace(/\[(Name|E-Mail|Telefon)\]/g, ' ')));
    const group = groups.find((g) => overlap(g.terms, terms) >= SIMILAR);
    if (group) {
      group.count++;
      if (group.examples.length < 3 && !group.examples.includes(question)) group.examples.push(question);
      for (const t of terms) group.terms.add(t);
    } else {
      groups.push({ terms, examples: [question], count: 1 });
    }
  }
  return groups.sort((a, b) => b.count - a.count).map(({ count, examples }) => ({ count, examples }));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const t of b) if (a.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

function downvoted(events: AnalyticsEvent[], articles: readonly Article[]): EditorialReport['downvotedArticles'] {
  const byArticle = new Map<string, { down: number; up: number; comments: string[] }>();
  for (const e of events) {
    if (e.type !== 'feedback') continue;
    const entry = byArticle.get(e.articleId) ?? { down: 0, up: 0, comments: [] };
    if (e.helpful) entry.up++;
    else entry.down++;
    if (e.comment && entry.comments.length < 3) entry.comments.push(e.comment);
    byArticle.set(e.articleId, entry);
  }
  return [...byArticle.entries()]
    .filter(([, v]) => v.down > 0)
    .sort((a, b) => b[1].down - a[1].down)
    .slice(0, TOP)
    .map(([articleId, v]) => ({ articleId, title: articles.find((a) => a.id === articleId)?.title ?? articleId, ...v }));
}

function stale(articles: readonly Article[], maxAgeDays: number, now: Date): EditorialReport['staleArticles'] {
  const limit = new Date(now.getTime() - maxAgeDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return articles
    .map((a) => ({ id: a.id, title: a.title, file: a.file, newestDate: [a.asOf, a.reviewed ?? ''].sort().at(-1)! }))
    .filter((a) => a.newestDate < limit)
    .sort((a, b) => a.newestDate.localeCompare(b.newestDate));
}

function weekly(questions: Array<Extract<AnalyticsEvent, { type: 'question' }>>): EditorialReport['weekly'] {
  const weeks = new Map<string, { questions: number; answer: number; clarify: number; no_answer: number }>();
  for (const q of questions) {
    const week = isoWeek(new Date(q.at));
    const entry = weeks.get(week) ?? { questions: 0, answer: 0, clarify: 0, no_answer: 0 };
    entry.questions++;
    entry[q.outcome]++;
    weeks.set(week, entry);
  }
  return [...weeks.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([week, w]) => ({
      week,
      questions: w.questions,
      answer: Math.round((w.answer / w.questions) * 1000) / 1000,
      clarify: Math.round((w.clarify / w.questions) * 1000) / 1000,
      no_answer: Math.round((w.no_answer / w.questions) * 1000) / 1000,
    }));
}

/** ISO 8601 week of a date, e.g. `2026-W48`. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;

/** The report as Markdown for editors (German); `chartFile` is the SVG chart to embed, if any. */
export function reportMarkdown(report: EditorialReport, chartFile?: string): string {
  const lines = [
    `# IKZ-Assistent: Redaktionsbericht ${report.period.from} bis ${report.period.to}`,
    '',
    '## Überblick',
    '',
    '| Kennzahl | Wert |',
    '| --- | --- |',
    `| Gespräche | ${report.conversations} |`,
    `| Fragen | ${report.questions} |`,
    `| beantwortet | ${pct(report.rates.answer)} |`,
    `| Rückfrage (clarify) | ${pct(report.rates.clarify)} |`,
    `| keine Antwort | ${pct(report.rates.no_answer)} |`,
    `| Dialoge gestartet / abgeschlossen | ${report.dialogs.started} / ${report.dialogs.finished} |`,
    `| Übergaben an die Beratung | ${report.handoffs} |`,
    '',
  ];
  if (chartFile) lines.push('## Antwortquoten pro Woche', '', `![Antwortquoten pro Woche](${chartFile})`, '');
  lines.push('## Häufigste unbeantwortete oder unsichere Fragen', '');
  if (report.unansweredGroups.length === 0) lines.push('Keine.', '');
  // Questions and comments are user text: escaped, so a report viewer never renders them as links or HTML.
  report.unansweredGroups.forEach((g, i) =>
    lines.push(`${i + 1}. **${g.count}×** – ${g.examples.map((e) => `„${escapeMarkdownInline(e)}“`).join(' · ')}`),
  );
  lines.push('', '## Artikel mit den meisten 👎', '');
  if (report.downvotedArticles.length === 0) lines.push('Keine.', '');
  for (const a of report.downvotedArticles) {
    const comments = a.comments.map((c) => `„${escapeMarkdownInline(c)}“`).join(' · ');
    lines.push(
      `- **${escapeMarkdownInline(a.title)}** (\`${a.articleId}\`): ${a.down}× 👎, ${a.up}× 👍${comments ? ` – Hinweise: ${comments}` : ''}`,
    );
  }
  lines.push('', '## Veraltete Artikel', '');
  if (report.staleArticles.length === 0) lines.push('Keine.', '');
  for (const a of report.staleArticles)
    lines.push(`- **${escapeMarkdownInline(a.title)}** (\`knowledge/${a.file}\`): zuletzt ${a.newestDate}`);
  lines.push('');
  return lines.join('\n');
}
