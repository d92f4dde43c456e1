/**
 * The page side of attribution (marketing.ts is the pure side): this page view's URL, referrer, clock
 * and storage, recorded once per page view however many forms the page has.
 */
import type { FormMarketing } from '../lead/lead-schema.js';
import { parseAttributionMode, parseTrackingParams, recordVisit } from '../lead/marketing.js';

/** How a page view is recorded: a form's `attribution` and `tracking-params`, or the script tag's `data-` ones. */
export interface AttributionSettings {
  attribution?: string | null;
  trackingParams?: string | null;
}

/**
 * The settings of the page: the first form's attributes, or the script tag's `data-attribution` and
 * `data-tracking-params` (read before any form is upgraded, so from its attributes).
 */
export function pageAttributionSettings(page: ParentNode): AttributionSettings {
  const source = page.querySelector('vitec-lead-form, script[data-attribution], script[data-tracking-params]');
  const prefix = source?.localName === 'script' ? 'data-' : '';
  return {
    attribution: source?.getAttribute(`${prefix}attribution`),
    trackingParams: source?.getAttribute(`${prefix}tracking-params`),
  };
}

let recorded: { view: string; marketing: FormMarketing | undefined } | undefined;

/** Runs `work` when the browser is idle (Safari has no `requestIdleCallback`: then after the current task). */
export function whenIdle(work: () => unknown): void {
  (window.requestIdleCallback ?? setTimeout)(() => void work());
}

/**
 * Records this page view in the visit's memory and returns the visit's attribution. The first call for
 * a page view decides how (the script's own call at load reads the first form's `attribution` and
 * `tracking-params`, or the script tag's `data-attribution` and `data-tracking-params`); every later
 * call for the same URL and referrer, from each form on the page, gets a copy of that result. A new URL
 * (a single-page site's navigation) is a new page view.
 */
export function recordPageVisit(settings: AttributionSettings): FormMarketing | undefined {
  const mode = parseAttributionMode(settings.attribution);
  const trackingParams = parseTrackingParams(settings.trackingParams);
  const view = `${location.href}\n${document.referrer}`;
  if (recorded?.view !== view) {
    recorded = {
      view,
      marketing: recordVisit(mode, {
        url: location.href,
        referrer: document.referrer,
        trackingParams,
        now: Date.now(),
        storage: (kind) => (kind === 'local' ? localStorage : sessionStorage),
      }),
    };
  }
  // A copy per form, so a page that changes one form's `marketing` changes no other. Plain JSON data:
  // a JSON round trip copies it in every browser the form supports (structuredClone needs Safari 15.4).
  return recorded.marketing && (JSON.parse(JSON.stringify(recorded.marketing)) as FormMarketing);
}
