/**
 * The page side of attribution (marketing.ts is the pure side), the part in the entry file: where the page's settings
 * are, when the browser is idle, and the loading of the recording itself (attribution.ts), a chunk of its own that
 * the page fetches when it is idle or a form needs it.
 */
import { loadOnce } from './load-once.js';

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

/**
 * Whether this page view may bring the visit something new to remember: tags in its URL (any query: which parameters
 * count is the recording's to say), or a referrer that may be another site (any but this page's origin). Most page
 * views of a visit bring nothing new: they touch no storage and fetch no recording, and a lead sent from them reads
 * what the visit remembered as it is built. Never false for a page view the recording would keep something of.
 */
export function mayBringNewTouch(url: string, referrer: string): boolean {
  const { origin, search } = new URL(url);
  return search.length > 1 || (referrer !== '' && !referrer.startsWith(`${origin}/`));
}

/** Runs `work` when the browser is idle (Safari has no `requestIdleCallback`: then after the current task). */
export function whenIdle(work: () => unknown): void {
  (window.requestIdleCallback ?? setTimeout)(() => void work());
}

export type VisitRecorder = typeof import('./attribution.js');

const recorder = loadOnce(() => import('./attribution.js'));
/** Loads the recording, once (a failed load is tried again next time). */
export const loadVisitRecorder = recorder.load;
/** The recording if it has arrived, without waiting. */
export const loadedVisitRecorder = recorder.loaded;
