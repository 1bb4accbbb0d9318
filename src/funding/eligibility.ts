import { OTHER_TASK_AREA, type ProgrammeParameters, type RuleSource } from './programme-parameters.js';

/** Who applies. */
export type ApplicantKind = 'gemeinde' | 'landkreis' | 'zusammenschluss' | 'andere';
/** What kind of project. */
export type ProjectKind = 'kooperation' | 'gvv' | 'feuerwehr' | 'vorbereitung' | 'fusion';
/** The planned legal form of the cooperation. */
export type LegalForm = 'kgg' | 'hvwvfg' | 'privatrecht' | 'offen';

/** What the user told the eligibility check (each answer optional until asked). */
export interface EligibilityAnswers {
  applicant?: ApplicantKind;
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
export type CriterionId = 'applicant' | 'hessian' | 'partners' | 'task_area' | 'substantial' | 'legal_form' | 'duration' | 'savings' | 'timing';

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
  asOf: string;
}

/** Which questions the check asks for a project kind (the dialog and the rules share this). */
export function questionsFor(kind: ProjectKind | undefined): ReadonlySet<keyof EligibilityAnswers> {
  const always: Array<keyof EligibilityAnswers> = ['applicant', 'allHessian', 'projectKind', 'partners'];
  const byKind: Record<ProjectKind, Array<keyof EligibilityAnswers>> = {
    kooperation: ['taskArea', 'substantial', 'legalForm', 'durationYears', 'savingsPercent', 'started'],
    gvv: ['durationYears', 'savingsPercent', 'started'],
    feuerwehr: ['savingsPercent', 'started'],
    vorbereitung: ['taskArea', 'legalForm'],
    fusion: [],
  };
  return new Set([...always, ...(kind ? byKind[kind] : [])]);
}

