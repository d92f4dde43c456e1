/**
 * A submit's state, as a Lit reactive controller, so that the element is a view: it waits for the lazily loaded
 * behaviour, whose submit sequence (submit-flow.ts) validates and sends, and keeps what the view shows of it: the
 * status and its text, the lead id, the errors at each input and in the summary, and which errors were fixed since
 * the last submit.
 */
import type { ReactiveController } from 'lit';
import type { FieldList } from '../lead/field-list.js';
import type { FieldName } from '../lead/fields.js';
import type { FormValues } from '../lead/lead-payload.js';
import type { FormTexts, Lang } from '../lead/messages/index.js';
import type { BehaviourController } from './behaviour-loader.js';
import type { KindView } from './kinds.js';
import type { LeadFormAttributes } from './lead-form-attributes.js';
import { LeadErrorEvent } from './lead-events.js';
import type { ErrorTarget } from './templates/form-templates.js';

export type Status = 'idle' | 'sending' | 'sent' | 'failed';

/** What takes the focus after a render, by its class: the error summary, the thank-you, a configuration error. */
export type FocusTarget = 'summary' | 'success' | 'config-error';

/** What the submission reads of the element: its attributes, what was typed, and how it is drawn. */
export interface SubmissionHost extends LeadFormAttributes {
  readonly t: FormTexts;
  readonly formLang: Lang;
  readonly shown: readonly FieldName[];
  readonly requiredFields: readonly FieldName[];
  /** The inputs shown and required as the attributes name them, with any name the form does not know. */
  readonly lists: { readonly shown: FieldList; readonly required: FieldList };
  readonly values: FormValues;
  readonly consent: boolean;
  readonly configError: string;
  readonly lazy: BehaviourController;
  /** What a website kind's form adds (kinds.ts); none for a lead form. */
  readonly kindView?: KindView;
  /** When the form was first shown, for the bot rule. */
  readonly shownAt: number;
  /** The form is done with: what was typed, and its draft, are forgotten; the view keeps the page still. */
  sent(): void;
  /** Moves focus after the next render: to the summary, the thank-you, or what a form set up wrong says. */
  focusAfterUpdate(target: FocusTarget | undefined): void;
}

export class Submission implements ReactiveController {
  status: Status = 'idle';
  statusText = '';
  leadId = '';
  /** The relay's receipt for a lead it kept to deliver later (Vitec could not take it now); else empty. */
  receipt = '';
  fieldErrors: Partial<Record<ErrorTarget, string>> = {};
  /** Errors fixed since the last submit: they stay, marked, until the next submit, so that nothing moves. */
  fixed: ReadonlySet<ErrorTarget> = new Set();
  formMessages: string[] = [];
  /** After the first submit, an input is checked again when the visitor leaves it. */
  submitted = false;

  constructor(private readonly host: SubmissionHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Back to an empty form's state, as after a successful send. */
  reset(): void {
    this.submitted = false;
    this.fieldErrors = {};
    this.fixed = new Set();
    this.formMessages = [];
    this.host.lazy.sender?.forget();
    this.setStatus('idle', '');
  }

  /** Checks one input again (after a blur, once submitted): a new error is shown, a fixed one marked fixed. */
  async recheck(field: FieldName): Promise<void> {
    (this.host.lazy.now() ?? (await this.host.lazy.ready())).recheckField(this, this.host, field);
  }

  /** After a blur or a tick: a new error is shown; a fixed one stays in place, marked fixed, until the next submit. */
  setFieldError(target: ErrorTarget, text: string | undefined): void {
    const fixed = new Set(this.fixed);
    if (text) {
      this.fieldErrors = { ...this.fieldErrors, [target]: text };
      fixed.delete(target);
    } else if (this.fieldErrors[target]) fixed.add(target);
    this.fixed = fixed;
    this.host.requestUpdate();
  }

  /** @internal */
  showErrors(fieldErrors: Partial<Record<ErrorTarget, string>>, formMessages: string[]) {
    this.fieldErrors = fieldErrors;
    this.fixed = new Set();
    this.formMessages = formMessages;
    this.host.focusAfterUpdate('summary');
  }

  /** The whole sequence of one submit; a second submit while one is under way does nothing. */
  async submit(): Promise<void> {
    const { host } = this;
    if (this.status === 'sending' || host.configError) return;
    this.submitted = true;
    const t = host.t;
    // A submit before the behaviour has arrived waits for it, saying so; once it is here, all is at once.
    let behaviour = host.lazy.now();
    if (!behaviour) {
      this.setStatus('sending', t.sendingStatus);
      try {
        behaviour = await host.lazy.ready();
      } catch {
        return this.behaviourFailed();
      }
    }
    // The check of the attributes came with the behaviour (behaviour-loader.ts): a form it finds set up wrong says so
    // in place of its fields, and sends nothing.
    if (host.configError) return this.setStatus('idle', '');
    return behaviour.submitLead(this, host);
  }

  /** @internal The thank-you, with the status text that says it. */
  finish(leadId: string, receipt: string, text: string) {
    this.host.sent();
    this.leadId = leadId;
    this.receipt = receipt;
    this.setStatus('sent', text);
    this.host.focusAfterUpdate('success');
  }

  /** The behaviour did not arrive (offline, blocked, 404): everything typed stays, and sending again tries again. */
  private behaviourFailed() {
    const message = this.host.t.behaviourFailed;
    this.setStatus('failed', message);
    console.error(
      `<vitec-lead-form>: the rest of the form (a file beside vitec-lead-form.js) did not load: is the whole dist folder hosted, and does the page's CSP script-src allow it?`,
    );
    this.host.dispatchEvent(new LeadErrorEvent({ status: 0, message, fieldErrors: {} }));
  }

  /** @internal */
  setStatus(status: Status, text: string) {
    this.status = status;
    this.statusText = text;
    this.host.requestUpdate();
  }
}
