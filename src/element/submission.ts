/**
 * The submit sequence and its outcome, as a Lit reactive controller, so that the element is a view: it waits for
 * the lazily loaded behaviour, validates, holds a too-fast submit (the bot rule), fires the submit event, sends
 * (or, in preview, only thanks), and keeps what the view shows of it: the status and its text, the lead id, the
 * errors at each input and in the summary, and which errors were fixed since the last submit.
 */
import type { ReactiveController } from 'lit';
import { leadConfigOf, webUrl } from '../lead/form-config.js';
import type { FieldName } from '../lead/fields.js';
import type { FormValues } from '../lead/lead-payload.js';
import { errorText, errorTexts, type Lang, type Messages } from '../lead/messages/index.js';
import { consentLine, redirectTarget, suspectBot } from '../lead/site-rules.js';
import type { Behaviour, BehaviourController } from './behaviour-loader.js';
import type { LeadFormAttributes } from './lead-form-attributes.js';
import { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent } from './lead-events.js';
import type { ErrorTarget } from './templates/form-templates.js';

export type Status = 'idle' | 'sending' | 'sent' | 'failed';

/** What the submission reads of the element: its attributes, what was typed, and how it is drawn. */
export interface SubmissionHost extends LeadFormAttributes {
  readonly t: Messages;
  readonly formLang: Lang;
  readonly shown: readonly FieldName[];
  readonly requiredFields: readonly FieldName[];
  readonly values: FormValues;
  readonly consent: boolean;
  readonly configError: string;
  readonly lazy: BehaviourController;
  /** The honeypot (a bot fills it in). */
  readonly trap: HTMLInputElement | null;
  /** When the form was first shown, for the bot rule. */
  readonly shownAt: number;
  /** The form is done with: what was typed, and its draft, are forgotten; the view keeps the page still. */
  sent(): void;
  /** Moves focus after the next render: to the summary, or the thank-you. */
  focusAfterUpdate(target: 'summary' | 'success' | undefined): void;
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
    const result = this.validate(this.host.lazy.now() ?? (await this.host.lazy.ready()));
    const code = result.success ? undefined : result.fieldErrors[field];
    this.setFieldError(
      field,
      code && errorText(this.host.t, code, field, result.success ? undefined : result.maxima[field]),
    );
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

  private validate({ buildLead, validateForm }: Behaviour) {
    const { host } = this;
    const policy = host.privacyPolicyUrl && webUrl(host.privacyPolicyUrl, location.href)?.href;
    const consent = host.consent ? consentLine(host.t.consentRecord, new Date(), policy) : undefined;
    const lead = buildLead(host.values, leadConfigOf(host, location.hostname), host.marketing, consent);
    return validateForm(lead, { required: host.requiredFields, shown: host.shown });
  }

  private showErrors(fieldErrors: Partial<Record<ErrorTarget, string>>, formMessages: string[]) {
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
    const result = this.validate(behaviour);
    const fieldErrors: Partial<Record<ErrorTarget, string>> = result.success
      ? {}
      : errorTexts(t, result.fieldErrors, result.maxima);
    if (host.consentRequired && !host.consent) fieldErrors.consent = t.consentRequired;
    if (!result.success || fieldErrors.consent) {
      this.showErrors(fieldErrors, !result.success && result.formErrors.length ? [t.failed.invalid] : []);
      return this.setStatus('idle', '');
    }
    const bot = suspectBot(host.trap?.value ?? '', host.shownAt, Date.now(), host.minFillTime);
    if (bot) host.dispatchEvent(new LeadBotEvent(bot));
    if (bot?.reason === 'honeypot') return this.finish('');
    if (bot) {
      // Held, with the usual "sending" state (which also ignores a second submit), then sent.
      this.setStatus('sending', t.sendingStatus);
      await new Promise((resolve) => setTimeout(resolve, bot.holdMs));
    }
    const submit = new LeadSubmitEvent({ lead: result.lead });
    if (!host.dispatchEvent(submit)) return this.setStatus('idle', '');
    const sender = host.lazy.sender!;
    sender.track(host.dataLayer, 'vitec_lead_form_submit');
    if (host.preview) return this.finish(t.previewLeadId);
    this.showErrors({}, []);
    host.focusAfterUpdate(undefined);
    this.setStatus('sending', t.sendingStatus);
    const options = {
      endpoint: host.endpoint ?? '',
      customerId: host.customerId,
      timeoutMs: host.timeout,
      lang: host.formLang,
      messages: t,
      shown: host.shown,
    };
    const outcome = await sender.send(submit.detail.lead, options);
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'failed') {
      if (outcome.invalid) this.showErrors(outcome.failure.fieldErrors, outcome.failure.summary);
      this.setStatus('failed', outcome.invalid ? '' : outcome.failure.message);
    } else if (outcome.kind === 'queued') this.finish('', outcome.receipt);
    else this.finish(outcome.leadId);
    // A listener finds the element already in its new state.
    sender.announce(outcome, submit.detail.lead, host.dataLayer);
    const target =
      outcome.kind !== 'failed' &&
      host.redirectUrl &&
      (outcome.kind === 'sent'
        ? redirectTarget(host.redirectUrl, location.href, 'leadId', outcome.leadId)
        : redirectTarget(host.redirectUrl, location.href, 'receipt', outcome.receipt));
    if (target) location.assign(target);
  }

  /** The thank-you; an empty id for a suspected bot, which is thanked and sent nothing; a receipt for a queued lead. */
  private finish(leadId: string, receipt = '') {
    this.host.sent();
    this.leadId = leadId;
    this.receipt = receipt;
    const t = this.host.t;
    this.setStatus(
      'sent',
      receipt
        ? `${t.sentHeading} ${t.queuedBody} ${t.receipt(receipt)}`
        : leadId
          ? `${t.sentHeading} ${t.leadId(leadId)}`
          : t.sentHeading,
    );
    this.host.focusAfterUpdate('success');
  }

  /** The behaviour did not arrive (offline, blocked, 404): everything typed stays, and sending again tries again. */
  private behaviourFailed() {
    const message = this.host.t.failed.behaviour;
    this.setStatus('failed', message);
    console.error(
      `<vitec-lead-form>: the rest of the form (a file beside vitec-lead-form.js) did not load: is the whole dist folder hosted, and does the page's CSP script-src allow it?`,
    );
    this.host.dispatchEvent(new LeadErrorEvent({ status: 0, message, fieldErrors: {} }));
  }

  private setStatus(status: Status, text: string) {
    this.status = status;
    this.statusText = text;
    this.host.requestUpdate();
  }
}
