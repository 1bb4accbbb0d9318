/**
 * What a question tells about the user's own plan that a funding rule speaks to (pure): "nur wir zwei", "als
 * gemeinsame GmbH", "wir arbeiten schon seit 2019 zusammen", "erst mal für drei Jahre". Asked whether such a plan is
 * funded, the bot adds what the programme's rules say about each of these points, the way the Förder-Check would.
 */
import { evaluateEligibility, type Criterion, type CriterionId, type EligibilityAnswers, type LegalForm } from '../funding/eligibility.js';
import type { GrantCaseRules } from '../funding/programme-parameters.js';
import type { ProgrammeBasis } from '../funding/programme-validity.js';
import { NUMBER_WORDS } from './german-numbers.js';
import { readGrantCase } from './grant-question.js';
import { opensWithVerb, questionsOf } from './sentences.js';

/** The points of a plan the rules speak to; each only when the question tells it. */
export type PlanPoints = Pick<EligibilityAnswers, 'partners' | 'durationYears' | 'started' | 'applicant' | 'countiesOnly'> & {
  /** The legal forms the plan names, in the order of the rules ("als GmbH oder als Zweckverband": both). */
  legalForms?: LegalForm[];
};

/**
 * The question asks whether a plan is funded: "förderfähig", "gefördert", "Geht das mit Förderung?", "bezuschusst",
 * "besser für die Förderung".
 */
const ASKS_FUNDING =
  /(?<!\p{L})(?:f(?:ö|oe)rder(?:f(?:ä|ae)hig|bar|rechtlich|technisch|ungsf(?:ä|ae)hig)\p{L}*|gef(?:ö|oe)rdert|bezuschusst|zuschussf(?:ä|ae)hig|(?:mit|ohne)\s+(?:f(?:ö|oe)rderung|zuschuss)|(?:f(?:ü|ue)r\s+(?:die|eine)|bei\s+der)\s+f(?:ö|oe)rderung|(?:\p{L}+-)?f(?:ö|oe)rderung\s+(?:bekommen|kriegen|erhalten|m(?:ö|oe)glich|beantragen))(?!\p{L})/iu;

/** A private-law form ("GmbH", "als Verein", "Genossenschaft"). */
const PRIVATE_LAW =
  /(?<!\p{L})(?:g?gmbh|privatrechtlich\p{L}*|genossenschaft\p{L}*|(?:eingetragene[nrm]?\s+)?verein|e\.\s?v\.|aktiengesellschaft|kapitalgesellschaft)(?!\p{L})/iu;

/** A form of the KGG ("Zweckverband", "Arbeitsgemeinschaft", "öffentlich-rechtliche Vereinbarung"). */
const KGG_FORM =
  /(?<!\p{L})(?:zweckverband\p{L}*|arbeitsgemeinschaft\p{L}*|(?:ö|oe)ffentlich-?\s?rechtliche[nrm]?\s+vereinbarung\p{L}*)(?!\p{L})/iu;
/** A public-law contract under the HVwVfG ("öffentlich-rechtlicher Vertrag"). */
const PUBLIC_CONTRACT = /(?<!\p{L})(?:ö|oe)ffentlich-?\s?rechtliche[nrm]?\s+vertr(?:a|ä|ae)g\p{L}*(?!\p{L})/iu;

/** A cooperation that runs already: "seit 2019 zusammen", "arbeiten schon zusammen", "bestehende Kooperation". */
const RUNNING =
  /(?<!\p{L})(?:(?:arbeiten|kooperieren|machen)\s+(?:\p{L}+\s+){0,3}?(?:schon|bereits)\s+(?:seit\s+)?|(?:schon|bereits)\s+seit\s+|bestehende[nrm]?\s+(?:kooperation|zusammenarbeit)|seit\s+(?:(?:19|20)\d\d|\p{L}+\s+jahren)\s+(?:\p{L}+\s+){0,4}?(?:zusammen|gemeinsam|kooperier\p{L}*))/iu;
const SINCE_YEAR = /(?<!\p{L})seit\s+((?:19|20)\d\d)(?!\d)/iu;

/** A limited term: "für drei Jahre", "zunächst auf 2 Jahre befristet", "erst mal zwei Jahre testen". */
const LIMITED_TERM =
  /(?<!\p{L})(?:f(?:ü|ue)r|auf|erst\s*mal|erstmal|zun(?:ä|ae)chst)\s+(?:nur\s+|erst\s+)?(\d{1,2}|\p{L}+)\s+jahre?(?!\p{L})/iu;

/**
 * Landkreise alone: "nur Landkreise", "eine reine Kreiskooperation", or Landkreise with the towns and municipalities left
 * out ("ohne kreisangehörige Gemeinden", "Kommunen wären daran nicht beteiligt").
 */
const COUNTIES_ONLY =
  /(?<!\p{L})(?:(?:nur|ausschlie(?:ß|ss)lich|allein)\s+(?:\p{L}+\s+)?(?:landkreise|kreise)|reine[nrm]?\s+(?:land)?kreis-?kooperation\p{L}*)(?!\p{L})/iu;
/** Landkreise: "Landkreise", "zwei Kreise", "wir und der Nachbarkreis". */
const COUNTIES = /(?<!\p{L})(?:land|nachbar)?kreise?[n]?(?!\p{L})/iu;
const WITHOUT_MUNICIPALITIES =
  /(?<!\p{L})(?:ohne\s+(?:die\s+)?(?:kreisangeh(?:ö|oe)rige[n]?\s+)?(?:gemeinden|kommunen|st(?:ä|ae)dte)|(?:gemeinden|kommunen|st(?:ä|ae)dte)\s+(?:\p{L}+\s+){0,4}?(?:nicht|keine)\s+(?:\p{L}+\s+)?beteiligt)(?!\p{L})/iu;

