/** Opening hours of the advisory office: weekdays (1 = Monday … 7 = Sunday) and a daily time window. */
export interface OfficeHours {
  days: number[];
  /** Minutes after midnight, local time of `timeZone`. */
  opens: number;
  closes: number;
  timeZone: string;
}

const DAY_CODES = ['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'];

/**
 * Reads office hours written like `Mo-Fr 08:00-16:00` (or `Mo,Mi 09:00-12:00`). Returns `undefined` for
 * anything else, so configuration can reject it with a clear message.
 */
export function parseOfficeHours(text: string, timeZone = 'Europe/Berlin'): OfficeHours | undefined {
  const match = /^\s*([a-zA-Z]{2}(?:\s*[-,]\s*[a-zA-Z]{2})*)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const days = new Set<number>();
  for (const part of match[1]!.toLowerCase().split(',')) {
    const [from, to] = part.split('-').map((d) => DAY_CODES.indexOf(d.trim()) + 1);
    if (!from || (to !== undefined && !to)) return undefined;
    for (let d = from; d <= (to ?? from); d++) days.add(d);
  }
  const opens = Number(match[2]) * 60 + Number(match[3]);
  const closes = Number(match[4]) * 60 + Number(match[5]);
  if (opens >= closes || closes > 24 * 60 || days.size === 0) return undefined;
  return { days: [...days].sort(), opens, closes, timeZone };
}