const euro = (amount: number) => `${amount.toLocaleString('de-DE')} €`;
const percent = (value: number) => `${value.toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;

/** Savings in percent from today's costs and the expected joint costs (negative when costs rise). */
export function savingsFromCosts(today: number, joint: number): number {
  if (!(today > 0)) throw new RangeError('today costs must be positive');
  return Math.round(((today - joint) / today) * 1000) / 10;
}

/**
 * Checks the answers against the programme's rules (pure). Every criterion that applies to the project
 * kind appears with met / open / not met and its reason; unanswered ones are open.
 *
 * @example
 * ```ts
 * const result = evaluateEligibility(
 *   { applicant: 'gemeinde', allHessian: true, projectKind: 'kooperation', partners: 3, taskArea: 'it',
 *     substantial: true, legalForm: 'hvwvfg', durationYears: null, savingsPercent: 20, started: { started: false } },
 *   parameters,
 * );
 * result.verdict; // 'eligible'
 * result.estimate.amount; // 75000
 * ```
 */
export function evaluateEligibility(answers: EligibilityAnswers, parameters: ProgrammeParameters): EligibilityResult {
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
  if (asked.has('savingsPercent')) criteria.push(savingsCriterion(answers, kind, parameters));
  if (asked.has('started')) criteria.push(timingCriterion(answers, parameters));
  const verdict: Verdict = criteria.some((c) => c.status === 'not_met')
    ? 'not_eligible'
    : criteria.some((c) => c.status === 'open')
      ? 'eligible_with_open_points'
      : 'eligible';
  return { verdict, criteria, estimate: estimateGrant(answers, parameters), version: parameters.version, asOf: parameters.as_of };
}

/**
 * The grant to expect if the requirements are met (pure): the regular amount by number of partners,
 * or the special amounts per GVV member and per fire brigade, with the caveats that always apply.
 */
export function estimateGrant(answers: EligibilityAnswers, parameters: ProgrammeParameters): GrantEstimate {
  const { amounts, rules } = parameters;
  const partners = answers.partners ?? 0;
  const notes = [
    'Für Kooperationen mit besonderem Vorbildcharakter, die breit angelegt sind, ist eine höhere Zuwendung möglich.',
    'Die Zuwendung soll in einem angemessenen Verhältnis zu den Einsparungen stehen; Bescheide lagen auch schon unter den Regelbeträgen.',
    'Die Schätzung ist unverbindlich: Ein Rechtsanspruch auf Förderung oder auf einen bestimmten Betrag folgt daraus nicht.',
  ];
  switch (answers.projectKind ?? 'kooperation') {
    case 'gvv':
      return {
        amount: partners * amounts.gvv_per_member,
        basis: `Gemeindeverwaltungsverband: ${euro(amounts.gvv_per_member)} je Mitgliedsgemeinde × ${partners} = ${euro(partners * amounts.gvv_per_member)}`,
        notes,
        source: amounts.source,
      };
    case 'feuerwehr':
      return {
        amount: partners * amounts.fire_brigade_per_brigade,
        basis: `Fusion von Ortsteilfeuerwehren: in der Regel ${euro(amounts.fire_brigade_per_brigade)} je beteiligter Wehr × ${partners} = ${euro(partners * amounts.fire_brigade_per_brigade)}`,
        notes,
        source: amounts.source,
      };
    case 'vorbereitung':
      return {
        amount: amounts.preparation_maximum ?? undefined,
        basis:
          'Zuschüsse zur Vorbereitung (z. B. Machbarkeitsstudie) gibt es auf Antrag; eine Höchstgrenze ist nicht bekannt. ' +
          'Sie müssen zurückgezahlt werden, wenn danach keine förderungswürdige Kooperation zustande kommt.',
        notes: notes.slice(2),
        source: amounts.source,
      };
    case 'fusion': {
      const relief = amounts.merger_debt_relief;
      return {
        basis:
          `Für die Vorbereitung und Begleitung einer Fusion sind Zuschüsse möglich (Betrag nicht festgelegt). ` +
          `Dazu kommt eine Entschuldungshilfe nach dem Schutzschirmgesetz: ${euro(relief.per_inhabitant_small)} je Einwohner bei einer neuen Gemeinde bis ${relief.small_up_to_inhabitants.toLocaleString('de-DE')} Einwohner, ` +
          `sonst ${euro(relief.per_inhabitant_large)} je Einwohner, höchstens ${percent(relief.maximum_share_of_debt_percent)} der Schulden des Kernhaushalts (Stand 2020).`,
        notes: notes.slice(2),
        source: relief.source,
      };
    }
    case 'kooperation': {
      const { regular } = amounts;
      if (partners >= rules.partners.regular_minimum + 1) {
        return { amount: regular.more_than_three, basis: `Regelzuwendung bei mehr als ${rules.partners.regular_minimum} Kommunen: ${euro(regular.more_than_three)}`, notes, source: amounts.source };
      }
      if (partners >= rules.partners.regular_minimum) {
        return { amount: regular.three_partners, basis: `Regelzuwendung bei ${rules.partners.regular_minimum} Kommunen: ${euro(regular.three_partners)}`, notes, source: amounts.source };
      }
      if (partners >= rules.partners.exception_minimum) {
        return {
          amount: regular.two_partners_exception,
          basis: `Regelzuwendung bei nur ${rules.partners.exception_minimum} Kommunen, nur wenn ausnahmsweise anerkannt: ${euro(regular.two_partners_exception)}`,
          notes,
          source: amounts.source,
        };
      }
      return { amount: 0, basis: 'Eine Kooperation braucht mehrere Kommunen; für eine einzelne Kommune gibt es keine Regelzuwendung.', notes: notes.slice(2), source: amounts.source };
    }
  }
}

function criterion(id: CriterionId, label: string, status: CriterionStatus, reason: string, source: RuleSource): Criterion {
  return { id, label, status, reason, source };
}

function applicantCriterion(a: EligibilityAnswers, kind: ProjectKind, p: ProgrammeParameters): Criterion {
  const { source, eligible } = p.rules.applicant;
  const label = 'Antragsberechtigung';
  if (!a.applicant) return criterion('applicant', label, 'open', 'Wer den Antrag stellt, ist noch offen.', source);
  if ((kind === 'feuerwehr' || kind === 'fusion' || kind === 'gvv') && a.applicant !== 'gemeinde') {
    const what = kind === 'feuerwehr' ? 'Die Fusion von Ortsteilfeuerwehren' : kind === 'fusion' ? 'Eine Gemeindefusion' : 'Ein Gemeindeverwaltungsverband';
    return criterion('applicant', label, 'open', `${what} betrifft Gemeinden; wer in Ihrem Fall den Antrag stellt, klärt die Beratung.`, source);
  }
  if (a.applicant === 'andere') {
    return criterion('applicant', label, 'open', 'Antragsberechtigt sind hessische Kommunen und ihre Zusammenschlüsse, wenn diese eine juristische Person sind. Ob das für Sie gilt, klärt die Beratung.', source);
  }
  if (!eligible.includes(a.applicant)) {
    return criterion('applicant', label, 'not_met', 'Antragsberechtigt sind nur hessische Kommunen und ihre Zusammenschlüsse als juristische Person.', source);
  }
  const reason =
    a.applicant === 'zusammenschluss'
      ? 'Zusammenschlüsse von Kommunen sind antragsberechtigt, wenn sie eine juristische Person sind (z. B. ein Zweckverband).'
      : 'Alle hessischen Kommunen sind antragsberechtigt; die Mittel werden als Gruppenantrag beantragt.';
  return criterion('applicant', label, 'met', reason, source);
}

function hessianCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source } = p.rules.hessian;
  const label = 'Hessische Kommunen';
  if (a.allHessian === undefined) return criterion('hessian', label, 'open', 'Ob alle Beteiligten hessisch sind, ist noch offen.', source);
  return a.allHessian
    ? criterion('hessian', label, 'met', 'Alle Beteiligten sind hessische Kommunen.', source)
    : criterion('hessian', label, 'not_met', 'Das Programm fördert hessische Kommunen; für Partner aus anderen Ländern gilt es nicht. Eine länderübergreifende Kooperation besprechen Sie bitte mit der Beratung.', source);
}

function partnersCriterion(a: EligibilityAnswers, kind: ProjectKind, p: ProgrammeParameters): Criterion {
  const r = p.rules.partners;
  const n = a.partners;
  const label = kind === 'feuerwehr' ? 'Zahl der Ortsteilfeuerwehren' : 'Zahl der beteiligten Kommunen';
  if (n === undefined) return criterion('partners', label, 'open', 'Die Zahl der Beteiligten ist noch offen.', r.source);
  const minimum = kind === 'gvv' ? r.gvv_minimum : kind === 'feuerwehr' ? r.fire_brigades_minimum : kind === 'fusion' ? r.merger_minimum : r.exception_minimum;
  if (n < minimum) {
    const what = kind === 'feuerwehr' ? `mindestens ${minimum} Ortsteilfeuerwehren` : `mindestens ${minimum} Kommunen`;
    return criterion('partners', label, 'not_met', `Dafür braucht es ${what}; angegeben sind ${n}.`, r.source);
  }
  if (kind === 'kooperation' || kind === 'vorbereitung') {
    if (n < r.regular_minimum) {
      return criterion('partners', label, 'open', `In der Regel müssen mindestens ${r.regular_minimum} Kommunen beteiligt sein; ${n} reichen nur in begründeten Ausnahmefällen.`, r.source);
    }
    return criterion('partners', label, 'met', `${n} Kommunen: die Regel von mindestens ${r.regular_minimum} Kommunen ist erfüllt.`, r.source);
  }
  const what = kind === 'feuerwehr' ? 'Ortsteilfeuerwehren' : 'Gemeinden';
  return criterion('partners', label, 'met', `${n} ${what} beteiligt.`, r.source);
}

function taskAreaCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source } = p.rules.task_area;
  const label = 'Aufgabenbereich';
  if (!a.taskArea) return criterion('task_area', label, 'open', 'Der Aufgabenbereich ist noch offen.', source);
  const area = p.task_areas.find((t) => t.id === a.taskArea);
  if (!area || a.taskArea === OTHER_TASK_AREA) {
    return criterion('task_area', label, 'open', 'Fast alle kommunalen Aufgabenfelder sind förderfähig, die vollständige Liste der Rahmenvereinbarung 2021 ist aber nicht bekannt. Ob Ihr Bereich dazugehört, klärt die Beratung.', source);
  }
  return criterion('task_area', label, 'met', `${area.label}: ein Aufgabenfeld der laufenden Verwaltung oder der Daseinsvorsorge und Infrastruktur (Nr. 3.2).`, source);
}

function substantialCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source } = p.rules.substantial;
  const label = 'Wesentlicher Aufgabenbereich';
  if (a.substantial === undefined) return criterion('substantial', label, 'open', 'Der Umfang der Zusammenarbeit ist noch offen.', source);
  return a.substantial
    ? criterion('substantial', label, 'met', 'Die Zusammenarbeit umfasst das Aufgabenfeld wesentlich.', source)
    : criterion('substantial', label, 'not_met', 'Die Zusammenarbeit darf sich nicht auf unwesentliche Teile eines Aufgabenfeldes beschränken.', source);
}

function legalFormCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source, eligible } = p.rules.legal_form;
  const label = 'Rechtsform';
  if (!a.legalForm || a.legalForm === 'offen') {
    return criterion('legal_form', label, 'open', 'Die Rechtsform ist noch nicht entschieden. Förderfähig sind die Formen nach dem KGG, der öffentlich-rechtliche Vertrag (§§ 54 ff. HVwVfG) und privatrechtliche Formen.', source);
  }
  const names = { kgg: 'Form nach dem KGG', hvwvfg: 'Öffentlich-rechtlicher Vertrag nach §§ 54 ff. HVwVfG', privatrecht: 'Privatrechtliche Form' };
  return eligible.includes(a.legalForm)
    ? criterion('legal_form', label, 'met', `${names[a.legalForm]}: nach der Rahmenvereinbarung förderfähig.`, source)
    : criterion('legal_form', label, 'not_met', 'Diese Rechtsform nennt die Rahmenvereinbarung nicht.', source);
}

function durationCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source, minimum_years: minimum } = p.rules.duration;
  const label = 'Dauer';
  if (a.durationYears === undefined) return criterion('duration', label, 'open', 'Die geplante Dauer ist noch offen.', source);
  if (a.durationYears === null) return criterion('duration', label, 'met', `Auf Dauer angelegt: erfüllt die Vorgabe von mindestens ${minimum} Jahren.`, source);
  return a.durationYears >= minimum
    ? criterion('duration', label, 'met', `${a.durationYears} Jahre: mindestens ${minimum} Jahre sind verlangt.`, source)
    : criterion('duration', label, 'not_met', `Der Kooperationsverbund muss auf Dauer, mindestens aber ${minimum} Jahre bestehen; geplant sind ${a.durationYears}.`, source);
}

function savingsCriterion(a: EligibilityAnswers, kind: ProjectKind, p: ProgrammeParameters): Criterion {
  const { source, minimum_percent: minimum } = p.rules.savings;
  const label = 'Einsparung';
  if (a.savingsPercent === undefined) {
    return criterion('savings', label, 'open', `Die erwartete Einsparung ist noch offen; verlangt sind mindestens ${percent(minimum)} pro Jahr bei Personal- und Sachkosten.`, source);
  }
  const computed = a.costs ? ` (berechnet aus ${euro(a.costs.today)} heute und ${euro(a.costs.joint)} gemeinsam)` : '';
  if (a.savingsPercent >= minimum) {
    return criterion('savings', label, 'met', `${percent(a.savingsPercent)} pro Jahr${computed}: mindestens ${percent(minimum)} sind verlangt.`, source);
  }
  if (kind === 'feuerwehr') {
    return criterion('savings', label, 'open', `${percent(a.savingsPercent)}${computed}: Ob die Einsparvorgabe von ${percent(minimum)} auch für Feuerwehr-Fusionen gilt, ist nicht ausdrücklich beschrieben.`, source);
  }
  return criterion('savings', label, 'not_met', `${percent(a.savingsPercent)} pro Jahr${computed}: Die Personal- und Sachkosten sollen um mindestens ${percent(minimum)} pro Jahr sinken.`, source);
}

function timingCriterion(a: EligibilityAnswers, p: ProgrammeParameters): Criterion {
  const { source } = p.rules.timing;
  const label = 'Zeitpunkt des Antrags';
  if (!a.started) return criterion('timing', label, 'open', 'Ob die Zusammenarbeit schon begonnen hat, ist noch offen.', source);
  if (!a.started.started) {
    return criterion('timing', label, 'met', 'Die Zusammenarbeit hat noch nicht begonnen; stellen Sie den Antrag in zeitlicher Nähe zum Start. Eine feste Frist gibt es nicht.', source);
  }
  return criterion(
    'timing',
    label,
    'open',
    `Die Zusammenarbeit läuft bereits${a.started.since ? ` (seit ${a.started.since})` : ''}. Der Antrag soll in angemessener zeitlicher Nähe zur Kooperation gestellt werden; ob eine schon laufende Kooperation noch gefördert wird, ist nicht geregelt. Bitte klären Sie das mit der Beratung.`,
    source,
  );
}
