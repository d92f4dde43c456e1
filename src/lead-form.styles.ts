import { css } from 'lit';

/**
 * Public `--vitec-lead-form-*` tokens are read once into private `--_*` ones on `:host` (Material's
 * pattern), so a site can theme from `:root` and every rule below has one name to use.
 */
export const styles = css`
  :host {
    --_accent: var(--vitec-lead-form-accent, #0b5cad);
    --_text: var(--vitec-lead-form-text);
    --_background: var(--vitec-lead-form-background, Canvas);
    --_border: var(--vitec-lead-form-border, #6b6b6b);
    --_error: var(--vitec-lead-form-error, #b3261e);
    --_radius: var(--vitec-lead-form-radius, 4px);
    --_space: var(--vitec-lead-form-spacing, 1rem);
    --_font: var(--vitec-lead-form-font, inherit);

    display: block;
    /* Unset, the text colour and colour scheme are the page's own. */
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    max-width: 40rem;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
    min-width: 0;
  }
  .label {
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    margin: 0;
    opacity: 0.85;
    font-size: 0.9375em;
  }
  .input {
    font: inherit;
    color: inherit;
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 100%;
  }
  textarea.input {
    resize: vertical;
  }
  .field-error .input {
    border-color: var(--_error);
  }
  .error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .checkbox input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .submit {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1.5rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: #fff;
    cursor: pointer;
  }
  .submit[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  :focus-visible,
  .summary:focus {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .status {
    margin: 0;
    min-height: 1.5em;
  }
  .status-failed,
  .config-error {
    color: var(--_error);
    font-weight: 600;
  }
  .summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .summary-heading,
  .success-heading {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.25em;
  }
  .summary-list {
    margin: 0;
    padding-left: 1.25rem;
  }
  .summary a {
    /* A block, so the list marker stays on its first line, and 24 px or more tall. */
    display: block;
    padding: 0.125rem 0;
    color: var(--_error);
    font-weight: 600;
  }
  .success {
    border-left: 4px solid var(--_accent);
    padding: var(--_space);
  }
  .lead-id {
    margin-bottom: 0;
  }
  .privacy,
  .preview-note {
    margin: 0;
  }
  .preview-note {
    padding: calc(var(--_space) / 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  a {
    color: inherit;
  }
  /* The honeypot: out of sight, out of the tab order and out of the accessibility tree. */
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    .submit {
      border-color: ButtonText;
    }
    .summary,
    .input {
      border-color: CanvasText;
    }
  }
`;
