import { describe, expect, it } from 'vitest';
import { asksWhetherFunded, readPlan, rulesForPlan } from '../../src/understanding/plan-reading.js';
import { rv2021Basis } from '../helpers/programme.js';
import { SHIPPED_KB, knowledgeOf } from '../helpers/bot-harness.js';

const { programme } = await knowledgeOf(SHIPPED_KB);
const cases = programme!.grant_cases;

describe('points of the user plan that a funding rule speaks to', () => {
  it.each<[string, object]>([
    ['Nur unsere Stadt und eine Nachbargemeinde, als gemeinsame GmbH – förderfähig?', { partners: 2, legalForms: ['privatrecht'] }],
    [
      'Wir kooperieren bereits seit 2018 mit zwei Orten bei der Kasse. Kann das noch gefördert werden?',
      { started: { started: true, since: '2018' } },
    ],
    ['Wir wollen das erst mal für zwei Jahre ausprobieren. Gibt es dafür Förderung?', { durationYears: 2 }],
    ['Der Bauhof soll als eingetragener Verein laufen, ist so etwas bezuschusst?', { legalForms: ['privatrecht'] }],
    ['Gründen wir besser eine GmbH oder einen Zweckverband, wenn wir gefördert werden wollen?', { legalForms: ['kgg', 'privatrecht'] }],
    ['Können zwei Landkreise allein, ohne die kreisangehörigen Städte, für das Jobcenter gefördert werden?', { countiesOnly: true }],
    ['Unsere Kreise wollen die Schulverwaltung bündeln; Gemeinden sind dabei nicht beteiligt. Förderfähig?', { countiesOnly: true }],
    ['Gibt es für eine reine Landkreis-Kooperation Förderung?', { applicant: 'landkreis', countiesOnly: true }],
    ['Wir und der Nachbarkreis legen die Zulassung zusammen, ohne Gemeinden. Gibts dafür Geld?', { countiesOnly: true }],
  ])('%s', (question, points) => {
    expect(readPlan(question, cases)).toMatchObject(points);
  });

  it('reads nothing from a plan that tells none of these points', () => {
    expect(readPlan('Wir wollen das Standesamt zusammenlegen. Ist das förderfähig?', cases)).toEqual({});
    // A Landkreis beside municipalities is no cooperation of Landkreise alone.
    expect(readPlan('Der Landkreis macht mit vier Gemeinden mit. Förderfähig?', cases).countiesOnly).toBeUndefined();
  });

  it('knows a question whether a plan is funded from one about something else', () => {
    expect(asksWhetherFunded('Geht das mit Förderung?')).toBe(true);
    expect(asksWhetherFunded('Ist eine GmbH förderfähig?')).toBe(true);
    expect(asksWhetherFunded('Reicht ein gemeinsamer Bauhof schon für eine Förderung?')).toBe(true);
    expect(asksWhetherFunded('Können wir dafür IKZ-Förderung beantragen?')).toBe(true);
    expect(asksWhetherFunded('Wie gründen wir eine GmbH für den Bauhof?')).toBe(false);
  });
});

describe('what the rules say about the points of a plan', () => {
  const basis = rv2021Basis();

  it('gives the criterion of each point told and of each legal form named', () => {
    const rules = rulesForPlan({ partners: 2, legalForms: ['kgg', 'privatrecht'] }, basis);
    expect(rules.map((c) => [c.id, c.status])).toEqual([
      ['partners', 'open'],
      ['legal_form', 'met'],
      ['legal_form', 'met'],
    ]);
  });

  it('leaves out a count that meets the rule, and gives nothing for a plan that tells nothing', () => {
    expect(rulesForPlan({ partners: 4 }, basis)).toEqual([]);
    expect(rulesForPlan({}, basis)).toEqual([]);
  });
});
