import type { ProgrammeParameters } from '../funding/programme-parameters.js';
import type { AsOfPrecision } from './article-schema.js';
import type { IntentsFile } from './intent-schema.js';
import type { DetailsFile } from './details-schema.js';
import type { AnalyzerSettings } from '../language/german-analyzer.js';

/** Where a fact comes from: the official page an article is based on, or a source without web address and its year. */
export interface KnowledgeSource {
  title: string;
  url?: string;
  year?: number;
}

/** One part of an article: the intro (heading `null`) or a `##` section. */
export interface ArticleSection {
  /** `null` for the intro paragraph(s) before the first `##` heading. */
  heading: string | null;
  /** The section's Markdown as written (internal links still relative). */
  markdown: string;
  /** Plain text of the section, for indexing and scoring. */
  text: string;
}

/** A validated knowledge article, the unit the bot answers with. */
export interface Article {
  id: string;
  title: string;
  questions: string[];
  keywords: string[];
  source: KnowledgeSource;
  furtherSources: KnowledgeSource[];
  /**
   * Date of the source's content, `YYYY-MM-DD` (its first day when only month or year are known; for an
   * undated source the day it was checked).
   */
  asOf: string;
  /** How exactly `asOf` is known (absent: to the day). */
  asOfPrecision?: AsOfPrecision;
  asOfNote?: string;
  /** Which version (Fassung) of the funding programme the rule comes from, e.g. `RV 2021`. */
  version?: string;
  /** Last editorial review, `YYYY-MM-DD`. */
  reviewed?: string;
  related: string[];
  /** Guided dialogs offered as buttons under the answer (`foerder-check`, `antrag-stellen`). */
  offers: Array<'foerder-check' | 'antrag-stellen'>;
  /** An overview of its topic: it answers a question that names only topics all articles share („IKZ-Förderung?“). */
  overview: boolean;
  /** About a service that helps municipalities itself (advice, checks, help after an attack): it answers "Wer hilft uns?" for its matter. */
  helps: boolean;
  /** Path relative to the knowledge folder, with forward slashes. */
  file: string;
  sections: ArticleSection[];
  /** Targets of relative Markdown links in the body, resolved relative to the knowledge folder. */
  internalLinks: string[];
}

/** A problem found in the knowledge base, always naming the file. */
export interface KnowledgeProblem {
  file: string;
  reason: string;
  /** `error` files are skipped at start-up and fail `kb:check`; `warning`s only fail `kb:check`. */
  severity: 'error' | 'warning';
}

/** Analyser, scope and programme data that editors maintain in `knowledge/_meta/`. */
export interface KnowledgeMeta extends AnalyzerSettings {
  /** Rules and amounts of the funding programme (`_meta/foerderprogramm.yml`); absent when broken. */
  programme?: ProgrammeParameters;
  /** Example utterances per intent (`_meta/intents.yml`); absent when broken or missing. */
  intents?: IntentsFile;
  /** The kinds of detail a question can ask for (`_meta/details.yml`); absent when broken or missing. */
  details?: DetailsFile;
  /** Regions and funders outside the Hessian programme; a question naming one is out of scope. */
  outsideScope: string[];
  /** Fields of law and administration the articles do not cover (`analyzer.yml`, `outside_topics`): no answer. */
  outsideTopics: string[];
}

/** Everything loaded from the knowledge folder. */
export interface KnowledgeBase {
  articles: Article[];
  meta: KnowledgeMeta;
  problems: KnowledgeProblem[];
}
