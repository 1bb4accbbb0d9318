import { describe, expect, it } from 'vitest';
import { programmeParametersSchema } from '../../src/funding/programme-parameters.js';
import {
  answerNotice,
  endNotice,
  hessianDay,
  knownUntil,
  programmeBasis,
  validityNotice,
  versionOn,
} from '../../src/funding/programme-validity.js';
import { programmeWithSuccessor, shippedProgramme } from '../helpers/programme.js';

const EXPECTED_SOON =
  'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.';

describe('programme validity', () => {
  const programme = shippedProgramme();

  it('ships the RV 2021 as data, valid until the end of 2026', () => {
    expect(programme.versions.map((v) => [v.version, v.valid_from, v.valid_until])).toEqual([['RV 2021', '2021-12-07', '2026-12-31']]);
  });

  it.each<[string, string, 'ends_soon' | 'ended' | undefined]>([
    ['well before the end', '2026-06-01', undefined],
    ['the day before the three months', '2026-09-29', undefined],
    ['three months before the end', '2026-09-30', 'ends_soon'],
    ['near the end', '2026-11-15', 'ends_soon'],
    ['on the last day', '2026-12-31', 'ends_soon'],
    ['after the end', '2027-01-10', 'ended'],
  ])('on a day %s (%s): %s', (_name, day, kind) => {
    expect(validityNotice(programme, day)?.kind).toBe(kind);
  });

  it('says exactly what is known: the end as the sources state it, and that nothing is known about what follows', () => {
    expect(validityNotice(programme, '2026-11-15')?.text).toBe(EXPECTED_SOON);
    expect(validityNotice(programme, '2027-01-10')?.text).toBe(
      'Die RV 2021 galt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.',
    );
  });

  it('keeps checking against the last version after it has ended', () => {
    expect(versionOn(programme, '2027-01-10').version).toBe('RV 2021');
    expect(programmeBasis(programme, new Date('2027-01-10T09:00:00Z'))).toMatchObject({
      version: { version: 'RV 2021' },
      notice: { kind: 'ended' },
    });
  });

  it('reads the clock as a Hessian calendar day', () => {
    // 23:30 UTC on New Year's Eve is already 2027 in Hessen.
    expect(hessianDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(programmeBasis(programme, new Date('2026-12-31T23:30:00Z')).notice?.kind).toBe('ended');
    expect(programmeBasis(programme, new Date('2026-06-01T12:00:00Z')).notice).toBeUndefined();
  });

  it('drops the notice and uses the successor in its validity once the office adds it as data', () => {
    const withSuccessor = programmeWithSuccessor();
    expect(validityNotice(withSuccessor, '2026-11-15')).toBeUndefined();
    expect(validityNotice(withSuccessor, '2027-01-10')).toBeUndefined();
    expect(versionOn(withSuccessor, '2026-11-15').version).toBe('RV 2021');
    const basis = programmeBasis(withSuccessor, new Date('2027-03-01T10:00:00Z'));
    expect(basis.version.version).toBe('RV 2027');
    expect(basis.version.amounts.regular.three_partners).toBe(90_000);
    // … and its own end is announced in time.
    expect(validityNotice(withSuccessor, '2031-11-01')?.text).toMatch(
      /^Die RV 2027 gilt laut \(fiktivem\) Testbestand bis Ende 2031\. Ob und wie die Förderung ab 2032/,
    );
  });

  it('names a successor that is known but starts later', () => {
    const programme = programmeWithSuccessor();
    programme.versions[1]!.valid_from = '2027-04-01';
    expect(validityNotice(programme, '2027-02-01')?.text).toMatch(
      /galt laut Beratungszentrum bis Ende 2026\. Die RV 2027 gilt ab dem 01\.04\.2027/,
    );
  });

  it('attaches the notice only to answers from articles tied to a programme version', () => {
    const now = new Date('2026-11-15T10:00:00Z');
    expect(answerNotice(programme, 'RV 2021', now)).toBe(EXPECTED_SOON);
    expect(answerNotice(programme, undefined, now)).toBeUndefined();
    expect(answerNotice(programme, 'RV 2016', now)).toBeUndefined();
    expect(answerNotice(programme, 'RV 2021', new Date('2026-06-01T10:00:00Z'))).toBeUndefined();
    expect(answerNotice(undefined, 'RV 2021', now)).toBeUndefined();
  });

  it.each<[string, (versions: ReturnType<typeof shippedProgramme>['versions']) => unknown[], RegExp]>([
    [
      'overlapping versions',
      (v) => [v[0], { ...v[0], version: 'RV 2026', valid_from: '2026-06-01' }],
      /valid_from must be after valid_until of "RV 2021"/,
    ],
    ['a version that ends before it starts', (v) => [{ ...v[0], valid_until: '2020-01-01' }], /valid_until must not be before valid_from/],
    ['the same version twice', (v) => [v[0], { ...v[0], valid_from: '2027-01-01', valid_until: '2031-12-31' }], /appears twice/],
    ['a date that is no date', (v) => [{ ...v[0], valid_until: 'Ende 2026' }], /YYYY-MM-DD/],
    [
      'a source with neither url nor year',
      (v) => [{ ...v[0], validity_source: { title: 'Pressemitteilung', article: 'geltungsdauer' } }],
      /url, or \(without a web address\) its year/,
    ],
  ])('rejects %s', (_name, versions, message) => {
    const result = programmeParametersSchema.safeParse({ versions: versions(shippedProgramme().versions) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});

describe('the end of the programme for questions about the time after it', () => {
  const programme = shippedProgramme();
  const ENDED =
    'Die RV 2021 galt laut Beratungszentrum bis Ende 2026. Ob und wie die Förderung ab 2027 weitergeht, ist hier nicht bekannt – bitte vor der Antragstellung bei der Beratungsstelle nachfragen.';

  it.each<[string, string]>([
    ['before the notice is due', '2026-06-01'],
    ['near the end', '2026-11-15'],
  ])('says what is known %s (%s), though the notice is not yet due there', (_name, day) => {
    expect(endNotice(programme, day)?.text).toBe(EXPECTED_SOON);
  });

  it('says the programme has ended after its end', () => {
    expect(endNotice(programme, '2027-01-10')?.text).toBe(ENDED);
  });

  it('knows until when the programme is known to run: the end of the chain of versions, from the data', () => {
    expect(knownUntil(programme, '2026-06-01')).toBe('2026-12-31');
    expect(knownUntil(programme, '2027-01-10')).toBe('2026-12-31');
    expect(knownUntil(programmeWithSuccessor(), '2026-06-01')).toBe('2031-12-31');
  });
});
