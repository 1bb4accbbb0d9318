import type { GrantCaseFigure, ProgrammeVersion, RuleSource } from './programme-parameters.js';
import { germanNumber, germanNumberOneDecimal } from '../shared/german-format.js';

/** A case whose grant the programme fixes by a rule. Counts and figures are optional until known. */
export type GrantCase =
  /** Voluntary merger of Ortsteilfeuerwehren inside one municipality. */
  | { kind: 'feuerwehr'; brigades?: number }
  /** Gemeindeverwaltungsverband (or Verwaltungsgemeinschaft) of `members` municipalities. */
  | { kind: 'gvv'; members?: number }
  /** A cooperation of `partners` municipalities (regular grant). */
  | { kind: 'kooperation'; partners?: number }
  /** Debt relief for a voluntary merger: inhabitants of the new municipality, debt of its core budget in euro. */
  | { kind: 'entschuldung'; inhabitants?: number; debt?: number }
  /** The yearly savings the cooperation must reach: today's staff and material costs of all partners, in euro. */
  | { kind: 'einsparung'; costs?: number };

/** Which number a case still needs. */
export type MissingFigure = GrantCaseFigure;

interface FigureBase {
  /** The rule the figure comes from, in German, as the sources state it ("in der Regel …"). */
  rule: string;
  source: RuleSource;
  /** The programme version the rule belongs to. */
  version: string;
  /** What the figures are as of: the programme version, or for the debt relief the date of its announcement. */
  asOf: string;
}

/**
 * A computed figure, the numbers a case still needs, or why the rule does not apply. Every result
 * names the rule and its source, so a reply can always say where it comes from.
 */
export type GrantFigure =
  | (FigureBase & {
      status: 'amount';
      amount: number;
      /** The calculation in words, e.g. "4 × 15.000 € = 60.000 €". */
      calculation: string;
      /** Caveats that always go with the figure (proportionality, no legal claim, …). */
      notes: string[];
    })
  | (FigureBase & {
      status: 'missing';
      missing: MissingFigure[];
      /** German: what to ask for, e.g. "Wie viele Ortsteilfeuerwehren sollen zusammengelegt werden?". */
      question: string;
      /** The most the case can get with the numbers known so far (debt relief without the debt: the amount per inhabitant, before the cap). */
      upTo?: { amount: number; calculation: string; notes: string[] };
    })
  | (FigureBase & { status: 'not_applicable'; reason: string });

const QUESTIONS: Record<MissingFigure, string> = {
  brigades: 'Wie viele Ortsteilfeuerwehren sollen zusammengelegt werden?',
  members: 'Wie viele Gemeinden sollen Mitglied des Gemeindeverwaltungsverbands werden?',
  partners: 'Wie viele Kommunen arbeiten zusammen?',
  inhabitants: 'Wie viele Einwohner wird die neue Gemeinde haben?',
  debt: 'Wie hoch sind die Schulden im Kernhaushalt (Investitions- und Kassenkredite) in Euro?',
  costs: 'Wie hoch sind die heutigen Personal- und Sachkosten der beteiligten Kommunen für die Aufgabe pro Jahr, in Euro?',
};

/** The caveat every estimate carries: nobody can claim it (the proportionality note comes from the programme data). */
export const NO_CLAIM_NOTE =
  'Die Schätzung ist unverbindlich: Ein Rechtsanspruch auf Förderung oder auf einen bestimmten Betrag folgt daraus nicht.';
const MODEL_PROJECT_NOTE = 'Für Kooperationen mit besonderem Vorbildcharakter, die breit angelegt sind, ist eine höhere Zuwendung möglich.';

/** What a cooperation must meet for the regular grant at all ("Gibt es Geld, wenn wir nur die Post gemeinsam frankieren?"). */
function conditionsNote(version: ProgrammeVersion): string {
  const { duration, savings } = version.rules;
  return (
    `Voraussetzung sind die Fördervoraussetzungen, unter anderem ein wesentlicher Aufgabenbereich (nicht nur ein kleiner Teil davon), ` +
    `eine Zusammenarbeit auf Dauer (mindestens ${duration.minimum_years} Jahre) und mindestens ${percent(savings.minimum_percent)} Einsparung pro Jahr.`
  );
}

export const euro = (amount: number): string => `${germanNumber(amount)} €`;
const percent = (value: number): string => `${germanNumberOneDecimal(value)} %`;

/**
 * The grant a case gets by the rules of a programme version (pure). Counts below the rule's minimum
 * are "not applicable", unknown counts "missing".
 *
 * @example
 * ```ts
 * const figure = grantFigure(version, { kind: 'feuerwehr', brigades: 4 });
 * figure.status === 'amount' && figure.amount; // 60000
 * figure.rule; // 'Die freiwillige Fusion von Ortsteilfeuerwehren innerhalb einer Gemeinde ist förderfähig; es gibt in der Regel 15.000 € je beteiligter Ortsteilfeuerwehr.'
 * ```
 */
