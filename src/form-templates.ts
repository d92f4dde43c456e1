/** The form's parts as template functions of what the element holds: an input with its label, hint and error; consent; thanks. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { INPUTS } from './form-fields.js';
import type { FormValues } from './lead-payload.js';
import type { FieldName } from './lead-paths.js';
import type { Messages } from './messages.js';

/** An input that can carry an error: a lead field, or the consent box. */
export type ErrorTarget = FieldName | 'consent';

export interface FieldView {
  t: Messages;
  values: FormValues;
  errors: Partial<Record<ErrorTarget, string>>;
  required: readonly FieldName[];
  onInput: (event: Event) => void;
  onBlur: (event: Event) => void;
}

function renderError(id: string, error: string, t: Messages) {
  return html`<p part="error" class="error" id=${id}><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>`;
}

export function renderField(field: FieldName, view: FieldView) {
  const { t, values } = view;
  const spec = INPUTS[field];
  const id = `input-${field}`;
  const hint = t.hints[field];
  const error = view.errors[field];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const optional = !view.required.includes(field);
  const value = values[field] ?? '';
  const invalid = error ? 'true' : undefined;
  const control =
    spec.type === 'textarea'
      ? html`<textarea part="input" class="input" id=${id} name=${field} rows="5" autocomplete=${spec.autocomplete}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
          .value=${value} @input=${view.onInput} @blur=${view.onBlur}></textarea>`
      : html`<input part="input" class="input" id=${id} name=${field} type=${spec.type} autocomplete=${spec.autocomplete}
          inputmode=${ifDefined(spec.inputmode)} spellcheck=${spec.type === 'text' ? nothing : 'false'}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${ifDefined(invalid)}
          .value=${value} @input=${view.onInput} @blur=${view.onBlur} />`;
  return html`<div class="field ${error ? 'field-error' : ''}" part="field">
    <label part="label" class="label" for=${id}>${optional ? html`${t.labels[field]} <span class="optional">${t.optional}</span>` : t.labels[field]}</label>
    ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? renderError(`${id}-error`, error, t) : nothing}
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
export function renderTrapAndSubmit(t: Messages, sending: boolean, onPointer: (event: PointerEvent) => void) {
  return html`<div class="trap" aria-hidden="true">
      <label for="input-website">Website</label>
      <input id="input-website" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>
    <button type="submit" part="submit" class="submit" aria-disabled=${sending ? 'true' : 'false'}
      @pointerdown=${onPointer} @pointercancel=${onPointer} @pointerleave=${onPointer}>${sending ? t.sending : t.submit}</button>`;
}

/** The privacy sentence, or the consent box that must be ticked when consent is required. */
export function renderConsent(
  t: Messages,
  options: { policyUrl?: string; required: boolean; checked: boolean; error?: string; onChange: (event: Event) => void },
) {
  const { policyUrl, error } = options;
  const policy = policyUrl ? html`<a href=${policyUrl} target="_blank" rel="noopener">${t.privacyPolicy}</a>` : t.privacyPolicyPlain;
  if (!options.required) return policyUrl ? html`<p class="privacy">${t.privacySentence(policy)}</p>` : nothing;
  return html`<div class="field ${error ? 'field-error' : ''}" part="field">
    ${error ? renderError('input-consent-error', error, t) : nothing}
    <div class="checkbox">
      <input type="checkbox" id="input-consent" name="consent" .checked=${options.checked} @change=${options.onChange}
        aria-describedby=${ifDefined(error ? 'input-consent-error' : undefined)} aria-invalid=${ifDefined(error ? 'true' : undefined)} />
      <label for="input-consent">${t.consentLabel(policy)}</label>
    </div>
  </div>`;
}

/** The thank-you: the site's own `success` slot, or the built-in text (or `success-message`) and the lead id. */
export function renderSuccess(t: Messages, leadId: string, successMessage?: string) {
  const custom = successMessage?.replaceAll('{leadId}', leadId);
  return html`<div class="success" part="success" tabindex="-1" aria-labelledby="success-heading">
    <slot name="success">
      <h2 id="success-heading" class="success-heading">${t.sentHeading}</h2>
      <p>${custom ?? t.sentBody}</p>
    </slot>
    ${leadId && !custom ? html`<p class="lead-id">${t.leadId(leadId)}</p>` : nothing}
  </div>`;
}
