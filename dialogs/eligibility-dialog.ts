import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { evaluateEligibility, type EligibilityAnswers, type EligibilityResult } from '../src/funding/eligibility.js';
import type { ProgrammeParameters } from '../src/funding/programme-parameters.js';
import { eligibilityResultActivity } from './eligibility/eligibility-result-card.js';
import { eligibilitySteps, type EligibilityFormAnswers } from './eligibility/eligibility-steps.js';
import { FormDialog, type FormResult, type InterruptionHandler } from './form/form-dialog.js';

/** What the Förder-Check returns when it ends. */
export type EligibilityDialogResult = { completed: true; answers: EligibilityAnswers; result: EligibilityResult } | { completed: false };

const FORM = 'eligibilityForm';
const FLOW = 'eligibilityFlow';

/**
 * The Förder-Check: asks the questions one at a time, evaluates them against the programme's rules and
 * ends with the result card (verdict, every criterion with its source, the estimated grant).
 */
export class EligibilityDialog extends ComponentDialog {
  static readonly dialogId = 'foerderCheck';

  constructor(
    private readonly programme: ProgrammeParameters,
    interrupt: InterruptionHandler,
  ) {
    super(EligibilityDialog.dialogId);
    this.addDialog(
      new FormDialog<EligibilityFormAnswers>(FORM, eligibilitySteps(programme), { name: 'Förder-Check', cancelled: 'Der Förder-Check ist abgebrochen. Fragen Sie mich gern etwas anderes.' }, interrupt),
    );
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.intro(step), (step) => this.result(step)]));
    this.initialDialogId = FLOW;
  }

  private async intro(step: WaterfallStepContext) {
    await step.context.sendActivity(
      `Gern prüfe ich mit Ihnen, ob Ihr Vorhaben nach der ${this.programme.programme} (${this.programme.version}) gefördert werden kann, und schätze die Förderung. Das dauert etwa zwei Minuten.`,
    );
    return step.beginDialog(FORM, { answers: {} });
  }

  private async result(step: WaterfallStepContext) {
    const form = step.result as FormResult<EligibilityFormAnswers> | undefined;
    if (!form?.completed) return step.endDialog({ completed: false } satisfies EligibilityDialogResult);
    const { savingsMode: _mode, ...answers } = form.answers;
    const result = evaluateEligibility(answers, this.programme);
    await step.context.sendActivity(eligibilityResultActivity(result, this.programme));
    return step.endDialog({ completed: true, answers, result } satisfies EligibilityDialogResult);
  }
}
