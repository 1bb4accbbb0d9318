import { describe, expect, it } from 'vitest';
import { estimateGrant } from '../../src/funding/eligibility.js';
import { grantFigure, type GrantCase, type GrantFigure } from '../../src/funding/grant-amounts.js';
import { programmeParametersSchema, referencedArticles } from '../../src/funding/programme-parameters.js';
import { programmeWithSuccessor, shippedProgramme, shippedVersion } from '../helpers/programme.js';

const rv2021 = shippedVersion();
const amountOf = (figure: GrantFigure) => (figure.status === 'amount' ? figure.amount : figure.status);

describe('grant figures', () => {
  it.each<[string, GrantCase, number | string]>([
    ['a merger of 4 Ortsteilfeuerwehren', { kind: 'feuerwehr', brigades: 4 }, 60_000],
    ['a merger of 2 Ortsteilfeuerwehren', { kind: 'feuerwehr', brigades: 2 }, 30_000],
    ['one Ortsteilfeuerwehr', { kind: 'feuerwehr', brigades: 1 }, 'not_applicable'],
    ['a fire-brigade merger of unknown size', { kind: 'feuerwehr' }, 'missing'],
    ['a GVV of 4 municipalities', { kind: 'gvv', members: 4 }, 600_000],
    ['a GVV of 2 municipalities', { kind: 'gvv', members: 2 }, 300_000],
    ['a GVV of 1', { kind: 'gvv', members: 1 }, 'not_applicable'],
    ['a cooperation of 2 (exception)', { kind: 'kooperation', partners: 2 }, 50_000],
    ['a cooperation of 3', { kind: 'kooperation', partners: 3 }, 75_000],
    ['a cooperation of 7 (more than 3: no more per partner)', { kind: 'kooperation', partners: 7 }, 100_000],
    ['a single municipality', { kind: 'kooperation', partners: 1 }, 'not_applicable'],
    ['debt relief, 5.000 inhabitants, high debt', { kind: 'entschuldung', inhabitants: 5_000, debt: 20_000_000 }, 2_250_000],
    [
      'debt relief, exactly 7.500 inhabitants (still the small class)',
      { kind: 'entschuldung', inhabitants: 7_500, debt: 20_000_000 },
      3_375_000,
    ],
    ['debt relief, 7.501 inhabitants', { kind: 'entschuldung', inhabitants: 7_501, debt: 20_000_000 }, 2_625_350],
    ['debt relief capped at 46 % of the debt', { kind: 'entschuldung', inhabitants: 5_000, debt: 1_000_000 }, 460_000],
    ['debt relief without the debt', { kind: 'entschuldung', inhabitants: 5_000 }, 'missing'],
    ['savings: 15 % of 400.000 € costs', { kind: 'einsparung', costs: 400_000 }, 60_000],
    ['savings: 15 % of 123.457 € costs, rounded up to the euro', { kind: 'einsparung', costs: 123_457 }, 18_519],
    ['savings without the costs', { kind: 'einsparung' }, 'missing'],
    ['savings of no costs', { kind: 'einsparung', costs: 0 }, 'not_applicable'],
  ])('%s → %s', (_name, grantCase, expected) => {
    expect(amountOf(grantFigure(rv2021, grantCase))).toBe(expected);
  });

  it('names the conditions beside the regular grant of a cooperation, not beside a fire-brigade merger in one municipality', () => {
    const cooperation = grantFigure(rv2021, { kind: 'kooperation', partners: 3 });
    const fireBrigades = grantFigure(rv2021, { kind: 'feuerwehr', brigades: 2 });
    expect(cooperation.status === 'amount' && cooperation.notes.join(' ')).toContain('ein wesentlicher Aufgabenbereich');
    expect(cooperation.status === 'amount' && cooperation.notes.join(' ')).toContain('mindestens 15 % Einsparung');
    expect(fireBrigades.status === 'amount' && fireBrigades.notes.join(' ')).not.toContain('15 %');
  });

  it('gives the rule in the words of the sources, with "in der Regel", its source and the proportionality note', () => {
    const figure = grantFigure(rv2021, { kind: 'feuerwehr', brigades: 4 });
    expect(figure).toMatchObject({
      status: 'amount',
      calculation: '4 × 15.000 € = 60.000 €',
      rule: 'Die freiwillige Fusion von Ortsteilfeuerwehren innerhalb einer Gemeinde ist förderfähig; es gibt in der Regel 15.000 € je beteiligter Ortsteilfeuerwehr.',
      source: { url: 'https://beratungszentrum.hessen.de/interkommunale-zusammenarbeit/foerderung/foerderhoehe/', article: 'foerderhoehe' },
      version: 'RV 2021',
    });
    if (figure.status !== 'amount') return;
    expect(figure.notes.join(' ')).toContain('angemessenen Verhältnis zu den Einsparungen');
    expect(figure.notes.join(' ')).toContain('Rechtsanspruch');
    for (const grantCase of [
      { kind: 'gvv', members: 3 },
      { kind: 'kooperation', partners: 3 },
    ] as const)
      expect(grantFigure(rv2021, grantCase).rule).toContain('in der Regel');
  });

  it('says that the two-partner amount needs the exception', () => {
    const figure = grantFigure(rv2021, { kind: 'kooperation', partners: 2 });
    expect(figure.status === 'amount' && figure.calculation).toContain('nur wenn ausnahmsweise anerkannt');
  });

  it('names the numbers it still needs', () => {
    expect(grantFigure(rv2021, { kind: 'entschuldung' })).toMatchObject({ status: 'missing', missing: ['inhabitants', 'debt'] });
    const figure = grantFigure(rv2021, { kind: 'entschuldung', inhabitants: 5_000 });
    expect(figure).toMatchObject({ status: 'missing', missing: ['debt'] });
    expect(figure.status === 'missing' && figure.question).toContain('Schulden im Kernhaushalt');
    expect(grantFigure(rv2021, { kind: 'gvv' })).toMatchObject({ status: 'missing', missing: ['members'] });
  });

  it('gives the most the debt relief can be while the debt is still missing, and asks for the debt', () => {
    const figure = grantFigure(rv2021, { kind: 'entschuldung', inhabitants: 6_000 });
    expect(figure).toMatchObject({ status: 'missing', missing: ['debt'], asOf: 'Mai 2020', upTo: { amount: 2_700_000 } });
    expect(figure.status === 'missing' && figure.upTo?.calculation).toBe(
      '6.000 Einwohner × 450 € = 2.700.000 €, höchstens 46 % der Schulden im Kernhaushalt',
    );
    expect(grantFigure(rv2021, { kind: 'entschuldung' })).not.toHaveProperty('upTo');
  });

  it('takes the proportionality note from the programme data', () => {
    const edited = { ...rv2021, amounts: { ...rv2021.amounts, proportionality_note: 'Geänderter Hinweis der Redaktion.' } };
    const figure = grantFigure(edited, { kind: 'gvv', members: 2 });
    expect(figure.status === 'amount' && figure.notes).toContain('Geänderter Hinweis der Redaktion.');
  });

  it('explains the cap and the uncertain status of the debt relief', () => {
    const figure = grantFigure(rv2021, { kind: 'entschuldung', inhabitants: 5_000, debt: 1_000_000 });
    expect(figure.status === 'amount' && figure.calculation).toBe(
      '5.000 Einwohner × 450 € = 2.250.000 €, begrenzt auf 46 % der Schulden von 1.000.000 €: 460.000 €',
    );
    expect(figure.status === 'amount' && figure.notes.join(' ')).toContain('Ob sie heute noch gewährt wird, ist hier nicht bekannt');
    expect(figure.rule).toContain('Stand Mai 2020');
  });

  it('computes with the amounts of the version it is given', () => {
    const successor = programmeWithSuccessor().versions.find((v) => v.version === 'RV 2027')!;
    expect(grantFigure(successor, { kind: 'kooperation', partners: 3 })).toMatchObject({
      status: 'amount',
      amount: 90_000,
      version: 'RV 2027',
    });
  });

  it('is what the Förder-Check estimates with', () => {
    const check = (answers: Parameters<typeof estimateGrant>[0], grantCase: GrantCase) => {
      const figure = grantFigure(rv2021, grantCase);
      const estimate = estimateGrant(answers, rv2021);
      expect(estimate.amount).toBe(figure.status === 'amount' ? figure.amount : undefined);
      expect(estimate.basis).toContain(figure.rule);
    };
    check({ projectKind: 'feuerwehr', partners: 4 }, { kind: 'feuerwehr', brigades: 4 });
    check({ projectKind: 'gvv', partners: 3 }, { kind: 'gvv', members: 3 });
    check({ projectKind: 'kooperation', partners: 5 }, { kind: 'kooperation', partners: 5 });
    check({ projectKind: 'fusion', partners: 2 }, { kind: 'entschuldung' });
  });
});

