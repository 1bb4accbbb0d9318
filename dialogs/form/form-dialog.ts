import { ActionTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { normalizeAnswer } from './german-input.js';

/** What the user sent for a step: typed text, or the payload of a pressed button. */
export interface FormInput {
  text: string;
  value?: unknown;
}

/** A fixed answer offered as a button; `synonyms` are typed words that mean the same. */
export interface Choice {
  value: string;
  title: string;
  synonyms?: string[];
}

export type StepResult<A> = { ok: true; answers: A } | { ok: false; message: string };

/**
 * One question of a guided dialog. Steps are data: the engine asks them in order, skips those that
 * do not apply, and keeps the answers, so `zurück` and interruptions work the same in every dialog.
 */
export interface FormStep<A> {
  id: string;
  /** Whether the step is asked, given the answers so far (default: always). */
  applies?: (answers: A) => boolean;
  question: (answers: A) => string;
  /** Buttons; typed text is matched against their titles and synonyms. */
  choices?: (answers: A) => Choice[];
  /** Shown under the question for free-text steps (format help). */
  hint?: string;
  /**
   * Reads the input into the answers. `choice` is the matched button, if any. Return a German
   * message on input that cannot be used; the engine re-asks with it.
   */
  parse: (input: FormInput, answers: A, choice: Choice | undefined) => StepResult<A>;
}

/** Answers a free question in the middle of a dialog; resolves `true` when it could answer it. */
export type InterruptionHandler = (context: TurnContext, question: string) => Promise<boolean>;

/** How a form ended. */
export type FormResult<A> = { completed: true; answers: A } | { completed: false };

/** A button payload that answers a step of a form. */
export interface StepChoiceValue {
  action: 'choice';
  step: string;
  value: string;
}

interface FormState<A> {
  answers: A;
  history: string[];
  step: string;
}

/** Texts of the engine, per dialog (the dialog's name appears in them). */
export interface FormTexts {
  /** e.g. "Förder-Check" */
  name: string;
  /** The name in the dative with its article, e.g. "dem Förder-Check", "der Übergabe an die Beratung". */
  dative: string;
  cancelled: string;
}

const BACK = /^(zurueck|zurück|back|vorherige frage|eine frage zurueck)$/;
const CANCEL = /^(abbrechen|abbruch|stopp?|beenden|cancel|exit)$/;
const HELP = /^(hilfe|help|\?)$/;
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Looks like a question of its own rather than an answer to the step. */
/** Ends with a question mark: asked, whatever it starts with. */
const ASKED = /\?\s*$/;
const QUESTION = /\?\s*$|^(was|wer|wie|wann|wo|warum|wieso|weshalb|welche[rsmn]?|gibt es|kann|darf|muss|ist|sind|brauche?n?)\b/i;

/**
 * A dialog that asks a list of `FormStep`s one at a time, with buttons where the answers are fixed,
 * validation with helpful re-prompts, `zurück` (previous question), `abbrechen` (leave), `hilfe`, and
 * free questions in the middle, which `interrupt` answers before the dialog resumes.
 */
export class FormDialog<A extends object> extends Dialog {
  constructor(
    dialogId: string,
    private readonly steps: ReadonlyArray<FormStep<A>>,
    private readonly texts: FormTexts,
    private readonly interrupt: InterruptionHandler,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: { answers?: A }): Promise<DialogTurnResult> {
    const answers = (options?.answers ?? {}) as A;
    const first = this.nextStep(answers, -1);
    if (!first) return dc.endDialog({ completed: true, answers } satisfies FormResult<A>);
    const state: FormState<A> = { answers, history: [], step: first.id };
    dc.activeDialog!.state = state;
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.validState(dc.activeDialog!.state as Partial<FormState<A>>);
    dc.activeDialog!.state = state;
    const activity = dc.context.activity;
    const input: FormInput = { text: (activity.text ?? '').trim(), value: activity.value };
    const step = this.stepById(state.step)!;
    const command = normalizeAnswer(input.text);

    if (!this.isChoicePayload(input.value) && CANCEL.test(command)) {
      await dc.context.sendActivity(this.texts.cancelled);
      return dc.endDialog({ completed: false } satisfies FormResult<A>);
    }
    if (!this.isChoicePayload(input.value) && BACK.test(command)) {
      const previous = state.history.pop();
      if (previous) state.step = previous;
      else await dc.context.sendActivity('Das ist schon die erste Frage.');
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (!this.isChoicePayload(input.value) && HELP.test(command)) {
      await dc.context.sendActivity(
        `Sie sind in ${this.texts.dative}. Beantworten Sie die Frage mit einer Schaltfläche oder in eigenen Worten. ` +
          '„zurück“ geht eine Frage zurück, „abbrechen“ beendet den Dialog. Zwischendurch können Sie auch eine Frage zur IKZ stellen.',
      );
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }

    // A question of its own ("was ist ein GVV?") is answered first when the knowledge base knows it;
    // otherwise the text is read as the answer to the step.
    const pressedButton = this.isChoicePayload(input.value);
    if (!pressedButton && input.text && QUESTION.test(input.text) && (await this.interrupt(dc.context, input.text))) {
      await dc.context.sendActivity(`Weiter mit ${this.texts.dative}:`);
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    // A free-text step would take any text ("Gemeinde …"), so a question it cannot answer must not become, say,
    // the municipality's name. Steps with buttons read their own answers and reject such text themselves.
    if (!pressedButton && ASKED.test(input.text) && !step.choices) {
      await dc.context.sendActivity(
        'Auf diese Frage habe ich keine verlässliche Antwort. Eine Beraterin oder ein Berater der Beratungsstelle kann sie mit Ihnen klären.',
      );
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    const result = this.read(step, input, state.answers);
    if (!result.ok) {
      await dc.context.sendActivity(pressedButton ? 'Diese Schaltfläche gehört zu einer früheren Frage.' : result.message);
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }

    state.answers = result.answers;
    state.history.push(step.id);
    const index = this.steps.findIndex((s) => s.id === step.id);
    const next = this.nextStep(state.answers, index);
    if (!next) return dc.endDialog({ completed: true, answers: state.answers } satisfies FormResult<A>);
    state.step = next.id;
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: { state: object }): Promise<void> {
    await this.prompt(context, this.validState(instance.state));
  }

  private read(step: FormStep<A>, input: FormInput, answers: A): StepResult<A> {
    const choices = step.choices?.(answers) ?? [];
    let choice: Choice | undefined;
    const payload = input.value;
    if (this.isChoicePayload(payload)) {
      if (payload.step !== step.id) return { ok: false, message: '' };
      choice = choices.find((c) => c.value === payload.value);
    } else if (choices.length > 0) {
      const typed = normalizeAnswer(input.text);
      choice = choices.find((c) => normalizeAnswer(c.title) === typed || (c.synonyms ?? []).some((s) => normalizeAnswer(s) === typed));
      // A synonym inside a longer answer ("wir sind eine Gemeinde") counts, but not inside a question of
      // its own ("was ist ein GVV?"): that one is answered from the knowledge base instead.
      if (!choice && !QUESTION.test(input.text)) {
        choice = choices.find((c) =>
          (c.synonyms ?? []).some((s) => new RegExp(`(^| )${escapeRegExp(normalizeAnswer(s))}( |$)`).test(typed)),
        );
      }
    }
    return step.parse(input, answers, choice);
  }

  private async prompt(context: TurnContext, state: FormState<A>): Promise<void> {
    const step = this.stepById(state.step)!;
    const applicable = this.steps.filter((s) => s.applies?.(state.answers) ?? true);
    const position = applicable.findIndex((s) => s.id === step.id) + 1;
    const lines = [`**${this.texts.name} – Frage ${position} von ${applicable.length}**`, step.question(state.answers)];
    if (step.hint) lines.push(`_${step.hint}_`);
    lines.push('_„zurück“ oder „abbrechen“ jederzeit möglich._');
    const text = lines.join('\n\n');
    const choices = step.choices?.(state.answers) ?? [];
    if (choices.length === 0) {
      await context.sendActivity(MessageFactory.text(text));
      return;
    }
    const buttons = choices.map((c) => ({
      type: ActionTypes.MessageBack,
      title: c.title,
      text: c.title,
      displayText: c.title,
      value: { action: 'choice', step: step.id, value: c.value } satisfies StepChoiceValue,
    }));
    await context.sendActivity(MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), text));
  }

  private nextStep(answers: A, afterIndex: number): FormStep<A> | undefined {
    return this.steps.slice(afterIndex + 1).find((s) => s.applies?.(answers) ?? true);
  }

  private stepById(id: string | undefined): FormStep<A> | undefined {
    return this.steps.find((s) => s.id === id);
  }

  /** State from storage may be from an older version of the dialog: fall back to the first step. */
  private validState(state: Partial<FormState<A>> | undefined): FormState<A> {
    const answers = (state?.answers && typeof state.answers === 'object' ? state.answers : {}) as A;
    const history = Array.isArray(state?.history) ? state.history.filter((id) => this.stepById(id)) : [];
    const step =
      this.stepById(state?.step) && (this.stepById(state?.step)!.applies?.(answers) ?? true)
        ? state!.step!
        : (this.nextStep(answers, -1)?.id ?? this.steps[0]!.id);
    return { answers, history, step };
  }

  private isChoicePayload(value: unknown): value is StepChoiceValue {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { action?: unknown }).action === 'choice' &&
      typeof (value as { step?: unknown }).step === 'string'
    );
  }
}