export function grantFigure(version: ProgrammeVersion, grantCase: GrantCase): GrantFigure {
  switch (grantCase.kind) {
    case 'feuerwehr':
      return fireBrigadeFigure(version, grantCase.brigades);
    case 'gvv':
      return gvvFigure(version, grantCase.members);
    case 'kooperation':
      return cooperationFigure(version, grantCase.partners);
    case 'entschuldung':
      return debtReliefFigure(version, grantCase.inhabitants, grantCase.debt);
    case 'einsparung':
      return savingsFigure(version, grantCase.costs);
  }
}

/** The savings rule as an amount: the minimum share of today's costs (a percentage of the given costs). */
function savingsFigure(version: ProgrammeVersion, costs: number | undefined): GrantFigure {
  const { minimum_percent: minimum, source } = version.rules.savings;
  const base = {
    rule: `Für die Förderung sollen die Personal- und Sachausgaben durch die Zusammenarbeit um mindestens ${percent(minimum)} pro Jahr sinken; der Antrag weist das rechnerisch nach (bisherige Kosten jeder Kommune gegenüber den Gesamtkosten des Verbunds).`,
    source,
    version: version.version,
    asOf: version.version,
  };
  if (costs === undefined) return { ...base, status: 'missing', missing: ['costs'], question: QUESTIONS.costs };
  if (!(costs > 0)) return { ...base, status: 'not_applicable', reason: 'Dafür braucht es die heutigen Personal- und Sachkosten in Euro.' };
  const amount = Math.ceil((costs * minimum) / 100);
  return {
    ...base,
    status: 'amount',
    amount,
    calculation: `${percent(minimum)} von ${euro(costs)} = ${euro(amount)} pro Jahr; die gemeinsamen Kosten dürfen also höchstens ${euro(costs - amount)} betragen`,
    notes: [version.amounts.proportionality_note, NO_CLAIM_NOTE],
  };
}

function fireBrigadeFigure(version: ProgrammeVersion, brigades: number | undefined): GrantFigure {
  const perBrigade = version.amounts.fire_brigade_per_brigade;
  const minimum = version.rules.partners.fire_brigades_minimum;
  const base = {
    rule: `Die freiwillige Fusion von Ortsteilfeuerwehren innerhalb einer Gemeinde ist förderfähig; es gibt in der Regel ${euro(perBrigade)} je beteiligter Ortsteilfeuerwehr.`,
    source: version.amounts.source,
    version: version.version,
    asOf: version.version,
  };
  if (brigades === undefined) return { ...base, status: 'missing', missing: ['brigades'], question: QUESTIONS.brigades };
  if (brigades < minimum)
    return { ...base, status: 'not_applicable', reason: `Zu einer Fusion gehören mindestens ${minimum} Ortsteilfeuerwehren.` };
  const amount = brigades * perBrigade;
  return {
    ...base,
    status: 'amount',
    amount,
    calculation: `${brigades} × ${euro(perBrigade)} = ${euro(amount)}`,
    notes: [version.amounts.proportionality_note, NO_CLAIM_NOTE],
  };
}

function gvvFigure(version: ProgrammeVersion, members: number | undefined): GrantFigure {
  const perMember = version.amounts.gvv_per_member;
  const minimum = version.rules.partners.gvv_minimum;
  const base = {
    rule: `Für einen Gemeindeverwaltungsverband oder eine Verwaltungsgemeinschaft, die nahezu alle kommunalen Aufgabenfelder gemeinsam erledigen, gibt es in der Regel eine besondere Zuwendung von ${euro(perMember)} je teilnehmender Gemeinde.`,
    source: version.amounts.source,
    version: version.version,
    asOf: version.version,
  };
  if (members === undefined) return { ...base, status: 'missing', missing: ['members'], question: QUESTIONS.members };
  if (members < minimum)
    return { ...base, status: 'not_applicable', reason: `Zu einem Gemeindeverwaltungsverband gehören mindestens ${minimum} Gemeinden.` };
  const amount = members * perMember;
  return {
    ...base,
    status: 'amount',
    amount,
    calculation: `${members} × ${euro(perMember)} = ${euro(amount)}`,
    notes: [version.amounts.proportionality_note, NO_CLAIM_NOTE],
  };
}

