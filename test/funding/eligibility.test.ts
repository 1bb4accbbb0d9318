import { describe, expect, it } from 'vitest';
import { evaluateEligibility, estimateGrant, savingsFromCosts, type EligibilityAnswers } from '../../src/funding/eligibility.js';
import { rv2021Basis, shippedVersion } from '../helpers/programme.js';

const programme = shippedVersion();
const basis = rv2021Basis();

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
    ['a single municipality (no regular grant)', { ...base, partners: 1 }, undefined],
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
  const statusOf = (answers: EligibilityAnswers, id: string) =>
    evaluateEligibility(answers, basis).criteria.find((c) => c.id === id)?.status;

  it('finds a complete cooperation eligible, every criterion met with a source', () => {
    const result = evaluateEligibility(base, basis);
    expect(result.verdict).toBe('eligible');
    expect(result.criteria.map((c) => c.id)).toEqual([
      'applicant',
      'hessian',
      'partners',
      'task_area',
      'substantial',
      'legal_form',
      'duration',
      'savings',
      'timing',
    ]);
    for (const c of result.criteria) {
      expect(c.status).toBe('met');
      // A web address, or for a source without one (the 2025 press release) its year.
      expect(c.source.url ?? String(c.source.year)).toMatch(/^https?:\/\/|^\d{4}$/);
    }
    expect(result.version).toBe('RV 2021');
    expect(result.notice).toBeUndefined();
  });

  it('says "Nr. 3.2" only for areas the readable text of Nr. 3.2 names, and cites the source of the others', () => {
    const reason = (taskArea: string) => evaluateEligibility({ ...base, taskArea }, basis).criteria.find((c) => c.id === 'task_area')!;
    expect(reason('finanzen').reason).toContain('Nr. 3.2 a)');
    expect(reason('ordnung').reason).toContain('Nr. 3.2 a)');
    for (const area of ['standesamt', 'bauhof', 'it', 'abfall', 'feuerwehr']) {
      expect(reason(area).status).toBe('met');
      expect(reason(area).reason, area).not.toContain('Nr. 3.2');
    }
    expect(reason('standesamt').reason).toContain('laut Land');
    expect(reason('it').source).toMatchObject({ year: 2025 });
    expect(reason('it').source.url).toBeUndefined();
  });

  it('mentions the Gruppenantrag only for cooperations', () => {
    const applicant = (projectKind: EligibilityAnswers['projectKind']) =>
      evaluateEligibility({ ...base, projectKind, partners: 3 }, basis).criteria[0]!.reason;
    expect(applicant('kooperation')).toContain('Gruppenantrag');
    expect(applicant('feuerwehr')).not.toContain('Gruppenantrag');
    expect(applicant('fusion')).not.toContain('Gruppenantrag');
  });

  it('says since when a cooperation of Landkreise alone is funded, from the data with its own source', () => {
    const applicant = evaluateEligibility({ ...base, applicant: 'landkreis', countiesOnly: true }, basis).criteria[0]!;
    expect(applicant).toMatchObject({ status: 'met', source: { url: 'http://ikz-hessen.de/foerderung/allgemeines' } });
    expect(applicant.reason).toBe('Seit 2016 sind auch Kooperationen förderfähig, an denen nur Landkreise beteiligt sind.');
    // A Landkreis among municipalities gets the general rule.
    expect(evaluateEligibility({ ...base, applicant: 'landkreis' }, basis).criteria[0]!.reason).not.toContain('nur Landkreise');
  });

  it('passes the validity notice of its basis on to the result', () => {
    const result = evaluateEligibility(base, {
      version: programme,
      notice: { kind: 'ends_soon', version: 'RV 2021', text: 'Die RV 2021 gilt …' },
    });
    expect(result.notice).toBe('Die RV 2021 gilt …');
  });

  it.each<[string, Partial<EligibilityAnswers>, string, string]>([
    ['a Landkreis applies', { applicant: 'landkreis' }, 'applicant', 'met'],
    ['a Zweckverband applies', { applicant: 'zusammenschluss' }, 'applicant', 'met'],
    ['someone else applies', { applicant: 'andere' }, 'applicant', 'open'],
    ['a Landkreis applies for a fire-brigade merger', { applicant: 'landkreis', projectKind: 'feuerwehr' }, 'applicant', 'open'],
    ['a partner is not Hessian (to clarify with the office)', { allHessian: false }, 'hessian', 'open'],
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
    ['a preparation grant for two municipalities (no 3-partner rule)', { projectKind: 'vorbereitung', partners: 2 }, 'partners', 'met'],
    ['a preparation grant for one municipality', { projectKind: 'vorbereitung', partners: 1 }, 'partners', 'open'],
    ['unknown savings', { savingsPercent: undefined }, 'savings', 'open'],
    ['a cooperation that already started', { started: { started: true, since: '2023' } }, 'timing', 'open'],
  ])('%s → %s %s', (_name, change, id, status) => {
    expect(statusOf({ ...base, ...change }, id)).toBe(status);
  });

  it.each<[string, Partial<EligibilityAnswers>, string]>([
    ['10 % savings', { savingsPercent: 10 }, 'not_eligible'],
    ['two municipalities', { partners: 2 }, 'eligible_with_open_points'],
    ['a non-Hessian partner and an open legal form', { allHessian: false, legalForm: 'offen' }, 'eligible_with_open_points'],
    [
      'a fire-brigade merger of 3 brigades with unknown savings',
      { projectKind: 'feuerwehr', partners: 3, savingsPercent: undefined },
      'eligible',
    ],
    ['an already running cooperation', { started: { started: true } }, 'eligible_with_open_points'],
  ])('gives the verdict for %s', (_name, change, verdict) => {
    expect(evaluateEligibility({ ...base, ...change }, basis).verdict).toBe(verdict);
  });

  it('asks only what matters for the project kind', () => {
    const ids = (kind: EligibilityAnswers['projectKind']) =>
      evaluateEligibility({ ...base, projectKind: kind }, basis).criteria.map((c) => c.id);
    expect(ids('fusion')).toEqual(['applicant', 'hessian', 'partners']);
    // The sources do not say whether the 15 % rule applies to a merger inside one municipality: not a criterion.
    expect(ids('feuerwehr')).toEqual(['applicant', 'hessian', 'partners', 'timing']);
    expect(ids('gvv')).toEqual(['applicant', 'hessian', 'partners', 'duration', 'savings', 'timing']);
  });

  it("computes savings from today's and the joint costs", () => {
    expect(savingsFromCosts(400_000, 320_000)).toBe(20);
    expect(savingsFromCosts(100_000, 110_000)).toBe(-10);
    expect(() => savingsFromCosts(0, 10)).toThrow(RangeError);
    const result = evaluateEligibility({ ...base, savingsPercent: 20, costs: { today: 400_000, joint: 320_000 } }, basis);
    expect(result.criteria.find((c) => c.id === 'savings')?.reason).toContain('400.000 €');
  });
});
