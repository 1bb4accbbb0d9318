/** Opening hours of the advisory office: weekdays (1 = Monday … 7 = Sunday) and a daily time window. */
export interface OfficeHours {
  days: number[];
  /** Minutes after midnight, local time of `timeZone`. */
  opens: number;
  closes: number;
  timeZone: string;
}

const DAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
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

/** The office hours as users read them: `Mo–Fr 08:00–16:00 Uhr`. */
export function describeOfficeHours(hours: OfficeHours): string {
  const names = hours.days.map((d) => DAY_CODES[d - 1]!.replace(/^./, (c) => c.toUpperCase()));
  const contiguous = hours.days.every((d, i) => i === 0 || d === hours.days[i - 1]! + 1);
  const days = contiguous && names.length > 2 ? `${names[0]}–${names.at(-1)}` : names.join(', ');
  return `${days} ${clock(hours.opens)}–${clock(hours.closes)} Uhr`;
}

/**
 * What to tell a user after a handoff about when the office will answer (pure): during office hours
 * that the request is with the office now; outside them, from when to expect a reply.
 */
export function expectedResponse(now: Date, hours: OfficeHours): string {
  const local = localTime(now, hours.timeZone);
  const open = hours.days.includes(local.weekday) && local.minutes >= hours.opens && local.minutes < hours.closes;
  if (open) {
    return `Die Beratungsstelle ist jetzt besetzt (${describeOfficeHours(hours)}) und meldet sich so bald wie möglich bei Ihnen.`;
  }
  for (let ahead = 0; ahead <= 7; ahead++) {
    const weekday = ((local.weekday - 1 + ahead) % 7) + 1;
    if (!hours.days.includes(weekday)) continue;
    if (ahead === 0 && local.minutes >= hours.opens) continue;
    const when = ahead === 0 ? 'heute' : ahead === 1 ? 'morgen' : DAY_NAMES[weekday - 1];
    return `Die Beratungsstelle ist gerade nicht besetzt (Servicezeiten ${describeOfficeHours(hours)}). Sie bearbeitet Ihre Anfrage ab ${when}, ${clock(hours.opens)} Uhr.`;
  }
  return `Die Beratungsstelle meldet sich während ihrer Servicezeiten (${describeOfficeHours(hours)}).`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Weekday (1 = Monday) and minutes after midnight of `date` in `timeZone`. */
function localTime(date: Date, timeZone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}
