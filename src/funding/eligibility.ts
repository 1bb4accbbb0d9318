import { euro, grantFigure, NO_CLAIM_NOTE, type GrantCase } from './grant-amounts.js';
import { OTHER_TASK_AREA, type ProgrammeVersion, type RuleSource } from './programme-parameters.js';
import type { ProgrammeBasis } from './programme-validity.js';
import { germanNumberOneDecimal } from '../shared/german-format.js';

/** Who applies. */
export type ApplicantKind = 'gemeinde' | 'landkreis' | 'zusammenschluss' | 'andere';
/** What kind of project. */
export type ProjectKind = 'kooperation' | 'gvv' | 'feuerwehr' | 'vorbereitung' | 'fusion';
/** The planned legal form of the cooperation. */
export type LegalForm = 'kgg' | 'hvwvfg' | 'privatrecht' | 'offen';

/** What the user told the eligibility check (each answer optional until asked). */
export interface EligibilityAnswers {
  applicant?: ApplicantKind;
  /** Only Landkreise take part, no town or municipality (told in a question; the Förder-Check does not ask). */
  countiesOnly?: boolean;
  allHessian?: boolean;
  projectKind?: ProjectKind;
  /** Partner municipalities, fire brigades (fire-brigade merger) or merging municipalities (merger). */
  partners?: number;
  /** A task area id of the programme, or `andere`. */
  taskArea?: string;
  /** `true` when the cooperation covers the task area substantially, `false` for a minor part. */
  substantial?: boolean;
  legalForm?: LegalForm;
  /** Planned duration in years; `null` = unlimited ("auf Dauer"). */
  durationYears?: number | null;
  /** Expected yearly cost reduction in percent (given, or computed from the costs below). */
  savingsPercent?: number;
  /** Today's yearly staff and material costs of all partners, and the expected joint costs (euro). */
  costs?: { today: number; joint: number };
  /** Whether the cooperation has started, and since when (free text as the user gave it). */
  started?: { started: boolean; since?: string };
}

export type CriterionStatus = 'met' | 'open' | 'not_met';
export type CriterionId =
  'applicant' | 'hessian' | 'partners' | 'task_area' | 'substantial' | 'legal_form' | 'duration' | 'savings' | 'timing';

/** One checked requirement with the reason and where the rule comes from. */
export interface Criterion {
  id: CriterionId;
  label: string;
  status: CriterionStatus;
  reason: string;
  source: RuleSource;
}

export type Verdict = 'eligible' | 'eligible_with_open_points' | 'not_eligible';

/** The estimated grant. `amount` is absent where the programme names no amount. */
export interface GrantEstimate {
  amount?: number;
  /** How the amount was derived (German, for the user). */
  basis: string;
  /** Caveats that always apply (German). */
  notes: string[];
  source: RuleSource;
}

export interface EligibilityResult {
  verdict: Verdict;
  criteria: Criterion[];
  estimate: GrantEstimate;
  /** The programme version the check is based on. */
  version: string;
  /** What users must know about that version's validity (it ends soon or has ended), in German. */
  notice?: string;
}

/** Which questions the check asks for a project kind (the dialog and the rules share this). */
export function questionsFor(kind: ProjectKind | undefined): ReadonlySet<keyof EligibilityAnswers> {
  const always: Array<keyof EligibilityAnswers> = ['applicant', 'allHessian', 'projectKind', 'partners'];
  const byKind: Record<ProjectKind, Array<keyof EligibilityAnswers>> = {
    kooperation: ['taskArea', 'substantial', 'legalForm', 'durationYears', 'savingsPercent', 'started'],
    gvv: ['durationYears', 'savingsPercent', 'started'],
    // The sources do not say whether the 15 % savings rule applies to a merger inside one municipality.
    feuerwehr: ['started'],
    vorbereitung: ['taskArea', 'legalForm'],
    fusion: [],
  };
  return new Set([...always, ...(kind ? byKind[kind] : [])]);
}

