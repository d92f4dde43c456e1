import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { draftKey, readDraft, writeDraft } from '../page/draft.js';
import { focusSummaryTarget, renderErrorSummary, summaryItems } from './templates/error-summary.js';
import { configProblem, leadConfigOf, webUrl } from '../lead/form-config.js';
import { type FieldList, parseFieldList } from '../lead/field-list.js';
import {
  type ErrorTarget,
  type FieldView,
  renderConsent,
  renderFields,
  renderStatus,
  renderSuccess,
  renderTrapAndSubmit,
} from './templates/form-templates.js';
import { type Behaviour, BehaviourController } from './behaviour-loader.js';
import { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent } from './lead-events.js';
import { styles } from './lead-form.styles.js';
import type { FieldName } from '../lead/fields.js';
import type { FormValues } from '../lead/lead-payload.js';
import { LeadFormAttributes } from './lead-form-attributes.js';
import type { SendOutcome } from './lead-sender.js';
import { parseAttributionMode, parseTrackingParams } from '../lead/marketing.js';
import { type Lang, MESSAGES, type Messages, errorText, errorTexts, resolveLang } from '../lead/messages/index.js';
import { recordPageVisit } from '../page/visit.js';
import { consentLine, redirectTarget, suspectBot } from '../lead/site-rules.js';

declare const __VERSION__: string | undefined;

