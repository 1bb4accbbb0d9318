import { describe, expect, it } from 'vitest';
import { parseOfficeHours } from '../../src/config/office-hours-parser.js';
import { describeOfficeHours, expectedResponse } from '../../src/handoff/office-hours.js';

const hours = parseOfficeHours('Mo-Fr 08:00-16:00')!;

describe('office hours', () => {
  it('reads and describes the configured hours', () => {
    expect(hours).toEqual({ days: [1, 2, 3, 4, 5], opens: 480, closes: 960, timeZone: 'Europe/Berlin' });
    expect(describeOfficeHours(hours)).toBe('Mo–Fr 08:00–16:00 Uhr');
    expect(parseOfficeHours('Mo,Mi 09:00-12:00')?.days).toEqual([1, 3]);
  });

  it.each(['', 'montags', 'Mo-Fr 16:00-08:00', 'Xy-Fr 08:00-16:00', 'Mo-Fr 8-16'])('rejects "%s"', (text) => {
    expect(parseOfficeHours(text)).toBeUndefined();
  });

  it.each([
    ['Wednesday 10:00 in Berlin', '2026-11-25T09:00:00Z', /jetzt besetzt/],
    ['Wednesday 07:00 in Berlin', '2026-11-25T06:00:00Z', /ab heute, 08:00 Uhr/],
    ['Wednesday 17:00 in Berlin', '2026-11-25T16:00:00Z', /ab morgen, 08:00 Uhr/],
    ['Friday 18:00 in Berlin', '2026-11-27T17:00:00Z', /ab Montag, 08:00 Uhr/],
    ['Saturday noon in Berlin', '2026-11-28T11:00:00Z', /ab Montag, 08:00 Uhr/],
    ['Sunday 23:30 in Berlin', '2026-11-29T22:30:00Z', /ab morgen, 08:00 Uhr/],
  ])('tells when to expect a reply on %s', (_name, iso, message) => {
    expect(expectedResponse(new Date(iso), hours)).toMatch(message);
  });
});
