/**
 * The recording of a page view in the visit's memory (the page side of attribution; marketing.ts is the pure side):
 * this page view's URL, referrer, clock and storage, recorded once per page view however many forms the page has.
 * A chunk of its own (visit.ts loads it at idle), which the lazily loaded behaviour also holds.
 */
import type { FormMarketing } from '../lead/lead-schema.js';
import { parseAttributionMode, parseTrackingParams, recordVisit } from '../lead/marketing.js';
import type { AttributionSettings } from './visit.js';

let recorded: { view: string; marketing: FormMarketing | undefined } | undefined;

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