const percent = (value: number) => `${germanNumberOneDecimal(value)} %`;

/** Savings in percent from today's costs and the expected joint costs (negative when costs rise). */
export function savingsFromCosts(today: number, joint: number): number {
  if (!(today > 0)) throw new RangeError('today costs must be positive');
  return Math.round(((today - joint) / today) * 1000) / 10;
}

/**
 * Checks the answers against the rules of the programme version in force (pure). Every criterion
 * that applies to the project kind appears with met / open / not met and its reason; unanswered ones
 * are open. The basis's validity notice is passed on to the result.
 *
 * @example
 * ```ts
 * const result = evaluateEligibility(
 *   { applicant: 'gemeinde', allHessian: true, projectKind: 'kooperation', partners: 3, taskArea: 'it',
 *     substantial: true, legalForm: 'hvwvfg', durationYears: null, savingsPercent: 20, started: { started: false } },
 *   programmeBasis(parameters, new Date()),
 * );
 * result.verdict; // 'eligible'
 * result.estimate.amount; // 75000
 * ```
 */
export function evaluateEligibility(answers: EligibilityAnswers, basis: ProgrammeBasis): EligibilityResult {
  const parameters = basis.version;
  const kind = answers.projectKind ?? 'kooperation';
  const asked = questionsFor(kind);
  const criteria: Criterion[] = [
    applicantCriterion(answers, kind, parameters),
    hessianCriterion(answers, parameters),
    partnersCriterion(answers, kind, parameters),
  ];
  if (asked.has('taskArea')) criteria.push(taskAreaCriterion(answers, parameters));
  if (asked.has('substantial')) criteria.push(substantialCriterion(answers, parameters));
  if (asked.has('legalForm')) criteria.push(legalFormCriterion(answers, parameters));
  if (asked.has('durationYears')) criteria.push(durationCriterion(answers, parameters));
  if (asked.has('savingsPercent')) criteria.push(savingsCriterion(answers, parameters));
  if (asked.has('started')) criteria.push(timingCriterion(answers, parameters));
  const verdict: Verdict = criteria.some((c) => c.status === 'not_met')
    ? 'not_eligible'
    : criteria.some((c) => c.status === 'open')
      ? 'eligible_with_open_points'
      : 'eligible';
  const result: EligibilityResult = { verdict, criteria, estimate: estimateGrant(answers, parameters), version: parameters.version };
  return basis.notice ? { ...result, notice: basis.notice.text } : result;
}

/**
 * The grant to expect if the requirements are met (pure): the figures of `grantFigure` (regular amount
 * by number of partners, per GVV member, per fire brigade), with the caveats that always apply; for
 * preparation grants and mergers the rules, since the programme fixes no amount for them.
 */
export function estimateGrant(answers: EligibilityAnswers, parameters: ProgrammeVersion): GrantEstimate {
  const { amounts } = parameters;
  const kind = answers.projectKind ?? 'kooperation';
  if (kind === 'vorbereitung') {
    return {
      amount: amounts.preparation_maximum ?? undefined,
      basis:
        'Zuschüsse zur Vorbereitung (z. B. Machbarkeitsstudie) gibt es auf Antrag; eine Höchstgrenze ist nicht bekannt. ' +
        'Sie müssen zurückgezahlt werden, wenn danach keine förderungswürdige Kooperation zustande kommt.',
      notes: [NO_CLAIM_NOTE],
      source: amounts.source,
    };
  }
  if (kind === 'fusion') {
    // The check does not ask for inhabitants and debt: the figure stays "missing" and the rule is shown.
    const relief = grantFigure(parameters, { kind: 'entschuldung' });
    return {
      basis: `Für die Vorbereitung und Begleitung einer Fusion sind Zuschüsse möglich (Betrag nicht festgelegt). Dazu kommt: ${relief.rule}`,
      notes: [NO_CLAIM_NOTE],
      source: relief.source,
    };
  }
  const partners = answers.partners;
  const grantCase: GrantCase =
    kind === 'gvv' ? { kind, members: partners } : kind === 'feuerwehr' ? { kind, brigades: partners } : { kind: 'kooperation', partners };
  const figure = grantFigure(parameters, grantCase);
  switch (figure.status) {
    case 'amount':
      return { amount: figure.amount, basis: `${figure.calculation}. ${figure.rule}`, notes: figure.notes, source: figure.source };
    case 'missing':
      return { basis: `${figure.rule} ${figure.question}`, notes: [NO_CLAIM_NOTE], source: figure.source };
    case 'not_applicable':
      return { basis: figure.reason, notes: [NO_CLAIM_NOTE], source: figure.source };
  }
}

