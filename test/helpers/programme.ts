import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { programmeParametersSchema, type ProgrammeParameters } from '../../src/funding/programme-parameters.js';
import { SHIPPED_KB } from './bot-harness.js';

/** The shipped programme parameters, validated like the bot does. */
export function shippedProgramme(): ProgrammeParameters {
  return programmeParametersSchema.parse(parse(readFileSync(`${SHIPPED_KB}/_meta/foerderprogramm.yml`, 'utf8')));
}