/** A word about money or funding ("fördert", "Zuschuss", "Geld", "zahlt", "was vom Land"). */
const FUNDING_WORD =
  /(?<!\p{L})(?:f(?:ö|oe)rder\p{L}*|gef(?:ö|oe)rdert|\p{L}*zusch(?:u|ü|ue)ss\p{L}*|bezuschuss\p{L}*|\p{L}*geld|kohle|finanzier\p{L}*|zahlt|(?:was|etwas)\s+vom\s+land)(?!\p{L})/iu;

/**
 * A yes/no question about money ("Gibts dafür IKZ-Geld?", "Fördert das Land sowas?", "Zahlt das Land da was dazu?"):
 * asked of a plan, it asks whether the plan is funded. One with a question word asks something else about it ("Was
 * will das Land sehen, damit es einen Zuschuss gibt?").
 */
export function asksYesNoAboutFunding(question: string): boolean {
  return opensWithVerb(question.trim().replace(/^(?:und|aber|also)\s+/iu, '')) && FUNDING_WORD.test(question);
}

/** Whether a question asks if a plan is funded (see `ASKS_FUNDING`). */
export function asksWhetherFunded(text: string): boolean {
  return ASKS_FUNDING.test(text);
}

/** A yes/no question whether something is possible or allowed ("Geht IKZ auch zu zweit?", "Reicht es mit zwei Gemeinden?"). */
const ASKS_POSSIBLE =
  /^(?:(?:und|aber|also)\s+)?(?:geht|gehts|reicht|reichts|klappt|funktioniert|darf|dürfen|duerfen|kann|können|koennen)(?!\p{L})/iu;

/** Whether a message asks with a yes/no question if something is possible: of a count of partners, the partners rule answers. */
export function asksWhetherPossible(message: string): boolean {
  return questionsOf(message).questions.some((q) => ASKS_POSSIBLE.test(q.trim()));
}

/** Whether a message asks if the plan it tells is funded: in its words (`asksWhetherFunded`) or by a yes/no question about money. */
export function asksWhetherPlanFunded(message: string): boolean {
  return asksWhetherFunded(message) || questionsOf(message).questions.some(asksYesNoAboutFunding);
}

/**
 * The points of the user's plan a question tells (`PlanPoints`), for the regular cooperation; `{}` when it tells none.
 *
 * @example
 * ```ts
 * readPlan('Nur wir und die Nachbarstadt, als gemeinsame GmbH – ist das förderfähig?', cases);
 * // { partners: 2, legalForms: ['privatrecht'] }
 * ```
 */
export function readPlan(text: string, cases: readonly GrantCaseRules[]): PlanPoints {
  const plan: PlanPoints = {};
  const grant = readGrantCase(text, cases, { followUp: false });
  if (grant?.grantCase.kind === 'kooperation' && grant.grantCase.partners !== undefined) plan.partners = grant.grantCase.partners;
  const forms = (
    [
      ['kgg', KGG_FORM],
      ['hvwvfg', PUBLIC_CONTRACT],
      ['privatrecht', PRIVATE_LAW],
    ] as const
  ).flatMap(([form, pattern]) => (pattern.test(text) ? [form] : []));
  if (forms.length > 0) plan.legalForms = forms;
  if (COUNTIES_ONLY.test(text) || (COUNTIES.test(text) && WITHOUT_MUNICIPALITIES.test(text))) {
    plan.applicant = 'landkreis';
    plan.countiesOnly = true;
  }
  if (RUNNING.test(text)) {
    const since = SINCE_YEAR.exec(text)?.[1];
    plan.started = since ? { started: true, since } : { started: true };
  }
  const term = LIMITED_TERM.exec(text)?.[1]?.toLowerCase();
  const years = term === undefined ? undefined : /^\d+$/.test(term) ? Number(term) : NUMBER_WORDS[term];
  if (years !== undefined && years > 0 && years < 20) plan.durationYears = years;
  return plan;
}

/** The criterion of the Förder-Check that speaks to each point of a plan. */
const CRITERION_OF: Record<Exclude<keyof PlanPoints, 'legalForms'>, CriterionId> = {
  partners: 'partners',
  durationYears: 'duration',
  started: 'timing',
  applicant: 'applicant',
  countiesOnly: 'applicant',
};

/**
 * What the programme's rules say about the points of a plan (pure): the Förder-Check's criterion for each point told,
 * and for each legal form named. A count of partners that meets the rule says nothing new and is left out.
 */
export function rulesForPlan(points: PlanPoints, basis: ProgrammeBasis): Criterion[] {
  const { legalForms = [], ...plan } = points;
  const told = new Set(Object.keys(plan).map((key) => CRITERION_OF[key as keyof typeof plan]));
  const ofPoints =
    told.size === 0
      ? []
      : evaluateEligibility({ projectKind: 'kooperation', ...plan }, basis).criteria.filter(
          (c) => told.has(c.id) && !(c.id === 'partners' && c.status === 'met'),
        );
  // Each legal form the plan names ("als GmbH oder als Zweckverband"): what the rules say of it.
  const ofForms = legalForms.flatMap((legalForm) =>
    evaluateEligibility({ projectKind: 'kooperation', legalForm }, basis).criteria.filter((c) => c.id === 'legal_form'),
  );
  return [...ofPoints, ...ofForms];
}
