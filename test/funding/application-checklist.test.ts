import { describe, expect, it } from 'vitest';
import { buildApplicationChecklist, checklistMarkdown, type ApplicationStatus } from '../../src/funding/application-checklist.js';
import { rv2021Basis, shippedVersion } from '../helpers/programme.js';

const basis = rv2021Basis();
const nothingDone: ApplicationStatus = {
  advice: false,
  decisions: 'none',
  contract: 'none',
  savingsTable: false,
  letter: false,
  supervision: 'kreisangehoerig',
};

describe('application checklist', () => {
  it('orders what is left and always ends with submitting on the official route', () => {
    const list = buildApplicationChecklist(nothingDone, basis);
    expect(list.todo.map((t) => t.split(' ')[0])).toEqual([
      'Beratung',
      'Beschlüsse',
      'Kooperationsvertrag',
      'Tabellarischen',
      'Formloses',
      'Antrag',
    ]);
    expect(list.done).toEqual([]);
  });

  it('moves finished items to done', () => {
    const list = buildApplicationChecklist({ ...nothingDone, advice: true, decisions: 'all', letter: true }, basis);
    expect(list.done).toEqual(['Beratung durch das Beratungszentrum', 'Beschlüsse aller Partner', 'Antragsschreiben']);
    expect(list.todo).toHaveLength(3);
  });

  it.each<[ApplicationStatus['supervision'], RegExp]>([
    ['kreisangehoerig', /über den Landkreis/],
    ['sonderstatus', /direkt beim Regierungspräsidium/],
    ['kreisfrei', /direkt beim Regierungspräsidium/],
    ['landkreis', /direkt beim Regierungspräsidium/],
    ['zusammenschluss', /nicht eigens beschrieben/],
  ])('gives the route for %s', (supervision, route) => {
    expect(buildApplicationChecklist({ ...nothingDone, supervision }, basis).route).toMatch(route);
  });

  it('lists the documents of the sources, the supervisory statement included', () => {
    expect(buildApplicationChecklist(nothingDone, basis).documents).toEqual([
      'Formloses Antragsschreiben (Gruppenantrag)',
      'Kopien der Beschlüsse der Gemeindevertretungen',
      'Kooperationsvertrag (öffentlich-rechtlicher Vertrag oder Vereinbarung)',
      'Tabellarischer Nachweis der Einsparung (mindestens 15 %)',
      'Bewertende Stellungnahme der Aufsichtsbehörden (fügen diese auf dem Dienstweg bei)',
      'Freiwillig: Gutachten, Untersuchungen, Presseberichte',
    ]);
    expect(buildApplicationChecklist({ ...nothingDone, projectKind: 'gvv' }, basis).documents).toContain('Verbandssatzung');
  });

  it.each(['feuerwehr', 'fusion', 'vorbereitung'] as const)('invents no cooperation documents for a %s', (projectKind) => {
    const list = buildApplicationChecklist({ ...nothingDone, projectKind }, basis);
    const all = [...list.todo, ...list.documents].join('\n');
    for (const word of ['Beschlüsse', 'Kooperationsvertrag', 'Verbandssatzung', 'Gruppenantrag', 'Einsparung'])
      expect(all, word).not.toContain(word);
    expect(list.documents).toContain('Bewertende Stellungnahme der Aufsichtsbehörden (fügen diese auf dem Dienstweg bei)');
    expect(list.todo.join(' ')).toContain('bitte mit der Beratung klären');
  });

  it('says nothing the sources do not say about costs: no "kostenlos", fees only with their source', () => {
    const list = buildApplicationChecklist(nothingDone, basis);
    expect(JSON.stringify(list)).not.toMatch(/kostenlos|kostenfrei/i);
    expect(list.fees).toBe('laut Verwaltungsportalen keine');
  });

  it('renders copyable Markdown with every part', () => {
    const markdown = checklistMarkdown(buildApplicationChecklist(nothingDone, basis));
    expect(markdown).toMatch(/^# IKZ-Förderantrag: Ihre nächsten Schritte/);
    for (const heading of ['## Noch zu erledigen', '## Unterlagen für den Antrag', '## Dienstweg', '## Nach der Bewilligung'])
      expect(markdown).toContain(heading);
    expect(markdown).toContain('**Bearbeitungsdauer:** laut Verwaltungsportalen 2 bis 3 Monate');
    expect(markdown).not.toContain('Hinweis');
  });

  it('carries the validity notice of its basis, also in the Markdown', () => {
    const text = 'Die RV 2021 gilt laut Beratungszentrum bis Ende 2026. …';
    const list = buildApplicationChecklist(nothingDone, {
      version: shippedVersion(),
      notice: { kind: 'ends_soon', version: 'RV 2021', text },
    });
    expect(list.notice).toBe(text);
    expect(checklistMarkdown(list)).toContain(`**Hinweis:** ${text}`);
  });
});
