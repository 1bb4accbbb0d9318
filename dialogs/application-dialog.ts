import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import {
  buildApplicationChecklist,
  checklistMarkdown,
  type ApplicationStatus,
  type SupervisionKind,
} from '../src/funding/application-checklist.js';
import type { EligibilityAnswers } from '../src/funding/eligibility.js';
import type { ProgrammeParameters } from '../src/funding/programme-parameters.js';
import { programmeBasis } from '../src/funding/programme-validity.js';
import { applicationChecklistActivity } from './application/application-checklist-card.js';
import { applicationSteps, type ApplicationFormAnswers } from './application/application-steps.js';
import { FormDialog, type FormResult, type InterruptionHandler } from './form/form-dialog.js';

/** Options: what the Förder-Check learnt earlier in the conversation. */
export interface ApplicationDialogOptions {
  eligibility?: EligibilityAnswers;
}

/** What "Antrag stellen" returns: the status and the checklist as Markdown (for "Als Text"). */
export type ApplicationDialogResult =
  { dialog: 'application'; completed: true; status: ApplicationStatus; markdown: string } | { dialog: 'application'; completed: false };

const FORM = 'applicationForm';
const FLOW = 'applicationFlow';

/**
 * "Antrag stellen": asks what is already done and where the applicant stands in the supervision chain,
 * then gives a personal, ordered checklist with the documents, the official route, the processing
 * time and what follows after approval, from the programme version in force today (with a notice when
 * it ends soon or has ended).
 */
export class ApplicationDialog extends ComponentDialog {
  static readonly dialogId = 'antragStellen';

  /**
   * @param programme the programme's versions (read on every use, so a reloaded file takes effect)
   * @param now the clock that decides which version is in force
   */
  constructor(
    private readonly programme: () => ProgrammeParameters,
    interrupt: InterruptionHandler,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(ApplicationDialog.dialogId);
    this.addDialog(
      new FormDialog<ApplicationFormAnswers>(
        FORM,
        applicationSteps(),
        {
          name: 'Antrags-Assistent',
          dative: 'dem Antrags-Assistenten',
          cancelled: 'Der Antrags-Assistent ist abgebrochen. Fragen Sie mich gern etwas anderes.',
        },
        interrupt,
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.intro(step), (step) => this.result(step)]));
    this.initialDialogId = FLOW;
  }

  private async intro(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as ApplicationDialogOptions;
    const answers = prefill(options.eligibility);
    await step.context.sendActivity(
      options.eligibility
        ? 'Gut, dann schauen wir, was für den Antrag noch fehlt. Was ich aus dem Förder-Check schon weiß, frage ich nicht noch einmal.'
        : 'Gut, dann schauen wir, was für den Antrag noch fehlt. Dazu ein paar kurze Fragen.',
    );
    return step.beginDialog(FORM, { answers });
  }

  private async result(step: WaterfallStepContext) {
    const form = step.result as FormResult<ApplicationFormAnswers> | undefined;
    if (!form?.completed) return step.endDialog({ dialog: 'application', completed: false } satisfies ApplicationDialogResult);
    const { known: _known, ...status } = form.answers;
    const checklist = buildApplicationChecklist(status, programmeBasis(this.programme(), this.now()));
    await step.context.sendActivity(applicationChecklistActivity(checklist));
    return step.endDialog({
      dialog: 'application',
      completed: true,
      status,
      markdown: checklistMarkdown(checklist),
    } satisfies ApplicationDialogResult);
  }
}

/** What the Förder-Check already told: the project kind, and for a Landkreis or Zweckverband the supervision. */
function prefill(eligibility: EligibilityAnswers | undefined): ApplicationFormAnswers {
  if (!eligibility) return {};
  const supervision: SupervisionKind | undefined =
    eligibility.applicant === 'landkreis' ? 'landkreis' : eligibility.applicant === 'zusammenschluss' ? 'zusammenschluss' : undefined;
  return supervision
    ? { projectKind: eligibility.projectKind, supervision, known: ['supervision'] }
    : { projectKind: eligibility.projectKind };
}
