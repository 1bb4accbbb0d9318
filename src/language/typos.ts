/**
 * Typos of known words: clerks type fast ("antragstelung", "zweckverbnd", "unterlagn"). A word the knowledge base
 * does not know may be one or two keystrokes away from one it knows. Pure.
 */

/**
 * The edit distance of two words (a letter replaced, inserted, deleted, or two neighbours swapped), or
 * `max + 1` as soon as it is certain to exceed `max` (so a long list of candidates is cheap to scan). A vowel
 * replaced by another counts two: that is how German words change their meaning and form (`Sitzung`,
 * `Satzung`; `verbinden`, `Verbund`), rarely a slip of the finger.
 *
 * @example
 * ```ts
 * editDistanceWithin('zweckverbnd', 'zweckverband', 2); // 1
 * editDistanceWithin('antrag', 'vertrag', 1); // 2 (more than 1)
 * ```
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Optimal string alignment distance, row by row; a row whose smallest entry exceeds `max` ends the search.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : VOWEL.test(a[i - 1]!) && VOWEL.test(b[j - 1]!) ? 2 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < smallest) smallest = value;
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

const VOWEL = /[aeiouy]/;

/** How many typos a term of this length may hold: none below 5 letters, 1 from 5, 2 from 9. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** More known words than this at the nearest distance: the typo is too ambiguous to read. */
const MAX_CORRECTIONS = 2;

/**
 * The known terms grouped by first letter and length, to look up the nearest terms of an unknown one.
 *
 * @example
 * ```ts
 * const typos = new TypoLookup(['zweckverband', 'antrag']);
 * typos.nearest('zweckverbnd', 2); // ['zweckverband']
 * ```
 */
export class TypoLookup {
  /** First letter → length → terms. */
  private readonly byStart = new Map<string, string[][]>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (term.length < 3 || /\d/.test(term)) continue;
      const byLength = this.byStart.get(term[0]!) ?? [];
      (byLength[term.length] ??= []).push(term);
      this.byStart.set(term[0]!, byLength);
    }
  }

  /**
   * The known terms nearest to `term` within `max` edits, with the same first letter (a typo rarely hits the
   * first letter, and other first letters make real words: `Kosten`, `Posten`); none when more than two are
   * equally near.
   */
  nearest(term: string, max: number): string[] {
    if (max <= 0 || term.length === 0) return [];
    const byLength = this.byStart.get(term[0]!);
    if (!byLength) return [];
    let best = max + 1;
    let found: string[] = [];
    for (let length = Math.max(0, term.length - max); length <= term.length + max; length++) {
      for (const known of byLength[length] ?? []) {
        const distance = editDistanceWithin(term, known, Math.min(max, best));
        if (distance < best) {
          best = distance;
          found = [known];
        } else if (distance === best && distance <= max) found.push(known);
      }
    }
    return best <= max && found.length <= MAX_CORRECTIONS ? found : [];
  }
}
