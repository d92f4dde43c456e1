/** The form's parts as template functions of what the element holds: an input with its label, hint and error; consent; thanks. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FormValues } from '../../lead/lead-payload.js';
import { CONTACT_FIELDS, type FieldName, fieldSpec } from '../../lead/fields.js';
import { fallbackMailto, telLink } from '../../lead/fallback-links.js';
import type { FormTexts, StateTexts } from '../../lead/messages/index.js';
import { webUrl } from '../../lead/web-url.js';

/** An input that can carry an error: a lead field, the consent box, or a booking's time slots. */
export type ErrorTarget = FieldName | 'consent' | 'timeSlot';

export interface FieldView {
  t: FormTexts;
  /** The state texts, once the lazily loaded part is here: no error can be shown before. */
  states: StateTexts | undefined;
  values: FormValues;
  errors: Partial<Record<ErrorTarget, string>>;
  /** Errors the visitor has fixed since the last submit: still shown, marked fixed, so that nothing moves. */
  fixed: ReadonlySet<ErrorTarget>;
  required: readonly FieldName[];
  /** For the checkbox that says a personnummer is foreign: the inputs' own `input` and `focusout` reach the form. */
  onInput: (event: Event) => void;
}

function renderError(id: string, error: string, states: StateTexts | undefined, fixed = false) {
  return fixed
    ? html`<p part="error" class="error error-fixed" id=${id}><span class="visually-hidden">${states?.fixedPrefix}</span> ${error}</p>`
    : html`<p part="error" class="error" id=${id}><span class="visually-hidden">${states?.errorPrefix}</span> ${error}</p>`;
}

/**
 * The inputs in order. When the form shows two or more ways to reach the visitor (e-mail, phones) and
 * requires none, one of them is still needed: they are grouped in a fieldset that says so once, none is
 * marked optional, and the group's error stands under its legend, where both inputs point to it.
 */
export function renderFields(shown: readonly FieldName[], view: FieldView) {
  const contact = shown.filter((field) => CONTACT_FIELDS.includes(field));
  const grouped = contact.length >= 2 && !contact.some((field) => view.required.includes(field));
  if (!grouped)
    return shown.map((field) => renderField(field, view, { needed: contact.length === 1 && field === contact[0] }));
  // The rule's error is kept at the first contact input (where the summary links to), but belongs to the pair.
  const errorId = 'contact-error';
  const rule = view.states?.errors.contactRequired;
  const error = rule && view.errors[contact[0]!] === rule ? rule : undefined;
  const fixed = view.fixed.has(contact[0]!);
  const group = html`<fieldset class="contact-group" part="contact-group" aria-describedby="contact-rule">
    <legend class="label">${view.t.contactLegend}</legend>
    <p class="hint" id="contact-rule">${view.t.contactRule}</p>
    ${error ? renderError(errorId, error, view.states, fixed) : nothing}
    ${contact.map((field) => renderField(field, view, { groupError: error && !fixed ? errorId : undefined }))}
  </fieldset>`;
  return shown
    .filter((field) => !contact.includes(field) || field === contact[0])
    .map((field) => (field === contact[0] ? group : renderField(field, view)));
}

interface FieldPlace {
  /** Needed though not in `required` (the only way to reach the visitor): not marked optional. */
  needed?: boolean;
  /** In the contact group whose error (by id) this input shares; its own error is not repeated. */
  groupError?: string;
}

export function renderField(field: FieldName, view: FieldView, place: FieldPlace = {}) {
  const { t, values } = view;
  const spec = fieldSpec(field);
  const id = `input-${field}`;
  const hint = t.hints[field];
  const inGroup = 'groupError' in place;
  const own = view.errors[field];
  const error = own && own === view.states?.errors.contactRequired && inGroup ? undefined : own;
  const fixed = view.fixed.has(field);
  const describedBy =
    [hint && `${id}-hint`, error && !fixed && `${id}-error`, place.groupError].filter(Boolean).join(' ') || undefined;
  const optional = !view.required.includes(field) && !place.needed && !inGroup;
  const value = values[field] ?? '';
  const invalid = (error && !fixed) || place.groupError ? 'true' : undefined;
  const control =
    spec.type === 'textarea'
      ? html`<textarea part="input" class="input" id=${id} name=${field} rows="5" autocomplete=${spec.autocomplete}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
          .value=${value}></textarea>`
      : html`<input part="input" class="input" id=${id} name=${field} type=${spec.type} autocomplete=${spec.autocomplete}
          inputmode=${ifDefined(spec.inputmode)} spellcheck=${spec.type === 'text' ? nothing : 'false'}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
          .value=${value} />`;
  return html`<div class="field field-${field.replace('.', '-')} ${invalid ? 'field-error' : ''}" part="field">
    <label part="label" class="label" for=${id}>${optional ? html`${t.labels[field]} <span class="optional">${t.optional}</span>` : t.labels[field]}</label>
    ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? renderError(`${id}-error`, error, view.states, fixed) : nothing}
    ${control}
    ${field === 'socialSecurityNumber' ? renderForeignBox(view) : nothing}
  </div>`;
}

