import type { ProjectKind } from './eligibility.js';
import { citation, type RuleSource } from './programme-parameters.js';
import type { ProgrammeBasis } from './programme-validity.js';

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
  /** What users must know about the programme's validity (it ends soon or has ended), in German. */
  notice?: string;
}

/**
 * Whether the documented list of application documents (council decisions of all partners, contract
 * or statutes, savings table) applies: it is written for cooperations of several municipalities. For
 * a fire-brigade merger inside one municipality, a preparation grant or a merger the sources list no
 * documents, so the checklist does not invent any.
 */
export function usesCooperationDocuments(kind: ProjectKind | undefined): boolean {
  return kind === undefined || kind === 'kooperation' || kind === 'gvv';
}

/** Whether the project needs the table proving the minimum savings (cooperations only). */
export function needsSavingsTable(kind: ProjectKind | undefined): boolean {
  return usesCooperationDocuments(kind);
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
 * Builds the ordered checklist of what is left to do for the application (pure), from the rules of
 * the programme version in force; the basis's validity notice goes with it.
 *
 * @example
 * ```ts
 * const list = buildApplicationChecklist({ advice: true, decisions: 'some', supervision: 'kreisangehoerig' }, programmeBasis(programme, new Date()));
 * list.todo[0]; // 'Beschlüsse der Gemeindevertretungen bzw. Kreistage aller Partner … einholen …'
 * ```
 */
export function buildApplicationChecklist(status: ApplicationStatus, basis: ProgrammeBasis): ApplicationChecklist {
  const programme = basis.version;
  const minimum = programme.rules.savings.minimum_percent;
  const cooperation = usesCooperationDocuments(status.projectKind);
  const contract = contractName(status);
  // [done?, short label for "schon erledigt", what to do]
  const items: Array<[boolean, string, string]> = [
    [
      status.advice === true,
      'Beratung durch das Beratungszentrum',
      'Beratung durch das Beratungszentrum nutzen: Es berät Kommunen in jeder Phase eines IKZ-Vorhabens.',
    ],
  ];
  if (cooperation) {
    items.push(
      [
        status.decisions === 'all',
        'Beschlüsse aller Partner',
        'Beschlüsse der Gemeindevertretungen bzw. Kreistage aller Partner zur Zusammenarbeit einholen (Kopien gehören zum Antrag).',
      ],
      [
        status.contract === 'done',
        contract,
        `${contract} fertigstellen und beschließen lassen${status.contract === 'draft' ? ' (ein Entwurf liegt vor)' : ''}.`,
      ],
    );
  }
  if (needsSavingsTable(status.projectKind)) {
    items.push([
      status.savingsTable === true,
      'Einsparnachweis',
      `Tabellarischen Nachweis der Einsparung erstellen: bisherige Personal- und Sachkosten jeder Kommune gegenüber den Kosten der gemeinsamen Lösung; die Kosten sollen um mindestens ${minimum} % pro Jahr sinken.`,
    ]);
  }
  items.push([
    status.letter === true,
    'Antragsschreiben',
    cooperation
      ? 'Formloses Antragsschreiben verfassen: Eine beteiligte Kommune stellt den Gruppenantrag für alle und beschreibt Inhalt und Zeitplan der Zusammenarbeit.'
      : 'Formloses Antragsschreiben verfassen, das das Vorhaben beschreibt.',
  ]);
  const todo = items.filter(([done]) => !done).map(([, , text]) => text);
  if (!cooperation)
    todo.push(
      'Welche Unterlagen für dieses Vorhaben verlangt werden, ist in den Quellen nicht beschrieben – bitte mit der Beratung klären.',
    );
  todo.push('Antrag mit allen Unterlagen auf dem Dienstweg einreichen (siehe unten).');
  const supervisoryStatement = 'Bewertende Stellungnahme der Aufsichtsbehörden (fügen diese auf dem Dienstweg bei)';
  const documents = cooperation
    ? [
        'Formloses Antragsschreiben (Gruppenantrag)',
        'Kopien der Beschlüsse der Gemeindevertretungen',
        contract,
        `Tabellarischer Nachweis der Einsparung (mindestens ${minimum} %)`,
        supervisoryStatement,
        'Freiwillig: Gutachten, Untersuchungen, Presseberichte',
      ]
    : ['Formloses Antragsschreiben', supervisoryStatement, 'Weitere Unterlagen: nicht beschrieben – bitte mit der Beratung klären'];
  const routes = programme.procedure.routes;
  const route =
    status.supervision === 'zusammenschluss'
      ? routes.zusammenschluss
      : status.supervision === 'sonderstatus' || status.supervision === 'kreisfrei' || status.supervision === 'landkreis'
        ? routes.direkt
        : routes.kreisangehoerig;
  const list: ApplicationChecklist = {
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
  return basis.notice ? { ...list, notice: basis.notice.text } : list;
}

/** The checklist as Markdown, to copy into the municipality's files. */
export function checklistMarkdown(list: ApplicationChecklist): string {
  return [
    '# IKZ-Förderantrag: Ihre nächsten Schritte',
    '',
    ...(list.notice ? [`**Hinweis:** ${list.notice}`, ''] : []),
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
    `Quelle: ${list.source.url ? `${list.source.title} (${list.source.url})` : citation(list.source)}. Unverbindliche Hilfe des IKZ-Assistenten.`,
  ].join('\n');
}