describe('grant cases in the programme file (how questions name them)', () => {
  const programme = programmeWithSuccessor();
  const shipped = shippedProgramme();

  it('ships the five computed cases, the regular grant first, each with its article', () => {
    expect(shipped.grant_cases.map((c) => [c.case, c.articles[0]])).toEqual([
      ['kooperation', 'foerderhoehe'],
      ['gvv', 'foerderhoehe-gvv'],
      ['feuerwehr', 'foerderhoehe-feuerwehr'],
      ['entschuldung', 'entschuldungshilfe-fusion'],
      ['einsparung', 'einsparvorgabe'],
    ]);
  });

  it('rejects a number the case does not have, and a case listed twice, naming the place', () => {
    const wrongFigure = programmeParametersSchema.safeParse({
      versions: programme.versions,
      grant_cases: [{ case: 'gvv', articles: ['foerderhoehe-gvv'], counts: { partners: { words: ['Gemeinde'] } } }],
    });
    expect(wrongFigure.success).toBe(false);
    expect(wrongFigure.error?.issues[0]).toMatchObject({
      path: ['grant_cases', 0, 'counts', 'partners'],
      message: '"gvv" has no number "partners" (expected members)',
    });
    const twice = programmeParametersSchema.safeParse({
      versions: programme.versions,
      grant_cases: [shipped.grant_cases[0], shipped.grant_cases[0]],
    });
    expect(twice.success).toBe(false);
  });

  it('lets kb:check find the articles the cases name', () => {
    const parameters = programmeParametersSchema.parse({
      versions: programme.versions,
      grant_cases: [{ case: 'feuerwehr', articles: ['gibt-es-nicht'], counts: {} }],
    });
    expect(referencedArticles(parameters)).toContain('gibt-es-nicht');
  });
});