type Status = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * A contact form that sends what a visitor types to Vitec Express as a lead
 * (`PublicAdvertisingPersonLead`), through a relay that holds the broker's credentials.
 *
 * @summary Lead form for Vitec Express, configured by attributes alone.
 * @tagname vitec-lead-form
 *
 * @fires vitec-lead-form-submit - Before a lead is sent; cancelable; `detail.lead` may be changed.
 * @fires vitec-lead-form-success - The lead was created: `detail.leadId`, `detail.lead`.
 * @fires vitec-lead-form-error - The lead was not sent: `detail.status`, `detail.message`, `detail.fieldErrors`.
 * @fires vitec-lead-form-bot - A submit looked like a bot's: `detail.reason` is `honeypot` (nothing sent) or `too-fast` (held `detail.holdMs`, then sent).
 *
 * @slot before - Content before the fields, such as a heading or an introduction.
 * @slot success - The thank-you content, instead of the built-in message.
 *
 * @csspart form - The `<form>`.
 * @csspart field - The wrapper of one input with its label, hint and error.
 * @csspart label - An input's label.
 * @csspart input - An input or the message box.
 * @csspart hint - The format hint under a label.
 * @csspart error - The error message of one input.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart submit - The submit button.
 * @csspart contact-group - The fieldset around e-mail and phone when one of them is needed.
 * @csspart status - The live region that says "sending", "sent" or why sending failed.
 * @csspart success - The thank-you message.
 * @csspart send-another - The "send another message" button on the thank-you.
 *
 * @cssprop --vitec-lead-form-accent - Button colour. Default `#0b5cad` (`#8ab4f8` on a dark page).
 * @cssprop --vitec-lead-form-focus - Outer tone of the focus ring. Default `#141414` (`#f2f2f2` on a dark page).
 * @cssprop --vitec-lead-form-text - Text colour. Default: inherited from the page.
 * @cssprop --vitec-lead-form-background - Input background. Default `Canvas` (follows the page's colour scheme).
 * @cssprop --vitec-lead-form-border - Input border colour. Default `#6b6b6b` (`#9a9a9a` on a dark page).
 * @cssprop --vitec-lead-form-error - Error colour. Default `#b3261e` (`#ff8f84` on a dark page).
 * @cssprop --vitec-lead-form-radius - Corner radius of inputs and the button. Default `4px`.
 * @cssprop --vitec-lead-form-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --vitec-lead-form-font - Font family. Default: inherited from the page.
 */
export class VitecLeadFormElement extends LeadFormAttributes {
  /** The package version this element was built from. */
  static readonly version: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

  static override styles = styles;

  @state() private values: FormValues = {};
  @state() private consent = false;
  @state() private fieldErrors: Partial<Record<ErrorTarget, string>> = {};
  /** Errors fixed since the last submit: they stay, marked, until the next submit, so that nothing moves. */
  @state() private fixed: ReadonlySet<ErrorTarget> = new Set();
  @state() private formMessages: string[] = [];
  @state() private status: Status = 'idle';
  @state() private statusText = '';
  @state() private leadId = '';

  @query('.summary') private summary?: HTMLElement;
  @query('.success') private success?: HTMLElement;
  @query('input[name="website"]') private honeypot?: HTMLInputElement;

  /** Set in `willUpdate`, which runs before the first render: `fields` and `required` always start changed. */
  private lists!: { shown: FieldList; required: FieldList };
  private submitted = false;
  /** Set while the submit button is pressed: see `handleBlur`. */
  private pressingSubmit = false;
  private renderedAt = 0;
  /** The element's height when the thank-you replaced the form: the thank-you keeps it, so the page does not jump. */
  private formHeight = 0;
  private focusAfterUpdate?: () => HTMLElement | null | undefined;
  /** The lazily loaded behaviour (form-behaviour.ts), and the sending controller made from it. */
  private readonly lazy = new BehaviourController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderedAt = Date.now();
    if (this.saveDraft) this.values = { ...readDraft(this.draftKey), ...this.values };
    this.marketing ??= recordPageVisit(
      parseAttributionMode(this.attribution),
      parseTrackingParams(this.trackingParams),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Parsed once per change of the attributes, not once per input on every keystroke's render.
    if (changed.has('fields') || changed.has('required')) {
      this.lists = { shown: parseFieldList(this.fields), required: parseFieldList(this.required) };
    }
    if (changed.has('message') && this.message && !this.values.message) {
      this.values = { ...this.values, message: this.message };
    }
  }

  protected override updated(): void {
    // The thank-you is as tall as the form it replaced, so that the page below does not move up. Set
    // through the CSSOM: a strict CSP refuses style attributes (Lit's styleMap writes one at first render).
    if (this.success && this.formHeight) this.success.style.minHeight = `${Math.round(this.formHeight)}px`;
    const target = this.focusAfterUpdate?.();
    this.focusAfterUpdate = undefined;
    target?.focus();
  }

  private get resolvedLang(): Lang {
    return resolveLang(this.language || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  private get t(): Messages {
    return MESSAGES[this.resolvedLang];
  }

  private get shown(): FieldName[] {
    return this.lists.shown.fields;
  }

  private get configError(): string {
    const { endpoint, customerId, privacyPolicyUrl, redirectUrl, preview } = this;
    return configProblem(this.t, {
      endpoint,
      customerId,
      privacyPolicyUrl,
      redirectUrl,
      preview,
      ...this.lists,
      pageUrl: location.href,
    });
  }

  private get draftKey(): string {
    return draftKey(location.pathname, this.id);
  }

  /** Empties the form, its errors and its saved draft, as after a successful send. */
  reset(): void {
    this.values = {};
    this.consent = false;
    this.submitted = false;
    this.fieldErrors = {};
    this.fixed = new Set();
    this.formMessages = [];
    this.lazy.sender?.forget();
    this.setStatus('idle', '');
    if (this.saveDraft) writeDraft(this.draftKey, undefined);
  }

  override render() {
    const t = this.t;
    const configError = this.configError;
    if (configError) return html`<p class="config-error" part="status" role="alert">${t.configError(configError)}</p>`;
    const sent = this.status === 'sent';
    // The live region stays in the page through every state, so that screen readers announce each
    // change of its text: sending, sent (with the id) and why sending failed.
    const { status, statusText: text, fallbackEmail, fallbackPhone, values } = this;
    return html`${sent ? renderSuccess(t, this.leadId, this.successMessage, this.sendAnother) : this.renderForm(t)}
    ${renderStatus(t, { status, text, fallbackEmail, fallbackPhone, values })}`;
  }

  private renderForm(t: Messages) {
    const items = summaryItems<ErrorTarget>(
      [...this.shown, 'consent'],
      this.fieldErrors,
      this.formMessages,
      this.fixed,
    );
    const sending = this.status === 'sending';
    return html`<form part="form" novalidate @submit=${this.handleSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${this.preview ? html`<p class="preview-note">${t.previewNote}</p>` : nothing}
      ${renderErrorSummary(t.summaryHeading, t.fixedNote, items, (target, event) => focusSummaryTarget(this.renderRoot, target, event))}
      <slot name="before"></slot>
      ${renderFields(this.shown, this.fieldView)}
      ${renderConsent(t, { policyUrl: this.privacyPolicyUrl, required: this.consentRequired, checked: this.consent, error: this.fieldErrors.consent, fixed: this.fixed.has('consent'), onChange: this.handleConsent })}
      ${renderTrapAndSubmit(t, sending, this.handlePointer)}
    </form>`;
  }

  private get fieldView(): FieldView {
    return {
      t: this.t,
      values: this.values,
      errors: this.fieldErrors,
      fixed: this.fixed,
      required: this.lists.required.fields,
      onInput: this.handleInput,
      onBlur: this.handleBlur,
    };
  }

  private handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.values = { ...this.values, [input.name]: input.type === 'checkbox' ? input.checked : input.value };
    if (this.saveDraft) writeDraft(this.draftKey, this.values);
  };

  private handleConsent = (event: Event) => {
    this.consent = (event.target as HTMLInputElement).checked;
    if (this.submitted) this.setFieldError('consent', this.consent ? undefined : this.t.consentRequired);
  };

  private handlePointer = (event: PointerEvent) => {
    this.pressingSubmit = event.type === 'pointerdown';
  };

  /**
   * After the first submit, an input is checked again when the visitor leaves it; but not when they
   * leave it by pressing the submit button, which checks everything anyway: an error removed above the
   * button between press and release would move the button from under the pointer and lose the click.
   */
  private handleBlur = async (event: Event) => {
    if (!this.submitted || this.pressingSubmit) return;
    const field = (event.target as HTMLInputElement).name as FieldName;
    const result = this.validate(this.lazy.now() ?? (await this.lazy.ready()));
    const code = result.success ? undefined : result.fieldErrors[field];
    this.setFieldError(
      field,
      code && errorText(this.t, code, field, result.success ? undefined : result.maxima[field]),
    );
  };

  /** After a blur or a tick: a new error is shown; a fixed one stays in place, marked fixed, until the next submit. */
  private setFieldError(target: ErrorTarget, text: string | undefined) {
    const fixed = new Set(this.fixed);
    if (text) {
      this.fieldErrors = { ...this.fieldErrors, [target]: text };
      fixed.delete(target);
    } else if (this.fieldErrors[target]) fixed.add(target);
    this.fixed = fixed;
  }

  private validate({ buildLead, validateForm }: Behaviour) {
    const policy = this.privacyPolicyUrl && webUrl(this.privacyPolicyUrl, location.href)?.href;
    const consent = this.consent ? consentLine(this.t.consentRecord, new Date(), policy) : undefined;
    const lead = buildLead(this.values, leadConfigOf(this, location.hostname), this.marketing, consent);
    return validateForm(lead, { required: this.lists.required.fields, shown: this.shown });
  }

  private showErrors(fieldErrors: Partial<Record<ErrorTarget, string>>, formMessages: string[]) {
    this.fieldErrors = fieldErrors;
    this.fixed = new Set();
    this.formMessages = formMessages;
    this.focusAfterUpdate = () => this.summary;
  }

  private handleSubmit = async (event: Event) => {
    event.preventDefault();
    this.pressingSubmit = false;
    if (this.status === 'sending' || this.configError) return;
    this.submitted = true;
    const t = this.t;
    // A submit before the behaviour has arrived waits for it, saying so; once it is here, all is at once.
    let behaviour = this.lazy.now();
    if (!behaviour) {
      this.setStatus('sending', t.sendingStatus);
      try {
        behaviour = await this.lazy.ready();
      } catch {
        return this.behaviourFailed();
      }
    }
    const result = this.validate(behaviour);
    const fieldErrors: Partial<Record<ErrorTarget, string>> = result.success
      ? {}
      : errorTexts(t, result.fieldErrors, result.maxima);
    if (this.consentRequired && !this.consent) fieldErrors.consent = t.consentRequired;
    if (!result.success || fieldErrors.consent) {
      this.showErrors(fieldErrors, !result.success && result.formErrors.length ? [t.failed.invalid] : []);
      this.setStatus('idle', '');
      return;
    }
    const bot = suspectBot(this.honeypot?.value ?? '', this.renderedAt, Date.now(), this.minFillTime);
    if (bot) this.dispatchEvent(new LeadBotEvent(bot));
    if (bot?.reason === 'honeypot') return this.finish('');
    if (bot) {
      // Held, with the usual "sending" state (which also ignores a second submit), then sent.
      this.setStatus('sending', t.sendingStatus);
      await new Promise((resolve) => setTimeout(resolve, bot.holdMs));
    }
    const submit = new LeadSubmitEvent({ lead: result.lead });
    if (!this.dispatchEvent(submit)) return this.setStatus('idle', '');
    const sender = this.lazy.sender!;
    sender.track(this.dataLayer, 'vitec_lead_form_submit');
    if (this.preview) {
      this.finish(t.previewLeadId);
      return;
    }
    this.showErrors({}, []);
    this.focusAfterUpdate = undefined;
    this.setStatus('sending', t.sendingStatus);
    const options = {
      endpoint: this.endpoint ?? '',
      customerId: this.customerId,
      timeoutMs: this.timeout,
      lang: this.resolvedLang,
      messages: t,
      shown: this.shown,
      dataLayer: this.dataLayer,
    };
    let sent = '';
    await sender.send(submit.detail.lead, options, (outcome) => {
      if (outcome.kind === 'sent') this.finish((sent = outcome.leadId));
      else if (outcome.kind === 'failed') this.showFailure(outcome);
    });
    const target = sent && this.redirectUrl && redirectTarget(this.redirectUrl, sent, location.href);
    if (target) location.assign(target);
  };

  /** Shows the thank-you message; an empty id for a suspected bot, which is thanked and sent nothing. */
  private finish(leadId: string) {
    this.formHeight = this.getBoundingClientRect().height;
    this.leadId = leadId;
    this.values = {};
    this.consent = false;
    if (this.saveDraft) writeDraft(this.draftKey, undefined);
    this.setStatus('sent', leadId ? `${this.t.sentHeading} ${this.t.leadId(leadId)}` : this.t.sentHeading);
    this.focusAfterUpdate = () => this.success;
  }

  /** "Send another message": an empty form, with the focus in its first input. */
  private sendAnother = () => {
    this.reset();
    this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('.input');
  };

  /** The behaviour did not arrive (offline, blocked, 404): everything typed stays, and sending again tries again. */
  private behaviourFailed() {
    const message = this.t.failed.behaviour;
    this.setStatus('failed', message);
    console.error(
      `<vitec-lead-form>: the rest of the form (a file beside vitec-lead-form.js) did not load: is the whole dist folder hosted, and does the page's CSP script-src allow it?`,
    );
    this.dispatchEvent(new LeadErrorEvent({ status: 0, message, fieldErrors: {} }));
  }

  private showFailure({ failure, invalid }: Extract<SendOutcome, { kind: 'failed' }>) {
    if (invalid) this.showErrors(failure.fieldErrors, failure.summary);
    this.setStatus('failed', invalid ? '' : failure.message);
  }

  private setStatus(status: Status, text: string) {
    this.status = status;
    this.statusText = text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitec-lead-form': VitecLeadFormElement;
  }
}
