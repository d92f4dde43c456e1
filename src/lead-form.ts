import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { readDraft, writeDraft } from './draft.js';
import { renderErrorSummary, type SummaryItem } from './error-summary.js';
import { describeFailure } from './failure.js';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED, type FieldList, INPUTS, parseFieldList } from './form-fields.js';
import { LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './lead-events.js';
import { styles } from './lead-form.styles.js';
import type { FieldName } from './lead-paths.js';
import { type FormMarketing, getLeadSchema, type PublicAdvertisingPersonLead } from './lead-schema.js';
import { buildLead, type FormValues, type LeadConfig, validateForm } from './lead-payload.js';
import { DEFAULT_TRACKING_PARAMS, parseAttributionMode, parseTrackingParams, recordPageVisit } from './marketing.js';
import { type Lang, MESSAGES, type Messages, errorText } from './messages.js';
import { consentLine, type DataLayerEvent, looksLikeBot, pushDataLayer, redirectTarget } from './site-options.js';
import { newIdempotencyKey, postLeadWithRetry, type SubmitResult } from './submit.js';

declare const __VERSION__: string | undefined;

type Status = 'idle' | 'sending' | 'sent' | 'failed';
/** An input that can carry an error: a lead field, or the consent box. */
type ErrorTarget = FieldName | 'consent';

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
 * @csspart status - The live region that says "sending", "sent" or why sending failed.
 * @csspart success - The thank-you message.
 *
 * @cssprop --vitec-lead-form-accent - Button and focus colour. Default `#0b5cad`.
 * @cssprop --vitec-lead-form-text - Text colour. Default: inherited from the page.
 * @cssprop --vitec-lead-form-background - Input background. Default `Canvas` (follows the page's colour scheme).
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

  /** Link to the broker's privacy policy, shown in a sentence above the button. */
  @property({ attribute: 'privacy-policy-url' }) privacyPolicyUrl?: string;

  /** Adds a consent checkbox that must be ticked; the lead's message then records the consent and its time. */
  @property({ type: Boolean, attribute: 'consent-required' }) consentRequired = false;

  /** The thank-you text instead of the built-in one; `{leadId}` in it is replaced by the lead id. */
  @property({ attribute: 'success-message' }) successMessage?: string;

  /** A thank-you page to go to after sending, with the lead id added as the `leadId` query parameter. */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /** Milliseconds from showing the form to the earliest submit a person could make; faster is a bot. */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 2000;

  /** Pushes submit, success and error events to `window.dataLayer` (form id and lead id only). */
  @property({ type: Boolean, attribute: 'data-layer' }) dataLayer = false;

  /** For CMS editors: the form validates and thanks, but nothing is sent and no endpoint is needed. */
  @property({ type: Boolean }) preview = false;

  /** Keeps what is typed through a reload of the page, for the tab's session (`sessionStorage`). */
  @property({ type: Boolean, attribute: 'save-draft' }) saveDraft = false;

  /** What will be sent as the lead's `marketing`; read, extend or replace it. */
  @property({ attribute: false }) marketing?: FormMarketing;

  @state() private values: FormValues = {};
  @state() private consent = false;
  @state() private fieldErrors: Partial<Record<ErrorTarget, string>> = {};
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
  private focusAfterUpdate?: () => HTMLElement | null | undefined;
  private idempotency?: { body: string; key: string };
  private abort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderedAt = Date.now();
    if (this.saveDraft) this.values = { ...readDraft(this.draftKey), ...this.values };
    this.marketing ??= recordPageVisit(parseAttributionMode(this.attribution), parseTrackingParams(this.trackingParams));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
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

  protected override firstUpdated(): void {
    // The schema is built when the browser is idle after the first render, not at load (a long task
    // then) nor on the first submit (which would then wait for it).
    (window.requestIdleCallback ?? setTimeout)(() => getLeadSchema());
  }

  protected override updated(): void {
    const target = this.focusAfterUpdate?.();
    this.focusAfterUpdate = undefined;
    target?.focus();
  }

  private get resolvedLang(): Lang {
    const lang = (this.language || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'sv').toLowerCase();
    return lang.startsWith('en') ? 'en' : 'sv';
  }

  private get t(): Messages {
    return MESSAGES[this.resolvedLang];
  }

  private get shown(): FieldName[] {
    return this.lists.shown.fields;
  }

  private get requiredFields(): FieldName[] {
    return this.lists.required.fields;
  }

  /** What is wrong with the attributes, in words for the page's editor; empty when nothing is. */
  private get configError(): string {
    const { config } = this.t;
    if (!this.endpoint && !this.preview) return config.endpoint;
    const unknown = [...this.lists.shown.unknown, ...this.lists.required.unknown];
    if (unknown.length) return config.fields(unknown.join(', '));
    if (!this.shown.includes('firstName') || !this.shown.includes('lastName')) return config.names;
    return '';
  }

  private get draftKey(): string {
    return `vitec-lead-form:draft:${location.pathname}#${this.id}`;
  }

  /** Empties the form, its errors and its saved draft, as after a successful send. */
  reset(): void {
    this.values = {};
    this.consent = false;
    this.submitted = false;
    this.fieldErrors = {};
    this.formMessages = [];
    this.idempotency = undefined;
    this.setStatus('idle', '');
    if (this.saveDraft) writeDraft(this.draftKey, undefined);
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
    const targets: ErrorTarget[] = [...this.shown, 'consent'];
    const items: SummaryItem[] = [
      ...targets.filter((target) => this.fieldErrors[target]).map((target) => ({ target, text: this.fieldErrors[target]! })),
      ...this.formMessages.map((text) => ({ text })),
    ];
    const sending = this.status === 'sending';
    return html`<form part="form" novalidate @submit=${this.handleSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${this.preview ? html`<p class="preview-note">${t.previewNote}</p>` : nothing}
      ${renderErrorSummary(t.summaryHeading, items, this.handleSummaryLink)}
      <slot name="before"></slot>
      ${this.shown.map((field) => this.renderField(field, t))}
      ${this.renderConsent(t)}
      <div class="trap" aria-hidden="true">
        <label for="input-website">Website</label>
        <input id="input-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <button type="submit" part="submit" class="submit" aria-disabled=${sending ? 'true' : 'false'}
        @pointerdown=${this.handlePressSubmit} @pointercancel=${this.handleReleaseSubmit} @pointerleave=${this.handleReleaseSubmit}>${sending ? t.sending : t.submit}</button>
    </form>`;
  }

  private renderConsent(t: Messages) {
    const policy = this.privacyPolicyUrl ? html`<a href=${this.privacyPolicyUrl} target="_blank" rel="noopener">${t.privacyPolicy}</a>` : t.privacyPolicyPlain;
    if (!this.consentRequired) return this.privacyPolicyUrl ? html`<p class="privacy">${t.privacySentence(policy)}</p>` : nothing;
    const error = this.fieldErrors.consent;
    return html`<div class="field ${error ? 'field-error' : ''}" part="field">
      ${error ? html`<p part="error" class="error" id="input-consent-error"><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>` : nothing}
      <div class="checkbox">
        <input type="checkbox" id="input-consent" name="consent" .checked=${this.consent} @change=${this.handleConsent}
          aria-describedby=${ifDefined(error ? 'input-consent-error' : undefined)} aria-invalid=${ifDefined(error ? 'true' : undefined)} />
        <label for="input-consent">${t.consentLabel(policy)}</label>
      </div>
    </div>`;
  }

  private renderSuccess(t: Messages) {
    const custom = this.successMessage?.replaceAll('{leadId}', this.leadId);
    return html`<div class="success" part="success" tabindex="-1" aria-labelledby="success-heading">
      <slot name="success">
        <h2 id="success-heading" class="success-heading">${t.sentHeading}</h2>
        <p>${custom ?? t.sentBody}</p>
      </slot>
      ${this.leadId && !custom ? html`<p class="lead-id">${t.leadId(this.leadId)}</p>` : nothing}
    </div>`;
  }

  private renderField(field: FieldName, t: Messages) {
    const spec = INPUTS[field];
    const id = `input-${field}`;
    const hint = t.hints[field];
    const error = this.fieldErrors[field];
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
    const optional = !this.requiredFields.includes(field);
    const value = this.values[field] ?? '';
    const invalid = error ? 'true' : undefined;
    const control =
      spec.type === 'textarea'
        ? html`<textarea part="input" class="input" id=${id} name=${field} rows="5" autocomplete=${spec.autocomplete}
            aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
            .value=${value} @input=${this.handleInput} @blur=${this.handleBlur}></textarea>`
        : html`<input part="input" class="input" id=${id} name=${field} type=${spec.type} autocomplete=${spec.autocomplete}
            inputmode=${ifDefined(spec.inputmode)} spellcheck=${spec.type === 'text' ? nothing : 'false'}
            aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
            .value=${value} @input=${this.handleInput} @blur=${this.handleBlur} />`;
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
        .checked=${Boolean(this.values.isForeignSocialSecurityNumber)} @change=${this.handleInput} />
      <label for="input-isForeignSocialSecurityNumber">${t.labels.isForeignSocialSecurityNumber}</label>
    </div>`;
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

  private handlePressSubmit = () => {
    this.pressingSubmit = true;
  };

  private handleReleaseSubmit = () => {
    this.pressingSubmit = false;
  };

  /**
   * After the first submit, an input is checked again when the visitor leaves it; but not when they
   * leave it by pressing the submit button, which checks everything anyway: an error removed above the
   * button between press and release would move the button from under the pointer and lose the click.
   */
  private handleBlur = (event: Event) => {
    if (!this.submitted || this.pressingSubmit) return;
    const field = (event.target as HTMLInputElement).name as FieldName;
    const result = this.validate();
    const code = result.success ? undefined : result.fieldErrors[field];
    this.setFieldError(field, code && errorText(this.t, code, field));
  };

  private setFieldError(target: ErrorTarget, text: string | undefined) {
    const fieldErrors = { ...this.fieldErrors };
    if (text) fieldErrors[target] = text;
    else delete fieldErrors[target];
    this.fieldErrors = fieldErrors;
  }

  private handleSummaryLink = (target: ErrorTarget, event: Event) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLElement>(`[id="input-${target}"]`);
    this.renderRoot.querySelector(`label[for="input-${target}"]`)?.scrollIntoView({ block: 'center' });
    input?.focus({ preventScroll: true });
  };

  private validate() {
    const consent = this.consent ? consentLine(this.t.consentRecord, new Date(), this.privacyPolicyUrl) : undefined;
    return validateForm(buildLead(this.values, this.leadConfig, this.marketing, consent), { required: this.requiredFields, shown: this.shown });
  }

  private showErrors(fieldErrors: Partial<Record<ErrorTarget, string>>, formMessages: string[]) {
    this.fieldErrors = fieldErrors;
    this.formMessages = formMessages;
    this.focusAfterUpdate = () => this.summary;
  }

  private track(event: DataLayerEvent, leadId?: string) {
    if (this.dataLayer) pushDataLayer(event, this.id, leadId);
  }

  private handleSubmit = async (event: Event) => {
    event.preventDefault();
    this.pressingSubmit = false;
    if (this.status === 'sending' || this.configError) return;
    this.submitted = true;
    const t = this.t;
    const result = this.validate();
    const fieldErrors: Partial<Record<ErrorTarget, string>> = {};
    if (!result.success) {
      for (const [field, code] of Object.entries(result.fieldErrors) as [FieldName, NonNullable<(typeof result.fieldErrors)[FieldName]>][]) {
        fieldErrors[field] = errorText(t, code, field);
      }
    }
    if (this.consentRequired && !this.consent) fieldErrors.consent = t.consentRequired;
    if (!result.success || fieldErrors.consent) {
      this.showErrors(fieldErrors, !result.success && result.formErrors.length ? [t.failed.invalid] : []);
      this.setStatus('idle', '');
      return;
    }
    if (looksLikeBot(this.honeypot?.value ?? '', this.renderedAt, Date.now(), this.minFillTime)) {
      this.finish('');
      return;
    }
    const submit = new LeadSubmitEvent({ lead: result.lead });
    if (!this.dispatchEvent(submit)) return;
    this.track('vitec_lead_form_submit');
    if (this.preview) {
      this.finish(t.previewLeadId);
      return;
    }
    await this.send(submit.detail.lead);
  };

  private async send(lead: PublicAdvertisingPersonLead) {
    const body = JSON.stringify(lead);
    // One key per lead: a retry of the same lead reuses it, so a relay can answer it without a second lead.
    if (this.idempotency?.body !== body) this.idempotency = { body, key: newIdempotencyKey() };
    this.showErrors({}, []);
    this.focusAfterUpdate = undefined;
    this.setStatus('sending', this.t.sendingStatus);
    this.abort = new AbortController();
    const url = (this.endpoint ?? '').replaceAll('{customerId}', encodeURIComponent(this.customerId ?? ''));
    const result = await postLeadWithRetry(url, lead, { timeoutMs: this.timeout, idempotencyKey: this.idempotency.key, lang: this.resolvedLang, signal: this.abort.signal });
    if (result.kind === 'aborted') return;
    if (result.kind !== 'success') return this.handleFailure(result);
    this.idempotency = undefined;
    this.dispatchEvent(new LeadSuccessEvent({ leadId: result.leadId, lead }));
    this.track('vitec_lead_form_success', result.leadId);
    const target = this.redirectUrl && redirectTarget(this.redirectUrl, result.leadId, location.href);
    if (target) location.assign(target);
    this.finish(result.leadId);
  }

  /** Shows the thank-you message; an empty id for a suspected bot, which is thanked and sent nothing. */
  private finish(leadId: string) {
    this.leadId = leadId;
    this.values = {};
    this.consent = false;
    if (this.saveDraft) writeDraft(this.draftKey, undefined);
    this.setStatus('sent', leadId ? `${this.t.sentHeading} ${this.t.leadId(leadId)}` : this.t.sentHeading);
    this.focusAfterUpdate = () => this.success;
  }

  private handleFailure(result: Exclude<SubmitResult, { kind: 'success' | 'aborted' }>) {
    const failure = describeFailure(result, this.t, this.shown);
    if (failure.developerNote) console.error(`<vitec-lead-form>: ${this.endpoint} ${failure.developerNote}`, 'body' in result ? result.body : '');
    if (result.kind === 'invalid') this.showErrors(failure.fieldErrors, failure.summary);
    this.setStatus('failed', result.kind === 'invalid' ? '' : failure.message);
    this.dispatchEvent(new LeadErrorEvent({ status: result.status, message: failure.message, fieldErrors: failure.fieldErrors }));
    this.track('vitec_lead_form_error');
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
