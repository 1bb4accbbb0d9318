import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { evaluateEligibility, type EligibilityAnswers, type EligibilityResult } from '../src/funding/eligibility.js';
import type { ProgrammeParameters } from '../src/funding/programme-parameters.js';
import { programmeBasis } from '../src/funding/programme-validity.js';
import { eligibilityResultActivity } from './eligibility/eligibility-result-card.js';
import { eligibilitySteps, type EligibilityFormAnswers } from './eligibility/eligibility-steps.js';
import { FormDialog, type FormResult, type InterruptionHandler } from './form/form-dialog.js';

/** What the Förder-Check returns when it ends. */
export type EligibilityDialogResult =
  | { dialog: 'eligibility'; completed: true; answers: EligibilityAnswers; result: EligibilityResult }
  | { dialog: 'eligibility'; completed: false };

const FORM = 'eligibilityForm';
const FLOW = 'eligibilityFlow';

/**
 * The Förder-Check: asks the questions one at a time, evaluates them against the rules of the programme
 * version in force today and ends with the result card (verdict, every criterion with its source, the
 * estimated grant, and a notice when that version ends soon or has ended).
 */
export class EligibilityDialog extends ComponentDialog {
  static readonly dialogId = 'foerderCheck';

  /**
   * @param programme the programme's versions (read on every use, so a reloaded file takes effect)
   * @param now the clock that decides which version is in force
   */
  constructor(
    private readonly programme: () => ProgrammeParameters,
    interrupt: InterruptionHandler,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(EligibilityDialog.dialogId);
    const steps = eligibilitySteps(() => this.basis().version, now);
    this.addDialog(
      new FormDialog<EligibilityFormAnswers>(
        FORM,
        steps,
        {
          name: 'Förder-Check',
          dative: 'dem Förder-Check',
          cancelled: 'Der Förder-Check ist abgebrochen. Fragen Sie mich gern etwas anderes.',
        },
        interrupt,
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.intro(step), (step) => this.result(step)]));
    this.initialDialogId = FLOW;
  }

  private basis() {
    return programmeBasis(this.programme(), this.now());
  }

  private async intro(step: WaterfallStepContext) {
    const { version } = this.basis();
    await step.context.sendActivity(
      `Gern prüfe ich mit Ihnen, ob Ihr Vorhaben nach der ${version.programme} (${version.version}) gefördert werden kann, und schätze die Förderung. Das dauert etwa zwei Minuten.`,
    );
    return step.beginDialog(FORM, { answers: {} });
  }

  private async result(step: WaterfallStepContext) {
    const form = step.result as FormResult<EligibilityFormAnswers> | undefined;
    if (!form?.completed) return step.endDialog({ dialog: 'eligibility', completed: false } satisfies EligibilityDialogResult);
    const { savingsMode: _mode, ...answers } = form.answers;
    const basis = this.basis();
    const result = evaluateEligibility(answers, basis);
    await step.context.sendActivity(eligibilityResultActivity(result, basis.version));
    return step.endDialog({ dialog: 'eligibility', completed: true, answers, result } satisfies EligibilityDialogResult);
  }
}