function criterion(id: CriterionId, label: string, status: CriterionStatus, reason: string, source: RuleSource): Criterion {
  return { id, label, status, reason, source };
}

function applicantCriterion(a: EligibilityAnswers, kind: ProjectKind, p: ProgrammeVersion): Criterion {
  const { source, eligible } = p.rules.applicant;
  const label = 'Antragsberechtigung';
  if (!a.applicant) return criterion('applicant', label, 'open', 'Wer den Antrag stellt, ist noch offen.', source);
  if ((kind === 'feuerwehr' || kind === 'fusion' || kind === 'gvv') && a.applicant !== 'gemeinde') {
    const what =
      kind === 'feuerwehr'
        ? 'Die Fusion von Ortsteilfeuerwehren'
        : kind === 'fusion'
          ? 'Eine Gemeindefusion'
          : 'Ein Gemeindeverwaltungsverband';
    return criterion(
      'applicant',
      label,
      'open',
      `${what} betrifft Gemeinden; wer in Ihrem Fall den Antrag stellt, klärt die Beratung.`,
      source,
    );
  }
  if (a.applicant === 'andere') {
    return criterion(
      'applicant',
      label,
      'open',
      'Antragsberechtigt sind hessische Kommunen und ihre Zusammenschlüsse, wenn diese eine juristische Person sind. Ob das für Sie gilt, klärt die Beratung.',
      source,
    );
  }
  if (!eligible.includes(a.applicant)) {
    return criterion(
      'applicant',
      label,
      'not_met',
      'Antragsberechtigt sind nur hessische Kommunen und ihre Zusammenschlüsse als juristische Person.',
      source,
    );
  }
  // The Gruppenantrag is the rule for cooperations; the sources say nothing of it for a merger.
  const groupApplication =
    kind === 'kooperation' || kind === 'gvv' || kind === 'vorbereitung'
      ? '; die Mittel sollen als Gruppenantrag der zusammenarbeitenden Kommunen beantragt werden'
      : '';
  const reason =
    a.applicant === 'zusammenschluss'
      ? 'Zusammenschlüsse von Kommunen sind antragsberechtigt, wenn sie eine juristische Person sind (z. B. ein Zweckverband).'
      : `Alle hessischen Kommunen sind antragsberechtigt${groupApplication}.`;
  const counties = p.rules.applicant.counties_only;
  if (a.countiesOnly && a.applicant === 'landkreis' && counties) {
    const since = `Seit ${counties.since} sind auch Kooperationen förderfähig, an denen nur Landkreise beteiligt sind.`;
    return criterion('applicant', label, 'met', since, counties.source);
  }
  return criterion('applicant', label, 'met', reason, source);
}

function hessianCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source } = p.rules.hessian;
  const label = 'Hessische Kommunen';
  if (a.allHessian === undefined) return criterion('hessian', label, 'open', 'Ob alle Beteiligten hessisch sind, ist noch offen.', source);
  return a.allHessian
    ? criterion('hessian', label, 'met', 'Alle Beteiligten sind hessische Kommunen.', source)
    : criterion(
        'hessian',
        label,
        'open',
        'Antragsberechtigt sind hessische Kommunen. Ob und wie eine Zusammenarbeit mit Partnern aus anderen Ländern gefördert werden kann, sagen die Quellen nicht – bitte klären Sie das mit der Beratung.',
        source,
      );
}

