import { randomUUID } from 'node:crypto';
import { EventFactory, MessageFactory, TurnContext, type Transcript } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CaseService } from '../src/handoff/case-service.js';
import type { HandoffCase, TranscriptEntry } from '../src/handoff/handoff-case.js';
import type { OfficeHours } from '../src/config/office-hours-parser.js';
import { expectedResponse } from '../src/handoff/office-hours.js';
import { FormDialog, type FormResult, type InterruptionHandler } from './form/form-dialog.js';
import { handoffSteps, type HandoffAnswers } from './handoff/handoff-steps.js';

/** What the bot knows when the handoff starts. */
export interface HandoffDialogOptions {
  proposedConcern?: string;
  eligibility?: HandoffCase['eligibility'];
  transcript: TranscriptEntry[];
}

/** What the handoff returns: the case it created, or nothing (declined, cancelled). */
export type HandoffDialogResult = { dialog: 'handoff'; completed: true; caseId: string } | { dialog: 'handoff'; completed: false };

/** Everything the handoff needs from outside the dialog. */
export interface HandoffDependencies {
  cases: CaseService;
  officeHours: OfficeHours;
  privacyUrl: string;
  /** How to reach the office without a case (shown when the user declines). */
  contactText: string;
  /** The office's phone number, told at the start for those who would rather call ("… ne Nummer wär super"). */
  phone?: string;
  now?: () => Date;
  /** Told about every stored case (e.g. the webhook); must not throw. */
  onCaseCreated?: (handoffCase: HandoffCase) => Promise<void>;
}

const FORM = 'handoffForm';
const FLOW = 'handoffFlow';
/** The waterfall's values: this run's handoff key (see `CaseService.create`). */
interface FlowValues {
  handoffKey?: string;
}

/**
 * Hands a conversation to an advisor: collects municipality, name, contact and concern, asks for
 * consent, and only then creates the case, persisted before the user gets its number. Also emits the
 * Bot Framework `handoff.initiate` event for channels connected to a contact-centre hub.
 */
export class HandoffDialog extends ComponentDialog {
  static readonly dialogId = 'handoff';

  constructor(
    private readonly deps: HandoffDependencies,
    interrupt: InterruptionHandler,
  ) {
    super(HandoffDialog.dialogId);
    this.addDialog(
      new FormDialog<HandoffAnswers>(
        FORM,
        handoffSteps(deps.privacyUrl),
        {
          name: 'Übergabe an die Beratung',
          dative: 'der Übergabe an die Beratung',
          cancelled: 'Die Übergabe ist abgebrochen; es wurde nichts gespeichert.',
        },
        interrupt,
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.intro(step), (step) => this.finish(step)]));
    this.initialDialogId = FLOW;
  }

  private async intro(step: WaterfallStepContext) {
    const options = step.options as HandoffDialogOptions;
    // Saved with the dialog state at the end of this turn, long before the consent: if the bot crashes after
    // creating the case but before saving that the dialog ended, the repeated consent finds the same case.
    (step.values as FlowValues).handoffKey = randomUUID();
    const call = this.deps.phone ? ` Wenn Sie lieber gleich anrufen: Die Beratungsstelle erreichen Sie unter ${this.deps.phone}.` : '';
    await step.context.sendActivity(
      `Gern gebe ich Ihr Anliegen an eine Beraterin oder einen Berater der Beratungsstelle weiter, mit unserem bisherigen Gespräch – so müssen Sie nichts zweimal erklären. Dazu brauche ich ein paar Angaben.${call}`,
    );
    return step.beginDialog(FORM, { answers: { proposedConcern: options.proposedConcern } satisfies HandoffAnswers });
  }

  private async finish(step: WaterfallStepContext) {
    const form = step.result as FormResult<HandoffAnswers> | undefined;
    if (!form?.completed) return step.endDialog({ dialog: 'handoff', completed: false } satisfies HandoffDialogResult);
    const answers = form.answers;
    if (!answers.consent) {
      await step.context.sendActivity(
        `Ohne Ihre Zustimmung lege ich keinen Fall an; Ihre Angaben sind nicht gespeichert. ${this.deps.contactText}`,
      );
      return step.endDialog({ dialog: 'handoff', completed: false } satisfies HandoffDialogResult);
    }
    const options = step.options as HandoffDialogOptions;
    const now = this.deps.now?.() ?? new Date();
    const activity = step.context.activity;
    const created = await this.deps.cases.create(
      {
        municipality: answers.municipality!,
        name: answers.name!,
        email: answers.email,
        phone: answers.phone,
        concern: answers.concern!,
        consentAt: now.toISOString(),
        eligibility: options.eligibility,
        transcript: options.transcript,
        channelId: activity.channelId,
        conversationId: activity.conversation.id,
        userReference: TurnContext.getConversationReference(activity),
      },
      (step.values as FlowValues).handoffKey ?? randomUUID(),
    );
    // At least once: a handoff repeated after a crash reports its case again (the advisor desk posts it only once).
    await this.deps.onCaseCreated?.(created);
    await step.context.sendActivity(
      MessageFactory.text(
        `Danke! Ihr Anliegen liegt jetzt als Fall **${created.id}** bei der Beratungsstelle. ${expectedResponse(now, this.deps.officeHours)} ` +
          `Bitte notieren Sie die Fallnummer. Die Antwort kommt hier im Chat, wenn Sie ihn wieder öffnen, oder ${created.email ? 'per E-Mail' : 'telefonisch'}.`,
      ),
    );
    // Teams rejects custom event activities from bots; hubs that take over conversations use Direct Line.
    if (activity.channelId !== 'msteams') {
      const transcript: Transcript = {
        activities: options.transcript.map(
          (e) => ({ type: 'message', text: e.text, timestamp: new Date(e.at), from: { id: e.from, name: e.from } }) as never,
        ),
      };
      await step.context.sendActivity(
        EventFactory.createHandoffInitiation(step.context, { caseId: created.id, concern: created.concern }, transcript),
      );
    }
    return step.endDialog({ dialog: 'handoff', completed: true, caseId: created.id } satisfies HandoffDialogResult);
  }
}
