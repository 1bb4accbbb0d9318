/**
 * General German word knowledge from OpenThesaurus (LGPL-2.1), as shipped in `knowledge/_meta/` by
 * `scripts/derive-thesaurus.ts`: synonym sets that lead from everyday words to words of the knowledge
 * base, and a list of ordinary words (verbs, adjectives, adverbs) that name no topic.
 */
export const THESAURUS_FILES = { subset: 'openthesaurus-subset.txt', words: 'openthesaurus-words.txt' } as const;

/** What the analyser knows from OpenThesaurus. */
export interface ThesaurusData {
  /** Synonym sets, each a list of single words as written (`['beilegen', 'beifügen']`). */
  sets: string[][];
  /** Index terms (stems) of ordinary words (verbs, adjectives, adverbs) the knowledge base does not contain. */
  ordinaryTerms: string[];
  /**
   * Index terms of German words (any word class) the knowledge base does not contain that are one or two
   * keystrokes from one it does (`Leitung`, `Leistung`): real words, no typos (see `GermanAnalyzer.typoCorrections`).
   * Absent: none.
   */
  realTerms?: string[];
}

export const EMPTY_THESAURUS: ThesaurusData = { sets: [], ordinaryTerms: [], realTerms: [] };

/**
 * The line of `openthesaurus-words.txt` after which the real words near the knowledge base's words follow
 * (`ThesaurusData.realTerms`); before it, the ordinary words.
 */
export const REAL_WORDS_MARKER = '[echte Wörter nahe am Wortschatz]';

/** Lines of a shipped thesaurus file without comments and blank lines. */
function dataLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Reads `openthesaurus-subset.txt` (one set a line, `;`-separated) and `openthesaurus-words.txt` (stems,
 * separated by spaces and line breaks: the ordinary words, then after `REAL_WORDS_MARKER` the real words near the
 * knowledge base's words). A missing file gives no data of its kind.
 */
export function parseThesaurus(subset: string | undefined, words: string | undefined): ThesaurusData {
  const lines = dataLines(words);
  const marker = lines.indexOf(REAL_WORDS_MARKER);
  const terms = (part: string[]) => part.flatMap((line) => line.split(/\s+/));
  return {
    sets: dataLines(subset)
      .map((line) =>
        line
          .split(';')
          .map((word) => word.trim())
          .filter((word) => word !== ''),
      )
      .filter((set) => set.length > 1),
    ordinaryTerms: terms(marker < 0 ? lines : lines.slice(0, marker)),
    realTerms: marker < 0 ? [] : terms(lines.slice(marker + 1)),
  };
}
