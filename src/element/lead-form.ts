import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { type FieldList, parseFieldList } from '../lead/field-list.js';
import { type FieldName, isFieldName } from '../lead/fields.js';
import type { FormValues } from '../lead/lead-payload.js';
import { type FormTexts, formTextsOf } from '../lead/messages/index.js';
import { draftKey, readDraft, writeDraft } from '../page/draft.js';
import { AfterRender } from './after-render.js';
import { BehaviourController } from './behaviour-loader.js';
import { kindViewFor } from './kind-loader.js';
import type { KindView } from './kinds.js';
import { LeadFormAttributes } from './lead-form-attributes.js';
import { styles } from './lead-form.styles.js';
import { type FocusTarget, Submission, type SubmissionHost } from './submission.js';
import {
  type ErrorTarget,
  type FieldView,
  renderConsent,
  renderFields,
  renderStatus,
  renderTrapAndSubmit,
} from './templates/form-templates.js';

declare const __VERSION__: string | undefined;

/**
 * A contact form that sends what a visitor types to Vitec Express as a lead
 * (`PublicAdvertisingPersonLead`), through a relay that holds the broker's credentials.
 *
 * @summary Lead form for Vitec Express, configured by attributes alone.
 * @tagname vitec-lead-form
 *
 * @fires vitec-lead-form-submit - Before a lead is sent; cancelable; `detail.lead` may be changed.
 * @fires vitec-lead-form-success - Created (`detail.leadId`) or kept by the relay (`detail.queued`, `detail.receipt`).
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
 * @csspart slots - A booking's time slots (`kind="viewing"`), or what stands there when none can be booked.
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
export class VitecLeadFormElement extends LeadFormAttributes implements SubmissionHost {
  /** The package version this element was built from. */
  static readonly version: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
  static override styles = styles;
  static override properties: PropertyDeclarations = { values: { state: true }, consent: { state: true } };

  /** @internal What the visitor typed, by input name. */
  values: FormValues = {};
  /** @internal Whether the consent box is ticked. */ consent = false;

  /**
   * @internal The inputs shown and required, as written: set in `willUpdate`, which runs before the first render
   * (`fields` and `required` always start changed).
   */
  lists!: { shown: FieldList; required: FieldList };
  /** Set while the submit button is pressed: see `handleBlur`. */
  private pressingSubmit = false;
  /** @internal */
  shownAt = 0;
  /** The thank-you's height and where the focus goes after a render. */
  private readonly settle = new AfterRender(this);
  /** @internal The lazily loaded behaviour (behaviour.ts), and the sending controller made from it. */
  readonly lazy: BehaviourController = new BehaviourController(this);
  /** @internal What an interest, booking or valuation form adds (kinds.ts, loaded before it draws). */
  kindView?: KindView;
  /** The submit sequence and what the view shows of its outcome. */
  private readonly submission = new Submission(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.shownAt = Date.now();
    if (this.saveDraft) this.values = { ...readDraft(draftKey(location.pathname, this.id)), ...this.values };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.kindView = kindViewFor(this, this.kindView, changed.has('kind') || changed.has('estateId'));
    // Parsed once per change of the attributes, not once per input on every keystroke's render.
    if (changed.has('fields') || changed.has('required') || changed.has('kind')) {
      const lists = this.kindView?.fieldLists() ?? this;
      this.lists = { shown: parseFieldList(lists.fields), required: parseFieldList(lists.required) };
    }
    if (changed.has('message') && this.message && !this.values.message) {
      this.values = { ...this.values, message: this.message };
    }
  }

  /** @internal What the first drawing says. */
  get t(): FormTexts {
    return formTextsOf(this.formLang);
  }

  /** @internal */
  get shown(): FieldName[] {
    return this.lists.shown.fields;
  }
  /** @internal */
  get requiredFields(): FieldName[] {
    return this.lists.required.fields;
  }

  /** @internal What is wrong with the attributes, once the check's part is here (see `BehaviourController`). */
  get configError(): string {
    return this.lazy.configError;
  }

  /** @internal */
  focusAfterUpdate(target: FocusTarget | undefined): void {
    this.settle.focus(target && `.${target}`);
  }

  /** @internal The lead is sent (or thanked for): what was typed and its draft go; the thank-you keeps the height. */
  sent(): void {
    this.settle.keepHeight();
    this.values = {};
    this.consent = false;
    if (this.saveDraft) writeDraft(draftKey(location.pathname, this.id), undefined);
  }

  /** Empties the form, its errors and its saved draft, as after a successful send. */
  reset(): void {
    this.sent();
    this.submission.reset();
  }

  override render() {
    const t = this.t;
    // Not set up right; or a website kind's form whose part could not be loaded, which cannot send what it is for.
    const unusable = this.configError || (this.kind !== 'lead' && !this.kindView && t.behaviourFailed);
    if (unusable) return html`<p class="config-error" part="status" role="alert" tabindex="-1">${unusable}</p>`;
    const { status, statusText: text, leadId, receipt } = this.submission;
    const { fallbackEmail, fallbackPhone, values } = this;
    // The live region stays in the page through every state, so that screen readers announce each
    // change of its text: sending, sent (with the id) and why sending failed.
    // 'sent' comes only after a submit, which waits for the chunk that holds the thank-you.
    const states = this.lazy.now();
    const texts = states?.messagesOf(this.formLang);
    const thanks = texts && (this.kindView?.thanked(texts) ?? { texts, body: undefined });
    return html`${status === 'sent' && states && thanks ? states.renderSuccess(thanks.texts, leadId, this.successMessage ?? thanks.body, this.sendAnother, receipt) : this.renderForm(t)}
    ${renderStatus(t, { status, text, fallbackEmail, fallbackPhone, values })}`;
  }

  private renderForm(t: FormTexts) {
    const { fieldErrors, fixed, formMessages, status } = this.submission;
    // Errors come only after a submit, which waits for the chunk that holds the summary.
    const states = this.lazy.now();
    const targets: ErrorTarget[] = [...(this.kindView?.targets ?? []), ...this.shown, 'consent'];
    const items = states?.summaryItems<ErrorTarget>(targets, fieldErrors, formMessages, fixed) ?? [];
    const sending = status === 'sending';
    const onSelect = (target: string, event: Event) => states?.focusSummaryTarget(this.renderRoot, target, event);
    const consent = { policyUrl: this.privacyPolicyUrl, required: this.consentRequired, checked: this.consent };
    const texts = states?.messagesOf(this.formLang);
    const consentError = { error: fieldErrors.consent, fixed: fixed.has('consent'), onChange: this.handleConsent };
    return html`<form part="form" novalidate @submit=${this.handleSubmit} @input=${this.handleInput} @focusout=${this.handleBlur}
      aria-busy=${sending ? 'true' : 'false'}>
      ${this.preview ? html`<p class="preview-note">${t.previewNote}</p>` : nothing}
      ${texts ? states?.renderErrorSummary(texts.summaryHeading, texts.fixedNote, items, onSelect) : nothing}
      <slot name="before"></slot>
      ${this.kindView?.renderTop(this.submission, texts)}
      ${renderFields(this.shown, this.fieldView)}
      ${renderConsent(t, { ...consent, ...consentError, states: texts })}
      ${renderTrapAndSubmit(t, sending, this.handlePointer)}
    </form>`;
  }

  private get fieldView(): FieldView {
    const { fieldErrors: errors, fixed } = this.submission;
    const { t, values, requiredFields: required } = this;
    const states = this.lazy.now()?.messagesOf(this.formLang);
    return { t, states, values, errors, fixed, required, onInput: this.handleInput };
  }

  private handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    // One listener on the form for every input's: the lead's inputs and the foreign-number box count, nothing else.
    if (!isFieldName(input.name) && input.name !== 'isForeignSocialSecurityNumber') return;
    this.values = { ...this.values, [input.name]: input.type === 'checkbox' ? input.checked : input.value };
    if (this.saveDraft) writeDraft(draftKey(location.pathname, this.id), this.values);
  };

  private handleConsent = (event: Event) => {
    this.consent = (event.target as HTMLInputElement).checked;
    // Once submitted, the lazily loaded part (with the texts) is here.
    const texts = this.lazy.now()?.messagesOf(this.formLang);
    if (this.submission.submitted && texts)
      this.submission.setFieldError('consent', this.consent ? undefined : texts.consentRequired);
  };

  private handlePointer = (event: PointerEvent) => {
    this.pressingSubmit = event.type === 'pointerdown';
  };

  /**
   * After the first submit, an input is checked again when the visitor leaves it (`focusout`, on the form); but not
   * when they leave it by pressing the submit button, which checks everything anyway: an error removed above the
   * button between press and release would move the button from under the pointer and lose the click.
   */
  private handleBlur = (event: Event) => {
    const name = (event.target as HTMLInputElement).name;
    if (this.submission.submitted && !this.pressingSubmit && isFieldName(name)) void this.submission.recheck(name);
  };

  private handleSubmit = (event: Event) => {
    event.preventDefault();
    this.pressingSubmit = false;
    void this.submission.submit();
  };

  /** "Send another message": an empty form, with the focus in its first input. */
  private sendAnother = () => {
    this.reset();
    this.settle.focus('.input');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vitec-lead-form': VitecLeadFormElement;
  }
}
