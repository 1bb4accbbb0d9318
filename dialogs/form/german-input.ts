/**
 * Parsing of what users type into a guided dialog: numbers in German formats (`75.000`, `1,5 Mio`,
 * `15 %`, `drei`), yes/no, durations. Pure functions; `undefined` means "not understood".
 */

import { parseGermanNumber } from '../../src/understanding/german-numbers.js';
import { spellOutUmlauts } from '../../src/language/german-normalizer.js';

// The number parser lives in the understanding layer, which reads numbers in questions too.
export { parseGermanNumber };

/** A whole number within bounds (`3`, `drei`, `5 Kommunen`), else `undefined`. */
export function parseCount(text: string, min: number, max: number): number | undefined {
  const value = parseGermanNumber(text);
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** A percentage between -100 and 100 (`15 %`, `20 Prozent`, `12,5`). */
export function parsePercent(text: string): number | undefined {
  const value = parseGermanNumber(text);
  return value !== undefined && value >= -100 && value <= 100 ? value : undefined;
}

/** An amount of money in euro, at least 0 (`75.000 €`, `1,2 Mio`). */
export function parseEuro(text: string): number | undefined {
  const value = parseGermanNumber(text);
  return value !== undefined && value >= 0 && value < 1e12 ? value : undefined;
}

/** A planned duration: years (1–100), or `null` for "auf Dauer"/"unbefristet". */
export function parseDuration(text: string): number | null | undefined {
  if (/(unbefristet|unbegrenzt|dauerhaft|auf dauer|für immer|fuer immer|ohne ende|unbestimmt)/i.test(text)) return null;
  return parseCount(text, 1, 100);
}

/** Yes or no, as users write it; `undefined` when neither. */
export function parseYesNo(text: string): boolean | undefined {
  const t = normalizeAnswer(text);
  if (/^(ja|jap|jo|jawohl|yes|genau|richtig|stimmt|klar|sicher|ja alle|alle|j)$/.test(t)) return true;
  if (/^(nein|nee|ne|no|noch nicht|nicht|keine|kein|n|leider nicht)$/.test(t)) return false;
  return undefined;
}

/** Lower case, umlauts folded, punctuation removed: for matching typed answers against choices. */
export function normalizeAnswer(text: string): string {
  return spellOutUmlauts(text)
    .replace(/[^\p{L}\p{N}§ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
