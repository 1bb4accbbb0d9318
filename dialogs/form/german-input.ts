/**
 * Parsing of what users type into a guided dialog: numbers in German formats (`75.000`, `1,5 Mio`,
 * `15 %`, `drei`), yes/no, durations. Pure functions; `undefined` means "not understood".
 */

const NUMBER_WORDS: Record<string, number> = {
  // Not "ein"/"eine": in a sentence they are articles ("was ist ein GVV"), not the number one.
  null: 0,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwoelf: 12,
  zwanzig: 20,
};

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(mrd\.?|milliarden?)$/, 1e9],
  [/^(mio\.?|millionen?)$/, 1e6],
  [/^(tsd\.?|tausend|t€|k€|k)$/, 1e3],
];

/**
 * Reads one number written the German way: `75.000` and `75 000` (thousands), `1,5` (decimal comma),
 * `1,5 Mio` / `2 Millionen` / `80 Tsd`, number words up to twelve. Text around the number is allowed
 * ("ca. 75.000 €", "etwa 20 Prozent"); two different numbers are ambiguous and give `undefined`.
 *
 * @example
 * ```ts
 * parseGermanNumber('1,5 Mio'); // 1500000
 * parseGermanNumber('75.000 €'); // 75000
 * parseGermanNumber('drei'); // 3
 * ```
 */
export function parseGermanNumber(text: string): number | undefined {
  const cleaned = text
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/(\d)\s+(?=\d{3}(?!\d))/g, '$1.')
    .trim();
  const matches = [...cleaned.matchAll(/-?\d+(?:\.\d{3})*(?:,\d+)?|-?\d+(?:[.,]\d+)?/g)];
  if (matches.length === 0) {
    const words = cleaned.split(/[^\p{L}]+/u).filter((w) => w in NUMBER_WORDS);
    return words.length === 1 ? NUMBER_WORDS[words[0]!] : undefined;
  }
  if (matches.length > 1) return undefined;
  const match = matches[0]!;
  const raw = match[0];
  let value: number;
  if (/^-?\d+(\.\d{3})+(,\d+)?$/.test(raw)) value = Number(raw.replace(/\./g, '').replace(',', '.'));
  else value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const after =
    cleaned
      .slice((match.index ?? 0) + raw.length)
      .trim()
      .split(/\s+/)[0] ?? '';
  for (const [unit, factor] of MULTIPLIERS) if (unit.test(after.replace(/[€,;]+$/, ''))) return Math.round(value * factor * 100) / 100;
  return value;
}

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
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[^\p{L}\p{N}§ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
