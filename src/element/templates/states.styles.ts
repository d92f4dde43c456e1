import { css } from 'lit';

/** The states' CSS, adopted by each form beside its own stylesheet (lead-form.styles.ts) when the chunk arrives. */
export const statesStyles = css`
  .send-another {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    margin-top: var(--_spacing);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  /* The summary and the thank-you take the focus from the script, to be read out; they are no control. */
  .summary:focus,
  .success:focus {
    outline: none;
    box-shadow: none;
  }
  .summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
  .summary-heading,
  .success-heading {
    margin: 0 0 calc(var(--_spacing) / 2);
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
  /* Marked by style alone, and "(rättat)" for screen readers only: a visible word could wrap the line and
     move every input below (it did in Firefox and WebKit). */
  .summary .fixed a {
    color: var(--_fixed);
    text-decoration: line-through;
  }
  /* The thank-you keeps the form's height (set from the script); its bar and padding are its content's. */
  .success-body {
    border-left: 4px solid var(--_accent);
    padding: var(--_spacing);
  }
  .lead-id {
    margin-bottom: 0;
  }
  @media (forced-colors: active) {
    .summary {
      border-color: CanvasText;
    }
  }
`;
