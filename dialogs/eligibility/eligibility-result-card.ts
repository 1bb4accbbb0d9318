import { MessageFactory, type Activity } from 'botbuilder';
import type { CriterionStatus, EligibilityResult, Verdict } from '../../src/funding/eligibility.js';
import { citation, type ProgrammeVersion } from '../../src/funding/programme-parameters.js';
import { adaptiveCard, submitAction, textBlock } from '../../src/shared/cards.js';
import { germanNumber } from '../../src/shared/german-format.js';

export const VERDICT_TEXT: Record<Verdict, string> = {
  eligible: 'Voraussichtlich förderfähig',
  eligible_with_open_points: 'Förderfähig mit offenen Punkten',
  not_eligible: 'Voraussichtlich nicht förderfähig',
};
const VERDICT_COLOR: Record<Verdict, string> = { eligible: 'Good', eligible_with_open_points: 'Warning', not_eligible: 'Attention' };
const VERDICT_ICON: Record<Verdict, string> = { eligible: '✅', eligible_with_open_points: '⚠️', not_eligible: '❌' };
const STATUS_TEXT: Record<CriterionStatus, string> = { met: 'erfüllt', open: 'offen', not_met: 'nicht erfüllt' };
const STATUS_ICON: Record<CriterionStatus, string> = { met: '✅', open: '❔', not_met: '❌' };

/** The estimate's headline; for a project that fails a requirement, the amount is only hypothetical. */
function amountLine({ estimate, verdict }: EligibilityResult): string {
  if (estimate.amount === undefined) return 'Geschätzte Förderung: kein fester Betrag';
  if (verdict === 'not_eligible') return `Geschätzte Förderung, wenn alle Voraussetzungen erfüllt wären: ${euro(estimate.amount)}`;
  return `Geschätzte Förderung: ${euro(estimate.amount)}`;
}

const euro = (amount: number) => `${germanNumber(amount)} €`;

/**
 * The result of the Förder-Check as an Adaptive Card: verdict, the programme's validity notice when it
 * ends soon or has ended, estimated grant with its caveats, every criterion with status, reason and
 * source, and the buttons to go on.
 */
export function eligibilityResultActivity(result: EligibilityResult, programme: ProgrammeVersion): Partial<Activity> {
  const { estimate } = result;
  const body = [
    textBlock('Ergebnis des Förder-Checks', { size: 'Medium', weight: 'Bolder' }),
    textBlock(`${VERDICT_ICON[result.verdict]} ${VERDICT_TEXT[result.verdict]}`, {
      size: 'Large',
      weight: 'Bolder',
      color: VERDICT_COLOR[result.verdict],
    }),
    ...(result.notice ? [textBlock(`⚠️ **Hinweis:** ${result.notice}`, { color: 'Warning', spacing: 'Medium' })] : []),
    textBlock(amountLine(result), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(estimate.basis),
    ...estimate.notes.map((note) => textBlock(note, { isSubtle: true, spacing: 'Small' })),
    textBlock(`Quelle: ${citation(estimate.source)}`, { isSubtle: true, size: 'Small' }),
    textBlock('Die Voraussetzungen im Einzelnen', { weight: 'Bolder', spacing: 'Medium' }),
    ...result.criteria.flatMap((c) => [
      textBlock(`${STATUS_ICON[c.status]} **${c.label}**: ${STATUS_TEXT[c.status]}`, { spacing: 'Medium' }),
      textBlock(c.reason, { spacing: 'None' }),
      textBlock(`Quelle: ${citation(c.source)}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ]),
    textBlock(
      `Grundlage: ${programme.programme} (${result.version}, gilt ${programme.validity}).${programme.sources_note ? ` ${programme.sources_note}.` : ''} Unverbindliche Ersteinschätzung; über die Förderung entscheidet das Innenministerium.`,
      { isSubtle: true, size: 'Small', spacing: 'Medium' },
    ),
  ];
  const actions = [
    submitAction('Nächste Schritte', { action: 'start', dialog: 'application' }),
    submitAction('An Beratung übergeben', { action: 'handoff' }),
    submitAction('Neu starten', { action: 'restart' }),
  ];
  const showAmount = estimate.amount && result.verdict !== 'not_eligible';
  const summary = `Ergebnis des Förder-Checks: ${VERDICT_TEXT[result.verdict]}${showAmount ? `, geschätzte Förderung ${euro(estimate.amount!)}` : ''}.${result.notice ? ` Hinweis: ${result.notice}` : ''}`;
  return MessageFactory.attachment(adaptiveCard(body, actions, summary), summary);
}