function renderForeignBox({ t, values, onInput }: FieldView) {
  return html`<div class="checkbox">
    <input type="checkbox" id="input-isForeignSocialSecurityNumber" name="isForeignSocialSecurityNumber"
      .checked=${Boolean(values.isForeignSocialSecurityNumber)} @change=${onInput} />
    <label for="input-isForeignSocialSecurityNumber">${t.labels.isForeignSocialSecurityNumber}</label>
  </div>`;
}

/**
 * The honeypot that people never see (a bot fills it in), and the submit button, which remembers while
 * it is pressed (`onPointer`), so that the view can keep an error above it from moving it mid-click.
 */
export function renderTrapAndSubmit(t: FormTexts, sending: boolean, onPointer: (event: PointerEvent) => void) {
  return html`<div class="trap" aria-hidden="true">
      <label for="input-website">Website</label>
      <input id="input-website" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>
    <div class="submit-row">
      <button type="submit" part="submit" class="submit" aria-disabled=${sending ? 'true' : 'false'}
        @pointerdown=${onPointer} @pointercancel=${onPointer} @pointerleave=${onPointer}>${sending ? t.sending : t.submit}</button>
    </div>`;
}

/** The privacy sentence, or the consent box that must be ticked when consent is required. */
export function renderConsent(
  t: FormTexts,
  options: {
    states: StateTexts | undefined;
    policyUrl?: string;
    required: boolean;
    checked: boolean;
    error?: string;
    fixed: boolean;
    onChange: (event: Event) => void;
  },
) {
  const { policyUrl, error, fixed } = options;
  const invalid = error && !fixed;
  // Only an http(s) URL is a link, from the first drawing on (the check that says so arrives later).
  const policy =
    policyUrl && webUrl(policyUrl, location.href)
      ? html`<a href=${policyUrl} target="_blank" rel="noopener">${t.privacyPolicy}</a>`
      : t.privacyPolicyPlain;
  if (!options.required) return policyUrl ? html`<p class="privacy">${t.privacySentence(policy)}</p>` : nothing;
  return html`<div class="field ${invalid ? 'field-error' : ''}" part="field">
    ${error ? renderError('input-consent-error', error, options.states, fixed) : nothing}
    <div class="checkbox">
      <input type="checkbox" id="input-consent" name="consent" .checked=${options.checked} @change=${options.onChange}
        aria-describedby=${ifDefined(invalid ? 'input-consent-error' : undefined)} aria-invalid=${ifDefined(invalid ? 'true' : undefined)} />
      <label for="input-consent">${t.consentLabel(policy)}</label>
    </div>
  </div>`;
}

export interface StatusView {
  status: 'idle' | 'sending' | 'sent' | 'failed';
  text: string;
  /** Offered when a lead ends unsent (not for errors the visitor can fix, which have no status text). */
  fallbackEmail?: string;
  fallbackPhone?: string;
  values: Readonly<Record<string, string | boolean | undefined>>;
}

/**
 * The one live region that says "sending", "sent" and why sending failed: it stays in the page through
 * every state, so that screen readers announce each change. A failure is an alert box with an icon, and
 * offers the broker's e-mail (carrying what the visitor typed) and phone number when the page gave them.
 */
export function renderStatus(t: FormTexts, view: StatusView) {
  const failed = view.status === 'failed' && view.text !== '';
  const { fallbackEmail: email, fallbackPhone: phone } = view;
  // Built only for a failure: the mailto carries everything typed, and the status renders on every keystroke.
  const fallback = () => {
    const emailLink = email
      ? html`<a href=${fallbackMailto(email, t.fallbackSubject, view.values, t.labels)}>${email}</a>`
      : '';
    const phoneLink = phone ? html`<a href=${telLink(phone)}>${phone}</a>` : '';
    return html`<p class="fallback">${t.fallback(emailLink, phoneLink)}</p>`;
  };
  return html`<div class="status ${failed ? 'status-failed' : ''} ${view.status === 'sent' ? 'visually-hidden' : ''}" part="status" role="status">${
    failed
      ? html`<svg class="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.25 5h2.5v7h-2.5Zm0 8.5h2.5V18h-2.5Z" /></svg
          ><p class="status-text">${view.text}</p>${email || phone ? fallback() : nothing}`
      : view.text
  }</div>`;
}
