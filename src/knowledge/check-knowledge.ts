import { referencedArticles } from '../funding/programme-parameters.js';
import { GermanAnalyzer } from '../language/german-analyzer.js';
import type { KnowledgeBase, KnowledgeProblem } from './types.js';

/** Options of the cross-file checks. */
export interface CheckOptions {
  /** An article whose newest date (`as_of` or `reviewed`) is older than this is reported as stale. */
  maxAgeDays: number;
  /** "Today", injectable for tests. */
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A note that says the article's main source has no date (the old way of writing an undated `as_of`). */
const UNDATED_NOTE = /^quelle undatiert|stand der recherche/i;

/**
 * Checks what only shows across files (pure): `related` ids and links that point nowhere, stale articles (both
 * `as_of` and `reviewed` older than `maxAgeDays`), ignored synonyms. With the loading problems: all `kb:check` reports.
 */
export function checkKnowledgeBase(kb: KnowledgeBase, options: CheckOptions): KnowledgeProblem[] {
  const problems = [...kb.problems];
  const ids = new Set(kb.articles.map((a) => a.id));
  const files = new Set(kb.articles.map((a) => a.file));
  const now = (options.now ?? new Date()).getTime();
  for (const article of kb.articles) {
    const warn = (reason: string) => problems.push({ file: article.file, severity: 'warning', reason });
    for (const id of article.related) {
      if (id === article.id) warn(`related lists the article itself ("${id}")`);
      else if (!ids.has(id)) warn(`related id "${id}" points to no article`);
    }
    for (const link of article.internalLinks) {
      if (!files.has(link)) warn(`broken internal link to "${link}" (no such article file)`);
    }
    // An undated source must not look dated: "as_of: undatiert" makes replies say "Quelle undatiert, geprüft <Monat Jahr>".
    if (article.asOfPrecision !== 'undated' && UNDATED_NOTE.test(article.asOfNote ?? '')) {
      warn('as_of_note calls the source undated but as_of gives a date: write "as_of: undatiert" (replies then say when it was checked)');
    }
    const newest = article.reviewed && article.reviewed > article.asOf ? article.reviewed : article.asOf;
    const ageDays = Math.floor((now - Date.parse(`${newest}T00:00:00Z`)) / DAY_MS);
    if (ageDays > options.maxAgeDays) {
      warn(
        `stale: as_of ${article.asOf}${article.reviewed ? `, reviewed ${article.reviewed}` : ''} is older than ${options.maxAgeDays} days`,
      );
    }
  }
  for (const member of new GermanAnalyzer(kb.meta).collapsedSynonyms()) {
    problems.push({
      file: '_meta/synonyms.yml',
      severity: 'warning',
      reason: `"${member}" keeps only one word that is not a stop word; the search ignores it (it would stand for that word alone)`,
    });
  }
  if (kb.meta.programme) {
    for (const id of referencedArticles(kb.meta.programme)) {
      if (!ids.has(id)) {
        problems.push({ file: '_meta/foerderprogramm.yml', severity: 'warning', reason: `source article "${id}" points to no article` });
      }
    }
  }
  return problems;
}
