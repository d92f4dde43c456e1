/** The GOV.UK error summary as a template function: a heading and one link per problem. */
import { html, nothing } from 'lit';
export interface SummaryItem {
  /** The input the problem belongs to, by the part of its id after `input-`. */
  readonly target?: string;
  readonly text: string;
  /** Fixed since the summary was shown: kept in place (so that nothing moves) and marked. */
  readonly fixed?: boolean;
}

/**
 * Links cannot use `#id` across a shadow root, so `onSelect` moves focus itself; the `href` stays for
 * assistive technology and for opening nothing when JavaScript fails.
 */
export function renderErrorSummary<T extends string>(
  heading: string,
  fixedNote: string,
  items: readonly SummaryItem[],
  onSelect: (target: T, event: Event) => void,
) {
  if (!items.length) return nothing;
  // As GOV.UK's: the alert is an inner element, so that focus on the summary and the alert are not read twice.
  return html`<div class="summary" part="error-summary" tabindex="-1">
    <div role="alert">
    <h2 id="summary-heading" class="summary-heading">${heading}</h2>
    <ul class="summary-list">
      ${items.map((item) =>
        item.target
          ? html`<li class=${item.fixed ? 'fixed' : ''}>
              <a href="#input-${item.target}" @click=${(event: Event) => onSelect(item.target as T, event)}>${item.text}</a
              >${item.fixed ? html`<span class="visually-hidden"> ${fixedNote}</span>` : nothing}
            </li>`
          : html`<li>${item.text}</li>`,
      )}
    </ul>
    </div>
  </div>`;
}

/** The summary's items: each target's error, in the targets' order, then the messages that belong to none. */
export function summaryItems<T extends string>(
  targets: readonly T[],
  errors: Partial<Record<T, string>>,
  messages: readonly string[],
  fixed: ReadonlySet<T> = new Set(),
): SummaryItem[] {
  return [
    ...targets
      .filter((target) => errors[target])
      .map((target) => ({ target, text: errors[target]!, fixed: fixed.has(target) })),
    ...messages.map((text) => ({ text })),
  ];
}

/** What a summary link does: the input it names gets focus, with its label scrolled into view. */
export function focusSummaryTarget(root: ParentNode, target: string, event: Event): void {
  event.preventDefault();
  const input = root.querySelector<HTMLElement>(`[id="input-${target}"]`);
  // An input in a group (the contact fieldset) is shown with its legend, which says what the group needs.
  const legend = input?.closest('fieldset')?.querySelector('legend');
  (legend ?? root.querySelector(`label[for="input-${target}"]`))?.scrollIntoView({ block: 'center' });
  input?.focus({ preventScroll: true });
}
