import { css } from 'lit';

/**
 * Public `--vitec-lead-form-*` tokens are read once into private `--_*` ones on `:host` (Material's pattern), so a
 * site can theme from `:root` and every rule below has one name to use. The tokens and their defaults are the
 * table in theme.ts, in its order (test/unit/theme.test.ts compares them: written out here, they cost the page
 * fewer bytes than made from the table).
 */

export const styles = css`
  :host {
    --_accent: var(--vitec-lead-form-accent, #0b5cad);
    --_focus: var(--vitec-lead-form-focus, #141414);
    --_text: var(--vitec-lead-form-text);
    --_background: var(--vitec-lead-form-background, Canvas);
    --_border: var(--vitec-lead-form-border, #6b6b6b);
    --_error: var(--vitec-lead-form-error, #b3261e);
    --_radius: var(--vitec-lead-form-radius, 4px);
    --_spacing: var(--vitec-lead-form-spacing, 1rem);
    --_font: var(--vitec-lead-form-font);
    --_on-accent: #fff;
    --_fixed: #1e6b35;
    /* The focus ring: two tones (--_focus and --_focus-gap), so that one stands out on any control and any page. */
    --_focus-gap: Canvas;

    /* The layout follows the element's own width, not the window's (see the @container rule below). */
    container-type: inline-size;
    display: block;
    /* Unset, the text colour and colour scheme are the page's own. */
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    max-width: 40rem;
    overflow-wrap: anywhere;
  }
  /* On a page whose color-scheme is dark, dark-page colours; a browser without light-dark() keeps the light ones. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_accent: var(--vitec-lead-form-accent, light-dark(#0b5cad, #8ab4f8));
      --_focus: var(--vitec-lead-form-focus, light-dark(#141414, #f2f2f2));
      --_border: var(--vitec-lead-form-border, light-dark(#6b6b6b, #9a9a9a));
      --_error: var(--vitec-lead-form-error, light-dark(#b3261e, #ff8f84));
      --_on-accent: light-dark(#fff, #111);
      --_fixed: light-dark(#1e6b35, #7dd69b);
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* One column; from 480 px of the element's width, some inputs share a row (flex-wrap keeps them in order). */
  form,
  .contact-group {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_spacing);
    margin: 0;
  }
  form > *,
  .contact-group > * {
    flex: 1 1 100%;
    min-width: 0;
  }
  .contact-group {
    border: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .contact-group > legend {
    padding: 0;
    margin-bottom: calc(var(--_spacing) / 4);
  }
  .contact-group > .hint {
    margin-top: calc(var(--_spacing) / -1.5);
  }
  .field {
    display: grid;
    gap: calc(var(--_spacing) / 4);
    align-content: start;
  }
  .field-address-zipCode .input {
    max-width: calc(8ch + 1.5rem);
  }
  .field-socialSecurityNumber .input {
    max-width: calc(15ch + 1.5rem);
  }
  @container (min-width: 480px) {
    /* A basis under half, so that rounding never pushes the second to a new row; both grow to fill it. */
    form > .field-firstName,
    form > .field-lastName {
      flex-basis: 40%;
    }
    /* The postal code's field is as wide as its label and hint (its input, 8 characters); the city takes the rest. */
    form > .field-address-zipCode {
      flex: 0 1 auto;
      width: max-content;
      max-width: 50%;
    }
    form > .field-address-city {
      flex: 1 1 0;
    }
    /* Inputs that share a row line up, whatever wraps above them. */
    form > .field-firstName,
    form > .field-lastName,
    form > .field-address-zipCode,
    form > .field-address-city {
      align-content: end;
    }
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
  /* An errored input is marked beyond colour: a thick bar on its left. */
  .field-error .input {
    border-color: var(--_error);
    border-left-width: 6px;
  }
  .error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  /* Fixed since the last submit: kept in place, so that nothing moves, and marked as done. */
  .error-fixed {
    color: var(--_fixed);
    /* The same weight as an error: other text metrics could rewrap it and move the inputs below. */
    text-decoration: line-through;
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
  /* A row of its own (a flex item of the form at full width), so that the button never joins a shared row. */
  .submit {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1.5rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  .submit[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  /* The ring: a gap in the page's own colour, then a dark (on a dark page, light) outline. */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus-gap);
  }
  .status {
    margin: 0;
    min-height: 1.5em;
  }
  .status-failed {
    margin-top: var(--_spacing);
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    padding: var(--_spacing);
    border: 2px solid var(--_error);
    border-left-width: 6px;
    border-radius: var(--_radius);
  }
  .status-failed p {
    margin: 0;
    grid-column: 2;
  }
  .status-icon {
    grid-row: 1 / span 2;
    width: 1.5rem;
    height: 1.5rem;
    fill: var(--_error);
  }
  .status-text,
  .config-error {
    color: var(--_error);
    font-weight: 600;
  }
  .privacy,
  .preview-note {
    margin: 0;
  }
  .preview-note {
    padding: calc(var(--_spacing) / 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  a {
    color: inherit;
  }
  /* The honeypot: out of sight, out of the tab order and out of the accessibility tree. Its input takes the form's
     font, or the browser would look up its own control font for it (a font lookup the page makes for nothing). */
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .trap input {
    font: inherit;
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
    .input {
      border-color: CanvasText;
    }
  }
`;