function cooperationFigure(version: ProgrammeVersion, partners: number | undefined): GrantFigure {
  const { regular } = version.amounts;
  const { regular_minimum: three, exception_minimum: two } = version.rules.partners;
  const base = {
    rule:
      `Die Regelzuwendung beträgt in der Regel ${euro(regular.three_partners)} bei ${three} Kommunen und ${euro(regular.more_than_three)} bei mehr als ${three} Kommunen; ` +
      `wird ausnahmsweise eine Kooperation von nur ${two} Kommunen anerkannt, ${euro(regular.two_partners_exception)}.`,
    source: version.amounts.source,
    version: version.version,
    asOf: version.version,
  };
  const notes = [conditionsNote(version), MODEL_PROJECT_NOTE, version.amounts.proportionality_note, NO_CLAIM_NOTE];
  if (partners === undefined) return { ...base, status: 'missing', missing: ['partners'], question: QUESTIONS.partners };
  if (partners < two)
    return {
      ...base,
      status: 'not_applicable',
      reason: 'Eine Kooperation braucht mehrere Kommunen; für eine einzelne Kommune gibt es keine Regelzuwendung.',
    };
  if (partners > three) {
    return {
      ...base,
      status: 'amount',
      amount: regular.more_than_three,
      calculation: `Regelzuwendung bei mehr als ${three} Kommunen: ${euro(regular.more_than_three)}`,
      notes,
    };
  }
  if (partners === three)
    return {
      ...base,
      status: 'amount',
      amount: regular.three_partners,
      calculation: `Regelzuwendung bei ${three} Kommunen: ${euro(regular.three_partners)}`,
      notes,
    };
  return {
    ...base,
    status: 'amount',
    amount: regular.two_partners_exception,
    calculation: `Regelzuwendung bei nur ${partners} Kommunen, nur wenn ausnahmsweise anerkannt: ${euro(regular.two_partners_exception)}`,
    notes,
  };
}

function debtReliefFigure(version: ProgrammeVersion, inhabitants: number | undefined, debt: number | undefined): GrantFigure {
  const relief = version.amounts.merger_debt_relief;
  const limit = germanNumber(relief.small_up_to_inhabitants);
  const base = {
    rule:
      `Gemeinden, die sich freiwillig zusammenschließen, können nach dem Schutzschirmgesetz eine Entschuldungshilfe erhalten: ${euro(relief.per_inhabitant_small)} je Einwohner, ` +
      `wenn die neue Gemeinde bis einschließlich ${limit} Einwohner hat, sonst ${euro(relief.per_inhabitant_large)} je Einwohner, ` +
      `höchstens ${percent(relief.maximum_share_of_debt_percent)} der Schulden des Kernhaushalts (Stand ${relief.as_of}).`,
    source: relief.source,
    version: version.version,
    asOf: relief.as_of,
  };
  const notes = [
    `Die Entschuldungshilfe beruht auf dem Schutzschirmgesetz, nicht auf der Rahmenvereinbarung; die Angaben haben den Stand ${relief.as_of}. Ob sie heute noch gewährt wird, ist hier nicht bekannt.`,
    NO_CLAIM_NOTE,
  ];
  const known = inhabitants !== undefined && inhabitants > 0 ? inhabitants : undefined;
  const rate =
    known === undefined ? 0 : known <= relief.small_up_to_inhabitants ? relief.per_inhabitant_small : relief.per_inhabitant_large;
  const byInhabitants = (known ?? 0) * rate;
  const people = germanNumber(known ?? 0);
  const missing = [...(inhabitants === undefined ? ['inhabitants' as const] : []), ...(debt === undefined ? ['debt' as const] : [])];
  if (inhabitants === undefined || debt === undefined) {
    const question = missing.map((m) => QUESTIONS[m]).join(' ');
    // With the inhabitants known, the amount per inhabitant is the most there can be; the debt only caps it.
    if (known === undefined) return { ...base, status: 'missing', missing, question };
    const upTo = {
      amount: byInhabitants,
      calculation: `${people} Einwohner × ${euro(rate)} = ${euro(byInhabitants)}, höchstens ${percent(relief.maximum_share_of_debt_percent)} der Schulden im Kernhaushalt`,
      notes,
    };
    return { ...base, status: 'missing', missing, question, upTo };
  }
  if (known === undefined || !(debt >= 0))
    return {
      ...base,
      status: 'not_applicable',
      reason: 'Dafür braucht es die Einwohnerzahl der neuen Gemeinde und ihre Schulden im Kernhaushalt.',
    };
  const cap = Math.floor((debt * relief.maximum_share_of_debt_percent) / 100);
  const amount = Math.min(byInhabitants, cap);
  const calculation =
    byInhabitants <= cap
      ? `${people} Einwohner × ${euro(rate)} = ${euro(byInhabitants)} (unter der Grenze von ${percent(relief.maximum_share_of_debt_percent)} der Schulden: ${euro(cap)})`
      : `${people} Einwohner × ${euro(rate)} = ${euro(byInhabitants)}, begrenzt auf ${percent(relief.maximum_share_of_debt_percent)} der Schulden von ${euro(debt)}: ${euro(cap)}`;
  return { ...base, status: 'amount', amount, calculation, notes };
}
