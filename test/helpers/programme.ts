import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { programmeParametersSchema, type ProgrammeParameters, type ProgrammeVersion } from '../../src/funding/programme-parameters.js';
import type { ProgrammeBasis } from '../../src/funding/programme-validity.js';
import { SHIPPED_KB } from './bot-harness.js';

/** The shipped programme parameters (all versions), validated like the bot does. */
export function shippedProgramme(): ProgrammeParameters {
  return programmeParametersSchema.parse(parse(readFileSync(`${SHIPPED_KB}/_meta/foerderprogramm.yml`, 'utf8')));
}

/** The shipped RV 2021, the version the rule tests check. */
export function shippedVersion(): ProgrammeVersion {
  return shippedProgramme().versions.find((v) => v.version === 'RV 2021')!;
}

/** A check on a day well inside the RV 2021: its rules, no validity notice. */
export function rv2021Basis(): ProgrammeBasis {
  return { version: shippedVersion() };
}

/**
 * The shipped programme with a made-up successor (test data only, not a real version): the "RV 2027",
 * from the day after the RV 2021 ends, with other regular amounts, so a test can tell which version a
 * check used.
 */
export function programmeWithSuccessor(): ProgrammeParameters {
  const programme = shippedProgramme();
  const rv2021 = programme.versions.at(-1)!;
  const successor: ProgrammeVersion = {
    ...structuredClone(rv2021),
    version: 'RV 2027',
    valid_from: '2027-01-01',
    valid_until: '2031-12-31',
    validity: 'laut (fiktivem) Testbestand bis Ende 2031',
    amounts: {
      ...structuredClone(rv2021.amounts),
      regular: { two_partners_exception: 60_000, three_partners: 90_000, more_than_three: 120_000 },
    },
  };
  return programmeParametersSchema.parse({ versions: [...programme.versions, successor] });
}
