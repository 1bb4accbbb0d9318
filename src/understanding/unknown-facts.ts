import type { Article, ArticleSection } from '../knowledge/types.js';
import { splitSentences } from './sentences.js';

/**
 * Answers whose passage says the fact is not known (pure). Articles name what their sources leave open ("Wie
 * und wann die IKZ-Förderung ausgezahlt wird … ist nicht bekannt", a section "Nicht bekannt / Bitte beim
 * Beratungszentrum nachfragen" listing open points). A question about such a point finds that article, and
 * showing it reads like an answer. So the article's statements are weighed against the question: when the one
 * that fits it best says the fact is unknown, and no statement that says something fits nearly as well, the
 * honest reply is that the information is missing, with the advisors' offer.
 */

/** A query word: its index terms (its own first, then compound parts and synonyms) and its weight (IDF). */
export interface WeightedWord {
  terms: readonly string[];
  weight: number;
}

/** What the reading needs from the knowledge base. */
export interface StatementReader {
  /** The index terms of a text. */
  termsOf(text: string): readonly string[];
  /** Whether a text says that something is not known (`_meta/details.yml`, `unknown_markers`). */
  saysUnknown(text: string): boolean;
}

/** A word found only through a compound part or synonym counts this much. */
const ALTERNATIVE_WEIGHT = 0.5;
/** A statement that says something counts as fitting nearly as well from this share of the unknown one's fit. */
const KNOWN_NEARLY_AS_WELL = 0.85;

/**
 * The open point of the answer's chosen passage that the question asks about: an item of a list under a heading
 * that says it is not known ("Nicht bekannt / …"), among the sections `shown`, when it fits the question best of
 * all the article's statements. `undefined` when a statement with content fits about as well (statements that
 * themselves say something is unknown count for neither side).
 */
export function unknownStatement(
  article: Article,
  shown: readonly ArticleSection[],
  words: readonly WeightedWord[],
  reader: StatementReader,
): string | undefined {
  let unknown = { fit: 0, text: '' };
  let known = 0;
  const asked = new Set(words.flatMap((w) => w.terms.filter(isYear)));
  for (const section of article.sections) {
    const openList = section.heading !== null && shown.includes(section) && reader.saysUnknown(section.heading);
    // A statement is read with its section's heading ("2016: Leichte Anpassung" tells what its items are about).
    const heading = section.heading !== null && !openList ? reader.termsOf(section.heading) : [];
    for (const statement of splitSentences(section.text)) {
      const fit = fitOf([...reader.termsOf(statement), ...heading], words);
      if (openList && LIST_ITEM.test(statement)) {
        // A question about one year does not ask an open point about another ("was sich 2021 gegenüber 2016 …").
        const otherYear = asked.size > 0 && reader.termsOf(statement).some((t) => isYear(t) && !asked.has(t));
        if (fit > unknown.fit && !otherYear) unknown = { fit, text: statement.replace(LIST_ITEM, '') };
      } else if (!reader.saysUnknown(statement)) known = Math.max(known, fit);
    }
  }
  return unknown.fit > 0 && known < unknown.fit * KNOWN_NEARLY_AS_WELL ? unknown.text : undefined;
}

/** How much of the question's weight a statement holds: a word by its own term fully, by a part or synonym in part. */
function fitOf(statementTerms: readonly string[], words: readonly WeightedWord[]): number {
  const terms = new Set(statementTerms);
  let fit = 0;
  for (const { terms: alternatives, weight } of words) {
    if (alternatives.length === 0) continue;
    if (terms.has(alternatives[0]!)) fit += weight;
    else if (alternatives.some((t) => terms.has(t))) fit += weight * ALTERNATIVE_WEIGHT;
  }
  return fit;
}

const LIST_ITEM = /^\s*[•*-]\s+/u;

function isYear(term: string): boolean {
  return /^\d{4}$/.test(term);
}