function partnersCriterion(a: EligibilityAnswers, kind: ProjectKind, p: ProgrammeVersion): Criterion {
  const r = p.rules.partners;
  const n = a.partners;
  const label = kind === 'feuerwehr' ? 'Zahl der Ortsteilfeuerwehren' : 'Zahl der beteiligten Kommunen';
  if (n === undefined) return criterion('partners', label, 'open', 'Die Zahl der Beteiligten ist noch offen.', r.source);
  if (kind === 'vorbereitung') {
    // No minimum is stated for preparation grants; one for two municipalities is documented.
    return n < r.exception_minimum
      ? criterion(
          'partners',
          label,
          'open',
          'Für Zuschüsse zur Vorbereitung nennen die Quellen keine Mindestzahl. Ob ein Vorhaben einer einzelnen Kommune in Frage kommt, klärt die Beratung.',
          r.preparation_source,
        )
      : criterion(
          'partners',
          label,
          'met',
          `${n} Kommunen. Für Zuschüsse zur Vorbereitung nennen die Quellen keine Mindestzahl; belegt ist auch ein Zuschuss für zwei Gemeinden.`,
          r.preparation_source,
        );
  }
  const minimum =
    kind === 'gvv'
      ? r.gvv_minimum
      : kind === 'feuerwehr'
        ? r.fire_brigades_minimum
        : kind === 'fusion'
          ? r.merger_minimum
          : r.exception_minimum;
  if (n < minimum) {
    const what = kind === 'feuerwehr' ? `mindestens ${minimum} Ortsteilfeuerwehren` : `mindestens ${minimum} Kommunen`;
    return criterion('partners', label, 'not_met', `Dafür braucht es ${what}; angegeben sind ${n}.`, r.source);
  }
  if (kind === 'kooperation') {
    if (n < r.regular_minimum) {
      return criterion(
        'partners',
        label,
        'open',
        `In der Regel müssen mindestens ${r.regular_minimum} Kommunen beteiligt sein; ${n} reichen nur in begründeten Ausnahmefällen.`,
        r.source,
      );
    }
    return criterion(
      'partners',
      label,
      'met',
      `${n} Kommunen: die Regel von mindestens ${r.regular_minimum} Kommunen ist erfüllt.`,
      r.source,
    );
  }
  const what = kind === 'feuerwehr' ? 'Ortsteilfeuerwehren' : 'Gemeinden';
  return criterion('partners', label, 'met', `${n} ${what} beteiligt.`, r.source);
}

function taskAreaCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source } = p.rules.task_area;
  const label = 'Aufgabenbereich';
  if (!a.taskArea) return criterion('task_area', label, 'open', 'Der Aufgabenbereich ist noch offen.', source);
  const area = p.task_areas.find((t) => t.id === a.taskArea);
  if (!area || a.taskArea === OTHER_TASK_AREA) {
    return criterion(
      'task_area',
      label,
      'open',
      `Laut Beratungszentrum sind fast alle kommunalen Aufgabenfelder förderfähig; die vollständige Liste der ${p.version} ist aber nicht bekannt. Ob Ihr Bereich dazugehört, klärt die Beratung.`,
      source,
    );
  }
  // Each area says why it counts (named in the readable part of Nr. 3.2, or a field the Land names as funded).
  return criterion('task_area', label, 'met', `${area.label}: ${area.basis}`, area.source);
}

function substantialCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source } = p.rules.substantial;
  const label = 'Wesentlicher Aufgabenbereich';
  if (a.substantial === undefined) return criterion('substantial', label, 'open', 'Der Umfang der Zusammenarbeit ist noch offen.', source);
  return a.substantial
    ? criterion('substantial', label, 'met', 'Die Zusammenarbeit umfasst das Aufgabenfeld wesentlich.', source)
    : criterion(
        'substantial',
        label,
        'not_met',
        'Die Zusammenarbeit darf sich nicht auf unwesentliche Teile eines Aufgabenfeldes beschränken.',
        source,
      );
}

function legalFormCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source, eligible } = p.rules.legal_form;
  const label = 'Rechtsform';
  if (!a.legalForm || a.legalForm === 'offen') {
    return criterion(
      'legal_form',
      label,
      'open',
      'Die Rechtsform ist noch nicht entschieden. Förderfähig sind die Formen nach dem KGG, der öffentlich-rechtliche Vertrag (§§ 54 ff. HVwVfG) und privatrechtliche Formen.',
      source,
    );
  }
  const names = {
    kgg: 'Form nach dem KGG',
    hvwvfg: 'Öffentlich-rechtlicher Vertrag nach §§ 54 ff. HVwVfG',
    privatrecht: 'Privatrechtliche Form',
  };
  return eligible.includes(a.legalForm)
    ? criterion('legal_form', label, 'met', `${names[a.legalForm]}: nach der Rahmenvereinbarung förderfähig.`, source)
    : criterion('legal_form', label, 'not_met', 'Diese Rechtsform nennt die Rahmenvereinbarung nicht.', source);
}

function durationCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source, minimum_years: minimum } = p.rules.duration;
  const label = 'Dauer';
  if (a.durationYears === undefined) return criterion('duration', label, 'open', 'Die geplante Dauer ist noch offen.', source);
  if (a.durationYears === null)
    return criterion('duration', label, 'met', `Auf Dauer angelegt: erfüllt die Vorgabe von mindestens ${minimum} Jahren.`, source);
  return a.durationYears >= minimum
    ? criterion('duration', label, 'met', `${a.durationYears} Jahre: mindestens ${minimum} Jahre sind verlangt.`, source)
    : criterion(
        'duration',
        label,
        'not_met',
        `Der Kooperationsverbund muss auf Dauer, mindestens aber ${minimum} Jahre bestehen; geplant sind ${a.durationYears}.`,
        source,
      );
}

function savingsCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source, minimum_percent: minimum } = p.rules.savings;
  const label = 'Einsparung';
  const rule = `Die Personal- und Sachausgaben sollen um mindestens ${percent(minimum)} pro Jahr sinken`;
  if (a.savingsPercent === undefined)
    return criterion('savings', label, 'open', `Die erwartete Einsparung ist noch offen. ${rule}.`, source);
  const computed = a.costs ? ` (berechnet aus ${euro(a.costs.today)} heute und ${euro(a.costs.joint)} gemeinsam)` : '';
  return a.savingsPercent >= minimum
    ? criterion('savings', label, 'met', `${percent(a.savingsPercent)} pro Jahr${computed}. ${rule}.`, source)
    : criterion(
        'savings',
        label,
        'not_met',
        `${percent(a.savingsPercent)} pro Jahr${computed}. ${rule}; Ausnahmen nennen die Quellen nicht.`,
        source,
      );
}

function timingCriterion(a: EligibilityAnswers, p: ProgrammeVersion): Criterion {
  const { source } = p.rules.timing;
  const label = 'Zeitpunkt des Antrags';
  if (!a.started) return criterion('timing', label, 'open', 'Ob die Zusammenarbeit schon begonnen hat, ist noch offen.', source);
  if (!a.started.started) {
    return criterion(
      'timing',
      label,
      'met',
      'Die Zusammenarbeit hat noch nicht begonnen. Feste Fristen gibt es laut Verwaltungsportalen nicht; der Antrag soll in angemessener zeitlicher Nähe zur Kooperation gestellt werden.',
      source,
    );
  }
  return criterion(
    'timing',
    label,
    'open',
    `Die Zusammenarbeit läuft bereits${a.started.since ? ` (seit ${a.started.since})` : ''}. Der Antrag soll in angemessener zeitlicher Nähe zur Kooperation gestellt werden; ob eine schon laufende Kooperation noch gefördert wird, sagen die Quellen nicht. Bitte klären Sie das mit der Beratung.`,
    source,
  );
}
