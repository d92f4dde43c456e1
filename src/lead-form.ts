import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { mapErrorBody } from './api-errors.js';
import { renderErrorSummary, type SummaryItem } from './error-summary.js';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED, INPUTS, parseFieldList } from './form-fields.js';
import { LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './lead-events.js';
import { styles } from './lead-form.styles.js';
import type { FieldName, FormMarketing, PublicAdvertisingPersonLead } from './lead-schema.js';
import { buildLead, type FormValues, type LeadConfig, validateForm } from './lead-payload.js';
import { DEFAULT_TRACKING_PARAMS, parseAttributionMode, parseTrackingParams, recordPageVisit } from './marketing.js';
import { type Lang, MESSAGES, type Messages, errorText } from './messages.js';
import { postLead, type SubmitResult } from './submit.js';

declare const __VERSION__: string | undefined;

type Status = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * A contact form that sends what a visitor types to Vitec Express as a lead
 * (`PublicAdvertisingPersonLead`), through a relay that holds the broker's credentials.
 *
 * @summary Lead form for Vitec Express, configured by attributes alone.
 *
 * @fires vitec-lead-form-submit - Before a lead is sent; cancelable; `detail.lead` may be changed.
 * @fires vitec-lead-form-success - The lead was created: `detail.leadId`, `detail.lead`.
 * @fires vitec-lead-form-error - The lead was not sent: `detail.status`, `detail.message`, `detail.fieldErrors`.
 *
 * @csspart form - The `<form>`.
 * @csspart field - The wrapper of one input with its label, hint and error.
 * @csspart label - An input's label.
 * @csspart input - An input or the message box.
 * @csspart hint - The format hint under a label.
 * @csspart error - The error message of one input.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart submit - The submit button.
 * @csspart status - The live region that says "sending" or why sending failed.
 * @csspart success - The thank-you message.
 *
 * @cssprop --vitec-lead-form-accent - Button and focus colour. Default `#0b5cad`.
 * @cssprop --vitec-lead-form-text - Text colour. Default `CanvasText`.
 * @cssprop --vitec-lead-form-background - Input background. Default `Canvas`.
 * @cssprop --vitec-lead-form-border - Input border colour. Default `#6b6b6b`.
 * @cssprop --vitec-lead-form-error - Error colour. Default `#b3261e`.
 * @cssprop --vitec-lead-form-radius - Corner radius of inputs and the button. Default `4px`.
 * @cssprop --vitec-lead-form-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --vitec-lead-form-font - Font family. Default: inherited from the page.
 */
export class VitecLeadFormElement extends LitElement {
  /** The package version this element was built from. */
  static readonly version: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

  static override styles = styles;

  /** URL the lead is POSTed to; `{customerId}` in it is replaced by `customer-id`. */
  @property() endpoint?: string;

  /** The broker's Vitec customer id. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** `leadSource.name`; defaults to the page's host name. */
  @property({ attribute: 'lead-source-name' }) leadSourceName?: string;

  /** `leadSource.leadType`, sent as given. */
  @property({ attribute: 'lead-type' }) leadType = 'AcceptObjectFlow';

  /** `receiver.agent.id`. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** `receiver.agent.email`. */
  @property({ attribute: 'agent-email' }) agentEmail?: string;

  /** `receiver.userGroup.id`. */
  @property({ attribute: 'user-group-id' }) userGroupId?: string;

  /** `receiver.office.id`. */
  @property({ attribute: 'office-id' }) officeId?: string;

  /** `receiver.office.customerId`. */
  @property({ attribute: 'office-customer-id' }) officeCustomerId?: string;

  /** The inputs to show, space-separated; `address`, `email` and `telephone` stand for their members. */
  @property() fields = DEFAULT_FIELDS;

  /** The inputs that must be filled, space-separated. */
  @property() required = DEFAULT_REQUIRED;

  /** `sv` or `en`; defaults to the closest `lang` in the page, else `sv`. */
  @property({ attribute: 'lang' }) language?: string;

  /** Text to prefill the message box with. */
  @property() message?: string;

  /** Milliseconds to wait for an answer before giving up. */
  @property({ type: Number }) timeout = 15_000;

  /** How the visit's campaign tags and referrer are remembered: `session`, `local` (30 days) or `none`. */
  @property() attribution: 'session' | 'local' | 'none' = 'session';

  /** Click ids taken from the URL besides `utm_*`, space-separated. */
  @property({ attribute: 'tracking-params' }) trackingParams = DEFAULT_TRACKING_PARAMS.join(' ');

  /** What will be sent as the lead's `marketing`; read, extend or replace it. */
  @property({ attribute: false }) marketing?: FormMarketing;

  @state() private values: FormValues = {};
  @state() private fieldErrors: Partial<Record<FieldName, string>> = {};
  @state() private formMessages: string[] = [];
  @state() private status: Status = 'idle';
  @state() private statusText = '';
  @state() private leadId = '';

  @query('.summary') private summary?: HTMLElement;
  @query('.success') private success?: HTMLElement;

  private submitted = false;
  private focusAfterUpdate?: () => HTMLElement | null | undefined;
  private idempotency?: { body: string; key: string };
  private abort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    this.marketing ??= recordPageVisit(parseAttributionMode(this.attribution), parseTrackingParams(this.trackingParams));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('message') && this.message && !this.values.message) {
      this.values = { ...this.values, message: this.message };
    }
  }

  protected override updated(): void {
    const target = this.focusAfterUpdate?.();
    this.focusAfterUpdate = undefined;
    target?.focus();
  }

  private get lang2(): Lang {
    const lang = (this.language || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'sv').toLowerCase();
    return lang.startsWith('en') ? 'en' : 'sv';
  }

  private get t(): Messages {
    return MESSAGES[this.lang2];
  }

  private get shown(): FieldName[] {
    return parseFieldList(this.fields).fields;
  }

  private get requiredFields(): FieldName[] {
    return parseFieldList(this.required).fields;
  }

  /** What is wrong with the attributes, in words for the page's editor; empty when nothing is. */
  private get configError(): string {
    const { config } = this.t;
    if (!this.endpoint) return config.endpoint;
    const unknown = [...parseFieldList(this.fields).unknown, ...parseFieldList(this.required).unknown];
    if (unknown.length) return config.fields(unknown.join(', '));
    if (!this.shown.includes('firstName') || !this.shown.includes('lastName')) return config.names;
    return '';
  }

  private get leadConfig(): LeadConfig {
    return {
      leadSourceName: this.leadSourceName || (typeof location !== 'undefined' ? location.hostname : ''),
      leadType: this.leadType,
      agentId: this.agentId,
      agentEmail: this.agentEmail,
      userGroupId: this.userGroupId,
      officeId: this.officeId,
      officeCustomerId: this.officeCustomerId,
    };
  }

  override render() {
    const t = this.t;
    const configError = this.configError;
    if (configError) return html`<p class="config-error" part="status" role="alert">${t.configError(configError)}</p>`;
    const sent = this.status === 'sent';
    // The live region stays in the page through every state, so that screen readers announce each
    // change of its text: sending, sent (with the id) and why sending failed.
    return html`${sent ? this.renderSuccess(t) : this.renderForm(t)}
      <p class="status ${this.status === 'failed' ? 'status-failed' : ''} ${sent ? 'visually-hidden' : ''}" part="status" role="status">${this.statusText}</p>`;
  }

  private renderForm(t: Messages) {
    const items: SummaryItem[] = [
      ...this.shown.filter((field) => this.fieldErrors[field]).map((field) => ({ field, text: this.fieldErrors[field]! })),
      ...this.formMessages.map((text) => ({ text })),
    ];
    const sending = this.status === 'sending';
    return html`<form part="form" novalidate @submit=${this.handleSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${renderErrorSummary(t.summaryHeading, items, this.handleSummaryLink)}
      <slot name="before"></slot>
      ${this.shown.map((field) => this.renderField(field, t))}
      <button type="submit" part="submit" class="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? t.sending : t.submit}</button>
    </form>`;
  }

  private renderSuccess(t: Messages) {
    return html`<div class="success" part="success" tabindex="-1" aria-labelledby="success-heading">
      <slot name="success">
        <h2 id="success-heading" class="success-heading">${t.sentHeading}</h2>
        <p>${t.sentBody}</p>
      </slot>
      <p class="lead-id">${t.leadId(this.leadId)}</p>
    </div>`;
  }

  private renderField(field: FieldName, t: Messages) {
    const spec = INPUTS[field];
    const id = `input-${field}`;
    const hint = t.hints[field];
    const error = this.fieldErrors[field];
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
    const optional = !this.requiredFields.includes(field);
    const common = {
      id,
      name: field,
      describedBy,
      invalid: error ? 'true' : undefined,
      value: this.values[field] ?? '',
    };
    const control =
      spec.type === 'textarea'
        ? html`<textarea part="input" class="input" id=${common.id} name=${common.name} rows="5" autocomplete=${spec.autocomplete}
            aria-describedby=${ifDefined(common.describedBy)} aria-invalid=${ifDefined(common.invalid)}
            .value=${live(common.value)} @input=${this.handleInput} @blur=${this.handleBlur}></textarea>`
        : html`<input part="input" class="input" id=${common.id} name=${common.name} type=${spec.type} autocomplete=${spec.autocomplete}
            inputmode=${ifDefined(spec.inputmode)} spellcheck=${spec.type === 'text' ? nothing : 'false'}
            aria-describedby=${ifDefined(common.describedBy)} aria-invalid=${ifDefined(common.invalid)}
            .value=${live(common.value)} @input=${this.handleInput} @blur=${this.handleBlur} />`;
    return html`<div class="field ${error ? 'field-error' : ''}" part="field">
      <label part="label" class="label" for=${id}>${optional ? html`${t.labels[field]} <span class="optional">${t.optional}</span>` : t.labels[field]}</label>
      ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p part="error" class="error" id="${id}-error"><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>` : nothing}
      ${control}
      ${field === 'socialSecurityNumber' ? this.renderForeignBox(t) : nothing}
    </div>`;
  }

  private renderForeignBox(t: Messages) {
    return html`<div class="checkbox">
      <input type="checkbox" id="input-isForeignSocialSecurityNumber" name="isForeignSocialSecurityNumber"
        .checked=${live(Boolean(this.values.isForeignSocialSecurityNumber))} @change=${this.handleInput} />
      <label for="input-isForeignSocialSecurityNumber">${t.labels.isForeignSocialSecurityNumber}</label>
    </div>`;
  }

  private handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.values = { ...this.values, [input.name]: input.type === 'checkbox' ? input.checked : input.value };
  };

  /** After the first submit, an input is checked again when the visitor leaves it. */
  private handleBlur = (event: Event) => {
    if (!this.submitted) return;
    const field = (event.target as HTMLInputElement).name as FieldName;
    const result = this.validate();
    const code = result.success ? undefined : result.fieldErrors[field];
    const fieldErrors = { ...this.fieldErrors };
    if (code) fieldErrors[field] = errorText(this.t, code, field);
    else delete fieldErrors[field];
    this.fieldErrors = fieldErrors;
  };

  private handleSummaryLink = (field: FieldName, event: Event) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLElement>(`[id="input-${field}"]`);
    this.renderRoot.querySelector(`label[for="input-${field}"]`)?.scrollIntoView({ block: 'center' });
    input?.focus({ preventScroll: true });
  };

  private validate() {
    return validateForm(buildLead(this.values, this.leadConfig, this.marketing), { required: this.requiredFields, shown: this.shown });
  }

  private showErrors(fieldErrors: Partial<Record<FieldName, string>>, formMessages: string[]) {
    this.fieldErrors = fieldErrors;
    this.formMessages = formMessages;
    this.focusAfterUpdate = () => this.summary;
  }

  private handleSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.status === 'sending' || this.configError) return;
    this.submitted = true;
    const result = this.validate();
    if (!result.success) {
      const t = this.t;
      const fieldErrors: Partial<Record<FieldName, string>> = {};
      for (const [field, code] of Object.entries(result.fieldErrors) as [FieldName, NonNullable<(typeof result.fieldErrors)[FieldName]>][]) {
        fieldErrors[field] = errorText(t, code, field);
      }
      this.showErrors(fieldErrors, result.formErrors.length ? [t.failed.invalid] : []);
      this.setStatus('idle', '');
      return;
    }
    const submit = new LeadSubmitEvent({ lead: result.lead });
    if (!this.dispatchEvent(submit)) return;
    await this.send(submit.detail.lead);
  };

  private async send(lead: PublicAdvertisingPersonLead) {
    const body = JSON.stringify(lead);
    // One key per lead: a retry of the same lead reuses it, so a relay can answer it without a second lead.
    if (this.idempotency?.body !== body) this.idempotency = { body, key: newKey() };
    this.showErrors({}, []);
    this.focusAfterUpdate = undefined;
    this.setStatus('sending', this.t.sendingStatus);
    this.abort = new AbortController();
    const url = (this.endpoint ?? '').replaceAll('{customerId}', encodeURIComponent(this.customerId ?? ''));
    const result = await postLead(url, lead, { timeoutMs: this.timeout, idempotencyKey: this.idempotency.key, signal: this.abort.signal });
    if (result.kind === 'aborted') return;
    if (result.kind === 'success') {
      this.idempotency = undefined;
      this.leadId = result.leadId;
      this.values = {};
      this.setStatus('sent', `${this.t.sentHeading} ${this.t.leadId(result.leadId)}`);
      this.focusAfterUpdate = () => this.success;
      this.dispatchEvent(new LeadSuccessEvent({ leadId: result.leadId, lead }));
      return;
    }
    this.handleFailure(result);
  }

  private handleFailure(result: Exclude<SubmitResult, { kind: 'success' | 'aborted' }>) {
    const t = this.t;
    let message: string;
    let fieldErrors: Partial<Record<FieldName, string>> = {};
    switch (result.kind) {
      case 'invalid': {
        const mapped = mapErrorBody(result.body, this.shown);
        fieldErrors = mapped.fieldErrors;
        message = mapped.formMessages.length ? `${t.serverSaid} ${mapped.formMessages.join(' ')}` : t.failed.invalid;
        this.showErrors(fieldErrors, mapped.formMessages.length || !Object.keys(fieldErrors).length ? [message] : []);
        break;
      }
      case 'auth':
        console.error(`<vitec-lead-form>: ${this.endpoint} answered ${result.status}. The relay's or Vitec's credentials or customer id are not accepted.`, result.body);
        message = t.failed.auth;
        break;
      case 'rate-limit':
        message = t.failed.rateLimit(result.retryAfterSeconds);
        break;
      case 'server':
        message = t.failed.server;
        break;
      case 'unexpected':
        console.error(`<vitec-lead-form>: ${this.endpoint} answered ${result.status} with no lead id.`, result.body);
        message = t.failed.unexpected;
        break;
      default:
        message = t.failed[result.kind];
    }
    this.setStatus('failed', result.kind === 'invalid' ? '' : message);
    this.dispatchEvent(new LeadErrorEvent({ status: result.status, message, fieldErrors }));
  }

  private setStatus(status: Status, text: string) {
    this.status = status;
    this.statusText = text;
  }
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID is missing outside secure contexts (a plain-http test page); 128 random bits do the same job.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
