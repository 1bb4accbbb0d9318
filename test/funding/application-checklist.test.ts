import { describe, expect, it } from 'vitest';
import { buildApplicationChecklist, checklistMarkdown, type ApplicationStatus } from '../../src/funding/application-checklist.js';
import { shippedProgramme } from '../helpers/programme.js';

const programme = shippedProgramme();
const nothingDone: ApplicationStatus = { advice: false, decisions: 'none', contract: 'none', savingsTable: false, letter: false, supervision: 'kreisangehoerig' };

describe('application checklist', () => {
  it('orders what is left and always ends with submitting on the official route', () => {
    const list = buildApplicationChecklist(nothingDone, programme);
    expect(list.todo.map((t) => t.split(' ')[0])).toEqual(['Beratung', 'Beschlüsse', 'Kooperationsvertrag', 'Tabellarischen', 'Formloses', 'Antrag']);
    expect(list.done).toEqual([]);
  });

  it('moves finished items to done', () => {
    const list = buildApplicationChecklist({ ...nothingDone, advice: true, decisions: 'all', letter: true }, programme);
    expect(list.done).toEqual(['Beratung durch das Beratungszentrum', 'Beschlüsse aller Partner', 'Antragsschreiben']);
    expect(list.todo).toHaveLength(3);
  });

  it.each<[ApplicationStatus['supervision'], RegExp]>([
    ['kreisangehoerig', /über den Landkreis/],
    ['sonderstatus', /direkt beim Regierungspräsidium/],
    ['kreisfrei', /direkt beim Regierungspräsidium/],
    ['landkreis', /direkt beim Regierungspräsidium/],
    ['zusammenschluss', /nach seiner Aufsichtsbehörde/],
  ])('gives the route for %s', (supervision, route) => {
    expect(buildApplicationChecklist({ ...nothingDone, supervision }, programme).route).toMatch(route);
  });

  it('asks for the Verbandssatzung instead of a contract for a GVV, and no savings table for a merger', () => {
    expect(buildApplicationChecklist({ ...nothingDone, projectKind: 'gvv' }, programme).documents).toContain('Verbandssatzung');
    const merger = buildApplicationChecklist({ ...nothingDone, projectKind: 'fusion' }, programme);
    expect(merger.documents.join(' ')).not.toContain('Einsparung');
  });

  it('renders copyable Markdown with every part', () => {
    const markdown = checklistMarkdown(buildApplicationChecklist(nothingDone, programme));
    expect(markdown).toMatch(/^# IKZ-Förderantrag: Ihre nächsten Schritte/);
    for (const heading of ['## Noch zu erledigen', '## Unterlagen für den Antrag', '## Dienstweg', '## Nach der Bewilligung']) expect(markdown).toContain(heading);
    expect(markdown).toContain('**Bearbeitungsdauer:** 2 bis 3 Monate');
  });
});
