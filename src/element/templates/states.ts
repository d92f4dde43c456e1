/**
 * The states a form shows only once the visitor has acted, in the lazily loaded chunk (behaviour.ts) with their CSS:
 * the GOV.UK error summary (a heading and one link per problem) and the thank-you. Neither can be needed before the
 * chunk is there: a submit waits for it. The form adopts `statesStyles` when the chunk arrives.
 */
import { html, nothing } from 'lit';
import type { Messages } from '../../lead/messages/index.js';

export { statesStyles } from './states.styles.js';

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

/**
 * The thank-you: the site's own `success` slot, or the built-in text (or `success-message`) and the lead id; for a
 * lead the relay keeps to deliver later, that it was received and will reach the broker, and its receipt.
 */
export function renderSuccess(
  t: Messages,
  leadId: string,
  successMessage: string | undefined,
  onSendAnother: () => void,
  receipt = '',
) {
  const custom = receipt ? undefined : successMessage?.replaceAll('{leadId}', leadId);
  return html`<div class="success" part="success" tabindex="-1" aria-labelledby="success-heading">
    <div class="success-body">
    <slot name="success">
      <h2 id="success-heading" class="success-heading">${t.sentHeading}</h2>
      <p>${custom ?? (receipt ? t.queuedBody : t.sentBody)}</p>
    </slot>
    ${receipt ? html`<p class="lead-id">${t.receipt(receipt)}</p>` : leadId && !custom ? html`<p class="lead-id">${t.leadId(leadId)}</p>` : nothing}
    <button type="button" class="send-another" part="send-another" @click=${onSendAnother}>${t.sendAnother}</button>
    </div>
  </div>`;
}
