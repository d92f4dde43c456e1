/**
 * What the view does once a render is on screen, as a Lit reactive controller: the thank-you keeps the height of the
 * form it replaced, so that the page below does not move up; and the focus moves where the last change asked (the
 * error summary, the thank-you, the first input).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AfterRender implements ReactiveController {
  /** The element's height when the thank-you replaced the form. */
  private formHeight = 0;
  /** What takes the focus after the next render: a selector. */
  private focusTarget?: string;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** The selector of what takes the focus after the next render, if anything. */
  focus(selector: string | undefined): void {
    this.focusTarget = selector;
  }

  /** The form is about to give way to the thank-you: its height now is the thank-you's. */
  keepHeight(): void {
    this.formHeight = this.host.getBoundingClientRect().height;
  }

  hostUpdated(): void {
    // Set through the CSSOM: a strict CSP refuses style attributes (Lit's styleMap writes one at first render).
    const success = this.host.renderRoot.querySelector<HTMLElement>('.success');
    if (success && this.formHeight) success.style.minHeight = `${Math.round(this.formHeight)}px`;
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (target) this.host.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }
}
