import type { ProjectKind } from './eligibility.js';
import type { ProgrammeParameters, RuleSource } from './programme-parameters.js';

/** Where the applying body stands in the chain of municipal supervision. */
export type SupervisionKind = 'kreisangehoerig' | 'sonderstatus' | 'kreisfrei' | 'landkreis' | 'zusammenschluss';

/** What the applicant has already done (answers of the "Antrag stellen" dialog). */
export interface ApplicationStatus {
  advice?: boolean;
  decisions?: 'all' | 'some' | 'none';
  contract?: 'done' | 'draft' | 'none';
  savingsTable?: boolean;
  letter?: boolean;
  supervision?: SupervisionKind;
  /** From the Förder-Check, when it ran in the same conversation. */
  projectKind?: ProjectKind;
}

/** The personal checklist: what is left (in order), what is done, documents, route and what follows. */
export interface ApplicationChecklist {
  todo: string[];
  done: string[];
  documents: string[];
  route: string;
  decision: string;
  processingTime: string;
  fees: string;
  afterApproval: string[];
  source: RuleSource;
}

/** Whether the project needs the table proving the minimum savings (not for mergers and studies). */
export function needsSavingsTable(kind: ProjectKind | undefined): boolean {
  return kind !== 'fusion' && kind !== 'vorbereitung';
}

/** Whether the cooperation's founding document is a Verbandssatzung rather than a contract. */
export function usesStatutes(status: Pick<ApplicationStatus, 'projectKind' | 'supervision'>): boolean {
  return status.projectKind === 'gvv' || status.supervision === 'zusammenschluss';
}

/** The founding document, without article: "Verbandssatzung" or "Kooperationsvertrag (…)". */
export function contractName(status: Pick<ApplicationStatus, 'projectKind' | 'supervision'>): string {
  return usesStatutes(status) ? 'Verbandssatzung' : 'Kooperationsvertrag (öffentlich-rechtlicher Vertrag oder Vereinbarung)';
}

/**
 * Builds the ordered checklist of what is left to do for the application (pure).
 *
 * @example
 * ```ts
 * const list = buildApplicationChecklist({ advice: true, decisions: 'some', supervision: 'kreisangehoerig' }, programme);
 * list.todo[0]; // 'Beschlüsse der Gemeindevertretungen aller Partner einholen …'
 * ```
 */
export function buildApplicationChecklist(status: ApplicationStatus, programme: ProgrammeParameters): ApplicationChecklist {
  const minimum = programme.rules.savings.minimum_percent;
  const contract = contractName(status);
  // [done?, short label for "schon erledigt", what to do]
  const items: Array<[boolean, string, string]> = [
    [status.advice === true, 'Beratung durch das Beratungszentrum', 'Beratung durch das Beratungszentrum nutzen: Es begleitet IKZ-Vorhaben in jeder Phase, kostenlos.'],
    [status.decisions === 'all', 'Beschlüsse aller Partner', 'Beschlüsse der Gemeindevertretungen bzw. Kreistage aller Partner zur Zusammenarbeit einholen (Kopien gehören zum Antrag).'],
    [status.contract === 'done', contract, `${contract} fertigstellen und beschließen lassen${status.contract === 'draft' ? ' (ein Entwurf liegt vor)' : ''}.`],
  ];
  if (needsSavingsTable(status.projectKind)) {
    items.push([status.savingsTable === true, 'Einsparnachweis', `Tabellarischen Nachweis der Einsparung erstellen: bisherige Personal- und Sachkosten jeder Kommune gegenüber den Kosten der gemeinsamen Lösung, mindestens ${minimum} % pro Jahr.`]);
  }
  items.push([status.letter === true, 'Antragsschreiben', 'Formloses Antragsschreiben verfassen: Eine beteiligte Kommune stellt den Gruppenantrag für alle und beschreibt Inhalt und Zeitplan der Zusammenarbeit.']);
  const todo = items.filter(([done]) => !done).map(([, , text]) => text);
  todo.push('Antrag mit allen Unterlagen auf dem Dienstweg einreichen (siehe unten).');
  const documents = [
    'Formloses Antragsschreiben (Gruppenantrag)',
    'Kopien der Beschlüsse der Gemeindevertretungen',
    contract,
    ...(needsSavingsTable(status.projectKind) ? [`Tabellarischer Nachweis der Einsparung (mindestens ${minimum} %)`] : []),
    'Freiwillig: Gutachten, Untersuchungen, Presseberichte',
  ];
  const routes = programme.procedure.routes;
  const route =
    status.supervision === 'zusammenschluss'
      ? routes.zusammenschluss
      : status.supervision === 'sonderstatus' || status.supervision === 'kreisfrei' || status.supervision === 'landkreis'
        ? routes.direkt
        : routes.kreisangehoerig;
  return {
    todo,
    done: items.filter(([done]) => done).map(([, label]) => label),
    documents,
    route,
    decision: programme.procedure.decision,
    processingTime: programme.procedure.processing_time,
    fees: programme.procedure.fees,
    afterApproval: programme.procedure.after_approval,
    source: programme.procedure.source,
  };
}

/** The checklist as Markdown, to copy into the municipality's files. */
export function checklistMarkdown(list: ApplicationChecklist): string {
  return [
    '# IKZ-Förderantrag: Ihre nächsten Schritte',
    '',
    '## Noch zu erledigen',
    ...list.todo.map((t, i) => `${i + 1}. ${t}`),
    ...(list.done.length > 0 ? ['', '## Schon erledigt', ...list.done.map((d) => `- [x] ${d}`)] : []),
    '',
    '## Unterlagen für den Antrag',
    ...list.documents.map((d) => `- ${d}`),
    '',
    '## Dienstweg',
    list.route,
    list.decision,
    '',
    `**Bearbeitungsdauer:** ${list.processingTime}. **Gebühren:** ${list.fees}.`,
    '',
    '## Nach der Bewilligung',
    ...list.afterApproval.map((a) => `- ${a}`),
    '',
    `Quelle: ${list.source.title} (${list.source.url}). Unverbindliche Hilfe des IKZ-Assistenten.`,
  ].join('\n');
}
