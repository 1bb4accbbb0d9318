import type { ProgrammeParameters, ProgrammeVersion } from './programme-parameters.js';

/** How many months before a version ends (with no successor known) the notice appears. */
export const NOTICE_MONTHS_BEFORE_END = 3;

/** The programme's validity seen from one day: nothing to say, the basis ends soon, or it has ended. */
export interface ValidityNotice {
  kind: 'ends_soon' | 'ended';
  /** The version the notice is about (the last one of the chain in force). */
  version: string;
  /** The German sentence for users. */
  text: string;
}

/** The version a check on a day rests on, and what users must know about its validity. */
export interface ProgrammeBasis {
  version: ProgrammeVersion;
  notice?: ValidityNotice;
}

/** `YYYY-MM-DD` in German time. Made once: creating an `Intl.DateTimeFormat` costs about a millisecond. */
const HESSIAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Hessen (`YYYY-MM-DD`) at an instant: the programme's dates are German dates. */
export function hessianDay(instant: Date): string {
  // Every turn asks (often twice); German time differs from UTC by whole hours, so the day of one minute is one day.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: HESSIAN_DAY.format(instant) };
  return lastDay.day;
}

/** The day `hessianDay` last formatted, and the minute (since the epoch) it was asked for. */
let lastDay = { minute: Number.NaN, day: '' };

/** The version in force on a day (`YYYY-MM-DD`), if any. */
export function versionInForce(parameters: ProgrammeParameters, day: string): ProgrammeVersion | undefined {
  return parameters.versions.find((v) => v.valid_from <= day && day <= v.valid_until);
}

/**
 * The version a check on `day` rests on: the one in force; after the last one has ended, still the
 * last one (with the "ended" notice); before the first, the first.
 */
export function versionOn(parameters: ProgrammeParameters, day: string): ProgrammeVersion {
  const { versions } = parameters;
  return versionInForce(parameters, day) ?? [...versions].reverse().find((v) => v.valid_from <= day) ?? versions[0]!;
}

/**
 * What users must be told on `day` about the programme's validity (pure): nothing while the versions
 * in force reach more than three months ahead; "ends soon" within the last three months of the last
 * version in an unbroken chain; "ended" once it is over and no successor is in force. A successor
 * added as data that starts the day after its predecessor ends makes the notice disappear.
 *
 * @example
 * ```ts
 * validityNotice(programme, '2026-11-15')?.text;
 * // 'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, …'
 * ```
 */
export function validityNotice(parameters: ProgrammeParameters, day: string): ValidityNotice | undefined {
  const notice = endNotice(parameters, day);
  if (notice?.kind === 'ends_soon' && day < addMonths(lastInForce(parameters, day)!.valid_until, -NOTICE_MONTHS_BEFORE_END))
    return undefined;
  return notice;
}

/**
 * What is known, on `day`, about the end of the programme, however far ahead it lies (pure): for a
 * question about the time after it ("Können wir 2027 noch einen Antrag stellen?"), which needs the
 * notice before it is due. `undefined` only before the first version.
 *
 * @example
 * ```ts
 * endNotice(programme, '2026-06-01')?.text;
 * // 'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, …'
 * ```
 */
export function endNotice(parameters: ProgrammeParameters, day: string): ValidityNotice | undefined {
  const { versions } = parameters;
  const last = lastInForce(parameters, day);
  if (last) return { kind: 'ends_soon', version: last.version, text: `Die ${last.version} gilt ${last.validity}. ${unknownAfter(last)}` };
  const ended = [...versions].reverse().find((v) => v.valid_until < day);
  if (!ended) return undefined;
  const next = versions.find((v) => v.valid_from > day);
  return { kind: 'ended', version: ended.version, text: endedText(ended, next) };
}

/**
 * The last day the programme is known to run, seen from `day`: the end of the unbroken chain of versions
 * in force, or of the last version that has ended (`YYYY-MM-DD`).
 */
export function knownUntil(parameters: ProgrammeParameters, day: string): string {
  return (lastInForce(parameters, day) ?? versionOn(parameters, day)).valid_until;
}

/** The last version of the unbroken chain of successors from the one in force on `day`, if one is. */
function lastInForce(parameters: ProgrammeParameters, day: string): ProgrammeVersion | undefined {
  const current = versionInForce(parameters, day);
  if (!current) return undefined;
  // Follow successors that start right after their predecessor: only the chain's end matters.
  let last = current;
  for (let next = followerOf(parameters.versions, last); next; next = followerOf(parameters.versions, last)) last = next;
  return last;
}

/** The version in force and the notice for an instant (the bot's clock). */
export function programmeBasis(parameters: ProgrammeParameters, now: Date): ProgrammeBasis {
  const day = hessianDay(now);
  const notice = validityNotice(parameters, day);
  return notice ? { version: versionOn(parameters, day), notice } : { version: versionOn(parameters, day) };
}

function followerOf(versions: readonly ProgrammeVersion[], version: ProgrammeVersion): ProgrammeVersion | undefined {
  const nextDay = addDays(version.valid_until, 1);
  return versions.find((v) => v.valid_from > version.valid_until && v.valid_from <= nextDay);
}

function endedText(ended: ProgrammeVersion, next: ProgrammeVersion | undefined): string {
  const said = `Die ${ended.version} galt ${ended.validity}.`;
  if (next)
    return `${said} Die ${next.version} gilt ab dem ${germanDate(next.valid_from)}; bis dahin bitte vor der Antragstellung bei der Beratungsstelle nachfragen.`;
  return `${said} ${unknownAfter(ended)}`;
}

function unknownAfter(version: ProgrammeVersion): string {
  const after = addDays(version.valid_until, 1);
  const from = after.endsWith('-01-01') ? `ab ${after.slice(0, 4)}` : `nach dem ${germanDate(version.valid_until)}`;
  return `Ob und wie die Förderung ${from} weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same day `months` later (earlier when negative), or the month's last day when it has fewer days. */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastOfMonth));
  return first.toISOString().slice(0, 10);
}

function germanDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/**
 * The notice for an answer from an article (pure): due when the article is tied to a version of the
 * programme (its `version` front matter names one, e.g. `RV 2021`) and the programme ends soon or has
 * ended on the day of `now`.
 */
export function answerNotice(
  parameters: ProgrammeParameters | undefined,
  articleVersion: string | undefined,
  now: Date,
): string | undefined {
  if (!parameters || !articleVersion || !parameters.versions.some((v) => v.version === articleVersion)) return undefined;
  return validityNotice(parameters, hessianDay(now))?.text;
}
