import { describe, expect, it } from 'vitest';
import { evaluateEligibility, estimateGrant, savingsFromCosts, type EligibilityAnswers } from '../../src/funding/eligibility.js';
import { shippedProgramme } from '../helpers/programme.js';

const programme = shippedProgramme();

/** A complete, eligible cooperation of three municipalities in IT; each case changes what it needs. */
const base: EligibilityAnswers = {
  applicant: 'gemeinde',
  allHessian: true,
  projectKind: 'kooperation',
  partners: 3,
  taskArea: 'it',
  substantial: true,
  legalForm: 'hvwvfg',
  durationYears: null,
  savingsPercent: 20,
  started: { started: false },
};

describe('grant estimate', () => {
  it.each<[string, EligibilityAnswers, number | undefined]>([
    ['3 municipalities in IT with 20 % savings', base, 75_000],
    ['2 municipalities (only as an exception)', { ...base, partners: 2 }, 50_000],
    ['4 municipalities', { ...base, partners: 4 }, 100_000],
    ['5 municipalities (more than three: no more per municipality)', { ...base, partners: 5 }, 100_000],
    ['a single municipality', { ...base, partners: 1 }, 0],
    ['4 municipalities in a GVV', { ...base, projectKind: 'gvv', partners: 4 }, 600_000],
    ['2 municipalities in a GVV', { ...base, projectKind: 'gvv', partners: 2 }, 300_000],
    ['5 fire brigades', { ...base, projectKind: 'feuerwehr', partners: 5 }, 75_000],
    ['2 fire brigades', { ...base, projectKind: 'feuerwehr', partners: 2 }, 30_000],
    ['a feasibility study (no amount known)', { ...base, projectKind: 'vorbereitung' }, undefined],
    ['a voluntary merger (no fixed amount)', { ...base, projectKind: 'fusion', partners: 2 }, undefined],
  ])('%s → %s €', (_name, answers, amount) => {
    expect(estimateGrant(answers, programme).amount).toBe(amount);
  });

  it('always says that more is possible for model projects, that it must fit the savings, and that it is no legal claim', () => {
    const notes = estimateGrant(base, programme).notes.join(' ');
    expect(notes).toContain('Vorbildcharakter');
    expect(notes).toContain('Verhältnis zu den Einsparungen');
    expect(notes).toContain('Rechtsanspruch');
  });

  it('explains the preparation grant is repaid when no cooperation follows', () => {
    expect(estimateGrant({ ...base, projectKind: 'vorbereitung' }, programme).basis).toMatch(/zurückgezahlt/);
  });

  it('states the debt relief rule for mergers', () => {
    expect(estimateGrant({ ...base, projectKind: 'fusion', partners: 2 }, programme).basis).toMatch(/450 € je Einwohner.*350 €.*46 %/);
  });
});

describe('eligibility rules', () => {
  const statusOf = (answers: EligibilityAnswers, id: string) => evaluateEligibility(answers, programme).criteria.find((c) => c.id === id)?.status;

  it('finds a complete cooperation eligible, every criterion met with a source', () => {
    const result = evaluateEligibility(base, programme);
    expect(result.verdict).toBe('eligible');
    expect(result.criteria.map((c) => c.id)).toEqual(['applicant', 'hessian', 'partners', 'task_area', 'substantial', 'legal_form', 'duration', 'savings', 'timing']);
    for (const c of result.criteria) {
      expect(c.status).toBe('met');
      expect(c.source.url).toMatch(/^https?:\/\//);
    }
    expect(result.version).toBe('RV 2021');
  });

  it.each<[string, Partial<EligibilityAnswers>, string, string]>([
    ['a Landkreis applies', { applicant: 'landkreis' }, 'applicant', 'met'],
    ['a Zweckverband applies', { applicant: 'zusammenschluss' }, 'applicant', 'met'],
    ['someone else applies', { applicant: 'andere' }, 'applicant', 'open'],
    ['a Landkreis applies for a fire-brigade merger', { applicant: 'landkreis', projectKind: 'feuerwehr' }, 'applicant', 'open'],
    ['a partner is not Hessian', { allHessian: false }, 'hessian', 'not_met'],
    ['only two municipalities', { partners: 2 }, 'partners', 'open'],
    ['one municipality', { partners: 1 }, 'partners', 'not_met'],
    ['one fire brigade', { projectKind: 'feuerwehr', partners: 1 }, 'partners', 'not_met'],
    ['a GVV of two', { projectKind: 'gvv', partners: 2 }, 'partners', 'met'],
    ['another task area', { taskArea: 'andere' }, 'task_area', 'open'],
    ['only a minor part of the area', { substantial: false }, 'substantial', 'not_met'],
    ['a KGG form', { legalForm: 'kgg' }, 'legal_form', 'met'],
    ['private law', { legalForm: 'privatrecht' }, 'legal_form', 'met'],
    ['a legal form not yet decided', { legalForm: 'offen' }, 'legal_form', 'open'],
    ['exactly 5 years', { durationYears: 5 }, 'duration', 'met'],
    ['4 years', { durationYears: 4 }, 'duration', 'not_met'],
    ['exactly 15 % savings', { savingsPercent: 15 }, 'savings', 'met'],
    ['10 % savings', { savingsPercent: 10 }, 'savings', 'not_met'],
    ['10 % savings in a fire-brigade merger', { projectKind: 'feuerwehr', partners: 2, savingsPercent: 10 }, 'savings', 'open'],
    ['unknown savings', { savingsPercent: undefined }, 'savings', 'open'],
    ['a cooperation that already started', { started: { started: true, since: '2023' } }, 'timing', 'open'],
  ])('%s → %s %s', (_name, change, id, status) => {
    expect(statusOf({ ...base, ...change }, id)).toBe(status);
  });

  it.each<[string, Partial<EligibilityAnswers>, string]>([
    ['10 % savings', { savingsPercent: 10 }, 'not_eligible'],
    ['two municipalities', { partners: 2 }, 'eligible_with_open_points'],
    ['a non-Hessian partner and an open legal form', { allHessian: false, legalForm: 'offen' }, 'not_eligible'],
    ['an already running cooperation', { started: { started: true } }, 'eligible_with_open_points'],
  ])('gives the verdict for %s', (_name, change, verdict) => {
    expect(evaluateEligibility({ ...base, ...change }, programme).verdict).toBe(verdict);
  });

  it('asks only what matters for the project kind', () => {
    const ids = (kind: EligibilityAnswers['projectKind']) => evaluateEligibility({ ...base, projectKind: kind }, programme).criteria.map((c) => c.id);
    expect(ids('fusion')).toEqual(['applicant', 'hessian', 'partners']);
    expect(ids('feuerwehr')).toEqual(['applicant', 'hessian', 'partners', 'savings', 'timing']);
    expect(ids('gvv')).toEqual(['applicant', 'hessian', 'partners', 'duration', 'savings', 'timing']);
  });

  it('computes savings from today\'s and the joint costs', () => {
    expect(savingsFromCosts(400_000, 320_000)).toBe(20);
    expect(savingsFromCosts(100_000, 110_000)).toBe(-10);
    expect(() => savingsFromCosts(0, 10)).toThrow(RangeError);
    const result = evaluateEligibility({ ...base, savingsPercent: 20, costs: { today: 400_000, joint: 320_000 } }, programme);
    expect(result.criteria.find((c) => c.id === 'savings')?.reason).toContain('400.000 €');
  });
});
